// SPDX-License-Identifier: GPL-2.0-only
/*
 * adversary MODE ...: try to get more out of /dev/pigpio_regs than the
 * contract in include/uapi/linux/pigpio_regs.h allows, as the calling user.
 *
 *   adversary cases           every refusal with its exact errno, and what
 *                             the mm does with the mapping (PASS/FAIL lines)
 *   adversary ram             (root) the mapping is the driver's page, and
 *                             that page is outside System RAM
 *   adversary core DIR        a process holding the mapping dumps core into
 *                             DIR: the register page is not in the core
 *   adversary hold            map, close the descriptor, say "mapped", wait
 *                             for a line on stdin, then toggle a pin through
 *                             the mapping: exit 0 if it still works
 *   adversary toggle          map and toggle a pin until killed
 *   adversary cycles KO N     (root) N times: load KO, open, map, check,
 *                             unmap, close, unload
 *   adversary rie             with the READ_IMPLIES_EXEC personality: both
 *                             nodes map PROT_READ without execute, stores
 *                             work, a jump into the mapping faults
 *   adversary scratch-bound   the gpiomem node's per-file bound on scratch
 *                             mappings, across munmap, mremap, fork, close
 *   adversary scratch-fill CAP
 *                             map scratch pages (a new descriptor every
 *                             PIGPIO_REGS_GPIOMEM_SCRATCH_MAX) until refused
 *                             or CAP pages, printing MemAvailable on the
 *                             way; when refused, wait for a line on stdin
 *
 * Prints "PASS name" or "FAIL name: why" per case; exits 1 on any failure.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>	/* ElfW() */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/futex.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "proc_maps.h"
#include "raw_calls.h"

/* 1 TiB where size_t holds it, 1 GiB on 32-bit: a length far past the window. */
#define HUGE_LEN ((size_t)1 << (sizeof(size_t) > 4 ? 40 : 30))
/* The largest cache colour (SHMLBA) of these CPUs: 16 KiB on ARMv6. */
#define SHM_COLOUR (4 * 4096UL)

#define GPFSEL2		0x08
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34
#define GPEDS0		0x40
#define GPREN0		0x4c
#define GPPUD		0x94
#define GPPUDCLK0	0x98
#define TEST_PIN	27
#define PAGE		PIGPIO_REGS_WINDOW_SIZE
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE	25
#endif

static int failures, cases, refusals;
static uint32_t low_buffer[64];	/* in .bss, near the start of memory */
static long block_size, ngpio;

