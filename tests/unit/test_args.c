// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CLI's argument parser (user/cli/args.c), called directly: numbers,
 * pins, offsets, set ops, whole command lines and the checks against an
 * opened chip. Messages are checked too: they are what users see.
 */
#include <errno.h>
#include <limits.h>

#include "args.h"
#include "check.h"
#include "linenames.h"

static char err[ARGS_ERR_SIZE];
static struct command cmd;

#define ARGV(...) ((char *const[]){ "pigpio-regs", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((const char *[]){ "pigpio-regs", __VA_ARGS__ }) / sizeof(const char *)))
/* Parse a command line given as string literals. */
#define PARSE(...) args_parse(ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), &cmd, err, sizeof(err))

static void test_numbers(void)
{
	unsigned long long v = 0;

	EXPECT_INT(args_parse_number("0", 0, 10, "n", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 0);
	EXPECT_INT(args_parse_number("42", 0, 100, "n", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 42);
	EXPECT_INT(args_parse_number("0x1c", 0, 100, "n", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 28);
	EXPECT_INT(args_parse_number("0X1C", 0, 100, "n", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 28);
	/* a leading zero is decimal, not octal */
	EXPECT_INT(args_parse_number("010", 0, 100, "n", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 10);
	EXPECT_INT(args_parse_number("1000000", 1, 1000000, "count", &v, err, sizeof(err)), 0);
	EXPECT_INT(v, 1000000);
}

static void test_numbers_reject(void)
{
	static const char *const bad[] = {
		"", "-1", "+1", " 1", "1 ", "0x", "1e3", "1.5", "abc", "0x1g",
		"0b101", "\xd9\xa1",
	};
	unsigned long long v = 77;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT(args_parse_number(bad[i], 0, 100, "count", &v, err,
					 sizeof(err)) == -EINVAL,
		       "'%s' accepted", bad[i]);
		EXPECT_CONTAINS(err, "invalid count");
	}
	EXPECT_INT(args_parse_number("0", 1, 1000000, "count", &v, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "count 0 out of range (expected 1-1000000)");
	EXPECT_INT(args_parse_number("1000001", 1, 1000000, "count", &v, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "out of range");
	EXPECT_INT(args_parse_number("18446744073709551616", 0, ULLONG_MAX, "n", &v, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "out of range");
	EXPECT_INT(args_parse_number("0x10000000000000000", 0, ULLONG_MAX, "n", &v, err, sizeof(err)), -EINVAL);
	EXPECT_INT(v, 77);
}

static void test_pins(void)
{
	unsigned pin = 99;

	EXPECT_INT(args_parse_pin("17", &pin, err, sizeof(err)), 0);
	EXPECT_INT(pin, 17);
	EXPECT_INT(args_parse_pin("0", &pin, err, sizeof(err)), 0);
	EXPECT_INT(pin, 0);
	/* range is the chip's business: 60 parses */
	EXPECT_INT(args_parse_pin("60", &pin, err, sizeof(err)), 0);
	EXPECT_INT(pin, 60);
	pin = 99;
	EXPECT_INT(args_parse_pin("0x11", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "invalid pin '0x11' (expected a GPIO number such as 17, GPIO17 or BCM17, or a header pin such as pin11)");
	EXPECT_INT(args_parse_pin("GPIO0x11", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_pin("GPI17", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_pin("-1", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_pin("", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_pin("4294967296", &pin, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "pin 4294967296 out of range");
	EXPECT_INT(pin, 99);
}

static void test_offsets(void)
{
	unsigned off = 99;

	EXPECT_INT(args_parse_offset("0x1c", &off, err, sizeof(err)), 0);
	EXPECT_INT(off, 0x1c);
	EXPECT_INT(args_parse_offset("28", &off, err, sizeof(err)), 0);
	EXPECT_INT(off, 0x1c);
	EXPECT_INT(args_parse_offset("0", &off, err, sizeof(err)), 0);
	EXPECT_INT(off, 0);
	off = 99;
	EXPECT_INT(args_parse_offset("0x1e", &off, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "offset 0x1e is not a multiple of 4 (registers are 32 bits wide)");
	EXPECT_INT(args_parse_offset("30", &off, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "multiple of 4");
	EXPECT_INT(args_parse_offset("zz", &off, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "invalid offset 'zz' (expected a byte offset, decimal or 0x hex)");
	EXPECT_INT(args_parse_offset("-4", &off, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_offset("0x100000000", &off, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "out of range");
	EXPECT_INT(off, 99);
}

static void test_set_ops_each(void)
{
	/* each op and the datasheet code or level it stands for */
	static const struct {
		const char *op;
		bool function;
		int value;
	} table[] = {
		{ "ip", true, 0x0 }, { "op", true, 0x1 },
		{ "a0", true, 0x4 }, { "a1", true, 0x5 },
		{ "a2", true, 0x6 }, { "a3", true, 0x7 },
		{ "a4", true, 0x3 }, { "a5", true, 0x2 },
		{ "dh", false, 1 }, { "dl", false, 0 },
	};
	struct set_ops ops;
	size_t i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		memset(&ops, 0, sizeof(ops));
		EXPECT(args_parse_set_op(table[i].op, &ops, err, sizeof(err)) == 0,
		       "'%s' refused: %s", table[i].op, err);
		EXPECT(ops.set_function == table[i].function &&
		       ops.set_level == !table[i].function,
		       "'%s' sets the wrong kind", table[i].op);
		if (table[i].function)
			EXPECT((int)ops.function == table[i].value,
			       "'%s' is code %d", table[i].op, (int)ops.function);
		else
			EXPECT(ops.level == table[i].value, "'%s' is level %d",
			       table[i].op, ops.level);
	}
}

static void test_set_ops_reject(void)
{
	struct set_ops ops;

	memset(&ops, 0, sizeof(ops));
	EXPECT_INT(args_parse_set_op("xx", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "set: unknown op 'xx' (expected output/op, input/ip, alt0-alt8/a0-a8, no, high/dh/1, low/dl/0, up/pu, down/pd, none/pn, d2/d4/d8/d12, slew-fast/slew-slow)");
	EXPECT_INT(args_parse_set_op("OP", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_set_op("a9", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_set_op("px", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "'px'");
	EXPECT(!ops.set_function && !ops.set_level, "a rejected op changed ops");

	EXPECT_INT(args_parse_set_op("op", &ops, err, sizeof(err)), 0);
	EXPECT_INT(args_parse_set_op("a0", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "set: more than one function op ('a0' after 'op')");
	EXPECT_INT(ops.function, PGR_FUNC_OUTPUT);
	EXPECT_INT(args_parse_set_op("dh", &ops, err, sizeof(err)), 0);
	EXPECT_INT(args_parse_set_op("dl", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "set: more than one level op ('dl' after 'dh')");
	EXPECT_INT(ops.level, 1);
	/* drive strength and slew: one of each, 2/4/8/12 mA only */
	EXPECT_INT(args_parse_set_op("d6", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_set_op("d16", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_set_op("6mA", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_INT(args_parse_set_op("slew", &ops, err, sizeof(err)), -EINVAL);
	EXPECT(!ops.set_drive && !ops.set_slew, "a rejected op changed ops");
	EXPECT_INT(args_parse_set_op("d8", &ops, err, sizeof(err)), 0);
	EXPECT_INT(args_parse_set_op("12mA", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "set: more than one drive op ('12mA' after 'd8')");
	EXPECT_INT(ops.drive, PGR_DRIVE_8MA);
	EXPECT_INT(args_parse_set_op("slew-fast", &ops, err, sizeof(err)), 0);
	EXPECT_INT(args_parse_set_op("slow", &ops, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "set: more than one slew op ('slow' after 'slew-fast')");
	EXPECT_INT(ops.slew, 1);
	/* the others stand */
	EXPECT_INT(ops.function, PGR_FUNC_OUTPUT);
	EXPECT_INT(ops.level, 1);
}

static void test_cmdline_globals(void)
{
	EXPECT_INT(args_parse(1, ARGV(NULL), &cmd, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "missing verb (try --help)");
	EXPECT_INT(PARSE("--help"), 0);
	EXPECT_INT(cmd.verb, VERB_HELP);
	EXPECT_INT(PARSE("-h", "bogus"), 0);
	EXPECT_INT(cmd.verb, VERB_HELP);
	EXPECT_INT(PARSE("--device", "/d", "-V"), 0);
	EXPECT_INT(cmd.verb, VERB_VERSION);
	EXPECT_INT(PARSE("--version"), 0);
	EXPECT_INT(cmd.verb, VERB_VERSION);

	EXPECT_INT(PARSE("info"), 0);
	EXPECT_INT(cmd.verb, VERB_INFO);
	EXPECT(!cmd.device && !cmd.sysfs, "defaults not NULL");
	EXPECT_INT(PARSE("--device", "/d", "--sysfs", "/s", "info"), 0);
	EXPECT_STR(cmd.device, "/d");
	EXPECT_STR(cmd.sysfs, "/s");
	EXPECT_INT(PARSE("--sysfs=/s2", "--device=/d2", "info"), 0);
	EXPECT_STR(cmd.device, "/d2");
	EXPECT_STR(cmd.sysfs, "/s2");
	EXPECT_INT(PARSE("--", "info"), 0);
	EXPECT_INT(cmd.verb, VERB_INFO);
}

static void test_cmdline_globals_reject(void)
{
	EXPECT_INT(PARSE("--device"), -EINVAL);
	EXPECT_STR(err, "--device needs a value");
	EXPECT_INT(PARSE("--device=", "info"), -EINVAL);
	EXPECT_CONTAINS(err, "--device");
	EXPECT_INT(PARSE("--sysfs"), -EINVAL);
	EXPECT_INT(PARSE("--bogus", "info"), -EINVAL);
	EXPECT_STR(err, "unknown option '--bogus' (try --help)");
	EXPECT_INT(PARSE("--devicex", "info"), -EINVAL);
	EXPECT_CONTAINS(err, "'--devicex'");
	EXPECT_INT(PARSE("-x", "info"), -EINVAL);
	EXPECT_INT(PARSE("frob"), -EINVAL);
	EXPECT_STR(err, "unknown verb 'frob' (try --help)");
	EXPECT_INT(PARSE("--device", "/d"), -EINVAL);
	EXPECT_STR(err, "missing verb (try --help)");
	EXPECT_INT(PARSE("info", "extra"), -EINVAL);
	EXPECT_CONTAINS(err, "'extra'");
}

static void test_cmdline_get_set(void)
{
	EXPECT_INT(PARSE("get", "17"), 0);
	EXPECT_INT(cmd.verb, VERB_GET);
	EXPECT_INT(cmd.pin, 17);
	EXPECT_INT(PARSE("get"), 0);
	EXPECT(cmd.all_pins, "get without pins is every pin");
	EXPECT_INT(PARSE("get", "17", "18"), -EINVAL);
	EXPECT_CONTAINS(err, "get takes at most one PIN list");
	/* A word that is no pin spelling: a line name, looked up later. */
	EXPECT_INT(PARSE("get", "abc"), 0);
	EXPECT(cmd.nnames == 1 && !strcmp(cmd.names[0], "abc") && !cmd.pins,
	       "abc deferred as a line name");
	EXPECT_INT(PARSE("get", "17x"), -EINVAL);
	EXPECT_CONTAINS(err, "invalid pin '17x'");

	EXPECT_INT(PARSE("set", "17", "op", "dh"), 0);
	EXPECT_INT(cmd.verb, VERB_SET);
	EXPECT_INT(cmd.pin, 17);
	EXPECT(cmd.ops.set_function && cmd.ops.set_level, "ops not both set");
	EXPECT_INT(cmd.ops.function, 0x1);
	EXPECT_INT(cmd.ops.level, 1);
	EXPECT_INT(PARSE("set", "4", "dl"), 0);
	EXPECT(!cmd.ops.set_function && cmd.ops.set_level && cmd.ops.level == 0,
	       "dl alone");
	EXPECT_INT(PARSE("set", "17"), -EINVAL);
	EXPECT_CONTAINS(err, "at least one op");
	EXPECT_INT(PARSE("set", "17", "op", "xx"), -EINVAL);
	EXPECT_CONTAINS(err, "'xx'");
	EXPECT_INT(PARSE("set", "9xx", "op"), -EINVAL);
	EXPECT_CONTAINS(err, "invalid pin '9xx'");
}

static void test_cmdline_blink(void)
{
	EXPECT_INT(PARSE("blink", "17"), 0);
	EXPECT_INT(cmd.verb, VERB_BLINK);
	EXPECT_INT(cmd.pin, 17);
	EXPECT_INT(cmd.count, 10);
	EXPECT_INT(cmd.period_ms, 500);
	EXPECT_INT(PARSE("blink", "17", "3"), 0);
	EXPECT_INT(cmd.count, 3);
	EXPECT_INT(cmd.period_ms, 500);
	EXPECT_INT(PARSE("blink", "17", "3", "200"), 0);
	EXPECT_INT(cmd.count, 3);
	EXPECT_INT(cmd.period_ms, 200);
	EXPECT_INT(PARSE("blink", "17", "1", "2"), 0);
	EXPECT_INT(PARSE("blink", "17", "1000000", "60000"), 0);
	EXPECT_INT(cmd.count, 1000000);
	EXPECT_INT(cmd.period_ms, 60000);

	EXPECT_INT(PARSE("blink"), -EINVAL);
	EXPECT_INT(PARSE("blink", "17", "0"), -EINVAL);
	EXPECT_STR(err, "count 0 out of range (expected 1-1000000)");
	EXPECT_INT(PARSE("blink", "17", "1000001"), -EINVAL);
	EXPECT_INT(PARSE("blink", "17", "5", "1"), -EINVAL);
	EXPECT_STR(err, "period (ms) 1 out of range (expected 2-60000)");
	EXPECT_INT(PARSE("blink", "17", "5", "60001"), -EINVAL);
	EXPECT_INT(PARSE("blink", "17", "5", "x"), -EINVAL);
	EXPECT_INT(PARSE("blink", "17", "1", "2", "3"), -EINVAL);
}

static void test_cmdline_peek(void)
{
	EXPECT_INT(PARSE("peek", "0x34"), 0);
	EXPECT_INT(cmd.verb, VERB_PEEK);
	EXPECT_INT(cmd.offset, 0x34);
	EXPECT(!cmd.syscall, "syscall set");
	EXPECT_INT(PARSE("peek", "--syscall", "52"), 0);
	EXPECT_INT(cmd.offset, 0x34);
	EXPECT(cmd.syscall, "syscall not set");
	EXPECT_INT(PARSE("peek", "0x34", "--syscall"), 0);
	EXPECT(cmd.syscall, "syscall not set");

	EXPECT_INT(PARSE("peek"), -EINVAL);
	EXPECT_CONTAINS(err, "needs an OFFSET");
	EXPECT_INT(PARSE("peek", "--syscall"), -EINVAL);
	EXPECT_INT(PARSE("peek", "0x1e"), -EINVAL);
	EXPECT_CONTAINS(err, "not a multiple of 4");
	EXPECT_INT(PARSE("peek", "-4"), -EINVAL);
	EXPECT_CONTAINS(err, "'-4'");
	EXPECT_INT(PARSE("peek", "4", "8"), -EINVAL);
	EXPECT_INT(PARSE("peek", "--sys", "4"), -EINVAL);
}

static void test_check_chip(void)
{
	EXPECT_INT(PARSE("get", "53"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("set", "60", "op"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "pin 60 out of range (this bcm2837 has pins 0-53)");
	EXPECT_INT(PARSE("blink", "54"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_INT(PARSE("get", "57"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2711", 58, 244, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("get", "58"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2711", 58, 244, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "pin 58 out of range (this bcm2711 has pins 0-57)");

	EXPECT_INT(PARSE("peek", "0xb0"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("peek", "0xb4"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "offset 0x0b4 out of range (this bcm2837's block is 180 bytes: 0x000-0x0b0)");
	EXPECT_INT(PARSE("info"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
}

/*
 * What the library would refuse of set on this chip is refused here,
 * before any register is touched ("set 16 dh alt6" once stored GPSET0
 * bit 16 and then failed).
 */
static void test_check_chip_set_ops(void)
{
	static const char *const socs[] = { "bcm2835", "bcm2837", "bcm2711" };
	static const char *const rp1_only[] = {
		"alt6", "a6", "alt7", "a7", "alt8", "a8", "no",
	};
	size_t s, i;

	for (s = 0; s < 3; s++) {
		for (i = 0; i < sizeof(rp1_only) / sizeof(rp1_only[0]); i++) {
			EXPECT_INT(PARSE("set", "16", "dh", (char *)rp1_only[i]), 0);
			EXPECT(args_check_chip(&cmd, socs[s], 54, 180, err,
					       sizeof(err)) == -EINVAL,
			       "%s: set 16 dh %s passed", socs[s], rp1_only[i]);
			EXPECT_CONTAINS(err, "is a function of the RP1 (Raspberry Pi 5) only");
			EXPECT_CONTAINS(err, rp1_only[i]);
			EXPECT_CONTAINS(err, socs[s]);
			EXPECT_INT(args_check_chip(&cmd, "rp1", 54, 49152, err,
						   sizeof(err)), 0);
		}
		EXPECT_INT(PARSE("set", "17", "op", "d8"), 0);
		EXPECT_INT(args_check_chip(&cmd, socs[s], 54, 180, err, sizeof(err)), -EINVAL);
		EXPECT_CONTAINS(err, "set: 'd8': drive strength and slew rate are set per pin only on the RP1");
		EXPECT_INT(PARSE("set", "17", "pu", "slow"), 0);
		EXPECT_INT(args_check_chip(&cmd, socs[s], 54, 180, err, sizeof(err)), -EINVAL);
		EXPECT_CONTAINS(err, "set: 'slow': drive strength");
		/* What every chip has passes. */
		EXPECT_INT(PARSE("set", "17", "alt5", "dh", "pd"), 0);
		EXPECT_INT(args_check_chip(&cmd, socs[s], 54, 180, err, sizeof(err)), 0);
	}
	EXPECT_INT(PARSE("set", "17", "d12", "slew-fast", "no"), 0);
	EXPECT_INT(args_check_chip(&cmd, "rp1", 54, 49152, err, sizeof(err)), 0);
	/* The RP1 has no GPREN-GPAFEN and no GPEDS: the library refuses. */
	EXPECT_INT(PARSE("detect", "17", "none"), 0);
	EXPECT_INT(args_check_chip(&cmd, "rp1", 54, 49152, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "detect: the RP1 has no GPREN-GPAFEN or GPEDS registers");
	EXPECT_INT(PARSE("events", "clear", "17"), 0);
	EXPECT_INT(args_check_chip(&cmd, "rp1", 54, 49152, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "events clear: the RP1");
	EXPECT_INT(PARSE("events", "17"), 0);
	EXPECT_INT(args_check_chip(&cmd, "rp1", 54, 49152, err, sizeof(err)), 0);
}

static void test_pin_lists(void)
{
	uint64_t pins = 0;
	unsigned first = 99;

	EXPECT_INT(args_parse_pins("17", &pins, &first, err, sizeof(err)), 0);
	EXPECT_HEX(pins, 0x20000);
	EXPECT_INT(first, 17);
	EXPECT_INT(args_parse_pins("4,17-21", &pins, &first, err, sizeof(err)), 0);
	EXPECT_HEX(pins, 0x3e0010);	/* 4, 17, 18, 19, 20, 21 */
	EXPECT_INT(first, 4);
	EXPECT_INT(args_parse_pins("53,0", &pins, &first, err, sizeof(err)), 0);
	EXPECT_HEX(pins, 0x0020000000000001ull);
	EXPECT_INT(first, 0);
	EXPECT_INT(args_parse_pins("0-63", &pins, &first, err, sizeof(err)), 0);
	EXPECT_HEX(pins, 0xffffffffffffffffull);
	EXPECT_INT(args_parse_pins("5-5,5", &pins, &first, err, sizeof(err)), 0);
	EXPECT_HEX(pins, 0x20);
}

static void test_pin_lists_reject(void)
{
	static const char *const bad[] = {
		"", ",", "4,", ",4", "4,,5", "-4", "4-", "a-b", "4-x", "0x4",
		"4 5", "17-21-22",
	};
	uint64_t pins = 7;
	unsigned first = 7;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT(args_parse_pins(bad[i], &pins, &first, err,
				       sizeof(err)) == -EINVAL,
		       "'%s' accepted", bad[i]);
	/* Reversed ranges are taken (pinctrl's way), in test_vocabulary. */
	EXPECT_INT(args_parse_pins("4,,5", &pins, &first, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "invalid pin list '4,,5' (expected pins such as 4,17-21)");
	EXPECT_INT(args_parse_pins("64", &pins, &first, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "pin 64 out of range (no SoC has more than 58)");
	EXPECT_INT(args_parse_pins("60-70", &pins, &first, err, sizeof(err)), -EINVAL);
	EXPECT_HEX(pins, 7);
	EXPECT_INT(first, 7);
}

static void test_cmdline_new_verbs(void)
{
	EXPECT_INT(PARSE("get", "4,17-18", "--json"), 0);
	EXPECT_HEX(cmd.pins, 0x60010);
	EXPECT(cmd.json && !cmd.all_pins, "get list --json");
	EXPECT_INT(PARSE("--json", "get"), 0);
	EXPECT(cmd.json && cmd.all_pins, "--json before the verb");
	EXPECT_INT(PARSE("set", "2-3", "ip", "pu", "--force"), 0);
	EXPECT(cmd.force && cmd.ops.set_pull && cmd.ops.pull == PGR_PULL_UP,
	       "set ip pu --force");
	EXPECT_INT(PARSE("set", "5", "pd"), 0);
	EXPECT_INT(cmd.ops.pull, PGR_PULL_DOWN);
	EXPECT_INT(PARSE("set", "5", "pn"), 0);
	EXPECT_INT(cmd.ops.pull, PGR_PULL_NONE);
	EXPECT_INT(PARSE("toggle", "17,22"), 0);
	EXPECT_INT(cmd.verb, VERB_TOGGLE);
	EXPECT_HEX(cmd.pins, 0x420000);
	EXPECT_INT(PARSE("funcs"), 0);
	EXPECT(cmd.verb == VERB_FUNCS && cmd.all_pins, "funcs");
	EXPECT_INT(PARSE("funcs", "14", "--json"), 0);
	EXPECT_INT(PARSE("bank", "read", "1", "--json"), 0);
	EXPECT(cmd.bank_op == BANK_READ && cmd.bank == 1 && cmd.json, "bank read");
	EXPECT_INT(PARSE("bank", "high", "0", "0x20000"), 0);
	EXPECT(cmd.bank_op == BANK_HIGH && cmd.mask == 0x20000, "bank high");
	EXPECT_INT(PARSE("bank", "low", "1", "3"), 0);
	EXPECT(cmd.bank_op == BANK_LOW && cmd.mask == 3, "bank low");
	EXPECT_INT(PARSE("bank", "write", "0", "0xff", "0x0f"), 0);
	EXPECT(cmd.bank_op == BANK_WRITE && cmd.mask == 0xff &&
	       cmd.values == 0x0f, "bank write");
	EXPECT_INT(PARSE("detect", "17", "rising", "async-falling", "--force"), 0);
	EXPECT_HEX(cmd.events, 0x21);
	EXPECT_INT(PARSE("--force", "detect", "17", "high"), 0);
	EXPECT_HEX(cmd.events, 0x4);
	/* Disabling needs no --force. */
	EXPECT_INT(PARSE("detect", "17", "none"), 0);
	EXPECT_HEX(cmd.events, 0);
	EXPECT_INT(PARSE("events"), 0);
	EXPECT(cmd.verb == VERB_EVENTS && cmd.all_pins && !cmd.clear, "events");
	EXPECT_INT(PARSE("events", "clear", "17-18"), 0);
	EXPECT(cmd.clear && cmd.pins == 0x60000, "events clear");
	EXPECT_INT(PARSE("wait", "17", "high", "--timeout", "250"), 0);
	EXPECT(cmd.verb == VERB_WAIT && cmd.pin == 17 && cmd.level == 1 &&
	       cmd.timeout_ms == 250, "wait");
	EXPECT_INT(PARSE("wait", "--timeout=5", "4", "0"), 0);
	EXPECT(cmd.level == 0 && cmd.timeout_ms == 5, "wait --timeout=");
	EXPECT_INT(PARSE("wait", "4", "lo"), 0);
	EXPECT_INT(cmd.timeout_ms, 0);
	EXPECT_INT(PARSE("--devicetree", "/dt", "get"), 0);
	EXPECT_STR(cmd.devicetree, "/dt");
}

static void test_cmdline_new_verbs_reject(void)
{
	static const struct {
		const char *args[6];
		const char *msg;
	} bad[] = {
		{ { "set", "17", "pu", "pd" }, "set: more than one pull op ('pd' after 'pu')" },
		{ { "set", "17", "--json", "op" }, "set does not take --json" },
		{ { "--json", "set", "17", "op" }, "set does not take --json" },
		{ { "--force", "get" }, "get does not take --force" },
		{ { "get", "--force" }, "get does not take --force" },
		{ { "get", "--timeout", "5" }, "get does not take --timeout" },
		{ { "peek", "--json", "--syscall", "--force", "4" }, "peek does not take --force" },
		{ { "toggle" }, "toggle takes one PIN list" },
		{ { "toggle", "1", "2" }, "toggle takes one PIN list" },
		{ { "funcs", "1", "2" }, "funcs takes at most one PIN list" },
		{ { "bank" }, "bank needs an op" },
		{ { "bank", "frob", "0" }, "bank needs an op" },
		{ { "bank", "read" }, "bank read takes BANK" },
		{ { "bank", "read", "2" }, "bank 2 out of range (expected 0-1)" },
		{ { "bank", "high", "0" }, "bank high takes BANK MASK" },
		{ { "bank", "low", "0", "0x100000000" }, "mask 0x100000000 out of range" },
		{ { "bank", "set", "0", "1" }, "bank set is now 'bank high BANK MASK'" },
		{ { "bank", "clear", "0", "1" }, "bank clear is now 'bank low BANK MASK'" },
		{ { "bank", "write", "0", "1" }, "bank write takes BANK MASK VALUES" },
		{ { "bank", "write", "0", "1", "x" }, "invalid values 'x'" },
		{ { "detect", "17" }, "detect takes PINS and at least one KIND" },
		{ { "detect", "17", "edge" }, "detect: unknown kind 'edge'" },
		{ { "detect", "17", "rising", "rising" }, "detect: 'rising' given twice" },
		{ { "detect", "17", "none", "low" }, "detect: 'none' contradicts the other kinds" },
		{ { "detect", "17", "none", "none" }, "detect: 'none' given twice" },
		/* Enabling a detector can leave a bank interrupt asserted. */
		{ { "detect", "17", "rising" }, "detect: enabling event detectors needs --force: the kernel's pinctrl-bcm2835 clears only the events of pins whose interrupt a driver has requested (bcm2835_gpio_irq_handle_bank() in drivers/pinctrl/bcm/pinctrl-bcm2835.c), so an event on GPIO17 can leave the bank's interrupt asserted" },
		{ { "detect", "4-5", "low", "high" }, "needs --force" },
		{ { "events", "clear" }, "events clear takes one PIN list" },
		{ { "events", "1", "2" }, "events takes at most one PIN list" },
		{ { "wait", "17" }, "wait takes a PIN and a LEVEL" },
		{ { "wait", "17", "2" }, "invalid level '2' (expected 0, 1, low, high, inactive or active)" },
		{ { "wait", "17", "1", "--timeout", "0" }, "timeout (ms) 0 out of range (expected 1-86400000)" },
		{ { "wait", "17", "1", "--timeout" }, "--timeout needs a value" },
		{ { "wait", "4,5", "1" }, "invalid pin '4,5'" },
		{ { "wait", "64", "1" }, "pin 64 out of range" },
		{ { "blink", "64" }, "pin 64 out of range" },
		{ { "set", "4-x", "op" }, "invalid pin 'x'" },
		{ { "--devicetree" }, "--devicetree needs a value" },
	};
	char *argv[8];
	size_t i;
	int argc;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		argv[0] = "pigpio-regs";
		for (argc = 1; argc < 7 && bad[i].args[argc - 1]; argc++)
			argv[argc] = (char *)bad[i].args[argc - 1];
		argv[argc] = NULL;
		err[0] = '\0';
		EXPECT(args_parse(argc, argv, &cmd, err, sizeof(err)) == -EINVAL,
		       "case %zu (%s %s) accepted", i, bad[i].args[0],
		       bad[i].args[1] ? bad[i].args[1] : "");
		EXPECT(strstr(err, bad[i].msg) != NULL,
		       "case %zu: '%s' lacks '%s'", i, err, bad[i].msg);
	}
}

static void test_check_chip_lists(void)
{
	EXPECT_INT(PARSE("get", "0-53"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("get", "50-55"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "pin 54 out of range (this bcm2837 has pins 0-53)");
	EXPECT_INT(PARSE("toggle", "57"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2711", 58, 244, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("wait", "54", "1"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_INT(PARSE("bank", "high", "1", "0x003fffff"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("bank", "high", "1", "0x00400000"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), -EINVAL);
	EXPECT_STR(err, "mask 0x00400000 has pins that do not exist (bank 1 of this bcm2837 is pins 32-53: mask 0x003fffff)");
	EXPECT_INT(PARSE("bank", "write", "1", "0x03ffffff", "0"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2711", 58, 244, err, sizeof(err)), 0);
	EXPECT_INT(PARSE("bank", "low", "0", "0xffffffff"), 0);
	EXPECT_INT(args_check_chip(&cmd, "bcm2837", 54, 180, err, sizeof(err)), 0);
}

/* What get prints, pinctrl's words and libgpiod's, each where it fits. */
static void test_vocabulary(void)
{
	static const struct {
		const char *word;
		int kind;	/* 0 function, 1 level, 2 pull, 3 drive, 4 slew */
		int value;
	} words[] = {
		{ "output", 0, PGR_FUNC_OUTPUT }, { "op", 0, PGR_FUNC_OUTPUT },
		{ "input", 0, PGR_FUNC_INPUT }, { "ip", 0, PGR_FUNC_INPUT },
		{ "alt0", 0, PGR_FUNC_ALT0 }, { "a0", 0, PGR_FUNC_ALT0 },
		{ "alt5", 0, PGR_FUNC_ALT5 }, { "a5", 0, PGR_FUNC_ALT5 },
		{ "alt8", 0, PGR_FUNC_ALT8 }, { "a8", 0, PGR_FUNC_ALT8 },
		/* pinctrl's: "no" the function, "pn" (or "none") the pull */
		{ "no", 0, PGR_FUNC_NONE },
		{ "high", 1, 1 }, { "dh", 1, 1 }, { "1", 1, 1 }, { "active", 1, 1 },
		{ "low", 1, 0 }, { "dl", 1, 0 }, { "0", 1, 0 }, { "inactive", 1, 0 },
		{ "up", 2, PGR_PULL_UP }, { "pu", 2, PGR_PULL_UP },
		{ "down", 2, PGR_PULL_DOWN }, { "pd", 2, PGR_PULL_DOWN },
		{ "none", 2, PGR_PULL_NONE }, { "pn", 2, PGR_PULL_NONE },
		{ "d2", 3, PGR_DRIVE_2MA }, { "2mA", 3, PGR_DRIVE_2MA },
		{ "d4", 3, PGR_DRIVE_4MA }, { "4mA", 3, PGR_DRIVE_4MA },
		{ "d8", 3, PGR_DRIVE_8MA }, { "8mA", 3, PGR_DRIVE_8MA },
		{ "d12", 3, PGR_DRIVE_12MA }, { "12mA", 3, PGR_DRIVE_12MA },
		{ "slew-fast", 4, 1 }, { "fast", 4, 1 },
		{ "slew-slow", 4, 0 }, { "slow", 4, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		EXPECT(PARSE("set", "17", (char *)words[i].word) == 0, "set 17 %s: %s",
		       words[i].word, err);
		if (words[i].kind == 0)
			EXPECT(cmd.ops.set_function && !cmd.ops.set_level &&
			       (int)cmd.ops.function == words[i].value,
			       "%s: not that function", words[i].word);
		else if (words[i].kind == 1)
			EXPECT(cmd.ops.set_level && !cmd.ops.set_function &&
			       cmd.ops.level == words[i].value,
			       "%s: not that level", words[i].word);
		else if (words[i].kind == 2)
			EXPECT(cmd.ops.set_pull && !cmd.ops.set_level &&
			       (int)cmd.ops.pull == words[i].value,
			       "%s: not that pull", words[i].word);
		else if (words[i].kind == 3)
			EXPECT(cmd.ops.set_drive && !cmd.ops.set_slew &&
			       !cmd.ops.set_pull && !cmd.ops.set_level &&
			       !cmd.ops.set_function &&
			       (int)cmd.ops.drive == words[i].value,
			       "%s: not that drive", words[i].word);
		else
			EXPECT(cmd.ops.set_slew && !cmd.ops.set_drive &&
			       !cmd.ops.set_pull && !cmd.ops.set_level &&
			       !cmd.ops.set_function &&
			       cmd.ops.slew == words[i].value,
			       "%s: not that slew", words[i].word);
	}
	/* get's words for them are what the library names them */
	EXPECT_STR(pgr_drive_name(PGR_DRIVE_12MA), "12mA");
	/* The contradiction names the words as given. */
	EXPECT_INT(PARSE("set", "17", "output", "high", "low"), -EINVAL);
	EXPECT_STR(err, "set: more than one level op ('low' after 'high')");
	EXPECT_INT(PARSE("set", "17", "output", "ip"), -EINVAL);
	EXPECT_STR(err, "set: more than one function op ('ip' after 'output')");
	/* A level where wait expects one: libgpiod's words too. */
	EXPECT_INT(PARSE("wait", "17", "active"), 0);
	EXPECT_INT(cmd.level, 1);
	EXPECT_INT(PARSE("wait", "17", "inactive"), 0);
	EXPECT_INT(cmd.level, 0);
	/* GPIO17 wherever a pin is, as get prints it; either case. */
	EXPECT_INT(PARSE("get", "GPIO17"), 0);
	EXPECT_HEX(cmd.pins, 1u << 17);
	EXPECT_INT(PARSE("set", "gpio4,GPIO17-GPIO18", "op"), 0);
	EXPECT_HEX(cmd.pins, 0x60010);
	EXPECT_INT(PARSE("wait", "GPIO17", "1"), 0);
	EXPECT_INT(cmd.pin, 17);
	EXPECT_INT(PARSE("blink", "GPIO4"), 0);
	EXPECT_INT(cmd.pin, 4);
	/* BCM17, as gpiozero and WiringPi's readall name it; either case. */
	EXPECT_INT(PARSE("get", "BCM17"), 0);
	EXPECT_HEX(cmd.pins, 1u << 17);
	EXPECT_INT(PARSE("set", "bcm4,Bcm17-GPIO18", "op"), 0);
	EXPECT_HEX(cmd.pins, 0x60010);
	EXPECT_INT(PARSE("wait", "BCM27", "1"), 0);
	EXPECT_INT(cmd.pin, 27);
	EXPECT_INT(PARSE("blink", "bcm4"), 0);
	EXPECT_INT(cmd.pin, 4);
	EXPECT_INT(PARSE("selftest", "BCM22"), 0);
	EXPECT_INT(cmd.pin, 22);
	EXPECT_INT(PARSE("detect", "BCM5", "none"), 0);
	EXPECT_HEX(cmd.pins, 1u << 5);
	EXPECT_INT(PARSE("events", "clear", "BCM5-BCM6"), 0);
	EXPECT_HEX(cmd.pins, 0x60);
	/*
	 * A prefix without a number is no CLI spelling: a line name to look
	 * up (GPIO_GCLK is one), unknown unless the device tree has it.
	 */
	EXPECT_INT(PARSE("get", "BCM"), 0);
	EXPECT_INT(args_resolve_names(&cmd, NULL, "no device tree", err,
				      sizeof(err)), -EINVAL);
	EXPECT_STR(err, "unknown pin 'BCM': not a GPIO number (17, GPIO17, BCM17) or header pin (pin11), and no line names to look it up in (no device tree)");
	EXPECT_INT(PARSE("get", "BCMGPIO4"), 0);
	EXPECT_INT(PARSE("get", "GPIO_GCLK"), 0);
	EXPECT(cmd.nnames == 1 && !strcmp(cmd.names[0], "GPIO_GCLK"),
	       "GPIO_GCLK a name");
	EXPECT_INT(PARSE("get", "BCM-1"), 0);	/* a name with a dash */
	EXPECT(cmd.nnames == 1 && !strcmp(cmd.names[0], "BCM-1"), "BCM-1");
	EXPECT_INT(PARSE("get", "GPIO1-x"), -EINVAL);	/* a range, bad end */
	EXPECT_INT(PARSE("get", "pin"), 0);
	EXPECT_INT(PARSE("get", "pin41"), -EINVAL);	/* a number: no name */
	EXPECT_CONTAINS(err, "the 40-pin header has pins 1-40");
	/*
	 * 40-pin header numbers: pin11, BOARD11, J8:11 (any case) are GPIO17,
	 * wherever a pin is taken, and mark the command for the board check.
	 */
	EXPECT_INT(PARSE("get", "pin11"), 0);
	EXPECT(cmd.pins == 1u << 17 && cmd.header, "pin11");
	EXPECT_INT(PARSE("set", "BOARD11,j8:13,PIN40", "op"), 0);
	EXPECT(cmd.pins == (1u << 17 | 1u << 27 | 1u << 21) && cmd.header &&
	       cmd.pin == 17, "BOARD11,j8:13,PIN40");
	EXPECT_INT(PARSE("wait", "Board3", "1"), 0);
	EXPECT(cmd.pin == 2 && cmd.header, "wait Board3");
	EXPECT_INT(PARSE("blink", "J8:27"), 0);
	EXPECT(cmd.pin == 0 && cmd.header, "blink J8:27");
	EXPECT_INT(PARSE("get", "17"), 0);
	EXPECT(!cmd.header, "a GPIO number is not a header pin");
	EXPECT_INT(PARSE("get", "pin1"), -EINVAL);
	EXPECT_STR(err, "pin1 is 3V3 power on the 40-pin header, not a GPIO");
	EXPECT_INT(PARSE("get", "pin39"), -EINVAL);
	EXPECT_STR(err, "pin39 is ground on the 40-pin header, not a GPIO");
	EXPECT_INT(PARSE("get", "pin4"), -EINVAL);
	EXPECT_CONTAINS(err, "5V power");
	EXPECT_INT(PARSE("get", "pin41"), -EINVAL);
	EXPECT_STR(err, "pin41: the 40-pin header has pins 1-40");
	EXPECT_INT(PARSE("get", "pin0"), -EINVAL);
	EXPECT_INT(PARSE("get", "pin"), 0);	/* no number: a line name */
	EXPECT_INT(PARSE("get", "pin11-pin13"), -EINVAL);
	EXPECT_CONTAINS(err, "header pins take no ranges");
	EXPECT_INT(PARSE("get", "4-pin13"), -EINVAL);
	EXPECT_INT(PARSE("get", "pin11,4-6"), 0);
	EXPECT(cmd.pins == (1u << 17 | 0x70) && cmd.header, "pin11,4-6");
	/* The whole map: every GPIO once, 12 power and ground pins. */
	{
		unsigned p, nongpio = 0;
		uint64_t seen = 0;

		for (p = 1; p <= 40; p++) {
			int g = args_header_gpio(p);

			if (g < 0) {
				nongpio++;
				continue;
			}
			EXPECT(!(seen & (UINT64_C(1) << g)), "GPIO%d twice", g);
			seen |= UINT64_C(1) << g;
		}
		EXPECT_INT(nongpio, 12);
		EXPECT_HEX(seen, 0x0fffffff);	/* GPIO 0-27 */
		EXPECT_INT(args_header_gpio(11), 17);
		EXPECT_INT(args_header_gpio(12), 18);
		EXPECT_INT(args_header_gpio(3), 2);
		EXPECT_INT(args_header_gpio(27), 0);
		EXPECT_INT(args_header_gpio(40), 21);
		EXPECT_INT(args_header_gpio(0), -1);
		EXPECT_INT(args_header_gpio(41), -1);
		/* What the others are, as pinout names them. */
		EXPECT_STR(args_header_power(1), "3V3");
		EXPECT_STR(args_header_power(17), "3V3");
		EXPECT_STR(args_header_power(2), "5V");
		EXPECT_STR(args_header_power(4), "5V");
		EXPECT_STR(args_header_power(6), "GND");
		EXPECT_STR(args_header_power(39), "GND");
		EXPECT(args_header_power(11) == NULL, "pin 11 is GPIO17");
		EXPECT(args_header_power(0) == NULL, "no pin 0");
		EXPECT(args_header_power(41) == NULL, "no pin 41");
		for (p = 1; p <= 40; p++)
			EXPECT((args_header_gpio(p) < 0) ==
			       (args_header_power(p) != NULL),
			       "pin %u: GPIO and power", p);
	}
	/* pinctrl's implied verb is not followed: a pin first says so. */
	EXPECT_INT(PARSE("17", "op", "dh"), -EINVAL);
	EXPECT_STR(err, "'17' is a pin list, not a verb: say 'get 17' or 'set 17 OP...' (the verb is never implied, see docs/cli.md)");
	EXPECT_INT(PARSE("GPIO4,17-18"), -EINVAL);
	EXPECT_CONTAINS(err, "'GPIO4,17-18' is a pin list, not a verb");
	EXPECT_INT(PARSE("frob", "17"), -EINVAL);
	EXPECT_STR(err, "unknown verb 'frob' (try --help)");
	/* Reversed ranges, as pinctrl takes them. */
	EXPECT_INT(PARSE("get", "21-17"), 0);
	EXPECT_HEX(cmd.pins, 0x3e0000);
	EXPECT_INT(cmd.pin, 17);
}

/* Which boards have the 40-pin header that header numbers name. */
static void test_board(void)
{
	static const struct {
		uint32_t revision;
		const char *want;	/* NULL: has it */
	} boards[] = {
		/* The emulated boards (scripts/guest/boards.tsv). */
		{ 0xa02082, NULL },	/* Pi 3 Model B (raspi3b) */
		{ 0x900021, NULL },	/* Pi 1 Model A+ (raspi1ap) */
		{ 0xa21041, NULL },	/* Pi 2 Model B (raspi2b) */
		{ 0xb03115, NULL },	/* Pi 4 Model B (raspi4b) */
		/* Others with the header, new and old codes. */
		{ 0xc04170, NULL },	/* Pi 5 */
		{ 0x902120, NULL },	/* Zero 2 W */
		{ 0x9000c1, NULL },	/* Zero W */
		{ 0xc03130, NULL },	/* Pi 400 */
		{ 0x0010, NULL },	/* Pi 1 B+ (old code) */
		{ 0x1000015, NULL },	/* A+, old code, warranty bit */
		/* The Pi 1 A/B's 26-pin header, old codes and new. */
		{ 0x0002, "is a Pi 1 Model B, whose 26-pin header" },
		{ 0x000e, "is a Pi 1 Model B, whose 26-pin header" },
		{ 0x0008, "is a Pi 1 Model A, whose 26-pin header" },
		{ 0x900010, "is a Pi 1 Model B, whose 26-pin header" },
		/* Compute Modules: no header. */
		{ 0x0011, "is a Compute Module 1, which has none" },
		{ 0xa020a0, "is a Compute Module 3, which has none" },
		{ 0xa03140, "is a Compute Module 4, which has none" },
		/* Not known: not guessed. */
		{ 0x9000f0, "is not one this version knows" },
		{ 0x0001, "is not one this version knows" },
	};
	size_t i;

	for (i = 0; i < sizeof(boards) / sizeof(boards[0]); i++) {
		int ret = args_check_board(true, boards[i].revision, err,
					   sizeof(err));

		if (!boards[i].want) {
			EXPECT(ret == 0, "0x%06x refused: %s",
			       (unsigned)boards[i].revision, err);
		} else {
			EXPECT(ret == -EINVAL, "0x%06x taken",
			       (unsigned)boards[i].revision);
			EXPECT_CONTAINS(err, boards[i].want);
			EXPECT_CONTAINS(err, "give GPIO numbers");
		}
	}
	EXPECT_INT(args_check_board(false, 0, err, sizeof(err)), -EINVAL);
	EXPECT_CONTAINS(err, "no /system/linux,revision");
	/* The same boards through pinout's lookup, with their names. */
	for (i = 0; i < sizeof(boards) / sizeof(boards[0]); i++) {
		const char *name = "unset";
		int header = args_board_header(boards[i].revision, &name);

		if (!boards[i].want)
			EXPECT(header == 40 && name, "0x%06x: %d",
			       (unsigned)boards[i].revision, header);
		else if (strstr(boards[i].want, "26-pin"))
			EXPECT(header == 26 && name, "0x%06x: %d",
			       (unsigned)boards[i].revision, header);
		else if (strstr(boards[i].want, "has none"))
			EXPECT(header == 0 && name, "0x%06x: %d",
			       (unsigned)boards[i].revision, header);
		else
			EXPECT(header == -1 && !name, "0x%06x: %d",
			       (unsigned)boards[i].revision, header);
	}
	{
		const char *name = NULL;

		EXPECT_INT(args_board_header(0xc04170, &name), 40);
		EXPECT_STR(name, "Pi 5");
		EXPECT_INT(args_board_header(0xa02082, &name), 40);
		EXPECT_STR(name, "Pi 3 Model B");
	}
	/* pinout: no words, --json only. */
	EXPECT_INT(PARSE("pinout"), 0);
	EXPECT_INT(cmd.verb, VERB_PINOUT);
	EXPECT(!cmd.json && !cmd.header && !cmd.pins, "pinout: a plain command");
	EXPECT_INT(PARSE("pinout", "--json"), 0);
	EXPECT(cmd.json, "pinout --json");
	EXPECT_INT(PARSE("pinout", "17"), -EINVAL);
	EXPECT_STR(err, "pinout takes no arguments (got '17')");
	EXPECT_INT(PARSE("pinout", "--force"), -EINVAL);
	EXPECT_STR(err, "pinout does not take --force");
}

/* Options anywhere; help for one verb, two ways. */
static void test_poll_and_names(void)
{
	struct linenames ln;
	static const char prop[] = "ID_SDA\0ID_SCL\0NC\0NC\0GPIO9\0";

	EXPECT_INT(PARSE("poll", "17"), 0);
	EXPECT(cmd.verb == VERB_POLL && cmd.pins == 1u << 17 &&
	       cmd.edges == (EDGE_RISING | EDGE_FALLING) && !cmd.poll_count &&
	       !cmd.sample && !cmd.timeout_ms, "poll 17: both edges, no bound");
	EXPECT_INT(PARSE("poll", "4,17-18", "rising", "--count", "3",
			 "--timeout=500", "--sample"), 0);
	EXPECT(cmd.pins == (1u << 4 | 3u << 17) && cmd.edges == EDGE_RISING &&
	       cmd.poll_count == 3 && cmd.timeout_ms == 500 && cmd.sample,
	       "poll with every option");
	EXPECT_INT(PARSE("poll", "17", "falling"), 0);
	EXPECT_INT(cmd.edges, EDGE_FALLING);
	EXPECT_INT(PARSE("poll"), -EINVAL);
	EXPECT_INT(PARSE("poll", "17", "up"), -EINVAL);
	EXPECT_STR(err, "poll: unknown edge 'up' (expected rising, falling or both)");
	EXPECT_INT(PARSE("poll", "17", "rising", "x"), -EINVAL);
	EXPECT_INT(PARSE("poll", "17", "--count", "1000001"), -EINVAL);
	EXPECT_INT(PARSE("poll", "17", "--count"), -EINVAL);
	EXPECT_INT(PARSE("poll", "17", "--json"), -EINVAL);
	EXPECT_STR(err, "poll does not take --json");
	EXPECT_INT(PARSE("wait", "17", "falling"), -EINVAL);
	EXPECT_CONTAINS(err, "'poll PIN falling --count 1'");
	EXPECT_INT(PARSE("blink", "17", "--sample"), -EINVAL);

	/* Names against a property, resolved into the pin mask. */
	linenames_parse(prop, sizeof(prop) - 1, &ln);
	snprintf(ln.node, sizeof(ln.node), "/soc/gpio");
	EXPECT_INT(ln.count, 5);
	EXPECT_INT(PARSE("set", "ID_SCL,17,GPIO9", "op"), 0);
	EXPECT_INT(args_resolve_names(&cmd, &ln, "", err, sizeof(err)), 0);
	/* GPIO9 is the CLI's GPIO9, not line 4 named GPIO9. */
	EXPECT_HEX(cmd.pins, 1u << 1 | 1u << 9 | 1u << 17);
	EXPECT_INT(cmd.pin, 1);
	EXPECT(cmd.linenames == &ln, "names kept for get");
	EXPECT_INT(PARSE("wait", "ID_SDA", "1"), 0);
	EXPECT_INT(args_resolve_names(&cmd, &ln, "", err, sizeof(err)), 0);
	EXPECT(cmd.pins == 1 && cmd.pin == 0, "wait ID_SDA");
	EXPECT_INT(PARSE("get", "NC"), 0);
	EXPECT_INT(args_resolve_names(&cmd, &ln, "", err, sizeof(err)),
		   -EINVAL);
	EXPECT_STR(err, "pin name 'NC' is ambiguous: lines 2 and 3 of /soc/gpio both have it (give GPIO2 or GPIO3)");
	EXPECT_INT(PARSE("get", "id_sda"), 0);
	EXPECT_INT(args_resolve_names(&cmd, &ln, "", err, sizeof(err)),
		   -EINVAL);
	EXPECT_STR(err, "unknown pin 'id_sda': not a GPIO number (17, GPIO17, BCM17), header pin (pin11) or line name of /soc/gpio/gpio-line-names");
	EXPECT_INT(PARSE("wait", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "1"),
		   -EINVAL);
	EXPECT_CONTAINS(err, "at most 31 characters");

	/* The property: names cut at 31 bytes, an unterminated tail ignored. */
	linenames_parse("A\0\0B", 4, &ln);
	EXPECT(ln.count == 2 && !strcmp(ln.name[0], "A") && !ln.name[1][0],
	       "unterminated last string ignored, empty name kept as a line");
	EXPECT(linenames_get(&ln, 1) == NULL && linenames_get(NULL, 0) == NULL,
	       "empty and missing names are NULL");
}

static void test_options_anywhere(void)
{
	EXPECT_INT(PARSE("get", "17", "--device", "/d", "--sysfs=/s"), 0);
	EXPECT_STR(cmd.device, "/d");
	EXPECT_STR(cmd.sysfs, "/s");
	EXPECT_INT(cmd.pin, 17);
	EXPECT_INT(PARSE("set", "--devicetree", "/dt", "17", "op"), 0);
	EXPECT_STR(cmd.devicetree, "/dt");
	EXPECT_INT(PARSE("wait", "17", "--timeout", "5", "1"), 0);
	EXPECT(cmd.level == 1 && cmd.timeout_ms == 5, "wait with --timeout between");
	/* -- ends the options: a word after it is a word. */
	EXPECT_INT(PARSE("get", "--", "--json"), -EINVAL);
	EXPECT_CONTAINS(err, "invalid pin '--json'");
	/* An unknown option after the verb is called one, not a bad pin. */
	EXPECT_INT(PARSE("get", "--frob"), -EINVAL);
	EXPECT_STR(err, "get: unknown option '--frob' (try: pigpio-regs help get)");
	EXPECT_INT(PARSE("get", "17", "--device"), -EINVAL);
	EXPECT_STR(err, "--device needs a value");

	EXPECT_INT(PARSE("help"), 0);
	EXPECT(cmd.verb == VERB_HELP && !cmd.help_verb, "help alone");
	EXPECT_INT(PARSE("help", "set"), 0);
	EXPECT(cmd.verb == VERB_HELP && cmd.help_verb && !strcmp(cmd.help_verb, "set"),
	       "help set");
	EXPECT_INT(PARSE("set", "--help"), 0);
	EXPECT(cmd.verb == VERB_HELP && cmd.help_verb && !strcmp(cmd.help_verb, "set"),
	       "set --help");
	EXPECT_INT(PARSE("wait", "17", "-h"), 0);
	EXPECT(cmd.verb == VERB_HELP && !strcmp(cmd.help_verb, "wait"), "wait 17 -h");
	EXPECT_INT(PARSE("help", "frob"), -EINVAL);
	EXPECT_STR(err, "help: unknown verb 'frob' (try help)");
	EXPECT_INT(PARSE("help", "set", "get"), -EINVAL);
	/* The completion hook takes every word as it is. */
	EXPECT_INT(PARSE("__complete", "--frob", "set", ""), 0);
	EXPECT(cmd.verb == VERB_COMPLETE && cmd.nwords == 3, "__complete");
}

/* Failed parses leave nothing half-copied from uninitialised values. */
static void test_no_garbage_on_error(void)
{
	EXPECT_INT(PARSE("bank", "high", "2", "1"), -EINVAL);
	EXPECT_INT(cmd.bank, 0);
	EXPECT_INT(PARSE("bank", "high", "1", "x"), -EINVAL);
	EXPECT_INT(cmd.mask, 0);
	EXPECT_INT(PARSE("blink", "17", "x"), -EINVAL);
	EXPECT_INT(cmd.count, BLINK_COUNT_DEFAULT);
	EXPECT_INT(PARSE("blink", "17", "5", "x"), -EINVAL);
	EXPECT_INT(cmd.period_ms, BLINK_PERIOD_DEFAULT);
}

int main(void)
{
	CHECK_RUN("args/number/accepts", test_numbers);
	CHECK_RUN("args/number/rejects", test_numbers_reject);
	CHECK_RUN("args/pin", test_pins);
	CHECK_RUN("args/offset", test_offsets);
	CHECK_RUN("args/set-op/each", test_set_ops_each);
	CHECK_RUN("args/set-op/rejects", test_set_ops_reject);
	CHECK_RUN("args/cmdline/globals", test_cmdline_globals);
	CHECK_RUN("args/cmdline/globals-reject", test_cmdline_globals_reject);
	CHECK_RUN("args/cmdline/get-set", test_cmdline_get_set);
	CHECK_RUN("args/cmdline/blink", test_cmdline_blink);
	CHECK_RUN("args/cmdline/peek", test_cmdline_peek);
	CHECK_RUN("args/check-chip", test_check_chip);
	CHECK_RUN("args/check-chip/set-ops", test_check_chip_set_ops);
	CHECK_RUN("args/pins/lists", test_pin_lists);
	CHECK_RUN("args/pins/lists-reject", test_pin_lists_reject);
	CHECK_RUN("args/cmdline/new-verbs", test_cmdline_new_verbs);
	CHECK_RUN("args/cmdline/new-verbs-reject", test_cmdline_new_verbs_reject);
	CHECK_RUN("args/check-chip/lists-and-banks", test_check_chip_lists);
	CHECK_RUN("args/vocabulary", test_vocabulary);
	CHECK_RUN("args/board-header", test_board);
	CHECK_RUN("args/poll-and-line-names", test_poll_and_names);
	CHECK_RUN("args/options-anywhere-and-help", test_options_anywhere);
	CHECK_RUN("args/no-garbage-on-error", test_no_garbage_on_error);
	return check_exit();
}
