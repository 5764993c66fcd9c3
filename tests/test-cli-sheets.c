/* test-cli-sheets.c: the spreadsheet options of the command line, through
 * the real executable: --export-csv, --export-xlsx, --import-progress
 *
 * Each test works in its own temporary folder, with no display. */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/wait.h>

#include "jp-csv.h"
#include "jp-model.h"
#include "jp-store.h"

typedef struct
{
  char *dir;
} Fixture;

/* ---- Helpers --------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-sheets-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Runs the executable in the fixture's folder; returns its exit status. */
static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "--db=plans.db");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* A machine without a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* The test's own data folder (GLib gives children /dev/null): the
   * backups made before an import go there. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &std_out, &std_err, &wait_status, &error);
  g_assert_no_error (error);

  command = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_test_message ("$ jinfeng-plan %s\n%s%s", command, std_out, std_err);
  g_assert_true (WIFEXITED (wait_status));

  if (out != NULL)
    *out = g_steal_pointer (&std_out);
  if (err != NULL)
    *err = g_steal_pointer (&std_err);

  return WEXITSTATUS (wait_status);
}

static void
copy_data_file (Fixture    *f,
                const char *name)
{
  g_autofree char *source = g_build_filename (JP_TEST_DATADIR, "csv", name, NULL);
  g_autofree char *target = g_build_filename (f->dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (Fixture    *f,
           const char *name,
           gsize      *length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* The fixture plan in the fixture's database, as plan 1. */
static void
import_plan (Fixture *f)
{
  g_autofree char *out = NULL;

  copy_data_file (f, "plan.json");
  g_assert_cmpint (run_cli (f, &out, NULL, "--import=plan.json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "imported plan 1: "));
}

/* Every progress entry in the database file, "number/indicator date
 * value" per line. */
static char *
describe_database (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "plans.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  plan = jp_store_load_plan (store, 1, &error);
  g_assert_no_error (error);
  items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          GListModel *entries;

          g_assert_true (jp_indicator_ensure_history (indicator, &error));
          entries = jp_indicator_get_progress (indicator);
          for (guint k = 0; k < g_list_model_get_n_items (entries); k++)
            {
              g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, k);
              g_autofree char *value = jp_format_number (jp_progress_entry_get_value (entry),
                                                         FALSE);

              g_string_append_printf (out, "%d/%s %s %s\n", jp_item_get_number (item),
                                      jp_csv_indicator_get_label (indicator),
                                      jp_progress_entry_get_date (entry), value);
            }
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Sets the 当前值 of the rows of @indicator (and @section) in @text. */
static char *
fill_in (const char *text,
         gsize       length,
         const char *indicator,
         const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = jp_csv_parse (text, length, ',', "t.csv", &error);
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n_filled = 0;

  g_assert_no_error (error);
  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);

      if (r > 0 && strcmp (g_ptr_array_index (record->fields, JP_CSV_COLUMN_INDICATOR),
                           indicator) == 0)
        {
          g_free (g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE));
          g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE) = g_strdup (value);
          n_filled++;
        }
      for (guint c = 0; c < record->fields->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          jp_csv_append_field (out, g_ptr_array_index (record->fields, c));
        }
      g_string_append (out, "\r\n");
    }
  g_assert_cmpuint (n_filled, ==, 1);

  return g_string_free (out, FALSE);
}

/* ---- Tests ----------------------------------------------------------- */

/* Export the table, fill in two values, import it: the values are in the
 * database and in the next exports; importing it again changes nothing. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *table = NULL;
  g_autofree char *step = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *filled_path = g_build_filename (f->dir, "filled.csv", NULL);
  gsize length = 0;

  import_plan (f);
  before = describe_database (f);

  g_assert_cmpint (run_cli (f, NULL, NULL, "--as-of=2023-09-30", "--export-csv=t.csv", NULL),
                   ==, 0);
  table = read_file (f, "t.csv", &length);
  g_assert_true (g_str_has_prefix (table, "\xEF\xBB\xBF" "Section,No.,"));
  records = jp_csv_parse (table, length, ',', "t.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1 + 11);

  step = fill_in (table, length, "新增学位", "４５０");
  filled = fill_in (step, strlen (step), "建设投资", "2.1亿");
  g_file_set_contents (filled_path, filled, -1, &error);
  g_assert_no_error (error);

  /* The values filled in have no 填报日期: refused, unless a date is
   * given for them (--as-of is the status date, not theirs). */
  g_assert_cmpint (run_cli (f, &out, &err, "--as-of=2023-09-30", "--import-progress=filled.csv",
                            NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: filled.csv:5: no date: fill in "
                                        "“Date reported”, or choose a date for the rows "
                                        "without one\n"));
  after = describe_database (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "--date=2023-09-30", "--import-progress=filled.csv",
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "filled.csv:5: item 2 “新增学位”: 450 on 2023-09-30\n"
                   "filled.csv:7: item 2 “建设投资”: 2.1 on 2023-09-30\n"
                   "imported 2 progress values (0 changed), skipped 2 already recorded\n");
  g_assert_cmpstr (err, ==, "");

  after = describe_database (f);
  g_assert_cmpstr (after, ==,
                   "1/党支部规范化率（一星级及以上） 2023-03-31 60\n"
                   "1/党支部规范化率（一星级及以上） 2023-06-30 72\n"
                   "2/新增学位 2023-05-31 300\n"
                   "2/新增学位 2023-09-30 450\n"
                   "2/建设投资 2023-09-30 2.1\n"
                   "3/近视率 2023-05-31 0.2\n");

  /* The next table shows them. */
  g_clear_pointer (&table, g_free);
  g_assert_cmpint (run_cli (f, NULL, NULL, "--as-of=2023-09-30", "--export-csv=t2.csv",
                            "--export-xlsx=t2.xlsx", NULL), ==, 0);
  table = read_file (f, "t2.csv", NULL);
  g_assert_nonnull (strstr (table, ",新增学位,At least,630,,个,450,,71.43%,On track,2023-09-30,74.73%,,"));
  g_assert_nonnull (strstr (table, ",建设投资,At least,4.7,,亿元,2.1,,44.68%,"));
  workbook = read_file (f, "t2.xlsx", &length);
  g_assert_true (length > 1000 && memcmp (workbook, "PK\x03\x04", 4) == 0);

  /* The same file again. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out, &err, "--date=2023-10-31", "--import-progress=filled.csv",
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 0 progress values (0 changed), skipped 4 already recorded\n");
  again = describe_database (f);
  g_assert_cmpstr (again, ==, after);
  g_assert_cmpstr (before, !=, after);
}

/* Failed rows: listed with their lines on standard error, exit status 1,
 * and nothing recorded, not even the good row (all or nothing). */
static void
test_failed_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;

  import_plan (f);
  copy_data_file (f, "progress-malformed.csv");

  g_assert_cmpint (run_cli (f, &out, &err, "--import-progress=progress-malformed.csv", NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: progress-malformed.csv:3: the plan has "
                                        "no item 99\n"
                                        "jinfeng-plan: progress-malformed.csv:4: “党” matches "
                                        "several "));
  g_assert_nonnull (strstr (err, "\njinfeng-plan: progress-malformed.csv:5: “很多” is not a "
                                 "number\n"));
  g_assert_nonnull (strstr (err, "\njinfeng-plan: progress-malformed.csv:6: the date 2024-01-05 is "
                                 "outside the plan period (2023-01-01 to 2023-12-31)\n"));
  g_assert_nonnull (strstr (err, "\njinfeng-plan: progress-malformed.csv:7: "));
  g_assert_nonnull (strstr (err, "\njinfeng-plan: progress-malformed.csv:8: "));
  g_assert_nonnull (strstr (err, "\njinfeng-plan: progress-malformed.csv:9: item 2 has no "
                                 "indicator “不存在的指标”"));
  g_assert_true (g_str_has_suffix (err, "\njinfeng-plan: progress-malformed.csv: 7 rows cannot "
                                        "be imported: nothing was imported\n"));

  after = describe_database (f);
  g_assert_cmpstr (after, ==,
                   "1/党支部规范化率（一星级及以上） 2023-03-31 60\n"
                   "1/党支部规范化率（一星级及以上） 2023-06-30 72\n"
                   "2/新增学位 2023-05-31 300\n"
                   "3/近视率 2023-05-31 0.2\n");
}

