/* test-cli-progress.c: --import-progress through the real executable
 *
 * All rows or none: a table with one bad row records nothing (the
 * database file byte for byte as it was), exits 1 and lists every bad row
 * with its line; the same table imported twice adds nothing, also on
 * another day; rows without a date are refused unless --date gives one; a
 * value for a date that has another is a change shown old → new; a value
 * the indicator's kind cannot take is refused; two indicators of the same
 * name are told apart by the exported table's ID column.
 *
 * Each test works in its own temporary folder, with no display. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jp-csv.h"
#include "jp-reliability-util.h"

typedef struct
{
  char *dir;
  char *db;     /* dir/plans.db, holding tests/data/csv/plan.json as plan 1 */
  char *arg_db; /* --db=… */
} Fixture;

/* ---- Helpers --------------------------------------------------------- */

/* Imports @json (a plan file's text) into a new database. */
static void
set_up_with (Fixture    *f,
             const char *json)
{
  g_autofree char *path = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *out = NULL;

  f->dir = rel_make_tmpdir ();
  f->db = g_build_filename (f->dir, "plans.db", NULL);
  f->arg_db = g_strconcat ("--db=", f->db, NULL);
  path = g_build_filename (f->dir, "plan.json", NULL);
  rel_write_file (path, json, -1);
  arg = g_strconcat ("--import=", path, NULL);
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, arg, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "imported plan 1: "));
}

static char *
read_fixture_plan (void)
{
  g_autofree char *path = g_build_filename (JP_TEST_DATADIR, "csv", "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  char *json = NULL;

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  return json;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = read_fixture_plan ();

  set_up_with (f, json);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->arg_db);
}

/* Writes @csv to the folder as @name; returns "--import-progress=PATH". */
static char *
write_table (Fixture    *f,
             const char *name,
             const char *csv)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  rel_write_file (path, csv, -1);
  return g_strconcat ("--import-progress=", path, NULL);
}

/* The bytes of the database file (its -wal too, when not empty). */
static GBytes *
read_database (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *main = NULL;
  g_autofree char *log = NULL;
  gsize main_length = 0;
  gsize log_length = 0;
  GString *both;

  g_file_get_contents (f->db, &main, &main_length, &error);
  g_assert_no_error (error);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_file_get_contents (wal, &log, &log_length, &error);
      g_assert_no_error (error);
    }

  both = g_string_new_len (main, main_length);
  g_string_append_len (both, log != NULL ? log : "", log_length);
  return g_string_free_to_bytes (both);
}

static void
assert_database_is (Fixture *f,
                    GBytes  *before)
{
  g_autoptr(GBytes) after = read_database (f);

  g_assert_true (g_bytes_equal (after, before));
}

/* The values recorded for the indicator named @name of the item numbered
 * @number in the section @ordinal, "DATE=VALUE;…" by date. */
