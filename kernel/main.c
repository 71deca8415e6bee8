// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: let ordinary users drive Raspberry Pi GPIO pins by mapping
 * the SoC's GPIO register block through /dev/pigpio_regs.
 *
 * The driver keeps one kernel mapping of the block (ioremap) for its own
 * pread()/pwrite() access, and gives each process that asks a user mapping
 * of the same physical page (remap_pfn_range). Nothing else is ever mapped.
 * On the Raspberry Pi 5's RP1 the same holds for each of its three blocks.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/pigpio_regs.h>

#include "pigpio_regs.h"

/*
 * Named apart from the parameter: x86 has a global phys_base of its own.
 * A hardware parameter (iomem): kernel lockdown refuses to set it, and
 * locate.c accepts only the GPIO block address of the machine's own SoC.
 */
static unsigned long long phys_base_override;
module_param_hw_named(phys_base, phys_base_override, ullong, iomem, 0444);
MODULE_PARM_DESC(phys_base,
		 "CPU physical address of the GPIO block when the device tree has no GPIO node: only the SoC's own GPIO block address is accepted");

static struct pigpio_regs *file_to_pigpio_regs(struct file *file)
{
	/* misc_open() stores the miscdevice in private_data. */
	return container_of(file->private_data, struct pigpio_regs, misc);
}

static struct pigpio_regs *dev_to_pigpio_regs(struct device *dev)
{
	/* misc_register() makes the miscdevice the device's driver data. */
	struct miscdevice *misc = dev_get_drvdata(dev);

	return container_of(misc, struct pigpio_regs, misc);
}

/* Where the file ends: the end of the last block (BCM: block_size). */
static loff_t pigpio_regs_end(const struct pigpio_regs_location *loc)
{
	return loc->block[loc->nblocks - 1].offset + loc->block_size;
}

/*
 * Whole 32-bit registers at aligned offsets, at the window's offsets. A
 * read at or past the end of the last block is end of file and a longer
 * one is cut short at the end of its block, as for a regular file, so cat
 * and hexdump work; a write must fit its block entirely. Between the
 * RP1's blocks there is no register: a read there gives zeroes, cut short
 * where the next block starts, so the file reads as the window does, gaps
 * included, and cat of the node ends at end of file; a write there is
 * EINVAL. On success *blk is the block, or loc->nblocks in a gap.
 */
static ssize_t pigpio_regs_span(const struct pigpio_regs *pr, loff_t pos,
				size_t count, bool write, unsigned int *blk)
{
	const struct pigpio_regs_location *loc = &pr->loc;
	unsigned int i;
	u32 left;

	if (pos < 0 || pos % 4 || count % 4)
		return -EINVAL;
	if (pos >= pigpio_regs_end(loc))
		return write ? -EINVAL : 0;
	/* The blocks are in window order: the first one that ends after pos. */
	for (i = 0; i < loc->nblocks - 1; i++)
		if (pos < loc->block[i].offset + loc->block_size)
			break;
	if (pos < loc->block[i].offset) {
		if (write)
			return -EINVAL;
		left = loc->block[i].offset - pos;
		*blk = loc->nblocks;
	} else {
		left = loc->block[i].offset + loc->block_size - pos;
		*blk = i;
	}
	if (count > left) {
		if (write)
			return -EINVAL;
		count = left;
	}
	return count;
}

/* The driver's own mapping of the register at window offset @pos. */
static void __iomem *pigpio_regs_addr(const struct pigpio_regs *pr,
				      unsigned int blk, loff_t pos)
{
	return pr->regs[blk] + (pos - pr->loc.block[blk].offset);
}

/*
 * A chance to reschedule every this many bytes of a transfer. On a Pi 5
 * each register access is a PCIe transaction and a read waits for its
 * completion (of the order of a microsecond): a read of one whole RP1
 * block is 12288 of them, and Debian's kernels preempt only at such
 * points (CONFIG_PREEMPT_VOLUNTARY), so give one every 256 registers.
 */
