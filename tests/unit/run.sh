#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The host unit tests: the single entry point.
#
#   1. builds the library and CLI (make -C user) into build/host/user,
#   2. builds them again with AddressSanitizer and UBSan into
#      build/host/asan, with the C tests (test_regs, test_chip, test_rp1,
#      test_args, test_owners, test_soc, test_timer; test_bench: the benchmark's statistics),
#   3. runs the C tests (sanitized), test_threads under ThreadSanitizer
#      (build/host/tsan-model: the library with the test's register model),
#      test_cli.sh and test_selftest.sh (normal build;
#      the latter with its model, selftest_sim, in build/host),
#   4. checks libpigpioregs(3) against pigpioregs.h (test_man.sh),
#   5. prints every suite's PASS/FAIL lines and one final line
#      "N passed, N failed"; exits 1 if anything failed.
#
# Environment: CC (default cc), MAKE (default make).
#
# tests/unit/run.sh --package DIR CLI: the Debian package build's test
# (debian/rules, dh_auto_test): the same C tests, test_cli.sh,
# test_selftest.sh and test_man.sh, but built with the CFLAGS, CPPFLAGS
# and LDFLAGS of the environment (Debian's, hardening included), without
# -Werror, into DIR, with test_cli.sh and test_selftest.sh run on CLI (the
# CLI the package ships). Left out there (docs/packaging.md): the
# sanitizer builds (instrumented copies of the code, not what is shipped;
# LeakSanitizer needs ptrace and ThreadSanitizer a memory layout that
# build machines' kernels need not give) and the lab step (the boards'
# cross compilers). test_threads then runs without ThreadSanitizer, on
# the library built with its register model.

set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
CC=${CC:-cc}
MAKE=${MAKE:-make}

PACKAGE=0
if [ "${1:-}" = --package ]; then
	PACKAGE=1
	ROOT=${2:?usage: run.sh [--package DIR CLI]}
	PKG_CLI=${3:?usage: run.sh [--package DIR CLI]}
fi

if [ $PACKAGE = 1 ]; then
	BUILD=$ROOT/user
	# The C tests link the plain library of BUILD: no sanitizers here.
	ASAN=$ROOT/user
	read -r -a TEST_CFLAGS <<<"-std=c11 -Wall -Wextra ${CPPFLAGS:-} ${CFLAGS:-} ${LDFLAGS:-}"
	# The CLI tested is the package's: only what the tests link is built.
	MAKE_ARGS=(WERROR= lib bench)
	SIM_CFLAGS=("${TEST_CFLAGS[@]}")
else
	BUILD=$TOP/build/host/user
	ASAN=$TOP/build/host/asan
	SAN=("-fsanitize=address,undefined" -fno-sanitize-recover=all -fno-omit-frame-pointer)
	SAN_FLAGS="${SAN[*]}"
	TEST_CFLAGS=(-std=c11 -Wall -Wextra -Werror -O1 -g "${SAN[@]}")
	MAKE_ARGS=(all bench)
	SIM_CFLAGS=(-std=c11 -Wall -Wextra -Werror -O2)
fi
TEST_INCLUDES=(-I"$TOP/user/include" -I"$TOP/user/lib" -I"$TOP/user/cli"
	-I"$TOP/include/uapi")

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0
failed=0
LOG=$(mktemp "${TMPDIR:-/tmp}/pgr-run-XXXXXX")
trap 'rm -f "$LOG"' EXIT

# count_lines FILE: add its PASS/FAIL lines to the totals
count_lines() {
	local p f
	p=$(grep -c '^PASS ' "$1")
	f=$(grep -c '^FAIL ' "$1")
	passed=$((passed + p))
	failed=$((failed + f))
}

# step NAME COMMAND...: a build step is a test too; its output only on failure
step() {
	local name=$1
	shift
	if "$@" > "$LOG" 2>&1; then
		echo "PASS $name"
		passed=$((passed + 1))
		return 0
	fi
	echo "FAIL $name: $*"
	sed 's/^/    /' "$LOG" | tail -n 40
	failed=$((failed + 1))
	return 1
}

