/* test-window.c: the main window, driven through its real widgets and
 * actions under Xvfb; each edit is checked in the model and, after
 * reopening the database with a fresh JpStore, in the file. */

#include "config.h"

#include <adwaita.h>

#include "jp-import-dialog.h"
#include "jp-indicator-dialog.h"
#include "jp-item-dialog.h"
#include "jp-people-dialog.h"
#include "jp-plan-cell.h"
#include "jp-store-private.h"
#include "jp-progress-dialog.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef JpTestFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  jp_test_fixture_open (f, app);
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 17);
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
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (item));
  g_assert_true (jp_item_page_get_item (f->window->item_page) == item);
}

static GtkWidget *
open_dialog (Fixture    *f,
             const char *action,
             GVariant   *parameter)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  jp_test_pump ();
  dialog = jp_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  return GTK_WIDGET (dialog);
}

static void
confirm (Fixture   *f,
         GtkWidget *dialog)
{
  g_assert_true (gtk_widget_get_sensitive (jp_test_get (dialog, "save_button")));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  /* Applied and closed. */
  g_assert_null (jp_window_get_dialog (f->window));
}

/* ---- tests -------------------------------------------------------------- */

static void
test_first_start (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *created = g_build_filename (dir, "created.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(JpPlan) reloaded = NULL;
  JpWindow *window;

  /* The window creates the default database: it gets the bundled plan. */
  window = jp_test_open_window (app, created, FALSE, TRUE);
  g_assert_nonnull (jp_window_get_plan (window));
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (jp_window_get_plan (window))), ==, 6);
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  jp_test_close_window (window);

  reloaded = jp_test_reload (created);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);
  g_assert_cmpuint (jp_plan_get_n_indicators (reloaded), ==, 36);

  /* Any other empty database: the empty state, nothing imported. */
  window = jp_test_open_window (app, other, FALSE, FALSE);
  g_assert_null (jp_window_get_plan (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");

  /* "Open the 2023 sample" */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  jp_test_pump ();
  g_assert_nonnull (jp_window_get_plan (window));
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  jp_test_close_window (window);

  g_clear_object (&reloaded);
  reloaded = jp_test_reload (other);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);

  jp_test_remove_dir (dir);
}

static void
test_edit_indicator_target (Fixture       *f,
                            gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  gint64 id = jp_indicator_get_id (indicator);
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *dialog;

  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);
  select_item (f, 2);

  dialog = open_dialog (f, "win.edit-indicator", g_variant_new_int64 (id));
  g_assert_true (JP_IS_INDICATOR_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "target_row"))), ==, "90");

  /* Full-width digits are numbers too. */
  jp_test_set_text (dialog, "target_row", "９５");
  confirm (f, dialog);

  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 95);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
  g_assert_cmpstr (jp_indicator_get_name (jp_test_indicator (reloaded, 2, 0)), ==,
                   jp_indicator_get_name (indicator));

  /* Undo goes through the store as well. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 90);

  /* And redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  jp_test_pump ();
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 95);
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
}

static void
test_record_progress (Fixture       *f,
                      gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  g_autoptr(JpPlan) reloaded = NULL;
  JpIndicator *stored;
  JpProgressEntry *latest;
  GtkWidget *dialog;
  GtkWidget *history;

  g_assert_null (jp_indicator_get_latest (indicator));
  select_item (f, 2);

  dialog = open_dialog (f, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  g_assert_true (JP_IS_PROGRESS_DIALOG (dialog));
  /* The author defaults to the user's name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "author_row"))), !=, "");

  jp_test_set_text (dialog, "date_row", "2023-06-30");
  jp_test_set_text (dialog, "value_row", "72");
  jp_test_set_text (dialog, "note_row", "上半年评定");
  jp_test_set_text (dialog, "author_row", "张学兵");
  confirm (f, dialog);

  latest = jp_indicator_get_latest (indicator);
  g_assert_nonnull (latest);
  g_assert_cmpfloat (jp_progress_entry_get_value (latest), ==, 72);
  g_assert_cmpstr (jp_progress_entry_get_date (latest), ==, "2023-06-30");
  g_assert_cmpstr (jp_progress_entry_get_note (latest), ==, "上半年评定");

  /* The item page lists it in the history. */
  history = jp_test_get (GTK_WIDGET (f->window), "history_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (history), 1));

  reloaded = jp_test_reload (f->path);
  stored = jp_test_indicator (reloaded, 2, 0);
  g_assert_true (jp_indicator_ensure_history (stored, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (stored)), ==, 1);
  latest = jp_indicator_get_latest (stored);
  g_assert_cmpfloat (jp_progress_entry_get_value (latest), ==, 72);
  g_assert_cmpstr (jp_progress_entry_get_date (latest), ==, "2023-06-30");
  g_assert_cmpstr (jp_progress_entry_get_note (latest), ==, "上半年评定");
  g_assert_cmpstr (jp_progress_entry_get_author (latest), ==, "张学兵");
  g_clear_object (&reloaded);

  /* The same date again: the dialog says it replaces the value recorded
   * then (one entry per date, as the progress import keeps it); undo
   * brings the old value back. */
  dialog = open_dialog (f, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  jp_test_set_text (dialog, "date_row", "2023-07-31");
  g_assert_false (gtk_widget_get_visible (jp_test_get (dialog, "replace_label")));
  jp_test_set_text (dialog, "date_row", "2023-06-30");
  g_assert_true (gtk_widget_get_visible (jp_test_get (dialog, "replace_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (dialog, "replace_label"))), ==,
                   "72% is recorded on this date: recording replaces it.");
  jp_test_set_text (dialog, "value_row", "80");
  jp_test_set_text (dialog, "note_row", "复核");
  confirm (f, dialog);
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, 1);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (indicator)), ==, 80);
  g_assert_cmpstr (jp_progress_entry_get_note (jp_indicator_get_latest (indicator)), ==, "复核");
  reloaded = jp_test_reload (f->path);
  stored = jp_test_indicator (reloaded, 2, 0);
  g_assert_true (jp_indicator_ensure_history (stored, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (stored)), ==, 1);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (stored)), ==, 80);
  g_clear_object (&reloaded);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (indicator)), ==, 72);
  g_assert_cmpstr (jp_progress_entry_get_note (jp_indicator_get_latest (indicator)), ==, "上半年评定");
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (jp_test_indicator (reloaded, 2, 0))),
                     ==, 72);
}

