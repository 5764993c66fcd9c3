#pragma once

#include <gio/gio.h>

#include "jp-model.h"
#include "jp-store.h"

G_BEGIN_DECLS

/* Progress values collected in a spreadsheet (README, "Usage",
 * "--import-progress"). The file is the exported indicator table
 * (jp-csv.h) with 当前值 and 填报日期 filled in (and an optional 说明
 * column), or any CSV with 序号, 指标, 日期, 数值, 说明 columns in any order
 * (English headings too; extra columns ignored), in UTF-8 with or without
 * a BOM, GB18030 (as WPS and Excel save "CSV") or UTF-16 with a BOM.
 *
 * Two steps, so that a window can show a preview:
 * - jp_progress_import_new_for_bytes()/_for_file() reads the file, matches
 *   each row to its indicator (the 指标编号 column when the row has one;
 *   else item number + exact name, then a unique prefix) and validates it
 *   (number, a value the indicator's kind can take, date inside the plan
 *   period), writing nothing. The result is a GListModel of JpProgressRow:
 *   one per row that holds a value (rows without one are not listed), in
 *   file order;
 * - jp_progress_import_commit() records every new or changed row in one
 *   transaction, all or nothing: a file with an invalid row records none.
 *
 * A row already recorded (an entry of the same date and value) is skipped,
 * so that importing the same file twice changes nothing. A row for a date
 * that already has an entry with another value is a change: it replaces
 * that value (one entry per indicator and date). A row without a date is
 * invalid unless a date for the rows without one is given (never the
 * as-of date, nor 最近填报日期); in the exported table, a row whose 当前值
 * is still the one recorded on its 最近填报日期 is unchanged and skipped.
 * The checks take time linear in the rows and the histories. */

typedef enum
{
  JP_PROGRESS_ROW_NEW,       /* valid: the commit records it */
  JP_PROGRESS_ROW_DUPLICATE, /* already recorded (same date and value): skipped */
  JP_PROGRESS_ROW_INVALID,   /* cannot be recorded: see the message */
  JP_PROGRESS_ROW_COMMITTED, /* recorded by the commit */
  JP_PROGRESS_ROW_FAILED,    /* not set since the commit is all or nothing */
  JP_PROGRESS_ROW_CHANGE,    /* valid: replaces another value of that date */
} JpProgressRowState;

/* A table larger than this is refused before it is read; one with more
 * rows holding a value than JP_PROGRESS_MAX_ROWS when it is read
 * (JP_IMPORT_ERROR_TOO_LARGE). The records are read one at a time:
 * memory goes with the rows that hold a value, not with the file. */
#define JP_PROGRESS_MAX_SIZE (32 * 1000 * 1000)
#define JP_PROGRESS_MAX_ROWS 200000

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
/* The file gives no date for the row (it has the date for the rows
 * without one, or is invalid without it). */
gboolean            jp_progress_row_get_undated        (JpProgressRow *self);
/* For a change: the value it replaces (0 otherwise). */
double              jp_progress_row_get_old_value      (JpProgressRow *self);

#define JP_TYPE_PROGRESS_IMPORT (jp_progress_import_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressImport, jp_progress_import, JP, PROGRESS_IMPORT, GObject)

/* Reads and validates @bytes against @plan (holding a reference to it).
 * @display_name names the file in messages; @undated_date dates the rows
 * without a date (NULL: such rows are invalid); @spec ("leader:NAME",
 * "unit:NAME", NULL for all) restricts the rows to those items. Fails only
 * for the file as a whole (JP_IMPORT_ERROR: not text, bad encoding, no
 * header row with the needed columns, an unclosed quote; JP_REPORT_ERROR
 * for a bad @spec); a bad row is an invalid JpProgressRow. */
JpProgressImport   *jp_progress_import_new_for_bytes   (JpPlan        *plan,
                                                        GBytes        *bytes,
                                                        const char    *display_name,
                                                        const char    *undated_date,
                                                        const char    *spec,
                                                        GError       **error)
                                                        G_GNUC_WARN_UNUSED_RESULT;