# suite NAME COMMAND...: run a test program, echo and count its lines; a
# crash or nonzero exit without a FAIL line is a failure of its own
suite() {
	local name=$1 rc
	shift
	# A hang guard, far above any suite's time on a loaded host: a test
	# that hangs fails here instead of stopping the whole test command.
	timeout 900 "$@" > "$LOG"
	rc=$?
	cat "$LOG"
	count_lines "$LOG"
	if [ $rc -eq 124 ]; then
		echo "FAIL $name: still running after 900 s, stopped (a hang)"
		failed=$((failed + 1))
	elif [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$LOG"; then
		echo "FAIL $name: exited with status $rc"
		failed=$((failed + 1))
	fi
}

build_test() {
	local name=$1
	shift
	"$CC" "${TEST_CFLAGS[@]}" "${TEST_INCLUDES[@]}" "$HERE/$name.c" "$@" \
		"$ASAN/libpigpioregs.a" -o "$ASAN/$name"
}

step build/user "$MAKE" -C "$TOP/user" BUILD="$BUILD" CC="$CC" "${MAKE_ARGS[@]}"
build_ok=$?
if [ $PACKAGE = 1 ]; then
	asan_ok=$build_ok
else
	step build/user-sanitized "$MAKE" -C "$TOP/user" BUILD="$ASAN" CC="$CC" \
		CFLAGS="-O1 -g $SAN_FLAGS" LDFLAGS="$SAN_FLAGS"
	asan_ok=$?
fi

if [ $asan_ok -eq 0 ]; then
	step build/test_regs build_test test_regs &&
		suite test_regs "$ASAN/test_regs"
	step build/test_chip build_test test_chip &&
		suite test_chip "$ASAN/test_chip"
	step build/test_rp1 build_test test_rp1 &&
		suite test_rp1 "$ASAN/test_rp1"
	step build/test_args build_test test_args "$TOP/user/cli/args.c" \
		"$TOP/user/cli/linenames.c" &&
		suite test_args "$ASAN/test_args"
	step build/test_complete build_test test_complete "$TOP/user/cli/args.c" \
		"$TOP/user/cli/complete.c" "$TOP/user/cli/linenames.c" &&
		suite test_complete "$ASAN/test_complete"
	step build/test_poll build_test test_poll "$TOP/user/cli/poll.c" \
		"$TOP/user/cli/verbs.c" "$TOP/user/cli/explain.c" "$TOP/user/cli/devtree.c" \
		"$TOP/user/cli/linenames.c" && suite test_poll "$ASAN/test_poll"
	step build/test_owners build_test test_owners &&
		suite test_owners "$ASAN/test_owners"
	step build/test_soc build_test test_soc &&
		suite test_soc "$ASAN/test_soc"
	step build/test_timer build_test test_timer -lpthread &&
		suite test_timer "$ASAN/test_timer"
fi
# The benchmark's paired-round statistics (tools/bench/paired.c): no library.
step build/test_bench "$CC" "${TEST_CFLAGS[@]}" -I"$TOP/tools/bench" \
	"$HERE/test_bench.c" "$TOP/tools/bench/paired.c" -lm -o "$ASAN/test_bench" &&
	suite test_bench "$ASAN/test_bench"
# The library once more under ThreadSanitizer, for the threads test, with
# its register accesses going to the test's model of the chip
# (PGR_TEST_REGISTER_MODEL, user/lib/regs.h; a directory of its own, so no
# object built without it is reused). For the package: the model without
# ThreadSanitizer, with the package's flags.
if [ $PACKAGE = 1 ]; then
	TSAN=$ROOT/model
	step build/user-model "$MAKE" -C "$TOP/user" BUILD="$TSAN" CC="$CC" WERROR= \
		CPPFLAGS="${CPPFLAGS:-} -DPGR_TEST_REGISTER_MODEL" lib &&
		step build/test_threads "$CC" "${TEST_CFLAGS[@]}" -DPGR_TEST_REGISTER_MODEL \
			"${TEST_INCLUDES[@]}" "$HERE/test_threads.c" "$TSAN/libpigpioregs.a" \
			-lpthread -o "$TSAN/test_threads" &&
		suite test_threads "$TSAN/test_threads"
else
	TSAN=$TOP/build/host/tsan-model
	step build/user-tsan "$MAKE" -C "$TOP/user" BUILD="$TSAN" CC="$CC" \
		CFLAGS="-O1 -g -fsanitize=thread" CPPFLAGS="-DPGR_TEST_REGISTER_MODEL" \
		LDFLAGS="-fsanitize=thread" lib &&
		step build/test_threads "$CC" -std=c11 -Wall -Wextra -Werror -O1 -g \
			-fsanitize=thread -DPGR_TEST_REGISTER_MODEL "${TEST_INCLUDES[@]}" \
			"$HERE/test_threads.c" "$TSAN/libpigpioregs.a" -lpthread \
			-o "$TSAN/test_threads" &&
		TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:exitcode=66:suppressions=$HERE/tsan.supp} \
			suite test_threads "$TSAN/test_threads"
