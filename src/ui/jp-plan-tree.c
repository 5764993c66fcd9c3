#define G_LOG_DOMAIN "jp-plan-tree"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-plan-cell.h"
#include "jp-plan-tree.h"
#include "jp-ui-util.h"

struct _JpPlanTree
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *leaders_column;
  GtkColumnViewColumn *units_column;
  GtkColumnViewColumn *progress_column;
  GtkColumnViewColumn *status_column;
  GMenuModel          *context_menu_model;

  GtkWidget           *context_menu;      /* Owned (parented to self) */

  JpPlan              *plan;              /* Owned */
  JpPlanFilter        *filter;            /* Owned */
  GtkSorter           *progress_sorter;   /* Owned */
  GtkSorter           *status_sorter;     /* Owned */
  GtkSorter           *row_sorter;        /* Owned: GtkTreeListRowSorter */
  GtkTreeListModel    *tree_model;        /* Owned */
  GtkSortListModel    *sort_model;        /* Owned */
  GtkSingleSelection  *selection;         /* Owned */
  GObject             *selected;          /* Owned */
  char                *as_of;             /* NULL: the plan's default */
  gulong               changed_id;
  GtkColumnViewColumn *optional_columns[2]; /* Owned: leaders, units */
  guint                columns_id;        /* idle: fit the columns to the width */
  int                  columns_width;
  int                  units_width;       /* the units column's own width */
  gboolean             editable;
  gboolean             empty;
};

G_DEFINE_FINAL_TYPE (JpPlanTree, jp_plan_tree, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILTER,
  PROP_EDITABLE,
  PROP_AS_OF,
  PROP_SELECTED_OBJECT,
  PROP_EMPTY,
  N_PROPS
};

enum {
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
index_in (GListModel *model,
          gpointer    object)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if ((gpointer) o == object)
        return i;
    }

  return G_MAXUINT;
}

/* ---- sorting ------------------------------------------------------------ */

static int
compare_numbers (double a,
                 double b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_number_cb (gconstpointer ca,
                   gconstpointer cb,
                   gpointer      user_data)
{
  gpointer a = (gpointer) ca;
  gpointer b = (gpointer) cb;

  if (JP_IS_ITEM (a) && JP_IS_ITEM (b))
    return compare_numbers (jp_item_get_number (a), jp_item_get_number (b));

  if (JP_IS_SECTION (a) && JP_IS_SECTION (b))
    return compare_numbers (jp_section_get_position (a), jp_section_get_position (b));

  return GTK_ORDERING_EQUAL;
}

static void
evaluate (JpPlanTree *self,
          gpointer    object,
          JpProgress *progress)
{
  memset (progress, 0, sizeof *progress);

  if (self->plan == NULL)
    return;

  /* A NULL as-of is the plan's default. */
  if (JP_IS_ITEM (object))
    jp_item_evaluate (object, self->as_of, progress);
  else if (JP_IS_SECTION (object))
    jp_section_evaluate (object, self->as_of, progress);
}

static int
compare_progress_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  JpPlanTree *self = user_data;
  JpProgress pa, pb;

  evaluate (self, (gpointer) a, &pa);
  evaluate (self, (gpointer) b, &pb);

  return compare_numbers (pa.ratio, pb.ratio);
}

static int
status_rank (JpStatus status)
{
  /* Best first, so that a descending sort puts what needs attention
   * first, in the model's order of severity. */
  switch (status)
    {
    case JP_STATUS_DONE:
      return 0;
    case JP_STATUS_ON_TRACK:
      return 1;
    case JP_STATUS_NOT_STARTED:
      return 2;
    case JP_STATUS_AT_RISK:
    case JP_STATUS_BEHIND:
    case JP_STATUS_NO_REPORT:
    case JP_STATUS_OVERDUE:
    default:
      return 2 + (int) jp_status_get_severity (status);
    }
}

static int
compare_status_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  JpPlanTree *self = user_data;
  JpProgress pa, pb;
  int order;

  evaluate (self, (gpointer) a, &pa);
  evaluate (self, (gpointer) b, &pb);

  order = compare_numbers (status_rank (pa.status), status_rank (pb.status));
  if (order == GTK_ORDERING_EQUAL)
    order = compare_numbers (pa.p, pb.p);

  return order;
}

