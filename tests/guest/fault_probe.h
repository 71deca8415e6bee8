/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which pages of a mapping are backed, for the guest test programs: the
 * signal one load or store raises. The program installs on_fault() as its
 * SIGBUS and SIGSEGV handler; touch_value() then returns the signal
 * instead of dying of it.
 */
#ifndef PIGPIO_REGS_TEST_FAULT_PROBE_H
#define PIGPIO_REGS_TEST_FAULT_PROBE_H

#include <setjmp.h>
#include <signal.h>
#include <stdint.h>

static sigjmp_buf fault_jump;
static volatile sig_atomic_t fault_signal;

static inline void on_fault(int sig)
{
	fault_signal = sig;
	siglongjmp(fault_jump, 1);
}

/* The signal a load (or a store of value, when store) at p raises, or 0. */
static inline int touch_value(volatile uint32_t *p, int store, uint32_t value)
{
	fault_signal = 0;
	if (sigsetjmp(fault_jump, 1) == 0) {
		if (store)
			*p = value;
		else
			(void)*p;
	}
	return fault_signal;
}

#endif /* PIGPIO_REGS_TEST_FAULT_PROBE_H */
