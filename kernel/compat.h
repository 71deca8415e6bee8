/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The few shims pigpio_regs needs to build on older kernels. Each one is
 * switched by a feature test in kernel/Kbuild, never by a version number.
 */
#ifndef PIGPIO_REGS_COMPAT_H
#define PIGPIO_REGS_COMPAT_H

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

#endif /* PIGPIO_REGS_COMPAT_H */