static char *
values_of (Fixture    *f,
           const char *ordinal,
           int         number,
           const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT p.date, p.value FROM progress p"
                                       " JOIN indicators i ON i.id = p.indicator"
                                       " JOIN items t ON t.id = i.item"
                                       " JOIN sections s ON s.id = t.section"
                                       " WHERE t.number = ?1 AND i.name = ?2 AND s.ordinal = ?3"
                                       " ORDER BY p.date, i.position, p.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, number);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ordinal, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s=%g;", (const char *) sqlite3_column_text (stmt, 0),
                            sqlite3_column_double (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Lines of @text that are @prefix and a line number ("FILE:12: …"). */
static guint
count_row_lines (const char *text,
                 const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix) && g_ascii_isdigit (lines[i][strlen (prefix)]);

  return n;
}

/* ---- Tests ----------------------------------------------------------- */

/* One good row and 25 bad ones: nothing recorded, the database file byte
 * for byte as it was, exit status 1, the first 20 bad rows listed with
 * their lines and then how many more. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值\n2,新增学位,2023-09-30,450\n");
  g_autoptr(GBytes) before = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *values = NULL;

  for (guint i = 0; i < 25; i++)
    g_string_append_printf (csv, "%u,新增学位,2023-09-30,1\n", 90 + i);
  arg = write_table (f, "bad.csv", csv->str);
  prefix = g_strdup_printf ("jinfeng-plan: %s/bad.csv:", f->dir);

  before = read_database (f);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_cmpstr (out, ==, "");
  assert_database_is (f, before);
  values = values_of (f, "二", 2, "新增学位");
  g_assert_cmpstr (values, ==, "2023-05-31=300;");

  /* Each row by its line: 3 … 22, then the rest counted. */
  g_assert_cmpuint (count_row_lines (err, prefix), ==, 20);
  g_assert_true (g_str_has_prefix (err, prefix));
  g_assert_nonnull (strstr (err, "/bad.csv:3: the plan has no item 90\n"));
  g_assert_nonnull (strstr (err, "/bad.csv:22: the plan has no item 109\n"));
  g_assert_null (strstr (err, "/bad.csv:23:"));
  g_assert_nonnull (strstr (err, "/bad.csv: and 5 more rows with errors\n"));
  g_assert_true (g_str_has_suffix (err, "/bad.csv: 25 rows cannot be imported: nothing was "
                                        "imported\n"));

  /* The good row alone: recorded. */
  g_clear_pointer (&arg, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&values, g_free);
  arg = write_table (f, "good.csv", "序号,指标,日期,数值\n2,新增学位,2023-09-30,450\n");
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, arg, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "imported 1 progress value (0 changed), skipped 0 "
                                        "already recorded\n"));
  values = values_of (f, "二", 2, "新增学位");
  g_assert_cmpstr (values, ==, "2023-05-31=300;2023-09-30=450;");
}

/* The same table imported twice, and an undated one on two days with a
 * later date: the second import adds nothing. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dated = write_table (f, "dated.csv",
                                        "序号,指标,日期,数值,说明\n"
                                        "2,新增学位,2023-09-30,450,三季度\n"
                                        "1,党支部规范化率,2023年9月30日,85,\n");
  g_autofree char *undated = write_table (f, "undated.csv",
                                          "序号,指标,数值\n2,新增学位,500\n");
  g_autoptr(GBytes) before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *values = NULL;

  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, dated, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "imported 2 progress values (0 changed), skipped 0 "
                                        "already recorded\n"));
  g_clear_pointer (&out, g_free);
  before = read_database (f);
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, dated, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 0 progress values (0 changed), skipped 2 already recorded\n");
  assert_database_is (f, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&before, g_bytes_unref);

  /* Undated, dated explicitly; again a month later: unchanged. */
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, undated, "--date=2023-10-31", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, ": item 2 “新增学位”: 500 on 2023-10-31\n"
                                        "imported 1 progress value (0 changed), skipped 0 "
                                        "already recorded\n"));
  g_clear_pointer (&out, g_free);
  before = read_database (f);
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, undated, "--date=2023-11-30", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "imported 0 progress values (0 changed), skipped 1 already recorded\n");
  assert_database_is (f, before);

  values = values_of (f, "二", 2, "新增学位");
  g_assert_cmpstr (values, ==, "2023-05-31=300;2023-09-30=450;2023-10-31=500;");
}

/* Rows without a date: refused with the reason and a hint (never dated at
 * --as-of); --date dates them; bad uses of --date are refused. */
static void
test_undated (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *arg = write_table (f, "undated.csv",
                                      "序号,指标,日期,数值\n"
                                      "2,新增学位,2023-09-30,450\n"
                                      "2,建设投资,,2.1亿\n");
  g_autoptr(GBytes) before = read_database (f);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *values = NULL;

  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg, "--as-of=2023-09-30", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "/undated.csv:3: no date: fill in “Date reported”, or choose a "
                                 "date for the rows without one\n"
                                 "jinfeng-plan: the rows without a date can be given one with "
                                 "--date=YYYY-MM-DD\n"));
  assert_database_is (f, before);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg, "--date=2023-08-31", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "/undated.csv:3: item 2 “建设投资”: 2.1 on 2023-08-31\n"));
  values = values_of (f, "二", 2, "建设投资");
  g_assert_cmpstr (values, ==, "2023-08-31=2.1;");

  /* --date: only with --import-progress, a date, inside the plan. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, "--list", "--date=2023-08-31", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "jinfeng-plan: --date goes with --import-progress\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg, "--date=2023-02-30", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "jinfeng-plan: --date: “2023-02-30” is not a date (YYYY-MM-DD)\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg, "--date=2024-01-15", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the date 2024-01-15 is outside the plan period "
                                 "(2023-01-01 to 2023-12-31)"));
}

/* A value for a date that has another: shown old → new, it replaces it
 * (one entry per indicator and date). */
