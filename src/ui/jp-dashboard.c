#define G_LOG_DOMAIN "jp-dashboard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jp-chart-view.h"
#include "jp-dashboard.h"
#include "jp-date.h"
#include "jp-date-picker.h"
#include "jp-ui-util.h"

/* At most this many rows in the list of items that need attention. */
#define MAX_ATTENTION_ROWS 50

struct _JpDashboard
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_buttons;
  GtkScrolledWindow   *scroller;
  GtkLabel            *plan_title_label;
  GtkLabel            *summary_label;
  GtkDropDown         *leader_dropdown;
  GtkDropDown         *unit_dropdown;
  GtkMenuButton       *as_of_button;
  GtkLabel            *as_of_label;
  GtkPopover          *as_of_popover;
  JpDatePicker        *as_of_picker;
  GtkButton           *default_date_button;
  AdwPreferencesGroup *overall_group;
  JpChartView         *overall_chart;
  GtkLabel            *overall_caption;
  AdwPreferencesGroup *status_group;
  JpChartView         *status_chart;
  AdwPreferencesGroup *person_group;
  JpChartView         *person_chart;
  AdwPreferencesGroup *trend_group;
  JpChartView         *trend_chart;
  AdwPreferencesGroup *attention_group;
  GtkListBox          *attention_list;
  AdwPreferencesGroup *reporting_group;
  GtkGrid             *reporting_grid;
  AdwPreferencesGroup *sections_group;
  JpChartView         *sections_chart;
  AdwPreferencesGroup *leaders_group;
  JpChartView         *leaders_chart;
  AdwPreferencesGroup *units_group;
  JpChartView         *units_chart;

  JpPlan              *plan;            /* Owned */
  JpLeader            *leader;          /* Owned: the picked leader, or NULL */
  JpUnit              *unit;            /* Owned: the picked unit, or NULL */
  char                *as_of;           /* ISO; NULL without a plan */
  GtkStringList       *leader_names;    /* Owned: the leader picker's choices */
  GtkStringList       *unit_names;      /* Owned */
  GSignalGroup        *plan_signals;    /* Owned: on the plan */
  GSignalGroup        *sections_signals; /* Owned: on its sections list */
  GSignalGroup        *leaders_signals; /* Owned: on its leaders list */
  GSignalGroup        *units_signals;   /* Owned: on its units list */
  guint                rebuild_id;
  guint                slow_id;         /* the trend and the reporting table */
  gboolean             stale;           /* changed while not on screen */
  gboolean             updating_pickers;
};

G_DEFINE_FINAL_TYPE (JpDashboard, jp_dashboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_AS_OF,
  PROP_LEADER,
  PROP_UNIT,
  N_PROPS
};

enum {
  ACTIVATE_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (JpDashboard *self);

/* ---- helpers ---------------------------------------------------------------- */

static const char *
person_name (gpointer person)
{
  if (JP_IS_LEADER (person))
    return jp_leader_get_name (person);
  if (JP_IS_UNIT (person))
    return jp_unit_get_name (person);
  return NULL;
}

/* The choices of a picker: "All …" then every name of @people. */
static void
fill_names (GtkStringList *names,
            const char    *all,
            GListModel    *people)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_strv_builder_add (builder, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      g_strv_builder_add (builder, person_name (person));
    }
  strv = g_strv_builder_end (builder);

  /* Unchanged: keep the list (and the selection) as it is. */
  if (n_old == n + 1)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n_old && same; i++)
        same = g_strcmp0 (gtk_string_list_get_string (names, i), strv[i]) == 0;
      if (same)
        return;
    }

  gtk_string_list_splice (names, 0, n_old, (const char * const *) strv);
}

static void
select_person (GtkDropDown   *dropdown,
               GtkStringList *names,
               gpointer       person)
{
  const char *name = person_name (person);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint position = 0;

  for (guint i = 1; i < n && name != NULL; i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), name) == 0)
      position = i;

  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
}

static void
sync_pickers (JpDashboard *self)
{
  self->updating_pickers = TRUE;
  fill_names (self->leader_names, _("All Leaders"),
              self->plan != NULL ? jp_plan_get_leaders (self->plan) : NULL);
  fill_names (self->unit_names, _("All Units"),
              self->plan != NULL ? jp_plan_get_units (self->plan) : NULL);
  select_person (self->leader_dropdown, self->leader_names, self->leader);
  select_person (self->unit_dropdown, self->unit_names, self->unit);
  self->updating_pickers = FALSE;
}

