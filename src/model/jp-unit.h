#pragma once

#include <glib-object.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_UNIT (jp_unit_get_type ())

G_DECLARE_FINAL_TYPE (JpUnit, jp_unit, JP, UNIT, GObject)

JpUnit   *jp_unit_new      (const char *name) G_GNUC_WARN_UNUSED_RESULT;
gint64      jp_unit_get_id   (JpUnit   *self);
void        jp_unit_set_id   (JpUnit   *self,
                                gint64      id);
const char *jp_unit_get_name (JpUnit   *self);
void        jp_unit_set_name (JpUnit   *self,
                                const char *name);

G_END_DECLS
