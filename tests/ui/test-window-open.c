/* test-window-open.c: the application's window loads its plan in a thread.
 *
 * - Right after it is made, the window says it is opening the plan, has
 *   no plan yet, and offers nothing that would use the store; once the
 *   load is done it shows the plan the file holds, and edits are saved.
 * - A window closed while its plan is still loading goes away cleanly
 *   (the thread's result is dropped, the window is finalized). */

#include "config.h"

#include <adwaita.h>

#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;

static JpWindow *
new_background_window (const char *path)
{
  return g_object_new (JP_TYPE_WINDOW,
                       "application", app,
                       "db-path", path,
                       "open-in-background", TRUE,
                       NULL);
}

/* Runs the main loop until @window has a plan (at most 20 s). */
static void
wait_for_plan (JpWindow *window)
{
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (jp_window_get_plan (window) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

/* The first button under @root whose action is @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_background_load (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) saved = NULL;
  GtkWidget *import_button;
  JpWindow *window;
  JpItem *item;

  window = new_background_window (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* The thread's result is delivered by the main loop, which has not run:
   * the window is still opening the plan. */
  g_assert_null (jp_window_get_plan (window));
  g_assert_true (window->loading);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  /* Words at once; a spinner only if the load takes long. */
  g_assert_false (gtk_spinner_get_spinning (window->loading_spinner));
  g_assert_cmpuint (window->spinner_id, !=, 0);
  /* Nothing that would use the store meanwhile (the empty page's Import…
   * button follows win.import). */
  import_button = find_action_button (GTK_WIDGET (window->empty_page), "win.import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_false (gtk_widget_get_visible (window->add_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL);
  g_assert_false (jp_window_get_review_mode (window));

  wait_for_plan (window);
  g_assert_nonnull (jp_window_get_plan (window));
  g_assert_false (window->loading);
  g_assert_false (gtk_spinner_get_spinning (window->loading_spinner));
  g_assert_cmpuint (window->spinner_id, ==, 0);
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (jp_window_get_plan (window))), ==, 6);
  jp_test_pump ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_true (gtk_widget_get_sensitive (import_button));
  /* Editable once the plan is in: the window's add button shows. */
  g_assert_true (gtk_widget_get_visible (window->add_button));
  g_assert_false (jp_plan_tree_get_empty (window->plan_tree));

  /* The store is free again: an edit is saved. */
  item = jp_plan_find_item_by_number (jp_window_get_plan (window), 3);
  g_assert_nonnull (item);
  g_assert_true (jp_store_set_string (jp_window_get_store (window), G_OBJECT (item), "title",
                                      "第三项（后台载入后修改）", &error));
  g_assert_no_error (error);

  jp_test_close_window (window);

  saved = jp_test_reload (path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (saved, 3)), ==,
                   "第三项（后台载入后修改）");
  jp_test_remove_dir (dir);
}

static void
test_close_while_loading (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(JpPlan) saved = NULL;
  JpWindow *window = new_background_window (path);
  gint64 until;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (window->loading);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The load ends in its thread; the window, held by the task until then,
   * is finalized after it. */
  until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (window != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);

  saved = jp_test_reload (path);
  g_assert_cmpuint (jp_plan_get_n_items (saved), ==, 17);
  jp_test_remove_dir (dir);
}

/* The plan shown last is opened again while the database has it; else the
 * latest plan. */
static void
test_last_plan (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(GSettings) settings = g_settings_new ("com.jinfeng.plan");
  g_autoptr(GError) error = NULL;
  gint64 first, second;
  JpWindow *window;

  {
    g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
    g_autoptr(JpPlan) plan = jp_test_parse_sample ();

    g_assert_no_error (error);
    first = jp_store_get_latest_plan_id (store, &error);
    g_assert_true (jp_store_insert_plans (store, &plan, 1, &error));
    g_assert_no_error (error);
    second = jp_plan_get_id (plan);
    g_assert_cmpint (second, >, first);
  }

  g_settings_set_int64 (settings, "last-plan", first);
  window = jp_test_open_window (app, path, FALSE, FALSE);
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (window)), ==, first);
  jp_test_close_window (window);

  g_settings_set_int64 (settings, "last-plan", second + 100);
  window = jp_test_open_window (app, path, FALSE, FALSE);
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (window)), ==, second);
  jp_test_close_window (window);

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

  g_test_add_func ("/jp/window-open/background-load", test_background_load);
  g_test_add_func ("/jp/window-open/close-while-loading", test_close_while_loading);
  g_test_add_func ("/jp/window-open/last-plan", test_last_plan);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
