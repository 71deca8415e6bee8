// SPDX-License-Identifier: GPL-2.0-only
/*
 * lifetime PIN: hold descriptors and mappings of both nodes open while root
 * tries to unbind, rebind and redirect the driver (tests/guest/lifetime.sh),
 * and use all of them after each attempt. Reads one command per line on
 * standard input:
 *   round   use every descriptor and mapping once, print "round N ok" or
 *           FAIL lines
 *   end     put PIN back as it was found, print the verdict, exit
 *
 * Every call must keep working on the same block: each mapping, old or made
 * in this round, must show the GPLEV0 that pread() of the same descriptor
 * returns, and a level PIN is driven to through pwrite() must be seen by
 * every mapping and by pread().
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/pigpio_regs.h>

#define PAGE		4096
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34

static unsigned failures;

static void fail(unsigned round, const char *what)
{
	printf("FAIL round %u: %s: %s\n", round, what, strerror(errno));
	failures++;
}

static uint32_t map_reg(volatile uint32_t *map, unsigned offset)
{
	return map[offset / 4];
}

/* One mapping against pread() of GPLEV0 through @fd. */
static void same_block(unsigned round, const char *name, int fd,
		       volatile uint32_t *map)
{
	uint32_t lev;

	errno = 0;
	if (pread(fd, &lev, 4, GPLEV0) != 4) {
		fail(round, name);
		return;
	}
	if (map_reg(map, GPLEV0) != lev) {
		errno = 0;
		printf("FAIL round %u: %s: mapping GPLEV0 %#x, pread %#x\n",
		       round, name, map_reg(map, GPLEV0), lev);
		failures++;
	}
}

static volatile uint32_t *map(int fd, int prot)
{
	void *p = mmap(NULL, PAGE, prot, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

int main(int argc, char **argv)
{
	volatile uint32_t *rw_map, *ro_map, *gm_map, *fresh;
	struct pigpio_regs_update fsel = { 0 };
	unsigned pin, round = 0, fsel_old;
	char line[32];
	int rw, ro, gm;
	uint32_t bit, lev;

	if (argc != 2) {
		fprintf(stderr, "usage: lifetime PIN (0-31)\n");
		return 2;
	}
	pin = (unsigned)strtoul(argv[1], NULL, 10) % 32;
	bit = 1u << pin;
	setvbuf(stdout, NULL, _IOLBF, 0);

	rw = open(PIGPIO_REGS_DEVICE, O_RDWR | O_CLOEXEC);
	ro = open(PIGPIO_REGS_DEVICE, O_RDONLY | O_CLOEXEC);
	gm = open(PIGPIO_REGS_GPIOMEM_DEVICE, O_RDWR | O_CLOEXEC);
	if (rw < 0 || ro < 0 || gm < 0) {
		fail(0, "open both nodes");
		return 1;
	}
	rw_map = map(rw, PROT_READ | PROT_WRITE);
	ro_map = map(ro, PROT_READ);
	gm_map = map(gm, PROT_READ | PROT_WRITE);
	if (!rw_map || !ro_map || !gm_map) {
		fail(0, "map both nodes");
		return 1;
	}
	/* PIN an output for the rounds, through the locked update. */
	fsel.offset = pin / 10 * 4;
	fsel.mask = 7u << (pin % 10 * 3);
	fsel.value = 1u << (pin % 10 * 3);
	if (ioctl(rw, PIGPIO_REGS_IOC_UPDATE, &fsel)) {
		fail(0, "UPDATE: PIN an output");
		return 1;
	}
	fsel_old = fsel.old & fsel.mask;
	printf("ready: holding 3 descriptors and 3 mappings\n");

	while (fgets(line, sizeof(line), stdin)) {
		if (strncmp(line, "round", 5))
			break;
		round++;
		same_block(round, "old strict mapping", rw, rw_map);
		same_block(round, "old read-only mapping", ro, ro_map);
		same_block(round, "old gpiomem mapping", rw, gm_map);

		/* Drive PIN high, then low, through the driver. */
		if (pwrite(rw, &bit, 4, GPSET0) != 4)
			fail(round, "pwrite GPSET0");
		if (pread(ro, &lev, 4, GPLEV0) != 4 || !(lev & bit) ||
		    !(map_reg(rw_map, GPLEV0) & bit) || !(map_reg(gm_map, GPLEV0) & bit)) {
			errno = 0;
			fail(round, "high through pwrite, seen by pread and both mappings");
		}
		if (pwrite(rw, &bit, 4, GPCLR0) != 4)
			fail(round, "pwrite GPCLR0");
		if (pread(ro, &lev, 4, GPLEV0) != 4 || (lev & bit) ||
		    (map_reg(ro_map, GPLEV0) & bit)) {
			errno = 0;
			fail(round, "low through pwrite, seen by pread and the mapping");
		}
		/* A locked update that changes nothing, then fresh mappings. */
		fsel.value = 1u << (pin % 10 * 3);
		if (ioctl(rw, PIGPIO_REGS_IOC_UPDATE, &fsel))
			fail(round, "UPDATE");
		fresh = map(rw, PROT_READ | PROT_WRITE);
		if (!fresh) {
			fail(round, "new strict mapping");
		} else {
			same_block(round, "new strict mapping", rw, fresh);
			munmap((void *)fresh, PAGE);
		}
		fresh = map(gm, PROT_READ);
		if (!fresh) {
			fail(round, "new gpiomem mapping");
		} else {
			same_block(round, "new gpiomem mapping", rw, fresh);
			munmap((void *)fresh, PAGE);
		}
		if (lseek(ro, GPLEV0, SEEK_SET) != GPLEV0 || read(ro, &lev, 4) != 4)
			fail(round, "lseek and read");
		printf("round %u done\n", round);
	}

	fsel.value = fsel_old;
	if (ioctl(rw, PIGPIO_REGS_IOC_UPDATE, &fsel))
		fail(round, "UPDATE: PIN back to its function");
	if (!failures && round)
		printf("PASS %u rounds: old and new descriptors and mappings kept working on the GPIO block\n",
		       round);
	else
		printf("FAIL %u rounds, %u failures\n", round, failures);
	return failures || !round;
}
