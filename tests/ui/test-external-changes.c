/* test-external-changes.c: another program writes to the database the
 * window has open (the command line importing progress rows, another
 * window through its own connection).
 *
 * - The window notices it (it polls the data version every 2 seconds and
 *   when activated), loads the plan again and shows what the file holds,
 *   keeping the selection, the date and the search; it says so in a toast
 *   and forgets its undo steps (they refer to the old copy).
 * - An edit of a plan that another program changed since it was loaded is
 *   refused (JP_STORE_ERROR_CHANGED): the user is told, the editor closes,
 *   the window shows the other program's change, the file keeps it and is
 *   sound. An edit begun after the change edits what is there now.
 * - Two windows of the application on one file: the same, both ways.
 * - A work point's text written meanwhile is saved on the new copy when
 *   the other program left that text alone, else given back to copy.
 * - A progress import whose preview is older than another program's
 *   change records nothing and says why; imported again, it is. */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jp-csv.h"
#include "jp-plan-cell.h"
#include "jp-progress-import-dialog.h"
#include "jp-store-backup.h"
#include "jp-store-private.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  JpWindow *window;
  JpStore  *other;  /* another window's connection */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  g_assert_nonnull (jp_window_get_plan (f->window));
  /* Backups (before a progress import) go to the test's folder. */
  jp_store_set_backup_policy (f->dir, 5);
  f->other = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_close_window (f->window);
  jp_store_set_backup_policy (NULL, JP_STORE_BACKUPS_DEFAULT_KEEP);
  g_clear_object (&f->other);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Pumps until the window shows another copy of the plan than @old (the
 * poll runs every 2 seconds). */
static JpPlan *
wait_for_reload (Fixture *f,
                 JpPlan  *old)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (jp_window_get_plan (f->window) == old && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (jp_window_get_plan (f->window) != old);
  g_assert_nonnull (jp_window_get_plan (f->window));
  jp_test_pump ();

  return jp_window_get_plan (f->window);
}

static gboolean
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

static JpItem *
item_by_number (JpWindow *window,
                int       number)
{
  JpItem *item = jp_plan_find_item_by_number (jp_window_get_plan (window), number);

  g_assert_nonnull (item);
  return item;
}

static void
select_item (Fixture *f,
             int      number)
{
  JpItem *item = item_by_number (f->window, number);

  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  jp_test_pump ();
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (item));
}

