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

int args_parse_pins(const char *s, uint64_t *pins, unsigned *first,
		    char *err, size_t errlen)
{
	char item[32];
	const char *p = s, *comma, *dash;
	unsigned from, to, pin;
	uint64_t mask = 0;
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
			ret = args_parse_pin(item, &from, err, errlen);
			if (!ret)
				ret = args_parse_pin(dash + 1, &to, err, errlen);
			if (!ret && from > to)
				return fail(err, errlen, "invalid pin range '%s-%s' (first pin above last)",
					    item, dash + 1);
		} else {
			ret = args_parse_pin(item, &from, err, errlen);
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

enum op_kind { OP_FUNCTION, OP_LEVEL, OP_PULL };

static const struct {
	const char *name;
	enum op_kind kind;
	int value;	/* an enum pgr_function, a level or an enum pgr_pull */
} set_op_table[] = {
	{ "ip", OP_FUNCTION, PGR_FUNC_INPUT },
	{ "op", OP_FUNCTION, PGR_FUNC_OUTPUT },
	{ "a0", OP_FUNCTION, PGR_FUNC_ALT0 },
	{ "a1", OP_FUNCTION, PGR_FUNC_ALT1 },
	{ "a2", OP_FUNCTION, PGR_FUNC_ALT2 },
	{ "a3", OP_FUNCTION, PGR_FUNC_ALT3 },
	{ "a4", OP_FUNCTION, PGR_FUNC_ALT4 },
	{ "a5", OP_FUNCTION, PGR_FUNC_ALT5 },
	{ "dh", OP_LEVEL, 1 },
	{ "dl", OP_LEVEL, 0 },
	{ "pu", OP_PULL, PGR_PULL_UP },
	{ "pd", OP_PULL, PGR_PULL_DOWN },
	{ "pn", OP_PULL, PGR_PULL_NONE },
};

#define NOPS (sizeof(set_op_table) / sizeof(set_op_table[0]))

static const char *const kind_names[] = { "function", "level", "pull" };

static bool op_taken(const struct set_ops *ops, enum op_kind kind)
{
	return kind == OP_FUNCTION ? ops->set_function :
	       kind == OP_LEVEL ? ops->set_level : ops->set_pull;
}

/* The op that asked for what ops already holds, for messages. */
static const char *earlier_op(const struct set_ops *ops, enum op_kind kind)
{
	int value = kind == OP_FUNCTION ? (int)ops->function :
		    kind == OP_LEVEL ? ops->level : (int)ops->pull;
	size_t i;

	for (i = 0; i < NOPS; i++)
		if (set_op_table[i].kind == kind &&
		    set_op_table[i].value == value)
			return set_op_table[i].name;
	return "?";
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
				    kind_names[kind], s, earlier_op(ops, kind));
		if (kind == OP_FUNCTION) {
			ops->set_function = true;
			ops->function = (enum pgr_function)set_op_table[i].value;
		} else if (kind == OP_LEVEL) {
			ops->set_level = true;
			ops->level = set_op_table[i].value;
		} else {
			ops->set_pull = true;
			ops->pull = (enum pgr_pull)set_op_table[i].value;
		}
		return 0;
	}
	return fail(err, errlen, "set: unknown op '%s' (expected op, ip, dh, dl, pu, pd, pn, a0-a5)",
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

static int parse_explain(int argc, char *const argv[], struct command *cmd,
			 char *err, size_t errlen)
{
	(void)cmd;
	if (argc != 0)
		return fail(err, errlen, "explain takes no arguments (got '%s')",
			    argv[0]);
	return 0;
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
	return args_parse_pins(argv[0], &cmd->pins, &cmd->pin, err, errlen);
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
	return args_parse_pins(argv[0], &cmd->pins, &cmd->pin, err, errlen);
}

static const char *const event_names[PGR_EVENT_KINDS] = {
	"rising", "falling", "high", "low", "async-rising", "async-falling",
};

static int parse_detect(int argc, char *const argv[], struct command *cmd,
			char *err, size_t errlen)
{
	bool none = false;
	unsigned k;
	int i, ret;

	if (argc < 2)
		return fail(err, errlen, "detect takes PINS and at least one KIND (usage: detect PINS rising|falling|high|low|async-rising|async-falling|none...)");
	ret = args_parse_pins(argv[0], &cmd->pins, &cmd->pin, err, errlen);
	for (i = 1; !ret && i < argc; i++) {
		if (strcmp(argv[i], "none") == 0) {
			none = true;
			continue;
		}
		for (k = 0; k < PGR_EVENT_KINDS; k++)
			if (strcmp(argv[i], event_names[k]) == 0)
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
		return args_parse_pins(argv[1], &cmd->pins, &cmd->pin, err,
				       errlen);
	}
	return optional_pins("events", argc, argv, cmd, err, errlen);
}

static int parse_level(const char *s, int *level, char *err, size_t errlen)
{
	if (!strcmp(s, "1") || !strcmp(s, "high") || !strcmp(s, "hi"))
		*level = 1;
	else if (!strcmp(s, "0") || !strcmp(s, "low") || !strcmp(s, "lo"))
		*level = 0;
	else
		return fail(err, errlen, "invalid level '%s' (expected 0, 1, low or high)",
			    s);
	return 0;
}

static int parse_wait(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	int ret;

	if (argc != 2)
		return fail(err, errlen, "wait takes a PIN and a LEVEL (usage: wait PIN LEVEL [--timeout MS])");
	ret = args_parse_pin(argv[0], &cmd->pin, err, errlen);
	if (!ret && cmd->pin >= 64)
		return fail(err, errlen, "pin %s out of range", argv[0]);
	if (!ret)
		cmd->pins = UINT64_C(1) << cmd->pin;
	return ret ? ret : parse_level(argv[1], &cmd->level, err, errlen);
}

static int parse_u32(const char *s, const char *what, uint32_t *out,
		     char *err, size_t errlen)
{
	unsigned long long value;
	int ret = args_parse_number(s, 0, UINT32_MAX, what, &value, err,
				    errlen);

	*out = (uint32_t)value;
	return ret;
}

static int parse_bank(int argc, char *const argv[], struct command *cmd,
		      char *err, size_t errlen)
{
	static const struct {
		const char *name;
		enum bank_op op;
		int args;	/* after the op */
	} ops[] = {
		{ "read", BANK_READ, 1 },
		{ "set", BANK_SET, 2 },
		{ "clear", BANK_CLEAR, 2 },
		{ "write", BANK_WRITE, 3 },
	};
	unsigned long long bank;
	size_t i;
	int ret;

	for (i = 0; argc > 0 && i < sizeof(ops) / sizeof(ops[0]); i++)
		if (strcmp(argv[0], ops[i].name) == 0)
			break;
	if (argc == 0 || i == sizeof(ops) / sizeof(ops[0]))
		return fail(err, errlen, "bank needs an op: read BANK, set BANK MASK, clear BANK MASK, write BANK MASK VALUES");
	if (argc - 1 != ops[i].args)
		return fail(err, errlen, "bank %s takes %s", ops[i].name,
			    ops[i].args == 1 ? "BANK" :
			    ops[i].args == 2 ? "BANK MASK" :
			    "BANK MASK VALUES");
	cmd->bank_op = ops[i].op;
	ret = args_parse_number(argv[1], 0, 1, "bank", &bank, err, errlen);
	cmd->bank = (unsigned)bank;
	if (!ret && argc > 2)
		ret = parse_u32(argv[2], "mask", &cmd->mask, err, errlen);
	if (!ret && argc > 3)
		ret = parse_u32(argv[3], "values", &cmd->values, err, errlen);
	return ret;
}

static int parse_set(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen)
{
	int i, ret;

	if (argc < 2)
		return fail(err, errlen, "set takes a PIN and at least one op (usage: set PINS OP...)");
	ret = args_parse_pins(argv[0], &cmd->pins, &cmd->pin, err, errlen);
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
	if (!ret && cmd->pin >= 64)
		return fail(err, errlen, "pin %s out of range", argv[0]);
	if (!ret)
		cmd->pins = UINT64_C(1) << cmd->pin;
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
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
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

static int option_value(int argc, char *const argv[], int *i,
			const char *name, const char **value, char *err,
			size_t errlen);

/* bench [--quick] [--pin N] [--csv FILE] [--reps N] */
static int parse_bench(int argc, char *const argv[], struct command *cmd,
		       char *err, size_t errlen)
{
	const char *value;
	unsigned long long reps;
	int i, ret;

	cmd->pin = BENCH_PIN_DEFAULT;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			cmd->quick = true;
			continue;
		}
		ret = option_value(argc, argv, &i, "--pin", &value, err, errlen);
		if (ret > 0) {
			ret = args_parse_pin(value, &cmd->pin, err, errlen);
			if (!ret && cmd->pin >= 64)
				return fail(err, errlen, "pin %s out of range",
					    value);
			if (ret)
				return ret;
			continue;
		}
		if (ret == 0)
			ret = option_value(argc, argv, &i, "--reps", &value,
					   err, errlen);
		if (ret > 0) {
			ret = args_parse_number(value, BENCH_REPS_MIN,
						BENCH_REPS_MAX, "repetitions",
						&reps, err, errlen);
			if (ret)
				return ret;
			cmd->reps = (unsigned)reps;
			continue;
		}
		if (ret == 0)
			ret = option_value(argc, argv, &i, "--csv", &cmd->csv,
					   err, errlen);
		if (ret < 0)
			return ret;
		if (ret == 0)
			return fail(err, errlen, "bench: unexpected '%s' (usage: bench [--quick] [--pin N] [--csv FILE] [--reps N])",
				    argv[i]);
	}
	cmd->pins = UINT64_C(1) << cmd->pin;
	return 0;
}

