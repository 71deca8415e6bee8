// SPDX-License-Identifier: GPL-2.0-only
/*
 * One chip shared by threads, built with ThreadSanitizer (tests/unit/run.sh):
 * the library's thread rules (pigpioregs.h, "Threads") must hold with no
 * data race the sanitizer can see and no configuration change lost or
 * mixed with another, on BCM2837, BCM2711 and RP1 blocks, on the driver
 * path and on the fallback path.
 *
 * The block is a regular file, and the library is built for this test
 * with PGR_TEST_REGISTER_MODEL (user/lib/regs.h): its register accesses
 * come here, to a model that does at once what the chip does (below), with
 * atomic operations, as one bus access each. While threads make their
 * changes, every access is followed by sched_yield(): two cores then
 * interleave read-modify-writes often enough that a missing lock shows in
 * every run. The lines (pgr_line_*, inline in pigpioregs.h) store through
 * their own pointers, past the model: they are driven here only so that
 * the sanitizer sees them (tsan.supp excuses their level stores).
 *
 * The driver path is a devcall (the library's test hook) that makes each
 * change under one mutex, as the driver does under its lock; the fallback
 * path is the file itself, which answers every ioctl with ENOTTY.
 *
 * Each test runs THREADS threads in rounds. In a round every thread makes
 * its changes, then (after a barrier) reads back the state of its own pins
 * through the library while thread 0 checks every configuration word of
 * the block against what all threads asked for; then a second barrier.
 * A change lost in any round fails that round.
 *
 *  own-pins: each thread owns four pins, which share their GPFSEL, pull
 *    and event-enable words with other threads' pins; it changes their
 *    function, pull, event detectors (BCM) or drive and slew (RP1) and
 *    level every round.
 *  two-threads-one-pin: threads in pairs; each round one of the pair puts
 *    its pins in a start state, then both change the same pins to
 *    different functions, pulls (and RP1 drives) at once: the result must
 *    be one of the two (RP1: FUNCSEL changed by XOR of the old and new
 *    value must not end as a third function, the pulls never both on,
 *    the drive never the OR of both).
 *  pull-enotty-path-decided-at-open: a device that takes UPDATE but not
 *    PULL: the path is decided once at open (the fallback, since not
 *    every change can go to the driver) and never written afterwards.
 */
#define _GNU_SOURCE	/* pthread_barrier_t, sched_yield() */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "internal.h"	/* pgr_chip_set_devcall(), the test hook */
#include "pigpioregs.h"
#include "rp1_model.h"	/* the RP1's offsets and bits (not its stepping) */

#ifndef PGR_TEST_REGISTER_MODEL
#error "build the library and this test with -DPGR_TEST_REGISTER_MODEL (run.sh)"
#endif

#define THREADS		8
#define PINS_EACH	4
#define MAX_PINS	64

/* BCM register offsets (BCM2835/BCM2711 ARM Peripherals, "GPIO"). */
#define GPFSEL0		0x00
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34
#define GPEDS0		0x40
#define GPREN0		0x4c	/* six event enables, 12 bytes apart */
#define GPPUD		0x94
#define GPPUDCLK0	0x98
#define PUP_PDN0	0xe4	/* BCM2711: 2 bits a pin, 01 up, 10 down */

enum soc_kind { BCM2837, BCM2711, RP1 };

struct soc_desc {
	const char *name;
	enum soc_kind kind;
	unsigned ngpio;
	const char *attrs[6][2];
	size_t file_size;
};

static const struct soc_desc socs[] = {
	[BCM2837] = { "bcm2837", BCM2837, 54, {
		{ "soc", "bcm2837\n" }, { "phys_base", "0x3f200000\n" },
		{ "bus_base", "0x7e200000\n" }, { "block_size", "180\n" },
		{ "window_size", "4096\n" }, { "ngpio", "54\n" } }, 4096 },
	[BCM2711] = { "bcm2711", BCM2711, 58, {
		{ "soc", "bcm2711\n" }, { "phys_base", "0xfe200000\n" },
		{ "bus_base", "0x7e200000\n" }, { "block_size", "244\n" },
		{ "window_size", "4096\n" }, { "ngpio", "58\n" } }, 4096 },
	[RP1] = { "rp1", RP1, 54, {
		{ "soc", "rp1\n" }, { "phys_base", "0x1f000d0000\n" },
		{ "bus_base", "0x400d0000\n" }, { "block_size", "49152\n" },
		{ "window_size", "196608\n" }, { "ngpio", "54\n" } },
		RP1M_WINDOW },
};

/* --- the chip model, behind the library's register accessors ----------- */

static enum soc_kind model_kind;
static uint32_t latch[2];		/* BCM: the output latches */
static uint32_t gppud_pull[MAX_PINS];	/* BCM2835/6/7: GPPUD code latched */
static _Thread_local bool widen;	/* yield after each access */
static _Thread_local bool stall;	/* hold the next store (fork test) */
static int stalled;			/* atomic: a store is being held */

static uint32_t load(const volatile uint32_t *w)
{
	return __atomic_load_n(w, __ATOMIC_SEQ_CST);
}

static void store(volatile uint32_t *w, uint32_t v)
{
	__atomic_store_n(w, v, __ATOMIC_SEQ_CST);
}

