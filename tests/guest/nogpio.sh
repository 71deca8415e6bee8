#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Guest job for a board whose device tree has the GPIO node disabled
# (status = "disabled"): the driver must skip it, refuse to load with ENODEV
# and say why, and phys_base= naming the SoC's own block must still work,
# with the SoC taken from the machine.
. /pigpio/lib.sh
KO=/pigpio/pigpio_regs.ko
SYSFS=/sys/class/misc/pigpio_regs
# The project's packages, installed at boot by the guest's dpkg (init.sh),
# brought the module and the udev rule.
check_packages

check "the kernel sees no GPIO controller node" "$(ls /sys/kernel/debug/pinctrl)" \
	sh -c '! ls -d /sys/kernel/debug/pinctrl/*gpio* >/dev/null 2>&1'
# At boot nothing tried the packaged module: no modules-load.d entry names
# it, and with the node disabled no device carries its modalias, so the
# boot has no failed unit (systemd-modules-load exits 0).
st=$(cat /run/pgr-modules-load.status 2>/dev/null)
check "boot: systemd-modules-load ran without error (no failed unit)" \
	"status $st: $(cat /run/pgr-modules-load.log 2>/dev/null)" test "$st" = 0
devs=$(alias_devices)
check "boot: no device's modalias resolves to pigpio_regs, no modules-load.d entry names it" \
	"devices: '$devs', entries: '$(load_entries)'" sh -c "test -z '$devs' && test -z '$(load_entries)'"
check "boot: nothing tried to load pigpio_regs" "$(dmesg | grep pigpio_regs | head -n 3)" \
	sh -c '! test -d /sys/module/pigpio_regs && ! dmesg | grep -q pigpio_regs'
# Disabled, not unknown: the node's own modalias would resolve to the
# module (the same alias udev uses on the raspi3b-6.1 row).
compat=$(tr '\000' '\n' </proc/device-tree/soc/gpio@7e200000/compatible 2>/dev/null | head -n 1)
resolved=$(modprobe -R "of:NgpioT(null)C$compat" 2>&1)
check "the disabled node's modalias (compatible $compat) resolves to pigpio_regs" \
	"modprobe -R: $resolved" test "$resolved" = pigpio_regs
result=$(load_module $KO)
check "no GPIO node and no override: ENODEV" "got $result" test "$result" = ENODEV
check "... with one clear dmesg line" "$(dmesg | tail -n 2)" \
	sh -c "dmesg | tail -n 3 | grep -q 'pigpio_regs: no enabled brcm,bcm2835-gpio or brcm,bcm2711-gpio node'"
check "... and no device node" "/dev/pigpio_regs exists" test ! -e /dev/pigpio_regs
check "the disabled node is there, so the driver skipped it" \
	"$(cat /proc/device-tree/soc/gpio@7e200000/status 2>&1)" \
	sh -c "tr -d '\\000' </proc/device-tree/soc/gpio@7e200000/status | grep -qx disabled"
result=$(load_module $KO "phys_base=$(printf '%#x' $((EXPECT_PHYS + 0x1000)))")
check "phys_base= of another page without the node: EINVAL" "got $result" \
	test "$result" = EINVAL

result=$(load_module $KO "phys_base=$EXPECT_PHYS")
check "phys_base= loads without the node" "got $result" test "$result" = ok
udev_settled
check "... the SoC comes from the machine: $EXPECT_SOC" "soc=$(cat $SYSFS/soc)" \
	test "$(cat $SYSFS/soc)" = "$EXPECT_SOC"
check "... source is parameter" "source=$(cat $SYSFS/source)" \
	test "$(cat $SYSFS/source)" = parameter
# Without the GPIO node the CLI cannot tell which pins the kernel claims:
# it refuses to reconfigure anything unless told to go ahead.
out=$(as_alice pigpio-regs set 17 op dh 2>&1)
status=$?
check "... without the node the CLI refuses to reconfigure (ownership unknown)" \
	"exit $status: $out" \
	sh -c "test $status = 1 && echo \"\$1\" | grep -q 'cannot tell which pins the kernel claims'" - "$out"
# With --force, the mapping and the driver's pread must agree.
as_alice pigpio-regs --force set 17 op dh >/dev/null
via_map=$(as_alice pigpio-regs peek 0x34 | sed 's/.*: //')
via_pread=$(as_alice pigpio-regs peek --syscall 0x34 | sed 's/.*: //')
check "... alice sets pin 17 high, seen by pread too" "$via_map vs $via_pread" \
	test "$((via_pread >> 17 & 1))/$via_map" = "1/$via_pread"
check "rmmod" "rmmod failed" rmmod pigpio_regs
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "dmesg: no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
