# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# The 'sh -c' scripts below expand their own $1, $2... on purpose:
# shellcheck disable=SC2016
# The CLI's verbs on the emulated board, as alice (group gpio, no root).
# Sourced by suite.sh with the module loaded; leaves it loaded. Each change
# is confirmed by the kernel's pinctrl debugfs (functions, levels) or by
# the driver's pread (peek --syscall) for registers debugfs does not show.
# QEMU's raspi GPIO model implements GPFSEL/GPSET/GPCLR/GPLEV only: event
# enables, GPEDS and the GPPUD registers read 0 whatever is written, so
# there the checks can only show the commands run and agree with pread.

# reg OFFSET: the register through the driver (pread), as a number
reg() { as_alice pigpio-regs peek --syscall "$1" | sed 's/.*: //'; }
# bit VALUE PIN: bit PIN % 32 of VALUE
bit() { echo $((($1 >> ($2 % 32)) & 1)); }

F=22	# free pins 22-27: no enabled node claims them on this board

# --- info, get, funcs --------------------------------------------------------
out=$(as_alice pigpio-regs info)
check "alice: info says configuration goes through the driver's lock" "$out" \
	sh -c 'echo "$1" | grep -qx "config: driver (locked ioctl)"' - "$out"
out=$(as_alice pigpio-regs --json info)
check "alice: info --json" "$out" \
	sh -c 'echo "$1" | grep -q "^{\"soc\":\"$2\".*\"config\":\"driver\"" ' - "$out" "$EXPECT_SOC"

as_alice pigpio-regs set $F op dl >/dev/null
out=$(as_alice pigpio-regs get)
row=$(echo "$out" | awk -v p=$F '$1 == p')
check "alice: get (no pin) prints one table of every pin" "$(echo "$out" | head -n 2)" \
	test "$(echo "$out" | wc -l)" = $((EXPECT_NGPIO + 1))
check "alice: get table row $F agrees with pinctrl (output low)" "row: $row; $(pin_line $F)" \
	test "$(echo "$row" | awk '{print $2 "/" $4}')/$(pin_function $F)/$(pin_level $F)" = output/low/gpio_out/lo
# GPIO14 is the console's TXD: ALT0 (PL011 TXD0, serial@7e201000) or ALT5
# (mini UART TXD1, serial@7e215040) depending on the board, as the kernel's
# pinctrl driver reports it; the names are the datasheet's.
fn14=$(pin_function 14)
case $fn14 in
alt0) txd14=TXD0 uart14=serial@7e201000 ;;
alt5) txd14=TXD1 uart14=serial@7e215040 ;;
*) txd14="(not a UART: $fn14)" uart14="(not a UART)" ;;
esac
row14=$(echo "$out" | awk '$1 == 14')
check "alice: get table names GPIO14's ALT function and its owner" "row: $row14; $(pin_line 14)" \
	sh -c 'echo "$1" | grep -Eq "^14 +$2 +$3 .* /soc/$4$"' - "$row14" "$fn14" "$txd14" "$uart14"
# The pull the table must show: BCM2711 reports it (2 bits a pin in
# GPIO_PUP_PDN_CNTRL0-3 at 0xe4, 01 up, 10 down), read here through the
# driver's pread; BCM2835/6/7 cannot, so "unknown".
if [ "$EXPECT_SOC" = bcm2711 ]; then
	pud_word=$(as_alice pigpio-regs peek --syscall $((0xe4 + 4 * (F / 16))) | sed 's/.*: //')
	case $(((pud_word >> (2 * (F % 16))) & 3)) in
	0) exp_pull=none ;; 1) exp_pull=up ;; 2) exp_pull=down ;; *) exp_pull=unknown ;;
	esac
else
	exp_pull=unknown
fi
check "alice: get table shows pull '$exp_pull' on $EXPECT_SOC" "row: $row" \
	test "$(echo "$row" | awk '{print $5}')" = "$exp_pull"
out=$(as_alice pigpio-regs get 17,$F)
check "alice: get 17,$F prints a two-row table" "$out" \
	test "$(echo "$out" | wc -l)" = 3
