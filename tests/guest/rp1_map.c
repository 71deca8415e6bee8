// SPDX-License-Identifier: GPL-2.0-only
/*
 * rp1_map: the driver's RP1 window, checked on a board whose RP1 node lies
 * over memory the kernel does not own (the "rp1" row of boards.tsv).
 *
 *   rp1_map contract          as alice: INFO, the window, every gap page
 *                             SIGBUS, the refusals, pread/pwrite and the
 *                             ioctls on an RP1, the gpiomem node, and both
 *                             nodes under the READ_IMPLIES_EXEC personality
 *   rp1_map map-store SEED    store a pattern through /dev/pigpio_regs's
 *                             mapping at the probe offsets below
 *   rp1_map map-check SEED    load them through the mapping and compare
 *   rp1_map mem-store PHYS SEED, rp1_map mem-check PHYS SEED
 *                             the same through /dev/mem (root), with the
 *                             window offset o at physical address PHYS + o:
 *                             the oracle, which never asks the driver
 *   rp1_map mem-peek PHYS OFF...  print the word at PHYS + OFF (/dev/mem)
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
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "report.h"
#include "proc_maps.h"
#include "fault_probe.h"
#include "raw_calls.h"

#define PAGE		4096
#define WINDOW		0x30000
#define BLOCK		0xc000
#define NBLOCKS		3

static const char *const block_name[NBLOCKS] = {
	"IO_BANK0", "SYS_RIO0", "PADS_BANK0"
};

/* In each block: the first word of each RP1 bank, and the last word. */
static const uint32_t probe_in_block[] = { 0x0, 0x4000, 0x8000, BLOCK - 4 };
#define NPROBES (NBLOCKS * (sizeof(probe_in_block) / sizeof(probe_in_block[0])))

static uint32_t probe_offset(unsigned int i)
{
	unsigned int per = sizeof(probe_in_block) / sizeof(probe_in_block[0]);

	return 0x10000 * (i / per) + probe_in_block[i % per];
}

/* A value per offset and seed that no other probe has. */
static uint32_t pattern(uint32_t off, uint32_t seed)
{
	return (seed * 0x01000193u) ^ (off * 0x9e3779b1u) ^ 0x5a5a0000u;
}

/* The signal a load (or a store, when store) at p raises, or 0. */
static int touch(volatile uint32_t *p, int store)
{
	return touch_value(p, store, 0x12345678);
}

static void expect_mmap_errno(const char *name, int fd, size_t len, int prot,
			      int flags, long long off, int want)
{
	void *p = raw_mmap(NULL, len, prot, flags, fd, off);
	char why[96];

	snprintf(why, sizeof(why), "want %s, got %s", strerrorname_np(want),
		 p == MAP_FAILED ? strerrorname_np(errno) : "success");
	report(p == MAP_FAILED && errno == want, name, why);
	if (p != MAP_FAILED)
		munmap(p, len);
}

static void expect_count(const char *name, long ret, long want)
{
	char why[96];

	snprintf(why, sizeof(why), "want %ld, got %ld (%s)", want, ret,
		 ret < 0 ? strerrorname_np(errno) : "-");
	report(ret == want, name, why);
}

/* Every page of every gap (and of the tail) faults, loads and stores. */
static void check_gaps(const char *what, volatile uint32_t *w, size_t len)
{
	char name[128], why[64];
	unsigned int b, bad = 0, pages = 0;
	uint32_t off;

	for (b = 0; b < NBLOCKS; b++) {
		for (off = 0x10000 * b + BLOCK; off < 0x10000 * (b + 1) &&
		     off < len; off += PAGE) {
			int sl = touch(w + off / 4, 0);
			int ss = touch(w + (off + PAGE - 4) / 4, 1);

			pages++;
			if (sl != SIGBUS || ss != SIGBUS) {
				if (!bad)
					snprintf(why, sizeof(why),
						 "page %#x: load signal %d, store signal %d",
						 off, sl, ss);
				bad++;
			}
		}
	}
	snprintf(name, sizeof(name),
		 "%s: all %u gap pages give SIGBUS on load and store", what,
		 pages);
	report(!bad && pages, name, why);
	/* The blocks still work after the faults. */
	snprintf(name, sizeof(name), "%s: the blocks still load after SIGBUS",
		 what);
	report(touch(w, 0) == 0 && touch(w + 0x10000 / 4, 0) == 0 &&
	       (len < 0x2c000 || touch(w + (0x2c000 - 4) / 4, 0) == 0),
	       name, "faulted");
}

