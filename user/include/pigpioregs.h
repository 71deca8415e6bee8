/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libpigpioregs: drive Raspberry Pi GPIO pins through the register window
 * that the pigpio_regs driver maps into this process.
 *
 * Every call returns 0 (or a value) on success and a negative errno value
 * on failure. The library never prints and never exits.
 *
 * After pgr_chip_open() succeeds, level, bank and read calls make no system
 * call and allocate nothing: pgr_pin_write() is a bounds check and one 32-bit
 * store.
 *
 * Concurrency. Level changes are single stores to GPSETn/GPCLRn (atomic by
 * design) and need no lock. Configuration changes (function, BCM2711 pull,
 * event-detect enables) are read-modify-writes of words shared by 10 to 32
 * pins: the library asks the driver to make them under its lock
 * (PIGPIO_REGS_IOC_UPDATE), and BCM2835/6/7 pulls go through the driver's
 * whole GPPUD sequence (PIGPIO_REGS_IOC_PULL), one system call each.
 *
 * Threads. A chip may be shared by threads, and every call may be made
 * from any thread at any time between pgr_chip_open() and
 * pgr_chip_close(): level, bank, read and event status calls and
 * pgr_line handles are single loads and stores (a level store is atomic
 * by design; two threads driving the same pin leave whichever store came
 * last); on the driver path each configuration change is one ioctl,
 * serialised by the driver; on the mapping path (the fallback below, and
 * the RP1) each configuration change is made under one lock of the
 * library's, process-wide (all chips), which only those changes take.
 * The path is decided by pgr_chip_open() and never changes: the chip's own
 * state is written only by pgr_chip_open() and pgr_chip_close() (close it
 * after every thread is done with it and its lines).
 *
 * Fallback. When the descriptor is not the pigpio_regs driver (the ioctl
 * fails with ENOTTY at pgr_chip_open(): a simulated block in a regular
 * file, a gpiomem-style device, a driver without one of the ioctls), the
 * library makes the same changes itself through the mapping: a
 * read-modify-write, and the GPPUD sequence with short sleeps, under the
 * library's lock. That lock serialises the threads of this process only:
 * when another process changes pins of the same register at the same
 * time, one of the two changes can be lost; only the driver's ioctls
 * serialise processes. pgr_chip_config_path() says which path.
 * Nothing serialises either path against the kernel's own pinctrl driver:
 * leave the pins the kernel has claimed alone (see pgr_owners_*()).
 *
 * RP1 (Raspberry Pi 5). Every RP1 register has atomic aliases (a store
 * sets, clears or flips only the bits it carries), and every pin has its
 * own function and pad words: each change is one or a few alias stores
 * through the mapping, safe against changes to other pins from any
 * process, and no driver call is made (pgr_chip_config_path() says
 * PGR_CONFIG_MAPPING). Changes to the same pin are serialised by the
 * library's lock within the process; two processes changing the same
 * pin's function, pull or drive at the same instant can leave a value
 * neither asked for (a function is changed by one XOR store of the old
 * and the new FUNCSEL). Stores cross PCIe and are posted: a
 * configuration call reads the register back before it returns, so the
 * change has reached the RP1; level calls and lines do not (see
 * docs/rp1.md).
 *
 * Fork. A child inherits the descriptor and the mapping (MAP_SHARED: its
 * stores reach the same registers, and its lines stay valid); fork()
 * waits for a configuration change another thread is making through the
 * mapping. Each process that does not exec calls pgr_chip_close() for
 * itself when it is done; a child that execs loses both (the descriptor
 * is O_CLOEXEC).
 */
#ifndef PIGPIOREGS_H
#define PIGPIOREGS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The driver's UAPI header (include/uapi/linux/pigpio_regs.h), installed
 * as <pigpioregs/pigpio_regs.h>: /usr/include/linux belongs to the kernel's
 * headers package. In the tree, user/include/pigpioregs/ links to it.
 */
#include <pigpioregs/pigpio_regs.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the user-space library and tools this header belongs to. */
#define PGR_VERSION "1.0.0"

/*
 * The version of the library actually loaded, e.g. "1.0.0": compare with
 * PGR_VERSION to tell a program built against one header from the library
 * it runs with.
 */
const char *pgr_version(void);

/* An open device: the descriptor, the mapped window and its attributes. */
struct pgr_chip;

