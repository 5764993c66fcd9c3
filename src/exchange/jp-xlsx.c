/* jp-xlsx.c: the plan as a formatted workbook (libxlsxwriter)
 *
 * Words, numbers, percentages and colours come from the model
 * (jp-status.h) and the indicator table (jp-csv.h), so that the workbook
 * reads the same as the window, the PDF reports and the CSV table. */

#define G_LOG_DOMAIN "jp-xlsx"

#include "config.h"

#include "jp-xlsx.h"

#include "jp-csv.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Rows above the table: title, as-of date, status counts, header. */
#define HEADER_ROW   3
#define FIRST_ROW    (HEADER_ROW + 1)
#define MAX_COLUMNS  24
/* Column widths in characters of the default font (a Chinese character
 * counts two). */
#define MIN_WIDTH    6.0
#define WRAP_WIDTH   44.0
#define MAX_WIDTH    60.0
/* Row heights in points: a line of 11-point Chinese text, and the space
 * around it. */
#define LINE_HEIGHT  15.5
#define ROW_PADDING  5.0

typedef enum
{
  OVERVIEW_NUMBER,
  OVERVIEW_ITEM,
  OVERVIEW_LEADERS,
  OVERVIEW_UNITS,
  OVERVIEW_INDICATORS,
  OVERVIEW_COMPLETION,
  OVERVIEW_STATUS,
  OVERVIEW_DUE,
  OVERVIEW_EXPECTED,
  OVERVIEW_FLAGS,
  OVERVIEW_N_COLUMNS
} OverviewColumn;

typedef struct
{
  lxw_workbook *workbook;
  lxw_error     first_error;

  lxw_format   *title;
  lxw_format   *subtitle;
  lxw_format   *header;
  lxw_format   *section;
  lxw_format   *text;
  lxw_format   *wrap;
  lxw_format   *center;
  lxw_format   *integer;
  lxw_format   *decimal;
  lxw_format   *percent;
  lxw_format   *percent_decimal;
  lxw_format   *date;
  lxw_format   *status[JP_N_STATUSES];

  JpPlan       *plan;     /* Borrowed */
  const char   *as_of;
  const char   *label;    /* the selection, NULL for the whole plan */
  GPtrArray    *items;    /* selected, of JpItem, borrowed */
} Writer;

/* What the wrapped cells of one table row need: their text widths. */
typedef struct
{
  double widths[MAX_COLUMNS];
} RowNeeds;

typedef struct
{
  lxw_worksheet *sheet;
  guint          n_columns;
  double         widths[MAX_COLUMNS]; /* widest cell + padding */
  double         caps[MAX_COLUMNS];   /* 0: MAX_WIDTH; wider text wraps */
  GArray        *rows;                /* of RowNeeds, from FIRST_ROW */
} Sheet;

/* ---- Helpers --------------------------------------------------------- */

static void
check (Writer    *w,
       lxw_error  error)
{
  if (error != LXW_NO_ERROR && w->first_error == LXW_NO_ERROR)
    w->first_error = error;
}

static double
display_width (const char *text)
{
  double width = 0;
  double line = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
        }
      else
        line += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.3 : 1.1;
    }

  return MAX (width, line);
}

static void
note_width (Sheet      *sheet,
            guint       column,
            const char *text)
{
  g_assert (column < MAX_COLUMNS);
  sheet->widths[column] = MAX (sheet->widths[column], display_width (text) + 2.0);
}

/* Remembers how wide a wrapped cell's text is, for the row's height. */
static void
note_wrapped (Sheet      *sheet,
              guint       row,
              guint       column,
              const char *text)
{
  RowNeeds *needs;
  guint index;

  g_assert (row >= FIRST_ROW && column < MAX_COLUMNS);
  index = row - FIRST_ROW;
  if (sheet->rows->len <= index)
    g_array_set_size (sheet->rows, index + 1);
  needs = &g_array_index (sheet->rows, RowNeeds, index);
  needs->widths[column] = MAX (needs->widths[column], display_width (text));
}

static lxw_color_t
status_color (JpStatus  status,
              gboolean *dark)
{
  double r, g, b;

  jp_status_get_rgb (status, &r, &g, &b);
  r = CLAMP (r, 0, 1);
  g = CLAMP (g, 0, 1);
  b = CLAMP (b, 0, 1);
  *dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.6;

  return ((lxw_color_t) (r * 255 + 0.5) << 16) |
         ((lxw_color_t) (g * 255 + 0.5) << 8) |
         (lxw_color_t) (b * 255 + 0.5);
}

