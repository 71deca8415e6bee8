// SPDX-License-Identifier: GPL-2.0-only
/*
 * The library's RP1 backend (Raspberry Pi 5) against rp1_model.h: a
 * regular 0x30000-byte file stands in for /dev/gpiomem0 (or the driver's
 * RP1 window) with a directory of attribute files, and the test maps the
 * same file to play the chip after each library call (rp1m_settle()).
 *
 * Expected values come from the RP1 facts in rp1_model.h and, for the ALT
 * names, from the kernel's own table of each pin's function groups
 * (raspberrypi/linux drivers/pinctrl/pinctrl-rp1.c, PIN()), not from the
 * library: no library constant is used here.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "internal.h"	/* only pgr_chip_set_devcall(), the test hook */
#include "pigpioregs.h"
#include "rp1_model.h"

struct fixture {
	char dir[64];		/* mkdtemp() */
	char dev[96];		/* dir/dev: the window */
	char sys[96];		/* dir/sys: the attributes */
	volatile uint32_t *map;	/* the test's own mapping of dev */
};

static struct fixture fx;
static struct rp1_model model;
static struct pgr_chip *chip;

static void die(const char *what)
{
	perror(what);
	exit(99);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		die(path);
}

static void make_file(const char *path, size_t size)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0666);

	if (fd < 0 || ftruncate(fd, (off_t)size) != 0 || close(fd) != 0)
		die(path);
}

static void set_attr(const char *name, const char *text)
{
	write_file(fx.sys, name, text);
}

static const char *const attr_names[] = {
	"soc", "phys_base", "bus_base", "block_size", "window_size", "ngpio",
	"source",
};

/* The RP1 window as the driver would describe it (docs/rp1.md). */
static void setup(void)
{
	void *map;
	int fd;

	snprintf(fx.dir, sizeof(fx.dir), "%s/pgr-rp1-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(fx.dir))
		die("mkdtemp");
	snprintf(fx.dev, sizeof(fx.dev), "%s/dev", fx.dir);
	snprintf(fx.sys, sizeof(fx.sys), "%s/sys", fx.dir);
	make_file(fx.dev, RP1M_WINDOW);
	if (mkdir(fx.sys, 0755))
		die(fx.sys);
	set_attr("soc", "rp1\n");
	set_attr("phys_base", "0x1f000d0000\n");
	set_attr("bus_base", "0x400d0000\n");
	set_attr("block_size", "49152\n");	/* 0xc000: each block */
	set_attr("window_size", "196608\n");	/* 0x30000 */
	set_attr("ngpio", "54\n");
	set_attr("source", "devicetree\n");
	fd = open(fx.dev, O_RDWR);
	if (fd < 0)
		die(fx.dev);
	map = mmap(NULL, RP1M_WINDOW, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		die("mmap");
	close(fd);
	fx.map = map;
	rp1m_reset(&model, fx.map);
	chip = NULL;
}

static void teardown(void)
{
	char path[160];
	size_t i;

	pgr_chip_close(chip);
	chip = NULL;
	munmap((void *)fx.map, RP1M_WINDOW);
	for (i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", fx.sys, attr_names[i]);
		unlink(path);
	}
	rmdir(fx.sys);
	unlink(fx.dev);
	rmdir(fx.dir);
}

#define RUN_FIXTURE(name, fn)		\
	do {				\
		setup();		\
		CHECK_RUN(name, fn);	\
		teardown();		\
	} while (0)

/* Let the model act on the library's stores; fail the test if it cannot. */
#define SETTLE()							\
	EXPECT(rp1m_settle(&model) == 0, "model: %s", model.error)

#define OPEN()								\
	EXPECT_INT(pgr_chip_open(&chip, fx.dev, fx.sys), 0)

/* The step was exactly one store, of value at offset (an alias). */
#define EXPECT_ONE_STORE(off, val)					\
	do {								\
		EXPECT(model.nstores == 1, "%u stores, expected 1 at 0x%05x", \
		       model.nstores, (unsigned)(off));			\
		EXPECT_HEX(model.stores[0].offset, off);		\
		EXPECT_HEX(model.stores[0].value, val);			\
	} while (0)

#define EXPECT_NO_STORE()						\
	EXPECT(model.nstores == 0, "%u stores (first 0x%08x at 0x%05x)",\
	       model.nstores, model.stores[0].value, model.stores[0].offset)

/* --- the model itself: it must act as the facts say, or nothing holds ---- */

static void test_model(void)
{
	unsigned out0 = rp1m_at(RP1M_SYS_RIO, 0, RP1M_OUT);
	unsigned oe2 = rp1m_at(RP1M_SYS_RIO, 2, RP1M_OE);

	rp1m_poke(&model, out0, 0x00f0f0f0);
	rp1m_put(&model, out0 + RP1M_SET, 0x0000000f);
	SETTLE();
	EXPECT_HEX(rp1m_get(&model, out0), 0x00f0f0ff);
	EXPECT_HEX(rp1m_get(&model, out0 + RP1M_SET), 0);	/* emptied */
	rp1m_put(&model, out0 + RP1M_CLR, 0x00f00000);
	rp1m_put(&model, out0 + RP1M_XOR, 0x0f000000);
	SETTLE();
	EXPECT_HEX(rp1m_get(&model, out0), 0x0f00f0ff);
	/* SET and CLR of one bit: the order would decide; refused */
	rp1m_put(&model, oe2 + RP1M_SET, 0x3);
	rp1m_put(&model, oe2 + RP1M_CLR, 0x2);
	EXPECT(rp1m_settle(&model) < 0, "overlap accepted");
	rp1m_reset(&model, fx.map);
	/* inputs, the gap and what is not a register are not stores */
	rp1m_put(&model, rp1m_at(RP1M_SYS_RIO, 1, RP1M_SYNC_IN + RP1M_SET), 1);
	EXPECT(rp1m_settle(&model) < 0, "store to SYNC_IN accepted");
	rp1m_reset(&model, fx.map);
	rp1m_put(&model, rp1m_at(RP1M_IO_BANK, 0, RP1M_STATUS(3)), 1);
	EXPECT(rp1m_settle(&model) < 0, "store to STATUS accepted");
	rp1m_reset(&model, fx.map);
	rp1m_put(&model, RP1M_PADS + RP1M_BLOCK_SIZE, 1);
	EXPECT(rp1m_settle(&model) < 0, "store in the gap accepted");
	rp1m_reset(&model, fx.map);
	/* bank 1 has 6 pins: no CTRL(6) */
	rp1m_put(&model, rp1m_at(RP1M_IO_BANK, 1, RP1M_CTRL(6)), 1);
	EXPECT(rp1m_settle(&model) < 0, "CTRL of a pin bank 1 lacks accepted");
	rp1m_reset(&model, fx.map);

	/* GPIO17 as SYS_RIO output, pad on: IN follows OUT */
	rp1m_poke(&model, rp1m_ctrl(17), RP1M_SYS_RIO_FN);
	rp1m_poke(&model, rp1m_pad(17), RP1M_PAD_IE);
	rp1m_poke(&model, rp1m_rio(17, RP1M_OE), 1u << 17);
	rp1m_poke(&model, out0, 1u << 17);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_SYNC_IN)), 1u << 17);
	rp1m_poke(&model, out0, 0);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_SYNC_IN)), 0);
	/* an outside level does not beat the pin's own driver... */
	rp1m_outside(&model, 17, 1);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_SYNC_IN)), 0);
	/* ...but shows once OEOVER disables it, or the pad's output is off */
	rp1m_poke(&model, rp1m_ctrl(17), RP1M_SYS_RIO_FN | 2u << 14);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_NOSYNC_IN)), 1u << 17);
	rp1m_poke(&model, rp1m_ctrl(17), 0x00);		/* a0: drives nothing here */
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_SYNC_IN)), 1u << 17);
	rp1m_poke(&model, rp1m_pad(17), 0);		/* input disabled */
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(17, RP1M_SYNC_IN)), 0);
	/* a floating input reads its pull */
	rp1m_outside(&model, 40, -1);
	rp1m_poke(&model, rp1m_pad(40), RP1M_PAD_IE | RP1M_PAD_PUE);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(40, RP1M_SYNC_IN)), 1u << 6);
	rp1m_poke(&model, rp1m_pad(40), RP1M_PAD_IE | RP1M_PAD_PDE);
	EXPECT_HEX(rp1m_get(&model, rp1m_rio(40, RP1M_SYNC_IN)), 0);
}

/* --- open ------------------------------------------------------------------ */

static void test_open(void)
{
	OPEN();
	EXPECT_STR(pgr_chip_soc_name(chip), "rp1");
	EXPECT_INT(pgr_chip_pin_count(chip), 54);
	EXPECT_INT(pgr_chip_window_size(chip), 0x30000);
	EXPECT_INT(pgr_chip_block_size(chip), 0xc000);
	EXPECT_HEX(pgr_chip_phys_base(chip), 0x1f000d0000ULL);
	EXPECT_HEX(pgr_chip_bus_base(chip), 0x400d0000);
	EXPECT_INT(pgr_chip_pull_readable(chip), 1);
	/* lock-free alias stores: never the driver's UPDATE */
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_MAPPING);
	/* opening stores nothing */
	SETTLE();
	EXPECT_NO_STORE();
}

