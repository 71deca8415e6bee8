// SPDX-License-Identifier: GPL-2.0-only
/*
 * The device tree's gpio-line-names for pins by name (see linenames.h):
 * found under the device-tree root (/proc/device-tree, or --devicetree DIR
 * for tests and for another board's tree), parsed, looked up.
 */
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "linenames.h"

#define DEPTH_MAX	8	/* the RP1's node is 4 levels down */
#define PROP_MAX	4096	/* 58 names of 31 bytes and their NULs fit */

static const char *const gpio_compatibles[] = {
	"brcm,bcm2835-gpio", "brcm,bcm2711-gpio", "raspberrypi,rp1-gpio",
	NULL,
};

void linenames_parse(const char *data, size_t len, struct linenames *ln)
{
	size_t pos = 0, n;
	const char *nul;

	memset(ln->name, 0, sizeof(ln->name));
	ln->count = 0;
	while (pos < len && ln->count < LINENAMES_MAX) {
		nul = memchr(data + pos, '\0', len - pos);
		if (!nul)
			break;	/* unterminated: not a string */
		n = (size_t)(nul - (data + pos));
		if (n >= LINENAME_SIZE)
			n = LINENAME_SIZE - 1;
		memcpy(ln->name[ln->count], data + pos, n);
		ln->name[ln->count][n] = '\0';
		ln->count++;
		pos = (size_t)(nul - data) + 1;
	}
}

/* Property name of node dir into buf: its length, or -1. */
static long read_prop(const char *dir, const char *name, char *buf,
		      size_t size)
{
	char path[PATH_MAX];
	size_t n;
	FILE *f;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return -1;
	f = fopen(path, "re");
	if (!f)
		return -1;
	n = fread(buf, 1, size, f);
	fclose(f);
	return (long)n;
}

/* Whether the string list (len bytes) has s. */
static bool list_has(const char *list, long len, const char *s)
{
	long pos = 0;

	while (pos < len) {
		if (strcmp(list + pos, s) == 0)
			return true;
		pos += (long)strnlen(list + pos, (size_t)(len - pos)) + 1;
	}
	return false;
}

static bool is_gpio_node(const char *dir)
{
	char buf[256];
	long len = read_prop(dir, "compatible", buf, sizeof(buf) - 1);
	size_t i;

	if (len <= 0)
		return false;
	buf[len] = '\0';
	for (i = 0; gpio_compatibles[i]; i++)
		if (list_has(buf, len, gpio_compatibles[i]))
			return true;
	return false;
}

static bool enabled(const char *dir)
{
	char buf[16];
	long len = read_prop(dir, "status", buf, sizeof(buf) - 1);

	if (len < 0)
		return true;
	buf[len] = '\0';
	return strcmp(buf, "okay") == 0 || strcmp(buf, "ok") == 0;
}

/* The first enabled GPIO node under dir into out: whether found. */
static bool find_node(const char *dir, int depth, char *out, size_t size)
{
	char path[PATH_MAX];
	struct dirent *de;
	struct stat sb;
	bool found = false;
	DIR *d;

	if (is_gpio_node(dir) && enabled(dir)) {
		snprintf(out, size, "%s", dir);
		return true;
	}
	if (depth >= DEPTH_MAX)
		return false;
	d = opendir(dir);
	if (!d)
		return false;
	while (!found && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     de->d_name) >= sizeof(path))
			continue;
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			found = find_node(path, depth + 1, out, size);
	}
	closedir(d);
	return found;
}

int linenames_load(const char *dt_root, struct linenames *ln)
{
	static char buf[PROP_MAX];
	struct stat sb;
	long len;

	memset(ln, 0, sizeof(*ln));
	if (stat(dt_root, &sb) != 0)
		return -ENOENT;
	if (!find_node(dt_root, 0, ln->node, sizeof(ln->node)))
		return -ENODEV;
	len = read_prop(ln->node, "gpio-line-names", buf, sizeof(buf));
	if (len > 0)
		linenames_parse(buf, (size_t)len, ln);
	return 0;
}

int linenames_find(const struct linenames *ln, const char *name,
		   unsigned *first, unsigned *second)
{
	unsigned i;
	bool found = false;

	if (!name[0])
		return -ENOENT;
	for (i = 0; i < ln->count; i++) {
		if (strcmp(ln->name[i], name) != 0)
			continue;
		if (found) {
			*second = i;
			return -EEXIST;
		}
		*first = i;
		found = true;
	}
	return found ? 0 : -ENOENT;
}

const char *linenames_get(const struct linenames *ln, unsigned pin)
{
	if (!ln || pin >= ln->count || !ln->name[pin][0])
		return NULL;
	return ln->name[pin];
}
