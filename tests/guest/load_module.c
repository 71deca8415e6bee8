// SPDX-License-Identifier: GPL-2.0-only
/*
 * load_module [--fail-nth N] MODULE.ko [PARAMS]: load a module with
 * finit_module() and print the exact result, "ok" or the errno's name, so
 * tests can check the errno a refused load returns (insmod only prints a
 * sentence).
 *
 * --fail-nth N makes the N-th fault-injection point this task reaches
 * inside finit_module() fail (/proc/self/fail-nth, CONFIG_FAULT_INJECTION
 * with failslab), and adds " injected" when it was reached, or " unreached"
 * when the load needed fewer than N.
 *
 * --use-and-unload (with pigpio_regs.ko): after a load that succeeded, read
 * GPLEV0 through pread() and through a mapping of /dev/pigpio_regs (as
 * root: no udev rule needed), then unload the module, all in this one
 * process, and add " used unloaded", or " broken: WHAT" (exit 1). The
 * fault-injection sweep runs hundreds of loads under KASAN, where every
 * exec counts.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GPLEV0 0x34

/* Use the freshly loaded driver, then unload it: NULL, or what failed. */
static const char *use_and_unload(void)
{
	unsigned int word = 0;
	const char *what = NULL;
	void *map;
	int fd = open("/dev/pigpio_regs", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return "open /dev/pigpio_regs";
	if (pread(fd, &word, sizeof(word), GPLEV0) != sizeof(word))
		what = "pread GPLEV0";
	map = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED) {
		what = what ? what : "mmap";
	} else {
		word = *(volatile unsigned int *)((char *)map + GPLEV0);
		munmap(map, 4096);
	}
	close(fd);
	if (syscall(SYS_delete_module, "pigpio_regs", O_NONBLOCK) != 0)
		what = what ? what : "delete_module";
	return what;
}

/* Arm /proc/self/fail-nth with N (0: disarm); -1 if it cannot be. */
static int fail_nth(int nth)
{
	char buf[16];
	int fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	int len = snprintf(buf, sizeof(buf), "%d", nth);

	if (fd < 0)
		return -1;
	if (write(fd, buf, len) != len) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* What is left of the count: 0 once the fault was injected. */
static long fail_nth_left(void)
{
	char buf[16] = "";
	int fd = open("/proc/thread-self/fail-nth", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	return n > 0 ? strtol(buf, NULL, 10) : -1;
}

int main(int argc, char **argv)
{
	const char *params, *broken = NULL;
	int fd, nth = 0, ret, err, use = 0;
	long left;

	if (argc > 2 && strcmp(argv[1], "--fail-nth") == 0) {
		nth = atoi(argv[2]);
		argv += 2;
		argc -= 2;
	}
	if (argc > 1 && strcmp(argv[1], "--use-and-unload") == 0) {
		use = 1;
		argv++;
		argc--;
	}
	if (argc < 2 || argc > 3 || nth < 0) {
		fprintf(stderr, "usage: load_module [--fail-nth N] [--use-and-unload] MODULE.ko [PARAMS]\n");
		return 2;
	}
	params = argc > 2 ? argv[2] : "";
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	if (nth && fail_nth(nth)) {
		perror("/proc/thread-self/fail-nth (CONFIG_FAULT_INJECTION)");
		return 2;
	}
	ret = syscall(SYS_finit_module, fd, params, 0);
	err = errno;
	left = nth ? fail_nth_left() : -1;
	if (nth)
		fail_nth(0);
	if (ret == 0 && use)
		broken = use_and_unload();
	printf("%s%s%s%s\n", ret == 0 ? "ok" : strerrorname_np(err),
	       !nth ? "" : left == 0 ? " injected" : " unreached",
	       ret != 0 || !use ? "" : broken ? " broken: " : " used unloaded",
	       broken ? broken : "");
	return ret != 0 || broken;
}
