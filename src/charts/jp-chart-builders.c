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
                        progress.ratio, progress.status, G_OBJECT (item));
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
  g_autoptr(JpBarsData) bars = jp_bars_data_new (NULL);
  GListModel *sections;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  sections = jp_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      JpProgress progress;

      jp_section_evaluate (section, as_of, &progress);
      jp_bars_data_add_row (bars, jp_section_get_ordinal (section), jp_section_get_title (section),
                            progress.ratio, progress.status, G_OBJECT (section));
    }

  return jp_chart_data_new_bars (g_steal_pointer (&bars));
}

/* Every item of @plan with its status as of @as_of. */
static GHashTable *
dup_item_statuses (JpPlan     *plan,
                   const char *as_of,
                   GPtrArray **items_out)
{
  GHashTable *statuses = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

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
            const char  *as_of,
            GListModel  *members,
            ItemHasFunc  item_has,
            const char * (*get_name) (gpointer),
            gpointer     highlight)
{
  g_autoptr(JpGroupsData) groups = jp_groups_data_new (NULL);
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GPtrArray) items = NULL;

  statuses = dup_item_statuses (plan, as_of, &items);

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

  return new_groups (plan, as_of, jp_plan_get_leaders (plan),
                     item_has_leader, leader_get_name, highlight);
}

JpChartData *
jp_chart_data_new_for_units (JpPlan     *plan,
                             const char *as_of,
                             JpUnit     *highlight)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (highlight == NULL || JP_IS_UNIT (highlight), NULL);

  return new_groups (plan, as_of, jp_plan_get_units (plan),
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

JpChartData *
jp_chart_data_new_for_plan (JpPlan     *plan,
                            const char *as_of)
{
  g_autoptr(JpGaugeData) gauge = jp_gauge_data_new ();
  JpProgress progress;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  jp_plan_evaluate (plan, as_of, &progress);

  gauge->title = g_strdup (_("Overall progress"));
  gauge->unit = g_strdup ("%");
  gauge->kind = JP_INDICATOR_KIND_AT_LEAST;
  gauge->target = 100;
  gauge->has_value = TRUE;
  gauge->value = progress.p * 100;
  gauge->ratio = progress.p;
  gauge->expected = progress.expected;
  gauge->status = progress.status;
  gauge->target_text = g_strdup ("100%");
  g_set_object (&gauge->object, G_OBJECT (plan));

  return jp_chart_data_new_gauge (g_steal_pointer (&gauge));
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
