#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-draw.h"

#include "jp-chart-axis.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* History of one indicator over the plan year:
 *
 *   — Progress   — Target   ‥ Expected   ▒ Target range
 *   90% ┼──────────────────────────────────────── target ──
 *       │                      ┆ As of Sep 30       ‥‥‥
 *   60% ┼              ●───────●         ‥‥‥‥
 *       │        ●────╯        ┆  ‥‥‥‥
 *    0% ┼‥‥‥‥‥‥‥‥──────────────┴────────────────────────
 *         Jan  Feb  Mar  …                          Dec
 *
 * x: days from the plan start to its end (widened to hold every date
 * drawn), month ticks; y: nice ticks with the unit. The expected line
 * runs from (start, baseline or 0) to (due, target). A value far above
 * the target is drawn at the top edge as an arrow with its real figure. */

/* Values above CAP × the target are clamped to the top of the plot. */
#define CAP 2.0

enum
{
  LEGEND_PROGRESS,
  LEGEND_TARGET,
  LEGEND_EXPECTED,
  LEGEND_RANGE,
};

typedef struct
{
  double x;      /* plot left */
  double width;
  double y;      /* plot top */
  double height;
  double d_lo;   /* Julian days at the left and right edges */
  double d_hi;
  double v_lo;   /* values at the bottom and top edges */
  double v_hi;
} Frame;

typedef struct
{
  guint   index; /* in data->points */
  guint32 day;
  double  value;
} Point;

static double
frame_x (const Frame *frame,
         double       day)
{
  return frame->x + (day - frame->d_lo) / (frame->d_hi - frame->d_lo) * frame->width;
}

static double
frame_y (const Frame *frame,
         double       value)
{
  double t = (value - frame->v_lo) / (frame->v_hi - frame->v_lo);

  return frame->y + frame->height - CLAMP (t, 0.0, 1.0) * frame->height;
}

static gboolean
shows_expected (const JpHistoryData *data)
{
  return data->show_expected &&
         data->kind != JP_INDICATOR_KIND_AT_MOST &&
         data->kind != JP_INDICATOR_KIND_MILESTONE;
}

static gboolean
has_band (const JpHistoryData *data)
{
  return data->kind == JP_INDICATOR_KIND_RANGE && data->has_target_max &&
         data->target_max > data->target;
}

static double
reference_value (const JpHistoryData *data)
{
  if (data->kind == JP_INDICATOR_KIND_MILESTONE)
    return 1;
  if (has_band (data))
    return data->target_max;
  return data->target;
}

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

static gboolean
overlaps (const JpChartRect *a,
          const JpChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether the segment @a–@b crosses @rect (sampled: the labels are a
 * few pixels high, the samples closer than that). */
static gboolean
crosses (const JpChartPoint *a,
         const JpChartPoint *b,
         const JpChartRect  *rect)
{
  for (guint i = 0; i <= 64; i++)
    {
      double x = a->x + (b->x - a->x) * i / 64.0;
      double y = a->y + (b->y - a->y) * i / 64.0;

      if (x > rect->x && x < rect->x + rect->width && y > rect->y && y < rect->y + rect->height)
        return TRUE;
    }

  return FALSE;
}

/* Places @layout (taken) at the first of @spots (top left corners) where
 * it stays in @bounds and overlaps nothing in @taken, and adds it to
 * @taken; drops it when there is no such spot. A spot that crosses none
 * of the lines in @segments (pairs of points) comes first. */
static gboolean
place_label (JpChartCanvas      *canvas,
             JpChartRole         role,
             int                 index,
             PangoLayout        *layout,
             const JpChartPoint *spots,
             guint               n_spots,
             const JpChartRect  *bounds,
             GArray             *taken,
             const GArray       *segments,
             const JpChartRgba  *color)
{
  double w, h;

  _jp_chart_text_get_size (layout, &w, &h);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_spots; i++)
      {
        JpChartRect rect = { spots[i].x, spots[i].y, w, h };
        gboolean free = rect.x >= bounds->x && rect.y >= bounds->y &&
                        rect.x + w <= bounds->x + bounds->width &&
                        rect.y + h <= bounds->y + bounds->height;

        for (guint j = 0; free && j < taken->len; j++)
          free = !overlaps (&rect, &g_array_index (taken, JpChartRect, j));

        for (guint j = 0; free && pass == 0 && j + 1 < segments->len; j += 2)
          free = !crosses (&g_array_index (segments, JpChartPoint, j),
                           &g_array_index (segments, JpChartPoint, j + 1), &rect);

        if (free)
          {
            _jp_chart_add_text (canvas, role, index, -1, layout, rect.x, rect.y, color);
            g_array_append_val (taken, rect);
            return TRUE;
          }
      }

  g_object_unref (layout);
  return FALSE;
}

