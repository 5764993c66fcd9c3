/* test-cli.c: the command line, through the real executable
 *
 * Each test works in its own temporary folder, with no display
 * (DISPLAY and WAYLAND_DISPLAY removed from the environment). */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;
} Fixture;

/* ---- Helpers --------------------------------------------------------- */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  remove_tree (dir);
  g_free (fixture->dir);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "json", name, NULL);
}

static char *
tmp_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs the executable in the fixture's folder with the given arguments;
 * returns its exit status. */
static int
spawn_cli (Fixture            *fixture,
           const char * const *extra_env,
           char              **out,
           char              **err,
           const char         *first_arg,
           va_list             args)
{
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  char *std_out = NULL;
  char *std_err = NULL;
  int wait_status = 0;

  g_assert_nonnull (exe);

  g_ptr_array_add (argv, (gpointer) exe);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* A machine without a display. */
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

  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &std_out, &std_err, &wait_status, &error);
  g_assert_no_error (error);

  command = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_test_message ("$ jinfeng-plan %s\n%s%s", command, std_out, std_err);

  *out = std_out;
  *err = std_err;

  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* Runs with the arguments (NULL-terminated); returns the exit status. */
static int run_cli (Fixture     *fixture,
                    char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  char *std_out = NULL;
  char *std_err = NULL;
  va_list args;
  int status;

  va_start (args, first_arg);
  status = spawn_cli (fixture, NULL, &std_out, &std_err, first_arg, args);
  va_end (args);

  if (out != NULL)
    *out = std_out;
  else
    g_free (std_out);

  if (err != NULL)
    *err = std_err;
  else
    g_free (std_err);

  return status;
}

/* Runs with more environment variables ("NAME=VALUE"). */
static int run_cli_env (Fixture            *fixture,
                        const char * const *extra_env,
                        char              **out,
                        char              **err,
                        const char         *first_arg,
                        ...) G_GNUC_NULL_TERMINATED;

static int
run_cli_env (Fixture            *fixture,
             const char * const *extra_env,
             char              **out,
             char              **err,
             const char         *first_arg,
             ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = spawn_cli (fixture, extra_env, out, err, first_arg, args);
  va_end (args);

  return status;
}

/* Runs and expects success with nothing on standard error; returns the
 * standard output. */
static char *run_ok (Fixture    *fixture,
                     const char *first_arg,
                     ...) G_GNUC_NULL_TERMINATED;

static char *
run_ok (Fixture    *fixture,
        const char *first_arg,
        ...)
{
  g_autofree char *std_err = NULL;
  char *std_out = NULL;
  va_list args;
  int status;

  va_start (args, first_arg);
  status = spawn_cli (fixture, NULL, &std_out, &std_err, first_arg, args);
  va_end (args);

  g_assert_cmpstr (std_err, ==, "");
  g_assert_cmpint (status, ==, 0);

  return std_out;
}

