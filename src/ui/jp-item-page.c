#define G_LOG_DOMAIN "jp-item-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jp-chart-view.h"
#include "jp-item-page.h"
#include "jp-name-list.h"
#include "jp-ui-util.h"
#include "jp-undo.h"

struct _JpItemPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *section_ordinal_label;
  GtkLabel       *section_title_label;
  GtkLabel       *section_summary_label;
  GtkProgressBar *section_bar;
  GtkWidget      *section_status_pill;
  GtkLabel       *section_status_symbol;
  GtkLabel       *section_status_label;
  GtkWidget      *section_actions;
  GtkWidget      *section_items_group;
  GtkListBox     *section_items_list;
  GtkLabel       *number_label;
  GtkLabel       *title_label;
  GtkLabel       *section_label;
  GtkWidget      *edit_button;
  GtkWidget      *status_pill;
  GtkLabel       *status_symbol;
  GtkLabel       *status_label;
  GtkLabel       *flags_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *percent_label;
  GtkLabel       *due_label;
  GtkTextView    *body_view;
  GtkStack       *body_stack;
  GtkLabel       *body_label;
  GtkToggleButton *body_edit_button;
  JpNameList     *leaders_list;
  JpNameList     *units_list;
  JpNameList     *partners_list;
  GtkWidget      *partners_group;
  AdwExpanderRow *people_row;
  GtkWidget      *add_indicator_button;
  GtkListBox     *indicators_list;
  GtkWidget      *no_indicators_label;
  AdwPreferencesGroup *history_group;
  GtkWidget      *record_button;
  GtkListBox     *history_list;
  GtkWidget      *history_chart_card;
  JpChartView    *history_chart;
  GtkWidget      *no_history_label;
  GtkWidget      *add_update_button;
  GtkListBox     *updates_list;
  GtkWidget      *no_updates_label;

  GObject        *object;     /* Owned: JpItem or JpSection */
  JpPlan         *plan;       /* Owned */
  JpIndicator    *indicator;  /* Owned: the selected one */
  char           *as_of;      /* NULL: the plan's default */
  char           *highlight;  /* the search text marked in the page, or NULL */
  gulong          changed_id;
  gboolean        editable;
  gboolean        loading;    /* filling the widgets: no signals upward */
  gboolean        body_dirty;
  guint           section_rows;    /* the section's work points listed */
  guint           section_rows_id; /* adding the others */
  gpointer        listed_section;  /* compared only: the section listed last */
};

G_DEFINE_FINAL_TYPE (JpItemPage, jp_item_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OBJECT,
  PROP_EDITABLE,
  PROP_SELECTED_INDICATOR,
  PROP_AS_OF,
  PROP_HIGHLIGHT,
  N_PROPS
};

