/* test-dashboard.c: the 看板 page and the chart views, under Xvfb
 *
 * The 2023 plan (tests/data/jinfeng-2023.txt, imported with the document
 * importer into a temporary store) with progress entries and updates of
 * our own, as of 2023-09-30. The figures the charts hold (their data and
 * the marks of their layouts) are the model's (jp_plan_evaluate,
 * jp_plan_count_item_statuses …); they follow edits made through the store
 * and through the item page's dialog without reopening anything, in one
 * rebuild per burst; a click on a bar selects its section or item in the
 * window; the as-of and leader pickers recompute. Then PNGs of the
 * dashboard and of an item page with its history chart, in zh_CN, go to
 * $JP_SCREENSHOT_DIR (default: a new temporary folder, printed). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>

#include "jp-chart-view.h"
#include "jp-dashboard.h"
#include "jp-progress-dialog.h"
#include "jp-date-picker.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

#define AS_OF "2023-09-30"
#define PLAN_END "2023-12-31"
/* Fixture data: the plan without any progress recorded, at its end. */
#define NOTHING_RECORDED GINT_TO_POINTER (1)
#define EPSILON 1e-9

static JpApplication *app;
static char *out_dir;
static char *work_dir;

/* ---- the data ------------------------------------------------------------ */

/* Progress entries: item number, indicator index, date, value, note. */
static const struct
{
  int         item;
  guint       indicator;
  const char *date;
  double      value;
  const char *note;
} entries[] = {
  { 2, 0, "2023-03-31", 60, "一季度摸底" },
  { 2, 0, "2023-06-30", 78, "上半年评定" },
  { 2, 0, "2023-09-15", 86, "三季度复核" },
  { 2, 1, "2023-06-30", 40, NULL },
  { 2, 1, "2023-09-20", 50, NULL },
  { 2, 2, "2023-06-30", 15, NULL },
  { 2, 2, "2023-09-28", 20, NULL },
  { 2, 3, "2023-09-10", 33, NULL },
  { 5, 0, "2023-08-31", 1, "基地挂牌" },
  { 5, 1, "2023-06-30", 12, NULL },
  { 5, 1, "2023-09-25", 24, NULL },
  { 5, 2, "2023-09-01", 9, NULL },
  { 6, 0, "2023-06-30", 2, "两所学校通过评审" },
  { 7, 0, "2023-09-01", 0.2, "秋季筛查" },
  { 7, 1, "2023-06-30", 2, NULL },
  { 7, 3, "2023-09-10", 9, NULL },
  { 8, 0, "2023-03-31", 800, "一季度培训" },
  { 8, 0, "2023-06-30", 1700, "暑期集中培训前" },
  { 8, 0, "2023-09-20", 2500, "暑期集中培训后" },
  { 8, 1, "2023-09-20", 30, NULL },
  { 8, 2, "2023-06-30", 5000, NULL },
  { 8, 2, "2023-09-30", 9000, "追加投资" },
  { 8, 3, "2023-09-01", 630, "秋季开学" },
  { 9, 0, "2023-09-01", 3, NULL },
  { 9, 1, "2023-06-30", 2.1, NULL },
  { 9, 3, "2023-09-15", 6, NULL },
  { 11, 0, "2023-06-30", 150, NULL },
  { 11, 0, "2023-09-30", 210, NULL },
  { 11, 1, "2023-09-30", 60, NULL },
  { 11, 2, "2023-09-30", 28, NULL },
  { 12, 0, "2023-05-20", 1, NULL },
  { 12, 0, "2023-09-12", 2, NULL },
  { 12, 1, "2023-06-30", 3, NULL },
  { 12, 1, "2023-09-28", 4, NULL },
  { 15, 0, "2023-09-01", 60, NULL },
  { 15, 1, "2023-06-30", 5, NULL },
  { 15, 3, "2023-09-15", 150, NULL },
  { 16, 0, "2023-03-01", 70, NULL },
  { 16, 0, "2023-06-01", 80, NULL },
  { 16, 0, "2023-09-01", 88, "秋季学期统计" },
};

/* Updates with a completion, for the items without targets. */
static const struct
{
  int         item;
  const char *date;
  double      completion;
} updates[] = {
  { 1, "2023-09-25", 80 },
  { 3, "2023-09-20", 60 },
  { 4, "2023-06-30", 70 },
  { 10, "2023-09-28", 100 },
  { 14, "2023-08-15", 85 },
  { 17, "2023-09-01", 40 },
};

static JpIndicator *
indicator_of (JpPlan *plan,
              int     number,
              guint   index)
{
  return jp_test_indicator (plan, number, index);
}

/* The plan document imported into @path, with the entries and updates
 * above; item 14 is due 2023-08-31 (overdue as of 2023-09-30). */
/* The plan document alone, nothing recorded; the store and the plan
 * stay open for the caller when asked. */
static void
make_plain_db (const char  *path,
               JpStore    **store_out,
               JpPlan     **plan_out)
{
  g_autofree char *document = g_build_filename (JP_TEST_DATADIR, "jinfeng-2023.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;

  plan = jp_document_import_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  jp_store_insert_plans (store, &plan, 1, &error);
  g_assert_no_error (error);

  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  if (plan_out != NULL)
    *plan_out = g_steal_pointer (&plan);
}

static void
make_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;

  make_plain_db (path, &store, &plan);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (entries[i].date, entries[i].value);

      if (entries[i].note != NULL)
        jp_progress_entry_set_note (entry, entries[i].note);
      jp_progress_entry_set_author (entry, "高学芳");
      jp_store_add_progress (store, indicator_of (plan, entries[i].item, entries[i].indicator), entry, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autoptr(JpItemUpdate) update = jp_item_update_new (updates[i].date);

      jp_item_update_set_has_completion (update, TRUE);
      jp_item_update_set_completion (update, updates[i].completion);
      jp_item_update_set_note (update, "按计划推进");
      jp_item_update_set_author (update, "张学兵");
      jp_store_add_update (store, jp_plan_find_item_by_number (plan, updates[i].item), update, &error);
      g_assert_no_error (error);
    }

  jp_store_set_string (store, jp_plan_find_item_by_number (plan, 14), "due", "2023-08-31", &error);
  g_assert_no_error (error);
}

/* ---- fixture: a dashboard in a window of its own, on a plan loaded from
 * the store (histories loaded lazily, as in the app) ----------------------- */

typedef struct
{
  char        *dir;
  char        *path;
  JpStore     *store;
  JpPlan      *plan;
  GtkWindow   *window;
  JpDashboard *dashboard;
  GObject     *activated;   /* the last "activate-object" */
  guint        n_activated;
} Fixture;