/* A file of the fixture's folder exists. */
static gboolean
tmp_exists (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = tmp_path (fixture, name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* SHA-256 of the file, or NULL when there is none. */
static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static const char plan_2024[] =
  "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": ["
  "{\"title\": \"2024年工作要点\", \"year\": 2024, \"sections\": []}]}";

#define PLAN_JSON_SUMMARY "2 sections, 2 items, 4 indicators, 3 leaders, 3 units"

/* ---- Tests ----------------------------------------------------------- */

/* --import of a JSON file, --export-json, import of that into a second
 * database, export again: the same bytes, and the same as the first file
 * (nothing lost). */
static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *original = read_file (plan_json);
  g_autofree char *out = NULL;
  g_autofree char *a_json = NULL;
  g_autofree char *b_json = NULL;
  g_autofree char *a_path = tmp_path (fixture, "a.json");
  g_autofree char *b_path = tmp_path (fixture, "b.json");

  out = run_ok (fixture, "--db=A.db", import_arg, NULL);
  g_assert_cmpstr (out, ==, "imported plan 1: " PLAN_JSON_SUMMARY "\n");
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--export-json=a.json", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  a_json = read_file (a_path);
  g_assert_cmpstr (a_json, ==, original);

  out = run_ok (fixture, "--db=B.db", "--import=a.json", NULL);
  g_assert_cmpstr (out, ==, "imported plan 1: " PLAN_JSON_SUMMARY "\n");
  g_clear_pointer (&out, g_free);
  g_free (run_ok (fixture, "--db=B.db", "--export-json=b.json", NULL));
  b_json = read_file (b_path);
  g_assert_cmpstr (b_json, ==, a_json);

  /* "-": standard output, the same bytes. */
  out = run_ok (fixture, "--db=B.db", "--export-json=-", NULL);
  g_assert_cmpstr (out, ==, a_json);
  g_clear_pointer (&out, g_free);

  /* --read-only reads as well. */
  out = run_ok (fixture, "--db=B.db", "--read-only", "--export-json=-", NULL);
  g_assert_cmpstr (out, ==, a_json);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *two_path = tmp_path (fixture, "two.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (two_path,
              "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": ["
              "{\"title\": \"第一\\t计划\", \"year\": 2024, \"sections\": []},"
              "{\"title\": \"第二\", \"year\": 2025, \"sections\": [{\"title\": \"S\", "
              "\"items\": [{\"number\": 1, \"title\": \"I\"}]}]}]}");

  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));
  out = run_ok (fixture, "--db=A.db", "--import=two.json", NULL);
  g_assert_cmpstr (out, ==,
                   "imported plan 2: 0 sections, 0 items, 0 indicators, 0 leaders, 0 units\n"
                   "imported plan 3: 1 section, 1 item, 0 indicators, 0 leaders, 0 units\n");
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--list", NULL);
  g_assert_cmpstr (out, ==,
                   "1\t2023\t2023年工作要点\t2\t2\t4\n"
                   "2\t2024\t第一\\t计划\t0\t0\t0\n"
                   "3\t2025\t第二\t1\t1\t0\n");
  g_clear_pointer (&out, g_free);

  /* An empty database lists nothing. */
  write_file (two_path, "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": []}");
  g_free (run_ok (fixture, "--db=E.db", "--import=two.json", NULL));
  out = run_ok (fixture, "--db=E.db", "--list", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  /* Listing a database that does not exist fails and creates nothing. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=none.db", "--list", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_assert_false (tmp_exists (fixture, "none.db"));
}

/* Without --plan, exports take the most recently imported plan. */
static void
test_plan_selection (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *original = read_file (plan_json);
  g_autofree char *p2024 = tmp_path (fixture, "2024.json");
  g_autofree char *empty = tmp_path (fixture, "empty.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (p2024, plan_2024);
  write_file (empty, "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": []}");
  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));
  g_free (run_ok (fixture, "--db=A.db", "--import=2024.json", NULL));

  out = run_ok (fixture, "--db=A.db", "--export-json=-", NULL);
  g_assert_nonnull (strstr (out, "\"title\" : \"2024年工作要点\""));
  g_assert_null (strstr (out, "2023年工作要点"));
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--plan=1", "--export-json=-", NULL);
  g_assert_cmpstr (out, ==, original);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--plan=3",
                            "--export-json=x.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "jinfeng-plan: A.db: no plan with ID 3 (see --list)\n");
  g_assert_false (tmp_exists (fixture, "x.json"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_free (run_ok (fixture, "--db=E.db", "--import=empty.json", NULL));
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=E.db", "--export-json=-", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "jinfeng-plan: E.db: the database has no plan\n");
}

/* The same file twice: two plans, and a warning that says so. */
static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *expected_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", import_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported plan 2: " PLAN_JSON_SUMMARY "\n");
  expected_err = g_strdup_printf ("jinfeng-plan: %s: warning: plan 1 has the same year and title "
                                  "(imported before): plan 2 is a second copy\n", plan_json);
  g_assert_cmpstr (err, ==, expected_err);
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--list", NULL);
  g_assert_cmpstr (out, ==,
                   "1\t2023\t2023年工作要点\t2\t2\t4\n"
                   "2\t2023\t2023年工作要点\t2\t2\t4\n");
}

/* Each failure: exit status 1, the message, nothing on standard output,
 * and the database file exactly as it was. */
static const struct
{
  const char *file;      /* written in the folder first (NULL: none) */
  const char *contents;
  const char *args[4];
  const char *message;   /* the whole standard error, NULL: see prefix */
  const char *prefix;
} error_cases[] = {
  { "bad.json", "{\"format\": \"jinfeng-plan\",\n\"version\" 1}",
    { "--import=bad.json" }, NULL, "jinfeng-plan: bad.json:2:" },
  { "v3.json", "{\"format\": \"jinfeng-plan\", \"version\": 3, \"plans\": []}",
    { "--import=v3.json" },
    "jinfeng-plan: v3.json: version: version 3 was written by a newer version of this program "
    "(this one reads version 2)\n" },
  { "type.json",
    "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"T\", \"year\": 2023, "
    "\"sections\": [{\"title\": \"S\", \"items\": [{\"number\": 1, \"title\": \"I\", "
    "\"indicators\": [{\"name\": \"N\", \"kind\": \"at_least\", \"target\": \"90\"}]}]}]}]}",
    { "--import=type.json" },
    "jinfeng-plan: type.json: plans[0].sections[0].items[0].indicators[0].target: "
    "expected a number\n" },
  { "kind.json",
    "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"T\", \"year\": 2023, "
    "\"sections\": [{\"title\": \"S\", \"items\": [{\"number\": 1, \"title\": \"I\", "
    "\"indicators\": [{\"name\": \"N\", \"kind\": \"most\", \"target\": 1}]}]}]}]}",
    { "--import=kind.json" }, NULL,
    "jinfeng-plan: kind.json: plans[0].sections[0].items[0].indicators[0].kind: unknown kind" },
  { "date.json",
    "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"T\", \"year\": 2023, "
    "\"start\": \"2023-02-30\"}]}",
    { "--import=date.json" },
    "jinfeng-plan: date.json: plans[0].start: “2023-02-30” is not a valid date (YYYY-MM-DD)\n" },
  { "missing.json", "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"year\": 2023}]}",
    { "--import=missing.json" },
    "jinfeng-plan: missing.json: plans[0].title: required but missing\n" },
  { NULL, NULL, { "--import=no-such-file.json" }, NULL, "jinfeng-plan: " },
  { NULL, NULL, { "--read-only", "--import=plan.json" },
    "jinfeng-plan: --import writes to the database: it cannot be used with --read-only\n" },
  { NULL, NULL, { "--as-of=2023-02-30", "--export-json=out.json" },
    "jinfeng-plan: --as-of: “2023-02-30” is not a date (YYYY-MM-DD)\n" },
  { NULL, NULL, { "--plan=abc", "--export-json=out.json" },
    "jinfeng-plan: --plan: “abc” is not a plan ID (see --list)\n" },
  { NULL, NULL, { "--plan=0", "--export-json=out.json" },
    "jinfeng-plan: --plan: “0” is not a plan ID (see --list)\n" },
  { NULL, NULL, { "--report=summary" },
    "jinfeng-plan: --report goes with --export-pdf, --export-status, --export-csv, "
    "--export-xlsx or --import-progress\n" },
  { NULL, NULL, { "--export-json=no-such-folder/out.json" },
    "jinfeng-plan: --export-json: no-such-folder/out.json: the folder does not exist\n" },
};

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *db = tmp_path (fixture, "A.db");
  g_autofree char *copy = tmp_path (fixture, "plan.json");
  g_autofree char *out_json = tmp_path (fixture, "out.json");
  g_autofree char *original = read_file (plan_json);

  write_file (copy, original);
  g_free (run_ok (fixture, "--db=A.db", "--import=plan.json", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *before = checksum_file (db);
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char * const *args = error_cases[i].args;

      g_test_message ("case %u: %s", i, args[0]);

      if (error_cases[i].file != NULL)
        {
          g_autofree char *path = tmp_path (fixture, error_cases[i].file);

          write_file (path, error_cases[i].contents);
        }

      g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db",
                                args[0], args[1], args[2], args[3], NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      if (error_cases[i].message != NULL)
        g_assert_cmpstr (err, ==, error_cases[i].message);
      else
        g_assert_true (g_str_has_prefix (err, error_cases[i].prefix));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err)); /* one line */

      after = checksum_file (db);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (out_json, G_FILE_TEST_EXISTS));
    }
}

