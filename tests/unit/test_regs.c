// SPDX-License-Identifier: GPL-2.0-only
/*
 * The register model (user/lib/regs.c) against a simulated block: a plain
 * array of 1024 words. Every effect is checked on the exact bits written,
 * and the whole block is compared with a snapshot so that a stray store
 * anywhere fails the test.
 *
 * Expected values are datasheet constants (BCM2835/BCM2711 ARM
 * Peripherals, GPIO chapter), written out, not derived from the library.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>

#include "check.h"
#include "regs.h"

#define WORDS 1024

/* Datasheet offsets, independent of regs.h. */
#define GPFSEL0 0x00
#define GPFSEL1 0x04
#define GPFSEL2 0x08
#define GPFSEL4 0x10
#define GPFSEL5 0x14
#define GPSET0 0x1c
#define GPSET1 0x20
#define GPCLR0 0x28
#define GPCLR1 0x2c
#define GPLEV0 0x34
#define GPLEV1 0x38
#define GPEDS0 0x40
#define GPEDS1 0x44
#define GPREN0 0x4c
#define GPFEN0 0x58
#define GPHEN1 0x68
#define GPLEN0 0x70
#define GPAREN0 0x7c
#define GPAFEN1 0x8c
#define GPPUD 0x94
#define GPPUDCLK0 0x98
#define GPPUDCLK1 0x9c
#define PUP_PDN_CNTRL0 0xe4
#define PUP_PDN_CNTRL1 0xe8
#define PUP_PDN_CNTRL3 0xf0

static uint32_t block[WORDS];
static uint32_t snap[WORDS];

#define REG(offset) block[(offset) / 4]

static const struct pgr_soc *soc54;	/* bcm2837 */
static const struct pgr_soc *soc58;	/* bcm2711 */

/* Function codes as the datasheet writes them, not from the enum. */
static const struct {
	const char *name;
	unsigned code;
} codes[] = {
	{ "input", 0x0 },	/* 000 */
	{ "output", 0x1 },	/* 001 */
	{ "alt0", 0x4 },	/* 100 */
	{ "alt1", 0x5 },	/* 101 */
	{ "alt2", 0x6 },	/* 110 */
	{ "alt3", 0x7 },	/* 111 */
	{ "alt4", 0x3 },	/* 011 */
	{ "alt5", 0x2 },	/* 010 */
};

#define NCODES (sizeof(codes) / sizeof(codes[0]))

enum background { BG_ZERO, BG_ONES, BG_PATTERN, NBACKGROUNDS };

static void fill(enum background bg)
{
	uint32_t x = 0x12345678;
	unsigned i;

	for (i = 0; i < WORDS; i++) {
		/* xorshift32: every word different, reproducible. */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		block[i] = bg == BG_ZERO ? 0 : bg == BG_ONES ? UINT32_MAX : x;
	}
}

static void snapshot(void)
{
	memcpy(snap, block, sizeof(block));
}

/* The first word other than at byte offset allowed that differs, or -1. */
static int stray_change(int allowed)
{
	int i;

	for (i = 0; i < WORDS; i++)
		if (i * 4 != allowed && block[i] != snap[i])
			return i * 4;
	return -1;
}

#define EXPECT_ONLY_CHANGED(offset)					\
	do {								\
		int stray_ = stray_change(offset);			\
		EXPECT(stray_ < 0, "word 0x%03x changed from 0x%08x to 0x%08x", \
		       stray_, snap[stray_ / 4], block[stray_ / 4]);	\
	} while (0)

#define EXPECT_UNTOUCHED() EXPECT_ONLY_CHANGED(-1)

/* The first word other than at byte offsets a and b that differs, or -1. */
static int stray_change2(int a, int b)
{
	int i;

	for (i = 0; i < WORDS; i++)
		if (i * 4 != a && i * 4 != b && block[i] != snap[i])
			return i * 4;
	return -1;
}

#define EXPECT_ONLY_CHANGED2(a, b)					\
	do {								\
		int stray_ = stray_change2(a, b);			\
		EXPECT(stray_ < 0, "word 0x%03x changed from 0x%08x to 0x%08x", \
		       stray_, snap[stray_ / 4], block[stray_ / 4]);	\
	} while (0)

