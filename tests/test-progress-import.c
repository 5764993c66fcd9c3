/* test-progress-import.c: progress values from a spreadsheet (CSV) */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jp-csv.h"
#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-model.h"
#include "jp-progress-import.h"
#include "jp-report.h"
#include "jp-store.h"

/* A database in a temporary folder holding tests/data/csv/plan.json
 * (loaded back from the file, as the command line does). */
typedef struct
{
  char    *dir;
  char    *db_path;
  JpStore *store;
  JpPlan  *plan;
  gint64   plan_id;
} Fixture;

/* ---- Helpers --------------------------------------------------------- */

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->plan);
  g_clear_object (&f->store);
  f->store = jp_store_open (f->db_path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->plan = jp_store_load_plan (f->store, f->plan_id, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = g_build_filename (JP_TEST_DATADIR, "csv", "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  JpPlan *plan;

  f->dir = g_dir_make_tmp ("test-progress-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "plans.db", NULL);

  plans = jp_json_import_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);

  f->store = jp_store_open (f->db_path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_insert_plans (f->store, &plan, 1, &error));
  g_assert_no_error (error);
  f->plan_id = jp_plan_get_id (plan);
  reopen (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->plan);
  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static JpIndicator *
find_indicator (JpPlan     *plan,
                const char *section_ordinal,
                int         number,
                const char *label)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      if (jp_item_get_number (item) != number ||
          strcmp (jp_section_get_ordinal (jp_item_get_section (item)), section_ordinal) != 0)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);

          if (strcmp (jp_csv_indicator_get_label (indicator), label) == 0)
            return indicator;
        }
    }

  g_assert_not_reached ();
}

/* Every progress entry of the plan, "section/number/indicator date value
 * note" per line, in plan order (whole histories). */
static char *
describe_progress (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autoptr(GError) error = NULL;
          GListModel *entries;

          g_assert_true (jp_indicator_ensure_history (indicator, &error));
          g_assert_no_error (error);
          entries = jp_indicator_get_progress (indicator);
          for (guint k = 0; k < g_list_model_get_n_items (entries); k++)
            {
              g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, k);
              double value = jp_progress_entry_get_value (entry);
              g_autofree char *number = jp_format_number (value, FALSE);

              g_string_append_printf (out, "%s/%d/%s %s %s %s\n",
                                      jp_section_get_ordinal (jp_item_get_section (item)),
                                      jp_item_get_number (item),
                                      jp_csv_indicator_get_label (indicator),
                                      jp_progress_entry_get_date (entry), number,
                                      jp_progress_entry_get_note (entry));
            }
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static JpProgressImport *
import_text (JpPlan     *plan,
             const char *text,
             gssize      length,
             const char *as_of,
             const char *spec)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  JpProgressImport *import = jp_progress_import_new_for_bytes (plan, bytes, "进展.csv", as_of,
                                                               spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static JpProgressImport *
import_data_file (JpPlan     *plan,
                  const char *name,
                  const char *as_of)
{
  g_autofree char *path = g_build_filename (JP_TEST_DATADIR, "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JpProgressImport *import = jp_progress_import_new_for_file (plan, file, as_of, NULL, NULL,
                                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static JpProgressRow *
get_row (JpProgressImport *import,
         guint             position)
{
  g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), position);

  g_assert_nonnull (row);
  /* The import holds a reference: borrowed from here on. */
  return row;
}

static void
commit (Fixture          *f,
        JpProgressImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_progress_import_commit (import, f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
on_row_committed_cb (JpProgressRow *row,
                     gpointer       user_data)
{
  GString *lines = user_data;

  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_COMMITTED);
  g_string_append_printf (lines, "%u ", jp_progress_row_get_line (row));
}

/* ---- Round trip ------------------------------------------------------ */

/* Export → fill in 当前值 (full-width digits, 亿) → import: the new values
 * are in the model and, reopened, in the database; the rows left as
 * exported are unchanged and skipped; the same file again adds nothing. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *indicator; const char *value; } filled[] = {
    { "党员教育培训", "30" },
    { "新增学位",     "４５０" },
    { "建设投资",     "2.1亿" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) edited = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(JpProgressImport) again = NULL;
  g_autoptr(GString) committed = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *twice = NULL;
  gsize length = 0;
  guint n_filled = 0;

  text = jp_csv_export_indicators (f->plan, "2023-09-30", NULL, &length, &error);
  g_assert_no_error (error);
  records = jp_csv_parse (text, length, ',', "export.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 12);

  /* Fill in the values as a user would (only in the section-一 row for
   * the name that two items share). */
  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);
      const char *section = g_ptr_array_index (record->fields, JP_CSV_COLUMN_SECTION);
      const char *name = g_ptr_array_index (record->fields, JP_CSV_COLUMN_INDICATOR);

      for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
        if (r > 0 && strcmp (name, filled[i].indicator) == 0 &&
            g_str_has_prefix (section, i == 0 ? "一" : ""))
          {
            g_free (g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE));
            g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE) = g_strdup (filled[i].value);
            n_filled++;
          }
      for (guint c = 0; c < record->fields->len; c++)
        {
          if (c > 0)
            g_string_append_c (edited, ',');
          jp_csv_append_field (edited, g_ptr_array_index (record->fields, c));
        }
      g_string_append (edited, "\r\n");
    }
  g_assert_cmpuint (n_filled, ==, 3);

  before = describe_progress (f->plan);
  import = import_text (f->plan, edited->str, edited->len, "2023-09-30", NULL);

  /* The preview: three new values; the two recorded ones unchanged. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 5);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 3);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE), ==, 2);
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 0);
  g_assert_cmpstr (jp_progress_import_get_encoding (import), ==, "UTF-8");
  g_clear_pointer (&after, g_free);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==, before); /* nothing written yet */

  {
    JpProgressRow *row = get_row (import, 0);

    g_assert_cmpuint (jp_progress_row_get_line (row), ==, 2);
    g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_DUPLICATE);
    g_assert_cmpstr (jp_progress_row_get_message (row), ==,
                     "unchanged: 72 was recorded on 2023-06-30");
    row = get_row (import, 3);
    g_assert_cmpuint (jp_progress_row_get_line (row), ==, 7);
    g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_NEW);
    g_assert_cmpstr (jp_progress_row_get_value_text (row), ==, "2.1亿");
    g_assert_cmpfloat (jp_progress_row_get_value (row), ==, 2.1);
    g_assert_cmpstr (jp_progress_row_get_date (row), ==, "2023-09-30");
    g_assert_true (jp_progress_row_get_indicator (row) ==
                   find_indicator (f->plan, "二", 2, "建设投资"));
  }

  jp_progress_import_commit (import, f->store, on_row_committed_cb, committed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (committed->str, ==, "3 5 7 ");
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED), ==, 3);

  /* In the model. */
  g_clear_pointer (&after, g_free);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==,
                   "一/1/党支部规范化率（一星级及以上） 2023-03-31 60 \n"
                   "一/1/党支部规范化率（一星级及以上） 2023-06-30 72 上半年评定\n"
                   "一/1/党员教育培训 2023-09-30 30 \n"
                   "二/2/新增学位 2023-05-31 300 \n"
                   "二/2/新增学位 2023-09-30 450 \n"
                   "二/2/建设投资 2023-09-30 2.1 \n"
                   "二/3/近视率 2023-05-31 0.2 \n");
  {
    JpProgress progress;

    jp_indicator_evaluate (find_indicator (f->plan, "二", 2, "新增学位"), "2023-09-30", &progress);
    g_assert_true (progress.has_value);
    g_assert_cmpfloat (progress.value, ==, 450);
  }

  /* In the database. */
  reopen (f);
  reopened = describe_progress (f->plan);
  g_assert_cmpstr (reopened, ==, after);

  /* The same file again: nothing new. */
  again = import_text (f->plan, edited->str, edited->len, "2023-09-30", NULL);
  g_assert_cmpuint (jp_progress_import_count (again, JP_PROGRESS_ROW_NEW), ==, 0);
  g_assert_cmpuint (jp_progress_import_count (again, JP_PROGRESS_ROW_DUPLICATE), ==, 5);
  commit (f, again);
  g_assert_cmpuint (jp_progress_import_count (again, JP_PROGRESS_ROW_COMMITTED), ==, 0);
  reopen (f);
  twice = describe_progress (f->plan);
  g_assert_cmpstr (twice, ==, after);
}

