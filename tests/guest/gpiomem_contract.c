// SPDX-License-Identifier: GPL-2.0-only
/*
 * gpiomem_contract: check /dev/pigpio_gpiomem (and its /dev/gpiomem link)
 * against the contract in include/uapi/linux/pigpio_regs.h: any length at
 * offset 0 or at the GPIO block's own offset (0x200000) maps the GPIO page
 * first and leaves the rest unbacked (SIGBUS); the other offsets WiringPi
 * maps give a zeroed scratch page of the mapping's own, whose stores reach
 * no register; every other offset, and every other refusal of
 * /dev/pigpio_regs, is refused.
 *
 * Prints "PASS name" or "FAIL name: why" per case; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "fault_probe.h"
#include "raw_calls.h"
#include "report.h"

#define GPSET0	0x1c
#define GPCLR0	0x28
#define GPLEV0	0x34
#define GPIOMEM_GPIO	0x200000
#define BLOCK		0xf4	/* the largest block_size (BCM2711) */
#define TEST_PIN 26
#define PAGE	PIGPIO_REGS_WINDOW_SIZE

static void expect_mmap_errno(const char *name, int fd, size_t len, int prot,
			      int flags, off_t off, int want)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);
	char why[96];

	if (p == MAP_FAILED && errno == want) {
		report(1, name, NULL);
		return;
	}
	snprintf(why, sizeof(why), "want %s, got %s", strerrorname_np(want),
		 p == MAP_FAILED ? strerrorname_np(errno) : "success");
	report(0, name, why);
	if (p != MAP_FAILED)
		munmap(p, len);
}

/* The signal a load at p raises, or 0 if it reads. */
static int touch(volatile uint32_t *p)
{
	return touch_value(p, 0, 0);
}

static uint32_t pread_lev(int regs_fd)
{
	uint32_t v = 0;

	if (pread(regs_fd, &v, 4, GPLEV0) != 4)
		return 0xdeadbeef;
	return v;
}

static void check_long_mapping(const char *path, int fd, int regs_fd,
			       size_t len, off_t off)
{
	volatile uint32_t *regs;
	char name[96], why[96];
	uint32_t bit = 1u << TEST_PIN;
	int sig;

	regs = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off);
	snprintf(name, sizeof(name), "%s: mmap %#zx bytes at offset %#llx",
		 path, len, (long long)off);
	report(regs != MAP_FAILED, name, strerrorname_np(errno));
	if (regs == MAP_FAILED)
		return;

	/* The first page is the GPIO block: the driver's pread agrees. */
	regs[GPSET0 / 4] = bit;
	snprintf(name, sizeof(name), "%s: page 0 is the GPIO block (set)", path);
	report(pread_lev(regs_fd) & bit, name, "GPLEV0 bit not set");
	regs[GPCLR0 / 4] = bit;
	snprintf(name, sizeof(name), "%s: page 0 is the GPIO block (clear)", path);
	report(!(pread_lev(regs_fd) & bit), name, "GPLEV0 bit not clear");

	if (len > PAGE) {
		sig = touch(regs + PAGE / 4);
		snprintf(name, sizeof(name), "%s: page 1 is unbacked (SIGBUS)", path);
		snprintf(why, sizeof(why), "signal %d", sig);
		report(sig == SIGBUS, name, why);
		sig = touch(regs + (len - 4) / 4);
		snprintf(name, sizeof(name), "%s: last page is unbacked (SIGBUS)", path);
		snprintf(why, sizeof(why), "signal %d", sig);
		report(sig == SIGBUS, name, why);
		/* The window still works after the faults. */
		snprintf(name, sizeof(name), "%s: page 0 still readable after SIGBUS", path);
		report(touch(regs + GPLEV0 / 4) == 0, name, "faulted");
	}
	munmap((void *)regs, len);
}

/*
 * A WiringPi offset: a zeroed page that takes stores, changes no register
 * of the GPIO block (a pread snapshot of the whole block before and after),
 * and is the mapping's own (a second mapping at the same offset is zero).
 */
