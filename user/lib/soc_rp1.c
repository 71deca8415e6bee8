// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The RP1 (Raspberry Pi 5) backend: three blocks (IO_BANK, SYS_RIO, PADS)
 * at 64 KiB steps of one window, each holding three banks (GPIO 0-27,
 * 28-33, 34-53) with atomic XOR/SET/CLR aliases of every register (see
 * regs.h and docs/rp1.md). Every change is one or a few alias stores made
 * through the mapping, never a driver request; event detection belongs to
 * the kernel's interrupt handling (read only here). See soc.h.
 */
#include <errno.h>

#include "soc.h"

static const struct pgr_soc_entry socs[] = {
	/* Three blocks of block_size bytes, one per 64 KiB of the window. */
	{ { .name = "rp1", .ngpio = 54, .pull_model = PGR_PULL_RP1,
	    .block_min = PGR_RP1_BLOCK_MIN }, &pgr_rp1_ops },
};

/* The first pin of each RP1 bank, and one past the last pin of the last. */
static const unsigned rp1_first[PGR_RP1_BANKS + 1] = { 0, 28, 34, 54 };

/* Byte offset of register reg of RP1 bank in block, through alias. */
static unsigned rp1_reg(unsigned block, unsigned bank, unsigned alias,
			unsigned reg)
{
	return block + bank * PGR_RP1_BANK_STRIDE + alias + reg;
}

/* The pins of RP1 bank as bits of that bank's registers. */
static uint32_t rp1_bank_bits(unsigned bank)
{
	return (UINT32_C(1) << (rp1_first[bank + 1] - rp1_first[bank])) - 1;
}

/* The RP1 bank of a pin that exists, and its bit number there. */
static void locate(unsigned pin, unsigned *bank, unsigned *index)
{
	unsigned b;

	for (b = 0; pin >= rp1_first[b + 1]; b++)
		;
	*bank = b;
	*index = pin - rp1_first[b];
}

int pgr_rp1_locate(const struct pgr_soc *soc, unsigned pin, unsigned *bank,
		   unsigned *index)
{
	if (pgr_soc_ops(soc) != &pgr_rp1_ops || pin >= soc->ngpio)
		return -EINVAL;
	locate(pin, bank, index);
	return 0;
}

/*
 * The part of a 32-pin bank's mask (bank, mask) that falls in RP1 bank
 * rp1_bank, as bits of that RP1 bank's registers.
 */
static uint32_t rp1_split(unsigned bank, uint32_t mask, unsigned rp1_bank)
{
	uint64_t pins = (uint64_t)mask << (PGR_BANK_PINS * bank);

	return (uint32_t)(pins >> rp1_first[rp1_bank]) &
	       rp1_bank_bits(rp1_bank);
}

/* One store of the bits per RP1 bank that mask touches, to OUT + alias. */
static void rp1_bank_store(volatile uint32_t *base, unsigned bank,
			   unsigned alias, uint32_t mask)
{
	unsigned b;
	uint32_t bits;

	for (b = 0; b < PGR_RP1_BANKS; b++) {
		bits = rp1_split(bank, mask, b);
		if (bits)
			pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, b, alias,
						    PGR_RP1_RIO_OUT), bits);
	}
}

/* The synchronised inputs of a 32-pin bank's pins: a load per RP1 bank. */
static uint32_t rp1_bank_load(const volatile uint32_t *base, unsigned bank,
			      uint32_t pins)
{
	uint64_t levels = 0;
	unsigned b;

	for (b = 0; b < PGR_RP1_BANKS; b++)
		if (rp1_split(bank, pins, b))
			levels |= (uint64_t)(pgr_reg_read(base,
					rp1_reg(PGR_RP1_SYS_RIO, b, 0,
						PGR_RP1_RIO_SYNC_IN)) &
					     rp1_bank_bits(b)) << rp1_first[b];
	return (uint32_t)(levels >> (PGR_BANK_PINS * bank)) & pins;
}

static void rp1_level_regs(unsigned rp1_bank, struct pgr_level_regs *out)
{
	out->set = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, PGR_RP1_ALIAS_SET,
			   PGR_RP1_RIO_OUT);
	out->clear = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, PGR_RP1_ALIAS_CLR,
			     PGR_RP1_RIO_OUT);
	out->level = rp1_reg(PGR_RP1_SYS_RIO, rp1_bank, 0,
			     PGR_RP1_RIO_SYNC_IN);
}

/*
 * The kinds whose interrupt the pin's CTRL enables, raw or filtered, in
 * enum pgr_event's order (rising, falling, high, low; no async kinds).
 */
