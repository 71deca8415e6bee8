// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Which pins has the kernel claimed? Two unprivileged sources:
 *
 *  - the live device tree: enabled nodes whose pinctrl-N properties point
 *    at pin groups of the GPIO controller (what pinctrl muxes at boot:
 *    the SD card, the console UART, I2C, ...);
 *  - the GPIO character device: lines gpiolib reports in use (requests by
 *    drivers and users; it does not report pins muxed by pinctrl alone).
 *
 * Not on any hot path: this reads files and makes system calls freely, but
 * allocates nothing (the caller's struct pgr_owners holds the result).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/gpio.h>

#include "soc.h"

#define DT_ROOT		"/proc/device-tree"
#define DEV_DIR		"/dev"
#define MAX_GROUPS	512	/* pin groups under the GPIO node */
#define MAX_PROP	4096	/* bytes of one property we read */
#define MAX_GPIOCHIPS	16

struct group {
	uint32_t phandle;
	uint64_t pins;
};

struct dt_scan {
	struct pgr_owners *owners;
	const char *root;
	size_t root_len;
	char gpio_path[PATH_MAX];	/* "" until found */
	struct group groups[MAX_GROUPS];
	unsigned ngroups;
};

void pgr_owners_init(struct pgr_owners *owners)
{
	memset(owners, 0, sizeof(*owners));
}

static void claim(struct pgr_owners *owners, unsigned pin, const char *who,
		  const char *suffix)
{
	if (pin >= PGR_MAX_PINS || owners->owner[pin][0] != '\0')
		return;
	snprintf(owners->owner[pin], PGR_OWNER_MAX, "%s%s", who, suffix);
}

/* Read property name of node path into buf: its length, or -errno. */
static ssize_t read_prop(const char *path, const char *name, char *buf,
			 size_t size)
{
	char file[PATH_MAX];

	if ((size_t)snprintf(file, sizeof(file), "%s/%s", path, name) >=
	    sizeof(file))
		return -ENAMETOOLONG;
	return pgr_read_file_at(AT_FDCWD, file, buf, size);
}

static uint32_t be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
	       (uint32_t)u[2] << 8 | u[3];
}

/* Does the NUL-separated string list of len bytes hold s? */
static bool list_has(const char *list, ssize_t len, const char *s)
{
	ssize_t i = 0;

	while (i < len) {
		if (strncmp(list + i, s, (size_t)(len - i)) == 0)
			return true;
		i += (ssize_t)strnlen(list + i, (size_t)(len - i)) + 1;
	}
	return false;
}

static bool is_gpio_controller(const char *path)
{
	char buf[MAX_PROP];
	ssize_t len = read_prop(path, "compatible", buf, sizeof(buf));

	const struct pgr_soc_ops *family;
	unsigned i;

	/* Any family's (the Pi 5's header is on the RP1's gpio@d0000). */
	for (i = 0; len > 0 && (family = pgr_soc_family(i)); i++)
		if (list_has(buf, len, family->dt_compatible))
			return true;
	return false;
}

/* Is the node enabled by its own status (absent, "okay" or "ok")? */
static bool node_enabled(const char *path)
{
	char buf[16];
	ssize_t len = read_prop(path, "status", buf, sizeof(buf) - 1);

	if (len <= 0)
		return true;
	buf[len] = '\0';
	return strcmp(buf, "okay") == 0 || strcmp(buf, "ok") == 0;
}

/* The pins a group node names itself: brcm,pins cells or "gpioN" pins. */
static uint64_t own_pins(const char *path)
{
	char buf[MAX_PROP];
	uint64_t pins = 0;
	unsigned pin;
	ssize_t len, i;

	len = read_prop(path, "brcm,pins", buf, sizeof(buf));
	for (i = 0; i + 4 <= len; i += 4)
		if (be32(buf + i) < PGR_MAX_PINS)
			pins |= UINT64_C(1) << be32(buf + i);

	len = read_prop(path, "pins", buf, sizeof(buf) - 1);
	if (len > 0) {
		buf[len] = '\0';
		for (i = 0; i < len; i += (ssize_t)strlen(buf + i) + 1)
			if (sscanf(buf + i, "gpio%u", &pin) == 1 &&
			    pin < PGR_MAX_PINS)
				pins |= UINT64_C(1) << pin;
	}
	return pins;
}

static bool read_phandle(const char *path, uint32_t *out)
{
	char buf[4];

	if (read_prop(path, "phandle", buf, sizeof(buf)) == 4 ||
	    read_prop(path, "linux,phandle", buf, sizeof(buf)) == 4) {
		*out = be32(buf);
		return true;
	}
	return false;
}

