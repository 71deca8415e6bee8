// SPDX-License-Identifier: GPL-2.0-only
/*
 * my_mapping: the lab's exercise 8 (docs/lab/README.md). Map the GPIO
 * block, then look for the page-table entry behind the mapping with what an
 * unprivileged process may read about itself:
 *
 *   /proc/self/maps     the virtual range, its rights (rw-s: shared) and
 *                       the file behind it
 *   /proc/self/smaps    VmFlags: what the driver set on the area (io, pf,
 *                       dd, de; no ex, no me)
 *   /proc/self/pagemap  one 64-bit entry per virtual page: bit 63
 *                       "present", bits 0-54 the page frame number. For a
 *                       VM_PFNMAP area the kernel reports a hole (no
 *                       struct page describes the frame), and since
 *                       Linux 4.2 it zeroes every frame number for a
 *                       reader without CAP_SYS_ADMIN anyway.
 *
 * The frame number the MMU uses is phys_base / page size. The entry itself
 * (frame, memory type, access and execute-never bits) is in the live page
 * tables, which the driver's debugfs file page_tables shows to root only:
 * run as root, this prints the entry of its own page from there, before
 * and after one store (0 to GPCLR0, which changes no pin), and the entry
 * of the driver's own ioremap() of the same page.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096
#define GPCLR0 0x28
#define PAGE_TABLES "/sys/kernel/debug/pigpio_regs/page_tables"

/* Print the lines of FILE from the one that starts with START through the
 * first one that starts with "VmFlags" (or just that line, if !upto). */
static void print_area(const char *file, const char *start, int upto)
{
	char line[512];
	int in = 0;
	FILE *f = fopen(file, "r");

	if (!f) {
		printf("%s: %s\n", file, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (!in && strncmp(line, start, strlen(start)) == 0) {
			in = 1;
			if (!upto) {
				printf("maps: %s", line);
				break;
			}
			continue;
		}
		if (in && strncmp(line, "VmFlags:", 8) == 0) {
			printf("smaps %s", line);
			break;
		}
	}
	fclose(f);
}

/* Print the record of page_tables whose header line starts with HEAD and,
 * if VA is not 0, whose "va:" line is VA; each line after PREFIX. */
static void print_entry(const char *head, unsigned long va, const char *prefix)
{
	char line[256], want[64], rec[32][256];
	int n = 0, in = 0, match = 0;
	FILE *f = fopen(PAGE_TABLES, "r");

	if (!f) {
		printf("%s: %s\n", PAGE_TABLES, strerror(errno));
		return;
	}
	snprintf(want, sizeof(want), "  va: %#lx\n", va);
	while (fgets(line, sizeof(line), f)) {
		if (line[0] != ' ') {
			if (in && match)
				break;
			in = strncmp(line, head, strlen(head)) == 0;
			match = in && !va;
			n = 0;
			continue;
		}
		if (!in || n == 32)
			continue;
		if (va && strncmp(line, "  va: ", 6) == 0)
			match = strcmp(line, want) == 0;
		snprintf(rec[n++], sizeof(rec[0]), "%s", line);
	}
	fclose(f);
	if (!(in && match)) {
		printf("%sno entry in %s\n", prefix, PAGE_TABLES);
		return;
	}
	for (int i = 0; i < n; i++)
		if (strncmp(rec[i], "  va: ", 6) != 0)
			printf("%s%s", prefix, rec[i] + 2);
}

static int is_rp1(void)
{
	char soc[16] = "";
	FILE *f = fopen("/sys/class/misc/pigpio_regs/soc", "r");

	if (f) {
		if (!fgets(soc, sizeof(soc), f))
			soc[0] = '\0';
		fclose(f);
	}
	return strcmp(soc, "rp1\n") == 0;
}

int main(void)
{
	unsigned long long phys = 0;
	char start[32];
	uint64_t entry;
	void *p;
	FILE *f;
	int fd, pm;

	fd = open("/dev/pigpio_regs", O_RDWR);
	if (fd < 0) {
		printf("open /dev/pigpio_regs: %s\n", strerror(errno));
		return 1;
	}
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		printf("mmap: %s\n", strerror(errno));
		return 1;
	}
	*(volatile uint32_t *)p;	/* touch it: the entry exists now */
	printf("user virtual address: %p\n", p);
	snprintf(start, sizeof(start), "%lx-", (unsigned long)p);
	print_area("/proc/self/maps", start, 0);
	print_area("/proc/self/smaps", start, 1);

	pm = open("/proc/self/pagemap", O_RDONLY);
	if (pm < 0) {
		printf("pagemap: open: %s\n", strerrorname_np(errno));
	} else if (pread(pm, &entry, sizeof(entry),
			 (off_t)((uintptr_t)p / PAGE * sizeof(entry))) != sizeof(entry)) {
		printf("pagemap: read: %s\n", strerrorname_np(errno));
	} else {
		printf("pagemap: entry 0x%016" PRIx64 ": present %d, pfn 0x%" PRIx64 "\n",
		       entry, (int)(entry >> 63), entry & (((uint64_t)1 << 55) - 1));
	}
	f = fopen("/sys/class/misc/pigpio_regs/phys_base", "r");
	if (f && fscanf(f, "%llx", &phys) == 1)
		printf("the frame the MMU uses: phys_base 0x%llx / %d = pfn 0x%llx\n",
		       phys, PAGE, phys / PAGE);
	if (f)
		fclose(f);

	/* Root only: the entries themselves. */
	if (access(PAGE_TABLES, R_OK) != 0) {
		printf("page_tables: %s (root only)\n", strerror(errno));
	} else {
		printf("your entry, before any store:\n");
		print_entry("user /dev/pigpio_regs pid", (unsigned long)p, "  ");
		/* GPCLR0 is a BCM register: the RP1 has another layout. */
		if (!is_rp1()) {
			((volatile uint32_t *)p)[GPCLR0 / 4] = 0;
			printf("your entry, after one store:\n");
			print_entry("user /dev/pigpio_regs pid", (unsigned long)p, "  ");
		}
		printf("the driver's ioremap() of the same page:\n");
		print_entry("kernel ioremap block 0 page 0\n", 0, "  ");
	}
	munmap(p, PAGE);
	close(fd);
	return 0;
}