static int get_events(const volatile uint32_t *base,
		      const struct pgr_soc *soc, unsigned pin)
{
	static const uint32_t irqen[] = {
		PGR_RP1_CTRL_IRQEN_RISING, PGR_RP1_CTRL_IRQEN_FALLING,
		PGR_RP1_CTRL_IRQEN_HIGH, PGR_RP1_CTRL_IRQEN_LOW,
	};
	unsigned bank, index, kind;
	uint32_t ctrl;
	int mask = 0;

	(void)soc;
	locate(pin, &bank, &index);
	ctrl = pgr_reg_read(base, rp1_reg(PGR_RP1_IO_BANK, bank, 0,
					  PGR_RP1_CTRL(index)));
	for (kind = 0; kind < sizeof(irqen) / sizeof(irqen[0]); kind++)
		if (ctrl & (irqen[kind] |
			    irqen[kind] << PGR_RP1_CTRL_IRQEN_FILTERED))
			mask |= 1 << kind;
	return mask;
}

/* --- RP1: function select, pulls, drive strength and slew ----------------- */

int pgr_rp1_set_function(volatile uint32_t *base, const struct pgr_soc *soc,
			 unsigned pin, unsigned funcsel, int direction)
{
	unsigned bank, index, ctrl, pad;
	uint32_t old;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    (funcsel >= PGR_RP1_FUNCSELS && funcsel != PGR_RP1_FUNCSEL_NULL) ||
	    direction < -1 || direction > 1 ||
	    (direction >= 0 && funcsel != PGR_RP1_FUNCSEL_SYS_RIO))
		return -EINVAL;

	ctrl = rp1_reg(PGR_RP1_IO_BANK, bank, 0, PGR_RP1_CTRL(index));
	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	/* Direction first: an input stops driving before anything else. */
	if (direction >= 0)
		pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, bank,
					    direction ? PGR_RP1_ALIAS_SET :
					    PGR_RP1_ALIAS_CLR, PGR_RP1_RIO_OE),
			      UINT32_C(1) << index);
	if (funcsel == PGR_RP1_FUNCSEL_NULL) {
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, PGR_RP1_PAD_OD);
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, PGR_RP1_PAD_IE);
	} else {
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, PGR_RP1_PAD_IE);
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, PGR_RP1_PAD_OD);
		pgr_reg_write(base, ctrl + PGR_RP1_ALIAS_CLR,
			      PGR_RP1_CTRL_OUTOVER | PGR_RP1_CTRL_OEOVER);
	}
	old = pgr_reg_read(base, ctrl) & PGR_RP1_CTRL_FUNCSEL;
	if (old != funcsel)
		pgr_reg_write(base, ctrl + PGR_RP1_ALIAS_XOR, old ^ funcsel);
	/* A load cannot overtake the posted stores before it to RP1. */
	(void)pgr_reg_read(base, ctrl);
	return 0;
}

int pgr_rp1_get_function(const volatile uint32_t *base,
			 const struct pgr_soc *soc, unsigned pin,
			 unsigned *funcsel, int *output)
{
	unsigned bank, index;

	if (pgr_rp1_locate(soc, pin, &bank, &index))
		return -EINVAL;
	*funcsel = pgr_reg_read(base, rp1_reg(PGR_RP1_IO_BANK, bank, 0,
					      PGR_RP1_CTRL(index))) &
		   PGR_RP1_CTRL_FUNCSEL;
	*output = (pgr_reg_read(base, rp1_reg(PGR_RP1_SYS_RIO, bank, 0,
					      PGR_RP1_RIO_OE)) >> index) & 1;
	return 0;
}

int pgr_rp1_set_pull(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, uint32_t pull)
{
	const uint32_t both = PGR_RP1_PAD_PUE | PGR_RP1_PAD_PDE;
	unsigned bank, index, pad;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    (pull != 0 && pull != PGR_RP1_PAD_PUE && pull != PGR_RP1_PAD_PDE))
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	/* Clear first: never both pulls on, even for a moment. */
	pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, both & ~pull);
	if (pull)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, pull);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_set_drive(volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin, unsigned code)
{
	unsigned bank, index, pad;
	uint32_t want, clear;

	if (pgr_rp1_locate(soc, pin, &bank, &index) ||
	    code > PGR_RP1_PAD_DRIVE >> PGR_RP1_PAD_DRIVE_SHIFT)
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	want = (uint32_t)code << PGR_RP1_PAD_DRIVE_SHIFT;
	clear = PGR_RP1_PAD_DRIVE & ~want;
	/* Clear first: on the way the field is old & new, the weaker. */
	if (clear)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_CLR, clear);
	if (want)
		pgr_reg_write(base, pad + PGR_RP1_ALIAS_SET, want);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_set_slew(volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, int fast)
{
	unsigned bank, index, pad;

	if (pgr_rp1_locate(soc, pin, &bank, &index) || (fast != 0 && fast != 1))
		return -EINVAL;

	pad = rp1_reg(PGR_RP1_PADS, bank, 0, PGR_RP1_PAD(index));
	pgr_reg_write(base, pad + (fast ? PGR_RP1_ALIAS_SET : PGR_RP1_ALIAS_CLR),
		      PGR_RP1_PAD_SLEWFAST);
	(void)pgr_reg_read(base, pad);
	return 0;
}

