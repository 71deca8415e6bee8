/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pigpio_regs: what locate.c finds and main.c serves.
 */
#ifndef PIGPIO_REGS_INTERNAL_H
#define PIGPIO_REGS_INTERNAL_H

#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct dentry;
struct file;
struct inode;
struct pigpio_regs_pull;
struct pigpio_regs_update;
struct vm_area_struct;

/* The RP1 has three register blocks; the BCM chips have one. */
#define PIGPIO_REGS_MAX_BLOCKS	3

/**
 * struct pigpio_regs_block - one register block and where the window shows it
 * @phys:   CPU physical address of the block (page-aligned, not RAM)
 * @offset: byte offset of the block in the mmap window and for pread/pwrite
 */
struct pigpio_regs_block {
	phys_addr_t phys;
	u32 offset;
};

/**
 * struct pigpio_regs_location - where the GPIO blocks are and what they are
 * @phys_base:   CPU physical address of the first block (@block[0].phys)
 * @bus_base:    the block's address on its own bus, from the device tree:
 *               VideoCore bus address (BCM), the RP1's own address of
 *               IO_BANK0 (RP1); 0 if overridden
 * @block_size:  bytes of registers in each block
 * @window_size: bytes user space may map: one page (BCM), 0x30000 (RP1)
 * @ngpio:       number of GPIO lines of the SoC
 * @nblocks:     blocks in @block: 1 (BCM) or 3 (RP1: IO_BANK0, SYS_RIO0,
 *               PADS_BANK0)
 * @block:       each block's CPU address and window offset
 * @soc:         SoC family name, e.g. "bcm2837" or "rp1"
 * @source:      "devicetree" or "parameter"
 * @has_gppud:   pulls use the GPPUD/GPPUDCLK sequence (not BCM2711, not RP1)
 * @is_rp1:      the RP1's layout: no BCM configuration registers, so the
 *               locked UPDATE and PULL do not apply
 */
struct pigpio_regs_location {
	phys_addr_t phys_base;
	u64 bus_base;
	u32 block_size;
	u32 window_size;
	u32 ngpio;
	unsigned int nblocks;
	struct pigpio_regs_block block[PIGPIO_REGS_MAX_BLOCKS];
	const char *soc;
	const char *source;
	bool has_gppud;
	bool is_rp1;
};

/**
 * struct pigpio_regs - one GPIO block served to user space
 * @misc: the character device, /dev/pigpio_regs
 * @gpiomem: the gpiomem-compatible node, /dev/pigpio_gpiomem
 * @has_gpiomem: @gpiomem is registered
 * @loc:  where the block is and what it is
 * @regs: the driver's own (kernel virtual) mapping of each block
 * @debugfs: root-only teaching files (kernel virtual address)
 * @lock: serialises every store the driver makes to a configuration
 *        register: UPDATE, the PULL sequence and pwrite()
 */
struct pigpio_regs {
	struct miscdevice misc;
	struct miscdevice gpiomem;
	bool has_gpiomem;
	struct pigpio_regs_location loc;
	void __iomem *regs[PIGPIO_REGS_MAX_BLOCKS];
	struct dentry *debugfs;
	struct mutex lock;	/* configuration stores, one caller at a time */
};

int pigpio_regs_locate(struct pigpio_regs_location *loc,
		       u64 phys_base_override);

int pigpio_regs_mmap(struct file *file, struct vm_area_struct *vma);
int pigpio_regs_gpiomem_mmap(struct file *file, struct vm_area_struct *vma);
int pigpio_regs_gpiomem_open(struct inode *inode, struct file *file);
int pigpio_regs_gpiomem_release(struct inode *inode, struct file *file);

extern const struct file_operations pigpio_regs_ptview_fops;

int pigpio_regs_update(struct pigpio_regs *pr,
		       struct pigpio_regs_update *update);
int pigpio_regs_pull(struct pigpio_regs *pr,
		     const struct pigpio_regs_pull *pull);

#endif /* PIGPIO_REGS_INTERNAL_H */
