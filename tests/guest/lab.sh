# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: the lab (docs/lab/README.md), each exercise as a student
# types it, with its reference solution (user/examples/, user/examples/lab/)
# and the guest half of `scripts/lab.sh run` (/pigpio/lab-run.sh). Starts
# and ends with the module loaded from /pigpio/pigpio_regs.ko.
KO=${KO:-/pigpio/pigpio_regs.ko}
lab_out=/tmp/lab.out
lab_t0=$(cut -d' ' -f1 /proc/uptime)

# lab_has TEXT: the last exercise's output has a line TEXT (fixed string).
lab_has() { grep -qxF "$1" $lab_out; }
lab_why() { tr '\n' ';' <$lab_out; }
# lab_cap NAME [PROMPT]: PROMPT (the command as typed) and the output into
# the console log only, for docs/lab (scripts/docs.sh checks them).
lab_cap() {
	[ -z "${2:-}" ] || echo "PGR-CAP lab-$1|$2"
	sed "s/^/PGR-CAP lab-$1|/" $lab_out
}

# --- exercise 1: build, insmod, give group gpio the node, run, rmmod, as
# docs/lab/README.md writes them, in exercise 1's build tree (boot.sh puts
# the module, the CLI and the examples where `make` leaves them). The
# board is root already, so "sudo" is left out.
rmmod pigpio_regs
udev_settled
(
	cd /pigpio/tree || exit 1
	insmod kernel/pigpio_regs.ko && udevadm settle --timeout=60 &&
		chgrp gpio /dev/pigpio_regs && chmod 0660 /dev/pigpio_regs
) >$lab_out 2>&1
check "lab 1: insmod kernel/pigpio_regs.ko, then chgrp gpio and chmod 0660 the node" \
	"$(lab_why) $(ls -l /dev/pigpio_regs 2>&1)" \
	test "$(stat -c '%U:%G %a' /dev/pigpio_regs 2>&1)" = "root:gpio 660"
(cd /pigpio/tree && as_alice ./build/host/user/pigpio-regs info) >$lab_out 2>&1
check "lab 1: alice runs ./build/host/user/pigpio-regs info from the build tree" "$(lab_why)" \
	lab_has "soc: $EXPECT_SOC"
(cd /pigpio/tree && as_alice ./build/host/user/pigpio-regs set 17 op dh) >$lab_out 2>&1
check "lab 1: ... and set 17 op dh: pinctrl sees gpio_out hi" "$(lab_why) $(pin_line 17)" \
	test "$(pin_function 17)/$(pin_level 17)" = gpio_out/hi
(cd /pigpio/tree && as_alice ./build/host/user/pigpio-regs set 17 dl ip) >/dev/null 2>&1
check "lab 1: rmmod pigpio_regs, and the node is gone" "$(ls -l /dev/pigpio_regs 2>&1)" \
	sh -c 'rmmod pigpio_regs && udevadm settle --timeout=60 && ! test -e /dev/pigpio_regs'
# The rest of the suite's state: its own copy, loaded as before.
result=$(load_module "$KO")
udev_settled
check "lab 1: the suite's module loads again" "load: $result" test "$result" = ok

# --- exercise 2: GPFSEL0 at the block's physical address, seen by alice
# through her mapping and by the driver's pread.
as_alice read_gpfsel0 >$lab_out 2>&1
mapped=$(sed -n 's/^GPFSEL0 = \(0x[0-9a-f]*\) .*/\1/p' $lab_out)
syscall=$(as_alice pigpio-regs peek --syscall 0x00 | sed 's/.*: //')
check "lab 2: read_gpfsel0 as alice: GPFSEL0 $mapped, as the driver's pread ($syscall)" "$(lab_why)" \
	test -n "$mapped" -a "$((${mapped:-0}))" = "$((${syscall:-1}))"

