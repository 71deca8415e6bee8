// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs: look at and drive Raspberry Pi GPIO pins through the
 * pigpio_regs register window. Parses everything first (args.c), opens
 * the device, checks pins and offsets against it and the pins against the
 * kernel's claims (guard.c), then acts (verbs.c).
 *
 * Exit status: 0 ok, 1 runtime failure, 2 usage error, 128 + N when blink
 * or wait is stopped by signal N.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define EXIT_USAGE 2

static void usage(FILE *out)
{
	fprintf(out,
		"usage: " PROG " [OPTIONS] VERB [ARGS...]\n"
		"       " PROG " --help | --version\n"
		"\n"
		"Drive Raspberry Pi GPIO pins through the register window that the\n"
		"pigpio_regs driver maps into this process (no root needed).\n"
		"PINS is a list such as 17, 4,17-21 or 0-53.\n"
		"\n"
		"verbs:\n"
		"  info                         the SoC, the block's addresses and sizes,\n"
		"                               where this process mapped it, and how\n"
		"                               configuration changes are made\n"
		"  get [PINS]                   one pin: GPIO<PIN> <function> <high|low>;\n"
		"                               several or none (all): a table with ALT\n"
		"                               name, level, pull, events and owner\n"
		"  set PINS OP...               OP: op (output), ip (input), a0..a5 (ALT\n"
		"                               function), dh/dl (drive high/low), pu/pd/pn\n"
		"                               (pull up/down/none); e.g. 'set 17 op dh'\n"
		"  toggle PINS                  drive each pin to the opposite of its level\n"
		"  funcs [PINS]                 the ALT0-ALT5 functions of each pin\n"
		"  blink PIN [COUNT] [PERIOD_MS]\n"
		"                               make PIN an output and toggle it COUNT times\n"
		"                               (1-1000000, default 10), PERIOD_MS each\n"
		"                               (2-60000, default 500)\n"
		"  peek [--syscall] OFFSET      print the register at byte OFFSET (decimal or\n"
		"                               0x hex, a multiple of 4); --syscall reads it\n"
		"                               with pread() through the driver instead of\n"
		"                               the mapping\n"
		"  bank read BANK               GPLEVn of bank 0 (pins 0-31) or 1 (32-)\n"
		"  bank set|clear BANK MASK     one store to GPSETn / GPCLRn\n"
		"  bank write BANK MASK VALUES  set the pins of MASK whose VALUES bit is 1,\n"
		"                               clear those whose bit is 0 (two stores)\n"
		"  detect PINS KIND...          enable exactly these event detectors:\n"
		"                               rising falling high low async-rising\n"
		"                               async-falling, or none\n"
		"  events [PINS]                event detected (GPEDS) and enabled detectors\n"
		"  events clear PINS            clear GPEDS (write 1 to clear)\n"
		"  wait PIN LEVEL [--timeout MS]\n"
		"                               poll until PIN is LEVEL (0/1/low/high): exit\n"
		"                               0, or 1 after MS milliseconds\n"
		"  owners [PINS]                which pins the kernel claims, from the device\n"
		"                               tree and from gpiolib's line info, apart\n"
		"  explain                      for teaching: the register block's bus,\n"
		"                               physical, kernel and user addresses, and one\n"
		"                               read through the mapping and through pread()\n"
		"  bench [--quick] [--pin N] [--csv FILE] [--reps N]\n"
		"                               toggles per second on GPIO N (default 17)\n"
		"                               and 7 neighbours: raw stores, pgr_pin_write,\n"
		"                               bank stores, pwrite() through the driver,\n"
		"                               libgpiod and sysfs (root only, else \"not\n"
		"                               available\"), and setup costs; median of\n"
		"                               N repetitions (1-100; default 7, --quick 3)\n"
		"\n"
		"options:\n"
		"  --json          machine-readable output (info get funcs peek bank events\n"
		"                  owners)\n"
		"  --force         change pins the kernel has claimed (set toggle blink bank\n"
		"                  detect events bench); without it such changes are refused\n"
		"  --device PATH   device node (default " PIGPIO_REGS_DEVICE ")\n"
		"  --sysfs DIR     attribute directory (default " PIGPIO_REGS_SYSFS_DIR ")\n"
		"  --devicetree DIR\n"
		"                  device tree to read pin owners from (default\n"
		"                  /proc/device-tree)\n"
		"  -h, --help      show this help\n"
		"  -V, --version   show the version\n"
		"\n"
		"exit status: 0 ok, 1 runtime failure (or refused, or wait's timeout),\n"
		"2 usage error, 128+N blink or wait stopped by signal N (SIGINT,\n"
		"SIGTERM, SIGHUP; blink then leaves the pin as it found it)\n");
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

	cli_error("cannot open %s (attributes in %s): %s", device, sysfs,
	      strerror(-err));
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

int main(int argc, char *argv[])
{
	static struct pgr_owners owners;
	char err[ARGS_ERR_SIZE], why[ARGS_ERR_SIZE];
	struct command cmd;
	struct pgr_chip *chip;
	int ret, load_err;

	if (args_parse(argc, argv, &cmd, err, sizeof(err)) < 0) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	if (cmd.verb == VERB_HELP) {
		usage(stdout);
		return EXIT_SUCCESS;
	}
	if (cmd.verb == VERB_VERSION) {
		printf(PROG " " PGR_VERSION "\n");
		return EXIT_SUCCESS;
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

	load_err = guard_load(&cmd, &owners, why, sizeof(why));
	ret = guard_check(&cmd, chip, &owners, load_err, why);
	if (ret == 0)
		ret = verbs_run(&cmd, chip, &owners);
	pgr_chip_close(chip);
	if (fflush(stdout) != 0) {
		cli_error("writing output: %s", strerror(errno));
		ret = EXIT_FAILURE;
	}
	return ret;
}
