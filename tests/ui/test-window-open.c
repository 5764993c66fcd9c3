/* test-window-open.c: the application's window loads its plan in a thread.
 *
 * - Right after it is made, the window says it is opening the plan, has
 *   no plan yet, and offers nothing that would use the store; once the
 *   load is done it shows the plan the file holds, and edits are saved.
 * - A window closed while its plan is still loading goes away cleanly
 *   (the thread's result is dropped, the window is finalized).
 * - JpOpening, which the application makes from its command line before
 *   GTK starts: the store, its plans, the plan to show read in a thread,
 *   the error or the review-mode reason; a window made with it takes
 *   them; the application run with --db=FILE does so. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jp-opening.h"
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

/* A sample database with a second plan; its two ids, oldest first. */
static char *
make_two_plans_db (const char *dir,
                   gint64     *first,
                   gint64     *second)
{
  char *path = jp_test_make_sample_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) plan = jp_test_parse_sample ();

  g_assert_no_error (error);
  *first = jp_store_get_latest_plan_id (store, &error);
  g_assert_true (jp_store_insert_plans (store, &plan, 1, &error));
  g_assert_no_error (error);
  *second = jp_plan_get_id (plan);
  g_assert_cmpint (*second, >, *first);

  return path;
}

static void
on_plan_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JpPlan **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = jp_opening_load_plan_finish (JP_OPENING (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static JpPlan *
read_opening_plan (JpOpening *opening)
{
  JpPlan *plan = NULL;
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  jp_opening_load_plan_async (opening, NULL, on_plan_read_cb, &plan);
  while (plan == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  return plan;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* What the application starts before GTK: the store open, its plans
 * listed, the plan shown last (else the latest) read in a thread; a
 * window made with it takes all three. */
static void
test_opening (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autoptr(GSettings) settings = g_settings_new ("com.jinfeng.plan");
  gint64 first, second;
  g_autofree char *path = make_two_plans_db (dir, &first, &second);
  g_autoptr(JpOpening) opening = NULL;
  g_autoptr(JpOpening) latest = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpPlan) latest_plan = NULL;
  JpStore *store;
  JpWindow *window;

  g_settings_set_int64 (settings, "last-plan", first);
  opening = jp_opening_new (path, FALSE, settings);
  store = jp_opening_get_store (opening);
  g_assert_nonnull (store);
  g_assert_no_error ((GError *) jp_opening_get_error (opening));
  g_assert_null (jp_opening_get_review_reason (opening));
  g_assert_false (jp_store_get_read_only (store));
  g_assert_cmpuint (jp_opening_get_plans (opening)->len, ==, 2);
  g_assert_cmpint (jp_opening_get_plan_id (opening), ==, first);

  /* A plan the database no longer has: the latest. */
  g_settings_set_int64 (settings, "last-plan", second + 100);
  latest = jp_opening_new (path, TRUE, settings);
  g_assert_cmpint (jp_opening_get_plan_id (latest), ==, second);
  g_assert_true (jp_store_get_read_only (jp_opening_get_store (latest)));
  latest_plan = read_opening_plan (latest);
  g_assert_cmpint (jp_plan_get_id (latest_plan), ==, second);
  g_assert_cmpuint (jp_plan_get_n_items (latest_plan), ==, 17);

  /* The window takes the store, the plans and the plan. */
  window = g_object_new (JP_TYPE_WINDOW,
                         "application", app,
                         "opening", opening,
                         NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_window_get_store (window) == store);
  g_assert_cmpstr (window->db_path, ==, path);
  g_assert_true (window->loading);
  g_assert_cmpuint (count_children (GTK_WIDGET (window->plans_list)), ==, 2);
  wait_for_plan (window);
  g_assert_cmpint (jp_plan_get_id (jp_window_get_plan (window)), ==, first);
  g_assert_false (jp_window_get_review_mode (window));

  /* Read once, given to whoever asks after. */
  plan = read_opening_plan (opening);
  g_assert_true (plan == jp_window_get_plan (window));
  jp_test_close_window (window);

  jp_test_remove_dir (dir);
}

/* A database path that names a named pipe (opening it would block for
 * ever) or a folder: refused at once, through JpOpening and through the
 * window's own opening, which shows the error page. */
static void
test_opening_not_a_file (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.db", NULL);
  const char *paths[] = { fifo, folder };
  const char *kinds[] = { "named pipe", "folder" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint background = 0; background < 2; background++)
      {
        g_autoptr(JpOpening) opening = jp_opening_new (paths[i], FALSE, NULL);
        JpWindow *window;

        g_assert_null (jp_opening_get_store (opening));
        g_assert_error ((GError *) jp_opening_get_error (opening), JP_STORE_ERROR,
                        JP_STORE_ERROR_OPEN);
        g_assert_nonnull (strstr (jp_opening_get_error (opening)->message, kinds[i]));

        if (background)
          window = new_background_window (paths[i]);
        else
          window = g_object_new (JP_TYPE_WINDOW, "application", app, "opening", opening, NULL);
        gtk_window_present (GTK_WINDOW (window));
        jp_test_pump ();
        g_assert_null (jp_window_get_store (window));
        g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
        g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page),
                                  kinds[i]));
        jp_test_close_window (window);
        g_assert_true (g_file_test (paths[i], G_FILE_TEST_EXISTS) &&
                       !g_file_test (paths[i], G_FILE_TEST_IS_REGULAR));
      }

  jp_test_remove_dir (dir);
}

