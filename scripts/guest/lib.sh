# SPDX-License-Identifier: GPL-2.0-only
# Shared helpers of the emulated-board harness. Sourced, never run.
# shellcheck shell=bash

PGR_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PGR_CACHE=${PGR_CACHE:-$PGR_TOP/cache}
PGR_BUILD=${PGR_BUILD:-$PGR_TOP/build}
PGR_TABLE=$PGR_TOP/scripts/guest/boards.tsv

pgr_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pgr_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# pgr_board NAME: set B_* variables from the board table row NAME.
pgr_board() {
	local row
	row=$(awk -v n="$1" '$1 == n' "$PGR_TABLE")
	[ -n "$row" ] || pgr_die "unknown board '$1' (see $PGR_TABLE)"
	# shellcheck disable=SC2034 # read by the callers
	read -r B_NAME B_QEMU B_MEM B_ARCH B_SUITE B_FLAVOUR B_CROSS B_DTB \
		B_DT_EDITS B_APPEND B_CONSOLE B_QEMU_ARGS B_END B_PHYS B_SOC B_NGPIO B_PINCTRL \
		B_REVISION B_JOB B_EXTRA <<<"$row"
	if [ -z "$B_JOB" ] || [ -n "$B_EXTRA" ]; then
		pgr_die "board '$1': the row does not have the table's columns"
	fi
}

# pgr_qemu_args: set the array qemu_args to the board's own QEMU arguments
# (PGR_QEMU_ARGS, comma-separated as the column, replaces them for one
# experiment, e.g. raspi1ap without -icount: docs/performance.md), plus,
# on a board whose RP1 is behind PCI (dt edit rp1pci), the stand-in the
# node names: an ivshmem-plain device in slot 1 whose 4 MiB memory BAR
# (BAR2) is plain memory, so that stores stay as the suite checks them. It
# has no driver in the guest; the suite enables its memory decoding
# through sysfs, as the RP1's driver does on a Pi 5.
pgr_qemu_args() {
	IFS=',' read -r -a qemu_args <<<"${PGR_QEMU_ARGS:-$B_QEMU_ARGS}"
	case ";$B_DT_EDITS" in
	*";rp1pci,"*)
		# shellcheck disable=SC2054 # QEMU's own comma-separated options
		qemu_args+=(-object memory-backend-ram,id=pgr-rp1,size=4M
			-device ivshmem-plain,memdev=pgr-rp1,addr=0x1)
		;;
	esac
}

# pgr_boards: every board name in the table.
pgr_boards() { awk '!/^#/ && NF { print $1 }' "$PGR_TABLE"; }

# pgr_mirror: the Debian mirror this machine's own apt sources use.
pgr_mirror() {
	if [ -n "${DEBIAN_MIRROR:-}" ]; then
		echo "$DEBIAN_MIRROR"
		return
	fi
	local uri
	uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^[[:space:]]*deb[[:space:]]/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) { print $i; break }
		}
		/^[[:space:]]*URIs:/ { for (i = 2; i <= NF; i++) print $i }' |
		grep -E '/debian/?$' | head -n 1)
	[ -n "$uri" ] || pgr_die "no Debian mirror in /etc/apt/sources*; set DEBIAN_MIRROR"
	echo "${uri%/}"
}

# pgr_apt SUITE ARCH ARGS...: apt-get with a private state that knows the
# host's architecture and ARCH; the host's own apt setup is not touched.
pgr_apt() {
	local suite=$1 arch=$2 cmd=$3
	shift 3
	local dir=$PGR_CACHE/apt/$suite-$arch
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/state"
	touch "$dir/status"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(pgr_mirror) $suite main" \
		>"$dir/sources.list"
	"$cmd" -q \
		-o Dir::State="$dir/state" -o Dir::State::Lists="$dir/lists" \
		-o Dir::State::status="$dir/status" -o Dir::Cache="$dir/cache" \
		-o Dir::Etc::SourceList="$dir/sources.list" \
		-o Dir::Etc::SourceParts=/nonexistent \
		-o APT::Architecture="$(dpkg --print-architecture)" \
		-o APT::Architectures::="$(dpkg --print-architecture)" \
		-o APT::Architectures::="$arch" \
		-o APT::Sandbox::User=root \
		"$@"
}

# Where one board's things live.
pgr_board_cache() { echo "$PGR_CACHE/kernels/$B_SUITE-$B_ARCH-$B_FLAVOUR"; }
pgr_board_build() { echo "$PGR_BUILD/$B_NAME"; }
pgr_rootfs_dir() { echo "$PGR_CACHE/rootfs/$B_SUITE-$B_ARCH-usrmerged"; }
pgr_python_headers() { echo "$PGR_CACHE/python/$B_SUITE-$B_ARCH"; }
# pgr_kernel_cc: the compiler the board's kernel was built with, as
# Debian's headers name it (.kernelvariables: "CC = $(CROSS_COMPILE)gcc-14"),
# e.g. "gcc-14"; empty if they name none.
pgr_kernel_cc() {
	local kdir
	kdir=$(pgr_board_cache)/root/usr/src/linux-headers-$(cat "$(pgr_board_cache)/release")
	# shellcheck disable=SC2016 # make's $(...), not the shell's
	sed -n 's/^CC = .*$(CROSS_COMPILE)\(gcc-[0-9]*\)$/\1/p' "$kdir/.kernelvariables" 2>/dev/null
}
# pgr_toolchain_dir: a private root of the board's suite holding the
# kernel's own cross compiler, for hosts that lack it (fetch.sh).
pgr_toolchain_dir() {
	echo "$PGR_CACHE/toolchains/$B_SUITE-$(dpkg --print-architecture)-$(pgr_kernel_cc)-${B_CROSS%-}"
}
# pgr_kernel_moddir: where the board's kernel package keeps its modules,
# /lib/modules (bookworm) or /usr/lib/modules (trixie, which ships no /lib).
pgr_kernel_moddir() {
	if [ -d "$(pgr_board_cache)/root/lib/modules/$(cat "$(pgr_board_cache)/release")" ]; then
		echo /lib/modules
	else
		echo /usr/lib/modules
	fi
}
