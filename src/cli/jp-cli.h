#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command line of the README ("Usage"), handled before any display is needed.
 * The application adds these entries (g_application_add_main_option_entries)
 * and calls jp_cli_handle_local_options() from handle-local-options. */

const GOptionEntry *jp_cli_get_option_entries   (void);
/* -1: no command-line action was asked for (open the window); otherwise the
 * exit status (0 or 1), after printing "jinfeng-plan: …" on error. */
int                 jp_cli_handle_local_options (GVariantDict *options);
/* The database path: --db, else $XDG_DATA_HOME/jinfeng-plan/plans.db. */
char               *jp_cli_dup_db_path          (GVariantDict *options) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