/* BCM GPLEVn: the latch of the pins whose function is output, else 0. */
static uint32_t bcm_level(const volatile uint32_t *base, unsigned bank)
{
	uint32_t level = 0;
	unsigned n, pin;

	for (n = 0; n < 32; n++) {
		pin = 32 * bank + n;
		if (pin >= socs[model_kind].ngpio)
			break;
		if (((load(&base[GPFSEL0 / 4 + pin / 10]) >> (3 * (pin % 10))) &
		     7) == 1)
			level |= load(&latch[bank]) & (UINT32_C(1) << n);
	}
	return level;
}

/* RP1 SYNC_IN: pins of SYS_RIO with OE, pad IE and not OD: RIO OUT; else
 * their pull-up. The library puts the CTRL overrides to 0. */
static uint32_t rp1_level(const volatile uint32_t *base, unsigned bank)
{
	unsigned pin;
	uint32_t in = 0, bit, pad;

	for (pin = rp1m_first[bank]; pin < rp1m_first[bank + 1]; pin++) {
		bit = rp1m_bit(pin);
		pad = load(&base[rp1m_pad(pin) / 4]);
		if (!(pad & RP1M_PAD_IE))
			continue;
		if ((load(&base[rp1m_ctrl(pin) / 4]) & RP1M_FUNCSEL) ==
			    RP1M_SYS_RIO_FN &&
		    (load(&base[rp1m_rio(pin, RP1M_OE) / 4]) & bit) &&
		    !(pad & RP1M_PAD_OD))
			in |= load(&base[rp1m_rio(pin, RP1M_OUT) / 4]) & bit;
		else if ((pad & RP1M_PAD_PUE) && !(pad & RP1M_PAD_PDE))
			in |= bit;
	}
	return in;
}

uint32_t pgr_test_reg_read(const volatile uint32_t *base, unsigned offset)
{
	unsigned in = offset % 0x10000;
	uint32_t v;

	if (model_kind != RP1 && (offset == GPLEV0 || offset == GPLEV0 + 4))
		v = bcm_level(base, (offset - GPLEV0) / 4);
	else if (model_kind == RP1 && offset / 0x10000 * 0x10000 == RP1M_SYS_RIO &&
		 (in % 0x4000 == RP1M_SYNC_IN || in % 0x4000 == RP1M_NOSYNC_IN))
		v = rp1_level(base, in / 0x4000);
	else
		v = load(&base[offset / 4]);
	if (widen)
		sched_yield();
	return v;
}

void pgr_test_reg_write(volatile uint32_t *base, unsigned offset,
			uint32_t value)
{
	volatile uint32_t *w;
	unsigned n, alias;

	if (model_kind == RP1) {
		/* Aliases: +0x1000 XOR, +0x2000 SET, +0x3000 CLR. */
		alias = offset % 0x4000 / 0x1000;
		w = &base[(offset - 0x1000 * alias) / 4];
		if (alias == 0)
			store(w, value);
		else if (alias == 1)
			__atomic_fetch_xor(w, value, __ATOMIC_SEQ_CST);
		else if (alias == 2)
			__atomic_fetch_or(w, value, __ATOMIC_SEQ_CST);
		else
			__atomic_fetch_and(w, ~value, __ATOMIC_SEQ_CST);
	} else if (offset == GPSET0 || offset == GPSET0 + 4) {
		__atomic_fetch_or(&latch[(offset - GPSET0) / 4], value,
				  __ATOMIC_SEQ_CST);
	} else if (offset == GPCLR0 || offset == GPCLR0 + 4) {
		__atomic_fetch_and(&latch[(offset - GPCLR0) / 4], ~value,
				   __ATOMIC_SEQ_CST);
	} else if (offset == GPEDS0 || offset == GPEDS0 + 4) {
		__atomic_fetch_and(&base[offset / 4], ~value, __ATOMIC_SEQ_CST);
	} else {
		/* GPPUDCLKn: the pins of the mask take GPPUD's code. */
		if (model_kind == BCM2837 &&
		    (offset == GPPUDCLK0 || offset == GPPUDCLK0 + 4))
			for (n = 0; n < 32; n++)
				if (value & (UINT32_C(1) << n))
					store(&gppud_pull[32 * ((offset - GPPUDCLK0) / 4) + n],
					      load(&base[GPPUD / 4]));
		store(&base[offset / 4], value);
	}
	if (widen)
		sched_yield();
	if (stall) {
		/* In the middle of a change: whatever lock it takes is held. */
		stall = false;
		__atomic_store_n(&stalled, 1, __ATOMIC_SEQ_CST);
		nanosleep(&(struct timespec){ .tv_nsec = 200000000 }, NULL);
	}
}

/* --- the driver path: changes under one lock, as the driver makes them -- */

static pthread_mutex_t driver_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned devcalls;	/* under driver_lock */
static bool pull_enotty;	/* the device does not know PULL */

static int locked_devcall(struct pgr_chip *c, unsigned long request,
			  void *arg)
{
	volatile uint32_t *base = (volatile uint32_t *)(uintptr_t)pgr_chip_mapping(c);
	struct pigpio_regs_update *u = arg;
	struct pigpio_regs_pull *p = arg;
	uint32_t old;
	unsigned n;

	if (request == PIGPIO_REGS_IOC_PULL) {
		if (pull_enotty)
			return -ENOTTY;
		if (model_kind != BCM2837)
			return -EOPNOTSUPP;
		if (p->bank > 1 || p->pud > 2)
			return -EINVAL;	/* the probe */
		pthread_mutex_lock(&driver_lock);
		devcalls++;
		for (n = 0; n < 32; n++)
			if (p->mask & (UINT32_C(1) << n))
				store(&gppud_pull[32 * p->bank + n], p->pud);
		pthread_mutex_unlock(&driver_lock);
		return 0;
	}
	if (request != PIGPIO_REGS_IOC_UPDATE)
		return -ENOTTY;
	/* GPFSEL, the event enables, BCM2711's pulls; not GPSET0 (the probe). */
	if (!(u->offset <= 0x14 || (u->offset >= GPREN0 && u->offset <= 0x8c) ||
	      (model_kind == BCM2711 && u->offset >= PUP_PDN0 &&
	       u->offset <= 0xf0)) || (u->value & ~u->mask))
		return -EINVAL;
	pthread_mutex_lock(&driver_lock);
	devcalls++;
	old = load(&base[u->offset / 4]);
	store(&base[u->offset / 4], (old & ~u->mask) | u->value);
	u->old = old;
	pthread_mutex_unlock(&driver_lock);
	return 0;
}

