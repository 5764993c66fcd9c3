/* libFuzzer target: the progress-table import (jp-progress-import.c and
 * its CSV reader jp-csv.c) on arbitrary bytes, against the plan of
 * tests/data/csv/plan.json, committed into a store in memory (and removed
 * again after each input).
 *
 * Reading may fail only as one JP_IMPORT_ERROR naming the file; every row
 * it lists is in a known state with the right details; committing records
 * exactly the new rows, each as an entry of its indicator, and importing
 * the same bytes again finds nothing new. Any crash, sanitizer report,
 * leak, hang or GLib critical is a bug. */

#include "config.h"

#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-progress-import.h"
#include "jp-store.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* One store and plan for every input: what an input records is removed
 * again after it, so that each input meets the same plan. */
static JpStore *fuzz_store;
static JpPlan *fuzz_plan;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (!g_file_get_contents (JP_FUZZ_PLAN, &contents, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (contents, length);
  plans = jp_json_import_bytes (bytes, "plan.json", &error);
  g_assert_no_error (error);
  fuzz_store = jp_store_open (":memory:", JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fuzz_plan = g_object_ref (g_ptr_array_index (plans, 0));
  g_assert (jp_store_insert_plans (fuzz_store, &fuzz_plan, 1, &error));
  return 0;
}

static guint
count_entries (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

          g_assert (jp_indicator_ensure_history (indicator, NULL));
          n += g_list_model_get_n_items (jp_indicator_get_progress (indicator));
        }
    }

  return n;
}

static JpProgressImport *
read_rows (JpPlan       *plan,
           GBytes       *bytes,
           const guint8 *data,
           gsize         size)
{
  g_autoptr(GError) error = NULL;
  JpProgressImport *import;
  guint n;

  import = jp_progress_import_new_for_bytes (plan, bytes, "fuzz.csv", "2023-06-30", NULL, &error);
  if (import == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == JP_IMPORT_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.csv"));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return NULL;
    }
  g_assert (error == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (import));
  g_assert (n == jp_progress_import_count (import, JP_PROGRESS_ROW_NEW) +
                 jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE) +
                 jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE) +
                 jp_progress_import_count (import, JP_PROGRESS_ROW_INVALID));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);
      JpProgressRowState state = jp_progress_row_get_state (row);
      const char *message = jp_progress_row_get_message (row);

      g_assert (jp_progress_row_get_line (row) >= 1);
      g_assert (g_utf8_validate (jp_progress_row_get_item_text (row), -1, NULL));
      g_assert (g_utf8_validate (jp_progress_row_get_indicator_text (row), -1, NULL));
      g_assert (g_utf8_validate (jp_progress_row_get_value_text (row), -1, NULL));
      if (state == JP_PROGRESS_ROW_NEW || state == JP_PROGRESS_ROW_CHANGE)
        {
          g_assert ((message == NULL) == (state == JP_PROGRESS_ROW_NEW));
          g_assert (jp_progress_row_get_indicator (row) != NULL);
          g_assert (jp_progress_row_get_item (row) != NULL);
          g_assert (jp_date_is_valid (jp_progress_row_get_date (row)));
          g_assert (isfinite (jp_progress_row_get_value (row)));
          g_assert (g_utf8_validate (jp_progress_row_get_note (row), -1, NULL));
        }
      else
        {
          g_assert (state == JP_PROGRESS_ROW_DUPLICATE || state == JP_PROGRESS_ROW_INVALID);
          g_assert (message != NULL && message[0] != '\0' && g_utf8_validate (message, -1, NULL));
        }
    }

  return import;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(JpProgressImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  guint before, n_new, n_change;

  before = count_entries (fuzz_plan);

  import = read_rows (fuzz_plan, bytes, data, size);
  if (import == NULL)
    return 0;

  /* All rows or none: with an invalid row, nothing. */
  if (jp_progress_import_get_n_errors (import) > 0)
    {
      g_assert (!jp_progress_import_commit (import, fuzz_store, NULL, NULL, NULL, &error));
      g_assert (g_error_matches (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE));
      g_assert (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED) == 0);
      g_assert (count_entries (fuzz_plan) == before);
      return 0;
    }

  n_new = jp_progress_import_count (import, JP_PROGRESS_ROW_NEW);
  n_change = jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE);
  g_array_set_size (changed, g_list_model_get_n_items (G_LIST_MODEL (import)));
  for (guint i = 0; i < changed->len; i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);

      g_array_index (changed, gboolean, i) = jp_progress_row_get_state (row) == JP_PROGRESS_ROW_CHANGE;
    }
  if (!jp_progress_import_commit (import, fuzz_store, NULL, NULL, NULL, &error))
    g_error ("the commit failed: %s", error->message);
  g_assert (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW) == 0);
  g_assert (jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE) == 0);
  g_assert (jp_progress_import_count (import, JP_PROGRESS_ROW_FAILED) == 0);
  g_assert (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED) == n_new + n_change);
  /* A change replaces the entry of its date. */
  g_assert (count_entries (fuzz_plan) == before + n_new);

  /* Each committed row is an entry of its indicator. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import)); i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);
      GListModel *entries;
      gboolean found = FALSE;

      if (jp_progress_row_get_state (row) != JP_PROGRESS_ROW_COMMITTED)
        continue;
      entries = jp_indicator_get_progress (jp_progress_row_get_indicator (row));
      for (guint e = 0; e < g_list_model_get_n_items (entries) && !found; e++)
        {
          g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, e);

          found = g_strcmp0 (jp_progress_entry_get_date (entry), jp_progress_row_get_date (row)) == 0 &&
                  jp_progress_entry_get_value (entry) == jp_progress_row_get_value (row) &&
                  jp_progress_entry_get_id (entry) > 0;
        }
      g_assert (found);
    }

  /* The same bytes again: nothing new, nothing to change. */
  again = read_rows (fuzz_plan, bytes, data, size);
  g_assert (again != NULL);
  g_assert (jp_progress_import_count (again, JP_PROGRESS_ROW_NEW) == 0);
  g_assert (jp_progress_import_count (again, JP_PROGRESS_ROW_CHANGE) == 0);

  /* Back to the plan as it was (through the store, as an undo would). */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import)); i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);
      JpIndicator *indicator = jp_progress_row_get_indicator (row);
      GListModel *entries;

      if (jp_progress_row_get_state (row) != JP_PROGRESS_ROW_COMMITTED)
        continue;
      entries = jp_indicator_get_progress (indicator);
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, e);

          if (g_strcmp0 (jp_progress_entry_get_date (entry), jp_progress_row_get_date (row)) == 0 &&
              jp_progress_entry_get_value (entry) == jp_progress_row_get_value (row))
            {
              if (g_array_index (changed, gboolean, i)
                  ? !jp_store_set_double (fuzz_store, entry, "value",
                                          jp_progress_row_get_old_value (row), &error)
                  : !jp_store_remove_progress (fuzz_store, indicator, entry, &error))
                g_error ("cannot undo a recorded row: %s", error->message);
              break;
            }
        }
    }
  g_assert (count_entries (fuzz_plan) == before);

  return 0;
}
