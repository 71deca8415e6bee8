// SPDX-License-Identifier: GPL-2.0-only
/*
 * The benchmark's paired-round statistics (tools/bench/paired.c): the
 * per-round ratio, the median and quartiles of the ratios, and the
 * "too wide" verdict and its text. Pure arithmetic: no board needed.
 */
#include <math.h>

#include "check.h"
#include "paired.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static void test_ratio(void)
{
	EXPECT(NEAR(paired_ratio(100, 99), 0.99), "99/100");
	EXPECT(NEAR(paired_ratio(0, 5), 0), "raw 0: no ratio");
	EXPECT(NEAR(paired_ratio(-1, 5), 0), "raw < 0: no ratio");
}

static void test_median_odd_even(void)
{
	double odd[] = { 3, 1, 2 }, even[] = { 4, 1, 3, 2 };

	EXPECT(NEAR(paired_median(odd, 3), 2), "median of 3 values");
	EXPECT(NEAR(paired_median(even, 4), 2.5), "median of 4: the mean of the middle two");
	EXPECT(NEAR(paired_median(NULL, 0), 0), "no values: 0");
}

/* Eleven rounds within 2% of 1.0: a figure that means something. */
static void test_narrow(void)
{
	double r[] = { 1.00, 0.99, 1.01, 0.995, 1.005, 1.00, 0.99, 1.01,
		       1.00, 0.998, 1.002 };
	struct paired_stats s;
	char buf[160];

	EXPECT_INT(paired_stats(r, 11, &s), 0);
	EXPECT_INT((int)s.rounds, 11);
	EXPECT(NEAR(s.median, 1.00), "median %f", s.median);
	EXPECT(s.q1 <= s.median && s.median <= s.q3, "q1 <= median <= q3");
	EXPECT(NEAR(s.min, 0.99) && NEAR(s.max, 1.01), "min/max");
	EXPECT(!s.wide, "spread %f is narrow", s.spread);
	EXPECT_STR(paired_text(&s, buf, sizeof(buf)),
		   "1.00x (IQR 1.00-1.00, 11 rounds)");
}

/*
 * One round in eleven wrecked by the host (0.3x): the median and the IQR
 * shrug it off, as they should.
 */
static void test_one_outlier(void)
{
	double r[] = { 1.00, 0.99, 1.01, 0.3, 1.00, 1.00, 0.99, 1.01,
		       1.00, 1.00, 1.00 };
	struct paired_stats s;

	EXPECT_INT(paired_stats(r, 11, &s), 0);
	EXPECT(NEAR(s.median, 1.00), "median %f", s.median);
	EXPECT(NEAR(s.min, 0.3), "min is the outlier");
	EXPECT(!s.wide, "one outlier does not widen the IQR (%f)", s.spread);
}

/*
 * The issue's own figures: 0.65x, 1.68x, 0.32x, 0.85x for one loop. The
 * IQR is far over 10% of the median: too wide, and said so.
 */
static void test_wide(void)
{
	double r[] = { 0.65, 0.65, 1.68, 0.32, 0.85, 1.2, 0.4 };
	struct paired_stats s;
	char buf[160];

	EXPECT_INT(paired_stats(r, 7, &s), 0);
	EXPECT(NEAR(s.median, 0.65), "median %f", s.median);
	/* quartiles by interpolation: sorted .32 .4 .65 .65 .85 1.2 1.68 */
	EXPECT(NEAR(s.q1, 0.525) && NEAR(s.q3, 1.025), "q1 %f q3 %f", s.q1,
	       s.q3);
	EXPECT(s.wide, "spread %f must be too wide", s.spread);
	EXPECT_STR(paired_text(&s, buf, sizeof(buf)),
		   "0.65x (IQR 0.53-1.02, 7 rounds); spread 77% > 10%: too wide to mean anything");
}

/* Just inside and just outside the threshold. */
static void test_threshold(void)
{
	double in[] = { 0.96, 0.96, 1.0, 1.05, 1.05 };	/* IQR .09 of 1.0 */
	double out[] = { 0.94, 0.94, 1.0, 1.06, 1.06 };	/* IQR .12 of 1.0 */
	struct paired_stats s;

	EXPECT_INT(paired_stats(in, 5, &s), 0);
	EXPECT(!s.wide, "IQR 9%% of the median is not too wide (%f)", s.spread);
	EXPECT_INT(paired_stats(out, 5, &s), 0);
	EXPECT(s.wide, "IQR 12%% of the median is too wide (%f)", s.spread);
}

/* Fewer than 3 rounds: no spread to speak of, whatever the values. */
static void test_too_few(void)
{
	double one[] = { 1.0 }, two[] = { 1.0, 1.0 };
	struct paired_stats s;
	char buf[160];

	EXPECT_INT(paired_stats(one, 1, &s), 0);
	EXPECT(s.wide, "1 round is too few");
	EXPECT_STR(paired_text(&s, buf, sizeof(buf)),
		   "1.00x (IQR 1.00-1.00, 1 round); 1 round: too few for a spread");
	EXPECT_INT(paired_stats(two, 2, &s), 0);
	EXPECT(s.wide, "2 rounds are too few");
}

static void test_bad_input(void)
{
	double zero[] = { 1.0, 0.0, 1.0 }, nan_[] = { 1.0, NAN, 1.0 };
	struct paired_stats s;
	char small[8];

	EXPECT_INT(paired_stats(zero, 3, &s), -1);
	EXPECT_INT(paired_stats(nan_, 3, &s), -1);
	EXPECT_INT(paired_stats(zero, 0, &s), -1);
	/* a short buffer is cut, never overrun (ASan watches) */
	s = (struct paired_stats){ .rounds = 1, .median = 1, .q1 = 1,
				   .q3 = 1, .wide = true };
	EXPECT_INT((int)strlen(paired_text(&s, small, sizeof(small))), 7);
}

int main(void)
{
	CHECK_RUN("bench/paired/ratio", test_ratio);
	CHECK_RUN("bench/paired/median-odd-even", test_median_odd_even);
	CHECK_RUN("bench/paired/narrow-means-something", test_narrow);
	CHECK_RUN("bench/paired/one-outlier-round-ignored", test_one_outlier);
	CHECK_RUN("bench/paired/wide-said-so", test_wide);
	CHECK_RUN("bench/paired/threshold-10-percent", test_threshold);
	CHECK_RUN("bench/paired/too-few-rounds", test_too_few);
	CHECK_RUN("bench/paired/bad-input", test_bad_input);
	return check_exit();
}
