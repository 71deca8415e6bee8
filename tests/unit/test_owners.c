// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pin ownership from the device tree (user/lib/owners.c) against a fake
 * /proc/device-tree: directories for nodes, files for properties, with the
 * kernel's encodings (big-endian cells, NUL-separated string lists).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "pigpioregs.h"

static char root[64];

static void die(const char *what)
{
	perror(what);
	exit(99);
}

static void node(const char *path)
{
	char full[256];

	snprintf(full, sizeof(full), "%s%s", root, path);
	if (mkdir(full, 0755) != 0)
		die(full);
}

static void prop(const char *path, const char *name, const void *data,
		 size_t len)
{
	char full[256];
	FILE *f;

	snprintf(full, sizeof(full), "%s%s/%s", root, path, name);
	f = fopen(full, "w");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(full);
}

/* A property of big-endian 32-bit cells. */
static void cells(const char *path, const char *name, const uint32_t *v,
		  size_t n)
{
	unsigned char buf[256];
	size_t i;

	for (i = 0; i < n; i++) {
		buf[4 * i] = v[i] >> 24;
		buf[4 * i + 1] = v[i] >> 16;
		buf[4 * i + 2] = v[i] >> 8;
		buf[4 * i + 3] = v[i];
	}
	prop(path, name, buf, 4 * n);
}

#define CELLS(path, name, ...)						\
	cells(path, name, (const uint32_t[]){ __VA_ARGS__ },		\
	      sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))
/* A string (list): sizeof includes the final NUL, as in the kernel's. */
#define STR(path, name, s) prop(path, name, s, sizeof(s))