/* ---- Rows that fail -------------------------------------------------- */

/* Each kind of bad row is reported with its line; with one bad row the
 * commit records nothing at all, not even the good row (all or
 * nothing). */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  static const struct { guint line; JpProgressRowState state; const char *message; } expected[] = {
    { 2,  JP_PROGRESS_ROW_NEW,       NULL },
    { 3,  JP_PROGRESS_ROW_INVALID,   "the plan has no item 99" },
    { 4,  JP_PROGRESS_ROW_INVALID,   "“党” matches several indicators of item 1: "
                                     "“党支部规范化率（一星级及以上）” (section 一); "
                                     "“党员教育培训” (section 一); “党建示范校” (section 一); "
                                     "“党员教育培训” (section 三); add a “Section” column to choose" },
    { 5,  JP_PROGRESS_ROW_INVALID,   "“很多” is not a number" },
    { 6,  JP_PROGRESS_ROW_INVALID,   "the date 2024-01-05 is outside the plan period "
                                     "(2023-01-01 to 2023-12-31)" },
    { 7,  JP_PROGRESS_ROW_INVALID,   "“2023-02-30” is not a date" },
    { 8,  JP_PROGRESS_ROW_INVALID,   "“党员教育培训” matches several indicators of item 1: "
                                     "“党员教育培训” (section 一); “党员教育培训” (section 三); "
                                     "add a “Section” column to choose" },
    { 9,  JP_PROGRESS_ROW_INVALID,   "item 2 has no indicator “不存在的指标” (its indicators: "
                                     "“新增学位”; “新建学校”; “建设投资”)" },
    { 10, JP_PROGRESS_ROW_DUPLICATE, "the same value and date as line 2" },
  };
  g_autoptr(JpProgressImport) import = import_data_file (f->plan, "progress-malformed.csv", NULL);
  g_autofree char *before = describe_progress (f->plan);
  g_autofree char *after = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JpProgressRow *row = get_row (import, i);

      g_assert_cmpuint (jp_progress_row_get_line (row), ==, expected[i].line);
      g_assert_cmpuint (jp_progress_row_get_state (row), ==, expected[i].state);
      g_assert_cmpstr (jp_progress_row_get_message (row), ==, expected[i].message);
    }
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 7);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (jp_progress_import_commit (import, f->store, NULL, NULL, NULL, &error));
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
    g_assert_true (g_str_has_suffix (error->message,
                                     "progress-malformed.csv: 7 rows cannot be imported: "
                                     "nothing was imported"));
  }
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED), ==, 0);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 1);
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 7);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==, before);

  reopen (f);
  g_clear_pointer (&after, g_free);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==, before);
}

