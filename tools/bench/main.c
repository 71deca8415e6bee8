// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs-bench: the benchmark, a program of its own (built by
 * `make bench`, not installed). Parses its options, opens the chip, checks
 * the 8 pins against the kernel's claims (as pigpio-regs does), blocks the
 * stop signals so that a Ctrl-C ends the run between two rows with the
 * pins put back, then runs bench.c.
 *
 * Exit status: 0 ok, 1 runtime failure, 2 usage error, 128 + N when
 * stopped by signal N (SIGINT, SIGTERM, SIGHUP).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "bench.h"
#include "guard.h"

#define PROG "pigpio-regs-bench"
#define EXIT_USAGE 2
#define USAGE_LINE "usage: " PROG " [--quick] [--pin N] [--reps N] [--csv FILE] [--force]\n" \
	"       [--device PATH] [--sysfs DIR] [--devicetree DIR]"

static void usage(FILE *out)
{
	fprintf(out,
		USAGE_LINE "\n"
		"\n"
		"Toggles per second on GPIO N (default 17) and the 7 pins after it in\n"
		"its bank, through each path to the GPIO block, side by side in one\n"
		"process: raw stores to the mapping, the library's pin handle,\n"
		"pgr_pin_write(), bank stores, pwrite() through the driver, libgpiod\n"
		"and sysfs (root only, else \"not available\"), and the setup costs;\n"
		"then the system timer (/dev/pigpio_timer) read against\n"
		"clock_gettime(CLOCK_MONOTONIC), reads per second, side by side.\n"
		"Each figure is the median of N repetitions. Rows 2, 2h, 3 and 3h are\n"
		"compared with row 1 in paired rounds (raw and the row back to back,\n"
		"alternating): their ratio is the median of the rounds' ratios, shown\n"
		"with its interquartile range and flagged \"too wide to mean anything\"\n"
		"when that range exceeds 10%% of the median. The pins' functions and\n"
		"levels are put back at the end, and when SIGINT, SIGTERM or SIGHUP\n"
		"stops the run (after the row in progress; exit 128 + the signal).\n"
		"\n"
		"options:\n"
		"  --quick          short repetitions, 3 of them; 11 paired rounds of 5 ms\n"
		"  --pin N          the first pin (default 17)\n"
		"  --reps N         repetitions and paired rounds, 1-100 (default 7 and\n"
		"                   15 rounds of 50 ms; --quick 3 and 11)\n"
		"  --csv FILE       also write the table as CSV\n"
		"  --force          drive the pins even if the kernel claims one\n"
		"  --device PATH    device node (default " PIGPIO_REGS_DEVICE ")\n"
		"  --sysfs DIR      attribute directory (default " PIGPIO_REGS_SYSFS_DIR ")\n"
		"  --devicetree DIR device tree to read pin owners from\n"
		"  -h, --help       show this help\n"
		"  -V, --version    show the version\n");
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

/* 0, 1 for --help/--version done, or -EINVAL with the message in err. */
static int parse(int argc, char *argv[], struct bench_opts *o, char *err,
		 size_t errlen)
{
	unsigned long long reps;
	const char *value;
	int i, ret;

	memset(o, 0, sizeof(*o));
	o->pin = BENCH_PIN_DEFAULT;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 1;
		}
		if (!strcmp(argv[i], "-V") || !strcmp(argv[i], "--version")) {
			printf(PROG " " PGR_VERSION "\n");
			return 1;
		}
		if (!strcmp(argv[i], "--quick")) {
			o->quick = true;
			continue;
		}
		if (!strcmp(argv[i], "--force")) {
			o->force = true;
			continue;
		}
		ret = args_option_value(argc, argv, &i, "--pin", &value, err,
					errlen);
		if (ret > 0) {
			ret = args_parse_pin(value, &o->pin, err, errlen);
			if (!ret && o->pin >= 64) {
				snprintf(err, errlen, "pin %s out of range", value);
				ret = -EINVAL;
			}
			if (ret)
				return ret;
			continue;
		}
		if (!ret)
			ret = args_option_value(argc, argv, &i, "--reps",
						&value, err, errlen);
		if (ret > 0) {
			ret = args_parse_number(value, BENCH_REPS_MIN,
						BENCH_REPS_MAX, "repetitions",
						&reps, err, errlen);
			if (ret)
				return ret;
			o->reps = (unsigned)reps;
			continue;
		}
		if (!ret)
			ret = args_option_value(argc, argv, &i, "--csv",
						&o->csv, err, errlen);
		if (!ret)
			ret = args_option_value(argc, argv, &i, "--devicetree",
						&o->devicetree, err, errlen);
		if (!ret)
			ret = args_option_value(argc, argv, &i, "--device",
						&o->device, err, errlen);
		if (!ret)
			ret = args_option_value(argc, argv, &i, "--sysfs",
						&o->sysfs, err, errlen);
		if (ret < 0)
			return ret;
		if (!ret) {
			snprintf(err, errlen, "unexpected '%s' (try --help)", argv[i]);
			return -EINVAL;
		}
	}
	return 0;
}

int main(int argc, char *argv[])
{
	static struct pgr_owners owners;
	char err[ARGS_ERR_SIZE], why[ARGS_ERR_SIZE];
	struct bench_opts o;
	struct pgr_chip *chip;
	sigset_t stop, old;
	int ret, load_err, stopped;
	unsigned ngpio;

	ret = parse(argc, argv, &o, err, sizeof(err));
	if (ret < 0) {
		cli_error("%s", err);
		fprintf(stderr, USAGE_LINE "\n");
		return EXIT_USAGE;
	}
	if (ret > 0)
		return fflush(stdout) ? EXIT_FAILURE : EXIT_SUCCESS;

	/*
	 * Blocked from here: a stop signal waits as pending until the run
	 * looks between two rows (children inherit the mask, so a libgpiod
	 * child finishes its row too).
	 */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &stop, &old) < 0) {
		cli_error("sigprocmask: %s", strerror(errno));
		return EXIT_FAILURE;
	}

	ret = pgr_chip_open(&chip, o.device, o.sysfs);
	if (ret < 0) {
		cli_error("cannot open %s: %s (pigpio-regs info says more)",
			  o.device ? o.device : PIGPIO_REGS_DEVICE,
			  strerror(-ret));
		return EXIT_FAILURE;
	}
	ngpio = pgr_chip_pin_count(chip);
	if (o.pin >= ngpio) {
		cli_error("pin %u out of range (this %s has pins 0-%u)", o.pin,
			  pgr_chip_soc_name(chip), ngpio - 1);
		pgr_chip_close(chip);
		return EXIT_USAGE;
	}
	load_err = guard_load(o.devicetree, &owners, why, sizeof(why));
	ret = guard_pins(chip, &owners, bench_pins(o.pin, ngpio), GUARD_CONFIG,
			 o.force, load_err, why);
	if (ret == 0)
		ret = bench_run(&o, chip, &stop, &stopped);
	pgr_chip_close(chip);
	if (fflush(stdout) != 0) {
		cli_error("writing output: %s", strerror(errno));
		ret = EXIT_FAILURE;
	}
	/* Dying of the signal would say more, but leave no exit status. */
	return ret;
}
