#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# debug-kernel.sh [build|test|all]: a debugging arm64 kernel for the emulated
# raspi3b and QEMU virt, and the guest jobs on it.
#
#   build  cross-build the kernel from Debian's linux-source-6.1 with KASAN,
#          KFENCE, PROVE_LOCKING, DEBUG_VM, DEBUG_ATOMIC_SLEEP and
#          DEBUG_KMEMLEAK (cached in cache/debug-kernel/; about 30 minutes
#          on 2 cores, niced; rebuilt only when the recipe changes)
#   test   build pigpio_regs.ko against it and boot it with slub_debug=FZPU
#          on each board of PGR_DEBUG_BOARDS (default "raspi3b-6.1 rp1"):
#          raspi3b-6.1 runs the guest suite, then every allocation of a
#          load failed in turn (failslab), a kmemleak scan, and
#          lockdown=integrity refusing phys_base= (tests/guest/*.sh; about
#          35 minutes: KASAN, lockdep and kmemleak slow the guest); rp1
#          runs tests/guest/rp1.sh on QEMU virt, the RP1 node behind the
#          removable PCI stand-in (the removal, the revoke and the rescan),
#          then the kmemleak scan. PASS/FAIL lines as for the normal
#          boards, one more for kmemleak and one for the kernel log
#   all    both (the default; also `make debug-kernel`)
#
# PGR_DEBUG_PARTS=faults: the test boot runs only the parts after the suite
# (fault injection, kmemleak, lockdown); =lockdown: only lockdown.
# PGR_DEBUG_SUITE=lab,timer: the suite's common start, then only those of
# its parts (tests/guest/suite.sh), then the rest as without it.
#
# Not part of scripts/check.sh: build and run together do not fit CI's
# time budget next to the other boards.
#
# The configuration: Debian's linux-source-6.1 (the sources of the kernel
# the normal raspi3b-6.1 and rp1 boards boot) with a minimal configuration,
# not Debian's: allnoconfig, then what the raspi3b guest uses (the BCM2835
# platform, its pinctrl, mailbox, firmware, clock, watchdog and both UARTs,
# initramfs, devtmpfs, sysfs, debugfs, what systemd-udevd and core dumps
# need, THP and KSM so madvise behaves as in Debian), what the virt board
# adds (PCI with the generic ECAM host bridge, /dev/mem for the rp1 job's
# oracle, refusing busy regions as Debian's does: the lab's exercise 4; its
# PL011, GIC and PSCI come with arm64), then KASAN (outline:
# faster to build), KFENCE, lockdep, DEBUG_VM, DEBUG_ATOMIC_SLEEP,
# kmemleak, failslab and the lockdown LSM. The lockdown LSM selects module
# signatures: the test run signs the module with this kernel's own build
# key, so lockdown refuses the hardware parameter, not an unsigned module.
# SHA-256 is needed for that too: after a valid signature, Debian's module
# loader hashes the module with sha256 for its blacklist check
# (mod_is_hash_blacklisted), and without the algorithm every signed load
# fails with ENOENT and no message.
# Debian's configuration, even trimmed to one platform and no modules, is about 1300 objects with KASAN: more than 2 cores shared with
# the emulated boards can build in a working session; this one is a third
# of that. The driver's code paths (misc, mmap, remap_pfn_range, the VFS,
# the driver core, devres) are the same in both.
set -euo pipefail
# shellcheck source=scripts/guest/lib.sh
. "$(dirname "$0")/guest/lib.sh"

what=${1:-all}
dk=$PGR_CACHE/debug-kernel
src=$dk/src
obj=$dk/build
cross=aarch64-linux-gnu-
kmake=(make -C "$src" O="$obj" ARCH=arm64 CROSS_COMPILE="$cross")
# Bumped whenever the configuration recipe below changes.
recipe=10

need() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} = 0 ] && return
	pgr_log "installing ${missing[*]}"
	apt-get install -y -q "${missing[@]}" >/dev/null
}

