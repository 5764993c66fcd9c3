#define G_LOG_DOMAIN "jp-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-curve-editor.h"
#include "jp-item-dialog.h"
#include "jp-ui-util.h"

struct _JpItemDialog
{
  JpEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow    *number_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *section_row;
  AdwEntryRow    *due_row;
  GtkLabel       *error_label;
  JpCurveEditor  *curve_group;
  GtkWidget      *save_button;

  JpPlan         *plan; /* Owned */
  JpItem         *item; /* Owned, nullable */
  int             number;
  char           *title;
  char           *due;
};

G_DEFINE_FINAL_TYPE (JpItemDialog, jp_item_dialog, JP_TYPE_EDITOR_DIALOG)

static void
validate (JpItemDialog *self)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *iso = NULL;
  g_autofree char *title_problem = NULL;
  const char *message = NULL;
  double number;

  if (!jp_ui_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->number_row)), &number) ||
      number != (int) number)
    message = _("The number must be a whole number, such as 3.");
  else if (number < 1)
    message = _("The number must be 1 or more.");
  else
    self->number = (int) number;
  jp_ui_show_invalid (GTK_WIDGET (self->number_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);

  jp_ui_set_str (&self->title, title);
  /* A new work point without a title yet: no message, the button is off. */
  title_problem = jp_limits_check_text (title, -1);
  message = title[0] == '\0' && self->item != NULL ? _("Enter the work point's title.") : title_problem;
  jp_ui_show_invalid (GTK_WIDGET (self->title_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);

  message = jp_ui_check_plan_date (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
                                   TRUE, &iso);
  jp_ui_show_invalid (GTK_WIDGET (self->due_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);
  g_free (self->due);
  self->due = g_steal_pointer (&iso);

  message = NULL;
  if (adw_combo_row_get_selected (self->section_row) == GTK_INVALID_LIST_POSITION)
    {
      message = _("Choose a section.");
      g_ptr_array_add (messages, (gpointer) message);
    }

  g_ptr_array_add (messages, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) messages->pdata);

    gtk_label_set_text (self->error_label, joined);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), joined[0] != '\0');
  }

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), messages->len == 1 && title[0] != '\0' &&
                              jp_curve_editor_get_valid (self->curve_group));
}

static char *
section_label (JpSection *section)
{
  const char *ordinal = jp_section_get_ordinal (section);

  if (ordinal == NULL || ordinal[0] == '\0')
    return g_strdup (jp_section_get_title (section));

  /* Translators: a section in a list: ordinal、title */
  return g_strdup_printf (_("%s、%s"), ordinal, jp_section_get_title (section));
}

static void
jp_item_dialog_dispose (GObject *object)
{
  JpItemDialog *self = (JpItemDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_ITEM_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (jp_item_dialog_parent_class)->dispose (object);
}

static void
jp_item_dialog_finalize (GObject *object)
{
  JpItemDialog *self = (JpItemDialog *) object;

  g_free (self->title);
  g_free (self->due);

  G_OBJECT_CLASS (jp_item_dialog_parent_class)->finalize (object);
}

static void
jp_item_dialog_class_init (JpItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_item_dialog_dispose;
  object_class->finalize = jp_item_dialog_finalize;

  g_type_ensure (JP_TYPE_CURVE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, section_row);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, curve_group);
  gtk_widget_class_bind_template_child (widget_class, JpItemDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
jp_item_dialog_init (JpItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpItemDialog *
jp_item_dialog_new (JpPlan    *plan,
                    JpItem    *item,
                    JpSection *section,
                    int        number)
{
  JpItemDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *sections;
  g_autofree char *number_text = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (item == NULL || JP_IS_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_ITEM_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->item = item != NULL ? g_object_ref (item) : NULL;

  if (item != NULL)
    section = jp_item_get_section (item);

  sections = jp_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpSection) s = g_list_model_get_item (sections, i);
      g_autofree char *label = section_label (s);

      gtk_string_list_append (labels, label);
      if (s == section)
        selected = i;
    }
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->section_row, selected);

  jp_curve_editor_set_plan (self->curve_group, plan);
  jp_curve_editor_set_inherited (self->curve_group, FALSE, jp_plan_get_curve (plan));
  jp_curve_editor_set_spec (self->curve_group, item != NULL ? jp_item_get_curve (item) : NULL);

  if (item != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Work Point"));
      jp_editor_dialog_set_needs_change (JP_EDITOR_DIALOG (self), TRUE);
      number_text = g_strdup_printf ("%d", jp_item_get_number (item));
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), number_text);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), jp_item_get_title (item));
      gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                             jp_item_get_due (item) != NULL ? jp_item_get_due (item) : "");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Work Point"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      number_text = g_strdup_printf ("%d", MAX (number, 1));
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), number_text);
    }

  validate (self);

  return self;
}

JpItem *
jp_item_dialog_get_item (JpItemDialog *self)
{
  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), NULL);
  return self->item;
}

int
jp_item_dialog_get_number (JpItemDialog *self)
{
  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), 0);
  return self->number;
}

const char *
jp_item_dialog_get_title (JpItemDialog *self)
{
  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), NULL);
  return self->title;
}

JpSection *
jp_item_dialog_get_section (JpItemDialog *self)
{
  guint selected;
  GListModel *sections;

  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->section_row);
  sections = jp_plan_get_sections (self->plan);
  if (selected >= g_list_model_get_n_items (sections))
    return NULL;

  /* Borrowed: the plan keeps it. */
  {
    g_autoptr(JpSection) section = g_list_model_get_item (sections, selected);

    return section;
  }
}

const char *
jp_item_dialog_get_due (JpItemDialog *self)
{
  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), NULL);
  return self->due;
}

const char *
jp_item_dialog_get_curve (JpItemDialog *self)
{
  g_return_val_if_fail (JP_IS_ITEM_DIALOG (self), NULL);
  return jp_curve_editor_get_spec (self->curve_group);
}
