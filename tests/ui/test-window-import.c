/* test-window-import.c: files brought to the window.
 *
 * - Import… (the function the file chooser's response calls) backs the
 *   database up before the plan goes in, as the command line does.
 * - A dropped CSV or xlsx file opens the progress import, any other file
 *   (.txt, .md, .json) the plan import; in review mode nothing opens.
 * - Bad files of the corpus (tests/data/bad/) chosen through Import…: an
 *   error dialog that names the file and the line or JSON path, no crash,
 *   nothing written to the database. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "jp-import-dialog.h"
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
  char     *backups;
  JpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
  f->backups = jp_test_make_dir ();
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  g_assert_nonnull (jp_window_get_plan (f->window));
  /* The window set the policy from its settings: backups go here. */
  jp_store_set_backup_policy (f->backups, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_close_window (f->window);
  jp_store_set_backup_policy (NULL, JP_STORE_BACKUPS_DEFAULT_KEEP);
  jp_test_remove_dir (f->backups);
  jp_test_remove_dir (f->dir);
  g_free (f->backups);
  g_free (f->path);
  g_free (f->dir);
}

static char *
data_path (const char *first,
           ...)
{
  va_list args;
  g_autofree char *relative = NULL;

  va_start (args, first);
  relative = g_build_filename_valist (first, &args);
  va_end (args);

  return g_build_filename (JP_TEST_DATADIR, relative, NULL);
}

static gboolean
message_dialog_visible (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean shown = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    shown |= ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data);
  g_list_free (toplevels);

  return shown;
}

/* Pumps until the window shows a dialog of @type (or a message dialog,
 * when @type is ADW_TYPE_MESSAGE_DIALOG). */
static void
wait_for (Fixture *f,
          GType    type)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      GtkWindow *dialog = jp_window_get_dialog (f->window);

      if (type == ADW_TYPE_MESSAGE_DIALOG ? message_dialog_visible ()
                                          : dialog != NULL && G_TYPE_CHECK_INSTANCE_TYPE (dialog, type))
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("No %s after 20 s", g_type_name (type));
      g_main_context_iteration (NULL, TRUE);
    }
  jp_test_pump ();
}

static guint
n_plans (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);
  g_autoptr(GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);

  return plans->len;
}

/* ---- backups ------------------------------------------------------------ */

