// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Configuration changes: function select, pulls, event-detect enables,
 * drive strength and slew rate. The public calls check their arguments
 * and hand the change to the SoC's backend (soc.h), which describes it as
 * one (offset, mask, value) change or a GPPUD sequence for
 * pgr_config_apply() or pgr_config_gppud() below, or, for a family whose
 * registers have atomic aliases (soc_rp1.c), makes its stores itself
 * between pgr_mapping_lock() and pgr_mapping_unlock().
 * A change goes to the driver, which makes it under its lock; when the
 * descriptor is not the driver (ENOTTY at pgr_chip_open()), the same change
 * is made here through the mapping (see pigpioregs.h, "Fallback").
 * Every change made through the mapping is made under mapping_lock.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <time.h>

#include "soc.h"

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

void pgr_mapping_lock(void)
{
	pthread_mutex_lock(&mapping_lock);
}

void pgr_mapping_unlock(void)
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
	(void)pthread_atfork(pgr_mapping_lock, pgr_mapping_unlock,
			     pgr_mapping_unlock);
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

	unsigned needs = pgr_soc_ops(chip->soc)->driver_requests;

	/* Atomic aliases (the RP1's) need no driver lock: never ask it. */
	if (needs == 0)
		return PGR_CONFIG_MAPPING;
	if (chip->devcall(chip, PIGPIO_REGS_IOC_UPDATE, &update) == -ENOTTY)
		return PGR_CONFIG_MAPPING;
	/*
	 * The driver has had UPDATE and PULL since it had either; a device
	 * that knows only the first still gets one path for every change.
	 */
	if ((needs & PGR_DRIVER_PULL) &&
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
int pgr_config_apply(struct pgr_chip *chip, const struct pgr_change *change)
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
	pgr_mapping_lock();
	pgr_regs_apply(chip->base, change);
	pgr_mapping_unlock();
	return 0;
}

int pgr_pin_set_function(struct pgr_chip *chip, unsigned pin,
		     enum pgr_function function)
{
	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	return pgr_soc_ops(chip->soc)->set_function(chip, pin, function);
}

int pgr_pin_force_event(struct pgr_chip *chip, unsigned pin,
			enum pgr_event event, int enable)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if ((enable != 0 && enable != 1) || pin >= chip->soc->ngpio ||
	    (unsigned)event >= PGR_EVENT_KINDS)
		return -EINVAL;
	/* RP1: the detectors are the kernel's interrupt enables (pigpioregs.h). */
	if (!ops->set_event)
		return -EOPNOTSUPP;
	return ops->set_event(chip, pin, event, enable);
}

/*
 * No pin is safe to enable a detector on without knowing the board
 * (pigpioregs.h says why): on one the kernel does not watch, the bank's
 * interrupt is left asserted; on one it watches, the kernel takes the
 * events. So enabling is refused unless forced; disabling only ever
 * removes the hazard.
 */
int pgr_pin_set_event(struct pgr_chip *chip, unsigned pin, enum pgr_event event,
		  int enable)
{
	if (enable == 1 && pin < chip->soc->ngpio &&
	    (unsigned)event < PGR_EVENT_KINDS && pgr_soc_ops(chip->soc)->set_event)
		return -EPERM;
	return pgr_pin_force_event(chip, pin, event, enable);
}

static void settle(void)
{
	struct timespec t = { .tv_nsec = GPPUD_SETTLE_NS };

	while (nanosleep(&t, &t) < 0 && errno == EINTR)
		;
}

/* The whole GPPUD sequence (BCM2835/6/7), by the driver or here. */
int pgr_config_gppud(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		     unsigned code)
{
	struct pigpio_regs_pull pull = {
		.bank = bank,
		.mask = mask,
		.pud = code,
	};
	int ret;

	ret = pgr_regs_gppud_check(chip->soc, pull.bank, pull.mask, code);
	if (ret)
		return ret;
	/* As pgr_config_apply(): ENOTTY sends this one change through the mapping. */
	if (chip->config_path == PGR_CONFIG_DRIVER) {
		ret = chip->devcall(chip, PIGPIO_REGS_IOC_PULL, &pull);
		if (ret != -ENOTTY)
			return ret;
	}
	pgr_mapping_lock();
	pgr_regs_gppud_start(chip->base, code);
	settle();
	pgr_regs_gppud_clock(chip->base, pull.bank, pull.mask);
	settle();
	pgr_regs_gppud_end(chip->base, pull.bank);
	pgr_mapping_unlock();
	return 0;
}

int pgr_pin_set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull)
{
	if (pin >= chip->soc->ngpio ||
	    (pull != PGR_PULL_NONE && pull != PGR_PULL_DOWN &&
	     pull != PGR_PULL_UP))
		return -EINVAL;
	return pgr_soc_ops(chip->soc)->set_pull(chip, pin, pull);
}

/*
 * Drive strength and slew: the RP1's pad bits. The BCM chips keep theirs
 * per group of pins outside the mapped window: no operation, -EOPNOTSUPP.
 */
int pgr_pin_set_drive(struct pgr_chip *chip, unsigned pin,
		      enum pgr_drive drive)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if (pin >= chip->soc->ngpio || (unsigned)drive > PGR_DRIVE_12MA)
		return -EINVAL;
	if (!ops->set_drive)
		return -EOPNOTSUPP;
	return ops->set_drive(chip, pin, drive);
}

int pgr_pin_set_slew(struct pgr_chip *chip, unsigned pin, int fast)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if (pin >= chip->soc->ngpio || (fast != 0 && fast != 1))
		return -EINVAL;
	if (!ops->set_slew)
		return -EOPNOTSUPP;
	return ops->set_slew(chip, pin, fast);
}