static void report(int ok, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void report(int ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	cases++;
	if (ok) {
		printf("PASS %s\n", name);
	} else {
		printf("FAIL %s: ", name);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
		failures++;
	}
	fflush(stdout);
}

/* A call that must fail with one errno: failed is the call's own test. */
static void expect_errno(const char *name, int failed, int want)
{
	int got = errno;

	refusals += failed && got == want;
	report(failed && got == want, name, "want %s, got %s",
	       strerrorname_np(want), failed ? strerrorname_np(got) : "success");
}

/* A call that must succeed. */
static void expect_ok(const char *name, int ok)
{
	int got = errno;

	report(ok, name, "failed: %s", strerrorname_np(got));
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;

	printf("SAY ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static long read_long(const char *path)
{
	char buf[64] = "";
	FILE *f = fopen(path, "r");

	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = '\0';
		fclose(f);
	}
	return strtol(buf, NULL, 0);
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

static int open_dev(int flags)
{
	return open(PIGPIO_REGS_DEVICE, flags | O_CLOEXEC);
}

static uint32_t pread_reg(int fd, off_t off)
{
	uint32_t v = 0;

	if (pread(fd, &v, 4, off) != 4)
		v = 0xdeadbeef;
	return v;
}

static volatile uint32_t *map_window(int fd, int prot)
{
	void *p = mmap(NULL, PAGE, prot, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

static int update(int fd, uint32_t offset, uint32_t mask, uint32_t value,
		  uint32_t *old)
{
	struct pigpio_regs_update u = { offset, mask, value, 0 };
	int ret = ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u);

	if (old)
		*old = u.old;
	return ret;
}

/* The test pin as an output (function 1 in its 3 bits of GPFSEL2). */
static int make_output(int fd)
{
	return update(fd, GPFSEL2, 7u << 21, 1u << 21, NULL);
}

static void expect_mmap_errno(const char *name, void *addr, size_t len,
			      int prot, int flags, int fd, long long off,
			      int want)
{
	void *p = raw_mmap(addr, len, prot, flags, fd, off);
	int failed = p == MAP_FAILED;

	expect_errno(name, failed, want);
	if (!failed)
		munmap(p, len);
}

/* Run fn in a child; return the signal that ended it, or 0. */
static int child_signal(void (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void touch(void *p)
{
	(void)*(volatile uint32_t *)p;
}

static void touch_unaligned(void *p)
{
	(void)*(volatile uint32_t *)((char *)p + GPLEV0 + 1);
}

/* The VmFlags line of the mapping at addr in /proc/self/smaps. */
static int smaps_flags(void *addr, char *out, size_t outlen)
{
	char line[512];
	unsigned long start, end;
	FILE *f = fopen("/proc/self/smaps", "r");
	int in = 0;

	out[0] = '\0';
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		/* Header lines start with the range, fields with a capital. */
		if (!(line[0] >= 'A' && line[0] <= 'Z') &&
		    sscanf(line, "%lx-%lx", &start, &end) == 2)
			in = start == (unsigned long)addr;
		if (in && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(out, outlen, "%.200s", line + 8);
			out[strcspn(out, "\n")] = '\0';
			break;
		}
	}
	fclose(f);
	return out[0] ? 0 : -1;
}

/* The end of the mapping that starts at addr, from /proc/self/maps. */
static unsigned long vma_end(void *addr)
{
	char line[512];
	unsigned long start, end, found = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &start, &end) == 2 &&
		    start == (unsigned long)addr)
			found = end;
	if (f)
		fclose(f);
	return found;
}

static int has_flag(const char *flags, const char *f)
{
	char padded[256], want[8];

	snprintf(padded, sizeof(padded), " %s ", flags);
	snprintf(want, sizeof(want), " %s ", f);
	return strstr(padded, want) != NULL;
}

/* ---- mmap ------------------------------------------------------------ */

static void mmap_cases(int fd, int rofd)
{
	const int rw = PROT_READ | PROT_WRITE;
	char name[96];
	void *p;

	expect_mmap_errno("mmap offset 1 page", NULL, PAGE, rw, MAP_SHARED,
			  fd, PAGE, EINVAL);
	expect_mmap_errno("mmap offset not page-aligned (4095)", NULL, PAGE, rw,
			  MAP_SHARED, fd, 4095, EINVAL);
	if (sizeof(long) == 8)
		expect_mmap_errno("mmap offset largest page (0x7ffffffffffff000)",
				  NULL, PAGE, rw, MAP_SHARED, fd,
				  0x7ffffffffffff000LL, EINVAL);
	else	/* mmap2's page offset is 32 bits: mm says EOVERFLOW. */
		expect_mmap_errno("mmap offset largest page (0x7ffffffffffff000): EOVERFLOW",
				  NULL, PAGE, rw, MAP_SHARED, fd,
				  0x7ffffffffffff000LL, EOVERFLOW);
	/*
	 * off = -4096: pgoff becomes ULONG_MAX pages, and pgoff + 1 wraps:
	 * mm refuses with EOVERFLOW before the driver is asked.
	 */
	expect_mmap_errno("mmap offset ULONG_MAX pages (wraps): EOVERFLOW", NULL,
			  PAGE, rw, MAP_SHARED, fd, -4096LL, EOVERFLOW);
	expect_mmap_errno("mmap length 0", NULL, 0, rw, MAP_SHARED, fd, 0,
			  EINVAL);
	expect_mmap_errno("mmap window + 1 byte", NULL, PAGE + 1, rw,
			  MAP_SHARED, fd, 0, EINVAL);
	expect_mmap_errno("mmap two pages", NULL, 2 * PAGE, rw, MAP_SHARED,
			  fd, 0, EINVAL);
	expect_mmap_errno("mmap 1 TiB", NULL, HUGE_LEN, rw, MAP_SHARED, fd,
			  0, EINVAL);
	/* PAGE_ALIGN(SIZE_MAX) wraps to 0: mm says ENOMEM first. */
	expect_mmap_errno("mmap length SIZE_MAX (wraps): ENOMEM", NULL,
			  SIZE_MAX, rw, MAP_SHARED, fd, 0, ENOMEM);
	expect_mmap_errno("mmap length SIZE_MAX - 4095: ENOMEM", NULL,
			  SIZE_MAX - 4095, rw, MAP_SHARED, fd, 0, ENOMEM);
	expect_mmap_errno("mmap MAP_PRIVATE", NULL, PAGE, PROT_READ,
			  MAP_PRIVATE, fd, 0, EINVAL);
	expect_mmap_errno("mmap MAP_PRIVATE read-write", NULL, PAGE, rw,
			  MAP_PRIVATE, fd, 0, EINVAL);
	expect_mmap_errno("mmap PROT_EXEC", NULL, PAGE, PROT_READ | PROT_EXEC,
			  MAP_SHARED, fd, 0, EPERM);
	expect_mmap_errno("mmap PROT_EXEC alone", NULL, PAGE, PROT_EXEC,
			  MAP_SHARED, fd, 0, EPERM);
	expect_mmap_errno("mmap PROT_EXEC with MAP_SHARED_VALIDATE", NULL, PAGE,
			  rw | PROT_EXEC, MAP_SHARED_VALIDATE, fd, 0, EPERM);
	expect_mmap_errno("mmap unknown flag with MAP_SHARED_VALIDATE: EOPNOTSUPP",
			  NULL, PAGE, rw, MAP_SHARED_VALIDATE | 0x800000, fd, 0,
			  EOPNOTSUPP);
	expect_mmap_errno("read-only open: mmap PROT_WRITE", NULL, PAGE, rw,
			  MAP_SHARED, rofd, 0, EACCES);
	expect_mmap_errno("read-only open: MAP_PRIVATE still EINVAL", NULL, PAGE,
			  PROT_READ, MAP_PRIVATE, rofd, 0, EINVAL);
	expect_mmap_errno("MAP_FIXED at an odd address", (void *)0x10001001UL,
			  PAGE, rw, MAP_SHARED | MAP_FIXED, fd, 0, EINVAL);
	/* The top of a 64-bit address space, or the 3 GiB user/kernel split. */
	expect_mmap_errno("MAP_FIXED in kernel space",
			  (void *)(sizeof(long) == 8 ? 0xffff000000000000UL :
				   0xffff0000UL),
			  PAGE, rw, MAP_SHARED | MAP_FIXED, fd, 0, ENOMEM);
	if (getuid() != 0) {
		long min = read_long("/proc/sys/vm/mmap_min_addr");
		/* Colour-aligned, so only mmap_min_addr can refuse it. */
		unsigned long below_min = min >= PAGE ?
			((unsigned long)min - PAGE) & ~(SHM_COLOUR - 1) : 0;

		/* Address 0 itself is EINVAL on some arches: test only above it. */
		snprintf(name, sizeof(name), "MAP_FIXED below mmap_min_addr (%#lx)",
			 below_min);
		if (below_min)
			expect_mmap_errno(name, (void *)below_min, PAGE, rw,
					  MAP_SHARED | MAP_FIXED, fd, 0, EPERM);
		else
			printf("SKIP %s: mmap_min_addr %ld leaves no colour-aligned page below it\n",
			       name, min);
	}

	/*
	 * MAP_FIXED over an anonymous page: replaces it, and it is ours. The
	 * addresses are colour-aligned: ARMv6's aliasing cache makes the
	 * kernel refuse (EINVAL) a fixed shared mapping that is not.
	 */
	p = mmap(NULL, 4 * SHM_COLOUR, rw, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED) {
		char *at = (char *)(((uintptr_t)p + SHM_COLOUR) &
				    ~(uintptr_t)(SHM_COLOUR - 1));
		void *q = raw_mmap(at, PAGE, rw, MAP_SHARED | MAP_FIXED, fd, 0);
		uint32_t lev = q == MAP_FAILED ? 0 :
			((volatile uint32_t *)q)[GPLEV0 / 4];

		report(q == at && lev == pread_reg(fd, GPLEV0),
		       "MAP_FIXED inside an anonymous mapping maps the window there",
		       "got %p, GPLEV0 %#x", q, lev);
		expect_mmap_errno("MAP_FIXED_NOREPLACE over a mapping: EEXIST",
				  at + SHM_COLOUR, PAGE, rw,
				  MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0,
				  EEXIST);
		munmap(p, 4 * SHM_COLOUR);
	}

	/* A short length is one page, and only one. */
	p = raw_mmap(NULL, 100, PROT_READ, MAP_SHARED, fd, 0);
	expect_ok("mmap 100 bytes (one page)", p != MAP_FAILED);
	if (p != MAP_FAILED) {
		unsigned long end = vma_end(p);

		report(end == (unsigned long)p + PAGE,
		       "mmap 100 bytes: the mapping is exactly one page",
		       "mapping ends at %#lx, starts at %p", end, p);
		munmap(p, 100);
	}
}

/* ---- mprotect, mremap, munmap, madvise and other mm calls ------------ */

static void vm_cases(int fd, int rofd)
{
	volatile uint32_t *regs = map_window(fd, PROT_READ | PROT_WRITE);
	volatile uint32_t *ro = map_window(rofd, PROT_READ);
	char flags[256] = "";
	void *p, *spare;
	struct iovec local, remote;
	uint32_t buf[2];
	ssize_t n;
	int pipefd[2];

	report(regs && ro, "mmap window read-write and read-only", "%s",
	       strerror(errno));
	if (!regs || !ro)
		return;

	smaps_flags((void *)regs, flags, sizeof(flags));
	report(has_flag(flags, "io") && has_flag(flags, "pf") &&
	       has_flag(flags, "de") && has_flag(flags, "dd") &&
	       !has_flag(flags, "ex") && !has_flag(flags, "me") &&
	       has_flag(flags, "sh"),
	       "smaps VmFlags: io pf de dd sh, no ex, no me", "VmFlags:%s",
	       flags);

	expect_errno("mprotect add PROT_EXEC",
		     mprotect((void *)regs, PAGE, PROT_READ | PROT_EXEC) != 0,
		     EACCES);
	expect_errno("read-only mapping: mprotect add PROT_WRITE",
		     mprotect((void *)ro, PAGE, PROT_READ | PROT_WRITE) != 0,
		     EACCES);
	expect_ok("mprotect PROT_NONE then back to read-write",
		  mprotect((void *)regs, PAGE, PROT_NONE) == 0 &&
		  mprotect((void *)regs, PAGE, PROT_READ | PROT_WRITE) == 0 &&
		  regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0));

	expect_errno("mremap grow",
		     mremap((void *)regs, PAGE, 2 * PAGE, MREMAP_MAYMOVE) ==
		     MAP_FAILED, EFAULT);
	expect_errno("mremap grow in place",
		     mremap((void *)regs, PAGE, 2 * PAGE, 0) == MAP_FAILED,
		     EFAULT);
	expect_errno("mremap to length 0",
		     mremap((void *)regs, PAGE, 0, MREMAP_MAYMOVE) ==
		     MAP_FAILED, EINVAL);
	expect_errno("mremap MREMAP_DONTUNMAP",
		     mremap((void *)regs, PAGE, PAGE,
			    MREMAP_MAYMOVE | MREMAP_DONTUNMAP) == MAP_FAILED,
		     EINVAL);
	/* Moving, same size: mm allows it for PFN mappings; same page. */
	spare = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p = mremap((void *)regs, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		   spare);
	if (p != MAP_FAILED) {
		regs = p;
		report(p == spare && regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0),
		       "mremap move (same size): still the GPIO page",
		       "moved to %p, GPLEV0 differs", p);
		say("mremap move of the one-page mapping: allowed (same page, new address)");
	} else {
		report(errno == EFAULT || errno == EINVAL,
		       "mremap move (same size): refused or same page",
		       "errno %s", strerrorname_np(errno));
		say("mremap move of the one-page mapping: %s", strerrorname_np(errno));
		munmap(spare, PAGE);
	}

	/* munmap: only whole pages; the page after ours is not ours. */
	expect_errno("munmap at an odd address inside the mapping",
		     munmap((char *)regs + 1, 1) != 0, EINVAL);
	expect_ok("munmap of the page after the mapping: no effect",
		  munmap((char *)regs + PAGE, PAGE) == 0 &&
		  regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0));

	/* madvise: what each one does to a VM_IO|VM_PFNMAP mapping. */
	expect_errno("madvise MADV_DONTNEED",
		     madvise((void *)regs, PAGE, MADV_DONTNEED) != 0, EINVAL);
	expect_errno("madvise MADV_FREE",
		     madvise((void *)regs, PAGE, MADV_FREE) != 0, EINVAL);
	expect_errno("madvise MADV_COLD",
		     madvise((void *)regs, PAGE, MADV_COLD) != 0, EINVAL);
	expect_errno("madvise MADV_PAGEOUT",
		     madvise((void *)regs, PAGE, MADV_PAGEOUT) != 0, EINVAL);
	expect_errno("madvise MADV_DODUMP (VM_DONTDUMP stays)",
		     madvise((void *)regs, PAGE, MADV_DODUMP) != 0, EINVAL);
	expect_errno("madvise MADV_DOFORK (VM_IO)",
		     madvise((void *)regs, PAGE, MADV_DOFORK) != 0, EINVAL);
	expect_errno("madvise MADV_WIPEONFORK",
		     madvise((void *)regs, PAGE, MADV_WIPEONFORK) != 0, EINVAL);
	expect_errno("madvise MADV_REMOVE: ENODEV (no hole in a device)",
		     madvise((void *)regs, PAGE, MADV_REMOVE) != 0, ENODEV);
	/*
	 * EPERM with CONFIG_MEMORY_FAILURE; a kernel without it (Debian's
	 * armhf) does not know the advice: EINVAL. Refused either way.
	 */
	if (getuid() != 0) {
		int r = madvise((void *)regs, PAGE, MADV_HWPOISON);

		report(r != 0 && (errno == EPERM || errno == EINVAL),
		       "madvise MADV_HWPOISON (unprivileged): EPERM or EINVAL",
		       "got %s", r ? strerrorname_np(errno) : "success");
	}
	{
		static const struct { int advice; const char *name; } adv[] = {
			{ MADV_WILLNEED, "MADV_WILLNEED" },
			{ MADV_SEQUENTIAL, "MADV_SEQUENTIAL" },
			{ MADV_HUGEPAGE, "MADV_HUGEPAGE" },
			{ MADV_NOHUGEPAGE, "MADV_NOHUGEPAGE" },
			{ MADV_MERGEABLE, "MADV_MERGEABLE" },
			{ MADV_DONTDUMP, "MADV_DONTDUMP" },
			{ MADV_POPULATE_READ, "MADV_POPULATE_READ" },
			{ MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE" },
			{ MADV_COLLAPSE, "MADV_COLLAPSE" },
		};
		char line[512] = "";
		size_t i;

		for (i = 0; i < sizeof(adv) / sizeof(adv[0]); i++) {
			int r = madvise((void *)regs, PAGE, adv[i].advice);
			size_t l = strlen(line);

			snprintf(line + l, sizeof(line) - l, " %s=%s",
				 adv[i].name, r ? strerrorname_np(errno) : "0");
		}
		say("madvise on the mapping:%s", line);
		report(regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0) &&
		       !smaps_flags((void *)regs, flags, sizeof(flags)) &&
		       has_flag(flags, "pf") && has_flag(flags, "dd"),
		       "other madvise calls leave the same page, still VM_PFNMAP and VM_DONTDUMP",
		       "VmFlags:%s", flags);
	}
	expect_ok("mlock (a no-op for VM_IO) keeps the mapping",
		  mlock((void *)regs, PAGE) == 0 &&
		  regs[GPLEV0 / 4] == pread_reg(fd, GPLEV0));
	munlock((void *)regs, PAGE);
	expect_errno("msync MS_SYNC: EINVAL (no fsync)",
		     msync((void *)regs, PAGE, MS_SYNC) != 0, EINVAL);
	expect_errno("remap_file_pages to page 1",
		     syscall(SYS_remap_file_pages, regs, PAGE, 0, 1, 0) != 0,
		     EINVAL);

	/* Nothing can take a reference on the register page (GUP refuses). */
	local.iov_base = buf;
	local.iov_len = 4;
	remote.iov_base = (void *)(regs + GPLEV0 / 4);
	remote.iov_len = 4;
	expect_errno("process_vm_readv of the mapping",
		     process_vm_readv(getpid(), &local, 1, &remote, 1, 0) < 0,
		     EFAULT);
	{
		int mem = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);

		n = mem < 0 ? -1 : pread(mem, buf, 4,
					 (off_t)(uintptr_t)(regs + GPLEV0 / 4));
		expect_errno("/proc/self/mem read of the mapping", n < 0, EIO);
		if (mem >= 0)
			close(mem);
	}
	expect_errno("futex (shared) on the mapping",
		     syscall(SYS_futex, regs + GPLEV0 / 4, FUTEX_WAIT,
			     0xdeadbeef, NULL, NULL, 0) != 0, EFAULT);
	if (pipe(pipefd) == 0) {
		struct iovec v = { (void *)(regs + GPLEV0 / 4), 4 };

		expect_errno("vmsplice of the mapping into a pipe",
			     vmsplice(pipefd[1], &v, 1, 0) < 0, EFAULT);
		close(pipefd[0]);
		close(pipefd[1]);
	}

	/* The kernel's copy_to_user into the mapping at an odd address. */
	n = pread(fd, (char *)regs + GPLEV0 + 1, 4, GPLEV0);
	report(n < 0 ? errno == EFAULT : n >= 0,
	       "pread into the mapping at an odd address: EFAULT or done, no oops",
	       "got %zd (%s)", n, strerrorname_np(errno));
	say("pread into the mapping at an odd address: %s",
	    n < 0 ? strerrorname_np(errno) : "done");
	/* Device memory faults unaligned loads on a real core; QEMU may not. */
	n = child_signal(touch_unaligned, (void *)regs);
	say("unaligned load through the mapping: %s",
	    n > 0 ? strsignal(n) : "no signal (emulator does not check alignment)");

	/* munmap of a length shorter than the page: the whole page goes. */
	p = raw_mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	if (p != MAP_FAILED) {
		report(munmap(p, 1) == 0 && child_signal(touch, p) == SIGSEGV,
		       "munmap of 1 byte unmaps the whole page",
		       "still mapped");
	}
	munmap((void *)regs, PAGE);
	munmap((void *)ro, PAGE);
}

