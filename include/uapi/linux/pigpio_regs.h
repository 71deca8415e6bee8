/* SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
/*
 * pigpio_regs: the user-space contract of /dev/pigpio_regs.
 *
 * The device exposes the Raspberry Pi SoC's GPIO register block (BCM2835,
 * BCM2836, BCM2837, BCM2711), or the Raspberry Pi 5's RP1 GPIO blocks, to
 * user space in two ways:
 *
 *  - mmap(): one shared, uncached mapping of the page that holds the block
 *    (RP1: of the window below, its three blocks each on its own pages).
 *    On arm64 the BCM page is Device-nGnRnE, as Raspberry Pi's gpiomem
 *    maps it (Strongly-ordered on arm32), and the RP1's blocks are
 *    Device-nGnRE, as PCI resource mappings are.
 *  - pread()/pwrite(): one 32-bit register per 4 bytes, through the driver's
 *    own ioremap() mapping (one system call per access), at the same
 *    offsets as in the mapping.
 *
 * Discovery, without privileges, is through read-only sysfs attributes in
 * PIGPIO_REGS_SYSFS_DIR (see the names below).
 */
#ifndef _UAPI_LINUX_PIGPIO_REGS_H
#define _UAPI_LINUX_PIGPIO_REGS_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define PIGPIO_REGS_NAME	"pigpio_regs"
#define PIGPIO_REGS_DEVICE	"/dev/pigpio_regs"
#define PIGPIO_REGS_SYSFS_DIR	"/sys/class/misc/pigpio_regs"

/*
 * A second node for existing /dev/gpiomem clients (RPi.GPIO, gpiozero,
 * pinctrl, WiringPi): mmap() only, MAP_SHARED, no exec.
 *   offset 0 or PIGPIO_REGS_GPIOMEM_GPIO: the window, ANY length (the rest
 *     of the mapping is unbacked: a touch there is SIGBUS);
 *   offsets 0xb000, 0x100000, 0x101000, 0x20c000 (where WiringPi expects the
 *     timer, pads, clock and PWM): at most one page, a zeroed page of RAM
 *     of that mapping's own, which reaches no hardware. The page is
 *     charged to the caller's memory cgroup (ENOMEM, or the cgroup's OOM
 *     killer, at its memory.max), and one open file holds at most
 *     PIGPIO_REGS_GPIOMEM_SCRATCH_MAX of these mappings at a time: ENOMEM
 *     beyond, until one is unmapped (copies a fork makes count too);
 *   anything else: EINVAL. No read/write/ioctl.
 * On an RP1 the node stands for Raspberry Pi's /dev/gpiomem0: offset 0
 * only, the RP1 window at the start, ANY length, the gaps and the rest
 * unbacked (SIGBUS); every other offset: EINVAL.
 */
#define PIGPIO_REGS_GPIOMEM_GPIO	0x200000
#define PIGPIO_REGS_GPIOMEM_SCRATCH_MAX	16
#define PIGPIO_REGS_GPIOMEM_NAME	"pigpio_gpiomem"
#define PIGPIO_REGS_GPIOMEM_DEVICE	"/dev/pigpio_gpiomem"

/*
 * A third node, read-only, for the BCM SoCs' free-running 1 MHz system
 * timer (the device tree's "brcm,bcm2835-system-timer", bus 0x7e003000):
 *   open:  O_RDONLY only (EACCES for any open for writing, root's too).
 *   mmap:  offset 0, at most one page (PIGPIO_REGS_TIMER_WINDOW_SIZE),
 *          PROT_READ, MAP_SHARED: the timer's page, uncached as the GPIO
 *          page. PROT_WRITE is EACCES, shared (the descriptor is
 *          read-only) or private (the driver), and mprotect(PROT_WRITE)
 *          later is EACCES too; PROT_EXEC EPERM, MAP_PRIVATE EINVAL,
 *          another offset or a longer length EINVAL.
 *   pread: whole aligned 32-bit registers, CS to C3
 *          (PIGPIO_REGS_TIMER_BLOCK_SIZE bytes, then end of file); EINVAL
 *          for a position or count not a multiple of 4.
 *   pwrite: EBADF (the descriptor is never open for writing).
 *   ioctl: ENOTTY.
 * The 64-bit count is CHI:CLO, microseconds since the SoC was reset; read
 * CHI, CLO, then CHI again and retry if CHI changed (CLO wraps every
 * 71.6 minutes). The node is absent where there is no such timer the
 * driver may serve (the RP1: on a Raspberry Pi 5 use CLOCK_MONOTONIC).
 */