/* --- the test's shared state -------------------------------------------- */

enum path { DRIVER, FALLBACK, PULL_ENOTTY };

struct expect {
	bool used;
	enum pgr_function function;
	enum pgr_pull pull;
	unsigned events;	/* BCM: mask of (1 << kind) */
	unsigned drive;		/* RP1 */
	int slew;		/* RP1 */
	int oe;			/* RP1: RIO OE bit */
	int out;		/* the output latch (RIO OUT) */
	/* two-threads-one-pin: the other value each may also be */
	enum pgr_function function2;
	enum pgr_pull pull2;
	unsigned drive2;
};

static const struct soc_desc *soc;
static struct pgr_chip *chip;
static volatile uint32_t *block;	/* the chip's mapping, for thread 0 */
static pthread_barrier_t barrier;
static unsigned rounds;
static struct expect expect[MAX_PINS];	/* written before, read after a barrier */

static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;
static char fail_why[400];
static int failed;		/* atomic */

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&fail_lock);
	if (!failed) {
		va_start(ap, fmt);
		vsnprintf(fail_why, sizeof(fail_why), fmt, ap);
		va_end(ap);
		__atomic_store_n(&failed, 1, __ATOMIC_SEQ_CST);
	}
	pthread_mutex_unlock(&fail_lock);
}

static bool has_failed(void)
{
	return __atomic_load_n(&failed, __ATOMIC_SEQ_CST) != 0;
}

static void wait_all(void)
{
	int ret = pthread_barrier_wait(&barrier);

	if (ret != 0 && ret != PTHREAD_BARRIER_SERIAL_THREAD)
		fail("pthread_barrier_wait: %d", ret);
}

/* The functions a pin may be given on this SoC. */
static const enum pgr_function bcm_functions[] = {
	PGR_FUNC_INPUT, PGR_FUNC_OUTPUT, PGR_FUNC_ALT0, PGR_FUNC_ALT1,
	PGR_FUNC_ALT2, PGR_FUNC_ALT3, PGR_FUNC_ALT4, PGR_FUNC_ALT5,
};
static const enum pgr_function rp1_functions[] = {
	PGR_FUNC_INPUT, PGR_FUNC_OUTPUT, PGR_FUNC_ALT0, PGR_FUNC_ALT1,
	PGR_FUNC_ALT2, PGR_FUNC_ALT3, PGR_FUNC_ALT4, PGR_FUNC_ALT5,
	PGR_FUNC_ALT6, PGR_FUNC_ALT7, PGR_FUNC_ALT8, PGR_FUNC_NONE,
};

/* RP1: the FUNCSEL a function sets (datasheet: a0-a8, 5 SYS_RIO, 0x1f). */
static unsigned rp1_funcsel(enum pgr_function f)
{
	switch (f) {
	case PGR_FUNC_INPUT: case PGR_FUNC_OUTPUT: case PGR_FUNC_ALT5: return 5;
	case PGR_FUNC_ALT0: return 0;
	case PGR_FUNC_ALT1: return 1;
	case PGR_FUNC_ALT2: return 2;
	case PGR_FUNC_ALT3: return 3;
	case PGR_FUNC_ALT4: return 4;
	case PGR_FUNC_ALT6: return 6;
	case PGR_FUNC_ALT7: return 7;
	case PGR_FUNC_ALT8: return 8;
	case PGR_FUNC_NONE: return 0x1f;
	}
	return 0xff;
}

/* What pgr_pin_get_function() reads for a set function (RP1: SYS_RIO by OE). */
static enum pgr_function reads_as(const struct expect *e, enum pgr_function f)
{
	if (soc->kind == RP1 && rp1_funcsel(f) == 5)
		return e->oe ? PGR_FUNC_OUTPUT : PGR_FUNC_INPUT;
	return f;
}

/* GPPUD codes: 0 off, 1 down, 2 up; BCM2711 PUP_PDN: 0 none, 1 up, 2 down. */
static unsigned gppud_code(enum pgr_pull p)
{
	return p == PGR_PULL_DOWN ? 1 : p == PGR_PULL_UP ? 2 : 0;
}

static unsigned bcm2711_code(enum pgr_pull p)
{
	return p == PGR_PULL_UP ? 1 : p == PGR_PULL_DOWN ? 2 : 0;
}

static uint32_t rp1_pull_bits(enum pgr_pull p)
{
	return p == PGR_PULL_UP ? RP1M_PAD_PUE :
	       p == PGR_PULL_DOWN ? RP1M_PAD_PDE : 0;
}

/* --- checks: a pin through the library, the block word by word --------- */

