// SPDX-License-Identifier: GPL-2.0-only
/*
 * poll's reading of the kernel's edge events (user/cli/poll.c,
 * poll_events()): struct gpio_v2_line_event records as a line request's
 * descriptor gives them, here through a pipe, since no GPIO chip raises
 * edges on the host or in QEMU. Checks each line poll prints (pin, edge,
 * the kernel's time stamp, the gap since the last), --count, lost events
 * (a gap in seqno), --timeout on a silent descriptor and a short read.
 */
#define _GNU_SOURCE	/* pipe2 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/gpio.h>

#include "args.h"
#include "check.h"
#include "cli.h"

static char messages[4096];

/* main.c's hook: the messages, kept for the checks. */
void cli_error(const char *fmt, ...)
{
	size_t len = strlen(messages);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(messages + len, sizeof(messages) - len, fmt, ap);
	va_end(ap);
	len = strlen(messages);
	if (len + 1 < sizeof(messages))
		strcat(messages, "\n");
}

static char out[4096];

/* poll_events() on fd with stdout caught in out; its exit status. */
static int run(const struct command *cmd, int fd)
{
	FILE *f = tmpfile();
	int saved, ret;
	size_t n;

	messages[0] = '\0';
	out[0] = '\0';
	if (!f)
		return -1;
	fflush(stdout);
	saved = dup(1);
	dup2(fileno(f), 1);
	ret = poll_events(cmd, fd);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(f);
	n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	fclose(f);
	return ret;
}

static void event(int fd, uint64_t ts, unsigned id, unsigned pin,
		  unsigned seqno)
{
	struct gpio_v2_line_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.timestamp_ns = ts;
	ev.id = id;
	ev.offset = pin;
	ev.seqno = seqno;
	ev.line_seqno = seqno;
	EXPECT(write(fd, &ev, sizeof(ev)) == (ssize_t)sizeof(ev), "write");
}

static void test_events(void)
{
	struct command cmd;
	const char *second;
	int p[2];

	memset(&cmd, 0, sizeof(cmd));
	cmd.verb = VERB_POLL;
	cmd.pins = 1u << 17 | 1u << 22;
	cmd.edges = EDGE_RISING | EDGE_FALLING;
	cmd.poll_count = 3;
	EXPECT_INT(pipe2(p, O_CLOEXEC), 0);
	/* 1000 s after boot: before any start, so its gap is 0. */
	event(p[1], UINT64_C(1000000000000), GPIO_V2_LINE_EVENT_RISING_EDGE,
	      17, 1);
	event(p[1], UINT64_C(1000250000123), GPIO_V2_LINE_EVENT_FALLING_EDGE,
	      17, 2);
	event(p[1], UINT64_C(1001000000123), GPIO_V2_LINE_EVENT_RISING_EDGE,
	      22, 5);
	event(p[1], UINT64_C(1002000000000), GPIO_V2_LINE_EVENT_FALLING_EDGE,
	      22, 6);	/* past --count 3: not printed */
	EXPECT_INT(run(&cmd, p[0]), 0);
	second = strchr(out, '\n');
	EXPECT_STR(second ? second + 1 : out,
		   "GPIO17 falling 1000.250000123 +0.250000\n"
		   "GPIO22 rising 1001.000000123 +0.750000\n");
	EXPECT(!strncmp(out, "GPIO17 rising 1000.000000000 +", 30),
	       "first line '%.40s'", out);
	EXPECT_STR(messages, "poll: 2 edges lost (the kernel's event buffer overflowed)\n");
	close(p[0]);
	close(p[1]);

	/* --timeout on a descriptor that stays silent: exit 0, said. */
	cmd.poll_count = 0;
	cmd.timeout_ms = 100;
	EXPECT_INT(pipe2(p, O_CLOEXEC), 0);
	EXPECT_INT(run(&cmd, p[0]), 0);
	EXPECT_STR(out, "");
	EXPECT_STR(messages, "poll: 0 edges within 100 ms\n");

	/* A short read: a failure, said. */
	EXPECT(write(p[1], "xy", 2) == 2, "write");
	close(p[1]);
	EXPECT_INT(run(&cmd, p[0]), EXIT_FAILURE);
	EXPECT_CONTAINS(messages, "poll: reading the line events: short read");
	close(p[0]);
}

int main(void)
{
	CHECK_RUN("poll/kernel-events", test_events);
	return check_exit();
}
