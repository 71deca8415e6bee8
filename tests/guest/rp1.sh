#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Guest job for the "rp1" row: QEMU's virt board with an RP1 GPIO node
# (raspberrypi,rp1-gpio, three 0xc000-byte blocks as rp1.dtsi has them)
# behind a PCI function, as on a Pi 5: an ivshmem-plain device in slot 1
# stands in for the RP1 (the module's rp1_pci= names it), its 4 MiB memory
# BAR for the RP1's BAR1. The driver must find the node, translate its
# three reg entries through the ranges down to the BAR, check them against
# the BAR, serve them in one 0x30000-byte window with the gaps unbacked,
# keep every refusal, and revoke everything when the device is removed.
# The oracle for "the store landed at that physical address"
# is /dev/mem, read and written by root at the address the row names
# (boards.tsv phys: IO_BANK0; SYS_RIO0 and PADS_BANK0 follow at 0x10000 and
# 0x20000, as on the Pi 5): it never asks the driver. The memory is not an
# RP1: the SET/CLR/XOR aliases are plain words, so the CLI's stores are
# checked where the backend makes them, at the alias addresses.
# The other rows must refuse the load, at boot and by hand, and register
# nothing: "rp1-ram", the node (as mainline writes it) over System RAM;
# "rp1-badreg", its SYS_RIO0 entry names another RP1 block; "rp1-hidden",
# over memory mem= hides from the kernel, behind no PCI function (the old
# rp1 row, which loaded); "rp1-fwcfg", SYS_RIO0 translated onto QEMU's
# fw_cfg device; "rp1-shift", inside the stand-in's BAR at the wrong
# offsets; "rp1-hicell", a high address cell that is neither 0xc0 nor 0;
# "virt-bcm", a BCM2835 GPIO node at fw_cfg's address, not the SoC's.
. /pigpio/lib.sh
KO=/pigpio/pigpio_regs.ko
SYSFS=/sys/class/misc/pigpio_regs
PIN=17
# The project's packages, installed at boot by the guest's dpkg (init.sh),
# brought the module and the udev rule.
check_packages
# What the kernel logged of the module before this job loaded anything:
# the boot-time load's refusal, if there was one.
boot_dmesg=$(dmesg | grep pigpio_regs)
check_python_package

attr() { cat "$SYSFS/$1" 2>/dev/null; }
hex() { printf '%#x' "$1"; }
# run_cases CMD...: a case program's PASS/FAIL lines, counted by the host.
run_cases() {
	"$@" >/tmp/rp1.out 2>&1
	sed 's/^/PGR-TEST /' /tmp/rp1.out | grep -E '^PGR-TEST (PASS|FAIL) '
}

# ram_over START END: the System RAM ranges of /proc/iomem that overlap.
ram_over() {
	grep 'System RAM' /proc/iomem | while IFS='- :' read -r s e _; do
		if [ $((0x$s)) -le $(($2)) ] && [ $((0x$e)) -ge $(($1)) ]; then
			echo "$s-$e"
		fi
	done
}

