/* The plan-document importer (docs/plan-document.md).
 *
 * The document is read line by line. Each line is trimmed and classified
 * on a normalised copy of its beginning (full-width digits and punctuation
 * folded to ASCII, Markdown heading and bold marks skipped): a section
 * ("一、…"), an item ("1. …", "1．", "1、", "（一）"), a responsibility line
 * ("责任领导：…", "牵头单位：…", "完成时限：…") or text. Text is joined back
 * into paragraphs: a line that does not end with sentence-final punctuation
 * continues into the next text line, across the blank lines a page break
 * leaves ("帮助学" / "" / "生掌握"). The text itself is kept as written. */

#define G_LOG_DOMAIN "jp-document-import"

#include "config.h"

#include "jp-document-import.h"

#include "jp-limits.h"
#include "jp-target-parser.h"
#include "jp-text-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Code points of a line's beginning that classification looks at. */
#define PREFIX_MAX 48
/* An item line this short without final punctuation is the item's title. */
#define TITLE_LINE_MAX 40
/* Title-block lines longer than this are the preamble. */
#define HEAD_LINE_MAX 60
/* How far back an inline "（责任单位：…）" may start, in bytes. */
#define INLINE_RESP_MAX 2000

typedef enum
{
  STYLE_NONE,
  STYLE_ARABIC,  /* 1. 1． 1、 */
  STYLE_CHINESE, /* （一） */
} ItemStyle;

typedef enum
{
  LINE_TEXT,
  LINE_SECTION,
  LINE_ITEM,
  LINE_RESP,
} LineKind;

typedef enum
{
  RESP_LEADERS,
  RESP_UNITS,
  RESP_PARTNERS,
  RESP_DUE,
} RespKind;

typedef struct
{
  const char *text; /* trimmed; points into the decoded buffer */
  gsize       len;
  guint       lineno;
} Line;

typedef struct
{
  gunichar cp[PREFIX_MAX + 1];
  gsize    off[PREFIX_MAX + 1]; /* byte offsets into the line */
  gsize    n;
} Prefix;

typedef struct
{
  LineKind  kind;
  ItemStyle style;
  int       number;
  gsize     content;     /* byte offset of the text after the marker */
  gsize     content_end; /* byte offset of its end (closing bold removed) */
  gsize     ordinal_end; /* section: the ordinal is [0 or after marks, ordinal_end) */
  gsize     ordinal_start;
  gboolean  heading;     /* a Markdown heading or a line in bold */
} Marker;

typedef struct
{
  RespKind  kind;
  char     *value;
  gboolean  enumerated; /* inline "（责任科室：A、B）": 、 separates */
  guint     lineno;
} Resp;

typedef struct
{
  char     *ordinal;
  GString  *title;
  guint     lineno;
  guint     n_items;
  gboolean  implicit;
  gboolean  title_open;  /* the heading may continue on the next line */
  gboolean  warned_text;
} SectionBuild;

typedef struct
{
  guint      section;
  int        number;
  guint      lineno;
  GString   *text;
  gboolean   hard_break; /* the next text line starts a paragraph */
  GPtrArray *resps;      /* of Resp */
  gboolean   after_resp;
  gboolean   warned_trailing;
} ItemBuild;

typedef struct
{
  const char *name;
  GPtrArray  *warnings;
  ItemStyle   style;
  GPtrArray  *head;     /* of Line*, before the first section or item */
  GPtrArray  *sections; /* of SectionBuild */
  GPtrArray  *items;    /* of ItemBuild */
  guint       too_many_line; /* the item beyond JP_DOCUMENT_MAX_ITEMS */
} Importer;

typedef struct
{
  const char *label;
  RespKind    kind;
} Label;

/* The labels of the responsibility lines, in simplified and traditional
 * characters (a plan in Big5 is written in the latter). */
static const Label labels[] = {
  { "责任领导", RESP_LEADERS },
  { "牵头领导", RESP_LEADERS },
  { "分管领导", RESP_LEADERS },
  { "包抓领导", RESP_LEADERS },
  { "责任单位", RESP_UNITS },
  { "牵头单位", RESP_UNITS },
  { "主责单位", RESP_UNITS },
  { "责任科室", RESP_UNITS },
  { "牵头科室", RESP_UNITS },
  { "责任股室", RESP_UNITS },
  { "牵头股室", RESP_UNITS },
  { "责任部门", RESP_UNITS },
  { "牵头部门", RESP_UNITS },
  { "配合单位", RESP_PARTNERS },
  { "配合科室", RESP_PARTNERS },
  { "配合股室", RESP_PARTNERS },
  { "配合部门", RESP_PARTNERS },
  { "协办单位", RESP_PARTNERS },
  { "协作单位", RESP_PARTNERS },
  { "参与单位", RESP_PARTNERS },
  { "完成时限", RESP_DUE },
  { "完成时间", RESP_DUE },
  { "完成期限", RESP_DUE },
  { "时间节点", RESP_DUE },
  { "时限", RESP_DUE },
  { "責任領導", RESP_LEADERS },
  { "牽頭領導", RESP_LEADERS },
  { "分管領導", RESP_LEADERS },
  { "包抓領導", RESP_LEADERS },
  { "責任單位", RESP_UNITS },
  { "牽頭單位", RESP_UNITS },
  { "主責單位", RESP_UNITS },
  { "責任科室", RESP_UNITS },
  { "牽頭科室", RESP_UNITS },
  { "責任股室", RESP_UNITS },
  { "牽頭股室", RESP_UNITS },
  { "責任部門", RESP_UNITS },
  { "牽頭部門", RESP_UNITS },
  { "配合單位", RESP_PARTNERS },
  { "配合部門", RESP_PARTNERS },
  { "協辦單位", RESP_PARTNERS },
  { "協作單位", RESP_PARTNERS },
  { "參與單位", RESP_PARTNERS },
  { "完成時限", RESP_DUE },
  { "完成時間", RESP_DUE },
  { "時間節點", RESP_DUE },
  { "時限", RESP_DUE },
};

G_DEFINE_QUARK (jp-import-error-quark, jp_import_error)

void
jp_import_warning_free (JpImportWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

static void
resp_free (Resp *resp)
{
  g_free (resp->value);
  g_free (resp);
}

static void
section_build_free (SectionBuild *sec)
{
  g_free (sec->ordinal);
  g_string_free (sec->title, TRUE);
  g_free (sec);
}

static void
item_build_free (ItemBuild *item)
{
  g_string_free (item->text, TRUE);
  g_ptr_array_unref (item->resps);
  g_free (item);
}

static void add_warning (Importer   *imp,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_warning (Importer   *imp,
             guint       line,
             const char *format,
             ...)
{
  JpImportWarning *warning = g_new0 (JpImportWarning, 1);
  va_list args;

  va_start (args, format);
  warning->line = line;
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (imp->warnings, warning);
}

static void set_error (GError     **error,
                       const char  *name,
                       guint        line,
                       int          code,
                       const char  *format,
                       ...) G_GNUC_PRINTF (5, 6);

/* "NAME:LINE: message" or "NAME: message". */
static void
set_error (GError     **error,
           const char  *name,
           guint        line,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, JP_IMPORT_ERROR, code, "%s:%u: %s", name, line, message);
  else
    g_set_error (error, JP_IMPORT_ERROR, code, "%s: %s", name, message);
}

/* ---- Encoding ----------------------------------------------------------- */

/* The line (1-based) and the byte of that line (1-based) at @offset. */
static void
locate_offset (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  *column = (guint) MIN (offset - line_start + 1, G_MAXUINT);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Whether double-byte text reads better as Big5 than as GB18030 (GBK),
 * from the bytes alone, in one pass: each encoding puts its common
 * characters in a block of its own, GB2312's level 1 (leading bytes
 * B0–D7, trailing A1–FE: the 3,755 most used simplified characters) and
 * Big5's level 1 (A440–C67E: 5,401 common traditional characters). Big5
 * text read as GBK lands mostly outside GB2312's level 1 (kana, Greek,
 * private use, the rare GBK extensions), and GB2312 text read as Big5
 * outside Big5's level 1 for about half its characters. */
