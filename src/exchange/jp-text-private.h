#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text helpers shared by the document importer and the target parser.
 * They normalise a COPY of the text (full-width digits and punctuation to
 * ASCII, odd spaces and dashes to plain ones) to find markers and numbers;
 * the text itself is always kept as written. */

/* The normalised form of one character: U+FF01…U+FF5E to ASCII, U+3000 and
 * other spaces to ' ', dashes to '-', '〜' to '~', '﹪' to '%'. */
static inline gunichar
_jp_text_normalize_char (gunichar c)
{
  /* Most characters: CJK ideographs and ASCII other than tab. */
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c < 0x80 && c != '\t'))
    return c;
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000 || c == 0x00A0 || c == '\t' || c == 0x202F ||
      (c >= 0x2000 && c <= 0x200A))
    return ' ';
  if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
      c == 0x2014 || c == 0x2212 || c == 0xFE63)
    return '-';
  if (c == 0x301C)
    return '~';
  if (c == 0xFE6A)
    return '%';
  if (c == 0xFF61)
    return 0x3002;
  return c;
}

/* Whitespace at the edges of a line or a phrase: ASCII, ideographic and
 * no-break spaces, zero-width spaces and stray byte-order marks. */
static inline gboolean
_jp_text_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n' ||
         c == 0x3000 || c == 0x00A0 || c == 0xFEFF || c == 0x200B || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A);
}

/* Punctuation that ends a sentence or a clause, after which a line break is
 * a real paragraph end (and not a page break in mid-sentence). */
static inline gboolean
_jp_text_is_final_punct (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF1B: /* ； */
    case 0xFF1A: /* ： */
    case 0x2026: /* … */
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0xFF0E: /* ． */
    case '!':
    case '?':
    case ';':
    case ':':
    case '.':
      return TRUE;
    default:
      return FALSE;
    }
}

/* The character at @p of VALID UTF-8, and where the next one starts: the
 * hot loops of the importer run it for every character of a document. */
static inline gunichar
_jp_utf8_decode (const char  *p,
                 const char **next)
{
  const guchar *u = (const guchar *) p;

  if (u[0] < 0x80)
    {
      *next = p + 1;
      return u[0];
    }
  if (u[0] < 0xE0)
    {
      *next = p + 2;
      return ((gunichar) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
  if (u[0] < 0xF0)
    {
      *next = p + 3;
      return ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
  *next = p + 4;
  return ((gunichar) (u[0] & 0x07) << 18) | ((gunichar) (u[1] & 0x3F) << 12) |
         ((gunichar) (u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

/* Whether valid UTF-8 @text of @len bytes has at most @max characters
 * (without counting them all). */
static inline gboolean
_jp_utf8_at_most (const char *text,
                  gsize       len,
                  gsize       max)
{
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    if ((((guchar) text[i]) & 0xC0) != 0x80 && ++n > max)
      return FALSE;

  return TRUE;
}

/* jp_target_parse() of text known to be valid UTF-8. */
GPtrArray *_jp_target_parse_valid (const char  *text,
                                   gsize        length,
                                   GPtrArray  **unclassified);

G_END_DECLS
