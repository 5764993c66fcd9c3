#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-axis.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Items by status per leader (or unit): one stacked bar per row, on a
 * count axis; each segment shows its count (and symbol) when there is
 * room, the total follows the bar, and the legend names the statuses. A
 * row hit-tests to the row, a segment to the row and its status. */

static void
lay_out (JpChartCanvas      *canvas,
         const JpGroupsData *data,
         double              top,
         guint               max_total)
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
  double label_w = 0, value_w = 0, scale_x0, scale_w, scale_max;
  JpChartTicks ticks;
  JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);
  guint max_intervals;

  for (guint i = 0; i < n; i++)
    {
      const JpGroupsRow *row = g_ptr_array_index (data->rows, i);

      for (guint s = 0; s < JP_N_STATUSES; s++)
        if (row->counts[s] > 0)
          shown[s] = TRUE;
    }

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
  row_h = MAX ((plot_bottom - plot_top) / n, 0);
  text_scale = CLAMP (row_h / (1.3 * _jp_chart_line_height (canvas, 1.0)), 0.5, 1.0);

  for (guint i = 0; i < n; i++)
    {
      const JpGroupsRow *row = g_ptr_array_index (data->rows, i);
      g_autofree char *total = g_strdup_printf ("%u", jp_groups_row_get_total (row));

      label_w = MAX (label_w, _jp_chart_text_width (canvas, row->label, text_scale, (int) i == data->highlight));
      value_w = MAX (value_w, _jp_chart_text_width (canvas, total, text_scale, FALSE));
    }
  label_w = MIN (label_w, 0.35 * width);
  scale_x0 = label_w + gap;
  scale_w = MAX (width - scale_x0 - value_w - 1.5 * gap, 1);
  canvas->layout->plot = (JpChartRect) { scale_x0, plot_top, scale_w, plot_bottom - plot_top };

  /* Whole counts only: never more intervals than items. */
  max_intervals = (guint) CLAMP (scale_w / (3.5 * f), 1, 8);
  max_intervals = MIN (max_intervals, MAX (max_total, 1));
  jp_chart_nice_ticks (0, max_total, max_intervals, &ticks);
  scale_max = ticks.last;

  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      double v = jp_chart_ticks_get_value (&ticks, t);
      double x = scale_x0 + v / scale_max * scale_w;
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, NULL);
      PangoLayout *layout = _jp_chart_text_new (canvas, text, 0.85, FALSE, 0);
      double w;

      _jp_chart_add_line (canvas, t == 0 ? JP_CHART_ROLE_AXIS : JP_CHART_ROLE_GRID, (int) t,
                          x, plot_top, x, plot_bottom,
                          t == 0 ? &dim : &style->grid, 1, 0);
      _jp_chart_text_get_size (layout, &w, NULL);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_TICK_LABEL, (int) t, 0, layout,
                          CLAMP (x - w / 2, 0, width - w), plot_bottom + 0.3 * f, &dim);
    }

  for (guint i = 0; i < n; i++)
    {
      const JpGroupsRow *row = g_ptr_array_index (data->rows, i);
      guint total = jp_groups_row_get_total (row);
      g_autofree char *total_text = g_strdup_printf ("%u", total);
      double row_y = plot_top + i * row_h;
      double bar_h = MIN (row_h * 0.62, 1.6 * f);
      double bar_y = row_y + (row_h - bar_h) / 2;
      double x = scale_x0;
      PangoLayout *layout;
      double h;

      layout = _jp_chart_text_new (canvas, row->label, text_scale, (int) i == data->highlight, label_w);
      _jp_chart_text_get_size (layout, NULL, &h);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_ROW_LABEL, (int) i, -1, layout,
                          0, CLAMP (row_y + (row_h - h) / 2, 0, height - h), NULL);
      _jp_chart_add_hit (canvas, (int) i, -1, 0, row_y, width, row_h);

      for (guint s = 0; s < JP_N_STATUSES; s++)
        {
          JpStatus status = jp_chart_status_at (s);
          double w = row->counts[status] / scale_max * scale_w;

          if (row->counts[status] == 0)
            continue;

          _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAR, (int) i, status,
                              x, bar_y, w, bar_h, &style->status[status]);
          _jp_chart_add_count_label (canvas, (int) i, status, row->counts[status],
                                     x + w / 2, bar_y + bar_h / 2, w, bar_h,
                                     &style->status[status]);
          x += w;
        }

      /* Segment hits after the row's, so that they win. */
      x = scale_x0;
      for (guint s = 0; s < JP_N_STATUSES; s++)
        {
          JpStatus status = jp_chart_status_at (s);
          double w = row->counts[status] / scale_max * scale_w;

          if (row->counts[status] == 0)
            continue;
          _jp_chart_add_hit (canvas, (int) i, status, x, bar_y, w, bar_h);
          x += w;
        }

      layout = _jp_chart_text_new (canvas, total_text, text_scale, FALSE, 0);
      _jp_chart_text_get_size (layout, NULL, &h);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_VALUE_LABEL, (int) i, -1, layout,
                          x + 0.4 * gap, CLAMP (row_y + (row_h - h) / 2, 0, height - h), NULL);
    }
}

JpChartLayout *
jp_chart_layout_groups (const JpGroupsData *data,
                        double              width,
                        double              height,
                        const JpChartStyle *style)
{
  JpChartCanvas canvas;
  guint max_total = 0;
  double top;

  _jp_chart_canvas_init (&canvas, width, height, style);
  top = _jp_chart_add_title (&canvas, data != NULL ? data->title : NULL);

  if (data != NULL)
    for (guint i = 0; i < data->rows->len; i++)
      max_total = MAX (max_total, jp_groups_row_get_total (g_ptr_array_index (data->rows, i)));

  if (max_total == 0)
    {
      JpChartRect area = { 0, top, width, MAX (height - top, 0) };

      _jp_chart_add_empty (&canvas, &area, _("No data yet"));
    }
  else
    lay_out (&canvas, data, top, max_total);

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_groups (cairo_t            *cr,
                      const JpGroupsData *data,
                      double              width,
                      double              height,
                      const JpChartStyle *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_groups (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
