/* jp-progress-import.c: progress values from a spreadsheet (CSV)
 *
 * Reading: decode (UTF-8 with or without BOM, GB18030, UTF-16 with BOM),
 * split into records (jp_csv_parse), find the header row by its column
 * names, then turn each row that holds a value into a JpProgressRow: its
 * item (序号, within the section when a 章节 column names it), its indicator
 * (its ID when the row has one, else exact name, then a unique prefix),
 * its value (full-width digits, thousands separators, %, 万/亿 against the
 * indicator's unit; one the indicator's kind can take) and its date (日期,
 * else the date given for undated rows). A second pass (check_rows, again
 * when that date changes) dates the rows, checks the plan period and
 * looks each row up in its indicator's history by date (one hash table per
 * indicator: linear time): already recorded, a change, or new. Nothing is
 * written until the commit, which records all rows in one transaction. */

#define G_LOG_DOMAIN "jp-progress-import"

#include "config.h"

#include "jp-progress-import.h"
#include "jp-output.h"

#include "jp-csv.h"
#include "jp-document-import.h"
#include "jp-text-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>
#include <string.h>

/* Numbers beyond this are refused (as in the JSON import). */
#define MAX_NUMBER 1e15
/* The header row is looked for in the first records only. */
#define MAX_HEADER_RECORD 30

/* ---- Rows ------------------------------------------------------------ */

struct _JpProgressRow
{
  GObject             parent_instance;

  guint               line;
  JpProgressRowState  state;
  char               *message;
  char               *item_text;
  char               *indicator_text;
  char               *value_text;
  JpItem             *item;      /* Borrowed (the import holds the plan) */
  JpIndicator        *indicator; /* Borrowed */
  char               *date;
  double              value;
  char               *note;
  gboolean            parsed;    /* matched and valued: check_rows() dates it */
  gboolean            undated;   /* no date in the file */
  char               *file_date; /* the date of the file, NULL when undated */
  char               *last_date; /* 最近填报日期, when undated */
  JpProgressEntry    *replaces;  /* Borrowed: for a change */
  double              old_value; /* for a change */
};

G_DEFINE_FINAL_TYPE (JpProgressRow, jp_progress_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_STATE,
  ROW_PROP_MESSAGE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
jp_progress_row_finalize (GObject *object)
{
  JpProgressRow *self = JP_PROGRESS_ROW (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->item_text, g_free);
  g_clear_pointer (&self->indicator_text, g_free);
  g_clear_pointer (&self->value_text, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->file_date, g_free);
  g_clear_pointer (&self->last_date, g_free);

  G_OBJECT_CLASS (jp_progress_row_parent_class)->finalize (object);
}

static void
jp_progress_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JpProgressRow *self = JP_PROGRESS_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case ROW_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_progress_row_class_init (JpProgressRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_progress_row_finalize;
  object_class->get_property = jp_progress_row_get_property;

  /* A JpProgressRowState. */
  row_properties[ROW_PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, JP_PROGRESS_ROW_CHANGE, JP_PROGRESS_ROW_NEW,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
jp_progress_row_init (JpProgressRow *self)
{
  self->state = JP_PROGRESS_ROW_NEW;
}

static void
row_set_state (JpProgressRow      *self,
               JpProgressRowState  state,
               char               *message)
{
  g_autofree char *owned = message;

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_STATE]);
    }
  if (g_strcmp0 (self->message, owned) != 0)
    {
      g_free (self->message);
      self->message = g_steal_pointer (&owned);
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_MESSAGE]);
    }
}

guint
jp_progress_row_get_line (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), 0);

  return self->line;
}

JpProgressRowState
jp_progress_row_get_state (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), JP_PROGRESS_ROW_INVALID);

  return self->state;
}

const char *
jp_progress_row_get_message (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->message;
}

const char *
jp_progress_row_get_item_text (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->item_text;
}

const char *
jp_progress_row_get_indicator_text (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->indicator_text;
}

const char *
jp_progress_row_get_value_text (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->value_text;
}

JpItem *
jp_progress_row_get_item (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->item;
}

JpIndicator *
jp_progress_row_get_indicator (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->indicator;
}

const char *
jp_progress_row_get_date (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->date;
}

double
jp_progress_row_get_value (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), 0.0);

  return self->value;
}

const char *
jp_progress_row_get_note (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), NULL);

  return self->note;
}

gboolean
jp_progress_row_get_undated (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), FALSE);

  return self->undated;
}

double
jp_progress_row_get_old_value (JpProgressRow *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ROW (self), 0.0);

  return self->old_value;
}

/* ---- The import ------------------------------------------------------ */

typedef enum
{
  COL_SECTION,
  COL_NUMBER,
  COL_INDICATOR,
  COL_DATE,
  COL_VALUE,     /* 数值: preferred */
  COL_CURRENT,   /* 当前值 of the exported table */
  COL_NOTE,
  COL_LAST_DATE, /* 最近填报日期 of the exported table */
  COL_ID,        /* 指标编号 of the exported table */
  N_COLS
} Col;

struct _JpProgressImport
{
  GObject     parent_instance;

  JpPlan     *plan;     /* Owned */
  char       *display_name;
  char       *undated_date; /* nullable */
  const char *encoding; /* static string */
  GPtrArray  *rows;     /* of JpProgressRow, owned */
  gboolean    committed;
};

static void jp_progress_import_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JpProgressImport, jp_progress_import, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      jp_progress_import_list_model_init))

/* ---- Text helpers ---------------------------------------------------- */

/* A copy with full-width forms and odd spaces made ASCII, white space at
 * both ends removed, and, with @drop_spaces, every space removed. */
static char *
normalize (const char *text,
           gboolean    drop_spaces)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_jp_text_is_space (c))
        {
          if (!drop_spaces)
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, _jp_text_normalize_char (c));
    }

  if (!drop_spaces)
    g_strstrip (out->str);

  return g_string_free (out, FALSE);
}

/* The cell without white space at both ends (zero-width and ideographic
 * spaces too), as written otherwise. */
static char *
trim_cell (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && _jp_text_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!_jp_text_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Messages quote at most this many characters of a cell, and list at
 * most this many indicators. */
#define MAX_QUOTED 40
#define MAX_LISTED 8

/* @text as a message quotes it: its first MAX_QUOTED characters, then
 * "…" when there are more (a cell may be megabytes long). */
static char *
short_text (const char *text)
{
  const char *end;

  if (g_utf8_strlen (text, MAX_QUOTED + 1) <= MAX_QUOTED)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, MAX_QUOTED);
  {
    GString *out = g_string_new_len (text, end - text);

    g_string_append (out, "…");
    return g_string_free (out, FALSE);
  }
}

static char *
header_key (const char *text)
{
  g_autofree char *normal = normalize (text, TRUE);

  return g_utf8_strdown (normal, -1);
}

/* ---- Decoding -------------------------------------------------------- */

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

