// SPDX-License-Identifier: GPL-2.0-only
/*
 * The `explain` verb: how one GPIO register has a bus address, a CPU
 * physical address, a kernel virtual address and a user virtual address,
 * and why a load from user space reaches it with no system call.
 *
 * Everything printed is read from the running system; nothing is assumed.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "devtree.h"
#include "explain.h"

#define GPLEV0 0x34
#define DT_PATH_MAX 512
#define DT_PROP_MAX 512

/* A device-tree property: its bytes, big-endian cells. */
struct dt_prop {
	unsigned char data[DT_PROP_MAX];
	size_t len;
};

static bool dt_read(const char *node, const char *name, struct dt_prop *p)
{
	char path[DT_PATH_MAX + 64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", node, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, p->data, sizeof(p->data));
	close(fd);
	if (n < 0)
		return false;
	p->len = (size_t)n;
	return true;
}

/* #address-cells or #size-cells of node, with the spec's defaults. */
static unsigned dt_ncells(const char *node, const char *name, unsigned dflt)
{
	struct dt_prop p;

	if (!dt_read(node, name, &p))
		return dflt;
	return devtree_ncells(p.data, p.len, dflt);
}

/* Is one of the NUL-separated strings of node's compatible equal to s? */
static bool dt_compatible(const char *node, const char *s)
{
	struct dt_prop p;
	size_t pos = 0;

	if (!dt_read(node, "compatible", &p))
		return false;
	while (pos < p.len) {
		const char *c = (const char *)p.data + pos;
		size_t n = strnlen(c, p.len - pos);

		if (n == strlen(s) && memcmp(c, s, n) == 0)
			return true;
		pos += n + 1;
	}
	return false;
}

/* Depth-first search below dir for the GPIO controller node. */
static bool dt_find_gpio(const char *dir, char *found, size_t size, int depth)
{
	struct dirent *e;
	bool ok = false;
	DIR *d;

	if (dt_compatible(dir, "brcm,bcm2835-gpio") ||
	    dt_compatible(dir, "brcm,bcm2711-gpio")) {
		snprintf(found, size, "%s", dir);
		return true;
	}
	if (depth > 3)
		return false;
	d = opendir(dir);
	if (!d)
		return false;
	while (!ok && (e = readdir(d))) {
		char sub[DT_PATH_MAX];

		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir,
				     e->d_name) >= sizeof(sub))
			continue;
		ok = dt_find_gpio(sub, found, size, depth + 1);
	}
	closedir(d);
	return ok;
}

static void parent_of(const char *node, char *parent, size_t size)
{
	char *slash;

	snprintf(parent, size, "%s", node);
	slash = strrchr(parent, '/');
	if (slash)
		*slash = '\0';
}

/* The ranges entry an address went through. */
static void print_range(const char *bus, const struct devtree_range *r)
{
	printf("  %s ranges: bus 0x%" PRIx64 "-0x%" PRIx64 " -> parent 0x%"
	       PRIx64 "\n", bus, r->child, r->child + r->size - 1, r->parent);
}

/*
 * Translate addr, an address on the bus of node's parent, through the
 * "ranges" of every ancestor up to dt_root. Prints each step.
 */
static bool dt_translate(const char *dt_root, const char *node, uint64_t *addr)
{
	char bus[DT_PATH_MAX], up[DT_PATH_MAX];

	parent_of(node, bus, sizeof(bus));
	while (strcmp(bus, dt_root) != 0 && strlen(bus) > strlen(dt_root)) {
		const char *name = bus + strlen(dt_root);
		struct devtree_bus cells;
		struct devtree_range hit;
		struct dt_prop ranges;
		uint64_t from = *addr;
		bool present;

		cells.addr_cells = dt_ncells(bus, "#address-cells",
					     DEVTREE_ADDRESS_CELLS_DEFAULT);
		cells.size_cells = dt_ncells(bus, "#size-cells",
					     DEVTREE_SIZE_CELLS_DEFAULT);
		parent_of(bus, up, sizeof(up));
		cells.parent_addr_cells = dt_ncells(up, "#address-cells",
						    DEVTREE_ADDRESS_CELLS_DEFAULT);
		present = dt_read(bus, "ranges", &ranges);
		switch (devtree_translate(present ? ranges.data : NULL,
					  present ? ranges.len : 0, &cells,
					  addr, &hit)) {
		case DEVTREE_RANGES_ABSENT:
			return false;	/* no ranges: not translatable */
		case DEVTREE_RANGES_EMPTY:
			printf("  %s: empty ranges, addresses pass through unchanged\n",
			       name);
			break;
		case DEVTREE_RANGES_MALFORMED:
			printf("  %s ranges: %zu bytes, not whole entries of %u+%u+%u cells: cannot translate\n",
			       name, ranges.len, cells.addr_cells,
			       cells.parent_addr_cells, cells.size_cells);
			return false;
		case DEVTREE_RANGES_NO_ENTRY:
			return false;
		case DEVTREE_RANGES_TRANSLATED:
			print_range(name, &hit);
			printf("    0x%" PRIx64 " - 0x%" PRIx64 " + 0x%" PRIx64
			       " = 0x%" PRIx64 "\n", from, hit.child, hit.parent,
			       *addr);
			break;
		case DEVTREE_RANGES_OVERFLOW:
			print_range(name, &hit);
			printf("    0x%" PRIx64 " - 0x%" PRIx64 " + 0x%" PRIx64
			       " does not fit %u address cells: cannot translate\n",
			       from, hit.child, hit.parent,
			       cells.parent_addr_cells);
			return false;
		}
		snprintf(bus, sizeof(bus), "%s", up);
	}
	return true;
}

