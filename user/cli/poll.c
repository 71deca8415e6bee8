// SPDX-License-Identifier: GPL-2.0-only
/*
 * poll PINS [EDGE]: each edge of the pins, with its time and the gap since
 * the one before, as pinctrl's poll and libgpiod's gpiomon print them.
 *
 * Edges come from the kernel when it can give them: the SoC's GPIO
 * character device (/dev/gpiochipN labelled pinctrl-bcm2835,
 * pinctrl-bcm2711 or pinctrl-rp1), a line request for input lines with
 * edge flags (GPIO uAPI v2), whose events carry the interrupt's time stamp
 * (CLOCK_MONOTONIC). Never through the GPREN/GPFEN enables directly: the
 * kernel clears only the events of lines it was asked for (see detect).
 *
 * Otherwise, saying so and why on stderr, the levels are sampled through
 * the mapping every POLL_SAMPLE_MS: when the chip node is not accessible
 * (the optional udev rule 62-pigpio-gpiochip.rules gives it to group
 * gpio), when there is no such chip (a simulated block), when a line is in
 * use, when a pin is not an input (a line request would make it one), or
 * with --sample.
 *
 * poll changes no pin: the request is for lines that are inputs already
 * and asks for no bias, and each pin's function is checked after the
 * request is released and put back if the release changed it.
 */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linux/gpio.h>

#include "cli.h"

#define POLL_SAMPLE_MS	1	/* the sampling interval */
#define GPIOCHIPS_MAX	16
#define EVENTS_READ	16	/* events taken by one read() */

static const char *const chip_labels[] = {
	"pinctrl-bcm2835", "pinctrl-bcm2711", "pinctrl-rp1", NULL,
};

struct watch {
	const struct command *cmd;
	struct pgr_chip *chip;
	int sfd;		/* signalfd of SIGINT, SIGTERM, SIGHUP */
	uint64_t last_ns;	/* the last edge's time, or the start */
	uint64_t deadline_ns;	/* --timeout, 0: none */
	unsigned long seen;	/* edges printed */
	int stop;		/* the signal that stopped it, or 0 */
};

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* One edge: "GPIO17 rising 1234.567890123 +0.052483" (time, gap in s). */
static void print_edge(struct watch *w, unsigned pin, bool rising,
		       uint64_t ts)
{
	uint64_t gap = ts > w->last_ns ? ts - w->last_ns : 0;

	printf("GPIO%u %s %" PRIu64 ".%09" PRIu64 " +%" PRIu64 ".%06" PRIu64
	       "\n", pin, rising ? "rising" : "falling", ts / 1000000000u,
	       ts % 1000000000u, gap / 1000000000u, gap % 1000000000u / 1000);
	fflush(stdout);
	w->last_ns = ts;
	w->seen++;
}

static bool done(const struct watch *w)
{
	return w->cmd->poll_count && w->seen >= w->cmd->poll_count;
}

/*
 * Wait up to ms (or the deadline, if sooner) for fd (-1: none) to be
 * readable: 1 readable, 0 time up, -1 the deadline passed or a stop
 * signal came (w->stop).
 */
