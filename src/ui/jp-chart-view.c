#define G_LOG_DOMAIN "jp-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "jp-chart-view.h"
#include "jp-ui-util.h"
#include "jp-model.h"

struct _JpChartView
{
  GtkWidget       parent_instance;

  JpChartData    *data;        /* Owned */
  JpChartStyle   *style;       /* Owned; NULL: to compute from the theme */
  JpChartLayout  *layout;      /* Owned; NULL: to lay out */
  char           *label;
  char           *description;
  gboolean        interactive;

  /* The mark under the pointer and the one chosen with the keyboard, as
   * data indexes (-1: none). */
  int             hover;
  int             focus;
};

G_DEFINE_FINAL_TYPE (JpChartView, jp_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  PROP_INTERACTIVE,
  PROP_LABEL,
  N_PROPS
};

enum {
  ACTIVATE_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- style ---------------------------------------------------------------- */

static double
widget_font_size (JpChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size;
  double dpi;

  if (desc == NULL || pango_font_description_get_size (desc) <= 0)
    return 13.0;

  size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (desc))
    {
      dpi = pango_cairo_context_get_resolution (context);
      size = size * (dpi > 0 ? dpi : 96.0) / 72.0;
    }

  /* Chart labels a little smaller than body text, as in GNOME Usage. */
  return MAX (9.0, round (size * 0.9 * 2) / 2);
}

static JpChartStyle *
style_new_for_widget (JpChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  JpChartStyle *style = jp_chart_style_new_for_scheme (adw_style_manager_get_dark (manager));
  GdkRGBA color;
  JpChartRgba foreground;

  /* GTK 4.8: gtk_widget_get_color() is 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  foreground.red = color.red;
  foreground.green = color.green;
  foreground.blue = color.blue;
  foreground.alpha = color.alpha;
  jp_chart_style_set_foreground (style, &foreground);
  jp_chart_style_set_font (style, NULL, widget_font_size (self));

  return style;
}

static void
ensure_style (JpChartView *self)
{
  if (self->style == NULL)
    self->style = style_new_for_widget (self);
}

static gboolean
same_rgba (const JpChartRgba *a,
           const JpChartRgba *b)
{
  return fabs (a->red - b->red) < 1e-6 && fabs (a->green - b->green) < 1e-6 &&
         fabs (a->blue - b->blue) < 1e-6 && fabs (a->alpha - b->alpha) < 1e-6;
}

/* After a theme change: a new style when the colours or the font changed. */
static void
update_style (JpChartView *self)
{
  g_autoptr(JpChartStyle) style = style_new_for_widget (self);

  if (self->style != NULL &&
      same_rgba (&style->foreground, &self->style->foreground) &&
      same_rgba (&style->accent, &self->style->accent) &&
      style->font_size == self->style->font_size)
    return;

  g_clear_pointer (&self->style, jp_chart_style_free);
  self->style = g_steal_pointer (&style);
  g_clear_pointer (&self->layout, jp_chart_layout_unref);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- layout ----------------------------------------------------------------- */

static JpChartLayout *
ensure_layout (JpChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->data == NULL || width <= 0 || height <= 0)
    return NULL;

  if (self->layout != NULL &&
      jp_chart_layout_get_width (self->layout) == width &&
      jp_chart_layout_get_height (self->layout) == height)
    return self->layout;

  ensure_style (self);
  g_clear_pointer (&self->layout, jp_chart_layout_unref);
  self->layout = jp_chart_layout_new (self->data, width, height, self->style);

  return self->layout;
}

/* The object of data index @index when clicking it does something. */
static GObject *
target_object (JpChartView *self,
               int          index)
{
  if (!self->interactive || self->data == NULL || index < 0)
    return NULL;

  return jp_chart_data_get_object (self->data, index);
}

/* The area of data index @index: a whole row when there is one. */
static const JpChartMark *
find_target_mark (JpChartView *self,
                  int          index)
{
  const JpChartMark *mark;

  if (self->layout == NULL || index < 0)
    return NULL;

  mark = jp_chart_layout_find_full (self->layout, JP_CHART_ROLE_HIT, index, -1);
  if (mark == NULL)
    mark = jp_chart_layout_find (self->layout, JP_CHART_ROLE_HIT, index);

  return mark;
}

/* The data indexes that can be activated, in painting order. */
static GArray *
dup_targets (JpChartView *self)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (int));
  guint n;

  if (ensure_layout (self) == NULL)
    return targets;

  n = jp_chart_layout_get_n_marks (self->layout);
  for (guint i = 0; i < n; i++)
    {
      const JpChartMark *mark = jp_chart_layout_get_mark (self->layout, i);
      gboolean seen = FALSE;

      if (mark->role != JP_CHART_ROLE_HIT || target_object (self, mark->index) == NULL)
        continue;

      for (guint j = 0; j < targets->len && !seen; j++)
        seen = g_array_index (targets, int, j) == mark->index;
      if (!seen)
        g_array_append_val (targets, mark->index);
    }

  return targets;
}

