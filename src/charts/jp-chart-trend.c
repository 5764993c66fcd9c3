#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-axis.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The mean progress of a plan by month, actual against expected:
 *
 *   — Actual progress   ‥ Expected progress
 *  100% ┼──────────────────────────────────────────
 *       │                        ‥‥‥‥ 75%   ┆
 *   50% ┼             ‥‥‥‥‥‥‥‥‥‥            ┆
 *       │   ‥‥‥‥‥‥‥‥     ●────────●──────● 40%
 *    0% ┼‥‥‥●───────●───╯                   ┆
 *         Jan  Feb  Mar  …                Sep …  Dec
 *
 * x: the plan's period (widened to hold every point), month axis; y: 0
 * to 100%. A point at each month end up to the as-of date, and one at
 * the as-of date; the last figures are printed beside the lines. Each
 * point's column is its hit area: the tooltip gives both figures. */

enum
{
  SERIES_ACTUAL,
  SERIES_EXPECTED,
};

typedef struct
{
  guint   index; /* in data->points */
  guint32 day;
  double  actual;
  double  expected;
} Point;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *pa = a;
  const Point *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  return pa->index < pb->index ? -1 : (pa->index > pb->index);
}

/* A sample of each line and its name, on one line from (0, @y) (two when
 * they do not fit). Returns the height. */
static double
add_legend (JpChartCanvas *canvas,
            double         y)
{
  const JpChartStyle *style = canvas->style;
  double f = canvas->font_size;
  double line_h = _jp_chart_line_height (canvas, 0.85);
  double sample_w = 1.6 * f;
  double cx = 0, cy = y;
  JpChartRgba expected_color = _jp_chart_with_alpha (&style->foreground, 0.6);
  const char *labels[] = {
    [SERIES_ACTUAL] = C_("chart legend", "Actual progress"),
    [SERIES_EXPECTED] = C_("chart legend", "Expected progress"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      PangoLayout *layout = _jp_chart_text_new (canvas, labels[i], 0.85, FALSE,
                                                MAX (canvas->layout->width - sample_w - 0.4 * f, 1));
      double w, mid;

      _jp_chart_text_get_size (layout, &w, NULL);
      if (i > 0 && cx + sample_w + 0.4 * f + w > canvas->layout->width)
        {
          cx = 0;
          cy += line_h * 1.15;
        }
      mid = cy + line_h / 2;
      if (i == SERIES_ACTUAL)
        _jp_chart_add_line (canvas, JP_CHART_ROLE_LEGEND_SWATCH, (int) i,
                            cx, mid, cx + sample_w, mid, &style->accent, 2, 0);
      else
        _jp_chart_add_line (canvas, JP_CHART_ROLE_LEGEND_SWATCH, (int) i,
                            cx, mid, cx + sample_w, mid, &expected_color, 1.5, 4);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_LEGEND_LABEL, (int) i, -1, layout,
                          cx + sample_w + 0.4 * f, cy, NULL);
      cx += sample_w + 0.4 * f + w + 1.2 * f;
    }

  return cy + line_h - y;
}

/* The last figure of a line beside its end, at @y (its centre), kept
 * inside the chart. */
static void
add_end_label (JpChartCanvas     *canvas,
               int                series,
               int                index,
               double             value,
               double             x,
               double             y,
               const JpChartRgba *color)
{
  g_autofree char *text = jp_format_percent (value);
  PangoLayout *layout = _jp_chart_text_new (canvas, text, 0.85, series == SERIES_ACTUAL, 0);
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double w, h;

  _jp_chart_text_get_size (layout, &w, &h);
  x = x + 0.4 * canvas->font_size + w <= width ? x + 0.4 * canvas->font_size : x - 0.4 * canvas->font_size - w;
  _jp_chart_add_text (canvas, JP_CHART_ROLE_VALUE_LABEL, index, series, layout,
                      CLAMP (x, 0, width - w), CLAMP (y - h / 2, 0, height - h), color);
}

