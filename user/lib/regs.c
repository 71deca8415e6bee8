// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The register model: GPIO function select, level set/clear/read and bank
 * access as loads and stores on a register block. See regs.h.
 */
#include <errno.h>
#include <string.h>

#include "regs.h"

/* The one table of per-SoC differences. */
static const struct pgr_soc pgr_socs[] = {
	{ .name = "bcm2835", .ngpio = 54, .pull_model = PGR_PULL_GPPUD },
	{ .name = "bcm2836", .ngpio = 54, .pull_model = PGR_PULL_GPPUD },
	{ .name = "bcm2837", .ngpio = 54, .pull_model = PGR_PULL_GPPUD },
	{ .name = "bcm2711", .ngpio = 58, .pull_model = PGR_PULL_BCM2711 },
};

const struct pgr_soc *pgr_soc_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(pgr_socs) / sizeof(pgr_socs[0]); i++)
		if (strcmp(pgr_socs[i].name, name) == 0)
			return &pgr_socs[i];
	return NULL;
}

static unsigned fsel_offset(unsigned pin)
{
	return PGR_REG_GPFSEL0 + 4 * (pin / PGR_FSEL_PINS_PER_WORD);
}

static unsigned fsel_shift(unsigned pin)
{
	return PGR_FSEL_BITS * (pin % PGR_FSEL_PINS_PER_WORD);
}

static unsigned bank_offset(unsigned first_register, unsigned pin)
{
	return first_register + 4 * (pin / PGR_BANK_PINS);
}

static uint32_t bank_bit(unsigned pin)
{
	return UINT32_C(1) << (pin % PGR_BANK_PINS);
}

int pgr_regs_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			  unsigned pin, unsigned code)
{
	unsigned offset, shift;
	uint32_t word;

	if (pin >= soc->ngpio || code > PGR_FSEL_MASK)
		return -EINVAL;

	offset = fsel_offset(pin);
	shift = fsel_shift(pin);
	word = pgr_reg_read(base, offset);
	word &= ~(PGR_FSEL_MASK << shift);
	word |= (uint32_t)code << shift;
	pgr_reg_write(base, offset, word);
	return 0;
}

int pgr_regs_get_function(const volatile uint32_t *base,
			  const struct pgr_soc *soc, unsigned pin,
			  unsigned *code)
{
	if (pin >= soc->ngpio)
		return -EINVAL;

	*code = (pgr_reg_read(base, fsel_offset(pin)) >> fsel_shift(pin)) &
		PGR_FSEL_MASK;
	return 0;
}

int pgr_regs_write(volatile uint32_t *base, const struct pgr_soc *soc,
		   unsigned pin, int level)
{
	if (pin >= soc->ngpio || (level != 0 && level != 1))
		return -EINVAL;

	/* GPSET/GPCLR ignore 0 bits: a plain store, never read-modify-write. */
	pgr_reg_write(base,
		      bank_offset(level ? PGR_REG_GPSET0 : PGR_REG_GPCLR0, pin),
		      bank_bit(pin));
	return 0;
}

int pgr_regs_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		  unsigned pin)
{
	if (pin >= soc->ngpio)
		return -EINVAL;

	return (pgr_reg_read(base, bank_offset(PGR_REG_GPLEV0, pin)) &
		bank_bit(pin)) != 0;
}

uint32_t pgr_regs_bank_pins(const struct pgr_soc *soc, unsigned bank)
{
	unsigned first = bank * PGR_BANK_PINS;
	unsigned count;

	if (bank >= (soc->ngpio + PGR_BANK_PINS - 1) / PGR_BANK_PINS)
		return 0;

	count = soc->ngpio - first;
	if (count >= PGR_BANK_PINS)
		return UINT32_MAX;
	return (UINT32_C(1) << count) - 1;
}

static int bank_store(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned first_register, unsigned bank, uint32_t mask)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	/* A missing bank has no pins, so any mask fails here too. */
	if (pins == 0 || (mask & ~pins) != 0)
		return -EINVAL;

	pgr_reg_write(base, first_register + 4 * bank, mask);
	return 0;
}

int pgr_regs_bank_set(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask)
{
	return bank_store(base, soc, PGR_REG_GPSET0, bank, mask);
}

int pgr_regs_bank_clear(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask)
{
	return bank_store(base, soc, PGR_REG_GPCLR0, bank, mask);
}

int pgr_regs_bank_read(const volatile uint32_t *base,
		       const struct pgr_soc *soc, unsigned bank,
		       uint32_t *out)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0)
		return -EINVAL;

	*out = pgr_reg_read(base, PGR_REG_GPLEV0 + 4 * bank) & pins;
	return 0;
}
