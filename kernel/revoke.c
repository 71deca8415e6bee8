// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: the RP1 can go away under open files and live mappings.
 *
 * The Pi 5's GPIO blocks are in a PCIe function's BAR. Root can remove that
 * function (echo 1 > /sys/bus/pci/devices/<rp1>/remove), or unbind its
 * driver; a rescan may then hand the same bus addresses to another device.
 * From that moment nothing may reach the old range through this driver:
 *
 *  - every user mapping is zapped: each open file's f_mapping is one
 *    address_space of the driver's own (an inode of a private pseudo
 *    filesystem, as DRM gives its files one per device), so one
 *    unmap_mapping_range() reaches every VMA of every file of both nodes,
 *    and the next touch of a zapped page faults into pigpio_regs_fault(),
 *    which says SIGBUS (kernel/mmap.c);
 *  - the RP1's pages are never put in a page table by mmap() itself, only
 *    by the fault handler (kernel/mmap.c), which runs after mm has linked
 *    the VMA into that address_space: a mapping being made while the
 *    device goes is either zapped with the others or faults afterwards
 *    and sees @gone;
 *  - every later read, write, ioctl, mmap and open of the nodes is ENODEV.
 *
 * Each use of the registers runs inside an SRCU read section that first
 * tests @gone (pigpio_regs_enter()). The revoke sets @gone, waits for every
 * section that may not have seen it, and only then zaps: after that, no
 * page-table entry and no access of the old range is left. SRCU rather
 * than a rwsem: a read() into a buffer that is itself the mapping faults
 * inside its section, and a nested SRCU read section cannot deadlock
 * behind a waiting writer. Nothing is freed at revoke: the driver's own
 * ioremap() and the reference on the PCI function last until the module
 * goes, which no open file or mapping allows before its end.
 *
 * The BCM chips' blocks are part of the SoC and never go: for them @gone
 * stays false and the files keep their own f_mapping.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pci.h>
#include <linux/pseudo_fs.h>

#include "pigpio_regs.h"

/* "pgrg": the private filesystem's magic, for its inode's superblock. */
#define PIGPIO_REGS_FS_MAGIC	0x70677267

static int pigpio_regs_fs_init_fs_context(struct fs_context *fc)
{
	return init_pseudo(fc, PIGPIO_REGS_FS_MAGIC) ? 0 : -ENOMEM;
}

/*
 * No .owner: a mount of a type with an owner holds a reference on that
 * module, and this mount lasts until module exit releases it.
 */
static struct file_system_type pigpio_regs_fs_type = {
	.name = "pigpio_regs",
	.init_fs_context = pigpio_regs_fs_init_fs_context,
	.kill_sb = kill_anon_super,
};

static struct vfsmount *pigpio_regs_mnt;
static int pigpio_regs_mnt_count;

/**
 * pigpio_regs_enter() - begin a use of the registers
 * @pr: the device
 * @idx: set to the SRCU index for pigpio_regs_leave()
 *
 * Always begins a read section, which pigpio_regs_leave() ends whatever
 * this returns.
 *
 * Return: 0, or -ENODEV once the registers are gone.
 */
int pigpio_regs_enter(struct pigpio_regs *pr, int *idx)
	__acquires(&pr->srcu)
{
	*idx = srcu_read_lock(&pr->srcu);
	return READ_ONCE(pr->gone) ? -ENODEV : 0;
}

void pigpio_regs_leave(struct pigpio_regs *pr, int idx)
	__releases(&pr->srcu)
{
	srcu_read_unlock(&pr->srcu, idx);
}

/**
 * pigpio_regs_attach() - the open of a file of either node
 * @pr: the device
 * @file: the file being opened
 *
 * Return: 0, or -ENODEV once the registers are gone.
 */
int pigpio_regs_attach(struct pigpio_regs *pr, struct file *file)
{
	if (READ_ONCE(pr->gone))
		return -ENODEV;
	/* RP1: every mapping of every file in the one address_space. */
	if (pr->inode)
		file->f_mapping = pr->inode->i_mapping;
	return 0;
}

