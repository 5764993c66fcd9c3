#pragma once

#include "jp-model.h"
#include "jp-report-layout.h"

G_BEGIN_DECLS

/* The charts of the reports, from the chart library, placed as vector
 * drawings on the page (private to src/report). */

/* Items by status (@counts[JP_N_STATUSES]). */
void _jp_report_add_breakdown_chart (JpReportLayout *layout,
                                     const guint    *counts);
/* Completion of each of @items (JpItem) as of @as_of. */
void _jp_report_add_section_chart   (JpReportLayout *layout,
                                     GPtrArray      *items,
                                     const char     *as_of);

G_END_DECLS
