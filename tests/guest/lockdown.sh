# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Sourced last (suite.sh, or scripts/debug-kernel.sh's job after kmemleak):
# kernel lockdown cannot be lifted once raised, and in integrity mode it
# also closes debugfs. With the module unloaded, raise lockdown=integrity
# and load with phys_base= naming the real block: refused with EPERM,
# nothing registered. Under lockdown every kernel verifies module
# signatures (the lockdown LSM selects MODULE_SIG): Debian's refuse our
# unsigned module outright; the debug kernel's job signs it with that
# kernel's own build key (PGR_MODULE_SIGNED=1), so there the module loads
# and only the hardware parameter is refused.
KO=${KO:-/pigpio/pigpio_regs.ko}
lk=/sys/kernel/security/lockdown
[ -e $lk ] || mount -t securityfs securityfs /sys/kernel/security 2>/dev/null
if [ ! -w $lk ]; then
	fail "lockdown: refuses phys_base=" "this kernel has no lockdown LSM ($lk)"
else
	grep -q '^pigpio_regs ' /proc/modules && rmmod pigpio_regs
	echo integrity >$lk
	say "lockdown: $(cat $lk)"
	result=$(load_module "$KO" "phys_base=$EXPECT_PHYS")
	why=$(dmesg | tail -n 3 | sed -n 's/.*Lockdown: [^:]*: \(.*\) is restricted.*/\1/p' | tail -n 1)
	say "lockdown: load with phys_base=$EXPECT_PHYS: $result (${why:-no Lockdown line})"
	check "lockdown=integrity: load with phys_base= refused (EPERM), nothing registered" \
		"got $result; $(ls -d /dev/pigpio_regs /sys/module/pigpio_regs 2>/dev/null)" \
		sh -c "test '$result' = EPERM && ! test -e /dev/pigpio_regs && ! test -d /sys/module/pigpio_regs"
	result=$(load_module "$KO")
	case $why in
	"unsafe module parameters")
		# The module itself may load here: only the parameter was refused.
		check "lockdown: the same module loads without phys_base=" "got $result" \
			test "$result" = ok
		rmmod pigpio_regs 2>/dev/null
		;;
	*)
		if [ -n "${PGR_MODULE_SIGNED:-}" ]; then
			fail "lockdown: a signed module is refused for its parameter" \
				"expected 'unsafe module parameters', dmesg says '$why'"
		fi
		check "lockdown: dmesg says why ($why)" "$(dmesg | tail -n 3)" \
			test "$why" = "unsigned module loading"
		say "lockdown: this kernel refuses the unsigned module itself ($result); the parameter's own refusal shows on the debug kernel"
		;;
	esac
fi
