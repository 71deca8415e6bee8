// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs selftest [PIN]: one free pin driven through its registers,
 * each step read back through another register, each result one line:
 *
 *   function        set output; the function register must say output
 *   output high     drive high; the level register (GPLEV, RP1 SYNC_IN)
 *   output low      drive low; the level register
 *   pull-up level   the pin as a floating input with its pull-up, then
 *   pull-down level with its pull-down, watched on the level register:
 *                   high then low is PASS, low then high is FAIL, the
 *                   same both times is NOT OBSERVABLE (something outside
 *                   drives the pin, or the chip is emulated and its model
 *                   has no pulls: QEMU, a simulated block)
 *   pull-up/pull-down read-back
 *                   the pull register (BCM2711 PUP_PDN, RP1 pads) must say
 *                   the pull set; BCM2835/6/7 have none: NOT OBSERVABLE
 *   restored        the pin put back as found, read back
 *
 * The pin is put back as it was found: the output latch, the function and
 * the pull where the SoC can read it; where it cannot (BCM2835/6/7), the
 * pin's power-on pull (datasheet: GPIO 0-8 up, 9-27 down; none above 27),
 * which is what a pin nobody has changed has. On the RP1 the pin's CTRL
 * and pad words and its RIO OE and OUT bits are compared afterwards.
 *
 * SIGINT, SIGTERM and SIGHUP are blocked from the start and taken between
 * steps and inside the waits (sigtimedwait): the pin is put back, then
 * exit 128 + N, as blink does.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "selftest.h"

/*
 * How long a change may take to show where it is read back. A real chip
 * and QEMU show it at once; a simulated block's model takes a moment, so
 * the read-backs poll. A pull charges a floating pin (about 50 kOhm and a
 * few pF) in microseconds; the wait is generous for wiring. A level
 * counts once it has held for STABLE_MS.
 */
#define READBACK_MS	200
#define PULL_MS		200
#define POLL_MS		1
#define STABLE_MS	50

/* Header pins that no interface of the 40-pin header uses by default. */
static const unsigned default_pins[] = {
	17, 27, 22, 23, 24, 25, 5, 6, 16, 26, 12, 13,
};
#define NDEFAULT (sizeof(default_pins) / sizeof(default_pins[0]))

enum result { RESULT_PASS, RESULT_FAIL, RESULT_NOT_OBSERVABLE };
static const char *const result_names[] = { "PASS", "FAIL", "NOT OBSERVABLE" };

#define MAX_CHECKS	12
#define DETAIL_SIZE	240

struct check {
	enum result result;
	const char *what;
	char detail[DETAIL_SIZE];
};

struct selftest {
	const struct command *cmd;
	struct pgr_chip *chip;
	unsigned pin;
	bool rp1;
	bool pull_readable;
	sigset_t stops;
	int sig;			/* the stop signal taken, 0: none */
	bool restoring;			/* signals are not taken, waits go on */
	const char *plain;		/* --device FILE, a plain file: its
					 * name; NULL: a device node */
	bool said_plain;		/* add() has said so */
	unsigned counts[3];		/* by enum result */
	unsigned nchecks;
	struct check checks[MAX_CHECKS];
};

/* What the pin was found as, and is put back to. */
struct found {
	enum pgr_function function;
	int level;		/* the level register */
	int latch;		/* the level it drives as an output */
	enum pgr_pull pull;	/* the pull it is given back */
	bool pull_read;		/* pull is the pull register's */
	/* RP1: the pin's own words (window offsets below) */
	uint32_t ctrl, pad;
	int oe, out;
};

/* RP1 window offsets (pigpioregs.h, docs/rp1.md): bank 0/1/2 = 0-27/28-33/34-53. */
#define RP1_SYS_RIO	0x10000u
#define RP1_PADS	0x20000u
#define RP1_BANK	0x4000u
#define RP1_RIO_OUT	0x0u
#define RP1_RIO_OE	0x4u

