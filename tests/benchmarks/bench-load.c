/* bench-load: how long loading a plan from the database takes, beside the
 * sqlite3 command-line tool reading the same rows (not a test).
 *
 *   bench-load --db=FILE [--plan=ID] [--runs=N] [--sql=load.sql]
 *              [--sqlite3=PATH] [--history]
 *
 * Opens FILE, loads the plan (default: the latest) twice to warm up, then
 * N times (default 9) with jp_store_load_plan(), and runs
 * `sqlite3 -batch FILE < load.sql > /dev/null` (the same queries, same
 * columns, same tables; whole command) as many times. Prints one
 * tab-separated line:
 *
 *   items  indicators  rows  load_ms  load_cpu_ms  free_ms  sqlite3_ms  ratio  us_per_item  heap_mib
 *
 * (medians; ratio = load_ms / sqlite3_ms; heap_mib: the memory the loaded
 * plan holds, from malloc's own count). Before timing it checks that
 * sqlite3 reads exactly as many rows as the loaded plan has objects, so
 * that both read the same. With --history it also times loading every
 * progress history (jp_indicator_ensure_history on each indicator) and
 * appends that median. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>

#include "jp-bench-util.h"
#include "jp-store.h"

/* Rows that jp_store_load_plan() reads for @plan: one per object. */
static guint
count_rows (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint rows = 1; /* the plan */

  rows += g_list_model_get_n_items (jp_plan_get_leaders (plan));
  rows += g_list_model_get_n_items (jp_plan_get_units (plan));
  rows += g_list_model_get_n_items (jp_plan_get_sections (plan));
  rows += items->len;
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      rows += g_list_model_get_n_items (jp_item_get_leaders (item));
      rows += g_list_model_get_n_items (jp_item_get_units (item));
      rows += g_list_model_get_n_items (jp_item_get_partner_units (item));
      rows += g_list_model_get_n_items (jp_item_get_updates (item));
      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

          rows += 1 + (jp_indicator_get_latest (indicator) != NULL ? 1 : 0);
        }
    }

  return rows;
}

/* Runs sqlite3 on @db with @script as its input; with @out, keeps its
 * output there, else sends it to /dev/null. Returns the wall time in ms,
 * or a negative number on failure. */
static double
run_sqlite3 (const char  *sqlite3,
             const char  *db,
             const char  *script,
             char       **out,
             GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  double start = jp_bench_now_ms ();

  launcher = g_subprocess_launcher_new (out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                    : G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stdin_file_path (launcher, script);
  process = g_subprocess_launcher_spawn (launcher, error, sqlite3, "-batch", db, NULL);
  if (process == NULL)
    return -1;
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, error))
    return -1;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed", sqlite3);
      return -1;
    }

  return jp_bench_now_ms () - start;
}

static guint
count_char (const char *text,
            char        c)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    n += *p == c;
  return n;
}