static void
on_activate_object_cb (Fixture *f,
                       GObject *object)
{
  g_set_object (&f->activated, object);
  f->n_activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = jp_test_make_dir ();
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  if (data == NOTHING_RECORDED)
    make_plain_db (f->path, NULL, NULL);
  else
    make_db (f->path);

  f->store = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->plan = jp_store_load_plan (f->store, jp_store_get_latest_plan_id (f->store, NULL), &error);
  g_assert_no_error (error);

  f->dashboard = g_object_ref_sink (JP_DASHBOARD (jp_dashboard_new ()));
  g_signal_connect_swapped (f->dashboard, "activate-object", G_CALLBACK (on_activate_object_cb), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 900);
  gtk_window_set_child (f->window, GTK_WIDGET (f->dashboard));
  gtk_window_present (f->window);

  jp_dashboard_set_plan (f->dashboard, f->plan);
  jp_dashboard_set_as_of (f->dashboard, data == NOTHING_RECORDED ? PLAN_END : AS_OF);
  jp_test_pump ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  jp_test_pump ();
  g_clear_object (&f->activated);
  g_assert_finalize_object (f->dashboard);
  g_clear_object (&f->plan);
  g_clear_object (&f->store);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static JpChartView *
chart (JpDashboard *dashboard,
       const char  *id)
{
  GtkWidget *widget = jp_test_get (GTK_WIDGET (dashboard), id);

  g_assert_true (JP_IS_CHART_VIEW (widget));
  return JP_CHART_VIEW (widget);
}

/* The layout the view painted: allocated, not the empty state. */
static JpChartLayout *
layout_of (JpChartView *view)
{
  JpChartLayout *layout = jp_chart_view_get_layout (view);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_nonnull (layout);
  g_assert_cmpfloat (jp_chart_layout_get_width (layout), ==, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (jp_chart_layout_get_height (layout), ==, gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_false (jp_chart_layout_is_empty (layout));

  return layout;
}

/* Clicks the middle of the hit area of data row @index. */
static gboolean
click_row (JpChartView *view,
           int          index)
{
  JpChartLayout *layout = layout_of (view);
  const JpChartMark *mark = jp_chart_layout_find_full (layout, JP_CHART_ROLE_HIT, index, -1);

  if (mark == NULL)
    mark = jp_chart_layout_find (layout, JP_CHART_ROLE_HIT, index);
  if (mark == NULL)
    g_error ("No hit area for row %d", index);

  return jp_chart_view_activate_at (view,
                                    mark->bounds.x + mark->bounds.width / 2,
                                    mark->bounds.y + mark->bounds.height / 2);
}

/* A key press as the view's key controller receives it. */
static gboolean
press_key (JpChartView *view,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* The rows of the behind-and-overdue list: their items, in order. */
static GPtrArray *
dup_attention_items (JpDashboard *dashboard)
{
  GtkWidget *list = jp_test_get (GTK_WIDGET (dashboard), "attention_list");
  GPtrArray *items = g_ptr_array_new ();
  GtkListBoxRow *row;

  if (!gtk_widget_get_visible (list))
    return items;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      JpItem *item = g_object_get_data (G_OBJECT (row), "jp-item");

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  return items;
}

/* A percentage as the charts print it: whole from 10% up, else one
 * decimal (the tooltips give the exact figure). */
static char *
chart_percent (double ratio)
{
  double percent = ratio * 100;

  percent = fabs (percent) >= 10 ? round (percent) : round (percent * 10) / 10;
  return jp_format_percent (percent / 100);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static JpStatus
item_status (JpItem     *item,
             const char *as_of)
{
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);
  return progress.status;
}

/* The items of @leader (NULL: all), in plan order. */
static GPtrArray *
dup_leader_items (JpPlan   *plan,
                  JpLeader *leader)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    if (leader == NULL || jp_item_has_leader (g_ptr_array_index (items, i), leader))
      g_ptr_array_add (picked, g_object_ref (g_ptr_array_index (items, i)));

  return picked;
}

/* Every figure on the dashboard is the model's, as of @as_of, for the
 * picked @leader (NULL: everyone): the headline, the status breakdown,
 * the trend and the sections over the leader's items only. */
static void
check_figures (JpDashboard *dashboard,
               JpPlan      *plan,
               const char  *as_of,
               JpLeader    *leader)
{
  JpChartView *overall = chart (dashboard, "overall_chart");
  JpChartView *status = chart (dashboard, "status_chart");
  JpChartView *trend = chart (dashboard, "trend_chart");
  JpChartView *sections = chart (dashboard, "sections_chart");
  JpChartView *leaders = chart (dashboard, "leaders_chart");
  JpChartView *units = chart (dashboard, "units_chart");
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) picked = dup_leader_items (plan, leader);
  g_autoptr(GPtrArray) attention = dup_attention_items (dashboard);
  g_autoptr(GPtrArray) expected_attention = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *date = NULL;
  g_autofree char *mean = NULL;
  const JpGaugeData *gauge;
  const JpBreakdownData *breakdown;
  const JpBarsData *bars;
  const JpGroupsData *groups;
  const JpTrendData *trend_data;
  JpChartLayout *layout;
  GListModel *sections_list = jp_plan_get_sections (plan);
  const char *caption;
  guint counts[JP_N_STATUSES] = { 0, };
  guint row_index = 0;
  JpProgress progress;

  g_assert_cmpstr (jp_dashboard_get_as_of (dashboard), ==, as_of);
  g_assert_true (jp_dashboard_get_leader (dashboard) == leader);

  /* The headline: the picked items' mean, in % of 100, and its sentence. */
  jp_items_evaluate (plan, picked, as_of, &progress);
  gauge = jp_chart_data_get_gauge (jp_chart_view_get_data (overall));
  g_assert_nonnull (gauge);
  g_assert_cmpfloat_with_epsilon (gauge->value, progress.p * 100, EPSILON);
  g_assert_cmpfloat_with_epsilon (gauge->ratio, progress.p, EPSILON);
  g_assert_cmpfloat_with_epsilon (gauge->expected, progress.expected, EPSILON);
  g_assert_cmpint (gauge->status, ==, progress.status);
  layout = layout_of (overall);
  g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_BAR), >=, 1);
  g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, -1));
  caption = gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dashboard), "overall_caption")));
  {
    g_autofree char *p_text = jp_format_percent (progress.p);
    g_autofree char *e_text = jp_format_percent (progress.expected);
    g_autofree char *day = jp_date_format_display (as_of);

    if (leader != NULL)
      mean = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The mean progress of the %u work point of %s is %s, against %s expected by %s.",
                                           "The mean progress of the %u work points of %s is %s, against %s expected by %s.",
                                           picked->len),
                              picked->len, jp_leader_get_name (leader), p_text, e_text, day);
    else
      mean = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The mean progress of the %u work point is %s, against %s expected by %s.",
                                           "The mean progress of the %u work points is %s, against %s expected by %s.",
                                           picked->len),
                              picked->len, p_text, e_text, day);
    g_assert_cmpstr (caption, ==, mean);
  }
  if (leader == NULL)
    {
      /* The plan's figures: the same as jp_plan_evaluate(). */
      JpProgress plan_progress;

      jp_plan_evaluate (plan, as_of, &plan_progress);
      g_assert_cmpfloat_with_epsilon (gauge->ratio, plan_progress.p, EPSILON);
    }

  /* Items by status (the picked leader's only). */
  jp_items_count_statuses (picked, as_of, counts);
  breakdown = jp_chart_data_get_breakdown (jp_chart_view_get_data (status));
  g_assert_nonnull (breakdown);
  layout = layout_of (status);
  for (guint s = 0; s < JP_N_STATUSES; s++)
    {
      g_assert_cmpuint (breakdown->counts[s], ==, counts[s]);
      /* A segment for each status that has items, none for the others. */
      g_assert_true ((jp_chart_layout_find_full (layout, JP_CHART_ROLE_SEGMENT, -1, (int) s) != NULL) ==
                     (counts[s] > 0));
    }

  /* Trend: the picked items' figures at as-of last. */
  trend_data = jp_chart_data_get_trend (jp_chart_view_get_data (trend));
  g_assert_nonnull (trend_data);
  g_assert_cmpuint (trend_data->points->len, >, 0);
  {
    const JpTrendPoint *last = g_ptr_array_index (trend_data->points, trend_data->points->len - 1);

    g_assert_cmpstr (last->date, ==, as_of);
    g_assert_cmpfloat_with_epsilon (last->actual, progress.p, EPSILON);
    g_assert_cmpfloat_with_epsilon (last->expected, progress.expected, EPSILON);
  }
  layout = layout_of (trend);
  g_assert_cmpuint (jp_chart_layout_count (layout, JP_CHART_ROLE_POINT), ==, trend_data->points->len);

  /* Sections: the mean progress and status of their picked items, a
   * bar, a label and an expected tick each; none for a section without
   * picked items. */
  bars = jp_chart_data_get_bars (jp_chart_view_get_data (sections));
  g_assert_nonnull (bars);
  layout = layout_of (sections);
  for (guint i = 0; i < g_list_model_get_n_items (sections_list); i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections_list, i);
      g_autoptr(GPtrArray) in_section = g_ptr_array_new ();
      const JpBarsRow *row;
      g_autofree char *row_percent = NULL;

      for (guint k = 0; k < picked->len; k++)
        if (jp_item_get_section (g_ptr_array_index (picked, k)) == section)
          g_ptr_array_add (in_section, g_ptr_array_index (picked, k));
      if (in_section->len == 0)
        continue;

      g_assert_cmpuint (row_index, <, bars->rows->len);
      row = g_ptr_array_index (bars->rows, row_index);
      jp_items_evaluate (plan, in_section, as_of, &progress);
      g_assert_true (row->object == G_OBJECT (section));
      g_assert_cmpfloat_with_epsilon (row->ratio, progress.ratio, EPSILON);
      g_assert_cmpfloat_with_epsilon (row->expected, progress.expected, EPSILON);
      g_assert_cmpint (row->status, ==, progress.status);
      if (leader == NULL)
        {
          JpProgress section_progress;

          jp_section_evaluate (section, as_of, &section_progress);
          g_assert_cmpfloat_with_epsilon (row->ratio, section_progress.ratio, EPSILON);
        }
      g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_HIT, (int) row_index));
      g_assert_nonnull (jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, (int) row_index));
      row_percent = chart_percent (progress.ratio);
      g_assert_nonnull (jp_chart_layout_find_text (layout, row_percent));
      row_index++;
    }
  g_assert_cmpuint (bars->rows->len, ==, row_index);

  /* Leaders: their items by status; the picked one highlighted. */
  groups = jp_chart_data_get_groups (jp_chart_view_get_data (leaders));
  g_assert_nonnull (groups);
  g_assert_cmpuint (groups->rows->len, >, 0);
  layout_of (leaders);
  for (guint r = 0; r < groups->rows->len; r++)
    {
      const JpGroupsRow *row = g_ptr_array_index (groups->rows, r);
      guint expected[JP_N_STATUSES] = { 0, };

      g_assert_true (JP_IS_LEADER (row->object));
      g_assert_cmpstr (row->label, ==, jp_leader_get_name (JP_LEADER (row->object)));
      for (guint i = 0; i < items->len; i++)
        if (jp_item_has_leader (g_ptr_array_index (items, i), JP_LEADER (row->object)))
          expected[item_status (g_ptr_array_index (items, i), as_of)]++;
      for (guint s = 0; s < JP_N_STATUSES; s++)
        g_assert_cmpuint (row->counts[s], ==, expected[s]);
      g_assert_true ((row->object == G_OBJECT (leader)) == (groups->highlight == (int) r));
    }
  if (leader == NULL)
    g_assert_cmpint (groups->highlight, ==, -1);

  /* Units: the picked leader's items of each unit, by status; only the
   * units that have some. */
  groups = jp_chart_data_get_groups (jp_chart_view_get_data (units));
  g_assert_nonnull (groups);
  layout_of (units);
  {
    GListModel *all_units = jp_plan_get_units (plan);
    guint n_units = 0;

    for (guint u = 0; u < g_list_model_get_n_items (all_units); u++)
      {
        g_autoptr(JpUnit) unit = g_list_model_get_item (all_units, u);
        guint expected[JP_N_STATUSES] = { 0, };
        guint total = 0;
        const JpGroupsRow *row;

        for (guint i = 0; i < picked->len; i++)
          if (jp_item_has_unit (g_ptr_array_index (picked, i), unit))
            {
              expected[item_status (g_ptr_array_index (picked, i), as_of)]++;
              total++;
            }
        if (total == 0)
          continue;

        g_assert_cmpuint (n_units, <, groups->rows->len);
        row = g_ptr_array_index (groups->rows, n_units++);
        g_assert_true (row->object == G_OBJECT (unit));
        g_assert_cmpuint (jp_groups_row_get_total (row), ==, total);
        for (guint s = 0; s < JP_N_STATUSES; s++)
          g_assert_cmpuint (row->counts[s], ==, expected[s]);
      }
    g_assert_cmpuint (groups->rows->len, ==, n_units);
  }

  /* Needs attention: the model's list of the picked items, in its order
   * (overdue, no report, behind, at risk; then by gap). */
  expected_attention = jp_items_dup_attention (picked, as_of);
  g_assert_cmpuint (attention->len, ==, MIN (expected_attention->len, 50));
  for (guint i = 0; i < attention->len; i++)
    {
      g_assert_true (g_ptr_array_index (attention, i) == g_ptr_array_index (expected_attention, i));
      g_assert_true (jp_status_needs_attention (item_status (g_ptr_array_index (attention, i), as_of)));
    }

  /* The as-of button says the date. */
  date = jp_date_format_display (as_of);
  percent = g_strdup_printf (_("As of %s"), date);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dashboard), "as_of_label"))), ==,
                   percent);
}