/* The options a verb takes among its arguments. */
#define OPT_JSON	0x1
#define OPT_FORCE	0x2
#define OPT_SYSCALL	0x4
#define OPT_TIMEOUT	0x8

static const struct {
	const char *name;
	enum verb verb;
	unsigned options;
	int (*parse)(int argc, char *const argv[], struct command *cmd,
		     char *err, size_t errlen);
} verb_table[] = {
	{ "info", VERB_INFO, OPT_JSON, parse_info },
	{ "get", VERB_GET, OPT_JSON, parse_get },
	{ "set", VERB_SET, OPT_FORCE, parse_set },
	{ "toggle", VERB_TOGGLE, OPT_FORCE, parse_toggle },
	{ "funcs", VERB_FUNCS, OPT_JSON, parse_funcs },
	{ "blink", VERB_BLINK, OPT_FORCE, parse_blink },
	{ "peek", VERB_PEEK, OPT_JSON | OPT_SYSCALL, parse_peek },
	{ "bank", VERB_BANK, OPT_JSON | OPT_FORCE, parse_bank },
	{ "detect", VERB_DETECT, OPT_FORCE, parse_detect },
	{ "events", VERB_EVENTS, OPT_JSON | OPT_FORCE, parse_events },
	{ "wait", VERB_WAIT, OPT_TIMEOUT, parse_wait },
	{ "owners", VERB_OWNERS, OPT_JSON, parse_owners },
	{ "explain", VERB_EXPLAIN, 0, parse_explain },
	{ "bench", VERB_BENCH, OPT_FORCE, parse_bench },
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

/* --json, --force, --syscall, --timeout MS anywhere after the verb. */
static int verb_option(int argc, char *const argv[], int *i, size_t v,
		       struct command *cmd, char *err, size_t errlen)
{
	const char *arg = argv[*i], *value;
	unsigned long long ms;
	unsigned option;
	int ret;

	if (strcmp(arg, "--json") == 0) {
		option = OPT_JSON;
		cmd->json = true;
	} else if (strcmp(arg, "--force") == 0) {
		option = OPT_FORCE;
		cmd->force = true;
	} else if (strcmp(arg, "--syscall") == 0) {
		option = OPT_SYSCALL;
		cmd->syscall = true;
	} else {
		ret = option_value(argc, argv, i, "--timeout", &value, err,
				   errlen);
		if (ret <= 0)
			return ret;
		option = OPT_TIMEOUT;
		ret = args_parse_number(value, WAIT_TIMEOUT_MIN,
					WAIT_TIMEOUT_MAX, "timeout (ms)", &ms,
					err, errlen);
		if (ret)
			return ret;
		cmd->timeout_ms = ms;
	}
	if (!(verb_table[v].options & option))
		return fail(err, errlen, "%s does not take %s",
			    verb_table[v].name, arg);
	return 1;
}

static int parse_verb(int argc, char *const argv[], size_t v,
		      struct command *cmd, char *err, size_t errlen)
{
	const char *rest[ARGS_MAX + 1];
	int i, n = 0, ret;

	/* Given before the verb: the verb must still take them. */
	if (cmd->json && !(verb_table[v].options & OPT_JSON))
		return fail(err, errlen, "%s does not take --json",
			    verb_table[v].name);
	if (cmd->force && !(verb_table[v].options & OPT_FORCE))
		return fail(err, errlen, "%s does not take --force",
			    verb_table[v].name);
	for (i = 0; i < argc; i++) {
		ret = verb_option(argc, argv, &i, v, cmd, err, errlen);
		if (ret < 0)
			return ret;
		if (ret > 0)
			continue;
		if (n == ARGS_MAX)
			return fail(err, errlen, "too many arguments (at most %d)",
				    ARGS_MAX);
		rest[n++] = argv[i];
	}
	rest[n] = NULL;
	return verb_table[v].parse(n, (char *const *)rest, cmd, err, errlen);
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
		if (strcmp(arg, "--json") == 0) {
			cmd->json = true;
			continue;
		}
		if (strcmp(arg, "--force") == 0) {
			cmd->force = true;
			continue;
		}
		ret = option_value(argc, argv, &i, "--devicetree",
				   &cmd->devicetree, err, errlen);
		if (ret == 0)
			ret = option_value(argc, argv, &i, "--device",
					   &cmd->device, err, errlen);
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
		if (strcmp(argv[i], verb_table[v].name) == 0)
			break;
	}
	if (v == sizeof(verb_table) / sizeof(verb_table[0]))
		return fail(err, errlen, "unknown verb '%s' (try --help)",
			    argv[i]);
	cmd->verb = verb_table[v].verb;
	return parse_verb(argc - i - 1, argv + i + 1, v, cmd, err, errlen);
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
	case VERB_BENCH:
		for (pin = ngpio; pin < 64; pin++)
			if (cmd->pins & (UINT64_C(1) << pin))
				return fail(err, errlen, "pin %u out of range (this %s has pins 0-%u)",
					    pin, soc, ngpio - 1);
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
	case VERB_VERSION:
	case VERB_INFO:
	case VERB_EXPLAIN:
		return 0;
	}
	return 0;
}