static void rp1_bank(unsigned pin, unsigned *bank, unsigned *n)
{
	*bank = pin < 28 ? 0 : pin < 34 ? 1 : 2;
	*n = pin - (pin < 28 ? 0 : pin < 34 ? 28 : 34);
}

static unsigned rp1_ctrl(unsigned pin)
{
	unsigned bank, n;

	rp1_bank(pin, &bank, &n);
	return RP1_BANK * bank + 8 * n + 4;
}

static unsigned rp1_pad(unsigned pin)
{
	unsigned bank, n;

	rp1_bank(pin, &bank, &n);
	return RP1_PADS + RP1_BANK * bank + 4 + 4 * n;
}

/* The pin's bit of a RIO register of its bank: 0/1, or -errno. */
static int rp1_rio_bit(const struct pgr_chip *chip, unsigned pin,
		       unsigned reg)
{
	unsigned bank, n;
	uint32_t value;
	int ret;

	rp1_bank(pin, &bank, &n);
	ret = pgr_chip_peek(chip, RP1_SYS_RIO + RP1_BANK * bank + reg, &value);
	return ret < 0 ? ret : (int)((value >> n) & 1);
}

/* BCM2835 ARM Peripherals, the GPIO pull at power-on: 0-8 up, 9-27 down. */
static enum pgr_pull power_on_pull(unsigned pin)
{
	return pin <= 8 ? PGR_PULL_UP : pin <= 27 ? PGR_PULL_DOWN :
	       PGR_PULL_NONE;
}

static const char *hl(int level)
{
	return level ? "high" : "low";
}

static const char *fname(enum pgr_function function)
{
	const char *name = pgr_function_name(function);

	return name ? name : "?";
}

/*
 * Whether a store the checks made still sits in the window, untaken: on a
 * chip (or under a model such as tests/unit/selftest_sim) GPSETn/GPCLRn
 * and the RP1's XOR/SET/CLR aliases read 0 once the store is taken; in a
 * plain file nothing takes it, and no read-back can show a change.
 */
static bool stores_untaken(const struct selftest *st)
{
	static const unsigned bcm[] = { 0x1c, 0x20, 0x28, 0x2c };
	unsigned bank, n, i, alias;
	uint32_t word;

	if (!st->rp1) {
		for (i = 0; i < 4; i++)
			if (pgr_chip_peek(st->chip, bcm[i], &word) == 0 && word)
				return true;
		return false;
	}
	rp1_bank(st->pin, &bank, &n);
	for (alias = 0x1000; alias <= 0x3000; alias += 0x1000) {
		if ((pgr_chip_peek(st->chip, rp1_ctrl(st->pin) + alias, &word) == 0 && word) ||
		    (pgr_chip_peek(st->chip, rp1_pad(st->pin) + alias, &word) == 0 && word))
			return true;
		for (i = RP1_RIO_OUT; i <= RP1_RIO_OE; i += 4)
			if (pgr_chip_peek(st->chip, RP1_SYS_RIO + RP1_BANK * bank +
					  alias + i, &word) == 0 && word)
				return true;
	}
	return false;
}

__attribute__((format(printf, 4, 5)))
static void add(struct selftest *st, enum result result, const char *what,
		const char *fmt, ...)
{
	struct check *c;
	va_list ap;
	bool inert = false;
	size_t len = 0;

	/*
	 * A plain file that nothing acts on (--device FILE, no model behind
	 * it) cannot show what the chip would do: not a failure of the chip,
	 * and a level that reads as driven only because it never moved is no
	 * pass either.
	 */
	if (st->plain && (result == RESULT_FAIL ||
			  (result == RESULT_PASS && !strncmp(what, "output ", 7))) &&
	    stores_untaken(st)) {
		result = RESULT_NOT_OBSERVABLE;
		inert = true;
		if (!st->said_plain && !st->cmd->json)
			printf("selftest: not observable: %s is a plain file, not the driver's node, and nothing takes the stores made to it (no chip, no model behind it): what a chip would do cannot show\n",
			       st->plain);
		st->said_plain = true;
	}
	st->counts[result]++;
	if (st->nchecks == MAX_CHECKS)
		return;
	c = &st->checks[st->nchecks++];
	c->result = result;
	c->what = what;
	if (inert)
		len = (size_t)snprintf(c->detail, sizeof(c->detail),
				       "%s is a plain file: ", st->plain);
	if (len >= sizeof(c->detail))
		len = sizeof(c->detail) - 1;
	va_start(ap, fmt);
	vsnprintf(c->detail + len, sizeof(c->detail) - len, fmt, ap);
	va_end(ap);
	if (!st->cmd->json) {
		printf("%s %s: %s\n", result_names[result], what, c->detail);
		fflush(stdout);	/* a person watches it happen */
	}
}