fi

# The CLI of this build, or the package's (with the benchmark of this build).
CLI=$BUILD/pigpio-regs
SIM=$TOP/build/host/selftest_sim
if [ $PACKAGE = 1 ]; then
	CLI=$PKG_CLI
	SIM=$ROOT/selftest_sim
fi
if [ $build_ok -eq 0 ]; then
	PGR_BENCH=$BUILD/pigpio-regs-bench suite test_cli bash "$HERE/test_cli.sh" "$CLI"
	# selftest against a live model of the block (test_selftest.sh)
	step build/selftest_sim "$CC" "${SIM_CFLAGS[@]}" "$HERE/selftest_sim.c" -o "$SIM" &&
		suite test_selftest bash "$HERE/test_selftest.sh" "$CLI" "$SIM"
fi

# The host half of `scripts/lab.sh run`: its compile step, with each
# board's cross compiler, on every example and lab solution (docs/lab/),
# against the library cross-built here; each result must be a static
# executable for the board's machine. A file that does not compile must
# make it fail. Boards: the lab's default, and one 32-bit ARM board.
lab_compile() {
	local board=$1 machine=$2 cross lib out f prog hdr
	# shellcheck source=scripts/guest/lib.sh
	cross=$(. "$TOP/scripts/guest/lib.sh" && pgr_board "$board" && echo "$B_CROSS") || return 1
	out=$TOP/build/host/lab-$board
	lib=$out/libpigpioregs.a
	"$MAKE" -s -C "$TOP/user" BUILD="$out" CC="${cross}gcc" STATIC=1 lib || return 1
	for f in "$TOP"/user/examples/*.c "$TOP"/user/examples/lab/*.c; do
		prog=$out/$(basename "${f%.c}")
		PGR_LAB_LIB=$lib PGR_LAB_BOARD=$board "$TOP/scripts/lab.sh" compile "$f" "$prog" || return 1
		hdr=$("${cross}readelf" -lh "$prog") || return 1
		echo "$hdr" | grep -q "Machine: *$machine" || { echo "$prog: not $machine"; return 1; }
		if echo "$hdr" | grep -q INTERP; then
			echo "$prog: dynamically linked"
			return 1
		fi
	done
	printf 'int main(void) { return missing; }\n' >"$out/broken.c"
	if PGR_LAB_LIB=$lib PGR_LAB_BOARD=$board "$TOP/scripts/lab.sh" compile \
		"$out/broken.c" "$out/broken" 2>"$out/broken.err"; then
		echo "a file that does not compile was accepted"
		return 1
	fi
	grep -q 'does not compile' "$out/broken.err"
}
if [ $PACKAGE = 0 ]; then
	step lab/compile-raspi3b-6.1 lab_compile raspi3b-6.1 AArch64
	step lab/compile-raspi2b-6.1 lab_compile raspi2b-6.1 ARM
fi

# libpigpioregs(3) against the header (needs no build)
suite test_man bash "$HERE/test_man.sh"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