static void explain_device_tree(const struct pgr_chip *chip,
				const char *dt_root)
{
	char node[DT_PATH_MAX], parent[DT_PATH_MAX];
	struct dt_prop reg;
	uint64_t bus, size, cpu;
	size_t pos = 0;

	printf("1. The device tree: where the hardware is, as the bus sees it\n");
	if (!dt_find_gpio(dt_root, node, sizeof(node), 0) ||
	    !dt_read(node, "reg", &reg)) {
		printf("  no GPIO controller node under %s (no device tree here,\n"
		       "  or the driver was given its address with phys_base=)\n\n",
		       dt_root);
		return;
	}
	parent_of(node, parent, sizeof(parent));
	bus = devtree_cells(reg.data, reg.len, &pos,
			    dt_ncells(parent, "#address-cells",
				      DEVTREE_ADDRESS_CELLS_DEFAULT));
	size = devtree_cells(reg.data, reg.len, &pos,
			     dt_ncells(parent, "#size-cells",
				       DEVTREE_SIZE_CELLS_DEFAULT));
	printf("  node %s\n", node);
	printf("  reg: VideoCore bus address 0x%" PRIx64 ", 0x%" PRIx64
	       " bytes\n", bus, size);
	cpu = bus;
	if (dt_translate(dt_root, node, &cpu))
		printf("  => CPU physical address 0x%" PRIx64 " (%s the driver's phys_base)\n",
		       cpu, cpu == pgr_chip_phys_base(chip) ? "equals" : "DIFFERS FROM");
	else
		printf("  no ranges translate it\n");
	printf("\n");
}

static void explain_driver(const struct pgr_chip *chip,
			   const char *debugfs_file)
{
	char line[128];
	FILE *f;

	printf("2. The driver: one physical page, and its own kernel mapping\n");
	printf("  phys_base 0x%llx, bus_base 0x%llx (from sysfs, readable by anyone)\n",
	       pgr_chip_phys_base(chip), pgr_chip_bus_base(chip));
	printf("  window: %zu bytes (one page) holding %zu bytes of registers\n",
	       pgr_chip_window_size(chip), pgr_chip_block_size(chip));
	f = fopen(debugfs_file, "r");
	if (!f) {
		printf("  kernel virtual address of its ioremap(): hidden (%s: %s);\n"
		       "  only root may see kernel addresses, which KASLR keeps secret\n",
		       debugfs_file, strerror(errno));
	} else {
		while (fgets(line, sizeof(line), f))
			if (strncmp(line, "kernel_virtual: ", 16) == 0)
				printf("  kernel virtual address of its ioremap(): %s",
				       line + 16);
		fclose(f);
	}
	printf("\n");
}

/* What the two-letter VmFlags of smaps mean, for the ones that matter. */
static const struct {
	const char *flag;
	const char *meaning;
} vmflag_meanings[] = {
	{ "sh", "shared: stores reach what is mapped (MAP_SHARED)" },
	{ "io", "VM_IO: device memory, never in a core dump or get_user_pages()" },
	{ "pf", "VM_PFNMAP: raw page frames, no struct page behind them" },
	{ "de", "VM_DONTEXPAND: mremap() cannot grow it" },
	{ "dd", "VM_DONTDUMP: never written to a core file" },
	{ "ex", "executable" },
	{ "me", "may be made executable by mprotect()" },
};

