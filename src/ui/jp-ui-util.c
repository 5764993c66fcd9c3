#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "jp-ui-util.h"

/* Full-width digits and punctuation to ASCII, ideographic space to space;
 * other characters are kept. */
static char *
normalize_ascii (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (s, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000)
        g_string_append_c (s, ' ');
      else if (c == 0x2212)
        g_string_append_c (s, '-');
      else if (c == 0x3002) /* 。 typed for a decimal point */
        g_string_append_c (s, '.');
      else
        g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

gboolean
jp_ui_parse_number (const char *text,
                    double     *out)
{
  g_autofree char *norm = NULL;
  g_autoptr(GString) clean = NULL;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;

  norm = normalize_ascii (text);
  g_strstrip (norm);
  clean = g_string_new (NULL);

  for (const char *p = norm; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          g_string_append_c (clean, *p);
        }
      else if (*p == '.' && !seen_point)
        {
          seen_point = TRUE;
          g_string_append_c (clean, *p);
        }
      else if ((*p == '-' || *p == '+') && p == norm)
        g_string_append_c (clean, *p);
      else if (*p == ',' && seen_digit && !seen_point)
        continue; /* digit grouping: 2,900 */
      else
        return FALSE;
    }

  if (!seen_digit)
    return FALSE;

  value = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || fabs (value) > JP_VALUE_MAX)
    return FALSE;

  if (out != NULL)
    *out = value;

  return TRUE;
}

char *
jp_ui_dup_number_problem (const char *text)
{
  g_autofree char *norm = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  if (text == NULL)
    return NULL;

  norm = normalize_ascii (text);
  g_strstrip (norm);
  for (const char *p = norm; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (clean, *p);

  /* A number, but one the program cannot store: too large, too many
   * digits, written with an exponent or in hexadecimal. */
  reason = jp_limits_parse_number (clean->str, 0, NULL);
  if (reason == NULL || clean->len == 0)
    return NULL;
  g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0')
    return NULL;

  return g_steal_pointer (&reason);
}

gboolean
jp_ui_parse_date (const char  *text,
                  char       **iso_out)
{
  g_autofree char *norm = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 y, m, d;
  GDate date;

  if (text == NULL)
    return FALSE;

  norm = normalize_ascii (text);
  g_strstrip (norm);

  /* 2023年6月30日 → 2023-6-30 */
  g_strdelimit (norm, "/.", '-');
  {
    g_autoptr(GString) s = g_string_new (norm);

    g_string_replace (s, "年", "-", 0);
    g_string_replace (s, "月", "-", 0);
    g_string_replace (s, "日", "", 0);
    g_free (norm);
    norm = g_string_free (g_steal_pointer (&s), FALSE);
  }

  parts = g_strsplit (norm, "-", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  if (!g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      strlen (parts[0]) != 4)
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);

  if (iso_out != NULL)
    *iso_out = jp_date_format_iso (&date);

  return TRUE;
}

const char *
jp_ui_check_plan_date (JpPlan      *plan,
                       const char  *text,
                       gboolean     optional,
                       char       **iso_out)
{
  g_autofree char *iso = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    {
      if (optional)
        return NULL;
      return _("Enter a date");
    }

  if (!jp_ui_parse_date (stripped, &iso))
    return _("Not a date: write it as 2023-06-30");

  if (plan != NULL &&
      (jp_date_compare (iso, jp_plan_get_start (plan)) < 0 ||
       jp_date_compare (iso, jp_plan_get_end (plan)) > 0))
    return _("The date is outside the plan year");

  if (iso_out != NULL)
    *iso_out = g_steal_pointer (&iso);

  return NULL;
}

void
jp_ui_show_invalid (GtkWidget  *widget,
                    GtkWidget  *label,
                    const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static const char *status_classes[JP_N_STATUSES] = {
  "status-not-started",
  "status-on-track",
  "status-at-risk",
  "status-behind",
  "status-overdue",
  "status-done",
  "status-no-report",
};

const char *
jp_ui_status_css_class (JpStatus status)
{
  g_return_val_if_fail (status < JP_N_STATUSES, status_classes[0]);

  return status_classes[status];
}

void
jp_ui_set_status_class (GtkWidget *widget,
                        JpStatus   status)
{
  for (guint i = 0; i < JP_N_STATUSES; i++)
    if (i != status)
      gtk_widget_remove_css_class (widget, status_classes[i]);

  gtk_widget_add_css_class (widget, jp_ui_status_css_class (status));
}

void
jp_ui_install_status_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "jp-status-css") != NULL)
    return;

  /* The colours live in the model (jp_status_get_rgb) so that the window,
   * the charts and the reports agree; style.css gives the shapes. */
  css = g_string_new (NULL);
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      double r, g, b;
      int ri, gi, bi;

      jp_status_get_rgb (i, &r, &g, &b);
      ri = (int) round (CLAMP (r, 0, 1) * 255);
      gi = (int) round (CLAMP (g, 0, 1) * 255);
      bi = (int) round (CLAMP (b, 0, 1) * 255);

      g_string_append_printf (css,
                              ".status-pill.%s { background-color: rgba(%d,%d,%d,0.18); }\n"
                              ".status-pill.%s .status-symbol { color: rgb(%d,%d,%d); }\n"
                              ".status-dot.%s { color: rgb(%d,%d,%d); }\n"
                              "progressbar.%s > trough > progress,"
                              " levelbar.%s > trough > block.filled"
                              " { background-color: rgb(%d,%d,%d); }\n",
                              status_classes[i], ri, gi, bi,
                              status_classes[i], ri, gi, bi,
                              status_classes[i], ri, gi, bi,
                              status_classes[i], status_classes[i], ri, gi, bi);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_object_set_data_full (G_OBJECT (display), "jp-status-css",
                          g_object_ref (provider), g_object_unref);
}