/* GB18030 as WPS saves it. */
static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL;

  import_plan (f);
  copy_data_file (f, "progress-gb18030.csv");
  g_assert_cmpint (run_cli (f, &out, NULL, "--import-progress=progress-gb18030.csv", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "\nimported 3 progress values (0 changed), skipped 0 "
                                        "already recorded\n"));
  g_assert_nonnull (strstr (out, "progress-gb18030.csv:4: item 2 “新增学位”: 1,200 on 2023-09-30\n"));
}

/* --report selects the rows; usage errors. */
static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *table = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "x.xlsx", NULL);
  gsize length = 0;

  import_plan (f);

  g_assert_cmpint (run_cli (f, NULL, NULL, "--report=leader:崔茜", "--export-csv=c.csv", NULL),
                   ==, 0);
  table = read_file (f, "c.csv", &length);
  records = jp_csv_parse (table, length, ',', "c.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1 + 3);

  g_assert_cmpint (run_cli (f, NULL, &err, "--report=leader:无名", "--export-xlsx=x.xlsx", NULL),
                   ==, 1);
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: No leader named “无名” in this plan"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  g_clear_pointer (&err, g_free);
  copy_data_file (f, "progress-gb18030.csv");
  g_assert_cmpint (run_cli (f, NULL, &err, "--read-only", "--import-progress=progress-gb18030.csv",
                            NULL), ==, 1);
  g_assert_cmpstr (err, ==, "jinfeng-plan: --import-progress writes to the database: it cannot "
                            "be used with --read-only\n");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, NULL, &err, "--import-progress=none.csv", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_assert_nonnull (strstr (err, "none.csv"));

  /* A leader's progress table: another leader's row is refused. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, NULL, &err, "--report=leader:崔茜",
                            "--import-progress=progress-gb18030.csv", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "progress-gb18030.csv:2: item 1 is not among the items selected "
                                 "(Leader: 崔茜)\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/cli-sheets/round-trip", test_round_trip);
  ADD ("/jp/cli-sheets/failed-rows", test_failed_rows);
  ADD ("/jp/cli-sheets/gb18030", test_gb18030);
  ADD ("/jp/cli-sheets/options", test_options);

#undef ADD

  return g_test_run ();
}