enum {
  BODY_CHANGED,
  PEOPLE_CHANGED,
  ACTIVATE_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void refresh (JpItemPage *self);

/* The date of the figures: the one set, else the plan's default. */
static char *
dup_as_of (JpItemPage *self)
{
  if (self->as_of != NULL)
    return g_strdup (self->as_of);

  return self->plan != NULL ? jp_plan_dup_default_as_of (self->plan) : NULL;
}

static JpPlan *
object_plan (GObject *object)
{
  JpSection *section = NULL;

  if (JP_IS_SECTION (object))
    section = JP_SECTION (object);
  else if (JP_IS_ITEM (object))
    section = jp_item_get_section (JP_ITEM (object));

  return section != NULL ? jp_section_get_plan (section) : NULL;
}

static void
remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* @text as Pango markup with every match of @needle (ignoring case)
 * marked, or NULL when nothing matches. */
static char *
dup_highlighted (const char *text,
                 const char *needle)
{
  g_autofree char *folded_needle = NULL;
  g_autoptr(GString) markup = NULL;
  const char *p, *copied;
  glong n_chars;
  gboolean found = FALSE;

  if (text == NULL || needle == NULL || needle[0] == '\0')
    return NULL;

  folded_needle = g_utf8_casefold (needle, -1);
  n_chars = g_utf8_strlen (needle, -1);
  markup = g_string_new (NULL);

  for (p = copied = text; *p != '\0'; )
    {
      const char *end = p;
      glong i;

      for (i = 0; i < n_chars && *end != '\0'; i++)
        end = g_utf8_next_char (end);

      if (i == n_chars)
        {
          g_autofree char *folded = g_utf8_casefold (p, end - p);

          if (strcmp (folded, folded_needle) == 0)
            {
              g_autofree char *before = g_markup_escape_text (copied, p - copied);
              g_autofree char *match = g_markup_escape_text (p, end - p);

              g_string_append (markup, before);
              g_string_append_printf (markup, "<span background=\"#f8e45c\" foreground=\"#000000\">%s</span>",
                                      match);
              copied = p = end;
              found = TRUE;
              continue;
            }
        }

      p = g_utf8_next_char (p);
    }

  if (!found)
    return NULL;

  {
    g_autofree char *rest = g_markup_escape_text (copied, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Shows @text in @label, the matches of the search marked. */
static void
set_label_highlighted (JpItemPage *self,
                       GtkLabel   *label,
                       const char *text)
{
  g_autofree char *markup = dup_highlighted (text, self->highlight);

  if (markup != NULL)
    gtk_label_set_markup (label, markup);
  else
    {
      gtk_label_set_use_markup (label, FALSE);
      gtk_label_set_text (label, text != NULL ? text : "");
    }
}

static void
set_status (GtkWidget  *pill,
            GtkLabel   *symbol,
            GtkLabel   *label,
            JpStatus    status)
{
  gtk_label_set_text (symbol, jp_status_get_symbol (status));
  gtk_label_set_text (label, jp_status_get_label (status));
  jp_ui_set_status_class (pill, status);
}

/* "Expected progress: By quarter" */
static char *
dup_curve_text (const char *spec)
{
  g_autofree char *curve = jp_curve_describe (spec);

  /* Translators: under a work point's due date or a target's gauge: its
   * expected-progress curve, e.g. "By quarter" */
  return g_strdup_printf (_("Expected progress: %s"), curve);
}

static GtkWidget *
status_pill_new (JpStatus status)
{
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *symbol = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (symbol, "status-symbol");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (pill, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (pill), symbol);
  gtk_box_append (GTK_BOX (pill), label);
  set_status (pill, GTK_LABEL (symbol), GTK_LABEL (label), status);

  return pill;
}

static char *
dup_quantity (double      value,
              const char *unit)
{
  return jp_format_quantity (value, unit);
}

static char **
dup_names (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  char **names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (list, i);

      names[i] = g_strdup (JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                                 : jp_unit_get_name (JP_UNIT (person)));
    }

  return names;
}

/* A value or update dated after the as-of date: the figures do not count
 * it yet, and the row says so. */
static void
mark_if_later (GtkWidget  *row,
               const char *date,
               const char *as_of)
{
  if (date == NULL || as_of == NULL || strcmp (date, as_of) <= 0)
    return;

  gtk_widget_add_css_class (row, "after-as-of");
  gtk_widget_set_tooltip_text (row, _("After the date of the figures: not counted yet"));
}

static GtkWidget *
flat_icon_button (const char *icon,
                  const char *label,
                  const char *action,
                  gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  jp_ui_set_accessible_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static GMenuItem *
menu_item (const char *label,
           const char *action,
           gint64      id)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  return item;
}

/* ---- indicators --------------------------------------------------------- */

static GtkWidget *
build_indicator_row (JpItemPage  *self,
                     JpIndicator *indicator,
                     const char  *as_of)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *foot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *pill;
  GtkWidget *facts;
  GtkWidget *gauge = jp_chart_view_new ();
  g_autoptr(JpChartData) gauge_data = NULL;
  g_autofree char *facts_text = NULL;
  JpProgressEntry *entry = jp_indicator_find_entry (indicator, as_of);
  gint64 id = jp_indicator_get_id (indicator);
  JpProgress progress;

  jp_indicator_evaluate (indicator, as_of, &progress);

  g_object_set_data_full (G_OBJECT (row), "jp-indicator", g_object_ref (indicator), g_object_unref);
  gtk_widget_add_css_class (row, "indicator-row");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* The name and the status, once, as a pill like everywhere else. */
  set_label_highlighted (self, GTK_LABEL (name), jp_indicator_get_name (indicator));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  pill = status_pill_new (progress.status);
  gtk_widget_set_valign (pill, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (head), name);
  {
    g_autofree char *flags = jp_ui_dup_progress_flags (&progress);

    if (flags != NULL)
      {
        GtkWidget *flag = gtk_label_new (flags);

        gtk_widget_add_css_class (flag, "status-dot");
        gtk_widget_add_css_class (flag, jp_ui_status_css_class (JP_STATUS_NO_REPORT));
        gtk_widget_set_valign (flag, GTK_ALIGN_START);
        gtk_widget_set_margin_top (flag, 2);
        gtk_box_append (GTK_BOX (head), flag);
      }
  }
  gtk_box_append (GTK_BOX (head), pill);
  gtk_box_append (GTK_BOX (box), head);

  /* The gauge: the value against the target, the expected-by-now mark;
   * it prints the value and the target, the pill says the status. */
  gauge_data = jp_chart_data_new_for_indicator (indicator, as_of);
  jp_chart_data_set_title (gauge_data, NULL);
  jp_chart_data_set_hide_status (gauge_data, TRUE);
  jp_chart_view_set_interactive (JP_CHART_VIEW (gauge), FALSE);
  jp_chart_view_set_label (JP_CHART_VIEW (gauge), jp_indicator_get_name (indicator));
  jp_chart_view_set_data (JP_CHART_VIEW (gauge), gauge_data);
  gtk_widget_set_hexpand (gauge, TRUE);
  gtk_box_append (GTK_BOX (box), gauge);

  /* When the value shown was recorded, and what can be done with it. */
  if (entry != NULL)
    {
      g_autofree char *date = jp_date_format_display (jp_progress_entry_get_date (entry));

      /* Translators: under a target's gauge; the date of the value shown */
      facts_text = g_strdup_printf (_("Recorded on %s"), date);
    }
  else
    {
      g_autofree char *date = jp_date_format_display (as_of);

      /* Translators: under a target's gauge; the as-of date */
      facts_text = g_strdup_printf (_("Nothing recorded by %s"), date);
    }

  /* A curve of the target's own (the work point's is named above). */
  if (jp_indicator_get_curve (indicator) != NULL)
    {
      g_autofree char *curve_text = dup_curve_text (jp_indicator_get_curve (indicator));
      char *joined = g_strconcat (facts_text, "\n", curve_text, NULL);

      g_free (facts_text);
      facts_text = joined;
    }

  facts = gtk_label_new (facts_text);
  gtk_label_set_xalign (GTK_LABEL (facts), 0);
  gtk_label_set_wrap (GTK_LABEL (facts), TRUE);
  gtk_widget_set_valign (facts, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_widget_add_css_class (facts, "caption");
  gtk_widget_set_hexpand (facts, TRUE);
  gtk_box_append (GTK_BOX (foot), facts);

  if (self->editable)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenu) danger = g_menu_new ();
      g_autoptr(GMenuItem) edit = menu_item (_("_Edit…"), "win.edit-indicator", id);
      g_autoptr(GMenuItem) up = menu_item (_("Move _Up"), "win.move-indicator-up", id);
      g_autoptr(GMenuItem) down = menu_item (_("Move Do_wn"), "win.move-indicator-down", id);
      g_autoptr(GMenuItem) remove = menu_item (_("_Delete"), "win.delete-indicator", id);
      g_autofree char *record_label = g_strdup_printf (_("Record Progress of %s"),
                                                       jp_indicator_get_name (indicator));
      g_autofree char *more_label = g_strdup_printf (_("More for %s"), jp_indicator_get_name (indicator));
      GtkWidget *record = gtk_button_new ();
      GtkWidget *record_content = adw_button_content_new ();
      GtkWidget *more = gtk_menu_button_new ();

      g_menu_append_item (menu, edit);
      g_menu_append_item (section, up);
      g_menu_append_item (section, down);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append_item (danger, remove);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (record_content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (record_content), _("_Record…"));
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (record_content), TRUE);
      gtk_button_set_child (GTK_BUTTON (record), record_content);
      gtk_widget_add_css_class (record, "flat");
      gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (record, record_label);
      jp_ui_set_accessible_label (record, record_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "win.record-progress");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (record), g_variant_new_int64 (id));
      gtk_box_append (GTK_BOX (foot), record);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (more, more_label);
      jp_ui_set_accessible_label (more, more_label);
      jp_ui_menu_button_quiet_tooltip (more);
      gtk_box_append (GTK_BOX (foot), more);
    }

  gtk_box_append (GTK_BOX (box), foot);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* The selected card says so (the history below is its history). */
