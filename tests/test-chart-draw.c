/* Charts: the layout each chart computes (geometry read back from its
 * marks), the pixels it paints, the axis ticks, and the builders that
 * fill chart data from the model. Every chart is laid out at two sizes.
 *
 * Set JP_TEST_CHART_PNG_DIR to a folder to keep a PNG of every chart
 * rendered, to look at them. */

#define G_LOG_DOMAIN "test-chart-draw"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jp-charts.h"
#include "jp-model.h"

typedef struct
{
  double width;
  double height;
} Size;

static const Size sizes[] = {
  { 400, 200 },
  { 1200, 600 },
};

#define EPSILON 1e-6

/* ---- Helpers */

static void
assert_inside (const JpChartLayout *layout)
{
  double w = jp_chart_layout_get_width (layout);
  double h = jp_chart_layout_get_height (layout);

  for (guint i = 0; i < jp_chart_layout_get_n_marks (layout); i++)
    {
      const JpChartMark *mark = jp_chart_layout_get_mark (layout, i);
      const JpChartRect *b = &mark->bounds;

      if (b->x < -0.5 || b->y < -0.5 || b->x + b->width > w + 0.5 || b->y + b->height > h + 0.5)
        g_error ("mark %u (role %d, index %d, text \"%s\") at (%g, %g, %g × %g) is outside %g × %g",
                 i, mark->role, mark->index, mark->text != NULL ? mark->text : "",
                 b->x, b->y, b->width, b->height, w, h);
    }
}

static gboolean
layout_has_text (const JpChartLayout *layout,
                 JpChartRole          role,
                 const char          *needle)
{
  for (guint i = 0; i < jp_chart_layout_get_n_marks (layout); i++)
    {
      const JpChartMark *mark = jp_chart_layout_get_mark (layout, i);

      if (mark->shape == JP_CHART_SHAPE_TEXT && mark->role == role && strstr (mark->text, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The first text of @role (and @index unless -1); it must be there. */
static const JpChartMark *
find_text_mark (const JpChartLayout *layout,
                JpChartRole          role,
                int                  index)
{
  const JpChartMark *found = NULL;

  for (guint i = 0; i < jp_chart_layout_get_n_marks (layout) && found == NULL; i++)
    {
      const JpChartMark *mark = jp_chart_layout_get_mark (layout, i);

      if (mark->shape == JP_CHART_SHAPE_TEXT && mark->role == role && (index < 0 || mark->index == index))
        found = mark;
    }

  g_assert (found != NULL);
  return found;
}

/* jp_chart_layout_find_full(), for marks that must be there. */
static const JpChartMark *
find_mark_full (const JpChartLayout *layout,
                JpChartRole          role,
                int                  index,
                int                  series)
{
  const JpChartMark *mark = jp_chart_layout_find_full (layout, role, index, series);

  g_assert (mark != NULL);
  return mark;
}

static const JpChartMark *
find_mark (const JpChartLayout *layout,
           JpChartRole          role,
           int                  index)
{
  return find_mark_full (layout, role, index, -1);
}

/* Paints @layout on a white image surface (and keeps a PNG when asked). */
static cairo_surface_t *
paint (const JpChartLayout *layout,
       const char          *name)
{
  int w = (int) ceil (jp_chart_layout_get_width (layout));
  int h = (int) ceil (jp_chart_layout_get_height (layout));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("JP_TEST_CHART_PNG_DIR");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  jp_chart_layout_paint (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (dir != NULL && name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, w, h);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }

  return surface;
}

static void
assert_pixel_is (cairo_surface_t   *surface,
                 double             x,
                 double             y,
                 const JpChartRgba *color)
{
  int px = (int) floor (x);
  int py = (int) floor (y);
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;
  int r, g, b;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *) (data + py * stride + px * 4);
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;

  g_assert_cmpint (abs (r - (int) round (color->red * 255)), <=, 2);
  g_assert_cmpint (abs (g - (int) round (color->green * 255)), <=, 2);
  g_assert_cmpint (abs (b - (int) round (color->blue * 255)), <=, 2);
}

static JpChartRgba
status_color (JpStatus status)
{
  JpChartRgba c = { 0, 0, 0, 1 };

  jp_status_get_rgb (status, &c.red, &c.green, &c.blue);

  return c;
}

static JpGaugeData *
gauge_new (double   target,
           double   value,
           JpStatus status)
{
  JpGaugeData *gauge = jp_gauge_data_new ();

  gauge->title = g_strdup ("党支部规范化率（一星级及以上）");
  gauge->unit = g_strdup ("%");
  gauge->kind = JP_INDICATOR_KIND_AT_LEAST;
  gauge->target = target;
  gauge->has_value = TRUE;
  gauge->value = value;
  gauge->ratio = value / target;
  gauge->status = status;

  return gauge;
}

/* ---- Ticks */

static void
test_nice_ticks (void)
{
  static const struct {
    double      lo;
    double      hi;
    guint       max_intervals;
    double      step;
    double      first;
    double      last;
    guint       n_ticks;
    const char *unit;
    const char *labels; /* space-separated */
  } cases[] = {
    { 0, 630, 7, 100, 0, 700, 8, "个", "0 个|100 个|200 个|300 个|400 个|500 个|600 个|700 个" },
    { 0, 630, 5, 200, 0, 800, 5, NULL, "0|200|400|600|800" },
    { 0, 4.7, 5, 1, 0, 5, 6, "亿元", "0 亿元|1 亿元|2 亿元|3 亿元|4 亿元|5 亿元" },
    { 0, 4.7, 10, 0.5, 0, 5, 11, NULL, "0.0|0.5|1.0|1.5|2.0|2.5|3.0|3.5|4.0|4.5|5.0" },
    { 0, 100, 5, 20, 0, 100, 6, "%", "0%|20%|40%|60%|80%|100%" },
    { 0, 0.3, 3, 0.1, 0, 0.3, 4, "%", "0.0%|0.1%|0.2%|0.3%" },
    { 0, 0.5, 4, 0.2, 0, 0.6, 4, "%", "0.0%|0.2%|0.4%|0.6%" },
    { -12, 47, 6, 20, -20, 60, 5, NULL, "-20|0|20|40|60" },
    { 0, 5, 8, 1, 0, 5, 6, "所", "0 所|1 所|2 所|3 所|4 所|5 所" },
    { 3, 3, 4, 1, 3, 6, 4, NULL, "3|4|5|6" },
    { 0, 0, 4, 0.5, 0, 1, 3, NULL, "0.0|0.5|1.0" },
    { 0, 2900, 6, 500, 0, 3000, 7, "万元", "0 万元|500 万元|1000 万元|1500 万元|2000 万元|2500 万元|3000 万元" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      JpChartTicks ticks;
      g_auto(GStrv) labels = g_strsplit (cases[c].labels, "|", -1);

      jp_chart_nice_ticks (cases[c].lo, cases[c].hi, cases[c].max_intervals, &ticks);
      g_test_message ("case %u: %g..%g in %u", c, cases[c].lo, cases[c].hi, cases[c].max_intervals);
      g_assert_cmpfloat_with_epsilon (ticks.step, cases[c].step, EPSILON);
      g_assert_cmpfloat_with_epsilon (ticks.first, cases[c].first, EPSILON);
      g_assert_cmpfloat_with_epsilon (ticks.last, cases[c].last, EPSILON);
      g_assert_cmpuint (ticks.n_ticks, ==, cases[c].n_ticks);
      g_assert_cmpuint (g_strv_length (labels), ==, ticks.n_ticks);
      g_assert_cmpfloat (ticks.first, <=, MIN (cases[c].lo, cases[c].hi) + EPSILON);
      g_assert_cmpfloat (ticks.last, >=, MAX (cases[c].lo, cases[c].hi) - EPSILON);

      for (guint i = 0; i < ticks.n_ticks; i++)
        {
          g_autofree char *label = jp_chart_ticks_format (&ticks, i, cases[c].unit);

          g_assert_cmpstr (label, ==, labels[i]);
        }
      /* Exact multiples: 3 × 0.1 is 0.3, not 0.30000000000000004. */
      g_assert_true (jp_chart_ticks_get_value (&ticks, ticks.n_ticks - 1) == ticks.last);
    }
}

static void
test_format_value (void)
{
  g_autofree char *percent = jp_chart_format_value (72, "%");
  g_autofree char *schools = jp_chart_format_value (630, "个");
  g_autofree char *money = jp_chart_format_value (4.7, "亿元");
  g_autofree char *plain = jp_chart_format_value (2900, NULL);

  g_assert_cmpstr (percent, ==, "72%");
  g_assert_cmpstr (schools, ==, "630 个");
  g_assert_cmpstr (money, ==, "4.7 亿元");
  g_assert_cmpstr (plain, ==, "2,900");
}

/* ---- Gauge */

static void
test_gauge_half (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) half = gauge_new (90, 45, JP_STATUS_AT_RISK);
      g_autoptr(JpGaugeData) full = gauge_new (90, 90, JP_STATUS_DONE);
      g_autoptr(JpChartLayout) a = jp_chart_layout_gauge (half, sizes[s].width, sizes[s].height, NULL);
      g_autoptr(JpChartLayout) b = jp_chart_layout_gauge (full, sizes[s].width, sizes[s].height, NULL);
      const JpChartMark *bar_a = find_mark (a, JP_CHART_ROLE_BAR, 0);
      const JpChartMark *bar_b = find_mark (b, JP_CHART_ROLE_BAR, 0);
      const JpChartMark *track = find_mark (a, JP_CHART_ROLE_TRACK, 0);
      const JpChartMark *target = find_mark (a, JP_CHART_ROLE_TARGET, 0);

      g_assert_nonnull (bar_a);
      g_assert_nonnull (bar_b);
      g_assert_nonnull (track);
      g_assert_nonnull (target);
      g_assert_false (jp_chart_layout_is_empty (a));

      /* 45 of 90 is half of 90 of 90, which fills the track to the target. */
      g_assert_cmpfloat (bar_a->bounds.width, >, 10);
      g_assert_cmpfloat_with_epsilon (bar_a->bounds.width / bar_b->bounds.width, 0.5, EPSILON);
      g_assert_cmpfloat_with_epsilon (bar_b->bounds.width, track->bounds.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (bar_a->bounds.x, track->bounds.x, EPSILON);
      g_assert_false (bar_b->clamped);
      /* The target tick sits at the end of the track. */
      g_assert_cmpfloat (fabs (target->x0 - (track->bounds.x + track->bounds.width)), <=, 1.0);
      /* The track spans most of the width at any size. */
      g_assert_cmpfloat (track->bounds.width, >, 0.85 * sizes[s].width);

      /* Status by words and symbol, not by colour alone. */
      g_assert_true (layout_has_text (a, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_label (JP_STATUS_AT_RISK)));
      g_assert_true (layout_has_text (a, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_symbol (JP_STATUS_AT_RISK)));
      g_assert_true (layout_has_text (b, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_label (JP_STATUS_DONE)));
      g_assert_true (layout_has_text (a, JP_CHART_ROLE_VALUE_LABEL, "45%"));
      g_assert_true (layout_has_text (a, JP_CHART_ROLE_CAPTION, "≥ 90%"));
      g_assert_true (layout_has_text (a, JP_CHART_ROLE_TITLE, "党支部"));

      assert_inside (a);
      assert_inside (b);
    }
}

static void
test_gauge_expected (void)
{
  static const struct {
    gboolean has_baseline;
    double   baseline;
    double   expected;
    double   at;   /* the value the mark stands for */
  } cases[] = {
    { FALSE, 0, 0.3, 27 },
    { FALSE, 0, 0.75, 67.5 },
    { FALSE, 0, 1.0, 90 },
    { TRUE, 20, 0.5, 55 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(JpGaugeData) gauge = gauge_new (90, 10, JP_STATUS_BEHIND);
        g_autoptr(JpChartLayout) layout = NULL;
        const JpChartMark *track, *expected;

        gauge->expected = cases[c].expected;
        gauge->has_baseline = cases[c].has_baseline;
        gauge->baseline = cases[c].baseline;
        layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);
        track = find_mark (layout, JP_CHART_ROLE_TRACK, 0);
        expected = find_mark (layout, JP_CHART_ROLE_EXPECTED, 0);

        g_assert_nonnull (expected);
        g_assert_cmpint (expected->shape, ==, JP_CHART_SHAPE_LINE);
        /* e of the way along the scale (from the baseline when there is one). */
        g_assert_cmpfloat_with_epsilon (expected->x0,
                                        track->bounds.x + cases[c].at / 90 * track->bounds.width,
                                        EPSILON);
        g_assert_cmpfloat_with_epsilon (expected->x0, expected->x1, EPSILON);
        /* It crosses the bar. */
        g_assert_cmpfloat (expected->bounds.y, <, track->bounds.y);
        g_assert_cmpfloat (expected->bounds.y + expected->bounds.height, >,
                           track->bounds.y + track->bounds.height);
        /* Labelled, rounded, when there is room. */
        if (sizes[s].width >= 1000)
          {
            g_autofree char *text = g_strdup_printf ("Expected %g%%", round (cases[c].at));
            const JpChartMark *caption = find_mark (layout, JP_CHART_ROLE_CAPTION, 1);

            g_assert_cmpstr (caption->text, ==, text);
            /* Centred under the mark, unless pushed aside by the target's
             * words at the end of the scale. */
            if (cases[c].expected < 0.9)
              g_assert_cmpfloat (fabs (caption->bounds.x + caption->bounds.width / 2 - expected->x0), <, 1);
            else
              g_assert_cmpfloat (caption->bounds.x + caption->bounds.width, <=, expected->x0);
          }
        assert_inside (layout);
      }

  /* No expected mark for at-most indicators, nor when e is not given. */
  {
    g_autoptr(JpGaugeData) gauge = gauge_new (5, 3, JP_STATUS_ON_TRACK);
    g_autoptr(JpChartLayout) layout = NULL;

    gauge->kind = JP_INDICATOR_KIND_AT_MOST;
    gauge->expected = 0.5;
    layout = jp_chart_layout_gauge (gauge, 400, 200, NULL);
    g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, -1));

    gauge->kind = JP_INDICATOR_KIND_AT_LEAST;
    gauge->expected = -1;
    g_clear_pointer (&layout, jp_chart_layout_unref);
    layout = jp_chart_layout_gauge (gauge, 400, 200, NULL);
    g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, -1));
  }
}

