#pragma once

#include <glib-object.h>

#include "jp-enums.h"

G_BEGIN_DECLS

/* What each chart shows, as plain data: no GTK, no store, and (apart from
 * the two enums) no model. Fill them by hand (tests, previews) or with the
 * builders of jp-chart-builders.h. Strings are owned (g_free'd); the
 * optional @object fields hold a reference to what a mark stands for (the
 * JpItem, JpSection, JpLeader, JpUnit, JpIndicator or JpProgressEntry), so
 * that a widget can go there when the mark is clicked. */

typedef enum
{
  JP_CHART_KIND_GAUGE,
  JP_CHART_KIND_BARS,
  JP_CHART_KIND_BREAKDOWN,
  JP_CHART_KIND_GROUPS,
  JP_CHART_KIND_HISTORY,
  JP_CHART_KIND_TREND,
} JpChartKind;

/* ---- Indicator gauge: a bar from 0 to the target (target max for
 * ranges), the current value, the expected-by-now mark, the status. */
typedef struct
{
  char            *title;          /* indicator name; NULL: none */
  char            *unit;           /* "%", "所", "万元"; NULL: none */
  JpIndicatorKind  kind;
  double           target;
  gboolean         has_target_max;
  double           target_max;
  gboolean         has_baseline;
  double           baseline;
  gboolean         has_value;      /* FALSE: no entry on or before as-of */
  double           value;
  double           ratio;          /* raw progress ratio (printed) */
  double           expected;       /* e in [0, 1]; negative: no mark */
  JpStatus         status;
  char            *target_text;    /* "≥ 90%"; NULL: built from the fields */
  GObject         *object;
  gboolean         hide_status;    /* the owner shows the status beside the
                                    * gauge: no status row (nor title row
                                    * when there is no title) */
} JpGaugeData;

/* ---- Horizontal bars: completion per item of a section, or per section
 * of the plan. */
typedef struct
{
  char     *number;  /* "3", "一"; NULL: none */
  char     *title;
  double    ratio;   /* completion; the raw value (may exceed 1) */
  JpStatus  status;
  GObject  *object;
  double    expected; /* expected by now, 0–1, drawn as a tick on the bar;
                       * negative: no tick (jp_bars_data_add_row()'s default) */
} JpBarsRow;

typedef struct
{
  char      *title;  /* NULL: none */
  GPtrArray *rows;   /* JpBarsRow, owned */
} JpBarsData;

/* ---- Status breakdown: counts per status. */
typedef enum
{
  JP_BREAKDOWN_STACKED_BAR,
  JP_BREAKDOWN_DONUT,
} JpBreakdownShape;

typedef struct
{
  char             *title;
  JpBreakdownShape  shape;
  guint             counts[JP_N_STATUSES];
  GObject          *object;
} JpBreakdownData;

/* ---- Stacked bars of items by status, per leader or per unit. */
typedef struct
{
  char     *label;
  guint     counts[JP_N_STATUSES];
  GObject  *object;
} JpGroupsRow;

typedef struct
{
  char      *title;
  GPtrArray *rows;      /* JpGroupsRow, owned */
  int        highlight; /* a row drawn in bold (a leader's own); -1 none */
} JpGroupsData;

/* ---- History of one indicator over the plan year. */
typedef struct
{
  char    *date;     /* ISO YYYY-MM-DD */
  double   value;
  GObject *object;
} JpHistoryPoint;

typedef struct
{
  char            *title;
  char            *unit;
  JpIndicatorKind  kind;
  char            *start;          /* plan start, ISO */
  char            *end;            /* plan end, ISO */
  char            *due;            /* end of the expected line; NULL: end */
  char            *as_of;          /* marker; NULL: none */
  double           target;
  gboolean         has_target_max;
  double           target_max;
  gboolean         has_baseline;
  double           baseline;
  gboolean         show_expected;  /* the line (start, baseline or 0) → (due, target) */
  GPtrArray       *points;         /* JpHistoryPoint, owned; any order */
} JpHistoryData;

/* ---- Trend: the mean progress of a plan (or of a selection of its
 * items) at each month end, actual against expected, both 0–1. */
typedef struct
{
  char   *date;      /* ISO YYYY-MM-DD: a month end, or the as-of date */
  double  actual;    /* p */
  double  expected;  /* e */
} JpTrendPoint;

typedef struct
{
  char      *title;
  char      *start;   /* the x axis runs from the plan start … */
  char      *end;     /* … to its end */
  char      *as_of;   /* marker; NULL: none */
  GPtrArray *points;  /* JpTrendPoint, owned; any order */
} JpTrendData;

