#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/run.sh: the Debian packages of debian/ (docs/packaging.md).
# tests/deb/run.sh --build ARCH: only build them for ARCH (or find them in
# the cache) and print the directory of the .deb files; the emulated
# boards install these (scripts/guest/build.sh).
#
#  1. Makes the upstream tarball (make dist) and, from it and debian/, the
#     source package (3.0 (quilt): orig.tar.xz and debian.tar.xz,
#     dpkg-source -b); checks that the tarball holds exactly the files git
#     tracks less debian/, under pigpio-regs-VERSION/, and that make dist
#     makes it byte for byte again.
#  2. Builds, from that source package (dpkg-source -x), the binary
#     packages with dpkg-buildpackage -b for amd64 (with the unit tests:
#     dh_auto_test) and, with Debian's cross toolchains, for arm64, armhf
#     and armel (the Pi 1's), plus a previous version (the same source
#     with a lower version) for the upgrade test; all in copies under
#     build/deb, never in the checkout. The builds run in a private root
#     (tests/deb/root.sh, made once under $PGR_CACHE/toolchains): this
#     machine's dpkg gets no foreign architecture and no build dependency.
#  3. Checks what is in them: one version everywhere, each architecture's
#     binaries, paths and dependencies, the -dkms package's files.
#  4. Runs lintian on every .changes and the .dsc: no error, warning, info
#     or pedantic tag (overrides, each with its reason, are listed).
#  5. In a throw-away copy of a private install root (tests/deb/root.sh
#     --install; tests/deb/install-test.sh), with its dpkg: installs the
#     previous version, upgrades to this one (DKMS builds the module for
#     the root's Debian kernel headers; the module is never loaded),
#     checks the gpio group, the udev rule, the modules-load entry, the
#     CLI; runs the packages' autopkgtests (debian/tests, with
#     tests/deb/autopkgtest.sh: the CLI and the library, a program built
#     with pkg-config, the Python module and its gpiozero factory, the DKMS
#     build); reinstalls; then dpkg -r and dpkg -P must leave the file
#     system as it was before.
#
# The binary packages and their lintian verdict are cached in
# build/deb/cache/KEY, KEY being a hash of what their build reads and of the
# build tools' versions; the source package (seconds) and step 5 always run.
# Needs root; installs what it lacks of its own tools from the machine's
# Debian archive (mmdebstrap, lintian, dpkg-dev, debhelper). The host's
# foreign architectures and package list (dpkg-query -W) after those are
# compared with the same at the end: nothing may change them.
# One PASS/FAIL line each, then "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/deb
only=
if [ "${1:-}" = --build ]; then
	only=${2:?usage: run.sh [--build ARCH]}
fi
start=$(date +%s)
passed=0
failed=0
rest= # set while builds and lintian run in the background
pass() { echo "PASS deb: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL deb: $1: $2"; failed=$((failed + 1)); }
finish() {
	the_rest
	[ -n "$only" ] || check_host_dpkg
	echo "tests/deb: $(($(date +%s) - start)) s (logs: build/deb)" >&2
	echo "$passed passed, $failed failed"
	exit $((failed > 0))
}
# last LOG: the end of a log, on one line
last() { tail -n "${2:-6}" "$1" 2>/dev/null | tr '\n' ' ' | cut -c 1-700; }

PKGS=(pigpio-regs-common pigpio-regs-dkms libpigpioregs1 libpigpioregs-dev pigpio-regs python3-pigpio-regs)
CROSS=(arm64 armhf armel)
host_arch=$(dpkg --print-architecture)
if [ "$(id -u)" != 0 ]; then
	fail "root" "installing packages with dpkg needs root"
	finish
fi
if [ "$host_arch" != amd64 ]; then
	fail "host" "the builds and the install test expect an amd64 host, not $host_arch"
	finish
