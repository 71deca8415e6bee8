// SPDX-License-Identifier: GPL-2.0-only
/*
 * The chip object (user/lib/chip.c, gpio.c) against a simulated device: a
 * regular 4096-byte file stands in for /dev/pigpio_regs (mmap of a regular
 * file is MAP_SHARED with its page cache, so pread sees mapped stores),
 * and a directory of attribute files stands in for sysfs.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "internal.h"	/* the test-only device-call hook */
#include "pigpioregs.h"

#define WINDOW 4096
#define NOBODY 65534

struct fixture {
	char dir[64];		/* mkdtemp() */
	char dev[96];		/* dir/dev: the register file */
	char sys[96];		/* dir/sys: the attributes */
};

static struct fixture fx;

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
}

static void set_attr(const char *name, const char *text)
{
	write_file(fx.sys, name, text);
}

static void remove_attr(const char *name)
{
	char path[160];

	snprintf(path, sizeof(path), "%s/%s", fx.sys, name);
	unlink(path);
}

/* A bcm2837 as the driver describes it; tests then break one thing. */
static void setup(void)
{
	static const char zero[WINDOW];
	int fd;

	snprintf(fx.dir, sizeof(fx.dir), "%s/pgr-chip-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(fx.dir)) {
		perror("mkdtemp");
		exit(99);
	}
	chmod(fx.dir, 0755);	/* for the unprivileged child of the EACCES test */
	snprintf(fx.dev, sizeof(fx.dev), "%s/dev", fx.dir);
	snprintf(fx.sys, sizeof(fx.sys), "%s/sys", fx.dir);
	fd = open(fx.dev, O_RDWR | O_CREAT | O_EXCL, 0666);
	if (fd < 0 || write(fd, zero, sizeof(zero)) != WINDOW || close(fd)) {
		perror(fx.dev);
		exit(99);
	}
	chmod(fx.dev, 0666);
	if (mkdir(fx.sys, 0755)) {
		perror(fx.sys);
		exit(99);
	}
	set_attr("soc", "bcm2837\n");
	set_attr("phys_base", "0x3f200000\n");
	set_attr("bus_base", "0x7e200000\n");
	set_attr("block_size", "180\n");
	set_attr("window_size", "4096\n");
	set_attr("ngpio", "54\n");
	set_attr("source", "devicetree\n");
}

static void teardown(void)
{
	static const char *const attrs[] = {
		"soc", "phys_base", "bus_base", "block_size", "window_size",
		"ngpio", "source",
	};
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		remove_attr(attrs[i]);
	rmdir(fx.sys);
	unlink(fx.dev);
	rmdir(fx.dir);
}

static uint32_t file_word(unsigned offset)
{
	uint32_t v = 0xdeadbeef;
	int fd = open(fx.dev, O_RDONLY);

	if (fd < 0 || pread(fd, &v, 4, offset) != 4)
		v = 0xdeadbeef;
	if (fd >= 0)
		close(fd);
	return v;
}

static void set_file_word(unsigned offset, uint32_t v)
{
	int fd = open(fx.dev, O_WRONLY);

	if (fd < 0 || pwrite(fd, &v, 4, offset) != 4) {
		perror(fx.dev);
		exit(99);
	}
	close(fd);
}

/* The byte offset of the first nonzero word at or after from, or -1. */
static int nonzero_word(unsigned from)
{
	unsigned off;

	for (off = from; off < WINDOW; off += 4)
		if (file_word(off) != 0)
			return (int)off;
	return -1;
}

/* A descriptor number probe: the lowest free descriptor. */
static int lowest_free_fd(void)
{
	int fd = open("/dev/null", O_RDONLY);

	if (fd >= 0)
		close(fd);
	return fd;
}

static void test_open_bcm2837(void)
{
	struct pgr_chip *chip = (struct pgr_chip *)&fx;	/* must be replaced */

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT(chip, "no chip");
	EXPECT_STR(pgr_chip_soc_name(chip), "bcm2837");
	EXPECT_INT(pgr_chip_pin_count(chip), 54);
	EXPECT_HEX(pgr_chip_phys_base(chip), 0x3f200000);
	EXPECT_HEX(pgr_chip_bus_base(chip), 0x7e200000);
	EXPECT_INT(pgr_chip_block_size(chip), 180);
	EXPECT_INT(pgr_chip_window_size(chip), 4096);
	EXPECT(pgr_chip_mapping(chip) != NULL, "no mapping");
	EXPECT(pgr_chip_fd(chip) >= 0, "fd %d", pgr_chip_fd(chip));
	pgr_chip_close(chip);
}

static void test_open_bcm2711(void)
{
	struct pgr_chip *chip = NULL;

	set_attr("soc", "bcm2711\n");
	set_attr("phys_base", "0xfe200000\n");
	set_attr("bus_base", "0x7e200000\n");
	set_attr("block_size", "244\n");
	set_attr("ngpio", "58\n");
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_STR(pgr_chip_soc_name(chip), "bcm2711");
	EXPECT_INT(pgr_chip_pin_count(chip), 58);
	EXPECT_HEX(pgr_chip_phys_base(chip), 0xfe200000);
	EXPECT_INT(pgr_chip_block_size(chip), 244);
	pgr_chip_close(chip);
}

static void test_open_without_newlines(void)
{
	struct pgr_chip *chip = NULL;

	set_attr("soc", "bcm2837");
	set_attr("ngpio", "54");
	set_attr("phys_base", "0x3F200000");
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_HEX(pgr_chip_phys_base(chip), 0x3f200000);
	pgr_chip_close(chip);
}

static void expect_open_fails(int expected)
{
	struct pgr_chip *chip = (struct pgr_chip *)&fx;	/* must become NULL */
	int ret = pgr_chip_open(&chip, fx.dev, fx.sys);

	if (ret == 0)
		pgr_chip_close(chip);
	EXPECT_INT(ret, expected);
	EXPECT(chip == NULL, "chip not NULL after failure");
}

