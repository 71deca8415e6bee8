// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pigpio-regs command line parser: numbers, pins, offsets, set ops and
 * the verbs' argument lists. Pure: no I/O, no globals.
 */
#define _POSIX_C_SOURCE 200809L	/* strncasecmp() */

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "args.h"

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * All of s as a number: decimal, or hex after "0x". No sign, no spaces and
 * no octal (a leading 0 is decimal). -EINVAL if not a number, -ERANGE if
 * it does not fit an unsigned long long.
 */
static int parse_ull(const char *s, bool hex_allowed, unsigned long long *out)
{
	unsigned base = 10;
	unsigned long long value = 0;
	int digit;

	if (hex_allowed && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (*s == '\0')
		return -EINVAL;

	for (; *s; s++) {
		digit = digit_value(*s);
		if (digit >= (int)base)
			return -EINVAL;
		if (value > (ULLONG_MAX - digit) / base)
			return -ERANGE;
		value = value * base + digit;
	}
	*out = value;
	return 0;
}

int args_parse_number(const char *s, unsigned long long min,
		      unsigned long long max, const char *what,
		      unsigned long long *out, char *err, size_t errlen)
{
	unsigned long long value;
	int ret = parse_ull(s, true, &value);

	if (ret == -EINVAL)
		return fail(err, errlen, "invalid %s '%s' (expected a number %llu-%llu)",
			    what, s, min, max);
	if (ret == -ERANGE || value < min || value > max)
		return fail(err, errlen, "%s %s out of range (expected %llu-%llu)",
			    what, s, min, max);
	*out = value;
	return 0;
}

/*
 * The 40-pin header (J8) of every board that has one, the same on all of
 * them (Pi 1 A+/B+, 2, 3, 3A+/3B+, 4, 400, 5, 500, Zero, Zero W, Zero 2 W):
 * the GPIO of each physical pin, or what the pin is instead.
 */
#define HDR_3V3	{ -1, "3V3", "3V3 power" }
#define HDR_5V	{ -1, "5V", "5V power" }
#define HDR_GND	{ -1, "GND", "ground" }
static const struct {
	int gpio;		/* -1: not a GPIO */
	const char *name;	/* for those: 3V3, 5V, GND (as printed on it) */
	const char *what;	/* and in words: 3V3 power, 5V power, ground */
} header40[41] = {
	[1] = HDR_3V3, [2] = HDR_5V,
	[3] = { 2, NULL, NULL }, [4] = HDR_5V,
	[5] = { 3, NULL, NULL }, [6] = HDR_GND,
	[7] = { 4, NULL, NULL }, [8] = { 14, NULL, NULL },
	[9] = HDR_GND, [10] = { 15, NULL, NULL },
	[11] = { 17, NULL, NULL }, [12] = { 18, NULL, NULL },
	[13] = { 27, NULL, NULL }, [14] = HDR_GND,
	[15] = { 22, NULL, NULL }, [16] = { 23, NULL, NULL },
	[17] = HDR_3V3, [18] = { 24, NULL, NULL },
	[19] = { 10, NULL, NULL }, [20] = HDR_GND,
	[21] = { 9, NULL, NULL }, [22] = { 25, NULL, NULL },
	[23] = { 11, NULL, NULL }, [24] = { 8, NULL, NULL },
	[25] = HDR_GND, [26] = { 7, NULL, NULL },
	[27] = { 0, NULL, NULL }, [28] = { 1, NULL, NULL },
	[29] = { 5, NULL, NULL }, [30] = HDR_GND,
	[31] = { 6, NULL, NULL }, [32] = { 12, NULL, NULL },
	[33] = { 13, NULL, NULL }, [34] = HDR_GND,
	[35] = { 19, NULL, NULL }, [36] = { 16, NULL, NULL },
	[37] = { 26, NULL, NULL }, [38] = { 20, NULL, NULL },
	[39] = HDR_GND, [40] = { 21, NULL, NULL },
};

/* The length of a header prefix at s ("pin", "BOARD", "J8:"), or 0. */
static size_t header_prefix(const char *s)
{
	static const char *const prefixes[] = { "pin", "board", "j8:" };
	size_t i, len;

	for (i = 0; i < 3; i++) {
		len = strlen(prefixes[i]);
		if (strncasecmp(s, prefixes[i], len) == 0)
			return len;
	}
	return 0;
}

/*
 * One pin: a GPIO number, bare or after "GPIO" or "BCM"; or a 40-pin
 * header number after "pin", "BOARD" or "J8:" (*header set: whether this
 * board has that header is checked once it is known, args_check_board()).
 */
static int parse_pin(const char *s, unsigned *pin, bool *header, char *err,
		     size_t errlen)
{
	size_t hlen = header_prefix(s);
	unsigned long long value;
	int ret;

	/*
	 * "GPIO17" as get prints it, and as gpioinfo and pinctrl name pins;
	 * "BCM17" as gpiozero and WiringPi's readall name the same number.
	 */
	ret = parse_ull(hlen ? s + hlen :
			strncasecmp(s, "GPIO", 4) == 0 ? s + 4 :
			strncasecmp(s, "BCM", 3) == 0 ? s + 3 : s, false,
			&value);

	if (ret == -EINVAL)
		return fail(err, errlen, "invalid pin '%s' (expected a GPIO number such as 17, GPIO17 or BCM17, or a header pin such as pin11)",
			    s);
	if (hlen) {
		if (ret == -ERANGE || value < 1 || value > 40)
			return fail(err, errlen, "%s: the 40-pin header has pins 1-40",
				    s);
		if (header40[value].gpio < 0)
			return fail(err, errlen, "%s is %s on the 40-pin header, not a GPIO",
				    s, header40[value].what);
		*pin = (unsigned)header40[value].gpio;
		*header = true;
		return 0;
	}
	/* Too big for any chip; say so the way args_check_chip() would. */
	if (ret == -ERANGE || value > UINT_MAX)
		return fail(err, errlen, "pin %s out of range", s);
	*pin = value;
	return 0;
}

int args_parse_pin(const char *s, unsigned *pin, char *err, size_t errlen)
{
	bool header = false;

	return parse_pin(s, pin, &header, err, errlen);
}

int args_header_gpio(unsigned header_pin)
{
	return header_pin >= 1 && header_pin <= 40 ?
	       header40[header_pin].gpio : -1;
}

const char *args_header_power(unsigned header_pin)
{
	return header_pin >= 1 && header_pin <= 40 ?
	       header40[header_pin].name : NULL;
}

int args_parse_offset(const char *s, unsigned *offset, char *err,
		      size_t errlen)
{
	unsigned long long value;
	int ret = parse_ull(s, true, &value);

	if (ret == -EINVAL)
		return fail(err, errlen, "invalid offset '%s' (expected a byte offset, decimal or 0x hex)",
			    s);
	/* Too big for any block; say so the way args_check_chip() would. */
	if (ret == -ERANGE || value > UINT_MAX)
		return fail(err, errlen, "offset %s out of range", s);
	if (value % 4 != 0)
		return fail(err, errlen, "offset %s is not a multiple of 4 (registers are 32 bits wide)",
			    s);
	*offset = value;
	return 0;
}

static int parse_pins(const char *s, uint64_t *pins, unsigned *first,
		      bool *header, char *err, size_t errlen)
{
	char item[32];
	const char *p = s, *comma, *dash;
	unsigned from, to, pin;
	uint64_t mask = 0;
	bool range_header;
	size_t len;
	int ret;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0 || len >= sizeof(item))
			return fail(err, errlen, "invalid pin list '%s' (expected pins such as 4,17-21)",
				    s);
		memcpy(item, p, len);
		item[len] = '\0';
		dash = strchr(item, '-');
		if (dash && dash != item) {
			item[dash - item] = '\0';
			range_header = false;
			ret = parse_pin(item, &from, &range_header, err, errlen);
			if (!ret)
				ret = parse_pin(dash + 1, &to, &range_header,
						err, errlen);
			/* pin11-pin13 would be GPIO 17-27: refused, not guessed. */
			if (!ret && range_header)
				return fail(err, errlen, "invalid pin list '%s': header pins take no ranges (list them: pin11,pin12)",
					    s);
			/* "21-17" is 17-21, as pinctrl takes it. */
			if (!ret && from > to) {
				pin = from;
				from = to;
				to = pin;
			}
		} else {
			ret = parse_pin(item, &from, header, err, errlen);
			to = from;
		}
		if (ret)
			return ret;
		if (to >= 64)
			return fail(err, errlen, "pin %u out of range (no SoC has more than 58)",
				    to);
		for (pin = from; pin <= to; pin++)
			mask |= UINT64_C(1) << pin;
		if (!comma)
			break;
		p = comma + 1;
	}
	*pins = mask;
	for (*first = 0; !(mask & 1); mask >>= 1)
		++*first;
	return 0;
}