int pgr_rp1_get_pad(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin, uint32_t *pad)
{
	unsigned bank, index;

	if (pgr_rp1_locate(soc, pin, &bank, &index))
		return -EINVAL;
	*pad = pgr_reg_read(base, rp1_reg(PGR_RP1_PADS, bank, 0,
					  PGR_RP1_PAD(index)));
	return 0;
}

/* --- Operations (soc.h) ------------------------------------------------- */

static int read_level(const volatile uint32_t *base, const struct pgr_soc *soc,
		      unsigned pin)
{
	unsigned bank, index;

	(void)soc;
	locate(pin, &bank, &index);
	return (pgr_reg_read(base, rp1_reg(PGR_RP1_SYS_RIO, bank, 0,
					   PGR_RP1_RIO_SYNC_IN)) >> index) & 1;
}

/* The SET/CLR aliases of OUT: one store, the other pins kept. */
static void write_level(volatile uint32_t *base, const struct pgr_soc *soc,
			unsigned pin, int level)
{
	unsigned bank, index;

	(void)soc;
	locate(pin, &bank, &index);
	pgr_reg_write(base, rp1_reg(PGR_RP1_SYS_RIO, bank,
				    level ? PGR_RP1_ALIAS_SET :
				    PGR_RP1_ALIAS_CLR, PGR_RP1_RIO_OUT),
		      UINT32_C(1) << index);
}

static void bank_store(volatile uint32_t *base, unsigned bank, uint32_t mask,
		       int set)
{
	rp1_bank_store(base, bank, set ? PGR_RP1_ALIAS_SET : PGR_RP1_ALIAS_CLR,
		       mask);
}

/* Only RP1 bank 0 (pins 0-27) has a bank line: one set of registers. */
static uint32_t line_pins(const struct pgr_soc *soc, unsigned bank)
{
	(void)soc;
	return bank == 0 ? rp1_bank_bits(0) : 0;
}

static void level_regs(unsigned bank, struct pgr_level_regs *out)
{
	(void)bank;		/* 0: line_pins() has none in bank 1 */
	rp1_level_regs(0, out);
}

static void pin_regs(unsigned pin, struct pgr_level_regs *out, uint32_t *bit)
{
	unsigned bank, index;

	locate(pin, &bank, &index);
	rp1_level_regs(bank, out);
	*bit = UINT32_C(1) << index;
}

/* FUNCSEL (and the RIO OE bit for SYS_RIO) as the public enum. */
static int get_function(const volatile uint32_t *base,
			const struct pgr_soc *soc, unsigned pin,
			enum pgr_function *out)
{
	static const enum pgr_function alt[PGR_RP1_FUNCSELS] = {
		PGR_FUNC_ALT0, PGR_FUNC_ALT1, PGR_FUNC_ALT2, PGR_FUNC_ALT3,
		PGR_FUNC_ALT4, PGR_FUNC_ALT5, PGR_FUNC_ALT6, PGR_FUNC_ALT7,
		PGR_FUNC_ALT8,
	};
	unsigned funcsel;
	int err, output;

	err = pgr_rp1_get_function(base, soc, pin, &funcsel, &output);
	if (err)
		return err;
	if (funcsel == PGR_RP1_FUNCSEL_SYS_RIO)
		*out = output ? PGR_FUNC_OUTPUT : PGR_FUNC_INPUT;
	else
		*out = funcsel < PGR_RP1_FUNCSELS ? alt[funcsel] : PGR_FUNC_NONE;
	return 0;
}

/* The public function as FUNCSEL and a direction (-1: keep). */
static int set_function(struct pgr_chip *chip, unsigned pin,
			enum pgr_function function)
{
	unsigned funcsel;
	int direction = -1, ret;

	switch (function) {
	case PGR_FUNC_INPUT:
	case PGR_FUNC_OUTPUT:
		funcsel = PGR_RP1_FUNCSEL_SYS_RIO;
		direction = function == PGR_FUNC_OUTPUT;
		break;
	case PGR_FUNC_ALT0:	funcsel = 0; break;
	case PGR_FUNC_ALT1:	funcsel = 1; break;
	case PGR_FUNC_ALT2:	funcsel = 2; break;
	case PGR_FUNC_ALT3:	funcsel = 3; break;
	case PGR_FUNC_ALT4:	funcsel = 4; break;
	case PGR_FUNC_ALT5:	funcsel = 5; break;
	case PGR_FUNC_ALT6:	funcsel = 6; break;
	case PGR_FUNC_ALT7:	funcsel = 7; break;
	case PGR_FUNC_ALT8:	funcsel = 8; break;
	case PGR_FUNC_NONE:	funcsel = PGR_RP1_FUNCSEL_NULL; break;
	default:
		return -EINVAL;
	}
	pgr_mapping_lock();
	ret = pgr_rp1_set_function(chip->base, chip->soc, pin, funcsel,
				   direction);
	pgr_mapping_unlock();
	return ret;
}

