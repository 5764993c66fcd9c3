/* jp-limits.c: what the program can store and write back out, checked by
 * every entry point; capped quotes for messages; unsupported encodings;
 * bounded reads of input files (jp-limits.h). */

#define G_LOG_DOMAIN "jp-limits"

#include "config.h"

#include "jp-limits.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (jp-file-error-quark, jp_file_error)

/* ---- Values and texts ------------------------------------------------ */

char *
jp_limits_check_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup (_("the number is not finite"));

  if (fabs (value) <= JP_VALUE_MAX)
    return NULL;

  g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  /* Translators: %s is the number, "1e+19" */
  return g_strdup_printf (_("the number %s is too large: the largest number the program "
                            "stores is 1,000,000,000,000,000 (10^15)"), buf);
}

char *
jp_limits_check_text (const char *text,
                      gssize      length)
{
  gsize len;
  glong n_chars;

  if (text == NULL)
    return NULL;

  len = length < 0 ? strlen (text) : (gsize) length;
  if (memchr (text, '\0', len) != NULL)
    return g_strdup (_("the text holds a NUL character (U+0000), which cannot be stored"));

  if (!g_utf8_validate_len (text, len, NULL))
    return g_strdup (_("the text is not valid UTF-8"));

  n_chars = g_utf8_strlen (text, (gssize) len);
  if (n_chars <= JP_TEXT_MAX)
    return NULL;

  return g_strdup_printf (_("the text is %lu characters long: a text may have at most %u "
                            "characters (the most a spreadsheet cell holds)"),
                          (gulong) n_chars, (guint) JP_TEXT_MAX);
}

/* ---- Numbers ---------------------------------------------------------- */

char *
jp_limits_parse_number (const char    *text,
                        JpNumberFlags  flags,
                        double        *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *quoted = NULL;
  const char *p;
  const char *end;
  guint int_digits = 0;     /* without leading zeros */
  guint frac_digits = 0;
  gboolean seen_digit = FALSE;
  gboolean exponent = FALSE;
  char *parse_end = NULL;
  double v;

  g_return_val_if_fail (text != NULL, NULL);

  quoted = jp_limits_quote (text, -1);

  p = text;
  end = text + strlen (text);
  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  if (p < end && (*p == '+' || *p == '-'))
    g_string_append_c (clean, *p++);

  if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    /* Translators: %s is the quoted text, “0x5A” */
    return g_strdup_printf (_("%s is not a number: hexadecimal numbers are not accepted"), quoted);

  for (; p < end && (g_ascii_isdigit (*p) || *p == ','); p++)
    {
      if (*p == ',')
        {
          /* 1,234,567: a comma after 1 to 3 digits, then groups of 3. */
          if ((flags & JP_NUMBER_GROUPING) == 0 || !seen_digit ||
              end - p < 4 || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) ||
              !g_ascii_isdigit (p[3]) || (end - p > 4 && g_ascii_isdigit (p[4])))
            goto not_a_number;
          continue;
        }
      seen_digit = TRUE;
      if (int_digits > 0 || *p != '0')
        int_digits++;
      g_string_append_c (clean, *p);
    }

  if (p < end && *p == '.')
    {
      g_string_append_c (clean, *p++);
      for (; p < end && g_ascii_isdigit (*p); p++)
        {
          seen_digit = TRUE;
          frac_digits++;
          g_string_append_c (clean, *p);
        }
    }

  if (!seen_digit)
    goto not_a_number;

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *digits;

      exponent = TRUE;
      g_string_append_c (clean, *p++);
      if (p < end && (*p == '+' || *p == '-'))
        g_string_append_c (clean, *p++);
      for (digits = p; p < end && g_ascii_isdigit (*p); p++)
        g_string_append_c (clean, *p);
      if (p == digits)
        goto not_a_number;
    }

  if (p != end)
    goto not_a_number;

  if (exponent && (flags & JP_NUMBER_EXPONENT) == 0)
    return g_strdup_printf (_("%s is written with an exponent, which is not accepted: "
                              "write the number out in digits"), quoted);

  errno = 0;
  v = g_ascii_strtod (clean->str, &parse_end);
  if (parse_end == NULL || *parse_end != '\0')
    goto not_a_number;

  if (!isfinite (v) || fabs (v) > JP_VALUE_MAX)
    {
      if (!exponent && int_digits > JP_VALUE_MAX_DIGITS)
        /* Translators: “1234567890123456” has 16 digits: more than the 15 … */
        return g_strdup_printf (_("%s has %u digits: more than the %u digits a number may "
                                  "have to be stored exactly"),
                                quoted, int_digits, (guint) JP_VALUE_MAX_DIGITS);
      return g_strdup_printf (_("%s is too large: the largest number the program stores is "
                                "1,000,000,000,000,000 (10^15)"), quoted);
    }

  if (value != NULL)
    *value = v + 0.0;
  return NULL;

not_a_number:
  return g_strdup_printf (_("%s is not a number"), quoted);
}

/* ---- Messages --------------------------------------------------------- */