/* ---- models ------------------------------------------------------------- */

static GListModel *
create_child_model_cb (gpointer object,
                       gpointer user_data)
{
  JpPlanTree *self = user_data;

  if (!JP_IS_SECTION (object))
    return NULL;

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (jp_section_get_items (object)),
                                                  g_object_ref (GTK_FILTER (self->filter))));
}

static void
update_empty (JpPlanTree *self)
{
  gboolean empty = self->sort_model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0;

  if (empty == self->empty)
    return;

  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
update_selected (JpPlanTree *self)
{
  GtkTreeListRow *row = NULL;
  GObject *object = NULL;

  if (self->selection != NULL)
    row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL)
    object = gtk_tree_list_row_get_item (row);

  if (object != self->selected)
    {
      g_set_object (&self->selected, object);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_OBJECT]);
    }

  g_clear_object (&object);
}

/* Values changed: re-sort when a column sorts the tree. */
static void
resort (JpPlanTree *self)
{
  if (gtk_sorter_get_order (gtk_column_view_get_sorter (self->column_view)) != GTK_SORTER_ORDER_NONE)
    {
      gtk_sorter_changed (self->progress_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (self->status_sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
}

static void
on_plan_changed_cb (JpPlanTree *self)
{
  jp_plan_filter_refilter (self->filter);
  resort (self);
}

/* Sorting 10,000 rows by their place in the tree is work for nothing:
 * the sort model sorts only while a column sorts the tree. */
static void
update_sorting (JpPlanTree *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  gboolean sorted = gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE;

  if (self->sort_model == NULL)
    return;

  gtk_sort_list_model_set_sorter (self->sort_model, sorted ? self->row_sorter : NULL);
}

static void
clear_models (JpPlanTree *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->tree_model);
}

static void
build_models (JpPlanTree *self)
{
  GtkFilterListModel *sections;

  clear_models (self);

  if (self->plan == NULL)
    {
      update_empty (self);
      update_selected (self);
      return;
    }

  sections = gtk_filter_list_model_new (g_object_ref (jp_plan_get_sections (self->plan)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (sections), FALSE, TRUE,
                                              create_child_model_cb, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->tree_model)), NULL);
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  update_sorting (self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_empty (self);
  update_selected (self);
}

/* ---- cells -------------------------------------------------------------- */

static gboolean
on_cell_can_drag_cb (JpPlanCell *cell,
                     JpPlanTree *self)
{
  return self->editable;
}

static gboolean
on_cell_drop_object_cb (JpPlanCell *cell,
                        GObject    *dragged,
                        gboolean    after,
                        JpPlanTree *self)
{
  GObject *target = jp_plan_cell_get_object (cell);

  if (!self->editable || target == NULL || self->plan == NULL)
    return FALSE;

  if (JP_IS_ITEM (dragged))
    {
      JpItem *item = JP_ITEM (dragged);
      JpSection *section;
      guint position;

      if (JP_IS_SECTION (target))
        {
          section = JP_SECTION (target);
          position = 0;
        }
      else if (JP_IS_ITEM (target))
        {
          section = jp_item_get_section (JP_ITEM (target));
          position = index_in (jp_section_get_items (section), target);
          if (after)
            position++;
        }
      else
        return FALSE;

      if (jp_item_get_section (item) == section)
        {
          guint current = index_in (jp_section_get_items (section), item);

          if (current < position)
            position--;
          if (current == position)
            return FALSE;
        }

      g_signal_emit (self, signals[MOVE_REQUESTED], 0, item, section, position);
      return TRUE;
    }

  if (JP_IS_SECTION (dragged))
    {
      JpSection *section = JP_SECTION (dragged);
      JpSection *target_section;
      guint position, current;

      if (JP_IS_ITEM (target))
        {
          target_section = jp_item_get_section (JP_ITEM (target));
          after = TRUE;
        }
      else
        target_section = JP_SECTION (target);

      if (target_section == section)
        return FALSE;

      position = (guint) jp_section_get_position (target_section) + (after ? 1 : 0);
      current = (guint) jp_section_get_position (section);
      if (current < position)
        position--;
      if (current == position)
        return FALSE;

      g_signal_emit (self, signals[MOVE_REQUESTED], 0, section, self->plan, position);
      return TRUE;
    }

  return FALSE;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     JpPlanTree               *self)
{
  JpPlanColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "jp-column"));
  GtkWidget *cell = jp_plan_cell_new (column);

  /* Every cell shows its figures at the tree's date. */
  g_object_bind_property (self, "as-of", cell, "as-of", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (cell, "can-drag", G_CALLBACK (on_cell_can_drag_cb), self, 0);
  g_signal_connect_object (cell, "drop-object", G_CALLBACK (on_cell_drop_object_cb), self, 0);
  gtk_list_item_set_child (list_item, cell);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    JpPlanTree               *self)
{
  JpPlanCell *cell = JP_PLAN_CELL (gtk_list_item_get_child (list_item));

  jp_plan_cell_bind (cell, GTK_TREE_LIST_ROW (gtk_list_item_get_item (list_item)));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      JpPlanTree               *self)
{
  jp_plan_cell_unbind (JP_PLAN_CELL (gtk_list_item_get_child (list_item)));
}

/* Takes @sorter. */
static void
setup_column (JpPlanTree          *self,
              GtkColumnViewColumn *column,
              JpPlanColumn         kind,
              GtkSorter           *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "jp-column", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);

  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
}

