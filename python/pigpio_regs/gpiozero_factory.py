# SPDX-License-Identifier: LGPL-2.1-or-later
"""A gpiozero pin factory over /dev/pigpio_regs.

    GPIOZERO_PIN_FACTORY=pigpio_regs python3 -c 'from gpiozero import LED; LED(17).on()'

or ``LED(17, pin_factory=PigpioRegsFactory())``. Found by gpiozero through
the entry point ``pigpio_regs`` of the group ``gpiozero_pin_factories``.

Written against the pin API that gpiozero 1.6.2 (Debian bookworm and
trixie) and gpiozero 2.x both keep: ``LocalPiFactory``/``LocalPiPin``,
``_get_revision()``, the ``_get_``/``_set_`` methods of function, state,
pull, frequency, bounce and edges, ``_enable_event_detect()`` /
``_disable_event_detect()`` and ``_call_when_changed(ticks, state)``. The
pin's GPIO number is ``self._number`` in both (1.6.2 constructs a pin
from the number, 2.x from a ``PinInfo``).

What each part does:

- function: ``input``, ``output``, ``alt0``..``alt5`` (``alt6``..``alt8``
  and ``none`` on the RP1), read from and written to the registers.
- state: one store through the pin's ``Line`` (a C call, no allocation).
- pull: ``up``, ``down``, ``floating``; read back from the registers where
  the SoC can (BCM2711, RP1: ``Chip.pull_readable``), else the value last
  set (BCM2835/6/7 cannot report pulls). Like gpiozero's native factory,
  a pin is made an input with its default pull (up where the board has a
  fixed pull-up, else floating) when it is first used and when it is
  closed, so the remembered pull is true.
- board info: ``LocalPiFactory`` reads the revision from the device tree
  (``/proc/device-tree/system/linux,revision``, else /proc/cpuinfo);
  ``revision=`` or PIGPIO_REGS_REVISION overrides it (a host has neither).
- PWM: neither gpiozero 1.6.2 nor 2.x has a software PWM in its base pin
  classes (``Pin._set_frequency`` refuses anything but None), and the
  native factory has none at all, so this pin runs its own: one thread
  per PWM pin that drives the line high and low through the fast handle
  on CLOCK_MONOTONIC deadlines (a steady 0 or 1 duty makes no stores and
  waits for a change). Its timing is the scheduler's: good for LEDs and
  such, not for servos.
- edges (``when_changed``, so ``when_pressed``, ``wait_for_*``): through the
  GPIO character device (pigpio_regs._chardev: a GPIO v2 line request with
  edge flags on the SoC's /dev/gpiochipN, its events read by a thread and
  time stamped by the kernel). The register window cannot wait for an
  interrupt. Where /dev/gpiochipN cannot be opened, setting
  ``when_changed`` raises ``PinEdgeDetectUnsupported`` saying so, and since
  gpiozero's DigitalInputDevice (Button, ...) sets it when it is made,
  those devices then fail to construct with that message; InputDevice
  and the output devices do not need it. ``bounce`` is filtered in
  software, as gpiozero's native factory does.

Each factory has pins of its own (gpiozero's LocalPiFactory shares one
class-level dict among all its instances; here each factory may have its
own ``device=``, and closing one resets only what it made). Pin
reservations stay gpiozero's, shared by every local factory: on a board
all of them drive the same registers, so GPIO17 in use through one is in
use for all. ``close()`` may be called twice; after it, making a pin or
device raises ``PinFactoryClosed`` (a gpiozero ``PinError`` and
``DeviceClosed``), as does using a pin it closed, and the devices left
over print as closed.

Threads: each PWM pin and each watched pin has one thread (daemon).
Every wait for one is bounded (``_chardev.JOIN_TIMEOUT``, 10 s, as
gpiozero's ``GPIOThread.stop()``). gpiozero stops watching with the pin's
``_when_changed_lock`` held, so the edge thread never waits for that lock
itself (see ``_call_when_changed``). A handler that does (one that sets
``when_changed``) while another thread stops watching makes that thread
wait out the bound and go on without it: a stall, not a hang.

fork: the factory, each pin, its PWM thread and its edge watcher remember
the process that made them. In any other process (a fork child, which
also runs gpiozero's atexit handler when it exits normally) closing them
resets no pin, writes nothing, stops no thread and closes no descriptor
the parent still uses; it only forgets them. Pins a child makes are its
own and are reset when it closes them.

Ticks: where the SoC's system timer can be opened (/dev/pigpio_timer,
BCM boards), ``ticks()`` is its count, an int of microseconds that never
wraps (no system call, as pigpio's factory's tick but 64 bits), and
``ticks_diff(later, earlier)`` the difference in seconds; edge events,
which the kernel stamps on CLOCK_MONOTONIC, are carried over to the
timer's count. Elsewhere (a Raspberry Pi 5, which has no such timer, a
module without the node) they are gpiozero's own: time.monotonic().
Which one is decided when the factory is made, for its life.

Where things are: ``device=``/PIGPIO_REGS_DEVICE (default
/dev/pigpio_regs), ``attr_dir=``/PIGPIO_REGS_SYSFS (default
/sys/class/misc/pigpio_regs), ``gpiochip_dir=``/PIGPIO_REGS_GPIOCHIP_DIR
(default /dev), ``timer_device=``/PIGPIO_REGS_TIMER_DEVICE (default
/dev/pigpio_timer).
"""