static char *
decode (const guint8  *data,
        gsize          len,
        const char    *name,
        const char   **encoding,
        gsize         *out_len,
        GError       **error)
{
  char *text;

  if (len == 0)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_NOT_TEXT,
                   C_("sheet", "%s: the file is empty"), name);
      return NULL;
    }

  if (has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2))
    {
      const char *charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", charset, NULL, out_len, NULL);
      if (text == NULL || !g_utf8_validate (text, *out_len, NULL))
        {
          g_free (text);
          g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING,
                       C_("sheet", "%s: the text is not valid UTF-16"), name);
          return NULL;
        }
      *encoding = charset;
      return text;
    }

  if (has_prefix (data, len, "PK\x03\x04", 4) || has_prefix (data, len, "\xD0\xCF\x11\xE0", 4))
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_NOT_TEXT,
                   C_("sheet", "%s: this is a workbook, not a CSV file: save the sheet as "
                               "CSV and import that"), name);
      return NULL;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_NOT_TEXT,
                   C_("sheet", "%s: this is not a text file (it holds binary data)"), name);
      return NULL;
    }

  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    {
      data += 3;
      len -= 3;
    }

  if (g_utf8_validate ((const char *) data, len, NULL))
    {
      *encoding = "UTF-8";
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  text = g_convert ((const char *) data, len, "UTF-8", "GB18030", NULL, out_len, NULL);
  if (text != NULL && g_utf8_validate (text, *out_len, NULL))
    {
      *encoding = "GB18030";
      return text;
    }
  g_free (text);

  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING,
               C_("sheet", "%s: the text is neither UTF-8 nor GB18030 (GBK)"), name);
  return NULL;
}

/* The separator used most in the first lines: ',' unless tabs or
 * semicolons are more common (Excel's "Unicode text" uses tabs). */
static char
guess_separator (const char *text,
                 gsize       len)
{
  guint commas = 0, tabs = 0, semicolons = 0, lines = 0;
  gboolean in_quotes = FALSE;

  for (gsize i = 0; i < len && lines < 10; i++)
    {
      switch (text[i])
        {
        case '"':
          in_quotes = !in_quotes;
          break;
        case ',':
          commas += !in_quotes;
          break;
        case '\t':
          tabs += !in_quotes;
          break;
        case ';':
          semicolons += !in_quotes;
          break;
        case '\n':
          lines += !in_quotes;
          break;
        default:
          break;
        }
    }

  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

/* ---- Header ---------------------------------------------------------- */

typedef struct
{
  Col         col;
  const char *key; /* as header_key() makes it */
} Alias;

static const Alias aliases[] = {
  { COL_SECTION, "章节" }, { COL_SECTION, "部分" }, { COL_SECTION, "section" },
  { COL_NUMBER, "序号" }, { COL_NUMBER, "编号" }, { COL_NUMBER, "要点序号" },
  { COL_NUMBER, "no." }, { COL_NUMBER, "no" }, { COL_NUMBER, "number" }, { COL_NUMBER, "item" },
  { COL_INDICATOR, "指标" }, { COL_INDICATOR, "指标名称" }, { COL_INDICATOR, "indicator" },
  { COL_DATE, "日期" }, { COL_DATE, "填报日期" }, { COL_DATE, "统计日期" }, { COL_DATE, "date" },
  { COL_VALUE, "数值" }, { COL_VALUE, "完成值" }, { COL_VALUE, "实际值" }, { COL_VALUE, "value" },
  { COL_CURRENT, "当前值" }, { COL_CURRENT, "currentvalue" },
  { COL_NOTE, "说明" }, { COL_NOTE, "备注" }, { COL_NOTE, "进展说明" }, { COL_NOTE, "note" },
  { COL_NOTE, "notes" },
  { COL_LAST_DATE, "最近填报日期" }, { COL_LAST_DATE, "lastreported" },
  { COL_ID, "指标编号" }, { COL_ID, "指标id" }, { COL_ID, "indicatorid" },
};

static const char *
value_heading (void)
{
  /* Translators: a column heading of a progress table: the value to
   * record ("数值"). */
  return C_("sheet", "Value");
}

static const char *
date_heading (void)
{
  /* Translators: a column heading of a progress table ("日期"). */
  return C_("sheet", "Date");
}

static const char *
note_heading (void)
{
  /* Translators: a column heading of a progress table ("备注"). */
  return C_("sheet", "Note");
}

static int
column_for_heading (const char *text)
{
  g_autofree char *key = header_key (text);
  const struct { Col col; const char *heading; } translated[] = {
    { COL_SECTION, jp_csv_column_get_heading (JP_CSV_COLUMN_SECTION) },
    { COL_NUMBER, jp_csv_column_get_heading (JP_CSV_COLUMN_NUMBER) },
    { COL_INDICATOR, jp_csv_column_get_heading (JP_CSV_COLUMN_INDICATOR) },
    { COL_CURRENT, jp_csv_column_get_heading (JP_CSV_COLUMN_VALUE) },
    { COL_LAST_DATE, jp_csv_column_get_heading (JP_CSV_COLUMN_LAST_DATE) },
    { COL_DATE, jp_csv_column_get_heading (JP_CSV_COLUMN_DATE) },
    { COL_ID, jp_csv_column_get_heading (JP_CSV_COLUMN_ID) },
    { COL_VALUE, value_heading () },
    { COL_DATE, date_heading () },
    { COL_NOTE, note_heading () },
  };

  if (*key == '\0')
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (key, aliases[i].key) == 0)
      return aliases[i].col;

  for (guint i = 0; i < G_N_ELEMENTS (translated); i++)
    {
      g_autofree char *other = header_key (translated[i].heading);

      if (strcmp (key, other) == 0)
        return translated[i].col;
    }

  return -1;
}

/* Whether @record is the header: two known headings at least. Fills
 * @columns (field index of each Col, -1 when absent) then. */
static gboolean
is_header (JpCsvRecord *record,
           int         *columns)
{
  int found[N_COLS];
  guint n_known = 0;

  for (guint c = 0; c < N_COLS; c++)
    found[c] = -1;

  for (guint f = 0; f < record->fields->len; f++)
    {
      int col = column_for_heading (g_ptr_array_index (record->fields, f));

      if (col >= 0 && found[col] < 0)
        {
          found[col] = (int) f;
          n_known++;
        }
    }

  if (n_known < 2)
    return FALSE;

  memcpy (columns, found, sizeof found);
  return TRUE;
}

/* ---- Cells ----------------------------------------------------------- */

