#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

JpChartLayout *
jp_chart_layout_new (const JpChartData  *data,
                     double              width,
                     double              height,
                     const JpChartStyle *style)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (jp_chart_data_get_kind (data))
    {
    case JP_CHART_KIND_GAUGE:
      return jp_chart_layout_gauge (jp_chart_data_get_gauge (data), width, height, style);
    case JP_CHART_KIND_BARS:
      return jp_chart_layout_bars (jp_chart_data_get_bars (data), width, height, style);
    case JP_CHART_KIND_BREAKDOWN:
      return jp_chart_layout_breakdown (jp_chart_data_get_breakdown (data), width, height, style);
    case JP_CHART_KIND_GROUPS:
      return jp_chart_layout_groups (jp_chart_data_get_groups (data), width, height, style);
    case JP_CHART_KIND_HISTORY:
      return jp_chart_layout_history (jp_chart_data_get_history (data), width, height, style);
    case JP_CHART_KIND_TREND:
      return jp_chart_layout_trend (jp_chart_data_get_trend (data), width, height, style);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

void
jp_chart_draw (cairo_t            *cr,
               const JpChartData  *data,
               double              width,
               double              height,
               const JpChartStyle *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  layout = jp_chart_layout_new (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}

double
jp_chart_get_natural_height (const JpChartData  *data,
                             double              width,
                             const JpChartStyle *style)
{
  double f = style != NULL && style->font_size > 0 ? style->font_size : 13.0;
  double line = 1.5 * f;
  double title = 0;
  guint rows = 0;

  g_return_val_if_fail (data != NULL, 0);

  switch (jp_chart_data_get_kind (data))
    {
    case JP_CHART_KIND_GAUGE:
      {
        const JpGaugeData *gauge = jp_chart_data_get_gauge (data);

        /* Without status and title, no first row. */
        if (gauge->hide_status && (gauge->title == NULL || gauge->title[0] == '\0'))
          return line + 3.2 * f;
        return 2 * line + 3.2 * f;
      }

    case JP_CHART_KIND_BARS:
      {
        const JpBarsData *bars = jp_chart_data_get_bars (data);

        title = bars->title != NULL ? line + 0.5 * f : 0;
        rows = MAX (bars->rows->len, 1);
        return title + rows * 2.2 * f + line + (width < 40 * f ? 2 : 1) * line + f;
      }

    case JP_CHART_KIND_GROUPS:
      {
        const JpGroupsData *groups = jp_chart_data_get_groups (data);

        title = groups->title != NULL ? line + 0.5 * f : 0;
        rows = MAX (groups->rows->len, 1);
        return title + rows * 2.2 * f + line + (width < 40 * f ? 2 : 1) * line + f;
      }

    case JP_CHART_KIND_BREAKDOWN:
      {
        const JpBreakdownData *breakdown = jp_chart_data_get_breakdown (data);

        title = breakdown->title != NULL ? line + 0.5 * f : 0;
        if (breakdown->shape == JP_BREAKDOWN_DONUT)
          return title + MIN (MAX (width * 0.4, 10 * f), 18 * f);
        return title + line + 3 * f + (width < 50 * f ? 3 : 2) * line + 2 * f;
      }

    case JP_CHART_KIND_HISTORY:
      {
        const JpHistoryData *history = jp_chart_data_get_history (data);

        title = history->title != NULL ? line + 0.5 * f : 0;
        return title + CLAMP (width * 0.45, 16 * f, 26 * f);
      }

    case JP_CHART_KIND_TREND:
      {
        const JpTrendData *trend = jp_chart_data_get_trend (data);

        title = trend->title != NULL ? line + 0.5 * f : 0;
        return title + CLAMP (width * 0.35, 16 * f, 22 * f);
      }

    default:
      g_assert_not_reached ();
    }

  return 0;
}
