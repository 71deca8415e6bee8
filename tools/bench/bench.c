// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs-bench: how fast one pin toggles through each path to the
 * GPIO block, side by side, on the same pin, in one process.
 *
 *   1   raw volatile stores to the mapped GPSET0/GPCLR0 (the limit)
 *   2   pgr_pin_write(): the library's single-pin level write
 *   2h  pgr_line_high()/pgr_line_low(): the inline pin handle
 *   3   pgr_bank_set()/pgr_bank_clear(): 8 pins per store
 *   3h  the same 8 pins through a bank handle (pgr_line_init_bank())
 *   4   pwrite() of GPSET0/GPCLR0 through the driver (a system call each)
 *   5   libgpiod setting the line's value (a system call each)
 *   6   sysfs: /sys/class/gpio/gpioN/value, kept open, written, rewound
 *   7a  setup: pgr_chip_open() + the first access (and its system calls,
 *       counted by tracing a child that does only that)
 *   7b  setup: libgpiod chip open + line request
 *   7c  setup: open() + mmap() + the first load, without the library
 *   8a  the system timer through /dev/pigpio_timer: pgr_timer_read()
 *       (CHI, CLO, CHI: three loads, no system call), reads per second
 *   8b  clock_gettime(CLOCK_MONOTONIC), reads per second: the vDSO where
 *       the board has an architected counter, a system call where it
 *       has not (the Pi 1); 8a's ratio is against it
 *
 * A toggle is one high and one low. Rows 2, 2h, 3 and 3h are compared
 * with row 1 as paired rounds (paired.h): in each round row 1 and the row
 * run back to back, in alternating order, and the row's figure against
 * row 1 is the median of the rounds' ratios, with their interquartile
 * range; the table says when that spread is too wide to mean anything.
 * Their rates, and every other rate, are medians of several repetitions
 * of a fixed number of toggles (found once, so that one repetition lasts
 * about the target time), timed with CLOCK_MONOTONIC.
 * The hot loops allocate nothing and make no system call but the one
 * measured.
 *
 * libgpiod is not linked: it is loaded with dlopen() when the program
 * runs, libgpiod.so.2 (libgpiod 1.x, the v1 API: Debian bookworm) or else
 * libgpiod.so.3 (libgpiod 2.x, the v2 API: trixie), with the few
 * prototypes it needs declared here. A statically linked benchmark can
 * dlopen() only with the C library it was linked with (same glibc
 * version); the libgpiod rows run in a child process, so a failure or
 * crash there is a "not available" row, never a figure.
 *
 * Rows that cannot be measured say "not available" and why: pwrite,
 * libgpiod and sysfs need the pigpio_regs driver (on a simulated block
 * they would not drive the same pin), libgpiod and sysfs need root, the
 * timer needs /dev/pigpio_timer (not on a Pi 5).
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE	/* syscall(), ptrace() */

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "guard.h"
#include "paired.h"

/* Byte offsets in the block (BCM2835/BCM2711 ARM Peripherals, "GPIO"). */
#define REG_GPSET0		0x1c
#define REG_GPCLR0		0x28
#define REG_GPLEV0		0x34

#define BENCH_PINS		8
#define REPS_DEFAULT		7
#define REPS_QUICK		3
#define TARGET_S		0.25	/* one repetition, full run */
#define TARGET_QUICK_S		0.02	/* --quick */
/*
 * Paired rounds: many short ones, each side of a round lasting the round
 * target, so that a host's hiccup spoils a round rather than a row.
 */
#define ROUNDS_DEFAULT		15
#define ROUNDS_QUICK		11
#define ROUND_S			0.05
#define ROUND_QUICK_S		0.005
#define PAIRED_ROWS		4	/* 2, 2h, 3, 3h against row 1 */
#define MAX_TOGGLES		(1UL << 30)
#define WHY_SIZE		160
#define GPIOD_CONSUMER		"pigpio-regs-bench"

static const char *const chip_labels[] = { "pinctrl-bcm2835",
					   "pinctrl-bcm2711" };

static const char *const stop_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGTERM] = "SIGTERM",
};

uint64_t bench_pins(unsigned pin, unsigned ngpio)
{
	unsigned bank_end = pin - pin % 32 + 32, first = pin;

	if (bank_end > ngpio)
		bank_end = ngpio;
	if (first + BENCH_PINS > bank_end)
		first = bank_end >= BENCH_PINS ? bank_end - BENCH_PINS : 0;
	return ((UINT64_C(1) << BENCH_PINS) - 1) << first;
}

/* What the loops work on. */
struct bench {
	struct pgr_chip *chip;
	struct pgr_line pin_line, bank_line;	/* the pin; the 8 pins */
	volatile uint32_t *set, *clr;	/* GPSET/GPCLR of the pin's bank */
	uint32_t bit, mask;		/* the pin; the 8 pins */
	unsigned pin, bank, reps;
	unsigned rounds;		/* of each paired row */
	double round_target;		/* one side of one round, seconds */
	long setup_syscalls;		/* of row 7a, -1: could not count */
	int fd;				/* the device (pwrite), or sysfs value */
	double target;
	int stopped;			/* the stop signal taken, or 0 */
	/* libgpiod, in the child */
	void *line;			/* v1: struct gpiod_line * */
	void *request;			/* v2: struct gpiod_line_request * */
	int (*v1_set_value)(void *line, int value);
	int (*v2_set_value)(void *request, unsigned offset, int value);
	struct pgr_timer timer;		/* row 8a */
	volatile uint64_t sink;		/* what the read loops read */
};

typedef int (*loop_fn)(struct bench *b, unsigned long n);

/* One row of the table. */
struct row {
	const char *id;
	char method[80];
	const char *unit;	/* "toggles/s" or "us" */
	unsigned pins;		/* pins changed per toggle */
	int available;
	double value;		/* median */
	char why[WHY_SIZE];	/* when not available */
	bool paired;		/* measured in rounds against row 1 */
	struct paired_stats ps;	/* then its ratio to row 1 */
};

enum { R_RAW, R_LIB, R_LINE, R_BANK, R_BANK_LINE, R_PWRITE, R_GPIOD,
       R_SYSFS, R_SETUP_LIB, R_SETUP_GPIOD, R_SETUP_RAW, R_TIMER, R_CLOCK,
       NROWS };

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double median(double *v, unsigned n)
{
	return paired_median(v, n);
}

/* --- the hot loops ------------------------------------------------------ */

