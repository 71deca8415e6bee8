// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: /dev/pigpio_timer, the BCM SoCs' free-running 1 MHz system
 * timer, read-only.
 *
 * The timer's page holds CS, CLO, CHI and the four compare registers
 * C0-C3 (BCM2835 ARM Peripherals, chapter 12). Reading them has no side
 * effect; writing CS clears match flags and writing a compare register
 * moves an interrupt the kernel or the VideoCore firmware relies on, so
 * nothing here ever writes: the node cannot be opened for writing, the
 * mapping is never writable, and there is no write(). Its own node rather
 * than a window of /dev/pigpio_regs: its permissions and refusals are its
 * own, and the GPIO node's contract stays as it is (docs/how-it-works.md).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/pigpio_regs.h>

#include "compat.h"
#include "pigpio_regs.h"

static struct pigpio_regs *file_to_pr(struct file *file)
{
	/* misc_open() stores the miscdevice in private_data. */
	return container_of(file->private_data, struct pigpio_regs, timer.misc);
}

/* Read-only for everyone, root included: a write open is refused. */
static int pigpio_regs_timer_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_WRITE) ? -EACCES : 0;
}

/*
 * Whole aligned 32-bit registers, CS to C3; at or past the end, end of
 * file, and a longer read is cut short there, as for the GPIO node.
 */
static ssize_t pigpio_regs_timer_read(struct file *file, char __user *buf,
				      size_t count, loff_t *ppos)
{
	void __iomem *regs = file_to_pr(file)->timer.regs;
	loff_t pos = *ppos;
	size_t done;

	if (pos < 0 || pos % 4 || count % 4)
		return -EINVAL;
	if (pos >= PIGPIO_REGS_TIMER_BLOCK_SIZE)
		return 0;
	count = min_t(size_t, count, PIGPIO_REGS_TIMER_BLOCK_SIZE - pos);
	for (done = 0; done < count; done += 4) {
		u32 val = readl(regs + pos + done);

		if (copy_to_user(buf + done, &val, sizeof(val)))
			return done ? done : -EFAULT;
	}
	*ppos += done;
	return done;
}

static loff_t pigpio_regs_timer_llseek(struct file *file, loff_t offset,
				       int whence)
{
	return fixed_size_llseek(file, offset, whence,
				 PIGPIO_REGS_TIMER_BLOCK_SIZE);
}

/*
 * The timer's page, read-only: offset 0, one page at most, shared, never
 * writable or executable. The open is read-only, so the VFS has already
 * refused PROT_WRITE with MAP_SHARED and cleared VM_MAYWRITE; both are
 * checked again here so that nothing else can make the page writable.
 */
static int pigpio_regs_timer_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = file_to_pr(file);
	int err;

	if (vma->vm_pgoff != 0)
		return -EINVAL;
	if (vma->vm_end - vma->vm_start > PIGPIO_REGS_TIMER_WINDOW_SIZE)
		return -EINVAL;
	/* Private too: a copy-on-write page of the timer is no timer. */
	if (vma->vm_flags & VM_WRITE)
		return -EACCES;
	err = pigpio_regs_check_vma(vma);
	if (err)
		return err;
	/* No mprotect(PROT_WRITE) later either. */
	vm_flags_clear(vma, VM_MAYWRITE);
	vm_flags_set(vma, VM_IO | VM_PFNMAP);
	/* The memory type of the GPIO page (kernel/mmap.c says why). */
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return io_remap_pfn_range(vma, vma->vm_start,
				  PHYS_PFN(pr->loc.timer_phys),
				  vma->vm_end - vma->vm_start,
				  vma->vm_page_prot);
}

/* No write and no ioctl: the VFS says EBADF and ENOTTY. */
static const struct file_operations pigpio_regs_timer_fops = {
	.owner		= THIS_MODULE,
	.open		= pigpio_regs_timer_open,
	.read		= pigpio_regs_timer_read,
	.llseek		= pigpio_regs_timer_llseek,
	.mmap		= pigpio_regs_timer_mmap,
};

/**
 * pigpio_regs_timer_publish() - register /dev/pigpio_timer if there is a timer
 * @pr:     the driver's state, with @pr->loc filled in
 * @parent: the platform device, owner of the ioremap
 *
 * Like the gpiomem node, optional: a failure costs only this node, never
 * the load (nothing may fail after /dev/pigpio_regs is registered).
 */
void pigpio_regs_timer_publish(struct pigpio_regs *pr, struct device *parent)
{
	struct pigpio_regs_timer *t = &pr->timer;
	int err;

	if (!pr->loc.timer_phys)
		return;
	t->regs = devm_ioremap(parent, pr->loc.timer_phys,
			       PIGPIO_REGS_TIMER_BLOCK_SIZE);
	if (!t->regs) {
		dev_warn(parent, "cannot ioremap the system timer at %pa: no /dev/%s\n",
			 &pr->loc.timer_phys, PIGPIO_REGS_TIMER_NAME);
		return;
	}
	t->misc.minor = MISC_DYNAMIC_MINOR;
	t->misc.name = PIGPIO_REGS_TIMER_NAME;
	t->misc.fops = &pigpio_regs_timer_fops;
	t->misc.parent = parent;
	/* Root only until a udev rule grants group gpio read access. */
	t->misc.mode = 0400;
	err = misc_register(&t->misc);
	if (err) {
		dev_warn(parent, "cannot register /dev/%s: %d\n",
			 PIGPIO_REGS_TIMER_NAME, err);
		return;
	}
	t->registered = true;
	dev_info(parent, "system timer at %pa, read-only, on /dev/%s\n",
		 &pr->loc.timer_phys, PIGPIO_REGS_TIMER_NAME);
}

/* Module exit: the node goes first, as the other nodes do. */
void pigpio_regs_timer_remove(struct pigpio_regs *pr)
{
	if (pr->timer.registered)
		misc_deregister(&pr->timer.misc);
}
