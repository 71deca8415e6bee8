// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: find the GPIO register block and decide whether it is safe
 * to hand out.
 *
 * The device tree describes the GPIO controller with a VideoCore bus address
 * (0x7e200000) in its "reg"; the "ranges" of the SoC bus translate it to the
 * CPU physical address: 0x20200000 on BCM2835, 0x3f200000 on BCM2836/7 and
 * 0xfe200000 on BCM2711. A module parameter may stand in for a device tree
 * without the GPIO node, but only with the GPIO block address the SoC table
 * gives for the machine's own SoC: it is a way to find the block, never a
 * way to point the device at anything else. Either way, the address must
 * start a page and must not be System RAM.
 *
 * The Raspberry Pi 5's GPIO is on the RP1, behind PCIe: its node
 * ("raspberrypi,rp1-gpio", the same binding in Raspberry Pi's rp1.dtsi and
 * mainline's rp1-common.dtsi) has three reg entries, IO_BANK0, SYS_RIO0 and
 * PADS_BANK0, 0xc000 bytes each, whose RP1 addresses the parents' "ranges"
 * (the RP1's bus, then the PCIe BAR) translate to CPU addresses. Each block
 * passes the same two checks, and a third: it must be where the RP1's own
 * PCI function puts it, inside that function's peripheral BAR.
 *
 * Nothing the device tree says is trusted to widen the window: an overlay
 * (Raspberry Pi kernels enable CONFIG_OF_CONFIGFS, and root may add one
 * even under lockdown) could move a node's "reg" or its parents' "ranges"
 * onto any other device or onto memory the kernel does not own (mem=,
 * no-map), which "not System RAM" alone would let through. So a BCM block
 * must be the address the SoC table gives the machine's SoC, and an RP1
 * block the address its PCI function's BAR gives it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/pci.h>
#include <linux/pigpio_regs.h>
#include <linux/sizes.h>

#include "pigpio_regs.h"

/**
 * struct pigpio_regs_soc - one row of the SoC table
 * @machine:    compatible string of the device tree's root node, or NULL
 *              (the RP1 is found by its GPIO node alone)
 * @name:       SoC family name reported to user space
 * @ngpio:      number of GPIO lines
 * @block_size: bytes of GPIO registers, for when the device tree is bypassed
 *              (RP1: the size of each of its three blocks)
 * @has_gppud:  pulls use GPPUD/GPPUDCLK; BCM2711 has pull registers instead
 * @phys:       the CPU physical addresses the SoC's datasheet gives its GPIO
 *              block (BCM2711: low-peripheral mode, then the high mode's
 *              35-bit address); 0 ends the list. The only values phys_base=
 *              accepts (none for the RP1, whose address is a PCIe BAR's).
 * @window_size: bytes of the mmap window
 * @nblocks:    register blocks, one "reg" entry each
 * @offset:     each block's offset in the window
 * @bus:        RP1: each block's address on the RP1's own bus, the low 32
 *              bits of its "reg" (rp1.dtsi); the only values accepted
 * @timer:      the CPU physical addresses of the SoC's 1 MHz system timer
 *              (bus 0x7e003000), as @phys; 0 ends the list; none: no
 *              /dev/pigpio_timer (kernel/timer.c)
 */
struct pigpio_regs_soc {
	const char *machine;
	const char *name;
	u32 ngpio;
	u32 block_size;
	bool has_gppud;
	u64 phys[2];
	u32 window_size;
	unsigned int nblocks;
	u32 offset[PIGPIO_REGS_MAX_BLOCKS];
	u32 bus[PIGPIO_REGS_MAX_BLOCKS];
	u64 timer[2];
};

#define PIGPIO_REGS_BCM(_machine, _name, _ngpio, _block_size, _gppud, \
			_timer, ...)					\
	{ .machine = _machine, .name = _name, .ngpio = _ngpio,		\
	  .block_size = _block_size, .has_gppud = _gppud,		\
	  .phys = { __VA_ARGS__ }, .window_size = PIGPIO_REGS_WINDOW_SIZE, \
	  .nblocks = 1, .timer = _timer }
/* The system timer's addresses: the GPIO block's, 0x1fd000 lower. */
#define PIGPIO_REGS_TIMER(...)	{ __VA_ARGS__ }

/* The SoC table: everything that differs between the supported SoCs. */
static const struct pigpio_regs_soc pigpio_regs_socs[] = {
	PIGPIO_REGS_BCM("brcm,bcm2711", "bcm2711", 58, 0xf4, false,
			PIGPIO_REGS_TIMER(0xfe003000, 0x47e003000ULL),
			0xfe200000, 0x47e200000ULL),
	PIGPIO_REGS_BCM("brcm,bcm2837", "bcm2837", 54, 0xb4, true,
			PIGPIO_REGS_TIMER(0x3f003000), 0x3f200000),
	PIGPIO_REGS_BCM("brcm,bcm2836", "bcm2836", 54, 0xb4, true,
			PIGPIO_REGS_TIMER(0x3f003000), 0x3f200000),
	PIGPIO_REGS_BCM("brcm,bcm2835", "bcm2835", 54, 0xb4, true,
			PIGPIO_REGS_TIMER(0x20003000), 0x20200000),
	/*
	 * Raspberry Pi 5: IO_BANK0, SYS_RIO0 and PADS_BANK0 of the RP1, each
	 * 0xc000 bytes (rp1.dtsi), shown in one window as Raspberry Pi's own
	 * /dev/gpiomem0 and its pinctrl tool lay them out.
	 */
	{ .name = "rp1", .ngpio = 54, .block_size = 0xc000,
	  .window_size = 0x30000, .nblocks = 3,
	  .offset = { 0x0, 0x10000, 0x20000 },
	  .bus = { 0x400d0000, 0x400e0000, 0x400f0000 } },
};

#define PIGPIO_REGS_SOC_BCM2711	(&pigpio_regs_socs[0])
#define PIGPIO_REGS_SOC_BCM2835	(&pigpio_regs_socs[3])
#define PIGPIO_REGS_SOC_RP1	(&pigpio_regs_socs[4])

/*
 * The RP1 on PCIe: vendor Raspberry Pi Ltd (0x1de4), device 0x0001, its
 * peripherals behind BAR1 (RP1 datasheet, "Peripheral address map"; the
 * same index as the rp1 driver's and the Pi 5 UEFI firmware's
 * RP1_PERIPHERAL_BAR_INDEX), which starts at the RP1's own address
 * 0x40000000: IO_BANK0 is BAR1 + 0xd0000.
 */
#define PIGPIO_REGS_RP1_VENDOR	0x1de4
#define PIGPIO_REGS_RP1_DEVICE	0x0001
#define PIGPIO_REGS_RP1_BAR	1
#define PIGPIO_REGS_RP1_BAR_BUS	0x40000000

/* The GPIO controller's compatible fixes the register layout. */
static const struct of_device_id pigpio_regs_gpio_ids[] = {
	{ .compatible = "brcm,bcm2711-gpio", .data = PIGPIO_REGS_SOC_BCM2711 },
	{ .compatible = "brcm,bcm2835-gpio", .data = PIGPIO_REGS_SOC_BCM2835 },
	{ .compatible = "raspberrypi,rp1-gpio", .data = PIGPIO_REGS_SOC_RP1 },
	{ }
};

/*
 * The table's compatibles as "of:" aliases, the two forms file2alias
 * makes of a device table: udev loads the module when the kernel adds
 * the GPIO node's platform device (the pinctrl driver's, or on a Pi 5 the
 * one the rp1 driver populates), so a machine without such a node never
 * tries (docs/packaging.md). Written out rather than MODULE_DEVICE_TABLE:
 * modpost sizes a device table with the struct layout of the machine its
 * linux-kbuild was built for, and a 32-bit ARM module cross-built with
 * amd64's (the emulated Pi 1 and 2) fails with "sizeof(struct
 * of_device_id)=200 is not a modulo of the size of section". tests/install
 * checks that these are exactly the table's compatibles.
 */
MODULE_ALIAS("of:N*T*Cbrcm,bcm2711-gpio");
MODULE_ALIAS("of:N*T*Cbrcm,bcm2711-gpioC*");
MODULE_ALIAS("of:N*T*Cbrcm,bcm2835-gpio");
MODULE_ALIAS("of:N*T*Cbrcm,bcm2835-gpioC*");
MODULE_ALIAS("of:N*T*Craspberrypi,rp1-gpio");
MODULE_ALIAS("of:N*T*Craspberrypi,rp1-gpioC*");

/* The machine's own name, if it is a SoC with the given register layout. */
static const struct pigpio_regs_soc *
pigpio_regs_machine_soc(const struct pigpio_regs_soc *layout)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pigpio_regs_socs); i++) {
		const struct pigpio_regs_soc *soc = &pigpio_regs_socs[i];

		if (!soc->machine || !of_machine_is_compatible(soc->machine))
			continue;
		if (!layout || soc->ngpio == layout->ngpio)
			return soc;
	}
	return layout;
}