static int loop_raw(struct bench *b, unsigned long n)
{
	volatile uint32_t *set = b->set, *clr = b->clr;
	uint32_t bit = b->bit;

	for (; n; n--) {
		*set = bit;
		*clr = bit;
	}
	return 0;
}

static int loop_lib(struct bench *b, unsigned long n)
{
	struct pgr_chip *chip = b->chip;
	unsigned pin = b->pin;

	for (; n; n--) {
		pgr_pin_write(chip, pin, 1);
		pgr_pin_write(chip, pin, 0);
	}
	return 0;
}

/* n toggles through a handle, copied to the stack as a caller would. */
static inline void toggle_line(const struct pgr_line *handle, unsigned long n)
{
	const struct pgr_line line = *handle;

	for (; n; n--) {
		pgr_line_high(&line);
		pgr_line_low(&line);
	}
}

static int loop_line(struct bench *b, unsigned long n)
{
	toggle_line(&b->pin_line, n);
	return 0;
}

static int loop_bank_line(struct bench *b, unsigned long n)
{
	toggle_line(&b->bank_line, n);
	return 0;
}

static int loop_bank(struct bench *b, unsigned long n)
{
	struct pgr_chip *chip = b->chip;
	unsigned bank = b->bank;
	uint32_t mask = b->mask;

	for (; n; n--) {
		pgr_bank_set(chip, bank, mask);
		pgr_bank_clear(chip, bank, mask);
	}
	return 0;
}

static int loop_pwrite(struct bench *b, unsigned long n)
{
	off_t set = REG_GPSET0 + 4 * b->bank;
	off_t clr = REG_GPCLR0 + 4 * b->bank;
	uint32_t bit = b->bit;

	for (; n; n--) {
		if (pwrite(b->fd, &bit, 4, set) != 4 ||
		    pwrite(b->fd, &bit, 4, clr) != 4)
			return errno ? -errno : -EIO;
	}
	return 0;
}

static int loop_sysfs(struct bench *b, unsigned long n)
{
	for (; n; n--) {
		if (write(b->fd, "1", 1) != 1 ||
		    lseek(b->fd, 0, SEEK_SET) != 0 ||
		    write(b->fd, "0", 1) != 1 ||
		    lseek(b->fd, 0, SEEK_SET) != 0)
			return errno ? -errno : -EIO;
	}
	return 0;
}

static int loop_gpiod_v1(struct bench *b, unsigned long n)
{
	for (; n; n--) {
		if (b->v1_set_value(b->line, 1) < 0 ||
		    b->v1_set_value(b->line, 0) < 0)
			return errno ? -errno : -EIO;
	}
	return 0;
}

static int loop_gpiod_v2(struct bench *b, unsigned long n)
{
	for (; n; n--) {
		if (b->v2_set_value(b->request, b->pin, 1) < 0 ||
		    b->v2_set_value(b->request, b->pin, 0) < 0)
			return errno ? -errno : -EIO;
	}
	return 0;
}

/* Rows 8a, 8b: a "toggle" is one read of the time. */
static int loop_timer(struct bench *b, unsigned long n)
{
	const struct pgr_timer timer = b->timer;
	uint64_t sum = 0;

	for (; n; n--)
		sum += pgr_timer_read(&timer);
	b->sink = sum;
	return 0;
}

static int loop_clock(struct bench *b, unsigned long n)
{
	struct timespec ts;
	uint64_t sum = 0;

	for (; n; n--) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		sum += (uint64_t)ts.tv_nsec;
	}
	b->sink = sum;
	return 0;
}

/* The number of toggles of loop that lasts about target seconds, in *n. */
static int calibrate(struct bench *b, loop_fn loop, double target,
		     unsigned long *np)
{
	unsigned long n = 16;
	double t;
	int err;

	for (;;) {
		t = now_s();
		err = loop(b, n);
		t = now_s() - t;
		if (err)
			return err;
		if (t >= target || n >= MAX_TOGGLES)
			break;
		/* Aim at the target from what this many took. */
		if (t > target / 64)
			n = (unsigned long)((double)n * target / t * 1.05) + 1;
		else
			n *= 16;
		if (n > MAX_TOGGLES)
			n = MAX_TOGGLES;
	}
	*np = n;
	return 0;
}

/* Toggles per second of n toggles of loop, in *rate. */
static int timed(struct bench *b, loop_fn loop, unsigned long n, double *rate)
{
	double t = now_s();
	int err = loop(b, n);

	t = now_s() - t;
	*rate = (double)n / (t > 0 ? t : 1e-9);
	return err;
}

/*
 * Toggles per second of loop: the number of toggles that lasts about the
 * target time, then b->reps repetitions of exactly that many; the median.
 */
static int measure_rate(struct bench *b, loop_fn loop, double *rate)
{
	double rates[BENCH_REPS_MAX];
	unsigned long n;
	unsigned r;
	int err = calibrate(b, loop, b->target, &n);

	for (r = 0; !err && r < b->reps; r++)
		err = timed(b, loop, n, &rates[r]);
	if (!err)
		*rate = median(rates, b->reps);
	return err;
}

/*
 * Row against row 1 (raw) in b->rounds paired rounds, raw first in even
 * rounds and last in odd ones: the row's median rate, its paired_stats,
 * and raw's rate of every round appended to raw_rates at *nraw.
 */
static int measure_paired(struct bench *b, loop_fn raw, loop_fn loop,
			  struct row *row, double *raw_rates, unsigned *nraw)
{
	double rates[BENCH_REPS_MAX], ratios[BENCH_REPS_MAX];
	double r_raw = 0, r_row = 0;
	unsigned long n_raw, n_row;
	unsigned r;
	int err;

	err = calibrate(b, raw, b->round_target, &n_raw);
	if (!err)
		err = calibrate(b, loop, b->round_target, &n_row);
	for (r = 0; !err && r < b->rounds; r++) {
		if (r % 2 == 0) {
			err = timed(b, raw, n_raw, &r_raw);
			if (!err)
				err = timed(b, loop, n_row, &r_row);
		} else {
			err = timed(b, loop, n_row, &r_row);
			if (!err)
				err = timed(b, raw, n_raw, &r_raw);
		}
		rates[r] = r_row;
		ratios[r] = paired_ratio(r_raw, r_row);
		raw_rates[(*nraw)++] = r_raw;
	}
	if (err)
		return err;
	row->value = median(rates, b->rounds);
	row->paired = true;
	return paired_stats(ratios, b->rounds, &row->ps) ? -ERANGE : 0;
}

