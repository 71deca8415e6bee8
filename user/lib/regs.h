/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The register model: pure functions over a GPIO register block.
 *
 * Each function takes the block's base address and a SoC description and
 * touches nothing else: no globals, no system calls, no allocation. The
 * base may be the device's mapping or, in tests, an ordinary array.
 */
#ifndef PGR_REGS_H
#define PGR_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Byte offsets in the block (BCM2835/BCM2711 ARM Peripherals, "GPIO"). */
#define PGR_REG_GPFSEL0		0x00	/* ..GPFSEL5 at 0x14, 10 pins a word */
#define PGR_REG_GPSET0		0x1c	/* GPSET1 at 0x20 */
#define PGR_REG_GPCLR0		0x28	/* GPCLR1 at 0x2c */
#define PGR_REG_GPLEV0		0x34	/* GPLEV1 at 0x38 */
#define PGR_REG_GPEDS0		0x40	/* GPEDS1 at 0x44, write 1 to clear */
#define PGR_REG_GPREN0		0x4c	/* the six event enables, each a pair */
#define PGR_REG_GPFEN0		0x58
#define PGR_REG_GPHEN0		0x64
#define PGR_REG_GPLEN0		0x70
#define PGR_REG_GPAREN0		0x7c
#define PGR_REG_GPAFEN0		0x88	/* GPAFEN1 at 0x8c */
#define PGR_REG_GPPUD		0x94	/* BCM2835/6/7 only */
#define PGR_REG_GPPUDCLK0	0x98	/* GPPUDCLK1 at 0x9c */
#define PGR_REG_PUP_PDN0	0xe4	/* BCM2711 only, ..3 at 0xf0 */

/* Every register the model may touch ends before these offsets. */
#define PGR_REG_END_GPPUD	(PGR_REG_GPPUDCLK0 + 8)
#define PGR_REG_END_BCM2711	(PGR_REG_PUP_PDN0 + 16)

#define PGR_FSEL_PINS_PER_WORD	10
#define PGR_FSEL_BITS		3
#define PGR_FSEL_MASK		0x7u
#define PGR_BANK_PINS		32
#define PGR_PULL_PINS_PER_WORD	16	/* BCM2711: 2 bits a pin */

/* How a SoC family sets pulls. */
enum pgr_pull_model {
	PGR_PULL_GPPUD,		/* GPPUD + GPPUDCLKn sequence, write-only */
	PGR_PULL_BCM2711,	/* 2 bits a pin at 0xe4-0xf0, readable */
	PGR_PULL_RP1,		/* PUE/PDE bits of each pin's PADS word */
};

/* The one page of the BCM block (PIGPIO_REGS_WINDOW_SIZE). */
#define PGR_BCM_WINDOW		4096

/*
 * RP1 (Raspberry Pi 5), from raspberrypi/linux rp1.dtsi and
 * pinctrl-rp1.c, raspberrypi/utils pinctrl/gpiochip_rp1.c and the RP1
 * peripherals datasheet as quoted there (see docs/rp1.md): three blocks,
 * each 0xc000 bytes in the device tree, at 64 KiB steps of one window, as
 * Raspberry Pi's /dev/gpiomem0 maps them. Each block holds three banks
 * (GPIO 0-27, 28-33, 34-53) 0x4000 apart, and every register has atomic
 * aliases: a store to +0x1000 XORs, +0x2000 sets, +0x3000 clears the bits
 * it carries in the register, and leaves the others alone.
 */
#define PGR_RP1_IO_BANK		0x00000	/* STATUS, CTRL of each pin */
#define PGR_RP1_SYS_RIO		0x10000	/* OUT, OE, IN of each bank */
#define PGR_RP1_PADS		0x20000	/* one pad word per pin */
#define PGR_RP1_BLOCK_STRIDE	0x10000
#define PGR_RP1_WINDOW		0x30000
#define PGR_RP1_BANK_STRIDE	0x4000
#define PGR_RP1_BANKS		3
#define PGR_RP1_ALIAS_XOR	0x1000
#define PGR_RP1_ALIAS_SET	0x2000
#define PGR_RP1_ALIAS_CLR	0x3000

/* IO_BANK: pin n of a bank (n counted from the bank's first pin). */
#define PGR_RP1_STATUS(n)	(8 * (n))
#define PGR_RP1_CTRL(n)		(8 * (n) + 4)
#define PGR_RP1_CTRL_FUNCSEL	0x1fu		/* bits 4:0 */
#define PGR_RP1_CTRL_OUTOVER	(3u << 12)	/* 0: from the function */
#define PGR_RP1_CTRL_OEOVER	(3u << 14)	/* 0: from the function */
#define PGR_RP1_CTRL_IRQEN_FALLING	(1u << 20)
#define PGR_RP1_CTRL_IRQEN_RISING	(1u << 21)
#define PGR_RP1_CTRL_IRQEN_LOW		(1u << 22)
#define PGR_RP1_CTRL_IRQEN_HIGH		(1u << 23)
#define PGR_RP1_CTRL_IRQEN_FILTERED	4	/* bits 24-27: the same, filtered */
#define PGR_RP1_FUNCSEL_SYS_RIO	5	/* a5: the pin is plain GPIO (SYS_RIO) */
#define PGR_RP1_FUNCSEL_NULL	0x1f	/* no function */
#define PGR_RP1_FUNCSELS	9	/* a0-a8 */

