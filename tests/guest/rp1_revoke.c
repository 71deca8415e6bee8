// SPDX-License-Identifier: GPL-2.0-only
/*
 * rp1_revoke: what a gpio member's open files and mappings do when the
 * RP1's PCI function goes away under them (kernel/revoke.c), on the rows
 * where a removable PCI device stands in for the RP1.
 *
 *   rp1_revoke    as alice: open both nodes, map the window three ways
 *                 (touched, untouched, through the gpiomem node), store
 *                 and read back, fork a child that keeps the mappings,
 *                 print "ready" and wait for a line on stdin. After
 *                 "removed" (root removed the device) and again after
 *                 "rescanned" (root rescanned the bus, and the range came
 *                 back with another device in it), every load and store
 *                 through each mapping is SIGBUS and every call on the old
 *                 descriptors, a new mmap and a new open are ENODEV.
 *
 * Prints "PASS name" or "FAIL name: why" per case, "ready" and "checked
 * WHAT" for the script; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "report.h"
#include "fault_probe.h"
#include "raw_calls.h"

#define WINDOW		0x30000
/* SYS_RIO0's first word: a block other than the first. */
#define PROBE		0x10000

/* The signal a load (or a store, when store) at p raises, or 0. */
static int touch(volatile uint32_t *p, int store)
{
	return touch_value(p, store, 0x5eed0001);
}

static void expect_signal(const char *name, volatile uint32_t *p, int store)
{
	int sig = touch(p, store);
	char why[64];

	snprintf(why, sizeof(why), "want SIGBUS, got %s",
		 sig ? sigabbrev_np(sig) : "no signal");
	report(sig == SIGBUS, name, why);
}

struct held {
	int fd, gfd;
	volatile uint32_t *touched, *untouched, *gpiomem;
};

/* Every way in, after the device went: SIGBUS or ENODEV. */
static void check_gone(const struct held *h, const char *when)
{
	struct pigpio_regs_info info;
	uint32_t word = 0;
	char name[128];

	snprintf(name, sizeof(name), "%s: a store through the touched mapping is SIGBUS", when);
	expect_signal(name, h->touched + PROBE / 4, 1);
	snprintf(name, sizeof(name), "%s: a load through the touched mapping is SIGBUS", when);
	expect_signal(name, h->touched, 0);
	snprintf(name, sizeof(name), "%s: a load through the never-touched mapping is SIGBUS", when);
	expect_signal(name, h->untouched + PROBE / 4, 0);
	snprintf(name, sizeof(name), "%s: a store through the gpiomem node's mapping is SIGBUS", when);
	expect_signal(name, h->gpiomem, 1);
	snprintf(name, sizeof(name), "%s: pread on the old descriptor is ENODEV", when);
	expect_errno(name, pread(h->fd, &word, 4, PROBE) < 0, ENODEV);
	snprintf(name, sizeof(name), "%s: pwrite on the old descriptor is ENODEV", when);
	expect_errno(name, pwrite(h->fd, &word, 4, PROBE) < 0, ENODEV);
	snprintf(name, sizeof(name), "%s: ioctl(INFO) on the old descriptor is ENODEV", when);
	expect_errno(name, ioctl(h->fd, PIGPIO_REGS_IOC_INFO, &info) < 0, ENODEV);
	snprintf(name, sizeof(name), "%s: a new mmap of the old descriptor is ENODEV", when);
	{
		void *p = raw_mmap(NULL, WINDOW, PROT_READ | PROT_WRITE,
				   MAP_SHARED, h->fd, 0);

		expect_errno(name, p == MAP_FAILED, ENODEV);
		if (p != MAP_FAILED)
			munmap(p, WINDOW);
	}
	snprintf(name, sizeof(name), "%s: a new mmap of the old gpiomem descriptor is ENODEV", when);
	{
		void *p = raw_mmap(NULL, WINDOW, PROT_READ | PROT_WRITE,
				   MAP_SHARED, h->gfd, 0);

		expect_errno(name, p == MAP_FAILED, ENODEV);
		if (p != MAP_FAILED)
			munmap(p, WINDOW);
	}
	snprintf(name, sizeof(name), "%s: a new open of /dev/pigpio_regs is ENODEV", when);
	{
		int fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);

		expect_errno(name, fd < 0, ENODEV);
		if (fd >= 0)
			close(fd);
	}
	snprintf(name, sizeof(name), "%s: a new open of /dev/pigpio_gpiomem is ENODEV", when);
	{
		int fd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);

		expect_errno(name, fd < 0, ENODEV);
		if (fd >= 0)
			close(fd);
	}
}

static volatile uint32_t *map_window(int fd)
{
	void *p = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* The line the script sends next must be @want. */
static int await(const char *want)
{
	char line[64];

	if (!fgets(line, sizeof(line), stdin))
		return -1;
	line[strcspn(line, "\n")] = 0;
	return strcmp(line, want) ? -1 : 0;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_fault };
	struct held h;
	uint32_t word = 0;
	pid_t child;
	int status;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	h.fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
	h.gfd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
	if (h.fd < 0 || h.gfd < 0) {
		printf("FAIL open the nodes: %s\n", strerrorname_np(errno));
		return 1;
	}
	h.touched = map_window(h.fd);
	h.untouched = map_window(h.fd);
	h.gpiomem = map_window(h.gfd);
	if (!h.touched || !h.untouched || !h.gpiomem) {
		printf("FAIL map the window: %s\n", strerrorname_np(errno));
		return 1;
	}
	report(touch(h.touched + PROBE / 4, 1) == 0 &&
	       pread(h.fd, &word, 4, PROBE) == 4 && word == 0x5eed0001,
	       "before: a store through the mapping reads back through pread",
	       "store faulted or pread disagrees");
	report(touch(h.gpiomem, 0) == 0,
	       "before: a load through the gpiomem node's mapping", "faulted");

	/* A forked copy of the mappings is in the same address_space. */
	child = fork();
	if (child == 0) {
		/* Stopped until the parent has checked, then checked itself. */
		raise(SIGSTOP);
		failures = 0;
		expect_signal("forked child: a store through its copy of the mapping is SIGBUS",
			      h.touched + PROBE / 4, 1);
		_exit(failures ? 1 : 0);
	}
	if (child < 0 || waitpid(child, &status, WUNTRACED) != child) {
		printf("FAIL fork a child that keeps the mapping\n");
		return 1;
	}

	printf("ready\n");
	fflush(stdout);
	if (await("removed")) {
		printf("FAIL the script did not say removed\n");
		kill(child, SIGKILL);
		return 1;
	}
	check_gone(&h, "removed");
	kill(child, SIGCONT);
	report(waitpid(child, &status, 0) == child && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0,
	       "removed: the forked child's store through its copy is SIGBUS",
	       "the child did not get SIGBUS");
	printf("checked removed\n");
	fflush(stdout);

	if (await("rescanned")) {
		printf("FAIL the script did not say rescanned\n");
		return 1;
	}
	check_gone(&h, "rescanned");
	printf("checked rescanned\n");
	return failures ? 1 : 0;
}
