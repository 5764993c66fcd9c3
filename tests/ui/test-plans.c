/* test-plans.c: managing plans from the window under Xvfb: the "+" menu's
 * new plan, and the plan switcher's rename and delete (asked first, a
 * backup before, Undo from the toast), driven through the switcher's row
 * buttons and the dialogs' responses, checked in the window and, with a
 * fresh JpStore, in the file.
 *
 * With JP_SCREENSHOT_DIR set, /jp/plans/screenshots saves the switcher
 * with its row buttons and the delete confirmation there (plans-*.png). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jp-store-backup.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  char     *backups;
  JpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
  f->backups = g_build_filename (f->dir, "backups", NULL);
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  jp_store_set_backup_policy (f->backups, JP_STORE_BACKUPS_DEFAULT_KEEP);
  g_assert_nonnull (jp_window_get_plan (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* An open popover's timers outlive a destroyed window's surface. */
  gtk_popover_popdown (f->window->plans_popover);
  jp_test_pump ();
  jp_test_close_window (f->window);
  jp_store_set_backup_policy (NULL, JP_STORE_BACKUPS_DEFAULT_KEEP);
  jp_test_remove_dir (f->dir);
  g_free (f->backups);
  g_free (f->path);
  g_free (f->dir);
}

/* The plans of the file, read with a store of their own: "title|title…". */
static char *
dup_stored_titles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);
  g_autoptr(GPtrArray) plans = NULL;
  GString *titles = g_string_new (NULL);

  g_assert_no_error (error);
  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const JpPlanInfo *info = g_ptr_array_index (plans, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", info->title);
    }

  return g_string_free (titles, FALSE);
}

static guint
count_rows (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->window->plans_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

/* The button @name ("rename_plan_button", "delete_plan_button") of the
 * switcher's row of plan @id, with the switcher open. */
static GtkWidget *
row_button (Fixture    *f,
            gint64      id,
            const char *name)
{
  gtk_menu_button_popup (f->window->plan_button);
  jp_test_pump ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->plans_popover)));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->window->plans_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "jp-plan-id") == id)
      {
        GtkWidget *button = jp_test_find_named (row, name);

        g_assert_nonnull (button);
        g_assert_true (gtk_widget_get_mapped (button));
        g_assert_nonnull (gtk_widget_get_tooltip_text (button));
        return button;
      }

  g_error ("No row for plan %" G_GINT64_FORMAT, id);
}

/* Clicks @button; returns the message dialog it opened. */
static AdwMessageDialog *
click_for_dialog (Fixture   *f,
                  GtkWidget *button)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  jp_test_pump ();
  dialog = jp_window_get_dialog (f->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* The switcher closed for it. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->plans_popover)));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
