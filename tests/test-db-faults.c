/* test-db-faults.c: the database when the system is against it.
 *
 * - A read-only folder or file. Tests run as root, which ignores file
 *   modes, so the folder (or the file) is made truly read-only with a
 *   read-only bind mount in a private mount namespace (unshare -m); where
 *   that is not permitted, the checks run as the unprivileged user
 *   "nobody" (setpriv) on files without write permission. The checks run
 *   in a child process (this program, "--child NAME …") inside that
 *   namespace or as that user: writing is refused with a clear message,
 *   review mode (read-only) works, even for a WAL database whose -shm
 *   file cannot be created (opened as immutable) and for one with
 *   committed data left in its -wal by a crash, and nothing changes.
 * - Locked by another writer: the command line waits for the busy
 *   timeout, then says the database is in use by another program (an
 *   import, a progress import of many rows: no hang, no row after the
 *   first refused), reads while another program writes, and succeeds
 *   when the lock goes within the timeout.
 * - Disk full: PRAGMA max_page_count (during an import and a progress
 *   import, in the process), and a full tmpfs in a private mount
 *   namespace (the command line's import, backup and progress rows, and
 *   the store's edits): clear errors, the file intact and unchanged, the
 *   process working again once there is room.
 * - The file deleted or replaced while open: edits are refused (they
 *   would go to a file that no longer exists), and what is in memory
 *   can still be exported and imported again: nothing is lost. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jp-json.h"
#include "jp-model.h"
#include "jp-progress-import.h"
#include "jp-store.h"
#include "jp-store-backup.h"
#include "jp-store-private.h"

#include "jp-reliability-util.h"

#define BASE_TITLE "基础计划"

typedef struct
{
  char *dir;      /* the test's folder */
  char *data;     /* dir/data: the database's folder */
  char *db;       /* dir/data/plans.db: one plan */
  char *good;     /* dir/good.json: another plan */
  char *table;    /* dir/progress.csv: 60 progress rows for the plan */
} Fixture;

static const char *self_path;
/* Children: the data folder of the command lines they run. */
static const char *child_data_home;

static void
write_inputs (const char *dir,
              char      **out_good,
              char      **out_table)
{
  g_autofree char *json = rel_dup_json_plan ("另一个计划", 2, 5, 2, 3);
  g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值\n");

  for (guint j = 0; j < 60; j++)
    g_string_append_printf (csv, "%u,指标%u-%u,2023-%02u-%02u,%u\n",
                            1 + j % 10, 1 + j % 10, 1 + j % 2, 1 + j % 12, 1 + j % 28, 100 + j);

  *out_good = g_build_filename (dir, "good.json", NULL);
  *out_table = g_build_filename (dir, "progress.csv", NULL);
  rel_write_file (*out_good, json, -1);
  rel_write_file (*out_table, csv->str, (gssize) csv->len);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *base = rel_dup_json_plan (BASE_TITLE, 2, 5, 2, 3);
  g_autofree char *base_path = NULL;
  g_autofree char *arg_db = NULL;
  g_autofree char *arg_import = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = rel_make_tmpdir ();
  f->data = g_build_filename (f->dir, "data", NULL);
  f->db = g_build_filename (f->data, "plans.db", NULL);
  g_assert_cmpint (g_mkdir (f->data, 0755), ==, 0);
  write_inputs (f->dir, &f->good, &f->table);

  base_path = g_build_filename (f->dir, "base.json", NULL);
  rel_write_file (base_path, base, -1);
  arg_db = g_strconcat ("--db=", f->db, NULL);
  arg_import = g_strconcat ("--import=", base_path, NULL);
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->data);
  g_free (f->db);
  g_free (f->good);
  g_free (f->table);
}

/* "title1|title2" of the plans, through the store in review mode. */
static char *
dup_titles (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (db, JP_STORE_FLAGS_READ_ONLY, &error);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "",
                            ((JpPlanInfo *) g_ptr_array_index (plans, i))->title);

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* Runs the executable: asserts @status and that the last line of its
 * standard error holds @fragment (when not NULL); returns the output. */
