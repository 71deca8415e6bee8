#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The emulated-board suite: runs as root in the guest, drives the device as
# alice (group gpio) and bob (not), and confirms every pin change with the
# kernel pinctrl driver's debugfs view, which reads the registers itself.
. /pigpio/lib.sh
KO=/pigpio/pigpio_regs.ko
SYSFS=/sys/class/misc/pigpio_regs
PIN=17

attr() { cat "$SYSFS/$1" 2>/dev/null; }

# --- loading at boot, then loading and discovery ----------------------------
# shellcheck source=tests/guest/installed.sh
. /pigpio/installed.sh
result=$(load_module $KO)
check "module loads from the device tree" "finit_module: $result" \
	test "$result" = ok
udev_settled
check "dmesg names the SoC and base" "$(dmesg | grep pigpio_regs)" \
	sh -c "dmesg | grep -q 'pigpio_regs.*$EXPECT_SOC GPIO block at 0x0*${EXPECT_PHYS#0x}'"
check "udev rule: node is root:gpio 0660" \
	"$(ls -l /dev/pigpio_regs 2>&1); udev: $(udevadm info -q property -n /dev/pigpio_regs 2>&1 | tr '\n' ' ')" \
	test "$(gpio_node_mode /dev/pigpio_regs)" = "root:gpio 660"
check "sysfs soc is the datasheet's $EXPECT_SOC" "soc=$(attr soc)" \
	test "$(attr soc)" = "$EXPECT_SOC"
check "sysfs phys_base is the datasheet's $EXPECT_PHYS" "phys_base=$(attr phys_base)" \
	test "$(attr phys_base)" = "$EXPECT_PHYS"
check "sysfs bus_base is 0x7e200000" "bus_base=$(attr bus_base)" \
	test "$(attr bus_base)" = 0x7e200000
check "sysfs ngpio is $EXPECT_NGPIO" "ngpio=$(attr ngpio)" \
	test "$(attr ngpio)" = "$EXPECT_NGPIO"
check "sysfs window_size is one 4 KiB page" "window_size=$(attr window_size)" \
	test "$(attr window_size)" = 4096
# The kernel's own resource tree names the region pinctrl requested.
iomem_start=$(sed -n 's/^ *\([0-9a-f]*\)-[0-9a-f]* : .*gpio.*/\1/p' /proc/iomem | head -n 1)
check "phys_base is the region pinctrl holds in /proc/iomem" \
	"iomem gpio region starts at $iomem_start" \
	test "$((0x$iomem_start))" = "$(($(attr phys_base)))"
check "attributes readable by bob" "cannot read $SYSFS/soc as bob" \
	as_bob sh -c "cat $SYSFS/soc >/dev/null"

# --- an unprivileged user drives a pin --------------------------------------
as_alice pigpio-regs set $PIN ip >/dev/null
check "alice: set $PIN ip -> pinctrl sees gpio_in" "$(pin_line $PIN)" \
	test "$(pin_function $PIN)" = gpio_in
as_alice pigpio-regs set $PIN op >/dev/null
check "alice: set $PIN op -> pinctrl sees gpio_out" "$(pin_line $PIN)" \
	test "$(pin_function $PIN)" = gpio_out
as_alice pigpio-regs set $PIN dh >/dev/null
check "alice: set $PIN dh -> pinctrl sees hi" "$(pin_line $PIN)" \
	test "$(pin_level $PIN)" = hi
out=$(as_alice pigpio-regs get $PIN)
check "alice: get $PIN agrees with pinctrl (high)" "get: $out; $(pin_line $PIN)" \
	test "$out" = "GPIO$PIN output high"
as_alice pigpio-regs set $PIN dl >/dev/null
check "alice: set $PIN dl -> pinctrl sees lo" "$(pin_line $PIN)" \
	test "$(pin_level $PIN)" = lo
out=$(as_alice pigpio-regs get $PIN)
check "alice: get $PIN agrees with pinctrl (low)" "get: $out; $(pin_line $PIN)" \
	test "$out" = "GPIO$PIN output low"
as_alice pigpio-regs set 22 op dh >/dev/null
check "alice: set 22 op dh in one command" "$(pin_line 22)" \
	test "$(pin_function 22)/$(pin_level 22)" = gpio_out/hi
as_alice pigpio-regs set 22 dl ip >/dev/null

# Sample pinctrl while alice blinks: both levels must be seen. Each level
# lasts at least three samples (a sample is a few processes: slow on the
# emulated Pi 1), so the sampling cannot alias with the blinking.
sample_ms=$(awk '{ print int($1 * 1000) }' /proc/uptime)
for _ in 1 2 3; do pin_level $PIN >/dev/null; done
sample_ms=$((($(awk '{ print int($1 * 1000) }' /proc/uptime) - sample_ms) / 3))
period_ms=$((sample_ms * 6 > 400 ? sample_ms * 6 : 400))
as_alice pigpio-regs blink $PIN 4 $period_ms >/tmp/blink.out 2>&1 &
blinker=$!
seen=""
while kill -0 $blinker 2>/dev/null; do
	seen="$seen $(pin_level $PIN)"
	sleep 0.05