static int wait_for(struct watch *w, int fd, int ms)
{
	struct pollfd fds[2] = {
		{ .fd = w->sfd, .events = POLLIN },
		{ .fd = fd, .events = POLLIN },
	};
	struct signalfd_siginfo si;
	uint64_t now = now_ns();
	int ret;

	if (w->deadline_ns) {
		if (now >= w->deadline_ns)
			return -1;
		if (ms < 0 || (w->deadline_ns - now) / 1000000 < (uint64_t)ms)
			ms = (int)((w->deadline_ns - now + 999999) / 1000000);
	}
	ret = poll(fds, fd >= 0 ? 2 : 1, ms);
	if (ret < 0)
		return errno == EINTR ? 0 : -1;
	if (fds[0].revents & POLLIN) {
		if (read(w->sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
			w->stop = (int)si.ssi_signo;
		else
			w->stop = SIGTERM;
		return -1;
	}
	return ret > 0 && (fds[1].revents & (POLLIN | POLLERR | POLLHUP));
}

static const char *edges_text(unsigned edges)
{
	return edges == EDGE_RISING ? "rising edges" :
	       edges == EDGE_FALLING ? "falling edges" : "both edges";
}

/* "GPIO17,GPIO22" into buf. */
static const char *pins_text(uint64_t pins, char *buf, size_t size)
{
	size_t len = 0;
	unsigned pin;

	buf[0] = '\0';
	for (pin = 0; pin < 64; pin++)
		if ((pins >> pin & 1) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%sGPIO%u",
						len ? "," : "", pin);
	return buf;
}

/* --- through the mapping ------------------------------------------------- */

static uint64_t levels(struct pgr_chip *chip)
{
	uint32_t lo = 0, hi = 0;

	pgr_bank_read(chip, 0, &lo);
	if (pgr_chip_pin_count(chip) > 32)
		pgr_bank_read(chip, 1, &hi);
	return (uint64_t)hi << 32 | lo;
}

static void sample(struct watch *w)
{
	const struct command *cmd = w->cmd;
	uint64_t prev, cur, changed, ts;
	char buf[512];
	unsigned pin;
	bool rising;

	prev = levels(w->chip) & cmd->pins;
	cli_error("poll: sampling the levels of %s every %d ms through the mapping (no kernel time stamps; pulses shorter than that can be missed): %s",
		  pins_text(cmd->pins, buf, sizeof(buf)), POLL_SAMPLE_MS,
		  edges_text(cmd->edges));
	while (!done(w) && wait_for(w, -1, POLL_SAMPLE_MS) >= 0) {
		cur = levels(w->chip) & cmd->pins;
		ts = now_ns();
		changed = cur ^ prev;
		prev = cur;
		for (pin = 0; changed && pin < 64 && !done(w); pin++) {
			if (!(changed >> pin & 1))
				continue;
			rising = cur >> pin & 1;
			if (cmd->edges & (rising ? EDGE_RISING : EDGE_FALLING))
				print_edge(w, pin, rising, ts);
		}
	}
}

/* --- through the GPIO character device ----------------------------------- */

/* What to do about a chip node this user may not open. */
static void explain_access(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && sb.st_gid != 0 &&
	    (sb.st_mode & 0060) == 0060) {
		cli_error("poll: %s is not accessible to you: it is group %u mode %04o; join that group (then log in again) for the kernel's edges",
			  path, (unsigned)sb.st_gid,
			  (unsigned)(sb.st_mode & 07777));
		return;
	}
	cli_error("poll: %s is not accessible to you (mode %04o): for the kernel's edges install the optional udev rule 62-pigpio-gpiochip.rules (group gpio may open /dev/gpiochip*, as on Raspberry Pi OS; docs/cli.md says what else that gives)",
		  path, stat(path, &sb) == 0 ?
		  (unsigned)(sb.st_mode & 07777) : 0u);
}

static bool our_label(const char *label)
{
	size_t i;

	for (i = 0; chip_labels[i]; i++)
		if (strcmp(label, chip_labels[i]) == 0)
			return true;
	return false;
}

/* The SoC's GPIO chip open (path, label set), or -1 (said why). */
static int open_chip(char *path, size_t size, char *label, size_t lsize)
{
	struct gpiochip_info info;
	char refused[64] = "";
	int n, fd;

	for (n = 0; n < GPIOCHIPS_MAX; n++) {
		snprintf(path, size, "/dev/gpiochip%d", n);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			if ((errno == EACCES || errno == EPERM) && !refused[0])
				snprintf(refused, sizeof(refused), "%s", path);
			continue;
		}
		memset(&info, 0, sizeof(info));
		if (ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) == 0 &&
		    our_label(info.label)) {
			snprintf(label, lsize, "%s", info.label);
			return fd;
		}
		close(fd);
	}
	if (refused[0])
		explain_access(refused);
	else
		cli_error("poll: no GPIO character device of this SoC (pinctrl-bcm2835, pinctrl-bcm2711, pinctrl-rp1) among /dev/gpiochip0-%d",
			  GPIOCHIPS_MAX - 1);
	return -1;
}

/* Whether every pin is an input (a line request makes them inputs). */
static bool all_inputs(struct watch *w)
{
	enum pgr_function f = PGR_FUNC_NONE;
	unsigned pin;

	for (pin = 0; pin < 64; pin++) {
		if (!(w->cmd->pins >> pin & 1))
			continue;
		if (pgr_pin_get_function(w->chip, pin, &f) < 0 ||
		    f != PGR_FUNC_INPUT) {
			cli_error("poll: GPIO%u is %s, not an input: a line request for its edges would make it one, and poll changes no pin",
				  pin, function_word(f));
			return false;
		}
	}
	return true;
}

/* The line request's descriptor, or -1 (said why). */
static int request_lines(struct watch *w, int chipfd, const char *path)
{
	struct gpio_v2_line_request req;
	unsigned pin;

	memset(&req, 0, sizeof(req));
	for (pin = 0; pin < 64; pin++)
		if (w->cmd->pins >> pin & 1)
			req.offsets[req.num_lines++] = pin;
	snprintf(req.consumer, sizeof(req.consumer), "pigpio-regs poll");
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT;
	if (w->cmd->edges & EDGE_RISING)
		req.config.flags |= GPIO_V2_LINE_FLAG_EDGE_RISING;
	if (w->cmd->edges & EDGE_FALLING)
		req.config.flags |= GPIO_V2_LINE_FLAG_EDGE_FALLING;
	if (ioctl(chipfd, GPIO_V2_GET_LINE_IOCTL, &req) < 0) {
		cli_error("poll: requesting the lines' edges on %s: %s%s", path,
			  strerror(errno), errno == EBUSY ?
			  " (the kernel or another process holds a line: see owners)" :
			  "");
		return -1;
	}
	return req.fd;
}

