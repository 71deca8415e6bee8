// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The system timer, read-only: open /dev/pigpio_timer and map its page
 * (pigpioregs.h says what each call returns). The reads are inline in the
 * header.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pigpioregs.h"

/* Whether the driver is loaded and serves an RP1: no timer to give. */
static bool driver_is_rp1(void)
{
	char soc[16] = "";
	FILE *f = fopen(PIGPIO_REGS_SYSFS_DIR "/" PIGPIO_REGS_ATTR_SOC, "re");

	if (!f)
		return false;
	if (!fgets(soc, sizeof(soc), f))
		soc[0] = '\0';
	fclose(f);
	return strcmp(soc, "rp1\n") == 0;
}

int pgr_timer_open(struct pgr_timer *timer, const char *device_path)
{
	struct stat st;
	void *map;
	int fd, err;

	if (!timer)
		return -EINVAL;
	timer->regs = NULL;
	timer->fd = -1;
	timer->reserved = 0;
	if (!device_path)
		device_path = PIGPIO_REGS_TIMER_DEVICE;

	fd = open(device_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		/* The default node is absent because the SoC has no timer. */
		if (err == -ENOENT && !strcmp(device_path, PIGPIO_REGS_TIMER_DEVICE) &&
		    driver_is_rp1())
			err = -ENODEV;
		return err;
	}
	if (fstat(fd, &st) < 0) {
		err = -errno;
		goto err_close;
	}
	if (S_ISREG(st.st_mode) && st.st_size < PIGPIO_REGS_TIMER_BLOCK_SIZE) {
		err = -EPROTO;
		goto err_close;
	}
	map = mmap(NULL, PIGPIO_REGS_TIMER_WINDOW_SIZE, PROT_READ, MAP_SHARED,
		   fd, 0);
	if (map == MAP_FAILED) {
		err = -errno;
		goto err_close;
	}
	timer->regs = map;
	timer->fd = fd;
	return 0;

err_close:
	close(fd);
	return err;
}

void pgr_timer_close(struct pgr_timer *timer)
{
	if (!timer || timer->fd < 0)
		return;
	munmap((void *)timer->regs, PIGPIO_REGS_TIMER_WINDOW_SIZE);
	close(timer->fd);
	timer->regs = NULL;
	timer->fd = -1;
}

uint64_t pgr_timer_delay_us(const struct pgr_timer *timer, uint64_t us)
{
	uint64_t start = pgr_timer_read(timer), now;

	do
		now = pgr_timer_read(timer);
	while (now - start < us);
	return now;
}
