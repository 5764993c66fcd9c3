/* test-curves.c: expected-progress curves, the reporting cycle and the
 * status help, driven through the real dialogs and actions of the window;
 * each edit is checked in the model, in the file (a fresh JpStore) and
 * after Undo. */

#include "config.h"

#include <adwaita.h>

#include "jp-curve-editor.h"
#include "jp-help-window.h"
#include "jp-indicator-dialog.h"
#include "jp-item-dialog.h"
#include "jp-plan-dialog.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef JpTestFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  jp_test_fixture_open (f, app);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_fixture_close (f);
}

static void
select_item (Fixture *f,
             int      number)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, number);

  g_assert_nonnull (item);
  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  jp_test_pump ();
}

static gboolean
can_save (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (jp_test_get (dialog, "save_button"));
}

static void
confirm (Fixture   *f,
         GtkWidget *dialog)
{
  g_assert_true (can_save (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
}

static void
set_checkpoint (JpCurveEditor *editor,
                guint          index,
                const char    *date,
                const char    *percent)
{
  GtkEditable *date_entry, *percent_entry;

  g_assert_true (jp_curve_editor_get_checkpoint (editor, index, &date_entry, &percent_entry));
  if (date != NULL)
    gtk_editable_set_text (date_entry, date);
  if (percent != NULL)
    gtk_editable_set_text (percent_entry, percent);
  jp_test_pump ();
}

/* Every label's text under @root, one per line. */
static void
collect_text (GtkWidget *root,
              GString   *text)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* The texts of the visible inline error labels under @root. */
static void
collect_visible_errors (GtkWidget *root,
                        GString   *text)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "inline-error"))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible_errors (child, text);
}

/* ---- tests ---------------------------------------------------------------- */

/* A custom curve set in the target dialog: checked inline, saved through
 * the store, undone. */
static void
test_indicator_custom_curve (Fixture       *f,
                             gconstpointer  data)
{
  static const char *spec = "custom:2023-03-31=20,2023-06-30=60,2023-09-30=80,2023-12-31=100";
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  g_autoptr(JpPlan) reloaded = NULL;
  JpCurveEditor *editor;
  GtkWidget *dialog;
  JpProgress progress;

  g_assert_null (jp_indicator_get_curve (indicator));
  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));

  /* Inheriting at first, and saying what from. */
  g_assert_cmpuint (adw_combo_row_get_selected (jp_curve_editor_get_kind_row (editor)), ==, 0);
  g_assert_null (jp_curve_editor_get_spec (editor));
  {
    GtkStringObject *first = adw_combo_row_get_selected_item (jp_curve_editor_get_kind_row (editor));

    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "plan"));
    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "Linear"));
  }

  /* Custom starts from the quarters of the plan year. */
  jp_curve_editor_select_kind (editor, JP_CURVE_CUSTOM);
  jp_test_pump ();
  g_assert_cmpstr (jp_curve_editor_get_spec (editor), ==,
                   "custom:2023-03-31=25,2023-06-30=50,2023-09-30=75,2023-12-31=100");
  set_checkpoint (editor, 0, NULL, "20");
  set_checkpoint (editor, 1, NULL, "60");

  /* Less than the checkpoint before: shown inline, Save off. */
  set_checkpoint (editor, 2, NULL, "40");
  g_assert_false (jp_curve_editor_get_valid (editor));
  g_assert_false (can_save (dialog));
  g_assert_cmpstr (jp_curve_editor_get_error (editor), ==, "a checkpoint cannot expect less than the one before");
  {
    g_autoptr(GString) text = g_string_new (NULL);

    /* Shown inline, under the checkpoints. */
    collect_visible_errors (GTK_WIDGET (editor), text);
    g_assert_cmpstr (text->str, ==, "a checkpoint cannot expect less than the one before\n");
  }
  {
    GtkEditable *percent;

    /* The entry that breaks the order is marked. */
    g_assert_true (jp_curve_editor_get_checkpoint (editor, 2, NULL, &percent));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (percent), "error"));
    g_assert_true (jp_curve_editor_get_checkpoint (editor, 1, NULL, &percent));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (percent), "error"));
  }

  /* A date outside the plan year. */
  set_checkpoint (editor, 2, "2024-09-30", "80");
  g_assert_false (can_save (dialog));
  g_assert_nonnull (strstr (jp_curve_editor_get_error (editor), "Checkpoint 3"));

  set_checkpoint (editor, 2, "2023-09-30", "80");
  g_assert_true (jp_curve_editor_get_valid (editor));
  {
    g_autoptr(GString) text = g_string_new (NULL);

    collect_visible_errors (GTK_WIDGET (editor), text);
    g_assert_cmpstr (text->str, ==, "");
  }
  g_assert_cmpstr (jp_curve_editor_get_spec (editor), ==, spec);
  confirm (f, dialog);

  /* The model, and the figures that follow from it. */
  g_assert_cmpstr (jp_indicator_get_curve (indicator), ==, spec);
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (progress.expected, 0.60, 1e-9);

  /* The work point's page says it under the target. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *described = jp_curve_describe (spec);
    g_autofree char *line = g_strdup_printf ("Expected progress: %s", described);

    collect_text (GTK_WIDGET (f->window->item_page), text);
    g_assert_nonnull (strstr (text->str, line));
  }

  /* The file. */
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_indicator_get_curve (jp_test_indicator (reloaded, 2, 0)), ==, spec);

  /* The dialog shows it again. */
  dialog = jp_test_open_dialog (f->window, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));
  g_assert_cmpstr (jp_curve_editor_get_spec (editor), ==, spec);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  /* Undo: inheriting again, in the file too. */
  undo (f);
  g_assert_null (jp_indicator_get_curve (indicator));
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_null (jp_indicator_get_curve (jp_test_indicator (reloaded, 2, 0)));
}

