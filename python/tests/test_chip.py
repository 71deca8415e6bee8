# SPDX-License-Identifier: LGPL-2.1-or-later
"""pigpio_regs.Chip and Line against the simulated block (sim.py): every
call's effect is read back from the register file with os.pread."""

import errno
import gc
import os
import re
import sys
import unittest

import pigpio_regs
from pigpio_regs import Chip, Line

from sim import (GPCLR0, GPFSEL0, GPLEV0, GPPUD, GPPUDCLK0, GPSET0,
                 PUP_PDN0, RP1_BANK, RP1_CLR, RP1_PADS, RP1_SET, RP1_SYS_RIO,
                 RP1_WINDOW, SimBlock, run_as_nobody)

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def header_version():
    """PGR_VERSION of the source tree's header, or None where the tests
    run without the tree (copied to a board)."""
    try:
        with open(os.path.join(TOP, "user", "include", "pigpioregs.h")) as f:
            return re.search(r'^#define PGR_VERSION "([^"]+)"', f.read(),
                             re.M).group(1)
    except FileNotFoundError:
        return None


class SimTestCase(unittest.TestCase):
    soc = "bcm2837"

    def setUp(self):
        self.sim = SimBlock(self.soc)
        self.chip = Chip(self.sim.dev, self.sim.sys)

    def tearDown(self):
        self.chip.close()
        self.sim.cleanup()


class TestOpen(SimTestCase):
    def test_attributes(self):
        c = self.chip
        self.assertEqual(c.soc, "bcm2837")
        self.assertEqual(c.pin_count, 54)
        self.assertEqual(c.phys_base, 0x3F200000)
        self.assertEqual(c.bus_base, 0x7E200000)
        self.assertEqual(c.window_size, 4096)
        self.assertEqual(c.block_size, 180)
        self.assertEqual(c.device, self.sim.dev)
        self.assertEqual(c.attr_dir, self.sim.sys)
        self.assertFalse(c.closed)
        self.assertFalse(c.pull_readable)
        # A regular file answers no ioctl: the fallback path.
        self.assertEqual(c.config_path, "mapping")
        self.assertGreaterEqual(c.fd, 0)
        self.assertIn("bcm2837", repr(c))

    def test_bcm2711_attributes(self):
        self.sim.set_soc("bcm2711")
        with Chip(self.sim.dev, self.sim.sys) as c:
            self.assertEqual(c.soc, "bcm2711")
            self.assertEqual(c.pin_count, 58)
            self.assertEqual(c.phys_base, 0xFE200000)
            self.assertEqual(c.block_size, 244)
            self.assertTrue(c.pull_readable)

    def test_path_like(self):
        import pathlib
        with Chip(pathlib.Path(self.sim.dev), pathlib.Path(self.sim.sys)) as c:
            self.assertEqual(c.soc, "bcm2837")

    def test_keywords(self):
        with Chip(device=self.sim.dev, attr_dir=self.sim.sys) as c:
            self.assertEqual(c.pin_count, 54)

    def test_version(self):
        from importlib.metadata import version
        self.assertRegex(pigpio_regs.__version__, r"^\d+\.\d+\.\d+")
        self.assertEqual(pigpio_regs.library_version(),
                         pigpio_regs.__version__)
        # the installed distribution's, from its dist-info
        self.assertEqual(version("pigpio_regs"), pigpio_regs.__version__)
        if header_version() is not None:
            self.assertEqual(pigpio_regs.__version__, header_version())

    def test_defaults(self):
        self.assertEqual(pigpio_regs.DEFAULT_DEVICE, "/dev/pigpio_regs")
        self.assertEqual(pigpio_regs.DEFAULT_ATTR_DIR,
                         "/sys/class/misc/pigpio_regs")

    def test_function_names(self):
        self.assertEqual(pigpio_regs.function_names(),
                         ("input", "output", "alt0", "alt1", "alt2", "alt3",
                          "alt4", "alt5", "alt6", "alt7", "alt8", "none"))


