#pragma once

#include <gio/gio.h>

#include "jp-model.h"
#include "jp-store.h"

G_BEGIN_DECLS

/* Progress values collected in a spreadsheet (DESIGN.md
 * "--import-progress"). The file is the exported indicator table
 * (jp-csv.h) with 当前值 filled in (and optional 日期 and 说明 columns), or
 * any CSV with 序号, 指标, 日期, 数值, 说明 columns in any order (English
 * headings too; extra columns ignored), in UTF-8 with or without a BOM,
 * GB18030 (as WPS and Excel save "CSV") or UTF-16 with a BOM.
 *
 * Two steps, so that a window can show a preview:
 * - jp_progress_import_new_for_bytes()/_for_file() reads the file, matches
 *   each row to its indicator (item number + exact name, then a unique
 *   prefix) and validates it (number, date inside the plan period), writing
 *   nothing. The result is a GListModel of JpProgressRow: one per row that
 *   holds a value (rows without one are not listed), in file order;
 * - jp_progress_import_commit() records each valid row with
 *   jp_store_add_progress(), one transaction per row.
 *
 * A row already recorded (an entry of the same date and value) is skipped,
 * so that importing the same file twice changes nothing. A row without a
 * date is dated at the as-of date; in the exported table, a row whose
 * 当前值 is still the one recorded on its 最近填报日期 is unchanged and
 * skipped. */

typedef enum
{
  JP_PROGRESS_ROW_NEW,       /* valid: the commit records it */
  JP_PROGRESS_ROW_DUPLICATE, /* already recorded (same date and value): skipped */
  JP_PROGRESS_ROW_INVALID,   /* cannot be recorded: see the message */
  JP_PROGRESS_ROW_COMMITTED, /* recorded by the commit */
  JP_PROGRESS_ROW_FAILED,    /* the store refused it during the commit */
} JpProgressRowState;

#define JP_TYPE_PROGRESS_ROW (jp_progress_row_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressRow, jp_progress_row, JP, PROGRESS_ROW, GObject)

/* The line of the file the row starts on (1-based). */
guint               jp_progress_row_get_line           (JpProgressRow *self);
/* "state" (notified when the commit changes it). */
JpProgressRowState  jp_progress_row_get_state          (JpProgressRow *self);
/* Why the row is invalid or failed, or which entry it duplicates;
 * translated, without file name or line. NULL for a new row. */
const char         *jp_progress_row_get_message        (JpProgressRow *self);
/* The cells as written in the file. */
const char         *jp_progress_row_get_item_text      (JpProgressRow *self);
const char         *jp_progress_row_get_indicator_text (JpProgressRow *self);
const char         *jp_progress_row_get_value_text     (JpProgressRow *self);
/* What the row matched and means (NULL/0 when it did not get that far).
 * Borrowed from the plan. */
JpItem             *jp_progress_row_get_item           (JpProgressRow *self);
JpIndicator        *jp_progress_row_get_indicator      (JpProgressRow *self);
const char         *jp_progress_row_get_date           (JpProgressRow *self);
double              jp_progress_row_get_value          (JpProgressRow *self);
const char         *jp_progress_row_get_note           (JpProgressRow *self);

#define JP_TYPE_PROGRESS_IMPORT (jp_progress_import_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressImport, jp_progress_import, JP, PROGRESS_IMPORT, GObject)

/* Reads and validates @bytes against @plan (holding a reference to it).
 * @display_name names the file in messages; @as_of dates the rows without
 * a date (NULL: the plan's default as-of); @spec ("leader:NAME",
 * "unit:NAME", NULL for all) restricts the rows to those items. Fails only
 * for the file as a whole (JP_IMPORT_ERROR: not text, bad encoding, no
 * header row with the needed columns, an unclosed quote; JP_REPORT_ERROR
 * for a bad @spec); a bad row is an invalid JpProgressRow. */
JpProgressImport   *jp_progress_import_new_for_bytes   (JpPlan        *plan,
                                                        GBytes        *bytes,
                                                        const char    *display_name,
                                                        const char    *as_of,
                                                        const char    *spec,
                                                        GError       **error)
                                                        G_GNUC_WARN_UNUSED_RESULT;
JpProgressImport   *jp_progress_import_new_for_file    (JpPlan        *plan,
                                                        GFile         *file,
                                                        const char    *as_of,
                                                        const char    *spec,
                                                        GCancellable  *cancellable,
                                                        GError       **error)
                                                        G_GNUC_WARN_UNUSED_RESULT;

JpPlan             *jp_progress_import_get_plan        (JpProgressImport *self);
const char         *jp_progress_import_get_display_name (JpProgressImport *self);
/* The date given to rows without one. */
const char         *jp_progress_import_get_as_of       (JpProgressImport *self);
/* "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE": what the file was. */
const char         *jp_progress_import_get_encoding    (JpProgressImport *self);
/* Rows in a state (JP_PROGRESS_ROW_…). */
guint               jp_progress_import_count           (JpProgressImport   *self,
                                                        JpProgressRowState  state);
/* Invalid plus failed rows. */
guint               jp_progress_import_get_n_errors    (JpProgressImport *self);

/* Called after each row the commit recorded. */
typedef void      (*JpProgressRowFunc)                 (JpProgressRow *row,
                                                        gpointer       user_data);

/* Records every new row, each in its own transaction (rows checked again
 * against what is recorded by then). A row the store refuses becomes
 * JP_PROGRESS_ROW_FAILED and the others go on. Returns FALSE, with
 * nothing written, when the store cannot be written at all (read-only:
 * JP_STORE_ERROR_READ_ONLY), or when @cancellable is cancelled (the rows
 * recorded before stay recorded). Also returns FALSE, with the store's
 * error, when a row fails because the database as a whole cannot take
 * it (BUSY, FULL, READ_ONLY, CORRUPT, OPEN, MOVED): the rows recorded
 * before stay recorded, that row is failed, the rest are not tried.
 * Commit once. */
gboolean            jp_progress_import_commit          (JpProgressImport  *self,
                                                        JpStore           *store,
                                                        JpProgressRowFunc  row_func,
                                                        gpointer           user_data,
                                                        GCancellable      *cancellable,
                                                        GError           **error);

/* The command line's --import-progress=FILE (DESIGN.md): reads @path (named
 * as typed in messages), checks it against @plan, records the new rows,
 * prints one line per recorded row and then "imported N progress values,
 * skipped M, failed K" on standard output, and each failed row as
 * "jinfeng-plan: FILE:LINE: reason" on standard error. Returns FALSE with
 * @error when the file cannot be used, or when some rows failed (the rows
 * recorded stay recorded). */
gboolean            jp_progress_import_run             (JpStore       *store,
                                                        JpPlan        *plan,
                                                        const char    *path,
                                                        const char    *as_of,
                                                        const char    *spec,
                                                        GError       **error);

G_END_DECLS
