#define G_LOG_DOMAIN "jp-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jp-curve-editor.h"
#include "jp-plan-dialog.h"
#include "jp-ui-util.h"

/* The choices of cycle_row, in its order. */
enum {
  CYCLE_NONE,
  CYCLE_MONTHLY_DAY,
  CYCLE_MONTHLY_AFTER,
  CYCLE_QUARTERLY_DAY,
  CYCLE_QUARTERLY_AFTER,
};

struct _JpPlanDialog
{
  JpEditorDialog  parent_instance;

  /* Template widgets */
  JpCurveEditor  *curve_group;
  AdwComboRow    *cycle_row;
  AdwActionRow   *day_row;
  GtkSpinButton  *day_spin;
  GtkWidget      *save_button;

  JpPlan         *plan; /* Owned */
  char           *report_cycle;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (JpPlanDialog, jp_plan_dialog, JP_TYPE_EDITOR_DIALOG)

static gboolean
cycle_is_after (guint choice)
{
  return choice == CYCLE_MONTHLY_AFTER || choice == CYCLE_QUARTERLY_AFTER;
}

static void
validate (JpPlanDialog *self)
{
  guint choice = adw_combo_row_get_selected (self->cycle_row);
  int days = gtk_spin_button_get_value_as_int (self->day_spin);
  g_autofree char *spec = NULL;
  g_autofree char *description = NULL;
  gboolean cycle_ok;

  if (self->loading)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->day_row), choice != CYCLE_NONE);
  switch (choice)
    {
    case CYCLE_MONTHLY_DAY:
      spec = g_strdup_printf ("monthly:%d", days);
      break;
    case CYCLE_MONTHLY_AFTER:
      spec = g_strdup_printf ("monthly:+%d", days);
      break;
    case CYCLE_QUARTERLY_DAY:
      spec = g_strdup_printf ("quarterly:%d", days);
      break;
    case CYCLE_QUARTERLY_AFTER:
      spec = g_strdup_printf ("quarterly:+%d", days);
      break;
    default:
      break;
    }

  cycle_ok = jp_cycle_validate (spec, NULL);
  jp_ui_set_str (&self->report_cycle, cycle_ok ? spec : NULL);

  /* What the choice means, in the words the reports use. */
  description = jp_cycle_describe (spec);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cycle_row), description);

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self),
                              cycle_ok && jp_curve_editor_get_valid (self->curve_group));
}

/* The day row asks for a day of the month (1–31) or a number of days
 * after the period (0–60), keeping the value where it can. */
static void
on_cycle_selected_cb (JpPlanDialog *self)
{
  guint choice = adw_combo_row_get_selected (self->cycle_row);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->day_spin);
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if (cycle_is_after (choice))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Days After the Period Ends"));
      gtk_adjustment_set_lower (adjustment, 0);
      gtk_adjustment_set_upper (adjustment, 60);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row), _("Report Day"));
      gtk_adjustment_set_lower (adjustment, 1);
      gtk_adjustment_set_upper (adjustment, 31);
    }
  self->loading = was_loading;

  validate (self);
}

static void
load (JpPlanDialog *self)
{
  const char *cycle = jp_plan_get_report_cycle (self->plan);
  g_autofree char *period = NULL;
  guint choice = CYCLE_NONE;
  int days = 25;

  jp_curve_editor_set_plan (self->curve_group, self->plan);
  jp_curve_editor_set_spec (self->curve_group, jp_plan_get_curve (self->plan));

  if (cycle != NULL && jp_cycle_validate (cycle, NULL) && jp_cycle_get_kind (cycle) != JP_CYCLE_NONE)
    {
      const char *colon = strchr (cycle, ':');
      gboolean after = colon != NULL && colon[1] == '+';

      if (colon != NULL)
        days = (int) g_ascii_strtoll (colon + (after ? 2 : 1), NULL, 10);
      if (jp_cycle_get_kind (cycle) == JP_CYCLE_MONTHLY)
        choice = after ? CYCLE_MONTHLY_AFTER : CYCLE_MONTHLY_DAY;
      else
        choice = after ? CYCLE_QUARTERLY_AFTER : CYCLE_QUARTERLY_DAY;
    }

  self->loading = TRUE;
  adw_combo_row_set_selected (self->cycle_row, choice);
  self->loading = FALSE;
  on_cycle_selected_cb (self);
  gtk_spin_button_set_value (self->day_spin, days);

  /* Translators: the window title of Plan Properties: the plan's title */
  period = g_strdup_printf (_("Properties of “%s”"), jp_plan_get_title (self->plan));
  gtk_window_set_title (GTK_WINDOW (self), period);
  jp_editor_dialog_set_needs_change (JP_EDITOR_DIALOG (self), TRUE);

  validate (self);
}

static void
jp_plan_dialog_dispose (GObject *object)
{
  JpPlanDialog *self = (JpPlanDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PLAN_DIALOG);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jp_plan_dialog_parent_class)->dispose (object);
}

static void
jp_plan_dialog_finalize (GObject *object)
{
  JpPlanDialog *self = (JpPlanDialog *) object;

  g_free (self->report_cycle);

  G_OBJECT_CLASS (jp_plan_dialog_parent_class)->finalize (object);
}

static void
jp_plan_dialog_class_init (JpPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_plan_dialog_dispose;
  object_class->finalize = jp_plan_dialog_finalize;

  g_type_ensure (JP_TYPE_CURVE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPlanDialog, curve_group);
  gtk_widget_class_bind_template_child (widget_class, JpPlanDialog, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, JpPlanDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, JpPlanDialog, day_spin);
  gtk_widget_class_bind_template_child (widget_class, JpPlanDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_cycle_selected_cb);
}

static void
jp_plan_dialog_init (JpPlanDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

JpPlanDialog *
jp_plan_dialog_new (JpPlan *plan)
{
  JpPlanDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  self = g_object_new (JP_TYPE_PLAN_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  load (self);

  return self;
}

JpPlan *
jp_plan_dialog_get_plan (JpPlanDialog *self)
{
  g_return_val_if_fail (JP_IS_PLAN_DIALOG (self), NULL);
  return self->plan;
}

const char *
jp_plan_dialog_get_curve (JpPlanDialog *self)
{
  g_return_val_if_fail (JP_IS_PLAN_DIALOG (self), NULL);
  return jp_curve_editor_get_spec (self->curve_group);
}

const char *
jp_plan_dialog_get_report_cycle (JpPlanDialog *self)
{
  g_return_val_if_fail (JP_IS_PLAN_DIALOG (self), NULL);
  return self->report_cycle;
}
