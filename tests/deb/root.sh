#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/root.sh: the private roots the Debian packages are built and
# installed in, so that tests/deb (and the demo and the boards, which
# build their packages through it) leave this machine's dpkg and apt
# alone: no foreign architecture added, no libc6:arm64/armhf/armel, no
# build dependency and none of the project's packages installed here.
#
#   tests/deb/root.sh [--install] path     print the root's directory (made
#                                          first if missing or of another
#                                          recipe)
#   tests/deb/root.sh [--install] run DIR CMD...
#                                          run CMD as root in a throw-away
#                                          copy of the root (an overlay on
#                                          a tmpfs, gone when CMD exits)
#                                          that sees DIR at /mnt/work
#
# The build root is this machine's Debian suite for its architecture with
# the foreign architectures arm64, armhf and armel (mmdebstrap's buildd
# variant: build-essential) with debhelper, dh-dkms, the cross toolchains,
# Python (dh-python, setuptools, libpython3-dev of each architecture for
# the extension) and libc6 of each architecture, whose shlibs
# dpkg-shlibdeps reads in a cross build. The install root (--install) is
# the same suite with what the install test uses: DKMS and the kernel
# headers, systemd (sysusers), a compiler and pkg-config, man-db,
# debhelper (scripts/mkmodules-deb.sh, for the switch to a module package) and
# gpiozero. Both live in $PGR_CACHE/toolchains/ beside the boards' compiler
# roots (scripts/guest/fetch.sh), made once and remade when their package
# list changes, and are never changed by a run. The mirror is the one this
# machine's apt sources name (scripts/guest/lib.sh).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

host_arch=$(dpkg --print-architecture)
suite=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)
[ -n "$suite" ] || pgr_die "no VERSION_CODENAME in /etc/os-release"
if [ "${1:-}" = --install ]; then
	shift
	kind=install
	arches=$host_arch
	variant=minbase
	packages=dpkg-dev,debhelper,gcc,libc6-dev,make,pkg-config,man-db,dkms,linux-headers-$host_arch,kmod,systemd,python3,python3-gpiozero
else
	kind=build
	arches=$host_arch,arm64,armhf,armel
	variant=buildd
	packages=debhelper,dh-dkms,dh-python,dpkg-dev,fakeroot,pkg-config,python3-dev,python3-setuptools,crossbuild-essential-arm64,crossbuild-essential-armhf,crossbuild-essential-armel,libc6:arm64,libc6:armhf,libc6:armel,libpython3-dev:arm64,libpython3-dev:armhf,libpython3-dev:armel
fi
root=$PGR_CACHE/toolchains/$suite-$host_arch-deb-$kind
recipe="$suite $arches $variant $packages"

make_root() {
	[ -f "$root/ready" ] && [ "$(cat "$root/ready")" = "$recipe" ] && return 0
	mkdir -p "$(dirname "$root")"
	exec 8>"$root.lock"
	flock 8
	[ -f "$root/ready" ] && [ "$(cat "$root/ready")" = "$recipe" ] && return 0
	pgr_log "tests/deb: assembling the private $suite $kind root ${root#"$PGR_CACHE"/} (once)"
	rm -rf "$root" "$root.tmp"
	mmdebstrap --quiet --variant="$variant" --architectures="$arches" \
		--include="$packages" "$suite" "$root.tmp" \
		"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(pgr_mirror) $suite main" >&2
	mkdir -p "$root.tmp/mnt/work"
	echo "$recipe" >"$root.tmp/ready"
	mv "$root.tmp" "$root"
}

case ${1:-} in
path)
	make_root
	echo "$root"
	;;
run)
	[ $# -ge 3 ] || { echo "usage: root.sh [--install] run DIR CMD..." >&2; exit 2; }
	dir=$(cd "$2" && pwd)
	shift 2
	make_root
	mnt=$(mktemp -d)
	trap 'rmdir "$mnt"' EXIT
	# shellcheck disable=SC2016 # the inner shell's "$1"..., not this one's
	unshare --mount --propagation private sh -c '
		dir=$1 root=$2 mnt=$3 && shift 3 &&
		mount -t tmpfs -o mode=0755 tmpfs "$mnt" && mkdir "$mnt/upper" "$mnt/work" "$mnt/root" &&
		mount -t overlay overlay -o "lowerdir=$root,upperdir=$mnt/upper,workdir=$mnt/work" "$mnt/root" &&
		mount --bind "$dir" "$mnt/root/mnt/work" && mount --rbind /dev "$mnt/root/dev" &&
			mount -t proc proc "$mnt/root/proc" && mount -t tmpfs tmpfs "$mnt/root/tmp" &&
			exec chroot "$mnt/root" "$@"' sh "$dir" "$root" "$mnt" \
		env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root "$@"
	;;
*)
	echo "usage: root.sh [--install] path | run DIR CMD..." >&2
	exit 2
	;;
esac
