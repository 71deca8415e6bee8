#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The lab (docs/lab/, scripts/lab.sh), inside the emulated board. One
# script, installed by boot.sh under three job names:
#   lab-shell.sh  a shell on the serial console as alice (group gpio)
#   lab-root.sh   the same as root (exercise 1 needs root; the board has
#                 no sudo)
#   lab-run.sh [PROGRAM [ARG...]]  run PROGRAM as alice (default: the one
#                 scripts/lab.sh run staged in /pigpio/lab), then print what
#                 the kernel's pinctrl driver says about the pins. The suite
#                 runs it too (tests/guest/lab.sh), with a PROGRAM.
# The module was loaded at boot; the examples are in /pigpio/bin (in PATH)
# and, as exercise 1's build tree has them, under /pigpio/tree.
. /pigpio/lib.sh

# lab_run PROGRAM [ARG...]: run it as alice for at most LAB_TIMEOUT
# seconds; then pinctrl's line for each pin in LAB_PINS (default 17) and
# for every other pin whose line changed.
lab_run() {
	_before=/tmp/lab-pins.before _after=/tmp/lab-pins.after
	cat "$(pins_file)" >$_before 2>/dev/null
	echo "alice\$ $*"
	as_alice timeout "${LAB_TIMEOUT:-60}" "$@" 2>&1
	echo "(exit status $?)"
	cat "$(pins_file)" >$_after 2>/dev/null
	echo "kernel pinctrl says, after:"
	for _pin in ${LAB_PINS:-17}; do
		echo "  $(pin_line "$_pin")"
	done
	_changed=$(grep -vxF -f $_before $_after | grep -v -E "^pin ($(echo "${LAB_PINS:-17}" | tr ' ' '|')) ")
	if [ -n "$_changed" ]; then
		echo "$_changed" | sed 's/^/  changed: /'
	fi
}

# shell USER: a login-like shell on the console, its controlling terminal.
shell() {
	_tty=/dev/$(sed 's/.* //' /sys/class/tty/console/active)
	cat <<EOT >"$_tty"

Emulated $BOARD, $(uname -r). The module is loaded (/dev/pigpio_regs,
root:gpio 0660); the examples and lab solutions are in /pigpio/bin (in
PATH); exercise 1's build tree is /pigpio/tree. docs/lab/README.md says
what to type. "exit" ends the shell and powers the board off.
EOT
	cd /pigpio/tree || return 1
	# shellcheck disable=SC2094 # a terminal: read and written
	if [ "$1" = root ]; then
		setsid -c -w env HOME=/root PS1='root@pi:\w# ' sh -i <"$_tty" >"$_tty" 2>&1
	else
		setsid -c -w setpriv --reuid=alice --regid=alice --init-groups \
			env HOME=/tmp USER=alice PS1='alice@pi:\w$ ' sh -i <"$_tty" >"$_tty" 2>&1
	fi
}

case ${0##*/} in
lab-shell.sh) shell alice ;;
lab-root.sh) shell root ;;
lab-run.sh)
	if [ $# -gt 0 ]; then
		lab_run "$@"
	elif [ -x /pigpio/lab/program ]; then
		# scripts/lab.sh's staging: LAB_PINS in env, one argument a line.
		[ -f /pigpio/lab/env ] && . /pigpio/lab/env
		while IFS= read -r arg; do
			set -- "$@" "$arg"
		done </pigpio/lab/args
		lab_run /pigpio/lab/program "$@" | while IFS= read -r line; do
			say "$line"
		done
	else
		say "lab-run: no program staged (scripts/lab.sh run FILE.c)"
	fi
	;;
*) echo "lab-guest.sh: run as lab-shell.sh, lab-root.sh or lab-run.sh" >&2; exit 2 ;;
esac