static void explain_vmflags(const char *flags)
{
	char padded[520];
	size_t i;

	snprintf(padded, sizeof(padded), " %s", flags);
	for (i = 0; i < sizeof(vmflag_meanings) / sizeof(vmflag_meanings[0]); i++) {
		char word[8];

		snprintf(word, sizeof(word), " %s", vmflag_meanings[i].flag);
		if (strstr(padded, word))
			printf("    %s: %s\n", vmflag_meanings[i].flag,
			       vmflag_meanings[i].meaning);
	}
	if (!strstr(padded, " ex") && !strstr(padded, " me"))
		printf("    no ex, no me: not executable, and mprotect() cannot make it so\n");
}

/* The /proc/self/maps line (and smaps VmFlags) covering addr; is it a
 * VM_PFNMAP mapping? */
static bool explain_maps(const void *addr)
{
	bool pfnmap = false;
	char line[512], maps_line[512] = "";
	unsigned long lo, hi, a = (unsigned long)addr;
	bool in_vma = false;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f) {
		printf("  /proc/self/smaps: %s\n", strerror(errno));
		return false;
	}
	while (fgets(line, sizeof(line), f)) {
		/* A VMA's header line; its fields follow ("Size:" ...). */
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {
			in_vma = a >= lo && a < hi;
			if (in_vma)
				snprintf(maps_line, sizeof(maps_line), "%s", line);
			continue;
		}
		if (in_vma && strncmp(line, "VmFlags:", 8) == 0) {
			printf("  /proc/self/maps: %s", maps_line);
			printf("  VmFlags:%s", line + 8);
			explain_vmflags(line + 8);
			pfnmap = strstr(line, " pf") != NULL;
			break;
		}
	}
	fclose(f);
	return pfnmap;
}