static lxw_format *
add_cell_format (Writer *w)
{
  lxw_format *format = workbook_add_format (w->workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, 0xBFBFBF);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
add_formats (Writer *w)
{
  w->title = workbook_add_format (w->workbook);
  format_set_bold (w->title);
  format_set_font_size (w->title, 16);
  format_set_align (w->title, LXW_ALIGN_VERTICAL_CENTER);

  w->subtitle = workbook_add_format (w->workbook);
  format_set_font_color (w->subtitle, 0x404040);
  format_set_align (w->subtitle, LXW_ALIGN_VERTICAL_CENTER);

  w->header = add_cell_format (w);
  format_set_bold (w->header);
  format_set_text_wrap (w->header);
  format_set_align (w->header, LXW_ALIGN_CENTER);
  format_set_pattern (w->header, LXW_PATTERN_SOLID);
  format_set_bg_color (w->header, 0xDDE4EE);

  w->section = add_cell_format (w);
  format_set_bold (w->section);
  format_set_pattern (w->section, LXW_PATTERN_SOLID);
  format_set_bg_color (w->section, 0xF2F2F2);

  w->text = add_cell_format (w);

  w->wrap = add_cell_format (w);
  format_set_text_wrap (w->wrap);

  w->center = add_cell_format (w);
  format_set_align (w->center, LXW_ALIGN_CENTER);

  w->integer = add_cell_format (w);
  format_set_num_format (w->integer, "#,##0");

  w->decimal = add_cell_format (w);
  format_set_num_format (w->decimal, "#,##0.0#");

  w->percent = add_cell_format (w);
  format_set_num_format (w->percent, "0%");

  w->percent_decimal = add_cell_format (w);
  format_set_num_format (w->percent_decimal, "0.0#%");

  w->date = add_cell_format (w);
  format_set_num_format (w->date, "yyyy-mm-dd");
  format_set_align (w->date, LXW_ALIGN_CENTER);

  for (guint s = 0; s < JP_N_STATUSES; s++)
    {
      gboolean dark = FALSE;
      lxw_color_t color = status_color (s, &dark);

      w->status[s] = add_cell_format (w);
      format_set_align (w->status[s], LXW_ALIGN_CENTER);
      format_set_pattern (w->status[s], LXW_PATTERN_SOLID);
      format_set_bg_color (w->status[s], color);
      format_set_font_color (w->status[s], dark ? LXW_COLOR_WHITE : LXW_COLOR_BLACK);
      format_set_bold (w->status[s]);
    }
}

static gboolean
is_integral (double value)
{
  return fabs (value - round (value)) < 1e-9;
}

/* Every text goes through worksheet_write_string(): a shared-string cell,
 * never a formula, whatever it starts with ("=HYPERLINK(…)" shows as that
 * text; libxlsxwriter makes formulas only in worksheet_write_formula*(),
 * which this file does not use). */
static void
write_text (Writer     *w,
            Sheet      *sheet,
            guint       row,
            guint       column,
            const char *text,
            lxw_format *format)
{
  if (text == NULL || *text == '\0')
    {
      check (w, worksheet_write_blank (sheet->sheet, row, column, format));
      return;
    }

  check (w, worksheet_write_string (sheet->sheet, row, column, text, format));
  note_width (sheet, column, text);
  if (format == w->wrap)
    note_wrapped (sheet, row, column, text);
}

static void
write_number (Writer *w,
              Sheet  *sheet,
              guint   row,
              guint   column,
              double  value)
{
  g_autofree char *text = jp_format_number (value, TRUE);
  /* What jp_format_number() shows: two decimals at most. */
  gboolean integral = is_integral (round (value * 100) / 100);

  check (w, worksheet_write_number (sheet->sheet, row, column, value,
                                    integral ? w->integer : w->decimal));
  note_width (sheet, column, text);
}

static void
write_percent (Writer *w,
               Sheet  *sheet,
               guint   row,
               guint   column,
               double  ratio)
{
  g_autofree char *text = jp_format_percent (ratio);
  gboolean integral = is_integral (round (ratio * 100 * 100) / 100);

  check (w, worksheet_write_number (sheet->sheet, row, column, ratio,
                                    integral ? w->percent : w->percent_decimal));
  note_width (sheet, column, text);
}

static void
write_date (Writer     *w,
            Sheet      *sheet,
            guint       row,
            guint       column,
            const char *iso)
{
  GDate date;
  lxw_datetime datetime = { 0, };

  if (iso == NULL || !jp_date_parse (iso, &date) || g_date_get_year (&date) < 1900)
    {
      write_text (w, sheet, row, column, iso, w->center);
      return;
    }

  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);
  check (w, worksheet_write_datetime (sheet->sheet, row, column, &datetime, w->date));
  note_width (sheet, column, "2023-12-31");
}