static void test_soc_table(void)
{
	EXPECT(soc54 && soc58, "bcm2837 or bcm2711 unknown");
	EXPECT_INT(pgr_soc_lookup("bcm2835")->ngpio, 54);
	EXPECT_INT(pgr_soc_lookup("bcm2836")->ngpio, 54);
	EXPECT_INT(pgr_soc_lookup("bcm2837")->ngpio, 54);
	EXPECT_INT(pgr_soc_lookup("bcm2711")->ngpio, 58);
	EXPECT_STR(pgr_soc_lookup("bcm2711")->name, "bcm2711");
	/* every register the model touches: up to GPPUDCLK1, or PUP_PDN3 */
	EXPECT_INT(pgr_soc_lookup("bcm2837")->block_min, 0xa0);
	EXPECT_INT(pgr_soc_lookup("bcm2711")->block_min, 0xf4);
	EXPECT(!pgr_soc_lookup("bcm2712"), "bcm2712 is not register-compatible");
	EXPECT(!pgr_soc_lookup("BCM2837"), "lookup is exact");
	EXPECT(!pgr_soc_lookup("bcm2837\n"), "lookup is exact");
	EXPECT(!pgr_soc_lookup(""), "empty name");
}

/* One function select on a zeroed block, checked against a constant. */
static void fsel_case(const struct pgr_soc *soc, unsigned pin, unsigned code,
		      unsigned offset, uint32_t expected)
{
	fill(BG_ZERO);
	snapshot();
	EXPECT_INT(pgr_regs_set_function(block, soc, pin, code), 0);
	EXPECT_HEX(REG(offset), expected);
	EXPECT_ONLY_CHANGED((int)offset);
}

static void test_fsel_datasheet(void)
{
	/* pin 17 output: GPFSEL1 bits 21-23 = 001 */
	fsel_case(soc54, 17, 0x1, GPFSEL1, 0x00200000);
	if (check.failed)
		return;
	/* pin 0 alt0: GPFSEL0 bits 0-2 = 100 */
	fsel_case(soc54, 0, 0x4, GPFSEL0, 0x00000004);
	if (check.failed)
		return;
	/* pin 9 alt3: GPFSEL0 bits 27-29 = 111 */
	fsel_case(soc54, 9, 0x7, GPFSEL0, 0x38000000);
	if (check.failed)
		return;
	/* pin 10 alt5: GPFSEL1 bits 0-2 = 010 */
	fsel_case(soc54, 10, 0x2, GPFSEL1, 0x00000002);
	if (check.failed)
		return;
	/* pin 45 alt5: GPFSEL4 bits 15-17 = 010 */
	fsel_case(soc54, 45, 0x2, GPFSEL4, 0x00010000);
	if (check.failed)
		return;
	/* pin 53 alt4: GPFSEL5 bits 9-11 = 011 */
	fsel_case(soc54, 53, 0x3, GPFSEL5, 0x00000600);
	if (check.failed)
		return;
	/* pin 57 alt1 on bcm2711: GPFSEL5 bits 21-23 = 101 */
	fsel_case(soc58, 57, 0x5, GPFSEL5, 0x00a00000);
}

static void test_fsel_rmw_keeps_neighbours(void)
{
	/* pin 4 input on an all-ones GPFSEL0: only bits 12-14 clear */
	fill(BG_ONES);
	snapshot();
	EXPECT_INT(pgr_regs_set_function(block, soc54, 4, 0x0), 0);
	EXPECT_HEX(REG(GPFSEL0), 0xffff8fff);
	EXPECT_ONLY_CHANGED(GPFSEL0);

	/* pin 21 output over GPFSEL2 = 0xffffffff: bits 3-5 become 001 */
	EXPECT_INT(pgr_regs_set_function(block, soc54, 21, 0x1), 0);
	EXPECT_HEX(REG(GPFSEL2), 0xffffffcf);
}

/* Every pin, one function code, three backgrounds. */
static void fsel_sweep(const struct pgr_soc *soc, unsigned code)
{
	unsigned pin, bg, code_read, offset, shift;
	uint32_t before;

	for (bg = 0; bg < NBACKGROUNDS; bg++) {
		for (pin = 0; pin < soc->ngpio; pin++) {
			fill((enum background)bg);
			snapshot();
			/* Datasheet: GPFSELn holds pins 10n..10n+9, 3 bits each. */
			offset = GPFSEL0 + 4 * (pin / 10);
			shift = 3 * (pin % 10);
			before = REG(offset);

			EXPECT(pgr_regs_set_function(block, soc, pin, code) == 0,
			       "pin %u refused", pin);
			EXPECT(((REG(offset) >> shift) & 7) == code,
			       "pin %u: field is %u", pin,
			       (REG(offset) >> shift) & 7);
			EXPECT((REG(offset) & ~(7u << shift)) ==
			       (before & ~(7u << shift)),
			       "pin %u: other pins' bits changed: 0x%08x -> 0x%08x",
			       pin, before, REG(offset));
			EXPECT_ONLY_CHANGED((int)offset);

			snapshot();
			code_read = 99;
			EXPECT(pgr_regs_get_function(block, soc, pin,
						     &code_read) == 0,
			       "get pin %u refused", pin);
			EXPECT(code_read == code, "pin %u reads back %u", pin,
			       code_read);
			EXPECT_UNTOUCHED();
		}
	}
}

