# SPDX-License-Identifier: LGPL-2.1-or-later
"""pigpio_regs._chardev: the GPIO v2 structures and ioctl numbers against
the kernel's own header (compiled with cc where there is one), the
request it builds, event parsing, the watcher thread (fed through a pipe:
a host has no GPIO chip that makes edges) and the errors when no usable
/dev/gpiochipN is there."""

import grp
import os
import pwd
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import unittest
import unittest.mock

from pigpio_regs import _chardev

from sim import run_as_nobody

C_PROBE = r"""
#include <stdio.h>
#include <stddef.h>
#include <linux/gpio.h>
int main(void)
{
	printf("GPIO_GET_CHIPINFO_IOCTL %lu\n", (unsigned long)GPIO_GET_CHIPINFO_IOCTL);
	printf("GPIO_V2_GET_LINE_IOCTL %lu\n", (unsigned long)GPIO_V2_GET_LINE_IOCTL);
	printf("REQUEST_SIZE %zu\n", sizeof(struct gpio_v2_line_request));
	printf("REQUEST_CONSUMER %zu\n", offsetof(struct gpio_v2_line_request, consumer));
	printf("REQUEST_CONFIG %zu\n", offsetof(struct gpio_v2_line_request, config));
	printf("REQUEST_NUM_LINES %zu\n", offsetof(struct gpio_v2_line_request, num_lines));
	printf("REQUEST_EVENT_BUFFER_SIZE %zu\n", offsetof(struct gpio_v2_line_request, event_buffer_size));
	printf("REQUEST_FD %zu\n", offsetof(struct gpio_v2_line_request, fd));
	printf("EVENT_SIZE %zu\n", sizeof(struct gpio_v2_line_event));
	printf("CHIPINFO_SIZE %zu\n", sizeof(struct gpiochip_info));
	printf("GPIO_V2_LINE_FLAG_INPUT %lu\n", (unsigned long)GPIO_V2_LINE_FLAG_INPUT);
	printf("GPIO_V2_LINE_FLAG_EDGE_RISING %lu\n", (unsigned long)GPIO_V2_LINE_FLAG_EDGE_RISING);
	printf("GPIO_V2_LINE_FLAG_EDGE_FALLING %lu\n", (unsigned long)GPIO_V2_LINE_FLAG_EDGE_FALLING);
	printf("GPIO_V2_LINE_EVENT_RISING_EDGE %d\n", GPIO_V2_LINE_EVENT_RISING_EDGE);
	printf("GPIO_V2_LINE_EVENT_FALLING_EDGE %d\n", GPIO_V2_LINE_EVENT_FALLING_EDGE);
	return 0;
}
"""


def event_bytes(ts_ns, event_id, offset=17, seqno=1):
    return struct.pack("=QIIII6I", ts_ns, event_id, offset, seqno, seqno,
                       0, 0, 0, 0, 0, 0)


class TestAgainstHeader(unittest.TestCase):
    def test_numbers_match_linux_gpio_h(self):
        cc = os.environ.get("CC", "cc")
        if not shutil.which(cc) or not os.path.exists(
                "/usr/include/linux/gpio.h"):
            self.skipTest("no C compiler or <linux/gpio.h>")
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "probe.c")
            exe = os.path.join(tmp, "probe")
            with open(src, "w") as f:
                f.write(C_PROBE)
            subprocess.run([cc, "-std=c11", "-Wall", "-Werror", src, "-o",
                            exe], check=True)
            out = subprocess.run([exe], check=True, capture_output=True,
                                 text=True).stdout
        c = {k: int(v) for k, v in (line.split() for line in
                                      out.splitlines())}
        ours = {
            "GPIO_GET_CHIPINFO_IOCTL": _chardev.GPIO_GET_CHIPINFO_IOCTL,
            "GPIO_V2_GET_LINE_IOCTL": _chardev.GPIO_V2_GET_LINE_IOCTL,
            "REQUEST_SIZE": _chardev.REQUEST_SIZE,
            "REQUEST_CONSUMER": _chardev.REQUEST_CONSUMER,
            "REQUEST_CONFIG": _chardev.REQUEST_CONFIG,
            "REQUEST_NUM_LINES": _chardev.REQUEST_NUM_LINES,
            "REQUEST_EVENT_BUFFER_SIZE": _chardev.REQUEST_EVENT_BUFFER_SIZE,
            "REQUEST_FD": _chardev.REQUEST_FD,
            "EVENT_SIZE": _chardev.EVENT.size,
            "CHIPINFO_SIZE": _chardev.CHIPINFO.size,
            "GPIO_V2_LINE_FLAG_INPUT": _chardev.GPIO_V2_LINE_FLAG_INPUT,
            "GPIO_V2_LINE_FLAG_EDGE_RISING":
                _chardev.GPIO_V2_LINE_FLAG_EDGE_RISING,
            "GPIO_V2_LINE_FLAG_EDGE_FALLING":
                _chardev.GPIO_V2_LINE_FLAG_EDGE_FALLING,
            "GPIO_V2_LINE_EVENT_RISING_EDGE":
                _chardev.GPIO_V2_LINE_EVENT_RISING_EDGE,
            "GPIO_V2_LINE_EVENT_FALLING_EDGE":
                _chardev.GPIO_V2_LINE_EVENT_FALLING_EDGE,
        }
        self.assertEqual(ours, c)