/* ---- texts ------------------------------------------------------------------ */

static char *
dup_status_text (JpStatus status)
{
  /* Translators: a status with its symbol, e.g. "✓ Done" */
  return g_strdup_printf (C_("status with symbol", "%s %s"),
                          jp_status_get_symbol (status), jp_status_get_label (status));
}

static char *
dup_count_of (guint count,
              guint total)
{
  /* Translators: e.g. "3 of 17 work points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u work point", "%u of %u work points", total),
                          count, total);
}

static void
add_expected_line (GPtrArray *lines,
                   double     expected)
{
  g_autofree char *percent = jp_format_percent (expected);

  /* Translators: the share of the target expected at the as-of date */
  g_ptr_array_add (lines, g_strdup_printf (_("Expected by now: %s"), percent));
}

static void
add_gauge_lines (GPtrArray         *lines,
                 const JpGaugeData *gauge)
{
  g_autofree char *status = dup_status_text (gauge->status);

  if (gauge->title != NULL)
    g_ptr_array_add (lines, g_strdup (gauge->title));

  if (!gauge->has_value)
    g_ptr_array_add (lines, g_strdup (_("Nothing recorded yet")));
  else if (gauge->kind == JP_INDICATOR_KIND_MILESTONE)
    g_ptr_array_add (lines, g_strdup (gauge->value >= 1 ? _("Done") : _("Not done")));
  else
    {
      g_autofree char *value = jp_chart_format_value (gauge->value, gauge->unit);
      g_autofree char *percent = jp_format_percent (gauge->ratio);

      /* Translators: the current value and the share of the target it reaches */
      g_ptr_array_add (lines, g_strdup_printf (_("Now %s, %s of the target"), value, percent));
    }

  if (gauge->target_text != NULL)
    {
      /* Translators: the target of an indicator, e.g. "Target ≥ 90%" */
      g_ptr_array_add (lines, g_strdup_printf (_("Target %s"), gauge->target_text));
    }

  if (gauge->expected >= 0)
    add_expected_line (lines, gauge->expected);

  g_ptr_array_add (lines, g_steal_pointer (&status));
}

