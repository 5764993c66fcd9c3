#pragma once

#include <gio/gio.h>

#include "jp-types.h"

G_BEGIN_DECLS

#define JP_TYPE_PLAN (jp_plan_get_type ())

G_DECLARE_FINAL_TYPE (JpPlan, jp_plan, JP, PLAN, GObject)

/* Loads one indicator's whole progress history into it (the store's job). */
typedef gboolean (*JpHistoryLoader) (JpIndicator *indicator,
                                     gpointer     user_data,
                                     GError     **error);

JpPlan             *jp_plan_new                  (const char          *title,
                                                  int                  year) G_GNUC_WARN_UNUSED_RESULT;
gint64              jp_plan_get_id               (JpPlan              *self);
void                jp_plan_set_id               (JpPlan              *self,
                                                  gint64               id);
const char         *jp_plan_get_title            (JpPlan              *self);
void                jp_plan_set_title            (JpPlan              *self,
                                                  const char          *title);
int                 jp_plan_get_year             (JpPlan              *self);
void                jp_plan_set_year             (JpPlan              *self,
                                                  int                  year);
const char * const *jp_plan_get_organizations    (JpPlan              *self);
void                jp_plan_set_organizations    (JpPlan              *self,
                                                  const char * const  *organizations);
const char         *jp_plan_get_preamble         (JpPlan              *self);
void                jp_plan_set_preamble         (JpPlan              *self,
                                                  const char          *preamble);
/* ISO dates; default YEAR-01-01 and YEAR-12-31 (set with the year when
 * not set explicitly). Never NULL once the year is set. */
const char         *jp_plan_get_start            (JpPlan              *self);
void                jp_plan_set_start            (JpPlan              *self,
                                                  const char          *start);
const char         *jp_plan_get_end              (JpPlan              *self);
void                jp_plan_set_end              (JpPlan              *self,
                                                  const char          *end);

/* GListModel of JpSection. */
GListModel         *jp_plan_get_sections         (JpPlan              *self);
void                jp_plan_insert_section       (JpPlan              *self,
                                                  guint                position,
                                                  JpSection           *section);
void                jp_plan_append_section       (JpPlan              *self,
                                                  JpSection           *section);
gboolean            jp_plan_remove_section       (JpPlan              *self,
                                                  JpSection           *section);
guint               jp_plan_get_n_items          (JpPlan              *self);
guint               jp_plan_get_n_indicators     (JpPlan              *self);
/* Every item of the plan in order, as a new array of borrowed pointers. */
GPtrArray          *jp_plan_dup_items            (JpPlan              *self) G_GNUC_WARN_UNUSED_RESULT;
JpItem             *jp_plan_find_item_by_number  (JpPlan              *self,
                                                  int                  number);

/* GListModel of JpLeader / JpUnit: everyone of the plan, used or not.
 * find/ensure compare leader names without any white space ("崔 茜" is
 * "崔茜"; ensure names a new leader without it) and unit names without
 * white space at both ends. An empty name finds and ensures nothing (NULL).
 * Removing a leader or unit also removes it from every item of the plan. */
GListModel         *jp_plan_get_leaders          (JpPlan              *self);
JpLeader           *jp_plan_find_leader          (JpPlan              *self,
                                                  const char          *name);
/* The leader of that name, appended when there is none. Borrowed. */
JpLeader           *jp_plan_ensure_leader        (JpPlan              *self,
                                                  const char          *name);
void                jp_plan_insert_leader        (JpPlan              *self,
                                                  guint                position,
                                                  JpLeader            *leader);
gboolean            jp_plan_remove_leader        (JpPlan              *self,
                                                  JpLeader            *leader);
GListModel         *jp_plan_get_units            (JpPlan              *self);
JpUnit             *jp_plan_find_unit            (JpPlan              *self,
                                                  const char          *name);
JpUnit             *jp_plan_ensure_unit          (JpPlan              *self,
                                                  const char          *name);
void                jp_plan_insert_unit          (JpPlan              *self,
                                                  guint                position,
                                                  JpUnit              *unit);
gboolean            jp_plan_remove_unit          (JpPlan              *self,
                                                  JpUnit              *unit);
/* @from becomes @into in every item, then leaves the plan (plans in
 * memory; stored plans merge through the store). */
gboolean            jp_plan_merge_leader         (JpPlan              *self,
                                                  JpLeader            *from,
                                                  JpLeader            *into);
gboolean            jp_plan_merge_unit           (JpPlan              *self,
                                                  JpUnit              *from,
                                                  JpUnit              *into);

/* min(today, plan end), ISO. */
char               *jp_plan_dup_default_as_of    (JpPlan              *self) G_GNUC_WARN_UNUSED_RESULT;

void                jp_plan_set_history_loader   (JpPlan              *self,
                                                  JpHistoryLoader      loader,
                                                  gpointer             user_data,
                                                  GDestroyNotify       destroy);
gboolean            _jp_plan_load_history        (JpPlan              *self,
                                                  JpIndicator         *indicator,
                                                  GError             **error);

/* "changed" is emitted once after every committed edit anywhere in the plan
 * (the store calls this), so that views that aggregate (dashboard, charts)
 * recompute. Fine-grained views use notify:: and items-changed. */
void                jp_plan_emit_changed         (JpPlan              *self);

const char *jp_plan_get_curve (JpPlan *self);
void        jp_plan_set_curve (JpPlan *self,
                               const char *curve);

const char *jp_plan_get_report_cycle (JpPlan *self);
void        jp_plan_set_report_cycle (JpPlan *self,
                                      const char *report_cycle);

G_END_DECLS
