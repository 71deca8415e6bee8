#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# demo.sh [BOARD]: install what is missing, boot an emulated Raspberry Pi
# (default: the first board of scripts/guest/boards.tsv, a Pi 3) that loads
# the module at boot, and watch an unprivileged user drive GPIO 17 through
# /dev/pigpio_regs, each step confirmed by the kernel's own pinctrl driver.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

"$top/scripts/install-deps.sh"
board=${1:-$(pgr_boards | head -n 1)}
"$top/scripts/guest/run.sh" "$board" demo
