#define G_LOG_DOMAIN "jp-progress-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-date-picker.h"
#include "jp-progress-dialog.h"
#include "jp-ui-util.h"

struct _JpProgressDialog
{
  JpEditorDialog       parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow         *date_row;
  GtkMenuButton       *calendar_button;
  GtkPopover          *calendar_popover;
  JpDatePicker        *date_picker;
  AdwEntryRow         *value_row;
  GtkLabel            *unit_label;
  AdwActionRow        *done_row;
  GtkSwitch           *done_switch;
  AdwEntryRow         *note_row;
  AdwEntryRow         *author_row;
  GtkLabel            *error_label;
  GtkLabel            *replace_label;

  JpPlan              *plan;      /* Owned */
  JpProgressEntry     *replaces;  /* Borrowed: the entry of the date, if any */
  JpIndicator         *indicator; /* Owned */
  char                *date;
  double               value;
  char                *note;
  char                *author;
};

G_DEFINE_FINAL_TYPE (JpProgressDialog, jp_progress_dialog, JP_TYPE_EDITOR_DIALOG)

static gboolean
is_milestone (JpProgressDialog *self)
{
  return self->indicator != NULL &&
         jp_indicator_get_kind (self->indicator) == JP_INDICATOR_KIND_MILESTONE;
}

static void
validate (JpProgressDialog *self)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *note_problem = NULL;
  g_autoptr(GError) value_error = NULL;
  const char *message;
  gboolean valid = TRUE;

  if (self->indicator == NULL)
    return;

  message = jp_ui_check_plan_date (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                   FALSE, &iso);
  jp_ui_show_invalid (GTK_WIDGET (self->date_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);
  g_free (self->date);
  self->date = g_steal_pointer (&iso);

  message = NULL;
  if (is_milestone (self))
    {
      self->value = gtk_switch_get_active (self->done_switch) ? 1 : 0;
    }
  else
    {
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
      if (text[0] == '\0')
        valid = FALSE; /* nothing typed yet: no error to show */
      else if (!jp_ui_parse_number (text, &self->value))
        {
          problem = jp_ui_dup_number_problem (text);
          message = problem != NULL ? problem : _("The value must be a number, such as 72.");
        }
      else if (!jp_indicator_check_value (self->indicator, self->value, &value_error))
        /* The model's rule (the progress import asks it too): a negative
         * rate, a percentage over 1000, a count with decimals. */
        message = value_error->message;
    }
  jp_ui_show_invalid (GTK_WIDGET (self->value_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);

  note_problem = jp_limits_check_text (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), -1);
  jp_ui_show_invalid (GTK_WIDGET (self->note_row), NULL, note_problem);
  if (note_problem != NULL)
    g_ptr_array_add (messages, note_problem);

  /* One value per indicator and date (as the progress import keeps it):
   * a date that has one already gets the new value in its place. */
  self->replaces = NULL;
  if (self->date != NULL)
    {
      JpProgressEntry *entry = jp_indicator_find_entry (self->indicator, self->date);

      if (entry != NULL && g_strcmp0 (jp_progress_entry_get_date (entry), self->date) == 0)
        self->replaces = entry;
    }
  if (self->replaces != NULL)
    {
      g_autofree char *recorded = jp_format_quantity (jp_progress_entry_get_value (self->replaces),
                                                      jp_indicator_get_unit (self->indicator));
      g_autofree char *replace = NULL;

      /* Translators: the value recorded on the date chosen (with its unit) */
      replace = g_strdup_printf (_("%s is recorded on this date: recording replaces it."),
                                 recorded);
      gtk_label_set_text (self->replace_label, replace);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->replace_label), self->replaces != NULL);

  g_ptr_array_add (messages, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) messages->pdata);

    gtk_label_set_text (self->error_label, joined);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), joined[0] != '\0');
  }

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), valid && messages->len == 1);
}

/* The calendar opens on the date typed (within the plan's period);
 * browsing its months changes nothing, a day chosen is the date. */