static void test_fsel_get_datasheet(void)
{
	unsigned code = 99;

	fill(BG_ZERO);
	REG(GPFSEL2) = 0x00000008;	/* pin 21 = 001 output */
	REG(GPFSEL5) = 0x00600000;	/* pin 57 = 011 alt4 */
	snapshot();
	EXPECT_INT(pgr_regs_get_function(block, soc54, 21, &code), 0);
	EXPECT_INT(code, 0x1);
	EXPECT_INT(pgr_regs_get_function(block, soc54, 20, &code), 0);
	EXPECT_INT(code, 0x0);
	EXPECT_INT(pgr_regs_get_function(block, soc58, 57, &code), 0);
	EXPECT_INT(code, 0x3);
	EXPECT_UNTOUCHED();
}

static void test_fsel_rejects(void)
{
	unsigned code, bg;

	for (bg = 0; bg < NBACKGROUNDS; bg++) {
		fill((enum background)bg);
		snapshot();
		for (code = 0; code < 8; code++) {
			/* GPFSEL5 has room for pins 54-59: still refused. */
			EXPECT_INT(pgr_regs_set_function(block, soc54, 54, code), -EINVAL);
			EXPECT_INT(pgr_regs_set_function(block, soc54, 59, code), -EINVAL);
			EXPECT_INT(pgr_regs_set_function(block, soc58, 58, code), -EINVAL);
			EXPECT_INT(pgr_regs_set_function(block, soc58, UINT_MAX, code), -EINVAL);
		}
		EXPECT_INT(pgr_regs_set_function(block, soc54, 17, 8), -EINVAL);
		EXPECT_INT(pgr_regs_set_function(block, soc54, 17, UINT_MAX), -EINVAL);
		code = 99;
		EXPECT_INT(pgr_regs_get_function(block, soc54, 54, &code), -EINVAL);
		EXPECT_INT(pgr_regs_get_function(block, soc58, 58, &code), -EINVAL);
		EXPECT_INT(code, 99);
		EXPECT_UNTOUCHED();
	}
}

static void write_case(const struct pgr_soc *soc, unsigned pin, int level,
		       unsigned offset, uint32_t expected)
{
	/* All ones: a read-modify-write of GPSET would show as 0xffffffff. */
	fill(BG_ONES);
	snapshot();
	EXPECT_INT(pgr_regs_write(block, soc, pin, level), 0);
	EXPECT_HEX(REG(offset), expected);
	EXPECT_ONLY_CHANGED((int)offset);
}

static void test_write_datasheet(void)
{
	write_case(soc54, 17, 1, GPSET0, 0x00020000);
	if (check.failed)
		return;
	write_case(soc54, 17, 0, GPCLR0, 0x00020000);
	if (check.failed)
		return;
	write_case(soc54, 31, 1, GPSET0, 0x80000000);
	if (check.failed)
		return;
	write_case(soc54, 32, 0, GPCLR1, 0x00000001);
	if (check.failed)
		return;
	write_case(soc54, 53, 1, GPSET1, 0x00200000);
	if (check.failed)
		return;
	write_case(soc58, 57, 1, GPSET1, 0x02000000);
	if (check.failed)
		return;
	write_case(soc58, 57, 0, GPCLR1, 0x02000000);
}

static void write_sweep(const struct pgr_soc *soc)
{
	unsigned pin, bg, offset;
	int level;

	for (bg = 0; bg < NBACKGROUNDS; bg++) {
		for (pin = 0; pin < soc->ngpio; pin++) {
			for (level = 0; level <= 1; level++) {
				fill((enum background)bg);
				snapshot();
				if (level)
					offset = pin < 32 ? GPSET0 : GPSET1;
				else
					offset = pin < 32 ? GPCLR0 : GPCLR1;
				EXPECT(pgr_regs_write(block, soc, pin, level) == 0,
				       "pin %u level %d refused", pin, level);
				EXPECT(REG(offset) == 1u << (pin % 32),
				       "pin %u level %d: word 0x%03x is 0x%08x",
				       pin, level, offset, REG(offset));
				EXPECT_ONLY_CHANGED((int)offset);
			}
		}
	}
}

static void test_write_rejects(void)
{
	unsigned bg;

	for (bg = 0; bg < NBACKGROUNDS; bg++) {
		fill((enum background)bg);
		snapshot();
		EXPECT_INT(pgr_regs_write(block, soc54, 54, 1), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc54, 54, 0), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc54, 63, 1), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc58, 58, 1), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc58, 64, 0), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc58, UINT_MAX, 1), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc54, 17, 2), -EINVAL);
		EXPECT_INT(pgr_regs_write(block, soc54, 17, -1), -EINVAL);
		EXPECT_UNTOUCHED();
	}
}

