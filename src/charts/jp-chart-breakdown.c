#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Status breakdown: how many items are done, on track, at risk, behind,
 * overdue, not started; a stacked bar or a donut, and a legend giving
 * each status's symbol, name and count (so that nothing rests on colour).
 * Segments, sectors and legend entries hit-test to their status. */

static char *
dup_total_text (guint total)
{
  /* Translators: the number of work items a chart counts. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", total), total);
}

/* Legend entries become hit areas for their status. */
static void
add_legend_hits (JpChartCanvas *canvas,
                 guint          from)
{
  guint end = _jp_chart_n_marks (canvas);

  for (guint i = from; i < end; i++)
    {
      const JpChartMark *label = jp_chart_layout_get_mark (canvas->layout, i);
      const JpChartMark *swatch;
      double x0, y0, x1, y1;

      if (label->role != JP_CHART_ROLE_LEGEND_LABEL)
        continue;

      swatch = jp_chart_layout_get_mark (canvas->layout, i - 1);
      x0 = MIN (swatch->bounds.x, label->bounds.x);
      y0 = MIN (swatch->bounds.y, label->bounds.y);
      x1 = label->bounds.x + label->bounds.width;
      y1 = MAX (swatch->bounds.y + swatch->bounds.height, label->bounds.y + label->bounds.height);
      _jp_chart_add_hit (canvas, label->index, label->series, x0, y0, x1 - x0, y1 - y0);
    }
}

/* The legend at the largest text that fits in @max_w × @max_h (one entry
 * per line first when @column), laid out at (0, 0); none when nothing
 * fits. Returns its height. */
static double
fit_legend (JpChartCanvas         *canvas,
            const JpBreakdownData *data,
            double                 max_w,
            double                 max_h,
            gboolean               column)
{
  static const double scales[] = { 0.95, 0.85, 0.75, 0.65, 0.55 };
  guint start = _jp_chart_n_marks (canvas);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    for (int one_per_line = column; one_per_line >= 0; one_per_line--)
      {
        double h = _jp_chart_add_status_legend (canvas, 0, 0, max_w, NULL, data->counts,
                                                scales[i], one_per_line);

        if (h <= max_h)
          return h;
        _jp_chart_truncate (canvas, start);
      }

  return 0;
}

static void
lay_out_bar (JpChartCanvas         *canvas,
             const JpBreakdownData *data,
             double                 top,
             guint                  total)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f = canvas->font_size;
  double gap = 0.5 * f;
  g_autofree char *total_text = dup_total_text (total);
  PangoLayout *layout;
  guint legend_start;
  double legend_h, caption_h, bar_h, block, y, x, total_w;

  layout = _jp_chart_text_new (canvas, total_text, 0.9, FALSE, width);
  _jp_chart_text_get_size (layout, &total_w, &caption_h);

  legend_start = _jp_chart_n_marks (canvas);
  legend_h = fit_legend (canvas, data, width, height - top - caption_h - 2 * gap - 0.8 * f, FALSE);

  bar_h = CLAMP (height - top - legend_h - caption_h - 3 * gap, 0.8 * f, 3 * f);
  block = caption_h + gap + bar_h + gap + legend_h;
  y = top + MAX ((height - top - block) / 2, 0);

  _jp_chart_translate (canvas, legend_start, 0, y + caption_h + gap + bar_h + gap);
  add_legend_hits (canvas, legend_start);

  _jp_chart_add_text (canvas, JP_CHART_ROLE_CAPTION, -1, -1, layout, width - total_w, y, NULL);
  y += caption_h + gap;
  canvas->layout->plot = (JpChartRect) { 0, y, width, bar_h };

  x = 0;
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      JpStatus status = jp_chart_status_at (i);
      double w = width * data->counts[status] / total;

      if (data->counts[status] == 0)
        continue;

      _jp_chart_add_rect (canvas, JP_CHART_ROLE_SEGMENT, status, status,
                          x, y, w, bar_h, &style->status[status]);
      _jp_chart_add_count_label (canvas, status, status, data->counts[status], x + w / 2, y + bar_h / 2,
                       w, bar_h, &style->status[status]);
      _jp_chart_add_hit (canvas, status, status, x, y, w, bar_h);
      x += w;
    }
}

