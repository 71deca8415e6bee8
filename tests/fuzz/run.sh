#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/fuzz/run.sh [SECONDS]: fuzz the pigpio-regs command line parser
# (user/cli/args.c) with libFuzzer, AddressSanitizer and UBSan for SECONDS
# (default 60, or PGR_FUZZ_SECONDS), starting from a small seed corpus.
# Installs clang and libclang-rt-14-dev (libFuzzer) from Debian if missing.
# Prints one PASS or FAIL line and "N passed, N failed"; a crash leaves its
# input in build/fuzz/ (replay: build/fuzz/fuzz_args FILE).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/build/fuzz
seconds=${1:-${PGR_FUZZ_SECONDS:-60}}

if ! command -v clang >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q 'ok installed'; then
	echo "tests/fuzz: installing clang libclang-rt-14-dev" >&2
	{ apt-get install -y -q clang libclang-rt-14-dev >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null && apt-get install -y -q clang libclang-rt-14-dev >/dev/null; }; } ||
		{ echo "FAIL fuzz/args: cannot install clang and libclang-rt-14-dev"; echo "0 passed, 1 failed"; exit 1; }
fi

mkdir -p "$out/corpus" "$out/artifacts"
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
seed ops '\005\200op\000a5\000dl\000pu'
seed parse-bank '\000\200bank\0001\0000x3fffff'
seed parse-toggle '\000\200toggle\0004,17-21'

if ! clang -std=c11 -Wall -Wextra -Werror -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I"$top/user/cli" -I"$top/user/include" -I"$top/include/uapi" \
	"$here/fuzz_args.c" "$top/user/cli/args.c" -o "$out/fuzz_args" 2>"$out/build.log"; then
	cat "$out/build.log"
	echo "FAIL fuzz/args: build"
	echo "0 passed, 1 failed"
	exit 1
fi

echo "tests/fuzz: fuzzing user/cli/args.c for $seconds s (log: build/fuzz/fuzz.log)" >&2
"$out/fuzz_args" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
	-artifact_prefix="$out/artifacts/" -print_final_stats=1 \
	"$out/corpus" >"$out/fuzz.log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz.log")
cov=$(grep -o 'cov: [0-9]*' "$out/fuzz.log" | tail -n 1)
if [ $status = 0 ]; then
	echo "PASS fuzz/args: ${runs:-?} inputs in $seconds s, ${cov:-cov: ?}, no crash, no sanitizer report, every check held"
	echo "1 passed, 0 failed"
	exit 0
fi
grep -E 'ERROR|fuzz_args:|SUMMARY|artifact' "$out/fuzz.log" | head -n 10
echo "FAIL fuzz/args: exit $status after ${runs:-?} inputs (inputs in build/fuzz/artifacts/)"
echo "0 passed, 1 failed"
exit 1
