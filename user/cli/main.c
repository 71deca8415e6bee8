// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs: look at and drive Raspberry Pi GPIO pins through the
 * pigpio_regs register window. Parses everything first (args.c), opens
 * the device, checks pins and offsets against it, then acts.
 *
 * Exit status: 0 ok, 1 runtime failure, 2 usage error.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "pigpioregs.h"

#define PROG "pigpio-regs"

#define EXIT_USAGE 2

static void usage(FILE *out)
{
	fprintf(out,
		"usage: " PROG " [--device PATH] [--sysfs DIR] VERB [ARGS...]\n"
		"       " PROG " --help | --version\n"
		"\n"
		"Drive Raspberry Pi GPIO pins through the register window that the\n"
		"pigpio_regs driver maps into this process (no root needed).\n"
		"\n"
		"verbs:\n"
		"  info                         the SoC, the block's addresses and sizes,\n"
		"                               and where this process mapped it\n"
		"  get PIN                      print GPIO<PIN> <function> <high|low>\n"
		"  set PIN OP...                OP: op (output), ip (input), dh (drive high),\n"
		"                               dl (drive low), a0..a5 (alternate function);\n"
		"                               e.g. 'set 17 op dh'\n"
		"  blink PIN [COUNT] [PERIOD_MS]\n"
		"                               make PIN an output and toggle it COUNT times\n"
		"                               (1-1000000, default 10), PERIOD_MS each\n"
		"                               (2-60000, default 500)\n"
		"  peek [--syscall] OFFSET      print the register at byte OFFSET (decimal or\n"
		"                               0x hex, a multiple of 4); --syscall reads it\n"
		"                               with pread() through the driver instead of\n"
		"                               the mapping\n"
		"\n"
		"options:\n"
		"  --device PATH   device node (default " PIGPIO_REGS_DEVICE ")\n"
		"  --sysfs DIR     attribute directory (default " PIGPIO_REGS_SYSFS_DIR ")\n"
		"  -h, --help      show this help\n"
		"  -V, --version   show the version\n"
		"\n"
		"exit status: 0 ok, 1 runtime failure, 2 usage error\n");
}

