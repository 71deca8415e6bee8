# SPDX-License-Identifier: LGPL-2.1-or-later
"""Closing a watched pin while its edges are being delivered (issue 25):
gpiozero holds the pin's _when_changed_lock while it stops watching, and
the edge thread, finding the handler's weak reference dead, asks for the
same lock. Each scenario runs in a child interpreter with a watchdog
(faulthandler prints every thread's stack and exits), so a deadlock is a
FAIL with the stacks, not a stuck run. Pipes stand in for the line
request descriptors, as in test_factory's edge cases."""

import os
import subprocess
import sys
import tempfile
import unittest

import pigpio_regs

from sim import SimBlock

STAGE = os.path.dirname(os.path.dirname(os.path.abspath(pigpio_regs.__file__)))
CHILD_PATH = os.pathsep.join(
    p for p in (os.environ.get("PGR_GPIOZERO_PATH"), STAGE) if p)

# What every scenario starts with: the factory on the simulated block
# (argv 1-4) whose line requests are pipes, and an edge event packer.
PROLOGUE = r"""
import faulthandler, gc, os, sys, threading, time, warnings, weakref
warnings.simplefilter("ignore")
faulthandler.dump_traceback_later(%(watchdog)d, exit=True)
from gpiozero import DigitalInputDevice
from pigpio_regs import _chardev
from pigpio_regs.gpiozero_factory import PigpioRegsFactory

pipes = []

class PipeFactory(PigpioRegsFactory):
    def _request_edges(self, number, edges):
        r, w = os.pipe()
        pipes.append(w)
        return r

def event(falling):
    return _chardev.EVENT.pack(time.monotonic_ns(),
        _chardev.GPIO_V2_LINE_EVENT_FALLING_EDGE if falling else
        _chardev.GPIO_V2_LINE_EVENT_RISING_EDGE, 23, 1, 1)

def edge_threads():
    return [t for t in threading.enumerate()
            if t.name.startswith("pigpio_regs-edges-")]

factory = PipeFactory(*sys.argv[1:5])
"""

# The deadlock made to happen: the edge arrives while the closing thread
# holds _when_changed_lock, and the closing thread goes on only once the
# edge thread has asked for the lock (an instrumented stand-in for the
# RLock says when). The handler's weak reference is dead, as a collected
# device's is.
RACE = r"""
class WatchedLock:
    # gpiozero's _when_changed_lock (an RLock) that tells when a thread
    # other than the closing one asks for it, blocking or not.
    def __init__(self):
        self._lock = threading.RLock()
        self.closer = None
        self.asked = threading.Event()
    def acquire(self, blocking=True, timeout=-1):
        if self.closer not in (None, threading.get_ident()):
            self.asked.set()
        return self._lock.acquire(blocking, timeout)
    def release(self):
        self._lock.release()
    __enter__ = acquire
    def __exit__(self, *exc):
        self.release()

for i in range(%(rounds)d):
    pin = factory.pin(23)
    pin.function = "input"
    lock = pin._when_changed_lock = WatchedLock()
    def handler(ticks, state):
        pass
    pin.when_changed = handler
    del handler                     # gpiozero's weak reference dies
    assert len(edge_threads()) == 1
    w = pipes[-1]
    stop_watching = pin._disable_event_detect

    def racing_disable():
        lock.closer = threading.get_ident()
        os.write(w, event(True))        # an edge, now
        if not lock.asked.wait(5):
            print("round %%d: the edge thread never asked for the lock" %% i)
        stop_watching()

    pin._disable_event_detect = racing_disable
    closer = threading.Thread(target=pin.close, daemon=True)
    closer.start()
    closer.join(%(join)d)
    if closer.is_alive():
        print("DEADLOCK in round %%d: closing the pin waits for the edge "
              "thread, which waits for _when_changed_lock" %% i, flush=True)
        faulthandler.dump_traceback(all_threads=True)
        os._exit(1)
    del pin._disable_event_detect
    if edge_threads():
        print("round %%d: the edge thread is still there" %% i)
        os._exit(1)
    try:
        os.write(w, event(False))
        print("round %%d: the line request is still open" %% i)
        os._exit(1)
    except BrokenPipeError:
        pass                        # its descriptor was closed: released
    os.close(w)
factory.close()
print("ok")
"""

# The loop: make a button, bounce its input, drop it (the cyclic
# collector clears gpiozero's weak reference to its handler before it
# closes it) while the edges are still being delivered. A
# DigitalInputDevice is a Button without the hold thread (whose stop alone
# takes up to 0.1 s): the same edge path.
BOUNCE = r"""
for i in range(%(rounds)d):
    btn = DigitalInputDevice(23, pull_up=True, pin_factory=factory)
    w = pipes[-1]
    pressed = []
    btn.when_activated = lambda: pressed.append(1)
    os.write(w, b"".join(event(n %% 2 == 0) for n in range(16)))
    if i %% 2:
        time.sleep(0)               # let some of them be delivered first
    alive = weakref.ref(btn)
    holder = [btn]
    holder.append(holder)           # a cycle: the collector clears the
    del btn, holder                 # weak references, then closes btn
    for _ in range(1000):           # an edge thread in its handler still
        gc.collect()                # holds it: try again
        if alive() is None:
            break
        time.sleep(0.002)
    else:
        print("round %%d: the device is never collected" %% i)
        os._exit(1)
    os.close(w)
left = edge_threads()
if left:
    print("edge threads left:", left)
    os._exit(1)
factory.close()
print("ok")
"""


class TestCloseWhileDelivering(unittest.TestCase):
    def setUp(self):
        self.sim = SimBlock("bcm2837")
        self.gpiochip = tempfile.mkdtemp(prefix="pgr-nochip-")

    def tearDown(self):
        os.rmdir(self.gpiochip)
        self.sim.cleanup()

    def run_child(self, body, watchdog, **params):
        params["watchdog"] = watchdog
        code = (PROLOGUE + body) % params
        env = dict(os.environ)
        env["PYTHONPATH"] = CHILD_PATH
        try:
            r = subprocess.run(
                [sys.executable, "-c", code, self.sim.dev, self.sim.sys,
                 "a02082", self.gpiochip], env=env, capture_output=True,
                text=True, timeout=watchdog + 30)   # the watchdog's backstop
        except subprocess.TimeoutExpired as e:
            self.fail("the child hung past its watchdog: %s" % e)
        self.assertEqual((r.returncode, r.stdout.strip()), (0, "ok"),
                         "the child failed:\n%s%s" % (r.stdout, r.stderr))

    def test_edge_during_close(self):
        """Deterministic: the edge arrives while close() holds the lock."""
        self.run_child(RACE, watchdog=60, rounds=20, join=5)

    def test_collect_while_bouncing(self):
        """The issue's loop (1000 rounds hung once at about 210)."""
        self.run_child(BOUNCE, watchdog=60, rounds=1000)


if __name__ == "__main__":
    unittest.main()
