// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The public read, level, bank, event-status and peek calls: a chip's
 * mapping and SoC handed to the register model (regs.c), plus the one read
 * that goes through the driver (pgr_chip_peek_syscall). Configuration changes
 * are in config.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <unistd.h>

#include "soc.h"

int pgr_pin_get_function(const struct pgr_chip *chip, unsigned pin,
		     enum pgr_function *out)
{
	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	return pgr_soc_ops(chip->soc)->get_function(chip->base, chip->soc, pin,
						    out);
}

const char *pgr_function_name(enum pgr_function function)
{
	switch (function) {
	case PGR_FUNC_INPUT:	return "input";
	case PGR_FUNC_OUTPUT:	return "output";
	case PGR_FUNC_ALT0:	return "alt0";
	case PGR_FUNC_ALT1:	return "alt1";
	case PGR_FUNC_ALT2:	return "alt2";
	case PGR_FUNC_ALT3:	return "alt3";
	case PGR_FUNC_ALT4:	return "alt4";
	case PGR_FUNC_ALT5:	return "alt5";
	case PGR_FUNC_ALT6:	return "alt6";
	case PGR_FUNC_ALT7:	return "alt7";
	case PGR_FUNC_ALT8:	return "alt8";
	case PGR_FUNC_NONE:	return "none";
	}
	return NULL;
}

const char *pgr_pin_alt_name(const struct pgr_chip *chip, unsigned pin,
			 enum pgr_function function)
{
	static const int alt_of_code[] = { -1, -1, 5, 4, 0, 1, 2, 3 };

	/* ALT6-ALT8 exist only on RP1; the table says NULL elsewhere. */
	if (function == PGR_FUNC_ALT6 || function == PGR_FUNC_ALT7 ||
	    function == PGR_FUNC_ALT8)
		return pgr_regs_alt_name(chip->soc, pin,
					 6 + (unsigned)(function -
							PGR_FUNC_ALT6));
	if ((unsigned)function > PGR_FSEL_MASK || alt_of_code[function] < 0)
		return NULL;
	return pgr_regs_alt_name(chip->soc, pin,
				 (unsigned)alt_of_code[function]);
}

int pgr_pin_get_pull(const struct pgr_chip *chip, unsigned pin,
		 enum pgr_pull *out)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	if (!ops->get_pull) {
		*out = PGR_PULL_UNKNOWN;	/* e.g. GPPUD: write-only */
		return 0;
	}
	return ops->get_pull(chip->base, chip->soc, pin, out);
}

int pgr_chip_pull_readable(const struct pgr_chip *chip)
{
	return pgr_soc_ops(chip->soc)->get_pull != NULL;
}

const char *pgr_pull_name(enum pgr_pull pull)
{
	switch (pull) {
	case PGR_PULL_NONE:	return "none";
	case PGR_PULL_DOWN:	return "down";
	case PGR_PULL_UP:	return "up";
	case PGR_PULL_UNKNOWN:	return "unknown";
	}
	return NULL;
}

int pgr_pin_get_drive(const struct pgr_chip *chip, unsigned pin,
		      enum pgr_drive *out)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	if (!ops->get_drive)
		return -EOPNOTSUPP;
	return ops->get_drive(chip->base, chip->soc, pin, out);
}

int pgr_pin_get_slew(const struct pgr_chip *chip, unsigned pin)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(chip->soc);

	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	if (!ops->get_slew)
		return -EOPNOTSUPP;
	return ops->get_slew(chip->base, chip->soc, pin);
}

const char *pgr_drive_name(enum pgr_drive drive)
{
	switch (drive) {
	case PGR_DRIVE_2MA:	return "2mA";
	case PGR_DRIVE_4MA:	return "4mA";
	case PGR_DRIVE_8MA:	return "8mA";
	case PGR_DRIVE_12MA:	return "12mA";
	}
	return NULL;
}

const char *pgr_event_name(enum pgr_event event)
{
	switch (event) {
	case PGR_EVENT_RISING:		return "rising";
	case PGR_EVENT_FALLING:		return "falling";
	case PGR_EVENT_HIGH:		return "high";
	case PGR_EVENT_LOW:		return "low";
	case PGR_EVENT_ASYNC_RISING:	return "async-rising";
	case PGR_EVENT_ASYNC_FALLING:	return "async-falling";
	}
	return NULL;
}

int pgr_pin_get_events(const struct pgr_chip *chip, unsigned pin)
{
	return pgr_regs_get_events(chip->base, chip->soc, pin);
}