static void
write_status (Writer   *w,
              Sheet    *sheet,
              guint     row,
              guint     column,
              JpStatus  status)
{
  /* Translators: a status cell: its symbol and its word ("● 正常推进"). */
  g_autofree char *text = g_strdup_printf (C_("sheet", "%s %s"), jp_status_get_symbol (status),
                                           jp_status_get_label (status));

  check (w, worksheet_write_string (sheet->sheet, row, column, text, w->status[status]));
  note_width (sheet, column, text);
}

/* The date as people read it: jp_date_format_display(). */
static char *
format_date (const char *iso)
{
  return iso != NULL ? jp_date_format_display (iso) : g_strdup ("");
}

static char *
format_counts (const guint *counts)
{
  static const JpStatus order[] = {
    JP_STATUS_DONE, JP_STATUS_ON_TRACK, JP_STATUS_AT_RISK,
    JP_STATUS_BEHIND, JP_STATUS_NO_REPORT, JP_STATUS_OVERDUE, JP_STATUS_NOT_STARTED,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_string_append (text, "　　");
      /* Translators: how many rows have a status: symbol, word, count
       * ("● 正常推进 5"). */
      g_string_append_printf (text, C_("sheet", "%s %s %u"), jp_status_get_symbol (order[i]),
                              jp_status_get_label (order[i]), counts[order[i]]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Title, as-of date (and selection), status counts; then the header. */
static void
write_top (Writer      *w,
           Sheet       *sheet,
           const char  *counts,
           const char **headings)
{
  const char * const *organizations = jp_plan_get_organizations (w->plan);
  g_autofree char *title = NULL;
  g_autofree char *date = format_date (w->as_of);
  g_autofree char *as_of = g_strdup_printf (C_("sheet", "As of %s"), date);
  g_autofree char *subtitle = NULL;
  guint last = sheet->n_columns - 1;

  if (organizations != NULL && organizations[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("　", (char **) organizations);

      title = g_strconcat (joined, "　", jp_plan_get_title (w->plan), NULL);
    }
  else
    title = g_strdup (jp_plan_get_title (w->plan));

  subtitle = w->label != NULL ? g_strconcat (as_of, "　　", w->label, NULL) : g_strdup (as_of);

  check (w, worksheet_set_row (sheet->sheet, 0, 28, NULL));
  check (w, worksheet_set_row (sheet->sheet, 1, LINE_HEIGHT + 3, NULL));
  check (w, worksheet_set_row (sheet->sheet, 2, LINE_HEIGHT + 3, NULL));
  check (w, worksheet_merge_range (sheet->sheet, 0, 0, 0, last, title, w->title));
  check (w, worksheet_merge_range (sheet->sheet, 1, 0, 1, last, subtitle, w->subtitle));
  check (w, worksheet_merge_range (sheet->sheet, 2, 0, 2, last, counts, w->subtitle));

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      double width = display_width (headings[c]);

      check (w, worksheet_write_string (sheet->sheet, HEADER_ROW, c, headings[c], w->header));
      /* Long headings wrap onto two lines. */
      sheet->widths[c] = MAX (sheet->widths[c], width <= 12 ? width + 2.0 : width / 2 + 3.0);
    }
  check (w, worksheet_set_row (sheet->sheet, HEADER_ROW, 2 * LINE_HEIGHT + ROW_PADDING, NULL));

  worksheet_freeze_panes (sheet->sheet, FIRST_ROW, 0);
  check (w, worksheet_repeat_rows (sheet->sheet, HEADER_ROW, HEADER_ROW));
  worksheet_set_landscape (sheet->sheet);
  worksheet_set_paper (sheet->sheet, 9); /* A4 */
  worksheet_set_margins (sheet->sheet, 0.4, 0.4, 0.5, 0.5);
  worksheet_fit_to_pages (sheet->sheet, 1, 0);
}

/* Sets the column widths, then the height of every table row to fit its
 * wrapped cells: spreadsheets do not grow rows for wrapped text written
 * by a program, and Chinese text is taller than the default row. */
static void
set_widths (Writer *w,
            Sheet  *sheet)
{
  double widths[MAX_COLUMNS];

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      double cap = sheet->caps[c] > 0 ? sheet->caps[c] : MAX_WIDTH;

      widths[c] = CLAMP (sheet->widths[c], MIN_WIDTH, cap);
      check (w, worksheet_set_column (sheet->sheet, c, c, widths[c], NULL));
    }

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      RowNeeds *needs = &g_array_index (sheet->rows, RowNeeds, r);
      double lines = 1;

      for (guint c = 0; c < sheet->n_columns; c++)
        if (needs->widths[c] > 0)
          /* A little less than the column holds: glyphs are wider in
           * some fonts, and lines break at characters. */
          lines = MAX (lines, ceil (needs->widths[c] / MAX (widths[c] - 1.5, 1.0)));

      check (w, worksheet_set_row (sheet->sheet, FIRST_ROW + r,
                                   lines * LINE_HEIGHT + ROW_PADDING, NULL));
    }
}

/* ---- Overview -------------------------------------------------------- */

static void
write_overview (Writer *w)
{
  const char *headings[OVERVIEW_N_COLUMNS];
  guint counts[JP_N_STATUSES] = { 0, };
  g_autofree char *counts_text = NULL;
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  GListModel *sections = jp_plan_get_sections (w->plan);
  guint n_sections = g_list_model_get_n_items (sections);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RowNeeds));
  Sheet sheet = { NULL, };
  guint row = FIRST_ROW;

  /* Translators: the name of the first sheet of the workbook (31
   * characters at most). */
  sheet.sheet = workbook_add_worksheet (w->workbook, C_("sheet", "Overview"));
  sheet.n_columns = OVERVIEW_N_COLUMNS;
  sheet.rows = rows;
  sheet.caps[OVERVIEW_ITEM] = WRAP_WIDTH;
  sheet.caps[OVERVIEW_LEADERS] = 20;
  sheet.caps[OVERVIEW_UNITS] = 30;

  headings[OVERVIEW_NUMBER] = jp_csv_column_get_heading (JP_CSV_COLUMN_NUMBER);
  headings[OVERVIEW_ITEM] = jp_csv_column_get_heading (JP_CSV_COLUMN_ITEM);
  headings[OVERVIEW_LEADERS] = jp_csv_column_get_heading (JP_CSV_COLUMN_LEADERS);
  headings[OVERVIEW_UNITS] = jp_csv_column_get_heading (JP_CSV_COLUMN_UNITS);
  /* Translators: column heading: how many indicators an item has. */
  headings[OVERVIEW_INDICATORS] = C_("sheet", "No. of indicators");
  headings[OVERVIEW_COMPLETION] = jp_csv_column_get_heading (JP_CSV_COLUMN_COMPLETION);
  headings[OVERVIEW_STATUS] = jp_csv_column_get_heading (JP_CSV_COLUMN_STATUS);
  /* Translators: column heading: the due date of an item. */
  headings[OVERVIEW_DUE] = C_("sheet", "Due");
  headings[OVERVIEW_EXPECTED] = jp_csv_column_get_heading (JP_CSV_COLUMN_EXPECTED);
  headings[OVERVIEW_FLAGS] = jp_csv_column_get_heading (JP_CSV_COLUMN_FLAGS);

  for (guint i = 0; i < w->items->len; i++)
    {
      JpProgress progress;

      g_hash_table_add (selected, g_ptr_array_index (w->items, i));
      jp_item_evaluate (g_ptr_array_index (w->items, i), w->as_of, &progress);
      counts[progress.status]++;
    }
  counts_text = format_counts (counts);
  write_top (w, &sheet, counts_text, headings);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, s);
      g_autofree char *label = jp_csv_dup_section_label (section);
      GListModel *items = jp_section_get_items (section);
      guint n_items = g_list_model_get_n_items (items);
      gboolean header_written = FALSE;

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, i);
          g_autofree char *leaders = NULL;
          g_autofree char *units = NULL;
          guint n_indicators;
          JpProgress progress;

          if (!g_hash_table_contains (selected, item))
            continue;

          if (!header_written)
            {
              check (w, worksheet_merge_range (sheet.sheet, row, 0, row, OVERVIEW_N_COLUMNS - 1,
                                               label, w->section));
              row++;
              header_written = TRUE;
            }

          jp_item_evaluate (item, w->as_of, &progress);
          leaders = jp_item_dup_leader_names (item, C_("sheet", ", "));
          units = jp_item_dup_unit_names (item, C_("sheet", "; "));

          check (w, worksheet_write_number (sheet.sheet, row, OVERVIEW_NUMBER,
                                            jp_item_get_number (item), w->center));
          write_text (w, &sheet, row, OVERVIEW_ITEM, jp_item_get_title (item), w->wrap);
          write_text (w, &sheet, row, OVERVIEW_LEADERS, leaders, w->wrap);
          write_text (w, &sheet, row, OVERVIEW_UNITS, units, w->wrap);
          n_indicators = g_list_model_get_n_items (jp_item_get_indicators (item));
          check (w, worksheet_write_number (sheet.sheet, row, OVERVIEW_INDICATORS, n_indicators,
                                            w->center));
          if (progress.started)
            write_percent (w, &sheet, row, OVERVIEW_COMPLETION, progress.ratio);
          else
            check (w, worksheet_write_blank (sheet.sheet, row, OVERVIEW_COMPLETION, w->text));
          write_status (w, &sheet, row, OVERVIEW_STATUS, progress.status);
          write_date (w, &sheet, row, OVERVIEW_DUE, jp_item_get_effective_due (item));
          write_percent (w, &sheet, row, OVERVIEW_EXPECTED, progress.expected);
          {
            g_autofree char *flags = jp_csv_dup_flags (&progress, &progress);

            write_text (w, &sheet, row, OVERVIEW_FLAGS, flags, w->wrap);
          }
          row++;
        }
    }

  set_widths (w, &sheet);
}