/*
 * Open the device node (O_RDWR, O_CLOEXEC), learn what it serves and map
 * the register window (MAP_SHARED, PROT_READ | PROT_WRITE, offset 0):
 * three system calls with the pigpio_regs driver (open,
 * PIGPIO_REGS_IOC_INFO, mmap). A node that is not the driver (ENOTTY: a
 * simulated block in a regular file) is described by the sysfs attributes
 * in attr_dir instead and, unless it is an RP1, asked once
 * (PIGPIO_REGS_IOC_UPDATE, and on BCM2835/6/7 PIGPIO_REGS_IOC_PULL, with
 * arguments the driver refuses) whether it takes locked changes: that
 * decides pgr_chip_config_path() for the chip's life.
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
 *
 * RP1: soc "rp1" with window_size 196608 (0x30000: IO_BANK at 0, SYS_RIO
 * at 0x10000, PADS at 0x20000) and block_size the size of each of the
 * three blocks (0xc000 in the device tree), 54 pins. Raspberry Pi's own
 * /dev/gpiomem0 (their kernel's raspberrypi-gpiomem driver) answers no
 * ioctl and has no attributes: a node that is not the driver, opened with
 * attr_dir NULL, whose name (or the name its symbolic link leads to) is
 * "gpiomem0" is taken to be that RP1 window, with phys_base 0 (it does
 * not say) and bus_base 0x400d0000 (the RP1's own address of IO_BANK0);
 * -EPROTO if it is a regular file shorter than the window. Name an
 * attr_dir to describe such a node otherwise.
 */
int pgr_chip_open(struct pgr_chip **chip, const char *device_path,
	     const char *attr_dir);

/* Unmap, close and free. NULL is allowed. */
void pgr_chip_close(struct pgr_chip *chip);

/* Attributes, as read from sysfs at pgr_chip_open() time. */
const char *pgr_chip_soc_name(const struct pgr_chip *chip);	/* "bcm2837" */
unsigned pgr_chip_pin_count(const struct pgr_chip *chip);		/* 54 or 58 */
unsigned long long pgr_chip_phys_base(const struct pgr_chip *chip);
unsigned long long pgr_chip_bus_base(const struct pgr_chip *chip);
size_t pgr_chip_window_size(const struct pgr_chip *chip);
size_t pgr_chip_block_size(const struct pgr_chip *chip);

/* The user virtual address of the window in this process (for teaching). */
const void *pgr_chip_mapping(const struct pgr_chip *chip);

/* The open descriptor of the device node (owned by the chip). */
int pgr_chip_fd(const struct pgr_chip *chip);

/*
 * How configuration changes are made: decided at pgr_chip_open(), the
 * same for the chip's life.
 */
enum pgr_config_path {
	PGR_CONFIG_DRIVER,	/* ioctls, under the driver's lock */
	PGR_CONFIG_MAPPING,	/* fallback: through the mapping, under the
				   library's lock (this process only) */
};
/* RP1: always PGR_CONFIG_MAPPING, lock-free alias stores (see above). */
enum pgr_config_path pgr_chip_config_path(const struct pgr_chip *chip);

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
	/* RP1 only (no GPFSEL code; BCM calls refuse them with -EINVAL): */
	PGR_FUNC_ALT6 = 0x16,	/* FUNCSEL 6 */
	PGR_FUNC_ALT7 = 0x17,	/* FUNCSEL 7 */
	PGR_FUNC_ALT8 = 0x18,	/* FUNCSEL 8 */
	PGR_FUNC_NONE = 0x1f,	/* FUNCSEL 0x1f (null): no function */
};

/*
 * Select a pin's function: the pin's 3 bits of one GPFSEL word, through
 * the driver's lock (or the fallback, see above).
 * -EINVAL: pin >= pgr_chip_pin_count() or function not one of the above; or
 * an errno of the ioctl.
 *
 * RP1: FUNCSEL of the pin's CTRL (PGR_FUNC_ALTn is FUNCSEL n, a0-a8;
 * PGR_FUNC_ALT5 is SYS_RIO, the pin as plain GPIO, its direction left as
 * it is). PGR_FUNC_INPUT and PGR_FUNC_OUTPUT select SYS_RIO and clear or
 * set the pin's RIO OE bit first. Any function also turns the pad's input
 * on and its output-disable off, and puts the CTRL output and
 * output-enable overrides back to "from the function"; PGR_FUNC_NONE
 * does the opposite to the pad.
 */
