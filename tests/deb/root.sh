#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/root.sh: the private root the Debian packages are built in, so
# that building them leaves this machine's dpkg and apt alone (no foreign
# architecture added, no libc6:arm64/armhf/armel installed, no build tool
# installed by the build).
#
#   tests/deb/root.sh path           print the root's directory (made first
#                                    if missing or of another recipe)
#   tests/deb/root.sh run DIR CMD... run CMD in the root, as root, in a
#                                    mount namespace of its own that sees
#                                    DIR at /mnt/work and a private /tmp
#
# The root is this machine's Debian suite for its architecture with the
# foreign architectures arm64, armhf and armel, made by mmdebstrap (the
# buildd variant: build-essential) with debhelper, dh-dkms, the cross
# toolchains and libc6 of each architecture, whose shlibs dpkg-shlibdeps
# reads in a cross build. It lives in $PGR_CACHE/toolchains/ beside the
# boards' compiler roots (scripts/guest/fetch.sh) and is remade when the
# package list below changes. The mirror is the one this machine's apt
# sources name (scripts/guest/lib.sh).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/guest/lib.sh
. "$top/scripts/guest/lib.sh"

DEB_ROOT_PACKAGES=debhelper,dh-dkms,dpkg-dev,fakeroot,pkg-config,crossbuild-essential-arm64,crossbuild-essential-armhf,crossbuild-essential-armel,libc6:arm64,libc6:armhf,libc6:armel
host_arch=$(dpkg --print-architecture)
suite=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)
[ -n "$suite" ] || pgr_die "no VERSION_CODENAME in /etc/os-release"
root=$PGR_CACHE/toolchains/$suite-$host_arch-deb-build
recipe="$suite $host_arch,arm64,armhf,armel buildd $DEB_ROOT_PACKAGES"

make_root() {
	[ -f "$root/ready" ] && [ "$(cat "$root/ready")" = "$recipe" ] && return 0
	mkdir -p "$(dirname "$root")"
	exec 8>"$root.lock"
	flock 8
	[ -f "$root/ready" ] && [ "$(cat "$root/ready")" = "$recipe" ] && return 0
	pgr_log "tests/deb: assembling the private $suite build root ${root#"$PGR_CACHE"/} (once)"
	rm -rf "$root" "$root.tmp"
	mmdebstrap --quiet --variant=buildd --architectures="$host_arch,arm64,armhf,armel" \
		--include="$DEB_ROOT_PACKAGES" "$suite" "$root.tmp" \
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
	[ $# -ge 3 ] || { echo "usage: root.sh run DIR CMD..." >&2; exit 2; }
	dir=$(cd "$2" && pwd)
	shift 2
	make_root
	# shellcheck disable=SC2016 # the inner shell's "$1"..., not this one's
	exec unshare --mount --propagation private sh -c '
		mount --bind "$1" "$2/mnt/work" && mount --rbind /dev "$2/dev" &&
			mount -t proc proc "$2/proc" && mount -t tmpfs tmpfs "$2/tmp" &&
			r=$2 && shift 2 && exec chroot "$r" "$@"' sh "$dir" "$root" \
		env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/tmp "$@"
	;;
*)
	echo "usage: root.sh path | run DIR CMD..." >&2
	exit 2
	;;
esac
