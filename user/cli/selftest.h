/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The `selftest [PIN]` verb: drive one free pin through its function,
 * level and pull registers and say, check by check, whether the chip did
 * what was asked (PASS), did otherwise (FAIL) or could not show it (NOT
 * OBSERVABLE); then leave the pin as it was found.
 */
#ifndef PGR_CLI_SELFTEST_H
#define PGR_CLI_SELFTEST_H

#include "args.h"
#include "pigpioregs.h"

/*
 * Run it: the pin guard first (cmd->pins, or the first free pin of the
 * default list when cmd->pins is 0; load_err and why are guard_load()'s),
 * then the checks. Returns the exit status: 0 no check failed, 1 a check
 * failed (or the pin was refused, or a library call failed), 128 + N when
 * stop signal N ended it (the pin is left as found).
 */
int selftest_run(const struct command *cmd, struct pgr_chip *chip,
		 const struct pgr_owners *owners, int load_err,
		 const char *why);

#endif /* PGR_CLI_SELFTEST_H */
