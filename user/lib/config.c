// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Configuration changes: function select, pulls, event-detect enables and
 * (RP1 only) drive strength and slew rate.
 * Each goes to the driver, which makes it under its lock; when the
 * descriptor is not the driver (ENOTTY at pgr_chip_open()), the same change
 * is made here through the mapping (see pigpioregs.h, "Fallback").
 * The RP1 needs no driver: each change is stores to its registers' atomic
 * aliases, made here through the mapping (regs.c, pgr_rp1_*()).
 * Every change made here through the mapping is made under mapping_lock.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <time.h>

#include "internal.h"

/* The GPPUD settle time of the fallback: 150 cycles is < 1 us; be generous. */
#define GPPUD_SETTLE_NS 10000L

/*
 * The lock of every configuration change this library makes through a
 * mapping: a read-modify-write of a word shared by several pins, the
 * GPPUD sequence (GPPUD itself is shared by all pins), and the RP1's
 * stores of one change (its FUNCSEL is changed by one XOR of the old and
 * the new value, right only if nobody changes it in between). Threads of
 * this process never interleave them. One lock for the process, not one
 * per chip: two chips opened on one block share its registers. It holds
 * no other process back (only the driver's ioctls serialise processes),
 * and the driver path and level calls never take it.
 */
static pthread_mutex_t mapping_lock = PTHREAD_MUTEX_INITIALIZER;

static void mapping_lock_take(void)
{
	pthread_mutex_lock(&mapping_lock);
}

static void mapping_lock_drop(void)
{
	pthread_mutex_unlock(&mapping_lock);
}

/*
 * fork() waits for a change in progress in another thread, so that the
 * child's copy of the lock is never held by a thread the child does not
 * have.
 */
__attribute__((constructor)) static void mapping_lock_at_fork(void)
{
	(void)pthread_atfork(mapping_lock_take, mapping_lock_drop,
			     mapping_lock_drop);
}

int pgr_devcall_ioctl(struct pgr_chip *chip, unsigned long request, void *arg)
{
	int ret;

	do {
		ret = ioctl(chip->fd, request, arg);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : 0;
}

/* Does the device take every ioctl this chip's changes need? */
static enum pgr_config_path config_probe(struct pgr_chip *chip)
{
	/* GPSET0 is not a configuration register: the driver says EINVAL. */
	struct pigpio_regs_update update = { .offset = PGR_REG_GPSET0 };
	/* Nor is GPPUD code 3: EINVAL, before the sequence starts. */
	struct pigpio_regs_pull pull = { .pud = 3 };

	/* The RP1's atomic aliases need no driver lock: never ask it. */
	if (pgr_soc_is_rp1(chip->soc))
		return PGR_CONFIG_MAPPING;
	if (chip->devcall(chip, PIGPIO_REGS_IOC_UPDATE, &update) == -ENOTTY)
		return PGR_CONFIG_MAPPING;
	/*
	 * The driver has had UPDATE and PULL since it had either; a device
	 * that knows only the first still gets one path for every change.
	 */
	if (chip->soc->pull_model == PGR_PULL_GPPUD &&
	    chip->devcall(chip, PIGPIO_REGS_IOC_PULL, &pull) == -ENOTTY)
		return PGR_CONFIG_MAPPING;
	return PGR_CONFIG_DRIVER;
}

void pgr_config_probe(struct pgr_chip *chip)
{
	chip->config_path = config_probe(chip);
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
	 * the mapping; the path stays as it was.
	 */
	if (chip->config_path == PGR_CONFIG_DRIVER) {
		ret = chip->devcall(chip, PIGPIO_REGS_IOC_UPDATE, &update);
		if (ret != -ENOTTY)
			return ret;
	}
	mapping_lock_take();
	pgr_regs_apply(chip->base, change);
	mapping_lock_drop();
	return 0;
}

/* RP1: the public function as FUNCSEL and a direction (-1: keep). */
static int rp1_set_function(struct pgr_chip *chip, unsigned pin,
			    enum pgr_function function)
{
	unsigned funcsel;
	int direction = -1, ret;

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
	mapping_lock_take();
	ret = pgr_rp1_set_function(chip->base, chip->soc, pin, funcsel,
				   direction);
	mapping_lock_drop();
	return ret;
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
	/* As apply(): ENOTTY sends this one change through the mapping. */
	if (chip->config_path == PGR_CONFIG_DRIVER) {
		ret = chip->devcall(chip, PIGPIO_REGS_IOC_PULL, &pull);
		if (ret != -ENOTTY)
			return ret;
	}
	mapping_lock_take();
	pgr_regs_gppud_start(chip->base, code);
	settle();
	pgr_regs_gppud_clock(chip->base, pull.bank, pull.mask);
	settle();
	pgr_regs_gppud_end(chip->base, pull.bank);
	mapping_lock_drop();
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
	if (chip->soc->pull_model == PGR_PULL_RP1) {
		mapping_lock_take();
		err = pgr_rp1_set_pull(chip->base, chip->soc, pin, rp1[pull]);
		mapping_lock_drop();
		return err;
	}

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
	int ret;

	if (pin >= chip->soc->ngpio || (unsigned)drive > PGR_DRIVE_12MA)
		return -EINVAL;
	if (!pgr_soc_is_rp1(chip->soc))
		return -EOPNOTSUPP;
	/* enum pgr_drive is the DRIVE field's code. */
	mapping_lock_take();
	ret = pgr_rp1_set_drive(chip->base, chip->soc, pin, (unsigned)drive);
	mapping_lock_drop();
	return ret;
}

int pgr_pin_set_slew(struct pgr_chip *chip, unsigned pin, int fast)
{
	int ret;

	if (pin >= chip->soc->ngpio || (fast != 0 && fast != 1))
		return -EINVAL;
	if (!pgr_soc_is_rp1(chip->soc))
		return -EOPNOTSUPP;
	mapping_lock_take();
	ret = pgr_rp1_set_slew(chip->base, chip->soc, pin, fast);
	mapping_lock_drop();
	return ret;
}
