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


class RP1Model:
    """The RP1's GPIO as a register model over a SimBlock("rp1") file, so
    that what the library stores there has the chip's effect: a port to
    Python of tests/unit/rp1_model.h (written from the facts in
    docs/rp1.md, not from the library), for the gpiozero factory's tests.

    - Every register has atomic aliases (RP1 datasheet 2.4): a store to
      +0x1000 XORs, +0x2000 sets, +0x3000 clears the bits it carries in
      the register; the alias word itself reads back 0 again.
    - IO_BANK CTRL (FUNCSEL 4:0, 5 SYS_RIO, 0x1f null; OUTOVER 13:12,
      OEOVER 15:14), SYS_RIO OUT/OE, PADS (pull-down 2, pull-up 3, input
      enable 6, output disable 7) decide each pin's level: driven from RIO
      OUT where SYS_RIO's OE (after the overrides) is on and the pad's
      output is not disabled, else the test's outside level, else its
      pull (pull-down or none reads 0). NOSYNC_IN and SYNC_IN show it
      where the pad's input is enabled. Other functions drive nothing.
    - It starts as the C model does: every FUNCSEL null, every pad's input
      disabled and output disabled, so a library that forgot the pad
      fails.

    Limits: a plain file cannot act on a store as it happens, so the model
    acts in steps: settle() applies what the stores since the last step
    left in the file. wrap(chip) gives a stand-in for a pigpio_regs.Chip
    (and its Lines) that makes each call one step, under the model's lock,
    so every library call sees the registers as the chip would leave them
    (the factory then writes states through Line.write(), not its C fast
    path, which would bypass the step). Within one step it cannot see two
    stores to one word (only the last), nor the order of stores to
    different words: as in the C model, a step whose result would depend
    on that order (SET and CLR, or XOR and another alias, of overlapping
    bits of one register; a plain and an alias store to one register) is
    an error, as is a store to a read-only register or outside the
    registers. Errors are collected in .errors (tests check it is empty).
    Interrupts, the sync/nosync difference, drive and slew are not
    modelled.
    """

    WINDOW = RP1_WINDOW
    IO_BANK, SYS_RIO, PADS = 0x00000, RP1_SYS_RIO, RP1_PADS
    BLOCK_SIZE = 0xC000
    ALIASES = (RP1_XOR, RP1_SET, RP1_CLR)
    OUT, OE, NOSYNC_IN, SYNC_IN = 0x0, 0x4, 0x8, 0xC
    PAD_PDE, PAD_PUE, PAD_IE, PAD_OD = 0x04, 0x08, RP1_PAD_IE, RP1_PAD_OD
    FUNCSEL, SYS_RIO_FN, NULL_FN = 0x1F, 5, 0x1F
    PINS = 54
    FIRST = (0, 28, 34, 54)         # the first pin of each bank, and the end

    def __init__(self, sim):
        import mmap
        import threading
        self._file = open(sim.dev, "r+b")
        self._mm = mmap.mmap(self._file.fileno(), self.WINDOW)
        self.lock = threading.RLock()
        self.outside = [-1] * self.PINS
        self.errors = []
        self.levels = [0] * self.PINS
        self.rising = [0] * self.PINS       # level changes seen per pin
        self.falling = [0] * self.PINS
        self._mm[:] = bytes(self.WINDOW)
        for pin in range(self.PINS):
            self._put(self.ctrl_at(pin), self.NULL_FN)
            self._put(self.pad_at(pin), self.PAD_OD)
        self._derive()
        self._before = self._mm[:]

    def close(self):
        with self.lock:
            self._mm.close()
            self._file.close()

    # where things are

    bank_of = staticmethod(rp1_bank_index)     # (bank, bit in the bank)
    ctrl_at = staticmethod(rp1_ctrl)
    pad_at = staticmethod(rp1_pad)

    def rio_at(self, pin, reg):
        bank, _n = self.bank_of(pin)
        return self.SYS_RIO + RP1_BANK * bank + reg

    def _get(self, offset):
        return struct.unpack_from("=I", self._mm, offset)[0]

    def _put(self, offset, value):
        struct.pack_into("=I", self._mm, offset, value)

    def _decode(self, offset):
        """(kind, register, alias) of the word at offset: kind 1 a writable
        register, 2 a read-only one, 0 none (rp1m_decode())."""
        block = offset // 0x10000 * 0x10000
        inside = offset % 0x10000
        bank, r = inside // RP1_BANK, inside % 0x1000
        alias = inside % RP1_BANK // 0x1000 * 0x1000
        if inside >= self.BLOCK_SIZE:
            return 0, None, None
        reg = block + RP1_BANK * bank + r
        pins = self.FIRST[bank + 1] - self.FIRST[bank]
        if block == self.IO_BANK:
            kind = (1 if r % 8 else 2) if r < 8 * pins else 0
        elif block == self.SYS_RIO:
            kind = (1 if r in (self.OUT, self.OE) else
                    2 if r in (self.NOSYNC_IN, self.SYNC_IN) else 0)
        else:
            kind = 1 if r <= 4 * pins else 0     # voltage select and pins
        return kind, reg, alias

    # what the chip does

    def settle(self):
        """End a step: apply its stores as the chip would, derive the
        inputs, begin the next step."""
        with self.lock:
            now = self._mm[:]
            before = self._before
            if now == before:
                return
            stores = []
            for page in range(0, self.WINDOW, 4096):
                if now[page:page + 4096] == before[page:page + 4096]:
                    continue
                for off in range(page, page + 4096, 4):
                    if now[off:off + 4] != before[off:off + 4]:
                        stores.append(off)
            regs = set()
            plain = set()
            for off in stores:
                kind, reg, alias = self._decode(off)
                if kind != 1:
                    self.errors.append(
                        "store of 0x%08x at 0x%05x: %s" %
                        (self._get(off), off, "a read-only register" if kind
                         else "no register there"))
                    self._put(off, struct.unpack_from("=I", before, off)[0])
                elif alias:
                    regs.add(reg)
                else:
                    plain.add(reg)
            for reg in sorted(regs):
                x, s, c = (self._get(reg + a) for a in self.ALIASES)
                if reg in plain:
                    self.errors.append("0x%05x: a plain store and an alias "
                                       "store in one step" % reg)
                if (s & c) or (x & (s | c)):
                    self.errors.append(
                        "0x%05x: XOR 0x%08x SET 0x%08x CLR 0x%08x overlap: "
                        "the order decides" % (reg, x, s, c))
                self._put(reg, ((self._get(reg) ^ x) | s) & ~c & 0xFFFFFFFF)
                for a in self.ALIASES:
                    self._put(reg + a, 0)
            self._derive()
            self._before = self._mm[:]

    def _derive(self):
        inputs = [0, 0, 0]
        for pin in range(self.PINS):
            bank, n = self.bank_of(pin)
            bit = 1 << n
            ctrl = self._get(self.ctrl_at(pin))
            pad = self._get(self.pad_at(pin))
            out = oe = 0
            if ctrl & self.FUNCSEL == self.SYS_RIO_FN:
                out = int(bool(self._get(self.rio_at(pin, self.OUT)) & bit))
                oe = int(bool(self._get(self.rio_at(pin, self.OE)) & bit))
            outover, oeover = (ctrl >> 12) & 3, (ctrl >> 14) & 3
            out = (out, 1 - out, 0, 1)[outover]
            oe = (oe, 1 - oe, 0, 1)[oeover]
            if oe and not pad & self.PAD_OD:
                level = out
            elif self.outside[pin] >= 0:
                level = self.outside[pin]
            else:
                level = int(bool(pad & self.PAD_PUE and
                                 not pad & self.PAD_PDE))
            if level != self.levels[pin]:
                if level:
                    self.rising[pin] += 1
                else:
                    self.falling[pin] += 1
                self.levels[pin] = level
            if level and pad & self.PAD_IE:
                inputs[bank] |= bit
        for bank in range(3):
            base = self.SYS_RIO + RP1_BANK * bank
            self._put(base + self.NOSYNC_IN, inputs[bank])
            self._put(base + self.SYNC_IN, inputs[bank])

    def set_outside(self, pin, level):
        """Drive pin from outside (0/1), or leave it floating (-1)."""
        with self.lock:
            self.settle()
            self.outside[pin] = level
            self._derive()
            self._before = self._mm[:]

    # what a test looks at

    def funcsel(self, pin):
        with self.lock:
            return self._get(self.ctrl_at(pin)) & self.FUNCSEL

    def pad(self, pin):
        with self.lock:
            return self._get(self.pad_at(pin))

    def oe(self, pin):
        _bank, n = self.bank_of(pin)
        with self.lock:
            return (self._get(self.rio_at(pin, self.OE)) >> n) & 1

    def out(self, pin):
        _bank, n = self.bank_of(pin)
        with self.lock:
            return (self._get(self.rio_at(pin, self.OUT)) >> n) & 1

    def level(self, pin):
        with self.lock:
            return self.levels[pin]

    def wrap(self, obj):
        """obj (a pigpio_regs.Chip or Line) with every method call made one
        step of this model; the Lines a Chip's line() gives are wrapped
        too."""
        return _ModelStep(obj, self)


class _ModelStep:
    """RP1Model.wrap(): attributes pass through, each method call is one
    step (the call, then settle(), under the model's lock)."""

    def __init__(self, obj, model):
        self._obj = obj
        self._model = model

    def __getattr__(self, name):
        attr = getattr(self._obj, name)
        if not callable(attr):
            return attr
        model = self._model

        def step(*args, **kwargs):
            with model.lock:
                try:
                    result = attr(*args, **kwargs)
                finally:
                    model.settle()
            if name == "line":
                return _ModelStep(result, model)
            return result
        return step

    def __repr__(self):
        return "<model step of %r>" % (self._obj,)
