/* bench-report: how long the PDF reports take (not a test).
 *
 *   bench-report [--runs=N] [--write=DIR] [--plan=FILE]
 *
 * Times the summary export (build, paginate, write) of the 2023 plan
 * (imported from FILE, default the bundled data/plans/jinfeng-2023.txt,
 * with progress of our own) and of generated plans of 250, 500 and 1,000
 * items, and prints the median of N runs (default 5). Goals: 2023 summary
 * under 300 ms, 1,000 items under 10 s, growing linearly.
 *
 * With --write=DIR it times nothing: it writes the PDFs there (2023
 * summary, a leader's and a unit's report, a 1,000-item summary) for
 * tests/benchmarks/report-pages. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "jp-document-import.h"
#include "jp-model.h"
#include "jp-report.h"

static void
add_entry (JpIndicator *indicator,
           const char  *date,
           double       value)
{
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (date, value);

  jp_indicator_add_progress (indicator, entry);
}

static void
add_update (JpItem     *item,
            const char *date,
            double      completion)
{
  g_autoptr(JpItemUpdate) update = jp_item_update_new (date);

  jp_item_update_set_has_completion (update, TRUE);
  jp_item_update_set_completion (update, completion);
  jp_item_add_update (item, update);
}

/* Progress of our own on every indicator and item: a mix of statuses. */
static void
add_progress (JpPlan     *plan,
              const char *date)
{
  static const double shares[] = { 1.0, 0.75, 0.5, 0.3, 0.15, -1, 1.2, 0.6, 0.45 };
  static const double completions[] = { 60, 30, 10, 100, 45, -1, 80 };
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint n = 0, m = 0;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      guint n_indicators = g_list_model_get_n_items (indicators);

      for (guint k = 0; k < n_indicators; k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);
          double share = shares[n++ % G_N_ELEMENTS (shares)];

          if (share >= 0)
            add_entry (indicator, date, jp_indicator_get_target (indicator) * share);
        }
      if (n_indicators == 0)
        {
          double completion = completions[m++ % G_N_ELEMENTS (completions)];

          if (completion >= 0)
            add_update (item, date, completion);
        }
    }
}

static JpPlan *
load_2023 (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_document_import_file (file, NULL, NULL, &error);

  if (plan == NULL)
    {
      g_printerr ("bench-report: %s\n", error->message);
      exit (1);
    }
  add_progress (plan, "2023-06-30");
  return plan;
}

static void
set_names (JpPlan     *plan,
           JpItem     *item,
           const char *leaders,
           const char *units)
{
  g_auto(GStrv) l = g_strsplit (leaders, " ", -1);
  g_auto(GStrv) u = g_strsplit (units, " ", -1);
  g_autoptr(GPtrArray) la = g_ptr_array_new ();
  g_autoptr(GPtrArray) ua = g_ptr_array_new ();

  for (guint i = 0; l[i] != NULL; i++)
    g_ptr_array_add (la, jp_plan_ensure_leader (plan, l[i]));
  for (guint i = 0; u[i] != NULL; i++)
    g_ptr_array_add (ua, jp_plan_ensure_unit (plan, u[i]));
  jp_item_set_leaders (item, (JpLeader **) la->pdata, la->len);
  jp_item_set_units (item, (JpUnit **) ua->pdata, ua->len);
}

/* @n_items items in 6 sections, 0–3 indicators each (about 1.5 per item,
 * like the 2023 plan's 36 for 17), titles of one to four lines. */