/* Call fn for every child node of path; stops at and returns an error. */
static int for_each_child(struct dt_scan *scan, const char *path,
			  int (*fn)(struct dt_scan *, const char *, void *),
			  void *arg)
{
	char child[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *dir;
	int err = 0;

	dir = opendir(path);
	if (!dir)
		return -errno;
	while (!err && (de = readdir(dir)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(dir), de->d_name, &st, 0) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		if ((size_t)snprintf(child, sizeof(child), "%s/%s", path,
				     de->d_name) >= sizeof(child))
			continue;
		err = fn(scan, child, arg);
	}
	closedir(dir);
	return err;
}

static int find_gpio(struct dt_scan *scan, const char *path, void *arg)
{
	(void)arg;
	if (scan->gpio_path[0])
		return 0;
	/* A disabled controller drives nothing, as the driver also holds. */
	if (is_gpio_controller(path) && node_enabled(path)) {
		snprintf(scan->gpio_path, sizeof(scan->gpio_path), "%s", path);
		return 0;
	}
	return for_each_child(scan, path, find_gpio, NULL);
}

/* A group's pins are its own and its subnodes'; arg: the parent's pins. */
static int collect_group(struct dt_scan *scan, const char *path, void *arg)
{
	uint64_t *parent = arg;
	uint64_t pins = own_pins(path);
	uint32_t phandle;
	int err;

	err = for_each_child(scan, path, collect_group, &pins);
	if (err)
		return err;
	if (read_phandle(path, &phandle) && scan->ngroups < MAX_GROUPS) {
		scan->groups[scan->ngroups].phandle = phandle;
		scan->groups[scan->ngroups].pins = pins;
		scan->ngroups++;
	}
	*parent |= pins;
	return 0;
}

static uint64_t group_pins(const struct dt_scan *scan, uint32_t phandle)
{
	unsigned i;

	for (i = 0; i < scan->ngroups; i++)
		if (scan->groups[i].phandle == phandle)
			return scan->groups[i].pins;
	return 0;
}

/* Is name "pinctrl-" followed by digits only? */
static bool is_pinctrl_state(const char *name)
{
	const char *p;

	if (strncmp(name, "pinctrl-", 8) != 0 || name[8] == '\0')
		return false;
	for (p = name + 8; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

static void claim_states(struct dt_scan *scan, const char *path)
{
	const char *who = path + scan->root_len;
	bool hog = strcmp(path, scan->gpio_path) == 0;
	char buf[MAX_PROP];
	struct dirent *de;
	uint64_t pins;
	unsigned pin;
	ssize_t len, i;
	DIR *dir;

	dir = opendir(path);
	if (!dir)
		return;
	while ((de = readdir(dir)) != NULL) {
		if (!is_pinctrl_state(de->d_name))
			continue;
		len = read_prop(path, de->d_name, buf, sizeof(buf));
		for (i = 0; i + 4 <= len; i += 4) {
			pins = group_pins(scan, be32(buf + i));
			for (pin = 0; pin < PGR_MAX_PINS; pin++)
				if (pins & (UINT64_C(1) << pin))
					claim(scan->owners, pin,
					      *who ? who : "/",
					      hog ? " (pinctrl hog)" : "");
		}
	}
	closedir(dir);
}

static int walk_consumers(struct dt_scan *scan, const char *path, void *arg)
{
	(void)arg;
	/* A disabled node is not probed, and neither are its children. */
	if (!node_enabled(path))
		return 0;
	claim_states(scan, path);
	return for_each_child(scan, path, walk_consumers, NULL);
}

int pgr_owners_from_devicetree(struct pgr_owners *owners, const char *dt_root)
{
	struct dt_scan scan;
	uint64_t all = 0;
	struct stat st;
	int err;

	if (!dt_root)
		dt_root = DT_ROOT;
	if (stat(dt_root, &st) != 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;

	memset(&scan, 0, sizeof(scan));
	scan.owners = owners;
	scan.root = dt_root;
	scan.root_len = strlen(dt_root);

	err = find_gpio(&scan, dt_root, NULL);
	if (err)
		return err;
	if (!scan.gpio_path[0])
		return -ENODEV;
	err = for_each_child(&scan, scan.gpio_path, collect_group, &all);
	if (err)
		return err;
	return walk_consumers(&scan, dt_root, NULL);
}

/* Is label the gpio_chip of a family's kernel driver (pinctrl-bcm2835...)? */
static bool is_our_gpiochip(const char *label)
{
	const struct pgr_soc_ops *family;
	unsigned i;

	for (i = 0; (family = pgr_soc_family(i)); i++)
		if (strcmp(label, family->gpiochip_label) == 0)
			return true;
	return false;
}

/* Lines in use on one chip's descriptor: how many, or -errno. */
static int chip_lines(struct pgr_owners *owners, int fd)
{
	struct gpiochip_info chip;
	char who[PGR_OWNER_MAX];
	unsigned line;
	int added = 0;

	memset(&chip, 0, sizeof(chip));
	if (ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &chip) < 0)
		return -errno;
	if (!is_our_gpiochip(chip.label))
		return -ENODEV;

	for (line = 0; line < chip.lines && line < PGR_MAX_PINS; line++) {
		struct gpio_v2_line_info info;

		memset(&info, 0, sizeof(info));
		info.offset = line;
		if (ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &info) < 0)
			return -errno;
		if (!(info.flags & GPIO_V2_LINE_FLAG_USED) ||
		    owners->owner[line][0])
			continue;
		snprintf(who, sizeof(who), "gpiolib: %.*s",
			 (int)sizeof(info.consumer),
			 info.consumer[0] ? info.consumer : "(in use)");
		claim(owners, line, who, "");
		added++;
	}
	return added;
}

int pgr_owners_from_gpiochip(struct pgr_owners *owners, const char *dev_dir)
{
	char path[PATH_MAX];
	int n, fd, ret, err = -ENODEV;

	if (!dev_dir)
		dev_dir = DEV_DIR;
	for (n = 0; n < MAX_GPIOCHIPS; n++) {
		snprintf(path, sizeof(path), "%s/gpiochip%d", dev_dir, n);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			if (errno == EACCES || errno == EPERM)
				err = -EACCES;
			continue;
		}
		ret = chip_lines(owners, fd);
		close(fd);
		if (ret != -ENODEV)
			return ret;
	}
	return err;
}