class TestRequest(unittest.TestCase):
    def test_pack(self):
        buf = _chardev.pack_request(17, "rising")
        self.assertEqual(len(buf), _chardev.REQUEST_SIZE)
        self.assertEqual(struct.unpack_from("=I", buf, 0)[0], 17)
        self.assertEqual(struct.unpack_from("=I", buf, 4)[0], 0)
        self.assertEqual(bytes(buf[256:268]), b"pigpio_regs\0")
        flags = struct.unpack_from("=Q", buf, 288)[0]
        self.assertEqual(flags, (1 << 2) | (1 << 4))
        self.assertEqual(struct.unpack_from("=I", buf, 560)[0], 1)
        both = struct.unpack_from("=Q", _chardev.pack_request(4, "both"),
                                  288)[0]
        self.assertEqual(both, (1 << 2) | (1 << 4) | (1 << 5))
        falling = struct.unpack_from(
            "=Q", _chardev.pack_request(4, "falling"), 288)[0]
        self.assertEqual(falling, (1 << 2) | (1 << 5))

    def test_bad_edges(self):
        with self.assertRaises(ValueError):
            _chardev.pack_request(17, "none")

    def test_parse_events(self):
        data = (event_bytes(1_500_000_000, 1) + event_bytes(2_000_000_000, 2)
                + b"\0" * 10)   # a partial event is not one
        self.assertEqual(_chardev.parse_events(data),
                         [(1_500_000_000, True), (2_000_000_000, False)])


class TestWatcher(unittest.TestCase):
    def test_events_through_a_pipe(self):
        r, w = os.pipe()
        got = []
        done = threading.Event()

        def callback(ts, rising):
            got.append((ts, rising))
            if len(got) == 3:
                done.set()

        watcher = _chardev.EdgeWatcher(r, callback)
        os.write(w, event_bytes(10, 1) + event_bytes(20, 2))
        os.write(w, event_bytes(30, 1))
        self.assertTrue(done.wait(5))
        watcher.close()
        self.assertEqual(got, [(10, True), (20, False), (30, True)])
        with self.assertRaises(OSError):
            os.fstat(r)             # the request's descriptor is released
        os.close(w)

    def test_close_from_callback(self):
        r, w = os.pipe()
        closed = threading.Event()
        holder = {}

        def callback(ts, rising):
            holder["w"].close()
            closed.set()

        holder["w"] = _chardev.EdgeWatcher(r, callback)
        os.write(w, event_bytes(1, 1) + event_bytes(2, 2))
        self.assertTrue(closed.wait(5))
        holder["w"]._thread.join(5)
        self.assertFalse(holder["w"]._thread.is_alive())
        with self.assertRaises(OSError):
            os.fstat(r)
        os.close(w)


    def test_close_waits_a_bounded_time(self):
        """A callback that does not return holds close() up to
        JOIN_TIMEOUT (made short here), not forever; the thread closes the
        descriptors once it leaves, and starts no further callback."""
        r, w = os.pipe()
        entered = threading.Event()
        release = threading.Event()
        got = []

        def callback(ts, rising):
            got.append(ts)
            entered.set()
            release.wait(60)

        watcher = _chardev.EdgeWatcher(r, callback)
        os.write(w, event_bytes(1, 1) + event_bytes(2, 2))
        self.assertTrue(entered.wait(5))
        closer = threading.Thread(target=watcher.close, daemon=True)
        with unittest.mock.patch.object(_chardev, "JOIN_TIMEOUT", 0.2,
                                        create=True):
            closer.start()
            closer.join(5)
        self.assertFalse(closer.is_alive(), "close() waits forever")
        os.fstat(r)             # still the thread's: it is in the callback
        release.set()
        watcher._thread.join(5)
        self.assertFalse(watcher._thread.is_alive())
        self.assertEqual(got, [1])      # not the second event
        with self.assertRaises(OSError):
            os.fstat(r)
        os.close(w)

    def test_close_after_eof(self):
        r, w = os.pipe()
        watcher = _chardev.EdgeWatcher(r, lambda ts, rising: None)
        os.close(w)             # EOF: the thread leaves by itself
        watcher._thread.join(5)
        self.assertFalse(watcher._thread.is_alive())
        os.fstat(r)             # close() has not been called yet
        watcher.close()
        watcher.close()
        with self.assertRaises(OSError):
            os.fstat(r)

    def test_fork_child_close(self):
        """A fork child that closes the watcher it inherited must not stop
        the parent's thread: they share the stop pipe (issue 25)."""
        code = r"""
import faulthandler, os, signal, struct, sys, threading
faulthandler.dump_traceback_later(60, exit=True)
from pigpio_regs import _chardev
r, w = os.pipe()
got = threading.Event()
watcher = _chardev.EdgeWatcher(r, lambda ts, rising: got.set())
pid = os.fork()
if pid == 0:
    signal.alarm(30)
    watcher.close()
    os._exit(0)
_, status = os.waitpid(pid, 0)
os.write(w, struct.pack("=QIIII24x", 1, 1, 0, 1, 1))
print(status, got.wait(5), watcher._thread.is_alive())
watcher.close()
"""
        env = dict(os.environ)
        import pigpio_regs
        env["PYTHONPATH"] = os.path.dirname(os.path.dirname(
            os.path.abspath(pigpio_regs.__file__)))
        r = subprocess.run([sys.executable, "-c", code], env=env,
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), ["0", "True", "True"], r.stderr)


