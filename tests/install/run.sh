#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Install tests on the host: `make install DESTDIR=...` lays out exactly the
# documented files, the library links through them, the man pages render,
# `make uninstall` removes exactly those files, and DKMS (Debian's package)
# adds, builds and installs the module against Debian's amd64 headers.
# One PASS/FAIL line each.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { echo "PASS install: $1"; }
fail() { echo "FAIL install: $1: $2"; }

# Debian's headers for a kernel of this machine's architecture (the module
# must build anywhere; it cannot load here).
kdir=$(find /usr/src -maxdepth 1 -name "linux-headers-*-$(dpkg --print-architecture)" | sort -V | tail -n 1)
if [ -z "$kdir" ]; then
	fail "find Debian kernel headers" "no /usr/src/linux-headers-*-$(dpkg --print-architecture) (install linux-headers-$(dpkg --print-architecture))"
	exit 1
fi
release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$kdir/include/generated/utsrelease.h")

# Build in a copy: kbuild writes next to the sources.
src=$work/src
mkdir -p "$src"
(cd "$top" && git ls-files -z | xargs -0 cp --parents -t "$src")
dest=$work/dest
if make -s -C "$src" install KDIR="$kdir" DESTDIR="$dest" PREFIX=/usr \
	GPIOMEM_LINK=1 BUILD="$work/user" >"$work/install.log" 2>&1; then
	pass "make install DESTDIR=... PREFIX=/usr succeeds"
else
	fail "make install DESTDIR=... PREFIX=/usr" "$(tail -n 5 "$work/install.log")"
fi

