/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Private to the library: the chip object's layout. */
#ifndef PGR_INTERNAL_H
#define PGR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pigpioregs.h"
#include "regs.h"

/*
 * The one place the library calls into the driver for a configuration
 * change: ioctl(2) on the chip's descriptor, as 0 or -errno. Replaceable
 * for tests only (pgr_chip_set_devcall()).
 */
typedef int (*pgr_devcall_fn)(struct pgr_chip *chip, unsigned long request,
			      void *arg);

struct pgr_chip {
	volatile uint32_t *base;	/* the mapped window, block at offset 0 */
	const struct pgr_soc *soc;
	int fd;
	size_t window_size;
	size_t block_size;
	unsigned long long phys_base;
	unsigned long long bus_base;
	enum pgr_config_path config_path;
	pgr_devcall_fn devcall;
	void *devcall_data;		/* for a test's devcall */
};

/* The real device call: ioctl(chip->fd, request, arg). */
int pgr_devcall_ioctl(struct pgr_chip *chip, unsigned long request,
		      void *arg);

/*
 * Ask the device which path configuration changes take: an UPDATE of
 * GPSET0 and, on BCM2835/6/7, a PULL with GPPUD code 3, which the driver
 * refuses with EINVAL before touching anything, and any other file with
 * ENOTTY. The driver path only if neither says ENOTTY (the RP1: never).
 * Sets chip->config_path: called by pgr_chip_open() only (and the test
 * hook below), before anyone else can see the chip; nothing writes
 * config_path after that.
 */
void pgr_config_probe(struct pgr_chip *chip);

/*
 * Read up to size bytes of the file name (relative to dirfd, or AT_FDCWD)
 * in one read(2): the length, or -errno.
 */
ssize_t pgr_read_file_at(int dirfd, const char *name, char *buf, size_t size);

/*
 * Test hook: replace the device call (and probe again through it), right
 * after pgr_chip_open() and before any other thread has the chip.
 */
void pgr_chip_set_devcall(struct pgr_chip *chip, pgr_devcall_fn fn,
			  void *data);

#endif /* PGR_INTERNAL_H */
