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

# wrap_newer_glibc DIR: kbuild's host programs (DIR/root/usr/lib/linux-kbuild-*) come from
# the board's suite. Those linked against a newer C library than this host's
# (trixie's modpost needs glibc 2.38, bookworm has 2.36) keep working through
# a wrapper that runs them with the suite's own libc6 for this host,
# unpacked into DIR/hostlibc. Paths are relative: the cache may move.
wrap_newer_glibc() {
	local tmp=$1 have need newest=0 f progs=() loader libdir
	have=$(getconf GNU_LIBC_VERSION | awk '{ print $2 }')
	while IFS= read -r -d '' f; do
		need=$(objdump -p "$f" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' |
			cut -d_ -f2 | sort -uV | tail -n 1) || true
		[ -n "$need" ] || continue
		[ "$(printf '%s\n' "$need" "$have" | sort -V | tail -n 1)" = "$have" ] && continue
		progs+=("$f")
		newest=$(printf '%s\n' "$need" "$newest" | sort -V | tail -n 1)
	done < <(find "$tmp"/root/usr/lib/linux-kbuild-* -type f -perm -u+x -print0)
	[ ${#progs[@]} -gt 0 ] || return 0
	pgr_log "$B_NAME: ${#progs[@]} kbuild programs need glibc $newest (host: $have);" \
		"they run with $B_SUITE's libc6:$host_arch"
	(cd "$tmp/debs" && pgr_apt "$B_SUITE" "$B_ARCH" apt-get download \
		"libc6:$host_arch" >/dev/null)
	dpkg-deb -x "$(echo "$tmp"/debs/libc6_*_"$host_arch".deb)" "$tmp/hostlibc"
	loader=$(find "$tmp/hostlibc" -type f -name 'ld-linux*.so*' | head -n 1)
	libdir=$(dirname "$(find "$tmp/hostlibc" -name libc.so.6 | head -n 1)")
	[ -n "$loader" ] || pgr_die "no dynamic loader in $B_SUITE's libc6:$host_arch"
	local wrapper name rel
	for f in "${progs[@]}"; do
		name=$(basename "$f")
		rel=$(realpath --relative-to="$(dirname "$f")" "$tmp")
		# shellcheck disable=SC2016 # the wrapper's own $(...)
		wrapper=$(printf '%s\n' '#!/bin/sh' \
			"# Made by scripts/guest/fetch.sh: $name needs glibc $newest, so it" \
			"# runs with $B_SUITE's C library, not this host's." \
			'here=$(dirname "$(readlink -f "$0")")' \
			"exec \"\$here/$rel/${loader#"$tmp"/}\" \\" \
			"	--library-path \"\$here/$rel/${libdir#"$tmp"/}\" \\" \
			"	\"\$here/$name.bin\" \"\$@\"")
		mv "$f" "$f.bin"
		echo "$wrapper" >"$f"
		chmod +x "$f"
	done
}

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
	wrap_newer_glibc "$dir.tmp"
	rm -rf "$dir.tmp/debs" "$dir"
	mv "$dir.tmp" "$dir"
	echo "$release" >"$dir/release"
	echo "$version" >"$dir/version"
}

# The kernel's own cross compiler, where this host has none: a module must
# be built by the compiler that built its kernel (Debian's headers depend
# on it). A private root of the board's suite for this host's
# architecture holds it (mmdebstrap; the host's apt and dpkg are not
# touched); build.sh runs kbuild inside it. GCC 12 from bookworm is not a
# stand-in for trixie's GCC 14: on trixie's 16 KiB-page kernel its module
# oopsed in the kernel's ftrace set-up of the module (patch_map() via
# ftrace_init_nop(), at load), where the same kernel's own modules load.
fetch_toolchain() {
	local kcc tc
	kcc=$(pgr_kernel_cc)
	[ -n "$kcc" ] || return 0
	command -v "$B_CROSS$kcc" >/dev/null && return 0
	tc=$(pgr_toolchain_dir)
	[ -f "$tc/ready" ] && return 0
	pgr_log "$B_NAME: no $B_CROSS$kcc here; assembling a $B_SUITE root with $kcc-${B_CROSS%-}"
	rm -rf "$tc" "$tc.tmp" && mkdir -p "$(dirname "$tc")"
	mmdebstrap --quiet --variant=minbase --architectures="$host_arch" \
		--include="$kcc-${B_CROSS%-},make" "$B_SUITE" "$tc.tmp" \
		"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(pgr_mirror) $B_SUITE main"
	mkdir -p "$tc.tmp/mnt/kernel" "$tc.tmp/mnt/module"
	chroot "$tc.tmp" "$B_CROSS$kcc" --version | head -n 1 >"$tc.tmp/ready"
	mv "$tc.tmp" "$tc"
}

# The Debian packages of the guest's root filesystem: the tools (systemd
# for systemd-modules-load, and udev, which loads the installed module at
# boot from the GPIO node's modalias), and
# the unmodified third-party GPIO clients the suite drives the device with;
# libc-bin for ldconfig, which dpkg requires to install anything, and
# passwd for usermod, with which init.sh adds alice to group gpio.
ROOTFS_PACKAGES=busybox,udev,systemd,kmod,gpiod,util-linux,libc6,libc-bin,passwd,python3-rpi.gpio,python3-gpiozero
# How they are laid down; a change here reassembles the root filesystem.
# dpkg-register.sh records the unpacked packages in the guest's dpkg
# database, where the guest's dpkg installs the project's own packages.
ROOTFS_RECIPE="$ROOTFS_PACKAGES extract+merged-usr+dpkg-register"

fetch_rootfs() {
	local out
	out=$(pgr_rootfs_dir)
	# Reassembled when the package list changes.
	[ -f "$out/rootfs.tar" ] && [ "$(cat "$out/packages" 2>/dev/null)" = "$ROOTFS_RECIPE" ] &&
		return
	pgr_log "$B_NAME: assembling the $B_SUITE/$B_ARCH root filesystem ($ROOTFS_PACKAGES)"
	mkdir -p "$out"
	# "extract" unpacks without running maintainer scripts, so no
	# emulation of the guest's architecture is needed on the host. The
	# merged-usr hook makes /bin, /sbin and /lib links into /usr, as every
	# installed Debian system has them: trixie's packages ship no /lib at all.
	mmdebstrap --quiet --variant=extract --architectures="$B_ARCH" \
		--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
		--extract-hook="$PGR_TOP/scripts/guest/dpkg-register.sh \"\$1\"" \
		--include="$ROOTFS_PACKAGES" "$B_SUITE" "$out/rootfs.tmp.tar" \
		"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(pgr_mirror) $B_SUITE main"
	mv "$out/rootfs.tmp.tar" "$out/rootfs.tar"
	echo "$ROOTFS_RECIPE" >"$out/packages"
}

# The board's Python headers (libpython3.X-dev of its suite and
# architecture, unpacked, not installed), for cross-building the Python
# extension (python/Makefile): Python.h, and the architecture's pyconfig.h
# under usr/include/TRIPLET/. Only the headers are used; the extension is
# built against the limited API, so it does not link libpython.
fetch_python_headers() {
	local out dev
	out=$(pgr_python_headers)
	[ -f "$out/version" ] && return
	pgr_apt "$B_SUITE" "$B_ARCH" apt-get update >/dev/null
	dev=$(pgr_apt "$B_SUITE" "$B_ARCH" apt-cache depends "libpython3-dev:$B_ARCH" |
		awk '$1 == "Depends:" && $2 ~ /^libpython3\.[0-9]+-dev/ { print $2; exit }')
	dev=${dev%%:*}
	[ -n "$dev" ] || pgr_die "no libpython3.X-dev behind libpython3-dev in $B_SUITE/$B_ARCH"
	pgr_log "$B_NAME: downloading $dev:$B_ARCH (Python headers)"
	rm -rf "$out.tmp" && mkdir -p "$out.tmp/debs"
	(cd "$out.tmp/debs" && pgr_apt "$B_SUITE" "$B_ARCH" apt-get download "$dev:$B_ARCH" >/dev/null)
	dpkg-deb -x "$(echo "$out.tmp"/debs/*.deb)" "$out.tmp/root"
	rm -rf "$out.tmp/debs" "$out"
	mv "$out.tmp" "$out"
	echo "$dev" >"$out/version"
}

fetch_kernel
fetch_toolchain
fetch_rootfs
fetch_python_headers
pgr_log "$B_NAME: kernel $(cat "$dir/release") ($(cat "$dir/version")) and root filesystem ready"