JpGaugeData     *jp_gauge_data_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void             jp_gauge_data_free         (JpGaugeData     *data);

JpBarsData      *jp_bars_data_new           (const char      *title) G_GNUC_WARN_UNUSED_RESULT;
void             jp_bars_data_free          (JpBarsData      *data);
/* Borrowed: the row in @data. */
JpBarsRow       *jp_bars_data_add_row       (JpBarsData      *data,
                                             const char      *number,
                                             const char      *title,
                                             double           ratio,
                                             JpStatus         status,
                                             GObject         *object);

JpBreakdownData *jp_breakdown_data_new      (const char      *title,
                                             JpBreakdownShape shape) G_GNUC_WARN_UNUSED_RESULT;
void             jp_breakdown_data_free     (JpBreakdownData *data);
guint            jp_breakdown_data_get_total (const JpBreakdownData *data);

JpGroupsData    *jp_groups_data_new         (const char      *title) G_GNUC_WARN_UNUSED_RESULT;
void             jp_groups_data_free        (JpGroupsData    *data);
JpGroupsRow     *jp_groups_data_add_row     (JpGroupsData    *data,
                                             const char      *label,
                                             const guint     *counts,
                                             GObject         *object);
guint            jp_groups_row_get_total    (const JpGroupsRow *row);

JpHistoryData   *jp_history_data_new        (const char      *start,
                                             const char      *end) G_GNUC_WARN_UNUSED_RESULT;
void             jp_history_data_free       (JpHistoryData   *data);
JpHistoryPoint  *jp_history_data_add_point  (JpHistoryData   *data,
                                             const char      *date,
                                             double           value,
                                             GObject         *object);

JpTrendData     *jp_trend_data_new          (const char      *start,
                                             const char      *end) G_GNUC_WARN_UNUSED_RESULT;
void             jp_trend_data_free         (JpTrendData     *data);
JpTrendPoint    *jp_trend_data_add_point    (JpTrendData     *data,
                                             const char      *date,
                                             double           actual,
                                             double           expected);

/* The order in which charts list statuses: done, on track, at risk,
 * behind, overdue, not started. @position < JP_N_STATUSES. */
JpStatus         jp_chart_status_at         (guint            position);

/**
 * JpChartData:
 * Any one of the charts above, reference counted, so that a widget can
 * hold "a chart" and draw it with jp_chart_draw().
 */
typedef struct _JpChartData JpChartData;

#define JP_TYPE_CHART_DATA (jp_chart_data_get_type ())

GType                  jp_chart_data_get_type          (void) G_GNUC_CONST;
/* Each takes ownership of @data. */
JpChartData           *jp_chart_data_new_gauge         (JpGaugeData     *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_new_bars          (JpBarsData      *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_new_breakdown     (JpBreakdownData *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_new_groups        (JpGroupsData    *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_new_history       (JpHistoryData   *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_new_trend         (JpTrendData     *data) G_GNUC_WARN_UNUSED_RESULT;
JpChartData           *jp_chart_data_ref               (JpChartData     *data);
void                   jp_chart_data_unref             (JpChartData     *data);
JpChartKind            jp_chart_data_get_kind          (const JpChartData *data);
/* The payload, or NULL when @data is another kind. Borrowed. */
const JpGaugeData     *jp_chart_data_get_gauge         (const JpChartData *data);
const JpBarsData      *jp_chart_data_get_bars          (const JpChartData *data);
const JpBreakdownData *jp_chart_data_get_breakdown     (const JpChartData *data);
const JpGroupsData    *jp_chart_data_get_groups        (const JpChartData *data);
const JpHistoryData   *jp_chart_data_get_history       (const JpChartData *data);
const JpTrendData     *jp_chart_data_get_trend         (const JpChartData *data);
/* Replaces the title of any kind (NULL: none). */
void                   jp_chart_data_set_title         (JpChartData     *data,
                                                        const char      *title);
const char            *jp_chart_data_get_title         (const JpChartData *data);
/* A gauge without its status label (JpGaugeData.hide_status), for a view
 * that shows the status beside it; no effect on other kinds. */
void                   jp_chart_data_set_hide_status   (JpChartData     *data,
                                                        gboolean         hide_status);
/* The object a data index stands for (row, point; for a breakdown, the
 * data's own object), or NULL. Borrowed. */
GObject               *jp_chart_data_get_object        (const JpChartData *data,
                                                        int                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpGaugeData, jp_gauge_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpBarsData, jp_bars_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpBreakdownData, jp_breakdown_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpGroupsData, jp_groups_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpHistoryData, jp_history_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTrendData, jp_trend_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpChartData, jp_chart_data_unref)

G_END_DECLS