/* ---- context menu, activation ------------------------------------------ */

static GObject *
object_at (JpPlanTree *self,
           double      x,
           double      y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
    if (JP_IS_PLAN_CELL (w))
      return jp_plan_cell_get_object (JP_PLAN_CELL (w));

  return NULL;
}

static void
on_secondary_click_pressed_cb (GtkGestureClick *gesture,
                               int              n_press,
                               double           x,
                               double           y,
                               JpPlanTree      *self)
{
  GObject *object = object_at (self, x, y);
  graphene_point_t point;

  if (object == NULL)
    return;

  jp_plan_tree_select_object (self, object);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_column_view_activated_cb (JpPlanTree *self,
                             guint       position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selected", NULL);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

/* ---- GObject ------------------------------------------------------------ */

/* Narrow, the tree drops the units, then the leaders (the item page
 * shows both), so that the work points keep room to be read. The columns
 * are taken out of the view rather than hidden: GTK 4.8 still counts
 * hidden columns in the width it shares out. */
#define MIN_TITLE_WIDTH 200

static void
show_column (JpPlanTree          *self,
             GtkColumnViewColumn *column,
             gboolean             show,
             guint                position)
{
  gboolean shown = gtk_column_view_column_get_column_view (column) != NULL;

  if (shown == show)
    return;

  if (show)
    gtk_column_view_insert_column (self->column_view, position, column);
  else
    gtk_column_view_remove_column (self->column_view, column);
}

/* Cell padding either side (libadwaita: columnview cells 6px each side)
 * and a little room. */
#define CELL_PADDING 16

/* The status column at least as wide as the widest pill in the language
 * and font shown (English pills are wider than Chinese ones). */
static void
fit_status_column (JpPlanTree *self)
{
  int needed = jp_plan_cell_get_status_width (GTK_WIDGET (self->column_view)) + CELL_PADDING;

  if (gtk_column_view_column_get_fixed_width (self->status_column) < needed)
    gtk_column_view_column_set_fixed_width (self->status_column, needed);
}

static gboolean
fit_columns_cb (gpointer user_data)
{
  JpPlanTree *self = user_data;
  int leaders = gtk_column_view_column_get_fixed_width (self->leaders_column);
  int units = self->units_width;
  int others, room;
  gboolean show_leaders, show_units;

  self->columns_id = 0;

  fit_status_column (self);
  others = gtk_column_view_column_get_fixed_width (self->number_column) +
           gtk_column_view_column_get_fixed_width (self->progress_column) +
           gtk_column_view_column_get_fixed_width (self->status_column);
  room = self->columns_width - others - MIN_TITLE_WIDTH;
  show_leaders = room >= leaders;
  show_units = room >= leaders + units;

  /* After the number and the title: leaders, then units. */
  show_column (self, self->leaders_column, show_leaders, 2);
  show_column (self, self->units_column, show_units, show_leaders ? 3 : 2);

  /* Room to spare: the units, often several names, take half of it, up
   * to twice their width; the title the rest. */
  if (show_units)
    gtk_column_view_column_set_fixed_width (self->units_column,
                                            units + CLAMP ((room - leaders - units) / 2, 0, units));

  return G_SOURCE_REMOVE;
}

/* The width the tree shows, known during its allocation: columns are not
 * shown or hidden then, but right after. */
static void
on_page_size_changed_cb (JpPlanTree *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width <= 0 || width == self->columns_width)
    return;

  self->columns_width = width;
  if (self->columns_id == 0)
    self->columns_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_columns_cb, self, NULL);
}

