#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# check.sh: install what is missing, then run every test, in the order of
# the test ladder: 1. host unit tests, 2. cross-build and static analysis,
# 3. the suite on every emulated board of scripts/guest/boards.tsv (or only
# those named in PGR_BOARDS). Ends with one "N passed, N failed" line.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

"$top/scripts/install-deps.sh" || pgr_die "cannot install the host tools"
mkdir -p "$PGR_BUILD"
log=$PGR_BUILD/check.log
start=$(date +%s)

# step NAME COMMAND...: run one step; a step that fails without saying
# which test failed still counts as one failure.
step() {
	local name=$1 status
	shift
	echo "== $name"
	"$@"
	status=$?
	[ "$status" = 0 ] || echo "FAIL $name (exit $status)"
}

boards=${PGR_BOARDS:-$(pgr_boards)} # PGR_BOARDS="a b": only those
{
	step "host unit tests" "$top/tests/unit/run.sh"
	step "host fuzzing of the CLI parser" "$top/tests/fuzz/run.sh"
	step "Python package (host)" "$top/python/run-tests.sh"
	step "install, packaging, DKMS" "$top/tests/install/run.sh"
	step "Debian packages" "$top/tests/deb/run.sh"
	step "static analysis" "$top/scripts/lint.sh"
	# The boards, PGR_JOBS (default 2) at a time: a guest is mostly one
	# busy emulated CPU, so two boards fill this 2-core machine where one
	# left a core idle. Downloads come first, one board at a time (boards
	# of one suite and architecture share a private apt state). The
	# slowest boards (raspi2b, raspi1ap) start first; each board's output
	# goes to build/BOARD.check.log and is printed whole, in table order,
	# once all have ended.
	for board in $boards; do
		"$top/scripts/guest/fetch.sh" "$board" >"$PGR_BUILD/$board.fetch.log" 2>&1 ||
			echo "== $board: download failed here (build/$board.fetch.log); its run says more"
	done
	order=$(for board in $boards; do
		(pgr_board "$board" && case $B_QEMU in raspi2b | raspi1ap) echo "0 $board" ;; *) echo "1 $board" ;; esac)
	done | sort -s -k1,1n | cut -d' ' -f2)
	running=0
	for board in $order; do
		if [ "$running" -ge "${PGR_JOBS:-2}" ]; then
			wait -n
			running=$((running - 1))
		fi
		echo "== emulated $board: started $(date +%H:%M:%S)"
		(
			rm -f "$PGR_BUILD/$board"/timing-*.env
			board_start=$(date +%s)
			step "emulated $board" "$top/scripts/guest/run.sh" "$board" test \
				>"$PGR_BUILD/$board.check.log" 2>&1
			echo "$(($(date +%s) - board_start))" >"$PGR_BUILD/$board.wall"
			echo "== emulated $board: ended $(date +%H:%M:%S)"
		) &
		running=$((running + 1))
	done
	wait
	for board in $boards; do
		cat "$PGR_BUILD/$board.check.log"
	done
	# The outputs docs/*.md show, against what the docs' board printed.
	docs_board=$(pgr_boards | head -n 1)
	if [ -f "$PGR_BUILD/$docs_board/console-suite.log" ]; then
		step "docs match the emulated board" "$top/scripts/docs.sh" --check \
			"$PGR_BUILD/$docs_board/console-suite.log"
	fi
	# docs/performance.md's measured table against the benchmark's rows
	# (scripts/bench.sh --check: no board; regenerate with make bench-report).
	step "docs/performance.md has the benchmark's rows" "$top/scripts/bench.sh" --check
} 2>&1 | tee "$log"

# The matrix: one line per board, from its result lines and timing file.
summary() {
	local board timing kernel qemu_s boot_s test_s p f s
	printf '%-20s %-9s %-24s %6s %6s %6s %6s %6s %6s\n' board qemu kernel \
		passed failed qemu_s boot_s test_s total
	for board in $boards; do
		(pgr_board "$board") >/dev/null 2>&1 || continue
		pgr_board "$board"
		timing=$PGR_BUILD/$board/timing-$B_JOB.env # written by boot.sh
		kernel=$(sed -n 's/^KERNEL=//p' "$timing" 2>/dev/null)
		qemu_s=$(sed -n 's/^QEMU_S=//p' "$timing" 2>/dev/null)
		boot_s=$(sed -n 's/^BOOT_S=//p' "$timing" 2>/dev/null)
		test_s=$(sed -n 's/^TEST_S=//p' "$timing" 2>/dev/null)
		p=$(grep -c "^PASS \[$board\] " "$log")
		f=$(($(grep -c "^FAIL \[$board\] " "$log") + $(grep -c "^FAIL emulated $board (" "$log")))
		s=$(grep -c "^SKIP \[$board\] " "$log")
		[ "$s" -gt 0 ] && kernel="skipped"
		printf '%-20s %-9s %-24s %6s %6s %6s %6s %6s %6s\n' "$board" "$B_QEMU" \
			"${kernel:--}" "$p" "$f" "${qemu_s:--}" "${boot_s:--}" "${test_s:--}" \
			"$(cat "$PGR_BUILD/$board.wall" 2>/dev/null || echo -)"
	done
}
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
echo "== summary (seconds: qemu = QEMU wall time, boot = kernel to init, test = the job, total = fetch+build+boot)"
summary | tee "$PGR_BUILD/summary.txt"
echo "total time: $(($(date +%s) - start)) s"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
