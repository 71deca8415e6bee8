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
pgr_log "$B_NAME: building pigpio_regs.ko for $release"
if ! make -s -C "$kdir" M="$out/module" ARCH="$karch" CROSS_COMPILE="$B_CROSS" \
	KCFLAGS=-Werror modules >"$out/module.log" 2>&1 ||
	grep -qi 'warning' "$out/module.log"; then
	cat "$out/module.log" >&2
	pgr_die "module build failed or printed warnings (log: $out/module.log)"
fi

pgr_log "$B_NAME: building the client and guest tests"
make -s -C "$PGR_TOP/user" CC="${B_CROSS}gcc" BUILD="$out/user" STATIC=1
make -s -C "$PGR_TOP/tests/guest" CC="${B_CROSS}gcc" BUILD="$out/guest-bin"
