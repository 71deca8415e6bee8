# SPDX-License-Identifier: LGPL-2.1-or-later
"""pigpio_regs.Timer and the gpiozero factory's ticks() over a simulated
system timer: a file whose CLO/CHI words the test writes (the library's
CHI/CLO/CHI read across a wrap is tested in tests/unit/test_timer.c)."""

import errno
import os
import struct
import tempfile
import time
import unittest
import warnings

import gpiozero

import pigpio_regs
from pigpio_regs import Timer
from pigpio_regs.gpiozero_factory import PigpioRegsFactory

from sim import SimBlock

warnings.simplefilter("ignore", gpiozero.PinNonPhysical)

CLO, CHI = 0x04, 0x08


def timer_file(directory, count, size=0x1c):
    path = os.path.join(directory, "timer")
    regs = bytearray(size)
    struct.pack_into("<II", regs, CLO, count & 0xffffffff, count >> 32)
    with open(path, "wb") as f:
        f.write(regs)
    return path


def store(path, count):
    with open(path, "r+b") as f:
        f.seek(CLO)
        f.write(struct.pack("<II", count & 0xffffffff, count >> 32))


class TestTimer(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pgr-pytimer-")
        self.path = timer_file(self.dir, 0x123456789abcdef)

    def tearDown(self):
        for name in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, name))
        os.rmdir(self.dir)

    def test_read_and_read32(self):
        with Timer(self.path) as t:
            self.assertEqual(t.read(), 0x123456789abcdef)
            self.assertEqual(t.read32(), 0x89abcdef)
            store(self.path, (7 << 32) | 5)     # the mapping is shared
            self.assertEqual(t.read(), (7 << 32) | 5)
            self.assertEqual(t.device, self.path)
        self.assertTrue(t.closed)

    def test_closed_raises(self):
        t = Timer(self.path)
        t.close()
        t.close()                               # twice is fine
        for call in (t.read, t.read32, lambda: t.delay_us(1),
                     t.__enter__):
            with self.assertRaises(ValueError):
                call()
        self.assertIn("closed", repr(t))

    def test_delay_range(self):
        with Timer(self.path) as t:
            self.assertEqual(t.delay_us(0), 0x123456789abcdef)
            for bad in (-1, 1000001):
                with self.assertRaises(ValueError):
                    t.delay_us(bad)

    def test_open_errors(self):
        with self.assertRaises(FileNotFoundError):
            Timer(os.path.join(self.dir, "absent"))
        short = os.path.join(self.dir, "short")
        with open(short, "wb") as f:
            f.write(bytes(0x18))
        with self.assertRaises(OSError) as cm:
            Timer(short)
        self.assertEqual(cm.exception.errno, errno.EPROTO)
        self.assertEqual(pigpio_regs.DEFAULT_TIMER_DEVICE, "/dev/pigpio_timer")

    def test_init_once(self):
        t = Timer(self.path)
        with self.assertRaises(RuntimeError):
            t.__init__(self.path)
        t.close()


class TestFactoryTicks(unittest.TestCase):
    def setUp(self):
        self.sim = SimBlock("bcm2837")
        self.dir = tempfile.mkdtemp(prefix="pgr-pytimer-")
        self.gpiochip = tempfile.mkdtemp(prefix="pgr-nochip-")
        self.path = timer_file(self.dir, 5_000_000_000)

    def tearDown(self):
        for d in (self.dir, self.gpiochip):
            for name in os.listdir(d):
                os.unlink(os.path.join(d, name))
            os.rmdir(d)
        self.sim.cleanup()

    def factory(self, timer_device):
        return PigpioRegsFactory(device=self.sim.dev, attr_dir=self.sim.sys,
                                 revision="a02082",
                                 gpiochip_dir=self.gpiochip,
                                 timer_device=timer_device)

    def test_ticks_from_the_timer(self):
        f = self.factory(self.path)
        try:
            self.assertEqual(f.ticks(), 5_000_000_000)
            store(self.path, 5_001_500_000)
            self.assertEqual(f.ticks(), 5_001_500_000)
            self.assertEqual(f.ticks_diff(5_001_500_000, 5_000_000_000), 1.5)
        finally:
            f.close()

    def test_edge_stamp_carried_to_the_timer(self):
        f = self.factory(self.path)
        try:
            # An event stamped 0.25 s ago on CLOCK_MONOTONIC.
            ticks = f._ticks_of(time.monotonic_ns() - 250_000_000)
            self.assertLessEqual(ticks, 5_000_000_000 - 250_000)
            self.assertGreater(ticks, 5_000_000_000 - 250_000 - 5_000_000)
        finally:
            f.close()

    def test_without_the_timer_monotonic(self):
        f = self.factory(os.path.join(self.dir, "absent"))
        try:
            before = time.monotonic()
            t = f.ticks()
            self.assertIsInstance(t, float)
            self.assertGreaterEqual(t, before)
            self.assertLessEqual(t, time.monotonic())
            self.assertEqual(f.ticks_diff(3.5, 1.0), 2.5)
        finally:
            f.close()


if __name__ == "__main__":
    unittest.main()