/* A work point's curve, and its targets inheriting it. */
static void
test_item_curve (Fixture       *f,
                 gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  g_autoptr(JpPlan) reloaded = NULL;
  JpCurveEditor *editor;
  GtkWidget *dialog;

  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.edit-selected", NULL);
  g_assert_true (JP_IS_ITEM_DIALOG (dialog));
  editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));

  /* By term, with a spring term that ends on a day that is not one. */
  jp_curve_editor_select_kind (editor, JP_CURVE_TERMS);
  gtk_editable_set_text (GTK_EDITABLE (jp_curve_editor_get_term_row (editor)), "02-30");
  jp_test_pump ();
  g_assert_false (can_save (dialog));
  gtk_editable_set_text (GTK_EDITABLE (jp_curve_editor_get_term_row (editor)), "7-10");
  jp_test_pump ();
  g_assert_cmpstr (jp_curve_editor_get_spec (editor), ==, "terms:07-10");
  confirm (f, dialog);

  g_assert_cmpstr (jp_item_get_curve (item), ==, "terms:07-10");
  g_assert_cmpstr (jp_indicator_get_effective_curve (indicator), ==, "terms:07-10");
  /* The work point's page names it. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (f->window->item_page),
                                                                       "due_label"))),
                            "Expected progress: By term (spring term ends 07-10)"));
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_curve (jp_plan_find_item_by_number (reloaded, 2)), ==, "terms:07-10");

  /* The target dialog names the work point's curve as the inherited one. */
  dialog = jp_test_open_dialog (f->window, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));
  {
    GtkStringObject *first = adw_combo_row_get_selected_item (jp_curve_editor_get_kind_row (editor));

    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "work point"));
    g_assert_nonnull (strstr (gtk_string_object_get_string (first), "07-10"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  undo (f);
  g_assert_null (jp_item_get_curve (item));
}

/* The kind row says what the chosen kind means, with an example. */
static void
test_kind_description (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { JpIndicatorKind kind; const char *example; } cases[] = {
    { JP_INDICATOR_KIND_AT_LEAST, "达90%" },
    { JP_INDICATOR_KIND_AT_MOST, "控制在5%以内" },
    { JP_INDICATOR_KIND_RANGE, "3-5所" },
    { JP_INDICATOR_KIND_DECREASE_BY, "下降0.5%" },
    { JP_INDICATOR_KIND_INCREASE_BY, "提高3个百分点" },
    { JP_INDICATOR_KIND_MILESTONE, "年底前完成" },
  };
  GtkWidget *dialog;
  AdwActionRow *kind_row;

  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.add-indicator", NULL);
  kind_row = ADW_ACTION_ROW (jp_test_get (dialog, "kind_row"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), cases[i].kind);
      jp_test_pump ();
      g_assert_cmpstr (adw_action_row_get_subtitle (kind_row), ==,
                       jp_help_indicator_kind_get_description (cases[i].kind));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (kind_row), cases[i].example));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* Plan Properties: the default curve and a reporting cycle; an item
 * nobody reported on is flagged as a late report. */
