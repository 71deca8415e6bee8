/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The table of operations every SoC family's backend provides, as
 * raspberrypi/utils pinctrl's GPIO_CHIP_T and the kernel's pinctrl_ops do.
 *
 * One backend file per register-compatible family:
 *   soc_bcm2835.c  BCM2835/6/7: GPFSEL, GPSET/GPCLR/GPLEV, GPREN..GPAFEN,
 *                  GPEDS, the GPPUD sequence (write-only pulls)
 *   soc_bcm2711.c  BCM2711 (Pi 4): the BCM2835's registers, 58 pins, and
 *                  readable pulls in PUP_PDN_CNTRL (its own pull encoding)
 *   soc_rp1.c      RP1 (Pi 5): IO_BANK/SYS_RIO/PADS and their atomic aliases
 *
 * The backend is chosen once, at pgr_chip_open(), by the device's "soc"
 * attribute (pgr_soc_lookup()); the chip keeps only its struct pgr_soc,
 * from which pgr_soc_ops() finds the table. The shared code (regs.c,
 * gpio.c, config.c, chip.c) checks pins, banks, masks and enum values
 * before it calls an operation, takes the driver's locked path or the
 * process's mapping lock for configuration changes (config.c), and knows
 * no SoC. An operation is called only with a pin below soc->ngpio, a bank
 * with pins, a mask inside it and a level of 0 or 1.
 *
 * A new SoC family: a soc_<family>.c with its rows of struct pgr_soc_entry
 * and a struct pgr_soc_ops whose mandatory members are all set, added to
 * families[] in regs.c, to LIB_SRCS in user/Makefile, and a simulated
 * block with its tests in tests/unit. A new SoC of a known family: a row.
 */
#ifndef PGR_SOC_H
#define PGR_SOC_H

#include "internal.h"

/* Which driver requests a family's configuration changes need. */
#define PGR_DRIVER_UPDATE	0x1u	/* PIGPIO_REGS_IOC_UPDATE */
#define PGR_DRIVER_PULL		0x2u	/* PIGPIO_REGS_IOC_PULL */

struct pgr_soc_ops {
	/* The family's rows of the SoC table. */
	const struct pgr_soc_entry *socs;
	unsigned nsocs;

	/*
	 * The window: window bytes, holding blocks of block_size bytes at
	 * every block_stride bytes from 0 (block_stride == window: one
	 * block). The gaps between blocks are no registers.
	 */
	unsigned window;
	unsigned block_stride;

	/*
	 * How the family's controller is known elsewhere: its device-tree
	 * compatible (owners.c) and the label of the kernel's gpio_chip
	 * (owners.c: the GPIO character device).
	 */
	const char *dt_compatible;
	const char *gpiochip_label;

	/*
	 * Optional: Raspberry Pi's own gpiomem node over the family's window,
	 * which has no ioctl and no attributes (chip.c): its name in /dev,
	 * the window's bus address and each block's size; NULL if none.
	 */
	const char *gpiomem_name;
	unsigned long long gpiomem_bus_base;
	unsigned gpiomem_block_size;

	/*
	 * The driver requests configuration changes take (PGR_DRIVER_*); 0:
	 * every change is made through the mapping and the driver is never
	 * asked (the RP1's atomic aliases need no lock).
	 */
	unsigned driver_requests;

	/* --- Levels: plain loads and stores, never a lock ---------------- */
	int (*read)(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin);
	void (*write)(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin, int level);

	/*
	 * Banks of 32 pins (pgr_regs_bank_pins()); pins is the bank's mask
	 * of existing pins, mask inside it.
	 */
	void (*bank_store)(volatile uint32_t *base, unsigned bank,
			   uint32_t mask, int set);
	uint32_t (*bank_load)(const volatile uint32_t *base, unsigned bank,
			      uint32_t pins);
	/* Optional: NULL, and the calls say -EOPNOTSUPP. */
	uint32_t (*bank_events)(const volatile uint32_t *base, unsigned bank,
				uint32_t pins);
	void (*bank_clear_events)(volatile uint32_t *base, unsigned bank,
				  uint32_t mask);

	/* Line registers (struct pgr_line): see regs.h. */
	uint32_t (*line_pins)(const struct pgr_soc *soc, unsigned bank);
	void (*level_regs)(unsigned bank, struct pgr_level_regs *out);
	void (*pin_regs)(unsigned pin, struct pgr_level_regs *out,
			 uint32_t *bit);