static void
add_bars_lines (GPtrArray        *lines,
                const JpBarsData *bars,
                int               index)
{
  const JpBarsRow *row;
  g_autofree char *percent = NULL;
  g_autofree char *status = NULL;

  if (index < 0 || (guint) index >= bars->rows->len)
    return;

  row = g_ptr_array_index (bars->rows, index);
  percent = jp_format_percent (row->ratio);
  status = dup_status_text (row->status);

  if (row->number != NULL)
    {
      /* Translators: a numbered title, e.g. "3 Run schools well" */
      g_ptr_array_add (lines, g_strdup_printf (C_("numbered title", "%s %s"), row->number, row->title));
    }
  else
    g_ptr_array_add (lines, g_strdup (row->title));

  /* Translators: the completion of an item or section, e.g. "45% complete" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s complete"), percent));
  if (row->expected >= 0)
    add_expected_line (lines, row->expected);
  g_ptr_array_add (lines, g_steal_pointer (&status));
}

static void
add_breakdown_lines (GPtrArray             *lines,
                     const JpBreakdownData *breakdown,
                     int                    status)
{
  guint total = jp_breakdown_data_get_total (breakdown);
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;
  g_autofree char *percent = NULL;

  if (status < 0 || status >= JP_N_STATUSES)
    return;

  label = dup_status_text (status);
  count = dup_count_of (breakdown->counts[status], total);
  percent = jp_format_percent (total > 0 ? (double) breakdown->counts[status] / total : 0);

  /* Translators: a status, a count and its share, e.g. "✓ Done: 3 of 17 work points (18%)" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s (%s)"), label, count, percent));
}

static void
add_groups_lines (GPtrArray          *lines,
                  const JpGroupsData *groups,
                  int                 index,
                  int                 series)
{
  const JpGroupsRow *row;
  guint total;

  if (index < 0 || (guint) index >= groups->rows->len)
    return;

  row = g_ptr_array_index (groups->rows, index);
  total = jp_groups_row_get_total (row);
  g_ptr_array_add (lines, g_strdup (row->label));

  if (series >= 0 && series < JP_N_STATUSES)
    {
      g_autofree char *label = dup_status_text (series);
      g_autofree char *count = dup_count_of (row->counts[series], total);

      /* Translators: a status and a count, e.g. "✓ Done: 3 of 7 work points" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label, count));
      return;
    }

  g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u work point", "%u work points", total),
                                           total));
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      JpStatus status = jp_chart_status_at (i);
      g_autofree char *label = NULL;

      if (row->counts[status] == 0)
        continue;

      label = dup_status_text (status);
      /* Translators: a status and how many work points have it, e.g. "✓ Done: 3" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %u"), label, row->counts[status]));
    }
}

static char *
dup_history_value (const JpHistoryData *history,
                   double               value)
{
  if (history->kind == JP_INDICATOR_KIND_MILESTONE)
    return g_strdup (value >= 1 ? _("Done") : _("Not done"));

  return jp_chart_format_value (value, history->unit);
}

static void
add_history_lines (GPtrArray           *lines,
                   const JpHistoryData *history,
                   int                  index)
{
  const JpHistoryPoint *point;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (index < 0 || (guint) index >= history->points->len)
    return;

  point = g_ptr_array_index (history->points, index);
  value = dup_history_value (history, point->value);
  date = jp_date_format_display (point->date);

  if (history->kind == JP_INDICATOR_KIND_MILESTONE)
    {
      /* Translators: a progress entry: its date and value */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), date, value));
    }
  else
    {
      double ratio = jp_progress_ratio (history->kind, history->target,
                                        history->has_baseline, history->baseline, point->value);
      g_autofree char *percent = jp_format_percent (ratio);

      /* Translators: a progress entry: its date, value and share of the target */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s (%s of the target)"), date, value, percent));
    }

  if (JP_IS_PROGRESS_ENTRY (point->object))
    {
      const char *note = jp_progress_entry_get_note (JP_PROGRESS_ENTRY (point->object));

      if (note != NULL && note[0] != '\0')
        g_ptr_array_add (lines, g_strdup (note));
    }
}

static void
add_trend_lines (GPtrArray         *lines,
                 const JpTrendData *trend,
                 int                index)
{
  const JpTrendPoint *point;
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;

  if (index < 0 || (guint) index >= trend->points->len)
    return;

  point = g_ptr_array_index (trend->points, index);
  actual = jp_format_percent (point->actual);
  expected = jp_format_percent (point->expected);

  g_ptr_array_add (lines, jp_date_format_display (point->date));
  /* Translators: the mean progress at a date, in the trend chart */
  g_ptr_array_add (lines, g_strdup_printf (_("Actual progress: %s"), actual));
  /* Translators: the progress expected at a date, in the trend chart */
  g_ptr_array_add (lines, g_strdup_printf (C_("chart tooltip", "Expected progress: %s"), expected));
}

/* The lines that describe data index @index (and @series), or none. */
static GPtrArray *
dup_lines (const JpChartData *data,
           int                index,
           int                series)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  switch (jp_chart_data_get_kind (data))
    {
    case JP_CHART_KIND_GAUGE:
      add_gauge_lines (lines, jp_chart_data_get_gauge (data));
      break;
    case JP_CHART_KIND_BARS:
      add_bars_lines (lines, jp_chart_data_get_bars (data), index);
      break;
    case JP_CHART_KIND_BREAKDOWN:
      add_breakdown_lines (lines, jp_chart_data_get_breakdown (data), series >= 0 ? series : index);
      break;
    case JP_CHART_KIND_GROUPS:
      add_groups_lines (lines, jp_chart_data_get_groups (data), index, series);
      break;
    case JP_CHART_KIND_HISTORY:
      add_history_lines (lines, jp_chart_data_get_history (data), index);
      break;
    case JP_CHART_KIND_TREND:
      add_trend_lines (lines, jp_chart_data_get_trend (data), index);
      break;
    default:
      g_assert_not_reached ();
    }

  return lines;
}

