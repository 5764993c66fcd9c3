/* test-as-of.c: one as-of date for the whole window
 *
 * The window keeps one date for every figure it shows. Set through the
 * win.set-as-of action, the "as-of" property, the header bar's calendar
 * or the dashboard's picker, it reaches the plan tree (what its cells
 * show, its status filter), the item page (the item's status and
 * progress, each target's status and gauge, the history chart's marker)
 * and the dashboard; each figure is checked against jp_item_evaluate() and
 * jp_indicator_evaluate() at that date. Opening a plan resets the date to
 * the plan's default, min(today, plan end). */

#include "config.h"

#include <adwaita.h>

#include "jp-chart-view.h"
#include "jp-plan-cell.h"
#include "jp-date-picker.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

#define EARLY "2023-09-30"
#define ITEM_NUMBER 2

static JpApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  JpWindow *window;
  JpPlan   *plan; /* borrowed from the window */
  JpItem   *item; /* borrowed */
  char     *default_as_of;
} Fixture;

/* Every target of work point 2: 30% of it by June 30, all of it by
 * November 30. As of September 30 the work point is behind; at the end
 * of the year it is done. */
static void
record_progress (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) plan = NULL;
  GListModel *indicators;

  g_assert_no_error (error);
  plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
  g_assert_no_error (error);
  indicators = jp_item_get_indicators (jp_plan_find_item_by_number (plan, ITEM_NUMBER));
  g_assert_cmpuint (g_list_model_get_n_items (indicators), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      double target = jp_indicator_get_target (indicator);
      g_autoptr(JpProgressEntry) june = jp_progress_entry_new ("2023-06-30", target * 0.3);
      g_autoptr(JpProgressEntry) november = jp_progress_entry_new ("2023-11-30", target);

      jp_store_add_progress (store, indicator, june, &error);
      g_assert_no_error (error);
      jp_store_add_progress (store, indicator, november, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
  record_progress (f->path);
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  f->plan = jp_window_get_plan (f->window);
  g_assert_nonnull (f->plan);
  f->item = jp_plan_find_item_by_number (f->plan, ITEM_NUMBER);
  g_assert_nonnull (f->item);
  f->default_as_of = jp_plan_dup_default_as_of (f->plan);

  /* The two dates give different figures, or the test proves nothing. */
  g_assert_cmpstr (f->default_as_of, !=, EARLY);
  {
    JpProgress early, late;

    jp_item_evaluate (f->item, EARLY, &early);
    jp_item_evaluate (f->item, f->default_as_of, &late);
    g_assert_cmpint (early.status, !=, late.status);
    g_assert_cmpfloat (fabs (early.ratio - late.ratio), >, 0.1);
  }

  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));
  jp_test_pump ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_close_window (f->window);
  jp_test_remove_dir (f->dir);
  g_free (f->default_as_of);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- reading what the widgets show -------------------------------------- */

/* The texts of every label under @widget, joined by " ". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
dup_labels (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_class (GtkWidget  *root,
            const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The status text as every pill shows it: symbol, then label. */
static char *
dup_status_text (JpStatus status)
{
  return g_strdup_printf ("%s %s", jp_status_get_symbol (status), jp_status_get_label (status));
}