static void set_row(struct row *row, const char *id, const char *unit,
		    unsigned pins, const char *method)
{
	row->id = id;
	row->unit = unit;
	row->pins = pins;
	snprintf(row->method, sizeof(row->method), "%s", method);
}

__attribute__((format(printf, 2, 3)))
static void unavailable(struct row *row, const char *fmt, ...)
{
	va_list ap;
	char *p;

	row->available = 0;
	va_start(ap, fmt);
	vsnprintf(row->why, sizeof(row->why), fmt, ap);
	va_end(ap);
	/* The CSV's separator never appears inside a field. */
	for (p = row->why; *p; p++)
		if (*p == ',' || *p == '\n')
			*p = ';';
}

static void rate_row(struct row *row, struct bench *b, loop_fn loop)
{
	int err = measure_rate(b, loop, &row->value);

	if (err)
		unavailable(row, "failed: %s", strerror(-err));
	else
		row->available = 1;
}

static void paired_row(struct row *row, struct bench *b, loop_fn loop,
		       double *raw_rates, unsigned *nraw)
{
	int err = measure_paired(b, loop_raw, loop, row, raw_rates, nraw);

	if (err) {
		row->paired = false;
		unavailable(row, "failed: %s", strerror(-err));
	} else {
		row->available = 1;
	}
}

/* --- setup costs -------------------------------------------------------- */

static void setup_lib(struct row *row, const struct bench_opts *cmd,
		      struct bench *b)
{
	double us[BENCH_REPS_MAX], t;
	struct pgr_chip *chip;
	unsigned r;
	int err;

	/* One unmeasured run first: the file system's caches warm. */
	for (r = 0; r <= b->reps; r++) {
		t = now_s();
		err = pgr_chip_open(&chip, cmd->device, cmd->sysfs);
		if (!err)
			err = pgr_pin_read(chip, b->pin) < 0 ? -EINVAL : 0;
		t = now_s() - t;
		pgr_chip_close(chip);
		if (err) {
			unavailable(row, "pgr_chip_open: %s", strerror(-err));
			return;
		}
		if (r)
			us[r - 1] = t * 1e6;
	}
	row->value = median(us, b->reps);
	row->available = 1;
}

/*
 * The system calls pgr_chip_open() and the first read make: a child does them
 * between two getppid() calls, and this process counts the child's
 * system-call entries in between (ptrace). -1 if it cannot be traced.
 */
static long setup_syscalls(const struct bench_opts *cmd, unsigned pin)
{
	struct __ptrace_syscall_info info;
	struct pgr_chip *chip;
	long count = -1;
	int status, marks = 0;
	pid_t child;

	fflush(stdout);
	child = fork();
	if (child < 0)
		return -1;
	if (child == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == 0 &&
		    raise(SIGSTOP) == 0) {
			syscall(SYS_getppid);
			if (pgr_chip_open(&chip, cmd->device, cmd->sysfs) == 0)
				(void)pgr_pin_read(chip, pin);
			syscall(SYS_getppid);
		}
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child || !WIFSTOPPED(status))
		goto out;
	ptrace(PTRACE_SETOPTIONS, child, NULL,
	       (void *)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
	while (ptrace(PTRACE_SYSCALL, child, NULL, NULL) == 0 &&
	       waitpid(child, &status, 0) == child && WIFSTOPPED(status)) {
		if (WSTOPSIG(status) != (SIGTRAP | 0x80) ||
		    ptrace(PTRACE_GET_SYSCALL_INFO, child,
			   (void *)sizeof(info), &info) <= 0 ||
		    info.op != PTRACE_SYSCALL_INFO_ENTRY)
			continue;
		if (info.entry.nr == SYS_getppid) {
			if (++marks == 2)
				break;
		} else if (marks == 1) {
			count = count < 0 ? 1 : count + 1;
		}
	}
	if (marks != 2)
		count = -1;
	else if (count < 0)
		count = 0;
out:
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	return count;
}

static void setup_raw(struct row *row, const struct bench_opts *cmd,
		      struct bench *b)
{
	const char *path = cmd->device ? cmd->device : PIGPIO_REGS_DEVICE;
	double us[BENCH_REPS_MAX], t;
	volatile uint32_t *map;
	unsigned r;
	uint32_t v;
	int fd;

	for (r = 0; r <= b->reps; r++) {
		t = now_s();
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			unavailable(row, "open %s: %s", path, strerror(errno));
			return;
		}
		map = mmap(NULL, PIGPIO_REGS_WINDOW_SIZE, PROT_READ | PROT_WRITE,
			   MAP_SHARED, fd, 0);
		if (map == MAP_FAILED) {
			unavailable(row, "mmap %s: %s", path, strerror(errno));
			close(fd);
			return;
		}
		v = map[REG_GPLEV0 / 4 + b->bank];
		t = now_s() - t;
		(void)v;
		munmap((void *)map, PIGPIO_REGS_WINDOW_SIZE);
		close(fd);
		if (r)
			us[r - 1] = t * 1e6;
	}
	row->value = median(us, b->reps);
	row->available = 1;
}

/* --- libgpiod, in a child process ---------------------------------------- */

/* What the child sends back through the pipe. */
struct gpiod_result {
	char method[80];
	char setup_method[80];
	int available;
	double rate;
	double setup_us;
	char why[WHY_SIZE];
};

/*
 * The v1 API (libgpiod 1.x, libgpiod.so.2), from its gpiod.h. The
 * structures are opaque: pointers only.
 */
struct gpiod_v1 {
	void *(*chip_open_by_label)(const char *label);
	void *(*chip_open_by_name)(const char *name);
	const char *(*chip_name)(void *chip);
	void (*chip_close)(void *chip);
	void *(*chip_get_line)(void *chip, unsigned offset);
	int (*line_request_output)(void *line, const char *consumer,
				   int default_val);
	int (*line_set_value)(void *line, int value);
	void (*line_release)(void *line);
	const char *(*version_string)(void);
};

/*
 * The v2 API (libgpiod 2.x, libgpiod.so.3), from its gpiod.h:
 * GPIOD_LINE_DIRECTION_OUTPUT is 3, GPIOD_LINE_VALUE_ACTIVE 1.
 */
