#define G_LOG_DOMAIN "jp-editor-dialog"

#include "config.h"

#include <string.h>

#include "jp-editor-dialog.h"
#include "jp-name-list.h"

typedef struct
{
  gboolean  valid;
  gboolean  needs_change;  /* Save only once the fields differ from … */
  char     *initial;       /* … their state when the dialog was shown */
  gboolean  changed;
  guint     fit_source;
} JpEditorDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JpEditorDialog, jp_editor_dialog, ADW_TYPE_WINDOW)

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JpEditorDialog *self = JP_EDITOR_DIALOG (widget);
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  if (!priv->valid || (priv->needs_change && priv->initial != NULL && !priv->changed))
    return;

  g_signal_emit (self, signals[CONFIRMED], 0);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* The state of every field under @widget, as one string: the texts of
 * entries and text views, the check buttons, switches and drop-downs, the
 * names of name lists. Compared with the state when the dialog was shown,
 * it tells whether anything changed. */
static void
append_state (GtkWidget *widget,
              GString   *state)
{
  if (JP_IS_NAME_LIST (widget))
    {
      const char * const *names = jp_name_list_get_names (JP_NAME_LIST (widget));

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        g_string_append_printf (state, "%s\x1f", names[i]);
      g_string_append_c (state, '\x1e');
      return; /* A name typed but not added is no change. */
    }
  if (GTK_IS_POPOVER (widget) || GTK_IS_MENU_BUTTON (widget))
    return;

  if (GTK_IS_TEXT (widget))
    g_string_append_printf (state, "t%s\x1e", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (state, "v%s\x1e", text);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (state, "c%d\x1e", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_printf (state, "s%d\x1e", gtk_switch_get_active (GTK_SWITCH (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (state, "d%u\x1e", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (state, "d%u\x1e", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_state (child, state);
}

static char *
dup_state (JpEditorDialog *self)
{
  GString *state = g_string_new (NULL);

  append_state (GTK_WIDGET (self), state);
  return g_string_free (state, FALSE);
}

/* dialog.save is on while the input is valid and, for a dialog that
 * needs a change, differs from what it was when shown. */
static void
update_changed (JpEditorDialog *self)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);
  gboolean enabled = priv->valid;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (priv->initial != NULL)
    {
      g_autofree char *state = dup_state (self);

      priv->changed = strcmp (state, priv->initial) != 0;
    }
  else
    priv->changed = FALSE;

  if (priv->needs_change && priv->initial != NULL && !priv->changed)
    enabled = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", enabled);
}

static gboolean
is_field (GtkWidget *widget)
{
  return GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) || ADW_IS_COMBO_ROW (widget) ||
         GTK_IS_DROP_DOWN (widget);
}

/* Every one-line field (outside name lists and popovers, where Enter
 * means something of its own) activates the default button; the first
 * field visible is returned in @first. */
static void
prepare_fields (JpEditorDialog *self,
                GtkWidget      *widget,
                GtkWidget     **first)
{
  if (JP_IS_NAME_LIST (widget) && g_object_get_data (G_OBJECT (widget), "jp-editor-watch") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "jp-editor-watch", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (widget, "names-changed", G_CALLBACK (update_changed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  if (JP_IS_NAME_LIST (widget) || GTK_IS_POPOVER (widget) || GTK_IS_HEADER_BAR (widget) ||
      ADW_IS_HEADER_BAR (widget))
    return;

  if (GTK_IS_TEXT (widget))
    gtk_text_set_activates_default (GTK_TEXT (widget), TRUE);

  if (is_field (widget) && *first == NULL && gtk_widget_is_visible (widget) &&
      gtk_widget_is_sensitive (widget) && gtk_widget_get_can_focus (widget))
    *first = widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    prepare_fields (self, child, first);

  if (g_object_get_data (G_OBJECT (widget), "jp-editor-watch") != NULL)
    return;

  if (GTK_IS_EDITABLE (widget))
    g_signal_connect_object (widget, "changed", G_CALLBACK (update_changed), self, G_CONNECT_SWAPPED);
  else if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget))
    g_signal_connect_object (widget, "notify::active", G_CALLBACK (update_changed), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget))
    g_signal_connect_object (widget, "notify::selected", G_CALLBACK (update_changed), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                             G_CALLBACK (update_changed), self, G_CONNECT_SWAPPED);
  else
    return;
  g_object_set_data (G_OBJECT (widget), "jp-editor-watch", GINT_TO_POINTER (TRUE));
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "dialog.save") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_visible_error (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "inline-error"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An error shown below the visible part of the dialog: the dialog grows
 * to show it, as far as the screen allows, and otherwise scrolls to it. */
static gboolean
fit_error_cb (gpointer data)
{
  JpEditorDialog *self = data;
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);
  GtkWidget *error = find_visible_error (GTK_WIDGET (self));
  GtkWidget *scrolled;
  graphene_rect_t bounds;
  double overflow;

  priv->fit_source = 0;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  if (error == NULL || !gtk_widget_get_mapped (error))
    return G_SOURCE_REMOVE;
  scrolled = gtk_widget_get_ancestor (error, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL || !gtk_widget_compute_bounds (error, scrolled, &bounds))
    return G_SOURCE_REMOVE;

  overflow = bounds.origin.y + bounds.size.height + 12 - gtk_widget_get_height (scrolled);
  if (overflow > 0)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
      GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface)
                                            : NULL;
      GdkRectangle area = { 0, 0, 0, 0 };
      int height = gtk_widget_get_height (GTK_WIDGET (self));
      int room;
      GtkAdjustment *adjustment;

      if (monitor != NULL)
        gdk_monitor_get_geometry (monitor, &area);
      room = MAX (0, area.height - 48 - height);
      if (room > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), gtk_widget_get_width (GTK_WIDGET (self)),
                                     height + MIN (room, (int) overflow));
      /* What the growth does not show, scrolling does (at once: the
       * new size comes with the next frame). */
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      if (overflow > room)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + overflow - room);
    }
  else if (bounds.origin.y < 0)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 12);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_fit (JpEditorDialog *self)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  if (priv->fit_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->fit_source = g_timeout_add_full (G_PRIORITY_LOW, 50, fit_error_cb, self, NULL);
}