/* Line, target, expected and range samples with their names, in one or
 * more lines from (0, y). Returns the height. */
static double
add_series_legend (JpChartCanvas       *canvas,
                   const JpHistoryData *data,
                   gboolean             has_points,
                   double               y)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double f = canvas->font_size;
  double line_h = _jp_chart_line_height (canvas, 0.85);
  double sample_w = 1.6 * f;
  double cx = 0, cy = y;
  JpChartRgba target_color = _jp_chart_with_alpha (&style->foreground, 0.85);
  JpChartRgba expected_color = _jp_chart_with_alpha (&style->foreground, 0.6);
  JpChartRgba band_color = _jp_chart_with_alpha (&style->accent, 0.18);
  struct {
    int         id;
    gboolean    shown;
    const char *label;
  } entries[] = {
    { LEGEND_PROGRESS, has_points, C_("chart legend", "Progress") },
    { LEGEND_TARGET, data->kind != JP_INDICATOR_KIND_MILESTONE, C_("chart legend", "Target") },
    { LEGEND_RANGE, has_band (data), C_("chart legend", "Target range") },
    { LEGEND_EXPECTED, shows_expected (data), C_("chart legend", "Expected progress") },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      PangoLayout *layout;
      double w, mid;

      if (!entries[i].shown)
        continue;

      layout = _jp_chart_text_new (canvas, entries[i].label, 0.85, FALSE, MAX (width - sample_w - 0.4 * f, 1));
      _jp_chart_text_get_size (layout, &w, NULL);
      if (any && cx + sample_w + 0.4 * f + w > width)
        {
          cx = 0;
          cy += line_h * 1.15;
        }
      mid = cy + line_h / 2;

      switch (entries[i].id)
        {
        case LEGEND_PROGRESS:
          _jp_chart_add_line (canvas, JP_CHART_ROLE_LEGEND_SWATCH, LEGEND_PROGRESS,
                              cx, mid, cx + sample_w, mid, &style->accent, 2, 0);
          _jp_chart_add_circle (canvas, JP_CHART_ROLE_LEGEND_SWATCH, LEGEND_PROGRESS,
                                cx + sample_w / 2, mid, 0.28 * f, &style->accent, NULL, 0);
          break;
        case LEGEND_TARGET:
          _jp_chart_add_line (canvas, JP_CHART_ROLE_LEGEND_SWATCH, LEGEND_TARGET,
                              cx, mid, cx + sample_w, mid, &target_color, 1.5, 0);
          break;
        case LEGEND_RANGE:
          _jp_chart_add_rect (canvas, JP_CHART_ROLE_LEGEND_SWATCH, LEGEND_RANGE, -1,
                              cx, mid - 0.35 * f, sample_w, 0.7 * f, &band_color);
          break;
        case LEGEND_EXPECTED:
          _jp_chart_add_line (canvas, JP_CHART_ROLE_LEGEND_SWATCH, LEGEND_EXPECTED,
                              cx, mid, cx + sample_w, mid, &expected_color, 1.5, 4);
          break;
        default:
          g_assert_not_reached ();
        }
      _jp_chart_add_text (canvas, JP_CHART_ROLE_LEGEND_LABEL, entries[i].id, -1, layout,
                          cx + sample_w + 0.4 * f, cy, NULL);
      cx += sample_w + 0.4 * f + w + 1.2 * f;
      any = TRUE;
    }

  return any ? cy + line_h - y : 0;
}

