# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh, run first after loading: the outputs the docs show.
# Each is printed as "PGR-CAP NAME|LINE" lines; scripts/docs.sh puts them
# into docs/*.md (make docs) or checks that the docs still match.

# capture NAME USER COMMAND...: run COMMAND as USER (alice or root), print
# the prompt and the command as a reader would type them, and the output.
capture() {
	_cap=$1 _user=$2
	shift 2
	if [ "$_user" = alice ]; then
		echo "PGR-CAP $_cap|alice\$ $*"
		as_alice "$@" 2>&1 | sed "s/^/PGR-CAP $_cap|/"
	else
		echo "PGR-CAP $_cap|root# $*"
		"$@" 2>&1 | sed "s/^/PGR-CAP $_cap|/"
	fi
}

capture explain-alice alice pigpio-regs explain
# Root sees the kernel's address only with kernel.kptr_restrict=1 (%pK).
kptr=$(cat /proc/sys/kernel/kptr_restrict)
echo 1 >/proc/sys/kernel/kptr_restrict
capture explain-root root pigpio-regs explain
echo "$kptr" >/proc/sys/kernel/kptr_restrict
# pinctrl's claim of the GPIO block, which IO_STRICT_DEVMEM honours; others
# read every address in /proc/iomem as zero.
capture iomem-root root grep -i gpio /proc/iomem
capture iomem-alice alice grep -i gpio /proc/iomem
capture read-gpfsel0 alice read_gpfsel0
capture devmem-alice alice read_gpfsel0 --devmem
capture devmem-root root read_gpfsel0 --devmem
capture blink-mmap alice blink_mmap 17 2
check "docs captures ran" "no explain output" \
	as_alice sh -c 'pigpio-regs explain | grep -q "read system call"'
