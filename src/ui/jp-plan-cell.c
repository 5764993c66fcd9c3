#define G_LOG_DOMAIN "jp-plan-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-plan-cell.h"
#include "jp-ui-util.h"

/* The cells of the title, leaders, units, progress and status columns
 * draw their text and shapes themselves: the tree shows about 200 rows of
 * six cells at once, and a cell made of labels, boxes and progress bars
 * costs several times as much to build, measure and draw. The number
 * column keeps its GtkTreeExpander (expanding, indentation).
 *
 * The geometry below is the one style.css gave the widgets they replace. */
#define TROUGH_HEIGHT      6    /* progressbar > trough min-height */
#define TROUGH_MIN_WIDTH  40    /* progressbar > trough min-width */
#define TROUGH_ALPHA       0.15 /* libadwaita: alpha(currentColor, 0.15) */
#define BAR_SPACING        8    /* between the bar and the percent */
#define PERCENT_CHARS      5    /* the percent's width, in characters */
#define PILL_PAD_TOP       2    /* .status-pill padding: 2px 10px 2px 8px */
#define PILL_PAD_RIGHT    10
#define PILL_PAD_BOTTOM    2
#define PILL_PAD_LEFT      8
#define PILL_SPACING       4    /* between the symbol and the label */
#define PILL_FONT_SCALE    0.9  /* .status-pill font-size: 0.9em */
#define PILL_ALPHA         0.18 /* background: the status colour at 0.18 */
#define FLAGS_SPACING      4    /* between the pill and the flag mark */
#define FLAG_MARK          "⚑"  /* the flags' mark; the tooltip says them */

struct _JpPlanCell
{
  GtkWidget       parent_instance;

  JpPlanColumn    column;
  GtkTreeListRow *row;       /* Owned */
  GObject        *object;    /* Owned: the JpSection or JpItem */
  JpPlan         *plan;      /* Owned */
  char           *as_of;     /* NULL: the plan's default */
  gulong          changed_id;
  GtkWidget      *row_widget; /* Borrowed: the row styled during a drop */

  /* The number column: children */
  GtkWidget      *expander;
  GtkWidget      *label;

  /* The other columns: drawn */
  char           *text;          /* title, names, percent or status label */
  char           *symbol;        /* status column */
  char           *flags;         /* status column: late report, self-report
                                  * (the cell draws FLAG_MARK, the tooltip
                                  * and the accessible label say them) */
  char           *tooltip;       /* progress column: the exact percent */
  PangoLayout    *layout;        /* Owned: shows text */
  PangoLayout    *symbol_layout; /* Owned: shows symbol (status column) */
  PangoLayout    *flags_layout;  /* Owned: shows FLAG_MARK (status column) */
  double          fraction;      /* progress column */
  JpStatus        status;        /* progress and status columns */
  gboolean        wraps;         /* a section title: up to two lines */

  /* Sizes in pixels, valid for the pango context serial below; -1: not
   * known yet. */
  guint           serial;
  int             layout_width;   /* the width the layout is set to */
  int             text_width;     /* the text on one line */
  int             ellipsis_width; /* "…" */
  int             digits_width;   /* PERCENT_CHARS characters */
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

/* ---- sizes ---------------------------------------------------------------- */

/* Forgets the sizes measured with another font (the pango context follows
 * the column view's CSS; the layouts follow the context). */
static void ensure_layouts (JpPlanCell *self);

static void
check_serial (JpPlanCell *self)
{
  guint serial;

  ensure_layouts (self);
  serial = pango_context_get_serial (pango_layout_get_context (self->layout));

  if (serial == self->serial)
    return;

  self->serial = serial;
  self->text_width = -1;
  self->ellipsis_width = -1;
  self->digits_width = -1;
}

static void
set_layout_width (JpPlanCell *self,
                  int         width)
{
  if (self->layout_width == width)
    return;

  self->layout_width = width;
  pango_layout_set_width (self->layout, width < 0 ? -1 : width * PANGO_SCALE);
}

static int
get_text_width (JpPlanCell *self)
{
  check_serial (self);
  if (self->text_width < 0)
    {
      set_layout_width (self, -1);
      pango_layout_get_pixel_size (self->layout, &self->text_width, NULL);
    }

  return self->text_width;
}

static int
get_ellipsis_width (JpPlanCell *self)
{
  check_serial (self);
  if (self->ellipsis_width < 0)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (pango_layout_get_context (self->layout));

      pango_layout_set_attributes (layout, pango_layout_get_attributes (self->layout));
      pango_layout_set_text (layout, "…", -1);

      pango_layout_get_pixel_size (layout, &self->ellipsis_width, NULL);
    }