static void check_info(int fd)
{
	struct pigpio_regs_info info;
	char why[160];
	int ok;

	memset(&info, 0xff, sizeof(info));
	ok = ioctl(fd, PIGPIO_REGS_IOC_INFO, &info) == 0;
	snprintf(why, sizeof(why),
		 "%s: soc %.16s window %#x block %#x ngpio %u bus %#llx flags %#x",
		 ok ? "ok" : strerrorname_np(errno), info.soc, info.window_size,
		 info.block_size, info.ngpio,
		 (unsigned long long)info.bus_base, info.flags);
	report(ok && strcmp(info.soc, "rp1") == 0 &&
	       info.window_size == WINDOW && info.block_size == BLOCK &&
	       info.ngpio == 54 && info.bus_base == 0x400d0000 &&
	       info.flags == 0,
	       "INFO: rp1, window 0x30000, block 0xc000, 54 lines, bus 0x400d0000",
	       why);
}

/* A gap reads as zeroes, cut short where the next block starts. */
static void check_gap_reads(int fd)
{
	static uint32_t gap[0x4000 / 4];
	uint32_t v[4];
	unsigned int i, nonzero = 0;

	memset(v, 0xff, sizeof(v));
	expect_count("pread in the gap after IO_BANK0 (0xc000): 4 bytes",
		     raw_pread(fd, v, 4, BLOCK), 4);
	report(v[0] == 0, "... of zeroes", "not zero");
	memset(v, 0xff, sizeof(v));
	expect_count("pread count 16 at 0x1fffc (last gap word before PADS_BANK0): cut short to 4",
		     raw_pread(fd, v, 16, 0x1fffc), 4);
	report(v[0] == 0 && v[1] == 0xffffffff, "... a zero, nothing past it",
	       "differs");
	memset(gap, 0xff, sizeof(gap));
	expect_count("pread of the whole gap after SYS_RIO0 (0x1c000, 0x4000 bytes)",
		     raw_pread(fd, gap, sizeof(gap), 0x1c000), sizeof(gap));
	for (i = 0; i < sizeof(gap) / 4; i++)
		nonzero += gap[i] != 0;
	report(!nonzero, "... all zeroes", "some words are not zero");
}

static void check_transfers(int fd, volatile uint32_t *w)
{
	uint32_t v[4] = { 0 }, in;

	/* pread sees the words the mapping holds, block by block. */
	w[0x10004 / 4] = 0xc0ffee01;
	expect_count("pread of SYS_RIO0 +4 (window offset 0x10004)",
		     raw_pread(fd, v, 4, 0x10004), 4);
	report(v[0] == 0xc0ffee01, "... is the word the mapping stored there",
	       "differs");
	in = 0xbadc0de5;
	expect_count("pwrite of PADS_BANK0 +8 (window offset 0x20008)",
		     raw_pwrite(fd, &in, 4, 0x20008), 4);
	report(w[0x20008 / 4] == in, "... is seen through the mapping",
	       "differs");
	expect_count("pread count 16 at the last word of IO_BANK0: cut short to 4",
		     raw_pread(fd, v, 16, BLOCK - 4), 4);
	check_gap_reads(fd);
	expect_count("pread at the end of PADS_BANK0 (0x2c000): 0 (EOF)",
		     raw_pread(fd, v, 4, 0x2c000), 0);
	expect_count("pread at the end of the window (0x30000): 0 (EOF)",
		     raw_pread(fd, v, 4, WINDOW), 0);
	expect_errno("pwrite in a gap (0x1c000): EINVAL",
		     raw_pwrite(fd, &in, 4, 0x1c000) < 0, EINVAL);
	expect_errno("pwrite across the end of SYS_RIO0: EINVAL",
		     raw_pwrite(fd, v, 8, 0x1bffc) < 0, EINVAL);
	expect_errno("pwrite at the end (0x2c000): EINVAL",
		     raw_pwrite(fd, &in, 4, 0x2c000) < 0, EINVAL);
	expect_count("lseek SEEK_END: the end of PADS_BANK0 (0x2c000)",
		     (long)lseek(fd, 0, SEEK_END), 0x2c000);
	lseek(fd, 0, SEEK_SET);
}