static void bad_attr(const char *label, const char *name, const char *value,
		     int expected)
{
	struct pgr_chip *c = (struct pgr_chip *)&fx;
	int ret;

	setup();
	set_attr(name, value);
	check_begin("rp1/open/attr/%s/%s", name, label);
	ret = pgr_chip_open(&c, fx.dev, fx.sys);
	if (ret == 0)
		pgr_chip_close(c);
	else if (c != NULL)
		check_fail(__FILE__, __LINE__, "chip not NULL after failure");
	if (ret != expected)
		check_fail(__FILE__, __LINE__, "open is %d, expected %d", ret,
			   expected);
	check_end();
	teardown();
}

static int driver_calls;

static int counting_devcall(struct pgr_chip *c, unsigned long request,
			    void *arg)
{
	(void)c;
	(void)request;
	(void)arg;
	driver_calls++;
	return 0;	/* a driver that would take anything */
}

static void test_never_the_driver(void)
{
	OPEN();
	driver_calls = 0;
	pgr_chip_set_devcall(chip, counting_devcall, NULL);
	EXPECT_INT(pgr_chip_config_path(chip), PGR_CONFIG_MAPPING);
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	EXPECT_INT(pgr_pin_write(chip, 17, 1), 0);
	EXPECT_INT(pgr_pin_set_drive(chip, 17, PGR_DRIVE_12MA), 0);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 1), 0);
	EXPECT_INT(driver_calls, 0);
	SETTLE();
}

/* Raspberry Pi's own node: known by its name, no attributes. */
static void test_gpiomem0(void)
{
	char path[160], link[160], small[160];
	struct pgr_chip *c = NULL;

	snprintf(path, sizeof(path), "%s/gpiomem0", fx.dir);
	snprintf(link, sizeof(link), "%s/gpiomem", fx.dir);
	snprintf(small, sizeof(small), "%s/small/gpiomem0", fx.dir);
	make_file(path, RP1M_WINDOW);
	EXPECT(symlink("gpiomem0", link) == 0, "symlink");
	EXPECT_INT(pgr_chip_open(&c, path, NULL), 0);
	EXPECT_STR(pgr_chip_soc_name(c), "rp1");
	EXPECT_INT(pgr_chip_window_size(c), 0x30000);
	EXPECT_INT(pgr_chip_block_size(c), 0xc000);
	EXPECT_HEX(pgr_chip_phys_base(c), 0);
	EXPECT_HEX(pgr_chip_bus_base(c), 0x400d0000);
	EXPECT_INT(pgr_pin_write(c, 17, 1), 0);
	pgr_chip_close(c);
	c = NULL;
	EXPECT_INT(pgr_chip_open(&c, link, NULL), 0);
	EXPECT_STR(pgr_chip_soc_name(c), "rp1");
	pgr_chip_close(c);
	c = NULL;
	/* an attribute directory, when named, says what the node is */
	EXPECT_INT(pgr_chip_open(&c, path, fx.sys), 0);
	EXPECT_HEX(pgr_chip_phys_base(c), 0x1f000d0000ULL);
	pgr_chip_close(c);
	c = NULL;
	/* another name is not it: the attributes are looked for instead */
	snprintf(small, sizeof(small), "%s/gpiomem1", fx.dir);
	make_file(small, RP1M_WINDOW);
	if (pgr_chip_open(&c, small, NULL) == 0) {
		EXPECT(strcmp(pgr_chip_soc_name(c), "rp1") != 0,
		       "gpiomem1 taken for the RP1");
		pgr_chip_close(c);
		c = NULL;
	}
	unlink(small);
	snprintf(small, sizeof(small), "%s/small/gpiomem0", fx.dir);
	/* a simulated one shorter than the window would fault: refused */
	snprintf(link, sizeof(link), "%s/small", fx.dir);
	EXPECT(mkdir(link, 0755) == 0, "mkdir");
	make_file(small, 4096);
	EXPECT_INT(pgr_chip_open(&c, small, NULL), -EPROTO);
	EXPECT(c == NULL, "chip set");
	unlink(small);
	rmdir(link);
	snprintf(link, sizeof(link), "%s/gpiomem", fx.dir);
	unlink(link);
	unlink(path);
}

/* --- function select ------------------------------------------------------- */

/*
 * The kernel's function group of each pin's FUNCSEL 0-8 (pinctrl-rp1.c,
 * PIN(): "gpio" is SYS_RIO, NULL none): an independent source for the
 * names the library gives a0-a8.
 */
