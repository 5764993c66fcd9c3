/* bench-progress-import: how the progress import scales with the rows of
 * one indicator (not a test).
 *
 *   bench-progress-import [--rows=N] [--runs=R] [--dir=DIR]
 *   bench-progress-import --rows=N --prepare=DIR
 *
 * A plan of one item with one indicator whose history holds N entries
 * (every other day from 1950-01-01; the plan runs to 2099-12-31 so that
 * N distinct dates fit), and a progress table of N rows for that one
 * indicator: a third already recorded (same date and value), a third
 * changes (another value for a recorded date), a third new (days in
 * between). Each run (R times, default 5, after a warm-up) makes a new
 * database in DIR (default /var/tmp), opens it as the command line does
 * and times:
 *
 *   check   jp_progress_import_new_for_bytes(): read, match, and sort the
 *           rows against the history (which it loads)
 *   commit  jp_progress_import_commit(): one transaction
 *
 * and checks the counts (and the entries after the commit). Prints one
 * tab-separated line per step:
 *
 *   step  rows  history  median_ms  cpu_median_ms  us_per_row
 *
 * and last "peak_rss_mib". With --prepare=DIR it only writes DIR/plans.db
 * and DIR/rows.csv, for timing `jinfeng-plan --db=DIR/plans.db
 * --import-progress=DIR/rows.csv` (of any build) as a whole command. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "jp-bench-util.h"
#include "jp-model.h"
#include "jp-progress-import.h"
#include "jp-store.h"

#define FIRST_DAY "1950-01-01"
#define LAST_DAY  "2099-12-31"

static char *
day_iso (guint offset)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1950);

  g_date_add_days (date, offset);
  return jp_date_format_iso (date);
}

/* The plan, its one indicator holding @n entries, inserted into a new
 * database at @path. */
static void
make_database (const char *path,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = jp_plan_new ("基准计划", 2000);
  g_autoptr(JpSection) section = jp_section_new ("一", "基准部分");
  g_autoptr(JpItem) item = jp_item_new (1, "一项工作");
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("累计完成", JP_INDICATOR_KIND_AT_LEAST,
                                                       1e6);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  jp_plan_set_start (plan, FIRST_DAY);
  jp_plan_set_end (plan, LAST_DAY);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = day_iso (2 * i);

      g_ptr_array_add (entries, jp_progress_entry_new (date, i));
    }
  jp_indicator_replace_progress (indicator, (JpProgressEntry **) entries->pdata, entries->len);
  jp_item_append_indicator (item, indicator);
  jp_section_append_item (section, item);
  jp_plan_append_section (plan, section);

  store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  if (store == NULL || !jp_store_insert_plans (store, &plan, 1, &error))
    g_error ("%s: %s", path, error->message);
}