/* Values as people type them, against each indicator's unit. */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *indicator;
    const char *cell;
    gboolean    ok;
    double      value;
    const char *message; /* for a value the kind cannot take */
  } cases[] = {
    { "党支部规范化率", "90",          TRUE,  90 },
    { "党支部规范化率", "９０",        TRUE,  90 },
    { "党支部规范化率", "90%",         TRUE,  90 },
    { "党支部规范化率", "９０．５ ％", TRUE,  90.5 },
    { "党支部规范化率", " 88 ",        TRUE,  88 },
    { "党支部规范化率", "90个",        FALSE, 0 },
    { "党支部规范化率", "abc",         FALSE, 0 },
    { "党支部规范化率", "9,0",         FALSE, 0 },
    { "党支部规范化率", "90%%",        FALSE, 0 },
    { "新增学位",       "1,200",       TRUE,  1200 },
    { "新增学位",       "1，200",      TRUE,  1200 },
    { "新增学位",       "1,234,567",   TRUE,  1234567 },
    { "建设投资",       "1,234,567.5", TRUE,  1234567.5 },
    { "新增学位",       "630个",       TRUE,  630 },
    { "新增学位",       "1.2万",       TRUE,  12000 },
    { "新增学位",       "12,00",       FALSE, 0 },
    { "新增学位",       "1,2000",      FALSE, 0 },
    { "新增学位",       "1.2.3",       FALSE, 0 },
    { "新增学位",       "50%",         FALSE, 0 },
    { "建设投资",       "4.7亿",       TRUE,  4.7 },
    { "建设投资",       "4.7亿元",     TRUE,  4.7 },
    { "建设投资",       "4.7",         TRUE,  4.7 },
    { "建设投资",       "4700万",      TRUE,  0.47 },
    { "建设投资",       "4700万元",    TRUE,  0.47 },
    { "建设投资",       "470000000元", TRUE,  4.7 },
    { "建设投资",       "4.7美元",     FALSE, 0 },
    { "近视率",         "0.3",         TRUE,  0.3 },
    { "近视率",         "-0.1",        TRUE,  -0.1 },
    { "近视率",         "+0.4%",       TRUE,  0.4 },
    { "年底前完成",     "完成",        TRUE,  1 },
    { "年底前完成",     "已完成",      TRUE,  1 },
    { "年底前完成",     "否",          TRUE,  0 },
    { "年底前完成",     "Done",        TRUE,  1 },
    { "年底前完成",     "1",           TRUE,  1 },
    { "新增学位",       "完成",        FALSE, 0 },
    /* Numbers, but not values the indicator's kind can take. */
    { "党支部规范化率", "-5",          FALSE, 0, "The value cannot be negative (-5)." },
    { "党支部规范化率", "1200%",       FALSE, 0, "A percentage cannot be over 1000 (1,200%)." },
    { "党支部规范化率", "1000",        TRUE,  1000 },
    { "新增学位",       "630.5",       FALSE, 0, "A count cannot have decimals (630.5 个)." },
    { "新增学位",       "0.6万",       TRUE,  6000 },
    { "新增学位",       "-3",          FALSE, 0, "The value cannot be negative (-3)." },
    { "年底前完成",     "2",           FALSE, 0, "A milestone is 1 (done) or 0 (not done), not 2." },
    { "年底前完成",     "0.5",         FALSE, 0, "A milestone is 1 (done) or 0 (not done), not 0.5." },
    { "年底前完成",     "未完成",      TRUE,  0 },
    { "近视率",         "-2000",       FALSE, 0, "A percentage cannot be over 1000 (-2,000%)." },
  };
  g_autoptr(GString) text = g_string_new ("序号,指标,数值,日期\n");
  g_autoptr(JpProgressImport) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int number = g_str_has_prefix (cases[i].indicator, "党") ? 1 :
                   g_str_has_prefix (cases[i].indicator, "近视") ||
                   g_str_has_prefix (cases[i].indicator, "年底") ? 3 : 2;

      /* Two items are numbered 1: only one has these names. */
      g_string_append_printf (text, "%d,%s,", number, cases[i].indicator);
      jp_csv_append_field (text, cases[i].cell);
      /* A date each, so that equal values are not the same entry. */
      g_string_append_printf (text, ",2023-%02u-%02u\n", 1 + i / 28, 1 + i % 28);
    }

  import = import_text (f->plan, text->str, text->len, "2023-09-30", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JpProgressRow *row = get_row (import, i);

      g_test_message ("%s: %s", cases[i].indicator, cases[i].cell);
      g_assert_cmpuint (jp_progress_row_get_line (row), ==, i + 2);
      if (cases[i].ok)
        {
          g_assert_cmpstr (jp_progress_row_get_message (row), ==, NULL);
          g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_NEW);
          g_assert_cmpfloat_with_epsilon (jp_progress_row_get_value (row), cases[i].value, 1e-9);
        }
      else
        {
          g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_INVALID);
          if (cases[i].message != NULL)
            g_assert_cmpstr (jp_progress_row_get_message (row), ==, cases[i].message);
          else
            g_assert_true (g_str_has_prefix (jp_progress_row_get_message (row), "“"));
        }
    }
}