/*
 * MAP_GROWSDOWN on the device: mm lets a touch just below the mapping grow
 * it downwards by a page. That page must not be backed by anything (a
 * driver without a fault handler would have mm fill it with anonymous RAM
 * inside a VM_PFNMAP mapping): the touch must end in SIGBUS or SIGSEGV.
 */
static sigjmp_buf grow_jmp;
static volatile sig_atomic_t grow_sig;

static void grow_fault(int sig)
{
	grow_sig = sig;
	siglongjmp(grow_jmp, 1);
}

static void growsdown_case(int fd)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;
		volatile uint32_t *p = raw_mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
						MAP_SHARED | MAP_GROWSDOWN, fd, 0);
		uint32_t below = 0;

		if (p == MAP_FAILED) {
			say("MAP_GROWSDOWN mapping refused: %s", strerrorname_np(errno));
			_exit(0);
		}
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = grow_fault;
		sigaction(SIGBUS, &sa, NULL);
		sigaction(SIGSEGV, &sa, NULL);
		if (sigsetjmp(grow_jmp, 1) == 0)
			below = *(volatile uint32_t *)((char *)p - PAGE + GPLEV0);
		say("MAP_GROWSDOWN: touch below the window: %s; window still the GPIO page: %s",
		    grow_sig ? strsignal(grow_sig) : "NO SIGNAL, read a backed page",
		    p[GPLEV0 / 4] == pread_reg(fd, GPLEV0) ? "yes" : "no");
		(void)below;
		_exit(grow_sig && p[GPLEV0 / 4] == pread_reg(fd, GPLEV0) ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	report(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "MAP_GROWSDOWN: the page grown below the window is not backed",
	       "child status %#x", status);
}

/* ---- fork ------------------------------------------------------------- */