static void
test_gauge_range (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) gauge = gauge_new (3, 4, JP_STATUS_DONE);
      g_autoptr(JpChartLayout) layout = NULL;
      const JpChartMark *track, *band, *bar, *target, *expected;
      double x3, x5;

      g_free (gauge->unit);
      gauge->unit = g_strdup ("所");
      gauge->kind = JP_INDICATOR_KIND_RANGE;
      gauge->has_target_max = TRUE;
      gauge->target_max = 5;
      gauge->expected = 0.5;
      layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);

      track = find_mark (layout, JP_CHART_ROLE_TRACK, 0);
      band = find_mark (layout, JP_CHART_ROLE_BAND, 0);
      bar = find_mark (layout, JP_CHART_ROLE_BAR, 0);
      target = find_mark (layout, JP_CHART_ROLE_TARGET, 0);
      expected = find_mark (layout, JP_CHART_ROLE_EXPECTED, 0);
      g_assert_nonnull (band);

      /* The scale runs to the target max; the band covers 3..5. */
      x3 = track->bounds.x + 3.0 / 5 * track->bounds.width;
      x5 = track->bounds.x + track->bounds.width;
      g_assert_cmpfloat_with_epsilon (band->bounds.x, x3, EPSILON);
      g_assert_cmpfloat_with_epsilon (band->bounds.x + band->bounds.width, x5, EPSILON);
      g_assert_cmpfloat_with_epsilon (bar->bounds.width, 4.0 / 5 * track->bounds.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (target->x0, x3, EPSILON);
      /* Expected: half of the lower bound. */
      g_assert_cmpfloat_with_epsilon (expected->x0, track->bounds.x + 1.5 / 5 * track->bounds.width, EPSILON);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_CAPTION, "3–5 所"));
      assert_inside (layout);
    }
}

static void
test_gauge_beyond (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) gauge = gauge_new (90, 900, JP_STATUS_DONE);
      g_autoptr(JpChartLayout) layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);
      const JpChartMark *track = find_mark (layout, JP_CHART_ROLE_TRACK, 0);
      const JpChartMark *bar = find_mark (layout, JP_CHART_ROLE_BAR, 0);
      const JpChartMark *arrow = find_mark (layout, JP_CHART_ROLE_OVERFLOW, 0);

      /* Ten times the target: the bar stops at the end of the scale, an
       * arrow says there is more, the label gives the real figure. */
      g_assert_true (bar->clamped);
      g_assert_cmpfloat_with_epsilon (bar->bounds.width, track->bounds.width, EPSILON);
      g_assert_nonnull (arrow);
      g_assert_cmpfloat (arrow->bounds.x, >=, track->bounds.x + track->bounds.width);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "900%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "1,000%"));
      assert_inside (layout);
    }
}

static void
test_gauge_pixels (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) gauge = gauge_new (90, 45, JP_STATUS_AT_RISK);
      g_autoptr(JpChartLayout) layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);
      const JpChartMark *bar = find_mark (layout, JP_CHART_ROLE_BAR, 0);
      const JpChartMark *track = find_mark (layout, JP_CHART_ROLE_TRACK, 0);
      cairo_surface_t *surface = paint (layout, "gauge");
      JpChartRgba at_risk = status_color (JP_STATUS_AT_RISK);
      JpChartRgba white = { 1, 1, 1, 1 };

      assert_pixel_is (surface, bar->bounds.x + bar->bounds.width / 2, bar->bounds.y + bar->bounds.height / 2, &at_risk);
      /* The unfilled track is not the status colour. */
      {
        JpChartStyle *style = jp_chart_style_new ();
        JpChartRgba grid_on_white;

        grid_on_white.red = white.red * (1 - style->grid.alpha) + style->grid.red * style->grid.alpha;
        grid_on_white.green = white.green * (1 - style->grid.alpha) + style->grid.green * style->grid.alpha;
        grid_on_white.blue = white.blue * (1 - style->grid.alpha) + style->grid.blue * style->grid.alpha;
        assert_pixel_is (surface, track->bounds.x + track->bounds.width * 0.75,
                         track->bounds.y + track->bounds.height / 2, &grid_on_white);
        jp_chart_style_free (style);
      }
      cairo_surface_destroy (surface);
    }
}

static void
test_gauge_empty (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) gauge = gauge_new (0, 0, JP_STATUS_NOT_STARTED);
      g_autoptr(JpChartLayout) layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);
      g_autoptr(JpChartLayout) null_layout = jp_chart_layout_gauge (NULL, sizes[s].width, sizes[s].height, NULL);
      const JpChartMark *empty = find_mark (layout, JP_CHART_ROLE_EMPTY, -1);
      cairo_surface_t *surface;

      g_assert_true (jp_chart_layout_is_empty (layout));
      g_assert_true (jp_chart_layout_is_empty (null_layout));
      g_assert_nonnull (empty);
      g_assert_cmpstr (empty->text, ==, "No data yet");
      /* Centred. */
      g_assert_cmpfloat (fabs (empty->bounds.x + empty->bounds.width / 2 - sizes[s].width / 2), <, 1);
      g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_BAR, -1));
      assert_inside (layout);
      surface = paint (layout, "gauge-empty");
      cairo_surface_destroy (surface);
    }

  /* No entry yet is not empty: the scale, and words instead of a value. */
  {
    g_autoptr(JpGaugeData) gauge = gauge_new (90, 0, JP_STATUS_NOT_STARTED);
    g_autoptr(JpChartLayout) layout = NULL;

    gauge->has_value = FALSE;
    layout = jp_chart_layout_gauge (gauge, 400, 200, NULL);
    g_assert_false (jp_chart_layout_is_empty (layout));
    g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_TRACK, 0));
    g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_BAR, -1));
    g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "No progress recorded"));
    g_assert_true (layout_has_text (layout, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_label (JP_STATUS_NOT_STARTED)));
  }
}

static void
test_gauge_kinds (void)
{
  static const struct {
    JpIndicatorKind kind;
    double          target;
    double          value;
    const char     *unit;
    double          fill;     /* share of the track filled */
    gboolean        expected; /* an expected mark is drawn */
    const char     *value_text;
    const char     *target_text;
    gboolean        clamped;  /* beyond the scale: arrow */
  } cases[] = {
    { JP_INDICATOR_KIND_MILESTONE, 1, 1, NULL, 1.0, FALSE, "Reached", "Milestone", FALSE },
    { JP_INDICATOR_KIND_MILESTONE, 1, 0, NULL, 0.0, FALSE, "Not reached yet", "Milestone", FALSE },
    { JP_INDICATOR_KIND_AT_MOST, 5, 3, "%", 0.6, FALSE, "3%", "≤ 5%", FALSE },
    { JP_INDICATOR_KIND_AT_MOST, 5, 7, "%", 1.0, FALSE, "7%", "≤ 5%", TRUE },
    { JP_INDICATOR_KIND_DECREASE_BY, 0.5, 0.2, "%", 0.4, TRUE, "0.2%", "Decrease by 0.5%", FALSE },
    { JP_INDICATOR_KIND_INCREASE_BY, 3, 1.5, "个百分点", 0.5, TRUE, "1.5 个百分点", "Increase by 3 个百分点", FALSE },
    { JP_INDICATOR_KIND_AT_LEAST, 4.7, 2.35, "亿元", 0.5, TRUE, "2.35 亿元", "≥ 4.7 亿元", FALSE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(JpGaugeData) gauge = jp_gauge_data_new ();
        g_autoptr(JpChartLayout) layout = NULL;
        const JpChartMark *track, *bar;

        gauge->kind = cases[c].kind;
        gauge->target = cases[c].target;
        gauge->unit = g_strdup (cases[c].unit);
        gauge->has_value = TRUE;
        gauge->value = cases[c].value;
        gauge->ratio = cases[c].value / cases[c].target;
        gauge->expected = 0.5;
        gauge->status = JP_STATUS_ON_TRACK;
        layout = jp_chart_layout_gauge (gauge, sizes[s].width, sizes[s].height, NULL);
        track = find_mark (layout, JP_CHART_ROLE_TRACK, 0);
        bar = find_mark (layout, JP_CHART_ROLE_BAR, 0);

        g_test_message ("case %u", c);
        g_assert_cmpfloat_with_epsilon (bar->bounds.width, cases[c].fill * track->bounds.width, EPSILON);
        g_assert_cmpint (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, -1) != NULL, ==, cases[c].expected);
        g_assert_true (g_str_has_prefix (find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, 0)->text,
                                         cases[c].value_text));
        g_assert_true (layout_has_text (layout, JP_CHART_ROLE_CAPTION, cases[c].target_text));
        g_assert_cmpint (bar->clamped, ==, cases[c].clamped);
        g_assert_cmpint (jp_chart_layout_find (layout, JP_CHART_ROLE_OVERFLOW, 0) != NULL, ==, cases[c].clamped);
        assert_inside (layout);
      }
}

static void
test_gauge_small (void)
{
  /* A strip lower than the text's natural size: the text shrinks and
   * everything stays inside. */
  g_autoptr(JpGaugeData) gauge = gauge_new (90, 45, JP_STATUS_AT_RISK);
  g_autoptr(JpChartLayout) layout = NULL;

  gauge->expected = 0.5;
  layout = jp_chart_layout_gauge (gauge, 300, 40, NULL);
  assert_inside (layout);
  g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_BAR, 0));
}

/* A view that shows the status beside the gauge hides the gauge's own:
 * no status label, no title row when there is no title, a lower natural
 * height, and the bar still from 0 to the target. */