# refused WANT BOOT DESCRIPTION DMESG: the load at boot and by hand are
# refused with EINVAL or ENODEV (WANT), with the dmesg line DMESG (a grep
# pattern), and nothing is registered; then the job ends. BOOT says who
# tried at boot: "udev", from the modalias of the platform device the
# kernel made for the node (a node under a simple-bus at the root), with
# no failed unit; "admin", the administrator's modules-load.d entry for the
# stand-in (init.sh), which fails; "none", nothing (no device carries the
# node, nothing lists the module).
refused() {
	want=$1
	st=$(cat /run/pgr-modules-load.status 2>/dev/null)
	devs=$(alias_devices)
	case $2 in
	udev)
		check "boot: udev's load for the node's device ($devs) was refused with the same line, no failed unit" \
			"status $st, devices '$devs', boot dmesg: $boot_dmesg" \
			sh -c "test '$st' = 0 && test -n '$devs' && ! test -d /sys/module/pigpio_regs && echo \"\$1\" | grep -q \"\$2\"" - "$boot_dmesg" "$4"
		;;
	admin)
		check "boot: the administrator's modules-load.d entry was refused with $want" \
			"$(cat /run/pgr-modules-load.log 2>/dev/null)" \
			sh -c "test -z '$devs' && ! test -d /sys/module/pigpio_regs && grep -q 'pigpio_regs.*$(errtext "$want")' /run/pgr-modules-load.log"
		;;
	none)
		check "boot: nothing tried pigpio_regs (no device carries the node, no modules-load.d entry)" \
			"status $st, devices '$devs', entries '$(load_entries)', boot dmesg: $boot_dmesg" \
			sh -c "test '$st' = 0 && test -z '$devs' && test -z '$(load_entries)' && test -z \"\$1\" && ! test -d /sys/module/pigpio_regs" - "$boot_dmesg"
		;;
	esac
	result=$(load_module $KO "$MODULE_PARAMS")
	check "$3: $want" "got $result" test "$result" = "$want"
	check "... with one clear dmesg line" "$(dmesg | grep pigpio_regs | tail -n 2)" \
		sh -c "dmesg | tail -n 3 | grep -q \"\$1\"" - "$4"
	check "... and no device node or sysfs directory" "$(ls -d /dev/pigpio_* $SYSFS 2>&1)" \
		sh -c "! ls -d /dev/pigpio_regs /dev/pigpio_gpiomem $SYSFS >/dev/null 2>&1"
	bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
	check "dmesg: no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
	exit 0
}
errtext() {
	case $1 in
	EINVAL) echo 'Invalid argument' ;;
	ENODEV) echo 'No such device' ;;
	esac
}
# The stand-in for the RP1, on the rows that have one (boot.sh).
standin=
for dev in /sys/bus/pci/devices/*; do
	if [ "$(cat "$dev/vendor" 2>/dev/null):$(cat "$dev/device" 2>/dev/null)" = 0x1af4:0x1110 ]; then
		standin=$dev
	fi
done

# --- the rows that must refuse ---------------------------------------------
case $BOARD in
*-hidden)
	refused ENODEV udev "an RP1 node behind no PCI function (memory mem= hides)" \
		'pigpio_regs: rp1: the GPIO node is not behind a PCI function: no RP1 there, refusing it'
	;;
*-fwcfg)
	check "/rp1's ranges send SYS_RIO0 (0xc0_400e0000) to fw_cfg at 0x09020000" \
		"$(od -An -tx1 /proc/device-tree/rp1/ranges | tr -d ' \n')" \
		sh -c "od -An -tx1 /proc/device-tree/rp1/ranges | tr -d ' \n' | grep -q '000000c0400e00000000000009020000'"
	refused ENODEV udev "an RP1 node whose SYS_RIO0 translates to QEMU's fw_cfg" \
		'pigpio_regs: rp1: the GPIO node is not behind a PCI function: no RP1 there, refusing it'
	;;
*-shift)
	refused EINVAL admin "RP1 blocks inside the stand-in's BAR at the wrong offsets" \
		'pigpio_regs: rp1: block 0 at 0x0*80001d0000 is not 0000:00:01.0 BAR2 (.*) + 0xd0000, refusing it'
	;;
*-hicell)
	refused EINVAL admin "an RP1 reg whose high cell is 0x1" \
		'pigpio_regs: /pcie@10000000/pci@1,0/rp1/gpio@d0000: reg 0 is address 0x1400d0000: the high cell must be 0xc0 (rp1.dtsi) or 0 (mainline)'
	;;
virt-bcm)
	refused EINVAL none "a BCM2835 GPIO node at fw_cfg's address" \
		'pigpio_regs: /pgr-bus/gpio@9020000: \[mem 0x09020000-0x090200b3\] is not the bcm2835 GPIO block (0x20200000), refusing it'
	;;
esac

# --- rp1-ram: the same node over System RAM (no mem=) ------------------------
case $BOARD in
*-ram)
	# The node as mainline writes it: its translation gives the address
	# the refusal names.
	check "the node is mainline's pinctrl@400d0000 under pci-ep-bus@1 (high cell 0)" \
		"$(find /proc/device-tree -maxdepth 1 -type d | tr '\n' ' ')" \
		sh -c "od -An -tx1 /proc/device-tree/pci-ep-bus@1/pinctrl@400d0000/reg | tr -d ' \n' | grep -q '^00000000400d0000'"
	over=$(ram_over "$EXPECT_PHYS" $((EXPECT_PHYS + 0x2ffff)))
	check "a System RAM range covers the RP1 window (no mem=)" \
		"$(grep 'System RAM' /proc/iomem | tr '\n' ' ')" test -n "$over"
	refused EINVAL udev "the RP1 node over System RAM" \
		"pigpio_regs: phys_base 0x0*${EXPECT_PHYS#0x} is System RAM, refusing it"
	;;
*-unaligned)
	# The RP1's bus mapped 4 KiB off a 16 KiB boundary: every block is
	# 4 KiB-aligned, none is aligned to this kernel's 16 KiB pages, so a
	# page of the window would hold memory outside the block.
	kps=$(awk '/^KernelPageSize:/ { print $2; exit }' /proc/self/smaps)
	check "the kernel's pages are 16 KiB" "KernelPageSize: $kps kB" test "$kps" = 16
	refused EINVAL udev "an RP1 layout not aligned to 16 KiB pages" \
		"pigpio_regs: phys_base 0x0*${EXPECT_PHYS#0x} is not aligned to this kernel.s 16 KiB pages"
	;;
*-badreg)
	# SYS_RIO0's entry names RP1 0x400c8000 (rp1.dtsi's ADC) instead.
	refused EINVAL udev "an RP1 node whose SYS_RIO0 entry is another RP1 block" \
		'pigpio_regs: /rp1/gpio@d0000: reg 1 is RP1 address 0x400c8000, not 0x400e0000'
	;;
esac

# --- the boot-time load, then the driver's own view -------------------------
# No driver adds a platform device for a node behind the stand-in (on a
# Pi 5 the rp1 driver does, and udev loads the module from its modalias):
# the administrator's modules-load.d entry (init.sh) loaded it.
st=$(cat /run/pgr-modules-load.status 2>/dev/null)
devs=$(alias_devices)
entries=$(load_entries)
check "boot: no device carries the node; the administrator's modules-load.d entry for the stand-in loaded pigpio_regs" \
	"status $st, devices '$devs', entries '$entries': $(cat /run/pgr-modules-load.log 2>/dev/null)" \
	sh -c "test '$st' = 0 && test -z '$devs' && test '$entries' = /etc/modules-load.d/pgr-board.conf && test -d /sys/module/pigpio_regs"
# The stand-in's memory BAR, where the kernel assigned it: the node's
# ranges name that PCI address (boards.tsv), so IO_BANK0 is BAR2 + 0xd0000.
bar2=$(sed -n 3p "$standin/resource" 2>/dev/null | cut -d' ' -f1)
check "the RP1 stand-in (1af4:1110) is ${standin##*/}, its BAR2 at $(hex $((EXPECT_PHYS - 0xd0000)))" \
	"device ${standin:-none}, BAR2 ${bar2:-none}" \
	test "$((bar2 + 0xd0000))" = "$((EXPECT_PHYS))"