/* Row i: i % 3 == 0 recorded already, 1 a change, 2 new. */
static GBytes *
make_table (guint n)
{
  GString *csv = g_string_new ("序号,指标,日期,数值\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = day_iso (i % 3 == 2 ? 2 * i + 1 : 2 * i);

      g_string_append_printf (csv, "1,累计完成,%s,%u%s\n", date, i, i % 3 == 1 ? ".5" : "");
    }

  return g_string_free_to_bytes (csv);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static void
print_row (const char *step,
           guint       rows,
           double     *wall,
           double     *cpu,
           int         runs)
{
  double median = jp_bench_median (wall, runs);

  printf ("%s\t%u\t%u\t%.1f\t%.1f\t%.2f\n", step, rows, rows, median,
          jp_bench_median (cpu, runs), median * 1000.0 / MAX (rows, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) table = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *prepare = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *db = NULL;
  g_autofree double *wall_check = NULL;
  g_autofree double *cpu_check = NULL;
  g_autofree double *wall_commit = NULL;
  g_autofree double *cpu_commit = NULL;
  int rows = 2000;
  int runs = 5;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows of the one indicator (and its history)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs after a warm-up", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder of the databases (default /var/tmp)", "DIR" },
    { "prepare", 0, 0, G_OPTION_ARG_FILENAME, &prepare, "Only write DIR/plans.db and DIR/rows.csv", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time the progress import of many rows of one indicator");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows < 3 || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--rows ≥ 3, --runs ≥ 1");
      return 2;
    }

  table = make_table (rows);

  if (prepare != NULL)
    {
      g_autofree char *csv = g_build_filename (prepare, "rows.csv", NULL);

      g_mkdir_with_parents (prepare, 0755);
      db = g_build_filename (prepare, "plans.db", NULL);
      remove_database (db);
      make_database (db, rows);
      if (!g_file_set_contents (csv, g_bytes_get_data (table, NULL), g_bytes_get_size (table),
                                &error))
        g_error ("%s", error->message);
      return 0;
    }

  folder = g_build_filename (dir != NULL ? dir : "/var/tmp", "jp-bench-progress-XXXXXX", NULL);
  if (g_mkdtemp (folder) == NULL)
    g_error ("Cannot make a folder in %s", dir != NULL ? dir : "/var/tmp");
  db = g_build_filename (folder, "plans.db", NULL);

  wall_check = g_new0 (double, runs);
  cpu_check = g_new0 (double, runs);
  wall_commit = g_new0 (double, runs);
  cpu_commit = g_new0 (double, runs);

  for (int run = -1; run < runs; run++)
    {
      g_autoptr(JpStore) store = NULL;
      g_autoptr(JpPlan) plan = NULL;
      g_autoptr(JpProgressImport) import = NULL;
      GListModel *history;
      double t0, c0, t1, c1, t2, c2;
      guint third = (guint) rows / 3;
      guint n_new;

      remove_database (db);
      make_database (db, rows);
      store = jp_store_open (db, JP_STORE_FLAGS_NONE, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
      if (plan == NULL)
        g_error ("%s", error->message);

      t0 = jp_bench_now_ms ();
      c0 = jp_bench_cpu_ms ();
      import = jp_progress_import_new_for_bytes (plan, table, "rows.csv", NULL, NULL, &error);
      t1 = jp_bench_now_ms ();
      c1 = jp_bench_cpu_ms ();
      if (import == NULL)
        g_error ("%s", error->message);
      if (jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE) < third ||
          jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE) < third ||
          jp_progress_import_count (import, JP_PROGRESS_ROW_NEW) < third ||
          jp_progress_import_get_n_errors (import) != 0)
        g_error ("Unexpected rows: %u recorded, %u changes, %u new, %u errors",
                 jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE),
                 jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE),
                 jp_progress_import_count (import, JP_PROGRESS_ROW_NEW),
                 jp_progress_import_get_n_errors (import));

      n_new = jp_progress_import_count (import, JP_PROGRESS_ROW_NEW);
      if (!jp_progress_import_commit (import, store, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t2 = jp_bench_now_ms ();
      c2 = jp_bench_cpu_ms ();

      /* New rows add an entry each; changes replace one. */
      {
        g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
        g_autoptr(JpIndicator) indicator =
          g_list_model_get_item (jp_item_get_indicators (g_ptr_array_index (items, 0)), 0);

        history = jp_indicator_get_progress (indicator);
        if (g_list_model_get_n_items (history) != (guint) rows + n_new)
          g_error ("%u entries after the commit, not %u", g_list_model_get_n_items (history),
                   (guint) rows + n_new);
      }

      if (run >= 0)
        {
          wall_check[run] = t1 - t0;
          cpu_check[run] = c1 - c0;
          wall_commit[run] = t2 - t1;
          cpu_commit[run] = c2 - c1;
        }
    }

  remove_database (db);
  g_rmdir (folder);

  printf ("step\trows\thistory\tmedian_ms\tcpu_median_ms\tus_per_row\n");
  print_row ("check", rows, wall_check, cpu_check, runs);
  print_row ("commit", rows, wall_commit, cpu_commit, runs);
  printf ("peak_rss_mib\t%.1f\n", jp_bench_peak_rss_mib ());

  return 0;
}