static void
test_gauge_hide_status (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGaugeData) shown = gauge_new (90, 45, JP_STATUS_AT_RISK);
      g_autoptr(JpGaugeData) hidden = gauge_new (90, 45, JP_STATUS_AT_RISK);
      g_autoptr(JpChartData) shown_data = NULL;
      g_autoptr(JpChartData) hidden_data = NULL;
      g_autoptr(JpChartLayout) a = NULL;
      g_autoptr(JpChartLayout) b = NULL;
      const JpChartMark *bar_a, *bar_b;

      g_clear_pointer (&shown->title, g_free);
      g_clear_pointer (&hidden->title, g_free);
      a = jp_chart_layout_gauge (shown, sizes[s].width, sizes[s].height, NULL);
      hidden_data = jp_chart_data_new_gauge (g_steal_pointer (&hidden));
      jp_chart_data_set_hide_status (hidden_data, TRUE);
      g_assert_true (jp_chart_data_get_gauge (hidden_data)->hide_status);
      b = jp_chart_layout_new (hidden_data, sizes[s].width, sizes[s].height, NULL);

      g_assert_true (layout_has_text (a, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_label (JP_STATUS_AT_RISK)));
      g_assert_null (jp_chart_layout_find (b, JP_CHART_ROLE_STATUS_LABEL, -1));
      g_assert_null (jp_chart_layout_find (b, JP_CHART_ROLE_LEGEND_SWATCH, -1));
      g_assert_true (layout_has_text (b, JP_CHART_ROLE_VALUE_LABEL, "45%"));
      g_assert_true (layout_has_text (b, JP_CHART_ROLE_CAPTION, "≥ 90%"));

      bar_a = find_mark (a, JP_CHART_ROLE_BAR, 0);
      bar_b = find_mark (b, JP_CHART_ROLE_BAR, 0);
      g_assert_nonnull (bar_b);
      g_assert_cmpfloat_with_epsilon (bar_a->bounds.width, bar_b->bounds.width, EPSILON);
      assert_inside (b);

      shown_data = jp_chart_data_new_gauge (g_steal_pointer (&shown));
      g_assert_cmpfloat (jp_chart_get_natural_height (hidden_data, sizes[s].width, NULL), <,
                         jp_chart_get_natural_height (shown_data, sizes[s].width, NULL));
    }
}

/* ---- Bars */

static JpBarsData *
bars_new (void)
{
  JpBarsData *bars = jp_bars_data_new (NULL);

  jp_bars_data_add_row (bars, "1", "全面加强教育系统党的建设", 0.5, JP_STATUS_AT_RISK, NULL);
  jp_bars_data_add_row (bars, "2", "深化教育评价改革", 1.0, JP_STATUS_DONE, NULL);
  jp_bars_data_add_row (bars, "3",
                        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
                        "落实立德树人根本任务，办好人民满意的教育",
                        0.25, JP_STATUS_BEHIND, NULL);
  jp_bars_data_add_row (bars, "4", "新增学位", 2.5, JP_STATUS_DONE, NULL);
  jp_bars_data_add_row (bars, "5", "尚未开始的工作", 0, JP_STATUS_NOT_STARTED, NULL);

  return bars;
}

static void
test_bars_geometry (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBarsData) bars = bars_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_bars (bars, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      const JpChartMark *half = find_mark (layout, JP_CHART_ROLE_BAR, 0);
      const JpChartMark *full = find_mark (layout, JP_CHART_ROLE_BAR, 1);
      const JpChartMark *quarter = find_mark (layout, JP_CHART_ROLE_BAR, 2);
      const JpChartMark *beyond = find_mark (layout, JP_CHART_ROLE_BAR, 3);
      const JpChartMark *zero = find_mark (layout, JP_CHART_ROLE_BAR, 4);
      const JpChartMark *reference = find_mark (layout, JP_CHART_ROLE_REFERENCE, -1);

      g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_BAR), ==, 5);
      g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_ROW_LABEL), ==, 5);

      /* Lengths in proportion; all from the same origin. */
      g_assert_cmpfloat_with_epsilon (half->bounds.width / full->bounds.width, 0.5, EPSILON);
      g_assert_cmpfloat_with_epsilon (quarter->bounds.width / full->bounds.width, 0.25, EPSILON);
      g_assert_cmpfloat_with_epsilon (full->bounds.width, plot.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (half->bounds.x, plot.x, EPSILON);
      g_assert_cmpfloat_with_epsilon (zero->bounds.width, 0, EPSILON);
      /* 250% fills the bar, says 250%. */
      g_assert_true (beyond->clamped);
      g_assert_false (full->clamped);
      g_assert_cmpfloat_with_epsilon (beyond->bounds.width, plot.width, EPSILON);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "250%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "50%"));
      /* The 100% line at the end of the scale. */
      g_assert_nonnull (reference);
      g_assert_cmpfloat_with_epsilon (reference->x0, plot.x + plot.width, EPSILON);
      /* Rows top to bottom, bars in their rows. */
      g_assert_cmpfloat (half->bounds.y, <, full->bounds.y);
      g_assert_cmpfloat (full->bounds.y, <, quarter->bounds.y);

      /* The value follows its bar. */
      for (int i = 0; i < 5; i++)
        {
          const JpChartMark *bar = find_mark (layout, JP_CHART_ROLE_BAR, i);
          const JpChartMark *value = find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, i);

          g_assert_cmpfloat (value->bounds.x, >=, bar->bounds.x + bar->bounds.width);
          g_assert_cmpfloat (value->bounds.x, <=, bar->bounds.x + bar->bounds.width + 10);
          /* with the status symbol */
          g_assert_nonnull (strstr (value->text, jp_status_get_symbol (bar->series)));
        }

      /* Tick labels in percent, 0% to 100%. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "0%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "100%"));
      /* The legend names the statuses shown, and only those. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, jp_status_get_label (JP_STATUS_BEHIND)));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, jp_status_get_label (JP_STATUS_DONE)));
      g_assert_false (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, jp_status_get_label (JP_STATUS_OVERDUE)));

      assert_inside (layout);
    }
}

static void
test_bars_rounded (void)
{
  /* Labels round (exact figures are for tooltips), never to a false 0%. */
  static const struct {
    double      ratio;
    const char *label;
  } cases[] = {
    { 0.1031, "10%" },
    { 0.3939, "39%" },
    { 0.052, "5.2%" },
    { 0.005, "0.5%" },
    { 0.0004, "0.04%" },
    { 0, "0%" },
    { 1, "100%" },
    { 2.5, "250%" },
  };
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  g_autoptr(JpChartLayout) layout = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    jp_bars_data_add_row (bars, NULL, "工作", cases[c].ratio, JP_STATUS_ON_TRACK, NULL);
  layout = jp_chart_layout_bars (bars, 1200, 600, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const JpChartMark *value = find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, (int) c);
      g_autofree char *expected = g_strdup_printf ("%s %s", jp_status_get_symbol (JP_STATUS_ON_TRACK),
                                                   cases[c].label);

      g_assert_cmpstr (value->text, ==, expected);
    }
}

static void
test_bars_ellipsize (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBarsData) bars = bars_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_bars (bars, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      const JpChartMark *long_label = find_text_mark (layout, JP_CHART_ROLE_ROW_LABEL, 2);
      const JpChartMark *short_label = find_text_mark (layout, JP_CHART_ROLE_ROW_LABEL, 1);
      PangoLayoutLine *line;

      /* The long Chinese title is cut with "…" on one line and fits its
       * column, left of the bars. */
      g_assert_true (long_label->ellipsized);
      g_assert_cmpint (pango_layout_get_line_count (long_label->layout), ==, 1);
      g_assert_cmpfloat (long_label->max_width, >, 0);
      g_assert_cmpfloat (long_label->bounds.width, <=, long_label->max_width + 0.5);
      g_assert_cmpfloat (long_label->bounds.x + long_label->bounds.width, <=, plot.x);
      g_assert_true (g_str_has_prefix (long_label->text, "3 坚持"));
      line = pango_layout_get_line_readonly (long_label->layout, 0);
      g_assert_cmpint (line->length, >, 0);
      /* The short one is whole. */
      g_assert_false (short_label->ellipsized);
      g_assert_cmpstr (short_label->text, ==, "2 深化教育评价改革");
      assert_inside (layout);
    }
}

static void
test_bars_pixels (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBarsData) bars = bars_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_bars (bars, sizes[s].width, sizes[s].height, NULL);
      cairo_surface_t *surface = paint (layout, "bars");

      for (int i = 0; i < 4; i++)
        {
          const JpChartMark *bar = find_mark (layout, JP_CHART_ROLE_BAR, i);
          JpChartRgba color = status_color (bar->series);

          assert_pixel_is (surface, bar->bounds.x + bar->bounds.width / 2,
                           bar->bounds.y + bar->bounds.height / 2, &color);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_bars_hit (void)
{
  g_autoptr(JpBarsData) bars = bars_new ();
  g_autoptr(JpChartLayout) layout = jp_chart_layout_bars (bars, 400, 200, NULL);

  for (int i = 0; i < 5; i++)
    {
      const JpChartMark *bar = find_mark (layout, JP_CHART_ROLE_BAR, i);
      const JpChartMark *label = find_text_mark (layout, JP_CHART_ROLE_ROW_LABEL, i);
      const JpChartMark *hit;

      /* On the bar, and on its label. */
      hit = jp_chart_layout_hit_test (layout, bar->bounds.x + 1, bar->bounds.y + bar->bounds.height / 2);
      g_assert_nonnull (hit);
      g_assert_cmpint (hit->index, ==, i);
      hit = jp_chart_layout_hit_test (layout, label->bounds.x + 2, label->bounds.y + label->bounds.height / 2);
      g_assert_nonnull (hit);
      g_assert_cmpint (hit->index, ==, i);
    }
  g_assert_null (jp_chart_layout_hit_test (layout, 200, 199));
  g_assert_null (jp_chart_layout_hit_test (layout, -5, 20));
}

static void
test_bars_empty (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBarsData) bars = jp_bars_data_new ("各部分完成情况");
      g_autoptr(JpChartLayout) layout = jp_chart_layout_bars (bars, sizes[s].width, sizes[s].height, NULL);
      const JpChartMark *empty = find_mark (layout, JP_CHART_ROLE_EMPTY, -1);
      cairo_surface_t *surface;

      g_assert_true (jp_chart_layout_is_empty (layout));
      g_assert_nonnull (empty);
      g_assert_cmpstr (empty->text, ==, "No data yet");
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TITLE, "各部分完成情况"));
      g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_BAR), ==, 0);
      assert_inside (layout);
      surface = paint (layout, "bars-empty");
      cairo_surface_destroy (surface);
    }
}

static void
test_bars_many_rows (void)
{
  /* 60 rows in 200 units: small but inside, in order. */
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  g_autoptr(JpChartLayout) layout = NULL;

  for (int i = 0; i < 60; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      jp_bars_data_add_row (bars, number, "工作要点", i / 60.0, JP_STATUS_ON_TRACK, NULL);
    }
  layout = jp_chart_layout_bars (bars, 400, 200, NULL);
  g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_BAR), ==, 60);
  assert_inside (layout);
}

/* ---- Breakdown */

static JpBreakdownData *
breakdown_new (JpBreakdownShape shape)
{
  JpBreakdownData *breakdown = jp_breakdown_data_new (NULL, shape);

  breakdown->counts[JP_STATUS_DONE] = 3;
  breakdown->counts[JP_STATUS_ON_TRACK] = 6;
  breakdown->counts[JP_STATUS_AT_RISK] = 2;
  breakdown->counts[JP_STATUS_BEHIND] = 2;
  breakdown->counts[JP_STATUS_OVERDUE] = 1;
  breakdown->counts[JP_STATUS_NOT_STARTED] = 1;
  breakdown->counts[JP_STATUS_NO_REPORT] = 2;

  return breakdown;
}

static void
check_legend (const JpChartLayout   *layout,
              const JpBreakdownData *breakdown)
{
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      const JpChartMark *label = find_text_mark (layout, JP_CHART_ROLE_LEGEND_LABEL, (int) i);
      const JpChartMark *swatch = find_mark (layout, JP_CHART_ROLE_LEGEND_SWATCH, (int) i);
      g_autofree char *count = g_strdup_printf (" %u", breakdown->counts[i]);
      JpChartRgba color = status_color (i);
      const JpChartMark *hit;

      g_assert_nonnull (label);
      g_assert_nonnull (strstr (label->text, jp_status_get_label (i)));
      g_assert_nonnull (strstr (label->text, jp_status_get_symbol (i)));
      g_assert_true (g_str_has_suffix (label->text, count));
      g_assert_nonnull (swatch);
      g_assert_cmpfloat (fabs (swatch->fill.red - color.red), <, EPSILON);
      g_assert_cmpfloat (fabs (swatch->fill.green - color.green), <, EPSILON);
      /* The legend entry leads to its status too. */
      hit = jp_chart_layout_hit_test (layout, label->bounds.x + label->bounds.width / 2,
                                      label->bounds.y + label->bounds.height / 2);
      g_assert_nonnull (hit);
      g_assert_cmpint (hit->index, ==, (int) i);
    }
}

