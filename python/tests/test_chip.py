# SPDX-License-Identifier: LGPL-2.1-or-later
"""pigpio_regs.Chip and Line against the simulated block (sim.py): every
call's effect is read back from the register file with os.pread."""

import ast
import errno
import gc
import inspect
import os
import re
import subprocess
import sys
import tempfile
import types
import unittest

import pigpio_regs
from pigpio_regs import Chip, Line, Timer, _pigpio_regs

from sim import (GPCLR0, GPFSEL0, GPLEV0, GPPUD, GPPUDCLK0, GPSET0,
                 PUP_PDN0, RP1_BANK, RP1_CLR, RP1_CTRL_OVERRIDES, RP1_PADS,
                 RP1_PAD_IE, RP1_PAD_OD, RP1_SET, RP1_SYS_RIO, RP1_WINDOW,
                 RP1_XOR, SimBlock, rp1_ctrl, rp1_pad, run_as_nobody)

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


def run_child(code, *argv):
    """Run code in a child interpreter that imports this pigpio_regs, with
    argv as sys.argv[1:]. A crash there (a segmentation fault) is then the
    calling test's failure, not the runner's end. Returns the
    CompletedProcess."""
    site = os.path.dirname(os.path.dirname(os.path.abspath(
        pigpio_regs.__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [site] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    return subprocess.run([sys.executable, "-c", code] + list(argv),
                          env=env, capture_output=True, text=True,
                          cwd=tempfile.gettempdir(),
                          timeout=120)  # a hang guard


class SimTestCase(unittest.TestCase):
    soc = "bcm2837"

    def setUp(self):
        self.sim = SimBlock(self.soc)
        self.chip = Chip(self.sim.dev, self.sim.sys)

    def tearDown(self):
        self.chip.close()
        self.sim.cleanup()

    def assertChildRan(self, r):
        """The child of run_child() ran to its end: not killed by a
        signal (-11: a segmentation fault), exit status 0."""
        self.assertGreaterEqual(r.returncode, 0, "child killed by signal "
                                "%d\nstdout: %s\nstderr: %s" %
                                (-r.returncode, r.stdout, r.stderr))
        self.assertNotEqual(r.returncode, 128 + 11, "child crashed")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


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

    def test_embedded_nul_refused(self):
        # Not the name up to the NUL: the whole str is the name.
        for call in (lambda: self.chip.set_function(17, "output\x00garbage"),
                     lambda: self.chip.set_function(17, "output\x00"),
                     lambda: self.chip.set_function(17, "\x00"),
                     lambda: self.chip.set_pull(17, "up\x00garbage"),
                     lambda: self.chip.set_pull(17, "none\x00"),
                     lambda: self.chip.alt_name(14, "alt0\x00garbage")):
            with self.assertRaises(ValueError) as cm:
                call()
            self.assertIn("null character", str(cm.exception))
        self.assertEqual(self.sim.words(), (0,) * 1024)
        self.assertEqual(self.chip.get_function(17), "input")

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
        # Accepted on the RP1 and stored: FUNCSEL 0 -> 6 is one store of
        # old ^ new to CTRL's XOR alias (the file keeps the alias's word:
        # CTRL itself is never stored to), the pad's input on and output
        # disable off, the output overrides "from the function", and no
        # direction (an ALT function leaves SYS_RIO's OE alone).
        ctrl, pad = rp1_ctrl(17), rp1_pad(17)
        self.assertEqual((ctrl, pad), (0x8C, 0x20048))
        self.chip.set_function(17, "alt6")
        self.assertEqual(self.sim.word(ctrl + RP1_XOR), 6)
        self.assertEqual(self.sim.word(ctrl), 0)
        self.assertEqual(self.sim.word(ctrl + RP1_CLR), RP1_CTRL_OVERRIDES)
        self.assertEqual(self.sim.word(pad + RP1_SET), RP1_PAD_IE)
        self.assertEqual(self.sim.word(pad + RP1_CLR), RP1_PAD_OD)
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_SET + 4), 0)
        self.assertEqual(self.sim.word(RP1_SYS_RIO + RP1_CLR + 4), 0)
        # Read back from FUNCSEL as the RP1 would hold it after the alias.
        self.sim.set_word(ctrl, 6)
        self.assertEqual(self.chip.get_function(17), "alt6")
        self.assertEqual(self.chip.alt_name(17), "PROC_RIO017")
        # From alt6 to alt7: the XOR alias gets 6 ^ 7, only FUNCSEL's bits.
        self.sim.set_word(ctrl, 6 | 0x00300000)   # the kernel's IRQ bits
        self.chip.set_function(17, "alt7")
        self.assertEqual(self.sim.word(ctrl + RP1_XOR), 6 ^ 7)
        self.assertEqual(self.sim.word(ctrl), 6 | 0x00300000)

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



# A Chip opened on block A with a Line of GPIO17, then re-initialised on
# block B (argv: A's dev, A's sys, B's dev, B's sys); what the Line drives
# afterwards is read back from both files by the parent.
REINIT = """
import sys
from pigpio_regs import Chip

a_dev, a_sys, b_dev, b_sys = sys.argv[1:5]
c = Chip(a_dev, a_sys)
line = c.line(17)
%s
try:
    %s
except (RuntimeError, TypeError) as e:
    print("refused:", type(e).__name__, e)
else:
    print("re-initialised")
try:
    line.high()
except ValueError as e:
    print("line:", e)
print("device:", c.device if not c.closed else "closed")
"""


class TestReinit(SimTestCase):
    """Chip.__init__ on a Chip that has been initialised is refused: its
    Lines point into the first window, and would drive whatever is mapped
    there after a second open (issue 25)."""

    def setUp(self):
        super().setUp()
        self.other = SimBlock(self.soc)

    def tearDown(self):
        self.other.cleanup()
        super().tearDown()

    def reinit(self, before, call):
        r = run_child(REINIT % (before, call), self.sim.dev, self.sim.sys,
                      self.other.dev, self.other.sys)
        self.assertChildRan(r)
        # Nothing reached the second block, ever.
        self.assertEqual(self.other.words(), (0,) * 1024, r.stdout)
        return r.stdout

    def test_reinit_refused(self):
        out = self.reinit("", "c.__init__(b_dev, b_sys)")
        self.assertIn("refused: RuntimeError", out)
        self.assertIn("already initialised", out)
        # The Line still drives the first block, and the Chip is its own.
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        self.assertIn("device: " + self.sim.dev, out)

    def test_reinit_same_device_refused(self):
        out = self.reinit("", "c.__init__(a_dev, a_sys)")
        self.assertIn("refused: RuntimeError", out)
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        self.assertIn("device: " + self.sim.dev, out)

    def test_reinit_after_close_refused(self):
        # Closed is not "not initialised": the Line must stay dead.
        out = self.reinit("c.close()", "c.__init__(b_dev, b_sys)")
        self.assertIn("refused: RuntimeError", out)
        self.assertIn("line: I/O operation on a Line of a closed Chip", out)
        self.assertIn("device: closed", out)
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_reinit_from_fspath_refused(self):
        # The first __init__'s own argument conversion initialises the
        # Chip (and takes a Line of it): the first __init__ must then
        # refuse, not close the window under that Line.
        before = (
            "class Path:\n"
            "    def __fspath__(self):\n"
            "        global line\n"
            "        c.__init__(b_dev, b_sys)\n"
            "        line = c.line(17)\n"
            "        return a_dev\n"
            "line.chip.close()\n"
            "c = Chip.__new__(Chip)")
        r = run_child(REINIT % (before, "c.__init__(Path(), a_sys)"),
                      self.sim.dev, self.sim.sys, self.other.dev,
                      self.other.sys)
        self.assertChildRan(r)
        self.assertIn("refused: RuntimeError", r.stdout)
        self.assertIn("device: " + self.other.dev, r.stdout)
        self.assertEqual(self.other.word(GPSET0), 1 << 17)
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_retry_after_failed_open(self):
        # A Chip whose __init__ failed never had a window: a retry is no
        # re-initialisation.
        c = Chip.__new__(Chip)
        with self.assertRaises(FileNotFoundError):
            c.__init__(os.path.join(self.sim.dir, "nonexistent"),
                       self.sim.sys)
        self.assertTrue(c.closed)
        c.__init__(self.sim.dev, self.sim.sys)
        c.line(4).high()
        self.assertEqual(self.sim.word(GPSET0), 1 << 4)
        c.close()


# A Chip, a Line of GPIO17 and arguments whose conversion (__index__,
# __bool__, the pin's _fast attribute) closes the Chip; argv: dev, sys.
CLOSING = """
import sys
from pigpio_regs import Chip, _pigpio_regs

chip = Chip(sys.argv[1], sys.argv[2])
line = chip.line(17)


class Closing:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        chip.close()
        return self.value

    def __bool__(self):
        chip.close()
        return bool(self.value)


class Pin:
    _fast = line

    def _set_state(self, value):
        print("_set_state called")


class ClosingPin(Pin):
    @property
    def _fast(self):
        chip.close()
        return line


try:
    %s
except ValueError as e:
    print("ValueError:", e)
else:
    print("no exception")
"""

CLOSING_CALLS = {
    "chip_set_function_pin": "chip.set_function(Closing(17), 'output')",
    "chip_get_function_pin": "chip.get_function(Closing(17))",
    "chip_alt_name_pin": "chip.alt_name(Closing(14))",
    "chip_alt_name_pin_function": "chip.alt_name(Closing(14), 'alt0')",
    "chip_write_pin": "chip.write(Closing(17), 1)",
    "chip_write_level": "chip.write(17, Closing(1))",
    "chip_read_pin": "chip.read(Closing(17))",
    "chip_toggle_pin": "chip.toggle(Closing(17))",
    "chip_set_pull_pin": "chip.set_pull(Closing(17), 'up')",
    "chip_get_pull_pin": "chip.get_pull(Closing(17))",
    "chip_bank_read_bank": "chip.bank_read(Closing(0))",
    "chip_bank_set_bank": "chip.bank_set(Closing(0), 1)",
    "chip_bank_set_mask": "chip.bank_set(0, Closing(1))",
    "chip_bank_clear_bank": "chip.bank_clear(Closing(0), 1)",
    "chip_bank_clear_mask": "chip.bank_clear(0, Closing(1))",
    "chip_bank_write_bank": "chip.bank_write(Closing(0), 1, 1)",
    "chip_bank_write_mask": "chip.bank_write(0, Closing(1), 1)",
    "chip_bank_write_values": "chip.bank_write(0, 1, Closing(1))",
    "chip_peek_offset": "chip.peek(Closing(0x34))",
    "chip_line_pin": "chip.line(Closing(17))",
    "line_write_level": "line.write(Closing(1))",
    "pin_state_set_value": "_pigpio_regs.pin_state_set(Pin(), Closing(1))",
    "pin_state_set_fast": "_pigpio_regs.pin_state_set(ClosingPin(), 1)",
}


class TestCloseDuringConversion(SimTestCase):
    """Every argument is converted before the Chip is checked and the
    mapping touched: a conversion that closes the Chip gets ValueError,
    not a store through (or a load from) the unmapped window (issue 25).
    One test per call, each in a child: before the fix most of them end
    in a segmentation fault."""

    def check_closing(self, call):
        r = run_child(CLOSING % call, self.sim.dev, self.sim.sys)
        self.assertChildRan(r)
        self.assertIn("ValueError: I/O operation on a", r.stdout)
        self.assertIn("closed Chip", r.stdout)
        self.assertNotIn("_set_state called", r.stdout)
        self.assertEqual(self.sim.words(), (0,) * 1024)

    def test_line_after_close(self):
        # Each Line call after close() raises, in a child too.
        r = run_child(CLOSING % "chip.close()\n"
                      "    for f in (line.high, line.low, line.read, "
                      "line.toggle, lambda: line.write(1)):\n"
                      "        try:\n"
                      "            f()\n"
                      "        except ValueError as e:\n"
                      "            print('ValueError:', e)",
                      self.sim.dev, self.sim.sys)
        self.assertChildRan(r)
        self.assertEqual(r.stdout.count("ValueError: I/O operation on a "
                                        "Line of a closed Chip"), 5,
                         r.stdout)
        self.assertEqual(self.sim.words(), (0,) * 1024)


def _closing_test(call):
    def test(self):
        self.check_closing(call)
    test.__doc__ = call
    return test


for _name, _call in CLOSING_CALLS.items():
    setattr(TestCloseDuringConversion, "test_" + _name, _closing_test(_call))


# ---- the stubs against the module -------------------------------------------

def stub_tree(name):
    """The parsed stub NAME of the imported package (the installed .pyi,
    what type checkers read)."""
    path = os.path.join(os.path.dirname(os.path.abspath(pigpio_regs.__file__)),
                        name)
    with open(path) as f:
        return ast.parse(f.read(), path)


def stub_scopes(tree):
    """{"": module-level defs, "Chip": its defs, ...}: name -> FunctionDef."""
    scopes = {"": {}}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            scopes[""][node.name] = node
        elif isinstance(node, ast.ClassDef):
            scopes[node.name] = {n.name: n for n in node.body
                                 if isinstance(n, ast.FunctionDef)}
    return scopes


def is_property(node):
    return any(isinstance(d, ast.Name) and d.id == "property"
               for d in node.decorator_list)


def stub_params(node, method):
    """[(name, inspect kind, has default)] of a stub def, without self."""
    P = inspect.Parameter
    a = node.args
    positional = [(x.arg, P.POSITIONAL_ONLY) for x in a.posonlyargs] + \
        [(x.arg, P.POSITIONAL_OR_KEYWORD) for x in a.args]
    first_default = len(positional) - len(a.defaults)
    params = [(n, k, i >= first_default) for i, (n, k) in
              enumerate(positional)]
    if a.vararg:
        params.append((a.vararg.arg, P.VAR_POSITIONAL, False))
    params += [(x.arg, P.KEYWORD_ONLY, d is not None)
               for x, d in zip(a.kwonlyargs, a.kw_defaults)]
    if a.kwarg:
        params.append((a.kwarg.arg, P.VAR_KEYWORD, False))
    return params[1:] if method else params


def runtime_params(obj, method):
    """The same of a builtin, from its text signature."""
    params = [(p.name, p.kind, p.default is not p.empty)
              for p in inspect.signature(obj).parameters.values()]
    return params[1:] if method else params


class FakePin:
    """What pin_state_set() takes: a pin with no Line."""
    _fast = None

    def _set_state(self, value):
        pass


class TestStubs(SimTestCase):
    """_pigpio_regs.pyi says what the C methods take: positional-only
    parameters where the method is METH_O / METH_VARARGS / METH_FASTCALL
    (no keywords), every public name of the module, Chip and Line and no
    other (issue 25)."""

    CLASSES = {"Chip": Chip, "Line": Line, "Timer": Timer}

    def setUp(self):
        super().setUp()
        self.scopes = stub_scopes(stub_tree("_pigpio_regs.pyi"))
        self.samples = {
            "pin": 17, "function": "alt0", "level": 1, "pull": "up",
            "bank": 0, "mask": 1, "values": 1, "offset": 0,
            "exc_type": None, "exc": None, "tb": None, "us": 0,
            "device": self.sim.dev, "attr_dir": self.sim.sys}

    def runtime(self, scope, name):
        """A fresh callable for the stub's scope.name, its arguments by
        parameter name, and what to close after the call."""
        if scope == "":
            samples = dict(self.samples, pin=FakePin(), value=1)
            return getattr(_pigpio_regs, name), samples, None
        if scope == "Timer":
            if name == "__init__":
                return Timer, self.samples, None
            timer = Timer(self.sim.dev)     # a file long enough
            return getattr(timer, name), self.samples, timer
        chip = Chip(self.sim.dev, self.sim.sys)
        if scope == "Chip" and name == "__init__":
            chip.close()
            return Chip, self.samples, None
        obj = chip.line(17) if scope == "Line" else chip
        return getattr(obj, name), self.samples, chip

    def call(self, scope, name, positional, keywords):
        f, samples, chip = self.runtime(scope, name)
        try:
            r = f(*[samples[p] for p in positional],
                  **{p: samples[p] for p in keywords})
        finally:
            if chip is not None:
                chip.close()
        if isinstance(r, (Chip, Timer)):
            r.close()

    def test_keywords_as_the_stubs_say(self):
        wrong = []
        checked = 0
        for scope, defs in self.scopes.items():
            for name, node in defs.items():
                if is_property(node):
                    continue
                params = stub_params(node, scope != "")
                names = [p[0] for p in params]
                where = "%s.%s" % (scope or "_pigpio_regs", name)
                # All positional: the stub's arity is the runtime's.
                try:
                    self.call(scope, name, names, [])
                except TypeError as e:
                    wrong.append("%s%s: %s" % (where, tuple(names), e))
                    continue
                # Each parameter by keyword, the ones before it by
                # position: refused exactly where the stub says "/".
                for i, (pname, kind, _) in enumerate(params):
                    what = "%s(%s=...)" % (where, pname)
                    checked += 1
                    try:
                        self.call(scope, name, names[:i], names[i:])
                    except TypeError as e:
                        if kind != inspect.Parameter.POSITIONAL_ONLY:
                            wrong.append("%s: the stub allows a keyword, "
                                         "the module says: %s" % (what, e))
                        elif "keyword" not in str(e):
                            wrong.append("%s: %s" % (what, e))
                    else:
                        if kind == inspect.Parameter.POSITIONAL_ONLY:
                            wrong.append("%s: positional-only in the stub, "
                                         "taken by the module" % what)
        self.assertEqual(wrong, [], "\n".join(wrong))
        self.assertGreaterEqual(checked, 25)   # a stub that parsed

    def test_signatures_match(self):
        # The stub's parameters, their kinds and defaults are the text
        # signatures the C docstrings give inspect.
        wrong = []
        for scope, defs in self.scopes.items():
            for name, node in defs.items():
                if is_property(node):
                    continue
                where = "%s.%s" % (scope or "_pigpio_regs", name)
                if scope == "":
                    obj, method = getattr(_pigpio_regs, name), False
                elif name == "__init__":
                    # The class's signature: no self.
                    obj, method = self.CLASSES[scope], False
                else:
                    obj, method = getattr(self.CLASSES[scope], name), True
                try:
                    runtime = runtime_params(obj, method)
                except ValueError as e:
                    wrong.append("%s: no text signature: %s" % (where, e))
                    continue
                stub = stub_params(node, scope != "")
                if stub != runtime:
                    wrong.append("%s: stub %s, module %s" % (
                        where, [(n, str(k), d) for n, k, d in stub],
                        [(n, str(k), d) for n, k, d in runtime]))
        self.assertEqual(wrong, [], "\n".join(wrong))

    def test_every_name_has_a_stub(self):
        for scope, cls in self.CLASSES.items():
            defs = self.scopes[scope]
            # The type's own public names and its methods (tp_methods
            # dunders such as __enter__), as properties or methods.
            runtime = {n: v for n, v in vars(cls).items()
                       if not n.startswith("_") or
                       isinstance(v, types.MethodDescriptorType)}
            stub = {n: node for n, node in defs.items() if n != "__init__"}
            self.assertEqual(sorted(stub), sorted(runtime), scope)
            for n, v in runtime.items():
                self.assertEqual(is_property(stub[n]),
                                 isinstance(v, types.GetSetDescriptorType),
                                 "%s.%s: property or method" % (scope, n))
        # Chip() makes a Chip, Line() is refused: only Chip has __init__.
        self.assertIn("__init__", self.scopes["Chip"])
        self.assertNotIn("__init__", self.scopes["Line"])

    def test_module_names(self):
        tree = stub_tree("_pigpio_regs.pyi")
        stub = set()
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                stub.add(node.name)
            elif isinstance(node, ast.AnnAssign):
                stub.add(node.target.id)
        stub = {n for n in stub if not n.startswith("_") or
                n.startswith("__")}
        runtime = {n for n in vars(_pigpio_regs) if not n.startswith("_")}
        runtime.add("__version__")
        self.assertEqual(sorted(stub), sorted(runtime))

    def test_package_stub(self):
        # __init__.pyi: what __init__.py exports, no more, no less.
        names = set()
        for node in stub_tree("__init__.pyi").body:
            if isinstance(node, ast.ImportFrom):
                names.update(a.asname or a.name for a in node.names)
            elif isinstance(node, ast.AnnAssign):
                names.add(node.target.id)
        self.assertEqual(sorted(names), sorted(pigpio_regs.__all__))
        for name in names:
            self.assertTrue(hasattr(pigpio_regs, name), name)


if __name__ == "__main__":
    unittest.main()
