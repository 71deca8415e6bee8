// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs ticks: the SoC's free-running 1 MHz system timer, read
 * through /dev/pigpio_timer (read-only; no GPIO chip is opened). One line
 * per reading, the count in microseconds, as pigpio's gpioTick() would
 * give its low 32 bits.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static void explain(const char *path, int err)
{
	cli_error("%s: %s", path, strerror(-err));
	switch (-err) {
	case ENODEV:
		cli_error("this board's GPIO is an RP1 (Raspberry Pi 5), which has no system timer the driver serves;");
		cli_error("use clock_gettime(CLOCK_MONOTONIC) instead (no system call there: the vDSO)");
		break;
	case ENOENT:
		cli_error("no timer node: the pigpio_regs module is not loaded (sudo modprobe pigpio_regs),");
		cli_error("is older than the node, or found no system timer it may serve (dmesg says why)");
		break;
	case EACCES:
	case EPERM:
		cli_error("the node is root:gpio mode 0440 through the udev rule 60-pigpio-regs.rules;");
		cli_error("add yourself to group gpio: sudo usermod -aG gpio $USER (then log in again)");
		break;
	}
}

int ticks_run(const struct command *cmd)
{
	const char *path = cmd->device ? cmd->device : PIGPIO_REGS_TIMER_DEVICE;
	struct timespec next;
	struct pgr_timer timer;
	unsigned long i;
	int ret;

	ret = pgr_timer_open(&timer, path);
	if (ret < 0) {
		explain(path, ret);
		return EXIT_FAILURE;
	}
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (i = 0; i < cmd->count; i++) {
		if (i) {
			next.tv_sec++;
			while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
					       &next, NULL) == EINTR)
				;
		}
		printf("%" PRIu64 "\n", pgr_timer_read(&timer));
		if (fflush(stdout) != 0) {
			cli_error("writing output: %s", strerror(errno));
			ret = EXIT_FAILURE;
			break;
		}
	}
	pgr_timer_close(&timer);
	return ret < 0 ? EXIT_FAILURE : ret;
}