static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *arg = write_table (f, "change.csv",
                                      "序号,指标,日期,数值\n"
                                      "1,党支部规范化率,2023-06-30,80\n"
                                      "2,新增学位,2023-09-30,450\n");
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *values = values_of (f, "一", 1, "党支部规范化率（一星级及以上）");
  gint64 rows = rel_raw_query_int (f->db, "SELECT count(*) FROM progress");

  g_assert_cmpstr (values, ==, "2023-03-31=60;2023-06-30=72;");
  g_assert_cmpint (rel_run (&out, NULL, f->arg_db, arg, NULL), ==, 0);
  line = g_strdup_printf ("%s/change.csv:2: item 1 “党支部规范化率（一星级及以上）”: "
                          "72 → 80 on 2023-06-30\n", f->dir);
  g_assert_true (g_str_has_prefix (out, line));
  g_assert_true (g_str_has_suffix (out, "imported 2 progress values (1 changed), skipped 0 "
                                        "already recorded\n"));
  g_clear_pointer (&values, g_free);
  values = values_of (f, "一", 1, "党支部规范化率（一星级及以上）");
  g_assert_cmpstr (values, ==, "2023-03-31=60;2023-06-30=80;");
  g_assert_cmpint (rel_raw_query_int (f->db, "SELECT count(*) FROM progress"), ==, rows + 1);
}

/* Numbers the indicator's kind cannot take: refused (not "already
 * recorded"), each with its line; nothing recorded. */
static void
test_kind_invalid (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *arg = write_table (f, "kinds.csv",
                                      "序号,指标,日期,数值\n"
                                      "1,党支部规范化率,2023-09-30,-5\n"
                                      "1,党支部规范化率,2023-10-31,1200%\n"
                                      "2,新增学位,2023-05-31,300.5\n"
                                      "3,年底前完成,2023-09-30,2\n"
                                      "2,新增学位,2023-09-30,450\n");
  g_autoptr(GBytes) before = read_database (f);
  g_autofree char *err = NULL;

  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/kinds.csv:2: The value cannot be negative (-5).\n"));
  g_assert_nonnull (strstr (err, "/kinds.csv:3: A percentage cannot be over 1000 (1,200%).\n"));
  g_assert_nonnull (strstr (err, "/kinds.csv:4: A count cannot have decimals (300.5 个).\n"));
  g_assert_nonnull (strstr (err, "/kinds.csv:5: A milestone is 1 (done) or 0 (not done), "
                                 "not 2.\n"));
  g_assert_null (strstr (err, "/kinds.csv:6:"));
  g_assert_true (g_str_has_suffix (err, "/kinds.csv: 4 rows cannot be imported: nothing was "
                                        "imported\n"));
  assert_database_is (f, before);
}

/* Two indicators of one name in one item: the app's own table goes back
 * in, each value to its indicator (the ID column); without the IDs the
 * row is refused and says why. */