static const char *const kgroup[54][9] = {
	/*  0 */ { "spi0", "dpi", "uart1", "i2c0", NULL, "gpio", "proc_rio", "pio", "spi2" },
	/*  1 */ { "spi0", "dpi", "uart1", "i2c0", NULL, "gpio", "proc_rio", "pio", "spi2" },
	/*  2 */ { "spi0", "dpi", "uart1", "i2c1", "ir", "gpio", "proc_rio", "pio", "spi2" },
	/*  3 */ { "spi0", "dpi", "uart1", "i2c1", "ir", "gpio", "proc_rio", "pio", "spi2" },
	/*  4 */ { "gpclk0", "dpi", "uart2", "i2c2", "ri0", "gpio", "proc_rio", "pio", "spi3" },
	/*  5 */ { "gpclk1", "dpi", "uart2", "i2c2", "dtr0", "gpio", "proc_rio", "pio", "spi3" },
	/*  6 */ { "gpclk2", "dpi", "uart2", "i2c3", "dcd0", "gpio", "proc_rio", "pio", "spi3" },
	/*  7 */ { "spi0", "dpi", "uart2", "i2c3", "dsr0", "gpio", "proc_rio", "pio", "spi3" },
	/*  8 */ { "spi0", "dpi", "uart3", "i2c0", NULL, "gpio", "proc_rio", "pio", "spi4" },
	/*  9 */ { "spi0", "dpi", "uart3", "i2c0", NULL, "gpio", "proc_rio", "pio", "spi4" },
	/* 10 */ { "spi0", "dpi", "uart3", "i2c1", NULL, "gpio", "proc_rio", "pio", "spi4" },
	/* 11 */ { "spi0", "dpi", "uart3", "i2c1", NULL, "gpio", "proc_rio", "pio", "spi4" },
	/* 12 */ { "pwm0", "dpi", "uart4", "i2c2", "aaud", "gpio", "proc_rio", "pio", "spi5" },
	/* 13 */ { "pwm0", "dpi", "uart4", "i2c2", "aaud", "gpio", "proc_rio", "pio", "spi5" },
	/* 14 */ { "pwm0", "dpi", "uart4", "i2c3", "uart0", "gpio", "proc_rio", "pio", "spi5" },
	/* 15 */ { "pwm0", "dpi", "uart4", "i2c3", "uart0", "gpio", "proc_rio", "pio", "spi5" },
	/* 16 */ { "spi1", "dpi", "dsi0_te_ext", NULL, "uart0", "gpio", "proc_rio", "pio", NULL },
	/* 17 */ { "spi1", "dpi", "dsi1_te_ext", NULL, "uart0", "gpio", "proc_rio", "pio", NULL },
	/* 18 */ { "spi1", "dpi", "i2s0", "pwm0", "i2s1", "gpio", "proc_rio", "pio", "gpclk1" },
	/* 19 */ { "spi1", "dpi", "i2s0", "pwm0", "i2s1", "gpio", "proc_rio", "pio", NULL },
	/* 20 */ { "spi1", "dpi", "i2s0", "gpclk0", "i2s1", "gpio", "proc_rio", "pio", NULL },
	/* 21 */ { "spi1", "dpi", "i2s0", "gpclk1", "i2s1", "gpio", "proc_rio", "pio", NULL },
	/* 22 */ { "sd0", "dpi", "i2s0", "i2c3", "i2s1", "gpio", "proc_rio", "pio", NULL },
	/* 23 */ { "sd0", "dpi", "i2s0", "i2c3", "i2s1", "gpio", "proc_rio", "pio", NULL },
	/* 24 */ { "sd0", "dpi", "i2s0", NULL, "i2s1", "gpio", "proc_rio", "pio", "spi2" },
	/* 25 */ { "sd0", "dpi", "i2s0", "mic", "i2s1", "gpio", "proc_rio", "pio", "spi3" },
	/* 26 */ { "sd0", "dpi", "i2s0", "mic", "i2s1", "gpio", "proc_rio", "pio", "spi5" },
	/* 27 */ { "sd0", "dpi", "i2s0", "mic", "i2s1", "gpio", "proc_rio", "pio", "spi1" },
	/* 28 */ { "sd1", "i2c4", "i2s2", "spi6", "vbus0", "gpio", "proc_rio", NULL, NULL },
	/* 29 */ { "sd1", "i2c4", "i2s2", "spi6", "vbus0", "gpio", "proc_rio", NULL, NULL },
	/* 30 */ { "sd1", "i2c5", "i2s2", "spi6", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 31 */ { "sd1", "i2c5", "i2s2", "spi6", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 32 */ { "sd1", "gpclk3", "i2s2", "spi6", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 33 */ { "sd1", "gpclk4", "i2s2", "spi6", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 34 */ { "pwm1", "gpclk3", "vbus0", "i2c4", "mic", "gpio", "proc_rio", NULL, NULL },
	/* 35 */ { "spi8", "pwm1", "vbus0", "i2c4", "mic", "gpio", "proc_rio", NULL, NULL },
	/* 36 */ { "spi8", "uart5", "pcie_clkreq_n", "i2c5", "mic", "gpio", "proc_rio", NULL, NULL },
	/* 37 */ { "spi8", "uart5", "mic", "i2c5", "pcie_clkreq_n", "gpio", "proc_rio", NULL, NULL },
	/* 38 */ { "spi8", "uart5", "mic", "i2c6", "aaud", "gpio", "proc_rio", "dsi0_te_ext", NULL },
	/* 39 */ { "spi8", "uart5", "mic", "i2c6", "aaud", "gpio", "proc_rio", "dsi1_te_ext", NULL },
	/* 40 */ { "pwm1", "uart5", "i2c4", "spi6", "aaud", "gpio", "proc_rio", NULL, NULL },
	/* 41 */ { "pwm1", "uart5", "i2c4", "spi6", "aaud", "gpio", "proc_rio", NULL, NULL },
	/* 42 */ { "gpclk5", "uart5", "vbus1", "spi6", "i2s2", "gpio", "proc_rio", NULL, NULL },
	/* 43 */ { "gpclk4", "uart5", "vbus1", "spi6", "i2s2", "gpio", "proc_rio", NULL, NULL },
	/* 44 */ { "gpclk5", "i2c5", "pwm1", "spi6", "i2s2", "gpio", "proc_rio", NULL, NULL },
	/* 45 */ { "pwm1", "i2c5", "spi7", "spi6", "i2s2", "gpio", "proc_rio", NULL, NULL },
	/* 46 */ { "gpclk3", "i2c4", "spi7", "mic", "i2s2", "gpio", "proc_rio", "dsi0_te_ext", NULL },
	/* 47 */ { "gpclk5", "i2c4", "spi7", "mic", "i2s2", "gpio", "proc_rio", "dsi1_te_ext", NULL },
	/* 48 */ { "pwm1", "pcie_clkreq_n", "spi7", "mic", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 49 */ { "spi8", "spi7", "i2c5", "aaud", "uart5", "gpio", "proc_rio", NULL, NULL },
	/* 50 */ { "spi8", "spi7", "i2c5", "aaud", "vbus2", "gpio", "proc_rio", NULL, NULL },
	/* 51 */ { "spi8", "spi7", "i2c6", "aaud", "vbus2", "gpio", "proc_rio", NULL, NULL },
	/* 52 */ { "spi8", NULL, "i2c6", "aaud", "vbus3", "gpio", "proc_rio", NULL, NULL },
	/* 53 */ { "spi8", "spi7", NULL, "pcie_clkreq_n", "vbus3", "gpio", "proc_rio", NULL, NULL },
};

/* Is name what the datasheet would call a signal of kernel group g? */
static int name_fits_group(const char *g, const char *name, char *why,
			   size_t len)
{
	static const struct { const char *group, *prefix; } fixed[] = {
		{ "gpio", "SYS_RIO" }, { "proc_rio", "PROC_RIO" },
		{ "pio", "PIO" }, { "dpi", "DPI_" }, { "aaud", "AAUD_" },
		{ "mic", "MIC_" }, { "ir", "IR_" },
		{ "pcie_clkreq_n", "PCIE_CLKREQ_N" },
		{ "dsi0_te_ext", "DSI0_TE_EXT" }, { "dsi1_te_ext", "DSI1_TE_EXT" },
		{ "ri0", "RI0" }, { "dtr0", "DTR0" }, { "dcd0", "DCD0" },
		{ "dsr0", "DSR0" },
	};
	char kind[16], want[32];
	size_t i, k;
	char unit;

	if (!g || !name) {
		snprintf(why, len, "group %s, name %s", g ? g : "none",
			 name ? name : "NULL");
		return g == name;
	}
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!strcmp(g, fixed[i].group))
			return !strncmp(name, fixed[i].prefix,
					strlen(fixed[i].prefix));
	k = strlen(g);
	unit = g[k - 1];	/* spi3, uart1, i2c0, pwm1, gpclk5, sd0, i2s2, vbus0 */
	snprintf(kind, sizeof(kind), "%.*s", (int)(k - 1), g);
	snprintf(why, len, "group %s, name %s", g, name);
	if (!strcmp(kind, "spi") || !strcmp(kind, "sd") || !strcmp(kind, "i2s")) {
		for (i = 0; kind[i]; i++)
			want[i] = (char)(kind[i] - (kind[i] >= 'a' ? 32 : 0));
		snprintf(want + i, sizeof(want) - i, "%c_", unit);
		return !strncmp(name, want, strlen(want));
	}
	if (!strcmp(kind, "pwm")) {
		snprintf(want, sizeof(want), "PWM%c_CHAN", unit);
		return !strncmp(name, want, strlen(want));
	}
	if (!strcmp(kind, "gpclk")) {
		snprintf(want, sizeof(want), "GPCLK%c", unit);
		return !strcmp(name, want);
	}
	if (!strcmp(kind, "uart"))
		return strlen(name) == 4 && name[3] == unit &&
		       (!strncmp(name, "TXD", 3) || !strncmp(name, "RXD", 3) ||
			!strncmp(name, "CTS", 3) || !strncmp(name, "RTS", 3));
	if (!strcmp(kind, "i2c"))
		return strlen(name) == 4 && name[3] == unit &&
		       (!strncmp(name, "SDA", 3) || !strncmp(name, "SCL", 3));
	if (!strcmp(kind, "vbus"))
		return strlen(name) == 8 && name[7] == unit &&
		       (!strncmp(name, "VBUS_EN", 7) || !strncmp(name, "VBUS_OC", 7));
	return 0;
}

static const enum pgr_function alt_enum[9] = {
	PGR_FUNC_ALT0, PGR_FUNC_ALT1, PGR_FUNC_ALT2, PGR_FUNC_ALT3,
	PGR_FUNC_ALT4, PGR_FUNC_ALT5, PGR_FUNC_ALT6, PGR_FUNC_ALT7,
	PGR_FUNC_ALT8,
};

/* Did the step's stores touch only pin's CTRL, pad and bank OE (its bit)? */
static int stores_of_pin(unsigned pin, char *why, size_t len)
{
	unsigned i, reg, alias;

	for (i = 0; i < model.nstores; i++) {
		rp1m_decode(model.stores[i].offset, &reg, &alias);
		if (reg == rp1m_ctrl(pin) || reg == rp1m_pad(pin))
			continue;
		if (reg == rp1m_rio(pin, RP1M_OE) && alias &&
		    model.stores[i].value == rp1m_bit(pin))
			continue;
		snprintf(why, len, "store of 0x%08x at 0x%05x",
			 model.stores[i].value, model.stores[i].offset);
		return 0;
	}
	return 1;
}

/*
 * Every pin, every FUNCSEL 0-8: the field holds n, only alias stores to
 * the pin's own words, the pad's input on and output-disable off, the
 * output overrides back to the function, the other CTRL bits (the
 * kernel's interrupt enables) kept; it reads back, and its name is of the
 * kernel's group for that FUNCSEL.
 */
static void test_function_every_pin(void)
{
	const uint32_t keep = 0xfff00000u | (3u << 16);	/* IRQ, INOVER */
	enum pgr_function f;
	unsigned pin, n, oe;
	uint32_t ctrl, pad;
	char why[128];
	const char *name;

	OPEN();
	for (pin = 0; pin < 54; pin++) {
		for (n = 0; n < 9; n++) {
			/* from another FUNCSEL, overrides set, IRQ bits on */
			rp1m_poke(&model, rp1m_ctrl(pin),
				  0x00a5f000u | ((n + 4) % 9));
			rp1m_poke(&model, rp1m_pad(pin), RP1M_PAD_OD | 0x31);
			oe = (pin + n) % 2;
			rp1m_poke(&model, rp1m_rio(pin, RP1M_OE),
				  oe ? rp1m_bit(pin) : 0);
			EXPECT(pgr_pin_set_function(chip, pin, alt_enum[n]) == 0,
			       "GPIO%u a%u refused", pin, n);
			SETTLE();
			EXPECT(model.plain == 0, "GPIO%u a%u: %u plain stores",
			       pin, n, model.plain);
			EXPECT(stores_of_pin(pin, why, sizeof(why)),
			       "GPIO%u a%u: %s", pin, n, why);
			ctrl = rp1m_get(&model, rp1m_ctrl(pin));
			pad = rp1m_get(&model, rp1m_pad(pin));
			EXPECT((ctrl & RP1M_FUNCSEL) == n,
			       "GPIO%u a%u: FUNCSEL %u", pin, n, ctrl & 0x1f);
			EXPECT((ctrl & 0xf000u) == 0,
			       "GPIO%u a%u: overrides 0x%x left", pin, n,
			       ctrl & 0xf000u);
			EXPECT((ctrl & keep) == (0x00a5f000u & keep),
			       "GPIO%u a%u: CTRL 0x%08x lost other bits",
			       pin, n, ctrl);
			EXPECT(pad == (0x31 | RP1M_PAD_IE),
			       "GPIO%u a%u: pad 0x%02x", pin, n, pad);
			/* a5 is SYS_RIO: the direction was left alone */
			EXPECT(((rp1m_get(&model, rp1m_rio(pin, RP1M_OE)) &
				 rp1m_bit(pin)) != 0) == oe,
			       "GPIO%u a%u: OE changed", pin, n);
			f = PGR_FUNC_NONE;
			EXPECT(pgr_pin_get_function(chip, pin, &f) == 0,
			       "GPIO%u get refused", pin);
			if (n == 5)
				EXPECT(f == (oe ? PGR_FUNC_OUTPUT : PGR_FUNC_INPUT),
				       "GPIO%u SYS_RIO with OE %u reads %s",
				       pin, oe, pgr_function_name(f));
			else
				EXPECT(f == alt_enum[n], "GPIO%u a%u reads %s",
				       pin, n, pgr_function_name(f));
			name = pgr_pin_alt_name(chip, pin, alt_enum[n]);
			EXPECT(name_fits_group(kgroup[pin][n], name, why,
					       sizeof(why)),
			       "GPIO%u a%u: %s", pin, n, why);
		}
	}
	SETTLE();
}

/* Names as the datasheet's function table and pinctrl print them. */
static void test_alt_names(void)
{
	OPEN();
	EXPECT_STR(pgr_pin_alt_name(chip, 14, PGR_FUNC_ALT4), "TXD0");
	EXPECT_STR(pgr_pin_alt_name(chip, 15, PGR_FUNC_ALT4), "RXD0");
	EXPECT_STR(pgr_pin_alt_name(chip, 2, PGR_FUNC_ALT3), "SDA1");
	EXPECT_STR(pgr_pin_alt_name(chip, 3, PGR_FUNC_ALT3), "SCL1");
	EXPECT_STR(pgr_pin_alt_name(chip, 12, PGR_FUNC_ALT0), "PWM0_CHAN0");
	EXPECT_STR(pgr_pin_alt_name(chip, 18, PGR_FUNC_ALT8), "GPCLK1");
	EXPECT_STR(pgr_pin_alt_name(chip, 0, PGR_FUNC_ALT7), "PIO0");
	EXPECT_STR(pgr_pin_alt_name(chip, 38, PGR_FUNC_ALT7), "DSI0_TE_EXT");
	EXPECT_STR(pgr_pin_alt_name(chip, 45, PGR_FUNC_ALT0), "PWM1_CHAN3");
	EXPECT(!pgr_pin_alt_name(chip, 0, PGR_FUNC_ALT4), "GPIO0 a4 is none");
	EXPECT(!pgr_pin_alt_name(chip, 52, PGR_FUNC_ALT1), "GPIO52 a1 is none");
	EXPECT(!pgr_pin_alt_name(chip, 28, PGR_FUNC_ALT7), "no PIO on bank 1");
	EXPECT(!pgr_pin_alt_name(chip, 17, PGR_FUNC_INPUT), "input");
	EXPECT(!pgr_pin_alt_name(chip, 17, PGR_FUNC_OUTPUT), "output");
	EXPECT(!pgr_pin_alt_name(chip, 17, PGR_FUNC_NONE), "none");
	EXPECT(!pgr_pin_alt_name(chip, 54, PGR_FUNC_ALT0), "GPIO54");
	EXPECT_STR(pgr_function_name(PGR_FUNC_ALT6), "alt6");
	EXPECT_STR(pgr_function_name(PGR_FUNC_ALT7), "alt7");
	EXPECT_STR(pgr_function_name(PGR_FUNC_ALT8), "alt8");
	EXPECT_STR(pgr_function_name(PGR_FUNC_NONE), "none");
}

/*
 * Every pin as output, input and none: SYS_RIO with OE set or clear
 * (others' OE bits kept), the level through the model's pad; none turns
 * the pad's input off and its output-disable on.
 */
static void test_direction_every_pin(void)
{
	enum pgr_function f;
	unsigned pin, bank, n;
	uint32_t others;

	OPEN();
	for (pin = 0; pin < 54; pin++) {
		rp1m_bank_of(pin, &bank, &n);
		others = 0x5a5a5a5au & ((UINT32_C(1) << (rp1m_first[bank + 1] -
							  rp1m_first[bank])) - 1) &
			 ~rp1m_bit(pin);
		rp1m_poke(&model, rp1m_rio(pin, RP1M_OE), others);
		rp1m_outside(&model, pin, 1);
		EXPECT_INT(pgr_pin_write(chip, pin, 0), 0);	/* latch low */
		SETTLE();
		EXPECT_INT(pgr_pin_set_function(chip, pin, PGR_FUNC_OUTPUT), 0);
		SETTLE();
		EXPECT(model.plain == 0, "GPIO%u: plain stores", pin);
		EXPECT_HEX(rp1m_get(&model, rp1m_rio(pin, RP1M_OE)),
			   others | rp1m_bit(pin));
		EXPECT_HEX(rp1m_get(&model, rp1m_ctrl(pin)) & RP1M_FUNCSEL, 5);
		EXPECT(pgr_pin_get_function(chip, pin, &f) == 0 &&
		       f == PGR_FUNC_OUTPUT, "GPIO%u not output", pin);
		/* it drives its latch, over the outside level */
		EXPECT(pgr_pin_read(chip, pin) == 0, "GPIO%u reads high", pin);
		EXPECT_INT(pgr_pin_write(chip, pin, 1), 0);
		SETTLE();
		EXPECT(pgr_pin_read(chip, pin) == 1, "GPIO%u reads low", pin);
		EXPECT_INT(pgr_pin_set_function(chip, pin, PGR_FUNC_INPUT), 0);
		SETTLE();
		EXPECT_HEX(rp1m_get(&model, rp1m_rio(pin, RP1M_OE)), others);
		rp1m_outside(&model, pin, 0);
		EXPECT(pgr_pin_read(chip, pin) == 0, "GPIO%u input reads 1", pin);
		rp1m_outside(&model, pin, 1);
		EXPECT(pgr_pin_read(chip, pin) == 1, "GPIO%u input reads 0", pin);
		EXPECT(pgr_pin_get_function(chip, pin, &f) == 0 &&
		       f == PGR_FUNC_INPUT, "GPIO%u not input", pin);
		EXPECT_INT(pgr_pin_set_function(chip, pin, PGR_FUNC_NONE), 0);
		SETTLE();
		EXPECT_HEX(rp1m_get(&model, rp1m_ctrl(pin)) & RP1M_FUNCSEL, 0x1f);
		EXPECT_HEX(rp1m_get(&model, rp1m_pad(pin)) &
			   (RP1M_PAD_IE | RP1M_PAD_OD), RP1M_PAD_OD);
		EXPECT(pgr_pin_read(chip, pin) == 0, "GPIO%u none reads 1", pin);
		EXPECT(pgr_pin_get_function(chip, pin, &f) == 0 &&
		       f == PGR_FUNC_NONE, "GPIO%u not none", pin);
		rp1m_outside(&model, pin, -1);
	}
	/* FUNCSEL codes the datasheet does not define read as none */
	rp1m_poke(&model, rp1m_ctrl(3), 9);
	EXPECT(pgr_pin_get_function(chip, 3, &f) == 0 && f == PGR_FUNC_NONE,
	       "FUNCSEL 9 reads %s", pgr_function_name(f));
	rp1m_poke(&model, rp1m_ctrl(3), 0x1e);
	EXPECT(pgr_pin_get_function(chip, 3, &f) == 0 && f == PGR_FUNC_NONE,
	       "FUNCSEL 0x1e reads %s", pgr_function_name(f));
}

/* --- levels ---------------------------------------------------------------- */

/*
 * Every pin, both levels, on three backgrounds of OUT: exactly one store,
 * to the SET (1) or CLR (0) alias of the pin's bank's OUT, of the pin's
 * bit: never OUT itself (a read-modify-write would show as a plain store
 * or as other bits in the alias).
 */
static void test_levels_every_pin(void)
{
	static const uint32_t bg[] = { 0, 0xffffffffu, 0x36c936c9u };
	unsigned pin, b, bank, n;
	uint32_t was;
	int level;

	OPEN();
	for (b = 0; b < 3; b++) {
		for (pin = 0; pin < 54; pin++) {
			for (level = 0; level <= 1; level++) {
				rp1m_bank_of(pin, &bank, &n);
				rp1m_poke(&model, rp1m_rio(pin, RP1M_OUT), bg[b]);
				EXPECT(pgr_pin_write(chip, pin, level) == 0,
				       "GPIO%u level %d refused", pin, level);
				SETTLE();
				EXPECT(model.nstores == 1 && model.plain == 0,
				       "GPIO%u level %d: %u stores, %u plain",
				       pin, level, model.nstores, model.plain);
				EXPECT_HEX(model.stores[0].offset,
					   rp1m_rio(pin, RP1M_OUT) +
					   (level ? RP1M_SET : RP1M_CLR));
				EXPECT_HEX(model.stores[0].value, rp1m_bit(pin));
				was = bg[b];
				EXPECT_HEX(rp1m_get(&model, rp1m_rio(pin, RP1M_OUT)),
					   level ? was | rp1m_bit(pin) :
					   was & ~rp1m_bit(pin));
			}
		}
	}
}

/* Toggle: one load of SYNC_IN, one alias store. */
static void test_toggle(void)
{
	OPEN();
	EXPECT_INT(pgr_pin_set_function(chip, 40, PGR_FUNC_OUTPUT), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_toggle(chip, 40), 0);	/* low: set */
	SETTLE();
	EXPECT_ONE_STORE(rp1m_rio(40, RP1M_OUT) + RP1M_SET, 1u << 6);
	EXPECT_INT(pgr_pin_read(chip, 40), 1);
	EXPECT_INT(pgr_pin_toggle(chip, 40), 0);	/* high: clear */
	SETTLE();
	EXPECT_ONE_STORE(rp1m_rio(40, RP1M_OUT) + RP1M_CLR, 1u << 6);
	EXPECT_INT(pgr_pin_read(chip, 40), 0);
	EXPECT_INT(pgr_pin_toggle(chip, 54), -EINVAL);
	SETTLE();
	EXPECT_NO_STORE();
}

/* --- pulls ----------------------------------------------------------------- */

/*
 * Every pin: up, down, none through the pad's aliases only, the other pad
 * bits (slew, schmitt, drive, IE, OD) kept, read back; both bits set is
 * no pull the API knows. A floating input shows its pull.
 */
static void test_pulls_every_pin(void)
{
	static const struct {
		enum pgr_pull pull;
		uint32_t bits;	/* pull-down bit 2, pull-up bit 3 */
	} cases[] = {
		{ PGR_PULL_UP, RP1M_PAD_PUE }, { PGR_PULL_DOWN, RP1M_PAD_PDE },
		{ PGR_PULL_NONE, 0 }, { PGR_PULL_DOWN, RP1M_PAD_PDE },
		{ PGR_PULL_UP, RP1M_PAD_PUE },
	};
	const uint32_t other = 0xf3;	/* every pad bit but the pulls */
	enum pgr_pull got;
	unsigned pin, c, i, reg, alias;

	OPEN();
	for (pin = 0; pin < 54; pin++) {
		rp1m_poke(&model, rp1m_pad(pin), 0x33);
		for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			EXPECT(pgr_pin_set_pull(chip, pin, cases[c].pull) == 0,
			       "GPIO%u pull refused", pin);
			SETTLE();
			EXPECT(model.plain == 0, "GPIO%u: plain store", pin);
			for (i = 0; i < model.nstores; i++) {
				rp1m_decode(model.stores[i].offset, &reg, &alias);
				EXPECT(reg == rp1m_pad(pin), "GPIO%u: store at 0x%05x",
				       pin, model.stores[i].offset);
			}
			EXPECT((rp1m_get(&model, rp1m_pad(pin)) & 0x0c) ==
			       cases[c].bits, "GPIO%u case %u: pad 0x%02x", pin,
			       c, rp1m_get(&model, rp1m_pad(pin)));
			EXPECT((rp1m_get(&model, rp1m_pad(pin)) & other) ==
			       (0x33 & other), "GPIO%u: other pad bits changed",
			       pin);
			got = PGR_PULL_UNKNOWN;
			EXPECT(pgr_pin_get_pull(chip, pin, &got) == 0 &&
			       got == cases[c].pull, "GPIO%u reads %s", pin,
			       pgr_pull_name(got));
		}
	}
	rp1m_poke(&model, rp1m_pad(9), RP1M_PAD_PUE | RP1M_PAD_PDE);
	EXPECT_INT(pgr_pin_get_pull(chip, 9, &got), 0);
	EXPECT_INT(got, PGR_PULL_UNKNOWN);
	/* a floating input reads its pull */
	EXPECT_INT(pgr_pin_set_function(chip, 5, PGR_FUNC_INPUT), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_set_pull(chip, 5, PGR_PULL_UP), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_read(chip, 5), 1);
	EXPECT_INT(pgr_pin_set_pull(chip, 5, PGR_PULL_DOWN), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_read(chip, 5), 0);
	EXPECT_INT(pgr_pin_set_pull(chip, 5, PGR_PULL_UNKNOWN), -EINVAL);
	SETTLE();
	EXPECT_NO_STORE();
}

/* --- drive strength and slew ----------------------------------------------- */

/*
 * The step's stores were exactly: set at the pad's SET alias (if not 0),
 * clr at its CLR alias (if not 0), nothing else (address order: SET
 * before CLR).
 */
static int pad_stores_are(unsigned pin, uint32_t set, uint32_t clr,
			  char *why, size_t len)
{
	unsigned offsets[2], n = 0, i;
	uint32_t values[2];

	if (set) {
		offsets[n] = rp1m_pad(pin) + RP1M_SET;
		values[n++] = set;
	}
	if (clr) {
		offsets[n] = rp1m_pad(pin) + RP1M_CLR;
		values[n++] = clr;
	}
	if (model.nstores != n || model.plain) {
		snprintf(why, len, "%u stores (%u plain), expected %u",
			 model.nstores, model.plain, n);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (model.stores[i].offset != offsets[i] ||
		    model.stores[i].value != values[i]) {
			snprintf(why, len, "store %u: 0x%08x at 0x%05x, expected 0x%08x at 0x%05x",
				 i, model.stores[i].value, model.stores[i].offset,
				 values[i], offsets[i]);
			return 0;
		}
	return 1;
}

/*
 * Every pin, every change of drive strength (a walk through all 16
 * ordered pairs of the 4 codes), from a pad with every other bit on and
 * from one with every other bit off: the DRIVE field (bits 5:4, code 0-3
 * = 2, 4, 8, 12 mA as pinctrl-rp1.c has it) holds the new code, every
 * other bit of the pad word is as it was, the stores are exactly the CLR
 * alias of the field bits the code lacks and the SET alias of those it
 * has, and it reads back.
 */
static void test_drive_every_pin(void)
{
	static const unsigned walk[] = { 0, 0, 1, 1, 2, 2, 3, 3, 0, 2, 0, 3,
					 1, 3, 2, 1, 0 };
	static const uint32_t others[] = { 0xcf, 0x00 };	/* all but DRIVE, none */
	static const char *const names[] = { "2mA", "4mA", "8mA", "12mA" };
	enum pgr_drive got;
	unsigned pin, o, i, code;
	uint32_t pad, want;
	char why[128];

	OPEN();
	for (pin = 0; pin < 54; pin++) {
		for (o = 0; o < 2; o++) {
			rp1m_poke(&model, rp1m_pad(pin), others[o]);
			for (i = 0; i < sizeof(walk) / sizeof(walk[0]); i++) {
				code = walk[i];
				want = code << 4;
				EXPECT(pgr_pin_set_drive(chip, pin,
							 (enum pgr_drive)code) == 0,
				       "GPIO%u drive %u refused", pin, code);
				SETTLE();
				EXPECT(pad_stores_are(pin, want,
						      RP1M_PAD_DRIVE & ~want,
						      why, sizeof(why)),
				       "GPIO%u drive %u: %s", pin, code, why);
				pad = rp1m_get(&model, rp1m_pad(pin));
				EXPECT(pad == (others[o] | want),
				       "GPIO%u drive %u: pad 0x%08x, expected 0x%08x",
				       pin, code, pad, others[o] | want);
				got = (enum pgr_drive)99;
				EXPECT(pgr_pin_get_drive(chip, pin, &got) == 0 &&
				       (unsigned)got == code,
				       "GPIO%u reads drive %d, expected %u", pin,
				       (int)got, code);
				EXPECT_STR(pgr_drive_name(got), names[code]);
			}
		}
	}
	/* the read is of the pad the chip has, whoever set it */
	rp1m_poke(&model, rp1m_pad(40), 0x20 | RP1M_PAD_IE);
	EXPECT_INT(pgr_pin_get_drive(chip, 40, &got), 0);
	EXPECT_INT(got, PGR_DRIVE_8MA);
	/* the enum is the field's code */
	EXPECT_INT(PGR_DRIVE_2MA, 0);
	EXPECT_INT(PGR_DRIVE_4MA, 1);
	EXPECT_INT(PGR_DRIVE_8MA, 2);
	EXPECT_INT(PGR_DRIVE_12MA, 3);
}

/*
 * Every pin: slew fast is one store of bit 0 to the pad's SET alias, slow
 * one to its CLR alias; every other pad bit kept; it reads back.
 */
static void test_slew_every_pin(void)
{
	static const uint32_t others[] = { 0xfe, 0x00 };	/* all but SLEWFAST, none */
	unsigned pin, o;
	uint32_t pad;
	char why[128];

	OPEN();
	for (pin = 0; pin < 54; pin++) {
		for (o = 0; o < 2; o++) {
			rp1m_poke(&model, rp1m_pad(pin), others[o]);
			EXPECT_INT(pgr_pin_get_slew(chip, pin), 0);
			EXPECT(pgr_pin_set_slew(chip, pin, 1) == 0,
			       "GPIO%u fast refused", pin);
			SETTLE();
			EXPECT(pad_stores_are(pin, RP1M_PAD_SLEWFAST, 0, why,
					      sizeof(why)),
			       "GPIO%u fast: %s", pin, why);
			pad = rp1m_get(&model, rp1m_pad(pin));
			EXPECT(pad == (others[o] | RP1M_PAD_SLEWFAST),
			       "GPIO%u fast: pad 0x%08x", pin, pad);
			EXPECT(pgr_pin_get_slew(chip, pin) == 1,
			       "GPIO%u reads slow after fast", pin);
			/* fast again: the same store, the same pad */
			EXPECT_INT(pgr_pin_set_slew(chip, pin, 1), 0);
			SETTLE();
			EXPECT(pad_stores_are(pin, RP1M_PAD_SLEWFAST, 0, why,
					      sizeof(why)),
			       "GPIO%u fast again: %s", pin, why);
			EXPECT(pgr_pin_set_slew(chip, pin, 0) == 0,
			       "GPIO%u slow refused", pin);
			SETTLE();
			EXPECT(pad_stores_are(pin, 0, RP1M_PAD_SLEWFAST, why,
					      sizeof(why)),
			       "GPIO%u slow: %s", pin, why);
			pad = rp1m_get(&model, rp1m_pad(pin));
			EXPECT(pad == others[o], "GPIO%u slow: pad 0x%08x",
			       pin, pad);
			EXPECT(pgr_pin_get_slew(chip, pin) == 0,
			       "GPIO%u reads fast after slow", pin);
		}
	}
}

/* Drive, slew, pull and function of one pin together: each its own bits. */
static void test_pad_fields_together(void)
{
	enum pgr_drive d = PGR_DRIVE_2MA;
	enum pgr_pull p = PGR_PULL_NONE;
	enum pgr_function f = PGR_FUNC_NONE;

	OPEN();
	EXPECT_INT(pgr_pin_set_drive(chip, 17, PGR_DRIVE_12MA), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 1), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_set_pull(chip, 17, PGR_PULL_UP), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_set_function(chip, 17, PGR_FUNC_OUTPUT), 0);
	SETTLE();
	/* OD from the reset state cleared by the function; IE set by it */
	EXPECT_HEX(rp1m_get(&model, rp1m_pad(17)),
		   RP1M_PAD_IE | 0x30 | RP1M_PAD_PUE | RP1M_PAD_SLEWFAST);
	EXPECT_INT(pgr_pin_set_drive(chip, 17, PGR_DRIVE_4MA), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 0), 0);
	SETTLE();
	EXPECT_HEX(rp1m_get(&model, rp1m_pad(17)),
		   RP1M_PAD_IE | 0x10 | RP1M_PAD_PUE);
	EXPECT_INT(pgr_pin_get_drive(chip, 17, &d), 0);
	EXPECT_INT(d, PGR_DRIVE_4MA);
	EXPECT_INT(pgr_pin_get_pull(chip, 17, &p), 0);
	EXPECT_INT(p, PGR_PULL_UP);
	EXPECT_INT(pgr_pin_get_function(chip, 17, &f), 0);
	EXPECT_INT(f, PGR_FUNC_OUTPUT);
	/* the pin still drives its level: drive and slew change no logic */
	EXPECT_INT(pgr_pin_write(chip, 17, 1), 0);
	SETTLE();
	EXPECT_INT(pgr_pin_read(chip, 17), 1);
	/* no other pin's pad was touched */
	EXPECT_HEX(rp1m_get(&model, rp1m_pad(16)), RP1M_PAD_OD);
	EXPECT_HEX(rp1m_get(&model, rp1m_pad(18)), RP1M_PAD_OD);
}

/* --- banks ----------------------------------------------------------------- */

/* The stores of the step as (offset, value), in address order. */
static int stores_are(const unsigned *offsets, const uint32_t *values,
		      unsigned n, char *why, size_t len)
{
	unsigned i;

	if (model.nstores != n || model.plain) {
		snprintf(why, len, "%u stores (%u plain), expected %u",
			 model.nstores, model.plain, n);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (model.stores[i].offset != offsets[i] ||
		    model.stores[i].value != values[i]) {
			snprintf(why, len, "store %u: 0x%08x at 0x%05x, expected 0x%08x at 0x%05x",
				 i, model.stores[i].value, model.stores[i].offset,
				 values[i], offsets[i]);
			return 0;
		}
	return 1;
}

#define EXPECT_STORES(...)						\
	do {								\
		static const struct { unsigned o; uint32_t v; } w_[] = { __VA_ARGS__ }; \
		unsigned o_[8];						\
		uint32_t v_[8];						\
		unsigned i_;						\
		char why_[128];						\
		for (i_ = 0; i_ < sizeof(w_) / sizeof(w_[0]); i_++) {	\
			o_[i_] = w_[i_].o;				\
			v_[i_] = w_[i_].v;				\
		}							\
		EXPECT(stores_are(o_, v_, i_, why_, sizeof(why_)), "%s", why_); \
	} while (0)

#define OUT_SET(bank)	(RP1M_SYS_RIO + RP1M_BANK(bank) + RP1M_SET + RP1M_OUT)
#define OUT_CLR(bank)	(RP1M_SYS_RIO + RP1M_BANK(bank) + RP1M_CLR + RP1M_OUT)
#define SYNC_IN(bank)	(RP1M_SYS_RIO + RP1M_BANK(bank) + RP1M_SYNC_IN)

/*
 * The 32-pin banks of the API over the RP1's 28/6/20: bank 0 bits 0-27
 * are RP1 bank 0 bits 0-27, bits 28-31 RP1 bank 1 bits 0-3; bank 1 bits
 * 0-1 (GPIO32-33) RP1 bank 1 bits 4-5, bits 2-21 (GPIO34-53) RP1 bank 2
 * bits 0-19. One alias store per RP1 bank touched.
 */
static void test_banks(void)
{
	uint32_t out = 0x5a5a5a5a;
	unsigned pin;

	OPEN();
	EXPECT_INT(pgr_bank_set(chip, 0, 0x00020000), 0);	/* GPIO17 */
	SETTLE();
	EXPECT_STORES({ OUT_SET(0), 0x00020000 });
	EXPECT_INT(pgr_bank_set(chip, 0, 0xffffffff), 0);
	SETTLE();
	EXPECT_STORES({ OUT_SET(0), 0x0fffffff }, { OUT_SET(1), 0x0000000f });
	EXPECT_INT(pgr_bank_clear(chip, 1, 0x003fffff), 0);
	SETTLE();
	EXPECT_STORES({ OUT_CLR(1), 0x00000030 }, { OUT_CLR(2), 0x000fffff });
	EXPECT_INT(pgr_bank_set(chip, 1, 0x00200001), 0);	/* GPIO53, 32 */
	SETTLE();
	EXPECT_STORES({ OUT_SET(1), 0x00000010 }, { OUT_SET(2), 0x00080000 });
	/* write: the ones high, the zeros low, per RP1 bank */
	EXPECT_INT(pgr_bank_write(chip, 0, 0xf0000003, 0x50000001), 0);
	SETTLE();
	EXPECT_STORES({ OUT_SET(0), 0x00000001 }, { OUT_CLR(0), 0x00000002 },
		      { OUT_SET(1), 0x00000005 }, { OUT_CLR(1), 0x0000000a });
	/* pins that do not exist, banks that do not: nothing stored */
	EXPECT_INT(pgr_bank_set(chip, 1, 0x00400000), -EINVAL);	/* GPIO54 */
	EXPECT_INT(pgr_bank_clear(chip, 2, 1), -EINVAL);
	EXPECT_INT(pgr_bank_write(chip, 1, 0x80000000, 0), -EINVAL);
	EXPECT_INT(pgr_bank_read(chip, 2, &out), -EINVAL);
	EXPECT_HEX(out, 0x5a5a5a5a);
	SETTLE();
	EXPECT_NO_STORE();
	/* read: the synchronised inputs put together, absent pins clear */
	for (pin = 0; pin < 54; pin++)
		rp1m_poke(&model, rp1m_pad(pin), RP1M_PAD_IE);
	for (pin = 0; pin < 54; pin++)
		rp1m_outside(&model, pin, pin % 3 == 0);
	EXPECT_INT(pgr_bank_read(chip, 0, &out), 0);
	EXPECT_HEX(out, 0x49249249);	/* 0, 3, ... 30 */
	EXPECT_INT(pgr_bank_read(chip, 1, &out), 0);
	EXPECT_HEX(out, 0x00092492);	/* 33, 36, ... 51 as bits 1, 4, ... 19 */
	EXPECT_HEX(rp1m_get(&model, SYNC_IN(1)), 0x24);	/* 30, 33 */
}

/* --- the pin handle -------------------------------------------------------- */

/*
 * Every pin through a pgr_line: set and clear are the SET and CLR aliases
 * of its RP1 bank's OUT, level its SYNC_IN, mask its bit; high and low are
 * one store each, read follows the pin, toggle drives the opposite.
 */
static void test_line_every_pin(void)
{
	const volatile uint32_t *base;
	struct pgr_line line, copy;
	unsigned pin;

	OPEN();
	base = pgr_chip_mapping(chip);
	for (pin = 0; pin < 54; pin++) {
		EXPECT_INT(pgr_line_init(chip, pin, &line), 0);
		EXPECT(line.set == base + (rp1m_rio(pin, RP1M_OUT) + RP1M_SET) / 4,
		       "GPIO%u: set at word %td", pin, line.set - base);
		EXPECT(line.clear == base + (rp1m_rio(pin, RP1M_OUT) + RP1M_CLR) / 4,
		       "GPIO%u: clear at word %td", pin, line.clear - base);
		EXPECT(line.level == base + rp1m_rio(pin, RP1M_SYNC_IN) / 4,
		       "GPIO%u: level at word %td", pin, line.level - base);
		EXPECT_HEX(line.mask, rp1m_bit(pin));
		EXPECT_INT(line.reserved, 0);
		EXPECT_INT(pgr_pin_set_function(chip, pin, PGR_FUNC_OUTPUT), 0);
		SETTLE();
		pgr_line_high(&line);
		SETTLE();
		EXPECT_ONE_STORE(rp1m_rio(pin, RP1M_OUT) + RP1M_SET, rp1m_bit(pin));
		EXPECT(pgr_line_read(&line) == 1, "GPIO%u line reads 0", pin);
		pgr_line_write(&line, 0);
		SETTLE();
		EXPECT_ONE_STORE(rp1m_rio(pin, RP1M_OUT) + RP1M_CLR, rp1m_bit(pin));
		EXPECT(pgr_line_read(&line) == 0, "GPIO%u line reads 1", pin);
		pgr_line_toggle(&line);
		SETTLE();
		EXPECT_ONE_STORE(rp1m_rio(pin, RP1M_OUT) + RP1M_SET, rp1m_bit(pin));
		EXPECT(pgr_pin_read(chip, pin) == 1, "GPIO%u toggled low", pin);
	}
	memset(&copy, 0x5a, sizeof(copy));
	line = copy;
	EXPECT_INT(pgr_line_init(chip, 54, &line), -EINVAL);
	EXPECT_INT(pgr_line_init(chip, UINT_MAX, &line), -EINVAL);
	EXPECT(!memcmp(&line, &copy, sizeof(line)), "a refused init changed the line");
}

/* Bank lines: pins 0-27 only, whose bits are the 32-pin bank's. */
static void test_line_bank(void)
{
	struct pgr_line line;
	unsigned pin;

	OPEN();
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0x10000000, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0x8000000f, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 1, 0x00000001, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0, &line), -EINVAL);
	EXPECT_INT(pgr_line_init_bank(chip, 0, 0x0ff00000, &line), 0);
	pgr_line_write_bits(&line, 0x0f0fffff);
	SETTLE();
	EXPECT_STORES({ OUT_SET(0), 0x0f000000 }, { OUT_CLR(0), 0x00f00000 });
	for (pin = 20; pin < 28; pin++) {
		rp1m_poke(&model, rp1m_pad(pin), RP1M_PAD_IE);
		rp1m_outside(&model, pin, (0x0a500000 >> pin) & 1);
	}
	EXPECT_HEX(rp1m_get(&model, SYNC_IN(0)), 0x0a500000);
	EXPECT_HEX(pgr_line_read_bits(&line), 0x0a500000);
	pgr_line_toggle(&line);
	SETTLE();
	EXPECT_STORES({ OUT_SET(0), 0x05a00000 }, { OUT_CLR(0), 0x0a500000 });
}

/* --- refusals -------------------------------------------------------------- */

static void test_pins_beyond(void)
{
	static const unsigned bad[] = { 54, 55, 63, 64, UINT_MAX };
	enum pgr_function f = PGR_FUNC_ALT3;
	enum pgr_pull p = PGR_PULL_UP;
	enum pgr_drive d = PGR_DRIVE_4MA;
	size_t i;

	OPEN();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		EXPECT_INT(pgr_pin_set_function(chip, bad[i], PGR_FUNC_OUTPUT), -EINVAL);
		EXPECT_INT(pgr_pin_set_function(chip, bad[i], PGR_FUNC_ALT8), -EINVAL);
		EXPECT_INT(pgr_pin_get_function(chip, bad[i], &f), -EINVAL);
		EXPECT_INT(pgr_pin_write(chip, bad[i], 1), -EINVAL);
		EXPECT_INT(pgr_pin_read(chip, bad[i]), -EINVAL);
		EXPECT_INT(pgr_pin_toggle(chip, bad[i]), -EINVAL);
		EXPECT_INT(pgr_pin_set_pull(chip, bad[i], PGR_PULL_UP), -EINVAL);
		EXPECT_INT(pgr_pin_get_pull(chip, bad[i], &p), -EINVAL);
		EXPECT_INT(pgr_pin_get_events(chip, bad[i]), -EINVAL);
		EXPECT_INT(pgr_pin_set_event(chip, bad[i], PGR_EVENT_RISING, 1), -EINVAL);
		EXPECT_INT(pgr_pin_event_detected(chip, bad[i]), -EINVAL);
		EXPECT_INT(pgr_pin_clear_event(chip, bad[i]), -EINVAL);
		EXPECT_INT(pgr_pin_set_drive(chip, bad[i], PGR_DRIVE_8MA), -EINVAL);
		EXPECT_INT(pgr_pin_get_drive(chip, bad[i], &d), -EINVAL);
		EXPECT_INT(pgr_pin_set_slew(chip, bad[i], 1), -EINVAL);
		EXPECT_INT(pgr_pin_get_slew(chip, bad[i]), -EINVAL);
	}
	EXPECT_INT(f, PGR_FUNC_ALT3);
	EXPECT_INT(p, PGR_PULL_UP);
	EXPECT_INT(d, PGR_DRIVE_4MA);
	/* not a drive strength, not a slew */
	EXPECT_INT(pgr_pin_set_drive(chip, 17, (enum pgr_drive)4), -EINVAL);
	EXPECT_INT(pgr_pin_set_drive(chip, 17, (enum pgr_drive)-1), -EINVAL);
	EXPECT_INT(pgr_pin_set_drive(chip, 17, (enum pgr_drive)0x10), -EINVAL);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, 2), -EINVAL);
	EXPECT_INT(pgr_pin_set_slew(chip, 17, -1), -EINVAL);
	/* not a function, not a level */
	EXPECT_INT(pgr_pin_set_function(chip, 17, (enum pgr_function)8), -EINVAL);
	EXPECT_INT(pgr_pin_set_function(chip, 17, (enum pgr_function)0x1e), -EINVAL);
	EXPECT_INT(pgr_pin_write(chip, 17, 2), -EINVAL);
	SETTLE();
	EXPECT_NO_STORE();
}

