# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: `pigpio-regs selftest $PIN` as alice on the emulated
# board. QEMU's GPIO models follow GPSET/GPCLR on GPLEV but have no pulls,
# so: function and both output checks PASS, both pull levels PASS or NOT
# OBSERVABLE (never FAIL), the pull read-backs PASS on BCM2711 (its
# PUP_PDN registers) and NOT OBSERVABLE on BCM2835/6/7, the pin restored
# (PASS), exit 0. The kernel pinctrl driver's own view of the pin (it
# reads the registers itself) must agree with what selftest found, and be
# the same after the run as before it.
st_before=$(pin_function "$PIN")/$(pin_level "$PIN")
as_alice pigpio-regs selftest "$PIN" >/tmp/selftest.out 2>&1
st_status=$?
sed 's/^/PGR-SAY /' /tmp/selftest.out
st_after=$(pin_function "$PIN")/$(pin_level "$PIN")

check "alice: selftest $PIN exits 0 with no FAIL" "exit $st_status: $(cat /tmp/selftest.out)" \
	sh -c "test $st_status = 0 && ! grep -q '^FAIL ' /tmp/selftest.out && grep -Eq '^selftest: [0-9]+ passed, 0 failed, [0-9]+ not observable$' /tmp/selftest.out"
for st_what in function "output high" "output low" restored; do
	check "alice: selftest $PIN: $st_what PASS" "$(grep "$st_what:" /tmp/selftest.out)" \
		grep -q "^PASS $st_what: " /tmp/selftest.out
done
for st_what in "pull-up level" "pull-down level"; do
	check "alice: selftest $PIN: $st_what PASS or NOT OBSERVABLE" "$(grep "$st_what:" /tmp/selftest.out)" \
		grep -Eq "^(PASS|NOT OBSERVABLE) $st_what: " /tmp/selftest.out
done
if [ "$EXPECT_SOC" = bcm2711 ]; then st_rb=PASS; else st_rb="NOT OBSERVABLE"; fi
for st_what in "pull-up read-back" "pull-down read-back"; do
	check "alice: selftest $PIN: $st_what $st_rb on $EXPECT_SOC" "$(grep "$st_what:" /tmp/selftest.out)" \
		grep -q "^$st_rb $st_what: " /tmp/selftest.out
done
# What selftest says it found, in pinctrl's words (gpio_in, gpio_out,
# altN; hi, lo), against what pinctrl saw before the run.
st_found=$(sed -n 's/^selftest: found \([a-z0-9]*\), \([a-z]*\), .*/\1\/\2/p' /tmp/selftest.out |
	sed -e 's/^input/gpio_in/' -e 's/^output/gpio_out/' -e 's/high$/hi/' -e 's/low$/lo/')
check "alice: selftest found GPIO$PIN as pinctrl saw it ($st_before)" "selftest: $st_found" \
	test "$st_found" = "$st_before"
check "pinctrl: GPIO$PIN after selftest as before ($st_before)" "after: $(pin_line "$PIN")" \
	test "$st_after" = "$st_before"
