#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include "jp-report-layout.h"

#include "jp-report.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <string.h>
#include <unistd.h>

/* Page geometry, in points. */
#define MARGIN_X          56.0   /* 2 cm */
#define HEADER_BASELINE   34.0   /* running head, from the top edge */
#define HEADER_RULE       40.0
#define BODY_TOP          58.0
#define BODY_BOTTOM_GAP   58.0   /* from the bottom edge */
#define FOOTER_RULE_GAP   48.0
#define FOOTER_BASELINE   34.0   /* from the bottom edge */

#define TABLE_FONT_SIZE   9.0
#define TABLE_PAD_X       3.5
#define TABLE_PAD_Y       3.0
#define TABLE_SPACE_AFTER 8.0
#define DRAWING_SPACE     6.0
#define RULE_WIDTH        0.5
#define FRAME_WIDTH       0.8

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
  BLOCK_DRAWING,
  BLOCK_TABLE,
  BLOCK_OUTLINE,
} BlockKind;

typedef struct
{
  PangoLayout **cells;  /* n_columns, owned */
  double        height;
  guint         page;
  double        y;
} Row;

struct _JpReportTable
{
  JpReportLayout *layout;  /* borrowed: the layout owns the table */
  guint           n_columns;
  JpReportColumn *columns; /* titles owned */
  double         *x;       /* left edge of each column, from the margin */
  double         *w;
  PangoLayout   **header;
  double          header_height;
  GPtrArray      *rows;    /* Row */
  guint           n_measured;
  char           *continuation; /* markup above the header on later pages */
  PangoLayout    *continuation_layout;
  double          continuation_height;
};

typedef struct
{
  BlockKind          kind;
  JpReportTextStyle  style;
  PangoAlignment     align;
  char              *markup;
  PangoLayout       *layout;
  guint              n_lines;
  double            *line_top; /* n_lines + 1: top of each line, then the bottom */
  double             height;
  double             width;
  JpReportDrawFunc   func;
  gpointer           user_data;
  GDestroyNotify     destroy;
  JpReportTable     *table;
  gboolean           keep_with_next;
  guint              level;
  guint              outline_page;
  double             outline_y;
} Block;

typedef enum
{
  PLACE_TEXT,
  PLACE_DRAWING,
  PLACE_TABLE,
} PlaceKind;

typedef struct
{
  PlaceKind  kind;
  Block     *block;
  guint      first; /* lines or rows [first, last) */
  guint      last;
  double     y;
  gboolean   continued; /* a table's later page: caption, then header */
} Placement;

struct _JpReportLayout
{
  GObject       parent_instance;

  gboolean      landscape;
  double        page_width;
  double        page_height;
  char         *title;
  char         *creator;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  char         *page_format;

  PangoContext *context;
  PangoLayout  *header_layouts[3]; /* left, right, footer left */
  GHashTable   *cell_layouts; /* format and markup → PangoLayout: shared table cells */
  GHashTable   *fonts;        /* size and weight → PangoFontDescription */

  GPtrArray    *blocks;      /* Block */
  GPtrArray    *tables;      /* JpReportTable, borrowed from blocks */
  GPtrArray    *pages;       /* GArray of Placement */
  gboolean      paginated;
};

G_DEFINE_FINAL_TYPE (JpReportLayout, jp_report_layout, G_TYPE_OBJECT)

typedef struct
{
  double      size;
  PangoWeight weight;
  double      space_before;
  double      space_after;
  double      grey;
  gboolean    keep_with_next;
} TextStyleInfo;

static const TextStyleInfo text_styles[] = {
  [JP_REPORT_TEXT_TITLE]      = { 20.0, PANGO_WEIGHT_BOLD,   4.0,  8.0, 0.0,  TRUE  },
  [JP_REPORT_TEXT_SUBTITLE]   = { 11.0, PANGO_WEIGHT_NORMAL, 2.0,  2.0, 0.15, TRUE  },
  [JP_REPORT_TEXT_HEADING]    = { 13.0, PANGO_WEIGHT_BOLD,  14.0,  6.0, 0.0,  TRUE  },
  [JP_REPORT_TEXT_SUBHEADING] = { 10.0, PANGO_WEIGHT_BOLD,   6.0,  4.0, 0.0,  TRUE  },
  [JP_REPORT_TEXT_BODY]       = { 10.0, PANGO_WEIGHT_NORMAL, 2.0,  4.0, 0.0,  FALSE },
  [JP_REPORT_TEXT_NOTE]       = {  8.5, PANGO_WEIGHT_NORMAL, 0.0,  4.0, 0.35, FALSE },
};

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->cells != NULL)
    {
      for (guint i = 0; row->cells[i] != NULL; i++)
        g_object_unref (row->cells[i]);
      g_free (row->cells);
    }
  g_free (row);
}

