// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: let ordinary users drive Raspberry Pi GPIO pins by mapping
 * the SoC's GPIO register block through /dev/pigpio_regs.
 *
 * The driver keeps one kernel mapping of the block (ioremap) for its own
 * pread()/pwrite() access, and gives each process that asks a user mapping
 * of the same physical page (remap_pfn_range). Nothing else is ever mapped.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/platform_device.h>
#include <linux/uaccess.h>
#include <linux/pigpio_regs.h>

#include "pigpio_regs.h"

/* Named apart from the parameter: x86 has a global phys_base of its own. */
static unsigned long phys_base_override;
module_param_named(phys_base, phys_base_override, ulong, 0444);
MODULE_PARM_DESC(phys_base,
		 "CPU physical address of the GPIO block, overriding the device tree (page-aligned, not RAM)");

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

/* Whole 32-bit registers inside the block, or nothing. */
static int pigpio_regs_check_span(const struct pigpio_regs *pr, loff_t pos,
				  size_t count)
{
	if (pos < 0 || pos % 4 || count % 4)
		return -EINVAL;
	if (pos >= pr->loc.block_size || count > pr->loc.block_size - pos)
		return -EINVAL;
	return 0;
}

static ssize_t pigpio_regs_read(struct file *file, char __user *buf,
				size_t count, loff_t *ppos)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	size_t done;
	int err;

	if (!count)
		return 0;
	err = pigpio_regs_check_span(pr, *ppos, count);
	if (err)
		return err;

	for (done = 0; done < count; done += 4) {
		u32 val = readl(pr->regs + *ppos + done);

		if (copy_to_user(buf + done, &val, sizeof(val)))
			return done ? done : -EFAULT;
	}
	*ppos += done;
	return done;
}

static ssize_t pigpio_regs_write(struct file *file, const char __user *buf,
				 size_t count, loff_t *ppos)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	size_t done;
	int err;

	if (!count)
		return 0;
	err = pigpio_regs_check_span(pr, *ppos, count);
	if (err)
		return err;

	for (done = 0; done < count; done += 4) {
		u32 val;

		/* Fetch before the store: a bad buffer writes nothing more. */
		if (copy_from_user(&val, buf + done, sizeof(val)))
			return done ? done : -EFAULT;
		writel(val, pr->regs + *ppos + done);
	}
	*ppos += done;
	return done;
}

static loff_t pigpio_regs_llseek(struct file *file, loff_t offset, int whence)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);

	return fixed_size_llseek(file, offset, whence, pr->loc.block_size);
}

static long pigpio_regs_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	struct pigpio_regs *pr = file_to_pigpio_regs(file);
	void __user *argp = (void __user *)arg;
	struct pigpio_regs_update update;
	struct pigpio_regs_pull pull;
	int err;

	switch (cmd) {
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
		if (copy_from_user(&pull, argp, sizeof(pull)))
			return -EFAULT;
		return pigpio_regs_pull(pr, &pull);
	}

	if (copy_from_user(&update, argp, sizeof(update)))
		return -EFAULT;
	/* Fail before the change, not after it, if @old cannot be written. */
	if (put_user(0, &((struct pigpio_regs_update __user *)argp)->old))
		return -EFAULT;
	err = pigpio_regs_update(pr, &update);
	if (err)
		return err;
	if (copy_to_user(argp, &update, sizeof(update)))
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