static gboolean
looks_like_big5 (const guint8 *data,
                 gsize         len)
{
  gsize gb_common = 0;
  gsize big5_common = 0;
  gsize i = 0;

  while (i + 1 < len)
    {
      guint8 lead = data[i];
      guint8 trail = data[i + 1];

      if (lead < 0x81 || lead == 0xFF)
        {
          i++;
          continue;
        }
      if (trail >= 0x30 && trail <= 0x39)
        {
          /* A four-byte GB18030 sequence: never Big5. */
          return FALSE;
        }
      if (lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1 && trail <= 0xFE)
        gb_common++;
      if (lead >= 0xA4 && (lead < 0xC6 || (lead == 0xC6 && trail <= 0x7E)) &&
          ((trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE)))
        big5_common++;
      i += 2;
    }

  return big5_common > gb_common;
}

/* @data converted from @charset, strictly: NULL at the first byte that is
 * not valid in it, with its offset in @bad_offset. */
static char *
convert_strictly (const guint8 *data,
                  gsize         len,
                  const char   *charset,
                  gsize        *out_len,
                  gsize        *bad_offset)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *text;

  text = g_convert ((const char *) data, len, "UTF-8", charset, &bytes_read, out_len,
                    &local_error);
  if (text != NULL && bytes_read == len && g_utf8_validate (text, *out_len, NULL))
    return text;

  g_free (text);
  /* For an illegal sequence and for a partial one at the end, the bytes
   * before it were converted. */
  *bad_offset = MIN (bytes_read, len);
  return NULL;
}

/* The document as UTF-8 (BOM removed), or NULL with an error. */
static char *
decode (Importer      *imp,
        const guint8  *data,
        gsize          len,
        gsize         *out_len,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  const char *charset;
  gsize n_control = 0;
  gsize bad_offset = 0;
  gboolean utf8_seen = FALSE;
  guint line;
  guint column;
  char *text;

  if (len == 0)
    {
      set_error (error, imp->name, 0, JP_IMPORT_ERROR_NOT_TEXT, _("the file is empty"));
      return NULL;
    }

  /* UTF-32, or UTF-16 without a byte-order mark: say so, rather than
   * "binary data". */
  if (jp_limits_check_encoding (data, len, TRUE) != NULL)
    {
      set_error (error, imp->name, 0, JP_IMPORT_ERROR_ENCODING, "%s",
                 jp_limits_check_encoding (data, len, TRUE));
      return NULL;
    }

  if (has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2))
    {
      charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", charset, NULL, out_len,
                        &local_error);
      if (text == NULL || !g_utf8_validate (text, *out_len, NULL))
        {
          g_free (text);
          set_error (error, imp->name, 0, JP_IMPORT_ERROR_ENCODING,
                     _("the text is not valid UTF-16"));
          return NULL;
        }
      add_warning (imp, 0, _("The file is %s text; it was converted to UTF-8."), charset);
      return text;
    }

  if (has_prefix (data, len, "%PDF", 4))
    {
      set_error (error, imp->name, 0, JP_IMPORT_ERROR_NOT_TEXT,
                 _("this is a PDF file, not a plan document: save its text as a .txt file "
                   "and import that"));
      return NULL;
    }
  if (has_prefix (data, len, "PK\x03\x04", 4) || has_prefix (data, len, "\xD0\xCF\x11\xE0", 4))
    {
      set_error (error, imp->name, 0, JP_IMPORT_ERROR_NOT_TEXT,
                 _("this is a word-processor or archive file, not a plan document: save "
                   "it as plain text (.txt) and import that"));
      return NULL;
    }

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];

      if (c == 0)
        {
          set_error (error, imp->name, 0, JP_IMPORT_ERROR_NOT_TEXT,
                     _("this is not a text file (it holds binary data)"));
          return NULL;
        }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
          c != 0x1A && c != 0x1B)
        n_control++;
    }
  if (n_control > 4 && n_control > len / 100)
    {
      set_error (error, imp->name, 0, JP_IMPORT_ERROR_NOT_TEXT,
                 _("this is not a text file (it holds binary data)"));
      return NULL;
    }

  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    {
      data += 3;
      len -= 3;
    }

  if (g_utf8_validate ((const char *) data, len, &end))
    {
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  /* Not UTF-8: Big5 (traditional characters) or GB18030 (simplified),
   * whichever the bytes look like, converted strictly. */
  charset = looks_like_big5 (data, len) ? "BIG5" : "GB18030";
  text = convert_strictly (data, len, charset, out_len, &bad_offset);
  if (text == NULL && charset[0] == 'B')
    {
      /* Hong Kong's and Microsoft's extensions of Big5. */
      gsize hk_offset = 0;

      text = convert_strictly (data, len, "BIG5-HKSCS", out_len, &hk_offset);
      bad_offset = MAX (bad_offset, hk_offset);
    }
  if (text != NULL)
    {
      if (charset[0] == 'B')
        add_warning (imp, 0, _("The file is Big5 text; it was converted to UTF-8."));
      else
        add_warning (imp, 0, _("The file is GB18030 (GBK) text; it was converted to UTF-8."));
      return text;
    }

  /* Where the bad bytes are: in a file whose first lines are UTF-8 with
   * Chinese text, where UTF-8 breaks off; otherwise where the conversion
   * from the encoding the file looks like stopped. */
  for (const guint8 *p = data; p < (const guint8 *) end && !utf8_seen; p++)
    utf8_seen = *p >= 0x80;
  if (utf8_seen)
    bad_offset = (const guint8 *) end - data;

  locate_offset ((const char *) data, bad_offset, &line, &column);
  set_error (error, imp->name, line, JP_IMPORT_ERROR_ENCODING,
             _("the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes at byte %u "
               "of the line"),
             column);
  return NULL;
}