/* Dates as spreadsheets write them; item numbers as people write them. */
static void
test_dates_and_numbers (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { const char *number; const char *date; const char *iso; } cases[] = {
    { "2",      "2023-09-30",        "2023-09-30" },
    { "２",     "2023/9/30",         "2023-09-30" },
    { "2.",     "2023.9.30",         "2023-09-30" },
    { "2.0",    "2023年9月30日",     "2023-09-30" },
    { "第2项",  "2023年9月3日",      "2023-09-03" },
    { "（二）", "20230930",          "2023-09-30" },
    { "二",     "2023/9/30 0:00",    "2023-09-30" },
    { "2、",    "２０２３－０９－３０", "2023-09-30" },
    { "2",      "",                  "2023-08-31" }, /* the date for undated rows */
    { "2",      "2023/2/29",         NULL },
    { "2",      "30/9/2023",         NULL },
    { "2",      "2023-9",            NULL },
    { "2",      "2023-12-31",        "2023-12-31" },
    { "2",      "2023-01-01",        "2023-01-01" },
    { "2",      "2022-12-31",        NULL },
    { "二十",   "2023-09-30",        NULL }, /* item 20: none */
    { "x2",     "2023-09-30",        NULL },
    { "",       "2023-09-30",        NULL },
  };
  g_autoptr(JpProgressImport) import = NULL;

  /* One file each: one indicator has one value per date. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("序号,指标,日期,数值\n%s,新增学位,%s,%u\n",
                                               cases[i].number, cases[i].date, 400 + i);
      g_autoptr(JpProgressImport) one = import_text (f->plan, text, -1, "2023-08-31", NULL);
      JpProgressRow *row;

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (one)), ==, 1);
      row = get_row (one, 0);
      g_test_message ("%s %s", cases[i].number, cases[i].date);
      if (cases[i].iso != NULL)
        {
          g_assert_cmpstr (jp_progress_row_get_message (row), ==, NULL);
          g_assert_cmpstr (jp_progress_row_get_date (row), ==, cases[i].iso);
          g_assert_true (jp_progress_row_get_item (row) ==
                         jp_indicator_get_item (find_indicator (f->plan, "二", 2, "新增学位")));
        }
      else
        g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_INVALID);
    }

  /* Without a date for undated rows: such a row is invalid (never dated
   * at the as-of date); given one, it is valid; outside the plan period,
   * the date is refused. */
  g_clear_object (&import);
  import = import_text (f->plan, "序号,指标,数值\n2,新增学位,500\n", -1, NULL, NULL);
  g_assert_null (jp_progress_import_get_undated_date (import));
  g_assert_cmpuint (jp_progress_import_get_n_undated (import), ==, 1);
  g_assert_true (jp_progress_row_get_undated (get_row (import, 0)));
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 0)), ==, JP_PROGRESS_ROW_INVALID);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (import, 0)), ==,
                   "no date: fill in “Date reported”, or choose a date for the rows without one");
  g_assert_null (jp_progress_row_get_date (get_row (import, 0)));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (jp_progress_import_commit (import, f->store, NULL, NULL, NULL, &error));
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
    g_clear_error (&error);

    g_assert_true (jp_progress_import_set_undated_date (import, "2023-06-30", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 0)), ==, JP_PROGRESS_ROW_NEW);
    g_assert_cmpstr (jp_progress_row_get_date (get_row (import, 0)), ==, "2023-06-30");
    g_assert_false (jp_progress_import_set_undated_date (import, "2024-01-01", &error));
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
    g_assert_cmpstr (jp_progress_import_get_undated_date (import), ==, "2023-06-30");
  }
}

/* ---- Files ----------------------------------------------------------- */

/* GB18030 as WPS saves it (no BOM, CRLF), a 章节 column choosing between
 * two items numbered 1. */
static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JpProgressImport) import = import_data_file (f->plan, "progress-gb18030.csv",
                                                         "2023-09-30");
  g_autofree char *after = NULL;

  g_assert_cmpstr (jp_progress_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 3);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 3);
  g_assert_true (jp_progress_row_get_indicator (get_row (import, 0)) ==
                 find_indicator (f->plan, "一", 1, "党员教育培训"));
  g_assert_true (jp_progress_row_get_indicator (get_row (import, 1)) ==
                 find_indicator (f->plan, "三", 1, "党员教育培训"));
  g_assert_cmpstr (jp_progress_row_get_note (get_row (import, 1)), ==, "集团化办学");

  commit (f, import);
  reopen (f);
  after = describe_progress (f->plan);
  g_assert_nonnull (strstr (after, "一/1/党员教育培训 2023-09-30 30 三季度培训\n"));
  g_assert_nonnull (strstr (after, "三/1/党员教育培训 2023-09-30 12 集团化办学\n"));
  g_assert_nonnull (strstr (after, "二/2/新增学位 2023-09-30 1200 新学校投入使用\n"));
}

/* Columns in any order, extra columns ignored, a unique prefix, a note on
 * two lines; English headings. */
static void
test_any_order (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpProgressImport) import = import_data_file (f->plan, "progress-any-order.csv", NULL);
  g_autoptr(JpProgressImport) english = NULL;
  JpProgressRow *row;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 3);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 2);
  /* 72 is recorded on 2023-06-30: 90 for that date is a change. */
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE), ==, 1);

  row = get_row (import, 0);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_CHANGE);
  g_assert_cmpfloat (jp_progress_row_get_old_value (row), ==, 72);
  g_assert_cmpstr (jp_progress_row_get_message (row), ==, "72 → 90 on 2023-06-30");
  g_assert_true (jp_progress_row_get_indicator (row) ==
                 find_indicator (f->plan, "一", 1, "党支部规范化率（一星级及以上）"));
  g_assert_cmpfloat (jp_progress_row_get_value (row), ==, 90);
  g_assert_cmpstr (jp_progress_row_get_note (row), ==, "上半年");
  row = get_row (import, 1);
  g_assert_cmpfloat_with_epsilon (jp_progress_row_get_value (row), 0.47, 1e-12);
  row = get_row (import, 2);
  g_assert_true (jp_progress_row_get_indicator (row) ==
                 find_indicator (f->plan, "二", 3, "年底前完成近视防控方案"));
  g_assert_cmpfloat (jp_progress_row_get_value (row), ==, 1);
  g_assert_cmpstr (jp_progress_row_get_note (row), ==, "多行\n说明");
  g_assert_cmpstr (jp_progress_row_get_date (row), ==, "2023-12-01");

  english = import_data_file (f->plan, "progress-english.csv", "2023-09-30");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (english)), ==, 2);
  row = get_row (english, 0);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_INVALID);
  g_assert_true (g_str_has_prefix (jp_progress_row_get_message (row),
                                   "item 3 has no indicator “near-sighted”"));
  row = get_row (english, 1);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_NEW);
  g_assert_cmpstr (jp_progress_row_get_note (row), ==, "note, with comma");
  /* "近视率" is a name, and the prefix of another: the exact name wins. */
  g_assert_true (jp_progress_row_get_indicator (row) ==
                 find_indicator (f->plan, "二", 3, "近视率"));
}