static gboolean
parse_chinese_number (const char *text,
                      int        *out)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  int tens = 0;
  int units = -1;
  const char *p = text;
  gboolean seen_ten = FALSE;

  while (*p != '\0')
    {
      gboolean matched = FALSE;

      if (g_str_has_prefix (p, "十") && !seen_ten)
        {
          tens = units < 0 ? 1 : units;
          units = -1;
          seen_ten = TRUE;
          p += strlen ("十");
          continue;
        }
      for (int d = 0; d < 10; d++)
        {
          if (g_str_has_prefix (p, digits[d]) && units < 0)
            {
              units = d;
              p += strlen (digits[d]);
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        return FALSE;
    }

  if (!seen_ten && units < 0)
    return FALSE;

  *out = tens * 10 + MAX (units, 0);
  return *out > 0;
}

/* Removes @suffix from the end of @s (in place). */
static gboolean
strip_suffix (char       *s,
              const char *suffix)
{
  if (!g_str_has_suffix (s, suffix))
    return FALSE;

  s[strlen (s) - strlen (suffix)] = '\0';
  return TRUE;
}

/* "5", "５", "5.0", "第5项", "5.", "5、", "（五）", "五". */
static gboolean
parse_item_number (const char *text,
                   int        *out)
{
  g_autofree char *normal = normalize (text, TRUE);
  char *p = normal;
  char *end = NULL;
  gint64 number;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  strip_suffix (p, "项");
  if (*p == '(' && strip_suffix (p, ")"))
    p++;
  if (!strip_suffix (p, "、") && !strip_suffix (p, ".0"))
    strip_suffix (p, ".");

  if (*p == '\0')
    return FALSE;

  if (g_ascii_isdigit (*p))
    {
      number = g_ascii_strtoll (p, &end, 10);
      if (*end != '\0' || number <= 0 || number > G_MAXINT)
        return FALSE;
      *out = (int) number;
      return TRUE;
    }

  return parse_chinese_number (p, out);
}

/* ISO date from "2023-06-30", "2023/6/30", "2023.6.30", "2023年6月30日",
 * "20230630", with a time after it ignored. */
static char *
parse_date (const char *text)
{
  g_autofree char *normal = normalize (text, FALSE);
  guint year = 0, month = 0, day = 0;
  const char *p = normal;
  char *end;
  GDate date;

  if (strlen (p) == 8 && strspn (p, "0123456789") == 8)
    {
      year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      month = (p[4] - '0') * 10 + (p[5] - '0');
      day = (p[6] - '0') * 10 + (p[7] - '0');
    }
  else
    {
      year = g_ascii_strtoull (p, &end, 10);
      if (end == p || end - p != 4)
        return NULL;
      p = end;
      if (*p == '-' || *p == '/' || *p == '.')
        p++;
      else if (g_str_has_prefix (p, "年"))
        p += strlen ("年");
      else
        return NULL;
      month = g_ascii_strtoull (p, &end, 10);
      if (end == p || end - p > 2)
        return NULL;
      p = end;
      if (*p == '-' || *p == '/' || *p == '.')
        p++;
      else if (g_str_has_prefix (p, "月"))
        p += strlen ("月");
      else
        return NULL;
      day = g_ascii_strtoull (p, &end, 10);
      if (end == p || end - p > 2)
        return NULL;
      p = end;
      if (g_str_has_prefix (p, "日"))
        p += strlen ("日");
      else if (g_str_has_prefix (p, "号"))
        p += strlen ("号");
      /* A time of day ("2023/6/30 0:00") is ignored. */
      if (*p != '\0' && *p != ' ' && *p != 'T')
        return NULL;
    }

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return jp_date_format_iso (&date);
}

/* The magnitude a unit or suffix starts with (万, 亿), 1 when none;
 * @rest points after it. */
static double
magnitude (const char  *text,
           const char **rest)
{
  *rest = text;
  if (g_str_has_prefix (text, "万"))
    {
      *rest = text + strlen ("万");
      return 1e4;
    }
  if (g_str_has_prefix (text, "亿"))
    {
      *rest = text + strlen ("亿");
      return 1e8;
    }
  if (g_str_has_prefix (text, "千"))
    {
      *rest = text + strlen ("千");
      return 1e3;
    }

  return 1.0;
}

static gboolean
is_milestone_word (const char *key,
                   double     *out)
{
  static const char *yes[] = { "是", "完成", "已完成", "达成", "已达成", "done", "yes", "√", "✓", "✔" };
  static const char *no[] = { "否", "未完成", "未达成", "notdone", "no", "×", "✗" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (key, yes[i]) == 0)
      {
        *out = 1.0;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (key, no[i]) == 0)
      {
        *out = 0.0;
        return TRUE;
      }

  return FALSE;
}

/* The value of a cell for @indicator: "90", "９０", "90%", "1,200",
 * "4.7亿" (4.7 when the unit is 亿元), "4700万元" (0.47 then), "630个";
 * for a milestone also 是/否, 完成/未完成. NULL with @reason set when the
 * cell is no such number. */
static gboolean
parse_value (const char   *text,
             JpIndicator  *indicator,
             double       *out,
             char        **reason)
{
  g_autofree char *key = NULL;
  g_autofree char *unit_key = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  const char *suffix;
  const char *unit_rest;
  const char *suffix_rest;
  double unit_magnitude;
  double suffix_magnitude = 1.0;
  double value;
  gboolean suffix_ok = FALSE;
  gboolean seen_point = FALSE;
  guint n_digits = 0;

  key = normalize (text, TRUE);
  {
    g_autofree char *lower = g_utf8_strdown (key, -1);

    if (jp_indicator_get_kind (indicator) == JP_INDICATOR_KIND_MILESTONE &&
        is_milestone_word (lower, out))
      return TRUE;
  }

  p = key;
  if (*p == '+' || *p == '-')
    g_string_append_c (digits, *p++);

  /* Digits with thousands separators (1,200 or 1,234,567 only) and a
   * decimal point. */
  {
    const char *start = p;
    const char *last_comma = NULL;
    guint group = 0;

    while (g_ascii_isdigit (*p) || *p == ',' || (*p == '.' && !seen_point))
      {
        if (*p == ',')
          {
            if (seen_point || group == 0 || (last_comma == NULL ? group > 3 : group != 3))
              goto bad_number;
            last_comma = p;
            group = 0;
          }
        else if (*p == '.')
          {
            if (last_comma != NULL && group != 3)
              goto bad_number;
            seen_point = TRUE;
            g_string_append_c (digits, '.');
          }
        else
          {
            g_string_append_c (digits, *p);
            n_digits++;
            group++;
          }
        p++;
      }
    if (last_comma != NULL && !seen_point && group != 3)
      goto bad_number;
    if (p == start || n_digits == 0)
      goto bad_number;
  }

  value = g_ascii_strtod (digits->str, NULL);
  if (!isfinite (value) || fabs (value) > MAX_NUMBER)
    goto bad_number;

  suffix = p;
  unit_key = normalize (jp_indicator_get_unit (indicator), TRUE);
  unit_magnitude = magnitude (unit_key, &unit_rest);
  if (*unit_rest == '\0')
    {
      /* The unit is only a magnitude ("万"): it is a measure, not a scale. */
      unit_magnitude = 1.0;
      unit_rest = unit_key;
    }

  if (*suffix == '\0' || strcmp (suffix, unit_key) == 0)
    suffix_ok = TRUE;
  else if (strcmp (suffix, "%") == 0 || strcmp (suffix, "百分点") == 0)
    suffix_ok = *unit_key == '\0' || strcmp (unit_key, "%") == 0 ||
                g_str_has_suffix (unit_key, "百分点");
  else
    {
      suffix_magnitude = magnitude (suffix, &suffix_rest);
      if (suffix_magnitude != 1.0 &&
          (*suffix_rest == '\0' || strcmp (suffix_rest, unit_rest) == 0))
        suffix_ok = TRUE;
      else if (suffix_magnitude == 1.0 && unit_magnitude != 1.0 &&
               strcmp (suffix, unit_rest) == 0)
        suffix_ok = TRUE; /* "47000000元" for 亿元 */
      /* Scale by whole powers of ten, so that 4700万 is 0.47 exactly as
       * the number 0.47 is. */
      if (suffix_ok && suffix_magnitude > unit_magnitude)
        value *= suffix_magnitude / unit_magnitude;
      else if (suffix_ok && suffix_magnitude < unit_magnitude)
        value /= unit_magnitude / suffix_magnitude;
    }

  if (!suffix_ok)
    {
      g_autofree char *quoted = short_text (text);

      if (*unit_key != '\0')
        *reason = g_strdup_printf (C_("sheet", "“%s” does not fit the unit of the indicator (%s)"),
                                   quoted, jp_indicator_get_unit (indicator));
      else
        *reason = g_strdup_printf (C_("sheet", "“%s” is not a number"), quoted);
      return FALSE;
    }

  *out = value;
  return TRUE;

bad_number:
  {
    g_autofree char *quoted = short_text (text);

    *reason = g_strdup_printf (C_("sheet", "“%s” is not a number"), quoted);
  }
  return FALSE;
}

static gboolean
same_value (double a,
            double b)
{
  g_autofree char *sa = jp_format_number (a, FALSE);
  g_autofree char *sb = jp_format_number (b, FALSE);

  return strcmp (sa, sb) == 0;
}

/* ---- Matching -------------------------------------------------------- */

typedef struct
{
  JpProgressImport *self;
  GPtrArray        *selected;   /* of JpItem, borrowed */
  GHashTable       *by_number;  /* item number → GPtrArray of the selected items */
  char             *selection;  /* "Leader: 张学兵", NULL for the whole plan */
  int               columns[N_COLS];
} Reader;

static const char *
cell (JpCsvRecord *record,
      int          column)
{
  if (column < 0 || (guint) column >= record->fields->len)
    return "";

  return g_ptr_array_index (record->fields, column);
}

static gboolean
section_matches (JpSection  *section,
                 const char *text)
{
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label_key = NULL;
  g_autofree char *ordinal_key = NULL;

  if (section == NULL)
    return FALSE;

  key = normalize (text, TRUE);
  label = jp_csv_dup_section_label (section);
  label_key = normalize (label, TRUE);
  ordinal_key = normalize (jp_section_get_ordinal (section), TRUE);

  return strcmp (key, label_key) == 0 ||
         (*ordinal_key != '\0' &&
          (strcmp (key, ordinal_key) == 0 ||
           (g_str_has_prefix (key, ordinal_key) &&
            g_str_has_prefix (key + strlen (ordinal_key), "、"))));
}

/* The selected items numbered @number (within the section the row names,
 * when that narrows them down). */
static GPtrArray *
find_items (Reader     *reader,
            int         number,
            const char *section_text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) in_section = g_ptr_array_new ();

  GPtrArray *numbered = g_hash_table_lookup (reader->by_number, GINT_TO_POINTER (number));

  for (guint i = 0; numbered != NULL && i < numbered->len; i++)
    {
      JpItem *item = g_ptr_array_index (numbered, i);

      g_ptr_array_add (items, item);
      if (*section_text != '\0' && section_matches (jp_item_get_section (item), section_text))
        g_ptr_array_add (in_section, item);
    }

  if (in_section->len > 0)
    return g_steal_pointer (&in_section);

  return g_steal_pointer (&items);
}