int pgr_pin_set_function(struct pgr_chip *chip, unsigned pin,
		     enum pgr_function function);

/*
 * Read a pin's function into *out. -EINVAL: pin out of range.
 * RP1: SYS_RIO (FUNCSEL 5) reads as PGR_FUNC_OUTPUT or PGR_FUNC_INPUT by
 * the RIO OE bit, never as PGR_FUNC_ALT5; FUNCSEL 0x1f and the codes the
 * datasheet does not define (9-30) read as PGR_FUNC_NONE.
 */
int pgr_pin_get_function(const struct pgr_chip *chip, unsigned pin,
		     enum pgr_function *out);

/*
 * "input", "output", "alt0".."alt8", "none"; NULL for a value that is not
 * one of the enum's.
 */
const char *pgr_function_name(enum pgr_function function);

/*
 * The datasheet's name of the pin's function when it is an ALT function
 * ("TXD0" for GPIO14 ALT0), NULL for input, output, a reserved ALT
 * function or a pin that does not exist.
 */
const char *pgr_pin_alt_name(const struct pgr_chip *chip, unsigned pin,
			 enum pgr_function function);

/*
 * Drive a pin's output latch: one store to GPSETn (level 1) or GPCLRn
 * (level 0). The pin shows the level only while its function is output.
 * -EINVAL: pin out of range or level not 0 or 1; nothing is stored.
 * RP1: one store to the SET or CLR alias of the RIO OUT of the pin's bank.
 */
int pgr_pin_write(struct pgr_chip *chip, unsigned pin, int level);

/*
 * The pin's level from GPLEVn: 0 or 1, or -EINVAL (pin out of range).
 * RP1: from the RIO SYNC_IN of the pin's bank (the synchronised input);
 * 0 while the pad's input is disabled (PGR_FUNC_NONE).
 */
int pgr_pin_read(const struct pgr_chip *chip, unsigned pin);

/* Drive the opposite of the pin's GPLEV level: one load, one store. */
int pgr_pin_toggle(struct pgr_chip *chip, unsigned pin);

/*
 * Banks of 32 pins: bank 0 is pins 0-31, bank 1 is pins 32 up to
 * pgr_chip_pin_count() - 1. Bit n of a mask is pin 32 * bank + n.
 * pgr_bank_set()/pgr_bank_clear() are one store each to GPSETn/GPCLRn.
 * -EINVAL: bank does not exist, or mask has a bit for a pin that does not
 * exist (bank 1 has 22 pins on a 54-pin SoC, 26 on BCM2711); nothing is
 * stored. pgr_bank_read() returns GPLEVn with the bits of pins that do not
 * exist cleared.
 *
 * RP1: the same 32-pin banks and masks (bank 1 has 22 pins), although the
 * RP1's own banks are pins 0-27, 28-33 and 34-53: a call makes one store
 * (or load) for each RP1 bank its mask touches, to the SET/CLR aliases of
 * that bank's RIO OUT (its RIO SYNC_IN). Pins 0-27, the 40-pin header,
 * are always one store; a mask across RP1 banks is not changed at one
 * instant.
 */
int pgr_bank_set(struct pgr_chip *chip, unsigned bank, uint32_t mask);
int pgr_bank_clear(struct pgr_chip *chip, unsigned bank, uint32_t mask);
int pgr_bank_read(const struct pgr_chip *chip, unsigned bank, uint32_t *out);
/*
 * Set the pins of mask whose bit in values is 1 and clear those whose bit
 * is 0: one store to GPSETn (mask & values), then one to GPCLRn
 * (mask & ~values). The same -EINVAL rules as pgr_bank_set().
 */
int pgr_bank_write(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		   uint32_t values);