static gboolean
save_enabled (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (jp_test_get (dialog, "save_button"));
}

static void
test_invalid_input (Fixture       *f,
                    gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  g_autofree char *name = g_strdup_printf ("%s（新）", jp_indicator_get_name (indicator));
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *dialog;
  GtkWidget *error_label;

  select_item (f, 2);
  dialog = open_dialog (f, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  error_label = jp_test_get (dialog, "target_error");
  /* Nothing changed yet: nothing to save. */
  g_assert_false (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));
  jp_test_set_text (dialog, "name_row", name);
  g_assert_true (save_enabled (dialog));

  /* Not a number: shown inline, cannot be saved. */
  jp_test_set_text (dialog, "target_row", "abc");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (jp_test_get (dialog, "target_row"), "error"));
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  jp_test_pump ();
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);

  jp_test_set_text (dialog, "target_row", "９０");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A number the program cannot store, or writes no other way: the
   * message says what is wrong with it (jp-limits.h). */
  jp_test_set_text (dialog, "target_row", "1234567890123456");
  g_assert_false (save_enabled (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "has 16 digits"));
  jp_test_set_text (dialog, "target_row", "1E2");
  g_assert_false (save_enabled (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "with an exponent"));
  jp_test_set_text (dialog, "target_row", "90");
  {
    g_autofree char *long_name = g_strnfill (40000, 'a');

    jp_test_set_text (dialog, "name_row", long_name);
    g_assert_false (save_enabled (dialog));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "40000 characters long"));
    jp_test_set_text (dialog, "name_row", name);
  }
  g_assert_true (save_enabled (dialog));

  /* A range whose upper bound is below the target. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (jp_test_get (dialog, "kind_row")), JP_INDICATOR_KIND_RANGE);
  jp_test_pump ();
  jp_test_set_text (dialog, "target_max_row", "50");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "target_max_row", "100");
  g_assert_true (save_enabled (dialog));

  /* A negative count, an empty name, a due date outside the plan year. */
  jp_test_set_text (dialog, "target_row", "-3");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "target_row", "90");
  jp_test_set_text (dialog, "name_row", "  ");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "name_row", name);
  jp_test_set_text (dialog, "due_row", "2024-03-01");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (jp_test_get (dialog, "tracking_error")));
  jp_test_set_text (dialog, "due_row", "");
  jp_test_set_text (dialog, "weight_row", "-1");
  g_assert_false (save_enabled (dialog));

  /* Cancel: nothing changed, in memory or in the file. */
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_cmpint (jp_indicator_get_kind (indicator), ==, JP_INDICATOR_KIND_AT_LEAST);
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);

  /* Progress entry: a date outside the year, a negative value, text. */
  dialog = open_dialog (f, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  jp_test_set_text (dialog, "value_row", "72");
  g_assert_true (save_enabled (dialog));
  jp_test_set_text (dialog, "date_row", "2024-01-05");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "date_row", "2023-13-01");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "date_row", "２０２３-０６-３０");
  g_assert_true (save_enabled (dialog));
  jp_test_set_text (dialog, "value_row", "-3");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "value_row", "七十");
  g_assert_false (save_enabled (dialog));
  /* A value beyond 10^15, a note longer than a spreadsheet cell. */
  jp_test_set_text (dialog, "value_row", "1e16");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "value_row", "72");
  g_assert_true (save_enabled (dialog));
  {
    g_autofree char *long_note = g_strnfill (32768, 'n');

    jp_test_set_text (dialog, "note_row", long_note);
    g_assert_false (save_enabled (dialog));
    jp_test_set_text (dialog, "note_row", "");
    g_assert_true (save_enabled (dialog));
  }
  /* A number the indicator's kind cannot take (the model's rule, which
   * the progress import applies too): a percentage over 1000. */
  jp_test_set_text (dialog, "value_row", "1200");
  g_assert_false (save_enabled (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (dialog, "error_label"))), ==,
                   "A percentage cannot be over 1000 (1,200%).");
  jp_test_set_text (dialog, "value_row", "1000");
  g_assert_true (save_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();

  /* A count with decimals. */
  {
    g_autoptr(GPtrArray) items = jp_plan_dup_items (f->plan);
    JpIndicator *count = NULL;

    for (guint i = 0; i < items->len && count == NULL; i++)
      {
        GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

        for (guint j = 0; j < g_list_model_get_n_items (indicators) && count == NULL; j++)
          {
            g_autoptr(JpIndicator) candidate = g_list_model_get_item (indicators, j);

            if (g_strcmp0 (jp_indicator_get_unit (candidate), "所") == 0 &&
                jp_indicator_get_kind (candidate) != JP_INDICATOR_KIND_MILESTONE)
              count = candidate;
          }
      }
    g_assert_nonnull (count);
    select_item (f, jp_item_get_number (jp_indicator_get_item (count)));
    dialog = open_dialog (f, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (count)));
    jp_test_set_text (dialog, "value_row", "3");
    g_assert_true (save_enabled (dialog));
    jp_test_set_text (dialog, "value_row", "3.5");
    g_assert_false (save_enabled (dialog));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (jp_test_get (dialog, "error_label"))), ==,
                     "A count cannot have decimals (3.5 所).");
  }
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();
  g_assert_null (jp_indicator_get_latest (indicator));

  /* Work point update: a note longer than a spreadsheet cell. */
  dialog = open_dialog (f, "win.add-update", NULL);
  g_assert_true (save_enabled (dialog));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (jp_test_get (dialog, "note_view")));
    g_autofree char *long_note = g_strnfill (32768, 'n');

    gtk_text_buffer_set_text (buffer, long_note, -1);
    g_assert_false (save_enabled (dialog));
    gtk_text_buffer_set_text (buffer, "进展顺利", -1);
    g_assert_true (save_enabled (dialog));
  }
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();

  /* Work point: a number that is not a whole number above 0. */
  dialog = open_dialog (f, "win.edit-selected", NULL);
  g_assert_true (JP_IS_ITEM_DIALOG (dialog));
  jp_test_set_text (dialog, "number_row", "0");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "number_row", "2.5");
  g_assert_false (save_enabled (dialog));
  jp_test_set_text (dialog, "number_row", "2");
  jp_test_set_text (dialog, "title_row", "");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();

  reloaded = jp_test_reload (f->path);
  g_assert_cmpint (jp_indicator_get_kind (jp_test_indicator (reloaded, 2, 0)), ==, JP_INDICATOR_KIND_AT_LEAST);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 90);
  g_assert_null (jp_indicator_get_latest (jp_test_indicator (reloaded, 2, 0)));
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 2)), ==, "全面加强教育系统党的建设");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 5);
  g_autoptr(JpItem) keep = g_object_ref (item);
  g_autofree char *title = g_strdup (jp_item_get_title (item));
  JpIndicator *indicator = jp_test_indicator (f->plan, 5, 0);
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-05-31", 2);
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  JpIndicator *stored;

  /* Some history that an undone delete must bring back. */
  jp_store_add_progress (jp_window_get_store (f->window), indicator, entry, &error);
  g_assert_no_error (error);

  select_item (f, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL));
  jp_test_pump ();

  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);
  g_assert_null (jp_item_get_section (keep));
  /* The numbering 1…17 follows the order: 6 is now 5. */
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (f->plan, 5)), ==, "提高德育质量");
  g_assert_null (jp_plan_find_item_by_number (f->plan, 17));

  reloaded = jp_test_reload (f->path);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 16);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 5)), ==, "提高德育质量");

  /* Undo (what the toast's button does). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 17);
  g_assert_true (jp_plan_find_item_by_number (f->plan, 5) == keep);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (f->plan, 6)), ==, "提高德育质量");
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_indicators (keep)), ==, 3);

  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 5)), ==, title);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_indicators (jp_plan_find_item_by_number (reloaded, 5))), ==, 3);
  g_assert_true (jp_test_has_name (jp_item_get_leaders (jp_plan_find_item_by_number (reloaded, 5)), "高学芳"));
  stored = jp_test_indicator (reloaded, 5, 0);
  g_assert_true (jp_indicator_ensure_history (stored, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (stored)), ==, 1);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (stored)), ==, 2);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 17)), ==, "加强校园安全管理");
}

static char *
menu_label (GMenuModel *menu,
            int         index)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

/* A toast's Undo acts on the step it announced, never on another: after
 * Ctrl+Z undid that step, the toast has no Undo button any more, and its
 * action (were it clicked) leaves an older deletion alone. The toast names the work
 * point by title; the menu says what Undo and Redo act on. */