static void
mark_selected_indicator (JpItemPage *self)
{
  GtkListBoxRow *selected, *row;

  if (self->indicators_list == NULL) /* disposed */
    return;

  selected = gtk_list_box_get_selected_row (self->indicators_list);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->indicators_list, i)) != NULL; i++)
    {
      if (row == selected)
        gtk_widget_add_css_class (GTK_WIDGET (row), "selected-target");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "selected-target");
    }
}

static void
fill_history (JpItemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = dup_as_of (self);
  GListModel *progress;
  guint n;

  remove_all (self->history_list);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), self->indicator != NULL);
  jp_chart_view_set_data (self->history_chart, NULL);
  gtk_widget_set_visible (self->history_chart_card, FALSE);

  if (self->indicator == NULL)
    return;

  adw_preferences_group_set_description (self->history_group, jp_indicator_get_name (self->indicator));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->record_button),
                                          g_variant_new_int64 (jp_indicator_get_id (self->indicator)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->record_button), "win.record-progress");
  gtk_widget_set_visible (self->record_button, self->editable);

  if (!jp_indicator_ensure_history (self->indicator, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->no_history_label), error->message);
      gtk_widget_set_visible (self->no_history_label, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_list), FALSE);
      return;
    }

  progress = jp_indicator_get_progress (self->indicator);
  n = g_list_model_get_n_items (progress);

  /* The history chart: entries over the plan year, target, expected line
   * and the as-of date. */
  if (n > 0)
    {
      g_autoptr(JpChartData) history = jp_chart_data_new_for_indicator_history (self->indicator, as_of);

      jp_chart_data_set_title (history, NULL);
      jp_chart_view_set_label (self->history_chart, jp_indicator_get_name (self->indicator));
      jp_chart_view_set_data (self->history_chart, history);
      gtk_widget_set_visible (self->history_chart_card, TRUE);
    }

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = NULL;
      g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *date = jp_date_format_display (jp_progress_entry_get_date (entry));
      const char *note = jp_progress_entry_get_note (entry);
      const char *author = jp_progress_entry_get_author (entry);

      if (jp_indicator_get_kind (self->indicator) == JP_INDICATOR_KIND_MILESTONE)
        value = g_strdup (jp_progress_entry_get_value (entry) >= 1 ? _("Done") : _("Not done"));
      else
        value = dup_quantity (jp_progress_entry_get_value (entry), jp_indicator_get_unit (self->indicator));

      g_strv_builder_add (parts, date);
      if (note != NULL && note[0] != '\0')
        g_strv_builder_add (parts, note);
      if (author != NULL && author[0] != '\0')
        g_strv_builder_add (parts, author);
      strv = g_strv_builder_end (parts);
      subtitle = g_strjoinv (" · ", strv);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      if (self->editable)
        {
          /* Translators: the button that deletes one progress entry (its date) */
          g_autofree char *label = g_strdup_printf (_("Delete the Entry of %s"), date);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     flat_icon_button ("user-trash-symbolic", label, "win.delete-progress",
                                                       jp_progress_entry_get_id (entry)));
        }

      mark_if_later (row, jp_progress_entry_get_date (entry), as_of);
      gtk_list_box_append (self->history_list, row);
    }

  gtk_label_set_text (GTK_LABEL (self->no_history_label), _("Nothing recorded yet."));
  gtk_widget_set_visible (self->no_history_label, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), n > 0);
}

