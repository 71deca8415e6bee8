#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# run.sh BOARD MODE: fetch, build and boot one emulated board, running the
# guest job MODE: "demo", or "test" for the board's own job in boards.tsv. In suite mode a board that cannot be
# fetched, built or booted is one FAIL line (a SKIP outside CI when the
# downloads themselves are unavailable).
set -uo pipefail
here=$(dirname "$0")
board=${1:?usage: run.sh BOARD MODE}
mode=${2:?usage: run.sh BOARD MODE}
if [ "$mode" = test ]; then
	# shellcheck source=scripts/guest/lib.sh
	mode=$(. "$here/lib.sh" && pgr_board "$board" && echo "$B_JOB") || exit 1
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
