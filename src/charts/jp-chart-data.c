#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-data.h"

#include <string.h>

struct _JpChartData
{
  gatomicrefcount ref_count;
  JpChartKind     kind;
  gpointer        payload; /* Owned: the Jp*Data of @kind */
};

G_DEFINE_BOXED_TYPE (JpChartData, jp_chart_data, jp_chart_data_ref, jp_chart_data_unref)

static const JpStatus status_order[JP_N_STATUSES] = {
  JP_STATUS_DONE,
  JP_STATUS_ON_TRACK,
  JP_STATUS_AT_RISK,
  JP_STATUS_BEHIND,
  JP_STATUS_NO_REPORT,
  JP_STATUS_OVERDUE,
  JP_STATUS_NOT_STARTED,
};

JpStatus
jp_chart_status_at (guint position)
{
  g_return_val_if_fail (position < JP_N_STATUSES, JP_STATUS_NOT_STARTED);

  return status_order[position];
}

/* ---- Gauge */

JpGaugeData *
jp_gauge_data_new (void)
{
  JpGaugeData *data = g_new0 (JpGaugeData, 1);

  data->kind = JP_INDICATOR_KIND_AT_LEAST;
  data->expected = -1;
  data->status = JP_STATUS_NOT_STARTED;

  return data;
}

void
jp_gauge_data_free (JpGaugeData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->unit);
  g_free (data->target_text);
  g_clear_object (&data->object);
  g_free (data);
}

/* ---- Bars */

static void
bars_row_free (gpointer p)
{
  JpBarsRow *row = p;

  g_free (row->number);
  g_free (row->title);
  g_clear_object (&row->object);
  g_free (row);
}

JpBarsData *
jp_bars_data_new (const char *title)
{
  JpBarsData *data = g_new0 (JpBarsData, 1);

  data->title = g_strdup (title);
  data->rows = g_ptr_array_new_with_free_func (bars_row_free);

  return data;
}

void
jp_bars_data_free (JpBarsData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_ptr_array_unref (data->rows);
  g_free (data);
}

JpBarsRow *
jp_bars_data_add_row (JpBarsData *data,
                      const char *number,
                      const char *title,
                      double      ratio,
                      JpStatus    status,
                      GObject    *object)
{
  JpBarsRow *row;

  g_return_val_if_fail (data != NULL, NULL);

  row = g_new0 (JpBarsRow, 1);
  row->number = g_strdup (number);
  row->title = g_strdup (title != NULL ? title : "");
  row->ratio = ratio;
  row->status = status;
  row->expected = -1;
  g_set_object (&row->object, object);
  g_ptr_array_add (data->rows, row);

  return row;
}

/* ---- Breakdown */

JpBreakdownData *
jp_breakdown_data_new (const char       *title,
                       JpBreakdownShape  shape)
{
  JpBreakdownData *data = g_new0 (JpBreakdownData, 1);

  data->title = g_strdup (title);
  data->shape = shape;

  return data;
}

void
jp_breakdown_data_free (JpBreakdownData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_clear_object (&data->object);
  g_free (data);
}

guint
jp_breakdown_data_get_total (const JpBreakdownData *data)
{
  guint total = 0;

  g_return_val_if_fail (data != NULL, 0);

  for (guint i = 0; i < JP_N_STATUSES; i++)
    total += data->counts[i];

  return total;
}

/* ---- Groups */

static void
groups_row_free (gpointer p)
{
  JpGroupsRow *row = p;

  g_free (row->label);
  g_clear_object (&row->object);
  g_free (row);
}

JpGroupsData *
jp_groups_data_new (const char *title)
{
  JpGroupsData *data = g_new0 (JpGroupsData, 1);

  data->title = g_strdup (title);
  data->rows = g_ptr_array_new_with_free_func (groups_row_free);
  data->highlight = -1;

  return data;
}

void
jp_groups_data_free (JpGroupsData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_ptr_array_unref (data->rows);
  g_free (data);
}

