#pragma once

#include <glib-object.h>

#include "jp-types.h"

G_BEGIN_DECLS

/* Who has reported on time under the plan's reporting cycle (jp-curve.h),
 * per responsible unit, counted over the indicators of the items each
 * unit is responsible for (责任单位; partner units are not counted):
 *
 *   due      (应报)  report deadlines passed by as-of × indicators
 *   done     (已报)  (indicator, period) pairs with an entry dated inside
 *                    the period, from its first day to its deadline
 *   missing  (未报)  due − done
 *   late     (逾期)  indicators flagged late report (逾期未报送) as of
 *                    as-of (jp_indicator_evaluate())
 *
 * Items without indicators report through updates and are not counted. */

typedef struct
{
  JpUnit *unit;         /* Owned ref */
  guint   n_indicators;
  guint   n_due;
  guint   n_done;
  guint   n_missing;
  guint   n_late;
} JpReportingRow;

void       jp_reporting_row_free    (JpReportingRow *row);

/* A row for each unit of @plan (in the plan's order of units) that is
 * responsible for at least one indicator of @items (JpItems of @plan; NULL:
 * all of them). Empty when the plan has no reporting cycle. @as_of NULL:
 * the plan's default. Loads the indicators' histories. */
GPtrArray *jp_items_dup_reporting   (JpPlan         *plan,
                                     GPtrArray      *items,
                                     const char     *as_of) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpReportingRow, jp_reporting_row_free)

G_END_DECLS