static void make_root(void)
{
	snprintf(root, sizeof(root), "%s/pgr-dt-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(root))
		die("mkdtemp");
}

static void remove_root(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		die(cmd);
}

/* The emulated Pi 3's tree, cut down, plus the cases around it. */
static void bcm2835_tree(void)
{
	make_root();
	STR("", "compatible", "raspberrypi,3-model-b\0brcm,bcm2837");
	node("/soc");
	node("/soc/gpio@7e200000");
	STR("/soc/gpio@7e200000", "compatible", "brcm,bcm2835-gpio");
	CELLS("/soc/gpio@7e200000", "phandle", 0x06);
	CELLS("/soc/gpio@7e200000", "pinctrl-0", 0x20);
	STR("/soc/gpio@7e200000", "pinctrl-names", "default");
	node("/soc/gpio@7e200000/uart1_gpio14");
	CELLS("/soc/gpio@7e200000/uart1_gpio14", "brcm,pins", 14, 15);
	CELLS("/soc/gpio@7e200000/uart1_gpio14", "brcm,function", 2);
	CELLS("/soc/gpio@7e200000/uart1_gpio14", "phandle", 0x10);
	node("/soc/gpio@7e200000/sdhost_gpio48");
	CELLS("/soc/gpio@7e200000/sdhost_gpio48", "brcm,pins", 48, 49, 50, 51, 52, 53);
	CELLS("/soc/gpio@7e200000/sdhost_gpio48", "phandle", 0x0c);
	node("/soc/gpio@7e200000/hog_gpio6");
	CELLS("/soc/gpio@7e200000/hog_gpio6", "brcm,pins", 6);
	CELLS("/soc/gpio@7e200000/hog_gpio6", "phandle", 0x20);
	node("/soc/gpio@7e200000/spi0_gpio7");
	CELLS("/soc/gpio@7e200000/spi0_gpio7", "brcm,pins", 7, 8, 9, 10, 11);
	CELLS("/soc/gpio@7e200000/spi0_gpio7", "phandle", 0x30);
	node("/soc/gpio@7e200000/unreferenced_gpio22");
	CELLS("/soc/gpio@7e200000/unreferenced_gpio22", "brcm,pins", 22, 23);
	CELLS("/soc/gpio@7e200000/unreferenced_gpio22", "phandle", 0x31);
	node("/soc/gpio@7e200000/i2c0_gpio0");
	CELLS("/soc/gpio@7e200000/i2c0_gpio0", "brcm,pins", 0, 1);
	CELLS("/soc/gpio@7e200000/i2c0_gpio0", "phandle", 0x0d);
	node("/soc/gpio@7e200000/pwm_gpio40");
	CELLS("/soc/gpio@7e200000/pwm_gpio40", "brcm,pins", 40);
	CELLS("/soc/gpio@7e200000/pwm_gpio40", "phandle", 0x11);
	node("/soc/gpio@7e200000/pwm_gpio41");
	CELLS("/soc/gpio@7e200000/pwm_gpio41", "brcm,pins", 41);
	CELLS("/soc/gpio@7e200000/pwm_gpio41", "phandle", 0x12);

	node("/soc/serial@7e215040");
	STR("/soc/serial@7e215040", "status", "okay");
	CELLS("/soc/serial@7e215040", "pinctrl-0", 0x10);
	node("/soc/mmc@7e202000");		/* no status: enabled */
	CELLS("/soc/mmc@7e202000", "pinctrl-0", 0x0c);
	node("/soc/spi@7e204000");
	STR("/soc/spi@7e204000", "status", "disabled");
	CELLS("/soc/spi@7e204000", "pinctrl-0", 0x30);
	node("/soc/i2c@7e205000");
	STR("/soc/i2c@7e205000", "status", "ok");
	CELLS("/soc/i2c@7e205000", "pinctrl-1", 0x0d);	/* any state N */
	node("/soc/pwm@7e20c000");
	CELLS("/soc/pwm@7e20c000", "pinctrl-0", 0x11, 0x12, 0x99);
	/* pinctrl-names is not a state; a disabled parent hides its child */
	node("/soc/off@1");
	STR("/soc/off@1", "status", "disabled");
	node("/soc/off@1/dev@0");
	CELLS("/soc/off@1/dev@0", "pinctrl-0", 0x31);
	node("/soc/names@2");
	CELLS("/soc/names@2", "pinctrl-names", 0x31);
	CELLS("/soc/names@2", "pinctrl-0x", 0x31);
}

static void test_bcm2835_binding(void)
{
	struct pgr_owners o;
	unsigned pin;
	char path[128];

	bcm2835_tree();
	pgr_owners_init(&o);
	EXPECT_INT(pgr_owners_from_devicetree(&o, root), 0);
	EXPECT_STR(o.owner[14], "/soc/serial@7e215040");
	EXPECT_STR(o.owner[15], "/soc/serial@7e215040");
	for (pin = 48; pin <= 53; pin++)
		EXPECT_STR(o.owner[pin], "/soc/mmc@7e202000");
	EXPECT_STR(o.owner[6], "/soc/gpio@7e200000 (pinctrl hog)");
	EXPECT_STR(o.owner[0], "/soc/i2c@7e205000");
	EXPECT_STR(o.owner[1], "/soc/i2c@7e205000");
	EXPECT_STR(o.owner[40], "/soc/pwm@7e20c000");
	EXPECT_STR(o.owner[41], "/soc/pwm@7e20c000");
	/* disabled node, disabled parent, unreferenced group, free pins */
	for (pin = 7; pin <= 11; pin++)
		EXPECT_STR(o.owner[pin], "");
	EXPECT_STR(o.owner[22], "");
	EXPECT_STR(o.owner[23], "");
	EXPECT_STR(o.owner[17], "");
	EXPECT_STR(o.owner[63], "");
	snprintf(path, sizeof(path), "%s", root);
	remove_root();
	/* the tree is gone: ENOENT */
	EXPECT_INT(pgr_owners_from_devicetree(&o, path), -ENOENT);
}

static void test_first_owner_kept(void)
{
	struct pgr_owners o;

	bcm2835_tree();
	pgr_owners_init(&o);
	strcpy(o.owner[14], "earlier");
	EXPECT_INT(pgr_owners_from_devicetree(&o, root), 0);
	EXPECT_STR(o.owner[14], "earlier");
	EXPECT_STR(o.owner[15], "/soc/serial@7e215040");
	remove_root();
}

/* The generic binding: "pins" strings, groups with subnodes. */
static void test_bcm2711_binding(void)
{
	struct pgr_owners o;

	make_root();
	node("/soc");
	node("/soc/gpio@7e200000");
	STR("/soc/gpio@7e200000", "compatible", "brcm,bcm2711-gpio\0brcm,bcm2835-gpio");
	node("/soc/gpio@7e200000/uart0_ctsrts_gpio30");
	STR("/soc/gpio@7e200000/uart0_ctsrts_gpio30", "pins", "gpio30\0gpio31");
	STR("/soc/gpio@7e200000/uart0_ctsrts_gpio30", "function", "alt3");
	CELLS("/soc/gpio@7e200000/uart0_ctsrts_gpio30", "phandle", 0x40);
	node("/soc/gpio@7e200000/uart0_gpio32");
	CELLS("/soc/gpio@7e200000/uart0_gpio32", "phandle", 0x41);
	node("/soc/gpio@7e200000/uart0_gpio32/pin-tx");
	STR("/soc/gpio@7e200000/uart0_gpio32/pin-tx", "pins", "gpio32");
	node("/soc/gpio@7e200000/uart0_gpio32/pin-rx");
	STR("/soc/gpio@7e200000/uart0_gpio32/pin-rx", "pins", "gpio33");
	node("/soc/gpio@7e200000/emmc_gpio56");
	STR("/soc/gpio@7e200000/emmc_gpio56", "pins", "gpio56\0gpio57\0gpio99\0bogus");
	CELLS("/soc/gpio@7e200000/emmc_gpio56", "linux,phandle", 0x42);
	node("/soc/serial@7e201000");
	CELLS("/soc/serial@7e201000", "pinctrl-0", 0x41, 0x40);
	node("/emmc2bus");
	node("/emmc2bus/mmc@7e340000");
	STR("/emmc2bus/mmc@7e340000", "status", "okay");
	CELLS("/emmc2bus/mmc@7e340000", "pinctrl-0", 0x42);

	pgr_owners_init(&o);
	EXPECT_INT(pgr_owners_from_devicetree(&o, root), 0);
	EXPECT_STR(o.owner[30], "/soc/serial@7e201000");
	EXPECT_STR(o.owner[31], "/soc/serial@7e201000");
	EXPECT_STR(o.owner[32], "/soc/serial@7e201000");
	EXPECT_STR(o.owner[33], "/soc/serial@7e201000");
	EXPECT_STR(o.owner[56], "/emmc2bus/mmc@7e340000");
	EXPECT_STR(o.owner[57], "/emmc2bus/mmc@7e340000");
	EXPECT_STR(o.owner[34], "");
	remove_root();
}

static void test_no_gpio_node(void)
{
	struct pgr_owners o;

	make_root();
	node("/soc");
	STR("/soc", "compatible", "simple-bus");
	pgr_owners_init(&o);
	EXPECT_INT(pgr_owners_from_devicetree(&o, root), -ENODEV);
	remove_root();
}

/* A disabled controller drives nothing: as if there were none. */
static void test_disabled_gpio_node(void)
{
	struct pgr_owners o;

	make_root();
	node("/soc");
	node("/soc/gpio@7e200000");
	STR("/soc/gpio@7e200000", "compatible", "brcm,bcm2835-gpio");
	STR("/soc/gpio@7e200000", "status", "disabled");
	pgr_owners_init(&o);
	EXPECT_INT(pgr_owners_from_devicetree(&o, root), -ENODEV);
	remove_root();
}

static void test_gpiochip_absent(void)
{
	struct pgr_owners o;

	make_root();
	pgr_owners_init(&o);
	/* no gpiochipN in the directory: no such chip */
	EXPECT_INT(pgr_owners_from_gpiochip(&o, root), -ENODEV);
	EXPECT_STR(o.owner[0], "");
	remove_root();
}

int main(void)
{
	CHECK_RUN("owners/devicetree/bcm2835-binding", test_bcm2835_binding);
	CHECK_RUN("owners/devicetree/first-owner-kept", test_first_owner_kept);
	CHECK_RUN("owners/devicetree/bcm2711-generic-binding", test_bcm2711_binding);
	CHECK_RUN("owners/devicetree/no-gpio-node", test_no_gpio_node);
	CHECK_RUN("owners/devicetree/disabled-gpio-node", test_disabled_gpio_node);
	CHECK_RUN("owners/gpiochip/absent", test_gpiochip_absent);
	return check_exit();
}
