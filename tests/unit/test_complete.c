// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shell completion (user/cli/complete.c) against the parser it comes from
 * (user/cli/args.c): at each position of valid command lines, the word
 * actually there is offered, and every word offered there makes a line
 * the parser takes; every option offered after a verb is one the verb
 * takes. Also the cases the old hand-written script got wrong.
 */
#define _POSIX_C_SOURCE 200809L	/* strdup() */

#include <errno.h>
#include <stdlib.h>

#include "args.h"
#include "check.h"
#include "complete.h"
#include "linenames.h"

#define NGPIO 54
#define MAX_WORDS 64

static char *got[128];
static int ngot;
/* The chip completion is told of: NULL (not known), or its soc. */
static const char *soc;
static unsigned ngpio = NGPIO;
/* The device tree's line names completion is told of, or NULL. */
static const struct linenames *names;

static void collect(const char *word, void *ctx)
{
	(void)ctx;
	if (ngot < (int)(sizeof(got) / sizeof(got[0])))
		got[ngot++] = strdup(word);
}

static void reset(void)
{
	while (ngot > 0)
		free(got[--ngot]);
}

/* The candidates after words[0..k-1], the current word empty (or cur). */
static void complete_at(char *const *words, int k, const char *cur)
{
	char *line[MAX_WORDS];
	int i;

	reset();
	for (i = 0; i < k; i++)
		line[i] = words[i];
	line[k] = (char *)cur;
	complete_words(k + 1, line, soc, ngpio, names, collect, NULL);
}

static bool offered(const char *word)
{
	int i;

	for (i = 0; i < ngot; i++)
		if (!strcmp(got[i], word))
			return true;
	return false;
}

/* words (NULL-terminated) with words[k] replaced by w; 0 if it parses. */
static int parse_with(char *const *words, int k, const char *w, char *err,
		      size_t errlen)
{
	char *argv[MAX_WORDS + 2];
	struct command cmd;
	int n;

	argv[0] = "pigpio-regs";
	for (n = 0; words[n]; n++)
		argv[n + 1] = n == k ? (char *)w : words[n];
	if (k == n)
		argv[++n] = (char *)w;
	argv[n + 1] = NULL;
	if (args_parse(n + 1, argv, &cmd, err, errlen) != 0)
		return -EINVAL;
	/* On a known chip, its checks too (a large block: peek's offsets). */
	return soc ? args_check_chip(&cmd, soc, ngpio, 0x30000, err, errlen) : 0;
}

static const struct {
	const char *words[8];
	unsigned replace;	/* bit k: every word offered at k must parse */
} lines[] = {
	{ { "info" }, 0 },
	{ { "get", "17" }, 1 << 1 },
	{ { "set", "17", "op" }, 1 << 1 | 1 << 2 },
	{ { "set", "17", "op", "dh" }, 1 << 3 },
	{ { "set", "17", "output", "high", "up" }, 1 << 4 },
	{ { "set", "17", "op", "d8" }, 1 << 3 },
	{ { "set", "17", "slew-fast", "12mA", "pu" }, 1 << 4 },
	{ { "toggle", "4" }, 1 << 1 },
	{ { "funcs", "4" }, 1 << 1 },
	{ { "owners", "4" }, 1 << 1 },
	{ { "blink", "17", "3", "100" }, 1 << 1 },
	{ { "peek", "0x34" }, 0 },
	{ { "bank", "read", "0" }, 1 << 2 },
	{ { "bank", "high", "1", "0x3" }, 1 << 2 },
	{ { "bank", "low", "0", "0x3" }, 1 << 2 },
	{ { "bank", "write", "0", "0x3", "0x1" }, 1 << 2 },
	{ { "detect", "--force", "4", "rising" }, 1 << 2 | 1 << 3 },
	{ { "detect", "4", "--force", "rising", "async-falling" }, 1 << 4 },
	{ { "detect", "4", "none" }, 1 << 1 | 1 << 2 },
	{ { "set", "17", "no", "pn" }, 1 << 3 },
	{ { "set", "17", "a6" }, 1 << 2 },
	{ { "events", "4" }, 0 },
	{ { "events", "clear", "4" }, 1 << 2 },
	{ { "wait", "17", "1" }, 1 << 1 | 1 << 2 },
	{ { "explain" }, 0 },
	{ { "pinout" }, 0 },
	{ { "pinout", "--json" }, 0 },
	{ { "ticks" }, 0 },
	{ { "ticks", "3" }, 0 },
	{ { "selftest" }, 0 },
	{ { "selftest", "17" }, 1 << 1 },
	{ { "help", "set" }, 1 << 1 },
	{ { "poll", "17" }, 1 << 1 },
	{ { "poll", "4", "rising", "--count", "2" }, 1 << 2 },
	{ { "poll", "17", "falling", "--sample", "--timeout", "5" }, 1 << 2 },
};