/* "“A”; “B”", or with @sections "“A” (section 一); “A” (section 三)". */
static char *
list_indicators (GPtrArray *indicators,
                 gboolean   sections)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < indicators->len && i < MAX_LISTED; i++)
    {
      JpIndicator *indicator = g_ptr_array_index (indicators, i);
      JpItem *item = jp_indicator_get_item (indicator);
      JpSection *section = item != NULL ? jp_item_get_section (item) : NULL;
      g_autofree char *label = short_text (jp_csv_indicator_get_label (indicator));

      if (i > 0)
        /* Translators: between indicator names in a message ("；"). */
        g_string_append (names, C_("sheet", "; "));
      if (sections && section != NULL)
        /* Translators: an indicator and the section of its item, when
         * items of several sections have the same number. */
        g_string_append_printf (names, C_("sheet", "“%s” (section %s)"),
                                label, jp_section_get_ordinal (section));
      else
        g_string_append_printf (names, "“%s”", label);
    }
  if (indicators->len > MAX_LISTED)
    {
      guint more = indicators->len - MAX_LISTED;

      g_string_append (names, C_("sheet", "; "));
      /* Translators: after the first indicators of a list */
      g_string_append_printf (names, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                  more), more);
    }

  if (sections)
    /* Translators: after a list of indicators of items of several
     * sections ("部分" is the heading of the section column). */
    g_string_append_printf (names, C_("sheet", "; add a “%s” column to choose"),
                            jp_csv_column_get_heading (JP_CSV_COLUMN_SECTION));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The indicator of @items that @text names: exact name, then the same
 * name up to full-width forms and spaces, then a unique prefix. */
static JpIndicator *
match_indicator (GPtrArray   *items,
                 int          number,
                 const char  *text,
                 char       **reason)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) exact = g_ptr_array_new ();
  g_autoptr(GPtrArray) similar = g_ptr_array_new ();
  g_autoptr(GPtrArray) prefixed = g_ptr_array_new ();
  g_autofree char *key = normalize (text, TRUE);
  g_autofree char *quoted = short_text (text);

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (all, g_list_model_get_item (indicators, j));
    }

  if (all->len == 0)
    {
      *reason = g_strdup_printf (C_("sheet", "item %d has no indicators"), number);
      return NULL;
    }

  if (*key == '\0')
    {
      g_autofree char *names = NULL;

      if (all->len == 1)
        return g_ptr_array_index (all, 0);
      names = list_indicators (all, items->len > 1);
      *reason = g_strdup_printf (C_("sheet", "no indicator named, and item %d has several: %s"),
                                 number, names);
      return NULL;
    }

  for (guint i = 0; i < all->len; i++)
    {
      JpIndicator *indicator = g_ptr_array_index (all, i);
      const char *label = jp_csv_indicator_get_label (indicator);
      g_autofree char *label_key = normalize (label, TRUE);

      if (strcmp (label, text) == 0)
        g_ptr_array_add (exact, indicator);
      if (strcmp (label_key, key) == 0)
        g_ptr_array_add (similar, indicator);
      if (g_str_has_prefix (label_key, key))
        g_ptr_array_add (prefixed, indicator);
    }

  if (exact->len == 1)
    return g_ptr_array_index (exact, 0);
  if (exact->len == 0 && similar->len == 1)
    return g_ptr_array_index (similar, 0);
  if (exact->len == 0 && similar->len == 0 && prefixed->len == 1)
    return g_ptr_array_index (prefixed, 0);

  if (items->len == 1 && (exact->len > 1 || (exact->len == 0 && similar->len > 1)))
    {
      /* Translators: several indicators of one item have the same name;
       * the heading of the ID column ("指标编号") */
      *reason = g_strdup_printf (C_("sheet", "item %d has several indicators named “%s”: "
                                             "the row needs the “%s” of the exported table"),
                                 number, quoted, jp_csv_column_get_heading (JP_CSV_COLUMN_ID));
      return NULL;
    }
  if (exact->len > 1 || similar->len > 1 || prefixed->len > 1)
    {
      GPtrArray *several = exact->len > 1 ? exact : similar->len > 1 ? similar : prefixed;
      g_autofree char *names = list_indicators (several, items->len > 1);

      *reason = g_strdup_printf (C_("sheet", "“%s” matches several indicators of item %d: %s"),
                                 quoted, number, names);
      return NULL;
    }

  {
    g_autofree char *names = list_indicators (all, items->len > 1);

    *reason = g_strdup_printf (C_("sheet", "item %d has no indicator “%s” (its indicators: %s)"),
                               number, quoted, names);
  }
  return NULL;
}