static void
table_free (JpReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_free ((char *) table->columns[i].title);
      if (table->header != NULL)
        g_clear_object (&table->header[i]);
    }
  g_free (table->columns);
  g_free (table->header);
  g_free (table->x);
  g_free (table->w);
  g_ptr_array_unref (table->rows);
  g_free (table->continuation);
  g_clear_object (&table->continuation_layout);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_clear_object (&block->layout);
  g_free (block->line_top);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

/* The report's one family at @size and @weight: one description per size
 * and weight for the whole document (borrowed). */
static const PangoFontDescription *
get_font (JpReportLayout *self,
          double          size,
          PangoWeight     weight)
{
  int pango_size = (int) (size * PANGO_SCALE);
  gpointer key = GINT_TO_POINTER (pango_size * 2 + (weight >= PANGO_WEIGHT_SEMIBOLD ? 1 : 0));
  PangoFontDescription *desc = g_hash_table_lookup (self->fonts, key);

  if (desc == NULL)
    {
      desc = pango_font_description_new ();
      pango_font_description_set_family_static (desc, JP_REPORT_FONT_SANS);
      pango_font_description_set_absolute_size (desc, pango_size);
      /* Regular or Bold: two faces of one family in the whole PDF. */
      pango_font_description_set_weight (desc, weight >= PANGO_WEIGHT_SEMIBOLD ?
                                               PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      g_hash_table_insert (self->fonts, key, desc);
    }
  return desc;
}

/* @features: OpenType features of the whole text ("tnum=1"), or NULL. */
static PangoLayout *
make_layout_full (JpReportLayout *self,
                  double          size,
                  PangoWeight     weight,
                  double          width,
                  PangoAlignment  align,
                  const char     *markup,
                  const char     *features)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, get_font (self, size, weight));
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (markup != NULL && *markup != '\0' && strpbrk (markup, "<&") == NULL)
    {
      /* Plain text (most cells): the same as the markup below without
       * parsing it. */
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      if (features != NULL)
        pango_attr_list_insert (attrs, pango_attr_font_features_new (features));
      pango_layout_set_text (layout, markup, -1);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else if (markup != NULL && *markup != '\0')
    {
      /* No hyphen added where a Latin word is broken: the text stays as
       * written (and as pdftotext reads it back). */
      g_autofree char *wrapped = NULL;

      if (features != NULL)
        wrapped = g_strdup_printf ("<span insert_hyphens=\"false\"><span font_features=\"%s\">%s</span></span>",
                                   features, markup);
      else
        wrapped = g_strconcat ("<span insert_hyphens=\"false\">", markup, "</span>", NULL);
      pango_layout_set_markup (layout, wrapped, -1);
    }
  return layout;
}

static PangoLayout *
make_layout (JpReportLayout *self,
             double          size,
             PangoWeight     weight,
             double          width,
             PangoAlignment  align,
             const char     *markup)
{
  return make_layout_full (self, size, weight, width, align, markup, NULL);
}

/* Table cells repeat (status words, names, targets, the header of every
 * indicator table): one layout per distinct text and format, shared by the
 * cells that show it, so that each is built and measured once. A new
 * reference. */