respond (Fixture          *f,
         AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  jp_test_pump ();
  if (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

static guint
count_backups (Fixture    *f,
               const char *reason)
{
  g_autoptr(GPtrArray) backups = jp_store_list_backups_for_path (f->path, f->backups, NULL);
  guint n = 0;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    if (g_strcmp0 (((JpBackupInfo *) g_ptr_array_index (backups, i))->reason, reason) == 0)
      n++;

  return n;
}

/* "New Plan…" in the "+" menu, beside the two imports. */
static gint64
create_plan (Fixture    *f,
             const char *title,
             int         year)
{
  GtkWindow *dialog;
  GtkWidget *title_row, *year_button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  jp_test_pump ();
  dialog = jp_window_get_dialog (f->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  title_row = jp_test_find_named (GTK_WIDGET (dialog), "plan_title_row");
  year_button = jp_test_find_named (GTK_WIDGET (dialog), "plan_year_button");
  g_assert_nonnull (title_row);
  g_assert_nonnull (year_button);

  /* Nothing to create without a title. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year_button), year);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  respond (f, ADW_MESSAGE_DIALOG (dialog), "create");

  /* Created and shown. */
  g_assert_nonnull (jp_window_get_plan (f->window));
  g_assert_cmpstr (jp_plan_get_title (jp_window_get_plan (f->window)), ==, title);
  g_assert_cmpint (jp_plan_get_year (jp_window_get_plan (f->window)), ==, year);
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (f->window)), ==, 0);

  return jp_plan_get_id (jp_window_get_plan (f->window));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          gboolean found = menu_has_action (section, action);

          g_object_unref (section);
          if (found)
            return TRUE;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }

  return FALSE;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (f->window->add_button));
  g_autofree char *titles = NULL;
  gint64 id;

  /* "+" offers a new plan, a document import and a JSON import. */
  g_assert_true (menu_has_action (menu, "win.new-plan"));
  g_assert_true (menu_has_action (menu, "win.import-document"));
  g_assert_true (menu_has_action (menu, "win.import-json"));

  id = create_plan (f, "2024年工作要点", 2024);
  g_assert_cmpint (id, >, 0);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点|2024年工作要点");
  g_assert_cmpuint (count_rows (f), ==, 2);

  /* Not in review mode. */
  g_object_set (f->window, "review-mode", TRUE, NULL);
  jp_test_pump ();
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL) &&
                  jp_window_get_dialog (f->window) != NULL);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  JpPlan *sample = jp_window_get_plan (f->window);
  gint64 sample_id = jp_plan_get_id (sample);
  g_autofree char *titles = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 other;

  /* A plan that is not shown, through its row's button. */
  other = create_plan (f, "空白计划", 2024);
  g_assert_true (jp_window_open_plan (f->window, sample_id, NULL));
  jp_test_pump ();
  dialog = click_for_dialog (f, row_button (f, other, "rename_plan_button"));
  entry = jp_test_find_named (GTK_WIDGET (dialog), "plan_title_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "空白计划");
  /* Unchanged or empty: nothing to rename. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " 2024年工作要点 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  respond (f, dialog, "rename");
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点|2024年工作要点");
  /* The plan shown stays. */
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (f->window)), ==, sample_id);

  /* The plan shown: renamed in the window too, and undoable. */
  dialog = click_for_dialog (f, row_button (f, sample_id, "rename_plan_button"));
  entry = jp_test_find_named (GTK_WIDGET (dialog), "plan_title_row");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2023年工作要点（修订）");
  respond (f, dialog, "rename");
  g_assert_cmpstr (jp_plan_get_title (jp_window_get_plan (f->window)), ==, "2023年工作要点（修订）");
  g_assert_cmpstr (gtk_label_get_text (f->window->plan_button_label), ==, "2023年工作要点（修订）");
  g_clear_pointer (&titles, g_free);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点（修订）|2024年工作要点");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  jp_test_pump ();
  g_clear_pointer (&titles, g_free);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点|2024年工作要点");
  g_assert_cmpstr (gtk_label_get_text (f->window->plan_button_label), ==, "2023年工作要点");
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  JpPlan *sample = jp_window_get_plan (f->window);
  gint64 sample_id = jp_plan_get_id (sample);
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-05-31", 2);
  g_autoptr(GVariant) target = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  AdwMessageDialog *dialog;
  AdwToast *toast;
  JpPlan *restored;
  gint64 other;

  /* Progress that the undone deletion brings back. */
  jp_store_add_progress (jp_window_get_store (f->window), jp_test_indicator (sample, 5, 0), entry, &error);
  g_assert_no_error (error);
  other = create_plan (f, "2024年工作要点", 2024);
  g_assert_true (jp_window_open_plan (f->window, sample_id, NULL));
  jp_test_pump ();

  /* Asked first; cancelling deletes nothing. */
  dialog = click_for_dialog (f, row_button (f, sample_id, "delete_plan_button"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "2023年工作要点"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "17"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  respond (f, dialog, "cancel");
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点|2024年工作要点");
  g_assert_cmpuint (count_backups (f, JP_STORE_BACKUP_DELETE), ==, 0);

  /* Deleted, after a backup that still holds it. */
  dialog = click_for_dialog (f, row_button (f, sample_id, "delete_plan_button"));
  respond (f, dialog, "delete");
  g_clear_pointer (&titles, g_free);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2024年工作要点");
  g_assert_cmpuint (count_backups (f, JP_STORE_BACKUP_DELETE), ==, 1);
  {
    g_autoptr(GPtrArray) backups = jp_store_list_backups_for_path (f->path, f->backups, NULL);
    g_autofree char *in_backup = dup_stored_titles (((JpBackupInfo *) g_ptr_array_index (backups, 0))->path);

    g_assert_cmpstr (in_backup, ==, "2023年工作要点|2024年工作要点");
  }
  /* The plan shown went: the window shows the one left. */
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (f->window)), ==, other);
  g_assert_cmpuint (count_rows (f), ==, 1);

  /* The toast names it and brings it back, whole, with new ids. */
  toast = g_object_get_data (G_OBJECT (f->window), "jp-plan-toast");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "2023年工作要点"));
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-delete-plan");
  target = g_variant_ref (adw_toast_get_action_target_value (toast));
  g_object_ref (toast);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-delete-plan", target));
  /* As its button does after the action. */
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  jp_test_pump ();
  /* The toast of the restored plan replaced it. */
  toast = g_object_get_data (G_OBJECT (f->window), "jp-plan-toast");
  g_assert_nonnull (toast);
  g_assert_null (adw_toast_get_action_name (toast));

  restored = jp_window_get_plan (f->window);
  g_assert_cmpstr (jp_plan_get_title (restored), ==, "2023年工作要点");
  g_assert_cmpint (jp_plan_get_id (restored), !=, sample_id);
  g_assert_cmpuint (count_rows (f), ==, 2);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpstr (jp_plan_get_title (reloaded), ==, "2023年工作要点");
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);
  g_assert_cmpuint (jp_plan_get_n_indicators (reloaded), ==, 36);
  g_assert_true (jp_indicator_ensure_history (jp_test_indicator (reloaded, 5, 0), NULL));
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (jp_test_indicator (reloaded, 5, 0))), ==, 2);

  /* The same toast's action once more does nothing: no second copy. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undo-delete-plan", target));
  jp_test_pump ();
  g_clear_pointer (&titles, g_free);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2024年工作要点|2023年工作要点");

  /* Deleting every plan leaves the empty state. */
  for (guint i = 0; i < 2; i++)
    {
      dialog = click_for_dialog (f, row_button (f, jp_plan_get_id (jp_window_get_plan (f->window)),
                                                "delete_plan_button"));
      respond (f, dialog, "delete");
    }
  g_assert_null (jp_window_get_plan (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "empty");
  g_clear_pointer (&titles, g_free);
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "");
}

