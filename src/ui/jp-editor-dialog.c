#define G_LOG_DOMAIN "jp-editor-dialog"

#include "config.h"

#include "jp-editor-dialog.h"

typedef struct
{
  gboolean valid;
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

  if (!priv->valid)
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

static void
jp_editor_dialog_class_init (JpEditorDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", priv->valid);
}

gboolean
jp_editor_dialog_get_valid (JpEditorDialog *self)
{
  JpEditorDialogPrivate *priv = jp_editor_dialog_get_instance_private (self);

  g_return_val_if_fail (JP_IS_EDITOR_DIALOG (self), FALSE);

  return priv->valid;
}
