// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsel_race [ITERATIONS] [naive|yield|locked|all]: two processes change
 * different pins (20 and 21) of the same GPFSEL word (GPFSEL2, pins 20-29)
 * ITERATIONS times each, switching their pin between input and output.
 *
 *  naive   read-modify-write through the mapping, as a library without the
 *          driver's lock would do it;
 *  yield   the same with sched_yield() between the read and the write (to
 *          widen the window; used only to show the race exists);
 *  locked  PIGPIO_REGS_IOC_UPDATE, the driver-side read-modify-write under
 *          its lock: the very call libpigpioregs' pgr_pin_set_function() makes.
 *
 * A lost update is seen by its victim: each process knows what it last
 * wrote to its own 3 bits; if, before its next write, the word holds
 * something else, the other process wrote back a stale copy. (Losses that
 * the victim overwrites before looking are not seen: the counts are a
 * lower bound.) With UPDATE the driver returns the old word, checked the
 * same way. Prints "MODE lost N of M" per mode; exits 1 if the locked mode
 * lost any, 2 on a setup error. Leaves both pins as inputs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

#define GPFSEL2	0x08
#define PIN_A	20
#define PIN_B	21
#define DEFAULT_ITERATIONS 100000

enum mode { NAIVE, YIELD, LOCKED };
static const char *const mode_names[] = { "naive", "yield", "locked" };

static unsigned shift_of(int pin)
{
	return 3 * (pin % 10);
}

/* One process: toggle pin's function ITERATIONS times; losses seen. */
static unsigned long hammer(int fd, volatile uint32_t *regs, enum mode mode,
			    int pin, unsigned long iterations)
{
	unsigned shift = shift_of(pin);
	uint32_t mask = 7u << shift, word, mine = 0;
	struct pigpio_regs_update u;
	unsigned long i, lost = 0;

	for (i = 0; i < iterations; i++) {
		uint32_t next = (mine ^ 1) & 1;	/* input <-> output */

		if (mode == LOCKED) {
			memset(&u, 0, sizeof(u));
			u.offset = GPFSEL2;
			u.mask = mask;
			u.value = next << shift;
			if (ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u) < 0) {
				perror("PIGPIO_REGS_IOC_UPDATE");
				exit(2);
			}
			word = u.old;
		} else {
			word = regs[GPFSEL2 / 4];
			if (mode == YIELD)
				sched_yield();
			regs[GPFSEL2 / 4] = (word & ~mask) | (next << shift);
		}
		if (((word & mask) >> shift) != mine)
			lost++;
		mine = next;
	}
	return lost;
}

/* Both processes at once; the total of the losses they saw. */
static long race(int fd, volatile uint32_t *regs, enum mode mode,
		 unsigned long iterations)
{
	int pipefd[2], status, pins[2] = { PIN_A, PIN_B };
	unsigned long lost, total = 0;
	pid_t pid[2];
	int k;

	/* Both pins inputs (000) before starting. */
	regs[GPFSEL2 / 4] &= ~((7u << shift_of(PIN_A)) | (7u << shift_of(PIN_B)));
	if (pipe(pipefd) < 0)
		return -1;
	for (k = 0; k < 2; k++) {
		pid[k] = fork();
		if (pid[k] < 0)
			return -1;
		if (pid[k] == 0) {
			close(pipefd[0]);
			lost = hammer(fd, regs, mode, pins[k], iterations);
			if (write(pipefd[1], &lost, sizeof(lost)) != sizeof(lost))
				_exit(2);
			_exit(0);
		}
	}
	close(pipefd[1]);
	for (k = 0; k < 2; k++) {
		if (read(pipefd[0], &lost, sizeof(lost)) == sizeof(lost))
			total += lost;
	}
	close(pipefd[0]);
	for (k = 0; k < 2; k++)
		if (waitpid(pid[k], &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			return -1;
	regs[GPFSEL2 / 4] &= ~((7u << shift_of(PIN_A)) | (7u << shift_of(PIN_B)));
	return (long)total;
}

int main(int argc, char *argv[])
{
	unsigned long iterations = DEFAULT_ITERATIONS;
	const char *which = argc > 2 ? argv[2] : "all";
	volatile uint32_t *regs;
	int fd, m, failed = 0;
	long lost;
	void *map;

	if (argc > 1)
		iterations = strtoul(argv[1], NULL, 10);
	fd = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		perror(PIGPIO_REGS_DEVICE);
		return 2;
	}
	map = mmap(NULL, PIGPIO_REGS_WINDOW_SIZE, PROT_READ | PROT_WRITE,
		   MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	regs = map;

	for (m = NAIVE; m <= LOCKED; m++) {
		if (strcmp(which, "all") != 0 && strcmp(which, mode_names[m]) != 0)
			continue;
		lost = race(fd, regs, (enum mode)m, iterations);
		if (lost < 0) {
			fprintf(stderr, "%s: the race could not run\n",
				mode_names[m]);
			return 2;
		}
		printf("%s lost %ld of %lu\n", mode_names[m], lost,
		       2 * iterations);
		fflush(stdout);
		if (m == LOCKED && lost != 0)
			failed = 1;
	}
	munmap(map, PIGPIO_REGS_WINDOW_SIZE);
	close(fd);
	return failed;
}
