#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# lint.sh [BOARD]: the static checks, one PASS/FAIL line each:
# checkpatch.pl --strict (from Debian's linux-source) on the kernel code,
# sparse on a cross-build against BOARD's Debian headers (default: the first
# board), cppcheck on user space, shellcheck on every script.
set -uo pipefail
# shellcheck source=scripts/guest/lib.sh
. "$(dirname "$0")/guest/lib.sh"

board=${1:-$(pgr_boards | head -n 1)}
out=$PGR_BUILD/lint
mkdir -p "$out"

# result NAME LOGFILE STATUS: one line, and the log when it failed.
result() {
	if [ "$3" = 0 ]; then
		echo "PASS $1"
	else
		echo "FAIL $1 (log: ${2#"$PGR_TOP"/})"
		sed 's/^/    /' "$2" | head -n 40
	fi
}

checkpatch() {
	local tools=$PGR_CACHE/tools dir=$PGR_CACHE/tools/checkpatch deb
	if [ ! -f "$dir/checkpatch.pl" ]; then
		mkdir -p "$tools" "$dir"
		deb=$(find "$tools" -maxdepth 1 -name 'linux-source-6.1_*.deb' | head -n 1)
		if [ -z "$deb" ]; then
			pgr_apt bookworm "$(dpkg --print-architecture)" apt-get update >/dev/null &&
				(cd "$tools" && pgr_apt bookworm "$(dpkg --print-architecture)" \
					apt-get download linux-source-6.1 >/dev/null) || return 1
			deb=$(find "$tools" -maxdepth 1 -name 'linux-source-6.1_*.deb' | head -n 1)
		fi
		dpkg-deb --fsys-tarfile "$deb" |
			tar -xO ./usr/src/linux-source-6.1.tar.xz |
			tar -xJ -C "$dir" --strip-components=2 \
				linux-source-6.1/scripts/checkpatch.pl \
				linux-source-6.1/scripts/spelling.txt \
				linux-source-6.1/scripts/const_structs.checkpatch || return 1
	fi
	perl "$dir/checkpatch.pl" --no-tree --strict --terse --show-types -f \
		"$PGR_TOP"/kernel/*.[ch] "$PGR_TOP"/include/uapi/linux/*.h
}
checkpatch >"$out/checkpatch.log" 2>&1
status=$?
grep -qE 'ERROR|WARNING|CHECK' "$out/checkpatch.log" && status=1
result "checkpatch --strict: kernel/ and the UAPI header" "$out/checkpatch.log" $status

# module_build NAME MAKE_ARGS...: cross-build a copy of the module for
# the board's Debian headers in build/lint/NAME, with extra kbuild options.
module_build() {
	local cache kdir karch=arm64 src=$out/$1
	shift
	pgr_board "$board"
	cache=$(pgr_board_cache)
	kdir=$cache/root/usr/src/linux-headers-$(cat "$cache/release")
	[ "$B_ARCH" = arm64 ] || karch=arm
	rm -rf "$src" && mkdir -p "$src"
	cp -r "$PGR_TOP/Kbuild" "$PGR_TOP/kernel" "$PGR_TOP/include" "$src/"
	make -s -C "$kdir" M="$src" ARCH=$karch CROSS_COMPILE="$B_CROSS" \
		CONFIG_DEBUG_INFO_BTF_MODULES= "$@" modules
}
"$(dirname "$0")/guest/fetch.sh" "$board" >/dev/null 2>&1
module_build sparse C=2 CHECK=sparse >"$out/sparse.log" 2>&1
status=$?
grep -qE 'warning|error' "$out/sparse.log" && status=1
result "sparse (make C=2) on the module, $board headers" "$out/sparse.log" $status

# phys_base= and rp1_pci= must be hardware parameters (module_param_hw:
# lockdown refuses to set them). struct kernel_param is name, mod, ops
# (three pointers), then perm (u16), level (s8) and flags (u8), where
# KERNEL_PARAM_FL_HWPARAM is bit 1, then the value's pointer: 5 pointers'
# worth in all. The module has these two parameters and no other.
hwparam() {
	local ko=$out/sparse/kernel/pigpio_regs.ko bin=$out/param.bin ptr=8 b n
	[ "$B_ARCH" = arm64 ] || ptr=4
	"${B_CROSS}objcopy" -O binary --only-section=__param "$ko" "$bin" || return 1
	b=$(od -An -tx1 -v "$bin" | tr -s ' \n' ' ')
	echo "__param bytes:$b"
	# shellcheck disable=SC2086 # one word per byte
	set -- $b
	[ $# = $((2 * 5 * ptr)) ] || { echo "not two parameters"; return 1; }
	for n in 1 2; do
		shift $((3 * ptr))
		echo "parameter $n: perm $2$1, level $3, flags $4"
		[ "$2$1" = 0124 ] && [ $((0x$4 & 2)) = 2 ] || return 1
		shift $((2 * ptr))
	done
}
hwparam >"$out/hwparam.log" 2>&1
result "phys_base and rp1_pci are hardware parameters, perm 0444 (lockdown refuses them)" "$out/hwparam.log" $?

# gcc's static analyser on the module.
module_build fanalyzer KCFLAGS=-fanalyzer >"$out/fanalyzer.log" 2>&1
status=$?
grep -q 'warning:' "$out/fanalyzer.log" && status=1
result "gcc -fanalyzer on the module, $board headers" "$out/fanalyzer.log" $status

cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance \
	--std=c11 --inline-suppr -I "$PGR_TOP/include/uapi" -I "$PGR_TOP/user/include" \
	"$PGR_TOP/user" "$PGR_TOP/tests/unit" "$PGR_TOP/tests/guest" "$PGR_TOP/tests/fuzz" \
	>"$out/cppcheck.log" 2>&1
result "cppcheck on user space and test programs" "$out/cppcheck.log" $?

# The autopkgtest scripts: every file of debian/tests that starts as a shell script.
mapfile -t deb_tests < <(grep -l '^#!/bin/.*sh' "$PGR_TOP"/debian/tests/*)
{
	cd "$PGR_TOP" || exit 1
	shellcheck -x "$PGR_TOP"/scripts/*.sh "$PGR_TOP"/scripts/guest/{lib,fetch,build,boot,run}.sh \
		"$PGR_TOP"/.ci/run "$PGR_TOP"/tests/unit/*.sh "$PGR_TOP"/tests/install/*.sh \
		"$PGR_TOP"/tests/deb/*.sh "$PGR_TOP"/tests/fuzz/*.sh "$PGR_TOP"/user/completion/pigpio-regs \
		"${deb_tests[@]}" &&
		shellcheck -s sh -e SC1091 "$PGR_TOP"/scripts/guest/{init,demo-guest,lab-guest}.sh \
			"$PGR_TOP"/tests/guest/*.sh
} >"$out/shellcheck.log" 2>&1
result "shellcheck on every script" "$out/shellcheck.log" $?