/*
 * A line: one pin, or a set of pins of one bank, checked once by
 * pgr_line_init() / pgr_line_init_bank() and then driven by the inline
 * calls below with no function call and no check: one store to write, one
 * load to read, as fast as a store through the mapping by hand.
 *
 * Only this structure's layout is part of the ABI (struct pgr_chip stays
 * opaque). It holds where to store to drive the line's pins high or low and
 * where to load their levels, not register offsets: a SoC whose set and
 * clear are other registers (the RP1's atomic SET/CLR aliases of one
 * output register) fills it differently and the inline calls stay the same.
 * A line is valid while its chip is open; it may be copied and shared
 * between threads (level stores are atomic by design).
 *
 * RP1: set and clear point at the SET and CLR aliases of the RIO OUT of
 * the pin's RP1 bank, level at its RIO SYNC_IN, and mask holds the pins'
 * bits in those registers. For pins 0-27 (RP1 bank 0) these are the bits
 * of the 32-pin bank; for pins 28-53 they are not, so there
 * pgr_line_read_bits() and pgr_line_write_bits() use the RP1 bank's bit
 * of each pin (pin - 28 or pin - 34), and pgr_line_init_bank() takes only
 * pins 0-27.
 */
struct pgr_line {
	volatile uint32_t *set;		/* store mask here: pins high */
	volatile uint32_t *clear;	/* store mask here: pins low */
	const volatile uint32_t *level;	/* load: the pins' levels */
	uint32_t mask;			/* the line's pins in those registers */
	uint32_t reserved;		/* 0 */
};

/*
 * Fill *line for one pin. -EINVAL: chip or line NULL, pin out of range;
 * *line is then left as it was.
 */
int pgr_line_init(struct pgr_chip *chip, unsigned pin, struct pgr_line *line);

/*
 * Fill *line for the pins of mask in bank (see pgr_bank_set()). -EINVAL:
 * bank does not exist, mask is 0 or has a bit for a pin that does not exist;
 * on RP1 also a pin outside 0-27 (see above).
 */
int pgr_line_init_bank(struct pgr_chip *chip, unsigned bank, uint32_t mask,
		       struct pgr_line *line);

/* Drive every pin of the line high, or low: one store. */
static inline void pgr_line_high(const struct pgr_line *line)
{
	*line->set = line->mask;
}

static inline void pgr_line_low(const struct pgr_line *line)
{
	*line->clear = line->mask;
}

/* Drive every pin of the line to level (0 low, anything else high). */
static inline void pgr_line_write(const struct pgr_line *line, int level)
{
	*(level ? line->set : line->clear) = line->mask;
}

/* For a bank line: pins whose bit in values is 1 high, the others low. */
static inline void pgr_line_write_bits(const struct pgr_line *line,
				       uint32_t values)
{
	*line->set = line->mask & values;
	*line->clear = line->mask & ~values;
}

/* 1 if any pin of the line reads high, else 0: one load. */
static inline int pgr_line_read(const struct pgr_line *line)
{
	return (*line->level & line->mask) != 0;
}

/* The levels of the line's pins, in their bank positions: one load. */
static inline uint32_t pgr_line_read_bits(const struct pgr_line *line)
{
	return *line->level & line->mask;
}

/* Drive each pin of the line to the opposite of its level. */
static inline void pgr_line_toggle(const struct pgr_line *line)
{
	uint32_t high = *line->level & line->mask;

	if (high)
		*line->clear = high;
	if (high != line->mask)
		*line->set = line->mask & ~high;
}

/* Pull resistors. */
enum pgr_pull {
	PGR_PULL_NONE,
	PGR_PULL_DOWN,
	PGR_PULL_UP,
	PGR_PULL_UNKNOWN,	/* only ever read back, never set */
};

/*
 * Set a pin's pull. BCM2835/6/7: the GPPUD/GPPUDCLK sequence
 * (PIGPIO_REGS_IOC_PULL: GPPUD 01 = down, 10 = up); BCM2711: the pin's two
 * bits of PUP_PDN_CNTRL0-3 (01 = up, 10 = down) through
 * PIGPIO_REGS_IOC_UPDATE. -EINVAL: pin out of range or pull not NONE,
 * DOWN or UP; or an errno of the ioctl.
 * RP1: the pin's PADS word, pull-up enable bit 3, pull-down enable bit 2:
 * a store to its CLR alias, then (up, down) one to its SET alias.
 */
int pgr_pin_set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull);

/*
 * Read a pin's pull into *out: the register's value on BCM2711 (its
 * reserved code 11 reads as PGR_PULL_UNKNOWN); always PGR_PULL_UNKNOWN on
 * BCM2835/6/7, whose pull state cannot be read. -EINVAL: pin out of range.
 * RP1: the pad's pull bits; both set reads as PGR_PULL_UNKNOWN.
 */
