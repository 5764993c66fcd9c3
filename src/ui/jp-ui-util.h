#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"

G_BEGIN_DECLS

/* Small helpers shared by the widgets of src/ui (no GObject type here). */

/* Parses a number as people type it: "90", "９０", "4.7", "２，９００", " 0.5 ".
 * FALSE for anything else (empty, "abc", "1e", "nan") and beyond
 * JP_VALUE_MAX (jp-limits.h). */
gboolean    jp_ui_parse_number         (const char  *text,
                                        double      *out);
/* Why @text, a number jp_ui_parse_number() refused, cannot be stored: too
 * large or with more digits than can be stored exactly ("1e309",
 * "1234567890123456"), written with an exponent ("1E2") or in
 * hexadecimal (jp-limits.h). NULL when it is no number at all (the
 * dialog's own message then says what to type). */
char       *jp_ui_dup_number_problem   (const char  *text) G_GNUC_WARN_UNUSED_RESULT;
/* "YYYY-MM-DD" (also full-width digits and "2023/6/30", "2023年6月30日"),
 * normalised to ISO in @iso_out (nullable). */
gboolean    jp_ui_parse_date           (const char  *text,
                                        char       **iso_out);
/* The date text is a date inside the plan's start … end. NULL error text
 * when valid; otherwise a translated message for the inline error. */
const char *jp_ui_check_plan_date      (JpPlan      *plan,
                                        const char  *text,
                                        gboolean     optional,
                                        char       **iso_out);
/* Marks @widget (an AdwEntryRow, AdwActionRow …) as invalid and shows
 * @message in @label (NULL message: valid, hides the label). */
void        jp_ui_show_invalid         (GtkWidget   *widget,
                                        GtkWidget   *label,
                                        const char  *message);
/* Installs the status colours (from jp_status_get_rgb) as CSS for
 * .status-<nick> classes once per display. */
void        jp_ui_install_status_css   (GdkDisplay  *display);
/* "status-on-track" … (static string). */
const char *jp_ui_status_css_class     (JpStatus     status);
/* Removes every status-* class and adds the one for @status. */
void        jp_ui_set_status_class     (GtkWidget   *widget,
                                        JpStatus     status);
/* The flags shown beside a status: "Late report", "Self-reported 60%,
 * targets 26%", joined by " · "; NULL when there is none. */
char       *jp_ui_dup_progress_flags   (const JpProgress *progress) G_GNUC_WARN_UNUSED_RESULT;
/* The user's name for "author" fields. */
const char *jp_ui_default_author       (void);
/* A plan's name in the switcher: its title when that says the year
 * ("2023年工作要点"), else "2023 · 工作要点". */
char       *jp_ui_dup_plan_label       (int          year,
                                        const char  *title) G_GNUC_WARN_UNUSED_RESULT;
/* A share as lists and gauges print it: whole percents from 10% up, one
 * decimal below ("68%", "4.5%"); the exact figure goes in tooltips. */
char       *jp_ui_dup_rounded_percent  (double       ratio) G_GNUC_WARN_UNUSED_RESULT;
/* g_set_str() of GLib 2.76: TRUE when *@field changed. */
gboolean    jp_ui_set_str              (char       **field,
                                        const char  *value);
/* A GWeakRef of its own to @object, for the data of an async callback that
 * must not keep @object alive (free it with g_autoptr (GWeakRef)). */
GWeakRef   *jp_ui_weak_ref_new         (gpointer     object) G_GNUC_WARN_UNUSED_RESULT;
void        jp_ui_weak_ref_free        (GWeakRef    *weak);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, jp_ui_weak_ref_free)

/* A calendar and an ISO date (YYYY-MM-DD): select @iso (nothing happens
 * when it is NULL or not a date), and the selected day as a new string. */
void        jp_ui_calendar_select_iso  (GtkCalendar *calendar,
                                        const char  *iso);
char       *jp_ui_calendar_dup_iso     (GtkCalendar *calendar) G_GNUC_WARN_UNUSED_RESULT;
/* The tooltip of @button (a GtkMenuButton) never covers its open menu: it
 * is off while the popover is shown and back when it closes. */
void        jp_ui_menu_button_quiet_tooltip (GtkWidget *button);
/* Sets an accessible label on an icon-only control. */
void        jp_ui_set_accessible_label (GtkWidget   *widget,
                                        const char  *label);
/* The application's settings; NULL when the schema is not installed. */
GSettings  *jp_ui_settings_new         (void) G_GNUC_WARN_UNUSED_RESULT;
/* A tooltip's label that wraps long (Chinese) text at a readable width,
 * for gtk_tooltip_set_custom(). */
GtkWidget  *jp_ui_tooltip_label_new    (const char  *text);

G_END_DECLS