/* ---- Lines and their markers -------------------------------------------- */

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  const char *end = text + len;
  guint lineno = 1;

  while (p <= end)
    {
      const char *start = p;
      const char *stop;
      const char *next;
      Line line;

      /* The end of the line: \n, \r\n, \r, \f, U+2028, U+2029. */
      while (p < end && *p != '\n' && *p != '\r' && *p != '\f' &&
             !(p + 2 < end && (guint8) p[0] == 0xE2 && (guint8) p[1] == 0x80 &&
               ((guint8) p[2] == 0xA8 || (guint8) p[2] == 0xA9)))
        p++;
      stop = p;
      if (p >= end)
        next = end + 1;
      else if (*p == '\r' && p + 1 < end && p[1] == '\n')
        next = p + 2;
      else if ((guint8) *p == 0xE2)
        next = p + 3;
      else
        next = p + 1;

      /* Trim white space, ideographic spaces and stray BOMs. */
      while (start < stop && _jp_text_is_space (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (stop > start)
        {
          const char *prev = g_utf8_find_prev_char (start, stop);

          if (prev == NULL || !_jp_text_is_space (g_utf8_get_char (prev)))
            break;
          stop = prev;
        }

      line.text = start;
      line.len = stop - start;
      line.lineno = lineno;
      g_array_append_val (lines, line);

      if (p < end && *p != '\f')
        lineno++;
      else if (p < end)
        {
          /* A form feed (page break) inside a line does not count as a
           * line of the file, but separates the text like a blank line. */
          Line blank = { stop, 0, lineno };
          g_array_append_val (lines, blank);
        }
      p = next;
    }

  return lines;
}

static void
prefix_init (Prefix     *pre,
             const Line *line)
{
  const char *p = line->text;
  const char *end = line->text + line->len;

  pre->n = 0;
  while (p < end && pre->n < PREFIX_MAX)
    {
      const char *next;

      pre->off[pre->n] = p - line->text;
      pre->cp[pre->n] = _jp_text_normalize_char (_jp_utf8_decode (p, &next));
      pre->n++;
      p = next;
    }
  pre->off[pre->n] = p - line->text;
  pre->cp[pre->n] = 0;
}

static gsize
prefix_skip_spaces (const Prefix *pre,
                    gsize         i)
{
  while (i < pre->n && pre->cp[i] == ' ')
    i++;
  return i;
}

/* 〇一二…九十百, with the value of a digit (-1: not one), or 10, 100. */
static int
cn_numeral_value (gunichar c)
{
  switch (c)
    {
    case 0x96F6: case 0x3007: return 0; /* 零 〇 */
    case 0x4E00: return 1;              /* 一 */
    case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
    case 0x4E09: return 3;              /* 三 */
    case 0x56DB: return 4;              /* 四 */
    case 0x4E94: return 5;              /* 五 */
    case 0x516D: return 6;              /* 六 */
    case 0x4E03: return 7;              /* 七 */
    case 0x516B: return 8;              /* 八 */
    case 0x4E5D: return 9;              /* 九 */
    case 0x5341: return 10;             /* 十 */
    case 0x767E: return 100;            /* 百 */
    default: return -1;
    }
}

/* "十二" is 12, "二十一" 21, "一百零五" 105. */
static int
cn_number (const gunichar *cp,
           gsize           n)
{
  int total = 0;
  int digit = 0;

  for (gsize i = 0; i < n; i++)
    {
      int v = cn_numeral_value (cp[i]);

      if (v >= 10)
        {
          total += (digit > 0 ? digit : 1) * v;
          digit = 0;
        }
      else if (v >= 0)
        digit = v;
    }

  return total + digit;
}

static gboolean
prefix_match (const Prefix *pre,
              gsize         i,
              const char   *word,
              gsize        *len)
{
  gsize k = i;

  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      if (k >= pre->n || pre->cp[k] != g_utf8_get_char (w))
        return FALSE;
      k++;
    }

  *len = k - i;
  return TRUE;
}

/* A responsibility label at @i ("责任单位", then maybe "**", then ":"); on
 * success the index after the colon. */