static void
fill_indicators (JpItemPage *self,
                 JpItem     *item,
                 const char *as_of)
{
  GListModel *indicators = jp_item_get_indicators (item);
  guint n = g_list_model_get_n_items (indicators);
  GtkListBoxRow *selected = NULL;

  self->loading = TRUE;
  remove_all (self->indicators_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      GtkWidget *row = build_indicator_row (self, indicator, as_of);

      gtk_list_box_append (self->indicators_list, row);
      if (indicator == self->indicator)
        selected = GTK_LIST_BOX_ROW (row);
    }

  if (selected == NULL && n > 0)
    selected = gtk_list_box_get_row_at_index (self->indicators_list, 0);

  gtk_list_box_select_row (self->indicators_list, selected);
  mark_selected_indicator (self);
  self->loading = FALSE;

  {
    JpIndicator *indicator = selected != NULL ? g_object_get_data (G_OBJECT (selected), "jp-indicator") : NULL;

    if (g_set_object (&self->indicator, indicator))
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_INDICATOR]);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->indicators_list), n > 0);
  gtk_widget_set_visible (self->no_indicators_label, n == 0);
  fill_history (self);
}

/* Double-click or Enter on a card: edit the target. */
static void
on_indicator_activated_cb (JpItemPage    *self,
                           GtkListBoxRow *row)
{
  JpIndicator *indicator = g_object_get_data (G_OBJECT (row), "jp-indicator");

  if (indicator == NULL || !self->editable)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-indicator", "x",
                              jp_indicator_get_id (indicator));
}

static void
on_indicator_selected_cb (JpItemPage    *self,
                          GtkListBoxRow *row)
{
  JpIndicator *indicator;

  mark_selected_indicator (self);
  if (self->loading)
    return;

  indicator = row != NULL ? g_object_get_data (G_OBJECT (row), "jp-indicator") : NULL;
  if (!g_set_object (&self->indicator, indicator))
    return;

  fill_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_INDICATOR]);
}

/* ---- updates ------------------------------------------------------------ */

static void
add_update_field (GtkWidget  *expander,
                  const char *title,
                  const char *text)
{
  GtkWidget *row;

  if (text == NULL || text[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
fill_updates (JpItemPage *self,
              JpItem     *item,
              const char *as_of)
{
  GListModel *updates = jp_item_get_updates (item);
  guint n = g_list_model_get_n_items (updates);

  remove_all (self->updates_list);

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i - 1);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *date = jp_date_format_display (jp_item_update_get_date (update));
      const char *note = jp_item_update_get_note (update);
      gint64 id = jp_item_update_get_id (update);

      if (jp_item_update_get_has_completion (update))
        {
          g_autofree char *completion = jp_format_percent (jp_item_update_get_completion (update) / 100.0);

          /* Translators: an update's date and its completion */
          title = g_strdup_printf (_("%s · %s complete"), date, completion);
        }
      else
        title = g_strdup (date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      if (note != NULL && note[0] != '\0')
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), note);

      add_update_field (expander, _("Progress Made"), note);
      add_update_field (expander, _("Problems"), jp_item_update_get_problems (update));
      add_update_field (expander, _("Next Steps"), jp_item_update_get_next_steps (update));
      add_update_field (expander, _("Reported By"), jp_item_update_get_author (update));

      if (self->editable)
        {
          /* Translators: the buttons that edit and delete an update (its date) */
          g_autofree char *edit = g_strdup_printf (_("Edit the Update of %s"), date);
          g_autofree char *remove = g_strdup_printf (_("Delete the Update of %s"), date);

          /* add_action() puts each new one first: edit ends up leftmost. */
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                       flat_icon_button ("user-trash-symbolic", remove, "win.delete-update", id));
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                       flat_icon_button ("document-edit-symbolic", edit, "win.edit-update", id));
        }

      /* The latest report reads open: progress, problems, next steps. */
      if (i == n)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

      mark_if_later (expander, jp_item_update_get_date (update), as_of);
      gtk_list_box_append (self->updates_list, expander);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->updates_list), n > 0);
  gtk_widget_set_visible (self->no_updates_label, n == 0);
}

/* ---- the page ----------------------------------------------------------- */

