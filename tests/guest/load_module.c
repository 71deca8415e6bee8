// SPDX-License-Identifier: GPL-2.0-only
/*
 * load_module MODULE.ko [PARAMS]: load a module with finit_module() and
 * print the exact result, "ok" or the errno's name, so tests can check the
 * errno a refused load returns (insmod only prints a sentence).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *params = argc > 2 ? argv[2] : "";
	int fd;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: load_module MODULE.ko [PARAMS]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	if (syscall(SYS_finit_module, fd, params, 0) == 0) {
		puts("ok");
		return 0;
	}
	printf("%s\n", strerrorname_np(errno));
	return 1;
}