char *
jp_limits_quote (const char *text,
                 gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint n = 0;

  if (text == NULL)
    text = "";

  valid = g_utf8_make_valid (text, length);
  out = g_string_new ("“");
  for (p = valid; *p != '\0' && n < JP_QUOTE_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        g_string_append_c (out, '?');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

char *
jp_limits_join_capped (const char * const *strings,
                       guint               n,
                       const char         *separator,
                       gboolean            quote)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = MIN (n, JP_LIST_MAX);

  g_return_val_if_fail (strings != NULL || n == 0, NULL);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: between the entries of a list in a message */
        g_string_append (out, separator != NULL ? separator : C_("list", ", "));
      if (quote)
        {
          g_autofree char *q = jp_limits_quote (strings[i], -1);

          g_string_append (out, q);
        }
      else
        g_string_append (out, strings[i]);
    }

  if (n > shown)
    /* Translators: "A, B, C and 5 more" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                         n - shown),
                            out->str, n - shown);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Encodings -------------------------------------------------------- */

/* Every 4-byte unit of the sample is a code point of UTF-32 in the order
 * @le, and some are not NUL: UTF-32 without a byte-order mark. */
static gboolean
looks_like_utf32 (const guint8 *data,
                  gsize         length,
                  gboolean      le)
{
  gsize n = MIN (length, 4096) / 4;
  gboolean any = FALSE;

  if (n == 0)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      const guint8 *q = data + 4 * i;
      guint32 c = le ? (guint32) q[0] | (guint32) q[1] << 8 | (guint32) q[2] << 16 | (guint32) q[3] << 24
                     : (guint32) q[3] | (guint32) q[2] << 8 | (guint32) q[1] << 16 | (guint32) q[0] << 24;

      if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return FALSE;
      if (c != 0)
        any = TRUE;
    }

  return any;
}

/* UTF-16: NUL bytes (the high half of ASCII characters: line breaks,
 * digits, spaces) at one parity, and almost none at the other. */
static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         length,
                  gboolean      le)
{
  gsize n = MIN (length, 4096) / 2;
  gsize high_nul = 0;
  gsize low_nul = 0;

  if (n < 2)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      guint8 low = le ? data[2 * i] : data[2 * i + 1];
      guint8 high = le ? data[2 * i + 1] : data[2 * i];

      if (high == 0)
        high_nul++;
      if (low == 0)
        low_nul++;
    }

  return high_nul >= 2 && high_nul * 50 >= n && low_nul * 10 <= high_nul;
}

const char *
jp_limits_check_encoding (const guint8 *data,
                          gsize         length,
                          gboolean      utf16_ok)
{
  if (data == NULL || length == 0)
    return NULL;

  if ((length >= 4 && (memcmp (data, "\xFF\xFE\0\0", 4) == 0 || memcmp (data, "\0\0\xFE\xFF", 4) == 0)) ||
      looks_like_utf32 (data, length, TRUE) || looks_like_utf32 (data, length, FALSE))
    return _("the file is UTF-32 text, which is not supported: save it as UTF-8");

  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return utf16_ok ? NULL
                    : _("the file is UTF-16 text, which is not supported here: save it as UTF-8");

  if (looks_like_utf16 (data, length, TRUE) || looks_like_utf16 (data, length, FALSE))
    return _("the file looks like UTF-16 text without a byte-order mark: save it as UTF-8");

  return NULL;
}

/* ---- Bounded reads ---------------------------------------------------- */

static void
set_too_large (GError  **error,
               guint64   size,
               gsize     max)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *max_text = g_format_size (max);

  g_set_error (error, JP_FILE_ERROR, JP_FILE_ERROR_TOO_LARGE,
               /* Translators: "the file is too large (5.4 GB): at most 64.0 MB can be read" */
               _("the file is too large (%s): at most %s can be read"), size_text, max_text);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, JP_FILE_ERROR, JP_FILE_ERROR_READ, g_strerror (saved_errno));
}

GBytes *
jp_file_read_bounded (const char  *path,
                      gsize        max,
                      guint64     *file_size,
                      GError     **error)
{
  g_autofree guint8 *buf = NULL;
  struct stat st;
  gsize alloc;
  gsize len = 0;
  int flags;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max < G_MAXSIZE, NULL);

  if (file_size != NULL)
    *file_size = 0;

  /* O_NONBLOCK: opening a FIFO without a writer does not wait. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, JP_FILE_ERROR, JP_FILE_ERROR_NOT_REGULAR,
                           S_ISDIR (st.st_mode)
                             ? _("this is a folder, not a file")
                             : _("not a regular file (a device, FIFO or socket): "
                                 "only a file can be read"));
      close (fd);
      return NULL;
    }

  if (file_size != NULL)
    *file_size = (guint64) st.st_size;
  if ((guint64) st.st_size > max)
    {
      set_too_large (error, (guint64) st.st_size, max);
      close (fd);
      return NULL;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  /* One byte more than the size, to see a file that grew. */
  alloc = (gsize) st.st_size + 1;
  buf = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (len == alloc)
        {
          if (alloc > max)
            {
              if (file_size != NULL)
                *file_size = len;
              set_too_large (error, len, max);
              close (fd);
              return NULL;
            }
          alloc = MIN (MAX (alloc * 2, 4096), max + 1);
          buf = g_realloc (buf, alloc);
        }

      n = read (fd, buf + len, alloc - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  close (fd);

  if (len > max)
    {
      set_too_large (error, len, max);
      return NULL;
    }

  if (file_size != NULL)
    *file_size = len;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buf), MAX (len, 1)), len);
}

GBytes *
jp_file_load_bounded (GFile         *file,
                      gsize          max,
                      GCancellable  *cancellable,
                      guint64       *file_size,
                      GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) array = NULL;
  g_autofree guint8 *chunk = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max < G_MAXSIZE, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return jp_file_read_bounded (path, max, file_size, error);

  if (file_size != NULL)
    *file_size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > max)
    {
      if (file_size != NULL)
        *file_size = (guint64) g_file_info_get_size (info);
      set_too_large (error, (guint64) g_file_info_get_size (info), max);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  array = g_byte_array_new ();
  chunk = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, 64 * 1024,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (array, chunk, (guint) n);
      if (array->len > max)
        {
          if (file_size != NULL)
            *file_size = array->len;
          set_too_large (error, array->len, max);
          return NULL;
        }
    }

  if (file_size != NULL)
    *file_size = array->len;

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}