static gboolean
prefix_match_label (const Prefix *pre,
                    gsize         i,
                    RespKind     *kind,
                    gsize        *after)
{
  for (gsize l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      gsize len;
      gsize k;

      if (!prefix_match (pre, i, labels[l].label, &len))
        continue;
      k = i + len;
      while (k < pre->n && (pre->cp[k] == '*' || pre->cp[k] == ' '))
        k++;
      if (k < pre->n && pre->cp[k] == ':')
        {
          *kind = labels[l].kind;
          *after = k + 1;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
ends_with_bold (const Line *line)
{
  return line->len >= 2 && line->text[line->len - 1] == '*' && line->text[line->len - 2] == '*';
}

static LineKind
classify (Importer   *imp,
          const Line *line,
          Marker     *marker)
{
  Prefix pre;
  gsize i = 0;
  gsize j;
  gboolean bold = FALSE;
  RespKind resp_kind;
  gsize after;

  memset (marker, 0, sizeof *marker);
  marker->kind = LINE_TEXT;
  prefix_init (&pre, line);

  /* Markdown: "## 一、…", "**一、…**", "> …" is not handled. */
  while (i < pre.n && pre.cp[i] == '#')
    i++;
  if (i > 0)
    {
      if (i < pre.n && pre.cp[i] != ' ')
        i = 0; /* "#1" is not a heading */
      else
        marker->heading = TRUE;
    }
  i = prefix_skip_spaces (&pre, i);
  if (i + 1 < pre.n && pre.cp[i] == '*' && pre.cp[i + 1] == '*')
    {
      bold = TRUE;
      i = prefix_skip_spaces (&pre, i + 2);
    }

  /* 责任领导：…, also inside brackets: （责任单位：…） */
  {
    gsize k = i;

    if (k < pre.n && pre.cp[k] == '(')
      k = prefix_skip_spaces (&pre, k + 1);
    if (prefix_match_label (&pre, k, &resp_kind, &after))
      {
        marker->kind = LINE_RESP;
        marker->content = pre.off[i];
        marker->content_end = line->len;
        return LINE_RESP;
      }
  }

  /* 一、… */
  j = i;
  while (j < pre.n && j - i < 6 && cn_numeral_value (pre.cp[j]) >= 0)
    j++;
  if (j > i && j - i <= 5)
    {
      gsize k = prefix_skip_spaces (&pre, j);

      if (k < pre.n && (pre.cp[k] == 0x3001 /* 、 */ || pre.cp[k] == '.'))
        {
          marker->kind = LINE_SECTION;
          marker->ordinal_start = pre.off[i];
          marker->ordinal_end = pre.off[j];
          marker->content = pre.off[prefix_skip_spaces (&pre, k + 1)];
          marker->content_end = line->len;
          marker->heading = marker->heading || bold;
          return LINE_SECTION;
        }
    }

  /* 1. 1． 1、 */
  j = i;
  while (j < pre.n && j - i < 7 && pre.cp[j] >= '0' && pre.cp[j] <= '9')
    j++;
  if (j > i && j - i <= 6)
    {
      gsize k = prefix_skip_spaces (&pre, j);

      if (k < pre.n && (pre.cp[k] == '.' || pre.cp[k] == 0x3001) &&
          !(k + 1 < pre.n && pre.cp[k + 1] >= '0' && pre.cp[k + 1] <= '9'))
        {
          marker->style = STYLE_ARABIC;
          marker->number = 0;
          for (gsize d = i; d < j; d++)
            marker->number = marker->number * 10 + (int) (pre.cp[d] - '0');
          marker->content = pre.off[prefix_skip_spaces (&pre, k + 1)];
        }
    }

  /* （一） */
  if (marker->style == STYLE_NONE && i < pre.n && pre.cp[i] == '(')
    {
      gsize s = prefix_skip_spaces (&pre, i + 1);

      j = s;
      while (j < pre.n && j - s < 6 && cn_numeral_value (pre.cp[j]) >= 0)
        j++;
      if (j > s && j - s <= 5)
        {
          gsize k = prefix_skip_spaces (&pre, j);

          if (k < pre.n && pre.cp[k] == ')')
            {
              marker->style = STYLE_CHINESE;
              marker->number = cn_number (pre.cp + s, j - s);
              marker->content = pre.off[prefix_skip_spaces (&pre, k + 1)];
            }
        }
    }

  if (marker->style == STYLE_NONE)
    return LINE_TEXT;

  /* The first item decides how items are written; the other style is then
   * text (sub-points of an item). */
  if (imp->style == STYLE_NONE)
    imp->style = marker->style;
  if (marker->style != imp->style)
    {
      marker->style = STYLE_NONE;
      return LINE_TEXT;
    }

  marker->kind = LINE_ITEM;
  marker->content_end = line->len;
  /* "**1. 标题**": the whole line in bold is a title line. */
  if (bold && ends_with_bold (line) && line->len >= marker->content + 2)
    {
      marker->content_end = line->len - 2;
      marker->heading = TRUE;
    }
  if (marker->content > marker->content_end)
    marker->content = marker->content_end;

  return LINE_ITEM;
}

/* ---- Paragraphs ---------------------------------------------------------- */

static gunichar
last_char (const char *text,
           gsize       len,
           gsize      *start)
{
  const char *prev;

  /* Closing Markdown bold does not count. */
  while (len > 0 && text[len - 1] == '*')
    len--;
  if (len == 0)
    return 0;

  prev = g_utf8_find_prev_char (text, text + len);
  if (prev == NULL)
    return 0;
  if (start != NULL)
    *start = prev - text;
  return g_utf8_get_char (prev);
}

static gboolean find_inline_resp (const char *text,
                                  gsize       len,
                                  gsize      *start,
                                  gsize      *content,
                                  gsize      *content_end);

/* Whether text ending so is a finished paragraph (and a line break after
 * it a real one). */
static gboolean
ends_paragraph (const char *text,
                gsize       len)
{
  gsize start = 0;
  gunichar c = last_char (text, len, &start);

  if (c == 0)
    return TRUE;
  if (_jp_text_is_final_punct (c))
    return TRUE;
  if (c == 0xFF09 || c == ')')
    {
      gsize s;
      gsize cs;
      gsize ce;
      gunichar before = last_char (text, start, NULL);

      return _jp_text_is_final_punct (before) || find_inline_resp (text, len, &s, &cs, &ce);
    }

  return FALSE;
}

static gboolean
is_ascii_word_char (gunichar c)
{
  return c < 128 && g_ascii_isalnum ((char) c);
}

/* Appends a line to a paragraph buffer: after a finished sentence (or
 * when @hard_break) as a new paragraph, else joined back in mid-sentence
 * (a page or line break), with a space only between two Latin words. */
static void
append_joined (GString    *buf,
               gboolean   *hard_break,
               const char *text,
               gsize       len)
{
  if (buf->len > 0)
    {
      if (*hard_break || ends_paragraph (buf->str, buf->len))
        g_string_append_c (buf, '\n');
      else if (is_ascii_word_char (last_char (buf->str, buf->len, NULL)) &&
               len > 0 && is_ascii_word_char ((guchar) text[0]))
        g_string_append_c (buf, ' ');
    }
  g_string_append_len (buf, text, len);
  *hard_break = FALSE;
}

static gboolean
line_has_sentence_end (const char *text,
                       gsize       len)
{
  for (const char *p = text, *next; p < text + len; p = next)
    {
      gunichar c = _jp_text_normalize_char (_jp_utf8_decode (p, &next));

      if (c == 0x3002 || c == '!' || c == '?' || c == ';')
        return TRUE;
    }

  return FALSE;
}

/* "（一）加强党的建设" alone on its line: the item's title, not the start of
 * a sentence that goes on. */
static gboolean
is_title_line (const char *text,
               gsize       len)
{
  return len > 0 && _jp_utf8_at_most (text, len, TITLE_LINE_MAX) &&
         !line_has_sentence_end (text, len) && !ends_paragraph (text, len);
}

/* ---- Responsibility ------------------------------------------------------ */

typedef struct
{
  gunichar *cp;
  gsize    *off;
  gsize     n;
} Decoded;

static void
decoded_init (Decoded    *d,
              const char *text,
              gsize       len)
{
  const char *p = text;

  d->cp = g_new (gunichar, len + 1);
  d->off = g_new (gsize, len + 1);
  d->n = 0;
  while (p < text + len)
    {
      const char *next;

      d->off[d->n] = p - text;
      d->cp[d->n] = _jp_text_normalize_char (_jp_utf8_decode (p, &next));
      d->n++;
      p = next;
    }
  d->off[d->n] = len;
}

static void
decoded_clear (Decoded *d)
{
  g_clear_pointer (&d->cp, g_free);
  g_clear_pointer (&d->off, g_free);
}

static gboolean
decoded_match_label (const Decoded *d,
                     gsize          i,
                     RespKind      *kind,
                     gsize         *after)
{
  for (gsize l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      gsize k = i;
      const char *w;

      for (w = labels[l].label; *w != '\0'; w = g_utf8_next_char (w))
        {
          if (k >= d->n || d->cp[k] != g_utf8_get_char (w))
            break;
          k++;
        }
      if (*w != '\0')
        continue;
      while (k < d->n && (d->cp[k] == '*' || d->cp[k] == ' '))
        k++;
      if (k < d->n && d->cp[k] == ':')
        {
          *kind = labels[l].kind;
          *after = k + 1;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_label_boundary (gunichar c)
{
  return c == ' ' || c == ';' || c == ',' || c == 0x3001 || c == 0x3002 || c == '(' ||
         c == '*' || c == '.';
}

/* Splits "责任领导：张学兵 责任单位：教育党工委" (or the inside of an inline
 * bracket) into one Resp per label. */
static void
parse_resp_text (const char *text,
                 gsize       len,
                 guint       lineno,
                 gboolean    enumerated,
                 GPtrArray  *resps)
{
  Decoded d;
  Resp *current = NULL;
  gsize value_start = 0;

  decoded_init (&d, text, len);

  for (gsize i = 0; i <= d.n; i++)
    {
      RespKind kind;
      gsize after;
      gboolean at_label = i < d.n && (i == 0 || is_label_boundary (d.cp[i - 1])) &&
                          decoded_match_label (&d, i, &kind, &after);

      if (!at_label && i < d.n)
        continue;

      if (current != NULL)
        {
          gsize vs = value_start;
          gsize ve = i;

          current->value = g_strndup (text + d.off[vs], d.off[ve] - d.off[vs]);
          g_ptr_array_add (resps, current);
          current = NULL;
        }

      if (at_label)
        {
          current = g_new0 (Resp, 1);
          current->kind = kind;
          current->enumerated = enumerated;
          current->lineno = lineno;
          value_start = after;
          i = after - 1;
        }
    }

  decoded_clear (&d);
}

/* An inline responsibility at the end of an item's text: "…。（责任单位：A、
 * B）" or "…（责任科室：A）。". @start: where the bracket starts (what
 * follows its end is kept), @content/@content_end: inside the brackets. */
static gboolean
find_inline_resp (const char *text,
                  gsize       len,
                  gsize      *start,
                  gsize      *content,
                  gsize      *content_end)
{
  gsize end = len;
  gsize close = 0;
  gunichar c;
  int depth = 0;
  const char *p;
  const char *lower;

  /* Skip a final 。 and spaces after the bracket. */
  for (;;)
    {
      gsize s = 0;

      c = last_char (text, end, &s);
      if (c == 0)
        return FALSE;
      c = _jp_text_normalize_char (c);
      if (c == 0x3002 || c == ' ' || c == '.' || c == ';' || _jp_text_is_space (c))
        end = s;
      else
        break;
    }
  if (c != ')')
    return FALSE;
  last_char (text, end, &close);

  lower = text + (close > INLINE_RESP_MAX ? close - INLINE_RESP_MAX : 0);
  p = text + close;
  while (p > lower)
    {
      p = g_utf8_find_prev_char (lower, p);
      if (p == NULL)
        return FALSE;
      c = _jp_text_normalize_char (g_utf8_get_char (p));
      if (c == ')')
        depth++;
      else if (c == '(')
        {
          if (depth == 0)
            {
              Prefix pre;
              Line inside;
              RespKind kind;
              gsize after;
              gsize i;

              inside.text = g_utf8_next_char (p);
              inside.len = (text + close) - inside.text;
              prefix_init (&pre, &inside);
              i = prefix_skip_spaces (&pre, 0);
              while (i < pre.n && pre.cp[i] == '*')
                i++;
              if (!prefix_match_label (&pre, i, &kind, &after))
                return FALSE;

              *start = p - text;
              *content = inside.text - text;
              *content_end = close;
              return TRUE;
            }
          depth--;
        }
      else if (c == '\n')
        return FALSE;
    }

  return FALSE;
}

static gboolean
is_name_separator (gunichar c,
                   gboolean enumerated)
{
  c = _jp_text_normalize_char (c);
  return _jp_text_is_space (c) || c == ' ' || c == ',' || c == ';' || c == 0x3002 ||
         (enumerated && c == 0x3001);
}

static GPtrArray *
split_value (const char *value,
             gboolean    enumerated)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = value;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && is_name_separator (g_utf8_get_char (p), enumerated))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_name_separator (g_utf8_get_char (p), enumerated))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *token = g_strndup (start, p - start);

          /* "**" left of Markdown bold, a final full stop. */
          g_strdelimit (token, "*", ' ');
          g_strstrip (token);
          if (token[0] != '\0' && strcmp (token, ".") != 0)
            g_ptr_array_add (tokens, g_steal_pointer (&token));
        }
    }

  return tokens;
}

/* Leader names are separated by spaces, but a stray space may cut a name:
 * "崔 茜" is 崔茜, "张 学兵" is 张学兵. Runs of one-character tokens are
 * joined, and one alone joins a short neighbour. */
static GPtrArray *
split_leader_names (const char *value)
{
  g_autoptr(GPtrArray) tokens = split_value (value, TRUE);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  while (i < tokens->len)
    {
      const char *token = g_ptr_array_index (tokens, i);
      g_autoptr(GString) name = g_string_new (token);
      guint run = 1;

      if (g_utf8_strlen (token, -1) == 1 && !is_ascii_word_char (g_utf8_get_char (token)))
        {
          while (i + run < tokens->len &&
                 g_utf8_strlen (g_ptr_array_index (tokens, i + run), -1) == 1)
            {
              g_string_append (name, g_ptr_array_index (tokens, i + run));
              run++;
            }
          if (run == 1)
            {
              if (i + 1 < tokens->len && g_utf8_strlen (g_ptr_array_index (tokens, i + 1), -1) <= 2)
                {
                  g_string_append (name, g_ptr_array_index (tokens, i + 1));
                  run = 2;
                }
              else if (names->len > 0 &&
                       g_utf8_strlen (g_ptr_array_index (names, names->len - 1), -1) <= 2)
                {
                  char *prev = g_ptr_array_index (names, names->len - 1);

                  names->pdata[names->len - 1] = g_strconcat (prev, token, NULL);
                  g_free (prev);
                  i++;
                  continue;
                }
            }
        }

      g_ptr_array_add (names, g_string_free (g_steal_pointer (&name), FALSE));
      i += run;
    }

  return names;
}

/* ---- Dates --------------------------------------------------------------- */

static int
read_int (const gunichar *cp,
          gsize           n,
          gsize          *i)
{
  int value = 0;
  gsize start = *i;

  while (*i < n && *i - start < 4 && cp[*i] >= '0' && cp[*i] <= '9')
    value = value * 10 + (int) (cp[(*i)++] - '0');
  if (*i == start)
    {
      while (*i < n && *i - start < 4 && cn_numeral_value (cp[*i]) >= 0)
        (*i)++;
      if (*i == start)
        return -1;
      /* "二〇二三" is written digit by digit; "十二", "二十一" are not. */
      if (*i - start >= 3)
        {
          for (gsize k = start; k < *i && value >= 0; k++)
            {
              int v = cn_numeral_value (cp[k]);

              value = v < 10 ? value * 10 + v : -1;
            }
          if (value >= 0)
            return value;
        }
      value = cn_number (cp + start, *i - start);
    }

  return value;
}

static gboolean
decoded_has (const Decoded *d,
             const char    *word)
{
  glong wl = g_utf8_strlen (word, -1);

  for (gsize i = 0; i + wl <= d->n; i++)
    {
      const char *w = word;
      gsize k = i;

      while (*w != '\0' && d->cp[k] == g_utf8_get_char (w))
        {
          k++;
          w = g_utf8_next_char (w);
        }
      if (*w == '\0')
        return TRUE;
    }

  return FALSE;
}

/* "2023年12月底前" → 2023-12-31, "年底前" → the plan's end, "6月30日前" →
 * YEAR-06-30, "上半年" → YEAR-06-30, "2023-09-30". NULL when there is no
 * date in it (*unreadable set when it looked like one). */
static char *
parse_due (const char *value,
           int         year,
           const char *plan_end,
           gboolean   *unreadable)
{
  Decoded d;
  int y = year;
  int m = -1;
  int day = -1;
  gsize i = 0;
  char *result = NULL;

  *unreadable = FALSE;
  decoded_init (&d, value, strlen (value));

  /* Find the first number. */
  while (i < d.n && !(d.cp[i] >= '0' && d.cp[i] <= '9') &&
         !(cn_numeral_value (d.cp[i]) >= 0 && i + 1 < d.n && d.cp[i + 1] == 0x6708 /* 月 */) &&
         !(cn_numeral_value (d.cp[i]) >= 0 && i + 2 < d.n && d.cp[i + 2] == 0x6708))
    i++;

  if (i < d.n)
    {
      int first = read_int (d.cp, d.n, &i);

      if (i < d.n && (d.cp[i] == 0x5E74 /* 年 */ || d.cp[i] == '-' || d.cp[i] == '.' ||
                      d.cp[i] == '/') && first >= 1000)
        {
          gunichar sep = d.cp[i];

          y = first;
          i++;
          m = read_int (d.cp, d.n, &i);
          if (m >= 0 && i < d.n && (d.cp[i] == 0x6708 || d.cp[i] == sep))
            {
              i++;
              day = read_int (d.cp, d.n, &i);
            }
          else if (m < 0 && sep == 0x5E74)
            {
              m = -2; /* "2023年底" */
            }
        }
      else if (i < d.n && d.cp[i] == 0x6708 /* 月 */)
        {
          m = first;
          i++;
          day = read_int (d.cp, d.n, &i);
        }
      else
        *unreadable = TRUE;
    }

  if (m == -2 || (m < 0 && !*unreadable))
    {
      if (decoded_has (&d, "上半年"))
        result = g_strdup_printf ("%04d-06-30", y);
      else if (decoded_has (&d, "一季度"))
        result = g_strdup_printf ("%04d-03-31", y);
      else if (decoded_has (&d, "二季度"))
        result = g_strdup_printf ("%04d-06-30", y);
      else if (decoded_has (&d, "三季度"))
        result = g_strdup_printf ("%04d-09-30", y);
      else if (decoded_has (&d, "年底") || decoded_has (&d, "年末") ||
               decoded_has (&d, "下半年") || decoded_has (&d, "四季度") ||
               decoded_has (&d, "全年") || decoded_has (&d, "年内"))
        result = y == year ? g_strdup (plan_end) : g_strdup_printf ("%04d-12-31", y);
      else if (m == -2)
        *unreadable = TRUE;
    }
  else if (m >= 1 && m <= 12 && y >= 1 && y <= 9999)
    {
      if (day < 1)
        {
          if (decoded_has (&d, "上旬"))
            day = 10;
          else if (decoded_has (&d, "中旬"))
            day = 20;
          else
            day = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
        }
      if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y))
        result = g_strdup_printf ("%04d-%02d-%02d", y, m, day);
      else
        *unreadable = TRUE;
    }
  else if (m != -1 || i < d.n)
    *unreadable = TRUE;

  decoded_clear (&d);
  return result;
}

