// SPDX-License-Identifier: GPL-2.0-only
/*
 * A live register model for `pigpio-regs selftest` against a simulated
 * block (tests/unit/test_selftest.sh). The CLI maps a plain file as its
 * window; this process maps the same file and, every millisecond, does to
 * it what the chip would do to the stores the CLI made:
 *
 *  BCM2835/6/7, BCM2711: a store to GPSETn/GPCLRn sets/clears the output
 *    latch and reads back 0 (the word is taken with an atomic exchange, so
 *    no store is lost); GPLEVn shows the latch for pins whose GPFSEL is
 *    output, else the level the pin had when the model started ("outside").
 *  RP1: a store to a register's XOR/SET/CLR alias (+0x1000/0x2000/0x3000)
 *    is applied to the register and the alias reads back 0; RIO SYNC_IN
 *    and NOSYNC_IN show, where the pad's input is enabled, RIO OUT for a
 *    pin whose FUNCSEL is SYS_RIO with RIO OE set and its pad's output not
 *    disabled (CTRL overrides as the datasheet says), else the outside level.
 *
 * Pulls are not modelled unless asked: a plain file has none, which is
 * what selftest must call NOT OBSERVABLE. Options:
 *   --pulls           an undriven pin reads its pull (BCM2711 PUP_PDN,
 *                     RP1 pad PUE/PDE; not BCM2835/6/7's GPPUD sequence)
 *   --inverted-pulls  ... the opposite of its pull (a broken chip)
 *   --stuck-level     the level register never changes (a broken chip)
 *
 * usage: selftest_sim [OPTIONS] SOC FILE READY_FILE
 * READY_FILE is created once the model has made its first pass; SIGTERM
 * ends it after one more pass. Exit status 3: some pass found stores to
 * two aliases of one bit (GPSET and GPCLR, or two of XOR/SET/CLR) that a
 * chip applies in the order they came, which the file cannot show: the
 * block it left may not be what the chip would hold. Whatever the model writes, it writes only
 * when the value changes, so an idle block stays byte-identical.
 */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TICK_NS		1000000L

/* BCM */
#define GPFSEL0		0x00
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34
#define PUP_PDN0	0xe4

/* RP1 */
#define RP1_WINDOW	0x30000
#define SYS_RIO		0x10000
#define PADS		0x20000
#define BANK		0x4000
#define XOR		0x1000
#define SET		0x2000
#define CLR		0x3000
#define RIO_OUT		0x0
#define RIO_OE		0x4
#define RIO_NOSYNC_IN	0x8
#define RIO_SYNC_IN	0xc
#define PAD_PDE		0x04u
#define PAD_PUE		0x08u
#define PAD_IE		0x40u
#define PAD_OD		0x80u
#define RP1_PINS	54

static const unsigned rp1_first[4] = { 0, 28, 34, 54 };

static volatile sig_atomic_t done;
static volatile uint32_t *w;
static bool pulls, inverted, stuck, rp1, bcm2711;
static unsigned ngpio;
static int outside[64];
/* Passes that met stores whose order decides the result (exit 3). */
static unsigned unordered;

static void on_term(int sig)
{
	(void)sig;
	done = 1;
}

static uint32_t get(unsigned offset)
{
	return w[offset / 4];
}

static void put(unsigned offset, uint32_t value)
{
	if (w[offset / 4] != value)
		w[offset / 4] = value;
}

static uint32_t take(unsigned offset)
{
	return __atomic_exchange_n((uint32_t *)&w[offset / 4], 0,
				   __ATOMIC_SEQ_CST);
}

/* The level of an undriven pin: its pull if modelled, else outside. */
static int undriven(unsigned pin, bool up, bool down)
{
	if (pulls && up != down)
		return up != inverted;
	return outside[pin];
}

static void bcm_pass(uint32_t latch[2])
{
	uint32_t lev[2] = { 0, 0 }, s, c;
	unsigned b, pin, fsel, pull;
	int level;

	for (b = 0; b < 2; b++) {
		s = take(GPSET0 + 4 * b);
		c = take(GPCLR0 + 4 * b);
		unordered += !!(s & c);
		latch[b] = (latch[b] | s) & ~c;
	}
	for (pin = 0; pin < ngpio; pin++) {
		fsel = (get(GPFSEL0 + 4 * (pin / 10)) >> (3 * (pin % 10))) & 7;
		pull = bcm2711 ?
		       (get(PUP_PDN0 + 4 * (pin / 16)) >> (2 * (pin % 16))) & 3 : 0;
		if (fsel == 1)
			level = (latch[pin / 32] >> (pin % 32)) & 1;
		else
			level = undriven(pin, pull == 1, pull == 2);
		if (level)
			lev[pin / 32] |= UINT32_C(1) << (pin % 32);
	}
	if (!stuck)
		for (b = 0; b < 2; b++)
			put(GPLEV0 + 4 * b, lev[b]);
}

