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

G_END_DECLS
