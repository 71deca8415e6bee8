# SPDX-License-Identifier: LGPL-2.1-or-later
"""Edge events through the GPIO character device (GPIO v2 line events).

The register window cannot wait for an interrupt: the pin's edge detector
raises one, and only the kernel's pinctrl driver takes it. The kernel hands
it to user space through /dev/gpiochipN: a line request with
GPIO_V2_LINE_FLAG_EDGE_RISING/FALLING (ioctl GPIO_V2_GET_LINE_IOCTL) gives
a descriptor that reads one ``struct gpio_v2_line_event`` per edge, time
stamped on CLOCK_MONOTONIC (the clock of time.monotonic(), which gpiozero's
local factories use for ticks).

Pure Python (fcntl.ioctl and struct) rather than C: an edge costs a thread
wake-up and a Python callback whatever the request code is written in, the
structures are fixed UAPI (include/uapi/linux/gpio.h; the same layout on
32- and 64-bit, every u64 is __aligned_u64), and the extension stays the
library's thin wrapper. tests/test_chardev.py compares every size, offset
and ioctl number here with the C header where a compiler is at hand.

Nothing here knows gpiozero: failures raise ChardevUnavailable, which the
pin factory turns into gpiozero's PinEdgeDetectUnsupported.

Threads and fork: each EdgeWatcher is one thread; its close() waits for
it a bounded time (JOIN_TIMEOUT) and, in a process other than the one
that made it (a fork child), touches nothing the parent still uses.
"""

import errno
import fcntl
import grp
import os
import pwd
import select
import struct
import threading

# <asm-generic/ioctl.h>
_IOC_WRITE = 1
_IOC_READ = 2


def _ioc(direction, type_, nr, size):
    return (direction << 30) | (size << 16) | (type_ << 8) | nr


GPIO_MAX_NAME_SIZE = 32
GPIO_V2_LINES_MAX = 64
GPIO_V2_LINE_NUM_ATTRS_MAX = 10

# struct gpiochip_info: name[32], label[32], __u32 lines
CHIPINFO = struct.Struct("=32s32sI")
# struct gpio_v2_line_request (592 bytes): offsets[64], consumer[32],
# config (272: flags u64, num_attrs u32, padding[5], attrs[10] of 24),
# num_lines, event_buffer_size, padding[5], fd
REQUEST_SIZE = 592
REQUEST_CONSUMER = 4 * GPIO_V2_LINES_MAX                     # 256
REQUEST_CONFIG = REQUEST_CONSUMER + GPIO_MAX_NAME_SIZE       # 288
REQUEST_NUM_LINES = REQUEST_CONFIG + 272                     # 560
REQUEST_EVENT_BUFFER_SIZE = REQUEST_NUM_LINES + 4            # 564
REQUEST_FD = REQUEST_EVENT_BUFFER_SIZE + 4 + 20              # 588
# struct gpio_v2_line_event: timestamp_ns u64, id, offset, seqno,
# line_seqno, padding[6]
EVENT = struct.Struct("=QIIII24x")

GPIO_GET_CHIPINFO_IOCTL = _ioc(_IOC_READ, 0xB4, 0x01, CHIPINFO.size)
GPIO_V2_GET_LINE_IOCTL = _ioc(_IOC_READ | _IOC_WRITE, 0xB4, 0x07,
                              REQUEST_SIZE)

GPIO_V2_LINE_FLAG_INPUT = 1 << 2
GPIO_V2_LINE_FLAG_EDGE_RISING = 1 << 4
GPIO_V2_LINE_FLAG_EDGE_FALLING = 1 << 5
GPIO_V2_LINE_EVENT_RISING_EDGE = 1
GPIO_V2_LINE_EVENT_FALLING_EDGE = 2

#: The labels of the SoC's own GPIO controllers: their line offsets are
#: the GPIO numbers.
PINCTRL_LABELS = ("pinctrl-bcm2835", "pinctrl-bcm2711", "pinctrl-rp1")

EDGE_FLAGS = {
    "both": GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING,
    "rising": GPIO_V2_LINE_FLAG_EDGE_RISING,
    "falling": GPIO_V2_LINE_FLAG_EDGE_FALLING,
}

