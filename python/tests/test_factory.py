# SPDX-License-Identifier: LGPL-2.1-or-later
"""The gpiozero pin factory with the host's own gpiozero (Debian's 1.6.2)
on the simulated block: unmodified gpiozero devices, each change read back
from the register file. The board revision is given (a host has no device
tree), as gpiozero's MockFactory takes it."""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import unittest.mock
import warnings

import gpiozero
from gpiozero import (Button, DigitalInputDevice, InputDevice, LED,
                      OutputDevice, PWMLED)
from gpiozero.exc import (GPIOZeroError, PinEdgeDetectUnsupported,
                          PinFixedPull, PinInvalidFunction, PinInvalidPull,
                          PinSetInput)

import pigpio_regs
from pigpio_regs import _chardev, gpiozero_factory
from pigpio_regs.gpiozero_factory import PigpioRegsFactory, SoftwarePWM

from sim import (GPCLR0, GPLEV0, GPPUD, GPSET0, PUP_PDN0, RP1Model,
                 SimBlock, run_as_nobody)

REV_3B = "a02082"       # Raspberry Pi 3B, BCM2837
REV_4B = "c03111"       # Raspberry Pi 4B, BCM2711
REV_5B = "d04170"       # Raspberry Pi 5B, RP1 (gpiozero 1.6.2: model ???)
# The staged tree (run-tests.sh puts it on PYTHONPATH): the package and
# its dist-info side by side.
STAGE = os.path.dirname(os.path.dirname(os.path.abspath(pigpio_regs.__file__)))
# Another gpiozero to run with instead of the host's (run-tests.sh's
# PGR_GPIOZERO_PATH): children get it too.
CHILD_PATH = os.pathsep.join(
    p for p in (os.environ.get("PGR_GPIOZERO_PATH"), STAGE) if p)

warnings.simplefilter("ignore", gpiozero.PinNonPhysical)


def board_info(factory):
    # gpiozero 2.x: board_info; 1.6.2: pi_info
    return getattr(factory, "board_info", None) or factory.pi_info


class FactoryTestCase(unittest.TestCase):
    soc = "bcm2837"
    revision = REV_3B

    def setUp(self):
        self.sim = SimBlock(self.soc)
        self.gpiochip = tempfile.mkdtemp(prefix="pgr-nochip-")
        self.factory = self.make_factory()

    def make_factory(self, cls=PigpioRegsFactory, **kw):
        return cls(device=self.sim.dev, attr_dir=self.sim.sys,
                   revision=self.revision, gpiochip_dir=self.gpiochip, **kw)

    def tearDown(self):
        self.factory.close()
        os.rmdir(self.gpiochip)
        self.sim.cleanup()

    # A bound for an event that should come at once: generous, because an
    # emulated board under load can stall a thread for seconds; it only
    # costs time when the event never comes, and then the test fails.
    def wait_for(self, predicate, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.005)
        return predicate()


class TestOutputs(FactoryTestCase):
    def test_led(self):
        led = LED(17, pin_factory=self.factory)
        self.assertEqual(self.sim.fsel(17), 1)          # output
        led.on()
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)
        led.off()
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        # state is read from GPLEV (plain memory here)
        self.assertFalse(led.is_lit)
        self.sim.set_word(GPLEV0, 1 << 17)
        self.assertTrue(led.is_lit)
        led.close()
        self.assertEqual(self.sim.fsel(17), 0)          # back to input

    def test_output_device_active_low(self):
        dev = OutputDevice(27, active_high=False, initial_value=False,
                           pin_factory=self.factory)
        self.assertEqual(self.sim.word(GPSET0), 1 << 27)  # inactive: high
        dev.on()
        self.assertEqual(self.sim.word(GPCLR0), 1 << 27)
        self.assertEqual(self.sim.fsel(27), 1)
        dev.close()

    def test_toggle(self):
        led = LED(17, pin_factory=self.factory)
        self.sim.set_word(GPLEV0, 1 << 17)
        led.toggle()
        self.assertEqual(self.sim.word(GPCLR0), 1 << 17)
        led.close()

    def test_set_state_of_input(self):
        pin = self.factory.pin(17)
        pin.function = "input"
        with self.assertRaises(PinSetInput):
            pin.state = 1
        self.assertEqual(self.sim.word(GPSET0), 0)

    def test_state_fast_path(self):
        """A plain output's state write is one store through the Line with
        no Python frame (pin_state_set); anything else reaches
        _set_state(): shown by making _set_state() refuse everything."""
        pin = self.factory.pin(22)
        calls = []

        def spy(value):
            calls.append(value)
            raise RuntimeError("_set_state reached")
        pin._set_state = spy
        pin.function = "output"
        self.assertIs(pin._fast, pin._line)
        pin.state = 1
        self.assertEqual(self.sim.word(GPSET0), 1 << 22)
        pin.state = 0
        self.assertEqual(self.sim.word(GPCLR0), 1 << 22)
        self.assertEqual(calls, [])
        pin.function = "input"                  # no fast path: _set_state
        self.assertIsNone(pin._fast)
        with self.assertRaisesRegex(RuntimeError, "_set_state reached"):
            pin.state = 1
        self.assertEqual(calls, [1])
        del pin._set_state
        pin.close()

    def test_functions(self):
        pin = self.factory.pin(14)
        pin.function = "alt0"
        self.assertEqual(self.sim.fsel(14), 4)
        self.assertEqual(pin.function, "alt0")
        pin.function = "alt5"
        self.assertEqual(self.sim.fsel(14), 2)
        with self.assertRaises(PinInvalidFunction):
            pin.function = "alt6"       # an RP1 function
        with self.assertRaises(PinInvalidFunction):
            pin.function = "pwm"
        self.assertEqual(self.sim.fsel(14), 2)


