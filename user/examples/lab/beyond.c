// SPDX-License-Identifier: GPL-2.0-only
/*
 * beyond: the lab's exercise 5 (docs/lab/README.md). What lies past the
 * GPIO block in a mapping:
 *
 * 1. /dev/pigpio_regs refuses a mapping longer than its window (one page):
 *    mmap() of two pages fails with EINVAL, so nothing past it can exist.
 * 2. /dev/pigpio_gpiomem, the node for existing /dev/gpiomem clients,
 *    accepts any length (WiringPi maps more than a page) and backs only
 *    the first page. A store to the second page finds no page-table entry;
 *    the fault handler has no page to give a VM_PFNMAP mapping, and the
 *    kernel sends SIGBUS ("a mapping exists, but nothing is behind it"),
 *    not SIGSEGV ("no mapping here").
 *
 * The store is made in a child process, so the parent can report how the
 * child died. Each line reads "NAME: RESULT".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define GPLEV0 (0x34 / 4)

int main(void)
{
	volatile uint32_t *gpio;
	int fd, status;
	void *p;
	pid_t pid;

	fd = open("/dev/pigpio_regs", O_RDWR);
	if (fd < 0) {
		printf("open /dev/pigpio_regs: %s\n", strerror(errno));
		return 1;
	}
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("pigpio_regs two pages: %s\n",
	       p == MAP_FAILED ? strerrorname_np(errno) : "ok");
	if (p != MAP_FAILED)
		munmap(p, 2 * PAGE);
	close(fd);

	fd = open("/dev/pigpio_gpiomem", O_RDWR);
	if (fd < 0) {
		printf("open /dev/pigpio_gpiomem: %s\n", strerror(errno));
		return 1;
	}
	gpio = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (gpio == MAP_FAILED) {
		printf("pigpio_gpiomem two pages: %s\n", strerror(errno));
		return 1;
	}
	printf("pigpio_gpiomem two pages: ok at %p\n", (void *)gpio);
	printf("page 0, GPLEV0: 0x%08x\n", gpio[GPLEV0]);
	fflush(stdout);

	pid = fork();
	if (pid == 0) {
		gpio[PAGE / 4] = 1;	/* the first word of page 1 */
		_exit(0);		/* not reached */
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		perror("fork");
		return 1;
	}
	if (WIFSIGNALED(status))
		printf("store to page 1: killed by SIG%s\n",
		       sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status)) : "?");
	else
		printf("store to page 1: exited %d\n", WEXITSTATUS(status));
	printf("page 0 after: GPLEV0 0x%08x\n", gpio[GPLEV0]);
	munmap((void *)gpio, 2 * PAGE);
	close(fd);
	return 0;
}
