// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pin-ownership safety: the tool refuses to change the function, pull or
 * event detection of a pin the kernel has claimed, or to drive one that is
 * not an output, unless --force. Ownership comes from the kernel: the live
 * device tree (pinctrl states of enabled nodes) and gpiolib's line info.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int guard_load(const char *devicetree, struct pgr_owners *owners, char *why,
	       size_t whylen)
{
	const char *root = devicetree ? devicetree : "/proc/device-tree";
	int err;

	pgr_owners_init(owners);
	why[0] = '\0';
	err = pgr_owners_from_devicetree(owners, devicetree);
	/* No device tree at all (not a device-tree system): nothing claimed. */
	if (err == -ENOENT && !devicetree)
		err = 0;
	if (err) {
		snprintf(why, whylen, "reading %s: %s", root, strerror(-err));
		return err;
	}
	/* gpiolib's view is a bonus: often root-only, and never required. */
	pgr_owners_from_gpiochip(owners, NULL);
	return 0;
}

static enum guard_touch touch_of(const struct command *cmd)
{
	switch (cmd->verb) {
	case VERB_SET:
		return cmd->ops.set_function || cmd->ops.set_pull ?
		       GUARD_CONFIG : GUARD_LEVEL;
	case VERB_BLINK:
	case VERB_DETECT:
		return GUARD_CONFIG;
	case VERB_EVENTS:
		/* Clearing GPEDS would steal the kernel's interrupt. */
		return cmd->clear ? GUARD_CONFIG : GUARD_NONE;
	case VERB_TOGGLE:
		return GUARD_LEVEL;
	case VERB_BANK:
		return cmd->bank_op == BANK_READ ? GUARD_NONE : GUARD_LEVEL;
	default:
		return GUARD_NONE;
	}
}

static uint64_t touched_pins(const struct command *cmd)
{
	if (cmd->verb == VERB_BANK)
		return (uint64_t)cmd->mask << (32 * cmd->bank);
	return cmd->pins;
}

int guard_check(const struct command *cmd, const struct pgr_chip *chip,
		const struct pgr_owners *owners, int load_err,
		const char *why)
{
	return guard_pins(chip, owners, touched_pins(cmd), touch_of(cmd),
			  cmd->force, load_err, why);
}

int guard_pins(const struct pgr_chip *chip, const struct pgr_owners *owners,
	       uint64_t pins, enum guard_touch touch, bool force,
	       int load_err, const char *why)
{
	enum pgr_function function;
	unsigned pin, refused = 0;

	if (touch == GUARD_NONE)
		return 0;
	if (load_err) {
		if (force) {
			cli_error("warning: cannot tell which pins the kernel claims (%s); going ahead (--force)",
				  why);
			return 0;
		}
		cli_error("cannot tell which pins the kernel claims (%s); nothing was written (--force overrides)",
			  why);
		return EXIT_FAILURE;
	}

	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!(pins & (UINT64_C(1) << pin)) || !owners->owner[pin][0])
			continue;
		if (pgr_pin_get_function(chip, pin, &function) < 0)
			function = PGR_FUNC_INPUT;
		/* Driving an output the kernel set up is allowed. */
		if (touch == GUARD_LEVEL && function == PGR_FUNC_OUTPUT)
			continue;
		if (force) {
			cli_error("warning: GPIO%u is claimed by the kernel (%s); changing it anyway (--force)",
				  pin, owners->owner[pin]);
			continue;
		}
		if (touch == GUARD_CONFIG)
			cli_error("GPIO%u is claimed by the kernel (%s): refusing to change its configuration",
				  pin, owners->owner[pin]);
		else
			cli_error("GPIO%u is claimed by the kernel (%s) and is %s, not an output: refusing to drive it",
				  pin, owners->owner[pin],
				  pgr_function_name(function));
		refused++;
	}
	if (refused) {
		cli_error("nothing was written (--force overrides, at your own risk)");
		return EXIT_FAILURE;
	}
	return 0;
}
