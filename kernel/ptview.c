// SPDX-License-Identifier: GPL-2.0-only
/*
 * pigpio_regs: the root-only page-table view (debugfs "page_tables"), for
 * teaching. It prints, read from the live page tables, the entry behind
 * every page the reading process has mapped from the device, and the entry
 * behind the driver's own ioremap() of the same blocks: virtual address,
 * page frame number, memory type, access and execute-never bits.
 *
 * The caller's mapping is in its own tables (arm64: TTBR0_EL1), found with
 * follow_pte() (6.1) or follow_pfnmap_start() (6.10 and later: compat.h),
 * under the caller's mmap lock, as those functions require.
 *
 * The ioremap() address is a kernel virtual address (the vmalloc area).
 * init_mm is not exported to modules, so its tables are reached the way
 * the MMU reaches them. arm64: TTBR1_EL1, which holds swapper_pg_dir for
 * every process. 32-bit ARM: the kernel's entries sit above PAGE_OFFSET
 * in every process's own tables (the vmalloc area's first-level entries
 * are copied from init_mm at the switch to a process, check_vmalloc_seq()
 * in arch/arm/include/asm/mmu_context.h), so the reader's tables are
 * walked. The walk is read-only and takes no lock: the entries it reads
 * belong to the driver's own mapping, which lives until the module is
 * unloaded, and the tables holding them cannot be freed while an entry in
 * them is in use. Each table it steps into must be a page of RAM in the
 * linear map (pfn_valid() and virt_addr_valid()), or the walk stops and
 * says where; a block (section) mapping is reported and not descended.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/seq_file.h>

#include "compat.h"
#include "pigpio_regs.h"

/* At most this many pages of each mapping are shown (RP1: 48). */
#define PIGPIO_REGS_PTVIEW_PAGES	64

#if defined(CONFIG_ARM64)
#define PIGPIO_REGS_USER_TABLES "TTBR0_EL1: this process's own"

/* What a MAIR_EL1 attribute byte means (Arm ARM D17.2.97 MAIR_EL1). */
static const char *pigpio_regs_mair_name(u8 attr)
{
	switch (attr) {
	case 0x00:
		return "Device-nGnRnE";
	case 0x04:
		return "Device-nGnRE";
	case 0x08:
		return "Device-nGRE";
	case 0x0c:
		return "Device-GRE";
	case 0x44:
		return "Normal non-cacheable";
	case 0xf0:
		return "Normal write-back, tagged";
	case 0xff:
		return "Normal write-back";
	default:
		return "other";
	}
}

/* The kernel's names for the indexes it programs (asm/memory.h). */
static const char *pigpio_regs_mt_name(unsigned int idx)
{
	switch (idx) {
	case MT_NORMAL:
		return "MT_NORMAL";
	case MT_NORMAL_TAGGED:
		return "MT_NORMAL_TAGGED";
	case MT_NORMAL_NC:
		return "MT_NORMAL_NC";
	case MT_DEVICE_nGnRnE:
		return "MT_DEVICE_nGnRnE";
	case MT_DEVICE_nGnRE:
		return "MT_DEVICE_nGnRE";
	default:
		return "unnamed";
	}
}

/*
 * A stage 1 page descriptor (Arm ARM D8.3): AttrIndx[2:0] in bits 4:2
 * picks a byte of MAIR_EL1; AP[2:1] in bits 7:6 (AP[1]: EL0 may access,
 * AP[2]: read-only); PXN and UXN in bits 53 and 54. Linux's software
 * PTE_WRITE is the hardware DBM bit (51): a writable page starts with
 * AP[2] set and the first store clears it (pte_mkdirty()).
 */
