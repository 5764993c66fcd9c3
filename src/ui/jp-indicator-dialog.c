#define G_LOG_DOMAIN "jp-indicator-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-curve-editor.h"
#include "jp-help-window.h"
#include "jp-indicator-dialog.h"
#include "jp-ui-util.h"

#define N_KINDS (JP_INDICATOR_KIND_MILESTONE + 1)

struct _JpIndicatorDialog
{
  JpEditorDialog   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *target_group;
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *target_row;
  AdwEntryRow     *target_max_row;
  AdwEntryRow     *unit_row;
  AdwEntryRow     *baseline_row;
  AdwEntryRow     *due_row;
  AdwEntryRow     *weight_row;
  GtkLabel        *target_error;
  GtkLabel        *tracking_error;
  JpCurveEditor   *curve_group;
  GtkWidget       *save_button;

  JpPlan          *plan;      /* Owned */
  JpItem          *item;      /* Owned, nullable */
  JpIndicator     *indicator; /* Owned, nullable */

  /* The values, valid when the dialog is */
  char            *name;
  JpIndicatorKind  kind;
  double           target;
  gboolean         has_target_max;
  double           target_max;
  char            *unit;
  gboolean         has_baseline;
  double           baseline;
  char            *due;
  double           weight;
};

G_DEFINE_FINAL_TYPE (JpIndicatorDialog, jp_indicator_dialog, JP_TYPE_EDITOR_DIALOG)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
mark (GPtrArray   *messages,
      AdwEntryRow *row,
      const char  *message)
{
  jp_ui_show_invalid (GTK_WIDGET (row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);
}

static void
show_messages (GtkLabel  *label,
               GPtrArray *messages)
{
  g_autofree char *text = NULL;

  g_ptr_array_add (messages, NULL);
  text = g_strjoinv ("\n", (char **) messages->pdata);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text[0] != '\0');
}

