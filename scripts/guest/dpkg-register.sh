#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# dpkg-register.sh ROOT: record in ROOT's dpkg database the packages that
# mmdebstrap's "extract" variant unpacked there (their .deb files are still
# in ROOT/var/cache/apt/archives when its extract hooks run), so that the
# guest's own dpkg can install the project's packages against them: their
# Depends (libc6, systemd's sysusers, kmod for depmod) are then met.
#
# The extract variant runs no maintainer script (that would need the
# guest's architecture emulated on the host), so these packages are
# unpacked, not configured; the guest's init (scripts/guest/init.sh) does
# by hand the little of their configuration it needs (udev, modules-load).
# What dpkg is told is what is on disk: each package's control fields, its
# file list and md5sums, with status "install ok installed" so that
# dependencies on it are met. The project's packages, installed by dpkg in
# the guest, run their maintainer scripts for real.
set -euo pipefail
root=${1:?usage: dpkg-register.sh ROOT}
archives=$root/var/cache/apt/archives
info=$root/var/lib/dpkg/info
status=$root/var/lib/dpkg/status
shopt -s nullglob
debs=("$archives"/*.deb)
[ ${#debs[@]} -gt 0 ] || { echo "dpkg-register: no .deb in $archives" >&2; exit 1; }
ctl=$(mktemp -d)
trap 'rm -rf "$ctl"' EXIT
for deb in "${debs[@]}"; do
	rm -rf "${ctl:?}"/* && dpkg-deb -e "$deb" "$ctl"
	pkg=$(sed -n 's/^Package: //p' "$ctl/control")
	name=$pkg
	# dpkg names a Multi-Arch: same package's files PACKAGE:ARCH.*
	if grep -qx 'Multi-Arch: same' "$ctl/control"; then
		name=$pkg:$(sed -n 's/^Architecture: //p' "$ctl/control")
	fi
	# One paragraph per package (mmdebstrap's merged-usr hook has
	# recorded its own usr-is-merged already).
	grep -qx "Package: $pkg" "$status" && continue
	# The paragraph: control fields, Status after Package.
	{
		sed -n '1p' "$ctl/control"
		echo "Status: install ok installed"
		sed -n '2,$p' "$ctl/control" | sed '/^$/d'
		echo
	} >>"$status"
	# The file list as dpkg keeps it: "/." for the root, then absolute
	# paths without a trailing "/" on directories.
	dpkg-deb --fsys-tarfile "$deb" | tar -t |
		sed -e 's|^\./$|/.|' -e 's|^\./|/|' -e 's|\(.\)/$|\1|' >"$info/$name.list"
	for f in md5sums conffiles triggers shlibs symbols; do
		[ ! -f "$ctl/$f" ] || cp "$ctl/$f" "$info/$name.$f"
	done
done
echo "dpkg-register: ${#debs[@]} packages recorded in ${status#"$root"}" >&2