int pgr_pin_event_detected(const struct pgr_chip *chip, unsigned pin)
{
	uint32_t bank;
	int err;

	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	err = pgr_regs_bank_events(chip->base, chip->soc, pin / 32, &bank);
	return err ? err : (int)((bank >> (pin % 32)) & 1);
}

int pgr_pin_clear_event(struct pgr_chip *chip, unsigned pin)
{
	if (pin >= chip->soc->ngpio)
		return -EINVAL;
	return pgr_regs_bank_clear_events(chip->base, chip->soc, pin / 32,
					  UINT32_C(1) << (pin % 32));
}

int pgr_bank_read_events(const struct pgr_chip *chip, unsigned bank,
		    uint32_t *out)
{
	return pgr_regs_bank_events(chip->base, chip->soc, bank, out);
}

int pgr_bank_clear_events(struct pgr_chip *chip, unsigned bank,
			  uint32_t mask)
{
	return pgr_regs_bank_clear_events(chip->base, chip->soc, bank, mask);
}

int pgr_pin_toggle(struct pgr_chip *chip, unsigned pin)
{
	return pgr_regs_toggle(chip->base, chip->soc, pin);
}

int pgr_bank_write(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		   uint32_t values)
{
	return pgr_regs_bank_write(chip->base, chip->soc, bank, mask, values);
}

int pgr_pin_write(struct pgr_chip *chip, unsigned pin, int level)
{
	return pgr_regs_write(chip->base, chip->soc, pin, level);
}

int pgr_pin_read(const struct pgr_chip *chip, unsigned pin)
{
	return pgr_regs_read(chip->base, chip->soc, pin);
}

/* Fill a line whose pins are mask in the level registers regs. */
static void line_fill(const struct pgr_chip *chip,
		      const struct pgr_level_regs *regs, uint32_t mask,
		      struct pgr_line *line)
{
	line->set = chip->base + regs->set / 4;
	line->clear = chip->base + regs->clear / 4;
	line->level = chip->base + regs->level / 4;
	line->mask = mask;
	line->reserved = 0;
}

/* Every check is here and in pgr_line_init_bank(), none in the inline calls. */
int pgr_line_init(struct pgr_chip *chip, unsigned pin, struct pgr_line *line)
{
	struct pgr_level_regs regs;
	uint32_t bit;

	if (!chip || !line ||
	    pgr_regs_pin_regs(chip->soc, pin, &regs, &bit) < 0)
		return -EINVAL;
	line_fill(chip, &regs, bit, line);
	return 0;
}

int pgr_line_init_bank(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		       struct pgr_line *line)
{
	struct pgr_level_regs regs;

	/* Only pins whose bits are the same in the registers (see regs.h). */
	if (!chip || !line || mask == 0 ||
	    (mask & ~pgr_regs_line_pins(chip->soc, bank)) != 0 ||
	    pgr_regs_level_regs(chip->soc, bank, &regs) < 0)
		return -EINVAL;
	line_fill(chip, &regs, mask, line);
	return 0;
}

int pgr_bank_set(struct pgr_chip *chip, unsigned bank, uint32_t mask)
{
	return pgr_regs_bank_set(chip->base, chip->soc, bank, mask);
}

int pgr_bank_clear(struct pgr_chip *chip, unsigned bank, uint32_t mask)
{
	return pgr_regs_bank_clear(chip->base, chip->soc, bank, mask);
}

int pgr_bank_read(const struct pgr_chip *chip, unsigned bank, uint32_t *out)
{
	return pgr_regs_bank_read(chip->base, chip->soc, bank, out);
}

static int check_offset(const struct pgr_chip *chip, unsigned offset)
{
	if (offset % 4 != 0)
		return -EINVAL;
	/*
	 * Blocks of block_size bytes at every block_stride of the window
	 * (the RP1's three at 64 KiB steps, or one): the gaps between are
	 * no registers.
	 */
	return offset < chip->window_size &&
	       offset % pgr_soc_block_max(chip->soc) < chip->block_size ?
	       0 : -EINVAL;
}

int pgr_chip_peek(const struct pgr_chip *chip, unsigned offset, uint32_t *out)
{
	int err = check_offset(chip, offset);

	if (!err)
		*out = pgr_reg_read(chip->base, offset);
	return err;
}

int pgr_chip_peek_syscall(const struct pgr_chip *chip, unsigned offset,
		     uint32_t *out)
{
	uint32_t value;
	ssize_t len;
	int err = check_offset(chip, offset);

	if (err)
		return err;

	do {
		len = pread(chip->fd, &value, sizeof(value), offset);
	} while (len < 0 && errno == EINTR);
	if (len < 0)
		return -errno;
	if (len != sizeof(value))
		return -EIO;
	*out = value;
	return 0;
}
