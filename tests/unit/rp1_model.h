/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A register model of the RP1's GPIO (Raspberry Pi 5) for host tests. No
 * emulator boots a Pi 5 or models the RP1, so the library's RP1 code is
 * checked against this, written from the facts below and not from the
 * library (none of its headers is used here):
 *
 *  - the window is Raspberry Pi's /dev/gpiomem0: IO_BANK0 at 0, SYS_RIO0
 *    at 0x10000, PADS_BANK0 at 0x20000 (raspberrypi/utils pinctrl, 0x30000
 *    bytes); each block 0xc000 bytes (rp1.dtsi), banks 0/1/2 = GPIO 0-27 /
 *    28-33 / 34-53 at +0x0/+0x4000/+0x8000 of each block;
 *  - every register has atomic aliases: a store to +0x1000 XORs, +0x2000
 *    sets, +0x3000 clears its bits in the register (RP1 datasheet 2.4,
 *    used so by the kernel's pinctrl-rp1.c);
 *  - IO_BANK: STATUS at 8n (read-only), CTRL at 8n + 4: FUNCSEL 4:0
 *    (5 = SYS_RIO, 0x1f = null), OUTOVER 13:12, OEOVER 15:14 (0 from the
 *    function, 1 inverted, 2 low/disabled, 3 high/enabled);
 *  - SYS_RIO: OUT 0x0, OE 0x4, NOSYNC_IN 0x8 and SYNC_IN 0xc (inputs:
 *    read-only), bit n for pin n of the bank;
 *  - PADS: pin n at 0x4 + 4n: slew 0 (1 fast), schmitt 1, pull-down 2,
 *    pull-up 3, drive 5:4 (0-3: 2, 4, 8, 12 mA), input enable 6, output
 *    disable 7 (pinctrl-rp1.c's RP1_PAD_*; drive and slew change no level,
 *    so the model keeps them as stored and derives nothing from them).
 *
 * A plain file cannot act on a store the way the chip does, so the model
 * acts on what a step (one library call: settle after each) left in it;
 * two stores to one word in a step would show as the last. Every word that
 * changed since rp1m_begin() is one store. A nonzero word at an alias
 * address is applied to its register as the chip would and the alias word
 * is emptied again (a store of 0 to an alias does nothing on the chip
 * either); a changed word at a register's own address is a plain store.
 * rp1m_settle() fails the step where the chip's result would depend on
 * an order the model cannot see (a SET and a CLR, or an XOR and another
 * store, of overlapping bits of one register), for a store to a read-only
 * register, outside the registers or in the unbacked gap of a block.
 * Then the inputs are derived: a pin drives its pad when its function's
 * output enable (only SYS_RIO's is modelled: its OE bit; other functions
 * drive nothing), after the CTRL overrides, is on and the pad's output is
 * not disabled; an undriven pad is the test's outside level, else its
 * pull (pull-down or none reads 0); NOSYNC_IN and SYNC_IN show the pad
 * only where its input is enabled.
 *
 * The model starts with every pin's FUNCSEL null and every pad's input
 * disabled and output disabled: nothing works until the library sets the
 * function and the pad up, so a library that forgot the pad fails.
 */
#ifndef RP1_MODEL_H
#define RP1_MODEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RP1M_WINDOW	0x30000
#define RP1M_WORDS	(RP1M_WINDOW / 4)
#define RP1M_IO_BANK	0x00000
#define RP1M_SYS_RIO	0x10000
#define RP1M_PADS	0x20000
#define RP1M_BLOCK_SIZE	0xc000
#define RP1M_BANK(b)	(0x4000 * (b))
#define RP1M_XOR	0x1000
#define RP1M_SET	0x2000
#define RP1M_CLR	0x3000
#define RP1M_STATUS(n)	(8 * (n))
#define RP1M_CTRL(n)	(8 * (n) + 4)
#define RP1M_OUT	0x0
#define RP1M_OE		0x4
#define RP1M_NOSYNC_IN	0x8
#define RP1M_SYNC_IN	0xc
#define RP1M_PAD(n)	(4 + 4 * (n))
#define RP1M_PAD_SLEWFAST	0x01u
#define RP1M_PAD_SCHMITT	0x02u
#define RP1M_PAD_PDE	0x04u
#define RP1M_PAD_PUE	0x08u
#define RP1M_PAD_IE	0x40u
#define RP1M_PAD_OD	0x80u
#define RP1M_PAD_DRIVE	0x30u	/* 0x00 2 mA, 0x10 4, 0x20 8, 0x30 12 */
#define RP1M_FUNCSEL	0x1fu
#define RP1M_SYS_RIO_FN	5
#define RP1M_NULL_FN	0x1f
#define RP1M_PINS	54
#define RP1M_MAX_STORES	64

/* The first pin of each bank, and one past the last. */
static const unsigned rp1m_first[4] = { 0, 28, 34, 54 };

struct rp1m_store {
	unsigned offset;	/* where the word changed */
	uint32_t value;		/* what was stored */
	bool plain;		/* at a register's own address */
};

struct rp1_model {
	volatile uint32_t *w;		/* the window (the test's mapping) */
	uint32_t before[RP1M_WORDS];	/* at the start of the step */
	int outside[RP1M_PINS];		/* -1 nothing, else the level driven */
	unsigned nstores;		/* the last step's stores, by address */
	struct rp1m_store stores[RP1M_MAX_STORES];
	unsigned plain;			/* how many were plain stores */
	char error[200];
};

static inline void rp1m_bank_of(unsigned pin, unsigned *bank, unsigned *n)
{
	*bank = pin < 28 ? 0 : pin < 34 ? 1 : 2;
	*n = pin - rp1m_first[*bank];
}

/* Byte offset of register reg of bank in block. */
static inline unsigned rp1m_at(unsigned block, unsigned bank, unsigned reg)
{
	return block + RP1M_BANK(bank) + reg;
}

static inline uint32_t rp1m_get(const struct rp1_model *m, unsigned offset)
{
	return m->w[offset / 4];
}

static inline void rp1m_put(struct rp1_model *m, unsigned offset,
			    uint32_t value)
{
	m->w[offset / 4] = value;
}

/* The pin's words, by pin number. */
static inline unsigned rp1m_ctrl(unsigned pin)
{
	unsigned bank, n;

	rp1m_bank_of(pin, &bank, &n);
	return rp1m_at(RP1M_IO_BANK, bank, RP1M_CTRL(n));
}

static inline unsigned rp1m_pad(unsigned pin)
{
	unsigned bank, n;

	rp1m_bank_of(pin, &bank, &n);
	return rp1m_at(RP1M_PADS, bank, RP1M_PAD(n));
}

static inline unsigned rp1m_rio(unsigned pin, unsigned reg)
{
	unsigned bank, n;

	rp1m_bank_of(pin, &bank, &n);
	return rp1m_at(RP1M_SYS_RIO, bank, reg);
}

static inline uint32_t rp1m_bit(unsigned pin)
{
	unsigned bank, n;

	rp1m_bank_of(pin, &bank, &n);
	return UINT32_C(1) << n;
}

/*
 * What the word at offset is: 1 a writable register, 2 a read-only one,
 * 0 no register; *reg its register's own offset, *alias 0 or the alias.
 */
static inline int rp1m_decode(unsigned offset, unsigned *reg,
			      unsigned *alias)
{
	unsigned block = offset / 0x10000 * 0x10000;
	unsigned in = offset % 0x10000, bank = in / 0x4000, r = in % 0x1000;
	unsigned pins;

	if (offset >= RP1M_WINDOW || in >= RP1M_BLOCK_SIZE || offset % 4)
		return 0;
	pins = rp1m_first[bank + 1] - rp1m_first[bank];
	*alias = in % 0x4000 / 0x1000 * 0x1000;
	*reg = block + RP1M_BANK(bank) + r;
	if (block == RP1M_IO_BANK)
		return r < 8 * pins ? (r % 8 ? 1 : 2) : 0;
	if (block == RP1M_SYS_RIO)
		return r == RP1M_OUT || r == RP1M_OE ? 1 :
		       r == RP1M_NOSYNC_IN || r == RP1M_SYNC_IN ? 2 : 0;
	return r <= 4 * pins ? 1 : 0;	/* PADS: voltage select and pins */
}

/* The inputs, from the outputs, overrides, pads and outside levels. */
static inline void rp1m_derive(struct rp1_model *m)
{
	uint32_t in[3] = { 0, 0, 0 };
	unsigned pin, bank, n, outover, oeover;
	uint32_t ctrl, pad, bit;
	int out, oe, level;

	for (pin = 0; pin < RP1M_PINS; pin++) {
		rp1m_bank_of(pin, &bank, &n);
		bit = UINT32_C(1) << n;
		ctrl = rp1m_get(m, rp1m_ctrl(pin));
		pad = rp1m_get(m, rp1m_pad(pin));
		out = oe = 0;
		if ((ctrl & RP1M_FUNCSEL) == RP1M_SYS_RIO_FN) {
			out = (rp1m_get(m, rp1m_rio(pin, RP1M_OUT)) & bit) != 0;
			oe = (rp1m_get(m, rp1m_rio(pin, RP1M_OE)) & bit) != 0;
		}
		outover = (ctrl >> 12) & 3;
		oeover = (ctrl >> 14) & 3;
		out = outover == 0 ? out : outover == 1 ? !out : outover == 3;
		oe = oeover == 0 ? oe : oeover == 1 ? !oe : oeover == 3;
		if (oe && !(pad & RP1M_PAD_OD))
			level = out;
		else if (m->outside[pin] >= 0)
			level = m->outside[pin];
		else
			level = (pad & RP1M_PAD_PUE) && !(pad & RP1M_PAD_PDE);
		if (level && (pad & RP1M_PAD_IE))
			in[bank] |= bit;
	}
	for (bank = 0; bank < 3; bank++) {
		rp1m_put(m, rp1m_at(RP1M_SYS_RIO, bank, RP1M_NOSYNC_IN), in[bank]);
		rp1m_put(m, rp1m_at(RP1M_SYS_RIO, bank, RP1M_SYNC_IN), in[bank]);
	}
}

/* Start a step: what is in the window now is the chip's state. */
static inline void rp1m_begin(struct rp1_model *m)
{
	unsigned i;

	for (i = 0; i < RP1M_WORDS; i++)
		m->before[i] = m->w[i];
	m->nstores = 0;
	m->plain = 0;
	m->error[0] = '\0';
}

/* The state after power-up as the model has it (see the top). */
static inline void rp1m_reset(struct rp1_model *m, volatile uint32_t *window)
{
	unsigned pin, i;

	m->w = window;
	for (i = 0; i < RP1M_WORDS; i++)
		m->w[i] = 0;
	for (pin = 0; pin < RP1M_PINS; pin++) {
		m->outside[pin] = -1;
		rp1m_put(m, rp1m_ctrl(pin), RP1M_NULL_FN);
		rp1m_put(m, rp1m_pad(pin), RP1M_PAD_OD);
	}
	rp1m_derive(m);
	rp1m_begin(m);
}

__attribute__((format(printf, 2, 3)))
static inline int rp1m_fail(struct rp1_model *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->error, sizeof(m->error), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * End a step: apply its stores as the chip would, derive the inputs and
 * begin the next step. 0, or -1 with the reason in m->error.
 */
static inline int rp1m_settle(struct rp1_model *m)
{
	uint32_t x, s, c, now;
	unsigned i, j, reg, alias, kind;
	bool plain_too;

	m->nstores = 0;
	m->plain = 0;
	for (i = 0; i < RP1M_WORDS; i++) {
		now = m->w[i];
		if (now == m->before[i])
			continue;
		kind = (unsigned)rp1m_decode(4 * i, &reg, &alias);
		if (kind == 0)
			return rp1m_fail(m, "store of 0x%08x at 0x%05x: no register there",
					 now, 4 * i);
		if (kind == 2)
			return rp1m_fail(m, "store of 0x%08x at 0x%05x: a read-only register (0x%05x)",
					 now, 4 * i, reg);
		if (m->nstores == RP1M_MAX_STORES)
			return rp1m_fail(m, "more than %d stores in one step",
					 RP1M_MAX_STORES);
		m->stores[m->nstores].offset = 4 * i;
		m->stores[m->nstores].value = now;
		m->stores[m->nstores].plain = alias == 0;
		m->nstores++;
		if (alias == 0)
			m->plain++;
	}
	/* Each register with alias stores: XOR, SET, CLR as the chip does. */
	for (i = 0; i < m->nstores; i++) {
		if (rp1m_decode(m->stores[i].offset, &reg, &alias) != 1 ||
		    alias == 0)
			continue;
		x = rp1m_get(m, reg + RP1M_XOR);
		s = rp1m_get(m, reg + RP1M_SET);
		c = rp1m_get(m, reg + RP1M_CLR);
		if (!(x | s | c))
			continue;	/* applied at its first alias store */
		plain_too = false;
		for (j = 0; j < m->nstores; j++)
			if (m->stores[j].offset == reg)
				plain_too = true;
		if (plain_too)
			return rp1m_fail(m, "0x%05x: a plain store and an alias store in one step",
					 reg);
		if ((s & c) || (x & (s | c)))
			return rp1m_fail(m, "0x%05x: XOR 0x%08x SET 0x%08x CLR 0x%08x overlap: the order decides",
					 reg, x, s, c);
		now = ((rp1m_get(m, reg) ^ x) | s) & ~c;
		rp1m_put(m, reg, now);
		rp1m_put(m, reg + RP1M_XOR, 0);
		rp1m_put(m, reg + RP1M_SET, 0);
		rp1m_put(m, reg + RP1M_CLR, 0);
	}
	rp1m_derive(m);
	i = m->nstores;
	j = m->plain;
	rp1m_begin(m);
	m->nstores = i;		/* kept for the test to look at */
	m->plain = j;
	return 0;
}

/* Drive pin from outside (level 0/1) or leave it floating (-1). */
static inline void rp1m_outside(struct rp1_model *m, unsigned pin, int level)
{
	m->outside[pin] = level;
	rp1m_derive(m);
	rp1m_begin(m);
}

/* Set a register's own word as if the chip had it (no step). */
static inline void rp1m_poke(struct rp1_model *m, unsigned offset,
			     uint32_t value)
{
	rp1m_put(m, offset, value);
	rp1m_derive(m);
	rp1m_begin(m);
}

#endif /* RP1_MODEL_H */
