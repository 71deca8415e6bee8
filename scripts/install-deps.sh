#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# install-deps.sh: install, from the machine's own Debian/Ubuntu archive,
# the host tools the build, the emulated boards and the checks need. Only
# what is missing is installed; root (or sudo) is needed only then.
# QEMU's raspi4b board needs QEMU >= 9.0: when the installed QEMU lacks it,
# qemu-system-arm comes from the release's backports suite through a private
# apt source list (the host's /etc/apt is not changed). If that fails, the
# script still succeeds and the Pi 4 boards say why they cannot run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES=(
	make gcc libc6-dev                        # host library, CLI, unit tests
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross # module and client for arm64
	gcc-arm-linux-gnueabihf libc6-dev-armhf-cross # ... for armhf (Pi 2)
	gcc-arm-linux-gnueabi libc6-dev-armel-cross # ... for armel (Pi 1, Zero)
	qemu-system-arm                           # raspi boards (arm and aarch64)
	mmdebstrap debian-archive-keyring         # guest root filesystem
	libarchive-tools gzip kmod                # initramfs (bsdtar), depmod
	device-tree-compiler                      # fdtput: device-tree edits
	dpkg-dev xz-utils perl                    # .deb unpacking, checkpatch
	sparse shellcheck cppcheck                # static analysis
	clang libclang-rt-14-dev                  # libFuzzer on the CLI parser
	dkms "linux-headers-$(dpkg --print-architecture)" # the DKMS test
	help2man pkg-config man-db                # man page, install tests
	abigail-tools                             # the library's ABI baseline
	python3-dev python3-setuptools            # the Python extension (python/)
	python3-gpiozero python3-pkg-resources    # ... its gpiozero factory's tests
)

missing=()
for pkg in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$pkg")
done

# qemu_has_raspi4b: the installed QEMU emulates the Raspberry Pi 4B.
qemu_has_raspi4b() {
	command -v qemu-system-aarch64 >/dev/null &&
		qemu-system-aarch64 -M help 2>/dev/null | grep -q '^raspi4b '
}

if [ ${#missing[@]} -eq 0 ] && qemu_has_raspi4b; then
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null; then
	sudo=(sudo)
else
	echo "install-deps: missing ${missing[*]:-} (or QEMU's raspi4b); run as root to install them" >&2
	exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}" >&2
	# An index that fails to download (a mirror mid-sync) need not stop
	# the install: apt-get install says if something is missing. Another
	# apt or dpkg at work (unattended-upgrades on a fresh machine) holds
	# the lock for a while: wait for it, up to 10 minutes.
	"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null ||
		echo "install-deps: warning: apt-get update failed for some index" >&2
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 \
		install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
qemu_has_raspi4b && exit 0

# QEMU from <release>-backports, with a private source list and lists
# directory: the release itself is listed too, so dependencies resolve.
backports_qemu() {
	local codename dir mirror suite
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	[ -n "$codename" ] || return 1
	# shellcheck source=scripts/guest/lib.sh
	mirror=$(. "$top/scripts/guest/lib.sh" && pgr_mirror) || return 1
	dir=$top/cache/apt/host-backports
	mkdir -p "$dir/lists/partial"
	for suite in "$codename" "$codename-updates" "$codename-backports"; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main"
	done >"$dir/sources.list"
	local apt=(apt-get -q -o Dir::Etc::SourceList="$dir/sources.list"
		-o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists="$dir/lists"
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
	echo "install-deps: QEMU $(qemu-system-aarch64 --version | head -n 1 |
		awk '{ print $4 }') has no raspi4b; installing qemu-system-arm from $codename-backports" >&2
	"${sudo[@]}" "${apt[@]}" update >/dev/null &&
		DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${apt[@]}" install -y \
			--no-install-recommends -t "$codename-backports" qemu-system-arm >/dev/null
}
if ! backports_qemu || ! qemu_has_raspi4b; then
	echo "install-deps: warning: no QEMU with the raspi4b board; the Pi 4 boards cannot run" >&2
fi
exit 0
