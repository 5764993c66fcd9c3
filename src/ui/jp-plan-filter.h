#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_PLAN_FILTER (jp_plan_filter_get_type ())

G_DECLARE_FINAL_TYPE (JpPlanFilter, jp_plan_filter, JP, PLAN_FILTER, GtkFilter)

/* Search and filter of the plan tree. An item matches when it matches
 * every criterion set: text (in its title, body or indicator names,
 * case-insensitive), leader, unit (lead or partner), status as of "as-of".
 * A section matches when one of its items does (sections are shown with
 * their matches); with no criterion set, everything matches. */

JpPlanFilter *jp_plan_filter_new          (void) G_GNUC_WARN_UNUSED_RESULT;
const char   *jp_plan_filter_get_text     (JpPlanFilter *self);
void          jp_plan_filter_set_text     (JpPlanFilter *self,
                                           const char   *text);
const char   *jp_plan_filter_get_leader   (JpPlanFilter *self);
void          jp_plan_filter_set_leader   (JpPlanFilter *self,
                                           const char   *leader);
const char   *jp_plan_filter_get_unit     (JpPlanFilter *self);
void          jp_plan_filter_set_unit     (JpPlanFilter *self,
                                           const char   *unit);
/* -1: any status. */
int           jp_plan_filter_get_status   (JpPlanFilter *self);
void          jp_plan_filter_set_status   (JpPlanFilter *self,
                                           int           status);
const char   *jp_plan_filter_get_as_of    (JpPlanFilter *self);
void          jp_plan_filter_set_as_of    (JpPlanFilter *self,
                                           const char   *as_of);
gboolean      jp_plan_filter_is_active    (JpPlanFilter *self);
gboolean      jp_plan_filter_match_item   (JpPlanFilter *self,
                                           JpItem       *item);
/* Re-evaluates after the plan changed (when a criterion is set). */
void          jp_plan_filter_refilter     (JpPlanFilter *self);

G_END_DECLS