/* ---- Indicators ------------------------------------------------------ */

static void
write_indicators (Writer *w)
{
  const char *headings[JP_CSV_N_COLUMNS];
  guint counts[JP_N_STATUSES] = { 0, };
  g_autofree char *counts_text = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RowNeeds));
  Sheet sheet = { NULL, };
  guint row = FIRST_ROW;

  /* Translators: the name of the second sheet of the workbook (31
   * characters at most). */
  sheet.sheet = workbook_add_worksheet (w->workbook, C_("sheet", "Indicators"));
  sheet.n_columns = JP_CSV_N_COLUMNS;
  sheet.rows = rows;
  sheet.caps[JP_CSV_COLUMN_SECTION] = 36;
  sheet.caps[JP_CSV_COLUMN_ITEM] = 30;
  sheet.caps[JP_CSV_COLUMN_LEADERS] = 16;
  sheet.caps[JP_CSV_COLUMN_UNITS] = 24;
  sheet.caps[JP_CSV_COLUMN_INDICATOR] = 30;

  for (guint c = 0; c < JP_CSV_N_COLUMNS; c++)
    headings[c] = jp_csv_column_get_heading (c);

  for (guint i = 0; i < w->items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (w->items, i));
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          JpProgress progress;

          jp_indicator_evaluate (indicator, w->as_of, &progress);
          counts[progress.status]++;
        }
    }
  counts_text = format_counts (counts);
  write_top (w, &sheet, counts_text, headings);

  for (guint i = 0; i < w->items->len; i++)
    {
      JpItem *item = g_ptr_array_index (w->items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          JpProgress progress;

          jp_indicator_evaluate (indicator, w->as_of, &progress);

          for (guint c = 0; c < JP_CSV_N_COLUMNS; c++)
            {
              g_autofree char *text = jp_csv_dup_cell (indicator, &progress, w->as_of, c);

              switch ((JpCsvColumn) c)
                {
                case JP_CSV_COLUMN_NUMBER:
                  check (w, worksheet_write_number (sheet.sheet, row, c,
                                                    jp_item_get_number (item), w->center));
                  break;
                case JP_CSV_COLUMN_TARGET:
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    write_number (w, &sheet, row, c, jp_indicator_get_target (indicator));
                  break;
                case JP_CSV_COLUMN_TARGET_MAX:
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    write_number (w, &sheet, row, c, jp_indicator_get_target_max (indicator));
                  break;
                case JP_CSV_COLUMN_VALUE:
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    write_number (w, &sheet, row, c, progress.value);
                  break;
                case JP_CSV_COLUMN_COMPLETION:
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    write_percent (w, &sheet, row, c, progress.ratio);
                  break;
                case JP_CSV_COLUMN_STATUS:
                  write_status (w, &sheet, row, c, progress.status);
                  break;
                case JP_CSV_COLUMN_EXPECTED:
                  write_percent (w, &sheet, row, c, progress.expected);
                  break;
                case JP_CSV_COLUMN_LAST_DATE:
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    write_date (w, &sheet, row, c, text);
                  break;
                case JP_CSV_COLUMN_ID:
                  /* Read back by the progress import: the indicator. */
                  if (*text == '\0')
                    write_text (w, &sheet, row, c, NULL, w->text);
                  else
                    check (w, worksheet_write_number (sheet.sheet, row, c,
                                                      (double) jp_indicator_get_id (indicator),
                                                      w->center));
                  break;
                case JP_CSV_COLUMN_DATE:
                  /* Empty: the date of the value the unit fills in. */
                  write_text (w, &sheet, row, c, NULL, w->center);
                  break;
                case JP_CSV_COLUMN_KIND:
                case JP_CSV_COLUMN_UNIT:
                  write_text (w, &sheet, row, c, text, w->center);
                  break;
                case JP_CSV_COLUMN_SECTION:
                case JP_CSV_COLUMN_ITEM:
                case JP_CSV_COLUMN_LEADERS:
                case JP_CSV_COLUMN_UNITS:
                case JP_CSV_COLUMN_INDICATOR:
                case JP_CSV_COLUMN_FLAGS:
                default:
                  write_text (w, &sheet, row, c, text, w->wrap);
                  break;
                }
            }
          row++;
        }
    }

  if (row > FIRST_ROW)
    check (w, worksheet_autofilter (sheet.sheet, HEADER_ROW, 0, row - 1, JP_CSV_N_COLUMNS - 1));
  set_widths (w, &sheet);
}

