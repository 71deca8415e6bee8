// SPDX-License-Identifier: GPL-2.0-only
/*
 * device_contract [DEVICE]: check /dev/pigpio_regs against the contract in
 * include/uapi/linux/pigpio_regs.h, as the calling (unprivileged) user:
 * every refused mmap/pread/pwrite/lseek gives its documented errno, and the
 * accepted calls reach the same registers the driver reads.
 *
 * Prints "PASS name" or "FAIL name: why" per case; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "report.h"

#define GPSET0	0x1c
#define GPCLR0	0x28
#define GPLEV0	0x34
#define TEST_PIN 27

/* An mmap() that must fail with one errno; unmaps it if it did not. */
static void expect_mmap_errno(const char *name, size_t len, int prot,
			      int flags, int fd, off_t off, int want)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);
	int failed = p == MAP_FAILED;

	expect_errno(name, failed, want);
	if (!failed)
		munmap(p, len);
}

static long read_attr(const char *name)
{
	char path[256], buf[64] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", PIGPIO_REGS_SYSFS_DIR, name);
	f = fopen(path, "r");
	if (!f || !fgets(buf, sizeof(buf), f)) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	fclose(f);
	return strtol(buf, NULL, 0);
}

static uint32_t pread_reg(int fd, off_t off)
{
	uint32_t v = 0;

	if (pread(fd, &v, 4, off) != 4)
		v = 0xdeadbeef;
	return v;
}

static void check_mapping(int fd)
{
	volatile uint32_t *regs;
	uint32_t v, bit = 1u << TEST_PIN;
	char maps[4096] = "", why[160];
	FILE *f;

	regs = mmap(NULL, PIGPIO_REGS_WINDOW_SIZE, PROT_READ | PROT_WRITE,
		    MAP_SHARED, fd, 0);
	report(regs != MAP_FAILED, "mmap window read-write shared",
	       strerror(errno));
	if (regs == MAP_FAILED)
		return;

	/* The mapping and the driver's ioremap see the same registers. */
	regs[GPSET0 / 4] = bit;
	v = pread_reg(fd, GPLEV0);
	snprintf(why, sizeof(why), "GPLEV0 by pread %#x after GPSET0 store", v);
	report(v & bit, "store via mapping seen by pread (set)", why);
	regs[GPCLR0 / 4] = bit;
	v = pread_reg(fd, GPLEV0);
	snprintf(why, sizeof(why), "GPLEV0 by pread %#x after GPCLR0 store", v);
	report(!(v & bit), "store via mapping seen by pread (clear)", why);
	report(regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0),
	       "mapping and pread agree on GPLEV0", "values differ");

	f = fopen("/proc/self/maps", "r");
	while (f && fgets(maps, sizeof(maps), f))
		if (strstr(maps, PIGPIO_REGS_DEVICE))
			break;
	if (f)
		fclose(f);
	report(strstr(maps, PIGPIO_REGS_DEVICE) && strstr(maps, "rw-s"),
	       "maps line is shared, no exec", maps);

	/* VM_MAYEXEC is cleared: exec can never be added later. */
	expect_errno("mprotect add PROT_EXEC",
		     mprotect((void *)regs, PIGPIO_REGS_WINDOW_SIZE,
			      PROT_READ | PROT_EXEC) != 0, EACCES);
	/* VM_DONTEXPAND: the mapping cannot grow. */
	expect_errno("mremap grow",
		     mremap((void *)regs, PIGPIO_REGS_WINDOW_SIZE,
			    2 * PIGPIO_REGS_WINDOW_SIZE, MREMAP_MAYMOVE) ==
		     MAP_FAILED, EFAULT);
	munmap((void *)regs, PIGPIO_REGS_WINDOW_SIZE);
}