static void explain_pagemap(const struct pgr_chip *chip, const void *addr,
			    bool pfnmap)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t entry = 0, pfn;
	off_t off = (off_t)((uintptr_t)addr / (uintptr_t)page) * 8;
	int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);

	if (fd < 0 || pread(fd, &entry, 8, off) != 8) {
		printf("  /proc/self/pagemap: %s\n", strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	pfn = entry & ((UINT64_C(1) << 55) - 1);
	if (!(entry >> 63) && pfnmap) {
		/* pagemap walks only pages with a struct page behind them. */
		printf("  page frame number: /proc/self/pagemap reports VM_PFNMAP mappings\n"
		       "  as holes, even to root (no struct page describes the frame);\n"
		       "  it is phys_base / page size = 0x%llx / %ld = 0x%llx\n",
		       pgr_chip_phys_base(chip), page, pgr_chip_phys_base(chip) / (unsigned long long)page);
	} else if (!(entry >> 63)) {
		printf("  pagemap: page not present\n");
	} else if (pfn == 0) {
		printf("  page frame number: hidden: /proc/self/pagemap shows PFNs only\n"
		       "  with CAP_SYS_ADMIN (since Linux 4.2, against Rowhammer attacks)\n");
	} else {
		printf("  page frame number (pagemap): 0x%" PRIx64
		       " -> 0x%" PRIx64 " * %ld = 0x%" PRIx64 " (%s phys_base)\n",
		       pfn, pfn, page, pfn * (uint64_t)page,
		       pfn * (uint64_t)page == pgr_chip_phys_base(chip) ?
		       "equals" : "DIFFERS FROM");
	}
}

/* The rows of the page-table view, as the driver's debugfs file names them. */
static const struct {
	const char *key;
	const char *label;
} pt_rows[] = {
	{ "va", "virtual" },
	{ "tables", "tables" },
	{ "pfn", "frame (pfn)" },
	{ "type", "memory type" },
	{ "index", "type index" },
	{ "mair", "MAIR" },
	{ "hardware", "h/w entry" },
	{ "hwpte", "h/w raw" },
	{ "access", "access" },
	{ "write", "write" },
	{ "execute", "execute" },
	{ "pte", "entry" },
	{ "walk", "walk" },
};

#define PT_NROWS (sizeof(pt_rows) / sizeof(pt_rows[0]))
#define PT_VALUE_MAX 96

/* One record of the page_tables file: its values by row. */
struct pt_record {
	bool found;
	char value[PT_NROWS][PT_VALUE_MAX];
};

/* "  key: value\n" into rec, if key is one of the rows. */
static void pt_field(struct pt_record *rec, const char *line)
{
	size_t i;

	for (i = 0; i < PT_NROWS; i++) {
		size_t n = strlen(pt_rows[i].key);

		if (strncmp(line + 2, pt_rows[i].key, n) == 0 &&
		    line[2 + n] == ':' && line[3 + n] == ' ') {
			snprintf(rec->value[i], sizeof(rec->value[i]), "%.*s",
				 (int)strcspn(line + 4 + n, "\n"), line + 4 + n);
			return;
		}
	}
}

/*
 * Read the driver's page_tables file: the record of this process's page
 * at addr, and of the first page of the driver's ioremap(). false (errno
 * set) if the file cannot be opened.
 */
static bool pt_read(const char *path, const void *addr, struct pt_record *user,
		    struct pt_record *kernel)
{
	char line[256], want[64];
	struct pt_record *rec = NULL;
	FILE *f = fopen(path, "r");

	if (!f)
		return false;
	memset(user, 0, sizeof(*user));
	memset(kernel, 0, sizeof(*kernel));
	snprintf(want, sizeof(want), "  va: %#lx\n", (unsigned long)addr);
	while (fgets(line, sizeof(line), f)) {
		if (line[0] != ' ') {
			rec = NULL;
			if (strncmp(line, "kernel ioremap block 0 page 0\n", 30) == 0 &&
			    !kernel->found)
				rec = kernel;
			else if (strncmp(line, "user /dev/", 10) == 0 &&
				 !strchr(line, ':') && !user->found)
				rec = user;
			if (rec)
				memset(rec, 0, sizeof(*rec));
			continue;
		}
		if (!rec)
			continue;
		/* A user record counts only if it is the page at addr. */
		if (rec == user && strncmp(line, "  va: ", 6) == 0) {
			if (strcmp(line, want) != 0) {
				rec = NULL;
				continue;
			}
		}
		rec->found = true;
		pt_field(rec, line);
	}
	fclose(f);
	return true;
}

/* The two records in two columns: this process's page, the kernel's. */
static void pt_print(const struct pt_record *user, const struct pt_record *kernel)
{
	size_t i;

	printf("  %-12s %-34s %s\n", "", "your mmap()", "the driver's ioremap()");
	for (i = 0; i < PT_NROWS; i++) {
		if (!user->value[i][0] && !kernel->value[i][0])
			continue;
		printf("  %-12s %-34s %s\n", pt_rows[i].label,
		       user->value[i][0] ? user->value[i] : "-",
		       kernel->value[i][0] ? kernel->value[i] : "-");
	}
}

/* dir/name, for a file next to the driver's debugfs "mappings" file. */
static void sibling_path(char *out, size_t size, const char *file,
			 const char *name)
{
	const char *slash = strrchr(file, '/');
	int dirlen = slash ? (int)(slash - file) : 1;

	snprintf(out, size, "%.*s/%s", dirlen, slash ? file : ".", name);
}

/*
 * What the memory types are, from what the driver asks for (kernel/mmap.c:
 * pgprot_noncached() for BCM, pgprot_device() for the RP1) and what
 * ioremap() gives (pgprot_device()'s type), on the kernel's architecture
 * (uname: a 64-bit kernel may run 32-bit programs).
 */
static void explain_types(const struct pgr_chip *chip)
{
	bool rp1 = strcmp(pgr_chip_soc_name(chip), "rp1") == 0;
	struct utsname u;
	bool arm64 = uname(&u) == 0 && strcmp(u.machine, "aarch64") == 0;

	if (rp1) {
		printf("  The driver maps the RP1's blocks with pgprot_device(), Device-nGnRE\n"
		       "  (MT_DEVICE_nGnRE), the type the kernel's own ioremap() gives them:\n"
		       "  no cache, no gathering or reordering; a store may be acknowledged\n"
		       "  before it reaches the block, as PCIe's posted writes are anyway.\n");
	} else if (arm64) {
		printf("  The driver maps the page with pgprot_noncached(): on arm64 that is\n"
		       "  Device-nGnRnE (MT_DEVICE_nGnRnE): no cache, no gathering, no\n"
		       "  reordering, no early write acknowledgement. The kernel's own\n"
		       "  ioremap() of the same page is Device-nGnRE (MT_DEVICE_nGnRE, what\n"
		       "  pgprot_device() gives): the same but for early acknowledgement. Two\n"
		       "  aliases of one page with two types; both are device memory, so every\n"
		       "  load and store in the window reaches the block, in program order.\n");
	} else {
		printf("  The driver maps the page with pgprot_noncached(): on 32-bit ARM that\n"
		       "  is Strongly-ordered (L_PTE_MT_UNCACHED): no cache, every access\n"
		       "  complete before the next. The kernel's own ioremap() of the same\n"
		       "  page is Device (L_PTE_MT_DEV_SHARED, what pgprot_device() gives),\n"
		       "  which may acknowledge a store early. Two aliases of one page with\n"
		       "  two types; neither is cached, so every load and store in the window\n"
		       "  reaches the block, in program order.\n");
	}
}

static void explain_attributes(const struct pgr_chip *chip, const void *addr,
			       const char *debugfs_file)
{
	struct pt_record user, kernel;
	char path[512], ptdump[512];

	printf("4. Memory attributes: the page-table entries\n");
	explain_types(chip);
	sibling_path(path, sizeof(path), debugfs_file, "page_tables");
	/* debugfs's top: two levels above page_tables. */
	snprintf(ptdump, sizeof(ptdump), "%s", path);
	for (int up = 0; up < 2; up++)
		if (strrchr(ptdump, '/'))
			*strrchr(ptdump, '/') = '\0';
	snprintf(ptdump + strlen(ptdump), sizeof(ptdump) - strlen(ptdump),
		 "/kernel_page_tables");
	if (!pt_read(path, addr, &user, &kernel)) {
		printf("  The entries themselves are root's (%s: %s).\n"
		       "  Without root you can see: your mapping's range, rights and VmFlags\n"
		       "  (/proc/self/maps, smaps: above) and the physical address (sysfs).\n"
		       "  You cannot see: any frame number in /proc/self/pagemap (zero for\n"
		       "  you since Linux 4.2), the addresses in /proc/iomem (zeros for you),\n"
		       "  or debugfs, where the live entries are shown (root's only).\n",
		       path, strerror(errno));
		printf("\n");
		return;
	}
	printf("  From the live page tables (%s):\n", path);
	if (!user.found)
		printf("  (no entry of this process's mapping at %p)\n", addr);
	if (!kernel.found)
		printf("  (no entry of the driver's ioremap())\n");
	pt_print(&user, &kernel);
	if (access(ptdump, F_OK) == 0)
		printf("  The kernel's whole tables: %s (CONFIG_PTDUMP_DEBUGFS)\n",
		       ptdump);
	else
		printf("  This kernel has no %s (CONFIG_PTDUMP_DEBUGFS is off)\n",
		       ptdump);
	printf("\n");
}

/* Read system calls this process has made (/proc/self/io "syscr"). */
static long read_syscalls(void)
{
	char buf[512], *p;
	ssize_t n;
	int fd = open("/proc/self/io", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "syscr: ");
	return p ? strtol(p + 7, NULL, 10) : -1;
}

/*
 * How many read system calls fn made: each look at /proc/self/io is one
 * read itself, counted after it returns, so subtract an empty interval.
 */
static long count_reads(int (*fn)(const struct pgr_chip *, unsigned,
				  uint32_t *),
			const struct pgr_chip *chip, uint32_t *value, int *err)
{
	long a = read_syscalls(), b = read_syscalls();
	long c = read_syscalls(), d;

	*err = fn(chip, GPLEV0, value);
	d = read_syscalls();
	if (a < 0 || b < 0 || c < 0 || d < 0)
		return -1;
	return (d - c) - (b - a);
}

int cli_explain(const struct pgr_chip *chip, const char *device_path,
		const char *dt_root, const char *debugfs_file)
{
	const void *addr = pgr_chip_mapping(chip);
	uint32_t via_map = 0, via_pread = 0;
	long n_map, n_pread;
	int err_map, err_pread;

	explain_device_tree(chip, dt_root);
	explain_driver(chip, debugfs_file);

	printf("3. This process: mmap() of %s\n", device_path);
	printf("  user virtual address: %p (pid %ld)\n", addr, (long)getpid());
	explain_pagemap(chip, addr, explain_maps(addr));
	printf("\n");

	explain_attributes(chip, addr, debugfs_file);

	n_map = count_reads(pgr_chip_peek, chip, &via_map, &err_map);
	n_pread = count_reads(pgr_chip_peek_syscall, chip, &via_pread, &err_pread);
	printf("5. One register, two ways: GPLEV0 (offset 0x%02x, pin levels 0-31)\n",
	       GPLEV0);
	if (err_map || err_pread) {
		printf("  read failed: %s\n", strerror(-(err_map ? err_map : err_pread)));
		return 1;
	}
	printf("  through the mapping: 0x%08" PRIx32 ", %ld read system calls\n"
	       "    (one load instruction; the MMU translates the user address)\n",
	       via_map, n_map);
	printf("  through pread():     0x%08" PRIx32 ", %ld read system call%s\n"
	       "    (into the kernel, which loads through its own ioremap() address)\n",
	       via_pread, n_pread, n_pread == 1 ? "" : "s");
	return 0;
}