#ifdef CONFIG_PCI
static void pigpio_regs_revoke(struct pigpio_regs *pr, const char *why)
{
	if (READ_ONCE(pr->gone))
		return;
	WRITE_ONCE(pr->gone, true);
	/* Every section that may have missed @gone ends before the zap. */
	synchronize_srcu(&pr->srcu);
	unmap_mapping_range(pr->inode->i_mapping, 0, 0, 1);
	pr_warn("%s %s: the RP1's GPIO blocks are gone: every mapping is revoked, every open file and new open gets ENODEV; reload the module to use a new RP1\n",
		pci_name(pr->loc.pci), why);
}

/*
 * The RP1's PCI function leaves: BUS_NOTIFY_DEL_DEVICE is sent at the
 * start of device_del(), BUS_NOTIFY_UNBIND_DRIVER before its driver's
 * remove() (drivers/base/core.c, drivers/base/dd.c), so the BAR is still
 * there while the mappings go.
 */
static int pigpio_regs_pci_notify(struct notifier_block *nb,
				  unsigned long action, void *data)
{
	struct pigpio_regs *pr = container_of(nb, struct pigpio_regs, pci_nb);
	struct device *dev = data;

	if (dev != &pr->loc.pci->dev)
		return NOTIFY_DONE;
	if (action == BUS_NOTIFY_DEL_DEVICE)
		pigpio_regs_revoke(pr, "removed");
	else if (action == BUS_NOTIFY_UNBIND_DRIVER)
		pigpio_regs_revoke(pr, "unbound from its driver");
	return NOTIFY_OK;
}

static int pigpio_regs_watch_pci(struct pigpio_regs *pr)
{
	pr->pci_nb.notifier_call = pigpio_regs_pci_notify;
	return bus_register_notifier(&pci_bus_type, &pr->pci_nb);
}

static void pigpio_regs_unwatch_pci(struct pigpio_regs *pr)
{
	bus_unregister_notifier(&pci_bus_type, &pr->pci_nb);
}
#else
/* locate.c finds no PCI function without CONFIG_PCI: never called. */
static int pigpio_regs_watch_pci(struct pigpio_regs *pr)
{
	return -ENODEV;
}

static void pigpio_regs_unwatch_pci(struct pigpio_regs *pr)
{
}
#endif

/**
 * pigpio_regs_revoke_init() - make the device revocable, before any open
 * @pr: the device, @pr->loc filled in
 *
 * Return: 0, or a negative errno with nothing left to undo.
 */
int pigpio_regs_revoke_init(struct pigpio_regs *pr)
{
	int err;

	err = init_srcu_struct(&pr->srcu);
	if (err)
		return err;
	if (!pr->loc.pci)
		return 0;

	err = simple_pin_fs(&pigpio_regs_fs_type, &pigpio_regs_mnt,
			    &pigpio_regs_mnt_count);
	if (err)
		goto err_srcu;
	pr->inode = alloc_anon_inode(pigpio_regs_mnt->mnt_sb);
	if (IS_ERR(pr->inode)) {
		err = PTR_ERR(pr->inode);
		pr->inode = NULL;
		goto err_fs;
	}
	err = pigpio_regs_watch_pci(pr);
	if (err)
		goto err_inode;
	/* Removed before the notifier was in place: gone from the start. */
	if (!device_is_registered(&pr->loc.pci->dev)) {
		err = -ENODEV;
		goto err_unwatch;
	}
	return 0;

err_unwatch:
	pigpio_regs_unwatch_pci(pr);
err_inode:
	iput(pr->inode);
	pr->inode = NULL;
err_fs:
	simple_release_fs(&pigpio_regs_mnt, &pigpio_regs_mnt_count);
err_srcu:
	cleanup_srcu_struct(&pr->srcu);
	return err;
}

/**
 * pigpio_regs_revoke_exit() - undo pigpio_regs_revoke_init(), at unload
 * @pr: the device; no file of it is open and nothing is mapped
 */
void pigpio_regs_revoke_exit(struct pigpio_regs *pr)
{
	if (pr->inode) {
		pigpio_regs_unwatch_pci(pr);
		iput(pr->inode);
		pr->inode = NULL;
		simple_release_fs(&pigpio_regs_mnt, &pigpio_regs_mnt_count);
	}
	cleanup_srcu_struct(&pr->srcu);
}