static gboolean
item_is_picked (JpDashboard *self,
                JpItem      *item)
{
  return (self->leader == NULL || jp_item_has_leader (item, self->leader)) &&
         (self->unit == NULL || jp_item_has_unit (item, self->unit));
}

/* "张学兵", "教育科", "张学兵 · 教育科" or NULL. */
static char *
dup_picked_name (JpDashboard *self)
{
  if (self->leader != NULL && self->unit != NULL)
    /* Translators: a leader and a unit picked together */
    return g_strdup_printf (C_("leader and unit", "%s · %s"),
                            jp_leader_get_name (self->leader), jp_unit_get_name (self->unit));
  if (self->leader != NULL)
    return g_strdup (jp_leader_get_name (self->leader));
  if (self->unit != NULL)
    return g_strdup (jp_unit_get_name (self->unit));
  return NULL;
}

/* The items of the plan the pickers select: all of them when nothing is
 * picked (a new array; the items borrowed). */
static GPtrArray *
dup_picked_items (JpDashboard *self,
                  GPtrArray   *items)
{
  GPtrArray *picked = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (item_is_picked (self, g_ptr_array_index (items, i)))
      g_ptr_array_add (picked, g_ptr_array_index (items, i));

  return picked;
}

static GtkWidget *
status_pill_new (JpStatus status)
{
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *symbol = gtk_label_new (jp_status_get_symbol (status));
  GtkWidget *label = gtk_label_new (jp_status_get_label (status));

  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (symbol, "status-symbol");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (pill), symbol);
  gtk_box_append (GTK_BOX (pill), label);
  jp_ui_set_status_class (pill, status);

  return pill;
}

/* ---- the list of items that need attention ------------------------------------- */

static GtkWidget *
flag_new (const char *text)
{
  GtkWidget *flag = gtk_label_new (text);

  gtk_widget_add_css_class (flag, "status-flag");
  gtk_widget_add_css_class (flag, "caption");
  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);

  return flag;
}

/* A row of the list: number, title, leaders with what was expected and
 * what is done (and the due date when overdue), the flags, the status. */
static GtkWidget *
attention_row_new (JpItem     *item,
                   const char *as_of)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  g_autofree char *leaders = jp_item_dup_leader_names (item, " ");
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *flags = NULL;
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);
  actual = jp_format_percent (progress.p);
  expected = jp_format_percent (progress.expected);

  if (progress.status == JP_STATUS_OVERDUE && progress.due != NULL)
    {
      g_autofree char *due = jp_date_format_display (progress.due);

      /* Translators: an overdue work point: its due date, the progress
       * expected (应达) and the progress made (实际) */
      figures = g_strdup_printf (_("Due %s, expected %s, actual %s"), due, expected, actual);
    }
  else
    {
      /* Translators: a work point's progress expected by now (应达) and
       * the progress made (实际) */
      figures = g_strdup_printf (_("Expected %s, actual %s"), expected, actual);
    }

  if (leaders != NULL && leaders[0] != '\0')
    /* Translators: the leaders of a work point, then its figures */
    subtitle = g_strdup_printf (C_("leaders and figures", "%s · %s"), leaders, figures);
  else
    subtitle = g_strdup (figures);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jp_item_get_title (item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_label_set_justify (GTK_LABEL (number_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (number_label, "item-number");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);

  /* 逾期未报送, 自报 60%，指标 26%: as the plan view and the item page say them. */
  flags = jp_ui_dup_progress_flags (&progress);
  if (flags != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag_new (flags));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_pill_new (progress.status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "jp-item", g_object_ref (item), g_object_unref);

  return row;
}

/* The model's list (jp_items_dup_attention()): most severe first, then
 * the furthest behind. */
static void
fill_attention (JpDashboard *self,
                GPtrArray   *picked_items)
{
  g_autoptr(GPtrArray) attention = jp_items_dup_attention (picked_items, self->as_of);
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);

  for (guint i = 0; i < attention->len && i < MAX_ATTENTION_ROWS; i++)
    gtk_list_box_append (self->attention_list, attention_row_new (g_ptr_array_index (attention, i), self->as_of));

  if (attention->len > MAX_ATTENTION_ROWS)
    {
      guint more = attention->len - MAX_ATTENTION_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more work point",
                                                            "And %u more work points", more),
                                               more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->attention_list, row);
    }

  if (attention->len == 0)
    description = picked != NULL
      /* Translators: %s is a leader's or unit's name */
      ? g_strdup_printf (_("None of the work points of %s needs attention."), picked)
      : g_strdup (_("No work point needs attention."));
  else if (picked != NULL)
    /* Translators: %s is a leader's or unit's name */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u work point of %s needs attention. Select it to see it in the plan.",
                                                "%u work points of %s need attention. Select one to see it in the plan.",
                                                attention->len),
                                   attention->len, picked);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u work point needs attention. Select it to see it in the plan.",
                                                "%u work points need attention. Select one to see it in the plan.",
                                                attention->len),
                                   attention->len);

  adw_preferences_group_set_description (self->attention_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_list), attention->len > 0);
}