/* ---- Items --------------------------------------------------------------- */

static char *
strip_final_stop (char *title)
{
  gsize len;

  g_strstrip (title);
  len = strlen (title);
  for (;;)
    {
      gsize start = 0;
      gunichar c = last_char (title, len, &start);

      if (c == 0x3002 || c == 0xFF0E || c == '.')
        len = start;
      else
        break;
    }
  title[len] = '\0';
  return g_strstrip (title);
}

/* The lead sentence (without its 。) and the rest. */
static void
split_title (const char  *text,
             char       **title,
             char       **body)
{
  const char *s = text;
  const char *para_end;
  const char *p;
  int depth = 0;
  const char *sentence_end = NULL;

  while (*s != '\0' && _jp_text_is_space (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);

  para_end = strchr (s, '\n');
  if (para_end == NULL)
    para_end = s + strlen (s);

  /* **深入学习宣传贯彻党的二十大精神。**深入学习… */
  if (g_str_has_prefix (s, "**"))
    {
      const char *close = strstr (s + 2, "**");

      if (close != NULL && close <= para_end)
        {
          const char *rest = close + 2;

          *title = strip_final_stop (g_strndup (s + 2, close - (s + 2)));
          while (*rest != '\0')
            {
              gunichar c = _jp_text_normalize_char (g_utf8_get_char (rest));

              if (_jp_text_is_space (c) || c == 0x3002 || c == ':' || c == '.' || c == ',' ||
                  c == ';')
                rest = g_utf8_next_char (rest);
              else
                break;
            }
          *body = g_strstrip (g_strdup (rest));
          return;
        }
    }

  for (int pass = 0; pass < 2 && sentence_end == NULL; pass++)
    {
      depth = 0;
      p = s;
      while (p < para_end)
        {
          const char *next;
          gunichar c = _jp_text_normalize_char (_jp_utf8_decode (p, &next));

          if (pass == 0 && (c == '(' || c == 0x201C || c == 0x300A || c == 0x3010))
            depth++;
          else if (pass == 0 && (c == ')' || c == 0x201D || c == 0x300B || c == 0x3011))
            depth = MAX (depth - 1, 0);
          else if (depth == 0 && (c == 0x3002 || c == '!' || c == '?'))
            {
              sentence_end = next;
              break;
            }
          p = next;
        }
    }

  if (sentence_end == NULL)
    sentence_end = para_end;

  *title = strip_final_stop (g_strndup (s, sentence_end - s));
  *body = g_strstrip (g_strdup (sentence_end));
}

static void
add_unique (GPtrArray  *array,
            GHashTable *seen,
            gpointer    object)
{
  /* A set beside the array: 32,000 names on one line are linear. */
  if (object != NULL && g_hash_table_add (seen, object))
    g_ptr_array_add (array, object);
}

static void
add_targets (Importer   *imp,
             JpItem     *item,
             const char *text,
             guint       lineno)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) odd = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  targets = _jp_target_parse_valid (text, strlen (text), &odd);
  for (guint i = 0; i < targets->len; i++)
    {
      g_autoptr(JpIndicator) indicator = jp_target_to_indicator (g_ptr_array_index (targets, i));

      jp_item_append_indicator (item, indicator);
    }
  for (guint i = 0; i < odd->len; i++)
    {
      g_autofree char *quoted = jp_limits_quote (g_ptr_array_index (odd, i), -1);

      add_warning (imp, lineno, _("item %d: could not tell what kind of target %s is; "
                                  "it was not imported"),
                   jp_item_get_number (item), quoted);
    }
}

