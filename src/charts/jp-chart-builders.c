#define G_LOG_DOMAIN "jp-charts"

#include "config.h"

#include "jp-chart-builders.h"

#include <glib/gi18n-lib.h>

static JpPlan *
indicator_get_plan (JpIndicator *indicator)
{
  JpItem *item = jp_indicator_get_item (indicator);
  JpSection *section = item != NULL ? jp_item_get_section (item) : NULL;

  return section != NULL ? jp_section_get_plan (section) : NULL;
}

static void
add_item_row (JpBarsData *bars,
              JpItem     *item,
              const char *as_of)
{
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);
  jp_bars_data_add_row (bars, number, jp_item_get_title (item),
                        progress.ratio, progress.status, G_OBJECT (item))->expected = progress.expected;
}

JpChartData *
jp_chart_data_new_for_items (GPtrArray  *items,
                             const char *as_of)
{
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);

  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    add_item_row (bars, g_ptr_array_index (items, i), as_of);

  return jp_chart_data_new_bars (g_steal_pointer (&bars));
}

JpChartData *
jp_chart_data_new_for_section_items (JpSection  *section,
                                     const char *as_of)
{
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  GListModel *items;

  g_return_val_if_fail (JP_IS_SECTION (section), NULL);

  items = jp_section_get_items (section);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);

      add_item_row (bars, item, as_of);
    }

  return jp_chart_data_new_bars (g_steal_pointer (&bars));
}

JpChartData *
jp_chart_data_new_for_sections (JpPlan     *plan,
                                const char *as_of)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  return jp_chart_data_new_for_sections_of (plan, NULL, as_of);
}

JpChartData *
jp_chart_data_new_for_sections_of (JpPlan     *plan,
                                   GPtrArray  *items,
                                   const char *as_of)
{
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  GListModel *sections;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  sections = jp_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      GListModel *section_items = jp_section_get_items (section);
      g_autoptr(GPtrArray) picked = g_ptr_array_new_with_free_func (g_object_unref);
      JpProgress progress;

      for (guint k = 0; k < g_list_model_get_n_items (section_items); k++)
        {
          JpItem *item = g_list_model_get_item (section_items, k);

          if (items == NULL || g_ptr_array_find (items, item, NULL))
            g_ptr_array_add (picked, item);
          else
            g_object_unref (item);
        }
      if (picked->len == 0 && items != NULL)
        continue;

      jp_items_evaluate (plan, picked, as_of, &progress);
      jp_bars_data_add_row (bars, jp_section_get_ordinal (section), jp_section_get_title (section),
                            progress.ratio, progress.status, G_OBJECT (section))->expected = progress.expected;
    }

  return jp_chart_data_new_bars (g_steal_pointer (&bars));
}

/* Every item of @items (NULL: of @plan) with its status as of @as_of. */
static GHashTable *
dup_item_statuses (JpPlan     *plan,
                   GPtrArray  *selection,
                   const char *as_of,
                   GPtrArray **items_out)
{
  GHashTable *statuses = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = selection != NULL ? g_ptr_array_ref (selection) : jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      JpProgress progress;

      jp_item_evaluate (item, as_of, &progress);
      g_hash_table_insert (statuses, item, GUINT_TO_POINTER (progress.status));
    }

  *items_out = g_steal_pointer (&items);

  return statuses;
}

typedef gboolean (*ItemHasFunc) (JpItem   *item,
                                 gpointer  member);

static JpChartData *
new_groups (JpPlan      *plan,
            GPtrArray   *selection,
            const char  *as_of,
            GListModel  *members,
            ItemHasFunc  item_has,
            const char * (*get_name) (gpointer),
            gpointer     highlight)
{
  g_autoptr(JpGroupsData) groups = jp_groups_data_new (NULL);
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GPtrArray) items = NULL;

  statuses = dup_item_statuses (plan, selection, as_of, &items);

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(GObject) member = g_list_model_get_item (members, m);
      guint counts[JP_N_STATUSES] = { 0, };
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          JpItem *item = g_ptr_array_index (items, i);

          if (item_has (item, member))
            {
              counts[GPOINTER_TO_UINT (g_hash_table_lookup (statuses, item))]++;
              any = TRUE;
            }
        }

      if (!any)
        continue;

      if (member == highlight)
        groups->highlight = (int) groups->rows->len;
      jp_groups_data_add_row (groups, get_name (member), counts, member);
    }

  return jp_chart_data_new_groups (g_steal_pointer (&groups));
}

static gboolean
item_has_leader (JpItem   *item,
                 gpointer  leader)
{
  return jp_item_has_leader (item, leader);
}