static char *
join_lines (GPtrArray  *lines,
            const char *separator)
{
  if (lines->len == 0)
    return NULL;

  g_ptr_array_add (lines, NULL);
  return g_strjoinv (separator, (char **) lines->pdata);
}

static char *
dup_mark_text (const JpChartData *data,
               int                index,
               int                series)
{
  g_autoptr(GPtrArray) lines = dup_lines (data, index, series);

  return join_lines (lines, "\n");
}

/* The whole chart in words, for screen readers. */
static char *
build_description (const JpChartData *data)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  /* Translators: separates the parts of a chart's description read by
   * screen readers */
  const char *separator = C_("list separator", "; ");
  guint n = 0;

  switch (jp_chart_data_get_kind (data))
    {
    case JP_CHART_KIND_GAUGE:
      n = 1;
      break;
    case JP_CHART_KIND_BARS:
      n = jp_chart_data_get_bars (data)->rows->len;
      break;
    case JP_CHART_KIND_GROUPS:
      n = jp_chart_data_get_groups (data)->rows->len;
      break;
    case JP_CHART_KIND_BREAKDOWN:
      n = JP_N_STATUSES;
      break;
    case JP_CHART_KIND_HISTORY:
      n = jp_chart_data_get_history (data)->points->len;
      break;
    case JP_CHART_KIND_TREND:
      n = jp_chart_data_get_trend (data)->points->len;
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < n; i++)
    {
      int index = (int) i;
      g_autoptr(GPtrArray) lines = NULL;

      if (jp_chart_data_get_kind (data) == JP_CHART_KIND_BREAKDOWN)
        {
          JpStatus status = jp_chart_status_at (i);

          if (jp_chart_data_get_breakdown (data)->counts[status] == 0)
            continue;
          index = status;
        }

      lines = dup_lines (data, index, -1);
      if (lines->len > 0)
        /* Translators: between the facts of one mark of a chart in the
         * description read by screen readers ("Done: 3, 18%") */
        g_ptr_array_add (parts, join_lines (lines, C_("list separator", ", ")));
    }

  if (parts->len == 0)
    return g_strdup (_("No data yet"));

  return join_lines (parts, separator);
}