/* The tree's row of @object shows its figures at @as_of. */
static void
check_tree_row (Fixture    *f,
                GObject    *object,
                const char *as_of)
{
  GtkWidget *tree = GTK_WIDGET (f->window->plan_tree);
  GtkWidget *status_cell = jp_test_find_cell (tree, object, JP_PLAN_COLUMN_STATUS);
  GtkWidget *progress_cell = jp_test_find_cell (tree, object, JP_PLAN_COLUMN_PROGRESS);
  g_autofree char *status_text = NULL;
  g_autofree char *expected_status = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *expected_percent = NULL;
  g_autofree char *exact_percent = NULL;
  JpProgress progress;

  if (JP_IS_ITEM (object))
    jp_item_evaluate (JP_ITEM (object), as_of, &progress);
  else
    jp_section_evaluate (JP_SECTION (object), as_of, &progress);

  g_assert_nonnull (status_cell);
  g_assert_nonnull (progress_cell);
  g_assert_cmpstr (jp_plan_cell_get_as_of (JP_PLAN_CELL (status_cell)), ==, as_of);

  status_text = g_strdup_printf ("%s %s", jp_plan_cell_get_symbol (JP_PLAN_CELL (status_cell)),
                                 jp_plan_cell_get_text (JP_PLAN_CELL (status_cell)));
  expected_status = dup_status_text (progress.status);
  g_assert_cmpstr (status_text, ==, expected_status);

  progress_text = g_strdup (jp_plan_cell_get_text (JP_PLAN_CELL (progress_cell)));
  expected_percent = jp_ui_dup_rounded_percent (progress.ratio);
  g_assert_cmpstr (progress_text, ==, expected_percent);
  g_assert_cmpfloat_with_epsilon (jp_plan_cell_get_fraction (JP_PLAN_CELL (progress_cell)),
                                  CLAMP (progress.p, 0, 1), 1e-9);
  exact_percent = jp_format_percent (progress.ratio);
  g_assert_cmpstr (jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (progress_cell)), ==, exact_percent);
}

/* The item page shows the item and each of its targets at @as_of. */
static void
check_item_page (Fixture    *f,
                 const char *as_of)
{
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  GtkListBox *indicators = GTK_LIST_BOX (jp_test_get (page, "indicators_list"));
  GListModel *model = jp_item_get_indicators (f->item);
  g_autofree char *status_text = dup_labels (jp_test_get (page, "status_pill"));
  g_autofree char *expected_status = NULL;
  g_autofree char *expected_percent = NULL;
  JpChartView *history = JP_CHART_VIEW (jp_test_get (page, "history_chart"));
  JpProgress progress;

  g_assert_cmpstr (jp_item_page_get_as_of (f->window->item_page), ==, as_of);
  g_assert_true (jp_item_page_get_item (f->window->item_page) == f->item);

  jp_item_evaluate (f->item, as_of, &progress);
  expected_status = dup_status_text (progress.status);
  g_assert_cmpstr (status_text, ==, expected_status);
  expected_percent = jp_ui_dup_rounded_percent (progress.ratio);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (page, "percent_label"))), ==, expected_percent);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (jp_test_get (page, "progress_bar"))),
                                  CLAMP (progress.p, 0, 1), 1e-9);

  /* One row per target: its status (once) and its gauge at the date. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (model, i);
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (indicators, (int) i));
      GtkWidget *pill;
      GtkWidget *gauge_view;
      const JpGaugeData *gauge;
      g_autofree char *pill_text = NULL;
      g_autofree char *expected = NULL;
      JpProgress ip;

      jp_indicator_evaluate (indicator, as_of, &ip);
      g_assert_nonnull (row);
      g_assert_true (g_object_get_data (G_OBJECT (row), "jp-indicator") == (gpointer) indicator);

      pill = find_class (row, "status-pill");
      g_assert_nonnull (pill);
      pill_text = dup_labels (pill);
      expected = dup_status_text (ip.status);
      g_assert_cmpstr (pill_text, ==, expected);

      gauge_view = find_type (row, JP_TYPE_CHART_VIEW);
      g_assert_nonnull (gauge_view);
      gauge = jp_chart_data_get_gauge (jp_chart_view_get_data (JP_CHART_VIEW (gauge_view)));
      g_assert_nonnull (gauge);
      g_assert_cmpint (gauge->status, ==, ip.status);
      g_assert_cmpint (gauge->has_value, ==, ip.has_value);
      if (ip.has_value)
        g_assert_cmpfloat_with_epsilon (gauge->value, ip.value, 1e-9);
      g_assert_cmpfloat_with_epsilon (gauge->ratio, ip.ratio, 1e-9);
      /* The status is shown once: by the pill, not again by the gauge. */
      g_assert_true (gauge->hide_status);
    }

  /* The history of the selected target marks the date. */
  g_assert_nonnull (jp_item_page_get_selected_indicator (f->window->item_page));
  g_assert_nonnull (jp_chart_view_get_data (history));
  g_assert_cmpstr (jp_chart_data_get_history (jp_chart_view_get_data (history))->as_of, ==, as_of);

  /* Its values recorded after the date are marked as not counted yet
   * (newest first in the list). */
  {
    GListModel *entries = jp_indicator_get_progress (jp_item_page_get_selected_indicator (f->window->item_page));
    GtkListBox *list = GTK_LIST_BOX (jp_test_get (page, "history_list"));
    guint n = g_list_model_get_n_items (entries);
    guint n_later = 0;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, n - 1 - i);
        GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) i));
        gboolean later = strcmp (jp_progress_entry_get_date (entry), as_of) > 0;

        g_assert_nonnull (row);
        g_assert_cmpint (gtk_widget_has_css_class (row, "after-as-of"), ==, later);
        n_later += later;
      }
    /* September 30 falls between the two values; the end of the year
     * after both. */
    if (g_strcmp0 (as_of, EARLY) == 0)
      g_assert_cmpuint (n_later, ==, 1);
    else if (g_strcmp0 (as_of, f->default_as_of) == 0)
      g_assert_cmpuint (n_later, ==, 0);
  }
}