# Memory decoding on, as the RP1's own driver has it on a Pi 5: the
# stand-in has no driver here.
echo 1 >"$standin/enable" 2>/dev/null
check "the stand-in's memory decoding enabled" "enable=$(cat "$standin/enable" 2>&1)" \
	test "$(cat "$standin/enable" 2>/dev/null)" = 1
over=$(ram_over "$EXPECT_PHYS" $((EXPECT_PHYS + 0x2ffff)))
check "no System RAM range covers the RP1 window" \
	"$over in $(grep 'System RAM' /proc/iomem | tr '\n' ' ')" test -z "$over"
check "rmmod of the boot-loaded module" "rmmod failed" rmmod pigpio_regs
udev_settled
result=$(load_module $KO)
check "without rp1_pci= the stand-in is refused: it is not the RP1 (ENODEV)" "got $result" \
	sh -c "test '$result' = ENODEV && dmesg | tail -n 2 | grep -q 'rp1: ${standin##*/} is PCI 1af4:1110, not the RP1 (1de4:0001), refusing it'"
result=$(load_module $KO "$MODULE_PARAMS")
check "module loads from the RP1 node" "finit_module: $result" test "$result" = ok
say "rp1: the kernel's pages are $(awk '/^KernelPageSize:/ { print $2; exit }' /proc/self/smaps) KiB"
udev_settled
check "dmesg: rp1 GPIO block at $EXPECT_PHYS" "$(dmesg | grep pigpio_regs)" \
	sh -c "dmesg | grep -q 'pigpio_regs.*rp1 GPIO block at 0x0*${EXPECT_PHYS#0x} (devicetree), 54 lines'"
