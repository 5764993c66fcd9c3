/* jp-date-picker.c: a typed field and a calendar, one date
 *
 * GtkCalendar moves its selected day when the month is browsed (and emits
 * ::day-selected then), and emits nothing for a click on the day already
 * selected. So the picker never listens to ::day-selected: a click on a
 * day cell, Enter on the calendar, or Enter in the field is a choice. */

#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "jp-date-picker.h"

#include "jp-model.h"
#include "jp-ui-util.h"

#include <glib/gi18n-lib.h>

struct _JpDatePicker
{
  GtkWidget    parent_instance;

  GtkEntry    *entry;
  GtkCalendar *calendar;
  GtkLabel    *message;

  char        *date;     /* ISO, NULL when none */
  char        *min_date; /* ISO, NULL: no bound */
  char        *max_date;
};

G_DEFINE_FINAL_TYPE (JpDatePicker, jp_date_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (JpDatePicker *self,
              const char   *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

/* Chooses @iso when it is a date within the range; else says why. */
static void
choose (JpDatePicker *self,
        const char   *iso)
{
  g_autofree char *message = NULL;

  if (iso == NULL)
    {
      show_message (self, _("Not a date: type it as 2023-06-30 or 2023年6月30日"));
      return;
    }

  if ((self->min_date != NULL && jp_date_compare (iso, self->min_date) < 0) ||
      (self->max_date != NULL && jp_date_compare (iso, self->max_date) > 0))
    {
      g_autofree char *from = jp_date_format_display (self->min_date);
      g_autofree char *to = jp_date_format_display (self->max_date);

      /* Translators: a date outside the plan's period, from … to … */
      message = g_strdup_printf (_("Choose a date from %s to %s"), from, to);
      show_message (self, message);
      return;
    }

  show_message (self, NULL);
  jp_date_picker_set_date (self, iso);
  g_signal_emit (self, signals[DATE_CHOSEN], 0, iso);
}

static void
on_entry_activate_cb (JpDatePicker *self)
{
  g_autofree char *iso = jp_date_parse_loose (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  choose (self, iso);
}

/* The day of the calendar cell at (x, y), in the shown month or, for the
 * greyed days around it, the month before or after. */
static char *
dup_day_at (JpDatePicker *self,
            double        x,
            double        y)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) month = NULL;
  GtkWidget *cell = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);
  guint64 day;

  if (cell == NULL || !GTK_IS_LABEL (cell) || !gtk_widget_has_css_class (cell, "day-number") ||
      !g_ascii_string_to_unsigned (gtk_label_get_text (GTK_LABEL (cell)), 10, 1, 31, &day, NULL))
    return NULL;

  first = g_date_time_new_local (g_date_time_get_year (shown), g_date_time_get_month (shown), 1,
                                 0, 0, 0);
  if (gtk_widget_has_css_class (cell, "other-month"))
    month = g_date_time_add_months (first, day > 15 ? -1 : 1);
  else
    month = g_date_time_ref (first);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) g_date_time_get_month (month),
                         (GDateYear) g_date_time_get_year (month)))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02u", g_date_time_get_year (month),
                          g_date_time_get_month (month), (guint) day);
}

static void
on_calendar_released_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         JpDatePicker    *self)
{
  g_autofree char *iso = dup_day_at (self, x, y);

  /* The month arrows, the headings: browsing, not choosing. */
  if (iso != NULL)
    choose (self, iso);
}

static gboolean
on_calendar_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            JpDatePicker          *self)
{
  g_autofree char *iso = NULL;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
      keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;

  iso = jp_ui_calendar_dup_iso (self->calendar);
  choose (self, iso);
  return GDK_EVENT_STOP;
}

static void
jp_date_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JpDatePicker *self = JP_DATE_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_date_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JpDatePicker *self = JP_DATE_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      jp_date_picker_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_date_picker_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jp_date_picker_parent_class)->dispose (object);
}

static void
jp_date_picker_finalize (GObject *object)
{
  JpDatePicker *self = JP_DATE_PICKER (object);

  g_free (self->date);
  g_free (self->min_date);
  g_free (self->max_date);

  G_OBJECT_CLASS (jp_date_picker_parent_class)->finalize (object);
}

static void
jp_date_picker_class_init (JpDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = jp_date_picker_get_property;
  object_class->set_property = jp_date_picker_set_property;
  object_class->dispose = jp_date_picker_dispose;
  object_class->finalize = jp_date_picker_finalize;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpDatePicker::date-chosen:
   * @iso: the date, "YYYY-MM-DD"
   *
   * Someone chose a date (not when the date is set from code).
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datepicker");
}

static void
jp_date_picker_init (JpDatePicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGesture *click;
  GtkEventController *keys;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  /* Translators: the placeholder of a date field */
  gtk_entry_set_placeholder_text (self->entry, _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  jp_ui_set_accessible_label (GTK_WIDGET (self->entry), _("Date"));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_max_width_chars (self->message, 28);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->calendar), GTK_WIDGET (self));

  /* Before the calendar's own handlers: a click on a day is a choice,
   * whether or not the calendar thinks the selection changed. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_calendar_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);
}

GtkWidget *
jp_date_picker_new (void)
{
  return g_object_new (JP_TYPE_DATE_PICKER, NULL);
}

const char *
jp_date_picker_get_date (JpDatePicker *self)
{
  g_return_val_if_fail (JP_IS_DATE_PICKER (self), NULL);

  return self->date;
}

/* Shows @iso in the field and the calendar; emits nothing but notify. */
void
jp_date_picker_set_date (JpDatePicker *self,
                         const char   *iso)
{
  g_return_if_fail (JP_IS_DATE_PICKER (self));

  if (iso != NULL && !jp_date_is_valid (iso))
    iso = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), iso != NULL ? iso : "");
  show_message (self, NULL);
  if (iso != NULL)
    jp_ui_calendar_select_iso (self->calendar, iso);

  if (g_strcmp0 (self->date, iso) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (iso);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
jp_date_picker_set_range (JpDatePicker *self,
                          const char   *min_date,
                          const char   *max_date)
{
  g_return_if_fail (JP_IS_DATE_PICKER (self));

  g_free (self->min_date);
  self->min_date = g_strdup (min_date);
  g_free (self->max_date);
  self->max_date = g_strdup (max_date);
}

GtkCalendar *
jp_date_picker_get_calendar (JpDatePicker *self)
{
  g_return_val_if_fail (JP_IS_DATE_PICKER (self), NULL);

  return self->calendar;
}

GtkEntry *
jp_date_picker_get_entry (JpDatePicker *self)
{
  g_return_val_if_fail (JP_IS_DATE_PICKER (self), NULL);

  return self->entry;
}
