#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# boot.sh BOARD MODE: assemble the guest's initramfs (Debian root filesystem
# + the board's watchdog module + what build.sh made + the guest jobs), boot
# it in QEMU, and keep the whole console log in build/BOARD/console-MODE.log.
# The guest runs /pigpio/MODE.sh: tests/guest/MODE.sh ("suite", "nogpio", "rp1"),
# scripts/guest/demo-guest.sh for "demo", or scripts/guest/lab-guest.sh for
# the lab's "lab-shell", "lab-root" and "lab-run" (PGR_INTERACTIVE=1: the
# console is this terminal; PGR_LAB_DIR: what lab-run runs). Exits 0 when the guest ran its job
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
	"$stage/sys" "$stage/dev" "$stage/run" "$stage/tmp" "$stage/root"
cp "$PGR_TOP/scripts/guest/init.sh" "$stage/init"
cp "$PGR_TOP"/tests/guest/*.sh "$PGR_TOP"/tests/guest/*.py "$stage/pigpio/"
cp "$PGR_TOP/scripts/guest/demo-guest.sh" "$stage/pigpio/demo.sh"
# The lab (scripts/lab.sh, docs/lab/): one script for its three jobs, the
# build tree of its exercise 1 as `make` leaves it (the module, the CLI and
# the examples), and the student's program for lab-run, if one is staged.
for job in lab-shell lab-root lab-run; do
	cp "$PGR_TOP/scripts/guest/lab-guest.sh" "$stage/pigpio/$job.sh"
done
mkdir -p "$stage/pigpio/tree/kernel" "$stage/pigpio/tree/build/host/user"
cp "$out/module/kernel/pigpio_regs.ko" "$stage/pigpio/tree/kernel/"
cp "$out/user/pigpio-regs" "$stage/pigpio/tree/build/host/user/"
cp -r "$out/user/examples" "$stage/pigpio/tree/build/host/user/"
[ -z "${PGR_LAB_DIR:-}" ] || cp -r "$PGR_LAB_DIR" "$stage/pigpio/lab"
cp "$out/module/kernel/pigpio_regs.ko" "$stage/pigpio/"
# The CLI is not among them: the suite uses the packaged one.
cp "$out/user/pigpio-regs-bench" "$out"/user/examples/* "$out"/guest-bin/* \
	"$stage/pigpio/bin/"
# The Python package (in /usr/lib/python3/dist-packages), its tests and
# the optional gpiochip rule, as build.sh staged them.
cp -a "$out/python-root/." "$stage/"
# The Debian packages build.sh gathered (library, CLI, pigpio-regs-common
# and the module package for this kernel): the guest's init installs them
# with dpkg before systemd-modules-load runs, which then loads the module.
cp -r "$out/debs" "$stage/pigpio/debs"
# The module's options on a board whose RP1 is a stand-in (rp1_pci_node
# below): init.sh gives them to modprobe, as an administrator would.
module_params=
case ";$B_DT_EDITS" in
*";rp1pci,"*) module_params=rp1_pci=1af4:1110:2 ;;
esac
cat >"$stage/pigpio/board.env" <<EOT
BOARD=$B_NAME
EXPECT_PHYS=$B_PHYS
EXPECT_SOC=$B_SOC
EXPECT_NGPIO=$B_NGPIO
EXPECT_PINCTRL=$B_PINCTRL
EXPECT_BOOT_LOAD=yes
MODULE_PARAMS=$module_params
EOT
# Users: alice and bob. Group gpio comes from pigpio-regs-common's
# postinst; init.sh then adds alice to it, as an administrator would.
cat >"$stage/etc/passwd" <<'EOT'
root:x:0:0:root:/root:/bin/sh
alice:x:1000:1000:in group gpio:/tmp:/bin/sh
bob:x:1001:1001:not in group gpio:/tmp:/bin/sh
EOT
cat >"$stage/etc/group" <<'EOT'
root:x:0:
alice:x:1000:
bob:x:1001:
EOT
# Only the modules the guest loads, with their index, where the kernel
# package puts them (the root filesystem's /lib links to usr/lib).
moddir=$(pgr_kernel_moddir)
kmods=$kroot$moddir/$release
mods=$stage/lib/modules/$release
mkdir -p "$mods"
cp "$kmods"/modules.{order,builtin,builtin.modinfo} "$mods/"
(cd "$kmods" && find kernel -name 'bcm2835_wdt.ko*' -exec cp --parents {} "$mods/" \;)
depmod -b "$stage" "$release"
if [ "$moddir" != /lib/modules ]; then
	mkdir -p "$stage/usr/lib" && mv "$stage/lib/modules" "$stage/usr/lib/" && rmdir "$stage/lib"
fi

# The initramfs: Debian's tree first, the overlay over it, all owned by root.
bsdtar --uid 0 --gid 0 --format ustar -cf "$out/overlay.tar" -C "$stage" .
bsdtar --format newc -cf - "@$(pgr_rootfs_dir)/rootfs.tar" "@$out/overlay.tar" |
	gzip -1 >"$out/initramfs.gz"

pgr_qemu_args
append="console=$B_CONSOLE,115200 rdinit=/init pgr.mode=$mode"
[ "$B_APPEND" = "-" ] || append="$append ${B_APPEND//,/ }"
case $B_ARCH in
arm64) qemu="qemu-system-aarch64" ;;
*) qemu="qemu-system-arm" ;;
esac

# rp1_node DTB BASE [RIO|mainline]: the RP1's GPIO node as Raspberry Pi's
# rp1.dtsi has it (gpio@d0000, compatible "raspberrypi,rp1-gpio", reg
# IO_BANK0, SYS_RIO0, PADS_BANK0 at RP1 0xc0_400d0000, 0xc0_400e0000,
# 0xc0_400f0000, 0xc000 bytes each), under a simple-bus /rp1 whose ranges
# put the RP1's 0xc0_40000000 at CPU address BASE, as the Pi 5's PCIe BAR1
# puts it at 0x1f_00000000. The driver translates reg through those ranges
# itself. RIO, for a test of the driver's refusal: another RP1 address for
# SYS_RIO0. "mainline": the node as mainline's rp1-common.dtsi writes it
# (pinctrl@400d0000 under pci-ep-bus@1, high address cell 0x00, not 0xc0).
# "fwcfg": /rp1's ranges send SYS_RIO0's 64 KiB to QEMU's fw_cfg device
# (0x09020000 on virt) instead, as an overlay could.
rp1_node() {
	local dtb=$1 base=$(($2)) rio=0x400e0000 hi=0xc0 bus=/rp1 node fwcfg=
	case ${3:-} in
	mainline) hi=0x0 bus=/pci-ep-bus@1 node=$bus/pinctrl@400d0000 ;;
	fwcfg) fwcfg=0x09020000 ;;
	'') ;;
	*) rio=$3 ;;
	esac
	local ranges=("$hi" 0x40000000 "$(printf '%#x' $((base >> 32)))" "$(printf '%#x' $((base & 0xffffffff)))" 0x0 0x400000)
	if [ -n "$fwcfg" ]; then
		ranges=("$hi" 0x40000000 "$(printf '%#x' $((base >> 32)))" "$(printf '%#x' $((base & 0xffffffff)))" 0x0 0xe0000
			"$hi" 0x400e0000 0x0 "$fwcfg" 0x0 0x10000
			"$hi" 0x400f0000 "$(printf '%#x' $(((base + 0xf0000) >> 32)))" "$(printf '%#x' $(((base + 0xf0000) & 0xffffffff)))" 0x0 0x10000)
	fi
	node=${node:-$bus/gpio@d0000}
	fdtput -c "$dtb" "$bus" "$node" &&
		fdtput -t s "$dtb" "$bus" compatible simple-bus &&
		fdtput -t x "$dtb" "$bus" '#address-cells' 2 &&
		fdtput -t x "$dtb" "$bus" '#size-cells' 2 &&
		fdtput -t x "$dtb" "$bus" ranges "${ranges[@]}" &&
		fdtput -t s "$dtb" "$node" compatible raspberrypi,rp1-gpio &&
		fdtput -t x "$dtb" "$node" reg "$hi" 0x400d0000 0x0 0xc000 \
			"$hi" "$rio" 0x0 0xc000 "$hi" 0x400f0000 0x0 0xc000
}

# rp1_pci_node DTB PCIADDR [shift|hicell]: the RP1's GPIO node as on a
# Pi 5, behind a PCI function: pci@1,0 under QEMU virt's PCIe host bridge
# (the node pci_set_of_node() gives device 00:01.0, as the Pi 5's pcie2
# has pci@0,0 for the RP1), with /rp1 below it whose ranges put the RP1's
# 0xc0_40000000 at PCI memory address PCIADDR, where the kernel assigns
# the stand-in's 4 MiB memory BAR (ivshmem-plain's BAR2, added to QEMU's
# arguments below; the RP1's BAR1 is 4 MiB too). For tests of the
# driver's refusals: "shift" puts the RP1's bus 1 MiB into the BAR, so
# each block is inside the BAR at the wrong offset; "hicell" writes 0x1 in
# the high address cells instead of 0xc0.
rp1_pci_node() {
	local dtb=$1 pci=$(($2)) hi=0xc0 host pdev bus node at
	case ${3:-} in
	shift) at=$((pci + 0x100000)) ;;
	hicell) hi=0x1 at=$pci ;;
	'') at=$pci ;;
	*) return 1 ;;
	esac
	host=$(fdtget -l "$dtb" / | grep -m1 '^pcie@') || return 1
	pdev=/$host/pci@1,0 bus=/$host/pci@1,0/rp1 node=/$host/pci@1,0/rp1/gpio@d0000
	fdtput -c "$dtb" "$pdev" "$bus" "$node" &&
		fdtput -t s "$dtb" "$pdev" device_type pci &&
		fdtput -t x "$dtb" "$pdev" reg 0x800 0 0 0 0 &&
		fdtput -t x "$dtb" "$pdev" '#address-cells' 3 &&
		fdtput -t x "$dtb" "$pdev" '#size-cells' 2 &&
		fdtput -t x "$dtb" "$pdev" ranges 0x03000000 \
			"$(printf '%#x' $((pci >> 32)))" "$(printf '%#x' $((pci & 0xffffffff)))" \
			0x03000000 "$(printf '%#x' $((pci >> 32)))" "$(printf '%#x' $((pci & 0xffffffff)))" \
			0x0 0x400000 &&
		fdtput -t s "$dtb" "$bus" compatible simple-bus &&
		fdtput -t x "$dtb" "$bus" '#address-cells' 2 &&
		fdtput -t x "$dtb" "$bus" '#size-cells' 2 &&
		fdtput -t x "$dtb" "$bus" ranges "$hi" 0x40000000 0x03000000 \
			"$(printf '%#x' $((at >> 32)))" "$(printf '%#x' $((at & 0xffffffff)))" \
			0x0 0x300000 &&
		fdtput -t s "$dtb" "$node" compatible raspberrypi,rp1-gpio &&
		fdtput -t x "$dtb" "$node" reg "$hi" 0x400d0000 0x0 0xc000 \
			"$hi" 0x400e0000 0x0 0xc000 "$hi" 0x400f0000 0x0 0xc000
}

# The device tree, with the board's edits, made here from Debian's file,
# or for dtb "virt" from QEMU's own for its virt board (dumpdtb).
dtb=$out/board.dtb
if [ "$B_DTB" = virt ]; then
	"$qemu" -M "$B_QEMU,dumpdtb=$dtb" -m "$B_MEM" "${qemu_args[@]}" -display none \
		</dev/null >/dev/null || pgr_die "$B_NAME: QEMU could not dump its $B_QEMU device tree"
else
	cp "$(echo "$kroot"/usr/lib/linux-image-*/"$B_DTB")" "$dtb"
