/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Private to the library: the chip object's layout. */
#ifndef PGR_INTERNAL_H
#define PGR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "pigpioregs.h"
#include "regs.h"

struct pgr_chip {
	volatile uint32_t *base;	/* the mapped window, block at offset 0 */
	const struct pgr_soc *soc;
	int fd;
	size_t window_size;
	size_t block_size;
	unsigned long long phys_base;
	unsigned long long bus_base;
};

#endif /* PGR_INTERNAL_H */
