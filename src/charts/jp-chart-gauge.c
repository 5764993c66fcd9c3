#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-axis.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Indicator gauge:
 *
 *   Title ………………………………………………… ● On track
 *   [███████████████░░░░░│░░░░░░░░░░░]▶
 *   72% · 80% of target    Expected 63%     Target ≥ 90%
 *
 * The track runs from 0 (or a negative baseline) to the target, or to the
 * target max for ranges with the range as a band; the fill is the value
 * (clamped to the track, with an arrow when beyond); the dark tick is the
 * value expected by now. */

typedef struct
{
  double lo;
  double hi;
  double x;
  double width;
} Scale;

static double
scale_x (const Scale *scale,
         double       value)
{
  double t = (value - scale->lo) / (scale->hi - scale->lo);

  return scale->x + CLAMP (t, 0.0, 1.0) * scale->width;
}

static gboolean
get_scale_range (const JpGaugeData *data,
                 double            *lo,
                 double            *hi)
{
  *lo = 0;
  if (data->kind == JP_INDICATOR_KIND_MILESTONE)
    *hi = 1;
  else if (data->has_target_max && data->target_max > data->target)
    *hi = data->target_max;
  else
    *hi = data->target;

  if (data->has_baseline && data->baseline < *lo)
    *lo = data->baseline;

  return isfinite (*lo) && isfinite (*hi) && *hi > *lo;
}

/* A percentage of 100 from 0: the value is its own share of the target. */
static gboolean
is_share_of_100 (const JpGaugeData *data)
{
  return g_strcmp0 (data->unit, "%") == 0 && data->target == 100 && !data->has_baseline;
}

static gboolean
shows_expected (const JpGaugeData *data)
{
  return data->expected >= 0 &&
         data->kind != JP_INDICATOR_KIND_AT_MOST &&
         data->kind != JP_INDICATOR_KIND_MILESTONE;
}

/* The value expected now: e of the way from the baseline (or 0) to the
 * target. */
static double
expected_value (const JpGaugeData *data)
{
  double from = data->has_baseline ? data->baseline : 0;

  return from + CLAMP (data->expected, 0.0, 1.0) * (data->target - from);
}

