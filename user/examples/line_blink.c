// SPDX-License-Identifier: GPL-2.0-only
/*
 * line_blink PIN [COUNT [PERIOD_MS]]: blink a pin through libpigpioregs's
 * pin handle, then leave the pin as it was found, also when interrupted.
 *
 * The handle (struct pgr_line) is checked once by pgr_line_init(); each
 * pgr_line_high()/pgr_line_low() after that is one store to the mapped
 * register, with no call into the library. The waits are sigtimedwait()
 * with SIGINT, SIGTERM and SIGHUP blocked, so a signal ends the wait at
 * once and is never lost between a check and a sleep.
 *
 * Build: cc line_blink.c $(pkg-config --cflags --libs libpigpioregs)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pigpioregs.h>

/* Wait ms milliseconds; the signal that ended the wait early, or 0. */
static int wait_ms(const sigset_t *signals, long ms)
{
	struct timespec t = { ms / 1000, ms % 1000 * 1000000L };
	int sig;

	do {
		sig = sigtimedwait(signals, NULL, &t);
	} while (sig < 0 && errno == EINTR);
	return sig > 0 ? sig : 0;
}

int main(int argc, char **argv)
{
	unsigned pin = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 17;
	long count = argc > 2 ? strtol(argv[2], NULL, 10) : 5;
	long period = argc > 3 ? strtol(argv[3], NULL, 10) : 500;
	enum pgr_function was;
	struct pgr_chip *chip;
	struct pgr_line line;
	int err, level, sig = 0;
	sigset_t signals;
	long i;

	if (argc < 2 || argc > 4 || count < 1 || period < 2) {
		fprintf(stderr, "usage: line_blink PIN [COUNT [PERIOD_MS]]\n");
		return 2;
	}
	sigemptyset(&signals);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGHUP);
	sigprocmask(SIG_BLOCK, &signals, NULL);

	err = pgr_chip_open(&chip, NULL, NULL);
	if (err) {
		fprintf(stderr, "line_blink: %s: %s\n", PIGPIO_REGS_DEVICE,
			strerror(-err));
		return 1;
	}
	err = pgr_line_init(chip, pin, &line);
	if (!err)
		err = pgr_pin_get_function(chip, pin, &was);
	if (err) {
		fprintf(stderr, "line_blink: GPIO%u: %s\n", pin, strerror(-err));
		pgr_chip_close(chip);
		return 1;
	}
	level = pgr_line_read(&line);
	pgr_pin_set_function(chip, pin, PGR_FUNC_OUTPUT);

	for (i = 0; i < count && !sig; i++) {
		pgr_line_high(&line);
		sig = wait_ms(&signals, period / 2);
		pgr_line_low(&line);
		if (!sig)
			sig = wait_ms(&signals, period - period / 2);
	}

	/* As found: the latch first, then the function. */
	pgr_line_write(&line, level);
	pgr_pin_set_function(chip, pin, was);
	pgr_chip_close(chip);
	if (sig) {
		printf("line_blink: GPIO%u: stopped by signal %d after %ld blinks, left as found\n",
		       pin, sig, i);
		return 128 + sig;
	}
	printf("line_blink: GPIO%u blinked %ld times through a pgr_line, left as found (libpigpioregs %s)\n",
	       pin, count, pgr_version());
	return 0;
}
