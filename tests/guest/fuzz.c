// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz [CALLS [SEED]]: a seeded random sequence of CALLS (default 100000)
 * file-operation calls on /dev/pigpio_regs: open with random modes, mmap
 * with random lengths, protections, flags, offsets and addresses, mprotect,
 * mremap, madvise, munmap, pread/pwrite/read/write/lseek with random
 * positions, counts and buffers, ioctls with random numbers and arguments,
 * and forks whose children go on with the inherited descriptors and
 * mappings. The seed is printed; give it back to replay the sequence.
 *
 * What it checks on every call, against the UAPI header: a mapping the
 * device grants is shared, at offset 0, at most one page and never
 * executable; a pread/pwrite that succeeds was whole registers inside the
 * block; an UPDATE or PULL that succeeds had valid arguments; every refusal
 * of the driver's own calls has one of the documented errnos. The kernel's
 * side (no WARN, no oops) is checked by the caller in dmesg.
 *
 * It only changes what it may: register writes go to scratch pins 20-26
 * (or write back what was read), so the rest of the suite is unaffected.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#include "raw_calls.h"

/* 1 TiB where size_t holds it, 1 GiB on 32-bit: a length far past the window. */
#define HUGE_LEN ((size_t)1 << (sizeof(size_t) > 4 ? 40 : 30))

#define PAGE		PIGPIO_REGS_WINDOW_SIZE
#define NFD		6
#define NMAP		6
#define GPFSEL2		0x08
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34
#define SCRATCH		(0x7fu << 20)		/* pins 20-26 */
#define SCRATCH_FSEL	((1u << 21) - 1)	/* their GPFSEL2 bits */

static uint64_t rng;
static long block_size, ngpio;
static unsigned long calls, refused, faults, forks, violations;
static int fds[NFD], fd_mode[NFD];
static struct { void *addr; size_t len; int prot; } maps[NMAP];
static uint32_t image[PAGE / 4];	/* the block as read at the start */
static char *scratch, *ro_page, *spare;
static sigjmp_buf fault_jmp;
static volatile sig_atomic_t in_access;