#define PIGPIO_REGS_TIMER_NAME		"pigpio_timer"
#define PIGPIO_REGS_TIMER_DEVICE	"/dev/pigpio_timer"
#define PIGPIO_REGS_TIMER_WINDOW_SIZE	4096
#define PIGPIO_REGS_TIMER_BLOCK_SIZE	0x1c
#define PIGPIO_REGS_TIMER_CS		0x00	/* match flags of C0-C3 */
#define PIGPIO_REGS_TIMER_CLO		0x04	/* count, low 32 bits */
#define PIGPIO_REGS_TIMER_CHI		0x08	/* count, high 32 bits */
#define PIGPIO_REGS_TIMER_C0		0x0c	/* compare 0-3, 4 bytes each */
#define PIGPIO_REGS_TIMER_HZ		1000000

/*
 * The mmap window: the one 4 KiB page that starts at the GPIO block's CPU
 * physical address. The driver refuses to load on kernels whose page is
 * larger, because such a page would also hold other peripherals.
 */
#define PIGPIO_REGS_WINDOW_SIZE	4096

/*
 * The RP1 (soc "rp1"): three blocks of PIGPIO_REGS_RP1_BLOCK_SIZE bytes in
 * one window of PIGPIO_REGS_RP1_WINDOW_SIZE bytes, laid out as Raspberry
 * Pi's /dev/gpiomem0: IO_BANK0 at 0, SYS_RIO0 at 0x10000, PADS_BANK0 at
 * 0x20000. The 0x4000 bytes after each block are not backed: a load or
 * store there is SIGBUS, pwrite there EINVAL, and pread there gives
 * zeroes, so that read() of the node gives the window as it is laid out.
 */
#define PIGPIO_REGS_RP1_WINDOW_SIZE	0x30000
#define PIGPIO_REGS_RP1_BLOCK_SIZE	0xc000
#define PIGPIO_REGS_RP1_IO_BANK		0x00000
#define PIGPIO_REGS_RP1_SYS_RIO		0x10000
#define PIGPIO_REGS_RP1_PADS		0x20000

/*
 * Read-only sysfs attributes, one value per file, newline-terminated:
 *   soc          SoC family: "bcm2835", "bcm2836", "bcm2837", "bcm2711" or
 *                "rp1"
 *   phys_base    CPU physical address of the block, "0x%llx" (RP1: of
 *                IO_BANK0, the window's offset 0)
 *   bus_base     VideoCore bus address from the device tree, "0x%llx"
 *                (RP1: the RP1's own address of IO_BANK0, 0x400d0000)
 *   block_size   bytes of registers in the block (device tree), decimal
 *                (RP1: in each of the three, 49152)
 *   window_size  bytes user space may mmap, decimal (4096; RP1: 196608)
 *   ngpio        number of GPIO lines, decimal (54, or 58 on BCM2711)
 *   source       where the base came from: "devicetree" or "parameter"
 */
#define PIGPIO_REGS_ATTR_SOC		"soc"
#define PIGPIO_REGS_ATTR_PHYS_BASE	"phys_base"
#define PIGPIO_REGS_ATTR_BUS_BASE	"bus_base"
#define PIGPIO_REGS_ATTR_BLOCK_SIZE	"block_size"
#define PIGPIO_REGS_ATTR_WINDOW_SIZE	"window_size"
#define PIGPIO_REGS_ATTR_NGPIO		"ngpio"
#define PIGPIO_REGS_ATTR_SOURCE		"source"

/*
 * Locked configuration changes.
 *
 * GPFSEL words hold the function of ten pins, pull and event-enable words
 * of 16 or 32: two processes changing different pins of one word by
 * read-modify-write through the mapping can lose each other's update. These
 * calls do the change inside the driver, under its lock. Level changes need
 * none: GPSETn/GPCLRn stores are atomic by design.
 */
