// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device-tree numbers and "ranges" translation for the `explain` verb, on
 * property bytes in memory (see devtree.h). No files, no printing: what
 * explain prints is decided by explain.c from the results.
 */
#include "devtree.h"

/* The big-endian cell at p. */
static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

uint64_t devtree_cells(const unsigned char *data, size_t len, size_t *pos,
		       unsigned count)
{
	uint64_t v = 0;

	/* Divided, not multiplied: 4 * count may not fit a 32-bit size_t. */
	if (*pos > len || count > (len - *pos) / 4) {
		*pos = len;
		return 0;
	}
	while (count--) {
		v = (v << 32) | be32(data + *pos);
		*pos += 4;
	}
	return v;
}

unsigned devtree_ncells(const unsigned char *data, size_t len, unsigned dflt)
{
	size_t pos = 0;

	if (!data || len != 4)
		return dflt;
	return (unsigned)devtree_cells(data, len, &pos, 1);
}

static int cells_ok(const struct devtree_bus *bus)
{
	return bus->addr_cells >= 1 && bus->addr_cells <= DEVTREE_CELLS_MAX &&
	       bus->parent_addr_cells >= 1 &&
	       bus->parent_addr_cells <= DEVTREE_CELLS_MAX &&
	       bus->size_cells <= DEVTREE_CELLS_MAX;
}

enum devtree_ranges devtree_translate(const unsigned char *ranges, size_t len,
				      const struct devtree_bus *bus,
				      uint64_t *addr, struct devtree_range *hit)
{
	size_t pos = 0, entry;
	uint64_t max, offset;

	if (!ranges)
		return DEVTREE_RANGES_ABSENT;
	if (len == 0)
		return DEVTREE_RANGES_EMPTY;
	/* Whole entries of 1-4 cells a field, or nothing is read. */
	if (!cells_ok(bus))
		return DEVTREE_RANGES_MALFORMED;
	entry = 4 * (size_t)(bus->addr_cells + bus->parent_addr_cells +
			     bus->size_cells);
	if (len % entry != 0)
		return DEVTREE_RANGES_MALFORMED;
	max = bus->parent_addr_cells == 1 ? UINT32_MAX : UINT64_MAX;
	while (pos + entry <= len) {
		struct devtree_range r;

		r.child = devtree_cells(ranges, len, &pos, bus->addr_cells);
		r.parent = devtree_cells(ranges, len, &pos, bus->parent_addr_cells);
		r.size = devtree_cells(ranges, len, &pos, bus->size_cells);
		if (*addr < r.child || *addr - r.child >= r.size)
			continue;
		*hit = r;
		/* A parent address past 64 bits, or past one parent cell. */
		offset = *addr - r.child;
		if (offset > max || r.parent > max - offset)
			return DEVTREE_RANGES_OVERFLOW;
		*addr = r.parent + offset;
		return DEVTREE_RANGES_TRANSLATED;
	}
	return DEVTREE_RANGES_NO_ENTRY;
}
