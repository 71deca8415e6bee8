# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: `pigpio-regs-bench --quick` keeps working. As root every
# row can be measured; as alice (group gpio, no other privilege) rows 1-4
# and 7a must be, the others may say "not available". The figures are shown
# in the log (say lines) and never judged: an emulator's speed means
# nothing, and a busy host slows it. Rows 2, 2h, 3 and 3h are measured in
# paired rounds against row 1: only that each has its median ratio, IQR
# and verdict ("too wide" or not) is checked, never the figure. The full run is bench-full.sh
# (scripts/bench.sh).

# bench_complete CSV: the table has its 13 rows, each a figure or a reason.
bench_complete() {
	awk -F, '/^#/ || /^id,/ { next }
		$7 == "ok" && $4 ~ /^[0-9.]+$/ { seen[$1] = 1; next }
		$7 ~ /^not available: ./ && $4 == "" { seen[$1] = 1; next }
		{ bad = 1 }
		END {
			n = split("1 2 2h 3 3h 4 5 6 7a 7b 7c 8a 8b", ids, " ")
			for (i = 1; i <= n; i++) if (!seen[ids[i]]) bad = 1
			exit bad
		}' "$1"
}

# bench_measured CSV ID...: each row has a figure.
bench_measured() {
	_csv=$1
	shift
	for _id in "$@"; do
		grep -q "^$_id,.*,ok\$" "$_csv" || return 1
	done
}

# bench_paired OUT CSV: rows 2, 2h, 3, 3h each have their paired line in
# the table ("    paired ID: 0.99x (IQR 0.97-1.01, 11 rounds)...") and in
# the CSV ("# paired: ID,median,q1,q3,rounds,ok|too wide").
bench_paired() {
	for _id in 2 2h 3 3h; do
		grep -Eq "^    paired $_id: [0-9.]+x \(IQR [0-9.]+-[0-9.]+, [0-9]+ rounds?\)" "$1" ||
			return 1
		grep -Eq "^# paired: $_id,[0-9.]+,[0-9.]+,[0-9.]+,[0-9]+,(ok|too wide)\$" "$2" ||
			return 1
	done
}

# bench_say FILE: the output in the log, as the host shows it.
bench_say() {
	while IFS= read -r _line; do
		say "bench| $_line"
	done <"$1"
}

rm -f /tmp/bench-root.csv /tmp/bench-alice.csv
bench_before=$(pin_function "$PIN")/$(pin_level "$PIN")
# The bank row drives GPIO 17-24. Where the board's device tree claims one
# of them (a pinctrl hog on GPIO 20 on the emulated A+), the guard refuses
# and the benchmark says so; in the emulator forcing it harms nothing.
bench_force=
bench_claimed=$(as_alice pigpio-regs owners 17-24 2>/dev/null |
	grep '^GPIO' | grep -v 'devicetree=- gpiolib=-$')
if [ -n "$bench_claimed" ]; then
	bench_force=--force
	say "bench: claimed among GPIO 17-24 here: $(echo "$bench_claimed" | tr '\n' ';') so --force"
fi
pigpio-regs-bench --quick $bench_force --csv /tmp/bench-root.csv >/tmp/bench-root.out 2>&1
status=$?
bench_say /tmp/bench-root.out
check "root: bench --quick ran and printed a complete table" \
	"exit $status: $(tail -n 3 /tmp/bench-root.out)" \
	sh -c "test $status = 0 && grep -q '^7c ' /tmp/bench-root.out"
check "root: bench --quick CSV has every row, a figure or a reason" \
	"$(tail -n 9 /tmp/bench-root.csv 2>&1)" bench_complete /tmp/bench-root.csv
check "root: rows 2, 2h, 3, 3h have a paired median ratio with its IQR and verdict" \
	"$(grep -E '^( *paired|# paired)' /tmp/bench-root.out /tmp/bench-root.csv 2>&1)" \
	bench_paired /tmp/bench-root.out /tmp/bench-root.csv

as_alice pigpio-regs-bench --quick $bench_force --csv /tmp/bench-alice.csv \
	>/tmp/bench-alice.out 2>&1
status=$?
bench_say /tmp/bench-alice.out
check "alice: bench --quick ran, complete table" "exit $status: $(tail -n 3 /tmp/bench-alice.out)" \
	sh -c "test $status = 0 && grep -q '^7c ' /tmp/bench-alice.out"
check "alice: rows 1-4 (with the handles 2h, 3h) and 7a need no privilege" \
	"$(grep -E '^(1|2|2h|3|3h|4|7a),' /tmp/bench-alice.csv 2>&1)" \
	bench_measured /tmp/bench-alice.csv 1 2 2h 3 3h 4 7a