class TestErrors(unittest.TestCase):
    def setUp(self):
        self.sim = SimBlock()

    def tearDown(self):
        self.sim.cleanup()

    def test_missing_device(self):
        missing = os.path.join(self.sim.dir, "nonexistent")
        with self.assertRaises(FileNotFoundError) as cm:
            Chip(missing, self.sim.sys)
        e = cm.exception
        self.assertEqual(e.errno, errno.ENOENT)
        self.assertTrue(str(e.strerror).startswith(
            "cannot open %s (attributes in %s): %s" %
            (missing, self.sim.sys, os.strerror(errno.ENOENT))), e.strerror)
        self.assertIn("modprobe pigpio_regs", e.strerror)

    def test_missing_default_device_names_defaults(self):
        # Only meaningful where the driver is not loaded (the host).
        if os.path.exists(pigpio_regs.DEFAULT_DEVICE):
            self.skipTest("a real /dev/pigpio_regs exists")
        with self.assertRaises(FileNotFoundError) as cm:
            Chip()
        self.assertIn("cannot open /dev/pigpio_regs (attributes in "
                      "/sys/class/misc/pigpio_regs): ", cm.exception.strerror)

    def test_missing_attribute(self):
        os.unlink(os.path.join(self.sim.sys, "ngpio"))
        with self.assertRaises(FileNotFoundError) as cm:
            Chip(self.sim.dev, self.sim.sys)
        self.assertEqual(cm.exception.errno, errno.ENOENT)

    def test_bad_attribute_is_eproto(self):
        self.sim.set_attr("soc", "bcm9999\n")
        with self.assertRaises(OSError) as cm:
            Chip(self.sim.dev, self.sim.sys)
        self.assertEqual(cm.exception.errno, errno.EPROTO)
        self.assertIn("not what this version", cm.exception.strerror)

    def test_eacces_as_nobody(self):
        if os.geteuid() != 0:
            # not root: a file of one's own with no permission at all
            os.chmod(self.sim.dev, 0)
            with self.assertRaises(PermissionError) as cm:
                Chip(self.sim.dev, self.sim.sys)
            self.assertEqual(cm.exception.errno, errno.EACCES)
            self.assertIn("usermod -aG gpio", cm.exception.strerror)
            return
        os.chmod(self.sim.dev, 0o600)
        code = ("import errno, pigpio_regs\n"
                "try:\n"
                "    pigpio_regs.Chip(%r, %r)\n"
                "except PermissionError as e:\n"
                "    assert e.errno == errno.EACCES, e.errno\n"
                "    print('refused:', e.strerror)\n"
                "else:\n"
                "    print('opened')\n" % (self.sim.dev, self.sim.sys))
        r = run_as_nobody(code)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("refused: cannot open %s" % self.sim.dev, r.stdout)
        self.assertIn("Permission denied", r.stdout)
        self.assertIn("usermod -aG gpio", r.stdout)

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            Chip(17)
        with self.assertRaises(TypeError):
            Chip(self.sim.dev, self.sim.sys, "extra")


class TestFunctions(SimTestCase):
    def test_output_pin17(self):
        self.chip.set_function(17, "output")
        # GPFSEL1 bits 23:21 = 001, nothing else in the word
        self.assertEqual(self.sim.word(GPFSEL0 + 4), 1 << 21)
        self.assertEqual(self.chip.get_function(17), "output")

    def test_every_bcm_function(self):
        codes = {"input": 0, "output": 1, "alt0": 4, "alt1": 5, "alt2": 6,
                 "alt3": 7, "alt4": 3, "alt5": 2}
        for pin in (0, 9, 10, 31, 32, 53):
            for name, code in codes.items():
                self.chip.set_function(pin, name)
                self.assertEqual(self.sim.fsel(pin), code, (pin, name))
                self.assertEqual(self.chip.get_function(pin), name)

    def test_function_read_from_file(self):
        # alt0 (100) on GPIO14 written by someone else
        self.sim.set_word(GPFSEL0 + 4, 4 << 12)
        self.assertEqual(self.chip.get_function(14), "alt0")
        self.assertEqual(self.chip.alt_name(14), "TXD0")
        self.assertEqual(self.chip.alt_name(14, "alt0"), "TXD0")
        self.assertIsNone(self.chip.alt_name(14, "input"))
        self.assertIsNone(self.chip.alt_name(17))

    def test_other_pins_kept(self):
        self.chip.set_function(10, "output")
        self.chip.set_function(11, "alt0")
        self.assertEqual(self.sim.fsel(10), 1)
        self.assertEqual(self.sim.fsel(11), 4)
        self.assertEqual(self.sim.word(GPFSEL0), 0)

    def test_rp1_functions_refused_on_bcm(self):
        for name in ("alt6", "alt7", "alt8", "none"):
            with self.assertRaises(OSError) as cm:
                self.chip.set_function(17, name)
            self.assertEqual(cm.exception.errno, errno.EINVAL)
            self.assertEqual(cm.exception.strerror,
                             "set GPIO17: " + os.strerror(errno.EINVAL))
        self.assertEqual(self.sim.word(GPFSEL0 + 4), 0)

    def test_bad_names_and_pins(self):
        with self.assertRaises(ValueError):
            self.chip.set_function(17, "outptu")
        with self.assertRaises(ValueError) as cm:
            self.chip.set_function(54, "output")
        self.assertIn("GPIO54", str(cm.exception))
        with self.assertRaises(ValueError):
            self.chip.get_function(-1)
        with self.assertRaises(TypeError):
            self.chip.set_function(17, 1)
        with self.assertRaises(TypeError):
            self.chip.get_function("17")
        self.assertEqual(self.sim.words(), (0,) * 1024)


