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
	/* Three blocks of block_size bytes, one per 64 KiB of the window. */
	{ .name = "rp1", .ngpio = 54, .pull_model = PGR_PULL_RP1,
	  .block_min = PGR_RP1_BLOCK_MIN },
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

/* --- RP1: banks, aliases, levels ----------------------------------------- */

/* The first pin of each RP1 bank, and one past the last pin of the last. */
static const unsigned rp1_first[PGR_RP1_BANKS + 1] = { 0, 28, 34, 54 };

/* Byte offset of register reg of RP1 bank in block, through alias. */
static unsigned rp1_reg(unsigned block, unsigned bank, unsigned alias,
			unsigned reg)
{
	return block + bank * PGR_RP1_BANK_STRIDE + alias + reg;
}

/* The pins of RP1 bank as bits of that bank's registers. */
static uint32_t rp1_bank_bits(unsigned bank)
{
	return (UINT32_C(1) << (rp1_first[bank + 1] - rp1_first[bank])) - 1;
}

int pgr_rp1_locate(const struct pgr_soc *soc, unsigned pin, unsigned *bank,
		   unsigned *index)
{
	unsigned b;

	if (!pgr_soc_is_rp1(soc) || pin >= soc->ngpio)
		return -EINVAL;
	for (b = 0; pin >= rp1_first[b + 1]; b++)
		;
	*bank = b;
	*index = pin - rp1_first[b];
	return 0;
}

/*
 * The part of a 32-pin bank's mask (bank, mask) that falls in RP1 bank
 * rp1_bank, as bits of that RP1 bank's registers.
 */
static uint32_t rp1_split(unsigned bank, uint32_t mask, unsigned rp1_bank)
{
	uint64_t pins = (uint64_t)mask << (PGR_BANK_PINS * bank);

	return (uint32_t)(pins >> rp1_first[rp1_bank]) &
	       rp1_bank_bits(rp1_bank);
}

/* One store of the bits per RP1 bank that mask touches, to reg + alias. */
static void rp1_bank_store(volatile uint32_t *base, unsigned bank,
			   unsigned alias, uint32_t mask)
{
	unsigned b;
	uint32_t bits;

	for (b = 0; b < PGR_RP1_BANKS; b++) {
		bits = rp1_split(bank, mask, b);
		if (bits)
			pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, b, alias,
						    PGR_RP1_RIO_OUT), bits);
	}
}

/* The synchronised inputs of a 32-pin bank's pins: a load per RP1 bank. */
static uint32_t rp1_bank_load(const volatile uint32_t *base, unsigned bank,
			      uint32_t pins)
{
	uint64_t levels = 0;
	unsigned b;

	for (b = 0; b < PGR_RP1_BANKS; b++)
		if (rp1_split(bank, pins, b))
			levels |= (uint64_t)(pgr_reg_read(base,
					rp1_reg(PGR_RP1_SYS_RIO, b, 0,
						PGR_RP1_RIO_SYNC_IN)) &
					     rp1_bank_bits(b)) << rp1_first[b];
	return (uint32_t)(levels >> (PGR_BANK_PINS * bank)) & pins;
}

int pgr_regs_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			  unsigned pin, unsigned code)
{
	unsigned offset, shift;
	uint32_t word;

	if (pgr_soc_is_rp1(soc) || pin >= soc->ngpio || code > PGR_FSEL_MASK)
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
	if (pgr_soc_is_rp1(soc) || pin >= soc->ngpio)
		return -EINVAL;

	*code = (pgr_reg_read(base, fsel_offset(pin)) >> fsel_shift(pin)) &
		PGR_FSEL_MASK;
	return 0;
}

int pgr_regs_write(volatile uint32_t *base, const struct pgr_soc *soc,
		   unsigned pin, int level)
{
	unsigned bank, index;

	if (pin >= soc->ngpio || (level != 0 && level != 1))
		return -EINVAL;

	/* The RP1's SET/CLR aliases of OUT: one store, the other pins kept. */
	if (pgr_soc_is_rp1(soc)) {
		pgr_rp1_locate(soc, pin, &bank, &index);
		pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, bank,
					    level ? PGR_RP1_ALIAS_SET :
					    PGR_RP1_ALIAS_CLR, PGR_RP1_RIO_OUT),
			      UINT32_C(1) << index);
		return 0;
	}
	/* GPSET/GPCLR ignore 0 bits: a plain store, never read-modify-write. */
	pgr_reg_write(base,
		      bank_offset(level ? PGR_REG_GPSET0 : PGR_REG_GPCLR0, pin),
		      bank_bit(pin));
	return 0;
}

int pgr_regs_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		  unsigned pin)
{
	unsigned bank, index;

	if (pin >= soc->ngpio)
		return -EINVAL;
	if (pgr_soc_is_rp1(soc)) {
		pgr_rp1_locate(soc, pin, &bank, &index);
		return (pgr_reg_read(base, rp1_reg(PGR_RP1_SYS_RIO, bank, 0,
						   PGR_RP1_RIO_SYNC_IN)) >>
			index) & 1;
	}

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

static void rp1_level_regs(unsigned rp1_bank, struct pgr_level_regs *out)
{
	out->set = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, PGR_RP1_ALIAS_SET,
			   PGR_RP1_RIO_OUT);
	out->clear = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, PGR_RP1_ALIAS_CLR,
			     PGR_RP1_RIO_OUT);
	out->level = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, 0,
			     PGR_RP1_RIO_SYNC_IN);
}