int args_parse_pins(const char *s, uint64_t *pins, unsigned *first,
		    char *err, size_t errlen)
{
	bool header = false;

	return parse_pins(s, pins, first, &header, err, errlen);
}

/* A pin list into cmd: its pins, its lowest, whether a header pin is in it. */
static int cmd_pins(const char *s, struct command *cmd, char *err,
		    size_t errlen)
{
	return parse_pins(s, &cmd->pins, &cmd->pin, &cmd->header, err, errlen);
}

enum op_kind { OP_FUNCTION, OP_LEVEL, OP_PULL, OP_DRIVE, OP_SLEW };

/*
 * Each op by pinctrl's short name first (the name messages use), then by
 * the words get prints (output, alt5, high, up, 8mA, fast) and libgpiod's
 * levels. pinctrl has no drive strength or slew ops (its "drive" is dh/dl,
 * the level); d2-d12 follow its two-letter style: drive 2-12 mA.
 */
static const struct {
	const char *name;
	enum op_kind kind;
	int value;	/* an enum pgr_function, a level, an enum pgr_pull,
			 * an enum pgr_drive or a slew (1 fast) */
} set_op_table[] = {
	{ "ip", OP_FUNCTION, PGR_FUNC_INPUT },
	{ "op", OP_FUNCTION, PGR_FUNC_OUTPUT },
	{ "a0", OP_FUNCTION, PGR_FUNC_ALT0 },
	{ "a1", OP_FUNCTION, PGR_FUNC_ALT1 },
	{ "a2", OP_FUNCTION, PGR_FUNC_ALT2 },
	{ "a3", OP_FUNCTION, PGR_FUNC_ALT3 },
	{ "a4", OP_FUNCTION, PGR_FUNC_ALT4 },
	{ "a5", OP_FUNCTION, PGR_FUNC_ALT5 },
	{ "a6", OP_FUNCTION, PGR_FUNC_ALT6 },	/* RP1 only */
	{ "a7", OP_FUNCTION, PGR_FUNC_ALT7 },
	{ "a8", OP_FUNCTION, PGR_FUNC_ALT8 },
	{ "no", OP_FUNCTION, PGR_FUNC_NONE },	/* RP1 only: no function */
	{ "dh", OP_LEVEL, 1 },
	{ "dl", OP_LEVEL, 0 },
	{ "pu", OP_PULL, PGR_PULL_UP },
	{ "pd", OP_PULL, PGR_PULL_DOWN },
	{ "pn", OP_PULL, PGR_PULL_NONE },
	/* RP1 only: a BCM chip's pads are not in its window (do_set()). */
	{ "d2", OP_DRIVE, PGR_DRIVE_2MA },
	{ "d4", OP_DRIVE, PGR_DRIVE_4MA },
	{ "d8", OP_DRIVE, PGR_DRIVE_8MA },
	{ "d12", OP_DRIVE, PGR_DRIVE_12MA },
	{ "slew-fast", OP_SLEW, 1 },
	{ "slew-slow", OP_SLEW, 0 },
	{ "input", OP_FUNCTION, PGR_FUNC_INPUT },
	{ "output", OP_FUNCTION, PGR_FUNC_OUTPUT },
	{ "alt0", OP_FUNCTION, PGR_FUNC_ALT0 },
	{ "alt1", OP_FUNCTION, PGR_FUNC_ALT1 },
	{ "alt2", OP_FUNCTION, PGR_FUNC_ALT2 },
	{ "alt3", OP_FUNCTION, PGR_FUNC_ALT3 },
	{ "alt4", OP_FUNCTION, PGR_FUNC_ALT4 },
	{ "alt5", OP_FUNCTION, PGR_FUNC_ALT5 },
	/* RP1 only: the library refuses them on BCM chips (-EINVAL). */
	{ "alt6", OP_FUNCTION, PGR_FUNC_ALT6 },
	{ "alt7", OP_FUNCTION, PGR_FUNC_ALT7 },
	{ "alt8", OP_FUNCTION, PGR_FUNC_ALT8 },
	{ "high", OP_LEVEL, 1 },
	{ "low", OP_LEVEL, 0 },
	{ "1", OP_LEVEL, 1 },
	{ "0", OP_LEVEL, 0 },
	{ "active", OP_LEVEL, 1 },
	{ "inactive", OP_LEVEL, 0 },
	{ "up", OP_PULL, PGR_PULL_UP },
	{ "down", OP_PULL, PGR_PULL_DOWN },
	{ "none", OP_PULL, PGR_PULL_NONE },
	{ "2mA", OP_DRIVE, PGR_DRIVE_2MA },
	{ "4mA", OP_DRIVE, PGR_DRIVE_4MA },
	{ "8mA", OP_DRIVE, PGR_DRIVE_8MA },
	{ "12mA", OP_DRIVE, PGR_DRIVE_12MA },
	{ "fast", OP_SLEW, 1 },
	{ "slow", OP_SLEW, 0 },
};

