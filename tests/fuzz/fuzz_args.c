// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the pigpio-regs command line parser (user/cli/args.c),
 * built with AddressSanitizer and UBSan by tests/fuzz/run.sh.
 *
 * The input's first byte picks the entry point; the rest is split at NUL
 * bytes into arguments, each copied to a heap buffer of its exact size (so
 * a read past a string is an ASan report), and the error buffer is a heap
 * buffer of a fuzzed size. Beyond "no crash", each call is checked:
 *  - the return value is 0 or -EINVAL, and a refusal says why in err, a
 *    NUL-terminated string inside errlen;
 *  - numbers agree with an independent reference parser (decimal, or hex
 *    after 0x; no sign, no space, no octal; range checked);
 *  - pin lists ("4,17-21", "GPIO17", "BCM17", header pins "pin11") agree
 *    with a reference parser, and the first pin reported is the lowest of
 *    the list;
 *  - what args_parse() accepts is consistent: a peek offset is a multiple
 *    of 4, blink figures are inside their limits, set has an op, and
 *    args_check_chip() accepts only pins, bank masks and offsets the chip
 *    has;
 *  - a refused command leaves the block byte-identical: the command line
 *    is run (verbs.c, on the library) against a simulated block of each
 *    SoC (a file and its attribute directory, made once), and whatever
 *    fails (parser, chip check or the verb itself) must not have changed
 *    one byte of it. blink, wait, selftest, owners and explain, which
 *    sleep or read the machine's own files, are not run.
 */
#define _DEFAULT_SOURCE	/* mkdtemp(), ftruncate() */

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "complete.h"

#define MAX_ARGS 12
#define NBLOCKS 4

static void die(const char *what)
{
	fprintf(stderr, "fuzz_args: %s\n", what);
	abort();
}

/* The error buffer after a call: NUL-terminated inside errlen. */
static void check_err(int ret, const char *err, size_t errlen)
{
	if (ret != 0 && ret != -EINVAL)
		die("return value neither 0 nor -EINVAL");
	if (ret && errlen && (!memchr(err, '\0', errlen) || (errlen > 1 && !err[0])))
		die("refusal without a message, or message not terminated");
}

/* verbs.c reports through main.c's cli_error(): formatted, then dropped. */
void cli_error(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
}

/* The simulated blocks, as tests/unit/test_cli.sh makes them. */
static const struct {
	const char *soc, *phys, *bus, *block, *window, *ngpio;
} block_attrs[NBLOCKS] = {
	{ "bcm2835", "0x20200000", "0x7e200000", "180", "4096", "54" },
	{ "bcm2837", "0x3f200000", "0x7e200000", "180", "4096", "54" },
	{ "bcm2711", "0xfe200000", "0x7e200000", "244", "4096", "58" },
	{ "rp1", "0x1f000d0000", "0x400d0000", "49152", "196608", "54" },
};
static struct pgr_chip *blocks[NBLOCKS];
static int block_fds[NBLOCKS];	/* the files, to fill them */
static char block_dir[64];
static unsigned char *pattern;	/* what a block holds before a command */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fputc('\n', f) < 0 || fclose(f))
		die("cannot write a simulated block's file");
}

static void remove_blocks(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", block_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_args: could not remove %s\n", block_dir);
}

