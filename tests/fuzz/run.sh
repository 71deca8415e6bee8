#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/fuzz/run.sh [SECONDS]: fuzz the pigpio-regs command line parser
# (user/cli/args.c) and the device-tree parsing of `explain`
# (user/cli/devtree.c) with libFuzzer, AddressSanitizer and UBSan, for
# SECONDS in all (default 60, or PGR_FUZZ_SECONDS): two thirds to the
# parser, whose verbs and options are most of the code, one third to
# devtree.c, a few small functions whose coverage is complete in seconds.
# Each starts from a small seed corpus; a unit that runs 10 s is a hang,
# and a failure. Installs clang and libclang-rt-14-dev (libFuzzer) from
# Debian if missing. Prints one PASS or FAIL line per target and
# "N passed, N failed"; a crash leaves its input in build/fuzz/artifacts/
# (replay: build/fuzz/fuzz_args FILE, build/fuzz/fuzz_dt FILE).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/build/fuzz
seconds=${1:-${PGR_FUZZ_SECONDS:-60}}
# libFuzzer takes -max_total_time=0 as "no limit": at least 1 s each.
args_seconds=$((seconds * 2 / 3))
[ "$args_seconds" -ge 1 ] || args_seconds=1
dt_seconds=$((seconds - args_seconds))
[ "$dt_seconds" -ge 1 ] || dt_seconds=1

if ! command -v clang >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q 'ok installed'; then
	echo "tests/fuzz: installing clang libclang-rt-14-dev" >&2
	{ apt-get install -y -q clang libclang-rt-14-dev >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null && apt-get install -y -q clang libclang-rt-14-dev >/dev/null; }; } ||
		{ echo "FAIL fuzz/args: cannot install clang and libclang-rt-14-dev"
		  echo "FAIL fuzz/dt: cannot install clang and libclang-rt-14-dev"
		  echo "0 passed, 2 failed"; exit 1; }
fi

mkdir -p "$out/corpus" "$out/corpus-dt" "$out/artifacts"
# Seeds: one per entry point (first byte), then NUL-separated arguments.
# shellcheck disable=SC2059 # the escapes are the point
seed() { printf "$2" >"$out/corpus/$1"; }
seed parse-set '\000\200set\00017\000op\000dh'
seed parse-peek '\000\200--device=/dev/x\000peek\000--syscall\0000x34'
seed parse-blink '\000\200blink\00017\0005\000500'
seed parse-info '\000\200--sysfs\000/sys/x\000info'
seed number '\001\200\000\000\000\000\000\000\000\000\377\377\377\377\377\377\377\3770xFFFFFFFFFFFFFFFF'
seed pin '\002\20018446744073709551616'
seed offset '\003\2000x00b4'
seed pins '\004\2004,17-21,0-3'
seed pins-named '\004\200pin11,BOARD40,j8:27,BCM4,gpio5-6'
seed ops '\006\200op\000a5\000dl\000pu'
seed complete-set '\005\200set\00017\000op\000'
seed complete-option '\005\200--device\000'
seed parse-bank '\000\200bank\0001\0000x3fffff'
seed parse-toggle '\000\200toggle\0004,17-21'
# Run on a simulated block (second byte % 4: bcm2835, bcm2837, bcm2711, rp1).
seed run-set-alt6 '\007\001set\00016\000dh\000alt6'
seed run-set-drive '\007\002set\00017\000op\000d8'
seed run-set-rp1 '\007\003set\0000-27\000no\000pu\000d12\000fast'
seed run-detect '\007\000detect\00017\000rising\000--force'
seed run-detect-rp1 '\007\003detect\000--force\00017\000falling'
seed run-events-clear '\007\003events\000clear\0004,17'
seed run-bank '\007\002bank\000write\0001\0000x03ffffff\0000x1'
seed run-peek '\007\001peek\0000xb0'