# Debian's source package, through the private apt state.
fetch_source() {
	local deb
	mkdir -p "$PGR_CACHE/tools"
	deb=$(find "$PGR_CACHE/tools" -maxdepth 1 -name "linux-source-6.1_*_all.deb" 2>/dev/null | sort | tail -n 1)
	if [ -z "$deb" ]; then
		pgr_log "fetching linux-source-6.1"
		pgr_apt bookworm arm64 apt-get update >/dev/null
		(cd "$PGR_CACHE/tools" && pgr_apt bookworm arm64 apt-get download linux-source-6.1 >/dev/null)
		deb=$(find "$PGR_CACHE/tools" -maxdepth 1 -name "linux-source-6.1_*_all.deb" | sort | tail -n 1)
	fi
	if [ ! -f "$src/.pgr-extracted" ] || [ "$(cat "$src/.pgr-extracted")" != "$(basename "$deb")" ]; then
		pgr_log "extracting $(basename "$deb")"
		rm -rf "$src" "$dk/deb" && mkdir -p "$dk/deb" "$src"
		dpkg-deb -x "$deb" "$dk/deb"
		tar -xJf "$dk"/deb/usr/src/linux-source-6.1.tar.xz -C "$src" --strip-components=1
		rm -rf "$dk/deb"
		basename "$deb" >"$src/.pgr-extracted"
	fi
}

configure() {
	local cfg=$obj/.config
	mkdir -p "$obj"
	# Nothing, then what the raspi3b guest needs, then the debug options.
	"${kmake[@]}" -s allnoconfig
	local sc=("$src/scripts/config" --file "$cfg")
	local opt
	for opt in SMP ARM64_VA_BITS_48 MODULES MODULE_UNLOAD \
		ARCH_BCM ARCH_BCM2835 PINCTRL_BCM2835 GPIOLIB \
		MAILBOX BCM2835_MBOX RASPBERRYPI_FIRMWARE COMMON_CLK CLK_BCM2835 \
		CLK_RASPBERRYPI WATCHDOG WATCHDOG_CORE BCM2835_WDT \
		TTY SERIAL_CORE SERIAL_8250 SERIAL_8250_CONSOLE \
		SERIAL_8250_EXTENDED SERIAL_8250_SHARE_IRQ SERIAL_8250_BCM2835AUX \
		SERIAL_OF_PLATFORM SERIAL_AMBA_PL011 \
		SERIAL_AMBA_PL011_CONSOLE UNIX98_PTYS PRINTK BUG \
		BLK_DEV_INITRD RD_GZIP BINFMT_ELF BINFMT_SCRIPT COREDUMP ELF_CORE \
		PROC_FS PROC_SYSCTL PROC_PAGE_MONITOR SYSFS DEVTMPFS TMPFS SHMEM \
		DEBUG_FS DEBUG_FS_ALLOW_ALL NET UNIX MULTIUSER FUTEX EPOLL \
		SIGNALFD TIMERFD EVENTFD AIO FHANDLE INOTIFY_USER FILE_LOCKING \
		POSIX_TIMERS ADVISE_SYSCALLS MEMBARRIER SYSVIPC CGROUPS \
		CROSS_MEMORY_ATTACH \
		TRANSPARENT_HUGEPAGE KSM HIGH_RES_TIMERS KALLSYMS KALLSYMS_ALL \
		SLUB SLUB_DEBUG STACKTRACE DEBUG_KERNEL \
		KASAN KASAN_GENERIC KASAN_OUTLINE KASAN_VMALLOC KFENCE \
		PROVE_LOCKING DEBUG_VM DEBUG_ATOMIC_SLEEP DEBUG_LIST \
		DEBUG_KMEMLEAK DEBUG_KMEMLEAK_AUTO_SCAN \
		FAULT_INJECTION FAILSLAB FAULT_INJECTION_DEBUG_FS \
		SECURITY SECURITYFS SECURITY_LOCKDOWN_LSM CRYPTO_SHA256 \
		PCI PCI_HOST_GENERIC PCI_HOST_COMMON DEVMEM STRICT_DEVMEM \
		IO_STRICT_DEVMEM; do
		"${sc[@]}" --enable "$opt"
	done
	"${sc[@]}" --set-str LOCALVERSION "-pgr-debug" \
		--set-str CMDLINE "" --disable DEBUG_KMEMLEAK_DEFAULT_OFF \
		--set-val DEBUG_KMEMLEAK_MEM_POOL_SIZE 32000 \
		--set-val KFENCE_SAMPLE_INTERVAL 10
	"${kmake[@]}" -s olddefconfig
	# What olddefconfig dropped would silently weaken the run: check.
	for opt in KASAN KFENCE PROVE_LOCKING DEBUG_VM DEBUG_ATOMIC_SLEEP \
		DEBUG_KMEMLEAK BCM2835_WDT PINCTRL_BCM2835 SERIAL_8250_BCM2835AUX \
		SERIAL_8250_CONSOLE BCM2835_MBOX RASPBERRYPI_FIRMWARE CLK_BCM2835 \
		DEVTMPFS TMPFS UNIX INOTIFY_USER SIGNALFD MULTIUSER \
		MODULE_UNLOAD PROC_PAGE_MONITOR COREDUMP ELF_CORE DEBUG_FS \
		BLK_DEV_INITRD RD_GZIP BINFMT_ELF TRANSPARENT_HUGEPAGE \
		CROSS_MEMORY_ATTACH FAULT_INJECTION FAILSLAB FAULT_INJECTION_DEBUG_FS \
		SECURITY_LOCKDOWN_LSM CRYPTO_SHA256 PCI PCI_HOST_GENERIC DEVMEM \
		IO_STRICT_DEVMEM; do
		grep -q "^CONFIG_$opt=y" "$cfg" || pgr_die "CONFIG_$opt did not survive olddefconfig"
	done
	grep -q '^CONFIG_ARM64_4K_PAGES=y' "$cfg" || pgr_die "not 4 KiB pages"
}