static void
test_backup_before_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *file = data_path ("docs", "chinese-items.txt", NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  JpBackupInfo *backup;
  GtkWidget *dialog;

  backups = jp_store_list_backups_for_path (f->path, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  _jp_window_import_plan_file (f->window, gfile);
  wait_for (f, JP_TYPE_IMPORT_DIALOG);
  dialog = GTK_WIDGET (jp_window_get_dialog (f->window));

  /* The preview alone changes nothing and copies nothing. */
  backups = jp_store_list_backups_for_path (f->path, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_null (jp_test_take_message_dialog ());
  g_assert_cmpuint (n_plans (f->path), ==, 2);

  /* One backup, of the database as it was: one plan. */
  backups = jp_store_list_backups_for_path (f->path, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->reason, ==, JP_STORE_BACKUP_IMPORT);
  g_assert_true (g_file_test (backup->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (backup->path, f->backups));
  g_assert_cmpuint (n_plans (backup->path), ==, 1);
}

/* The backup cannot be made (its folder is a file): nothing is imported,
 * the user is told why. */
static void
test_no_backup_no_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *file = data_path ("docs", "chinese-items.txt", NULL);
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_file_set_contents (blocker, "x", -1, &error);
  g_assert_no_error (error);
  jp_store_set_backup_policy (blocker, 5);

  _jp_window_import_plan_file (f->window, gfile);
  wait_for (f, JP_TYPE_IMPORT_DIALOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (jp_window_get_dialog (f->window)),
                                             "dialog.save", NULL));
  jp_test_pump ();

  message = jp_test_take_message_dialog ();
  g_assert_nonnull (message);
  g_assert_true (strstr (message, _("Could Not Import")) != NULL);
  g_assert_true (strstr (message, "backed up") != NULL);
  g_assert_cmpuint (n_plans (f->path), ==, 1);
}

/* ---- drops -------------------------------------------------------------- */

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  static const struct
  {
    const char *name;
    gboolean    progress;
  } files[] = {
    { "progress.csv", TRUE },
    { "PROGRESS.CSV", TRUE },
    { "progress.xlsx", TRUE },
    { "plan.txt", FALSE },
    { "plan.md", FALSE },
    { "plan.json", FALSE },
  };
  g_autofree char *csv = data_path ("csv", "progress-window.csv", NULL);
  g_autofree char *doc = data_path ("docs", "chinese-items.txt", NULL);
  g_autofree char *json = data_path ("json", "plan.json", NULL);
  g_autofree char *csv_text = NULL;
  g_autofree char *doc_text = NULL;
  g_autofree char *json_text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (csv, &csv_text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (doc, &doc_text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (json, &json_text, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      const char *text = g_str_has_suffix (files[i].name, ".json") ? json_text
                         : files[i].progress ? csv_text : doc_text;

      g_test_message ("%s", files[i].name);
      /* The xlsx is not one: the progress import opens and says so. */
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);

      g_assert_true (_jp_window_open_dropped_file (f->window, file));
      wait_for (f, files[i].progress ? JP_TYPE_PROGRESS_IMPORT_DIALOG : JP_TYPE_IMPORT_DIALOG);
      g_assert_null (jp_test_take_message_dialog ());

      gtk_window_destroy (jp_window_get_dialog (f->window));
      jp_test_pump ();
      g_assert_null (jp_window_get_dialog (f->window));
    }

  /* In review mode neither opens. */
  g_object_set (f->window, "review-mode", TRUE, NULL);
  jp_test_pump ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_false (_jp_window_open_dropped_file (f->window, file));
      jp_test_pump ();
      g_assert_null (jp_window_get_dialog (f->window));
    }
  g_assert_cmpuint (n_plans (f->path), ==, 1);
}

/* ---- bad files ---------------------------------------------------------- */

/* What the dialog says: the file, the line or the JSON path, the fault
 * (as the command line says it, tests/test-bad-input.c). */
static const struct
{
  const char *name;
  const char *message;
} bad_files[] = {
  { "empty.txt", "empty.txt: the file is empty" },
  { "empty.json", "empty.json: empty file" },
  { "binary.txt", "binary.txt: this is not a text file" },
  { "png-renamed.txt", "png-renamed.txt: this is not a text file" },
  { "gb18030-invalid.txt", "gb18030-invalid.txt:5: the text is neither UTF-8, GB18030 (GBK) nor " },
  { "deep-nesting.json", "deep-nesting.json:1: nested deeper than the format allows" },
  { "higher-version.json", "higher-version.json: version: version 3 was written by a newer version" },
  { "truncated.json", "truncated.json:40:35: Parse error" },
  { "date-format.json", "date-format.json: plans[0].sections[0].items[0].due: “2023/06/30” is not a valid date" },
  { "latin1.json", "latin1.json:1: not valid UTF-8 text" },
  { "no-items.txt", "no-items.txt: no work items found" },
};

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  sqlite3 *db = _jp_store_get_db (jp_window_get_store (f->window));
  int changes = sqlite3_total_changes (db);
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autoptr(JpPlan) before = jp_test_reload (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = data_path ("bad", bad_files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *message = NULL;

      g_test_message ("%s", bad_files[i].name);
      _jp_window_import_plan_file (f->window, file);
      wait_for (f, ADW_TYPE_MESSAGE_DIALOG);

      /* No preview: an error dialog that says where and what. */
      g_assert_null (jp_window_get_dialog (f->window));
      message = jp_test_take_message_dialog ();
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, _("Could Not Import")));
      if (strstr (message, bad_files[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", bad_files[i].name, message, bad_files[i].message);
    }

  /* Nothing written, the same plan shown, the file as it was. */
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  g_assert_true (jp_window_get_plan (f->window) == plan);
  g_assert_cmpuint (n_plans (f->path), ==, 1);
  {
    g_autoptr(JpPlan) after = jp_test_reload (f->path);

    g_assert_cmpuint (jp_plan_get_n_items (after), ==, jp_plan_get_n_items (before));
    g_assert_cmpuint (jp_plan_get_n_indicators (after), ==, jp_plan_get_n_indicators (before));
    g_assert_cmpstr (jp_plan_get_title (after), ==, jp_plan_get_title (before));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (jp_store_check_integrity (jp_window_get_store (f->window), &error));
    g_assert_no_error (error);
  }
}

static void
collect_switches (GtkWidget *root,
                  GPtrArray *found)
{
  GtkWidget *group = gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_GROUP);

  if (GTK_IS_SWITCH (root) && group != NULL && gtk_widget_has_css_class (group, "near-duplicates"))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_switches (child, found);
}

