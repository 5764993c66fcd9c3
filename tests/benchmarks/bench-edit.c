/* bench-edit: how long one durable edit takes (not a test).
 *
 *   bench-edit --db=FILE [--edits=N] [--dir=DIR]
 *
 * Copies FILE into a new folder (under DIR, default the system's temporary
 * folder: it must be on a real disk, not tmpfs, for the figure to mean
 * anything), opens the copy with the store (WAL, synchronous=FULL: each
 * reported commit has been synced to the disk), loads its latest plan and
 * makes N edits of each kind (default 1,000), round-robin over the plan's
 * indicators:
 *
 *   set     jp_store_set_double (indicator, "target", …)
 *   add     jp_store_add_progress (indicator, new entry)
 *
 * Each edit is one transaction (the change and its history row), committed
 * before the model changes. Prints one tab-separated line per kind:
 *
 *   kind  edits  median_ms  p99_ms  max_ms  cpu_median_ms
 *
 * then removes the copy. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "jp-bench-util.h"
#include "jp-store.h"

typedef enum
{
  EDIT_SET,
  EDIT_ADD,
} EditKind;

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static GPtrArray *
collect_indicators (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  GPtrArray *indicators = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *list = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint k = 0; k < g_list_model_get_n_items (list); k++)
        g_ptr_array_add (indicators, g_list_model_get_item (list, k));
    }

  return indicators;
}

static gboolean
run_edits (JpStore    *store,
           GPtrArray  *indicators,
           EditKind    kind,
           guint       n_edits,
           gboolean    print,
           GError    **error)
{
  g_autofree double *wall = g_new0 (double, n_edits);
  g_autofree double *cpu = g_new0 (double, n_edits);
  double median, p99, max;

  for (guint e = 0; e < n_edits; e++)
    {
      JpIndicator *indicator = g_ptr_array_index (indicators, e % indicators->len);
      double start = jp_bench_now_ms ();
      double start_cpu = jp_bench_cpu_ms ();
      gboolean ok;

      if (kind == EDIT_SET)
        {
          /* Never the value it has (that would be a no-op). */
          double target = jp_indicator_get_target (indicator);

          ok = jp_store_set_double (store, indicator, "target",
                                    e % 2 == 0 ? target + 1 : target - 1, error);
        }
      else
        {
          g_autofree char *date = g_strdup_printf ("2023-%02u-%02u", 1 + e % 12, 1 + e % 28);
          g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (date, e);

          jp_progress_entry_set_note (entry, "基准测试");
          ok = jp_store_add_progress (store, indicator, entry, error);
        }
      if (!ok)
        return FALSE;

      wall[e] = jp_bench_now_ms () - start;
      cpu[e] = jp_bench_cpu_ms () - start_cpu;
    }

  if (!print)
    return TRUE;

  median = jp_bench_median (wall, n_edits);
  p99 = jp_bench_percentile (wall, n_edits, 99);
  max = wall[n_edits - 1];
  printf ("%s\t%u\t%.3f\t%.3f\t%.3f\t%.3f\n",
          kind == EDIT_SET ? "set" : "add", n_edits, median, p99, max,
          jp_bench_median (cpu, n_edits));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *template = NULL;
  int edits = 1000;
  gint64 plan_id;
  gboolean ok = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database (copied first)", "FILE" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &edits, "Edits of each kind (default 1000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the copy (default: temporary folder)", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time durable edits");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || edits < 1)
    {
      g_printerr ("bench-edit: %s\n", error != NULL ? error->message : "--db=FILE is needed");
      return 2;
    }

  template = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "bench-edit-XXXXXX", NULL);
  tmp = g_mkdtemp (template) != NULL ? g_strdup (template) : NULL;
  if (tmp == NULL)
    {
      g_printerr ("bench-edit: cannot create a folder in %s\n", dir != NULL ? dir : g_get_tmp_dir ());
      return 1;
    }
  copy = g_build_filename (tmp, "plans.db", NULL);

  if (!copy_file (db, copy, &error))
    goto out;
  store = jp_store_open (copy, JP_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    goto out;
  jp_store_set_author (store, "bench-edit");
  plan_id = jp_store_get_latest_plan_id (store, &error);
  if (plan_id == 0)
    goto out;
  plan = jp_store_load_plan (store, plan_id, &error);
  if (plan == NULL)
    goto out;
  indicators = collect_indicators (plan);
  if (indicators->len == 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "the plan has no indicators");
      goto out;
    }

  /* Warm-up: a few edits of each kind, not counted. */
  if (!run_edits (store, indicators, EDIT_SET, 10, FALSE, &error) ||
      !run_edits (store, indicators, EDIT_ADD, 10, FALSE, &error))
    goto out;

  ok = run_edits (store, indicators, EDIT_SET, edits, TRUE, &error) &&
       run_edits (store, indicators, EDIT_ADD, edits, TRUE, &error);

out:
  g_clear_object (&plan);
  g_clear_object (&store);
  if (copy != NULL)
    {
      g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
      g_autofree char *shm = g_strconcat (copy, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (copy);
    }
  if (tmp != NULL)
    g_rmdir (tmp);
  if (!ok)
    {
      g_printerr ("bench-edit: %s\n", error != NULL ? error->message : "failed");
      return 1;
    }
  return 0;
}
