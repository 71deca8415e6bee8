/* SPDX-License-Identifier: GPL-2.0-only */
/* What the pigpio-regs tool's files share. */
#ifndef PGR_CLI_H
#define PGR_CLI_H

#include "args.h"
#include "guard.h"
#include "pigpioregs.h"

#define PROG "pigpio-regs"

/*
 * guard.c: guard_pins() for the pins this command names and what it does
 * to them: 0 when it may go ahead, or EXIT_FAILURE (said why).
 */
int guard_check(const struct command *cmd, const struct pgr_chip *chip,
		const struct pgr_owners *owners, int load_err,
		const char *why);

/* verbs.c: s printed as a JSON string (escaped), or null when NULL. */
void json_string(const char *s);

/* verbs.c: run the verb; an exit status. */
int verbs_run(const struct command *cmd, struct pgr_chip *chip,
	      const struct pgr_owners *owners);

#endif /* PGR_CLI_H */