/* The indicator of @items whose ID the row gives, NULL when none of them
 * has it (the table may come from another database: the name decides
 * then). */
static JpIndicator *
match_id (GPtrArray *items,
          gint64     id)
{
  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);

          if (jp_indicator_get_id (indicator) == id)
            return indicator; /* Borrowed: the item holds it */
        }
    }

  return NULL;
}

static void
read_row (Reader        *reader,
          JpCsvRecord   *record,
          JpProgressRow *row)
{
  JpPlan *plan = reader->self->plan;
  const int *columns = reader->columns;
  g_autofree char *section_text = trim_cell (jp_csv_strip_guard (cell (record,
                                                                      columns[COL_SECTION])));
  g_autofree char *id_text = trim_cell (cell (record, columns[COL_ID]));
  g_autofree char *reason = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int number = 0;

  if (*row->item_text == '\0')
    {
      row_set_state (row, JP_PROGRESS_ROW_INVALID, g_strdup (C_("sheet", "no item number")));
      return;
    }
  if (!parse_item_number (row->item_text, &number))
    {
      g_autofree char *quoted = short_text (row->item_text);

      row_set_state (row, JP_PROGRESS_ROW_INVALID,
                     g_strdup_printf (C_("sheet", "“%s” is not an item number"), quoted));
      return;
    }

  items = find_items (reader, number, section_text);
  if (items->len == 0)
    {
      if (reader->selection != NULL && jp_plan_find_item_by_number (plan, number) != NULL)
        row_set_state (row, JP_PROGRESS_ROW_INVALID,
                       g_strdup_printf (C_("sheet", "item %d is not among the items selected (%s)"),
                                        number, reader->selection));
      else
        row_set_state (row, JP_PROGRESS_ROW_INVALID,
                       g_strdup_printf (C_("sheet", "the plan has no item %d"), number));
      return;
    }

  if (*id_text != '\0')
    {
      gint64 id = 0;

      if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
        {
          g_autofree char *quoted = short_text (id_text);

          row_set_state (row, JP_PROGRESS_ROW_INVALID,
                         g_strdup_printf (C_("sheet", "“%s” is not an indicator ID"), quoted));
          return;
        }
      row->indicator = match_id (items, id);
      if (row->indicator != NULL && *row->indicator_text != '\0')
        {
          g_autofree char *key = normalize (row->indicator_text, TRUE);
          g_autofree char *label_key = normalize (jp_csv_indicator_get_label (row->indicator),
                                                  TRUE);

          if (!g_str_has_prefix (label_key, key))
            {
              g_autofree char *quoted = short_text (row->indicator_text);
              g_autofree char *label = short_text (jp_csv_indicator_get_label (row->indicator));

              /* Translators: an indicator ID, the name of that indicator,
               * the name the row gives */
              row_set_state (row, JP_PROGRESS_ROW_INVALID,
                             g_strdup_printf (C_("sheet", "the indicator with ID %s is “%s”, "
                                                          "not “%s”"),
                                              id_text, label, quoted));
              row->indicator = NULL;
              return;
            }
        }
    }

  if (row->indicator == NULL)
    row->indicator = match_indicator (items, number, row->indicator_text, &reason);
  if (row->indicator == NULL)
    {
      row_set_state (row, JP_PROGRESS_ROW_INVALID, g_steal_pointer (&reason));
      return;
    }
  row->item = jp_indicator_get_item (row->indicator);

  if (!parse_value (row->value_text, row->indicator, &row->value, &reason))
    {
      row_set_state (row, JP_PROGRESS_ROW_INVALID, g_steal_pointer (&reason));
      return;
    }
  if (!jp_indicator_check_value (row->indicator, row->value, &error))
    {
      row_set_state (row, JP_PROGRESS_ROW_INVALID, g_strdup (error->message));
      return;
    }

  {
    g_autofree char *trimmed = trim_cell (cell (record, columns[COL_DATE]));

    if (*trimmed != '\0')
      {
        row->file_date = parse_date (trimmed);
        if (row->file_date == NULL)
          {
            g_autofree char *quoted = short_text (trimmed);

            row_set_state (row, JP_PROGRESS_ROW_INVALID,
                           g_strdup_printf (C_("sheet", "“%s” is not a date"), quoted));
            return;
          }
      }
    else
      {
        /* The exported table: the value recorded on 最近填报日期 left as
         * it was is no new value (that date is not the new value's). */
        g_autofree char *last_trimmed = trim_cell (cell (record, columns[COL_LAST_DATE]));

        row->undated = TRUE;
        if (*last_trimmed != '\0')
          row->last_date = parse_date (last_trimmed);
      }
  }

  {
    g_autofree char *note = trim_cell (cell (record, columns[COL_NOTE]));

    row->note = g_steal_pointer (&note);
  }

  if (!jp_indicator_ensure_history (row->indicator, &error))
    {
      row_set_state (row, JP_PROGRESS_ROW_INVALID, g_strdup (error->message));
      return;
    }

  row->parsed = TRUE;
}

/* ---- Dates and what is recorded ---------------------------------------- */

static char *
value_key (const char *date,
           double      value)
{
  g_autofree char *number = jp_format_number (value, FALSE);

  return g_strconcat (date, "|", number, NULL);
}

/* What an indicator holds, by date: "DATE" → the last entry of that date,
 * "DATE|VALUE" → an entry of that date and value (the value as the numbers
 * read, to two decimals). Built once per check, in one pass. */
static GHashTable *
index_history (JpIndicator *indicator)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *entries = jp_indicator_get_progress (indicator);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (entries, i);
      const char *date = jp_progress_entry_get_date (entry);

      if (date == NULL)
        continue;
      /* Sorted by date then id: the last of a date wins. */
      g_hash_table_insert (index, g_strdup (date), entry);
      g_hash_table_insert (index, value_key (date, jp_progress_entry_get_value (entry)), entry);
    }

  return index;
}

static GHashTable *
lookup_index (GHashTable  *indexes,
              JpIndicator *indicator)
{
  GHashTable *index = g_hash_table_lookup (indexes, indicator);

  if (index == NULL)
    {
      index = index_history (indicator);
      g_hash_table_insert (indexes, indicator, index);
    }

  return index;
}

static char *
seen_key (JpIndicator *indicator,
          const char  *date)
{
  return g_strdup_printf ("%p|%s", (gpointer) indicator, date);
}

/* Dates every parsed row (its own date, else the date for undated rows),
 * checks the plan period, and sorts it: already recorded, a change, new,
 * or invalid. Linear in the rows and the histories. */