static void
assert_sound (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* The command line (the real executable) imports a progress row while the
 * window has the plan open. */
static void
test_cli_progress (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  JpIndicator *indicator = jp_test_indicator (old, 2, 0);
  gint64 indicator_id = jp_indicator_get_id (indicator);
  gint64 item_id = jp_item_get_id (item_by_number (f->window, 2));
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  g_autofree char *csv = g_build_filename (f->dir, "progress.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *arg_db = g_strconcat ("--db=", f->path, NULL);
  g_autofree char *arg_csv = g_strconcat ("--import-progress=", csv, NULL);
  g_autofree char *arg_plan = g_strdup_printf ("--plan=%" G_GINT64_FORMAT, jp_plan_get_id (old));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { exe, arg_db, arg_csv, arg_plan, NULL };
  JpPlan *plan;
  JpIndicator *reloaded;
  JpProgressEntry *latest;
  GObject *selected;
  int status = -1;

  g_assert_nonnull (exe);
  g_assert_true (g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE));

  /* What the user looks at: a search that work point 2 matches, as of
   * 1 October, work point 2. */
  search = g_utf8_substring (jp_item_get_title (item_by_number (f->window, 2)), 0, 4);
  g_object_set (f->window, "search-mode", TRUE, NULL);
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), search);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  jp_test_pump ();
  jp_window_set_as_of (f->window, "2023-10-01");
  select_item (f, 2);
  g_assert_cmpuint (jp_undo_get_can_undo (f->window->undo), ==, FALSE);

  contents = g_strdup_printf ("序号,指标,日期,数值\n2,%s,2023-09-15,77\n",
                              jp_csv_indicator_get_label (indicator));
  g_file_set_contents (csv, contents, -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  /* The window finds out by itself. */
  plan = wait_for_reload (f, old);
  g_assert_cmpint (jp_plan_get_id (plan), ==, jp_plan_get_id (old));
  reloaded = jp_test_indicator (plan, 2, 0);
  g_assert_cmpint (jp_indicator_get_id (reloaded), ==, indicator_id);
  latest = jp_indicator_get_latest (reloaded);
  g_assert_nonnull (latest);
  g_assert_cmpstr (jp_progress_entry_get_date (latest), ==, "2023-09-15");
  g_assert_cmpfloat (jp_progress_entry_get_value (latest), ==, 77);

  /* The same view: selection (the new copy of it), date, search. */
  selected = jp_window_get_selected (f->window);
  g_assert_true (JP_IS_ITEM (selected));
  g_assert_cmpint (jp_item_get_id (JP_ITEM (selected)), ==, item_id);
  g_assert_true (jp_item_page_get_item (f->window->item_page) == JP_ITEM (selected));
  g_assert_cmpstr (jp_window_get_as_of (f->window), ==, "2023-10-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, search);
  g_assert_true (jp_test_find_cell (GTK_WIDGET (f->window), selected, JP_PLAN_COLUMN_TITLE) != NULL);
  g_assert_true (find_label (GTK_WIDGET (f->window),
                             _("Reloaded: the plan was changed by another program")));

  /* Nothing new: no reload. */
  jp_test_pump ();
  g_usleep (2500 * G_TIME_SPAN_MILLISECOND);
  jp_test_pump ();
  g_assert_true (jp_window_get_plan (f->window) == plan);
}

/* Another window (its own connection) changes a title; the window had an
 * undo step: it goes, and the toast says so. */
static void
test_other_window_title (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(GError) error = NULL;
  JpItem *item;
  JpPlan *plan;

  /* An edit of the window's own: no reload, an undo step. */
  select_item (f, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-selected", NULL));
  jp_test_pump ();
  g_assert_true (jp_undo_get_can_undo (f->window->undo));
  g_assert_true (jp_window_get_plan (f->window) == old);

  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (f->other, jp_plan_find_item_by_number (other_plan, 5),
                                      "title", "另一个窗口改的标题", &error));
  g_assert_no_error (error);

  plan = wait_for_reload (f, old);
  item = item_by_number (f->window, 5);
  g_assert_cmpstr (jp_item_get_title (item), ==, "另一个窗口改的标题");
  g_assert_true (jp_test_find_cell (GTK_WIDGET (f->window), G_OBJECT (item), JP_PLAN_COLUMN_TITLE) != NULL);
  /* The window's own deletion stays (work point 3 is the old 4 now). */
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 16);
  g_assert_false (jp_undo_get_can_undo (f->window->undo));
  g_assert_true (find_label (GTK_WIDGET (f->window),
                             _("Reloaded: the plan was changed by another program. "
                               "What was done before cannot be undone.")));
}

/* The target editor is open when another window changes the target: the
 * save is refused, the user is told, the window shows the other value,
 * the file keeps it. */
static void
test_conflict_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  JpIndicator *indicator = jp_test_indicator (old, 2, 0);
  gint64 id = jp_indicator_get_id (indicator);
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *dialog;
  JpPlan *plan;

  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);
  select_item (f, 2);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.edit-indicator",
                                                     g_variant_new_int64 (id)));
  jp_test_pump ();
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  g_assert_nonnull (dialog);

  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (f->other, jp_test_indicator (other_plan, 2, 0), "target", 77, &error));
  g_assert_no_error (error);

  /* The poll does not pull the plan from under the open editor. */
  g_usleep (2500 * G_TIME_SPAN_MILLISECOND);
  jp_test_pump ();
  g_assert_true (jp_window_get_plan (f->window) == old);
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));

  jp_test_set_text (dialog, "target_row", "95");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();

  message = jp_test_take_message_dialog ();
  g_assert_nonnull (message);
  g_assert_true (strstr (message, _("Could Not Save the Target")) != NULL);
  g_assert_true (strstr (message, _("The plan was changed by another program since it was loaded: "
                                    "nothing was saved")) != NULL);
  g_assert_null (jp_window_get_dialog (f->window));

  /* The window shows the other program's value; the file holds it. */
  plan = wait_for_reload (f, old);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (plan, 2, 0)), ==, 77);
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 90);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 77);
  assert_sound (f->path);

  /* Made again, the edit lands on top of the other program's. */
  g_clear_object (&reloaded);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.edit-indicator",
                                                     g_variant_new_int64 (id)));
  jp_test_pump ();
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "target_row"))), ==, "77");
  jp_test_set_text (dialog, "target_row", "95");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_null (jp_test_take_message_dialog ());
  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
  assert_sound (f->path);
}

