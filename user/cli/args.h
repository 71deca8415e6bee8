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

#define ARGS_ERR_SIZE 512

#define BLINK_COUNT_DEFAULT	10
#define BLINK_COUNT_MIN		1
#define BLINK_COUNT_MAX		1000000
#define TICKS_COUNT_MIN		1
#define TICKS_COUNT_MAX		1000000
#define BLINK_PERIOD_DEFAULT	500	/* ms */
#define BLINK_PERIOD_MIN	2
#define BLINK_PERIOD_MAX	60000
#define WAIT_TIMEOUT_MIN	1	/* ms */
#define WAIT_TIMEOUT_MAX	86400000
#define ARGS_MAX		64	/* arguments after the verb */
#define POLL_COUNT_MIN		1
#define POLL_COUNT_MAX		1000000
#define ARGS_NAMES_MAX		16	/* line names in one command */
#define ARGS_NAME_SIZE		32	/* as GPIO_MAX_NAME_SIZE */

struct linenames;

enum verb {
	VERB_HELP,
	VERB_COMPLETE,	/* the completion hook: ARGS_COMPLETE WORDS... */
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
	VERB_SELFTEST,
	VERB_PINOUT,
	VERB_TICKS,
	VERB_POLL,
};

/* poll's edges: bits of EDGE_RISING and EDGE_FALLING. */
#define EDGE_RISING	1
#define EDGE_FALLING	2

/* In the order of the words read, high, low, write. */
enum bank_op { BANK_READ, BANK_HIGH, BANK_LOW, BANK_WRITE };

/*
 * What `set PINS OP...` asks for; made in the order level, pull, drive
 * strength, slew, function (so a pin made an output starts at its level,
 * pull and drive).
 */
struct set_ops {
	bool set_function;
	enum pgr_function function;
	bool set_level;
	int level;
	bool set_pull;
	enum pgr_pull pull;
	bool set_drive;		/* RP1 only */
	enum pgr_drive drive;
	bool set_slew;		/* RP1 only */
	int slew;		/* 1 fast, 0 slow */
	const char *given[5];	/* the words given: function, level, pull,
				 * drive, slew */
};

struct command {
	const char *device;	/* NULL: the library's default */
	const char *sysfs;	/* NULL: the library's default */
	const char *devicetree;	/* NULL: /proc/device-tree */
	enum verb verb;
	bool help;		/* -h/--help given */
	const char *help_verb;	/* help VERB, VERB --help; NULL: every verb */
	char *const *words;	/* VERB_COMPLETE: the words, the last one */
	int nwords;		/* being completed */
	bool json;		/* --json: info get pinout funcs peek bank events
			 * owners selftest */
	bool force;		/* --force: change pins the kernel claims */
	uint64_t pins;		/* the pin list (bit n: GPIO n); selftest: 0 no PIN */
	bool all_pins;		/* get/funcs/events without a list */
	bool header;		/* a pin given by its 40-pin header number
				 * (pin11, BOARD11, J8:11): the board must
				 * have that header (args_check_board()) */
	unsigned pin;		/* the lowest pin of the list */
	struct set_ops ops;	/* set */
	unsigned long count;	/* blink, ticks */
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
	unsigned long timeout_ms; /* wait, poll; 0: none */
	unsigned edges;		/* poll: EDGE_ bits */
	unsigned long poll_count; /* poll --count, 0: none */
	bool sample;		/* poll --sample */
	/*
	 * Pin words that are none of the CLI's spellings: line names, which
	 * main.c looks up in the device tree's gpio-line-names (then ORs
	 * into pins, and sets pin to the lowest) before anything is opened.
	 */
	unsigned nnames;
	char names[ARGS_NAMES_MAX][ARGS_NAME_SIZE];
	const struct linenames *linenames; /* main.c: for get; may be NULL */
};

/* The options: which verbs take them (spec->options), and OPT_GLOBAL. */
#define OPT_JSON	0x1
#define OPT_FORCE	0x2
#define OPT_SYSCALL	0x4
#define OPT_TIMEOUT	0x8
#define OPT_GLOBAL	0x10	/* every verb: --device --sysfs --devicetree --help */
#define OPT_COUNT	0x20
#define OPT_SAMPLE	0x40

struct option_spec {
	const char *name;	/* NULL ends args_options[] */
	unsigned option;	/* its OPT_ bit */
	const char *value;	/* what its value is ("PATH"), NULL: none */
};
extern const struct option_spec args_options[];

/* What a verb's positional words are, for help and completion. */
enum arg_kind {
	ARG_END,		/* no more words */
	ARG_PINS,		/* a pin list */
	ARG_PIN,
	ARG_OP,			/* a set op */
	ARG_LEVEL,
	ARG_EVENT,		/* an event detector kind */
	ARG_BANK_OP,
	ARG_BANK,
	ARG_NUMBER,
	ARG_OFFSET,
	ARG_VERB,
	ARG_EVENTS_FIRST,	/* "clear", or a pin list */
	ARG_EDGE,		/* poll's rising, falling, both */
};

