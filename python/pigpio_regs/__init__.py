# SPDX-License-Identifier: LGPL-2.1-or-later
"""Raspberry Pi GPIO registers, mapped through /dev/pigpio_regs.

A thin layer over libpigpioregs (the C library of this project), built
into the extension module ``pigpio_regs._pigpio_regs`` against CPython's
limited API, so one binary serves Python 3.11 and 3.13.

    >>> import pigpio_regs
    >>> with pigpio_regs.Chip() as chip:          # /dev/pigpio_regs
    ...     chip.set_function(17, "output")
    ...     led = chip.line(17)                   # the fast handle
    ...     led.high(); led.low(); led.write(1)   # one store each
    ...     chip.read(17)
    1

Errors: a pin the chip does not have, an unknown function or pull name or
a level other than 0/1 raise ValueError; a failure the library reports
raises OSError with its errno (so PermissionError, FileNotFoundError, ...)
and the CLI's message, e.g. "cannot open /dev/pigpio_regs (attributes in
/sys/class/misc/pigpio_regs): Permission denied". Any call on a closed
Chip, or on a Line of one, raises ValueError.

The SoC's 1 MHz system timer, read-only, is ``Timer()``
(/dev/pigpio_timer): ``read()`` gives microseconds since the SoC started,
with no system call; not on a Raspberry Pi 5 (OSError ENODEV: use
time.monotonic_ns()).

The gpiozero pin factory is ``pigpio_regs.gpiozero_factory`` (entry point
``pigpio_regs`` of ``gpiozero_pin_factories``: GPIOZERO_PIN_FACTORY=pigpio_regs).
"""

from ._pigpio_regs import (
    DEFAULT_ATTR_DIR,
    DEFAULT_DEVICE,
    DEFAULT_TIMER_DEVICE,
    Chip,
    Line,
    Timer,
    __version__,
    function_names,
    library_version,
)

#: The pull names Chip.set_pull() takes; get_pull() may also say "unknown".
PULLS = ("up", "down", "none")

__all__ = [
    "Chip",
    "Line",
    "DEFAULT_ATTR_DIR",
    "DEFAULT_DEVICE",
    "DEFAULT_TIMER_DEVICE",
    "PULLS",
    "Timer",
    "__version__",
    "function_names",
    "library_version",
]