import os
import threading
from time import monotonic, monotonic_ns

from gpiozero.exc import (
    DeviceClosed,
    PinEdgeDetectUnsupported,
    PinError,
    PinFixedPull,
    PinInvalidBounce,
    PinInvalidEdges,
    PinInvalidFunction,
    PinInvalidPin,
    PinInvalidPull,
    PinInvalidState,
    PinPWMError,
    PinPWMFixedValue,
    PinSetInput,
)
from gpiozero.pins.local import LocalPiFactory, LocalPiPin

from . import _chardev
from ._pigpio_regs import Chip, Timer, function_names, pin_state_set

__all__ = ["PigpioRegsFactory", "PigpioRegsPin", "PinFactoryClosed",
           "SoftwarePWM"]

_FUNCTIONS = frozenset(function_names())
# gpiozero's pull names -> the library's, and back.
_PULL_TO_LIB = {"up": "up", "down": "down", "floating": "none"}
_PULL_FROM_LIB = {"up": "up", "down": "down", "none": "floating"}
_EDGES = ("both", "rising", "falling", "none")


class PinFactoryClosed(PinError, DeviceClosed):
    """The pin factory was closed: no pin can be made or used through it.
    A DeviceClosed, so that gpiozero prints a device left over as closed."""


def _parse_revision(value):
    if value is None or isinstance(value, int):
        return value
    return int(str(value), 16)