static const char *stop_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" :
	       sig == SIGHUP ? "SIGHUP" : "a signal";
}

/* Wait ms, taking a stop signal if one comes (st->sig). */
static void pause_ms(struct selftest *st, long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	int sig;

	if (st->sig || st->restoring) {
		while (nanosleep(&t, &t) < 0 && errno == EINTR)
			;
		return;
	}
	sig = sigtimedwait(&st->stops, NULL, &t);
	if (sig > 0)
		st->sig = sig;
}

/* A stop signal pending now: taken, and returned (0: none). */
static int stopped(struct selftest *st)
{
	pause_ms(st, 0);
	return st->sig;
}

static unsigned long elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (unsigned long)((now.tv_sec - start->tv_sec) * 1000 +
			       (now.tv_nsec - start->tv_nsec) / 1000000);
}

/*
 * Read the level until it has read want for STABLE_MS on end, for up to
 * ms (or a stop signal): the last reading, or -errno. Holding it that
 * long keeps a reading from before the change, which may already be
 * want, from passing for the chip's answer.
 */
static int poll_level(struct selftest *st, int want, unsigned ms)
{
	struct timespec start, since;
	bool holding = false;
	int level;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		level = pgr_pin_read(st->chip, st->pin);
		if (level < 0)
			return level;
		if (level != want) {
			holding = false;
		} else if (!holding) {
			holding = true;
			clock_gettime(CLOCK_MONOTONIC, &since);
		}
		if ((holding && elapsed_ms(&since) >= STABLE_MS) ||
		    elapsed_ms(&start) >= ms)
			return level;
		pause_ms(st, POLL_MS);
		if (st->sig && !st->restoring)
			return pgr_pin_read(st->chip, st->pin);
	}
}

/* The same for the function register: 0 and *got, or -errno. */
static int poll_function(struct selftest *st, enum pgr_function want,
			 unsigned ms, enum pgr_function *got)
{
	struct timespec start;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		ret = pgr_pin_get_function(st->chip, st->pin, got);
		if (ret < 0 || *got == want || elapsed_ms(&start) >= ms ||
		    (st->sig && !st->restoring))
			return ret;
		pause_ms(st, POLL_MS);
	}
}

/* The same for the pull register (only where it can be read). */
static int poll_pull(struct selftest *st, enum pgr_pull want, unsigned ms,
		     enum pgr_pull *got)
{
	struct timespec start;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		ret = pgr_pin_get_pull(st->chip, st->pin, got);
		if (ret < 0 || *got == want || elapsed_ms(&start) >= ms ||
		    (st->sig && !st->restoring))
			return ret;
		pause_ms(st, POLL_MS);
	}
}