/* 0 if @phys is one of the GPIO block addresses @soc's row gives. */
static int pigpio_regs_table_phys(const struct pigpio_regs_soc *soc, u64 phys)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(soc->phys) && soc->phys[i]; i++)
		if (phys == soc->phys[i])
			return 0;
	return -EINVAL;
}

/* of_read_number(), which kernels without CONFIG_OF lack (x86). */
static u64 pigpio_regs_cells(const __be32 *cell, int count)
{
	u64 v = 0;

	while (count-- > 0)
		v = (v << 32) | be32_to_cpup(cell++);
	return v;
}

/*
 * The PCI function the node sits behind: the nearest parent node that is
 * a PCI device's own node (pci_set_of_node() gives a PCI function the
 * child of its bridge's node whose "reg" names its devfn; on a Pi 5,
 * pcie2's pci@0,0, with the RP1's nodes below it). NULL if there is none:
 * an RP1 node elsewhere names no RP1. Holds a reference on success.
 */
static struct pci_dev *pigpio_regs_rp1_pci_dev(struct device_node *np)
{
	struct device_node *parent;
	struct pci_dev *pdev = NULL;

	for (parent = of_get_parent(np); parent;
	     parent = of_get_next_parent(parent)) {
		for_each_pci_dev(pdev)
			if (pdev->dev.of_node == parent)
				break;
		if (pdev) {
			of_node_put(parent);
			return pdev;
		}
	}
	return NULL;
}