# Device-tree seeds (layout in fuzz_dt.c): the bus count (1 + byte % 3),
# then reg, then #address-cells, #size-cells and ranges of each bus and
# of the root, each a length byte (\377 absent) and its bytes.
# shellcheck disable=SC2059 # the escapes are the point
dtseed() { printf "$2" >"$out/corpus-dt/$1"; }
one='\004\000\000\000\001' two='\004\000\000\000\002' absent='\377'
reg='\010\176\040\000\000\000\000\000\264'	# <0x7e200000 0xb4>
# Pi 1-3: /soc ranges = <0x7e000000 0x3f000000 0x01000000>
dtseed pi3 "\000$reg$one$one\014\176\000\000\000\077\000\000\000\001\000\000\000$one$one$absent"
# The old hang: ranges of 10 bytes, not whole 1+1+1-cell entries.
dtseed ranges-10-bytes "\000$reg$one$one\012\176\000\000\000\077\000\000\000\001\002$one$one$absent"
# Cell counts of 0, which also once spun.
dtseed zero-cells "\000$reg\004\000\000\000\000\004\000\000\000\000\014\176\000\000\000\077\000\000\000\001\000\000\000\004\000\000\000\000$one$absent"
# Pi 4: a 2-cell root, ranges = <0x7e000000 0x0 0xfe000000 0x01800000>
dtseed pi4 "\000$reg$one$one\020\176\000\000\000\000\000\000\000\376\000\000\000\001\200\000\000$two$one$absent"
# Two buses: identity-like ranges, then an empty ranges (pass through).
dtseed two-buses "\001$reg$one$one\014\176\000\000\000\176\000\000\000\001\000\000\000$one$one\000$one$one$absent"
# No cell properties (defaults 2 and 1): 2+2+1-cell entries, two of them.
dtseed defaults "\000\014\000\000\000\000\176\040\000\000\000\000\000\264$absent$absent\050\000\000\000\000\100\000\000\000\000\000\000\000\000\000\000\000\001\000\000\000\000\000\000\000\176\000\000\000\000\000\000\000\077\000\000\000\001\000\000\000$absent$absent$absent"
# A 3-cell bus (as PCI), and a parent address near the top of 64 bits.
dtseed three-cells "\000\020\000\000\000\001\000\000\000\000\176\040\000\000\000\000\000\264\004\000\000\000\003$one\030\000\000\000\001\000\000\000\000\176\000\000\000\377\377\377\377\377\000\000\000\001\000\000\000$two$one$absent"
# Translations that do not fit, once printed wrapped: past 64 bits
# (parent 0xfffffffffff00000), past a 1-cell parent (parent 0xfff00000),
# and an offset of 4 GiB or more from a 2-cell bus to a 1-cell parent.
dtseed wrap-64 "\000$reg$one$one\020\176\000\000\000\377\377\377\377\377\360\000\000\001\000\000\000$two$one$absent"
dtseed wrap-32 "\000$reg$one$one\014\176\000\000\000\377\360\000\000\001\000\000\000$one$one$absent"
dtseed wide-bus-4g "\000\020\000\000\000\001\176\040\000\000\000\000\000\000\000\000\000\264$two$two\024\000\000\000\000\000\000\000\000\077\000\000\000\000\000\000\002\000\000\000\000$one$one$absent"

passed=0
failed=0

# fuzz NAME SECONDS CORPUS SOURCES...: build fuzz_NAME and run it for
# SECONDS; one PASS or FAIL line.
fuzz() {
	local name=$1 secs=$2 corpus=$3 status runs cov log
	shift 3
	log=$out/fuzz-$name.log
	[ "$name" = args ] && log=$out/fuzz.log
	if ! clang -std=c11 -Wall -Wextra -Werror -g -O1 \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-I"$top/user/cli" -I"$top/user/include" -I"$top/user/lib" -I"$top/include/uapi" \
		"$@" -o "$out/fuzz_$name" 2>"$out/build-$name.log"; then
		cat "$out/build-$name.log"
		echo "FAIL fuzz/$name: build"
		failed=$((failed + 1))
		return
	fi
	echo "tests/fuzz: fuzzing $name for $secs s (log: ${log#"$top/"})" >&2
	"$out/fuzz_$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
		-artifact_prefix="$out/artifacts/$name-" -print_final_stats=1 \
		"$corpus" >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ $status = 0 ]; then
		echo "PASS fuzz/$name: ${runs:-?} inputs in $secs s, ${cov:-cov: ?}, no crash, no hang, no sanitizer report, every check held"
		passed=$((passed + 1))
		return
	fi
	grep -E 'ERROR|ALARM|fuzz_[a-z]*:|SUMMARY|artifact' "$log" | head -n 10
	echo "FAIL fuzz/$name: exit $status after ${runs:-?} inputs (inputs in build/fuzz/artifacts/$name-*)"
	failed=$((failed + 1))
}

# The parser, completion, and (to run commands on simulated blocks) the
# verbs and the library they drive.
fuzz args "$args_seconds" "$out/corpus" "$here/fuzz_args.c" "$top/user/cli/args.c" \
	"$top/user/cli/complete.c" "$top/user/cli/verbs.c" "$top/user/cli/explain.c" \
	"$top/user/cli/devtree.c" "$top/user/cli/linenames.c" "$top/user/cli/poll.c" \
	"$top"/user/lib/*.c
fuzz dt "$dt_seconds" "$out/corpus-dt" "$here/fuzz_dt.c" "$top/user/cli/devtree.c"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
