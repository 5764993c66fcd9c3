#define G_LOG_DOMAIN "jp-people-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-people-dialog.h"
#include "jp-ui-util.h"

struct _JpPeopleDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *leaders_group;
  AdwPreferencesGroup *units_group;
  AdwEntryRow         *add_leader_row;
  AdwEntryRow         *add_unit_row;
  GtkLabel            *leaders_error;
  GtkLabel            *units_error;

  JpPlan              *plan;  /* Owned */
  GPtrArray           *rows;  /* Borrowed rows of both groups */
  gboolean             editable;
  char                *focus_name;  /* the row to focus once rebuilt (a merge's) */
  char                *pending_add; /* a near-duplicate name asked about once */
  gboolean             focus_leaders;
};

G_DEFINE_FINAL_TYPE (JpPeopleDialog, jp_people_dialog, ADW_TYPE_WINDOW)

enum {
  RENAME,
  MERGE,
  REMOVE,
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
person_name (gpointer person)
{
  return JP_IS_LEADER (person) ? jp_leader_get_name (person) : jp_unit_get_name (person);
}

static gpointer
find_person (JpPeopleDialog *self,
             gboolean        leaders,
             const char     *name)
{
  if (leaders)
    return jp_plan_find_leader (self->plan, name);
  return jp_plan_find_unit (self->plan, name);
}

/* The names of @list, NULL-terminated (borrowed strings). */
static GPtrArray *
dup_names (GListModel *list)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (list, i);

      g_ptr_array_add (names, (gpointer) person_name (person));
    }
  g_ptr_array_add (names, NULL);

  return names;
}

static void
count_list (GHashTable *uses,
            GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (list, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (uses, person));

      g_hash_table_insert (uses, person, GUINT_TO_POINTER (count + 1));
    }
}

static GHashTable *
count_uses (JpPlan *plan)
{
  GHashTable *uses = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      count_list (uses, jp_item_get_leaders (item));
      count_list (uses, jp_item_get_units (item));
      count_list (uses, jp_item_get_partner_units (item));
    }

  return uses;
}

static void
on_row_apply_cb (AdwEntryRow    *row,
                 JpPeopleDialog *self)
{
  gpointer person = g_object_get_data (G_OBJECT (row), "jp-person");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_activate_action (GTK_WIDGET (self), "people.rename", "(bss)",
                              JP_IS_LEADER (person), person_name (person), name);
}

