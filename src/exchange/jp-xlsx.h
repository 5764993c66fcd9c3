#pragma once

#include <gio/gio.h>

#include "jp-model.h"
#include "jp-output.h"

G_BEGIN_DECLS

/* The workbook for leaders (README, "Usage": --export-xlsx), written with
 * libxlsxwriter. Two sheets, each with the plan title and the as-of date on
 * top and a frozen, repeated header row:
 * - the overview: the selected items under their sections, with leaders,
 *   units, number of indicators, completion (a percentage) and status (its
 *   word on its colour), due date;
 * - the indicators: the columns of the indicator table (jp-csv.h), numbers
 *   as numbers, completion as a percentage, dates as dates.
 * Columns are sized for Chinese text; pages are A4 landscape, one page wide.
 * @as_of NULL: the plan's default; @spec as jp_csv_select_items().
 * The file is written atomically (a failure leaves no half-written file,
 * and an existing file as it was); errors are G_FILE_ERROR, or
 * JP_REPORT_ERROR for @spec. */
gboolean  jp_xlsx_write_plan (JpPlan      *plan,
                              const char  *as_of,
                              const char  *spec,
                              const char  *path,
                              GError     **error);
/* The same into @output (jp-output.h), closed but not committed: the
 * caller renames it into place with jp_output_commit(). */
gboolean  jp_xlsx_write_output (JpPlan      *plan,
                                const char  *as_of,
                                const char  *spec,
                                JpOutput    *output,
                                GError     **error);

G_END_DECLS
