# SPDX-License-Identifier: LGPL-2.1-or-later
"""The gpiozero pin factory with the host's own gpiozero (Debian's 1.6.2)
on the simulated block: unmodified gpiozero devices, each change read back
from the register file. The board revision is given (a host has no device
tree), as gpiozero's MockFactory takes it."""

import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import warnings

import gpiozero
from gpiozero import (Button, DigitalInputDevice, InputDevice, LED,
                      OutputDevice, PWMLED)
from gpiozero.exc import (PinEdgeDetectUnsupported, PinFixedPull,
                          PinInvalidFunction, PinInvalidPull, PinSetInput)

import pigpio_regs
from pigpio_regs import _chardev
from pigpio_regs.gpiozero_factory import PigpioRegsFactory

from sim import (GPCLR0, GPLEV0, GPPUD, GPSET0, PUP_PDN0, SimBlock,
                 run_as_nobody)

REV_3B = "a02082"       # Raspberry Pi 3B, BCM2837
REV_4B = "c03111"       # Raspberry Pi 4B, BCM2711
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
        self.factory.close()
        self.assertTrue(self.factory.chip.closed)
        led.close()         # nothing left to reset: no error


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
