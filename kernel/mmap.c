// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: every check on the way from mmap() to the GPIO page.
 *
 * Two nodes map the same page:
 *  - /dev/pigpio_regs is strict: offset 0 and at most one page.
 *  - /dev/pigpio_gpiomem behaves like the Raspberry Pi kernel's gpiomem for
 *    existing clients that ask for more: any length at offset 0, the page
 *    mapped at the start and the rest left unbacked, so a touch there is
 *    SIGBUS and never reaches anything else.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pigpio_regs.h>

#include "compat.h"
#include "pigpio_regs.h"

/* Nothing but the window is backed: a fault anywhere else is SIGBUS. */
static vm_fault_t pigpio_regs_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

/*
 * With vm_ops set the VMA is never taken for anonymous memory, so even a
 * read-only open (which clears VM_SHARED) cannot fault in a RAM page.
 */
static const struct vm_operations_struct pigpio_regs_vm_ops = {
	.fault = pigpio_regs_fault,
};

static int pigpio_regs_map_window(struct pigpio_regs *pr,
				  struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;

	/* The window is the only thing either node maps. */
	if (vma->vm_pgoff != 0)
		return -EINVAL;
	/*
	 * A private copy-on-write copy of registers has no meaning. Test
	 * VM_MAYSHARE: a read-only open clears VM_SHARED even for MAP_SHARED.
	 */
	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	/* Registers are never code, now or after a later mprotect(). */
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYEXEC);

	/* The VFS already cleared VM_MAYWRITE for read-only opens. */
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_ops = &pigpio_regs_vm_ops;

	return io_remap_pfn_range(vma, vma->vm_start,
				  PHYS_PFN(pr->loc.phys_base),
				  min_t(unsigned long, len,
					PIGPIO_REGS_WINDOW_SIZE),
				  vma->vm_page_prot);
}

int pigpio_regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, misc);

	/* One page at most: a longer mapping would promise what is not there. */
	if (vma->vm_end - vma->vm_start > PIGPIO_REGS_WINDOW_SIZE)
		return -EINVAL;
	return pigpio_regs_map_window(pr, vma);
}

int pigpio_regs_gpiomem_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, gpiomem);

	return pigpio_regs_map_window(pr, vma);
}