fi
mkdir -p "$out"
work=$(mktemp -d)
# host_dpkg: this machine's dpkg state, as the test compares it
host_dpkg() {
	echo "foreign architectures: $(dpkg --print-foreign-architectures | tr '\n' ' ')"
	dpkg-query -W -f='${binary:Package} ${Version} ${db:Status-Abbrev}\n' | LC_ALL=C sort
}
# check_host_dpkg: the same as after install_tools
check_host_dpkg() {
	[ -f "$work/dpkg-before" ] || return 0
	host_dpkg >"$work/dpkg-after"
	if cmp -s "$work/dpkg-before" "$work/dpkg-after"; then
		pass "this machine's dpkg is as the test found it: $(head -n 1 "$work/dpkg-before" | sed 's/ *$//; s/: *$/: none/'), $(($(wc -l <"$work/dpkg-before") - 1)) packages, same versions and states"
	else
		fail "this machine's dpkg changed" "$(diff "$work/dpkg-before" "$work/dpkg-after" | grep '^[<>]' | head -n 8 | tr '\n' ' ')"
	fi
	rm -f "$work/dpkg-before"
}
tmp_src= # the tree's copy of a --build run, its own
tmp_pkg= # and its source package
trap 'rm -rf "$work" ${tmp_src:+"$tmp_src"} ${tmp_pkg:+"$tmp_pkg"}' EXIT