static void
check_everywhere (Fixture    *f,
                  const char *as_of)
{
  g_autofree char *date = jp_date_format_display (as_of);
  g_autofree char *label = g_strdup_printf ("As of %s", date);

  g_assert_cmpstr (jp_window_get_as_of (f->window), ==, as_of);
  g_assert_cmpstr (jp_plan_tree_get_as_of (f->window->plan_tree), ==, as_of);
  g_assert_cmpstr (jp_plan_filter_get_as_of (jp_plan_tree_get_filter (f->window->plan_tree)), ==, as_of);
  check_tree_row (f, G_OBJECT (f->item), as_of);
  check_tree_row (f, G_OBJECT (jp_item_get_section (f->item)), as_of);
  check_item_page (f, as_of);
  /* The header bar says the date. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (f->window), "as_of_label"))), ==, label);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_default (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *today = jp_date_today_iso ();

  /* min(today, plan end) */
  g_assert_cmpstr (f->default_as_of, ==,
                   strcmp (today, jp_plan_get_end (f->plan)) > 0 ? jp_plan_get_end (f->plan) : today);
  check_everywhere (f, f->default_as_of);
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window), "as_of_button")));
}

static void
test_action (Fixture       *f,
             gconstpointer  data)
{
  guint n_notify = 0;

  g_signal_connect_swapped (f->window, "notify::as-of", G_CALLBACK (count_cb), &n_notify);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-as-of", "s", EARLY));
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 1);
  check_everywhere (f, EARLY);

  /* The same date again: nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-as-of", "s", EARLY));
  g_assert_cmpuint (n_notify, ==, 1);

  /* Another target selected: its history marks the same date. */
  {
    g_autoptr(JpIndicator) second = g_list_model_get_item (jp_item_get_indicators (f->item), 1);

    jp_item_page_select_indicator (f->window->item_page, second);
    jp_test_pump ();
    g_assert_true (jp_item_page_get_selected_indicator (f->window->item_page) == second);
    check_item_page (f, EARLY);
  }

  /* "" is the plan's default. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-as-of", "s", ""));
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 2);
  check_everywhere (f, f->default_as_of);

  /* The property does the same. */
  g_object_set (f->window, "as-of", EARLY, NULL);
  jp_test_pump ();
  g_assert_cmpuint (n_notify, ==, 3);
  check_everywhere (f, EARLY);
}

/* A day cell of @calendar showing @day of the month shown. */
static GtkWidget *
find_day_cell (GtkWidget  *root,
               const char *day)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "day-number") &&
      !gtk_widget_has_css_class (root, "other-month") &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (root)), day))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_day_cell (child, day);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What a click on that day does: the picker's own gesture on the
 * calendar, released over the cell. */