#define NOPS (sizeof(set_op_table) / sizeof(set_op_table[0]))

static const char *const kind_names[] = {
	"function", "level", "pull", "drive", "slew",
};

static bool op_taken(const struct set_ops *ops, enum op_kind kind)
{
	const bool taken[] = {
		[OP_FUNCTION] = ops->set_function,
		[OP_LEVEL] = ops->set_level,
		[OP_PULL] = ops->set_pull,
		[OP_DRIVE] = ops->set_drive,
		[OP_SLEW] = ops->set_slew,
	};

	return taken[kind];
}

int args_parse_set_op(const char *s, struct set_ops *ops, char *err,
		      size_t errlen)
{
	enum op_kind kind;
	size_t i;

	for (i = 0; i < NOPS; i++) {
		if (strcmp(s, set_op_table[i].name) != 0)
			continue;
		kind = set_op_table[i].kind;
		/* "op a0" or "dh dl" contradict each other: refuse to guess. */
		if (op_taken(ops, kind))
			return fail(err, errlen, "set: more than one %s op ('%s' after '%s')",
				    kind_names[kind], s, ops->given[kind]);
		ops->given[kind] = s;
		if (kind == OP_FUNCTION) {
			ops->set_function = true;
			ops->function = (enum pgr_function)set_op_table[i].value;
		} else if (kind == OP_LEVEL) {
			ops->set_level = true;
			ops->level = set_op_table[i].value;
		} else if (kind == OP_PULL) {
			ops->set_pull = true;
			ops->pull = (enum pgr_pull)set_op_table[i].value;
		} else if (kind == OP_DRIVE) {
			ops->set_drive = true;
			ops->drive = (enum pgr_drive)set_op_table[i].value;
		} else {
			ops->set_slew = true;
			ops->slew = set_op_table[i].value;
		}
		return 0;
	}
	return fail(err, errlen, "set: unknown op '%s' (expected output/op, input/ip, alt0-alt8/a0-a8, no, high/dh/1, low/dl/0, up/pu, down/pd, none/pn, d2/d4/d8/d12, slew-fast/slew-slow)",
		    s);
}

/* --- the verbs' argument lists ------------------------------------------- */

static int no_args(const char *verb, int argc, char *const argv[],
		   char *err, size_t errlen)
{
	if (argc != 0)
		return fail(err, errlen, "%s takes no arguments (got '%s')",
			    verb, argv[0]);
	return 0;
}

static int parse_info(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	(void)cmd;
	return no_args("info", argc, argv, err, errlen);
}

static int parse_pinout(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	(void)cmd;
	return no_args("pinout", argc, argv, err, errlen);
}

static int parse_explain(int argc, char *const argv[], struct command *cmd,
			 char *err, size_t errlen)
{
	(void)cmd;
	return no_args("explain", argc, argv, err, errlen);
}

/* [PINS]: a pin list, or every pin. */
static int optional_pins(const char *verb, int argc, char *const argv[],
			 struct command *cmd, char *err, size_t errlen)
{
	if (argc > 1)
		return fail(err, errlen, "%s takes at most one PIN list (usage: %s [PINS], e.g. %s 4,17-21)",
			    verb, verb, verb);
	if (argc == 0) {
		cmd->all_pins = true;
		return 0;
	}
	return cmd_pins(argv[0], cmd, err, errlen);
}

static int parse_get(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen)
{
	return optional_pins("get", argc, argv, cmd, err, errlen);
}

static int parse_funcs(int argc, char *const argv[], struct command *cmd,
		       char *err, size_t errlen)
{
	return optional_pins("funcs", argc, argv, cmd, err, errlen);
}

static int parse_owners(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	return optional_pins("owners", argc, argv, cmd, err, errlen);
}

static int parse_toggle(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	if (argc != 1)
		return fail(err, errlen, "toggle takes one PIN list (usage: toggle PINS)");
	return cmd_pins(argv[0], cmd, err, errlen);
}

static const char *const event_words[] = {
	"rising", "falling", "high", "low", "async-rising", "async-falling",
	"none", NULL,
};

