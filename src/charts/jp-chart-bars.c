#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-axis.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Completion bars, one row per item (or section), with a tick where the
 * row's expected-by-now progress lies (rows with expected < 0 have none):
 *
 *   3 全面加强教育系统党的…  [██████████████░|░░░░░]│ ✓ 72%
 *   4 深化教育改革……………  [█████░░░░░|░░░░░░░░░░]│ ▲ 25%
 *                           0%    25%   50%   75%  100%
 *   ✓ On track   ▲ At risk
 *
 * The scale is 0–100%; a ratio beyond 100% fills the bar and prints its
 * real figure. Titles are ellipsized to their column. */

static char *
dup_row_label (const JpBarsRow *row)
{
  if (row->number != NULL && *row->number != '\0')
    /* Translators: a bar's label: an item number (or section ordinal)
     * and its title. */
    return g_strdup_printf (C_("chart row", "%s %s"), row->number, row->title);
  return g_strdup (row->title);
}

static char *
dup_value_text (const JpBarsRow *row)
{
  g_autofree char *percent = _jp_chart_format_ratio (row->ratio);

  /* Translators: status symbol and a percentage, e.g. "✓ 72%". */
  return g_strdup_printf (C_("chart value", "%s %s"), jp_status_get_symbol (row->status), percent);
}