	/* --- Function select ------------------------------------------ */
	int (*get_function)(const volatile uint32_t *base,
			    const struct pgr_soc *soc, unsigned pin,
			    enum pgr_function *out);
	/* -EINVAL for a function the family does not have. */
	int (*set_function)(struct pgr_chip *chip, unsigned pin,
			    enum pgr_function function);
	/* The datasheet's name of ALT alt of pin, NULL if none. */
	const char *(*alt_name)(unsigned pin, unsigned alt);

	/* --- Pulls: pull is NONE, DOWN or UP ---------------------------- */
	/* Optional: NULL when pulls cannot be read back (PGR_PULL_UNKNOWN). */
	int (*get_pull)(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin,
			enum pgr_pull *out);
	int (*set_pull)(struct pgr_chip *chip, unsigned pin,
			enum pgr_pull pull);

	/* --- Event detectors: kind is enum pgr_event --------------------- */
	/* The enabled kinds as a mask of (1 << kind). */
	int (*get_events)(const volatile uint32_t *base,
			  const struct pgr_soc *soc, unsigned pin);
	/* Optional: NULL, -EOPNOTSUPP. */
	int (*set_event)(struct pgr_chip *chip, unsigned pin,
			 enum pgr_event event, int enable);

	/* --- Pads: drive strength and slew; optional, -EOPNOTSUPP -------- */
	int (*get_drive)(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned pin,
			 enum pgr_drive *out);
	int (*set_drive)(struct pgr_chip *chip, unsigned pin,
			 enum pgr_drive drive);
	int (*get_slew)(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin);
	int (*set_slew)(struct pgr_chip *chip, unsigned pin, int fast);
};

/* Backend i of the table in regs.c, or NULL past the last. */
const struct pgr_soc_ops *pgr_soc_family(unsigned i);

/* The backends (soc_*.c). */
extern const struct pgr_soc_ops pgr_bcm2835_ops;
extern const struct pgr_soc_ops pgr_bcm2711_ops;
extern const struct pgr_soc_ops pgr_rp1_ops;

/*
 * The shared BCM2835 operations that soc_bcm2711.c reuses: everything but
 * the pulls and the ALT names.
 */
int pgr_bcm2835_read(const volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin);
void pgr_bcm2835_write(volatile uint32_t *base, const struct pgr_soc *soc,
		       unsigned pin, int level);
void pgr_bcm2835_bank_store(volatile uint32_t *base, unsigned bank,
			    uint32_t mask, int set);
uint32_t pgr_bcm2835_bank_load(const volatile uint32_t *base, unsigned bank,
			       uint32_t pins);
uint32_t pgr_bcm2835_bank_events(const volatile uint32_t *base, unsigned bank,
				 uint32_t pins);
void pgr_bcm2835_bank_clear_events(volatile uint32_t *base, unsigned bank,
				   uint32_t mask);
void pgr_bcm2835_level_regs(unsigned bank, struct pgr_level_regs *out);
void pgr_bcm2835_pin_regs(unsigned pin, struct pgr_level_regs *out,
			  uint32_t *bit);
int pgr_bcm2835_get_function(const volatile uint32_t *base,
			     const struct pgr_soc *soc, unsigned pin,
			     enum pgr_function *out);
int pgr_bcm2835_set_function(struct pgr_chip *chip, unsigned pin,
			     enum pgr_function function);
int pgr_bcm2835_get_events(const volatile uint32_t *base,
			   const struct pgr_soc *soc, unsigned pin);
int pgr_bcm2835_set_event(struct pgr_chip *chip, unsigned pin,
			  enum pgr_event event, int enable);
/* Is soc of the BCM2835 register layout (BCM2835/6/7 or BCM2711)? */
bool pgr_bcm2835_layout(const struct pgr_soc *soc);

/* The ALT function names (altfuncs.c): NULL past a table's rows. */
const char *pgr_alt_name_bcm2835(unsigned pin, unsigned alt);
const char *pgr_alt_name_bcm2711(unsigned pin, unsigned alt);
const char *pgr_alt_name_rp1(unsigned pin, unsigned alt);

/*
 * What config.c offers a backend's configuration operations:
 * pgr_config_apply() makes one (offset, mask, value) change through the
 * driver (under its lock) or, without it, by read-modify-write through
 * the mapping under the mapping lock; pgr_config_gppud() the GPPUD
 * sequence the same way; a backend that stores through atomic aliases
 * itself does so between pgr_mapping_lock() and pgr_mapping_unlock().
 */
int pgr_config_apply(struct pgr_chip *chip, const struct pgr_change *change);
int pgr_config_gppud(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		     unsigned code);
void pgr_mapping_lock(void);
void pgr_mapping_unlock(void);

#endif /* PGR_SOC_H */
