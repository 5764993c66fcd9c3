#pragma once

#include <glib-object.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM_UPDATE (jp_item_update_get_type ())

G_DECLARE_FINAL_TYPE (JpItemUpdate, jp_item_update, JP, ITEM_UPDATE, GObject)

/* An item update is the periodic report on an item: 进展情况 (note),
 * 存在问题 (problems), 下步打算 (next steps) and an optional completion in
 * percent (0–100; has-completion FALSE when not given). */

JpItemUpdate *jp_item_update_new                (const char   *date) G_GNUC_WARN_UNUSED_RESULT;
gint64        jp_item_update_get_id             (JpItemUpdate *self);
void          jp_item_update_set_id             (JpItemUpdate *self,
                                                 gint64        id);
const char   *jp_item_update_get_date           (JpItemUpdate *self);
void          jp_item_update_set_date           (JpItemUpdate *self,
                                                 const char   *date);
gboolean      jp_item_update_get_has_completion (JpItemUpdate *self);
void          jp_item_update_set_has_completion (JpItemUpdate *self,
                                                 gboolean      has_completion);
double        jp_item_update_get_completion     (JpItemUpdate *self);
void          jp_item_update_set_completion     (JpItemUpdate *self,
                                                 double        completion);
const char   *jp_item_update_get_note           (JpItemUpdate *self);
void          jp_item_update_set_note           (JpItemUpdate *self,
                                                 const char   *note);
const char   *jp_item_update_get_problems       (JpItemUpdate *self);
void          jp_item_update_set_problems       (JpItemUpdate *self,
                                                 const char   *problems);
const char   *jp_item_update_get_next_steps     (JpItemUpdate *self);
void          jp_item_update_set_next_steps     (JpItemUpdate *self,
                                                 const char   *next_steps);
const char   *jp_item_update_get_author         (JpItemUpdate *self);
void          jp_item_update_set_author         (JpItemUpdate *self,
                                                 const char   *author);

/* The item whose updates include this one (borrowed), or NULL. */
JpItem       *jp_item_update_get_item           (JpItemUpdate *self);

void          _jp_item_update_set_item          (JpItemUpdate *self,
                                                 JpItem       *item);

G_END_DECLS