  return self->ellipsis_width;
}

/* What GtkLabel:width-chars gives: the wider of the font's average
 * character and digit, times @n_chars. The metrics take shaping a sample
 * text, so the last answer is kept for the next cells. */
static int
font_chars_width (PangoContext *context,
                  int           n_chars)
{
  static PangoFontDescription *cached_desc;
  static PangoLanguage *cached_language;
  static PangoFontMap *cached_map;
  static guint cached_map_serial;
  static double cached_resolution;
  static int cached_char_width = -1;
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMap *map = pango_context_get_font_map (context);
  guint map_serial = map != NULL ? pango_font_map_get_serial (map) : 0;
  double resolution = pango_cairo_context_get_resolution (context);

  if (cached_char_width < 0 || cached_language != language || cached_map != map ||
      cached_map_serial != map_serial || cached_resolution != resolution ||
      !pango_font_description_equal (cached_desc, desc))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, desc, language);

      cached_char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                               pango_font_metrics_get_approximate_digit_width (metrics));
      pango_font_metrics_unref (metrics);

      g_clear_pointer (&cached_desc, pango_font_description_free);
      cached_desc = pango_font_description_copy (desc);
      cached_language = language;
      g_set_object (&cached_map, map);
      cached_map_serial = map_serial;
      cached_resolution = resolution;
    }

  return PANGO_PIXELS_CEIL (cached_char_width * n_chars);
}

static int
get_digits_width (JpPlanCell *self)
{
  check_serial (self);
  if (self->digits_width < 0)
    self->digits_width = font_chars_width (pango_layout_get_context (self->layout), PERCENT_CHARS);

  return self->digits_width;
}

/* The percent takes PERCENT_CHARS characters, or its text if wider. */
static int
percent_width (JpPlanCell *self)
{
  return MAX (get_digits_width (self), get_text_width (self));
}

static void
pill_size (JpPlanCell *self,
           int        *width,
           int        *height)
{
  int symbol_width, symbol_height, text_width, text_height;

  ensure_layouts (self);
  pango_layout_get_pixel_size (self->symbol_layout, &symbol_width, &symbol_height);
  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
  if (width != NULL)
    *width = PILL_PAD_LEFT + symbol_width + PILL_SPACING + text_width + PILL_PAD_RIGHT;
  if (height != NULL)
    *height = PILL_PAD_TOP + MAX (symbol_height, text_height) + PILL_PAD_BOTTOM;
}

/* The pill, and the flag mark after it. */
static int
status_width (JpPlanCell *self)
{
  int width, flags_width = 0;

  pill_size (self, &width, NULL);
  if (self->flags != NULL)
    {
      pango_layout_get_pixel_size (self->flags_layout, &flags_width, NULL);
      width += FLAGS_SPACING + flags_width;
    }

  return width;
}

/* ---- content ------------------------------------------------------------ */

/* TRUE when the text changed (the size may have). */
static gboolean
set_text (JpPlanCell *self,
          const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return FALSE;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  self->text_width = -1;

  return TRUE;
}

static gboolean
set_symbol (JpPlanCell *self,
            const char *symbol)
{
  if (symbol == NULL)
    symbol = "";
  if (g_strcmp0 (self->symbol, symbol) == 0)
    return FALSE;

  g_free (self->symbol);
  self->symbol = g_strdup (symbol);
  if (self->symbol_layout != NULL)
    pango_layout_set_text (self->symbol_layout, symbol, -1);

  return TRUE;
}

