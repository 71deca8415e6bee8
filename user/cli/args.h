/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The pigpio-regs command line, parsed into a struct command before any
 * device is opened; the checks that need the chip (pin count, block size)
 * are args_check_chip(), run after open and before any register access.
 *
 * Every function returns 0, or -EINVAL with a one-line message (without
 * the program name) in err.
 */
#ifndef PGR_CLI_ARGS_H
#define PGR_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pigpioregs.h"

#define ARGS_ERR_SIZE 200

#define BLINK_COUNT_DEFAULT	10
#define BLINK_COUNT_MIN		1
#define BLINK_COUNT_MAX		1000000
#define BLINK_PERIOD_DEFAULT	500	/* ms */
#define BLINK_PERIOD_MIN	2
#define BLINK_PERIOD_MAX	60000
#define WAIT_TIMEOUT_MIN	1	/* ms */
#define WAIT_TIMEOUT_MAX	86400000
#define ARGS_MAX		64	/* arguments after the verb */
#define BENCH_PIN_DEFAULT	17
#define BENCH_REPS_MIN		1
#define BENCH_REPS_MAX		100

enum verb {
	VERB_HELP,
	VERB_VERSION,
	VERB_INFO,
	VERB_GET,
	VERB_SET,
	VERB_BLINK,
	VERB_PEEK,
	VERB_TOGGLE,
	VERB_FUNCS,
	VERB_BANK,
	VERB_DETECT,
	VERB_EVENTS,
	VERB_WAIT,
	VERB_OWNERS,
	VERB_EXPLAIN,
	VERB_BENCH,
};

enum bank_op { BANK_READ, BANK_SET, BANK_CLEAR, BANK_WRITE };

/* What `set PINS OP...` asks for; level, then pull, then function. */
struct set_ops {
	bool set_function;
	enum pgr_function function;
	bool set_level;
	int level;
	bool set_pull;
	enum pgr_pull pull;
};

struct command {
	const char *device;	/* NULL: the library's default */
	const char *sysfs;	/* NULL: the library's default */
	const char *devicetree;	/* NULL: /proc/device-tree */
	enum verb verb;
	bool json;		/* --json: info get funcs peek bank events */
	bool force;		/* --force: change pins the kernel claims */
	uint64_t pins;		/* the pin list (bit n: GPIO n) */
	bool all_pins;		/* get/funcs/events without a list */
	unsigned pin;		/* the lowest pin of the list */
	struct set_ops ops;	/* set */
	unsigned long count;	/* blink */
	unsigned long period_ms; /* blink */
	unsigned offset;	/* peek */
	bool syscall;		/* peek --syscall */
	enum bank_op bank_op;	/* bank */
	unsigned bank;
	uint32_t mask;
	uint32_t values;
	unsigned events;	/* detect: mask of (1 << enum pgr_event) */
	bool clear;		/* events clear */
	int level;		/* wait */
	unsigned long timeout_ms; /* wait, 0: none */
	bool quick;		/* bench --quick */
	unsigned reps;		/* bench --reps, 0: the default */
	const char *csv;	/* bench --csv FILE, NULL: none */
};

/* A decimal or 0x-hex number in [min, max]; what names it in messages. */
int args_parse_number(const char *s, unsigned long long min,
		      unsigned long long max, const char *what,
		      unsigned long long *out, char *err, size_t errlen);

/* A decimal GPIO number (its range is checked against the chip later). */
int args_parse_pin(const char *s, unsigned *pin, char *err, size_t errlen);

/*
 * A pin list such as "4,17-21" into a mask (bit n: GPIO n) and its lowest
 * pin. Pins above 63 are out of range here; the chip's count later.
 */
int args_parse_pins(const char *s, uint64_t *pins, unsigned *first,
		    char *err, size_t errlen);

/* A register byte offset, decimal or 0x hex, a multiple of 4. */
int args_parse_offset(const char *s, unsigned *offset, char *err,
		      size_t errlen);

/* One op of `set` (op ip dh dl pu pd pn a0..a5), merged into ops. */
int args_parse_set_op(const char *s, struct set_ops *ops, char *err,
		      size_t errlen);

/* The whole command line, argv[0] included. */
int args_parse(int argc, char *const argv[], struct command *cmd, char *err,
	       size_t errlen);

/* The checks that need the opened chip. */
int args_check_chip(const struct command *cmd, const char *soc,
		    unsigned ngpio, size_t block_size, char *err,
		    size_t errlen);

#endif /* PGR_CLI_ARGS_H */
