// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs: look at and drive Raspberry Pi GPIO pins through the
 * pigpio_regs register window. Parses everything first (args.c), opens
 * the device, checks pins and offsets against it and the pins against the
 * kernel's claims (guard.c), then acts (verbs.c).
 *
 * Exit status: 0 ok, 1 runtime failure (or a selftest check failed), 2
 * usage error, 128 + N when blink, wait, poll or selftest is stopped by
 * signal N.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "complete.h"
#include "linenames.h"
#include "selftest.h"

#define EXIT_USAGE 2

/* text, each line after the first indented by indent spaces. */
static void print_indented(FILE *out, const char *text, int indent)
{
	const char *nl;

	while ((nl = strchr(text, '\n'))) {
		fprintf(out, "%.*s\n%*s", (int)(nl - text), text, indent, "");
		text = nl + 1;
	}
	fprintf(out, "%s\n", text);
}

static const char options_help[] =
	"options (anywhere on the line; -- ends them):\n"
	"  --json          machine-readable output (info get pinout funcs peek bank\n"
	"                  events owners selftest)\n"
	"  --force         change pins the kernel has claimed (set toggle blink bank\n"
	"                  detect events selftest); without it such changes are\n"
	"                  refused; detect: also needed to enable any detector\n"
	"  --timeout MS    wait: give up after MS milliseconds (1-86400000);\n"
	"                  poll: stop after MS milliseconds (exit 0)\n"
	"  --count N       poll: stop after N edges (1-1000000)\n"
	"  --sample        poll: sample the levels every 1 ms through the mapping\n"
	"                  instead of the kernel's edge events\n"
	"  --syscall       peek: read with pread() through the driver\n"
	"  --device PATH   device node (default " PIGPIO_REGS_DEVICE ";\n"
	"                  ticks: " PIGPIO_REGS_TIMER_DEVICE ")\n"
	"  --sysfs DIR     attribute directory (default " PIGPIO_REGS_SYSFS_DIR ")\n"
	"  --devicetree DIR\n"
	"                  device tree to read pin owners, line names and the\n"
	"                  board's revision from (default /proc/device-tree)\n"
	"  -h, --help      show this help (after a verb: that verb's)\n"
	"  -V, --version   show the version\n";

static const char exit_help[] =
	"exit status: 0 ok, 1 runtime failure (or refused, or wait's timeout,\n"
	"or a selftest check failed), 2 usage error (also an op, pin or\n"
	"offset this chip does not have), 128+N blink, wait, poll or\n"
	"selftest stopped by signal N (SIGINT, SIGTERM, SIGHUP; blink and\n"
	"selftest then leave the pin as they found it)\n";

/* Every verb, from the parser's table. */
static void usage(FILE *out)
{
	const struct verb_spec *verbs;
	size_t n, v;
	int len;

	fprintf(out,
		"usage: " PROG " [OPTIONS] VERB [ARGS...]\n"
		"       " PROG " help [VERB] | --help | --version\n"
		"\n"
		"Drive Raspberry Pi GPIO pins through the register window that the\n"
		"pigpio_regs driver maps into this process (no root needed).\n"
		"PINS is a list such as 17, GPIO17, BCM17, 4,17-21 or 0-53; a pin of\n"
		"the 40-pin header may be given by its number: pin11, BOARD11, J8:11,\n"
		"and a pin by its device-tree line name (ID_SDA) where only one line\n"
		"has it and it is none of these spellings.\n"
		"\n"
		"verbs:\n");
	verbs = args_verbs(&n);
	for (v = 0; v < n; v++) {
		len = fprintf(out, "  %s", verbs[v].usage);
		if (len > 30)
			fprintf(out, "\n%32s", "");
		else
			fprintf(out, "%*s", 32 - len, "");
		print_indented(out, verbs[v].help, 32);
	}
	fprintf(out, "\n%s\n%s", options_help, exit_help);
}

/* One verb: its usage, what it does, the options it takes. */
static void usage_verb(FILE *out, const struct verb_spec *spec)
{
	size_t i;

	fprintf(out, "usage: " PROG " [OPTIONS] %s\n\n", spec->usage);
	print_indented(out, spec->help, 0);
	fprintf(out, "\noptions:");
	for (i = 0; args_options[i].name; i++)
		if (args_options[i].option & spec->options)
			fprintf(out, " %s%s%s", args_options[i].name,
				args_options[i].value ? " " : "",
				args_options[i].value ? args_options[i].value : "");
	fprintf(out, " --device PATH --sysfs DIR --devicetree DIR\n"
		"(" PROG " --help describes them)\n");
}

