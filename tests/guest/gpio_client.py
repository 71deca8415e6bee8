#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Drive one pin with an unmodified third-party library, one step at a time.

usage: gpio_client.py rpigpio|gpiozero PIN

Reads one step per line on stdin and answers each with one line on stdout,
so that the suite (tests/guest/pyclients.sh) can check every step with the
kernel pinctrl driver's own view of the pin before sending the next:

  hello   -> "ready LIBRARY VERSION BOARD" (what the library recognised)
  output  -> configure the pin as an output
  high    -> drive it high            low -> drive it low
  input   -> configure it as an input and answer the level read: 0 or 1
  quit    -> release the pin the library's own way, answer, exit 0

Any library error is answered as "error ..." and the loop goes on.
"""
import sys


class RPiGPIO:
    """RPi.GPIO (python3-rpi.gpio): opens /dev/gpiomem, maps one page."""

    def __init__(self, pin):
        import RPi.GPIO as GPIO
        self.gpio, self.pin = GPIO, pin
        GPIO.setwarnings(False)
        GPIO.setmode(GPIO.BCM)
        self.about = "RPi.GPIO %s %s" % (GPIO.VERSION, GPIO.RPI_INFO["TYPE"])

    def output(self):
        self.gpio.setup(self.pin, self.gpio.OUT)

    def drive(self, level):
        self.gpio.output(self.pin, level)

    def read_as_input(self):
        self.gpio.setup(self.pin, self.gpio.IN)
        return self.gpio.input(self.pin)

    def close(self):
        self.gpio.cleanup()


class GpioZero:
    """gpiozero (python3-gpiozero) with its native pin factory, which opens
    /dev/gpiomem and maps one page itself (GPIOZERO_PIN_FACTORY=native)."""

    def __init__(self, pin):
        from importlib.metadata import version
        import gpiozero
        from gpiozero.pins.native import NativeFactory
        self.gz, self.pin, self.device = gpiozero, pin, None
        self.factory = NativeFactory()
        self.about = "gpiozero %s Pi %s" % (
            version("gpiozero"), self.factory.pi_info.model)

    def _release(self):
        if self.device is not None:
            self.device.close()
            self.device = None

    def output(self):
        self._release()
        self.device = self.gz.DigitalOutputDevice(
            self.pin, pin_factory=self.factory)

    def drive(self, level):
        if level:
            self.device.on()
        else:
            self.device.off()

    def read_as_input(self):
        self._release()
        # InputDevice, not DigitalInputDevice: the latter also sets up edge
        # events, which gpiozero takes from the kernel's /sys/class/gpio
        # (Debian's rpi.gpio-common grants that to group dialout), not from
        # the register page. pull_up=None leaves the pull as it is.
        self.device = self.gz.InputDevice(
            self.pin, pull_up=None, active_state=True,
            pin_factory=self.factory)
        return int(self.device.value)

    def close(self):
        self._release()
        self.factory.close()


LIBRARIES = {"rpigpio": RPiGPIO, "gpiozero": GpioZero}


def answer(text):
    print(text, flush=True)


def main(argv):
    if len(argv) != 3 or argv[1] not in LIBRARIES or not argv[2].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    try:
        lib = LIBRARIES[argv[1]](int(argv[2]))
    except Exception as err:  # the library refused: say so and stop
        answer("error %s: %s" % (type(err).__name__, err))
        return 1
    steps = {
        "hello": lambda: "ready " + lib.about,
        "output": lambda: lib.output() or "ok",
        "high": lambda: lib.drive(1) or "ok",
        "low": lambda: lib.drive(0) or "ok",
        "input": lambda: str(lib.read_as_input()),
        "quit": lambda: lib.close() or "bye",
    }
    while True:
        step = sys.stdin.readline().strip()
        if not step:
            return 0
        try:
            answer(steps[step]() if step in steps else "error no step " + step)
        except Exception as err:
            answer("error %s: %s" % (type(err).__name__, err))
        if step == "quit":
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