/* The change comes before the editor opens: the action loads the plan
 * first, so the editor shows (and edits) the other program's value. */
static void
test_edit_after_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  gint64 id = jp_indicator_get_id (jp_test_indicator (old, 2, 0));
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  select_item (f, 2);
  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (f->other, jp_test_indicator (other_plan, 2, 0), "target", 66, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (f->other, jp_test_indicator (other_plan, 2, 0), "unit", "所", &error));
  g_assert_no_error (error);

  /* Before the poll comes round. */
  g_assert_true (jp_window_get_plan (f->window) == old);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.edit-indicator",
                                                     g_variant_new_int64 (id)));
  jp_test_pump ();
  g_assert_true (jp_window_get_plan (f->window) != old);
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "target_row"))), ==, "66");

  jp_test_set_text (dialog, "target_row", "70");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_null (jp_test_take_message_dialog ());

  reloaded = jp_test_reload (f->path);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 70);
  /* The other program's unit stays. */
  g_assert_cmpstr (jp_indicator_get_unit (jp_test_indicator (reloaded, 2, 0)), ==, "所");
  g_assert_cmpstr (jp_indicator_get_unit (jp_test_indicator (jp_window_get_plan (f->window), 2, 0)), ==, "所");
  assert_sound (f->path);
}

/* The other program deletes the plan the window shows: the window shows
 * what is left (nothing here), and nothing of the old copy can be saved. */
static void
test_plan_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  g_assert_true (jp_store_delete_plan (f->other, jp_plan_get_id (old), &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (jp_window_get_plan (f->window) != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (jp_window_get_plan (f->window));
  jp_test_pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "empty");
  assert_sound (f->path);
}

/* Two windows of the application on one file: what one saves, the other
 * shows after its poll; an editor the other had open before is refused;
 * afterwards both show the same plan, as the file holds it. */
static void
test_two_windows (Fixture       *f,
                  gconstpointer  data)
{
  JpWindow *second = jp_test_open_window (app, f->path, FALSE, FALSE);
  g_autoptr(JpPlan) first_old = g_object_ref (jp_window_get_plan (f->window));
  g_autoptr(JpPlan) second_old = g_object_ref (jp_window_get_plan (second));
  gint64 id = jp_indicator_get_id (jp_test_indicator (first_old, 2, 0));
  g_autoptr(JpPlan) reloaded = NULL;
  g_autofree char *message = NULL;
  GtkWidget *first_dialog;
  GtkWidget *second_dialog;
  JpPlan *plan;

  /* Both open the same target's editor. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.edit-indicator",
                                                     g_variant_new_int64 (id)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (second), "win.edit-indicator",
                                                     g_variant_new_int64 (id)));
  jp_test_pump ();
  first_dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  second_dialog = GTK_WIDGET (jp_window_get_dialog (second));
  g_assert_nonnull (first_dialog);
  g_assert_nonnull (second_dialog);

  /* The first saves 95. */
  jp_test_set_text (first_dialog, "target_row", "95");
  g_assert_true (gtk_widget_activate_action (first_dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_null (jp_test_take_message_dialog ());

  /* The second saves 60 on what it loaded before: refused. */
  jp_test_set_text (second_dialog, "target_row", "60");
  g_assert_true (gtk_widget_activate_action (second_dialog, "dialog.save", NULL));
  jp_test_pump ();
  message = jp_test_take_message_dialog ();
  g_assert_nonnull (message);
  g_assert_null (jp_window_get_dialog (second));
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

    while (jp_window_get_plan (second) == second_old && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  plan = jp_window_get_plan (second);
  g_assert_true (plan != second_old);
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (plan, 2, 0)), ==, 95);

  /* The second edits a title; the first shows it after its poll. */
  g_assert_true (jp_window_select (second, G_OBJECT (jp_plan_find_item_by_number (plan, 4))));
  jp_test_pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.edit-selected", NULL));
  jp_test_pump ();
  second_dialog = GTK_WIDGET (jp_window_get_dialog (second));
  g_assert_nonnull (second_dialog);
  jp_test_set_text (second_dialog, "title_row", "第二个窗口改的标题");
  g_assert_true (gtk_widget_activate_action (second_dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (second));
  g_assert_null (jp_test_take_message_dialog ());

  plan = wait_for_reload (f, first_old);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (plan, 4)), ==, "第二个窗口改的标题");
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (plan, 2, 0)), ==, 95);

  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 4)), ==, "第二个窗口改的标题");
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
  assert_sound (f->path);

  jp_test_close_window (second);
}