static gboolean
set_flags (JpPlanCell *self,
           const char *flags)
{
  if (g_strcmp0 (self->flags, flags) == 0)
    return FALSE;

  g_free (self->flags);
  self->flags = g_strdup (flags);

  return TRUE;
}

/* The title's layout: one line, or, for a section, up to two lines in the
 * font of libadwaita's .heading (weight 700, 11pt). */
static void
apply_wraps (JpPlanCell *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (self->wraps)
    {
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_size_new (11 * PANGO_SCALE));
    }
  pango_layout_set_attributes (self->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_single_paragraph_mode (self->layout, !self->wraps);
  pango_layout_set_height (self->layout, self->wraps ? -2 : -1);
}

/* A section's title is long: it takes up to two lines, in bold. */
static gboolean
set_wraps (JpPlanCell *self,
           gboolean    wraps)
{
  if (self->wraps == wraps)
    return FALSE;

  self->wraps = wraps;
  if (self->layout != NULL)
    apply_wraps (self);
  self->text_width = -1;
  self->ellipsis_width = -1;

  return TRUE;
}

static void
update_accessible_label (JpPlanCell *self)
{
  g_autofree char *label = NULL;

  if (self->column == JP_PLAN_COLUMN_STATUS && self->flags != NULL)
    label = g_strdup_printf ("%s %s, %s", self->symbol, self->text, self->flags);
  else if (self->column == JP_PLAN_COLUMN_STATUS)
    label = g_strdup_printf ("%s %s", self->symbol, self->text);
  else
    label = g_strdup (self->text);

  if (label[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

void
jp_plan_cell_update (JpPlanCell *self)
{
  gboolean is_section;
  gboolean resize = FALSE;
  gboolean redraw = FALSE;

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
          set_label (self->label, jp_section_get_ordinal (JP_SECTION (self->object)));
          gtk_widget_add_css_class (self->label, "heading");
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (JP_ITEM (self->object)));

          set_label (self->label, number);
          gtk_widget_remove_css_class (self->label, "heading");
        }
      return;

    case JP_PLAN_COLUMN_TITLE:
      resize |= set_wraps (self, is_section);
      if (is_section)
        resize |= set_text (self, jp_section_get_title (JP_SECTION (self->object)));
      else
        resize |= set_text (self, jp_item_get_title (JP_ITEM (self->object)));
      break;

    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      if (is_section)
        {
          resize |= set_text (self, NULL);
        }
      else
        {
          g_autofree char *names = NULL;

          if (self->column == JP_PLAN_COLUMN_LEADERS)
            names = jp_item_dup_leader_names (JP_ITEM (self->object), " ");
          else
            names = jp_item_dup_unit_names (JP_ITEM (self->object), " ");
          resize |= set_text (self, names);
        }
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      {
        JpProgress progress;
        g_autofree char *percent = NULL;
        g_autofree char *exact = NULL;
        double fraction;

        evaluate (self, &progress);
        /* Whole percents read best in a column; the exact figure in the
         * tooltip. */
        percent = jp_ui_dup_rounded_percent (progress.ratio);
        exact = jp_format_percent (progress.ratio);
        fraction = CLAMP (progress.p, 0, 1);
        resize |= set_text (self, percent);
        /* Shown by query_tooltip(): gtk_widget_set_tooltip_text() asks the
         * display for the pointer each time. */
        jp_ui_set_str (&self->tooltip, exact);
        if (fraction != self->fraction || progress.status != self->status)
          {
            self->fraction = fraction;
            self->status = progress.status;
            redraw = TRUE;
          }
      }
      break;

    case JP_PLAN_COLUMN_STATUS:
      {
        JpProgress progress;
        g_autofree char *flags = NULL;

        evaluate (self, &progress);
        flags = jp_ui_dup_progress_flags (&progress);
        resize |= set_symbol (self, jp_status_get_symbol (progress.status));
        resize |= set_text (self, jp_status_get_label (progress.status));
        resize |= set_flags (self, flags);
        if (progress.status != self->status)
          {
            self->status = progress.status;
            redraw = TRUE;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* The dashboard's date changes every cell at once: only a new text may
   * change the size. */
  if (resize)
    {
      update_accessible_label (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else if (redraw)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
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

/* ---- drawing -------------------------------------------------------------- */

static GtkSizeRequestMode
jp_plan_cell_get_request_mode (GtkWidget *widget)
{
  JpPlanCell *self = JP_PLAN_CELL (widget);

  if (self->expander != NULL)
    return gtk_widget_get_request_mode (self->expander);

  return self->wraps ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
jp_plan_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  JpPlanCell *self = JP_PLAN_CELL (widget);
  int size = 0;

  if (self->expander != NULL)
    {
      gtk_widget_measure (self->expander, orientation, for_size,
                          minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  ensure_layouts (self);
  switch (self->column)
    {
    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* As an ellipsizing label: down to "…", the whole text at ease. */
          *natural = get_text_width (self);
          *minimum = MIN (get_ellipsis_width (self), *natural);
          return;
        }
      /* Wrapped, the height depends on the width; on one line, it does not. */
      if (self->wraps)
        set_layout_width (self, for_size >= 0 && for_size < get_text_width (self) ? for_size : -1);
      pango_layout_get_pixel_size (self->layout, NULL, &size);
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size = TROUGH_MIN_WIDTH + BAR_SPACING + percent_width (self);
      else
        {
          pango_layout_get_pixel_size (self->layout, NULL, &size);
          size = MAX (size, TROUGH_HEIGHT);
        }
      break;

    case JP_PLAN_COLUMN_STATUS:
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size = status_width (self);
      else
        pill_size (self, NULL, &size);
      break;

    case JP_PLAN_COLUMN_NUMBER:
    default:
      g_assert_not_reached ();
    }

  *minimum = *natural = size;
}

static void
jp_plan_cell_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  JpPlanCell *self = JP_PLAN_CELL (widget);

  if (self->expander != NULL)
    {
      gtk_widget_allocate (self->expander, width, height, baseline, NULL);
      return;
    }

  ensure_layouts (self);
  switch (self->column)
    {
    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      /* A text that fits keeps the layout measured on one line. */
      set_layout_width (self, width < get_text_width (self) ? width : -1);
      break;

    default:
      break;
    }
}

static gboolean
is_rtl (JpPlanCell *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* Draws @layout in @color with its left edge at @x (from the start edge),
 * centred vertically in @height, as a label does. */
static void
append_layout (JpPlanCell    *self,
               GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            height,
               const GdkRGBA *color)
{
  PangoRectangle logical;
  float px, py;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (is_rtl (self))
    px = gtk_widget_get_width (GTK_WIDGET (self)) - x - logical.width - logical.x;
  else
    px = x - logical.x;
  py = floorf ((height - logical.height) * 0.5f);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (px, py));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A rounded rectangle (capsule) at @x from the start edge. */
static void
append_capsule (JpPlanCell    *self,
                GtkSnapshot   *snapshot,
                float          x,
                float          y,
                float          width,
                float          height,
                const GdkRGBA *color)
{
  GskRoundedRect clip;

  if (width <= 0 || height <= 0)
    return;

  if (is_rtl (self))
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x - width;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (x, y, width, height),
                                   MIN (width, height) / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, &clip.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
status_color (JpStatus  status,
              double    alpha,
              GdkRGBA  *color)
{
  double r, g, b;

  jp_status_get_rgb (status, &r, &g, &b);
  color->red = CLAMP (r, 0, 1);
  color->green = CLAMP (g, 0, 1);
  color->blue = CLAMP (b, 0, 1);
  color->alpha = alpha;
}

static void
jp_plan_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  JpPlanCell *self = JP_PLAN_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;

  if (self->expander != NULL)
    {
      GTK_WIDGET_CLASS (jp_plan_cell_parent_class)->snapshot (widget, snapshot);
      return;
    }

  /* The text colour follows the row (selected, dark style). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  ensure_layouts (self);
  switch (self->column)
    {
    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      if (self->text != NULL && self->text[0] != '\0')
        append_layout (self, snapshot, self->layout, 0, height, &color);
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      {
        int percent = percent_width (self);
        int bar = MAX (width - BAR_SPACING - percent, TROUGH_MIN_WIDTH);
        int y = (height - TROUGH_HEIGHT) / 2;
        int fill = (int) (bar * self->fraction);
        GdkRGBA trough = color;
        GdkRGBA progress;
        int text_width;

        trough.alpha *= TROUGH_ALPHA;
        status_color (self->status, 1, &progress);
        append_capsule (self, snapshot, 0, y, bar, TROUGH_HEIGHT, &trough);
        append_capsule (self, snapshot, 0, y, fill, TROUGH_HEIGHT, &progress);

        /* The percent at the end of its PERCENT_CHARS. */
        pango_layout_get_pixel_size (self->layout, &text_width, NULL);
        append_layout (self, snapshot, self->layout,
                       bar + BAR_SPACING + percent - text_width, height, &color);
      }
      break;

    case JP_PLAN_COLUMN_STATUS:
      {
        int pill_width, pill_height, symbol_width;
        int y;
        GdkRGBA background, symbol;

        pill_size (self, &pill_width, &pill_height);
        y = (height - pill_height) / 2;
        status_color (self->status, PILL_ALPHA, &background);
        status_color (self->status, 1, &symbol);
        append_capsule (self, snapshot, 0, y, pill_width, pill_height, &background);

        pango_layout_get_pixel_size (self->symbol_layout, &symbol_width, NULL);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + PILL_PAD_TOP));
        append_layout (self, snapshot, self->symbol_layout, PILL_PAD_LEFT,
                       pill_height - PILL_PAD_TOP - PILL_PAD_BOTTOM, &symbol);
        append_layout (self, snapshot, self->layout, PILL_PAD_LEFT + symbol_width + PILL_SPACING,
                       pill_height - PILL_PAD_TOP - PILL_PAD_BOTTOM, &color);
        gtk_snapshot_restore (snapshot);

        /* The flag mark beside the pill, in the colour of a missing report. */
        if (self->flags != NULL)
          {
            GdkRGBA flag_color;

            status_color (JP_STATUS_NO_REPORT, 1, &flag_color);
            append_layout (self, snapshot, self->flags_layout, pill_width + FLAGS_SPACING, height,
                           &flag_color);
          }
      }
      break;

    case JP_PLAN_COLUMN_NUMBER:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
jp_plan_cell_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  const char *text = jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (widget));

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static PangoLayout *
create_layout (PangoContext *context,
               gboolean      numeric,
               double        scale,
               gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures, as the .numeric style class gives them. */
  if (numeric)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (scale != 1)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
build_children (JpPlanCell *self)
{
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
      gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
      break;

    case JP_PLAN_COLUMN_STATUS:
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The drawn columns' layouts, made when first needed (by then the cell is
 * in its column view, whose font the cells have: no style sets theirs)
 * with the column view's pango context: one context for the ~1,000 cells
 * instead of one each (60,000 instructions apiece, and one more to update
 * on every style change). */
static void
ensure_layouts (JpPlanCell *self)
{
  GtkWidget *view;
  PangoContext *context;

  if (self->layout != NULL || self->expander != NULL)
    return;

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  context = gtk_widget_get_pango_context (view != NULL ? view : GTK_WIDGET (self));

  switch (self->column)
    {
    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      /* One line, ellipsized (set_wraps() lets a section title wrap). */
      self->layout = create_layout (context, FALSE, 1, FALSE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      apply_wraps (self);
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      self->layout = create_layout (context, TRUE, 1, FALSE);
      break;

    case JP_PLAN_COLUMN_STATUS:
      self->symbol_layout = create_layout (context, FALSE, PILL_FONT_SCALE, TRUE);
      self->layout = create_layout (context, FALSE, PILL_FONT_SCALE, FALSE);
      self->flags_layout = create_layout (context, FALSE, PILL_FONT_SCALE, FALSE);
      pango_layout_set_text (self->symbol_layout, self->symbol != NULL ? self->symbol : "", -1);
      pango_layout_set_text (self->flags_layout, FLAG_MARK, -1);
      break;

    case JP_PLAN_COLUMN_NUMBER:
    default:
      g_assert_not_reached ();
    }

  pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
  self->layout_width = -1;
  self->text_width = -1;
  self->ellipsis_width = -1;
  self->digits_width = -1;
}

static void
jp_plan_cell_dispose (GObject *object)
{
  JpPlanCell *self = (JpPlanCell *) object;

  jp_plan_cell_unbind (self);

  g_clear_pointer (&self->expander, gtk_widget_unparent);
  self->label = NULL;
  g_clear_object (&self->layout);
  g_clear_object (&self->symbol_layout);
  g_clear_object (&self->flags_layout);

  G_OBJECT_CLASS (jp_plan_cell_parent_class)->dispose (object);
}

static void
jp_plan_cell_finalize (GObject *object)
{
  JpPlanCell *self = (JpPlanCell *) object;

  g_free (self->as_of);
  g_free (self->text);
  g_free (self->symbol);
  g_free (self->flags);
  g_free (self->tooltip);

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

  widget_class->get_request_mode = jp_plan_cell_get_request_mode;
  widget_class->measure = jp_plan_cell_measure;
  widget_class->size_allocate = jp_plan_cell_size_allocate;
  widget_class->snapshot = jp_plan_cell_snapshot;
  widget_class->query_tooltip = jp_plan_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "jpplancell");
}

static void
jp_plan_cell_init (JpPlanCell *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_OBJECT, GDK_ACTION_MOVE);

  self->serial = 0;
  self->layout_width = -1;
  self->text_width = -1;
  self->ellipsis_width = -1;
  self->digits_width = -1;

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
  JpPlanCell *self;

  /* The drawn cells read as the text they show. */
  if (column == JP_PLAN_COLUMN_NUMBER)
    self = g_object_new (JP_TYPE_PLAN_CELL, NULL);
  else
    self = g_object_new (JP_TYPE_PLAN_CELL, "accessible-role", GTK_ACCESSIBLE_ROLE_LABEL, NULL);

  /* The column decides the children or layouts; it is set before they are
   * built. */
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

const char *
jp_plan_cell_get_text (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);

  if (self->label != NULL)
    return gtk_label_get_text (GTK_LABEL (self->label));

  return self->text != NULL ? self->text : "";
}

const char *
jp_plan_cell_get_flags (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);
  return self->flags;
}

const char *
jp_plan_cell_get_symbol (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);

  return self->symbol != NULL ? self->symbol : "";
}

double
jp_plan_cell_get_fraction (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), 0);

  return self->fraction;
}

gboolean
jp_plan_cell_get_wraps (JpPlanCell *self)
{
  g_return_val_if_fail (JP_IS_PLAN_CELL (self), FALSE);

  return self->wraps;
}

const char *
jp_plan_cell_get_tooltip_text (JpPlanCell *self)
{
  const char *text = NULL;

  g_return_val_if_fail (JP_IS_PLAN_CELL (self), NULL);

  switch (self->column)
    {
    case JP_PLAN_COLUMN_TITLE:
    case JP_PLAN_COLUMN_LEADERS:
    case JP_PLAN_COLUMN_UNITS:
      /* The whole text, which the cell may ellipsize. */
      text = self->text;
      break;

    case JP_PLAN_COLUMN_PROGRESS:
      text = self->tooltip;
      break;

    case JP_PLAN_COLUMN_STATUS:
      /* The flags, which the cell marks. */
      text = self->flags;
      break;

    default:
      break;
    }

  return text != NULL && text[0] != '\0' ? text : NULL;
}