/* ---- tests ------------------------------------------------------------------ */

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  guint counts[JP_N_STATUSES];
  JpItem *overdue = jp_plan_find_item_by_number (f->plan, 14);
  g_autoptr(GPtrArray) attention = NULL;

  check_figures (f->dashboard, f->plan, AS_OF, NULL);

  /* The data set gives every status something to show, except "not
   * started": by September something is expected of everything, and
   * silence is "no report". */
  jp_plan_count_item_statuses (f->plan, AS_OF, counts);
  for (guint s = 0; s < JP_N_STATUSES; s++)
    if (s != JP_STATUS_NOT_STARTED)
      g_assert_cmpuint (counts[s], >, 0);
  g_assert_cmpuint (counts[JP_STATUS_NOT_STARTED], ==, 0);

  /* The overdue item comes first in the list. */
  attention = dup_attention_items (f->dashboard);
  g_assert_cmpuint (attention->len, >=, 2);
  g_assert_true (g_ptr_array_index (attention, 0) == overdue);
  g_assert_cmpint (item_status (overdue, AS_OF), ==, JP_STATUS_OVERDUE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (jp_test_get (GTK_WIDGET (f->dashboard), "stack"))),
                   ==, "content");
}

static void
test_tooltips (Fixture       *f,
               gconstpointer  data)
{
  JpChartView *sections = chart (f->dashboard, "sections_chart");
  JpChartView *status = chart (f->dashboard, "status_chart");
  JpChartView *leaders = chart (f->dashboard, "leaders_chart");
  JpChartLayout *layout = layout_of (sections);
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (f->plan), 2);
  const JpChartMark *mark = jp_chart_layout_find (layout, JP_CHART_ROLE_HIT, 2);
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *count = NULL;
  guint counts[JP_N_STATUSES];
  JpProgress progress;

  /* A section bar: its title and exact completion. */
  jp_section_evaluate (section, AS_OF, &progress);
  percent = jp_format_percent (progress.ratio);
  text = jp_chart_view_dup_tooltip_at (sections, mark->bounds.x + mark->bounds.width / 2,
                                       mark->bounds.y + mark->bounds.height / 2);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, jp_section_get_title (section)));
  g_assert_nonnull (strstr (text, percent));
  g_assert_nonnull (strstr (text, jp_status_get_label (progress.status)));
  /* and what is expected by now, where the tick is. */
  {
    g_autofree char *expected = jp_format_percent (progress.expected);
    g_autofree char *line = g_strdup_printf (_("Expected by now: %s"), expected);
    const JpChartMark *tick = jp_chart_layout_find (layout, JP_CHART_ROLE_EXPECTED, 2);
    JpChartRect plot = jp_chart_layout_get_plot (layout);

    g_assert_nonnull (strstr (text, line));
    g_assert_nonnull (tick);
    g_assert_cmpfloat_with_epsilon (tick->x0, plot.x + progress.expected * plot.width, 1e-6);
    /* The tick lies in the bar's hit area. */
    g_assert_true (jp_chart_layout_hit_test (layout, tick->x0, (tick->y0 + tick->y1) / 2)->index == 2);
  }

  /* A status segment: the count. */
  jp_plan_count_item_statuses (f->plan, AS_OF, counts);
  mark = jp_chart_layout_find_full (layout_of (status), JP_CHART_ROLE_HIT, -1, JP_STATUS_ON_TRACK);
  g_assert_nonnull (mark);
  g_clear_pointer (&text, g_free);
  text = jp_chart_view_dup_tooltip_at (status, mark->bounds.x + mark->bounds.width / 2,
                                       mark->bounds.y + mark->bounds.height / 2);
  g_assert_nonnull (text);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u work point", "%u of %u work points",
                                        jp_plan_get_n_items (f->plan)),
                           counts[JP_STATUS_ON_TRACK], jp_plan_get_n_items (f->plan));
  g_assert_nonnull (strstr (text, count));
  g_assert_nonnull (strstr (text, jp_status_get_label (JP_STATUS_ON_TRACK)));

  /* A leader's row: the name. */
  mark = jp_chart_layout_find (layout_of (leaders), JP_CHART_ROLE_HIT, 0);
  g_clear_pointer (&text, g_free);
  text = jp_chart_view_dup_tooltip_at (leaders, mark->bounds.x + 2, mark->bounds.y + mark->bounds.height / 2);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, ((JpGroupsRow *) g_ptr_array_index (jp_chart_data_get_groups (jp_chart_view_get_data (leaders))->rows, 0))->label));

  /* Nothing under the pointer far outside the marks. */
  g_clear_pointer (&text, g_free);
  text = jp_chart_view_dup_tooltip_at (sections, -10, -10);
  g_assert_null (text);

  /* Screen readers get the figures too. */
  g_assert_nonnull (strstr (jp_chart_view_get_description (sections), jp_section_get_title (section)));
  g_assert_nonnull (strstr (jp_chart_view_get_description (sections), percent));
}

/* Edits through the store, as the item page and the dialogs make them,
 * change the figures without reopening anything, in one rebuild. */
