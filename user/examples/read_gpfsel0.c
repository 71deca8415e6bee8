// SPDX-License-Identifier: GPL-2.0-only
/*
 * read_gpfsel0: read the value stored at the GPIO block's physical address,
 * the register GPFSEL0 (the functions of pins 0-9).
 *
 * The classic version of this program opens /dev/mem and maps the physical
 * address 0x3f200000 (Pi 2/3) itself. That needs root (CAP_SYS_RAWIO and
 * the node's mode), and a kernel built with STRICT_DEVMEM and
 * IO_STRICT_DEVMEM, as Debian's are, refuses it anyway: the kernel's own
 * pinctrl driver has claimed that region, so mmap() fails with EPERM even
 * for root. Run with --devmem to see that refusal.
 *
 * With /dev/pigpio_regs the driver has already found the address in the
 * device tree; an unprivileged member of group "gpio" maps offset 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define GPIO_PHYS_BCM2837 0x3f200000	/* only for the /dev/mem version */
#define PAGE 4096

int main(int argc, char **argv)
{
	int use_devmem = argc > 1 && strcmp(argv[1], "--devmem") == 0;
	const char *path = use_devmem ? "/dev/mem" : "/dev/pigpio_regs";
	off_t offset = use_devmem ? GPIO_PHYS_BCM2837 : 0;
	volatile uint32_t *gpio;
	int fd;

	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		printf("open %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* addr NULL: the kernel picks where the page goes in our space. */
	gpio = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, offset);
	if (gpio == MAP_FAILED) {
		printf("mmap %s at offset %#lx: %s\n", path, (long)offset,
		       strerror(errno));
		return 1;
	}
	printf("GPFSEL0 = 0x%08x (mapped at %p)\n", gpio[0], (void *)gpio);
	munmap((void *)gpio, PAGE);
	close(fd);
	return 0;
}
