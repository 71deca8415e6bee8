// SPDX-License-Identifier: GPL-2.0-only
/*
 * blink_mmap: control a GPIO by direct memory access after
 * mmap(NULL, ...): make the pin an output, then set and clear it with
 * single stores to GPSET0 and GPCLR0. No system call per toggle.
 *
 * The function change is the one step that is not a single store: GPFSEL
 * words hold ten pins each, so "read the word, change three bits, store
 * it" through the mapping races with any other process changing another
 * pin of the same word, and one of the two updates is lost (the suite's
 * fsel_race shows it happening). The classic /dev/mem version does exactly
 * that. Here the driver does the read-modify-write under its lock
 * (PIGPIO_REGS_IOC_UPDATE); the toggles need no lock, since GPSETn/GPCLRn
 * change only the pins whose bits are 1.
 *
 * usage: blink_mmap [PIN] [COUNT]   (pins 0-31, default 17, 5 times)
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
#include <time.h>
#include <unistd.h>

#include <linux/pigpio_regs.h>

/* Word indexes of the registers (byte offset / 4), from the datasheet. */
#define GPFSEL0	(0x00 / 4)
#define GPSET0	(0x1c / 4)
#define GPCLR0	(0x28 / 4)
#define GPLEV0	(0x34 / 4)
#define PAGE 4096

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

int main(int argc, char **argv)
{
	unsigned pin = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 17;
	int count = argc > 2 ? atoi(argv[2]) : 5;
	struct pigpio_regs_update update = { 0 };
	volatile uint32_t *gpio;
	unsigned shift;
	int fd, i;

	if (pin > 31 || count < 1) {
		fprintf(stderr, "usage: blink_mmap [PIN 0-31] [COUNT >= 1]\n");
		return 2;
	}
	/*
	 * No O_SYNC: it changes nothing here (the driver alone chooses the
	 * mapping's memory type: uncached device memory), and on /dev/mem it
	 * matters only for RAM.
	 */
	fd = open("/dev/pigpio_regs", O_RDWR);
	if (fd < 0) {
		perror("open /dev/pigpio_regs");
		return 1;
	}
	gpio = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (gpio == MAP_FAILED) {
		perror("mmap");
		return 1;
	}

	/*
	 * Function select: 3 bits a pin, ten pins a word; 001 = output.
	 * Not gpio[GPFSEL0 + pin / 10] = (gpio[...] & ~(7 << shift)) | ...:
	 * that unlocked read-modify-write can lose another process's change
	 * of a neighbouring pin. The driver does it under its lock.
	 */
	shift = (pin % 10) * 3;
	update.offset = 4 * (GPFSEL0 + pin / 10);
	update.mask = 7u << shift;
	update.value = 1u << shift;
	if (ioctl(fd, PIGPIO_REGS_IOC_UPDATE, &update) < 0) {
		perror("PIGPIO_REGS_IOC_UPDATE");
		return 1;
	}

	for (i = 0; i < count; i++) {
		gpio[GPSET0] = 1u << pin;	/* only this pin goes high */
		printf("GPIO%u high: GPLEV0 = 0x%08x\n", pin, gpio[GPLEV0]);
		sleep_ms(100);
		gpio[GPCLR0] = 1u << pin;	/* only this pin goes low */
		printf("GPIO%u low:  GPLEV0 = 0x%08x\n", pin, gpio[GPLEV0]);
		sleep_ms(100);
	}
	munmap((void *)gpio, PAGE);
	close(fd);
	return 0;
}
