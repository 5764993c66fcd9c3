#pragma once

#include <glib-object.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_LEADER (jp_leader_get_type ())

G_DECLARE_FINAL_TYPE (JpLeader, jp_leader, JP, LEADER, GObject)

JpLeader   *jp_leader_new      (const char *name) G_GNUC_WARN_UNUSED_RESULT;
gint64      jp_leader_get_id   (JpLeader   *self);
void        jp_leader_set_id   (JpLeader   *self,
                                gint64      id);
const char *jp_leader_get_name (JpLeader   *self);
void        jp_leader_set_name (JpLeader   *self,
                                const char *name);

G_END_DECLS
