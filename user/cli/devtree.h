/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device-tree numbers and "ranges" translation for the `explain` verb, on
 * property bytes in memory: explain.c reads the files under
 * /proc/device-tree, tests/fuzz/fuzz_dt.c hands in whatever bytes it likes.
 *
 * A property is its bytes and their length, big-endian 32-bit cells, as
 * the kernel shows them; nothing here assumes the length is a multiple of
 * 4 or that a cell count is sane. A number of 3 or 4 cells keeps its low
 * 64 bits, as the kernel's of_read_number() does.
 */
#ifndef PGR_CLI_DEVTREE_H
#define PGR_CLI_DEVTREE_H

#include <stddef.h>
#include <stdint.h>

/* The spec's #address-cells and #size-cells of a node that has none. */
#define DEVTREE_ADDRESS_CELLS_DEFAULT	2
#define DEVTREE_SIZE_CELLS_DEFAULT	1
/* The most cells one number of a "ranges" entry may have. */
#define DEVTREE_CELLS_MAX		4

/*
 * Read count cells at *pos of data (len bytes) as one number and advance
 * *pos past them. If fewer than count whole cells remain, return 0 and set
 * *pos to len, so that every later read fails too.
 */
uint64_t devtree_cells(const unsigned char *data, size_t len, size_t *pos,
		       unsigned count);

/*
 * A #address-cells or #size-cells property: its one cell, or dflt if the
 * property is absent (data NULL) or not exactly 4 bytes long.
 */
unsigned devtree_ncells(const unsigned char *data, size_t len, unsigned dflt);

/* The cell counts one bus's "ranges" entries are made of. */
struct devtree_bus {
	unsigned addr_cells;		/* the bus's #address-cells */
	unsigned size_cells;		/* the bus's #size-cells */
	unsigned parent_addr_cells;	/* #address-cells of the bus's parent */
};

/* One "ranges" entry: bus addresses child .. child + size - 1 are at parent. */
struct devtree_range {
	uint64_t child;
	uint64_t parent;
	uint64_t size;
};

enum devtree_ranges {
	DEVTREE_RANGES_ABSENT,		/* no ranges: not translatable */
	DEVTREE_RANGES_EMPTY,		/* empty ranges: addresses pass unchanged */
	/* Cell counts out of 1-4 (size 0-4), or not whole entries: nothing read */
	DEVTREE_RANGES_MALFORMED,
	DEVTREE_RANGES_NO_ENTRY,	/* no entry covers the address */
	DEVTREE_RANGES_TRANSLATED,	/* *addr translated through *hit */
	/* *hit covers the address, but the result would not fit in 64 bits or
	 * in the parent's address cells
	 */
	DEVTREE_RANGES_OVERFLOW,
};

/*
 * Translate *addr, an address on bus, to its parent's address space
 * through the bus's "ranges" property (ranges NULL if it has none): the
 * first entry that covers *addr is used. *addr changes only when the
 * result is DEVTREE_RANGES_TRANSLATED; *hit is set for that and for
 * DEVTREE_RANGES_OVERFLOW.
 */
enum devtree_ranges devtree_translate(const unsigned char *ranges, size_t len,
				      const struct devtree_bus *bus,
				      uint64_t *addr, struct devtree_range *hit);

#endif /* PGR_CLI_DEVTREE_H */