static void
test_toast_after_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GVariant) target = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  JpItem *older = jp_plan_find_item_by_number (f->plan, 3);
  g_autoptr(JpItem) keep_older = g_object_ref (older);
  JpItem *item;

  select_item (f, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);

  select_item (f, 10);
  item = jp_plan_find_item_by_number (f->plan, 10);
  title = g_strdup (jp_item_get_title (item));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 15);

  /* The toast names the work point and undoes its own step. */
  g_assert_nonnull (f->window->undo_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (f->window->undo_toast), title));
  g_assert_cmpstr (adw_toast_get_action_name (f->window->undo_toast), ==, "win.undo-step");
  target = g_variant_ref (adw_toast_get_action_target_value (f->window->undo_toast));
  toast = g_object_ref (f->window->undo_toast);
  undo = menu_label (G_MENU_MODEL (f->window->undo_section), 0);
  g_assert_cmpstr (undo, ==, "_Undo Delete work point");

  /* Ctrl+Z brings it back: the toast goes, the menu offers to redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);
  g_assert_null (f->window->undo_toast);
  g_assert_null (adw_toast_get_button_label (toast));
  g_assert_null (adw_toast_get_action_name (toast));
  redo = menu_label (G_MENU_MODEL (f->window->undo_section), 1);
  g_assert_cmpstr (redo, ==, "_Redo Delete work point");

  /* The stale toast's action does not undo the older deletion. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-step", target));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);
  g_assert_null (jp_item_get_section (keep_older));

  /* A toast of the latest step still undoes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 15);
  g_clear_pointer (&target, g_variant_unref);
  target = g_variant_ref_sink (g_variant_new_uint64 (jp_undo_get_undo_serial (f->window->undo)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-step", target));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);
}

static void
test_merge_units (Fixture       *f,
                  gconstpointer  data)
{
  const char *from = "各中小学、幼儿园";
  const char *into = "各中小学校、幼儿园";
  JpItem *item5 = jp_plan_find_item_by_number (f->plan, 5);
  JpItem *item12 = jp_plan_find_item_by_number (f->plan, 12);
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (jp_plan_find_unit (f->plan, from));
  g_assert_true (jp_test_has_name (jp_item_get_units (item5), from));

  dialog = open_dialog (f, "win.manage-people", NULL);
  g_assert_true (JP_IS_PEOPLE_DIALOG (dialog));
  g_assert_true (gtk_widget_activate_action (dialog, "people.merge", "(bss)", FALSE, from, into));
  jp_test_pump ();

  g_assert_null (jp_plan_find_unit (f->plan, from));
  g_assert_false (jp_test_has_name (jp_item_get_units (item5), from));
  g_assert_true (jp_test_has_name (jp_item_get_units (item5), into));
  g_assert_true (jp_test_has_name (jp_item_get_units (item12), into));
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_units (item5)), ==, 2);

  reloaded = jp_test_reload (f->path);
  g_assert_null (jp_plan_find_unit (reloaded, from));
  g_assert_true (jp_test_has_name (jp_item_get_units (jp_plan_find_item_by_number (reloaded, 5)), into));
  g_assert_false (jp_test_has_name (jp_item_get_units (jp_plan_find_item_by_number (reloaded, 12)), from));
  g_assert_true (jp_test_has_name (jp_item_get_units (jp_plan_find_item_by_number (reloaded, 12)), into));

  /* A merge is undone like any edit. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_nonnull (jp_plan_find_unit (f->plan, from));
  g_assert_true (jp_test_has_name (jp_item_get_units (item5), from));
  g_assert_false (jp_test_has_name (jp_item_get_units (item5), into));

  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_nonnull (jp_plan_find_unit (reloaded, from));
  g_assert_true (jp_test_has_name (jp_item_get_units (jp_plan_find_item_by_number (reloaded, 12)), from));
}

/* The buttons under @root with the CSS class @name, in order. */
static void
collect_with_class (GtkWidget  *root,
                    const char *name,
                    GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, name))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, name, found);
}