static void fork_cases(int fd)
{
	volatile uint32_t *regs = map_window(fd, PROT_READ | PROT_WRITE);
	uint32_t bit = 1u << TEST_PIN;
	int status = -1, ok;
	pid_t pid;

	if (!regs || make_output(fd)) {
		report(0, "fork: child writes through the inherited mapping",
		       "setup: %s", strerror(errno));
		return;
	}
	regs[GPCLR0 / 4] = bit;
	pid = fork();
	if (pid == 0) {
		regs[GPSET0 / 4] = bit;
		_exit(regs[GPLEV0 / 4] & bit ? 0 : 3);
	}
	waitpid(pid, &status, 0);
	ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	     (pread_reg(fd, GPLEV0) & bit);
	report(ok, "fork: child sets the pin through the inherited mapping",
	       "status %#x, GPLEV0 %#x", status, pread_reg(fd, GPLEV0));
	regs[GPCLR0 / 4] = bit;
	report(!(pread_reg(fd, GPLEV0) & bit) && !(regs[GPLEV0 / 4] & bit),
	       "fork: parent's mapping still works after the child exits",
	       "GPLEV0 %#x", pread_reg(fd, GPLEV0));

	/* MADV_DONTFORK: the child has no mapping there at all. */
	if (madvise((void *)regs, PAGE, MADV_DONTFORK) == 0) {
		pid = fork();
		if (pid == 0) {
			regs[GPSET0 / 4] = bit;
			_exit(0);
		}
		waitpid(pid, &status, 0);
		report(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV &&
		       !(pread_reg(fd, GPLEV0) & bit),
		       "MADV_DONTFORK: the child's store faults, pin unchanged",
		       "status %#x", status);
	} else {
		report(0, "MADV_DONTFORK: the child's store faults, pin unchanged",
		       "madvise: %s", strerrorname_np(errno));
	}
	munmap((void *)regs, PAGE);

	/* The mapping outlives its descriptor. */
	{
		int fd2 = open_dev(O_RDWR);
		volatile uint32_t *r2 = fd2 < 0 ? NULL :
			map_window(fd2, PROT_READ | PROT_WRITE);

		if (fd2 >= 0)
			close(fd2);
		report(r2 && (r2[GPSET0 / 4] = bit, pread_reg(fd, GPLEV0) & bit),
		       "the mapping works after its descriptor is closed",
		       "GPLEV0 %#x", pread_reg(fd, GPLEV0));
		if (r2) {
			r2[GPCLR0 / 4] = bit;
			munmap((void *)r2, PAGE);
		}
	}
}

/* ---- pread, pwrite, lseek --------------------------------------------- */

static void rw_cases(int fd, int rofd)
{
	void *volatile no_buffer = NULL;
	uint32_t buf[64] = { 0 };
	char name[96];
	long off;
	int bad;
	ssize_t n;
	char *gap, *ro_page;

	bad = 0;
	for (off = 0; off < block_size + 8; off++)
		if (off % 4 && !(pread(fd, buf, 4, off) < 0 && errno == EINVAL))
			bad++;
	report(!bad, "pread at every misaligned offset: EINVAL",
	       "%d offsets not refused with EINVAL", bad);
	/* Each refused write is refused before it stores anything. */
	bad = 0;
	for (off = 0; off < block_size + 8; off++) {
		buf[0] = pread_reg(fd, off & ~3L);
		if (off % 4 && !(pwrite(fd, buf, 4, off) < 0 && errno == EINVAL))
			bad++;
	}
	report(!bad, "pwrite at every misaligned offset: EINVAL",
	       "%d offsets not refused with EINVAL", bad);
	bad = 0;
	for (off = block_size; off <= PAGE; off += 4)
		if (pread(fd, buf, 4, off) != 0)
			bad++;
	report(!bad, "pread at and past the end of the block (to 4096): 0 (EOF)",
	       "%d offsets not at end of file", bad);
	report(pread(fd, buf, 4, 1LL << 40) == 0, "pread at 1 TiB: 0 (EOF)",
	       "not 0");
	/* pos + count wraps: the VFS refuses it before the driver is asked. */
	expect_errno("pread at LLONG_MAX - 3",
		     pread(fd, buf, 4, 0x7ffffffffffffffcLL) < 0, EINVAL);
	expect_errno("pread at a negative offset",
		     raw_pread(fd, buf, 4, -4LL) < 0, EINVAL);
	expect_errno("pwrite at and past the end",
		     pwrite(fd, buf, 4, block_size) < 0, EINVAL);
	bad = 0;
	for (off = 1; off < 12; off++)
		if (off % 4 && !(pread(fd, buf, off, 0) < 0 && errno == EINVAL))
			bad++;
	report(!bad, "pread counts 1, 2, 3, 5, 6, 7, 9, 10, 11: EINVAL",
	       "%d counts accepted", bad);
	bad = 0;
	for (off = 1; off < 12; off++)
		if (off % 4 && !(pwrite(fd, buf, off, GPSET0) < 0 && errno == EINVAL))
			bad++;
	report(!bad, "pwrite odd counts: EINVAL", "%d counts accepted", bad);
	report(pread(fd, buf, 0, block_size + 100) == 0,
	       "pread count 0 anywhere returns 0", "not 0");
	n = pread(fd, buf, block_size + 4 > (long)sizeof(buf) ?
		  sizeof(buf) : (size_t)block_size + 4, 0);
	report(n == block_size, "pread count block_size + 4: cut short at the end",
	       "got %zd", n);
	/* A buffer low in memory, so that buf + 2 GiB is still user space. */
	n = raw_pread(fd, low_buffer, 0x7ffffffcUL, 0);
	report(n == block_size,
	       "pread count 2 GiB - 4: cut short at the end of the block",
	       "got %zd", n);
	/* The VFS's access_ok() on buf..buf+count comes first: EFAULT. */
	expect_errno("pread count SIZE_MAX & ~3: EFAULT (VFS)",
		     raw_pread(fd, buf, SIZE_MAX & ~(size_t)3, 0) < 0,
		     EFAULT);
	report(pread(fd, buf, 8, block_size - 4) == 4,
	       "pread last register with count 8: 4", "not 4");
	n = pread(fd, buf, block_size, 0);
	report(n == block_size, "pread the whole block at once",
	       "got %zd", n);

	/* Bad buffers: EFAULT and no oops. */
	expect_errno("pread NULL buffer", pread(fd, no_buffer, 4, GPLEV0) < 0,
		     EFAULT);
	expect_errno("pwrite NULL buffer",
		     pwrite(fd, no_buffer, 4, GPCLR0) < 0, EFAULT);
	expect_errno("pread kernel address buffer",
		     pread(fd, (void *)0xffff800008000000UL, 4, GPLEV0) < 0,
		     EFAULT);
	gap = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (gap != MAP_FAILED) {
		munmap(gap + PAGE, PAGE);
		expect_errno("pread into an unmapped page",
			     pread(fd, gap + PAGE, 4, GPLEV0) < 0, EFAULT);
		expect_errno("pwrite from an unmapped page",
			     pwrite(fd, gap + PAGE, 4, GPCLR0) < 0, EFAULT);
		/* 8 bytes, the second register's buffer unmapped: short. */
		n = pread(fd, gap + PAGE - 4, 8, GPLEV0);
		report(n == 4, "pread straddling into an unmapped page: short count 4",
		       "got %zd (%s)", n, strerrorname_np(errno));
		n = pwrite(fd, gap + PAGE - 4, 8, GPEDS0 - 4);
		say("pwrite straddling into an unmapped page returns %zd", n);
		munmap(gap, PAGE);
	}
	ro_page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ro_page != MAP_FAILED) {
		expect_errno("pread into a read-only page",
			     pread(fd, ro_page, 4, GPLEV0) < 0, EFAULT);
		munmap(ro_page, PAGE);
	}
	expect_errno("read-only open: pwrite", pwrite(rofd, buf, 4, GPCLR0) < 0,
		     EBADF);
	{
		int wo = open_dev(O_WRONLY);

		expect_ok("open write-only", wo >= 0);
		if (wo >= 0) {
			expect_errno("write-only open: pread",
				     pread(wo, buf, 4, GPLEV0) < 0, EBADF);
			expect_mmap_errno("write-only open: mmap", NULL, PAGE,
					  PROT_WRITE, MAP_SHARED, wo, 0, EACCES);
			close(wo);
		}
	}
	{
		int path = open(PIGPIO_REGS_DEVICE, O_PATH | O_CLOEXEC);

		if (path >= 0) {
			expect_mmap_errno("O_PATH descriptor: mmap", NULL, PAGE,
					  PROT_READ, MAP_SHARED, path, 0, EBADF);
			expect_errno("O_PATH descriptor: ioctl",
				     ioctl(path, PIGPIO_REGS_IOC_UPDATE, buf) < 0,
				     EBADF);
			close(path);
		}
	}
	{
		struct iovec iov[2] = { { buf, 4 }, { buf + 1, 2 } };

		/* The VFS calls read once per iovec: the first one counts. */
		n = preadv(fd, iov, 2, GPLEV0);
		report(n == 4, "preadv with a 2-byte second iovec: short count 4",
		       "got %zd (%s)", n, strerrorname_np(errno));
		iov[0].iov_len = 2;
		expect_errno("preadv with a 2-byte first iovec",
			     preadv(fd, iov, 2, GPLEV0) < 0, EINVAL);
		iov[0].iov_len = 4;
		iov[1].iov_len = 4;
		n = preadv(fd, iov, 2, GPLEV0);
		report(n == 8, "preadv two registers", "got %zd", n);
	}

	/* lseek stays inside [0, block_size]. */
	snprintf(name, sizeof(name), "lseek SEEK_SET block_size (%ld)", block_size);
	report(lseek(fd, block_size, SEEK_SET) == block_size, name, "refused");
	report(read(fd, buf, 4) == 0, "read() at the end position: 0 (EOF)",
	       "not 0");
	expect_errno("lseek SEEK_SET past the block",
		     lseek(fd, block_size + 4, SEEK_SET) < 0, EINVAL);
	expect_errno("lseek SEEK_SET 1 TiB", lseek(fd, 1LL << 40, SEEK_SET) < 0,
		     EINVAL);
	expect_errno("lseek SEEK_SET negative", lseek(fd, -4, SEEK_SET) < 0,
		     EINVAL);
	report(lseek(fd, 0, SEEK_END) == block_size, "lseek SEEK_END 0 is block_size",
	       "wrong");
	expect_errno("lseek SEEK_END + 4", lseek(fd, 4, SEEK_END) < 0, EINVAL);
	lseek(fd, 8, SEEK_SET);
	expect_errno("lseek SEEK_CUR below 0", lseek(fd, -12, SEEK_CUR) < 0,
		     EINVAL);
	expect_errno("lseek SEEK_CUR LLONG_MAX (wraps)",
		     lseek(fd, 0x7fffffffffffffffLL, SEEK_CUR) < 0, EINVAL);
	expect_errno("lseek whence 7", lseek(fd, 0, 7) < 0, EINVAL);
	expect_errno("lseek SEEK_DATA", lseek(fd, 0, SEEK_DATA) < 0, EINVAL);
	expect_errno("lseek SEEK_HOLE", lseek(fd, 0, SEEK_HOLE) < 0, EINVAL);
	lseek(fd, 0, SEEK_SET);
}