static void
lay_out_donut (JpChartCanvas         *canvas,
               const JpBreakdownData *data,
               double                 top,
               guint                  total)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f = canvas->font_size;
  double gap = 0.8 * f;
  double avail_h = MAX (height - top, 1);
  gboolean side;
  guint legend_start;
  double legend_w, legend_h, radius, inner, cx, cy, angle;
  g_autofree char *total_text = dup_total_text (total);
  PangoLayout *layout;
  double w, h;

  /* Legend beside the donut when the rectangle is wide, below otherwise. */
  side = width >= 1.4 * avail_h;
  legend_start = _jp_chart_n_marks (canvas);
  if (side)
    {
      legend_h = fit_legend (canvas, data, width / 2, avail_h, TRUE);
      legend_w = 0;
      for (guint i = legend_start; i < _jp_chart_n_marks (canvas); i++)
        {
          const JpChartMark *mark = jp_chart_layout_get_mark (canvas->layout, i);

          legend_w = MAX (legend_w, mark->bounds.x + mark->bounds.width);
        }
      radius = MAX (MIN (avail_h, width - legend_w - gap) / 2 - 0.2 * f, 1);
      cx = radius + 0.2 * f;
      cy = top + avail_h / 2;
      _jp_chart_translate (canvas, legend_start, 2 * radius + 0.4 * f + gap,
                           top + MAX ((avail_h - legend_h) / 2, 0));
    }
  else
    {
      legend_h = fit_legend (canvas, data, width, avail_h - gap - 4 * f, FALSE);
      radius = MAX (MIN (avail_h - legend_h - gap, width) / 2 - 0.2 * f, 1);
      cx = width / 2;
      cy = top + 0.2 * f + radius;
      _jp_chart_translate (canvas, legend_start, 0, cy + radius + gap);
    }
  add_legend_hits (canvas, legend_start);

  inner = radius * 0.58;
  canvas->layout->plot = (JpChartRect) { cx - radius, cy - radius, 2 * radius, 2 * radius };

  angle = -G_PI / 2;
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      JpStatus status = jp_chart_status_at (i);
      double sweep = 2 * G_PI * data->counts[status] / total;
      double mid = angle + sweep / 2;
      double r_mid = (inner + radius) / 2;

      if (data->counts[status] == 0)
        continue;

      _jp_chart_add_sector (canvas, JP_CHART_ROLE_SEGMENT, status, status,
                            cx, cy, inner, radius, angle, angle + sweep, &style->status[status]);
      /* The chord at mid-ring bounds the room for the count. */
      _jp_chart_add_count_label (canvas, status, status, data->counts[status],
                       cx + r_mid * cos (mid), cy + r_mid * sin (mid),
                       MIN (2 * r_mid * sin (MIN (sweep, G_PI) / 2), radius - inner),
                       radius - inner, &style->status[status]);
      _jp_chart_add_sector (canvas, JP_CHART_ROLE_HIT, status, status,
                            cx, cy, inner, radius, angle, angle + sweep, NULL);
      angle += sweep;
    }

  layout = _jp_chart_text_new (canvas, total_text, 1.1, TRUE, 0);
  _jp_chart_text_get_size (layout, &w, &h);
  if (w <= 2 * inner * 0.9)
    _jp_chart_add_text (canvas, JP_CHART_ROLE_CAPTION, -1, -1, layout, cx - w / 2, cy - h / 2, NULL);
  else
    g_object_unref (layout);
}

JpChartLayout *
jp_chart_layout_breakdown (const JpBreakdownData *data,
                           double                 width,
                           double                 height,
                           const JpChartStyle    *style)
{
  JpChartCanvas canvas;
  guint total = data != NULL ? jp_breakdown_data_get_total (data) : 0;
  double top;

  _jp_chart_canvas_init (&canvas, width, height, style);
  top = _jp_chart_add_title (&canvas, data != NULL ? data->title : NULL);

  if (total == 0)
    {
      JpChartRect area = { 0, top, width, MAX (height - top, 0) };

      _jp_chart_add_empty (&canvas, &area, _("No data yet"));
    }
  else if (data->shape == JP_BREAKDOWN_DONUT)
    lay_out_donut (&canvas, data, top, total);
  else
    lay_out_bar (&canvas, data, top, total);

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_breakdown (cairo_t               *cr,
                         const JpBreakdownData *data,
                         double                 width,
                         double                 height,
                         const JpChartStyle    *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_breakdown (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
