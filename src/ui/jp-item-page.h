#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_ITEM_PAGE (jp_item_page_get_type ())

G_DECLARE_FINAL_TYPE (JpItemPage, jp_item_page, JP, ITEM_PAGE, GtkWidget)

/* The selected work point beside the tree: number, title, body, leaders
 * and units, due date, updates, indicators (target, current value,
 * progress, status) and the progress history of the selected indicator.
 * A selected section shows its summary. It follows the plan's "changed".
 *
 * Its buttons name win.* actions (with object ids as targets); the edits
 * made in place go upward as "body-changed" (item, text) and
 * "people-changed" (item, JpPeopleKind, names). */

GtkWidget   *jp_item_page_new                    (void) G_GNUC_WARN_UNUSED_RESULT;
/* A JpItem, a JpSection or NULL. */
GObject     *jp_item_page_get_object             (JpItemPage  *self);
void         jp_item_page_set_object             (JpItemPage  *self,
                                                  GObject     *object);
JpItem      *jp_item_page_get_item               (JpItemPage  *self);
gboolean     jp_item_page_get_editable           (JpItemPage  *self);
void         jp_item_page_set_editable           (JpItemPage  *self,
                                                  gboolean     editable);
/* The date of the progress, statuses and gauges shown and of the history
 * chart's marker; NULL: the plan's default, min(today, plan end). */
const char  *jp_item_page_get_as_of              (JpItemPage  *self);
void         jp_item_page_set_as_of              (JpItemPage  *self,
                                                  const char  *as_of);
/* The indicator whose history is shown (borrowed; NULL: none). */
const char  *jp_item_page_get_highlight          (JpItemPage  *self);
void         jp_item_page_set_highlight          (JpItemPage  *self,
                                                  const char  *text);
JpIndicator *jp_item_page_get_selected_indicator (JpItemPage  *self);
void         jp_item_page_select_indicator       (JpItemPage  *self,
                                                  JpIndicator *indicator);
/* Sends a pending body edit upward now (focus still in the text). */
void         jp_item_page_commit                 (JpItemPage  *self);

G_END_DECLS