static void test_read_datasheet(void)
{
	fill(BG_ZERO);
	REG(GPLEV0) = 0x00020000;	/* pin 17 high */
	REG(GPLEV1) = 0x00200000;	/* pin 53 high */
	snapshot();
	EXPECT_INT(pgr_regs_read(block, soc54, 17), 1);
	EXPECT_INT(pgr_regs_read(block, soc54, 16), 0);
	EXPECT_INT(pgr_regs_read(block, soc54, 18), 0);
	EXPECT_INT(pgr_regs_read(block, soc54, 53), 1);
	EXPECT_INT(pgr_regs_read(block, soc54, 52), 0);
	EXPECT_INT(pgr_regs_read(block, soc54, 49), 0);
	/* GPSET/GPCLR are not levels */
	REG(GPSET0) = 0xffffffff;
	REG(GPCLR0) = 0xffffffff;
	EXPECT_INT(pgr_regs_read(block, soc54, 0), 0);
	EXPECT_INT(pgr_regs_read(block, soc54, 54), -EINVAL);
	EXPECT_INT(pgr_regs_read(block, soc58, 58), -EINVAL);
}

static void read_sweep(const struct pgr_soc *soc)
{
	unsigned pin, offset;
	uint32_t bit;

	for (pin = 0; pin < soc->ngpio; pin++) {
		offset = pin < 32 ? GPLEV0 : GPLEV1;
		bit = 1u << (pin % 32);

		fill(BG_ZERO);
		REG(offset) = bit;
		snapshot();
		EXPECT(pgr_regs_read(block, soc, pin) == 1, "pin %u alone high reads %d",
		       pin, pgr_regs_read(block, soc, pin));
		EXPECT_UNTOUCHED();

		fill(BG_ONES);
		REG(offset) = ~bit;
		snapshot();
		EXPECT(pgr_regs_read(block, soc, pin) == 0, "pin %u alone low reads %d",
		       pin, pgr_regs_read(block, soc, pin));
		EXPECT_UNTOUCHED();
	}
}

static void test_bank_pins(void)
{
	EXPECT_HEX(pgr_regs_bank_pins(soc54, 0), 0xffffffff);
	EXPECT_HEX(pgr_regs_bank_pins(soc54, 1), 0x003fffff);	/* 22 pins */
	EXPECT_HEX(pgr_regs_bank_pins(soc58, 1), 0x03ffffff);	/* 26 pins */
	EXPECT_HEX(pgr_regs_bank_pins(soc54, 2), 0);
	EXPECT_HEX(pgr_regs_bank_pins(soc58, UINT_MAX), 0);
}

typedef int (*bank_store_fn)(volatile uint32_t *, const struct pgr_soc *,
			     unsigned, uint32_t);

static void bank_case(bank_store_fn fn, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask, unsigned offset)
{
	fill(BG_PATTERN);
	snapshot();
	EXPECT_INT(fn(block, soc, bank, mask), 0);
	EXPECT_HEX(REG(offset), mask);
	EXPECT_ONLY_CHANGED((int)offset);
}

static void test_bank_store(void)
{
	bank_case(pgr_regs_bank_set, soc54, 0, 0x80000001, GPSET0);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_set, soc54, 0, 0xffffffff, GPSET0);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_clear, soc54, 0, 0x00020000, GPCLR0);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_set, soc54, 1, 0x003fffff, GPSET1);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_clear, soc54, 1, 0x00200001, GPCLR1);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_set, soc58, 1, 0x03ffffff, GPSET1);
	if (check.failed)
		return;
	bank_case(pgr_regs_bank_clear, soc58, 1, 0x02000000, GPCLR1);
	if (check.failed)
		return;
	/* An empty mask is a harmless store of 0. */
	bank_case(pgr_regs_bank_set, soc54, 1, 0, GPSET1);
}

static void test_bank_rejects(void)
{
	unsigned bg;

	for (bg = 0; bg < NBACKGROUNDS; bg++) {
		fill((enum background)bg);
		snapshot();
		/* bit 22 of bank 1 is pin 54: absent on a 54-pin SoC */
		EXPECT_INT(pgr_regs_bank_set(block, soc54, 1, 0x00400000), -EINVAL);
		EXPECT_INT(pgr_regs_bank_clear(block, soc54, 1, 0x00400000), -EINVAL);
		EXPECT_INT(pgr_regs_bank_set(block, soc54, 1, 0x80000000), -EINVAL);
		EXPECT_INT(pgr_regs_bank_set(block, soc54, 1, 0xffffffff), -EINVAL);
		/* bit 26 of bank 1 is pin 58: absent on bcm2711 too */
		EXPECT_INT(pgr_regs_bank_set(block, soc58, 1, 0x04000000), -EINVAL);
		EXPECT_INT(pgr_regs_bank_clear(block, soc58, 1, 0x07ffffff), -EINVAL);
		/* no bank 2 */
		EXPECT_INT(pgr_regs_bank_set(block, soc54, 2, 0), -EINVAL);
		EXPECT_INT(pgr_regs_bank_set(block, soc58, 2, 1), -EINVAL);
		EXPECT_INT(pgr_regs_bank_clear(block, soc58, 2, 1), -EINVAL);
		EXPECT_INT(pgr_regs_bank_clear(block, soc54, UINT_MAX, 1), -EINVAL);
		EXPECT_UNTOUCHED();
	}
}

