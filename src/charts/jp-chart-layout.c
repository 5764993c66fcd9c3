#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-layout.h"

#include "jp-chart-data.h"
#include "jp-chart-private.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (JpChartLayout, jp_chart_layout, jp_chart_layout_ref, jp_chart_layout_unref)

static void
mark_clear (gpointer p)
{
  JpChartMark *mark = p;

  g_clear_pointer (&mark->points, g_array_unref);
  g_clear_pointer (&mark->text, g_free);
  g_clear_object (&mark->layout);
}

static JpChartLayout *
layout_new (double width,
            double height)
{
  JpChartLayout *layout = g_new0 (JpChartLayout, 1);

  g_atomic_ref_count_init (&layout->ref_count);
  layout->width = width;
  layout->height = height;
  layout->plot = (JpChartRect) { 0, 0, width, height };
  layout->marks = g_array_new (FALSE, TRUE, sizeof (JpChartMark));
  g_array_set_clear_func (layout->marks, mark_clear);

  return layout;
}

JpChartLayout *
jp_chart_layout_ref (JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&layout->ref_count);

  return layout;
}

void
jp_chart_layout_unref (JpChartLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;

  g_array_unref (layout->marks);
  g_clear_pointer (&layout->text_log, g_ptr_array_unref);
  g_free (layout);
}

double
jp_chart_layout_get_width (const JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->width;
}

double
jp_chart_layout_get_height (const JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->height;
}

gboolean
jp_chart_layout_is_empty (const JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  return layout->empty;
}

JpChartRect
jp_chart_layout_get_plot (const JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, (JpChartRect) { 0 });
  return layout->plot;
}

guint
jp_chart_layout_get_n_marks (const JpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->marks->len;
}

const JpChartMark *
jp_chart_layout_get_mark (const JpChartLayout *layout,
                          guint                position)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (position < layout->marks->len, NULL);

  return &g_array_index (layout->marks, JpChartMark, position);
}

const JpChartMark *
jp_chart_layout_find_full (const JpChartLayout *layout,
                           JpChartRole          role,
                           int                  index,
                           int                  series)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const JpChartMark *mark = &g_array_index (layout->marks, JpChartMark, i);

      if (mark->role == role &&
          (index < 0 || mark->index == index) &&
          (series < 0 || mark->series == series))
        return mark;
    }

  return NULL;
}

const JpChartMark *
jp_chart_layout_find (const JpChartLayout *layout,
                      JpChartRole          role,
                      int                  index)
{
  return jp_chart_layout_find_full (layout, role, index, -1);
}

guint
jp_chart_layout_count (const JpChartLayout *layout,
                       JpChartRole          role)
{
  guint n = 0;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint i = 0; i < layout->marks->len; i++)
    if (g_array_index (layout->marks, JpChartMark, i).role == role)
      n++;

  return n;
}

const JpChartMark *
jp_chart_layout_find_text (const JpChartLayout *layout,
                           const char          *needle)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const JpChartMark *mark = &g_array_index (layout->marks, JpChartMark, i);

      if (mark->shape == JP_CHART_SHAPE_TEXT && strstr (mark->text, needle) != NULL)
        return mark;
    }

  return NULL;
}

GPtrArray *
jp_chart_layout_dup_texts (const JpChartLayout *layout)
{
  GPtrArray *texts;

  g_return_val_if_fail (layout != NULL, NULL);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < layout->marks->len; i++)
    {
      const JpChartMark *mark = &g_array_index (layout->marks, JpChartMark, i);

      if (mark->shape == JP_CHART_SHAPE_TEXT)
        g_ptr_array_add (texts, g_strdup (mark->text));
    }

  return texts;
}

static gboolean
angle_between (double angle,
               double a1,
               double a2)
{
  /* Angles grow clockwise (cairo); bring @angle into [a1, a1 + 2π). */
  while (angle < a1)
    angle += 2 * G_PI;
  while (angle >= a1 + 2 * G_PI)
    angle -= 2 * G_PI;

  return angle <= a2;
}