/* 200,000 levels of nesting: refused before parsing, no crash. */
static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "deep.json");
  g_autofree char *db = tmp_path (fixture, "A.db");
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"jinfeng-plan\", \"x\":\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  write_file (path, deep->str);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--import=deep.json", NULL), ==, 1);
  g_assert_cmpstr (err, ==,
                   "jinfeng-plan: deep.json:2: nested deeper than the format allows (16 levels)\n");
  /* The database was not even created. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* A "database" that is a text file, and a database of a newer schema:
 * refused, and left byte-identical. */
static void
test_bad_databases (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *text_db = tmp_path (fixture, "text.db");
  g_autofree char *a_db = tmp_path (fixture, "A.db");
  g_autofree char *new_db = tmp_path (fixture, "new.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  write_file (text_db, "这不是数据库。\nnot a database\n");
  before = checksum_file (text_db);
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=text.db", import_arg, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_assert_cmpuint (strlen (err), >, strlen ("jinfeng-plan: \n"));
  after = checksum_file (text_db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&before, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=text.db", "--list", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A newer schema: PRAGMA user_version is the 4 big-endian bytes at
   * offset 60 of an SQLite file's header. */
  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));
  g_file_get_contents (a_db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_str_has_prefix (contents, "SQLite format 3"));
  contents[60] = 0;
  contents[61] = 0;
  contents[62] = 0x7f;
  contents[63] = 0x7f;
  g_file_set_contents (new_db, contents, (gssize) length, &error);
  g_assert_no_error (error);

  before = checksum_file (new_db);
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=new.db", import_arg, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  after = checksum_file (new_db);
  g_assert_cmpstr (after, ==, before);
}