__attribute__((format(printf, 1, 2)))
static void error(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Why pgr_open() failed, and what to do about it. */
static void explain_open_error(const struct command *cmd, int err)
{
	const char *device = cmd->device ? cmd->device : PIGPIO_REGS_DEVICE;
	const char *sysfs = cmd->sysfs ? cmd->sysfs : PIGPIO_REGS_SYSFS_DIR;

	error("cannot open %s (attributes in %s): %s", device, sysfs,
	      strerror(-err));
	switch (-err) {
	case EACCES:
	case EPERM:
		error("the node is root:gpio mode 0660 through the udev rule 60-pigpio-regs.rules;");
		error("add yourself to group gpio: sudo usermod -aG gpio $USER (then log in again)");
		break;
	case ENOENT:
	case ENODEV:
	case ENXIO:
		error("the pigpio_regs module is not loaded: sudo modprobe pigpio_regs");
		error("(or, from the source tree: sudo insmod kernel/pigpio_regs.ko)");
		break;
	case EPROTO:
		error("the attributes in %s are not what this version (" PGR_VERSION ") understands",
		      sysfs);
		break;
	}
}

static int do_info(struct pgr_chip *chip)
{
	printf("soc: %s\n", pgr_soc_name(chip));
	printf("phys_base: 0x%llx\n", pgr_phys_base(chip));
	printf("bus_base: 0x%llx\n", pgr_bus_base(chip));
	printf("block_size: %zu\n", pgr_block_size(chip));
	printf("window_size: %zu\n", pgr_window_size(chip));
	printf("ngpio: %u\n", pgr_pin_count(chip));
	printf("mapping: mapped at %p in this process (pid %ld)\n",
	       pgr_mapping(chip), (long)getpid());
	return EXIT_SUCCESS;
}

static int do_get(struct pgr_chip *chip, unsigned pin)
{
	enum pgr_function function;
	int ret, level;

	ret = pgr_get_function(chip, pin, &function);
	level = pgr_read(chip, pin);
	if (ret < 0 || level < 0) {
		error("get GPIO%u: %s", pin, strerror(-(ret < 0 ? ret : level)));
		return EXIT_FAILURE;
	}
	printf("GPIO%u %s %s\n", pin, pgr_function_name(function),
	       level ? "high" : "low");
	return EXIT_SUCCESS;
}

static int do_set(struct pgr_chip *chip, unsigned pin,
		  const struct set_ops *ops)
{
	enum pgr_function function;
	int ret;

	/* Latch the level first, so a pin made an output starts at it. */
	if (ops->set_level) {
		ret = pgr_write(chip, pin, ops->level);
		if (ret < 0)
			goto err;
	}
	if (ops->set_function) {
		ret = pgr_set_function(chip, pin, ops->function);
		if (ret < 0)
			goto err;
	}

	if (ops->set_level) {
		ret = pgr_get_function(chip, pin, &function);
		if (ret < 0)
			goto err;
		if (function != PGR_FUNC_OUTPUT)
			error("note: GPIO%u is %s, so %s only latches the level it will drive as an output",
			      pin, pgr_function_name(function),
			      ops->level ? "dh" : "dl");
	}
	return EXIT_SUCCESS;

err:
	error("set GPIO%u: %s", pin, strerror(-ret));
	return EXIT_FAILURE;
}

static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* Sleep ms milliseconds; false if a stop was requested. */
static bool sleep_ms(unsigned long ms)
{
	struct timespec left = {
		.tv_sec = ms / 1000,
		.tv_nsec = (long)(ms % 1000) * 1000000L,
	};

	while (!stop_requested && nanosleep(&left, &left) < 0 && errno == EINTR)
		;
	return !stop_requested;
}

static int do_blink(struct pgr_chip *chip, unsigned pin, unsigned long count,
		    unsigned long period_ms)
{
	unsigned long high_ms = period_ms / 2;
	unsigned long low_ms = period_ms - high_ms;
	struct sigaction sa = { .sa_handler = request_stop };
	unsigned long done;
	int ret;

	/* No SA_RESTART: Ctrl-C ends the current sleep at once. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	ret = pgr_set_function(chip, pin, PGR_FUNC_OUTPUT);
	if (ret < 0) {
		error("blink GPIO%u: %s", pin, strerror(-ret));
		return EXIT_FAILURE;
	}

	for (done = 0; done < count; done++) {
		pgr_write(chip, pin, 1);
		if (!sleep_ms(high_ms))
			break;
		pgr_write(chip, pin, 0);
		if (!sleep_ms(low_ms))
			break;
	}

	if (stop_requested) {
		pgr_write(chip, pin, 0);
		printf("stopped: blinked GPIO%u %lu times (period %lu ms), left low\n",
		       pin, done, period_ms);
		return EXIT_FAILURE;
	}
	printf("blinked GPIO%u %lu times (period %lu ms)\n", pin, count,
	       period_ms);
	return EXIT_SUCCESS;
}

static int do_peek(struct pgr_chip *chip, unsigned offset, bool syscall)
{
	uint32_t value;
	int ret;

	if (syscall)
		ret = pgr_peek_syscall(chip, offset, &value);
	else
		ret = pgr_peek(chip, offset, &value);
	if (ret < 0) {
		error("peek 0x%03x%s: %s", offset, syscall ? " (pread)" : "",
		      strerror(-ret));
		return EXIT_FAILURE;
	}
	printf("0x%03x: 0x%08x\n", offset, (unsigned)value);
	return EXIT_SUCCESS;
}

static int run(const struct command *cmd, struct pgr_chip *chip)
{
	switch (cmd->verb) {
	case VERB_INFO:
		return do_info(chip);
	case VERB_GET:
		return do_get(chip, cmd->pin);
	case VERB_SET:
		return do_set(chip, cmd->pin, &cmd->ops);
	case VERB_BLINK:
		return do_blink(chip, cmd->pin, cmd->count, cmd->period_ms);
	case VERB_PEEK:
		return do_peek(chip, cmd->offset, cmd->syscall);
	case VERB_HELP:
	case VERB_VERSION:
		break;
	}
	return EXIT_FAILURE;
}

int main(int argc, char *argv[])
{
	char err[ARGS_ERR_SIZE];
	struct command cmd;
	struct pgr_chip *chip;
	int ret;

	if (args_parse(argc, argv, &cmd, err, sizeof(err)) < 0) {
		error("%s", err);
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

	ret = pgr_open(&chip, cmd.device, cmd.sysfs);
	if (ret < 0) {
		explain_open_error(&cmd, ret);
		return EXIT_FAILURE;
	}

	if (args_check_chip(&cmd, pgr_soc_name(chip), pgr_pin_count(chip),
			    pgr_block_size(chip), err, sizeof(err)) < 0) {
		error("%s", err);
		pgr_close(chip);
		return EXIT_USAGE;
	}

	ret = run(&cmd, chip);
	pgr_close(chip);
	if (fflush(stdout) != 0) {
		error("writing output: %s", strerror(errno));
		ret = EXIT_FAILURE;
	}
	return ret;
}