static gboolean
mark_contains (const JpChartMark *mark,
               double             x,
               double             y)
{
  if (mark->shape == JP_CHART_SHAPE_SECTOR)
    {
      double dx = x - mark->cx;
      double dy = y - mark->cy;
      double r = sqrt (dx * dx + dy * dy);

      return r >= mark->inner_radius && r <= mark->radius &&
             angle_between (atan2 (dy, dx), mark->angle1, mark->angle2);
    }

  return x >= mark->bounds.x && x < mark->bounds.x + mark->bounds.width &&
         y >= mark->bounds.y && y < mark->bounds.y + mark->bounds.height;
}

const JpChartMark *
jp_chart_layout_hit_test (const JpChartLayout *layout,
                          double               x,
                          double               y)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = layout->marks->len; i > 0; i--)
    {
      const JpChartMark *mark = &g_array_index (layout->marks, JpChartMark, i - 1);

      if (mark->role == JP_CHART_ROLE_HIT && mark_contains (mark, x, y))
        return mark;
    }

  return NULL;
}

/* ---- Painting */

static void
set_source (cairo_t           *cr,
            const JpChartRgba *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
fill_and_stroke (cairo_t           *cr,
                 const JpChartMark *mark)
{
  if (mark->has_fill)
    {
      set_source (cr, &mark->fill);
      if (mark->has_stroke)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (mark->has_stroke)
    {
      set_source (cr, &mark->stroke);
      cairo_set_line_width (cr, mark->line_width);
      if (mark->dash > 0)
        cairo_set_dash (cr, (double[]) { mark->dash, mark->dash * 0.75 }, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
paint_mark (const JpChartLayout *layout,
            const JpChartMark   *mark,
            cairo_t             *cr)
{
  switch (mark->shape)
    {
    case JP_CHART_SHAPE_RECT:
      cairo_rectangle (cr, mark->bounds.x, mark->bounds.y, mark->bounds.width, mark->bounds.height);
      fill_and_stroke (cr, mark);
      break;

    case JP_CHART_SHAPE_LINE:
      cairo_move_to (cr, mark->x0, mark->y0);
      cairo_line_to (cr, mark->x1, mark->y1);
      fill_and_stroke (cr, mark);
      break;

    case JP_CHART_SHAPE_POLYLINE:
      for (guint i = 0; i < mark->points->len; i++)
        {
          const JpChartPoint *p = &g_array_index (mark->points, JpChartPoint, i);

          if (i == 0)
            cairo_move_to (cr, p->x, p->y);
          else
            cairo_line_to (cr, p->x, p->y);
        }
      if (mark->closed)
        cairo_close_path (cr);
      fill_and_stroke (cr, mark);
      break;

    case JP_CHART_SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->cx, mark->cy, mark->radius, 0, 2 * G_PI);
      fill_and_stroke (cr, mark);
      break;

    case JP_CHART_SHAPE_SECTOR:
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->cx, mark->cy, mark->radius, mark->angle1, mark->angle2);
      if (mark->inner_radius > 0)
        cairo_arc_negative (cr, mark->cx, mark->cy, mark->inner_radius, mark->angle2, mark->angle1);
      else
        cairo_line_to (cr, mark->cx, mark->cy);
      cairo_close_path (cr);
      fill_and_stroke (cr, mark);
      break;

    case JP_CHART_SHAPE_TEXT:
      set_source (cr, &mark->fill);
      cairo_move_to (cr, mark->x0, mark->y0);
      pango_cairo_show_layout (cr, mark->layout);
      cairo_new_path (cr);
      if (layout->text_log != NULL)
        g_ptr_array_add (layout->text_log, g_strdup (mark->text));
      break;

    default:
      g_assert_not_reached ();
    }
}

void
jp_chart_layout_paint (const JpChartLayout *layout,
                       cairo_t             *cr)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const JpChartMark *mark = &g_array_index (layout->marks, JpChartMark, i);

      if (mark->role != JP_CHART_ROLE_HIT)
        paint_mark (layout, mark, cr);
    }

  cairo_restore (cr);
}

/* ---- Building (jp-chart-private.h) */

void
_jp_chart_canvas_init (JpChartCanvas      *canvas,
                       double              width,
                       double              height,
                       const JpChartStyle *style)
{
  cairo_font_options_t *options;

  memset (canvas, 0, sizeof *canvas);

  if (style == NULL)
    style = canvas->default_style = jp_chart_style_new ();

  canvas->style = style;
  canvas->font_size = style->font_size > 0 ? style->font_size : 13.0;
  canvas->layout = layout_new (MAX (width, 0), MAX (height, 0));
  if (style->text_log != NULL)
    canvas->layout->text_log = g_ptr_array_ref (style->text_log);

  /* The caller's context (a report's: one for the whole document), or
   * our own, independent of the surface: the same metrics on screen, on a
   * PDF page and in tests. */
  if (style->context != NULL)
    canvas->pango = g_object_ref (style->context);
  else
    canvas->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  if (style->context == NULL)
    {
      pango_context_set_language (canvas->pango, pango_language_from_string ("zh-cn"));
      pango_context_set_round_glyph_positions (canvas->pango, FALSE);
      options = cairo_font_options_create ();
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (canvas->pango, options);
      cairo_font_options_destroy (options);
    }

  if (style->background.alpha > 0)
    _jp_chart_add_rect (canvas, JP_CHART_ROLE_BACKGROUND, -1, -1,
                        0, 0, canvas->layout->width, canvas->layout->height,
                        &style->background);
}

JpChartLayout *
_jp_chart_canvas_finish (JpChartCanvas *canvas)
{
  g_clear_object (&canvas->pango);
  g_clear_pointer (&canvas->default_style, jp_chart_style_free);

  return g_steal_pointer (&canvas->layout);
}

static PangoFontDescription *
font_new (JpChartCanvas *canvas,
          double         scale,
          gboolean       bold)
{
  PangoFontDescription *font;
  double size = canvas->font_size * scale;

  /* A document's few sizes rather than one per scale (each size is a
   * fontconfig sort and a font of its own). */
  if (canvas->style->font_size_small > 0 && scale >= 0.8 && scale < 1.0)
    size = canvas->style->font_size_small;

  font = pango_font_description_new ();
  /* A comma-separated list: fontconfig tries them in order. */
  pango_font_description_set_family (font, canvas->style->font_family != NULL ?
                                           canvas->style->font_family :
                                           JP_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  return font;
}

PangoLayout *
_jp_chart_text_new (JpChartCanvas *canvas,
                    const char    *text,
                    double         scale,
                    gboolean       bold,
                    double         max_width)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  g_autofree char *one_line = NULL;

  layout = pango_layout_new (canvas->pango);
  font = font_new (canvas, scale, bold);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* One line, whatever the text holds. */
  one_line = g_strdup (text != NULL ? text : "");
  g_strdelimit (one_line, "\r\n\t", ' ');
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, one_line, -1);

  if (max_width > 0)
    {
      /* Chinese has no spaces: without ellipsizing, a width would wrap
       * between any two characters. Ellipsizing keeps one line. */
      pango_layout_set_width (layout, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

void
_jp_chart_text_get_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_jp_chart_text_width (JpChartCanvas *canvas,
                      const char    *text,
                      double         scale,
                      gboolean       bold)
{
  g_autoptr(PangoLayout) layout = _jp_chart_text_new (canvas, text, scale, bold, 0);
  double width;

  _jp_chart_text_get_size (layout, &width, NULL);

  return width;
}

double
_jp_chart_line_height (JpChartCanvas *canvas,
                       double         scale)
{
  g_autoptr(PangoLayout) layout = _jp_chart_text_new (canvas, "0国", scale, FALSE, 0);
  double height;

  _jp_chart_text_get_size (layout, NULL, &height);

  return height;
}

static JpChartMark *
add_mark (JpChartCanvas *canvas,
          JpChartShape   shape,
          JpChartRole    role,
          int            index,
          int            series)
{
  JpChartMark mark = { 0 };

  mark.shape = shape;
  mark.role = role;
  mark.index = index;
  mark.series = series;
  g_array_append_val (canvas->layout->marks, mark);

  return &g_array_index (canvas->layout->marks, JpChartMark, canvas->layout->marks->len - 1);
}

JpChartMark *
_jp_chart_add_text (JpChartCanvas     *canvas,
                    JpChartRole        role,
                    int                index,
                    int                series,
                    PangoLayout       *layout,
                    double             x,
                    double             y,
                    const JpChartRgba *color)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_TEXT, role, index, series);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  mark->layout = layout;
  mark->text = g_strdup (pango_layout_get_text (layout));
  mark->ellipsized = pango_layout_is_ellipsized (layout);
  mark->max_width = pango_layout_get_width (layout) > 0 ?
                    (double) pango_layout_get_width (layout) / PANGO_SCALE : 0;
  mark->x0 = x;
  mark->y0 = y;
  mark->bounds.x = x + (double) logical.x / PANGO_SCALE;
  mark->bounds.y = y + (double) logical.y / PANGO_SCALE;
  mark->bounds.width = (double) logical.width / PANGO_SCALE;
  mark->bounds.height = (double) logical.height / PANGO_SCALE;
  mark->has_fill = TRUE;
  mark->fill = color != NULL ? *color : canvas->style->foreground;

  return mark;
}

JpChartMark *
_jp_chart_add_rect (JpChartCanvas     *canvas,
                    JpChartRole        role,
                    int                index,
                    int                series,
                    double             x,
                    double             y,
                    double             width,
                    double             height,
                    const JpChartRgba *fill)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_RECT, role, index, series);

  mark->bounds = (JpChartRect) { x, y, MAX (width, 0), MAX (height, 0) };
  if (fill != NULL)
    {
      mark->has_fill = TRUE;
      mark->fill = *fill;
    }

  return mark;
}