static JpItem *
build_item (Importer  *imp,
            JpPlan    *plan,
            ItemBuild *ib)
{
  g_autoptr(JpItem) item = NULL;
  g_autoptr(GPtrArray) leaders = g_ptr_array_new ();
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GPtrArray) partners = g_ptr_array_new ();
  g_autoptr(GHashTable) leader_set = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) unit_set = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) partner_set = g_hash_table_new (NULL, NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *due = NULL;
  GString *text = ib->text;
  gsize start;
  gsize content;
  gsize content_end;

  /* …（责任单位：A、B）at the end of the text. */
  if (find_inline_resp (text->str, text->len, &start, &content, &content_end))
    {
      gsize after = content_end + (text->str[content_end] == ')' ? 1 : 3);

      parse_resp_text (text->str + content, content_end - content, ib->lineno, TRUE,
                       ib->resps);
      g_string_erase (text, start, MIN (after, text->len) - start);
    }

  split_title (text->str, &title, &body);
  if (title[0] == '\0')
    add_warning (imp, ib->lineno, _("item %d has no text"), ib->number);

  item = jp_item_new (ib->number, title);
  jp_item_set_body (item, body);

  for (guint r = 0; r < ib->resps->len; r++)
    {
      Resp *resp = g_ptr_array_index (ib->resps, r);
      g_autoptr(GPtrArray) names = NULL;

      switch (resp->kind)
        {
        case RESP_LEADERS:
          names = split_leader_names (resp->value);
          for (guint n = 0; n < names->len; n++)
            add_unique (leaders, leader_set,
                        jp_plan_ensure_leader (plan, g_ptr_array_index (names, n)));
          break;

        case RESP_UNITS:
        case RESP_PARTNERS:
          names = split_value (resp->value, resp->enumerated);
          for (guint n = 0; n < names->len; n++)
            add_unique (resp->kind == RESP_UNITS ? units : partners,
                        resp->kind == RESP_UNITS ? unit_set : partner_set,
                        jp_plan_ensure_unit (plan, g_ptr_array_index (names, n)));
          break;

        case RESP_DUE:
          {
            gboolean unreadable = FALSE;
            g_autofree char *value = g_strstrip (g_strdup (resp->value));

            g_free (due);
            due = parse_due (value, jp_plan_get_year (plan), jp_plan_get_end (plan),
                             &unreadable);
            if (unreadable)
              {
                g_autofree char *quoted = jp_limits_quote (value, -1);

                add_warning (imp, resp->lineno, _("item %d: could not read the due date %s"),
                             ib->number, quoted);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  jp_item_set_leaders (item, (JpLeader **) leaders->pdata, leaders->len);
  jp_item_set_units (item, (JpUnit **) units->pdata, units->len);
  jp_item_set_partner_units (item, (JpUnit **) partners->pdata, partners->len);
  if (due != NULL)
    jp_item_set_due (item, due);

  if (units->len == 0 && leaders->len == 0)
    add_warning (imp, ib->lineno, _("item %d: no 责任领导 or 责任单位 line"), ib->number);
  else if (units->len == 0)
    add_warning (imp, ib->lineno, _("item %d: no 责任单位 line"), ib->number);

  add_targets (imp, item, title, ib->lineno);
  add_targets (imp, item, body, ib->lineno);

  return g_steal_pointer (&item);
}

/* ---- Title block --------------------------------------------------------- */

/* Markdown marks around a heading: "# 2023年工作要点", "**…**". */
static char *
strip_marks (const char *text,
             gsize       len)
{
  char *s = g_strndup (text, len);

  g_strstrip (s);
  while (s[0] == '#' || s[0] == '*')
    memmove (s, s + 1, strlen (s));
  len = strlen (s);
  while (len > 0 && (s[len - 1] == '#' || s[len - 1] == '*'))
    s[--len] = '\0';

  return g_strstrip (s);
}

/* The first "YYYY年" (or a bare 4-digit year) in @text; 0 when none. */
static int
find_year (const char *text,
           gboolean    need_nian)
{
  Decoded d;
  int year = 0;

  decoded_init (&d, text, strlen (text));
  for (gsize i = 0; i + 4 <= d.n && year == 0; i++)
    {
      gsize k = i;
      int value;

      if (i > 0 && d.cp[i - 1] >= '0' && d.cp[i - 1] <= '9')
        continue;
      value = read_int (d.cp, d.n, &k);
      if (k != i + 4 || value < 1000 || (k < d.n && d.cp[k] >= '0' && d.cp[k] <= '9'))
        continue;
      if (k < d.n && d.cp[k] == 0x5E74 /* 年 */)
        year = value;
      else if (!need_nian && value >= 1900 && value <= 2999)
        year = value;
    }
  decoded_clear (&d);

  return year;
}

/* "关于印发《金凤区教育局2024年工作要点》的通知": the plan is what the
 * book-title marks hold, when that names the year. */
static void
take_book_title (char **title)
{
  const char *open = strstr (*title, "《");
  const char *close = open != NULL ? strstr (open, "》") : NULL;
  g_autofree char *inner = NULL;

  if (close == NULL)
    return;

  inner = g_strndup (open + strlen ("《"), close - open - strlen ("《"));
  g_strstrip (inner);
  if (find_year (inner, TRUE) > 0)
    {
      g_free (*title);
      *title = g_steal_pointer (&inner);
    }
}

static gboolean
is_head_line (const Line *line)
{
  return _jp_utf8_at_most (line->text, line->len, HEAD_LINE_MAX) &&
         !line_has_sentence_end (line->text, line->len) &&
         !ends_paragraph (line->text, line->len);
}

static JpPlan *
build_plan_head (Importer *imp)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) preamble = g_string_new (NULL);
  g_autofree char *title = NULL;
  JpPlan *plan;
  guint n_short = 0;
  int title_index = -1;
  int year = 0;
  gboolean hard_break = FALSE;

  /* Leading short lines: organisations, then the title. */
  while (n_short < imp->head->len && n_short < 6 &&
         is_head_line (g_ptr_array_index (imp->head, n_short)))
    n_short++;

  for (guint i = 0; i < n_short; i++)
    {
      const Line *line = g_ptr_array_index (imp->head, i);
      g_autofree char *text = strip_marks (line->text, line->len);

      if (find_year (text, TRUE) > 0)
        {
          title_index = i;
          break;
        }
    }
  if (title_index < 0 && n_short > 0)
    title_index = n_short - 1;

  for (int i = 0; i < title_index; i++)
    {
      const Line *line = g_ptr_array_index (imp->head, i);
      g_autofree char *text = strip_marks (line->text, line->len);
      g_auto(GStrv) tokens = NULL;

      g_strdelimit (text, "\t", ' ');
      tokens = g_strsplit (text, " ", -1);
      for (guint t = 0; tokens[t] != NULL; t++)
        {
          /* U+3000 separates too. */
          g_auto(GStrv) parts = g_strsplit (tokens[t], "\u3000", -1);

          for (guint q = 0; parts[q] != NULL; q++)
            {
              g_strstrip (parts[q]);
              if (parts[q][0] != '\0')
                g_ptr_array_add (orgs, g_strdup (parts[q]));
            }
        }
    }

  if (title_index >= 0)
    {
      const Line *line = g_ptr_array_index (imp->head, title_index);

      title = strip_marks (line->text, line->len);
      take_book_title (&title);
      year = find_year (title, TRUE);
      if (year == 0)
        year = find_year (title, FALSE);
    }

  for (guint i = title_index + 1; i < imp->head->len; i++)
    {
      const Line *line = g_ptr_array_index (imp->head, i);

      append_joined (preamble, &hard_break, line->text, line->len);
    }

  if (year == 0)
    year = find_year (preamble->str, TRUE);
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
      add_warning (imp, 0, _("No year found in the title; %d was assumed."), year);
    }

  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      /* Translators: the title of a plan whose document has none; %d is the year. */
      title = g_strdup_printf (_("%d work plan"), year);
      add_warning (imp, 0, _("No title line found; the plan is called “%s”."), title);
    }

  plan = jp_plan_new (title, year);
  g_ptr_array_add (orgs, NULL);
  jp_plan_set_organizations (plan, (const char * const *) orgs->pdata);
  jp_plan_set_preamble (plan, preamble->str);

  return plan;
}

