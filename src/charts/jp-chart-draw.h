#pragma once

#include <cairo.h>

#include "jp-chart-data.h"
#include "jp-chart-layout.h"
#include "jp-chart-style.h"

G_BEGIN_DECLS

/* Each chart fills the rectangle (0, 0, width, height) of @cr at any size;
 * translate @cr to place it. @style NULL: the default light style.
 *
 * jp_chart_layout_<kind>() is the layout pass alone (no drawing: keep it
 * for hit-testing, read the geometry in tests); jp_chart_draw_<kind>()
 * lays out and paints. Empty data draws a centred "No data yet". */

JpChartLayout *jp_chart_layout_gauge       (const JpGaugeData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_gauge         (cairo_t               *cr,
                                            const JpGaugeData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

JpChartLayout *jp_chart_layout_bars        (const JpBarsData      *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_bars          (cairo_t               *cr,
                                            const JpBarsData      *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

JpChartLayout *jp_chart_layout_breakdown   (const JpBreakdownData *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_breakdown     (cairo_t               *cr,
                                            const JpBreakdownData *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

JpChartLayout *jp_chart_layout_groups      (const JpGroupsData    *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_groups        (cairo_t               *cr,
                                            const JpGroupsData    *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

JpChartLayout *jp_chart_layout_history     (const JpHistoryData   *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_history       (cairo_t               *cr,
                                            const JpHistoryData   *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

JpChartLayout *jp_chart_layout_trend       (const JpTrendData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw_trend         (cairo_t               *cr,
                                            const JpTrendData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);

/* Any kind. */
JpChartLayout *jp_chart_layout_new         (const JpChartData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style) G_GNUC_WARN_UNUSED_RESULT;
void           jp_chart_draw               (cairo_t               *cr,
                                            const JpChartData     *data,
                                            double                 width,
                                            double                 height,
                                            const JpChartStyle    *style);
/* A height at which the chart reads well at @width (rows of bars need
 * room; a gauge does not): for widgets and report pages. */
double         jp_chart_get_natural_height (const JpChartData     *data,
                                            double                 width,
                                            const JpChartStyle    *style);

G_END_DECLS