/* The user writes a work point's text while another program changes the
 * plan. Leaving the editor sends the text: refused (the plan changed), the
 * window reloads and saves it on the new copy, since the other program
 * left that text alone. When the other program changed the same text,
 * the window keeps theirs and gives the user's text back to copy. */
static void
write_body (Fixture    *f,
            const char *text)
{
  GtkWidget *page = GTK_WIDGET (f->window->item_page);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (jp_test_get (page, "body_edit_button")), TRUE);
  jp_test_pump ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (jp_test_get (page, "body_view"))),
                            text, -1);
  /* Done: the page sends the text up. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (jp_test_get (page, "body_edit_button")), FALSE);
  jp_test_pump ();
}

static char *
dup_message_text_view (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  char *text = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        GtkWidget *child = adw_message_dialog_get_extra_child (l->data);
        GtkWidget *view = child != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child)) : NULL;
        GtkTextIter start, end;

        if (GTK_IS_TEXT_VIEW (view))
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

            gtk_text_buffer_get_bounds (buffer, &start, &end);
            g_free (text);
            text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          }
      }
  g_list_free (toplevels);

  return text;
}

static void
test_body_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given_back = NULL;
  g_autofree char *message = NULL;
  JpPlan *plan;

  /* The refused save, not the poll, brings the reload here. */
  g_clear_handle_id (&f->window->poll_id, g_source_remove);

  select_item (f, 2);
  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (f->other, jp_plan_find_item_by_number (other_plan, 5),
                                      "title", "别处改的标题", &error));
  g_assert_no_error (error);

  /* Other text, other work point: both stay. */
  write_body (f, "我刚写的正文");
  plan = wait_for_reload (f, old);
  g_assert_null (jp_test_take_message_dialog ());
  g_assert_cmpstr (jp_item_get_body (jp_plan_find_item_by_number (plan, 2)), ==, "我刚写的正文");
  g_assert_true (find_label (GTK_WIDGET (f->window),
                             _("Your text was saved on top of the other program’s changes")));
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_body (jp_plan_find_item_by_number (reloaded, 2)), ==, "我刚写的正文");
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 5)), ==, "别处改的标题");
  g_clear_object (&reloaded);

  /* The same text: theirs stays, the user gets theirs back. */
  g_clear_object (&old);
  old = g_object_ref (plan);
  g_clear_object (&other_plan);
  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (f->other, jp_plan_find_item_by_number (other_plan, 2),
                                      "body", "另一个程序写的正文", &error));
  g_assert_no_error (error);
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (jp_plan_find_item_by_number (plan, 2)));

  write_body (f, "我又写的正文");
  plan = wait_for_reload (f, old);
  given_back = dup_message_text_view ();
  g_assert_cmpstr (given_back, ==, "我又写的正文");
  message = jp_test_take_message_dialog ();
  g_assert_true (g_str_has_prefix (message, _("Could Not Save the Text")));
  g_assert_cmpstr (jp_item_get_body (jp_plan_find_item_by_number (plan, 2)), ==, "另一个程序写的正文");
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_item_get_body (jp_plan_find_item_by_number (reloaded, 2)), ==, "另一个程序写的正文");
  assert_sound (f->path);
}

/* The progress import's preview is open when another program changes the
 * plan: its rows are refused (nothing recorded, the import stops and says
 * why); once the dialog is closed the window reloads, and the same table
 * imported again is recorded. */