static void test_bank_read(void)
{
	uint32_t out = 0x5a5a5a5a;

	fill(BG_PATTERN);
	REG(GPLEV0) = 0xdeadbeef;
	REG(GPLEV1) = 0xffffffff;
	snapshot();
	EXPECT_INT(pgr_regs_bank_read(block, soc54, 0, &out), 0);
	EXPECT_HEX(out, 0xdeadbeef);
	/* bits of pins that do not exist read as 0 */
	EXPECT_INT(pgr_regs_bank_read(block, soc54, 1, &out), 0);
	EXPECT_HEX(out, 0x003fffff);
	EXPECT_INT(pgr_regs_bank_read(block, soc58, 1, &out), 0);
	EXPECT_HEX(out, 0x03ffffff);
	out = 0x5a5a5a5a;
	EXPECT_INT(pgr_regs_bank_read(block, soc54, 2, &out), -EINVAL);
	EXPECT_INT(pgr_regs_bank_read(block, soc58, 2, &out), -EINVAL);
	EXPECT_HEX(out, 0x5a5a5a5a);
	EXPECT_UNTOUCHED();
}

static void test_bank_write(void)
{
	fill(BG_PATTERN);
	snapshot();
	/* mask 0xff, values 0x0f: set 0-3, clear 4-7, leave the rest */
	EXPECT_INT(pgr_regs_bank_write(block, soc54, 0, 0x000000ff, 0xf000000f), 0);
	EXPECT_HEX(REG(GPSET0), 0x0000000f);
	EXPECT_HEX(REG(GPCLR0), 0x000000f0);
	EXPECT_ONLY_CHANGED2(GPSET0, GPCLR0);

	fill(BG_PATTERN);
	snapshot();
	EXPECT_INT(pgr_regs_bank_write(block, soc58, 1, 0x03ffffff, 0x02000001), 0);
	EXPECT_HEX(REG(GPSET1), 0x02000001);
	EXPECT_HEX(REG(GPCLR1), 0x01fffffe);
	EXPECT_ONLY_CHANGED2(GPSET1, GPCLR1);

	fill(BG_PATTERN);
	snapshot();
	EXPECT_INT(pgr_regs_bank_write(block, soc54, 1, 0x00400000, 0), -EINVAL);
	EXPECT_INT(pgr_regs_bank_write(block, soc54, 2, 1, 1), -EINVAL);
	EXPECT_UNTOUCHED();
}

static void test_toggle(void)
{
	fill(BG_ZERO);
	REG(GPLEV0) = 0x00020000;	/* pin 17 high */
	snapshot();
	EXPECT_INT(pgr_regs_toggle(block, soc54, 17), 0);
	EXPECT_HEX(REG(GPCLR0), 0x00020000);
	EXPECT_ONLY_CHANGED(GPCLR0);

	fill(BG_ONES);
	REG(GPLEV1) = 0xfdffffff;	/* pin 57 low */
	snapshot();
	EXPECT_INT(pgr_regs_toggle(block, soc58, 57), 0);
	EXPECT_HEX(REG(GPSET1), 0x02000000);
	EXPECT_ONLY_CHANGED(GPSET1);

	snapshot();
	EXPECT_INT(pgr_regs_toggle(block, soc54, 54), -EINVAL);
	EXPECT_UNTOUCHED();
}

static void test_events_status(void)
{
	uint32_t out = 0;

	fill(BG_ONES);
	snapshot();
	EXPECT_INT(pgr_regs_bank_events(block, soc54, 1, &out), 0);
	EXPECT_HEX(out, 0x003fffff);	/* absent pins masked */
	EXPECT_UNTOUCHED();
	/* write-1-to-clear: one store of exactly the mask */
	EXPECT_INT(pgr_regs_bank_clear_events(block, soc54, 0, 0x00020000), 0);
	EXPECT_HEX(REG(GPEDS0), 0x00020000);
	EXPECT_ONLY_CHANGED(GPEDS0);
	fill(BG_PATTERN);
	snapshot();
	EXPECT_INT(pgr_regs_bank_clear_events(block, soc58, 1, 0x02000000), 0);
	EXPECT_HEX(REG(GPEDS1), 0x02000000);
	EXPECT_ONLY_CHANGED(GPEDS1);
	snapshot();
	EXPECT_INT(pgr_regs_bank_clear_events(block, soc54, 1, 0x00400000), -EINVAL);
	EXPECT_INT(pgr_regs_bank_events(block, soc54, 2, &out), -EINVAL);
	EXPECT_UNTOUCHED();
}

