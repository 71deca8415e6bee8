#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Toggles per second from Python, every way side by side in one process.

usage: py_bench.py PIN [SECONDS]

Each way drives PIN high then low in a loop (two toggles per pass) for
about SECONDS (default 0.3), three times; the best of the three counts.
One line per way, "pybench WAY RATE", then the ratios the issue asks
about. The pin is an output throughout and is left low, as an input, at
the end. Nothing here is gated on a rate: the suite only checks that
every way ran and moved the pin.
"""
import mmap
import os
import sys
import time

GPSET0, GPCLR0 = 0x1C, 0x28


def rate(body, seconds):
    """Best toggles per second of three runs of body(n) (n passes)."""
    best, n = 0.0, 256
    for _ in range(3):
        passes, start = 0, time.perf_counter()
        while True:
            body(n)
            passes += n
            took = time.perf_counter() - start
            if took >= seconds:
                break
        best = max(best, 2 * passes / took)
    return best


def handle(pin, seconds):
    import pigpio_regs
    with pigpio_regs.Chip() as chip:
        chip.set_function(pin, "output")
        line = chip.line(pin)
        high, low = line.high, line.low

        def body(n):
            for _ in range(n):
                high()
                low()
        return rate(body, seconds)


def gz_pin(factory, pin, seconds):
    """gpiozero's Pin object of a factory: the factory's own cost. The
    factory is closed after, so the next one makes its own pin (gpiozero
    keeps one table of pins for all its Pi factories in a process)."""
    p = factory.pin(pin)
    assert type(p).__module__ == type(factory).__module__, type(p)
    p.function = "output"

    def body(n):
        for _ in range(n):
            p.state = 1
            p.state = 0
    try:
        return rate(body, seconds)
    finally:
        p.close()
        factory.close()  # gpiozero shares its pins among Pi factories


def gz_device(factory, pin, seconds):
    """gpiozero's OutputDevice: what a gpiozero program pays."""
    import gpiozero
    dev = gpiozero.OutputDevice(pin, pin_factory=factory)
    on, off = dev.on, dev.off

    def body(n):
        for _ in range(n):
            on()
            off()
    try:
        return rate(body, seconds)
    finally:
        dev.close()
        factory.close()


def factory_of(name):
    if name == "pigpio_regs":
        from pigpio_regs.gpiozero_factory import PigpioRegsFactory
        return PigpioRegsFactory()
    from gpiozero.pins.native import NativeFactory
    return NativeFactory()


def rpigpio(pin, seconds):
    import RPi.GPIO as GPIO
    GPIO.setwarnings(False)
    GPIO.setmode(GPIO.BCM)
    GPIO.setup(pin, GPIO.OUT)
    output = GPIO.output

    def body(n):
        for _ in range(n):
            output(pin, 1)
            output(pin, 0)
    try:
        return rate(body, seconds)
    finally:
        GPIO.cleanup(pin)


def raw_mmap(pin, seconds):
    """The register page through Python's own mmap: no library at all."""
    fd = os.open("/dev/gpiomem", os.O_RDWR | os.O_SYNC)
    try:
        page = mmap.mmap(fd, 4096, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
    finally:
        os.close(fd)
    words = memoryview(page).cast("I")
    sel, shift = pin // 10, (pin % 10) * 3
    words[sel] = (words[sel] & ~(7 << shift)) | (1 << shift)
    bit, set_i, clr_i = 1 << (pin % 32), GPSET0 // 4 + pin // 32, GPCLR0 // 4 + pin // 32

    def body(n):
        for _ in range(n):
            words[set_i] = bit
            words[clr_i] = bit
    try:
        return rate(body, seconds)
    finally:
        words[clr_i] = bit
        words[sel] &= ~(7 << shift)
        words.release()
        page.close()


def main(argv):
    if len(argv) not in (2, 3) or not argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    pin = int(argv[1])
    seconds = float(argv[2]) if len(argv) == 3 else 0.3
    rates = {}
    ways = [
        ("handle", lambda: handle(pin, seconds)),
        ("factory_pin", lambda: gz_pin(factory_of("pigpio_regs"), pin, seconds)),
        ("native_pin", lambda: gz_pin(factory_of("native"), pin, seconds)),
        ("factory_device", lambda: gz_device(factory_of("pigpio_regs"), pin, seconds)),
        ("native_device", lambda: gz_device(factory_of("native"), pin, seconds)),
        ("rpigpio", lambda: rpigpio(pin, seconds)),
        ("raw_mmap", lambda: raw_mmap(pin, seconds)),
    ]
    failed = 0
    for name, way in ways:
        try:
            rates[name] = way()
            print("pybench %s %.0f" % (name, rates[name]), flush=True)
        except Exception as err:
            failed += 1
            print("pybench %s error %s: %s" % (name, type(err).__name__, err), flush=True)
    for a, b in (("handle", "rpigpio"), ("handle", "raw_mmap"),
                 ("factory_pin", "native_pin"), ("factory_device", "native_device")):
        if a in rates and b in rates and rates[b] > 0:
            print("pybench ratio %s/%s %.2f" % (a, b, rates[a] / rates[b]), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