char *
jp_ui_dup_progress_flags (const JpProgress *progress)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (progress != NULL, NULL);

  if (progress->late_report)
    /* Translators: a flag beside a status: the last report is missing (逾期未报送) */
    g_ptr_array_add (flags, g_strdup (_("Late report")));

  if (progress->has_self_report && progress->self_report_differs)
    {
      /* As the window shows the figures beside it (the bar's percent). */
      g_autofree char *self = jp_ui_dup_rounded_percent (progress->self_report);
      g_autofree char *computed = jp_ui_dup_rounded_percent (progress->p);

      /* Translators: a flag beside a work point's status: the completion its
       * latest update gives, and its targets' (自报 60%，指标 26%) */
      g_ptr_array_add (flags, g_strdup_printf (_("Self-reported %s, targets %s"), self, computed));
    }

  if (flags->len == 0)
    return NULL;

  g_ptr_array_add (flags, NULL);
  return g_strjoinv (" · ", (char **) flags->pdata);
}

const char *
jp_ui_default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return name;
}

char *
jp_ui_dup_plan_label (int         year,
                      const char *title)
{
  g_autofree char *year_text = g_strdup_printf ("%d", year);

  /* "2023年工作要点" says its year already: not "2023 · 2023年工作要点". */
  if (title != NULL && title[0] != '\0' && strstr (title, year_text) != NULL)
    return g_strdup (title);

  /* Translators: the plan switcher: year · title */
  return g_strdup_printf (_("%d · %s"), year, title != NULL ? title : "");
}

char *
jp_ui_dup_rounded_percent (double ratio)
{
  return jp_format_percent_short (ratio);
}

static void
on_quiet_popover_shown_cb (GtkWidget *button)
{
  /* The click that opened the menu hid the tooltip; this keeps it from
   * coming back while the pointer rests on the button. */
  gtk_widget_set_has_tooltip (button, FALSE);
}

static void
on_quiet_popover_hidden_cb (GtkWidget *button)
{
  if (gtk_widget_get_tooltip_text (button) != NULL)
    gtk_widget_set_has_tooltip (button, TRUE);
}

static void
quiet_popover (GtkWidget *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  if (popover == NULL || g_object_get_data (G_OBJECT (popover), "jp-quiet-tooltip") != NULL)
    return;
  g_object_set_data (G_OBJECT (popover), "jp-quiet-tooltip", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (popover, "show", G_CALLBACK (on_quiet_popover_shown_cb), button,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "hide", G_CALLBACK (on_quiet_popover_hidden_cb), button,
                           G_CONNECT_SWAPPED);
}

void
jp_ui_menu_button_quiet_tooltip (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  if (g_object_get_data (G_OBJECT (button), "jp-quiet-tooltip") != NULL)
    return;
  g_object_set_data (G_OBJECT (button), "jp-quiet-tooltip", GINT_TO_POINTER (TRUE));
  /* The popover changes with the menu model: each one gets the hooks. */
  g_signal_connect (button, "notify::popover", G_CALLBACK (quiet_popover), NULL);
  quiet_popover (button);
}

void
jp_ui_set_accessible_label (GtkWidget  *widget,
                            const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

gboolean
jp_ui_set_str (char       **field,
               const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

void
jp_ui_calendar_select_iso (GtkCalendar *calendar,
                           const char  *iso)
{
  g_autoptr(GDateTime) date = NULL;
  GDate day;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  if (iso == NULL || !jp_date_parse (iso, &day))
    return;

  date = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), 0, 0, 0);
  gtk_calendar_select_day (calendar, date);
}

char *
jp_ui_calendar_dup_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), NULL);

  date = gtk_calendar_get_date (calendar);
  return g_date_time_format (date, "%Y-%m-%d");
}

GWeakRef *
jp_ui_weak_ref_new (gpointer object)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, object);
  return weak;
}

void
jp_ui_weak_ref_free (GWeakRef *weak)
{
  g_weak_ref_clear (weak);
  g_free (weak);
}

/* The application's settings, when the schema is installed (NULL
 * otherwise: an uninstalled run without GSETTINGS_SCHEMA_DIR, which then
 * remembers nothing). */
GSettings *
jp_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* TOOLTIP_CHARS characters a line: a tooltip label of GTK wraps Chinese
 * text, which may break anywhere, at its narrowest (four to six
 * characters a line); this one is as wide as its text up to that. */
#define TOOLTIP_CHARS 36

GtkWidget *
jp_ui_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int columns = 0;

  /* A Chinese character takes two "characters" of the font's width. */
  for (const char *p = text; *p != '\0' && columns < TOOLTIP_CHARS; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOOLTIP_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (columns, TOOLTIP_CHARS));

  return label;
}
