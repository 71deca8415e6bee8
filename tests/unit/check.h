/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal test harness: one line per test, "PASS <name>" or
 * "FAIL <name>: <why>", on stdout; run.sh counts them.
 *
 *	check_begin("regs/fsel/%s", name);
 *	some_test(...);		(uses EXPECT, which returns on failure)
 *	check_end();
 *
 * or CHECK_RUN(name, fn) for a test function without arguments.
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static struct {
	char name[128];
	char why[512];
	bool failed;
	bool open;	/* between check_begin() and check_end() */
	unsigned passed;
	unsigned failures;
} check;

static inline void check_end(void);

static inline void check_unended(void)
{
	/* an EXPECT returned past check_end(): a harness misuse, still a fail */
	if (check.open) {
		check.failed = true;
		snprintf(check.why, sizeof(check.why),
			 "test returned before check_end()");
		check_end();
	}
}

__attribute__((format(printf, 1, 2)))
static inline void check_begin(const char *fmt, ...)
{
	va_list ap;

	check_unended();

	va_start(ap, fmt);
	vsnprintf(check.name, sizeof(check.name), fmt, ap);
	va_end(ap);
	check.failed = false;
	check.why[0] = '\0';
	check.open = true;
}

__attribute__((format(printf, 3, 4)))
static inline void check_fail(const char *file, int line, const char *fmt, ...)
{
	size_t len;
	va_list ap;

	if (check.failed)
		return;
	check.failed = true;
	len = (size_t)snprintf(check.why, sizeof(check.why), "%s:%d: ",
			       file, line);
	if (len >= sizeof(check.why))
		return;
	va_start(ap, fmt);
	vsnprintf(check.why + len, sizeof(check.why) - len, fmt, ap);
	va_end(ap);
}

static inline void check_end(void)
{
	check.open = false;
	if (check.failed) {
		check.failures++;
		printf("FAIL %s: %s\n", check.name, check.why);
	} else {
		check.passed++;
		printf("PASS %s\n", check.name);
	}
	fflush(stdout);
}

/* Print a skipped test: neither passed nor failed. */
static inline void check_skip(const char *name, const char *why)
{
	printf("SKIP %s: %s\n", name, why);
	fflush(stdout);
}

/* The exit status of a suite (run.sh prints the one total line). */
static inline int check_exit(void)
{
	check_unended();
	return check.failures ? 1 : 0;
}

#define EXPECT(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			check_fail(__FILE__, __LINE__, __VA_ARGS__);	\
			return;						\
		}							\
	} while (0)

#define EXPECT_INT(actual, expected)					\
	do {								\
		long long a_ = (long long)(actual);			\
		long long e_ = (long long)(expected);			\
		EXPECT(a_ == e_, "%s is %lld, expected %lld (%s)",	\
		       #actual, a_, e_, #expected);			\
	} while (0)

#define EXPECT_HEX(actual, expected)					\
	do {								\
		unsigned long long a_ = (actual);			\
		unsigned long long e_ = (expected);			\
		EXPECT(a_ == e_, "%s is 0x%08llx, expected 0x%08llx",	\
		       #actual, a_, e_);				\
	} while (0)

#define EXPECT_STR(actual, expected)					\
	do {								\
		const char *a_ = (actual);				\
		const char *e_ = (expected);				\
		EXPECT(a_ && strcmp(a_, e_) == 0,			\
		       "%s is \"%s\", expected \"%s\"", #actual,	\
		       a_ ? a_ : "(null)", e_);				\
	} while (0)

/* haystack contains needle */
#define EXPECT_CONTAINS(haystack, needle)				\
	do {								\
		const char *h_ = (haystack);				\
		EXPECT(h_ && strstr(h_, (needle)),			\
		       "\"%s\" does not contain \"%s\"",		\
		       h_ ? h_ : "(null)", (needle));			\
	} while (0)

#define CHECK_RUN(name, fn)						\
	do {								\
		check_begin("%s", name);				\
		fn();							\
		check_end();						\
	} while (0)

#endif /* CHECK_H */
