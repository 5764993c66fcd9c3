/* jp-reliability-util.h: helpers shared by the reliability tests
 * (test-backup, test-bad-input, test-crash, test-db-faults,
 * test-two-processes): temporary folders, checksums, generated plans
 * (JSON and plan documents of any size) and running the real executable.
 * Header-only: each test includes it once. */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* ---- Files ---------------------------------------------------------------- */

G_GNUC_UNUSED static char *
rel_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jp-rel-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

G_GNUC_UNUSED static void
rel_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rel_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* SHA-256 of a file's bytes; "missing" when it does not exist. */
G_GNUC_UNUSED static char *
rel_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup ("missing");

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The checksums of a database and its -wal and -journal files. An empty
 * -wal counts as none: a read-only connection to a WAL database creates
 * one (and the -shm) and cannot delete it, which changes nothing. */
G_GNUC_UNUSED static char *
rel_db_checksum (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = rel_file_checksum (wal);
  g_autofree char *c = rel_file_checksum (journal);
  GStatBuf st;

  a = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_strdup ("folder") : rel_file_checksum (path);

  if (g_stat (wal, &st) == 0 && st.st_size == 0)
    {
      g_free (b);
      b = g_strdup ("missing");
    }

  return g_strdup_printf ("%s %s %s", a, b, c);
}