/* ---- reporting per unit ---------------------------------------------------------- */

static GtkWidget *
cell_new (const char *text,
          gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }

  return label;
}

static void
on_unit_clicked_cb (GtkButton   *button,
                    JpDashboard *self)
{
  JpUnit *unit = g_object_get_data (G_OBJECT (button), "jp-unit");

  if (unit != NULL)
    jp_dashboard_set_unit (self, unit);
}

/* A unit's name that picks the unit, as a click on its bar does. */
static GtkWidget *
unit_button_new (JpDashboard *self,
                 JpUnit      *unit)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = cell_new (jp_unit_get_name (unit), FALSE);
  g_autofree char *tooltip = NULL;

  /* Translators: tooltip of a unit's name in the reporting table */
  tooltip = g_strdup_printf (_("Show the Work Points of %s"), jp_unit_get_name (unit));
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "reporting-unit");
  gtk_widget_set_hexpand (button, TRUE);
  g_object_set_data_full (G_OBJECT (button), "jp-unit", g_object_ref (unit), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_unit_clicked_cb), self, 0);

  return button;
}

/* The table of the model (jp_items_dup_reporting()), shown when the plan
 * has a reporting cycle. */
static void
fill_reporting (JpDashboard *self,
                GPtrArray   *picked_items)
{
  const char *cycle = jp_plan_get_report_cycle (self->plan);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  const char *headers[] = {
    /* Translators: the column heads of the reporting table: the
     * responsible unit (责任单位), reports due (应报), made on time (已报),
     * missing (未报), targets late now (逾期) */
    C_("reporting", "Unit"),
    C_("reporting", "Due"),
    C_("reporting", "Reported"),
    C_("reporting", "Missing"),
    C_("reporting", "Late"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reporting_grid))) != NULL)
    gtk_grid_remove (self->reporting_grid, child);

  rows = cycle != NULL && cycle[0] != '\0'
    ? jp_items_dup_reporting (self->plan, picked_items, self->as_of)
    : g_ptr_array_new ();
  /* A unit picked: its own line (not its partners' on the same items). */
  for (guint r = rows->len; r > 0 && self->unit != NULL; r--)
    if (((JpReportingRow *) g_ptr_array_index (rows, r - 1))->unit != self->unit)
      g_ptr_array_remove_index (rows, r - 1);
  gtk_widget_set_visible (GTK_WIDGET (self->reporting_group), rows->len > 0);
  if (rows->len == 0)
    return;

  describe = jp_cycle_describe (cycle);
  date = jp_date_format_display (self->as_of);
  /* Translators: under the reporting table: the cycle ("Monthly, by the
   * 25th") and the as-of date */
  description = g_strdup_printf (_("%s. The reports due on the targets of each responsible unit's work points, up to %s."),
                                 describe, date);
  adw_preferences_group_set_description (self->reporting_group, description);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *head = cell_new (headers[c], c > 0);

      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (self->reporting_grid, head, (int) c, 0, 1, 1);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      const JpReportingRow *row = g_ptr_array_index (rows, r);
      guint figures[] = { row->n_due, row->n_done, row->n_missing, row->n_late };

      gtk_grid_attach (self->reporting_grid, unit_button_new (self, row->unit), 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < G_N_ELEMENTS (figures); c++)
        {
          g_autofree char *text = g_strdup_printf ("%u", figures[c]);
          GtkWidget *cell = cell_new (text, TRUE);

          /* What is missing or late stands out. */
          if (c >= 2 && figures[c] > 0)
            gtk_widget_add_css_class (cell, "error");
          gtk_grid_attach (self->reporting_grid, cell, (int) c + 1, (int) r + 1, 1, 1);
        }
    }
}

/* ---- building ------------------------------------------------------------------ */