static int read_found(struct selftest *st, struct found *f)
{
	int ret;

	memset(f, 0, sizeof(*f));
	ret = pgr_pin_get_function(st->chip, st->pin, &f->function);
	if (ret < 0)
		return ret;
	f->level = pgr_pin_read(st->chip, st->pin);
	if (f->level < 0)
		return f->level;
	/*
	 * The BCM latch (GPSET/GPCLR) cannot be read: an output drives its
	 * level; for any other function the level read now is latched back,
	 * as blink does. The RP1's RIO OUT can be read.
	 */
	f->latch = f->level;
	if (st->pull_readable) {
		ret = pgr_pin_get_pull(st->chip, st->pin, &f->pull);
		if (ret < 0)
			return ret;
		f->pull_read = true;
	} else {
		f->pull = power_on_pull(st->pin);
	}
	if (st->rp1) {
		ret = pgr_chip_peek(st->chip, rp1_ctrl(st->pin), &f->ctrl);
		if (!ret)
			ret = pgr_chip_peek(st->chip, rp1_pad(st->pin), &f->pad);
		f->oe = rp1_rio_bit(st->chip, st->pin, RP1_RIO_OE);
		f->out = rp1_rio_bit(st->chip, st->pin, RP1_RIO_OUT);
		if (!ret && f->oe < 0)
			ret = f->oe;
		if (!ret && f->out < 0)
			ret = f->out;
		f->latch = f->out;
	}
	return ret;
}

/* Output, high, low: three checks. */
static void check_output(struct selftest *st)
{
	enum pgr_function got = PGR_FUNC_INPUT;
	const char *what;
	int level, ret;

	/*
	 * The pin drives whatever its latch holds until the next step drives
	 * it high, as blink does. (Latching a level first would be a second
	 * store to GPSET/GPCLR that nothing reads back before the next one.)
	 */
	ret = pgr_pin_set_function(st->chip, st->pin, PGR_FUNC_OUTPUT);
	if (!ret)
		ret = poll_function(st, PGR_FUNC_OUTPUT, READBACK_MS, &got);
	if (st->sig)
		return;
	if (ret < 0)
		add(st, RESULT_FAIL, "function", "set output: %s",
		    strerror(-ret));
	else
		add(st, got == PGR_FUNC_OUTPUT ? RESULT_PASS : RESULT_FAIL,
		    "function", "set output, the function register reads %s",
		    fname(got));
	for (level = 1; level >= 0 && !stopped(st); level--) {
		what = level ? "output high" : "output low";
		ret = pgr_pin_write(st->chip, st->pin, level);
		if (!ret)
			ret = poll_level(st, level, READBACK_MS);
		if (st->sig)
			return;
		if (ret < 0)
			add(st, RESULT_FAIL, what, "drive %s: %s", hl(level),
			    strerror(-ret));
		else
			add(st, ret == level ? RESULT_PASS : RESULT_FAIL, what,
			    "drove %s, the level register reads %s",
			    hl(level), hl(ret));
	}
}

