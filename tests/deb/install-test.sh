#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/install-test.sh KEY VERSION DEBVERSION OLD OLDDEBVERSION PACKAGE...:
# step 5 of tests/deb/run.sh, run by it inside a throw-away copy of the
# private install root (tests/deb/root.sh --install: Debian with dpkg,
# DKMS, the kernel headers, a compiler, man-db and gpiozero), which sees
# build/deb at /mnt/work: installs the previous version OLDDEBVERSION of the
# packages from cache/KEY/old, upgrades to DEBVERSION (cache/KEY/amd64),
# checks what they installed, runs their autopkgtests (debian/tests of the
# source package in /mnt/work/source, tests/deb/autopkgtest.sh),
# reinstalls, removes and purges them. VERSION and OLD are the upstream
# versions (the library's, DKMS's). One PASS/FAIL line each (run.sh counts
# them); the dpkg log in /mnt/work/install.log, the autopkgtests' in
# /mnt/work/autopkgtest/.
set -uo pipefail
key=$1 ver=$2 debver=$3 old=$4 olddeb=$5
shift 5
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
# installed VERSION DEBVERSION: each package is installed at DEBVERSION and
# DKMS has built and installed the module of VERSION for the headers' kernel
installed() {
	local p problems=()
	for p in "${PKGS[@]}"; do
		[ "$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$p" 2>/dev/null)" = "ii $2" ] ||
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
if dpkg_i old && why=$(installed "$old" "$olddeb"); then
	pass "dpkg -i of version $olddeb: DKMS built and installed pigpio_regs $old for $release"
else
	fail "dpkg -i of version $olddeb" "${why:-$(last "$log")}"
fi
why=
if dpkg_i amd64 && why=$(installed "$ver" "$debver") &&
	[ ! -e "/usr/src/pigpio_regs-$old" ] && [ ! -e "/var/lib/dkms/pigpio_regs/$old" ] &&
	[ ! -e "/usr/lib/$triplet/libpigpioregs.so.$old" ]; then
	pass "upgrade $olddeb -> $debver: DKMS built and installed pigpio_regs $ver for $release ($(modinfo -k "$release" -F filename pigpio_regs)), nothing of $old left"
else
	fail "upgrade $olddeb -> $debver" "${why:-$(last "$log")} $(ls -d /usr/src/pigpio_regs-"$old" /var/lib/dkms/pigpio_regs/"$old" 2>/dev/null)"
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

# The packages' autopkgtests (debian/tests/control), as autopkgtest runs
# them, on the source package unpacked here: the CLI and the library, a
# program built with pkg-config against the -dev package (shared and
# static), the Python module and its gpiozero factory, the DKMS build. Every
# test dependency must be installed already (the install root has them):
# nothing is fetched. One PASS/FAIL line each; logs in
# /mnt/work/autopkgtest/.
mark "autopkgtests"
# (where user nobody, who runs the tests that do not need root, reaches it)
srcdir=$(mktemp -d /tmp/autopkgtest-XXXXXX)/pigpio-regs
chmod 755 "$(dirname "$srcdir")"
if dpkg-source -x "$(ls "$out"/source/pigpio-regs_*.dsc)" "$srcdir" >>"$log" 2>&1; then
	bash "$src/tests/deb/autopkgtest.sh" "$srcdir" "$out/autopkgtest"
else
	fail "autopkgtests" "dpkg-source -x of the source package: $(last "$log" 3)"
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
	elif ! why=$(installed "$ver" "$debver"); then
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
if dpkg_i amd64 && why=$(installed "$ver" "$debver"); then
	pass "reinstall of $debver over itself: DKMS rebuilt and installed the module"
else
	fail "reinstall of $debver" "${why:-$(last "$log")}"
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