static void check_pin(unsigned pin, const struct expect *e, unsigned round)
{
	enum pgr_function f = PGR_FUNC_NONE;
	enum pgr_pull p = PGR_PULL_UNKNOWN;
	enum pgr_drive d = PGR_DRIVE_2MA;
	int ret;

	if (pgr_pin_get_function(chip, pin, &f) ||
	    (f != reads_as(e, e->function) && f != reads_as(e, e->function2)))
		fail("round %u: GPIO%u reads function %s, asked for %s%s%s",
		     round, pin, pgr_function_name(f) ? pgr_function_name(f) : "?",
		     pgr_function_name(e->function),
		     e->function2 != e->function ? " or " : "",
		     e->function2 != e->function ?
		     pgr_function_name(e->function2) : "");
	if (soc->kind == BCM2837) {
		ret = (int)load(&gppud_pull[pin]);
		if (ret != (int)gppud_code(e->pull) &&
		    ret != (int)gppud_code(e->pull2))
			fail("round %u: GPIO%u has GPPUD code %d, asked for %s%s%s",
			     round, pin, ret, pgr_pull_name(e->pull),
			     e->pull2 != e->pull ? " or " : "",
			     e->pull2 != e->pull ? pgr_pull_name(e->pull2) : "");
	} else if (pgr_pin_get_pull(chip, pin, &p) ||
		   (p != e->pull && p != e->pull2)) {
		fail("round %u: GPIO%u reads pull %s, asked for %s%s%s", round,
		     pin, pgr_pull_name(p), pgr_pull_name(e->pull),
		     e->pull2 != e->pull ? " or " : "",
		     e->pull2 != e->pull ? pgr_pull_name(e->pull2) : "");
	}
	if (soc->kind == RP1) {
		if (pgr_pin_get_drive(chip, pin, &d) ||
		    (d != (enum pgr_drive)e->drive &&
		     d != (enum pgr_drive)e->drive2))
			fail("round %u: GPIO%u reads drive %s, asked for code %u or %u",
			     round, pin, pgr_drive_name(d), e->drive, e->drive2);
		ret = pgr_pin_get_slew(chip, pin);
		if (ret != e->slew)
			fail("round %u: GPIO%u reads slew %d, asked for %d",
			     round, pin, ret, e->slew);
	} else {
		ret = pgr_pin_get_events(chip, pin);
		if (ret != (int)e->events)
			fail("round %u: GPIO%u reads events 0x%x, asked for 0x%x",
			     round, pin, (unsigned)ret, e->events);
	}
	if (e->function == e->function2 &&
	    reads_as(e, e->function) == PGR_FUNC_OUTPUT) {
		ret = pgr_pin_read(chip, pin);
		if (ret != e->out)
			fail("round %u: output GPIO%u reads %d, driven %d",
			     round, pin, ret, e->out);
	}
}

static void check_word(unsigned round, const char *what, unsigned offset,
		       uint32_t want, uint32_t mask_any)
{
	uint32_t got = load(&block[offset / 4]);

	if ((got & ~mask_any) != (want & ~mask_any))
		fail("round %u: %s (0x%05x) is 0x%08x, the threads asked for 0x%08x (bits 0x%08x either way)",
		     round, what, offset, got, want, mask_any);
}

/*
 * Every configuration word of a BCM block: each pin's field as its owner
 * asked, 0 for pins nobody uses (the block started zeroed). For a pin
 * two threads change at once, either value (checked per pin, above; here
 * its field is masked).
 */
static void check_bcm_block(unsigned round)
{
	uint32_t want[6] = { 0 }, any[6] = { 0 }, ev[6][2] = { { 0 } };
	uint32_t pull[4] = { 0 }, pany[4] = { 0 }, lat[2] = { 0 };
	uint32_t outputs[2] = { 0 };
	unsigned pin, k;
	const struct expect *e;

	for (pin = 0; pin < soc->ngpio; pin++) {
		e = &expect[pin];
		if (!e->used)
			continue;
		want[pin / 10] |= (uint32_t)e->function << (3 * (pin % 10));
		if (e->function2 != e->function)
			any[pin / 10] |= UINT32_C(7) << (3 * (pin % 10));
		for (k = 0; k < 6; k++)
			if (e->events & (1u << k))
				ev[k][pin / 32] |= UINT32_C(1) << (pin % 32);
		pull[pin / 16] |= (uint32_t)bcm2711_code(e->pull) << (2 * (pin % 16));
		if (e->pull2 != e->pull)
			pany[pin / 16] |= UINT32_C(3) << (2 * (pin % 16));
		if (e->function == PGR_FUNC_OUTPUT &&
		    e->function2 == PGR_FUNC_OUTPUT) {
			outputs[pin / 32] |= UINT32_C(1) << (pin % 32);
			if (e->out)
				lat[pin / 32] |= UINT32_C(1) << (pin % 32);
		}
		if (soc->kind == BCM2837 && e->pull2 == e->pull &&
		    load(&gppud_pull[pin]) != gppud_code(e->pull))
			fail("round %u: GPIO%u has GPPUD code %u, its thread asked for %u",
			     round, pin, load(&gppud_pull[pin]), gppud_code(e->pull));
	}
	for (k = 0; k < 6; k++)
		check_word(round, "GPFSELn", GPFSEL0 + 4 * k, want[k], any[k]);
	/* GPRENn..GPAFENn: a pair of words every 12 bytes. */
	for (k = 0; k < 12; k++)
		check_word(round, "an event enable", GPREN0 + 12 * (k / 2) + 4 * (k % 2),
			   ev[k / 2][k % 2], 0);
	if (soc->kind == BCM2711) {
		for (k = 0; k < 4; k++)
			check_word(round, "PUP_PDN_CNTRLn", PUP_PDN0 + 4 * k,
				   pull[k], pany[k]);
	} else {
		check_word(round, "GPPUD", GPPUD, 0, 0);
		check_word(round, "GPPUDCLK0", GPPUDCLK0, 0, 0);
		check_word(round, "GPPUDCLK1", GPPUDCLK0 + 4, 0, 0);
		for (pin = 0; pin < soc->ngpio; pin++)
			if (!expect[pin].used && load(&gppud_pull[pin]))
				fail("round %u: GPIO%u, which no thread uses, has GPPUD code %u",
				     round, pin, load(&gppud_pull[pin]));
	}
	/* The output pins' latches (lines store past the model: not theirs). */
	for (k = 0; k < 2; k++)
		if ((load(&latch[k]) & outputs[k]) != lat[k])
			fail("round %u: output latch %u is 0x%08x, its output pins 0x%08x should read 0x%08x",
			     round, k, load(&latch[k]), outputs[k], lat[k]);
}