# The line name get prints: the device tree's gpio-line-names of the GPIO
# node (null where it names none).
line_json=$(gpio_line_names | sed -n "$((F + 1))p")
line_json=${line_json:+\"$line_json\"}
line_json=${line_json:-null}
out=$(as_alice pigpio-regs get --json $F)
check "alice: get --json $F" "$out" \
	test "$out" = "{\"soc\":\"$EXPECT_SOC\",\"pins\":[{\"pin\":$F,\"function\":\"output\",\"alt\":null,\"level\":0,\"pull\":\"$exp_pull\",\"events\":[],\"line\":$line_json,\"owner\":null}]}"
out=$(as_alice pigpio-regs funcs 14)
check "alice: funcs 14: ALT0 TXD0 ... ALT5 TXD1" "$out" \
	sh -c 'echo "$1" | grep -Eq "^14 +$2 +TXD0 +SD6 .* TXD1$"' - "$out" "$fn14"
out=$(as_alice pigpio-regs funcs --json 0)
check "alice: funcs --json 0" "$out" \
	sh -c 'echo "$1" | grep -q "\"pin\":0,\"current\":\"[a-z0-9]*\",\"alt\":\[\"SDA0\",\"SA5\""' - "$out"

# --- functions and levels, confirmed by pinctrl -----------------------------
as_alice pigpio-regs set 22-24 op dh >/dev/null
check "alice: set 22-24 op dh -> pinctrl: all three gpio_out hi" \
	"$(pin_line 22); $(pin_line 24)" \
	test "$(pin_function 22)$(pin_level 22)$(pin_function 23)$(pin_level 23)$(pin_function 24)$(pin_level 24)" = gpio_outhigpio_outhigpio_outhi
as_alice pigpio-regs toggle 22,23 >/dev/null
check "alice: toggle 22,23 -> pinctrl: 22 and 23 lo, 24 still hi" \
	"$(pin_line 22); $(pin_line 23); $(pin_line 24)" \
	test "$(pin_level 22)$(pin_level 23)$(pin_level 24)" = lolohi
as_alice pigpio-regs bank write 0 0x01400000 0x00400000 >/dev/null
check "alice: bank write 0 0x01400000 0x00400000 -> 22 hi, 24 lo" \
	"$(pin_line 22); $(pin_line 24)" \
	test "$(pin_level 22)$(pin_level 23)$(pin_level 24)" = hilolo
as_alice pigpio-regs bank high 0 0x00800000 >/dev/null
check "alice: bank high 0 0x00800000 -> 23 hi" "$(pin_line 23)" \
	test "$(pin_level 23)" = hi
out=$(as_alice pigpio-regs bank read 0)
lev=$(reg 0x34)
check "alice: bank read 0 equals GPLEV0 read by pread" "$out; pread $lev" \
	test "$out" = "bank 0: $lev"
as_alice pigpio-regs bank low 0 0x00c00000 >/dev/null
check "alice: bank low 0 0x00c00000 -> 22 and 23 lo" \
	"$(pin_line 22); $(pin_line 23)" \
	test "$(pin_level 22)$(pin_level 23)" = lolo
for alt in 0 1 2 3 4 5; do
	as_alice pigpio-regs set 25 a$alt >/dev/null
	check "alice: set 25 a$alt -> pinctrl sees alt$alt" "$(pin_line 25)" \
		test "$(pin_function 25)" = alt$alt
done
as_alice pigpio-regs set 25 ip >/dev/null
check "alice: set 25 ip -> pinctrl sees gpio_in" "$(pin_line 25)" \
	test "$(pin_function 25)" = gpio_in

# --- pulls: the driver's GPPUD sequence -------------------------------------
for p in pu pd pn; do
	out=$(as_alice pigpio-regs set 26 $p 2>&1)
	status=$?
	check "alice: set 26 $p runs the GPPUD sequence (exit 0, GPPUD back to 0)" \
		"exit $status: $out; GPPUD $(reg 0x94)" \
		test "$status/$(reg 0x94)/$(reg 0x98)" = 0/0x00000000/0x00000000
done
say "pulls: QEMU's GPIO model ignores GPPUD/GPPUDCLK and pinctrl cannot read pulls on $EXPECT_SOC: the pull itself is not observable here (the encodings are unit-tested)"

# --- event detection ----------------------------------------------------------
# Enabling detectors needs --force (pinctrl-bcm2835 clears only the events
# of pins whose interrupt a driver requested: docs/cli.md); without it,
# a usage error and nothing enabled.
ren=$(reg 0x4c)
out=$(as_alice pigpio-regs detect 26 rising 2>&1)
status=$?
check "alice: detect 26 rising without --force -> exit 2, GPREN0 untouched" \
	"exit $status: $out; GPREN0 $ren -> $(reg 0x4c)" \
	test "$status/$(reg 0x4c)" = "2/$ren"
as_alice pigpio-regs detect --force 26 rising async-falling >/dev/null
status=$?
ren=$(reg 0x4c)
aren=$(reg 0x88)
check "alice: detect --force 26 rising async-falling exits 0" "exit $status" test $status = 0
if [ "$(bit "$ren" 26)$(bit "$aren" 26)" = 11 ]; then
	pass "alice: detect 26 -> pread sees GPREN0 and GPAFEN0 bit 26"
else
	say "events: GPREN0 reads $ren, GPAFEN0 $aren after detect: QEMU's GPIO model does not keep the event-enable registers"
fi
out=$(as_alice pigpio-regs events 26)
want="GPIO26 detected=$([ "$(bit "$(reg 0x40)" 26)" = 1 ] && echo yes || echo no) enabled=$(
	[ "$(bit "$ren" 26)" = 1 ] && e=rising
	[ "$(bit "$aren" 26)" = 1 ] && e="${e:+$e,}async-falling"
	echo "${e:-none}")"