# The library's version and soname, from the one place each is set.
ver=$(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$top/user/include/pigpioregs.h")
so=$(sed -n 's/^SOVERSION := //p' "$top/user/Makefile")
expected="lib/modules/$release/extra/pigpio_regs.ko
usr/bin/pigpio-regs
usr/include/pigpioregs.h
usr/include/pigpioregs/pigpio_regs.h
usr/lib/libpigpioregs.a
usr/lib/libpigpioregs.so
usr/lib/libpigpioregs.so.$so
usr/lib/libpigpioregs.so.$ver
usr/lib/pkgconfig/libpigpioregs.pc
usr/lib/udev/rules.d/60-pigpio-regs.rules
usr/lib/udev/rules.d/61-pigpio-gpiomem-symlink.rules
usr/share/bash-completion/completions/pigpio-regs
usr/share/man/man1/pigpio-regs.1
usr/share/man/man3/libpigpioregs.3"
got=$(cd "$dest" 2>/dev/null && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
if [ "$got" = "$expected" ]; then
	pass "installed file list is exactly the documented one (14 files)"
else
	fail "installed file list" "$(diff <(echo "$expected") <(echo "$got") | tr '\n' ' ')"
fi

# No modules-load.d entry: udev loads the module from the GPIO node's
# modalias. The module's "of:" aliases are its table's compatibles, in
# the two forms file2alias makes (kernel/locate.c), and modprobe resolves each node's alias, as udev's
# kmod builtin does, to pigpio_regs after depmod (in a copy of the tree).
compats=$(sed -n '/pigpio_regs_gpio_ids\[\] = {/,/^};/s/.*\.compatible = "\([^"]*\)".*/\1/p' "$top/kernel/locate.c" | sort)
aliases=$(modinfo -F alias "$dest/lib/modules/$release/extra/pigpio_regs.ko" 2>&1 | grep '^of:' | LC_ALL=C sort)
want=$(for c in $compats; do printf 'of:N*T*C%s\nof:N*T*C%sC*\n' "$c" "$c"; done | LC_ALL=C sort)
mkdir -p "$work/dm" && cp -a "$dest/lib" "$work/dm/"
depmod -b "$work/dm" "$release" 2>/dev/null
resolved=
for c in $compats; do
	resolved="$resolved$(modprobe -d "$work/dm" -S "$release" -R "of:NgpioT(null)C$c" 2>&1) "
done
if [ -n "$compats" ] && [ "$aliases" = "$want" ] &&
	[ "$resolved" = "$(for c in $compats; do printf 'pigpio_regs '; done)" ]; then
	pass "the module's of: aliases are its $(echo "$compats" | wc -l) compatibles, and modprobe resolves each GPIO node's modalias to it"
else
	fail "module aliases" "compatibles: $(echo "$compats" | tr "\n" " "); aliases: $(echo "$aliases" | tr "\n" " "); resolved: $resolved"
fi

soname=$(readelf -d "$dest/usr/lib/libpigpioregs.so.$ver" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
if [ "$soname" = "libpigpioregs.so.$so" ] && [ "$(readlink "$dest/usr/lib/libpigpioregs.so")" = "libpigpioregs.so.$so" ]; then
	pass "shared library has soname libpigpioregs.so.$so and its links"
else
	fail "shared library soname" "soname '$soname'"
fi
exported=$(nm -D --defined-only "$dest/usr/lib/libpigpioregs.so.$ver" | awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort)
declared=$(awk -f "$top/user/exports.awk" "$dest/usr/include/pigpioregs.h" | sort -u)
if [ -n "$declared" ] && [ "$exported" = "$declared" ]; then
	pass "shared library exports exactly the header's $(echo "$declared" | wc -l) functions"
else
	fail "exported symbols" "$(diff <(echo "$declared") <(echo "$exported") | tr '\n' ' ')"
fi
# The installed static archive: the same names global, nothing else.
archived=$(nm --defined-only -g "$dest/usr/lib/libpigpioregs.a" 2>/dev/null |
	awk 'NF == 3 && $2 ~ /^[A-Z]$/ { print $3 }' | sort)
if [ -n "$archived" ] && [ "$archived" = "$declared" ]; then
	pass "static archive has exactly the header's $(echo "$declared" | wc -l) functions as globals"
else
	fail "static archive globals" "$(diff <(echo "$declared") <(echo "$archived") | tr '\n' ' ' | head -c 600)"
fi
# The header's static inline functions are the caller's code, never symbols.
inline=$(sed -n 's/^static inline [a-z0-9_ ]*[ *]\(pgr_[a-z0-9_]*\)(.*/\1/p' "$dest/usr/include/pigpioregs.h" | sort -u)
if [ -n "$inline" ] && [ -z "$(comm -12 <(echo "$inline") <(echo "$exported"))" ]; then
	pass "none of the header's $(echo "$inline" | wc -l) static inline functions is exported"
else
	fail "static inline functions" "found: '${inline//$'\n'/ }'; exported too: $(comm -12 <(echo "$inline") <(echo "$exported") | tr '\n' ' ')"
fi

# The man page's synopsis names every exported function and every inline
# one, and nothing the header does not declare.
man3=$dest/usr/share/man/man3/libpigpioregs.3
in_man=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$man3" 2>/dev/null |
	grep -oE '\bpgr_[a-z0-9_]+\(' | tr -d '(' | sort -u)
in_header=$(printf '%s\n%s\n' "$declared" "$inline" | sort -u)
if [ -n "$in_man" ] && [ "$in_man" = "$in_header" ]; then
	pass "libpigpioregs.3 lists all $(echo "$in_man" | wc -l) functions of the header, exported and inline"
else
	fail "libpigpioregs.3 synopsis" "$(diff <(echo "$in_header") <(echo "$in_man") | tr '\n' ' ')"
fi

# The ABI against the committed baseline (libabigail): a change to an
# exported function or to struct pgr_line fails here, until the soname is
# bumped and the baseline made again (user/abi/README).
abi=$top/user/abi/libpigpioregs.so.$so.abi
if [ ! -f "$abi" ]; then
	fail "ABI baseline" "no $abi for soname $so: make a new baseline (user/abi/README)"
elif make -s -C "$top/user" shared BUILD="$work/abi" CFLAGS="-O2 -g" >"$work/abi.log" 2>&1 &&
	abidw --no-corpus-path --headers-dir "$top/user/include" \
		"$work/abi/libpigpioregs.so.$ver" >"$work/current.abi" 2>>"$work/abi.log" &&
	abidiff "$abi" "$work/current.abi" >>"$work/abi.log" 2>&1; then
	pass "ABI of libpigpioregs.so.$so matches its baseline (abidiff, $(grep -c '<function-decl' "$abi") function declarations)"
else
	fail "ABI against user/abi/libpigpioregs.so.$so.abi" "$(tail -n 20 "$work/abi.log" | tr '\n' ' ')"
fi

# A program built only from what was installed, through pkg-config, runs
# against a simulated register block (a file with the driver's attributes).
cat >"$work/prog.c" <<'EOT'
#include <stdio.h>
#include <pigpioregs.h>
int main(int argc, char **argv)
{
	struct pgr_chip *chip;
	int err = pgr_chip_open(&chip, argv[1], argv[2]);
	struct pgr_line line;

	(void)argc;
	if (err || pgr_line_init(chip, 40, &line))
		return 1;
	pgr_pin_write(chip, 17, 1);
	pgr_line_high(&line);
	printf("%s %u %s\n", pgr_chip_soc_name(chip), pgr_chip_pin_count(chip), pgr_version());
	pgr_chip_close(chip);
	return 0;
}
EOT
head -c 4096 /dev/zero >"$work/block"
mkdir -p "$work/attrs"
printf 'bcm2837\n' >"$work/attrs/soc"; printf '0x3f200000\n' >"$work/attrs/phys_base"
printf '0x7e200000\n' >"$work/attrs/bus_base"; printf '180\n' >"$work/attrs/block_size"
printf '4096\n' >"$work/attrs/window_size"; printf '54\n' >"$work/attrs/ngpio"
printf 'devicetree\n' >"$work/attrs/source"
pcdir=$dest/usr/lib/pkgconfig
read -r -a flags <<<"$(PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest \
	pkg-config --cflags --libs libpigpioregs 2>&1)"
if cc -o "$work/prog" "$work/prog.c" "${flags[@]}" >"$work/cc.log" 2>&1 &&
	out=$(LD_LIBRARY_PATH=$dest/usr/lib "$work/prog" "$work/block" "$work/attrs") &&
	[ "$out" = "bcm2837 54 $(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$top/user/include/pigpioregs.h")" ] &&
	[ "$(od -A n -t x4 -j 28 -N 8 "$work/block" | tr -s ' ')" = " 00020000 00000100" ]; then
	pass "a program built with pkg-config against the installed files drives the block (pgr_pin_write of GPIO17 in GPSET0, a pgr_line of GPIO40 in GPSET1)"
else
	fail "pkg-config build" "flags '${flags[*]}': $(cat "$work/cc.log") out '${out:-}'"
fi

for page in man1/pigpio-regs.1 man3/libpigpioregs.3; do
	warnings=$(MANWIDTH=80 man --warnings -l "$dest/usr/share/man/$page" 2>&1 >/dev/null)
	if MANWIDTH=80 man -l "$dest/usr/share/man/$page" 2>/dev/null | grep -q NAME && [ -z "$warnings" ]; then
		pass "man -l renders $page without warnings"
	else
		fail "man -l $page" "$warnings"
	fi
done
# The CLI page is help2man's rendering of --help: it must be current.
if make -s -C "$src/user" man BUILD="$work/user" >/dev/null 2>&1 &&
	diff -q "$src/user/man/pigpio-regs.1" "$top/user/man/pigpio-regs.1" >/dev/null; then
	pass "user/man/pigpio-regs.1 matches the CLI's --help (make -C user man)"
else
	fail "user/man/pigpio-regs.1 is stale" "run make -C user man and commit it"
fi

if [ -n "$got" ] && make -s -C "$src" uninstall KDIR="$kdir" DESTDIR="$dest" \
	PREFIX=/usr GPIOMEM_LINK=1 BUILD="$work/user" >"$work/uninstall.log" 2>&1 &&
	[ -z "$(find "$dest" \( -type f -o -type l \))" ]; then
	pass "make uninstall removes exactly what was installed"
else
	fail "make uninstall" "left: $(find "$dest" \( -type f -o -type l \) | tr '\n' ' ')"
fi

# DKMS: add, build, install against the headers, then remove again.
if ! command -v dkms >/dev/null; then
	fail "dkms" "not installed (scripts/install-deps.sh installs it)"
	exit 1
fi
# One version: dkms.conf's is the library's (PGR_VERSION).
dkms_ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$src/dkms.conf")
pgr_ver=$(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$src/user/include/pigpioregs.h")
if [ -n "$dkms_ver" ] && [ "$dkms_ver" = "$pgr_ver" ]; then
	pass "dkms.conf's version is PGR_VERSION ($pgr_ver)"
else
	fail "dkms.conf version" "dkms.conf says '$dkms_ver', pigpioregs.h '$pgr_ver'"
fi
dkms_src=/usr/src/pigpio_regs-$dkms_ver
dkms remove -m pigpio_regs -v "$dkms_ver" --all >/dev/null 2>&1
# The README's command, sudo make dkms, from the tree built in place
# (make install above built kernel/pigpio_regs.ko there): the source it
# copies holds no build output, cache/, build/ or .git.
rm -rf "$dkms_src"
mkdir -p "$src/cache" "$src/.git" && touch "$src/cache/x" "$src/.git/x"
if make -s -C "$src" dkms DKMS_ARGS="-k $release" >"$work/dkms.log" 2>&1 &&
	modinfo -k "$release" pigpio_regs 2>/dev/null | grep -q '^filename:.*updates/dkms/pigpio_regs.ko' &&
	[ -z "$(find "$dkms_src" -name '*.o' -o -name '*.ko' -o -name '*.cmd' -o -name '*.mod*' -o -name cache -o -name build -o -name .git -o -name user)" ] &&
	[ "$(cd "$dkms_src" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')" = \
		"$(cd "$src" && { echo Kbuild; echo dkms.conf; echo include/uapi/linux/pigpio_regs.h; git -C "$top" ls-files kernel; } | LC_ALL=C sort | tr '\n' ' ')" ]; then
	pass "make dkms (README) from a tree built in place copies only Kbuild, dkms.conf, the UAPI header and kernel/'s tracked files (no build output, cache/ or .git) and DKMS adds, builds and installs the module for $release"
else
	fail "DKMS" "$(tail -n 8 "$work/dkms.log" | tr '\n' ' ')"
fi
dkms remove -m pigpio_regs -v "$dkms_ver" --all >/dev/null 2>&1
rm -rf "$dkms_src"
