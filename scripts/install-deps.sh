#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# install-deps.sh: install, from the machine's own Debian/Ubuntu archive,
# the host tools the build, the emulated boards and the checks need. Only
# what is missing is installed; root (or sudo) is needed only then.
set -euo pipefail

PACKAGES=(
	make gcc libc6-dev                        # host library, CLI, unit tests
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross # module and client for arm64
	qemu-system-arm                           # raspi boards (arm and aarch64)
	mmdebstrap debian-archive-keyring         # guest root filesystem
	libarchive-tools gzip kmod                # initramfs (bsdtar), depmod
	device-tree-compiler                      # fdtput: device-tree edits
	dpkg-dev xz-utils perl                    # .deb unpacking, checkpatch
	sparse shellcheck cppcheck                # static analysis
)

missing=()
for pkg in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null; then
	sudo=(sudo)
else
	echo "install-deps: missing ${missing[*]}; run as root to install them" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q \
	--no-install-recommends "${missing[@]}" >/dev/null
