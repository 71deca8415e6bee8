#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Board-specific cases, a part of the suite on every emulated board (sourced
# by tests/guest/suite.sh; also runs on its own). The table row
# (scripts/guest/boards.tsv, via /pigpio/board.env) says which SoC the board
# has; these cases hold it against the datasheet's own facts, so a wrong row
# cannot pass by agreeing with itself. Like every part, it leaves the module
# as it found it (loaded from the device tree, in the suite).
. /pigpio/lib.sh
KO=/pigpio/pigpio_regs.ko
SYSFS=/sys/class/misc/pigpio_regs

# The datasheets' GPIO block (CPU physical address) and line count.
case $EXPECT_SOC in
bcm2835) bc_sheet_phys=0x20200000 bc_sheet_ngpio=54 ;;
bcm2836 | bcm2837) bc_sheet_phys=0x3f200000 bc_sheet_ngpio=54 ;;
bcm2711) bc_sheet_phys=0xfe200000 bc_sheet_ngpio=58 ;;
*) bc_sheet_phys=unknown bc_sheet_ngpio=unknown ;;
esac
check "board: the table's $EXPECT_SOC row has the datasheet's base and line count" \
	"table: $EXPECT_PHYS, $EXPECT_NGPIO lines; datasheet: $bc_sheet_phys, $bc_sheet_ngpio" \
	test "$EXPECT_PHYS/$EXPECT_NGPIO" = "$bc_sheet_phys/$bc_sheet_ngpio"

# Load the module from the device tree if nobody has.
bc_loaded_here=no
if [ ! -e /dev/pigpio_regs ]; then
	bc_result=$(load_module $KO)
	check "board: module loads from the device tree again" "finit_module: $bc_result" \
		test "$bc_result" = ok
	udev_settled
	bc_loaded_here=yes
fi
check "board: sysfs phys_base is the $EXPECT_SOC datasheet's $bc_sheet_phys" \
	"phys_base=$(cat $SYSFS/phys_base 2>&1)" \
	test "$(cat $SYSFS/phys_base 2>&1)" = "$bc_sheet_phys"
check "board: sysfs ngpio is the $EXPECT_SOC datasheet's $bc_sheet_ngpio" \
	"ngpio=$(cat $SYSFS/ngpio 2>&1)" \
	test "$(cat $SYSFS/ngpio 2>&1)" = "$bc_sheet_ngpio"

# pinctrl's debugfs directory is named after the block's address and the
# pinctrl variant; it has one line per GPIO line.
check "board: pinctrl debugfs is $EXPECT_PINCTRL/pins" \
	"found: $(echo /sys/kernel/debug/pinctrl/*)" \
	test -r "/sys/kernel/debug/pinctrl/$EXPECT_PINCTRL/pins"
bc_n=$(grep -c '^pin [0-9]* (gpio[0-9]*)' "$(pins_file)" 2>/dev/null)
check "board: pinctrl lists $bc_sheet_ngpio pins" "it lists ${bc_n:-no} pins" \
	test "$bc_n" = "$bc_sheet_ngpio"

# The last line the CLI accepts is the SoC's last line, no more.
bc_last=$((bc_sheet_ngpio - 1))
bc_out=$(as_alice pigpio-regs get $bc_last 2>&1)
bc_status=$?
check "board: get $bc_last (the last line) is accepted" "exit $bc_status: $bc_out" \
	test "$bc_status" = 0
bc_out=$(as_alice pigpio-regs get $bc_sheet_ngpio 2>&1)
bc_status=$?
check "board: get $bc_sheet_ngpio rejected on $bc_sheet_ngpio-pin $EXPECT_SOC (usage error)" \
	"exit $bc_status: $bc_out" test "$bc_status" = 2
if [ "$bc_sheet_ngpio" = 58 ]; then
	# BCM2711's extra bank-1 lines 54-57 exist, and pinctrl agrees.
	for bc_pin in 54 55 56 57; do
		bc_out=$(as_alice pigpio-regs get $bc_pin 2>&1)
		bc_status=$?
		check "board: get $bc_pin accepted on $EXPECT_SOC, pinctrl has pin $bc_pin" \
			"exit $bc_status: $bc_out; pinctrl: $(pin_line $bc_pin)" \
			sh -c "test $bc_status = 0 && test -n \"\$1\"" - "$(pin_line $bc_pin)"
	done
fi

if [ "$bc_loaded_here" = yes ]; then
	rmmod pigpio_regs
fi
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "board: dmesg still has no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
