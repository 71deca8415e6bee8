/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The register model: pure functions over a GPIO register block.
 *
 * Each function takes the block's base address and a SoC description and
 * touches nothing else: no globals, no system calls, no allocation. The
 * base may be the device's mapping or, in tests, an ordinary array.
 */
#ifndef PGR_REGS_H
#define PGR_REGS_H

#include <stddef.h>
#include <stdint.h>

/* Byte offsets in the block (BCM2835/BCM2711 ARM Peripherals, "GPIO"). */
#define PGR_REG_GPFSEL0		0x00	/* ..GPFSEL5 at 0x14, 10 pins a word */
#define PGR_REG_GPSET0		0x1c	/* GPSET1 at 0x20 */
#define PGR_REG_GPCLR0		0x28	/* GPCLR1 at 0x2c */
#define PGR_REG_GPLEV0		0x34	/* GPLEV1 at 0x38 */

/* The model touches nothing at or beyond this offset. */
#define PGR_REG_MODEL_END	(PGR_REG_GPLEV0 + 8)

#define PGR_FSEL_PINS_PER_WORD	10
#define PGR_FSEL_BITS		3
#define PGR_FSEL_MASK		0x7u
#define PGR_BANK_PINS		32

/* How a SoC family sets pulls; not used yet, recorded for when it is. */
enum pgr_pull_model {
	PGR_PULL_GPPUD,		/* GPPUD + GPPUDCLKn sequence, write-only */
	PGR_PULL_BCM2711,	/* 2 bits a pin at 0xe4-0xf0, readable */
};

/*
 * Everything that differs between SoC families lives here, and the table
 * of known families is in regs.c.
 */
struct pgr_soc {
	const char *name;	/* as in the "soc" sysfs attribute */
	unsigned ngpio;
	enum pgr_pull_model pull_model;
};

/* The family named name, or NULL if unknown. */
const struct pgr_soc *pgr_soc_lookup(const char *name);

/* Register accessors: the only places that dereference the block. */
static inline uint32_t pgr_reg_read(const volatile uint32_t *base,
				    unsigned offset)
{
	return base[offset / 4];
}

static inline void pgr_reg_write(volatile uint32_t *base, unsigned offset,
				 uint32_t value)
{
	base[offset / 4] = value;
}

/* All return 0 (or a level) or -EINVAL, and store nothing on -EINVAL. */
int pgr_regs_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			  unsigned pin, unsigned code);
int pgr_regs_get_function(const volatile uint32_t *base,
			  const struct pgr_soc *soc, unsigned pin,
			  unsigned *code);
int pgr_regs_write(volatile uint32_t *base, const struct pgr_soc *soc,
		   unsigned pin, int level);
int pgr_regs_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		  unsigned pin);

/* The mask of the pins that exist in bank, 0 if the bank does not exist. */
uint32_t pgr_regs_bank_pins(const struct pgr_soc *soc, unsigned bank);

int pgr_regs_bank_set(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask);
int pgr_regs_bank_clear(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask);
int pgr_regs_bank_read(const volatile uint32_t *base,
		       const struct pgr_soc *soc, unsigned bank,
		       uint32_t *out);

#endif /* PGR_REGS_H */