int pgr_pin_get_pull(const struct pgr_chip *chip, unsigned pin,
		 enum pgr_pull *out);

/* Can this SoC report pulls (BCM2711 and RP1)? 1 or 0. */
int pgr_chip_pull_readable(const struct pgr_chip *chip);

/* "none", "down", "up", "unknown"; NULL for a value that is none. */
const char *pgr_pull_name(enum pgr_pull pull);

/*
 * Drive strength and slew rate: the RP1's per-pin pad settings. The
 * values are the code of the pad's DRIVE field (bits 5:4).
 */
enum pgr_drive {
	PGR_DRIVE_2MA = 0,
	PGR_DRIVE_4MA = 1,
	PGR_DRIVE_8MA = 2,
	PGR_DRIVE_12MA = 3,
};

/*
 * Set a pin's drive strength: the current its output is specified to
 * source or sink while holding a valid level (not a current limit).
 * RP1: the pin's PADS word, DRIVE bits 5:4: a store to its CLR alias of
 * the field's bits that drive lacks, then one to its SET alias of those
 * it has (a store that would carry no bit is left out), then the pad is
 * read back. No other pin's pad and no other bit of this one (slew,
 * schmitt, pulls, input enable, output disable) is written; between the
 * two stores the field holds the bits the old and the new value have in
 * common, never a stronger drive than either. Threads of one process are
 * serialised (see "Threads"); two processes setting the same pin's drive
 * at the same instant may leave neither's value.
 * Returns 0, or:
 *   -EINVAL      pin >= pgr_chip_pin_count(), or drive not one of the
 *                enum's values; nothing is stored.
 *   -EOPNOTSUPP  the chip is not an RP1 (after the -EINVAL checks):
 *                BCM2835/6/7 and BCM2711 set drive strength (and slew
 *                and hysteresis) for a group of pins at once (GPIO 0-27,
 *                28-45, 46-53) in the PADS registers of their power
 *                management block (bus address 0x7e10002c-0x7e100034),
 *                which lies outside the GPIO window this device maps.
 */
int pgr_pin_set_drive(struct pgr_chip *chip, unsigned pin,
		      enum pgr_drive drive);

/*
 * Read a pin's drive strength into *out: the pad's DRIVE field (one
 * load). Returns 0, or -EINVAL (pin out of range; *out is left as it
 * was), or -EOPNOTSUPP (not an RP1, see pgr_pin_set_drive()).
 */
int pgr_pin_get_drive(const struct pgr_chip *chip, unsigned pin,
		      enum pgr_drive *out);

/*
 * Set a pin's slew rate: fast 1 turns the pad's SLEWFAST bit (bit 0) on
 * (one store to its SET alias), fast 0 off (to its CLR alias: slew rate
 * limited); then the pad is read back. No other bit is written.
 * Returns 0, or:
 *   -EINVAL      pin out of range, or fast not 0 or 1; nothing is stored.
 *   -EOPNOTSUPP  not an RP1 (after the -EINVAL checks; see
 *                pgr_pin_set_drive()).
 */
int pgr_pin_set_slew(struct pgr_chip *chip, unsigned pin, int fast);

/*
 * A pin's slew rate from the pad's bit 0 (one load): 1 fast (SLEWFAST
 * set), 0 slow (rate limited), -EINVAL (pin out of range) or -EOPNOTSUPP
 * (not an RP1).
 */
int pgr_pin_get_slew(const struct pgr_chip *chip, unsigned pin);

/* "2mA", "4mA", "8mA", "12mA"; NULL for a value that is none of them. */
const char *pgr_drive_name(enum pgr_drive drive);

/* Event detection: the six detectors, in register order. */
enum pgr_event {
	PGR_EVENT_RISING,		/* GPRENn  0x4c */
	PGR_EVENT_FALLING,		/* GPFENn  0x58 */
	PGR_EVENT_HIGH,			/* GPHENn  0x64 */
	PGR_EVENT_LOW,			/* GPLENn  0x70 */
	PGR_EVENT_ASYNC_RISING,		/* GPARENn 0x7c */
	PGR_EVENT_ASYNC_FALLING,	/* GPAFENn 0x88 */
};
#define PGR_EVENT_KINDS 6