sys=$(hex $((EXPECT_PHYS + 0x10000)))
pads=$(hex $((EXPECT_PHYS + 0x20000)))
check "dmesg: the three blocks at their CPU addresses and window offsets" \
	"$(dmesg | grep 'rp1 window')" \
	sh -c "dmesg | grep -q 'rp1 window 0x30000 bytes: IO_BANK0 0x0*${EXPECT_PHYS#0x} at 0x0, SYS_RIO0 0x0*${sys#0x} at 0x10000, PADS_BANK0 0x0*${pads#0x} at 0x20000, 0xc000 bytes each'"
check "udev rule: node is root:gpio 0660" "$(ls -l /dev/pigpio_regs 2>&1)" \
	test "$(gpio_node_mode /dev/pigpio_regs)" = "root:gpio 660"
check "sysfs soc is rp1" "soc=$(attr soc)" test "$(attr soc)" = rp1
check "sysfs window_size is 196608 (0x30000)" "window_size=$(attr window_size)" \
	test "$(attr window_size)" = 196608
check "sysfs block_size is 49152 (0xc000)" "block_size=$(attr block_size)" \
	test "$(attr block_size)" = 49152
check "sysfs phys_base is BAR2 + 0xd0000, $EXPECT_PHYS" "phys_base=$(attr phys_base)" \
	test "$(attr phys_base)" = "$EXPECT_PHYS"
check "sysfs bus_base is the RP1's own 0x400d0000" "bus_base=$(attr bus_base)" \
	test "$(attr bus_base)" = 0x400d0000
check "sysfs ngpio is 54, source devicetree" "$(attr ngpio) $(attr source)" \
	test "$(attr ngpio) $(attr source)" = "54 devicetree"
check "debugfs lists SYS_RIO0 and PADS_BANK0 with their offsets" \
	"$(cat /sys/kernel/debug/pigpio_regs/mappings 2>&1)" \
	sh -c "grep -q 'block 1: window offset 0x10000, phys $sys' /sys/kernel/debug/pigpio_regs/mappings &&
		grep -q 'block 2: window offset 0x20000, phys $pads' /sys/kernel/debug/pigpio_regs/mappings"

# The page-table view (kernel/ptview.c): every page of the driver's three
# ioremap()s, walked from TTBR1_EL1, and root's own mapping of IO_BANK0
# (my_mapping, the lab's exercise 8): all pgprot_device(), Device-nGnRE.
pt=/sys/kernel/debug/pigpio_regs/page_tables
pt_pages=$((3 * 0xc000 / $(getconf PAGESIZE)))
check "page_tables: the driver's $pt_pages ioremap() pages, each Device-nGnRE, EL1 only, never executable" \
	"$(grep -v '^  ' $pt 2>&1 | sort | uniq -c | head -n 5; grep -E '^  (type|access|execute|walk):' $pt | sort | uniq -c)" \
	sh -c "test \"\$(grep -c '^kernel ioremap block' $pt)\" = $pt_pages &&
		test \"\$(grep -c '^  type: Device-nGnRE$' $pt)\" = $pt_pages &&
		test \"\$(grep -c '^  access: EL1 only rw' $pt)\" = $pt_pages &&
		test \"\$(grep -c '^  execute: never (UXN 1, PXN 1)$' $pt)\" = $pt_pages"
my_mapping >/tmp/ptview.out 2>&1
pt_pfn=$(printf '%#x' $((EXPECT_PHYS / $(getconf PAGESIZE))))
check "page_tables: root's own mapping of IO_BANK0: pfn $pt_pfn, Device-nGnRE, EL0+EL1" "$(tr '\n' ';' </tmp/ptview.out)" \
	sh -c "awk '/^your entry/ { i++ } i == 1' /tmp/ptview.out | grep -qx '  pfn: $pt_pfn' &&
		awk '/^your entry/ { i++ } i == 1' /tmp/ptview.out | grep -qx '  type: Device-nGnRE' &&
		awk '/^your entry/ { i++ } i == 1' /tmp/ptview.out | grep -q '^  access: EL0+EL1 '"

# --- the three blocks are the physical pages the node names -----------------
# alice stores through the mapping, root's /dev/mem sees each word at
# EXPECT_PHYS + offset; then the other way round.
out=$(as_alice rp1_map map-store 1 2>&1)
check "alice stores a pattern in the three blocks through the mapping" "$out" \
	sh -c "echo \"\$1\" | grep -q '^stored 12 words'" - "$out"