static void rp1_bank(unsigned pin, unsigned *bank, unsigned *n)
{
	*bank = pin < 28 ? 0 : pin < 34 ? 1 : 2;
	*n = pin - rp1_first[*bank];
}

/* Apply the alias stores to the register at reg. */
static void rp1_aliases(unsigned reg)
{
	uint32_t x = take(reg + XOR), s = take(reg + SET), c = take(reg + CLR);

	unordered += !!((x & s) | (x & c) | (s & c));
	if (x | s | c)
		put(reg, ((get(reg) ^ x) & ~c) | s);
}

static void rp1_pass(void)
{
	uint32_t in[3] = { 0, 0, 0 }, ctrl, pad, bit;
	unsigned bank, n, pins, pin, outover, oeover;
	int out, oe, level;

	for (bank = 0; bank < 3; bank++) {
		pins = rp1_first[bank + 1] - rp1_first[bank];
		for (n = 0; n < pins; n++) {
			rp1_aliases(BANK * bank + 8 * n + 4);		/* CTRL */
			rp1_aliases(PADS + BANK * bank + 4 + 4 * n);	/* pad */
		}
		rp1_aliases(SYS_RIO + BANK * bank + RIO_OUT);
		rp1_aliases(SYS_RIO + BANK * bank + RIO_OE);
	}
	for (pin = 0; pin < RP1_PINS; pin++) {
		rp1_bank(pin, &bank, &n);
		bit = UINT32_C(1) << n;
		ctrl = get(BANK * bank + 8 * n + 4);
		pad = get(PADS + BANK * bank + 4 + 4 * n);
		out = oe = 0;
		if ((ctrl & 0x1f) == 5) {
			out = !!(get(SYS_RIO + BANK * bank + RIO_OUT) & bit);
			oe = !!(get(SYS_RIO + BANK * bank + RIO_OE) & bit);
		}
		outover = (ctrl >> 12) & 3;
		oeover = (ctrl >> 14) & 3;
		out = outover == 0 ? out : outover == 1 ? !out : outover == 3;
		oe = oeover == 0 ? oe : oeover == 1 ? !oe : oeover == 3;
		if (oe && !(pad & PAD_OD))
			level = out;
		else
			level = undriven(pin, pad & PAD_PUE, pad & PAD_PDE);
		if (level && (pad & PAD_IE))
			in[bank] |= bit;
	}
	if (!stuck)
		for (bank = 0; bank < 3; bank++) {
			put(SYS_RIO + BANK * bank + RIO_NOSYNC_IN, in[bank]);
			put(SYS_RIO + BANK * bank + RIO_SYNC_IN, in[bank]);
		}
}

int main(int argc, char *argv[])
{
	struct timespec tick = { 0, TICK_NS };
	struct sigaction sa;
	uint32_t latch[2];
	unsigned pin, bank, n;
	size_t size;
	int i, fd;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--pulls")) {
			pulls = true;
		} else if (!strcmp(argv[i], "--inverted-pulls")) {
			pulls = inverted = true;
		} else if (!strcmp(argv[i], "--stuck-level")) {
			stuck = true;
		} else {
			fprintf(stderr, "selftest_sim: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (argc - i != 3) {
		fprintf(stderr, "usage: selftest_sim [--pulls|--inverted-pulls] [--stuck-level] SOC FILE READY_FILE\n");
		return 2;
	}
	rp1 = !strcmp(argv[i], "rp1");
	bcm2711 = !strcmp(argv[i], "bcm2711");
	ngpio = rp1 ? RP1_PINS : bcm2711 ? 58 : 54;
	size = rp1 ? RP1_WINDOW : 4096;
	fd = open(argv[i + 1], O_RDWR);
	if (fd < 0) {
		perror(argv[i + 1]);
		return 1;
	}
	w = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED) {
		perror("mmap");
		return 1;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	/* What the pins read now is what an undriven pin reads from outside. */
	for (pin = 0; pin < ngpio; pin++) {
		if (rp1) {
			rp1_bank(pin, &bank, &n);
			outside[pin] = (get(SYS_RIO + BANK * bank + RIO_SYNC_IN) >> n) & 1;
		} else {
			outside[pin] = (get(GPLEV0 + 4 * (pin / 32)) >> (pin % 32)) & 1;
		}
	}
	latch[0] = get(GPLEV0);
	latch[1] = get(GPLEV0 + 4);

	for (i = 0; !done; i++) {
		if (rp1)
			rp1_pass();
		else
			bcm_pass(latch);
		if (i == 0 && close(open(argv[argc - 1], O_WRONLY | O_CREAT, 0644)) < 0) {
			perror(argv[argc - 1]);
			return 1;
		}
		nanosleep(&tick, NULL);
	}
	/* A last pass for the stores made just before the end. */
	if (rp1)
		rp1_pass();
	else
		bcm_pass(latch);
	if (unordered) {
		fprintf(stderr, "selftest_sim: %u passes met stores to two aliases of one bit, order unknown\n",
			unordered);
		return 3;
	}
	return 0;
}