/* ---- The walk over the lines -------------------------------------------- */

static SectionBuild *
add_section (Importer   *imp,
             const char *ordinal,
             const char *title,
             guint       lineno,
             gboolean    implicit)
{
  SectionBuild *sec = g_new0 (SectionBuild, 1);

  sec->ordinal = g_strdup (ordinal);
  sec->title = g_string_new (title);
  sec->lineno = lineno;
  sec->implicit = implicit;
  g_ptr_array_add (imp->sections, sec);

  return sec;
}

static void
walk_lines (Importer *imp,
            GArray   *lines)
{
  SectionBuild *sec = NULL;
  ItemBuild *item = NULL;
  gboolean seen_marker = FALSE;

  for (guint l = 0; l < lines->len; l++)
    {
      Line *line = &g_array_index (lines, Line, l);
      Marker marker;
      LineKind kind;

      if (line->len == 0)
        continue;

      kind = classify (imp, line, &marker);

      /* "…重点关注" / "一、二年级学生的作业量。": after a sentence cut by a
       * page break, a line that starts like a section but reads like a
       * sentence is the rest of that sentence. */
      if (kind == LINE_SECTION && !marker.heading && item != NULL && !item->after_resp &&
          !item->hard_break && !ends_paragraph (item->text->str, item->text->len) &&
          line_has_sentence_end (line->text + marker.content,
                                 marker.content_end - marker.content))
        kind = LINE_TEXT;

      switch (kind)
        {
        case LINE_SECTION:
          {
            g_autofree char *ordinal = g_strndup (line->text + marker.ordinal_start,
                                                  marker.ordinal_end - marker.ordinal_start);
            g_autofree char *title = strip_marks (line->text + marker.content,
                                                  marker.content_end - marker.content);

            sec = add_section (imp, ordinal, title, line->lineno, FALSE);
            sec->title_open = !marker.heading && !ends_paragraph (title, strlen (title));
            item = NULL;
            seen_marker = TRUE;
          }
          break;

        case LINE_ITEM:
          {
            const char *content = line->text + marker.content;
            gsize len = marker.content_end - marker.content;

            if (imp->items->len >= JP_DOCUMENT_MAX_ITEMS)
              {
                imp->too_many_line = line->lineno;
                return;
              }
            if (sec == NULL)
              sec = add_section (imp, "", "", line->lineno, TRUE);
            sec->title_open = FALSE;
            sec->n_items++;

            item = g_new0 (ItemBuild, 1);
            item->section = imp->sections->len - 1;
            item->number = marker.number;
            item->lineno = line->lineno;
            item->text = g_string_new (NULL);
            item->resps = g_ptr_array_new_with_free_func ((GDestroyNotify) resp_free);
            g_ptr_array_add (imp->items, item);

            append_joined (item->text, &item->hard_break, content, len);
            if (marker.heading || is_title_line (content, len))
              item->hard_break = TRUE;
            seen_marker = TRUE;
          }
          break;

        case LINE_RESP:
          if (item != NULL)
            {
              gsize start = marker.content;
              gsize end = marker.content_end;
              gboolean enumerated = FALSE;
              Prefix pre;

              /* （责任科室：A、B） on its own line: the inline form, where
               * 、 separates. */
              prefix_init (&pre, line);
              if (pre.n > 0 && pre.cp[prefix_skip_spaces (&pre, 0)] == '(')
                {
                  gsize s = 0;
                  gunichar c = last_char (line->text, end, &s);

                  if (_jp_text_normalize_char (c) == ')')
                    end = s;
                  enumerated = TRUE;
                }
              parse_resp_text (line->text + start, end - start, line->lineno,
                               enumerated, item->resps);
              item->after_resp = TRUE;
            }
          else
            add_warning (imp, line->lineno,
                         _("a responsibility line outside any item was ignored"));
          break;

        case LINE_TEXT:
        default:
          if (!seen_marker)
            g_ptr_array_add (imp->head, line);
          else if (item != NULL)
            {
              if (item->after_resp && !item->warned_trailing)
                {
                  add_warning (imp, line->lineno,
                               _("text after the responsibility lines of item %d was added "
                                 "to its body"),
                               item->number);
                  item->warned_trailing = TRUE;
                  item->hard_break = TRUE;
                }
              append_joined (item->text, &item->hard_break, line->text, line->len);
            }
          else if (sec != NULL && sec->title_open &&
                   _jp_utf8_at_most (line->text, line->len, TITLE_LINE_MAX) &&
                   !line_has_sentence_end (line->text, line->len))
            {
              /* A heading cut by a page break. */
              g_autofree char *rest = strip_marks (line->text, line->len);

              g_string_append (sec->title, rest);
              sec->title_open = FALSE;
            }
          else if (sec != NULL && !sec->warned_text)
            {
              add_warning (imp, line->lineno,
                           _("text between section %s and its first item was ignored"),
                           sec->ordinal);
              sec->warned_text = TRUE;
              sec->title_open = FALSE;
            }
          break;
        }
    }
}

