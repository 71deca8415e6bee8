/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Result lines of the guest test programs: "PASS name" or "FAIL name: why"
 * on stdout, one per check, which the guest's shell job hands to the host;
 * the program's exit status says whether any failed. Needs _GNU_SOURCE
 * (strerrorname_np) before the first include.
 */
#ifndef PIGPIO_REGS_TEST_REPORT_H
#define PIGPIO_REGS_TEST_REPORT_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int failures;

static inline void report(int ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS %s\n", name);
	else
		printf("FAIL %s: %s\n", name, why ? why : "?");
	/* A child may _exit() or be killed next: the line must be out. */
	fflush(stdout);
	failures += !ok;
}

/*
 * A call that must fail with errno want: failed says it returned its
 * error value (-1, MAP_FAILED). Read errno before anything else runs.
 */
static inline void expect_errno(const char *name, int failed, int want)
{
	char why[128];
	int got = errno;

	snprintf(why, sizeof(why), "want %s, got %s", strerrorname_np(want),
		 failed ? strerrorname_np(got) : "success");
	report(failed && got == want, name, why);
}

#endif /* PIGPIO_REGS_TEST_REPORT_H */
