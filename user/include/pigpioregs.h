/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libpigpioregs: drive Raspberry Pi GPIO pins through the register window
 * that the pigpio_regs driver maps into this process.
 *
 * Every call returns 0 (or a value) on success and a negative errno value
 * on failure. The library never prints and never exits.
 *
 * After pgr_open() succeeds, pin calls make no system call and allocate
 * nothing: pgr_write() is a bounds check and one 32-bit store.
 *
 * Concurrency: pgr_set_function() is a read-modify-write of one GPFSEL
 * word. Nothing serialises it against other processes or the kernel
 * changing another pin of the same word (ten pins share one word). The
 * level, bank and read calls are single accesses and need no lock.
 */
#ifndef PIGPIOREGS_H
#define PIGPIOREGS_H

#include <stddef.h>
#include <stdint.h>

#include <linux/pigpio_regs.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the user-space library and tools. */
#define PGR_VERSION "0.1.0"

/* An open device: the descriptor, the mapped window and its attributes. */
struct pgr_chip;

/*
 * Open the device node (O_RDWR), read its sysfs attributes and map the
 * register window (MAP_SHARED, PROT_READ | PROT_WRITE, offset 0).
 *
 * device_path: NULL means PIGPIO_REGS_DEVICE.
 * attr_dir:    NULL means PIGPIO_REGS_SYSFS_DIR.
 *
 * Returns 0 and stores the handle in *chip, or a negative errno value and
 * stores NULL in *chip:
 *   -EINVAL  chip is NULL.
 *   -ENOENT, -ENODEV, -ENXIO  the node or an attribute does not exist
 *            (usually: the module is not loaded).
 *   -EACCES  the caller may not open the node read-write.
 *   -EPROTO  an attribute is unreadable as its documented format, or the
 *            attributes disagree with what this library knows: unknown
 *            soc, window_size != PIGPIO_REGS_WINDOW_SIZE, ngpio not the
 *            soc's pin count, block_size not a multiple of 4, smaller
 *            than the GPLEV1 register's end or larger than window_size.
 *   -ENOMEM  out of memory.
 *   any other errno from open(2), read(2) or mmap(2).
 */
int pgr_open(struct pgr_chip **chip, const char *device_path,
	     const char *attr_dir);

/* Unmap, close and free. NULL is allowed. */
void pgr_close(struct pgr_chip *chip);

/* Attributes, as read from sysfs at pgr_open() time. */
const char *pgr_soc_name(const struct pgr_chip *chip);	/* "bcm2837" */
unsigned pgr_pin_count(const struct pgr_chip *chip);		/* 54 or 58 */
unsigned long long pgr_phys_base(const struct pgr_chip *chip);
unsigned long long pgr_bus_base(const struct pgr_chip *chip);
size_t pgr_window_size(const struct pgr_chip *chip);
size_t pgr_block_size(const struct pgr_chip *chip);

/* The user virtual address of the window in this process (for teaching). */
const void *pgr_mapping(const struct pgr_chip *chip);

/* The open descriptor of the device node (owned by the chip). */
int pgr_fd(const struct pgr_chip *chip);

/* Values are the 3-bit GPFSEL codes of the datasheet. */
enum pgr_function {
	PGR_FUNC_INPUT = 0,	/* 000 */
	PGR_FUNC_OUTPUT = 1,	/* 001 */
	PGR_FUNC_ALT0 = 4,	/* 100 */
	PGR_FUNC_ALT1 = 5,	/* 101 */
	PGR_FUNC_ALT2 = 6,	/* 110 */
	PGR_FUNC_ALT3 = 7,	/* 111 */
	PGR_FUNC_ALT4 = 3,	/* 011 */
	PGR_FUNC_ALT5 = 2,	/* 010 */
};

/*
 * Select a pin's function: read-modify-write of one GPFSEL word.
 * -EINVAL: pin >= pgr_pin_count() or function not one of the above.
 */
int pgr_set_function(struct pgr_chip *chip, unsigned pin,
		     enum pgr_function function);

/* Read a pin's function into *out. -EINVAL: pin out of range. */
int pgr_get_function(const struct pgr_chip *chip, unsigned pin,
		     enum pgr_function *out);

/* "input", "output", "alt0".."alt5"; NULL for a value that is none. */
const char *pgr_function_name(enum pgr_function function);

/*
 * Drive a pin's output latch: one store to GPSETn (level 1) or GPCLRn
 * (level 0). The pin shows the level only while its function is output.
 * -EINVAL: pin out of range or level not 0 or 1; nothing is stored.
 */
int pgr_write(struct pgr_chip *chip, unsigned pin, int level);

/* The pin's level from GPLEVn: 0 or 1, or -EINVAL (pin out of range). */
int pgr_read(const struct pgr_chip *chip, unsigned pin);

/*
 * Banks of 32 pins: bank 0 is pins 0-31, bank 1 is pins 32 up to
 * pgr_pin_count() - 1. Bit n of a mask is pin 32 * bank + n.
 * pgr_bank_set()/pgr_bank_clear() are one store each to GPSETn/GPCLRn.
 * -EINVAL: bank does not exist, or mask has a bit for a pin that does not
 * exist (bank 1 has 22 pins on a 54-pin SoC, 26 on BCM2711); nothing is
 * stored. pgr_bank_read() returns GPLEVn with the bits of pins that do not
 * exist cleared.
 */
int pgr_bank_set(struct pgr_chip *chip, unsigned bank, uint32_t mask);
int pgr_bank_clear(struct pgr_chip *chip, unsigned bank, uint32_t mask);
int pgr_bank_read(const struct pgr_chip *chip, unsigned bank, uint32_t *out);

/*
 * Read the 32-bit register at byte offset of the block.
 * pgr_peek():         through the mapping, no system call.
 * pgr_peek_syscall(): pread(2) of 4 bytes through the driver.
 * -EINVAL: offset not a multiple of 4 or not below pgr_block_size().
 * pgr_peek_syscall() also returns pread(2)'s errno, or -EIO on a short read.
 */
int pgr_peek(const struct pgr_chip *chip, unsigned offset, uint32_t *out);
int pgr_peek_syscall(const struct pgr_chip *chip, unsigned offset,
		     uint32_t *out);

#ifdef __cplusplus
}
#endif

#endif /* PIGPIOREGS_H */
