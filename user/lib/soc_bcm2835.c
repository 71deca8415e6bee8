// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The BCM2835/6/7 backend (BCM2835 ARM Peripherals, "GPIO"): one 4 KiB
 * block; function select in GPFSEL (3 bits a pin, 10 pins a word), levels
 * through GPSET/GPCLR/GPLEV (32 pins a word), event detect enables
 * GPREN..GPAFEN and status GPEDS, and pulls by the write-only GPPUD
 * sequence. Everything but the pulls and the ALT names is the BCM2711's
 * too (soc_bcm2711.c). See soc.h for the table of operations.
 */
#include <errno.h>

#include "soc.h"

/* GPREN0, GPFEN0, GPHEN0, GPLEN0, GPAREN0, GPAFEN0: 12 bytes apart. */
#define EVENT_KINDS 6
#define EVENT_STRIDE 12

static const struct pgr_soc_entry socs[] = {
	{ { .name = "bcm2835", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	    .block_min = PGR_REG_END_GPPUD }, &pgr_bcm2835_ops },
	{ { .name = "bcm2836", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	    .block_min = PGR_REG_END_GPPUD }, &pgr_bcm2835_ops },
	{ { .name = "bcm2837", .ngpio = 54, .pull_model = PGR_PULL_GPPUD,
	    .block_min = PGR_REG_END_GPPUD }, &pgr_bcm2835_ops },
};

bool pgr_bcm2835_layout(const struct pgr_soc *soc)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(soc);

	return ops == &pgr_bcm2835_ops || ops == &pgr_bcm2711_ops;
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

/* --- The pure model of regs.h (BCM layout only, -EINVAL otherwise) ----- */

int pgr_regs_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			  unsigned pin, unsigned code)
{
	unsigned offset, shift;
	uint32_t word;

	if (!pgr_bcm2835_layout(soc) || pin >= soc->ngpio ||
	    code > PGR_FSEL_MASK)
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
	if (!pgr_bcm2835_layout(soc) || pin >= soc->ngpio)
		return -EINVAL;

	*code = (pgr_reg_read(base, fsel_offset(pin)) >> fsel_shift(pin)) &
		PGR_FSEL_MASK;
	return 0;
}

int pgr_regs_fsel_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out)
{
	unsigned shift;

	if (!pgr_bcm2835_layout(soc) || pin >= soc->ngpio ||
	    code > PGR_FSEL_MASK)
		return -EINVAL;

	shift = fsel_shift(pin);
	out->offset = fsel_offset(pin);
	out->mask = PGR_FSEL_MASK << shift;
	out->value = (uint32_t)code << shift;
	return 0;
}

int pgr_regs_event_change(const struct pgr_soc *soc, unsigned pin,
			  unsigned kind, int enable, struct pgr_change *out)
{
	if (!pgr_bcm2835_layout(soc) || pin >= soc->ngpio ||
	    kind >= EVENT_KINDS)
		return -EINVAL;

	out->offset = bank_offset(PGR_REG_GPREN0 + EVENT_STRIDE * kind, pin);
	out->mask = bank_bit(pin);
	out->value = enable ? bank_bit(pin) : 0;
	return 0;
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

/* --- Operations (soc.h): shared with soc_bcm2711.c ---------------------- */

int pgr_bcm2835_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin)
{
	(void)soc;
	return (pgr_reg_read(base, bank_offset(PGR_REG_GPLEV0, pin)) &
		bank_bit(pin)) != 0;
}

void pgr_bcm2835_write(volatile uint32_t *base, const struct pgr_soc *soc,
		       unsigned pin, int level)
{
	(void)soc;
	/* GPSET/GPCLR ignore 0 bits: a plain store, never read-modify-write. */
	pgr_reg_write(base,
		      bank_offset(level ? PGR_REG_GPSET0 : PGR_REG_GPCLR0, pin),
		      bank_bit(pin));
}

void pgr_bcm2835_bank_store(volatile uint32_t *base, unsigned bank,
			    uint32_t mask, int set)
{
	pgr_reg_write(base, (set ? PGR_REG_GPSET0 : PGR_REG_GPCLR0) + 4 * bank,
		      mask);
}

uint32_t pgr_bcm2835_bank_load(const volatile uint32_t *base, unsigned bank,
			       uint32_t pins)
{
	return pgr_reg_read(base, PGR_REG_GPLEV0 + 4 * bank) & pins;
}

uint32_t pgr_bcm2835_bank_events(const volatile uint32_t *base, unsigned bank,
				 uint32_t pins)
{
	return pgr_reg_read(base, PGR_REG_GPEDS0 + 4 * bank) & pins;
}

