#define G_LOG_DOMAIN "jp-name-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jp-name-list.h"
#include "jp-ui-util.h"

struct _JpNameList
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkListBox  *list;
  AdwEntryRow *add_row;
  GtkWidget   *choices_button;
  GtkPopover  *choices_popover;
  GtkListBox  *choices_list;

  GStrv        names;
  GStrv        choices;
  GPtrArray   *rows;  /* Borrowed: the name rows */
  gboolean     editable;
  char        *pending;      /* a near-duplicate name asked about once */
  char        *placeholder;  /* the add row's title while it asks */
};

G_DEFINE_FINAL_TYPE (JpNameList, jp_name_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_PLACEHOLDER,
  N_PROPS
};

enum {
  NAMES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_names (JpNameList *self,
            GStrv       names)
{
  g_signal_emit (self, signals[NAMES_CHANGED], 0, names);
}

static void
on_move_clicked_cb (GtkButton  *button,
                    JpNameList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jp-index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jp-delta"));
  guint n = g_strv_length (self->names);
  g_auto(GStrv) names = g_strdupv (self->names);
  guint other = index + delta;
  char *tmp;

  if (index >= n || other >= n)
    return;

  tmp = names[index];
  names[index] = names[other];
  names[other] = tmp;
  emit_names (self, names);
}

static void
on_remove_clicked_cb (GtkButton  *button,
                      JpNameList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jp-index"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; self->names[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, self->names[i]);

  names = g_strv_builder_end (builder);
  emit_names (self, names);
}

static GtkWidget *
icon_button (JpNameList *self,
             const char *icon,
             const char *label,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  jp_ui_set_accessible_label (button, label);
  g_object_set_data (G_OBJECT (button), "jp-index", GUINT_TO_POINTER (index));

  return button;
}

static void
rebuild_rows (JpNameList *self)
{
  guint n = self->names != NULL ? g_strv_length (self->names) : 0;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *up = g_strdup_printf (_("Move %s Up"), self->names[i]);
      g_autofree char *down = g_strdup_printf (_("Move %s Down"), self->names[i]);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), self->names[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->names[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      if (self->editable)
        {
          button = icon_button (self, "go-up-symbolic", up, i);
          g_object_set_data (G_OBJECT (button), "jp-delta", GINT_TO_POINTER (-1));
          gtk_widget_set_sensitive (button, i > 0);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          button = icon_button (self, "go-down-symbolic", down, i);
          g_object_set_data (G_OBJECT (button), "jp-delta", GINT_TO_POINTER (1));
          gtk_widget_set_sensitive (button, i + 1 < n);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

          button = icon_button (self, "list-remove-symbolic", remove, i);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      gtk_list_box_insert (self->list, row, (int) i);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->add_row), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->editable || n > 0);
}

static gboolean
has_name (JpNameList *self,
          const char *name)
{
  return self->names != NULL && g_strv_contains ((const char * const *) self->names, name);
}

static void
rebuild_choices (JpNameList *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_list))) != NULL)
    gtk_list_box_remove (self->choices_list, child);

  for (guint i = 0; self->choices != NULL && self->choices[i] != NULL; i++)
    {
      GtkWidget *label;

      if (has_name (self, self->choices[i]))
        continue;
      if (typed[0] != '\0' && strstr (self->choices[i], typed) == NULL)
        continue;

      label = gtk_label_new (self->choices[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->choices_list, label);
      shown++;
    }

  gtk_widget_set_sensitive (self->choices_button, shown > 0);
}

static void
on_add_row_changed_cb (JpNameList *self)
{
  jp_ui_show_invalid (GTK_WIDGET (self->add_row), NULL, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_row), NULL);
  rebuild_choices (self);
}

static void
on_add_row_apply_cb (JpNameList *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autofree char *problem = jp_limits_check_text (name, -1);

  /* A name no export could write back out is not added (jp-limits.h). */
  if (problem != NULL)
    {
      jp_ui_show_invalid (GTK_WIDGET (self->add_row), NULL, problem);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_row), problem);
      return;
    }

  jp_name_list_add (self, name);
}

static void
on_choice_activated_cb (JpNameList    *self,
                        GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  gtk_popover_popdown (self->choices_popover);
  jp_name_list_add (self, gtk_label_get_text (GTK_LABEL (label)));
}

static void
jp_name_list_dispose (GObject *object)
{
  JpNameList *self = (JpNameList *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_NAME_LIST);

  G_OBJECT_CLASS (jp_name_list_parent_class)->dispose (object);
}

