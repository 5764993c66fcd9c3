#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "jp-date.h"
#include "jp-document-import.h"
#include "jp-item-page.h"
#include "jp-opening.h"
#include "jp-plan-tree.h"
#include "jp-resources.h"
#include "jp-store-backup.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

#define SAMPLE_RESOURCE "/com/jinfeng/plan/plans/jinfeng-2023.txt"

/* Seconds between two looks at the database's data version (a cheap
 * PRAGMA: nothing is read unless another program committed). */
#define POLL_SECONDS 2
/* A plan still loading after this long gets a spinner. */
#define SPINNER_DELAY_MS 1500

G_DEFINE_FINAL_TYPE (JpWindow, jp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_READ_ONLY,
  PROP_SAMPLE_ON_CREATE,
  PROP_REVIEW_MODE,
  PROP_SEARCH_MODE,
  PROP_AS_OF,
  PROP_OPEN_IN_BACKGROUND,
  PROP_OPENING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_main_page (JpWindow *self);
static void schedule_reload  (JpWindow *self);
static gboolean poll_cb      (gpointer  data);
static void apply_as_of      (JpWindow   *self,
                              const char *as_of);
static void on_undo_changed_cb (JpWindow *self);

/* ---- settings ----------------------------------------------------------- */

static void
restore_window_state (JpWindow *self)
{
  int width = 1200;

  if (self->settings != NULL)
    {
      width = MAX (800, g_settings_get_int (self->settings, "window-width"));
      gtk_window_set_default_size (GTK_WINDOW (self), width,
                                   MAX (480, g_settings_get_int (self->settings, "window-height")));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
save_window_state (JpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

/* ---- filters ------------------------------------------------------------ */

static void
fill_string_list (GtkStringList *list,
                  const char    *all,
                  GListModel    *people)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;
  g_autofree const char **strings = g_new0 (const char *, n + 2);

  strings[0] = all;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      strings[i + 1] = JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                             : jp_unit_get_name (JP_UNIT (person));
    }

  gtk_string_list_splice (list, 0, n_old, strings);
}

static const char *
selected_name (GtkDropDown   *dropdown,
               GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (list, selected);
}

static void
select_name (GtkDropDown   *dropdown,
             GtkStringList *list,
             const char    *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; name != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  gtk_drop_down_set_selected (dropdown, 0);
}

static void
update_filter_choices (JpWindow *self)
{
  JpPlanFilter *filter = jp_plan_tree_get_filter (self->plan_tree);
  g_autofree char *leader = g_strdup (jp_plan_filter_get_leader (filter));
  g_autofree char *unit = g_strdup (jp_plan_filter_get_unit (filter));

  self->updating_filters = TRUE;
  fill_string_list (self->leader_names, _("All Leaders"),
                    self->plan != NULL ? jp_plan_get_leaders (self->plan) : NULL);
  fill_string_list (self->unit_names, _("All Units"),
                    self->plan != NULL ? jp_plan_get_units (self->plan) : NULL);
  select_name (self->leader_dropdown, self->leader_names, leader);
  select_name (self->unit_dropdown, self->unit_names, unit);
  self->updating_filters = FALSE;

  /* A renamed or merged name is no longer there: drop it from the filter. */
  jp_plan_filter_set_leader (filter, selected_name (self->leader_dropdown, self->leader_names));
  jp_plan_filter_set_unit (filter, selected_name (self->unit_dropdown, self->unit_names));
}

static void
on_filter_dropdown_changed_cb (JpWindow *self)
{
  JpPlanFilter *filter = jp_plan_tree_get_filter (self->plan_tree);
  guint status;

  if (self->updating_filters)
    return;

  jp_plan_filter_set_leader (filter, selected_name (self->leader_dropdown, self->leader_names));
  jp_plan_filter_set_unit (filter, selected_name (self->unit_dropdown, self->unit_names));

  status = gtk_drop_down_get_selected (self->status_dropdown);
  jp_plan_filter_set_status (filter, status == 0 || status == GTK_INVALID_LIST_POSITION
                                     ? -1 : (int) status - 1);

  update_main_page (self);
}

static void
on_search_changed_cb (JpWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GObject *shown = jp_plan_tree_get_selected_object (self->plan_tree);
  g_autoptr(GObject) selected = shown != NULL ? g_object_ref (shown) : NULL;

  jp_plan_filter_set_text (jp_plan_tree_get_filter (self->plan_tree), text);
  jp_item_page_set_highlight (self->item_page, self->search_mode ? stripped : NULL);
  /* The work point read stays selected while it matches. */
  if (selected != NULL && jp_plan_tree_get_selected_object (self->plan_tree) != selected)
    jp_plan_tree_select_object (self->plan_tree, selected);
  update_main_page (self);
}

static void
on_stop_search_cb (JpWindow *self)
{
  g_object_set (self, "search-mode", FALSE, NULL);
}

static void
clear_filters (JpWindow *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->leader_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  self->updating_filters = FALSE;
  on_filter_dropdown_changed_cb (self);
}

static void
set_search_mode (JpWindow *self,
                 gboolean  search_mode)
{
  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    {
      /* Narrow: the matches are in the list. */
      if (adw_leaflet_get_folded (self->plan_leaflet) &&
          adw_leaflet_get_visible_child (self->plan_leaflet) == self->item_pane)
        adw_leaflet_navigate (self->plan_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      /* Everything comes back at once (not after the entry's delay), the
       * selected row kept and scrolled into view. */
      GObject *shown = jp_plan_tree_get_selected_object (self->plan_tree);
      g_autoptr(GObject) selected = shown != NULL ? g_object_ref (shown) : NULL;

      clear_filters (self);
      jp_plan_filter_set_text (jp_plan_tree_get_filter (self->plan_tree), NULL);
      jp_item_page_set_highlight (self->item_page, NULL);
      update_main_page (self);
      if (selected != NULL)
        jp_plan_tree_select_object (self->plan_tree, selected);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_search_bar_mode_cb (JpWindow *self)
{
  set_search_mode (self, gtk_search_bar_get_search_mode (self->search_bar));
}

/* ---- pages -------------------------------------------------------------- */

static void
update_switcher_bar (JpWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title) &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
update_main_page (JpWindow *self)
{
  /* Plan and dashboard switch views of a plan: without one, the header
   * bar shows the window's title instead. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     self->store != NULL && self->plan != NULL);
  update_switcher_bar (self);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  if (self->loading)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      return;
    }

  if (self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "content");

  if (!jp_plan_tree_get_empty (self->plan_tree))
    gtk_stack_set_visible_child_name (self->tree_stack, "tree");
  else if (jp_plan_filter_is_active (jp_plan_tree_get_filter (self->plan_tree)))
    gtk_stack_set_visible_child_name (self->tree_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->tree_stack, "empty-plan");
}

static void
update_plan_label (JpWindow *self)
{
  g_autofree char *label = NULL;

  if (self->plan != NULL)
    label = jp_ui_dup_plan_label (jp_plan_get_year (self->plan), jp_plan_get_title (self->plan));

  gtk_label_set_text (self->plan_button_label, label != NULL ? label : _("No Plan"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_button), label);
  adw_view_switcher_title_set_subtitle (self->switcher_title, label);
  /* Nothing to switch between in an empty database (its empty state
   * offers the import). */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), self->store != NULL && self->plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), self->store != NULL && self->plan != NULL);
}

static void
update_review_banner (JpWindow *self)
{
  const char *text = NULL;

  if (self->review_reason != NULL)
    text = self->review_reason;
  else if (self->read_only)
    text = _("Review mode: the database was opened read-only. Everything can be seen; nothing can be changed.");
  else if (self->review_mode)
    text = _("Review mode: nothing can be changed until you leave it.");

  if (text != NULL)
    gtk_label_set_text (self->review_label, text);
  gtk_widget_set_visible (self->review_leave_button,
                          self->review_mode && self->review_reason == NULL && !self->read_only);
  gtk_revealer_set_reveal_child (self->review_revealer, text != NULL);
}

static void
apply_editable (JpWindow *self)
{
  gboolean editable = _jp_window_get_editable (self);

  jp_item_page_set_editable (self->item_page, editable);
  jp_plan_tree_set_editable (self->plan_tree, editable);
  gtk_widget_set_visible (self->add_button, editable);
  update_review_banner (self);
  jp_window_update_actions (self);
}

static void
on_plan_changed_cb (JpWindow *self)
{
  update_plan_label (self);
  update_filter_choices (self);
  update_main_page (self);
  jp_window_update_actions (self);
}

static void
on_tree_selected_cb (JpWindow *self)
{
  GObject *selected = jp_plan_tree_get_selected_object (self->plan_tree);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  jp_item_page_set_object (self->item_page, selected);
  jp_window_update_actions (self);

  /* Narrow: choosing a work point in the list opens it. */
  if (selected != NULL && adw_leaflet_get_folded (self->plan_leaflet) &&
      focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->plan_tree)))
    adw_leaflet_set_visible_child (self->plan_leaflet, self->item_pane);
}