class TestLevels(SimTestCase):
    def test_write(self):
        self.chip.write(17, 1)
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        self.assertEqual(self.sim.word(GPCLR0), 0)
        self.chip.write(17, False)
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        self.chip.write(40, True)
        self.assertEqual(self.sim.word(GPSET0 + 4), 1 << 8)

    def test_write_bad_level(self):
        for level in (2, -1, 0.5, "1", None):
            with self.assertRaises((ValueError, TypeError)):
                self.chip.write(17, level)
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_read(self):
        self.assertEqual(self.chip.read(17), 0)
        self.sim.set_word(GPLEV0, 1 << 17)
        self.assertEqual(self.chip.read(17), 1)
        self.assertEqual(self.chip.read(16), 0)
        self.sim.set_word(GPLEV0 + 4, 1 << 21)
        self.assertEqual(self.chip.read(53), 1)

    def test_toggle(self):
        self.sim.set_word(GPLEV0, 1 << 17)
        self.chip.toggle(17)
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        self.assertEqual(self.sim.word(GPSET0), 0)
        self.sim.set_word(GPLEV0, 0)
        self.chip.toggle(17)
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)

    def test_pin_range(self):
        for call in (lambda: self.chip.write(54, 1),
                     lambda: self.chip.read(54),
                     lambda: self.chip.toggle(99),
                     lambda: self.chip.line(54)):
            with self.assertRaises(ValueError):
                call()


class TestPulls(SimTestCase):
    def test_bcm2837_not_readable(self):
        self.assertEqual(self.chip.get_pull(17), "unknown")
        # The GPPUD sequence ends with both words 0 again.
        self.chip.set_pull(17, "up")
        self.assertEqual(self.sim.word(GPPUD), 0)
        self.assertEqual(self.sim.word(GPPUDCLK0), 0)
        self.assertEqual(self.chip.get_pull(17), "unknown")

    def test_bad_pull(self):
        with self.assertRaises(ValueError):
            self.chip.set_pull(17, "floating")
        with self.assertRaises(ValueError):
            self.chip.set_pull(17, "unknown")


class TestPullsBCM2711(SimTestCase):
    soc = "bcm2711"

    def test_set_and_read_back(self):
        # GPIO17: PUP_PDN1 (pins 16-31) bits 3:2; 01 up, 10 down
        self.chip.set_pull(17, "up")
        self.assertEqual(self.sim.word(PUP_PDN0 + 4), 0b01 << 2)
        self.assertEqual(self.chip.get_pull(17), "up")
        self.chip.set_pull(17, "down")
        self.assertEqual(self.sim.word(PUP_PDN0 + 4), 0b10 << 2)
        self.assertEqual(self.chip.get_pull(17), "down")
        self.chip.set_pull(17, "none")
        self.assertEqual(self.sim.word(PUP_PDN0 + 4), 0)
        self.assertEqual(self.chip.get_pull(17), "none")

    def test_read_from_file(self):
        self.sim.set_word(PUP_PDN0 + 12, 0b10 << 18)    # GPIO57 down
        self.assertEqual(self.chip.get_pull(57), "down")
        self.sim.set_word(PUP_PDN0 + 12, 0b11 << 18)    # reserved code
        self.assertEqual(self.chip.get_pull(57), "unknown")

    def test_pin_57_exists(self):
        self.chip.write(57, 1)
        self.assertEqual(self.sim.word(GPSET0 + 4), 1 << 25)