static void pigpio_regs_show_pte(struct seq_file *s, pte_t pte, pte_t *hw)
{
	u64 v = pte_val(pte);
	unsigned int idx = (v & PTE_ATTRINDX_MASK) >> 2;
	u8 attr = read_sysreg(mair_el1) >> (8 * idx);
	bool user = v & PTE_USER, rdonly = v & PTE_RDONLY;

	seq_printf(s, "  pte: 0x%016llx\n", v);
	seq_printf(s, "  type: %s\n", pigpio_regs_mair_name(attr));
	seq_printf(s, "  index: AttrIndx %u %s\n", idx, pigpio_regs_mt_name(idx));
	seq_printf(s, "  mair: MAIR_EL1 byte %u: 0x%02x\n", idx, attr);
	seq_printf(s, "  access: %s %s (AP[2:1] %u%u)\n",
		   user ? "EL0+EL1" : "EL1 only", rdonly ? "ro" : "rw",
		   rdonly, user);
	if (v & PTE_DBM)
		seq_printf(s, "  write: DBM 1: %s\n",
			   rdonly ? "ro until first store" : "writable now");
	else
		seq_puts(s, "  write: DBM 0\n");
	if ((v & PTE_UXN) && (v & PTE_PXN))
		seq_puts(s, "  execute: never (UXN 1, PXN 1)\n");
	else
		seq_printf(s, "  execute: UXN %u, PXN %u\n", !!(v & PTE_UXN),
			   !!(v & PTE_PXN));
}

/* The root of the kernel's half: TTBR1_EL1's base address (D17.2.145). */
static pgd_t *pigpio_regs_kernel_pgd(struct seq_file *s)
{
	u64 ttbr = read_sysreg(ttbr1_el1);
	phys_addr_t phys = ttbr & GENMASK_ULL(47, 6);

	/* 52-bit physical addresses keep bits 51:48 in 5:2 (phys_to_ttbr()). */
	if (IS_ENABLED(CONFIG_ARM64_PA_BITS_52))
		phys |= (ttbr & GENMASK_ULL(5, 2)) << 46;
	seq_puts(s, "  tables: TTBR1_EL1: swapper_pg_dir\n");
	if (!pfn_valid(PHYS_PFN(phys)))
		return NULL;
	return __va(phys);
}
#elif defined(CONFIG_ARM)
#define PIGPIO_REGS_USER_TABLES "this process's own (TTBR0)"

static const struct {
	pteval_t mt;
	const char *name;
	const char *type;
} pigpio_regs_arm_mt[] = {
	{ L_PTE_MT_UNCACHED, "L_PTE_MT_UNCACHED", "Strongly-ordered" },
	{ L_PTE_MT_BUFFERABLE, "L_PTE_MT_BUFFERABLE", "Normal non-cacheable" },
	{ L_PTE_MT_WRITETHROUGH, "L_PTE_MT_WRITETHROUGH", "Normal write-through" },
	{ L_PTE_MT_WRITEBACK, "L_PTE_MT_WRITEBACK", "Normal write-back" },
	{ L_PTE_MT_WRITEALLOC, "L_PTE_MT_WRITEALLOC", "Normal write-alloc" },
	{ L_PTE_MT_DEV_SHARED, "L_PTE_MT_DEV_SHARED", "Device (shared)" },
	{ L_PTE_MT_DEV_NONSHARED, "L_PTE_MT_DEV_NONSHARED", "Device (non-shared)" },
	{ L_PTE_MT_DEV_WC, "L_PTE_MT_DEV_WC", "Normal non-cacheable" },
	{ L_PTE_MT_DEV_CACHED, "L_PTE_MT_DEV_CACHED", "Normal write-back" },
};

/*
 * Linux's own PTE (arch/arm/include/asm/pgtable-2level.h, -3level.h):
 * the memory type in L_PTE_MT_*, L_PTE_USER, L_PTE_RDONLY, L_PTE_XN. With
 * two-level tables the hardware keeps its own copy of each entry, written
 * by set_pte_ext() in the second half of the same page (PTE_HWTABLE_OFF):
 * a small page descriptor with XN (bit 0), B (2), C (3), AP[1:0] (5:4),
 * TEX[2:0] (8:6) and AP[2] (9) (Arm ARM B3.5.1). On ARMv7 Linux turns TEX
 * remapping on, and TEX[0], C and B then index PRRR and NMRR.
 */