JpProgressImport   *jp_progress_import_new_for_file    (JpPlan        *plan,
                                                        GFile         *file,
                                                        const char    *undated_date,
                                                        const char    *spec,
                                                        GCancellable  *cancellable,
                                                        GError       **error)
                                                        G_GNUC_WARN_UNUSED_RESULT;

/* Refuses, before it is read, a file that is not a regular file (a FIFO,
 * a device, a folder) or is larger than JP_PROGRESS_MAX_SIZE
 * (JP_IMPORT_ERROR_READ, _TOO_LARGE; the message names the file). */
gboolean            jp_progress_import_check_file      (GFile         *file,
                                                        GCancellable  *cancellable,
                                                        GError       **error);

JpPlan             *jp_progress_import_get_plan        (JpProgressImport *self);
const char         *jp_progress_import_get_display_name (JpProgressImport *self);
/* The date given to rows without one (NULL: none, they are invalid). */
const char         *jp_progress_import_get_undated_date (JpProgressImport *self);
/* Gives the rows without a date @date (NULL: none) and checks every row
 * again (before the commit only). FALSE with JP_IMPORT_ERROR_BAD_VALUE
 * when @date is not a date inside the plan period. */
gboolean            jp_progress_import_set_undated_date (JpProgressImport  *self,
                                                         const char        *date,
                                                         GError           **error);
/* Rows that have no date in the file. */
guint               jp_progress_import_get_n_undated   (JpProgressImport *self);
/* "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE": what the file was. */
const char         *jp_progress_import_get_encoding    (JpProgressImport *self);
/* Rows in a state (JP_PROGRESS_ROW_…). */
guint               jp_progress_import_count           (JpProgressImport   *self,
                                                        JpProgressRowState  state);
/* Rows the commit records: new plus changed. */
guint               jp_progress_import_get_n_to_record (JpProgressImport *self);
/* Invalid plus failed rows. */
guint               jp_progress_import_get_n_errors    (JpProgressImport *self);

/* Called after each row the commit recorded. */
typedef void      (*JpProgressRowFunc)                 (JpProgressRow *row,
                                                        gpointer       user_data);

/* Records every new and changed row in one transaction (rows checked
 * again against what is recorded by then), then marks them
 * JP_PROGRESS_ROW_COMMITTED and calls @row_func for each. All or nothing:
 * returns FALSE, with nothing written, when a row is invalid
 * (JP_IMPORT_ERROR_BAD_VALUE), when the store cannot be written
 * (read-only: JP_STORE_ERROR_READ_ONLY) or refuses the transaction (its
 * error: BUSY, FULL …, the message saying that nothing was imported), or
 * when @cancellable is cancelled. Commit once (a failed commit may be
 * tried again). */
gboolean            jp_progress_import_commit          (JpProgressImport  *self,
                                                        JpStore           *store,
                                                        JpProgressRowFunc  row_func,
                                                        gpointer           user_data,
                                                        GCancellable      *cancellable,
                                                        GError           **error);

/* The command line's --import-progress=FILE (README, "Usage"): reads @path (named
 * as typed in messages), checks it against @plan (@undated_date: the date
 * of the rows without one, NULL: none), and records all its rows or none.
 * With an invalid row, prints each (at most 20, then how many more) as
 * "jinfeng-plan: FILE:LINE: reason" on standard error and returns FALSE
 * with nothing recorded. Otherwise prints one line per recorded row (a
 * change as "old → new") and then "imported N progress values, changed
 * M, skipped K (already recorded)" on standard output. Returns FALSE with
 * @error when the file cannot be used or nothing could be recorded. */
gboolean            jp_progress_import_run             (JpStore       *store,
                                                        JpPlan        *plan,
                                                        const char    *path,
                                                        const char    *undated_date,
                                                        const char    *spec,
                                                        GError       **error);

G_END_DECLS
