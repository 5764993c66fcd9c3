#define G_LOG_DOMAIN "jp-plan-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-plan-cell.h"
#include "jp-ui-util.h"

struct _JpPlanCell
{
  GtkWidget       parent_instance;

  JpPlanColumn    column;
  GtkTreeListRow *row;       /* Owned */
  GObject        *object;    /* Owned: the JpSection or JpItem */
  JpPlan         *plan;      /* Owned */
  char           *as_of;     /* NULL: the plan's default */
  gulong          changed_id;

  /* Children (depending on the column) */
  GtkWidget      *expander;
  GtkWidget      *label;
  GtkWidget      *bar;
  GtkWidget      *percent;
  GtkWidget      *symbol;
  GtkWidget      *row_widget; /* Borrowed: the row styled during a drop */
};

G_DEFINE_FINAL_TYPE (JpPlanCell, jp_plan_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AS_OF,
  N_PROPS
};

enum {
  CAN_DRAG,
  DROP_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static JpPlan *
object_plan (GObject *object)
{
  if (JP_IS_SECTION (object))
    return jp_section_get_plan (JP_SECTION (object));

  if (JP_IS_ITEM (object))
    {
      JpSection *section = jp_item_get_section (JP_ITEM (object));

      return section != NULL ? jp_section_get_plan (section) : NULL;
    }

  return NULL;
}

static void
evaluate (JpPlanCell *self,
          JpProgress *progress)
{
  memset (progress, 0, sizeof *progress);
  if (self->plan == NULL)
    return;

  /* A NULL as-of is the plan's default, min(today, plan end). */
  if (JP_IS_ITEM (self->object))
    jp_item_evaluate (JP_ITEM (self->object), self->as_of, progress);
  else if (JP_IS_SECTION (self->object))
    jp_section_evaluate (JP_SECTION (self->object), self->as_of, progress);
}

static GtkWidget *find_row_widget (JpPlanCell *self);

static void
set_label (GtkWidget  *label,
           const char *text,
           gboolean    tooltip)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (tooltip)
    gtk_widget_set_tooltip_text (label, text != NULL && text[0] != '\0' ? text : NULL);
}

void
jp_plan_cell_update (JpPlanCell *self)
{
  gboolean is_section;

  g_return_if_fail (JP_IS_PLAN_CELL (self));

  if (self->object == NULL)
    return;

  is_section = JP_IS_SECTION (self->object);

  switch (self->column)
    {
    case JP_PLAN_COLUMN_NUMBER:
      {
        /* One cell per row marks section rows, which the style sets apart. */
        GtkWidget *row = find_row_widget (self);

        if (row != NULL && is_section)
          gtk_widget_add_css_class (row, "section-row");
        else if (row != NULL)
          gtk_widget_remove_css_class (row, "section-row");
      }
      if (is_section)
        {
          set_label (self->label, jp_section_get_ordinal (JP_SECTION (self->object)), FALSE);
          gtk_widget_add_css_class (self->label, "heading");
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (JP_ITEM (self->object)));

          set_label (self->label, number, FALSE);
          gtk_widget_remove_css_class (self->label, "heading");
        }
      break;

    case JP_PLAN_COLUMN_TITLE:
      /* A section's title is long: it takes up to two lines. */
      gtk_label_set_single_line_mode (GTK_LABEL (self->label), !is_section);
      gtk_label_set_wrap (GTK_LABEL (self->label), is_section);
      gtk_label_set_lines (GTK_LABEL (self->label), is_section ? 2 : -1);
      if (is_section)
        {
          gtk_widget_add_css_class (self->label, "heading");
          set_label (self->label, jp_section_get_title (JP_SECTION (self->object)), TRUE);
        }
      else
        {
          gtk_widget_remove_css_class (self->label, "heading");
          set_label (self->label, jp_item_get_title (JP_ITEM (self->object)), TRUE);
        }
      break;

    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      if (is_section)
        {
          set_label (self->label, NULL, TRUE);
        }
      else
        {
          g_autofree char *names = NULL;

          if (self->column == JP_PLAN_COLUMN_LEADERS)
            names = jp_item_dup_leader_names (JP_ITEM (self->object), " ");
          else
            names = jp_item_dup_unit_names (JP_ITEM (self->object), " ");
          set_label (self->label, names, TRUE);
        }
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      {
        JpProgress progress;
        g_autofree char *percent = NULL;
        g_autofree char *exact = NULL;

        evaluate (self, &progress);
        /* Whole percents read best in a column; the exact figure in the
         * tooltip. */
        percent = jp_ui_dup_rounded_percent (progress.ratio);
        exact = jp_format_percent (progress.ratio);
        gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->bar), CLAMP (progress.p, 0, 1));
        jp_ui_set_status_class (self->bar, progress.status);
        gtk_label_set_text (GTK_LABEL (self->percent), percent);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self), exact);
      }
      break;

    case JP_PLAN_COLUMN_STATUS:
      {
        JpProgress progress;
        GtkWidget *pill = gtk_widget_get_first_child (GTK_WIDGET (self));

        evaluate (self, &progress);
        gtk_label_set_text (GTK_LABEL (self->symbol), jp_status_get_symbol (progress.status));
        gtk_label_set_text (GTK_LABEL (self->label), jp_status_get_label (progress.status));
        jp_ui_set_status_class (pill, progress.status);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ---- drag and drop ------------------------------------------------------ */

static GtkWidget *
find_row_widget (JpPlanCell *self)
{
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_css_name (w), "row") == 0)
      return w;

  return NULL;
}