# --- exercise 3: blink_mmap, through the guest half of `scripts/lab.sh run`:
# it runs the program as alice, then prints pinctrl's line for pin 17.
# Staged where scripts/lab.sh stages a student's program, so the output is
# the one docs/lab/README.md shows.
as_alice pigpio-regs set 17 ip >/dev/null
mkdir -p /pigpio/lab && cp /pigpio/bin/blink_mmap /pigpio/lab/program
LAB_PINS=17 /pigpio/lab-run.sh /pigpio/lab/program 17 2 >$lab_out 2>&1
lab_cap run-blink
high=$(sed -n 's/^GPIO17 high: GPLEV0 = \(0x[0-9a-f]*\)$/\1/p' $lab_out | head -n 1)
low=$(sed -n 's/^GPIO17 low:  GPLEV0 = \(0x[0-9a-f]*\)$/\1/p' $lab_out | head -n 1)
check "lab 3 (lab-run): blink_mmap 17 2 saw GPLEV0 bit 17 high ($high), then low ($low)" "$(lab_why)" \
	test -n "$high" -a -n "$low" -a "$(((${high:-0} >> 17) & 1))/$(((${low:-0} >> 17) & 1))" = 1/0
check "lab 3 (lab-run): exit status 0, then pinctrl: pin 17 gpio_out lo" "$(lab_why)" \
	sh -c "grep -qx '(exit status 0)' $lab_out && grep -q '^  pin 17 (gpio17) .*function gpio_out in lo;' $lab_out"
as_alice pigpio-regs set 17 ip >/dev/null

# --- exercise 4: /dev/mem refused, to alice by its mode, to root by
# IO_STRICT_DEVMEM (pinctrl holds the region).
as_alice read_gpfsel0 --devmem >$lab_out 2>&1
check "lab 4: alice: open /dev/mem: Permission denied" "$(lab_why)" \
	lab_has "open /dev/mem: Permission denied"
read_gpfsel0 --devmem >$lab_out 2>&1
check "lab 4: root: mmap of /dev/mem at phys_base: Operation not permitted" "$(lab_why)" \
	lab_has "mmap /dev/mem at offset $(printf '%#x' "$(cat /sys/class/misc/pigpio_regs/phys_base)"): Operation not permitted"

# --- exercise 5: MAP_PRIVATE and PROT_EXEC refused.
as_alice map_flags >$lab_out 2>&1
lab_cap map-flags "alice\$ map_flags"
check "lab 5: map_flags: MAP_PRIVATE EINVAL, PROT_EXEC EPERM, mprotect(PROT_EXEC) EACCES, MAP_SHARED ok" \
	"$(lab_why)" sh -c "grep -qx 'MAP_PRIVATE: EINVAL' $lab_out && grep -qx 'PROT_EXEC: EPERM' $lab_out &&
		grep -qx 'MAP_SHARED read+write: ok' $lab_out && grep -qx 'mprotect(PROT_EXEC) later: EACCES' $lab_out"

# --- exercise 6: past the block: no second page on /dev/pigpio_regs, and
# SIGBUS on the gpiomem node's unbacked second page.
as_alice beyond >$lab_out 2>&1
lab_cap beyond "alice\$ beyond"
check "lab 6: beyond: two pages of pigpio_regs EINVAL, a store to gpiomem's page 1 SIGBUS" "$(lab_why)" \
	sh -c "grep -qx 'pigpio_regs two pages: EINVAL' $lab_out && grep -qx 'store to page 1: killed by SIGBUS' $lab_out &&
		grep -q '^page 0 after: GPLEV0 0x' $lab_out"

# --- exercise 7: the lost update, and the locked ioctl.
as_alice lost_update 20000 >$lab_out 2>&1
lab_status=$?
lab_cap lost-update "alice\$ lost_update 20000"
naive=$(sed -n 's/^naive: lost \([0-9]*\) of .*/\1/p' $lab_out)
check "lab 7: lost_update: locked lost 0 of 40000 (naive lost ${naive:-?})" "exit $lab_status: $(lab_why)" \
	sh -c "test $lab_status = 0 && grep -qx 'locked: lost 0 of 40000' $lab_out"
check "lab 7: lost_update left pins 20 and 21 inputs" "$(pin_line 20); $(pin_line 21)" \
	test "$(pin_function 20)/$(pin_function 21)" = gpio_in/gpio_in

