// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of SoC backends (user/lib/soc.h): every family provides every
 * mandatory operation, its rows find it again, and every row is found by
 * its name. A new backend that forgets an operation fails here, not on a
 * user's board.
 */
#include "check.h"
#include "soc.h"

static void test_families(void)
{
	const struct pgr_soc_ops *f;
	unsigned i, j, rows = 0;

	for (i = 0; (f = pgr_soc_family(i)); i++) {
		EXPECT(f->nsocs > 0 && f->socs, "family %u has no rows", i);
		EXPECT(f->read && f->write && f->bank_store && f->bank_load &&
		       f->line_pins && f->level_regs && f->pin_regs &&
		       f->get_function && f->set_function && f->alt_name &&
		       f->set_pull && f->get_events,
		       "family %u (%s) lacks a mandatory operation", i,
		       f->socs[0].soc.name);
		EXPECT(f->window > 0 && f->block_stride > 0 &&
		       f->window % f->block_stride == 0,
		       "family %u: window %u, stride %u", i, f->window,
		       f->block_stride);
		EXPECT(f->dt_compatible && f->gpiochip_label,
		       "family %u: how its controller is known", i);
		EXPECT(!f->gpiomem_name || f->gpiomem_block_size,
		       "family %u: a gpiomem node needs its block size", i);
		/* A setter without its getter (or back) is half a feature. */
		EXPECT(!f->set_drive == !f->get_drive &&
		       !f->set_slew == !f->get_slew &&
		       !f->bank_events == !f->bank_clear_events,
		       "family %u: getters and setters in pairs", i);
		for (j = 0; j < f->nsocs; j++) {
			const struct pgr_soc *soc = &f->socs[j].soc;

			EXPECT(pgr_soc_ops(soc) == f, "%s: row points elsewhere",
			       soc->name);
			EXPECT(pgr_soc_lookup(soc->name) == soc,
			       "%s: lookup finds another row", soc->name);
			EXPECT(soc->block_min > 0 &&
			       soc->block_min <= f->block_stride,
			       "%s: block_min %u", soc->name, soc->block_min);
			rows++;
		}
	}
	EXPECT_INT((int)i, 3);		/* BCM2835/6/7, BCM2711, RP1 */
	EXPECT_INT((int)rows, 5);
	EXPECT(pgr_soc_lookup("bcm2712") == NULL, "no backend for bcm2712");
}

int main(void)
{
	CHECK_RUN("soc/backends/complete-and-found", test_families);
	return check_exit();
}