/* Narrow, the list and the work point take turns; the work point has a
 * way back. */
static void
on_plan_leaflet_folded_cb (JpWindow *self)
{
  gtk_widget_set_visible (self->plan_back_button, adw_leaflet_get_folded (self->plan_leaflet));
}

static void
on_plan_back_clicked_cb (JpWindow *self)
{
  adw_leaflet_navigate (self->plan_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->plan_tree));
}

/* A section or item activated on the dashboard (or a work point in the
 * section page of the item page): show it in the plan. */
static void
on_dashboard_activate_object_cb (JpWindow *self,
                                 GObject  *object)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  if (!jp_window_select (self, object))
    {
      /* Hidden by the search or a filter: show everything. The search
       * entry tells the filter its text after a delay: tell it now. */
      g_object_set (self, "search-mode", FALSE, NULL);
      clear_filters (self);
      jp_plan_filter_set_text (jp_plan_tree_get_filter (self->plan_tree), NULL);
      jp_window_select (self, object);
    }

  /* Narrow: the work point itself, not the list. */
  if (adw_leaflet_get_folded (self->plan_leaflet))
    adw_leaflet_set_visible_child (self->plan_leaflet, self->item_pane);
}

static void
on_tree_empty_cb (JpWindow *self)
{
  update_main_page (self);
}

static void
on_tree_move_requested_cb (JpWindow *self,
                           GObject  *object,
                           GObject  *parent,
                           guint     position)
{
  _jp_window_move_object (self, object, parent, position);
}

static void
on_item_page_body_changed_cb (JpWindow   *self,
                              JpItem     *item,
                              const char *body)
{
  _jp_window_set_body (self, item, body);
}

static void
on_item_page_people_changed_cb (JpWindow  *self,
                                JpItem    *item,
                                int        kind,
                                GStrv      names)
{
  _jp_window_set_people (self, item, kind, (const char * const *) names);
}

/* ---- plans -------------------------------------------------------------- */

/* The dashboard sums up the whole plan (10,000 work points take a while):
 * it gets the plan when its page is shown, not when the window opens. */
static gboolean
dashboard_is_shown (JpWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "dashboard") == 0;
}

static void
update_dashboard (JpWindow *self)
{
  if (!dashboard_is_shown (self) || jp_dashboard_get_plan (self->dashboard) == self->plan)
    return;

  /* The plan, seen at the window's date. */
  self->syncing_as_of = TRUE;
  jp_dashboard_set_plan_at (self->dashboard, self->plan, self->as_of);
  self->syncing_as_of = FALSE;
}

