#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/install-test.sh KEY VERSION OLD PACKAGE...: step 4 of
# tests/deb/run.sh, run by it inside a throw-away copy of the private
# install root (tests/deb/root.sh --install: Debian with dpkg, DKMS, the
# kernel headers, a compiler, man-db and gpiozero), which sees build/deb at
# /mnt/work: installs the previous version OLD of the packages from
# cache/KEY/old, upgrades to VERSION (cache/KEY/amd64), checks what they
# installed, reinstalls, removes and purges them. One PASS/FAIL line each
# (run.sh counts them); the dpkg log in /mnt/work/install.log.
set -uo pipefail
key=$1 ver=$2 old=$3
shift 3
PKGS=("$@")
out=/mnt/work
cache=$out/cache/$key
src=$out/src
host_arch=$(dpkg --print-architecture)
work=$(mktemp -d)
pass() { echo "PASS deb: $1"; }
fail() { echo "FAIL deb: $1: $2"; }
finish() { exit 0; }
last() { tail -n "${2:-6}" "$1" 2>/dev/null | tr '\n' ' ' | cut -c 1-700; }
debs() { ls "$cache/$1"/*.deb 2>/dev/null; }
purge() {
	if dpkg-query -W -f='${db:Status-Abbrev}\n' "${PKGS[@]}" 2>/dev/null | grep -qv '^un'; then
		dpkg -P "${PKGS[@]}" >>"$out/install.log" 2>&1
	fi
}
export DEBIAN_FRONTEND=noninteractive

kdir=$(find /usr/src -maxdepth 1 -name "linux-headers-*-$host_arch" | sort -V | tail -n 1)
release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$kdir/include/generated/utsrelease.h" 2>/dev/null)
if [ -z "$release" ]; then
	fail "Debian kernel headers" "no /usr/src/linux-headers-*-$host_arch"
	finish
fi
log=$out/install.log
: >"$log"

# snapshot: every path under /usr, /etc, /lib (unless a link to /usr/lib) and
# /var/lib/dkms, less what is not the packages' own: the group files (the
# gpio group is kept by design), depmod's index of each kernel's modules
# (rewritten, not removed, when DKMS installs and removes a module), DKMS's
# own signing key (made at its first build, for all modules) and Python's
# byte code caches (written by any Python program run as root).
snapshot() {
	local roots=() r
	for r in /usr /etc /lib /var/lib/dkms; do
		[ -L "$r" ] || [ ! -e "$r" ] || roots+=("$r")
	done
	find "${roots[@]}" 2>/dev/null |
		grep -vE '^/etc/(group|gshadow)-?$|^(/usr)?/lib/modules/[^/]+/modules\.[a-z.]+$|^/var/lib/dkms/mok\.(key|pub)$|/__pycache__(/|$)' |
		sort
}
# same_as_before WHAT: the file system is as it was before the install
same_as_before() {
	mark "snapshot after $1"
	snapshot >"$work/after"
	if cmp -s "$work/before" "$work/after"; then
		pass "$1 leaves no file behind ($(wc -l <"$work/before") paths compared)"
	else
		fail "$1 leaves files behind" "$(diff "$work/before" "$work/after" | grep '^[<>]' | head -n 10 | tr '\n' ' ')"
	fi
}
# installed VERSION: each package is installed at VERSION and DKMS has built
# and installed the module of VERSION for the headers' kernel
installed() {
	local p problems=()
	for p in "${PKGS[@]}"; do
		[ "$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$p" 2>/dev/null)" = "ii $1" ] ||
			problems+=("$p is $(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$p" 2>/dev/null)")
	done
	dkms status -m pigpio_regs -v "$1" -k "$release" 2>/dev/null | grep -q ': installed' ||
		problems+=("DKMS: '$(dkms status -m pigpio_regs 2>&1 | tr '\n' ' ')'")
	modinfo -k "$release" -F filename pigpio_regs 2>/dev/null | grep -q '/updates/dkms/pigpio_regs\.ko' ||
		problems+=("modinfo -k $release: '$(modinfo -k "$release" -F filename pigpio_regs 2>&1)'")
	[ ${#problems[@]} = 0 ] || { printf '%s; ' "${problems[@]}"; return 1; }
}
# mark WHAT: a time stamp in the log
mark() { echo "== $(date +%T) $*" >>"$log"; }
# dpkg_i NAME: dpkg -i the packages of build NAME
dpkg_i() {
	local files
	mapfile -t files < <(debs "$1")
	mark "dpkg -i ${files[*]##*/}"
	dpkg -i "${files[@]}" >>"$log" 2>&1
}

