#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_PREFERENCES_WINDOW (jp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JpPreferencesWindow, jp_preferences_window, JP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Preferences (app.preferences), on the application's GSettings
 * (com.jinfeng.plan): the name recorded as the author of progress entries
 * and in the change history ("author"; the window binds it to its store's
 * "author"), and how many backups of the database to keep
 * ("backups-to-keep", applied at once with jp_store_set_backup_policy). */
JpPreferencesWindow *jp_preferences_window_new (GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
