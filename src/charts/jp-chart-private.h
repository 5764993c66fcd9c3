#pragma once

#include <pango/pangocairo.h>

#include "jp-chart-layout.h"
#include "jp-chart-style.h"

G_BEGIN_DECLS

/* What the chart kinds share to build their layouts. */

struct _JpChartLayout
{
  gatomicrefcount  ref_count;
  double           width;
  double           height;
  gboolean         empty;
  JpChartRect      plot;
  GArray          *marks;    /* JpChartMark, cleared with mark_clear() */
  GPtrArray       *text_log; /* Owned ref, or NULL: style->text_log */
};

typedef struct
{
  JpChartLayout        *layout;  /* Owned until _jp_chart_canvas_finish() */
  PangoContext         *pango;   /* Owned */
  const JpChartStyle   *style;   /* Borrowed (or owned default_style) */
  JpChartStyle         *default_style;
  double                font_size; /* base size of this chart's text */
} JpChartCanvas;

void           _jp_chart_canvas_init        (JpChartCanvas      *canvas,
                                             double              width,
                                             double              height,
                                             const JpChartStyle *style);
JpChartLayout *_jp_chart_canvas_finish      (JpChartCanvas      *canvas);
/* The line height of text at @scale × the base size. */
double         _jp_chart_line_height        (JpChartCanvas      *canvas,
                                             double              scale);

/* A layout of @text at @scale × the base size, ellipsized at the end to
 * @max_width when @max_width > 0. */
PangoLayout   *_jp_chart_text_new           (JpChartCanvas      *canvas,
                                             const char         *text,
                                             double              scale,
                                             gboolean            bold,
                                             double              max_width);
void           _jp_chart_text_get_size      (PangoLayout        *layout,
                                             double             *width,
                                             double             *height);
double         _jp_chart_text_width         (JpChartCanvas      *canvas,
                                             const char         *text,
                                             double              scale,
                                             gboolean            bold);
/* Takes @layout; (x, y) is its top left corner. */
JpChartMark   *_jp_chart_add_text           (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             int                 series,
                                             PangoLayout        *layout,
                                             double              x,
                                             double              y,
                                             const JpChartRgba  *color);

JpChartMark   *_jp_chart_add_rect           (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             int                 series,
                                             double              x,
                                             double              y,
                                             double              width,
                                             double              height,
                                             const JpChartRgba  *fill);
JpChartMark   *_jp_chart_add_line           (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             double              x0,
                                             double              y0,
                                             double              x1,
                                             double              y1,
                                             const JpChartRgba  *color,
                                             double              line_width,
                                             double              dash);
JpChartMark   *_jp_chart_add_polyline       (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             const JpChartPoint *points,
                                             guint               n_points,
                                             gboolean            closed,
                                             const JpChartRgba  *fill,
                                             const JpChartRgba  *stroke,
                                             double              line_width);
JpChartMark   *_jp_chart_add_circle         (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             double              cx,
                                             double              cy,
                                             double              radius,
                                             const JpChartRgba  *fill,
                                             const JpChartRgba  *stroke,
                                             double              line_width);
JpChartMark   *_jp_chart_add_sector         (JpChartCanvas      *canvas,
                                             JpChartRole         role,
                                             int                 index,
                                             int                 series,
                                             double              cx,
                                             double              cy,
                                             double              inner_radius,
                                             double              radius,
                                             double              angle1,
                                             double              angle2,
                                             const JpChartRgba  *fill);
JpChartMark   *_jp_chart_add_hit            (JpChartCanvas      *canvas,
                                             int                 index,
                                             int                 series,
                                             double              x,
                                             double              y,
                                             double              width,
                                             double              height);

guint          _jp_chart_n_marks            (JpChartCanvas      *canvas);
/* Drops the marks from @n_marks on (what no longer fits). */
void           _jp_chart_truncate           (JpChartCanvas      *canvas,
                                             guint               n_marks);
/* Moves marks [@from, end) by (@dx, @dy). */
void           _jp_chart_translate          (JpChartCanvas      *canvas,
                                             guint               from,
                                             double              dx,
                                             double              dy);

/* Title on top, ellipsized to the width; returns the height it takes
 * (0 when @title is NULL or empty). */
double         _jp_chart_add_title          (JpChartCanvas      *canvas,
                                             const char         *title);
/* The empty-state message centred in @area; marks the layout empty. */
void           _jp_chart_add_empty          (JpChartCanvas      *canvas,
                                             const JpChartRect  *area,
                                             const char         *message);
/* A legend of statuses (colour swatch, symbol, label, and the count when
 * @counts is not NULL) flowing in lines from (@x, @y) within @width, for
 * the statuses with @shown[status] (NULL: all), or one entry per line.
 * Returns its height. */
double         _jp_chart_add_status_legend  (JpChartCanvas      *canvas,
                                             double              x,
                                             double              y,
                                             double              width,
                                             const gboolean     *shown,
                                             const guint        *counts,
                                             double              scale,
                                             gboolean            one_per_line);

/* A count, with the status symbol when there is room, centred at (@cx,
 * @cy) if it fits in @room_w × @room_h (in a bar segment or a sector). */
void           _jp_chart_add_count_label    (JpChartCanvas      *canvas,
                                             int                 index,
                                             JpStatus            status,
                                             guint               count,
                                             double              cx,
                                             double              cy,
                                             double              room_w,
                                             double              room_h,
                                             const JpChartRgba  *background);
/* Text readable on @background: near black or white. */
JpChartRgba    _jp_chart_text_color_on      (const JpChartRgba  *background);
JpChartRgba    _jp_chart_with_alpha         (const JpChartRgba  *color,
                                             double              alpha);
/* "✓ Done": the symbol with the words. */
char          *_jp_chart_status_text        (JpStatus            status) G_GNUC_WARN_UNUSED_RESULT;

/* A figure rounded for a chart label (exact figures go in tooltips):
 * whole numbers from 10 up, one decimal below (0.75 → 0.8). */
double         _jp_chart_round_figure       (double              value);
/* A ratio as a rounded percentage: 0.1031 → "10%", 0.052 → "5.2%". */
char          *_jp_chart_format_ratio       (double              ratio) G_GNUC_WARN_UNUSED_RESULT;

/* A date in a strftime-like @format (g_date_time_format()). */
char          *_jp_chart_format_date        (const GDate        *date,
                                             const char         *format) G_GNUC_WARN_UNUSED_RESULT;
/* Month grid lines across @plot, whose x runs over Julian days [@d_lo,
 * @d_hi], and month names centred under their months at @label_y (every
 * month, or every 2nd, 3rd … when they do not fit). */
void           _jp_chart_add_month_axis     (JpChartCanvas      *canvas,
                                             const JpChartRect  *plot,
                                             double              d_lo,
                                             double              d_hi,
                                             double              label_y);

/* ISO date → Julian day; FALSE when not a valid YYYY-MM-DD. */
gboolean       _jp_chart_parse_date         (const char         *iso,
                                             GDate              *out);

G_END_DECLS
