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
};

/* GPPUD codes (BCM2835/6/7) and BCM2711 pull-register codes differ. */
#define PGR_GPPUD_OFF		0x0
#define PGR_GPPUD_DOWN		0x1
#define PGR_GPPUD_UP		0x2
#define PGR_2711_PULL_NONE	0x0
#define PGR_2711_PULL_UP	0x1
#define PGR_2711_PULL_DOWN	0x2

/*
 * Everything that differs between SoC families lives here, and the table
 * of known families is in regs.c.
 */
struct pgr_soc {
	const char *name;	/* as in the "soc" sysfs attribute */
	unsigned ngpio;
	enum pgr_pull_model pull_model;
	unsigned block_min;	/* bytes: the model's registers all fit */
};

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

/* Register accessors: the only places that dereference the block. */
static inline uint32_t pgr_reg_read(const volatile uint32_t *base,
				    unsigned offset)
{
	return base[offset / 4];
}

static inline void pgr_reg_write(volatile uint32_t *base, unsigned offset,
				 uint32_t value)
{
	base[offset / 4] = value;
}

/* All return 0 (or a level) or -EINVAL, and store nothing on -EINVAL. */
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

/* The enabled event kinds of pin as a mask of (1 << kind), or -EINVAL. */
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

/* The level registers of bank, or -EINVAL if the bank does not exist. */
int pgr_regs_level_regs(const struct pgr_soc *soc, unsigned bank,
			struct pgr_level_regs *out);

/* The mask of the pins that exist in bank, 0 if the bank does not exist. */
uint32_t pgr_regs_bank_pins(const struct pgr_soc *soc, unsigned bank);

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
/* GPEDSn (pins that do not exist cleared), and its write-1-to-clear. */
int pgr_regs_bank_events(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned bank,
			 uint32_t *out);
int pgr_regs_bank_clear_events(volatile uint32_t *base,
			       const struct pgr_soc *soc, unsigned bank,
			       uint32_t mask);

/*
 * The datasheet's name of ALT function alt (0-5) of pin on soc, NULL where
 * the datasheet has none (reserved) or pin does not exist. altfuncs.c.
 */
const char *pgr_regs_alt_name(const struct pgr_soc *soc, unsigned pin,
			      unsigned alt);

#endif /* PGR_REGS_H */
