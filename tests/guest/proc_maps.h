/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What /proc/self/maps says of one of the caller's own mappings, for the
 * guest test programs that check the permissions a mapping really got.
 */
#ifndef PIGPIO_REGS_TEST_PROC_MAPS_H
#define PIGPIO_REGS_TEST_PROC_MAPS_H

#include <stdio.h>

/* The permissions column ("rw-s") of the maps line starting at addr. */
static inline void maps_perms(const volatile void *addr, char *out,
			      size_t outlen)
{
	char line[512], perms[8];
	unsigned long start, end;
	FILE *f = fopen("/proc/self/maps", "r");

	snprintf(out, outlen, "(none)");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx %7s", &start, &end, perms) == 3 &&
		    start == (unsigned long)addr)
			snprintf(out, outlen, "%s", perms);
	if (f)
		fclose(f);
}

#endif