JpGroupsRow *
jp_groups_data_add_row (JpGroupsData *data,
                        const char   *label,
                        const guint  *counts,
                        GObject      *object)
{
  JpGroupsRow *row;

  g_return_val_if_fail (data != NULL, NULL);

  row = g_new0 (JpGroupsRow, 1);
  row->label = g_strdup (label != NULL ? label : "");
  if (counts != NULL)
    memcpy (row->counts, counts, sizeof row->counts);
  g_set_object (&row->object, object);
  g_ptr_array_add (data->rows, row);

  return row;
}

guint
jp_groups_row_get_total (const JpGroupsRow *row)
{
  guint total = 0;

  g_return_val_if_fail (row != NULL, 0);

  for (guint i = 0; i < JP_N_STATUSES; i++)
    total += row->counts[i];

  return total;
}

/* ---- History */

static void
history_point_free (gpointer p)
{
  JpHistoryPoint *point = p;

  g_free (point->date);
  g_clear_object (&point->object);
  g_free (point);
}

JpHistoryData *
jp_history_data_new (const char *start,
                     const char *end)
{
  JpHistoryData *data = g_new0 (JpHistoryData, 1);

  data->kind = JP_INDICATOR_KIND_AT_LEAST;
  data->start = g_strdup (start);
  data->end = g_strdup (end);
  data->show_expected = TRUE;
  data->points = g_ptr_array_new_with_free_func (history_point_free);

  return data;
}

void
jp_history_data_free (JpHistoryData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->unit);
  g_free (data->start);
  g_free (data->end);
  g_free (data->due);
  g_free (data->as_of);
  g_ptr_array_unref (data->points);
  g_free (data);
}

JpHistoryPoint *
jp_history_data_add_point (JpHistoryData *data,
                           const char    *date,
                           double         value,
                           GObject       *object)
{
  JpHistoryPoint *point;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  point = g_new0 (JpHistoryPoint, 1);
  point->date = g_strdup (date);
  point->value = value;
  g_set_object (&point->object, object);
  g_ptr_array_add (data->points, point);

  return point;
}

/* ---- Trend */

static void
trend_point_free (gpointer p)
{
  JpTrendPoint *point = p;

  g_free (point->date);
  g_free (point);
}

JpTrendData *
jp_trend_data_new (const char *start,
                   const char *end)
{
  JpTrendData *data = g_new0 (JpTrendData, 1);

  data->start = g_strdup (start);
  data->end = g_strdup (end);
  data->points = g_ptr_array_new_with_free_func (trend_point_free);

  return data;
}

void
jp_trend_data_free (JpTrendData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->start);
  g_free (data->end);
  g_free (data->as_of);
  g_ptr_array_unref (data->points);
  g_free (data);
}

JpTrendPoint *
jp_trend_data_add_point (JpTrendData *data,
                         const char  *date,
                         double       actual,
                         double       expected)
{
  JpTrendPoint *point;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  point = g_new0 (JpTrendPoint, 1);
  point->date = g_strdup (date);
  point->actual = actual;
  point->expected = expected;
  g_ptr_array_add (data->points, point);

  return point;
}

/* ---- JpChartData */

static JpChartData *
chart_data_new (JpChartKind kind,
                gpointer    payload)
{
  JpChartData *data = g_new0 (JpChartData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->kind = kind;
  data->payload = payload;

  return data;
}

JpChartData *
jp_chart_data_new_gauge (JpGaugeData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_GAUGE, data);
}

JpChartData *
jp_chart_data_new_bars (JpBarsData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_BARS, data);
}

JpChartData *
jp_chart_data_new_breakdown (JpBreakdownData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_BREAKDOWN, data);
}

JpChartData *
jp_chart_data_new_groups (JpGroupsData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_GROUPS, data);
}

JpChartData *
jp_chart_data_new_history (JpHistoryData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_HISTORY, data);
}

JpChartData *
jp_chart_data_new_trend (JpTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return chart_data_new (JP_CHART_KIND_TREND, data);
}

JpChartData *
jp_chart_data_ref (JpChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);

  return data;
}

void
jp_chart_data_unref (JpChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  switch (data->kind)
    {
    case JP_CHART_KIND_GAUGE:
      jp_gauge_data_free (data->payload);
      break;
    case JP_CHART_KIND_BARS:
      jp_bars_data_free (data->payload);
      break;
    case JP_CHART_KIND_BREAKDOWN:
      jp_breakdown_data_free (data->payload);
      break;
    case JP_CHART_KIND_GROUPS:
      jp_groups_data_free (data->payload);
      break;
    case JP_CHART_KIND_HISTORY:
      jp_history_data_free (data->payload);
      break;
    case JP_CHART_KIND_TREND:
      jp_trend_data_free (data->payload);
      break;
    default:
      g_assert_not_reached ();
    }

  g_free (data);
}