static void check_ioctls(int fd)
{
	struct pigpio_regs_update update = { .offset = 0, .mask = 1, .value = 1 };
	struct pigpio_regs_pull pull = { .bank = 0, .mask = 1, .pud = 0 };

	expect_errno("UPDATE on an RP1: EOPNOTSUPP (no locked change needed)",
		     ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &update) < 0, EOPNOTSUPP);
	expect_errno("PULL on an RP1: EOPNOTSUPP",
		     ioctl(fd, PIGPIO_REGS_IOC_PULL, &pull) < 0, EOPNOTSUPP);
	expect_errno("unknown ioctl: ENOTTY",
		     ioctl(fd, _IO(PIGPIO_REGS_IOC_MAGIC, 9)) < 0, ENOTTY);
}

static void check_refusals(int fd, volatile uint32_t *w)
{
	void *p;

	expect_mmap_errno("mmap MAP_PRIVATE: EINVAL", fd, WINDOW,
			  PROT_READ | PROT_WRITE, MAP_PRIVATE, 0, EINVAL);
	expect_mmap_errno("mmap offset one page: EINVAL", fd, PAGE, PROT_READ,
			  MAP_SHARED, PAGE, EINVAL);
	expect_mmap_errno("mmap offset 0x10000 (SYS_RIO0's own): EINVAL", fd,
			  PAGE, PROT_READ, MAP_SHARED, 0x10000, EINVAL);
	expect_mmap_errno("mmap offset past the window (0x30000): EINVAL", fd,
			  PAGE, PROT_READ, MAP_SHARED, WINDOW, EINVAL);
	expect_mmap_errno("mmap window + 1 page: EINVAL", fd, WINDOW + PAGE,
			  PROT_READ, MAP_SHARED, 0, EINVAL);
	expect_mmap_errno("mmap window + 1 byte: EINVAL", fd, WINDOW + 1,
			  PROT_READ, MAP_SHARED, 0, EINVAL);
	expect_mmap_errno("mmap PROT_EXEC: EPERM", fd, WINDOW,
			  PROT_READ | PROT_EXEC, MAP_SHARED, 0, EPERM);
	expect_errno("mprotect add PROT_EXEC: EACCES",
		     mprotect((void *)w, WINDOW,
			      PROT_READ | PROT_WRITE | PROT_EXEC) < 0, EACCES);
	p = mremap((void *)w, WINDOW, WINDOW + PAGE, 0);
	expect_errno("mremap grow in place: EFAULT (VM_DONTEXPAND)",
		     p == MAP_FAILED, EFAULT);
	p = mremap((void *)w, WINDOW, WINDOW + PAGE, MREMAP_MAYMOVE);
	expect_errno("mremap grow, may move: EFAULT", p == MAP_FAILED,
		     EFAULT);
	expect_errno("madvise MADV_DONTNEED: EINVAL (VM_PFNMAP)",
		     madvise((void *)w, WINDOW, MADV_DONTNEED) < 0, EINVAL);
}

