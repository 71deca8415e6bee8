#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# fetch.sh BOARD: download what one emulated board needs, once, into cache/:
# Debian's kernel image and matching headers for the board (plus the host's
# build of the kbuild tools, for cross-building), and a root filesystem
# assembled from Debian packages. The host's apt setup is not changed.
set -euo pipefail
# shellcheck source=scripts/guest/lib.sh
. "$(dirname "$0")/lib.sh"

pgr_board "${1:?usage: fetch.sh BOARD}"
dir=$(pgr_board_cache)
host_arch=$(dpkg --print-architecture)

fetch_kernel() {
	[ -f "$dir/release" ] && return
	pgr_log "$B_NAME: resolving linux-image-$B_FLAVOUR in $B_SUITE/$B_ARCH"
	pgr_apt "$B_SUITE" "$B_ARCH" apt-get update >/dev/null
	local image release headers common kbuild version
	image=$(pgr_apt "$B_SUITE" "$B_ARCH" apt-cache depends \
		"linux-image-$B_FLAVOUR:$B_ARCH" |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
	image=${image%%:*}
	[ -n "$image" ] || pgr_die "no linux-image-$B_FLAVOUR in $B_SUITE/$B_ARCH"
	release=${image#linux-image-}
	headers=linux-headers-$release
	local show
	show=$(pgr_apt "$B_SUITE" "$B_ARCH" apt-cache show "$headers:$B_ARCH")
	version=$(awk '/^Version:/ { print $2; exit }' <<<"$show")
	common=$(grep -m1 '^Depends:' <<<"$show" | grep -o 'linux-headers-[^ ,]*-common' | head -n1)
	kbuild=$(grep -m1 '^Depends:' <<<"$show" | grep -o 'linux-kbuild-[^ ,]*' | head -n1)
	if [ -z "$common" ] || [ -z "$kbuild" ]; then
		pgr_die "cannot read the dependencies of $headers"
	fi

	pgr_log "$B_NAME: downloading $image, $headers ($version)"
	rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/debs"
	(cd "$dir.tmp/debs" && pgr_apt "$B_SUITE" "$B_ARCH" apt-get download \
		"$image:$B_ARCH" "$headers:$B_ARCH" "$common" \
		"$kbuild:$host_arch=$version" >/dev/null)
	for deb in "$dir.tmp"/debs/*.deb; do
		dpkg-deb -x "$deb" "$dir.tmp/root"
	done
	# The headers' Makefile includes the common tree by absolute path;
	# make it relative to itself, so the cache can live anywhere.
	# shellcheck disable=SC2016 # make's $(...), not the shell's
	sed -i 's|^include /usr/src/|include $(dir $(lastword $(MAKEFILE_LIST)))../|' \
		"$dir.tmp/root/usr/src/$headers/Makefile"
	rm -rf "$dir.tmp/debs" "$dir"
	mv "$dir.tmp" "$dir"
	echo "$release" >"$dir/release"
	echo "$version" >"$dir/version"
}

# The Debian packages of the guest's root filesystem.
ROOTFS_PACKAGES=busybox,udev,kmod,gpiod,util-linux,libc6

fetch_rootfs() {
	local out
	out=$(pgr_rootfs_dir)
	[ -f "$out/rootfs.tar" ] && return
	pgr_log "$B_NAME: assembling the $B_SUITE/$B_ARCH root filesystem ($ROOTFS_PACKAGES)"
	mkdir -p "$out"
	# "extract" unpacks without running maintainer scripts, so no
	# emulation of the guest's architecture is needed on the host.
	mmdebstrap --quiet --variant=extract --architectures="$B_ARCH" \
		--include="$ROOTFS_PACKAGES" "$B_SUITE" "$out/rootfs.tmp.tar" \
		"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(pgr_mirror) $B_SUITE main"
	mv "$out/rootfs.tmp.tar" "$out/rootfs.tar"
}

fetch_kernel
fetch_rootfs
pgr_log "$B_NAME: kernel $(cat "$dir/release") ($(cat "$dir/version")) and root filesystem ready"
