#define G_LOG_DOMAIN "jp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "jp-preferences-window.h"
#include "jp-store-backup.h"
#include "jp-ui-util.h"

struct _JpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *author_row;
  AdwPreferencesGroup  *backup_group;
  AdwActionRow         *backups_row;
  GtkSpinButton        *backups_spin;
  AdwActionRow         *folder_row;

  GSettings            *settings; /* Owned */
};

G_DEFINE_FINAL_TYPE (JpPreferencesWindow, jp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_backups_to_keep_changed_cb (JpPreferencesWindow *self)
{
  int keep = g_settings_get_int (self->settings, "backups-to-keep");

  /* At once, for the backups this process makes from now on. */
  jp_store_set_backup_policy (NULL, (guint) MAX (0, keep));
}

static void
on_open_folder_clicked_cb (JpPreferencesWindow *self)
{
  g_autofree char *folder = jp_store_dup_backup_folder ();
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  g_mkdir_with_parents (folder, 0700);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
jp_preferences_window_dispose (GObject *object)
{
  JpPreferencesWindow *self = (JpPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jp_preferences_window_parent_class)->dispose (object);
}

static void
jp_preferences_window_class_init (JpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/jinfeng/plan/ui/jp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, author_group);
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, backup_group);
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, backups_row);
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, JpPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
jp_preferences_window_init (JpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpPreferencesWindow *
jp_preferences_window_new (GSettings *settings)
{
  JpPreferencesWindow *self;
  g_autofree char *description = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JP_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  /* Translators: the user's name from the system follows */
  description = g_strdup_printf (_("Recorded with each progress entry and update, and in the "
                                   "change history. Leave it empty to use the name of your "
                                   "account (%s)."),
                                 jp_ui_default_author ());
  adw_preferences_group_set_description (self->author_group, description);

  folder = jp_store_dup_backup_folder ();
  adw_action_row_set_subtitle (self->folder_row, folder);

  g_settings_bind (settings, "author", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backups-to-keep", gtk_spin_button_get_adjustment (self->backups_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::backups-to-keep",
                           G_CALLBACK (on_backups_to_keep_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
