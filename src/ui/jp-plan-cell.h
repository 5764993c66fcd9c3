#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"

G_BEGIN_DECLS

typedef enum
{
  JP_PLAN_COLUMN_NUMBER,
  JP_PLAN_COLUMN_TITLE,
  JP_PLAN_COLUMN_LEADERS,
  JP_PLAN_COLUMN_UNITS,
  JP_PLAN_COLUMN_PROGRESS,
  JP_PLAN_COLUMN_STATUS,
} JpPlanColumn;

#define JP_TYPE_PLAN_CELL (jp_plan_cell_get_type ())

G_DECLARE_FINAL_TYPE (JpPlanCell, jp_plan_cell, JP, PLAN_CELL, GtkWidget)

/* One cell of the plan tree (a section or an item row, one column). It
 * follows its object through the plan's "changed", and it is where drags
 * start and drops land (GTK 4.8 has no row widgets): "drop-object" says
 * what was dropped on it and whether in its lower half. */

GtkWidget    *jp_plan_cell_new        (JpPlanColumn    column) G_GNUC_WARN_UNUSED_RESULT;
JpPlanColumn  jp_plan_cell_get_column (JpPlanCell     *self);
void          jp_plan_cell_bind       (JpPlanCell     *self,
                                       GtkTreeListRow *row);
void          jp_plan_cell_unbind     (JpPlanCell     *self);
/* The JpSection or JpItem shown (borrowed; NULL when unbound). */
GObject      *jp_plan_cell_get_object (JpPlanCell     *self);
/* The date of the progress and status shown; NULL: the plan's default,
 * min(today, plan end). */
const char   *jp_plan_cell_get_as_of  (JpPlanCell     *self);
void          jp_plan_cell_set_as_of  (JpPlanCell     *self,
                                       const char     *as_of);
/* Refreshes the text and values from the model. */
void          jp_plan_cell_update     (JpPlanCell     *self);

/* What the cell shows, for tests. The main text: the title, the names, the
 * rounded percent or the status label (the number in the number column). */
const char   *jp_plan_cell_get_text     (JpPlanCell   *self);
/* The status symbol (status column; "" elsewhere). */
const char   *jp_plan_cell_get_symbol   (JpPlanCell   *self);
/* The status column's flags (late report, self-report), NULL if none. */
const char   *jp_plan_cell_get_flags    (JpPlanCell   *self);
/* How full the bar is, 0..1 (progress column; 0 elsewhere). */
double        jp_plan_cell_get_fraction (JpPlanCell   *self);
/* TRUE for a section title, which may take two lines. */
gboolean      jp_plan_cell_get_wraps    (JpPlanCell   *self);
/* The tooltip shown on hover: the whole title or names, the exact percent;
 * NULL when none. */
const char   *jp_plan_cell_get_tooltip_text (JpPlanCell *self);

G_END_DECLS
