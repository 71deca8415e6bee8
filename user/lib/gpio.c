// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The public pin, bank and peek calls: a chip's mapping and SoC handed to
 * the register model (regs.c), plus the one call that goes through the
 * driver (pgr_peek_syscall).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <unistd.h>

#include "internal.h"

int pgr_set_function(struct pgr_chip *chip, unsigned pin,
		     enum pgr_function function)
{
	return pgr_regs_set_function(chip->base, chip->soc, pin,
				     (unsigned)function);
}

int pgr_get_function(const struct pgr_chip *chip, unsigned pin,
		     enum pgr_function *out)
{
	unsigned code;
	int err;

	err = pgr_regs_get_function(chip->base, chip->soc, pin, &code);
	if (!err)
		*out = (enum pgr_function)code;
	return err;
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
	}
	return NULL;
}

int pgr_write(struct pgr_chip *chip, unsigned pin, int level)
{
	return pgr_regs_write(chip->base, chip->soc, pin, level);
}

int pgr_read(const struct pgr_chip *chip, unsigned pin)
{
	return pgr_regs_read(chip->base, chip->soc, pin);
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
	if (offset % 4 != 0 || offset >= chip->block_size)
		return -EINVAL;
	return 0;
}

int pgr_peek(const struct pgr_chip *chip, unsigned offset, uint32_t *out)
{
	int err = check_offset(chip, offset);

	if (!err)
		*out = pgr_reg_read(chip->base, offset);
	return err;
}

int pgr_peek_syscall(const struct pgr_chip *chip, unsigned offset,
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
