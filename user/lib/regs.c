// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The register model's shared part: the SoC table's lookup, and the level,
 * bank and line calls of regs.h, which check pins, banks and masks and
 * hand the rest to the SoC's backend (soc.h, soc_*.c). Nothing here knows
 * a SoC family.
 */
#include <errno.h>
#include <string.h>

#include "soc.h"

/* Every backend: a new family is one more line (soc.h). */
static const struct pgr_soc_ops *const families[] = {
	&pgr_bcm2835_ops,
	&pgr_bcm2711_ops,
	&pgr_rp1_ops,
};

_Static_assert(offsetof(struct pgr_soc_entry, soc) == 0,
	       "pgr_soc_ops() finds the row from its first member");

const struct pgr_soc_ops *pgr_soc_family(unsigned i)
{
	return i < sizeof(families) / sizeof(families[0]) ? families[i] : NULL;
}

const struct pgr_soc *pgr_soc_lookup(const char *name)
{
	size_t f;
	unsigned i;

	for (f = 0; f < sizeof(families) / sizeof(families[0]); f++)
		for (i = 0; i < families[f]->nsocs; i++)
			if (strcmp(families[f]->socs[i].soc.name, name) == 0)
				return &families[f]->socs[i].soc;
	return NULL;
}

unsigned pgr_soc_window(const struct pgr_soc *soc)
{
	return pgr_soc_ops(soc)->window;
}

unsigned pgr_soc_block_max(const struct pgr_soc *soc)
{
	return pgr_soc_ops(soc)->block_stride;
}

int pgr_regs_write(volatile uint32_t *base, const struct pgr_soc *soc,
		   unsigned pin, int level)
{
	if (pin >= soc->ngpio || (level != 0 && level != 1))
		return -EINVAL;
	pgr_soc_ops(soc)->write(base, soc, pin, level);
	return 0;
}

int pgr_regs_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		  unsigned pin)
{
	if (pin >= soc->ngpio)
		return -EINVAL;
	return pgr_soc_ops(soc)->read(base, soc, pin);
}

int pgr_regs_toggle(volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin)
{
	int level = pgr_regs_read(base, soc, pin);

	if (level < 0)
		return level;
	return pgr_regs_write(base, soc, pin, !level);
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

uint32_t pgr_regs_line_pins(const struct pgr_soc *soc, unsigned bank)
{
	return pgr_soc_ops(soc)->line_pins(soc, bank);
}

int pgr_regs_level_regs(const struct pgr_soc *soc, unsigned bank,
			struct pgr_level_regs *out)
{
	if (pgr_regs_line_pins(soc, bank) == 0)
		return -EINVAL;
	pgr_soc_ops(soc)->level_regs(bank, out);
	return 0;
}

int pgr_regs_pin_regs(const struct pgr_soc *soc, unsigned pin,
		      struct pgr_level_regs *out, uint32_t *bit)
{
	if (pin >= soc->ngpio)
		return -EINVAL;
	pgr_soc_ops(soc)->pin_regs(pin, out, bit);
	return 0;
}

/* Is mask a set of pins of bank that exist? A missing bank has none. */
static bool bank_mask_ok(const struct pgr_soc *soc, unsigned bank,
			 uint32_t mask)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	return pins != 0 && (mask & ~pins) == 0;
}

int pgr_regs_bank_set(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask)
{
	if (!bank_mask_ok(soc, bank, mask))
		return -EINVAL;
	pgr_soc_ops(soc)->bank_store(base, bank, mask, 1);
	return 0;
}

int pgr_regs_bank_clear(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask)
{
	if (!bank_mask_ok(soc, bank, mask))
		return -EINVAL;
	pgr_soc_ops(soc)->bank_store(base, bank, mask, 0);
	return 0;
}

int pgr_regs_bank_read(const volatile uint32_t *base,
		       const struct pgr_soc *soc, unsigned bank,
		       uint32_t *out)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0)
		return -EINVAL;
	*out = pgr_soc_ops(soc)->bank_load(base, bank, pins);
	return 0;
}

int pgr_regs_bank_write(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask, uint32_t values)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(soc);

	if (!bank_mask_ok(soc, bank, mask))
		return -EINVAL;
	/* The highs first, then the lows: two stores (or a few on RP1). */
	ops->bank_store(base, bank, mask & values, 1);
	ops->bank_store(base, bank, mask & ~values, 0);
	return 0;
}

int pgr_regs_bank_events(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned bank,
			 uint32_t *out)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(soc);
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0)
		return -EINVAL;
	if (!ops->bank_events)
		return -EOPNOTSUPP;
	*out = ops->bank_events(base, bank, pins);
	return 0;
}

int pgr_regs_bank_clear_events(volatile uint32_t *base,
			       const struct pgr_soc *soc, unsigned bank,
			       uint32_t mask)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(soc);

	if (pgr_regs_bank_pins(soc, bank) == 0)
		return -EINVAL;
	if (!ops->bank_clear_events)
		return -EOPNOTSUPP;
	if (!bank_mask_ok(soc, bank, mask))
		return -EINVAL;
	ops->bank_clear_events(base, bank, mask);
	return 0;
}

int pgr_regs_get_events(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin)
{
	if (pin >= soc->ngpio)
		return -EINVAL;
	return pgr_soc_ops(soc)->get_events(base, soc, pin);
}

const char *pgr_regs_alt_name(const struct pgr_soc *soc, unsigned pin,
			      unsigned alt)
{
	if (pin >= soc->ngpio)
		return NULL;
	return pgr_soc_ops(soc)->alt_name(pin, alt);
}

uint32_t pgr_regs_apply(volatile uint32_t *base, const struct pgr_change *c)
{
	uint32_t old = pgr_reg_read(base, c->offset);

	pgr_reg_write(base, c->offset, (old & ~c->mask) | (c->value & c->mask));
	return old;
}