static gboolean
item_has_unit (JpItem   *item,
               gpointer  unit)
{
  return jp_item_has_unit (item, unit);
}

static const char *
leader_get_name (gpointer leader)
{
  return jp_leader_get_name (leader);
}

static const char *
unit_get_name (gpointer unit)
{
  return jp_unit_get_name (unit);
}

JpChartData *
jp_chart_data_new_for_leaders (JpPlan     *plan,
                               const char *as_of,
                               JpLeader   *highlight)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (highlight == NULL || JP_IS_LEADER (highlight), NULL);

  return jp_chart_data_new_for_leaders_of (plan, NULL, as_of, highlight);
}

JpChartData *
jp_chart_data_new_for_leaders_of (JpPlan     *plan,
                                  GPtrArray  *items,
                                  const char *as_of,
                                  JpLeader   *highlight)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (highlight == NULL || JP_IS_LEADER (highlight), NULL);

  return new_groups (plan, items, as_of, jp_plan_get_leaders (plan),
                     item_has_leader, leader_get_name, highlight);
}

JpChartData *
jp_chart_data_new_for_units (JpPlan     *plan,
                             const char *as_of,
                             JpUnit     *highlight)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (highlight == NULL || JP_IS_UNIT (highlight), NULL);

  return jp_chart_data_new_for_units_of (plan, NULL, as_of, highlight);
}

JpChartData *
jp_chart_data_new_for_units_of (JpPlan     *plan,
                                GPtrArray  *items,
                                const char *as_of,
                                JpUnit     *highlight)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (highlight == NULL || JP_IS_UNIT (highlight), NULL);

  return new_groups (plan, items, as_of, jp_plan_get_units (plan),
                     item_has_unit, unit_get_name, highlight);
}

JpChartData *
jp_chart_data_new_status_breakdown (JpPlan           *plan,
                                    JpLeader         *leader,
                                    JpUnit           *unit,
                                    const char       *as_of,
                                    JpBreakdownShape  shape)
{
  g_autoptr(JpBreakdownData) breakdown = jp_breakdown_data_new (NULL, shape);

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (leader == NULL || JP_IS_LEADER (leader), NULL);
  g_return_val_if_fail (unit == NULL || JP_IS_UNIT (unit), NULL);

  if (leader == NULL && unit == NULL)
    jp_plan_count_item_statuses (plan, as_of, breakdown->counts);
  else
    {
      g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

      for (guint i = 0; i < items->len; i++)
        {
          JpItem *item = g_ptr_array_index (items, i);
          JpProgress progress;

          if ((leader != NULL && !jp_item_has_leader (item, leader)) ||
              (unit != NULL && !jp_item_has_unit (item, unit)))
            continue;

          jp_item_evaluate (item, as_of, &progress);
          breakdown->counts[progress.status]++;
        }
    }
  g_set_object (&breakdown->object, G_OBJECT (plan));

  return jp_chart_data_new_breakdown (g_steal_pointer (&breakdown));
}

JpChartData *
jp_chart_data_new_for_indicator (JpIndicator *indicator,
                                 const char  *as_of)
{
  g_autoptr(JpGaugeData) gauge = jp_gauge_data_new ();
  const char *unit;
  JpProgress progress;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  jp_indicator_evaluate (indicator, as_of, &progress);

  unit = jp_indicator_get_unit (indicator);
  gauge->title = g_strdup (jp_indicator_get_name (indicator));
  gauge->unit = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
  gauge->kind = jp_indicator_get_kind (indicator);
  gauge->target = jp_indicator_get_target (indicator);
  gauge->has_target_max = jp_indicator_get_has_target_max (indicator);
  gauge->target_max = jp_indicator_get_target_max (indicator);
  gauge->has_baseline = jp_indicator_get_has_baseline (indicator);
  gauge->baseline = jp_indicator_get_baseline (indicator);
  gauge->has_value = progress.has_value;
  gauge->value = progress.value;
  gauge->ratio = progress.ratio;
  gauge->expected = progress.expected;
  gauge->status = progress.status;
  gauge->target_text = jp_indicator_format_target (indicator);
  g_set_object (&gauge->object, G_OBJECT (indicator));

  return jp_chart_data_new_gauge (g_steal_pointer (&gauge));
}

