# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: `pigpio-regs bench --quick` keeps working. As root every
# row can be measured; as alice (group gpio, no other privilege) rows 1-4
# and 7a must be, the others may say "not available". The figures are shown
# in the log (say lines) and never judged: an emulator's speed means
# nothing, and a busy host slows it. The full run is bench-full.sh
# (scripts/bench.sh).

# bench_complete CSV: the table has its 11 rows, each a figure or a reason.
bench_complete() {
	awk -F, '/^#/ || /^id,/ { next }
		$7 == "ok" && $4 ~ /^[0-9.]+$/ { seen[$1] = 1; next }
		$7 ~ /^not available: ./ && $4 == "" { seen[$1] = 1; next }
		{ bad = 1 }
		END {
			n = split("1 2 2h 3 3h 4 5 6 7a 7b 7c", ids, " ")
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

# bench_say FILE: the output in the log, as the host shows it.
bench_say() {
	while IFS= read -r _line; do
		say "bench| $_line"
	done <"$1"
}

rm -f /tmp/bench-root.csv /tmp/bench-alice.csv
bench_before=$(pin_function "$PIN")
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
pigpio-regs bench --quick $bench_force --csv /tmp/bench-root.csv >/tmp/bench-root.out 2>&1
status=$?
bench_say /tmp/bench-root.out
check "root: bench --quick ran and printed a complete table" \
	"exit $status: $(tail -n 3 /tmp/bench-root.out)" \
	sh -c "test $status = 0 && grep -q '^7c ' /tmp/bench-root.out"
check "root: bench --quick CSV has every row, a figure or a reason" \
	"$(tail -n 9 /tmp/bench-root.csv 2>&1)" bench_complete /tmp/bench-root.csv

as_alice pigpio-regs bench --quick $bench_force --reps 1 --csv /tmp/bench-alice.csv \
	>/tmp/bench-alice.out 2>&1
status=$?
bench_say /tmp/bench-alice.out
check "alice: bench --quick ran, complete table" "exit $status: $(tail -n 3 /tmp/bench-alice.out)" \
	sh -c "test $status = 0 && grep -q '^7c ' /tmp/bench-alice.out"
check "alice: rows 1-4 (with the handles 2h, 3h) and 7a need no privilege" \
	"$(grep -E '^(1|2|2h|3|3h|4|7a),' /tmp/bench-alice.csv 2>&1)" \
	bench_measured /tmp/bench-alice.csv 1 2 2h 3 3h 4 7a
# On the driver, pgr_chip_open() learns everything with one ioctl: open, INFO,
# mmap, and the first read is a load (the sysfs path took 24 calls).
calls=$(sed -n 's/^setup 7a made \([0-9]*\) system calls.*/\1/p' /tmp/bench-alice.out)
check "alice: pgr_chip_open() + first read make at most 4 system calls (counted: ${calls:-none})" \
	"$(grep '^setup 7a' /tmp/bench-alice.out)" \
	test "${calls:-99}" -le 4
check "bench gave GPIO$PIN its function back ($bench_before) and left it low" \
	"$(pin_line "$PIN")" \
	test "$(pin_function "$PIN")/$(pin_level "$PIN")" = "$bench_before/lo"