/* One bad (or, with value NULL, missing) attribute: pgr_chip_open() fails. */
static void bad_attr(const char *label, const char *name, const char *value,
		     int expected)
{
	setup();
	if (value)
		set_attr(name, value);
	else
		remove_attr(name);
	check_begin("chip/attr/%s/%s", name, label);
	expect_open_fails(expected);
	check_end();
	teardown();
}

/* pgr_chip_close() unmaps: the window's address is no longer mapped. */
static void test_close_unmaps(void)
{
	struct pgr_chip *chip = NULL;
	void *addr;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	addr = (void *)pgr_chip_mapping(chip);
	EXPECT_INT(msync(addr, WINDOW, MS_ASYNC), 0);
	pgr_chip_close(chip);
	errno = 0;
	EXPECT_INT(msync(addr, WINDOW, MS_ASYNC), -1);
	EXPECT_INT(errno, ENOMEM);
}

static void test_open_missing_paths(void)
{
	struct pgr_chip *chip = NULL;
	char path[160];

	snprintf(path, sizeof(path), "%s/absent", fx.dir);
	EXPECT_INT(pgr_chip_open(&chip, path, fx.sys), -ENOENT);
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, path), -ENOENT);
	/* the attribute directory is a file */
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.dev), -ENOTDIR);
	/* the device is a directory: O_RDWR on it */
	EXPECT_INT(pgr_chip_open(&chip, fx.sys, fx.sys), -EISDIR);
	EXPECT_INT(pgr_chip_open(NULL, fx.dev, fx.sys), -EINVAL);
	EXPECT(chip == NULL, "chip set");
}

static void test_no_fd_leak(void)
{
	struct pgr_chip *chip = NULL;
	int before = lowest_free_fd();

	set_attr("soc", "bcm2712\n");
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), -EPROTO);
	set_attr("soc", "bcm2837\n");
	remove_attr("ngpio");
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), -ENOENT);
	set_attr("ngpio", "54\n");
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	pgr_chip_close(chip);
	EXPECT_INT(lowest_free_fd(), before);
}

static void test_default_paths(void)
{
	struct pgr_chip *chip = NULL;

	/* Only meaningful where the driver is absent (run.sh checks). */
	EXPECT_INT(pgr_chip_open(&chip, NULL, NULL), -ENOENT);
	EXPECT(chip == NULL, "chip set");
}

/* pgr_chip_open() as user nobody in a child; its exit status is 0 on -EACCES. */
static void test_eacces(void)
{
	struct pgr_chip *chip = NULL;
	int status, ret;
	pid_t pid;

	chmod(fx.dev, 0000);
	if (geteuid() != 0) {
		EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), -EACCES);
		return;
	}
	/* root would bypass the mode: drop to nobody first */
	pid = fork();
	EXPECT(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		if (setgid(NOBODY) || setuid(NOBODY))
			_exit(98);
		ret = pgr_chip_open(&chip, fx.dev, fx.sys);
		_exit(ret == -EACCES ? 0 : ret == 0 ? 97 : 96);
	}
	EXPECT(waitpid(pid, &status, 0) == pid, "waitpid");
	EXPECT(WIFEXITED(status), "child died");
	EXPECT(WEXITSTATUS(status) != 98, "could not become uid %d", NOBODY);
	EXPECT(WEXITSTATUS(status) != 97, "opened a mode-000 node as nobody");
	EXPECT_INT(WEXITSTATUS(status), 0);
}

static void test_peek_agrees(void)
{
	struct pgr_chip *chip = NULL;
	uint32_t mapped, syscall;
	unsigned off;

	for (off = 0; off < WINDOW; off += 4)
		set_file_word(off, 0xc0de0000u | off);
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	for (off = 0; off < 180; off += 4) {
		mapped = syscall = 0;
		EXPECT(pgr_chip_peek(chip, off, &mapped) == 0, "peek 0x%03x", off);
		EXPECT(pgr_chip_peek_syscall(chip, off, &syscall) == 0,
		       "peek_syscall 0x%03x", off);
		EXPECT(mapped == (0xc0de0000u | off),
		       "peek 0x%03x = 0x%08x", off, mapped);
		EXPECT(syscall == mapped, "peek_syscall 0x%03x = 0x%08x, peek 0x%08x",
		       off, syscall, mapped);
	}
	pgr_chip_close(chip);
}

static void test_peek_rejects(void)
{
	static const unsigned bad[] = { 2, 3, 0x1e, 180, 184, 4096, UINT_MAX };
	struct pgr_chip *chip = NULL;
	uint32_t out = 0x5a5a5a5a;
	size_t i;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_INT(pgr_chip_peek(chip, bad[i], &out), -EINVAL);
		EXPECT_INT(pgr_chip_peek_syscall(chip, bad[i], &out), -EINVAL);
	}
	EXPECT_HEX(out, 0x5a5a5a5a);
	EXPECT_INT(pgr_chip_peek(chip, 176, &out), 0);
	pgr_chip_close(chip);
}

/* Stores through the mapping land in the file: exactly these words. */
static void test_stores_reach_file(void)
{
	struct pgr_chip *chip = NULL;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	EXPECT_INT(pgr_pin_write(chip, 17, 1), 0);
	EXPECT_INT(pgr_pin_write(chip, 53, 0), 0);
	EXPECT_INT(pgr_bank_set(chip, 1, 0x003fffff), 0);
	pgr_chip_close(chip);

	EXPECT_HEX(file_word(0x04), 0x00200000);	/* GPFSEL1: pin 17 001 */
	EXPECT_HEX(file_word(0x1c), 0x00020000);	/* GPSET0: pin 17 */
	EXPECT_HEX(file_word(0x20), 0x003fffff);	/* GPSET1: bank 1 */
	EXPECT_HEX(file_word(0x2c), 0x00200000);	/* GPCLR1: pin 53 */
	EXPECT_INT(nonzero_word(0x00), 0x04);
	EXPECT_INT(nonzero_word(0x08), 0x1c);
	EXPECT_INT(nonzero_word(0x24), 0x2c);
	EXPECT_INT(nonzero_word(0x30), -1);
}

