# SPDX-License-Identifier: LGPL-2.1-or-later
"""A simulated register block for the host tests, as tests/unit/test_chip.c
makes it: a regular 4096-byte file stands in for /dev/pigpio_regs (a
MAP_SHARED mapping of a regular file shares its page cache, so os.pread
sees every store), and a directory of attribute files stands in for
/sys/class/misc/pigpio_regs. The file is plain memory: a SET or CLR
register holds the last value stored to it, and GPLEV holds what a test
writes there.

Register offsets are the datasheets' (BCM2835 / BCM2711 ARM Peripherals),
not the library's.
"""

import os
import shutil
import struct
import tempfile

GPFSEL0 = 0x00
GPSET0 = 0x1C
GPCLR0 = 0x28
GPLEV0 = 0x34
GPPUD = 0x94
GPPUDCLK0 = 0x98
PUP_PDN0 = 0xE4         # BCM2711: 2 bits a pin, 01 up, 10 down

WINDOW = 4096

# RP1 (Raspberry Pi 5, docs/rp1.md, tests/unit/rp1_model.h): IO_BANK at
# 0, SYS_RIO at 0x10000, PADS at 0x20000; every register has a SET alias
# at +0x2000 and a CLR alias at +0x3000; SYS_RIO OUT at 0, OE at 4 of a
# bank; banks 0/1/2 (GPIO0-27/28-33/34-53) 0x4000 apart; PADS word of pin
# n at 4 + 4n: pull-down bit 2, pull-up bit 3.
RP1_WINDOW = 0x30000
RP1_SYS_RIO = 0x10000
RP1_PADS = 0x20000
RP1_SET = 0x2000
RP1_CLR = 0x3000
RP1_BANK = 0x4000

SOCS = {
    # soc: (phys_base, bus_base, block_size, ngpio, window_size)
    "bcm2835": (0x20200000, 0x7E200000, 180, 54, WINDOW),
    "bcm2836": (0x3F200000, 0x7E200000, 180, 54, WINDOW),
    "bcm2837": (0x3F200000, 0x7E200000, 180, 54, WINDOW),
    "bcm2711": (0xFE200000, 0x7E200000, 244, 58, WINDOW),
    "rp1": (0x1F000D0000, 0x400D0000, 0xC000, 54, RP1_WINDOW),
}


class SimBlock:
    """A simulated device: .dev (the register file), .sys (attributes)."""

    def __init__(self, soc="bcm2837"):
        self.dir = tempfile.mkdtemp(prefix="pgr-py-")
        os.chmod(self.dir, 0o755)       # for the unprivileged children
        self.dev = os.path.join(self.dir, "dev")
        self.sys = os.path.join(self.dir, "sys")
        with open(self.dev, "wb") as f:
            f.write(bytes(SOCS[soc][4]))
        os.chmod(self.dev, 0o666)
        os.mkdir(self.sys)
        os.chmod(self.sys, 0o755)
        self.set_soc(soc)

    def set_soc(self, soc):
        phys, bus, block, ngpio, window = SOCS[soc]
        self.set_attr("soc", soc + "\n")
        self.set_attr("phys_base", "0x%x\n" % phys)
        self.set_attr("bus_base", "0x%x\n" % bus)
        self.set_attr("block_size", "%d\n" % block)
        self.set_attr("window_size", "%d\n" % window)
        self.set_attr("ngpio", "%d\n" % ngpio)
        self.set_attr("source", "devicetree\n")

    def set_attr(self, name, text):
        path = os.path.join(self.sys, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o644)

    def word(self, offset):
        with open(self.dev, "rb") as f:
            return struct.unpack("=I", os.pread(f.fileno(), 4, offset))[0]

    def set_word(self, offset, value):
        with open(self.dev, "r+b") as f:
            os.pwrite(f.fileno(), struct.pack("=I", value), offset)

    def words(self):
        with open(self.dev, "rb") as f:
            data = f.read()
        return struct.unpack("=%dI" % (len(data) // 4), data)

    def fsel(self, pin):
        """The pin's 3-bit GPFSEL code, from the file."""
        return (self.word(GPFSEL0 + 4 * (pin // 10)) >> (3 * (pin % 10))) & 7

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def unreachable_by_others(path):
    """The first directory on the way to path that users other than its
    owner and group cannot search, or None."""
    import stat
    path = os.path.abspath(path)
    parts = path.split(os.sep)
    for i in range(2, len(parts) + 1):
        d = os.sep.join(parts[:i]) or os.sep
        try:
            st = os.stat(d)
        except OSError:
            return None          # not there: not a permission matter
        if stat.S_ISDIR(st.st_mode) and not st.st_mode & stat.S_IXOTH:
            return d
    return None


def run_as_nobody(code, env=None):
    """Run python code as user nobody (the caller must be root); returns
    the CompletedProcess. The child finds the package as this one does:
    the package's directory must be one nobody can reach (run-tests.sh
    stages it under /tmp for that), which is checked first so that a
    private checkout fails here with the reason, not in the child."""
    import subprocess
    import sys
    child_env = dict(os.environ)
    child_env.update(env or {})
    import pigpio_regs
    site = os.path.dirname(os.path.dirname(os.path.abspath(
        pigpio_regs.__file__)))
    blocked = unreachable_by_others(site)
    if blocked:
        raise AssertionError("user nobody cannot import pigpio_regs from "
                             "%s: %s is not searchable by others" %
                             (site, blocked))

    def drop():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)

    try:
        return subprocess.run([sys.executable, "-c", code], env=child_env,
                              preexec_fn=drop, capture_output=True,
                              cwd=tempfile.gettempdir(),
                              text=True, timeout=600)  # a hang guard
    except PermissionError as e:
        import unittest
        raise unittest.SkipTest("nobody cannot run %s: %s" %
                                (sys.executable, e.strerror))


# RP1 IO_BANK: a pin's CTRL word (FUNCSEL in bits 4:0) and the XOR alias
# its function select stores through (docs/rp1.md, tests/unit/rp1_model.h).
RP1_XOR = 0x1000
RP1_PAD_IE = 0x40       # PADS: input enable
RP1_PAD_OD = 0x80       # PADS: output disable
RP1_CTRL_OVERRIDES = 0xF000     # CTRL: OUTOVER 13:12, OEOVER 15:14


def rp1_bank_index(pin):
    """(RP1 bank, bit in the bank) of a pin: GPIO0-27, 28-33, 34-53."""
    for bank, first in ((2, 34), (1, 28), (0, 0)):
        if pin >= first:
            return bank, pin - first
    raise ValueError(pin)


def rp1_ctrl(pin):
    """Offset in the window of the pin's IO_BANK CTRL register."""
    bank, index = rp1_bank_index(pin)
    return RP1_BANK * bank + 8 * index + 4


def rp1_pad(pin):
    """Offset in the window of the pin's PADS word."""
    bank, index = rp1_bank_index(pin)
    return RP1_PADS + RP1_BANK * bank + 4 + 4 * index