/* UTF-8 with a BOM, UTF-16 with tabs (Excel's "Unicode text"), a title
 * row above the header (a sheet of the workbook saved as CSV). */
static void
test_encodings (Fixture       *f,
                gconstpointer  data)
{
  static const char utf8[] = "2023年工作要点,,,\n截至2023年9月30日,,,\n\n"
                             "序号,指标,当前值,最近填报日期\n2,新增学位,500,2023-05-31\n";
  g_autoptr(JpProgressImport) import = NULL;
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *utf16 = NULL;
  g_autofree char *tabs = NULL;
  g_autofree char *with_bom = NULL;
  gsize utf16_len = 0;
  g_autoptr(GError) error = NULL;

  import = import_text (f->plan, bom, -1, "2023-09-30", NULL);
  g_assert_cmpstr (jp_progress_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 1);
  g_assert_cmpuint (jp_progress_row_get_line (get_row (import, 0)), ==, 5);
  /* A changed value in the exported table: dated at the date given for
   * undated rows, never at 最近填报日期. */
  g_assert_cmpstr (jp_progress_row_get_date (get_row (import, 0)), ==, "2023-09-30");
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 0)), ==, JP_PROGRESS_ROW_NEW);

  tabs = g_strdup ("序号\t指标\t数值\t日期\n2\t新增学位\t1,200\t2023-09-30\n");
  utf16 = g_convert (tabs, -1, "UTF-16LE", "UTF-8", NULL, &utf16_len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (utf16_len + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, utf16_len);

  g_clear_object (&import);
  import = import_text (f->plan, with_bom, utf16_len + 2, NULL, NULL);
  g_assert_cmpstr (jp_progress_import_get_encoding (import), ==, "UTF-16LE");
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 1);
  g_assert_cmpfloat (jp_progress_row_get_value (get_row (import, 0)), ==, 1200);
}

/* The file as a whole cannot be read: nothing to preview. */
static void
test_file_errors (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *text; gsize length; int code; const char *message; } cases[] = {
    { "", 0, JP_IMPORT_ERROR_NOT_TEXT, "进展.csv: the file is empty" },
    { "PK\x03\x04xl/workbook.xml", 20, JP_IMPORT_ERROR_NOT_TEXT, NULL },
    { "a\0b", 3, JP_IMPORT_ERROR_NOT_TEXT, NULL },
    { "\xFF\xFF\xFF\xFF", 4, JP_IMPORT_ERROR_ENCODING, NULL },
    { "x,y\n1,2\n", 8, JP_IMPORT_ERROR_MISSING_FIELD, NULL },
    { "序号,数值\n1,2\n", 0, JP_IMPORT_ERROR_MISSING_FIELD,
      "进展.csv:1: the table has no “Indicator” column" },
    { "序号,指标,日期\n1,x,2023-01-01\n", 0, JP_IMPORT_ERROR_MISSING_FIELD,
      "进展.csv:1: the table has no “Value” column" },
    { "序号,指标,数值\n1,\"open,2\n", 0, JP_IMPORT_ERROR_PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length > 0 || cases[i].text[0] == '\0' ? cases[i].length :
                                                                        strlen (cases[i].text);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(JpProgressImport) import = NULL;

      import = jp_progress_import_new_for_bytes (f->plan, bytes, "进展.csv", NULL, NULL, &error);
      g_assert_null (import);
      g_assert_error (error, JP_IMPORT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "进展.csv"));
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("序号,指标,数值\n", strlen ("序号,指标,数值\n"));
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "none.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    g_assert_null (jp_progress_import_new_for_bytes (f->plan, bytes, "x", "2023-02-30", NULL,
                                                     &error));
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
    g_clear_error (&error);
    g_assert_null (jp_progress_import_new_for_bytes (f->plan, bytes, "x", NULL, "leader:王五",
                                                     &error));
    g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
    g_clear_error (&error);
    g_assert_null (jp_progress_import_new_for_file (f->plan, file, NULL, NULL, NULL, &error));
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  }
}

/* A leader's table: rows of other items are refused. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JpProgressImport) import = NULL;

  import = import_text (f->plan, "序号,指标,数值\n2,新增学位,500\n3,近视率,0.3\n", -1,
                        "2023-09-30", "leader:崔茜");
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 0)), ==, JP_PROGRESS_ROW_NEW);
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 1)), ==, JP_PROGRESS_ROW_INVALID);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (import, 1)), ==,
                   "item 3 is not among the items selected (Leader: 崔茜)");
}

/* A read-only database: the commit refuses, nothing is written. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&f->plan);
  g_clear_object (&f->store);
  store = jp_store_open (f->db_path, JP_STORE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  plan = jp_store_load_plan (store, f->plan_id, &error);
  g_assert_no_error (error);
  before = describe_progress (plan);

  import = import_text (plan, "序号,指标,数值\n2,新增学位,500\n", -1, "2023-09-30", NULL);
  g_assert_false (jp_progress_import_commit (import, store, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 1);
  after = describe_progress (plan);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&plan);
  g_clear_object (&store);
  reopen (f);
  g_clear_pointer (&after, g_free);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==, before);
}

/* The preview's rows notify their state when committed. */
static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JpProgressImport) import = NULL;
  JpProgressRow *row;
  guint n_state = 0;
  guint n_message = 0;

  import = import_text (f->plan, "序号,指标,数值\n2,新增学位,500\n", -1, "2023-09-30", NULL);
  row = get_row (import, 0);
  g_signal_connect (row, "notify::state", G_CALLBACK (on_notify_cb), &n_state);
  g_signal_connect (row, "notify::message", G_CALLBACK (on_notify_cb), &n_message);
  commit (f, import);
  g_assert_cmpuint (n_state, ==, 1);
  g_assert_cmpuint (n_message, ==, 0);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_COMMITTED);
}