static void test_rejects_leave_file(void)
{
	struct pgr_chip *chip = NULL;
	enum pgr_function f = PGR_FUNC_ALT3;
	uint32_t out;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_set_function(chip, 54, PGR_FUNC_OUTPUT), -EINVAL);
	EXPECT_INT(pgr_pin_set_function(chip, 17, (enum pgr_function)8), -EINVAL);
	EXPECT_INT(pgr_pin_write(chip, 54, 1), -EINVAL);
	EXPECT_INT(pgr_pin_write(chip, 17, 2), -EINVAL);
	EXPECT_INT(pgr_pin_read(chip, 54), -EINVAL);
	EXPECT_INT(pgr_pin_get_function(chip, 54, &f), -EINVAL);
	EXPECT_INT(f, PGR_FUNC_ALT3);
	EXPECT_INT(pgr_bank_set(chip, 1, 0x00400000), -EINVAL);
	EXPECT_INT(pgr_bank_clear(chip, 2, 1), -EINVAL);
	EXPECT_INT(pgr_bank_read(chip, 2, &out), -EINVAL);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), -1);
}

/* Loads through the mapping see what is in the file. */
static void test_loads_see_file(void)
{
	struct pgr_chip *chip = NULL;
	enum pgr_function f = PGR_FUNC_INPUT;
	uint32_t bank = 0;

	set_file_word(0x34, 0x00020000);	/* GPLEV0: pin 17 high */
	set_file_word(0x38, 0xffffffff);	/* GPLEV1 */
	set_file_word(0x10, 0x00000004);	/* GPFSEL4: pin 40 alt0 */
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_read(chip, 17), 1);
	EXPECT_INT(pgr_pin_read(chip, 16), 0);
	EXPECT_INT(pgr_pin_get_function(chip, 40, &f), 0);
	EXPECT_INT(f, PGR_FUNC_ALT0);
	EXPECT_INT(pgr_bank_read(chip, 1, &bank), 0);
	EXPECT_HEX(bank, 0x003fffff);
	/* a store by someone else shows up at once (MAP_SHARED) */
	set_file_word(0x34, 0x00010000);
	EXPECT_INT(pgr_pin_read(chip, 17), 0);
	EXPECT_INT(pgr_pin_read(chip, 16), 1);
	pgr_chip_close(chip);
}

static void test_function_names(void)
{
	/* the enum is the datasheet's 3-bit code */
	EXPECT_INT(PGR_FUNC_INPUT, 0x0);
	EXPECT_INT(PGR_FUNC_OUTPUT, 0x1);
	EXPECT_INT(PGR_FUNC_ALT0, 0x4);
	EXPECT_INT(PGR_FUNC_ALT1, 0x5);
	EXPECT_INT(PGR_FUNC_ALT2, 0x6);
	EXPECT_INT(PGR_FUNC_ALT3, 0x7);
	EXPECT_INT(PGR_FUNC_ALT4, 0x3);
	EXPECT_INT(PGR_FUNC_ALT5, 0x2);
	EXPECT_STR(pgr_function_name((enum pgr_function)0), "input");
	EXPECT_STR(pgr_function_name((enum pgr_function)1), "output");
	EXPECT_STR(pgr_function_name((enum pgr_function)2), "alt5");
	EXPECT_STR(pgr_function_name((enum pgr_function)3), "alt4");
	EXPECT_STR(pgr_function_name((enum pgr_function)4), "alt0");
	EXPECT_STR(pgr_function_name((enum pgr_function)5), "alt1");
	EXPECT_STR(pgr_function_name((enum pgr_function)6), "alt2");
	EXPECT_STR(pgr_function_name((enum pgr_function)7), "alt3");
	EXPECT(pgr_function_name((enum pgr_function)8) == NULL, "8 has a name");
}

/* Entries of /proc/self/fd (the count includes opendir()'s own). */
static int open_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	struct dirent *d;
	int n = 0;

	if (!dir)
		return -1;
	while ((d = readdir(dir)))
		n += d->d_name[0] != '.';
	closedir(dir);
	return n;
}

/* Lines of /proc/self/maps that map path. */
static int mappings_of(const char *path)
{
	char line[512];
	FILE *maps = fopen("/proc/self/maps", "r");
	size_t len = strlen(path);
	int n = 0;

	if (!maps)
		return -1;
	while (fgets(line, sizeof(line), maps)) {
		line[strcspn(line, "\n")] = '\0';
		if (strlen(line) >= len && !strcmp(line + strlen(line) - len, path))
			n++;
	}
	fclose(maps);
	return n;
}

/*
 * pgr_chip_close(NULL) is allowed and does nothing; pgr_chip_close(chip)
 * gives back all that pgr_chip_open() took: the descriptor and the mapping.
 */
static void test_close_releases(void)
{
	struct pgr_chip *chip = NULL;
	int fds = open_fds(), fd;

	EXPECT(fds > 0, "/proc/self/fd: %s", strerror(errno));
	EXPECT_INT(mappings_of(fx.dev), 0);
	pgr_chip_close(NULL);
	EXPECT_INT(open_fds(), fds);
	EXPECT_INT(mappings_of(fx.dev), 0);

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	fd = pgr_chip_fd(chip);
	EXPECT_INT(open_fds(), fds + 1);
	EXPECT_INT(mappings_of(fx.dev), 1);
	EXPECT(fcntl(fd, F_GETFD) == FD_CLOEXEC, "fd %d not open O_CLOEXEC", fd);
	pgr_chip_close(chip);
	EXPECT_INT(open_fds(), fds);
	EXPECT_INT(mappings_of(fx.dev), 0);
	errno = 0;
	EXPECT_INT(fcntl(fd, F_GETFD), -1);
	EXPECT_INT(errno, EBADF);
}

