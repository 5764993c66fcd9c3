/* test-xlsx.c: the workbook, read back by a spreadsheet program
 *
 * Gnumeric's ssconvert (build-aux/deps installs gnumeric) opens the
 * workbook and writes each sheet as CSV with the values as displayed (the
 * number formats applied), as CSV with the raw values, as HTML (cell
 * colours) and as Gnumeric XML (frozen panes, column widths). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-csv.h"
#include "jp-json.h"
#include "jp-model.h"
#include "jp-report.h"
#include "jp-xlsx.h"

typedef struct
{
  char   *dir;
  JpPlan *plan;
} Fixture;

/* ---- Helpers --------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = g_build_filename (JP_TEST_DATADIR, "csv", "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
  plans = jp_json_import_file (file, NULL, &error);
  g_assert_no_error (error);
  f->plan = g_object_ref (g_ptr_array_index (plans, 0));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
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
  g_clear_object (&f->plan);
}

static char *
write_workbook (Fixture    *f,
                const char *as_of,
                const char *spec)
{
  g_autofree char *path = g_build_filename (f->dir, "工作要点.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (jp_xlsx_write_plan (f->plan, as_of, spec, path, &error));
  g_assert_no_error (error);

  /* A zip archive (Office Open XML). */
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "PK\x03\x04", 4) == 0);

  return g_steal_pointer (&path);
}

/* Runs ssconvert with @args (NULL-terminated), in the fixture's folder. */
static void
ssconvert (Fixture     *f,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path ("ssconvert");
  g_auto(GStrv) envp = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  if (program == NULL)
    g_error ("ssconvert is missing: install gnumeric (build-aux/deps)");

  g_ptr_array_add (argv, program);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* ssconvert warns about things of its own: not fatal for it. */
  envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ssconvert failed: %s", err);
}

/* The sheets as displayed (formats applied), as records. */
static GPtrArray *
read_sheet (Fixture    *f,
            const char *xlsx,
            guint       sheet,
            gboolean    displayed)
{
  g_autofree char *pattern = g_build_filename (f->dir, displayed ? "shown-%n.csv" : "raw-%n.csv",
                                               NULL);
  g_autofree char *name = g_strdup_printf (displayed ? "shown-%u.csv" : "raw-%u.csv", sheet);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  GPtrArray *records;

  if (displayed)
    ssconvert (f, "-S", "-T", "Gnumeric_stf:stf_assistant",
               "-O", "format=preserve separator=, quoting-mode=auto", xlsx, pattern, NULL);
  else
    ssconvert (f, "-S", "-T", "Gnumeric_stf:stf_assistant",
               "-O", "format=raw separator=, quoting-mode=auto", xlsx, pattern, NULL);

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  records = jp_csv_parse (text, length, ',', name, &error);
  g_assert_no_error (error);
  return records;
}

static const char *
cell (GPtrArray *records,
      guint      row,
      guint      column)
{
  JpCsvRecord *record;

  g_assert_cmpuint (row, <, records->len);
  record = g_ptr_array_index (records, row);
  if (column >= record->fields->len)
    return "";
  return g_ptr_array_index (record->fields, column);
}

static char *
read_converted (Fixture    *f,
                const char *xlsx,
                const char *exporter,
                const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  ssconvert (f, "-T", exporter, xlsx, path, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The text as the HTML exporter writes it: every non-ASCII character as
 * a numeric reference. */
static char *
html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "&#%u;", c);
    }

  return g_string_free (out, FALSE);
}

/* ---- Tests ----------------------------------------------------------- */