static void
set_chart (JpChartView *view,
           JpChartData *data)
{
  if (data != NULL)
    jp_chart_data_set_title (data, NULL);
  jp_chart_view_set_data (view, data);
}

static void
clear_charts (JpDashboard *self)
{
  jp_chart_view_set_data (self->overall_chart, NULL);
  jp_chart_view_set_data (self->status_chart, NULL);
  jp_chart_view_set_data (self->person_chart, NULL);
  jp_chart_view_set_data (self->trend_chart, NULL);
  jp_chart_view_set_data (self->sections_chart, NULL);
  jp_chart_view_set_data (self->leaders_chart, NULL);
  jp_chart_view_set_data (self->units_chart, NULL);
}

static void
show_empty (JpDashboard *self)
{
  if (self->plan == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Plan to Show"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import a plan document or open the 2023 sample to see how its work points are going."));
      gtk_widget_set_visible (self->empty_buttons, TRUE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Work Points Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add work points to the plan to follow their progress here."));
      gtk_widget_set_visible (self->empty_buttons, FALSE);
    }

  clear_charts (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* A leader or unit that left the plan (removed, merged) is no longer picked. */
static void
drop_gone_people (JpDashboard *self)
{
  if (self->leader != NULL &&
      jp_plan_find_leader (self->plan, jp_leader_get_name (self->leader)) != self->leader)
    {
      g_clear_object (&self->leader);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
    }

  if (self->unit != NULL &&
      jp_plan_find_unit (self->plan, jp_unit_get_name (self->unit)) != self->unit)
    {
      g_clear_object (&self->unit);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
    }
}

static void
update_header (JpDashboard *self)
{
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;
  g_autofree char *items = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *today = jp_date_today_iso ();
  guint n_items = jp_plan_get_n_items (self->plan);
  guint n_sections = g_list_model_get_n_items (jp_plan_get_sections (self->plan));
  const char *end = jp_plan_get_end (self->plan);

  gtk_label_set_text (self->plan_title_label, jp_plan_get_title (self->plan));

  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work point", "%u work points", n_items), n_items);
  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", n_sections),
                              n_sections);
  /* Translators: the size of a plan: "17 work points · 6 sections" */
  summary = g_strdup_printf (C_("plan size", "%s · %s"), items, sections);
  gtk_label_set_text (self->summary_label, summary);

  date = jp_date_format_display (self->as_of);
  /* Translators: the date the dashboard's figures are computed at */
  label = g_strdup_printf (_("As of %s"), date);
  gtk_label_set_text (self->as_of_label, label);

  gtk_button_set_label (self->default_date_button,
                        end != NULL && strcmp (today, end) > 0 ? _("_End of the Plan") : _("_Today"));
}

/* The headline: the gauge and its sentence, over the picked items. */
static void
update_overall (JpDashboard *self,
                GPtrArray   *picked_items)
{
  g_autoptr(JpChartData) overall = NULL;
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *mean = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *date = jp_date_format_display (self->as_of);
  guint n = picked_items->len;
  JpProgress progress;

  jp_items_evaluate (self->plan, picked_items, self->as_of, &progress);
  overall = jp_chart_data_new_for_selection (self->plan, picked_items, self->as_of);
  mean = jp_format_percent (progress.p);
  expected = jp_format_percent (progress.expected);
  if (picked != NULL)
    /* Translators: below the overall progress gauge when a leader or a
     * unit is picked: "崔茜负责的 5 项工作要点的平均进度为 26%，截至 2023年6月30日
     * 应达 49.59%。" */
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The mean progress of the %u work point of %s is %s, against %s expected by %s.",
                                            "The mean progress of the %u work points of %s is %s, against %s expected by %s.",
                                            n),
                               n, picked, mean, expected, date);
  else
    /* Translators: below the overall progress gauge */
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The mean progress of the %u work point is %s, against %s expected by %s.",
                                            "The mean progress of the %u work points is %s, against %s expected by %s.",
                                            n),
                               n, mean, expected, date);
  gtk_label_set_text (self->overall_caption, caption);

  if (picked != NULL)
    {
      /* Translators: %s is a leader's or unit's name */
      g_autofree char *title = g_strdup_printf (_("Overall Progress of the Work Points of %s"), picked);

      adw_preferences_group_set_title (self->overall_group, title);
      jp_chart_view_set_label (self->overall_chart, title);
    }
  else
    {
      adw_preferences_group_set_title (self->overall_group, _("Overall Progress"));
      jp_chart_view_set_label (self->overall_chart, _("Overall Progress"));
    }

  set_chart (self->overall_chart, overall);
}