static void
jp_plan_tree_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  JpPlanTree *self = JP_PLAN_TREE (widget);

  GTK_WIDGET_CLASS (jp_plan_tree_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* Focus goes to the rows (the selected one, else the first). */
static gboolean
jp_plan_tree_grab_focus (GtkWidget *widget)
{
  JpPlanTree *self = JP_PLAN_TREE (widget);
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  return list_view != NULL && gtk_widget_grab_focus (list_view);
}

static void
jp_plan_tree_dispose (GObject *object)
{
  JpPlanTree *self = (JpPlanTree *) object;

  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_handle_id (&self->columns_id, g_source_remove);
  clear_models (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->optional_columns[0]);
  g_clear_object (&self->optional_columns[1]);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PLAN_TREE);

  g_clear_object (&self->plan);
  g_clear_object (&self->selected);
  g_clear_object (&self->filter);
  g_clear_object (&self->progress_sorter);
  g_clear_object (&self->status_sorter);
  g_clear_object (&self->row_sorter);

  G_OBJECT_CLASS (jp_plan_tree_parent_class)->dispose (object);
}

static void
jp_plan_tree_finalize (GObject *object)
{
  JpPlanTree *self = (JpPlanTree *) object;

  g_free (self->as_of);

  G_OBJECT_CLASS (jp_plan_tree_parent_class)->finalize (object);
}

static void
jp_plan_tree_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpPlanTree *self = JP_PLAN_TREE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_SELECTED_OBJECT:
      g_value_set_object (value, self->selected);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_tree_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpPlanTree *self = JP_PLAN_TREE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      jp_plan_tree_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      jp_plan_tree_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_AS_OF:
      jp_plan_tree_set_as_of (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_tree_class_init (JpPlanTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_plan_tree_dispose;
  object_class->finalize = jp_plan_tree_finalize;
  object_class->get_property = jp_plan_tree_get_property;
  object_class->set_property = jp_plan_tree_set_property;

  widget_class->size_allocate = jp_plan_tree_size_allocate;
  widget_class->grab_focus = jp_plan_tree_grab_focus;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, JP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, JP_TYPE_PLAN_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_OBJECT] =
    g_param_spec_object ("selected-object", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpPlanTree::move-requested:
   * @object: the dragged JpItem or JpSection
   * @parent: its new JpSection (item) or the JpPlan (section)
   * @position: its index there after the move
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_OBJECT, G_TYPE_OBJECT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-plan-tree.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, scroller);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, column_view);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, number_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, title_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, leaders_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, units_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, progress_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, status_column);
  gtk_widget_class_bind_template_child (widget_class, JpPlanTree, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", NULL);

  gtk_widget_class_set_css_name (widget_class, "jpplantree");
}

