#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "jp-chart-style.h"

G_BEGIN_DECLS

/* A chart is drawn in two passes: a layout pass computes every mark (the
 * shapes, their colours and the texts, with their geometry), then painting
 * draws that list on any cairo context. Widgets keep the layout to map the
 * pointer to a data row (jp_chart_layout_hit_test()); tests read the
 * geometry back from it. All coordinates are in the chart's rectangle
 * (0, 0, width, height). */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} JpChartRect;

typedef struct
{
  double x;
  double y;
} JpChartPoint;

typedef enum
{
  JP_CHART_SHAPE_RECT,
  JP_CHART_SHAPE_LINE,      /* (x0, y0) → (x1, y1) */
  JP_CHART_SHAPE_POLYLINE,  /* points; closed: a filled polygon */
  JP_CHART_SHAPE_CIRCLE,    /* cx, cy, radius */
  JP_CHART_SHAPE_SECTOR,    /* cx, cy, inner_radius → radius, angle1 → angle2 */
  JP_CHART_SHAPE_TEXT,      /* text at (x0, y0); bounds = logical extents */
} JpChartShape;

/* What a mark shows. Marks with role HIT are not painted: they are the
 * areas that jp_chart_layout_hit_test() matches. */
typedef enum
{
  JP_CHART_ROLE_NONE,
  JP_CHART_ROLE_HIT,
  JP_CHART_ROLE_BACKGROUND,
  JP_CHART_ROLE_TITLE,
  JP_CHART_ROLE_EMPTY,        /* the empty-state message */
  JP_CHART_ROLE_GRID,
  JP_CHART_ROLE_AXIS,
  JP_CHART_ROLE_TICK_LABEL,   /* series: 0 = x axis, 1 = y axis */
  JP_CHART_ROLE_TRACK,        /* gauge and bars: the empty scale */
  JP_CHART_ROLE_BAR,          /* a value: gauge fill, a bar, a group's segment */
  JP_CHART_ROLE_SEGMENT,      /* breakdown: a status's share */
  JP_CHART_ROLE_BAND,         /* target range (target → target max) */
  JP_CHART_ROLE_TARGET,       /* target line or tick */
  JP_CHART_ROLE_EXPECTED,     /* expected-by-now mark or expected line */
  JP_CHART_ROLE_AS_OF,        /* history: the as-of date */
  JP_CHART_ROLE_REFERENCE,    /* bars: the 100% line */
  JP_CHART_ROLE_OVERFLOW,     /* a value clamped to the edge: the arrow */
  JP_CHART_ROLE_LINE,         /* history: the values' polyline */
  JP_CHART_ROLE_POINT,        /* history: one value */
  JP_CHART_ROLE_LEGEND_SWATCH,
  JP_CHART_ROLE_LEGEND_LABEL,
  JP_CHART_ROLE_ROW_LABEL,    /* bars, groups: number and title */
  JP_CHART_ROLE_VALUE_LABEL,  /* a figure: percentage, count, value */
  JP_CHART_ROLE_STATUS_LABEL, /* symbol and status words */
  JP_CHART_ROLE_CAPTION,      /* any other text (total, target text) */
} JpChartRole;

typedef struct
{
  JpChartShape  shape;
  JpChartRole   role;
  int           index;     /* data row, point or status; -1: none */
  int           series;    /* status of a segment, axis of a tick; -1: none */
  JpChartRect   bounds;    /* every shape: its bounding box */
  double        x0, y0, x1, y1;
  double        cx, cy, radius, inner_radius, angle1, angle2;
  GArray       *points;    /* JpChartPoint, for POLYLINE */
  gboolean      closed;
  /* text */
  char         *text;
  PangoLayout  *layout;
  gboolean      ellipsized;
  double        max_width; /* the width the text was given; 0: unlimited */
  /* paint */
  gboolean      has_fill;
  JpChartRgba   fill;
  gboolean      has_stroke;
  JpChartRgba   stroke;
  double        line_width;
  double        dash;      /* dash length; 0: solid */
  gboolean      clamped;   /* the value lies beyond the drawn scale */
} JpChartMark;

typedef struct _JpChartLayout JpChartLayout;

#define JP_TYPE_CHART_LAYOUT (jp_chart_layout_get_type ())

GType               jp_chart_layout_get_type       (void) G_GNUC_CONST;
JpChartLayout      *jp_chart_layout_ref            (JpChartLayout       *layout);
void                jp_chart_layout_unref          (JpChartLayout       *layout);

double              jp_chart_layout_get_width      (const JpChartLayout *layout);
double              jp_chart_layout_get_height     (const JpChartLayout *layout);
/* TRUE when the chart had nothing to show and drew the empty state. */
gboolean            jp_chart_layout_is_empty       (const JpChartLayout *layout);
/* The plotting area (inside axes and labels). */
JpChartRect         jp_chart_layout_get_plot       (const JpChartLayout *layout);

guint               jp_chart_layout_get_n_marks    (const JpChartLayout *layout);
const JpChartMark  *jp_chart_layout_get_mark       (const JpChartLayout *layout,
                                                    guint                position);
/* The first mark of @role with @index (-1: any index), or NULL. */
const JpChartMark  *jp_chart_layout_find           (const JpChartLayout *layout,
                                                    JpChartRole          role,
                                                    int                  index);
/* Like jp_chart_layout_find(), matching @series too (-1: any). */
const JpChartMark  *jp_chart_layout_find_full      (const JpChartLayout *layout,
                                                    JpChartRole          role,
                                                    int                  index,
                                                    int                  series);
guint               jp_chart_layout_count          (const JpChartLayout *layout,
                                                    JpChartRole          role);
/* The first text mark whose text contains @needle, or NULL. */
const JpChartMark  *jp_chart_layout_find_text      (const JpChartLayout *layout,
                                                    const char          *needle);
/* Every text drawn, in painting order. */
GPtrArray          *jp_chart_layout_dup_texts      (const JpChartLayout *layout) G_GNUC_WARN_UNUSED_RESULT;
/* The topmost HIT mark containing (x, y), or NULL. Its index and series
 * say which data row (and status) is under the pointer. */
const JpChartMark  *jp_chart_layout_hit_test       (const JpChartLayout *layout,
                                                    double               x,
                                                    double               y);

/* Draws every mark on @cr, in the chart's coordinates. */
void                jp_chart_layout_paint          (const JpChartLayout *layout,
                                                    cairo_t             *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpChartLayout, jp_chart_layout_unref)

G_END_DECLS