void pgr_bcm2835_bank_clear_events(volatile uint32_t *base, unsigned bank,
				   uint32_t mask)
{
	/* GPEDS is write-1-to-clear: a plain store clears only mask. */
	pgr_reg_write(base, PGR_REG_GPEDS0 + 4 * bank, mask);
}

void pgr_bcm2835_level_regs(unsigned bank, struct pgr_level_regs *out)
{
	out->set = PGR_REG_GPSET0 + 4 * bank;
	out->clear = PGR_REG_GPCLR0 + 4 * bank;
	out->level = PGR_REG_GPLEV0 + 4 * bank;
}

void pgr_bcm2835_pin_regs(unsigned pin, struct pgr_level_regs *out,
			  uint32_t *bit)
{
	*bit = bank_bit(pin);
	pgr_bcm2835_level_regs(pin / PGR_BANK_PINS, out);
}

/* enum pgr_function is the GPFSEL code for INPUT..ALT3. */
int pgr_bcm2835_get_function(const volatile uint32_t *base,
			     const struct pgr_soc *soc, unsigned pin,
			     enum pgr_function *out)
{
	unsigned code;
	int err = pgr_regs_get_function(base, soc, pin, &code);

	if (!err)
		*out = (enum pgr_function)code;
	return err;
}

int pgr_bcm2835_set_function(struct pgr_chip *chip, unsigned pin,
			     enum pgr_function function)
{
	struct pgr_change change;
	int err;

	/* ALT6-ALT8 and NONE have no GPFSEL code: refused here (-EINVAL). */
	err = pgr_regs_fsel_change(chip->soc, pin, (unsigned)function,
				   &change);
	return err ? err : pgr_config_apply(chip, &change);
}

int pgr_bcm2835_get_events(const volatile uint32_t *base,
			   const struct pgr_soc *soc, unsigned pin)
{
	unsigned kind;
	int mask = 0;

	(void)soc;
	for (kind = 0; kind < EVENT_KINDS; kind++)
		if (pgr_reg_read(base, bank_offset(PGR_REG_GPREN0 +
						   EVENT_STRIDE * kind, pin)) &
		    bank_bit(pin))
			mask |= 1 << kind;
	return mask;
}

int pgr_bcm2835_set_event(struct pgr_chip *chip, unsigned pin,
			  enum pgr_event event, int enable)
{
	struct pgr_change change;
	int err;

	err = pgr_regs_event_change(chip->soc, pin, (unsigned)event, enable,
				    &change);
	return err ? err : pgr_config_apply(chip, &change);
}

/* --- What only the BCM2835/6/7 do: GPPUD pulls -------------------------- */

/* Pulls cannot be read back: get_pull is NULL (PGR_PULL_UNKNOWN). */
static int set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull)
{
	static const unsigned gppud[] = {
		[PGR_PULL_NONE] = PGR_GPPUD_OFF,
		[PGR_PULL_DOWN] = PGR_GPPUD_DOWN,
		[PGR_PULL_UP] = PGR_GPPUD_UP,
	};

	return pgr_config_gppud(chip, pin / PGR_BANK_PINS,
				bank_bit(pin), gppud[pull]);
}

const struct pgr_soc_ops pgr_bcm2835_ops = {
	.socs = socs,
	.nsocs = sizeof(socs) / sizeof(socs[0]),
	.window = PGR_BCM_WINDOW,
	.block_stride = PGR_BCM_WINDOW,
	.dt_compatible = "brcm,bcm2835-gpio",
	.gpiochip_label = "pinctrl-bcm2835",	/* its gpio_chip */
	.driver_requests = PGR_DRIVER_UPDATE | PGR_DRIVER_PULL,
	.read = pgr_bcm2835_read,
	.write = pgr_bcm2835_write,
	.bank_store = pgr_bcm2835_bank_store,
	.bank_load = pgr_bcm2835_bank_load,
	.bank_events = pgr_bcm2835_bank_events,
	.bank_clear_events = pgr_bcm2835_bank_clear_events,
	.line_pins = pgr_regs_bank_pins,	/* GPSETn drives a whole bank */
	.level_regs = pgr_bcm2835_level_regs,
	.pin_regs = pgr_bcm2835_pin_regs,
	.get_function = pgr_bcm2835_get_function,
	.set_function = pgr_bcm2835_set_function,
	.alt_name = pgr_alt_name_bcm2835,
	.get_pull = NULL,
	.set_pull = set_pull,
	.get_events = pgr_bcm2835_get_events,
	.set_event = pgr_bcm2835_set_event,
};