static void
jp_plan_tree_init (JpPlanTree *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->empty = TRUE;
  self->filter = jp_plan_filter_new ();
  self->progress_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_progress_cb, self, NULL));
  self->status_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status_cb, self, NULL));

  setup_column (self, self->number_column, JP_PLAN_COLUMN_NUMBER,
                GTK_SORTER (gtk_custom_sorter_new (compare_number_cb, self, NULL)));
  setup_column (self, self->title_column, JP_PLAN_COLUMN_TITLE, NULL);
  setup_column (self, self->leaders_column, JP_PLAN_COLUMN_LEADERS, NULL);
  setup_column (self, self->units_column, JP_PLAN_COLUMN_UNITS, NULL);
  setup_column (self, self->progress_column, JP_PLAN_COLUMN_PROGRESS, g_object_ref (self->progress_sorter));
  setup_column (self, self->status_column, JP_PLAN_COLUMN_STATUS, g_object_ref (self->status_sorter));
  fit_status_column (self);
  self->units_width = gtk_column_view_column_get_fixed_width (self->units_column);

  /* passthrough FALSE: GtkTreeListRowSorter sorts GtkTreeListRows. */
  self->row_sorter = GTK_SORTER (gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->column_view))));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (update_sorting), self, G_CONNECT_SWAPPED);

  /* Kept while out of the view (fit_columns_cb). */
  self->optional_columns[0] = g_object_ref (self->leaders_column);
  self->optional_columns[1] = g_object_ref (self->units_column);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_page_size_changed_cb), self, G_CONNECT_SWAPPED);

  self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
jp_plan_tree_new (void)
{
  return g_object_new (JP_TYPE_PLAN_TREE, NULL);
}

JpPlan *
jp_plan_tree_get_plan (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), NULL);

  return self->plan;
}

void
jp_plan_tree_set_plan (JpPlanTree *self,
                       JpPlan     *plan)
{
  g_return_if_fail (JP_IS_PLAN_TREE (self));
  g_return_if_fail (plan == NULL || JP_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      self->changed_id = g_signal_connect_object (plan, "changed",
                                                  G_CALLBACK (on_plan_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
    }

  build_models (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

JpPlanFilter *
jp_plan_tree_get_filter (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), NULL);

  return self->filter;
}

gboolean
jp_plan_tree_get_editable (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), FALSE);

  return self->editable;
}

void
jp_plan_tree_set_editable (JpPlanTree *self,
                           gboolean    editable)
{
  g_return_if_fail (JP_IS_PLAN_TREE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

const char *
jp_plan_tree_get_as_of (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), NULL);

  return self->as_of;
}

void
jp_plan_tree_set_as_of (JpPlanTree *self,
                        const char *as_of)
{
  g_return_if_fail (JP_IS_PLAN_TREE (self));

  if (!jp_ui_set_str (&self->as_of, as_of))
    return;

  /* The cells follow through their binding; the status filter and the
   * progress and status sorts compute at the new date too. */
  jp_plan_filter_set_as_of (self->filter, as_of);
  resort (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

GObject *
jp_plan_tree_get_selected_object (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), NULL);

  return self->selected;
}

static guint
find_row (JpPlanTree *self,
          GObject    *object)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == object)
        return i;
    }

  return G_MAXUINT;
}

gboolean
jp_plan_tree_select_object (JpPlanTree *self,
                            GObject    *object)
{
  GtkWidget *list_view;
  guint position;

  g_return_val_if_fail (JP_IS_PLAN_TREE (self), FALSE);

  if (self->sort_model == NULL)
    return FALSE;

  if (object == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }

  position = find_row (self, object);
  if (position == G_MAXUINT && JP_IS_ITEM (object) && jp_item_get_section (JP_ITEM (object)) != NULL)
    {
      guint section_row = find_row (self, G_OBJECT (jp_item_get_section (JP_ITEM (object))));

      if (section_row != G_MAXUINT)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                                 section_row);

          gtk_tree_list_row_set_expanded (row, TRUE);
          position = find_row (self, object);
        }
    }

  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);

  /* gtk_column_view_scroll_to() is GTK 4.12: use the inner list's action. */
  list_view = find_list_view (GTK_WIDGET (self->column_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

  return TRUE;
}

GtkSelectionModel *
jp_plan_tree_get_selection_model (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

gboolean
jp_plan_tree_get_empty (JpPlanTree *self)
{
  g_return_val_if_fail (JP_IS_PLAN_TREE (self), TRUE);

  return self->empty;
}