static int get_pull(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin, enum pgr_pull *out)
{
	uint32_t pad;
	int err = pgr_rp1_get_pad(base, soc, pin, &pad);

	if (err < 0)
		return err;
	pad &= PGR_RP1_PAD_PUE | PGR_RP1_PAD_PDE;
	*out = pad == 0 ? PGR_PULL_NONE :
	       pad == PGR_RP1_PAD_PUE ? PGR_PULL_UP :
	       pad == PGR_RP1_PAD_PDE ? PGR_PULL_DOWN : PGR_PULL_UNKNOWN;
	return 0;
}

static int set_pull(struct pgr_chip *chip, unsigned pin, enum pgr_pull pull)
{
	static const uint32_t bits[] = {
		[PGR_PULL_NONE] = 0,
		[PGR_PULL_DOWN] = PGR_RP1_PAD_PDE,	/* bit 2 */
		[PGR_PULL_UP] = PGR_RP1_PAD_PUE,	/* bit 3 */
	};
	int err;

	pgr_mapping_lock();
	err = pgr_rp1_set_pull(chip->base, chip->soc, pin, bits[pull]);
	pgr_mapping_unlock();
	return err;
}

/* enum pgr_drive is the DRIVE field's code. */
static int get_drive(const volatile uint32_t *base, const struct pgr_soc *soc,
		     unsigned pin, enum pgr_drive *out)
{
	uint32_t pad;
	int err = pgr_rp1_get_pad(base, soc, pin, &pad);

	if (err < 0)
		return err;
	*out = (enum pgr_drive)((pad & PGR_RP1_PAD_DRIVE) >>
				PGR_RP1_PAD_DRIVE_SHIFT);
	return 0;
}

static int set_drive(struct pgr_chip *chip, unsigned pin,
		     enum pgr_drive drive)
{
	int err;

	pgr_mapping_lock();
	err = pgr_rp1_set_drive(chip->base, chip->soc, pin, (unsigned)drive);
	pgr_mapping_unlock();
	return err;
}

static int get_slew(const volatile uint32_t *base, const struct pgr_soc *soc,
		    unsigned pin)
{
	uint32_t pad;
	int err = pgr_rp1_get_pad(base, soc, pin, &pad);

	return err < 0 ? err : (pad & PGR_RP1_PAD_SLEWFAST) != 0;
}

static int set_slew(struct pgr_chip *chip, unsigned pin, int fast)
{
	int err;

	pgr_mapping_lock();
	err = pgr_rp1_set_slew(chip->base, chip->soc, pin, fast);
	pgr_mapping_unlock();
	return err;
}

const struct pgr_soc_ops pgr_rp1_ops = {
	.socs = socs,
	.nsocs = sizeof(socs) / sizeof(socs[0]),
	.window = PGR_RP1_WINDOW,
	.block_stride = PGR_RP1_BLOCK_STRIDE,
	.dt_compatible = "raspberrypi,rp1-gpio",
	.gpiochip_label = "pinctrl-rp1",	/* its gpio_chip */
	/*
	 * Raspberry Pi's kernel names its RP1 node after the device tree's
	 * chardev-name of gpiomem@d0000 (bcm2712-rpi.dtsi): one window over
	 * IO_BANK0, SYS_RIO0 and PADS_BANK0 (reg 0x400d0000, 0x30000 bytes),
	 * each block as the RP1 GPIO node's reg gives it: 0xc000 bytes.
	 */
	.gpiomem_name = "gpiomem0",
	.gpiomem_bus_base = 0x400d0000ULL,
	.gpiomem_block_size = 0xc000,
	.driver_requests = 0,	/* the atomic aliases need no driver lock */
	.read = read_level,
	.write = write_level,
	.bank_store = bank_store,
	.bank_load = rp1_bank_load,
	.bank_events = NULL,	/* no GPEDS: the kernel's interrupts */
	.bank_clear_events = NULL,
	.line_pins = line_pins,
	.level_regs = level_regs,
	.pin_regs = pin_regs,
	.get_function = get_function,
	.set_function = set_function,
	.alt_name = pgr_alt_name_rp1,
	.get_pull = get_pull,
	.set_pull = set_pull,
	.get_events = get_events,
	.set_event = NULL,	/* the kernel's interrupt enables */
	.get_drive = get_drive,
	.set_drive = set_drive,
	.get_slew = get_slew,
	.set_slew = set_slew,
};