static void
test_breakdown_bar (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBreakdownData) breakdown = breakdown_new (JP_BREAKDOWN_STACKED_BAR);
      g_autoptr(JpChartLayout) layout = jp_chart_layout_breakdown (breakdown, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      cairo_surface_t *surface = paint (layout, "breakdown-bar");
      guint total = jp_breakdown_data_get_total (breakdown);
      double x = plot.x;

      g_assert_cmpuint (total, ==, 17);
      check_legend (layout, breakdown);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_CAPTION, "17 items"));

      /* Segments in the chart's order, widths in proportion, end to end. */
      for (guint i = 0; i < JP_N_STATUSES; i++)
        {
          JpStatus status = jp_chart_status_at (i);
          const JpChartMark *segment = find_mark (layout, JP_CHART_ROLE_SEGMENT, status);
          const JpChartMark *hit;
          JpChartRgba color = status_color (status);

          g_assert_nonnull (segment);
          g_assert_cmpfloat_with_epsilon (segment->bounds.x, x, EPSILON);
          g_assert_cmpfloat_with_epsilon (segment->bounds.width,
                                          plot.width * breakdown->counts[status] / total, EPSILON);
          x += segment->bounds.width;

          hit = jp_chart_layout_hit_test (layout, segment->bounds.x + 1, segment->bounds.y + 1);
          g_assert_nonnull (hit);
          g_assert_cmpint (hit->index, ==, status);
          /* Near the segment's left edge, away from its count. */
          assert_pixel_is (surface, segment->bounds.x + 2, segment->bounds.y + 2, &color);
        }
      g_assert_cmpfloat_with_epsilon (x, plot.x + plot.width, EPSILON);
      /* The wide segment shows its count with the symbol. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "● 6"));

      assert_inside (layout);
      cairo_surface_destroy (surface);
    }
}

static void
test_breakdown_donut (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBreakdownData) breakdown = breakdown_new (JP_BREAKDOWN_DONUT);
      g_autoptr(JpChartLayout) layout = jp_chart_layout_breakdown (breakdown, sizes[s].width, sizes[s].height, NULL);
      cairo_surface_t *surface = paint (layout, "breakdown-donut");
      double angle = -G_PI / 2;

      check_legend (layout, breakdown);

      for (guint i = 0; i < JP_N_STATUSES; i++)
        {
          JpStatus status = jp_chart_status_at (i);
          const JpChartMark *sector = find_mark (layout, JP_CHART_ROLE_SEGMENT, status);
          double mid, r, px, py;
          const JpChartMark *hit;
          JpChartRgba color = status_color (status);

          g_assert_cmpint (sector->shape, ==, JP_CHART_SHAPE_SECTOR);
          g_assert_cmpfloat_with_epsilon (sector->angle1, angle, EPSILON);
          g_assert_cmpfloat_with_epsilon (sector->angle2 - sector->angle1,
                                          2 * G_PI * breakdown->counts[status] / 17, EPSILON);
          angle = sector->angle2;

          /* Inside the ring, near its outer edge (away from the count). */
          mid = (sector->angle1 + sector->angle2) / 2;
          r = sector->radius - 3;
          px = sector->cx + r * cos (mid);
          py = sector->cy + r * sin (mid);
          hit = jp_chart_layout_hit_test (layout, px, py);
          g_assert_nonnull (hit);
          g_assert_cmpint (hit->index, ==, status);
          assert_pixel_is (surface, px, py, &color);
          /* The hole is no hit. */
          g_assert_null (jp_chart_layout_hit_test (layout, sector->cx + 2, sector->cy + 2));
        }
      g_assert_cmpfloat_with_epsilon (angle, 3 * G_PI / 2, EPSILON);

      assert_inside (layout);
      cairo_surface_destroy (surface);
    }
}

static void
test_breakdown_empty (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int shape = JP_BREAKDOWN_STACKED_BAR; shape <= JP_BREAKDOWN_DONUT; shape++)
      {
        g_autoptr(JpBreakdownData) breakdown = jp_breakdown_data_new ("状态", shape);
        g_autoptr(JpChartLayout) layout = jp_chart_layout_breakdown (breakdown, sizes[s].width, sizes[s].height, NULL);

        g_assert_true (jp_chart_layout_is_empty (layout));
        g_assert_true (layout_has_text (layout, JP_CHART_ROLE_EMPTY, "No data yet"));
        g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_SEGMENT), ==, 0);
        assert_inside (layout);
      }

  /* One status only: a full ring. */
  {
    g_autoptr(JpBreakdownData) breakdown = jp_breakdown_data_new (NULL, JP_BREAKDOWN_DONUT);
    g_autoptr(JpChartLayout) layout = NULL;
    const JpChartMark *sector;

    breakdown->counts[JP_STATUS_DONE] = 4;
    layout = jp_chart_layout_breakdown (breakdown, 400, 200, NULL);
    g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_SEGMENT), ==, 1);
    sector = find_mark (layout, JP_CHART_ROLE_SEGMENT, JP_STATUS_DONE);
    g_assert_cmpfloat_with_epsilon (sector->angle2 - sector->angle1, 2 * G_PI, EPSILON);
  }
}

/* ---- Groups */

static JpGroupsData *
groups_new (void)
{
  JpGroupsData *groups = jp_groups_data_new (NULL);
  guint a[JP_N_STATUSES] = { 0, };
  guint b[JP_N_STATUSES] = { 0, };
  guint c[JP_N_STATUSES] = { 0, };

  a[JP_STATUS_DONE] = 2;
  a[JP_STATUS_ON_TRACK] = 4;
  a[JP_STATUS_BEHIND] = 2;
  b[JP_STATUS_ON_TRACK] = 2;
  b[JP_STATUS_OVERDUE] = 1;
  c[JP_STATUS_NOT_STARTED] = 1;

  jp_groups_data_add_row (groups, "张学兵", a, NULL);
  jp_groups_data_add_row (groups, "高学芳", b, NULL);
  jp_groups_data_add_row (groups, "金凤区教育局教育教学研究室（教研室）", c, NULL);
  groups->highlight = 1;

  return groups;
}

static void
test_groups (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpGroupsData) groups = groups_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_groups (groups, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      cairo_surface_t *surface = paint (layout, "groups");
      const JpChartMark *a_done = find_mark_full (layout, JP_CHART_ROLE_BAR, 0, JP_STATUS_DONE);
      const JpChartMark *a_on = find_mark_full (layout, JP_CHART_ROLE_BAR, 0, JP_STATUS_ON_TRACK);
      const JpChartMark *a_behind = find_mark_full (layout, JP_CHART_ROLE_BAR, 0, JP_STATUS_BEHIND);
      const JpChartMark *b_on = find_mark_full (layout, JP_CHART_ROLE_BAR, 1, JP_STATUS_ON_TRACK);
      const JpChartMark *c_not = find_mark_full (layout, JP_CHART_ROLE_BAR, 2, JP_STATUS_NOT_STARTED);
      const JpChartMark *hit;
      const JpChartMark *label;
      JpChartRgba on_track = status_color (JP_STATUS_ON_TRACK);

      /* One unit of count is one length everywhere; segments end to end. */
      g_assert_cmpfloat_with_epsilon (a_on->bounds.width, 2 * a_done->bounds.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (b_on->bounds.width, a_done->bounds.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (c_not->bounds.width, a_done->bounds.width / 2, EPSILON);
      g_assert_cmpfloat_with_epsilon (a_done->bounds.x, plot.x, EPSILON);
      g_assert_cmpfloat_with_epsilon (a_on->bounds.x, a_done->bounds.x + a_done->bounds.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (a_behind->bounds.x, a_on->bounds.x + a_on->bounds.width, EPSILON);
      /* The longest row (8 items) ends at the scale's 8, within the plot. */
      g_assert_cmpfloat (a_behind->bounds.x + a_behind->bounds.width, <=, plot.x + plot.width + EPSILON);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "8"));
      g_assert_nonnull (find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, 0));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "8"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, jp_status_get_label (JP_STATUS_OVERDUE)));
      g_assert_false (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, jp_status_get_label (JP_STATUS_AT_RISK)));

      /* A segment hits its row and status; the row's label, the row. */
      hit = jp_chart_layout_hit_test (layout, a_on->bounds.x + 1, a_on->bounds.y + 1);
      g_assert_nonnull (hit);
      g_assert_cmpint (hit->index, ==, 0);
      g_assert_cmpint (hit->series, ==, JP_STATUS_ON_TRACK);
      label = find_text_mark (layout, JP_CHART_ROLE_ROW_LABEL, 1);
      hit = jp_chart_layout_hit_test (layout, label->bounds.x + 1, label->bounds.y + label->bounds.height / 2);
      g_assert_nonnull (hit);
      g_assert_cmpint (hit->index, ==, 1);
      g_assert_cmpint (hit->series, ==, -1);

      /* The long unit name fits its column. */
      label = find_text_mark (layout, JP_CHART_ROLE_ROW_LABEL, 2);
      g_assert_cmpfloat (label->bounds.x + label->bounds.width, <=, plot.x);

      assert_pixel_is (surface, a_on->bounds.x + 2, a_on->bounds.y + 2, &on_track);
      assert_inside (layout);
      cairo_surface_destroy (surface);
    }
}

static void
test_groups_empty (void)
{
  g_autoptr(JpGroupsData) groups = jp_groups_data_new (NULL);
  g_autoptr(JpChartLayout) layout = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_clear_pointer (&layout, jp_chart_layout_unref);
      layout = jp_chart_layout_groups (groups, sizes[s].width, sizes[s].height, NULL);
      g_assert_true (jp_chart_layout_is_empty (layout));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_EMPTY, "No data yet"));
      assert_inside (layout);
    }

  /* Rows without items are nothing to draw either. */
  jp_groups_data_add_row (groups, "张学兵", NULL, NULL);
  g_clear_pointer (&layout, jp_chart_layout_unref);
  layout = jp_chart_layout_groups (groups, 400, 200, NULL);
  g_assert_true (jp_chart_layout_is_empty (layout));
}

/* ---- History */

static JpHistoryData *
history_new (void)
{
  JpHistoryData *history = jp_history_data_new ("2023-01-01", "2023-12-31");

  history->title = g_strdup ("党支部规范化率（一星级及以上）");
  history->unit = g_strdup ("%");
  history->target = 90;
  history->as_of = g_strdup ("2023-09-30");
  /* Out of order on purpose. */
  jp_history_data_add_point (history, "2023-06-30", 72, NULL);
  jp_history_data_add_point (history, "2023-03-31", 40, NULL);
  jp_history_data_add_point (history, "2023-09-30", 81, NULL);

  return history;
}

static double
day_of (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = g_strconcat (iso, "T00:00:00Z", NULL);

  dt = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (dt);

  return g_date_time_to_unix (dt) / 86400.0;
}