/* Every CTRL and pad word of the RP1 block, and RIO OE and OUT. */
static void check_rp1_block(unsigned round)
{
	uint32_t oe[3] = { 0 }, out[3] = { 0 }, ctrl, pad, any;
	unsigned pin, bank, n;
	const struct expect *e;
	char what[40];

	for (pin = 0; pin < soc->ngpio; pin++) {
		e = &expect[pin];
		rp1m_bank_of(pin, &bank, &n);
		snprintf(what, sizeof(what), "GPIO%u CTRL", pin);
		if (!e->used) {
			check_word(round, what, rp1m_ctrl(pin), RP1M_NULL_FN, 0);
			snprintf(what, sizeof(what), "GPIO%u pad", pin);
			check_word(round, what, rp1m_pad(pin), RP1M_PAD_OD, 0);
			continue;
		}
		if (e->function2 == e->function) {
			check_word(round, what, rp1m_ctrl(pin),
				   rp1_funcsel(e->function), 0);
		} else {
			ctrl = load(&block[rp1m_ctrl(pin) / 4]);
			if (ctrl != rp1_funcsel(e->function) &&
			    ctrl != rp1_funcsel(e->function2))
				fail("round %u: GPIO%u CTRL is 0x%08x: FUNCSEL %u is neither %u nor %u",
				     round, pin, ctrl, ctrl & RP1M_FUNCSEL,
				     rp1_funcsel(e->function),
				     rp1_funcsel(e->function2));
		}
		pad = e->function == PGR_FUNC_NONE ? RP1M_PAD_OD : RP1M_PAD_IE;
		pad |= rp1_pull_bits(e->pull) | (uint32_t)e->drive << 4 |
		       (e->slew ? RP1M_PAD_SLEWFAST : 0);
		any = 0;
		if (e->pull2 != e->pull) {
			/* exactly one of them, never both */
			pad &= ~(RP1M_PAD_PUE | RP1M_PAD_PDE);
			any |= RP1M_PAD_PUE | RP1M_PAD_PDE;
			n = load(&block[rp1m_pad(pin) / 4]) &
			    (RP1M_PAD_PUE | RP1M_PAD_PDE);
			if (n != rp1_pull_bits(e->pull) &&
			    n != rp1_pull_bits(e->pull2))
				fail("round %u: GPIO%u pad has pull bits 0x%x: neither thread's",
				     round, pin, n);
		}
		if (e->drive2 != e->drive) {
			pad &= ~RP1M_PAD_DRIVE;
			any |= RP1M_PAD_DRIVE;
			n = (load(&block[rp1m_pad(pin) / 4]) & RP1M_PAD_DRIVE) >> 4;
			if (n != e->drive && n != e->drive2)
				fail("round %u: GPIO%u pad has drive code %u, asked for %u or %u",
				     round, pin, n, e->drive, e->drive2);
		}
		snprintf(what, sizeof(what), "GPIO%u pad", pin);
		check_word(round, what, rp1m_pad(pin), pad, any);
		if (e->oe)
			oe[bank] |= rp1m_bit(pin);
		if (e->out)
			out[bank] |= rp1m_bit(pin);
	}
	for (bank = 0; bank < 3; bank++) {
		check_word(round, "RIO OE", rp1m_at(RP1M_SYS_RIO, bank, RP1M_OE),
			   oe[bank], 0);
		check_word(round, "RIO OUT", rp1m_at(RP1M_SYS_RIO, bank, RP1M_OUT),
			   out[bank], 0);
	}
}

static void check_block(unsigned round)
{
	if (soc->kind == RP1)
		check_rp1_block(round);
	else
		check_bcm_block(round);
}

/* --- own-pins: every thread changes its own pins ----------------------- */

/* Thread t's pins: in GPFSEL0, 1, 2/3 and 4/5; RP1 banks 0, 0, 1/2, 2. */
static unsigned own_pin(unsigned t, unsigned i)
{
	static const unsigned first[PINS_EACH] = { 0, 12, 28, 44 };

	return first[i] + t;
}