static void
test_plan_properties (Fixture       *f,
                      gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *dialog;
  GtkWidget *cell;
  JpCurveEditor *editor;
  AdwComboRow *cycle_row;
  GtkSpinButton *day_spin;
  JpProgress progress;

  select_item (f, 2);
  cell = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_STATUS);
  g_assert_nonnull (cell);
  g_assert_null (jp_plan_cell_get_flags (JP_PLAN_CELL (cell)));
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window->item_page), "flags_label")));

  dialog = jp_test_open_dialog (f->window, "win.plan-properties", NULL);
  g_assert_true (JP_IS_PLAN_DIALOG (dialog));
  editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));
  cycle_row = ADW_COMBO_ROW (jp_test_get (dialog, "cycle_row"));
  day_spin = GTK_SPIN_BUTTON (jp_test_get (dialog, "day_spin"));

  /* No "inherit" for the plan: linear first. */
  g_assert_cmpuint (adw_combo_row_get_selected (jp_curve_editor_get_kind_row (editor)), ==, JP_CURVE_LINEAR);
  g_assert_cmpuint (adw_combo_row_get_selected (cycle_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (jp_test_get (dialog, "day_row")));

  jp_curve_editor_select_kind (editor, JP_CURVE_QUARTERLY);
  adw_combo_row_set_selected (cycle_row, 1); /* monthly, by a day */
  jp_test_pump ();
  g_assert_true (gtk_widget_get_visible (jp_test_get (dialog, "day_row")));
  gtk_spin_button_set_value (day_spin, 20);
  jp_test_pump ();
  g_assert_cmpstr (jp_plan_dialog_get_report_cycle (JP_PLAN_DIALOG (dialog)), ==, "monthly:20");
  /* Days after the month: 0–60. */
  adw_combo_row_set_selected (cycle_row, 2);
  gtk_spin_button_set_value (day_spin, 45);
  jp_test_pump ();
  g_assert_cmpstr (jp_plan_dialog_get_report_cycle (JP_PLAN_DIALOG (dialog)), ==, "monthly:+45");
  adw_combo_row_set_selected (cycle_row, 1);
  gtk_spin_button_set_value (day_spin, 25);
  jp_test_pump ();
  g_assert_cmpstr (jp_plan_dialog_get_report_cycle (JP_PLAN_DIALOG (dialog)), ==, "monthly:25");
  confirm (f, dialog);

  g_assert_cmpstr (jp_plan_get_curve (f->plan), ==, "quarterly");
  g_assert_cmpstr (jp_plan_get_report_cycle (f->plan), ==, "monthly:25");
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_plan_get_curve (reloaded), ==, "quarterly");
  g_assert_cmpstr (jp_plan_get_report_cycle (reloaded), ==, "monthly:25");

  /* Nothing reported since the last deadline (Dec 25): flagged, in the
   * tree and on the work point's page. */
  jp_item_evaluate (item, NULL, &progress);
  g_assert_true (progress.late_report);
  g_assert_cmpstr (jp_plan_cell_get_flags (JP_PLAN_CELL (cell)), ==, "Late report");
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window->item_page), "flags_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (f->window->item_page), "flags_label"))),
                   ==, "Late report");

  /* Undo takes both back, and the flag with them. */
  undo (f);
  g_assert_null (jp_plan_get_curve (f->plan));
  g_assert_null (jp_plan_get_report_cycle (f->plan));
  g_assert_null (jp_plan_cell_get_flags (JP_PLAN_CELL (cell)));
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (f->window->item_page), "flags_label")));
}