/*
 * Every line, with the chip not known and on each SoC: a line the chip
 * refuses (set 17 a6 on a BCM chip, detect on the RP1) is skipped there,
 * and what is offered on a chip must pass its checks too.
 */
static void test_against_parser(void)
{
	static const char *const socs[] = {
		NULL, "bcm2835", "bcm2837", "bcm2711", "rp1",
	};
	char err[ARGS_ERR_SIZE];
	char *const *words;
	size_t l, s;
	int k, i, n, checked = 0;

	for (s = 0; s < sizeof(socs) / sizeof(socs[0]); s++)
	for (l = 0; l < sizeof(lines) / sizeof(lines[0]); l++) {
		soc = NULL;
		ngpio = NGPIO;
		words = (char *const *)lines[l].words;
		EXPECT(parse_with(words, -1, NULL, err, sizeof(err)) == 0,
		       "line %zu (%s) does not parse: %s", l, words[0], err);
		soc = socs[s];
		ngpio = soc && !strcmp(soc, "bcm2711") ? 58 : NGPIO;
		if (soc && parse_with(words, -1, NULL, err, sizeof(err)) != 0)
			continue;
		for (n = 0; words[n]; n++)
			;
		for (k = 0; k < n; k++) {
			complete_at(words, k, "");
			/* Numbers (masks, counts, offsets) are not offered. */
			if (ngot && words[k][0] != '-')
				EXPECT(offered(words[k]), "%s %s: '%s' not offered at %d",
				       soc ? soc : "-", words[0], words[k], k);
			if (!(lines[l].replace & (1u << k)))
				continue;
			for (i = 0; i < ngot; i++) {
				EXPECT(parse_with(words, k, got[i], err, sizeof(err)) == 0,
				       "%s: '%s' offered at %d, refused: %s",
				       words[0], got[i], k, err);
				checked++;
			}
		}
		/* Past the last word: whatever is offered must parse too. */
		complete_at(words, n, "");
		for (i = 0; i < ngot; i++)
			EXPECT(parse_with(words, n, got[i], err, sizeof(err)) == 0,
			       "%s: '%s' offered at the end, refused: %s",
			       words[0], got[i], err);
		/* Every option offered after the verb is one it takes. */
		complete_at(words, n, "-");
		EXPECT(ngot > 0, "%s: no option offered", words[0]);
		for (i = 0; i < ngot; i++) {
			const char *opt = got[i];
			char with_value[80];

			bool number = !strcmp(opt, "--timeout") ||
				      !strcmp(opt, "--count");

			snprintf(with_value, sizeof(with_value), "%s=%s", opt,
				 number ? "5" : "/x");
			if (!strcmp(opt, "--help"))
				continue;
			EXPECT(parse_with(words, n, !number &&
					  strcmp(opt, "--device") && strcmp(opt, "--sysfs") &&
					  strcmp(opt, "--devicetree") ? opt : with_value,
					  err, sizeof(err)) == 0,
			       "%s: option '%s' offered, refused: %s", words[0],
			       opt, err);
		}
	}
	EXPECT(checked > 1500, "only %d offered words checked", checked);
	soc = NULL;
	ngpio = NGPIO;
	reset();
}

/*
 * The device tree's line names where a pin may come: those that name one
 * pin below the chip's count and that the parser takes as that pin; and
 * what is offered parses.
 */