static void test_two_chips(void)
{
	struct pgr_chip *a = NULL, *b = NULL;

	EXPECT_INT(pgr_chip_open(&a, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_chip_open(&b, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_write(a, 5, 1), 0);
	EXPECT_INT(pgr_chip_peek(b, 0x1c, &(uint32_t){0}), 0);
	EXPECT(pgr_chip_mapping(a) != pgr_chip_mapping(b), "same mapping twice");
	pgr_chip_close(a);
	pgr_chip_close(b);
	EXPECT_HEX(file_word(0x1c), 0x00000020);
}

#define RUN_FIXTURE(name, fn)		\
	do {				\
		setup();		\
		CHECK_RUN(name, fn);	\
		teardown();		\
	} while (0)

/* --- configuration: the driver path (a fake driver) and the fallback --- */

#define MAX_CALLS 8

/* What the fake driver was asked, and what it answers. */
struct fake_driver {
	unsigned calls;
	unsigned long request[MAX_CALLS];
	struct pigpio_regs_update update[MAX_CALLS];
	struct pigpio_regs_pull pull[MAX_CALLS];
	int answer;		/* for calls after the probe */
	bool pull_enotty;	/* knows UPDATE, not PULL */
};

/*
 * Like the driver: refuses the probes (an UPDATE of GPSET0, a PULL with
 * GPPUD code 3) with EINVAL, or (pull_enotty) does not know PULL at all;
 * records every other call and applies nothing (so any change in the file
 * would be a store through the mapping, which the driver path must not
 * make).
 */
static int fake_devcall(struct pgr_chip *chip, unsigned long request,
			void *arg)
{
	struct fake_driver *fake = chip->devcall_data;
	struct pigpio_regs_update *u = arg;

	if (request == PIGPIO_REGS_IOC_UPDATE && u->offset == 0x1c)
		return -EINVAL;
	if (request == PIGPIO_REGS_IOC_PULL && fake->pull_enotty)
		return -ENOTTY;
	if (request == PIGPIO_REGS_IOC_PULL &&
	    ((struct pigpio_regs_pull *)arg)->pud > 2)
		return -EINVAL;
	if (fake->calls < MAX_CALLS) {
		fake->request[fake->calls] = request;
		if (request == PIGPIO_REGS_IOC_UPDATE)
			fake->update[fake->calls] = *u;
		else
			fake->pull[fake->calls] = *(struct pigpio_regs_pull *)arg;
	}
	fake->calls++;
	return fake->answer;
}

static struct fake_driver fake;

static struct pgr_chip *open_with_fake_pull(bool pull_enotty)
{
	struct pgr_chip *chip = NULL;

	memset(&fake, 0, sizeof(fake));
	fake.pull_enotty = pull_enotty;
	if (pgr_chip_open(&chip, fx.dev, fx.sys) != 0)
		return NULL;
	pgr_chip_set_devcall(chip, fake_devcall, &fake);
	return chip;
}

static struct pgr_chip *open_with_fake(void)
{
	return open_with_fake_pull(false);
}

#define EXPECT_UPDATE(i, off, m, v)					\
	do {								\
		EXPECT(fake.calls > (i), "only %u calls", fake.calls);	\
		EXPECT_HEX(fake.request[i], PIGPIO_REGS_IOC_UPDATE);	\
		EXPECT_HEX(fake.update[i].offset, off);			\
		EXPECT_HEX(fake.update[i].mask, m);			\
		EXPECT_HEX(fake.update[i].value, v);			\
	} while (0)

#define EXPECT_PULL(i, b, m, p)						\
	do {								\
		EXPECT(fake.calls > (i), "only %u calls", fake.calls);	\
		EXPECT_HEX(fake.request[i], PIGPIO_REGS_IOC_PULL);	\
		EXPECT_INT(fake.pull[i].bank, b);			\
		EXPECT_HEX(fake.pull[i].mask, m);			\
		EXPECT_INT(fake.pull[i].pud, p);			\
	} while (0)

static void test_config_path_file_is_mapping(void)
{
	struct pgr_chip *chip = NULL;

	/* A regular file answers the probe ioctl with ENOTTY. */
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_MAPPING);
	pgr_chip_close(chip);
}

static void test_driver_path_bcm2837(void)
{
	struct pgr_chip *chip = open_with_fake();

	EXPECT(chip, "open");
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_DRIVER);
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	EXPECT_UPDATE(0, 0x04, 0x00e00000, 0x00200000);
	EXPECT_INT(pgr_pin_set_function(chip, 14, PGR_FUNC_ALT5), 0);
	EXPECT_UPDATE(1, 0x04, 0x00007000, 0x00002000);
	/* GPPUD encoding: 01 down, 10 up */
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_PULL(2, 0, 0x00020000, 2);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_DOWN), 0);
	EXPECT_PULL(3, 0, 0x00020000, 1);
	EXPECT_INT(pgr_pin_set_pull(chip, 53, PGR_PULL_NONE), 0);
	EXPECT_PULL(4, 1, 0x00200000, 0);
	/* Enabling a detector is refused unless forced, before any request. */
	EXPECT_INT(pgr_pin_set_event(chip, 17, PGR_EVENT_RISING, 1), -EPERM);
	EXPECT_INT(fake.calls, 5);
	EXPECT_INT(pgr_pin_force_event(chip, 17, PGR_EVENT_RISING, 1), 0);
	EXPECT_UPDATE(5, 0x4c, 0x00020000, 0x00020000);
	/* Disabling needs no force. */
	EXPECT_INT(pgr_pin_set_event(chip, 40, PGR_EVENT_ASYNC_FALLING, 0), 0);
	EXPECT_UPDATE(6, 0x8c, 0x00000100, 0x00000000);
	EXPECT_INT(fake.calls, 7);
	/* bad arguments never reach the driver */
	EXPECT_INT(pgr_pin_set_function(chip, 54, PGR_FUNC_OUTPUT), -EINVAL);
	EXPECT_INT(pgr_pin_set_pull(chip, 54, PGR_PULL_UP), -EINVAL);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UNKNOWN), -EINVAL);
	EXPECT_INT(pgr_pin_set_event(chip, 17, (enum pgr_event)6, 1), -EINVAL);
	EXPECT_INT(pgr_pin_set_event(chip, 17, PGR_EVENT_LOW, 2), -EINVAL);
	EXPECT_INT(pgr_pin_force_event(chip, 54, PGR_EVENT_LOW, 1), -EINVAL);
	EXPECT_INT(fake.calls, 7);
	pgr_chip_close(chip);
	/* the driver made every change: nothing went through the mapping */
	EXPECT_INT(nonzero_word(0), -1);
}

