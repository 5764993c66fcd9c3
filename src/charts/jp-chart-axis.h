#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Axis ticks at "nice" numbers: steps of 1, 2 or 5 × 10^k. */
typedef struct
{
  double step;
  double first;     /* first tick, ≤ the low end of the range */
  double last;      /* last tick, ≥ the high end */
  guint  n_ticks;   /* first and last included */
  int    decimals;  /* digits after the point that the step needs */
  int    mantissa;  /* step = mantissa × 10^exponent */
  int    exponent;
} JpChartTicks;

/* The smallest nice step that covers [@lo, @hi] in at most @max_intervals
 * intervals (at least 1). An empty range becomes [lo, lo + 1]. */
void     jp_chart_nice_ticks         (double              lo,
                                      double              hi,
                                      guint               max_intervals,
                                      JpChartTicks       *out);
/* The value of tick @i (0 ≤ i < n_ticks), free of rounding noise. */
double   jp_chart_ticks_get_value    (const JpChartTicks *ticks,
                                      guint               i);
/* A tick label with the step's decimals and @unit: "90%", "600 所". */
char    *jp_chart_ticks_format       (const JpChartTicks *ticks,
                                      guint               i,
                                      const char         *unit) G_GNUC_WARN_UNUSED_RESULT;
/* A value as people write it (jp_format_number()) with @unit (NULL:
 * none): "72%", "630 个", "4.7 亿元". */
char    *jp_chart_format_value       (double              value,
                                      const char         *unit) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
