#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM_DIALOG (jp_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpItemDialog, jp_item_dialog, JP, ITEM_DIALOG, JpEditorDialog)

/* A work point's number, title, section and due date. @item NULL: a new
 * one, in @section with @number proposed. */
JpItemDialog *jp_item_dialog_new         (JpPlan       *plan,
                                          JpItem       *item,
                                          JpSection    *section,
                                          int           number) G_GNUC_WARN_UNUSED_RESULT;
JpItem       *jp_item_dialog_get_item    (JpItemDialog *self);
int           jp_item_dialog_get_number  (JpItemDialog *self);
const char   *jp_item_dialog_get_title   (JpItemDialog *self);
JpSection    *jp_item_dialog_get_section (JpItemDialog *self);
/* ISO date or NULL. */
const char   *jp_item_dialog_get_due     (JpItemDialog *self);
/* The curve spec chosen, NULL to inherit the plan's. */
const char   *jp_item_dialog_get_curve   (JpItemDialog *self);

G_END_DECLS