class PigpioRegsFactory(LocalPiFactory):
    """A gpiozero pin factory whose pins are driven through the register
    window of /dev/pigpio_regs (libpigpioregs), as an ordinary user.

    :param device: the device node (PIGPIO_REGS_DEVICE, /dev/pigpio_regs).
    :param attr_dir: its attribute directory, for a node that is not the
        driver such as a simulated block (PIGPIO_REGS_SYSFS).
    :param revision: the board revision code (int, or a hex string) instead
        of the device tree's (PIGPIO_REGS_REVISION).
    :param gpiochip_dir: where the gpiochip nodes for edge events are
        (PIGPIO_REGS_GPIOCHIP_DIR, /dev).
    :param timer_device: the system timer node for ticks()
        (PIGPIO_REGS_TIMER_DEVICE, /dev/pigpio_timer); where it cannot be
        opened, ticks() is time.monotonic().

    Opening the device can fail like pigpio_regs.Chip() does: e.g.
    PermissionError "cannot open /dev/pigpio_regs ...: Permission denied"
    with what to do about it.
    """

    def __init__(self, device=None, attr_dir=None, revision=None,
                 gpiochip_dir=None, timer_device=None):
        super().__init__()
        # Pins of this factory only: LocalPiFactory.__init__ gave it the
        # dict all local factories share (see the module's docstring).
        self.pins = {}
        self._pid = os.getpid()         # the process that made it: fork
        self._closed = False
        env = os.environ.get
        self._revision = _parse_revision(
            revision if revision is not None else env("PIGPIO_REGS_REVISION"))
        self._gpiochip_dir = (gpiochip_dir or
                              env("PIGPIO_REGS_GPIOCHIP_DIR") or "/dev")
        self._events_lock = threading.Lock()
        self._events_chip = None        # (path, fd, pid) once found
        self._chip = Chip(device or env("PIGPIO_REGS_DEVICE") or None,
                          attr_dir or env("PIGPIO_REGS_SYSFS") or None)
        self._device = self._chip.device        # for messages after close
        try:
            # Lives as long as the factory: ticks() never changes clock.
            self._timer = Timer(timer_device or
                                env("PIGPIO_REGS_TIMER_DEVICE") or None)
        except OSError:
            self._timer = None  # no timer here: time.monotonic()
        self.pin_class = PigpioRegsPin

    def ticks(self):
        """Now: the system timer's microseconds (int), or, without the
        timer, time.monotonic() (see the module's docstring)."""
        if self._timer is not None:
            return self._timer.read()
        return monotonic()

    def ticks_diff(self, later, earlier):
        """Seconds from earlier to later, two values of ticks()."""
        if self._timer is not None:
            return (later - earlier) / 1e6
        return later - earlier

    def _ticks_of(self, timestamp_ns):
        """ticks() at a CLOCK_MONOTONIC time (an edge event's stamp)."""
        if self._timer is None:
            return timestamp_ns / 1e9
        now = self._timer.read()
        return now - (monotonic_ns() - timestamp_ns) // 1000

    @property
    def chip(self):
        """The pigpio_regs.Chip the pins use (for Chip.line() and such)."""
        return self._chip

    @property
    def closed(self):
        """True once close() was called (or the chip closed)."""
        return self._closed or self._chip.closed

    def _check_open(self):
        if self.closed:
            raise PinFactoryClosed(
                "this PigpioRegsFactory (%s) is closed: make a new one" %
                self._device)

    def _get_revision(self):
        if self._revision is not None:
            return self._revision
        return super()._get_revision()

    def reserve_pins(self, requester, *pins):
        # gpiozero reserves before it makes the pin: refuse here first, or
        # a closed factory would answer with whatever the reservation or
        # the pin's construction ran into.
        self._check_open()
        super().reserve_pins(requester, *pins)

    def pin(self, spec):
        self._check_open()
        return super().pin(spec)

    def close(self):
        """Close every pin of this factory (each back to an input with its
        default pull), drop the reservations of its devices, then the
        window. Twice is fine. In a process other than the one that made
        the factory (a fork child) only the child's own pins are reset and
        nothing inherited is closed (see the module's docstring). The
        system timer stays open, read-only, until the factory is
        collected: gpiozero may still ask for ticks() while it tears its
        devices down."""
        if self._closed:
            return
        self._closed = True
        try:
            super().close()     # each pin: PigpioRegsPin.close()
        finally:
            self._release_reservations()
            with self._events_lock:
                events, self._events_chip = self._events_chip, None
            if events is not None and events[2] == os.getpid():
                os.close(events[1])
            if os.getpid() == self._pid:
                self._chip.close()

    def _release_reservations(self):
        """Drop the reservations of this factory's devices from gpiozero's
        (shared) table: a device left open on a closed factory cannot use
        its pin, and must not keep another factory from it."""
        with self._res_lock:
            for key, refs in self._reservations.items():
                self._reservations[key] = [
                    r for r in refs if r() is not None and
                    getattr(r(), "pin_factory", None) is not self]

    def _request_edges(self, number, edges):
        """A descriptor delivering GPIO v2 line events for GPIO number
        (PinEdgeDetectUnsupported if the character device is not usable)."""
        with self._events_lock:
            self._check_open()
            if (self._events_chip is not None and
                    self._events_chip[2] != os.getpid()):
                # Found by the parent of this fork child: the parent's.
                self._events_chip = None
            if self._events_chip is None:
                try:
                    path, fd = _chardev.find_chip(self._gpiochip_dir)
                except _chardev.ChardevUnavailable as e:
                    raise PinEdgeDetectUnsupported(str(e)) from e
                self._events_chip = (path, fd, os.getpid())
            path, fd, _pid = self._events_chip
        try:
            return _chardev.request_edges(fd, number, edges)
        except OSError as e:
            raise PinEdgeDetectUnsupported(
                "cannot request GPIO%d from %s for edge events: %s" %
                (number, path, os.strerror(e.errno))) from e