JpChartMark *
_jp_chart_add_line (JpChartCanvas     *canvas,
                    JpChartRole        role,
                    int                index,
                    double             x0,
                    double             y0,
                    double             x1,
                    double             y1,
                    const JpChartRgba *color,
                    double             line_width,
                    double             dash)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_LINE, role, index, -1);

  mark->x0 = x0;
  mark->y0 = y0;
  mark->x1 = x1;
  mark->y1 = y1;
  mark->bounds = (JpChartRect) { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
  mark->has_stroke = TRUE;
  mark->stroke = *color;
  mark->line_width = line_width;
  mark->dash = dash;

  return mark;
}

JpChartMark *
_jp_chart_add_polyline (JpChartCanvas      *canvas,
                        JpChartRole         role,
                        int                 index,
                        const JpChartPoint *points,
                        guint               n_points,
                        gboolean            closed,
                        const JpChartRgba  *fill,
                        const JpChartRgba  *stroke,
                        double              line_width)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_POLYLINE, role, index, -1);
  double x_min = G_MAXDOUBLE, y_min = G_MAXDOUBLE;
  double x_max = -G_MAXDOUBLE, y_max = -G_MAXDOUBLE;

  mark->points = g_array_sized_new (FALSE, FALSE, sizeof (JpChartPoint), n_points);
  g_array_append_vals (mark->points, points, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      x_min = MIN (x_min, points[i].x);
      x_max = MAX (x_max, points[i].x);
      y_min = MIN (y_min, points[i].y);
      y_max = MAX (y_max, points[i].y);
    }
  if (n_points > 0)
    mark->bounds = (JpChartRect) { x_min, y_min, x_max - x_min, y_max - y_min };
  mark->closed = closed;
  if (fill != NULL)
    {
      mark->has_fill = TRUE;
      mark->fill = *fill;
    }
  if (stroke != NULL)
    {
      mark->has_stroke = TRUE;
      mark->stroke = *stroke;
      mark->line_width = line_width;
    }

  return mark;
}