static GtkWidget *
build_row (JpPeopleDialog *self,
           gpointer        person,
           GListModel     *list,
           guint           uses)
{
  gboolean leaders = JP_IS_LEADER (person);
  const char *name = person_name (person);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) merge = g_menu_new ();
  g_autofree char *title = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GPtrArray) names = dup_names (list);
  g_autoptr(GPtrArray) near = jp_names_find_near (name, (const char * const *) names->pdata);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button;
  guint n = g_list_model_get_n_items (list);

  if (uses == 0)
    title = g_strdup (_("Not named by any work point"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Named by %u work point",
                                          "Named by %u work points", uses),
                             uses);

  /* A name that is probably another written twice: say so, and offer to
   * make them one (not in review mode, where nothing can change). */
  if (near->len > 0 && self->editable)
    {
      const char *other = g_ptr_array_index (near, 0);
      g_autofree char *hint = NULL;
      g_autofree char *tooltip = NULL;

      /* Translators: a row's title: its uses, then a similar name */
      hint = g_strdup_printf (_("%s · similar to “%s”"), title, other);
      g_free (title);
      title = g_steal_pointer (&hint);

      button = gtk_button_new_with_mnemonic (_("_Merge"));
      /* Translators: merge “督导” into “督导室” */
      tooltip = g_strdup_printf (_("Merge “%s” into “%s”"), name, other);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "near-duplicate");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.merge");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new ("(bss)", leaders, name, other));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (row), self->editable);
  g_object_set_data_full (G_OBJECT (row), "jp-person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_row_apply_cb), self, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);
      g_autoptr(GMenuItem) item = NULL;

      if (other == person)
        continue;

      item = g_menu_item_new (person_name (other), NULL);
      g_menu_item_set_action_and_target_value (item, "people.merge",
                                               g_variant_new ("(bss)", leaders, name,
                                                              person_name (other)));
      g_menu_append_item (merge, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (merge)) > 0)
    g_menu_append_submenu (menu, _("Merge Into"), G_MENU_MODEL (merge));

  if (uses == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Delete"), NULL);

      g_menu_item_set_action_and_target_value (item, "people.remove",
                                               g_variant_new ("(bs)", leaders, name));
      g_menu_append_item (menu, item);
    }

  if (!self->editable)
    return row;

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, self->editable);
  /* Translators: the menu of one leader or unit, e.g. "More for 张学兵" */
  more = g_strdup_printf (_("More for %s"), name);
  gtk_widget_set_tooltip_text (button, more);
  jp_ui_set_accessible_label (button, more);
  jp_ui_menu_button_quiet_tooltip (button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

static void
rebuild (JpPeopleDialog *self)
{
  g_autoptr(GHashTable) uses = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "jp-group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->plan == NULL)
    return;

  uses = count_uses (self->plan);

  for (guint k = 0; k < 2; k++)
    {
      GListModel *list = k == 0 ? jp_plan_get_leaders (self->plan) : jp_plan_get_units (self->plan);
      AdwPreferencesGroup *group = k == 0 ? self->leaders_group : self->units_group;
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) person = g_list_model_get_item (list, i);
          GtkWidget *row = build_row (self, person, list,
                                      GPOINTER_TO_UINT (g_hash_table_lookup (uses, person)));

          g_object_set_data (G_OBJECT (row), "jp-group", group);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->rows, row);

          if (self->focus_name != NULL && (k == 0) == self->focus_leaders &&
              g_str_equal (self->focus_name, person_name (person)))
            gtk_widget_grab_focus (row);
        }
    }
  g_clear_pointer (&self->focus_name, g_free);
}

static void
on_add_row_apply_cb (JpPeopleDialog *self,
                     AdwEntryRow    *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_activate_action (GTK_WIDGET (self), "people.add", "(bs)",
                              row == self->add_leader_row, name);
}

/* ---- actions ------------------------------------------------------------ */

static void
rename_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JpPeopleDialog *self = JP_PEOPLE_DIALOG (widget);
  gboolean leaders;
  const char *from, *to;
  g_autofree char *name = NULL;
  gpointer person;

  g_variant_get (parameter, "(b&s&s)", &leaders, &from, &to);
  name = g_strstrip (g_strdup (to));
  person = find_person (self, leaders, from);
  if (person == NULL)
    return;

  if (name[0] == '\0')
    {
      jp_people_dialog_show_error (self, leaders, _("A name cannot be empty."));
      return;
    }

  if (g_strcmp0 (name, from) == 0)
    return;

  if (find_person (self, leaders, name) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is already in the list: to make them one, "
                                                    "merge “%s” into it."), name, from);

      jp_people_dialog_show_error (self, leaders, message);
      return;
    }

  jp_people_dialog_show_error (self, leaders, NULL);
  g_signal_emit (self, signals[RENAME], 0, person, name);
}