static int parse_detect(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	bool none = false;
	unsigned k;
	int i, ret;

	if (argc < 2)
		return fail(err, errlen, "detect takes PINS and at least one KIND (usage: detect PINS rising|falling|high|low|async-rising|async-falling|none...)");
	ret = cmd_pins(argv[0], cmd, err, errlen);
	for (i = 1; !ret && i < argc; i++) {
		if (strcmp(argv[i], "none") == 0) {
			if (none)
				return fail(err, errlen, "detect: 'none' given twice");
			none = true;
			continue;
		}
		for (k = 0; k < PGR_EVENT_KINDS; k++)
			if (strcmp(argv[i], event_words[k]) == 0)
				break;
		if (k == PGR_EVENT_KINDS)
			return fail(err, errlen, "detect: unknown kind '%s' (expected rising, falling, high, low, async-rising, async-falling, none)",
				    argv[i]);
		if (cmd->events & (1u << k))
			return fail(err, errlen, "detect: '%s' given twice",
				    argv[i]);
		cmd->events |= 1u << k;
	}
	if (!ret && none && cmd->events)
		return fail(err, errlen, "detect: 'none' contradicts the other kinds");
	return ret;
}

static int parse_events(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	if (argc > 0 && strcmp(argv[0], "clear") == 0) {
		cmd->clear = true;
		if (argc != 2)
			return fail(err, errlen, "events clear takes one PIN list (usage: events clear PINS)");
		return cmd_pins(argv[1], cmd, err, errlen);
	}
	return optional_pins("events", argc, argv, cmd, err, errlen);
}

static const char *const level_words[] = {
	"high", "low", "1", "0", "active", "inactive", NULL,
};

static int parse_level(const char *s, int *level, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; level_words[i]; i++)
		if (strcmp(s, level_words[i]) == 0) {
			*level = i % 2 == 0;
			return 0;
		}
	if (!strcmp(s, "hi") || !strcmp(s, "lo")) {
		*level = s[0] == 'h';
		return 0;
	}
	return fail(err, errlen, "invalid level '%s' (expected 0, 1, low, high, inactive or active)",
		    s);
}

/* One pin, below 64 (the chip's count is checked later). */
static int one_pin(const char *s, struct command *cmd, char *err,
		   size_t errlen)
{
	int ret = parse_pin(s, &cmd->pin, &cmd->header, err, errlen);

	if (!ret && cmd->pin >= 64)
		return fail(err, errlen, "pin %s out of range", s);
	if (!ret)
		cmd->pins = UINT64_C(1) << cmd->pin;
	return ret;
}

static int parse_wait(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	int ret;

	if (argc != 2)
		return fail(err, errlen, "wait takes a PIN and a LEVEL (usage: wait PIN LEVEL [--timeout MS])");
	ret = one_pin(argv[0], cmd, err, errlen);
	return ret ? ret : parse_level(argv[1], &cmd->level, err, errlen);
}

static int parse_u32(const char *s, const char *what, uint32_t *out,
		     char *err, size_t errlen)
{
	unsigned long long value;
	int ret = args_parse_number(s, 0, UINT32_MAX, what, &value, err,
				    errlen);

	if (!ret)
		*out = (uint32_t)value;
	return ret;
}

static const char *const bank_words[] = { "read", "high", "low", "write", NULL };

static int parse_bank(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	static const char *const args[] = {
		"BANK", "BANK MASK", "BANK MASK", "BANK MASK VALUES",
	};
	static const int nargs[] = { 1, 2, 2, 3 };
	unsigned long long bank;
	size_t i;
	int ret;

	for (i = 0; argc > 0 && bank_words[i]; i++)
		if (strcmp(argv[0], bank_words[i]) == 0)
			break;
	/* The old words: "clear" meant three things (set dl, events clear). */
	if (argc > 0 && (!strcmp(argv[0], "set") || !strcmp(argv[0], "clear")))
		return fail(err, errlen, "bank %s is now 'bank %s BANK MASK' (drive the pins of MASK %s)",
			    argv[0], argv[0][0] == 's' ? "high" : "low",
			    argv[0][0] == 's' ? "high" : "low");
	if (argc == 0 || !bank_words[i])
		return fail(err, errlen, "bank needs an op: read BANK, high BANK MASK, low BANK MASK, write BANK MASK VALUES");
	if (argc - 1 != nargs[i])
		return fail(err, errlen, "bank %s takes %s", bank_words[i],
			    args[i]);
	cmd->bank_op = (enum bank_op)i;
	ret = args_parse_number(argv[1], 0, 1, "bank", &bank, err, errlen);
	if (!ret)
		cmd->bank = (unsigned)bank;
	if (!ret && argc > 2)
		ret = parse_u32(argv[2], "mask", &cmd->mask, err, errlen);
	if (!ret && argc > 3)
		ret = parse_u32(argv[3], "values", &cmd->values, err, errlen);
	return ret;
}

/* selftest [PIN]: without one, the pin is chosen once the chip is open. */
static int parse_selftest(int argc, char *const argv[], struct command *cmd,
			  char *err, size_t errlen)
{
	if (argc > 1)
		return fail(err, errlen, "selftest takes at most one PIN (usage: selftest [PIN])");
	return argc ? one_pin(argv[0], cmd, err, errlen) : 0;
}

static int parse_set(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen)
{
	int i, ret;

	if (argc < 2)
		return fail(err, errlen, "set takes a PIN and at least one op (usage: set PINS OP...)");
	ret = cmd_pins(argv[0], cmd, err, errlen);
	for (i = 1; !ret && i < argc; i++)
		ret = args_parse_set_op(argv[i], &cmd->ops, err, errlen);
	return ret;
}

static int parse_blink(int argc, char *const argv[], struct command *cmd,
		       char *err, size_t errlen)
{
	unsigned long long value;
	int ret;

	if (argc < 1 || argc > 3)
		return fail(err, errlen, "blink takes a PIN, then optionally COUNT and PERIOD_MS (usage: blink PIN [COUNT] [PERIOD_MS])");
	ret = one_pin(argv[0], cmd, err, errlen);
	if (!ret && argc > 1) {
		ret = args_parse_number(argv[1], BLINK_COUNT_MIN,
					BLINK_COUNT_MAX, "count", &value,
					err, errlen);
		if (!ret)
			cmd->count = value;
	}
	if (!ret && argc > 2) {
		ret = args_parse_number(argv[2], BLINK_PERIOD_MIN,
					BLINK_PERIOD_MAX, "period (ms)", &value,
					err, errlen);
		if (!ret)
			cmd->period_ms = value;
	}
	return ret;
}

