#pragma once

#include <gio/gio.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM (jp_item_get_type ())

G_DECLARE_FINAL_TYPE (JpItem, jp_item, JP, ITEM, GObject)

JpItem     *jp_item_new                 (int           number,
                                         const char   *title) G_GNUC_WARN_UNUSED_RESULT;
gint64      jp_item_get_id              (JpItem       *self);
void        jp_item_set_id              (JpItem       *self,
                                         gint64        id);
JpSection  *jp_item_get_section         (JpItem       *self);
int         jp_item_get_number          (JpItem       *self);
void        jp_item_set_number          (JpItem       *self,
                                         int           number);
const char *jp_item_get_title           (JpItem       *self);
void        jp_item_set_title           (JpItem       *self,
                                         const char   *title);
const char *jp_item_get_body            (JpItem       *self);
void        jp_item_set_body            (JpItem       *self,
                                         const char   *body);
const char *jp_item_get_due             (JpItem       *self);
void        jp_item_set_due             (JpItem       *self,
                                         const char   *due);

/* GListModel of JpLeader / JpUnit, in the document's order. The objects
 * are the plan's own (shared between items). The setters replace the whole
 * list with one items-changed. */
GListModel *jp_item_get_leaders         (JpItem       *self);
void        jp_item_set_leaders         (JpItem       *self,
                                         JpLeader    **leaders,
                                         guint         n_leaders);
GListModel *jp_item_get_units           (JpItem       *self);
void        jp_item_set_units           (JpItem       *self,
                                         JpUnit      **units,
                                         guint         n_units);
GListModel *jp_item_get_partner_units   (JpItem       *self);
void        jp_item_set_partner_units   (JpItem       *self,
                                         JpUnit      **units,
                                         guint         n_units);
gboolean    jp_item_has_leader          (JpItem       *self,
                                         JpLeader     *leader);
gboolean    jp_item_has_unit            (JpItem       *self,
                                         JpUnit       *unit);
gboolean    jp_item_has_partner_unit    (JpItem       *self,
                                         JpUnit       *unit);
/* "张学兵 高学芳": names joined by @separator. */
char       *jp_item_dup_leader_names    (JpItem       *self,
                                         const char   *separator) G_GNUC_WARN_UNUSED_RESULT;
char       *jp_item_dup_unit_names      (JpItem       *self,
                                         const char   *separator) G_GNUC_WARN_UNUSED_RESULT;

/* GListModel of JpItemUpdate, sorted by date, oldest first. */
GListModel *jp_item_get_updates         (JpItem       *self);
void        jp_item_add_update          (JpItem       *self,
                                         JpItemUpdate *update);
/* For a loader: every update at once (sorted by date here, stably). */
void        jp_item_replace_updates     (JpItem        *self,
                                         JpItemUpdate **updates,
                                         guint          n_updates);
gboolean    jp_item_remove_update       (JpItem       *self,
                                         JpItemUpdate *update);
void        jp_item_resort_updates      (JpItem       *self);

/* GListModel of JpIndicator, in order. */
GListModel *jp_item_get_indicators      (JpItem       *self);
void        jp_item_insert_indicator    (JpItem       *self,
                                         guint         position,
                                         JpIndicator  *indicator);
void        jp_item_append_indicator    (JpItem       *self,
                                         JpIndicator  *indicator);
/* The indicator with the database id @id (borrowed), or NULL. */
JpIndicator *jp_item_find_indicator     (JpItem       *self,
                                         gint64        id);
/* Appends indicators that are in no item, with one items-changed. */
void        jp_item_append_indicators   (JpItem       *self,
                                         JpIndicator **indicators,
                                         guint         n_indicators);
gboolean    jp_item_remove_indicator    (JpItem       *self,
                                         JpIndicator  *indicator);

void        _jp_item_set_section        (JpItem       *self,
                                         JpSection    *section);

const char *jp_item_get_curve (JpItem *self);
void        jp_item_set_curve (JpItem *self,
                               const char *curve);

G_END_DECLS
