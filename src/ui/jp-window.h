#pragma once

#include <adwaita.h>

#include "jp-application.h"
#include "jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_WINDOW (jp_window_get_type ())

G_DECLARE_FINAL_TYPE (JpWindow, jp_window, JP, WINDOW, AdwApplicationWindow)

/* The main window on one database. @read_only opens it in review mode
 * (--read-only). With @sample_on_create, a database that this window
 * creates (the default one, on first start) gets the bundled 2023 plan. */
JpWindow   *jp_window_new              (JpApplication *application,
                                        const char    *db_path,
                                        gboolean       read_only,
                                        gboolean       sample_on_create) G_GNUC_WARN_UNUSED_RESULT;
/* NULL when the database could not be opened. */
JpStore    *jp_window_get_store        (JpWindow      *self);
/* The plan shown (NULL: none, empty database). */
JpPlan     *jp_window_get_plan         (JpWindow      *self);
gboolean    jp_window_open_plan        (JpWindow      *self,
                                        gint64         plan_id,
                                        GError       **error);
gboolean    jp_window_get_review_mode  (JpWindow      *self);
/* The editor dialog that is open (borrowed; NULL when none). */
GtkWindow  *jp_window_get_dialog       (JpWindow      *self);
/* Selects the row of a JpSection or JpItem in the plan tree. */
gboolean    jp_window_select           (JpWindow      *self,
                                        GObject       *object);
/* The date of the progress and statuses shown everywhere in the window
 * (plan tree, item page, dashboard), "YYYY-MM-DD"; NULL without a plan.
 * Opening a plan resets it to the plan's default, min(today, plan end). */
const char *jp_window_get_as_of        (JpWindow      *self);
/* NULL (or ""): the plan's default. */
void        jp_window_set_as_of        (JpWindow      *self,
                                        const char    *as_of);
/* The JpSection or JpItem selected in the tree (borrowed). */
GObject    *jp_window_get_selected     (JpWindow      *self);

G_END_DECLS
