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
 * VM_PFNMAP, so a touch there reaches the fault handler, which says
 * SIGBUS, and no page is ever put there. The RP1's blocks are mapped at
 * fault time, so that they can be revoked when the RP1's PCI function
 * goes (kernel/revoke.c); the BCM block, part of the SoC, at mmap() time.
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/personality.h>
#include <linux/sched.h>
#include <linux/slab.h>
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

/*
 * VM_EXEC that the caller did not ask for: do_mmap() (mm/mmap.c) adds
 * PROT_EXEC to every PROT_READ of a process with READ_IMPLIES_EXEC, which
 * personality(READ_IMPLIES_EXEC) sets and which the ELF loader sets for
 * 32-bit programs with an executable stack (elf_read_implies_exec(),
 * arch/arm/include/asm/elf.h, arch/arm64/include/asm/elf.h for compat
 * tasks). Raspberry Pi's gpiomem maps such processes, so they are mapped
 * here too, without execute. do_mmap() adds it only to PROT_READ, so
 * VM_EXEC without VM_READ was asked for. With the personality, a
 * PROT_READ | PROT_EXEC asked for on purpose looks the same and is mapped
 * without execute as well: the mapping is never executable either way.
 */
static bool pigpio_regs_exec_implied(const struct vm_area_struct *vma)
{
	return (current->personality & READ_IMPLIES_EXEC) &&
	       (vma->vm_flags & (VM_READ | VM_EXEC)) == (VM_READ | VM_EXEC);
}

/*
 * The checks every mapping of any node passes, whatever it maps (the timer
 * node's too, kernel/timer.c).
 */
int pigpio_regs_check_vma(struct vm_area_struct *vma)
{
	/*
	 * A private copy-on-write copy of registers has no meaning. Test
	 * VM_MAYSHARE: a read-only open clears VM_SHARED even for MAP_SHARED.
	 */
	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	/*
	 * mmap_region() (mm/mmap.c) computed vm_page_prot from the flags with
	 * VM_EXEC, and the page tables are filled from vm_page_prot below:
	 * recompute it, or the pages would be executable after all (on arm32
	 * pgprot_noncached() keeps the execute permission; on arm64 it sets
	 * UXN, but the scratch page is plain RAM and keeps vm_page_prot).
	 */
	if (pigpio_regs_exec_implied(vma)) {
		vm_flags_clear(vma, VM_EXEC);
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	}
	/*
	 * Registers are never code, now or after a later mprotect(): without
	 * VM_MAYEXEC, mprotect(PROT_EXEC) is EACCES, and do_mprotect_pkey()
	 * (mm/mprotect.c) adds no PROT_EXEC for READ_IMPLIES_EXEC either.
	 */
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	vm_flags_clear(vma, VM_MAYEXEC);
	/* The VFS already cleared VM_MAYWRITE for read-only opens. */
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &pigpio_regs_vm_ops;
	return 0;
}

/*
 * The RP1's pages are put in the page table here, one page per fault, and
 * never by mmap(): a fault runs after mm has linked the VMA into the
 * driver's address_space, so a revoke (kernel/revoke.c) that zaps that
 * address_space reaches every page this puts anywhere. Inside the read
 * section, a fault after the revoke is SIGBUS, as in the gaps.
 */
static vm_fault_t pigpio_regs_rp1_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct pigpio_regs *pr = vma->vm_private_data;
	const struct pigpio_regs_location *loc = &pr->loc;
	/* The window starts the VMA: the RP1's nodes map only offset 0. */
	unsigned long off = vmf->address - vma->vm_start;
	vm_fault_t ret = VM_FAULT_SIGBUS;
	unsigned int i;
	int idx;

	if (pigpio_regs_enter(pr, &idx))
		i = loc->nblocks;	/* gone: SIGBUS, as in a gap */
	else
		i = 0;
	for (; i < loc->nblocks; i++) {
		unsigned long start = loc->block[i].offset;

		if (off < start || off - start >= loc->block_size)
			continue;
		ret = vmf_insert_pfn_prot(vma, vmf->address & PAGE_MASK,
					  PHYS_PFN(loc->block[i].phys +
						   (off - start)),
					  vma->vm_page_prot);
		break;
	}
	pigpio_regs_leave(pr, idx);
	return ret;
}

