// SPDX-License-Identifier: GPL-2.0-only
/* pigpio-regs-bench: medians, quartiles and spread of paired rounds. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "paired.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-quantile of sorted v[0..n-1], n > 0, by linear interpolation. */
static double quantile(const double *v, unsigned n, double p)
{
	double pos = p * (double)(n - 1);
	unsigned i = (unsigned)pos;

	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (pos - (double)i) * (v[i + 1] - v[i]);
}

double paired_median(double *v, unsigned n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return quantile(v, n, 0.5);
}

double paired_ratio(double raw, double other)
{
	return raw > 0 ? other / raw : 0;
}

int paired_stats(double *ratios, unsigned n, struct paired_stats *out)
{
	unsigned i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++)
		if (!isfinite(ratios[i]) || ratios[i] <= 0)
			return -1;
	qsort(ratios, n, sizeof(*ratios), cmp_double);
	out->rounds = n;
	out->median = quantile(ratios, n, 0.5);
	out->q1 = quantile(ratios, n, 0.25);
	out->q3 = quantile(ratios, n, 0.75);
	out->min = ratios[0];
	out->max = ratios[n - 1];
	out->spread = (out->q3 - out->q1) / out->median;
	out->wide = n < PAIRED_MIN_ROUNDS || out->spread > PAIRED_WIDE;
	return 0;
}

const char *paired_text(const struct paired_stats *s, char *buf, size_t size)
{
	int len = snprintf(buf, size, "%.2fx (IQR %.2f-%.2f, %u round%s)",
			   s->median, s->q1, s->q3, s->rounds,
			   s->rounds == 1 ? "" : "s");

	if (!s->wide || len < 0 || (size_t)len >= size)
		return buf;
	if (s->rounds < PAIRED_MIN_ROUNDS)
		snprintf(buf + len, size - (size_t)len,
			 "; %u round%s: too few for a spread",
			 s->rounds, s->rounds == 1 ? "" : "s");
	else
		snprintf(buf + len, size - (size_t)len,
			 "; spread %.0f%% > %.0f%%: too wide to mean anything",
			 100 * s->spread, 100 * PAIRED_WIDE);
	return buf;
}