static void
test_live_update (Fixture       *f,
                  gconstpointer  data)
{
  JpChartView *overall = chart (f->dashboard, "overall_chart");
  JpChartView *sections = chart (f->dashboard, "sections_chart");
  JpItem *item9 = jp_plan_find_item_by_number (f->plan, 9);
  JpIndicator *places = indicator_of (f->plan, 9, 2);     /* 新增学位 6300 个: no entry yet */
  JpIndicator *projects = indicator_of (f->plan, 9, 0);   /* 5 个项目: 3 */
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-09-29", 6300);
  g_autoptr(GPtrArray) attention = NULL;
  g_autoptr(GError) error = NULL;
  JpChartData *before_overall = jp_chart_view_get_data (overall);
  double before_value = jp_chart_data_get_gauge (before_overall)->value;
  guint n_overall = 0, n_sections = 0;
  guint before[JP_N_STATUSES];

  jp_plan_count_item_statuses (f->plan, AS_OF, before);
  g_assert_cmpint (item_status (item9, AS_OF), ==, JP_STATUS_BEHIND);
  attention = dup_attention_items (f->dashboard);
  g_assert_true (g_ptr_array_find (attention, item9, NULL));
  g_clear_pointer (&attention, g_ptr_array_unref);

  g_signal_connect_swapped (overall, "notify::data", G_CALLBACK (count_cb), &n_overall);
  g_signal_connect_swapped (sections, "notify::data", G_CALLBACK (count_cb), &n_sections);

  /* A burst of three edits. */
  jp_store_add_progress (f->store, places, entry, &error);
  g_assert_no_error (error);
  jp_store_set_double (f->store, jp_indicator_get_latest (projects), "value", 5, &error);
  g_assert_no_error (error);
  jp_store_set_string (f->store, item9, "title", "加快义务教育优质均衡发展（调整）", &error);
  g_assert_no_error (error);

  /* Nothing rebuilt yet: one idle for the burst. */
  g_assert_cmpuint (n_overall, ==, 0);
  jp_test_pump ();
  g_assert_cmpuint (n_overall, ==, 1);
  g_assert_cmpuint (n_sections, ==, 1);

  check_figures (f->dashboard, f->plan, AS_OF, NULL);
  g_assert_cmpfloat (jp_chart_data_get_gauge (jp_chart_view_get_data (overall))->value, >, before_value);

  /* Item 9 caught up: no longer behind, gone from the list. */
  g_assert_cmpint (item_status (item9, AS_OF), ==, JP_STATUS_ON_TRACK);
  g_assert_cmpuint (jp_chart_data_get_breakdown (jp_chart_view_get_data (chart (f->dashboard, "status_chart")))->counts[JP_STATUS_BEHIND],
                    ==, before[JP_STATUS_BEHIND] - 1);
  attention = dup_attention_items (f->dashboard);
  g_assert_false (g_ptr_array_find (attention, item9, NULL));

  /* Removing the entry again: back to behind. */
  jp_store_remove_progress (f->store, places, entry, &error);
  g_assert_no_error (error);
  jp_test_pump ();
  g_assert_cmpuint (n_overall, ==, 2);
  check_figures (f->dashboard, f->plan, AS_OF, NULL);
  g_assert_cmpint (item_status (item9, AS_OF), !=, JP_STATUS_ON_TRACK);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  JpChartView *sections = chart (f->dashboard, "sections_chart");
  JpChartView *leaders = chart (f->dashboard, "leaders_chart");
  JpChartView *person = chart (f->dashboard, "person_chart");
  JpChartView *overall = chart (f->dashboard, "overall_chart");
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (f->plan), 3);
  const JpGroupsData *groups = jp_chart_data_get_groups (jp_chart_view_get_data (leaders));
  const JpBarsData *bars;
  g_autoptr(GPtrArray) attention = NULL;
  JpLeader *leader = NULL;
  int leader_row = -1;
  GtkListBoxRow *row;

  /* A section bar. */
  g_assert_true (click_row (sections, 3));
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_true (f->activated == G_OBJECT (section));

  /* The gauge goes nowhere. */
  g_assert_false (click_row (overall, 0));
  g_assert_cmpuint (f->n_activated, ==, 1);

  /* A leader's bar picks that leader: their items appear. */
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->dashboard), "person_group")));
  for (guint r = 0; r < groups->rows->len; r++)
    {
      const JpGroupsRow *group = g_ptr_array_index (groups->rows, r);

      if (g_strcmp0 (group->label, "崔茜") == 0)
        {
          leader = JP_LEADER (group->object);
          leader_row = (int) r;
        }
    }
  g_assert_nonnull (leader);
  g_assert_true (click_row (leaders, leader_row));
  jp_test_pump ();
  g_assert_true (jp_dashboard_get_leader (f->dashboard) == leader);
  g_assert_cmpuint (f->n_activated, ==, 1);
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->dashboard), "person_group")));
  check_figures (f->dashboard, f->plan, AS_OF, leader);

  bars = jp_chart_data_get_bars (jp_chart_view_get_data (person));
  g_assert_nonnull (bars);
  g_assert_cmpuint (bars->rows->len, ==, 4); /* items 8, 9, 11, 13 */
  for (guint i = 0; i < bars->rows->len; i++)
    g_assert_true (jp_item_has_leader (JP_ITEM (((JpBarsRow *) g_ptr_array_index (bars->rows, i))->object), leader));

  /* An item bar of theirs. */
  g_assert_true (click_row (person, 1));
  g_assert_cmpuint (f->n_activated, ==, 2);
  g_assert_true (f->activated == ((JpBarsRow *) g_ptr_array_index (bars->rows, 1))->object);
  g_assert_true (JP_IS_ITEM (f->activated));

  /* A row of the list. */
  attention = dup_attention_items (f->dashboard);
  g_assert_cmpuint (attention->len, >, 0);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (jp_test_get (GTK_WIDGET (f->dashboard), "attention_list")), 0);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (f->n_activated, ==, 3);
  g_assert_true (f->activated == g_ptr_array_index (attention, 0));

  /* Keyboard: the chart is focusable, arrows choose a bar, Enter goes. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (sections)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (overall)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (sections)));
  jp_test_pump ();
  g_assert_true (press_key (sections, GDK_KEY_Home));
  press_key (sections, GDK_KEY_Down);
  press_key (sections, GDK_KEY_Down);
  g_assert_true (press_key (sections, GDK_KEY_Return));
  g_assert_cmpuint (f->n_activated, ==, 4);
  /* The sections of the picked leader's items only. */
  bars = jp_chart_data_get_bars (jp_chart_view_get_data (sections));
  g_assert_cmpuint (bars->rows->len, >=, 3);
  g_assert_cmpuint (bars->rows->len, <, g_list_model_get_n_items (jp_plan_get_sections (f->plan)));
  g_assert_true (f->activated == ((JpBarsRow *) g_ptr_array_index (bars->rows, 2))->object);
  g_assert_true (JP_IS_SECTION (f->activated));
  press_key (sections, GDK_KEY_End);
  g_assert_true (press_key (sections, GDK_KEY_space));
  g_assert_true (f->activated == ((JpBarsRow *) g_ptr_array_index (bars->rows, bars->rows->len - 1))->object);
  /* The gauge takes no keys. */
  g_assert_false (press_key (overall, GDK_KEY_Return));
  g_assert_cmpuint (f->n_activated, ==, 5);
}

static void
test_leader_picker (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (jp_test_get (GTK_WIDGET (f->dashboard), "leader_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);
  JpLeader *leader = jp_plan_find_leader (f->plan, "马学明");
  guint n_notify = 0;
  guint position = GTK_INVALID_LIST_POSITION;

  /* "All leaders" and every leader of the plan. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==,
                    1 + g_list_model_get_n_items (jp_plan_get_leaders (f->plan)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  for (guint i = 1; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "马学明") == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  g_signal_connect_swapped (f->dashboard, "notify::leader", G_CALLBACK (count_cb), &n_notify);
  gtk_drop_down_set_selected (dropdown, position);
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (jp_dashboard_get_leader (f->dashboard) == leader);
  check_figures (f->dashboard, f->plan, AS_OF, leader);

  /* A rename keeps the leader picked, under the new name. */
  {
    g_autoptr(GError) error = NULL;

    jp_store_set_string (f->store, leader, "name", "马学明（副局长）", &error);
    g_assert_no_error (error);
    jp_test_pump ();
    g_assert_true (jp_dashboard_get_leader (f->dashboard) == leader);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), gtk_drop_down_get_selected (dropdown)),
                     ==, "马学明（副局长）");
    check_figures (f->dashboard, f->plan, AS_OF, leader);
  }

  /* Back to everyone. */
  gtk_drop_down_set_selected (dropdown, 0);
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_null (jp_dashboard_get_leader (f->dashboard));
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->dashboard), "person_group")));
  check_figures (f->dashboard, f->plan, AS_OF, NULL);
}

static void
test_as_of_picker (Fixture       *f,
                   gconstpointer  data)
{
  JpDatePicker *picker = JP_DATE_PICKER (jp_test_get (GTK_WIDGET (f->dashboard), "as_of_picker"));
  GtkWidget *button = jp_test_get (GTK_WIDGET (f->dashboard), "default_date_button");
  g_autofree char *default_as_of = jp_plan_dup_default_as_of (f->plan);
  guint n_notify = 0;
  double value_september = jp_chart_data_get_gauge (jp_chart_view_get_data (chart (f->dashboard, "overall_chart")))->value;

  g_signal_connect_swapped (f->dashboard, "notify::as-of", G_CALLBACK (count_cb), &n_notify);

  /* The user picks a day (typed into the date picker, as people write
   * it). */
  gtk_editable_set_text (GTK_EDITABLE (jp_date_picker_get_entry (picker)), "2023年6月30日");
  g_signal_emit_by_name (jp_date_picker_get_entry (picker), "activate");
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 1);
  check_figures (f->dashboard, f->plan, "2023-06-30", NULL);
  g_assert_cmpfloat (jp_chart_data_get_gauge (jp_chart_view_get_data (chart (f->dashboard, "overall_chart")))->value,
                     <, value_september);

  /* Back to the default: min(today, plan end). */
  g_signal_emit_by_name (button, "clicked");
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 2);
  check_figures (f->dashboard, f->plan, default_as_of, NULL);

  /* The same date again changes nothing. */
  jp_dashboard_set_as_of (f->dashboard, default_as_of);
  g_assert_cmpuint (n_notify, ==, 2);
}