/* An export that fails leaves the file it was to replace as it was. */
static void
test_export_keeps_old_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *old = tmp_path (fixture, "old.json");
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;

  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));
  write_file (old, "previous");

  g_assert_cmpint (run_cli (fixture, NULL, &err, "--db=A.db", "--plan=9",
                            "--export-json=old.json", NULL), ==, 1);
  contents = read_file (old);
  g_assert_cmpstr (contents, ==, "previous");
}

/* The reference plan document: imported with its counts, twice (a second
 * plan, and a warning that says so); what it exported reimports to the
 * same bytes. */
static void
test_document_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *doc = g_test_build_filename (G_TEST_DIST, "data", "jinfeng-2023.txt", NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", doc, NULL);
  g_autofree char *expected_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *a_path = tmp_path (fixture, "a.json");
  g_autofree char *a_json = NULL;
  g_autofree char *b_json = NULL;

  out = run_ok (fixture, "--db=A.db", import_arg, NULL);
  g_assert_cmpstr (out, ==,
                   "imported plan 1: 6 sections, 17 items, 36 indicators, 4 leaders, 16 units\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", import_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "imported plan 2: 6 sections, 17 items, 36 indicators, 4 leaders, 16 units\n");
  expected_err = g_strdup_printf ("jinfeng-plan: %s: warning: plan 1 has the same year and title "
                                  "(imported before): plan 2 is a second copy\n", doc);
  g_assert_cmpstr (err, ==, expected_err);
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--list", NULL);
  g_assert_cmpstr (out, ==,
                   "1\t2023\t2023年工作要点\t6\t17\t36\n"
                   "2\t2023\t2023年工作要点\t6\t17\t36\n");
  g_clear_pointer (&out, g_free);

  a_json = run_ok (fixture, "--db=A.db", "--export-json=-", NULL);
  g_assert_nonnull (strstr (a_json, "\"title\" : \"2023年工作要点\""));
  write_file (a_path, a_json);
  g_free (run_ok (fixture, "--db=B.db", "--import=a.json", NULL));
  b_json = run_ok (fixture, "--db=B.db", "--export-json=-", NULL);
  g_assert_cmpstr (b_json, ==, a_json);
}

/* Warnings of a document: "jinfeng-plan: FILE:LINE: warning: …" on standard
 * error, the import done. A file that is no plan: exit 1, nothing
 * imported. */
static void
test_document_warnings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *doc = tmp_path (fixture, "plan.md");
  g_autofree char *png = tmp_path (fixture, "picture.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  write_file (doc,
              "金凤区教育局\n2023年工作要点\n\n总体要求。\n\n一、第一部分\n"
              "1. 第一项工作。党支部规范化率达90%。\n责任领导：张三\n责任单位：办公室\n"
              "1. 第二项工作。内容。\n责任领导：张三\n");

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--import=plan.md", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "imported plan 1: 1 section, 2 items, 1 indicator, 1 leader, 1 unit\n");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "jinfeng-plan: plan.md:10: warning: item 1: "));
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  write_file (png, "\x89PNG\r\n\x1a\n");
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--import=picture.txt", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: picture.txt: "));
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "--db=A.db", "--list", NULL);
  g_assert_cmpstr (out, ==, "1\t2023\t2023年工作要点\t1\t2\t1\n");
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *pdf = tmp_path (fixture, "report.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;

  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));

  out = run_ok (fixture, "--db=A.db", "--export-pdf=report.pdf", "--as-of=2023-06-30", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_remove (pdf), ==, 0);

  g_free (run_ok (fixture, "--db=A.db", "--plan=1", "--export-pdf=report.pdf",
                  "--report=leader:张学兵", NULL));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_remove (pdf), ==, 0);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--export-pdf=report.pdf",
                            "--report=bogus", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_assert_nonnull (strstr (err, "bogus"));
  g_assert_false (tmp_exists (fixture, "report.pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--export-pdf=report.pdf",
                            "--report=unit:无此单位", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "无此单位"));
  g_assert_false (tmp_exists (fixture, "report.pdf"));
}

