#pragma once

#include "jp-chart-data.h"
#include "jp-model.h"

G_BEGIN_DECLS

/* Chart data from the model, with the progress and status rules of
 * jp-status.h. @as_of is an ISO date, or NULL for the plan's default
 * (min(today, plan end)). Rows keep a reference to their model object
 * (JpItem, JpSection, JpLeader, JpUnit, JpProgressEntry) for clicks.
 * Nothing here sets a title unless said: set one with
 * jp_chart_data_set_title() where the chart stands alone. */

/* Bars: completion of each section of @plan ("一" + title). */
JpChartData *jp_chart_data_new_for_sections        (JpPlan          *plan,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Bars: completion of each section of @plan over the JpItems of @items
 * only (a leader's, a unit's; NULL: all), as jp_items_evaluate() gives it;
 * sections that hold none of them are left out. */
JpChartData *jp_chart_data_new_for_sections_of     (JpPlan          *plan,
                                                    GPtrArray       *items,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Bars: completion of each item of @section (number + title). */
JpChartData *jp_chart_data_new_for_section_items   (JpSection       *section,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Bars: completion of the JpItems of @items, in that order. */
JpChartData *jp_chart_data_new_for_items           (GPtrArray       *items,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Groups: the items of each leader (unit) by status, in the plan's order
 * of leaders (units); those without items are left out. @highlight
 * (nullable) is drawn in bold. */
JpChartData *jp_chart_data_new_for_leaders         (JpPlan          *plan,
                                                    const char      *as_of,
                                                    JpLeader        *highlight) G_GNUC_WARN_UNUSED_RESULT;
JpChartData *jp_chart_data_new_for_units           (JpPlan          *plan,
                                                    const char      *as_of,
                                                    JpUnit          *highlight) G_GNUC_WARN_UNUSED_RESULT;
/* The same over the JpItems of @items only (NULL: all the plan's). */
JpChartData *jp_chart_data_new_for_leaders_of      (JpPlan          *plan,
                                                    GPtrArray       *items,
                                                    const char      *as_of,
                                                    JpLeader        *highlight) G_GNUC_WARN_UNUSED_RESULT;
JpChartData *jp_chart_data_new_for_units_of        (JpPlan          *plan,
                                                    GPtrArray       *items,
                                                    const char      *as_of,
                                                    JpUnit          *highlight) G_GNUC_WARN_UNUSED_RESULT;
/* Breakdown: the plan's items by status; only those of @leader and of
 * @unit when they are not NULL. The data's object is @plan. */
JpChartData *jp_chart_data_new_status_breakdown    (JpPlan          *plan,
                                                    JpLeader        *leader,
                                                    JpUnit          *unit,
                                                    const char      *as_of,
                                                    JpBreakdownShape shape) G_GNUC_WARN_UNUSED_RESULT;
/* Gauge of one indicator (titled with its name). */
JpChartData *jp_chart_data_new_for_indicator       (JpIndicator     *indicator,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Gauge of the plan's overall progress, in % of 100. */
JpChartData *jp_chart_data_new_for_plan            (JpPlan          *plan,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Gauge of the mean progress of @items (JpItems of @plan; NULL: all),
 * jp_items_evaluate(), in % of 100. */
JpChartData *jp_chart_data_new_for_selection       (JpPlan          *plan,
                                                    GPtrArray       *items,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* Trend: the mean progress and expected progress of @items (NULL: all the
 * plan's) at each month end from the plan start up to @as_of, and at
 * @as_of (jp_items_evaluate() at each date). */
JpChartData *jp_chart_data_new_trend_for_items     (JpPlan          *plan,
                                                    GPtrArray       *items,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;
/* History of one indicator over the plan year (titled with its name),
 * from the entries the indicator holds: call jp_indicator_ensure_history()
 * first when the plan came from a store. Entries after @as_of are drawn
 * too (the as-of line shows where "now" is). */
JpChartData *jp_chart_data_new_for_indicator_history (JpIndicator   *indicator,
                                                    const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