/* SYS_RIO: one word per bank, bit n for pin n of the bank. */
#define PGR_RP1_RIO_OUT		0x0
#define PGR_RP1_RIO_OE		0x4
#define PGR_RP1_RIO_NOSYNC_IN	0x8	/* the input, unsynchronised */
#define PGR_RP1_RIO_SYNC_IN	0xc	/* through a 2-stage synchroniser */

/* PADS: pin n of a bank at 0x4 + 4n (0x0 is the bank's voltage select). */
#define PGR_RP1_PAD(n)		(4 + 4 * (n))
#define PGR_RP1_PAD_SLEWFAST	0x01u
#define PGR_RP1_PAD_SCHMITT	0x02u
#define PGR_RP1_PAD_PDE		0x04u	/* pull-down enable */
#define PGR_RP1_PAD_PUE		0x08u	/* pull-up enable */
#define PGR_RP1_PAD_DRIVE	0x30u	/* 2, 4, 8, 12 mA */
#define PGR_RP1_PAD_DRIVE_SHIFT	4	/* the field's code 0-3 */
#define PGR_RP1_PAD_IE		0x40u	/* input enable */
#define PGR_RP1_PAD_OD		0x80u	/* output disable */

/* Every register the RP1 model touches ends before this block offset. */
#define PGR_RP1_BLOCK_MIN	(2 * PGR_RP1_BANK_STRIDE + PGR_RP1_ALIAS_CLR + \
				 PGR_RP1_CTRL(19) + 4)

/* GPPUD codes (BCM2835/6/7) and BCM2711 pull-register codes differ. */
#define PGR_GPPUD_OFF		0x0
#define PGR_GPPUD_DOWN		0x1
#define PGR_GPPUD_UP		0x2
#define PGR_2711_PULL_NONE	0x0
#define PGR_2711_PULL_UP	0x1
#define PGR_2711_PULL_DOWN	0x2

/*
 * The description of one SoC; what its family does with it is its
 * backend's (soc.h), and the rows of the table are in the backends.
 */
struct pgr_soc {
	const char *name;	/* as in the "soc" sysfs attribute */
	unsigned ngpio;
	enum pgr_pull_model pull_model;
	unsigned block_min;	/* bytes: the model's registers all fit */
};

/* What a SoC family's backend provides: struct pgr_soc_ops, in soc.h. */
struct pgr_soc_ops;

/*
 * One row of the SoC table: the family's description (struct pgr_soc
 * keeps the fields it had: libabigail sees it through the opaque chip's
 * pointer, and user/abi's baseline records it) and its backend. Each
 * backend file (soc_*.c) holds the rows of its family; pgr_soc_lookup()
 * returns &row->soc, and pgr_soc_ops() finds the row again.
 */
struct pgr_soc_entry {
	struct pgr_soc soc;		/* first: see pgr_soc_ops() */
	const struct pgr_soc_ops *ops;
};

/* The backend of soc, which pgr_soc_lookup() returned. */
static inline const struct pgr_soc_ops *pgr_soc_ops(const struct pgr_soc *soc)
{
	/* soc is the first member of its row (C11 6.7.2.1p15). */
	return ((const struct pgr_soc_entry *)(const void *)soc)->ops;
}

/*
 * A change of some bits of one configuration register: what the driver's
 * PIGPIO_REGS_IOC_UPDATE takes, and what pgr_regs_apply() does without it.
 */
struct pgr_change {
	unsigned offset;
	uint32_t mask;
	uint32_t value;		/* only bits inside mask */
};

/* The family named name, or NULL if unknown. */
const struct pgr_soc *pgr_soc_lookup(const char *name);

/* The window_size the attributes must give: the page, or the RP1's. */
unsigned pgr_soc_window(const struct pgr_soc *soc);

/* The largest block_size that fits: the page, or each RP1 block's 64 KiB. */
unsigned pgr_soc_block_max(const struct pgr_soc *soc);

/*
 * Register accessors: the only places that dereference the block.
 *
 * A test build of the library (tests/unit/run.sh, for test_threads.c) may
 * define PGR_TEST_REGISTER_MODEL: each access is then a call to the test's
 * model of the chip, which does to the block what the chip would do at
 * once (an RP1 alias store changes its register; BCM GPSETn sets GPLEVn
 * bits; GPPUDCLKn latches GPPUD), so threads can be checked against it.
 * The library itself never defines it; the lines of pigpioregs.h store
 * through their own pointers either way.
 */
