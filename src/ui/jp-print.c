/* jp-print.c: Print… through GtkPrintOperation, with the report renderer
 *
 * The report is laid out once (jp_report_build, in the export dialog's
 * thread); ::begin-print gives its page count and ::draw-page draws each
 * A4 page scaled to the paper. ::preview opens JpPrintPreview, which draws
 * the same pages, instead of GTK's external previewer (evince). */

#define G_LOG_DOMAIN "jp-print"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-print-preview.h"
#include "jp-print.h"

struct _JpPrint
{
  GObject            parent_instance;

  JpReportLayout    *layout;     /* Owned */
  GtkPrintOperation *operation;  /* Owned */
  GtkWindow         *parent;     /* Weak */
  GtkWindow         *preview;    /* Weak: the preview window while open */
  gboolean           running;    /* holds a reference to itself */
};

G_DEFINE_FINAL_TYPE (JpPrint, jp_print, G_TYPE_OBJECT)

/* The settings of the last print, for the next one (per session). */
static GtkPrintSettings *last_settings;

/* ---- drawing ------------------------------------------------------------ */

void
jp_print_draw_layout_page (JpReportLayout *layout,
                           cairo_t        *cr,
                           double          width,
                           double          height,
                           guint           page)
{
  double page_width, page_height, scale;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  jp_report_layout_get_page_size (layout, &page_width, &page_height);
  if (width <= 0 || height <= 0 || page_width <= 0 || page_height <= 0)
    return;

  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  jp_report_layout_draw_page (layout, cr, page);
  cairo_restore (cr);
}

/* ---- the operation's signals -------------------------------------------- */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   JpPrint           *self)
{
  guint n_pages = jp_print_begin (self, gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (1, (int) n_pages));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 JpPrint           *self)
{
  jp_print_draw_page (self, gtk_print_context_get_cairo_context (context),
                      gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context), (guint) page);
}

static void
on_preview_print_cb (JpPrintPreview *preview,
                     JpPrint        *self)
{
  g_autoptr(JpPrint) again = jp_print_new (self->layout);
  GtkWindow *parent = self->parent;

  gtk_window_destroy (GTK_WINDOW (preview));
  jp_print_run (again, parent);
}

static void
on_preview_destroy_cb (GtkWidget *preview,
                       JpPrint   *self)
{
  /* Ends the operation (end-print, done). */
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (self->operation));
}

static gboolean
on_preview_cb (GtkPrintOperation        *operation,
               GtkPrintOperationPreview *preview,
               GtkPrintContext          *context,
               GtkWindow                *parent,
               JpPrint                  *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  JpPrintPreview *window;

  /* GTK needs a cairo context to paginate with; the pages themselves are
   * drawn by the preview window. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  window = jp_print_preview_new (self->layout);
  if (parent == NULL)
    parent = self->parent;
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }
  g_set_weak_pointer (&self->preview, GTK_WINDOW (window));
  g_signal_connect_object (window, "print", G_CALLBACK (on_preview_print_cb), self, 0);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_preview_destroy_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
show_error (JpPrint      *self,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (self->parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish (JpPrint *self)
{
  if (!self->running)
    return;

  self->running = FALSE;
  g_object_unref (self);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            JpPrint                 *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
    }

  finish (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_print_dispose (GObject *object)
{
  JpPrint *self = (JpPrint *) object;

  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  g_clear_weak_pointer (&self->preview);
  g_clear_weak_pointer (&self->parent);
  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (jp_print_parent_class)->dispose (object);
}

static void
jp_print_class_init (JpPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_print_dispose;
}

static void
jp_print_init (JpPrint *self)
{
}

/* ---- public API --------------------------------------------------------- */

JpPrint *
jp_print_new (JpReportLayout *layout)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  double width, height;
  JpPrint *self;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (layout), NULL);

  self = g_object_new (JP_TYPE_PRINT, NULL);
  self->layout = g_object_ref (layout);
  jp_report_layout_paginate (layout);

  /* The report's own paper and orientation by default; any other paper
   * gets the pages scaled to fit. */
  jp_report_layout_get_page_size (layout, &width, &height);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);

  self->operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (self->operation, setup);
  gtk_print_operation_set_use_full_page (self->operation, TRUE);
  gtk_print_operation_set_unit (self->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (self->operation, TRUE);
  gtk_print_operation_set_allow_async (self->operation, TRUE);
  gtk_print_operation_set_job_name (self->operation, _("Work Plan Report"));
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (self->operation, last_settings);

  g_signal_connect_object (self->operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (self->operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (self->operation, "preview", G_CALLBACK (on_preview_cb), self, 0);
  g_signal_connect_object (self->operation, "done", G_CALLBACK (on_done_cb), self, 0);

  return self;
}

JpReportLayout *
jp_print_get_layout (JpPrint *self)
{
  g_return_val_if_fail (JP_IS_PRINT (self), NULL);

  return self->layout;
}

GtkPrintOperation *
jp_print_get_operation (JpPrint *self)
{
  g_return_val_if_fail (JP_IS_PRINT (self), NULL);

  return self->operation;
}

guint
jp_print_begin (JpPrint *self,
                double   width,
                double   height)
{
  g_return_val_if_fail (JP_IS_PRINT (self), 0);

  /* The pages are the layout's on any paper: they are scaled, not laid
   * out again, so that print and PDF have the same pages. */
  return jp_report_layout_paginate (self->layout);
}

void
jp_print_draw_page (JpPrint *self,
                    cairo_t *cr,
                    double   width,
                    double   height,
                    guint    page)
{
  g_return_if_fail (JP_IS_PRINT (self));

  if (page >= jp_report_layout_get_n_pages (self->layout))
    return;

  jp_print_draw_layout_page (self->layout, cr, width, height, page);
}

void
jp_print_run_action (JpPrint                 *self,
                     GtkPrintOperationAction  action,
                     GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (JP_IS_PRINT (self));
  g_return_if_fail (!self->running);

  g_set_weak_pointer (&self->parent, parent);
  self->running = TRUE;
  g_object_ref (self);

  result = gtk_print_operation_run (self->operation, action, parent, &error);
  /* Unless ::done told it already. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->running)
    {
      if (error != NULL)
        show_error (self, error);
      finish (self);
    }
}

void
jp_print_run (JpPrint   *self,
              GtkWindow *parent)
{
  jp_print_run_action (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent);
}

GtkWindow *
jp_print_get_preview (JpPrint *self)
{
  g_return_val_if_fail (JP_IS_PRINT (self), NULL);

  return self->preview;
}
