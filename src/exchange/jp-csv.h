#pragma once

#include <gio/gio.h>

#include "jp-model.h"
#include "jp-output.h"

G_BEGIN_DECLS

/* The indicator table for spreadsheet users (README, "Usage": --export-csv):
 * one row per indicator, these columns, headings translated (the zh_CN
 * headings are 章节, 序号, 工作要点, 责任领导, 责任单位, 指标, 类型, 目标,
 * 上限, 单位, 当前值, 填报日期, 完成率, 状态, 最近填报日期, 应达, 标记, 指标编号). The
 * same columns make the indicators sheet of the workbook (jp-xlsx.h), and
 * the progress import (jp-progress-import.h) reads the table back: a unit
 * fills in 当前值 and 填报日期 (left empty by the export: the date of the
 * new value), and 指标编号 (the indicator's ID in the database) tells apart
 * indicators of the same name. */
typedef enum
{
  JP_CSV_COLUMN_SECTION,
  JP_CSV_COLUMN_NUMBER,
  JP_CSV_COLUMN_ITEM,
  JP_CSV_COLUMN_LEADERS,
  JP_CSV_COLUMN_UNITS,
  JP_CSV_COLUMN_INDICATOR,
  JP_CSV_COLUMN_KIND,
  JP_CSV_COLUMN_TARGET,
  JP_CSV_COLUMN_TARGET_MAX,
  JP_CSV_COLUMN_UNIT,
  JP_CSV_COLUMN_VALUE,
  JP_CSV_COLUMN_DATE,
  JP_CSV_COLUMN_COMPLETION,
  JP_CSV_COLUMN_STATUS,
  JP_CSV_COLUMN_LAST_DATE,
  JP_CSV_COLUMN_EXPECTED,   /* 应达: e at as-of */
  JP_CSV_COLUMN_FLAGS,      /* 逾期未报送, 自报与指标不符 */
  JP_CSV_COLUMN_ID,
} JpCsvColumn;

#define JP_CSV_N_COLUMNS (JP_CSV_COLUMN_ID + 1)

/* One record of a CSV file: its fields (UTF-8, unquoted) and the line of
 * the file it starts on (1-based). */
typedef struct
{
  guint       line;
  GPtrArray  *fields; /* of char *, owned */
} JpCsvRecord;

void         jp_csv_record_free        (JpCsvRecord   *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpCsvRecord, jp_csv_record_free)

/* The translated heading of a column ("状态" in zh_CN, "Status" in C). */
const char  *jp_csv_column_get_heading (JpCsvColumn    column);

/* The section as the table names it: "一、坚持党建引领…". */
char        *jp_csv_dup_section_label  (JpSection     *section) G_GNUC_WARN_UNUSED_RESULT;
/* The indicator as the table names it: its name, else its source text. */
const char  *jp_csv_indicator_get_label (JpIndicator  *indicator);
/* The flags beside a status, as a cell says them ("逾期未报送、自报与指标
 *不符"; empty: none): the late report of @progress, the self-report of
 * @item_progress (NULL: none). */
char        *jp_csv_dup_flags          (const JpProgress  *progress,
                                        const JpProgress  *item_progress) G_GNUC_WARN_UNUSED_RESULT;
/* The text of one cell of @indicator's row; @progress is its evaluation
 * (jp_indicator_evaluate) at @as_of. Numbers are written as
 * jp_format_number() writes them, without thousands separators; the
 * completion as jp_format_percent(); empty when there is no value. */
char        *jp_csv_dup_cell           (JpIndicator       *indicator,
                                        const JpProgress  *progress,
                                        const char        *as_of,
                                        JpCsvColumn        column) G_GNUC_WARN_UNUSED_RESULT;

/* The items of @plan that a --report spec selects, in plan order (array of
 * borrowed JpItem): NULL, "" or "summary" every item, "leader:NAME" the
 * items that name the leader, "unit:NAME" the items of the unit (as
 * responsible or partner unit, as in its PDF report). @label (out,
 * nullable) receives a translated description of the selection ("Leader
 * 张学兵"), NULL for the whole plan. Errors are JP_REPORT_ERROR (a bad spec,
 * a name that is not in the plan). */
GPtrArray   *jp_csv_select_items       (JpPlan        *plan,
                                        const char    *spec,
                                        char         **label,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The table of the selected indicators as of @as_of (NULL: the plan's
 * default), RFC 4180: UTF-8 with a byte-order mark, CRLF line ends, fields
 * quoted when they hold a comma, a quote, a line break or edge spaces. */
char        *jp_csv_export_indicators  (JpPlan        *plan,
                                        const char    *as_of,
                                        const char    *spec,
                                        gsize         *length,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same written to @path atomically (a failure leaves no half-written
 * file, and an existing file as it was). */
gboolean     jp_csv_write_indicators   (JpPlan        *plan,
                                        const char    *as_of,
                                        const char    *spec,
                                        const char    *path,
                                        GError       **error);
/* The same into @output (jp-output.h), flushed and closed but not
 * committed: the caller renames it into place with jp_output_commit(). */
gboolean     jp_csv_write_output       (JpPlan        *plan,
                                        const char    *as_of,
                                        const char    *spec,
                                        JpOutput      *output,
                                        GError       **error);

/* Appends @text to @out as one CSV field (quoted when needed). */
void         jp_csv_append_field       (GString       *out,
                                        const char    *text);
/* The same for a text column (a name, a title), against formula
 * injection (OWASP "CSV injection"): a text that a spreadsheet program
 * would take for a formula, one that starts with "=", "+", "-", "@", a tab
 * or a carriage return (after any spaces and apostrophes), gets a leading
 * apostrophe: "=HYPERLINK(…)" is written "'=HYPERLINK(…)" and shows as
 * text. Number columns are written with jp_csv_append_field(). */
void         jp_csv_append_text_field  (GString       *out,
                                        const char    *text);
/* Whether jp_csv_append_text_field() adds an apostrophe to @text. */
gboolean     jp_csv_text_needs_guard   (const char    *text);
/* @text without the apostrophe that jp_csv_append_text_field() added, if
 * it did (a pointer into @text): what reads the table back gets the text
 * that was exported. Any other text is returned as it is. */
const char  *jp_csv_strip_guard        (const char    *text);
/* Splits UTF-8 CSV text into records (array of JpCsvRecord), RFC 4180 with
 * the usual leniencies: CRLF, LF or CR line ends, a missing final line end,
 * @separator ',' or '\t' (or ';'). Records of empty lines are dropped. An
 * unterminated quoted field is a JP_IMPORT_ERROR_PARSE error "NAME:LINE:
 * …" (@display_name names the file). */
GPtrArray   *jp_csv_parse              (const char    *text,
                                        gsize          length,
                                        char           separator,
                                        const char    *display_name,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Called with each record as it is read (transfer full: free it with
 * jp_csv_record_free()); FALSE stops the reading. */
typedef gboolean (*JpCsvRecordFunc)            (JpCsvRecord   *record,
                                                gpointer       user_data);
/* The same, one record at a time, without holding them all (memory in
 * the size of one record). FALSE with the error of an unclosed quote;
 * TRUE otherwise, also when @func stopped the reading. */
gboolean     jp_csv_parse_each         (const char      *text,
                                        gsize            length,
                                        char             separator,
                                        const char      *display_name,
                                        JpCsvRecordFunc  func,
                                        gpointer         user_data,
                                        GError         **error);

G_END_DECLS