class TestPWM(FactoryTestCase):
    def pwm_threads(self):
        return [t for t in threading.enumerate()
                if t.name.startswith("pigpio_regs-pwm-")]

    def test_software_pwm(self):
        led = PWMLED(18, pin_factory=self.factory)
        self.assertEqual(led.pin.frequency, 100)
        led.value = 0.5
        self.assertEqual(led.value, 0.5)
        # the thread drives both ways: both words get the pin's bit again
        self.sim.set_word(GPSET0, 0)
        self.sim.set_word(GPCLR0, 0)
        self.assertTrue(self.wait_for(
            lambda: self.sim.word(GPSET0) == 1 << 18 and
            self.sim.word(GPCLR0) == 1 << 18))
        # a steady 0 makes no stores after the thread has seen it: words
        # emptied stay empty (tried until the thread's cycle has ended,
        # however slow the machine)
        led.value = 0

        def quiet():
            self.sim.set_word(GPSET0, 0)
            self.sim.set_word(GPCLR0, 0)
            time.sleep(0.1)
            return self.sim.word(GPSET0) == 0 and self.sim.word(GPCLR0) == 0

        self.assertTrue(self.wait_for(quiet))
        led.value = 1
        self.assertTrue(self.wait_for(
            lambda: self.sim.word(GPSET0) == 1 << 18))
        led.pin.frequency = 50
        self.assertEqual(led.pin.frequency, 50)
        self.assertEqual(len(self.pwm_threads()), 1)
        led.close()
        self.assertEqual(self.pwm_threads(), [])
        self.assertEqual(self.sim.fsel(18), 0)

    def test_pwm_needs_output(self):
        pin = self.factory.pin(18)
        pin.function = "input"
        with self.assertRaises(gpiozero.PinPWMError):
            pin.frequency = 100
        self.assertEqual(self.pwm_threads(), [])

    def test_stop_wakeup_not_lost(self):
        """stop() lands between the thread's look at the stop flag and its
        clearing of the wake-up event (issue 25: frequency = None then
        waited forever). Made to happen, not waited for: the thread's next
        clear() of that event first lets stop() set it."""
        class RacingEvent(threading.Event):
            def __init__(self):
                super().__init__()
                self.before_clear = None    # called once, in clear()
                self.sets = 0
                self.seen = threading.Condition()

            def set(self):
                super().set()
                with self.seen:
                    self.sets += 1
                    self.seen.notify_all()

            def clear(self):
                hook, self.before_clear = self.before_clear, None
                if hook is not None:
                    hook()
                super().clear()

        line = FakeLine(18)
        with unittest.mock.patch.object(threading, "Event", RacingEvent):
            pwm = SoftwarePWM(line, 100, 0.0)
        changed = pwm._changed
        self.assertIsInstance(changed, RacingEvent)
        stopper = threading.Thread(target=pwm.stop, daemon=True)
        started = threading.Event()

        def stop_now():
            # in the PWM thread: let stop() run until it has set the event
            sets = changed.sets
            stopper.start()
            started.set()
            with changed.seen:
                changed.seen.wait_for(lambda: changed.sets > sets, 5)

        self.assertTrue(self.wait_for(lambda: line.levels == [0]))
        changed.before_clear = stop_now
        pwm.duty = 0.0                  # wake it: it clears the event again
        self.assertTrue(started.wait(5))
        stopper.join(5)
        self.assertFalse(stopper.is_alive(), "stop() waits for the PWM "
                         "thread forever: its wake-up was lost")
        self.assertFalse(pwm._thread.is_alive())
        self.assertEqual(line.levels[-1], 0)

    def test_stop_bounded(self):
        """A PWM thread stuck in a store is waited for a bounded time
        (_chardev.JOIN_TIMEOUT, made short here)."""
        line = FakeLine(18)
        pwm = SoftwarePWM(line, 100, 0.0)
        self.assertTrue(self.wait_for(lambda: line.levels == [0]))
        line.block = threading.Event()
        pwm.duty = 1.0                  # its next write blocks
        self.assertTrue(self.wait_for(lambda: line.blocked))
        with unittest.mock.patch.object(_chardev, "JOIN_TIMEOUT", 0.1,
                                        create=True):
            stopper = threading.Thread(target=pwm.stop, daemon=True)
            stopper.start()
            stopper.join(5)
        self.assertFalse(stopper.is_alive(), "stop() waits forever")
        line.block.set()
        pwm._thread.join(5)
        self.assertFalse(pwm._thread.is_alive())


