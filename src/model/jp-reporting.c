#define G_LOG_DOMAIN "jp-reporting"

#include "config.h"

#include "jp-reporting.h"

#include "jp-curve.h"
#include "jp-indicator.h"
#include "jp-item.h"
#include "jp-plan.h"
#include "jp-progress-entry.h"
#include "jp-status.h"
#include "jp-unit.h"

#include <string.h>

void
jp_reporting_row_free (JpReportingRow *row)
{
  if (row == NULL)
    return;

  g_clear_object (&row->unit);
  g_free (row);
}

/* One indicator's figures added to @row. @periods: start, deadline pairs. */
static void
add_indicator (JpReportingRow *row,
               JpIndicator    *indicator,
               GPtrArray      *periods,
               const char     *as_of)
{
  GListModel *entries;
  guint n_entries;
  JpProgress progress;

  /* Every entry, not only the latest one a store loads first; without
   * the history (a read error) the entries at hand are counted. */
  jp_indicator_ensure_history (indicator, NULL);
  entries = jp_indicator_get_progress (indicator);
  n_entries = g_list_model_get_n_items (entries);

  row->n_indicators++;
  for (guint p = 0; p + 1 < periods->len; p += 2)
    {
      const char *first = g_ptr_array_index (periods, p);
      const char *deadline = g_ptr_array_index (periods, p + 1);
      gboolean done = FALSE;

      row->n_due++;
      for (guint e = 0; e < n_entries && !done; e++)
        {
          g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, e);
          const char *date = jp_progress_entry_get_date (entry);

          done = date != NULL && strcmp (date, first) >= 0 && strcmp (date, deadline) <= 0;
        }
      if (done)
        row->n_done++;
    }
  row->n_missing = row->n_due - row->n_done;

  jp_indicator_evaluate (indicator, as_of, &progress);
  if (progress.late_report)
    row->n_late++;
}

GPtrArray *
jp_items_dup_reporting (JpPlan     *plan,
                        GPtrArray  *items,
                        const char *as_of)
{
  g_autoptr(GPtrArray) all_items = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autofree char *date = NULL;
  GPtrArray *rows;
  GListModel *units;
  const char *cycle;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_reporting_row_free);
  cycle = jp_plan_get_report_cycle (plan);
  if (cycle == NULL || cycle[0] == '\0')
    return rows;

  if (items == NULL)
    items = all_items = jp_plan_dup_items (plan);
  date = as_of != NULL ? g_strdup (as_of) : jp_plan_dup_default_as_of (plan);

  periods = g_ptr_array_new_with_free_func (g_free);
  jp_cycle_list_deadlines (cycle, jp_plan_get_start (plan), date, periods);

  units = jp_plan_get_units (plan);
  for (guint u = 0; u < g_list_model_get_n_items (units); u++)
    {
      g_autoptr(JpUnit) unit = g_list_model_get_item (units, u);
      g_autoptr(JpReportingRow) row = g_new0 (JpReportingRow, 1);

      for (guint i = 0; i < items->len; i++)
        {
          JpItem *item = g_ptr_array_index (items, i);
          GListModel *indicators;

          if (!jp_item_has_unit (item, unit))
            continue;

          indicators = jp_item_get_indicators (item);
          for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
            {
              g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

              add_indicator (row, indicator, periods, date);
            }
        }

      if (row->n_indicators == 0)
        continue;

      row->unit = g_object_ref (unit);
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  return rows;
}
