#pragma once

#include <adwaita.h>

#include "jp-report-layout.h"

G_BEGIN_DECLS

#define JP_TYPE_PRINT (jp_print_get_type ())

G_DECLARE_FINAL_TYPE (JpPrint, jp_print, JP, PRINT, GObject)

/* Printing a report (Print…): a GtkPrintOperation whose pages are drawn by
 * the report renderer (jp_report_layout_draw_page), the A4 page scaled to
 * fit the paper and centred on it. Print preview is handled here
 * (::preview): a window of our own (JpPrintPreview) draws the pages with
 * the same renderer, so no external previewer is needed. The print
 * settings are kept for the next print in the session. */
JpPrint           *jp_print_new            (JpReportLayout *layout) G_GNUC_WARN_UNUSED_RESULT;
JpReportLayout    *jp_print_get_layout     (JpPrint        *self);
/* The operation (created by jp_print_new, run once). */
GtkPrintOperation *jp_print_get_operation  (JpPrint        *self);

/* What ::begin-print does: the number of pages for paper of @width ×
 * @height points (the layout's pages, whatever the paper). */
guint              jp_print_begin          (JpPrint        *self,
                                            double          width,
                                            double          height);
/* What ::draw-page does: page @page (0-based) on @cr, whose area is
 * @width × @height points with the origin at its top left corner. */
void               jp_print_draw_page      (JpPrint        *self,
                                            cairo_t        *cr,
                                            double          width,
                                            double          height,
                                            guint           page);
/* The same for any layout (the preview draws with it). */
void               jp_print_draw_layout_page (JpReportLayout *layout,
                                              cairo_t        *cr,
                                              double          width,
                                              double          height,
                                              guint           page);

/* Shows the print dialog over @parent and prints (asynchronously; the
 * object keeps itself alive until the operation is done). An error is
 * shown in a message dialog. */
void               jp_print_run            (JpPrint        *self,
                                            GtkWindow      *parent);
/* Runs the operation with @action (GTK_PRINT_OPERATION_ACTION_PREVIEW
 * opens the preview without a print dialog). */
void               jp_print_run_action     (JpPrint                 *self,
                                            GtkPrintOperationAction  action,
                                            GtkWindow               *parent);
/* The preview window while it is open (borrowed; NULL otherwise). */
GtkWindow         *jp_print_get_preview    (JpPrint        *self);

G_END_DECLS
