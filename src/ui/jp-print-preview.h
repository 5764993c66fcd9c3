#pragma once

#include <adwaita.h>

#include "jp-report-layout.h"

G_BEGIN_DECLS

#define JP_TYPE_PRINT_PREVIEW (jp_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (JpPrintPreview, jp_print_preview, JP, PRINT_PREVIEW, AdwWindow)

/* The print preview: the pages of @layout, one at a time, drawn by the
 * report renderer as they will print (jp_print_draw_layout_page).
 * Page Up/Page Down (or the arrows of the header bar) turn the pages;
 * "print" asks to print them (the Print… button). */
JpPrintPreview *jp_print_preview_new         (JpReportLayout *layout) G_GNUC_WARN_UNUSED_RESULT;
/* "page": the page shown (0-based). */
guint           jp_print_preview_get_page    (JpPrintPreview *self);
void            jp_print_preview_set_page    (JpPrintPreview *self,
                                              guint           page);
guint           jp_print_preview_get_n_pages (JpPrintPreview *self);

G_END_DECLS