static void use_bcm2711(void)
{
	set_attr("soc", "bcm2711\n");
	set_attr("phys_base", "0xfe200000\n");
	set_attr("block_size", "244\n");
	set_attr("ngpio", "58\n");
}

static void test_driver_path_bcm2711(void)
{
	struct pgr_chip *chip;

	use_bcm2711();
	chip = open_with_fake();
	EXPECT(chip, "open");
	/* BCM2711 encoding: 01 up, 10 down, through UPDATE of 0xe4-0xf0 */
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_UPDATE(0, 0xe8, 0x0000000c, 0x00000004);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_DOWN), 0);
	EXPECT_UPDATE(1, 0xe8, 0x0000000c, 0x00000008);
	EXPECT_INT(pgr_pin_set_pull(chip, 57, PGR_PULL_NONE), 0);
	EXPECT_UPDATE(2, 0xf0, 0x000c0000, 0x00000000);
	EXPECT_INT(pgr_pin_set_pull(chip, 0, PGR_PULL_UP), 0);
	EXPECT_UPDATE(3, 0xe4, 0x00000003, 0x00000001);
	EXPECT_INT(fake.calls, 4);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), -1);
}

static void test_driver_errors_propagate(void)
{
	struct pgr_chip *chip = open_with_fake();

	EXPECT(chip, "open");
	fake.answer = -EPERM;
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), -EPERM);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), -EPERM);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_DRIVER);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), -1);
}

/* A device that stops knowing the ioctl: the change still happens. */
static void test_enotty_falls_back(void)
{
	struct pgr_chip *chip = open_with_fake();

	EXPECT(chip, "open");
	fake.answer = -ENOTTY;
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	/* Decided at open and never written after: threads read it freely. */
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_DRIVER);
	EXPECT_INT(pgr_pin_force_event(chip, 17, PGR_EVENT_FALLING, 1), 0);
	/* The GPPUD sequence too: this one through the mapping, path kept. */
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_DRIVER);
	fake.answer = 0;
	EXPECT_INT(pgr_pin_set_pull(chip, 18, PGR_PULL_DOWN), 0);
	EXPECT_PULL(3, 0, 0x00040000, 1);
	EXPECT_INT(fake.calls, 4);	/* each change asks, the first three fall back */
	pgr_chip_close(chip);
	EXPECT_HEX(file_word(0x04), 0x00200000);
	EXPECT_HEX(file_word(0x58), 0x00020000);
	EXPECT_INT(nonzero_word(0x08), 0x58);
	EXPECT_INT(nonzero_word(0x5c), -1);
}

/*
 * A device that takes UPDATE but not PULL: one path for every change,
 * decided at open (the mapping), so no change is asked of the device and
 * the path is never switched while threads may be reading it.
 */
static void test_pull_enotty_decided_at_open(void)
{
	struct pgr_chip *chip = open_with_fake_pull(true);

	EXPECT(chip, "open");
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_MAPPING);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_MAPPING);
	EXPECT_INT(fake.calls, 0);
	pgr_chip_close(chip);
	EXPECT_HEX(file_word(0x04), 0x00200000);
	/* GPPUD and GPPUDCLK0 back at 0 after the sequence */
	EXPECT_INT(nonzero_word(0x08), -1);
}

/* The fallback through the mapping: exact words, neighbours kept. */
static void test_fallback_effects(void)
{
	struct pgr_chip *chip = NULL;

	set_file_word(0x04, 0xffffffff);
	set_file_word(0x4c, 0x00010000);
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_INPUT), 0);
	EXPECT_INT(pgr_pin_set_event(chip, 17, PGR_EVENT_RISING, 1), -EPERM);
	EXPECT_INT(file_word(0x4c), 0x00010000);
	EXPECT_INT(pgr_pin_force_event(chip, 17, PGR_EVENT_RISING, 1), 0);
	EXPECT_INT(pgr_pin_set_event(chip, 16, PGR_EVENT_RISING, 0), 0);
	/* GPPUD sequence: ends with GPPUD and GPPUDCLK0 back at 0 */
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	pgr_chip_close(chip);
	EXPECT_HEX(file_word(0x04), 0xff1fffff);
	EXPECT_HEX(file_word(0x4c), 0x00020000);
	EXPECT_INT(nonzero_word(0x08), 0x4c);
	EXPECT_INT(nonzero_word(0x50), -1);
}

static void test_fallback_bcm2711_pull(void)
{
	struct pgr_chip *chip = NULL;
	enum pgr_pull pull = PGR_PULL_UNKNOWN;

	use_bcm2711();
	set_file_word(0xe8, 0xffffffff);
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_chip_pull_readable(chip), 1);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_HEX(file_word(0xe8), 0xfffffff7);	/* pin 17: 01 */
	EXPECT_INT(pgr_pin_get_pull(chip, 17, &pull), 0);
	EXPECT_INT(pull, PGR_PULL_UP);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_DOWN), 0);
	EXPECT_HEX(file_word(0xe8), 0xfffffffb);	/* pin 17: 10 */
	EXPECT_INT(pgr_pin_get_pull(chip, 17, &pull), 0);
	EXPECT_INT(pull, PGR_PULL_DOWN);
	EXPECT_INT(pgr_pin_get_pull(chip, 18, &pull), 0);
	EXPECT_INT(pull, PGR_PULL_UNKNOWN);		/* 11 is reserved */
	EXPECT_INT(pgr_pin_set_pull(chip, 18, PGR_PULL_NONE), 0);
	EXPECT_INT(pgr_pin_get_pull(chip, 18, &pull), 0);
	EXPECT_INT(pull, PGR_PULL_NONE);
	EXPECT_HEX(file_word(0xe8), 0xffffffcb);
	EXPECT_INT(pgr_pin_get_pull(chip, 58, &pull), -EINVAL);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), 0xe8);
	EXPECT_INT(nonzero_word(0xec), -1);
}

