#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <pango/pango.h>

#include "jp-output.h"

G_BEGIN_DECLS

/* A generic paged document for cairo: text blocks, headings, tables whose
 * header row repeats on each page and whose rows are never cut across a
 * page, and vector drawings (charts). Units are PDF points (1/72 inch).
 *
 * Two passes: jp_report_layout_paginate() measures every block once (each
 * text is laid out once and its PangoLayout kept) and places it on pages, so
 * the page count is known before anything is drawn; then
 * jp_report_layout_draw_page() or jp_report_layout_write_pdf() draw. The
 * layout holds no reference to the plan: build it on any thread, draw it on
 * one thread at a time. */

#define JP_TYPE_REPORT_LAYOUT (jp_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (JpReportLayout, jp_report_layout, JP, REPORT_LAYOUT, GObject)

#define JP_REPORT_A4_WIDTH  595.28
#define JP_REPORT_A4_HEIGHT 841.89

/* The one family of every report, its charts included, in two weights
 * (Regular and Bold): named explicitly so that fontconfig picks the
 * Simplified Chinese faces whatever the locale. Every face is embedded in
 * the PDF, and cairo reads each font file whole to subset it: one family,
 * two faces, keeps the export small and fast. */
#define JP_REPORT_FONT_SANS  "Noto Sans CJK SC"

typedef enum
{
  JP_REPORT_TEXT_TITLE,     /* document title (title block) */
  JP_REPORT_TEXT_SUBTITLE,  /* organisations, report kind, date (title block) */
  JP_REPORT_TEXT_HEADING,   /* 一、… : keeps with what follows */
  JP_REPORT_TEXT_SUBHEADING,/* an item's caption before its indicators */
  JP_REPORT_TEXT_BODY,
  JP_REPORT_TEXT_NOTE,      /* small grey print */
} JpReportTextStyle;

typedef struct
{
  const char     *title;   /* header cell (plain text; NULL = empty) */
  double          width;   /* fixed width in points (0 = none) */
  double          expand;  /* share of the width left by fixed columns */
  PangoAlignment  align;
  gboolean        numeric; /* tabular figures */
} JpReportColumn;

typedef struct _JpReportTable JpReportTable;

typedef void (*JpReportDrawFunc)     (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gpointer  user_data);
/* Called after each page is written: @page is 1-based. */
typedef void (*JpReportProgressFunc) (guint     page,
                                      guint     n_pages,
                                      gpointer  user_data);

JpReportLayout *jp_report_layout_new              (gboolean            landscape) G_GNUC_WARN_UNUSED_RESULT;

void            jp_report_layout_get_page_size    (JpReportLayout     *self,
                                                   double             *width,
                                                   double             *height);
/* Width of the text area, between the margins. */
double          jp_report_layout_get_content_width (JpReportLayout    *self);
/* Top and bottom of the text area on every page (below the running head,
 * above the footer). */
void            jp_report_layout_get_body_area   (JpReportLayout     *self,
                                                   double             *top,
                                                   double             *bottom);

/* The Pango context every text of the layout is set with (PDF points,
 * unhinted, zh-cn): lay out text drawn into the report (charts) with it,
 * so that the fonts loaded for the report serve it too. Borrowed. */
PangoContext   *jp_report_layout_get_pango_context (JpReportLayout   *self);

/* PDF metadata. */
void            jp_report_layout_set_title        (JpReportLayout     *self,
                                                   const char         *title);
void            jp_report_layout_set_creator      (JpReportLayout     *self,
                                                   const char         *creator);
/* Running head: @left and @right (plain text) on every page. */
void            jp_report_layout_set_header       (JpReportLayout     *self,
                                                   const char         *left,
                                                   const char         *right);
/* Footer of every page: @left (plain text) and the page number, as
 * @page_format with the page and the page count ("Page %d of %d"). */
void            jp_report_layout_set_footer       (JpReportLayout     *self,
                                                   const char         *left,
                                                   const char         *page_format);

/* Blocks, in reading order. Texts are Pango markup: escape plain text with
 * g_markup_escape_text(). */
