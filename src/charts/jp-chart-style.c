#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-style.h"

#include "jp-status.h"

G_DEFINE_BOXED_TYPE (JpChartStyle, jp_chart_style, jp_chart_style_copy, jp_chart_style_free)

static void
set_rgba (JpChartRgba *c,
          double       r,
          double       g,
          double       b,
          double       a)
{
  c->red = r;
  c->green = g;
  c->blue = b;
  c->alpha = a;
}

JpChartStyle *
jp_chart_style_new_for_scheme (gboolean dark)
{
  JpChartStyle *style = g_new0 (JpChartStyle, 1);

  style->dark = dark;
  if (dark)
    {
      set_rgba (&style->foreground, 1.0, 1.0, 1.0, 0.92);
      set_rgba (&style->background, 0.14, 0.14, 0.14, 1.0);
      set_rgba (&style->grid, 1.0, 1.0, 1.0, 0.16);
      set_rgba (&style->accent, 0.47, 0.68, 0.93, 1.0);
    }
  else
    {
      set_rgba (&style->foreground, 0.12, 0.12, 0.12, 1.0);
      set_rgba (&style->background, 1.0, 1.0, 1.0, 1.0);
      set_rgba (&style->grid, 0.0, 0.0, 0.0, 0.13);
      set_rgba (&style->accent, 0.21, 0.52, 0.89, 1.0);
    }

  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      double r, g, b;

      jp_status_get_rgb ((JpStatus) i, &r, &g, &b);
      set_rgba (&style->status[i], r, g, b, 1.0);
    }

  style->font_family = g_strdup (JP_CHART_FONT_FAMILY);
  style->font_size = 13.0;

  return style;
}

JpChartStyle *
jp_chart_style_new (void)
{
  return jp_chart_style_new_for_scheme (FALSE);
}

JpChartStyle *
jp_chart_style_copy (const JpChartStyle *style)
{
  JpChartStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font_family = g_strdup (style->font_family);

  return copy;
}

void
jp_chart_style_free (JpChartStyle *style)
{
  if (style == NULL)
    return;

  g_free (style->font_family);
  g_free (style);
}

void
jp_chart_style_set_font (JpChartStyle *style,
                         const char   *family,
                         double        size)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (size > 0);

  if (family != NULL)
    {
      g_free (style->font_family);
      style->font_family = g_strdup (family);
    }
  style->font_size = size;
}

void
jp_chart_style_set_foreground (JpChartStyle      *style,
                               const JpChartRgba *foreground)
{
  double luminance;

  g_return_if_fail (style != NULL);
  g_return_if_fail (foreground != NULL);

  style->foreground = *foreground;
  luminance = 0.2126 * foreground->red + 0.7152 * foreground->green + 0.0722 * foreground->blue;
  style->dark = luminance > 0.5;
  style->grid = *foreground;
  style->grid.alpha = foreground->alpha * (style->dark ? 0.16 : 0.13);
  set_rgba (&style->background, 0, 0, 0, 0);
}
