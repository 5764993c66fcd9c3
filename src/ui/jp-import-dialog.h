#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_IMPORT_DIALOG (jp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpImportDialog, jp_import_dialog, JP, IMPORT_DIALOG, JpEditorDialog)

/* The preview of an import, before anything is written: what was found in
 * @file_name (@plans: JpPlan, not in a store), and the warnings
 * (JpImportWarning, nullable). "confirmed" means: import them. */
JpImportDialog *jp_import_dialog_new       (const char     *file_name,
                                            GPtrArray      *plans,
                                            GPtrArray      *warnings) G_GNUC_WARN_UNUSED_RESULT;
/* The plans to import (JpPlan). */
GPtrArray      *jp_import_dialog_get_plans (JpImportDialog *self);

G_END_DECLS