/* ---- Public API ------------------------------------------------------ */

/* Little-endian fields of the zip format. */
static guint
zip_u16 (const guint8 *p)
{
  return p[0] | (guint) p[1] << 8;
}

static guint32
zip_u32 (const guint8 *p)
{
  return p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* The member at local header @offset, inflated; NULL when it is not whole
 * or not the @expected size. */
static GBytes *
zip_inflate (const guint8 *data,
             gsize         length,
             guint32       offset,
             guint         method,
             gsize         compressed,
             gsize         expected)
{
  g_autoptr(GZlibDecompressor) inflater = NULL;
  g_autofree guint8 *out = NULL;
  const guint8 *in;
  gsize in_done = 0;
  gsize out_done = 0;

  if ((gsize) offset + 30 > length || zip_u32 (data + offset) != 0x04034b50)
    return NULL;
  in = data + offset + 30 + zip_u16 (data + offset + 26) + zip_u16 (data + offset + 28);
  if (in + compressed > data + length)
    return NULL;

  if (method == 0)
    return compressed == expected ? g_bytes_new (in, compressed) : NULL;
  if (method != 8)
    return NULL;

  inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  out = g_malloc (expected + 1);
  for (;;)
    {
      gsize n_read = 0;
      gsize n_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (inflater), in + in_done, compressed - in_done,
                                    out + out_done, expected + 1 - out_done,
                                    G_CONVERTER_INPUT_AT_END, &n_read, &n_written, NULL);
      in_done += n_read;
      out_done += n_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (result == G_CONVERTER_ERROR || (n_read == 0 && n_written == 0))
        return NULL;
    }
  if (out_done != expected)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), out_done);
}

