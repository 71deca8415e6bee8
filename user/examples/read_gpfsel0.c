// SPDX-License-Identifier: GPL-2.0-only
/*
 * read_gpfsel0: read the value stored at the GPIO block's physical address,
 * the register GPFSEL0 (the functions of pins 0-9).
 *
 * The classic version of this program opens /dev/mem and maps the GPIO
 * block's physical address itself, often hard-coded as 0x3f200000 (Pi 2/3),
 * which on a Pi 4 is RAM and on a Pi 1 nothing at all. That needs root
 * (CAP_SYS_RAWIO and the node's mode), and a kernel built with
 * IO_STRICT_DEVMEM, as Debian's are, refuses it anyway: the kernel's own
 * pinctrl driver has claimed that region, so mmap() fails with EPERM even
 * for root. Run with --devmem to see that refusal; it takes the address
 * from the driver's phys_base attribute, not from a constant.
 *
 * With /dev/pigpio_regs the driver has already found the address in the
 * device tree; an unprivileged member of group "gpio" maps offset 0.
 * No O_SYNC: the driver alone chooses the memory type (uncached device
 * memory), and on /dev/mem the flag matters only for RAM.
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

#define PAGE 4096
#define PHYS_BASE_ATTR "/sys/class/misc/pigpio_regs/phys_base"

/* The block's physical address, as the driver found it; 0 if unknown. */
static unsigned long long phys_base(void)
{
	unsigned long long base = 0;
	FILE *f = fopen(PHYS_BASE_ATTR, "r");

	if (!f)
		return 0;
	if (fscanf(f, "%llx", &base) != 1)
		base = 0;
	fclose(f);
	return base;
}

int main(int argc, char **argv)
{
	int use_devmem = argc > 1 && strcmp(argv[1], "--devmem") == 0;
	const char *path = use_devmem ? "/dev/mem" : "/dev/pigpio_regs";
	off_t offset = 0;
	volatile uint32_t *gpio;
	int fd;

	if (use_devmem) {
		offset = (off_t)phys_base();
		if (!offset) {
			printf("%s: cannot read the block's address\n",
			       PHYS_BASE_ATTR);
			return 1;
		}
	}
	fd = open(path, O_RDWR);
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