class TestRP1(SimTestCase):
    """The RP1 backend through the module: where its stores land (a plain
    file does not apply the aliases: it holds what was stored at each)."""
    soc = "rp1"

    def test_attributes(self):
        self.assertEqual(self.chip.soc, "rp1")
        self.assertEqual(self.chip.pin_count, 54)
        self.assertEqual(self.chip.window_size, RP1_WINDOW)
        self.assertEqual(self.chip.bus_base, 0x400D0000)
        self.assertTrue(self.chip.pull_readable)
        self.assertEqual(self.chip.config_path, "mapping")

    def test_line_uses_the_aliases(self):
        line = self.chip.line(17)
        line.high()
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_SET), 1 << 17)
        line.low()
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_CLR), 1 << 17)
        # GPIO30 is bit 2 of RP1 bank 1
        self.chip.line(30).high()
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_BANK + RP1_SET),
                         1 << 2)

    def test_output_sets_oe(self):
        self.chip.set_function(17, "output")
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_SET + 4), 1 << 17)

    def test_alt6_accepted(self):
        self.chip.set_function(17, "alt6")       # no error on the RP1

    def test_pulls(self):
        pad17 = RP1_PADS + 4 + 4 * 17
        # up: pull-up set, pull-down cleared (not both in one alias)
        self.chip.set_pull(17, "up")
        self.assertEqual(self.sim.word(pad17 + RP1_SET), 0x08)
        self.assertEqual(self.sim.word(pad17 + RP1_CLR) & 0x0C, 0x04)
        self.sim.set_word(pad17, 0x04)
        self.assertEqual(self.chip.get_pull(17), "down")
        self.sim.set_word(pad17, 0x08)
        self.assertEqual(self.chip.get_pull(17), "up")


class TestBanks(SimTestCase):
    def test_set_clear_write_read(self):
        self.chip.bank_set(0, 0x00060000)
        self.assertEqual(self.sim.word(GPSET0), 0x00060000)
        self.chip.bank_clear(1, 0x3)
        self.assertEqual(self.sim.word(GPCLR0 + 4), 0x3)
        self.chip.bank_write(0, 0xF0, 0x30)
        self.assertEqual(self.sim.word(GPSET0), 0x30)
        self.assertEqual(self.sim.word(GPCLR0), 0xC0)
        self.sim.set_word(GPLEV0, 0x12345678)
        self.assertEqual(self.chip.bank_read(0), 0x12345678)
        # bank 1 has 22 pins: bits above them are not pins
        self.sim.set_word(GPLEV0 + 4, 0xFFFFFFFF)
        self.assertEqual(self.chip.bank_read(1), (1 << 22) - 1)

    def test_bank_errors(self):
        with self.assertRaises(ValueError):
            self.chip.bank_set(2, 1)
        with self.assertRaises(ValueError):
            self.chip.bank_set(0, -1)
        with self.assertRaises(ValueError):
            self.chip.bank_set(0, 1 << 32)
        # a pin bank 1 does not have: the library's EINVAL
        with self.assertRaises(OSError) as cm:
            self.chip.bank_set(1, 1 << 22)
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        self.assertTrue(cm.exception.strerror.startswith("bank 1: "))
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_peek(self):
        self.sim.set_word(0x34, 0xCAFE)
        self.assertEqual(self.chip.peek(0x34), 0xCAFE)
        with self.assertRaises(OSError) as cm:
            self.chip.peek(180)         # the block's end
        self.assertEqual(cm.exception.errno, errno.EINVAL)