static int parse_peek(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	if (argc == 0)
		return fail(err, errlen, "peek needs an OFFSET (usage: peek [--syscall] OFFSET)");
	if (argc > 1)
		return fail(err, errlen, "peek takes one OFFSET (usage: peek [--syscall] OFFSET)");
	return args_parse_offset(argv[0], &cmd->offset, err, errlen);
}

static int parse_help(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	if (argc > 1)
		return fail(err, errlen, "help takes at most one VERB (usage: help [VERB])");
	if (argc == 1) {
		if (!args_find_verb(argv[0]))
			return fail(err, errlen, "help: unknown verb '%s' (try help)",
				    argv[0]);
		cmd->help_verb = argv[0];
	}
	return 0;
}

/* --- the verb table: parsing, help and completion come from it ----------- */

static const struct verb_spec verb_table[] = {
	{ "info", VERB_INFO, OPT_JSON, parse_info, "info",
	  "the SoC, the block's addresses and sizes,\n"
	  "where this process mapped it, and how\n"
	  "configuration changes are made",
	  { 0 }, false },
	{ "get", VERB_GET, OPT_JSON, parse_get, "get [PINS]",
	  "one pin: GPIO<PIN> <function> <high|low>;\n"
	  "several or none (all): a table with ALT name,\n"
	  "level, pull (RP1: drive strength, slew),\n"
	  "events and owner",
	  { ARG_PINS }, false },
	{ "set", VERB_SET, OPT_FORCE, parse_set, "set PINS OP...",
	  "OP: output/op, input/ip, alt0-alt5/a0-a5\n"
	  "(function); high/dh/1/active,\n"
	  "low/dl/0/inactive (drive); up/pu, down/pd,\n"
	  "none/pn (pull); RP1 (Pi 5) only: alt6-alt8/\n"
	  "a6-a8, no (no function), d2/2mA, d4/4mA,\n"
	  "d8/8mA, d12/12mA (drive strength),\n"
	  "slew-fast/fast, slew-slow/slow (slew rate);\n"
	  "every op is checked against the chip before\n"
	  "any register is written (else exit 2);\n"
	  "e.g. 'set 17 output high' or 'set 17 op dh'",
	  { ARG_PINS, ARG_OP }, true },
	{ "toggle", VERB_TOGGLE, OPT_FORCE, parse_toggle, "toggle PINS",
	  "drive each pin to the opposite of its level",
	  { ARG_PINS }, false },
	{ "pinout", VERB_PINOUT, OPT_JSON, parse_pinout, "pinout",
	  "the 40-pin header as it lies, odd pins left,\n"
	  "even right: each pin's number and name (3V3,\n"
	  "5V, GND, GPIOn) and a GPIO's function, ALT\n"
	  "name and level, read from the registers; the\n"
	  "board from the device tree's revision code\n"
	  "(boards without the 40-pin header: exit 1)",
	  { 0 }, false },
	{ "funcs", VERB_FUNCS, OPT_JSON, parse_funcs, "funcs [PINS]",
	  "the ALT0-ALT5 functions of each pin\n"
	  "(ALT0-ALT8 on the RP1)",
	  { ARG_PINS }, false },
	{ "blink", VERB_BLINK, OPT_FORCE, parse_blink,
	  "blink PIN [COUNT] [PERIOD_MS]",
	  "make PIN an output and toggle it COUNT times\n"
	  "(1-1000000, default 10), PERIOD_MS each\n"
	  "(2-60000, default 500); SIGINT, SIGTERM or\n"
	  "SIGHUP stop it and leave the pin as it was\n"
	  "found",
	  { ARG_PIN, ARG_NUMBER, ARG_NUMBER }, false },
	{ "peek", VERB_PEEK, OPT_JSON | OPT_SYSCALL, parse_peek,
	  "peek [--syscall] OFFSET",
	  "print the register at byte OFFSET (decimal or\n"
	  "0x hex, a multiple of 4); --syscall reads it\n"
	  "with pread() through the driver instead of the\n"
	  "mapping",
	  { ARG_OFFSET }, false },
	{ "bank", VERB_BANK, OPT_JSON | OPT_FORCE, parse_bank,
	  "bank read|high|low|write BANK [MASK [VALUES]]",
	  "read BANK: GPLEVn of bank 0 (pins 0-31) or 1\n"
	  "(32-); high|low BANK MASK: one store to GPSETn\n"
	  "/ GPCLRn; write BANK MASK VALUES: drive the\n"
	  "pins of MASK whose VALUES bit is 1 high, the\n"
	  "others low",
	  { ARG_BANK_OP, ARG_BANK, ARG_NUMBER, ARG_NUMBER }, false },
	{ "detect", VERB_DETECT, OPT_FORCE, parse_detect, "detect PINS KIND...",
	  "enable exactly these event detectors: rising\n"
	  "falling high low async-rising async-falling,\n"
	  "or none; enabling any needs --force: the\n"
	  "kernel's pinctrl-bcm2835 clears only events of\n"
	  "pins whose interrupt a driver requested, so\n"
	  "one on another pin can leave the bank's\n"
	  "interrupt asserted (docs/cli.md); none\n"
	  "(disable) needs no --force",
	  { ARG_PINS, ARG_EVENT }, true },
	{ "events", VERB_EVENTS, OPT_JSON | OPT_FORCE, parse_events,
	  "events [PINS] | events clear PINS",
	  "events detected (GPEDS) and enabled detectors;\n"
	  "clear: reset the detected events (write 1 to\n"
	  "clear)",
	  { ARG_EVENTS_FIRST, ARG_PINS }, false },
	{ "wait", VERB_WAIT, OPT_TIMEOUT, parse_wait,
	  "wait PIN LEVEL [--timeout MS]",
	  "poll until PIN is LEVEL (1/0, high/low,\n"
	  "active/inactive): exit 0, or 1 after MS\n"
	  "milliseconds, or 128+N when signal N stops it",
	  { ARG_PIN, ARG_LEVEL }, false },
	{ "owners", VERB_OWNERS, OPT_JSON, parse_owners, "owners [PINS]",
	  "which pins the kernel claims, from the device\n"
	  "tree and from gpiolib's line info, apart",
	  { ARG_PINS }, false },
	{ "explain", VERB_EXPLAIN, 0, parse_explain, "explain",
	  "for teaching: the register block's bus,\n"
	  "physical, kernel and user addresses, the\n"
	  "page-table entries of the two mappings (root),\n"
	  "and one read through the mapping and pread()",
	  { 0 }, false },
	{ "selftest", VERB_SELFTEST, OPT_JSON | OPT_FORCE, parse_selftest,
	  "selftest [PIN]",
	  "drive PIN (default: the first free one of\n"
	  "17,27,22,...) out high and low and pull it up\n"
	  "and down, each read back: PASS, FAIL or NOT\n"
	  "OBSERVABLE per line (see docs/cli.md); the\n"
	  "pin is left as found, also on SIGINT, SIGTERM\n"
	  "or SIGHUP (exit 128+N); exit 1 if a check\n"
	  "failed",
	  { ARG_PIN }, false },
	{ "help", VERB_HELP, 0, parse_help, "help [VERB]",
	  "this list, or one verb's usage (also: VERB\n"
	  "--help)",
	  { ARG_VERB }, false },
};

