#define G_LOG_DOMAIN "jp-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-help-window.h"
#include "jp-ui-util.h"

struct _JpHelpWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (JpHelpWindow, jp_help_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order the rules check them, worst last among the open ones. */
static const JpStatus status_order[] = {
  JP_STATUS_NOT_STARTED,
  JP_STATUS_ON_TRACK,
  JP_STATUS_AT_RISK,
  JP_STATUS_BEHIND,
  JP_STATUS_NO_REPORT,
  JP_STATUS_OVERDUE,
  JP_STATUS_DONE,
};

static const char *status_descriptions[JP_N_STATUSES] = {
  [JP_STATUS_NOT_STARTED] = N_("Nothing is recorded yet, and nothing is expected yet: the expected progress e is at most 10%."),
  [JP_STATUS_ON_TRACK]    = N_("The progress p is at least the expected progress e minus 10 points."),
  [JP_STATUS_AT_RISK]     = N_("p is more than 10 points below e, but no more than 25."),
  [JP_STATUS_BEHIND]      = N_("p is more than 25 points below e."),
  [JP_STATUS_OVERDUE]     = N_("The due date has come (the due day counts) and the target is not met. At the end of the plan every unmet target is overdue; a work point is overdue when any of its targets is."),
  [JP_STATUS_DONE]        = N_("The target is met: p is 100%."),
  [JP_STATUS_NO_REPORT]   = N_("Nothing is recorded on or before the date although progress is already expected (e above 10%): silence is not success."),
};

static const char *kind_descriptions[] = {
  [JP_INDICATOR_KIND_AT_LEAST]    = N_("The value must reach the target or more; progress is the value divided by the target. E.g. 达90%."),
  [JP_INDICATOR_KIND_AT_MOST]     = N_("The value must stay at or below the target: met or not met. E.g. 控制在5%以内."),
  [JP_INDICATOR_KIND_RANGE]       = N_("The value must fall between the target and the upper bound; progress counts toward the lower one. E.g. 3-5所."),
  [JP_INDICATOR_KIND_DECREASE_BY] = N_("Record the decrease achieved; progress is that decrease divided by the target. E.g. 下降0.5%."),
  [JP_INDICATOR_KIND_INCREASE_BY] = N_("Record the increase achieved; progress is that increase divided by the target. E.g. 提高3个百分点."),
  [JP_INDICATOR_KIND_MILESTONE]   = N_("Done or not done, without a number. E.g. 年底前完成."),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_order) == JP_N_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_descriptions) == JP_INDICATOR_KIND_MILESTONE + 1);

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static GtkWidget *
group_new (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  return group;
}

/* The status's symbol in its colour, in a pill as the plan shows it. */
static GtkWidget *
status_symbol_new (JpStatus status)
{
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *symbol = gtk_label_new (jp_status_get_symbol (status));

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (symbol, "status-symbol");
  jp_ui_set_status_class (pill, status);
  gtk_label_set_width_chars (GTK_LABEL (symbol), 2);
  gtk_box_append (GTK_BOX (pill), symbol);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jp_status_get_label (status), -1);

  return pill;
}

static void
build (JpHelpWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *group;

  group = group_new (page, _("Statuses"),
                     _("p is the progress of the latest entry on or before the date shown; e is the "
                       "progress expected by then, from the target’s curve. The rules are checked in "
                       "this order: done, overdue, not started or no report, then on track, at risk "
                       "and behind."));
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      JpStatus status = status_order[i];
      GtkWidget *row = row_new (jp_status_get_label (status), jp_help_status_get_description (status));

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), status_symbol_new (status));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  group = group_new (page, _("Thresholds"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_new (_("e ≤ 0.10"),
                                      _("Nothing is expected yet: a target without entries is not started, not late.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_new (_("p ≥ e − 0.10"), _("On track.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             row_new (_("p ≥ e − 0.25"), _("At risk; below that, behind.")));

  group = group_new (page, _("Flags"),
                     _("Shown beside any status."));
  {
    g_autofree char *example = g_strdup_printf (_("Self-reported %s, targets %s"), "60%", "26%");

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (_("Late report"),
                                        _("The plan has a reporting cycle (set in Plan Properties) and the "
                                          "latest entry is older than the last report deadline on or before "
                                          "the date.")));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (example,
                                        _("A work point’s latest update reports a completion more than 20 "
                                          "points away from what its targets give; both are shown.")));
  }

  group = group_new (page, _("Expected Progress Curves"),
                     _("Chosen for a target, a work point or the whole plan (Plan Properties); a target "
                       "without its own curve takes its work point’s, and that the plan’s."));
  for (guint i = 0; i < JP_N_CURVE_KINDS; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (jp_curve_kind_get_label (i), jp_curve_kind_get_description (i)));

  group = group_new (page, _("Kinds of Target"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kind_descriptions); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               row_new (jp_indicator_kind_get_label (i),
                                        jp_help_indicator_kind_get_description (i)));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
jp_help_window_class_init (JpHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_help_window_init (JpHelpWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("How Progress Is Judged"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  build (self);
}

JpHelpWindow *
jp_help_window_new (void)
{
  return g_object_new (JP_TYPE_HELP_WINDOW, NULL);
}

const char *
jp_help_status_get_description (JpStatus status)
{
  g_return_val_if_fail (status < JP_N_STATUSES, NULL);
  return _(status_descriptions[status]);
}

const char *
jp_help_indicator_kind_get_description (JpIndicatorKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_descriptions), NULL);
  return _(kind_descriptions[kind]);
}