static void
load_body (JpItemPage *self,
           JpItem     *item)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char *body = jp_item_get_body (item);

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  self->loading = FALSE;
  self->body_dirty = FALSE;

  set_label_highlighted (self, self->body_label, body);
}

static void
refresh_people (JpItemPage *self,
                JpItem     *item)
{
  g_auto(GStrv) leaders = dup_names (jp_item_get_leaders (item));
  g_auto(GStrv) units = dup_names (jp_item_get_units (item));
  g_auto(GStrv) partners = dup_names (jp_item_get_partner_units (item));
  g_auto(GStrv) plan_leaders = dup_names (jp_plan_get_leaders (self->plan));
  g_auto(GStrv) plan_units = dup_names (jp_plan_get_units (self->plan));

  jp_name_list_set_names (self->leaders_list, (const char * const *) leaders);
  jp_name_list_set_choices (self->leaders_list, (const char * const *) plan_leaders);
  jp_name_list_set_names (self->units_list, (const char * const *) units);
  jp_name_list_set_choices (self->units_list, (const char * const *) plan_units);
  jp_name_list_set_names (self->partners_list, (const char * const *) partners);
  jp_name_list_set_choices (self->partners_list, (const char * const *) plan_units);

  gtk_widget_set_visible (self->partners_group, self->editable || partners[0] != NULL);

  /* The names stay readable with the lists folded away. */
  {
    g_autofree char *leader_text = g_strjoinv ("、", leaders);
    g_autofree char *unit_text = g_strjoinv ("、", units);
    g_autofree char *summary = NULL;
    g_autofree char *escaped = NULL;

    if (leaders[0] == NULL && units[0] == NULL)
      summary = g_strdup (_("No leader or unit named"));
    else
      /* Translators: the summary of a work point's folded leaders and
       * responsible units: "Leaders: 张三、李四 · Units: 督导室" */
      summary = g_strdup_printf (_("Leaders: %s · Units: %s"),
                                 leaders[0] != NULL ? leader_text : "—",
                                 units[0] != NULL ? unit_text : "—");
    escaped = g_markup_escape_text (summary, -1);
    adw_expander_row_set_subtitle (self->people_row, escaped);
  }
}

static void
refresh_item (JpItemPage *self,
              JpItem     *item)
{
  g_autofree char *as_of = dup_as_of (self);
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  g_autofree char *percent = NULL;
  g_autofree char *due = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *as_of_date = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *expected_text = NULL;
  JpSection *section = jp_item_get_section (item);
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);

  gtk_label_set_text (self->number_label, number);
  set_label_highlighted (self, self->title_label, jp_item_get_title (item));
  {
    g_autofree char *section_text = g_strdup_printf (_("%s、%s"), jp_section_get_ordinal (section),
                                                     jp_section_get_title (section));

    gtk_label_set_text (self->section_label, section_text);
  }

  set_status (self->status_pill, self->status_symbol, self->status_label, progress.status);
  {
    g_autofree char *flags = jp_ui_dup_progress_flags (&progress);

    gtk_label_set_text (self->flags_label, flags != NULL ? flags : "");
    gtk_widget_set_visible (GTK_WIDGET (self->flags_label), flags != NULL);
  }
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress.p, 0, 1));
  jp_ui_set_status_class (GTK_WIDGET (self->progress_bar), progress.status);
  percent = jp_ui_dup_rounded_percent (progress.ratio);
  gtk_label_set_text (self->percent_label, percent);
  {
    g_autofree char *exact = jp_format_percent (progress.ratio);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->percent_label), exact);
  }

  if (jp_item_get_due (item) != NULL)
    {
      g_autofree char *date = jp_date_format_display (jp_item_get_due (item));

      /* Translators: the due date of a work point */
      due = g_strdup_printf (_("Due %s"), date);
    }
  else
    {
      g_autofree char *date = jp_date_format_display (jp_item_get_effective_due (item));

      /* Translators: a work point without a due date of its own is due at
       * the end of the plan (this date) */
      due = g_strdup_printf (_("Due by the end of the plan, %s"), date);
    }
  /* What was expected by the as-of date, by the same rule as the status. */
  expected = jp_ui_dup_rounded_percent (progress.expected);
  as_of_date = jp_date_format_display (as_of);
  /* Translators: the share of a work point expected by the as-of date
   * (by the same rule as its status): "75% expected by Sep 30, 2023" */
  expected_text = g_strdup_printf (_("%s expected by %s"), expected, as_of_date);
  if (jp_curve_get_kind (jp_item_get_effective_curve (item)) != JP_CURVE_LINEAR)
    {
      g_autofree char *curve_text = dup_curve_text (jp_item_get_effective_curve (item));

      due_text = g_strconcat (due, "\n", expected_text, "\n", curve_text, NULL);
    }
  else
    due_text = g_strconcat (due, "\n", expected_text, NULL);
  gtk_label_set_text (self->due_label, due_text);

  if (!self->body_dirty)
    load_body (self, item);

  refresh_people (self, item);
  fill_indicators (self, item, as_of);
  fill_updates (self, item, as_of);
}

/* At most this many work points in a section's page (a generated plan may
 * put thousands in one section); the tree lists them all. */
