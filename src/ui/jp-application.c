#define G_LOG_DOMAIN "jp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-application.h"
#include "jp-cli.h"
#include "jp-preferences-window.h"
#include "jp-ui-util.h"
#include "jp-window.h"

struct _JpApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  gboolean        read_only;
  gboolean        default_db; /* no --db: the default database */
  JpOpening      *opening;    /* Owned until the window takes it */
};

G_DEFINE_FINAL_TYPE (JpApplication, jp_application, ADW_TYPE_APPLICATION)

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  JpApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows (they save their size) rather than exit at once. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  JpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "金凤区教育局信息中心", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Work Plan"),
                        "developer-name", _("Jinfeng District Education Bureau"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the annual work plan of the bureau and track every "
                                      "target through the year."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2023 金凤区教育局",
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Reference plan"),
                                       (const char *[]) { "金凤区教育党工委", "金凤区教育局", NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  JpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = jp_ui_settings_new ();
  JpPreferencesWindow *window;

  /* Without the settings schema there is nothing to keep preferences in:
   * say so rather than offer a menu entry that does nothing. */
  if (settings == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Preferences Are Not Available"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The settings schema %s is not installed. Install the "
                                        "application, or start it with build-aux/run, which "
                                        "compiles the schema in the build folder."),
                                      APP_ID);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = jp_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_cb },
  { "about", about_cb },
  { "preferences", preferences_cb },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.add-item", { "<Control>n", NULL } },
  { "win.add-section", { "<Control><Shift>n", NULL } },
  { "win.add-indicator", { "<Control>i", NULL } },
  { "win.edit-selected", { "F2", NULL } },
  { "win.export-pdf", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.manage-people", { "<Control>l", NULL } },
  { "win.show-status-help", { "F1", NULL } },
  { "win.show-plan", { "<Alt>1", NULL } },
  { "win.show-dashboard", { "<Alt>2", NULL } },
};

static void
jp_application_startup (GApplication *application)
{
  JpApplication *self = JP_APPLICATION (application);

  G_APPLICATION_CLASS (jp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  jp_ui_install_status_css (gdk_display_get_default ());
}

static int
jp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  JpApplication *self = JP_APPLICATION (application);
  int status;

  /* The command-line work runs here, before any display is needed. */
  status = jp_cli_handle_local_options (options);
  if (status >= 0)
    return status;

  g_free (self->db_path);
  self->db_path = jp_cli_dup_db_path (options);
  self->default_db = !g_variant_dict_contains (options, "db");
  if (!g_variant_dict_lookup (options, "read-only", "b", &self->read_only))
    self->read_only = FALSE;

  /* A window will show the file: its plan is read while GTK and
   * libadwaita start (a new file gets the bundled plan from the window). */
  if (g_strcmp0 (self->db_path, ":memory:") != 0 && g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettings) settings = jp_ui_settings_new ();

      g_clear_object (&self->opening);
      self->opening = jp_opening_new (self->db_path, self->read_only, settings);
    }

  return -1;
}

static void
jp_application_activate (GApplication *application)
{
  JpApplication *self = JP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->db_path == NULL)
        {
          g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

          self->db_path = jp_cli_dup_db_path (options);
          self->default_db = TRUE;
        }

      /* The plan loads in a thread while the window shows itself. */
      window = g_object_new (JP_TYPE_WINDOW,
                             "application", self,
                             "db-path", self->db_path,
                             "read-only", self->read_only,
                             "sample-on-create", self->default_db,
                             "open-in-background", TRUE,
                             "opening", self->opening,
                             NULL);
      g_clear_object (&self->opening);
    }

  gtk_window_present (window);
}

static void
jp_application_finalize (GObject *object)
{
  JpApplication *self = (JpApplication *) object;

  g_free (self->db_path);
  g_clear_object (&self->opening);

  G_OBJECT_CLASS (jp_application_parent_class)->finalize (object);
}

static void
jp_application_class_init (JpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jp_application_finalize;

  app_class->startup = jp_application_startup;
  app_class->activate = jp_application_activate;
  app_class->handle_local_options = jp_application_handle_local_options;
}

static void
jp_application_init (JpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), jp_cli_get_option_entries ());
}

JpApplication *
jp_application_new (void)
{
  /* NON_UNIQUE: each invocation is its own process (a window per --db,
   * and the command line never needs a session bus). */
  return g_object_new (JP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/com/jinfeng/plan",
                       NULL);
}

const char *
jp_application_get_db_path (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);

  return self->db_path;
}

gboolean
jp_application_get_read_only (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), FALSE);

  return self->read_only;
}

JpOpening *
jp_application_get_opening (JpApplication *self)
{
  g_return_val_if_fail (JP_IS_APPLICATION (self), NULL);

  return self->opening;
}
