/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pigpio_regs: what locate.c finds and main.c serves.
 */
#ifndef PIGPIO_REGS_INTERNAL_H
#define PIGPIO_REGS_INTERNAL_H

#include <linux/types.h>

/**
 * struct pigpio_regs_location - where the GPIO block is and what it is
 * @phys_base:  CPU physical address of the block (page-aligned, not RAM)
 * @bus_base:   VideoCore bus address from the device tree (0 if overridden)
 * @block_size: bytes of registers in the block
 * @ngpio:      number of GPIO lines of the SoC
 * @soc:        SoC family name, e.g. "bcm2837"
 * @source:     "devicetree" or "parameter"
 */
struct pigpio_regs_location {
	phys_addr_t phys_base;
	u64 bus_base;
	u32 block_size;
	u32 ngpio;
	const char *soc;
	const char *source;
};

int pigpio_regs_locate(struct pigpio_regs_location *loc,
		       unsigned long phys_base_override);

#endif /* PIGPIO_REGS_INTERNAL_H */
