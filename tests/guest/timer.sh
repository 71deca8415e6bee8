# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: /dev/pigpio_timer, the system timer read-only (issue
# 29). The module is loaded from the device tree and stays loaded.
# The timer is 0x1fd000 below the GPIO block on every BCM SoC (bus
# 0x7e003000 and 0x7e200000).
timer_phys=$(printf '%#x' $((EXPECT_PHYS - 0x1fd000)))
check "dmesg: the system timer at $timer_phys on /dev/pigpio_timer" \
	"$(dmesg | grep -i 'pigpio_regs.*timer')" \
	sh -c "dmesg | grep -q 'pigpio_regs.*system timer at 0x0*${timer_phys#0x}, read-only, on /dev/pigpio_timer'"
# udev may apply the rule a moment after the node appears (lib.sh says why).
timer_mode() {
	_i=0
	while [ "$(stat -c '%U:%G %a' /dev/pigpio_timer 2>&1)" != "root:gpio 440" ] && [ $_i -lt 300 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	stat -c '%U:%G %a' /dev/pigpio_timer 2>&1
}
check "udev rule: pigpio_timer is root:gpio 0440" "$(ls -l /dev/pigpio_timer 2>&1)" \
	test "$(timer_mode)" = "root:gpio 440"
as_alice timer_contract >/tmp/timer.out 2>&1
sed 's/^/PGR-TEST /' /tmp/timer.out | grep -E '^PGR-TEST (PASS|FAIL) '
sed -n 's/^INFO /PGR-SAY /p' /tmp/timer.out
check "timer contract ran to the end" "$(tail -n 3 /tmp/timer.out)" \
	grep -q '^DONE timer_contract' /tmp/timer.out
timer_contract root >/tmp/timer-root.out 2>&1
sed 's/^/PGR-TEST /' /tmp/timer-root.out | grep -E '^PGR-TEST (PASS|FAIL) '
check "timer contract as root ran" "$(cat /tmp/timer-root.out)" \
	test "$(grep -c '^PASS ' /tmp/timer-root.out)" = 2
as_bob sh -c 'exec 3</dev/pigpio_timer' >/tmp/timer-bob.out 2>&1
out=$(cat /tmp/timer-bob.out)
check "bob: /dev/pigpio_timer open gives EACCES" "$out" \
	grep -q "Permission denied" /tmp/timer-bob.out
t1=$(as_alice pigpio-regs ticks 2>&1)
t2=$(as_alice pigpio-regs ticks 2>&1)
check "alice: pigpio-regs ticks counts up" "ticks: '$t1' then '$t2'" \
	sh -c "test '$t1' -gt 0 && test '$t2' -gt '$t1'" 2>/dev/null