#define MAX_SECTION_ROWS 50

/* The rows put in the page at once; the others follow as many at a time in
 * the idle moments after (a row of two wrapped lines and a status pill
 * costs about 10 million instructions to build, measure and draw: fifty in
 * one go would hold the frame showing the page for over 100 ms, while a
 * tall window shows about a dozen). */
#define SECTION_ROWS_AT_ONCE 12

static void
append_section_item_row (JpItemPage *self,
                         JpItem     *item,
                         const char *as_of)
{
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  g_autofree char *percent = NULL;
  g_autofree char *leaders = jp_item_dup_leader_names (item, " ");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *number_label = gtk_label_new (number);
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);
  percent = jp_ui_dup_rounded_percent (progress.ratio);
  if (leaders != NULL && leaders[0] != '\0')
    /* Translators: a work point's leaders, then its progress */
    subtitle = g_strdup_printf (C_("leaders and figures", "%s · %s"), leaders, percent);
  else
    subtitle = g_strdup (percent);
  {
    g_autofree char *flags = jp_ui_dup_progress_flags (&progress);

    if (flags != NULL)
      {
        char *with_flags = g_strdup_printf (C_("leaders and figures", "%s · %s"), subtitle, flags);

        g_free (subtitle);
        subtitle = with_flags;
      }
  }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jp_item_get_title (item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (number_label, "item-number");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_pill_new (progress.status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "jp-item", g_object_ref (item), g_object_unref);
  gtk_list_box_append (self->section_items_list, row);
}

/* Adds the next rows of the section shown (self->section_rows of them are
 * there); the last call adds the "And N more" row. Returns whether rows
 * are left to add. */
static gboolean
append_section_rows (JpItemPage *self,
                     guint       count)
{
  GListModel *items = jp_section_get_items (JP_SECTION (self->object));
  guint n = g_list_model_get_n_items (items);
  guint end = MIN (MIN (n, MAX_SECTION_ROWS), self->section_rows + count);
  g_autofree char *as_of = dup_as_of (self);

  for (; self->section_rows < end; self->section_rows++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, self->section_rows);

      append_section_item_row (self, item, as_of);
    }

  if (self->section_rows < MIN (n, MAX_SECTION_ROWS))
    return TRUE;

  if (n > MAX_SECTION_ROWS)
    {
      guint more = n - MAX_SECTION_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more work point",
                                                            "And %u more work points", more),
                                               more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->section_items_list, row);
    }

  return FALSE;
}

static gboolean
append_section_rows_cb (gpointer data)
{
  JpItemPage *self = data;

  if (append_section_rows (self, SECTION_ROWS_AT_ONCE))
    return G_SOURCE_CONTINUE;

  self->section_rows_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_section_rows (JpItemPage *self)
{
  g_clear_handle_id (&self->section_rows_id, g_source_remove);
}

/* The section's work points, each with its status; one leads to it. A
 * section newly shown gets its first rows now and the others after the
 * frame that shows them; the same section shown again (after an edit, at
 * another date) gets them all at once, so that the list keeps its height
 * and where it was scrolled to. */
static void
fill_section_items (JpItemPage *self,
                    JpSection  *section)
{
  guint n = g_list_model_get_n_items (jp_section_get_items (section));
  gboolean again = section == self->listed_section;

  stop_section_rows (self);
  remove_all (self->section_items_list);
  self->section_rows = 0;
  self->listed_section = section;

  /* Below the redraw priority: the frame with the first rows comes first. */
  if (append_section_rows (self, again ? MAX_SECTION_ROWS : SECTION_ROWS_AT_ONCE))
    self->section_rows_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, append_section_rows_cb,
                                             self, NULL);

  gtk_widget_set_visible (self->section_items_group, n > 0);
}

static void
on_section_item_activated_cb (JpItemPage    *self,
                              GtkListBoxRow *row)
{
  JpItem *item = g_object_get_data (G_OBJECT (row), "jp-item");

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATE_OBJECT], 0, item);
}

static void
refresh_section (JpItemPage *self,
                 JpSection  *section)
{
  g_autofree char *as_of = dup_as_of (self);
  g_autofree char *summary = NULL;
  g_autofree char *percent = NULL;
  guint n = g_list_model_get_n_items (jp_section_get_items (section));
  JpProgress progress;

  jp_section_evaluate (section, as_of, &progress);
  percent = jp_ui_dup_rounded_percent (progress.ratio);

  {
    /* Translators: above a section's title, with its ordinal (一, 二 …) */
    g_autofree char *ordinal = g_strdup_printf (_("Section %s"), jp_section_get_ordinal (section));

    gtk_label_set_text (self->section_ordinal_label, ordinal);
  }
  gtk_label_set_text (self->section_title_label, jp_section_get_title (section));
  /* Translators: a section's summary: number of work points, mean progress */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u work point · %s done on average",
                                          "%u work points · %s done on average", n),
                             n, percent);
  gtk_label_set_text (self->section_summary_label, summary);
  gtk_progress_bar_set_fraction (self->section_bar, CLAMP (progress.p, 0, 1));
  jp_ui_set_status_class (GTK_WIDGET (self->section_bar), progress.status);
  set_status (self->section_status_pill, self->section_status_symbol, self->section_status_label,
              progress.status);
  fill_section_items (self, section);
}