/* The dashboard's own date picker sets the date of the whole window. */
static void
on_dashboard_as_of_cb (JpWindow *self)
{
  if (self->syncing_as_of || self->plan == NULL ||
      jp_dashboard_get_plan (self->dashboard) != self->plan)
    return;

  apply_as_of (self, jp_dashboard_get_as_of (self->dashboard));
}

/* ---- the as-of date ------------------------------------------------------ */

static void
update_as_of_button (JpWindow *self)
{
  g_autofree char *today = jp_date_today_iso ();
  const char *end = self->plan != NULL ? jp_plan_get_end (self->plan) : NULL;

  /* On the dashboard, its own picker says the date. */
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_button), self->plan != NULL && !dashboard_is_shown (self));

  if (self->as_of != NULL)
    {
      g_autofree char *date = jp_date_format_display (self->as_of);
      /* Translators: the date the figures of the window are computed at */
      g_autofree char *label = g_strdup_printf (_("As of %s"), date);

      gtk_label_set_text (self->as_of_label, label);
      /* Narrow, the button shows the calendar alone: it still says the date. */
      jp_ui_set_accessible_label (GTK_WIDGET (self->as_of_button), label);
    }

  gtk_button_set_label (self->as_of_default_button,
                        end != NULL && strcmp (today, end) > 0 ? _("_End of the Plan") : _("_Today"));
}

static void
apply_as_of (JpWindow   *self,
             const char *as_of)
{
  g_autofree char *date = NULL;

  if (self->plan == NULL)
    date = NULL;
  else if (as_of == NULL || as_of[0] == '\0')
    date = jp_plan_dup_default_as_of (self->plan);
  else if (jp_date_is_valid (as_of))
    date = g_strdup (as_of);
  else
    {
      g_warning ("Not a date: “%s”", as_of);
      return;
    }

  if (!jp_ui_set_str (&self->as_of, date))
    return;

  /* The same date everywhere: the tree's cells, sorts and status filter,
   * the item page, the dashboard (once it has the plan). */
  jp_plan_tree_set_as_of (self->plan_tree, self->as_of);
  jp_item_page_set_as_of (self->item_page, self->as_of);
  if (self->plan != NULL && jp_dashboard_get_plan (self->dashboard) == self->plan)
    {
      self->syncing_as_of = TRUE;
      jp_dashboard_set_as_of (self->dashboard, self->as_of);
      self->syncing_as_of = FALSE;
    }
  update_as_of_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

static void
on_as_of_popover_show_cb (JpWindow *self)
{
  if (self->plan != NULL)
    jp_date_picker_set_range (self->as_of_picker, jp_plan_get_start (self->plan),
                              jp_plan_get_end (self->plan));
  jp_date_picker_set_date (self->as_of_picker, self->as_of);
}

static void
on_as_of_chosen_cb (JpWindow   *self,
                    const char *iso)
{
  apply_as_of (self, iso);
  gtk_popover_popdown (self->as_of_popover);
}

static void
set_as_of_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  apply_as_of (self, g_variant_get_string (parameter, NULL));
  gtk_popover_popdown (self->as_of_popover);
}

static void
on_view_changed_cb (JpWindow *self)
{
  update_dashboard (self);
  update_as_of_button (self);
}

static void
on_plan_row_activated_cb (JpWindow      *self,
                          GtkListBoxRow *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "jp-plan-id");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->plans_popover);

  if (self->plan != NULL && jp_plan_get_id (self->plan) == id)
    return;

  if (!jp_window_open_plan (self, id, &error))
    _jp_window_report_error (self, _("Could Not Open the Plan"), error);
}

/* The list says what the database holds now: a plan renamed (and that
 * renaming undone) or another program's import since it was filled. */
static void
on_plans_popover_show_cb (JpWindow *self)
{
  if (!self->loading)
    _jp_window_reload_plans (self);
}

/* A flat icon button of a plan switcher row, acting on plan @id; @name is
 * its widget name (tests find it by it). */
static GtkWidget *
plan_row_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name,
                 gint64      id,
                 const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

/* The plan switcher's rows: @plans (JpPlanInfo; NULL: none). */
static void
fill_plans (JpWindow  *self,
            GPtrArray *plans)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plans_list))) != NULL)
    gtk_list_box_remove (self->plans_list, child);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      JpPlanInfo *info = g_ptr_array_index (plans, i);
      g_autofree char *label = jp_ui_dup_plan_label (info->year, info->title);
      g_autofree char *counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u work point", "%u work points",
                                                              info->n_items),
                                                 info->n_items);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (label);
      GtkWidget *subtitle = gtk_label_new (counts);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_set_hexpand (box, TRUE);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_box_append (GTK_BOX (line), box);
      /* Rename and delete the plan of the row: win.rename-plan,
       * win.delete-plan (jp-window-actions.c), enabled as editing is. */
      gtk_box_append (GTK_BOX (line), plan_row_button ("document-edit-symbolic",
                                                       _("Rename Plan…"), "win.rename-plan",
                                                       info->id, "rename_plan_button"));
      gtk_box_append (GTK_BOX (line), plan_row_button ("user-trash-symbolic",
                                                       _("Delete Plan…"), "win.delete-plan",
                                                       info->id, "delete_plan_button"));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      g_object_set_data_full (G_OBJECT (row), "jp-plan-id", g_memdup2 (&info->id, sizeof info->id), g_free);
      gtk_list_box_append (self->plans_list, row);
    }
}

void
_jp_window_reload_plans (JpWindow *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    {
      plans = jp_store_list_plans (self->store, &error);
      if (plans == NULL)
        g_warning ("Could not list the plans: %s", error->message);
    }

  fill_plans (self, plans);
}