class SoftwarePWM:
    """Drive a pigpio_regs.Line at frequency Hz with a duty cycle from 0 to
    1, from a thread of its own (see the module's docstring).

    stop() and abandon() wake the thread at once (it waits on an event, not
    in sleep()) and wait for it at most join_timeout seconds (default
    _chardev.JOIN_TIMEOUT). In a process
    other than the one that made it (a fork child, where the thread does
    not exist) they do nothing: the pin is the parent's."""

    def __init__(self, line, frequency, duty=0.0, join_timeout=None):
        self._line = line
        self._frequency = float(frequency)
        self._duty = float(duty)
        self._join_timeout = join_timeout
        self._pid = os.getpid()
        # _changed: the duty or frequency changed (or stop); _stop: stop.
        # The thread clears _changed before it looks at what it guards, so
        # a change made after the clear is seen by the next wait.
        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="pigpio_regs-pwm-GPIO%d" % line.pin,
            daemon=True)
        self._thread.start()

    @property
    def frequency(self):
        return self._frequency

    @frequency.setter
    def frequency(self, value):
        self._frequency = float(value)
        self._changed.set()

    @property
    def duty(self):
        return self._duty

    @duty.setter
    def duty(self, value):
        self._duty = float(value)
        self._changed.set()

    def _run(self):
        line = self._line
        changed, stop = self._changed, self._stop
        try:
            while True:
                changed.clear()         # first: see the class's __init__
                if stop.is_set():
                    return
                duty = self._duty
                if duty <= 0.0 or duty >= 1.0:
                    line.write(duty >= 1.0)
                    changed.wait()      # stop() sets it too
                    continue
                period = 1.0 / self._frequency
                start = monotonic()
                line.high()
                if stop.wait(max(0.0, start + duty * period - monotonic())):
                    return
                line.low()
                if stop.wait(max(0.0, start + period - monotonic())):
                    return
        except ValueError:
            pass        # the chip was closed under us: nothing to drive

    def _halt(self):
        """Wake the thread and wait for it (bounded); False in a process
        that is not the one that made it (the thread is not there)."""
        if os.getpid() != self._pid:
            return False
        self._stop.set()
        self._changed.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(_chardev.JOIN_TIMEOUT
                              if self._join_timeout is None
                              else self._join_timeout)
        return True

    def abandon(self):
        """Stop the thread without touching the pin (its chip is closed)."""
        self._halt()

    def stop(self):
        """Stop the thread; the pin is left high if the duty was 1, else
        low."""
        if self._halt():
            self._line.write(self._duty >= 1.0)