/* The gpiomem-compatible node offers the mapping and nothing else. */
static const struct file_operations pigpio_regs_gpiomem_fops = {
	.owner		= THIS_MODULE,
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
	return sysfs_emit(buf, "%u\n", PIGPIO_REGS_WINDOW_SIZE);
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
 * next to the physical address it maps. debugfs is root-only, which keeps
 * the address (and so KASLR) hidden from everyone else.
 */
static int pigpio_regs_mappings_show(struct seq_file *s, void *unused)
{
	struct pigpio_regs *pr = s->private;

	seq_printf(s, "phys_base: %#llx\n", (u64)pr->loc.phys_base);
	seq_printf(s, "kernel_virtual: %#lx\n", (unsigned long)pr->regs);
	seq_printf(s, "block_size: %u\n", pr->loc.block_size);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pigpio_regs_mappings);

static void pigpio_regs_debugfs_remove(void *dir)
{
	debugfs_remove_recursive(dir);
}

static void pigpio_regs_misc_deregister(void *misc)
{
	misc_deregister(misc);
}

/* misc_register() with its undo registered on the platform device. */
static int pigpio_regs_add_misc(struct device *dev, struct miscdevice *misc)
{
	int err = misc_register(misc);

	if (err)
		return dev_err_probe(dev, err, "cannot register /dev/%s\n",
				     misc->name);
	return devm_add_action_or_reset(dev, pigpio_regs_misc_deregister,
					misc);
}

static int pigpio_regs_probe(struct platform_device *pdev)
{
	const struct pigpio_regs_location *loc = dev_get_platdata(&pdev->dev);
	struct device *dev = &pdev->dev;
	struct pigpio_regs *pr;
	int err;

	pr = devm_kzalloc(dev, sizeof(*pr), GFP_KERNEL);
	if (!pr)
		return -ENOMEM;
	pr->loc = *loc;
	mutex_init(&pr->lock);

	/* Not devm_ioremap_resource(): pinctrl-bcm2835 owns the region. */
	pr->regs = devm_ioremap(dev, loc->phys_base, loc->block_size);
	if (!pr->regs)
		return dev_err_probe(dev, -ENOMEM, "cannot ioremap %pa\n",
				     &loc->phys_base);

	pr->misc.minor = MISC_DYNAMIC_MINOR;
	pr->misc.name = PIGPIO_REGS_NAME;
	pr->misc.fops = &pigpio_regs_fops;
	pr->misc.parent = dev;
	pr->misc.groups = pigpio_regs_groups;
	/* Root only until a udev rule grants group gpio access. */
	pr->misc.mode = 0600;
	err = pigpio_regs_add_misc(dev, &pr->misc);
	if (err)
		return err;

	pr->gpiomem.minor = MISC_DYNAMIC_MINOR;
	pr->gpiomem.name = PIGPIO_REGS_GPIOMEM_NAME;
	pr->gpiomem.fops = &pigpio_regs_gpiomem_fops;
	pr->gpiomem.parent = dev;
	pr->gpiomem.mode = 0600;
	err = pigpio_regs_add_misc(dev, &pr->gpiomem);
	if (err)
		return err;

	/* Optional: a missing debugfs costs only the teaching file. */
	pr->debugfs = debugfs_create_dir(PIGPIO_REGS_NAME, NULL);
	debugfs_create_file("mappings", 0400, pr->debugfs, pr,
			    &pigpio_regs_mappings_fops);
	err = devm_add_action_or_reset(dev, pigpio_regs_debugfs_remove,
				       pr->debugfs);
	if (err)
		return err;

	platform_set_drvdata(pdev, pr);
	dev_info(dev, "%s GPIO block at %pa (%s), %u lines, on /dev/%s\n",
		 loc->soc, &loc->phys_base, loc->source, loc->ngpio,
		 PIGPIO_REGS_NAME);
	return 0;
}

static struct platform_driver pigpio_regs_driver = {
	.probe = pigpio_regs_probe,
	.driver = {
		.name = PIGPIO_REGS_NAME,
		/* init below reads the probe's result right after it runs. */
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
};

/* The one device this module creates; only init and exit touch it. */
static struct platform_device *pigpio_regs_pdev;

static int __init pigpio_regs_init(void)
{
	struct pigpio_regs_location loc;
	struct platform_device *pdev;
	int err;

	/* Refuse the load itself, with the reason, when there is no block. */
	err = pigpio_regs_locate(&loc, phys_base_override);
	if (err)
		return err;

	err = platform_driver_register(&pigpio_regs_driver);
	if (err)
		return err;

	pdev = platform_device_register_data(NULL, PIGPIO_REGS_NAME,
					     PLATFORM_DEVID_NONE,
					     &loc, sizeof(loc));
	if (IS_ERR(pdev)) {
		err = PTR_ERR(pdev);
		goto err_unregister_driver;
	}

	/* The driver core clears drvdata when probe fails. */
	if (!platform_get_drvdata(pdev)) {
		err = -ENODEV;
		goto err_unregister_device;
	}

	pigpio_regs_pdev = pdev;
	return 0;

err_unregister_device:
	platform_device_unregister(pdev);
err_unregister_driver:
	platform_driver_unregister(&pigpio_regs_driver);
	return err;
}
module_init(pigpio_regs_init);

static void __exit pigpio_regs_exit(void)
{
	platform_device_unregister(pigpio_regs_pdev);
	platform_driver_unregister(&pigpio_regs_driver);
}
module_exit(pigpio_regs_exit);

MODULE_DESCRIPTION("Unprivileged mmap() of the Raspberry Pi GPIO registers");
MODULE_AUTHOR("pigpio_regs developers");
MODULE_LICENSE("GPL");