static void
test_same_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) with_id = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GString) without_id = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *table = g_build_filename (f->dir, "table.csv", NULL);
  g_autofree char *arg_export = g_strconcat ("--export-csv=", table, NULL);
  g_autofree char *arg = NULL;
  g_autofree char *arg_no_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *values = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_cmpint (rel_run (NULL, NULL, f->arg_db, arg_export, NULL), ==, 0);
  g_file_get_contents (table, &text, &length, &error);
  g_assert_no_error (error);
  records = jp_csv_parse (text, length, ',', "table.csv", &error);
  g_assert_no_error (error);

  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);
      GPtrArray *fields = record->fields;

      g_assert_cmpuint (fields->len, ==, JP_CSV_N_COLUMNS);
      if (r > 0 && strcmp (g_ptr_array_index (fields, JP_CSV_COLUMN_INDICATOR), "党员教育培训") == 0 &&
          g_str_has_prefix (g_ptr_array_index (fields, JP_CSV_COLUMN_SECTION), "一"))
        {
          g_free (g_ptr_array_index (fields, JP_CSV_COLUMN_VALUE));
          g_ptr_array_index (fields, JP_CSV_COLUMN_VALUE) = g_strdup_printf ("%u", 10 + n++);
          g_free (g_ptr_array_index (fields, JP_CSV_COLUMN_DATE));
          g_ptr_array_index (fields, JP_CSV_COLUMN_DATE) = g_strdup ("2023-09-30");
        }
      for (guint c = 0; c < fields->len; c++)
        {
          if (c > 0)
            g_string_append_c (with_id, ',');
          jp_csv_append_field (with_id, g_ptr_array_index (fields, c));
          if (c == JP_CSV_COLUMN_ID)
            continue;
          if (c > 0)
            g_string_append_c (without_id, ',');
          jp_csv_append_field (without_id, g_ptr_array_index (fields, c));
        }
      g_string_append (with_id, "\r\n");
      g_string_append (without_id, "\r\n");
    }
  g_assert_cmpuint (n, ==, 2);

  /* Without the IDs: which one is meant cannot be told. */
  arg_no_id = write_table (f, "no-id.csv", without_id->str);
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg_no_id, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/no-id.csv:3: item 1 has several indicators named “党员教育培训”: "
                                 "the row needs the “Indicator ID” of the exported table\n"));

  arg = write_table (f, "with-id.csv", with_id->str);
  g_assert_cmpint (rel_run (NULL, NULL, f->arg_db, arg, NULL), ==, 0);
  values = values_of (f, "一", 1, "党员教育培训");
  g_assert_cmpstr (values, ==, "2023-09-30=10;2023-09-30=11;");
  /* One value each, not two for one. */
  g_assert_cmpint (rel_raw_query_int (f->db, "SELECT count(DISTINCT p.indicator) FROM progress p"
                                             " JOIN indicators i ON i.id = p.indicator"
                                             " WHERE i.name = '党员教育培训'"
                                             " AND p.date = '2023-09-30'"), ==, 2);
}

/* A FIFO or a file over the limit: refused at once, before reading. */
static void
test_not_a_table (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.csv", NULL);
  g_autofree char *huge = g_build_filename (f->dir, "huge.csv", NULL);
  g_autofree char *arg_fifo = g_strconcat ("--import-progress=", fifo, NULL);
  g_autofree char *arg_huge = g_strconcat ("--import-progress=", huge, NULL);
  g_autoptr(GBytes) before = read_database (f);
  g_autofree char *err = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg_fifo, NULL), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_TIME_SPAN_SECOND);
  g_assert_true (g_str_has_suffix (err, "fifo.csv: not a regular file\n"));
  g_clear_pointer (&err, g_free);

  {
    int fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) 5 * 1000 * 1000 * 1000), ==, 0);
    close (fd);
  }
  g_assert_cmpint (rel_run (NULL, &err, f->arg_db, arg_huge, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "huge.csv: the file is too large ("));
  assert_database_is (f, before);
}

static void
same_name_set_up (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *json = read_fixture_plan ();
  g_autoptr(GString) twins = g_string_new (json);

  /* Item 一/1: 党支部规范化率, 党员教育培训, 党建示范校 → two 党员教育培训. */
  g_assert_cmpuint (g_string_replace (twins, "\"党建示范校\"", "\"党员教育培训\"", 0), ==, 2);
  set_up_with (f, twins->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/cli-progress/all-or-nothing", test_all_or_nothing);
  ADD ("/jp/cli-progress/twice", test_twice);
  ADD ("/jp/cli-progress/undated", test_undated);
  ADD ("/jp/cli-progress/change", test_change);
  ADD ("/jp/cli-progress/kind-invalid", test_kind_invalid);
  ADD ("/jp/cli-progress/not-a-table", test_not_a_table);
  g_test_add ("/jp/cli-progress/same-name", Fixture, NULL, same_name_set_up, test_same_name,
              fixture_tear_down);

#undef ADD

  return g_test_run ();
}