/*
 * The RP1's three blocks, from the node's three "reg" entries in the
 * binding's order (IO_BANK0, SYS_RIO0, PADS_BANK0: pinctrl-rp1.c maps
 * them as resources 0, 1, 2), each translated by of_address_to_resource()
 * through every parent's "ranges" (on a Pi 5: the RP1's bus, then PCIe
 * BAR1) to a CPU address. Each must be at least a block long and be the
 * RP1 address the binding gives it: the node may move, never point the
 * window at another of the RP1's peripherals.
 */
static int pigpio_regs_locate_rp1(struct device_node *np,
				  const struct pigpio_regs_soc *soc,
				  struct pigpio_regs_location *loc)
{
	struct resource res;
	unsigned int i;
	int err;

	for (i = 0; i < soc->nblocks; i++) {
		const __be32 *reg = of_get_address(np, i, NULL, NULL);
		u64 addr;
		u32 bus;

		err = of_address_to_resource(np, i, &res);
		if (err || !reg) {
			pr_err("%pOF: no usable reg %u: %d\n", np, i, err);
			return err ? err : -EINVAL;
		}
		/*
		 * The RP1's own address is the low 32 bits: Raspberry Pi's
		 * rp1.dtsi puts 0xc0 in the high cell, mainline's 0; no other
		 * value names the RP1.
		 */
		addr = pigpio_regs_cells(reg, of_n_addr_cells(np));
		bus = lower_32_bits(addr);
		if (bus != soc->bus[i]) {
			pr_err("%pOF: reg %u is RP1 address %#x, not %#x\n",
			       np, i, bus, soc->bus[i]);
			return -EINVAL;
		}
		if (upper_32_bits(addr) != 0 && upper_32_bits(addr) != 0xc0) {
			pr_err("%pOF: reg %u is address %#llx: the high cell must be 0xc0 (rp1.dtsi) or 0 (mainline)\n",
			       np, i, addr);
			return -EINVAL;
		}
		if (resource_size(&res) < soc->block_size) {
			pr_err("%pOF: reg %u %pR is smaller than %#x bytes\n",
			       np, i, &res, soc->block_size);
			return -EINVAL;
		}
		loc->block[i].phys = res.start;
		loc->block[i].offset = soc->offset[i];
	}
	loc->bus_base = soc->bus[0];
	loc->block_size = soc->block_size;
	loc->pci = pigpio_regs_rp1_pci_dev(np);
	return 0;
}