static void
update_status (JpDashboard *self,
               GPtrArray   *picked_items)
{
  g_autoptr(JpBreakdownData) counts = jp_breakdown_data_new (NULL, JP_BREAKDOWN_STACKED_BAR);
  g_autoptr(JpChartData) breakdown = NULL;
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *title = NULL;

  jp_items_count_statuses (picked_items, self->as_of, counts->counts);
  g_set_object (&counts->object, G_OBJECT (self->plan));
  breakdown = jp_chart_data_new_breakdown (g_steal_pointer (&counts));
  set_chart (self->status_chart, breakdown);

  if (picked != NULL)
    /* Translators: %s is a leader's or unit's name */
    title = g_strdup_printf (_("Work Points of %s by Status"), picked);
  adw_preferences_group_set_title (self->status_group, title != NULL ? title : _("Work Points by Status"));
  jp_chart_view_set_label (self->status_chart, title != NULL ? title : _("Work Points by Status"));
}

/* The sections, over the picked items. */
static void
update_sections (JpDashboard *self,
                 GPtrArray   *picked_items)
{
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *description = NULL;
  g_autoptr(JpChartData) sections = NULL;

  sections = jp_chart_data_new_for_sections_of (self->plan, picked != NULL ? picked_items : NULL, self->as_of);
  set_chart (self->sections_chart, sections);

  if (picked != NULL)
    /* Translators: %s is a leader's or unit's name */
    description = g_strdup_printf (_("The mean progress of the work points of %s in each section; the tick marks the progress expected by now."),
                                   picked);
  adw_preferences_group_set_description (self->sections_group,
                                         description != NULL ? description
                                         : _("The mean progress of the work points of each section; the tick marks the progress expected by now."));
}

/* The trend (the picked items evaluated at every month end), over the
 * picked items. */
static void
update_trend (JpDashboard *self,
              GPtrArray   *picked_items)
{
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *description = NULL;
  g_autoptr(JpChartData) trend = NULL;

  trend = jp_chart_data_new_trend_for_items (self->plan, picked != NULL ? picked_items : NULL, self->as_of);
  set_chart (self->trend_chart, trend);

  if (picked != NULL)
    /* Translators: %s is a leader's or unit's name */
    description = g_strdup_printf (_("The mean progress of the work points of %s at the end of each month, against the progress expected by then."),
                                   picked);
  adw_preferences_group_set_description (self->trend_group,
                                         description != NULL ? description
                                         : _("The mean progress of the work points at the end of each month, against the progress expected by then."));
}

/* The figures that evaluate the items many times (at every month end, in
 * every reporting period) come after the rest has been drawn: on a large
 * plan the page shows at once and they follow. */
static gboolean
update_slow_cb (gpointer user_data)
{
  JpDashboard *self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) picked_items = NULL;

  self->slow_id = 0;
  if (self->plan == NULL || jp_plan_get_n_items (self->plan) == 0)
    return G_SOURCE_REMOVE;

  items = jp_plan_dup_items (self->plan);
  picked_items = dup_picked_items (self, items);
  update_trend (self, picked_items);
  fill_reporting (self, picked_items);

  return G_SOURCE_REMOVE;
}

static void
update_person (JpDashboard *self,
               GPtrArray   *picked_items)
{
  g_autoptr(JpChartData) bars = NULL;
  g_autofree char *picked = dup_picked_name (self);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->person_group), picked != NULL);
  if (picked == NULL)
    {
      jp_chart_view_set_data (self->person_chart, NULL);
      return;
    }

  /* Translators: %s is a leader's or unit's name */
  title = g_strdup_printf (_("Work Points of %s"), picked);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u work point. Select it to see it in the plan.",
                                              "%u work points. Select one to see it in the plan.",
                                              picked_items->len),
                                 picked_items->len);
  adw_preferences_group_set_title (self->person_group, title);
  adw_preferences_group_set_description (self->person_group, description);

  bars = jp_chart_data_new_for_items (picked_items, self->as_of);
  set_chart (self->person_chart, bars);
  jp_chart_view_set_label (self->person_chart, title);
}

/* The leaders' items by status, of the picked unit only; the units',
 * of the picked leader only. Every leader (unit) stays there to pick,
 * the picked one highlighted. */