static void
jp_name_list_finalize (GObject *object)
{
  JpNameList *self = (JpNameList *) object;

  g_strfreev (self->names);
  g_strfreev (self->choices);
  g_ptr_array_unref (self->rows);
  g_free (self->pending);
  g_free (self->placeholder);

  G_OBJECT_CLASS (jp_name_list_parent_class)->finalize (object);
}

static void
jp_name_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpNameList *self = JP_NAME_LIST (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->add_row)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_name_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpNameList *self = JP_NAME_LIST (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      jp_name_list_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_name_list_class_init (JpNameListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_name_list_dispose;
  object_class->finalize = jp_name_list_finalize;
  object_class->get_property = jp_name_list_get_property;
  object_class->set_property = jp_name_list_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The title of the row that adds a name ("Add a leader"). */
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NAMES_CHANGED] =
    g_signal_new ("names-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-name-list.ui");
  gtk_widget_class_bind_template_child (widget_class, JpNameList, list);
  gtk_widget_class_bind_template_child (widget_class, JpNameList, add_row);
  gtk_widget_class_bind_template_child (widget_class, JpNameList, choices_button);
  gtk_widget_class_bind_template_child (widget_class, JpNameList, choices_popover);
  gtk_widget_class_bind_template_child (widget_class, JpNameList, choices_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_activated_cb);
}

static void
jp_name_list_init (JpNameList *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild_rows (self);
}

GtkWidget *
jp_name_list_new (void)
{
  return g_object_new (JP_TYPE_NAME_LIST, NULL);
}

const char * const *
jp_name_list_get_names (JpNameList *self)
{
  g_return_val_if_fail (JP_IS_NAME_LIST (self), NULL);

  return (const char * const *) self->names;
}

void
jp_name_list_set_names (JpNameList         *self,
                        const char * const *names)
{
  g_return_if_fail (JP_IS_NAME_LIST (self));

  if (self->names != NULL && names != NULL &&
      g_strv_equal ((const char * const *) self->names, names))
    return;

  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  rebuild_rows (self);
  rebuild_choices (self);
}

void
jp_name_list_set_choices (JpNameList         *self,
                          const char * const *choices)
{
  g_return_if_fail (JP_IS_NAME_LIST (self));

  g_strfreev (self->choices);
  self->choices = g_strdupv ((char **) choices);
  rebuild_choices (self);
}

gboolean
jp_name_list_get_editable (JpNameList *self)
{
  g_return_val_if_fail (JP_IS_NAME_LIST (self), FALSE);

  return self->editable;
}

void
jp_name_list_set_editable (JpNameList *self,
                           gboolean    editable)
{
  g_return_if_fail (JP_IS_NAME_LIST (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
jp_name_list_add (JpNameList *self,
                  const char *name)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (JP_IS_NAME_LIST (self));

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (stripped[0] == '\0' || !self->editable)
    return;

  /* A new name close to one of the plan's ("督导" beside "督导室"): asked
   * about first, in the add row's title; the same name again adds it. */
  if (!has_name (self, stripped) && g_strcmp0 (self->pending, stripped) != 0 &&
      (self->choices == NULL || !g_strv_contains ((const char * const *) self->choices, stripped)))
    {
      g_autoptr(GPtrArray) near = jp_names_find_near (stripped, (const char * const *) self->choices);

      if (near->len > 0)
        {
          g_autofree char *question = NULL;

          question = g_strdup_printf (_("Did you mean “%s”? Press Enter again to add “%s” "
                                        "as a new name."),
                                      (const char *) g_ptr_array_index (near, 0), stripped);
          if (self->placeholder == NULL)
            self->placeholder = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->add_row)));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), question);
          gtk_widget_add_css_class (GTK_WIDGET (self->add_row), "warning");
          g_free (self->pending);
          self->pending = g_strdup (stripped);
          return;
        }
    }

  g_clear_pointer (&self->pending, g_free);
  if (self->placeholder != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), self->placeholder);
      g_clear_pointer (&self->placeholder, g_free);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_row), "warning");
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");

  if (has_name (self, stripped))
    return;

  builder = g_strv_builder_new ();
  if (self->names != NULL)
    g_strv_builder_addv (builder, (const char **) self->names);
  g_strv_builder_add (builder, stripped);
  names = g_strv_builder_end (builder);
  emit_names (self, names);
}