static void
test_empty (void)
{
  JpDashboard *dashboard = g_object_ref_sink (JP_DASHBOARD (jp_dashboard_new ()));
  GtkStack *stack = GTK_STACK (jp_test_get (GTK_WIDGET (dashboard), "stack"));
  g_autoptr(JpPlan) plan = jp_plan_new ("空计划", 2024);
  g_autoptr(JpSection) section = jp_section_new ("一", "党建");
  g_autoptr(JpItem) item = jp_item_new (1, "学习");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, GTK_WIDGET (dashboard));
  gtk_window_present (window);
  jp_test_pump ();

  /* No plan. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (jp_dashboard_get_as_of (dashboard));
  g_assert_null (jp_chart_view_get_data (chart (dashboard, "sections_chart")));

  /* A plan without items: still the empty state, another message. */
  jp_dashboard_set_plan (dashboard, plan);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dashboard), "empty_buttons")));
  {
    g_autofree char *as_of = jp_plan_dup_default_as_of (plan);

    g_assert_cmpstr (jp_dashboard_get_as_of (dashboard), ==, as_of);
  }

  /* An item arrives (items-changed of the sections): the charts. */
  jp_section_append_item (section, item);
  jp_plan_append_section (plan, section);
  jp_test_pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  g_assert_nonnull (jp_chart_view_get_data (chart (dashboard, "sections_chart")));

  /* Not on screen, it waits; shown again, it catches up. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  jp_test_pump ();
  jp_plan_set_title (plan, "空计划（修订）");
  jp_test_pump ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dashboard), "plan_title_label"))), ==, "空计划");
  gtk_window_present (window);
  jp_test_pump ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dashboard), "plan_title_label"))), ==,
                   "空计划（修订）");

  jp_dashboard_set_plan (dashboard, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dashboard), "empty_buttons")));

  gtk_window_destroy (window);
  jp_test_pump ();
  g_assert_finalize_object (dashboard);
}

/* The charts follow the light and dark styles. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  JpChartView *sections = chart (f->dashboard, "sections_chart");
  const JpChartStyle *style = jp_chart_view_get_style (sections);
  JpChartRgba light = style->foreground;

  g_assert_false (style->dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  jp_test_pump ();
  style = jp_chart_view_get_style (sections);
  g_assert_true (style->dark);
  g_assert_cmpfloat (style->foreground.red, >, light.red + 0.5);
  /* Laid out again in the new colours. */
  g_assert_cmpfloat (jp_chart_layout_find (layout_of (sections), JP_CHART_ROLE_TRACK, -1)->fill.red, >, 0.5);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  jp_test_pump ();
  style = jp_chart_view_get_style (sections);
  g_assert_false (style->dark);
  g_assert_cmpfloat_with_epsilon (style->foreground.red, light.red, 1e-6);
}

/* ---- the window -------------------------------------------------------------- */

typedef struct
{
  char     *dir;
  char     *path;
  JpWindow *window;
  JpPlan   *plan; /* borrowed from the window */
} WindowFixture;

static void
window_set_up (WindowFixture *f,
               gconstpointer  data)
{
  f->dir = jp_test_make_dir ();
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  make_db (f->path);
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  f->plan = jp_window_get_plan (f->window);
  g_assert_nonnull (f->plan);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_test_pump ();
  g_assert_true (jp_dashboard_get_plan (f->window->dashboard) == f->plan);
  jp_dashboard_set_as_of (f->window->dashboard, AS_OF);
  jp_test_pump ();
}

static void
window_tear_down (WindowFixture *f,
                  gconstpointer  data)
{
  jp_test_close_window (f->window);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_window_select (WindowFixture *f,
                    gconstpointer  data)
{
  JpDashboard *dashboard = f->window->dashboard;
  JpLeader *leader = jp_plan_find_leader (f->plan, "崔茜");
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (f->plan), 4);
  const JpBarsData *bars;
  JpItem *item;

  /* A section bar selects the section in the plan view. */
  g_assert_true (click_row (chart (dashboard, "sections_chart"), 4));
  jp_test_pump ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "plan");
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (section));

  /* A bar of a leader's item selects the item; the item page shows it. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_dashboard_set_leader (dashboard, leader);
  jp_test_pump ();
  bars = jp_chart_data_get_bars (jp_chart_view_get_data (chart (dashboard, "person_chart")));
  item = JP_ITEM (((JpBarsRow *) g_ptr_array_index (bars->rows, 2))->object);
  g_assert_true (click_row (chart (dashboard, "person_chart"), 2));
  jp_test_pump ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "plan");
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (item));
  g_assert_true (jp_item_page_get_item (f->window->item_page) == item);

  /* Also when a search hides it: the filters are cleared. (Everyone's
   * sections again: the leader's show only theirs.) */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_dashboard_set_leader (dashboard, NULL);
  g_object_set (f->window, "search-mode", TRUE, NULL);
  jp_test_set_text (GTK_WIDGET (f->window), "search_entry", "没有这样的工作要点");
  /* The entry tells the filter after a delay. */
  for (guint i = 0; i < 50 && g_strcmp0 (jp_plan_filter_get_text (jp_plan_tree_get_filter (f->window->plan_tree)),
                                         "没有这样的工作要点") != 0; i++)
    jp_test_pump ();
  g_assert_true (jp_plan_filter_is_active (jp_plan_tree_get_filter (f->window->plan_tree)));
  g_assert_true (click_row (chart (dashboard, "sections_chart"), 4));
  jp_test_pump ();
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (section));
}

/* A value recorded through the item page's dialog changes the dashboard. */
static void
test_window_record (WindowFixture *f,
                    gconstpointer  data)
{
  JpDashboard *dashboard = f->window->dashboard;
  JpItem *item = jp_plan_find_item_by_number (f->plan, 15);
  JpIndicator *indicator = indicator_of (f->plan, 15, 2); /* 45 个名师工作室: nothing yet */
  double before = jp_chart_data_get_gauge (jp_chart_view_get_data (chart (dashboard, "overall_chart")))->value;
  guint n_rebuilt = 0;
  GtkWidget *dialog;

  g_assert_cmpint (item_status (item, AS_OF), ==, JP_STATUS_BEHIND);
  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "plan");
  jp_test_pump ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (dashboard)));
  g_signal_connect_swapped (chart (dashboard, "overall_chart"), "notify::data", G_CALLBACK (count_cb), &n_rebuilt);

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.record-progress",
                                                     g_variant_new_int64 (jp_indicator_get_id (indicator))));
  jp_test_pump ();
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  g_assert_true (JP_IS_PROGRESS_DIALOG (dialog));
  jp_test_set_text (dialog, "date_row", "2023-09-26");
  jp_test_set_text (dialog, "value_row", "45");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));

  /* The dashboard, not on screen, waits; shown again, it has followed. */
  g_assert_cmpint (item_status (item, AS_OF), !=, JP_STATUS_BEHIND);
  g_assert_cmpuint (n_rebuilt, ==, 0);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_test_pump ();
  g_assert_cmpuint (n_rebuilt, ==, 1);
  g_assert_cmpfloat (jp_chart_data_get_gauge (jp_chart_view_get_data (chart (dashboard, "overall_chart")))->value,
                     >, before);
  check_figures (dashboard, f->plan, AS_OF, NULL);
}

/* ---- screenshots --------------------------------------------------------------- */

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  /* A widget has no render node between a relayout and its next frame:
   * wait for the frame (bounded) rather than snapshot nothing. */
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        break;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_test_message ("screenshot: %s", path);
  g_printerr ("screenshot: %s\n", path);
}

