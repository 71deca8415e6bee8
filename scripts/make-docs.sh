#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# make-docs.sh: boot the docs' board (the first of boards.tsv), re-capture
# every command output the docs show, and render the diagrams.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

"$top/scripts/install-deps.sh"
board=$(pgr_boards | head -n 1)
"$top/scripts/guest/run.sh" "$board" test >/dev/null
"$top/scripts/docs.sh" --update "$PGR_BUILD/$board/console-suite.log"
for dot in "$top"/docs/*.dot; do
	dot -Tsvg "$dot" -o "${dot%.dot}.svg"
done
echo "make-docs: docs/*.md and docs/*.svg updated from $board"
