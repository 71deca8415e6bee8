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
struct pigpio_regs_pull;
struct pigpio_regs_update;
struct vm_area_struct;

/**
 * struct pigpio_regs_location - where the GPIO block is and what it is
 * @phys_base:  CPU physical address of the block (page-aligned, not RAM)
 * @bus_base:   VideoCore bus address from the device tree (0 if overridden)
 * @block_size: bytes of registers in the block
 * @ngpio:      number of GPIO lines of the SoC
 * @soc:        SoC family name, e.g. "bcm2837"
 * @source:     "devicetree" or "parameter"
 * @has_gppud:  pulls use the GPPUD/GPPUDCLK sequence (not BCM2711)
 */
struct pigpio_regs_location {
	phys_addr_t phys_base;
	u64 bus_base;
	u32 block_size;
	u32 ngpio;
	const char *soc;
	const char *source;
	bool has_gppud;
};

/**
 * struct pigpio_regs - one GPIO block served to user space
 * @misc: the character device, /dev/pigpio_regs
 * @gpiomem: the gpiomem-compatible node, /dev/pigpio_gpiomem
 * @has_gpiomem: @gpiomem is registered
 * @loc:  where the block is and what it is
 * @regs: the driver's own (kernel virtual) mapping of the block
 * @debugfs: root-only teaching files (kernel virtual address)
 * @lock: serialises every store the driver makes to a configuration
 *        register: UPDATE, the PULL sequence and pwrite()
 */
struct pigpio_regs {
	struct miscdevice misc;
	struct miscdevice gpiomem;
	bool has_gpiomem;
	struct pigpio_regs_location loc;
	void __iomem *regs;
	struct dentry *debugfs;
	struct mutex lock;	/* configuration stores, one caller at a time */
};

int pigpio_regs_locate(struct pigpio_regs_location *loc,
		       u64 phys_base_override);

int pigpio_regs_mmap(struct file *file, struct vm_area_struct *vma);
int pigpio_regs_gpiomem_mmap(struct file *file, struct vm_area_struct *vma);

int pigpio_regs_update(struct pigpio_regs *pr,
		       struct pigpio_regs_update *update);
int pigpio_regs_pull(struct pigpio_regs *pr,
		     const struct pigpio_regs_pull *pull);

#endif /* PIGPIO_REGS_INTERNAL_H */