#ifdef PGR_TEST_REGISTER_MODEL
uint32_t pgr_test_reg_read(const volatile uint32_t *base, unsigned offset);
void pgr_test_reg_write(volatile uint32_t *base, unsigned offset,
			uint32_t value);
#endif

static inline uint32_t pgr_reg_read(const volatile uint32_t *base,
				    unsigned offset)
{
#ifdef PGR_TEST_REGISTER_MODEL
	return pgr_test_reg_read(base, offset);
#else
	return base[offset / 4];
#endif
}

static inline void pgr_reg_write(volatile uint32_t *base, unsigned offset,
				 uint32_t value)
{
#ifdef PGR_TEST_REGISTER_MODEL
	pgr_test_reg_write(base, offset, value);
#else
	base[offset / 4] = value;
#endif
}

/*
 * All return 0 (or a level) or -EINVAL, and store nothing on -EINVAL.
 * Function select here is the BCM GPFSEL code (-EINVAL on RP1, see
 * pgr_rp1_set_function()); levels work on both families: on RP1 a write
 * is one store to the SET or CLR alias of the pin's bank's RIO OUT, a
 * read one load of its RIO SYNC_IN.
 */
int pgr_regs_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			  unsigned pin, unsigned code);
int pgr_regs_get_function(const volatile uint32_t *base,
			  const struct pgr_soc *soc, unsigned pin,
			  unsigned *code);
int pgr_regs_write(volatile uint32_t *base, const struct pgr_soc *soc,
		   unsigned pin, int level);
int pgr_regs_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		  unsigned pin);

/*
 * The change that gives pin the function code (GPFSEL), the BCM2711 pull
 * code (PUP_PDN_CNTRL), or turns event detector kind (0-5: GPREN, GPFEN,
 * GPHEN, GPLEN, GPAREN, GPAFEN) on or off. Pure computations: -EINVAL for
 * a pin, code or kind that does not exist, or a pull on a GPPUD SoC.
 */
int pgr_regs_fsel_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out);
int pgr_regs_pull_change(const struct pgr_soc *soc, unsigned pin,
			 unsigned code, struct pgr_change *out);
int pgr_regs_event_change(const struct pgr_soc *soc, unsigned pin,
			  unsigned kind, int enable, struct pgr_change *out);

/*
 * Apply a change by read-modify-write: NOT atomic against other writers of
 * the same word. Returns the old value.
 */
uint32_t pgr_regs_apply(volatile uint32_t *base, const struct pgr_change *c);

/* BCM2711: the pin's 2-bit pull code (0-3), or -EINVAL. */
int pgr_regs_get_pull(const volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin);

/*
 * The enabled event kinds of pin as a mask of (1 << kind), or -EINVAL.
 * RP1 has no GPREN..GPAFEN: there the mask is read from the interrupt
 * enables of the pin's CTRL (raw or filtered): rising, falling, high, low.
 */
int pgr_regs_get_events(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin);

/* Drive pin to the opposite of its GPLEV level: one load, one store. */
int pgr_regs_toggle(volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin);

/*
 * The GPPUD sequence's stores, for the caller to separate by the settle
 * time: start (GPPUD = code), clock (GPPUDCLKn = mask), end (GPPUD = 0,
 * GPPUDCLKn = 0). Arguments are checked by pgr_regs_gppud_check().
 */
int pgr_regs_gppud_check(const struct pgr_soc *soc, unsigned bank,
			 uint32_t mask, unsigned code);
void pgr_regs_gppud_start(volatile uint32_t *base, unsigned code);
void pgr_regs_gppud_clock(volatile uint32_t *base, unsigned bank,
			  uint32_t mask);
void pgr_regs_gppud_end(volatile uint32_t *base, unsigned bank);

/* Where the levels of a bank's pins are driven and read: byte offsets. */
struct pgr_level_regs {
	unsigned set;		/* store 1 bits: pins high */
	unsigned clear;		/* store 1 bits: pins low */
	unsigned level;		/* load: pin levels */
};

/*
 * Banks are 32 pins on every family: bank 0 is pins 0-31, bank 1 pins 32
 * up to the last; bit n of a mask is pin 32 * bank + n. On RP1, whose own
 * banks are pins 0-27, 28-33 and 34-53, a bank call makes one store (or
 * load) per RP1 bank its mask touches: pins 0-27 are always one.
 */

/*
 * The level registers of bank, or -EINVAL if the bank does not exist.
 * On RP1: those of RP1 bank 0 for bank 0, whose pins 0-27 have the same
 * bits there (see pgr_regs_line_pins()); -EINVAL for bank 1.
 */
