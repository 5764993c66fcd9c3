/* test-window-tampered.c: the window on databases changed by hand.
 *
 * Each file holds the bundled 2023 plan, then is changed as someone with
 * the sqlite3 shell or a hex editor would: a schema version of -1 (the
 * window crashed on it), the largest version, garbage in the SQLite
 * header, a table dropped, a title that is not UTF-8, items whose section
 * is gone. The window, opened both ways (reading the plan in a thread, as
 * the application does, and at once), never crashes nor logs a warning:
 * it shows its error page naming the file, or the plan in review mode
 * (a newer version's file), and the file is left as it was. */

#include "config.h"

#include <adwaita.h>

#include "jp-opening.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

#include "jp-reliability-util.h"

static JpApplication *app;

typedef struct
{
  const char *name;
  const char *sql;       /* run on a copy of the sample, or NULL */
  gsize       offset;    /* else: bytes patched at this offset */
  guint8      bytes[4];
  gsize       n_bytes;
  const char *fragment;  /* in the error page; NULL: review mode */
} Tampering;

static const Tampering tamperings[] = {
  { "version-negative", "PRAGMA user_version = -1", 0, { 0 }, 0, "is not a Work Plan database" },
  { "version-huge", "PRAGMA user_version = 2147483647", 0, { 0 }, 0, NULL },
  { "header", NULL, 21, { 0xff, 0xff, 0xff }, 3, "is not a database" },
  { "page-size", NULL, 16, { 0x03, 0x00 }, 2, "is not a database" },
  { "missing-table", "DROP TABLE indicators", 0, { 0 }, 0, "the table “indicators” is missing" },
  { "title-utf8", "UPDATE plans SET title = CAST (x'e5b7a5ff80' AS TEXT)", 0, { 0 }, 0,
    "the column “title” is not valid UTF-8" },
  { "orphan-items", "DELETE FROM sections WHERE id = 2", 0, { 0 }, 0,
    "refers to a row of the table “sections” that does not exist" },
};

/* A copy of the sample database in @dir, changed by @t. */
static char *
make_tampered (const char      *dir,
               const char      *sample,
               const Tampering *t)
{
  g_autofree char *file = g_strconcat (t->name, ".db", NULL);
  char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  if (t->sql == NULL)
    {
      g_assert_cmpuint (t->offset + t->n_bytes, <=, length);
      memcpy (contents + t->offset, t->bytes, t->n_bytes);
    }
  rel_write_file (path, contents, (gssize) length);
  if (t->sql != NULL)
    rel_raw_exec (path, t->sql);

  return path;
}

/* Runs the main loop until @window shows its plan or its error page (at
 * most 20 s). */
static void
wait_for_window (JpWindow *window)
{
  gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (jp_window_get_plan (window) == NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "error") != 0 &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  jp_test_pump ();
}

static void
check_window (JpWindow        *window,
              const char      *path,
              const Tampering *t)
{
  g_autofree char *name = g_path_get_basename (path);

  wait_for_window (window);
  if (t->fragment == NULL)
    {
      /* A newer version's file: readable, never written. */
      g_assert_nonnull (jp_window_get_plan (window));
      g_assert_cmpuint (jp_plan_get_n_items (jp_window_get_plan (window)), ==, 17);
      g_assert_true (jp_window_get_review_mode (window));
      g_assert_true (jp_store_get_read_only (jp_window_get_store (window)));
    }
  else
    {
      const char *description = adw_status_page_get_description (window->error_page);

      g_test_message ("%s: %s", t->name, description);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
      g_assert_null (jp_window_get_plan (window));
      g_assert_null (jp_window_get_store (window));
      g_assert_nonnull (strstr (description, name));
      g_assert_nonnull (strstr (description, t->fragment));
    }
}

static void
test_tampered (void)
{
  g_autofree char *dir = jp_test_make_dir ();
  g_autofree char *sample = jp_test_make_sample_db (dir);

  /* One self-contained file to copy. */
  rel_raw_exec (sample, "PRAGMA wal_checkpoint(TRUNCATE)");

  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      const Tampering *t = &tamperings[i];
      g_autofree char *path = make_tampered (dir, sample, t);
      g_autofree char *before = rel_db_checksum (path);
      g_autofree char *after = NULL;
      JpWindow *window;

      /* As the application opens it: the plan read in a thread. */
      window = g_object_new (JP_TYPE_WINDOW,
                             "application", app,
                             "db-path", path,
                             "open-in-background", TRUE,
                             NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      check_window (window, path, t);
      jp_test_close_window (window);

      /* At once. */
      window = jp_test_open_window (app, path, FALSE, FALSE);
      check_window (window, path, t);
      jp_test_close_window (window);

      after = rel_db_checksum (path);
      g_assert_cmpstr (after, ==, before);
    }

  rel_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add_func ("/jp/window-tampered/open", test_tampered);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