/* The text of a PDF of the fixture's folder, without white space. */
static char *
pdf_text_squeezed (Fixture    *fixture,
                   const char *name)
{
  g_autofree char *path = tmp_path (fixture, name);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GString *squeezed = g_string_new (NULL);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

/* --report-updates: item 2 of plan.json has an update on 2023-06-30 (经费不足)
 * and one on 2023-09-30 (无完成度). --report=bulletin. */
static void
test_export_pdf_updates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  g_autofree char *latest = NULL;
  g_autofree char *all = NULL;
  g_autofree char *bulletin = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (run_ok (fixture, "--db=A.db", import_arg, NULL));

  g_free (run_ok (fixture, "--db=A.db", "--export-pdf=latest.pdf", "--as-of=2023-11-30", NULL));
  latest = pdf_text_squeezed (fixture, "latest.pdf");
  g_assert_nonnull (strstr (latest, "无完成度"));
  g_assert_null (strstr (latest, "经费不足"));

  g_free (run_ok (fixture, "--db=A.db", "--export-pdf=all.pdf", "--as-of=2023-11-30",
                  "--report-updates=all", NULL));
  all = pdf_text_squeezed (fixture, "all.pdf");
  g_assert_nonnull (strstr (all, "无完成度"));
  g_assert_nonnull (strstr (all, "经费不足"));

  g_free (run_ok (fixture, "--db=A.db", "--export-pdf=bulletin.pdf", "--as-of=2023-11-30",
                  "--report=bulletin", NULL));
  bulletin = pdf_text_squeezed (fixture, "bulletin.pdf");
  g_assert_nonnull (strstr (bulletin, "supervisionbulletin"));
  g_assert_nonnull (strstr (bulletin, "全面加强教育系统党的建设"));

  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--export-pdf=x.pdf",
                            "--report-updates=newest", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "newest"));
  g_assert_false (tmp_exists (fixture, "x.pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, &out, &err, "--db=A.db", "--export-json=x.json",
                            "--report-updates=all", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--report-updates"));
  g_assert_false (tmp_exists (fixture, "x.json"));
}

/* Messages follow LANGUAGE, also when the requested locale is not
 * installed (main() falls back to C.UTF-8 instead of the C locale, in
 * which gettext would ignore LANGUAGE). The executable finds the build
 * tree's translations by itself, or through JP_LOCALEDIR. */
static void
test_translated (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *build_root = g_path_get_dirname (g_getenv ("G_TEST_BUILDDIR"));
  g_autofree char *localedir = g_build_filename (build_root, "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", "jinfeng-plan.mo", NULL);
  g_autofree char *localedir_env = g_strconcat ("JP_LOCALEDIR=", localedir, NULL);
  g_autofree char *plan_json = data_path ("plan.json");
  g_autofree char *import_arg = g_strconcat ("--import=", plan_json, NULL);
  const char *missing_locale[] = { "LC_ALL=zz_ZZ.UTF-8", "LANGUAGE=zh_CN", NULL, NULL };
  const char *c_locale[] = { "LC_ALL=C.UTF-8", "LANGUAGE=zh_CN", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: build the translations first (ninja)", mo);
  missing_locale[2] = localedir_env;

  g_assert_cmpint (run_cli_env (fixture, missing_locale, &out, &err, "--plan=abc",
                                "--export-json=-", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without JP_LOCALEDIR: the executable runs from the build tree. */
  g_assert_cmpint (run_cli_env (fixture, c_locale, &out, &err, "--db=A.db", import_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "已导入计划 1：2 个部分、2 项工作要点、4 项指标、3 位领导、3 个单位\n");
  g_assert_cmpstr (err, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/cli/json-round-trip", test_json_round_trip);
  ADD ("/jp/cli/list", test_list);
  ADD ("/jp/cli/plan-selection", test_plan_selection);
  ADD ("/jp/cli/import-twice", test_import_twice);
  ADD ("/jp/cli/errors", test_errors);
  ADD ("/jp/cli/deep-nesting", test_deep_nesting);
  ADD ("/jp/cli/bad-databases", test_bad_databases);
  ADD ("/jp/cli/export-keeps-old-file", test_export_keeps_old_file);
  ADD ("/jp/cli/document-import", test_document_import);
  ADD ("/jp/cli/document-warnings", test_document_warnings);
  ADD ("/jp/cli/export-pdf", test_export_pdf);
  ADD ("/jp/cli/export-pdf-updates", test_export_pdf_updates);
  ADD ("/jp/cli/translated", test_translated);

#undef ADD

  return g_test_run ();
}