static void
test_history_geometry (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpHistoryData) history = history_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_history (history, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      double d0 = day_of ("2023-01-01");
      double d1 = day_of ("2023-12-31");
      const JpChartMark *target = find_mark (layout, JP_CHART_ROLE_TARGET, 0);
      const JpChartMark *expected = find_mark (layout, JP_CHART_ROLE_EXPECTED, 0);
      const JpChartMark *as_of = find_mark (layout, JP_CHART_ROLE_AS_OF, 0);
      const JpChartMark *line = find_mark (layout, JP_CHART_ROLE_LINE, -1);
      cairo_surface_t *surface = paint (layout, "history");
      /* y axis 0..100 (nice ticks over 0..90) */
      double y0 = plot.y + plot.height;
#define X(iso) (plot.x + (day_of (iso) - d0) / (d1 - d0) * plot.width)
#define Y(v) (plot.y + plot.height - (v) / 100.0 * plot.height)

      g_assert_false (jp_chart_layout_is_empty (layout));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "100%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "0%"));

      /* Points where their date and value say, whatever the data order. */
      for (int i = 0; i < 3; i++)
        {
          const JpHistoryPoint *p = g_ptr_array_index (history->points, i);
          const JpChartMark *point = find_mark (layout, JP_CHART_ROLE_POINT, i);
          const JpChartMark *hit;

          g_assert_cmpint (point->shape, ==, JP_CHART_SHAPE_CIRCLE);
          g_assert_cmpfloat_with_epsilon (point->cx, X (p->date), EPSILON);
          g_assert_cmpfloat_with_epsilon (point->cy, Y (p->value), EPSILON);
          hit = jp_chart_layout_hit_test (layout, point->cx + 2, point->cy - 2);
          g_assert_nonnull (hit);
          g_assert_cmpint (hit->index, ==, i);
        }
      /* The line joins them in date order. */
      g_assert_cmpuint (line->points->len, ==, 3);
      g_assert_cmpfloat_with_epsilon (g_array_index (line->points, JpChartPoint, 0).x, X ("2023-03-31"), EPSILON);
      g_assert_cmpfloat_with_epsilon (g_array_index (line->points, JpChartPoint, 1).x, X ("2023-06-30"), EPSILON);
      g_assert_cmpfloat_with_epsilon (g_array_index (line->points, JpChartPoint, 2).x, X ("2023-09-30"), EPSILON);

      /* Target line across at 90; expected from (start, 0) to (end, 90). */
      g_assert_cmpfloat_with_epsilon (target->y0, Y (90), EPSILON);
      g_assert_cmpfloat_with_epsilon (target->x0, plot.x, EPSILON);
      g_assert_cmpfloat_with_epsilon (target->x1, plot.x + plot.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->x0, plot.x, EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->y0, y0, EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->x1, plot.x + plot.width, EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->y1, Y (90), EPSILON);
      g_assert_cmpfloat (expected->dash, >, 0);
      /* As-of marker at its date, labelled. */
      g_assert_cmpfloat_with_epsilon (as_of->x0, X ("2023-09-30"), EPSILON);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_CAPTION, "As of Sep 30"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_CAPTION, "Target 90%"));
      /* The latest value is written out. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "81%"));
      /* Legend of the lines. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, "Expected progress"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, "Target"));

      /* Month ticks: a grid line on the first of each month after January,
       * labels in order, January first. */
      {
        const JpChartMark *jan = NULL, *jul = NULL;
        guint n_labels = 0;

        for (guint i = 0; i < jp_chart_layout_get_n_marks (layout); i++)
          {
            const JpChartMark *mark = jp_chart_layout_get_mark (layout, i);

            if (mark->role == JP_CHART_ROLE_TICK_LABEL && mark->series == 0)
              {
                n_labels++;
                if (g_str_equal (mark->text, "Jan"))
                  jan = mark;
                if (g_str_equal (mark->text, "Jul"))
                  jul = mark;
              }
          }
        g_assert_nonnull (jan);
        g_assert_nonnull (jul);
        g_assert_cmpfloat (jan->bounds.x, <, jul->bounds.x);
        /* July's label sits under July. */
        g_assert_cmpfloat (jul->bounds.x + jul->bounds.width / 2, >, X ("2023-07-01"));
        g_assert_cmpfloat (jul->bounds.x + jul->bounds.width / 2, <, X ("2023-08-01"));
        g_assert_cmpuint (n_labels, >=, 4);
        if (sizes[s].width >= 1000)
          g_assert_cmpuint (n_labels, ==, 12);
        g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_GRID), >=, 11);
      }

      /* The line is in the accent colour where it runs between points. */
      {
        JpChartStyle *style = jp_chart_style_new ();
        const JpChartMark *p0 = find_mark (layout, JP_CHART_ROLE_POINT, 0);

        assert_pixel_is (surface, p0->cx, p0->cy, &style->accent);
        jp_chart_style_free (style);
      }

      assert_inside (layout);
      cairo_surface_destroy (surface);
#undef X
#undef Y
    }
}

static void
test_history_range_and_baseline (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpHistoryData) history = jp_history_data_new ("2023-01-01", "2023-12-31");
      g_autoptr(JpChartLayout) layout = NULL;
      JpChartRect plot;
      const JpChartMark *band, *expected;
      double d0 = day_of ("2023-01-01");
      double d1 = day_of ("2023-12-31");
      cairo_surface_t *surface;

      history->unit = g_strdup ("所");
      history->kind = JP_INDICATOR_KIND_RANGE;
      history->target = 3;
      history->has_target_max = TRUE;
      history->target_max = 5;
      history->has_baseline = TRUE;
      history->baseline = 1;
      history->due = g_strdup ("2023-06-30");
      history->as_of = g_strdup ("2023-09-30");
      jp_history_data_add_point (history, "2023-05-10", 2, NULL);
      jp_history_data_add_point (history, "2023-08-10", 4, NULL);

      layout = jp_chart_layout_history (history, sizes[s].width, sizes[s].height, NULL);
      plot = jp_chart_layout_get_plot (layout);
      band = find_mark (layout, JP_CHART_ROLE_BAND, 0);
      expected = find_mark (layout, JP_CHART_ROLE_EXPECTED, 0);

      /* The band from 3 to 5 on an axis 0..5 (nice ticks of 1). */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "5 所"));
      g_assert_nonnull (band);
      g_assert_cmpfloat_with_epsilon (band->bounds.y, plot.y, EPSILON);
      g_assert_cmpfloat_with_epsilon (band->bounds.y + band->bounds.height,
                                      plot.y + plot.height * (1 - 3.0 / 5), EPSILON);
      /* Expected from (start, baseline) to (due, target). */
      g_assert_cmpfloat_with_epsilon (expected->y0, plot.y + plot.height * (1 - 1.0 / 5), EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->x1,
                                      plot.x + (day_of ("2023-06-30") - d0) / (d1 - d0) * plot.width,
                                      EPSILON);
      g_assert_cmpfloat_with_epsilon (expected->y1, plot.y + plot.height * (1 - 3.0 / 5), EPSILON);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, "Target range"));

      surface = paint (layout, "history-range");
      cairo_surface_destroy (surface);
      assert_inside (layout);
    }
}

/* No text crosses the target line but the target's own label, whatever
 * the values near it: the latest value's figure just under or over the
 * target, the as-of label at the top of a plot whose top is the target. */
static void
test_history_labels_off_target (void)
{
  const double values[] = { 86, 88, 89, 90, 91, 93, 100, 99.5 };
  const double targets[] = { 90, 90, 90, 90, 90, 90, 100, 100 };
  /* The test's sizes and the item page's chart. */
  const Size label_sizes[] = { sizes[0], sizes[1], { 340, 170 } };

  for (guint s = 0; s < G_N_ELEMENTS (label_sizes); s++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autoptr(JpHistoryData) history = jp_history_data_new ("2023-01-01", "2023-12-31");
        g_autoptr(JpChartLayout) layout = NULL;
        const JpChartMark *target;
        guint n_labels = 0;

        history->unit = g_strdup ("%");
        history->target = targets[v];
        history->as_of = g_strdup ("2023-09-30");
        jp_history_data_add_point (history, "2023-03-31", 40, NULL);
        jp_history_data_add_point (history, "2023-09-30", values[v], NULL);
        layout = jp_chart_layout_history (history, label_sizes[s].width, label_sizes[s].height, NULL);
        target = find_mark (layout, JP_CHART_ROLE_TARGET, 0);

        for (guint i = 0; i < jp_chart_layout_get_n_marks (layout); i++)
          {
            const JpChartMark *mark = jp_chart_layout_get_mark (layout, i);

            if (mark->text == NULL || mark->bounds.x + mark->bounds.width < target->x0 ||
                (mark->role == JP_CHART_ROLE_CAPTION && mark->index == 0) ||
                (mark->role != JP_CHART_ROLE_CAPTION && mark->role != JP_CHART_ROLE_VALUE_LABEL))
              continue;

            n_labels++;
            if (mark->bounds.y < target->y0 + 0.75 && mark->bounds.y + mark->bounds.height > target->y0 - 0.75)
              g_error ("%gx%g, value %g of %g: \"%s\" (%g..%g) crosses the target line at %g",
                       label_sizes[s].width, label_sizes[s].height, values[v], targets[v], mark->text,
                       mark->bounds.y, mark->bounds.y + mark->bounds.height, target->y0);
          }
        /* The latest value and the as-of date are still written out. */
        g_assert_cmpuint (n_labels, >=, 2);
        assert_inside (layout);
      }
}

static void
test_history_beyond (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpHistoryData) history = history_new ();
      g_autoptr(JpChartLayout) layout = NULL;
      const JpChartMark *high, *target;
      JpChartRect plot;

      /* Ten times the target. */
      jp_history_data_add_point (history, "2023-11-15", 900, NULL);
      layout = jp_chart_layout_history (history, sizes[s].width, sizes[s].height, NULL);
      plot = jp_chart_layout_get_plot (layout);
      high = find_mark (layout, JP_CHART_ROLE_POINT, 3);
      target = find_mark (layout, JP_CHART_ROLE_TARGET, 0);

      g_assert_true (high->clamped);
      g_assert_cmpfloat (high->bounds.y, >=, plot.y - 0.5);
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "900%"));
      /* The axis is not stretched to 900: the target stays in the upper
       * part of the plot (at 40% of its height or higher). */
      g_assert_cmpfloat (target->y0, <, plot.y + 0.6 * plot.height);
      assert_inside (layout);
    }
}

static void
test_history_empty (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpHistoryData) history = jp_history_data_new ("2023-01-01", "2023-12-31");
      g_autoptr(JpHistoryData) nothing = jp_history_data_new (NULL, NULL);
      g_autoptr(JpChartLayout) layout = NULL;
      g_autoptr(JpChartLayout) layout2 = NULL;
      const JpChartMark *empty;
      JpChartRect plot;
      cairo_surface_t *surface;

      history->unit = g_strdup ("%");
      history->target = 90;
      layout = jp_chart_layout_history (history, sizes[s].width, sizes[s].height, NULL);
      plot = jp_chart_layout_get_plot (layout);
      empty = find_mark (layout, JP_CHART_ROLE_EMPTY, -1);

      /* No entries: the message in the middle of the plot; the target and
       * the expected line still say what is asked. */
      g_assert_true (jp_chart_layout_is_empty (layout));
      g_assert_nonnull (empty);
      g_assert_cmpstr (empty->text, ==, "No data yet");
      g_assert_cmpfloat (fabs (empty->bounds.x + empty->bounds.width / 2 - (plot.x + plot.width / 2)), <, 1);
      g_assert_cmpfloat (fabs (empty->bounds.y + empty->bounds.height / 2 - (plot.y + plot.height / 2)), <, 1);
      g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_TARGET, 0));
      g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_POINT, -1));
      assert_inside (layout);
      surface = paint (layout, "history-empty");
      cairo_surface_destroy (surface);

      /* No dates at all. */
      layout2 = jp_chart_layout_history (nothing, sizes[s].width, sizes[s].height, NULL);
      g_assert_true (jp_chart_layout_is_empty (layout2));
      g_assert_true (layout_has_text (layout2, JP_CHART_ROLE_EMPTY, "No data yet"));
      assert_inside (layout2);
    }
}

/* ---- Common */