/* A shorter mapping: block 0 and the first page of block 1, nothing else. */
static void check_short_mapping(int fd)
{
	volatile uint32_t *w = mmap(NULL, 0x11000, PROT_READ | PROT_WRITE,
				    MAP_SHARED, fd, 0);

	report(w != MAP_FAILED, "mmap 0x11000 bytes (IO_BANK0 and one page of SYS_RIO0)",
	       strerrorname_np(errno));
	if (w == MAP_FAILED)
		return;
	report(touch(w + 0x10000 / 4, 0) == 0 && w[0x10004 / 4] == 0xc0ffee01,
	       "... SYS_RIO0's first page is the same block", "differs or faults");
	report(touch(w + 0xc000 / 4, 0) == SIGBUS,
	       "... the gap after IO_BANK0 gives SIGBUS", "does not");
	munmap((void *)w, 0x11000);
}

/* The gpiomem-compatible node on an RP1: Raspberry Pi's /dev/gpiomem0. */
static void check_gpiomem(volatile uint32_t *w)
{
	int fd = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
	volatile uint32_t *g;

	report(fd >= 0, "gpiomem node: open read-write", strerrorname_np(errno));
	if (fd < 0)
		return;
	g = mmap(NULL, 0x40000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	report(g != MAP_FAILED, "gpiomem node: mmap 0x40000 bytes at offset 0",
	       strerrorname_np(errno));
	if (g != MAP_FAILED) {
		g[0x20010 / 4] = 0x600d0010;
		report(w[0x20010 / 4] == 0x600d0010 &&
		       g[0x10004 / 4] == w[0x10004 / 4],
		       "gpiomem node: the same three blocks as /dev/pigpio_regs",
		       "differs");
		check_gaps("gpiomem node", g, 0x40000);
		report(touch(g + 0x30000 / 4, 0) == SIGBUS &&
		       touch(g + 0x3f000 / 4, 0) == SIGBUS,
		       "gpiomem node: past the window (0x30000-0x3ffff) SIGBUS",
		       "does not");
		munmap((void *)g, 0x40000);
	}
	expect_mmap_errno("gpiomem node: BCM GPIO offset 0x200000: EINVAL", fd,
			  PAGE, PROT_READ, MAP_SHARED, 0x200000, EINVAL);
	expect_mmap_errno("gpiomem node: WiringPi's timer offset 0xb000: EINVAL",
			  fd, PAGE, PROT_READ, MAP_SHARED, 0xb000, EINVAL);
	expect_mmap_errno("gpiomem node: MAP_PRIVATE: EINVAL", fd, WINDOW,
			  PROT_READ, MAP_PRIVATE, 0, EINVAL);
	expect_mmap_errno("gpiomem node: PROT_EXEC: EPERM", fd, WINDOW,
			  PROT_READ | PROT_EXEC, MAP_SHARED, 0, EPERM);
	close(fd);
}

/* A read-only descriptor reads the window and writes nothing. */
static void check_read_only(void)
{
	int fd = open(PIGPIO_REGS_DEVICE, O_RDONLY | O_CLOEXEC);
	struct pigpio_regs_info info;
	volatile uint32_t *r;
	uint32_t v = 0;

	report(fd >= 0, "read-only open", strerrorname_np(errno));
	if (fd < 0)
		return;
	expect_mmap_errno("read-only open: mmap PROT_WRITE: EACCES", fd, WINDOW,
			  PROT_READ | PROT_WRITE, MAP_SHARED, 0, EACCES);
	r = mmap(NULL, WINDOW, PROT_READ, MAP_SHARED, fd, 0);
	report(r != MAP_FAILED && touch(r + 0x20008 / 4, 0) == 0 &&
	       r[0x20008 / 4] == 0xbadc0de5 && touch(r + 0x1c000 / 4, 0) == SIGBUS,
	       "read-only mapping: PADS_BANK0 reads, the gap SIGBUS",
	       r == MAP_FAILED ? strerrorname_np(errno) : "differs or faults");
	if (r != MAP_FAILED) {
		expect_errno("read-only mapping: mprotect add PROT_WRITE: EACCES",
			     mprotect((void *)r, WINDOW, PROT_READ | PROT_WRITE) < 0,
			     EACCES);
		munmap((void *)r, WINDOW);
	}
	expect_errno("read-only open: pwrite: EBADF",
		     raw_pwrite(fd, &v, 4, 0x10000) < 0, EBADF);
	report(ioctl(fd, PIGPIO_REGS_IOC_INFO, &info) == 0 &&
	       info.window_size == WINDOW, "read-only open: INFO works",
	       strerrorname_np(errno));
	close(fd);
}

/* The signal that ends a child calling p as code, or 0 if it returns. */
static int jump_signal(volatile uint32_t *p)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		((void (*)(void))(uintptr_t)p)();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/*
 * With READ_IMPLIES_EXEC, do_mmap() adds PROT_EXEC to PROT_READ: the
 * driver maps the window without execute instead of refusing it. In a
 * child, so that the personality reaches no other case.
 */
static void check_read_implies_exec(int rfd)
{
	static const char *const node[] = {
		PIGPIO_REGS_DEVICE, PIGPIO_REGS_GPIOMEM_DEVICE
	};
	int status = -1;
	unsigned int i;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		personality(personality(0xffffffff) | READ_IMPLIES_EXEC);
		for (i = 0; i < 2; i++) {
			int fd = open(node[i], O_RDWR | O_CLOEXEC);
			volatile uint32_t *w = fd < 0 ? MAP_FAILED :
				mmap(NULL, WINDOW, PROT_READ | PROT_WRITE,
				     MAP_SHARED, fd, 0);
			char name[128], perms[16];
			uint32_t v = 0;
			int sig;

			snprintf(name, sizeof(name),
				 "READ_IMPLIES_EXEC: %s: mmap PROT_READ|PROT_WRITE works",
				 node[i]);
			report(w != MAP_FAILED, name, strerrorname_np(errno));
			if (w == MAP_FAILED)
				continue;
			maps_perms(w, perms, sizeof(perms));
			snprintf(name, sizeof(name),
				 "READ_IMPLIES_EXEC: %s: /proc/self/maps shows rw-s, no x",
				 node[i]);
			report(!strcmp(perms, "rw-s"), name, perms);
			w[0x10008 / 4] = 0x1e0e0000 + i;
			snprintf(name, sizeof(name),
				 "READ_IMPLIES_EXEC: %s: a store to SYS_RIO0 +8 is seen by pread",
				 node[i]);
			report(raw_pread(rfd, &v, 4, 0x10008) == 4 &&
			       v == 0x1e0e0000 + i, name, "differs");
			sig = jump_signal(w);
			snprintf(name, sizeof(name),
				 "READ_IMPLIES_EXEC: %s: a child that jumps into it dies of SIGSEGV, SIGBUS or SIGILL",
				 node[i]);
			report(sig == SIGSEGV || sig == SIGBUS || sig == SIGILL,
			       name, sig > 0 ? strsignal(sig) : "no signal");
			snprintf(name, sizeof(name),
				 "READ_IMPLIES_EXEC: %s: mprotect PROT_READ|PROT_EXEC: EACCES",
				 node[i]);
			expect_errno(name, mprotect((void *)w, WINDOW,
						    PROT_READ | PROT_EXEC) < 0, EACCES);
			munmap((void *)w, WINDOW);
			close(fd);
		}
		_exit(failures != 0);
	}
	waitpid(pid, &status, 0);
	failures += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

static int contract(void)
{
	int fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
	volatile uint32_t *w;

	report(fd >= 0, "open /dev/pigpio_regs read-write", strerrorname_np(errno));
	if (fd < 0)
		return 1;
	check_info(fd);
	w = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	report(w != MAP_FAILED, "mmap the whole window (0x30000 bytes)",
	       strerrorname_np(errno));
	if (w == MAP_FAILED)
		return 1;
	report(touch(w, 0) == 0 && touch(w + (BLOCK - 4) / 4, 1) == 0 &&
	       touch(w + 0x10000 / 4, 1) == 0 &&
	       touch(w + (0x1c000 - 4) / 4, 0) == 0 &&
	       touch(w + 0x20000 / 4, 1) == 0 &&
	       touch(w + (0x2c000 - 4) / 4, 0) == 0,
	       "the three blocks load and store, first and last word",
	       "a block word faulted");
	check_gaps("/dev/pigpio_regs", w, WINDOW);
	check_transfers(fd, w);
	check_ioctls(fd);
	check_short_mapping(fd);
	check_gpiomem(w);
	check_read_only();
	check_refusals(fd, w);
	check_read_implies_exec(fd);
	munmap((void *)w, WINDOW);
	close(fd);
	return failures != 0;
}

/* The window through the driver's mapping, or through /dev/mem at phys. */
static volatile uint32_t *open_window(const char *phys, int *fdp)
{
	void *p;
	int fd;

	if (phys) {
		fd = open("/dev/mem", O_RDWR | O_SYNC | O_CLOEXEC);
		if (fd < 0) {
			report(0, "open /dev/mem", strerrorname_np(errno));
			return NULL;
		}
		p = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			 (off_t)strtoull(phys, NULL, 0));
	} else {
		fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			report(0, "open " PIGPIO_REGS_DEVICE, strerrorname_np(errno));
			return NULL;
		}
		p = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	}
	if (p == MAP_FAILED) {
		report(0, phys ? "mmap /dev/mem" : "mmap " PIGPIO_REGS_DEVICE,
		       strerrorname_np(errno));
		close(fd);
		return NULL;
	}
	*fdp = fd;
	return p;
}