static void
on_calendar_popover_show_cb (JpProgressDialog *self)
{
  jp_date_picker_set_range (self->date_picker, jp_plan_get_start (self->plan), jp_plan_get_end (self->plan));
  if (self->date != NULL)
    jp_date_picker_set_date (self->date_picker, self->date);
}

static void
on_date_chosen_cb (JpProgressDialog *self,
                   const char       *iso)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

static char *
default_date (JpPlan *plan)
{
  g_autofree char *today = jp_date_today_iso ();

  if (jp_date_compare (today, jp_plan_get_start (plan)) < 0)
    return g_strdup (jp_plan_get_start (plan));
  if (jp_date_compare (today, jp_plan_get_end (plan)) > 0)
    return g_strdup (jp_plan_get_end (plan));
  return g_steal_pointer (&today);
}

static void
load (JpProgressDialog *self,
      const char       *author)
{
  JpIndicator *indicator = self->indicator;
  JpProgressEntry *latest = jp_indicator_get_latest (indicator);
  g_autofree char *target = jp_indicator_format_target (indicator);
  g_autofree char *description = NULL;
  g_autofree char *date = default_date (self->plan);

  adw_preferences_group_set_title (self->group, jp_indicator_get_name (indicator));

  if (latest != NULL)
    {
      g_autofree char *value = jp_format_quantity (jp_progress_entry_get_value (latest),
                                                   jp_indicator_get_unit (indicator));
      g_autofree char *latest_date = jp_date_format_display (jp_progress_entry_get_date (latest));

      /* Translators: target, then the latest value (with its unit) and its date */
      description = g_strdup_printf (_("Target %s · last recorded %s on %s"), target, value, latest_date);
    }
  else
    description = g_strdup_printf (_("Target %s · nothing recorded yet"), target);
  adw_preferences_group_set_description (self->group, description);

  gtk_label_set_text (self->unit_label,
                      jp_indicator_get_unit (indicator) != NULL ? jp_indicator_get_unit (indicator) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !is_milestone (self));
  gtk_widget_set_visible (GTK_WIDGET (self->done_row), is_milestone (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->author_row),
                         author != NULL && author[0] != '\0' ? author : jp_ui_default_author ());
}

static void
jp_progress_dialog_dispose (GObject *object)
{
  JpProgressDialog *self = (JpProgressDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PROGRESS_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (jp_progress_dialog_parent_class)->dispose (object);
}

static void
jp_progress_dialog_finalize (GObject *object)
{
  JpProgressDialog *self = (JpProgressDialog *) object;

  g_free (self->date);
  g_free (self->note);
  g_free (self->author);

  G_OBJECT_CLASS (jp_progress_dialog_parent_class)->finalize (object);
}

static void
jp_progress_dialog_class_init (JpProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_progress_dialog_dispose;
  object_class->finalize = jp_progress_dialog_finalize;

  g_type_ensure (JP_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, group);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, date_picker);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, done_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, done_switch);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressDialog, replace_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_chosen_cb);
}

static void
jp_progress_dialog_init (JpProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->done_switch, "notify::active", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
}

JpProgressDialog *
jp_progress_dialog_new (JpPlan      *plan,
                        JpIndicator *indicator,
                        const char  *author)
{
  JpProgressDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  self = g_object_new (JP_TYPE_PROGRESS_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  load (self, author);
  validate (self);

  return self;
}

JpIndicator *
jp_progress_dialog_get_indicator (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), NULL);
  return self->indicator;
}

const char *
jp_progress_dialog_get_date (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), NULL);
  return self->date;
}

double
jp_progress_dialog_get_value (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), 0);
  return self->value;
}

const char *
jp_progress_dialog_get_note (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), NULL);

  g_free (self->note);
  self->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  return self->note;
}

const char *
jp_progress_dialog_get_author (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), NULL);

  g_free (self->author);
  self->author = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));
  return self->author;
}

JpProgressEntry *
jp_progress_dialog_get_replaced (JpProgressDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_DIALOG (self), NULL);
  return self->replaces;
}