static void
validate (JpIndicatorDialog *self)
{
  g_autoptr(GPtrArray) target_messages = g_ptr_array_new ();
  g_autoptr(GPtrArray) tracking_messages = g_ptr_array_new ();
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *target = row_text (self->target_row);
  g_autofree char *target_max = row_text (self->target_max_row);
  g_autofree char *baseline = row_text (self->baseline_row);
  g_autofree char *weight = row_text (self->weight_row);
  g_autofree char *due_iso = NULL;
  g_autofree char *target_problem = NULL;
  g_autofree char *max_problem = NULL;
  g_autofree char *baseline_problem = NULL;
  g_autofree char *weight_problem = NULL;
  g_autofree char *name_problem = NULL;
  g_autofree char *unit_problem = NULL;
  const char *message;
  guint selected = adw_combo_row_get_selected (self->kind_row);
  gboolean target_ok;
  gboolean empty = FALSE;

  self->kind = selected < N_KINDS ? (JpIndicatorKind) selected : JP_INDICATOR_KIND_AT_LEAST;
  /* What the kind means, with an example from the plan. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               jp_help_indicator_kind_get_description (self->kind));

  jp_ui_set_str (&self->name, name);
  /* A required field still empty in a new target: the button stays off
   * without a message; emptying a field of an existing one says why. */
  if (name[0] == '\0')
    empty = TRUE;
  name_problem = jp_limits_check_text (name, -1);
  mark (target_messages, self->name_row,
        name[0] == '\0' && self->indicator != NULL ? _("Enter a name for the target.") : name_problem);

  gtk_widget_set_visible (GTK_WIDGET (self->target_row), self->kind != JP_INDICATOR_KIND_MILESTONE);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), self->kind != JP_INDICATOR_KIND_MILESTONE);
  gtk_widget_set_visible (GTK_WIDGET (self->target_max_row), self->kind == JP_INDICATOR_KIND_RANGE);

  message = NULL;
  if (self->kind == JP_INDICATOR_KIND_MILESTONE)
    self->target = 1;
  else if (target[0] == '\0' && self->indicator == NULL)
    empty = TRUE;
  else if (!jp_ui_parse_number (target, &self->target))
    {
      target_problem = jp_ui_dup_number_problem (target);
      message = target_problem != NULL ? target_problem : _("The target must be a number, such as 90.");
    }
  else if (self->target < 0)
    message = _("The target cannot be negative.");
  mark (target_messages, self->target_row, message);
  target_ok = message == NULL && !empty;

  message = NULL;
  self->has_target_max = FALSE;
  if (self->kind == JP_INDICATOR_KIND_RANGE)
    {
      if (target_max[0] == '\0')
        message = _("Enter the upper bound of the range.");
      else if (!jp_ui_parse_number (target_max, &self->target_max))
        {
          max_problem = jp_ui_dup_number_problem (target_max);
          message = max_problem != NULL ? max_problem : _("The upper bound must be a number, such as 5.");
        }
      else if (target_ok && self->target_max < self->target)
        message = _("The upper bound is below the target.");
      else
        self->has_target_max = TRUE;
    }
  mark (target_messages, self->target_max_row, message);

  {
    g_autofree char *unit = row_text (self->unit_row);

    jp_ui_set_str (&self->unit, self->kind == JP_INDICATOR_KIND_MILESTONE ? "" : unit);
    unit_problem = jp_limits_check_text (unit, -1);
    mark (target_messages, self->unit_row, unit_problem);
  }

  message = NULL;
  self->has_baseline = FALSE;
  if (baseline[0] != '\0')
    {
      if (!jp_ui_parse_number (baseline, &self->baseline))
        {
          baseline_problem = jp_ui_dup_number_problem (baseline);
          message = baseline_problem != NULL ? baseline_problem : _("The baseline must be a number.");
        }
      else if (self->baseline < 0)
        message = _("The baseline cannot be negative.");
      else
        self->has_baseline = TRUE;
    }
  mark (tracking_messages, self->baseline_row, message);

  message = jp_ui_check_plan_date (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
                                   TRUE, &due_iso);
  mark (tracking_messages, self->due_row, message);
  g_free (self->due);
  self->due = g_steal_pointer (&due_iso);

  message = NULL;
  if (!jp_ui_parse_number (weight, &self->weight))
    {
      weight_problem = jp_ui_dup_number_problem (weight);
      message = weight_problem != NULL ? weight_problem :
                _("The weight must be a number (1 by default, 0 leaves the target out of the work point’s progress).");
    }
  else if (self->weight < 0)
    message = _("The weight cannot be negative.");
  mark (tracking_messages, self->weight_row, message);

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self),
                              !empty && target_messages->len == 0 && tracking_messages->len == 0 &&
                              jp_curve_editor_get_valid (self->curve_group));

  show_messages (self->target_error, target_messages);
  show_messages (self->tracking_error, tracking_messages);
}

static void
set_row_number (AdwEntryRow *row,
                gboolean     has_value,
                double       value)
{
  g_autofree char *text = has_value ? jp_format_number (value, FALSE) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load (JpIndicatorDialog *self)
{
  JpIndicator *indicator = self->indicator;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_KINDS; i++)
    gtk_string_list_append (kinds, jp_indicator_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  jp_curve_editor_set_plan (self->curve_group, self->plan);
  if (self->item != NULL)
    jp_curve_editor_set_inherited (self->curve_group, jp_item_get_curve (self->item) != NULL,
                                   jp_item_get_effective_curve (self->item));
  else
    jp_curve_editor_set_inherited (self->curve_group, FALSE, jp_plan_get_curve (self->plan));
  jp_curve_editor_set_spec (self->curve_group, indicator != NULL ? jp_indicator_get_curve (indicator) : NULL);

  if (indicator == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Target"));
      adw_combo_row_set_selected (self->kind_row, JP_INDICATOR_KIND_AT_LEAST);
      gtk_editable_set_text (GTK_EDITABLE (self->weight_row), "1");
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Target"));
  jp_editor_dialog_set_needs_change (JP_EDITOR_DIALOG (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), jp_indicator_get_name (indicator));
  adw_combo_row_set_selected (self->kind_row, jp_indicator_get_kind (indicator));
  set_row_number (self->target_row, TRUE, jp_indicator_get_target (indicator));
  set_row_number (self->target_max_row, jp_indicator_get_has_target_max (indicator),
                  jp_indicator_get_target_max (indicator));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                         jp_indicator_get_unit (indicator) != NULL ? jp_indicator_get_unit (indicator) : "");
  set_row_number (self->baseline_row, jp_indicator_get_has_baseline (indicator),
                  jp_indicator_get_baseline (indicator));
  gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                         jp_indicator_get_due (indicator) != NULL ? jp_indicator_get_due (indicator) : "");
  set_row_number (self->weight_row, TRUE, jp_indicator_get_weight (indicator));

  if (jp_indicator_get_text (indicator) != NULL && jp_indicator_get_text (indicator)[0] != '\0')
    {
      g_autofree char *description = g_strdup_printf (_("In the plan: “%s”"),
                                                      jp_indicator_get_text (indicator));

      adw_preferences_group_set_description (self->target_group, description);
    }
}