/* libxlsxwriter does not check every write: of the zip file (a full disk
 * can cut it short) nor of its own temporary files (a full /tmp leaves a
 * well-formed zip of cut sheets). The workbook is read back: the zip ends
 * with its directory, every member inflates to its size, and every XML
 * member ends with its root's end tag. */
static gboolean
check_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  const guint8 *data;
  const guint8 *end;
  const guint8 *p;
  gsize length = 0;
  guint n_entries;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 22)
    return FALSE;
  data = (const guint8 *) contents;
  end = data + length - 22;
  if (zip_u32 (end) != 0x06054b50)
    return FALSE;

  n_entries = zip_u16 (end + 10);
  if (zip_u32 (end + 16) > length)
    return FALSE;
  p = data + zip_u32 (end + 16);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GBytes) member = NULL;
      g_autofree char *name = NULL;
      const char *text;
      gsize size;
      guint name_length;

      if (p + 46 > end || zip_u32 (p) != 0x02014b50)
        return FALSE;
      name_length = zip_u16 (p + 28);
      if (p + 46 + name_length > end)
        return FALSE;
      name = g_strndup ((const char *) p + 46, name_length);

      member = zip_inflate (data, length, zip_u32 (p + 42), zip_u16 (p + 10),
                            zip_u32 (p + 20), zip_u32 (p + 24));
      if (member == NULL)
        return FALSE;

      text = g_bytes_get_data (member, &size);
      while (size > 0 && g_ascii_isspace (text[size - 1]))
        size--;
      if ((g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")) &&
          (size < 2 || text[size - 1] != '>' ||
           (g_str_has_prefix (name, "xl/worksheets/sheet") &&
            !g_str_has_suffix (name, ".rels") &&
            (size < 12 || memcmp (text + size - 12, "</worksheet>", 12) != 0)) ||
           (g_str_equal (name, "xl/sharedStrings.xml") &&
            (size < 6 || memcmp (text + size - 6, "</sst>", 6) != 0))))
        return FALSE;

      p += 46 + name_length + zip_u16 (p + 30) + zip_u16 (p + 32);
    }

  return TRUE;
}

