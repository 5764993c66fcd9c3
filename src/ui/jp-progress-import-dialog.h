#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"
#include "jp-progress-import.h"
#include "jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_PROGRESS_IMPORT_DIALOG (jp_progress_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressImportDialog, jp_progress_import_dialog, JP, PROGRESS_IMPORT_DIALOG,
                      JpEditorDialog)

/* Import Progress…: progress values collected in a spreadsheet (a CSV file,
 * jp-progress-import.h) for @plan, recorded in @store. The dialog reads the
 * file and shows each row before anything is written: its line, work
 * point, target, date, value and what will become of it (imported,
 * skipped because already recorded, or refused with the reason). Import
 * (dialog.save) backs the database up and records the new rows, each in
 * its own transaction, then emits "imported" and closes (it stays open,
 * the failed rows marked, when some failed); Cancel writes nothing. */
JpProgressImportDialog *jp_progress_import_dialog_new         (JpPlan                 *plan,
                                                               JpStore                *store)
                                                               G_GNUC_WARN_UNUSED_RESULT;
/* Asks for the file (GtkFileChooserNative over the dialog); closes the
 * dialog when none is chosen and none was loaded. */
void                    jp_progress_import_dialog_choose_file (JpProgressImportDialog *self);
/* Reads @file (asynchronously) and shows its rows. */
void                    jp_progress_import_dialog_load_file   (JpProgressImportDialog *self,
                                                               GFile                  *file);
/* "loading": TRUE while the file is read. */
gboolean                jp_progress_import_dialog_get_loading (JpProgressImportDialog *self);
/* The rows of the file (NULL before it is read, or when it cannot be used). */
JpProgressImport       *jp_progress_import_dialog_get_import  (JpProgressImportDialog *self);
/* Why the file cannot be used, or why the import stopped (NULL: no error). */
const char             *jp_progress_import_dialog_get_error   (JpProgressImportDialog *self);
/* "Imported 3 values, skipped 1, failed 2" (after the commit). */
char                   *jp_progress_import_dialog_dup_summary (JpProgressImportDialog *self)
                                                               G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
