#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the program can store and write back out, in one place: every
 * entry point (plan documents, JSON, progress sheets, the dialogs) checks
 * what it reads against these limits and refuses, with the place, what
 * lies beyond them; nothing is cut short silently. Also the capped
 * quotes and lists of messages, the sniffing of text encodings that no
 * reader accepts, and the bounded reading of an input file. */

/* The largest magnitude of a number (targets, values, baselines,
 * weights): every integer up to it is exact in a double, and the JSON
 * export writes it without an exponent. */
#define JP_VALUE_MAX        1e15
/* The digits an integer may have to be stored exactly. */
#define JP_VALUE_MAX_DIGITS 15
/* The longest text (a title, name, body, note…), in characters: the most
 * a spreadsheet cell holds (xlsx: 32,767), so that every export can
 * write it. */
#define JP_TEXT_MAX         32767
/* The largest progress sheet (CSV) read: one with a row for each of
 * 50,000 indicators is about 10 MB. */
#define JP_SHEET_MAX_SIZE   (32 * 1000 * 1000)
/* The characters of an input quoted in a message, and the entries of a
 * list a message names, before "…" and "and N more". */
#define JP_QUOTE_MAX        60
#define JP_LIST_MAX         10

/* NULL when @value can be stored, else why not (translated, without the
 * place: callers put the file and line or the JSON path in front). */
char        *jp_limits_check_value    (double       value) G_GNUC_WARN_UNUSED_RESULT;
/* NULL when @text can be stored as a text field: valid UTF-8, no NUL
 * character within @length bytes (-1: NUL-terminated), at most
 * JP_TEXT_MAX characters; else why not (translated). */
char        *jp_limits_check_text     (const char  *text,
                                       gssize       length) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  JP_NUMBER_GROUPING = 1 << 0, /* "2,900" */
  JP_NUMBER_EXPONENT = 1 << 1, /* "1e2" (JSON) */
} JpNumberFlags;

/* Reads a number written in ASCII ("90", "-4.7", with @flags "2,900",
 * "1e2"; surrounding spaces allowed) into @value. NULL when it is a number
 * the program can store; else a translated reason that names the real
 * cause: not a number, written with an exponent, more digits than can be
 * stored exactly (a 16-digit integer), too large (1e309) — quoting @text
 * capped. */
char        *jp_limits_parse_number   (const char    *text,
                                       JpNumberFlags  flags,
                                       double        *value) G_GNUC_WARN_UNUSED_RESULT;

/* @text between “ ” for a message, cut after JP_QUOTE_MAX characters
 * with "…", control characters shown as "?" and invalid UTF-8 repaired:
 * a message never echoes a whole cell. @length -1: NUL-terminated. */
char        *jp_limits_quote          (const char  *text,
                                       gssize       length) G_GNUC_WARN_UNUSED_RESULT;
/* The first JP_LIST_MAX of @n strings (each quoted as above when @quote)
 * joined with @separator (NULL: the locale's list separator, ", " or
 * "、"), then "and N more": a message never lists 30,000 names. */
char        *jp_limits_join_capped    (const char * const *strings,
                                       guint               n,
                                       const char         *separator,
                                       gboolean            quote) G_GNUC_WARN_UNUSED_RESULT;

/* A translated message when @data (the start of a file is enough) is
 * UTF-32, or UTF-16 and @utf16_ok is FALSE — by its byte-order mark or
 * by the pattern of its NUL bytes — saying to save it as UTF-8; else
 * NULL. */
const char  *jp_limits_check_encoding (const guint8 *data,
                                       gsize         length,
                                       gboolean      utf16_ok);

#define JP_FILE_ERROR (jp_file_error_quark ())

typedef enum
{
  JP_FILE_ERROR_TOO_LARGE,   /* beyond the limit given */
  JP_FILE_ERROR_NOT_REGULAR, /* a folder, FIFO, device or socket */
  JP_FILE_ERROR_READ,        /* cannot be opened or read (errno's message) */
} JpFileError;

GQuark       jp_file_error_quark      (void);

/* The whole of a regular file of at most @max bytes, checked with
 * fstat() before anything is read and read with a bounded read (a file
 * that grows past @max while read is refused too): a huge or endless
 * input costs no memory. A FIFO, device, socket or folder is refused at
 * once (never blocks). @file_size (optional) receives the size found,
 * for the caller's own "too large" message. Messages do not name the
 * file: the caller puts its name in front. */
GBytes      *jp_file_read_bounded     (const char   *path,
                                       gsize         max,
                                       guint64      *file_size,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same for a GFile: through its path when it has one, else its
 * stream, read in chunks up to @max + 1 bytes. */
GBytes      *jp_file_load_bounded     (GFile         *file,
                                       gsize          max,
                                       GCancellable  *cancellable,
                                       guint64       *file_size,
                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
