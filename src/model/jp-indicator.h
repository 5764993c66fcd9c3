#pragma once

#include <gio/gio.h>

#include "jp-enums.h"
#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_INDICATOR (jp_indicator_get_type ())

G_DECLARE_FINAL_TYPE (JpIndicator, jp_indicator, JP, INDICATOR, GObject)

JpIndicator     *jp_indicator_new                (const char      *name,
                                                  JpIndicatorKind  kind,
                                                  double           target) G_GNUC_WARN_UNUSED_RESULT;
gint64           jp_indicator_get_id             (JpIndicator     *self);
void             jp_indicator_set_id             (JpIndicator     *self,
                                                  gint64           id);
JpItem          *jp_indicator_get_item           (JpIndicator     *self);
const char      *jp_indicator_get_name           (JpIndicator     *self);
void             jp_indicator_set_name           (JpIndicator     *self,
                                                  const char      *name);
const char      *jp_indicator_get_text           (JpIndicator     *self);
void             jp_indicator_set_text           (JpIndicator     *self,
                                                  const char      *text);
JpIndicatorKind  jp_indicator_get_kind           (JpIndicator     *self);
void             jp_indicator_set_kind           (JpIndicator     *self,
                                                  JpIndicatorKind  kind);
double           jp_indicator_get_target         (JpIndicator     *self);
void             jp_indicator_set_target         (JpIndicator     *self,
                                                  double           target);
gboolean         jp_indicator_get_has_target_max (JpIndicator     *self);
void             jp_indicator_set_has_target_max (JpIndicator     *self,
                                                  gboolean         has_target_max);
double           jp_indicator_get_target_max     (JpIndicator     *self);
void             jp_indicator_set_target_max     (JpIndicator     *self,
                                                  double           target_max);
const char      *jp_indicator_get_unit           (JpIndicator     *self);
void             jp_indicator_set_unit           (JpIndicator     *self,
                                                  const char      *unit);
gboolean         jp_indicator_get_has_baseline   (JpIndicator     *self);
void             jp_indicator_set_has_baseline   (JpIndicator     *self,
                                                  gboolean         has_baseline);
double           jp_indicator_get_baseline       (JpIndicator     *self);
void             jp_indicator_set_baseline       (JpIndicator     *self,
                                                  double           baseline);
const char      *jp_indicator_get_due            (JpIndicator     *self);
void             jp_indicator_set_due            (JpIndicator     *self,
                                                  const char      *due);
double           jp_indicator_get_weight         (JpIndicator     *self);
void             jp_indicator_set_weight         (JpIndicator     *self,
                                                  double           weight);

/* Progress entries, sorted by date (then id), oldest first.
 *
 * A plan loaded from the store holds only each indicator's latest entry
 * until its history is needed (history-loaded FALSE): the list then holds
 * that one entry. jp_indicator_ensure_history() asks the plan's history
 * loader (set by the store) to fill it in: the loader adds every entry with
 * jp_indicator_add_progress(), which skips an entry whose non-zero id is
 * already in the list (the latest one, loaded eagerly); ensure_history then
 * sets history-loaded. Without a loader the history counts as complete.
 * Indicators built in memory (import, tests) have their whole history
 * (history-loaded TRUE, the default).
 *
 * The read-only "latest" property (a JpProgressEntry or NULL) is notified
 * when the last entry changes. */
GListModel      *jp_indicator_get_progress       (JpIndicator     *self);
gboolean         jp_indicator_get_history_loaded (JpIndicator     *self);
void             jp_indicator_set_history_loaded (JpIndicator     *self,
                                                  gboolean         history_loaded);
gboolean         jp_indicator_ensure_history     (JpIndicator     *self,
                                                  GError         **error);
/* Latest entry of all (NULL when none). Borrowed. */
JpProgressEntry *jp_indicator_get_latest         (JpIndicator     *self);
/* Latest entry dated on or before @as_of (NULL: none). Borrowed. Loads the
 * history through the plan's loader when the latest entry is after @as_of. */
JpProgressEntry *jp_indicator_find_entry         (JpIndicator     *self,
                                                  const char      *as_of);
/* Keeps the list sorted; one items-changed each. */
void             jp_indicator_add_progress       (JpIndicator     *self,
                                                  JpProgressEntry *entry);
/* For a loader: every entry at once (sorted by date here, stably). */
void             jp_indicator_replace_progress   (JpIndicator      *self,
                                                  JpProgressEntry **entries,
                                                  guint             n_entries);
/* For a loader: the latest entry of a history left in the file (the
 * indicator holds none yet); history-loaded becomes FALSE. */
void             jp_indicator_preload_latest     (JpIndicator     *self,
                                                  JpProgressEntry *entry);
gboolean         jp_indicator_remove_progress    (JpIndicator     *self,
                                                  JpProgressEntry *entry);
/* Re-sorts after an entry's date changed. */
void             jp_indicator_resort_progress    (JpIndicator     *self);

/* Whether @value is a value the indicator's kind and unit can take: a
 * milestone 0 or 1; no negative value except for "increase/decrease by";
 * a percentage (unit "%", "百分点") at most 1000 (in size); a count (a
 * unit such as 个, 所, 名, 人, 次, 项) a whole number. FALSE with a
 * G_IO_ERROR_INVALID_DATA error saying why (translated) otherwise. */
gboolean         jp_indicator_check_value        (JpIndicator     *self,
                                                  double           value,
                                                  GError         **error);

void             _jp_indicator_set_item          (JpIndicator     *self,
                                                  JpItem          *item);

const char *jp_indicator_get_curve (JpIndicator *self);
void        jp_indicator_set_curve (JpIndicator *self,
                                    const char *curve);

G_END_DECLS
