/* SPDX-License-Identifier: GPL-2.0-only */
/* The `explain` verb: one GPIO register's four addresses, for teaching. */
#ifndef PGR_CLI_EXPLAIN_H
#define PGR_CLI_EXPLAIN_H

#include "pigpioregs.h"

/*
 * Print, for this process: the device-tree bus address and its ranges
 * translation, the driver's physical base and (for root) kernel virtual
 * address, the user virtual address, its /proc/self/maps line and flags,
 * the page frame number (for root), the memory attributes, and one
 * register read through the mapping and through pread() with the system
 * calls each took. dt_root is normally "/proc/device-tree", debugfs_file
 * the driver's debugfs "mappings" file. Returns an exit status.
 */
int cli_explain(const struct pgr_chip *chip, const char *device_path,
		const char *dt_root, const char *debugfs_file);

#endif /* PGR_CLI_EXPLAIN_H */