static void
click_day (GtkCalendar *calendar,
           const char  *day)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (calendar));
  GtkWidget *cell = find_day_cell (GTK_WIDGET (calendar), day);
  graphene_point_t centre = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t at;
  gboolean clicked = FALSE;

  g_assert_nonnull (cell);
  centre.x = gtk_widget_get_width (cell) / 2.0;
  centre.y = gtk_widget_get_height (cell) / 2.0;
  g_assert_true (gtk_widget_compute_point (cell, GTK_WIDGET (calendar), &centre, &at));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "released", 1, (double) at.x, (double) at.y);
          clicked = TRUE;
        }
    }
  g_assert_true (clicked);
  jp_test_pump ();
}

/* The first button of the calendar's header: the previous month. */
static GtkWidget *
find_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_BUTTON (child) ? child : find_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header bar's date picker, in the plan view: browsing months changes
 * nothing, clicking any day (the selected one too) applies it, a typed
 * date works, a date outside the plan is refused. */
static void
test_header_calendar (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  JpDatePicker *picker = JP_DATE_PICKER (jp_test_get (window, "as_of_picker"));
  GtkCalendar *calendar = jp_date_picker_get_calendar (picker);
  GtkWidget *button = jp_test_get (window, "as_of_button");
  GtkWidget *popover = jp_test_get (window, "as_of_popover");
  GtkEntry *entry = jp_date_picker_get_entry (picker);

  g_assert_cmpstr (f->default_as_of, ==, "2023-12-31");
  g_assert_true (gtk_widget_get_visible (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  /* It opens on the date shown. */
  {
    g_autofree char *iso = jp_ui_calendar_dup_iso (calendar);

    g_assert_cmpstr (iso, ==, f->default_as_of);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, f->default_as_of);
  }

  /* The previous month: the calendar shows November, nothing applied,
   * the popover stays. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (calendar)), "clicked");
  jp_test_pump ();
  {
    g_autofree char *shown = jp_ui_calendar_dup_iso (calendar);

    g_assert_true (g_str_has_prefix (shown, "2023-11-"));
  }
  g_assert_cmpstr (jp_window_get_as_of (f->window), ==, f->default_as_of);
  g_assert_true (gtk_widget_get_visible (popover));

  /* Clicking the 30th, the day the calendar had already moved to. */
  click_day (calendar, "30");
  check_everywhere (f, "2023-11-30");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Back on the same day: clicking it again still applies (no change). */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  click_day (calendar, "30");
  check_everywhere (f, "2023-11-30");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Typed, as people write it. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "2023年9月30日");
  g_signal_emit_by_name (entry, "activate");
  jp_test_pump ();
  check_everywhere (f, EARLY);

  /* Outside the plan: refused, said under the field, nothing applied. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "2024-1-5");
  g_signal_emit_by_name (entry, "activate");
  jp_test_pump ();
  check_everywhere (f, EARLY);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "June");
  g_signal_emit_by_name (entry, "activate");
  jp_test_pump ();
  check_everywhere (f, EARLY);

  /* Back to the default with the button under the calendar. */
  g_signal_emit_by_name (jp_test_get (window, "as_of_default_button"), "clicked");
  jp_test_pump ();
  check_everywhere (f, f->default_as_of);
}