done
wait $blinker
blink_status=$?
case "$seen" in
*hi*lo* | *lo*hi*) blink_seen=yes ;;
*) blink_seen=no ;;
esac
check "alice: blink -> pinctrl saw hi and lo" \
	"status $blink_status, period $period_ms ms, saw:$seen" \
	test "$blink_status/$blink_seen" = 0/yes

# peek through the mapping and through the driver agree with pinctrl.
as_alice pigpio-regs set $PIN dh >/dev/null
lev=$(as_alice pigpio-regs peek 0x34 | sed 's/.*: //')
lev_syscall=$(as_alice pigpio-regs peek --syscall 0x34 | sed 's/.*: //')
check "alice: peek GPLEV0 has bit $PIN set like pinctrl" "peek $lev; $(pin_line $PIN)" \
	test "$(((lev >> PIN) & 1))/$(pin_level $PIN)" = 1/hi
check "alice: peek via mapping == peek via pread" "$lev vs $lev_syscall" \
	test "$lev" = "$lev_syscall"
as_alice pigpio-regs set $PIN dl >/dev/null

# --- refusals ----------------------------------------------------------------
before=$(pin_line $PIN)
err=$(as_bob pigpio-regs set $PIN dh 2>&1)
status=$?
check "bob (not in gpio): refused, exit 1, told about group gpio" "exit $status: $err" \
	sh -c "test $status = 1 && echo \"\$1\" | grep -q 'gpio' && echo \"\$1\" | grep -qi 'permission denied'" - "$err"
check "bob's refused command changed no pin" "$(pin_line $PIN)" \
	test "$(pin_line $PIN)" = "$before"
out=$(as_bob device_contract 2>&1 | head -n 1)
check "bob: open gives EACCES" "$out" \
	test "$out" = "FAIL open read-write: EACCES"
out=$(as_alice pigpio-regs set "$EXPECT_NGPIO" op 2>&1)
status=$?
check "alice: pin $EXPECT_NGPIO on a $EXPECT_NGPIO-pin SoC is a usage error" "exit $status: $out" \
	test "$status" = 2
out=$(as_alice pigpio-regs peek 0x35 2>&1)
status=$?
check "alice: odd peek offset is a usage error" "exit $status: $out" \
	test "$status" = 2
# Every mmap/pread/pwrite/lseek refusal, with its errno, as alice.
as_alice device_contract >/tmp/contract.out 2>&1
sed 's/^/PGR-TEST /' /tmp/contract.out | grep -E '^PGR-TEST (PASS|FAIL) '
check "device contract program ran to the end" "$(tail -n 3 /tmp/contract.out)" \
	sh -c "grep -q 'PASS lseek then read' /tmp/contract.out"

# --- more cases, one file per subject, each run only where it exists.
# Each starts and ends with the module loaded from the device tree.
for part in captures gpiomem pyclients features adversary board_checks bench; do
	if [ -f "/pigpio/$part.sh" ]; then
		# shellcheck source=/dev/null # the parts are tests/guest/*.sh
		. "/pigpio/$part.sh"
	fi
done

# --- unloading and parameters ------------------------------------------------
exec 3</dev/pigpio_regs
rmmod pigpio_regs 2>/dev/null
check "rmmod refused while a file is open" "module gone" \
	test -e /dev/pigpio_regs
exec 3<&-
check "rmmod works when nobody holds the device" "rmmod failed" rmmod pigpio_regs
check "node and attributes gone after rmmod" "still there" \
	test ! -e /dev/pigpio_regs -a ! -e $SYSFS

ram=$(sed -n 's/^\([0-9a-f]*\)-[0-9a-f]* : System RAM/\1/p' /proc/iomem | head -n 1)
ram_page=$(printf '%#x' $((0x$ram + 0x100000)))
result=$(load_module $KO "phys_base=$ram_page")
check "phys_base in System RAM ($ram_page): EINVAL" "got $result" \
	test "$result" = EINVAL
check "... with one clear dmesg line" "$(dmesg | tail -n 2)" \
	sh -c "dmesg | tail -n 3 | grep -q 'System RAM, refusing'"
result=$(load_module $KO "phys_base=$(printf '%#x' $((EXPECT_PHYS + 4)))")
check "phys_base not page-aligned: EINVAL" "got $result" test "$result" = EINVAL
check "... with one clear dmesg line" "$(dmesg | tail -n 2)" \
	sh -c "dmesg | tail -n 3 | grep -q 'not page-aligned'"
result=$(load_module $KO "phys_base=$EXPECT_PHYS")
check "phys_base override at the real block loads" "got $result" test "$result" = ok
udev_settled
check "override is reported in sysfs source" "source=$(attr source)" \
	test "$(attr source)" = parameter
as_alice pigpio-regs set $PIN op dh >/dev/null
check "override: alice drives pin $PIN high" "$(pin_line $PIN)" \
	test "$(pin_level $PIN)" = hi
as_alice pigpio-regs set $PIN dl ip >/dev/null
rmmod pigpio_regs

# --- the kernel stayed healthy ------------------------------------------------
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "dmesg: no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