void
_jp_window_set_plan (JpWindow *self,
                     JpPlan   *plan)
{
  if (self->plan != NULL)
    g_clear_signal_handler (&self->plan_changed_id, self->plan);

  jp_item_page_set_object (self->item_page, NULL);
  g_set_object (&self->plan, plan);

  /* Undo steps refer to the objects of the plan that was shown. */
  if (self->undo != NULL)
    jp_undo_clear (self->undo);

  /* Editable or not before the item page is filled: once, not twice. */
  apply_editable (self);

  if (plan != NULL)
    {
      self->plan_changed_id = g_signal_connect_object (plan, "changed",
                                                       G_CALLBACK (on_plan_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      if (self->settings != NULL)
        g_settings_set_int64 (self->settings, "last-plan", jp_plan_get_id (plan));
    }

  /* A plan opened is seen as of its default date, min(today, plan end),
   * whatever date the plan shown before was seen at. */
  apply_as_of (self, NULL);

  jp_plan_tree_set_plan (self->plan_tree, plan);
  /* The dashboard gets the plan when it is shown (update_dashboard). */
  self->syncing_as_of = TRUE;
  jp_dashboard_set_plan (self->dashboard, NULL);
  self->syncing_as_of = FALSE;
  update_dashboard (self);

  update_plan_label (self);
  update_filter_choices (self);
  update_main_page (self);
  jp_window_update_actions (self);
}

gboolean
jp_window_open_plan (JpWindow  *self,
                     gint64     plan_id,
                     GError   **error)
{
  g_autoptr(JpPlan) plan = NULL;
  gint64 version;

  g_return_val_if_fail (JP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  jp_item_page_commit (self->item_page);

  /* The plan loaded now is the database as of now: from here on the
   * store refuses edits once another program has committed. */
  version = jp_store_mark_loaded (self->store);
  plan = jp_store_load_plan (self->store, plan_id, error);
  if (plan == NULL)
    {
      /* The plan shown is older than the mark: it must not be edited. */
      if (self->plan != NULL && version != self->data_version)
        schedule_reload (self);
      return FALSE;
    }

  self->data_version = version;
  _jp_window_set_plan (self, plan);
  return TRUE;
}

gboolean
_jp_window_import_sample (JpWindow  *self,
                          GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JpPlan) plan = NULL;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  plan = jp_document_import_bytes (bytes, "jinfeng-2023.txt", NULL, error);
  if (plan == NULL)
    return FALSE;

  if (!jp_store_insert_plans (self->store, &plan, 1, error))
    return FALSE;

  _jp_window_reload_plans (self);
  return jp_window_open_plan (self, jp_plan_get_id (plan), error);
}

/* ---- opening the database ---------------------------------------------- */

/* The first plan is read in a worker thread (JpOpening) while the window
 * shows itself: on two cores the load and GTK's start-up overlap. The
 * window says meanwhile that it is opening the plan, and nothing uses the
 * store (every action that would is disabled while self->loading). */
static void
on_plan_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* The callback's data holds the window, released here. */
  g_autoptr(JpWindow) self = user_data;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = jp_opening_load_plan_finish (JP_OPENING (object), result, &error);
  /* The window was closed meanwhile: nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;

  self->loading = FALSE;
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
  if (plan != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      /* Sets editable, the header, the page and the actions too. */
      _jp_window_set_plan (self, plan);
      gtk_widget_grab_focus (GTK_WIDGET (self->plan_tree));
      g_debug ("Plan shown in the window in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
      return;
    }

  adw_status_page_set_description (self->error_page, error->message);
  g_clear_object (&self->store);
  update_plan_label (self);
  update_main_page (self);
  jp_window_update_actions (self);
}

/* A load that takes long gets a spinner; a quick one (most, even for
 * 10,000 items) only the words, without an animation that repaints the
 * window sixty times a second while the plan is read. */
static gboolean
start_spinner_cb (gpointer data)
{
  JpWindow *self = data;

  self->spinner_id = 0;
  gtk_spinner_start (self->loading_spinner);
  return G_SOURCE_REMOVE;
}

/* A step failed half-way and its transaction was rolled back: the file
 * holds what it held before; show that (the step's error is reported by
 * whoever made it). */
static void
on_changes_lost_cb (JpWindow *self)
{
  self->reload_after_failure = TRUE;
  schedule_reload (self);
}

/* What the window does with a store just opened, however it was opened. */
static void
adopt_store (JpWindow   *self,
             JpStore    *store,
             const char *review_reason)
{
  self->store = g_object_ref (store);
  if (review_reason != NULL)
    _jp_window_enter_forced_review (self, review_reason);
  if (jp_store_get_private_copy (self->store) != NULL)
    _jp_window_enter_forced_review (self, _("Review mode: the database’s folder cannot be written and "
                                            "its latest changes are still in its “-wal” file, so a "
                                            "copy of both is shown. Everything can be seen; nothing "
                                            "can be changed."));

  /* The author of progress entries and of the history (Preferences;
   * empty: the account's name). */
  if (self->settings != NULL)
    g_settings_bind (self->settings, "author", self->store, "author", G_SETTINGS_BIND_GET);

  /* Another program (the command line, another window) may write to the
   * same file: look now and then, and whenever the window is activated. */
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);

  self->undo = jp_undo_new (self->store);
  g_signal_connect_object (self->undo, "notify::undo-label", G_CALLBACK (on_undo_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_undo_changed_cb (self);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (jp_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (jp_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "changes-lost", G_CALLBACK (on_changes_lost_cb),
                           self, G_CONNECT_SWAPPED);
}

/* The store, its plans and the plan being read come from self->opening;
 * no call on the store here until the plan is read. */
static void
open_from_opening (JpWindow *self)
{
  g_autoptr(JpOpening) opening = g_steal_pointer (&self->opening);
  JpStore *store = jp_opening_get_store (opening);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, jp_opening_get_error (opening)->message);
      update_main_page (self);
      return;
    }

  adopt_store (self, store, jp_opening_get_review_reason (opening));
  fill_plans (self, jp_opening_get_plans (opening));

  if (jp_opening_get_plan_id (opening) != 0)
    {
      self->data_version = jp_opening_get_data_version (opening);
      self->loading = TRUE;
      jp_opening_load_plan_async (opening, self->cancellable, on_plan_loaded_cb, g_object_ref (self));
      self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, start_spinner_cb, self);
    }

  update_plan_label (self);
  update_main_page (self);
  jp_window_update_actions (self);
}