#define PIGPIO_REGS_RESCHED_BYTES	1024

static ssize_t pigpio_regs_read(struct file *file, char __user *buf,
				size_t count, loff_t *ppos)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	void __iomem *addr = NULL;
	unsigned int blk;
	ssize_t len;
	size_t done;

	if (!count)
		return 0;
	len = pigpio_regs_span(pr, *ppos, count, false, &blk);
	if (len <= 0)
		return len;

	/* In a gap there is nothing to read: zeroes. */
	if (blk < pr->loc.nblocks)
		addr = pigpio_regs_addr(pr, blk, *ppos);
	for (done = 0; done < len; done += 4) {
		u32 val = addr ? readl(addr + done) : 0;

		if (copy_to_user(buf + done, &val, sizeof(val)))
			return done ? done : -EFAULT;
		if ((done + 4) % PIGPIO_REGS_RESCHED_BYTES == 0)
			cond_resched();
	}
	*ppos += done;
	return done;
}

static ssize_t pigpio_regs_write(struct file *file, const char __user *buf,
				 size_t count, loff_t *ppos)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	void __iomem *addr;
	unsigned int blk;
	ssize_t len;
	size_t done;

	if (!count)
		return 0;
	len = pigpio_regs_span(pr, *ppos, count, true, &blk);
	if (len < 0)
		return len;

	addr = pigpio_regs_addr(pr, blk, *ppos);
	for (done = 0; done < len; done += 4) {
		u32 val;

		/* Fetch before the store: a bad buffer writes nothing more. */
		if (copy_from_user(&val, buf + done, sizeof(val)))
			return done ? done : -EFAULT;
		/* Never between the read and the write of a locked update. */
		mutex_lock(&pr->lock);
		writel(val, addr + done);
		mutex_unlock(&pr->lock);
		if ((done + 4) % PIGPIO_REGS_RESCHED_BYTES == 0)
			cond_resched();
	}
	*ppos += done;
	return done;
}

static loff_t pigpio_regs_llseek(struct file *file, loff_t offset, int whence)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);

	return fixed_size_llseek(file, offset, whence, pigpio_regs_end(&pr->loc));
}

/* The sysfs attributes in one structure. */
static long pigpio_regs_info(const struct pigpio_regs *pr, void __user *argp)
{
	struct pigpio_regs_info info = {
		.phys_base = pr->loc.phys_base,
		.bus_base = pr->loc.bus_base,
		.block_size = pr->loc.block_size,
		.window_size = pr->loc.window_size,
		.ngpio = pr->loc.ngpio,
		.flags = strcmp(pr->loc.source, "parameter") ? 0 :
			 PIGPIO_REGS_INFO_PARAMETER,
	};

	strscpy_pad(info.soc, pr->loc.soc, sizeof(info.soc));
	return copy_to_user(argp, &info, sizeof(info)) ? -EFAULT : 0;
}

static long pigpio_regs_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	struct pigpio_regs_update __user *uupdate = (void __user *)arg;
	struct pigpio_regs_update update;
	struct pigpio_regs_pull pull;
	int err;

	switch (cmd) {
	case PIGPIO_REGS_IOC_INFO:
		return pigpio_regs_info(pr, (void __user *)arg);
	case PIGPIO_REGS_IOC_UPDATE:
	case PIGPIO_REGS_IOC_PULL:
		break;
	default:
		return -ENOTTY;
	}
	/* Changing registers takes what a write() would. */
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;

	if (cmd == PIGPIO_REGS_IOC_PULL) {
		if (copy_from_user(&pull, (void __user *)arg, sizeof(pull)))
			return -EFAULT;
		return pigpio_regs_pull(pr, &pull);
	}

	if (copy_from_user(&update, uupdate, sizeof(update)))
		return -EFAULT;
	/*
	 * Fail before the change, not after it, if @old cannot be written:
	 * storing back the caller's own value leaves it as it was on error.
	 */
	if (put_user(update.old, &uupdate->old))
		return -EFAULT;
	err = pigpio_regs_update(pr, &update);
	if (err)
		return err;
	if (put_user(update.old, &uupdate->old))
		return -EFAULT;
	return 0;
}

