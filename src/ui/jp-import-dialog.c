#define G_LOG_DOMAIN "jp-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-document-import.h"
#include "jp-import-dialog.h"
#include "jp-ui-util.h"

struct _JpImportDialog
{
  JpEditorDialog       parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *warnings_group;

  GPtrArray           *plans; /* Owned: JpPlan */
  GPtrArray           *merges; /* Owned: Merge, one per pair of near names */
  gboolean             merged;
};

/* Two names of one plan that are probably one written twice. */
typedef struct
{
  JpPlan    *plan;    /* Borrowed */
  GObject   *from;    /* Owned: JpLeader or JpUnit */
  GObject   *into;    /* Owned */
  GtkSwitch *toggle;  /* Borrowed: merge them on import */
} Merge;

static void
merge_free (gpointer data)
{
  Merge *merge = data;

  g_clear_object (&merge->from);
  g_clear_object (&merge->into);
  g_free (merge);
}

G_DEFINE_FINAL_TYPE (JpImportDialog, jp_import_dialog, JP_TYPE_EDITOR_DIALOG)

static char *
targets_text (JpItem *item)
{
  GListModel *indicators = jp_item_get_indicators (item);
  guint n = g_list_model_get_n_items (indicators);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) targets = NULL;
  g_autofree char *joined = NULL;

  if (n == 0)
    return g_strdup (_("No targets found"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *target = jp_indicator_format_target (indicator);
      g_autofree char *text = g_strdup_printf ("%s %s", jp_indicator_get_name (indicator), target);

      g_strv_builder_add (builder, text);
    }

  targets = g_strv_builder_end (builder);
  joined = g_strjoinv ("；", targets);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target: %s", "%u targets: %s", n),
                          n, joined);
}

static const char *
person_name (GObject *person)
{
  return JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                               : jp_unit_get_name (JP_UNIT (person));
}

static guint
count_uses (JpPlan  *plan,
            GObject *person)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint uses = 0;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *lists[] = { jp_item_get_leaders (item), jp_item_get_units (item),
                              jp_item_get_partner_units (item) };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; j < g_list_model_get_n_items (lists[l]); j++)
          {
            g_autoptr(GObject) other = g_list_model_get_item (lists[l], j);

            uses += other == person;
          }
    }

  return uses;
}

/* A row for each pair of near names of @list, with a switch to merge the
 * less used into the more used (off: near is not always the same). */
static void
add_near_names (JpImportDialog      *self,
                AdwPreferencesGroup *group,
                JpPlan              *plan,
                GListModel          *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        g_autoptr(GObject) a = g_list_model_get_item (list, i);
        g_autoptr(GObject) b = g_list_model_get_item (list, j);
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;
        GtkWidget *row, *toggle;
        guint uses_a, uses_b;
        Merge *merge;

        if (!jp_names_are_near (person_name (a), person_name (b)))
          continue;

        uses_a = count_uses (plan, a);
        uses_b = count_uses (plan, b);
        merge = g_new0 (Merge, 1);
        merge->plan = plan;
        merge->from = uses_a < uses_b || (uses_a == uses_b &&
                                          strlen (person_name (a)) < strlen (person_name (b))) ? a : b;
        merge->into = g_object_ref (merge->from == a ? b : a);
        g_object_ref (merge->from);

        row = adw_action_row_new ();
        /* Translators: two near names in an import preview: “督导” → “督导室” */
        title = g_strdup_printf (_("“%s” → “%s”"), person_name (merge->from), person_name (merge->into));
        /* Translators: how many work points name each of the two */
        subtitle = g_strdup_printf (_("Named by %u and %u work points: merge them on import?"),
                                    merge->from == a ? uses_a : uses_b, merge->from == a ? uses_b : uses_a);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        toggle = gtk_switch_new ();
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        jp_ui_set_accessible_label (toggle, title);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        merge->toggle = GTK_SWITCH (toggle);
        adw_preferences_group_add (group, row);
        g_ptr_array_add (self->merges, merge);
      }
}

