/* bench-window: how long the real window takes to show a plan (not a test).
 *
 *   bench-window --db=FILE [--as-of=…]   (needs a display: run under xvfb-run)
 *
 * Runs the application itself (JpApplication, as main.c does, with
 * "--db=FILE" as its command line), so the window opens through the same
 * code as for a user: options, activate, store, load, tree, item page.
 * Nothing is added to the application: this program only watches it, from
 * the outside, through GtkApplication::window-added and the frame clock of
 * the new window, and quits after the window's first frame has been
 * painted. Prints one tab-separated line:
 *
 *   window_ms  first_frame_ms  plan_frame_ms  peak_rss_mib  items
 *
 * window_ms: from main() to the window existing (its widgets built; the
 * application's window loads its plan in a worker thread meanwhile);
 * first_frame_ms: from main() to the end of its first painted frame
 * ("after-paint" of its frame clock), which may still say "Opening the
 * plan…"; plan_frame_ms: to the end of the first frame painted with the
 * plan in the window (jp_window_get_plan() set: the tree shows it);
 * peak_rss_mib: the process's peak resident set size then. The dynamic loading before main()
 * is not counted: tests/benchmarks/run also times the whole command.
 *
 * With JP_BENCH_SMAPS=1 in the environment it also prints, on standard
 * error, where the resident memory is at the first frame: the largest
 * mappings of /proc/self/smaps (heap, fonts, libraries). */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "jp-application.h"
#include "jp-bench-util.h"
#include "jp-window.h"

typedef struct
{
  GApplication  *app;
  GtkWindow     *window;
  GdkFrameClock *clock;
  gulong         paint_id;
  double         start;
  double         window_ms;
  double         frame_ms;
  double         plan_frame_ms;
  double         rss_mib;
  guint          n_items;
} Bench;

static gboolean
quit_cb (gpointer user_data)
{
  Bench *bench = user_data;

  gtk_window_destroy (bench->window);
  g_application_quit (bench->app);
  return G_SOURCE_REMOVE;
}

static int
compare_sizes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gsize x = GPOINTER_TO_SIZE (g_hash_table_lookup (user_data, a));
  gsize y = GPOINTER_TO_SIZE (g_hash_table_lookup (user_data, b));

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The resident memory of each mapping, largest first, on standard error. */
static void
print_smaps (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = NULL;
  g_autofree char *current = g_strdup ("[anon]");
  guint64 total = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " \t", -1);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();

      for (guint k = 0; fields[k] != NULL; k++)
        if (fields[k][0] != '\0')
          g_ptr_array_add (parts, fields[k]);
      if (parts->len >= 5 && strchr (g_ptr_array_index (parts, 0), '-') != NULL &&
          g_ascii_isxdigit (((char *) g_ptr_array_index (parts, 0))[0]) &&
          strchr (g_ptr_array_index (parts, 1), 'p') != NULL)
        {
          g_free (current);
          current = g_strdup (parts->len >= 6 ? g_ptr_array_index (parts, 5) : "[anon]");
        }
      else if (parts->len >= 2 && g_str_equal (g_ptr_array_index (parts, 0), "Rss:"))
        {
          guint64 kb = g_ascii_strtoull (g_ptr_array_index (parts, 1), NULL, 10);
          gpointer old = g_hash_table_lookup (sizes, current);

          g_hash_table_replace (sizes, g_strdup (current), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + kb));
          total += kb;
        }
    }

  names = g_hash_table_get_keys (sizes);
  names = g_list_sort_with_data (names, compare_sizes, sizes);
  g_printerr ("resident at the first frame: %.1f MiB\n", total / 1024.0);
  for (GList *l = names; l != NULL && l->data != NULL; l = l->next)
    {
      gsize kb = GPOINTER_TO_SIZE (g_hash_table_lookup (sizes, l->data));

      if (kb < 1024)
        break;
      g_printerr ("%8.1f MiB  %s\n", kb / 1024.0, (const char *) l->data);
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  double now = jp_bench_now_ms () - bench->start;
  JpPlan *plan;

  if (bench->frame_ms <= 0)
    bench->frame_ms = now;

  /* Until a frame shows the plan (the spinner keeps painting meanwhile). */
  plan = jp_window_get_plan (JP_WINDOW (bench->window));
  if (plan == NULL && now < 60000)
    return;

  bench->plan_frame_ms = now;
  bench->rss_mib = jp_bench_peak_rss_mib ();
  if (g_strcmp0 (g_getenv ("JP_BENCH_SMAPS"), "1") == 0)
    print_smaps ();
  bench->n_items = plan != NULL ? jp_plan_get_n_items (plan) : 0;

  g_clear_signal_handler (&bench->paint_id, clock);
  g_idle_add (quit_cb, bench);
}

static void
on_window_realized_cb (GtkWidget *widget,
                       Bench     *bench)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  bench->clock = gdk_surface_get_frame_clock (surface);
  bench->paint_id = g_signal_connect (bench->clock, "after-paint",
                                      G_CALLBACK (on_after_paint_cb), bench);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    Bench          *bench)
{
  if (bench->window != NULL || !JP_IS_WINDOW (window))
    return;

  bench->window_ms = jp_bench_now_ms () - bench->start;
  bench->window = window;
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realized_cb), bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;
  Bench bench = { 0 };
  int status;

  bench.start = jp_bench_now_ms ();

  /* As main.c does. */
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Work Plan"));

  if (argc < 2 || !g_str_has_prefix (argv[1], "--db="))
    {
      g_printerr ("usage: bench-window --db=FILE [APPLICATION OPTIONS]\n");
      return 2;
    }

  app = jp_application_new ();
  bench.app = G_APPLICATION (app);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &bench);

  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (status != 0 || bench.frame_ms <= 0 || bench.n_items == 0)
    {
      g_printerr ("bench-window: the window painted no frame with a plan (status %d)\n", status);
      return 1;
    }

  printf ("%.1f\t%.1f\t%.1f\t%.1f\t%u\n", bench.window_ms, bench.frame_ms, bench.plan_frame_ms,
          bench.rss_mib, bench.n_items);
  return 0;
}