#define EXPECT_CHANGE(c, off, m, v)					\
	do {								\
		EXPECT_HEX((c).offset, off);				\
		EXPECT_HEX((c).mask, m);				\
		EXPECT_HEX((c).value, v);				\
	} while (0)

static void test_changes(void)
{
	struct pgr_change c;

	/* GPFSEL: 3 bits a pin, 10 pins a word */
	EXPECT_INT(pgr_regs_fsel_change(soc54, 17, 0x1, &c), 0);
	EXPECT_CHANGE(c, GPFSEL1, 0x00e00000, 0x00200000);
	EXPECT_INT(pgr_regs_fsel_change(soc54, 14, 0x4, &c), 0);
	EXPECT_CHANGE(c, GPFSEL1, 0x00007000, 0x00004000);
	EXPECT_INT(pgr_regs_fsel_change(soc58, 57, 0x2, &c), 0);
	EXPECT_CHANGE(c, GPFSEL5, 0x00e00000, 0x00400000);
	EXPECT_INT(pgr_regs_fsel_change(soc54, 0, 0x0, &c), 0);
	EXPECT_CHANGE(c, GPFSEL0, 0x00000007, 0x00000000);
	EXPECT_INT(pgr_regs_fsel_change(soc54, 54, 0x1, &c), -EINVAL);
	EXPECT_INT(pgr_regs_fsel_change(soc54, 17, 0x8, &c), -EINVAL);

	/* events: one bit in one of six register pairs */
	EXPECT_INT(pgr_regs_event_change(soc54, 17, 0, 1, &c), 0);
	EXPECT_CHANGE(c, GPREN0, 0x00020000, 0x00020000);
	EXPECT_INT(pgr_regs_event_change(soc54, 17, 1, 0, &c), 0);
	EXPECT_CHANGE(c, GPFEN0, 0x00020000, 0x00000000);
	EXPECT_INT(pgr_regs_event_change(soc54, 33, 2, 1, &c), 0);
	EXPECT_CHANGE(c, GPHEN1, 0x00000002, 0x00000002);
	EXPECT_INT(pgr_regs_event_change(soc54, 0, 3, 1, &c), 0);
	EXPECT_CHANGE(c, GPLEN0, 0x00000001, 0x00000001);
	EXPECT_INT(pgr_regs_event_change(soc54, 31, 4, 1, &c), 0);
	EXPECT_CHANGE(c, GPAREN0, 0x80000000, 0x80000000);
	EXPECT_INT(pgr_regs_event_change(soc58, 57, 5, 1, &c), 0);
	EXPECT_CHANGE(c, GPAFEN1, 0x02000000, 0x02000000);
	EXPECT_INT(pgr_regs_event_change(soc54, 54, 0, 1, &c), -EINVAL);
	EXPECT_INT(pgr_regs_event_change(soc54, 17, 6, 1, &c), -EINVAL);

	/* BCM2711 pulls: 2 bits a pin, 16 pins a word, 01 up, 10 down */
	EXPECT_INT(pgr_regs_pull_change(soc58, 0, 0x1, &c), 0);
	EXPECT_CHANGE(c, PUP_PDN_CNTRL0, 0x00000003, 0x00000001);
	EXPECT_INT(pgr_regs_pull_change(soc58, 17, 0x2, &c), 0);
	EXPECT_CHANGE(c, PUP_PDN_CNTRL1, 0x0000000c, 0x00000008);
	EXPECT_INT(pgr_regs_pull_change(soc58, 57, 0x1, &c), 0);
	EXPECT_CHANGE(c, PUP_PDN_CNTRL3, 0x000c0000, 0x00040000);
	EXPECT_INT(pgr_regs_pull_change(soc58, 15, 0x0, &c), 0);
	EXPECT_CHANGE(c, PUP_PDN_CNTRL0, 0xc0000000, 0x00000000);
	EXPECT_INT(pgr_regs_pull_change(soc58, 17, 0x3, &c), -EINVAL);
	EXPECT_INT(pgr_regs_pull_change(soc58, 58, 0x1, &c), -EINVAL);
	/* no pull registers on a GPPUD SoC */
	EXPECT_INT(pgr_regs_pull_change(soc54, 17, 0x1, &c), -EINVAL);
}