static void
jp_indicator_dialog_dispose (GObject *object)
{
  JpIndicatorDialog *self = (JpIndicatorDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_INDICATOR_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->item);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (jp_indicator_dialog_parent_class)->dispose (object);
}

static void
jp_indicator_dialog_finalize (GObject *object)
{
  JpIndicatorDialog *self = (JpIndicatorDialog *) object;

  g_free (self->name);
  g_free (self->unit);
  g_free (self->due);

  G_OBJECT_CLASS (jp_indicator_dialog_parent_class)->finalize (object);
}

static void
jp_indicator_dialog_class_init (JpIndicatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_indicator_dialog_dispose;
  object_class->finalize = jp_indicator_dialog_finalize;

  g_type_ensure (JP_TYPE_CURVE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-indicator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, target_group);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, target_max_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, weight_row);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, target_error);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, tracking_error);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, curve_group);
  gtk_widget_class_bind_template_child (widget_class, JpIndicatorDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
jp_indicator_dialog_init (JpIndicatorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpIndicatorDialog *
jp_indicator_dialog_new (JpPlan      *plan,
                         JpItem      *item,
                         JpIndicator *indicator)
{
  JpIndicatorDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (item == NULL || JP_IS_ITEM (item), NULL);
  g_return_val_if_fail (indicator == NULL || JP_IS_INDICATOR (indicator), NULL);

  if (indicator != NULL && jp_indicator_get_item (indicator) != NULL)
    item = jp_indicator_get_item (indicator);

  self = g_object_new (JP_TYPE_INDICATOR_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;
  load (self);
  validate (self);

  return self;
}

JpIndicator *
jp_indicator_dialog_get_indicator (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), NULL);
  return self->indicator;
}

const char *
jp_indicator_dialog_get_name (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), NULL);
  return self->name;
}

JpIndicatorKind
jp_indicator_dialog_get_kind (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), 0);
  return self->kind;
}

double
jp_indicator_dialog_get_target (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), 0);
  return self->target;
}

gboolean
jp_indicator_dialog_get_has_target_max (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), FALSE);
  return self->has_target_max;
}

double
jp_indicator_dialog_get_target_max (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), 0);
  return self->has_target_max ? self->target_max : 0;
}

const char *
jp_indicator_dialog_get_unit (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), NULL);
  return self->unit;
}

gboolean
jp_indicator_dialog_get_has_baseline (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), FALSE);
  return self->has_baseline;
}

double
jp_indicator_dialog_get_baseline (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), 0);
  return self->has_baseline ? self->baseline : 0;
}

const char *
jp_indicator_dialog_get_due (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), NULL);
  return self->due;
}

double
jp_indicator_dialog_get_weight (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), 1);
  return self->weight;
}

const char *
jp_indicator_dialog_get_curve (JpIndicatorDialog *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR_DIALOG (self), NULL);
  return jp_curve_editor_get_spec (self->curve_group);
}