static void
lay_out (JpChartCanvas       *canvas,
         const JpHistoryData *data,
         double               top,
         guint32              day_lo,
         guint32              day_hi,
         GArray              *points)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double height = canvas->layout->height;
  double f = canvas->font_size;
  double gap = 0.5 * f;
  JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);
  JpChartRgba target_color = _jp_chart_with_alpha (&style->foreground, 0.85);
  JpChartRgba expected_color = _jp_chart_with_alpha (&style->foreground, 0.6);
  JpChartRgba band_color = _jp_chart_with_alpha (&style->accent, 0.18);
  double ref = reference_value (data);
  double cap = ref > 0 ? CAP * ref : G_MAXDOUBLE;
  double v_lo = 0, v_hi = MAX (ref, 0);
  double legend_h, axis_h, plot_top, plot_bottom, label_w = 0, right_pad;
  JpChartTicks ticks;
  Frame frame;
  GDate date;
  g_autofree JpChartPoint *line = NULL;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (JpChartPoint));
  g_autoptr(GArray) taken = NULL;
  double r = 0.3 * f;
  JpChartRect inside;
  gboolean has_as_of;
  double as_of_x = 0;

  /* Value range: 0, the baseline, the target (max), every value up to
   * the cap. */
  if (data->has_baseline)
    {
      v_lo = MIN (v_lo, data->baseline);
      v_hi = MAX (v_hi, data->baseline);
    }
  for (guint i = 0; i < points->len; i++)
    {
      double v = g_array_index (points, Point, i).value;

      v_lo = MIN (v_lo, v);
      v_hi = MAX (v_hi, MIN (v, cap));
    }

  /* Rows: legend, plot, month labels. */
  legend_h = add_series_legend (canvas, data, points->len > 0, top);
  axis_h = _jp_chart_line_height (canvas, 0.85) + 0.3 * f;
  plot_top = top + (legend_h > 0 ? legend_h + gap : 0) + 0.4 * f;
  plot_bottom = height - axis_h;

  /* The plot may be shorter than one tick at tiny sizes: clamp before
   * converting, a negative double has no unsigned value. */
  jp_chart_nice_ticks (v_lo, v_hi,
                       (guint) CLAMP ((plot_bottom - plot_top) / (2.2 * f), 1, 8),
                       &ticks);
  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, data->unit);

      label_w = MAX (label_w, _jp_chart_text_width (canvas, text, 0.85, FALSE));
    }

  right_pad = MAX (0.8 * f, _jp_chart_text_width (canvas, "00", 0.85, FALSE));
  frame.x = label_w + 0.4 * f;
  frame.width = MAX (width - frame.x - right_pad, 1);
  frame.y = plot_top;
  frame.height = MAX (plot_bottom - plot_top, 1);
  frame.d_lo = day_lo;
  frame.d_hi = day_hi;
  frame.v_lo = ticks.first;
  frame.v_hi = ticks.last;
  canvas->layout->plot = (JpChartRect) { frame.x, frame.y, frame.width, frame.height };
  /* Labels stay in the plot, or in the margin on its right. */
  inside = (JpChartRect) { frame.x, frame.y, width - frame.x, frame.height };

  /* Grid, y labels, month axis. */
  for (guint t = 0; t < ticks.n_ticks; t++)
    {
      double v = jp_chart_ticks_get_value (&ticks, t);
      double y = frame_y (&frame, v);
      g_autofree char *text = jp_chart_ticks_format (&ticks, t, data->unit);
      PangoLayout *layout = _jp_chart_text_new (canvas, text, 0.85, FALSE, 0);
      double w, h;

      _jp_chart_add_line (canvas, fabs (v) < ticks.step * 1e-6 ? JP_CHART_ROLE_AXIS : JP_CHART_ROLE_GRID,
                          (int) t, frame.x, y, frame.x + frame.width, y,
                          fabs (v) < ticks.step * 1e-6 ? &dim : &style->grid, 1, 0);
      _jp_chart_text_get_size (layout, &w, &h);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_TICK_LABEL, (int) t, 1, layout,
                          frame.x - 0.4 * f - w, CLAMP (y - h / 2, 0, height - h), &dim);
    }
  _jp_chart_add_month_axis (canvas, &canvas->layout->plot, frame.d_lo, frame.d_hi, plot_bottom + 0.3 * f);
  _jp_chart_add_line (canvas, JP_CHART_ROLE_AXIS, -1, frame.x, frame.y, frame.x, frame.y + frame.height,
                      &dim, 1, 0);

  /* Where the points go. */
  taken = g_array_new (FALSE, FALSE, sizeof (JpChartRect));
  if (points->len > 0)
    {
      line = g_new (JpChartPoint, points->len);
      for (guint i = 0; i < points->len; i++)
        {
          const Point *p = &g_array_index (points, Point, i);
          JpChartRect around;

          line[i].x = frame_x (&frame, p->day);
          line[i].y = frame_y (&frame, p->value);
          around = (JpChartRect) { line[i].x - r - 1, line[i].y - r - 1, 2 * r + 2, 2 * r + 2 };
          g_array_append_val (taken, around);
        }
    }

  /* Target band and line. */
  if (has_band (data))
    {
      double y_top = frame_y (&frame, data->target_max);
      double y_bottom = frame_y (&frame, data->target);

      _jp_chart_add_rect (canvas, JP_CHART_ROLE_BAND, 0, -1, frame.x, y_top, frame.width,
                          y_bottom - y_top, &band_color);
    }
  if (data->kind != JP_INDICATOR_KIND_MILESTONE)
    {
      double y = frame_y (&frame, data->target);

      /* The labels keep off the line: its width and a hair each side. */
      JpChartRect around = { frame.x, y - 1, frame.width, 2 };

      _jp_chart_add_line (canvas, JP_CHART_ROLE_TARGET, 0, frame.x, y, frame.x + frame.width, y,
                          &target_color, 1.5, 0);
      g_array_append_val (taken, around);
    }

  /* Expected progress: (start, baseline or 0) → (due, target). */
  if (shows_expected (data))
    {
      GDate start, due;
      double from = data->has_baseline ? data->baseline : 0;
      JpChartPoint ends[2];

      if (!_jp_chart_parse_date (data->start, &start))
        g_date_set_julian (&start, day_lo);
      if (!_jp_chart_parse_date (data->due, &due) && !_jp_chart_parse_date (data->end, &due))
        g_date_set_julian (&due, day_hi);

      ends[0] = (JpChartPoint) { frame_x (&frame, g_date_get_julian (&start)), frame_y (&frame, from) };
      ends[1] = (JpChartPoint) { frame_x (&frame, g_date_get_julian (&due)), frame_y (&frame, data->target) };

      _jp_chart_add_line (canvas, JP_CHART_ROLE_EXPECTED, 0, ends[0].x, ends[0].y, ends[1].x, ends[1].y,
                          &expected_color, 1.5, 5);
      g_array_append_vals (segments, ends, 2);
    }

  /* As-of line. */
  has_as_of = _jp_chart_parse_date (data->as_of, &date);
  if (has_as_of)
    {
      as_of_x = frame_x (&frame, g_date_get_julian (&date));
      _jp_chart_add_line (canvas, JP_CHART_ROLE_AS_OF, 0, as_of_x, frame.y, as_of_x, frame.y + frame.height,
                          &style->foreground, 1, 3);
    }

  /* Values: the line, then the points over it. */
  if (points->len > 1)
    _jp_chart_add_polyline (canvas, JP_CHART_ROLE_LINE, -1, line, points->len, FALSE,
                            NULL, &style->accent, 2);
  for (guint i = 1; i < points->len; i++)
    {
      g_array_append_val (segments, line[i - 1]);
      g_array_append_val (segments, line[i]);
    }

  for (guint i = 0; i < points->len; i++)
    {
      const Point *p = &g_array_index (points, Point, i);
      double x = line[i].x;
      double y = line[i].y;

      if (p->value > frame.v_hi)
        {
          JpChartPoint arrow[] = {
            { x - r * 1.3, y + r * 2.2 },
            { x, y },
            { x + r * 1.3, y + r * 2.2 },
          };
          JpChartMark *mark;

          mark = _jp_chart_add_polyline (canvas, JP_CHART_ROLE_POINT, (int) p->index, arrow,
                                         G_N_ELEMENTS (arrow), TRUE, &style->accent, NULL, 0);
          mark->clamped = TRUE;
        }
      else
        _jp_chart_add_circle (canvas, JP_CHART_ROLE_POINT, (int) p->index, x, y, r,
                              &style->accent, style->background.alpha > 0 ? &style->background : NULL,
                              1.5);
    }

  /* Labels, most important first, each where it overlaps nothing placed
   * before (or not at all): the real figure of the latest value and of
   * clamped ones, the as-of date, the target. */
  for (guint i = points->len; i > 0; i--)
    {
      const Point *p = &g_array_index (points, Point, i - 1);
      double x = line[i - 1].x;
      double y = line[i - 1].y;
      gboolean clamped = p->value > frame.v_hi;
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double w, h;

      if (!clamped && i != points->len)
        continue;

      text = jp_chart_format_value (p->value, data->unit);
      layout = _jp_chart_text_new (canvas, text, 0.85, TRUE, 0);
      _jp_chart_text_get_size (layout, &w, &h);
      {
        /* Last, clear of the target line when the point is close to it. */
        double line_y = data->kind != JP_INDICATOR_KIND_MILESTONE ? frame_y (&frame, data->target) : y;
        JpChartPoint spots[] = {
          { x + r + 0.2 * f, clamped ? y : y - h - 0.1 * f },
          { x - r - 0.2 * f - w, clamped ? y : y - h - 0.1 * f },
          { x + r + 0.2 * f, y + 0.1 * f },
          { x - r - 0.2 * f - w, y + 0.1 * f },
          { x + r + 0.2 * f, line_y + 0.15 * f },
          { x - r - 0.2 * f - w, line_y + 0.15 * f },
          { x + r + 0.2 * f, line_y - h - 0.15 * f },
          { x - r - 0.2 * f - w, line_y - h - 0.15 * f },
        };

        place_label (canvas, JP_CHART_ROLE_VALUE_LABEL, (int) p->index, layout,
                     spots, G_N_ELEMENTS (spots), &inside, taken, segments, NULL);
      }
    }

  if (has_as_of)
    {
      g_autofree char *day = _jp_chart_format_date (&date, C_("chart date", "%b %-d"));
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double w, h;

      /* Translators: label of the as-of line, e.g. "As of Sep 30". */
      text = g_strdup_printf (_("As of %s"), day);
      layout = _jp_chart_text_new (canvas, text, 0.8, FALSE, 0);
      _jp_chart_text_get_size (layout, &w, &h);
      {
        JpChartPoint spots[] = {
          { as_of_x + 0.3 * f, frame.y + 0.1 * f },
          { as_of_x - 0.3 * f - w, frame.y + 0.1 * f },
          { as_of_x + 0.3 * f, frame.y + frame.height - h - 0.1 * f },
          { as_of_x - 0.3 * f - w, frame.y + frame.height - h - 0.1 * f },
        };

        place_label (canvas, JP_CHART_ROLE_CAPTION, 1, layout,
                     spots, G_N_ELEMENTS (spots), &inside, taken, segments, &dim);
      }
    }

  if (data->kind != JP_INDICATOR_KIND_MILESTONE)
    {
      double y = frame_y (&frame, data->target);
      g_autofree char *target = NULL;
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double w, h;

      if (has_band (data))
        {
          g_autofree char *lower = jp_format_number (data->target, TRUE);
          g_autofree char *upper = jp_chart_format_value (data->target_max, data->unit);

          target = g_strdup_printf (_("%s–%s"), lower, upper);
        }
      else
        target = jp_chart_format_value (data->target, data->unit);
      /* Translators: the target line's label, e.g. "Target 90%". */
      text = g_strdup_printf (_("Target %s"), target);
      layout = _jp_chart_text_new (canvas, text, 0.85, FALSE, frame.width / 2);
      _jp_chart_text_get_size (layout, &w, &h);
      {
        double right = frame.x + frame.width - w - 0.2 * f;
        double left = frame.x + 0.3 * f;
        JpChartPoint spots[] = {
          { right, y - h - 0.15 * f },
          { right, y + 0.15 * f },
          { left, y - h - 0.15 * f },
          { left, y + 0.15 * f },
        };

        place_label (canvas, JP_CHART_ROLE_CAPTION, 0, layout,
                     spots, G_N_ELEMENTS (spots), &inside, taken, segments, &dim);
      }
    }

  for (guint i = 0; i < points->len; i++)
    {
      const Point *p = &g_array_index (points, Point, i);
      double hit = MAX (1.2 * f, 16);

      _jp_chart_add_hit (canvas, (int) p->index, -1, line[i].x - hit / 2, line[i].y - hit / 2, hit, hit);
    }

  if (points->len == 0)
    {
      JpChartRect area = { frame.x, frame.y, frame.width, frame.height };

      _jp_chart_add_empty (canvas, &area, _("No data yet"));
    }
}

