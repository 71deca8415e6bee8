# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh, run first after loading: the outputs the docs show.
# Each is printed as "PGR-CAP NAME|LINE" lines; scripts/docs.sh puts them
# into docs/*.md (make docs) or checks that the docs still match.

# capture NAME PROMPT COMMAND...: run COMMAND, print prompt and output.
capture() {
	_cap=$1 _prompt=$2
	shift 2
	echo "PGR-CAP $_cap|$_prompt $*"
	"$@" 2>&1 | sed "s/^/PGR-CAP $_cap|/"
}

capture explain-alice 'alice$' as_alice pigpio-regs explain
capture explain-root 'root#' pigpio-regs explain
capture read-gpfsel0 'alice$' as_alice read_gpfsel0
capture devmem-alice 'alice$' as_alice read_gpfsel0 --devmem
capture devmem-root 'root#' read_gpfsel0 --devmem
capture blink-mmap 'alice$' as_alice blink_mmap 17 2
check "docs captures ran" "no explain output" \
	as_alice sh -c 'pigpio-regs explain | grep -q "read system call"'
