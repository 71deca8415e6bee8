// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Configuration changes: function select, pulls, event-detect enables and
 * (RP1 only) drive strength and slew rate.
 * Each goes to the driver, which makes it under its lock; when the
 * descriptor is not the driver (ENOTTY), the same change is made here
 * through the mapping, without a lock (see pigpioregs.h, "Fallback").
 * The RP1 needs neither: each change is stores to its registers' atomic
 * aliases, made here through the mapping (regs.c, pgr_rp1_*()).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <sys/ioctl.h>
#include <time.h>

#include "internal.h"

/* The GPPUD settle time of the fallback: 150 cycles is < 1 us; be generous. */
#define GPPUD_SETTLE_NS 10000L

int pgr_devcall_ioctl(struct pgr_chip *chip, unsigned long request, void *arg)
{
	int ret;

	do {
		ret = ioctl(chip->fd, request, arg);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : 0;
}

void pgr_config_probe(struct pgr_chip *chip)
{
	/* GPSET0 is not a configuration register: the driver says EINVAL. */
	struct pigpio_regs_update probe = { .offset = PGR_REG_GPSET0 };

	/* The RP1's atomic aliases need no lock: never ask the driver. */
	if (pgr_soc_is_rp1(chip->soc)) {
		chip->config_path = PGR_CONFIG_MAPPING;
		return;
	}
	if (chip->devcall(chip, PIGPIO_REGS_IOC_UPDATE, &probe) == -ENOTTY)
		chip->config_path = PGR_CONFIG_MAPPING;
	else
		chip->config_path = PGR_CONFIG_DRIVER;
}

void pgr_chip_set_devcall(struct pgr_chip *chip, pgr_devcall_fn fn,
			  void *data)
{
	chip->devcall = fn;
	chip->devcall_data = data;
	pgr_config_probe(chip);
}

/* One change, through the driver if it is there. */
static int apply(struct pgr_chip *chip, const struct pgr_change *change)
{
	struct pigpio_regs_update update = {
		.offset = change->offset,
		.mask = change->mask,
		.value = change->value,
	};
	int ret;

	/*
	 * The path was decided at pgr_chip_open() and is never written again, so
	 * threads sharing the chip read it without a lock. A driver that
	 * stops knowing the request (ENOTTY) gets this one change through
	 * the mapping.
	 */
	if (chip->config_path == PGR_CONFIG_DRIVER) {
		ret = chip->devcall(chip, PIGPIO_REGS_IOC_UPDATE, &update);
		if (ret != -ENOTTY)
			return ret;
	}
	pgr_regs_apply(chip->base, change);
	return 0;
}

/* RP1: the public function as FUNCSEL and a direction (-1: keep). */
static int rp1_set_function(struct pgr_chip *chip, unsigned pin,
			    enum pgr_function function)
{
	unsigned funcsel;
	int direction = -1;

	switch (function) {
	case PGR_FUNC_INPUT:
	case PGR_FUNC_OUTPUT:
		funcsel = PGR_RP1_FUNCSEL_SYS_RIO;
		direction = function == PGR_FUNC_OUTPUT;
		break;
	case PGR_FUNC_ALT0:	funcsel = 0; break;
	case PGR_FUNC_ALT1:	funcsel = 1; break;
	case PGR_FUNC_ALT2:	funcsel = 2; break;
	case PGR_FUNC_ALT3:	funcsel = 3; break;
	case PGR_FUNC_ALT4:	funcsel = 4; break;
	case PGR_FUNC_ALT5:	funcsel = 5; break;
	case PGR_FUNC_ALT6:	funcsel = 6; break;
	case PGR_FUNC_ALT7:	funcsel = 7; break;
	case PGR_FUNC_ALT8:	funcsel = 8; break;
	case PGR_FUNC_NONE:	funcsel = PGR_RP1_FUNCSEL_NULL; break;
	default:
		return -EINVAL;
	}
	return pgr_rp1_set_function(chip->base, chip->soc, pin, funcsel,
				    direction);
}

int pgr_pin_set_function(struct pgr_chip *chip, unsigned pin,
		     enum pgr_function function)
{
	struct pgr_change change;
	int err;

	if (pgr_soc_is_rp1(chip->soc))
		return rp1_set_function(chip, pin, function);
	/* ALT6-ALT8 and NONE have no GPFSEL code: refused here (-EINVAL). */
	err = pgr_regs_fsel_change(chip->soc, pin, (unsigned)function,
				   &change);
	return err ? err : apply(chip, &change);
}

int pgr_pin_set_event(struct pgr_chip *chip, unsigned pin, enum pgr_event event,
		  int enable)
{
	struct pgr_change change;
	int err;

	if (enable != 0 && enable != 1)
		return -EINVAL;
	/* RP1: the detectors are the kernel's interrupt enables (pigpioregs.h). */
	if (pgr_soc_is_rp1(chip->soc))
		return pin >= chip->soc->ngpio ||
		       (unsigned)event >= PGR_EVENT_KINDS ? -EINVAL : -EOPNOTSUPP;
	err = pgr_regs_event_change(chip->soc, pin, (unsigned)event, enable,
				    &change);
	return err ? err : apply(chip, &change);
}

static void settle(void)
{
	struct timespec t = { .tv_nsec = GPPUD_SETTLE_NS };

	while (nanosleep(&t, &t) < 0 && errno == EINTR)
		;
}

/* BCM2835/6/7: the whole GPPUD sequence, by the driver or here. */
static int gppud_pull(struct pgr_chip *chip, unsigned pin, unsigned code)
{
	struct pigpio_regs_pull pull = {
		.bank = pin / 32,
		.mask = UINT32_C(1) << (pin % 32),
		.pud = code,
	};
	int ret;

	ret = pgr_regs_gppud_check(chip->soc, pull.bank, pull.mask, code);
	if (ret)
		return ret;
	if (chip->config_path == PGR_CONFIG_DRIVER) {
		ret = chip->devcall(chip, PIGPIO_REGS_IOC_PULL, &pull);
		if (ret != -ENOTTY)
			return ret;
		chip->config_path = PGR_CONFIG_MAPPING;
	}
	pgr_regs_gppud_start(chip->base, code);
	settle();
	pgr_regs_gppud_clock(chip->base, pull.bank, pull.mask);
	settle();
	pgr_regs_gppud_end(chip->base, pull.bank);
	return 0;
}

int pgr_pin_set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull)
{
	static const unsigned gppud[] = {
		[PGR_PULL_NONE] = PGR_GPPUD_OFF,
		[PGR_PULL_DOWN] = PGR_GPPUD_DOWN,
		[PGR_PULL_UP] = PGR_GPPUD_UP,
	};
	static const unsigned bcm2711[] = {
		[PGR_PULL_NONE] = PGR_2711_PULL_NONE,
		[PGR_PULL_DOWN] = PGR_2711_PULL_DOWN,
		[PGR_PULL_UP] = PGR_2711_PULL_UP,
	};
	static const uint32_t rp1[] = {
		[PGR_PULL_NONE] = 0,
		[PGR_PULL_DOWN] = PGR_RP1_PAD_PDE,	/* bit 2 */
		[PGR_PULL_UP] = PGR_RP1_PAD_PUE,	/* bit 3 */
	};
	struct pgr_change change;
	int err;

	if (pin >= chip->soc->ngpio ||
	    (pull != PGR_PULL_NONE && pull != PGR_PULL_DOWN &&
	     pull != PGR_PULL_UP))
		return -EINVAL;
	if (chip->soc->pull_model == PGR_PULL_GPPUD)
		return gppud_pull(chip, pin, gppud[pull]);
	if (chip->soc->pull_model == PGR_PULL_RP1)
		return pgr_rp1_set_pull(chip->base, chip->soc, pin, rp1[pull]);

	err = pgr_regs_pull_change(chip->soc, pin, bcm2711[pull], &change);
	return err ? err : apply(chip, &change);
}

/*
 * Drive strength and slew: the RP1's pad bits, through its aliases. The
 * BCM chips keep theirs per group of pins outside the mapped window.
 */
int pgr_pin_set_drive(struct pgr_chip *chip, unsigned pin,
		      enum pgr_drive drive)
{
	if (pin >= chip->soc->ngpio || (unsigned)drive > PGR_DRIVE_12MA)
		return -EINVAL;
	if (!pgr_soc_is_rp1(chip->soc))
		return -EOPNOTSUPP;
	/* enum pgr_drive is the DRIVE field's code. */
	return pgr_rp1_set_drive(chip->base, chip->soc, pin, (unsigned)drive);
}

int pgr_pin_set_slew(struct pgr_chip *chip, unsigned pin, int fast)
{
	if (pin >= chip->soc->ngpio || (fast != 0 && fast != 1))
		return -EINVAL;
	if (!pgr_soc_is_rp1(chip->soc))
		return -EOPNOTSUPP;
	return pgr_rp1_set_slew(chip->base, chip->soc, pin, fast);
}
