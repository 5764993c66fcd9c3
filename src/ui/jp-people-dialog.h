#pragma once

#include <adwaita.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_PEOPLE_DIALOG (jp_people_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpPeopleDialog, jp_people_dialog, JP, PEOPLE_DIALOG, AdwWindow)

/* The leaders and units of a plan: rename, merge one into another, add,
 * delete the unused. The dialog does not edit: it emits "rename" (person,
 * new name), "merge" (from, into), "remove" (person) and "add" (is-leader,
 * name) for its owner, and follows the plan's "changed". Its actions
 * (people.rename "(bss)", people.merge "(bss)", people.remove "(bs)",
 * people.add "(bs)"; b = leaders) take names. */
JpPeopleDialog *jp_people_dialog_new        (JpPlan         *plan) G_GNUC_WARN_UNUSED_RESULT;
void            jp_people_dialog_set_editable (JpPeopleDialog *self,
                                               gboolean        editable);
/* Shows an error under the list of leaders or of units. */
void            jp_people_dialog_show_error (JpPeopleDialog *self,
                                             gboolean        leaders,
                                             const char     *message);

G_END_DECLS