static int pigpio_regs_locate_dt(struct pigpio_regs_location *loc)
{
	const struct pigpio_regs_soc *layout, *soc;
	const struct of_device_id *match;
	struct device_node *np;
	struct resource res;
	const __be32 *reg;
	int err;

	/*
	 * Only read the node. The kernel's pinctrl-bcm2835 driver is bound to
	 * it and has requested its memory region: binding or requesting again
	 * would fail or take the pins away from the kernel. Sharing the same
	 * registers with that driver is the point of this one.
	 */
	for_each_matching_node_and_match(np, pigpio_regs_gpio_ids, &match)
		if (of_device_is_available(np))
			break;
	if (!np) {
		pr_err("no enabled brcm,bcm2835-gpio or brcm,bcm2711-gpio node in the device tree (nor raspberrypi,rp1-gpio); phys_base= may name the SoC's own GPIO block\n");
		return -ENODEV;
	}
	layout = match->data;
	loc->source = "devicetree";
	loc->ngpio = layout->ngpio;
	loc->has_gppud = layout->has_gppud;
	loc->window_size = layout->window_size;
	loc->nblocks = layout->nblocks;

	if (layout->nblocks > 1) {
		loc->is_rp1 = true;
		loc->soc = layout->name;
		err = pigpio_regs_locate_rp1(np, layout, loc);
		loc->phys_base = loc->block[0].phys;
		goto out_put;
	}

	/* of_address_to_resource() applies the "ranges" of every parent. */
	err = of_address_to_resource(np, 0, &res);
	if (err) {
		pr_err("%pOF: no usable reg: %d\n", np, err);
		goto out_put;
	}

	/* The window is one page; a larger block would not fit it. */
	if (resource_size(&res) > PIGPIO_REGS_WINDOW_SIZE) {
		pr_err("%pOF: %pR is larger than one page\n", np, &res);
		err = -EINVAL;
		goto out_put;
	}

	/*
	 * Where the node says the block is must be where the SoC has it: a
	 * moved "reg" or parent "ranges" would otherwise hand user space
	 * whatever lies there (another peripheral, memory hidden from the
	 * kernel). Without a supported machine name, the node's own layout
	 * decides (its row's addresses).
	 */
	soc = pigpio_regs_machine_soc(layout);
	err = pigpio_regs_table_phys(soc, res.start);
	if (err) {
		pr_err("%pOF: %pR is not the %s GPIO block (%#llx), refusing it\n",
		       np, &res, soc->name, soc->phys[0]);
		goto out_put;
	}

	reg = of_get_address(np, 0, NULL, NULL);
	loc->bus_base = reg ? pigpio_regs_cells(reg, of_n_addr_cells(np)) : 0;
	loc->phys_base = res.start;
	loc->block[0].phys = res.start;
	loc->block[0].offset = 0;
	/*
	 * Mainline device trees give BCM2711 the BCM2835's 0xb4 bytes, but
	 * its pull registers reach 0xf0: the SoC table knows the real size.
	 */
	loc->block_size = max_t(u32, resource_size(&res), layout->block_size);
	loc->soc = soc->name;
out_put:
	of_node_put(np);
	return err;
}