class PigpioRegsPin(LocalPiPin):
    """A GPIO pin of PigpioRegsFactory (see the module's docstring)."""

    def __init__(self, factory, info):
        # info: the GPIO number (gpiozero 1.6.2) or a PinInfo (2.x).
        super().__init__(factory, info)
        chip = factory.chip
        if not 0 <= self._number < chip.pin_count:
            raise PinInvalidPin("GPIO%d is not a pin of this %s (GPIO0-%d)" %
                                (self._number, chip.soc, chip.pin_count - 1))
        self._chip = chip
        self._pid = os.getpid()         # the process that made it: fork
        self._line = chip.line(self._number)
        self._output = False
        self._pwm = None
        self._fast = None       # the Line while a plain output: see state
        self._frequency = None
        self._bounce = None
        self._edges = "both"
        self._watcher = None
        self._last_call = None
        self._pull = "floating"
        self._reset()

    def _fixed_pull(self):
        """'up' for a pin the board pulls up itself (GPIO2/3), else ''."""
        info = getattr(self, "_info", None)     # gpiozero 2.x
        if info is not None and hasattr(info, "pull"):
            return info.pull or ""
        try:                                    # gpiozero 1.6.2
            pulled = self._factory.pi_info.pulled_up(repr(self))
        except Exception:       # no such pin on the header, and such
            return ""
        return "up" if pulled else ""

    def _reset(self):
        self.function = "input"
        self.pull = self._fixed_pull() or "floating"

    def close(self):
        self.frequency = None
        self.when_changed = None
        # Only the process that made the pin resets it: a fork child's
        # close (its atexit too) must leave the parent's pin alone. After
        # the factory's close() (gpiozero closes devices again as they are
        # collected) there is no window left to reset the pin in.
        if os.getpid() == self._pid and not self._chip.closed:
            self._reset()

    def _check_open(self):
        """PinFactoryClosed once the pin's window is closed (the factory's
        close()), rather than the chip's ValueError."""
        if self._chip.closed:
            raise PinFactoryClosed(
                "cannot use %r: its PigpioRegsFactory is closed" % self)

    def output_with_state(self, state):
        # Latch the level first: the pin starts driving it (no glitch).
        self._check_open()
        if self._pwm is not None:
            self._set_frequency(None)
        self._line.write(1 if state else 0)
        self._set_function("output")

    def input_with_pull(self, pull):
        self._set_function("input")
        self._set_pull(pull)

    # function

    def _refresh_fast(self):
        """The state setter's fast path is open while the pin is a plain
        output (no PWM), through its Line; else pin_state_set() calls
        _set_state()."""
        self._fast = self._line if self._output and self._pwm is None else None

    def _get_function(self):
        self._check_open()
        function = self._chip.get_function(self._number)
        self._output = function == "output"
        self._refresh_fast()
        return function

    def _set_function(self, value):
        self._check_open()
        if value not in _FUNCTIONS:
            raise PinInvalidFunction(
                'invalid function "%s" for pin %r' % (value, self))
        try:
            self._chip.set_function(self._number, value)
        except OSError as e:
            # EINVAL: a function this SoC does not have (alt6 on BCM)
            raise PinInvalidFunction(
                'invalid function "%s" for pin %r: %s' % (value, self, e)) from e
        self._output = value == "output"
        self._refresh_fast()

    # state

    def _get_state(self):
        if self._pwm is not None:
            return self._pwm.duty
        try:
            return bool(self._line.read())
        except ValueError:
            self._check_open()      # the usual reason: say it in gpiozero's
            raise

    def _set_state(self, value):
        if self._pwm is not None:
            try:
                duty = float(value)
            except (TypeError, ValueError):
                duty = -1.0
            if not 0.0 <= duty <= 1.0:
                raise PinInvalidState(
                    'invalid state "%s" for pin %r' % (value, self))
            self._pwm.duty = duty
            return
        self._check_open()
        if not self._output and self._get_function() == "input":
            raise PinSetInput("cannot set state of pin %r" % self)
        self._line.write(1 if value else 0)

    # gpiozero's Pin.state reaches _get_state/_set_state through a lambda
    # each. Here the getter is named directly, and the setter is a C
    # function of the extension: a plain output's write is then one store
    # with no Python frame at all (pin_state_set: through self._fast), and
    # everything else goes to _set_state() as before.
    state = property(_get_state, pin_state_set, doc="The state of the pin "
                     "(gpiozero's Pin.state): 0 or 1, or the PWM duty cycle")

    # pull

    def _get_pull(self):
        self._check_open()
        if self._chip.pull_readable:
            pull = _PULL_FROM_LIB.get(self._chip.get_pull(self._number))
            if pull is not None:
                return pull
        return self._pull

    def _set_pull(self, value):
        if self._get_function() != "input":
            raise PinFixedPull("cannot set pull on non-input pin %r" % self)
        fixed = self._fixed_pull()
        if fixed and value != fixed:
            raise PinFixedPull("%r has a physical pull-%s resistor" %
                               (self, fixed))
        try:
            pull = _PULL_TO_LIB[value]
        except (KeyError, TypeError):
            raise PinInvalidPull(
                'invalid pull "%s" for pin %r' % (value, self)) from None
        self._chip.set_pull(self._number, pull)
        self._pull = value

    # PWM (software, see SoftwarePWM)

    def _get_frequency(self):
        return self._frequency

    def _set_frequency(self, value):
        if value is None:
            if self._pwm is not None:
                pwm, self._pwm = self._pwm, None
                self._refresh_fast()
                if self._chip.closed:
                    pwm.abandon()
                else:
                    pwm.stop()
            self._frequency = None
            return
        self._check_open()
        try:
            frequency = float(value)
        except (TypeError, ValueError):
            frequency = 0.0
        if not frequency > 0.0:
            raise PinPWMError('invalid frequency "%s" for pin %r' %
                              (value, self))
        if self._pwm is None:
            if self._get_function() != "output":
                raise PinPWMFixedValue(
                    "cannot start PWM on pin %r: it is not an output" % self)
            self._pwm = SoftwarePWM(self._line, frequency,
                                    float(self._line.read()))
            self._refresh_fast()
        else:
            self._pwm.frequency = frequency
        self._frequency = frequency

    # edges (through the GPIO character device, see _chardev)

    def _get_bounce(self):
        return self._bounce

    def _set_bounce(self, value):
        if value is not None:
            try:
                value = float(value)
            except (TypeError, ValueError):
                value = -1.0
            if value < 0:
                raise PinInvalidBounce("bounce must be 0 or greater")
        self._bounce = value

    def _get_edges(self):
        return self._edges

    def _set_edges(self, value):
        if value not in _EDGES:
            raise PinInvalidEdges(
                'invalid edge specification "%s" for pin %r' % (value, self))
        with self._when_changed_lock:
            self._disable_event_detect()
            self._edges = value
            # Watch again if a handler is set, whether or not a watcher
            # ran ("none" has none): gpiozero's _when_changed says so.
            if self._when_changed is not None:
                self._enable_event_detect()

    def _enable_event_detect(self):
        if self._edges == "none":
            return
        try:
            self._check_open()
            fd = self._factory._request_edges(self._number, self._edges)
            try:
                watcher = _chardev.EdgeWatcher(
                    fd, self._edge,
                    name="pigpio_regs-edges-GPIO%d" % self._number)
            except BaseException:
                os.close(fd)
                raise
        except BaseException:
            # PiPin set _when_changed before calling us: undo that, or
            # the next handler would be taken as already watching.
            self._when_changed = None
            raise
        self._last_call = None
        self._watcher = watcher

    def _disable_event_detect(self):
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.close()

    def _edge(self, timestamp_ns, rising):
        # The kernel stamps events on CLOCK_MONOTONIC; the factory's
        # ticks() may be the system timer's: carried over to it.
        factory = self._factory
        ticks = factory._ticks_of(timestamp_ns)
        if (self._bounce is not None and self._last_call is not None and
                factory.ticks_diff(ticks, self._last_call) < self._bounce):
            return
        self._last_call = ticks
        self._call_when_changed(ticks, 1 if rising else 0)

    def _call_when_changed(self, ticks=None, state=None):
        """Call the when_changed handler (from the edge thread).

        gpiozero holds the handler by weak reference, and when it finds it
        gone it sets when_changed = None, which takes _when_changed_lock.
        A thread closing this pin (a device being collected while its input
        bounces) holds that lock while it waits for this thread to stop: a
        deadlock. So the lock is taken here only if it is free; if not,
        its holder is changing the handler or closing the pin, and this
        event, whose handler is gone, is dropped."""
        ref = self._when_changed
        method = ref() if ref is not None else None
        if method is not None:
            method(self._factory.ticks() if ticks is None else ticks,
                   self.state if state is None else state)
        elif ref is not None and self._when_changed_lock.acquire(False):
            try:
                if self._when_changed is ref:   # still the one found gone
                    self.when_changed = None
            finally:
                self._when_changed_lock.release()