/* The cells, as a spreadsheet program shows them. */
static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  static const char * const overview[][8] = {
    { "No.", "Work item", "Leaders", "Units", "No. of indicators", "Completion", "Status", "Due" },
    { "一、坚持党建引领，夯实党建基础", "", "", "", "", "", "", "" },
    { "1", "全面加强教育系统党的建设", "张学兵, 高学芳", "教育党工委; 各支部", "3", "26.67%",
      "▲ At risk", "2023-12-31" },
    { "二、坚持优质均衡，扩大教育资源", "", "", "", "", "", "", "" },
    { "2", "扩大优质学位供给", "崔茜", "基建办", "3", "15.87%", "▼ Behind", "2023-12-31" },
    { "3", "加强学生近视防控", "张学兵, 马丽", "体卫艺科", "3", "13.33%", "▼ Behind",
      "2023-12-31" },
    { "三、深化教育改革", "", "", "", "", "", "", "" },
    { "1", "推进集团化办学", "高学芳", "各中小学校、幼儿园", "2", "", "! No report",
      "2023-12-31" },
  };
  g_autofree char *xlsx = write_workbook (f, "2023-06-30", NULL);
  g_autoptr(GPtrArray) first = read_sheet (f, xlsx, 0, TRUE);
  g_autoptr(GPtrArray) second = read_sheet (f, xlsx, 1, TRUE);
  g_autoptr(GPtrArray) raw = read_sheet (f, xlsx, 1, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) table = NULL;
  gsize length = 0;

  /* Title, as-of date, status counts on top. */
  g_assert_cmpstr (cell (first, 0, 0), ==, "金凤区教育党工委　金凤区教育局　2023年工作要点");
  g_assert_cmpstr (cell (first, 1, 0), ==, "As of Jun 30, 2023");
  g_assert_cmpstr (cell (first, 2, 0), ==, "✓ Done 0　　● On track 0　　▲ At risk 1　　▼ Behind 2"
                                           "　　! No report 1　　× Overdue 0　　○ Not started 0");
  g_assert_cmpstr (cell (second, 0, 0), ==, cell (first, 0, 0));
  g_assert_cmpstr (cell (second, 1, 0), ==, "As of Jun 30, 2023");

  g_assert_cmpuint (first->len, ==, 3 + G_N_ELEMENTS (overview));
  for (guint r = 0; r < G_N_ELEMENTS (overview); r++)
    for (guint c = 0; c < 8; c++)
      g_assert_cmpstr (cell (first, 3 + r, c), ==, overview[r][c]);

  /* The indicators sheet holds what the CSV export holds, with the
   * status symbols and the formats of a spreadsheet. */
  csv = jp_csv_export_indicators (f->plan, "2023-06-30", NULL, &length, &error);
  g_assert_no_error (error);
  table = jp_csv_parse (csv, length, ',', "csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 3 + table->len);
  for (guint r = 0; r < table->len; r++)
    for (guint c = 0; c < JP_CSV_N_COLUMNS; c++)
      {
        const char *expected = cell (table, r, c);
        g_autofree char *status = NULL;

        if (r > 0 && c == JP_CSV_COLUMN_STATUS)
          {
            JpStatus s;

            for (s = 0; s < JP_N_STATUSES; s++)
              if (strcmp (jp_status_get_label (s), expected) == 0)
                break;
            g_assert_cmpuint (s, <, JP_N_STATUSES);
            expected = status = g_strdup_printf ("%s %s", jp_status_get_symbol (s), expected);
          }
        g_assert_cmpstr (cell (second, 3 + r, c), ==, expected);
      }

  /* Numbers are numbers, percentages fractions, dates dates. */
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_NUMBER), ==, "1");
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_TARGET), ==, "90");
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_VALUE), ==, "72");
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_COMPLETION), ==, "0.8");
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_LAST_DATE), ==, "45107"); /* 2023-06-30 */
  g_assert_cmpstr (cell (raw, 8, JP_CSV_COLUMN_TARGET_MAX), ==, "5");
  g_assert_cmpstr (cell (raw, 9, JP_CSV_COLUMN_TARGET), ==, "4.7");
}

/* Status cells carry the status colour; the header rows are frozen; the
 * text columns are wider than the number columns. */