/* ---- ioctl --------------------------------------------------------------- */

static void ioctl_cases(int fd, int rofd)
{
	static const struct { unsigned long cmd; const char *name; } unknown[] = {
		{ 0, "ioctl 0" },
		{ _IO(PIGPIO_REGS_IOC_MAGIC, 0), "ioctl magic nr 0" },
		{ _IOWR(PIGPIO_REGS_IOC_MAGIC, 3, struct pigpio_regs_update), "ioctl magic nr 3" },
		{ _IOC(_IOC_READ | _IOC_WRITE, PIGPIO_REGS_IOC_MAGIC, 1, 8), "UPDATE with size 8" },
		{ _IOC(_IOC_READ | _IOC_WRITE, PIGPIO_REGS_IOC_MAGIC, 1, 20), "UPDATE with size 20" },
		{ _IOW(PIGPIO_REGS_IOC_MAGIC, 1, struct pigpio_regs_update), "UPDATE as _IOW" },
		{ _IO(PIGPIO_REGS_IOC_MAGIC, 1), "UPDATE as _IO" },
		{ _IOWR(PIGPIO_REGS_IOC_MAGIC, 2, struct pigpio_regs_pull), "PULL as _IOWR" },
		{ _IOC(_IOC_WRITE, PIGPIO_REGS_IOC_MAGIC, 2, 16), "PULL with size 16" },
		{ _IOWR(0xb8, 1, struct pigpio_regs_update), "UPDATE with another magic" },
		{ _IOWR(0xb7, 1, struct pigpio_regs_update), "UPDATE with nsfs's magic 0xb7 (the old one)" },
		{ TCGETS, "TCGETS" },
		{ 0xffffffffUL, "ioctl 0xffffffff" },
	};
	static const struct { uint32_t off; const char *name; } outside[] = {
		{ 0x18, "UPDATE reserved 0x18" },
		{ GPSET0, "UPDATE GPSET0" },
		{ GPCLR0, "UPDATE GPCLR0" },
		{ GPLEV0, "UPDATE GPLEV0" },
		{ GPEDS0, "UPDATE GPEDS0" },
		{ GPREN0 + 8, "UPDATE reserved 0x54 between enables" },
		{ GPPUD, "UPDATE GPPUD" },
		{ GPPUDCLK0, "UPDATE GPPUDCLK0" },
		{ 0x02, "UPDATE misaligned 0x02" },
		{ 0x1000, "UPDATE 0x1000" },
		{ 0xfffffffc, "UPDATE 0xfffffffc" },
	};
	struct pigpio_regs_update u;
	struct pigpio_regs_pull pl;
	char name[96];
	uint32_t old = 0, before, after;
	size_t i;
	void *ro_page;

	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		memset(&u, 0, sizeof(u));
		snprintf(name, sizeof(name), "%s: ENOTTY", unknown[i].name);
		expect_errno(name, ioctl(fd, unknown[i].cmd, &u) < 0, ENOTTY);
	}
	expect_errno("unknown ioctl on a read-only open: ENOTTY",
		     ioctl(rofd, _IO(PIGPIO_REGS_IOC_MAGIC, 9)) < 0, ENOTTY);

	for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		snprintf(name, sizeof(name), "%s: EINVAL", outside[i].name);
		expect_errno(name, update(fd, outside[i].off, 0, 0, NULL) < 0,
			     EINVAL);
	}
	/* A refused UPDATE leaves the caller's @old as it was. */
	memset(&u, 0, sizeof(u));
	u.offset = GPSET0;
	u.old = 0x5a5a5a5a;
	expect_errno("UPDATE GPSET0 with old preset: EINVAL",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u) < 0, EINVAL);
	report(u.old == 0x5a5a5a5a, "... and the refused UPDATE left old as it was",
	       "old %#x", u.old);
	u.offset = GPFSEL2;
	u.mask = 7u << 21;
	u.value = 1u << 24;
	u.old = 0xa5a5a5a5;
	expect_errno("UPDATE value outside mask with old preset: EINVAL",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u) < 0, EINVAL);
	report(u.old == 0xa5a5a5a5, "... and old is left as it was there too",
	       "old %#x", u.old);
	if (ngpio == 54)
		expect_errno("UPDATE BCM2711 pull register 0xe4 on a GPPUD SoC",
			     update(fd, 0xe4, 0, 0, NULL) < 0, EINVAL);
	expect_errno("UPDATE value outside mask",
		     update(fd, GPFSEL2, 7u << 21, 1u << 24, NULL) < 0, EINVAL);
	expect_errno("UPDATE value ~0 with mask 0",
		     update(fd, GPFSEL2, 0, 0xffffffff, NULL) < 0, EINVAL);
	before = pread_reg(fd, GPFSEL2);
	report(update(fd, GPFSEL2, 0, 0, &old) == 0 && old == before &&
	       pread_reg(fd, GPFSEL2) == before,
	       "UPDATE mask 0: returns the register, changes nothing",
	       "old %#x, register %#x", old, before);
	report(update(fd, GPFSEL2, 7u << 21, 1u << 21, &old) == 0 &&
	       ((pread_reg(fd, GPFSEL2) >> 21) & 7) == 1 &&
	       (pread_reg(fd, GPFSEL2) & ~(7u << 21)) == (before & ~(7u << 21)),
	       "UPDATE sets pin 27's function only",
	       "GPFSEL2 %#x before %#x", pread_reg(fd, GPFSEL2), before);
	expect_ok("UPDATE an event-detect enable (GPREN0, mask 0)",
		  update(fd, GPREN0, 0, 0, NULL) == 0);

	expect_errno("UPDATE NULL argument",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, NULL) < 0, EFAULT);
	expect_errno("UPDATE argument at address 1",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, (void *)1) < 0, EFAULT);
	expect_errno("UPDATE kernel-address argument",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE,
			   (void *)0xffff800008000000UL) < 0, EFAULT);
	ro_page = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ro_page != MAP_FAILED) {
		mprotect((char *)ro_page + PAGE, PAGE, PROT_NONE);
		/* The last 8 bytes of the struct on an unmapped page. */
		memset(ro_page, 0, PAGE);
		expect_errno("UPDATE argument straddling into unmapped memory",
			     ioctl(fd, PIGPIO_REGS_IOC_UPDATE,
				   (char *)ro_page + PAGE - 8) < 0 ? 1 : 0, EFAULT);
		/*
		 * Read-only: the struct can be read but old cannot be
		 * written back. The driver must refuse before it changes
		 * anything: pin 21 is made an output first, so an UPDATE
		 * to input that went through would show.
		 */
		update(fd, GPFSEL2, 7u << 21, 1u << 21, NULL);
		u = (struct pigpio_regs_update){ GPFSEL2, 7u << 21, 0, 0 };
		memcpy(ro_page, &u, sizeof(u));
		mprotect(ro_page, PAGE, PROT_READ);
		before = pread_reg(fd, GPFSEL2);
		expect_errno("UPDATE argument on a read-only page (old not writable)",
			     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, ro_page) < 0,
			     EFAULT);
		after = pread_reg(fd, GPFSEL2);
		report((before & (7u << 21)) == 1u << 21 && after == before,
		       "UPDATE refused for an unwritable old changes nothing",
		       "GPFSEL2 %#x -> %#x", before, after);
		munmap(ro_page, 2 * PAGE);
	}
	update(fd, GPFSEL2, 7u << 21, 0, NULL);
	expect_errno("read-only open: UPDATE", update(rofd, GPFSEL2, 0, 0, NULL) < 0,
		     EBADF);
	pl = (struct pigpio_regs_pull){ 0, 0, 0 };
	expect_errno("read-only open: PULL",
		     ioctl(rofd, PIGPIO_REGS_IOC_PULL, &pl) < 0, EBADF);

	if (ngpio == 54) {
		static const struct { struct pigpio_regs_pull p; const char *name; } bad[] = {
			{ { 2, 0, 0 }, "PULL bank 2" },
			{ { 0xffffffff, 0, 0 }, "PULL bank 0xffffffff" },
			{ { 0, 1u << TEST_PIN, 3 }, "PULL pud 3" },
			{ { 0, 0, 0xffffffff }, "PULL pud 0xffffffff" },
			{ { 1, 1u << 22, 0 }, "PULL bank 1 pin 54" },
			{ { 1, 0xffffffff, 1 }, "PULL bank 1 every bit" },
		};

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			snprintf(name, sizeof(name), "%s: EINVAL", bad[i].name);
			pl = bad[i].p;
			expect_errno(name, ioctl(fd, PIGPIO_REGS_IOC_PULL, &pl) < 0,
				     EINVAL);
		}
		pl = (struct pigpio_regs_pull){ 0, 1u << TEST_PIN, 1 };
		expect_ok("PULL pin 27 down (valid)",
			  ioctl(fd, PIGPIO_REGS_IOC_PULL, &pl) == 0);
		pl = (struct pigpio_regs_pull){ 1, 0x3fffff, 0 };
		pl.mask = 0;
		expect_ok("PULL bank 1 mask 0 (valid)",
			  ioctl(fd, PIGPIO_REGS_IOC_PULL, &pl) == 0);
		pl = (struct pigpio_regs_pull){ 0, 1u << TEST_PIN, 0 };
		ioctl(fd, PIGPIO_REGS_IOC_PULL, &pl);
		report(pread_reg(fd, GPPUD) == 0 && pread_reg(fd, GPPUDCLK0) == 0,
		       "after PULL, GPPUD and GPPUDCLK0 are back to 0",
		       "GPPUD %#x GPPUDCLK0 %#x", pread_reg(fd, GPPUD),
		       pread_reg(fd, GPPUDCLK0));
	} else {
		pl = (struct pigpio_regs_pull){ 0, 0, 0 };
		expect_errno("PULL on BCM2711: EOPNOTSUPP",
			     ioctl(fd, PIGPIO_REGS_IOC_PULL, &pl) < 0, EOPNOTSUPP);
	}
	expect_errno("PULL NULL argument",
		     ioctl(fd, PIGPIO_REGS_IOC_PULL, NULL) < 0, EFAULT);
}