G_GNUC_UNUSED static void
rel_write_file (const char *path,
                const char *contents,
                gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* ---- Raw SQLite (a second program, or checks beside the store) ------------ */

G_GNUC_UNUSED static gint64
rel_raw_query_int (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

G_GNUC_UNUSED static void
rel_raw_exec (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* ---- Generated plans ------------------------------------------------------- */

static const char * const rel_leaders[] = { "张学兵", "高学芳", "崔茜", "刘志强" };
static const char * const rel_units[] = { "教育党工委", "各支部", "各中小学校、幼儿园", "财务室" };
static const char * const rel_ordinals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
};

/* A JSON document (format version 1) with one plan named @title:
 * @n_sections × @n_items items, @n_indicators indicators per item and
 * @n_entries progress entries per indicator. */
G_GNUC_UNUSED static char *
rel_dup_json_plan (const char *title,
                   guint       n_sections,
                   guint       n_items,
                   guint       n_indicators,
                   guint       n_entries)
{
  GString *s = g_string_new (NULL);
  guint number = 1;

  g_assert_cmpuint (n_sections, <=, G_N_ELEMENTS (rel_ordinals));

  g_string_append (s, "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{");
  g_string_append_printf (s, "\"title\": \"%s\", \"year\": 2023, ", title);
  g_string_append (s, "\"organizations\": [\"金凤区教育局\"], "
                      "\"leaders\": [\"张学兵\", \"高学芳\", \"崔茜\", \"刘志强\"], "
                      "\"units\": [\"教育党工委\", \"各支部\", \"各中小学校、幼儿园\", \"财务室\"], "
                      "\"preamble\": \"总体要求。\", \"start\": \"2023-01-01\", "
                      "\"end\": \"2023-12-31\", \"sections\": [");
  for (guint i = 0; i < n_sections; i++)
    {
      g_string_append_printf (s, "%s{\"ordinal\": \"%s\", \"title\": \"第%u部分\", \"items\": [",
                              i > 0 ? ", " : "", rel_ordinals[i], i + 1);
      for (guint j = 0; j < n_items; j++, number++)
        {
          g_string_append_printf (s, "%s{\"number\": %u, \"title\": \"完成第%u项工作\", "
                                  "\"body\": \"持续推进第%u项工作，确保落实。\", "
                                  "\"leaders\": [\"%s\"], \"units\": [\"%s\", \"%s\"], "
                                  "\"partner_units\": [], \"due\": null, \"updates\": [], "
                                  "\"indicators\": [",
                                  j > 0 ? ", " : "", number, number, number,
                                  rel_leaders[number % 4], rel_units[number % 4],
                                  rel_units[(number + 1) % 4]);
          for (guint k = 0; k < n_indicators; k++)
            {
              /* Scores (分), not percentages: the tests record values
               * far above 1000 to tell their rows apart, which a
               * percentage cannot take. */
              g_string_append_printf (s, "%s{\"name\": \"指标%u-%u\", \"text\": \"指标%u-%u达90分\", "
                                      "\"kind\": \"at_least\", \"target\": 90, "
                                      "\"target_max\": null, \"unit\": \"分\", \"baseline\": null, "
                                      "\"due\": null, \"weight\": 1, \"progress\": [",
                                      k > 0 ? ", " : "", number, k + 1, number, k + 1);
              for (guint e = 0; e < n_entries; e++)
                g_string_append_printf (s, "%s{\"date\": \"2023-%02u-%02u\", \"value\": %u, "
                                        "\"note\": \"第%u次填报\", \"author\": \"\"}",
                                        e > 0 ? ", " : "", 1 + e % 12, 1 + e / 12 % 28,
                                        (e * 7 + k) % 100, e + 1);
              g_string_append (s, "]}");
            }
          g_string_append (s, "]}");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}]}\n");

  return g_string_free (s, FALSE);
}

/* rel_dup_json_plan (@title, 1, 1, 1, 0) whose one target is the raw
 * JSON @target ("0x5A", "1e309"): its path is
 * plans[0].sections[0].items[0].indicators[0].target. */
G_GNUC_UNUSED static char *
rel_dup_json_target (const char *title,
                     const char *target)
{
  g_autofree char *json = rel_dup_json_plan (title, 1, 1, 1, 0);
  g_autofree char *member = g_strdup_printf ("\"target\": %s,", target);
  GString *s = g_string_new (json);

  g_string_replace (s, "\"target\": 90,", member, 1);
  return g_string_free (s, FALSE);
}

/* @dir/plans.db, made by the executable importing @dir/good.json (the
 * plan of rel_dup_json_plan ("好计划", 1, 2, 2, 2)); @good (optional)
 * receives the JSON file's path. */
G_GNUC_UNUSED static char *rel_dup_db_with_plan (const char  *dir,
                                                 char       **good);

/* A plan document (.txt) of @n_sections × @n_items items, each with two
 * targets ("…达90%", "培养N名…"). */
G_GNUC_UNUSED static char *
rel_dup_document (guint n_sections,
                  guint n_items)
{
  GString *s = g_string_new ("金凤区教育党工委 金凤区教育局\n\n2023年工作要点\n\n"
                             "2023年金凤区教育工作的总体要求是：办好人民满意的教育。\n\n");
  guint number = 1;

  g_assert_cmpuint (n_sections, <=, G_N_ELEMENTS (rel_ordinals));

  for (guint i = 0; i < n_sections; i++)
    {
      g_string_append_printf (s, "%s、第%u部分工作\n\n", rel_ordinals[i], i + 1);
      for (guint j = 0; j < n_items; j++, number++)
        g_string_append_printf (s, "%u. **完成第%u项工作。**持续推进，学生体质健康优良率达%u%%，"
                                "培养%u名优秀班主任。\n\n责任领导：%s %s\n\n责任单位：%s %s\n\n",
                                number, number, 50 + number % 40, 10 + number % 200,
                                rel_leaders[number % 4], rel_leaders[(number + 1) % 4],
                                rel_units[number % 4], rel_units[(number + 2) % 4]);
    }

  return g_string_free (s, FALSE);
}

/* ---- The real executable ------------------------------------------------- */

G_GNUC_UNUSED static const char *
rel_executable (void)
{
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");

  if (exe == NULL || !g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("JP_TEST_EXECUTABLE is not set to the built jinfeng-plan (run through meson test)");

  return exe;
}

/* Runs jinfeng-plan with the NULL-terminated @args and the variables of
 * @extra_env ("NAME=VALUE", NULL-terminated; may be NULL), @child_setup
 * run in the child before it starts (limits; may be NULL); returns the
 * exit status (-1 when killed by a signal), standard output and error. */
G_GNUC_UNUSED static int
rel_run_argv_full (const char * const *args,
                   const char * const *extra_env,
                   GSpawnChildSetupFunc child_setup,
                   gpointer            user_data,
                   char              **out,
                   char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  /* No display: the command line must never need one. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* The test's own data folder (GLib gives children /dev/null): the
   * backups made before an import go there. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_ptr_array_add (argv, (char *) rel_executable ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Standard output not asked for is dropped: it would mix with the
   * test's own (TAP). */
  g_spawn_sync (NULL, (char **) argv->pdata, envp,
                out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT, child_setup, user_data,
                out, err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);

  return -1;
}

G_GNUC_UNUSED static int
rel_run_argv_env (const char * const *args,
                  const char * const *extra_env,
                  char              **out,
                  char              **err)
{
  return rel_run_argv_full (args, extra_env, NULL, NULL, out, err);
}

G_GNUC_UNUSED static int
rel_run_argv (const char * const *args,
              char              **out,
              char              **err)
{
  return rel_run_argv_env (args, NULL, out, err);
}

/* @first_arg and the arguments after it in @ap up to NULL, as an array
 * that ends with NULL. */
G_GNUC_UNUSED static GPtrArray *
rel_args_valist (const char *first_arg,
                 va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  return args;
}

G_GNUC_UNUSED G_GNUC_NULL_TERMINATED static int
rel_run (char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = rel_args_valist (first_arg, ap);
  va_end (ap);

  return rel_run_argv ((const char * const *) args->pdata, out, err);
}

G_GNUC_UNUSED static char *
rel_dup_db_with_plan (const char  *dir,
                      char       **good)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = rel_dup_json_plan ("好计划", 1, 2, 2, 2);
  g_autofree char *json_path = g_build_filename (dir, "good.json", NULL);
  char *db = g_build_filename (dir, "plans.db", NULL);
  g_autofree char *arg_db = g_strconcat ("--db=", db, NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", json_path, NULL);

  rel_write_file (json_path, json, -1);
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
  if (good != NULL)
    *good = g_steal_pointer (&json_path);

  return db;
}

G_END_DECLS