/* Pull-up then pull-down on the floating input: four checks. */
static void check_pulls(struct selftest *st)
{
	static const enum pgr_pull pulls[2] = { PGR_PULL_UP, PGR_PULL_DOWN };
	static const char *const level_what[2] = {
		"pull-up level", "pull-down level",
	};
	static const char *const readback_what[2] = {
		"pull-up read-back", "pull-down read-back",
	};
	enum pgr_pull back[2] = { PGR_PULL_UNKNOWN, PGR_PULL_UNKNOWN };
	int level[2] = { -1, -1 }, err[2] = { 0, 0 }, back_err[2] = { 0, 0 };
	enum pgr_function got;
	int ret, i;

	if (stopped(st))
		return;
	ret = pgr_pin_set_function(st->chip, st->pin, PGR_FUNC_INPUT);
	if (!ret)
		ret = poll_function(st, PGR_FUNC_INPUT, READBACK_MS, &got);
	if (st->sig)
		return;
	if (ret < 0) {
		for (i = 0; i < 2; i++)
			add(st, RESULT_FAIL, level_what[i], "set input: %s",
			    strerror(-ret));
		return;
	}
	for (i = 0; i < 2; i++) {
		if (stopped(st))
			return;
		ret = pgr_pin_set_pull(st->chip, st->pin, pulls[i]);
		if (ret < 0) {
			err[i] = back_err[i] = ret;
			continue;
		}
		level[i] = poll_level(st, pulls[i] == PGR_PULL_UP, PULL_MS);
		if (level[i] < 0)
			err[i] = level[i];
		if (st->pull_readable)
			back_err[i] = poll_pull(st, pulls[i], READBACK_MS,
						&back[i]);
		if (st->sig)
			return;
	}

	for (i = 0; i < 2; i++) {
		if (err[i] < 0)
			add(st, RESULT_FAIL, level_what[i], "set %s: %s",
			    pgr_pull_name(pulls[i]), strerror(-err[i]));
		else if (err[0] < 0 || err[1] < 0)
			add(st, RESULT_NOT_OBSERVABLE, level_what[i],
			    "reads %s; the other pull could not be set",
			    hl(level[i]));
		else if (level[0] == 1 && level[1] == 0)
			add(st, RESULT_PASS, level_what[i],
			    "floating input with its %s, the level register reads %s",
			    i == 0 ? "pull-up" : "pull-down", hl(level[i]));
		else if (level[0] == level[1])
			add(st, RESULT_NOT_OBSERVABLE, level_what[i],
			    "the level register reads %s with pull-up and with pull-down: something outside drives the pin, or the chip's model has no pulls (QEMU, a simulated block)",
			    hl(level[i]));
		else
			add(st, RESULT_FAIL, level_what[i],
			    "floating input with its %s, the level register reads %s (the opposite)",
			    i == 0 ? "pull-up" : "pull-down", hl(level[i]));
	}
	for (i = 0; i < 2; i++) {
		if (!st->pull_readable)
			add(st, RESULT_NOT_OBSERVABLE, readback_what[i],
			    "the %s has no pull register to read (GPPUD and GPPUDCLK only clock a change in; no register holds the pull)",
			    pgr_chip_soc_name(st->chip));
		else if (back_err[i] < 0)
			add(st, RESULT_FAIL, readback_what[i], "set %s: %s",
			    pgr_pull_name(pulls[i]), strerror(-back_err[i]));
		else
			add(st, back[i] == pulls[i] ? RESULT_PASS : RESULT_FAIL,
			    readback_what[i],
			    "set %s, the pull register reads %s",
			    pgr_pull_name(pulls[i]),
			    pgr_pull_name(back[i]) ? pgr_pull_name(back[i]) : "?");
	}
}

/*
 * Put the pin back: the latch, then the function (on the RP1 its RIO OE
 * first, which an ALT function leaves alone), then the pull. Signals stay
 * blocked and are not taken here; each change is read back before the
 * next where it can be.
 */
static void restore(struct selftest *st, const struct found *f)
{
	enum pgr_function direction, got;
	enum pgr_pull pull;

	st->restoring = true;
	pgr_pin_write(st->chip, st->pin, f->latch);
	if (st->rp1 && f->function != PGR_FUNC_INPUT &&
	    f->function != PGR_FUNC_OUTPUT) {
		direction = f->oe ? PGR_FUNC_OUTPUT : PGR_FUNC_INPUT;
		if (pgr_pin_set_function(st->chip, st->pin, direction) == 0)
			poll_function(st, direction, READBACK_MS, &got);
	}
	if (pgr_pin_set_function(st->chip, st->pin, f->function) == 0)
		poll_function(st, f->function, READBACK_MS, &got);
	if (f->pull == PGR_PULL_NONE || f->pull == PGR_PULL_DOWN ||
	    f->pull == PGR_PULL_UP) {
		if (pgr_pin_set_pull(st->chip, st->pin, f->pull) == 0 &&
		    st->pull_readable)
			poll_pull(st, f->pull, READBACK_MS, &pull);
	}
}