static JpPlan *
generate_plan (guint n_items)
{
  static const char * const ordinals[] = { "一", "二", "三", "四", "五", "六" };
  static const char * const leaders[] = { "张学兵", "高学芳", "马学明", "崔茜", "王立新", "李红梅" };
  static const char * const units[] = {
    "教育党工委", "基教室", "教研室", "学前室", "督导室", "人事室", "信息中心",
    "各中小学校、幼儿园", "财务室", "办公室",
  };
  static const char * const phrases[] = {
    "推进基础教育优质均衡发展", "加强教师队伍建设和师德师风建设",
    "深化教育综合改革，激发办学活力", "提升学校安全管理和后勤保障水平",
  };
  JpPlan *plan = jp_plan_new ("2024年工作要点", 2024);
  guint per_section = (n_items + G_N_ELEMENTS (ordinals) - 1) / G_N_ELEMENTS (ordinals);

  for (guint s = 0; s < G_N_ELEMENTS (ordinals); s++)
    {
      g_autofree char *title = g_strdup_printf ("%s", phrases[s % 4]);
      g_autoptr(JpSection) section = jp_section_new (ordinals[s], title);

      jp_plan_append_section (plan, section);
      for (guint k = 0; k < per_section && s * per_section + k < n_items; k++)
        {
          guint n = s * per_section + k + 1;
          g_autoptr(GString) item_title = g_string_new (NULL);
          g_autoptr(GString) item_leaders = g_string_new (leaders[n % G_N_ELEMENTS (leaders)]);
          g_autoptr(GString) item_units = g_string_new (NULL);
          g_autoptr(JpItem) item = NULL;

          for (guint r = 0; r <= (n * 7) % 4; r++)
            g_string_append (item_title, phrases[(n + r) % 4]);
          if (n % 3 == 0)
            g_string_append_printf (item_leaders, " %s", leaders[(n + 1) % G_N_ELEMENTS (leaders)]);
          for (guint u = 0; u <= n % 4; u++)
            g_string_append_printf (item_units, "%s%s", u > 0 ? " " : "",
                                    units[(n + u * 3) % G_N_ELEMENTS (units)]);

          item = jp_item_new ((int) n, item_title->str);
          jp_section_append_item (section, item);
          set_names (plan, item, item_leaders->str, item_units->str);

          for (guint i = 0; i < n % 4; i++)
            {
              g_autofree char *name = g_strdup_printf ("%s指标%u", phrases[(n + i) % 4], i + 1);
              g_autoptr(JpIndicator) indicator =
                jp_indicator_new (name, JP_INDICATOR_KIND_AT_LEAST, 10 + (n + i) % 90);

              jp_indicator_set_unit (indicator, i == 0 ? "%" : "所");
              jp_item_append_indicator (item, indicator);
            }
        }
    }
  add_progress (plan, "2024-06-30");
  return plan;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Median wall-clock seconds of @runs exports of the summary to @path;
 * @cpu: the median processor time (what a busy shared machine does not
 * inflate). */
static double
time_export (JpPlan     *plan,
             const char *as_of,
             const char *path,
             guint       runs,
             guint      *n_pages,
             double     *cpu)
{
  g_autofree double *times = g_new0 (double, runs);
  g_autofree double *cpu_times = g_new0 (double, runs);
  double median;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();

      if (!jp_report_write_pdf (plan, JP_REPORT_SUMMARY, NULL, as_of, path, NULL, &error))
        {
          g_printerr ("bench-report: %s\n", error->message);
          exit (1);
        }
      times[r] = (g_get_monotonic_time () - start) / 1e6;
      cpu_times[r] = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;
    }
  median = median_of (times, runs);
  if (cpu != NULL)
    *cpu = median_of (cpu_times, runs);

  if (n_pages != NULL)
    {
      g_autoptr(JpReportLayout) layout =
        jp_report_build (plan, JP_REPORT_SUMMARY, NULL, as_of, NULL, NULL);

      *n_pages = jp_report_layout_get_n_pages (layout);
    }
  return median;
}

static void
write_report (JpPlan       *plan,
              JpReportKind  kind,
              const char   *name,
              const char   *as_of,
              const char   *dir,
              const char   *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;

  if (!jp_report_write_pdf (plan, kind, name, as_of, path, NULL, &error))
    {
      g_printerr ("bench-report: %s\n", error->message);
      exit (1);
    }
  g_print ("wrote %s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  static int runs = 5;
  static char *write_dir = NULL;
  static char *plan_path = NULL;
  static const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measure (median)", "N" },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_dir, "Write the PDFs into DIR (no timing)", "DIR" },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &plan_path, "The 2023 plan document", "FILE" },
    { NULL }
  };
  static const guint sizes[] = { 250, 500, 1000 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  double t2023, t_big = 0, cpu;
  guint pages;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 1;
    }
  runs = CLAMP (runs, 1, 100);
  if (plan_path == NULL)
    plan_path = g_strdup (JP_BENCH_PLAN);

  tmp_dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (tmp_dir, "report.pdf", NULL);

  plan = load_2023 (plan_path);

  if (write_dir != NULL)
    {
      g_autoptr(JpPlan) big = generate_plan (1000);

      g_mkdir_with_parents (write_dir, 0755);
      write_report (plan, JP_REPORT_SUMMARY, NULL, "2023-07-01", write_dir, "summary-2023.pdf");
      write_report (plan, JP_REPORT_LEADER, "马学明", "2023-07-01", write_dir, "leader-2023.pdf");
      write_report (plan, JP_REPORT_UNIT, "教研室", "2023-07-01", write_dir, "unit-2023.pdf");
      write_report (big, JP_REPORT_SUMMARY, NULL, "2024-07-01", write_dir, "summary-1000.pdf");
      g_rmdir (tmp_dir);
      return 0;
    }

  /* The first export loads the fonts: not counted. */
  time_export (plan, "2023-07-01", path, 1, NULL, NULL);
  t2023 = time_export (plan, "2023-07-01", path, (guint) runs, &pages, &cpu);
  g_print ("2023 summary (%u items, %u indicators): %.1f ms (cpu %.1f ms), %u pages "
           "(median of %d; goal < 300 ms)\n",
           jp_plan_get_n_items (plan), jp_plan_get_n_indicators (plan), t2023 * 1000,
           cpu * 1000, pages, runs);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(JpPlan) big = generate_plan (sizes[i]);
      guint big_runs = MIN ((guint) runs, sizes[i] >= 1000 ? 3u : 5u);

      t_big = time_export (big, "2024-07-01", path, big_runs, &pages, &cpu);
      g_print ("%u-item summary (%u indicators): %.2f s (cpu %.2f s), %u pages, "
               "%.2f ms per item (median of %u%s)\n",
               sizes[i], jp_plan_get_n_indicators (big), t_big, cpu, pages,
               t_big * 1000 / sizes[i], big_runs,
               sizes[i] == 1000 ? "; goal < 10 s" : "");
    }

  g_unlink (path);
  g_rmdir (tmp_dir);
  return t2023 < 0.3 && t_big < 10 ? 0 : 2;
}