static void
test_progress_import_stale (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  g_autofree char *csv = g_build_filename (JP_TEST_DATADIR, "csv", "progress-window-good.csv",
                                      NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  JpProgressImportDialog *dialog;
  JpProgressEntry *latest;
  gint64 deadline;

  for (guint round = 0; round < 2; round++)
    {
      _jp_window_import_progress_file (f->window, file);
      dialog = JP_PROGRESS_IMPORT_DIALOG (jp_window_get_dialog (f->window));
      g_assert_true (JP_IS_PROGRESS_IMPORT_DIALOG (dialog));
      deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
      while (jp_progress_import_dialog_get_loading (dialog) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      jp_test_pump ();
      g_assert_nonnull (jp_progress_import_dialog_get_import (dialog));

      if (round == 0)
        {
          other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
          g_assert_no_error (error);
          g_assert_true (jp_store_set_string (f->other, jp_plan_find_item_by_number (other_plan, 3),
                                              "title", "导入期间改的标题", &error));
          g_assert_no_error (error);
        }

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
      jp_test_pump ();

      if (round == 0)
        {
          /* Refused, and said so; nothing recorded. */
          g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
          g_assert_nonnull (jp_progress_import_dialog_get_error (dialog));
          g_assert_true (strstr (jp_progress_import_dialog_get_error (dialog),
                                 _("The plan was changed by another program since it was loaded: "
                                   "nothing was saved")) != NULL);
          reloaded = jp_test_reload (f->path);
          latest = jp_indicator_get_latest (jp_test_indicator (reloaded, 2, 0));
          g_assert_true (latest == NULL || g_strcmp0 (jp_progress_entry_get_date (latest), "2023-06-30") != 0);
          g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 3)), ==, "导入期间改的标题");
          g_clear_object (&reloaded);

          /* Closed: the window loads what the other program saved. */
          gtk_window_destroy (GTK_WINDOW (dialog));
          wait_for_reload (f, old);
          g_assert_cmpstr (jp_item_get_title (item_by_number (f->window, 3)), ==, "导入期间改的标题");
        }
    }

  /* The second time: recorded, on top of the other program's change. */
  reloaded = jp_test_reload (f->path);
  latest = jp_indicator_get_latest (jp_test_indicator (reloaded, 2, 0));
  g_assert_nonnull (latest);
  g_assert_cmpstr (jp_progress_entry_get_date (latest), ==, "2023-06-30");
  g_assert_cmpfloat (jp_progress_entry_get_value (latest), ==, 72);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 3)), ==, "导入期间改的标题");
  assert_sound (f->path);
}

/* After a slow reload (a big plan) the poll leaves the window alone for a
 * while; an edit still loads the plan first. */
static void
test_quiet_after_reload (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JpPlan) old = g_object_ref (jp_window_get_plan (f->window));
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  /* As after a reload of 2.5 s. */
  f->window->quiet_until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  other_plan = jp_store_load_plan (f->other, jp_plan_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (f->other, jp_test_indicator (other_plan, 2, 0), "target", 55, &error));
  g_assert_no_error (error);

  g_usleep (2500 * G_TIME_SPAN_MILLISECOND);
  jp_test_pump ();
  g_assert_true (jp_window_get_plan (f->window) == old);

  select_item (f, 2);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.edit-indicator",
                                                     g_variant_new_int64 (jp_indicator_get_id (jp_test_indicator (old, 2, 0)))));
  jp_test_pump ();
  g_assert_true (jp_window_get_plan (f->window) != old);
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "target_row"))), ==, "55");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