static void
test_screenshots (WindowFixture *f,
                  gconstpointer  data)
{
  JpDashboard *dashboard = f->window->dashboard;
  GtkWidget *scroller = jp_test_get (GTK_WIDGET (dashboard), "scroller");
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  JpItem *item = jp_plan_find_item_by_number (f->plan, 8);

  /* Chinese, from the build's translations. */
  g_assert_cmpstr (_("Needs Attention"), !=, "Needs Attention");

  save_png (GTK_WIDGET (f->window), "dashboard.png");

  /* The database too, for a look at the real application
   * (jinfeng-plan --db=…) when the PNGs are kept. */
  if (g_strcmp0 (out_dir, work_dir) != 0)
    {
      g_autofree char *copy = g_build_filename (out_dir, "dashboard.db", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (f->path);
      g_autoptr(GFile) target = g_file_new_for_path (copy);
      g_autoptr(GError) error = NULL;

      g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  /* The sections and the leaders. */
  {
    GtkWidget *sections = jp_test_get (GTK_WIDGET (dashboard), "sections_group");
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (sections, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (vadjustment, point.y - 12);
    jp_test_pump ();
    save_png (GTK_WIDGET (f->window), "dashboard-sections.png");
  }

  /* The rest of the page, scrolled down. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  jp_test_pump ();
  save_png (GTK_WIDGET (f->window), "dashboard-bottom.png");
  gtk_adjustment_set_value (vadjustment, 0);

  /* A leader picked. */
  jp_dashboard_set_leader (dashboard, jp_plan_find_leader (f->plan, "马学明"));
  jp_test_pump ();
  save_png (GTK_WIDGET (f->window), "dashboard-leader.png");
  jp_dashboard_set_leader (dashboard, NULL);

  /* 崔茜 picked, with a reporting cycle, wide and narrow: the top (the
   * headline and the trend), the list that needs attention, the
   * reporting table. */
  {
    g_autoptr(GError) error = NULL;
    static const struct { int width; int height; } sizes[] = { { 1600, 1000 }, { 720, 1000 } };

    jp_store_set_string (f->window->store, G_OBJECT (f->plan), "report-cycle", "monthly:25", &error);
    g_assert_no_error (error);
    jp_dashboard_set_leader (dashboard, jp_plan_find_leader (f->plan, "崔茜"));
    jp_test_pump ();

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        const char *parts[] = { NULL, "trend_group", "attention_group", "reporting_group" };
        const char *names[] = { "leader", "trend", "attention", "reporting" };

        gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[i].width, sizes[i].height);
        jp_test_pump ();
        for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
          {
            g_autofree char *name = g_strdup_printf ("dashboard-%s-%d.png", names[k], sizes[i].width);
            graphene_point_t point = GRAPHENE_POINT_INIT (0, 12);

            if (parts[k] != NULL)
              g_assert_true (gtk_widget_compute_point (jp_test_get (GTK_WIDGET (dashboard), parts[k]), scroller,
                                                       &GRAPHENE_POINT_INIT (0, 0), &point));
            gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + point.y - 12);
            jp_test_pump ();
            save_png (GTK_WIDGET (f->window), name);
          }
        gtk_adjustment_set_value (vadjustment, 0);
      }

    jp_dashboard_set_leader (dashboard, NULL);
    jp_store_set_string (f->window->store, G_OBJECT (f->plan), "report-cycle", NULL, &error);
    g_assert_no_error (error);
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
    jp_test_pump ();
  }

  /* The narrowest window. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 800);
  jp_test_pump ();
  save_png (GTK_WIDGET (f->window), "dashboard-narrow.png");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  jp_test_pump ();

  /* Dark. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  jp_test_pump ();
  save_png (GTK_WIDGET (f->window), "dashboard-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  jp_test_pump ();

  /* The item page of item 8 with the history of its first target. */
  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "plan");
  jp_test_pump ();
  jp_item_page_select_indicator (f->window->item_page, indicator_of (f->plan, 8, 0));
  jp_test_pump ();
  save_png (GTK_WIDGET (f->window), "item-page.png");

  /* Scrolled down to the targets and the history chart. */
  {
    GtkWidget *indicators = jp_test_get (GTK_WIDGET (f->window->item_page), "indicators_list");
    GtkWidget *history = jp_test_get (GTK_WIDGET (f->window->item_page), "history_chart");
    GtkWidget *item_scroller = gtk_widget_get_ancestor (indicators, GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (item_scroller));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (item_scroller));
    graphene_point_t point;

    g_assert_true (gtk_widget_get_mapped (history));
    g_assert_nonnull (jp_chart_view_get_data (JP_CHART_VIEW (history)));
    g_assert_cmpint (jp_chart_data_get_kind (jp_chart_view_get_data (JP_CHART_VIEW (history))), ==,
                     JP_CHART_KIND_HISTORY);
    g_assert_true (gtk_widget_compute_point (indicators, content, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 60);
    jp_test_pump ();
    save_png (GTK_WIDGET (f->window), "item-page-history.png");
    g_assert_true (gtk_widget_compute_point (history, content, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 300);
    jp_test_pump ();
    save_png (GTK_WIDGET (f->window), "item-page-history-chart.png");
    gtk_adjustment_set_value (adjustment, 0);
  }
}

/* ---- the figures of --export-status ---------------------------------------- */

/* Runs `jinfeng-plan --db=PATH --export-status=- --as-of=DATE [--report=…]`
 * (the real executable) and returns its JSON. */
static JsonObject *
export_status (const char *path,
               const char *as_of,
               const char *report)
{
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  g_autofree char *db_arg = g_strconcat ("--db=", path, NULL);
  g_autofree char *as_of_arg = g_strconcat ("--as-of=", as_of, NULL);
  g_autofree char *report_arg = g_strconcat ("--report=", report != NULL ? report : "summary", NULL);
  const char *argv[] = { exe, db_arg, "--export-status=-", as_of_arg, report_arg, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = -1;
  JsonNode *root;

  g_assert_nonnull (exe);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* The dashboard shows what the command writes for the same database,
 * date and selection: the headline (items, progress, expected, status,
 * counts per status), the sections, and the attention list in order. */
static void
check_against_export (JpDashboard *dashboard,
                      JsonObject  *root)
{
  JsonObject *headline = json_object_get_object_member (root, "headline");
  JsonObject *counts = json_object_get_object_member (headline, "counts");
  JsonArray *sections = json_object_get_array_member (root, "sections");
  JsonArray *attention = json_object_get_array_member (root, "attention");
  const JpGaugeData *gauge = jp_chart_data_get_gauge (jp_chart_view_get_data (chart (dashboard, "overall_chart")));
  const JpBreakdownData *breakdown = jp_chart_data_get_breakdown (jp_chart_view_get_data (chart (dashboard, "status_chart")));
  const JpBarsData *bars = jp_chart_data_get_bars (jp_chart_view_get_data (chart (dashboard, "sections_chart")));
  g_autoptr(GPtrArray) rows = dup_attention_items (dashboard);
  const char *caption = gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dashboard), "overall_caption")));
  g_autofree char *progress = NULL;
  g_autofree char *items = NULL;

  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, jp_dashboard_get_as_of (dashboard));

  /* Headline: the gauge, its sentence, the breakdown. */
  g_assert_cmpint (json_object_get_int_member (headline, "items"), ==, jp_breakdown_data_get_total (breakdown));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (headline, "progress"),
                                  jp_round_percent (gauge->ratio), EPSILON);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (headline, "expected"),
                                  jp_round_percent (gauge->expected), EPSILON);
  g_assert_cmpstr (json_object_get_string_member (headline, "status"), ==, jp_status_to_nick (gauge->status));
  progress = jp_format_percent (json_object_get_double_member (headline, "progress") / 100);
  g_assert_nonnull (strstr (caption, progress));
  items = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (headline, "items"));
  g_assert_nonnull (strstr (caption, items));
  for (guint s = 0; s < JP_N_STATUSES; s++)
    {
      const char *nick = jp_status_to_nick (s);
      gint64 n = json_object_has_member (counts, nick) ? json_object_get_int_member (counts, nick) : 0;

      g_test_message ("count of %s", nick);
      g_assert_cmpint (n, ==, breakdown->counts[s]);
    }

  /* Sections: the same ones, the same figures. */
  g_assert_cmpuint (json_array_get_length (sections), ==, bars->rows->len);
  for (guint i = 0; i < bars->rows->len; i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      const JpBarsRow *row = g_ptr_array_index (bars->rows, i);

      g_assert_cmpstr (json_object_get_string_member (section, "ordinal"), ==, row->number);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (section, "progress"),
                                      jp_round_percent (row->ratio), EPSILON);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (section, "expected"),
                                      jp_round_percent (row->expected), EPSILON);
      g_assert_cmpstr (json_object_get_string_member (section, "status"), ==, jp_status_to_nick (row->status));
    }

  /* Needs attention: the same items, in the same order. */
  g_assert_cmpint (json_object_get_int_member (headline, "needs_attention"), ==, json_array_get_length (attention));
  g_assert_cmpuint (json_array_get_length (attention), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (json_array_get_int_element (attention, i), ==,
                     jp_item_get_number (g_ptr_array_index (rows, i)));
}

/* A leader picked in the header: the headline, the breakdown and the
 * sections are that leader's, as --export-status --report=leader:NAME
 * writes them; back to everyone, the summary's. */
