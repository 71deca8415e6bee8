// SPDX-License-Identifier: GPL-2.0-only
/*
 * wiringpi_seq PIN: WiringPi 3.14's setup and pin calls on a BCM283x/2711
 * board, call for call, as its wiringPiSetupGpio() makes them for a user
 * without /dev/mem (facts from WiringPi's wiringPi.c; no code of it here):
 *
 *   open("/dev/mem", O_RDWR | O_SYNC | O_CLOEXEC)       refused: not root
 *   open("/dev/gpiomem", same flags)                     peripheral base 0
 *   mmap 4096 bytes, PROT_READ | PROT_WRITE, MAP_SHARED, at
 *     0x200000 (GPIO), 0x20c000 (PWM), 0x101000 (clock), 0x100000 (pads),
 *     0x00b000 (system timer), in that order, then
 *   timer[0x408 / 4] = 0x280; timer[0x41c / 4] = 0xf9   (free-running 1 MHz)
 *
 * then pinMode/digitalWrite/digitalRead as WiringPi does them: a
 * read-modify-write of GPFSELn and stores to GPSET0/GPCLR0 and a load of
 * GPLEV0 through the GPIO mapping. One step per line on standard input,
 * one answer per line on standard output, for tests/guest/wiringpi.sh:
 *   hello   the setup above; "ready ..." or "error ..."
 *   output | input | high | low   "ok"
 *   read    "0" or "1"
 *   quit    "bye"
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

#include <linux/pigpio_regs.h>

#define BLOCK_SIZE	4096
#define GPSET0		0x1c
#define GPCLR0		0x28
#define GPLEV0		0x34

static volatile uint32_t *gpio, *pwm, *clk, *pads, *timer;

static volatile uint32_t *map_at(int fd, off_t off)
{
	void *p = mmap(NULL, BLOCK_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		       fd, off);

	return p == MAP_FAILED ? NULL : p;
}

/* The setup; the answer says what /dev/mem did and whether the block moved. */
static void setup(void)
{
	uint32_t before[64], after[64];
	ssize_t n0, n1;
	int mem, fd, regs, mem_errno;

	mem = open("/dev/mem", O_RDWR | O_SYNC | O_CLOEXEC);
	mem_errno = errno;
	if (mem >= 0) {
		printf("error /dev/mem opened: run this as a user without it\n");
		return;
	}
	fd = open("/dev/gpiomem", O_RDWR | O_SYNC | O_CLOEXEC);
	if (fd < 0) {
		printf("error /dev/gpiomem: %s\n", strerrorname_np(errno));
		return;
	}
	gpio = map_at(fd, 0x200000);
	pwm = map_at(fd, 0x20c000);
	clk = map_at(fd, 0x101000);
	pads = map_at(fd, 0x100000);
	timer = map_at(fd, 0x00b000);
	if (!gpio || !pwm || !clk || !pads || !timer) {
		printf("error mmap: %s (gpio %p pwm %p clk %p pads %p timer %p)\n",
		       strerrorname_np(errno), (void *)gpio, (void *)pwm,
		       (void *)clk, (void *)pads, (void *)timer);
		return;
	}
	/* The whole GPIO block through the driver, around the timer writes. */
	regs = open(PIGPIO_REGS_DEVICE, O_RDONLY | O_CLOEXEC);
	n0 = pread(regs, before, sizeof(before), 0);
	timer[0x408 / 4] = 0x280;
	timer[0x41c / 4] = 0xf9;
	n1 = pread(regs, after, sizeof(after), 0);
	close(regs);
	printf("ready /dev/mem %s, 5 mappings, timer writes %s the GPIO block (%zd bytes compared), gpio GPLEV0 %s\n",
	       strerrorname_np(mem_errno),
	       n0 > 0 && n0 == n1 && !memcmp(before, after, (size_t)n0) ?
	       "left" : "CHANGED", n0,
	       n0 > GPLEV0 && gpio[GPLEV0 / 4] == after[GPLEV0 / 4] ?
	       "is the block's" : "DIFFERS");
}

/* pinMode: GPFSELn read-modify-write through the mapping. */
static void pin_mode(unsigned pin, uint32_t function)
{
	unsigned shift = pin % 10 * 3;

	gpio[pin / 10] = (gpio[pin / 10] & ~(7u << shift)) | function << shift;
}

int main(int argc, char **argv)
{
	char line[32];
	unsigned pin;

	if (argc != 2) {
		fprintf(stderr, "usage: wiringpi_seq PIN (0-31)\n");
		return 2;
	}
	pin = (unsigned)strtoul(argv[1], NULL, 10) % 32;
	setvbuf(stdout, NULL, _IOLBF, 0);

	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strcmp(line, "hello")) {
			setup();
		} else if (!strcmp(line, "quit")) {
			printf("bye\n");
			return 0;
		} else if (!gpio) {
			printf("error not set up\n");
		} else if (!strcmp(line, "output") || !strcmp(line, "input")) {
			pin_mode(pin, line[0] == 'o');
			printf("ok\n");
		} else if (!strcmp(line, "high")) {
			gpio[GPSET0 / 4] = 1u << pin;
			printf("ok\n");
		} else if (!strcmp(line, "low")) {
			gpio[GPCLR0 / 4] = 1u << pin;
			printf("ok\n");
		} else if (!strcmp(line, "read")) {
			printf("%u\n", (gpio[GPLEV0 / 4] >> pin) & 1);
		} else {
			printf("error unknown step '%s'\n", line);
		}
	}
	return 1;
}