/* Review mode: the row buttons are there but do nothing. */
static void
test_review_mode (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = jp_plan_get_id (jp_window_get_plan (f->window));
  GtkWidget *button;
  g_autofree char *titles = NULL;

  g_object_set (f->window, "review-mode", TRUE, NULL);
  jp_test_pump ();
  button = row_button (f, id, "delete_plan_button");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_false (gtk_widget_is_sensitive (row_button (f, id, "rename_plan_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-plan", "x", id);
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  titles = dup_stored_titles (f->path);
  g_assert_cmpstr (titles, ==, "2023年工作要点");
}

/* ---- screenshots (JP_SCREENSHOT_DIR) ------------------------------------- */

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      jp_test_pump ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("JP_SCREENSHOT_DIR");
  gint64 sample_id = jp_plan_get_id (jp_window_get_plan (f->window));
  AdwMessageDialog *dialog;
  GtkWidget *button;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("JP_SCREENSHOT_DIR not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  create_plan (f, "2024年工作要点", 2024);
  g_assert_true (jp_window_open_plan (f->window, sample_id, NULL));
  jp_test_pump ();

  button = row_button (f, sample_id, "delete_plan_button");
  save_png (GTK_WIDGET (f->window->plans_popover), dir, "plans-switcher.png");
  save_png (GTK_WIDGET (f->window), dir, "plans-switcher-window.png");

  dialog = click_for_dialog (f, button);
  save_png (GTK_WIDGET (dialog), dir, "plans-delete-confirm.png");
  respond (f, dialog, "delete");
  save_png (GTK_WIDGET (f->window), dir, "plans-deleted-toast.png");

  dialog = click_for_dialog (f, row_button (f, jp_plan_get_id (jp_window_get_plan (f->window)),
                                            "rename_plan_button"));
  save_png (GTK_WIDGET (dialog), dir, "plans-rename.png");
  respond (f, dialog, "cancel");

  gtk_menu_button_popup (GTK_MENU_BUTTON (f->window->add_button));
  jp_test_pump ();
  save_png (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (f->window->add_button))),
            dir, "plans-add-menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (f->window->add_button));
  jp_test_pump ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  jp_test_pump ();
  save_png (GTK_WIDGET (jp_window_get_dialog (f->window)), dir, "plans-new.png");
  respond (f, ADW_MESSAGE_DIALOG (jp_window_get_dialog (f->window)), "cancel");
}

/* The first start as README.md tells it: the application's window on
 * the default database (no --db), which does not exist yet, creates it
 * with the bundled plan. (tests/ui/test-window.c /jp/window/first-start
 * checks the window's side: a database named with --db starts empty.) */
static void
test_first_start_default (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "plans.db", NULL);
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWindow *window;

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (JP_IS_WINDOW (window));
  for (guint i = 0; i < 200 && jp_window_get_plan (JP_WINDOW (window)) == NULL; i++)
    jp_test_pump ();
  g_assert_nonnull (jp_window_get_plan (JP_WINDOW (window)));
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (JP_WINDOW (window))), ==, 17);
  jp_test_close_window (JP_WINDOW (window));

  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  reloaded = jp_test_reload (db);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, 17);
  g_assert_cmpuint (jp_plan_get_n_indicators (reloaded), ==, 36);
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
  g_autofree char *home = NULL;
  int status;

  /* A data folder of its own, before anything reads it: the default
   * database and the backups go there. */
  home = g_dir_make_tmp ("jp-plans-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jp_test_application ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/jp/plans/first-start-default", test_first_start_default);
  ADD ("/jp/plans/new-plan", test_new_plan);
  ADD ("/jp/plans/rename", test_rename);
  ADD ("/jp/plans/delete-undo", test_delete_undo);
  ADD ("/jp/plans/review-mode", test_review_mode);
  ADD ("/jp/plans/screenshots", test_screenshots);

#undef ADD

  status = g_test_run ();
  g_object_unref (app);
  jp_test_remove_dir (home);

  return status;
}
