#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The full benchmark, a guest job of its own (scripts/bench.sh runs it:
# scripts/guest/run.sh BOARD bench-full). As root every row; as alice the
# rows that need no privilege. Each table and CSV goes to the console as
# "PGR-CAP bench-{root,alice}-{table,csv}|LINE" for the host to pull out.
. /pigpio/lib.sh
KO=/pigpio/pigpio_regs.ko

# bench_run WHO CSV ARGS...: run the benchmark, print table and CSV.
bench_run() {
	_who=$1 _csv=$2
	shift 2
	"$@" --csv "$_csv" >"/tmp/bench-$_who.out" 2>&1
	_status=$?
	sed "s/^/PGR-CAP bench-$_who-table|/" "/tmp/bench-$_who.out"
	sed "s/^/PGR-CAP bench-$_who-csv|/" "$_csv" 2>/dev/null
	check "bench as $_who ran to the end" \
		"exit $_status: $(tail -n 3 "/tmp/bench-$_who.out")" \
		test "$_status" = 0
}

# The boot loads the packaged module (udev, the node's alias); load this
# build's only if nobody has, and unload at the end only what was loaded here.
loaded_here=no
if [ ! -e /dev/pigpio_regs ]; then
	result=$(load_module $KO)
	check "module loads from the device tree" "finit_module: $result" \
		test "$result" = ok
	loaded_here=yes
fi
udev_settled
say "bench-full: $(uname -r) on $BOARD; QEMU: see host"
# A pin of 17-24 the device tree claims (the A+'s hog on 20): forced, as in
# bench.sh; in the emulator that harms nothing.
force=
as_alice pigpio-regs owners 17-24 2>/dev/null | grep '^GPIO' |
	grep -qv 'devicetree=- gpiolib=-$' && force=--force
bench_run root /tmp/bench-root.csv pigpio-regs-bench $force
bench_run alice /tmp/bench-alice.csv as_alice pigpio-regs-bench $force
[ "$loaded_here" = no ] || rmmod pigpio_regs