static int pigpio_regs_locate_override(struct pigpio_regs_location *loc,
				       u64 phys_base)
{
	const struct pigpio_regs_soc *soc = pigpio_regs_machine_soc(NULL);

	/* Without a GPIO node, the machine must say which SoC it is. */
	if (!soc) {
		pr_err("phys_base=%#llx given, but the machine is none of the supported SoCs\n",
		       phys_base);
		return -ENODEV;
	}
	if (!PAGE_ALIGNED(phys_base)) {
		pr_err("phys_base %#llx is not page-aligned\n", phys_base);
		return -EINVAL;
	}
	if (pigpio_regs_table_phys(soc, phys_base)) {
		pr_err("phys_base %#llx is not the %s GPIO block (%#llx), refusing it\n",
		       phys_base, soc->name, soc->phys[0]);
		return -EINVAL;
	}
	/* A 32-bit kernel without LPAE cannot address BCM2711's high mode. */
	if (phys_base != (phys_addr_t)phys_base) {
		pr_err("phys_base %#llx does not fit this kernel's physical addresses\n",
		       phys_base);
		return -EINVAL;
	}

	loc->phys_base = phys_base;
	loc->block[0].phys = phys_base;
	loc->block[0].offset = 0;
	loc->nblocks = 1;
	loc->window_size = PIGPIO_REGS_WINDOW_SIZE;
	loc->bus_base = 0;
	loc->block_size = soc->block_size;
	loc->ngpio = soc->ngpio;
	loc->has_gppud = soc->has_gppud;
	loc->soc = soc->name;
	loc->source = "parameter";
	return 0;
}

/*
 * Whether this kernel's pages fit the layout: mmap() hands out whole
 * pages, so a page that held a block must hold nothing else, and a page of
 * the window that holds no block (the RP1's gaps) must hold no block
 * either, so that it can stay unmapped.
 *
 * BCM2835/6/7 and BCM2711: the block is a few hundred bytes at the start
 * of a 4 KiB region of its own; the next 4 KiB belong to the next
 * peripheral (UART0 at bus 0x7e201000, then the SD host and PCM), so only
 * a 4 KiB page holds the GPIO block alone.
 *
 * RP1: each block is 0xc000 bytes, 64 KiB apart (IO_BANK0, SYS_RIO0 and
 * PADS_BANK0 at 0xd0000, 0xe0000, 0xf0000 of the RP1's peripherals, RP1
 * datasheet), with 0x4000 bytes between them. With 4 KiB and 16 KiB pages
 * every block and every gap is whole pages (Raspberry Pi OS's kernel8.img
 * uses 4 KiB, kernel_2712.img 16 KiB); with 64 KiB pages a block's last
 * page would also hold the gap, and the gap is refused. Where each block
 * starts is checked per block by the caller.
 */
static int pigpio_regs_check_pages(const struct pigpio_regs_location *loc)
{
	unsigned int i;

	if (!loc->is_rp1) {
		if (PAGE_SIZE != PIGPIO_REGS_WINDOW_SIZE) {
			pr_err("%s: a %lu KiB page would also map the peripherals after the GPIO block: needs 4 KiB pages\n",
			       loc->soc, PAGE_SIZE / SZ_1K);
			return -EINVAL;
		}
		return 0;
	}
	if (!IS_ALIGNED(loc->block_size, PAGE_SIZE) ||
	    !IS_ALIGNED(loc->window_size, PAGE_SIZE)) {
		pr_err("rp1: blocks of %#x bytes are not whole %lu KiB pages: the gaps between them would be mapped\n",
		       loc->block_size, PAGE_SIZE / SZ_1K);
		return -EINVAL;
	}
	for (i = 0; i < loc->nblocks; i++) {
		if (!IS_ALIGNED(loc->block[i].offset, PAGE_SIZE)) {
			pr_err("rp1: block %u at window offset %#x does not start a %lu KiB page\n",
			       i, loc->block[i].offset, PAGE_SIZE / SZ_1K);
			return -EINVAL;
		}
	}
	return 0;
}

