#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Drive gpiozero's own device classes, unmodified, one step at a time.

usage: gz_devices.py PIN

The pin factory is whatever gpiozero picks itself: the suite sets
GPIOZERO_PIN_FACTORY=pigpio_regs, and gpiozero finds the factory through
its entry point. One step per line on stdin, one answer per line on
stdout, so that tests/guest/python.sh can check each step against the
kernel pinctrl driver's view of the pin before sending the next:

  led on|off       LED(PIN).on() / .off()
  out on|off       OutputDevice(PIN).on() / .off()
  pwm VALUE        PWMLED(PIN).value = VALUE (software PWM, 100 Hz)
  din              DigitalInputDevice(PIN, pull_up=None, active_state=True)
                   -> its value, 0 or 1
  button           Button(PIN, pull_up=None, active_state=True)
                   -> is_pressed, 0 or 1
  close            close the device open on the pin
  quit             close everything, answer "bye", exit 0

A step that makes a device first closes the one open on the pin. The
first device made answers "ok FACTORY" (the factory's class name); any
gpiozero error is answered "error CLASS: MESSAGE" and the loop goes on.
"""
import sys


class Client:
    def __init__(self, pin):
        import gpiozero
        self.gz, self.pin, self.device, self.kind = gpiozero, pin, None, None
        self.named = False

    def _make(self, kind, *args, **kwargs):
        if self.kind != kind:
            self.close()
            self.device = getattr(self.gz, kind)(self.pin, *args, **kwargs)
            self.kind = kind
        return self.device

    def _ok(self):
        if self.named:
            return "ok"
        self.named = True
        return "ok " + type(self.device.pin_factory).__name__

    def led(self, what):
        dev = self._make("LED")
        dev.on() if what == "on" else dev.off()
        return self._ok()

    def out(self, what):
        dev = self._make("OutputDevice")
        dev.on() if what == "on" else dev.off()
        return self._ok()

    def pwm(self, value):
        dev = self._make("PWMLED")
        dev.value = float(value)
        return self._ok()

    def din(self):
        dev = self._make("DigitalInputDevice", pull_up=None, active_state=True)
        return str(int(dev.value))

    def button(self):
        dev = self._make("Button", pull_up=None, active_state=True)
        return str(int(dev.is_pressed))

    def close(self):
        if self.device is not None:
            self.device.close()
        self.device = self.kind = None
        return "ok"


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    client = Client(int(argv[1]))
    while True:
        words = sys.stdin.readline().split()
        if not words:
            return 0
        if words[0] == "quit":
            client.close()
            print("bye", flush=True)
            return 0
        step = getattr(client, words[0], None) if words[0] in (
            "led", "out", "pwm", "din", "button", "close") else None
        try:
            reply = step(*words[1:]) if step else "error no step " + words[0]
        except Exception as err:  # what gpiozero said, on one line
            reply = "error %s: %s" % (type(err).__name__, str(err).replace("\n", " "))
        print(reply, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