/* Set and remember; any error fails the test. */
static void change_pin(unsigned t, unsigned i, unsigned r,
		       const struct pgr_line *line)
{
	unsigned pin = own_pin(t, i), nfuncs, kind;
	const enum pgr_function *funcs;
	struct expect *e = &expect[pin];
	enum pgr_pull pull;
	int ret, on;

	funcs = soc->kind == RP1 ? rp1_functions : bcm_functions;
	nfuncs = soc->kind == RP1 ? 12 : 8;
	e->function = e->function2 = funcs[(r * 5 + t + 3 * i) % nfuncs];
	ret = pgr_pin_set_function(chip, pin, e->function);
	if (ret)
		fail("round %u: pgr_pin_set_function(%u): %d", r, pin, ret);
	if (e->function == PGR_FUNC_OUTPUT)
		e->oe = 1;
	else if (e->function == PGR_FUNC_INPUT)
		e->oe = 0;

	/* BCM2835/6/7: one GPPUD sequence a round (they sleep). */
	if (soc->kind != BCM2837 || i == r % PINS_EACH) {
		pull = (enum pgr_pull)((r + t + i) % 3);	/* none, down, up */
		e->pull = e->pull2 = pull;
		ret = pgr_pin_set_pull(chip, pin, pull);
		if (ret)
			fail("round %u: pgr_pin_set_pull(%u): %d", r, pin, ret);
	}

	if (soc->kind == RP1) {
		e->drive = e->drive2 = (r + t + i) % 4;
		e->slew = (int)((r + t + i / 2) & 1);
		ret = pgr_pin_set_drive(chip, pin, (enum pgr_drive)e->drive);
		if (!ret)
			ret = pgr_pin_set_slew(chip, pin, e->slew);
		if (ret)
			fail("round %u: drive/slew of GPIO%u: %d", r, pin, ret);
	} else {
		kind = r % PGR_EVENT_KINDS;
		on = (int)((r / PGR_EVENT_KINDS + t + i) & 1);
		ret = pgr_pin_force_event(chip, pin, (enum pgr_event)kind, on);
		if (ret)
			fail("round %u: pgr_pin_force_event(%u): %d", r, pin, ret);
		if (on)
			e->events |= 1u << kind;
		else
			e->events &= ~(1u << kind);
	}

	/* Levels: the library's store (the model's latch), then the line's. */
	if (reads_as(e, e->function) == PGR_FUNC_OUTPUT) {
		e->out = (int)((r + i) & 1);
		ret = pgr_pin_write(chip, pin, e->out);
		if (ret)
			fail("round %u: pgr_pin_write(%u): %d", r, pin, ret);
		pgr_line_write(line, e->out);
	} else {
		(void)pgr_line_read(line);
	}
}

static void *own_pins_worker(void *arg)
{
	unsigned t = (unsigned)(uintptr_t)arg, r, i;
	struct pgr_line lines[PINS_EACH];

	for (i = 0; i < PINS_EACH; i++)
		if (pgr_line_init(chip, own_pin(t, i), &lines[i]))
			fail("pgr_line_init(%u)", own_pin(t, i));
	for (r = 0; r < rounds; r++) {
		if (!has_failed()) {
			widen = true;
			for (i = 0; i < PINS_EACH; i++)
				change_pin(t, i, r, &lines[i]);
			widen = false;
		}
		wait_all();
		if (!has_failed()) {
			for (i = 0; i < PINS_EACH; i++)
				check_pin(own_pin(t, i), &expect[own_pin(t, i)], r);
			if (t == 0)
				check_block(r);
		}
		wait_all();
	}
	return NULL;
}

/* --- two-threads-one-pin: pairs change the same pins at once ----------- */

/* Pair k's pins: GPFSEL0, 1, 3 and 4 (RP1 banks 0, 0, 2, 2). */
static unsigned pair_pin(unsigned k, unsigned i)
{
	static const unsigned first[PINS_EACH] = { 0, 10, 30, 44 };

	return first[i] + k;
}

/*
 * Start, then what the even and the odd thread ask for. RP1: from the
 * start, the XOR of both FUNCSEL changes is a third function (5 ^ 0 ^ 2
 * = 7, 1 ^ 2 ^ 4 = 7, 3 ^ 6 ^ 8 = 13, which reads as none). BCM: each
 * change writes the pin's whole field, and the pairs' pins share words.
 */
static const enum pgr_function contend[][3] = {
	{ PGR_FUNC_ALT5, PGR_FUNC_ALT0, PGR_FUNC_ALT2 },
	{ PGR_FUNC_ALT1, PGR_FUNC_ALT2, PGR_FUNC_ALT4 },
	{ PGR_FUNC_ALT3, PGR_FUNC_ALT0, PGR_FUNC_ALT4 },
};
static const enum pgr_function contend_rp1[][3] = {
	{ PGR_FUNC_ALT5, PGR_FUNC_ALT0, PGR_FUNC_ALT2 },
	{ PGR_FUNC_ALT1, PGR_FUNC_ALT2, PGR_FUNC_ALT4 },
	{ PGR_FUNC_ALT3, PGR_FUNC_ALT6, PGR_FUNC_ALT8 },
};

/* BCM2835/6/7: one pin of each pair with pulls (GPPUD sequences sleep). */
static bool pair_pulls(unsigned i)
{
	return soc->kind != BCM2837 || i == 0;
}