/* Events until done, the deadline or a signal; 0, or -1 on a read error. */
static int read_events(struct watch *w, int fd)
{
	struct gpio_v2_line_event ev[EVENTS_READ];
	uint32_t seqno = 0;
	ssize_t n;
	size_t i;
	int ret;

	while (!done(w)) {
		ret = wait_for(w, fd, -1);
		if (ret < 0)
			return 0;
		if (ret == 0)
			continue;
		n = read(fd, ev, sizeof(ev));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < (ssize_t)sizeof(ev[0])) {
			cli_error("poll: reading the line events: %s",
				  n < 0 ? strerror(errno) : "short read");
			return -1;
		}
		for (i = 0; i < (size_t)n / sizeof(ev[0]) && !done(w); i++) {
			if (seqno && ev[i].seqno != seqno + 1)
				cli_error("poll: %u edges lost (the kernel's event buffer overflowed)",
					  ev[i].seqno - seqno - 1);
			seqno = ev[i].seqno;
			print_edge(w, ev[i].offset,
				   ev[i].id == GPIO_V2_LINE_EVENT_RISING_EDGE,
				   ev[i].timestamp_ns);
		}
	}
	return 0;
}

/* Put back a function the release of the request changed. */
static void restore_inputs(struct watch *w)
{
	enum pgr_function f;
	unsigned pin;

	for (pin = 0; pin < 64; pin++) {
		if (!(w->cmd->pins >> pin & 1) ||
		    pgr_pin_get_function(w->chip, pin, &f) < 0 ||
		    f == PGR_FUNC_INPUT)
			continue;
		cli_error("poll: releasing the line left GPIO%u %s; made it an input again, as it was",
			  pin, function_word(f));
		pgr_pin_set_function(w->chip, pin, PGR_FUNC_INPUT);
	}
}

/*
 * Through the character device: 1 if it could not be had (said why: then
 * sample), else 0 or -1 as read_events().
 */
static int chardev(struct watch *w)
{
	char path[32], label[GPIO_MAX_NAME_SIZE], buf[512];
	int chipfd, fd, ret;

	if (!all_inputs(w))
		return 1;
	chipfd = open_chip(path, sizeof(path), label, sizeof(label));
	if (chipfd < 0)
		return 1;
	fd = request_lines(w, chipfd, path);
	close(chipfd);
	if (fd < 0)
		return 1;
	cli_error("poll: %s: %s from the kernel's interrupt through %s (%s), its time stamps (CLOCK_MONOTONIC)",
		  pins_text(w->cmd->pins, buf, sizeof(buf)),
		  edges_text(w->cmd->edges), path, label);
	ret = read_events(w, fd);
	close(fd);
	restore_inputs(w);
	return ret;
}

/*
 * The stop signals blocked and taken through a signalfd (so none is lost
 * between a check and a wait), the clock started: 0, or -1 (said why).
 */
static int watch_start(struct watch *w)
{
	sigset_t stops;

	sigemptyset(&stops);
	sigaddset(&stops, SIGINT);
	sigaddset(&stops, SIGTERM);
	sigaddset(&stops, SIGHUP);
	sigprocmask(SIG_BLOCK, &stops, NULL);
	w->sfd = signalfd(-1, &stops, SFD_CLOEXEC);
	if (w->sfd < 0) {
		cli_error("poll: signalfd: %s", strerror(errno));
		return -1;
	}
	w->last_ns = now_ns();
	if (w->cmd->timeout_ms)
		w->deadline_ns = w->last_ns +
				 (uint64_t)w->cmd->timeout_ms * 1000000u;
	return 0;
}

/* How it ended, as an exit status (ret: 0, or -1 a failure). */
static int watch_end(struct watch *w, int ret)
{
	const struct command *cmd = w->cmd;

	close(w->sfd);
	if (w->stop) {
		cli_error("poll: stopped by %s after %lu edges",
			  w->stop == SIGINT ? "SIGINT" : w->stop == SIGTERM ?
			  "SIGTERM" : "SIGHUP", w->seen);
		return 128 + w->stop;
	}
	if (ret < 0)
		return EXIT_FAILURE;
	if (!done(w))
		cli_error("poll: %lu edges within %lu ms", w->seen,
			  cmd->timeout_ms);
	return EXIT_SUCCESS;
}

int poll_events(const struct command *cmd, int fd)
{
	struct watch w = { .cmd = cmd };

	if (watch_start(&w) < 0)
		return EXIT_FAILURE;
	return watch_end(&w, read_events(&w, fd));
}

int poll_run(const struct command *cmd, struct pgr_chip *chip)
{
	struct watch w = { .cmd = cmd, .chip = chip };
	int ret = 1;

	if (watch_start(&w) < 0)
		return EXIT_FAILURE;
	if (!cmd->sample)
		ret = chardev(&w);
	if (ret == 1) {
		if (!cmd->sample)
			cli_error("poll: so sampling instead");
		sample(&w);
		ret = 0;
	}
	return watch_end(&w, ret);
}