CONSUMER = b"pigpio_regs"


class ChardevUnavailable(Exception):
    """Edge events cannot be had: the message says why and what to do."""


def _access_advice(path):
    """What to do about a chip device the user may not open."""
    try:
        st = os.stat(path)
    except OSError:
        return "install the optional udev rule 62-pigpio-gpiochip.rules"
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    try:
        owner = pwd.getpwuid(st.st_uid).pw_name
    except KeyError:
        owner = str(st.st_uid)
    if st.st_gid != 0 and st.st_mode & 0o060 == 0o060:
        return ("add the user to group %s, which owns it (sudo usermod -aG "
                "%s $USER, then log in again)" % (group, group))
    return ("it is %s:%s mode %04o: install the optional udev rule "
            "62-pigpio-gpiochip.rules, which gives group gpio "
            "/dev/gpiochip* as Raspberry Pi OS does (see docs/python.md), "
            "and add the user to group gpio" %
            (owner, group, st.st_mode & 0o7777))


def chip_label(fd):
    """The label of the GPIO chip open at fd (OSError if it is none)."""
    buf = bytearray(CHIPINFO.size)
    fcntl.ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, buf, True)
    _name, label, _lines = CHIPINFO.unpack(bytes(buf))
    return label.split(b"\0", 1)[0].decode("ascii", "replace")


def find_chip(dev_dir="/dev"):
    """Open the SoC's GPIO character device among dev_dir/gpiochip*.

    Returns (path, fd) of the first chip whose label is in PINCTRL_LABELS;
    raises ChardevUnavailable when none can be opened, naming the one the
    user may not open and what to do about it.
    """
    try:
        names = os.listdir(dev_dir)
    except OSError as e:
        raise ChardevUnavailable(
            "edge detection needs the GPIO character device, and %s cannot "
            "be read: %s" % (dev_dir, os.strerror(e.errno))) from e
    chips = sorted((n for n in names if n.startswith("gpiochip")
                    and n[8:].isdigit()), key=lambda n: int(n[8:]))
    refused = None
    for name in chips:
        path = os.path.join(dev_dir, name)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EPERM) and refused is None:
                refused = path
            continue
        try:
            if chip_label(fd) in PINCTRL_LABELS:
                return path, fd
        except OSError:
            pass        # not a GPIO chip (ENOTTY) or one that will not say
        os.close(fd)
    if refused is not None:
        raise ChardevUnavailable(
            "edge detection (when_changed, when_pressed, wait_for_*) needs "
            "the GPIO character device, and %s is not accessible (%s): %s" %
            (refused, os.strerror(errno.EACCES), _access_advice(refused)))
    raise ChardevUnavailable(
        "edge detection needs the GPIO character device, and no %s among "
        "%s/gpiochip* could be opened" % (" or ".join(PINCTRL_LABELS),
                                          dev_dir))


def pack_request(offset, edges, consumer=CONSUMER):
    """The struct gpio_v2_line_request for one input line with edges."""
    if edges not in EDGE_FLAGS:
        raise ValueError("edges must be one of %s" % ", ".join(EDGE_FLAGS))
    buf = bytearray(REQUEST_SIZE)
    struct.pack_into("=I", buf, 0, offset)
    struct.pack_into("=%ds" % GPIO_MAX_NAME_SIZE, buf, REQUEST_CONSUMER,
                     consumer[:GPIO_MAX_NAME_SIZE - 1])
    struct.pack_into("=Q", buf, REQUEST_CONFIG,
                     GPIO_V2_LINE_FLAG_INPUT | EDGE_FLAGS[edges])
    struct.pack_into("=I", buf, REQUEST_NUM_LINES, 1)
    return buf


def request_edges(chip_fd, offset, edges):
    """Request line offset of the chip open at chip_fd as an input with
    edge events; returns the request's descriptor (close it to release)."""
    buf = pack_request(offset, edges)
    fcntl.ioctl(chip_fd, GPIO_V2_GET_LINE_IOCTL, buf, True)
    (fd,) = struct.unpack_from("=i", buf, REQUEST_FD)
    return fd


