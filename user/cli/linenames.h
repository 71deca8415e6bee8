/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pins by the device tree's line names: the GPIO controller node's
 * "gpio-line-names" (ID_SDA, GPIO17, ...), the names pinctrl and libgpiod
 * accept. The CLI's own spellings (17, GPIO17, BCM17, pin11, BOARD11,
 * J8:11) always keep their meaning: a word is looked up here only when it
 * is none of them (args.c defers such words, main.c resolves them).
 */
#ifndef PGR_CLI_LINENAMES_H
#define PGR_CLI_LINENAMES_H

#include <stddef.h>

#define LINENAMES_MAX	64	/* lines: no SoC has more than 58 */
#define LINENAME_SIZE	32	/* as GPIO_MAX_NAME_SIZE */

struct linenames {
	unsigned count;			/* lines named (the property's strings) */
	char name[LINENAMES_MAX][LINENAME_SIZE]; /* "" when unnamed */
	char node[256];			/* the node they were read from */
};

/*
 * The strings of a gpio-line-names property (data, len bytes: strings
 * each ended by NUL) into ln: line n is the n-th string; longer names
 * are cut to LINENAME_SIZE - 1 bytes, strings past LINENAMES_MAX and an
 * unterminated last one are ignored. Pure.
 */
void linenames_parse(const char *data, size_t len, struct linenames *ln);

/*
 * Read gpio-line-names of the enabled GPIO controller node (compatible
 * brcm,bcm2835-gpio, brcm,bcm2711-gpio or raspberrypi,rp1-gpio) under
 * dt_root: 0 (ln->count 0 if the node has no names), -ENOENT if dt_root
 * is not there, -ENODEV if it has no such node.
 */
int linenames_load(const char *dt_root, struct linenames *ln);

/*
 * The line named name (exact, case-sensitive, as the kernel compares
 * them), or -ENOENT (no such name), or -EEXIST (several lines have it;
 * *first and *second are two of them). Empty names never match.
 */
int linenames_find(const struct linenames *ln, const char *name,
		   unsigned *first, unsigned *second);

/* Line pin's name, or NULL (unnamed, or ln NULL). */
const char *linenames_get(const struct linenames *ln, unsigned pin);

#endif /* PGR_CLI_LINENAMES_H */