static int store_or_check(const char *phys, uint32_t seed, int store)
{
	const char *via = phys ? "/dev/mem" : "the driver's mapping";
	volatile uint32_t *w;
	char name[128], why[64];
	unsigned int i;
	int fd;

	w = open_window(phys, &fd);
	if (!w)
		return 1;
	for (i = 0; i < NPROBES; i++) {
		uint32_t off = probe_offset(i), want = pattern(off, seed);

		if (store) {
			w[off / 4] = want;
			continue;
		}
		snprintf(name, sizeof(name), "%s +%#06x (window %#07x): seen through %s",
			 block_name[off / 0x10000], off % 0x10000, off, via);
		snprintf(why, sizeof(why), "want %#010x, got %#010x", want,
			 w[off / 4]);
		report(w[off / 4] == want, name, why);
	}
	if (store)
		printf("stored %u words through %s\n", (unsigned int)NPROBES, via);
	munmap((void *)w, WINDOW);
	close(fd);
	return failures != 0;
}

static int mem_peek(const char *phys, int argc, char **argv)
{
	volatile uint32_t *w;
	int fd, i;

	w = open_window(phys, &fd);
	if (!w)
		return 1;
	for (i = 0; i < argc; i++) {
		unsigned long off = strtoul(argv[i], NULL, 0);

		if (off >= WINDOW || off % 4)
			return 1;
		printf("%#lx %#x\n", off, w[off / 4]);
	}
	munmap((void *)w, WINDOW);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_fault };

	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (argc == 2 && strcmp(argv[1], "contract") == 0)
		return contract();
	if (argc == 3 && strcmp(argv[1], "map-store") == 0)
		return store_or_check(NULL, strtoul(argv[2], NULL, 0), 1);
	if (argc == 3 && strcmp(argv[1], "map-check") == 0)
		return store_or_check(NULL, strtoul(argv[2], NULL, 0), 0);
	if (argc == 4 && strcmp(argv[1], "mem-store") == 0)
		return store_or_check(argv[2], strtoul(argv[3], NULL, 0), 1);
	if (argc == 4 && strcmp(argv[1], "mem-check") == 0)
		return store_or_check(argv[2], strtoul(argv[3], NULL, 0), 0);
	if (argc >= 3 && strcmp(argv[1], "mem-peek") == 0)
		return mem_peek(argv[2], argc - 3, argv + 3);
	fprintf(stderr, "usage: rp1_map contract | map-store SEED | map-check SEED |\n"
		"       mem-store PHYS SEED | mem-check PHYS SEED | mem-peek PHYS OFF...\n");
	return 2;
}
