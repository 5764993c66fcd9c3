#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_UPDATE_DIALOG (jp_update_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpUpdateDialog, jp_update_dialog, JP, UPDATE_DIALOG, JpEditorDialog)

/* An item update (the periodic report): date in @plan's year, optional
 * completion (0–100), 进展情况, 存在问题, 下步打算 and author. @update NULL:
 * a new one. */
JpUpdateDialog *jp_update_dialog_new                (JpPlan         *plan,
                                                     JpItemUpdate   *update,
                                                     const char     *author) G_GNUC_WARN_UNUSED_RESULT;
JpItemUpdate   *jp_update_dialog_get_update         (JpUpdateDialog *self);
const char     *jp_update_dialog_get_date           (JpUpdateDialog *self);
gboolean        jp_update_dialog_get_has_completion (JpUpdateDialog *self);
double          jp_update_dialog_get_completion     (JpUpdateDialog *self);
/* New strings. */
char           *jp_update_dialog_dup_note           (JpUpdateDialog *self) G_GNUC_WARN_UNUSED_RESULT;
char           *jp_update_dialog_dup_problems       (JpUpdateDialog *self) G_GNUC_WARN_UNUSED_RESULT;
char           *jp_update_dialog_dup_next_steps     (JpUpdateDialog *self) G_GNUC_WARN_UNUSED_RESULT;
char           *jp_update_dialog_dup_author         (JpUpdateDialog *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