/* ---- Dates, changes, names ------------------------------------------- */

/* Rows of @csv (a parsed export) written back with @value and @date in
 * the rows of the indicators named @names (NULL-terminated). */
static char *
fill_export (GPtrArray          *records,
             const char * const *names,
             const char         *value,
             const char         *date,
             gboolean            keep_id)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);
      const char *name = g_ptr_array_index (record->fields, JP_CSV_COLUMN_INDICATOR);
      gboolean fill = r > 0 && g_strv_contains (names, name);

      for (guint c = 0; c < record->fields->len; c++)
        {
          const char *text = g_ptr_array_index (record->fields, c);

          if (c == JP_CSV_COLUMN_ID && !keep_id)
            continue;
          if (c > 0)
            g_string_append_c (out, ',');
          if (fill && c == JP_CSV_COLUMN_VALUE)
            text = value;
          else if (fill && c == JP_CSV_COLUMN_DATE)
            text = date;
          jp_csv_append_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* The exported table carries 填报日期 (empty) and the indicator's ID; a
 * value filled in without a date is refused, never dated at the as-of
 * date nor at 最近填报日期; a row left as exported is unchanged. */
static void
test_export_undated (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const names[] = { "党支部规范化率（一星级及以上）", "新增学位", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autofree char *text = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *dated = NULL;
  g_autofree char *before = describe_progress (f->plan);
  JpIndicator *rate = find_indicator (f->plan, "一", 1, "党支部规范化率（一星级及以上）");
  gsize length = 0;

  text = jp_csv_export_indicators (f->plan, "2023-09-30", NULL, &length, &error);
  g_assert_no_error (error);
  records = jp_csv_parse (text, length, ',', "export.csv", &error);
  g_assert_no_error (error);
  {
    JpCsvRecord *row = g_ptr_array_index (records, 1);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, jp_indicator_get_id (rate));

    g_assert_cmpstr (g_ptr_array_index (row->fields, JP_CSV_COLUMN_DATE), ==, "");
    g_assert_cmpstr (g_ptr_array_index (row->fields, JP_CSV_COLUMN_ID), ==, id);
    g_assert_cmpstr (g_ptr_array_index (row->fields, JP_CSV_COLUMN_LAST_DATE), ==, "2023-06-30");
  }

  /* New values without a date: refused, with the reason. */
  filled = fill_export (records, names, "95", "", TRUE);
  import = import_text (f->plan, filled, -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_INVALID), ==, 2);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE), ==, 1);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (import, 0)), ==,
                   "no date: fill in “Date reported”, or choose a date for the rows without one");
  g_assert_false (jp_progress_import_commit (import, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_clear_object (&import);

  /* Dated in the file: recorded at that date. */
  dated = fill_export (records, names, "95", "2023年8月15日", TRUE);
  import = import_text (f->plan, dated, -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 0);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 2);
  g_assert_cmpstr (jp_progress_row_get_date (get_row (import, 0)), ==, "2023-08-15");
  g_assert_true (jp_progress_row_get_indicator (get_row (import, 0)) == rate);
  commit (f, import);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED), ==, 2);
  g_assert_cmpstr (jp_progress_entry_get_date (jp_indicator_get_latest (rate)), ==, "2023-08-15");
  (void) before;
}

/* A value for a date that has another one is a change (old → new) that
 * replaces it: one entry per indicator and date, in the model and the
 * file; two values of one date in the file are refused. */
static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  static const char changes[] = "序号,指标,日期,数值,说明\n"
                                "1,党支部规范化率,2023-06-30,80,复核\n"
                                "2,新增学位,2023-05-31,300,\n"
                                "2,新增学位,2023-07-31,350,\n";
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(JpProgressImport) again = NULL;
  g_autoptr(JpProgressImport) twice = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reopened = NULL;
  JpProgressRow *row;

  import = import_text (f->plan,
                        changes, -1, NULL, NULL);
  row = get_row (import, 0);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_CHANGE);
  g_assert_cmpfloat (jp_progress_row_get_old_value (row), ==, 72);
  g_assert_cmpstr (jp_progress_row_get_message (row), ==, "72 → 80 on 2023-06-30");
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 1)), ==,
                    JP_PROGRESS_ROW_DUPLICATE);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (import, 1)), ==,
                   "already recorded: 300 on 2023-05-31");
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 2)), ==, JP_PROGRESS_ROW_NEW);
  g_assert_cmpuint (jp_progress_import_get_n_to_record (import), ==, 2);

  g_assert_true (jp_progress_import_commit (import, f->store, on_row_committed_cb, lines, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lines->str, ==, "2 4 ");
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==,
                   "一/1/党支部规范化率（一星级及以上） 2023-03-31 60 \n"
                   "一/1/党支部规范化率（一星级及以上） 2023-06-30 80 复核\n"
                   "二/2/新增学位 2023-05-31 300 \n"
                   "二/2/新增学位 2023-07-31 350 \n"
                   "二/3/近视率 2023-05-31 0.2 \n");
  reopen (f);
  reopened = describe_progress (f->plan);
  g_assert_cmpstr (reopened, ==, after);

  /* The same file again: all already recorded. */
  again = import_text (f->plan,
                       changes, -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_count (again, JP_PROGRESS_ROW_DUPLICATE), ==, 3);
  commit (f, again);
  g_clear_pointer (&reopened, g_free);
  reopen (f);
  reopened = describe_progress (f->plan);
  g_assert_cmpstr (reopened, ==, after);

  /* Two values for one date in the file: which one? Refused. */
  twice = import_text (f->plan,
                       "序号,指标,日期,数值\n"
                       "2,新增学位,2023-08-31,400\n"
                       "2,新增学位,2023-08-31,410\n"
                       "2,新增学位,2023-08-31,400\n", -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_row_get_state (get_row (twice, 0)), ==, JP_PROGRESS_ROW_NEW);
  g_assert_cmpuint (jp_progress_row_get_state (get_row (twice, 1)), ==, JP_PROGRESS_ROW_INVALID);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (twice, 1)), ==,
                   "line 2 gives this indicator another value (400) on 2023-08-31");
  g_assert_cmpuint (jp_progress_row_get_state (get_row (twice, 2)), ==, JP_PROGRESS_ROW_DUPLICATE);
}

