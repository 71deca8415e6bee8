#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# run.sh BOARD MODE: fetch, build and boot one emulated board, running the
# guest job MODE: "demo", or "test" for the board's own job in boards.tsv.
# In test mode a board that cannot be fetched, built or booted is one FAIL
# line; outside CI it is a SKIP line instead when the downloads themselves
# are unavailable, or when this host's QEMU lacks the board (QEMU's raspi4b
# needs 9.0; scripts/install-deps.sh installs it from backports).
set -uo pipefail
here=$(dirname "$0")
board=${1:?usage: run.sh BOARD MODE}
mode=${2:?usage: run.sh BOARD MODE}
# shellcheck source=scripts/guest/lib.sh
. "$here/lib.sh"
(pgr_board "$board") || exit 1
pgr_board "$board"
[ "$mode" = test ] && mode=$B_JOB

case $B_ARCH in
arm64) qemu="qemu-system-aarch64" ;;
*) qemu="qemu-system-arm" ;;
esac
if ! "$qemu" -M help 2>/dev/null | grep -q "^$B_QEMU "; then
	why="$("$qemu" --version 2>/dev/null | head -n 1 || echo "no $qemu") has no '$B_QEMU' board (QEMU >= 9.0 has raspi4b; scripts/install-deps.sh installs it from backports)"
	if [ -z "${CI:-}" ] && [ "$mode" != demo ]; then
		echo "SKIP [$board] emulated board: $why"
		exit 0
	fi
	echo "FAIL [$board] emulated board: $why"
	exit 1
fi

if ! "$here/fetch.sh" "$board"; then
	if [ -z "${CI:-}" ] && [ "$mode" != demo ]; then
		echo "SKIP [$board] emulated board: its Debian packages could not be fetched"
		exit 0
	fi
	echo "FAIL [$board] fetch Debian kernel, headers and root filesystem"
	exit 1
fi
if ! "$here/build.sh" "$board"; then
	echo "FAIL [$board] cross-build module, client and guest tests"
	exit 1
fi
if ! "$here/boot.sh" "$board" "$mode"; then
	echo "FAIL [$board] boot and run the guest $mode to the end"
	exit 1
fi
