#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"
#include "jp-report.h"

G_BEGIN_DECLS

/* What the dialog makes of the report it lets the user choose. */
typedef enum
{
  JP_EXPORT_PDF,         /* Export PDF… : a PDF file */
  JP_EXPORT_SPREADSHEET, /* Export Spreadsheet… : an .xlsx workbook or a .csv table */
  JP_EXPORT_PRINT,       /* Print… : the report through GtkPrintOperation (jp-print.h) */
} JpExportMode;

typedef enum
{
  JP_EXPORT_FORMAT_XLSX,
  JP_EXPORT_FORMAT_CSV,
} JpExportFormat;

#define JP_TYPE_EXPORT_DIALOG (jp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpExportDialog, jp_export_dialog, JP, EXPORT_DIALOG, JpEditorDialog)

/* The report of @plan to export or print: the whole plan, one leader's or
 * one unit's work points, with the status as of a date (default min(today,
 * plan end)). Confirming (dialog.save) asks for the file
 * (GtkFileChooserNative) unless a destination is set, then takes a
 * snapshot of the plan on the main thread and does the work in a thread on
 * that snapshot, so that edits made meanwhile are safe and not half in the
 * file; a progress bar shows how far it got, Cancel stops it and leaves no
 * file. When the file is written, "exported" is emitted with it and the
 * dialog closes; for printing, the print dialog opens instead. */
JpExportDialog *jp_export_dialog_new             (JpPlan          *plan,
                                                  JpExportMode     mode) G_GNUC_WARN_UNUSED_RESULT;
JpExportMode    jp_export_dialog_get_mode        (JpExportDialog  *self);

JpReportKind    jp_export_dialog_get_kind        (JpExportDialog  *self);
void            jp_export_dialog_set_kind        (JpExportDialog  *self,
                                                  JpReportKind     kind);
/* The leader or unit of the report (NULL for the summary). Setting a name
 * the plan does not have selects nothing. */
const char     *jp_export_dialog_get_name        (JpExportDialog  *self);
void            jp_export_dialog_set_name        (JpExportDialog  *self,
                                                  const char      *name);
/* ISO date; NULL while the text is not a date. */
const char     *jp_export_dialog_get_as_of       (JpExportDialog  *self);
void            jp_export_dialog_set_as_of       (JpExportDialog  *self,
                                                  const char      *as_of);
/* Spreadsheet mode only. */
JpExportFormat  jp_export_dialog_get_format      (JpExportDialog  *self);
void            jp_export_dialog_set_format      (JpExportDialog  *self,
                                                  JpExportFormat   format);
/* The file to write without asking (tests, and callers that know it);
 * NULL: ask with a file chooser. */
void            jp_export_dialog_set_destination (JpExportDialog  *self,
                                                  GFile           *file);
/* The database the window has open: an export refuses it, its -wal, -shm
 * and -journal files as targets (jp_output_check_target()). */
void            jp_export_dialog_set_database    (JpExportDialog  *self,
                                                  const char      *db_path);
/* "running": TRUE while the work runs in its thread. */
gboolean        jp_export_dialog_get_running     (JpExportDialog  *self);
/* The error of the last run, shown in the dialog (NULL: none). */
const char     *jp_export_dialog_get_error       (JpExportDialog  *self);

/* The report spec of the command line ("summary", "leader:NAME",
 * "unit:NAME", "bulletin") for @kind and @name. */
char           *jp_export_dup_spec               (JpReportKind     kind,
                                                  const char      *name) G_GNUC_WARN_UNUSED_RESULT;
/* A toast "Exported “NAME”" whose Open button shows @file with the
 * desktop's application for it (gtk_show_uri), over @parent. */
AdwToast       *jp_export_toast_new              (GtkWindow       *parent,
                                                  GFile           *file) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
