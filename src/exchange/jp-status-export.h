#pragma once

#include <gio/gio.h>

#include "jp-model.h"

G_BEGIN_DECLS

typedef enum
{
  JP_STATUS_EXPORT_JSON,
  JP_STATUS_EXPORT_CSV,
} JpStatusExportFormat;

/* The computed figures of a plan as of a date, for a selection (a
 * --report spec: NULL or "summary", "leader:NAME", "unit:NAME"): the
 * headline, then per section, item and indicator, the progress, expected
 * progress, status and flags that the window, the dashboard and the
 * reports show, from the same model functions and with the same rounding
 * (jp_round_percent). @as_of NULL: the plan's default. The format of each
 * is in docs/status-export.md. */
char        *jp_status_export          (JpPlan                *plan,
                                        const char            *as_of,
                                        const char            *spec,
                                        JpStatusExportFormat   format,
                                        gsize                 *length,
                                        GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* The format of @path by its suffix: ".csv" is CSV, anything else (".json",
 * "-") JSON. */
JpStatusExportFormat jp_status_export_format_for_path (const char *path);

G_END_DECLS
