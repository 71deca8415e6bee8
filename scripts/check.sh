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

boards=${PGR_BOARDS:-$(pgr_boards)}
{
	step "host unit tests" "$top/tests/unit/run.sh"
	step "static analysis" "$top/scripts/lint.sh"
	for board in $boards; do
		step "emulated $board" "$top/scripts/guest/run.sh" "$board" test
		for timing in "$PGR_BUILD/$board"/timing-*.txt; do
			[ -f "$timing" ] && echo "time: $(cat "$timing")"
		done
	done
} 2>&1 | tee "$log"

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
echo "total time: $(($(date +%s) - start)) s"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