/* Append ", TEXT" (formatted) to buf. */
__attribute__((format(printf, 3, 4)))
static void append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 2 >= size)
		return;
	if (len) {
		strcpy(buf + len, "; ");
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* The pin read back after restore(): one check. */
static void check_restored(struct selftest *st, const struct found *f)
{
	char bad[DETAIL_SIZE] = "";
	enum pgr_function function;
	enum pgr_pull pull = PGR_PULL_UNKNOWN;
	uint32_t word = 0;
	int level, bit;

	if (poll_function(st, f->function, READBACK_MS, &function) < 0)
		append(bad, sizeof(bad), "the function cannot be read");
	else if (function != f->function)
		append(bad, sizeof(bad), "function %s (found %s)",
		       fname(function), fname(f->function));
	if (f->pull_read &&
	    (poll_pull(st, f->pull, READBACK_MS, &pull) < 0 || pull != f->pull))
		append(bad, sizeof(bad), "pull %s (found %s)",
		       pgr_pull_name(pull) ? pgr_pull_name(pull) : "?",
		       pgr_pull_name(f->pull));
	if (f->function == PGR_FUNC_OUTPUT) {
		level = poll_level(st, f->latch, READBACK_MS);
		if (level != f->latch)
			append(bad, sizeof(bad), "level %s (found %s)",
			       level < 0 ? "unreadable" : hl(level),
			       hl(f->latch));
	}
	if (st->rp1) {
		if (pgr_chip_peek(st->chip, rp1_ctrl(st->pin), &word) < 0 ||
		    word != f->ctrl)
			append(bad, sizeof(bad), "CTRL 0x%08x (found 0x%08x)",
			       (unsigned)word, (unsigned)f->ctrl);
		if (pgr_chip_peek(st->chip, rp1_pad(st->pin), &word) < 0 ||
		    word != f->pad)
			append(bad, sizeof(bad), "pad 0x%08x (found 0x%08x)",
			       (unsigned)word, (unsigned)f->pad);
		bit = rp1_rio_bit(st->chip, st->pin, RP1_RIO_OE);
		if (bit != f->oe)
			append(bad, sizeof(bad), "RIO OE %d (found %d)", bit,
			       f->oe);
		bit = rp1_rio_bit(st->chip, st->pin, RP1_RIO_OUT);
		if (bit != f->out)
			append(bad, sizeof(bad), "RIO OUT %d (found %d)", bit,
			       f->out);
	}
	if (bad[0])
		add(st, RESULT_FAIL, "restored", "%s", bad);
	else if (f->pull_read)
		add(st, RESULT_PASS, "restored",
		    "function %s, pull %s%s, as found", fname(f->function),
		    pgr_pull_name(f->pull),
		    st->rp1 ? ", CTRL, pad, RIO OE and OUT" : "");
	else
		add(st, RESULT_PASS, "restored",
		    "function %s%s, as found; pull %s, its power-on pull (the %s cannot read pulls)",
		    fname(f->function),
		    f->function == PGR_FUNC_OUTPUT ? (f->latch ? ", high" : ", low") : "",
		    pgr_pull_name(f->pull), pgr_chip_soc_name(st->chip));
}

/* The pin to test, past the guard: 0, or an exit status. */
static int choose_pin(struct selftest *st, const struct pgr_owners *owners,
		      int load_err, const char *why, bool *defaulted)
{
	const struct command *cmd = st->cmd;
	size_t i;

	*defaulted = cmd->pins == 0;
	if (!*defaulted) {
		st->pin = cmd->pin;
		return guard_pins(st->chip, owners, UINT64_C(1) << st->pin,
				  GUARD_CONFIG, cmd->force, load_err, why);
	}
	st->pin = default_pins[0];
	/* Who claims what is unknown: refused, or (--force) the first. */
	if (load_err)
		return guard_pins(st->chip, owners, UINT64_C(1) << st->pin,
				  GUARD_CONFIG, cmd->force, load_err, why);
	for (i = 0; i < NDEFAULT; i++) {
		if (default_pins[i] < pgr_chip_pin_count(st->chip) &&
		    !owners->owner[default_pins[i]][0]) {
			st->pin = default_pins[i];
			return 0;
		}
	}
	cli_error("selftest: the kernel claims every pin of the default list (17,27,22,23,24,25,5,6,16,26,12,13): name a PIN");
	return EXIT_FAILURE;
}

static void print_json(const struct selftest *st, const struct found *f,
		       bool defaulted)
{
	const struct check *c;
	unsigned i;

	printf("{\"soc\":\"%s\",\"pin\":%u,\"default_pin\":%s,"
	       "\"found\":{\"function\":\"%s\",\"level\":%d,\"pull\":\"%s\"},"
	       "\"pull_readable\":%s,\"checks\":[",
	       pgr_chip_soc_name(st->chip), st->pin,
	       defaulted ? "true" : "false", fname(f->function), f->level,
	       f->pull_read ? pgr_pull_name(f->pull) : "unknown",
	       st->pull_readable ? "true" : "false");
	for (i = 0; i < st->nchecks; i++) {
		c = &st->checks[i];
		printf("%s{\"check\":\"%s\",\"result\":\"%s\",\"detail\":",
		       i ? "," : "", c->what, result_names[c->result]);
		json_string(c->detail);
		putchar('}');
	}
	printf("],\"passed\":%u,\"failed\":%u,\"not_observable\":%u,"
	       "\"stopped\":", st->counts[RESULT_PASS],
	       st->counts[RESULT_FAIL], st->counts[RESULT_NOT_OBSERVABLE]);
	if (st->sig > 0)
		printf("\"%s\"}\n", stop_name(st->sig));
	else
		printf("null}\n");
}

int selftest_run(const struct command *cmd, struct pgr_chip *chip,
		 const struct pgr_owners *owners, int load_err,
		 const char *why)
{
	static struct selftest st;
	struct found found;
	struct stat sb;
	bool defaulted;
	unsigned i;
	int ret;

	memset(&st, 0, sizeof(st));
	st.cmd = cmd;
	st.chip = chip;
	st.rp1 = strcmp(pgr_chip_soc_name(chip), "rp1") == 0;
	st.pull_readable = pgr_chip_pull_readable(chip) == 1;
	/* A simulated block: what the chip would do may not show (add()). */
	if (cmd->device && stat(cmd->device, &sb) == 0 && S_ISREG(sb.st_mode))
		st.plain = cmd->device;

	/* Blocked before anything is touched: taken only between steps. */
	sigemptyset(&st.stops);
	sigaddset(&st.stops, SIGINT);
	sigaddset(&st.stops, SIGTERM);
	sigaddset(&st.stops, SIGHUP);
	sigprocmask(SIG_BLOCK, &st.stops, NULL);

	ret = choose_pin(&st, owners, load_err, why, &defaulted);
	if (ret)
		return ret;
	ret = read_found(&st, &found);
	if (ret < 0) {
		cli_error("selftest GPIO%u: %s", st.pin, strerror(-ret));
		return EXIT_FAILURE;
	}
	if (!cmd->json) {
		printf("selftest: GPIO%u on %s", st.pin, pgr_chip_soc_name(chip));
		if (defaulted) {
			fputs(" (the default: the first of", stdout);
			for (i = 0; i < NDEFAULT; i++)
				printf("%s%u", i ? "," : " ", default_pins[i]);
			fputs(" the kernel does not claim; name a PIN for another)",
			      stdout);
		}
		printf("\nselftest: found %s, %s, pull %s\n",
		       fname(found.function), hl(found.level),
		       found.pull_read ? pgr_pull_name(found.pull) :
		       "unknown (cannot be read)");
		fflush(stdout);
	}

	check_output(&st);
	check_pulls(&st);
	if (!st.sig)
		stopped(&st);
	restore(&st, &found);
	check_restored(&st, &found);

	if (cmd->json) {
		print_json(&st, &found, defaulted);
	} else if (st.sig > 0) {
		printf("selftest: stopped by %s: %u passed, %u failed, %u not observable so far; GPIO%u left as found\n",
		       stop_name(st.sig), st.counts[RESULT_PASS],
		       st.counts[RESULT_FAIL],
		       st.counts[RESULT_NOT_OBSERVABLE], st.pin);
	} else {
		printf("selftest: %u passed, %u failed, %u not observable\n",
		       st.counts[RESULT_PASS], st.counts[RESULT_FAIL],
		       st.counts[RESULT_NOT_OBSERVABLE]);
	}
	if (st.sig > 0)
		return 128 + st.sig;
	return st.counts[RESULT_FAIL] ? EXIT_FAILURE : EXIT_SUCCESS;
}