/* The dashboard shows the window's date, and its own picker sets it. */
static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  JpDashboard *dashboard = f->window->dashboard;
  JpDatePicker *picker = JP_DATE_PICKER (jp_test_get (GTK_WIDGET (dashboard), "as_of_picker"));
  JpChartView *overall = JP_CHART_VIEW (jp_test_get (GTK_WIDGET (dashboard), "overall_chart"));
  JpProgress progress;

  /* Set in the plan view, then the dashboard shown. */
  jp_window_set_as_of (f->window, EARLY);
  jp_test_pump ();
  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_test_pump ();
  g_assert_true (jp_dashboard_get_plan (dashboard) == f->plan);
  g_assert_cmpstr (jp_dashboard_get_as_of (dashboard), ==, EARLY);
  jp_plan_evaluate (f->plan, EARLY, &progress);
  g_assert_cmpfloat_with_epsilon (jp_chart_data_get_gauge (jp_chart_view_get_data (overall))->ratio,
                                  progress.ratio, 1e-9);
  /* Its own picker says the date: the header bar's is hidden there. */
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window), "as_of_button")));

  /* Picked on the dashboard (typed into its date picker): the whole
   * window follows. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (GTK_WIDGET (dashboard), "as_of_button")));
  jp_test_pump ();
  gtk_editable_set_text (GTK_EDITABLE (jp_date_picker_get_entry (picker)), "2023-6-30");
  g_signal_emit_by_name (jp_date_picker_get_entry (picker), "activate");
  jp_test_pump ();
  g_assert_cmpstr (jp_dashboard_get_as_of (dashboard), ==, "2023-06-30");
  g_assert_cmpstr (jp_window_get_as_of (f->window), ==, "2023-06-30");
  jp_plan_evaluate (f->plan, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (jp_chart_data_get_gauge (jp_chart_view_get_data (overall))->ratio,
                                  progress.ratio, 1e-9);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "plan");
  jp_test_pump ();
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window), "as_of_button")));
  check_everywhere (f, "2023-06-30");

  /* Set in the plan view while the dashboard, which has the plan, is
   * hidden: it shows that date when it is shown again. */
  jp_window_set_as_of (f->window, EARLY);
  jp_test_pump ();
  adw_view_stack_set_visible_child_name (f->window->view_stack, "dashboard");
  jp_test_pump ();
  g_assert_cmpstr (jp_dashboard_get_as_of (dashboard), ==, EARLY);
  jp_plan_evaluate (f->plan, EARLY, &progress);
  g_assert_cmpfloat_with_epsilon (jp_chart_data_get_gauge (jp_chart_view_get_data (overall))->ratio,
                                  progress.ratio, 1e-9);
}

/* The status filter filters at the window's date. */
static void
test_status_filter (Fixture       *f,
                    gconstpointer  data)
{
  JpProgress early;

  jp_item_evaluate (f->item, EARLY, &early);
  jp_window_set_as_of (f->window, EARLY);
  g_object_set (f->window, "search-mode", TRUE, NULL);
  gtk_drop_down_set_selected (f->window->status_dropdown, 1 + early.status);
  jp_test_pump ();
  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));

  /* At the default date the work point has another status: filtered out. */
  jp_window_set_as_of (f->window, NULL);
  jp_test_pump ();
  g_assert_false (jp_window_select (f->window, G_OBJECT (f->item)));

  jp_window_set_as_of (f->window, EARLY);
  jp_test_pump ();
  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));
}

/* Opening a plan (again) starts at its default date. */
static void
test_open_plan_resets (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = jp_plan_get_id (f->plan);

  jp_window_set_as_of (f->window, EARLY);
  jp_test_pump ();
  check_everywhere (f, EARLY);

  /* Another plan, then this one again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-sample", NULL));
  jp_test_pump ();
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (f->window)), !=, id);
  {
    g_autofree char *other_default = jp_plan_dup_default_as_of (jp_window_get_plan (f->window));

    g_assert_cmpstr (jp_window_get_as_of (f->window), ==, other_default);
  }

  jp_window_set_as_of (f->window, EARLY);
  g_assert_true (jp_window_open_plan (f->window, id, &error));
  g_assert_no_error (error);
  jp_test_pump ();
  f->plan = jp_window_get_plan (f->window);
  f->item = jp_plan_find_item_by_number (f->plan, ITEM_NUMBER);
  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));
  jp_test_pump ();
  check_everywhere (f, f->default_as_of);
}

/* A selected section lists its work points at the date; one leads to it. */
static void
test_section_page (Fixture       *f,
                   gconstpointer  data)
{
  JpSection *section = jp_item_get_section (f->item);
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  GtkListBox *list = GTK_LIST_BOX (jp_test_get (page, "section_items_list"));
  GListModel *items = jp_section_get_items (section);
  guint n = g_list_model_get_n_items (items);

  jp_window_set_as_of (f->window, EARLY);
  g_assert_true (jp_window_select (f->window, G_OBJECT (section)));
  jp_test_pump ();
  g_assert_true (jp_item_page_get_object (f->window->item_page) == G_OBJECT (section));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      g_autofree char *pill = NULL;
      g_autofree char *expected = NULL;
      JpProgress progress;

      g_assert_nonnull (row);
      g_assert_true (g_object_get_data (G_OBJECT (row), "jp-item") == (gpointer) item);
      jp_item_evaluate (item, EARLY, &progress);
      pill = dup_labels (find_class (GTK_WIDGET (row), "status-pill"));
      expected = dup_status_text (progress.status);
      g_assert_cmpstr (pill, ==, expected);
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) n));

  /* The row of work point 2 selects it. */
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      if (g_object_get_data (G_OBJECT (row), "jp-item") == (gpointer) f->item)
        g_signal_emit_by_name (list, "row-activated", row);
    }
  jp_test_pump ();
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (f->item));
  check_item_page (f, EARLY);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* A section of many work points lists the first ones at once, the others
 * (up to 50, then "And N more") in the moments after; leaving the section
 * meanwhile stops the filling. */
