// SPDX-License-Identifier: GPL-2.0-only
/*
 * timer_contract [rate|root]: /dev/pigpio_timer against its contract in
 * include/uapi/linux/pigpio_regs.h, as the calling user (alice, group
 * gpio): the count advances at 1 MHz within 1 % of CLOCK_MONOTONIC over a
 * second, never goes back across 10^6 reads, a store through the mapping
 * faults, and every refusal gives its documented errno. "root": only the
 * driver's own refusal of a write open (root passes the file mode).
 *
 * Prints "PASS name" or "FAIL name: why" per case; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "report.h"

#define DEV PIGPIO_REGS_TIMER_DEVICE
#define PAGE PIGPIO_REGS_TIMER_WINDOW_SIZE

static void expect_mmap_errno(const char *name, size_t len, int prot,
			      int flags, int fd, off_t off, int want)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	expect_errno(name, p == MAP_FAILED, want);
	if (p != MAP_FAILED)
		munmap(p, len);
}

/* The 64-bit count: CHI, CLO, CHI again until CHI held still. */
static uint64_t timer_read(const volatile uint32_t *r)
{
	uint32_t hi, lo;

	do {
		hi = r[PIGPIO_REGS_TIMER_CHI / 4];
		lo = r[PIGPIO_REGS_TIMER_CLO / 4];
	} while (r[PIGPIO_REGS_TIMER_CHI / 4] != hi);
	return (uint64_t)hi << 32 | lo;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

/*
 * A (timer, CLOCK_MONOTONIC) pair read as close together as this run
 * allows: the tightest of 20 brackets timer, clock, timer.
 */
static void pair(const volatile uint32_t *r, uint64_t *us, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;
	int i;

	for (i = 0; i < 20; i++) {
		uint64_t a = timer_read(r), n = mono_ns(), b = timer_read(r);

		if (b - a < best) {
			best = b - a;
			*us = a + (b - a) / 2;
			*ns = n;
		}
	}
}

static void test_rate(const volatile uint32_t *r)
{
	struct timespec one = { .tv_sec = 1 };
	uint64_t us0, ns0, us1, ns1;
	double ratio;
	char why[160];

	pair(r, &us0, &ns0);
	nanosleep(&one, NULL);
	pair(r, &us1, &ns1);
	ratio = (double)(us1 - us0) * 1000.0 / (double)(ns1 - ns0);
	snprintf(why, sizeof(why),
		 "%llu us of timer over %llu ns of CLOCK_MONOTONIC: ratio %.5f",
		 (unsigned long long)(us1 - us0),
		 (unsigned long long)(ns1 - ns0), ratio);
	printf("INFO timer rate: %s\n", why);
	report(ratio > 0.99 && ratio < 1.01 && ns1 - ns0 >= 1000000000u,
	       "timer: 1 MHz within 1% of CLOCK_MONOTONIC over a second", why);
}

static void test_monotonic(const volatile uint32_t *r)
{
	uint64_t prev = timer_read(r), now = prev, first = prev;
	char why[160] = "";
	long i, back = 0;

	for (i = 0; i < 1000000; i++) {
		now = timer_read(r);
		if (now < prev && !back++)
			snprintf(why, sizeof(why), "read %ld: %#llx after %#llx",
				 i, (unsigned long long)now,
				 (unsigned long long)prev);
		prev = now;
	}
	if (!back && now == first)
		snprintf(why, sizeof(why), "the count never moved: %#llx",
			 (unsigned long long)now);
	printf("INFO timer: 10^6 reads spanned %llu us\n",
	       (unsigned long long)(now - first));
	report(!back && now > first, "timer: never goes back across 10^6 reads",
	       why);
}

/* A store through the mapping, in a child: it must die of the fault. */
static void test_store_faults(volatile uint32_t *r)
{
	char why[128];
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		r[PIGPIO_REGS_TIMER_C0 / 4 + 3] = 0;	/* C3 */
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		report(0, "timer: a store through the mapping faults", "fork");
		return;
	}
	snprintf(why, sizeof(why), "child status %#x", status);
	report(WIFSIGNALED(status) && (WTERMSIG(status) == SIGSEGV ||
				       WTERMSIG(status) == SIGBUS),
	       "timer: a store through the mapping faults (SIGSEGV/SIGBUS)",
	       why);
}

