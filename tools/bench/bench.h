/* SPDX-License-Identifier: GPL-2.0-only */
/* pigpio-regs-bench: the options of one run, and the run itself. */
#ifndef PGR_BENCH_H
#define PGR_BENCH_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "pigpioregs.h"

#define BENCH_PIN_DEFAULT	17
#define BENCH_REPS_MIN		1
#define BENCH_REPS_MAX		100

struct bench_opts {
	const char *device;	/* NULL: the library's default */
	const char *sysfs;	/* NULL: the library's default */
	const char *devicetree;	/* NULL: /proc/device-tree (pin owners) */
	const char *csv;	/* --csv FILE, NULL: none */
	unsigned pin;		/* --pin, default BENCH_PIN_DEFAULT */
	unsigned reps;		/* --reps, 0: the default */
	bool quick;		/* --quick */
	bool force;		/* --force: pins the kernel claims too */
};

/*
 * The pins a run drives: pin and the 7 pins after it in its bank (fewer
 * above it near the bank's end: the 8 pins then end at the bank's last
 * pin), as a mask (bit n: GPIO n).
 */
uint64_t bench_pins(unsigned pin, unsigned ngpio);

/*
 * Every row, then the table (and the CSV). stop: signals the caller has
 * blocked; when one is pending between two rows the run ends there, puts
 * the pins' levels and functions back, prints no figure, sets *stopped to
 * the signal and returns 128 + it. Otherwise an exit status.
 */
int bench_run(const struct bench_opts *opts, struct pgr_chip *chip,
	      const sigset_t *stop, int *stopped);

/* "SIGINT" for SIGINT, and so on for the stop signals. */
const char *bench_signal_name(int sig);

#endif /* PGR_BENCH_H */