fi
if [ "$B_DT_EDITS" != "-" ]; then
	IFS=';' read -r -a edits <<<"$B_DT_EDITS"
	for edit in "${edits[@]}"; do
		read -r -a words <<<"${edit//,/ }"
		if [ "${words[0]}" = off ]; then
			# off,NODE,NODE...: status = "disabled" on each node.
			for node in "${words[@]:1}"; do
				fdtput -t s "$dtb" "$node" status disabled ||
					pgr_die "$B_NAME: no node $node in $B_DTB"
			done
		elif [ "${words[0]}" = bcm ]; then
			# bcm,ADDR: a BCM2835 GPIO node at CPU address ADDR, where an
			# overlay could put it, under a bus node whose ranges map
			# addresses one to one. That bus has no compatible, so no
			# platform device is made for the node and the kernel's
			# pinctrl-bcm2835 never binds to it (it would write there).
			node=/pgr-bus/gpio@$(printf '%x' $((words[1])))
			{ fdtput -c "$dtb" /pgr-bus "$node" &&
				fdtput -t x "$dtb" /pgr-bus '#address-cells' 2 &&
				fdtput -t x "$dtb" /pgr-bus '#size-cells' 2 &&
				fdtput -t x "$dtb" /pgr-bus ranges 0x0 0x0 0x0 0x0 0x1 0x0 &&
				fdtput -t s "$dtb" "$node" compatible brcm,bcm2835-gpio &&
				fdtput -t x "$dtb" "$node" reg 0x0 "${words[1]}" 0x0 0xb4; } ||
				pgr_die "$B_NAME: cannot add the BCM GPIO node to $B_DTB"
		elif [ "${words[0]}" = rp1pci ]; then
			# rp1pci,PCIADDR[,shift|hicell]: the node behind the stand-in.
			rp1_pci_node "$dtb" "${words[@]:1}" || pgr_die "$B_NAME: cannot add the RP1 PCI node to $B_DTB"
		elif [ "${words[0]}" = rp1 ]; then
			# rp1,BASE[,RIO|mainline]: the RP1's GPIO node over CPU BASE.
			rp1_node "$dtb" "${words[@]:1}" || pgr_die "$B_NAME: cannot add the RP1 node to $B_DTB"
		else
			fdtput "$dtb" "${words[@]}" || pgr_die "$B_NAME: fdtput ${words[*]} failed on $B_DTB"
		fi
	done