#define NVERBS (sizeof(verb_table) / sizeof(verb_table[0]))

const struct verb_spec *args_verbs(size_t *count)
{
	*count = NVERBS;
	return verb_table;
}

const struct verb_spec *args_find_verb(const char *name)
{
	size_t v;

	for (v = 0; v < NVERBS; v++)
		if (strcmp(name, verb_table[v].name) == 0)
			return &verb_table[v];
	return NULL;
}

const char *const *args_words(enum arg_kind kind)
{
	static const char *const op_words[] = {
		"output", "input", "alt0", "alt1", "alt2", "alt3", "alt4",
		"alt5", "alt6", "alt7", "alt8", "high", "low", "up", "down",
		"none", "op", "ip", "a0", "a1", "a2", "a3", "a4", "a5", "a6",
		"a7", "a8", "no", "dh", "dl", "pu", "pd", "pn", "1", "0", "active",
		"inactive", "d2", "d4", "d8", "d12", "2mA", "4mA", "8mA",
		"12mA", "slew-fast", "slew-slow", "fast", "slow", NULL,
	};
	static const char *const bank_numbers[] = { "0", "1", NULL };

	switch (kind) {
	case ARG_OP:
		return op_words;
	case ARG_LEVEL:
		return level_words;
	case ARG_EVENT:
		return event_words;
	case ARG_BANK_OP:
		return bank_words;
	case ARG_BANK:
		return bank_numbers;
	default:
		return NULL;
	}
}

const struct option_spec args_options[] = {
	{ "--json", OPT_JSON, NULL },
	{ "--force", OPT_FORCE, NULL },
	{ "--syscall", OPT_SYSCALL, NULL },
	{ "--timeout", OPT_TIMEOUT, "MS" },
	{ "--device", OPT_GLOBAL, "PATH" },
	{ "--sysfs", OPT_GLOBAL, "DIR" },
	{ "--devicetree", OPT_GLOBAL, "DIR" },
	{ "--help", OPT_GLOBAL, NULL },
	{ NULL, 0, NULL },
};

int args_option_value(int argc, char *const argv[], int *i, const char *name,
		      const char **value, char *err, size_t errlen)
{
	const char *arg = argv[*i];
	size_t len = strlen(name);

	if (strncmp(arg, name, len) != 0)
		return 0;
	if (arg[len] == '=') {
		*value = arg + len + 1;
	} else if (arg[len] == '\0') {
		if (*i + 1 >= argc)
			return fail(err, errlen, "%s needs a value", name);
		*value = argv[++*i];
	} else {
		return 0;
	}
	if (**value == '\0')
		return fail(err, errlen, "%s needs a non-empty value", name);
	return 1;
}

/*
 * One option at argv[*i], before or after the verb: 1 if taken (the
 * option's OPT_ bit in *option), 0 if argv[*i] is not an option this
 * parser knows, -EINVAL (message in err) if its value is bad.
 */
static int any_option(int argc, char *const argv[], int *i,
		      struct command *cmd, unsigned *option, char *err,
		      size_t errlen)
{
	const char *arg = argv[*i], *value;
	unsigned long long ms;
	int ret;

	*option = OPT_GLOBAL;
	if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
		cmd->help = true;
		return 1;
	}
	if (!strcmp(arg, "--json")) {
		*option = OPT_JSON;
		cmd->json = true;
		return 1;
	}
	if (!strcmp(arg, "--force")) {
		*option = OPT_FORCE;
		cmd->force = true;
		return 1;
	}
	if (!strcmp(arg, "--syscall")) {
		*option = OPT_SYSCALL;
		cmd->syscall = true;
		return 1;
	}
	ret = args_option_value(argc, argv, i, "--devicetree",
				&cmd->devicetree, err, errlen);
	if (!ret)
		ret = args_option_value(argc, argv, i, "--device",
					&cmd->device, err, errlen);
	if (!ret)
		ret = args_option_value(argc, argv, i, "--sysfs", &cmd->sysfs,
					err, errlen);
	if (ret)
		return ret;
	ret = args_option_value(argc, argv, i, "--timeout", &value, err,
				errlen);
	if (ret <= 0)
		return ret;
	*option = OPT_TIMEOUT;
	ret = args_parse_number(value, WAIT_TIMEOUT_MIN, WAIT_TIMEOUT_MAX,
				"timeout (ms)", &ms, err, errlen);
	if (ret)
		return ret;
	cmd->timeout_ms = ms;
	return 1;
}

/* The name of the first option of these bits, for messages. */
static const char *option_name(unsigned option)
{
	size_t i;

	for (i = 0; args_options[i].name; i++)
		if (args_options[i].option & option)
			return args_options[i].name;
	return "?";
}