JpChartKind
jp_chart_data_get_kind (const JpChartData *data)
{
  g_return_val_if_fail (data != NULL, JP_CHART_KIND_GAUGE);

  return data->kind;
}

#define DEFINE_GETTER(name, Type, KIND)                      \
  const Type *                                               \
  jp_chart_data_get_##name (const JpChartData *data)         \
  {                                                          \
    g_return_val_if_fail (data != NULL, NULL);               \
    return data->kind == KIND ? (const Type *) data->payload : NULL; \
  }

DEFINE_GETTER (gauge, JpGaugeData, JP_CHART_KIND_GAUGE)
DEFINE_GETTER (bars, JpBarsData, JP_CHART_KIND_BARS)
DEFINE_GETTER (breakdown, JpBreakdownData, JP_CHART_KIND_BREAKDOWN)
DEFINE_GETTER (groups, JpGroupsData, JP_CHART_KIND_GROUPS)
DEFINE_GETTER (history, JpHistoryData, JP_CHART_KIND_HISTORY)
DEFINE_GETTER (trend, JpTrendData, JP_CHART_KIND_TREND)

#undef DEFINE_GETTER

GObject *
jp_chart_data_get_object (const JpChartData *data,
                          int                index)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (data->kind)
    {
    case JP_CHART_KIND_GAUGE:
      return ((const JpGaugeData *) data->payload)->object;

    case JP_CHART_KIND_BREAKDOWN:
      return ((const JpBreakdownData *) data->payload)->object;

    case JP_CHART_KIND_BARS:
      {
        const JpBarsData *bars = data->payload;

        if (index < 0 || (guint) index >= bars->rows->len)
          return NULL;
        return ((JpBarsRow *) g_ptr_array_index (bars->rows, index))->object;
      }

    case JP_CHART_KIND_GROUPS:
      {
        const JpGroupsData *groups = data->payload;

        if (index < 0 || (guint) index >= groups->rows->len)
          return NULL;
        return ((JpGroupsRow *) g_ptr_array_index (groups->rows, index))->object;
      }

    case JP_CHART_KIND_HISTORY:
      {
        const JpHistoryData *history = data->payload;

        if (index < 0 || (guint) index >= history->points->len)
          return NULL;
        return ((JpHistoryPoint *) g_ptr_array_index (history->points, index))->object;
      }

    case JP_CHART_KIND_TREND:
      /* A point is a date: nothing to go to. */
      return NULL;

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static char **
title_slot (JpChartData *data)
{
  switch (data->kind)
    {
    case JP_CHART_KIND_GAUGE:
      return &((JpGaugeData *) data->payload)->title;
    case JP_CHART_KIND_BARS:
      return &((JpBarsData *) data->payload)->title;
    case JP_CHART_KIND_BREAKDOWN:
      return &((JpBreakdownData *) data->payload)->title;
    case JP_CHART_KIND_GROUPS:
      return &((JpGroupsData *) data->payload)->title;
    case JP_CHART_KIND_HISTORY:
      return &((JpHistoryData *) data->payload)->title;
    case JP_CHART_KIND_TREND:
      return &((JpTrendData *) data->payload)->title;
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

void
jp_chart_data_set_title (JpChartData *data,
                         const char  *title)
{
  char **slot;

  g_return_if_fail (data != NULL);

  slot = title_slot (data);
  if (*slot == title)
    return;
  g_free (*slot);
  *slot = g_strdup (title);
}

void
jp_chart_data_set_hide_status (JpChartData *data,
                               gboolean     hide_status)
{
  g_return_if_fail (data != NULL);

  if (data->kind == JP_CHART_KIND_GAUGE)
    ((JpGaugeData *) data->payload)->hide_status = !!hide_status;
}

const char *
jp_chart_data_get_title (const JpChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return *title_slot ((JpChartData *) data);
}