/**
 * struct pigpio_regs_update - change some bits of one configuration register
 * @offset: byte offset of the register: GPFSEL0-5 (0x00-0x14), the event
 *          detect enables GPREN/GPFEN/GPHEN/GPLEN/GPAREN/GPAFEN (0x4c-0x8c),
 *          and on BCM2711 the pull registers (0xe4-0xf0)
 * @mask:   the bits to change
 * @value:  their new values (bits outside @mask must be 0)
 * @old:    out: the register's value before the change
 */
struct pigpio_regs_update {
	__u32 offset;
	__u32 mask;
	__u32 value;
	__u32 old;
};

/*
 * BCM2835/6/7 pull change: the datasheet's sequence, done whole under the
 * lock: GPPUD = @pud, wait 150 cycles, GPPUDCLKn = @mask, wait 150 cycles,
 * GPPUD = 0, GPPUDCLKn = 0.
 * @bank: 0 (pins 0-31) or 1 (pins 32-53)
 * @mask: the pins of that bank to change
 * @pud:  0 off, 1 pull-down, 2 pull-up (the GPPUD encoding)
 */
struct pigpio_regs_pull {
	__u32 bank;
	__u32 mask;
	__u32 pud;
};

/*
 * Everything the sysfs attributes say, in one call (any open mode): what a
 * library needs before mapping the window, without reading six files.
 * @phys_base, @bus_base, @block_size, @window_size, @ngpio: as the
 *          attributes of the same names
 * @flags:  PIGPIO_REGS_INFO_PARAMETER when the base came from phys_base=
 *          (the "source" attribute says "parameter"), else 0
 * @soc:    the "soc" attribute, NUL-terminated, NUL-padded
 */
struct pigpio_regs_info {
	__u64 phys_base;
	__u64 bus_base;
	__u32 block_size;
	__u32 window_size;
	__u32 ngpio;
	__u32 flags;
	char soc[16];
};

#define PIGPIO_REGS_INFO_PARAMETER	0x1	/* @flags bit */

/* 0xb9: free in Documentation/userspace-api/ioctl/ioctl-number.rst. */
#define PIGPIO_REGS_IOC_MAGIC	0xb9
#define PIGPIO_REGS_IOC_UPDATE	_IOWR(PIGPIO_REGS_IOC_MAGIC, 1, struct pigpio_regs_update)
#define PIGPIO_REGS_IOC_PULL	_IOW(PIGPIO_REGS_IOC_MAGIC, 2, struct pigpio_regs_pull)
#define PIGPIO_REGS_IOC_INFO	_IOR(PIGPIO_REGS_IOC_MAGIC, 3, struct pigpio_regs_info)

