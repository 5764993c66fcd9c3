#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_INDICATOR_DIALOG (jp_indicator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpIndicatorDialog, jp_indicator_dialog, JP, INDICATOR_DIALOG, JpEditorDialog)

/* Edits @indicator's fields (NULL: a new indicator of @item); dates must
 * fall in @plan's year. The values are read back with the getters on
 * "confirmed". @item (nullable for an existing indicator: its own) names
 * the curve an indicator inherits. */
JpIndicatorDialog *jp_indicator_dialog_new                (JpPlan            *plan,
                                                           JpItem            *item,
                                                           JpIndicator       *indicator) G_GNUC_WARN_UNUSED_RESULT;
JpIndicator       *jp_indicator_dialog_get_indicator      (JpIndicatorDialog *self);
const char        *jp_indicator_dialog_get_name           (JpIndicatorDialog *self);
JpIndicatorKind    jp_indicator_dialog_get_kind           (JpIndicatorDialog *self);
double             jp_indicator_dialog_get_target         (JpIndicatorDialog *self);
gboolean           jp_indicator_dialog_get_has_target_max (JpIndicatorDialog *self);
double             jp_indicator_dialog_get_target_max     (JpIndicatorDialog *self);
const char        *jp_indicator_dialog_get_unit           (JpIndicatorDialog *self);
gboolean           jp_indicator_dialog_get_has_baseline   (JpIndicatorDialog *self);
double             jp_indicator_dialog_get_baseline       (JpIndicatorDialog *self);
/* ISO date or NULL. */
const char        *jp_indicator_dialog_get_due            (JpIndicatorDialog *self);
double             jp_indicator_dialog_get_weight         (JpIndicatorDialog *self);
/* The curve spec chosen, NULL to inherit. */
const char        *jp_indicator_dialog_get_curve          (JpIndicatorDialog *self);

G_END_DECLS