static void
check_numbers (Importer *imp)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  int previous = 0;
  guint previous_section = G_MAXUINT;

  for (guint i = 0; i < imp->items->len; i++)
    {
      ItemBuild *ib = g_ptr_array_index (imp->items, i);
      gboolean first_in_section = ib->section != previous_section;

      if (first_in_section && ib->number == 1)
        g_hash_table_remove_all (seen); /* numbering restarts in each section */
      else if (i > 0 && ib->number != previous + 1)
        {
          if (g_hash_table_contains (seen, GINT_TO_POINTER (ib->number)))
            add_warning (imp, ib->lineno, _("item %d: the number is repeated"), ib->number);
          else
            add_warning (imp, ib->lineno, _("item %d: out of order (after item %d)"),
                         ib->number, previous);
        }
      else if (i == 0 && ib->number != 1)
        add_warning (imp, ib->lineno, _("item %d: the numbering does not start at 1"),
                     ib->number);

      g_hash_table_add (seen, GINT_TO_POINTER (ib->number));
      previous = ib->number;
      previous_section = ib->section;
    }
}

/* Refuses a document beyond JP_DOCUMENT_MAX_SIZE, before reading it. */
static gboolean
check_size (const char  *name,
            guint64      size,
            GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= JP_DOCUMENT_MAX_SIZE)
    return TRUE;

  size_text = g_format_size (size);
  limit_text = g_format_size (JP_DOCUMENT_MAX_SIZE);
  set_error (error, name, 0, JP_IMPORT_ERROR_TOO_LARGE,
             /* Translators: "70.2 MB", "64.0 MB" */
             _("the document is too large (%s): a plan document may have at most %s"),
             size_text, limit_text);
  return FALSE;
}

/* @text can be stored and written back out (jp-limits.h); else the
 * error, at @line, saying what it is (@what). */
static gboolean
check_text (Importer    *imp,
            guint        line,
            const char  *what,
            const char  *text,
            GError     **error)
{
  g_autofree char *reason = jp_limits_check_text (text, -1);

  if (reason == NULL)
    return TRUE;

  /* Translators: "item 3: the text is 40000 characters long: …" */
  set_error (error, imp->name, line, JP_IMPORT_ERROR_TOO_LARGE, _("%s: %s"), what, reason);
  return FALSE;
}

/* The names of one of an item's lists (leaders or units). */
static gboolean
check_names (Importer    *imp,
             guint        line,
             const char  *what,
             GListModel  *people,
             GError     **error)
{
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);
      const char *name = JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                               : jp_unit_get_name (JP_UNIT (person));

      if (!check_text (imp, line, what, name, error))
        return FALSE;
    }

  return TRUE;
}

/* Every text of @item, at its line. */
static gboolean
check_item (Importer  *imp,
            JpItem    *item,
            guint      line,
            GError   **error)
{
  g_autofree char *what = g_strdup_printf (_("item %d"), jp_item_get_number (item));
  g_autofree char *names = g_strdup_printf (_("item %d: a name"), jp_item_get_number (item));

  return check_text (imp, line, what, jp_item_get_title (item), error) &&
         check_text (imp, line, what, jp_item_get_body (item), error) &&
         check_names (imp, line, names, jp_item_get_leaders (item), error) &&
         check_names (imp, line, names, jp_item_get_units (item), error) &&
         check_names (imp, line, names, jp_item_get_partner_units (item), error);
}

/* For g_ptr_array_sort(), which is stable. */
static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const JpImportWarning *wa = *(JpImportWarning * const *) a;
  const JpImportWarning *wb = *(JpImportWarning * const *) b;

  return wa->line < wb->line ? -1 : wa->line > wb->line ? 1 : 0;
}

JpPlan *
jp_document_import_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GPtrArray  **warnings,
                          GError     **error)
{
  g_autoptr(GPtrArray) warning_list = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_import_warning_free);
  g_autoptr(GPtrArray) head = g_ptr_array_new ();
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_build_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_build_free);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *text = NULL;
  Importer imp = { 0 };
  gsize len = 0;
  gboolean any_text = FALSE;
  JpSection *section = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  imp.name = display_name != NULL ? display_name : _("document");
  imp.warnings = warning_list;
  imp.head = head;
  imp.sections = sections;
  imp.items = items;

  if (!check_size (imp.name, g_bytes_get_size (bytes), error))
    return NULL;

  text = decode (&imp, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &len, error);
  if (text == NULL)
    return NULL;

  lines = split_lines (text, len);
  for (guint l = 0; l < lines->len && !any_text; l++)
    any_text = g_array_index (lines, Line, l).len > 0;
  if (!any_text)
    {
      set_error (error, imp.name, 0, JP_IMPORT_ERROR_NOT_TEXT, _("the file is empty"));
      return NULL;
    }

  walk_lines (&imp, lines);
  if (imp.too_many_line > 0)
    {
      set_error (error, imp.name, imp.too_many_line, JP_IMPORT_ERROR_TOO_LARGE,
                 _("the document has more than %u work items, the most a plan may have"),
                 (guint) JP_DOCUMENT_MAX_ITEMS);
      return NULL;
    }

  if (items->len == 0)
    {
      set_error (error, imp.name, 0, JP_IMPORT_ERROR_NO_ITEMS,
                 _("no work items found (numbered lines such as “1. …” or “（一）…”): "
                   "this is not a plan document"));
      return NULL;
    }

  check_numbers (&imp);

  plan = build_plan_head (&imp);
  {
    guint head_line = head->len > 0 ? ((const Line *) g_ptr_array_index (head, 0))->lineno : 0;

    if (!check_text (&imp, head_line, _("the title of the plan"), jp_plan_get_title (plan), error) ||
        !check_text (&imp, head_line, _("the text before the first section"),
                     jp_plan_get_preamble (plan), error))
      return NULL;
  }

  for (guint s = 0, i = 0; s < sections->len; s++)
    {
      SectionBuild *sb = g_ptr_array_index (sections, s);
      g_autoptr(JpSection) new_section = NULL;

      if (sb->implicit && sections->len > 1)
        add_warning (&imp, sb->lineno,
                     _("items before the first section were put in a section "
                       "without a title"));
      if (sb->n_items == 0)
        add_warning (&imp, sb->lineno, _("section %s has no items"), sb->ordinal);

      if (!check_text (&imp, sb->lineno, _("the title of the section"), sb->title->str, error))
        return NULL;
      new_section = jp_section_new (sb->ordinal, sb->title->str);
      jp_plan_append_section (plan, new_section);
      section = new_section;

      for (; i < items->len; i++)
        {
          ItemBuild *ib = g_ptr_array_index (items, i);
          g_autoptr(JpItem) item = NULL;

          if (ib->section != s)
            break;
          item = build_item (&imp, plan, ib);
          if (!check_item (&imp, item, ib->lineno, error))
            return NULL;
          jp_section_append_item (section, item);
        }
    }

  /* In the order of the document (the file's own first). */
  g_ptr_array_sort (warning_list, compare_warnings);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&warning_list);

  return g_steal_pointer (&plan);
}

JpPlan *
jp_document_import_file (GFile         *file,
                         GCancellable  *cancellable,
                         GPtrArray    **warnings,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);

  /* An absurd file is not even loaded, nor one that grows while read. */
  bytes = jp_file_load_bounded (file, JP_DOCUMENT_MAX_SIZE, cancellable, &size, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, JP_FILE_ERROR, JP_FILE_ERROR_TOO_LARGE) &&
          !check_size (name, MAX (size, (guint64) JP_DOCUMENT_MAX_SIZE + 1), error))
        return NULL;
      set_error (error, name, 0, JP_IMPORT_ERROR_READ, "%s", local_error->message);
      return NULL;
    }

  return jp_document_import_bytes (bytes, name, warnings, error);
}
