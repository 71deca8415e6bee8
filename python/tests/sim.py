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

SOCS = {
    # soc: (phys_base, block_size, ngpio)
    "bcm2835": (0x20200000, 180, 54),
    "bcm2836": (0x3F200000, 180, 54),
    "bcm2837": (0x3F200000, 180, 54),
    "bcm2711": (0xFE200000, 244, 58),
}


class SimBlock:
    """A simulated device: .dev (the register file), .sys (attributes)."""

    def __init__(self, soc="bcm2837"):
        self.dir = tempfile.mkdtemp(prefix="pgr-py-")
        os.chmod(self.dir, 0o755)       # for the unprivileged children
        self.dev = os.path.join(self.dir, "dev")
        self.sys = os.path.join(self.dir, "sys")
        with open(self.dev, "wb") as f:
            f.write(bytes(WINDOW))
        os.chmod(self.dev, 0o666)
        os.mkdir(self.sys)
        os.chmod(self.sys, 0o755)
        self.set_soc(soc)

    def set_soc(self, soc):
        phys, block, ngpio = SOCS[soc]
        self.set_attr("soc", soc + "\n")
        self.set_attr("phys_base", "0x%x\n" % phys)
        self.set_attr("bus_base", "0x7e200000\n")
        self.set_attr("block_size", "%d\n" % block)
        self.set_attr("window_size", "%d\n" % WINDOW)
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


def run_as_nobody(code, env=None):
    """Run python code as user nobody (the caller must be root); returns
    the CompletedProcess. The child finds the package as this one does."""
    import subprocess
    import sys
    child_env = dict(os.environ)
    child_env.update(env or {})

    def drop():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)

    try:
        return subprocess.run([sys.executable, "-c", code], env=child_env,
                              preexec_fn=drop, capture_output=True, cwd="/",
                              text=True, timeout=60)
    except PermissionError as e:
        import unittest
        raise unittest.SkipTest("nobody cannot run %s: %s" %
                                (sys.executable, e.strerror))