static void
open_database (JpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *review_reason = NULL;
  gboolean is_memory, existed;
  gint64 plan_id;

  if (self->opening != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_strdup (jp_opening_get_path (self->opening));
      self->read_only = jp_opening_get_read_only (self->opening);
    }
  is_memory = g_strcmp0 (self->db_path, ":memory:") == 0;
  existed = is_memory || g_file_test (self->db_path, G_FILE_TEST_EXISTS);

  /* An existing file's plan is read in a thread, unless the application
   * began that already. */
  if (self->opening == NULL && self->open_in_background && existed && !is_memory)
    self->opening = jp_opening_new (self->db_path, self->read_only, self->settings);
  if (self->opening != NULL)
    {
      open_from_opening (self);
      return;
    }

  /* Backups (before a migration, an import) keep as many as Preferences say. */
  if (self->settings != NULL)
    jp_store_set_backup_policy (NULL,
                                (guint) MAX (0, g_settings_get_int (self->settings, "backups-to-keep")));

  store = jp_opening_open_store (self->db_path, self->read_only, &review_reason, &error);
  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      update_main_page (self);
      return;
    }

  adopt_store (self, store, review_reason);
  jp_store_mark_loaded (self->store);
  plans = jp_store_list_plans (self->store, &error);
  if (plans == NULL)
    {
      /* A file changed by hand (rows that refer to missing rows, text
       * that is not UTF-8): the error names the file and the place. */
      adw_status_page_set_description (self->error_page, error->message);
      g_clear_object (&self->store);
      update_plan_label (self);
      update_main_page (self);
      jp_window_update_actions (self);
      return;
    }
  fill_plans (self, plans);

  /* First start: the window created the default database. */
  if (!existed && self->sample_on_create && !jp_store_get_read_only (self->store))
    {
      if (_jp_window_import_sample (self, &error))
        return;

      g_warning ("Could not import the bundled plan: %s", error->message);
      g_clear_error (&error);
    }

  plan_id = jp_opening_choose_plan (self->store, plans, self->settings);
  if (plan_id != 0 && !jp_window_open_plan (self, plan_id, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      g_clear_object (&self->store);
    }

  update_plan_label (self);
  update_main_page (self);
  jp_window_update_actions (self);
}

/* ---- changes by other programs ----------------------------------------- */

static GObject *
find_by_id (JpPlan *plan,
            GType   type,
            gint64  id)
{
  GListModel *sections = jp_plan_get_sections (plan);
  guint n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      GListModel *items;
      guint m;

      if (type == JP_TYPE_SECTION && jp_section_get_id (section) == id)
        return G_OBJECT (section);
      if (type != JP_TYPE_ITEM)
        continue;

      items = jp_section_get_items (section);
      m = g_list_model_get_n_items (items);
      for (guint j = 0; j < m; j++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, j);

          if (jp_item_get_id (item) == id)
            return G_OBJECT (item);
        }
    }

  return NULL; /* borrowed: the plan keeps it */
}

static gboolean
plan_exists (JpWindow *self,
             gint64    id)
{
  g_autoptr(GPtrArray) plans = jp_store_list_plans (self->store, NULL);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (((JpPlanInfo *) g_ptr_array_index (plans, i))->id == id)
      return TRUE;

  return FALSE;
}

/* Tells the user that their text could not be saved, and gives it back
 * (selectable, to copy). */
static void
give_body_back (JpWindow   *self,
                const char *reason,
                const char *body)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Text"), reason);
  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), body, -1);
  gtk_widget_add_css_class (view, "card");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After a reload: the text the store refused, saved on the new copy when
 * the other program left the work point's text as it was. */
static void
save_pending_body (JpWindow *self)
{
  g_autofree char *old = g_steal_pointer (&self->pending_body_old);
  g_autofree char *body = g_steal_pointer (&self->pending_body);
  g_autoptr(GError) error = NULL;
  gint64 id = self->pending_body_item;
  GObject *item = NULL;

  self->pending_body_item = 0;
  if (body == NULL)
    return;

  if (self->plan != NULL && id != 0)
    item = find_by_id (self->plan, JP_TYPE_ITEM, id);

  if (item == NULL || g_strcmp0 (jp_item_get_body (JP_ITEM (item)), old) != 0)
    {
      give_body_back (self, _("Another program changed this work point’s text, or deleted the "
                              "work point, while you were writing: the window shows what the "
                              "database holds now. Your text was not saved; here it is, to copy."),
                      body);
      return;
    }

  if (!_jp_window_get_editable (self) ||
      !jp_undo_set_string (self->undo, item, "body", body, &error))
    {
      g_autofree char *reason = g_strdup_printf (_("Your text was not saved (%s); here it is, to copy."),
                                                 error != NULL ? error->message
                                                               : _("the plan cannot be changed now"));

      give_body_back (self, reason, body);
      return;
    }

  _jp_window_show_toast (self, _("Your text was saved on top of the other program’s changes"), FALSE);
}

void
_jp_window_save_body_after_reload (JpWindow   *self,
                                   JpItem     *item,
                                   const char *body)
{
  /* Two refusals before the reload: the first text was given back below. */
  if (self->pending_body != NULL && self->pending_body_item != jp_item_get_id (item))
    give_body_back (self, _("Your text was not saved: the plan was changed by another program "
                            "meanwhile. Here it is, to copy."),
                    self->pending_body);

  self->pending_body_item = jp_item_get_id (item);
  jp_ui_set_str (&self->pending_body_old, jp_item_get_body (item));
  jp_ui_set_str (&self->pending_body, body);
  schedule_reload (self);
}

/* Loads the plan shown again from the database, as another program left
 * it: the same plan (or the latest one when it was deleted), the same
 * selection, target, date and filters (the search bar and the filter keep
 * theirs). The undo steps refer to the objects of the old copy: they go. */
