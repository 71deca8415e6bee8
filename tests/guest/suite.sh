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

# The root-only debugfs file prints the kernel's address with %pK: shown
# to root at kptr_restrict=1, zeros at 2; alice cannot open it at all.
kv() { sed -n 's/^kernel_virtual: //p' /sys/kernel/debug/pigpio_regs/mappings; }
kptr=$(cat /proc/sys/kernel/kptr_restrict)
echo 1 >/proc/sys/kernel/kptr_restrict
kv1=$(kv)
echo 2 >/proc/sys/kernel/kptr_restrict
kv2=$(kv)
echo "$kptr" >/proc/sys/kernel/kptr_restrict
check "debugfs: kptr_restrict=1 shows root the address, 2 hides it" "1: $kv1, 2: $kv2" \
	sh -c "echo '$kv1' | grep -q '^0x0*[1-9a-f][0-9a-f]*$' && echo '$kv2' | grep -q '^0x0*$'"
check "debugfs: alice cannot open the mappings file" "she can" \
	as_alice sh -c '! cat /sys/kernel/debug/pigpio_regs/mappings 2>/dev/null'

# read() is a file's: cat reads the whole block, then end of file.
check "alice: cat of the node reads block_size bytes, then EOF" \
	"$(as_alice sh -c 'cat /dev/pigpio_regs | wc -c' 2>&1) bytes" \
	test "$(as_alice sh -c 'cat /dev/pigpio_regs | wc -c')" = "$(attr block_size)"

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

# alice blinks while blink_trace steps her process from sleep to sleep and
# reads pinctrl's view each time it stands still: hi, lo, hi, lo, ... in
# order, whatever the host's load (sampling a running blink used to alias).
blink_trace "$(pins_file)" $PIN -- setpriv --reuid=alice --regid=alice --init-groups \
	pigpio-regs blink $PIN 4 20 >/tmp/blink.out 2>&1
blink_status=$?
sed -n -e 's/^PASS /PGR-TEST PASS alice: /p' -e 's/^FAIL /PGR-TEST FAIL alice: /p' \
	-e 's/^SAY /PGR-SAY /p' /tmp/blink.out
check "alice: blink exited 0 and said what it did" "exit $blink_status: $(cat /tmp/blink.out)" \
	sh -c "test $blink_status = 0 && grep -q 'blinked GPIO$PIN 4 times' /tmp/blink.out"

# The library's pin handle, in the example a user would start from: the
# same stepped check, then the pin as it was found.
lb_before=$(pin_function $PIN)/$(pin_level $PIN)
blink_trace "$(pins_file)" $PIN -- setpriv --reuid=alice --regid=alice --init-groups \
	line_blink $PIN 3 20 >/tmp/line_blink.out 2>&1
lb_status=$?
sed -n -e 's/^PASS /PGR-TEST PASS alice: line_blink (pgr_line): /p' \
	-e 's/^FAIL /PGR-TEST FAIL alice: line_blink (pgr_line): /p' /tmp/line_blink.out
check "alice: line_blink exited 0 and left GPIO$PIN as found ($lb_before)" \
	"exit $lb_status: $(cat /tmp/line_blink.out); now $(pin_line $PIN)" \
	sh -c "test $lb_status = 0 && grep -q 'left as found' /tmp/line_blink.out && test '$(pin_function $PIN)/$(pin_level $PIN)' = '$lb_before'"

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

. /pigpio/selftest.sh	# pigpio-regs selftest $PIN as alice, against pinctrl

# --- more cases, one file per subject, each run only where it exists.
# Each starts and ends with the module loaded from the device tree.
# PGR_SUITE_PARTS: only those (the debug kernel's rerun of one part).
for part in ${PGR_SUITE_PARTS:-captures lab gpiomem timer pyclients python wiringpi features poll lifetime adversary board_checks bench}; do
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

# phys_base= names the SoC's own GPIO block or nothing: every other page is
# refused, with its reason in dmesg and nothing registered.
# refused_base NAME ADDRESS DMESG_TEXT
refused_base() {
	result=$(load_module $KO "phys_base=$2")
	check "phys_base at $1 ($2): EINVAL, nothing registered" \
		"got $result; $(ls -d /dev/pigpio_regs /sys/module/pigpio_regs 2>/dev/null)" \
		sh -c "test '$result' = EINVAL && ! test -e /dev/pigpio_regs && ! test -d /sys/module/pigpio_regs"
	check "... with one clear dmesg line" "$(dmesg | tail -n 2)" \
		sh -c "dmesg | tail -n 3 | grep -q '$3'"
}
ram=$(sed -n 's/^\([0-9a-f]*\)-[0-9a-f]* : System RAM/\1/p' /proc/iomem | head -n 1)
peri=$((EXPECT_PHYS - 0x200000)) # the SoC's peripheral base
refused_base "System RAM" "$(printf '%#x' $((0x$ram + 0x100000)))" "is not the $EXPECT_SOC GPIO block"
refused_base "the system timer" "$(printf '%#x' $((peri + 0x3000)))" "is not the $EXPECT_SOC GPIO block"
refused_base "the UART after the GPIO page" "$(printf '%#x' $((EXPECT_PHYS + 0x1000)))" "is not the $EXPECT_SOC GPIO block"
refused_base "VideoCore memory below the peripherals" "$(printf '%#x' $((peri - 0x100000)))" "is not the $EXPECT_SOC GPIO block"
refused_base "an unaligned address" "$(printf '%#x' $((EXPECT_PHYS + 4)))" "not page-aligned"
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

# --- lockdown, last: it cannot be lifted (the debug kernel's job runs it
# after its kmemleak scan, which needs debugfs) ---------------------------------
# shellcheck source=tests/guest/lockdown.sh
[ -n "${PGR_LOCKDOWN_LATER:-}" ] || . /pigpio/lockdown.sh

# --- the kernel stayed healthy ------------------------------------------------
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "dmesg: no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
