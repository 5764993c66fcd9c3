/* jp-ui-test-util.h: helpers shared by the display tests (tests/ui/)
 *
 * Header-only (each display test is one file): a database with the bundled
 * 2023 plan in a temporary folder, a window on it, pumping the main loop,
 * finding template children by their id, reopening the database with a
 * fresh JpStore to check what the file holds. */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "jp-application.h"
#include "jp-document-import.h"
#include "jp-plan-cell.h"
#include "jp-store.h"
#include "jp-window.h"

#define JP_TEST_SAMPLE_RESOURCE "/com/jinfeng/plan/plans/jinfeng-2023.txt"

/* Runs the main loop until nothing is pending, then a few frames more, so
 * that widgets are mapped, allocated and drawn. */
static G_GNUC_UNUSED void
jp_test_pump (void)
{
  for (guint round = 0; round < 5; round++)
    {
      gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      while (g_get_monotonic_time () < until)
        {
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (2000);
        }
    }
}

/* A new temporary folder (removed by jp_test_remove_dir). */
static G_GNUC_UNUSED char *
jp_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jp-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static G_GNUC_UNUSED void
jp_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static G_GNUC_UNUSED JpPlan *
jp_test_parse_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (JP_TEST_SAMPLE_RESOURCE, 0, &error);
  JpPlan *plan;

  g_assert_no_error (error);
  plan = jp_document_import_bytes (bytes, "jinfeng-2023.txt", NULL, &error);
  g_assert_no_error (error);
  return plan;
}

/* @dir/plans.db holding the bundled 2023 plan; the path (free it). */
static G_GNUC_UNUSED char *
jp_test_make_sample_db (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = jp_test_parse_sample ();
  char *path = g_build_filename (dir, "plans.db", NULL);

  store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  jp_store_insert_plans (store, &plan, 1, &error);
  g_assert_no_error (error);

  return path;
}

/* What the file holds: the latest plan, loaded by a fresh store (which the
 * plan keeps alive, for the progress histories it loads lazily). */
/* Marks the database at @path as written by a newer version: PRAGMA
 * user_version 999, the four bytes at offset 60 of the SQLite header. */
static G_GNUC_UNUSED void
jp_test_make_newer_schema (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  contents[60] = 0;
  contents[61] = 0;
  contents[62] = 0x03;
  contents[63] = (char) 0xe7; /* 999 */
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static G_GNUC_UNUSED JpPlan *
jp_test_reload (const char *path)
{
  g_autoptr(GError) error = NULL;
  JpStore *store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);
  JpPlan *plan;
  gint64 id;

  g_assert_no_error (error);
  id = jp_store_get_latest_plan_id (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  plan = jp_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (plan), "jp-test-store", store, g_object_unref);

  return plan;
}

static G_GNUC_UNUSED JpWindow *
jp_test_open_window (JpApplication *app,
                     const char    *path,
                     gboolean       read_only,
                     gboolean       sample_on_create)
{
  JpWindow *window = jp_window_new (app, path, read_only, sample_on_create);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_pump ();

  return window;
}

static G_GNUC_UNUSED void
jp_test_close_window (JpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_pump ();
}

/* What most window tests start from: the 2023 sample in a database of its
 * own, open in a window of @app. */
typedef struct
{
  char     *dir;
  char     *path;
  JpWindow *window;
  JpPlan   *plan; /* borrowed from the window */
} JpTestFixture;

static G_GNUC_UNUSED void
jp_test_fixture_open (JpTestFixture *f,
                      JpApplication *app)
{
  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  f->plan = jp_window_get_plan (f->window);
  g_assert_nonnull (f->plan);
}

static G_GNUC_UNUSED void
jp_test_fixture_close (JpTestFixture *f)
{
  jp_test_close_window (f->window);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The JpPlanCell under @root of @column bound to @object, or NULL. */
static G_GNUC_UNUSED GtkWidget *
jp_test_find_cell (GtkWidget    *root,
                   GObject      *object,
                   JpPlanColumn  column)
{
  if (JP_IS_PLAN_CELL (root) &&
      jp_plan_cell_get_object (JP_PLAN_CELL (root)) == object &&
      jp_plan_cell_get_column (JP_PLAN_CELL (root)) == column)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jp_test_find_cell (child, object, column);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Closes the message dialogs shown; returns "heading\nbody" of the last
 * one, or NULL when none was shown. */
static G_GNUC_UNUSED char *
jp_test_take_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  char *text = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        g_free (text);
        text = g_strdup_printf ("%s\n%s", adw_message_dialog_get_heading (l->data),
                                adw_message_dialog_get_body (l->data));
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);

  return text;
}

/* The descendant of @root built from the .ui object with id @id. */
static G_GNUC_UNUSED GtkWidget *
jp_test_find (GtkWidget  *root,
              const char *id)
{
  if (GTK_IS_BUILDABLE (root) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jp_test_find (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static G_GNUC_UNUSED GtkWidget *
jp_test_get (GtkWidget  *root,
             const char *id)
{
  GtkWidget *widget = jp_test_find (root, id);

  if (widget == NULL)
    g_error ("No widget with the id “%s” under %s", id, G_OBJECT_TYPE_NAME (root));

  return widget;
}

static G_GNUC_UNUSED void
jp_test_set_text (GtkWidget  *root,
                  const char *id,
                  const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (jp_test_get (root, id)), text);
  jp_test_pump ();
}

static G_GNUC_UNUSED JpIndicator *
jp_test_indicator (JpPlan *plan,
                   int     number,
                   guint   index)
{
  JpItem *item = jp_plan_find_item_by_number (plan, number);
  g_autoptr(JpIndicator) indicator = NULL;

  g_assert_nonnull (item);
  indicator = g_list_model_get_item (jp_item_get_indicators (item), index);
  g_assert_nonnull (indicator);

  return indicator; /* borrowed: the item keeps it */
}

static G_GNUC_UNUSED gboolean
jp_test_has_name (GListModel *people,
                  const char *name)
{
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);
      const char *person_name = JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                                      : jp_unit_get_name (JP_UNIT (person));

      if (g_strcmp0 (person_name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static G_GNUC_UNUSED JpApplication *
jp_test_application (void)
{
  g_autoptr(GError) error = NULL;
  JpApplication *app = jp_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* The visible toplevel of type @type (the last one listed), or NULL. */
static G_GNUC_UNUSED GtkWidget *
jp_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

/* Activates @action on @window and returns the dialog it opened. */
static G_GNUC_UNUSED GtkWidget *
jp_test_open_dialog (JpWindow   *window,
                     const char *action,
                     GVariant   *parameter)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  jp_test_pump ();
  dialog = jp_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  return GTK_WIDGET (dialog);
}

/* The descendant of @root (or @root) with the widget name @name, or NULL. */
static G_GNUC_UNUSED GtkWidget *
jp_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jp_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}