static void
lay_out (JpChartCanvas    *canvas,
         const JpBarsData *data,
         double            top)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f = canvas->font_size;
  double gap = 0.5 * f;
  guint n = data->rows->len;
  gboolean shown[JP_N_STATUSES] = { FALSE, };
  guint legend_start;
  double legend_h, axis_h, plot_top, plot_bottom, row_h, text_scale;
  double label_w = 0, value_w = 0, scale_x0, scale_w;
  JpChartTicks ticks;
  JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);

  for (guint i = 0; i < n; i++)
    shown[((JpBarsRow *) g_ptr_array_index (data->rows, i))->status] = TRUE;

  /* The legend at the bottom: lay it out at 0, then move it. */
  legend_start = _jp_chart_n_marks (canvas);
  legend_h = _jp_chart_add_status_legend (canvas, 0, 0, width, shown, NULL, 0.9, FALSE);
  axis_h = _jp_chart_line_height (canvas, 0.85) + 0.3 * f;
  plot_top = top;
  /* In a low rectangle, the rows come first: the legend goes when it
   * leaves less than half a line of text per row. */
  if (height - legend_h - gap - axis_h - plot_top < n * 0.6 * _jp_chart_line_height (canvas, 1.0))
    {
      _jp_chart_truncate (canvas, legend_start);
      legend_h = 0;
    }
  _jp_chart_translate (canvas, legend_start, 0, height - legend_h);
  plot_bottom = height - legend_h - gap - axis_h;
  row_h = (plot_bottom - plot_top) / n;

  /* Rows lower than a line and a bit get smaller text. */
  text_scale = CLAMP (row_h / (1.3 * _jp_chart_line_height (canvas, 1.0)), 0.5, 1.0);

  for (guint i = 0; i < n; i++)
    {
      const JpBarsRow *row = g_ptr_array_index (data->rows, i);
      g_autofree char *label = dup_row_label (row);
      g_autofree char *value = dup_value_text (row);

      label_w = MAX (label_w, _jp_chart_text_width (canvas, label, text_scale, FALSE));
      value_w = MAX (value_w, _jp_chart_text_width (canvas, value, text_scale, FALSE));
    }
  label_w = MIN (label_w, 0.42 * width);
  scale_x0 = label_w + gap;
  scale_w = MAX (width - scale_x0 - value_w - 1.5 * gap, 1);
  canvas->layout->plot = (JpChartRect) { scale_x0, plot_top, scale_w, plot_bottom - plot_top };

  /* Grid and percentages under it. */
  jp_chart_nice_ticks (0, 100, (guint) CLAMP (scale_w / (4 * f), 1, 5), &ticks);
  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      double v = jp_chart_ticks_get_value (&ticks, t);
      double x = scale_x0 + v / 100 * scale_w;
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, "%");
      PangoLayout *layout = _jp_chart_text_new (canvas, text, 0.85, FALSE, 0);
      double w;

      if (v > 100 + 1e-9)
        {
          g_object_unref (layout);
          break;
        }
      _jp_chart_add_line (canvas, JP_CHART_ROLE_GRID, (int) t, x, plot_top, x, plot_bottom,
                          &style->grid, 1, 0);
      _jp_chart_text_get_size (layout, &w, NULL);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_TICK_LABEL, (int) t, 0, layout,
                          CLAMP (x - w / 2, 0, width - w), plot_bottom + 0.3 * f, &dim);
    }

  for (guint i = 0; i < n; i++)
    {
      const JpBarsRow *row = g_ptr_array_index (data->rows, i);
      g_autofree char *label = dup_row_label (row);
      g_autofree char *value = dup_value_text (row);
      double row_y = plot_top + i * row_h;
      double bar_h = MIN (row_h * 0.62, 1.5 * f);
      double bar_y = row_y + (row_h - bar_h) / 2;
      double ratio = isfinite (row->ratio) ? row->ratio : 0;
      double bar_w = CLAMP (ratio, 0.0, 1.0) * scale_w;
      PangoLayout *layout;
      JpChartMark *bar;
      double w, h, value_x;

      layout = _jp_chart_text_new (canvas, label, text_scale, FALSE, label_w);
      _jp_chart_text_get_size (layout, NULL, &h);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_ROW_LABEL, (int) i, -1, layout,
                          0, CLAMP (row_y + (row_h - h) / 2, 0, height - h), NULL);

      _jp_chart_add_rect (canvas, JP_CHART_ROLE_TRACK, (int) i, -1,
                          scale_x0, bar_y, scale_w, bar_h, &style->grid);
      bar = _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAR, (int) i, row->status,
                                scale_x0, bar_y, bar_w, bar_h, &style->status[row->status]);
      bar->clamped = ratio > 1.0;

      layout = _jp_chart_text_new (canvas, value, text_scale, FALSE, 0);
      _jp_chart_text_get_size (layout, &w, &h);
      value_x = scale_x0 + bar_w + 0.4 * gap;

      if (row->expected >= 0 && isfinite (row->expected))
        {
          double x = scale_x0 + CLAMP (row->expected, 0.0, 1.0) * scale_w;
          double over = MIN (0.25 * f, (row_h - bar_h) / 2);

          _jp_chart_add_line (canvas, JP_CHART_ROLE_EXPECTED, (int) i,
                              x, bar_y - over, x, bar_y + bar_h + over,
                              &style->foreground, 2, 0);
          /* The figure never sits under the tick: after it. */
          if (x + 1 >= value_x && x - 1 <= value_x + w)
            value_x = x + 0.4 * gap;
        }

      _jp_chart_add_text (canvas, JP_CHART_ROLE_VALUE_LABEL, (int) i, row->status, layout,
                          value_x, CLAMP (row_y + (row_h - h) / 2, 0, height - h), NULL);

      _jp_chart_add_hit (canvas, (int) i, row->status, 0, row_y, width, row_h);
    }

  /* The 100% line over the bars. */
  _jp_chart_add_line (canvas, JP_CHART_ROLE_REFERENCE, -1,
                      scale_x0 + scale_w, plot_top, scale_x0 + scale_w, plot_bottom,
                      &dim, 1.5, 0);
}

JpChartLayout *
jp_chart_layout_bars (const JpBarsData   *data,
                      double              width,
                      double              height,
                      const JpChartStyle *style)
{
  JpChartCanvas canvas;
  double top;

  _jp_chart_canvas_init (&canvas, width, height, style);
  top = _jp_chart_add_title (&canvas, data != NULL ? data->title : NULL);

  if (data == NULL || data->rows->len == 0)
    {
      JpChartRect area = { 0, top, width, MAX (height - top, 0) };

      _jp_chart_add_empty (&canvas, &area, _("No data yet"));
    }
  else
    lay_out (&canvas, data, top);

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_bars (cairo_t            *cr,
                    const JpBarsData   *data,
                    double              width,
                    double              height,
                    const JpChartStyle *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_bars (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