static const struct file_operations pigpio_regs_fops = {
	.owner		= THIS_MODULE,
	.read		= pigpio_regs_read,
	.write		= pigpio_regs_write,
	.llseek		= pigpio_regs_llseek,
	.mmap		= pigpio_regs_mmap,
	.unlocked_ioctl	= pigpio_regs_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

/*
 * The gpiomem-compatible node offers the mapping and nothing else; open
 * and release keep the per-file count of its scratch pages (kernel/mmap.c).
 */
static const struct file_operations pigpio_regs_gpiomem_fops = {
	.owner		= THIS_MODULE,
	.open		= pigpio_regs_gpiomem_open,
	.release	= pigpio_regs_gpiomem_release,
	.mmap		= pigpio_regs_gpiomem_mmap,
};

static ssize_t soc_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	return sysfs_emit(buf, "%s\n", dev_to_pigpio_regs(dev)->loc.soc);
}
static DEVICE_ATTR_RO(soc);

static ssize_t phys_base_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%#llx\n",
			  (u64)dev_to_pigpio_regs(dev)->loc.phys_base);
}
static DEVICE_ATTR_RO(phys_base);

static ssize_t bus_base_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%#llx\n", dev_to_pigpio_regs(dev)->loc.bus_base);
}
static DEVICE_ATTR_RO(bus_base);

static ssize_t block_size_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", dev_to_pigpio_regs(dev)->loc.block_size);
}
static DEVICE_ATTR_RO(block_size);

static ssize_t window_size_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", dev_to_pigpio_regs(dev)->loc.window_size);
}
static DEVICE_ATTR_RO(window_size);

static ssize_t ngpio_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%u\n", dev_to_pigpio_regs(dev)->loc.ngpio);
}
static DEVICE_ATTR_RO(ngpio);

static ssize_t source_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%s\n", dev_to_pigpio_regs(dev)->loc.source);
}
static DEVICE_ATTR_RO(source);

static struct attribute *pigpio_regs_attrs[] = {
	&dev_attr_soc.attr,
	&dev_attr_phys_base.attr,
	&dev_attr_bus_base.attr,
	&dev_attr_block_size.attr,
	&dev_attr_window_size.attr,
	&dev_attr_ngpio.attr,
	&dev_attr_source.attr,
	NULL
};
ATTRIBUTE_GROUPS(pigpio_regs);

/*
 * For teaching: the kernel virtual address of the driver's own mapping,
 * next to the physical address it maps. debugfs is root-only, and %pK
 * also honours kernel.kptr_restrict: hashed at 0, shown to root at 1,
 * zeros at 2 (Documentation/admin-guide/sysctl/kernel.rst).
 */