static int cases_main(void)
{
	int fd, rofd;

	block_size = read_attr(PIGPIO_REGS_ATTR_BLOCK_SIZE);
	ngpio = read_attr(PIGPIO_REGS_ATTR_NGPIO);
	fd = open_dev(O_RDWR);
	rofd = open_dev(O_RDONLY);
	if (fd < 0 || rofd < 0) {
		printf("FAIL open: %s\n", strerrorname_np(errno));
		return 1;
	}
	mmap_cases(fd, rofd);
	vm_cases(fd, rofd);
	growsdown_case(fd);
	fork_cases(fd);
	rw_cases(fd, rofd);
	ioctl_cases(fd, rofd);
	close(fd);
	close(rofd);
	say("cases: %d checked, %d of them refusals with their exact errno, %d failed",
	    cases, refusals, failures);
	return failures ? 1 : 0;
}

/* ---- the PFN behind the mapping ---------------------------------------- */

static int in_system_ram(unsigned long long addr)
{
	char line[256];
	unsigned long long start, end;
	FILE *f = fopen("/proc/iomem", "r");
	int hit = 0;

	while (f && fgets(line, sizeof(line), f))
		if (strstr(line, "System RAM") &&
		    sscanf(line, " %llx-%llx", &start, &end) == 2 &&
		    addr >= start && addr <= end)
			hit = 1;
	if (f)
		fclose(f);
	return hit;
}

/*
 * The page behind the mapping is the driver's page: /proc/self/pagemap
 * cannot tell (the kernel's page walk skips VM_PFNMAP mappings, so their
 * entries read 0), so compare the contents instead, both ways, and check
 * the base the driver maps is outside System RAM (root sees /proc/iomem).
 */
static int ram_main(void)
{
	unsigned long long phys = read_attr(PIGPIO_REGS_ATTR_PHYS_BASE);
	int fd = open_dev(O_RDWR), pm = open("/proc/self/pagemap", O_RDONLY);
	volatile uint32_t *regs = fd < 0 ? NULL :
		map_window(fd, PROT_READ | PROT_WRITE);
	uint32_t block[PAGE / 4], fsel, v;
	uint64_t entry = 0;
	long i, differ = 0;

	block_size = read_attr(PIGPIO_REGS_ATTR_BLOCK_SIZE);
	if (!regs || pread(fd, block, block_size, 0) != block_size) {
		printf("FAIL ram: cannot map or read: %s\n", strerror(errno));
		return 1;
	}
	if (pm >= 0 && pread(pm, &entry, 8, (uintptr_t)regs / PAGE * 8) == 8)
		say("pagemap entry of the mapping: %#" PRIx64
		    " (VM_PFNMAP: the kernel reports no page)", entry);
	report(!in_system_ram(phys) && !in_system_ram(phys + PAGE - 1),
	       "phys_base's page is outside every System RAM range",
	       "%#llx is RAM", phys);
	/* Registers that do not change by themselves: GPFSEL0-5. */
	for (i = 0; i <= 0x14 / 4; i++)
		differ += regs[i] != block[i];
	report(!differ, "the mapping reads what the driver's ioremap reads (GPFSEL0-5)",
	       "%ld registers differ", differ);
	/* A store through the mapping is seen by pread, and back. */
	fsel = regs[GPFSEL2 / 4];
	regs[GPFSEL2 / 4] = (fsel & ~(7u << 21)) | 1u << 21;
	v = pread_reg(fd, GPFSEL2);
	report(((v >> 21) & 7) == 1, "a store through the mapping reaches the GPIO block",
	       "GPFSEL2 by pread %#x", v);
	v = fsel;
	if (pwrite(fd, &v, 4, GPFSEL2) == 4)
		report(regs[GPFSEL2 / 4] == fsel,
		       "a pwrite to the GPIO block is seen through the mapping",
		       "mapping reads %#x, want %#x", regs[GPFSEL2 / 4], fsel);
	return failures ? 1 : 0;
}

/* ---- core dump ---------------------------------------------------------- */

static int core_main(const char *dir)
{
	int pipefd[2], status;
	uintptr_t addr = 0;
	char path[512], why[160] = "";
	pid_t pid;
	int found = 0, dumped_any = 0, ok = 0;
	FILE *f;
	ElfW(Ehdr) eh;	/* the core is in the process's own ELF class */
	ElfW(Phdr) ph;
	int i;

	if (pipe(pipefd))
		return 2;
	pid = fork();
	if (pid == 0) {
		struct rlimit rl;
		int fd = open_dev(O_RDWR);
		volatile uint32_t *regs = fd < 0 ? NULL :
			map_window(fd, PROT_READ | PROT_WRITE);

		getrlimit(RLIMIT_CORE, &rl);
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_CORE, &rl);
		addr = (uintptr_t)regs;
		if (!regs || write(pipefd[1], &addr, sizeof(addr)) != sizeof(addr))
			_exit(3);
		(void)regs[GPLEV0 / 4];
		abort();
	}
	close(pipefd[1]);
	if (read(pipefd[0], &addr, sizeof(addr)) != sizeof(addr))
		addr = 0;
	waitpid(pid, &status, 0);
	snprintf(path, sizeof(path), "%s/core.%d", dir, (int)pid);
	f = fopen(path, "r");
	if (!addr || !WIFSIGNALED(status) || !WCOREDUMP(status) || !f) {
		printf("FAIL core dump of a process holding the mapping: no core (status %#x, %s)\n",
		       status, path);
		return 1;
	}
	if (fread(&eh, sizeof(eh), 1, f) == 1 &&
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) == 0 && eh.e_type == ET_CORE) {
		for (i = 0; i < eh.e_phnum; i++) {
			if (fseek(f, eh.e_phoff + (long)i * eh.e_phentsize, SEEK_SET) ||
			    fread(&ph, sizeof(ph), 1, f) != 1)
				break;
			if (ph.p_type != PT_LOAD)
				continue;
			if (ph.p_filesz)
				dumped_any = 1;
			if (ph.p_vaddr == addr) {
				found = 1;
				ok = ph.p_filesz == 0;
				snprintf(why, sizeof(why),
					 "segment at %#lx has %lu bytes in the core",
					 (unsigned long)addr,
					 (unsigned long)ph.p_filesz);
			}
		}
	}
	fclose(f);
	say("core: %s, window at %#lx: segment %s", path, (unsigned long)addr,
	    found ? (ok ? "present with 0 bytes" : "DUMPED") : "absent");
	report(dumped_any && (!found || ok),
	       "core dump: the register page is not in the core",
	       "%s", dumped_any ? why : "core has no dumped segment at all");
	unlink(path);
	return failures ? 1 : 0;
}