fi

# What the real firmware adds and RPi.GPIO and gpiozero read: the board
# revision code, as a 32-bit cell in /system/linux,revision ("-": none).
if [ "$B_REVISION" != "-" ]; then
	fdtput -p -t x "$dtb" /system linux,revision "$B_REVISION" ||
		pgr_die "$B_NAME: cannot add /system/linux,revision to $B_DTB"
fi
case $B_END in
reset) grace=${PGR_RESET_GRACE:-30} ;; # the guest resets through its watchdog
monitor) grace=0 ;;                    # the host quits QEMU after PGR-END
*) pgr_die "$B_NAME: end '$B_END' is neither 'reset' nor 'monitor'" ;;
esac
"$qemu" -M help | grep -q "^$B_QEMU " ||
	pgr_die "$B_NAME: $("$qemu" --version | head -n 1) has no '$B_QEMU' board"

log=$out/console-$mode.log
# The whole job's limit: the single-core ARMv6 raspi1ap runs the suite in
# about 15 minutes on a loaded 2-core host, and scripts/check.sh runs two
# boards at a time; a hung guest still ends here.
timeout=${PGR_BOOT_TIMEOUT:-3600}
init_timeout=${PGR_INIT_TIMEOUT:-300}
# QEMU's monitor, on a pair of FIFOs the host can always write "quit" to.
monitor=$out/qemu-monitor
rm -f "$monitor.in" "$monitor.out" "$out/ended-by-host" && mkfifo "$monitor.in" "$monitor.out"
: >"$log"

