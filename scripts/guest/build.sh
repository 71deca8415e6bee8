#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# build.sh BOARD: cross-build, for one board, the module against Debian's
# headers for its kernel, and the client and guest tests as static binaries.
# Any compiler warning fails the build.
set -euo pipefail
# shellcheck source=scripts/guest/lib.sh
. "$(dirname "$0")/lib.sh"

pgr_board "${1:?usage: build.sh BOARD}"
cache=$(pgr_board_cache)
out=$(pgr_board_build)
release=$(cat "$cache/release")
kdir=$cache/root/usr/src/linux-headers-$release

case $B_ARCH in
arm64) karch=arm64 ;;
armel | armhf) karch=arm ;;
*) pgr_die "no kernel ARCH for Debian architecture $B_ARCH" ;;
esac

# The module: kbuild writes next to the sources, so build a copy per board.
rm -rf "$out/module" && mkdir -p "$out/module"
cp -r "$PGR_TOP/Kbuild" "$PGR_TOP/kernel" "$PGR_TOP/include" "$out/module/"
# No BTF for the module: that needs the pahole the kernel was built with,
# and nothing here uses it (a module without BTF loads all the same).
kmake=(make -s -C "$kdir" M="$out/module" ARCH="$karch" CROSS_COMPILE="$B_CROSS"
	KCFLAGS=-Werror CONFIG_DEBUG_INFO_BTF_MODULES=)
# Debian's headers name the compiler the kernel was built with
# (.kernelvariables: "CC = ... $(CROSS_COMPILE)gcc-14"), and the module is
# built with that one: from this host's PATH, or else inside the private
# root of the board's suite that fetch.sh assembled with it (trixie's GCC
# 14 on a bookworm host), in a mount namespace of its own that sees the
# headers at /mnt/kernel and the module's copy at /mnt/module.
kcc=$(pgr_kernel_cc)
tc=$(pgr_toolchain_dir)
if [ -n "$kcc" ] && ! command -v "$B_CROSS$kcc" >/dev/null; then
	[ -f "$tc/ready" ] || pgr_die "$B_NAME: no $B_CROSS$kcc here and no toolchain root (fetch.sh)"
	pgr_log "$B_NAME: building with $(cat "$tc/ready") in ${tc#"$PGR_TOP"/}"
	# shellcheck disable=SC2016 # the inner shell's "$1"..., not this one's
	kmake=(unshare --mount --propagation private sh -c '
		mount --bind "$1" "$2/mnt/kernel" && mount --bind "$3" "$2/mnt/module" &&
			mount --rbind /dev "$2/dev" && mount -t proc proc "$2/proc" &&
			tc=$2 && shift 3 && exec chroot "$tc" "$@"' sh "$cache" "$tc" "$out/module"
		env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8
		make -s -C "/mnt/kernel/root/usr/src/linux-headers-$release" M=/mnt/module
		ARCH="$karch" CROSS_COMPILE="$B_CROSS" KCFLAGS=-Werror CONFIG_DEBUG_INFO_BTF_MODULES=)
fi
pgr_log "$B_NAME: building pigpio_regs.ko for $release"
if ! "${kmake[@]}" modules >"$out/module.log" 2>&1 ||
	grep -qi 'warning' "$out/module.log"; then
	cat "$out/module.log" >&2
	pgr_die "module build failed or printed warnings (log: $out/module.log)"
fi

pgr_log "$B_NAME: building the client and guest tests"
make -s -C "$PGR_TOP/user" CC="${B_CROSS}gcc" BUILD="$out/user" STATIC=1 all bench
make -s -C "$PGR_TOP/tests/guest" CC="${B_CROSS}gcc" BUILD="$out/guest-bin"

# The Python package (python/Makefile), cross-built against the board's own
# Python headers (fetch.sh), which checks the plain-make path builds for
# the board; the guest's module itself is python3-pigpio-regs, which its
# dpkg installs with the other packages (init.sh). boot.sh lays
# python-root/ (the package's tests here) over the root filesystem.
pyh=$(pgr_python_headers)
pyver=$(sed -n 's/^libpython\(3\.[0-9]*\)-dev$/\1/p' "$pyh/version")
[ -n "$pyver" ] || pgr_die "$B_NAME: no Python headers in $pyh (fetch.sh)"
pgr_log "$B_NAME: building the Python extension for python$pyver"
make -s -C "$PGR_TOP/python" CC="${B_CROSS}gcc" BUILD="$out/python" \
	PY_INCLUDES="-I$pyh/root/usr/include/python$pyver -I$pyh/root/usr/include"
rm -rf "$out/python-root"
# The package's own tests, and the optional gpiochip rule the Python part
# of the suite installs for a while (tests/guest/python.sh).
mkdir -p "$out/python-root/pigpio"
cp -r "$PGR_TOP/python/tests" "$out/python-root/pigpio/python-tests"
cp "$PGR_TOP/scripts/udev/62-pigpio-gpiochip.rules" "$out/python-root/pigpio/"

# The Debian packages the guest's dpkg installs at boot (init.sh): the
# library, the CLI and pigpio-regs-common of the board's architecture, as
# tests/deb builds them, and the binary module package for the board's
# kernel (scripts/mkmodules-deb.sh), lintian-clean like the others.
# Both directories start empty: a package of an earlier version left there
# would be installed beside this one.
rm -rf "$out/debs" "$out/modules-deb" && mkdir -p "$out/debs"
pgr_log "$B_NAME: the $B_ARCH packages (tests/deb/run.sh --build $B_ARCH)"
debdir=$("$PGR_TOP/tests/deb/run.sh" --build "$B_ARCH") ||
	pgr_die "$B_NAME: no $B_ARCH packages (see build/deb/cache/*/$B_ARCH/build.log)"
cp "$debdir"/pigpio-regs-common_*_all.deb "$debdir"/libpigpioregs1_*_"$B_ARCH".deb \
	"$debdir"/pigpio-regs_*_"$B_ARCH".deb "$debdir"/python3-pigpio-regs_*_"$B_ARCH".deb "$out/debs/"
usr=()
[ "$(pgr_kernel_moddir)" = /lib/modules ] || usr=(--usr)
"$PGR_TOP/scripts/mkmodules-deb.sh" "${usr[@]}" "$out/module/kernel/pigpio_regs.ko" "$release" \
	"$B_ARCH" "$out/modules-deb" >/dev/null || pgr_die "$B_NAME: cannot make the module package"
cp "$out/modules-deb"/*.deb "$out/debs/"
if ! lintian --fail-on=error,warning "$out/modules-deb"/*.changes >"$out/modules-deb/lintian.log" 2>&1 ||
	grep -qE '^[EW]: ' "$out/modules-deb/lintian.log"; then
	cat "$out/modules-deb/lintian.log" >&2
	pgr_die "$B_NAME: lintian found errors or warnings in the module package"
fi
(cd "$out/debs" && for f in *.deb; do
	printf '%s %s %s\n' "$f" "$(stat -c %s "$f")" "$(dpkg-deb -f "$f" Installed-Size)"
done) >"$out/debs/sizes"
