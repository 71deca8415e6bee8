// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The BCM2711 (Pi 4) backend: the BCM2835's block (soc_bcm2835.c) with 58
 * pins and, instead of the GPPUD sequence, readable pulls: 2 bits a pin,
 * 16 pins a word, in GPIO_PUP_PDN_CNTRL_REG0-3 at 0xe4-0xf0, whose codes
 * are not GPPUD's (01 up, 10 down; GPPUD has 01 down, 10 up). Everything
 * else is the BCM2835's operations.
 */
#include <errno.h>

#include "soc.h"

static const struct pgr_soc_entry socs[] = {
	{ { .name = "bcm2711", .ngpio = 58, .pull_model = PGR_PULL_BCM2711,
	    .block_min = PGR_REG_END_BCM2711 }, &pgr_bcm2711_ops },
};

static unsigned pull_offset(unsigned pin)
{
	return PGR_REG_PUP_PDN0 + 4 * (pin / PGR_PULL_PINS_PER_WORD);
}

static unsigned pull_shift(unsigned pin)
{
	return 2 * (pin % PGR_PULL_PINS_PER_WORD);
}

/* --- The pure model of regs.h (BCM2711 only, -EINVAL otherwise) -------- */

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

/* --- Operations (soc.h) ------------------------------------------------- */

static int get_pull(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin, enum pgr_pull *out)
{
	int code = pgr_regs_get_pull(base, soc, pin);

	if (code < 0)
		return code;
	*out = code == PGR_2711_PULL_NONE ? PGR_PULL_NONE :
	       code == PGR_2711_PULL_UP ? PGR_PULL_UP :
	       code == PGR_2711_PULL_DOWN ? PGR_PULL_DOWN : PGR_PULL_UNKNOWN;
	return 0;
}

/* One read-modify-write of the pin's PUP_PDN word: the driver's UPDATE. */
static int set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull)
{
	static const unsigned code[] = {
		[PGR_PULL_NONE] = PGR_2711_PULL_NONE,
		[PGR_PULL_DOWN] = PGR_2711_PULL_DOWN,
		[PGR_PULL_UP] = PGR_2711_PULL_UP,
	};
	struct pgr_change change;
	int err;

	err = pgr_regs_pull_change(chip->soc, pin, code[pull], &change);
	return err ? err : pgr_config_apply(chip, &change);
}

const struct pgr_soc_ops pgr_bcm2711_ops = {
	.socs = socs,
	.nsocs = sizeof(socs) / sizeof(socs[0]),
	.window = PGR_BCM_WINDOW,
	.block_stride = PGR_BCM_WINDOW,
	.dt_compatible = "brcm,bcm2711-gpio",
	.gpiochip_label = "pinctrl-bcm2711",	/* its gpio_chip */
	.driver_requests = PGR_DRIVER_UPDATE,
	.read = pgr_bcm2835_read,
	.write = pgr_bcm2835_write,
	.bank_store = pgr_bcm2835_bank_store,
	.bank_load = pgr_bcm2835_bank_load,
	.bank_events = pgr_bcm2835_bank_events,
	.bank_clear_events = pgr_bcm2835_bank_clear_events,
	.line_pins = pgr_regs_bank_pins,
	.level_regs = pgr_bcm2835_level_regs,
	.pin_regs = pgr_bcm2835_pin_regs,
	.get_function = pgr_bcm2835_get_function,
	.set_function = pgr_bcm2835_set_function,
	.alt_name = pgr_alt_name_bcm2711,
	.get_pull = get_pull,
	.set_pull = set_pull,
	.get_events = pgr_bcm2835_get_events,
	.set_event = pgr_bcm2835_set_event,
};