static void
check_rows (JpProgressImport *self)
{
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *start = jp_plan_get_start (self->plan);
  const char *end = jp_plan_get_end (self->plan);

  for (guint i = 0; i < self->rows->len; i++)
    {
      JpProgressRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *number = NULL;
      g_autofree char *key = NULL;
      GHashTable *index;
      JpProgressEntry *same;
      JpProgressEntry *other;
      JpProgressRow *earlier;

      if (!row->parsed)
        continue;

      row->replaces = NULL;
      row->old_value = 0.0;
      g_clear_pointer (&row->date, g_free);
      number = jp_format_number (row->value, TRUE);
      index = lookup_index (indexes, row->indicator);

      if (row->undated && row->last_date != NULL)
        {
          g_autofree char *last_key = value_key (row->last_date, row->value);

          if (g_hash_table_contains (index, last_key))
            {
              /* Translators: a row skipped; the value and the date it was
               * recorded on. */
              row_set_state (row, JP_PROGRESS_ROW_DUPLICATE,
                             g_strdup_printf (C_("sheet", "unchanged: %s was recorded on %s"),
                                              number, row->last_date));
              continue;
            }
        }

      row->date = g_strdup (row->undated ? self->undated_date : row->file_date);
      if (row->date == NULL)
        {
          /* Translators: a row without a date; the heading of the date
           * column ("填报日期") */
          row_set_state (row, JP_PROGRESS_ROW_INVALID,
                         g_strdup_printf (C_("sheet", "no date: fill in “%s”, or choose a date "
                                                      "for the rows without one"),
                                          jp_csv_column_get_heading (JP_CSV_COLUMN_DATE)));
          continue;
        }

      if (jp_date_compare (row->date, start) < 0 || jp_date_compare (row->date, end) > 0)
        {
          row_set_state (row, JP_PROGRESS_ROW_INVALID,
                         g_strdup_printf (C_("sheet",
                                             "the date %s is outside the plan period (%s to %s)"),
                                          row->date, start, end));
          continue;
        }

      /* One value per indicator and date in the file too. */
      key = seen_key (row->indicator, row->date);
      earlier = g_hash_table_lookup (seen, key);
      if (earlier != NULL)
        {
          g_autofree char *earlier_number = jp_format_number (earlier->value, TRUE);

          if (same_value (earlier->value, row->value))
            row_set_state (row, JP_PROGRESS_ROW_DUPLICATE,
                           g_strdup_printf (C_("sheet", "the same value and date as line %u"),
                                            earlier->line));
          else
            /* Translators: the earlier line, its value, the date */
            row_set_state (row, JP_PROGRESS_ROW_INVALID,
                           g_strdup_printf (C_("sheet", "line %u gives this indicator another "
                                                        "value (%s) on %s"),
                                            earlier->line, earlier_number, row->date));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), row);

      {
        g_autofree char *same_key = value_key (row->date, row->value);

        same = g_hash_table_lookup (index, same_key);
        other = g_hash_table_lookup (index, row->date);
      }
      if (same != NULL)
        {
          row_set_state (row, JP_PROGRESS_ROW_DUPLICATE,
                         g_strdup_printf (C_("sheet", "already recorded: %s on %s"),
                                          number, row->date));
          continue;
        }
      if (other == NULL && row->undated)
        {
          /* A date chosen for the rows without one: the same values
           * imported again with a later date are no new values. */
          JpProgressEntry *latest = jp_indicator_find_entry (row->indicator, row->date);

          if (latest != NULL && same_value (jp_progress_entry_get_value (latest), row->value))
            {
              row_set_state (row, JP_PROGRESS_ROW_DUPLICATE,
                             g_strdup_printf (C_("sheet", "unchanged: %s was recorded on %s"),
                                              number, jp_progress_entry_get_date (latest)));
              continue;
            }
        }
      if (other != NULL)
        {
          g_autofree char *old_number = NULL;

          row->replaces = other;
          row->old_value = jp_progress_entry_get_value (other);
          old_number = jp_format_number (row->old_value, TRUE);
          /* Translators: a value recorded for a date that has another
           * one: the old value, the new one, the date */
          row_set_state (row, JP_PROGRESS_ROW_CHANGE,
                         g_strdup_printf (C_("sheet", "%s → %s on %s"),
                                          old_number, number, row->date));
          continue;
        }

      row_set_state (row, JP_PROGRESS_ROW_NEW, NULL);
    }
}

static gboolean
record_is_blank (JpCsvRecord *record)
{
  for (guint f = 0; f < record->fields->len; f++)
    {
      g_autofree char *trimmed = trim_cell (g_ptr_array_index (record->fields, f));

      if (*trimmed != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The reading of a file, one record at a time (the records are not kept:
 * memory in the size of the rows that hold a value). */
typedef struct
{
  Reader    reader;
  guint     n_records;    /* read before the header */
  gboolean  header_found;
  int       value_column;
  GError   *error;        /* stops the reading */
} Reading;

static gboolean
read_record (JpCsvRecord *record,
             gpointer     user_data)
{
  g_autoptr(JpCsvRecord) owned = record;
  Reading *reading = user_data;
  Reader *reader = &reading->reader;
  JpProgressImport *self = reader->self;
  g_autoptr(JpProgressRow) row = NULL;
  g_autofree char *value_text = NULL;

  if (!reading->header_found)
    {
      const char *missing = NULL;

      if (!is_header (record, reader->columns))
        return ++reading->n_records < MAX_HEADER_RECORD;

      reading->header_found = TRUE;
      reading->value_column = reader->columns[COL_VALUE] >= 0 ? reader->columns[COL_VALUE] :
                                                                reader->columns[COL_CURRENT];
      if (reader->columns[COL_NUMBER] < 0)
        missing = jp_csv_column_get_heading (JP_CSV_COLUMN_NUMBER);
      else if (reader->columns[COL_INDICATOR] < 0)
        missing = jp_csv_column_get_heading (JP_CSV_COLUMN_INDICATOR);
      else if (reading->value_column < 0)
        missing = value_heading ();
      if (missing != NULL)
        {
          g_set_error (&reading->error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_MISSING_FIELD,
                       C_("sheet", "%s:%u: the table has no “%s” column"),
                       self->display_name, record->line, missing);
          return FALSE;
        }
      return TRUE;
    }

  if (record_is_blank (record))
    return TRUE;
  value_text = trim_cell (cell (record, reading->value_column));
  if (*value_text == '\0')
    return TRUE;

  if (self->rows->len >= JP_PROGRESS_MAX_ROWS)
    {
      g_set_error (&reading->error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE,
                   C_("sheet", "%s:%u: more than %u rows with a value: import the table in "
                               "parts"),
                   self->display_name, record->line, JP_PROGRESS_MAX_ROWS);
      return FALSE;
    }

  row = g_object_new (JP_TYPE_PROGRESS_ROW, NULL);
  row->line = record->line;
  row->value_text = g_steal_pointer (&value_text);
  row->item_text = trim_cell (cell (record, reader->columns[COL_NUMBER]));
  /* Without the apostrophe that guards a text like "=…" in the export. */
  row->indicator_text = trim_cell (jp_csv_strip_guard (cell (record,
                                                             reader->columns[COL_INDICATOR])));
  read_row (reader, record, row);
  g_ptr_array_add (self->rows, g_steal_pointer (&row));
  return TRUE;
}

static gboolean
read_text (JpProgressImport  *self,
           const char        *text,
           gsize              length,
           const char        *spec,
           GError           **error)
{
  Reading reading = { { self, }, };
  Reader *reader = &reading.reader;
  gboolean ok = FALSE;

  reader->selected = jp_csv_select_items (self->plan, spec, &reader->selection, error);
  if (reader->selected == NULL)
    return FALSE;
  /* Rows find their items by number in one lookup, not a pass over the
   * plan each. */
  reader->by_number = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < reader->selected->len; i++)
    {
      JpItem *item = g_ptr_array_index (reader->selected, i);
      gpointer key = GINT_TO_POINTER (jp_item_get_number (item));
      GPtrArray *numbered = g_hash_table_lookup (reader->by_number, key);

      if (numbered == NULL)
        {
          numbered = g_ptr_array_new ();
          g_hash_table_insert (reader->by_number, key, numbered);
        }
      g_ptr_array_add (numbered, item);
    }

  if (!jp_csv_parse_each (text, length, guess_separator (text, length), self->display_name,
                          read_record, &reading, error))
    goto out;
  if (reading.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reading.error));
      goto out;
    }
  if (!reading.header_found)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_MISSING_FIELD,
                   C_("sheet", "%s: no header row: the table needs the columns “%s”, “%s” "
                               "and “%s” (or “%s”)"),
                   self->display_name,
                   jp_csv_column_get_heading (JP_CSV_COLUMN_NUMBER),
                   jp_csv_column_get_heading (JP_CSV_COLUMN_INDICATOR),
                   value_heading (),
                   jp_csv_column_get_heading (JP_CSV_COLUMN_VALUE));
      goto out;
    }

  check_rows (self);
  ok = TRUE;