uint32_t pgr_regs_line_pins(const struct pgr_soc *soc, unsigned bank)
{
	if (pgr_soc_is_rp1(soc))
		return bank == 0 ? rp1_bank_bits(0) : 0;
	return pgr_regs_bank_pins(soc, bank);
}

int pgr_regs_level_regs(const struct pgr_soc *soc, unsigned bank,
			struct pgr_level_regs *out)
{
	if (pgr_regs_line_pins(soc, bank) == 0)
		return -EINVAL;
	if (pgr_soc_is_rp1(soc)) {
		rp1_level_regs(0, out);
		return 0;
	}
	out->set = PGR_REG_GPSET0 + 4 * bank;
	out->clear = PGR_REG_GPCLR0 + 4 * bank;
	out->level = PGR_REG_GPLEV0 + 4 * bank;
	return 0;
}

int pgr_regs_pin_regs(const struct pgr_soc *soc, unsigned pin,
		      struct pgr_level_regs *out, uint32_t *bit)
{
	unsigned bank, index;

	if (pin >= soc->ngpio)
		return -EINVAL;
	if (pgr_soc_is_rp1(soc)) {
		pgr_rp1_locate(soc, pin, &bank, &index);
		rp1_level_regs(bank, out);
		*bit = UINT32_C(1) << index;
		return 0;
	}
	*bit = bank_bit(pin);
	return pgr_regs_level_regs(soc, pin / PGR_BANK_PINS, out);
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

/* Drive the pins of mask in bank high (set) or low: BCM or RP1. */
static int bank_level(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask, int set)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (!pgr_soc_is_rp1(soc))
		return bank_store(base, soc, set ? PGR_REG_GPSET0 :
				  PGR_REG_GPCLR0, bank, mask);
	if (pins == 0 || (mask & ~pins) != 0)
		return -EINVAL;
	rp1_bank_store(base, bank, set ? PGR_RP1_ALIAS_SET : PGR_RP1_ALIAS_CLR,
		       mask);
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
	return bank_level(base, soc, bank, mask, 1);
}

int pgr_regs_bank_clear(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask)
{
	return bank_level(base, soc, bank, mask, 0);
}

int pgr_regs_bank_read(const volatile uint32_t *base,
		       const struct pgr_soc *soc, unsigned bank,
		       uint32_t *out)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (!pgr_soc_is_rp1(soc))
		return bank_load(base, soc, PGR_REG_GPLEV0, bank, out);
	if (pins == 0)
		return -EINVAL;
	*out = rp1_bank_load(base, bank, pins);
	return 0;
}

int pgr_regs_bank_write(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask, uint32_t values)
{
	uint32_t pins = pgr_regs_bank_pins(soc, bank);

	if (pins == 0 || (mask & ~pins) != 0)
		return -EINVAL;

	if (pgr_soc_is_rp1(soc)) {
		rp1_bank_store(base, bank, PGR_RP1_ALIAS_SET, mask & values);
		rp1_bank_store(base, bank, PGR_RP1_ALIAS_CLR, mask & ~values);
		return 0;
	}
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
	if (pgr_soc_is_rp1(soc))
		return pgr_regs_bank_pins(soc, bank) ? -EOPNOTSUPP : -EINVAL;
	return bank_load(base, soc, PGR_REG_GPEDS0, bank, out);
}

int pgr_regs_bank_clear_events(volatile uint32_t *base,
			       const struct pgr_soc *soc, unsigned bank,
			       uint32_t mask)
{
	if (pgr_soc_is_rp1(soc))
		return pgr_regs_bank_pins(soc, bank) ? -EOPNOTSUPP : -EINVAL;
	/* GPEDS is write-1-to-clear: a plain store clears only mask. */
	return bank_store(base, soc, PGR_REG_GPEDS0, bank, mask);
}

