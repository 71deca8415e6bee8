# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# The 'sh -c' scripts below expand their own $1, $2... on purpose:
# shellcheck disable=SC2016
# pigpio-regs poll (issue 27) on the emulated board. Sourced by suite.sh
# with the module loaded; leaves it loaded and pin 23 an input, low.
#
# What QEMU can show: its raspi GPIO model keeps GPLEV (an input reads the
# last level stored in GPSET/GPCLR) but implements no event detection and
# raises no GPIO interrupt, so a line request for edges is granted and no
# edge event ever comes. So the kernel's path is tested for what it does
# here (the request through /dev/gpiochipN, the line listed as requested
# while poll runs, released after, the pin unchanged, the end on
# --timeout), and the edges by the sampling fallback, which another
# process's stores really drive. Every wait is on the poller's own output
# (hang guard 3000 x 0.1 s), never on a sleep.

P=23
edge_re="^GPIO$P (rising|falling) [0-9]+\.[0-9]{9} \+[0-9]+\.[0-9]{6}\$"
pout=$(mktemp)
perr=$(mktemp)

# until_in FILE PATTERN: wait for an extended regex in FILE
until_in() {
	_n=0
	while ! grep -Eq "$2" "$1" 2>/dev/null && [ $_n -lt 3000 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	grep -Eq "$2" "$1" 2>/dev/null
}
# reap PID: its exit status once it ends (killed after the hang guard)
reap() {
	_n=0
	while [ -d "/proc/$1" ] && [ $_n -lt 3000 ]; do
		if ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; then
			sleep 0.1
		else
			break
		fi
		_n=$((_n + 1))
	done
	kill "$1" 2>/dev/null
	wait "$1"
}
# requested: whether the kernel lists a line requested by poll
requested() { grep -q 'pigpio-regs poll' /sys/kernel/debug/gpio 2>/dev/null; }
chip=$(gpiodetect 2>/dev/null | sed -n 's/^\(gpiochip[0-9]*\) \[pinctrl-\(bcm2835\|bcm2711\|rp1\)\].*/\1/p' | head -n 1)

# --- as alice without the optional rule: said, and sampled ----------------
# An output driven by another process: the poller sees both edges.
as_alice pigpio-regs set $P op dl >/dev/null
setpriv --reuid=alice --regid=alice --init-groups -- \
	pigpio-regs poll $P --count 2 >"$pout" 2>"$perr" &
poller=$!
ok=1
until_in "$perr" 'sampling the levels of GPIO23 every 1 ms' || ok=0
as_alice pigpio-regs set $P dh >/dev/null
until_in "$pout" "^GPIO$P rising " || ok=0
as_alice pigpio-regs set $P dl >/dev/null
reap $poller
status=$?
check "alice: poll $P --count 2 samples two edges another process makes (rising, falling, times, gaps)" \
	"ok $ok, exit $status: $(tr '\n' '|' <"$pout" "$perr")" \
	sh -c 'test "$1/$2/$(grep -Ec "$3" "$4")/$(cut -d" " -f2 "$4" | tr "\n" " ")" = "1/0/2/rising falling "' - "$ok" "$status" "$edge_re" "$pout"
check "alice: poll says why it samples (output pin) and that it samples" "$(tr '\n' '|' <"$perr")" \
	sh -c 'grep -q "GPIO23 is output, not an input" "$1" && grep -q "so sampling instead" "$1"' - "$perr"
check "alice: poll left GPIO$P an output, low" "$(pin_line $P)" \
	test "$(pin_function $P)/$(pin_level $P)" = gpio_out/lo

# An input, and the chip node as Debian leaves it (root:root 0600; an
# earlier part may have given it to group gpio, which udev keeps once the
# rule is gone): alice may not open it, and the message names the rule.
# Then as the optional rule makes it (root:gpio 0660): the kernel's path.
if [ -n "$chip" ]; then
	node_was=$(stat -c '%g %a' "/dev/$chip")
	chgrp root "/dev/$chip"
	chmod 0600 "/dev/$chip"
fi
as_alice pigpio-regs set $P ip >/dev/null
out=$(as_alice pigpio-regs poll $P --timeout 200 2>&1)
status=$?
check "alice: poll on an input without access to /dev/${chip:-gpiochip?} names the udev rule, samples, exit 0" \
	"exit $status: $out" \
	sh -c 'test "$1" = 0 && echo "$2" | grep -q "is not accessible to you.*62-pigpio-gpiochip.rules" && echo "$2" | grep -q "sampling the levels"' - "$status" "$out"
if [ -n "$chip" ]; then
	chgrp gpio "/dev/$chip"
	chmod 0660 "/dev/$chip"
	out=$(as_alice pigpio-regs poll $P --timeout 200 2>&1)
	status=$?
	check "alice: with /dev/$chip root:gpio 0660 (the optional rule) poll takes the kernel's edges" \
		"exit $status: $out" \
		sh -c 'test "$1" = 0 && echo "$2" | grep -q "from the kernel.s interrupt through /dev/$3" && ! echo "$2" | grep -q sampling' - "$status" "$out" "$chip"
	chgrp "${node_was% *}" "/dev/$chip"
	chmod "${node_was#* }" "/dev/$chip"
fi

# Ctrl-C and SIGTERM: 128+N, said.
setpriv --reuid=alice --regid=alice --init-groups -- \
	pigpio-regs poll $P >"$pout" 2>"$perr" &
poller=$!
until_in "$perr" 'sampling the levels|kernel.s interrupt' || true
kill -TERM $poller
reap $poller
status=$?
check "alice: SIGTERM ends poll with 143, said" "exit $status: $(tr '\n' '|' <"$perr")" \
	sh -c 'test "$1" = 143 && grep -q "stopped by SIGTERM after 0 edges" "$2"' - "$status" "$perr"

# --- as root: the kernel's line request ------------------------------------
if [ -z "$chip" ]; then
	fail "poll: the SoC's GPIO chip" "gpiodetect lists no pinctrl-bcm2835/2711/rp1 chip: $(gpiodetect 2>&1 | tr '\n' '|')"
else
	as_alice pigpio-regs set $P dl ip >/dev/null
	pigpio-regs poll $P --timeout 3000 >"$pout" 2>"$perr" &
	poller=$!
	ok=1
	until_in "$perr" "from the kernel's interrupt through /dev/$chip" || ok=0
	held=no
	requested && held=yes
	# A level change as another process makes it: QEMU raises no
	# interrupt for it (said below with what came).
	as_alice pigpio-regs set $P dh >/dev/null
	reap $poller
	status=$?
	released=yes
	requested && released=no
	check "root: poll $P asks /dev/$chip for both edges of an input (listed as requested while it runs), ends on --timeout with exit 0 and releases it" \
		"ok $ok, exit $status, held $held, released $released: $(tr '\n' '|' <"$perr"); $(grep 'gpio-'$P' ' /sys/kernel/debug/gpio)" \
		test "$ok/$status/$held/$released" = 1/0/yes/yes
	check "root: poll left GPIO$P an input (the release changed nothing)" "$(pin_line $P)" \
		test "$(pin_function $P)" = gpio_in
	n=$(grep -Ec "$edge_re" "$pout")
	say "poll through the kernel on QEMU: $n edge events for a level stored by another process ($(tr '\n' ' ' <"$pout")); QEMU's GPIO model raises no edge interrupt, so the kernel's time stamps are not exercised here"
	check "root: every line poll printed is an edge with its time and gap" "$(cat "$pout")" \
		test "$(wc -l <"$pout")" = "$n"

	# An output: a line request would make it an input, so poll samples.
	as_alice pigpio-regs set $P op dl >/dev/null
	out=$(pigpio-regs poll $P --timeout 200 2>&1)
	status=$?
	check "root: poll on an output samples instead of requesting the line, pin unchanged" \
		"exit $status: $out; $(pin_line $P)" \
		sh -c 'test "$1/$3" = 0/gpio_out && echo "$2" | grep -q "GPIO23 is output, not an input" && echo "$2" | grep -q "sampling the levels"' - "$status" "$out" "$(pin_function $P)"
fi

# --- line names (gpio-line-names of the board's device tree) -----------------
# The first name that is one line's and none of the CLI's own spellings
# (GPIO17 would mean GPIO17 anyway): "INDEX NAME", or nothing.
named=$(gpio_line_names | awk '{ n[NR - 1] = $0; c[$0]++ }
	END { for (i = 0; i < NR; i++)
		if (n[i] != "" && c[n[i]] == 1 && n[i] !~ /^([Gg][Pp][Ii][Oo]|[Bb][Cc][Mm])[0-9]+$/ &&
		    n[i] !~ / /) { print i, n[i]; exit } }')
lpin=${named%% *}
lname=${named#* }
say "line names: the device tree has $(gpio_line_names | grep -c .) names; tested: GPIO${lpin:-?} '${lname:-}'"
if [ -n "$named" ]; then
	out=$(as_alice pigpio-regs get "$lname" 2>&1)
	check "alice: get $lname (the device tree's name of GPIO$lpin)" "$out" \
		sh -c 'echo "$1" | grep -q "^GPIO$2 "' - "$out" "$lpin"
	out=$(as_alice pigpio-regs get --json "$lname" 2>&1)
	check "alice: get --json $lname prints the line name" "$out" \
		sh -c 'echo "$1" | grep -qF "{\"pin\":$3," && echo "$1" | grep -qF "\"line\":\"$2\""' - "$out" "$lname" "$lpin"
	out=$(as_alice pigpio-regs get "$lpin,$lname,$P" 2>&1)
	check "alice: get's table has the LINE column" "$out" \
		sh -c 'echo "$1" | head -n 1 | grep -q " LINE " && echo "$1" | grep -Eq "^$3 .* $2 " && test "$(echo "$1" | wc -l)" = 3' - "$out" "$lname" "$lpin"
fi
as_alice pigpio-regs set $P dl ip >/dev/null
rm -f "$pout" "$perr"