# --- tools ---------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
install_tools() {
	# The builds' and the install test's own tools are in the private roots
	# (tests/deb/root.sh); these are the source package's and lintian's, and
	# debhelper for the boards' module package (scripts/mkmodules-deb.sh,
	# which only copies and strips a module: no foreign libc6).
	tools=(mmdebstrap lintian dpkg-dev debhelper binutils systemd)
	missing=()
	for pkg in "${tools[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		echo "tests/deb: installing ${missing[*]}" >&2
		# An update that fails for one index (a mirror mid-sync) may still have what is needed.
		apt-get install -y -q --no-install-recommends "${missing[@]}" >"$out/tools.log" 2>&1 ||
			{ apt-get update -q >>"$out/tools.log" 2>&1
			  apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$out/tools.log" 2>&1; } ||
			{ fail "install the build tools" "apt-get install ${missing[*]}: $(last "$out/tools.log" 3)"; finish; }
	fi
	broot=$("$top/tests/deb/root.sh" path 2>>"$out/tools.log") ||
		{ fail "the private build root" "tests/deb/root.sh: $(last "$out/tools.log" 3)"; finish; }
	"$top/tests/deb/root.sh" --install path >/dev/null 2>>"$out/tools.log" ||
		{ fail "the private install root" "tests/deb/root.sh --install: $(last "$out/tools.log" 3)"; finish; }
}
# A build for the boards needs no tool on this machine: it builds in the
# private root (or finds its packages in the cache).
broot=
if [ -z "$only" ]; then
	install_tools
	host_dpkg >"$work/dpkg-before"
fi

# --- the source: a copy of the tree ------------------------------------------
# Tracked files and untracked ones not ignored, as they are in the working
# tree now; nothing under a build/ directory (build output, wherever made).
src=$out/src
if [ -n "$only" ]; then
	tmp_src=$(mktemp -d -p "$out" src-XXXXXX)
	src=$tmp_src
fi
rm -rf "$src" && mkdir -p "$src"
(cd "$top" && git ls-files -co --exclude-standard -z) | grep -zvE '(^|/)build/' |
	while IFS= read -r -d '' f; do
		if [ -e "$top/$f" ] || [ -L "$top/$f" ]; then printf '%s\0' "$f"; fi
	done | (cd "$top" && xargs -0 cp -a --parents -t "$src")
# ver: the upstream version (PGR_VERSION), which the library, the CLI, the
# Python module and DKMS carry; debver: the packages' (debian/changelog),
# ver with a Debian revision (1.0.0-1).
ver=$(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$src/user/include/pigpioregs.h")
debver=$(cd "$src" && dpkg-parsechangelog -S Version)
upstream=$(echo "$debver" | sed 's/^[0-9]*://; s/-[^-]*$//')
rev=${debver##*-}
if [ -n "$only" ]; then
	if [ -z "$ver" ] || [ "$ver" != "$upstream" ] || [ "$rev" = "$debver" ]; then
		echo "tests/deb: debian/changelog says '$debver', PGR_VERSION '$ver'" >&2
		exit 1
	fi
elif [ -n "$ver" ] && [ "$ver" = "$upstream" ] && [ "$rev" != "$debver" ]; then
	pass "one version: debian/changelog says $debver, upstream version $upstream as PGR_VERSION in user/include/pigpioregs.h, Debian revision $rev"
else
	fail "one version" "debian/changelog says '$debver' (upstream '$upstream', revision '$rev': 3.0 (quilt) needs one), user/include/pigpioregs.h PGR_VERSION '$ver'"
	finish
fi
# The previous version, for the upgrade: one less in the last non-zero part
# (1.0.0 -> 0.9.0, 1.2.0 -> 1.1.0, 1.2.3 -> 1.2.2), with the same revision.
old=$(echo "$ver" | awk -F. '{
	if ($3 > 0) $3--; else if ($2 > 0) { $2--; $3 = 0 } else { $1--; $2 = 9; $3 = 0 }
	print $1 "." $2 "." $3 }')
olddeb=$old-$rev
if ! dpkg --compare-versions "$olddeb" lt "$debver"; then
	fail "previous version" "cannot make one below $debver (got $olddeb)"
	finish
fi

# The binary packages' cache key: what their build reads (the tree less the
# docs, the tests and the scripts that are not packaged, but with the unit
# tests, which dh_auto_test runs, and this test, which makes the previous
# version) and the build tools' versions
# (the private root's, of this machine's architecture: another's libc6
# has the same version). The source package is built and
# checked on every run: it takes seconds.
inputs() {
	cd "$src" && {
		find . \( -path ./docs -o -path ./tests -o -path ./scripts -o -path ./.ci -o -name '*.md' \) \
			-prune -o -print
		find ./scripts/udev ./tests/deb ./tests/unit
	} | LC_ALL=C sort
}
[ -n "$broot" ] || broot=$("$top/tests/deb/root.sh" path) ||
	{ echo "tests/deb: no private build root (tests/deb/root.sh)" >&2; exit 1; }
key=$({ inputs | tar -C "$src" --no-recursion --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -T -
	dpkg-query --admindir="$broot/var/lib/dpkg" -W -f='${Package}:${Architecture} ${Version}\n' |
		grep -E "^(debhelper|dh-dkms|dpkg-dev|lintian|libc6|gcc-[0-9]+(-aarch64-linux-gnu|-arm-linux-gnueabihf|-arm-linux-gnueabi)?):$host_arch "
} | sha256sum | cut -c 1-16)
cache=$out/cache/$key
mkdir -p "$cache"
[ -n "$only" ] || find "$out/cache" -mindepth 1 -maxdepth 1 ! -name "$key" -exec rm -rf {} +

# set_version DIR VERSION: the tree in DIR says VERSION wherever it carries
# the upstream version: the changelog (VERSION-$rev), the header and the
# symbols file.
set_version() {
	sed -i "1s/^pigpio-regs ([^)]*)/pigpio-regs ($2-$rev)/" "$1/debian/changelog" &&
		sed -i "s/^#define PGR_VERSION \".*\"/#define PGR_VERSION \"$2\"/" "$1/user/include/pigpioregs.h" &&
		sed -i "s/ $ver\$/ $2/" "$1/debian/libpigpioregs1.symbols"
}

# What an in-tree kbuild of the module leaves.
KBUILD_OUTPUT=(kernel/main.o kernel/.main.o.cmd kernel/pigpio_regs.o kernel/pigpio_regs.ko
	kernel/.pigpio_regs.ko.cmd kernel/pigpio_regs.mod kernel/pigpio_regs.mod.c
	kernel/pigpio_regs.mod.o kernel/modules.order Module.symvers modules.order
	.Module.symvers.cmd .modules.order.cmd)
# build NAME ARCH: dpkg-buildpackage -b, into $cache/NAME, in the source
# package $srcpkg unpacked there (dpkg-source -x, in the private root as
# the build).
build() {
	local name=$1 arch=$2 dir=$cache/$1 opts="noddebs parallel=2"
	[ -f "$dir/ok" ] && return 0
	rm -rf "$dir" && mkdir -p "$dir/in" && cp "$srcpkg"/*.dsc "$srcpkg"/*.tar.xz "$dir/in/" || return 1
	# shellcheck disable=SC2016 # the inner shell's
	"$top/tests/deb/root.sh" run "$dir" sh -c 'cd /mnt/work && dpkg-source -x in/*.dsc pigpio-regs' \
		>"$dir/build.log" 2>&1 || return 1
	rm -rf "$dir/in"
	if [ "$name" = old ]; then set_version "$dir/pigpio-regs" "$old" || return 1; fi
	# The amd64 build starts from a tree where the README's in-tree make
	# has built the module (kbuild's output, as it names it): the package
	# must not carry it, and debian/clean must remove it.
	if [ "$name" = amd64 ]; then
		(cd "$dir/pigpio-regs" && touch "${KBUILD_OUTPUT[@]}") || return 1
	fi
	# The unit tests (dh_auto_test) run in the native build of this
	# version; debian/rules skips them when cross-building anyway.
	[ "$name" = "$host_arch" ] || opts="$opts nocheck"
	# In the private root, with a clean environment (root.sh).
	# shellcheck disable=SC2016 # the inner shell's "$1" and "$2"
	"$top/tests/deb/root.sh" run "$dir" sh -c 'cd /mnt/work/pigpio-regs &&
		DEB_BUILD_OPTIONS="$1" dpkg-buildpackage -us -uc -b -a"$2"' sh "$opts" "$arch" \
		>>"$dir/build.log" 2>&1 || return 1
	if [ "$name" = amd64 ]; then
		(cd "$dir/pigpio-regs" && ls -d "${KBUILD_OUTPUT[@]}" 2>/dev/null) >"$dir/left-by-clean"
	fi
	rm -rf "$dir/pigpio-regs" && touch "$dir/ok"
}
# build_source DIR: the source package, into DIR: the upstream tarball of
# make dist (from the checkout: the files git tracks) as
# pigpio-regs_VERSION.orig.tar.xz, unpacked, with the tree's debian/ put
# in, then dpkg-source -b in the private build root.
build_source() {
	local dir=$1 base=pigpio-regs-$ver
	rm -rf "$dir" && mkdir -p "$dir" &&
		make -s -C "$top" dist DISTDIR="$dir" >"$dir/build.log" 2>&1 &&
		mv "$dir/$base.tar.xz" "$dir/pigpio-regs_$ver.orig.tar.xz" &&
		tar -C "$dir" -xJf "$dir/pigpio-regs_$ver.orig.tar.xz" &&
		cp -a "$src/debian" "$dir/$base/" &&
		"$top/tests/deb/root.sh" run "$dir" sh -c "cd /mnt/work && dpkg-source -b $base" \
			>>"$dir/build.log" 2>&1 || return 1
	rm -rf "${dir:?}/$base" && touch "$dir/ok"
}
# check_dist: the upstream tarball holds every file git tracks but debian/
# (those the working tree has), and nothing else, under pigpio-regs-VERSION/;
# and make dist makes the same bytes again.
check_dist() {
	local tarball=$srcpkg/pigpio-regs_$ver.orig.tar.xz again have want files
	[ -f "$tarball" ] || return 0
	want=$(cd "$top" && git ls-files -z -- . ':(exclude)debian' |
		while IFS= read -r -d '' f; do
			if [ -e "$f" ] || [ -L "$f" ]; then echo "$f"; fi
		done | LC_ALL=C sort)
	have=$(tar -tJf "$tarball" | grep -v '/$' | LC_ALL=C sort)
	# shellcheck disable=SC2001 # anchored, line by line
	files=$(echo "$have" | sed "s|^pigpio-regs-$ver/||")
	if [ "$files" != "$want" ] || echo "$have" | grep -qv "^pigpio-regs-$ver/"; then
		fail "make dist" "the tarball is not git ls-files less debian/ under pigpio-regs-$ver/: $(diff <(echo "$want") <(echo "$files") | grep '^[<>]' | head -n 8 | tr '\n' ' ')"
		return
	fi
	again=$(mktemp -d -p "$out")
	if make -s -C "$top" dist DISTDIR="$again" >/dev/null 2>&1 &&
		cmp -s "$tarball" "$again/pigpio-regs-$ver.tar.xz"; then
		pass "make dist: pigpio-regs-$ver.tar.xz ($(($(stat -c %s "$tarball") / 1024)) KiB), the $(echo "$want" | wc -l) files git tracks less debian/ under pigpio-regs-$ver/, the same bytes when made again"
	else
		fail "make dist" "a second make dist made other bytes (or failed)"
	fi
	rm -rf "$again"
}
# lint DIR: lintian --pedantic --display-info on the .changes or .dsc in
# DIR; DIR/lintian.ok if it ran (exit 0: lintian's own errors are 1) and
# shows no tag at all: error, warning, info or pedantic (a cached build
# keeps its verdict); overridden tags show as O:, with their reason. Its
# --fail-on is not used: with --show-overrides it counts the overridden
# tags too (exit 2), and --fail-on=info also fails on the tags lintian
# itself masks (M:, its screens, e.g. for the files of a Python egg-info
# directory), which it does not show.
lint() {
	local files
	[ -f "$1/ok" ] || return 1
	[ -f "$1/lintian.ok" ] && return 0
	mapfile -t files < <(find "$1" -maxdepth 1 \( -name '*.changes' -o -name '*.dsc' \))
	lintian --pedantic --display-info --show-overrides "${files[@]}" \
		>"$1/lintian.log" 2>&1 && ! grep -qE '^[EWIP]: ' "$1/lintian.log" && touch "$1/lintian.ok"
}
# report_build NAME: one line for build NAME
report_build() {
	local dir=$cache/$1 f list
	[ "$1" = source ] && dir=$srcpkg
	if [ ! -f "$dir/ok" ]; then
		fail "build $1" "$(grep -E 'error|Error' "$dir/build.log" | tail -n 3 | tr '\n' ' ' | cut -c 1-500) (${dir#"$top"/}/build.log)"
		return
	fi
	case $1 in
	old) pass "previous version $old built for the upgrade test" ;;
	source)
		pass "dpkg-source -b: $(basename "$dir"/*.dsc) ($(sed -n 's/^Format: //p' "$dir"/*.dsc): $(for f in "$dir"/*.tar.xz; do
			printf '%s %s KiB, ' "$(basename "$f")" "$(($(stat -c %s "$f") / 1024))"; done | sed 's/, $//'))"
		;;
	*)
		list=$(for f in $(debs "$1"); do
			printf '%s (%s KiB, installed %s KiB), ' "$(basename "$f")" \
				"$(($(stat -c %s "$f") / 1024))" "$(dpkg-deb -f "$f" Installed-Size)"
		done)
		if [ "$(debs "$1" | wc -l)" = ${#PKGS[@]} ]; then
			pass "dpkg-buildpackage -b -a$1: ${list%, }"
		else
			fail "dpkg-buildpackage -b -a$1" "expected ${#PKGS[@]} packages, got: ${list%, }"
		fi
		;;
	esac
}
# report_lint NAME: one line for lintian on build NAME
report_lint() {
	local dir=$cache/$1 what="the $1 packages"
	[ "$1" = source ] && dir=$srcpkg what="the source package"
	[ -f "$dir/ok" ] || return 0
	if [ -f "$dir/lintian.ok" ]; then
		pass "lintian $(lintian --version | awk '{ print $2 }') --pedantic --display-info on $what: no error, warning, info or pedantic tag ($(grep -c '^O: ' "$dir/lintian.log") overridden)"
	else
		fail "lintian on $what" "$(grep -vE '^[XON]: |^N:|^running with root' "$dir/lintian.log" | head -n 8 | tr '\n' ' ')(${dir#"$top"/}/lintian.log)"
	fi
}
# debs NAME: the .deb files of build NAME
debs() { ls "$cache/$1"/*.deb 2>/dev/null; }

# unpack NAME PACKAGE: extract one package of build NAME; prints its directory
unpack() {
	local d=$work/$1/$2
	if [ ! -d "$d" ]; then
		mkdir -p "$d" && dpkg-deb -x "$(ls "$cache/$1/$2"_*.deb)" "$d" && dpkg-deb -e "$(ls "$cache/$1/$2"_*.deb)" "$d/DEBIAN"
	fi
	echo "$d"
}
declare -A elf_machine=([amd64]="Advanced Micro Devices X86-64" [arm64]=AArch64 [armhf]=ARM [armel]=ARM)
# check_arch ARCH: the libraries, the CLI and the -dev files of one build
check_arch() {
	local arch=$1 triplet problems lib dev cli so pc machine f
	[ -f "$cache/$arch/ok" ] || return 0
	triplet=$(dpkg-architecture -a"$arch" -qDEB_HOST_MULTIARCH 2>/dev/null)
	problems=()
	lib=$(unpack "$arch" libpigpioregs1)
	dev=$(unpack "$arch" libpigpioregs-dev)
	cli=$(unpack "$arch" pigpio-regs)
	so=$lib/usr/lib/$triplet/libpigpioregs.so.$ver
	[ "$(readelf -d "$so" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')" = libpigpioregs.so.1 ] ||
		problems+=("no $triplet/libpigpioregs.so.$ver with soname libpigpioregs.so.1")
	[ "$(readlink "$lib/usr/lib/$triplet/libpigpioregs.so.1")" = "libpigpioregs.so.$ver" ] || problems+=("libpigpioregs.so.1 link")
	[ "$(readlink "$dev/usr/lib/$triplet/libpigpioregs.so")" = libpigpioregs.so.1 ] || problems+=("libpigpioregs.so link")
	for f in "$lib/DEBIAN/control" "$dev/DEBIAN/control"; do
		grep -qx 'Multi-Arch: same' "$f" || problems+=("$(sed -n 's/^Package: //p' "$f") is not Multi-Arch: same")
	done
	[ -f "$dev/usr/lib/$triplet/libpigpioregs.a" ] || problems+=("no static library")
	[ -f "$dev/usr/include/pigpioregs.h" ] && [ -f "$dev/usr/include/pigpioregs/pigpio_regs.h" ] &&
		[ ! -e "$dev/usr/include/linux" ] || problems+=("headers (pigpioregs.h, pigpioregs/pigpio_regs.h, nothing in /usr/include/linux)")
	pc=$dev/usr/lib/$triplet/pkgconfig/libpigpioregs.pc
	grep -qx "Version: $ver" "$pc" 2>/dev/null || problems+=(".pc Version is not $ver")
	grep -qx "libdir=\${prefix}/lib/$triplet" "$pc" 2>/dev/null || problems+=(".pc libdir is not \${prefix}/lib/$triplet")
	machine=$(readelf -h "$cli/usr/bin/pigpio-regs" 2>/dev/null | sed -n 's/^ *Machine: *//p')
	[ "$machine" = "${elf_machine[$arch]}" ] || problems+=("pigpio-regs is for '$machine'")
	readelf -d "$cli/usr/bin/pigpio-regs" 2>/dev/null | grep -q 'NEEDED.*\[libpigpioregs.so.1\]' ||
		problems+=("pigpio-regs is not linked with libpigpioregs.so.1")
	grep -q "^Depends:.*libpigpioregs1 (>= $ver)" "$cli/DEBIAN/control" || problems+=("pigpio-regs does not depend on libpigpioregs1 (>= $ver)")
	zcat "$cli/usr/share/man/man1/pigpio-regs.1.gz" 2>/dev/null | grep -q "^\.TH .*\"pigpio-regs $ver\"" ||
		problems+=("pigpio-regs.1 does not say version $ver")
	zcat "$dev/usr/share/man/man3/libpigpioregs.3.gz" 2>/dev/null | grep -q "^\.TH .*\"libpigpioregs $ver\"" ||
		problems+=("libpigpioregs.3 does not say version $ver")
	[ -f "$cli/usr/share/bash-completion/completions/pigpio-regs" ] || problems+=("no bash completion")
	# The Python extension links the packaged library, carries no copy of
	# it (no pgr_ function defined in it) and exports its init only.
	py=$(unpack "$arch" python3-pigpio-regs)
	ext=$py/usr/lib/python3/dist-packages/pigpio_regs/_pigpio_regs.abi3.so
	machine=$(readelf -h "$ext" 2>/dev/null | sed -n 's/^ *Machine: *//p')
	[ "$machine" = "${elf_machine[$arch]}" ] || problems+=("_pigpio_regs.abi3.so is for '$machine'")
	readelf -d "$ext" 2>/dev/null | grep -q 'NEEDED.*\[libpigpioregs.so.1\]' ||
		problems+=("the extension is not linked with libpigpioregs.so.1")
	[ "$(readelf --dyn-syms -W "$ext" 2>/dev/null | awk '$7 != "UND" && $5 == "GLOBAL" { print $8 }')" = PyInit__pigpio_regs ] ||
		problems+=("the extension defines more than PyInit__pigpio_regs")
	readelf -s -W "$ext" 2>/dev/null | awk '$7 != "UND" { print $8 }' | grep -q '^pgr_' &&
		problems+=("the extension carries a copy of the library")
	grep -qx 'pigpio_regs = pigpio_regs.gpiozero_factory:PigpioRegsFactory' \
		"$py"/usr/lib/python3/dist-packages/pigpio_regs-"$ver".*-info/entry_points.txt 2>/dev/null ||
		problems+=("no gpiozero_pin_factories entry point")
	grep -q "^Depends:.*libpigpioregs1 (>= $ver)" "$py/DEBIAN/control" && grep -q '^Depends:.*python3' "$py/DEBIAN/control" &&
		grep -q '^Recommends:.*python3-gpiozero' "$py/DEBIAN/control" ||
		problems+=("python3-pigpio-regs: $(grep -E '^(Depends|Recommends):' "$py/DEBIAN/control" | tr '\n' ' ')")
	if [ ${#problems[@]} = 0 ]; then
		pass "$arch packages: ${elf_machine[$arch]} CLI linked with libpigpioregs.so.1, /usr/lib/$triplet, .pc, static library, man pages of version $ver; python3-pigpio-regs's extension linked with libpigpioregs.so.1 (no copy), gpiozero entry point"
	else
		fail "$arch packages" "$(printf '%s; ' "${problems[@]}")"
	fi
}
# check_dkms: the -dkms and -common packages, from the amd64 build
check_dkms() {
	local dkms common problems s f root gid have want
	[ -f "$cache/amd64/ok" ] || return 0
	dkms=$(unpack amd64 pigpio-regs-dkms)
	common=$(unpack amd64 pigpio-regs-common)
	problems=()
	s=$dkms/usr/src/pigpio_regs-$ver
	grep -qx "PACKAGE_VERSION=\"$ver\"" "$s/dkms.conf" 2>/dev/null || problems+=("no dkms.conf with PACKAGE_VERSION=\"$ver\" in /usr/src/pigpio_regs-$ver")
	for f in Kbuild kernel/Kbuild kernel/main.c include/uapi/linux/pigpio_regs.h; do
		[ -f "$s/$f" ] || problems+=("no $f")
	done
	# Every file of kernel/ (debian/pigpio-regs-dkms.install lists them),
	# and nothing else: not the in-tree build's output the build started with.
	have=$(cd "$s" && find . -type f ! -name dkms.conf | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
	want=$(cd "$src" && { echo Kbuild; echo include/uapi/linux/pigpio_regs.h; find kernel -type f; } | LC_ALL=C sort | tr '\n' ' ')
	[ "$have" = "$want" ] || problems+=("module source is '$have', not '$want'")
	[ ! -s "$cache/amd64/left-by-clean" ] || problems+=("debian/clean left $(tr '\n' ' ' <"$cache/amd64/left-by-clean")")
	grep -q 'common.postinst' "$dkms/DEBIAN/postinst" || problems+=("postinst lacks DKMS")
	grep -q 'dkms remove' "$dkms/DEBIAN/prerm" || problems+=("prerm does not remove the DKMS module")
	grep -q "^Depends: pigpio-regs-common (= $debver), dkms" "$dkms/DEBIAN/control" || problems+=("does not depend on pigpio-regs-common (= $debver) and dkms")
	[ -z "$(find "$dkms" -path '*/udev/*' -o -path '*sysusers*' -o -path '*modules-load*')" ] || problems+=("carries a file of pigpio-regs-common")
	cmp -s "$common/lib/udev/rules.d/60-pigpio-regs.rules" "$src/scripts/udev/60-pigpio-regs.rules" || problems+=("common: 60-pigpio-regs.rules")
	[ ! -e "$common/lib/udev/rules.d/61-pigpio-gpiomem-symlink.rules" ] &&
		cmp -s "$common/usr/share/doc/pigpio-regs-common/examples/61-pigpio-gpiomem-symlink.rules" "$src/scripts/udev/61-pigpio-gpiomem-symlink.rules" ||
		problems+=("common: the gpiomem link rule is not (only) an example")
	[ -z "$(find "$common" -path '*modules-load*')" ] || problems+=("common: a modules-load.d entry (udev loads the module from its alias)")
	grep -qx 'g gpio - -' "$common/usr/lib/sysusers.d/pigpio-regs-common.conf" 2>/dev/null || problems+=("common: sysusers.d entry")
	grep -q 'systemd-sysusers.*pigpio-regs-common.conf' "$common/DEBIAN/postinst" || problems+=("common: postinst lacks systemd-sysusers")
	! grep -q dkms "$common/DEBIAN/postinst" || problems+=("common: postinst calls DKMS")
	if [ ${#problems[@]} = 0 ]; then
		pass "pigpio-regs-dkms: module source (every file of kernel/, none of the ${#KBUILD_OUTPUT[@]} in-tree build outputs the build started with, which debian/clean removed) and dkms.conf of version $ver, depends on pigpio-regs-common (= $debver); pigpio-regs-common: 60-pigpio-regs.rules and the sysusers.d entry, no modules-load.d entry, the gpiomem link rule as an example only"
	else
		fail "pigpio-regs-dkms and -common contents" "$(printf '%s; ' "${problems[@]}")"
	fi
	# The group the postinst makes, on a system without one.
	root=$work/sysusers-root
	mkdir -p "$root/etc" "$root/usr/lib/sysusers.d"
	cp "$common/usr/lib/sysusers.d/pigpio-regs-common.conf" "$root/usr/lib/sysusers.d/"
	gid=$(systemd-sysusers --root="$root" pigpio-regs-common.conf >/dev/null 2>&1 &&
		sed -n 's/^gpio:x:\([0-9]*\):$/\1/p' "$root/etc/group")
	if [ -n "$gid" ] && [ "$gid" -lt 1000 ]; then
		pass "the postinst's systemd-sysusers call creates system group gpio (GID $gid) where there is none"
	else
		fail "sysusers" "no system group gpio in $(cat "$root/etc/group" 2>/dev/null)"
	fi
}

# the_rest: wait for the cross builds, the source package and lintian, and
# report them (run once, at the end or when the test stops early)
the_rest() {
	local name
	[ -n "$rest" ] || return 0
	rest=
	for name in "${CROSS[@]}" source lint-amd64; do
		[ -z "${pid[$name]:-}" ] || wait "${pid[$name]}"
	done
	for name in "${CROSS[@]}"; do
		report_build "$name"
	done
	for name in "${CROSS[@]}"; do
		check_arch "$name"
	done
	for name in amd64 "${CROSS[@]}" source; do
		report_lint "$name"
	done
	echo "tests/deb: builds and lintian done $(($(date +%s) - build_start)) s after they started, beside the install test ($cached of $((${#CROSS[@]} + 2)) binary builds cached)" >&2
}

# --- only one architecture's packages, for the boards ---------------------
if [ -n "$only" ]; then
	# Two boards of one architecture may ask at once: one builds.
	exec 9>"$cache/$only.lock"
	flock 9
	if [ ! -f "$cache/$only/ok" ]; then
		tmp_pkg=$(mktemp -d -p "$out" source-XXXXXX)
		srcpkg=$tmp_pkg
		build_source "$srcpkg" ||
			{ echo "tests/deb: the source package failed ($srcpkg/build.log)" >&2; cat "$srcpkg/build.log" >&2; exit 1; }
		build "$only" "$only" ||
			{ echo "tests/deb: the $only build failed (${cache#"$top"/}/$only/build.log)" >&2; exit 1; }
	fi
	echo "$cache/$only"
	exit 0
fi

# --- the source package, then the builds and lintian, in parallel; the host
# part needs only amd64 and old ----------------------------------------------
build_start=$(date +%s)
cached=$(find "$cache" -mindepth 2 -maxdepth 2 -name ok | wc -l)
declare -A pid
srcpkg=$out/source
build_source "$srcpkg"
report_build source
[ -f "$srcpkg/ok" ] || finish
check_dist
lint "$srcpkg" &
pid[source]=$!
rest=yes
build amd64 amd64 &
pid[amd64]=$!
build old "$host_arch" &
pid[old]=$!
for arch in "${CROSS[@]}"; do
	{ build "$arch" "$arch" && lint "$cache/$arch"; } &
	pid[$arch]=$!
done
wait "${pid[amd64]}"
wait "${pid[old]}"
lint "$cache/amd64" &
pid[lint-amd64]=$!
report_build amd64
report_build old
check_arch amd64
check_dkms

# debian/copyright against every file's SPDX line (copyright_check.py).
if out_cc=$(python3 "$top/tests/deb/copyright_check.py" "$top" 2>&1); then
	pass "debian/copyright names each file's SPDX license ($(echo "$out_cc" | tail -n 1))"
else
	fail "debian/copyright names each file's SPDX license" "$(echo "$out_cc" | tail -n 6 | tr '\n' ' ')"
fi

# --- on this machine, while the cross builds and lintian go on ------------------
if [ ! -f "$cache/amd64/ok" ] || [ ! -f "$cache/old/ok" ]; then
	fail "install test" "no amd64 packages to install"
	finish
fi
# --- step 5, in a throw-away copy of the private install root -------------------
# (tests/deb/install-test.sh; nothing of it reaches this machine's dpkg)
host_start=$(date +%s)
while IFS= read -r line; do
	case $line in
	"PASS deb: "*) echo "$line"; passed=$((passed + 1)) ;;
	"FAIL deb: "*) echo "$line"; failed=$((failed + 1)) ;;
	*) echo "$line" >&2 ;;
	esac
done < <("$top/tests/deb/root.sh" --install run "$out" \
	bash /mnt/work/src/tests/deb/install-test.sh "$key" "$ver" "$debver" "$old" "$olddeb" "${PKGS[@]}" 2>>"$out/tools.log" ||
	echo "FAIL deb: install test: tests/deb/root.sh --install run exited $? ($(last "$out/tools.log" 3))")
echo "tests/deb: install, upgrade, reinstall, remove and purge took $(($(date +%s) - host_start)) s, in the install root" >&2
finish