class FakeLine:
    """What SoftwarePWM needs of a pigpio_regs.Line: each level written
    is recorded; a write from the PWM thread waits for .block while it is
    an unset Event."""

    def __init__(self, pin):
        self.pin = pin
        self.levels = []
        self.block = None
        self.blocked = False

    def write(self, level):
        if (self.block is not None and not self.block.is_set() and
                threading.current_thread().name.startswith("pigpio_regs-")):
            self.blocked = True
            self.block.wait(60)
        self.levels.append(1 if level else 0)

    def high(self):
        self.write(1)

    def low(self):
        self.write(0)

    def read(self):
        return self.levels[-1] if self.levels else 0


class TestPullsBCM2837(FactoryTestCase):
    def test_pull_remembered(self):
        dev = InputDevice(22, pull_up=False, pin_factory=self.factory)
        self.assertEqual(dev.pin.pull, "down")
        self.assertEqual(self.sim.word(GPPUD), 0)   # the sequence ended
        dev.close()
        dev = InputDevice(22, pull_up=True, pin_factory=self.factory)
        self.assertEqual(dev.pin.pull, "up")
        dev.close()

    def test_fixed_pull_up(self):
        with self.assertRaises(PinFixedPull):
            InputDevice(2, pull_up=False, pin_factory=self.factory)

    def test_invalid_pull(self):
        pin = self.factory.pin(22)
        pin.function = "input"
        with self.assertRaises(PinInvalidPull):
            pin.pull = "sideways"

    def test_pull_of_output(self):
        pin = self.factory.pin(22)
        pin.function = "output"
        with self.assertRaises(PinFixedPull):
            pin.pull = "up"

    def test_input_state(self):
        dev = InputDevice(22, pull_up=False, pin_factory=self.factory)
        self.assertFalse(dev.is_active)
        self.sim.set_word(GPLEV0, 1 << 22)
        self.assertTrue(dev.is_active)
        self.assertEqual(self.sim.fsel(22), 0)
        dev.close()


class TestPullsBCM2711(FactoryTestCase):
    soc = "bcm2711"
    revision = REV_4B

    def test_pull_written_and_read_back(self):
        word = PUP_PDN0 + 4             # GPIO16-31, GPIO22 at bits 13:12
        dev = InputDevice(22, pull_up=True, pin_factory=self.factory)
        self.assertEqual(self.sim.word(word), 0b01 << 12)
        self.assertEqual(dev.pin.pull, "up")
        # read back: someone else makes it a pull-down
        self.sim.set_word(word, 0b10 << 12)
        self.assertEqual(dev.pin.pull, "down")
        self.sim.set_word(word, 0)
        self.assertEqual(dev.pin.pull, "floating")
        dev.close()
        dev = InputDevice(22, pull_up=False, pin_factory=self.factory)
        self.assertEqual(self.sim.word(word), 0b10 << 12)
        dev.close()

    def test_board_info(self):
        info = board_info(self.factory)
        self.assertEqual(info.soc, "BCM2711")
        self.assertEqual(info.model, "4B")
        self.assertEqual(self.factory.chip.soc, "bcm2711")


class TestBoardInfo(FactoryTestCase):
    def test_revision_override(self):
        info = board_info(self.factory)
        self.assertEqual(info.model, "3B")
        self.assertEqual(info.soc, "BCM2837")

    def test_env(self):
        env = {"PIGPIO_REGS_DEVICE": self.sim.dev,
               "PIGPIO_REGS_SYSFS": self.sim.sys,
               "PIGPIO_REGS_REVISION": REV_4B}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            self.factory.close()
            self.factory = PigpioRegsFactory()
        finally:
            for k, v in saved.items():
                if v is None:
                    del os.environ[k]
                else:
                    os.environ[k] = v
        self.assertEqual(self.factory.chip.device, self.sim.dev)
        self.assertEqual(board_info(self.factory).model, "4B")

    def test_close(self):
        led = LED(17, pin_factory=self.factory)
        led.on()
        self.assertEqual(self.sim.fsel(17), 1)          # an output
        self.factory.close()
        # The factory's close resets its pins (input, default pull) and
        # then unmaps the window.
        self.assertEqual(self.sim.fsel(17), 0)
        self.assertTrue(self.factory.chip.closed)
        before = self.sim.words()
        led.close()         # nothing left to reset: no error, no store
        self.assertEqual(self.sim.words(), before)


