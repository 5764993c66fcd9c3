/* bench-json: how long the JSON export and import take, in-process (not a
 * test).
 *
 *   bench-json --db=FILE [--runs=N]
 *
 * Loads the latest plan of FILE with every progress history (outside the
 * timing), then times N times (default 5, after one warm-up):
 *
 *   export  jp_json_export_plans() of the plan to a string
 *   import  jp_json_import_bytes() of that string back into new plans
 *
 * and checks that the import gives the same counts. Prints one
 * tab-separated line per step:
 *
 *   step  items  bytes  median_ms  cpu_median_ms  us_per_item  MB_per_s
 *
 * and last "peak_rss_mib" with the process's peak RSS. */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>

#include "jp-bench-util.h"
#include "jp-json.h"
#include "jp-store.h"

static void
print_row (const char *step,
           guint       n_items,
           gsize       bytes,
           double     *wall,
           double     *cpu,
           int         runs)
{
  double median = jp_bench_median (wall, runs);

  printf ("%s\t%u\t%" G_GSIZE_FORMAT "\t%.1f\t%.1f\t%.1f\t%.1f\n",
          step, n_items, bytes, median, jp_bench_median (cpu, runs),
          median * 1000.0 / MAX (n_items, 1), bytes / 1e6 / (median / 1000.0));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *db = NULL;
  g_autofree double *wall = NULL;
  g_autofree double *cpu = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 plan_id;
  int runs = 5;
  guint n_items;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs (default 5)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time the JSON export and import");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || runs < 1)
    {
      g_printerr ("bench-json: %s\n", error != NULL ? error->message : "--db=FILE is needed");
      return 2;
    }

  store = jp_store_open (db, JP_STORE_FLAGS_READ_ONLY, &error);
  if (store == NULL || (plan_id = jp_store_get_latest_plan_id (store, &error)) == 0 ||
      (plan = jp_store_load_plan (store, plan_id, &error)) == NULL)
    goto fail;
  n_items = jp_plan_get_n_items (plan);

  /* Warm-up, and every history loaded before the timing. */
  text = jp_json_export_plans (&plan, 1, &length, &error);
  if (text == NULL)
    goto fail;
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);

  wall = g_new0 (double, runs);
  cpu = g_new0 (double, runs);
  for (int r = 0; r < runs; r++)
    {
      g_autofree char *out = NULL;
      double start = jp_bench_now_ms ();
      double start_cpu = jp_bench_cpu_ms ();
      gsize out_length;

      out = jp_json_export_plans (&plan, 1, &out_length, &error);
      if (out == NULL)
        goto fail;
      wall[r] = jp_bench_now_ms () - start;
      cpu[r] = jp_bench_cpu_ms () - start_cpu;
      if (out_length != length)
        {
          g_printerr ("bench-json: the export changed size between runs\n");
          return 1;
        }
    }
  print_row ("export", n_items, length, wall, cpu, runs);

  for (int r = -1; r < runs; r++)
    {
      g_autoptr(GPtrArray) plans = NULL;
      double start = jp_bench_now_ms ();
      double start_cpu = jp_bench_cpu_ms ();

      plans = jp_json_import_bytes (bytes, "bench.json", &error);
      if (plans == NULL)
        goto fail;
      if (r >= 0)
        {
          wall[r] = jp_bench_now_ms () - start;
          cpu[r] = jp_bench_cpu_ms () - start_cpu;
        }
      if (plans->len != 1 ||
          jp_plan_get_n_items (g_ptr_array_index (plans, 0)) != n_items ||
          jp_plan_get_n_indicators (g_ptr_array_index (plans, 0)) != jp_plan_get_n_indicators (plan))
        {
          g_printerr ("bench-json: the import does not give the exported plan back\n");
          return 1;
        }
    }
  print_row ("import", n_items, length, wall, cpu, runs);
  printf ("peak_rss_mib\t%.1f\n", jp_bench_peak_rss_mib ());
  return 0;

fail:
  g_printerr ("bench-json: %s\n", error != NULL ? error->message : "failed");
  return 1;
}