static void check_mmap_refusals(int fd)
{
	const int rw = PROT_READ | PROT_WRITE;
	const size_t page = PIGPIO_REGS_WINDOW_SIZE;

	expect_mmap_errno("mmap offset one page", page, rw, MAP_SHARED, fd,
			  page, EINVAL);
	expect_mmap_errno("mmap offset 16 pages", page, rw, MAP_SHARED, fd,
			  16 * page, EINVAL);
	expect_mmap_errno("mmap two pages", 2 * page, rw, MAP_SHARED, fd, 0,
			  EINVAL);
	expect_mmap_errno("mmap window plus one byte", page + 1, rw,
			  MAP_SHARED, fd, 0, EINVAL);
	expect_mmap_errno("mmap length 0", 0, rw, MAP_SHARED, fd, 0, EINVAL);
	expect_mmap_errno("mmap MAP_PRIVATE read-only", page, PROT_READ,
			  MAP_PRIVATE, fd, 0, EINVAL);
	expect_mmap_errno("mmap MAP_PRIVATE read-write", page, rw,
			  MAP_PRIVATE, fd, 0, EINVAL);
	expect_mmap_errno("mmap PROT_EXEC", page, PROT_READ | PROT_EXEC,
			  MAP_SHARED, fd, 0, EPERM);
}

static void check_read_only_open(void)
{
	const size_t page = PIGPIO_REGS_WINDOW_SIZE;
	uint32_t v = 0;
	void *p;
	int fd = open(PIGPIO_REGS_DEVICE, O_RDONLY | O_CLOEXEC);

	report(fd >= 0, "open read-only", strerror(errno));
	if (fd < 0)
		return;
	expect_mmap_errno("read-only open: mmap PROT_WRITE", page,
			  PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0, EACCES);
	p = mmap(NULL, page, PROT_READ, MAP_SHARED, fd, 0);
	report(p != MAP_FAILED, "read-only open: mmap PROT_READ",
	       strerror(errno));
	if (p != MAP_FAILED) {
		expect_errno("read-only mapping: mprotect add PROT_WRITE",
			     mprotect(p, page, PROT_READ | PROT_WRITE) != 0,
			     EACCES);
		munmap(p, page);
	}
	expect_errno("read-only open: pwrite",
		     pwrite(fd, &v, 4, GPSET0) < 0, EBADF);
	close(fd);
}

static void check_read_write_refusals(int fd, long block)
{
	/* Hidden from the compiler, which rightly objects to a literal NULL. */
	void *volatile no_buffer = NULL;
	uint32_t buf[2];

	report(pread(fd, buf, 4, GPLEV0) == 4, "pread one register",
	       strerror(errno));
	report(pread(fd, buf, 0, 0) == 0, "pread count 0 returns 0",
	       "not 0");
	expect_errno("pread offset 2", pread(fd, buf, 4, 2) < 0, EINVAL);
	expect_errno("pread offset 1", pread(fd, buf, 4, 1) < 0, EINVAL);
	expect_errno("pread count 2", pread(fd, buf, 2, 0) < 0, EINVAL);
	expect_errno("pread count 6", pread(fd, buf, 6, 0) < 0, EINVAL);
	report(pread(fd, buf, 4, block) == 0, "pread at end of block: 0 (EOF)",
	       "not 0");
	report(pread(fd, buf, 8, block - 4) == 4,
	       "pread across the end of block: cut short to 4", "not 4");
	expect_errno("pread NULL buffer",
		     pread(fd, no_buffer, 4, GPLEV0) < 0, EFAULT);
	expect_errno("pwrite offset 3", pwrite(fd, buf, 4, 3) < 0, EINVAL);
	expect_errno("pwrite at end of block",
		     pwrite(fd, buf, 4, block) < 0, EINVAL);
	expect_errno("pwrite NULL buffer",
		     pwrite(fd, no_buffer, 4, GPCLR0) < 0, EFAULT);
	expect_errno("lseek past end of block",
		     lseek(fd, block + 4, SEEK_SET) < 0, EINVAL);
	report(lseek(fd, GPLEV0, SEEK_SET) == GPLEV0 &&
	       read(fd, buf, 4) == 4 && lseek(fd, 0, SEEK_CUR) == GPLEV0 + 4,
	       "lseek then read advances by 4", "position wrong");
}

int main(void)
{
	long block = read_attr(PIGPIO_REGS_ATTR_BLOCK_SIZE);
	int fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);

	report(fd >= 0, "open read-write", strerrorname_np(errno));
	if (fd < 0)
		return 1;
	check_mapping(fd);
	check_mmap_refusals(fd);
	check_read_write_refusals(fd, block);
	close(fd);
	check_read_only_open();
	return failures ? 1 : 0;
}
