/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pin-ownership safety, shared by pigpio-regs and pigpio-regs-bench: which
 * pins the kernel has claimed, and whether a command may touch them. The
 * program provides cli_error() (its name, then the message, on stderr).
 */
#ifndef PGR_CLI_GUARD_H
#define PGR_CLI_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pigpioregs.h"

/* What a command does to the pins it names. */
enum guard_touch { GUARD_NONE, GUARD_LEVEL, GUARD_CONFIG };

/* "PROGRAM: MESSAGE" on stderr. */
__attribute__((format(printf, 1, 2)))
void cli_error(const char *fmt, ...);

/*
 * Fill owners from the device tree (devicetree, NULL: /proc/device-tree)
 * and gpiolib; 0, or -errno when the ownership could not be found out
 * (message in why).
 */
int guard_load(const char *devicetree, struct pgr_owners *owners, char *why,
	       size_t whylen);

/*
 * 0 when pins may be touched this way, or print why not and return
 * EXIT_FAILURE (force: warn instead). Writes nothing. load_err and why
 * are guard_load()'s.
 */
int guard_pins(const struct pgr_chip *chip, const struct pgr_owners *owners,
	       uint64_t pins, enum guard_touch touch, bool force,
	       int load_err, const char *why);

#endif /* PGR_CLI_GUARD_H */