static void
test_text_log_and_font (void)
{
  g_autoptr(JpChartStyle) style = jp_chart_style_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JpBreakdownData) breakdown = breakdown_new (JP_BREAKDOWN_STACKED_BAR);
  g_autoptr(JpChartData) data = NULL;
  g_autoptr(JpChartLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GPtrArray) texts = NULL;
  const JpChartMark *label;
  PangoLayoutIter *iter;
  gboolean saw_cjk = FALSE;

  style->text_log = log;
  data = jp_chart_data_new_breakdown (g_steal_pointer (&breakdown));
  jp_chart_draw (cr, data, 400, 200, style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* Painting logged every string it drew, the legend among them. */
  layout = jp_chart_layout_new (data, 400, 200, style);
  texts = jp_chart_layout_dup_texts (layout);
  g_assert_cmpuint (log->len, ==, texts->len);
  for (guint i = 0; i < texts->len; i++)
    g_assert_cmpstr (g_ptr_array_index (log, i), ==, g_ptr_array_index (texts, i));
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < log->len && !found; j++)
        found = strstr (g_ptr_array_index (log, j), jp_status_get_label (i)) != NULL;
      g_assert_true (found);
    }

  /* Chinese text gets the Simplified Chinese face, also under C.UTF-8. */
  {
    g_autoptr(JpBarsData) bars = bars_new ();
    g_autoptr(JpChartLayout) bars_layout = jp_chart_layout_bars (bars, 400, 200, NULL);

    label = find_text_mark (bars_layout, JP_CHART_ROLE_ROW_LABEL, 1);
    iter = pango_layout_get_iter (label->layout);
    do
      {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

        if (run != NULL)
          {
            PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);
            const char *family = pango_font_description_get_family (desc);

            if (strstr (family, "CJK") != NULL)
              {
                g_assert_cmpstr (family, ==, "Noto Sans CJK SC");
                saw_cjk = TRUE;
              }
            pango_font_description_free (desc);
          }
      }
    while (pango_layout_iter_next_run (iter));
    pango_layout_iter_free (iter);
    g_assert_true (saw_cjk);
  }
}

static void
test_dark_style (void)
{
  g_autoptr(JpChartStyle) dark = jp_chart_style_new_for_scheme (TRUE);
  g_autoptr(JpChartStyle) light = jp_chart_style_new ();
  g_autoptr(JpGaugeData) gauge = gauge_new (90, 45, JP_STATUS_AT_RISK);
  g_autoptr(JpChartLayout) layout = jp_chart_layout_gauge (gauge, 400, 200, dark);
  const JpChartMark *background = find_mark (layout, JP_CHART_ROLE_BACKGROUND, -1);
  const JpChartMark *value = find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, 0);
  JpChartRgba widget_text = { 0.2, 0.2, 0.2, 1 };

  g_assert_true (dark->dark);
  g_assert_false (light->dark);
  /* Light text on a dark background. */
  g_assert_nonnull (background);
  g_assert_cmpfloat (background->fill.red, <, 0.3);
  g_assert_cmpfloat (value->fill.red, >, 0.8);

  /* A widget's colour: transparent background, no background mark. */
  jp_chart_style_set_foreground (light, &widget_text);
  g_assert_false (light->dark);
  g_assert_cmpfloat (light->background.alpha, ==, 0);
  {
    g_autoptr(JpChartLayout) plain = jp_chart_layout_gauge (gauge, 400, 200, light);

    g_assert_null (jp_chart_layout_find (plain, JP_CHART_ROLE_BACKGROUND, -1));
    g_assert_cmpfloat (find_text_mark (plain, JP_CHART_ROLE_VALUE_LABEL, 0)->fill.red, ==, 0.2);
  }
}

static void
test_every_chart_any_size (void)
{
  /* Odd sizes, tiny to huge, and a PDF surface: no crash, all inside. */
  static const Size odd[] = { { 1, 1 }, { 37, 500 }, { 500, 37 }, { 150, 90 }, { 2400, 1600 } };
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_chart_data_unref);
  g_autoptr(JpGaugeData) gauge = gauge_new (90, 45, JP_STATUS_AT_RISK);

  gauge->expected = 0.6;
  g_ptr_array_add (charts, jp_chart_data_new_gauge (g_steal_pointer (&gauge)));
  g_ptr_array_add (charts, jp_chart_data_new_bars (bars_new ()));
  g_ptr_array_add (charts, jp_chart_data_new_breakdown (breakdown_new (JP_BREAKDOWN_STACKED_BAR)));
  g_ptr_array_add (charts, jp_chart_data_new_breakdown (breakdown_new (JP_BREAKDOWN_DONUT)));
  g_ptr_array_add (charts, jp_chart_data_new_groups (groups_new ()));
  g_ptr_array_add (charts, jp_chart_data_new_history (history_new ()));

  for (guint c = 0; c < charts->len; c++)
    {
      JpChartData *data = g_ptr_array_index (charts, c);
      g_autofree char *dir = g_dir_make_tmp ("jp-chart-XXXXXX", NULL);
      g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
      cairo_surface_t *surface;
      cairo_t *cr;
      double natural = jp_chart_get_natural_height (data, 500, NULL);

      g_assert_cmpfloat (natural, >, 20);
      g_assert_cmpfloat (natural, <, 2000);

      for (guint s = 0; s < G_N_ELEMENTS (odd); s++)
        {
          g_autoptr(JpChartLayout) layout = jp_chart_layout_new (data, odd[s].width, odd[s].height, NULL);

          if (odd[s].width >= 100 && odd[s].height >= 60)
            assert_inside (layout);
          cairo_surface_destroy (paint (layout, NULL));
        }

      /* Same code on a PDF page, in points. */
      surface = cairo_pdf_surface_create (pdf, 595, 842);
      cr = cairo_create (surface);
      cairo_translate (cr, 50, 50);
      jp_chart_draw (cr, data, 495, natural, NULL);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      {
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        g_assert_true (g_str_has_prefix (contents, "%PDF"));
      }
      g_unlink (pdf);
      g_rmdir (dir);
    }
}

static void
test_chart_data (void)
{
  g_autoptr(JpChartData) data = jp_chart_data_new_bars (bars_new ());
  g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  JpChartData *copy;

  g_assert_cmpint (jp_chart_data_get_kind (data), ==, JP_CHART_KIND_BARS);
  g_assert_nonnull (jp_chart_data_get_bars (data));
  g_assert_null (jp_chart_data_get_gauge (data));
  g_assert_null (jp_chart_data_get_title (data));
  jp_chart_data_set_title (data, "各部分完成情况");
  g_assert_cmpstr (jp_chart_data_get_title (data), ==, "各部分完成情况");
  g_assert_null (jp_chart_data_get_object (data, 0));
  g_assert_null (jp_chart_data_get_object (data, 99));
  g_assert_null (jp_chart_data_get_object (data, -1));

  copy = g_boxed_copy (JP_TYPE_CHART_DATA, data);
  g_assert_true (copy == data);
  g_boxed_free (JP_TYPE_CHART_DATA, copy);

  /* Rows hold their object. */
  jp_bars_data_add_row (bars, "1", "x", 0.5, JP_STATUS_ON_TRACK, object);
  g_clear_pointer (&data, jp_chart_data_unref);
  data = jp_chart_data_new_bars (g_steal_pointer (&bars));
  g_assert_true (jp_chart_data_get_object (data, 0) == object);
  g_clear_object (&object);
  g_assert_true (G_IS_OBJECT (jp_chart_data_get_object (data, 0)));
}

/* ---- Builders */

static JpPlan *
plan_new (void)
{
  JpPlan *plan = jp_plan_new ("2023年工作要点", 2023);
  g_autoptr(JpSection) one = jp_section_new ("一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础");
  g_autoptr(JpSection) two = jp_section_new ("二", "坚持立德树人、五育并举，促进学生全面发展");
  g_autoptr(JpItem) item1 = jp_item_new (1, "全面加强教育系统党的建设");
  g_autoptr(JpItem) item2 = jp_item_new (2, "持续推进清廉学校建设");
  g_autoptr(JpItem) item3 = jp_item_new (3, "扩大优质教育资源供给");
  g_autoptr(JpIndicator) rate = jp_indicator_new ("党支部规范化率", JP_INDICATOR_KIND_AT_LEAST, 90);
  g_autoptr(JpIndicator) seats = jp_indicator_new ("新增学位", JP_INDICATOR_KIND_AT_LEAST, 630);
  g_autoptr(JpIndicator) schools = jp_indicator_new ("新建学校", JP_INDICATOR_KIND_RANGE, 3);
  JpLeader *zhang, *gao;
  JpUnit *party, *office;

  jp_plan_append_section (plan, one);
  jp_plan_append_section (plan, two);
  jp_section_append_item (one, item1);
  jp_section_append_item (one, item2);
  jp_section_append_item (two, item3);

  zhang = jp_plan_ensure_leader (plan, "张学兵");
  gao = jp_plan_ensure_leader (plan, "高学芳");
  jp_plan_ensure_leader (plan, "崔茜"); /* no items */
  party = jp_plan_ensure_unit (plan, "教育党工委");
  office = jp_plan_ensure_unit (plan, "计财科");
  jp_item_set_leaders (item1, (JpLeader *[]) { zhang, gao }, 2);
  jp_item_set_leaders (item2, (JpLeader *[]) { gao }, 1);
  jp_item_set_leaders (item3, (JpLeader *[]) { zhang }, 1);
  jp_item_set_units (item1, (JpUnit *[]) { party }, 1);
  jp_item_set_units (item2, (JpUnit *[]) { party }, 1);
  jp_item_set_units (item3, (JpUnit *[]) { office }, 1);

  jp_indicator_set_unit (rate, "%");
  jp_indicator_set_unit (seats, "个");
  jp_indicator_set_unit (schools, "所");
  jp_indicator_set_has_target_max (schools, TRUE);
  jp_indicator_set_target_max (schools, 5);
  jp_item_append_indicator (item1, rate);
  jp_item_append_indicator (item3, seats);
  jp_item_append_indicator (item3, schools);

  {
    g_autoptr(JpProgressEntry) e1 = jp_progress_entry_new ("2023-03-31", 40);
    g_autoptr(JpProgressEntry) e2 = jp_progress_entry_new ("2023-06-30", 72);
    g_autoptr(JpProgressEntry) e3 = jp_progress_entry_new ("2023-10-31", 95);
    g_autoptr(JpProgressEntry) e4 = jp_progress_entry_new ("2023-06-30", 630);

    jp_indicator_add_progress (rate, e1);
    jp_indicator_add_progress (rate, e2);
    jp_indicator_add_progress (rate, e3);
    jp_indicator_add_progress (seats, e4);
  }

  return plan;
}

