/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mmap, pread and pwrite as bare system calls, for the guest test programs
 * that must reach the driver's own checks with arguments libc would refuse
 * or rewrite first (and that _FORTIFY_SOURCE would stop at a bad count).
 */
#ifndef PIGPIO_REGS_TEST_RAW_CALLS_H
#define PIGPIO_REGS_TEST_RAW_CALLS_H

#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/*
 * The file offset the kernel is asked for: 32-bit ARM has only mmap2, whose
 * offset is a count of 4096-byte units in an unsigned long, so a larger
 * offset arrives as that count modulo 2^32 (and -4096 as ULONG_MAX pages).
 */
static inline long long raw_mmap_offset(long long off)
{
#ifdef SYS_mmap
	return off;
#else
	return (long long)(unsigned long)(off / 4096) * 4096;
#endif
}

static inline void *raw_mmap(void *addr, size_t len, int prot, int flags,
			     int fd, long long off)
{
#ifdef SYS_mmap
	return (void *)syscall(SYS_mmap, addr, len, prot, flags, fd, off);
#else
	/* mmap2 cannot express an offset that is not whole units. */
	if (off % 4096) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)syscall(SYS_mmap2, addr, len, prot, flags, fd,
			       (unsigned long)(off / 4096));
#endif
}

/*
 * On 32-bit ARM (EABI) a 64-bit argument goes in an even/odd register
 * pair, so pread64/pwrite64 take a padding argument before the offset's
 * low and high halves; syscall() cannot know that by itself.
 */
#if defined(__arm__)
#define RAW_OFF(off) 0L, (long)(unsigned long)(unsigned long long)(off), \
	(long)(unsigned long)((unsigned long long)(off) >> 32)
#else
#define RAW_OFF(off) (long long)(off)
#endif

static inline ssize_t raw_pread(int fd, void *buf, size_t count, long long off)
{
	return syscall(SYS_pread64, fd, buf, count, RAW_OFF(off));
}

static inline ssize_t raw_pwrite(int fd, const void *buf, size_t count,
				 long long off)
{
	return syscall(SYS_pwrite64, fd, buf, count, RAW_OFF(off));
}

#endif
