// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the device-tree parsing of the `explain` verb
 * (user/cli/devtree.c), built with AddressSanitizer and UBSan by
 * tests/fuzz/run.sh.
 *
 * The input is a small synthetic tree, what a corrupt or malicious
 * /proc/device-tree could hold: the GPIO node's "reg", and a chain of 1-3
 * buses above it up to the root, each with #address-cells, #size-cells
 * and "ranges" properties of any length, or absent. Input layout:
 *
 *   byte 0          buses walked: 1 + byte % 3 (the root above them is
 *                   read for its #address-cells only)
 *   then properties, each one header byte and its bytes:
 *                   0xff: absent; 0xfe: the rest of the input; else the
 *                   length (cut to what is left)
 *     reg, then for every bus and the root: #address-cells, #size-cells,
 *     ranges
 *
 * Every property is copied to a heap buffer of its exact size, so a read
 * past it is an ASan report. Beyond "no crash, no hang" (-timeout), each
 * result is checked against a reference computed here in a plain way,
 * with 128-bit arithmetic:
 *  - #address-cells / #size-cells: the one cell of a 4-byte property, the
 *    default if absent or of any other length;
 *  - reg and any cell read: the low 64 bits of count whole cells and the
 *    position past them, or 0 and the end of the property if they are not
 *    all there (a huge count included);
 *  - translation: absent ranges is "not translatable", empty ranges the
 *    identity; ranges with address cells of 0 or more than 4, size cells
 *    more than 4, or a length not whole entries are refused untouched;
 *    otherwise the first entry covering the address is used, and the
 *    result is parent + (address - child) exactly, or refused if that does
 *    not fit in 64 bits or in the parent's address cells; no covering
 *    entry leaves the address untouched.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devtree.h"

#define MAX_BUSES 3

struct prop {
	unsigned char *data;	/* NULL: absent */
	size_t len;
};

struct node {
	struct prop address_cells, size_cells, ranges;
};

static void die(const char *what)
{
	fprintf(stderr, "fuzz_dt: %s\n", what);
	abort();
}

/* The next property of the input, in a buffer of its exact size. */
static void take_prop(const uint8_t **data, size_t *size, struct prop *p)
{
	size_t len;

	p->data = NULL;
	p->len = 0;
	if (!*size)
		return;		/* the input ran out: absent */
	len = **data;
	(*data)++;
	(*size)--;
	if (len == 0xff)
		return;
	if (len == 0xfe || len > *size)
		len = *size;
	p->data = malloc(len);
	if (!p->data)
		die("out of memory");
	memcpy(p->data, *data, len);
	p->len = len;
	*data += len;
	*size -= len;
}

/* Reference: the cell at byte off, one byte at a time. */
static uint64_t ref_cell(const struct prop *p, size_t off)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 4; i++)
		v = v * 256 + p->data[off + i];
	return v;
}

/*
 * Reference: count cells at off; 1 and their low 64 bits (the last two
 * cells) if they are all there, 0 if not.
 */
static int ref_number(const struct prop *p, size_t off, unsigned count,
		      uint64_t *v)
{
	unsigned __int128 end = (unsigned __int128)off + 4 * (unsigned __int128)count;

	*v = 0;
	if (end > p->len)
		return 0;
	if (count >= 1)
		*v = ref_cell(p, (size_t)end - 4);
	if (count >= 2)
		*v += ref_cell(p, (size_t)end - 8) * ((uint64_t)1 << 32);
	return 1;
}

static unsigned ref_ncells(const struct prop *p, unsigned dflt)
{
	return p->data && p->len == 4 ? (unsigned)ref_cell(p, 0) : dflt;
}

/* devtree_cells() against ref_number(), from pos. */
static uint64_t check_cells(const struct prop *p, size_t pos, unsigned count)
{
	size_t at = pos;
	uint64_t got = devtree_cells(p->data, p->len, &at, count), want;

	if (ref_number(p, pos, count, &want)) {
		if (got != want)
			die("devtree_cells: wrong number");
		if (at != pos + 4 * (size_t)count)
			die("devtree_cells: position not past the cells");
	} else {
		if (got != 0)
			die("devtree_cells: not 0 when cells are missing");
		if (at != p->len)
			die("devtree_cells: position not at the end when cells are missing");
	}
	return got;
}

/* Reference translation: the status devtree_translate() must return. */
static enum devtree_ranges ref_translate(const struct prop *r,
					 const struct devtree_bus *b,
					 uint64_t addr, uint64_t *out,
					 struct devtree_range *hit)
{
	unsigned ac = b->addr_cells, pac = b->parent_addr_cells;
	unsigned sc = b->size_cells;
	size_t entry, off;

