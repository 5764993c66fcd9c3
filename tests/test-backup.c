/* test-backup.c: backups of the database (jp-store-backup.h): made with
 * the online backup API, consistent while another connection writes,
 * named with a timestamp and a reason, only the newest N kept; restored
 * (after checking the backup) with a backup of the state before; made by
 * the store before it migrates a file; and the integrity check. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-json.h"
#include "jp-model.h"
#include "jp-store.h"
#include "jp-store-backup.h"
#include "jp-store-private.h"

#include "jp-reliability-util.h"

typedef struct
{
  char *dir;
  char *path;     /* dir/plans.db */
  char *backups;  /* dir/backups (not created) */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rel_make_tmpdir ();
  f->path = g_build_filename (f->dir, "plans.db", NULL);
  f->backups = g_build_filename (f->dir, "backups", NULL);
  jp_store_set_backup_policy (f->backups, JP_STORE_BACKUPS_DEFAULT_KEEP);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_store_set_backup_policy (NULL, JP_STORE_BACKUPS_DEFAULT_KEEP);
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->backups);
}

static JpStore *
open_store (const char   *path,
            JpStoreFlags  flags)
{
  g_autoptr(GError) error = NULL;
  JpStore *store = jp_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
insert_json_plan (JpStore    *store,
                  const char *title)
{
  g_autofree char *json = rel_dup_json_plan (title, 2, 2, 2, 3);
  gsize length = strlen (json);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = jp_json_import_bytes (bytes, "gen.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_true (jp_store_insert_plans (store, (JpPlan **) plans->pdata, 1, &error));
  g_assert_no_error (error);

  return jp_plan_get_id (g_ptr_array_index (plans, 0));
}

/* "title1|title2|…" of the plans in a database file. */
static char *
dup_titles (const char *path)
{
  g_autoptr(JpStore) store = open_store (path, JP_STORE_FLAGS_READ_ONLY);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const JpPlanInfo *info = g_ptr_array_index (plans, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", info->title);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
dup_titles_of_store (JpStore *store)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const JpPlanInfo *info = g_ptr_array_index (plans, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", info->title);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* ------------------------------------------------------------------ */

static void
test_make_list_prune (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  /* Seven backups, each after one more plan; keep 3. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *title = g_strdup_printf ("计划%u", i);
      char *path = NULL;

      insert_json_plan (store, title);
      before = (g_free (before), rel_db_checksum (f->path));
      g_assert_true (jp_store_backup (store, f->backups, i % 2 ? JP_STORE_BACKUP_IMPORT : JP_STORE_BACKUP_MANUAL,
                                      3, &path, &error));
      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_ptr_array_add (made, path);
      /* The database is not touched by a backup. */
      {
        g_autofree char *after = rel_db_checksum (f->path);

        g_assert_cmpstr (before, ==, after);
      }
    }

  backups = jp_store_list_backups (store, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpuint (count_files (f->backups), ==, 3);

  /* Newest first: the last three made, with their reasons and times. */
  for (guint i = 0; i < 3; i++)
    {
      const JpBackupInfo *info = g_ptr_array_index (backups, i);
      const char *expected_path = g_ptr_array_index (made, 6 - i);
      g_autofree char *base = g_path_get_basename (info->path);
      g_autofree char *titles = NULL;
      g_autofree char *last = g_strdup_printf ("计划%u", 6 - i);
      g_auto(GStrv) parts = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_test_message ("%s", base);
      g_assert_cmpstr (info->path, ==, expected_path);
      g_assert_true (g_str_has_prefix (base, "plans-"));
      g_assert_true (g_str_has_suffix (base, (6 - i) % 2 ? "-import.db" : "-manual.db"));
      g_assert_cmpstr (info->reason, ==, (6 - i) % 2 ? "import" : "manual");
      g_assert_cmpint (info->size, >, 4096);
      g_assert_cmpint (g_date_time_difference (now, info->time), >=, 0);
      g_assert_cmpint (g_date_time_difference (now, info->time), <, 60 * G_USEC_PER_SEC);
      if (i > 0)
        {
          const JpBackupInfo *newer = g_ptr_array_index (backups, i - 1);

          g_assert_cmpint (g_date_time_compare (newer->time, info->time), >, 0);
        }

      /* Each holds the plans of its moment: plans 0 … 6 − i. */
      titles = dup_titles (info->path);
      parts = g_strsplit (titles, "|", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 7 - i);
      g_assert_cmpstr (parts[6 - i], ==, last);

      /* A backup is one self-contained file (no -wal needed). */
      g_assert_cmpint (rel_raw_query_int (info->path, "PRAGMA user_version"), ==,
                       JP_STORE_SCHEMA_VERSION);
    }
}

static void
test_keep_zero_and_memory (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpStore) memory = open_store (":memory:", JP_STORE_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  char *path = (char *) "unset";

  insert_json_plan (store, "计划");
  g_assert_true (jp_store_backup (store, f->backups, "manual", 0, &path, &error));
  g_assert_no_error (error);
  g_assert_null (path);
  g_assert_false (g_file_test (f->backups, G_FILE_TEST_EXISTS));

  insert_json_plan (memory, "计划");
  g_assert_true (jp_store_backup (memory, f->backups, "manual", 5, &path, &error));
  g_assert_no_error (error);
  g_assert_null (path);
  g_assert_false (g_file_test (f->backups, G_FILE_TEST_EXISTS));
}

static void
test_other_files_ignored (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const others[] = {
    "other-20230101-000000-000-import.db",   /* another database's */
    "plans-20230101-000000-000-import.db.part",
    "plans-2023-import.db",
    "plans-20231301-000000-000-import.db",   /* no such month */
    "plans-20230101-000000-000-Import.db",
    "plans-20230101-000000-000-.db",
    "notes.txt",
  };
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->backups, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->backups, others[i], NULL);

      rel_write_file (path, "x", -1);
    }

  /* No folder yet for another name: an empty list. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);

    backups = jp_store_list_backups (store, missing, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (backups->len, ==, 0);
    g_clear_pointer (&backups, g_ptr_array_unref);
  }

  insert_json_plan (store, "计划");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (jp_store_backup (store, f->backups, "manual", 1, NULL, &error));
      g_assert_no_error (error);
    }

  /* A database of the same name in another folder: its backups are
   * its own. */
  {
    g_autofree char *folder = g_build_filename (f->dir, "elsewhere", NULL);
    g_autofree char *path = g_build_filename (folder, "plans.db", NULL);
    g_autoptr(JpStore) twin = open_store (path, JP_STORE_FLAGS_NONE);
    g_autoptr(GPtrArray) theirs = NULL;

    insert_json_plan (twin, "同名");
    g_assert_true (jp_store_backup (twin, f->backups, "manual", 5, NULL, &error));
    g_assert_no_error (error);
    theirs = jp_store_list_backups (twin, f->backups, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (theirs->len, ==, 1);
  }

  g_assert_true (jp_store_backup (store, f->backups, "manual", 1, NULL, &error));
  g_assert_no_error (error);
  backups = jp_store_list_backups (store, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  /* Pruning deleted only this database's backups. */
  g_assert_cmpuint (count_files (f->backups), ==, G_N_ELEMENTS (others) + 2);
}

/* The command line backs up a database that holds plans before an
 * import into it, keeps the newest 5 (the setting's default), and
 * imports nothing when it cannot back up. */
static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *arg_db = g_strconcat ("--db=", f->path, NULL);
  g_autofree char *json = g_build_filename (f->dir, "plan.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "progress.csv", NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", json, NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", csv, NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  char *err = NULL;

  {
    g_autofree char *text = rel_dup_json_plan ("命令行", 1, 2, 1, 0);

    rel_write_file (json, text, -1);
    rel_write_file (csv, "序号,指标,日期,数值\n1,指标1-1,2023-06-30,45\n", -1);
  }

  /* Into a new database: nothing to keep. */
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* Each further import: a copy of the database as it was. */
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_progress, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  backups = jp_store_list_backups_for_path (f->path, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const JpBackupInfo *info = g_ptr_array_index (backups, i);
      g_autofree char *titles = dup_titles (info->path);

      g_assert_cmpstr (info->reason, ==, "import");
      g_assert_cmpstr (titles, ==, i == 0 ? "命令行|命令行" : "命令行");
    }
  {
    const JpBackupInfo *before_progress = g_ptr_array_index (backups, 0);

    g_assert_cmpint (rel_raw_query_int (before_progress->path, "SELECT count(*) FROM progress"), ==, 0);
    g_assert_cmpint (rel_raw_query_int (f->path, "SELECT count(*) FROM progress"), ==, 1);
  }

  /* Only the newest 5. */
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = jp_store_list_backups_for_path (f->path, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, JP_STORE_BACKUPS_DEFAULT_KEEP);
  {
    const JpBackupInfo *newest = g_ptr_array_index (backups, 0);
    g_autofree char *titles = dup_titles (newest->path);

    g_assert_cmpstr (titles, ==, "命令行|命令行|命令行|命令行|命令行|命令行|命令行");
  }

  /* No backup possible (the data folder is not a folder): nothing is
   * imported, and the message says why. */
  {
    const char *env[] = { "XDG_DATA_HOME=/dev/null", NULL };
    const char *args[] = { arg_db, arg_import, NULL };
    g_autofree char *before = rel_db_checksum (f->path);
    g_autofree char *after = NULL;

    g_assert_cmpint (rel_run_argv_env (args, env, &out, &err), ==, 1);
    g_test_message ("%s", err);
    g_assert_nonnull (strstr (err, "Nothing was imported, because the database could not be backed up"));
    g_assert_cmpstr (out, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    after = rel_db_checksum (f->path);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_backup_folder_unwritable (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  insert_json_plan (store, "计划");
  /* A file where the folder should be. */
  rel_write_file (f->backups, "not a folder", -1);
  before = rel_db_checksum (f->path);

  g_assert_false (jp_store_backup (store, f->backups, "manual", 5, NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "backups"));

  after = rel_db_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_consistent_while_writing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *titles = NULL;
  sqlite3 *other = NULL;

  insert_json_plan (store, "已提交");

  /* Another program is in the middle of a write. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "BEGIN IMMEDIATE;"
                                 "UPDATE plans SET title = '未提交';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (jp_store_backup (store, f->backups, "manual", 5, &path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  titles = dup_titles (path);
  g_assert_cmpstr (titles, ==, "已提交");
  g_free (titles);
  titles = dup_titles_of_store (store);
  g_assert_cmpstr (titles, ==, "未提交");
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpStore) window = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(JpPlan) loaded = NULL;
  gint64 version;
  gint64 plan_id;

  plan_id = insert_json_plan (store, "第一");
  g_assert_true (jp_store_backup (store, f->backups, "manual", 5, &first, &error));
  g_assert_no_error (error);
  insert_json_plan (store, "第二");

  /* Another connection (a second window) has the plan loaded. */
  window = open_store (f->path, JP_STORE_FLAGS_NONE);
  loaded = jp_store_load_plan (window, plan_id, &error);
  g_assert_no_error (error);
  version = jp_store_get_data_version (window);

  g_assert_true (jp_store_restore_backup (store, first, f->backups, 5, &error));
  g_assert_no_error (error);

  titles = dup_titles_of_store (store);
  g_assert_cmpstr (titles, ==, "第一");
  g_clear_pointer (&titles, g_free);

  /* The other connection sees the change and reads the restored data. */
  g_assert_cmpint (jp_store_get_data_version (window), !=, version);
  titles = dup_titles_of_store (window);
  g_assert_cmpstr (titles, ==, "第一");
  g_clear_pointer (&titles, g_free);
  {
    g_autoptr(JpPlan) again = jp_store_load_plan (window, plan_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (jp_plan_get_n_indicators (again), ==, 8);
  }

  /* The state before the restore was backed up first. */
  backups = jp_store_list_backups (store, f->backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  {
    const JpBackupInfo *newest = g_ptr_array_index (backups, 0);

    g_assert_cmpstr (newest->reason, ==, "restore");
    titles = dup_titles (newest->path);
    g_assert_cmpstr (titles, ==, "第一|第二");
    g_clear_pointer (&titles, g_free);

    /* … so that the restore itself can be undone. */
    g_assert_true (jp_store_restore_backup (store, newest->path, f->backups, 5, &error));
    g_assert_no_error (error);
  }
  titles = dup_titles_of_store (store);
  g_assert_cmpstr (titles, ==, "第一|第二");

  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);
  /* Still in WAL mode, and still writable. */
  g_assert_cmpint (sqlite3_db_readonly (_jp_store_get_db (store), "main"), ==, 0);
  insert_json_plan (store, "第三");
  g_clear_object (&window);
  g_clear_object (&store);
  {
    g_autofree char *all = dup_titles (f->path);

    g_assert_cmpstr (all, ==, "第一|第二|第三");
  }
}

typedef enum
{
  BAD_TEXT,
  BAD_MISSING,
  BAD_OTHER_PROGRAM,
  BAD_NEWER,
  BAD_DAMAGED,
} BadBackup;

static void
make_bad_backup (Fixture    *f,
                 BadBackup   kind,
                 const char *path)
{
  switch (kind)
    {
    case BAD_TEXT:
      rel_write_file (path, "2023年工作要点\n一、不是数据库\n", -1);
      break;

    case BAD_MISSING:
      break;

    case BAD_OTHER_PROGRAM:
      rel_raw_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                          "INSERT INTO notes (text) VALUES ('hello');");
      break;

    case BAD_NEWER:
    case BAD_DAMAGED:
      {
        g_autoptr(JpStore) store = NULL;
        g_autofree char *made = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

        store = open_store (other, JP_STORE_FLAGS_NONE);
        for (guint i = 0; i < 4; i++)
          insert_json_plan (store, "备份");
        g_assert_true (jp_store_backup (store, f->dir, "manual", 5, &made, &error));
        g_assert_no_error (error);
        g_clear_object (&store);
        g_assert_cmpint (g_rename (made, path), ==, 0);

        if (kind == BAD_NEWER)
          rel_raw_exec (path, "PRAGMA user_version = 99");
        else
          {
            g_autofree char *contents = NULL;
            gsize length = 0;

            /* Scribble over the last pages (tables and indexes), not the
             * header: SQLite opens it and the check finds the damage. */
            g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
            g_assert_cmpuint (length, >, 4 * 4096);
            for (gsize i = length - 3 * 4096 + 100; i < length; i += 7)
              contents[i] = (char) (i * 31);
            rel_write_file (path, contents, (gssize) length);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  static const struct
  {
    BadBackup  kind;
    int        code;
  } cases[] = {
    { BAD_TEXT, JP_STORE_ERROR_NOT_A_DATABASE },
    { BAD_MISSING, JP_STORE_ERROR_OPEN },
    { BAD_OTHER_PROGRAM, JP_STORE_ERROR_NOT_A_DATABASE },
    { BAD_NEWER, JP_STORE_ERROR_NEWER_SCHEMA },
    { BAD_DAMAGED, JP_STORE_ERROR_CORRUPT },
  };
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

  insert_json_plan (store, "原样");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = g_strdup_printf ("%s/bad-%u.db", f->dir, i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *titles = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autoptr(GError) error = NULL;

      make_bad_backup (f, cases[i].kind, bad);
      before = rel_db_checksum (f->path);

      g_assert_false (jp_store_restore_backup (store, bad, f->backups, 5, &error));
      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, JP_STORE_ERROR, cases[i].code);

      /* Nothing changed, and no backup was made for nothing. */
      after = rel_db_checksum (f->path);
      g_assert_cmpstr (before, ==, after);
      titles = dup_titles_of_store (store);
      g_assert_cmpstr (titles, ==, "原样");
      backups = jp_store_list_backups (store, f->backups, NULL);
      g_assert_cmpuint (backups->len, ==, 0);
    }

  /* Review mode restores nothing. */
  {
    g_autofree char *good = NULL;
    g_autoptr(JpStore) review = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);
    g_autoptr(GError) error = NULL;

    g_assert_true (jp_store_backup (store, f->dir, "manual", 5, &good, &error));
    g_assert_no_error (error);
    g_assert_false (jp_store_restore_backup (review, good, f->backups, 5, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  }
}

/* A database that cannot be opened any more: the backup is put in its
 * place, and the damaged file kept aside. */
static void
test_restore_to_path (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autofree char *text = g_build_filename (f->dir, "text.db", NULL);

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    insert_json_plan (store, "备份中的计划");
    g_assert_true (jp_store_backup (store, f->backups, "manual", 5, &good, &error));
    g_assert_no_error (error);
    insert_json_plan (store, "损坏前的计划");
  }

  /* Overwritten by something else. */
  rel_write_file (f->path, "这已经不是数据库了", -1);
  damaged_sum = rel_file_checksum (f->path);
  {
    g_autoptr(JpStore) store = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);

    g_assert_null (store);
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
  }

  /* A bad backup: refused, nothing moved. */
  rel_write_file (text, "not a backup", -1);
  g_assert_false (jp_store_restore_backup_to_path (f->path, text, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  {
    g_autofree char *sum = rel_file_checksum (f->path);

    g_assert_cmpstr (sum, ==, damaged_sum);
  }

  g_assert_true (jp_store_restore_backup_to_path (f->path, good, &error));
  g_assert_no_error (error);
  titles = dup_titles (f->path);
  g_assert_cmpstr (titles, ==, "备份中的计划");

  /* The damaged file is kept beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "plans.db.damaged-") && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        {
          g_autofree char *path = g_build_filename (f->dir, name, NULL);
          g_autofree char *sum = rel_file_checksum (path);

          g_assert_cmpstr (sum, ==, damaged_sum);
          kept = TRUE;
        }
    g_assert_true (kept);
  }

  /* And it is a working database again. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    g_assert_true (jp_store_check_integrity (store, &error));
    g_assert_no_error (error);
    insert_json_plan (store, "恢复后的计划");
  }
}

static void
test_check_integrity (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    for (guint i = 0; i < 4; i++)
      insert_json_plan (store, "完好");
    g_assert_true (jp_store_check_integrity (store, &error));
    g_assert_no_error (error);
  }

  make_bad_backup (f, BAD_DAMAGED, damaged);
  {
    g_autoptr(JpStore) store = jp_store_open (damaged, JP_STORE_FLAGS_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_false (jp_store_check_integrity (store, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "damaged.db"));
  }

  /* A broken foreign key (written behind the store's back). */
  rel_raw_exec (f->path, "PRAGMA foreign_keys = OFF; DELETE FROM plans WHERE id = 1;");
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    g_clear_error (&error);
    g_assert_false (jp_store_check_integrity (store, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "foreign key"));
  }
}

/* An existing file of an older schema is backed up before it is
 * migrated: the copy is the file as it was. */
static void
test_before_migration (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 pages;

  /* Version 0 with content (a page, no table left). */
  rel_raw_exec (f->path, "CREATE TABLE t (x); DROP TABLE t");
  g_assert_cmpint (rel_raw_query_int (f->path, "PRAGMA user_version"), ==, 0);
  pages = rel_raw_query_int (f->path, "PRAGMA page_count");
  g_assert_cmpint (pages, >, 0);
  before = rel_file_checksum (f->path);

  /* Review mode migrates a copy in memory: no backup. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);

    g_assert_true (jp_store_get_read_only (store));
  }
  g_assert_false (g_file_test (f->backups, G_FILE_TEST_EXISTS));
  {
    g_autofree char *after = rel_file_checksum (f->path);

    g_assert_cmpstr (after, ==, before);
  }

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    backups = jp_store_list_backups (store, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (backups->len, ==, 1);
  {
    const JpBackupInfo *info = g_ptr_array_index (backups, 0);

    /* The copy is the file as it was (SQLite's backup rewrites the
     * header's change counter, so compare what it holds). */
    g_assert_cmpstr (info->reason, ==, "migration");
    g_assert_cmpint (rel_raw_query_int (info->path, "PRAGMA user_version"), ==, 0);
    g_assert_cmpint (rel_raw_query_int (info->path, "PRAGMA application_id"), ==, 0);
    g_assert_cmpint (rel_raw_query_int (info->path, "PRAGMA page_count"), ==, pages);
    g_assert_cmpint (rel_raw_query_int (info->path, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  }
  g_assert_cmpint (rel_raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);

  /* Nothing left to migrate: no second backup. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    g_clear_pointer (&backups, g_ptr_array_unref);
    backups = jp_store_list_backups (store, NULL, &error);
  }
  g_assert_cmpuint (backups->len, ==, 1);

  /* A new database has nothing to back up. */
  {
    g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
    g_autoptr(JpStore) store = open_store (fresh, JP_STORE_FLAGS_NONE);

    g_clear_pointer (&backups, g_ptr_array_unref);
    backups = jp_store_list_backups (store, NULL, &error);
    g_assert_cmpuint (backups->len, ==, 0);
  }
}

/* When the backup cannot be made, the file is neither migrated nor
 * changed, and the message says why. */
static void
test_before_migration_fails (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rel_raw_exec (f->path, "CREATE TABLE t (x); DROP TABLE t");
  before = rel_file_checksum (f->path);
  rel_write_file (f->backups, "a file where the folder should be", -1);

  store = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "backed up"));
  after = rel_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (rel_raw_query_int (f->path, "PRAGMA user_version"), ==, 0);

  /* With backups turned off (keep 0) it is migrated. */
  jp_store_set_backup_policy (f->backups, 0);
  g_clear_error (&error);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_assert_cmpint (rel_raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);
}

static void
test_default_folder (void)
{
  g_autofree char *folder = jp_store_dup_default_backup_folder ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);
  g_autofree char *policy = NULL;

  g_assert_cmpstr (folder, ==, expected);
  jp_store_set_backup_policy (NULL, 7);
  policy = jp_store_dup_backup_folder ();
  g_assert_cmpstr (policy, ==, expected);
  g_assert_cmpuint (jp_store_get_backups_to_keep (), ==, 7);
  jp_store_set_backup_policy (NULL, JP_STORE_BACKUPS_DEFAULT_KEEP);
}

/* Runs the command line with @arg_db and @arg (exit 0); returns its
 * standard error. */
static char *
run_ok (const char *arg_db,
        const char *arg)
{
  g_autofree char *out = NULL;
  char *err = NULL;

  g_assert_cmpint (rel_run (&out, &err, arg_db, arg, NULL), ==, 0);
  g_test_message ("%s", err);
  return err;
}

/* A progress import of one new row (the @n-th) into the plan of
 * test_cli_progress_once(); asserts whether it made a copy first. */
static void
progress_import_row (Fixture    *f,
                     const char *arg_db,
                     guint       n,
                     gboolean    expect_copy)
{
  g_autofree char *csv = g_build_filename (f->dir, "progress.csv", NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", csv, NULL);
  g_autofree char *text = g_strdup_printf ("序号,指标,日期,数值\n1,指标1-1,2023-06-%02u,%u\n",
                                           n, 10 + n);
  g_autofree char *err = NULL;

  rel_write_file (csv, text, -1);
  err = run_ok (arg_db, arg_progress);
  /* A copy is made silently, as before; no copy is said. */
  if (expect_copy)
    g_assert_cmpstr (err, ==, "");
  else
    g_assert_nonnull (strstr (err, "Not backed up again: the backup"));
}

static guint
count_backups (Fixture *f)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  backups = jp_store_list_backups_for_path (f->path, folder, &error);
  g_assert_no_error (error);
  return backups->len;
}

/* Progress imports back the database up at most once a day: the first
 * makes a copy, the next ones (nothing but progress recorded since the
 * newest copy) make none and say so; any other change since (a plan
 * import, an edit) makes the next progress import copy again. Plan
 * imports always do. Before, each progress import copied the whole file
 * (11 s and 276 MB for one row of a 10,000-item plan). History times are
 * whole seconds (a change in the same second as a backup counts as after
 * it): the steps below are a second apart. */
static void
test_cli_progress_once (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *arg_db = g_strconcat ("--db=", f->path, NULL);
  g_autofree char *json = g_build_filename (f->dir, "plan.json", NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", json, NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *text = rel_dup_json_plan ("进度备份", 1, 2, 1, 0);

    rel_write_file (json, text, -1);
  }

  g_free (run_ok (arg_db, arg_import));
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  progress_import_row (f, arg_db, 1, TRUE);
  progress_import_row (f, arg_db, 2, FALSE);
  progress_import_row (f, arg_db, 3, FALSE);
  g_assert_cmpuint (count_backups (f), ==, 1);
  g_assert_cmpint (rel_raw_query_int (f->path, "SELECT count(*) FROM progress"), ==, 3);

  /* A plan import always copies; the progress import after it too (the
   * newest copy lacks the plan imported after it). */
  g_free (run_ok (arg_db, arg_import));
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  progress_import_row (f, arg_db, 4, TRUE);
  progress_import_row (f, arg_db, 5, FALSE);
  g_assert_cmpuint (count_backups (f), ==, 3);

  /* An edit (not progress) since the newest copy: copied again. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) plan = jp_store_load_plan (store, 1, &error);

    g_assert_no_error (error);
    g_assert_true (jp_store_set_string (store, plan, "preamble", "改过了", &error));
    g_assert_no_error (error);
  }
  progress_import_row (f, arg_db, 6, TRUE);
  g_assert_cmpuint (count_backups (f), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/jp/backup/default-folder", test_default_folder);
  ADD ("/jp/backup/make-list-prune", test_make_list_prune);
  ADD ("/jp/backup/keep-zero-and-memory", test_keep_zero_and_memory);
  ADD ("/jp/backup/other-files-ignored", test_other_files_ignored);
  ADD ("/jp/backup/folder-unwritable", test_backup_folder_unwritable);
  ADD ("/jp/backup/consistent-while-writing", test_consistent_while_writing);
  ADD ("/jp/backup/restore", test_restore);
  ADD ("/jp/backup/restore-refused", test_restore_refused);
  ADD ("/jp/backup/restore-to-path", test_restore_to_path);
  ADD ("/jp/backup/check-integrity", test_check_integrity);
  ADD ("/jp/backup/before-migration", test_before_migration);
  ADD ("/jp/backup/before-migration-fails", test_before_migration_fails);
  ADD ("/jp/backup/cli-import", test_cli_import);
  ADD ("/jp/backup/cli-progress-once", test_cli_progress_once);

#undef ADD

  return g_test_run ();
}
