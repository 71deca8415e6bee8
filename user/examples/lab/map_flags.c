// SPDX-License-Identifier: GPL-2.0-only
/*
 * map_flags: the lab's exercise 4 (docs/lab/README.md). Ask the driver for
 * mappings it must refuse, and print what each attempt got:
 *
 *   MAP_PRIVATE            EINVAL: a copy-on-write copy of registers
 *                          would be a page of RAM that reaches no hardware
 *   PROT_EXEC              EPERM: registers are never code
 *   mprotect(PROT_EXEC)    EACCES: the driver cleared VM_MAYEXEC, so a
 *                          good mapping cannot be made executable later
 *   MAP_SHARED, read+write accepted: the one mapping the device gives
 *
 * Each line reads "NAME: RESULT"; the suite (tests/guest/lab.sh) checks
 * the results by name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

/* "ok" or the errno's name for one mmap() attempt; unmaps what it got. */
static const char *try_map(int fd, int prot, int flags)
{
	void *p = mmap(NULL, PAGE, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		return strerrorname_np(errno);
	munmap(p, PAGE);
	return "ok";
}

int main(void)
{
	void *p;
	int fd;

	fd = open("/dev/pigpio_regs", O_RDWR);
	if (fd < 0) {
		printf("open /dev/pigpio_regs: %s\n", strerror(errno));
		return 1;
	}
	printf("MAP_PRIVATE: %s\n",
	       try_map(fd, PROT_READ | PROT_WRITE, MAP_PRIVATE));
	printf("PROT_EXEC: %s\n",
	       try_map(fd, PROT_READ | PROT_EXEC, MAP_SHARED));
	printf("MAP_SHARED read+write: %s\n",
	       try_map(fd, PROT_READ | PROT_WRITE, MAP_SHARED));

	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		printf("mmap PROT_READ: %s\n", strerror(errno));
		return 1;
	}
	printf("mprotect(PROT_EXEC) later: %s\n",
	       mprotect(p, PAGE, PROT_READ | PROT_EXEC) ? strerrorname_np(errno) : "ok");
	munmap(p, PAGE);
	close(fd);
	return 0;
}