static void test_gppud_pull_unknown(void)
{
	struct pgr_chip *chip = NULL;
	enum pgr_pull pull = PGR_PULL_UP;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_chip_pull_readable(chip), 0);
	EXPECT_INT(pgr_pin_get_pull(chip, 17, &pull), 0);
	EXPECT_INT(pull, PGR_PULL_UNKNOWN);
	EXPECT_STR(pgr_pull_name(pull), "unknown");
	EXPECT_STR(pgr_pull_name(PGR_PULL_UP), "up");
	EXPECT_STR(pgr_pull_name(PGR_PULL_DOWN), "down");
	EXPECT_STR(pgr_pull_name(PGR_PULL_NONE), "none");
	pgr_chip_close(chip);
}

static void test_levels_events_banks(void)
{
	struct pgr_chip *chip = NULL;
	uint32_t out = 0;

	set_file_word(0x34, 0x00020000);	/* GPLEV0: pin 17 high */
	set_file_word(0x44, 0xffffffff);	/* GPEDS1 */
	set_file_word(0x58, 0x00020000);	/* GPFEN0: pin 17 falling */
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_toggle(chip, 17), 0);		/* high: clear */
	EXPECT_INT(pgr_pin_toggle(chip, 16), 0);		/* low: set */
	EXPECT_INT(pgr_bank_write(chip, 1, 0x00000003, 0x00000001), 0);
	EXPECT_INT(pgr_pin_event_detected(chip, 53), 1);
	EXPECT_INT(pgr_pin_event_detected(chip, 17), 0);
	EXPECT_INT(pgr_pin_event_detected(chip, 54), -EINVAL);
	EXPECT_INT(pgr_pin_get_events(chip, 17), 1 << PGR_EVENT_FALLING);
	EXPECT_INT(pgr_bank_read_events(chip, 1, &out), 0);
	EXPECT_HEX(out, 0x003fffff);
	pgr_chip_close(chip);
	EXPECT_HEX(file_word(0x28), 0x00020000);	/* GPCLR0 */
	EXPECT_HEX(file_word(0x1c), 0x00010000);	/* GPSET0 */
	EXPECT_HEX(file_word(0x20), 0x00000001);	/* GPSET1 */
	EXPECT_HEX(file_word(0x2c), 0x00000002);	/* GPCLR1 */

	/* event clear: one store of the pin's bit (the file keeps it) */
	set_file_word(0x44, 0);
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_pin_clear_event(chip, 53), 0);
	EXPECT_INT(pgr_pin_clear_event(chip, 54), -EINVAL);
	EXPECT_INT(pgr_bank_clear_events(chip, 0, 0x00000011), 0);
	pgr_chip_close(chip);
	EXPECT_HEX(file_word(0x44), 0x00200000);
	EXPECT_HEX(file_word(0x40), 0x00000011);
}

/*
 * Drive strength and slew are the RP1's, per pin: a BCM chip's are per
 * group of pins outside the window, so every call is -EOPNOTSUPP (after
 * the -EINVAL checks), with the driver or without, and nothing is stored
 * or asked of the driver; the out value is left alone.
 */
static void drive_slew_refused(struct pgr_chip *chip, unsigned ngpio)
{
	enum pgr_drive d = PGR_DRIVE_8MA;

	EXPECT_INT(pgr_pin_set_drive(chip, 17, PGR_DRIVE_2MA), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_set_drive(chip, 0, PGR_DRIVE_12MA), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_set_drive(chip, ngpio - 1, PGR_DRIVE_4MA), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_get_drive(chip, 17, &d), -EOPNOTSUPP);
	EXPECT_INT(d, PGR_DRIVE_8MA);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 1), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 0), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_get_slew(chip, 17), -EOPNOTSUPP);
	/* a bad pin or value is -EINVAL first, as for the RP1 */
	EXPECT_INT(pgr_pin_set_drive(chip, ngpio, PGR_DRIVE_2MA), -EINVAL);
	EXPECT_INT(pgr_pin_set_drive(chip, 17, (enum pgr_drive)4), -EINVAL);
	EXPECT_INT(pgr_pin_get_drive(chip, ngpio, &d), -EINVAL);
	EXPECT_INT(d, PGR_DRIVE_8MA);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 2), -EINVAL);
	EXPECT_INT(pgr_pin_set_slew(chip, ngpio, 1), -EINVAL);
	EXPECT_INT(pgr_pin_get_slew(chip, ngpio), -EINVAL);
}

static void test_drive_slew_bcm(void)
{
	struct pgr_chip *chip = NULL;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	drive_slew_refused(chip, 54);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), -1);
	/* through the driver: it is not asked either */
	chip = open_with_fake();
	EXPECT(chip, "open");
	drive_slew_refused(chip, 54);
	EXPECT_INT(fake.calls, 0);
	pgr_chip_close(chip);
	use_bcm2711();
	chip = open_with_fake();
	EXPECT(chip, "open bcm2711");
	drive_slew_refused(chip, 58);
	EXPECT_INT(fake.calls, 0);
	pgr_chip_close(chip);
	EXPECT_INT(nonzero_word(0), -1);
	/* the names do not depend on the chip */
	EXPECT_STR(pgr_drive_name(PGR_DRIVE_2MA), "2mA");
	EXPECT_STR(pgr_drive_name(PGR_DRIVE_4MA), "4mA");
	EXPECT_STR(pgr_drive_name(PGR_DRIVE_8MA), "8mA");
	EXPECT_STR(pgr_drive_name(PGR_DRIVE_12MA), "12mA");
	EXPECT(pgr_drive_name((enum pgr_drive)4) == NULL, "4 has a name");
	EXPECT(pgr_drive_name((enum pgr_drive)-1) == NULL, "-1 has a name");
}