static void
test_format (Fixture       *f,
             gconstpointer  data)
{
  static const JpStatus statuses[] = {
    JP_STATUS_ON_TRACK, JP_STATUS_AT_RISK, JP_STATUS_BEHIND, JP_STATUS_NO_REPORT,
  };
  g_autofree char *xlsx = write_workbook (f, "2023-06-30", NULL);
  g_autofree char *html = read_converted (f, xlsx, "Gnumeric_html:html40", "book.html");
  g_autofree char *xml = read_converted (f, xlsx, "Gnumeric_XmlIO:sax:0", "book.xml");
  const char *p;
  guint n_frozen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", jp_status_get_symbol (statuses[i]),
                                                jp_status_get_label (statuses[i]));
      g_autofree char *escaped = html_escape (label);
      g_autofree char *needle = g_strdup_printf ("><b>%s</b></td>", escaped);
      g_autofree char *background = NULL;
      const char *at = strstr (html, needle);
      const char *td;
      double r, g, b;

      g_test_message ("%s", label);
      g_assert_nonnull (at);
      jp_status_get_rgb (statuses[i], &r, &g, &b);
      background = g_strdup_printf ("background:#%02X%02X%02X;", (guint) (r * 255 + 0.5),
                                    (guint) (g * 255 + 0.5), (guint) (b * 255 + 0.5));
      /* The <td> the label is in. */
      td = g_strrstr_len (html, at - html, "<td");
      g_assert_nonnull (td);
      g_assert_nonnull (g_strstr_len (td, at - td, background));
    }

  for (p = xml; (p = strstr (p, "<gnm:FreezePanes ")) != NULL; p++)
    {
      const char *end = strchr (p, '>');

      g_assert_nonnull (g_strstr_len (p, end - p, "UnfrozenTopLeft=\"A5\""));
      n_frozen++;
    }
  g_assert_cmpuint (n_frozen, ==, 2);

  /* Overview: the work item column (1) is wider than the number (0). */
  {
    const char *col0 = strstr (xml, "<gnm:ColInfo No=\"0\" Unit=\"");
    const char *col1 = strstr (xml, "<gnm:ColInfo No=\"1\" Unit=\"");
    double w0, w1;

    g_assert_nonnull (col0);
    g_assert_nonnull (col1);
    w0 = g_ascii_strtod (col0 + strlen ("<gnm:ColInfo No=\"0\" Unit=\""), NULL);
    w1 = g_ascii_strtod (col1 + strlen ("<gnm:ColInfo No=\"1\" Unit=\""), NULL);
    g_assert_cmpfloat (w0, >, 20);
    g_assert_cmpfloat (w1, >, 3 * w0);
  }
}

/* A leader's workbook: only that leader's items and indicators. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *xlsx = write_workbook (f, "2023-06-30", "leader:崔茜");
  g_autoptr(GPtrArray) first = read_sheet (f, xlsx, 0, TRUE);
  g_autoptr(GPtrArray) second = read_sheet (f, xlsx, 1, TRUE);

  g_assert_cmpstr (cell (first, 1, 0), ==, "As of Jun 30, 2023　　Leader: 崔茜");
  /* Header, one section, one item. */
  g_assert_cmpuint (first->len, ==, 3 + 3);
  g_assert_cmpstr (cell (first, 5, 1), ==, "扩大优质学位供给");
  g_assert_cmpuint (second->len, ==, 3 + 1 + 3);
  for (guint r = 4; r < second->len; r++)
    g_assert_cmpstr (cell (second, r, JP_CSV_COLUMN_LEADERS), ==, "崔茜");
}

/* In Chinese: sheet names, headings, dates, statuses. */
static void
test_zh_cn (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  /* Built with the project (po/); its absence is a build failure. */
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  xlsx = write_workbook (f, "2023-06-30", "unit:基建办");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");

  first = read_sheet (f, xlsx, 0, TRUE);
  second = read_sheet (f, xlsx, 1, TRUE);
  g_assert_cmpstr (cell (first, 1, 0), ==, "截至2023年6月30日　　责任单位：基建办");
  g_assert_cmpstr (cell (first, 3, 1), ==, "工作要点");
  g_assert_cmpstr (cell (first, 3, 4), ==, "指标数");
  g_assert_cmpstr (cell (first, 5, 6), ==, "▼ 进度滞后");
  g_assert_cmpstr (cell (second, 3, 0), ==, "部分");
  g_assert_cmpstr (cell (second, 3, JP_CSV_COLUMN_LAST_DATE), ==, "最近填报日期");
  g_assert_cmpstr (cell (second, 3, JP_CSV_COLUMN_DATE), ==, "填报日期");
  g_assert_cmpstr (cell (second, 3, JP_CSV_COLUMN_ID), ==, "指标编号");
  g_assert_cmpstr (cell (second, 3, JP_CSV_COLUMN_EXPECTED), ==, "应达");
  g_assert_cmpstr (cell (second, 3, JP_CSV_COLUMN_FLAGS), ==, "标记");
  g_assert_cmpstr (cell (first, 3, 8), ==, "应达");
  g_assert_cmpstr (cell (first, 3, 9), ==, "标记");
  g_assert_cmpstr (cell (second, 4, JP_CSV_COLUMN_KIND), ==, "不低于");
  g_assert_cmpstr (cell (second, 4, JP_CSV_COLUMN_STATUS), ==, "● 正常推进");

  xml = read_converted (f, xlsx, "Gnumeric_XmlIO:sax:0", "book.xml");
  g_assert_nonnull (strstr (xml, "<gnm:Name>总体情况</gnm:Name>"));
  g_assert_nonnull (strstr (xml, "<gnm:Name>指标</gnm:Name>"));
}