run_cases rp1_map mem-check "$EXPECT_PHYS" 1
run_cases rp1_map mem-store "$EXPECT_PHYS" 2
run_cases as_alice rp1_map map-check 2

# --- the contract on an RP1, as alice -----------------------------------------
run_cases as_alice rp1_map contract
check "rp1_map contract ran to the end" "$(tail -n 2 /tmp/rp1.out)" \
	grep -q 'gpiomem node: PROT_EXEC' /tmp/rp1.out
# read() of the node: the window up to the end of PADS_BANK0, the gaps
# as zeroes (cat used to stop at the first gap with EINVAL).
# shellcheck disable=SC2016 # alice's shell expands them
out=$(as_alice sh -c 'cat /dev/pigpio_regs >/tmp/rp1.cat; echo "exit $? $(wc -c </tmp/rp1.cat)"' 2>&1)
check "alice: cat of the node exits 0 with 0x2c000 (180224) bytes" "$out" \
	test "$out" = "exit 0 180224"
gaps=$(for off in 0xc000 0x1c000; do
	od -An -v -tx1 -j $((off)) -N 16384 /tmp/rp1.cat
done | tr -d ' 0\n')
word=$(od -An -tx4 -j $((0x10004)) -N 4 /tmp/rp1.cat | tr -d ' ')
check "... its gaps are zeroes, SYS_RIO0 +4 the word the contract stored" \
	"gaps: ${gaps:-zero}; 0x10004: $word" \
	test "${gaps:-zero}/$word" = zero/c0ffee01
out=$(as_bob rp1_map contract 2>&1 | head -n 1)
check "bob (not in gpio): open gives EACCES" "$out" \
	test "$out" = "FAIL open /dev/pigpio_regs read-write: EACCES"

# --- the library and the CLI drive a pin through the RP1 backend -------------
out=$(as_alice pigpio-regs info 2>&1)
check "alice: pigpio-regs info names the rp1" "$out" \
	sh -c "echo \"\$1\" | grep -qi 'rp1'" - "$out"
# The RP1 has no system timer: no /dev/pigpio_timer, and the library's
# -ENODEV makes the CLI say what to use instead.
out=$(as_alice pigpio-regs ticks 2>&1)
status=$?
check "rp1: no /dev/pigpio_timer; ticks exits 1 naming CLOCK_MONOTONIC" \
	"exit $status: $out; $(ls -l /dev/pigpio_timer 2>&1)" \
	sh -c "test ! -e /dev/pigpio_timer && test $status = 1 &&
		echo \"\$1\" | grep -q 'No such device' &&
		echo \"\$1\" | grep -q 'RP1.*no system timer' &&
		echo \"\$1\" | grep -q 'CLOCK_MONOTONIC'" - "$out"
# The guard reads the claims from the device tree: the RP1 node has no pin
# groups and nothing names its pins, so nothing is claimed.
out=$(as_alice pigpio-regs set $PIN output high 2>&1)
status=$?
check "alice: pigpio-regs set $PIN output high" "exit $status: $out" test $status = 0
# Where the RP1 backend stores for pin 17 (bank 0, bit 17), as window
# offsets: RIO OE SET alias, RIO OUT SET alias, the pad's SET/CLR aliases
# (input enable 0x40 on, output disable 0x80 off), CTRL's CLR alias (the
# overrides, 0xf000) and XOR alias (FUNCSEL 0 ^ 5, CTRL being 0).
peek() { rp1_map mem-peek "$EXPECT_PHYS" "$1" | awk '{ print $2 }'; }
for want in "0x12004 0x20000 SYS_RIO0 OE SET alias: bit 17 (output enable)" \
	"0x12000 0x20000 SYS_RIO0 OUT SET alias: bit 17 (high)" \
	"0x108c 0x5 IO_BANK0 GPIO17_CTRL XOR alias: FUNCSEL 0 ^ 5 (SYS_RIO)" \
	"0x308c 0xf000 IO_BANK0 GPIO17_CTRL CLR alias: OUTOVER, OEOVER from the function" \
	"0x22048 0x40 PADS_BANK0 GPIO17 SET alias: input enable" \
	"0x23048 0x80 PADS_BANK0 GPIO17 CLR alias: output disable off"; do
	# shellcheck disable=SC2086 # the words of one case
	set -- $want
	off=$1 value=$2
	shift 2
	got=$(peek "$off")
	check "CLI set $PIN output high: /dev/mem at $(hex $((EXPECT_PHYS + off))) = $value, $*" \
		"got $got" test "$got" = "$value"