/* Near-duplicate names are flagged with a Merge button; a merge leaves the
 * focus on the merged row; adding a near name asks first; review mode
 * shows no hints and no menus. */
static void
test_near_duplicates (Fixture       *f,
                      gconstpointer  data)
{
  const char *from = "各中小学、幼儿园";
  const char *into = "各中小学校、幼儿园";
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *merge = NULL;
  GtkWidget *focus;
  GtkWidget *dialog;
  GtkWidget *error;

  dialog = open_dialog (f, "win.manage-people", NULL);
  g_assert_true (JP_IS_PEOPLE_DIALOG (dialog));

  collect_with_class (dialog, "near-duplicate", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, i));
      const char *a, *b;
      gboolean leaders;

      g_variant_get (target, "(b&s&s)", &leaders, &a, &b);
      if (!leaders && g_str_equal (a, from) && g_str_equal (b, into))
        merge = g_ptr_array_index (buttons, i);
    }
  g_assert_nonnull (merge);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (merge), into));

  g_signal_emit_by_name (merge, "clicked");
  jp_test_pump ();
  g_assert_null (jp_plan_find_unit (f->plan, from));
  reloaded = jp_test_reload (f->path);
  g_assert_null (jp_plan_find_unit (reloaded, from));
  g_assert_nonnull (jp_plan_find_unit (reloaded, into));

  /* The focus is on the row that took the other's place. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (focus);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, into);

  /* "督导" beside "督导室": asked first, added when asked again. */
  g_assert_nonnull (jp_plan_find_unit (f->plan, "督导室"));
  g_assert_true (gtk_widget_activate_action (dialog, "people.add", "(bs)", FALSE, "督导"));
  jp_test_pump ();
  g_assert_null (jp_plan_find_unit (f->plan, "督导"));
  error = jp_test_get (dialog, "units_error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "督导室"));
  g_assert_true (gtk_widget_activate_action (dialog, "people.add", "(bs)", FALSE, "督导"));
  jp_test_pump ();
  g_assert_nonnull (jp_plan_find_unit (f->plan, "督导"));

  /* Review mode: no hints, no menus to open. */
  jp_people_dialog_set_editable (JP_PEOPLE_DIALOG (dialog), FALSE);
  jp_test_pump ();
  g_ptr_array_set_size (buttons, 0);
  collect_with_class (dialog, "near-duplicate", buttons);
  g_assert_cmpuint (buttons->len, ==, 0);
  collect_with_class (dialog, "flat", menus);
  for (guint i = 0; i < menus->len; i++)
    g_assert_false (GTK_IS_MENU_BUTTON (g_ptr_array_index (menus, i)) &&
                    gtk_widget_is_sensitive (g_ptr_array_index (menus, i)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_rows (Fixture   *f,
            GPtrArray *items)
{
  GListModel *model = G_LIST_MODEL (jp_plan_tree_get_selection_model (f->window->plan_tree));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

      if (JP_IS_ITEM (object) && items != NULL)
        g_ptr_array_add (items, object);
    }

  return n;
}

/* GtkSearchEntry reports a change after a short delay. */
static void
search (Fixture    *f,
        const char *text)
{
  JpPlanFilter *filter = jp_plan_tree_get_filter (f->window->plan_tree);
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), text);
  while (g_strcmp0 (jp_plan_filter_get_text (filter), text) != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (jp_plan_filter_get_text (filter), ==, text);
  jp_test_pump ();
}

static void
test_filter_leader (Fixture       *f,
                    gconstpointer  data)
{
  const char *leader = "崔茜";
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GPtrArray) stored_items = NULL;
  GtkDropDown *dropdown = f->window->leader_dropdown;
  GListModel *names = gtk_drop_down_get_model (dropdown);
  guint expected = 0;
  guint index = GTK_INVALID_LIST_POSITION;

  g_assert_cmpuint (count_rows (f, NULL), ==, 6 + 17);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  jp_test_pump ();
  g_assert_true (gtk_search_bar_get_search_mode (f->window->search_bar));

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), leader) == 0)
      index = i;
  g_assert_cmpuint (index, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, index);
  jp_test_pump ();

  /* Only 崔茜's work points, with their sections. */
  g_assert_cmpuint (count_rows (f, items), ==, 3 + 4);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (jp_test_has_name (jp_item_get_leaders (g_ptr_array_index (items, i)), leader));

  /* The same work points as the file names for 崔茜. */
  reloaded = jp_test_reload (f->path);
  stored_items = jp_plan_dup_items (reloaded);
  for (guint i = 0; i < stored_items->len; i++)
    {
      JpItem *stored = g_ptr_array_index (stored_items, i);

      if (!jp_test_has_name (jp_item_get_leaders (stored), leader))
        continue;

      expected++;
      g_assert_cmpint (jp_item_get_number (stored), ==,
                       jp_item_get_number (g_ptr_array_index (items, expected - 1)));
    }
  g_assert_cmpuint (expected, ==, items->len);

  /* Text within the leader's work points, then no result at all. */
  search (f, "建强教师队伍");
  g_ptr_array_set_size (items, 0);
  count_rows (f, items);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (jp_item_get_number (g_ptr_array_index (items, 0)), ==, 11);

  search (f, "没有这样的词");
  g_assert_cmpuint (count_rows (f, NULL), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->tree_stack), ==, "no-results");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL));
  jp_test_pump ();
  g_assert_cmpuint (count_rows (f, NULL), ==, 6 + 17);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->tree_stack), ==, "tree");
}

