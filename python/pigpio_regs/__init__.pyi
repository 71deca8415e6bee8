# SPDX-License-Identifier: LGPL-2.1-or-later
# Type stubs of the package: what it re-exports from the extension.
from ._pigpio_regs import (
    DEFAULT_ATTR_DIR as DEFAULT_ATTR_DIR,
    DEFAULT_DEVICE as DEFAULT_DEVICE,
    DEFAULT_TIMER_DEVICE as DEFAULT_TIMER_DEVICE,
    Chip as Chip,
    Line as Line,
    Timer as Timer,
    __version__ as __version__,
    function_names as function_names,
    library_version as library_version,
)

PULLS: tuple[str, ...]