/* The preview of the 2023 document flags its near-duplicate units ("各中小
 * 学、幼儿园" beside "各中小学校、幼儿园") and merges the pairs switched on
 * before the plan goes in; the others stay as they were. */
static void
test_near_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JpPlan) plan = jp_test_parse_sample ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  JpImportDialog *dialog;
  GtkWidget *wanted = NULL;
  JpUnit *from, *into;
  JpItem *item5;
  guint n_units;

  from = jp_plan_find_unit (plan, "各中小学、幼儿园");
  into = jp_plan_find_unit (plan, "各中小学校、幼儿园");
  g_assert_nonnull (from);
  g_assert_nonnull (into);
  item5 = jp_plan_find_item_by_number (plan, 5);
  g_assert_true (jp_test_has_name (jp_item_get_units (item5), "各中小学、幼儿园"));
  n_units = g_list_model_get_n_items (jp_plan_get_units (plan));
  g_ptr_array_add (plans, g_object_ref (plan));

  dialog = jp_import_dialog_new ("jinfeng-2023.txt", plans, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  jp_test_pump ();

  collect_switches (GTK_WIDGET (dialog), switches);
  g_assert_cmpuint (switches->len, >=, 1);
  for (guint i = 0; i < switches->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (switches, i), ADW_TYPE_ACTION_ROW);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      /* Off unless switched on: near is not always the same. */
      g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, i)));
      if (g_str_equal (title, "“各中小学、幼儿园” → “各中小学校、幼儿园”"))
        wanted = g_ptr_array_index (switches, i);
    }
  g_assert_nonnull (wanted);
  gtk_switch_set_active (GTK_SWITCH (wanted), TRUE);

  g_assert_true (jp_import_dialog_get_plans (dialog) == plans);
  g_assert_null (jp_plan_find_unit (plan, "各中小学、幼儿园"));
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==, n_units - 1);
  g_assert_false (jp_test_has_name (jp_item_get_units (item5), "各中小学、幼儿园"));
  g_assert_true (jp_test_has_name (jp_item_get_units (item5), "各中小学校、幼儿园"));
  /* Asked again, nothing more happens. */
  jp_import_dialog_get_plans (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==, n_units - 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
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

  g_test_add ("/jp/window-import/backup-before-import", Fixture, NULL,
              fixture_set_up, test_backup_before_import, fixture_tear_down);
  g_test_add ("/jp/window-import/no-backup-no-import", Fixture, NULL,
              fixture_set_up, test_no_backup_no_import, fixture_tear_down);
  g_test_add ("/jp/window-import/drop", Fixture, NULL,
              fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/jp/window-import/bad-files", Fixture, NULL,
              fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/jp/window-import/near-names", Fixture, NULL,
              fixture_set_up, test_near_names, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