static int
item_index (JpItem *item)
{
  GListModel *items = jp_section_get_items (jp_item_get_section (item));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(JpItem) other = g_list_model_get_item (items, i);

      if (other == item)
        return (int) i;
    }

  return -1;
}

static gboolean
message_dialog_shown (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean shown = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        shown = TRUE;
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);

  return shown;
}

/* Another program holds the database's write lock (the sqlite3 tool in a
 * transaction): the edit fails, the user is told, nothing changes in
 * memory or in the file; once the lock is gone the same edit works. */
static void
test_store_busy (Fixture       *f,
                 gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(GSubprocess) locker = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *lock_sql = "BEGIN EXCLUSIVE;\nSELECT 'locked';\n";
  GOutputStream *in;
  GtkWidget *dialog;

  if (sqlite3 == NULL)
    {
      g_test_skip ("the sqlite3 tool is not installed");
      return;
    }

  _jp_store_set_busy_timeout (jp_window_get_store (f->window), 200);

  locker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             sqlite3, "-batch", f->path, NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (locker);
  g_output_stream_write_all (in, lock_sql, strlen (lock_sql), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (in, NULL, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (locker));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");

  select_item (f, 2);
  dialog = open_dialog (f, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  jp_test_set_text (dialog, "target_row", "95");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();

  g_assert_true (message_dialog_shown ());
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);
  g_assert_false (jp_window_get_review_mode (f->window));

  /* The lock goes away. */
  g_output_stream_close (in, NULL, NULL);
  g_subprocess_wait (locker, NULL, &error);
  g_assert_no_error (error);

  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 90);
  g_clear_object (&reloaded);

  confirm (f, dialog);
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 95);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
}