static void check_scratch(const char *path, int fd, int regs_fd, off_t off,
			  const char *what)
{
	uint32_t before[BLOCK / 4], after[BLOCK / 4];
	volatile uint32_t *a, *b;
	char name[128];
	ssize_t n0, n1;
	size_t i;
	int zero = 1;

	a = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off);
	snprintf(name, sizeof(name), "%s: WiringPi's %s offset %#llx maps",
		 path, what, (long long)off);
	report(a != MAP_FAILED, name, strerrorname_np(errno));
	if (a == MAP_FAILED)
		return;
	for (i = 0; i < PAGE / 4; i++)
		zero &= a[i] == 0;
	snprintf(name, sizeof(name), "%s: ... a zeroed page", path);
	report(zero, name, "not zero");

	n0 = pread(regs_fd, before, sizeof(before), 0);
	/* WiringPi's timer writes, then every word of the page. */
	a[0x408 / 4] = 0x280;
	a[0x41c / 4] = 0xf9;
	for (i = 0; i < PAGE / 4; i++)
		if (i != 0x408 / 4 && i != 0x41c / 4)
			a[i] = 0xffffffff;
	n1 = pread(regs_fd, after, sizeof(after), 0);
	snprintf(name, sizeof(name), "%s: ... stores there change no GPIO register",
		 path);
	report(n0 > 0 && n0 == n1 && !memcmp(before, after, (size_t)n0), name,
	       "the block changed");
	snprintf(name, sizeof(name), "%s: ... and read back from the page", path);
	report(a[0x408 / 4] == 0x280 && a[0x41c / 4] == 0xf9 && a[0] == 0xffffffff,
	       name, "values lost");

	b = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, off);
	snprintf(name, sizeof(name), "%s: ... a second mapping there has a page of its own",
		 path);
	report(b != MAP_FAILED && b[0x408 / 4] == 0 && b[0] == 0, name,
	       b == MAP_FAILED ? strerrorname_np(errno) : "it sees the first one's stores");
	if (b != MAP_FAILED)
		munmap((void *)b, PAGE);
	munmap((void *)a, PAGE);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : PIGPIO_REGS_GPIOMEM_DEVICE;
	struct sigaction sa = { .sa_handler = on_fault };
	char name[128];
	uint32_t v;
	int fd, regs_fd;
	void *p;

	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	regs_fd = open(PIGPIO_REGS_DEVICE, O_RDONLY | O_CLOEXEC);
	fd = open(path, O_RDWR | O_SYNC | O_CLOEXEC);
	snprintf(name, sizeof(name), "%s: open read-write", path);
	report(fd >= 0 && regs_fd >= 0, name, strerrorname_np(errno));
	if (fd < 0 || regs_fd < 0)
		return 1;

	check_long_mapping(path, fd, regs_fd, PAGE, 0);
	check_long_mapping(path, fd, regs_fd, 0x30000, 0);
	check_long_mapping(path, fd, regs_fd, PAGE, GPIOMEM_GPIO);
	check_long_mapping(path, fd, regs_fd, 0x2000, GPIOMEM_GPIO);
	check_scratch(path, fd, regs_fd, 0xb000, "timer");
	check_scratch(path, fd, regs_fd, 0x100000, "pads");
	check_scratch(path, fd, regs_fd, 0x101000, "clock");
	check_scratch(path, fd, regs_fd, 0x20c000, "PWM");
	snprintf(name, sizeof(name), "%s: scratch offset, two pages", path);
	expect_mmap_errno(name, fd, 2 * PAGE, PROT_READ | PROT_WRITE,
			  MAP_SHARED, 0xb000, EINVAL);
	snprintf(name, sizeof(name), "%s: scratch offset, MAP_PRIVATE", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ, MAP_PRIVATE, 0xb000,
			  EINVAL);
	snprintf(name, sizeof(name), "%s: scratch offset, PROT_EXEC", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ | PROT_EXEC, MAP_SHARED,
			  0x20c000, EPERM);
	snprintf(name, sizeof(name), "%s: the page after the GPIO block (0x201000)",
		 path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ, MAP_SHARED, 0x201000,
			  EINVAL);
	snprintf(name, sizeof(name), "%s: offset 0x3000 (no client uses it)", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ, MAP_SHARED, 0x3000, EINVAL);
	/*
	 * 0x100200000: on 32-bit a page count whose byte offset wraps to
	 * 0x200000 in an unsigned long. A 32-bit kernel's mm refuses offsets
	 * past 4 GiB on a character device first (EOVERFLOW); a 64-bit one
	 * asks the driver, which refuses it (EINVAL).
	 */
	p = raw_mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd,
		     raw_mmap_offset(0x100200000LL));
	snprintf(name, sizeof(name), "%s: offset 0x100200000 (wraps to the GPIO alias in 32 bits): refused",
		 path);
	report(p == MAP_FAILED && errno == (sizeof(long) == 4 ? EOVERFLOW : EINVAL),
	       name, p == MAP_FAILED ? strerrorname_np(errno) : "mapped");
	if (p != MAP_FAILED)
		munmap(p, PAGE);

	snprintf(name, sizeof(name), "%s: offset one page", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
			  PAGE, EINVAL);
	snprintf(name, sizeof(name), "%s: MAP_PRIVATE", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ, MAP_PRIVATE, 0, EINVAL);
	snprintf(name, sizeof(name), "%s: PROT_EXEC", path);
	expect_mmap_errno(name, fd, PAGE, PROT_READ | PROT_EXEC, MAP_SHARED, 0,
			  EPERM);
	snprintf(name, sizeof(name), "%s: read() is not offered", path);
	report(pread(fd, &v, 4, GPLEV0) < 0 && errno == EINVAL, name,
	       strerrorname_np(errno));
	close(fd);
	close(regs_fd);
	return failures ? 1 : 0;
}
