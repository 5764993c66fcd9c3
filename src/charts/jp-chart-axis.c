#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-axis.h"

#include "jp-status.h"

#include <math.h>

/* step = mantissa × 10^exponent, mantissa ∈ {1, 2, 5} */
static double
scaled (double multiple,
        int    exponent)
{
  /* Multiplying by 10^k or dividing by 10^-k keeps decimal steps exact
   * enough that 3 × 0.1 prints (and compares) as 0.3. */
  if (exponent >= 0)
    return multiple * pow (10.0, exponent);
  return multiple / pow (10.0, -exponent);
}

void
jp_chart_nice_ticks (double        lo,
                     double        hi,
                     guint         max_intervals,
                     JpChartTicks *out)
{
  static const int mantissas[] = { 1, 2, 5 };
  double span;
  int exponent;

  g_return_if_fail (out != NULL);

  if (!isfinite (lo))
    lo = 0;
  if (!isfinite (hi))
    hi = lo + 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-12 * MAX (1.0, fabs (hi)))
    hi = lo + (lo != 0 ? fabs (lo) : 1.0);
  if (max_intervals < 1)
    max_intervals = 1;

  span = hi - lo;
  exponent = (int) floor (log10 (span / max_intervals)) - 1;

  for (;; exponent++)
    {
      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          double step = scaled (mantissas[m], exponent);
          double k_first = floor (lo / step + 1e-9);
          double k_last = ceil (hi / step - 1e-9);

          if (k_last - k_first <= max_intervals)
            {
              out->step = step;
              out->first = scaled (k_first * mantissas[m], exponent);
              out->last = scaled (k_last * mantissas[m], exponent);
              out->n_ticks = (guint) (k_last - k_first) + 1;
              out->decimals = exponent < 0 ? -exponent : 0;
              out->mantissa = mantissas[m];
              out->exponent = exponent;
              return;
            }
        }
    }
}

double
jp_chart_ticks_get_value (const JpChartTicks *ticks,
                          guint               i)
{
  double k_first;

  g_return_val_if_fail (ticks != NULL, 0);
  g_return_val_if_fail (ticks->mantissa > 0, 0);

  /* An exact multiple of the step, instead of accumulating first + i ×
   * step, so that tick 3 of 0.1 is 0.3. */
  k_first = round (ticks->first / ticks->step);

  return scaled ((k_first + i) * ticks->mantissa, ticks->exponent);
}

char *
jp_chart_ticks_format (const JpChartTicks *ticks,
                       guint               i,
                       const char         *unit)
{
  double value;
  g_autofree char *number = NULL;

  g_return_val_if_fail (ticks != NULL, NULL);

  value = jp_chart_ticks_get_value (ticks, i);
  if (fabs (value) < ticks->step * 1e-6)
    value = 0;
  number = g_strdup_printf ("%.*f", ticks->decimals, value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strconcat (number, unit, NULL);
  return g_strconcat (number, " ", unit, NULL);
}

char *
jp_chart_format_value (double      value,
                       const char *unit)
{
  g_autofree char *number = jp_format_number (value, TRUE);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strconcat (number, unit, NULL);
  return g_strconcat (number, " ", unit, NULL);
}