/*
 * Turn one detector of a pin off (enable 0), through the driver's lock.
 * Turning one on (enable 1) is -EPERM here, whatever the pin: on real
 * hardware an event on a pin whose interrupt no kernel driver has
 * requested stays in GPEDS, which the kernel's bank handler never clears
 * (pinctrl-bcm2835 clears only the events of pins it enabled), so the
 * bank's interrupt stays asserted and fires again and again; on a pin the
 * kernel does watch, its consumer gets events it did not ask for and the
 * kernel clears the status this library would read. docs/security.md has
 * the details; watch edges through the GPIO character device instead.
 * -EINVAL: pin, event or enable out of range.
 */
int pgr_pin_set_event(struct pgr_chip *chip, unsigned pin, enum pgr_event event,
		  int enable);

/*
 * pgr_pin_set_event() that also turns a detector on: for a caller that
 * knows the hazard above and has ruled it out (a board with no GPIO
 * interrupt in use, a test), as the CLI's detect --force does.
 */
int pgr_pin_force_event(struct pgr_chip *chip, unsigned pin,
			enum pgr_event event, int enable);

/*
 * The pin's enabled detectors as a mask of (1 << event), or -EINVAL.
 *
 * RP1 has no GPREN..GPAFEN and no GPEDS: its edge and level detectors are
 * interrupt enables in each pin's CTRL, owned by the kernel's pinctrl-rp1.
 * pgr_pin_get_events() reports those (raw or filtered: rising, falling,
 * high, low); pgr_pin_set_event(), pgr_pin_force_event(),
 * pgr_pin_event_detected(),
 * pgr_pin_clear_event() and the bank forms return -EOPNOTSUPP there (after
 * the -EINVAL checks).
 */
int pgr_pin_get_events(const struct pgr_chip *chip, unsigned pin);

/* "rising", "falling", "high", "low", "async-rising", "async-falling". */
const char *pgr_event_name(enum pgr_event event);

/* GPEDSn: 1 if an enabled detector has fired for pin, or -EINVAL. */
int pgr_pin_event_detected(const struct pgr_chip *chip, unsigned pin);

/* Clear the pin's GPEDS bit: one write-1-to-clear store. */
int pgr_pin_clear_event(struct pgr_chip *chip, unsigned pin);

/* Bank forms: GPEDSn (absent pins cleared), and one clearing store. */
int pgr_bank_read_events(const struct pgr_chip *chip, unsigned bank,
		    uint32_t *out);
int pgr_bank_clear_events(struct pgr_chip *chip, unsigned bank,
			  uint32_t mask);

/*
 * Read the 32-bit register at byte offset of the block.
 * pgr_chip_peek():         through the mapping, no system call.
 * pgr_chip_peek_syscall(): pread(2) of 4 bytes through the driver.
 * -EINVAL: offset not a multiple of 4 or not below pgr_chip_block_size().
 * pgr_chip_peek_syscall() also returns pread(2)'s errno, or -EIO on a short read.
 * RP1: offset is into the window, and must be inside one of its three
 * blocks (offset % 0x10000 below pgr_chip_block_size()).
 */
int pgr_chip_peek(const struct pgr_chip *chip, unsigned offset, uint32_t *out);
int pgr_chip_peek_syscall(const struct pgr_chip *chip, unsigned offset,
		     uint32_t *out);

/*
 * Pins the kernel has claimed. Caller-provided storage, no allocation.
 * owner[pin] is "" for a pin nobody claims, else who claims it.
 */
#define PGR_MAX_PINS	64
#define PGR_OWNER_MAX	80

struct pgr_owners {
	char owner[PGR_MAX_PINS][PGR_OWNER_MAX];
};

/* Empty every entry. */
void pgr_owners_init(struct pgr_owners *owners);

/*
 * Add the claims of the live device tree (dt_root, NULL for
 * /proc/device-tree, readable by any user): every enabled node (status
 * absent, "okay" or "ok", and its parents enabled) whose pinctrl-N
 * properties point at pin groups of the GPIO controller node
 * (brcm,bcm2835-gpio, brcm,bcm2711-gpio or, on the Pi 5,
 * raspberrypi,rp1-gpio): "brcm,pins" cells, or "pins" strings "gpioN".
 * The owner is the node's path, e.g.
 * "/soc/serial@7e215040"; the controller's own pinctrl-N (hogs) reads
 * "<path> (pinctrl hog)". Pins already owned keep their first owner.
 * Returns 0; -ENOENT if dt_root does not exist; -ENODEV if it has no
 * enabled GPIO controller node (a disabled one drives nothing, as the
 * driver also holds); an errno of opendir(3)/read(2).
 */