static const struct vm_operations_struct pigpio_regs_rp1_vm_ops = {
	.fault = pigpio_regs_rp1_fault,
};

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
	/*
	 * The memory type, chosen per bus. BCM: pgprot_noncached(), what
	 * Raspberry Pi's gpiomem and /dev/mem give these registers
	 * (phys_mem_access_prot() for a page outside RAM, arch/arm64/mm/mmu.c
	 * and arch/arm/mm/mmu.c): Device-nGnRnE on arm64, Strongly-ordered on
	 * arm32, the behaviour existing clients were written against. RP1:
	 * pgprot_device(), Device-nGnRE, what a PCI BAR mapped from sysfs gets
	 * (pci_mmap_resource_range(), drivers/pci/mmap.c) and the type of the
	 * kernel's own ioremap() of the blocks (pinctrl-rp1, and ours): early
	 * write acknowledgment is what PCIe's posted writes do anyway.
	 */
	if (loc->is_rp1) {
		vma->vm_page_prot = pgprot_device(vma->vm_page_prot);
		/* Filled in by pigpio_regs_rp1_fault(), page by page. */
		vma->vm_private_data = pr;
		vma->vm_ops = &pigpio_regs_rp1_vm_ops;
		return 0;
	}
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

static int pigpio_regs_do_mmap(struct pigpio_regs *pr,
			       struct vm_area_struct *vma)
{
	/* The window is the only thing this device maps. */
	if (vma->vm_pgoff != 0)
		return -EINVAL;
	/* The window at most: a longer mapping would promise what is not there. */
	if (vma->vm_end - vma->vm_start > pr->loc.window_size)
		return -EINVAL;
	return pigpio_regs_map_window(pr, vma);
}

int pigpio_regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, misc);
	int idx, err;

	/* A new mapping of a gone RP1 is ENODEV (kernel/revoke.c). */
	err = pigpio_regs_enter(pr, &idx);
	if (!err)
		err = pigpio_regs_do_mmap(pr, vma);
	pigpio_regs_leave(pr, idx);
	return err;
}

/*
 * One open file of the gpiomem-compatible node. misc_open() gives the
 * open the miscdevice in private_data; pigpio_regs_gpiomem_open() puts
 * this there instead, and release frees it. Each VMA holds its file
 * (vm_file) until remove_vma() (mm/mmap.c) has called vm_ops->close and
 * only then fput()s it, so release runs after the close of the file's last
 * mapping: nothing frees this under a live mapping, and the count below is
 * back to 0 by then. @pr lives until the module goes, which the file
 * prevents (fops.owner).
 */
struct pigpio_regs_gpiomem_file {
	struct pigpio_regs *pr;
	atomic_t scratch;	/* scratch VMAs of this file alive now */
};

int pigpio_regs_gpiomem_open(struct inode *inode, struct file *file)
{
	struct pigpio_regs *pr = container_of(file->private_data,
					      struct pigpio_regs, gpiomem);
	struct pigpio_regs_gpiomem_file *gf;
	int err;

	err = pigpio_regs_attach(pr, file);
	if (err)
		return err;
	/* Charged to the opener's memory cgroup, as the struct file is. */
	gf = kzalloc(sizeof(*gf), GFP_KERNEL_ACCOUNT);
	if (!gf)
		return -ENOMEM;
	gf->pr = pr;
	file->private_data = gf;
	return 0;
}

int pigpio_regs_gpiomem_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/*
 * The count of a file's scratch VMAs follows the VMAs: mmap counts the
 * new one, vm_ops->open each copy mm makes of it (fork's dup_mmap(), the
 * new VMA of an mremap() move, mm/mremap.c copy_vma()), ->close each
 * one that goes (munmap, exit, and the old VMA of a move). A fork copy
 * cannot be refused (->open returns nothing), so the count may pass the
 * bound after a fork; only new mappings are refused.
 */