static void
update_people (JpDashboard *self,
               GPtrArray   *items)
{
  g_autoptr(GPtrArray) of_unit = g_ptr_array_new ();
  g_autoptr(GPtrArray) of_leader = g_ptr_array_new ();
  g_autoptr(JpChartData) leaders = NULL;
  g_autoptr(JpChartData) units = NULL;
  g_autofree char *leaders_description = NULL;
  g_autofree char *units_description = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      if (self->unit != NULL && jp_item_has_unit (item, self->unit))
        g_ptr_array_add (of_unit, item);
      if (self->leader != NULL && jp_item_has_leader (item, self->leader))
        g_ptr_array_add (of_leader, item);
    }

  leaders = jp_chart_data_new_for_leaders_of (self->plan, self->unit != NULL ? of_unit : NULL,
                                              self->as_of, self->leader);
  set_chart (self->leaders_chart, leaders);
  units = jp_chart_data_new_for_units_of (self->plan, self->leader != NULL ? of_leader : NULL,
                                          self->as_of, self->unit);
  set_chart (self->units_chart, units);

  if (self->unit != NULL)
    /* Translators: %s is a unit's name */
    leaders_description = g_strdup_printf (_("The work points of %s each leader is responsible for, by status. Click a leader to see their work points."),
                                           jp_unit_get_name (self->unit));
  if (self->leader != NULL)
    /* Translators: %s is a leader's name */
    units_description = g_strdup_printf (_("The work points of %s each unit leads, by status. Click a unit to see its work points."),
                                         jp_leader_get_name (self->leader));
  adw_preferences_group_set_description (self->leaders_group,
                                         leaders_description != NULL ? leaders_description
                                         : _("The work points each leader is responsible for, by status. Click a leader to see their work points."));
  adw_preferences_group_set_description (self->units_group,
                                         units_description != NULL ? units_description
                                         : _("The work points each unit leads, by status. Click a unit to see its work points."));
}

static void
rebuild (JpDashboard *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) picked_items = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;

  if (self->plan == NULL || jp_plan_get_n_items (self->plan) == 0)
    {
      sync_pickers (self);
      show_empty (self);
      return;
    }

  drop_gone_people (self);
  sync_pickers (self);
  update_header (self);

  /* Every figure over the picked leader's and unit's items. */
  items = jp_plan_dup_items (self->plan);
  picked_items = dup_picked_items (self, items);
  update_overall (self, picked_items);
  update_status (self, picked_items);
  update_person (self, picked_items);
  update_sections (self, picked_items);
  fill_attention (self, picked_items);
  if (self->slow_id == 0)
    self->slow_id = g_idle_add_full (G_PRIORITY_LOW, update_slow_cb, self, NULL);

  update_people (self, items);

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  JpDashboard *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* One rebuild per burst of changes, before the next frame is drawn; none
 * while the page is not shown (a big plan edited in the plan view): it
 * catches up when it is mapped again. */
static void
queue_rebuild (JpDashboard *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_idle_cb, self, NULL);
}

/* ---- callbacks ------------------------------------------------------------------ */

static void
on_person_selected_cb (JpDashboard *self)
{
  guint leader_pos, unit_pos;
  JpLeader *leader = NULL;
  JpUnit *unit = NULL;

  if (self->updating_pickers || self->plan == NULL)
    return;

  leader_pos = gtk_drop_down_get_selected (self->leader_dropdown);
  unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);

  if (leader_pos != GTK_INVALID_LIST_POSITION && leader_pos > 0)
    leader = jp_plan_find_leader (self->plan, gtk_string_list_get_string (self->leader_names, leader_pos));
  if (unit_pos != GTK_INVALID_LIST_POSITION && unit_pos > 0)
    unit = jp_plan_find_unit (self->plan, gtk_string_list_get_string (self->unit_names, unit_pos));

  jp_dashboard_set_leader (self, leader);
  jp_dashboard_set_unit (self, unit);
}

static void
on_as_of_popover_show_cb (JpDashboard *self)
{
  if (self->plan != NULL)
    jp_date_picker_set_range (self->as_of_picker, jp_plan_get_start (self->plan),
                              jp_plan_get_end (self->plan));
  jp_date_picker_set_date (self->as_of_picker, self->as_of);
}

static void
on_as_of_chosen_cb (JpDashboard *self,
                    const char  *iso)
{
  if (self->plan == NULL)
    return;

  jp_dashboard_set_as_of (self, iso);
  gtk_popover_popdown (self->as_of_popover);
}

