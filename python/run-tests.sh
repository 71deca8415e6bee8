#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The Python package's host tests: the single entry point.
#
#   1. builds the extension (make -C python) into build/host/python,
#   2. stages it (make stage) into build/host/python/stage/site, as an
#      installed package with its dist-info,
#   3. runs tests/test_*.py with Debian's /usr/bin/python3 (not whatever
#      python3 comes first in PATH) against the staged tree and simulated
#      register blocks: one "PASS name" / "FAIL name" line per test case
#      and "SKIP name: why" lines, then "N passed, N failed[, N skipped]";
#      exits 1 if anything failed.
#
# Host packages (Debian 12 names): build-essential python3-dev
# python3-setuptools python3-gpiozero python3-pkg-resources (and, through
# python3-gpiozero, python3-colorzero). python3-dev brings python3-config
# and the headers; python3-gpiozero is Debian's gpiozero 1.6.2, the one the
# factory tests run with; python3-pkg-resources is what gpiozero 1.6.2
# finds pin factories with.
#
# The staged tree sits in a fresh directory under PGR_SHARED_TMP (default
# /tmp), mode 0755, removed at exit, not under build/: the cases that run
# a child as user nobody import it from there, and a checkout in a private
# directory (a mode-0700 home, as Debian 12 makes them) is out of nobody's
# reach.
#
# Environment: PGR_PY_BUILD (build directory, default build/host/python),
# CC (default cc), MAKE (default make), PYTHON (default
# /usr/bin/python3), PGR_EXTRA_PYTHONS (other CPython >= 3.11 interpreters
# to load the same abi3 module in and run the module's tests with; default:
# python3.12, python3.13, python3.14 from PATH, where they run),
# PGR_GPIOZERO_PATH (a directory holding another gpiozero package, e.g. a
# 2.x source tree: test_factory runs once more with it first in the path,
# its cases named after the directory: "DIRNAME/test_factory...").

set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
CC=${CC:-cc}
MAKE=${MAKE:-make}
PYTHON=${PYTHON:-/usr/bin/python3}
BUILD=${PGR_PY_BUILD:-$TOP/build/host/python} # PGR_PY_BUILD: another build directory

passed=0
failed=0
skipped=0
LOG=$(mktemp "${TMPDIR:-/tmp}/pgr-py-XXXXXX")
STAGE=$(mktemp -d "${PGR_SHARED_TMP:-/tmp}/pgr-py-stage-XXXXXX") || exit 1
trap 'rm -f "$LOG"; rm -rf "$STAGE"' EXIT
chmod 0755 "$STAGE"

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

# suite NAME COMMAND...: run the test runner, echo and count its lines; a
# crash or nonzero exit without a FAIL line is a failure of its own
suite() {
	local name=$1 rc p f
	shift
	"$@" > "$LOG" 2>&1
	rc=$?
	cat "$LOG"
	p=$(grep -c '^PASS ' "$LOG")
	f=$(grep -c '^FAIL ' "$LOG")
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + $(grep -c '^SKIP ' "$LOG")))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $name: exited with status $rc"
		failed=$((failed + 1))
	fi
}

# Other interpreters the abi3 module should load in: every python3.12+
# in PATH that runs. A pyenv shim that does not run (no pyenv version
# selected) stands for the installs under "pyenv root", which are tried
# instead; one that is found but fails the probe (a broken install) is a
# SKIP line with the reason, counted.
runs_311() {
	"$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}
if [ -z "${PGR_EXTRA_PYTHONS+set}" ]; then
	PGR_EXTRA_PYTHONS=
	for py in python3.12 python3.13 python3.14; do
		path=$(command -v "$py") || continue
		if runs_311 "$path"; then
			PGR_EXTRA_PYTHONS="$PGR_EXTRA_PYTHONS$path "
			continue
		fi
		found=
		if [ "${path%/shims/"$py"}" != "$path" ] && command -v pyenv >/dev/null; then
			for real in "$(pyenv root)"/versions/*/bin/"$py"; do
				if ! [ -x "$real" ] || ! runs_311 "$real"; then
					continue
				fi
				PGR_EXTRA_PYTHONS="$PGR_EXTRA_PYTHONS$real "
				found=1
			done
		fi
		if [ -z "$found" ]; then
			echo "SKIP other-interpreters/$py: $path is in PATH but does not run as a CPython >= 3.11"
			skipped=$((skipped + 1))
		fi
	done
fi
export PGR_EXTRA_PYTHONS

stage() {
	rm -rf "${STAGE:?}"/* &&
		"$MAKE" -C "$HERE" BUILD="$BUILD" stage DESTDIR="$STAGE" PYDIR=/site &&
		chmod -R a+rX "$STAGE" # whatever the umask: nobody imports it
}

if step build/python "$MAKE" -C "$HERE" BUILD="$BUILD" CC="$CC" &&
	step stage/python stage; then
	# The staged package first, then the tests' helpers (runner.py's
	# own directory, never python/ with its extension-less pigpio_regs,
	# nor the current directory).
	cd "$HERE/tests" || exit 1
	suite tests env -u PGR_GPIOZERO_PATH PYTHONPATH="$STAGE/site:$HERE/tests" "$PYTHON" \
		"$HERE/tests/runner.py" test_chip test_chardev test_factory test_factory_stress test_timer \
		test_build
	if [ -n "${PGR_GPIOZERO_PATH:-}" ]; then
		gz=$(basename "$PGR_GPIOZERO_PATH")
		suite "tests-$gz" env PGR_TEST_PREFIX="$gz/" \
			PYTHONPATH="$PGR_GPIOZERO_PATH:$STAGE/site:$HERE/tests" \
			"$PYTHON" "$HERE/tests/runner.py" test_factory
	fi
fi

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
