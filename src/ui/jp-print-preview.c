#define G_LOG_DOMAIN "jp-print-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jp-print-preview.h"
#include "jp-print.h"

#define PAGE_MARGIN 24.0 /* pixels around the page */

struct _JpPrintPreview
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDrawingArea *page_area;

  JpReportLayout *layout; /* Owned */
  guint           page;
};

G_DEFINE_FINAL_TYPE (JpPrintPreview, jp_print_preview, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

enum {
  PRINT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update (JpPrintPreview *self)
{
  guint n_pages = jp_print_preview_get_n_pages (self);
  g_autofree char *subtitle = NULL;

  /* Translators: the page shown in the print preview, and the page count */
  subtitle = g_strdup_printf (_("Page %u of %u"), MIN (self->page + 1, n_pages), n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  JpPrintPreview *self = user_data;
  double page_width, page_height, scale, x, y;

  if (self->layout == NULL || jp_print_preview_get_n_pages (self) == 0)
    return;

  jp_report_layout_get_page_size (self->layout, &page_width, &page_height);
  scale = MIN ((width - 2 * PAGE_MARGIN) / page_width, (height - 2 * PAGE_MARGIN) / page_height);
  if (scale <= 0)
    return;

  /* A grey desk under the sheet, in light and dark styles. */
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.25);
  cairo_paint (cr);

  x = floor ((width - page_width * scale) / 2);
  y = floor ((height - page_height * scale) / 2);

  /* The sheet: a soft shadow, then white paper. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  jp_print_draw_layout_page (self->layout, cr, page_width * scale, page_height * scale, self->page);
  cairo_restore (cr);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JpPrintPreview *self = JP_PRINT_PREVIEW (widget);

  if (self->page > 0)
    jp_print_preview_set_page (self, self->page - 1);
}

static void
next_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JpPrintPreview *self = JP_PRINT_PREVIEW (widget);

  jp_print_preview_set_page (self, self->page + 1);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  g_signal_emit (widget, signals[PRINT], 0);
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
jp_print_preview_dispose (GObject *object)
{
  JpPrintPreview *self = (JpPrintPreview *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (jp_print_preview_parent_class)->dispose (object);
}

static void
jp_print_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JpPrintPreview *self = JP_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_print_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JpPrintPreview *self = JP_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      jp_print_preview_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_print_preview_class_init (JpPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_print_preview_dispose;
  object_class->get_property = jp_print_preview_get_property;
  object_class->set_property = jp_print_preview_set_property;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PRINT] =
    g_signal_new ("print",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/jinfeng/plan/ui/jp-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, JpPrintPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "preview.close", NULL, close_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "preview.close", NULL);
}

static void
jp_print_preview_init (JpPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_cb, self, NULL);
}

JpPrintPreview *
jp_print_preview_new (JpReportLayout *layout)
{
  JpPrintPreview *self;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (layout), NULL);

  self = g_object_new (JP_TYPE_PRINT_PREVIEW, NULL);
  self->layout = g_object_ref (layout);
  jp_report_layout_paginate (layout);
  update (self);

  return self;
}

guint
jp_print_preview_get_page (JpPrintPreview *self)
{
  g_return_val_if_fail (JP_IS_PRINT_PREVIEW (self), 0);

  return self->page;
}

void
jp_print_preview_set_page (JpPrintPreview *self,
                           guint           page)
{
  guint n_pages;

  g_return_if_fail (JP_IS_PRINT_PREVIEW (self));

  n_pages = jp_print_preview_get_n_pages (self);
  page = n_pages > 0 ? MIN (page, n_pages - 1) : 0;
  if (self->page == page)
    return;

  self->page = page;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
jp_print_preview_get_n_pages (JpPrintPreview *self)
{
  g_return_val_if_fail (JP_IS_PRINT_PREVIEW (self), 0);

  return self->layout != NULL ? jp_report_layout_get_n_pages (self->layout) : 0;
}
