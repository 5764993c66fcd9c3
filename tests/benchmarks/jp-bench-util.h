/* jp-bench-util.h: clocks and statistics shared by the benchmark programs
 * of tests/benchmarks (not a test). Header-only: each program includes it
 * once. */

#pragma once

#include <glib.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* Wall clock, in ms. */
static inline double
jp_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread, in ms: steadier than the wall clock on a busy
 * machine. */
static inline double
jp_bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Peak resident set size of this process so far, in MiB. */
static inline double
jp_bench_peak_rss_mib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss / 1024.0;
}

static inline int
jp_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Sorts @values in place. */
static inline double
jp_bench_median (double *values,
                 guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), jp_bench_compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The @p-th percentile (0 … 100, nearest rank); sorts @values in place. */
static inline double
jp_bench_percentile (double *values,
                     guint   n,
                     double  p)
{
  guint rank;

  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), jp_bench_compare_doubles);
  rank = (guint) (p / 100.0 * n + 0.999999);
  rank = CLAMP (rank, 1, n);
  return values[rank - 1];
}

static inline double
jp_bench_load_average (void)
{
  double load[1] = { 0 };

  return getloadavg (load, 1) == 1 ? load[0] : -1;
}
