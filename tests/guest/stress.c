// SPDX-License-Identifier: GPL-2.0-only
/*
 * stress NPROC SECONDS [CONTROL_SECONDS]: NPROC processes, each owning one
 * pin, for SECONDS at once: open, map, re-configure their pin through
 * PIGPIO_REGS_IOC_UPDATE (the pins share GPFSEL words, ten to a word),
 * toggle it through the mapping, unmap, close, again and again.
 *
 * Every UPDATE returns the register's old value: the owner's three bits in
 * it must be what the owner itself set last, or another process's
 * read-modify-write lost the owner's update. At the end each pin must have
 * the function its owner set last. Then, for CONTROL_SECONDS (default 3),
 * the same with an unlocked read-modify-write through the mapping: that
 * one is expected to lose updates, which shows the check can see them.
 *
 * Prints PASS/FAIL lines and SAY lines with the figures.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#define GPSET0	0x1c
#define GPCLR0	0x28
#define GPLEV0	0x34
#define MAXPROC	64

/* Pins 0-13 and 16-33: not the console's 14 and 15, not the SD card's. */
static const unsigned pins[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17,
	18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
};

struct result {
	unsigned long updates, toggles, maps, lost, level_errors, errors;
	int final_ok;
	int done;
};

struct shared {
	volatile int go;
	struct result r[MAXPROC];
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint32_t pread_reg(int fd, off_t off)
{
	uint32_t v = 0xdeadbeef;

	if (pread(fd, &v, 4, off) != 4)
		v = 0xdeadbeef;
	return v;
}

static int update(int fd, uint32_t offset, uint32_t mask, uint32_t value,
		  uint32_t *old)
{
	struct pigpio_regs_update u = { offset, mask, value, 0 };
	int ret = ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u);

	*old = u.old;
	return ret;
}

static void worker(struct shared *sh, int idx, double seconds, int locked)
{
	struct result *r = &sh->r[idx];
	unsigned pin = pins[idx];
	uint32_t fsel = pin / 10 * 4, shift = pin % 10 * 3, mask = 7u << shift;
	uint32_t bit = 1u << (pin % 32), bank = pin / 32 * 4;
	uint32_t orig, last, next, old;
	double deadline;
	int fd0 = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC), k;

	if (fd0 < 0)
		_exit(2);
	orig = (pread_reg(fd0, fsel) >> shift) & 7;
	last = orig;
	while (!sh->go)
		usleep(1000);
	deadline = now() + seconds;
	while (now() < deadline) {
		int fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
		volatile uint32_t *regs = fd < 0 ? MAP_FAILED :
			mmap(NULL, PIGPIO_REGS_WINDOW_SIZE,
			     PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		if (regs == MAP_FAILED) {
			r->errors++;
			if (fd >= 0)
				close(fd);
			continue;
		}
		r->maps++;
		for (k = 0; k < 8; k++) {
			next = last == 1 ? 0 : 1;
			if (locked) {
				if (update(fd, fsel, mask, next << shift, &old)) {
					r->errors++;
					continue;
				}
			} else {
				/* The race the ioctl exists to prevent. */
				old = regs[fsel / 4];
				regs[fsel / 4] = (old & ~mask) | next << shift;
			}
			if (((old >> shift) & 7) != last)
				r->lost++;
			last = next;
			r->updates++;
			if (last == 1) {
				regs[(GPSET0 + bank) / 4] = bit;
				if (!(regs[(GPLEV0 + bank) / 4] & bit))
					r->level_errors++;
				regs[(GPCLR0 + bank) / 4] = bit;
				if (regs[(GPLEV0 + bank) / 4] & bit)
					r->level_errors++;
				r->toggles++;
			}
		}
		munmap((void *)regs, PIGPIO_REGS_WINDOW_SIZE);
		close(fd);
	}
	r->final_ok = ((pread_reg(fd0, fsel) >> shift) & 7) == last;
	/* Leave the pin as it was found. */
	update(fd0, fsel, mask, orig << shift, &old);
	close(fd0);
	r->done = 1;
	_exit(0);
}

static int run(struct shared *sh, int nproc, double seconds, int locked,
	       struct result *sum, int *finals, int *dead)
{
	pid_t pid[MAXPROC];
	int i, status;

	memset(sh, 0, sizeof(*sh));
	for (i = 0; i < nproc; i++) {
		pid[i] = fork();
		if (pid[i] == 0)
			worker(sh, i, seconds, locked);
		if (pid[i] < 0)
			return -1;
	}
	sh->go = 1;
	memset(sum, 0, sizeof(*sum));
	*finals = *dead = 0;
	for (i = 0; i < nproc; i++) {
		waitpid(pid[i], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) || !sh->r[i].done)
			(*dead)++;
		sum->updates += sh->r[i].updates;
		sum->toggles += sh->r[i].toggles;
		sum->maps += sh->r[i].maps;
		sum->lost += sh->r[i].lost;
		sum->level_errors += sh->r[i].level_errors;
		sum->errors += sh->r[i].errors;
		*finals += sh->r[i].final_ok;
		if (locked && !sh->r[i].updates)
			(*dead)++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int nproc = argc > 1 ? atoi(argv[1]) : 32;
	double seconds = argc > 2 ? atof(argv[2]) : 30;
	double control = argc > 3 ? atof(argv[3]) : 3;
	struct shared *sh;
	struct result s;
	int finals, dead, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (nproc < 1 || nproc > (int)(sizeof(pins) / sizeof(pins[0]))) {
		fprintf(stderr, "usage: stress NPROC(1-32) SECONDS [CONTROL_SECONDS]\n");
		return 2;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || run(sh, nproc, seconds, 1, &s, &finals, &dead)) {
		printf("FAIL stress: setup: %s\n", strerror(errno));
		return 1;
	}
	printf("SAY stress: %d processes x %.0f s: %lu UPDATEs, %lu toggles, %lu open+mmap+munmap+close, %lu lost updates, %lu level errors, %lu call errors\n",
	       nproc, seconds, s.updates, s.toggles, s.maps, s.lost,
	       s.level_errors, s.errors);
#define CHECK(ok, name, ...) do { \
		if (ok) { printf("PASS %s\n", name); } \
		else { printf("FAIL %s: ", name); printf(__VA_ARGS__); \
		       putchar('\n'); failed = 1; } } while (0)
	CHECK(!dead, "stress: every process ran and made progress",
	      "%d processes died or made no update", dead);
	CHECK(s.updates > 0 && !s.lost && !s.errors,
	      "stress: no configuration update lost (UPDATE's old value)",
	      "%lu lost, %lu errors in %lu updates", s.lost, s.errors, s.updates);
	CHECK(finals == nproc, "stress: every pin has its owner's last function",
	      "%d of %d", finals, nproc);
	CHECK(!s.level_errors && s.toggles > 0,
	      "stress: every toggle seen in GPLEV through the mapping",
	      "%lu level errors in %lu toggles", s.level_errors, s.toggles);

	if (control > 0 &&
	    !run(sh, nproc, control, 0, &s, &finals, &dead))
		printf("SAY stress control: unlocked read-modify-write through the mapping, %d processes x %.0f s: %lu of %lu updates lost\n",
		       nproc, control, s.lost, s.updates);
	return failed;
}
