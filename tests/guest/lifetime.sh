# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Sourced by suite.sh with the module loaded from the device tree; leaves it
# loaded the same way. Root tries every sysfs way to take the device from
# under alice's open descriptors and mappings, or to give the driver a
# device it did not create; alice keeps using all of them after each try.
KO=${KO:-/pigpio/pigpio_regs.ko}
lt_drv=/sys/bus/platform/drivers/pigpio_regs
lt_dev=/sys/bus/platform/devices/pigpio_regs
lt_marker=$(dmesg | wc -l)

# lt_bound DEVICE: the name of the driver DEVICE is bound to, or "none".
lt_bound() {
	if [ -e "/sys/bus/platform/devices/$1/driver" ]; then
		basename "$(readlink "/sys/bus/platform/devices/$1/driver")"
	else
		echo none
	fi
}

# Some other platform device no driver has taken: the redirect target.
lt_foreign=""
for lt_d in /sys/bus/platform/devices/*; do
	if [ ! -e "$lt_d/driver" ] && [ -w "$lt_d/driver_override" ] &&
		[ "${lt_d##*/}" != pigpio_regs ]; then
		lt_foreign=${lt_d##*/}
		break
	fi
done
say "lifetime: foreign platform device for driver_override: ${lt_foreign:-none}"

check "sysfs: the driver has no bind or unbind file" "$(ls $lt_drv)" \
	test ! -e $lt_drv/bind -a ! -e $lt_drv/unbind
check "sysfs: our device is bound to pigpio_regs" "bound to $(lt_bound pigpio_regs)" \
	test "$(lt_bound pigpio_regs)" = pigpio_regs

rm -f /tmp/lt.in /tmp/lt.out
mkfifo /tmp/lt.in
chmod 666 /tmp/lt.in
as_alice lifetime 17 </tmp/lt.in >/tmp/lt.out 2>&1 &
lt_pid=$!
exec 5>/tmp/lt.in
wait_for /tmp/lt.out ready ||
	fail "lifetime: alice holds both nodes open and mapped" "$(cat /tmp/lt.out)"

lt_refused=0 lt_stolen=0
for lt_i in 1 2 3 4 5; do
	# Each write must fail or change nothing; none may take the device.
	{ echo pigpio_regs >$lt_drv/unbind; } 2>/dev/null && lt_refused=$((lt_refused + 1))
	{ echo pigpio_regs >$lt_drv/bind; } 2>/dev/null && lt_refused=$((lt_refused + 1))
	{ echo pigpio_regs >/sys/bus/platform/drivers_probe; } 2>/dev/null
	echo other >$lt_dev/driver_override
	{ echo pigpio_regs >/sys/bus/platform/drivers_probe; } 2>/dev/null
	echo >$lt_dev/driver_override
	if [ -n "$lt_foreign" ]; then
		echo pigpio_regs >"/sys/bus/platform/devices/$lt_foreign/driver_override"
		{ echo "$lt_foreign" >/sys/bus/platform/drivers_probe; } 2>/dev/null
		[ "$(lt_bound "$lt_foreign")" = pigpio_regs ] && lt_stolen=$((lt_stolen + 1))
		echo >"/sys/bus/platform/devices/$lt_foreign/driver_override"
	fi
	[ "$(lt_bound pigpio_regs)" = pigpio_regs ] || lt_stolen=$((lt_stolen + 1))
	echo round >&5
	wait_for /tmp/lt.out "round $lt_i done" || break
done
echo end >&5
exec 5>&-
wait $lt_pid
lt_status=$?
sed -n -e 's/^PASS /PGR-TEST PASS lifetime (alice): /p' \
	-e 's/^FAIL /PGR-TEST FAIL lifetime (alice): /p' /tmp/lt.out
check "lifetime: alice's holder ran to the end" "exit $lt_status: $(tail -n 3 /tmp/lt.out)" \
	test $lt_status = 0
check "sysfs: 5 x unbind, bind, drivers_probe, driver_override: none accepted" \
	"$lt_refused writes accepted" test $lt_refused = 0
check "sysfs: the device stayed ours, no foreign device bound" \
	"$lt_stolen times moved" test $lt_stolen = 0

# A foreign device pointed at the driver before it loads: probe refuses it.
if [ -n "$lt_foreign" ]; then
	rmmod pigpio_regs
	udev_settled
	echo pigpio_regs >"/sys/bus/platform/devices/$lt_foreign/driver_override"
	result=$(load_module "$KO")
	udev_settled
	check "load with $lt_foreign pointed at the driver: ours binds, $lt_foreign does not" \
		"load $result; $lt_foreign bound to $(lt_bound "$lt_foreign"), ours to $(lt_bound pigpio_regs)" \
		test "$result/$(lt_bound "$lt_foreign")/$(lt_bound pigpio_regs)" = ok/none/pigpio_regs
	check "... with one clear dmesg line" "$(dmesg | tail -n 3)" \
		sh -c "dmesg | tail -n 5 | grep -q '$lt_foreign: not the device pigpio_regs created, refusing it'"
	echo >"/sys/bus/platform/devices/$lt_foreign/driver_override"
	out=$(as_alice pigpio-regs get 17 2>&1)
	check "... and alice still reaches the GPIO block" "get 17: $out" \
		sh -c "echo '$out' | grep -q '^GPIO17 '"
else
	fail "load with a foreign device pointed at the driver" "no unbound platform device with driver_override"
fi

bad=$(dmesg | tail -n +"$((lt_marker + 1))" |
	grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle|refcount_t|list_add corruption' | head -n 3)
check "lifetime: dmesg has no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