static uint64_t next(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static uint64_t below(uint64_t n)
{
	return n ? next() % n : 0;
}

static void violation(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void violation(const char *fmt, ...)
{
	va_list ap;

	if (violations++ < 10) {
		printf("FAIL fuzz: call %lu: ", calls);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
	}
}

/* The refusal of one of the driver's own calls must be a documented one. */
static void documented(const char *call, int err, const int *ok)
{
	for (; *ok; ok++)
		if (err == *ok)
			return;
	violation("%s refused with undocumented %s", call, strerrorname_np(err));
}

static volatile sig_atomic_t last_op;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	char msg[160];
	int n;

	(void)ctx;
	if (in_access)
		siglongjmp(fault_jmp, 1);
	/* Not a probe of a mapping: a bug here, say where and stop. */
	n = snprintf(msg, sizeof(msg),
		     "FAIL fuzz: signal %d at %p outside a mapping access, call %lu, op %d (scratch %p, ro %p, spare %p)\n",
		     sig, si->si_addr, calls, (int)last_op, (void *)scratch,
		     (void *)ro_page, (void *)spare);
	if (write(1, msg, n) < 0)
		_exit(98);
	_exit(99);
}

/* A random user address: valid, NULL, unmapped, read-only, kernel, odd. */
static void *random_buffer(size_t *len)
{
	switch (below(10)) {
	case 0: return NULL;
	case 1: return (void *)(uintptr_t)next();
	case 2: return (void *)0xffff800008000000UL;
	case 3: return ro_page;
	case 4: return scratch + PAGE - 4;	/* straddles into a hole */
	case 5: *len = 4; return scratch + 1;
	default: return scratch;
	}
}

static int random_fd(void)
{
	/* Never 0-2: a read of the console would wait for ever. */
	switch (below(12)) {
	case 0: return -1;
	case 1: return 1000;
	default: return fds[below(NFD)];
	}
}

static void do_open(void)
{
	static const int modes[] = {
		O_RDONLY, O_WRONLY, O_RDWR, O_RDWR | O_NONBLOCK, O_RDWR | O_SYNC,
		O_RDONLY | O_NOATIME, O_PATH, O_RDWR | O_TRUNC, O_RDWR | O_APPEND,
		O_RDWR | O_CREAT, O_RDWR | O_CREAT | O_EXCL, O_RDONLY | O_DIRECTORY,
		O_RDWR | O_DIRECT, O_WRONLY | O_TMPFILE, O_ACCMODE,
	};
	int i = below(NFD), mode = modes[below(sizeof(modes) / sizeof(modes[0]))];

	if (fds[i] >= 0)
		close(fds[i]);
	fds[i] = open(PIGPIO_REGS_DEVICE, mode | O_CLOEXEC, 0600);
	fd_mode[i] = mode;
	if (fds[i] < 0)
		refused++;
}

static int fd_writable(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl >= 0 && (fl & O_ACCMODE) != O_RDONLY && !(fl & O_PATH);
}

static void do_mmap(void)
{
	static const size_t lens[] = { 0, 1, 100, 4095, 4096, 4097, 8192,
				       HUGE_LEN, SIZE_MAX, SIZE_MAX - 4095 };
	static const int flagsets[] = {
		MAP_SHARED, MAP_SHARED, MAP_SHARED, MAP_PRIVATE,
		MAP_SHARED_VALIDATE, MAP_SHARED | MAP_POPULATE,
		MAP_SHARED | MAP_LOCKED, MAP_SHARED | MAP_NORESERVE,
		MAP_SHARED | MAP_FIXED, MAP_SHARED | MAP_FIXED_NOREPLACE,
		MAP_SHARED | MAP_GROWSDOWN, MAP_SHARED | MAP_HUGETLB,
		MAP_SHARED | MAP_ANONYMOUS, MAP_SHARED_VALIDATE | MAP_SYNC,
	};
	static const int ok_errnos[] = { EINVAL, EPERM, EACCES, ENOMEM, EBADF,
		EEXIST, ENODEV, EOVERFLOW, EOPNOTSUPP, EAGAIN, 0 };
	int i = below(NMAP), fd = random_fd();
	size_t len = below(3) ? lens[below(4) + 3] : lens[below(10)];
	int prot = below(8) ? (int)below(8) : (int)next();
	int flags = flagsets[below(sizeof(flagsets) / sizeof(flagsets[0]))];
	long long off = below(4) ? 0 : below(2) ? (long long)below(4) * PAGE :
			(long long)next();
	void *addr = NULL, *p;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		/* Over one of our own mappings or our scratch page only. */
		addr = maps[below(NMAP)].addr;
		if (!addr || below(4) == 0)
			addr = below(2) ? spare : (void *)(uintptr_t)(below(1 << 20) * 4096 + 1);
	}
	if (len > PAGE)
		flags &= ~(MAP_FIXED);	/* never over something unknown */
	/*
	 * Huge private or anonymous lengths fail mm's overcommit check,
	 * which logs each one: keep those to a page, the refusal is the same.
	 */
	if ((flags & MAP_ANONYMOUS) || (flags & MAP_TYPE) == MAP_PRIVATE)
		len = len > PAGE ? PAGE + 1 : len;
	p = raw_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED) {
		refused++;
		if (fd >= 0 && fd < 1000 && !(flags & MAP_ANONYMOUS) &&
		    errno != EBADF)
			documented("mmap", errno, ok_errnos);
		return;
	}
	if (flags & MAP_ANONYMOUS) {
		munmap(p, len);
		return;
	}
	if (fd > 2 && (len > PAGE || raw_mmap_offset(off) != 0 ||
		       (prot & PROT_EXEC) ||
		       ((flags & MAP_TYPE) != MAP_SHARED &&
			(flags & MAP_TYPE) != MAP_SHARED_VALIDATE)))
		violation("mmap granted len %zu off %lld prot %#x flags %#x",
			  len, off, prot, flags);
	if ((prot & PROT_WRITE) && !fd_writable(fd))
		violation("mmap PROT_WRITE granted on a read-only descriptor");
	if (maps[i].addr && maps[i].addr != p)
		munmap(maps[i].addr, maps[i].len);
	for (int j = 0; j < NMAP; j++)
		if (j != i && maps[j].addr == p)
			maps[j].addr = NULL;
	maps[i].addr = p;
	maps[i].len = len;
	maps[i].prot = prot;
}