/* When shown: Enter in a field activates the default button (Save, Add),
 * the focus starts in the first field, and the fields' state is kept to
 * tell a change. */
static void
jp_editor_dialog_map (GtkWidget *widget)
{
  JpEditorDialog *self = JP_EDITOR_DIALOG (widget);
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);
  GtkWidget *first = NULL;
  GtkWidget *save = find_save_button (widget);

  GTK_WIDGET_CLASS (jp_editor_dialog_parent_class)->map (widget);

  if (save != NULL)
    gtk_window_set_default_widget (GTK_WINDOW (self), save);
  prepare_fields (self, widget, &first);
  if (priv->initial == NULL)
    {
      /* Shown for the first time: the focus starts in the first field. */
      if (first != NULL)
        gtk_widget_grab_focus (first);
      priv->initial = dup_state (self);
    }
  update_changed (self);
  queue_fit (self);
}

static void
jp_editor_dialog_finalize (GObject *object)
{
  JpEditorDialog *self = JP_EDITOR_DIALOG (object);
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_clear_handle_id (&priv->fit_source, g_source_remove);
  g_free (priv->initial);

  G_OBJECT_CLASS (jp_editor_dialog_parent_class)->finalize (object);
}

static void
jp_editor_dialog_class_init (JpEditorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jp_editor_dialog_finalize;
  widget_class->map = jp_editor_dialog_map;

  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
jp_editor_dialog_init (JpEditorDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editor-dialog");
}

void
jp_editor_dialog_set_valid (JpEditorDialog *self,
                            gboolean        valid)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_return_if_fail (JP_IS_EDITOR_DIALOG (self));

  priv->valid = !!valid;
  update_changed (self);
  queue_fit (self);
}

void
jp_editor_dialog_set_needs_change (JpEditorDialog *self,
                                   gboolean        needs_change)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_return_if_fail (JP_IS_EDITOR_DIALOG (self));

  priv->needs_change = !!needs_change;
  update_changed (self);
}

gboolean
jp_editor_dialog_get_changed (JpEditorDialog *self)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (JP_IS_EDITOR_DIALOG (self), FALSE);
  return priv->changed;
}

gboolean
jp_editor_dialog_get_valid (JpEditorDialog *self)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (JP_IS_EDITOR_DIALOG (self), FALSE);

  return priv->valid;
}