snapshot >"$work/before"
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)
if dpkg_i old && why=$(installed "$old"); then
	pass "dpkg -i of version $old: DKMS built and installed pigpio_regs $old for $release"
else
	fail "dpkg -i of version $old" "${why:-$(last "$log")}"
fi
why=
if dpkg_i amd64 && why=$(installed "$ver") &&
	[ ! -e "/usr/src/pigpio_regs-$old" ] && [ ! -e "/var/lib/dkms/pigpio_regs/$old" ] &&
	[ ! -e "/usr/lib/$triplet/libpigpioregs.so.$old" ]; then
	pass "upgrade $old -> $ver: DKMS built and installed pigpio_regs $ver for $release ($(modinfo -k "$release" -F filename pigpio_regs)), nothing of $old left"
else
	fail "upgrade $old -> $ver" "${why:-$(last "$log")} $(ls -d /usr/src/pigpio_regs-"$old" /var/lib/dkms/pigpio_regs/"$old" 2>/dev/null)"
fi

gid=$(getent group gpio | cut -d: -f3)
if [ -n "$gid" ] && [ "$gid" -lt 1000 ]; then
	pass "system group gpio exists (GID $gid)"
else
	fail "group gpio" "getent group gpio: '$(getent group gpio)'"
fi
# No modules-load.d entry: udev loads the module from the GPIO node's
# modalias, which modprobe must resolve to the module DKMS installed.
alias=$(modprobe -S "$release" -R 'of:NgpioT(null)Cbrcm,bcm2835-gpio' 2>&1)
if cmp -s /lib/udev/rules.d/60-pigpio-regs.rules "$src/scripts/udev/60-pigpio-regs.rules" &&
	[ ! -e /lib/udev/rules.d/61-pigpio-gpiomem-symlink.rules ] &&
	[ -z "$(find /usr/lib/modules-load.d /etc/modules-load.d -name '*pigpio*' 2>/dev/null)" ] &&
	[ "$alias" = pigpio_regs ]; then
	pass "udev rule /lib/udev/rules.d/60-pigpio-regs.rules in place, no modules-load.d entry, a BCM2835 GPIO node's modalias resolves to pigpio_regs for $release"
else
	fail "udev rule and module alias" "$(find /lib/udev/rules.d/ /usr/lib/modules-load.d/ -name '*pigpio*' | tr '\n' ' ') alias: $alias"
fi
help=$(pigpio-regs --help 2>&1)
help_rc=$?
version=$(pigpio-regs --version 2>&1)
loaded=$(ldd "$(command -v pigpio-regs)" 2>&1 | awk '$1 == "libpigpioregs.so.1" { print $3 }')
if [ "$help_rc" = 0 ] && [ -n "$help" ] && [ "$version" = "pigpio-regs $ver" ] && [ -n "$loaded" ] &&
	[ "$(readlink -f "$loaded")" = "/usr/lib/$triplet/libpigpioregs.so.$ver" ]; then
	pass "pigpio-regs --help and --version ($version), with the packaged libpigpioregs.so.1 ($loaded)"
else
	fail "pigpio-regs CLI" "--help exit $help_rc, --version '$version', libpigpioregs.so.1 from '$loaded'"
fi
if [ "$(man -w pigpio-regs 2>/dev/null)" = /usr/share/man/man1/pigpio-regs.1.gz ] &&
	[ "$(man -w 3 libpigpioregs 2>/dev/null)" = /usr/share/man/man3/libpigpioregs.3.gz ] &&
	bash -c '. /usr/share/bash-completion/completions/pigpio-regs && complete -p pigpio-regs' >/dev/null 2>&1; then
	pass "man pigpio-regs, man 3 libpigpioregs and the bash completion are installed"
else
	fail "man pages and completion" "man -w: '$(man -w pigpio-regs 2>&1)' '$(man -w 3 libpigpioregs 2>&1)'"
fi