static PangoLayout *
make_shared_layout (JpReportLayout *self,
                    PangoWeight     weight,
                    double          width,
                    PangoAlignment  align,
                    const char     *markup,
                    const char     *features)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  key = g_strdup_printf ("%d %d %d %s %s", (int) weight, (int) (width * PANGO_SCALE), (int) align,
                         features != NULL ? features : "", markup != NULL ? markup : "");
  layout = g_hash_table_lookup (self->cell_layouts, key);
  if (layout == NULL)
    {
      layout = make_layout_full (self, TABLE_FONT_SIZE, weight, width, align,
                                 markup, features);
      g_hash_table_insert (self->cell_layouts, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static GArray *
current_page (JpReportLayout *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static GArray *
new_page (JpReportLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static double
body_top (JpReportLayout *self)
{
  return BODY_TOP;
}

static double
body_bottom (JpReportLayout *self)
{
  return self->page_height - BODY_BOTTOM_GAP;
}

static void
invalidate (JpReportLayout *self)
{
  self->paginated = FALSE;
}

/* Measuring (first pass, once per block) */

static void
measure_text (JpReportLayout *self,
              Block          *block)
{
  const TextStyleInfo *info = &text_styles[block->style];
  PangoLayoutIter *iter;
  guint i = 0;

  if (block->layout != NULL)
    return;

  block->layout = make_layout (self, info->size, info->weight,
                               jp_report_layout_get_content_width (self),
                               block->align, block->markup);
  block->n_lines = pango_layout_get_line_count (block->layout);
  block->line_top = g_new0 (double, block->n_lines + 1);
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      block->line_top[i] = (double) logical.y / PANGO_SCALE;
      block->line_top[i + 1] = (double) (logical.y + logical.height) / PANGO_SCALE;
      i++;
    }
  while (i < block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  block->height = block->line_top[block->n_lines];
}

static PangoLayout *
make_cell_layout (JpReportLayout *self,
                  JpReportTable  *table,
                  guint           column,
                  PangoWeight     weight,
                  const char     *markup)
{
  const JpReportColumn *col = &table->columns[column];

  /* Figures of numeric columns in tabular widths, so that they line up. */
  return make_shared_layout (self, weight, table->w[column] - 2 * TABLE_PAD_X, col->align, markup,
                             col->numeric ? "tnum=1" : NULL);
}

/* The line above the header on the pages where @table continues: laid
 * out only when needed (a caption per table, mostly never shown, was a
 * twelfth of a long summary's time). */
static void
measure_continuation (JpReportLayout *self,
                      JpReportTable  *table)
{
  if (table->continuation == NULL || table->continuation_layout != NULL)
    return;

  table->continuation_layout = make_layout (self, 8.5, PANGO_WEIGHT_NORMAL,
                                            jp_report_layout_get_content_width (self),
                                            PANGO_ALIGN_LEFT, table->continuation);
  table->continuation_height = layout_height (table->continuation_layout) + 2;
}

static void
measure_table (JpReportLayout *self,
               JpReportTable  *table)
{
  double content = jp_report_layout_get_content_width (self);
  double room, max_row;

  if (table->header == NULL)
    {
      double fixed = 0, expand = 0, x = 0;

      for (guint i = 0; i < table->n_columns; i++)
        {
          fixed += table->columns[i].width;
          expand += table->columns[i].expand;
        }
      for (guint i = 0; i < table->n_columns; i++)
        {
          double w = table->columns[i].width;

          if (expand > 0)
            w += MAX (content - fixed, 0) * table->columns[i].expand / expand;
          else if (fixed > 0)
            w *= content / fixed;
          table->x[i] = x;
          table->w[i] = w;
          x += w;
        }

      table->header = g_new0 (PangoLayout *, table->n_columns);
      table->header_height = 0;
      for (guint i = 0; i < table->n_columns; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (table->columns[i].title != NULL ?
                                                           table->columns[i].title : "", -1);
          PangoAlignment align = table->columns[i].align;

          /* Headings of text columns centred, of numbers over the numbers. */
          table->header[i] = make_shared_layout (self, PANGO_WEIGHT_BOLD,
                                                 table->w[i] - 2 * TABLE_PAD_X,
                                                 align == PANGO_ALIGN_LEFT ? PANGO_ALIGN_CENTER : align,
                                                 escaped, NULL);
          table->header_height = MAX (table->header_height,
                                      layout_height (table->header[i]) + 2 * TABLE_PAD_Y);
        }
    }

  /* A row never spans pages; one taller than a whole page (which real plans
   * never have) is shortened with an ellipsis rather than cut. */
  room = body_bottom (self) - body_top (self) - table->header_height;
  max_row = room - table->continuation_height;
  for (guint r = table->n_measured; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      row->height = 0;
      for (guint i = 0; i < table->n_columns; i++)
        {
          double h = layout_height (row->cells[i]) + 2 * TABLE_PAD_Y;

          /* The continuation line above the header of a later page
           * matters only for a row that nearly fills a page. */
          if (h > room / 2)
            {
              measure_continuation (self, table);
              max_row = room - table->continuation_height;
            }
          if (h > max_row)
            {
              pango_layout_set_ellipsize (row->cells[i], PANGO_ELLIPSIZE_END);
              pango_layout_set_height (row->cells[i],
                                       (int) ((max_row - 2 * TABLE_PAD_Y) * PANGO_SCALE));
              h = layout_height (row->cells[i]) + 2 * TABLE_PAD_Y;
            }
          row->height = MAX (row->height, h);
        }
    }
  table->n_measured = table->rows->len;
}

static void
measure_block (JpReportLayout *self,
               Block          *block)
{
  switch (block->kind)
    {
    case BLOCK_TEXT:
      measure_text (self, block);
      break;
    case BLOCK_TABLE:
      measure_table (self, block->table);
      break;
    case BLOCK_DRAWING:
      block->height = MIN (block->height, body_bottom (self) - body_top (self));
      break;
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    case BLOCK_OUTLINE:
    default:
      break;
    }
}

/* Pagination */

/* The height that must fit on a page for block @i to start there: a
 * heading brings what follows it; a paragraph its first two lines; a table
 * its header and first row. */
static double
needed_height (JpReportLayout *self,
               guint           i)
{
  Block *block;

  if (i >= self->blocks->len)
    return 0;
  block = g_ptr_array_index (self->blocks, i);
  switch (block->kind)
    {
    case BLOCK_TEXT:
      {
        const TextStyleInfo *info = &text_styles[block->style];

        if (info->keep_with_next || block->keep_with_next)
          return block->height + info->space_after + needed_height (self, i + 1);
        return block->line_top[MIN (block->n_lines, 2)];
      }
    case BLOCK_TABLE:
      {
        JpReportTable *table = block->table;
        double h = table->header_height;

        if (table->rows->len > 0)
          h += ((Row *) g_ptr_array_index (table->rows, 0))->height;
        return h;
      }
    case BLOCK_DRAWING:
      if (block->keep_with_next)
        return block->height + DRAWING_SPACE + needed_height (self, i + 1);
      return block->height;
    case BLOCK_OUTLINE:
      return needed_height (self, i + 1);
    case BLOCK_SPACE:
      return block->height + needed_height (self, i + 1);
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
place (JpReportLayout *self,
       PlaceKind       kind,
       Block          *block,
       guint           first,
       guint           last,
       double          y,
       GPtrArray      *pending_outlines)
{
  Placement p = { kind, block, first, last, y, FALSE };

  g_array_append_val (current_page (self), p);
  for (guint i = 0; i < pending_outlines->len; i++)
    {
      Block *outline = g_ptr_array_index (pending_outlines, i);

      outline->outline_page = self->pages->len - 1;
      outline->outline_y = y;
    }
  g_ptr_array_set_size (pending_outlines, 0);
}

static void
mark_continued (JpReportLayout *self)
{
  GArray *page = current_page (self);

  g_array_index (page, Placement, page->len - 1).continued = TRUE;
}

guint
jp_report_layout_paginate (JpReportLayout *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  double top, bottom, y;
  gboolean empty = TRUE;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), 0);

  if (self->paginated)
    return self->pages->len;

  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, g_ptr_array_index (self->blocks, i));

  pending = g_ptr_array_new ();
  g_ptr_array_set_size (self->pages, 0);
  new_page (self);
  top = body_top (self);
  bottom = body_bottom (self);
  y = top;

#define NEW_PAGE() G_STMT_START { new_page (self); y = top; empty = TRUE; } G_STMT_END

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!empty)
            NEW_PAGE ();
          break;

        case BLOCK_SPACE:
          if (!empty)
            y += block->height;
          if (y > bottom)
            NEW_PAGE ();
          break;

        case BLOCK_OUTLINE:
          block->outline_page = self->pages->len - 1;
          block->outline_y = y;
          g_ptr_array_add (pending, block);
          break;

        case BLOCK_TEXT:
          {
            const TextStyleInfo *info = &text_styles[block->style];
            double before = empty ? 0 : info->space_before;
            guint first = 0;

            if (!empty && y + before + needed_height (self, i) > bottom)
              {
                NEW_PAGE ();
                before = 0;
              }
            y += before;
            /* Split between lines when the paragraph does not fit. */
            for (guint l = 0; l < block->n_lines; l++)
              {
                double line_h = block->line_top[l + 1] - block->line_top[l];
                double used = block->line_top[l] - block->line_top[first];

                if (y + used + line_h > bottom && (l > first || !empty))
                  {
                    if (l > first)
                      place (self, PLACE_TEXT, block, first, l, y, pending);
                    NEW_PAGE ();
                    first = l;
                  }
              }
            place (self, PLACE_TEXT, block, first, block->n_lines, y, pending);
            y += block->line_top[block->n_lines] - block->line_top[first] + info->space_after;
            empty = FALSE;
          }
          break;

        case BLOCK_DRAWING:
          if (!empty && y + block->height > bottom)
            NEW_PAGE ();
          place (self, PLACE_DRAWING, block, 0, 0, y, pending);
          y += block->height + DRAWING_SPACE;
          empty = FALSE;
          break;

        case BLOCK_TABLE:
          {
            JpReportTable *table = block->table;
            guint first = 0;
            double row_y;

            if (!empty && y + needed_height (self, i) > bottom)
              NEW_PAGE ();
            row_y = y + table->header_height;
            for (guint r = 0; r < table->rows->len; r++)
              {
                Row *row = g_ptr_array_index (table->rows, r);

                if (row_y + row->height > bottom && r > first)
                  {
                    place (self, PLACE_TABLE, block, first, r, y, pending);
                    if (first > 0)
                      mark_continued (self);
                    NEW_PAGE ();
                    first = r;
                    measure_continuation (self, table);
                    row_y = y + table->continuation_height + table->header_height;
                  }
                row->page = self->pages->len - 1;
                row->y = row_y;
                row_y += row->height;
              }
            place (self, PLACE_TABLE, block, first, table->rows->len, y, pending);
            if (first > 0)
              mark_continued (self);
            y = row_y + TABLE_SPACE_AFTER;
            empty = FALSE;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

#undef NEW_PAGE

  /* A document ending in a page break or space has no empty last page. */
  if (self->pages->len > 1 && current_page (self)->len == 0)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);
  for (guint i = 0; i < pending->len; i++)
    {
      Block *outline = g_ptr_array_index (pending, i);

      outline->outline_page = MIN (outline->outline_page, self->pages->len - 1);
    }

  self->paginated = TRUE;
  return self->pages->len;
}

/* Drawing (second pass) */

static void
draw_text_lines (JpReportLayout *self,
                 cairo_t        *cr,
                 Block          *block,
                 guint           first,
                 guint           last,
                 double          y)
{
  const TextStyleInfo *info = &text_styles[block->style];
  PangoLayoutIter *iter;
  guint i = 0;

  cairo_set_source_rgb (cr, info->grey, info->grey, info->grey);
  if (first == 0 && last == block->n_lines)
    {
      cairo_move_to (cr, MARGIN_X, y);
      pango_cairo_show_layout (cr, block->layout);
      return;
    }

  iter = pango_layout_get_iter (block->layout);
  do
    {
      if (i >= first && i < last)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, MARGIN_X + (double) logical.x / PANGO_SCALE,
                         y + baseline - block->line_top[first]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_cells (cairo_t        *cr,
            JpReportTable  *table,
            PangoLayout   **cells,
            double          y,
            double          height)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      double h = layout_height (cells[i]);

      /* Vertically centred, as forms are. */
      cairo_move_to (cr, MARGIN_X + table->x[i] + TABLE_PAD_X, y + (height - h) / 2);
      pango_cairo_show_layout (cr, cells[i]);
    }
}

static void
draw_table (JpReportLayout *self,
            cairo_t        *cr,
            JpReportTable  *table,
            guint           first,
            guint           last,
            double          y,
            gboolean        continued)
{
  double width = table->x[table->n_columns - 1] + table->w[table->n_columns - 1];
  double bottom;

  if (continued && table->continuation_layout != NULL)
    {
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, MARGIN_X, y);
      pango_cairo_show_layout (cr, table->continuation_layout);
      y += table->continuation_height;
    }
  bottom = y + table->header_height;

  if (last > first)
    {
      Row *last_row = g_ptr_array_index (table->rows, last - 1);

      bottom = last_row->y + last_row->height;
    }

  cairo_save (cr);

  /* Header band. */
  cairo_rectangle (cr, MARGIN_X, y, width, table->header_height);
  cairo_set_source_rgb (cr, 0.91, 0.92, 0.93);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_cells (cr, table, table->header, y, table->header_height);
  for (guint r = first; r < last; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_cells (cr, table, row->cells, row->y, row->height);
    }

  /* Thin rules between rows and columns, a firmer frame. */
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, RULE_WIDTH);
  for (guint r = first; r + 1 < last; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);

      cairo_move_to (cr, MARGIN_X, row->y + row->height);
      cairo_rel_line_to (cr, width, 0);
    }
  cairo_move_to (cr, MARGIN_X, y + table->header_height);
  cairo_rel_line_to (cr, width, 0);
  for (guint i = 1; i < table->n_columns; i++)
    {
      cairo_move_to (cr, MARGIN_X + table->x[i], y);
      cairo_line_to (cr, MARGIN_X + table->x[i], bottom);
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, FRAME_WIDTH);
  cairo_rectangle (cr, MARGIN_X, y, width, bottom - y);
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
draw_running_heads (JpReportLayout *self,
                    cairo_t        *cr,
                    guint           page)
{
  double content = jp_report_layout_get_content_width (self);
  double right = MARGIN_X + content;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *number_text = NULL;
  PangoRectangle logical;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);

  if (self->header_layouts[0] != NULL)
    {
      int baseline = pango_layout_get_baseline (self->header_layouts[0]);

      cairo_move_to (cr, MARGIN_X, HEADER_BASELINE - (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout (cr, self->header_layouts[0]);
    }
  if (self->header_layouts[1] != NULL)
    {
      int baseline = pango_layout_get_baseline (self->header_layouts[1]);

      pango_layout_get_extents (self->header_layouts[1], NULL, &logical);
      cairo_move_to (cr, right - (double) logical.width / PANGO_SCALE,
                     HEADER_BASELINE - (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout (cr, self->header_layouts[1]);
    }
  if (self->header_layouts[0] != NULL || self->header_layouts[1] != NULL)
    {
      cairo_set_line_width (cr, RULE_WIDTH);
      cairo_move_to (cr, MARGIN_X, HEADER_RULE);
      cairo_line_to (cr, right, HEADER_RULE);
      cairo_stroke (cr);
    }

  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, MARGIN_X, self->page_height - FOOTER_RULE_GAP);
  cairo_line_to (cr, right, self->page_height - FOOTER_RULE_GAP);
  cairo_stroke (cr);

  if (self->header_layouts[2] != NULL)
    {
      int baseline = pango_layout_get_baseline (self->header_layouts[2]);

      cairo_move_to (cr, MARGIN_X,
                     self->page_height - FOOTER_BASELINE - (double) baseline / PANGO_SCALE);
      pango_cairo_show_layout (cr, self->header_layouts[2]);
    }

  if (self->page_format != NULL)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      number_text = g_strdup_printf (self->page_format, page + 1, self->pages->len);
#pragma GCC diagnostic pop
    }
  else
    {
      number_text = g_strdup_printf ("%u / %u", page + 1, self->pages->len);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (number_text, -1);

    number = make_layout (self, 8.5, PANGO_WEIGHT_NORMAL, 0,
                          PANGO_ALIGN_LEFT, escaped);
  }
  pango_layout_get_extents (number, NULL, &logical);
  cairo_move_to (cr, right - (double) logical.width / PANGO_SCALE,
                 self->page_height - FOOTER_BASELINE -
                 (double) pango_layout_get_baseline (number) / PANGO_SCALE);
  pango_cairo_show_layout (cr, number);

  cairo_restore (cr);
}

void
jp_report_layout_draw_page (JpReportLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *placements;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  jp_report_layout_paginate (self);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  draw_running_heads (self, cr, page);

  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);

      switch (p->kind)
        {
        case PLACE_TEXT:
          draw_text_lines (self, cr, p->block, p->first, p->last, p->y);
          break;
        case PLACE_DRAWING:
          {
            double w = p->block->width > 0 ? p->block->width :
                       jp_report_layout_get_content_width (self);

            cairo_save (cr);
            cairo_translate (cr, MARGIN_X, p->y);
            cairo_rectangle (cr, 0, 0, w, p->block->height);
            cairo_clip (cr);
            cairo_new_path (cr);
            p->block->func (cr, w, p->block->height, p->block->user_data);
            cairo_restore (cr);
          }
          break;
        case PLACE_TABLE:
          draw_table (self, cr, p->block->table, p->first, p->last, p->y, p->continued);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/* PDF output */

/* cairo writes in small pieces: gather them into large writes. */
#define WRITE_BUFFER_SIZE (64 * 1024)

typedef struct
{
  JpOutput *output;
  guint8   *buffer;
  gsize     used;
  gboolean  failed;  /* the output keeps the error */
} WriteClosure;

static gboolean
write_all (WriteClosure  *wc,
           const guint8  *data,
           gsize          length)
{
  if (!wc->failed && !jp_output_write (wc->output, data, length, NULL))
    wc->failed = TRUE;
  return !wc->failed;
}

static gboolean
flush_buffer (WriteClosure *wc)
{
  gboolean ok = write_all (wc, wc->buffer, wc->used);

  wc->used = 0;
  return ok;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->used + length > WRITE_BUFFER_SIZE && !flush_buffer (wc))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= WRITE_BUFFER_SIZE)
    return write_all (wc, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
  memcpy (wc->buffer + wc->used, data, length);
  wc->used += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outlines (JpReportLayout  *self,
              cairo_surface_t *surface)
{
  int parents[8] = { CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      guint level;

      if (block->kind != BLOCK_OUTLINE)
        continue;
      level = MIN (block->level, G_N_ELEMENTS (parents) - 2);
      g_ascii_formatd (x, sizeof x, "%.1f", MARGIN_X);
      g_ascii_formatd (y, sizeof y, "%.1f", block->outline_y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", block->outline_page + 1, x, y);
      parents[level + 1] = cairo_pdf_surface_add_outline (surface, parents[level],
                                                          block->markup, link,
                                                          level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

gboolean
jp_report_layout_write_pdf_output (JpReportLayout        *self,
                                   JpOutput              *output,
                                   JpReportProgressFunc   progress,
                                   gpointer               user_data,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autofree guint8 *buffer = g_malloc (WRITE_BUFFER_SIZE);
  g_autoptr(GError) local_error = NULL;
  WriteClosure wc = { output, buffer, 0, FALSE };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean cancelled = FALSE;
  guint n_pages;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED,
                   C_("report", "The export was cancelled"));
      return FALSE;
    }

  n_pages = jp_report_layout_paginate (self);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &wc,
                                                 self->page_width, self->page_height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->creator != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, self->creator);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && !wc.failed; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      /* A white page under everything: cairo's PDF surface adds the
       * extents of each drawing operation to a region of the page, and
       * that region, made of thousands of text runs' rectangles, grew
       * costly to add to (a tenth of a long summary's time); within one
       * rectangle that covers the page, adding is immediate. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      jp_report_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, n_pages, user_data);
    }
  if (!cancelled)
    add_outlines (self, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    {
      g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED,
                   C_("report", "The export was cancelled"));
      return FALSE;
    }

  /* cairo does not always pass a failed write on to the surface's status:
   * the output keeps the first one, and the close (flush to the disk)
   * reports it. */
  flush_buffer (&wc);
  if (!jp_output_close (output, &local_error))
    {
      g_set_error_literal (error, JP_REPORT_ERROR, JP_REPORT_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (jp_output_get_path (output));

      g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_WRITE,
                   C_("report", "Cannot write “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
jp_report_layout_write_pdf (JpReportLayout        *self,
                            const char            *path,
                            JpReportProgressFunc   progress,
                            gpointer               user_data,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(JpOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  output = jp_output_new (path, &local_error);
  if (output == NULL ||
      !jp_report_layout_write_pdf_output (self, output, progress, user_data, cancellable,
                                          error) ||
      !jp_output_commit (output, &local_error))
    {
      if (local_error != NULL)
        g_set_error_literal (error, JP_REPORT_ERROR, JP_REPORT_ERROR_WRITE,
                             local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* GObject */

static void
jp_report_layout_finalize (GObject *object)
{
  JpReportLayout *self = (JpReportLayout *) object;

  g_free (self->title);
  g_free (self->creator);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_free (self->page_format);
  for (guint i = 0; i < G_N_ELEMENTS (self->header_layouts); i++)
    g_clear_object (&self->header_layouts[i]);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->cell_layouts, g_hash_table_unref);
  g_clear_pointer (&self->fonts, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (jp_report_layout_parent_class)->finalize (object);
}

static void
jp_report_layout_class_init (JpReportLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_report_layout_finalize;
}

static void
jp_report_layout_init (JpReportLayout *self)
{
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  cairo_surface_t *pdf;

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->tables = g_ptr_array_new ();
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->cell_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->fonts = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) pango_font_description_free);

  /* A font map of the layout's own, so that it can be built on a worker
   * thread, at 72 dpi: Pango measures each font's metrics on a context of
   * the font map's resolution, and at the default 96 dpi it would load
   * and fontconfig would sort every size of the report a second time.
   * Every text of the report and of its charts is set on this one
   * context, so its fonts are loaded once. Metrics unhinted and positions
   * unrounded, as on a PDF page, so that what was measured is what is
   * drawn. */
  font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72.0);
  self->context = pango_font_map_create_context (font_map);
  g_object_unref (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* The font options of a PDF page (those cairo merges into the options
   * of every font drawn on it): a font measured with other options would
   * be another font to cairo when drawn, every glyph loaded and measured
   * a second time. */
  pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, JP_REPORT_A4_WIDTH, JP_REPORT_A4_HEIGHT);
  options = cairo_font_options_create ();
  cairo_surface_get_font_options (pdf, options);
  cairo_surface_destroy (pdf);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Simplified Chinese glyphs whatever the locale (under C.UTF-8
   * fontconfig would otherwise pick the Japanese forms). */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
}

/* Public API */

PangoContext *
jp_report_layout_get_pango_context (JpReportLayout *self)
{
  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), NULL);

  return self->context;
}

JpReportLayout *
jp_report_layout_new (gboolean landscape)
{
  JpReportLayout *self = g_object_new (JP_TYPE_REPORT_LAYOUT, NULL);

  self->landscape = landscape;
  self->page_width = landscape ? JP_REPORT_A4_HEIGHT : JP_REPORT_A4_WIDTH;
  self->page_height = landscape ? JP_REPORT_A4_WIDTH : JP_REPORT_A4_HEIGHT;
  return self;
}

void
jp_report_layout_get_page_size (JpReportLayout *self,
                                double         *width,
                                double         *height)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

double
jp_report_layout_get_content_width (JpReportLayout *self)
{
  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), 0);

  return self->page_width - 2 * MARGIN_X;
}

void
jp_report_layout_get_body_area (JpReportLayout *self,
                                double         *top,
                                double         *bottom)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  if (top != NULL)
    *top = body_top (self);
  if (bottom != NULL)
    *bottom = body_bottom (self);
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
jp_report_layout_set_title (JpReportLayout *self,
                            const char     *title)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  set_string (&self->title, title);
}

void
jp_report_layout_set_creator (JpReportLayout *self,
                              const char     *creator)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  set_string (&self->creator, creator);
}

static void
set_running_head (JpReportLayout  *self,
                  guint            index,
                  char           **field,
                  const char      *text)
{
  set_string (field, text);
  g_clear_object (&self->header_layouts[index]);
  if (text != NULL && *text != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      self->header_layouts[index] = make_layout (self, 8.5,
                                                 PANGO_WEIGHT_NORMAL, 0, PANGO_ALIGN_LEFT,
                                                 escaped);
    }
}

void
jp_report_layout_set_header (JpReportLayout *self,
                             const char     *left,
                             const char     *right)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  set_running_head (self, 0, &self->header_left, left);
  set_running_head (self, 1, &self->header_right, right);
}

void
jp_report_layout_set_footer (JpReportLayout *self,
                             const char     *left,
                             const char     *page_format)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  set_running_head (self, 2, &self->footer_left, left);
  set_string (&self->page_format, page_format);
}