/* Each SoC's block: a zeroed window file and its attribute directory. */
static void make_blocks(void)
{
	char dir[96], dev[112];
	unsigned long size;
	size_t b;
	FILE *f;

	snprintf(block_dir, sizeof(block_dir), "%s/fuzz-args-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(block_dir))
		die("mkdtemp");
	atexit(remove_blocks);
	for (b = 0; b < NBLOCKS; b++) {
		snprintf(dir, sizeof(dir), "%s/%s", block_dir, block_attrs[b].soc);
		snprintf(dev, sizeof(dev), "%s.dev", dir);
		if (mkdir(dir, 0755) != 0)
			die("mkdir");
		write_file(dir, "soc", block_attrs[b].soc);
		write_file(dir, "phys_base", block_attrs[b].phys);
		write_file(dir, "bus_base", block_attrs[b].bus);
		write_file(dir, "block_size", block_attrs[b].block);
		write_file(dir, "window_size", block_attrs[b].window);
		write_file(dir, "ngpio", block_attrs[b].ngpio);
		write_file(dir, "source", "devicetree");
		size = strtoul(block_attrs[b].window, NULL, 10);
		f = fopen(dev, "w");
		if (!f || ftruncate(fileno(f), (off_t)size) != 0 || fclose(f))
			die("cannot make a simulated block");
		block_fds[b] = open(dev, O_RDWR | O_CLOEXEC);
		if (block_fds[b] < 0 || pgr_chip_open(&blocks[b], dev, dir) != 0)
			die("cannot open a simulated block");
	}
	/*
	 * 0xa5 in every byte: a store shows unless it stores that very
	 * word (a block left as the last command left it would hide a
	 * store of what an earlier one stored).
	 */
	size = strtoul(block_attrs[NBLOCKS - 1].window, NULL, 10);
	pattern = malloc(size);
	if (!pattern)
		die("malloc");
	memset(pattern, 0xa5, size);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* What the verbs print is not checked: away with it. */
	if (!freopen("/dev/null", "w", stdout))
		die("freopen");
	make_blocks();
	return 0;
}

/*
 * The command line run as main.c runs it, on block b (the ownership guard
 * left out: no pin is claimed here); a refusal at any step must leave the
 * block as it was.
 */
static void run_on_block(int argc, char **argv, size_t b, char *err,
			 size_t errlen)
{
	static const struct pgr_owners no_owners;
	struct pgr_chip *chip = blocks[b];
	const unsigned char *block = pgr_chip_mapping(chip);
	size_t size = pgr_chip_window_size(chip);
	struct command cmd;
	int ret;

	if (pwrite(block_fds[b], pattern, size, 0) != (ssize_t)size)
		die("cannot fill a simulated block");
	ret = args_parse(argc, argv, &cmd, err, errlen);
	check_err(ret, err, errlen);
	if (ret == 0) {
		switch (cmd.verb) {
		case VERB_INFO: case VERB_GET: case VERB_SET:
		case VERB_TOGGLE: case VERB_FUNCS: case VERB_PEEK:
		case VERB_BANK: case VERB_DETECT: case VERB_EVENTS:
			break;
		default:
			return;
		}
		ret = args_check_chip(&cmd, pgr_chip_soc_name(chip),
				      pgr_chip_pin_count(chip),
				      pgr_chip_block_size(chip), err, errlen);
		check_err(ret, err, errlen);
		if (ret == 0)
			ret = verbs_run(&cmd, chip, &no_owners);
	}
	if (ret != 0 && memcmp(pattern, block, size) != 0)
		die("a refused command changed the block");
}

/* Reference: 1 and *out if s is a number in [min, max], 0 if not. */
static int ref_number(const char *s, int hex_allowed, unsigned long long min,
		      unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	unsigned base = 10, d;

	if (hex_allowed && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return 0;
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, d, &v))
			return 0;
	}
	if (v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

/*
 * Reference for one pin: decimal, after an optional "GPIO" or "BCM" in
 * any case; or after "pin", "BOARD" or "J8:" (any case) a 40-pin header
 * pin, mapped here from the header's pinout (*header set).
 */
static int ref_pin(const char *s, unsigned long long *out, int *header)
{
	/* GPIO of header pin n, 1-40; -1 power or ground. */
	static const signed char j8[41] = {
		-1, -1, -1, 2, -1, 3, -1, 4, 14, -1, 15, 17, 18, 27, -1, 22,
		23, -1, 24, 10, -1, 9, 25, 11, 8, -1, 7, 0, 1, 5, -1, 6, 12,
		13, -1, 19, 16, 26, 20, -1, 21,
	};
	unsigned long long n;

	if (!strncasecmp(s, "pin", 3) || !strncasecmp(s, "board", 5) ||
	    !strncasecmp(s, "j8:", 3)) {
		s += (s[0] | 0x20) == 'b' ? 5 : 3;
		if (!ref_number(s, 0, 1, 40, &n) || j8[n] < 0)
			return 0;
		*out = (unsigned long long)j8[n];
		*header = 1;
		return 1;
	}
	if ((s[0] | 0x20) == 'g' && (s[1] | 0x20) == 'p' &&
	    (s[2] | 0x20) == 'i' && (s[3] | 0x20) == 'o')
		s += 4;
	else if ((s[0] | 0x20) == 'b' && (s[1] | 0x20) == 'c' &&
		 (s[2] | 0x20) == 'm')
		s += 3;
	return ref_number(s, 0, 0, UINT_MAX, out);
}

/* Reference for a pin list "4,17-21" (or "21-17"): 1 and the mask, or 0. */
static int ref_pins(const char *s, uint64_t *mask)
{
	int unused = 0;
	char item[32];
	unsigned long long from, to;
	const char *comma;
	char *dash;
	size_t len;

	*mask = 0;
	for (;;) {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		if (len == 0 || len >= sizeof(item))
			return 0;
		memcpy(item, s, len);
		item[len] = '\0';
		dash = strchr(item, '-');
		if (dash && dash != item) {
			int header = 0;

			*dash = '\0';
			/* Header pins take no ranges. */
			if (!ref_pin(item, &from, &header) ||
			    !ref_pin(dash + 1, &to, &header) || header)
				return 0;
			if (from > to) {
				unsigned long long t = from;

				from = to;
				to = t;
			}
		} else if (!ref_pin(item, &from, &unused)) {
			return 0;
		} else {
			to = from;
		}
		if (to >= 64)
			return 0;
		for (; from <= to; from++)
			*mask |= UINT64_C(1) << from;
		if (!comma)
			return 1;
		s = comma + 1;
	}
}

static uint64_t take64(const uint8_t **data, size_t *size)
{
	uint64_t v = 0;
	size_t n = *size < 8 ? *size : 8;

	memcpy(&v, *data, n);
	*data += n;
	*size -= n;
	return v;
}

static void count_word(const char *word, void *ctx)
{
	if (!word || !*word)
		die("completion offered an empty word");
	++*(unsigned *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const socs[] = {
		"bcm2835", "bcm2837", "bcm2711", "rp1",
	};
	char *argv[MAX_ARGS + 2] = { NULL };
	struct command cmd;
	struct set_ops ops;
	unsigned long long min = 0, max = ULLONG_MAX, got = 0, want;
	unsigned pin, offset, first;
	uint64_t pins, pins_ref;
	size_t errlen, i;
	char *err;
	unsigned completions = 0;
	int argc = 1, mode, ret, r, header = 0;

	if (size < 2)
		return 0;
	mode = data[0] % 8;
	errlen = data[1] % (ARGS_ERR_SIZE + 1);
	data += 2;
	size -= 2;
	if (mode == 1) {
		min = take64(&data, &size);
		max = take64(&data, &size);
	}

	argv[0] = malloc(sizeof("pigpio-regs"));
	memcpy(argv[0], "pigpio-regs", sizeof("pigpio-regs"));
	while (size && argc <= MAX_ARGS) {
		const uint8_t *end = memchr(data, '\0', size);
		size_t len = end ? (size_t)(end - data) : size;

		argv[argc] = malloc(len + 1);
		memcpy(argv[argc], data, len);
		argv[argc][len] = '\0';
		argc++;
		data += len + (end ? 1 : 0);
		size -= len + (end ? 1 : 0);
	}
	err = malloc(errlen ? errlen : 1);

	switch (mode) {
	case 0: /* the whole command line */
		ret = args_parse(argc, argv, &cmd, err, errlen);
		check_err(ret, err, errlen);
		if (ret)
			break;
		switch (cmd.verb) {
		case VERB_PEEK:
			if (cmd.offset % 4)
				die("peek offset accepted that is not a multiple of 4");
			break;
		case VERB_BLINK:
			if (cmd.count < BLINK_COUNT_MIN || cmd.count > BLINK_COUNT_MAX ||
			    cmd.period_ms < BLINK_PERIOD_MIN ||
			    cmd.period_ms > BLINK_PERIOD_MAX)
				die("blink figures accepted outside their limits");
			break;
		case VERB_SET:
			if (!cmd.ops.set_function && !cmd.ops.set_level &&
			    !cmd.ops.set_pull && !cmd.ops.set_drive &&
			    !cmd.ops.set_slew)
				die("set accepted without an op");
			break;
		default:
			break;
		}
		if (cmd.device && !*cmd.device)
			die("empty --device accepted");
		if (cmd.sysfs && !*cmd.sysfs)
			die("empty --sysfs accepted");
		if (cmd.pins && (cmd.pin >= 64 ||
				 !(cmd.pins & (UINT64_C(1) << cmd.pin)) ||
				 (cmd.pins & ((UINT64_C(1) << cmd.pin) - 1))))
			die("pin is not the lowest pin of the list");
		r = args_check_chip(&cmd, "bcm2837", 54, 0xb4, err, errlen);
		check_err(r, err, errlen);
		if (!r && cmd.verb != VERB_BANK && (cmd.pins >> 54))
			die("pin beyond the chip passed args_check_chip");
		if (!r && cmd.verb == VERB_BANK && cmd.bank == 1 &&
		    (cmd.mask >> 22))
			die("bank mask beyond the chip passed args_check_chip");
		if (!r && cmd.verb == VERB_PEEK && cmd.offset >= 0xb4)
			die("offset beyond the block passed args_check_chip");
		r = args_check_chip(&cmd, "bcm2711", 58, 0xf4, err, errlen);
		check_err(r, err, errlen);
		break;
	case 1: /* a number in a fuzzed range */
		if (argc < 2)
			break;
		ret = args_parse_number(argv[1], min, max, "n", &got, err, errlen);
		check_err(ret, err, errlen);
		r = ref_number(argv[1], 1, min, max, &want);
		if ((ret == 0) != r || (r && got != want))
			die("args_parse_number disagrees with the reference");
		break;
	case 2:
		if (argc < 2)
			break;
		ret = args_parse_pin(argv[1], &pin, err, errlen);
		check_err(ret, err, errlen);
		r = ref_pin(argv[1], &want, &header);
		if ((ret == 0) != r || (r && pin != want))
			die("args_parse_pin disagrees with the reference");
		break;
	case 3:
		if (argc < 2)
			break;
		ret = args_parse_offset(argv[1], &offset, err, errlen);
		check_err(ret, err, errlen);
		r = ref_number(argv[1], 1, 0, UINT_MAX, &want) && want % 4 == 0;
		if ((ret == 0) != r || (r && offset != want))
			die("args_parse_offset disagrees with the reference");
		break;
	case 4: /* a pin list */
		if (argc < 2)
			break;
		ret = args_parse_pins(argv[1], &pins, &first, err, errlen);
		check_err(ret, err, errlen);
		r = ref_pins(argv[1], &pins_ref);
		if ((ret == 0) != r || (r && pins != pins_ref))
			die("args_parse_pins disagrees with the reference");
		if (r && (first >= 64 || !(pins >> first & 1) ||
			  (pins & ((UINT64_C(1) << first) - 1))))
			die("args_parse_pins: first is not the lowest pin");
		break;
	case 5: /* completion of any words: no crash, nothing read past them */
		complete_words(argc - 1, argv + 1,
			       errlen % 5 == 4 ? NULL : socs[errlen % 5],
			       (unsigned)(errlen % 70), NULL,
			       count_word, &completions);
		break;
	case 7: /* the command line run on a simulated block */
		run_on_block(argc, argv, errlen % NBLOCKS, err, errlen);
		break;
	default: /* a sequence of set ops */
		memset(&ops, 0, sizeof(ops));
		for (i = 1; i < (size_t)argc; i++) {
			ret = args_parse_set_op(argv[i], &ops, err, errlen);
			check_err(ret, err, errlen);
			if (ret)
				break;
		}
		/* 0-7: BCM's GPFSEL codes; ALT6-ALT8 and NONE: the RP1's only. */
		if (ops.set_function && (unsigned)ops.function > 7 &&
		    (ops.function < PGR_FUNC_ALT6 || ops.function > PGR_FUNC_ALT8) &&
		    ops.function != PGR_FUNC_NONE)
			die("set op gave a function outside the enum");
		if (ops.set_level && ops.level != 0 && ops.level != 1)
			die("set op gave a level other than 0 or 1");
		if (ops.set_pull && ops.pull != PGR_PULL_NONE &&
		    ops.pull != PGR_PULL_UP && ops.pull != PGR_PULL_DOWN)
			die("set op gave an unknown pull");
		if (ops.set_drive && (unsigned)ops.drive > PGR_DRIVE_12MA)
			die("set op gave a drive strength outside the enum");
		if (ops.set_slew && ops.slew != 0 && ops.slew != 1)
			die("set op gave a slew other than 0 or 1");
		break;
	}

	for (i = 0; i < (size_t)argc; i++)
		free(argv[i]);
	free(err);
	return 0;
}