class TestClosedFactory(FactoryTestCase):
    def test_close_twice(self):
        LED(17, pin_factory=self.factory)
        self.factory.close()
        self.factory.close()
        self.assertTrue(self.factory.closed)

    def test_devices_after_close(self):
        """Issue 25: a new device on a closed factory failed with a
        ValueError from formatting gpiozero's message, and repr of the
        devices left over raised."""
        led = LED(17, pin_factory=self.factory)
        led.on()
        pwm = PWMLED(18, pin_factory=self.factory)
        dev = InputDevice(22, pin_factory=self.factory)
        self.factory.close()
        for d in (led, pwm, dev):
            self.assertEqual(repr(d),
                             "<gpiozero.%s object closed>" % type(d).__name__)
        for pin in (17, 27):        # reserved by led, and a free one
            with self.assertRaises(GPIOZeroError) as cm:
                LED(pin, pin_factory=self.factory)
            self.assertIn("is closed", str(cm.exception))
        closed = gpiozero_factory.PinFactoryClosed
        self.assertIsInstance(cm.exception, closed)
        with self.assertRaises(closed):
            self.factory.pin(27)
        with self.assertRaises(closed):
            led.on()
        with self.assertRaises(closed):
            led.pin.function = "output"
        # a device left over keeps no other factory from its pin
        other = self.make_factory()
        try:
            led2 = LED(17, pin_factory=other)
            led2.on()
            self.assertEqual(self.sim.fsel(17), 1)
            led2.close()
        finally:
            other.close()
        for d in (led, pwm, dev):
            d.close()               # nothing left to do: no error


class TestTwoFactories(FactoryTestCase):
    def test_pins_belong_to_their_factory(self):
        """Issue 25: gpiozero's LocalPiFactory.pins is one dict for every
        instance: B.pin(17) was A's pin, and A.close() reset B's LED."""
        sim_b = SimBlock(self.soc)
        b = None
        try:
            b = PigpioRegsFactory(device=sim_b.dev, attr_dir=sim_b.sys,
                                  revision=self.revision,
                                  gpiochip_dir=self.gpiochip)
            a_pin = self.factory.pin(17)
            b_pin = b.pin(17)
            self.assertIsNot(a_pin, b_pin)
            self.assertIs(b_pin.factory, b)
            led = LED(17, pin_factory=b)
            led.on()
            self.assertEqual(sim_b.fsel(17), 1)
            self.assertEqual(sim_b.word(GPSET0), 1 << 17)
            self.assertEqual(self.sim.fsel(17), 0)      # A's block: untouched
            sim_b.set_word(GPCLR0, 0)
            self.factory.close()
            self.assertEqual(sim_b.fsel(17), 1)         # still an output...
            self.assertEqual(sim_b.word(GPCLR0), 0)     # ...and high
            led.off()
            self.assertEqual(sim_b.word(GPCLR0), 1 << 17)
            led.close()
            self.assertEqual(sim_b.fsel(17), 0)
        finally:
            if b is not None:
                b.close()
            sim_b.cleanup()


# A parent with a LED, a steady PWM pin and a watched button forks; the
# child makes nothing and exits as a script does, running gpiozero's atexit
# handler (which closes every device and the factory). Then the parent's
# pins must be as they were and its edge thread must still deliver.
FORK_SCENARIO = r"""
import faulthandler, json, os, signal, struct, sys, threading, time
import warnings
warnings.simplefilter("ignore")
faulthandler.dump_traceback_later(60, exit=True)
from gpiozero import Button, Device, LED, PWMLED
from pigpio_regs import _chardev
from pigpio_regs.gpiozero_factory import PigpioRegsFactory

dev = sys.argv[1]
GPFSEL1, GPCLR0, GPLEV0 = 0x04, 0x28, 0x34
pipes = []

class PipeFactory(PigpioRegsFactory):
    def _request_edges(self, number, edges):
        r, w = os.pipe()
        pipes.append(w)
        return r

def word(offset):
    with open(dev, "rb") as f:
        return struct.unpack("=I", os.pread(f.fileno(), 4, offset))[0]

def set_word(offset, value):
    with open(dev, "r+b") as f:
        os.pwrite(f.fileno(), struct.pack("=I", value), offset)

Device.pin_factory = factory = PipeFactory(*sys.argv[1:5])
led = LED(17)
led.on()
pwm = PWMLED(18)                # a steady 0: its thread waits
set_word(GPLEV0, 1 << 23)       # the button is up (pulled up)
btn = Button(23)
pressed = threading.Event()
released = threading.Event()
btn.when_pressed = pressed.set
btn.when_released = released.set
set_word(GPCLR0, 0)              # GPIO17 high: nothing clears it after
# faulthandler's watchdog thread is not in the child, whose exit would
# wait for it forever: disarm it over the fork; the child has an alarm.
faulthandler.cancel_dump_traceback_later()
pid = os.fork()
if pid == 0:
    signal.alarm(30)
    sys.exit(0)                 # the interpreter's exit: atexit runs
faulthandler.dump_traceback_later(60, exit=True)
_, status = os.waitpid(pid, 0)
fsel1 = word(GPFSEL1)
out = {"child_status": status, "fsel17": (fsel1 >> 21) & 7,
       "fsel18": (fsel1 >> 24) & 7, "clr17": (word(GPCLR0) >> 17) & 1}
now = time.monotonic_ns()
for ts, edge in ((now, _chardev.GPIO_V2_LINE_EVENT_FALLING_EDGE),
                 (now + 10**6, _chardev.GPIO_V2_LINE_EVENT_RISING_EDGE)):
    os.write(pipes[-1], _chardev.EVENT.pack(ts, edge, 23, 1, 1))
out["pressed"] = pressed.wait(5) and released.wait(5)
pwm.value = 0.5
out["pwm"] = pwm.value
print(json.dumps(out))
"""