/* Page alignment, then never RAM, for every block. */
static int pigpio_regs_check_blocks(const struct pigpio_regs_location *loc)
{
	unsigned int i;
	int err;

	err = pigpio_regs_check_pages(loc);
	if (err)
		return err;

	for (i = 0; i < loc->nblocks; i++) {
		phys_addr_t phys = loc->block[i].phys;
		/* What mmap() maps of the block: whole pages. */
		size_t len = PAGE_ALIGN(loc->block_size);

		/* mmap() hands out whole pages; the block must start one. */
		if (!PAGE_ALIGNED(phys)) {
			if (i)
				pr_err("block %u at %pa is not aligned to this kernel's %lu KiB pages\n",
				       i, &phys, PAGE_SIZE / SZ_1K);
			else
				pr_err("phys_base %pa is not aligned to this kernel's %lu KiB pages\n",
				       &phys, PAGE_SIZE / SZ_1K);
			return -EINVAL;
		}

		/* Whatever the device tree or parameter says, never map RAM. */
		if (region_intersects(phys, len, IORESOURCE_SYSTEM_RAM,
				      IORES_DESC_NONE) != REGION_DISJOINT) {
			if (i)
				pr_err("block %u at %pa is System RAM, refusing it\n",
				       i, &phys);
			else
				pr_err("phys_base %pa is System RAM, refusing it\n",
				       &phys);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * The SoC's system timer, for /dev/pigpio_timer (kernel/timer.c): the
 * device tree's "brcm,bcm2835-system-timer" node, its "reg" translated as
 * the GPIO node's is, taken only if it is the timer address the SoC table
 * gives the machine's own SoC and is not System RAM. Whatever is wrong
 * costs only that node: @loc->timer_phys stays 0 and the GPIO nodes load.
 * The RP1 has no such timer (and BCM2712 is not in the table).
 */
static void pigpio_regs_locate_timer(struct pigpio_regs_location *loc)
{
	const struct pigpio_regs_soc *soc = pigpio_regs_machine_soc(NULL);
	struct device_node *np;
	struct resource res;
	size_t i;
	int err;

	if (loc->is_rp1 || !soc || !soc->timer[0])
		return;
	np = of_find_compatible_node(NULL, NULL, "brcm,bcm2835-system-timer");
	if (!np || !of_device_is_available(np)) {
		pr_info("no enabled brcm,bcm2835-system-timer node: no /dev/%s\n",
			PIGPIO_REGS_TIMER_NAME);
		goto out_put;
	}
	err = of_address_to_resource(np, 0, &res);
	if (err) {
		pr_err("%pOF: no usable reg: %d; no /dev/%s\n", np, err,
		       PIGPIO_REGS_TIMER_NAME);
		goto out_put;
	}
	for (i = 0; i < ARRAY_SIZE(soc->timer) && soc->timer[i]; i++)
		if (res.start == soc->timer[i])
			break;
	if (i == ARRAY_SIZE(soc->timer) || !soc->timer[i]) {
		pr_err("%pOF: %pR is not the %s system timer (%#llx), refusing it\n",
		       np, &res, soc->name, soc->timer[0]);
		goto out_put;
	}
	if (region_intersects(res.start, PIGPIO_REGS_TIMER_WINDOW_SIZE,
			      IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		pr_err("%pOF: %pR is System RAM, refusing it\n", np, &res);
		goto out_put;
	}
	loc->timer_phys = res.start;
out_put:
	of_node_put(np);
}

/*
 * The RP1's blocks must be where its PCI function's peripheral BAR puts
 * them: IO_BANK0 at BAR1 + 0xd0000, SYS_RIO0 + 0xe0000, PADS_BANK0
 * + 0xf0000, inside the BAR. A BAR is an assigned window of PCI memory
 * space, never RAM of any kind, so this also keeps out memory that mem=
 * or a no-map reservation hides from "System RAM".
 *
 * @stand_in ("VVVV:DDDD:BAR", hexadecimal IDs, the module's rp1_pci=
 * parameter, empty if not given) names another PCI function to accept in
 * the RP1's place: the test rows' QEMU has no RP1, and an ivshmem device's
 * memory BAR stands in for BAR1. It is a hardware parameter, which kernel
 * lockdown refuses to set.
 */
static int pigpio_regs_check_rp1_pci(const struct pigpio_regs_location *loc,
				     const char *stand_in)
{
	const struct pci_dev *pdev = loc->pci;
	unsigned int vendor = PIGPIO_REGS_RP1_VENDOR;
	unsigned int device = PIGPIO_REGS_RP1_DEVICE;
	unsigned int bar = PIGPIO_REGS_RP1_BAR;
	const struct resource *res;
	unsigned int i;

	if (stand_in && *stand_in &&
	    (sscanf(stand_in, "%x:%x:%u", &vendor, &device, &bar) != 3 ||
	     bar >= PCI_STD_NUM_BARS)) {
		pr_err("rp1_pci=%s is not VENDOR:DEVICE:BAR\n", stand_in);
		return -EINVAL;
	}
	if (!pdev) {
		pr_err("rp1: the GPIO node is not behind a PCI function: no RP1 there, refusing it\n");
		return -ENODEV;
	}
	if (pdev->vendor != vendor || pdev->device != device) {
		pr_err("rp1: %s is PCI %04x:%04x, not the RP1 (%04x:%04x), refusing it\n",
		       pci_name(pdev), pdev->vendor, pdev->device,
		       vendor, device);
		return -ENODEV;
	}
	res = &pdev->resource[bar];
	if (resource_type(res) != IORESOURCE_MEM || !res->start ||
	    (res->flags & IORESOURCE_UNSET)) {
		pr_err("rp1: %s has no memory BAR%u assigned\n",
		       pci_name(pdev), bar);
		return -ENODEV;
	}
	for (i = 0; i < loc->nblocks; i++) {
		u64 want = res->start + (PIGPIO_REGS_SOC_RP1->bus[i] - PIGPIO_REGS_RP1_BAR_BUS);
		phys_addr_t phys = loc->block[i].phys;

		if (phys != want ||
		    want + loc->block_size - 1 > (u64)res->end) {
			pr_err("rp1: block %u at %pa is not %s BAR%u (%pR) + %#x, refusing it\n",
			       i, &phys, pci_name(pdev), bar, res,
			       PIGPIO_REGS_SOC_RP1->bus[i] - PIGPIO_REGS_RP1_BAR_BUS);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * pigpio_regs_unlocate() - drop what pigpio_regs_locate() holds
 * @loc: a location pigpio_regs_locate() filled in
 */
void pigpio_regs_unlocate(struct pigpio_regs_location *loc)
{
	pci_dev_put(loc->pci);
	loc->pci = NULL;
}

/**
 * pigpio_regs_locate() - find the GPIO block and check it may be mapped
 * @loc:                filled in on success
 * @phys_base_override: CPU physical address to use instead of the device
 *                      tree (only the machine's own GPIO block), or 0
 * @rp1_stand_in:       the rp1_pci= parameter (see
 *                      pigpio_regs_check_rp1_pci()), or NULL
 *
 * On success an RP1 location holds a reference on the RP1's PCI function
 * (@loc->pci), which pigpio_regs_unlocate() drops.
 *
 * Return: 0, -ENODEV when there is nothing to drive, or -EINVAL when the
 * address must not be handed to user space.
 */
int pigpio_regs_locate(struct pigpio_regs_location *loc,
		       u64 phys_base_override, const char *rp1_stand_in)
{
	int err;

	memset(loc, 0, sizeof(*loc));
	if (phys_base_override)
		err = pigpio_regs_locate_override(loc, phys_base_override);
	else
		err = pigpio_regs_locate_dt(loc);
	if (!err)
		err = pigpio_regs_check_blocks(loc);
	/* Last, so that each earlier refusal keeps its own reason. */
	if (!err && loc->is_rp1)
		err = pigpio_regs_check_rp1_pci(loc, rp1_stand_in);
	if (err) {
		pigpio_regs_unlocate(loc);
		return err;
	}
	pigpio_regs_locate_timer(loc);
	return 0;
}