# quit_qemu MONITOR MARK WHY: end QEMU through its monitor; MARK says why.
# shellcheck disable=SC2317 # called in the watcher process below
quit_qemu() {
	echo "$3" >"$2"
	# shellcheck disable=SC2016 # the inner shell's $1
	timeout 10 sh -c 'echo quit >"$1"' - "$1.in" || true
}
# watch_end LOG MONITOR MARK GRACE INIT_TIMEOUT: once the guest printed
# PGR-END, end QEMU after GRACE seconds: at once on a board that cannot
# reset itself, as a last resort on the others. End it too if the guest
# does not reach init within INIT_TIMEOUT seconds.
# shellcheck disable=SC2317 # run as the watcher process below
watch_end() {
	local waited=0
	until grep -q '^PGR-END' "$1"; do
		if [ "$waited" -ge $(($5 * 2)) ] && ! grep -q '^PGR-BOOTED' "$1"; then
			quit_qemu "$2" "$3" "the guest did not reach init within $5 s; the host ended QEMU"
			return
		fi
		sleep 0.5
		waited=$((waited + 1))
	done
	sleep "$4"
	quit_qemu "$2" "$3" "the guest printed PGR-END; the host ended QEMU after $4 s"
}

pgr_log "$B_NAME: booting $release on QEMU $B_QEMU ($mode; log: ${log#"$PGR_TOP"/})"
start=$(date +%s)
# The watcher is a process of its own, not a subshell sharing this script.
bash -c "$(declare -f quit_qemu watch_end); watch_end \"\$@\"" watch_end \
	"$log" "$monitor" "$out/ended-by-host" "$grace" "$init_timeout" &
