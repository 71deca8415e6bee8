#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# docs.sh --update|--check CONSOLE_LOG: the command outputs shown in
# docs/*.md come from the emulated board. A block in a doc reads
#     <!-- capture: NAME -->
#     ```text
#     ...
#     ```
# and tests/guest/captures.sh prints NAME's output as "PGR-CAP NAME|LINE".
# --update rewrites each block from the log; --check prints one PASS/FAIL
# line per block, comparing with what changes every run (addresses, pids,
# inode numbers, and the lab's count of lost unlocked updates, which
# depends on scheduling) masked. docs/lab/*.md are checked as docs/*.md.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:?usage: docs.sh --update|--check CONSOLE_LOG}
log=${2:?usage: docs.sh --update|--check CONSOLE_LOG}
[ -f "$log" ] || { echo "docs.sh: no console log $log" >&2; exit 1; }

captured() { sed -n "s/^PGR-CAP $1|//p" "$log"; }

# What may differ between two runs of the same command.
normalize() {
	sed -E -e 's/0x[0-9a-f]{9,}/0xADDR/g' \
		-e 's/[0-9a-f]{8,}-[0-9a-f]{8,}/ADDR-ADDR/g' \
		-e 's/pid [0-9]+/pid N/g' \
		-e 's/ [0-9a-f]{2}:[0-9a-f]{2} [0-9]+ / DEV INODE /' \
		-e 's/^naive: lost [0-9]+ of/naive: lost N of/'
}

# The names of the capture blocks in one doc, in order.
blocks() { sed -n 's/^<!-- capture: \([a-z0-9-]*\) -->$/\1/p' "$1"; }

# The text of block NAME in a doc.
block_text() {
	awk -v name="$2" '
		$0 == "<!-- capture: " name " -->" { want = 1; next }
		want == 1 && /^```/ { want = 2; next }
		want == 2 && /^```$/ { exit }
		want == 2 { print }' "$1"
}

status=0
for doc in "$top"/docs/*.md "$top"/docs/lab/*.md; do
	for name in $(blocks "$doc"); do
		if [ -z "$(captured "$name")" ]; then
			echo "FAIL docs: ${doc#"$top"/} block $name: nothing captured in the log"
			status=1
			continue
		fi
		if [ "$mode" = --update ]; then
			tmp=$(mktemp)
			captured "$name" >"$tmp.block"
			awk -v name="$name" -v file="$tmp.block" '
				$0 == "<!-- capture: " name " -->" { print; want = 1; next }
				want == 1 && /^```/ { print; while ((getline l < file) > 0) print l; want = 2; next }
				want == 2 && /^```$/ { print; want = 0; next }
				want == 2 { next }
				{ print }' "$doc" >"$tmp"
			cat "$tmp" >"$doc"
			rm -f "$tmp" "$tmp.block"
		elif diff <(block_text "$doc" "$name" | normalize) \
			<(captured "$name" | normalize) >/dev/null; then
			echo "PASS docs: ${doc#"$top"/} block $name matches the board"
		else
			echo "FAIL docs: ${doc#"$top"/} block $name differs from the board:"
			diff <(block_text "$doc" "$name" | normalize) \
				<(captured "$name" | normalize) | sed 's/^/    /' | head -n 20
			status=1
		fi
	done
done
[ "$mode" = --update ] && echo "docs.sh: docs updated from $log"
exit $status