/* Drag and drop: what a drop on a cell does (the drag itself needs a
 * pointer, which Xvfb tests do not have). */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  JpItem *first = jp_plan_find_item_by_number (f->plan, 1);
  JpItem *third = jp_plan_find_item_by_number (f->plan, 3);
  JpSection *section_two = jp_item_get_section (jp_plan_find_item_by_number (f->plan, 5));
  g_autoptr(JpPlan) reloaded = NULL;
  gboolean can_drag = FALSE;
  gboolean handled = FALSE;
  JpPlanCell *cell;

  cell = JP_PLAN_CELL (jp_test_find_cell (GTK_WIDGET (f->window), G_OBJECT (first),
                                          JP_PLAN_COLUMN_TITLE));
  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "can-drag", &can_drag);
  g_assert_true (can_drag);

  /* Work point 3 dropped on the upper half of work point 1. */
  g_signal_emit_by_name (cell, "drop-object", third, FALSE, &handled);
  jp_test_pump ();
  g_assert_true (handled);
  g_assert_cmpint (item_index (third), ==, 0);
  g_assert_cmpint (jp_item_get_number (third), ==, 1);
  g_assert_cmpint (jp_item_get_number (first), ==, 2);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 1)), ==, "巩固提升意识形态工作实效");

  /* Section 二 dropped on the upper half of 一's header: it comes first. */
  cell = JP_PLAN_CELL (jp_test_find_cell (GTK_WIDGET (f->window), G_OBJECT (jp_item_get_section (first)),
                                          JP_PLAN_COLUMN_TITLE));
  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "drop-object", section_two, FALSE, &handled);
  jp_test_pump ();
  g_assert_cmpint (jp_section_get_position (section_two), ==, 0);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (f->plan, 1)), ==, "强化思想政治教育");
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_section_get_ordinal (g_list_model_get_item (jp_plan_get_sections (reloaded), 0)), ==, "二");
  g_object_unref (g_list_model_get_item (jp_plan_get_sections (reloaded), 0));

  /* In review mode nothing can be dragged. */
  g_object_set (f->window, "review-mode", TRUE, NULL);
  jp_test_pump ();
  cell = JP_PLAN_CELL (jp_test_find_cell (GTK_WIDGET (f->window), G_OBJECT (first),
                                          JP_PLAN_COLUMN_TITLE));
  g_signal_emit_by_name (cell, "can-drag", &can_drag);
  g_assert_false (can_drag);
}

