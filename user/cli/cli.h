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

/*
 * verbs.c: a function as get's text names it (set's word: "no" for no
 * function, where the JSON keeps the library's "none").
 */
const char *function_word(enum pgr_function function);

/*
 * pinout.c: whether the board with this revision code (have_revision
 * false: the device tree has none) has the 40-pin header: 0, or -EINVAL
 * with why not in err.
 */
int pinout_check_board(bool have_revision, uint32_t revision, char *err,
		       size_t errlen);

/*
 * ticks.c: print the system timer's count (cmd->count lines, a second
 * apart) from cmd->device or /dev/pigpio_timer; an exit status.
 */
int ticks_run(const struct command *cmd);

/* pinout.c: print the 40-pin header of that board; an exit status. */
int pinout_run(const struct command *cmd, struct pgr_chip *chip,
	       uint32_t revision);

/* poll.c: watch the pins' edges; an exit status. */
int poll_run(const struct command *cmd, struct pgr_chip *chip);

/*
 * poll.c: print the struct gpio_v2_line_event records read from fd (a
 * line request's descriptor; the tests give a pipe) as poll does, until
 * cmd's count, timeout or a stop signal; an exit status.
 */
int poll_events(const struct command *cmd, int fd);

/* verbs.c: run the verb; an exit status. */
int verbs_run(const struct command *cmd, struct pgr_chip *chip,
	      const struct pgr_owners *owners);

#endif /* PGR_CLI_H */