/* Two indicators of the same name in one item: the exported table's ID
 * tells them apart; without it, the row is refused and says why. */
static void
test_same_name (Fixture       *f,
                gconstpointer  data)
{
  static const char * const names[] = { "党员教育培训", NULL };
  g_autoptr(JpIndicator) twin = jp_indicator_new ("党员教育培训", JP_INDICATOR_KIND_AT_LEAST, 8);
  JpIndicator *first = find_indicator (f->plan, "一", 1, "党员教育培训");
  JpItem *item = jp_indicator_get_item (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(GString) edited = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *text = NULL;
  g_autofree char *without_id = NULL;
  gsize length = 0;
  guint n = 0;

  jp_indicator_set_unit (twin, "次");
  g_assert_true (jp_store_insert_indicator (f->store, item, 2, twin, &error));
  g_assert_no_error (error);

  text = jp_csv_export_indicators (f->plan, "2023-09-30", NULL, &length, &error);
  g_assert_no_error (error);
  records = jp_csv_parse (text, length, ',', "export.csv", &error);
  g_assert_no_error (error);

  /* Each twin its own value (section 三 has a third of that name). */
  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);

      if (r > 0 && strcmp (g_ptr_array_index (record->fields, JP_CSV_COLUMN_INDICATOR),
                           "党员教育培训") == 0 &&
          g_str_has_prefix (g_ptr_array_index (record->fields, JP_CSV_COLUMN_SECTION), "一"))
        {
          g_free (g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE));
          g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE) = g_strdup_printf ("%u", 10 + n++);
          g_free (g_ptr_array_index (record->fields, JP_CSV_COLUMN_DATE));
          g_ptr_array_index (record->fields, JP_CSV_COLUMN_DATE) = g_strdup ("2023-09-30");
        }
      for (guint c = 0; c < record->fields->len; c++)
        {
          if (c > 0)
            g_string_append_c (edited, ',');
          jp_csv_append_field (edited, g_ptr_array_index (record->fields, c));
        }
      g_string_append (edited, "\r\n");
    }
  g_assert_cmpuint (n, ==, 2);

  import = import_text (f->plan, edited->str, edited->len, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 0);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 2);
  {
    g_autoptr(GPtrArray) matched = g_ptr_array_new ();

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import)); i++)
      if (jp_progress_row_get_state (get_row (import, i)) == JP_PROGRESS_ROW_NEW)
        g_ptr_array_add (matched, jp_progress_row_get_indicator (get_row (import, i)));
    g_assert_cmpuint (matched->len, ==, 2);
    g_assert_true (g_ptr_array_index (matched, 0) == first);
    g_assert_true (g_ptr_array_index (matched, 1) == twin);
  }
  commit (f, import);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (first)), ==, 10);
  g_assert_cmpfloat (jp_progress_entry_get_value (jp_indicator_get_latest (twin)), ==, 11);
  g_clear_object (&import);

  /* Without the ID column: which one is meant cannot be told. */
  without_id = fill_export (records, names, "12", "2023-10-31", FALSE);
  import = import_text (f->plan, without_id, -1, NULL, NULL);
  /* Row 0: the rate, left as exported. */
  g_assert_cmpuint (jp_progress_row_get_state (get_row (import, 1)), ==, JP_PROGRESS_ROW_INVALID);
  g_assert_cmpuint (jp_progress_row_get_line (get_row (import, 1)), ==, 3);
  g_assert_cmpstr (jp_progress_row_get_message (get_row (import, 1)), ==,
                   "item 1 has several indicators named “党员教育培训”: the row needs the "
                   "“Indicator ID” of the exported table");
}

/* Cells of any size: a message quotes at most 40 characters of one. */
static void
test_long_cells (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (100000, 'x');
  g_autofree char *text = g_strdup_printf ("序号,指标,日期,数值\n"
                                           "2,%s,2023-09-30,1\n"
                                           "2,新增学位,2023-09-30,%s\n"
                                           "%s,新增学位,2023-09-30,1\n"
                                           "2,新增学位,%s,1\n",
                                           huge, huge, huge, huge);
  g_autoptr(JpProgressImport) import = import_text (f->plan, text, -1, NULL, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JpProgressRow *row = get_row (import, i);
      const char *message = jp_progress_row_get_message (row);

      g_test_message ("%s", message);
      g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_INVALID);
      g_assert_cmpuint (strlen (message), <, 400);
      g_assert_nonnull (strstr (message, "xxxxxxxxxx…"));
    }
}