JpChartMark *
_jp_chart_add_circle (JpChartCanvas     *canvas,
                      JpChartRole        role,
                      int                index,
                      double             cx,
                      double             cy,
                      double             radius,
                      const JpChartRgba *fill,
                      const JpChartRgba *stroke,
                      double             line_width)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_CIRCLE, role, index, -1);

  mark->cx = cx;
  mark->cy = cy;
  mark->radius = radius;
  mark->bounds = (JpChartRect) { cx - radius, cy - radius, 2 * radius, 2 * radius };
  if (fill != NULL)
    {
      mark->has_fill = TRUE;
      mark->fill = *fill;
    }
  if (stroke != NULL)
    {
      mark->has_stroke = TRUE;
      mark->stroke = *stroke;
      mark->line_width = line_width;
    }

  return mark;
}

JpChartMark *
_jp_chart_add_sector (JpChartCanvas     *canvas,
                      JpChartRole        role,
                      int                index,
                      int                series,
                      double             cx,
                      double             cy,
                      double             inner_radius,
                      double             radius,
                      double             angle1,
                      double             angle2,
                      const JpChartRgba *fill)
{
  JpChartMark *mark = add_mark (canvas, JP_CHART_SHAPE_SECTOR, role, index, series);

  mark->cx = cx;
  mark->cy = cy;
  mark->inner_radius = inner_radius;
  mark->radius = radius;
  mark->angle1 = angle1;
  mark->angle2 = angle2;
  mark->bounds = (JpChartRect) { cx - radius, cy - radius, 2 * radius, 2 * radius };
  if (fill != NULL)
    {
      mark->has_fill = TRUE;
      mark->fill = *fill;
    }

  return mark;
}