static void test_alt_name_public(void)
{
	struct pgr_chip *chip = NULL;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_STR(pgr_pin_alt_name(chip, 14, PGR_FUNC_ALT0), "TXD0");
	EXPECT_STR(pgr_pin_alt_name(chip, 14, PGR_FUNC_ALT5), "TXD1");
	EXPECT_STR(pgr_pin_alt_name(chip, 48, PGR_FUNC_ALT3), "SD1_CLK");
	EXPECT(!pgr_pin_alt_name(chip, 14, PGR_FUNC_INPUT), "input has no ALT name");
	EXPECT(!pgr_pin_alt_name(chip, 14, PGR_FUNC_OUTPUT), "output has no ALT name");
	EXPECT(!pgr_pin_alt_name(chip, 14, (enum pgr_function)8), "8 is no function");
	EXPECT_STR(pgr_event_name(PGR_EVENT_ASYNC_FALLING), "async-falling");
	pgr_chip_close(chip);
}

/* The whole simulated block, for "only this word changed". */
static void file_block(uint32_t *words)
{
	unsigned i;

	for (i = 0; i < 0xf4 / 4; i++)
		words[i] = file_word(4 * i);
}

/*
 * Every pin of one SoC through a line: high is exactly the pin's bit stored
 * to GPSETn and nothing else changed, low the same in GPCLRn, read follows
 * GPLEVn; and pins past the last are refused with the line untouched.
 */
static void line_every_pin(const char *soc, unsigned ngpio)
{
	uint32_t before[0xf4 / 4], after[0xf4 / 4];
	struct pgr_chip *chip = NULL;
	struct pgr_line line, copy;
	unsigned pin, i;

	if (ngpio == 58) {
		set_attr("soc", "bcm2711\n");
		set_attr("block_size", "244\n");
		set_attr("ngpio", "58\n");
	}
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_STR(pgr_chip_soc_name(chip), soc);
	for (pin = 0; pin < ngpio; pin++) {
		unsigned bank = pin / 32;
		uint32_t bit = UINT32_C(1) << (pin % 32);

		EXPECT_INT(pgr_line_init(chip, pin, &line), 0);
		EXPECT_HEX(line.mask, bit);
		EXPECT_INT(line.reserved, 0);
		set_file_word(0x1c + 4 * bank, 0);
		file_block(before);
		pgr_line_high(&line);
		file_block(after);
		for (i = 0; i < 0xf4 / 4; i++)
			EXPECT(after[i] == (i == (0x1c + 4 * bank) / 4 ? bit : before[i]),
			       "pin %u high: word %#x is %#x", pin, 4 * i, after[i]);
		set_file_word(0x28 + 4 * bank, 0);
		file_block(before);
		pgr_line_write(&line, 0);
		file_block(after);
		for (i = 0; i < 0xf4 / 4; i++)
			EXPECT(after[i] == (i == (0x28 + 4 * bank) / 4 ? bit : before[i]),
			       "pin %u low: word %#x is %#x", pin, 4 * i, after[i]);
		set_file_word(0x34 + 4 * bank, bit);
		EXPECT_INT(pgr_line_read(&line), 1);
		set_file_word(0x34 + 4 * bank, ~bit);
		EXPECT_INT(pgr_line_read(&line), 0);
		set_file_word(0x34 + 4 * bank, 0);
	}
	memset(&copy, 0x5a, sizeof(copy));
	line = copy;
	EXPECT_INT(pgr_line_init(chip, ngpio, &line), -EINVAL);
	EXPECT_INT(pgr_line_init(chip, 64, &line), -EINVAL);
	EXPECT_INT(pgr_line_init(NULL, 0, &line), -EINVAL);
	EXPECT_INT(pgr_line_init(chip, 0, NULL), -EINVAL);
	EXPECT(!memcmp(&line, &copy, sizeof(line)), "a refused init changed the line");
	pgr_chip_close(chip);
}

static void test_line_every_pin_bcm2837(void)
{
	line_every_pin("bcm2837", 54);
}

static void test_line_every_pin_bcm2711(void)
{
	line_every_pin("bcm2711", 58);
}

/* Bank lines: the mask rules of pgr_bank_set(), bits, toggle. */
static void test_line_bank(void)
{
	struct pgr_chip *chip = NULL;
	struct pgr_line line;

	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0);
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 2, 1, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 1, 0x00400000, &line), -EINVAL); /* GPIO54 */
	EXPECT_INT(pgr_line_init_bank(chip, 1, 0x003fffff, &line), 0);	 /* 32-53 */
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0x000f0000, &line), 0);
	pgr_line_write_bits(&line, 0x0005ffff);
	EXPECT_HEX(file_word(0x1c), 0x00050000);	/* GPSET0: mask & values */
	EXPECT_HEX(file_word(0x28), 0x000a0000);	/* GPCLR0: mask & ~values */
	set_file_word(0x34, 0x00030000);		/* 16, 17 high; 18, 19 low */
	EXPECT_HEX(pgr_line_read_bits(&line), 0x00030000);
	EXPECT_INT(pgr_line_read(&line), 1);
	set_file_word(0x1c, 0);
	set_file_word(0x28, 0);
	pgr_line_toggle(&line);
	EXPECT_HEX(file_word(0x28), 0x00030000);	/* the high ones low */
	EXPECT_HEX(file_word(0x1c), 0x000c0000);	/* the low ones high */
	pgr_chip_close(chip);
	EXPECT_STR(pgr_version(), PGR_VERSION);
}

