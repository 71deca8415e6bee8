#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# lab.sh: the lab's emulated Raspberry Pi (docs/lab/README.md). No Pi needed.
#
#   scripts/lab.sh shell [--root] [BOARD]
#       boot BOARD (default raspi3b-6.1) to a shell on its serial console,
#       in this terminal: alice (group gpio), or root with --root; the
#       module loaded, the examples and the lab's solutions in PATH,
#       exercise 1's build tree in /pigpio/tree. "exit" powers it off.
#   scripts/lab.sh run FILE.c [ARG...]
#       cross-compile FILE.c here with the board's compiler, statically,
#       against libpigpioregs and the UAPI header; boot the board, run the
#       program there as alice with ARGs, and print what the kernel's
#       pinctrl driver says about the pins afterwards: pin 17's line, or
#       those named in LAB_PINS (e.g. LAB_PINS="17 22"), and every other
#       pin that changed. The board is PGR_LAB_BOARD (default raspi3b-6.1).
#   scripts/lab.sh compile FILE.c [OUT]
#       only the cross-compile step; prints the program's path.
#
# Each command first fetches (once) and builds the board's kernel module,
# library and examples, as the test command does (scripts/guest/run.sh).
# compile links PGR_LAB_LIB if set (the host tests' cross-built library,
# tests/unit/run.sh), else the board's build of libpigpioregs.a.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

usage() {
	sed -n 's/^#   \{0,1\}//p' "$0" | sed -n '/^scripts\/lab.sh/,/^$/p' >&2
	exit 2
}

# prepare BOARD: the board's row, its downloads and its build.
prepare() {
	pgr_board "$1"
	"$top/scripts/guest/fetch.sh" "$1" || pgr_die "$1: cannot fetch its Debian packages"
	"$top/scripts/guest/build.sh" "$1" || pgr_die "$1: the build failed"
}

# compile FILE OUT: FILE, built for the board (pgr_board already called)
# as the examples are: static, with the library and both headers.
compile() {
	local out lib
	out=$(pgr_board_build)
	lib=${PGR_LAB_LIB:-$out/user/libpigpioregs.a}
	[ -f "$lib" ] || pgr_die "no $lib: build the board first (scripts/lab.sh run does)"
	mkdir -p "$(dirname "$2")"
	pgr_log "$B_NAME: ${B_CROSS}gcc -static $1"
	"${B_CROSS}gcc" -std=gnu11 -O2 -Wall -Wextra -D_FILE_OFFSET_BITS=64 \
		-I"$top/user/include" -I"$top/include/uapi" -static \
		"$1" "$lib" -o "$2" || pgr_die "$1 does not compile for $B_NAME"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
shell)
	who=lab-shell
	if [ "${1:-}" = --root ]; then
		who=lab-root
		shift
	fi
	board=${1:-${PGR_LAB_BOARD:-raspi3b-6.1}}
	[ -t 0 ] || pgr_die "shell needs a terminal on its standard input"
	prepare "$board"
	pgr_log "$board: booting to a shell; the board powers off when it exits (Ctrl-C ends QEMU at once)"
	PGR_INTERACTIVE=1 "$top/scripts/guest/boot.sh" "$board" "$who"
	;;
run)
	file=${1:-}
	[ -f "$file" ] || usage
	shift
	board=${PGR_LAB_BOARD:-raspi3b-6.1}
	case ${LAB_PINS:-17} in
	*[!0-9\ ]*) pgr_die "LAB_PINS: pin numbers separated by spaces" ;;
	esac
	prepare "$board"
	stage=$(pgr_board_build)/lab
	rm -rf "$stage"
	compile "$file" "$stage/program"
	printf '%s\n' "$@" >"$stage/args"
	[ $# -gt 0 ] || : >"$stage/args"
	echo "LAB_PINS='${LAB_PINS:-17}'" >"$stage/env"
	PGR_LAB_DIR=$stage "$top/scripts/guest/boot.sh" "$board" lab-run
	;;
compile)
	file=${1:-}
	[ -f "$file" ] || usage
	pgr_board "${PGR_LAB_BOARD:-raspi3b-6.1}"
	prog=${2:-$(pgr_board_build)/lab/$(basename "${file%.c}")}
	compile "$file" "$prog"
	echo "$prog"
	;;
*) usage ;;
esac
