#pragma once

#include <gio/gio.h>

#include "jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_OPENING (jp_opening_get_type ())

G_DECLARE_FINAL_TYPE (JpOpening, jp_opening, JP, OPENING, GObject)

/* Opens the database at @path as the window does: read-only when asked,
 * else for writing, falling back to read-only (with *@review_reason, a
 * sentence for the review banner) when the file or its folder cannot be
 * written or its schema is newer. */
JpStore      *jp_opening_open_store            (const char           *path,
                                                gboolean              read_only,
                                                char                **review_reason,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;

gint64        jp_opening_choose_plan           (JpStore              *store,
                                                GPtrArray            *plans,
                                                GSettings            *settings);

JpOpening    *jp_opening_new                   (const char           *path,
                                                gboolean              read_only,
                                                GSettings            *settings) G_GNUC_WARN_UNUSED_RESULT;
const char   *jp_opening_get_path              (JpOpening            *self);
gboolean      jp_opening_get_read_only         (JpOpening            *self);
JpStore      *jp_opening_get_store             (JpOpening            *self);
const GError *jp_opening_get_error             (JpOpening            *self);
const char   *jp_opening_get_review_reason     (JpOpening            *self);
GPtrArray    *jp_opening_get_plans             (JpOpening            *self);
gint64        jp_opening_get_plan_id           (JpOpening            *self);
gint64        jp_opening_get_data_version      (JpOpening            *self);
void          jp_opening_load_plan_async       (JpOpening            *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
JpPlan       *jp_opening_load_plan_finish      (JpOpening            *self,
                                                GAsyncResult         *result,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