int args_parse(int argc, char *const argv[], struct command *cmd, char *err,
	       size_t errlen)
{
	const char *rest[ARGS_MAX + 1];
	const struct verb_spec *spec = NULL;
	unsigned option, given = 0;
	bool options_end = false;
	int i, n = 0, ret;

	memset(cmd, 0, sizeof(*cmd));
	cmd->count = BLINK_COUNT_DEFAULT;
	cmd->period_ms = BLINK_PERIOD_DEFAULT;

	/* The completion hook: every word after it is data. */
	if (argc > 1 && strcmp(argv[1], ARGS_COMPLETE) == 0) {
		cmd->verb = VERB_COMPLETE;
		cmd->words = argv + 2;
		cmd->nwords = argc - 2;
		return 0;
	}

	/* Options anywhere: before the verb, between and after its words. */
	for (i = 1; i < argc; i++) {
		/* "-1" is a (bad) number for the verb to refuse, not an option. */
		if (!options_end && argv[i][0] == '-' && argv[i][1] != '\0' &&
		    !(argv[i][1] >= '0' && argv[i][1] <= '9')) {
			if (strcmp(argv[i], "--") == 0) {
				options_end = true;
				continue;
			}
			if (!spec && (!strcmp(argv[i], "-V") ||
				      !strcmp(argv[i], "--version"))) {
				cmd->verb = VERB_VERSION;
				return 0;
			}
			ret = any_option(argc, argv, &i, cmd, &option, err,
					 errlen);
			if (ret < 0)
				return ret;
			if (ret == 0 && spec)
				return fail(err, errlen, "%s: unknown option '%s' (try: pigpio-regs help %s)",
					    spec->name, argv[i], spec->name);
			if (ret == 0)
				return fail(err, errlen, "unknown option '%s' (try --help)",
					    argv[i]);
			/* --help before the verb: the whole list at once. */
			if (cmd->help && !spec) {
				cmd->verb = VERB_HELP;
				return 0;
			}
			given |= option;
			continue;
		}
		if (!spec) {
			spec = args_find_verb(argv[i]);
			if (spec)
				continue;
			/* pinctrl's "pinctrl 17 op dh": the verb is never implied. */
			if (args_parse_pins(argv[i], &cmd->pins, &cmd->pin, err,
					    errlen) == 0)
				return fail(err, errlen, "'%s' is a pin list, not a verb: say 'get %s' or 'set %s OP...' (the verb is never implied, see docs/cli.md)",
					    argv[i], argv[i], argv[i]);
			return fail(err, errlen, "unknown verb '%s' (try --help)",
				    argv[i]);
		}
		if (n == ARGS_MAX)
			return fail(err, errlen, "too many arguments (at most %d)",
				    ARGS_MAX);
		rest[n++] = argv[i];
	}
	if (!spec)
		return fail(err, errlen, "missing verb (try --help)");
	rest[n] = NULL;

	cmd->verb = spec->verb;
	if (cmd->help) {
		/* VERB --help: that verb's usage, whatever else was given. */
		cmd->verb = VERB_HELP;
		cmd->help_verb = spec->name;
		return 0;
	}
	option = given & ~(spec->options | OPT_GLOBAL);
	if (option)
		return fail(err, errlen, "%s does not take %s", spec->name,
			    option_name(option));
	ret = spec->parse(n, (char *const *)rest, cmd, err, errlen);
	return ret ? ret : args_check_options(cmd, err, errlen);
}

/*
 * The boards by their revision code's type (new-style codes, bit 23 set:
 * type in bits 11:4) and the old Pi 1 codes, from Raspberry Pi's
 * "Raspberry Pi revision codes" documentation: 40 a board with the 40-pin
 * header, 26 the Pi 1 Model A/B's header, 0 none (Compute Modules).
 */
static const struct {
	unsigned type;
	int header;
	const char *name;
} board_types[] = {
	{ 0x00, 26, "Pi 1 Model A" }, { 0x01, 26, "Pi 1 Model B" },
	{ 0x02, 40, "Pi 1 Model A+" }, { 0x03, 40, "Pi 1 Model B+" },
	{ 0x04, 40, "Pi 2 Model B" }, { 0x06, 0, "Compute Module 1" },
	{ 0x08, 40, "Pi 3 Model B" }, { 0x09, 40, "Pi Zero" },
	{ 0x0a, 0, "Compute Module 3" }, { 0x0c, 40, "Pi Zero W" },
	{ 0x0d, 40, "Pi 3 Model B+" }, { 0x0e, 40, "Pi 3 Model A+" },
	{ 0x10, 0, "Compute Module 3+" }, { 0x11, 40, "Pi 4 Model B" },
	{ 0x12, 40, "Pi Zero 2 W" }, { 0x13, 40, "Pi 400" },
	{ 0x14, 0, "Compute Module 4" }, { 0x15, 0, "Compute Module 4S" },
	{ 0x17, 40, "Pi 5" }, { 0x18, 0, "Compute Module 5" },
	{ 0x19, 40, "Pi 500" }, { 0x1a, 0, "Compute Module 5 Lite" },
};

/* The old-style (Pi 1) codes: the type of board_types[] each one is. */
static int old_code_type(uint32_t code)
{
	if ((code >= 0x02 && code <= 0x06) || (code >= 0x0d && code <= 0x0f))
		return 0x01;	/* Model B, rev 1 (2, 3) and rev 2 */
	if (code >= 0x07 && code <= 0x09)
		return 0x00;	/* Model A */
	if (code == 0x10 || code == 0x13)
		return 0x03;	/* Model B+ */
	if (code == 0x12 || code == 0x15)
		return 0x02;	/* Model A+ */
	if (code == 0x11 || code == 0x14)
		return 0x06;	/* Compute Module 1 */
	return -1;
}

