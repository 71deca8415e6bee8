/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * pigpio-regs-bench: the statistics of paired rounds, kept apart from the
 * loops so that the host tests can check them (tests/unit/test_bench.c).
 *
 * Two rows that are compared (row 1, raw stores, against a library or
 * handle row) are measured as alternating rounds: raw, other, other, raw,
 * raw, other... (the order swapped every round, so that neither always
 * runs first), each round one pair, and each pair gives one ratio: the
 * other's rate over raw's in that round. A pair runs within a few
 * milliseconds, so a host that slows both for a while changes the pair's
 * rates but hardly its ratio. The figure is the median of the ratios, and
 * its spread is their interquartile range (IQR).
 *
 * Too wide: the IQR is more than PAIRED_WIDE (10 %) of the median, or
 * there are fewer than PAIRED_MIN_ROUNDS rounds. Why 10 %: the goals the
 * benchmark states for these rows are 0.95x and 0.97x raw, 3-5 % below
 * 1.0; when the middle half of the rounds disagree by more than twice
 * that margin, the median cannot tell a handle at 0.97x from one at 1.0x,
 * and a verdict on it would be noise. Below 3 rounds there is no middle
 * half to speak of.
 */
#ifndef PGR_BENCH_PAIRED_H
#define PGR_BENCH_PAIRED_H

#include <stdbool.h>
#include <stddef.h>

#define PAIRED_WIDE		0.10
#define PAIRED_MIN_ROUNDS	3

struct paired_stats {
	unsigned rounds;
	double median;		/* of the per-round ratios */
	double q1, q3;		/* their quartiles (linear interpolation) */
	double min, max;
	double spread;		/* (q3 - q1) / median, 0 if median is 0 */
	bool wide;		/* too wide (or too few rounds) to mean anything */
};

/*
 * The statistics of n ratios (sorted in place). -1 if n is 0 or a ratio
 * is not a positive finite number; 0 otherwise.
 */
int paired_stats(double *ratios, unsigned n, struct paired_stats *out);

/*
 * The ratio of two rates measured in one round: other / raw, or 0 when
 * raw is not positive.
 */
double paired_ratio(double raw, double other);

/*
 * One line about s, for the table: "0.99x (IQR 0.97-1.01, 15 rounds)",
 * followed, when s->wide, by "; spread 23% > 10%: too wide to mean
 * anything" or "; 1 round: too few for a spread". Returns buf.
 */
const char *paired_text(const struct paired_stats *s, char *buf, size_t size);

/* The median of v[0..n-1] (sorted in place); 0 for n == 0. */
double paired_median(double *v, unsigned n);

#endif /* PGR_BENCH_PAIRED_H */