build() {
	need flex bison bc libssl-dev libelf-dev "gcc-${cross%-}" kmod
	fetch_source
	local stamp=$dk/stamp
	local want
	want="recipe $recipe $(cat "$src/.pgr-extracted")"
	if [ -f "$obj/arch/arm64/boot/Image" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
		pgr_log "debug kernel up to date: $obj/arch/arm64/boot/Image ($(cat "$obj/include/config/kernel.release"))"
		return
	fi
	rm -f "$stamp"
	configure
	pgr_log "building the debug kernel (log: ${dk#"$PGR_TOP"/}/build.log)"
	local start
	start=$(date +%s)
	if ! nice -n 19 "${kmake[@]}" -j2 Image modules >"$dk/build.log" 2>&1; then
		tail -n 40 "$dk/build.log" >&2
		pgr_die "debug kernel build failed (log: $dk/build.log)"
	fi
	echo "$want" >"$stamp"
	pgr_log "debug kernel $(cat "$obj/include/config/kernel.release") built in $(($(date +%s) - start)) s"
}

# test_run BOARD: the board's job on the debug kernel, then a kmemleak
# scan. BOARD is raspi3b-6.1 (the suite, then every allocation of a load
# failed in turn and lockdown) or rp1 (QEMU virt with the RP1 node behind
# the removable PCI stand-in: tests/guest/rp1.sh, the removal and rescan
# included).
test_run() {
	local board=$1 out base release job
	out=$PGR_BUILD/$board-debug base=$PGR_BUILD/$board
	pgr_board "$board"
	job=$B_JOB
	[ -f "$obj/arch/arm64/boot/Image" ] || pgr_die "no debug kernel: run '$0 build' first"
	release=$(cat "$obj/include/config/kernel.release")
	# The normal board's overlay (users, udev rule, tests, client) first.
	if [ ! -d "$base/overlay/pigpio" ]; then
		"$PGR_TOP/scripts/guest/run.sh" "$board" test >/dev/null || true
	fi
	[ -d "$base/overlay/pigpio" ] || pgr_die "no overlay in $base (scripts/guest/run.sh $board test)"
	# Fresh user-space builds, in case the sources changed since.
	make -s -C "$PGR_TOP/user" CC="${cross}gcc" BUILD="$base/user" STATIC=1 all bench
	make -s -C "$PGR_TOP/tests/guest" CC="${cross}gcc" BUILD="$base/guest-bin"

	rm -rf "$out" && mkdir -p "$out/module"
	cp -r "$PGR_TOP/Kbuild" "$PGR_TOP/kernel" "$PGR_TOP/include" "$out/module/"
	if ! make -s -C "$obj" M="$out/module" ARCH=arm64 CROSS_COMPILE="$cross" \
		KCFLAGS=-Werror modules >"$out/module.log" 2>&1 ||
		grep -qi warning "$out/module.log"; then
		cat "$out/module.log" >&2
		pgr_die "module build against the debug kernel failed"
	fi

	# Signed with this kernel's own build key, so that under lockdown the
	# module loads and only the hardware parameter is refused.
	"$obj/scripts/sign-file" sha512 "$obj/certs/signing_key.pem" \
		"$obj/certs/signing_key.x509" "$out/module/kernel/pigpio_regs.ko" ||
		pgr_die "cannot sign the module with $obj/certs/signing_key.pem"

	local stage=$out/overlay
	cp -a "$base/overlay" "$stage"
	cp "$out/module/kernel/pigpio_regs.ko" "$stage/pigpio/"
	cp "$out/module/kernel/pigpio_regs.ko" "$stage/pigpio/tree/kernel/"
	cp "$PGR_TOP"/tests/guest/*.sh "$PGR_TOP"/tests/guest/*.py "$stage/pigpio/"
	cp "$base/user/pigpio-regs" "$base/user/pigpio-regs-bench" "$base"/guest-bin/* "$stage/pigpio/bin/"
	rm -rf "$stage/lib/modules" "$stage/usr/lib/modules" && mkdir -p "$stage/lib/modules/$release"
	cp "$obj"/modules.builtin "$obj"/modules.builtin.modinfo "$obj"/modules.order \
		"$stage/lib/modules/$release/" 2>/dev/null || true
	if [ "$job" = rp1 ]; then
		# The module where modprobe finds it for this kernel, so that the
		# boot loads it as on the normal row (the administrator's
		# modules-load.d entry for the stand-in, init.sh).
		mkdir -p "$stage/lib/modules/$release/updates"
		cp "$out/module/kernel/pigpio_regs.ko" "$stage/lib/modules/$release/updates/"
	else
		# The installed module is for Debian's kernel, not this one:
		# nothing loads at boot here.
		sed -i 's/^EXPECT_BOOT_LOAD=.*/EXPECT_BOOT_LOAD=no/' "$stage/pigpio/board.env"
	fi
	depmod -b "$stage" "$release" 2>/dev/null || true
	sed "s/@JOB@/$job/" >"$stage/pigpio/debug.sh" <<'EOT'
#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The board's job on the debug kernel, then what kmemleak found.
. /pigpio/lib.sh
job=@JOB@
# The slab figure's bound does not hold under KASAN: kmemleak below decides.
# Lockdown comes last: it closes debugfs, which kmemleak needs.
# pgr.parts=faults on the command line: only the parts after the suite;
# pgr.suite=PART,PART: the suite with only those of its parts.
parts=$(sed -n 's/.*pgr\.suite=\([a-z_,]*\).*/\1/p' /proc/cmdline | tr , ' ')
if ! grep -q 'pgr.parts=' /proc/cmdline; then
	PGR_SUITE_PARTS=$parts PGR_KASAN=1 PGR_LOCKDOWN_LATER=1 /pigpio/$job.sh
fi
# pgr.parts=lockdown: only the lockdown part.
if grep -q 'pgr.parts=lockdown' /proc/cmdline; then
	km=
else
	# Every allocation of a load failed in turn, before kmemleak looks
	# (the BCM path: faults.sh loads without the stand-in's parameter).
	[ "$job" != suite ] || . /pigpio/faults.sh
	km=/sys/kernel/debug/kmemleak
fi
if [ -z "$km" ]; then
	:
elif [ -w $km ]; then
	echo clear >$km
	# Objects must be older than the scan interval to be reported: cycle
	# the module again, wait, then scan twice (kmemleak's own advice).
	for i in 1 2 3 4 5 6 7 8 9 10; do
		load_module /pigpio/pigpio_regs.ko "$MODULE_PARAMS" >/dev/null
		udev_settled
		as_alice pigpio-regs get 17 >/dev/null
		rmmod pigpio_regs
	done
	sleep 6
	echo scan >$km
	sleep 6
	echo scan >$km
	cat $km >/tmp/kmemleak.txt
	total=$(grep -c '^unreferenced object' /tmp/kmemleak.txt)
	ours=$(grep -c 'pigpio_regs' /tmp/kmemleak.txt)
	say "kmemleak: $total unreferenced objects, $ours lines naming pigpio_regs"
	grep -A 20 'pigpio_regs' /tmp/kmemleak.txt | head -n 60 | sed 's/^/PGR-SAY kmemleak: /'
	check "kmemleak: nothing leaked by pigpio_regs" "$ours lines" test "$ours" = 0
else
	fail "kmemleak: nothing leaked by pigpio_regs" "no $km"
fi
bad=$(dmesg | grep -E 'KASAN|KFENCE|possible circular|inconsistent lock|sleeping function called|BUG|WARNING|Oops' | head -n 5)
check "debug kernel: no KASAN, KFENCE, lockdep or might_sleep report" "$bad" test -z "$bad"
dmesg | grep -E 'KASAN|KFENCE|lockdep|BUG' | head -n 20 | sed 's/^/PGR-SAY dmesg: /'
[ "$job" != suite ] || PGR_MODULE_SIGNED=1 . /pigpio/lockdown.sh
EOT
	chmod +x "$stage/pigpio/debug.sh"
	bsdtar --uid 0 --gid 0 --format ustar -cf "$out/overlay.tar" -C "$stage" .
	bsdtar --format newc -cf - "@$(pgr_rootfs_dir)/rootfs.tar" "@$out/overlay.tar" |
		gzip -1 >"$out/initramfs.gz"

	local log=$out/console-debug.log append qemu_args
	pgr_qemu_args
	append="console=$B_CONSOLE,115200 rdinit=/init pgr.mode=debug slub_debug=FZPU kmemleak=on"
	[ "$B_APPEND" = "-" ] || append="$append ${B_APPEND//,/ }"
	pgr_log "$board-debug: booting $release (log: ${log#"$PGR_TOP"/})"
	set +e
	timeout -k 10 "${PGR_BOOT_TIMEOUT:-7200}" qemu-system-aarch64 -M "$B_QEMU" -m "$B_MEM" \
		-kernel "$obj/arch/arm64/boot/Image" -dtb "$base/board.dtb" \
		-initrd "$out/initramfs.gz" \
		-append "$append${PGR_DEBUG_PARTS:+ pgr.parts=$PGR_DEBUG_PARTS}${PGR_DEBUG_SUITE:+ pgr.suite=$PGR_DEBUG_SUITE}" \
		"${qemu_args[@]}" -display none -monitor none -no-reboot \
		</dev/null 2>&1 | sed -u 's/\r//g' | tee "$log" |
		sed -un -e 's/^PGR-SAY //p' \
			-e "s/^PGR-TEST \(PASS\|FAIL\) /\1 [$board-debug] /p"
	set -e
	grep -q '^PGR-END' "$log" || { echo "FAIL [$board-debug] the guest never finished its job (see $log)"; return 1; }
	! grep -q '^PGR-TEST FAIL' "$log"
}

# Which boards: PGR_DEBUG_BOARDS, raspi3b-6.1 and rp1 by default.
boards=${PGR_DEBUG_BOARDS:-raspi3b-6.1 rp1}
test_all() {
	local b rc=0
	for b in $boards; do
		test_run "$b" || rc=1
	done
	return $rc
}
case $what in
build) build ;;
test) test_all ;;
all) build && test_all ;;
*) pgr_die "usage: $0 [build|test|all]" ;;
esac