/* A gauge of a mean progress, in % of 100. */
static JpChartData *
new_mean_gauge (JpPlan           *plan,
                const JpProgress *progress)
{
  g_autoptr(JpGaugeData) gauge = jp_gauge_data_new ();

  gauge->title = g_strdup (_("Overall progress"));
  gauge->unit = g_strdup ("%");
  gauge->kind = JP_INDICATOR_KIND_AT_LEAST;
  gauge->target = 100;
  gauge->has_value = TRUE;
  gauge->value = progress->p * 100;
  gauge->ratio = progress->p;
  gauge->expected = progress->expected;
  gauge->status = progress->status;
  gauge->target_text = g_strdup ("100%");
  g_set_object (&gauge->object, G_OBJECT (plan));

  return jp_chart_data_new_gauge (g_steal_pointer (&gauge));
}

JpChartData *
jp_chart_data_new_for_plan (JpPlan     *plan,
                            const char *as_of)
{
  JpProgress progress;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  jp_plan_evaluate (plan, as_of, &progress);

  return new_mean_gauge (plan, &progress);
}

JpChartData *
jp_chart_data_new_for_selection (JpPlan     *plan,
                                 GPtrArray  *items,
                                 const char *as_of)
{
  JpProgress progress;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  if (items == NULL)
    jp_plan_evaluate (plan, as_of, &progress);
  else
    jp_items_evaluate (plan, items, as_of, &progress);

  return new_mean_gauge (plan, &progress);
}

static void
add_trend_point (JpTrendData *trend,
                 JpPlan      *plan,
                 GPtrArray   *items,
                 const char  *date)
{
  JpProgress progress;

  jp_items_evaluate (plan, items, date, &progress);
  jp_trend_data_add_point (trend, date, progress.p, progress.expected);
}

JpChartData *
jp_chart_data_new_trend_for_items (JpPlan     *plan,
                                   GPtrArray  *items,
                                   const char *as_of)
{
  g_autoptr(JpTrendData) trend = NULL;
  g_autoptr(GPtrArray) all_items = NULL;
  g_autofree char *default_as_of = NULL;
  guint32 start, until;
  GDate month_end;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  trend = jp_trend_data_new (jp_plan_get_start (plan), jp_plan_get_end (plan));
  if (as_of == NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);
  trend->as_of = g_strdup (as_of);
  if (items == NULL)
    items = all_items = jp_plan_dup_items (plan);

  start = jp_date_julian (jp_plan_get_start (plan));
  until = jp_date_julian (as_of);
  if (start == 0 || until < start)
    return jp_chart_data_new_trend (g_steal_pointer (&trend));

  /* The end of the start's month, then of each month after it. */
  g_date_clear (&month_end, 1);
  g_date_set_julian (&month_end, start);
  g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (&month_end),
                                                        g_date_get_year (&month_end)));
  while (g_date_get_julian (&month_end) <= until)
    {
      char date[11];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &month_end);
      add_trend_point (trend, plan, items, date);
      g_date_add_days (&month_end, 1);
      g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (&month_end),
                                                            g_date_get_year (&month_end)));
    }

  /* And "now", unless it is a month end. */
  if (trend->points->len == 0 ||
      g_strcmp0 (((JpTrendPoint *) g_ptr_array_index (trend->points, trend->points->len - 1))->date, as_of) != 0)
    add_trend_point (trend, plan, items, as_of);

  return jp_chart_data_new_trend (g_steal_pointer (&trend));
}

JpChartData *
jp_chart_data_new_for_indicator_history (JpIndicator *indicator,
                                         const char  *as_of)
{
  g_autoptr(JpHistoryData) history = NULL;
  g_autofree char *default_as_of = NULL;
  JpPlan *plan;
  GListModel *entries;
  const char *unit;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  plan = indicator_get_plan (indicator);
  history = jp_history_data_new (plan != NULL ? jp_plan_get_start (plan) : NULL,
                                 plan != NULL ? jp_plan_get_end (plan) : NULL);

  if (as_of == NULL && plan != NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);

  unit = jp_indicator_get_unit (indicator);
  history->title = g_strdup (jp_indicator_get_name (indicator));
  history->unit = unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
  history->kind = jp_indicator_get_kind (indicator);
  history->due = g_strdup (jp_indicator_get_effective_due (indicator));
  history->as_of = g_strdup (as_of);
  history->target = jp_indicator_get_target (indicator);
  history->has_target_max = jp_indicator_get_has_target_max (indicator);
  history->target_max = jp_indicator_get_target_max (indicator);
  history->has_baseline = jp_indicator_get_has_baseline (indicator);
  history->baseline = jp_indicator_get_baseline (indicator);

  entries = jp_indicator_get_progress (indicator);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, i);

      jp_history_data_add_point (history, jp_progress_entry_get_date (entry),
                                 jp_progress_entry_get_value (entry), G_OBJECT (entry));
    }

  return jp_chart_data_new_history (g_steal_pointer (&history));
}