static void
test_builders (void)
{
  g_autoptr(JpPlan) plan = plan_new ();
  const char *as_of = "2023-09-30";
  GListModel *sections = jp_plan_get_sections (plan);
  g_autoptr(JpSection) one = g_list_model_get_item (sections, 0);
  g_autoptr(JpItem) item1 = g_list_model_get_item (jp_section_get_items (one), 0);
  g_autoptr(JpIndicator) rate = g_list_model_get_item (jp_item_get_indicators (item1), 0);

  /* Sections: one row each, the model's figures. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_sections (plan, as_of);
    const JpBarsData *bars = jp_chart_data_get_bars (data);

    g_assert_cmpuint (bars->rows->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
        const JpBarsRow *row = g_ptr_array_index (bars->rows, i);
        JpProgress progress;

        jp_section_evaluate (section, as_of, &progress);
        g_assert_cmpstr (row->number, ==, jp_section_get_ordinal (section));
        g_assert_cmpstr (row->title, ==, jp_section_get_title (section));
        g_assert_cmpfloat_with_epsilon (row->ratio, progress.ratio, EPSILON);
        g_assert_cmpint (row->status, ==, progress.status);
        g_assert_true (jp_chart_data_get_object (data, i) == G_OBJECT (section));
      }
  }

  /* Items of a section. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_section_items (one, as_of);
    const JpBarsData *bars = jp_chart_data_get_bars (data);
    const JpBarsRow *row = g_ptr_array_index (bars->rows, 0);
    JpProgress progress;

    jp_item_evaluate (item1, as_of, &progress);
    g_assert_cmpuint (bars->rows->len, ==, 2);
    g_assert_cmpstr (row->number, ==, "1");
    g_assert_cmpstr (row->title, ==, "全面加强教育系统党的建设");
    /* 72 of 90 as of Sep 30 (the Oct entry is later). */
    g_assert_cmpfloat_with_epsilon (row->ratio, 0.8, EPSILON);
    g_assert_cmpint (row->status, ==, progress.status);
    g_assert_true (jp_chart_data_get_object (data, 0) == G_OBJECT (item1));
  }

  /* Gauge of an indicator. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_indicator (rate, as_of);
    const JpGaugeData *gauge = jp_chart_data_get_gauge (data);
    g_autoptr(JpChartLayout) layout = jp_chart_layout_new (data, 400, 120, NULL);
    JpProgress progress;

    jp_indicator_evaluate (rate, as_of, &progress);
    g_assert_cmpstr (gauge->title, ==, "党支部规范化率");
    g_assert_cmpstr (gauge->unit, ==, "%");
    g_assert_true (gauge->has_value);
    g_assert_cmpfloat_with_epsilon (gauge->value, 72, EPSILON);
    g_assert_cmpfloat_with_epsilon (gauge->target, 90, EPSILON);
    g_assert_cmpfloat_with_epsilon (gauge->expected, progress.expected, EPSILON);
    g_assert_cmpint (gauge->status, ==, progress.status);
    g_assert_cmpstr (gauge->target_text, ==, "≥ 90%");
    g_assert_true (jp_chart_data_get_object (data, 0) == G_OBJECT (rate));
    g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "72%"));
    g_assert_true (layout_has_text (layout, JP_CHART_ROLE_STATUS_LABEL, jp_status_get_label (progress.status)));
  }

  /* History: every entry, the plan year, the as-of date, the due. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_indicator_history (rate, as_of);
    const JpHistoryData *history = jp_chart_data_get_history (data);
    g_autoptr(JpChartLayout) layout = jp_chart_layout_new (data, 600, 300, NULL);

    g_assert_cmpstr (history->start, ==, "2023-01-01");
    g_assert_cmpstr (history->end, ==, "2023-12-31");
    g_assert_cmpstr (history->due, ==, "2023-12-31");
    g_assert_cmpstr (history->as_of, ==, as_of);
    g_assert_cmpuint (history->points->len, ==, 3);
    g_assert_cmpstr (((JpHistoryPoint *) g_ptr_array_index (history->points, 1))->date, ==, "2023-06-30");
    g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_POINT), ==, 3);
    g_assert_true (JP_IS_PROGRESS_ENTRY (jp_chart_data_get_object (data, 0)));
  }

  /* Leaders and units: items by status; the leader without items is left
   * out; the highlight follows. */
  {
    JpLeader *gao = jp_plan_find_leader (plan, "高学芳");
    g_autoptr(JpChartData) data = jp_chart_data_new_for_leaders (plan, as_of, gao);
    g_autoptr(JpChartData) units = jp_chart_data_new_for_units (plan, as_of, NULL);
    const JpGroupsData *groups = jp_chart_data_get_groups (data);
    const JpGroupsRow *zhang = g_ptr_array_index (groups->rows, 0);
    const JpGroupsRow *row_gao = g_ptr_array_index (groups->rows, 1);
    const JpGroupsData *unit_groups = jp_chart_data_get_groups (units);
    g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
    guint expected[JP_N_STATUSES] = { 0, };
    guint total = 0;

    g_assert_cmpuint (groups->rows->len, ==, 2);
    g_assert_cmpstr (zhang->label, ==, "张学兵");
    g_assert_cmpstr (row_gao->label, ==, "高学芳");
    g_assert_cmpint (groups->highlight, ==, 1);
    g_assert_true (jp_chart_data_get_object (data, 1) == G_OBJECT (gao));
    g_assert_cmpuint (jp_groups_row_get_total (zhang), ==, 2);
    g_assert_cmpuint (jp_groups_row_get_total (row_gao), ==, 2);

    /* 张学兵 has items 1 and 3. */
    for (guint i = 0; i < items->len; i++)
      {
        JpItem *item = g_ptr_array_index (items, i);
        JpProgress progress;

        if (jp_item_get_number (item) == 2)
          continue;
        jp_item_evaluate (item, as_of, &progress);
        expected[progress.status]++;
      }
    for (guint s = 0; s < JP_N_STATUSES; s++)
      g_assert_cmpuint (zhang->counts[s], ==, expected[s]);

    g_assert_cmpuint (unit_groups->rows->len, ==, 2);
    g_assert_cmpstr (((JpGroupsRow *) g_ptr_array_index (unit_groups->rows, 0))->label, ==, "教育党工委");
    for (guint r = 0; r < unit_groups->rows->len; r++)
      total += jp_groups_row_get_total (g_ptr_array_index (unit_groups->rows, r));
    g_assert_cmpuint (total, ==, 3);
  }

  /* Breakdown: the plan's count; per leader. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_status_breakdown (plan, NULL, NULL, as_of, JP_BREAKDOWN_DONUT);
    g_autoptr(JpChartData) mine = jp_chart_data_new_status_breakdown (plan, jp_plan_find_leader (plan, "高学芳"),
                                                                      NULL, as_of, JP_BREAKDOWN_STACKED_BAR);
    const JpBreakdownData *breakdown = jp_chart_data_get_breakdown (data);
    guint counts[JP_N_STATUSES];

    jp_plan_count_item_statuses (plan, as_of, counts);
    for (guint s = 0; s < JP_N_STATUSES; s++)
      g_assert_cmpuint (breakdown->counts[s], ==, counts[s]);
    g_assert_cmpuint (jp_breakdown_data_get_total (breakdown), ==, 3);
    g_assert_cmpint (breakdown->shape, ==, JP_BREAKDOWN_DONUT);
    g_assert_cmpuint (jp_breakdown_data_get_total (jp_chart_data_get_breakdown (mine)), ==, 2);
  }

  /* The plan's overall progress as a gauge in percent. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_plan (plan, as_of);
    const JpGaugeData *gauge = jp_chart_data_get_gauge (data);
    JpProgress progress;

    jp_plan_evaluate (plan, as_of, &progress);
    g_assert_cmpfloat_with_epsilon (gauge->value, progress.p * 100, EPSILON);
    g_assert_cmpfloat_with_epsilon (gauge->target, 100, EPSILON);
    g_assert_cmpint (gauge->status, ==, progress.status);
  }

  /* Editing the model changes what a rebuilt chart shows. */
  {
    g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-09-01", 45);
    g_autoptr(JpChartData) data = NULL;
    const JpGaugeData *gauge;

    jp_indicator_add_progress (rate, entry);
    data = jp_chart_data_new_for_indicator (rate, as_of);
    gauge = jp_chart_data_get_gauge (data);
    g_assert_cmpfloat_with_epsilon (gauge->value, 45, EPSILON);
    g_assert_cmpfloat_with_epsilon (gauge->ratio, 0.5, EPSILON);
  }
}

/* ---- Expected ticks on bars */

static void
test_bars_expected_tick (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpBarsData) bars = bars_new ();
      g_autoptr(JpChartLayout) layout = NULL;
      JpChartRect plot;

      /* Rows 0 and 2 expected at 52% (just past the bar, where its
       * figure would be) and 0%, row 3 beyond the scale; rows 1 and 4
       * without (a report's bars set none). */
      ((JpBarsRow *) g_ptr_array_index (bars->rows, 0))->expected = 0.52;
      ((JpBarsRow *) g_ptr_array_index (bars->rows, 2))->expected = 0;
      ((JpBarsRow *) g_ptr_array_index (bars->rows, 3))->expected = 1.4;
      g_assert_cmpfloat (((JpBarsRow *) g_ptr_array_index (bars->rows, 1))->expected, <, 0);

      layout = jp_chart_layout_bars (bars, sizes[s].width, sizes[s].height, NULL);
      plot = jp_chart_layout_get_plot (layout);
      g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_EXPECTED), ==, 3);
      g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, 1));
      g_assert_null (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, 4));

      for (int i = 0; i < 4; i++)
        {
          const JpBarsRow *row = g_ptr_array_index (bars->rows, i);
          const JpChartMark *tick = jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, i);
          const JpChartMark *track = find_mark (layout, JP_CHART_ROLE_TRACK, i);

          if (row->expected < 0)
            continue;
          g_assert_nonnull (tick);
          g_assert_cmpint (tick->shape, ==, JP_CHART_SHAPE_LINE);
          /* Vertical, at e along the scale (clamped to 100%), across the
           * whole bar. */
          g_assert_cmpfloat_with_epsilon (tick->x0, tick->x1, EPSILON);
          g_assert_cmpfloat_with_epsilon (tick->x0, plot.x + MIN (row->expected, 1) * plot.width, EPSILON);
          g_assert_cmpfloat (MIN (tick->y0, tick->y1), <=, track->bounds.y);
          g_assert_cmpfloat (MAX (tick->y0, tick->y1), >=, track->bounds.y + track->bounds.height);
          /* The figure is never crossed by the tick. */
          {
            const JpChartMark *value = find_text_mark (layout, JP_CHART_ROLE_VALUE_LABEL, i);

            g_assert_false (tick->x0 > value->bounds.x && tick->x0 < value->bounds.x + value->bounds.width);
          }
        }

      assert_inside (layout);
      cairo_surface_destroy (paint (layout, "bars-expected"));
    }
}

/* ---- Trend */

static JpTrendData *
trend_new (void)
{
  JpTrendData *trend = jp_trend_data_new ("2023-01-01", "2023-12-31");

  trend->as_of = g_strdup ("2023-04-15");
  /* Out of order on purpose. */
  jp_trend_data_add_point (trend, "2023-02-28", 0.1, 2.0 / 12);
  jp_trend_data_add_point (trend, "2023-01-31", 0, 1.0 / 12);
  jp_trend_data_add_point (trend, "2023-03-31", 0.5, 0.25);
  jp_trend_data_add_point (trend, "2023-04-15", 0.4, 0.29);

  return trend;
}

static void
test_trend_geometry (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(JpTrendData) trend = trend_new ();
      g_autoptr(JpChartLayout) layout = jp_chart_layout_trend (trend, sizes[s].width, sizes[s].height, NULL);
      JpChartRect plot = jp_chart_layout_get_plot (layout);
      const JpChartMark *line = find_mark (layout, JP_CHART_ROLE_LINE, -1);
      const JpChartMark *expected = find_mark (layout, JP_CHART_ROLE_EXPECTED, -1);
      const JpChartMark *as_of = find_mark (layout, JP_CHART_ROLE_AS_OF, -1);
      const JpChartMark *jan = find_mark (layout, JP_CHART_ROLE_POINT, 1);
      const JpChartMark *feb = find_mark (layout, JP_CHART_ROLE_POINT, 0);
      const JpChartMark *mar = find_mark (layout, JP_CHART_ROLE_POINT, 2);
      const JpChartMark *now = find_mark (layout, JP_CHART_ROLE_POINT, 3);
      double day_w = plot.width / 364; /* 2023-01-01 → 2023-12-31 */

      g_assert_false (jp_chart_layout_is_empty (layout));
      g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_POINT), ==, 4);

      /* Both lines through the points, in date order; expected dashed. */
      g_assert_nonnull (line);
      g_assert_nonnull (expected);
      g_assert_cmpint (line->shape, ==, JP_CHART_SHAPE_POLYLINE);
      g_assert_cmpint (expected->shape, ==, JP_CHART_SHAPE_POLYLINE);
      g_assert_cmpuint (line->points->len, ==, 4);
      g_assert_cmpuint (expected->points->len, ==, 4);
      g_assert_cmpfloat (expected->dash, >, 0);
      g_assert_cmpfloat_with_epsilon (line->dash, 0, EPSILON);
      for (guint i = 1; i < 4; i++)
        g_assert_cmpfloat (g_array_index (line->points, JpChartPoint, i).x, >,
                           g_array_index (line->points, JpChartPoint, i - 1).x);

      /* x: days since the plan start; y: 0% at the bottom, 100% on top. */
      g_assert_cmpfloat_with_epsilon (jan->cx, plot.x + 30 * day_w, EPSILON);
      g_assert_cmpfloat_with_epsilon (mar->cx, plot.x + 89 * day_w, EPSILON);
      g_assert_cmpfloat_with_epsilon (jan->cy, plot.y + plot.height, EPSILON);
      g_assert_cmpfloat_with_epsilon (mar->cy, plot.y + plot.height / 2, EPSILON);
      g_assert_cmpfloat_with_epsilon (g_array_index (expected->points, JpChartPoint, 2).y,
                                      plot.y + plot.height * 0.75, EPSILON);
      g_assert_cmpfloat (feb->cy, <, jan->cy);
      g_assert_nonnull (as_of);
      g_assert_cmpfloat_with_epsilon (as_of->x0, now->cx, EPSILON);

      /* The last figures, both. */
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "40%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_VALUE_LABEL, "29%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_TICK_LABEL, "100%"));
      g_assert_true (layout_has_text (layout, JP_CHART_ROLE_LEGEND_LABEL, "Expected progress"));

      /* Anywhere in a point's column gives that point. */
      {
        const JpChartMark *hit = jp_chart_layout_hit_test (layout, mar->cx + 2, plot.y + 2);

        g_assert_nonnull (hit);
        g_assert_cmpint (hit->index, ==, 2);
        hit = jp_chart_layout_hit_test (layout, feb->cx - 2, plot.y + plot.height - 2);
        g_assert_nonnull (hit);
        g_assert_cmpint (hit->index, ==, 0);
      }

      assert_inside (layout);
      cairo_surface_destroy (paint (layout, "trend"));
    }

  /* No points: the empty state. */
  {
    g_autoptr(JpTrendData) trend = jp_trend_data_new ("2023-01-01", "2023-12-31");
    g_autoptr(JpChartLayout) layout = jp_chart_layout_trend (trend, 400, 200, NULL);
    g_autoptr(JpChartData) data = NULL;

    g_assert_true (jp_chart_layout_is_empty (layout));
    jp_trend_data_add_point (trend, "2023-01-31", 0.2, 0.1);
    data = jp_chart_data_new_trend (g_steal_pointer (&trend));
    g_assert_cmpint (jp_chart_data_get_kind (data), ==, JP_CHART_KIND_TREND);
    g_assert_nonnull (jp_chart_data_get_trend (data));
    g_assert_null (jp_chart_data_get_bars (data));
    g_assert_null (jp_chart_data_get_object (data, 0));
    jp_chart_data_set_title (data, "趋势");
    g_assert_cmpstr (jp_chart_data_get_title (data), ==, "趋势");
    g_clear_pointer (&layout, jp_chart_layout_unref);
    layout = jp_chart_layout_new (data, 300, jp_chart_get_natural_height (data, 300, NULL), NULL);
    g_assert_false (jp_chart_layout_is_empty (layout));
    assert_inside (layout);
  }
}