static void
reload_from_database (JpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = g_strdup (self->as_of);
  GObject *selected = jp_plan_tree_get_selected_object (self->plan_tree);
  JpIndicator *indicator = jp_item_page_get_selected_indicator (self->item_page);
  GType selected_type = selected != NULL ? G_OBJECT_TYPE (selected) : G_TYPE_INVALID;
  gint64 selected_id = JP_IS_ITEM (selected) ? jp_item_get_id (JP_ITEM (selected))
                       : JP_IS_SECTION (selected) ? jp_section_get_id (JP_SECTION (selected)) : 0;
  gint64 indicator_id = indicator != NULL ? jp_indicator_get_id (indicator) : 0;
  gint64 plan_id = self->plan != NULL ? jp_plan_get_id (self->plan) : 0;
  gboolean same_plan;
  gboolean had_steps = self->undo != NULL &&
                       (jp_undo_get_can_undo (self->undo) || jp_undo_get_can_redo (self->undo));
  gint64 started = g_get_monotonic_time ();
  gboolean after_failure = self->reload_after_failure;

  self->reload_after_failure = FALSE;
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store == NULL || self->reloading)
    return;

  self->reloading = TRUE;

  _jp_window_reload_plans (self);
  same_plan = plan_id != 0 && plan_exists (self, plan_id);
  if (!same_plan)
    plan_id = jp_store_get_latest_plan_id (self->store, NULL);

  if (plan_id == 0)
    {
      self->data_version = jp_store_mark_loaded (self->store);
      _jp_window_set_plan (self, NULL);
    }
  else if (!jp_window_open_plan (self, plan_id, &error))
    {
      /* Nothing of the old copy may be edited now: show none. */
      _jp_window_set_plan (self, NULL);
      self->reloading = FALSE;
      _jp_window_report_error (self, _("Could Not Open the Plan"), error);
      save_pending_body (self);
      return;
    }
  else if (same_plan)
    {
      GObject *object = selected_id != 0 ? find_by_id (self->plan, selected_type, selected_id) : NULL;

      if (as_of != NULL)
        apply_as_of (self, as_of);
      if (object != NULL && jp_plan_tree_select_object (self->plan_tree, object) &&
          JP_IS_ITEM (object) && indicator_id != 0 &&
          (indicator = jp_item_find_indicator (JP_ITEM (object), indicator_id)) != NULL)
        jp_item_page_select_indicator (self->item_page, indicator);
    }

  self->reloading = FALSE;

  /* A big plan takes a while to load: while another program keeps
   * writing, the poll leaves the window alone for four times as long
   * (edits still load the plan first). */
  self->quiet_until = g_get_monotonic_time () + 4 * (g_get_monotonic_time () - started);

  if (after_failure)
    _jp_window_show_toast (self, _("Reloaded: the window shows the plan as the database holds it"),
                           FALSE);
  else
    _jp_window_show_toast (self,
                           had_steps ? _("Reloaded: the plan was changed by another program. "
                                         "What was done before cannot be undone.")
                                     : _("Reloaded: the plan was changed by another program"),
                           FALSE);
  save_pending_body (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  JpWindow *self = data;

  self->reload_id = 0;
  reload_from_database (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (JpWindow *self)
{
  if (self->reload_id == 0 && !self->reloading)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* The user is typing into the item page's text: reloading would take the
 * text away. */
static gboolean
typing_in_item_page (JpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && GTK_IS_TEXT_VIEW (focus) &&
         gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)) &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->item_page));
}

gboolean
_jp_window_check_external_changes (JpWindow *self,
                                   gboolean  user_acts)
{
  /* self->loading: the first plan is being read in a thread. */
  if (self->store == NULL || self->loading || self->reloading || self->dialog != NULL)
    return FALSE;

  if (!user_acts && (typing_in_item_page (self) || g_get_monotonic_time () < self->quiet_until))
    return FALSE;

  if (!jp_store_has_external_changes (self->store))
    return FALSE;

  reload_from_database (self);
  return TRUE;
}

static gboolean
poll_cb (gpointer data)
{
  _jp_window_check_external_changes (JP_WINDOW (data), FALSE);

  return G_SOURCE_CONTINUE;
}

static void
on_active_changed_cb (JpWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    _jp_window_check_external_changes (self, FALSE);
}

/* ---- shared with the actions ------------------------------------------ */

gboolean
_jp_window_get_editable (JpWindow *self)
{
  return self->store != NULL && self->plan != NULL &&
         !self->read_only && self->review_reason == NULL && !self->review_mode &&
         !jp_store_get_read_only (self->store);
}

void
_jp_window_enter_forced_review (JpWindow   *self,
                                const char *reason)
{
  jp_ui_set_str (&self->review_reason, reason);
  apply_editable (self);
}

/* The steps changed: the menu says what Undo and Redo act on ("Undo
 * Delete Work Point"), and a toast that offered to undo an earlier state
 * of the steps no longer offers it. */
static void
on_undo_changed_cb (JpWindow *self)
{
  const char *undo = self->undo != NULL ? jp_undo_get_undo_label (self->undo) : NULL;
  const char *redo = self->undo != NULL ? jp_undo_get_redo_label (self->undo) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  /* The toast stays (dismissing a toast during its animation is not safe
   * in libadwaita 1.2) but loses its button. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_button_label (self->undo_toast, NULL);
      adw_toast_set_action_name (self->undo_toast, NULL);
      g_clear_weak_pointer (&self->undo_toast);
    }

  /* Translators: the main menu's Undo, with the step it undoes: "_Undo
   * Delete Work Point" (撤销 删除工作要点) */
  undo_label = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: the main menu's Redo, with the step it redoes */
  redo_label = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (self->undo_section);
  g_menu_append (self->undo_section, undo_label, "win.undo");
  g_menu_append (self->undo_section, redo_label, "win.redo");
}