static Block *
add_block (JpReportLayout *self,
           BlockKind       kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
  return block;
}

void
jp_report_layout_add_text (JpReportLayout    *self,
                           JpReportTextStyle  style,
                           PangoAlignment     align,
                           const char        *markup)
{
  Block *block;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (style <= JP_REPORT_TEXT_NOTE);
  g_return_if_fail (markup != NULL);

  block = add_block (self, BLOCK_TEXT);
  block->style = style;
  block->align = align;
  block->markup = g_strdup (markup);
}

void
jp_report_layout_add_space (JpReportLayout *self,
                            double          height)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  add_block (self, BLOCK_SPACE)->height = MAX (height, 0);
}

void
jp_report_layout_add_page_break (JpReportLayout *self)
{
  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));

  add_block (self, BLOCK_PAGE_BREAK);
}

void
jp_report_layout_add_drawing (JpReportLayout   *self,
                              double            width,
                              double            height,
                              JpReportDrawFunc  func,
                              gpointer          user_data,
                              GDestroyNotify    destroy)
{
  Block *block;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (height > 0);

  block = add_block (self, BLOCK_DRAWING);
  block->width = MIN (MAX (width, 0), jp_report_layout_get_content_width (self));
  block->height = height;
  block->func = func;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
jp_report_layout_add_outline (JpReportLayout *self,
                              guint           level,
                              const char     *title)
{
  Block *block;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (title != NULL);

  block = add_block (self, BLOCK_OUTLINE);
  block->level = level;
  block->markup = g_strdup (title);
}

JpReportTable *
jp_report_layout_add_table (JpReportLayout       *self,
                            const JpReportColumn *columns,
                            guint                 n_columns)
{
  JpReportTable *table;
  Block *block;

  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (JpReportTable, 1);
  table->layout = self;
  table->n_columns = n_columns;
  table->columns = g_new0 (JpReportColumn, n_columns);
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i] = columns[i];
      table->columns[i].title = g_strdup (columns[i].title);
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);

  block = add_block (self, BLOCK_TABLE);
  block->table = table;
  g_ptr_array_add (self->tables, table);
  return table;
}