static void
test_long_section (Fixture       *f,
                   gconstpointer  data)
{
  JpSection *section = jp_item_get_section (f->item);
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  GtkListBox *list = GTK_LIST_BOX (jp_test_get (page, "section_items_list"));
  GListModel *items = jp_section_get_items (section);
  guint first_rows, n;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("生成的工作要点 %u", i);
      g_autoptr(JpItem) item = jp_item_new (0, title);
      g_autoptr(GError) error = NULL;

      g_assert_true (jp_store_insert_item (f->window->store, section,
                                           g_list_model_get_n_items (items), item, &error));
      g_assert_no_error (error);
    }
  n = g_list_model_get_n_items (items);
  g_assert_cmpuint (n, >, 60);

  g_assert_true (jp_window_select (f->window, G_OBJECT (section)));
  g_assert_true (jp_item_page_get_object (f->window->item_page) == G_OBJECT (section));
  first_rows = count_rows (list);
  g_assert_cmpuint (first_rows, >=, 8);
  g_assert_cmpuint (first_rows, <, 50);

  jp_test_pump ();
  g_assert_cmpuint (count_rows (list), ==, 50 + 1);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_true (g_object_get_data (G_OBJECT (row), "jp-item") == (gpointer) item);
    }
  {
    GtkListBoxRow *more = gtk_list_box_get_row_at_index (list, 50);
    g_autofree char *expected = g_strdup_printf ("And %u more work points", n - 50);

    g_assert_null (g_object_get_data (G_OBJECT (more), "jp-item"));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, expected);
  }

  /* The same section again (another date): every row at once, the list
   * keeps its height. */
  jp_window_set_as_of (f->window, EARLY);
  g_assert_cmpuint (count_rows (list), ==, 50 + 1);

  /* Away before the rows are all there: no more are added. */
  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));
  jp_test_pump ();
  g_assert_true (jp_window_select (f->window, G_OBJECT (section)));
  g_assert_cmpuint (count_rows (list), ==, first_rows);
  g_assert_true (jp_window_select (f->window, G_OBJECT (f->item)));
  jp_test_pump ();
  g_assert_true (jp_item_page_get_object (f->window->item_page) == G_OBJECT (f->item));
  g_assert_cmpuint (count_rows (list), ==, first_rows);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add ("/jp/as-of/default", Fixture, NULL, fixture_set_up, test_default, fixture_tear_down);
  g_test_add ("/jp/as-of/action", Fixture, NULL, fixture_set_up, test_action, fixture_tear_down);
  g_test_add ("/jp/as-of/header-calendar", Fixture, NULL, fixture_set_up, test_header_calendar, fixture_tear_down);
  g_test_add ("/jp/as-of/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/jp/as-of/status-filter", Fixture, NULL, fixture_set_up, test_status_filter, fixture_tear_down);
  g_test_add ("/jp/as-of/section-page", Fixture, NULL, fixture_set_up, test_section_page, fixture_tear_down);
  g_test_add ("/jp/as-of/long-section", Fixture, NULL, fixture_set_up, test_long_section, fixture_tear_down);
  g_test_add ("/jp/as-of/open-plan-resets", Fixture, NULL, fixture_set_up, test_open_plan_resets, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