JpChartMark *
_jp_chart_add_hit (JpChartCanvas *canvas,
                   int            index,
                   int            series,
                   double         x,
                   double         y,
                   double         width,
                   double         height)
{
  return _jp_chart_add_rect (canvas, JP_CHART_ROLE_HIT, index, series, x, y, width, height, NULL);
}

guint
_jp_chart_n_marks (JpChartCanvas *canvas)
{
  return canvas->layout->marks->len;
}

void
_jp_chart_truncate (JpChartCanvas *canvas,
                    guint          n_marks)
{
  if (n_marks < canvas->layout->marks->len)
    g_array_set_size (canvas->layout->marks, n_marks);
}

void
_jp_chart_translate (JpChartCanvas *canvas,
                     guint          from,
                     double         dx,
                     double         dy)
{
  GArray *marks = canvas->layout->marks;

  for (guint i = from; i < marks->len; i++)
    {
      JpChartMark *mark = &g_array_index (marks, JpChartMark, i);

      mark->bounds.x += dx;
      mark->bounds.y += dy;
      mark->x0 += dx;
      mark->y0 += dy;
      mark->x1 += dx;
      mark->y1 += dy;
      mark->cx += dx;
      mark->cy += dy;
      if (mark->points != NULL)
        for (guint j = 0; j < mark->points->len; j++)
          {
            g_array_index (mark->points, JpChartPoint, j).x += dx;
            g_array_index (mark->points, JpChartPoint, j).y += dy;
          }
    }
}

double
_jp_chart_add_title (JpChartCanvas *canvas,
                     const char    *title)
{
  PangoLayout *layout;
  double height;

  if (title == NULL || *title == '\0')
    return 0;

  layout = _jp_chart_text_new (canvas, title, 1.1, TRUE, canvas->layout->width);
  _jp_chart_text_get_size (layout, NULL, &height);
  _jp_chart_add_text (canvas, JP_CHART_ROLE_TITLE, -1, -1, layout, 0, 0, NULL);

  return height + 0.5 * canvas->font_size;
}

void
_jp_chart_add_empty (JpChartCanvas     *canvas,
                     const JpChartRect *area,
                     const char        *message)
{
  JpChartRgba dim = _jp_chart_with_alpha (&canvas->style->foreground, 0.6);
  PangoLayout *layout;
  double w, h;

  canvas->layout->empty = TRUE;
  layout = _jp_chart_text_new (canvas, message, 1.0, FALSE, area->width);
  _jp_chart_text_get_size (layout, &w, &h);
  _jp_chart_add_text (canvas, JP_CHART_ROLE_EMPTY, -1, -1, layout,
                      area->x + (area->width - w) / 2,
                      area->y + (area->height - h) / 2,
                      &dim);
}

