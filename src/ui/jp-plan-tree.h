#pragma once

#include <gtk/gtk.h>

#include "jp-model.h"
#include "jp-plan-filter.h"

G_BEGIN_DECLS

#define JP_TYPE_PLAN_TREE (jp_plan_tree_get_type ())

G_DECLARE_FINAL_TYPE (JpPlanTree, jp_plan_tree, JP, PLAN_TREE, GtkWidget)

/* The plan as a tree of sections → items (GtkColumnView over a
 * GtkTreeListModel; virtualised), filtered by its JpPlanFilter and sortable
 * by number, progress and status. Rows can be dragged (when "editable"):
 * the tree then emits "move-requested" (object, new parent, position) and
 * leaves the edit to its owner. */

GtkWidget          *jp_plan_tree_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
JpPlan             *jp_plan_tree_get_plan            (JpPlanTree *self);
void                jp_plan_tree_set_plan            (JpPlanTree *self,
                                                      JpPlan     *plan);
JpPlanFilter       *jp_plan_tree_get_filter          (JpPlanTree *self);
gboolean            jp_plan_tree_get_editable        (JpPlanTree *self);
void                jp_plan_tree_set_editable        (JpPlanTree *self,
                                                      gboolean    editable);
/* The date of the progress and status shown, of the status filter and of
 * the sorts; NULL: the plan's default, min(today, plan end). */
const char         *jp_plan_tree_get_as_of           (JpPlanTree *self);
void                jp_plan_tree_set_as_of           (JpPlanTree *self,
                                                      const char *as_of);
/* The selected JpSection or JpItem (borrowed), or NULL. */
GObject            *jp_plan_tree_get_selected_object (JpPlanTree *self);
/* Selects and shows the row of @object (expanding its section); FALSE
 * when it is not in the tree (filtered out). */
gboolean            jp_plan_tree_select_object       (JpPlanTree *self,
                                                      GObject    *object);
GtkSelectionModel  *jp_plan_tree_get_selection_model (JpPlanTree *self);
/* TRUE when no row is shown (empty plan or no match). */
gboolean            jp_plan_tree_get_empty           (JpPlanTree *self);

G_END_DECLS