/* A file that is not a database: the error, no store, and the window says
 * so; a file of a newer schema: read-only, with the reason in the banner. */
static void
test_opening_refused (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *path = jp_test_make_sample_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpOpening) opening = NULL;
  g_autoptr(JpOpening) newer = NULL;
  JpWindow *window;

  g_file_set_contents (bad, "这不是数据库\n", -1, &error);
  g_assert_no_error (error);
  opening = jp_opening_new (bad, FALSE, NULL);
  g_assert_null (jp_opening_get_store (opening));
  g_assert_error ((GError *) jp_opening_get_error (opening), JP_STORE_ERROR,
                  JP_STORE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (jp_opening_get_plan_id (opening), ==, 0);
  window = g_object_new (JP_TYPE_WINDOW, "application", app, "opening", opening, NULL);
  gtk_window_present (GTK_WINDOW (window));
  jp_test_pump ();
  g_assert_null (jp_window_get_store (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (window->error_page), ==,
                   jp_opening_get_error (opening)->message);
  jp_test_close_window (window);

  jp_test_make_newer_schema (path);
  newer = jp_opening_new (path, FALSE, NULL);
  g_assert_nonnull (jp_opening_get_store (newer));
  g_assert_true (jp_store_get_read_only (jp_opening_get_store (newer)));
  g_assert_nonnull (jp_opening_get_review_reason (newer));
  window = g_object_new (JP_TYPE_WINDOW, "application", app, "opening", newer, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_plan (window);
  g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
  g_assert_true (jp_window_get_review_mode (window));
  g_assert_cmpstr (gtk_label_get_text (window->review_label), ==, jp_opening_get_review_reason (newer));
  jp_test_close_window (window);

  jp_test_remove_dir (dir);
}

typedef struct
{
  char      *path;
  JpOpening *opening; /* the application's, seen at start-up */
  JpWindow  *window;
  gint64     plan_id;
  guint      check_id;
} AppRun;

static void
on_app_startup_cb (GApplication *application,
                   AppRun       *run)
{
  /* Made from the command line, before GTK started. */
  run->opening = g_object_ref (jp_application_get_opening (JP_APPLICATION (application)));
  g_assert_cmpstr (jp_opening_get_path (run->opening), ==, run->path);
}

static gboolean
quit_when_shown_cb (gpointer data)
{
  AppRun *run = data;
  GApplication *application = g_application_get_default ();

  if (run->window == NULL || jp_window_get_plan (run->window) == NULL)
    return G_SOURCE_CONTINUE;

  /* The window took the opening: its store, its plan. */
  g_assert_null (jp_application_get_opening (JP_APPLICATION (application)));
  g_assert_true (jp_window_get_store (run->window) == jp_opening_get_store (run->opening));
  run->plan_id = jp_plan_get_id (jp_window_get_plan (run->window));
  gtk_window_destroy (GTK_WINDOW (run->window));
  g_application_quit (application);
  run->check_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_app_window_added_cb (GtkApplication *application,
                        GtkWindow      *window,
                        AppRun         *run)
{
  run->window = JP_WINDOW (window);
}

/* The application itself: "--db=FILE" opens FILE and starts reading its
 * plan before GTK starts; its window shows that plan. */
static void
test_application_opens_early (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  gint64 first, second;
  g_autofree char *path = make_two_plans_db (dir, &first, &second);
  g_autofree char *arg_db = g_strdup_printf ("--db=%s", path);
  g_autoptr(GSettings) settings = g_settings_new ("com.jinfeng.plan");
  g_autoptr(JpApplication) application = jp_application_new ();
  char *argv[] = { (char *) "jinfeng-plan", arg_db, NULL };
  AppRun run = { path, NULL, NULL, 0, 0 };
  GApplication *previous = g_application_get_default ();
  int status;

  g_settings_set_int64 (settings, "last-plan", first);
  g_signal_connect (application, "startup", G_CALLBACK (on_app_startup_cb), &run);
  g_signal_connect (application, "window-added", G_CALLBACK (on_app_window_added_cb), &run);
  run.check_id = g_timeout_add (10, quit_when_shown_cb, &run);
  status = g_application_run (G_APPLICATION (application), 2, argv);
  g_clear_handle_id (&run.check_id, g_source_remove);
  g_application_set_default (previous);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (run.opening);
  g_assert_nonnull (run.window);
  g_assert_cmpint (run.plan_id, ==, first);
  g_clear_object (&run.opening);
  jp_test_pump ();

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
  g_test_add_func ("/jp/window-open/opening", test_opening);
  g_test_add_func ("/jp/window-open/opening-refused", test_opening_refused);
  g_test_add_func ("/jp/window-open/opening-not-a-file", test_opening_not_a_file);
  g_test_add_func ("/jp/window-open/application", test_application_opens_early);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
