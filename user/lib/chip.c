// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The device object: open the node, read and check the sysfs attributes,
 * map the register window, find out whether the driver takes locked
 * configuration changes; and undo all of it. A node that is not the
 * driver is described by attribute files, or is Raspberry Pi's own RP1
 * /dev/gpiomem0, known by its name (see pgr_chip_open() in pigpioregs.h).
 */
#define _XOPEN_SOURCE 700	/* realpath() */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "soc.h"

/* Longer than any valid value ("0x" + 16 digits, "bcm2711", ...). */
#define ATTR_MAX 64

struct chip_attrs {
	const struct pgr_soc *soc;
	unsigned long long phys_base;
	unsigned long long bus_base;
	unsigned long long block_size;
	unsigned long long window_size;
	unsigned long long ngpio;
};

ssize_t pgr_read_file_at(int dirfd, const char *name, char *buf, size_t size)
{
	ssize_t len;
	int fd, err;

	fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;

	do {
		len = read(fd, buf, size);
	} while (len < 0 && errno == EINTR);
	err = errno;
	close(fd);
	return len < 0 ? -err : len;
}

/*
 * Read attribute name from dirfd into buf as a string without its
 * terminating newline. -EPROTO if empty or too long to be valid.
 */
static int read_attr(int dirfd, const char *name, char *buf, size_t size)
{
	ssize_t len = pgr_read_file_at(dirfd, name, buf, size);

	if (len < 0)
		return (int)len;
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	if (len == 0 || (size_t)len >= size)
		return -EPROTO;
	buf[len] = '\0';
	return 0;
}

static bool is_digit_in(char c, int base)
{
	if (c >= '0' && c <= '9')
		return true;
	return base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
}

/* Parse all of s as an unsigned number in base; -EPROTO if it is not one. */
static int parse_ull(const char *s, int base, unsigned long long *out)
{
	const char *p;

	/* Digits only: strtoull alone would take spaces, signs and "0x". */
	if (*s == '\0')
		return -EPROTO;
	for (p = s; *p; p++)
		if (!is_digit_in(*p, base))
			return -EPROTO;

	errno = 0;
	*out = strtoull(s, NULL, base);
	return errno ? -EPROTO : 0;
}

static int read_decimal(int dirfd, const char *name, unsigned long long *out)
{
	char buf[ATTR_MAX];
	int err;

	err = read_attr(dirfd, name, buf, sizeof(buf));
	if (err)
		return err;
	return parse_ull(buf, 10, out);
}

/* The "0x%llx" format of phys_base and bus_base. */
static int read_hex(int dirfd, const char *name, unsigned long long *out)
{
	char buf[ATTR_MAX];
	int err;

	err = read_attr(dirfd, name, buf, sizeof(buf));
	if (err)
		return err;
	if (buf[0] != '0' || buf[1] != 'x')
		return -EPROTO;
	return parse_ull(buf + 2, 16, out);
}

static int read_soc(int dirfd, const struct pgr_soc **out)
{
	char buf[ATTR_MAX];
	int err;

	err = read_attr(dirfd, PIGPIO_REGS_ATTR_SOC, buf, sizeof(buf));
	if (err)
		return err;
	*out = pgr_soc_lookup(buf);
	return *out ? 0 : -EPROTO;
}

/* Do the attributes describe a window this library can use safely? */
static int check_attrs(const struct chip_attrs *a)
{
	/* PIGPIO_REGS_WINDOW_SIZE for the BCM block, 0x30000 for the RP1. */
	if (a->window_size != pgr_soc_window(a->soc))
		return -EPROTO;
	if (a->ngpio != a->soc->ngpio)
		return -EPROTO;
	/* Every register the model touches must be inside the block... */
	if (a->block_size % 4 != 0 || a->block_size < a->soc->block_min)
		return -EPROTO;
	/*
	 * ...and the block inside the window (on RP1: each of the three
	 * inside its 64 KiB), or peek could fault.
	 */
	if (a->block_size > a->window_size ||
	    a->block_size > pgr_soc_block_max(a->soc))
		return -EPROTO;
	return 0;
}

