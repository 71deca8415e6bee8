// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The register model: GPIO function select, levels, banks, pulls and event
 * detection as loads and stores on a register block, and the configuration
 * changes as (offset, mask, value) for the driver to apply. See regs.h.
 */
#include <errno.h>
#include <string.h>

#include "regs.h"

/* The one table of per-SoC differences. */
static const struct pgr_soc pgr_socs[] = {
	{ .name = "bcm2835", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	  .block_min = PGR_REG_END_GPPUD },
	{ .name = "bcm2836", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	  .block_min = PGR_REG_END_GPPUD },
	{ .name = "bcm2837", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	  .block_min = PGR_REG_END_GPPUD },
	{ .name = "bcm2711", .ngpio = 58, .pull_model = PGR_PULL_BCM2711,
	  .block_min = PGR_REG_END_BCM2711 },
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

int pgr_regs_level_regs(const struct pgr_soc *soc, unsigned bank,
			struct pgr_level_regs *out)
{
	if (pgr_regs_bank_pins(soc, bank) == 0)
		return -EINVAL;
	out->set = PGR_REG_GPSET0 + 4 * bank;
	out->clear = PGR_REG_GPCLR0 + 4 * bank;
	out->level = PGR_REG_GPLEV0 + 4 * bank;
	return 0;
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

/* One load of a bank register, with the bits of absent pins cleared. */
static int bank_load(const volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned first_register, unsigned bank, uint32_t *out)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0)
		return -EINVAL;

	*out = pgr_reg_read(base, first_register + 4 * bank) & pins;
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
	return bank_load(base, soc, PGR_REG_GPLEV0, bank, out);
}

int pgr_regs_bank_write(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask, uint32_t values)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0 || (mask & ~pins) != 0)
		return -EINVAL;

	pgr_reg_write(base, PGR_REG_GPSET0 + 4 * bank, mask & values);
	pgr_reg_write(base, PGR_REG_GPCLR0 + 4 * bank, mask & ~values);
	return 0;
}

int pgr_regs_toggle(volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin)
{
	int level = pgr_regs_read(base, soc, pin);

	if (level < 0)
		return level;
	return pgr_regs_write(base, soc, pin, !level);
}

int pgr_regs_bank_events(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned bank,
			 uint32_t *out)
{
	return bank_load(base, soc, PGR_REG_GPEDS0, bank, out);
}

int pgr_regs_bank_clear_events(volatile uint32_t *base,
			       const struct pgr_soc *soc, unsigned bank,
			       uint32_t mask)
{
	/* GPEDS is write-1-to-clear: a plain store clears only mask. */
	return bank_store(base, soc, PGR_REG_GPEDS0, bank, mask);
}

int pgr_regs_fsel_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out)
{
	unsigned shift;

	if (pin >= soc->ngpio || code > PGR_FSEL_MASK)
		return -EINVAL;

	shift = fsel_shift(pin);
	out->offset = fsel_offset(pin);
	out->mask = PGR_FSEL_MASK << shift;
	out->value = (uint32_t)code << shift;
	return 0;
}

static unsigned pull_offset(unsigned pin)
{
	return PGR_REG_PUP_PDN0 + 4 * (pin / PGR_PULL_PINS_PER_WORD);
}

static unsigned pull_shift(unsigned pin)
{
	return 2 * (pin % PGR_PULL_PINS_PER_WORD);
}

int pgr_regs_pull_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out)
{
	if (soc->pull_model != PGR_PULL_BCM2711 || pin >= soc->ngpio ||
	    code > PGR_2711_PULL_DOWN)
		return -EINVAL;

	out->offset = pull_offset(pin);
	out->mask = UINT32_C(3) << pull_shift(pin);
	out->value = (uint32_t)code << pull_shift(pin);
	return 0;
}

int pgr_regs_get_pull(const volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin)
{
	if (soc->pull_model != PGR_PULL_BCM2711 || pin >= soc->ngpio)
		return -EINVAL;

	return (pgr_reg_read(base, pull_offset(pin)) >> pull_shift(pin)) & 3;
}

/* GPREN0, GPFEN0, GPHEN0, GPLEN0, GPAREN0, GPAFEN0: 12 bytes apart. */
#define EVENT_KINDS 6
#define EVENT_STRIDE 12

int pgr_regs_event_change(const struct pgr_soc *soc, unsigned pin,
			  unsigned kind, int enable, struct pgr_change *out)
{
	if (pin >= soc->ngpio || kind >= EVENT_KINDS)
		return -EINVAL;

	out->offset = bank_offset(PGR_REG_GPREN0 + EVENT_STRIDE * kind, pin);
	out->mask = bank_bit(pin);
	out->value = enable ? bank_bit(pin) : 0;
	return 0;
}

int pgr_regs_get_events(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin)
{
	unsigned kind;
	int mask = 0;

	if (pin >= soc->ngpio)
		return -EINVAL;

	for (kind = 0; kind < EVENT_KINDS; kind++)
		if (pgr_reg_read(base, bank_offset(PGR_REG_GPREN0 +
						   EVENT_STRIDE * kind, pin)) &
		    bank_bit(pin))
			mask |= 1 << kind;
	return mask;
}

uint32_t pgr_regs_apply(volatile uint32_t *base, const struct pgr_change *c)
{
	uint32_t old = pgr_reg_read(base, c->offset);

	pgr_reg_write(base, c->offset, (old & ~c->mask) | (c->value & c->mask));
	return old;
}

int pgr_regs_gppud_check(const struct pgr_soc *soc, unsigned bank,
			 uint32_t mask, unsigned code)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (soc->pull_model != PGR_PULL_GPPUD || pins == 0 ||
	    (mask & ~pins) != 0 || code > PGR_GPPUD_UP)
		return -EINVAL;
	return 0;
}

void pgr_regs_gppud_start(volatile uint32_t *base, unsigned code)
{
	pgr_reg_write(base, PGR_REG_GPPUD, code);
}

void pgr_regs_gppud_clock(volatile uint32_t *base, unsigned bank,
			  uint32_t mask)
{
	pgr_reg_write(base, PGR_REG_GPPUDCLK0 + 4 * bank, mask);
}

void pgr_regs_gppud_end(volatile uint32_t *base, unsigned bank)
{
	pgr_reg_write(base, PGR_REG_GPPUD, PGR_GPPUD_OFF);
	pgr_reg_write(base, PGR_REG_GPPUDCLK0 + 4 * bank, 0);
}
