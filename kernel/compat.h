/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few shims pigpio_regs needs to build on older kernels. Each one is
 * switched by a feature test in kernel/Kbuild, never by a version number.
 */
#ifndef PIGPIO_REGS_COMPAT_H
#define PIGPIO_REGS_COMPAT_H

#include <linux/highmem.h>
#include <linux/mm.h>

#ifndef PIGPIO_REGS_HAVE_VM_FLAGS_SET
/* Before 6.3 vma->vm_flags was written directly under mmap_lock. */
static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->vm_flags |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma,
				  vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}
#endif

/*
 * The entry behind @addr of a VM_PFNMAP @vma, with the caller holding the
 * mmap lock; on two-level 32-bit ARM also the hardware's copy of it when
 * the kernel lets us see it (*has_hw). 0, or an error: no entry there.
 * follow_pte(mm, ...) became follow_pte(vma, ...) in 6.10 and gave way to
 * follow_pfnmap_start() in 6.12 (mm/memory.c), which returns the frame
 * and the protection bits rather than the entry itself.
 */
#ifdef PIGPIO_REGS_HAVE_FOLLOW_PFNMAP
static inline int pigpio_regs_user_pte(struct vm_area_struct *vma,
				       unsigned long addr, pte_t *pte,
				       pte_t *hw, bool *has_hw)
{
	struct follow_pfnmap_args args = { .vma = vma, .address = addr };
	int err = follow_pfnmap_start(&args);

	if (err)
		return err;
	*pte = pfn_pte(args.pfn, args.pgprot);
	*has_hw = false;
	follow_pfnmap_end(&args);
	return 0;
}
#else
static inline int pigpio_regs_user_pte(struct vm_area_struct *vma,
				       unsigned long addr, pte_t *pte,
				       pte_t *hw, bool *has_hw)
{
	spinlock_t *ptl;	/* the entry's table lock, taken by follow_pte() */
	pte_t *ptep;
	int err = follow_pte(vma->vm_mm, addr, &ptep, &ptl);

	if (err)
		return err;
	/* For sparse: follow_pte() returned with ptl held. */
	__acquire(ptl);
	*pte = ptep_get(ptep);
#if defined(CONFIG_ARM) && !defined(CONFIG_ARM_LPAE)
	*hw = ptep_get(ptep + PTE_HWTABLE_PTRS);
	*has_hw = true;
#else
	*has_hw = false;
#endif
	pte_unmap_unlock(ptep, ptl);
	return 0;
}
#endif

#endif /* PIGPIO_REGS_COMPAT_H */