static void test_apply(void)
{
	struct pgr_change c = { .offset = GPFSEL1, .mask = 0x00e00000,
				.value = 0x00200000 };

	fill(BG_ONES);
	snapshot();
	EXPECT_HEX(pgr_regs_apply(block, &c), 0xffffffff);
	EXPECT_HEX(REG(GPFSEL1), 0xff3fffff);
	EXPECT_ONLY_CHANGED(GPFSEL1);

	fill(BG_PATTERN);
	REG(PUP_PDN_CNTRL1) = 0x55555555;
	snapshot();
	c = (struct pgr_change){ .offset = PUP_PDN_CNTRL1, .mask = 0x0000000c,
				 .value = 0x00000008 };
	EXPECT_HEX(pgr_regs_apply(block, &c), 0x55555555);
	EXPECT_HEX(REG(PUP_PDN_CNTRL1), 0x55555559);
	EXPECT_ONLY_CHANGED(PUP_PDN_CNTRL1);
}

static void test_read_pull_and_events(void)
{
	fill(BG_ZERO);
	REG(PUP_PDN_CNTRL0) = 0x00000009;	/* pin 0 up (01), pin 1 down (10) */
	REG(PUP_PDN_CNTRL3) = 0x000c0000;	/* pin 57 reserved 11 */
	snapshot();
	EXPECT_INT(pgr_regs_get_pull(block, soc58, 0), 1);
	EXPECT_INT(pgr_regs_get_pull(block, soc58, 1), 2);
	EXPECT_INT(pgr_regs_get_pull(block, soc58, 2), 0);
	EXPECT_INT(pgr_regs_get_pull(block, soc58, 57), 3);
	EXPECT_INT(pgr_regs_get_pull(block, soc58, 58), -EINVAL);
	EXPECT_INT(pgr_regs_get_pull(block, soc54, 0), -EINVAL);

	REG(GPREN0) = 0x00020000;
	REG(GPAREN0 + 0) = 0x00020000;
	REG(GPAFEN1) = 0x00200000;		/* pin 53 */
	snapshot();
	EXPECT_HEX(pgr_regs_get_events(block, soc54, 17), 0x11);
	EXPECT_HEX(pgr_regs_get_events(block, soc54, 53), 0x20);
	EXPECT_HEX(pgr_regs_get_events(block, soc54, 16), 0);
	EXPECT_INT(pgr_regs_get_events(block, soc54, 54), -EINVAL);
	EXPECT_UNTOUCHED();
}

static void test_gppud_sequence(void)
{
	EXPECT_INT(pgr_regs_gppud_check(soc54, 0, 0x00020000, 2), 0);
	EXPECT_INT(pgr_regs_gppud_check(soc54, 1, 0x003fffff, 1), 0);
	EXPECT_INT(pgr_regs_gppud_check(soc54, 1, 0x00400000, 1), -EINVAL);
	EXPECT_INT(pgr_regs_gppud_check(soc54, 2, 1, 1), -EINVAL);
	EXPECT_INT(pgr_regs_gppud_check(soc54, 0, 1, 3), -EINVAL);
	EXPECT_INT(pgr_regs_gppud_check(soc58, 0, 1, 1), -EINVAL);

	fill(BG_PATTERN);
	snapshot();
	pgr_regs_gppud_start(block, 0x2);	/* GPPUD 10 = up */
	EXPECT_HEX(REG(GPPUD), 0x00000002);
	EXPECT_ONLY_CHANGED(GPPUD);
	pgr_regs_gppud_clock(block, 1, 0x00200000);
	EXPECT_HEX(REG(GPPUDCLK1), 0x00200000);
	EXPECT_ONLY_CHANGED2(GPPUD, GPPUDCLK1);
	pgr_regs_gppud_end(block, 1);
	EXPECT_HEX(REG(GPPUD), 0);
	EXPECT_HEX(REG(GPPUDCLK1), 0);
	EXPECT_ONLY_CHANGED2(GPPUD, GPPUDCLK1);

	fill(BG_ZERO);
	snapshot();
	pgr_regs_gppud_start(block, 0x1);	/* GPPUD 01 = down */
	EXPECT_HEX(REG(GPPUD), 0x00000001);
	pgr_regs_gppud_clock(block, 0, 0x00020000);
	EXPECT_HEX(REG(GPPUDCLK0), 0x00020000);
	pgr_regs_gppud_end(block, 0);
	EXPECT_UNTOUCHED();
}