static void *pair_worker(void *arg)
{
	unsigned t = (unsigned)(uintptr_t)arg, k = t / 2, odd = t % 2, r, i;
	const enum pgr_function (*fs)[3];
	unsigned pin, c, drive;
	enum pgr_pull pull;
	struct expect *e;
	int ret;

	for (r = 0; r < rounds; r++) {
		c = r % 3;
		fs = soc->kind == RP1 ? &contend_rp1[c] : &contend[c];
		/* The even thread: the start state, and what both will ask. */
		for (i = 0; !odd && !has_failed() && i < PINS_EACH; i++) {
			pin = pair_pin(k, i);
			e = &expect[pin];
			e->used = true;
			ret = pgr_pin_set_function(chip, pin, (*fs)[0]);
			if (!ret && pair_pulls(i))
				ret = pgr_pin_set_pull(chip, pin, PGR_PULL_NONE);
			if (!ret && soc->kind == RP1)
				ret = pgr_pin_set_drive(chip, pin, PGR_DRIVE_2MA);
			if (ret)
				fail("round %u: start state of GPIO%u: %d", r, pin, ret);
			e->function = (*fs)[1];
			e->function2 = (*fs)[2];
			e->pull = pair_pulls(i) ? PGR_PULL_UP : PGR_PULL_NONE;
			e->pull2 = pair_pulls(i) ? PGR_PULL_DOWN : PGR_PULL_NONE;
			e->drive = PGR_DRIVE_4MA;
			e->drive2 = PGR_DRIVE_8MA;
		}
		wait_all();
		if (!has_failed()) {
			widen = true;
			pull = odd ? PGR_PULL_DOWN : PGR_PULL_UP;
			drive = odd ? PGR_DRIVE_8MA : PGR_DRIVE_4MA;
			for (i = 0; i < PINS_EACH; i++) {
				pin = pair_pin(k, i);
				ret = pgr_pin_set_function(chip, pin, (*fs)[1 + odd]);
				if (!ret && pair_pulls(i))
					ret = pgr_pin_set_pull(chip, pin, pull);
				if (!ret && soc->kind == RP1)
					ret = pgr_pin_set_drive(chip, pin,
								(enum pgr_drive)drive);
				if (ret)
					fail("round %u: GPIO%u: %d", r, pin, ret);
			}
			widen = false;
		}
		wait_all();
		if (!has_failed()) {
			for (i = 0; !odd && i < PINS_EACH; i++)
				check_pin(pair_pin(k, i), &expect[pair_pin(k, i)], r);
			if (t == 0)
				check_block(r);
		}
		wait_all();
	}
	return NULL;
}

/* --- the fixture: a block file, attributes, a chip ---------------------- */

struct fixture {
	char dir[64], dev[96], sys[96];
};

static struct fixture fx;

