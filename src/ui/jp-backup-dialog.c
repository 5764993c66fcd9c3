#define G_LOG_DOMAIN "jp-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-backup-dialog.h"
#include "jp-store-backup.h"

struct _JpBackupDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *backup_button;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *group;

  JpStore             *store;        /* Owned */
  GPtrArray           *backups;      /* Owned: JpBackupInfo */
  GPtrArray           *rows;         /* Owned: the rows in the group (borrowed widgets) */
  AdwMessageDialog    *confirmation; /* Weak */
  char                *error;
};

G_DEFINE_FINAL_TYPE (JpBackupDialog, jp_backup_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
reason_label (const char *reason)
{
  if (g_strcmp0 (reason, JP_STORE_BACKUP_IMPORT) == 0)
    return _("Before an import");
  if (g_strcmp0 (reason, JP_STORE_BACKUP_MIGRATION) == 0)
    return _("Before the database was upgraded");
  if (g_strcmp0 (reason, JP_STORE_BACKUP_RESTORE) == 0)
    return _("Before a backup was restored");
  if (g_strcmp0 (reason, JP_STORE_BACKUP_MANUAL) == 0)
    return _("Backed up by hand");
  if (g_strcmp0 (reason, JP_STORE_BACKUP_DELETE) == 0)
    return _("Before a plan was deleted");
  return reason;
}

static char *
format_time (const JpBackupInfo *info)
{
  /* Translators: when a backup was made, a g_date_time_format() format
   * ("%-d": no leading zero): "Jun 30, 2023 14:05:09". In Chinese
   * "%Y年%-m月%-d日 %H:%M:%S", as the dates elsewhere. */
  return jp_backup_info_format_time (info, _("%b %-d, %Y %H:%M:%S"));
}

static void
show_error (JpBackupDialog *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog;

  g_free (self->error);
  self->error = g_strdup (error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_row (JpBackupDialog *self,
         JpBackupInfo   *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *title = format_time (info);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;

  /* Translators: why a backup was made, then its size */
  subtitle = g_strdup_printf (_("%s · %s"), reason_label (info->reason), size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "numeric");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backup.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_confirmation_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             JpBackupDialog   *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "jp-path");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!jp_store_restore_backup (self->store, path, NULL, jp_store_get_backups_to_keep (), &error))
    {
      show_error (self, _("Could Not Restore the Backup"), error);
      jp_backup_dialog_reload (self);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  g_signal_emit (self, signals[RESTORED], 0);

  /* Not while the confirmation (transient for this dialog) is still
   * emitting its response. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static JpBackupInfo *
find_backup (JpBackupDialog *self,
             const char     *path)
{
  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    {
      JpBackupInfo *info = g_ptr_array_index (self->backups, i);

      if (g_strcmp0 (info->path, path) == 0)
        return info;
    }

  return NULL;
}

static void
restore_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  jp_backup_dialog_restore (JP_BACKUP_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
create_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JpBackupDialog *self = JP_BACKUP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  /* At least one, even when the preference says none. */
  guint keep = MAX (1, jp_store_get_backups_to_keep ());

  if (!jp_store_backup (self->store, NULL, JP_STORE_BACKUP_MANUAL, keep, NULL, &error))
    show_error (self, _("Could Not Back Up"), error);
  else
    g_clear_pointer (&self->error, g_free);

  jp_backup_dialog_reload (self);
}

static void
jp_backup_dialog_dispose (GObject *object)
{
  JpBackupDialog *self = (JpBackupDialog *) object;

  if (self->confirmation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirmation));
  g_clear_weak_pointer (&self->confirmation);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_BACKUP_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (jp_backup_dialog_parent_class)->dispose (object);
}

static void
jp_backup_dialog_finalize (GObject *object)
{
  JpBackupDialog *self = (JpBackupDialog *) object;

  g_free (self->error);

  G_OBJECT_CLASS (jp_backup_dialog_parent_class)->finalize (object);
}

static void
jp_backup_dialog_class_init (JpBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_backup_dialog_dispose;
  object_class->finalize = jp_backup_dialog_finalize;

  /* The database holds the backup's content now. */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/jinfeng/plan/ui/jp-backup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpBackupDialog, backup_button);
  gtk_widget_class_bind_template_child (widget_class, JpBackupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JpBackupDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JpBackupDialog, group);

  gtk_widget_class_install_action (widget_class, "backup.restore", "s", restore_cb);
  gtk_widget_class_install_action (widget_class, "backup.create", NULL, create_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jp_backup_dialog_init (JpBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

JpBackupDialog *
jp_backup_dialog_new (JpStore *store)
{
  JpBackupDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  self = g_object_new (JP_TYPE_BACKUP_DIALOG, NULL);
  self->store = g_object_ref (store);

  basename = g_path_get_basename (jp_store_get_path (store));
  /* Translators: the database's file name */
  description = g_strdup_printf (_("Copies of “%s”, newest first. Restoring one replaces every "
                                   "plan in the database with the plans of the copy."), basename);
  adw_preferences_group_set_description (self->group, description);

  /* Restoring writes; a backup only reads. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore",
                                 !jp_store_get_read_only (store));

  jp_backup_dialog_reload (self);

  return self;
}

GPtrArray *
jp_backup_dialog_get_backups (JpBackupDialog *self)
{
  g_return_val_if_fail (JP_IS_BACKUP_DIALOG (self), NULL);

  return self->backups;
}

void
jp_backup_dialog_reload (JpBackupDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_BACKUP_DIALOG (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  self->backups = jp_store_list_backups (self->store, NULL, &error);
  if (self->backups == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->backups->len; i++)
    add_row (self, g_ptr_array_index (self->backups, i));

  gtk_stack_set_visible_child_name (self->stack, self->backups->len > 0 ? "list" : "empty");
}

void
jp_backup_dialog_restore (JpBackupDialog *self,
                          const char     *path)
{
  JpBackupInfo *info;
  g_autofree char *time = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (JP_IS_BACKUP_DIALOG (self));

  info = find_backup (self, path);
  if (info == NULL)
    return;

  time = format_time (info);
  /* Translators: the date and time of the backup */
  body = g_strdup_printf (_("Every plan in the database will be replaced by the plans of the "
                            "backup of %s. Changes made since then are lost, but a backup of the "
                            "current content is made first, so that you can go back to it."),
                          time);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "jp-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirmation_response_cb), self, 0);
  g_set_weak_pointer (&self->confirmation, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
jp_backup_dialog_get_confirmation (JpBackupDialog *self)
{
  g_return_val_if_fail (JP_IS_BACKUP_DIALOG (self), NULL);

  return self->confirmation;
}

const char *
jp_backup_dialog_get_error (JpBackupDialog *self)
{
  g_return_val_if_fail (JP_IS_BACKUP_DIALOG (self), NULL);

  return self->error;
}