static void
refresh (JpItemPage *self)
{
  stop_section_rows (self);

  if (JP_IS_ITEM (self->object) && self->plan != NULL &&
      jp_item_get_section (JP_ITEM (self->object)) != NULL)
    {
      self->listed_section = NULL;
      refresh_item (self, JP_ITEM (self->object));
      gtk_stack_set_visible_child_name (self->stack, "item");
    }
  else if (JP_IS_SECTION (self->object) && self->plan != NULL &&
           jp_section_get_plan (JP_SECTION (self->object)) != NULL)
    {
      refresh_section (self, JP_SECTION (self->object));
      gtk_stack_set_visible_child_name (self->stack, "section");
    }
  else
    {
      self->listed_section = NULL;
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

static void
apply_editable (JpItemPage *self)
{
  gtk_text_view_set_editable (self->body_view, self->editable);
  gtk_text_view_set_cursor_visible (self->body_view, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->body_edit_button), self->editable);
  if (!self->editable)
    gtk_toggle_button_set_active (self->body_edit_button, FALSE);
  jp_name_list_set_editable (self->leaders_list, self->editable);
  jp_name_list_set_editable (self->units_list, self->editable);
  jp_name_list_set_editable (self->partners_list, self->editable);
  gtk_widget_set_visible (self->edit_button, self->editable);
  gtk_widget_set_visible (self->section_actions, self->editable);
  gtk_widget_set_visible (self->add_indicator_button, self->editable);
  gtk_widget_set_visible (self->add_update_button, self->editable);
  gtk_widget_set_visible (self->record_button, self->editable);
}

static char *
dup_body_text (JpItemPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_body_changed_cb (JpItemPage *self)
{
  if (!self->loading)
    self->body_dirty = TRUE;
}

static void
on_body_focus_leave_cb (JpItemPage *self)
{
  jp_item_page_commit (self);
}

/* The text reads as a label (which wraps to any width); the pencil turns it
 * into an editor, and turning it off again (or leaving the editor) sends
 * the edit upward. */
static void
on_body_edit_toggled_cb (JpItemPage *self)
{
  gboolean editing = gtk_toggle_button_get_active (self->body_edit_button);

  gtk_stack_set_visible_child_name (self->body_stack, editing ? "edit" : "view");
  gtk_button_set_icon_name (GTK_BUTTON (self->body_edit_button),
                            editing ? "object-select-symbolic" : "document-edit-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->body_edit_button),
                               editing ? C_("text editor", "Done") : _("Edit the Text"));
  jp_ui_set_accessible_label (GTK_WIDGET (self->body_edit_button),
                              editing ? C_("text editor", "Done") : _("Edit the Text"));

  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  else
    jp_item_page_commit (self);
}

static void
emit_people (JpItemPage   *self,
             JpPeopleKind  kind,
             GStrv         names)
{
  if (self->loading || !JP_IS_ITEM (self->object))
    return;

  g_signal_emit (self, signals[PEOPLE_CHANGED], 0, self->object, kind, names);
}

static void
on_leaders_changed_cb (JpItemPage *self,
                       GStrv       names)
{
  emit_people (self, JP_PEOPLE_LEADERS, names);
}

static void
on_units_changed_cb (JpItemPage *self,
                     GStrv       names)
{
  emit_people (self, JP_PEOPLE_UNITS, names);
}

static void
on_partners_changed_cb (JpItemPage *self,
                        GStrv       names)
{
  emit_people (self, JP_PEOPLE_PARTNER_UNITS, names);
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_item_page_dispose (GObject *object)
{
  JpItemPage *self = (JpItemPage *) object;

  stop_section_rows (self);
  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
  g_clear_object (&self->object);
  g_clear_object (&self->indicator);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_ITEM_PAGE);

  G_OBJECT_CLASS (jp_item_page_parent_class)->dispose (object);
}

static void
jp_item_page_finalize (GObject *object)
{
  JpItemPage *self = (JpItemPage *) object;

  g_free (self->as_of);
  g_free (self->highlight);

  G_OBJECT_CLASS (jp_item_page_parent_class)->finalize (object);
}

static void
jp_item_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpItemPage *self = JP_ITEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_OBJECT:
      g_value_set_object (value, self->object);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_SELECTED_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_string (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpItemPage *self = JP_ITEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_OBJECT:
      jp_item_page_set_object (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      jp_item_page_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_AS_OF:
      jp_item_page_set_as_of (self, g_value_get_string (value));
      break;
    case PROP_HIGHLIGHT:
      jp_item_page_set_highlight (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_page_class_init (JpItemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_item_page_dispose;
  object_class->finalize = jp_item_page_finalize;
  object_class->get_property = jp_item_page_get_property;
  object_class->set_property = jp_item_page_set_property;

  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_INDICATOR] =
    g_param_spec_object ("selected-indicator", NULL, NULL, JP_TYPE_INDICATOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The date of the figures shown; NULL: the plan's default. */
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The search text, marked wherever it occurs in the page; NULL: none. */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_string ("highlight", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BODY_CHANGED] =
    g_signal_new ("body-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, JP_TYPE_ITEM, G_TYPE_STRING);
  signals[PEOPLE_CHANGED] =
    g_signal_new ("people-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, JP_TYPE_ITEM, G_TYPE_INT, G_TYPE_STRV);
  /**
   * JpItemPage::activate-object:
   * @object: the JpItem to show (a work point of the section shown)
   */
  signals[ACTIVATE_OBJECT] =
    g_signal_new ("activate-object",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (JP_TYPE_NAME_LIST);
  g_type_ensure (JP_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-item-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_ordinal_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_title_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_bar);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_status_pill);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_status_symbol);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_status_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_actions);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_items_group);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_items_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, status_pill);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, status_symbol);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, flags_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, body_stack);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, body_edit_button);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, leaders_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, units_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, partners_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, partners_group);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, people_row);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, add_indicator_button);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, no_indicators_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, history_chart_card);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, history_chart);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, no_history_label);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, add_update_button);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, updates_list);
  gtk_widget_class_bind_template_child (widget_class, JpItemPage, no_updates_label);
  gtk_widget_class_bind_template_callback (widget_class, on_indicator_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_indicator_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_body_edit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaders_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_units_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partners_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "jpitempage");
}