int pgr_regs_fsel_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out)
{
	unsigned shift;

	if (pgr_soc_is_rp1(soc) || pin >= soc->ngpio || code > PGR_FSEL_MASK)
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

/*
 * RP1: the kinds whose interrupt the pin's CTRL enables, raw or filtered,
 * in the kind order above (rising, falling, high, low; no async kinds).
 */
static int rp1_events(const volatile uint32_t *base,
		      const struct pgr_soc *soc, unsigned pin)
{
	static const uint32_t irqen[] = {
		PGR_RP1_CTRL_IRQEN_RISING, PGR_RP1_CTRL_IRQEN_FALLING,
		PGR_RP1_CTRL_IRQEN_HIGH, PGR_RP1_CTRL_IRQEN_LOW,
	};
	unsigned bank, index, kind;
	uint32_t ctrl;
	int mask = 0;

	pgr_rp1_locate(soc, pin, &bank, &index);
	ctrl = pgr_reg_read(base, rp1_reg(PGR_RP1_IO_BANK, bank, 0,
					  PGR_RP1_CTRL(index)));
	for (kind = 0; kind < sizeof(irqen) / sizeof(irqen[0]); kind++)
		if (ctrl & (irqen[kind] |
			    irqen[kind] << PGR_RP1_CTRL_IRQEN_FILTERED))
			mask |= 1 << kind;
	return mask;
}

int pgr_regs_event_change(const struct pgr_soc *soc, unsigned pin,
			  unsigned kind, int enable, struct pgr_change *out)
{
	if (pgr_soc_is_rp1(soc) || pin >= soc->ngpio || kind >= EVENT_KINDS)
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
	if (pgr_soc_is_rp1(soc))
		return rp1_events(base, soc, pin);

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

/* --- RP1: function select, pulls, drive strength and slew ----------------- */

int pgr_rp1_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			 unsigned pin, unsigned funcsel, int direction)
{
	unsigned bank, index, ctrl, pad;
	uint32_t old;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    (funcsel >= PGR_RP1_FUNCSELS && funcsel != PGR_RP1_FUNCSEL_NULL) ||
	    direction < -1 || direction > 1 ||
	    (direction >= 0 && funcsel != PGR_RP1_FUNCSEL_SYS_RIO))
		return -EINVAL;

	ctrl = rp1_reg(PGR_RP1_IO_BANK, bank, 0, PGR_RP1_CTRL(index));
	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	/* Direction first: an input stops driving before anything else. */
	if (direction >= 0)
		pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, bank,
					    direction ? PGR_RP1_ALIAS_SET :
					    PGR_RP1_ALIAS_CLR, PGR_RP1_RIO_OE),
			      UINT32_C(1) << index);
	if (funcsel == PGR_RP1_FUNCSEL_NULL) {
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, PGR_RP1_PAD_OD);
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, PGR_RP1_PAD_IE);
	} else {
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, PGR_RP1_PAD_IE);
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, PGR_RP1_PAD_OD);
		pgr_reg_write(base, ctrl + PGR_RP1_ALIAS_CLR,
			      PGR_RP1_CTRL_OUTOVER | PGR_RP1_CTRL_OEOVER);
	}
	old = pgr_reg_read(base, ctrl) & PGR_RP1_CTRL_FUNCSEL;
	if (old != funcsel)
		pgr_reg_write(base, ctrl + PGR_RP1_ALIAS_XOR, old ^ funcsel);
	/* A load cannot overtake the posted stores before it to RP1. */
	(void)pgr_reg_read(base, ctrl);
	return 0;
}

int pgr_rp1_get_function(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned pin,
			 unsigned *funcsel, int *output)
{
	unsigned bank, index;

	if (pgr_rp1_locate(soc, pin, &bank, &index))
		return -EINVAL;
	*funcsel = pgr_reg_read(base, rp1_reg(PGR_RP1_IO_BANK, bank, 0,
					      PGR_RP1_CTRL(index))) &
		   PGR_RP1_CTRL_FUNCSEL;
	*output = (pgr_reg_read(base, rp1_reg(PGR_RP1_SYS_RIO, bank, 0,
					      PGR_RP1_RIO_OE)) >> index) & 1;
	return 0;
}

int pgr_rp1_set_pull(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, uint32_t pull)
{
	const uint32_t both = PGR_RP1_PAD_PUE | PGR_RP1_PAD_PDE;
	unsigned bank, index, pad;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    (pull != 0 && pull != PGR_RP1_PAD_PUE && pull != PGR_RP1_PAD_PDE))
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	/* Clear first: never both pulls on, even for a moment. */
	pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, both & ~pull);
	if (pull)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, pull);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_set_drive(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin, unsigned code)
{
	unsigned bank, index, pad;
	uint32_t want, clear;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    code > PGR_RP1_PAD_DRIVE >> PGR_RP1_PAD_DRIVE_SHIFT)
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	want = (uint32_t)code << PGR_RP1_PAD_DRIVE_SHIFT;
	clear = PGR_RP1_PAD_DRIVE & ~want;
	/* Clear first: on the way the field is old & new, the weaker. */
	if (clear)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, clear);
	if (want)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, want);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_set_slew(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, int fast)
{
	unsigned bank, index, pad;

	if (pgr_rp1_locate(soc, pin, &bank, &index) || (fast != 0 && fast != 1))
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	pgr_reg_write(base, pad + (fast ? PGR_RP1_ALIAS_SET : PGR_RP1_ALIAS_CLR),
		      PGR_RP1_PAD_SLEWFAST);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_get_pad(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin, uint32_t *pad)
{
	unsigned bank, index;

	if (pgr_rp1_locate(soc, pin, &bank, &index))
		return -EINVAL;
	*pad = pgr_reg_read(base, rp1_reg(PGR_RP1_PADS, bank, 0,
					  PGR_RP1_PAD(index)));
	return 0;
}