static void
test_leader_export_status (Fixture       *f,
                           gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (jp_test_get (GTK_WIDGET (f->dashboard), "leader_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);
  GtkLabel *caption = GTK_LABEL (jp_test_get (GTK_WIDGET (f->dashboard), "overall_caption"));
  g_autofree char *all_caption = g_strdup (gtk_label_get_text (caption));
  g_autoptr(JsonObject) summary = export_status (f->path, AS_OF, NULL);
  g_autoptr(JsonObject) leader = NULL;
  const JpBarsData *bars;
  guint n_sections_all;

  check_against_export (f->dashboard, summary);
  n_sections_all = jp_chart_data_get_bars (jp_chart_view_get_data (chart (f->dashboard, "sections_chart")))->rows->len;

  for (guint i = 1; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "崔茜") == 0)
      gtk_drop_down_set_selected (dropdown, i);
  jp_test_pump ();
  g_assert_true (jp_dashboard_get_leader (f->dashboard) == jp_plan_find_leader (f->plan, "崔茜"));

  /* The headline changed, and names the leader, as its title does. */
  g_assert_cmpstr (gtk_label_get_text (caption), !=, all_caption);
  g_assert_nonnull (strstr (gtk_label_get_text (caption), "崔茜"));
  g_assert_nonnull (strstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (jp_test_get (GTK_WIDGET (f->dashboard),
                                                                                                  "overall_group"))),
                            "崔茜"));
  bars = jp_chart_data_get_bars (jp_chart_view_get_data (chart (f->dashboard, "sections_chart")));
  g_assert_cmpuint (bars->rows->len, <, n_sections_all);

  leader = export_status (f->path, AS_OF, "leader:崔茜");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (leader, "headline"), "items"), ==, 4);
  check_against_export (f->dashboard, leader);
  check_figures (f->dashboard, f->plan, AS_OF, jp_plan_find_leader (f->plan, "崔茜"));

  /* Back to everyone. */
  gtk_drop_down_set_selected (dropdown, 0);
  jp_test_pump ();
  g_assert_cmpstr (gtk_label_get_text (caption), ==, all_caption);
  check_against_export (f->dashboard, summary);
}

/* The 2023 plan with nothing recorded, at its end: every work point is
 * overdue, all 17 are listed as needing attention, and the headline says
 * so; a leader picked, the headline is theirs. */
static void
test_nothing_recorded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (f->plan);
  g_autoptr(GPtrArray) rows = dup_attention_items (f->dashboard);
  g_autoptr(JsonObject) summary = export_status (f->path, PLAN_END, NULL);
  g_autoptr(JsonObject) leader_status = NULL;
  GtkLabel *caption = GTK_LABEL (jp_test_get (GTK_WIDGET (f->dashboard), "overall_caption"));
  GtkWidget *list = jp_test_get (GTK_WIDGET (f->dashboard), "attention_list");
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (jp_test_get (GTK_WIDGET (f->dashboard), "attention_group"));
  const JpBreakdownData *breakdown;
  g_autofree char *expected_caption = NULL;
  g_autofree char *expected_description = NULL;
  g_autofree char *day = jp_date_format_display (PLAN_END);
  g_autofree char *all_caption = NULL;
  JpLeader *cui = jp_plan_find_leader (f->plan, "崔茜");

  g_assert_cmpuint (items->len, ==, 17);
  g_assert_cmpstr (jp_dashboard_get_as_of (f->dashboard), ==, PLAN_END);

  /* All 17 in the list, each overdue, each row saying 应达 100%, 实际 0%. */
  g_assert_cmpuint (rows->len, ==, 17);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_true (g_ptr_array_find (rows, g_ptr_array_index (items, i), NULL));
      g_assert_cmpint (item_status (g_ptr_array_index (items, i), PLAN_END), ==, JP_STATUS_OVERDUE);
    }
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_autofree char *zero = jp_format_percent (0);
    g_autofree char *full = jp_format_percent (1);
    g_autofree char *due = jp_date_format_display (PLAN_END);
    g_autofree char *figures = g_strdup_printf (_("Due %s, expected %s, actual %s"), due, full, zero);

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), figures));
  }
  expected_description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u work point needs attention. Select it to see it in the plan.",
                                                       "%u work points need attention. Select one to see it in the plan.",
                                                       17),
                                          17);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, expected_description);

  /* The headline: 17 work points, 0% done, 100% expected. */
  {
    g_autofree char *zero = jp_format_percent (0);
    g_autofree char *full = jp_format_percent (1);

    expected_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "The mean progress of the %u work point is %s, against %s expected by %s.",
                                                     "The mean progress of the %u work points is %s, against %s expected by %s.",
                                                     17),
                                        17, zero, full, day);
  }
  g_assert_cmpstr (gtk_label_get_text (caption), ==, expected_caption);
  breakdown = jp_chart_data_get_breakdown (jp_chart_view_get_data (chart (f->dashboard, "status_chart")));
  g_assert_cmpuint (breakdown->counts[JP_STATUS_OVERDUE], ==, 17);
  check_figures (f->dashboard, f->plan, PLAN_END, NULL);
  check_against_export (f->dashboard, summary);

  /* A picture of the top and of the list. */
  {
    GtkWidget *scroller = jp_test_get (GTK_WIDGET (f->dashboard), "scroller");
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;
    GtkStack *stack = GTK_STACK (jp_test_get (GTK_WIDGET (f->dashboard), "stack"));

    /* After the crossfade from the empty page. */
    for (guint i = 0; i < 50 && gtk_stack_get_transition_running (stack); i++)
      jp_test_pump ();
    save_png (GTK_WIDGET (f->window), "dashboard-nothing-recorded.png");
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (group), scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (vadjustment, point.y - 12);
    jp_test_pump ();
    save_png (GTK_WIDGET (f->window), "dashboard-nothing-recorded-attention.png");
    gtk_adjustment_set_value (vadjustment, 0);
    jp_test_pump ();
  }

  /* A leader: their items only, the headline says whose. */
  all_caption = g_strdup (gtk_label_get_text (caption));
  jp_dashboard_set_leader (f->dashboard, cui);
  jp_test_pump ();
  g_assert_cmpstr (gtk_label_get_text (caption), !=, all_caption);
  g_assert_nonnull (strstr (gtk_label_get_text (caption), "崔茜"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dup_attention_items (f->dashboard);
  g_assert_cmpuint (rows->len, ==, 4);
  leader_status = export_status (f->path, PLAN_END, "leader:崔茜");
  check_against_export (f->dashboard, leader_status);
  check_figures (f->dashboard, f->plan, PLAN_END, cui);
}

/* The texts of the labels inside @widget, depth first. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The row of the attention list that shows @item, or NULL. */
static GtkWidget *
attention_row_of (JpDashboard *dashboard,
                  JpItem      *item)
{
  GtkListBox *list = GTK_LIST_BOX (jp_test_get (GTK_WIDGET (dashboard), "attention_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "jp-item") == item)
      return GTK_WIDGET (row);

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  return FALSE;
}

/* Each row says what was expected and what is done, carries its status
 * pill, and the flags when they are set: a self-report far from the
 * targets (自报 60%，指标 26%), a late report under a cycle. */
static void
test_attention_rows (Fixture       *f,
                     gconstpointer  data)
{
  JpItem *item9 = jp_plan_find_item_by_number (f->plan, 9);
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-09-29");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *flag = NULL;
  g_autofree char *self_report = NULL;
  GtkWidget *row;
  JpProgress progress;

  jp_item_evaluate (item9, AS_OF, &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_BEHIND);
  g_assert_false (progress.self_report_differs);
  row = attention_row_of (f->dashboard, item9);
  g_assert_nonnull (row);
  expected = jp_format_percent (progress.expected);
  actual = jp_format_percent (progress.p);
  figures = g_strdup_printf (_("Expected %s, actual %s"), expected, actual);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), figures));
  g_assert_true (has_label (row, jp_status_get_label (JP_STATUS_BEHIND)));
  g_assert_false (has_label (row, _("Late report")));

  /* The item's own report says 95%: far from its targets. */
  jp_item_update_set_has_completion (update, TRUE);
  jp_item_update_set_completion (update, 95);
  jp_store_add_update (f->store, item9, update, &error);
  g_assert_no_error (error);
  jp_test_pump ();
  jp_item_evaluate (item9, AS_OF, &progress);
  g_assert_true (progress.self_report_differs);
  row = attention_row_of (f->dashboard, item9);
  g_assert_nonnull (row);
  flag = jp_ui_dup_progress_flags (&progress);
  g_assert_nonnull (flag);
  self_report = jp_ui_dup_rounded_percent (0.95);
  g_assert_nonnull (strstr (flag, self_report));
  g_assert_true (has_label (row, flag));

  /* A monthly cycle by the 25th: nothing on item 9's targets between
   * Sep 1 and Sep 30 for one of them at least: late. */
  jp_store_set_string (f->store, G_OBJECT (f->plan), "report-cycle", "monthly:25", &error);
  g_assert_no_error (error);
  jp_test_pump ();
  jp_item_evaluate (item9, AS_OF, &progress);
  g_assert_true (progress.late_report);
  row = attention_row_of (f->dashboard, item9);
  g_clear_pointer (&flag, g_free);
  flag = jp_ui_dup_progress_flags (&progress);
  g_assert_nonnull (strstr (flag, _("Late report")));
  g_assert_true (has_label (row, flag));
}