static void pigpio_regs_show_pte(struct seq_file *s, pte_t pte, pte_t *hw)
{
	u64 v = pte_val(pte);
	pteval_t mt = pte_val(pte) & L_PTE_MT_MASK;
	const char *name = "unnamed", *type = "other";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pigpio_regs_arm_mt); i++)
		if (pigpio_regs_arm_mt[i].mt == mt) {
			name = pigpio_regs_arm_mt[i].name;
			type = pigpio_regs_arm_mt[i].type;
			break;
		}
	seq_printf(s, "  pte: 0x%08llx\n", v);
	seq_printf(s, "  type: %s\n", type);
	seq_printf(s, "  index: %s\n", name);
	if (hw) {
		u32 h = pte_val(*hw);

		seq_printf(s, "  hwpte: 0x%08x\n", h);
		seq_printf(s, "  hardware: TEX %u%u%u C %u B %u AP %u%u%u XN %u\n",
			   !!(h & BIT(8)), !!(h & BIT(7)), !!(h & BIT(6)),
			   !!(h & BIT(3)), !!(h & BIT(2)), !!(h & BIT(9)),
			   !!(h & BIT(5)), !!(h & BIT(4)), !!(h & BIT(0)));
	}
	seq_printf(s, "  access: %s %s\n",
		   (v & L_PTE_USER) ? "user+kernel" : "kernel only",
		   (v & L_PTE_RDONLY) ? "ro" : "rw");
	seq_printf(s, "  execute: %s\n",
		   (v & L_PTE_XN) ? "never (XN 1)" : "allowed (XN 0)");
}

static pgd_t *pigpio_regs_kernel_pgd(struct seq_file *s)
{
	seq_puts(s, "  tables: this process's, above PAGE_OFFSET\n");
	return current->mm ? current->mm->pgd : NULL;
}
#else
#define PIGPIO_REGS_USER_TABLES "this process's own"

static void pigpio_regs_show_pte(struct seq_file *s, pte_t pte, pte_t *hw)
{
	seq_printf(s, "  pte: %#llx (not decoded on this architecture)\n",
		   (u64)pte_val(pte));
}

static pgd_t *pigpio_regs_kernel_pgd(struct seq_file *s)
{
	seq_puts(s, "  tables: not walked on this architecture\n");
	return NULL;
}
#endif

/* The hardware copy of a two-level ARM entry, in the same table page. */
static pte_t *pigpio_regs_hw_pte(pte_t *ptep)
{
#if defined(CONFIG_ARM) && !defined(CONFIG_ARM_LPAE)
	return ptep + PTE_HWTABLE_PTRS;
#else
	return NULL;
#endif
}

/* May the walk step into the table at this kernel address? */
static bool pigpio_regs_table_ok(const void *table)
{
	return virt_addr_valid(table);
}

/*
 * One page of the driver's ioremap(), from the root @pgd down. Only what
 * is safely readable: a level that is empty, bad or outside the linear
 * map ends the walk with a line saying which.
 */
static void pigpio_regs_walk_kernel(struct seq_file *s, pgd_t *pgd,
				    unsigned long addr)
{
	pgd_t *pgdp;
	p4d_t *p4dp;
	pud_t *pudp;
	pmd_t *pmdp;
	pmd_t pmd;
	pte_t *ptep;
	pte_t pte;

	if (!pgd || !pigpio_regs_table_ok(pgd)) {
		seq_puts(s, "  walk: the root table is not in the linear map\n");
		return;
	}
	pgdp = pgd_offset_pgd(pgd, addr);
	if (pgd_none(*pgdp) || pgd_bad(*pgdp)) {
		seq_puts(s, "  walk: no table at the first level\n");
		return;
	}
	p4dp = p4d_offset(pgdp, addr);
	if (!pigpio_regs_table_ok(p4dp) || p4d_none(*p4dp) || p4d_bad(*p4dp)) {
		seq_puts(s, "  walk: no table at the p4d level\n");
		return;
	}
	pudp = pud_offset(p4dp, addr);
	if (!pigpio_regs_table_ok(pudp) || pud_none(*pudp) || pud_bad(*pudp)) {
		seq_puts(s, "  walk: no table at the pud level (or a block mapping)\n");
		return;
	}
	pmdp = pmd_offset(pudp, addr);
	pmd = READ_ONCE(*pmdp);
	if (!pigpio_regs_table_ok(pmdp) || pmd_none(pmd)) {
		seq_puts(s, "  walk: no table at the pmd level (not yet copied into this process)\n");
		return;
	}
	if (pmd_leaf(pmd) || pmd_bad(pmd)) {
		seq_printf(s, "  walk: a block (section) mapping at the pmd level: %#llx\n",
			   (u64)pmd_val(pmd));
		return;
	}
	ptep = pte_offset_kernel(pmdp, addr);
	if (!pigpio_regs_table_ok(ptep)) {
		seq_puts(s, "  walk: the last-level table is not in the linear map\n");
		return;
	}
	pte = ptep_get(ptep);
	if (!pte_present(pte)) {
		seq_puts(s, "  walk: no entry\n");
		return;
	}
	seq_printf(s, "  pfn: %#llx\n", (u64)pte_pfn(pte));
	pigpio_regs_show_pte(s, pte, pigpio_regs_hw_pte(ptep));
}

