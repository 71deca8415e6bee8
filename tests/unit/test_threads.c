// SPDX-License-Identifier: GPL-2.0-only
/*
 * One chip shared by threads, built with ThreadSanitizer (tests/unit/run.sh):
 * the library's thread rule (pigpioregs.h, "Threads") must hold with no
 * data race the sanitizer can see.
 *
 * The device is a simulated block (a regular file) whose configuration
 * changes go through a stand-in for the driver: a devcall that makes the
 * read-modify-write under one mutex, as the driver does under its lock.
 * Eight threads each own pins that share GPFSEL words with the others'
 * pins, and each repeatedly sets its pins' functions and drives them
 * through pgr_line handles; at the end every pin has its owner's last
 * function, so no update was lost.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "internal.h"
#include "pigpioregs.h"

#define THREADS		8
#define ROUNDS		2000
#define PINS_EACH	3	/* pins t, t + 8, t + 16: GPFSEL0-2 shared */

static pthread_mutex_t driver_lock = PTHREAD_MUTEX_INITIALIZER;
static struct pgr_chip *chip;

/* The stand-in for the driver's locked UPDATE; the probe is EINVAL. */
static int locked_devcall(struct pgr_chip *c, unsigned long request,
			  void *arg)
{
	struct pigpio_regs_update *u = arg;
	volatile uint32_t *word;

	if (request != PIGPIO_REGS_IOC_UPDATE || u->offset > 0x14)
		return -EINVAL;
	word = (volatile uint32_t *)(uintptr_t)pgr_chip_mapping(c) + u->offset / 4;
	pthread_mutex_lock(&driver_lock);
	u->old = *word;
	*word = (u->old & ~u->mask) | u->value;
	pthread_mutex_unlock(&driver_lock);
	return 0;
}

static void *worker(void *arg)
{
	unsigned t = (unsigned)(uintptr_t)arg, r, i;
	struct pgr_line lines[PINS_EACH];
	enum pgr_function f;

	for (i = 0; i < PINS_EACH; i++)
		if (pgr_line_init(chip, t + 8 * i, &lines[i]))
			return (void *)1;
	for (r = 0; r < ROUNDS; r++) {
		f = r % 2 ? PGR_FUNC_OUTPUT : PGR_FUNC_ALT0 + t % 4;
		for (i = 0; i < PINS_EACH; i++) {
			if (pgr_pin_set_function(chip, t + 8 * i, f))
				return (void *)1;
			pgr_line_write(&lines[i], r & 1);
		}
	}
	return NULL;
}

static void test_threads(void)
{
	char dir[64], dev[96], sys[96], path[128];
	static const char *const attrs[][2] = {
		{ "soc", "bcm2837\n" }, { "phys_base", "0x3f200000\n" },
		{ "bus_base", "0x7e200000\n" }, { "block_size", "180\n" },
		{ "window_size", "4096\n" }, { "ngpio", "54\n" },
	};
	static const char zero[4096];
	pthread_t threads[THREADS];
	enum pgr_function f;
	void *result;
	unsigned t, i;
	FILE *file;
	int fd;

	snprintf(dir, sizeof(dir), "%s/pgr-threads-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	EXPECT(mkdtemp(dir), "mkdtemp");
	snprintf(dev, sizeof(dev), "%s/dev", dir);
	snprintf(sys, sizeof(sys), "%s/sys", dir);
	fd = open(dev, O_RDWR | O_CREAT | O_EXCL, 0600);
	EXPECT(fd >= 0 && write(fd, zero, sizeof(zero)) == 4096, "block");
	close(fd);
	EXPECT(mkdir(sys, 0700) == 0, "mkdir");
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", sys, attrs[i][0]);
		file = fopen(path, "w");
		EXPECT(file && fputs(attrs[i][1], file) >= 0 && !fclose(file),
		       "%s", path);
	}

	EXPECT_INT(pgr_chip_open(&chip, dev, sys), 0);
	pgr_chip_set_devcall(chip, locked_devcall, NULL);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_DRIVER);
	for (t = 0; t < THREADS; t++)
		EXPECT_INT(pthread_create(&threads[t], NULL, worker,
					  (void *)(uintptr_t)t), 0);
	for (t = 0; t < THREADS; t++) {
		EXPECT_INT(pthread_join(threads[t], &result), 0);
		EXPECT(result == NULL, "thread %u failed a call", t);
	}
	/* ROUNDS is even: every thread's last function was output. */
	for (t = 0; t < THREADS; t++)
		for (i = 0; i < PINS_EACH; i++) {
			EXPECT_INT(pgr_pin_get_function(chip, t + 8 * i, &f), 0);
			EXPECT(f == PGR_FUNC_OUTPUT, "GPIO%u lost its update: %d",
			       t + 8 * i, (int)f);
		}
	pgr_chip_close(chip);
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", sys, attrs[i][0]);
		unlink(path);
	}
	rmdir(sys);
	unlink(dev);
	rmdir(dir);
}

int main(void)
{
	CHECK_RUN("threads/8-threads-share-a-chip-no-race-no-lost-update",
		  test_threads);
	return check_exit();
}