static void pigpio_regs_scratch_open(struct vm_area_struct *vma)
{
	struct pigpio_regs_gpiomem_file *gf = vma->vm_private_data;

	atomic_inc(&gf->scratch);
}

static void pigpio_regs_scratch_close(struct vm_area_struct *vma)
{
	struct pigpio_regs_gpiomem_file *gf = vma->vm_private_data;

	atomic_dec(&gf->scratch);
}

static const struct vm_operations_struct pigpio_regs_scratch_vm_ops = {
	.open = pigpio_regs_scratch_open,
	.close = pigpio_regs_scratch_close,
	.fault = pigpio_regs_fault,
};

/*
 * A zeroed page of RAM of this mapping's own, for an offset where a client
 * expects another peripheral: its stores land there and nowhere else, and
 * no other mapping or process sees them (a forked child shares its
 * parent's, as for any shared mapping).
 *
 * What a gpio member can take this way is bounded twice: the page is
 * charged to the caller's memory cgroup (GFP_KERNEL_ACCOUNT, as io_uring
 * charges the ring pages it maps into user space, io_uring/memmap.c), so
 * memory.max holds, and one open file holds at most
 * PIGPIO_REGS_GPIOMEM_SCRATCH_MAX scratch mappings at a time (ENOMEM after
 * that, as mm says ENOMEM at vm.max_map_count), so a process without a
 * memory limit needs a descriptor per few pages and meets RLIMIT_NOFILE.
 * WiringPi's setup maps four scratch offsets through one descriptor. The
 * count follows mappings, not pages: a page pinned elsewhere (vmsplice()
 * into a pipe) outlives its mapping, still charged to the cgroup.
 */
static int pigpio_regs_map_scratch(struct pigpio_regs_gpiomem_file *gf,
				   struct vm_area_struct *vma)
{
	struct page *page;
	int err;

	if (vma->vm_end - vma->vm_start > PIGPIO_REGS_WINDOW_SIZE)
		return -EINVAL;
	err = pigpio_regs_check_vma(vma);
	if (err)
		return err;
	if (atomic_inc_return(&gf->scratch) > PIGPIO_REGS_GPIOMEM_SCRATCH_MAX) {
		err = -ENOMEM;
		goto err_uncount;
	}
	page = alloc_page(GFP_KERNEL_ACCOUNT | __GFP_ZERO);
	if (!page) {
		err = -ENOMEM;
		goto err_uncount;
	}
	/* The zeroes must be in memory before a differently coloured alias. */
	flush_dcache_page(page);
	err = vm_insert_page(vma, vma->vm_start, page);
	/* On success the page table holds the page; it goes with the mapping. */
	put_page(page);
	if (err)
		goto err_uncount;
	/*
	 * Counted from here on: ->close runs for this VMA whenever it goes,
	 * including a failure later in mmap_region(), which closes a VMA
	 * whose ->mmap succeeded. Before here a failure returns from ->mmap,
	 * after which mm calls no vm_ops of this VMA (it is freed, not
	 * closed): undo the count here instead.
	 */
	vma->vm_private_data = gf;
	vma->vm_ops = &pigpio_regs_scratch_vm_ops;
	return 0;

err_uncount:
	atomic_dec(&gf->scratch);
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
	struct pigpio_regs_gpiomem_file *gf = file->private_data;
	struct pigpio_regs *pr = gf->pr;

	if (pr->loc.is_rp1) {
		int idx, err;

		if (vma->vm_pgoff)
			return -EINVAL;
		err = pigpio_regs_enter(pr, &idx);
		if (!err)
			err = pigpio_regs_map_window(pr, vma);
		pigpio_regs_leave(pr, idx);
		return err;
	}
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
		return pigpio_regs_map_scratch(gf, vma);
	default:
		return -EINVAL;
	}
}