#define GPIOD_V2_DIRECTION_OUTPUT	3
struct gpiod_v2 {
	void *(*chip_open)(const char *path);
	void (*chip_close)(void *chip);
	void *(*chip_get_info)(void *chip);
	const char *(*chip_info_get_label)(void *info);
	void (*chip_info_free)(void *info);
	void *(*line_settings_new)(void);
	void (*line_settings_free)(void *settings);
	int (*line_settings_set_direction)(void *settings, int direction);
	void *(*line_config_new)(void);
	void (*line_config_free)(void *config);
	int (*line_config_add_line_settings)(void *config,
					     const unsigned *offsets,
					     size_t num_offsets,
					     void *settings);
	void *(*request_config_new)(void);
	void (*request_config_free)(void *config);
	void (*request_config_set_consumer)(void *config,
					    const char *consumer);
	void *(*chip_request_lines)(void *chip, void *req_cfg,
				    void *line_cfg);
	void (*line_request_release)(void *request);
	int (*line_request_set_value)(void *request, unsigned offset,
				      int value);
	const char *(*api_version)(void);
};

/* dlsym() each "gpiod_NAME" into the function pointers, in order. */
static int resolve(void *lib, const char *const *names, size_t count,
		   void *table, char *why)
{
	void (**slot)(void) = table;
	void *sym;
	size_t i;

	for (i = 0; i < count; i++) {
		sym = dlsym(lib, names[i]);
		if (!sym) {
			snprintf(why, WHY_SIZE, "no %s in libgpiod", names[i]);
			return -1;
		}
		/* POSIX: a function's address converts through void *. */
		memcpy(&slot[i], &sym, sizeof(sym));
	}
	return 0;
}

static const char *const v1_names[] = {
	"gpiod_chip_open_by_label", "gpiod_chip_open_by_name",
	"gpiod_chip_name", "gpiod_chip_close", "gpiod_chip_get_line",
	"gpiod_line_request_output", "gpiod_line_set_value",
	"gpiod_line_release", "gpiod_version_string",
};

static const char *const v2_names[] = {
	"gpiod_chip_open", "gpiod_chip_close", "gpiod_chip_get_info",
	"gpiod_chip_info_get_label", "gpiod_chip_info_free",
	"gpiod_line_settings_new", "gpiod_line_settings_free",
	"gpiod_line_settings_set_direction", "gpiod_line_config_new",
	"gpiod_line_config_free", "gpiod_line_config_add_line_settings",
	"gpiod_request_config_new", "gpiod_request_config_free",
	"gpiod_request_config_set_consumer", "gpiod_chip_request_lines",
	"gpiod_line_request_release", "gpiod_line_request_set_value",
	"gpiod_api_version",
};

static void gpiod_fail(struct gpiod_result *res, const char *what)
{
	snprintf(res->why, sizeof(res->why), "%s: %s", what, strerror(errno));
}

static void run_gpiod_v1(void *lib, struct bench *b, struct gpiod_result *res)
{
	struct gpiod_v1 g;
	double us[BENCH_REPS_MAX], t;
	char name[32];
	void *chip = NULL, *line;
	unsigned r, i;
	int err;

	if (resolve(lib, v1_names, sizeof(v1_names) / sizeof(v1_names[0]),
		    &g, res->why) < 0)
		return;
	snprintf(res->method, sizeof(res->method),
		 "libgpiod %s gpiod_line_set_value()", g.version_string());
	snprintf(res->setup_method, sizeof(res->setup_method),
		 "setup: libgpiod %s chip open + line request",
		 g.version_string());
	for (i = 0; !chip && i < 2; i++)
		chip = g.chip_open_by_label(chip_labels[i]);
	if (!chip) {
		gpiod_fail(res, "no gpiochip labelled pinctrl-bcm2835/2711");
		return;
	}
	snprintf(name, sizeof(name), "%s", g.chip_name(chip));
	g.chip_close(chip);

	/* Setup as an application does it, once it knows the chip. */
	for (r = 0; r <= b->reps; r++) {
		t = now_s();
		chip = g.chip_open_by_name(name);
		line = chip ? g.chip_get_line(chip, b->pin) : NULL;
		err = line ? g.line_request_output(line, GPIOD_CONSUMER, 0) :
			     -1;
		t = now_s() - t;
		if (err < 0) {
			gpiod_fail(res, chip ? "line request" : "chip open");
			if (chip)
				g.chip_close(chip);
			return;
		}
		if (r < b->reps) {
			g.line_release(line);
			g.chip_close(chip);
		}
		if (r)
			us[r - 1] = t * 1e6;
	}
	res->setup_us = median(us, b->reps);

	b->line = line;
	b->v1_set_value = g.line_set_value;
	err = measure_rate(b, loop_gpiod_v1, &res->rate);
	g.line_release(line);
	g.chip_close(chip);
	if (err) {
		errno = -err;
		gpiod_fail(res, "gpiod_line_set_value");
		return;
	}
	res->available = 1;
}

/* The v2 path of /dev/gpiochipN whose label is the SoC's pinctrl. */
static void *v2_find_chip(const struct gpiod_v2 *g, char *path, size_t size)
{
	const char *label;
	void *chip, *info;
	unsigned n, i;
	int match;

	for (n = 0; n < 16; n++) {
		snprintf(path, size, "/dev/gpiochip%u", n);
		chip = g->chip_open(path);
		if (!chip)
			continue;
		info = g->chip_get_info(chip);
		label = info ? g->chip_info_get_label(info) : "";
		for (match = 0, i = 0; i < 2; i++)
			match |= strcmp(label, chip_labels[i]) == 0;
		if (info)
			g->chip_info_free(info);
		if (match)
			return chip;
		g->chip_close(chip);
	}
	errno = ENODEV;
	return NULL;
}

/* chip open + settings + request of one output line, or NULL. */
static void *v2_request(const struct gpiod_v2 *g, const char *path,
			unsigned pin, void **chipp)
{
	void *settings, *line_cfg, *req_cfg, *request = NULL;

	*chipp = g->chip_open(path);
	if (!*chipp)
		return NULL;
	settings = g->line_settings_new();
	line_cfg = g->line_config_new();
	req_cfg = g->request_config_new();
	if (settings && line_cfg && req_cfg &&
	    g->line_settings_set_direction(settings,
					   GPIOD_V2_DIRECTION_OUTPUT) == 0 &&
	    g->line_config_add_line_settings(line_cfg, &pin, 1,
					     settings) == 0) {
		g->request_config_set_consumer(req_cfg, GPIOD_CONSUMER);
		request = g->chip_request_lines(*chipp, req_cfg, line_cfg);
	}
	if (req_cfg)
		g->request_config_free(req_cfg);
	if (line_cfg)
		g->line_config_free(line_cfg);
	if (settings)
		g->line_settings_free(settings);
	return request;
}