class TestFindChip(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pgr-gpiochip-")
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_no_chip(self):
        with self.assertRaises(_chardev.ChardevUnavailable) as cm:
            _chardev.find_chip(self.dir)
        msg = str(cm.exception)
        self.assertIn("GPIO character device", msg)
        self.assertIn(self.dir + "/gpiochip*", msg)

    def test_not_a_gpio_chip(self):
        # A regular file answers GPIO_GET_CHIPINFO_IOCTL with ENOTTY.
        open(os.path.join(self.dir, "gpiochip0"), "w").close()
        with self.assertRaises(_chardev.ChardevUnavailable) as cm:
            _chardev.find_chip(self.dir)
        self.assertIn("could be opened", str(cm.exception))

    def test_missing_dir(self):
        with self.assertRaises(_chardev.ChardevUnavailable):
            _chardev.find_chip(os.path.join(self.dir, "nonexistent"))

    def refused_message(self, path):
        """find_chip's message for a chip the user may not open."""
        if os.geteuid() != 0:
            with self.assertRaises(_chardev.ChardevUnavailable) as cm:
                _chardev.find_chip(self.dir)
            out = str(cm.exception)
        else:
            code = ("from pigpio_regs import _chardev\n"
                    "try:\n"
                    "    _chardev.find_chip(%r)\n"
                    "except _chardev.ChardevUnavailable as e:\n"
                    "    print(e)\n" % self.dir)
            r = run_as_nobody(code)
            self.assertEqual(r.returncode, 0, r.stderr)
            out = r.stdout
        self.assertIn("%s is not accessible (Permission denied)" % path, out)
        return out

    def test_not_accessible(self):
        path = os.path.join(self.dir, "gpiochip0")
        open(path, "w").close()
        # nobody may not open root's 0600; a user may not open even
        # their own file with mode 0
        mode = 0o600 if os.geteuid() == 0 else 0
        os.chmod(path, mode)
        out = self.refused_message(path)
        st = os.stat(path)
        self.assertIn("is %s:%s mode %04o: install the optional udev rule "
                      "62-pigpio-gpiochip.rules" %
                      (pwd.getpwuid(st.st_uid).pw_name,
                       grp.getgrgid(st.st_gid).gr_name, mode), out)
        self.assertIn("add the user to group gpio", out)

    def test_group_may_open(self):
        # a group with rw that the user is not in: join it
        if os.geteuid() != 0:
            self.skipTest("needs root to give the file another group")
        path = os.path.join(self.dir, "gpiochip0")
        open(path, "w").close()
        os.chown(path, 0, 1)
        os.chmod(path, 0o660)
        out = self.refused_message(path)
        group = grp.getgrgid(1).gr_name
        self.assertIn("add the user to group %s, which owns it (sudo "
                      "usermod -aG %s $USER" % (group, group), out)


if __name__ == "__main__":
    unittest.main()