void
jp_report_layout_keep_with_next (JpReportLayout *self)
{
  Block *block;

  g_return_if_fail (JP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (self->blocks->len > 0);

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  block->keep_with_next = TRUE;
  invalidate (self);
}

void
jp_report_table_set_continuation (JpReportTable *table,
                                  const char    *markup)
{
  g_return_if_fail (table != NULL);

  g_free (table->continuation);
  table->continuation = g_strdup (markup);
  g_clear_object (&table->continuation_layout);
  table->continuation_height = 0;
  table->n_measured = 0;
  invalidate (table->layout);
}

guint
jp_report_table_add_row (JpReportTable      *table,
                         const char * const *cells)
{
  JpReportLayout *self;
  Row *row;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (cells != NULL, 0);

  self = table->layout;
  /* Column widths are known once the header is measured. */
  if (table->header == NULL)
    measure_table (self, table);

  row = g_new0 (Row, 1);
  row->cells = g_new0 (PangoLayout *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = make_cell_layout (self, table, i, PANGO_WEIGHT_NORMAL, cells[i]);
  g_ptr_array_add (table->rows, row);
  invalidate (self);
  return table->rows->len - 1;
}

guint
jp_report_layout_get_n_pages (JpReportLayout *self)
{
  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), 0);

  return jp_report_layout_paginate (self);
}