void            jp_report_layout_add_text         (JpReportLayout     *self,
                                                   JpReportTextStyle   style,
                                                   PangoAlignment      align,
                                                   const char         *markup);
void            jp_report_layout_add_space        (JpReportLayout     *self,
                                                   double              height);
void            jp_report_layout_add_page_break   (JpReportLayout     *self);
/* A drawing of @width × @height points at the left margin (@width 0 = the
 * whole content width), never cut across pages. @func draws with the origin
 * at the top left corner of its rectangle. */
void            jp_report_layout_add_drawing      (JpReportLayout     *self,
                                                   double              width,
                                                   double              height,
                                                   JpReportDrawFunc    func,
                                                   gpointer            user_data,
                                                   GDestroyNotify      destroy);
/* A bookmark (PDF outline entry) pointing at the next block. @level 0 is
 * the top level. */
void            jp_report_layout_add_outline      (JpReportLayout     *self,
                                                   guint               level,
                                                   const char         *title);
/* The block added last starts a page only with (the start of) the next
 * one: a chart with its table, a caption with its figure. Headings always
 * keep with what follows. */
void            jp_report_layout_keep_with_next   (JpReportLayout     *self);
/* A table spanning the content width. Borrowed: it lives as long as the
 * layout. */
JpReportTable  *jp_report_layout_add_table        (JpReportLayout     *self,
                                                   const JpReportColumn *columns,
                                                   guint               n_columns);
/* A line (Pango markup) drawn above the repeated header on the pages
 * where the table continues ("Table 3 (continued)"). */
void            jp_report_table_set_continuation  (JpReportTable      *table,
                                                   const char         *markup);
/* Appends a row of @n_columns cells (Pango markup, NULL = empty); returns
 * its index. */
guint           jp_report_table_add_row           (JpReportTable      *table,
                                                   const char * const *cells);

/* First pass: measures and places every block. Called by the functions
 * below when needed; adding a block afterwards paginates again. */
guint           jp_report_layout_paginate         (JpReportLayout     *self);
guint           jp_report_layout_get_n_pages      (JpReportLayout     *self);
/* Second pass: draws page @page (0-based) on @cr, in points, the page's top
 * left corner at the origin (a PDF page or a printer's page). */
void            jp_report_layout_draw_page        (JpReportLayout     *self,
                                                   cairo_t            *cr,
                                                   guint               page);
/* Writes the PDF at @path atomically (a temporary file in the same folder,
 * renamed when complete); checks @cancellable between pages. Errors are
 * JP_REPORT_ERROR_WRITE or JP_REPORT_ERROR_CANCELLED. */
gboolean        jp_report_layout_write_pdf        (JpReportLayout     *self,
                                                   const char         *path,
                                                   JpReportProgressFunc progress,
                                                   gpointer            user_data,
                                                   GCancellable       *cancellable,
                                                   GError            **error);
/* The same into @output (jp-output.h), flushed and closed but not
 * committed: the caller renames it into place with jp_output_commit(). */
gboolean        jp_report_layout_write_pdf_output (JpReportLayout     *self,
                                                   JpOutput           *output,
                                                   JpReportProgressFunc progress,
                                                   gpointer            user_data,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* What the pagination did (tests, previews). */
guint           jp_report_layout_get_n_tables     (JpReportLayout     *self);
JpReportTable  *jp_report_layout_get_table        (JpReportLayout     *self,
                                                   guint               index);
guint           jp_report_table_get_n_rows        (JpReportTable      *table);
guint           jp_report_table_get_n_columns     (JpReportTable      *table);
const char     *jp_report_table_get_column_title  (JpReportTable      *table,
                                                   guint               column);
/* The cell's text without markup. */
const char     *jp_report_table_get_cell_text     (JpReportTable      *table,
                                                   guint               row,
                                                   guint               column);
/* Page (0-based) and vertical extent on it of a row, once paginated. */
guint           jp_report_table_get_row_page      (JpReportTable      *table,
                                                   guint               row);
void            jp_report_table_get_row_extent    (JpReportTable      *table,
                                                   guint               row,
                                                   double             *y,
                                                   double             *height);

G_END_DECLS