static void
update_accessible (JpChartView *self)
{
  const char *label = self->label;

  if (label == NULL && self->data != NULL)
    label = jp_chart_data_get_title (self->data);

  g_clear_pointer (&self->description, g_free);
  if (self->data != NULL)
    self->description = build_description (self->data);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (self->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* ---- interaction ------------------------------------------------------------ */

static gboolean
activate_index (JpChartView *self,
                int          index)
{
  GObject *object = target_object (self, index);

  if (object == NULL)
    return FALSE;

  /* The handler may replace the data (and drop the object's last ref). */
  g_object_ref (object);
  g_signal_emit (self, signals[ACTIVATE_OBJECT], 0, object);
  g_object_unref (object);

  return TRUE;
}

static void
set_hover (JpChartView *self,
           int          hover)
{
  if (self->hover == hover)
    return;

  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (JpChartView *self,
              double       x,
              double       y)
{
  const JpChartMark *mark = NULL;

  if (ensure_layout (self) != NULL)
    mark = jp_chart_layout_hit_test (self->layout, x, y);

  set_hover (self, mark != NULL && target_object (self, mark->index) != NULL ? mark->index : -1);
}

static void
on_leave_cb (JpChartView *self)
{
  set_hover (self, -1);
}

static void
on_released_cb (JpChartView     *self,
                int              n_press,
                double           x,
                double           y,
                GtkGestureClick *gesture)
{
  if (n_press != 1)
    return;

  if (jp_chart_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
move_focus (JpChartView *self,
            int          delta,
            gboolean     to_end)
{
  g_autoptr(GArray) targets = dup_targets (self);
  int position = -1;
  int n = (int) targets->len;

  if (n == 0)
    return;

  for (int i = 0; i < n; i++)
    if (g_array_index (targets, int, i) == self->focus)
      position = i;

  if (to_end)
    position = delta < 0 ? 0 : n - 1;
  else if (position < 0)
    position = delta < 0 ? n - 1 : 0;
  else
    position = CLAMP (position + delta, 0, n - 1);

  self->focus = g_array_index (targets, int, position);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed_cb (JpChartView     *self,
                   guint            keyval,
                   guint            keycode,
                   GdkModifierType  state)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1, FALSE);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, 1, FALSE);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_focus (self, -1, TRUE);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_focus (self, 1, TRUE);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return activate_index (self, self->focus);
    default:
      return FALSE;
    }
}

static void
on_focus_enter_cb (JpChartView *self)
{
  if (target_object (self, self->focus) == NULL)
    {
      self->focus = -1;
      move_focus (self, 1, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (JpChartView *self)
{
  update_style (self);
}

/* ---- GtkWidget ---------------------------------------------------------------- */

static GtkSizeRequestMode
jp_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
min_width_for_kind (JpChartKind kind)
{
  switch (kind)
    {
    case JP_CHART_KIND_GAUGE:
      return 160;
    case JP_CHART_KIND_BREAKDOWN:
      return 200;
    case JP_CHART_KIND_HISTORY:
    case JP_CHART_KIND_TREND:
      return 240;
    case JP_CHART_KIND_BARS:
    case JP_CHART_KIND_GROUPS:
    default:
      return 260;
    }
}

static void
jp_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  JpChartView *self = JP_CHART_VIEW (widget);
  int min_width;

  *minimum = *natural = 0;
  if (self->data == NULL)
    return;

  min_width = min_width_for_kind (jp_chart_data_get_kind (self->data));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = MAX (min_width, 400);
    }
  else
    {
      double width = for_size > 0 ? for_size : MAX (min_width, 400);

      ensure_style (self);
      *minimum = *natural = (int) ceil (jp_chart_get_natural_height (self->data, width, self->style));
    }
}

static void
jp_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  JpChartView *self = JP_CHART_VIEW (widget);

  /* Lay out now: hit tests and tests read the layout of this size. */
  ensure_layout (self);
}

static void
draw_outline (cairo_t           *cr,
              const JpChartRect *r,
              double             inset)
{
  double x = r->x + inset, y = r->y + inset;
  double w = MAX (r->width - 2 * inset, 1), h = MAX (r->height - 2 * inset, 1);
  double radius = MIN (6.0, MIN (w, h) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
jp_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  JpChartView *self = JP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const JpChartMark *mark;
  cairo_t *cr;

  if (ensure_layout (self) == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The row under the pointer, lightly shaded behind nothing: on top, so
   * that it also shows over bars. */
  jp_chart_layout_paint (self->layout, cr);

  mark = target_object (self, self->hover) != NULL ? find_target_mark (self, self->hover) : NULL;
  if (mark != NULL)
    {
      const JpChartRgba *fg = &self->style->foreground;

      draw_outline (cr, &mark->bounds, 0);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.07);
      cairo_fill (cr);
    }

  mark = gtk_widget_has_visible_focus (widget) && target_object (self, self->focus) != NULL
         ? find_target_mark (self, self->focus) : NULL;
  if (mark != NULL)
    {
      const JpChartRgba *accent = &self->style->accent;

      draw_outline (cr, &mark->bounds, 1);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static gboolean
jp_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  JpChartView *self = JP_CHART_VIEW (widget);
  const JpChartMark *mark = NULL;
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (ensure_layout (self) == NULL)
    return FALSE;

  if (keyboard_tooltip)
    mark = find_target_mark (self, self->focus);
  else
    mark = jp_chart_layout_hit_test (self->layout, x, y);

  if (mark == NULL)
    return FALSE;

  text = dup_mark_text (self->data, mark->index, mark->series);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_custom (tooltip, jp_ui_tooltip_label_new (text));
  area.x = (int) floor (mark->bounds.x);
  area.y = (int) floor (mark->bounds.y);
  area.width = (int) ceil (mark->bounds.width);
  area.height = (int) ceil (mark->bounds.height);
  gtk_tooltip_set_tip_area (tooltip, &area);

  return TRUE;
}

static void
jp_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  JpChartView *self = JP_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (jp_chart_view_parent_class)->css_changed (widget, change);

  /* Colour or font: only when the style was computed already. */
  if (self->style != NULL)
    update_style (self);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
jp_chart_view_dispose (GObject *object)
{
  JpChartView *self = JP_CHART_VIEW (object);

  g_clear_pointer (&self->layout, jp_chart_layout_unref);
  g_clear_pointer (&self->data, jp_chart_data_unref);

  G_OBJECT_CLASS (jp_chart_view_parent_class)->dispose (object);
}

static void
jp_chart_view_finalize (GObject *object)
{
  JpChartView *self = JP_CHART_VIEW (object);

  g_clear_pointer (&self->style, jp_chart_style_free);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (jp_chart_view_parent_class)->finalize (object);
}

static void
jp_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JpChartView *self = JP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_INTERACTIVE:
      g_value_set_boolean (value, self->interactive);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JpChartView *self = JP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      jp_chart_view_set_data (self, g_value_get_boxed (value));
      break;
    case PROP_INTERACTIVE:
      jp_chart_view_set_interactive (self, g_value_get_boolean (value));
      break;
    case PROP_LABEL:
      jp_chart_view_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_chart_view_class_init (JpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_chart_view_dispose;
  object_class->finalize = jp_chart_view_finalize;
  object_class->get_property = jp_chart_view_get_property;
  object_class->set_property = jp_chart_view_set_property;

  widget_class->get_request_mode = jp_chart_view_get_request_mode;
  widget_class->measure = jp_chart_view_measure;
  widget_class->size_allocate = jp_chart_view_size_allocate;
  widget_class->snapshot = jp_chart_view_snapshot;
  widget_class->query_tooltip = jp_chart_view_query_tooltip;
  widget_class->css_changed = jp_chart_view_css_changed;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, JP_TYPE_CHART_DATA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERACTIVE] =
    g_param_spec_boolean ("interactive", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpChartView::activate-object:
   * @object: what the clicked mark stands for (JpItem, JpSection, JpLeader …)
   */
  signals[ACTIVATE_OBJECT] =
    g_signal_new ("activate-object",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_css_name (widget_class, "jpchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jp_chart_view_init (JpChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->interactive = TRUE;
  self->hover = -1;
  self->focus = -1;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- public API ------------------------------------------------------------------- */

GtkWidget *
jp_chart_view_new (void)
{
  return g_object_new (JP_TYPE_CHART_VIEW, NULL);
}

JpChartData *
jp_chart_view_get_data (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  return self->data;
}

void
jp_chart_view_set_data (JpChartView *self,
                        JpChartData *data)
{
  g_return_if_fail (JP_IS_CHART_VIEW (self));

  if (self->data == data)
    return;

  if (data != NULL)
    jp_chart_data_ref (data);
  g_clear_pointer (&self->data, jp_chart_data_unref);
  self->data = data;

  g_clear_pointer (&self->layout, jp_chart_layout_unref);
  if (target_object (self, self->hover) == NULL)
    set_hover (self, -1);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

gboolean
jp_chart_view_get_interactive (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), FALSE);

  return self->interactive;
}

void
jp_chart_view_set_interactive (JpChartView *self,
                               gboolean     interactive)
{
  g_return_if_fail (JP_IS_CHART_VIEW (self));

  interactive = !!interactive;
  if (self->interactive == interactive)
    return;

  self->interactive = interactive;
  gtk_widget_set_focusable (GTK_WIDGET (self), interactive);
  set_hover (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTIVE]);
}

const char *
jp_chart_view_get_label (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  return self->label;
}

void
jp_chart_view_set_label (JpChartView *self,
                         const char  *label)
{
  g_return_if_fail (JP_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

JpChartLayout *
jp_chart_view_get_layout (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  return ensure_layout (self);
}

const JpChartStyle *
jp_chart_view_get_style (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  ensure_style (self);
  return self->style;
}

char *
jp_chart_view_dup_tooltip_at (JpChartView *self,
                              double       x,
                              double       y)
{
  const JpChartMark *mark;

  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  if (ensure_layout (self) == NULL)
    return NULL;

  mark = jp_chart_layout_hit_test (self->layout, x, y);
  if (mark == NULL)
    return NULL;

  return dup_mark_text (self->data, mark->index, mark->series);
}

gboolean
jp_chart_view_activate_at (JpChartView *self,
                           double       x,
                           double       y)
{
  const JpChartMark *mark;

  g_return_val_if_fail (JP_IS_CHART_VIEW (self), FALSE);

  if (ensure_layout (self) == NULL)
    return FALSE;

  mark = jp_chart_layout_hit_test (self->layout, x, y);
  if (mark == NULL)
    return FALSE;

  self->focus = mark->index;
  return activate_index (self, mark->index);
}

const char *
jp_chart_view_get_description (JpChartView *self)
{
  g_return_val_if_fail (JP_IS_CHART_VIEW (self), NULL);

  return self->description;
}
