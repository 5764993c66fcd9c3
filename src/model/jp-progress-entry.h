#pragma once

#include <glib-object.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_PROGRESS_ENTRY (jp_progress_entry_get_type ())

G_DECLARE_FINAL_TYPE (JpProgressEntry, jp_progress_entry, JP, PROGRESS_ENTRY, GObject)

JpProgressEntry *jp_progress_entry_new        (const char      *date,
                                               double           value) G_GNUC_WARN_UNUSED_RESULT;
gint64           jp_progress_entry_get_id     (JpProgressEntry *self);
void             jp_progress_entry_set_id     (JpProgressEntry *self,
                                               gint64           id);
const char      *jp_progress_entry_get_date   (JpProgressEntry *self);
void             jp_progress_entry_set_date   (JpProgressEntry *self,
                                               const char      *date);
double           jp_progress_entry_get_value  (JpProgressEntry *self);
void             jp_progress_entry_set_value  (JpProgressEntry *self,
                                               double           value);
const char      *jp_progress_entry_get_note   (JpProgressEntry *self);
void             jp_progress_entry_set_note   (JpProgressEntry *self,
                                               const char      *note);
const char      *jp_progress_entry_get_author (JpProgressEntry *self);
void             jp_progress_entry_set_author (JpProgressEntry *self,
                                               const char      *author);
/* The indicator whose entries include this one (borrowed), or NULL. */
JpIndicator     *jp_progress_entry_get_indicator (JpProgressEntry *self);

void             _jp_progress_entry_set_indicator (JpProgressEntry *self,
                                                   JpIndicator     *indicator);

G_END_DECLS