check "alice: events 26 agrees with GPEDS0/GPREN0/GPAFEN0 read by pread" "got '$out', want '$want'" \
	test "$out" = "$want"
out=$(as_alice pigpio-regs events clear 26 2>&1)
status=$?
check "alice: events clear 26 -> exit 0, pread GPEDS0 bit 26 is 0" "exit $status: $out; GPEDS0 $(reg 0x40)" \
	test "$status/$(bit "$(reg 0x40)" 26)" = 0/0
as_alice pigpio-regs detect 26 none >/dev/null
out=$(as_alice pigpio-regs events 26)
check "alice: detect 26 none -> events 26 shows none enabled" "$out" \
	test "$out" = "GPIO26 detected=no enabled=none"

# --- wait ----------------------------------------------------------------------
as_alice pigpio-regs set 27 op dl >/dev/null
out=$(as_alice pigpio-regs wait 27 high --timeout 200 2>&1)
status=$?
check "alice: wait 27 high --timeout 200 on a low pin: exit 1, message" "exit $status: $out" \
	sh -c 'test "$1" = 1 && echo "$2" | grep -q "did not become high within 200 ms"' - "$status" "$out"
# Deterministic under load: the pin is driven only once the waiter has
# mapped the window (its /proc/PID/maps names the node: it is polling).
# The waiter has no timeout of its own, so no race is left between it and
# the driving process; the hang guard counts 3000 sleeps of 0.1 s.
# Not through the as_alice function: $! must be the CLI itself (a function
# in the background is a subshell, whose maps never name the node: the
# loop below then ran all its 1200 rounds, longer than the 300 s timeout
# the waiter had on the Pi 1, which then failed with the pin high).
waitout=$(mktemp)
setpriv --reuid=alice --regid=alice --init-groups -- pigpio-regs wait 27 1 >"$waitout" 2>&1 &
waiter=$!
tries=0
until grep -q pigpio_regs "/proc/$waiter/maps" 2>/dev/null || [ ! -d "/proc/$waiter" ] || [ $tries -ge 1200 ]; do
	sleep 0.1
	tries=$((tries + 1))
done
as_alice pigpio-regs set 27 dh >/dev/null
(
	n=0
	while [ $n -lt 3000 ] && [ -d "/proc/$waiter" ]; do
		sleep 0.1
		n=$((n + 1))
	done
	kill "$waiter" 2>/dev/null
) &
guard=$!
wait "$waiter"
status=$?
kill "$guard" 2>/dev/null
wait "$guard" 2>/dev/null
out=$(cat "$waitout")
rm -f "$waitout"
check "alice: wait 27 1 returns once another process drives it high" "exit $status: $out; $(pin_line 27)" \
	sh -c 'test "$1" = 0 && echo "$2" | grep -q "^GPIO27 high after [0-9]* ms$"' - "$status" "$out"
as_alice pigpio-regs set 22-27 dl ip >/dev/null

# --- ownership ------------------------------------------------------------------
check "alice can read the live device tree" "$(ls -ld /proc/device-tree/soc 2>&1)" \
	as_alice sh -c 'cat /proc/device-tree/soc/gpio@7e200000/compatible >/dev/null'
# The SD card sits on GPIO 48-53 on BCM2835/6/7; BCM2711's emmc2 has pins
# of its own, and its GPIO 0-1 belong to I2C0 in 6.1 but to an i2c-mux in
# 6.12's device tree: there the console UART's pins are the claimed ones.
if [ "$EXPECT_NGPIO" = 54 ]; then
	claimed="48 ip:mmc@7e202000|14 ip:$uart14|48 dh:mmc@7e202000|0 pu:i2c@7e205000"