# The system timer against clock_gettime(), side by side in one run.
check "alice: rows 8a (system timer) and 8b (CLOCK_MONOTONIC) measured" \
	"$(grep -E '^8[ab],' /tmp/bench-alice.csv 2>&1)" \
	bench_measured /tmp/bench-alice.csv 8a 8b
say "bench: timer read vs clock_gettime: $(sed -n 's/^8a,.*,reads\/s,\([0-9.]*\),,\([0-9.]*\),ok$/\1 reads\/s, \2x CLOCK_MONOTONIC/p' /tmp/bench-alice.csv)"
check "alice: rows 2, 2h, 3, 3h have a paired median ratio with its IQR and verdict" \
	"$(grep -E '^( *paired|# paired)' /tmp/bench-alice.out /tmp/bench-alice.csv 2>&1)" \
	bench_paired /tmp/bench-alice.out /tmp/bench-alice.csv
# On the driver, pgr_chip_open() learns everything with one ioctl: open, INFO,
# mmap, and the first read is a load (the sysfs path took 24 calls).
calls=$(sed -n 's/^setup 7a made \([0-9]*\) system calls.*/\1/p' /tmp/bench-alice.out)
check "alice: pgr_chip_open() + first read make at most 4 system calls (counted: ${calls:-none})" \
	"$(grep '^setup 7a' /tmp/bench-alice.out)" \
	test "${calls:-99}" -le 4
check "bench gave GPIO$PIN its function and level back ($bench_before)" \
	"$(pin_line "$PIN")" \
	test "$(pin_function "$PIN")/$(pin_level "$PIN")" = "$bench_before"

# bench_pins_state: function/level of GPIO 17-24, in pinctrl's view.
bench_pins_state() {
	for _p in 17 18 19 20 21 22 23 24; do
		printf '%s:%s/%s ' "$_p" "$(pin_function "$_p")" "$(pin_level "$_p")"
	done
}

# bench_stop WHO SIGNAL STATUS READY_TEST: start a long run, wait until
# READY_TEST holds (at most 60 s), send SIGNAL, and check what it left:
# exit STATUS (128 + the signal), GPIO 17-24 as they were (functions and
# levels), no table.
bench_stop() {
	_before=$(bench_pins_state)
	# Not through the as_alice function: $! must be the benchmark itself
	# (setpriv execs it), not a subshell.
	if [ "$1" = alice ]; then
		setpriv --reuid=alice --regid=alice --init-groups -- \
			pigpio-regs-bench --quick --reps 100 $bench_force >/tmp/bench-stop.out 2>&1 &
	else
		pigpio-regs-bench --quick --reps 100 $bench_force >/tmp/bench-stop.out 2>&1 &
	fi
	_pid=$!
	_i=0
	while ! $4 && [ $_i -lt 600 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	_ready=$_i
	kill -"$2" $_pid
	wait $_pid
	_status=$?
	_after=$(bench_pins_state)
	check "$1: SIG$2 during bench (after ${_ready}00 ms): exit $3, GPIO 17-24 as found" \
		"exit $_status; before: $_before; after: $_after; $(tail -n 2 /tmp/bench-stop.out)" \
		sh -c "test $_status = $3 && test '$_before' = '$_after' &&
			! grep -q '^goal' /tmp/bench-stop.out &&
			grep -q 'stopped by SIG$2; GPIO17-24 have their functions and levels back' /tmp/bench-stop.out"
}
bench_outputs() { test "$(pin_function 18)" = gpio_out; }
# Not the defaults, so that "as found" means something: 17 an output
# driven high, 18 an input.
pigpio-regs set 17 output high $bench_force >/dev/null 2>&1
pigpio-regs set 18 input $bench_force >/dev/null 2>&1
# SIGTERM and SIGHUP here: a command started with & by this
# non-interactive shell inherits SIGINT ignored, and the benchmark keeps an
# ignored signal ignored (as blink does); the host tests send SIGINT.
bench_stop alice TERM 143 bench_outputs
# As root in the sysfs row: the exported GPIO is unexported too.
if grep -q '^6,.*,ok$' /tmp/bench-root.csv 2>/dev/null; then
	bench_exported() { ls -d /sys/class/gpio/gpio[0-9]* >/dev/null 2>&1; }
	bench_stop root HUP 129 bench_exported
	check "root: no GPIO left exported in /sys/class/gpio after SIGHUP" \
		"$(ls -d /sys/class/gpio/gpio[0-9]* 2>&1)" \
		sh -c '! ls -d /sys/class/gpio/gpio[0-9]* >/dev/null 2>&1'
else
	say "bench: the sysfs row is not available here ($(grep '^6,' /tmp/bench-root.csv)), so no stop inside it"
fi
pigpio-regs set 17 input low >/dev/null 2>&1
