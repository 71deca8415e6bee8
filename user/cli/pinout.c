// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio-regs pinout: the 40-pin header as WiringPi's `gpio readall` and
 * gpiozero's `pinout` show it, from the live registers. Odd pins on the
 * left, even on the right, as the header lies; each GPIO's function, ALT
 * name and level as `get` reads them (pgr_pin_get_function, pgr_pin_read,
 * pgr_pin_alt_name: nothing is stored). The pin map is args.c's (the one
 * header pin numbers use); the board comes from its revision code.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define HEADER_PINS 40

static int refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

int pinout_check_board(bool have_revision, uint32_t revision, char *err,
		       size_t errlen)
{
	const char *name;
	int header;

	if (!have_revision)
		return refuse(err, errlen, "pinout: the device tree has no /system/linux,revision, so which board this is, and whether it has the 40-pin header, is not known (not a Raspberry Pi, or its firmware did not say): use get for the GPIOs by number");
	header = args_board_header(revision, &name);
	if (header == 40)
		return 0;
	if (header == 26)
		return refuse(err, errlen, "pinout: this board (revision 0x%06x) is a %s, whose 26-pin header is not the 40-pin header pinout shows (its pins differ between revisions): use get for the GPIOs by number",
			      (unsigned)revision, name);
	if (header == 0)
		return refuse(err, errlen, "pinout: this board (revision 0x%06x) is a %s, which has no 40-pin header (its pins are on the carrier board's connectors): use get for the GPIOs by number",
			      (unsigned)revision, name);
	return refuse(err, errlen, "pinout: this board's revision code 0x%06x is not one this version knows, so whether it has the 40-pin header is not guessed: use get for the GPIOs by number",
		      (unsigned)revision);
}

/* One header pin: what it is, and a GPIO's state. */
struct header_pin {
	unsigned physical;
	int gpio;		/* -1: power or ground */
	char name[16];		/* 3V3, 5V, GND, GPIOn */
	enum pgr_function function;
	const char *alt;	/* the ALT function's name, or NULL */
	int level;
};

static int read_header_pin(const struct pgr_chip *chip, unsigned physical,
			   struct header_pin *hp)
{
	int ret;

	hp->physical = physical;
	hp->gpio = args_header_gpio(physical);
	hp->alt = NULL;
	hp->level = 0;
	if (hp->gpio < 0) {
		snprintf(hp->name, sizeof(hp->name), "%s",
			 args_header_power(physical));
		return 0;
	}
	snprintf(hp->name, sizeof(hp->name), "GPIO%d", hp->gpio);
	ret = pgr_pin_get_function(chip, (unsigned)hp->gpio, &hp->function);
	if (ret < 0)
		return ret;
	hp->level = pgr_pin_read(chip, (unsigned)hp->gpio);
	if (hp->level < 0)
		return hp->level;
	hp->alt = pgr_pin_alt_name(chip, (unsigned)hp->gpio, hp->function);
	return 0;
}

static void print_json(const struct header_pin *pins)
{
	const struct header_pin *hp;
	unsigned i;

	putchar('[');
	for (i = 0; i < HEADER_PINS; i++) {
		hp = &pins[i];
		printf("%s{\"physical\":%u,\"name\":\"%s\",", i ? "," : "",
		       hp->physical, hp->name);
		if (hp->gpio < 0) {
			fputs("\"gpio\":null,\"function\":null,\"alt\":null,"
			      "\"level\":null}", stdout);
			continue;
		}
		printf("\"gpio\":%d,\"function\":\"%s\",\"alt\":", hp->gpio,
		       pgr_function_name(hp->function));
		json_string(hp->alt);
		printf(",\"level\":%d}", hp->level);
	}
	puts("]");
}

/*
 * The columns mirror each other about the pin numbers, as on the header:
 * NAME FUNC ALT LEVEL PIN | PIN LEVEL ALT FUNC NAME.
 */
#define LEFT	"%-6s %-6s %-14s %-5s %2s"
#define RIGHT	"%-2s %-5s %-14s %-6s %s"

static void print_text(const struct header_pin *pins, const char *board,
		       uint32_t revision, const char *soc)
{
	const struct header_pin *l, *r;
	char lnum[4], rnum[4];
	unsigned i;

	printf("%s (revision 0x%06x), %s: the 40-pin header (J8)\n", board,
	       (unsigned)revision, soc);
	printf(LEFT " | " RIGHT "\n", "NAME", "FUNC", "ALT", "LEVEL", "PIN",
	       "PIN", "LEVEL", "ALT", "FUNC", "NAME");
	for (i = 0; i < HEADER_PINS; i += 2) {
		l = &pins[i];
		r = &pins[i + 1];
		snprintf(lnum, sizeof(lnum), "%u", l->physical);
		snprintf(rnum, sizeof(rnum), "%u", r->physical);
		if (l->gpio < 0)
			printf(LEFT, l->name, "", "", "", lnum);
		else
			printf(LEFT, l->name, function_word(l->function),
			       l->alt ? l->alt : "-",
			       l->level ? "high" : "low", lnum);
		fputs(" | ", stdout);
		if (r->gpio < 0)
			printf(RIGHT "\n", rnum, "", "", "", r->name);
		else
			printf(RIGHT "\n", rnum, r->level ? "high" : "low",
			       r->alt ? r->alt : "-",
			       function_word(r->function), r->name);
	}
}

int pinout_run(const struct command *cmd, struct pgr_chip *chip,
	       uint32_t revision)
{
	struct header_pin pins[HEADER_PINS];
	const char *board;
	unsigned i;
	int ret;

	/* main.c checked the board: a known one with the 40-pin header. */
	if (args_board_header(revision, &board) != 40)
		return EXIT_FAILURE;
	for (i = 0; i < HEADER_PINS; i++) {
		ret = read_header_pin(chip, i + 1, &pins[i]);
		if (ret < 0) {
			cli_error("pinout: pin %u (GPIO%d): %s", i + 1,
				  pins[i].gpio, strerror(-ret));
			return EXIT_FAILURE;
		}
	}
	if (cmd->json)
		print_json(pins);
	else
		print_text(pins, board, revision, pgr_chip_soc_name(chip));
	return EXIT_SUCCESS;
}
