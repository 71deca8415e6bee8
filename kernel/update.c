// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: configuration changes made by the driver, under its lock.
 *
 * A GPFSEL word holds the function of ten pins; a read-modify-write of it
 * through two user mappings at once can lose one of the updates. Processes
 * that make these changes through the driver are serialised here. (The
 * kernel's pinctrl driver has its own lock; the two do not know of each
 * other, which is why user space must leave the kernel's pins alone.)
 */
#include <linux/bits.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/pigpio_regs.h>

#include "pigpio_regs.h"

#define GPFSEL5		0x14
#define GPREN0		0x4c	/* six pairs of event-detect enables ... */
#define GPAFEN1		0x8c	/* ... 12 bytes apart, up to here */
#define GPPUD		0x94
#define GPPUDCLK0	0x98
#define PUP_PDN_CNTRL0	0xe4	/* BCM2711 pull registers ... */
#define PUP_PDN_CNTRL3	0xf0	/* ... up to here */

/* GPPUD's "150 cycles" at the slowest core clock, with margin. */
#define GPPUD_SETTLE_US	2

static bool pigpio_regs_is_config(const struct pigpio_regs *pr, u32 offset)
{
	if (offset % 4)
		return false;
	if (offset <= GPFSEL5)
		return true;
	/* Each enable pair is followed by one reserved word. */
	if (offset >= GPREN0 && offset <= GPAFEN1)
		return (offset - GPREN0) % 12 < 8;
	if (!pr->loc.has_gppud)
		return offset >= PUP_PDN_CNTRL0 && offset <= PUP_PDN_CNTRL3;
	return false;
}

/**
 * pigpio_regs_update() - read-modify-write one configuration register
 * @pr:     the device
 * @update: offset, mask and value in; the register's old value out
 *
 * Return: 0, -EOPNOTSUPP on the RP1 (every pin has its own words and
 * every register atomic aliases: nothing to lock), or -EINVAL for a
 * register outside the configuration set or a value with bits outside the
 * mask.
 */
int pigpio_regs_update(struct pigpio_regs *pr,
		       struct pigpio_regs_update *update)
{
	u32 old;

	if (pr->loc.is_rp1)
		return -EOPNOTSUPP;
	if (!pigpio_regs_is_config(pr, update->offset))
		return -EINVAL;
	if (update->value & ~update->mask)
		return -EINVAL;

	mutex_lock(&pr->lock);
	old = readl(pr->regs[0] + update->offset);
	writel((old & ~update->mask) | update->value,
	       pr->regs[0] + update->offset);
	mutex_unlock(&pr->lock);

	update->old = old;
	return 0;
}

/**
 * pigpio_regs_pull() - the BCM2835/6/7 pull sequence, whole
 * @pr:   the device
 * @pull: bank, pins and GPPUD code
 *
 * Return: 0, -EOPNOTSUPP on a SoC without GPPUD (BCM2711, RP1), or -EINVAL for a bank,
 * pin or code that does not exist.
 */
int pigpio_regs_pull(struct pigpio_regs *pr,
		     const struct pigpio_regs_pull *pull)
{
	u32 clk, pins_in_bank;

	if (!pr->loc.has_gppud)
		return -EOPNOTSUPP;
	if (pull->bank > 1 || pull->pud > 2)
		return -EINVAL;
	/* Bank 1 has only the pins above 31. */
	pins_in_bank = min_t(u32, 32, pr->loc.ngpio - 32 * pull->bank);
	if (pins_in_bank < 32 && pull->mask & ~GENMASK(pins_in_bank - 1, 0))
		return -EINVAL;

	clk = GPPUDCLK0 + 4 * pull->bank;
	/*
	 * Each store is read back before the delay: a posted write still on
	 * its way to the block would otherwise eat into the settle time.
	 */
	mutex_lock(&pr->lock);
	writel(pull->pud, pr->regs[0] + GPPUD);
	readl(pr->regs[0] + GPPUD);
	udelay(GPPUD_SETTLE_US);
	writel(pull->mask, pr->regs[0] + clk);
	readl(pr->regs[0] + clk);
	udelay(GPPUD_SETTLE_US);
	writel(0, pr->regs[0] + GPPUD);
	writel(0, pr->regs[0] + clk);
	readl(pr->regs[0] + clk);
	mutex_unlock(&pr->lock);
	return 0;
}