static void do_vm(void)
{
	static const int advice[] = {
		MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
		MADV_DONTNEED, MADV_FREE, MADV_REMOVE, MADV_DONTFORK,
		MADV_DOFORK, MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE,
		MADV_NOHUGEPAGE, MADV_DONTDUMP, MADV_DODUMP, MADV_WIPEONFORK,
		MADV_KEEPONFORK, MADV_COLD, MADV_PAGEOUT, MADV_POPULATE_READ,
		MADV_POPULATE_WRITE, MADV_HWPOISON, 101 /* MADV_SOFT_OFFLINE */, 25, 1000,
	};
	int i = below(NMAP);
	void *p = maps[i].addr, *q;
	int prot;

	if (!p) {
		do_mmap();
		return;
	}
	switch (below(5)) {
	case 0:
		prot = below(8);
		if (mprotect(p, PAGE, prot) == 0) {
			maps[i].prot = prot;
			if (prot & PROT_EXEC)
				violation("mprotect PROT_EXEC granted");
		} else {
			refused++;
		}
		break;
	case 1: {
		size_t nl = below(2) ? PAGE : below(4) * PAGE;
		int fl = below(4);

		if (fl & MREMAP_FIXED)
			fl |= MREMAP_MAYMOVE;
		q = fl & MREMAP_FIXED ?
			mremap(p, PAGE, nl, fl, spare) :
			mremap(p, PAGE, nl, fl);
		if (q == MAP_FAILED) {
			refused++;
		} else {
			if (nl > PAGE)
				violation("mremap grew the mapping to %zu", nl);
			maps[i].addr = q;
		}
		break;
	}
	case 2:
		if (madvise(p, PAGE, advice[below(sizeof(advice) / sizeof(advice[0]))]))
			refused++;
		break;
	case 3:
		munmap(p, below(2) ? maps[i].len : 1);
		maps[i].addr = NULL;
		break;
	default:
		/* Through the mapping: read anything, store to scratch pins. */
		in_access = 1;
		if (sigsetjmp(fault_jmp, 1) == 0) {
			volatile uint32_t *r = p;

			(void)r[below(PAGE / 4)];
			if (below(2))
				r[(below(2) ? GPSET0 : GPCLR0) / 4] = next() & SCRATCH;
		} else {
			faults++;
		}
		in_access = 0;
		break;
	}
}

static void do_rw(void)
{
	static const int ok_errnos[] = { EINVAL, EFAULT, EBADF, 0 };
	int fd = random_fd(), kind = below(4);
	long long pos = below(3) ? (long long)below(block_size + 16) :
			below(2) ? (long long)next() : -(long long)below(16);
	size_t count = below(3) ? below(3) * 4 : below(2) ? below(16) :
		       (size_t)next();
	void *buf = random_buffer(&count);
	ssize_t n;

	if ((char *)buf >= scratch && (char *)buf < scratch + PAGE &&
	    count > PAGE)
		count = PAGE;
	if (kind == 3 && (pos < 0 || lseek(fd, pos, SEEK_SET) != pos)) {
		refused++;
		return;		/* write() only where the position is known */
	}
	/*
	 * Writes only put back what the block held at the start, at its
	 * own place: the buffer gets the image from pos on.
	 */
	if ((kind == 1 || kind == 3) && (char *)buf >= scratch &&
	    (char *)buf < scratch + PAGE && pos >= 0 && pos < block_size) {
		size_t avail = scratch + PAGE - (char *)buf;
		size_t len = count < avail ? count : avail;

		if (len > (size_t)(PAGE - pos))
			len = PAGE - pos;
		memcpy(buf, (char *)image + pos, len);
	}
	switch (kind) {
	case 0: n = raw_pread(fd, buf, count, pos); break;
	case 1: n = raw_pwrite(fd, buf, count, pos); break;
	case 2: lseek(fd, pos, below(6)); n = read(fd, buf, count); break;
	default: n = write(fd, buf, count); break;
	}
	if (n < 0) {
		refused++;
		if (fd > 2 && fd < 1000)
			documented("pread/pwrite", errno, ok_errnos);
		return;
	}
	if (n > 0 && fd > 2 && fd < 1000 && (kind == 0 || kind == 1 || kind == 3) &&
	    (pos % 4 || n % 4 || pos + n > block_size))
		violation("%s accepted pos %lld count %zu -> %zd",
			  kind == 0 ? "pread" : "pwrite", pos, count, n);
	if (n > 0 && (kind == 1 || kind == 3) && fd > 2 && fd < 1000 &&
	    !fd_writable(fd))
		violation("write granted on a read-only descriptor");
}