class TestFork(FactoryTestCase):
    def test_child_exit_leaves_parent_alone(self):
        """Issue 25: a fork child's normal exit reset the parent's pins
        (gpiozero's atexit) and stopped its edge thread (through the stop
        pipe they share)."""
        env = dict(os.environ)
        env["PYTHONPATH"] = CHILD_PATH
        try:
            r = subprocess.run(
                [sys.executable, "-c", FORK_SCENARIO, self.sim.dev,
                 self.sim.sys, self.revision, self.gpiochip],
                env=env, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired as e:
            self.fail("the scenario hung: %s" % e)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        out = json.loads(r.stdout.splitlines()[-1])
        self.assertEqual(out, {"child_status": 0, "fsel17": 1, "fsel18": 1,
                               "clr17": 0, "pressed": True, "pwm": 0.5},
                         r.stderr)
        # and the parent's own exit reset its pins
        self.assertEqual(self.sim.fsel(17), 0)
        self.assertEqual(self.sim.fsel(18), 0)


class TestEdges(FactoryTestCase):
    def test_no_chardev(self):
        with self.assertRaises(PinEdgeDetectUnsupported) as cm:
            Button(23, pin_factory=self.factory)
        self.assertIn("GPIO character device", str(cm.exception))
        # the failed Button released the pin
        dev = InputDevice(23, pin_factory=self.factory)
        dev.close()

    def test_no_access(self):
        path = os.path.join(self.gpiochip, "gpiochip0")
        open(path, "w").close()
        os.chmod(path, 0o600 if os.geteuid() == 0 else 0)
        try:
            if os.geteuid() != 0:
                with self.assertRaises(PinEdgeDetectUnsupported) as cm:
                    Button(23, pin_factory=self.factory)
                out = str(cm.exception)
            else:
                os.chmod(self.gpiochip, 0o755)
                code = (
                    "import warnings, gpiozero\n"
                    "warnings.simplefilter('ignore')\n"
                    "from pigpio_regs.gpiozero_factory import PigpioRegsFactory\n"
                    "f = PigpioRegsFactory(%r, %r, %r, %r)\n"
                    "try:\n"
                    "    gpiozero.Button(23, pin_factory=f)\n"
                    "except gpiozero.PinEdgeDetectUnsupported as e:\n"
                    "    print(e)\n" % (self.sim.dev, self.sim.sys,
                                        self.revision, self.gpiochip))
                r = run_as_nobody(code, {"PYTHONPATH": CHILD_PATH})
                self.assertEqual(r.returncode, 0, r.stderr)
                out = r.stdout
        finally:
            os.unlink(path)
        self.assertIn("%s is not accessible" % path, out)
        self.assertIn("62-pigpio-gpiochip.rules", out)

    def test_events_delivered(self):
        pipes = []
        requests = []

        class PipeFactory(PigpioRegsFactory):
            # A pipe stands in for the line request's descriptor.
            def _request_edges(self, number, edges):
                r, w = os.pipe()
                pipes.append(w)
                requests.append((number, edges))
                return r

        self.factory.close()
        self.factory = self.make_factory(PipeFactory)
        pressed = threading.Event()
        released = threading.Event()
        self.sim.set_word(GPLEV0, 1 << 23)              # not pressed
        btn = Button(23, pin_factory=self.factory)      # pull-up: active low
        self.assertFalse(btn.is_pressed)
        self.assertEqual(requests, [(23, "both")])
        btn.when_pressed = pressed.set
        btn.when_released = released.set
        now = time.monotonic_ns()
        os.write(pipes[0], _event(now, falling=True))
        self.assertTrue(pressed.wait(5))
        os.write(pipes[0], _event(now + 10**6, falling=False))
        self.assertTrue(released.wait(5))
        # state comes from the register
        self.sim.set_word(GPLEV0, 0)
        self.assertTrue(btn.is_pressed)
        self.sim.set_word(GPLEV0, 1 << 23)
        self.assertFalse(btn.is_pressed)
        btn.close()
        for w in pipes:
            os.close(w)

    def pipe_factory(self):
        """Replace the factory with one whose line requests are pipes:
        returns (the write ends, the requests made)."""
        pipes = []
        requests = []

        class PipeFactory(PigpioRegsFactory):
            def _request_edges(self, number, edges):
                r, w = os.pipe()
                pipes.append(w)
                requests.append((number, edges))
                return r

        self.factory.close()
        self.factory = self.make_factory(PipeFactory)
        self.addCleanup(lambda: [os.close(w) for w in pipes])
        return pipes, requests

    def test_edges_none_then_handler_then_both(self):
        """Issue 25: edges 'none', then a handler, then edges 'both' never
        started watching (a handler set is not a watcher running)."""
        pipes, requests = self.pipe_factory()
        pin = self.factory.pin(24)
        pin.function = "input"
        pin.edges = "none"
        calls = []

        def changed(ticks, state):      # gpiozero keeps a weak reference
            calls.append(state)
        pin.when_changed = changed
        self.assertEqual(requests, [])              # nothing to watch
        pin.edges = "both"
        self.assertEqual(requests, [(24, "both")])
        os.write(pipes[-1], _event(time.monotonic_ns(), falling=False))
        self.assertTrue(self.wait_for(lambda: calls == [1]))
        pin.edges = "falling"                       # watched anew
        self.assertEqual(requests[-1], (24, "falling"))
        pin.edges = "none"
        pin.when_changed = None
        pin.edges = "both"                          # no handler: no watch
        self.assertEqual(len(requests), 2)
        pin.close()

    def test_bounce(self):
        pipes = []

        class PipeFactory(PigpioRegsFactory):
            def _request_edges(self, number, edges):
                r, w = os.pipe()
                pipes.append(w)
                return r

        self.factory.close()
        self.factory = self.make_factory(PipeFactory)
        calls = []
        done = threading.Event()
        dev = DigitalInputDevice(24, bounce_time=0.5,
                                 pin_factory=self.factory)
        def changed(ticks, state):      # gpiozero keeps a weak reference
            calls.append(state)
            done.set()
        dev.pin.when_changed = changed
        t = time.monotonic_ns()
        # three edges within 20 ms, one a second later
        os.write(pipes[-1], _event(t, False) + _event(t + 10**7, True) +
                 _event(t + 2 * 10**7, False) + _event(t + 10**9, True))
        self.assertTrue(self.wait_for(lambda: len(calls) >= 2))
        time.sleep(0.05)
        self.assertEqual(calls, [1, 0])
        dev.close()
        for w in pipes:
            os.close(w)


def _event(ts_ns, falling):
    ident = (_chardev.GPIO_V2_LINE_EVENT_FALLING_EDGE if falling else
             _chardev.GPIO_V2_LINE_EVENT_RISING_EDGE)
    return _chardev.EVENT.pack(ts_ns, ident, 23, 1, 1)


class RP1ModelFactory(PigpioRegsFactory):
    """The factory with every call of its chip (and of the chip's Lines)
    made one step of an RP1Model (sim.py), so the RP1 block behaves as
    the chip's registers do; line requests are pipes (.pipes)."""

    def __init__(self, *args, model, **kw):
        super().__init__(*args, **kw)
        self._chip = model.wrap(self._chip)
        self.pipes = []

    def _request_edges(self, number, edges):
        r, w = os.pipe()
        self.pipes.append(w)
        return r


class TestRP1(FactoryTestCase):
    """The factory on the Pi 5's RP1, against a register model of it (a
    plain file does not act on the SET/CLR/XOR aliases as the chip does:
    every pin failed with PinFixedPull)."""
    soc = "rp1"
    revision = REV_5B

    def make_factory(self, cls=None, **kw):
        if cls is None:
            if not hasattr(self, "model"):
                self.model = RP1Model(self.sim)
            cls = RP1ModelFactory
            kw.setdefault("model", self.model)
        return super().make_factory(cls, **kw)

    def tearDown(self):
        self.factory.close()
        for w in getattr(self.factory, "pipes", ()):
            os.close(w)
        errors = list(self.model.errors)
        self.model.close()
        os.rmdir(self.gpiochip)
        self.sim.cleanup()
        self.assertEqual(errors, [], "stores the RP1 model refused")

    def test_model_aliases(self):
        """The model itself: XOR/SET/CLR aliases applied to their register
        and read back 0; a step whose result would depend on the order of
        its stores is refused."""
        m, sim = self.model, self.sim
        ctrl = m.ctrl_at(30)                # bank 1
        self.assertEqual(sim.word(ctrl), m.NULL_FN)
        sim.set_word(ctrl + 0x1000, m.NULL_FN ^ 3)          # XOR: to 3
        sim.set_word(ctrl + 0x2000, 1 << 12)                # SET OUTOVER
        m.settle()
        self.assertEqual(sim.word(ctrl), 3 | 1 << 12)
        self.assertEqual([sim.word(ctrl + a) for a in m.ALIASES], [0, 0, 0])
        sim.set_word(ctrl + 0x3000, 1 << 12)                # CLR
        m.settle()
        self.assertEqual(sim.word(ctrl), 3)
        rio_oe = m.rio_at(30, m.OE)
        sim.set_word(rio_oe + 0x2000, 1 << 2)
        sim.set_word(rio_oe + 0x3000, 1 << 2)               # SET and CLR
        sim.set_word(m.rio_at(30, m.SYNC_IN), 1)            # read-only
        m.settle()
        self.assertEqual(len(m.errors), 2, m.errors)
        self.assertTrue(any("overlap" in e for e in m.errors), m.errors)
        self.assertTrue(any("read-only" in e for e in m.errors), m.errors)
        del m.errors[:]

    def test_plain_file_is_not_enough(self):
        sim = SimBlock("rp1")
        factory = None
        try:
            factory = PigpioRegsFactory(device=sim.dev, attr_dir=sim.sys,
                                        revision=self.revision,
                                        gpiochip_dir=self.gpiochip)
            with self.assertRaises(PinFixedPull):
                InputDevice(22, pin_factory=factory)
        finally:
            if factory is not None:
                factory.close()
            sim.cleanup()

    def test_led(self):
        m = self.model
        led = LED(17, pin_factory=self.factory)
        self.assertEqual(self.factory.chip.soc, "rp1")
        self.assertEqual((m.funcsel(17), m.oe(17)), (5, 1))     # SYS_RIO out
        pad = m.pad(17)
        self.assertEqual(pad & (m.PAD_IE | m.PAD_OD), m.PAD_IE)
        self.assertEqual(led.pin.function, "output")
        self.assertEqual(m.level(17), 0)
        self.assertFalse(led.is_lit)
        led.on()
        self.assertEqual((m.out(17), m.level(17)), (1, 1))
        self.assertTrue(led.is_lit)                 # read back: SYNC_IN
        led.toggle()
        self.assertEqual(m.level(17), 0)
        led.close()
        self.assertEqual((m.funcsel(17), m.oe(17)), (5, 0))     # input
        self.assertEqual(m.level(17), 0)            # floating: reads 0

    def test_button_with_pull(self):
        m = self.model
        btn = Button(23, pin_factory=self.factory)  # pull-up, active low
        self.assertEqual(m.pad(23) & (m.PAD_PUE | m.PAD_PDE), m.PAD_PUE)
        self.assertEqual(btn.pin.pull, "up")        # read back from the pad
        self.assertFalse(btn.is_pressed)            # the pull-up holds it
        pressed = threading.Event()
        released = threading.Event()
        btn.when_pressed = pressed.set
        btn.when_released = released.set
        m.set_outside(23, 0)                        # pressed: to ground
        self.assertTrue(btn.is_pressed)
        now = time.monotonic_ns()
        os.write(self.factory.pipes[-1], _event(now, falling=True))
        self.assertTrue(pressed.wait(5))
        m.set_outside(23, -1)
        self.assertFalse(btn.is_pressed)
        os.write(self.factory.pipes[-1], _event(now + 10**6, falling=False))
        self.assertTrue(released.wait(5))
        btn.close()
        self.assertEqual(m.pad(23) & (m.PAD_PUE | m.PAD_PDE), 0)

    def test_pulls(self):
        m = self.model
        dev = InputDevice(22, pull_up=False, pin_factory=self.factory)
        self.assertEqual(m.pad(22) & (m.PAD_PUE | m.PAD_PDE), m.PAD_PDE)
        self.assertEqual(dev.pin.pull, "down")
        self.assertFalse(dev.is_active)
        m.set_outside(22, 1)
        self.assertTrue(dev.is_active)
        dev.close()
        with self.assertRaises(PinFixedPull):       # GPIO2: the board's
            InputDevice(2, pull_up=False, pin_factory=self.factory)

    def test_pwm(self):
        m = self.model
        led = PWMLED(18, pin_factory=self.factory)
        led.value = 0.5
        r0, f0 = m.rising[18], m.falling[18]
        self.assertTrue(self.wait_for(
            lambda: m.rising[18] >= r0 + 3 and m.falling[18] >= f0 + 3))
        led.value = 1
        self.assertTrue(self.wait_for(lambda: m.level(18) == 1 and
                                      m.out(18) == 1))
        led.value = 0
        self.assertTrue(self.wait_for(lambda: m.level(18) == 0))
        led.close()
        self.assertEqual([t for t in threading.enumerate()
                          if t.name.startswith("pigpio_regs-pwm-")], [])
        self.assertEqual((m.funcsel(18), m.oe(18)), (5, 0))

    def test_functions(self):
        m = self.model
        pin = self.factory.pin(14)
        for n in range(9):
            pin.function = "alt%d" % n
            self.assertEqual(m.funcsel(14), n)
            # FUNCSEL 5 is SYS_RIO: an input or output by its OE bit
            self.assertEqual(pin.function, "input" if n == 5 else
                             "alt%d" % n)
        pin.function = "none"
        self.assertEqual(m.funcsel(14), m.NULL_FN)
        self.assertEqual(m.pad(14) & (m.PAD_IE | m.PAD_OD), m.PAD_OD)
        self.assertEqual(pin.function, "none")
        pin.function = "output"
        self.assertEqual((m.funcsel(14), m.oe(14)), (5, 1))
        self.assertEqual(m.pad(14) & (m.PAD_IE | m.PAD_OD), m.PAD_IE)
        pin.function = "input"
        self.assertEqual((m.funcsel(14), m.oe(14)), (5, 0))
        with self.assertRaises(PinInvalidFunction):
            pin.function = "pwm"
        self.assertEqual(pin.function, "input")
        pin.close()


class TestEntryPoint(FactoryTestCase):
    """The staged tree, found as an installed package is."""

    def run_staged(self, code, env=None, nobody=False):
        child_env = {"PYTHONPATH": CHILD_PATH,
                     "PIGPIO_REGS_DEVICE": self.sim.dev,
                     "PIGPIO_REGS_SYSFS": self.sim.sys,
                     "PIGPIO_REGS_REVISION": self.revision,
                     "GPIOZERO_PIN_FACTORY": "pigpio_regs"}
        child_env.update(env or {})
        if nobody:
            return run_as_nobody(code, child_env)
        full = dict(os.environ)
        full.update(child_env)
        with tempfile.TemporaryDirectory() as cwd:
            return subprocess.run([sys.executable, "-c", code], env=full,
                                  cwd=cwd, capture_output=True, text=True,
                                  timeout=600)   # a hang guard, not a timing

    def test_pkg_resources(self):
        r = self.run_staged(
            "import warnings; warnings.simplefilter('ignore')\n"
            "import pkg_resources\n"
            "eps = list(pkg_resources.iter_entry_points("
            "'gpiozero_pin_factories', 'pigpio_regs'))\n"
            "print(len(eps), eps[0].load().__name__, eps[0].dist.version)\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(),
                         ["1", "PigpioRegsFactory", pigpio_regs.__version__])

    def test_importlib_metadata(self):
        r = self.run_staged(
            "from importlib.metadata import entry_points, version\n"
            "eps = entry_points(group='gpiozero_pin_factories')\n"
            "ep = [e for e in eps if e.name == 'pigpio_regs'][0]\n"
            "print(ep.load().__name__, version('pigpio_regs'))\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(),
                         ["PigpioRegsFactory", pigpio_regs.__version__])

    def test_gpiozero_pin_factory_env(self):
        r = self.run_staged(
            "import warnings; warnings.simplefilter('ignore')\n"
            "import gpiozero\n"
            "from gpiozero import LED, Device\n"
            "led = LED(17)\n"
            "led.on()\n"
            "print(type(Device.pin_factory).__name__, gpiozero.__file__)\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        name, where = r.stdout.split()
        self.assertEqual(name, "PigpioRegsFactory")
        self.assertEqual(os.path.dirname(where),
                         os.path.dirname(gpiozero.__file__))
        self.assertEqual(self.sim.word(GPSET0), 1 << 17)

    def test_refused_user(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to run a child as nobody")
        os.chmod(self.sim.dev, 0o600)
        r = self.run_staged(
            "import warnings; warnings.simplefilter('ignore')\n"
            "from gpiozero import LED\n"
            "try:\n"
            "    LED(17)\n"
            "except PermissionError as e:\n"
            "    print('refused:', e)\n", nobody=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("refused: [Errno 13] cannot open %s" % self.sim.dev,
                      r.stdout)
        self.assertIn("usermod -aG gpio", r.stdout)
        self.assertEqual(self.sim.word(GPSET0), 0)


if __name__ == "__main__":
    unittest.main()