static void pigpio_regs_show_kernel(struct seq_file *s, struct pigpio_regs *pr)
{
	unsigned long pages = PAGE_ALIGN(pr->loc.block_size) >> PAGE_SHIFT;
	unsigned long i, n = 0;
	unsigned int b;

	for (b = 0; b < pr->loc.nblocks; b++)
		for (i = 0; i < pages && n < PIGPIO_REGS_PTVIEW_PAGES; i++, n++) {
			unsigned long addr = (unsigned long)pr->regs[b] +
					     i * PAGE_SIZE;

			seq_printf(s, "kernel ioremap block %u page %lu\n", b, i);
			seq_printf(s, "  va: 0x%pK\n", (void *)addr);
			pigpio_regs_walk_kernel(s, pigpio_regs_kernel_pgd(s), addr);
		}
}

/* Is @vma a mapping of one of this device's nodes? Which one? */
static const char *pigpio_regs_vma_node(struct pigpio_regs *pr,
					struct vm_area_struct *vma)
{
	dev_t rdev;

	if (!vma->vm_file)
		return NULL;
	rdev = file_inode(vma->vm_file)->i_rdev;
	if (rdev == MKDEV(MISC_MAJOR, pr->misc.minor))
		return pr->misc.name;
	if (pr->has_gpiomem && rdev == MKDEV(MISC_MAJOR, pr->gpiomem.minor))
		return pr->gpiomem.name;
	return NULL;
}

/* Every page of every mapping of the device in the reader's own tables. */
static int pigpio_regs_show_user(struct seq_file *s, struct pigpio_regs *pr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long n = 0;
	int err;

	if (!mm)
		return 0;
	err = mmap_read_lock_killable(mm);
	if (err)
		return err;
	{
		VMA_ITERATOR(vmi, mm, 0);

		for_each_vma(vmi, vma) {
			const char *node = pigpio_regs_vma_node(pr, vma);
			unsigned long addr, holes = 0;

			if (!node)
				continue;
			for (addr = vma->vm_start; addr < vma->vm_end &&
			     n < PIGPIO_REGS_PTVIEW_PAGES; addr += PAGE_SIZE) {
				pte_t pte, hw;
				bool has_hw;

				if (pigpio_regs_user_pte(vma, addr, &pte, &hw,
							 &has_hw)) {
					holes++;
					continue;
				}
				seq_printf(s, "user /dev/%s pid %d\n", node,
					   task_pid_nr(current));
				seq_printf(s, "  va: %#lx\n", addr);
				seq_printf(s, "  tables: %s\n", PIGPIO_REGS_USER_TABLES);
				seq_printf(s, "  pfn: %#llx\n", (u64)pte_pfn(pte));
				pigpio_regs_show_pte(s, pte, has_hw ? &hw : NULL);
				n++;
			}
			if (holes)
				seq_printf(s, "user /dev/%s: %lu pages of %#lx-%#lx have no entry (not touched yet, or never backed: SIGBUS)\n",
					   node, holes, vma->vm_start, vma->vm_end);
		}
	}
	mmap_read_unlock(mm);
	if (!n)
		seq_puts(s, "user: this process has no page of the device mapped\n");
	return 0;
}

static int pigpio_regs_ptview_show(struct seq_file *s, void *unused)
{
	struct pigpio_regs *pr = s->private;
	int err = pigpio_regs_show_user(s, pr);

	if (err)
		return err;
	pigpio_regs_show_kernel(s, pr);
	return 0;
}

static int pigpio_regs_ptview_open(struct inode *inode, struct file *file)
{
	return single_open(file, pigpio_regs_ptview_show, inode->i_private);
}

const struct file_operations pigpio_regs_ptview_fops = {
	.owner		= THIS_MODULE,
	.open		= pigpio_regs_ptview_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
};