static void test_line_names(void)
{
	static const char prop[] =
		"ID_SDA\0ID_SCL\0NC\0NC\0GPIO9\0GPIO5\0\0BT_ON\0";
	static char *const get[] = { "get", NULL };
	static char *const wait[] = { "wait", NULL };
	static char *const poll[] = { "poll", NULL };
	static char *const set[] = { "set", "17", NULL };
	static struct linenames ln;
	char err[ARGS_ERR_SIZE];
	int i;

	linenames_parse(prop, sizeof(prop) - 1, &ln);
	names = &ln;
	complete_at(get, 1, "");
	EXPECT(offered("ID_SDA") && offered("ID_SCL") && offered("BT_ON") &&
	       offered("GPIO5") && offered("17"),
	       "get: the unique names and the numbers");
	EXPECT(!offered("NC"), "NC names two lines");
	EXPECT(!offered("GPIO9"), "GPIO9 is the CLI's GPIO9, not line 4");
	EXPECT(!offered(""), "an unnamed line offers nothing");
	for (i = 0; i < ngot; i++)
		EXPECT(parse_with(get, 1, got[i], err, sizeof(err)) == 0,
		       "get '%s' offered, refused: %s", got[i], err);
	complete_at(wait, 1, "");
	EXPECT(offered("ID_SDA") && offered("BT_ON"), "wait offers names");
	complete_at(poll, 1, "");
	EXPECT(offered("BT_ON"), "poll offers names");
	complete_at(set, 2, "");
	EXPECT(!offered("ID_SDA"), "names are not ops");
	ngpio = 1;	/* a name beyond the chip is not offered */
	complete_at(get, 1, "");
	EXPECT(offered("ID_SDA") && !offered("ID_SCL") && !offered("BT_ON"),
	       "names of lines the chip has");
	ngpio = NGPIO;
	names = NULL;
	complete_at(get, 1, "");
	EXPECT(!offered("ID_SDA"), "no names without a device tree");
	reset();
}

/* Offered on the chip: what it takes, not what it refuses. */
static void test_per_chip(void)
{
	static const char *const bcm[] = { "bcm2835", "bcm2837", "bcm2711" };
	static const char *const rp1_only[] = {
		"alt6", "alt7", "alt8", "a6", "a7", "a8", "no", "d2", "d4",
		"d8", "d12", "2mA", "4mA", "8mA", "12mA", "slew-fast",
		"slew-slow", "fast", "slow",
	};
	char *set[] = { "set", "17" };
	char *set_op[] = { "set", "17", "op" };
	size_t s, i;

	for (s = 0; s < 3; s++) {
		soc = bcm[s];
		complete_at(set, 2, "");
		for (i = 0; i < sizeof(rp1_only) / sizeof(rp1_only[0]); i++)
			EXPECT(!offered(rp1_only[i]), "%s: '%s' offered",
			       soc, rp1_only[i]);
		EXPECT(offered("alt5") && offered("a0") && offered("pu") &&
		       offered("dh") && offered("none") && offered("input"),
		       "%s: the BCM ops not offered", soc);
		complete_at(set_op, 3, "");
		EXPECT(!offered("d8") && !offered("alt6") && offered("dh"),
		       "%s: after op", soc);
	}
	soc = "rp1";
	complete_at(set, 2, "");
	for (i = 0; i < sizeof(rp1_only) / sizeof(rp1_only[0]); i++)
		EXPECT(offered(rp1_only[i]), "rp1: '%s' not offered", rp1_only[i]);
	/* Not known: every chip's words. */
	soc = NULL;
	complete_at(set, 2, "");
	EXPECT(offered("alt8") && offered("d12") && offered("no"),
	       "chip not known: the RP1's words not offered");
	reset();
}