/* A toast with "Undo" acts on the step it announced (the latest): it
 * carries that step's serial, and loses its button as soon as the steps
 * change (undone, redone, or another step done), so that it never undoes
 * something else. */
void
_jp_window_show_toast (JpWindow   *self,
                       const char *title,
                       gboolean    with_undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (with_undo && self->undo != NULL && jp_undo_get_undo_serial (self->undo) != 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-step");
      adw_toast_set_action_target_value (toast,
                                         g_variant_new_uint64 (jp_undo_get_undo_serial (self->undo)));
      g_set_weak_pointer (&self->undo_toast, toast);
    }
  /* Undo toasts come in quick series (deleting several rows): they queue.
   * A high priority one pushes the toast shown back, and libadwaita 1.2
   * aborts when that happens several times quickly (show_toast:
   * !info->widget); other messages (a reload) are rare and must show at
   * once. */
  adw_toast_set_priority (toast, with_undo ? ADW_TOAST_PRIORITY_NORMAL : ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_jp_window_report_error (JpWindow     *self,
                         const char   *heading,
                         const GError *error)
{
  GtkWindow *parent;
  const char *hint = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Another program changed the database since the plan was loaded: the
   * edit was refused. The editor (of objects of the old copy) closes and
   * the window loads the plan again, to show what is there now. */
  if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED))
    {
      GtkWindow *editor = self->dialog;

      /* Forgotten at once: the signal that got here keeps it alive. */
      g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->undo_toast);
      if (editor != NULL)
        gtk_window_destroy (editor);
      schedule_reload (self);
    }

  /* Over the editor when it is open; not over one that is going away
   * (destroyed in the signal that got here): the message would go too. */
  parent = self->dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (self->dialog))
           ? self->dialog : GTK_WINDOW (self);

  if (error->domain == JP_STORE_ERROR)
    switch (error->code)
      {
      case JP_STORE_ERROR_CHANGED:
        hint = _("Your change was not saved, so that it does not overwrite what the other "
                 "program saved. The window now shows the plan as the database holds it: "
                 "make the change again if it is still needed.");
        break;
      case JP_STORE_ERROR_READ_ONLY:
        hint = _("The database cannot be written, so the window now shows it in review mode.");
        break;
      case JP_STORE_ERROR_BUSY:
        hint = _("Another program is using the database. Nothing was changed; try again in a moment.");
        break;
      case JP_STORE_ERROR_FULL:
        hint = _("The disk is full. Nothing was changed; free some space and try again.");
        break;
      default:
        hint = _("Nothing was changed: the window shows what the database holds.");
        break;
      }

  body = hint != NULL ? g_strdup_printf ("%s\n\n%s", error->message, hint) : g_strdup (error->message);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY))
    _jp_window_enter_forced_review (self, _("Review mode: the database could not be written. "
                                            "Everything can be seen; nothing can be changed."));
}

void
_jp_window_present_dialog (JpWindow  *self,
                           GtkWindow *dialog)
{
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_set_transient_for (dialog, GTK_WINDOW (self));
  gtk_window_set_modal (dialog, TRUE);
  gtk_window_present (dialog);
}

/* ---- drop a file to import --------------------------------------------- */

/* A progress table (CSV, xlsx) goes to the progress import; anything else
 * (a plan document, a JSON export) to the plan import. */
gboolean
_jp_window_open_dropped_file (JpWindow *self,
                              GFile    *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx"))
    {
      if (!_jp_window_get_editable (self))
        {
          _jp_window_show_toast (self, _("Progress can only be imported into a plan that can be changed"),
                                 FALSE);
          return FALSE;
        }
      _jp_window_import_progress_file (self, file);
      return TRUE;
    }

  if (self->store == NULL || jp_window_get_review_mode (self) || jp_store_get_read_only (self->store))
    {
      _jp_window_show_toast (self, _("Plans can only be imported into a database that can be changed"),
                             FALSE);
      return FALSE;
    }

  _jp_window_import_plan_file (self, file);
  return TRUE;
}

static gboolean
on_file_dropped_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    JpWindow      *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  return _jp_window_open_dropped_file (self, g_value_get_object (value));
}

/* ---- GObject ------------------------------------------------------------ */

static gboolean
jp_window_close_request (GtkWindow *window)
{
  JpWindow *self = JP_WINDOW (window);

  jp_item_page_commit (self->item_page);
  save_window_state (self);

  return GTK_WINDOW_CLASS (jp_window_parent_class)->close_request (window);
}

static void
jp_window_constructed (GObject *object)
{
  JpWindow *self = JP_WINDOW (object);

  G_OBJECT_CLASS (jp_window_parent_class)->constructed (object);

  restore_window_state (self);
  open_database (self);
  apply_editable (self);

  /* Keyboard users start in the plan, not on the first header bar button. */
  if (self->plan != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_tree));
}

static void
jp_window_dispose (GObject *object)
{
  JpWindow *self = (JpWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);

  if (self->plan != NULL)
    g_clear_signal_handler (&self->plan_changed_id, self->plan);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_WINDOW);

  g_clear_object (&self->undo);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->leader_names);
  g_clear_object (&self->unit_names);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->opening);

  G_OBJECT_CLASS (jp_window_parent_class)->dispose (object);
}

static void
jp_window_finalize (GObject *object)
{
  JpWindow *self = (JpWindow *) object;

  g_free (self->db_path);
  g_free (self->pending_body_old);
  g_free (self->pending_body);
  g_free (self->review_reason);
  g_free (self->as_of);

  G_OBJECT_CLASS (jp_window_parent_class)->finalize (object);
}

