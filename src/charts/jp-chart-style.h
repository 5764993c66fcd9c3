#pragma once

#include <glib-object.h>
#include <pango/pango.h>

#include "jp-enums.h"

G_BEGIN_DECLS

/* Colours as sRGB doubles 0..1 (never GdkRGBA: the core has no GTK). */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} JpChartRgba;

/* The fonts every chart asks for: the Simplified Chinese face first, so
 * that fontconfig never picks the Japanese variant under LANG=C.UTF-8. */
#define JP_CHART_FONT_FAMILY "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, Sans"

/**
 * JpChartStyle:
 * How charts look: colours, font, light or dark. Sizes are in the units
 * of the cairo context the chart is drawn on (pixels in a widget, points
 * on a PDF page). The fields are public; change them after
 * jp_chart_style_new().
 */
typedef struct
{
  JpChartRgba  foreground;  /* text, axes, marks */
  JpChartRgba  background;  /* painted first when alpha > 0 (widgets: 0) */
  JpChartRgba  grid;        /* grid lines, empty bar tracks */
  JpChartRgba  accent;      /* plain values (history line) */
  JpChartRgba  status[JP_N_STATUSES]; /* from jp_status_get_rgb() */
  char        *font_family; /* Pango family list, JP_CHART_FONT_FAMILY */
  double       font_size;   /* base size of text, in cairo units */
  gboolean     dark;
  /* Optional, for documents that set much text (reports): text the chart
   * sets at 0.8–1 × font_size (ticks, legends) is set at this size
   * instead, so that a page uses a few font sizes shared with its other
   * text. 0: the chart's own sizes. */
  double       font_size_small;
  /* Optional, borrowed: the Pango context to lay text out on (a report's,
   * with its font map, language and font options), so that the fonts
   * loaded for the document serve its charts. NULL: a context of the
   * chart's own, on the thread's default font map. */
  PangoContext *context;
  /* Optional, for tests and previews: when not NULL, painting appends a
   * copy (g_strdup) of every string it draws. Not owned. */
  GPtrArray   *text_log;
} JpChartStyle;

#define JP_TYPE_CHART_STYLE (jp_chart_style_get_type ())

GType         jp_chart_style_get_type        (void) G_GNUC_CONST;
/* Light style: dark text on white. */
JpChartStyle *jp_chart_style_new             (void) G_GNUC_WARN_UNUSED_RESULT;
/* The light or dark palette. */
JpChartStyle *jp_chart_style_new_for_scheme  (gboolean            dark) G_GNUC_WARN_UNUSED_RESULT;
JpChartStyle *jp_chart_style_copy            (const JpChartStyle *style) G_GNUC_WARN_UNUSED_RESULT;
void          jp_chart_style_free            (JpChartStyle       *style);
void          jp_chart_style_set_font        (JpChartStyle       *style,
                                              const char         *family,
                                              double              size);
/* Sets foreground, grid and dark from a text colour (a widget's colour in
 * the current theme); background becomes transparent. */
void          jp_chart_style_set_foreground  (JpChartStyle       *style,
                                              const JpChartRgba  *foreground);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpChartStyle, jp_chart_style_free)

G_END_DECLS