int args_board_header(uint32_t revision, const char **name)
{
	int type;
	size_t i;

	/* Bit 23: a new-style code; bits 24-31 are warranty and flags. */
	type = revision & 0x800000 ? (int)(revision >> 4 & 0xff) :
	       old_code_type(revision & 0xffffff);
	for (i = 0; i < sizeof(board_types) / sizeof(board_types[0]); i++) {
		if ((int)board_types[i].type == type) {
			*name = board_types[i].name;
			return board_types[i].header;
		}
	}
	*name = NULL;
	return -1;
}

int args_check_board(bool have_revision, uint32_t revision, char *err,
		     size_t errlen)
{
	const char *name;
	int header;

	if (!have_revision)
		return fail(err, errlen, "header pin numbers (pin11, BOARD11, J8:11) need the board's revision code, to know it has the 40-pin header, and the device tree has no /system/linux,revision: give GPIO numbers (17, GPIO17)");
	header = args_board_header(revision, &name);
	if (header == 40)
		return 0;
	if (header == 26)
		return fail(err, errlen, "header pin numbers (pin11, BOARD11, J8:11) are the 40-pin header's; this board (revision 0x%06x) is a %s, whose 26-pin header maps them differently by revision: give GPIO numbers (17, GPIO17)",
			    (unsigned)revision, name);
	if (header == 0)
		return fail(err, errlen, "header pin numbers (pin11, BOARD11, J8:11) are the 40-pin header's; this board (revision 0x%06x) is a %s, which has none: give GPIO numbers (17, GPIO17)",
			    (unsigned)revision, name);
	return fail(err, errlen, "header pin numbers (pin11, BOARD11, J8:11): this board's revision code 0x%06x is not one this version knows, so whether it has the 40-pin header is not guessed: give GPIO numbers (17, GPIO17)",
		    (unsigned)revision);
}

int args_check_options(const struct command *cmd, char *err, size_t errlen)
{
	if (cmd->verb == VERB_DETECT && cmd->events && !cmd->force)
		return fail(err, errlen, "detect: enabling event detectors needs --force: the kernel's pinctrl-bcm2835 clears only the events of pins whose interrupt a driver has requested (bcm2835_gpio_irq_handle_bank() in drivers/pinctrl/bcm/pinctrl-bcm2835.c), so an event on GPIO%u can leave the bank's interrupt asserted, firing again and again; with --force, undo it with 'detect PINS none'",
			    cmd->pin);
	return 0;
}

/*
 * What the library would refuse of set's ops on this chip, refused here
 * before any register is touched: ALT6-ALT8 and no function (the RP1's
 * FUNCSEL values, no GPFSEL code), and drive strength and slew (the RP1's
 * per-pin pads; a BCM chip's are outside its window).
 */
static int check_set_ops(const struct set_ops *ops, const char *soc,
			 char *err, size_t errlen)
{
	if (strcmp(soc, "rp1") == 0)
		return 0;
	/* The BCM chips' functions are the 3-bit GPFSEL codes 0-7. */
	if (ops->set_function && (unsigned)ops->function > 7)
		return fail(err, errlen, "set: '%s' is a function of the RP1 (Raspberry Pi 5) only: this %s has input, output and alt0-alt5",
			    ops->given[OP_FUNCTION], soc);
	if (ops->set_drive || ops->set_slew)
		return fail(err, errlen, "set: '%s': drive strength and slew rate are set per pin only on the RP1 (Raspberry Pi 5); this %s sets them for groups of pins in its PADS registers, outside the GPIO block this device maps",
			    ops->set_drive ? ops->given[OP_DRIVE] :
			    ops->given[OP_SLEW], soc);
	return 0;
}

int args_check_chip(const struct command *cmd, const char *soc,
		    unsigned ngpio, size_t block_size, char *err,
		    size_t errlen)
{
	uint32_t bank_pins;
	unsigned pin;

	switch (cmd->verb) {
	case VERB_GET:
	case VERB_SET:
	case VERB_BLINK:
	case VERB_TOGGLE:
	case VERB_FUNCS:
	case VERB_DETECT:
	case VERB_EVENTS:
	case VERB_WAIT:
	case VERB_OWNERS:
	case VERB_SELFTEST:
		for (pin = ngpio; pin < 64; pin++)
			if (cmd->pins & (UINT64_C(1) << pin))
				return fail(err, errlen, "pin %u out of range (this %s has pins 0-%u)",
					    pin, soc, ngpio - 1);
		if (cmd->verb == VERB_SET)
			return check_set_ops(&cmd->ops, soc, err, errlen);
		if (strcmp(soc, "rp1") == 0 &&
		    (cmd->verb == VERB_DETECT ||
		     (cmd->verb == VERB_EVENTS && cmd->clear)))
			return fail(err, errlen, "%s: the RP1 has no GPREN-GPAFEN or GPEDS registers: its edge and level detectors are interrupt enables in each pin's CTRL, owned by the kernel's pinctrl-rp1 (events PINS shows them)",
				    cmd->verb == VERB_DETECT ? "detect" :
				    "events clear");
		return 0;
	case VERB_BANK:
		/* Bank 0 is pins 0-31, bank 1 pins 32 to ngpio - 1. */
		bank_pins = cmd->bank == 0 ? UINT32_MAX :
			    (UINT32_C(1) << (ngpio - 32)) - 1;
		if (cmd->mask & ~bank_pins)
			return fail(err, errlen, "mask 0x%08x has pins that do not exist (bank %u of this %s is pins %u-%u: mask 0x%08x)",
				    (unsigned)cmd->mask, cmd->bank, soc,
				    32 * cmd->bank,
				    cmd->bank ? ngpio - 1 : 31,
				    (unsigned)bank_pins);
		return 0;
	case VERB_PEEK:
		if (cmd->offset >= block_size)
			return fail(err, errlen, "offset 0x%03x out of range (this %s's block is %zu bytes: 0x000-0x%03zx)",
				    cmd->offset, soc, block_size,
				    block_size - 4);
		return 0;
	case VERB_HELP:
	case VERB_COMPLETE:
	case VERB_VERSION:
	case VERB_INFO:
	case VERB_EXPLAIN:
	case VERB_PINOUT:	/* GPIO0-27: every chip has them */
		return 0;
	}
	return 0;
}