out:
  g_clear_error (&reading.error);
  g_clear_pointer (&reader->selected, g_ptr_array_unref);
  g_clear_pointer (&reader->by_number, g_hash_table_unref);
  g_clear_pointer (&reader->selection, g_free);
  return ok;
}

/* ---- GObject --------------------------------------------------------- */

static GType
jp_progress_import_get_item_type (GListModel *model)
{
  return JP_TYPE_PROGRESS_ROW;
}

static guint
jp_progress_import_get_n_items (GListModel *model)
{
  return JP_PROGRESS_IMPORT (model)->rows->len;
}

static gpointer
jp_progress_import_get_item (GListModel *model,
                             guint       position)
{
  JpProgressImport *self = JP_PROGRESS_IMPORT (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
jp_progress_import_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = jp_progress_import_get_item_type;
  iface->get_n_items = jp_progress_import_get_n_items;
  iface->get_item = jp_progress_import_get_item;
}

static void
jp_progress_import_dispose (GObject *object)
{
  JpProgressImport *self = JP_PROGRESS_IMPORT (object);

  /* The rows borrow from the plan: drop them first. */
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jp_progress_import_parent_class)->dispose (object);
}

static void
jp_progress_import_finalize (GObject *object)
{
  JpProgressImport *self = JP_PROGRESS_IMPORT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->undated_date, g_free);

  G_OBJECT_CLASS (jp_progress_import_parent_class)->finalize (object);
}

static void
jp_progress_import_class_init (JpProgressImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_progress_import_dispose;
  object_class->finalize = jp_progress_import_finalize;
}

static void
jp_progress_import_init (JpProgressImport *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->encoding = "UTF-8";
}

/* ---- Public API ------------------------------------------------------ */

static gboolean
check_size (const char  *name,
            guint64      size,
            GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= JP_PROGRESS_MAX_SIZE)
    return TRUE;

  size_text = g_format_size (size);
  limit_text = g_format_size (JP_PROGRESS_MAX_SIZE);
  /* Translators: "进展.csv: the file is too large (600.0 MB): …" */
  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE,
               C_("sheet", "%s: the file is too large (%s): a progress table may have at most %s"),
               name, size_text, limit_text);
  return FALSE;
}

gboolean
jp_progress_import_check_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }
  /* A FIFO or a device would block or never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ,
                   C_("sheet", "%s: not a regular file"), name);
      return FALSE;
    }

  return check_size (name, (guint64) g_file_info_get_size (info), error);
}

/* @date, when not NULL, a date inside the plan period. */
static gboolean
check_undated_date (JpPlan      *plan,
                    const char  *date,
                    GError     **error)
{
  if (date == NULL)
    return TRUE;

  if (!jp_date_is_valid (date))
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE,
                   C_("sheet", "“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  if (jp_date_compare (date, jp_plan_get_start (plan)) < 0 ||
      jp_date_compare (date, jp_plan_get_end (plan)) > 0)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE,
                   C_("sheet", "the date %s is outside the plan period (%s to %s)"),
                   date, jp_plan_get_start (plan), jp_plan_get_end (plan));
      return FALSE;
    }

  return TRUE;
}

JpProgressImport *
jp_progress_import_new_for_bytes (JpPlan      *plan,
                                  GBytes      *bytes,
                                  const char  *display_name,
                                  const char  *undated_date,
                                  const char  *spec,
                                  GError     **error)
{
  g_autoptr(JpProgressImport) self = NULL;
  g_autofree char *text = NULL;
  const guint8 *data;
  gsize size = 0;
  gsize length = 0;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "";

  if (!check_undated_date (plan, undated_date, error))
    return NULL;

  self = g_object_new (JP_TYPE_PROGRESS_IMPORT, NULL);
  self->plan = g_object_ref (plan);
  self->display_name = g_strdup (display_name);
  self->undated_date = g_strdup (undated_date);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (display_name, size, error))
    return NULL;
  text = decode (data, size, display_name, &self->encoding, &length, error);
  if (text == NULL)
    return NULL;

  if (!read_text (self, text, length, spec, error))
    return NULL;

  return g_steal_pointer (&self);
}

JpProgressImport *
jp_progress_import_new_for_file (JpPlan        *plan,
                                 GFile         *file,
                                 const char    *undated_date,
                                 const char    *spec,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!jp_progress_import_check_file (file, cancellable, error))
    return NULL;
  name = g_file_get_parse_name (file);
  bytes = jp_file_load_bounded (file, JP_SHEET_MAX_SIZE, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  return jp_progress_import_new_for_bytes (plan, bytes, name, undated_date, spec, error);
}

JpPlan *
jp_progress_import_get_plan (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), NULL);

  return self->plan;
}

const char *
jp_progress_import_get_display_name (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), NULL);

  return self->display_name;
}

const char *
jp_progress_import_get_undated_date (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), NULL);

  return self->undated_date;
}

gboolean
jp_progress_import_set_undated_date (JpProgressImport  *self,
                                     const char        *date,
                                     GError           **error)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_undated_date (self->plan, date, error))
    return FALSE;

  g_free (self->undated_date);
  self->undated_date = g_strdup (date);
  check_rows (self);
  return TRUE;
}

guint
jp_progress_import_get_n_undated (JpProgressImport *self)
{
  guint n = 0;

  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += JP_PROGRESS_ROW (g_ptr_array_index (self->rows, i))->undated;

  return n;
}

const char *
jp_progress_import_get_encoding (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), NULL);

  return self->encoding;
}

guint
jp_progress_import_count (JpProgressImport   *self,
                          JpProgressRowState  state)
{
  guint n = 0;

  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += JP_PROGRESS_ROW (g_ptr_array_index (self->rows, i))->state == state;

  return n;
}

guint
jp_progress_import_get_n_to_record (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), 0);

  return jp_progress_import_count (self, JP_PROGRESS_ROW_NEW) +
         jp_progress_import_count (self, JP_PROGRESS_ROW_CHANGE);
}

guint
jp_progress_import_get_n_errors (JpProgressImport *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), 0);

  return jp_progress_import_count (self, JP_PROGRESS_ROW_INVALID) +
         jp_progress_import_count (self, JP_PROGRESS_ROW_FAILED);
}

