#define G_LOG_DOMAIN "jp-section-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-section-dialog.h"
#include "jp-ui-util.h"

struct _JpSectionDialog
{
  JpEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow    *ordinal_row;
  AdwEntryRow    *title_row;
  GtkLabel       *error_label;
  GtkWidget      *save_button;

  JpSection      *section; /* Owned, nullable */
  char           *ordinal;
  char           *title;
};

G_DEFINE_FINAL_TYPE (JpSectionDialog, jp_section_dialog, JP_TYPE_EDITOR_DIALOG)

static void
validate (JpSectionDialog *self)
{
  g_autofree char *ordinal = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ordinal_row))));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  const char *message = NULL;

  jp_ui_set_str (&self->ordinal, ordinal);
  jp_ui_set_str (&self->title, title);

  /* A new section without a title yet: no message, the button is off. */
  if (title[0] == '\0' && self->section != NULL)
    message = _("Enter the section's title.");

  jp_ui_show_invalid (GTK_WIDGET (self->title_row), GTK_WIDGET (self->error_label), message);
  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), title[0] != '\0');
}

static void
jp_section_dialog_dispose (GObject *object)
{
  JpSectionDialog *self = (JpSectionDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SECTION_DIALOG);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (jp_section_dialog_parent_class)->dispose (object);
}

static void
jp_section_dialog_finalize (GObject *object)
{
  JpSectionDialog *self = (JpSectionDialog *) object;

  g_free (self->ordinal);
  g_free (self->title);

  G_OBJECT_CLASS (jp_section_dialog_parent_class)->finalize (object);
}

static void
jp_section_dialog_class_init (JpSectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_section_dialog_dispose;
  object_class->finalize = jp_section_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-section-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSectionDialog, ordinal_row);
  gtk_widget_class_bind_template_child (widget_class, JpSectionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpSectionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpSectionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
jp_section_dialog_init (JpSectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpSectionDialog *
jp_section_dialog_new (JpSection  *section,
                       const char *ordinal)
{
  JpSectionDialog *self;

  g_return_val_if_fail (section == NULL || JP_IS_SECTION (section), NULL);

  self = g_object_new (JP_TYPE_SECTION_DIALOG, NULL);
  self->section = section != NULL ? g_object_ref (section) : NULL;

  if (section != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Section"));
      jp_editor_dialog_set_needs_change (JP_EDITOR_DIALOG (self), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->ordinal_row),
                             jp_section_get_ordinal (section) != NULL ? jp_section_get_ordinal (section) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             jp_section_get_title (section) != NULL ? jp_section_get_title (section) : "");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Section"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->ordinal_row), ordinal != NULL ? ordinal : "");
    }

  validate (self);

  return self;
}

JpSection *
jp_section_dialog_get_section (JpSectionDialog *self)
{
  g_return_val_if_fail (JP_IS_SECTION_DIALOG (self), NULL);
  return self->section;
}

const char *
jp_section_dialog_get_ordinal (JpSectionDialog *self)
{
  g_return_val_if_fail (JP_IS_SECTION_DIALOG (self), NULL);
  return self->ordinal;
}

const char *
jp_section_dialog_get_title (JpSectionDialog *self)
{
  g_return_val_if_fail (JP_IS_SECTION_DIALOG (self), NULL);
  return self->title;
}
