#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_PROGRESS_DIALOG (jp_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressDialog, jp_progress_dialog, JP, PROGRESS_DIALOG, JpEditorDialog)

/* Records a progress entry of @indicator: date (in @plan's year, with a
 * calendar), value (a switch for milestones), note and author (the user's
 * real name by default, or @author when set). */
JpProgressDialog *jp_progress_dialog_new           (JpPlan           *plan,
                                                    JpIndicator      *indicator,
                                                    const char       *author) G_GNUC_WARN_UNUSED_RESULT;
JpIndicator      *jp_progress_dialog_get_indicator (JpProgressDialog *self);
const char       *jp_progress_dialog_get_date      (JpProgressDialog *self);
double            jp_progress_dialog_get_value     (JpProgressDialog *self);
const char       *jp_progress_dialog_get_note      (JpProgressDialog *self);
const char       *jp_progress_dialog_get_author    (JpProgressDialog *self);
/* The entry already recorded on the date chosen (borrowed), which the
 * value replaces (one entry per indicator and date); NULL when none. */
JpProgressEntry  *jp_progress_dialog_get_replaced  (JpProgressDialog *self);

G_END_DECLS
