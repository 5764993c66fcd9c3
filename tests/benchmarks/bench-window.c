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
 *   window_ms  first_frame_ms  peak_rss_mib  items
 *
 * window_ms: from main() to the window existing (the plan loaded, the
 * widgets built); first_frame_ms: from main() to the end of its first
 * painted frame ("after-paint" of its frame clock); peak_rss_mib: the
 * process's peak resident set size then. The dynamic loading before main()
 * is not counted: tests/benchmarks/run also times the whole command. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

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

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  JpPlan *plan;

  bench->frame_ms = jp_bench_now_ms () - bench->start;
  bench->rss_mib = jp_bench_peak_rss_mib ();
  plan = jp_window_get_plan (JP_WINDOW (bench->window));
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
  if (status != 0 || bench.frame_ms <= 0)
    {
      g_printerr ("bench-window: the window painted no frame (status %d)\n", status);
      return 1;
    }

  printf ("%.1f\t%.1f\t%.1f\t%u\n", bench.window_ms, bench.frame_ms, bench.rss_mib, bench.n_items);
  return 0;
}