watcher=$!
# shellcheck disable=SC2054 # QEMU's own commas
qemu_cmd=("$qemu" -M "$B_QEMU" -m "$B_MEM"
	-kernel "$(echo "$kroot"/boot/vmlinuz-*)" -dtb "$dtb"
	-initrd "$out/initramfs.gz" -append "$append"
	"${qemu_args[@]}" -display none -no-reboot
	-chardev "pipe,id=monitor,path=$monitor" -mon chardev=monitor,mode=readline)
set +e
if [ -n "${PGR_INTERACTIVE:-}" ]; then
	# The lab's shell (scripts/lab.sh shell): the serial console is this
	# terminal. QEMU reads it (in the foreground, or the terminal would
	# stop it), and every byte it writes reaches the terminal and the log.
	timeout --foreground -k 10 "$timeout" "${qemu_cmd[@]}" 2>&1 | tee -a "$log"
else
	timeout -k 10 "$timeout" "${qemu_cmd[@]}" \
		</dev/null 2>&1 | sed -u 's/\r//g' | tee -a "$log" |
		sed -un -e 's/^PGR-SAY //p' \
			-e "s/^PGR-TEST \(PASS\|FAIL\) /\1 [$B_NAME] /p"
fi
status=${PIPESTATUS[0]}
set -e
end=$(date +%s)
kill "$watcher" 2>/dev/null || true	# it may have ended QEMU and itself
wait "$watcher" 2>/dev/null || true
rm -f "$monitor.in" "$monitor.out"

# Timing: QEMU's wall seconds, and from the guest's own clock the seconds
# to init (boot) and from init to the end of the job (test).
booted=$(sed -n 's/^PGR-BOOTED \([0-9.]*\).*/\1/p' "$log" | head -n 1)
ended=$(sed -n 's/^PGR-END \([0-9.]*\).*/\1/p' "$log" | head -n 1)
test_s=-
[ -n "$booted" ] && [ -n "$ended" ] && test_s=$(awk -v a="$booted" -v b="$ended" 'BEGIN { printf "%.0f", b - a }')
cat >"$out/timing-$mode.env" <<EOT
KERNEL=$release
QEMU_S=$((end - start))
BOOT_S=$([ -n "$booted" ] && awk -v a="$booted" 'BEGIN { printf "%.0f", a }' || echo -)
TEST_S=$test_s
EOT
pgr_log "$B_NAME: QEMU ran $((end - start)) s (guest reached init at ${booted:-?} s, job took ${test_s} s)"
if [ -f "$out/ended-by-host" ]; then
	pgr_log "$B_NAME: $(cat "$out/ended-by-host")"
fi
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
	pgr_log "$B_NAME: QEMU did not end within $timeout s"
	exit 1
fi
grep -q '^PGR-END' "$log" || { pgr_log "$B_NAME: the guest never finished its job (see $log)"; exit 1; }
if [ "$B_END" = reset ] && [ -f "$out/ended-by-host" ]; then
	pgr_log "$B_NAME: the board did not reset by itself as boards.tsv says (see $log)"
	exit 1
fi
exit 0