/* Trend, sections and gauge over a selection, from the model. */
static void
test_selection_builders (void)
{
  g_autoptr(JpPlan) plan = plan_new ();
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) gao = g_ptr_array_new ();
  JpLeader *leader = jp_plan_find_leader (plan, "高学芳");

  for (guint i = 0; i < items->len; i++)
    if (jp_item_has_leader (g_ptr_array_index (items, i), leader))
      g_ptr_array_add (gao, g_ptr_array_index (items, i));
  g_assert_cmpuint (gao->len, ==, 2); /* items 1 and 2, both in section 一 */

  /* Trend: every month end up to as-of, then as-of; the figures of
   * jp_items_evaluate() at each date. */
  {
    static const char *dates[] = { "2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31",
                                   "2023-06-30", "2023-07-15" };
    g_autoptr(JpChartData) all = jp_chart_data_new_trend_for_items (plan, NULL, "2023-07-15");
    g_autoptr(JpChartData) picked = jp_chart_data_new_trend_for_items (plan, gao, "2023-07-15");
    const JpTrendData *trend = jp_chart_data_get_trend (all);
    gboolean differs = FALSE;

    g_assert_cmpstr (trend->start, ==, "2023-01-01");
    g_assert_cmpstr (trend->end, ==, "2023-12-31");
    g_assert_cmpstr (trend->as_of, ==, "2023-07-15");
    g_assert_cmpuint (trend->points->len, ==, G_N_ELEMENTS (dates));
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        const JpTrendPoint *point = g_ptr_array_index (trend->points, i);
        const JpTrendPoint *mine = g_ptr_array_index (jp_chart_data_get_trend (picked)->points, i);
        JpProgress progress;

        g_assert_cmpstr (point->date, ==, dates[i]);
        jp_items_evaluate (plan, items, dates[i], &progress);
        g_assert_cmpfloat_with_epsilon (point->actual, progress.p, EPSILON);
        g_assert_cmpfloat_with_epsilon (point->expected, progress.expected, EPSILON);
        jp_items_evaluate (plan, gao, dates[i], &progress);
        g_assert_cmpfloat_with_epsilon (mine->actual, progress.p, EPSILON);
        differs |= fabs (mine->actual - point->actual) > EPSILON;
      }
    g_assert_true (differs);
    /* The whole plan's mean at June's end: item 1 at 72/90, the others
     * at 0 and 1/2 (630 of 630 seats, no schools yet). */
    g_assert_cmpfloat_with_epsilon (((JpTrendPoint *) g_ptr_array_index (trend->points, 5))->actual,
                                    (0.8 + 0 + 0.5) / 3, EPSILON);

    /* A month end as-of is not repeated. */
    g_clear_pointer (&all, jp_chart_data_unref);
    all = jp_chart_data_new_trend_for_items (plan, NULL, "2023-03-31");
    g_assert_cmpuint (jp_chart_data_get_trend (all)->points->len, ==, 3);
  }

  /* Sections over the selection: only the section holding its items,
   * with the selection's mean and expected. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_sections_of (plan, gao, "2023-09-30");
    const JpBarsData *bars = jp_chart_data_get_bars (data);
    const JpBarsRow *row;
    JpProgress progress;

    g_assert_cmpuint (bars->rows->len, ==, 1);
    row = g_ptr_array_index (bars->rows, 0);
    jp_items_evaluate (plan, gao, "2023-09-30", &progress);
    g_assert_cmpstr (row->number, ==, "一");
    g_assert_cmpfloat_with_epsilon (row->ratio, progress.p, EPSILON);
    g_assert_cmpfloat_with_epsilon (row->expected, progress.expected, EPSILON);
    g_assert_cmpint (row->status, ==, progress.status);

    /* Everyone: each section, with its expected figure. */
    g_clear_pointer (&data, jp_chart_data_unref);
    data = jp_chart_data_new_for_sections (plan, "2023-09-30");
    bars = jp_chart_data_get_bars (data);
    g_assert_cmpuint (bars->rows->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (plan), i);

        jp_section_evaluate (section, "2023-09-30", &progress);
        row = g_ptr_array_index (bars->rows, i);
        g_assert_cmpfloat_with_epsilon (row->expected, progress.expected, EPSILON);
        g_assert_cmpfloat (row->expected, >, 0);
      }
  }

  /* The gauge of the selection. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_selection (plan, gao, "2023-09-30");
    const JpGaugeData *gauge = jp_chart_data_get_gauge (data);
    JpProgress progress;

    jp_items_evaluate (plan, gao, "2023-09-30", &progress);
    g_assert_cmpfloat_with_epsilon (gauge->value, progress.p * 100, EPSILON);
    g_assert_cmpfloat_with_epsilon (gauge->expected, progress.expected, EPSILON);
    g_assert_cmpint (gauge->status, ==, progress.status);

    /* Its expected share printed as the headline prints it (one rounding,
     * jp_format_percent(): 74.73%, not 75%). */
    {
      g_autoptr(JpChartLayout) layout = jp_chart_layout_new (data, 1200, 120, NULL);
      g_autofree char *expected = jp_format_percent (progress.expected);

      g_assert_cmpfloat (fabs (jp_round_percent (progress.expected) - round (progress.expected * 100)), >, 0.001);
      g_assert_nonnull (jp_chart_layout_find_text (layout, expected));
    }
  }

  /* Leaders and units over a selection: only those with its items. */
  {
    g_autoptr(JpChartData) units = jp_chart_data_new_for_units_of (plan, gao, "2023-09-30", NULL);
    g_autoptr(JpChartData) all_units = jp_chart_data_new_for_units (plan, "2023-09-30", NULL);
    g_autoptr(GPtrArray) third = g_ptr_array_new ();
    g_autoptr(JpChartData) leaders = NULL;
    const JpGroupsData *groups = jp_chart_data_get_groups (units);
    const JpGroupsRow *row;

    g_assert_cmpuint (jp_chart_data_get_groups (all_units)->rows->len, ==, 2);
    g_assert_cmpuint (groups->rows->len, ==, 1);
    row = g_ptr_array_index (groups->rows, 0);
    g_assert_cmpstr (row->label, ==, "教育党工委");
    g_assert_cmpuint (jp_groups_row_get_total (row), ==, 2);

    g_ptr_array_add (third, g_ptr_array_index (items, 2));
    leaders = jp_chart_data_new_for_leaders_of (plan, third, "2023-09-30", leader);
    groups = jp_chart_data_get_groups (leaders);
    g_assert_cmpuint (groups->rows->len, ==, 1);
    g_assert_cmpstr (((JpGroupsRow *) g_ptr_array_index (groups->rows, 0))->label, ==, "张学兵");
    /* 高学芳 has no item there: no row, nothing highlighted. */
    g_assert_cmpint (groups->highlight, ==, -1);
  }

  /* Item bars carry their expected figure. */
  {
    g_autoptr(JpChartData) data = jp_chart_data_new_for_items (gao, "2023-09-30");
    const JpBarsRow *row = g_ptr_array_index (jp_chart_data_get_bars (data)->rows, 0);
    JpProgress progress;

    jp_item_evaluate (g_ptr_array_index (gao, 0), "2023-09-30", &progress);
    g_assert_cmpfloat_with_epsilon (row->expected, progress.expected, EPSILON);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/jp/charts/format-value", test_format_value);
  g_test_add_func ("/jp/charts/gauge/half-of-target", test_gauge_half);
  g_test_add_func ("/jp/charts/gauge/expected-mark", test_gauge_expected);
  g_test_add_func ("/jp/charts/gauge/range", test_gauge_range);
  g_test_add_func ("/jp/charts/gauge/beyond-target", test_gauge_beyond);
  g_test_add_func ("/jp/charts/gauge/pixels", test_gauge_pixels);
  g_test_add_func ("/jp/charts/gauge/empty", test_gauge_empty);
  g_test_add_func ("/jp/charts/gauge/kinds", test_gauge_kinds);
  g_test_add_func ("/jp/charts/gauge/small", test_gauge_small);
  g_test_add_func ("/jp/charts/gauge/hide-status", test_gauge_hide_status);
  g_test_add_func ("/jp/charts/bars/geometry", test_bars_geometry);
  g_test_add_func ("/jp/charts/bars/rounded-percent", test_bars_rounded);
  g_test_add_func ("/jp/charts/bars/ellipsize", test_bars_ellipsize);
  g_test_add_func ("/jp/charts/bars/pixels", test_bars_pixels);
  g_test_add_func ("/jp/charts/bars/hit-test", test_bars_hit);
  g_test_add_func ("/jp/charts/bars/empty", test_bars_empty);
  g_test_add_func ("/jp/charts/bars/many-rows", test_bars_many_rows);
  g_test_add_func ("/jp/charts/breakdown/stacked-bar", test_breakdown_bar);
  g_test_add_func ("/jp/charts/breakdown/donut", test_breakdown_donut);
  g_test_add_func ("/jp/charts/breakdown/empty", test_breakdown_empty);
  g_test_add_func ("/jp/charts/groups/geometry", test_groups);
  g_test_add_func ("/jp/charts/groups/empty", test_groups_empty);
  g_test_add_func ("/jp/charts/history/geometry", test_history_geometry);
  g_test_add_func ("/jp/charts/history/range-and-baseline", test_history_range_and_baseline);
  g_test_add_func ("/jp/charts/history/beyond-target", test_history_beyond);
  g_test_add_func ("/jp/charts/history/labels-off-target", test_history_labels_off_target);
  g_test_add_func ("/jp/charts/history/empty", test_history_empty);
  g_test_add_func ("/jp/charts/text-log-and-font", test_text_log_and_font);
  g_test_add_func ("/jp/charts/dark-style", test_dark_style);
  g_test_add_func ("/jp/charts/any-size", test_every_chart_any_size);
  g_test_add_func ("/jp/charts/data", test_chart_data);
  g_test_add_func ("/jp/charts/builders", test_builders);

  g_test_add_func ("/jp/charts/bars/expected-tick", test_bars_expected_tick);
  g_test_add_func ("/jp/charts/trend/geometry", test_trend_geometry);
  g_test_add_func ("/jp/charts/builders/selection", test_selection_builders);

  return g_test_run ();
}