static void
set_invalid_rows_error (JpProgressImport  *self,
                        guint              n_errors,
                        GError           **error)
{
  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: %u row cannot be imported: nothing was imported",
                            "%s: %u rows cannot be imported: nothing was imported", n_errors),
               self->display_name, n_errors);
}

gboolean
jp_progress_import_commit (JpProgressImport   *self,
                           JpStore            *store,
                           JpProgressRowFunc   row_func,
                           gpointer            user_data,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_errors;

  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT (self), FALSE);
  g_return_val_if_fail (JP_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (jp_store_get_read_only (store))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   C_("sheet", "%s: the database is open read-only; nothing was imported"),
                   jp_store_get_path (store));
      return FALSE;
    }

  /* Against what is recorded by now. */
  check_rows (self);
  n_errors = jp_progress_import_get_n_errors (self);
  if (n_errors > 0)
    {
      set_invalid_rows_error (self, n_errors, error);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  indicators = g_ptr_array_new ();
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  replaced = g_ptr_array_new ();
  recorded = g_ptr_array_new ();
  for (guint i = 0; i < self->rows->len; i++)
    {
      JpProgressRow *row = g_ptr_array_index (self->rows, i);
      JpProgressEntry *entry;

      if (row->state != JP_PROGRESS_ROW_NEW && row->state != JP_PROGRESS_ROW_CHANGE)
        continue;

      entry = jp_progress_entry_new (row->date, row->value);
      jp_progress_entry_set_note (entry, row->note);
      g_ptr_array_add (indicators, row->indicator);
      g_ptr_array_add (entries, entry);
      g_ptr_array_add (replaced, row->state == JP_PROGRESS_ROW_CHANGE ? row->replaces : NULL);
      g_ptr_array_add (recorded, row);
    }

  if (!jp_store_record_progress (store, (JpIndicator **) indicators->pdata,
                                 (JpProgressEntry **) entries->pdata,
                                 (JpProgressEntry **) replaced->pdata, indicators->len,
                                 &local_error))
    {
      /* Translators: the file, then why the database refused the rows */
      g_set_error (error, local_error->domain, local_error->code,
                   C_("sheet", "%s: nothing was imported: %s"),
                   self->display_name, local_error->message);
      return FALSE;
    }

  self->committed = TRUE;
  for (guint i = 0; i < recorded->len; i++)
    {
      JpProgressRow *row = g_ptr_array_index (recorded, i);

      row_set_state (row, JP_PROGRESS_ROW_COMMITTED, g_strdup (row->message));
      if (row_func != NULL)
        row_func (row, user_data);
    }

  return TRUE;
}

static void
print_committed_row (JpProgressRow *row,
                     gpointer       user_data)
{
  JpProgressImport *self = user_data;
  g_autofree char *number = jp_format_number (row->value, TRUE);
  g_autofree char *line = NULL;
  g_autofree char *escaped = NULL;

  if (row->replaces != NULL)
    {
      g_autofree char *old_number = jp_format_number (row->old_value, TRUE);

      /* Translators: one changed progress value: FILE:LINE: item number,
       * indicator, the old value → the new one, date. */
      line = g_strdup_printf (C_("sheet", "%s:%u: item %d “%s”: %s → %s on %s"),
                              self->display_name, row->line, jp_item_get_number (row->item),
                              jp_csv_indicator_get_label (row->indicator), old_number, number,
                              row->date);
    }
  else
    /* Translators: one recorded progress value: FILE:LINE: item number,
     * indicator, value, date. */
    line = g_strdup_printf (C_("sheet", "%s:%u: item %d “%s”: %s on %s"), self->display_name,
                            row->line, jp_item_get_number (row->item),
                            jp_csv_indicator_get_label (row->indicator), number, row->date);
  escaped = jp_text_escape_for_terminal (line, 2000);
  g_print ("%s\n", escaped);
}

/* At most this many invalid rows are listed. */
#define MAX_LISTED_ERRORS 20

gboolean
jp_progress_import_run (JpStore     *store,
                        JpPlan      *plan,
                        const char  *path,
                        const char  *undated_date,
                        const char  *spec,
                        GError     **error)
{
  g_autoptr(JpProgressImport) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *summary = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint n_recorded;
  guint n_changed;
  guint n_skipped;
  guint n_errors;

  g_return_val_if_fail (JP_IS_STORE (store), FALSE);
  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Its kind and size before reading it (named as typed). */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      {
        if (!S_ISREG (st.st_mode))
          {
            g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ,
                         C_("sheet", "%s: not a regular file"), path);
            return FALSE;
          }
        if (!check_size (path, (guint64) st.st_size, error))
          return FALSE;
      }
  }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ, "%s", local_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (contents, length);

  self = jp_progress_import_new_for_bytes (plan, bytes, path, undated_date, spec, error);
  if (self == NULL)
    return FALSE;

  n_errors = jp_progress_import_get_n_errors (self);
  if (n_errors > 0)
    {
      guint listed = 0;
      gboolean undated = FALSE;

      for (guint i = 0; i < self->rows->len; i++)
        {
          JpProgressRow *row = g_ptr_array_index (self->rows, i);

          if (row->state != JP_PROGRESS_ROW_INVALID)
            continue;
          undated = undated || (row->undated && row->date == NULL);
          if (listed++ < MAX_LISTED_ERRORS)
            {
              g_autofree char *line = g_strdup_printf ("%s:%u: %s", self->display_name, row->line,
                                                       row->message);
              g_autofree char *escaped = jp_text_escape_for_terminal (line, 2000);

              g_printerr ("jinfeng-plan: %s\n", escaped);
            }
        }
      if (listed > MAX_LISTED_ERRORS)
        {
          guint more = listed - MAX_LISTED_ERRORS;
          g_autofree char *text = NULL;

          /* Translators: after the first rows with errors */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: and %u more row with errors",
                                               "%s: and %u more rows with errors", more),
                                  self->display_name, more);
          g_printerr ("jinfeng-plan: %s\n", text);
        }
      if (undated)
        /* Translators: a hint after rows without a date; keep the option
         * name */
        g_printerr ("jinfeng-plan: %s\n",
                    C_("sheet", "the rows without a date can be given one with "
                                "--date=YYYY-MM-DD"));
      set_invalid_rows_error (self, n_errors, error);
      return FALSE;
    }

  if (!jp_progress_import_commit (self, store, print_committed_row, self, NULL, error))
    return FALSE;

  n_recorded = jp_progress_import_count (self, JP_PROGRESS_ROW_COMMITTED);
  n_changed = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      JpProgressRow *row = g_ptr_array_index (self->rows, i);

      n_changed += row->state == JP_PROGRESS_ROW_COMMITTED && row->replaces != NULL;
    }
  n_skipped = jp_progress_import_count (self, JP_PROGRESS_ROW_DUPLICATE);
  /* Translators: the summary of a progress import; the plural goes with
   * the number of values imported (new or changed). */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "imported %u progress value (%u changed), "
                                          "skipped %u already recorded",
                                          "imported %u progress values (%u changed), "
                                          "skipped %u already recorded",
                                          n_recorded),
                             n_recorded, n_changed, n_skipped);
  g_print ("%s\n", summary);

  return TRUE;
}
