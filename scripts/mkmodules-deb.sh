#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# mkmodules-deb.sh [--usr] KO RELEASE ARCH OUTDIR: make the binary module
# package pigpio-regs-modules-RELEASE (Debian architecture ARCH) from a
# pigpio_regs.ko built for kernel RELEASE, and write it, with its .changes,
# to OUTDIR. It is what `dkms mkbmdeb` made before DKMS 3 dropped it: the
# module for one kernel, for machines that should not carry a compiler and
# kernel headers (a Pi 1 with 512 MiB, a fleet built once). The udev rule
# and the gpio group come from pigpio-regs-common, which it depends on, as
# pigpio-regs-dkms does (docs/packaging.md).
#
# The module goes where the kernel package keeps its own: /lib/modules/
# RELEASE/updates/ (Debian 12), or with --usr /usr/lib/modules/RELEASE/
# updates/ (Debian 13 ships no /lib). The package's version is the source
# package's (debian/changelog). Needs debhelper; ARCH may be foreign (the
# module is only copied and stripped, with ARCH's binutils).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
moddir=/lib/modules
if [ "${1:-}" = --usr ]; then
	moddir=/usr/lib/modules
	shift
fi
if [ $# != 4 ]; then
	echo "usage: mkmodules-deb.sh [--usr] KO RELEASE ARCH OUTDIR" >&2
	exit 2
fi
ko=$1 release=$2 arch=$3 outdir=$4
[ -f "$ko" ] || { echo "mkmodules-deb: no module $ko" >&2; exit 1; }
modinfo -F vermagic "$ko" | grep -q "^$release " ||
	{ echo "mkmodules-deb: $ko is not built for $release (vermagic: $(modinfo -F vermagic "$ko"))" >&2; exit 1; }

version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
maintainer=$(sed -n 's/^Maintainer: //p' "$top/debian/control")
pkg=pigpio-regs-modules-$release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/$pkg
mkdir -p "$src/debian/source" "$outdir"
install -m 0644 "$ko" "$src/pigpio_regs.ko"
cp "$top/debian/copyright" "$src/debian/copyright"
# The version has the source package's Debian revision: not native (only
# binary packages are built from this directory, so no tarball is needed).
echo "3.0 (quilt)" >"$src/debian/source/format"
cat >"$src/debian/control" <<EOT
Source: $pkg
Section: kernel
Priority: optional
Maintainer: $maintainer
Build-Depends: debhelper-compat (= 13),
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: $pkg
Architecture: $arch
Depends: kmod,
         pigpio-regs-common (= $version),
         \${misc:Depends},
Provides: pigpio-regs-modules,
Conflicts: pigpio-regs-dkms,
Description: pigpio_regs Raspberry Pi GPIO driver for Linux $release
 pigpio_regs is a small kernel driver that lets members of the "gpio" group
 map the Raspberry Pi's GPIO registers into their own processes, without
 root and without /dev/mem.
 .
 This package contains the driver built for one kernel only,
 Linux $release,
 for machines that do not build it themselves with pigpio-regs-dkms.
EOT
cat >"$src/debian/changelog" <<EOT
$pkg ($version) unstable; urgency=medium

  * pigpio_regs $version built for Linux $release.

 -- $maintainer  $(date -R -d @"${SOURCE_DATE_EPOCH:-$(dpkg-parsechangelog -l "$top/debian/changelog" -S Timestamp)}")
EOT
cat >"$src/debian/install" <<EOT
pigpio_regs.ko ${moddir#/}/$release/updates
EOT
# Made for one kernel on the machine that installs it, never uploaded: its
# one changelog entry (the source package's version, a first Debian
# revision) has no ITP bug to close.
cat >"$src/debian/$pkg.lintian-overrides" <<EOT
# Built locally for one kernel (scripts/mkmodules-deb.sh), never uploaded.
initial-upload-closes-no-bugs
EOT
# depmod indexes the module for its kernel when it comes and when it goes,
# as Debian's kernel packages do for their own (on purge, kmod may be gone
# already, or the kernel's directory).
for script in postinst postrm; do
	cat >"$src/debian/$script" <<EOT
#!/bin/sh
set -e
if [ -d $moddir/$release ] && command -v depmod >/dev/null; then
	depmod -a $release
fi
#DEBHELPER#
EOT
done
# dh_strip leaves kernel modules alone; strip their debug information as
# the kernel's own packages do (kbuild's INSTALL_MOD_STRIP=1), with the
# target's binutils.
cat >"$src/debian/rules" <<'EOT'
#!/usr/bin/make -f
include /usr/share/dpkg/architecture.mk
%:
	dh $@
execute_after_dh_strip:
	ko=$$(find debian -path '*/modules/*/updates/pigpio_regs.ko') && test -n "$$ko" && \
		$(DEB_HOST_GNU_TYPE)-strip --strip-debug $$ko
EOT
chmod +x "$src/debian/rules"
(cd "$src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL DEB_BUILD_OPTIONS="noddebs nocheck" \
	dpkg-buildpackage -us -uc -b -a"$arch" -d) >"$work/build.log" 2>&1 ||
	{ cat "$work/build.log" >&2; echo "mkmodules-deb: dpkg-buildpackage failed" >&2; exit 1; }
for f in "$work/${pkg}_$version"_*; do
	cp "$f" "$outdir/"
done
echo "$outdir/${pkg}_${version}_$arch.deb"