/* Is the last component of path name? */
static bool path_is_named(const char *path, const char *name)
{
	const char *slash = strrchr(path, '/');

	return strcmp(slash ? slash + 1 : path, name) == 0;
}

/*
 * Is fd, opened as path, Raspberry Pi's own gpiomem node of a family (the
 * RP1's /dev/gpiomem0, soc_rp1.c)? Its driver (raspberrypi-gpiomem) has
 * no ioctl, no attributes and no device-tree link in sysfs: the name is
 * all it says. That family's SoC, NULL for none, or *err = -EPROTO for a
 * regular file of that name shorter than the window (a simulated one).
 */
static const struct pgr_soc *gpiomem_soc(int fd, const char *path, int *err)
{
	const struct pgr_soc_ops *family;
	char target[PATH_MAX];
	bool resolved = false;
	struct stat st;
	unsigned i;

	*err = 0;
	for (i = 0; (family = pgr_soc_family(i)); i++) {
		if (!family->gpiomem_name)
			continue;
		if (!path_is_named(path, family->gpiomem_name)) {
			if (!resolved && !realpath(path, target))
				continue;
			resolved = true;
			if (!path_is_named(target, family->gpiomem_name))
				continue;
		}
		if (fstat(fd, &st) != 0) {
			*err = -errno;
			return NULL;
		}
		if (S_ISREG(st.st_mode) && st.st_size < (off_t)family->window) {
			*err = -EPROTO;
			return NULL;
		}
		if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode))
			return NULL;
		return family->nsocs ? &family->socs[0].soc : NULL;
	}
	return NULL;
}

/* What that node is, as the attributes would say it. */
static int gpiomem_attrs(const struct pgr_soc *soc, struct chip_attrs *a)
{
	const struct pgr_soc_ops *ops = pgr_soc_ops(soc);

	a->soc = soc;
	a->phys_base = 0;	/* the node does not say */
	a->bus_base = ops->gpiomem_bus_base;
	a->block_size = ops->gpiomem_block_size;
	a->window_size = ops->window;
	a->ngpio = soc->ngpio;
	return check_attrs(a);
}