static void
on_default_date_clicked_cb (JpDashboard *self)
{
  jp_dashboard_set_as_of (self, NULL);
  gtk_popover_popdown (self->as_of_popover);
}

static void
on_chart_activate_object_cb (JpDashboard *self,
                             GObject     *object)
{
  if (JP_IS_LEADER (object))
    jp_dashboard_set_leader (self, JP_LEADER (object));
  else if (JP_IS_UNIT (object))
    jp_dashboard_set_unit (self, JP_UNIT (object));
  else if (JP_IS_ITEM (object) || JP_IS_SECTION (object))
    g_signal_emit (self, signals[ACTIVATE_OBJECT], 0, object);
}

static void
on_attention_row_activated_cb (JpDashboard   *self,
                               GtkListBoxRow *row)
{
  JpItem *item = g_object_get_data (G_OBJECT (row), "jp-item");

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATE_OBJECT], 0, item);
}

/* ---- GtkWidget ------------------------------------------------------------------ */

static void
jp_dashboard_map (GtkWidget *widget)
{
  JpDashboard *self = JP_DASHBOARD (widget);

  if (self->stale)
    rebuild (self);

  GTK_WIDGET_CLASS (jp_dashboard_parent_class)->map (widget);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
jp_dashboard_dispose (GObject *object)
{
  JpDashboard *self = JP_DASHBOARD (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->slow_id, g_source_remove);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->sections_signals != NULL)
    g_signal_group_set_target (self->sections_signals, NULL);
  if (self->leaders_signals != NULL)
    g_signal_group_set_target (self->leaders_signals, NULL);
  if (self->units_signals != NULL)
    g_signal_group_set_target (self->units_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_DASHBOARD);

  g_clear_object (&self->plan_signals);
  g_clear_object (&self->sections_signals);
  g_clear_object (&self->leaders_signals);
  g_clear_object (&self->units_signals);
  g_clear_object (&self->leader_names);
  g_clear_object (&self->unit_names);
  g_clear_object (&self->leader);
  g_clear_object (&self->unit);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jp_dashboard_parent_class)->dispose (object);
}

static void
jp_dashboard_finalize (GObject *object)
{
  JpDashboard *self = JP_DASHBOARD (object);

  g_free (self->as_of);

  G_OBJECT_CLASS (jp_dashboard_parent_class)->finalize (object);
}

static void
jp_dashboard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpDashboard *self = JP_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_LEADER:
      g_value_set_object (value, self->leader);
      break;
    case PROP_UNIT:
      g_value_set_object (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_dashboard_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpDashboard *self = JP_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      jp_dashboard_set_plan (self, g_value_get_object (value));
      break;
    case PROP_AS_OF:
      jp_dashboard_set_as_of (self, g_value_get_string (value));
      break;
    case PROP_LEADER:
      jp_dashboard_set_leader (self, g_value_get_object (value));
      break;
    case PROP_UNIT:
      jp_dashboard_set_unit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_dashboard_class_init (JpDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_dashboard_dispose;
  object_class->finalize = jp_dashboard_finalize;
  object_class->get_property = jp_dashboard_get_property;
  object_class->set_property = jp_dashboard_set_property;

  widget_class->map = jp_dashboard_map;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, JP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADER] =
    g_param_spec_object ("leader", NULL, NULL, JP_TYPE_LEADER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_object ("unit", NULL, NULL, JP_TYPE_UNIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpDashboard::activate-object:
   * @object: the JpSection or JpItem to show
   */
  signals[ACTIVATE_OBJECT] =
    g_signal_new ("activate-object",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (JP_TYPE_CHART_VIEW);
  g_type_ensure (JP_TYPE_DATE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, scroller);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, plan_title_label);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, leader_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, as_of_picker);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, default_date_button);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, overall_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, overall_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, overall_caption);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, status_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, status_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, person_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, person_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, trend_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, attention_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, attention_list);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, reporting_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, reporting_grid);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, sections_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, leaders_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, units_group);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, sections_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, leaders_chart);
  gtk_widget_class_bind_template_child (widget_class, JpDashboard, units_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_default_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_activate_object_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_row_activated_cb);

  gtk_widget_class_set_css_name (widget_class, "jpdashboard");
}