else
	claimed="14 ip:$uart14|15 dh:$uart14"
fi
old_ifs=$IFS
IFS='|'
# shellcheck disable=SC2086 # split on '|' on purpose
set -- $claimed
IFS=$old_ifs
for case in "$@"; do
	pin=${case%% *}
	op=${case#* }
	op=${op%%:*}
	owner=${case#*:}
	before=$(pin_line "$pin")
	out=$(as_alice pigpio-regs set "$pin" "$op" 2>&1)
	status=$?
	check "alice: set $pin $op refused: exit 1, names $owner" "exit $status: $out" \
		sh -c 'test "$1" = 1 && echo "$2" | grep -q "GPIO$3 is claimed by the kernel (/soc/$4)" &&
			echo "$2" | grep -q "nothing was written"' - "$status" "$out" "$pin" "$owner"
	check "... and GPIO$pin is unchanged (pinctrl line identical)" "before: $before; after: $(pin_line "$pin")" \
		test "$(pin_line "$pin")" = "$before"
done
if [ "$EXPECT_NGPIO" = 54 ]; then
	out=$(as_alice pigpio-regs owners 48)
	check "alice: owners 48 names the SD host from the device tree" "$out" \
		sh -c 'echo "$1" | grep -q "^GPIO48 devicetree=/soc/mmc@7e202000 gpiolib=-$"' - "$out"
fi
say "owners as alice: $(as_alice pigpio-regs owners 14 | tr '\n' ';')"
say "owners as root (gpiolib line info readable): $(pigpio-regs owners 14,17,48 | tr '\n' ';')"
# A claimed pin whose driver does not use it on QEMU: the PWM pins.
orig=$(as_alice pigpio-regs get 40 | awk '{print $2}')
case $orig in
input) back=ip ;; output) back=op ;; alt*) back=a${orig#alt} ;; *) back=ip ;;
esac
target=op
[ "$orig" = output ] && target=ip
as_alice pigpio-regs set 40 $target >/dev/null 2>&1
check "alice: set 40 $target refused (pwm@7e20c000 claims it)" "$(pin_line 40)" \
	test "$(as_alice pigpio-regs get 40 | awk '{print $2}')" = "$orig"
out=$(as_alice pigpio-regs set 40 $target --force 2>&1)
status=$?
check "alice: set 40 $target --force goes through, with a warning" "exit $status: $out; $(pin_line 40)" \
	sh -c 'test "$1" = 0 && echo "$2" | grep -q "changing it anyway (--force)"' - "$status" "$out"
check "... pinctrl sees GPIO40 changed" "$(pin_line 40)" \
	test "$(as_alice pigpio-regs get 40 | awk '{print $2}')" != "$orig"
as_alice pigpio-regs set 40 "$back" --force >/dev/null 2>&1
check "... and restored to $orig" "$(pin_line 40)" \
	test "$(as_alice pigpio-regs get 40 | awk '{print $2}')" = "$orig"

# --- the race: naive read-modify-write vs the driver's lock ------------------
as_alice fsel_race 100000 >/tmp/race.out 2>&1
race_status=$?
naive=$(sed -n 's/^naive lost \([0-9]*\) of .*/\1/p' /tmp/race.out)
yield=$(sed -n 's/^yield lost \([0-9]*\) of .*/\1/p' /tmp/race.out)
locked=$(sed -n 's/^locked lost \([0-9]*\) of .*/\1/p' /tmp/race.out)
say "fsel_race (2 processes x 100000, pins 20/21 of GPFSEL2, $(nproc) CPUs): $(tr '\n' ';' </tmp/race.out)"
check "fsel_race: through the driver's lock (the library's path) no update is lost (naive lost ${naive:-?}, naive+yield ${yield:-?})" \
	"exit $race_status: $(cat /tmp/race.out)" \
	test "$race_status/$locked" = 0/0
if [ "${naive:-0}" -gt 0 ]; then
	pass "fsel_race: naive read-modify-write through the mapping lost $naive updates"
else
	say "fsel_race: naive read-modify-write lost none in this run: NOT proof that it is safe"
fi
check "fsel_race left pins 20 and 21 as inputs" "$(pin_line 20); $(pin_line 21)" \
	test "$(pin_function 20)/$(pin_function 21)" = gpio_in/gpio_in