/*
 * Errors, and why.
 *
 * mmap(addr, len, prot, flags, fd, off):
 *   EINVAL  off != 0: the window is the only thing the device maps.
 *   EINVAL  len > window_size (PIGPIO_REGS_WINDOW_SIZE, or on an RP1
 *           PIGPIO_REGS_RP1_WINDOW_SIZE; after rounding to pages; the
 *           gpiomem node accepts any length, see above). A shorter RP1
 *           mapping holds the part of the window it covers.
 *   EINVAL  len == 0 (refused by mmap itself).
 *   EINVAL  MAP_PRIVATE: a copy-on-write copy of registers means nothing.
 *   EPERM   PROT_EXEC: registers are never code. VM_MAYEXEC is cleared, so
 *           a later mprotect(PROT_EXEC) fails with EACCES. A process with
 *           the READ_IMPLIES_EXEC personality (personality(2); 32-bit
 *           programs with an executable stack) has PROT_EXEC added to
 *           every PROT_READ by the kernel: its PROT_READ mappings are
 *           made without execute instead (as are its PROT_READ|PROT_EXEC
 *           ones, which look the same); PROT_EXEC without PROT_READ is
 *           still EPERM.
 *   ENOMEM  gpiomem node, scratch offset: see above.
 *   EACCES  PROT_WRITE with MAP_SHARED on a descriptor opened O_RDONLY
 *           (the VFS refuses it); mprotect(PROT_WRITE) later: EACCES.
 *   mremap() cannot grow the mapping (VM_DONTEXPAND); moving it at the
 *   same size is allowed and keeps the same page.
 * Refused by mmap() itself, before the driver is asked:
 *   EOVERFLOW an offset whose page number wraps (e.g. off = -4096).
 *   ENOMEM  a length no address space can hold (e.g. SIZE_MAX).
 *   EOPNOTSUPP MAP_SHARED_VALIDATE with an unknown flag.
 *   EINVAL  MAP_GROWSDOWN on a file mapping.
 *
 * pread()/read(fd, buf, count, pos): pos is a window offset.
 *   0       pos at or past block_size (RP1: at or past the end of
 *           PADS_BANK0, 0x2c000): end of file, as for a regular file (cat
 *           and hexdump of the node work). A count reaching past the end of
 *           the block pos is in is cut short there.
 *   RP1: pos in a gap between blocks (0xc000-0xffff, 0x1c000-0x1ffff):
 *           zeroes (there is no register there, nothing is read), cut
 *           short where the next block starts; so cat of the node gives
 *           0x2c000 bytes, the window up to the end of PADS_BANK0.
 *   EINVAL  pos negative or not a multiple of 4, count not a multiple of 4.
 * pwrite()/write(): the same, except that the registers must all exist:
 *   EINVAL  pos + count beyond block_size (including pos == block_size;
 *           RP1: beyond the end of the block pos is in, or in a gap).
 *   EFAULT  buf not a valid user buffer (also from the VFS, before the
 *           driver is asked, for a count the address space cannot hold).
 *           A buffer that turns bad after the first register gives a
 *           short count of the registers already transferred.
 *   EBADF   pwrite on a descriptor opened O_RDONLY (VFS).
 *
 * lseek(): SEEK_SET/SEEK_CUR/SEEK_END inside [0, block_size] (RP1:
 * [0, 0x2c000]); beyond: EINVAL.
 *
 * ioctl():
 *   ENOTTY  an unknown request.
 *   EBADF   UPDATE or PULL on a descriptor opened O_RDONLY (INFO works
 *           with any open mode).
 *   EFAULT  the argument is not a valid user buffer (INFO: nothing is
 *           written unless all of it can be; UPDATE also needs
 *           @old writable, and checks it before changing anything; the
 *           caller's @old is left as it was whenever UPDATE fails).
 *   EINVAL  UPDATE: offset not one of the configuration registers above
 *           (GPSET/GPCLR/GPLEV/GPEDS and the GPPUD sequence are refused),
 *           or value has bits outside mask.
 *   EINVAL  PULL: bank not 0 or 1, mask bits beyond the SoC's last pin,
 *           pud > 2.
 *   EOPNOTSUPP PULL on BCM2711, which has no GPPUD (use UPDATE on 0xe4-0xf0).
 *   EOPNOTSUPP UPDATE or PULL on an RP1: every pin has its own CTRL and pad
 *           words and every register atomic SET/CLR/XOR aliases, so changes
 *           through the mapping need no lock (INFO works as everywhere).
 *
 * open():
 *   EACCES  the caller is not allowed by the node's mode (root:gpio 0660
 *           with the project's udev rule; root-only 0600 without it).
 *
 * Lifetime: the device cannot be unbound or bound to another device (no
 * bind/unbind files; probes after load fail), and the module cannot be
 * unloaded while any descriptor or mapping is open, so an open descriptor
 * reaches the same block for as long as that block exists. A BCM block
 * always does. An RP1 sits behind PCIe, and the driver does not yet
 * follow the removal of that PCI device (root writing its sysfs "remove"
 * file, or a hot unplug): after one, descriptors and mappings still name
 * the old addresses. Loading with phys_base= is refused
 * (EINVAL) unless it names the GPIO block of the machine's own SoC, and
 * (EPERM) under kernel lockdown, which refuses hardware parameters. An RP1
 * is found only from its device-tree node (raspberrypi,rp1-gpio), whose
 * three reg entries must be the RP1 addresses 0x400d0000, 0x400e0000 and
 * 0x400f0000 (EINVAL otherwise); phys_base= never names an RP1 block.
 */

#endif /* _UAPI_LINUX_PIGPIO_REGS_H */
