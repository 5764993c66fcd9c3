#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include "jp-report-charts.h"

#include "jp-chart-data.h"
#include "jp-chart-draw.h"
#include "jp-chart-style.h"

#include <glib/gi18n-lib.h>

/* Items of a section drawn as one bar each; a longer section gets its
 * breakdown by status instead (a chart of 200 bars reads as nothing). */
#define MAX_BARS_PER_CHART 30
/* The table text's size (its Regular and Bold fonts serve the charts),
 * and the notes' for the smaller text of charts (ticks, legend). */
#define CHART_FONT_SIZE       9.0
#define CHART_FONT_SIZE_SMALL 8.5

typedef struct
{
  JpChartData  *data;
  JpChartStyle *style;
} ChartDrawing;

static void
chart_drawing_free (gpointer user_data)
{
  ChartDrawing *drawing = user_data;

  g_clear_pointer (&drawing->data, jp_chart_data_unref);
  g_clear_pointer (&drawing->style, jp_chart_style_free);
  g_free (drawing);
}

static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  ChartDrawing *drawing = user_data;

  jp_chart_draw (cr, drawing->data, width, height, drawing->style);
}

static JpChartStyle *
report_chart_style (JpReportLayout *layout)
{
  JpChartStyle *style = jp_chart_style_new ();

  /* Points on paper: white page, no painted background. The report's
   * family, sizes and Pango context: no font of the charts' own. */
  jp_chart_style_set_font (style, JP_REPORT_FONT_SANS, CHART_FONT_SIZE);
  style->font_size_small = CHART_FONT_SIZE_SMALL;
  style->context = jp_report_layout_get_pango_context (layout);
  style->background.alpha = 0;
  return style;
}

/* Places @data (taken) as a drawing of @width (0: the content width) at
 * its natural height. */
static void
add_chart (JpReportLayout *layout,
           JpChartData    *data,
           double          width)
{
  ChartDrawing *drawing = g_new0 (ChartDrawing, 1);
  double height;

  if (width <= 0)
    width = jp_report_layout_get_content_width (layout);
  drawing->data = data;
  drawing->style = report_chart_style (layout);
  height = jp_chart_get_natural_height (drawing->data, width, drawing->style);
  jp_report_layout_add_drawing (layout, width, MAX (height, 24.0), draw_chart_cb,
                                drawing, chart_drawing_free);
}

void
_jp_report_add_breakdown_chart (JpReportLayout *layout,
                                const guint    *counts)
{
  JpBreakdownData *data;
  guint total = 0;

  for (guint i = 0; i < JP_N_STATUSES; i++)
    total += counts[i];
  /* Nothing to draw: the table of counts above says so. */
  if (total == 0)
    return;

  data = jp_breakdown_data_new (NULL, JP_BREAKDOWN_STACKED_BAR);
  for (guint i = 0; i < JP_N_STATUSES; i++)
    data->counts[i] = counts[i];
  add_chart (layout, jp_chart_data_new_breakdown (data), 0);
}

void
_jp_report_add_section_chart (JpReportLayout *layout,
                              GPtrArray      *items,
                              const char     *as_of)
{
  JpBarsData *data;

  /* A bar per item while that reads; for a long section (generated or
   * very detailed plans) the breakdown of its items by status. */
  if (items->len > MAX_BARS_PER_CHART)
    {
      guint counts[JP_N_STATUSES] = { 0 };

      for (guint i = 0; i < items->len; i++)
        {
          JpProgress p;

          jp_item_evaluate (g_ptr_array_index (items, i), as_of, &p);
          counts[p.status]++;
        }
      _jp_report_add_breakdown_chart (layout, counts);
      return;
    }

  data = jp_bars_data_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
      JpProgress p;

      jp_item_evaluate (item, as_of, &p);
      jp_bars_data_add_row (data, number, jp_item_get_title (item), p.ratio, p.status, NULL);
    }
  add_chart (layout, jp_chart_data_new_bars (data), 0);
}