# --- exercise 8: the page-table entry of your own mapping, as alice sees it.
as_alice my_mapping >$lab_out 2>&1
lab_cap my-mapping "alice\$ my_mapping"
check "lab 8: my_mapping: maps rw-s /dev/pigpio_regs, VmFlags io pf, no ex" "$(lab_why)" \
	sh -c "grep -q '^maps: [0-9a-f]*-[0-9a-f]* rw-s 00000000 .* /dev/pigpio_regs$' $lab_out &&
		grep '^smaps VmFlags:' $lab_out | grep -w io | grep -w pf | grep -vqw ex"
check "lab 8: my_mapping: pagemap gives alice no frame number (pfn 0)" "$(lab_why)" \
	sh -c "grep -q '^pagemap: .*pfn 0x0$' $lab_out"
check "lab 8: my_mapping: alice cannot read the page_tables view (root only)" "$(lab_why)" \
	lab_has "page_tables: Permission denied (root only)"

# --- exercise 8, as root: the entries themselves, from the driver's
# page_tables view (kernel/ptview.c). Expected types from the kernel's own
# definitions: pgprot_noncached() is MT_DEVICE_nGnRnE on arm64 and
# L_PTE_MT_UNCACHED (Strongly-ordered) on arm32; ioremap() is
# MT_DEVICE_nGnRE and L_PTE_MT_DEV_SHARED (arch/*/include/asm/pgtable.h,
# arch/arm/mm/mmu.c mem_types[MT_DEVICE]).
my_mapping >$lab_out 2>&1
lab_cap my-mapping-root "root# my_mapping"
lab_pfn=$(printf '%#x' $(($(cat /sys/class/misc/pigpio_regs/phys_base) / $(getconf PAGESIZE))))
# lab_entry N: the Nth entry my_mapping printed (1 before the store, 2
# after it, 3 the driver's), one "key: value" a line.
lab_entry() { awk -v n="$1" '/^(your entry|the driver)/ { i++; next } /^[^ ]/ { next } i == n { sub(/^  /, ""); print }' $lab_out; }
lab_field() { lab_entry "$1" | sed -n "s/^$2: //p"; }
if [ "$(uname -m)" = aarch64 ]; then
	lab_user_type=Device-nGnRnE lab_kern_type=Device-nGnRE
	lab_user_acc="EL0+EL1" lab_kern_acc="EL1 only rw" lab_xn="never (UXN 1, PXN 1)"
else
	lab_user_type=Strongly-ordered lab_kern_type="Device (shared)"
	lab_user_acc="user+kernel" lab_kern_acc="kernel only rw" lab_xn="never (XN 1)"
fi
check "lab 8 (root): your entry: pfn $lab_pfn, $lab_user_type, $lab_user_acc, execute $lab_xn" "$(lab_why)" \
	test "$(lab_field 1 pfn)/$(lab_field 1 type)/$(lab_field 1 access | cut -d' ' -f1)/$(lab_field 1 execute)" = \
	"$lab_pfn/$lab_user_type/$lab_user_acc/$lab_xn"
check "lab 8 (root): the driver's ioremap: pfn $lab_pfn, $lab_kern_type, $lab_kern_acc, execute $lab_xn" "$(lab_why)" \
	test "$(lab_field 3 pfn)/$(lab_field 3 type)/$(lab_field 3 access | sed 's/ (.*//')/$(lab_field 3 execute)" = \
	"$lab_pfn/$lab_kern_type/$lab_kern_acc/$lab_xn"
# The first store makes the entry writable in hardware: arm64 clears
# AP[2] (DBM), two-level arm32 clears APX in the hardware copy.
if [ "$(uname -m)" = aarch64 ]; then
	check "lab 8 (root): AP[2] set before the first store, clear after it" "$(lab_why)" \
		test "$(lab_field 1 write)/$(lab_field 2 write)" = "DBM 1: ro until first store/DBM 1: writable now"
else
	check "lab 8 (root): the hardware entry's APX set before the first store, clear after it" "$(lab_why)" \
		sh -c "echo '$(lab_field 1 hardware)' | grep -q ' AP 1[01][01] ' &&
			echo '$(lab_field 2 hardware)' | grep -q ' AP 0[01][01] '"
fi
say "lab: the exercises took $(awk -v a="$lab_t0" -v b="$(cut -d' ' -f1 /proc/uptime)" 'BEGIN { printf "%.0f", b - a }') s"