/* Limits: a file too large or not a regular file is refused before it
 * is read; too many rows with a value are refused; a file of many empty
 * cells costs memory in its rows, not in its cells. */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sparse = g_build_filename (f->dir, "huge.csv", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.csv", NULL);
  g_autoptr(GFile) sparse_file = g_file_new_for_path (sparse);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(GString) many = g_string_new ("序号,指标,数值\n");
  g_autoptr(GString) empty = g_string_new ("序号,指标,数值\n");
  g_autoptr(GBytes) bytes = NULL;
  struct rusage usage;
  long before_kib;

  /* 33 MB that take no room (sparse): refused unread. */
  {
    int fd = g_open (sparse, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, JP_PROGRESS_MAX_SIZE + 1), ==, 0);
    close (fd);
  }
  g_assert_null (jp_progress_import_new_for_file (f->plan, sparse_file, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv: the file is too large ("));
  g_assert_nonnull (strstr (error->message, "): a progress table may have at most 32.0"));
  g_clear_error (&error);

  /* A FIFO would block: refused at once. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (jp_progress_import_new_for_file (f->plan, fifo_file, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_suffix (error->message, "fifo.csv: not a regular file"));
  g_clear_error (&error);

  /* One row with a value too many. */
  for (guint i = 0; i <= JP_PROGRESS_MAX_ROWS; i++)
    g_string_append (many, "2,新增学位,1\n");
  bytes = g_bytes_new (many->str, many->len);
  g_assert_null (jp_progress_import_new_for_bytes (f->plan, bytes, "进展.csv", NULL, NULL, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "进展.csv:200002: more than 200000 rows with a value: "
                                       "import the table in parts");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* 12 MB of empty cells (rows without a value): read one record at a
   * time, not held all at once (that took 47 bytes a byte: 570 MB). */
  while (empty->len < 12 * 1000 * 1000)
    g_string_append (empty, ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n");
  bytes = g_bytes_new (empty->str, empty->len);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  before_kib = usage.ru_maxrss;
  import = jp_progress_import_new_for_bytes (f->plan, bytes, "进展.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 0);
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  g_test_message ("peak RSS grew by %ld KiB", usage.ru_maxrss - before_kib);
  g_assert_cmpint (usage.ru_maxrss - before_kib, <, 100 * 1024);
}

/* Another program records a value of the same date, or changes the value
 * a row replaces, between the preview and the commit (the command line
 * does not watch for other programs): the commit writes nothing rather
 * than two entries of one date, or a change of a value nobody saw. */
static void
test_changed_meanwhile (Fixture       *f,
                        gconstpointer  data)
{
  static const char table[] = "序号,指标,日期,数值\n"
                              "2,新增学位,2023-09-30,450\n"
                              "1,党支部规范化率,2023-06-30,80\n";
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(JpProgressImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) other = NULL;
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-09-30", 440);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import = import_text (f->plan, table, -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_NEW), ==, 1);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE), ==, 1);

  other = jp_store_open (f->db_path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  other_plan = jp_store_load_plan (other, f->plan_id, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_add_progress (other, find_indicator (other_plan, "二", 2, "新增学位"),
                                        entry, &error));
  g_assert_no_error (error);
  g_clear_object (&other_plan);
  g_clear_object (&other);

  before = describe_progress (f->plan);
  g_assert_false (jp_progress_import_commit (import, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_assert_true (g_str_has_prefix (error->message, "进展.csv: nothing was imported: "));
  g_clear_error (&error);
  after = describe_progress (f->plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (jp_progress_import_count (import, JP_PROGRESS_ROW_COMMITTED), ==, 0);

  /* Read again: the other program's 440 is there; the row is a change. */
  reopen (f);
  again = import_text (f->plan, table, -1, NULL, NULL);
  g_assert_cmpuint (jp_progress_import_count (again, JP_PROGRESS_ROW_CHANGE), ==, 2);
  g_assert_cmpfloat (jp_progress_row_get_old_value (get_row (again, 0)), ==, 440);

  /* Now the value to replace changes under it. */
  other = jp_store_open (f->db_path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  other_plan = jp_store_load_plan (other, f->plan_id, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (other,
                                      jp_indicator_get_latest (find_indicator (other_plan, "二", 2,
                                                                               "新增学位")),
                                      "value", 445, &error));
  g_assert_no_error (error);
  g_assert_false (jp_progress_import_commit (again, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/progress-import/round-trip", test_round_trip);
  ADD ("/jp/progress-import/malformed", test_malformed);
  ADD ("/jp/progress-import/values", test_values);
  ADD ("/jp/progress-import/dates-and-numbers", test_dates_and_numbers);
  ADD ("/jp/progress-import/gb18030", test_gb18030);
  ADD ("/jp/progress-import/any-order", test_any_order);
  ADD ("/jp/progress-import/encodings", test_encodings);
  ADD ("/jp/progress-import/file-errors", test_file_errors);
  ADD ("/jp/progress-import/filter", test_filter);
  ADD ("/jp/progress-import/read-only", test_read_only);
  ADD ("/jp/progress-import/notify", test_notify);
  ADD ("/jp/progress-import/export-undated", test_export_undated);
  ADD ("/jp/progress-import/change", test_change);
  ADD ("/jp/progress-import/same-name", test_same_name);
  ADD ("/jp/progress-import/long-cells", test_long_cells);
  ADD ("/jp/progress-import/limits", test_limits);
  ADD ("/jp/progress-import/changed-meanwhile", test_changed_meanwhile);

#undef ADD

  return g_test_run ();
}
