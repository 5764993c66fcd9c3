#pragma once

#include <adwaita.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_CURVE_EDITOR (jp_curve_editor_get_type ())

G_DECLARE_FINAL_TYPE (JpCurveEditor, jp_curve_editor, JP, CURVE_EDITOR, AdwPreferencesGroup)

/* The "Expected progress" group of the indicator, item and plan dialogs:
 * a choice of curve (jp-curve.h), the end of the spring term for "by
 * term", and a small list of checkpoints (date → %) for "custom". It
 * checks what is typed inline (jp_curve_validate) and emits ::changed
 * after every change; the dialog asks get_valid() and get_spec(). */

JpCurveEditor *jp_curve_editor_new            (void);
/* The plan whose period the checkpoint dates must fall in. */
void           jp_curve_editor_set_plan       (JpCurveEditor *self,
                                               JpPlan        *plan);
/* Offers "Inherit" as the first choice, naming the curve inherited
 * (@spec, NULL linear) and where from: the work point's curve
 * (@from_item) or the plan's default. Without this call there is no such
 * choice (a plan's own curve). Call before set_spec(). */
void           jp_curve_editor_set_inherited  (JpCurveEditor *self,
                                               gboolean       from_item,
                                               const char    *spec);
/* NULL or "": inherit (or linear without that choice). */
void           jp_curve_editor_set_spec       (JpCurveEditor *self,
                                               const char    *spec);
/* The spec chosen, NULL for inherit (and, without inherit, for linear);
 * meaningful while get_valid() is TRUE. */
const char    *jp_curve_editor_get_spec       (JpCurveEditor *self);
gboolean       jp_curve_editor_get_valid      (JpCurveEditor *self);
/* The message shown, NULL when valid. */
const char    *jp_curve_editor_get_error      (JpCurveEditor *self);

/* The widgets, for the dialogs' tests: the curve choice, the spring-term
 * row, the "Add Checkpoint" button, and the date and percent entries of
 * checkpoint @index (FALSE when there is none). */
AdwComboRow   *jp_curve_editor_get_kind_row   (JpCurveEditor *self);
AdwEntryRow   *jp_curve_editor_get_term_row   (JpCurveEditor *self);
GtkButton     *jp_curve_editor_get_add_button (JpCurveEditor *self);
gboolean       jp_curve_editor_get_checkpoint (JpCurveEditor *self,
                                               guint          index,
                                               GtkEditable  **date,
                                               GtkEditable  **percent);
/* Chooses @kind (as a click in the kind row would). */
void           jp_curve_editor_select_kind    (JpCurveEditor *self,
                                               JpCurveKind    kind);

G_END_DECLS