static void
clear_drop_style (JpPlanCell *self)
{
  if (self->row_widget == NULL)
    return;

  gtk_widget_remove_css_class (self->row_widget, "drop-before");
  gtk_widget_remove_css_class (self->row_widget, "drop-after");
  gtk_widget_remove_css_class (self->row_widget, "drop-into");
  self->row_widget = NULL;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    JpPlanCell    *self)
{
  gboolean can_drag = FALSE;

  if (self->object == NULL)
    return NULL;

  g_signal_emit (self, signals[CAN_DRAG], 0, &can_drag);
  if (!can_drag)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_OBJECT, self->object);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  JpPlanCell    *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_is_into (JpPlanCell *self,
              GObject    *dragged)
{
  /* An item dropped on a section header goes into that section. */
  return JP_IS_ITEM (dragged) && JP_IS_SECTION (self->object);
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   JpPlanCell    *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GObject *dragged = value != NULL ? g_value_get_object (value) : NULL;
  gboolean after = y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  clear_drop_style (self);

  if (self->object == NULL || dragged == self->object ||
      !(JP_IS_ITEM (dragged) || JP_IS_SECTION (dragged)))
    return 0;

  self->row_widget = find_row_widget (self);
  if (self->row_widget != NULL)
    {
      if (drop_is_into (self, dragged))
        gtk_widget_add_css_class (self->row_widget, "drop-into");
      else
        gtk_widget_add_css_class (self->row_widget, after ? "drop-after" : "drop-before");
    }

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget *target,
                  JpPlanCell    *self)
{
  clear_drop_style (self);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            JpPlanCell    *self)
{
  GObject *dragged = G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;
  gboolean after = y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  gboolean handled = FALSE;

  clear_drop_style (self);

  if (self->object == NULL || dragged == NULL || dragged == self->object)
    return FALSE;

  g_signal_emit (self, signals[DROP_OBJECT], 0, dragged, after, &handled);

  return handled;
}

/* ---- GObject ------------------------------------------------------------ */

static void
build_children (JpPlanCell *self)
{
  GtkWidget *box;

  switch (self->column)
    {
    case JP_PLAN_COLUMN_NUMBER:
      self->expander = gtk_tree_expander_new ();
      self->label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->label), 0);
      gtk_widget_add_css_class (self->label, "numeric");
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (self->expander), self->label);
      gtk_widget_set_parent (self->expander, GTK_WIDGET (self));
      break;

    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      self->label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
      gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
      gtk_widget_set_hexpand (self->label, TRUE);
      gtk_widget_set_parent (self->label, GTK_WIDGET (self));
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      self->bar = gtk_progress_bar_new ();
      gtk_widget_set_valign (self->bar, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (self->bar, TRUE);
      gtk_widget_add_css_class (self->bar, "plan-progress");
      self->percent = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->percent), 1);
      gtk_label_set_width_chars (GTK_LABEL (self->percent), 5);
      gtk_widget_add_css_class (self->percent, "numeric");
      gtk_box_append (GTK_BOX (box), self->bar);
      gtk_box_append (GTK_BOX (box), self->percent);
      gtk_widget_set_parent (box, GTK_WIDGET (self));
      break;

    case JP_PLAN_COLUMN_STATUS:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_add_css_class (box, "status-pill");
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      self->symbol = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->symbol, "status-symbol");
      self->label = gtk_label_new (NULL);
      gtk_box_append (GTK_BOX (box), self->symbol);
      gtk_box_append (GTK_BOX (box), self->label);
      gtk_widget_set_parent (box, GTK_WIDGET (self));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