struct verb_spec {
	const char *name;
	enum verb verb;
	unsigned options;	/* OPT_ bits it takes besides OPT_GLOBAL */
	int (*parse)(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen);
	const char *usage;	/* "set PINS OP..." */
	const char *help;	/* what it does; lines end with \n but the last */
	enum arg_kind args[4];	/* its words in order */
	bool repeat_last;	/* the last kind repeats */
};

/* The completion hook's verb: pigpio-regs __complete WORDS... */
#define ARGS_COMPLETE "__complete"

/* The verbs, in the order help lists them; a verb by name, or NULL. */
const struct verb_spec *args_verbs(size_t *count);
const struct verb_spec *args_find_verb(const char *name);

/*
 * Resolve cmd's line names (cmd->names) against ln (NULL: none could be
 * read, why in ln_err): 0, or -EINVAL with the message (unknown name,
 * a name two lines share, a second pin where the verb takes one).
 */
int args_resolve_names(struct command *cmd, const struct linenames *ln,
		       const char *ln_err, char *err, size_t errlen);

/* The words a kind of argument can be (NULL-terminated), or NULL. */
const char *const *args_words(enum arg_kind kind);

/* A decimal or 0x-hex number in [min, max]; what names it in messages. */
int args_parse_number(const char *s, unsigned long long min,
		      unsigned long long max, const char *what,
		      unsigned long long *out, char *err, size_t errlen);

/*
 * A decimal GPIO number, bare or after "GPIO" or "BCM" in any case (its
 * range is checked against the chip later); or a pin of the 40-pin header
 * after "pin", "BOARD" or "J8:" (any case), its GPIO number given back
 * (power and ground pins refused). The command-line parser marks the
 * header numbers (struct command's header) for args_check_board().
 */
int args_parse_pin(const char *s, unsigned *pin, char *err, size_t errlen);

/* The GPIO of 40-pin header pin 1-40, or -1 (power, ground, no such pin). */
int args_header_gpio(unsigned header_pin);

/* What 40-pin header pin 1-40 is if not a GPIO (3V3, 5V, GND), or NULL. */
const char *args_header_power(unsigned header_pin);

/*
 * The header of the board with this revision code (the device tree's
 * /system/linux,revision): 40 (the 40-pin header), 26 (the Pi 1 Model A
 * and B), 0 (none: the Compute Modules), its name in *name; or -1 and
 * *name NULL for a code this version does not know.
 */
int args_board_header(uint32_t revision, const char **name);

/*
 * Whether a board with this revision code (the device tree's
 * /system/linux,revision; have_revision false: none could be read) has
 * the 40-pin header that header pin numbers name: 0, or -EINVAL with the
 * message. The Pi 1 Model A and B have a 26-pin header whose pins differ
 * between their revisions, and the Compute Modules have none: refused,
 * as is a board whose code is not known, rather than guessed.
 */
int args_check_board(bool have_revision, uint32_t revision, char *err,
		     size_t errlen);

/*
 * A pin list such as "4,17-21" into a mask (bit n: GPIO n) and its lowest
 * pin. Pins above 63 are out of range here; the chip's count later.
 */
int args_parse_pins(const char *s, uint64_t *pins, unsigned *first,
		    char *err, size_t errlen);

/* A register byte offset, decimal or 0x hex, a multiple of 4. */
int args_parse_offset(const char *s, unsigned *offset, char *err,
		      size_t errlen);

/*
 * One op of `set` (op ip a0..a8 dh dl pu pd pn d2 d4 d8 d12 slew-fast
 * slew-slow, or their long words), merged into ops.
 */
int args_parse_set_op(const char *s, struct set_ops *ops, char *err,
		      size_t errlen);

/*
 * "--name VALUE" or "--name=VALUE" at argv[*i]: 1 and *value set (*i past
 * VALUE) if it is this option, 0 if it is another, -EINVAL if VALUE is
 * missing or empty.
 */
int args_option_value(int argc, char *const argv[], int *i, const char *name,
		      const char **value, char *err, size_t errlen);

/* The whole command line, argv[0] included. */
int args_parse(int argc, char *const argv[], struct command *cmd, char *err,
	       size_t errlen);

/*
 * The checks of the verb's words against the options (args_parse() runs
 * it last; completion too): detect enables detectors only with --force.
 */
int args_check_options(const struct command *cmd, char *err, size_t errlen);

/* The checks that need the opened chip. */
int args_check_chip(const struct command *cmd, const char *soc,
		    unsigned ngpio, size_t block_size, char *err,
		    size_t errlen);

#endif /* PGR_CLI_ARGS_H */