/* Events belong to the kernel's interrupts on RP1: read, never changed. */
static void test_events(void)
{
	uint32_t out = 0;

	OPEN();
	rp1m_poke(&model, rp1m_ctrl(17), (1u << 21) | (1u << 24));	/* rising, filtered falling */
	rp1m_poke(&model, rp1m_ctrl(40), (1u << 23) | (1u << 26));	/* high, filtered low */
	EXPECT_INT(pgr_pin_get_events(chip, 17),
		   (1 << PGR_EVENT_RISING) | (1 << PGR_EVENT_FALLING));
	EXPECT_INT(pgr_pin_get_events(chip, 40),
		   (1 << PGR_EVENT_HIGH) | (1 << PGR_EVENT_LOW));
	EXPECT_INT(pgr_pin_get_events(chip, 16), 0);
	EXPECT_INT(pgr_pin_set_event(chip, 17, PGR_EVENT_RISING, 1), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_set_event(chip, 17, (enum pgr_event)6, 1), -EINVAL);
	EXPECT_INT(pgr_pin_set_event(chip, 17, PGR_EVENT_LOW, 2), -EINVAL);
	EXPECT_INT(pgr_pin_event_detected(chip, 17), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_clear_event(chip, 17), -EOPNOTSUPP);
	EXPECT_INT(pgr_bank_read_events(chip, 0, &out), -EOPNOTSUPP);
	EXPECT_INT(pgr_bank_clear_events(chip, 1, 1), -EOPNOTSUPP);
	EXPECT_INT(pgr_bank_read_events(chip, 2, &out), -EINVAL);
	SETTLE();
	EXPECT_NO_STORE();
}