# A program built against the -dev package, through pkg-config, drives a
# simulated register block (a file with the driver's sysfs attributes).
cat >"$work/prog.c" <<'EOT'
#include <stdio.h>
#include <pigpioregs.h>
int main(int argc, char **argv)
{
	struct pgr_chip *chip;
	(void)argc;
	if (pgr_chip_open(&chip, argv[1], argv[2]))
		return 1;
	pgr_pin_write(chip, 17, 1);
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
read -r -a cflags <<<"$(pkg-config --cflags libpigpioregs 2>&1)"
read -r -a libs <<<"$(pkg-config --libs libpigpioregs 2>&1)"
if cc -o "$work/prog" "$work/prog.c" "${cflags[@]}" "${libs[@]}" >"$work/cc.log" 2>&1 &&
	readelf -d "$work/prog" | grep -q 'NEEDED.*\[libpigpioregs.so.1\]' &&
	[ "$("$work/prog" "$work/block" "$work/attrs")" = "bcm2837 54 $ver" ] &&
	[ "$(od -A n -t x4 -j 28 -N 4 "$work/block" | tr -d ' ')" = 00020000 ]; then
	pass "a program built with pkg-config --cflags --libs libpigpioregs links libpigpioregs.so.1 and drives a simulated block"
else
	fail "build with pkg-config" "flags '${cflags[*]} ${libs[*]}': $(last "$work/cc.log" 3)"
fi
head -c 4096 /dev/zero >"$work/block"
if cc -o "$work/prog-static" "$work/prog.c" "${cflags[@]}" -Wl,-Bstatic "${libs[@]}" -Wl,-Bdynamic >"$work/cc.log" 2>&1 &&
	! readelf -d "$work/prog-static" | grep -q 'libpigpioregs' &&
	[ "$("$work/prog-static" "$work/block" "$work/attrs")" = "bcm2837 54 $ver" ]; then
	pass "a program linked with the -dev package's static libpigpioregs.a runs"
else
	fail "static link" "$(last "$work/cc.log" 3)"
fi

# The Python module of python3-pigpio-regs, from /usr/lib/python3 and with
# the packaged library, on the simulated block; the gpiozero factory by
# its entry point, as GPIOZERO_PIN_FACTORY=pigpio_regs finds it.
head -c 4096 /dev/zero >"$work/block"
pyout=$(cd / && /usr/bin/python3 -c '
import sys, gpiozero, pigpio_regs, pigpio_regs._pigpio_regs as ext
from importlib.metadata import entry_points
c = pigpio_regs.Chip(sys.argv[1], sys.argv[2])
print(pigpio_regs.__file__, ext.__file__, c.soc, c.pin_count, ext.library_version())
c.close()
ep = [e for e in entry_points(group="gpiozero_pin_factories") if e.name == "pigpio_regs"]
print(ep[0].load().__name__ if ep else "no entry point")
' "$work/block" "$work/attrs" 2>&1)
pyext=$(echo "$pyout" | awk 'NR == 1 { print $2 }')
pylib=$(ldd "$pyext" 2>/dev/null | awk '$1 == "libpigpioregs.so.1" { print $3 }')
if [ "$(echo "$pyout" | awk 'NR == 1 { print $1, $3, $4, $5 }')" = "/usr/lib/python3/dist-packages/pigpio_regs/__init__.py bcm2837 54 $ver" ] &&
	[ "$(echo "$pyout" | sed -n 2p)" = PigpioRegsFactory ] &&
	[ "$(readlink -f "$pylib")" = "/usr/lib/$triplet/libpigpioregs.so.$ver" ]; then
	pass "python3-pigpio-regs: pigpio_regs from /usr/lib/python3/dist-packages drives a simulated block with the packaged libpigpioregs.so.1; entry point pigpio_regs loads PigpioRegsFactory"
else
	fail "python3-pigpio-regs" "$(echo "$pyout" | tail -n 3 | tr '\n' ' ') libpigpioregs.so.1 from '$pylib'"
fi

# The switch between the DKMS package and a binary module package
# (scripts/mkmodules-deb.sh, here from the module DKMS built for the
# headers' kernel), both ways, with dpkg: each conflicts with the other,
# so dpkg refuses one while the other is installed, and after a dpkg -r
# the other installs and modprobe finds its module.
mods=$work/mods
mark "module package"
modpkg=pigpio-regs-modules-$release
if ! mod_deb=$(bash "$src/scripts/mkmodules-deb.sh" "/lib/modules/$release/updates/dkms/pigpio_regs.ko" \
	"$release" "$host_arch" "$mods" 2>>"$log"); then
	fail "module package for the switch" "scripts/mkmodules-deb.sh: $(last "$log" 3)"
else
	why=
	mark "switch: -dkms to $modpkg"
	if dpkg -i "$mod_deb" >>"$log" 2>&1; then
		why="dpkg -i $modpkg succeeded while pigpio-regs-dkms was installed"
	elif ! grep -q "conflicts with pigpio-regs-dkms\|pigpio-regs-dkms.*conflicts" "$log"; then
		why="dpkg -i $modpkg failed, but not for the conflict: $(last "$log" 2)"
	elif ! dpkg -r pigpio-regs-dkms >>"$log" 2>&1 || ! dpkg -i "$mod_deb" >>"$log" 2>&1; then
		why="dpkg -r pigpio-regs-dkms, dpkg -i $modpkg: $(last "$log" 2)"
	elif [ "$(modinfo -k "$release" -F filename pigpio_regs 2>&1)" != "/lib/modules/$release/updates/pigpio_regs.ko" ] ||
		[ -n "$(dkms status -m pigpio_regs 2>/dev/null)" ]; then
		why="modinfo: '$(modinfo -k "$release" -F filename pigpio_regs 2>&1)', dkms: '$(dkms status -m pigpio_regs 2>&1)'"
	fi
	if [ -z "$why" ]; then
		pass "switch -dkms -> $modpkg: dpkg -i refused it for the conflict while -dkms was installed; after dpkg -r pigpio-regs-dkms it installs and modprobe finds its /lib/modules/$release/updates/pigpio_regs.ko, DKMS has none"
	else
		fail "switch -dkms -> $modpkg" "$why"
	fi
	why=
	mark "switch: $modpkg to -dkms"
	dkms_deb=$(ls "$cache"/amd64/pigpio-regs-dkms_*.deb)
	: >"$work/switch.log"
	if dpkg -i "$dkms_deb" >"$work/switch.log" 2>&1; then
		why="dpkg -i pigpio-regs-dkms succeeded while $modpkg was installed"
	elif ! grep -q "conflicts with pigpio-regs-modules\|pigpio-regs-modules.*conflicts" "$work/switch.log"; then
		why="dpkg -i pigpio-regs-dkms failed, but not for the conflict: $(last "$work/switch.log" 2)"
	elif ! dpkg -P "$modpkg" >>"$log" 2>&1 || ! dpkg -i "$dkms_deb" >>"$log" 2>&1; then
		why="dpkg -P $modpkg, dpkg -i pigpio-regs-dkms: $(last "$log" 2)"
	elif ! why=$(installed "$ver"); then
		:
	fi
	cat "$work/switch.log" >>"$log"
	if [ -z "$why" ]; then
		pass "switch $modpkg -> -dkms: dpkg -i refused -dkms for the conflict; after dpkg -P $modpkg it installs and DKMS builds the module again"
	else
		fail "switch $modpkg -> -dkms" "$why"
	fi
fi

why=
if dpkg_i amd64 && why=$(installed "$ver"); then
	pass "reinstall of $ver over itself: DKMS rebuilt and installed the module"
else
	fail "reinstall of $ver" "${why:-$(last "$log")}"
fi
mark "dpkg -r"
if dpkg -r "${PKGS[@]}" >>"$log" 2>&1 && [ -z "$(dkms status -m pigpio_regs -v "$ver" 2>/dev/null)" ]; then
	pass "dpkg -r removes the packages and DKMS's build of the module"
else
	fail "dpkg -r" "$(last "$log") dkms: $(dkms status -m pigpio_regs 2>&1)"
fi
same_as_before "dpkg -r"
mark "dpkg -P"
if dpkg -P "${PKGS[@]}" >>"$log" 2>&1 &&
	! dpkg-query -W -f='${db:Status-Abbrev}\n' "${PKGS[@]}" 2>/dev/null | grep -qv '^un'; then
	pass "dpkg -P purges the packages"
else
	fail "dpkg -P" "$(last "$log")"
fi
same_as_before "dpkg -P"
if getent group gpio >/dev/null; then
	pass "group gpio is kept after the purge (by design: docs/packaging.md)"
else
	fail "group gpio after purge" "it was removed"
fi
mark end