static void test_pread(int fd, const volatile uint32_t *r)
{
	uint32_t regs[16];
	uint64_t before, after, via;
	ssize_t n;
	char why[160];

	before = timer_read(r);
	n = pread(fd, regs, PIGPIO_REGS_TIMER_BLOCK_SIZE, 0);
	after = timer_read(r);
	via = (uint64_t)regs[PIGPIO_REGS_TIMER_CHI / 4] << 32 |
	      regs[PIGPIO_REGS_TIMER_CLO / 4];
	snprintf(why, sizeof(why), "read %zd, %#llx between %#llx and %#llx", n,
		 (unsigned long long)via, (unsigned long long)before,
		 (unsigned long long)after);
	/* CLO and CHI of one pread may straddle a CLO wrap: not here. */
	report(n == PIGPIO_REGS_TIMER_BLOCK_SIZE && via >= before - 1 &&
	       via <= after, "timer: pread of CS..C3 reads the same count", why);
	n = pread(fd, regs, sizeof(regs), 0);
	snprintf(why, sizeof(why), "read %zd", n);
	report(n == PIGPIO_REGS_TIMER_BLOCK_SIZE,
	       "timer: a longer pread stops at the end of C3", why);
	n = pread(fd, regs, 4, PIGPIO_REGS_TIMER_BLOCK_SIZE);
	snprintf(why, sizeof(why), "read %zd", n);
	report(n == 0, "timer: pread at 0x1c is end of file", why);
	expect_errno("timer: pread at an odd offset: EINVAL",
		     pread(fd, regs, 4, 2) < 0, EINVAL);
	expect_errno("timer: pread of 3 bytes: EINVAL",
		     pread(fd, regs, 3, 0) < 0, EINVAL);
	expect_errno("timer: pwrite: EBADF", pwrite(fd, regs, 4, 0) < 0,
		     EBADF);
	expect_errno("timer: ioctl: ENOTTY",
		     ioctl(fd, PIGPIO_REGS_IOC_INFO, regs) < 0, ENOTTY);
}

static void test_refusals(int fd, void *map)
{
	expect_mmap_errno("timer: mmap PROT_WRITE: EACCES", PAGE,
			  PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0, EACCES);
	expect_mmap_errno("timer: mmap MAP_PRIVATE: EINVAL", PAGE, PROT_READ,
			  MAP_PRIVATE, fd, 0, EINVAL);
	/* The VFS lets a private writable mapping through; the driver not. */
	expect_mmap_errno("timer: mmap MAP_PRIVATE PROT_WRITE: EACCES", PAGE,
			  PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0, EACCES);
	expect_mmap_errno("timer: mmap PROT_EXEC: EPERM", PAGE,
			  PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0, EPERM);
	expect_mmap_errno("timer: mmap at offset 4096: EINVAL", PAGE, PROT_READ,
			  MAP_SHARED, fd, PAGE, EINVAL);
	expect_mmap_errno("timer: mmap of two pages: EINVAL", 2 * PAGE,
			  PROT_READ, MAP_SHARED, fd, 0, EINVAL);
	expect_errno("timer: mprotect(PROT_WRITE): EACCES",
		     mprotect(map, PAGE, PROT_READ | PROT_WRITE) < 0, EACCES);
	expect_errno("timer: mprotect(PROT_EXEC): EACCES",
		     mprotect(map, PAGE, PROT_READ | PROT_EXEC) < 0, EACCES);
	expect_errno("timer: open O_RDWR: EACCES",
		     open(DEV, O_RDWR) < 0, EACCES);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "all";
	void *map;
	int fd;

	if (!strcmp(mode, "root")) {
		/* Root passes the file mode: only the driver refuses. */
		expect_errno("timer: root's open O_RDWR: EACCES (the driver)",
			     open(DEV, O_RDWR) < 0, EACCES);
		expect_errno("timer: root's open O_WRONLY: EACCES (the driver)",
			     open(DEV, O_WRONLY) < 0, EACCES);
		return failures ? 1 : 0;
	}
	fd = open(DEV, O_RDONLY);
	if (fd < 0) {
		printf("FAIL timer: open %s O_RDONLY: %s\n", DEV,
		       strerror(errno));
		return 1;
	}
	map = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		printf("FAIL timer: mmap PROT_READ MAP_SHARED: %s\n",
		       strerror(errno));
		return 1;
	}
	report(1, "timer: open O_RDONLY and mmap PROT_READ MAP_SHARED", NULL);
	test_rate(map);
	if (strcmp(mode, "rate")) {
		test_monotonic(map);
		test_store_faults(map);
		test_pread(fd, map);
		test_refusals(fd, map);
	}
	munmap(map, PAGE);
	close(fd);
	printf("DONE timer_contract\n");
	return failures ? 1 : 0;
}
