#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates in the model are ISO 8601 calendar dates, "YYYY-MM-DD", held as
 * strings (NULL = not set). They sort with strcmp(). These helpers convert
 * them to day numbers for the status rules. */

gboolean  jp_date_parse          (const char  *iso,
                                  GDate       *out);
gboolean  jp_date_is_valid       (const char  *iso);
guint32   jp_date_julian         (const char  *iso);
char     *jp_date_format_iso     (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char     *jp_date_format_display (const char  *iso) G_GNUC_WARN_UNUSED_RESULT;
char     *jp_date_today_iso      (void) G_GNUC_WARN_UNUSED_RESULT;
int       jp_date_compare        (const char  *a,
                                  const char  *b);
/* A date as people type it: "2023-06-30", "2023-6-30", "2023/6/30",
 * "2023.6.30", "2023年6月30日", "20230630" (full-width digits too), with
 * spaces around. Returns the ISO date, or NULL when it is not a real
 * calendar date. */
char     *jp_date_parse_loose    (const char  *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
