#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_EDITOR_DIALOG (jp_editor_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (JpEditorDialog, jp_editor_dialog, JP, EDITOR_DIALOG, AdwWindow)

/* The base of the editor dialogs: a modal window whose header bar has
 * Cancel (dialog.cancel, Escape) and a confirm button (dialog.save, also
 * Ctrl+Return). dialog.save is enabled only while the input is valid
 * (subclasses call jp_editor_dialog_set_valid after checking it inline);
 * it emits "confirmed", and whoever opened the dialog applies the edit and
 * closes it (or keeps it open to show an error).
 *
 * When shown, the focus goes to the first field, Enter in a one-line field
 * activates the confirm button (the window's default), and an inline error
 * (a label with the "inline-error" class) that would be out of sight makes
 * the dialog grow, or scroll, to show it. */
struct _JpEditorDialogClass
{
  AdwWindowClass parent_class;
};

void      jp_editor_dialog_set_valid (JpEditorDialog *self,
                                      gboolean        valid);
gboolean  jp_editor_dialog_get_valid (JpEditorDialog *self);
/* A dialog that edits something (rather than adds it): Save is off until
 * a field differs from what it was when the dialog was shown. */
void      jp_editor_dialog_set_needs_change (JpEditorDialog *self,
                                             gboolean        needs_change);
/* Some field differs from its state when the dialog was shown. */
gboolean  jp_editor_dialog_get_changed      (JpEditorDialog *self);

G_END_DECLS