static void do_ioctl(void)
{
	static const int ok_errnos[] = { EINVAL, EFAULT, EBADF, ENOTTY,
					 EOPNOTSUPP, 0 };
	int fd = random_fd(), known = 0, r;
	unsigned long cmd;
	struct pigpio_regs_update u;
	struct pigpio_regs_pull pl;
	size_t len = 16;
	void *arg;

	switch (below(6)) {
	case 0: cmd = (unsigned)next(); break;
	case 1: cmd = _IOC(below(4), PIGPIO_REGS_IOC_MAGIC, below(4), below(32)); break;
	case 2: case 3: cmd = PIGPIO_REGS_IOC_UPDATE; known = 1; break;
	default: cmd = PIGPIO_REGS_IOC_PULL; known = 2; break;
	}
	/* Arguments that may succeed only change scratch pins. */
	u.offset = below(3) ? GPFSEL2 : below(2) ? below(64) * 4 : (uint32_t)next();
	u.mask = below(2) ? next() & SCRATCH_FSEL : (uint32_t)next();
	u.value = below(2) ? next() & u.mask : (uint32_t)next();
	/* An UPDATE that could succeed changes only the scratch pins. */
	if (u.offset == GPFSEL2 && !(u.value & ~u.mask)) {
		u.mask &= SCRATCH_FSEL;
		u.value &= u.mask;
	} else if (!(u.value & ~u.mask)) {
		u.mask = u.value = 0;
	}
	u.old = 0;
	pl.bank = below(4);
	pl.pud = below(5);
	pl.mask = below(2) ? next() & SCRATCH : (uint32_t)next();
	if (pl.bank <= 1 && pl.pud <= 2 && pl.bank == 0 && (pl.mask & ~SCRATCH))
		pl.mask &= SCRATCH;
	if (pl.bank == 1 && pl.pud <= 2 && !(pl.mask & ~0x3fffffu))
		pl.mask = 0;
	arg = known == 2 ? (void *)&pl : (void *)&u;
	if (below(4) == 0)
		arg = random_buffer(&len);
	if (arg == scratch)
		memset(scratch, 0, 16);
	if (cmd == PIGPIO_REGS_IOC_UPDATE && arg == scratch + 1)
		arg = &u;
	/*
	 * Random numbers carry the device's type: other types reach the
	 * VFS's own ioctls first (FIFREEZE and friends), not the driver.
	 */
	cmd = (cmd & ~0xff00UL) | (PIGPIO_REGS_IOC_MAGIC << 8);
	if (cmd == PIGPIO_REGS_IOC_UPDATE)
		known = 1;
	if (cmd == PIGPIO_REGS_IOC_PULL)
		known = 2;
	r = ioctl(fd, cmd, arg);
	if (r < 0) {
		refused++;
		if (fd > 2 && fd < 1000)
			documented("ioctl", errno, ok_errnos);
		if (fd > 2 && fd < 1000 && !known && errno != ENOTTY &&
		    errno != EBADF)
			violation("unknown ioctl %#lx: %s, want ENOTTY", cmd,
				  strerrorname_np(errno));
		return;
	}
	if (!known)
		violation("unknown ioctl %#lx succeeded", cmd);
	if (known && !fd_writable(fd))
		violation("ioctl %#lx succeeded on a read-only descriptor", cmd);
	if (known == 1 && arg == &u &&
	    (u.offset % 4 || (u.value & ~u.mask) ||
	     (u.offset > 0x14 && (u.offset < 0x4c || u.offset > 0x8c ||
				  (u.offset - 0x4c) % 12 >= 8) &&
	      !(ngpio == 58 && u.offset >= 0xe4 && u.offset <= 0xf0))))
		violation("UPDATE accepted offset %#x mask %#x value %#x",
			  u.offset, u.mask, u.value);
	if (known == 2 && arg == &pl &&
	    (pl.bank > 1 || pl.pud > 2 ||
	     (pl.bank == 1 && (pl.mask & ~0x3fffffu))))
		violation("PULL accepted bank %u mask %#x pud %u", pl.bank,
			  pl.mask, pl.pud);
}