/* Peek: the three blocks, never the gaps between them. */
static void test_peek(void)
{
	static const unsigned good[] = { 0x0, 0x4, 0xbffc, 0x10000, 0x1000c,
					 0x1bffc, 0x20000, 0x2bffc };
	static const unsigned bad[] = { 2, 0xc000, 0xfffc, 0x1c000, 0x2c000,
					0x30000, UINT_MAX };
	uint32_t v;
	size_t i;

	OPEN();
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		rp1m_put(&model, good[i], 0xc0de0000u | good[i]);
		v = 0;
		EXPECT(pgr_chip_peek(chip, good[i], &v) == 0 &&
		       v == (0xc0de0000u | good[i]), "peek 0x%05x: 0x%08x",
		       good[i], v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT(pgr_chip_peek(chip, bad[i], &v) == -EINVAL,
		       "peek 0x%05x accepted", bad[i]);
	rp1m_reset(&model, fx.map);
}

/* --- a BCM chip refuses what only the RP1 has ------------------------------ */

static void test_bcm_refuses_rp1_functions(void)
{
	static const char zero[4096];
	struct pgr_chip *c = NULL;
	char before[4096], after[4096];
	int fd;

	set_attr("soc", "bcm2837\n");
	set_attr("phys_base", "0x3f200000\n");
	set_attr("bus_base", "0x7e200000\n");
	set_attr("block_size", "180\n");
	set_attr("window_size", "4096\n");
	set_attr("ngpio", "54\n");
	fd = open(fx.dev, O_RDWR | O_TRUNC);
	EXPECT(fd >= 0 && write(fd, zero, sizeof(zero)) == 4096, "reset file");
	close(fd);
	EXPECT_INT(pgr_chip_open(&c, fx.dev, fx.sys), 0);
	memcpy(before, pgr_chip_mapping(c), sizeof(before));
	EXPECT_INT(pgr_pin_set_function(c, 17, PGR_FUNC_ALT6), -EINVAL);
	EXPECT_INT(pgr_pin_set_function(c, 17, PGR_FUNC_ALT7), -EINVAL);
	EXPECT_INT(pgr_pin_set_function(c, 17, PGR_FUNC_ALT8), -EINVAL);
	EXPECT_INT(pgr_pin_set_function(c, 17, PGR_FUNC_NONE), -EINVAL);
	/* drive strength and slew: per pin on the RP1 only */
	EXPECT_INT(pgr_pin_set_drive(c, 17, PGR_DRIVE_12MA), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_set_slew(c, 17, 1), -EOPNOTSUPP);
	EXPECT_INT(pgr_pin_get_slew(c, 17), -EOPNOTSUPP);
	memcpy(after, pgr_chip_mapping(c), sizeof(after));
	EXPECT(!memcmp(before, after, sizeof(before)), "the block changed");
	EXPECT(!pgr_pin_alt_name(c, 17, PGR_FUNC_ALT6), "BCM ALT6 has a name");
	EXPECT(!pgr_pin_alt_name(c, 17, PGR_FUNC_ALT8), "BCM ALT8 has a name");
	EXPECT_INT(pgr_chip_pull_readable(c), 0);
	pgr_chip_close(c);
	/* the RP1 layout is not the BCM's: a 4 KiB window named rp1 is refused */
	set_attr("soc", "rp1\n");
	set_attr("block_size", "49152\n");
	EXPECT_INT(pgr_chip_open(&c, fx.dev, fx.sys), -EPROTO);
	/* the file is 4 KiB now: the model's window is not touched again */
}

/* --- who owns which pin: the Pi 5's device tree ------------------------------ */

static void dt_write(const char *root, const char *path, const char *name,
		     const void *data, size_t len)
{
	char full[256];
	FILE *f;

	snprintf(full, sizeof(full), "%s%s/%s", root, path, name);
	f = fopen(full, "w");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(full);
}

static void dt_node(const char *root, const char *path)
{
	char full[256];

	snprintf(full, sizeof(full), "%s%s", root, path);
	if (mkdir(full, 0755) != 0)
		die(full);
}

static void test_owners_rp1(void)
{
	static const unsigned char phandle[] = { 0, 0, 0, 0x21 };
	static const char gpio[] = "/axi/pcie@1000120000/rp1/gpio@d0000";
	static const char group[] = "/axi/pcie@1000120000/rp1/gpio@d0000/rp1_uart0_14_15";
	static const char uart[] = "/axi/pcie@1000120000/rp1/serial@30000";
	struct pgr_owners owners;
	char root[128], cmd[200];

	snprintf(root, sizeof(root), "%s/dt", fx.dir);
	dt_node(root, "");
	dt_node(root, "/axi");
	dt_node(root, "/axi/pcie@1000120000");
	dt_node(root, "/axi/pcie@1000120000/rp1");
	dt_node(root, gpio);
	dt_write(root, gpio, "compatible", "raspberrypi,rp1-gpio",
		 sizeof("raspberrypi,rp1-gpio"));
	dt_node(root, group);
	dt_node(root, "/axi/pcie@1000120000/rp1/gpio@d0000/rp1_uart0_14_15/pin_txd");
	dt_write(root, "/axi/pcie@1000120000/rp1/gpio@d0000/rp1_uart0_14_15/pin_txd",
		 "pins", "gpio14", sizeof("gpio14"));
	dt_node(root, "/axi/pcie@1000120000/rp1/gpio@d0000/rp1_uart0_14_15/pin_rxd");
	dt_write(root, "/axi/pcie@1000120000/rp1/gpio@d0000/rp1_uart0_14_15/pin_rxd",
		 "pins", "gpio15", sizeof("gpio15"));
	dt_write(root, group, "phandle", phandle, sizeof(phandle));
	dt_node(root, uart);
	dt_write(root, uart, "pinctrl-0", phandle, sizeof(phandle));
	dt_write(root, uart, "status", "okay", sizeof("okay"));

	pgr_owners_init(&owners);
	EXPECT_INT(pgr_owners_from_devicetree(&owners, root), 0);
	EXPECT_STR(owners.owner[14], uart);
	EXPECT_STR(owners.owner[15], uart);
	EXPECT_STR(owners.owner[17], "");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	EXPECT(system(cmd) == 0, "%s", cmd);
}

int main(void)
{
	RUN_FIXTURE("rp1/model/aliases-inputs-refusals", test_model);
	RUN_FIXTURE("rp1/open/attributes", test_open);
	RUN_FIXTURE("rp1/open/gpiomem0-by-name", test_gpiomem0);
	bad_attr("4096", "window_size", "4096\n", -EPROTO);
	bad_attr("0x30000-hex", "window_size", "0x30000\n", -EPROTO);
	bad_attr("262144", "window_size", "262144\n", -EPROTO);
	bad_attr("58", "ngpio", "58\n", -EPROTO);
	bad_attr("smaller-than-bank-2", "block_size", "45056\n", -EPROTO);
	bad_attr("beyond-64k", "block_size", "65540\n", -EPROTO);
	bad_attr("not-multiple-of-4", "block_size", "49154\n", -EPROTO);
	bad_attr("bcm2712", "soc", "bcm2712\n", -EPROTO);
	bad_attr("bcm2837-with-rp1-window", "soc", "bcm2837\n", -EPROTO);
	RUN_FIXTURE("rp1/config/never-the-driver", test_never_the_driver);
	RUN_FIXTURE("rp1/function/every-pin-a0-a8", test_function_every_pin);
	RUN_FIXTURE("rp1/function/alt-names", test_alt_names);
	RUN_FIXTURE("rp1/function/every-pin-output-input-none", test_direction_every_pin);
	RUN_FIXTURE("rp1/level/every-pin-set-clr-aliases-only", test_levels_every_pin);
	RUN_FIXTURE("rp1/level/toggle", test_toggle);
	RUN_FIXTURE("rp1/pull/every-pin-readback", test_pulls_every_pin);
	RUN_FIXTURE("rp1/drive/every-pin-every-change-readback", test_drive_every_pin);
	RUN_FIXTURE("rp1/slew/every-pin-both-ways-readback", test_slew_every_pin);
	RUN_FIXTURE("rp1/pad/drive-slew-pull-function-together", test_pad_fields_together);
	RUN_FIXTURE("rp1/bank/32-pin-banks-over-rp1-banks", test_banks);
	RUN_FIXTURE("rp1/line/every-pin", test_line_every_pin);
	RUN_FIXTURE("rp1/line/bank", test_line_bank);
	RUN_FIXTURE("rp1/refuse/pins-54-and-up", test_pins_beyond);
	RUN_FIXTURE("rp1/events/read-only", test_events);
	RUN_FIXTURE("rp1/peek/blocks-not-gaps", test_peek);
	RUN_FIXTURE("rp1/bcm/refuses-alt6-alt8-none-drive-slew", test_bcm_refuses_rp1_functions);
	RUN_FIXTURE("rp1/owners/devicetree", test_owners_rp1);
	return check_exit();
}
