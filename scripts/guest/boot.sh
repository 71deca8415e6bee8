#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# boot.sh BOARD MODE: assemble the guest's initramfs (Debian root filesystem
# + the board's watchdog module + what build.sh made + the guest jobs), boot
# it in QEMU, and keep the whole console log in build/BOARD/console-MODE.log.
# The guest runs /pigpio/MODE.sh: tests/guest/MODE.sh ("suite", "nogpio"),
# or scripts/guest/demo-guest.sh for "demo". Exits 0 when the guest ran its job
# to the end, 1 otherwise; the job's own results are in the log.
set -euo pipefail
# shellcheck source=scripts/guest/lib.sh
. "$(dirname "$0")/lib.sh"

pgr_board "${1:?usage: boot.sh BOARD MODE}"
mode=${2:?usage: boot.sh BOARD MODE}
cache=$(pgr_board_cache)
out=$(pgr_board_build)
release=$(cat "$cache/release")
kroot=$cache/root
stage=$out/overlay

# The overlay: everything the guest needs on top of the Debian packages.
rm -rf "$stage" && mkdir -p "$stage/pigpio/bin" "$stage/etc" "$stage/proc" \
	"$stage/sys" "$stage/dev" "$stage/run" "$stage/tmp" "$stage/root" \
	"$stage/usr/lib/udev/rules.d"
cp "$PGR_TOP/scripts/guest/init.sh" "$stage/init"
cp "$PGR_TOP"/tests/guest/*.sh "$stage/pigpio/"
cp "$PGR_TOP/scripts/guest/demo-guest.sh" "$stage/pigpio/demo.sh"
cp "$out/module/kernel/pigpio_regs.ko" "$stage/pigpio/"
cp "$out/user/pigpio-regs" "$out"/guest-bin/* "$stage/pigpio/bin/"
cp "$PGR_TOP/scripts/udev/60-pigpio-regs.rules" "$stage/usr/lib/udev/rules.d/"
cat >"$stage/pigpio/board.env" <<EOT
BOARD=$B_NAME
EXPECT_PHYS=$B_PHYS
EXPECT_SOC=$B_SOC
EXPECT_NGPIO=$B_NGPIO
EOT
# Users: alice is in group gpio, bob is not.
cat >"$stage/etc/passwd" <<'EOT'
root:x:0:0:root:/root:/bin/sh
alice:x:1000:1000:in group gpio:/tmp:/bin/sh
bob:x:1001:1001:not in group gpio:/tmp:/bin/sh
EOT
cat >"$stage/etc/group" <<'EOT'
root:x:0:
gpio:x:997:alice
alice:x:1000:
bob:x:1001:
EOT
# Only the modules the guest loads, with their index.
mods=$stage/lib/modules/$release
mkdir -p "$mods"
cp "$kroot/lib/modules/$release"/modules.{order,builtin,builtin.modinfo} "$mods/"
(cd "$kroot/lib/modules/$release" &&
	find kernel -name 'bcm2835_wdt.ko*' -exec cp --parents {} "$mods/" \;)
depmod -b "$stage" "$release"

# The initramfs: Debian's tree first, the overlay over it, all owned by root.
bsdtar --uid 0 --gid 0 --format ustar -cf "$out/overlay.tar" -C "$stage" .
bsdtar --format newc -cf - "@$(pgr_rootfs_dir)/rootfs.tar" "@$out/overlay.tar" |
	gzip -1 >"$out/initramfs.gz"

# The device tree, with the board's edits, made here from Debian's file.
dtb=$out/board.dtb
cp "$(echo "$kroot"/usr/lib/linux-image-*/"$B_DTB")" "$dtb"
if [ "$B_DT_EDITS" != "-" ]; then
	IFS=';' read -r -a edits <<<"$B_DT_EDITS"
	for edit in "${edits[@]}"; do
		read -r -a words <<<"${edit//,/ }"
		fdtput "$dtb" "${words[@]}"
	done
fi

IFS=',' read -r -a serial <<<"$B_SERIAL"
case $B_ARCH in
arm64) qemu="qemu-system-aarch64" ;;
*) qemu="qemu-system-arm" ;;
esac
log=$out/console-$mode.log
timeout=${PGR_BOOT_TIMEOUT:-900}
pgr_log "$B_NAME: booting $release on QEMU $B_QEMU ($mode; log: ${log#"$PGR_TOP"/})"
start=$(date +%s)
set +e
timeout -k 10 "$timeout" "$qemu" -M "$B_QEMU" -m "$B_MEM" \
	-kernel "$(echo "$kroot"/boot/vmlinuz-*)" -dtb "$dtb" \
	-initrd "$out/initramfs.gz" \
	-append "console=$B_CONSOLE,115200 rdinit=/init pgr.mode=$mode" \
	"${serial[@]}" -display none -monitor none -no-reboot \
	</dev/null 2>&1 | tr -d '\r' | tee "$log" |
	sed -un -e 's/^PGR-SAY //p' \
		-e "s/^PGR-TEST \(PASS\|FAIL\) /\1 [$B_NAME] /p"
status=${PIPESTATUS[0]}
set -e
end=$(date +%s)
booted=$(sed -n 's/^PGR-BOOTED //p' "$log")
echo "$B_NAME: QEMU ran $((end - start)) s (guest reached init at ${booted:-?} s)" >"$out/timing-$mode.txt"
pgr_log "$(cat "$out/timing-$mode.txt")"
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
	pgr_log "$B_NAME: QEMU did not end within $timeout s"
	exit 1
fi
grep -q '^PGR-END' "$log" || { pgr_log "$B_NAME: the guest never finished its job (see $log)"; exit 1; }