static guint
count_history (Fixture *f,
               JpPlan  *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = jp_store_list_history (f->other, jp_plan_get_id (plan), 0, &error);

  g_assert_no_error (error);
  return history->len;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* A step of several edits is all or nothing, in the file as in the window:
 * a group whose second edit fails leaves nothing (not even in the history);
 * an undo that fails half-way leaves the step done and undoable. The file
 * refuses two titles (a trigger): "拒绝", and work point 1's own title. */
static void
test_step_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autofree char *title1 = g_strdup (jp_item_get_title (jp_plan_find_item_by_number (plan, 1)));
  g_autofree char *title2 = g_strdup (jp_item_get_title (jp_plan_find_item_by_number (plan, 2)));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char *sql;
  guint n_history, lost = 0;
  g_autofree char *title3 = NULL;
  JpItem *item1, *item2, *item3;
  JpUndo *undo;

  sql = sqlite3_mprintf ("CREATE TRIGGER refuse BEFORE UPDATE OF title ON items"
                         " WHEN NEW.title IN ('拒绝', %Q) BEGIN SELECT RAISE(ABORT, 'refused'); END",
                         title1);
  g_assert_cmpint (sqlite3_exec (_jp_store_get_db (f->other), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  g_assert_true (_jp_window_check_external_changes (f->window, TRUE));
  plan = wait_for_reload (f, plan);
  undo = f->window->undo;
  g_signal_connect (undo, "changes-lost", G_CALLBACK (count_cb), &lost);
  item1 = jp_plan_find_item_by_number (plan, 1);
  item2 = jp_plan_find_item_by_number (plan, 2);
  item3 = jp_plan_find_item_by_number (plan, 3);
  title3 = g_strdup (jp_item_get_title (item3));
  n_history = count_history (f, plan);

  jp_undo_begin_group (undo, "两处");
  g_assert_true (jp_undo_set_string (undo, item3, "title", "丙", &error));
  g_assert_no_error (error);
  g_assert_false (jp_undo_set_string (undo, item2, "title", "拒绝", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  jp_undo_abort_group (undo);
  g_assert_cmpstr (jp_item_get_title (item3), ==, title3);
  g_assert_cmpstr (jp_item_get_title (item2), ==, title2);
  g_assert_false (jp_undo_get_can_undo (undo));
  g_assert_cmpuint (count_history (f, plan), ==, n_history);
  g_assert_cmpuint (lost, ==, 0);
  {
    g_autoptr(JpPlan) saved = jp_test_reload (f->path);

    g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (saved, 3)), ==, title3);
  }

  /* A group that fails and cannot be taken back in the window (work point
   * 1's old title is refused): the file keeps none of it, and the window,
   * told so, reads the plan again. */
  jp_undo_begin_group (undo, "两处");
  g_assert_true (jp_undo_set_string (undo, item1, "title", "甲一", &error));
  g_assert_no_error (error);
  g_assert_false (jp_undo_set_string (undo, item3, "title", "拒绝", &error));
  g_clear_error (&error);
  jp_undo_abort_group (undo);
  g_assert_cmpuint (lost, ==, 1);
  g_assert_cmpstr (jp_item_get_title (item1), ==, "甲一");
  plan = wait_for_reload (f, plan);
  item1 = jp_plan_find_item_by_number (plan, 1);
  item2 = jp_plan_find_item_by_number (plan, 2);
  g_assert_cmpstr (jp_item_get_title (item1), ==, title1);
  g_assert_cmpuint (count_history (f, plan), ==, n_history);
  lost = 0;

  /* Done whole; its undo reverts work point 2, then is refused work
   * point 1's old title: work point 2 is put back, the file rolled back. */
  jp_undo_begin_group (undo, "两处");
  g_assert_true (jp_undo_set_string (undo, item1, "title", "甲", &error));
  g_assert_true (jp_undo_set_string (undo, item2, "title", "乙", &error));
  g_assert_true (jp_undo_end_group (undo, &error));
  g_assert_no_error (error);
  n_history = count_history (f, plan);
  g_assert_cmpuint (n_history, >=, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  jp_test_pump ();
  message = jp_test_take_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (jp_item_get_title (item1), ==, "甲");
  g_assert_cmpstr (jp_item_get_title (item2), ==, "乙");
  g_assert_true (jp_undo_get_can_undo (undo));
  g_assert_cmpuint (count_history (f, plan), ==, n_history);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_true (jp_window_get_plan (f->window) == plan);
  {
    g_autoptr(JpPlan) saved = jp_test_reload (f->path);

    g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (saved, 1)), ==, "甲");
    g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (saved, 2)), ==, "乙");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add ("/jp/external-changes/step-all-or-nothing", Fixture, NULL,
              fixture_set_up, test_step_all_or_nothing, fixture_tear_down);
  g_test_add ("/jp/external-changes/cli-progress", Fixture, NULL,
              fixture_set_up, test_cli_progress, fixture_tear_down);
  g_test_add ("/jp/external-changes/other-window-title", Fixture, NULL,
              fixture_set_up, test_other_window_title, fixture_tear_down);
  g_test_add ("/jp/external-changes/conflict-refused", Fixture, NULL,
              fixture_set_up, test_conflict_refused, fixture_tear_down);
  g_test_add ("/jp/external-changes/edit-after-change", Fixture, NULL,
              fixture_set_up, test_edit_after_change, fixture_tear_down);
  g_test_add ("/jp/external-changes/plan-deleted", Fixture, NULL,
              fixture_set_up, test_plan_deleted, fixture_tear_down);
  g_test_add ("/jp/external-changes/two-windows", Fixture, NULL,
              fixture_set_up, test_two_windows, fixture_tear_down);
  g_test_add ("/jp/external-changes/body-kept", Fixture, NULL,
              fixture_set_up, test_body_kept, fixture_tear_down);
  g_test_add ("/jp/external-changes/progress-import-stale", Fixture, NULL,
              fixture_set_up, test_progress_import_stale, fixture_tear_down);
  g_test_add ("/jp/external-changes/quiet-after-reload", Fixture, NULL,
              fixture_set_up, test_quiet_after_reload, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