static void
add_plan (JpImportDialog *self,
          JpPlan         *plan)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GListModel *sections = jp_plan_get_sections (plan);
  guint n_sections = g_list_model_get_n_items (sections);
  g_autofree char *title = jp_ui_dup_plan_label (jp_plan_get_year (plan), jp_plan_get_title (plan));
  g_autofree char *counts = NULL;

  /* Translators: what an import found */
  counts = g_strdup_printf (_("%u sections, %u work points, %u targets, %u leaders, %u units"),
                            n_sections, jp_plan_get_n_items (plan), jp_plan_get_n_indicators (plan),
                            g_list_model_get_n_items (jp_plan_get_leaders (plan)),
                            g_list_model_get_n_items (jp_plan_get_units (plan)));
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, counts);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      GListModel *items = jp_section_get_items (section);
      guint n_items = g_list_model_get_n_items (items);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *section_title = g_strdup_printf (_("%s、%s"), jp_section_get_ordinal (section),
                                                        jp_section_get_title (section));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work point",
                                                                "%u work points", n_items),
                                                   n_items);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), section_title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, j);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *item_title = g_strdup_printf ("%d. %s", jp_item_get_number (item),
                                                         jp_item_get_title (item));
          g_autofree char *targets = targets_text (item);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), targets);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      adw_preferences_group_add (group, expander);
    }

  adw_preferences_page_add (self->page, group);

  {
    AdwPreferencesGroup *near = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    guint before = self->merges->len;

    adw_preferences_group_set_title (near, _("Similar Names"));
    adw_preferences_group_set_description (near, _("These leaders or units may be one written "
                                                   "twice. Switch on the pairs to merge."));
    add_near_names (self, near, plan, jp_plan_get_leaders (plan));
    add_near_names (self, near, plan, jp_plan_get_units (plan));
    gtk_widget_add_css_class (GTK_WIDGET (near), "near-duplicates");
    if (self->merges->len > before)
      adw_preferences_page_add (self->page, near);
    else
      {
        g_object_ref_sink (near);
        g_object_unref (near);
      }
  }
}

static void
jp_import_dialog_dispose (GObject *object)
{
  JpImportDialog *self = (JpImportDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->merges, g_ptr_array_unref);

  G_OBJECT_CLASS (jp_import_dialog_parent_class)->dispose (object);
}

static void
jp_import_dialog_class_init (JpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, JpImportDialog, warnings_group);
}

static void
jp_import_dialog_init (JpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->merges = g_ptr_array_new_with_free_func (merge_free);
}

JpImportDialog *
jp_import_dialog_new (const char *file_name,
                      GPtrArray  *plans,
                      GPtrArray  *warnings)
{
  JpImportDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (plans != NULL, NULL);

  self = g_object_new (JP_TYPE_IMPORT_DIALOG, NULL);
  self->plans = g_ptr_array_ref (plans);

  /* Translators: the title of the import preview, with the file name */
  title = g_strdup_printf (_("Import “%s”"), file_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  for (guint i = 0; i < plans->len; i++)
    add_plan (self, g_ptr_array_index (plans, i));

  if (warnings != NULL && warnings->len > 0)
    {
      for (guint i = 0; i < warnings->len; i++)
        {
          JpImportWarning *warning = g_ptr_array_index (warnings, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          g_autofree char *line = NULL;

          if (warning->line > 0)
            {
              line = g_strdup_printf (_("Line %u"), warning->line);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning->message);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (self->warnings_group, row);
        }

      /* Warnings after the plans. */
      g_object_ref (self->warnings_group);
      adw_preferences_page_remove (self->page, self->warnings_group);
      adw_preferences_page_add (self->page, self->warnings_group);
      g_object_unref (self->warnings_group);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), plans->len > 0);

  return self;
}

/* The plans to import, with the near names switched on merged (once). */
GPtrArray *
jp_import_dialog_get_plans (JpImportDialog *self)
{
  g_return_val_if_fail (JP_IS_IMPORT_DIALOG (self), NULL);

  for (guint i = 0; !self->merged && i < self->merges->len; i++)
    {
      Merge *merge = g_ptr_array_index (self->merges, i);

      if (!gtk_switch_get_active (merge->toggle))
        continue;
      if (JP_IS_LEADER (merge->from))
        jp_plan_merge_leader (merge->plan, JP_LEADER (merge->from), JP_LEADER (merge->into));
      else
        jp_plan_merge_unit (merge->plan, JP_UNIT (merge->from), JP_UNIT (merge->into));
    }
  self->merged = TRUE;

  return self->plans;
}
