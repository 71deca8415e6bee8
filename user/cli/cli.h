/* SPDX-License-Identifier: GPL-2.0-only */
/* What the pigpio-regs tool's files share. */
#ifndef PGR_CLI_H
#define PGR_CLI_H

#include "args.h"
#include "pigpioregs.h"

#define PROG "pigpio-regs"

/* "pigpio-regs: MESSAGE" on stderr. */
__attribute__((format(printf, 1, 2)))
void cli_error(const char *fmt, ...);

/*
 * guard.c: which pins the kernel has claimed, and whether this command may
 * touch them. guard_load() fills owners; 0, or -errno when the ownership
 * could not be found out (message in why). guard_check() returns 0 when
 * the command may go ahead, or prints why not and returns EXIT_FAILURE;
 * it writes nothing.
 */
int guard_load(const struct command *cmd, struct pgr_owners *owners,
	       char *why, size_t whylen);
int guard_check(const struct command *cmd, const struct pgr_chip *chip,
		const struct pgr_owners *owners, int load_err,
		const char *why);

/* verbs.c: run the verb; an exit status. */
int verbs_run(const struct command *cmd, struct pgr_chip *chip,
	      const struct pgr_owners *owners);

/*
 * bench.c: the benchmark verb, and the pins it drives: pin and the 7 pins
 * after it in its bank (fewer above it near the bank's end: the 8 pins
 * then end at the bank's last pin), as a mask (bit n: GPIO n).
 */
int bench_run(const struct command *cmd, struct pgr_chip *chip);
uint64_t bench_pins(unsigned pin, unsigned ngpio);

#endif /* PGR_CLI_H */