/* A plan that says "linear" keeps saying it when its properties are saved
 * unchanged: nothing to undo. */
static void
test_plan_linear_unchanged (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  jp_undo_begin_group (f->window->undo, "test");
  g_assert_true (jp_undo_set_string (f->window->undo, f->plan, "curve", "linear", &error));
  g_assert_no_error (error);
  g_assert_true (jp_undo_end_group (f->window->undo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_undo_get_undo_label (f->window->undo), ==, "test");

  dialog = jp_test_open_dialog (f->window, "win.plan-properties", NULL);
  g_assert_cmpstr (jp_plan_dialog_get_curve (JP_PLAN_DIALOG (dialog)), ==, "linear");
  g_assert_null (jp_plan_dialog_get_report_cycle (JP_PLAN_DIALOG (dialog)));
  /* Nothing changed: Save is off (and would add no step). */
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();
  g_assert_cmpstr (jp_plan_get_curve (f->plan), ==, "linear");
  g_assert_cmpstr (jp_undo_get_undo_label (f->window->undo), ==, "test");
}

/* The views follow a change of the plan's default curve: at June 30 with
 * nothing recorded the work points are "no report" on the linear curve,
 * "not started" when only the due date expects anything. */
static void
test_curve_refreshes_views (Fixture       *f,
                            gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 3);
  GtkWidget *dialog;
  GtkWidget *cell;
  GtkLabel *status_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-as-of", "s", "2023-06-30"));
  select_item (f, 3);
  cell = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_STATUS);
  status_label = GTK_LABEL (jp_test_get (GTK_WIDGET (f->window->item_page), "status_label"));
  g_assert_nonnull (cell);
  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (cell)), ==, jp_status_get_label (JP_STATUS_NO_REPORT));
  g_assert_cmpstr (jp_plan_cell_get_symbol (JP_PLAN_CELL (cell)), ==, "!");
  g_assert_cmpstr (gtk_label_get_text (status_label), ==, jp_status_get_label (JP_STATUS_NO_REPORT));

  dialog = jp_test_open_dialog (f->window, "win.plan-properties", NULL);
  jp_curve_editor_select_kind (JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group")), JP_CURVE_DUE_ONLY);
  jp_test_pump ();
  confirm (f, dialog);
  g_assert_cmpstr (jp_plan_get_curve (f->plan), ==, "due");

  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (cell)), ==, jp_status_get_label (JP_STATUS_NOT_STARTED));
  g_assert_cmpstr (gtk_label_get_text (status_label), ==, jp_status_get_label (JP_STATUS_NOT_STARTED));

  undo (f);
  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (cell)), ==, jp_status_get_label (JP_STATUS_NO_REPORT));
  g_assert_cmpstr (gtk_label_get_text (status_label), ==, jp_status_get_label (JP_STATUS_NO_REPORT));
}

/* An update whose completion differs from the targets' by more than 20
 * points is flagged beside the status. */
static void
test_self_report_flag (Fixture       *f,
                       gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-06-30");
  g_autoptr(GError) error = NULL;
  GtkWidget *cell;
  JpProgress progress;
  g_autofree char *expected = NULL;
  g_autofree char *computed = NULL;

  select_item (f, 2);
  jp_item_update_set_has_completion (update, TRUE);
  jp_item_update_set_completion (update, 60);
  g_assert_true (jp_undo_add_update (f->window->undo, item, update, &error));
  g_assert_no_error (error);
  jp_test_pump ();

  jp_item_evaluate (item, NULL, &progress);
  g_assert_true (progress.self_report_differs);
  computed = jp_ui_dup_rounded_percent (progress.p);
  expected = g_strdup_printf ("Self-reported 60%%, targets %s", computed);

  cell = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_STATUS);
  g_assert_cmpstr (jp_plan_cell_get_flags (JP_PLAN_CELL (cell)), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (f->window->item_page), "flags_label"))),
                   ==, expected);
}

/* F1 (and the "?" beside the status filter) opens the help, which
 * explains every status; the shortcuts window lists F1. */