static char *
run_expect (int         status,
            const char *fragment,
            const char *arg1,
            const char *arg2,
            const char *arg3)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int got;

  {
    g_autofree char *env_home = child_data_home != NULL ?
                                g_strconcat ("XDG_DATA_HOME=", child_data_home, NULL) : NULL;
    const char *env[] = { env_home, NULL };
    const char *args[] = { arg1, arg2, arg3, NULL };

    got = rel_run_argv_env (args, env, &out, &err);
  }
  g_print ("# %s %s %s → %d\n# %s", arg1, arg2, arg3 != NULL ? arg3 : "", got, err);
  g_assert_cmpint (got, ==, status);
  if (fragment != NULL && strstr (err, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", err, fragment);

  return out;
}

/* ------------------------------------------------------------------ */
/* Children: the checks that run in a namespace or as another user     */

/* A process that commits and dies without a checkpoint, leaving the
 * commit in the -wal file (as a crash or a power cut would). */
static int
child_write_wal (const char *db,
                 const char *title)
{
  sqlite3 *conn = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE plans SET title = '%s'", title);

  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  _exit (0);
}

/* The database (or its folder) cannot be written. */
static int
child_read_only (const char *db,
                 const char *good,
                 const char *table,
                 const char *title,
                 const char *out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rel_db_checksum (db);
  g_autofree char *arg_db = g_strconcat ("--db=", db, NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", good, NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", table, NULL);
  g_autofree char *export = g_build_filename (out_dir, "export.json", NULL);
  g_autofree char *arg_export = g_strconcat ("--export-json=", export, NULL);
  g_autofree char *titles = NULL;
  g_autofree char *out = NULL;
  gint64 plan_id;

  /* Writing: refused, saying why and what can be done. */
  {
    g_autoptr(JpStore) store = jp_store_open (db, JP_STORE_FLAGS_NONE, &error);

    g_assert_null (store);
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
    g_print ("# %s\n", error->message);
    g_assert_nonnull (strstr (error->message, "read-only"));
    g_assert_nonnull (strstr (error->message, "review"));
    g_clear_error (&error);
  }

  /* Review mode works, and refuses edits. A commit waiting in the -wal
   * without its -shm index is read through a private copy, removed with
   * the store. */
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_autofree char *copy = NULL;
    GStatBuf st;
    gboolean through_copy = !g_file_test (shm, G_FILE_TEST_EXISTS) &&
                            g_stat (wal, &st) == 0 && st.st_size > 0;
    JpStore *store = jp_store_open (db, JP_STORE_FLAGS_READ_ONLY, &error);
    g_autoptr(JpPlan) plan = NULL;

    g_assert_no_error (error);
    g_assert_true (jp_store_get_read_only (store));
    if (through_copy)
      {
        copy = g_strdup (jp_store_get_private_copy (store));
        g_assert_nonnull (copy);
        g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
        g_assert_cmpstr (jp_store_get_path (store), ==, db);
      }
    else
      g_assert_null (jp_store_get_private_copy (store));
    plan_id = jp_store_get_latest_plan_id (store, &error);
    g_assert_no_error (error);
    plan = jp_store_load_plan (store, plan_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (jp_plan_get_title (plan), ==, title);
    g_assert_true (jp_store_check_integrity (store, &error));
    g_assert_no_error (error);
    g_assert_false (jp_store_set_string (store, plan, "title", "改", &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_cmpstr (jp_plan_get_title (plan), ==, title);
    g_clear_object (&plan);
    g_assert_finalize_object (store);
    if (copy != NULL)
      {
        g_autofree char *folder = g_path_get_dirname (copy);

        g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      }
  }

  /* The command line: the same. */
  g_free (run_expect (1, "cannot be written", arg_db, arg_import, NULL));
  g_free (run_expect (1, "cannot be written", arg_db, arg_progress, "--plan=1"));
  out = run_expect (0, NULL, arg_db, "--list", NULL);
  g_assert_nonnull (strstr (out, title));
  g_free (run_expect (0, NULL, arg_db, arg_export, NULL));
  g_assert_true (g_file_test (export, G_FILE_TEST_IS_REGULAR));

  /* In a read-only folder, a new database cannot be made either. */
  {
    g_autofree char *folder = g_path_get_dirname (db);
    g_autofree char *arg_new = g_strconcat ("--db=", folder, "/new.db", NULL);

    if (g_access (folder, W_OK) != 0)
      g_free (run_expect (1, "jinfeng-plan: ", arg_new, arg_import, NULL));
  }

  /* Nothing changed. */
  titles = dup_titles (db);
  g_assert_cmpstr (titles, ==, title);
  {
    g_autofree char *after = rel_db_checksum (db);

    g_assert_cmpstr (after, ==, before);
  }

  return 0;
}

/* A full disk (a small tmpfs at @dir): the command line and the store. */
static int
child_disk_full (const char *dir,
                 const char *good,
                 const char *table,
                 const char *elsewhere)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (dir, "plans.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *arg_db = g_strconcat ("--db=", db, NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", good, NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", table, NULL);
  g_autofree char *before = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *big = g_strnfill (64 * 1024, 'y');
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpProgressEntry) entry = NULL;
  JpIndicator *indicator;
  guint n;

  /* Backups go to the full disk too. */
  child_data_home = dir;

  /* A database with a plan, open in this process (as in a window). */
  g_free (run_expect (0, NULL, arg_db, arg_import, NULL));
  store = jp_store_open (db, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  plan = jp_store_load_plan (store, 1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

    indicator = g_list_model_get_item (jp_item_get_indicators (g_ptr_array_index (items, 0)), 0);
    g_object_unref (indicator);  /* the plan holds it */
  }
  g_assert_true (jp_indicator_ensure_history (indicator, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (jp_indicator_get_progress (indicator));

  /* Then no room is left. */
  {
    char block[4096];
    guint n_blocks = 0;
    int fd;

    memset (block, 'x', sizeof block);
    fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint (fd, >=, 0);
    while (write (fd, block, sizeof block) == (gssize) sizeof block)
      n_blocks++;
    g_assert_cmpint (errno, ==, ENOSPC);
    close (fd);
    g_print ("# the disk is full after %u more KiB\n", n_blocks * 4);
  }
  before = rel_db_checksum (db);

  /* An import: its backup cannot be made, so nothing is imported. */
  g_free (run_expect (1, "could not be backed up first", arg_db, arg_import, NULL));

  /* With the backups elsewhere: the import itself meets the full disk,
   * and so does the progress import (one transaction). */
  child_data_home = elsewhere;
  g_free (run_expect (1, "full", arg_db, arg_import, NULL));
  g_free (run_expect (1, "full", arg_db, arg_progress, "--plan=1"));

  /* Reading still works. */
  {
    g_autofree char *out = run_expect (0, NULL, arg_db, "--list", NULL);

    g_assert_nonnull (strstr (out, "另一个计划"));
  }

  /* The store: an edit is refused, nothing in memory changes. */
  entry = jp_progress_entry_new ("2023-11-30", 77);
  jp_progress_entry_set_note (entry, big);
  g_assert_false (jp_store_add_progress (store, indicator, entry, &error));
  g_print ("# %s\n", error->message);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (jp_progress_entry_get_id (entry), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, n);
  g_assert_false (jp_store_set_string (store, plan, "preamble", big, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpstr (jp_plan_get_preamble (plan), !=, big);
  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* The file holds what it held (a -wal may have grown and been reset). */
  titles = dup_titles (db);
  g_assert_cmpstr (titles, ==, "另一个计划");
  g_clear_pointer (&titles, g_free);

  /* Room again: the same store goes on, and so does the command line. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (jp_store_add_progress (store, indicator, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, n + 1);
  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_clear_object (&store);

  g_free (run_expect (0, NULL, arg_db, arg_import, NULL));
  titles = dup_titles (db);
  g_assert_cmpstr (titles, ==, "另一个计划|另一个计划");
  g_clear_pointer (&titles, g_free);

  /* Some room, not enough for a progress file with long notes: the rows
   * that would fit are not recorded either (all or nothing), and the
   * message says so truthfully. */
  {
    g_autofree char *notes = g_build_filename (elsewhere, "notes.csv", NULL);
    g_autofree char *arg_notes = g_strconcat ("--import-progress=", notes, NULL);
    g_autofree char *note = g_strnfill (3000, 'n');
    g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值,说明\n");
    g_autofree char *db_before = NULL;
    g_autofree char *db_after = NULL;
    char block[4096];
    gint64 rows_before;
    off_t size = 0;
    int fd;

    for (guint j = 0; j < 60; j++)
      g_string_append_printf (csv, "%u,指标%u-1,2023-%02u-%02u,%u,%s\n", 1 + j % 10, 1 + j % 10,
                              1 + j % 12, 1 + j % 28, 200 + j, note);
    rel_write_file (notes, csv->str, (gssize) csv->len);

    memset (block, 'x', sizeof block);
    fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint (fd, >=, 0);
    while (write (fd, block, sizeof block) == (gssize) sizeof block)
      size += sizeof block;
    /* 64 KiB free: room for some of the 180 KB of rows. */
    g_assert_cmpint (ftruncate (fd, size > 65536 ? size - 65536 : 0), ==, 0);
    close (fd);

    rows_before = rel_raw_query_int (db, "SELECT count(*) FROM progress");
    db_before = rel_db_checksum (db);
    g_free (run_expect (1, "nothing was imported", arg_db, arg_notes, "--plan=1"));
    g_assert_cmpint (rel_raw_query_int (db, "SELECT count(*) FROM progress"), ==, rows_before);
    db_after = rel_db_checksum (db);
    g_assert_cmpstr (db_after, ==, db_before);
    g_assert_cmpint (g_unlink (filler), ==, 0);
  }

  /* A database opened on a disk already full (no room for its -shm):
   * writing is refused as full, review mode still reads it. */
  {
    char block[4096];
    int fd;

    memset (block, 'x', sizeof block);
    fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    while (write (fd, block, sizeof block) == (gssize) sizeof block)
      ;
    close (fd);
  }
  g_free (run_expect (1, "full", arg_db, arg_import, NULL));
  {
    g_autofree char *out = run_expect (0, NULL, arg_db, "--list", NULL);

    g_assert_nonnull (strstr (out, "另一个计划"));
  }
  (void) before;

  return 0;
}

static int
run_child (int    argc,
           char **argv)
{
  const char *name = argv[2];

  setlocale (LC_ALL, "");
  if (g_str_equal (name, "write-wal") && argc == 5)
    return child_write_wal (argv[3], argv[4]);
  if (g_str_equal (name, "read-only") && argc == 8)
    return child_read_only (argv[3], argv[4], argv[5], argv[6], argv[7]);
  if (g_str_equal (name, "disk-full") && argc == 7)
    return child_disk_full (argv[3], argv[4], argv[5], argv[6]);

  g_printerr ("test-db-faults: unknown child %s\n", name);
  return 2;
}

/* ------------------------------------------------------------------ */
/* Running children                                                    */

/* Runs "self --child ARGS…", after @setup (a shell command) in a private
 * mount namespace when @setup is not NULL, or as the user nobody when
 * @as_nobody; asserts it exits 0. */
static void
spawn_child (const char         *setup,
             gboolean            as_nobody,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = NULL;
  int wait_status = 0;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");

  if (setup != NULL)
    {
      script = g_strdup_printf ("%s && exec \"$0\" \"$@\"", setup);
      g_ptr_array_add (argv, (char *) "unshare");
      g_ptr_array_add (argv, (char *) "--mount");
      g_ptr_array_add (argv, (char *) "--propagation=private");
      g_ptr_array_add (argv, (char *) "sh");
      g_ptr_array_add (argv, (char *) "-c");
      g_ptr_array_add (argv, script);
    }
  else if (as_nobody)
    {
      g_ptr_array_add (argv, (char *) "setpriv");
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, (char *) "--child");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("child %s:\n%s%s", args[0], out, err);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("the child %s failed:\n%s%s", args[0], out, err);
}

/* Whether a private mount namespace with bind and tmpfs mounts works. */
static gboolean
can_unshare (void)
{
  static int result = -1;

  if (result < 0)
    {
      const char *argv[] = { "unshare", "--mount", "--propagation=private", "sh", "-c",
                             "mount -t tmpfs -o size=64k tmpfs /mnt && mount -o remount,ro /mnt",
                             NULL };
      int wait_status = 0;

      result = g_spawn_sync (NULL, (char **) argv, NULL,
                             G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, NULL, NULL, &wait_status, NULL) &&
               WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0;
    }

  return result;
}

static gboolean
can_be_nobody (void)
{
  const char *argv[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                         "true", NULL };
  int wait_status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, NULL) &&
         WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0;
}

static char *
shell_quote_all (const char *path)
{
  return g_shell_quote (path);
}

/* ------------------------------------------------------------------ */
/* Read-only folder, read-only file                                    */

typedef enum
{
  RO_FOLDER,
  RO_FOLDER_WAL_LEFT,   /* a commit left in the -wal, with its -shm */
  RO_FOLDER_WAL_NO_SHM, /* a commit left in the -wal, its -shm gone */
  RO_FILE,
} ReadOnlyCase;

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  ReadOnlyCase kind = GPOINTER_TO_INT (data);
  g_autofree char *target = g_strdup (kind == RO_FILE ? f->db : f->data);
  g_autofree char *quoted = shell_quote_all (target);
  g_autofree char *setup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db, "-shm", NULL);
  const char *title = BASE_TITLE;
  gboolean nobody = FALSE;

  if (kind == RO_FOLDER_WAL_LEFT || kind == RO_FOLDER_WAL_NO_SHM)
    {
      const char *args[] = { "write-wal", f->db, "崩溃前提交的标题", NULL };

      spawn_child (NULL, FALSE, args);
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
      title = "崩溃前提交的标题";
    }
  /* The -shm is only an index of the -wal, rebuilt from it; without it,
   * in a folder where SQLite cannot make one, reading the file as
   * immutable would not see the commit waiting in the -wal: the store
   * reads a private copy of both instead. */
  if (kind == RO_FOLDER_WAL_NO_SHM)
    {
      GStatBuf st;

      g_assert_cmpint (g_unlink (shm), ==, 0);
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 0);
    }
  /* A clean database has no -shm: in a read-only folder SQLite cannot
   * make one, and the store reads the file as immutable. */
  g_assert_true (kind != RO_FOLDER || !g_file_test (shm, G_FILE_TEST_EXISTS));
  before = rel_db_checksum (f->db);

  if (can_unshare ())
    setup = g_strdup_printf ("mount --bind %s %s && mount -o remount,bind,ro %s",
                             quoted, quoted, quoted);
  else if (can_be_nobody ())
    {
      /* The user nobody can read everything on the way, write nothing
       * there, and write its exports in a folder of its own. */
      nobody = TRUE;
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (f->data, kind == RO_FILE ? 0777 : 0555), ==, 0);
      g_assert_cmpint (g_chmod (f->db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (f->good, 0444), ==, 0);
      g_assert_cmpint (g_chmod (f->table, 0444), ==, 0);
    }
  else
    {
      g_test_skip ("neither a private mount namespace (unshare -m) nor running as the user "
                   "nobody (setpriv) is permitted here: root ignores file modes, so a read-only "
                   "database cannot be made");
      return;
    }

  {
    g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
    const char *args[] = { "read-only", f->db, f->good, f->table, title, out_dir, NULL };

    g_assert_cmpint (g_mkdir (out_dir, 0777), ==, 0);
    g_assert_cmpint (g_chmod (out_dir, 0777), ==, 0);
    spawn_child (setup, nobody, args);
  }

  /* Outside, afterwards: still the same file, and writable again. */
  {
    g_autofree char *after = rel_db_checksum (f->db);

    g_assert_cmpstr (after, ==, before);
  }
  if (nobody)
    g_assert_cmpint (g_chmod (f->data, 0755), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
    g_autofree char *titles = NULL;

    g_assert_no_error (error);
    g_assert_true (jp_store_check_integrity (store, &error));
    g_assert_no_error (error);
    g_clear_object (&store);
    titles = dup_titles (f->db);
    g_assert_cmpstr (titles, ==, title);
  }
}

/* ------------------------------------------------------------------ */
/* Locked by another program                                           */

typedef struct
{
  char     *db;
  guint     hold_ms;    /* 0: until released */
  gboolean  exclusive;
  sqlite3  *conn;
  GMutex    mutex;
  GCond     cond;
  gboolean  locked;
  gboolean  release;
} Locker;

static gpointer
locker_thread (gpointer data)
{
  Locker *l = data;

  g_assert_cmpint (sqlite3_open (l->db, &l->conn), ==, SQLITE_OK);
  if (l->exclusive)
    g_assert_cmpint (sqlite3_exec (l->conn, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                            "UPDATE plans SET title = title;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  else
    g_assert_cmpint (sqlite3_exec (l->conn, "BEGIN IMMEDIATE; UPDATE plans SET title = title;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

  g_mutex_lock (&l->mutex);
  l->locked = TRUE;
  g_cond_broadcast (&l->cond);
  if (l->hold_ms > 0)
    {
      gint64 end = g_get_monotonic_time () + l->hold_ms * 1000;

      while (!l->release && g_cond_wait_until (&l->cond, &l->mutex, end))
        ;
    }
  else
    while (!l->release)
      g_cond_wait (&l->cond, &l->mutex);
  g_mutex_unlock (&l->mutex);

  g_assert_cmpint (sqlite3_exec (l->conn, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (l->conn);

  return NULL;
}

static GThread *
start_locker (Locker     *l,
              const char *db,
              guint       hold_ms,
              gboolean    exclusive)
{
  GThread *thread;

  memset (l, 0, sizeof *l);
  l->db = g_strdup (db);
  l->hold_ms = hold_ms;
  l->exclusive = exclusive;
  g_mutex_init (&l->mutex);
  g_cond_init (&l->cond);
  thread = g_thread_new ("locker", locker_thread, l);

  g_mutex_lock (&l->mutex);
  while (!l->locked)
    g_cond_wait (&l->cond, &l->mutex);
  g_mutex_unlock (&l->mutex);

  return thread;
}

/* Waits for a lock held @hold_ms; releases one held until released. */
static void
finish_locker (Locker  *l,
               GThread *thread)
{
  if (l->hold_ms == 0)
    {
      g_mutex_lock (&l->mutex);
      l->release = TRUE;
      g_cond_broadcast (&l->cond);
      g_mutex_unlock (&l->mutex);
    }
  g_thread_join (thread);
  g_mutex_clear (&l->mutex);
  g_cond_clear (&l->cond);
  g_free (l->db);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *arg_db = g_strconcat ("--db=", f->db, NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", f->good, NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", f->table, NULL);
  g_autofree char *before = rel_db_checksum (f->db);
  g_autofree char *titles = NULL;
  Locker locker;
  GThread *thread;
  gint64 start, elapsed;

  /* Another program holds the write lock for longer than the timeout. */
  thread = start_locker (&locker, f->db, 0, FALSE);

  start = g_get_monotonic_time ();
  g_free (run_expect (1, "in use by another program", arg_db, arg_import, NULL));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("import refused after %.1f s", elapsed / 1e6);
  g_assert_cmpint (elapsed, >=, JP_STORE_DEFAULT_BUSY_TIMEOUT * 1000 * 9 / 10);
  g_assert_cmpint (elapsed, <, (JP_STORE_DEFAULT_BUSY_TIMEOUT + 2500) * 1000);

  /* 60 rows: the first one waits, the others are not tried. */
  start = g_get_monotonic_time ();
  g_free (run_expect (1, "in use by another program", arg_db, arg_progress, "--plan=1"));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("progress import refused after %.1f s", elapsed / 1e6);
  g_assert_cmpint (elapsed, <, (JP_STORE_DEFAULT_BUSY_TIMEOUT + 2500) * 1000);

  /* Reading goes on meanwhile (WAL). */
  {
    g_autofree char *out = run_expect (0, NULL, arg_db, "--list", NULL);

    g_assert_nonnull (strstr (out, BASE_TITLE));
  }
  finish_locker (&locker, thread);
  {
    g_autofree char *after = rel_db_checksum (f->db);

    g_assert_cmpstr (after, ==, before);
  }

  /* A lock that goes within the timeout is waited for. */
  thread = start_locker (&locker, f->db, 1000, FALSE);
  start = g_get_monotonic_time ();
  g_free (run_expect (0, NULL, arg_db, arg_import, NULL));
  elapsed = g_get_monotonic_time () - start;
  finish_locker (&locker, thread);
  g_test_message ("import waited %.1f s for the lock", elapsed / 1e6);
  g_assert_cmpint (elapsed, >=, 800 * 1000);
  titles = dup_titles (f->db);
  g_assert_cmpstr (titles, ==, BASE_TITLE "|另一个计划");

  /* An exclusive lock keeps even readers out: a clear error, no hang. */
  thread = start_locker (&locker, f->db, 0, TRUE);
  start = g_get_monotonic_time ();
  g_free (run_expect (1, "in use by another program", arg_db, "--list", NULL));
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (elapsed, <, (JP_STORE_DEFAULT_BUSY_TIMEOUT + 2500) * 1000);
  finish_locker (&locker, thread);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (jp_store_check_integrity (store, &error));
    g_assert_no_error (error);
  }
}

/* ------------------------------------------------------------------ */
/* Disk full                                                           */

static JpPlan *
load_plan (JpStore *store,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_store_load_plan (store, id, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_full_page_count (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) base = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *titles = NULL;
  gint64 pages;

  g_assert_no_error (error);
  base = load_plan (store, 1);

  /* No more room than two pages. */
  pages = rel_raw_query_int (f->db, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (_jp_store_exec_for_test (store, limit, &error));
  g_assert_no_error (error);

  /* An import of a big plan: refused whole. */
  {
    g_autofree char *json = rel_dup_json_plan ("大计划", 4, 20, 3, 5);
    gsize length = strlen (json);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), length);

    plans = jp_json_import_bytes (bytes, "big.json", &error);
    g_assert_no_error (error);
    g_assert_false (jp_store_insert_plans (store, (JpPlan **) plans->pdata, plans->len, &error));
    g_test_message ("%s", error->message);
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
    g_clear_error (&error);
    g_assert_cmpint (jp_plan_get_id (g_ptr_array_index (plans, 0)), ==, 0);
    titles = dup_titles (f->db);
    g_assert_cmpstr (titles, ==, BASE_TITLE);
    g_clear_pointer (&titles, g_free);
  }

  /* A progress import of 60 rows with long notes: one transaction, all
   * or nothing: none is recorded, and the error says so. */
  {
    g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值,说明\n");
    g_autofree char *note = g_strnfill (3000, 'n');
    g_autoptr(GBytes) bytes = NULL;
    gint64 rows_before = rel_raw_query_int (f->db, "SELECT count(*) FROM progress");

    for (guint j = 0; j < 60; j++)
      g_string_append_printf (csv, "%u,指标%u-1,2023-%02u-01,%u,%s\n",
                              1 + j % 10, 1 + j % 10, 1 + j % 12, 500 + j, note);
    bytes = g_bytes_new (csv->str, csv->len);
    import = jp_progress_import_new_for_bytes (base, bytes, "full.csv", NULL, NULL, &error);
    g_assert_no_error (error);
    /* New values, and changes of the values of three dates. */
    g_assert_cmpuint (jp_progress_import_get_n_to_record (import), ==, 60);
    g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE), >, 0);
    g_assert_false (jp_progress_import_commit (import, store, NULL, NULL, NULL, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
    g_test_message ("%s", error->message);
    g_assert_true (g_str_has_prefix (error->message, "full.csv: nothing was imported: "));
    g_clear_error (&error);
    g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED), ==, 0);
    g_assert_cmpuint (jp_progress_import_get_n_to_record (import), ==, 60);

    /* Nothing in the file, nothing in the model. */
    g_assert_cmpint (rel_raw_query_int (f->db, "SELECT count(*) FROM progress"), ==, rows_before);
    g_assert_cmpint (rel_raw_query_int (f->db, "SELECT count(*) FROM progress WHERE value >= 500"),
                     ==, 0);
    {
      g_autoptr(GPtrArray) items = jp_plan_dup_items (base);

      for (guint i = 0; i < items->len; i++)
        {
          GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

          for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
            {
              g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
              JpProgressEntry *latest = jp_indicator_get_latest (indicator);

              g_assert_true (latest == NULL || jp_progress_entry_get_value (latest) < 500);
            }
        }
    }
  }

  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* Room again: the same store imports the plan. */
  g_assert_true (_jp_store_exec_for_test (store, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_insert_plans (store, (JpPlan **) plans->pdata, plans->len, &error));
  g_assert_no_error (error);
  titles = dup_titles (f->db);
  g_assert_cmpstr (titles, ==, BASE_TITLE "|大计划");
}

static void
test_full_tmpfs (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *mount_point = g_build_filename (f->dir, "small", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *setup = NULL;
  const char *args[] = { "disk-full", mount_point, f->good, f->table, elsewhere, NULL };

  if (!can_unshare ())
    {
      g_test_skip ("mounting a small tmpfs in a private mount namespace (unshare -m) is not "
                   "permitted here; /jp/db-faults/full-page-count covers a full database");
      return;
    }

  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere, 0755), ==, 0);
  quoted = g_shell_quote (mount_point);
  setup = g_strdup_printf ("mount -t tmpfs -o size=1m tmpfs %s", quoted);
  spawn_child (setup, FALSE, args);
}

/* ------------------------------------------------------------------ */
/* Deleted or replaced while open                                      */

static void
test_deleted_while_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-12-01", 66);
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db, "-shm", NULL);
  JpIndicator *indicator;
  guint changed = 0;

  g_assert_no_error (error);
  plan = load_plan (store, 1);
  g_assert_true (jp_store_set_string (store, plan, "title", "删除前的标题", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

    indicator = g_list_model_get_item (jp_item_get_indicators (g_ptr_array_index (items, 0)), 0);
    g_object_unref (indicator);
  }

  /* Someone deletes the file (and its -wal and -shm). */
  g_assert_cmpint (g_unlink (f->db), ==, 0);
  g_unlink (wal);
  g_unlink (shm);

  g_assert_false (jp_store_add_progress (store, indicator, entry, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_MOVED);
  g_assert_nonnull (strstr (error->message, "deleted or replaced"));
  g_clear_error (&error);
  g_assert_false (jp_store_set_string (store, plan, "title", "删除后的标题", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_MOVED);
  g_clear_error (&error);
  g_assert_cmpstr (jp_plan_get_title (plan), ==, "删除前的标题");
  g_assert_cmpint (jp_progress_entry_get_id (entry), ==, 0);
  (void) changed;

  /* What is in memory is all still there (histories load through the
   * open file): exported, imported into a new database, exported again,
   * the same. */
  exported = jp_json_export_plans (&plan, 1, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    g_autoptr(GBytes) bytes = g_bytes_new (exported, strlen (exported));
    g_autoptr(GPtrArray) plans = jp_json_import_bytes (bytes, "saved.json", &error);
    g_autoptr(JpStore) fresh = NULL;
    g_autoptr(JpPlan) loaded = NULL;

    g_assert_no_error (error);
    fresh = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
    g_assert_no_error (error);
    g_assert_true (jp_store_insert_plans (fresh, (JpPlan **) plans->pdata, 1, &error));
    g_assert_no_error (error);
    loaded = load_plan (fresh, jp_plan_get_id (g_ptr_array_index (plans, 0)));
    exported_again = jp_json_export_plans (&loaded, 1, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (exported_again, ==, exported);
  g_assert_nonnull (strstr (exported, "删除前的标题"));

  /* Replaced (another file renamed over it): the same refusal. */
  {
    g_autofree char *other = g_build_filename (f->data, "other.db", NULL);
    g_autoptr(JpStore) again = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
    g_autoptr(JpPlan) reloaded = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_no_error (error);
    reloaded = load_plan (again, jp_store_get_latest_plan_id (again, NULL));
    g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
    rel_write_file (other, contents, (gssize) length);
    g_assert_cmpint (g_rename (other, f->db), ==, 0);
    g_assert_false (jp_store_set_string (again, reloaded, "title", "替换后", &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_MOVED);
  }
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];
  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  {
    g_autofree char *absolute = g_canonicalize_filename (self_path, NULL);

    self_path = g_steal_pointer (&absolute);
  }

#define ADD(path, func, data) \
  g_test_add (path, Fixture, GINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/db-faults/read-only-folder", test_read_only, RO_FOLDER);
  ADD ("/jp/db-faults/read-only-folder-wal-left", test_read_only, RO_FOLDER_WAL_LEFT);
  ADD ("/jp/db-faults/read-only-folder-wal-no-shm", test_read_only, RO_FOLDER_WAL_NO_SHM);
  ADD ("/jp/db-faults/read-only-file", test_read_only, RO_FILE);
  ADD ("/jp/db-faults/busy", test_busy, 0);
  ADD ("/jp/db-faults/full-page-count", test_full_page_count, 0);
  ADD ("/jp/db-faults/full-tmpfs", test_full_tmpfs, 0);
  ADD ("/jp/db-faults/deleted-while-open", test_deleted_while_open, 0);

#undef ADD

  return g_test_run ();
}