static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  JpItem *second = jp_plan_find_item_by_number (f->plan, 2);
  JpItem *fourth = jp_plan_find_item_by_number (f->plan, 4);
  g_autoptr(JpPlan) reloaded = NULL;
  JpSection *section;
  JpItem *added;
  GtkWidget *dialog;

  /* The last work point of 一 moves down into 二: still number 4. */
  select_item (f, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-down", NULL));
  jp_test_pump ();
  g_assert_cmpint (jp_section_get_position (jp_item_get_section (fourth)), ==, 1);
  g_assert_cmpint (item_index (fourth), ==, 0);
  g_assert_cmpint (jp_item_get_number (fourth), ==, 4);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpint (jp_section_get_position (jp_item_get_section (jp_plan_find_item_by_number (reloaded, 4))), ==, 1);
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (fourth));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-up", NULL));
  jp_test_pump ();
  g_assert_cmpint (jp_section_get_position (jp_item_get_section (fourth)), ==, 0);
  g_assert_cmpint (item_index (fourth), ==, 3);

  /* Within a section: the numbering follows the order. */
  select_item (f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.move-down", NULL));
  jp_test_pump ();
  g_assert_cmpint (jp_item_get_number (second), ==, 3);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (f->plan, 2)), ==, "巩固提升意识形态工作实效");
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 3)), ==, "全面加强教育系统党的建设");
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 2)), ==, "巩固提升意识形态工作实效");

  /* Undo puts back the order and the numbers (one step). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_assert_cmpint (jp_item_get_number (second), ==, 2);
  g_assert_cmpint (item_index (second), ==, 1);
  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 2)), ==, "全面加强教育系统党的建设");

  /* A new section after 一, then a work point in it. */
  dialog = open_dialog (f, "win.add-section", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "ordinal_row"))), ==, "七");
  g_assert_false (gtk_widget_get_sensitive (jp_test_get (dialog, "save_button")));
  jp_test_set_text (dialog, "title_row", "测试部分");
  confirm (f, dialog);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (f->plan)), ==, 7);
  section = g_list_model_get_item (jp_plan_get_sections (f->plan), 1);
  g_object_unref (section); /* the plan keeps it */
  g_assert_cmpstr (jp_section_get_title (section), ==, "测试部分");
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (section));

  dialog = open_dialog (f, "win.add-item", NULL);
  jp_test_set_text (dialog, "title_row", "新的工作要点");
  jp_test_set_text (dialog, "due_row", "2023-09-30");
  confirm (f, dialog);
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 18);
  added = JP_ITEM (jp_window_get_selected (f->window));
  g_assert_true (jp_item_get_section (added) == section);
  g_assert_cmpint (jp_item_get_number (added), ==, 5);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (f->plan, 6)), ==, "强化思想政治教育");

  g_clear_object (&reloaded);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (reloaded)), ==, 7);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 18);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 5)), ==, "新的工作要点");
  g_assert_cmpstr (jp_item_get_due (jp_plan_find_item_by_number (reloaded, 5)), ==, "2023-09-30");
  g_assert_cmpint (jp_section_get_position (jp_item_get_section (jp_plan_find_item_by_number (reloaded, 5))), ==, 1);
}

static void
test_review_mode_toggle (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JpPlan) reloaded = NULL;

  select_item (f, 3);
  g_assert_false (jp_window_get_review_mode (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-mode", NULL));
  jp_test_pump ();
  g_assert_true (jp_window_get_review_mode (f->window));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->review_revealer));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (jp_test_get (GTK_WIDGET (f->window), "body_view"))));

  /* Every edit is off. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", NULL);
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 17);

  /* Leave it: editing works again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review-mode", NULL));
  jp_test_pump ();
  g_assert_false (jp_window_get_review_mode (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, 16);

  reloaded = jp_test_reload (f->path);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 16);
}

static void
test_review_read_only (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(JpPlan) reloaded = NULL;
  JpWindow *window;
  JpPlan *plan;

  window = jp_test_open_window (app, path, TRUE, FALSE);
  plan = jp_window_get_plan (window);
  g_assert_nonnull (plan);
  g_assert_true (jp_window_get_review_mode (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->review_revealer));
  g_assert_false (gtk_widget_get_visible (window->review_leave_button));

  g_assert_true (jp_window_select (window, G_OBJECT (jp_plan_find_item_by_number (plan, 2))));
  jp_test_pump ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-selected", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-indicator", "x",
                              jp_indicator_get_id (jp_test_indicator (plan, 2, 0)));
  jp_test_pump ();
  g_assert_true (jp_window_get_review_mode (window));
  g_assert_null (jp_window_get_dialog (window));
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 17);
  jp_test_close_window (window);

  reloaded = jp_test_reload (path);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);
  jp_test_remove_dir (dir);
}

/* A file written by a newer version cannot be written: it opens in review
 * mode and says why. The schema version is PRAGMA user_version, the four
 * bytes at offset 60 of the SQLite header. */