static void
lay_out (JpChartCanvas     *canvas,
         const JpTrendData *data,
         double             top,
         guint32            day_lo,
         guint32            day_hi,
         GArray            *points)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f = canvas->font_size;
  JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);
  JpChartRgba expected_color = _jp_chart_with_alpha (&style->foreground, 0.6);
  g_autofree JpChartPoint *actual = NULL;
  g_autofree JpChartPoint *expected = NULL;
  double legend_h, axis_h, plot_top, plot_bottom, label_w = 0, right_pad;
  double r = 0.3 * f;
  JpChartRect plot;
  JpChartTicks ticks;
  GDate date;

  legend_h = add_legend (canvas, top);
  axis_h = _jp_chart_line_height (canvas, 0.85) + 0.3 * f;
  plot_top = top + legend_h + 0.9 * f;
  plot_bottom = height - axis_h;

  jp_chart_nice_ticks (0, 100, (guint) CLAMP ((plot_bottom - plot_top) / (2.2 * f), 1, 5), &ticks);
  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, "%");

      label_w = MAX (label_w, _jp_chart_text_width (canvas, text, 0.85, FALSE));
    }

  /* Room on the right for the last figures. */
  right_pad = _jp_chart_text_width (canvas, "100%", 0.85, TRUE) + 0.8 * f;
  plot = (JpChartRect) { label_w + 0.4 * f, plot_top, 0, MAX (plot_bottom - plot_top, 1) };
  plot.width = MAX (width - plot.x - right_pad, 1);
  canvas->layout->plot = plot;

#define X_OF(day) (plot.x + ((double) (day) - day_lo) / (day_hi - day_lo) * plot.width)
#define Y_OF(share) (plot.y + plot.height - CLAMP ((share) * 100 / ticks.last, 0.0, 1.0) * plot.height)

  /* Grid, percentages, months. */
  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      double v = jp_chart_ticks_get_value (&ticks, t);
      double y = Y_OF (v / 100);
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, "%");
      PangoLayout *layout = _jp_chart_text_new (canvas, text, 0.85, FALSE, 0);
      double w, h;

      _jp_chart_add_line (canvas, t == 0 ? JP_CHART_ROLE_AXIS : JP_CHART_ROLE_GRID, (int) t,
                          plot.x, y, plot.x + plot.width, y, t == 0 ? &dim : &style->grid, 1, 0);
      _jp_chart_text_get_size (layout, &w, &h);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_TICK_LABEL, (int) t, 1, layout,
                          plot.x - 0.4 * f - w, CLAMP (y - h / 2, 0, height - h), &dim);
    }
  _jp_chart_add_month_axis (canvas, &plot, day_lo, day_hi, plot_bottom + 0.3 * f);
  _jp_chart_add_line (canvas, JP_CHART_ROLE_AXIS, -1, plot.x, plot.y, plot.x, plot.y + plot.height,
                      &dim, 1, 0);

  /* The as-of line. */
  if (_jp_chart_parse_date (data->as_of, &date))
    {
      double x = X_OF (g_date_get_julian (&date));

      _jp_chart_add_line (canvas, JP_CHART_ROLE_AS_OF, 0, x, plot.y, x, plot.y + plot.height,
                          &style->foreground, 1, 3);
    }

  /* Expected under actual; the points over both. */
  actual = g_new (JpChartPoint, points->len);
  expected = g_new (JpChartPoint, points->len);
  for (guint i = 0; i < points->len; i++)
    {
      const Point *p = &g_array_index (points, Point, i);

      actual[i] = (JpChartPoint) { X_OF (p->day), Y_OF (p->actual) };
      expected[i] = (JpChartPoint) { X_OF (p->day), Y_OF (p->expected) };
    }
  if (points->len > 1)
    {
      _jp_chart_add_polyline (canvas, JP_CHART_ROLE_EXPECTED, -1, expected, points->len, FALSE,
                              NULL, &expected_color, 1.5)->dash = 5;
      _jp_chart_add_polyline (canvas, JP_CHART_ROLE_LINE, -1, actual, points->len, FALSE,
                              NULL, &style->accent, 2);
    }
  for (guint i = 0; i < points->len; i++)
    _jp_chart_add_circle (canvas, JP_CHART_ROLE_POINT, (int) g_array_index (points, Point, i).index,
                          actual[i].x, actual[i].y, r, &style->accent,
                          style->background.alpha > 0 ? &style->background : NULL, 1.5);

  /* The last figures, apart when the lines end close together. */
  {
    const Point *last = &g_array_index (points, Point, points->len - 1);
    double h = _jp_chart_line_height (canvas, 0.85);
    double ya = actual[points->len - 1].y;
    double ye = expected[points->len - 1].y;

    if (fabs (ya - ye) < h)
      {
        double mid = (ya + ye) / 2;
        double sign = last->actual >= last->expected ? -1 : 1;

        ya = mid + sign * h / 2;
        ye = mid - sign * h / 2;
      }
    add_end_label (canvas, SERIES_EXPECTED, (int) last->index, last->expected,
                   expected[points->len - 1].x, ye, &dim);
    add_end_label (canvas, SERIES_ACTUAL, (int) last->index, last->actual,
                   actual[points->len - 1].x, ya, NULL);
  }

  /* Each point's column, halfway to its neighbours. */
  for (guint i = 0; i < points->len; i++)
    {
      double left = i > 0 ? (actual[i - 1].x + actual[i].x) / 2 : actual[i].x - 0.8 * f;
      double right = i + 1 < points->len ? (actual[i].x + actual[i + 1].x) / 2 : actual[i].x + 0.8 * f;

      left = MAX (left, 0);
      right = MIN (right, width);
      _jp_chart_add_hit (canvas, (int) g_array_index (points, Point, i).index, -1,
                         left, plot.y, MAX (right - left, 1), plot.height);
    }