static void run_gpiod_v2(void *lib, struct bench *b, struct gpiod_result *res)
{
	struct gpiod_v2 g;
	double us[BENCH_REPS_MAX], t;
	char path[32];
	void *chip, *request = NULL;
	unsigned r;
	int err;

	if (resolve(lib, v2_names, sizeof(v2_names) / sizeof(v2_names[0]),
		    &g, res->why) < 0)
		return;
	snprintf(res->method, sizeof(res->method),
		 "libgpiod %s gpiod_line_request_set_value()",
		 g.api_version());
	snprintf(res->setup_method, sizeof(res->setup_method),
		 "setup: libgpiod %s chip open + line request",
		 g.api_version());
	chip = v2_find_chip(&g, path, sizeof(path));
	if (!chip) {
		gpiod_fail(res, "no gpiochip labelled pinctrl-bcm2835/2711");
		return;
	}
	g.chip_close(chip);

	for (r = 0; r <= b->reps; r++) {
		t = now_s();
		request = v2_request(&g, path, b->pin, &chip);
		t = now_s() - t;
		if (!request) {
			gpiod_fail(res, chip ? "line request" : "chip open");
			if (chip)
				g.chip_close(chip);
			return;
		}
		if (r < b->reps) {
			g.line_request_release(request);
			g.chip_close(chip);
		}
		if (r)
			us[r - 1] = t * 1e6;
	}
	res->setup_us = median(us, b->reps);

	b->request = request;
	b->v2_set_value = g.line_request_set_value;
	err = measure_rate(b, loop_gpiod_v2, &res->rate);
	g.line_request_release(request);
	g.chip_close(chip);
	if (err) {
		errno = -err;
		gpiod_fail(res, "gpiod_line_request_set_value");
		return;
	}
	res->available = 1;
}

/*
 * Can this process open any GPIO character device read-write? libgpiod
 * skips the ones it cannot open without saying why: say it here.
 */
static int gpiochip_access(struct gpiod_result *res)
{
	char path[32];
	unsigned n;
	int fd, err = ENOENT;

	for (n = 0; n < 16; n++) {
		snprintf(path, sizeof(path), "/dev/gpiochip%u", n);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd >= 0) {
			close(fd);
			return 0;
		}
		if (n == 0 || errno != ENOENT)
			err = errno;
	}
	snprintf(res->why, sizeof(res->why), "/dev/gpiochip*: %s%s",
		 strerror(err), err == EACCES ? " (needs root)" : "");
	return -1;
}

/* In the child: load libgpiod (v1, else v2) and measure. */
static void gpiod_child(struct bench *b, struct gpiod_result *res)
{
	void *v1 = dlopen("libgpiod.so.2", RTLD_NOW | RTLD_LOCAL), *v2 = NULL;
	char first[WHY_SIZE / 2];

	if (!v1) {
		snprintf(first, sizeof(first), "%s", dlerror());
		v2 = dlopen("libgpiod.so.3", RTLD_NOW | RTLD_LOCAL);
		if (!v2) {
			snprintf(res->why, sizeof(res->why), "dlopen: %s; %.70s",
				 first, dlerror());
			return;
		}
	}
	if (gpiochip_access(res) < 0)
		return;
	if (v1)
		run_gpiod_v1(v1, b, res);
	else
		run_gpiod_v2(v2, b, res);
}

