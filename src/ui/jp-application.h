#pragma once

#include <adwaita.h>

#include "jp-opening.h"

G_BEGIN_DECLS

#define JP_TYPE_APPLICATION (jp_application_get_type ())

G_DECLARE_FINAL_TYPE (JpApplication, jp_application, JP, APPLICATION, AdwApplication)

/* The application: adds the command-line options of jp-cli.h, handles them
 * in handle-local-options (headless), and otherwise opens a JpWindow on the
 * database given by --db (or the default one). */
JpApplication *jp_application_new              (void) G_GNUC_WARN_UNUSED_RESULT;
/* The database path the window opens and whether --read-only was given. */
const char    *jp_application_get_db_path      (JpApplication *self);
gboolean       jp_application_get_read_only    (JpApplication *self);
/* The database being opened for the first window, from handle-local-options
 * on (the plan is read while GTK starts); NULL once the window took it, or
 * when the file does not exist yet. */
JpOpening     *jp_application_get_opening      (JpApplication *self);

G_END_DECLS