#undef X_OF
#undef Y_OF
}

JpChartLayout *
jp_chart_layout_trend (const JpTrendData  *data,
                       double              width,
                       double              height,
                       const JpChartStyle *style)
{
  JpChartCanvas canvas;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
  guint32 day_lo = G_MAXUINT32, day_hi = 0;
  GDate date;
  double top;

  _jp_chart_canvas_init (&canvas, width, height, style);
  top = _jp_chart_add_title (&canvas, data != NULL ? data->title : NULL);

  if (data != NULL)
    {
      const char *dates[] = { data->start, data->end, data->as_of };

      for (guint i = 0; i < data->points->len; i++)
        {
          const JpTrendPoint *tp = g_ptr_array_index (data->points, i);
          Point p;

          if (!_jp_chart_parse_date (tp->date, &date) || !isfinite (tp->actual) || !isfinite (tp->expected))
            continue;
          p.index = i;
          p.day = g_date_get_julian (&date);
          p.actual = tp->actual;
          p.expected = tp->expected;
          g_array_append_val (points, p);
          day_lo = MIN (day_lo, p.day);
          day_hi = MAX (day_hi, p.day);
        }
      g_array_sort (points, compare_points);

      for (guint i = 0; i < G_N_ELEMENTS (dates) && points->len > 0; i++)
        if (_jp_chart_parse_date (dates[i], &date))
          {
            day_lo = MIN (day_lo, g_date_get_julian (&date));
            day_hi = MAX (day_hi, g_date_get_julian (&date));
          }
    }

  /* A single day still needs a width. */
  if (points->len > 0)
    lay_out (&canvas, data, top, day_lo, MAX (day_hi, day_lo + 1), points);
  else
    _jp_chart_add_empty (&canvas, &(JpChartRect) { 0, top, width, MAX (height - top, 0) }, _("No data yet"));

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_trend (cairo_t            *cr,
                     const JpTrendData  *data,
                     double              width,
                     double              height,
                     const JpChartStyle *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_trend (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