static void one_call(void);

static void do_fork(void)
{
	pid_t pid = fork();
	int status, i;

	forks++;
	if (pid == 0) {
		unsigned long v = violations;

		rng ^= (uint64_t)getpid() << 17;
		for (i = 0; i < 200; i++)
			one_call();
		_exit(violations != v ? 1 : 0);
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid &&
	    !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		violation("forked child ended with status %#x", status);
}

static void one_call(void)
{
	unsigned op = below(100);

	calls++;
	last_op = op;
	if (op < 8)
		do_open();
	else if (op < 10) {
		int i = below(NFD);

		if (fds[i] >= 0)
			close(fds[i]);
		fds[i] = -1;
	} else if (op < 28)
		do_mmap();
	else if (op < 48)
		do_vm();
	else if (op < 74)
		do_rw();
	else
		do_ioctl();
}

int main(int argc, char **argv)
{
	unsigned long total = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0;
	struct sigaction sa;
	int fd, i;
	char path[128];
	FILE *f;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!seed) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		seed = (uint64_t)ts.tv_sec * 1000003u ^ (uint64_t)ts.tv_nsec ^
		       (uint64_t)getpid() << 32;
	}
	rng = seed ? seed : 1;
	printf("SAY fuzz: seed %#" PRIx64 " (replay: fuzz %lu %#" PRIx64 ")\n",
	       seed, total, seed);

	snprintf(path, sizeof(path), "%s/%s", PIGPIO_REGS_SYSFS_DIR,
		 PIGPIO_REGS_ATTR_BLOCK_SIZE);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%ld", &block_size) != 1)
		return 2;
	fclose(f);
	snprintf(path, sizeof(path), "%s/%s", PIGPIO_REGS_SYSFS_DIR,
		 PIGPIO_REGS_ATTR_NGPIO);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%ld", &ngpio) != 1)
		return 2;
	fclose(f);
	fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
	if (fd < 0 || pread(fd, image, block_size, 0) != block_size) {
		printf("FAIL fuzz: cannot read the block: %s\n", strerror(errno));
		return 1;
	}
	/* Write-only registers read back as what they are: keep them 0. */
	image[GPSET0 / 4] = image[GPSET0 / 4 + 1] = 0;
	image[GPCLR0 / 4] = image[GPCLR0 / 4 + 1] = 0;

	scratch = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro_page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch == MAP_FAILED || ro_page == MAP_FAILED)
		return 2;
	/* A guard page, not a hole: nothing else can be mapped there. */
	mprotect(scratch + PAGE, PAGE, PROT_NONE);
	/*
	 * The target of MAP_FIXED and MREMAP_FIXED: mremap unmaps the whole
	 * destination range (up to 3 pages here) before it refuses to grow,
	 * so the spare region is larger than that and used for nothing else.
	 */
	spare = mmap(NULL, 8 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		     -1, 0);
	if (spare == MAP_FAILED)
		return 2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < NFD; i++)
		fds[i] = -1;

	while (calls < total) {
		if (below(1000) == 0)
			do_fork();
		one_call();
	}
	/* Leave the scratch pins as inputs, as they were found. */
	{
		struct pigpio_regs_update u = { GPFSEL2, SCRATCH_FSEL,
						image[GPFSEL2 / 4] & SCRATCH_FSEL, 0 };

		ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u);
	}
	printf("SAY fuzz: %lu calls (%lu refused), %lu forks, %lu faults in the mapping caught, %lu contract violations\n",
	       calls, refused, forks, faults, violations);
	if (violations)
		printf("FAIL fuzz: %lu contract violations (seed %#" PRIx64 ")\n",
		       violations, seed);
	else
		printf("PASS fuzz: %lu calls, every grant and refusal as documented\n",
		       calls);
	return violations ? 1 : 0;
}
