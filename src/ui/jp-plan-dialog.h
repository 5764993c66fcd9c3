#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_PLAN_DIALOG (jp_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpPlanDialog, jp_plan_dialog, JP, PLAN_DIALOG, JpEditorDialog)

/* Plan Properties: the default expected-progress curve of every target
 * that has none of its own, and the reporting cycle (none, monthly or
 * quarterly, by a day or some days after the period). Read back with the
 * getters on "confirmed". */
JpPlanDialog *jp_plan_dialog_new              (JpPlan       *plan) G_GNUC_WARN_UNUSED_RESULT;
JpPlan       *jp_plan_dialog_get_plan         (JpPlanDialog *self);
/* The specs of jp-curve.h; NULL: linear, no cycle. */
const char   *jp_plan_dialog_get_curve        (JpPlanDialog *self);
const char   *jp_plan_dialog_get_report_cycle (JpPlanDialog *self);

G_END_DECLS