static int setup(enum soc_kind kind, enum path path)
{
	char path_name[160];
	unsigned i, pin;
	FILE *file;
	int fd, err;

	soc = &socs[kind];
	model_kind = kind;
	memset(expect, 0, sizeof(expect));
	memset(latch, 0, sizeof(latch));
	memset(gppud_pull, 0, sizeof(gppud_pull));
	devcalls = 0;
	pull_enotty = path == PULL_ENOTTY;
	failed = 0;
	fail_why[0] = '\0';

	snprintf(fx.dir, sizeof(fx.dir), "%s/pgr-threads-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(fx.dir))
		return -errno;
	snprintf(fx.dev, sizeof(fx.dev), "%s/dev", fx.dir);
	snprintf(fx.sys, sizeof(fx.sys), "%s/sys", fx.dir);
	fd = open(fx.dev, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || ftruncate(fd, (off_t)soc->file_size) || close(fd) ||
	    mkdir(fx.sys, 0700))
		return -errno;
	for (i = 0; i < 6; i++) {
		snprintf(path_name, sizeof(path_name), "%s/%s", fx.sys,
			 soc->attrs[i][0]);
		file = fopen(path_name, "w");
		if (!file)
			return -errno;
		err = fputs(soc->attrs[i][1], file) < 0;
		if (fclose(file) || err)
			return -EIO;
	}
	err = pgr_chip_open(&chip, fx.dev, fx.sys);
	if (err)
		return err;
	if (path != FALLBACK)
		pgr_chip_set_devcall(chip, locked_devcall, NULL);
	block = (volatile uint32_t *)(uintptr_t)pgr_chip_mapping(chip);
	/* The RP1 as the model has it after power-up (rp1_model.h). */
	if (kind == RP1)
		for (pin = 0; pin < RP1M_PINS; pin++) {
			store(&block[rp1m_ctrl(pin) / 4], RP1M_NULL_FN);
			store(&block[rp1m_pad(pin) / 4], RP1M_PAD_OD);
		}
	return 0;
}

static void teardown(void)
{
	char path_name[160];
	unsigned i;

	pgr_chip_close(chip);
	chip = NULL;
	for (i = 0; i < 6; i++) {
		snprintf(path_name, sizeof(path_name), "%s/%s", fx.sys,
			 soc->attrs[i][0]);
		unlink(path_name);
	}
	rmdir(fx.sys);
	unlink(fx.dev);
	rmdir(fx.dir);
}

/* Run THREADS of worker for n rounds; 0, or the first failure's text. */
static const char *run_threads(void *(*worker)(void *), unsigned n)
{
	pthread_t threads[THREADS];
	unsigned t, started = 0;

	rounds = n;
	if (pthread_barrier_init(&barrier, NULL, THREADS))
		return "pthread_barrier_init";
	for (t = 0; t < THREADS; t++) {
		if (pthread_create(&threads[t], NULL, worker,
				   (void *)(uintptr_t)t))
			break;
		started++;
	}
	if (started < THREADS) {
		/* The barrier would never open: nothing can be run. */
		fprintf(stderr, "pthread_create failed\n");
		exit(99);
	}
	for (t = 0; t < THREADS; t++)
		pthread_join(threads[t], NULL);
	pthread_barrier_destroy(&barrier);
	return has_failed() ? fail_why : NULL;
}

static void own_pins(enum soc_kind kind, enum path path, unsigned n)
{
	enum pgr_config_path want = path == DRIVER ? PGR_CONFIG_DRIVER :
				    PGR_CONFIG_MAPPING;
	enum pgr_config_path at_open;
	const char *why;
	unsigned t, i;
	int err;

	err = setup(kind, path);
	EXPECT(err == 0, "setup: %d", err);
	at_open = pgr_chip_config_path(chip);
	for (t = 0; t < THREADS; t++)
		for (i = 0; i < PINS_EACH; i++)
			expect[own_pin(t, i)].used = true;
	why = run_threads(own_pins_worker, n);
	EXPECT(why == NULL, "%s", why);
	/* Decided at open, never written again. */
	EXPECT_INT(at_open, want);
	EXPECT_INT(pgr_chip_config_path(chip), at_open);
	if (path == DRIVER)
		EXPECT(devcalls > 0, "the driver was never asked");
	else
		EXPECT_INT(devcalls, 0);
}

static void two_threads_one_pin(enum soc_kind kind, enum path path,
				unsigned n)
{
	const char *why;
	int err;

	err = setup(kind, path);
	EXPECT(err == 0, "setup: %d", err);
	why = run_threads(pair_worker, n);
	EXPECT(why == NULL, "%s", why);
	EXPECT_INT(pgr_chip_config_path(chip),
		   path == DRIVER ? PGR_CONFIG_DRIVER : PGR_CONFIG_MAPPING);
}

/* --- fork: the child never inherits the library's lock held ---------- */

static void *stalled_change(void *arg)
{
	(void)arg;
	stall = true;
	if (pgr_pin_set_function(chip, 5, PGR_FUNC_OUTPUT))
		fail("pgr_pin_set_function(5)");
	return NULL;
}

/*
 * A thread is in the middle of a change through the mapping (its store is
 * held for 200 ms, under the library's lock) when another forks: fork()
 * waits for the change, and the child makes a change of its own, which
 * the parent sees (MAP_SHARED). Were the child's lock inherited held, the
 * child would hang (SIGALRM ends it after 5 s).
 */
static void fork_during_change(void)
{
	enum pgr_function f = PGR_FUNC_INPUT;
	pthread_t thread;
	int err, status;
	pid_t pid;

	err = setup(BCM2837, FALLBACK);
	EXPECT(err == 0, "setup: %d", err);
	__atomic_store_n(&stalled, 0, __ATOMIC_SEQ_CST);
	EXPECT_INT(pthread_create(&thread, NULL, stalled_change, NULL), 0);
	while (!__atomic_load_n(&stalled, __ATOMIC_SEQ_CST))
		nanosleep(&(struct timespec){ .tv_nsec = 1000000 }, NULL);
	pid = fork();
	if (pid == 0) {
		alarm(5);
		err = pgr_pin_set_function(chip, 6, PGR_FUNC_ALT0);
		/* Past ThreadSanitizer's exit checks: the threads are the parent's. */
		syscall(SYS_exit_group, err ? 1 : 0);
	}
	pthread_join(thread, NULL);
	EXPECT(pid > 0, "fork: %s", strerror(errno));
	EXPECT(waitpid(pid, &status, 0) == pid, "waitpid");
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "the child %s %d", WIFEXITED(status) ? "exited" : "was killed by signal",
	       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	EXPECT(!has_failed(), "%s", fail_why);
	EXPECT_INT(pgr_pin_get_function(chip, 5, &f), 0);
	EXPECT_INT(f, PGR_FUNC_OUTPUT);
	EXPECT_INT(pgr_pin_get_function(chip, 6, &f), 0);
	EXPECT_INT(f, PGR_FUNC_ALT0);
}

#define RUN(name, fn, ...)				\
	do {						\
		check_begin("%s", name);		\
		fn(__VA_ARGS__);			\
		check_end();				\
		if (chip)				\
			teardown();			\
	} while (0)

int main(void)
{
	RUN("threads/bcm2837/driver-path/own-pins-every-round",
	    own_pins, BCM2837, DRIVER, 150);
	RUN("threads/bcm2837/fallback/own-pins-every-round",
	    own_pins, BCM2837, FALLBACK, 150);
	RUN("threads/bcm2711/driver-path/own-pins-every-round",
	    own_pins, BCM2711, DRIVER, 150);
	RUN("threads/bcm2711/fallback/own-pins-every-round",
	    own_pins, BCM2711, FALLBACK, 150);
	RUN("threads/rp1/own-pins-every-round", own_pins, RP1, FALLBACK, 150);
	RUN("threads/bcm2837/driver-path/two-threads-one-pin",
	    two_threads_one_pin, BCM2837, DRIVER, 100);
	RUN("threads/bcm2837/fallback/two-threads-one-pin",
	    two_threads_one_pin, BCM2837, FALLBACK, 100);
	RUN("threads/bcm2711/driver-path/two-threads-one-pin",
	    two_threads_one_pin, BCM2711, DRIVER, 100);
	RUN("threads/bcm2711/fallback/two-threads-one-pin",
	    two_threads_one_pin, BCM2711, FALLBACK, 100);
	RUN("threads/rp1/two-threads-one-pin-one-of-the-two",
	    two_threads_one_pin, RP1, FALLBACK, 100);
	RUN("threads/bcm2837/pull-enotty-path-decided-at-open",
	    own_pins, BCM2837, PULL_ENOTTY, 150);
	check_begin("threads/fork-during-a-change-child-not-locked-out");
	fork_during_change();
	check_end();
	if (chip)
		teardown();
	return check_exit();
}