static void
jp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JpWindow *self = JP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_SAMPLE_ON_CREATE:
      g_value_set_boolean (value, self->sample_on_create);
      break;
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, jp_window_get_review_mode (self));
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_OPEN_IN_BACKGROUND:
      g_value_set_boolean (value, self->open_in_background);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JpWindow *self = JP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    case PROP_READ_ONLY:
      self->read_only = g_value_get_boolean (value);
      break;
    case PROP_SAMPLE_ON_CREATE:
      self->sample_on_create = g_value_get_boolean (value);
      break;
    case PROP_REVIEW_MODE:
      {
        gboolean review_mode = g_value_get_boolean (value);

        /* Forced review mode (read-only file, --read-only) cannot be left. */
        if (self->read_only || self->review_reason != NULL || self->review_mode == review_mode)
          break;

        if (review_mode)
          jp_item_page_commit (self->item_page);
        self->review_mode = review_mode;
        apply_editable (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_SEARCH_MODE:
      set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_AS_OF:
      apply_as_of (self, g_value_get_string (value));
      break;
    case PROP_OPEN_IN_BACKGROUND:
      self->open_in_background = g_value_get_boolean (value);
      break;

    case PROP_OPENING:
      self->opening = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_window_class_init (JpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jp_window_constructed;
  object_class->dispose = jp_window_dispose;
  object_class->finalize = jp_window_finalize;
  object_class->get_property = jp_window_get_property;
  object_class->set_property = jp_window_set_property;

  window_class->close_request = jp_window_close_request;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAMPLE_ON_CREATE] =
    g_param_spec_boolean ("sample-on-create", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_MODE] =
    g_param_spec_boolean ("review-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The date of every figure in the window; NULL or "": the plan's default. */
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Load the plan first shown in a worker thread while the window shows
   * itself (the application's windows; FALSE: loaded before the window is
   * returned, as tests want it). */
  properties[PROP_OPEN_IN_BACKGROUND] =
    g_param_spec_boolean ("open-in-background", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * JpWindow:opening:
   *
   * The database opened, and its plan being read, before the window was
   * made (by the application, as GTK started); the window takes them. Set,
   * it stands for #JpWindow:db-path and #JpWindow:read-only.
   */
  properties[PROP_OPENING] =
    g_param_spec_object ("opening", NULL, NULL, JP_TYPE_OPENING,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in this static library: referencing them links
   * them in (their constructor registers them). */
  g_assert (jp_get_resource () != NULL);

  g_type_ensure (JP_TYPE_DATE_PICKER);
  g_type_ensure (JP_TYPE_PLAN_TREE);
  g_type_ensure (JP_TYPE_ITEM_PAGE);
  g_type_ensure (JP_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_button_label);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plans_list);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plans_popover);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, as_of_picker);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, as_of_default_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, review_leave_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, leader_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_leaflet);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, item_pane);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_back_button);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, plan_tree);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, item_page);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, dashboard_slot);
  gtk_widget_class_bind_template_child (widget_class, JpWindow, dashboard);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_empty_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dashboard_activate_object_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_move_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_page_body_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_page_people_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plans_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_chosen_cb);

  gtk_widget_class_install_property_action (widget_class, "win.review-mode", "review-mode");
  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  /* "YYYY-MM-DD", or "" for the plan's default date */
  gtk_widget_class_install_action (widget_class, "win.set-as-of", "s", set_as_of_cb);
  _jp_window_class_add_actions (widget_class);
}

static void
jp_window_init (JpWindow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  on_undo_changed_cb (self);
  /* The header bar's menus: their tooltips never cover the menu. */
  jp_ui_menu_button_quiet_tooltip (self->add_button);
  jp_ui_menu_button_quiet_tooltip (self->primary_menu_button);
  jp_ui_menu_button_quiet_tooltip (GTK_WIDGET (self->as_of_button));

  self->cancellable = g_cancellable_new ();
  self->settings = jp_ui_settings_new ();

  self->leader_names = gtk_string_list_new (NULL);
  self->unit_names = gtk_string_list_new (NULL);
  fill_string_list (self->leader_names, _("All Leaders"), NULL);
  fill_string_list (self->unit_names, _("All Units"), NULL);
  gtk_drop_down_set_model (self->leader_dropdown, G_LIST_MODEL (self->leader_names));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < JP_N_STATUSES; i++)
    gtk_string_list_append (statuses, jp_status_get_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dashboard, "notify::as-of",
                           G_CALLBACK (on_dashboard_as_of_cb), self, G_CONNECT_SWAPPED);
  update_as_of_button (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_bar_mode_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_file_dropped_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (drop));

  jp_ui_install_status_css (gtk_widget_get_display (GTK_WIDGET (self)));
}

JpWindow *
jp_window_new (JpApplication *application,
               const char    *db_path,
               gboolean       read_only,
               gboolean       sample_on_create)
{
  g_return_val_if_fail (application == NULL || JP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  return g_object_new (JP_TYPE_WINDOW,
                       "application", application,
                       "db-path", db_path,
                       "read-only", read_only,
                       "sample-on-create", sample_on_create,
                       NULL);
}

JpStore *
jp_window_get_store (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->store;
}

JpPlan *
jp_window_get_plan (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->plan;
}

gboolean
jp_window_get_review_mode (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), FALSE);

  return self->read_only || self->review_reason != NULL || self->review_mode;
}

GtkWindow *
jp_window_get_dialog (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->dialog;
}

gboolean
jp_window_select (JpWindow *self,
                  GObject  *object)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), FALSE);

  return jp_plan_tree_select_object (self->plan_tree, object);
}

const char *
jp_window_get_as_of (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return self->as_of;
}

void
jp_window_set_as_of (JpWindow   *self,
                     const char *as_of)
{
  g_return_if_fail (JP_IS_WINDOW (self));
  g_return_if_fail (as_of == NULL || as_of[0] == '\0' || jp_date_is_valid (as_of));

  apply_as_of (self, as_of);
}

GObject *
jp_window_get_selected (JpWindow *self)
{
  g_return_val_if_fail (JP_IS_WINDOW (self), NULL);

  return jp_plan_tree_get_selected_object (self->plan_tree);
}