static int pigpio_regs_mappings_show(struct seq_file *s, void *unused)
{
	struct pigpio_regs *pr = s->private;
	unsigned int i;

	seq_printf(s, "phys_base: %#llx\n", (u64)pr->loc.phys_base);
	seq_printf(s, "kernel_virtual: 0x%pK\n", pr->regs[0]);
	seq_printf(s, "block_size: %u\n", pr->loc.block_size);
	/* The RP1's blocks, each with its window offset. */
	for (i = 1; i < pr->loc.nblocks; i++)
		seq_printf(s, "block %u: window offset %#x, phys %#llx, kernel_virtual 0x%pK\n",
			   i, pr->loc.block[i].offset,
			   (u64)pr->loc.block[i].phys, pr->regs[i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pigpio_regs_mappings);

static void pigpio_regs_debugfs_remove(void *dir)
{
	debugfs_remove_recursive(dir);
}

/*
 * The one device this module creates; only init and exit write it, and
 * probe accepts no other (see pigpio_regs_probe()).
 */
static struct platform_device *pigpio_regs_pdev;

/*
 * What the probe of that device returned. platform_driver_probe() turns
 * every failed probe into -ENODEV: it sees only that the driver bound no
 * device (drivers/base/platform.c, __platform_driver_probe(); the probe's
 * own error stops in really_probe(), drivers/base/dd.c). Init reads the
 * real one here, so insmod says ENOMEM when that is what happened. Only
 * module init writes and reads it: the probe runs synchronously inside
 * platform_driver_probe() (PROBE_FORCE_SYNCHRONOUS below).
 */
static int pigpio_regs_probe_err;

/*
 * Not __init, though it runs only at load: a second function in .init.text
 * is __cold, which GCC before 14 does not align to 8 bytes, and arm64
 * kernels with ftrace CALL_OPS (Debian's 6.12) then crash patching its
 * entry when a module built with such a compiler loads. The same holds
 * for pigpio_regs_publish() below.
 *
 * What outlives what. The device cannot be unbound or bound again: the
 * driver is registered with platform_driver_probe(), which removes the
 * bind/unbind files and makes every later probe fail, so the device and
 * its driver state go only when the module is unloaded. Every open file
 * and every mapping (through vm_file) holds a reference on the module, so
 * that happens only after the last of them is gone. No open file can
 * outlive the state probe allocates here, which is why devm may own it.
 */
static int pigpio_regs_setup(struct platform_device *pdev)
{
	const struct pigpio_regs_location *loc = dev_get_platdata(&pdev->dev);
	struct device *dev = &pdev->dev;
	struct pigpio_regs *pr;
	unsigned int i;

	pr = devm_kzalloc(dev, sizeof(*pr), GFP_KERNEL);
	if (!pr)
		return -ENOMEM;
	pr->loc = *loc;
	mutex_init(&pr->lock);

	/*
	 * Not devm_ioremap_resource(): pinctrl-bcm2835 (pinctrl-rp1) owns
	 * the region. Each block apart: nothing between them is mapped.
	 */
	for (i = 0; i < loc->nblocks; i++) {
		pr->regs[i] = devm_ioremap(dev, loc->block[i].phys,
					   loc->block_size);
		if (!pr->regs[i])
			return dev_err_probe(dev, -ENOMEM, "cannot ioremap %pa\n",
					     &loc->block[i].phys);
	}

	/* Optional: a missing debugfs costs only the teaching file. */
	pr->debugfs = debugfs_create_dir(PIGPIO_REGS_NAME, NULL);
	debugfs_create_file("mappings", 0400, pr->debugfs, pr,
			    &pigpio_regs_mappings_fops);
	debugfs_create_file("page_tables", 0400, pr->debugfs, pr,
			    &pigpio_regs_ptview_fops);
	platform_set_drvdata(pdev, pr);
	return devm_add_action_or_reset(dev, pigpio_regs_debugfs_remove,
					pr->debugfs);
}

static int pigpio_regs_probe(struct platform_device *pdev)
{
	/* driver_override can point any platform device at this driver. */
	if (pdev != pigpio_regs_pdev || !dev_get_platdata(&pdev->dev)) {
		dev_err(&pdev->dev, "not the device pigpio_regs created, refusing it\n");
		return -ENODEV;
	}
	pigpio_regs_probe_err = pigpio_regs_setup(pdev);
	return pigpio_regs_probe_err;
}

static struct platform_driver pigpio_regs_driver = {
	.driver = {
		.name = PIGPIO_REGS_NAME,
		/* No bind/unbind in sysfs (platform_driver_probe() says so too). */
		.suppress_bind_attrs = true,
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
};

/*
 * The nodes, last: once the first is registered, a process may hold it
 * open, and a module whose init fails is freed under that file. So nothing
 * after misc_register() of /dev/pigpio_regs may fail: the compatible node
 * is optional and a failure to register it only costs that node.
 */
static int pigpio_regs_publish(struct pigpio_regs *pr, struct device *parent)
{
	int err;

	pr->misc.minor = MISC_DYNAMIC_MINOR;
	pr->misc.name = PIGPIO_REGS_NAME;
	pr->misc.fops = &pigpio_regs_fops;
	pr->misc.parent = parent;
	pr->misc.groups = pigpio_regs_groups;
	/* Root only until a udev rule grants group gpio access. */
	pr->misc.mode = 0600;

	pr->gpiomem.minor = MISC_DYNAMIC_MINOR;
	pr->gpiomem.name = PIGPIO_REGS_GPIOMEM_NAME;
	pr->gpiomem.fops = &pigpio_regs_gpiomem_fops;
	pr->gpiomem.parent = parent;
	pr->gpiomem.mode = 0600;

	err = misc_register(&pr->misc);
	if (err) {
		dev_err(parent, "cannot register /dev/%s: %d\n",
			PIGPIO_REGS_NAME, err);
		return err;
	}
	err = misc_register(&pr->gpiomem);
	if (err)
		dev_warn(parent, "cannot register /dev/%s: %d; /dev/%s works\n",
			 PIGPIO_REGS_GPIOMEM_NAME, err, PIGPIO_REGS_NAME);
	pr->has_gpiomem = !err;
	return 0;
}

static int __init pigpio_regs_init(void)
{
	struct pigpio_regs_location loc;
	struct platform_device *pdev;
	struct pigpio_regs *pr;
	int err;

	/* Refuse the load itself, with the reason, when there is no block. */
	err = pigpio_regs_locate(&loc, phys_base_override);
	if (err)
		return err;

	pdev = platform_device_register_data(NULL, PIGPIO_REGS_NAME,
					     PLATFORM_DEVID_NONE,
					     &loc, sizeof(loc));
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	pigpio_regs_pdev = pdev;

	/* Binds our device now, and no device ever after. */
	err = platform_driver_probe(&pigpio_regs_driver, pigpio_regs_probe);
	if (err) {
		/* -ENODEV for any failed probe: the probe's own error instead. */
		if (pigpio_regs_probe_err)
			err = pigpio_regs_probe_err;
		goto err_unregister_device;
	}

	pr = platform_get_drvdata(pdev);
	err = pigpio_regs_publish(pr, &pdev->dev);
	if (err)
		goto err_unregister_driver;

	dev_info(&pdev->dev, "%s GPIO block at %pa (%s), %u lines, on /dev/%s\n",
		 loc.soc, &loc.phys_base, loc.source, loc.ngpio,
		 PIGPIO_REGS_NAME);
	if (loc.is_rp1)
		dev_info(&pdev->dev, "rp1 window %#x bytes: IO_BANK0 %pa at 0x%x, SYS_RIO0 %pa at 0x%x, PADS_BANK0 %pa at 0x%x, %#x bytes each\n",
			 loc.window_size, &loc.block[0].phys, loc.block[0].offset,
			 &loc.block[1].phys, loc.block[1].offset,
			 &loc.block[2].phys, loc.block[2].offset,
			 loc.block_size);
	return 0;

err_unregister_driver:
	/* Unbinds the device: its devm actions undo probe. */
	platform_driver_unregister(&pigpio_regs_driver);
err_unregister_device:
	platform_device_unregister(pdev);
	return err;
}
module_init(pigpio_regs_init);

static void __exit pigpio_regs_exit(void)
{
	struct pigpio_regs *pr = platform_get_drvdata(pigpio_regs_pdev);

	if (pr->has_gpiomem)
		misc_deregister(&pr->gpiomem);
	misc_deregister(&pr->misc);
	platform_driver_unregister(&pigpio_regs_driver);
	platform_device_unregister(pigpio_regs_pdev);
}
module_exit(pigpio_regs_exit);

MODULE_DESCRIPTION("Unprivileged mmap() of the Raspberry Pi GPIO registers");
MODULE_AUTHOR("pigpio_regs developers");
MODULE_LICENSE("GPL");