JpChartLayout *
jp_chart_layout_history (const JpHistoryData *data,
                         double               width,
                         double               height,
                         const JpChartStyle  *style)
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
      const char *dates[] = { data->start, data->end, data->due, data->as_of };

      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        if (_jp_chart_parse_date (dates[i], &date))
          {
            day_lo = MIN (day_lo, g_date_get_julian (&date));
            day_hi = MAX (day_hi, g_date_get_julian (&date));
          }

      for (guint i = 0; i < data->points->len; i++)
        {
          const JpHistoryPoint *hp = g_ptr_array_index (data->points, i);
          Point p;

          if (!_jp_chart_parse_date (hp->date, &date) || !isfinite (hp->value))
            continue;
          p.index = i;
          p.day = g_date_get_julian (&date);
          p.value = hp->value;
          g_array_append_val (points, p);
          day_lo = MIN (day_lo, p.day);
          day_hi = MAX (day_hi, p.day);
        }
      g_array_sort (points, compare_points);
    }

  if (data == NULL || day_lo > day_hi)
    {
      JpChartRect area = { 0, top, width, MAX (height - top, 0) };

      _jp_chart_add_empty (&canvas, &area, _("No data yet"));
    }
  else
    {
      /* A single day still needs a width. */
      if (day_hi == day_lo)
        day_hi = day_lo + 1;
      lay_out (&canvas, data, top, day_lo, day_hi, points);
    }

  return _jp_chart_canvas_finish (&canvas);
}

void
jp_chart_draw_history (cairo_t             *cr,
                       const JpHistoryData *data,
                       double               width,
                       double               height,
                       const JpChartStyle  *style)
{
  g_autoptr(JpChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);

  layout = jp_chart_layout_history (data, width, height, style);
  jp_chart_layout_paint (layout, cr);
}