static void test_alt_names(void)
{
	/* BCM2835 ARM Peripherals table 6-31; BCM2711 section 5.3 */
	EXPECT_STR(pgr_regs_alt_name(soc54, 14, 0), "TXD0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 15, 0), "RXD0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 14, 5), "TXD1");
	EXPECT_STR(pgr_regs_alt_name(soc54, 0, 0), "SDA0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 3, 0), "SCL1");
	EXPECT_STR(pgr_regs_alt_name(soc54, 18, 0), "PCM_CLK");
	EXPECT_STR(pgr_regs_alt_name(soc54, 18, 4), "SPI1_CE0_N");
	EXPECT_STR(pgr_regs_alt_name(soc54, 12, 0), "PWM0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 40, 0), "PWM0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 32, 3), "TXD0");
	EXPECT_STR(pgr_regs_alt_name(soc54, 48, 0), "SD0_CLK");
	EXPECT_STR(pgr_regs_alt_name(soc54, 53, 3), "SD1_DAT3");
	EXPECT_STR(pgr_regs_alt_name(soc54, 4, 5), "ARM_TDI");
	EXPECT(!pgr_regs_alt_name(soc54, 0, 5), "GPIO0 ALT5 is reserved");
	EXPECT(!pgr_regs_alt_name(soc54, 54, 0), "no GPIO54 on bcm2837");
	EXPECT(!pgr_regs_alt_name(soc54, 14, 6), "no ALT6");
	EXPECT_STR(pgr_regs_alt_name(soc58, 14, 0), "TXD0");
	EXPECT_STR(pgr_regs_alt_name(soc58, 0, 4), "TXD2");
	EXPECT_STR(pgr_regs_alt_name(soc58, 4, 4), "TXD3");
	EXPECT_STR(pgr_regs_alt_name(soc58, 8, 4), "TXD4");
	EXPECT_STR(pgr_regs_alt_name(soc58, 12, 4), "TXD5");
	EXPECT_STR(pgr_regs_alt_name(soc58, 0, 5), "SDA6");
	EXPECT_STR(pgr_regs_alt_name(soc58, 12, 0), "PWM0_0");
	EXPECT_STR(pgr_regs_alt_name(soc58, 40, 0), "PWM1_0");
	EXPECT(!pgr_regs_alt_name(soc58, 16, 0), "BCM2711 GPIO16 ALT0 is reserved");
	EXPECT(!pgr_regs_alt_name(soc58, 58, 0), "no GPIO58");
}

int main(void)
{
	const struct pgr_soc *socs[2];
	unsigned s, c;

	soc54 = pgr_soc_lookup("bcm2837");
	soc58 = pgr_soc_lookup("bcm2711");
	CHECK_RUN("regs/soc-table", test_soc_table);
	if (!soc54 || !soc58)
		return check_exit();
	socs[0] = soc54;
	socs[1] = soc58;

	CHECK_RUN("regs/fsel/datasheet-constants", test_fsel_datasheet);
	CHECK_RUN("regs/fsel/rmw-keeps-neighbours", test_fsel_rmw_keeps_neighbours);
	CHECK_RUN("regs/fsel/get-datasheet-constants", test_fsel_get_datasheet);
	for (s = 0; s < 2; s++) {
		for (c = 0; c < NCODES; c++) {
			check_begin("regs/fsel/every-pin/%s/%s", socs[s]->name,
				    codes[c].name);
			fsel_sweep(socs[s], codes[c].code);
			check_end();
		}
	}
	CHECK_RUN("regs/fsel/rejects-bad-pin-and-code", test_fsel_rejects);

	CHECK_RUN("regs/write/datasheet-constants", test_write_datasheet);
	for (s = 0; s < 2; s++) {
		check_begin("regs/write/every-pin/%s", socs[s]->name);
		write_sweep(socs[s]);
		check_end();
	}
	CHECK_RUN("regs/write/rejects-bad-pin-and-level", test_write_rejects);

	CHECK_RUN("regs/read/datasheet-constants", test_read_datasheet);
	for (s = 0; s < 2; s++) {
		check_begin("regs/read/every-pin/%s", socs[s]->name);
		read_sweep(socs[s]);
		check_end();
	}

	CHECK_RUN("regs/bank/pins", test_bank_pins);
	CHECK_RUN("regs/bank/set-clear-exact-store", test_bank_store);
	CHECK_RUN("regs/bank/rejects-absent-pins-and-banks", test_bank_rejects);
	CHECK_RUN("regs/bank/read-masks-absent-pins", test_bank_read);
	CHECK_RUN("regs/bank/write-sets-ones-clears-zeros", test_bank_write);
	CHECK_RUN("regs/toggle", test_toggle);
	CHECK_RUN("regs/events/status-and-clear", test_events_status);
	CHECK_RUN("regs/changes/datasheet-constants", test_changes);
	CHECK_RUN("regs/changes/apply-rmw", test_apply);
	CHECK_RUN("regs/read-pull-and-events", test_read_pull_and_events);
	CHECK_RUN("regs/gppud/sequence", test_gppud_sequence);
	CHECK_RUN("regs/altfuncs/datasheet-names", test_alt_names);

	return check_exit();
}