/* The reporting table: shown once the plan has a cycle, the model's
 * figures per unit, following the leader picked. */
static void
test_reporting_table (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *group = jp_test_get (GTK_WIDGET (f->dashboard), "reporting_group");
  GtkGrid *grid = GTK_GRID (jp_test_get (GTK_WIDGET (f->dashboard), "reporting_grid"));
  JpLeader *cui = jp_plan_find_leader (f->plan, "崔茜");
  g_autoptr(GError) error = NULL;

  /* No cycle: no table. */
  g_assert_false (gtk_widget_get_visible (group));

  jp_store_set_string (f->store, G_OBJECT (f->plan), "report-cycle", "monthly:25", &error);
  g_assert_no_error (error);
  jp_test_pump ();
  g_assert_true (gtk_widget_get_visible (group));

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) picked = dup_leader_items (f->plan, pass == 0 ? NULL : cui);
      g_autoptr(GPtrArray) rows = jp_items_dup_reporting (f->plan, picked, AS_OF);
      guint n_late = 0;

      g_assert_cmpuint (rows->len, >, 0);
      /* The heads, then a line per unit: name, due, reported, missing, late. */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 2, 0))), ==,
                       C_("reporting", "Reported"));
      g_assert_null (gtk_grid_get_child_at (grid, 0, (int) rows->len + 1));
      for (guint r = 0; r < rows->len; r++)
        {
          const JpReportingRow *row = g_ptr_array_index (rows, r);
          guint figures[] = { row->n_due, row->n_done, row->n_missing, row->n_late };

          GtkWidget *name = gtk_grid_get_child_at (grid, 0, (int) r + 1);

          g_assert_true (GTK_IS_BUTTON (name));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (name)))), ==,
                           jp_unit_get_name (row->unit));
          for (guint c = 0; c < G_N_ELEMENTS (figures); c++)
            {
              g_autofree char *text = g_strdup_printf ("%u", figures[c]);

              g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, (int) c + 1, (int) r + 1))),
                               ==, text);
            }
          /* 8 deadlines by Sep 30 (01-25 … 08-25, 09-25) is 9. */
          g_assert_cmpuint (row->n_due, ==, 9 * row->n_indicators);
          n_late += row->n_late;
        }
      /* Some units are late by Sep 30 in this data set. */
      g_assert_cmpuint (n_late, >, 0);

      jp_dashboard_set_leader (f->dashboard, cui);
      jp_test_pump ();
    }

  /* A unit's name picks the unit, as its bar does. */
  {
    g_autoptr(GPtrArray) rows = jp_items_dup_reporting (f->plan, NULL, AS_OF);
    const JpReportingRow *last;

    jp_dashboard_set_leader (f->dashboard, NULL);
    jp_test_pump ();
    last = g_ptr_array_index (rows, rows->len - 1);
    g_signal_emit_by_name (gtk_grid_get_child_at (grid, 0, (int) rows->len), "clicked");
    jp_test_pump ();
    g_assert_true (jp_dashboard_get_unit (f->dashboard) == last->unit);
    /* The table follows: that unit's line alone, its figures the same. */
    g_assert_null (gtk_grid_get_child_at (grid, 0, 2));
    {
      g_autofree char *due = g_strdup_printf ("%u", last->n_due);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1))), ==, due);
    }
    jp_dashboard_set_unit (f->dashboard, NULL);
    jp_test_pump ();
  }

  /* The cycle removed: the table goes. */
  jp_store_set_string (f->store, G_OBJECT (f->plan), "report-cycle", NULL, &error);
  g_assert_no_error (error);
  jp_test_pump ();
  g_assert_false (gtk_widget_get_visible (group));
}

/* The trend chart's tooltips say both figures of a month end. */
static void
test_trend_tooltip (Fixture       *f,
                    gconstpointer  data)
{
  JpChartView *trend = chart (f->dashboard, "trend_chart");
  JpChartLayout *layout = layout_of (trend);
  const JpTrendData *trend_data = jp_chart_data_get_trend (jp_chart_view_get_data (trend));
  const JpTrendPoint *june = g_ptr_array_index (trend_data->points, 5);
  const JpChartMark *mark = jp_chart_layout_find (layout, JP_CHART_ROLE_HIT, 5);
  g_autofree char *text = NULL;
  g_autofree char *actual = jp_format_percent (june->actual);
  g_autofree char *expected = jp_format_percent (june->expected);
  g_autofree char *day = jp_date_format_display ("2023-06-30");
  JpProgress progress;

  /* Sep 30: eight month ends and Sep 30 itself. */
  g_assert_cmpuint (trend_data->points->len, ==, 9);
  g_assert_cmpstr (june->date, ==, "2023-06-30");
  jp_plan_evaluate (f->plan, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (june->actual, progress.p, EPSILON);
  g_assert_cmpfloat_with_epsilon (june->expected, progress.expected, EPSILON);

  g_assert_nonnull (mark);
  text = jp_chart_view_dup_tooltip_at (trend, mark->bounds.x + mark->bounds.width / 2,
                                       mark->bounds.y + mark->bounds.height / 2);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, day));
  g_assert_nonnull (strstr (text, actual));
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (jp_chart_view_get_description (trend), actual));
}

static const char *
localedir (void)
{
  const char *env = g_getenv ("JP_LOCALEDIR");

  return env != NULL && env[0] != '\0' ? env : BUILD_LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  const char *env_dir;
  int status;

  /* zh_CN, from the build's translations, for the screenshots (the other
   * tests compare figures). gtk_test_init() would force en_US.UTF-8, so
   * GTK is initialised with the environment's locale (LC_ALL=C.UTF-8,
   * which LANGUAGE overrides for messages). No G_TEST_OPTION_ISOLATE_DIRS:
   * it empties XDG_DATA_DIRS, and the icon theme would not be found. The
   * databases go to temporary folders, settings to the memory backend. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  env_dir = g_getenv ("JP_SCREENSHOT_DIR");
  work_dir = jp_test_make_dir ();
  if (env_dir != NULL && env_dir[0] != '\0')
    {
      out_dir = g_strdup (env_dir);
      g_mkdir_with_parents (out_dir, 0755);
    }
  else
    out_dir = g_strdup (work_dir);

  app = jp_test_application ();

  g_test_add ("/jp/dashboard/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/jp/dashboard/tooltips", Fixture, NULL, fixture_set_up, test_tooltips, fixture_tear_down);
  g_test_add ("/jp/dashboard/live-update", Fixture, NULL, fixture_set_up, test_live_update, fixture_tear_down);
  g_test_add ("/jp/dashboard/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/jp/dashboard/leader-picker", Fixture, NULL, fixture_set_up, test_leader_picker, fixture_tear_down);
  g_test_add ("/jp/dashboard/as-of-picker", Fixture, NULL, fixture_set_up, test_as_of_picker, fixture_tear_down);
  g_test_add ("/jp/dashboard/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/jp/dashboard/leader-export-status", Fixture, NULL, fixture_set_up, test_leader_export_status, fixture_tear_down);
  g_test_add ("/jp/dashboard/nothing-recorded", Fixture, NOTHING_RECORDED, fixture_set_up, test_nothing_recorded, fixture_tear_down);
  g_test_add ("/jp/dashboard/attention-rows", Fixture, NULL, fixture_set_up, test_attention_rows, fixture_tear_down);
  g_test_add ("/jp/dashboard/reporting-table", Fixture, NULL, fixture_set_up, test_reporting_table, fixture_tear_down);
  g_test_add ("/jp/dashboard/trend-tooltip", Fixture, NULL, fixture_set_up, test_trend_tooltip, fixture_tear_down);
  g_test_add_func ("/jp/dashboard/empty", test_empty);
  g_test_add ("/jp/dashboard/window-select", WindowFixture, NULL, window_set_up, test_window_select, window_tear_down);
  g_test_add ("/jp/dashboard/window-record", WindowFixture, NULL, window_set_up, test_window_record, window_tear_down);
  g_test_add ("/jp/dashboard/screenshots", WindowFixture, NULL, window_set_up, test_screenshots, window_tear_down);

  status = g_test_run ();

  g_object_unref (app);
  if (g_strcmp0 (out_dir, work_dir) != 0)
    jp_test_remove_dir (work_dir);
  g_free (out_dir);
  g_free (work_dir);

  return status;
}