/* Failures leave no file behind, and an existing file as it was. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *xlsx = write_workbook (f, NULL, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "none", "x.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  gsize before_length = 0;
  gsize after_length = 0;

  g_file_get_contents (xlsx, &before, &before_length, &error);
  g_assert_no_error (error);

  g_assert_false (jp_xlsx_write_plan (f->plan, NULL, "leader:王五", xlsx, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_clear_error (&error);
  g_assert_false (jp_xlsx_write_plan (f->plan, "2023-02-30", NULL, xlsx, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_file_get_contents (xlsx, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_length, before, before_length);

  g_assert_false (jp_xlsx_write_plan (f->plan, NULL, NULL, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));

  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

/* Text that a spreadsheet program would take for a formula is written as a
 * string cell (worksheet_write_string() never writes a formula): read back,
 * the cells hold the text itself, not what the formula would make of it. */
static void
test_formula_text (Fixture       *f,
                   gconstpointer  data)
{
  static const char hyperlink[] = "=HYPERLINK(\"http://evil.example/\",\"点击\")";
  g_autoptr(GPtrArray) items = jp_plan_dup_items (f->plan);
  JpItem *item = g_ptr_array_index (items, 0);
  g_autoptr(JpIndicator) indicator = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  g_autofree char *xml = NULL;

  jp_item_set_title (item, hyperlink);
  jp_indicator_set_name (indicator, "=1+2");
  jp_indicator_set_unit (indicator, "-3+4");

  xlsx = write_workbook (f, "2023-06-30", NULL);
  first = read_sheet (f, xlsx, 0, TRUE);
  second = read_sheet (f, xlsx, 1, TRUE);
  raw = read_sheet (f, xlsx, 1, FALSE);

  g_assert_cmpstr (cell (first, 5, 1), ==, hyperlink);
  g_assert_cmpstr (cell (second, 4, JP_CSV_COLUMN_ITEM), ==, hyperlink);
  g_assert_cmpstr (cell (second, 4, JP_CSV_COLUMN_INDICATOR), ==, "=1+2");
  g_assert_cmpstr (cell (second, 4, JP_CSV_COLUMN_UNIT), ==, "-3+4");
  g_assert_cmpstr (cell (raw, 4, JP_CSV_COLUMN_INDICATOR), ==, "=1+2");

  /* No cell of the workbook is a formula: in Gnumeric's XML a formula
   * cell is "<gnm:Cell Row=… Col=…>=…" without a ValueType, a string cell
   * has ValueType 60. */
  xml = read_converted (f, xlsx, "Gnumeric_XmlIO:sax:0", "book.xml");
  g_assert_nonnull (strstr (xml, "ValueType=\"60\">=1+2</gnm:Cell>"));
  for (const char *p = xml; (p = strstr (p, "<gnm:Cell ")) != NULL; p++)
    {
      const char *end = strchr (p, '>');

      g_assert_nonnull (end);
      if (end[1] == '=')
        g_assert_nonnull (g_strstr_len (p, end - p, "ValueType=\"60\""));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/xlsx/cells", test_cells);
  ADD ("/jp/xlsx/format", test_format);
  ADD ("/jp/xlsx/filter", test_filter);
  ADD ("/jp/xlsx/zh-cn", test_zh_cn);
  ADD ("/jp/xlsx/errors", test_errors);
  ADD ("/jp/xlsx/formula-text", test_formula_text);

#undef ADD

  return g_test_run ();
}