static char *
dup_target_text (const JpGaugeData *data)
{
  g_autofree char *target = NULL;
  g_autofree char *target_max = NULL;

  if (data->target_text != NULL)
    return g_strdup (data->target_text);

  /* The same words as jp_indicator_format_target(), for data filled by
   * hand. */
  target = jp_chart_format_value (data->target, data->unit);
  switch (data->kind)
    {
    case JP_INDICATOR_KIND_AT_LEAST:
      return g_strdup_printf (_("≥ %s"), target);
    case JP_INDICATOR_KIND_AT_MOST:
      return g_strdup_printf (_("≤ %s"), target);
    case JP_INDICATOR_KIND_RANGE:
      if (!data->has_target_max)
        return g_strdup_printf (_("≥ %s"), target);
      target_max = jp_chart_format_value (data->target_max, data->unit);
      g_clear_pointer (&target, g_free);
      target = jp_format_number (data->target, TRUE);
      return g_strdup_printf (_("%s–%s"), target, target_max);
    case JP_INDICATOR_KIND_DECREASE_BY:
      return g_strdup_printf (_("Decrease by %s"), target);
    case JP_INDICATOR_KIND_INCREASE_BY:
      return g_strdup_printf (_("Increase by %s"), target);
    case JP_INDICATOR_KIND_MILESTONE:
      return g_strdup (_("Milestone"));
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static char *
dup_value_text (const JpGaugeData *data)
{
  g_autofree char *value = NULL;
  g_autofree char *ratio = NULL;

  if (!data->has_value)
    return g_strdup (_("No progress recorded"));

  if (data->kind == JP_INDICATOR_KIND_MILESTONE)
    return g_strdup (data->value >= 1 ? C_("milestone", "Reached") : C_("milestone", "Not reached yet"));

  value = jp_chart_format_value (data->value, data->unit);
  /* At most: the ratio says nothing; a percentage of 100: it says the
   * same as the value. */
  if (data->kind == JP_INDICATOR_KIND_AT_MOST || is_share_of_100 (data))
    return g_steal_pointer (&value);

  ratio = _jp_chart_format_ratio (data->ratio);
  /* Translators: the value recorded, then the share of the target it
   * reaches, e.g. "72% · 80% of target". */
  return g_strdup_printf (_("%s · %s of target"), value, ratio);
}

static void
lay_out (JpChartCanvas     *canvas,
         const JpGaugeData *data,
         double             lo,
         double             hi)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f, line, bar_h, overhang, gap, reserve, block, top, y, bar_y;
  double status_w = 0, swatch = 0, title_w, head;
  gboolean has_title = data->title != NULL && *data->title != '\0';
  const JpChartRgba *status_color = &style->status[data->status];
  JpChartRgba track = style->grid;
  JpChartRgba band_fill = _jp_chart_with_alpha (&style->foreground, 0.10);
  JpChartRgba band_stroke = _jp_chart_with_alpha (&style->foreground, 0.55);
  g_autofree char *status_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *caption = NULL;
  PangoLayout *value_layout, *target_layout;
  double value_w, target_w, text_h;
  Scale scale;
  double fill_end;
  gboolean clamped = FALSE;

  /* Shrink the text when the rectangle is too low for the natural size. */
  f = canvas->font_size;
  line = _jp_chart_line_height (canvas, 1.0);
  /* The first row (title, status) is left out when it would be empty. */
  head = data->hide_status && !has_title ? 0 : line + 0.4 * f;
  block = head + (1.2 * f + 0.9 * f) + 0.3 * f + line;
  if (block > height && height > 0)
    {
      canvas->font_size = MAX (canvas->font_size * height / block, 4.0);
      f = canvas->font_size;
      line = _jp_chart_line_height (canvas, 1.0);
      head = data->hide_status && !has_title ? 0 : line + 0.4 * f;
      block = head + (1.2 * f + 0.9 * f) + 0.3 * f + line;
    }

  bar_h = 1.2 * f;
  overhang = 0.45 * f;
  gap = 0.4 * f;
  reserve = 0.8 * f;
  top = MAX ((height - block) / 2, 0);

  /* Row 1: status on the right (unless shown beside the gauge), title in
   * what is left. */
  if (!data->hide_status)
    {
      PangoLayout *status_layout;

      status_text = _jp_chart_status_text (data->status);
      status_layout = _jp_chart_text_new (canvas, status_text, 1.0, FALSE, width * 0.6);
      _jp_chart_text_get_size (status_layout, &status_w, &text_h);
      swatch = 0.7 * f;
      /* A square key, as in the legends: a round one beside the on-track
       * symbol "●" would read as the symbol twice. */
      _jp_chart_add_rect (canvas, JP_CHART_ROLE_LEGEND_SWATCH, data->status, data->status,
                          width - status_w - gap - swatch, top + (line - swatch) / 2, swatch, swatch,
                          status_color);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_STATUS_LABEL, data->status, data->status,
                          status_layout, width - status_w, top, NULL);
    }

  title_w = data->hide_status ? width : width - status_w - swatch - 3 * gap;
  if (has_title && title_w > f)
    _jp_chart_add_text (canvas, JP_CHART_ROLE_TITLE, -1, -1,
                        _jp_chart_text_new (canvas, data->title, 1.0, TRUE, title_w),
                        0, top, NULL);

  /* Row 2: the scale. */
  y = top + head;
  bar_y = y + overhang;
  scale.lo = lo;
  scale.hi = hi;
  scale.x = 0;
  scale.width = MAX (width - reserve, 1);
  canvas->layout->plot = (JpChartRect) { scale.x, bar_y, scale.width, bar_h };

  _jp_chart_add_rect (canvas, JP_CHART_ROLE_TRACK, 0, -1, scale.x, bar_y, scale.width, bar_h, &track);

  if (data->kind == JP_INDICATOR_KIND_RANGE && data->has_target_max && data->target_max > data->target)
    _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAND, 0, -1,
                        scale_x (&scale, data->target), bar_y,
                        scale_x (&scale, data->target_max) - scale_x (&scale, data->target), bar_h,
                        &band_fill);

  if (data->has_value)
    {
      JpChartMark *bar;
      double start = scale_x (&scale, MIN (0, hi));

      clamped = data->value > hi;
      fill_end = scale_x (&scale, data->value);
      bar = _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAR, 0, data->status,
                                MIN (start, fill_end), bar_y, fabs (fill_end - start), bar_h,
                                status_color);
      bar->clamped = clamped;
    }

  if (data->kind == JP_INDICATOR_KIND_RANGE && data->has_target_max && data->target_max > data->target)
    {
      JpChartMark *outline;

      outline = _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAND, 1, -1,
                                    scale_x (&scale, data->target), bar_y,
                                    scale_x (&scale, data->target_max) - scale_x (&scale, data->target), bar_h,
                                    NULL);
      outline->has_stroke = TRUE;
      outline->stroke = band_stroke;
      outline->line_width = 1;
      outline->dash = 3;
    }

  if (clamped)
    {
      double x = scale.x + scale.width + 0.15 * f;
      JpChartPoint arrow[] = {
        { x, bar_y },
        { x + 0.55 * f, bar_y + bar_h / 2 },
        { x, bar_y + bar_h },
      };

      _jp_chart_add_polyline (canvas, JP_CHART_ROLE_OVERFLOW, 0, arrow, G_N_ELEMENTS (arrow),
                              TRUE, status_color, NULL, 0);
    }

  if (data->kind != JP_INDICATOR_KIND_MILESTONE && data->target > lo && data->target <= hi)
    {
      double x = scale_x (&scale, data->target);

      /* Keep the tick inside the rectangle at the end of the scale. */
      x = MIN (x, scale.x + scale.width - 1);
      _jp_chart_add_line (canvas, JP_CHART_ROLE_TARGET, 0,
                          x, bar_y - 0.2 * f, x, bar_y + bar_h + 0.2 * f,
                          &style->foreground, 2, 0);
    }

  if (shows_expected (data))
    {
      double x = scale_x (&scale, expected_value (data));
      JpChartPoint notch[] = {
        { x - 0.35 * f, y },
        { x + 0.35 * f, y },
        { x, bar_y },
      };

      _jp_chart_add_line (canvas, JP_CHART_ROLE_EXPECTED, 0,
                          x, y, x, bar_y + bar_h + overhang * 0.6,
                          &style->foreground, 1.5, 0);
      _jp_chart_add_polyline (canvas, JP_CHART_ROLE_EXPECTED, 1, notch, G_N_ELEMENTS (notch),
                              TRUE, &style->foreground, NULL, 0);
    }

  /* Row 3: the value on the left, the target on the right, and what is
   * expected by now under its tick when there is room. */
  y = bar_y + bar_h + overhang * 0.6 + 0.3 * f;

  target_text = dup_target_text (data);
  /* Translators: the target of an indicator, e.g. "Target ≥ 90%". */
  caption = g_strdup_printf (_("Target %s"), target_text);
  target_layout = _jp_chart_text_new (canvas, caption, 1.0, FALSE, width * 0.5);
  _jp_chart_text_get_size (target_layout, &target_w, NULL);
  _jp_chart_add_text (canvas, JP_CHART_ROLE_CAPTION, 0, -1, target_layout, width - target_w, y, NULL);

  value_text = dup_value_text (data);
  value_layout = _jp_chart_text_new (canvas, value_text, 1.0, TRUE, MAX (width - target_w - 2 * gap, 1));
  _jp_chart_text_get_size (value_layout, &value_w, NULL);
  _jp_chart_add_text (canvas, JP_CHART_ROLE_VALUE_LABEL, 0, -1, value_layout, 0, y, NULL);

  if (shows_expected (data))
    {
      /* A mean progress (in % of 100, the overall gauge) prints its
       * expected share as the headline beside it does; a target's
       * expected value is rounded like the other labels. */
      g_autofree char *expected = is_share_of_100 (data)
        ? jp_format_percent (data->expected)
        : jp_chart_format_value (_jp_chart_round_figure (expected_value (data)), data->unit);
      g_autofree char *text = NULL;
      JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);
      double left = value_w + 2 * gap;
      double right = width - target_w - 2 * gap;
      double w, x;
      g_autoptr(PangoLayout) layout = NULL;

      /* Translators: the value an indicator should have reached by now. */
      text = g_strdup_printf (_("Expected %s"), expected);
      layout = _jp_chart_text_new (canvas, text, 0.9, FALSE, 0);
      _jp_chart_text_get_size (layout, &w, NULL);
      x = scale_x (&scale, expected_value (data)) - w / 2;
      x = CLAMP (x, left, right - w);
      if (x >= left && x + w <= right)
        _jp_chart_add_text (canvas, JP_CHART_ROLE_CAPTION, 1, -1, g_steal_pointer (&layout),
                            x, y + 0.05 * f, &dim);
    }

  _jp_chart_add_hit (canvas, 0, data->status, 0, top, width, MIN (block, height));
}

JpChartLayout *
jp_chart_layout_gauge (const JpGaugeData  *data,
                       double              width,
                       double              height,
                       const JpChartStyle *style)
{
  JpChartCanvas canvas;
  double lo, hi;

  _jp_chart_canvas_init (&canvas, width, height, style);

  if (data == NULL || !get_scale_range (data, &lo, &hi))
    {
      JpChartRect all = { 0, 0, width, height };
      double title_h = _jp_chart_add_title (&canvas, data != NULL ? data->title : NULL);

      all.y = title_h;
      all.height = MAX (height - title_h, 0);
      _jp_chart_add_empty (&canvas, &all, _("No data yet"));
    }
  else
    lay_out (&canvas, data, lo, hi);

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_gauge (cairo_t            *cr,
                     const JpGaugeData  *data,
                     double              width,
                     double              height,
                     const JpChartStyle *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_gauge (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