int pgr_regs_level_regs(const struct pgr_soc *soc, unsigned bank,
			struct pgr_level_regs *out);

/* The mask of the pins that exist in bank, 0 if the bank does not exist. */
uint32_t pgr_regs_bank_pins(const struct pgr_soc *soc, unsigned bank);

/*
 * The pins of bank that one set of level registers drives with the same
 * bits: a bank line may hold only these. All of the bank on BCM; on RP1
 * pins 0-27 of bank 0 (RP1 bank 0) and none of bank 1.
 */
uint32_t pgr_regs_line_pins(const struct pgr_soc *soc, unsigned bank);

/* The level registers of one pin and its bit in them, or -EINVAL. */
int pgr_regs_pin_regs(const struct pgr_soc *soc, unsigned pin,
		      struct pgr_level_regs *out, uint32_t *bit);

int pgr_regs_bank_set(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned bank, uint32_t mask);
int pgr_regs_bank_clear(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask);
int pgr_regs_bank_read(const volatile uint32_t *base,
		       const struct pgr_soc *soc, unsigned bank,
		       uint32_t *out);
/* GPSETn = mask & values, then GPCLRn = mask & ~values: two stores. */
int pgr_regs_bank_write(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned bank, uint32_t mask, uint32_t values);
/*
 * GPEDSn (pins that do not exist cleared), and its write-1-to-clear.
 * -EOPNOTSUPP on RP1, which has no GPEDS (its events belong to the
 * kernel's interrupt handling).
 */
int pgr_regs_bank_events(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned bank,
			 uint32_t *out);
int pgr_regs_bank_clear_events(volatile uint32_t *base,
			       const struct pgr_soc *soc, unsigned bank,
			       uint32_t mask);

/*
 * The datasheet's name of ALT function alt (0-5; 0-8 on RP1) of pin on
 * soc, NULL where the datasheet has none (reserved) or pin does not exist.
 * altfuncs.c.
 */
const char *pgr_regs_alt_name(const struct pgr_soc *soc, unsigned pin,
			      unsigned alt);

/* --- RP1 only: -EINVAL for another family ------------------------------ */

/* The RP1 bank of pin and the pin's bit number in it, or -EINVAL. */
int pgr_rp1_locate(const struct pgr_soc *soc, unsigned pin, unsigned *bank,
		   unsigned *index);

/*
 * Select funcsel (0-8, or PGR_RP1_FUNCSEL_NULL) for pin; with direction 0
 * or 1 (only for PGR_RP1_FUNCSEL_SYS_RIO) also clear or set the pin's RIO
 * OE bit, -1 leaves OE alone. Only alias stores, in this order: RIO OE;
 * the pad's input enable and output disable (on for a function, off for
 * NULL: as raspberrypi/utils pinctrl does); for a function the CTRL
 * output and output-enable overrides back to "from the function" (as the
 * kernel's pinctrl-rp1 does); then FUNCSEL through the XOR alias (one
 * store of old ^ new, none if equal: no intermediate function, and the
 * CTRL bits the kernel owns are never written). Then CTRL is read back, so
 * that the posted writes have reached RP1 when this returns.
 */
int pgr_rp1_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			 unsigned pin, unsigned funcsel, int direction);

/* FUNCSEL of pin into *funcsel and its RIO OE bit (0/1) into *output. */
int pgr_rp1_get_function(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned pin,
			 unsigned *funcsel, int *output);

/*
 * Pull of pin: pull is 0, PGR_RP1_PAD_PDE or PGR_RP1_PAD_PUE. One store
 * to the pad's CLR alias (the pull bit not wanted, or both), then one to
 * its SET alias (the one wanted), then the pad is read back.
 */
int pgr_rp1_set_pull(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, uint32_t pull);

/*
 * Drive strength of pin: code is the pad's DRIVE field, 0-3 (2, 4, 8, 12
 * mA). One store to the pad's CLR alias of the field's bits code lacks
 * (none if it has both), then one to its SET alias of code's bits (none
 * for 0), then the pad is read back. Clearing first, the field passes
 * only through old & new: never a stronger drive than either. No other
 * pad bit is written.
 */
int pgr_rp1_set_drive(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin, unsigned code);

/*
 * Slew rate of pin: fast 1 sets the pad's SLEWFAST bit (one store to its
 * SET alias), 0 clears it (to its CLR alias); then the pad is read back.
 */
int pgr_rp1_set_slew(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, int fast);

/*
 * The pad word of pin (pull bits PGR_RP1_PAD_PUE/PDE, DRIVE, SLEWFAST),
 * or -EINVAL.
 */
int pgr_rp1_get_pad(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin, uint32_t *pad);

#endif /* PGR_REGS_H */