static void
jp_item_page_init (JpItemPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_body_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_body_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);

  apply_editable (self);
  refresh (self);
}

GtkWidget *
jp_item_page_new (void)
{
  return g_object_new (JP_TYPE_ITEM_PAGE, NULL);
}

GObject *
jp_item_page_get_object (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), NULL);

  return self->object;
}

void
jp_item_page_set_object (JpItemPage *self,
                         GObject    *object)
{
  JpPlan *plan;

  g_return_if_fail (JP_IS_ITEM_PAGE (self));
  g_return_if_fail (object == NULL || JP_IS_ITEM (object) || JP_IS_SECTION (object));

  if (self->object == object)
    return;

  jp_item_page_commit (self);

  plan = object != NULL ? object_plan (object) : NULL;
  if (plan != self->plan)
    {
      if (self->plan != NULL)
        g_clear_signal_handler (&self->changed_id, self->plan);
      g_set_object (&self->plan, plan);
      if (plan != NULL)
        self->changed_id = g_signal_connect_object (plan, "changed", G_CALLBACK (refresh), self,
                                                    G_CONNECT_SWAPPED);
    }

  g_set_object (&self->object, object);
  g_clear_object (&self->indicator);
  self->body_dirty = FALSE;
  gtk_toggle_button_set_active (self->body_edit_button, FALSE);

  refresh (self);

  if (JP_IS_ITEM (object))
    {
      GtkWidget *scroller = gtk_stack_get_visible_child (self->stack);

      if (GTK_IS_SCROLLED_WINDOW (scroller))
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_INDICATOR]);
}

JpItem *
jp_item_page_get_item (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), NULL);

  return JP_IS_ITEM (self->object) ? JP_ITEM (self->object) : NULL;
}

gboolean
jp_item_page_get_editable (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), FALSE);

  return self->editable;
}

void
jp_item_page_set_editable (JpItemPage *self,
                           gboolean    editable)
{
  g_return_if_fail (JP_IS_ITEM_PAGE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  if (!editable)
    jp_item_page_commit (self);

  self->editable = editable;
  apply_editable (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

const char *
jp_item_page_get_as_of (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), NULL);

  return self->as_of;
}

void
jp_item_page_set_as_of (JpItemPage *self,
                        const char *as_of)
{
  g_return_if_fail (JP_IS_ITEM_PAGE (self));

  if (!jp_ui_set_str (&self->as_of, as_of))
    return;

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

const char *
jp_item_page_get_highlight (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), NULL);

  return self->highlight;
}

/* Marks @text (ignoring case) in the title, the text and the target names. */
void
jp_item_page_set_highlight (JpItemPage *self,
                            const char *text)
{
  g_return_if_fail (JP_IS_ITEM_PAGE (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (!jp_ui_set_str (&self->highlight, text))
    return;

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

JpIndicator *
jp_item_page_get_selected_indicator (JpItemPage *self)
{
  g_return_val_if_fail (JP_IS_ITEM_PAGE (self), NULL);

  return self->indicator;
}

void
jp_item_page_select_indicator (JpItemPage  *self,
                               JpIndicator *indicator)
{
  GtkListBoxRow *row;

  g_return_if_fail (JP_IS_ITEM_PAGE (self));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->indicators_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "jp-indicator") == (gpointer) indicator)
      {
        gtk_list_box_select_row (self->indicators_list, row);
        return;
      }
}

void
jp_item_page_commit (JpItemPage *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JP_IS_ITEM_PAGE (self));

  if (!self->body_dirty || !JP_IS_ITEM (self->object))
    return;

  self->body_dirty = FALSE;
  text = dup_body_text (self);
  if (g_strcmp0 (text, jp_item_get_body (JP_ITEM (self->object))) == 0)
    return;

  g_signal_emit (self, signals[BODY_CHANGED], 0, self->object, text);
}