static void gpiod_rows(struct bench *b, struct row *rate, struct row *setup)
{
	struct gpiod_result res;
	ssize_t len;
	int fds[2], status;
	pid_t pid;

	memset(&res, 0, sizeof(res));
	fflush(NULL);
	if (pipe(fds) < 0) {
		unavailable(rate, "pipe: %s", strerror(errno));
		unavailable(setup, "%s", rate->why);
		return;
	}
	pid = fork();
	if (pid < 0) {
		unavailable(rate, "fork: %s", strerror(errno));
		unavailable(setup, "%s", rate->why);
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		gpiod_child(b, &res);
		len = write(fds[1], &res, sizeof(res));
		_exit(len == sizeof(res) ? 0 : 1);
	}
	close(fds[1]);
	do {
		len = read(fds[0], &res, sizeof(res));
	} while (len < 0 && errno == EINTR);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (len != sizeof(res)) {
		if (WIFSIGNALED(status))
			unavailable(rate, "the libgpiod child died of signal %d (dlopen from a static binary needs the same glibc at run time)",
				    WTERMSIG(status));
		else
			unavailable(rate, "the libgpiod child failed (exit %d)",
				    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		unavailable(setup, "%s", rate->why);
		return;
	}
	if (res.method[0]) {
		snprintf(rate->method, sizeof(rate->method), "%s", res.method);
		snprintf(setup->method, sizeof(setup->method), "%s",
			 res.setup_method);
	}
	if (!res.available) {
		unavailable(rate, "%s", res.why);
		unavailable(setup, "%s", res.why);
		return;
	}
	rate->available = setup->available = 1;
	rate->value = res.rate;
	setup->value = res.setup_us;
}

/* --- sysfs ----------------------------------------------------------------- */

/* Write all of s to path: 0 or -errno. */
static int write_file(const char *path, const char *s)
{
	ssize_t len;
	int fd = open(path, O_WRONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return -errno;
	len = write(fd, s, strlen(s));
	if (len < 0)
		err = -errno;
	else if ((size_t)len != strlen(s))
		err = -EIO;
	close(fd);
	return err;
}

/* The sysfs GPIO number base of the SoC's pinctrl chip, or -errno. */
static int sysfs_base(void)
{
	char path[300], buf[64];
	struct dirent *de;
	ssize_t len;
	DIR *dir = opendir("/sys/class/gpio");
	int fd, base = -ENODEV;
	unsigned i;

	if (!dir)
		return -errno;
	while (base < 0 && (de = readdir(dir))) {
		if (strncmp(de->d_name, "gpiochip", 8) != 0)
			continue;
		snprintf(path, sizeof(path), "/sys/class/gpio/%s/label",
			 de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		len = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (len <= 0)
			continue;
		buf[len] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		for (i = 0; i < 2; i++)
			if (strcmp(buf, chip_labels[i]) == 0)
				base = atoi(de->d_name + 8);
	}
	closedir(dir);
	return base;
}

static void sysfs_row(struct row *row, struct bench *b)
{
	char path[80], num[16];
	int base, err, exported = 0;

	base = sysfs_base();
	if (base < 0) {
		unavailable(row, "no /sys/class/gpio chip labelled pinctrl-bcm2835/2711: %s",
			    strerror(-base));
		return;
	}
	snprintf(num, sizeof(num), "%d", base + (int)b->pin);
	snprintf(path, sizeof(path), "/sys/class/gpio/gpio%s/value", num);
	if (access(path, F_OK) != 0) {
		err = write_file("/sys/class/gpio/export", num);
		if (err) {
			unavailable(row, "export %s: %s%s", num, strerror(-err),
				    err == -EACCES ? " (needs root)" : "");
			return;
		}
		exported = 1;
	}
	snprintf(path, sizeof(path), "/sys/class/gpio/gpio%s/direction", num);
	err = write_file(path, "out");
	snprintf(path, sizeof(path), "/sys/class/gpio/gpio%s/value", num);
	b->fd = err ? -1 : open(path, O_WRONLY | O_CLOEXEC);
	if (err || b->fd < 0) {
		unavailable(row, "%s: %s", err ? "direction" : path,
			    strerror(err ? -err : errno));
	} else {
		rate_row(row, b, loop_sysfs);
		close(b->fd);
	}
	if (exported)
		write_file("/sys/class/gpio/unexport", num);
}

/* --- output ---------------------------------------------------------------- */

static void read_model(char *buf, size_t size)
{
	ssize_t len;
	int fd = open("/proc/device-tree/model", O_RDONLY | O_CLOEXEC);

	snprintf(buf, size, "unknown");
	if (fd < 0)
		return;
	len = read(fd, buf, size - 1);
	close(fd);
	if (len <= 0) {
		snprintf(buf, size, "unknown");
		return;
	}
	buf[len] = '\0';	/* the property ends in '\0' already */
	buf[strcspn(buf, ",\n")] = '\0';
}

static const char *ratio_text(const struct row *a, const struct row *b,
			      char *buf, size_t size)
{
	if (!a->available || !b->available || b->value <= 0)
		return "-";
	/* Against row 1, a paired row's own figure: its rounds' median. */
	if (a->paired && b->id && strcmp(b->id, "1") == 0)
		snprintf(buf, size, "%.2f", a->ps.median);
	else
		snprintf(buf, size, "%.2f", a->value / b->value);
	return buf;
}

/* "met"/"missed" for ratio a/b against want, or "not measured". */
static void goal(const char *text, const struct row *a, const struct row *b,
		 double want)
{
	double ratio;

	if (!a->available || !b->available || b->value <= 0) {
		printf("goal: %-40s not measured\n", text);
		return;
	}
	if (a->paired && strcmp(b->id, "1") == 0) {
		ratio = a->ps.median;
		if (a->ps.wide) {
			printf("goal: %-40s %8.2fx  undecided: %s\n", text,
			       ratio, a->ps.rounds < PAIRED_MIN_ROUNDS ?
			       "too few rounds" : "spread too wide");
			return;
		}
	} else {
		ratio = a->value / b->value;
	}
	printf("goal: %-40s %8.2fx  %s\n", text, ratio,
	       ratio >= want ? "met" : "MISSED");
}

static void print_table(const struct row *rows, const struct bench *b,
			const char *model, const char *soc,
			const char *kernel)
{
	const struct row *raw = &rows[R_RAW];
	char ratio[32], text[160];
	unsigned i;

	printf("pigpio-regs bench: GPIO%u (bank row: 8 pins, mask 0x%08x of bank %u), %u repetitions, median\n",
	       b->pin, (unsigned)b->mask, b->bank, b->reps);
	printf("rows 1, 2, 2h, 3, 3h: %u paired rounds of each against row 1; x raw is the median of the rounds' ratios (IQR: their interquartile range; too wide above %.0f%% of the median)\n",
	       b->rounds, 100 * PAIRED_WIDE);
	printf("board: %s (%s); kernel: %s; QEMU: see host; uid %ld\n",
	       model, soc, kernel, (long)getuid());
	printf("%-3s %-52s %14s %14s %8s\n", "row", "method", "toggles/s",
	       "pins/s", "x raw");
	for (i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];

		if (strcmp(r->unit, "toggles/s") != 0)
			continue;
		if (!r->available) {
			printf("%-3s %-52s not available (%s)\n", r->id,
			       r->method, r->why);
			continue;
		}
		printf("%-3s %-52s %14.0f %14.0f %8s\n", r->id, r->method,
		       r->value, r->value * r->pins,
		       ratio_text(r, raw, ratio, sizeof(ratio)));
		/* Under the row, indented: a line of its own for scripts. */
		if (r->paired)
			printf("    paired %s: %s\n", r->id,
			       paired_text(&r->ps, text, sizeof(text)));
	}
	printf("%-3s %-52s %14s %14s %8s\n", "row", "setup", "us", "",
	       "x 7b");
	for (i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];

		if (strcmp(r->unit, "us") != 0)
			continue;
		if (!r->available) {
			printf("%-3s %-52s not available (%s)\n", r->id,
			       r->method, r->why);
			continue;
		}
		printf("%-3s %-52s %14.1f %14s %8s\n", r->id, r->method,
		       r->value, "",
		       ratio_text(r, &rows[R_SETUP_GPIOD], ratio,
				  sizeof(ratio)));
	}
	printf("%-3s %-52s %14s %14s %8s\n", "row", "time source", "reads/s",
	       "", "x 8b");
	for (i = R_TIMER; i <= R_CLOCK; i++) {
		const struct row *r = &rows[i];

		if (!r->available) {
			printf("%-3s %-52s not available (%s)\n", r->id,
			       r->method, r->why);
			continue;
		}
		printf("%-3s %-52s %14.0f %14s %8s\n", r->id, r->method,
		       r->value, "",
		       ratio_text(r, &rows[R_CLOCK], ratio, sizeof(ratio)));
	}
	goal("pin handle >= 0.97x raw stores", &rows[R_LINE], raw, 0.97);
	goal("bank handle >= 0.97x raw stores", &rows[R_BANK_LINE], raw, 0.97);
	goal("pgr_pin_write >= 0.95x raw stores", &rows[R_LIB], raw, 0.95);
	goal("pgr_pin_write >= 25x pwrite()", &rows[R_LIB], &rows[R_PWRITE], 25);
	goal("pgr_pin_write >= 25x libgpiod", &rows[R_LIB], &rows[R_GPIOD], 25);
	goal("pgr_pin_write >= 100x sysfs", &rows[R_LIB], &rows[R_SYSFS], 100);
	/* Faster setup: libgpiod's time over ours above 1. */
	goal("setup 7a (pgr_chip_open) faster than 7b", &rows[R_SETUP_GPIOD],
	     &rows[R_SETUP_LIB], 1.0);
	goal("setup 7c (open+mmap) faster than 7b", &rows[R_SETUP_GPIOD],
	     &rows[R_SETUP_RAW], 1.0);
	goal("setup 7a <= 0.5x 7b", &rows[R_SETUP_GPIOD],
	     &rows[R_SETUP_LIB], 2.0);
	if (b->setup_syscalls >= 0)
		printf("setup 7a made %ld system calls (pgr_chip_open() + first read, traced)\n",
		       b->setup_syscalls);
	else
		printf("setup 7a system calls: not counted (ptrace refused)\n");
}

static int write_csv(const char *file, const struct row *rows,
		     const struct bench *b, const char *model,
		     const char *soc, const char *kernel)
{
	const struct row *raw = &rows[R_RAW];
	FILE *f = fopen(file, "w");
	const char *text;
	char ratio[32];
	unsigned i;

	if (!f)
		return -errno;
	fprintf(f, "# pigpio-regs bench: GPIO%u; bank mask 0x%08x; %u repetitions; median\n",
		b->pin, (unsigned)b->mask, b->reps);
	fprintf(f, "# board: %s (%s)\n# kernel: %s\n# qemu: see host\n# uid: %ld\n",
		model, soc, kernel, (long)getuid());
	fprintf(f, "# paired rounds: %u (rows 2, 2h, 3, 3h against row 1); too wide: IQR > %.0f%% of the median\n",
		b->rounds, 100 * PAIRED_WIDE);
	/* "# paired: id,median,q1,q3,rounds,ok|too wide": see paired.h. */
	for (i = 0; i < NROWS; i++)
		if (rows[i].available && rows[i].paired)
			fprintf(f, "# paired: %s,%.3f,%.3f,%.3f,%u,%s\n",
				rows[i].id, rows[i].ps.median, rows[i].ps.q1,
				rows[i].ps.q3, rows[i].ps.rounds,
				rows[i].ps.wide ? "too wide" : "ok");
	fprintf(f, "id,method,unit,median,pins_per_s,ratio,status\n");
	for (i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		int setup = strcmp(r->unit, "us") == 0;
		int reads = strcmp(r->unit, "reads/s") == 0;

		if (!r->available) {
			fprintf(f, "%s,%s,%s,,,,not available: %s\n", r->id,
				r->method, r->unit, r->why);
			continue;
		}
		fprintf(f, "%s,%s,%s,%.1f,", r->id, r->method, r->unit,
			r->value);
		if (setup || reads)
			fprintf(f, ",");
		else
			fprintf(f, "%.1f,", r->value * r->pins);
		text = ratio_text(r, setup ? &rows[R_SETUP_GPIOD] :
				  reads ? &rows[R_CLOCK] : raw, ratio,
				  sizeof(ratio));
		fprintf(f, "%s,ok\n", strcmp(text, "-") ? text : "");
	}
	if (fclose(f) != 0)
		return -errno;
	return 0;
}

/* --- the run -------------------------------------------------------------- */

/*
 * Whether to go on to the next row: no. when one of the stop signals
 * (blocked by the caller, so they wait as pending) has come. A row in
 * progress always ends first: its loop has a fixed length, and a sysfs
 * export is undone by its own row.
 */
static bool go_on(struct bench *b, const sigset_t *stop)
{
	static const struct timespec now;
	sigset_t pending;
	int sig;

	if (b->stopped)
		return false;
	if (sigpending(&pending) < 0)
		return true;
	for (sig = 1; sig < (int)(sizeof(stop_names) / sizeof(stop_names[0])); sig++) {
		if (!stop_names[sig] || !sigismember(stop, sig) ||
		    !sigismember(&pending, sig))
			continue;
		b->stopped = sigtimedwait(stop, NULL, &now);
		if (b->stopped <= 0)
			b->stopped = sig;
		return false;
	}
	return true;
}

const char *bench_signal_name(int sig)
{
	if (sig > 0 && sig < (int)(sizeof(stop_names) / sizeof(stop_names[0])) &&
	    stop_names[sig])
		return stop_names[sig];
	return "a signal";
}

int bench_run(const struct bench_opts *cmd, struct pgr_chip *chip,
	      const sigset_t *stop, int *stopped)
{
	enum pgr_function saved[BENCH_PINS];
	int levels[BENCH_PINS];
	struct row rows[NROWS];
	double raw_rates[PAIRED_ROWS * BENCH_REPS_MAX];
	unsigned nraw = 0;
	struct bench b;
	struct utsname uts;
	char model[80];
	uint64_t pins = bench_pins(cmd->pin, pgr_chip_pin_count(chip));
	volatile uint32_t *base;
	unsigned i, first;
	int err, driver, ret = EXIT_SUCCESS;

	*stopped = 0;
	memset(&b, 0, sizeof(b));
	memset(rows, 0, sizeof(rows));
	b.chip = chip;
	b.pin = cmd->pin;
	b.bank = cmd->pin / 32;
	b.bit = UINT32_C(1) << (cmd->pin % 32);
	b.mask = (uint32_t)(pins >> (32 * b.bank));
	b.reps = cmd->reps ? cmd->reps : cmd->quick ? REPS_QUICK :
		 REPS_DEFAULT;
	b.target = cmd->quick ? TARGET_QUICK_S : TARGET_S;
	b.rounds = cmd->reps ? cmd->reps : cmd->quick ? ROUNDS_QUICK :
		   ROUNDS_DEFAULT;
	b.round_target = cmd->quick ? ROUND_QUICK_S : ROUND_S;
	/* The window is ours to write: the library maps it read-write. */
	base = (volatile uint32_t *)(uintptr_t)pgr_chip_mapping(chip);
	b.set = base + REG_GPSET0 / 4 + b.bank;
	b.clr = base + REG_GPCLR0 / 4 + b.bank;
	driver = pgr_chip_config_path(chip) == PGR_CONFIG_DRIVER;

	set_row(&rows[R_RAW], "1", "toggles/s", 1,
		"raw volatile stores to mapped GPSET/GPCLR");
	set_row(&rows[R_LIB], "2", "toggles/s", 1, "pgr_pin_write() (library)");
	set_row(&rows[R_LINE], "2h", "toggles/s", 1,
		"pgr_line_high/low() (inline pin handle)");
	set_row(&rows[R_BANK], "3", "toggles/s", BENCH_PINS,
		"pgr_bank_set/clear() 8 pins per store");
	set_row(&rows[R_BANK_LINE], "3h", "toggles/s", BENCH_PINS,
		"bank handle (inline) 8 pins per store");
	set_row(&rows[R_PWRITE], "4", "toggles/s", 1,
		"pwrite() through the driver (1 syscall per write)");
	set_row(&rows[R_GPIOD], "5", "toggles/s", 1, "libgpiod set value");
	set_row(&rows[R_SYSFS], "6", "toggles/s", 1,
		"sysfs /sys/class/gpio value (write + lseek)");
	set_row(&rows[R_SETUP_LIB], "7a", "us", 0,
		"setup: pgr_chip_open() + first read");
	set_row(&rows[R_SETUP_GPIOD], "7b", "us", 0,
		"setup: libgpiod chip open + line request");
	set_row(&rows[R_SETUP_RAW], "7c", "us", 0,
		"setup: open() + mmap() + first load (no library)");
	set_row(&rows[R_TIMER], "8a", "reads/s", 0,
		"system timer: pgr_timer_read() (no syscall)");
	set_row(&rows[R_CLOCK], "8b", "reads/s", 0,
		"clock_gettime(CLOCK_MONOTONIC)");

	/*
	 * The 8 pins become outputs, driven low; their levels and functions
	 * are put back at the end, also when a stop signal ends the run.
	 */
	first = (unsigned)__builtin_ctzll(pins);
	for (i = 0; i < BENCH_PINS; i++) {
		levels[i] = pgr_pin_read(chip, first + i);
		err = levels[i] < 0 ? levels[i] :
		      pgr_pin_get_function(chip, first + i, &saved[i]);
		if (!err)
			err = pgr_pin_set_function(chip, first + i,
						   PGR_FUNC_OUTPUT);
		if (err) {
			cli_error("GPIO%u: %s", first + i, strerror(-err));
			while (i-- > 0)
				pgr_pin_set_function(chip, first + i, saved[i]);
			return EXIT_FAILURE;
		}
	}
	pgr_bank_clear(chip, b.bank, b.mask);

	err = pgr_line_init(chip, b.pin, &b.pin_line);
	if (!err)
		err = pgr_line_init_bank(chip, b.bank, b.mask, &b.bank_line);
	/*
	 * Rows 2h, 2, 3, 3h in paired rounds against row 1, whose figure is
	 * the median of its rates in all those rounds.
	 */
	if (err) {
		unavailable(&rows[R_LINE], "pgr_line_init: %s", strerror(-err));
		unavailable(&rows[R_BANK_LINE], "pgr_line_init: %s",
			    strerror(-err));
	} else if (go_on(&b, stop)) {
		paired_row(&rows[R_LINE], &b, loop_line, raw_rates, &nraw);
	}
	if (go_on(&b, stop))
		paired_row(&rows[R_LIB], &b, loop_lib, raw_rates, &nraw);
	if (go_on(&b, stop))
		paired_row(&rows[R_BANK], &b, loop_bank, raw_rates, &nraw);
	if (!err && go_on(&b, stop))
		paired_row(&rows[R_BANK_LINE], &b, loop_bank_line, raw_rates,
			   &nraw);
	if (nraw > 0) {
		rows[R_RAW].value = median(raw_rates, nraw);
		rows[R_RAW].available = 1;
	} else if (go_on(&b, stop)) {
		rate_row(&rows[R_RAW], &b, loop_raw);
	}
	if (driver) {
		b.fd = pgr_chip_fd(chip);
		if (go_on(&b, stop))
			rate_row(&rows[R_PWRITE], &b, loop_pwrite);
		if (go_on(&b, stop))
			gpiod_rows(&b, &rows[R_GPIOD], &rows[R_SETUP_GPIOD]);
		if (go_on(&b, stop))
			sysfs_row(&rows[R_SYSFS], &b);
	} else {
		static const char why[] =
			"not the pigpio_regs driver: a simulated block is not the pin";

		unavailable(&rows[R_PWRITE], "%s", why);
		unavailable(&rows[R_GPIOD], "%s", why);
		unavailable(&rows[R_SYSFS], "%s", why);
		unavailable(&rows[R_SETUP_GPIOD], "%s", why);
	}
	if (go_on(&b, stop))
		setup_lib(&rows[R_SETUP_LIB], cmd, &b);
	if (go_on(&b, stop))
		setup_raw(&rows[R_SETUP_RAW], cmd, &b);
	if (go_on(&b, stop))
		b.setup_syscalls = setup_syscalls(cmd, b.pin);
	/* The two clocks back to back: the timer's ratio is against 8b. */
	if (go_on(&b, stop))
		rate_row(&rows[R_CLOCK], &b, loop_clock);
	err = pgr_timer_open(&b.timer, NULL);
	if (err < 0) {
		unavailable(&rows[R_TIMER], "%s: %s%s",
			    PIGPIO_REGS_TIMER_DEVICE, strerror(-err),
			    err == -ENODEV ? " (an RP1 has no system timer)" :
			    "");
	} else {
		if (go_on(&b, stop))
			rate_row(&rows[R_TIMER], &b, loop_timer);
		pgr_timer_close(&b.timer);
	}
	go_on(&b, stop);

	/* Levels first, while the pins are still outputs; then functions. */
	for (i = 0; i < BENCH_PINS; i++)
		pgr_pin_write(chip, first + i, levels[i]);
	for (i = 0; i < BENCH_PINS; i++)
		pgr_pin_set_function(chip, first + i, saved[i]);
	if (b.stopped) {
		*stopped = b.stopped;
		cli_error("stopped by %s; GPIO%u-%u have their functions and levels back; nothing measured is printed",
			  bench_signal_name(b.stopped), first,
			  first + BENCH_PINS - 1);
		return 128 + b.stopped;
	}

	read_model(model, sizeof(model));
	if (uname(&uts) < 0)
		snprintf(uts.release, sizeof(uts.release), "unknown");
	print_table(rows, &b, model, pgr_chip_soc_name(chip), uts.release);
	if (cmd->csv) {
		err = write_csv(cmd->csv, rows, &b, model, pgr_chip_soc_name(chip),
				uts.release);
		if (err) {
			cli_error("writing %s: %s", cmd->csv, strerror(-err));
			ret = EXIT_FAILURE;
		}
	}
	return ret;
}