static int read_attrs(const char *attr_dir, struct chip_attrs *a)
{
	int dirfd, err;

	dirfd = open(attr_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return -errno;

	err = read_soc(dirfd, &a->soc);
	if (!err)
		err = read_hex(dirfd, PIGPIO_REGS_ATTR_PHYS_BASE, &a->phys_base);
	if (!err)
		err = read_hex(dirfd, PIGPIO_REGS_ATTR_BUS_BASE, &a->bus_base);
	if (!err)
		err = read_decimal(dirfd, PIGPIO_REGS_ATTR_BLOCK_SIZE,
				   &a->block_size);
	if (!err)
		err = read_decimal(dirfd, PIGPIO_REGS_ATTR_WINDOW_SIZE,
				   &a->window_size);
	if (!err)
		err = read_decimal(dirfd, PIGPIO_REGS_ATTR_NGPIO, &a->ngpio);
	close(dirfd);

	return err ? err : check_attrs(a);
}

/*
 * PIGPIO_REGS_IOC_INFO: the attributes in one call. -ENOTTY when fd is not
 * the driver (then sysfs describes it), -EPROTO when the answer makes no
 * sense to this library.
 */
static int read_info(int fd, struct chip_attrs *a)
{
	struct pigpio_regs_info info;

	memset(&info, 0, sizeof(info));
	/* Drivers that do not know a request say ENOTTY, old ones EINVAL. */
	if (ioctl(fd, PIGPIO_REGS_IOC_INFO, &info) < 0)
		return errno == EINVAL ? -ENOTTY : -errno;
	info.soc[sizeof(info.soc) - 1] = '\0';
	a->soc = pgr_soc_lookup(info.soc);
	if (!a->soc)
		return -EPROTO;
	a->phys_base = info.phys_base;
	a->bus_base = info.bus_base;
	a->block_size = info.block_size;
	a->window_size = info.window_size;
	a->ngpio = info.ngpio;
	return check_attrs(a);
}

int pgr_chip_open(struct pgr_chip **chipp, const char *device_path,
	     const char *attr_dir)
{
	struct chip_attrs attrs;
	struct pgr_chip *chip;
	bool by_driver;
	void *map;
	int fd, err;

	if (!chipp)
		return -EINVAL;
	*chipp = NULL;
	if (!device_path)
		device_path = PIGPIO_REGS_DEVICE;

	fd = open(device_path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;

	/*
	 * The driver says it all in one call; anything else has sysfs, or
	 * (no attr_dir named) is Raspberry Pi's gpiomem0 (a family's
	 * gpiomem_name, soc.h) by its name.
	 */
	err = read_info(fd, &attrs);
	by_driver = !err;
	if (err == -ENOTTY && !attr_dir) {
		const struct pgr_soc *soc = gpiomem_soc(fd, device_path, &err);

		if (soc)
			err = gpiomem_attrs(soc, &attrs);
		else if (err == 0)
			err = -ENOTTY;
	}
	if (err == -ENOTTY)
		err = read_attrs(attr_dir ? attr_dir : PIGPIO_REGS_SYSFS_DIR,
				 &attrs);
	if (err)
		goto err_close;

	chip = calloc(1, sizeof(*chip));
	if (!chip) {
		err = -ENOMEM;
		goto err_close;
	}

	map = mmap(NULL, attrs.window_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		   fd, 0);
	if (map == MAP_FAILED) {
		err = -errno;
		goto err_free;
	}

	chip->base = map;
	chip->soc = attrs.soc;
	chip->fd = fd;
	chip->window_size = attrs.window_size;
	chip->block_size = attrs.block_size;
	chip->phys_base = attrs.phys_base;
	chip->bus_base = attrs.bus_base;
	chip->devcall = pgr_devcall_ioctl;
	/*
	 * The path, once for the chip's life (pigpioregs.h, "Threads"). Only
	 * the driver answers INFO, and it had UPDATE and PULL before INFO:
	 * no question to ask. Anything else is asked (config.c).
	 */
	if (by_driver && pgr_soc_ops(attrs.soc)->driver_requests != 0)
		chip->config_path = PGR_CONFIG_DRIVER;
	else
		pgr_config_probe(chip);
	*chipp = chip;
	return 0;

err_free:
	free(chip);
err_close:
	close(fd);
	return err;
}

void pgr_chip_close(struct pgr_chip *chip)
{
	if (!chip)
		return;
	/* The cast drops volatile: munmap() does not access the memory. */
	munmap((void *)chip->base, chip->window_size);
	close(chip->fd);
	free(chip);
}

const char *pgr_version(void)
{
	return PGR_VERSION;
}

const char *pgr_chip_soc_name(const struct pgr_chip *chip)
{
	return chip->soc->name;
}

unsigned pgr_chip_pin_count(const struct pgr_chip *chip)
{
	return chip->soc->ngpio;
}

unsigned long long pgr_chip_phys_base(const struct pgr_chip *chip)
{
	return chip->phys_base;
}

unsigned long long pgr_chip_bus_base(const struct pgr_chip *chip)
{
	return chip->bus_base;
}

size_t pgr_chip_window_size(const struct pgr_chip *chip)
{
	return chip->window_size;
}

size_t pgr_chip_block_size(const struct pgr_chip *chip)
{
	return chip->block_size;
}

const void *pgr_chip_mapping(const struct pgr_chip *chip)
{
	return (const void *)chip->base;
}

int pgr_chip_fd(const struct pgr_chip *chip)
{
	return chip->fd;
}

enum pgr_config_path pgr_chip_config_path(const struct pgr_chip *chip)
{
	return chip->config_path;
}