static void test_known_cases(void)
{
	char *bank_read[] = { "bank", "read" };
	char *wait[] = { "wait", "17", "1" };
	char *set[] = { "set", "17" };
	char *device[] = { "--device" };
	char *sysfs[] = { "get", "--sysfs" };
	char *detect[] = { "detect", "4" };
	char *detect_force[] = { "detect", "--force", "4" };
	char *none[] = { "detect", "4", "none" };
	char *selftest[] = { "selftest", "17" };
	char *set_d8[] = { "set", "17", "d8" };
	char *pinout[] = { "pinout" };
	char *ticks[] = { "ticks", "3" };

	/* After bank read: a bank number, not pins or ops. */
	complete_at(bank_read, 2, "");
	EXPECT(ngot == 2 && offered("0") && offered("1"), "bank read: %d words", ngot);
	/* wait offers --timeout; set does not offer --json. */
	complete_at(wait, 3, "-");
	EXPECT(offered("--timeout") && !offered("--json"), "wait options");
	complete_at(set, 2, "-");
	EXPECT(offered("--force") && !offered("--json") && !offered("--timeout"),
	       "set options");
	/* selftest: --json and --force; one PIN, then no more words. */
	complete_at(selftest, 2, "-");
	EXPECT(offered("--json") && offered("--force") && !offered("--timeout"),
	       "selftest options");
	complete_at(selftest, 2, "");
	EXPECT(ngot == 0, "after selftest 17: %d words", ngot);
	/* set's ops include drive strength and slew, one of each */
	complete_at(set, 2, "");
	EXPECT(offered("d2") && offered("d12") && offered("12mA") &&
	       offered("slew-fast") && offered("slow") && !offered("d6"),
	       "set ops: drive and slew");
	complete_at(set_d8, 3, "");
	EXPECT(!offered("d4") && !offered("8mA") && offered("slew-slow") &&
	       offered("op"), "after d8: another drive offered");
	/* Pins: 0 to NGPIO - 1. */
	complete_at(set, 1, "");
	EXPECT(ngot == NGPIO && offered("0") && offered("53") && !offered("54"),
	       "%d pins", ngot);
	/* Option values: files and directories. */
	complete_at(device, 1, "");
	EXPECT(ngot == 1 && !strcmp(got[0], COMPLETE_FILE), "--device value");
	complete_at(sysfs, 2, "");
	EXPECT(ngot == 1 && !strcmp(got[0], COMPLETE_DIR), "--sysfs value");
	/* detect: the kinds with --force, only none without; nothing more
	 * after none. */
	complete_at(detect, 2, "");
	EXPECT(ngot == 1 && offered("none"), "detect without --force: %d words",
	       ngot);
	complete_at(detect_force, 3, "");
	EXPECT(offered("rising") && offered("none") && !offered("17"), "detect kinds");
	complete_at(none, 3, "");
	EXPECT(ngot == 0, "after none: %d words", ngot);
	/* pinout: offered as a verb; --json its option; no words after it. */
	complete_at(set, 0, "");
	EXPECT(offered("pinout"), "pinout not offered as a verb");
	complete_at(pinout, 1, "-");
	EXPECT(offered("--json") && !offered("--force") &&
	       !offered("--timeout") && offered("--devicetree"),
	       "pinout options");
	complete_at(pinout, 1, "");
	EXPECT(ngot == 0, "after pinout: %d words", ngot);
	/* ticks: offered as a verb; no option of its own; one COUNT. */
	complete_at(set, 0, "");
	EXPECT(offered("ticks"), "ticks not offered as a verb");
	complete_at(ticks, 1, "-");
	EXPECT(!offered("--json") && !offered("--force") &&
	       offered("--device"), "ticks options");
	complete_at(ticks, 2, "");
	EXPECT(ngot == 0, "after ticks 3: %d words", ngot);
	/* The hook is not a verb to offer. */
	complete_at(set, 0, "");
	EXPECT(!offered(ARGS_COMPLETE) && offered("help") && !offered("bench"),
	       "verbs");
	reset();
}

int main(void)
{
	CHECK_RUN("complete/against-parser", test_against_parser);
	CHECK_RUN("complete/known-cases", test_known_cases);
	CHECK_RUN("complete/per-chip", test_per_chip);
	CHECK_RUN("complete/line-names", test_line_names);
	return check_exit();
}