guint
jp_report_layout_get_n_tables (JpReportLayout *self)
{
  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), 0);

  return self->tables->len;
}

JpReportTable *
jp_report_layout_get_table (JpReportLayout *self,
                            guint           index)
{
  g_return_val_if_fail (JP_IS_REPORT_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);

  return g_ptr_array_index (self->tables, index);
}

guint
jp_report_table_get_n_rows (JpReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

guint
jp_report_table_get_n_columns (JpReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_columns;
}

const char *
jp_report_table_get_column_title (JpReportTable *table,
                                  guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return table->columns[column].title;
}

const char *
jp_report_table_get_cell_text (JpReportTable *table,
                               guint          row,
                               guint          column)
{
  Row *r;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  r = g_ptr_array_index (table->rows, row);
  return pango_layout_get_text (r->cells[column]);
}

guint
jp_report_table_get_row_page (JpReportTable *table,
                              guint          row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  jp_report_layout_paginate (table->layout);
  return ((Row *) g_ptr_array_index (table->rows, row))->page;
}

void
jp_report_table_get_row_extent (JpReportTable *table,
                                guint          row,
                                double        *y,
                                double        *height)
{
  Row *r;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->rows->len);

  jp_report_layout_paginate (table->layout);
  r = g_ptr_array_index (table->rows, row);
  if (y != NULL)
    *y = r->y;
  if (height != NULL)
    *height = r->height;
}