char *
_jp_chart_status_text (JpStatus status)
{
  /* Translators: a status symbol (✓, ▲ …) and the status's name. */
  return g_strdup_printf (C_("chart status", "%s %s"),
                          jp_status_get_symbol (status),
                          jp_status_get_label (status));
}

double
_jp_chart_add_status_legend (JpChartCanvas  *canvas,
                             double          x,
                             double          y,
                             double          width,
                             const gboolean *shown,
                             const guint    *counts,
                             double          scale,
                             gboolean        one_per_line)
{
  double line_height = _jp_chart_line_height (canvas, scale);
  double swatch = 0.75 * canvas->font_size * scale;
  double gap = 0.35 * canvas->font_size * scale;
  double spacing = 1.2 * canvas->font_size * scale;
  double cx = x;
  double cy = y;
  gboolean any = FALSE;

  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      JpStatus status = jp_chart_status_at (i);
      g_autofree char *text = NULL;
      PangoLayout *layout;
      double w, entry_width;

      if (shown != NULL && !shown[status])
        continue;

      if (counts != NULL)
        /* Translators: legend entry: status symbol, status name, count. */
        text = g_strdup_printf (C_("chart legend", "%s %s %u"),
                                jp_status_get_symbol (status),
                                jp_status_get_label (status),
                                counts[status]);
      else
        text = _jp_chart_status_text (status);

      layout = _jp_chart_text_new (canvas, text, scale, FALSE, MAX (width - swatch - gap, 1));
      _jp_chart_text_get_size (layout, &w, NULL);
      entry_width = swatch + gap + w;

      if (any && (one_per_line || cx + entry_width > x + width))
        {
          cx = x;
          cy += line_height * (one_per_line ? 1.4 : 1.15);
        }

      _jp_chart_add_rect (canvas, JP_CHART_ROLE_LEGEND_SWATCH, status, status,
                          cx, cy + (line_height - swatch) / 2, swatch, swatch,
                          &canvas->style->status[status]);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_LEGEND_LABEL, status, status, layout,
                          cx + swatch + gap, cy, NULL);
      cx += entry_width + spacing;
      any = TRUE;
    }

  return any ? cy + line_height - y : 0;
}

/* A count (with its symbol when there is room) centred at (cx, cy) if it
 * fits in @room. */
void
_jp_chart_add_count_label (JpChartCanvas     *canvas,
                           int                index,
                           JpStatus           status,
                           guint              count,
                           double             cx,
                           double             cy,
                           double             room_w,
                           double             room_h,
                           const JpChartRgba *background)
{
  JpChartRgba color = _jp_chart_text_color_on (background);
  g_autofree char *with_symbol = NULL;
  g_autofree char *plain = NULL;
  const char *candidates[2];

  /* Translators: status symbol and a count inside a chart segment. */
  with_symbol = g_strdup_printf (C_("chart count", "%s %u"), jp_status_get_symbol (status), count);
  plain = g_strdup_printf ("%u", count);
  candidates[0] = with_symbol;
  candidates[1] = plain;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      PangoLayout *layout = _jp_chart_text_new (canvas, candidates[i], 0.9, TRUE, 0);
      double w, h;

      _jp_chart_text_get_size (layout, &w, &h);
      if (w + 0.3 * canvas->font_size <= room_w && h <= room_h)
        {
          _jp_chart_add_text (canvas, JP_CHART_ROLE_VALUE_LABEL, status, status, layout,
                                        cx - w / 2, cy - h / 2, &color);
          return;
        }
      g_object_unref (layout);
    }
}