static void
jp_dashboard_init (JpDashboard *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->leader_names = gtk_string_list_new (NULL);
  self->unit_names = gtk_string_list_new (NULL);
  fill_names (self->leader_names, _("All Leaders"), NULL);
  fill_names (self->unit_names, _("All Units"), NULL);

  self->updating_pickers = TRUE;
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->leader_dropdown, expression);
  gtk_drop_down_set_expression (self->unit_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->leader_dropdown, G_LIST_MODEL (self->leader_names));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));
  self->updating_pickers = FALSE;

  self->plan_signals = g_signal_group_new (JP_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "changed",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->plan_signals, "notify",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);

  self->sections_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->sections_signals, "items-changed",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  self->leaders_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->leaders_signals, "items-changed",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  self->units_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->units_signals, "items-changed",
                                 G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);

  jp_ui_install_status_css (gtk_widget_get_display (GTK_WIDGET (self)));

  rebuild (self);
}

/* ---- public API ------------------------------------------------------------------ */

GtkWidget *
jp_dashboard_new (void)
{
  return g_object_new (JP_TYPE_DASHBOARD, NULL);
}

JpPlan *
jp_dashboard_get_plan (JpDashboard *self)
{
  g_return_val_if_fail (JP_IS_DASHBOARD (self), NULL);

  return self->plan;
}

void
jp_dashboard_set_plan (JpDashboard *self,
                       JpPlan      *plan)
{
  g_return_if_fail (JP_IS_DASHBOARD (self));
  g_return_if_fail (plan == NULL || JP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  jp_dashboard_set_plan_at (self, plan, NULL);
}

void
jp_dashboard_set_plan_at (JpDashboard *self,
                          JpPlan      *plan,
                          const char  *as_of_date)
{
  g_autofree char *as_of = NULL;

  g_return_if_fail (JP_IS_DASHBOARD (self));
  g_return_if_fail (plan == NULL || JP_IS_PLAN (plan));
  g_return_if_fail (as_of_date == NULL || jp_date_is_valid (as_of_date));

  if (self->plan == plan)
    {
      if (plan != NULL)
        jp_dashboard_set_as_of (self, as_of_date);
      return;
    }

  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->sections_signals, plan != NULL ? jp_plan_get_sections (plan) : NULL);
  g_signal_group_set_target (self->leaders_signals, plan != NULL ? jp_plan_get_leaders (plan) : NULL);
  g_signal_group_set_target (self->units_signals, plan != NULL ? jp_plan_get_units (plan) : NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->leader != NULL)
    {
      g_clear_object (&self->leader);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
    }
  if (self->unit != NULL)
    {
      g_clear_object (&self->unit);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
    }

  if (plan != NULL)
    as_of = as_of_date != NULL ? g_strdup (as_of_date) : jp_plan_dup_default_as_of (plan);
  if (jp_ui_set_str (&self->as_of, as_of))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);

  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
jp_dashboard_get_as_of (JpDashboard *self)
{
  g_return_val_if_fail (JP_IS_DASHBOARD (self), NULL);

  return self->as_of;
}

void
jp_dashboard_set_as_of (JpDashboard *self,
                        const char  *as_of)
{
  g_autofree char *date = NULL;

  g_return_if_fail (JP_IS_DASHBOARD (self));
  g_return_if_fail (as_of == NULL || jp_date_is_valid (as_of));

  if (self->plan == NULL)
    return;

  date = as_of != NULL ? g_strdup (as_of) : jp_plan_dup_default_as_of (self->plan);
  if (!jp_ui_set_str (&self->as_of, date))
    return;

  /* Not on screen (the window's date changed in the plan view): it
   * catches up when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

JpLeader *
jp_dashboard_get_leader (JpDashboard *self)
{
  g_return_val_if_fail (JP_IS_DASHBOARD (self), NULL);

  return self->leader;
}

void
jp_dashboard_set_leader (JpDashboard *self,
                         JpLeader    *leader)
{
  g_return_if_fail (JP_IS_DASHBOARD (self));
  g_return_if_fail (leader == NULL || JP_IS_LEADER (leader));

  if (!g_set_object (&self->leader, leader))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
}

JpUnit *
jp_dashboard_get_unit (JpDashboard *self)
{
  g_return_val_if_fail (JP_IS_DASHBOARD (self), NULL);

  return self->unit;
}

void
jp_dashboard_set_unit (JpDashboard *self,
                       JpUnit      *unit)
{
  g_return_if_fail (JP_IS_DASHBOARD (self));
  g_return_if_fail (unit == NULL || JP_IS_UNIT (unit));

  if (!g_set_object (&self->unit, unit))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}
