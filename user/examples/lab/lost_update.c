// SPDX-License-Identifier: GPL-2.0-only
/*
 * lost_update [ROUNDS]: the lab's exercise 6 (docs/lab/README.md). Two
 * processes change the function of two different pins, 20 and 21, which
 * share one register word (GPFSEL2 holds pins 20-29, three bits each).
 *
 * "naive": each reads the word through the mapping, changes its own three
 * bits and stores the word back. If the other process stored between that
 * load and that store, its change is overwritten with the stale copy: a
 * lost update. Each process notices when the bits it last wrote are no
 * longer there. (sched_yield() between load and store widens the window,
 * so the race shows on an idle machine too.)
 *
 * "locked": the same change through PIGPIO_REGS_IOC_UPDATE, where the
 * driver does the read-modify-write under its spinlock and returns the
 * old word: nothing can come between the load and the store, and no
 * update is lost. This is the call libpigpioregs's pgr_pin_set_function()
 * makes. (tests/guest/fsel_race.c is the suite's longer version.)
 *
 * Prints "naive: lost N of M" and "locked: lost N of M"; leaves both pins
 * inputs; exits 1 if the locked run lost any.
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

#define PAGE 4096
#define GPFSEL2 0x08	/* byte offset: pins 20-29 */

/* One process: switch pin between input (000) and output (001) rounds
 * times; return how often its own last change had vanished. */
static long hammer(int fd, volatile uint32_t *gpio, int locked, int pin,
		   long rounds)
{
	unsigned shift = 3 * (pin % 10);
	uint32_t mask = 7u << shift, word, mine = 0, next;
	struct pigpio_regs_update u;
	long i, lost = 0;

	for (i = 0; i < rounds; i++) {
		next = mine ^ 1;
		if (locked) {
			memset(&u, 0, sizeof(u));
			u.offset = GPFSEL2;
			u.mask = mask;
			u.value = next << shift;
			if (ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &u) < 0)
				exit(2);
			word = u.old;	/* the word just before our change */
		} else {
			word = gpio[GPFSEL2 / 4];		/* load */
			sched_yield();
			gpio[GPFSEL2 / 4] = (word & ~mask) | (next << shift); /* store */
		}
		if (((word & mask) >> shift) != mine)
			lost++;
		mine = next;
	}
	return lost;
}

/* Both processes at once; the sum of the losses they saw, or -1. */
static long race(int fd, volatile uint32_t *gpio, int locked, long rounds)
{
	const uint32_t both = (7u << 0) | (7u << 3);	/* pins 20 and 21 */
	int pipefd[2], status, k, pins[2] = { 20, 21 };
	long lost, total = 0;
	pid_t pid[2];

	gpio[GPFSEL2 / 4] &= ~both;	/* both inputs; nobody else races here */
	if (pipe(pipefd) < 0)
		return -1;
	for (k = 0; k < 2; k++) {
		pid[k] = fork();
		if (pid[k] < 0)
			return -1;
		if (pid[k] == 0) {
			lost = hammer(fd, gpio, locked, pins[k], rounds);
			_exit(write(pipefd[1], &lost, sizeof(lost)) == sizeof(lost) ? 0 : 2);
		}
	}
	close(pipefd[1]);
	for (k = 0; k < 2; k++)
		if (read(pipefd[0], &lost, sizeof(lost)) == sizeof(lost))
			total += lost;
	close(pipefd[0]);
	for (k = 0; k < 2; k++)
		if (waitpid(pid[k], &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			total = -1;
	gpio[GPFSEL2 / 4] &= ~both;
	return total;
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
	volatile uint32_t *gpio;
	long naive, locked;
	int fd;

	if (rounds < 1) {
		fprintf(stderr, "usage: lost_update [ROUNDS >= 1]\n");
		return 2;
	}
	fd = open("/dev/pigpio_regs", O_RDWR);
	if (fd < 0) {
		printf("open /dev/pigpio_regs: %s\n", strerror(errno));
		return 2;
	}
	gpio = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (gpio == MAP_FAILED) {
		printf("mmap: %s\n", strerror(errno));
		return 2;
	}
	naive = race(fd, gpio, 0, rounds);
	printf("naive: lost %ld of %ld\n", naive, 2 * rounds);
	fflush(stdout);
	locked = race(fd, gpio, 1, rounds);
	printf("locked: lost %ld of %ld\n", locked, 2 * rounds);
	munmap((void *)gpio, PAGE);
	close(fd);
	if (naive < 0 || locked < 0)
		return 2;
	return locked ? 1 : 0;
}