JpChartRgba
_jp_chart_with_alpha (const JpChartRgba *color,
                      double             alpha)
{
  JpChartRgba c = *color;

  c.alpha *= alpha;

  return c;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

JpChartRgba
_jp_chart_text_color_on (const JpChartRgba *background)
{
  double l = 0.2126 * linear (background->red) +
             0.7152 * linear (background->green) +
             0.0722 * linear (background->blue);

  /* Whichever of black and white contrasts more (WCAG). */
  if ((l + 0.05) / 0.05 >= 1.05 / (l + 0.05))
    return (JpChartRgba) { 0, 0, 0, 0.87 };
  return (JpChartRgba) { 1, 1, 1, 1 };
}

double
_jp_chart_round_figure (double value)
{
  if (!isfinite (value))
    return value;
  if (fabs (value) >= 10)
    return round (value);
  return round (value * 10) / 10;
}

char *
_jp_chart_format_ratio (double ratio)
{
  return jp_format_percent_short (ratio);
}

gboolean
_jp_chart_parse_date (const char *iso,
                      GDate      *out)
{
  int y, m, d;
  char tail;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (out, d, m, y);

  return TRUE;
}

char *
_jp_chart_format_date (const GDate *date,
                       const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date),
                                                 g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (dt, format);
}

static double
day_x (const JpChartRect *plot,
       double             d_lo,
       double             d_hi,
       double             day)
{
  return plot->x + (day - d_lo) / (d_hi - d_lo) * plot->width;
}

void
_jp_chart_add_month_axis (JpChartCanvas     *canvas,
                          const JpChartRect *plot,
                          double             d_lo,
                          double             d_hi,
                          double             label_y)
{
  const JpChartStyle *style = canvas->style;
  double width = canvas->layout->width;
  double f = canvas->font_size;
  JpChartRgba dim = _jp_chart_with_alpha (&style->foreground, 0.7);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  GDate date;
  double month_px, label_w = 0;
  guint step = 1;
  static const guint steps[] = { 1, 2, 3, 4, 6, 12 };

  /* The first day of every month in range, and the month holding the
   * left edge. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) d_lo);
  g_date_set_day (&date, 1);
  while (g_date_get_julian (&date) <= d_hi)
    {
      guint32 day = g_date_get_julian (&date);
      g_autofree char *label = _jp_chart_format_date (&date, C_("chart month", "%b"));

      g_array_append_val (starts, day);
      label_w = MAX (label_w, _jp_chart_text_width (canvas, label, 0.85, FALSE));
      g_date_add_months (&date, 1);
    }
  {
    guint32 after = g_date_get_julian (&date);

    g_array_append_val (starts, after);
  }

  month_px = plot->width / MAX ((d_hi - d_lo) / 30.44, 1);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      step = steps[i];
      if (label_w + 0.4 * f <= step * month_px)
        break;
    }

  for (guint i = 0; i + 1 < starts->len; i++)
    {
      guint32 start = g_array_index (starts, guint32, i);
      guint32 next = g_array_index (starts, guint32, i + 1);
      double x0 = day_x (plot, d_lo, d_hi, MAX (start, d_lo));
      double x1 = day_x (plot, d_lo, d_hi, MIN (next, d_hi));
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double w, x;

      if (start >= d_lo)
        _jp_chart_add_line (canvas, JP_CHART_ROLE_GRID, (int) i, x0, plot->y, x0, plot->y + plot->height,
                            &style->grid, 1, 0);

      g_date_set_julian (&date, start);
      if ((g_date_get_month (&date) - 1) % step != 0)
        continue;

      label = _jp_chart_format_date (&date, C_("chart month", "%b"));
      layout = _jp_chart_text_new (canvas, label, 0.85, FALSE, 0);
      _jp_chart_text_get_size (layout, &w, NULL);
      /* Centred under its month, unless the month is cut too short. */
      x = (x0 + x1) / 2 - w / 2;
      if (x1 - x0 < w && step == 1)
        {
          g_object_unref (layout);
          continue;
        }
      x = CLAMP (x, 0, width - w);
      _jp_chart_add_text (canvas, JP_CHART_ROLE_TICK_LABEL, (int) i, 0, layout, x, label_y, &dim);
    }
}
