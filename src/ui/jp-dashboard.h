#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_DASHBOARD (jp_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (JpDashboard, jp_dashboard, JP, DASHBOARD, GtkWidget)

/* The 看板 page: a plan at a glance as of a date. The overall progress
 * and the items by status; progress by month against expected; the items
 * that need attention (overdue, no report, behind, at risk, in the
 * model's order); reporting per unit when the plan has a reporting
 * cycle; completion per section; items per leader and per unit by
 * status. A leader (or unit) picked in the header sees every figure over
 * their own items only (headline, breakdown, trend, list, reporting,
 * sections), their items' bars, and their row highlighted. An as-of date
 * picker recomputes everything.
 *
 * It observes the plan ("changed" after every committed edit, notify::,
 * items-changed of sections, leaders and units) and rebuilds its charts
 * once per burst of changes, in an idle. Activating a section or an item
 * (a bar, a row) emits "activate-object" with it: the window shows it. */

GtkWidget  *jp_dashboard_new        (void) G_GNUC_WARN_UNUSED_RESULT;
JpPlan     *jp_dashboard_get_plan   (JpDashboard *self);
/* Resets the as-of date to the plan's default and the picked person. */
void        jp_dashboard_set_plan   (JpDashboard *self,
                                     JpPlan      *plan);
/* The plan and the date of its figures at once (one rebuild); NULL
 * @as_of: the plan's default. The picked person is reset. */
void        jp_dashboard_set_plan_at (JpDashboard *self,
                                      JpPlan      *plan,
                                      const char  *as_of);
/* ISO date of the figures; NULL when there is no plan. */
const char *jp_dashboard_get_as_of  (JpDashboard *self);
/* NULL: the plan's default, min(today, plan end). */
void        jp_dashboard_set_as_of  (JpDashboard *self,
                                     const char  *as_of);
/* The picked leader / unit (borrowed; NULL: everyone). */
JpLeader   *jp_dashboard_get_leader (JpDashboard *self);
void        jp_dashboard_set_leader (JpDashboard *self,
                                     JpLeader    *leader);
JpUnit     *jp_dashboard_get_unit   (JpDashboard *self);
void        jp_dashboard_set_unit   (JpDashboard *self,
                                     JpUnit      *unit);

G_END_DECLS