done
as_alice pigpio-regs set $PIN low >/dev/null 2>&1
got=$(peek 0x13000)
check "CLI set $PIN low: /dev/mem at $(hex $((EXPECT_PHYS + 0x13000))) = 0x20000, SYS_RIO0 OUT CLR alias: bit 17" \
	"got $got" test "$got" = 0x20000

# --- the RP1's PCI function goes away under a member's files ----------------
# alice holds both nodes open and the window mapped (and a forked child
# its copy); root removes the stand-in, then rescans the bus, which gives
# the same range to a new device. Each time, every way in through the old
# files must be SIGBUS or ENODEV (rp1_revoke.c says which).
rm -f /tmp/rv.in /tmp/rv.out && mkfifo /tmp/rv.in && chmod 666 /tmp/rv.in
setpriv --reuid=alice --regid=alice --init-groups -- rp1_revoke </tmp/rv.in >/tmp/rv.out 2>&1 &
rv_pid=$!
exec 3>/tmp/rv.in
# waitfor WORD: until rp1_revoke prints WORD or ends (bounded by the board's
# own time limit; no clock here).
waitfor() {
	while ! grep -q "^$1" /tmp/rv.out && kill -0 $rv_pid 2>/dev/null; do
		sleep 0.1
	done
	grep -q "^$1" /tmp/rv.out
}
check "alice holds the window mapped, both nodes open" "$(cat /tmp/rv.out)" waitfor ready
echo 1 >"$standin/remove"
check "root removed ${standin##*/}: dmesg says every mapping is revoked" "$(dmesg | tail -n 3)" \
	sh -c "dmesg | tail -n 5 | grep -q 'pigpio_regs: ${standin##*/} removed: the RP1.s GPIO blocks are gone'"
echo removed >&3
waitfor "checked removed"
echo 1 >/sys/bus/pci/rescan
new=
for dev in /sys/bus/pci/devices/*; do
	[ "$(cat "$dev/vendor"):$(cat "$dev/device")" = 0x1af4:0x1110 ] && new=$dev
done
nbar2=$(sed -n 3p "$new/resource" 2>/dev/null | cut -d' ' -f1)
check "rescan: a new device has the same range ($bar2)" "device ${new:-none}, BAR2 ${nbar2:-none}" \
	test -n "$new" -a "$nbar2" = "$bar2"
echo 1 >"$new/enable" 2>/dev/null
# The new device's memory, through /dev/mem: the old files must not reach it.
run_cases rp1_map mem-store "$EXPECT_PHYS" 7
echo rescanned >&3
exec 3>&-
wait $rv_pid
rv_status=$?
sed 's/^/PGR-TEST /' /tmp/rv.out | grep -E '^PGR-TEST (PASS|FAIL) '
check "rp1_revoke ran to the end and passed" "exit $rv_status: $(tail -n 2 /tmp/rv.out)" \
	sh -c "test $rv_status = 0 && grep -q '^checked rescanned' /tmp/rv.out"
out=$(cat /dev/pigpio_regs 2>&1 >/dev/null)
check "pigpio_regs stays loaded, its node refusing even root's open (ENODEV)" "$out" \
	sh -c "test -d /sys/module/pigpio_regs && echo \"\$1\" | grep -q 'No such device'" - "$out"
check "rmmod once the last file is closed" "rmmod failed" rmmod pigpio_regs
udev_settled
result=$(load_module $KO "$MODULE_PARAMS")
check "a new load binds the rescanned device" "finit_module: $result" test "$result" = ok
udev_settled
run_cases as_alice rp1_map map-check 7
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "dmesg: no WARN, BUG, oops or bad pte after the removal" "$bad" test -z "$bad"

# --- phys_base= names no RP1 block; unload -----------------------------------
check "rmmod" "rmmod failed" rmmod pigpio_regs
udev_settled
result=$(load_module $KO "phys_base=$EXPECT_PHYS")
check "phys_base= of the RP1 block without a BCM SoC: ENODEV" "got $result" \
	test "$result" = ENODEV
bad=$(dmesg | grep -E 'WARNING|BUG|Oops|bad pte|Unable to handle' | head -n 3)
check "dmesg: no WARN, BUG, oops or bad pte" "$bad" test -z "$bad"