static gboolean
load_histories (JpPlan  *plan,
                GError **error)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

          if (!jp_indicator_ensure_history (indicator, error))
            return FALSE;
        }
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) first = NULL;
  g_autofree char *db = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sqlite3 = NULL;
  g_autofree char *script_text = NULL;
  g_autofree char *script = NULL;
  g_autofree char *counted = NULL;
  g_autofree double *load = NULL;
  g_autofree double *load_cpu = NULL;
  g_autofree double *freeing = NULL;
  g_autofree double *cli = NULL;
  g_autofree double *history = NULL;
  gint64 plan_id = 0;
  size_t heap_before;
  double heap_mib;
  gboolean with_history = FALSE;
  int runs = 9;
  guint rows, cli_rows, n_items;
  double load_ms, cli_ms;
  int fd;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database", "FILE" },
    { "plan", 0, 0, G_OPTION_ARG_INT64, &plan_id, "Plan ID (default: the latest)", "ID" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs (default 9)", "N" },
    { "sql", 0, 0, G_OPTION_ARG_FILENAME, &sql, "The queries for sqlite3 (default: load.sql here)", "FILE" },
    { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3, "The sqlite3 tool (default: sqlite3)", "PATH" },
    { "history", 0, 0, G_OPTION_ARG_NONE, &with_history, "Also time loading every progress history", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time loading a plan");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs < 1)
    {
      g_printerr ("bench-load: %s\n", error != NULL ? error->message : "--db=FILE is needed");
      return 2;
    }
  if (sql == NULL)
    sql = g_build_filename (JP_BENCH_DIR, "load.sql", NULL);
  if (sqlite3 == NULL)
    sqlite3 = g_strdup ("sqlite3");

  store = jp_store_open (db, JP_STORE_FLAGS_NONE, &error);
  if (store == NULL)
    goto fail;
  if (plan_id == 0 && (plan_id = jp_store_get_latest_plan_id (store, &error)) == 0)
    goto fail;

  /* The script: the plan's id as ?1, then the store's queries. */
  if (!g_file_get_contents (sql, &script_text, NULL, &error))
    goto fail;
  fd = g_file_open_tmp ("bench-load-XXXXXX.sql", &script, &error);
  if (fd < 0)
    goto fail;
  close (fd);
  {
    g_autofree char *text = g_strdup_printf (".parameter set ?1 %" G_GINT64_FORMAT "\n"
                                             ".separator \"|\" \"\\036\"\n%s",
                                             plan_id, script_text);

    if (!g_file_set_contents (script, text, -1, &error))
      goto fail;
  }

  /* Same rows on both sides. */
  heap_before = mallinfo2 ().uordblks;
  first = jp_store_load_plan (store, plan_id, &error);
  if (first == NULL)
    goto fail;
  heap_mib = (double) (mallinfo2 ().uordblks - heap_before) / (1024 * 1024);
  rows = count_rows (first);
  n_items = jp_plan_get_n_items (first);
  if (run_sqlite3 (sqlite3, db, script, &counted, &error) < 0)
    goto fail;
  cli_rows = count_char (counted, '\036');
  if (cli_rows != rows)
    {
      g_printerr ("bench-load: sqlite3 read %u rows, the store %u objects: "
                  "is %s in step with jp-store-load.c?\n", cli_rows, rows, sql);
      g_unlink (script);
      return 1;
    }

  load = g_new0 (double, runs);
  load_cpu = g_new0 (double, runs);
  freeing = g_new0 (double, runs);
  cli = g_new0 (double, runs);
  history = g_new0 (double, runs);

  /* Warm-up: one more load, one more sqlite3 run (the first ones above). */
  {
    g_autoptr(JpPlan) plan = jp_store_load_plan (store, plan_id, &error);

    if (plan == NULL || run_sqlite3 (sqlite3, db, script, NULL, &error) < 0)
      goto fail;
  }

  for (int r = 0; r < runs; r++)
    {
      JpPlan *plan;
      double start = jp_bench_now_ms ();
      double cpu = jp_bench_cpu_ms ();

      plan = jp_store_load_plan (store, plan_id, &error);
      if (plan == NULL)
        goto fail;
      load[r] = jp_bench_now_ms () - start;
      load_cpu[r] = jp_bench_cpu_ms () - cpu;

      start = jp_bench_now_ms ();
      g_object_unref (plan);
      freeing[r] = jp_bench_now_ms () - start;

      if ((cli[r] = run_sqlite3 (sqlite3, db, script, NULL, &error)) < 0)
        goto fail;
    }

  /* The histories after all the loads: freeing half a million entries
   * between two loads would leave the heap to the next load in a state
   * that a process opening a plan does not have. */
  for (int r = 0; with_history && r < runs; r++)
    {
      g_autoptr(JpPlan) plan = jp_store_load_plan (store, plan_id, &error);
      double start;

      if (plan == NULL)
        goto fail;
      start = jp_bench_now_ms ();
      if (!load_histories (plan, &error))
        goto fail;
      history[r] = jp_bench_now_ms () - start;
    }

  g_unlink (script);
  load_ms = jp_bench_median (load, runs);
  cli_ms = jp_bench_median (cli, runs);
  printf ("%u\t%u\t%u\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f",
          n_items, jp_plan_get_n_indicators (first), rows,
          load_ms, jp_bench_median (load_cpu, runs), jp_bench_median (freeing, runs),
          cli_ms, load_ms / cli_ms, load_ms * 1000.0 / MAX (n_items, 1), heap_mib);
  if (with_history)
    printf ("\t%.2f", jp_bench_median (history, runs));
  printf ("\n");
  return 0;

fail:
  if (script != NULL)
    g_unlink (script);
  g_printerr ("bench-load: %s\n", error != NULL ? error->message : "failed");
  return 1;
}