static void
test_review_newer_schema (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  JpWindow *window;

  jp_test_make_newer_schema (path);
  window = jp_test_open_window (app, path, FALSE, FALSE);
  g_assert_nonnull (jp_window_get_plan (window));
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
  g_assert_true (jp_window_get_review_mode (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->review_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->review_label), !=, "");
  g_assert_false (gtk_widget_get_visible (window->review_leave_button));
  jp_test_close_window (window);

  jp_test_remove_dir (dir);
}

static void
test_import_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (JP_TEST_SAMPLE_RESOURCE, 0, NULL);
  g_autofree char *file = g_build_filename (f->dir, "plan.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  JpPlan *shown;

  g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  for (guint round = 0; round < 2; round++)
    {
      gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
      GtkWidget *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-file", "s", file));
      while (!JP_IS_IMPORT_DIALOG (jp_window_get_dialog (f->window)) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
      g_assert_true (JP_IS_IMPORT_DIALOG (dialog));
      jp_test_pump ();

      if (round == 0)
        {
          /* Cancel: the database stays as it was. */
          g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
          jp_test_pump ();
          store = jp_store_open (f->path, JP_STORE_FLAGS_READ_ONLY, &error);
          g_assert_no_error (error);
          plans = jp_store_list_plans (store, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (plans->len, ==, 1);
          g_clear_pointer (&plans, g_ptr_array_unref);
          g_clear_object (&store);
        }
      else
        confirm (f, dialog);
    }

  /* Imported: a second plan, shown. */
  shown = jp_window_get_plan (f->window);
  g_assert_true (shown != f->plan);
  g_assert_cmpuint (jp_plan_get_n_items (shown), ==, 17);
  store = jp_store_open (f->path, JP_STORE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (((JpPlanInfo *) g_ptr_array_index (plans, 1))->id, ==, jp_plan_get_id (shown));

  /* The plan switcher goes back to the first one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-plan", "x",
                                             ((JpPlanInfo *) g_ptr_array_index (plans, 0))->id));
  jp_test_pump ();
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (f->window)), ==,
                   ((JpPlanInfo *) g_ptr_array_index (plans, 0))->id);
}

static void
test_settings (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(GSettings) settings = g_settings_new ("com.jinfeng.plan");
  JpWindow *window;
  gint64 id;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_int64 (settings, "last-plan", 0);

  window = jp_window_new (app, path, FALSE, FALSE);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1000);
    g_assert_cmpint (height, ==, 700);
  }
  gtk_window_present (GTK_WINDOW (window));
  jp_test_pump ();
  id = jp_plan_get_id (jp_window_get_plan (window));
  g_assert_cmpint (g_settings_get_int64 (settings, "last-plan"), ==, id);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  jp_test_pump ();
  gtk_window_close (GTK_WINDOW (window));
  jp_test_pump ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);

  jp_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add_func ("/jp/window/first-start", test_first_start);
  g_test_add ("/jp/window/edit-indicator-target", Fixture, NULL,
              fixture_set_up, test_edit_indicator_target, fixture_tear_down);
  g_test_add ("/jp/window/record-progress", Fixture, NULL,
              fixture_set_up, test_record_progress, fixture_tear_down);
  g_test_add ("/jp/window/invalid-input", Fixture, NULL,
              fixture_set_up, test_invalid_input, fixture_tear_down);
  g_test_add ("/jp/window/delete-undo", Fixture, NULL,
              fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/jp/window/toast-after-undo", Fixture, NULL,
              fixture_set_up, test_toast_after_undo, fixture_tear_down);
  g_test_add ("/jp/window/near-duplicates", Fixture, NULL,
              fixture_set_up, test_near_duplicates, fixture_tear_down);
  g_test_add ("/jp/window/merge-units", Fixture, NULL,
              fixture_set_up, test_merge_units, fixture_tear_down);
  g_test_add ("/jp/window/filter-leader", Fixture, NULL,
              fixture_set_up, test_filter_leader, fixture_tear_down);
  g_test_add ("/jp/window/structure", Fixture, NULL,
              fixture_set_up, test_structure, fixture_tear_down);
  g_test_add ("/jp/window/store-busy", Fixture, NULL,
              fixture_set_up, test_store_busy, fixture_tear_down);
  g_test_add ("/jp/window/drop", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/jp/window/review-mode-toggle", Fixture, NULL,
              fixture_set_up, test_review_mode_toggle, fixture_tear_down);
  g_test_add ("/jp/window/import-preview", Fixture, NULL,
              fixture_set_up, test_import_preview, fixture_tear_down);
  g_test_add_func ("/jp/window/settings", test_settings);
  g_test_add_func ("/jp/window/review-read-only", test_review_read_only);
  g_test_add_func ("/jp/window/review-newer-schema", test_review_newer_schema);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