gboolean
jp_xlsx_write_output (JpPlan      *plan,
                      const char  *as_of,
                      const char  *spec,
                      JpOutput    *output,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *label = NULL;
  g_autofree char *default_as_of = NULL;
  g_autofree char *display = NULL;
  lxw_workbook_options options = { 0, };
  lxw_doc_properties properties = { 0, };
  Writer w = { NULL, };
  lxw_error closed;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (as_of != NULL && !jp_date_is_valid (as_of))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   C_("sheet", "“%s” is not a date (YYYY-MM-DD)"), as_of);
      return FALSE;
    }
  if (as_of == NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);

  items = jp_csv_select_items (plan, spec, &label, error);
  if (items == NULL)
    return FALSE;

  /* The workbook is written into the output's temporary file, by name
   * (libxlsxwriter opens it itself). */
  display = g_filename_display_name (jp_output_get_path (output));

  w.plan = plan;
  w.as_of = as_of;
  w.label = label;
  w.items = items;
  w.workbook = workbook_new_opt (jp_output_get_temp_path (output), &options);
  if (w.workbook == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   C_("sheet", "%s: cannot create the workbook"), display);
      return FALSE;
    }

  properties.title = (char *) jp_plan_get_title (plan);
  check (&w, workbook_set_properties (w.workbook, &properties));

  add_formats (&w);
  write_overview (&w);
  write_indicators (&w);

  closed = workbook_close (w.workbook);
  if (w.first_error == LXW_NO_ERROR)
    w.first_error = closed;
  if (w.first_error != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   C_("sheet", "%s: cannot write the workbook: %s"), display,
                   lxw_strerror (w.first_error));
      return FALSE;
    }

  if (!check_workbook (jp_output_get_temp_path (output)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   C_("sheet", "%s: cannot write the workbook: %s"), display,
                   C_("sheet", "the file came out incomplete (is the disk or the "
                               "temporary folder full?)"));
      return FALSE;
    }

  /* Flushes what libxlsxwriter wrote (into the same file) to the disk. */
  return jp_output_close (output, error);
}

gboolean
jp_xlsx_write_plan (JpPlan      *plan,
                    const char  *as_of,
                    const char  *spec,
                    const char  *path,
                    GError     **error)
{
  /* The checks of @path are jp_output_new()'s. */
  g_autoptr(JpOutput) output = jp_output_new (path, error);

  return output != NULL &&
         jp_xlsx_write_output (plan, as_of, spec, output, error) &&
         jp_output_commit (output, error);
}
