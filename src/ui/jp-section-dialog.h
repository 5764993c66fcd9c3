#pragma once

#include "jp-editor-dialog.h"
#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_SECTION_DIALOG (jp_section_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpSectionDialog, jp_section_dialog, JP, SECTION_DIALOG, JpEditorDialog)

/* A section's ordinal and title. @section NULL: a new one, with @ordinal
 * proposed. */
JpSectionDialog *jp_section_dialog_new         (JpSection       *section,
                                                const char      *ordinal) G_GNUC_WARN_UNUSED_RESULT;
JpSection       *jp_section_dialog_get_section (JpSectionDialog *self);
const char      *jp_section_dialog_get_ordinal (JpSectionDialog *self);
const char      *jp_section_dialog_get_title   (JpSectionDialog *self);

G_END_DECLS