int main(void)
{
	RUN_FIXTURE("chip/open/bcm2837", test_open_bcm2837);
	RUN_FIXTURE("chip/open/bcm2711", test_open_bcm2711);
	RUN_FIXTURE("chip/open/attrs-without-newline", test_open_without_newlines);
	RUN_FIXTURE("chip/open/missing-paths", test_open_missing_paths);
	RUN_FIXTURE("chip/open/no-fd-leak", test_no_fd_leak);
	if (access(PIGPIO_REGS_DEVICE, F_OK) != 0 &&
	    access(PIGPIO_REGS_SYSFS_DIR, F_OK) != 0)
		RUN_FIXTURE("chip/open/default-paths-absent", test_default_paths);
	else
		check_skip("chip/open/default-paths-absent",
			   PIGPIO_REGS_DEVICE " exists on this machine");
	RUN_FIXTURE("chip/open/eacces", test_eacces);

	bad_attr("unknown-bcm2712", "soc", "bcm2712\n", -EPROTO);
	bad_attr("uppercase", "soc", "BCM2837\n", -EPROTO);
	bad_attr("empty", "soc", "\n", -EPROTO);
	bad_attr("missing", "soc", NULL, -ENOENT);
	bad_attr("8192", "window_size", "8192\n", -EPROTO);
	bad_attr("0", "window_size", "0\n", -EPROTO);
	bad_attr("hex", "window_size", "0x1000\n", -EPROTO);
	bad_attr("missing", "window_size", NULL, -ENOENT);
	bad_attr("58-on-bcm2837", "ngpio", "58\n", -EPROTO);
	bad_attr("trailing-space", "ngpio", "54 \n", -EPROTO);
	bad_attr("plus-sign", "ngpio", "+54\n", -EPROTO);
	bad_attr("missing", "ngpio", NULL, -ENOENT);
	bad_attr("8192-beyond-window", "block_size", "8192\n", -EPROTO);
	bad_attr("4100-beyond-window", "block_size", "4100\n", -EPROTO);
	bad_attr("181-not-multiple-of-4", "block_size", "181\n", -EPROTO);
	bad_attr("56-ends-before-gplev1", "block_size", "56\n", -EPROTO);
	bad_attr("negative", "block_size", "-4\n", -EPROTO);
	bad_attr("hex", "block_size", "0xb4\n", -EPROTO);
	bad_attr("overflow", "block_size", "18446744073709551616\n", -EPROTO);
	bad_attr("missing", "block_size", NULL, -ENOENT);
	bad_attr("no-0x", "phys_base", "3f200000\n", -EPROTO);
	bad_attr("0x-alone", "phys_base", "0x\n", -EPROTO);
	bad_attr("bad-digit", "phys_base", "0x3f20zz00\n", -EPROTO);
	bad_attr("leading-space", "phys_base", " 0x3f200000\n", -EPROTO);
	bad_attr("double-0x", "phys_base", "0x0x3f200000\n", -EPROTO);
	bad_attr("overflow", "phys_base", "0x1ffffffffffffffff\n", -EPROTO);
	bad_attr("missing", "phys_base", NULL, -ENOENT);
	bad_attr("bad-digit", "bus_base", "0x7e20000g\n", -EPROTO);
	bad_attr("missing", "bus_base", NULL, -ENOENT);

	RUN_FIXTURE("chip/peek/mapping-and-pread-agree", test_peek_agrees);
	RUN_FIXTURE("chip/peek/rejects-bad-offsets", test_peek_rejects);
	RUN_FIXTURE("chip/pins/stores-reach-file", test_stores_reach_file);
	RUN_FIXTURE("chip/pins/rejects-leave-file-zero", test_rejects_leave_file);
	RUN_FIXTURE("chip/pins/loads-see-file", test_loads_see_file);
	RUN_FIXTURE("chip/pins/two-chips-share-block", test_two_chips);
	CHECK_RUN("chip/function-names", test_function_names);
	RUN_FIXTURE("chip/close/unmaps", test_close_unmaps);
	RUN_FIXTURE("chip/close/null-is-a-no-op-and-close-releases-fd-and-mapping",
		    test_close_releases);
	bad_attr("180-on-bcm2711-no-pull-registers", "soc", "bcm2711\n", -EPROTO);
	RUN_FIXTURE("chip/config/regular-file-takes-mapping-path", test_config_path_file_is_mapping);
	RUN_FIXTURE("chip/config/driver-path-bcm2837", test_driver_path_bcm2837);
	RUN_FIXTURE("chip/config/driver-path-bcm2711", test_driver_path_bcm2711);
	RUN_FIXTURE("chip/config/driver-errors-propagate", test_driver_errors_propagate);
	RUN_FIXTURE("chip/config/enotty-falls-back", test_enotty_falls_back);
	RUN_FIXTURE("chip/config/pull-enotty-decided-at-open", test_pull_enotty_decided_at_open);
	RUN_FIXTURE("chip/config/fallback-effects", test_fallback_effects);
	RUN_FIXTURE("chip/config/fallback-bcm2711-pull-readback", test_fallback_bcm2711_pull);
	RUN_FIXTURE("chip/config/gppud-pull-unknown", test_gppud_pull_unknown);
	RUN_FIXTURE("chip/levels-events-banks", test_levels_events_banks);
	RUN_FIXTURE("chip/alt-name", test_alt_name_public);
	RUN_FIXTURE("chip/drive-slew/bcm-eopnotsupp", test_drive_slew_bcm);
	RUN_FIXTURE("chip/line/every-pin-bcm2837", test_line_every_pin_bcm2837);
	RUN_FIXTURE("chip/line/every-pin-bcm2711", test_line_every_pin_bcm2711);
	RUN_FIXTURE("chip/line/bank-bits-toggle-version", test_line_bank);

	return check_exit();
}