/* ---- READ_IMPLIES_EXEC ----------------------------------------------------- */

/* Call the mapping as code (in a child: see child_signal()). */
static void jump(void *p)
{
	((void (*)(void))p)();
}

/*
 * A return instruction, so that a jump into a page that is executable
 * comes back (the child exits 0) instead of faulting on what follows.
 */
#if defined(__aarch64__)
#define RET_INSN	0xd65f03c0u	/* ret */
#else
#define RET_INSN	0xe12fff1eu	/* bx lr (ARM state: the address is even) */
#endif

/*
 * One node under READ_IMPLIES_EXEC: PROT_READ | PROT_WRITE becomes
 * PROT_READ | PROT_WRITE | PROT_EXEC in do_mmap(), and the driver must map
 * it without execute. gpio: the GPIO page (pin 27 through rfd's UPDATE and
 * pread); else a scratch page.
 */
static void rie_node(const char *what, int fd, off_t off, int rfd, int gpio)
{
	volatile uint32_t *p = raw_mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
					MAP_SHARED, fd, off);
	uint32_t bit = 1u << TEST_PIN;
	char name[160], perms[16], flags[256] = "";
	int sig, ok;

	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: mmap PROT_READ|PROT_WRITE works", what);
	expect_ok(name, p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	maps_perms((void *)p, perms, sizeof(perms));
	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: /proc/self/maps shows rw-s, no x", what);
	report(!strcmp(perms, "rw-s"), name, "perms %s", perms);
	smaps_flags((void *)p, flags, sizeof(flags));
	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: smaps VmFlags: no ex, no me", what);
	report(!has_flag(flags, "ex") && !has_flag(flags, "me"), name,
	       "VmFlags:%s", flags);

	if (gpio) {
		ok = make_output(rfd) == 0;
		p[GPSET0 / 4] = bit;
		ok = ok && (pread_reg(rfd, GPLEV0) & bit);
		p[GPCLR0 / 4] = bit;
		ok = ok && !(pread_reg(rfd, GPLEV0) & bit);
		snprintf(name, sizeof(name),
			 "READ_IMPLIES_EXEC: %s: stores set and clear pin %d (pread sees them)",
			 what, TEST_PIN);
		report(ok, name, "GPLEV0 %#x", pread_reg(rfd, GPLEV0));
	} else {
		p[0] = RET_INSN;
		__builtin___clear_cache((char *)p, (char *)p + 4);
		snprintf(name, sizeof(name),
			 "READ_IMPLIES_EXEC: %s: a store reads back", what);
		report(p[0] == RET_INSN, name, "read %#x", p[0]);
	}

	/* Executing it must fault: SIGSEGV on arm64 and arm32 (checked). */
	sig = child_signal(jump, (void *)p);
	say("READ_IMPLIES_EXEC: %s: a jump into the mapping: %s", what,
	    sig > 0 ? strsignal(sig) : "returned, no signal");
	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: a child that jumps into it dies of SIGSEGV, SIGBUS or SIGILL",
		 what);
	report(sig == SIGSEGV || sig == SIGBUS || sig == SIGILL, name,
	       "child ended with signal %d", sig);

	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: mprotect PROT_READ|PROT_EXEC: EACCES", what);
	expect_errno(name, mprotect((void *)p, PAGE, PROT_READ | PROT_EXEC) != 0,
		     EACCES);
	/* do_mprotect_pkey() adds PROT_EXEC only where VM_MAYEXEC is. */
	snprintf(name, sizeof(name),
		 "READ_IMPLIES_EXEC: %s: mprotect PROT_READ|PROT_WRITE again: still no x",
		 what);
	ok = mprotect((void *)p, PAGE, PROT_READ | PROT_WRITE) == 0;
	maps_perms((void *)p, perms, sizeof(perms));
	report(ok && !strcmp(perms, "rw-s"), name, "%s, perms %s",
	       ok ? "ok" : strerrorname_np(errno), perms);
	munmap((void *)p, PAGE);
}

static int rie_main(void)
{
	int persona = personality(0xffffffff);
	int fd = open_dev(O_RDWR);
	int gfd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
	char perms[16];
	void *anon;

	if (fd < 0 || gfd < 0) {
		printf("FAIL READ_IMPLIES_EXEC: open: %s\n", strerrorname_np(errno));
		return 1;
	}
	/* Without the personality, execute asked for is refused. */
	expect_mmap_errno("no READ_IMPLIES_EXEC: mmap PROT_READ|PROT_EXEC: EPERM",
			  NULL, PAGE, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0,
			  EPERM);
	expect_mmap_errno("no READ_IMPLIES_EXEC: gpiomem node PROT_READ|PROT_EXEC: EPERM",
			  NULL, PAGE, PROT_READ | PROT_EXEC, MAP_SHARED, gfd, 0,
			  EPERM);

	if (persona < 0 || personality(persona | READ_IMPLIES_EXEC) < 0) {
		printf("FAIL READ_IMPLIES_EXEC: personality: %s\n",
		       strerrorname_np(errno));
		return 1;
	}
	/* The personality is in effect: mm makes PROT_READ executable. */
	anon = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	maps_perms(anon, perms, sizeof(perms));
	report(anon != MAP_FAILED && perms[2] == 'x',
	       "READ_IMPLIES_EXEC in effect: an anonymous PROT_READ mapping is r-x",
	       "perms %s", perms);
	if (anon != MAP_FAILED)
		munmap(anon, PAGE);

	rie_node(PIGPIO_REGS_DEVICE, fd, 0, fd, 1);
	rie_node("gpiomem node, offset 0", gfd, 0, fd, 1);
	rie_node("gpiomem node, scratch offset 0xb000", gfd, 0xb000, fd, 0);
	/* do_mmap() adds PROT_EXEC to PROT_READ only: this one was asked for. */
	expect_mmap_errno("READ_IMPLIES_EXEC: mmap PROT_EXEC alone: EPERM", NULL,
			  PAGE, PROT_EXEC, MAP_SHARED, fd, 0, EPERM);
	close(fd);
	close(gfd);
	return failures ? 1 : 0;
}

/* ---- the gpiomem node's scratch pages ------------------------------------ */

#define SCRATCH_MAX	PIGPIO_REGS_GPIOMEM_SCRATCH_MAX

/* WiringPi's four scratch offsets, in turn. */
static void *map_scratch(int fd, long i)
{
	static const off_t offs[] = { 0xb000, 0x100000, 0x101000, 0x20c000 };

	return raw_mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			offs[i % 4]);
}