def parse_events(data):
    """(timestamp_ns, rising) of each whole struct gpio_v2_line_event."""
    n = len(data) // EVENT.size
    out = []
    for i in range(n):
        ts, ident, _offset, _seq, _lseq = EVENT.unpack_from(data,
                                                            i * EVENT.size)
        out.append((ts, ident == GPIO_V2_LINE_EVENT_RISING_EDGE))
    return out


#: How long a close waits for the thread it stops (EdgeWatcher.close(),
#: and the factory's SoftwarePWM.stop()), as gpiozero's own
#: GPIOThread.stop(timeout=10) does: a thread that takes longer is left to
#: finish on its own (see EdgeWatcher).
JOIN_TIMEOUT = 10.0


class EdgeWatcher:
    """A thread that reads the events of one line request and calls
    callback(timestamp_ns, rising) for each.

    close() stops it. The thread looks at a flag before each callback, so
    no callback starts once close() has returned; close() waits for one
    already running to return, at most join_timeout seconds (default
    JOIN_TIMEOUT), and not at all when called from the callback itself. A
    callback that outlasts the wait is left to finish, and its thread
    leaves as it returns. The descriptors (fd, which the watcher takes
    over, and its stop pipe) are closed once, by whichever of the thread
    and close() comes last: by the time close() returns, unless it had to
    leave the thread behind.

    A callback must not wait for a lock that the caller of close() may
    hold: close() may be waiting for the callback with that lock held
    (gpiozero holds the pin's _when_changed_lock while it stops watching;
    see PigpioRegsPin._call_when_changed). The bounded wait turns a
    mistake of that kind into a stall, not a hang.

    fork: the thread exists only in the process that made the watcher. In
    any other process (a fork child) close() only marks the watcher closed:
    it writes nothing to the stop pipe, which the child shares with the
    parent's thread and would stop it, and closes no descriptor, whose
    number the child may already have closed and reused.
    """

    def __init__(self, fd, callback, name="pigpio_regs-edges",
                 join_timeout=None):
        self._fd = fd
        self._callback = callback
        self._join_timeout = join_timeout
        self._pid = os.getpid()
        # _lock orders close() against the thread's leaving: _closed (a
        # close() was called) and _running (the thread has not left) decide
        # which of them closes the descriptors.
        self._lock = threading.Lock()
        self._closed = False
        self._running = True
        self._stop_r, self._stop_w = os.pipe2(os.O_CLOEXEC)
        self._thread = threading.Thread(target=self._run, name=name,
                                        daemon=True)
        try:
            self._thread.start()
        except BaseException:
            self._running = False
            os.close(self._stop_r)
            os.close(self._stop_w)
            raise

    @property
    def fd(self):
        return self._fd

    @property
    def closed(self):
        return self._closed

    def _run(self):
        try:
            poll = select.poll()
            poll.register(self._fd, select.POLLIN)
            poll.register(self._stop_r, select.POLLIN)
            while not self._closed:
                ready = dict(poll.poll())
                if self._stop_r in ready or self._closed:
                    return
                if self._fd not in ready:
                    continue
                try:
                    data = os.read(self._fd, EVENT.size * 16)
                except OSError:
                    return
                if not data:
                    return
                for ts, rising in parse_events(data):
                    if self._closed:
                        return
                    self._callback(ts, rising)
        finally:
            with self._lock:
                self._running = False
                if self._closed:
                    self._close_fds()

    def _close_fds(self):
        os.close(self._fd)
        os.close(self._stop_r)
        os.close(self._stop_w)

    def close(self):
        """Stop watching and release the line (close its descriptor)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if os.getpid() != self._pid:
                return          # a fork child: see the class's docstring
            if not self._running:
                self._close_fds()       # the thread left first (EOF)
                return
            # The thread is still there, so the pipe is open; it closes
            # the descriptors as it leaves.
            os.write(self._stop_w, b"x")
        if threading.current_thread() is not self._thread:
            self._thread.join(JOIN_TIMEOUT if self._join_timeout is None
                              else self._join_timeout)