static void emit_line(const char *word, void *ctx)
{
	fprintf(ctx, "%s\n", word);
}

/*
 * One word of the attribute file dir/name into buf (lower case letters
 * and digits only), or "" when it cannot be read.
 */
static void read_attribute(const char *dir, const char *name, char *buf,
			   size_t size)
{
	char path[PATH_MAX];
	FILE *f;
	size_t n = 0;
	int c;

	buf[0] = '\0';
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return;
	f = fopen(path, "re");
	if (!f)
		return;
	while ((c = fgetc(f)) != EOF && n + 1 < size &&
	       ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
		buf[n++] = (char)c;
	buf[n] = '\0';
	fclose(f);
}

/*
 * The completion hook: the words that may come next, one per line, for
 * the chip whose attributes are in --sysfs DIR (one of the words before
 * the current one) or the default directory: its soc (a BCM chip is not
 * offered alt6 or d8) and its pin count.
 */
static int complete(const struct command *cmd)
{
	static struct linenames ln;
	const char *sysfs = PIGPIO_REGS_SYSFS_DIR;
	const char *dt = "/proc/device-tree";
	char soc[16], ngpio_text[8];
	unsigned long ngpio;
	int i;

	for (i = 0; i + 1 < cmd->nwords; i++) {
		if (!strcmp(cmd->words[i], "--"))
			break;
		if (!strncmp(cmd->words[i], "--sysfs=", 8) && cmd->words[i][8])
			sysfs = cmd->words[i] + 8;
		else if (!strcmp(cmd->words[i], "--sysfs") &&
			 i + 2 < cmd->nwords && cmd->words[i + 1][0])
			sysfs = cmd->words[++i];
		else if (!strncmp(cmd->words[i], "--devicetree=", 13) &&
			 cmd->words[i][13])
			dt = cmd->words[i] + 13;
		else if (!strcmp(cmd->words[i], "--devicetree") &&
			 i + 2 < cmd->nwords && cmd->words[i + 1][0])
			dt = cmd->words[++i];
	}
	if (linenames_load(dt, &ln) < 0)
		ln.count = 0;
	read_attribute(sysfs, "soc", soc, sizeof(soc));
	read_attribute(sysfs, "ngpio", ngpio_text, sizeof(ngpio_text));
	ngpio = strtoul(ngpio_text, NULL, 10);
	if (ngpio == 0 || ngpio > 64)
		ngpio = 54;	/* the BCM2835's, when no driver is there */
	complete_words(cmd->nwords, cmd->words, soc[0] ? soc : NULL,
		       (unsigned)ngpio, &ln, emit_line, stdout);
	return EXIT_SUCCESS;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Why pgr_chip_open() failed, and what to do about it. */
static void explain_open_error(const struct command *cmd, int err)
{
	const char *device = cmd->device ? cmd->device : PIGPIO_REGS_DEVICE;
	const char *sysfs = cmd->sysfs ? cmd->sysfs : PIGPIO_REGS_SYSFS_DIR;
	struct stat sb;

	cli_error("cannot open %s (attributes in %s): %s", device, sysfs,
	      strerror(-err));
	/*
	 * --device FILE that is there but no device node: a simulated block,
	 * whose attributes are not the driver's. Not a module to load.
	 */
	if (cmd->device && !cmd->sysfs && stat(device, &sb) == 0 &&
	    !S_ISCHR(sb.st_mode)) {
		cli_error("%s is not the driver's node but a %s: a simulated block needs --sysfs DIR, a directory of its attribute files (soc, phys_base, bus_base, block_size, window_size, ngpio, source)",
			  device, S_ISREG(sb.st_mode) ? "plain file" :
			  S_ISDIR(sb.st_mode) ? "directory" : "file");
		return;
	}
	switch (-err) {
	case EACCES:
	case EPERM:
		cli_error("the node is root:gpio mode 0660 through the udev rule 60-pigpio-regs.rules;");
		cli_error("add yourself to group gpio: sudo usermod -aG gpio $USER (then log in again)");
		break;
	case ENOENT:
	case ENODEV:
	case ENXIO:
		cli_error("the pigpio_regs module is not loaded: sudo modprobe pigpio_regs");
		cli_error("(or, from the source tree: sudo insmod kernel/pigpio_regs.ko)");
		break;
	case EPROTO:
		cli_error("the attributes in %s are not what this version (" PGR_VERSION ") understands",
		      sysfs);
		break;
	}
}

/*
 * The board's revision code, which the firmware puts in the device tree
 * (one big-endian cell): whether there is one, and the code in *revision.
 */
static bool read_revision(const struct command *cmd, uint32_t *revision)
{
	char path[PATH_MAX];
	unsigned char cell[4] = { 0 };
	bool have = false;
	FILE *f;

	snprintf(path, sizeof(path), "%s/system/linux,revision",
		 cmd->devicetree ? cmd->devicetree : "/proc/device-tree");
	f = fopen(path, "re");
	if (f) {
		have = fread(cell, 1, sizeof(cell), f) == sizeof(cell);
		fclose(f);
	}
	*revision = (uint32_t)cell[0] << 24 | (uint32_t)cell[1] << 16 |
		    (uint32_t)cell[2] << 8 | cell[3];
	return have;
}

/* Header pin numbers: whether this board has the 40-pin header. */
static int check_board(const struct command *cmd, char *err, size_t errlen)
{
	uint32_t revision;
	bool have = read_revision(cmd, &revision);

	return args_check_board(have, revision, err, errlen);
}

/*
 * Line names given as pins, looked up in the device tree's
 * gpio-line-names; read also for get, which prints them.
 */
static int resolve_names(struct command *cmd, char *err, size_t errlen)
{
	static struct linenames ln;
	const char *dt = cmd->devicetree ? cmd->devicetree :
			 "/proc/device-tree";
	char why[ARGS_ERR_SIZE] = "";
	int ret;

	if (!cmd->nnames && cmd->verb != VERB_GET)
		return 0;
	ret = linenames_load(dt, &ln);
	if (ret == -ENOENT)
		snprintf(why, sizeof(why), "no device tree at %s", dt);
	else if (ret < 0)
		snprintf(why, sizeof(why), "%s has no enabled GPIO controller node",
			 dt);
	else if (ln.count == 0)
		snprintf(why, sizeof(why), "%s has no gpio-line-names", ln.node);
	if (ret == 0 && ln.count == 0)
		ret = -ENODATA;
	return args_resolve_names(cmd, ret < 0 ? NULL : &ln, why, err, errlen);
}

int main(int argc, char *argv[])
{
	static struct pgr_owners owners;
	char err[ARGS_ERR_SIZE], why[ARGS_ERR_SIZE];
	struct command cmd;
	struct pgr_chip *chip;
	uint32_t revision = 0;
	bool have_revision = false;
	int ret, load_err;

	if (args_parse(argc, argv, &cmd, err, sizeof(err)) < 0) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	if (cmd.verb == VERB_HELP) {
		if (cmd.help_verb)
			usage_verb(stdout, args_find_verb(cmd.help_verb));
		else
			usage(stdout);
		return fflush(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (cmd.verb == VERB_COMPLETE)
		return complete(&cmd);
	if (cmd.verb == VERB_VERSION) {
		printf(PROG " " PGR_VERSION "\n");
		return EXIT_SUCCESS;
	}
	/* The timer node alone: no GPIO chip is opened. */
	if (cmd.verb == VERB_TICKS)
		return ticks_run(&cmd);
	if (resolve_names(&cmd, err, sizeof(err)) < 0) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	if (cmd.header && check_board(&cmd, err, sizeof(err)) < 0) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}

	if (cmd.verb == VERB_PINOUT) {
		have_revision = read_revision(&cmd, &revision);
		/* Not a usage error: the words are right, the board is not. */
		if (pinout_check_board(have_revision, revision, err,
				       sizeof(err)) < 0) {
			cli_error("%s", err);
			return EXIT_FAILURE;
		}
	}

	ret = pgr_chip_open(&chip, cmd.device, cmd.sysfs);
	if (ret < 0) {
		explain_open_error(&cmd, ret);
		return EXIT_FAILURE;
	}

	if (args_check_chip(&cmd, pgr_chip_soc_name(chip), pgr_chip_pin_count(chip),
			    pgr_chip_block_size(chip), err, sizeof(err)) < 0) {
		cli_error("%s", err);
		pgr_chip_close(chip);
		return EXIT_USAGE;
	}

	load_err = guard_load(cmd.devicetree, &owners, why, sizeof(why));
	if (cmd.verb == VERB_SELFTEST) {
		/* It chooses its pin (the default) before guarding it. */
		ret = selftest_run(&cmd, chip, &owners, load_err, why);
	} else {
		ret = guard_check(&cmd, chip, &owners, load_err, why);
		if (ret == 0 && cmd.verb == VERB_PINOUT)
			ret = pinout_run(&cmd, chip, revision);
		else if (ret == 0)
			ret = verbs_run(&cmd, chip, &owners);
	}
	pgr_chip_close(chip);
	if (fflush(stdout) != 0) {
		cli_error("writing output: %s", strerror(errno));
		ret = EXIT_FAILURE;
	}
	return ret;
}