static void
merge_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  JpPeopleDialog *self = JP_PEOPLE_DIALOG (widget);
  gboolean leaders;
  const char *from_name, *into_name;
  gpointer from, into;

  g_variant_get (parameter, "(b&s&s)", &leaders, &from_name, &into_name);
  from = find_person (self, leaders, from_name);
  into = find_person (self, leaders, into_name);
  if (from == NULL || into == NULL || from == into)
    return;

  jp_people_dialog_show_error (self, leaders, NULL);
  /* Once merged, the row that took the other's place has the focus (not
   * whichever row's name field comes next). */
  g_free (self->focus_name);
  self->focus_name = g_strdup (into_name);
  self->focus_leaders = leaders;
  g_signal_emit (self, signals[MERGE], 0, from, into);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JpPeopleDialog *self = JP_PEOPLE_DIALOG (widget);
  gboolean leaders;
  const char *name;
  gpointer person;

  g_variant_get (parameter, "(b&s)", &leaders, &name);
  person = find_person (self, leaders, name);
  if (person == NULL)
    return;

  jp_people_dialog_show_error (self, leaders, NULL);
  g_signal_emit (self, signals[REMOVE], 0, person);
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  JpPeopleDialog *self = JP_PEOPLE_DIALOG (widget);
  gboolean leaders;
  const char *text;
  g_autofree char *name = NULL;
  gboolean confirmed;

  g_variant_get (parameter, "(b&s)", &leaders, &text);
  name = g_strstrip (g_strdup (text));
  /* The same near name a second time: added as asked. */
  confirmed = g_strcmp0 (self->pending_add, name) == 0;

  if (name[0] == '\0')
    return;

  if (find_person (self, leaders, name) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is already in the list."), name);

      jp_people_dialog_show_error (self, leaders, message);
      return;
    }

  jp_people_dialog_show_error (self, leaders, NULL);
  if (!confirmed)
    {
      GListModel *list = leaders ? jp_plan_get_leaders (self->plan) : jp_plan_get_units (self->plan);
      g_autoptr(GPtrArray) names = dup_names (list);
      g_autoptr(GPtrArray) near = jp_names_find_near (name, (const char * const *) names->pdata);

      if (near->len > 0)
        {
          g_autofree char *message = NULL;

          /* Translators: adding “督导” when “督导室” exists */
          message = g_strdup_printf (_("Did you mean “%s”? Press Enter again to add “%s” "
                                       "as a new name."),
                                     (const char *) g_ptr_array_index (near, 0), name);
          jp_people_dialog_show_error (self, leaders, message);
          g_free (self->pending_add);
          self->pending_add = g_steal_pointer (&name);
          return;
        }
    }

  g_clear_pointer (&self->pending_add, g_free);
  gtk_editable_set_text (GTK_EDITABLE (leaders ? self->add_leader_row : self->add_unit_row), "");
  g_signal_emit (self, signals[ADD], 0, leaders, name);
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_people_dialog_dispose (GObject *object)
{
  JpPeopleDialog *self = (JpPeopleDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PEOPLE_DIALOG);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jp_people_dialog_parent_class)->dispose (object);
}

static void
jp_people_dialog_finalize (GObject *object)
{
  JpPeopleDialog *self = (JpPeopleDialog *) object;

  g_ptr_array_unref (self->rows);
  g_free (self->focus_name);
  g_free (self->pending_add);

  G_OBJECT_CLASS (jp_people_dialog_parent_class)->finalize (object);
}

static void
jp_people_dialog_class_init (JpPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_people_dialog_dispose;
  object_class->finalize = jp_people_dialog_finalize;

  signals[RENAME] =
    g_signal_new ("rename", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING);
  signals[MERGE] =
    g_signal_new ("merge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_OBJECT);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[ADD] =
    g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "people.rename", "(bss)", rename_cb);
  gtk_widget_class_install_action (widget_class, "people.merge", "(bss)", merge_cb);
  gtk_widget_class_install_action (widget_class, "people.remove", "(bs)", remove_cb);
  gtk_widget_class_install_action (widget_class, "people.add", "(bs)", add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, leaders_group);
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, units_group);
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, add_leader_row);
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, add_unit_row);
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, leaders_error);
  gtk_widget_class_bind_template_child (widget_class, JpPeopleDialog, units_error);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
}

static void
jp_people_dialog_init (JpPeopleDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpPeopleDialog *
jp_people_dialog_new (JpPlan *plan)
{
  JpPeopleDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);

  self = g_object_new (JP_TYPE_PEOPLE_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return self;
}

void
jp_people_dialog_set_editable (JpPeopleDialog *self,
                               gboolean        editable)
{
  g_return_if_fail (JP_IS_PEOPLE_DIALOG (self));

  self->editable = !!editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.rename", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.merge", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_leader_row), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_unit_row), self->editable);
  rebuild (self);
}

void
jp_people_dialog_show_error (JpPeopleDialog *self,
                             gboolean        leaders,
                             const char     *message)
{
  g_return_if_fail (JP_IS_PEOPLE_DIALOG (self));

  jp_ui_show_invalid (GTK_WIDGET (leaders ? self->add_leader_row : self->add_unit_row),
                      GTK_WIDGET (leaders ? self->leaders_error : self->units_error),
                      message);
}

