#pragma once

#include <gtk/gtk.h>

#include "jp-charts.h"

G_BEGIN_DECLS

#define JP_TYPE_CHART_VIEW (jp_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (JpChartView, jp_chart_view, JP, CHART_VIEW, GtkWidget)

/* A widget that draws one chart of the chart library (jp-charts.h) at its
 * allocated size, in the colours of the current light or dark style. It
 * keeps the layout it painted: hovering a mark shows its exact figures in
 * a tooltip, and when "interactive", a click on a bar, a segment or a
 * point (or Enter on the mark chosen with the arrow keys) emits
 * "activate-object" with the model object the mark stands for (a JpItem,
 * JpSection, JpLeader, JpUnit …). It never reaches into its window.
 *
 * The view shows the data it is given: its owner observes the model and
 * sets new data when the model changed. */

GtkWidget           *jp_chart_view_new              (void) G_GNUC_WARN_UNUSED_RESULT;
/* Borrowed; NULL: nothing (the view takes no room). */
JpChartData         *jp_chart_view_get_data         (JpChartView *self);
void                 jp_chart_view_set_data         (JpChartView *self,
                                                     JpChartData *data);
gboolean             jp_chart_view_get_interactive  (JpChartView *self);
void                 jp_chart_view_set_interactive  (JpChartView *self,
                                                     gboolean     interactive);
/* The accessible name; NULL: the chart's title. */
const char          *jp_chart_view_get_label        (JpChartView *self);
void                 jp_chart_view_set_label        (JpChartView *self,
                                                     const char  *label);
/* The layout of the last allocation, in widget coordinates (borrowed;
 * NULL before the view was allocated or without data). */
JpChartLayout       *jp_chart_view_get_layout       (JpChartView *self);
/* The style the view draws with (borrowed). */
const JpChartStyle  *jp_chart_view_get_style        (JpChartView *self);
/* What the pointer at (x, y) shows: the tooltip text of the mark there,
 * or NULL. */
char                *jp_chart_view_dup_tooltip_at   (JpChartView *self,
                                                     double       x,
                                                     double       y) G_GNUC_WARN_UNUSED_RESULT;
/* What a click at (x, y) does: emits "activate-object" when the view is
 * interactive and a mark with an object is there. TRUE when emitted. */
gboolean             jp_chart_view_activate_at      (JpChartView *self,
                                                     double       x,
                                                     double       y);
/* The text read to screen-reader users (the figures, in words). */
const char          *jp_chart_view_get_description  (JpChartView *self);

G_END_DECLS