class TestLine(SimTestCase):
    def test_line_calls(self):
        line = self.chip.line(17)
        self.assertIsInstance(line, Line)
        self.assertEqual(line.pin, 17)
        self.assertIs(line.chip, self.chip)
        line.high()
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        line.low()
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        self.sim.set_word(GPSET0, 0)
        self.sim.set_word(GPCLR0, 0)
        line.write(1)
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        line.write(False)
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        self.assertEqual(line.read(), 0)
        self.sim.set_word(GPLEV0, 1 << 17)
        self.assertEqual(line.read(), 1)
        self.sim.set_word(GPCLR0, 0)
        line.toggle()
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)

    def test_bank1_line(self):
        line = self.chip.line(35)
        line.high()
        self.assertEqual(self.sim.word(GPSET0 + 4), 1 << 3)
        self.assertEqual(self.sim.word(GPSET0), 0)

    def test_write_is_one_call(self):
        line = self.chip.line(17)
        # Results are preallocated: None, and the interpreter's own 0 / 1.
        zero, one = 0, 1
        self.assertIsNone(line.write(1))
        self.assertIs(line.read(), zero)
        self.sim.set_word(GPLEV0, 1 << 17)
        self.assertIs(line.read(), one)
        # METH_O / METH_NOARGS builtins: no Python frame in between.
        for name in ("high", "low", "write", "read", "toggle"):
            self.assertEqual(type(getattr(line, name)).__name__,
                             "builtin_function_or_method", name)
        # Nothing is kept per call: the block count does not grow.
        for _ in range(1000):
            line.write(1)
        gc.collect()
        before = sys.getallocatedblocks()
        for _ in range(10000):
            line.write(1)
            line.write(0)
            line.high()
            line.low()
            line.read()
        after = sys.getallocatedblocks()
        self.assertLess(after - before, 50)

    def test_write_bad_level(self):
        line = self.chip.line(17)
        for level in (2, -1, 0.0, "1", None):
            with self.assertRaises((ValueError, TypeError)):
                line.write(level)
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_no_direct_construction(self):
        with self.assertRaises(TypeError):
            Line()


class TestClose(SimTestCase):
    def test_use_after_close(self):
        line = self.chip.line(17)
        self.chip.close()
        self.assertTrue(self.chip.closed)
        for call in (line.high, line.low, line.read, line.toggle,
                     lambda: line.write(1),
                     lambda: self.chip.write(17, 1),
                     lambda: self.chip.read(17),
                     lambda: self.chip.set_function(17, "output"),
                     lambda: self.chip.get_pull(17),
                     lambda: self.chip.bank_read(0),
                     lambda: self.chip.line(17),
                     lambda: self.chip.peek(0),
                     lambda: self.chip.soc):
            with self.assertRaises(ValueError):
                call()
        self.assertIn("closed", repr(line))
        self.assertIn("closed", repr(self.chip))
        self.chip.close()       # twice is fine

    def test_context_manager(self):
        with Chip(self.sim.dev, self.sim.sys) as c:
            line = c.line(4)
            line.high()
        self.assertTrue(c.closed)
        with self.assertRaises(ValueError):
            line.high()
        with self.assertRaises(ValueError):
            with c:
                pass
        self.assertEqual(self.sim.word(GPSET0), 1 << 4)

    def test_line_keeps_chip_alive(self):
        c = Chip(self.sim.dev, self.sim.sys)
        line = c.line(5)
        del c
        gc.collect()
        line.high()
        self.assertEqual(self.sim.word(GPSET0), 1 << 5)
        self.assertFalse(line.chip.closed)
        line.chip.close()

    def test_no_leaks(self):
        # open, use, fail and close many times: nothing is kept
        missing = os.path.join(self.sim.dir, "nonexistent")

        def cycle():
            with Chip(self.sim.dev, self.sim.sys) as c:
                line = c.line(17)
                line.write(1)
                c.get_function(17)
                c.alt_name(14, "alt0")
                for bad in (lambda: c.set_function(17, "alt6"),
                            lambda: c.write(99, 1),
                            lambda: Chip(missing, self.sim.sys)):
                    try:
                        bad()
                    except (OSError, ValueError):
                        pass
            try:
                line.high()
            except ValueError:
                pass

        for _ in range(50):
            cycle()
        gc.collect()
        before = sys.getallocatedblocks()
        for _ in range(300):
            cycle()
        gc.collect()
        self.assertLess(sys.getallocatedblocks() - before, 100)

    def test_descriptor_closed(self):
        c = Chip(self.sim.dev, self.sim.sys)
        fd = c.fd
        c.close()
        with self.assertRaises(OSError) as cm:
            os.fstat(fd)
        self.assertEqual(cm.exception.errno, errno.EBADF)


if __name__ == "__main__":
    unittest.main()
