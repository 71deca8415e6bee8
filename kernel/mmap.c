// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: every check on the way from mmap() to the GPIO page.
 *
 * Two nodes map the same window:
 *  - /dev/pigpio_regs is strict: offset 0 and at most the window (one
 *    page; on the RP1 0x30000 bytes).
 *  - /dev/pigpio_gpiomem behaves like the Raspberry Pi kernel's gpiomem for
 *    existing clients, which pass offsets and lengths of their own (see
 *    pigpio_regs_gpiomem_mmap()). Whatever they pass, the only hardware
 *    either node ever maps is the GPIO page (on the RP1: its three blocks).
 *
 * The RP1's window holds IO_BANK0 at 0, SYS_RIO0 at 0x10000 and PADS_BANK0
 * at 0x20000, 0xc000 bytes each. Each block is mapped on its own physical
 * pages; the 0x4000 bytes after each are never mapped: the VMA is
 * VM_PFNMAP, so a touch there reaches pigpio_regs_fault(), which says
 * SIGBUS, and no page is ever put there.
 */
#include <linux/fs.h>
#include <linux/highmem.h>
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

/* The checks every mapping of either node passes, whatever it maps. */
static int pigpio_regs_check_vma(struct vm_area_struct *vma)
{
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
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &pigpio_regs_vm_ops;
	return 0;
}

/*
 * The window at the start of @vma, whatever offset it was asked at: each
 * block's pages at the block's window offset, as far as @vma reaches.
 * Nothing else is mapped: the rest of @vma faults (SIGBUS). A failure
 * part-way is undone by mmap() itself, which unmaps the whole VMA.
 */
static int pigpio_regs_map_window(struct pigpio_regs *pr,
				  struct vm_area_struct *vma)
{
	const struct pigpio_regs_location *loc = &pr->loc;
	unsigned long len = vma->vm_end - vma->vm_start;
	/* BCM: the one page that holds the block. */
	unsigned long block_len = PAGE_ALIGN(loc->block_size);
	int err = pigpio_regs_check_vma(vma);
	unsigned int i;

	if (err)
		return err;
	vm_flags_set(vma, VM_IO | VM_PFNMAP);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	for (i = 0; i < loc->nblocks && loc->block[i].offset < len; i++) {
		unsigned long off = loc->block[i].offset;

		err = io_remap_pfn_range(vma, vma->vm_start + off,
					 PHYS_PFN(loc->block[i].phys),
					 min(len - off, block_len),
					 vma->vm_page_prot);
		if (err)
			return err;
	}
	return 0;
}

int pigpio_regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, misc);

	/* The window is the only thing this device maps. */
	if (vma->vm_pgoff != 0)
		return -EINVAL;
	/* The window at most: a longer mapping would promise what is not there. */
	if (vma->vm_end - vma->vm_start > pr->loc.window_size)
		return -EINVAL;
	return pigpio_regs_map_window(pr, vma);
}

/*
 * A zeroed page of RAM of this mapping's own, for an offset where a client
 * expects another peripheral: its stores land there and nowhere else, and
 * no other mapping or process sees them.
 */
static int pigpio_regs_map_scratch(struct vm_area_struct *vma)
{
	struct page *page;
	int err;

	if (vma->vm_end - vma->vm_start > PIGPIO_REGS_WINDOW_SIZE)
		return -EINVAL;
	err = pigpio_regs_check_vma(vma);
	if (err)
		return err;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return -ENOMEM;
	/* The zeroes must be in memory before a differently coloured alias. */
	flush_dcache_page(page);
	err = vm_insert_page(vma, vma->vm_start, page);
	/* On success the page table holds the page; it goes with the mapping. */
	put_page(page);
	return err;
}

/*
 * The offsets existing gpiomem clients pass, relative to a peripheral base
 * they take to be 0 on this node (WiringPi's setup, wiringPi.c):
 */
#define GPIOMEM_GPIO	PIGPIO_REGS_GPIOMEM_GPIO /* the GPIO block (RPi.GPIO: 0) */
#define GPIOMEM_TIMER	0x00b000	/* WiringPi: system timer, written at setup */
#define GPIOMEM_PADS	0x100000	/* WiringPi: pad control */
#define GPIOMEM_CLOCK	0x101000	/* WiringPi: clock manager */
#define GPIOMEM_PWM	0x20c000	/* WiringPi: PWM */

/*
 * Raspberry Pi's gpiomem driver ignores the offset and maps the GPIO page
 * everywhere; this node maps the GPIO page at offset 0 and at the GPIO
 * block's own offset, a scratch page at the other offsets clients are known
 * to pass, and refuses the rest (docs/existing-clients.md says why).
 * Any length is accepted for the GPIO page: the window is mapped at the
 * start and the rest is unbacked (SIGBUS).
 *
 * On the RP1 the node is Raspberry Pi's /dev/gpiomem0 instead: the 0x30000
 * window at offset 0 (any length, as above, with the gaps between the
 * blocks unbacked too). The other offsets name BCM peripherals the RP1
 * does not have: EINVAL.
 */
int pigpio_regs_gpiomem_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, gpiomem);

	if (pr->loc.is_rp1)
		return vma->vm_pgoff ? -EINVAL : pigpio_regs_map_window(pr, vma);
	if (vma->vm_pgoff > ULONG_MAX >> PAGE_SHIFT)
		return -EINVAL;
	switch (vma->vm_pgoff << PAGE_SHIFT) {
	case 0:
	case GPIOMEM_GPIO:
		return pigpio_regs_map_window(pr, vma);
	case GPIOMEM_TIMER:
	case GPIOMEM_PADS:
	case GPIOMEM_CLOCK:
	case GPIOMEM_PWM:
		return pigpio_regs_map_scratch(vma);
	default:
		return -EINVAL;
	}
}
