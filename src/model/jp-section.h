#pragma once

#include <gio/gio.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_SECTION (jp_section_get_type ())

G_DECLARE_FINAL_TYPE (JpSection, jp_section, JP, SECTION, GObject)

JpSection  *jp_section_new          (const char *ordinal,
                                     const char *title) G_GNUC_WARN_UNUSED_RESULT;
gint64      jp_section_get_id       (JpSection  *self);
void        jp_section_set_id       (JpSection  *self,
                                     gint64      id);
JpPlan     *jp_section_get_plan     (JpSection  *self);
/* Index in the plan's sections (0-based); -1 when not in a plan. */
int         jp_section_get_position (JpSection  *self);
const char *jp_section_get_ordinal  (JpSection  *self);
void        jp_section_set_ordinal  (JpSection  *self,
                                     const char *ordinal);
const char *jp_section_get_title    (JpSection  *self);
void        jp_section_set_title    (JpSection  *self,
                                     const char *title);

/* GListModel of JpItem, in order. */
GListModel *jp_section_get_items    (JpSection  *self);
void        jp_section_insert_item  (JpSection  *self,
                                     guint       position,
                                     JpItem     *item);
void        jp_section_append_item  (JpSection  *self,
                                     JpItem     *item);
gboolean    jp_section_remove_item  (JpSection  *self,
                                     JpItem     *item);

void        _jp_section_set_plan    (JpSection  *self,
                                     JpPlan     *plan);

G_END_DECLS