jp_plan_cell_dispose (GObject *object)
{
  JpPlanCell *self = (JpPlanCell *) object;
  GtkWidget *child;

  jp_plan_cell_unbind (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jp_plan_cell_parent_class)->dispose (object);
}

static void
jp_plan_cell_finalize (GObject *object)
{
  JpPlanCell *self = (JpPlanCell *) object;

  g_free (self->as_of);

  G_OBJECT_CLASS (jp_plan_cell_parent_class)->finalize (object);
}

static void
jp_plan_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpPlanCell *self = JP_PLAN_CELL (object);

  switch (prop_id)
    {
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpPlanCell *self = JP_PLAN_CELL (object);

  switch (prop_id)
    {
    case PROP_AS_OF:
      jp_plan_cell_set_as_of (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_cell_class_init (JpPlanCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_plan_cell_dispose;
  object_class->finalize = jp_plan_cell_finalize;
  object_class->get_property = jp_plan_cell_get_property;
  object_class->set_property = jp_plan_cell_set_property;

  /* The date of the progress and status shown (NULL: the plan's default). */
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asked when a drag starts: may this row be dragged (editable plan)? */
  signals[CAN_DRAG] =
    g_signal_new ("can-drag",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_first_wins, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 0);
  signals[DROP_OBJECT] =
    g_signal_new ("drop-object",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_first_wins, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 2, G_TYPE_OBJECT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jpplancell");
}

static void
jp_plan_cell_init (JpPlanCell *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_OBJECT, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
jp_plan_cell_new (JpPlanColumn column)
{
  JpPlanCell *self = g_object_new (JP_TYPE_PLAN_CELL, NULL);

  /* The column decides the children; it is set before they are built. */
  self->column = column;
  build_children (self);

  return GTK_WIDGET (self);
}

JpPlanColumn
jp_plan_cell_get_column (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), 0);

  return self->column;
}

void
jp_plan_cell_bind (JpPlanCell     *self,
                   GtkTreeListRow *row)
{
  g_return_if_fail (JP_IS_PLAN_CELL (self));
  g_return_if_fail (GTK_IS_TREE_LIST_ROW (row));

  jp_plan_cell_unbind (self);

  self->row = g_object_ref (row);
  self->object = gtk_tree_list_row_get_item (row);
  self->plan = object_plan (self->object);
  if (self->plan != NULL)
    {
      g_object_ref (self->plan);
      self->changed_id = g_signal_connect_object (self->plan, "changed",
                                                  G_CALLBACK (jp_plan_cell_update), self,
                                                  G_CONNECT_SWAPPED);
    }

  if (self->expander != NULL)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (self->expander), row);

  jp_plan_cell_update (self);
}

void
jp_plan_cell_unbind (JpPlanCell *self)
{
  g_return_if_fail (JP_IS_PLAN_CELL (self));

  clear_drop_style (self);
  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  if (self->expander != NULL)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (self->expander), NULL);
  g_clear_object (&self->plan);
  g_clear_object (&self->object);
  g_clear_object (&self->row);
}

GObject *
jp_plan_cell_get_object (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);

  return self->object;
}

const char *
jp_plan_cell_get_as_of (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);

  return self->as_of;
}

void
jp_plan_cell_set_as_of (JpPlanCell *self,
                        const char *as_of)
{
  g_return_if_fail (JP_IS_PLAN_CELL (self));

  if (!jp_ui_set_str (&self->as_of, as_of))
    return;

  /* Only the figures depend on the date. */
  if (self->column == JP_PLAN_COLUMN_PROGRESS || self->column == JP_PLAN_COLUMN_STATUS)
    jp_plan_cell_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}