int pgr_owners_from_devicetree(struct pgr_owners *owners,
			       const char *dt_root);

/*
 * Add the lines gpiolib reports in use (GPIO_V2_LINE_FLAG_USED) on the
 * GPIO character device whose label is "pinctrl-bcm2835",
 * "pinctrl-bcm2711" or "pinctrl-rp1" among dev_dir/gpiochip0..15 (NULL:
 * /dev): owner "gpiolib: CONSUMER". Returns the number of lines added,
 * -ENODEV if no such chip could be opened (-EACCES if one could not be
 * opened for lack of permission), or an ioctl's errno.
 */
int pgr_owners_from_gpiochip(struct pgr_owners *owners, const char *dev_dir);

/*
 * The system timer: the BCM SoCs' free-running 1 MHz counter, read-only,
 * through /dev/pigpio_timer (what pigpio's gpioTick() and libbcm2835's
 * bcm2835_st_read() map from /dev/mem). After pgr_timer_open() a read is
 * three or more loads through the mapping: no system call.
 *
 * Only this structure's layout is part of the ABI. The caller owns it;
 * pgr_timer_open() fills it in. It may be shared between threads and
 * survives fork() (the mapping is shared, the count is the SoC's).
 */
struct pgr_timer {
	const volatile uint32_t *regs;	/* the mapped page: CS, CLO, CHI... */
	int fd;				/* the node, or -1 when closed */
	uint32_t reserved;		/* 0 */
};

/*
 * Open device_path (NULL: PIGPIO_REGS_TIMER_DEVICE) read-only and map its
 * page. Returns 0, or a negative errno value with timer->fd -1 and
 * timer->regs NULL:
 *   -EINVAL  timer is NULL.
 *   -ENODEV  no such timer here: the node is absent and the driver serves
 *            an RP1 (Raspberry Pi 5), whose GPIO chip has no system
 *            timer; use clock_gettime(CLOCK_MONOTONIC), which the vDSO
 *            answers without a system call on a Pi 5.
 *   -ENOENT  no node (the module is not loaded, or is older than the
 *            node).
 *   -EACCES  the caller may not open it (not in group gpio).
 *   -EPROTO  a regular file shorter than the timer's registers.
 *   any other errno from open(2) or mmap(2).
 * A regular file at least PIGPIO_REGS_TIMER_BLOCK_SIZE bytes long may
 * stand in for the node (a simulated timer, for tests).
 */
int pgr_timer_open(struct pgr_timer *timer, const char *device_path);

/* Unmap and close; the structure may be opened again. NULL is allowed. */
void pgr_timer_close(struct pgr_timer *timer);

/*
 * Microseconds since the SoC was reset, 64 bits: CHI, then CLO, then CHI
 * again, until CHI did not change in between, so the result is never torn
 * across CLO's wrap (every 2^32 us, 71.6 minutes).
 */
static inline uint64_t pgr_timer_read(const struct pgr_timer *timer)
{
	const volatile uint32_t *regs = timer->regs;
	uint32_t hi, lo;

	do {
		hi = regs[PIGPIO_REGS_TIMER_CHI / 4];
		lo = regs[PIGPIO_REGS_TIMER_CLO / 4];
	} while (regs[PIGPIO_REGS_TIMER_CHI / 4] != hi);
	return (uint64_t)hi << 32 | lo;
}

/* The low 32 bits alone, one load (pigpio's gpioTick()): wraps. */
static inline uint32_t pgr_timer_read32(const struct pgr_timer *timer)
{
	return timer->regs[PIGPIO_REGS_TIMER_CLO / 4];
}

/*
 * Busy-wait until the count has advanced by at least us microseconds
 * (bcm2835_delayMicroseconds() without its sleep): burns a CPU, for the
 * short delays a sleep cannot make; the wait may be longer if the thread
 * is preempted. Returns the count at the end.
 */
uint64_t pgr_timer_delay_us(const struct pgr_timer *timer, uint64_t us);

#ifdef __cplusplus
}
#endif

#endif /* PIGPIOREGS_H */