	*out = addr;
	if (!r->data)
		return DEVTREE_RANGES_ABSENT;
	if (r->len == 0)
		return DEVTREE_RANGES_EMPTY;
	if (ac == 0 || ac > 4 || pac == 0 || pac > 4 || sc > 4)
		return DEVTREE_RANGES_MALFORMED;
	entry = 4 * (size_t)(ac + pac + sc);
	if (r->len % entry)
		return DEVTREE_RANGES_MALFORMED;
	for (off = 0; off < r->len; off += entry) {
		unsigned __int128 result, limit;

		ref_number(r, off, ac, &hit->child);
		ref_number(r, off + 4 * ac, pac, &hit->parent);
		ref_number(r, off + 4 * (ac + pac), sc, &hit->size);
		if (addr < hit->child ||
		    (unsigned __int128)addr >= (unsigned __int128)hit->child + hit->size)
			continue;
		result = (unsigned __int128)hit->parent + (addr - hit->child);
		limit = pac == 1 ? UINT32_MAX : UINT64_MAX;
		if (result > limit)
			return DEVTREE_RANGES_OVERFLOW;
		*out = (uint64_t)result;
		return DEVTREE_RANGES_TRANSLATED;
	}
	return DEVTREE_RANGES_NO_ENTRY;
}

static void check_translate(const struct prop *r, const struct devtree_bus *b,
			    uint64_t *addr, enum devtree_ranges *status)
{
	struct devtree_range hit = { 0, 0, 0 }, want_hit = { 0, 0, 0 };
	uint64_t want, from = *addr;
	enum devtree_ranges want_status;

	*status = devtree_translate(r->data, r->len, b, addr, &hit);
	want_status = ref_translate(r, b, from, &want, &want_hit);
	if (*status != want_status) {
		fprintf(stderr, "fuzz_dt: %zu bytes of ranges, %u+%u+%u cells, address 0x%llx: status %d, reference %d\n",
			r->len, b->addr_cells, b->parent_addr_cells,
			b->size_cells, (unsigned long long)from, *status,
			want_status);
		if (*status == DEVTREE_RANGES_TRANSLATED)
			fprintf(stderr, "fuzz_dt: translated to 0x%llx\n",
				(unsigned long long)*addr);
		die("devtree_translate disagrees with the reference");
	}
	if (*addr != want)
		die("devtree_translate: wrong address, or changed it when refusing");
	if ((*status == DEVTREE_RANGES_TRANSLATED ||
	     *status == DEVTREE_RANGES_OVERFLOW) &&
	    memcmp(&hit, &want_hit, sizeof(hit)) != 0)
		die("devtree_translate: not the first entry covering the address");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct node nodes[MAX_BUSES + 1];
	struct prop reg;
	unsigned buses, ac[MAX_BUSES + 1], sc[MAX_BUSES + 1], i;
	enum devtree_ranges status;
	uint64_t addr;
	size_t pos;

	if (size < 1)
		return 0;
	buses = 1 + data[0] % MAX_BUSES;
	data++;
	size--;
	take_prop(&data, &size, &reg);
	for (i = 0; i <= buses; i++) {
		take_prop(&data, &size, &nodes[i].address_cells);
		take_prop(&data, &size, &nodes[i].size_cells);
		take_prop(&data, &size, &nodes[i].ranges);
	}

	/* The cell counts, with the spec's defaults. */
	for (i = 0; i <= buses; i++) {
		const struct prop *a = &nodes[i].address_cells;
		const struct prop *s = &nodes[i].size_cells;

		ac[i] = devtree_ncells(a->data, a->len,
				       DEVTREE_ADDRESS_CELLS_DEFAULT);
		sc[i] = devtree_ncells(s->data, s->len,
				       DEVTREE_SIZE_CELLS_DEFAULT);
		if (ac[i] != ref_ncells(a, DEVTREE_ADDRESS_CELLS_DEFAULT) ||
		    sc[i] != ref_ncells(s, DEVTREE_SIZE_CELLS_DEFAULT))
			die("devtree_ncells disagrees with the reference");
	}

	/* reg as explain reads it: address, then size, on the first bus. */
	addr = check_cells(&reg, 0, ac[0]);
	pos = 0;
	devtree_cells(reg.data, reg.len, &pos, ac[0]);
	check_cells(&reg, pos, sc[0]);
	/* A position past the end is the end. */
	pos = reg.len + 1 + (size_t)(addr & 7);
	if (devtree_cells(reg.data, reg.len, &pos, addr >> 62) != 0 ||
	    pos != reg.len)
		die("devtree_cells: a position past the end read something");

	/* Up the buses as explain walks them, while the address translates. */
	for (i = 0; i < buses; i++) {
		struct devtree_bus b = {
			.addr_cells = ac[i],
			.size_cells = sc[i],
			.parent_addr_cells = ac[i + 1],
		};

		check_translate(&nodes[i].ranges, &b, &addr, &status);
		if (status != DEVTREE_RANGES_TRANSLATED &&
		    status != DEVTREE_RANGES_EMPTY)
			break;
	}

	free(reg.data);
	for (i = 0; i <= buses; i++) {
		free(nodes[i].address_cells.data);
		free(nodes[i].size_cells.data);
		free(nodes[i].ranges.data);
	}
	return 0;
}
