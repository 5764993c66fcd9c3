/* jp-bench-import: how long the plan-document import takes (not a test).
 *
 *   jp-bench-import [--runs=N] FILE...
 *
 * Reads each FILE once, imports it N times in-process (default 9; the
 * plan is freed outside the timing) and prints one row per file: size,
 * items, indicators, warnings, then the median and the fastest run in
 * milliseconds, the median CPU time of the importing thread and the
 * throughput. tests/benchmarks/bench-import runs it on
 * the reference plan and on generated documents. */

#include "config.h"

#include "jp-document-import.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int compare_doubles (gconstpointer a,
                            gconstpointer b);

/* CPU time of this thread, in ms: steadier than the wall clock on a busy
 * machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
median_of (double *values,
           int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  int runs = 9;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per file (default 9)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("FILE… - time the plan-document import");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL || runs < 1)
    {
      g_printerr ("jp-bench-import: %s\n", error != NULL ? error->message : "give files and --runs ≥ 1");
      return 2;
    }

  g_print ("%-24s %10s %6s %7s %5s %10s %9s %10s %8s\n",
           "document", "bytes", "items", "targets", "warn", "median ms", "min ms", "cpu ms", "MB/s");

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (files[f]);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree double *times = g_new (double, runs);
      g_autofree double *cpu = g_new (double, runs);
      guint n_items = 0, n_indicators = 0, n_warnings = 0;
      gsize len = 0;
      double median;
      double fastest;
      double cpu_median;

      if (!g_file_get_contents (files[f], &contents, &len, &error))
        {
          g_printerr ("jp-bench-import: %s\n", error->message);
          return 1;
        }
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

      for (int r = -1; r < runs; r++)
        {
          g_autoptr(GPtrArray) warnings = NULL;
          JpPlan *plan;
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_ms ();

          plan = jp_document_import_bytes (bytes, base, &warnings, &error);
          if (r >= 0)
            {
              times[r] = (g_get_monotonic_time () - start) / 1000.0;
              cpu[r] = cpu_ms () - cpu_start;
            }
          if (plan == NULL)
            {
              g_printerr ("jp-bench-import: %s\n", error->message);
              return 1;
            }
          n_items = jp_plan_get_n_items (plan);
          n_indicators = jp_plan_get_n_indicators (plan);
          n_warnings = warnings->len;
          g_object_unref (plan);
        }

      median = median_of (times, runs);
      fastest = times[0];
      cpu_median = median_of (cpu, runs);
      g_print ("%-24s %10" G_GSIZE_FORMAT " %6u %7u %5u %10.2f %9.2f %10.2f %8.1f\n",
               base, len, n_items, n_indicators, n_warnings, median, fastest, cpu_median,
               len / 1e6 / (median / 1000.0));
    }

  return 0;
}
