// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pigpio-regs command line parser: numbers, pins, offsets, set ops and
 * the verbs' argument lists. Pure: no I/O, no globals.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

int args_parse_pin(const char *s, unsigned *pin, char *err, size_t errlen)
{
	unsigned long long value;
	int ret = parse_ull(s, false, &value);

	if (ret == -EINVAL)
		return fail(err, errlen, "invalid pin '%s' (expected a GPIO number such as 17)",
			    s);
	/* Too big for any chip; say so the way args_check_chip() would. */
	if (ret == -ERANGE || value > UINT_MAX)
		return fail(err, errlen, "pin %s out of range", s);
	*pin = value;
	return 0;
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

static const struct {
	const char *name;
	bool is_function;
	int value;	/* an enum pgr_function, or a level */
} set_op_table[] = {
	{ "ip", true, PGR_FUNC_INPUT },
	{ "op", true, PGR_FUNC_OUTPUT },
	{ "a0", true, PGR_FUNC_ALT0 },
	{ "a1", true, PGR_FUNC_ALT1 },
	{ "a2", true, PGR_FUNC_ALT2 },
	{ "a3", true, PGR_FUNC_ALT3 },
	{ "a4", true, PGR_FUNC_ALT4 },
	{ "a5", true, PGR_FUNC_ALT5 },
	{ "dh", false, 1 },
	{ "dl", false, 0 },
};

/* The op that asked for what ops already holds, for messages. */
static const char *earlier_op(const struct set_ops *ops, bool is_function)
{
	int value = is_function ? (int)ops->function : ops->level;
	size_t i;

	for (i = 0; i < sizeof(set_op_table) / sizeof(set_op_table[0]); i++)
		if (set_op_table[i].is_function == is_function &&
		    set_op_table[i].value == value)
			return set_op_table[i].name;
	return "?";
}

int args_parse_set_op(const char *s, struct set_ops *ops, char *err,
		      size_t errlen)
{
	bool is_function;
	size_t i;

	for (i = 0; i < sizeof(set_op_table) / sizeof(set_op_table[0]); i++) {
		if (strcmp(s, set_op_table[i].name) != 0)
			continue;
		is_function = set_op_table[i].is_function;
		/* "op a0" or "dh dl" contradict each other: refuse to guess. */
		if (is_function ? ops->set_function : ops->set_level)
			return fail(err, errlen, "set: more than one %s op ('%s' after '%s')",
				    is_function ? "function" : "level", s,
				    earlier_op(ops, is_function));
		if (is_function) {
			ops->set_function = true;
			ops->function = (enum pgr_function)set_op_table[i].value;
		} else {
			ops->set_level = true;
			ops->level = set_op_table[i].value;
		}
		return 0;
	}
	return fail(err, errlen, "set: unknown op '%s' (expected op, ip, dh, dl, a0-a5)",
		    s);
}

static int parse_info(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	(void)argv;
	(void)cmd;
	if (argc != 0)
		return fail(err, errlen, "info takes no arguments (got '%s')",
			    argv[0]);
	return 0;
}

static int parse_get(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen)
{
	if (argc != 1)
		return fail(err, errlen, "get takes one PIN (usage: get PIN)");
	return args_parse_pin(argv[0], &cmd->pin, err, errlen);
}

static int parse_set(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen)
{
	int i, ret;

	if (argc < 2)
		return fail(err, errlen, "set takes a PIN and at least one op (usage: set PIN OP...)");
	ret = args_parse_pin(argv[0], &cmd->pin, err, errlen);
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
	ret = args_parse_pin(argv[0], &cmd->pin, err, errlen);
	if (!ret && argc > 1) {
		ret = args_parse_number(argv[1], BLINK_COUNT_MIN,
					BLINK_COUNT_MAX, "count", &value,
					err, errlen);
		cmd->count = value;
	}
	if (!ret && argc > 2) {
		ret = args_parse_number(argv[2], BLINK_PERIOD_MIN,
					BLINK_PERIOD_MAX, "period (ms)", &value,
					err, errlen);
		cmd->period_ms = value;
	}
	return ret;
}

static int parse_peek(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	const char *offset = NULL;
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--syscall") == 0) {
			cmd->syscall = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return fail(err, errlen, "peek: unknown option '%s' (usage: peek [--syscall] OFFSET)",
				    argv[i]);
		} else if (offset) {
			return fail(err, errlen, "peek takes one OFFSET (usage: peek [--syscall] OFFSET)");
		} else {
			offset = argv[i];
		}
	}
	if (!offset)
		return fail(err, errlen, "peek needs an OFFSET (usage: peek [--syscall] OFFSET)");
	return args_parse_offset(offset, &cmd->offset, err, errlen);
}

static const struct {
	const char *name;
	enum verb verb;
	int (*parse)(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen);
} verb_table[] = {
	{ "info", VERB_INFO, parse_info },
	{ "get", VERB_GET, parse_get },
	{ "set", VERB_SET, parse_set },
	{ "blink", VERB_BLINK, parse_blink },
	{ "peek", VERB_PEEK, parse_peek },
};

/*
 * "--name VALUE" or "--name=VALUE" at argv[*i]: 1 and *value set if it is
 * this option, 0 if it is another, -EINVAL if VALUE is missing.
 */
static int option_value(int argc, char *const argv[], int *i,
			const char *name, const char **value, char *err,
			size_t errlen)
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

int args_parse(int argc, char *const argv[], struct command *cmd, char *err,
	       size_t errlen)
{
	const char *arg;
	size_t v;
	int i, ret;

	memset(cmd, 0, sizeof(*cmd));
	cmd->count = BLINK_COUNT_DEFAULT;
	cmd->period_ms = BLINK_PERIOD_DEFAULT;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		arg = argv[i];
		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			cmd->verb = VERB_HELP;
			return 0;
		}
		if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
			cmd->verb = VERB_VERSION;
			return 0;
		}
		ret = option_value(argc, argv, &i, "--device", &cmd->device,
				   err, errlen);
		if (ret == 0)
			ret = option_value(argc, argv, &i, "--sysfs",
					   &cmd->sysfs, err, errlen);
		if (ret < 0)
			return ret;
		if (ret == 0)
			return fail(err, errlen, "unknown option '%s' (try --help)",
				    arg);
	}

	if (i >= argc)
		return fail(err, errlen, "missing verb (try --help)");

	for (v = 0; v < sizeof(verb_table) / sizeof(verb_table[0]); v++) {
		if (strcmp(argv[i], verb_table[v].name) == 0) {
			cmd->verb = verb_table[v].verb;
			return verb_table[v].parse(argc - i - 1, argv + i + 1,
						   cmd, err, errlen);
		}
	}
	return fail(err, errlen, "unknown verb '%s' (try --help)", argv[i]);
}

int args_check_chip(const struct command *cmd, const char *soc,
		    unsigned ngpio, size_t block_size, char *err,
		    size_t errlen)
{
	switch (cmd->verb) {
	case VERB_GET:
	case VERB_SET:
	case VERB_BLINK:
		if (cmd->pin >= ngpio)
			return fail(err, errlen, "pin %u out of range (this %s has pins 0-%u)",
				    cmd->pin, soc, ngpio - 1);
		return 0;
	case VERB_PEEK:
		if (cmd->offset >= block_size)
			return fail(err, errlen, "offset 0x%03x out of range (this %s's block is %zu bytes: 0x000-0x%03zx)",
				    cmd->offset, soc, block_size,
				    block_size - 4);
		return 0;
	case VERB_HELP:
	case VERB_VERSION:
	case VERB_INFO:
		return 0;
	}
	return 0;
}