static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-status-help");
  g_autoptr(GBytes) overlay = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JpHelpWindow *help;
  GList *toplevels;
  GtkWidget *button;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  overlay = g_resources_lookup_data ("/com/jinfeng/plan/gtk/help-overlay.ui", 0, NULL);
  g_assert_nonnull (overlay);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay),
                                  "<property name=\"accelerator\">F1</property>"));

  /* The status column's header menu leads there too. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (jp_test_get (GTK_WIDGET (f->window->plan_tree), "column_view"));
    GListModel *columns = gtk_column_view_get_columns (view);
    GMenuModel *menu = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (column), "Status") == 0)
          menu = gtk_column_view_column_get_header_menu (column);
      }
    g_assert_nonnull (menu);
    menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_nonnull (menu);
    {
      g_autoptr(GVariant) action = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_ACTION,
                                                                           G_VARIANT_TYPE_STRING);

      g_assert_cmpstr (g_variant_get_string (action, NULL), ==, "win.show-status-help");
    }
    g_object_unref (menu);
  }

  button = jp_test_get (GTK_WIDGET (f->window), "status_help_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-status-help");
  g_signal_emit_by_name (button, "clicked");
  jp_test_pump ();

  help = JP_HELP_WINDOW (jp_test_find_toplevel (JP_TYPE_HELP_WINDOW));
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (f->window));

  collect_text (GTK_WIDGET (help), text);
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      g_assert_nonnull (strstr (text->str, jp_status_get_label (i)));
      g_assert_nonnull (strstr (text->str, jp_status_get_symbol (i)));
      g_assert_nonnull (strstr (text->str, jp_help_status_get_description (i)));
    }
  for (guint i = 0; i < JP_N_CURVE_KINDS; i++)
    g_assert_nonnull (strstr (text->str, jp_curve_kind_get_description (i)));
  g_assert_nonnull (strstr (text->str, "达90%"));
  g_assert_nonnull (strstr (text->str, "Late report"));
  g_assert_nonnull (strstr (text->str, "e ≤ 0.10"));

  /* Once per window: asking again shows the same one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-status-help", NULL));
  jp_test_pump ();
  toplevels = gtk_window_list_toplevels ();
  {
    guint n = 0;

    for (GList *l = toplevels; l != NULL; l = l->next)
      n += JP_IS_HELP_WINDOW (l->data) ? 1 : 0;
    g_assert_cmpuint (n, ==, 1);
  }
  g_list_free (toplevels);

  /* Closed, it opens again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "window.close", NULL));
  jp_test_pump ();
  g_assert_null (jp_test_find_toplevel (JP_TYPE_HELP_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-status-help", NULL));
  jp_test_pump ();
  help = JP_HELP_WINDOW (jp_test_find_toplevel (JP_TYPE_HELP_WINDOW));
  g_assert_nonnull (help);
  gtk_window_destroy (GTK_WINDOW (help));
  jp_test_pump ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = jp_test_application ();

  g_test_add ("/jp/curves/indicator-custom", Fixture, NULL,
              fixture_set_up, test_indicator_custom_curve, fixture_tear_down);
  g_test_add ("/jp/curves/item", Fixture, NULL,
              fixture_set_up, test_item_curve, fixture_tear_down);
  g_test_add ("/jp/curves/kind-description", Fixture, NULL,
              fixture_set_up, test_kind_description, fixture_tear_down);
  g_test_add ("/jp/curves/plan-properties", Fixture, NULL,
              fixture_set_up, test_plan_properties, fixture_tear_down);
  g_test_add ("/jp/curves/plan-linear-unchanged", Fixture, NULL,
              fixture_set_up, test_plan_linear_unchanged, fixture_tear_down);
  g_test_add ("/jp/curves/refreshes-views", Fixture, NULL,
              fixture_set_up, test_curve_refreshes_views, fixture_tear_down);
  g_test_add ("/jp/curves/self-report-flag", Fixture, NULL,
              fixture_set_up, test_self_report_flag, fixture_tear_down);
  g_test_add ("/jp/curves/help", Fixture, NULL,
              fixture_set_up, test_help, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