static int scratch_bound_main(void)
{
	int fd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC), fd2;
	volatile uint32_t *m[SCRATCH_MAX];
	char name[128];
	int i, n = 0, status = -1;
	void *p, *spare;
	pid_t pid;

	if (fd < 0) {
		printf("FAIL scratch bound: open: %s\n", strerrorname_np(errno));
		return 1;
	}
	for (i = 0; i < SCRATCH_MAX; i++) {
		p = map_scratch(fd, i);
		m[i] = p == MAP_FAILED ? NULL : p;
		n += p != MAP_FAILED;
	}
	snprintf(name, sizeof(name),
		 "scratch bound: one open file maps %d scratch pages", SCRATCH_MAX);
	report(n == SCRATCH_MAX, name, "only %d: %s", n, strerrorname_np(errno));
	if (n != SCRATCH_MAX)
		return 1;
	p = map_scratch(fd, 0);
	snprintf(name, sizeof(name),
		 "scratch bound: the %dth scratch mapping of that file: ENOMEM",
		 SCRATCH_MAX + 1);
	expect_errno(name, p == MAP_FAILED, ENOMEM);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	p = raw_mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	expect_ok("scratch bound: the GPIO page still maps on that file",
		  p != MAP_FAILED);
	if (p != MAP_FAILED)
		munmap(p, PAGE);

	/*
	 * A move is a new VMA (->open) and the old one gone (->close). The
	 * destination has the source's cache colour: ARMv6's aliasing cache
	 * makes arch_get_unmapped_area() (arch/arm/mm/mmap.c) refuse a fixed
	 * shared mapping at another colour with EINVAL (raspi1ap did), so
	 * it is the source's address modulo 4 colours, inside a reservation.
	 */
	spare = mmap(NULL, 8 * SHM_COLOUR, PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p = MAP_FAILED;
	if (spare != MAP_FAILED) {
		uintptr_t to = ((uintptr_t)spare + 4 * SHM_COLOUR - 1) &
			       ~(uintptr_t)(4 * SHM_COLOUR - 1);

		to += (uintptr_t)m[1] & (4 * SHM_COLOUR - 1);
		p = mremap((void *)m[1], PAGE, PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, (void *)to);
	}
	if (p != MAP_FAILED) {
		m[1] = p;
		m[1][1] = 0x5eed;
	}
	report(p != MAP_FAILED && m[1][1] == 0x5eed,
	       "scratch bound: mremap moves a scratch mapping", "%s",
	       strerrorname_np(errno));
	p = map_scratch(fd, 0);
	expect_errno("scratch bound: after the move, still full: ENOMEM",
		     p == MAP_FAILED, ENOMEM);
	if (p != MAP_FAILED)
		munmap(p, PAGE);

	/* Copies a fork makes count while they live, and go with the child. */
	m[2][0] = 0xf0f0;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		void *q = map_scratch(fd, 0);

		/* The child shares the parent's page, and is also full. */
		_exit(m[2][0] == 0xf0f0 && q == MAP_FAILED && errno == ENOMEM ?
		      0 : 3);
	}
	waitpid(pid, &status, 0);
	report(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "scratch bound: a forked child shares the pages and maps no more",
	       "child status %#x", status);
	munmap((void *)m[0], PAGE);
	m[0] = NULL;
	p = map_scratch(fd, 0);
	report(p != MAP_FAILED,
	       "scratch bound: after the child's exit and one munmap, one more maps",
	       "%s", strerrorname_np(errno));
	m[0] = p == MAP_FAILED ? NULL : p;

	/* Another file has a bound of its own. */
	fd2 = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
	p = fd2 < 0 ? MAP_FAILED : map_scratch(fd2, 3);
	report(p != MAP_FAILED, "scratch bound: another open file maps its own",
	       "%s", strerrorname_np(errno));
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	if (fd2 >= 0)
		close(fd2);

	/* The mappings outlive the descriptor: the file lives in each VMA. */
	close(fd);
	n = 0;
	for (i = 0; i < SCRATCH_MAX; i++) {
		if (!m[i])
			continue;
		m[i][3] = (uint32_t)i;
		n += m[i][3] == (uint32_t)i;
		munmap((void *)m[i], PAGE);
	}
	report(n == SCRATCH_MAX,
	       "scratch bound: the pages still work after close(), then unmap",
	       "%d of %d", n, SCRATCH_MAX);
	return failures ? 1 : 0;
}

static long mem_available_kb(void)
{
	char line[128];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

/*
 * Map scratch pages until refused, closing each descriptor once it holds
 * its bound (the mappings keep their files): the only limit left is the
 * memory cgroup's, or CAP pages. Prints MemAvailable every 256 pages, so
 * the lowest figure is known even if the cgroup's OOM killer ends this.
 */
static int scratch_fill_main(long cap)
{
	long n = 0, on_file = SCRATCH_MAX, start = mem_available_kb();
	long low = start, cur;
	char line[16];
	int fd = -1;

	printf("start memavail %ld\n", start);
	while (n < cap) {
		void *p;

		if (on_file == SCRATCH_MAX) {
			if (fd >= 0)
				close(fd);
			fd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
			if (fd < 0) {
				printf("open-failed %ld pages %s\n", n,
				       strerrorname_np(errno));
				return 3;
			}
			on_file = 0;
		}
		p = map_scratch(fd, n);
		if (p == MAP_FAILED) {
			cur = mem_available_kb();
			low = cur < low ? cur : low;
			printf("refused %ld pages %s memavail %ld low %ld\n", n,
			       strerrorname_np(errno), cur, low);
			if (!fgets(line, sizeof(line), stdin))
				return 4;
			return 0;
		}
		on_file++;
		n++;
		if (n % 256 == 0) {
			cur = mem_available_kb();
			low = cur < low ? cur : low;
			printf("mapped %ld memavail %ld low %ld\n", n, cur, low);
		}
	}
	printf("cap %ld pages, never refused, low %ld\n", n, low);
	return 3;
}

/* ---- helpers for rmmod and SIGKILL cases ---------------------------------- */

static int hold_main(void)
{
	int fd = open_dev(O_RDWR);
	volatile uint32_t *regs = fd < 0 ? NULL :
		map_window(fd, PROT_READ | PROT_WRITE);
	uint32_t bit = 1u << TEST_PIN;
	char line[16];
	int ok;

	if (!regs || make_output(fd))
		return 2;
	close(fd);
	printf("mapped\n");
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return 3;
	regs[GPSET0 / 4] = bit;
	ok = regs[GPLEV0 / 4] & bit;
	regs[GPCLR0 / 4] = bit;
	ok = ok && !(regs[GPLEV0 / 4] & bit);
	printf("%s\n", ok ? "works" : "broken");
	return ok ? 0 : 1;
}

static int toggle_main(void)
{
	int fd = open_dev(O_RDWR);
	volatile uint32_t *regs = fd < 0 ? NULL :
		map_window(fd, PROT_READ | PROT_WRITE);
	uint32_t bit = 1u << TEST_PIN;

	if (!regs || make_output(fd))
		return 2;
	printf("toggling %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		regs[GPSET0 / 4] = bit;
		regs[GPCLR0 / 4] = bit;
	}
}

static int cycles_main(const char *ko, int n)
{
	int i, retries = 0, bad = 0, r;
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	for (i = 0; i < n; i++) {
		int kfd = open(ko, O_RDONLY | O_CLOEXEC), fd;
		volatile uint32_t *regs;

		if (kfd < 0 || syscall(SYS_finit_module, kfd, "", 0) != 0) {
			printf("FAIL load/unload cycles: load %d: %s\n", i,
			       strerrorname_np(errno));
			return 1;
		}
		close(kfd);
		fd = open_dev(O_RDWR);
		regs = fd < 0 ? NULL : map_window(fd, PROT_READ | PROT_WRITE);
		if (!regs || regs[GPLEV0 / 4] != pread_reg(fd, GPLEV0))
			bad++;
		if (regs)
			munmap((void *)regs, PAGE);
		if (fd >= 0)
			close(fd);
		for (r = 0; syscall(SYS_delete_module, "pigpio_regs",
				    O_NONBLOCK) != 0; r++) {
			if (r == 100) {
				printf("FAIL load/unload cycles: unload %d: %s\n",
				       i, strerrorname_np(errno));
				return 1;
			}
			retries++;
			nanosleep(&ts, NULL);
		}
	}
	say("load/unload cycles: %d, each opened and mapped; %d unload retries",
	    n, retries);
	report(!bad, "load/unload cycles: the mapping worked in every cycle",
	       "%d cycles where it did not", bad);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(mode, "cases"))
		return cases_main();
	if (!strcmp(mode, "ram"))
		return ram_main();
	if (!strcmp(mode, "core") && argc > 2)
		return core_main(argv[2]);
	if (!strcmp(mode, "hold"))
		return hold_main();
	if (!strcmp(mode, "toggle"))
		return toggle_main();
	if (!strcmp(mode, "cycles") && argc > 3)
		return cycles_main(argv[2], atoi(argv[3]));
	if (!strcmp(mode, "rie"))
		return rie_main();
	if (!strcmp(mode, "scratch-bound"))
		return scratch_bound_main();
	if (!strcmp(mode, "scratch-fill") && argc > 2)
		return scratch_fill_main(atol(argv[2]));
	fprintf(stderr, "usage: adversary cases|ram|core DIR|hold|toggle|cycles KO N|rie|\n"
		"       scratch-bound|scratch-fill CAP\n");
	return 2;
}
