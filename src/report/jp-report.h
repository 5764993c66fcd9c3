#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "jp-model.h"
#include "jp-report-layout.h"

G_BEGIN_DECLS

#define JP_REPORT_ERROR (jp_report_error_quark ())

typedef enum
{
  JP_REPORT_ERROR_UNKNOWN_KIND,   /* --report=bogus */
  JP_REPORT_ERROR_UNKNOWN_NAME,   /* leader:NAME not in the plan (lists the known ones) */
  JP_REPORT_ERROR_WRITE,          /* cannot write the file */
  JP_REPORT_ERROR_CANCELLED,
} JpReportError;

typedef enum
{
  JP_REPORT_SUMMARY,
  JP_REPORT_LEADER,
  JP_REPORT_UNIT,
  JP_REPORT_BULLETIN,             /* 督查通报: the items grouped by status */
} JpReportKind;

/* Which item updates (进展情况, 存在问题, 下步打算) the report shows under
 * each item. */
typedef enum
{
  JP_REPORT_UPDATES_LATEST,       /* the latest on or before the as-of date */
  JP_REPORT_UPDATES_ALL,          /* every one of the period, newest first */
} JpReportUpdates;

/* What a report shows besides its kind; NULL means the defaults (all
 * fields zero). */
typedef struct
{
  JpReportUpdates updates;
} JpReportOptions;

GQuark     jp_report_error_quark (void);

/* "summary", "leader:NAME", "unit:NAME", "bulletin". */
gboolean   jp_report_parse_spec  (const char    *spec,
                                  JpReportKind  *kind,
                                  char         **name,
                                  GError       **error);

/* Lays out and writes the report as an A4 PDF at @path (atomically: a
 * failed export leaves no half-written file). @as_of NULL = default. */
gboolean   jp_report_write_pdf   (JpPlan        *plan,
                                  JpReportKind   kind,
                                  const char    *name,
                                  const char    *as_of,
                                  const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* The same with options (NULL: the defaults) and a progress callback
 * (called after each page is written, on the thread that writes). */
gboolean   jp_report_write_pdf_full (JpPlan               *plan,
                                     JpReportKind          kind,
                                     const char           *name,
                                     const char           *as_of,
                                     const JpReportOptions *options,
                                     const char           *path,
                                     JpReportProgressFunc  progress,
                                     gpointer              user_data,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* The same into @output (jp-output.h), closed but not committed: the
 * caller renames it into place with jp_output_commit(). */
gboolean   jp_report_write_pdf_output (JpPlan               *plan,
                                       JpReportKind          kind,
                                       const char           *name,
                                       const char           *as_of,
                                       const JpReportOptions *options,
                                       JpOutput             *output,
                                       GError              **error);

/* Builds and paginates the report without writing it: for printing
 * (jp_report_layout_draw_page() on each page of a GtkPrintOperation) and
 * for tests (page count, where each table row went). The layout holds no
 * reference to @plan. Errors as jp_report_write_pdf(). */
JpReportLayout *jp_report_build     (JpPlan               *plan,
                                     JpReportKind          kind,
                                     const char           *name,
                                     const char           *as_of,
                                     GCancellable         *cancellable,
                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same with options (NULL: the defaults). */
JpReportLayout *jp_report_build_full (JpPlan               *plan,
                                      JpReportKind          kind,
                                      const char           *name,
                                      const char           *as_of,
                                      const JpReportOptions *options,
                                      GCancellable         *cancellable,
                                      GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* "latest" or "all" (--report-updates). */
gboolean   jp_report_updates_from_string (const char       *text,
                                          JpReportUpdates  *updates,
                                          GError          **error);

G_END_DECLS
