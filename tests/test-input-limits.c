/* test-input-limits.c: what every entry point may read (jp-limits.h):
 * numbers and texts the program can store and write back out, number
 * errors that name their real cause, capped quotes and lists in
 * messages, UTF-16 and UTF-32 told apart, bounded reads (a 5 GB file
 * refused at no cost in memory, a FIFO or device at once), the JSON
 * reader's refusals (0x5A, a member given twice, \u0000, long texts), the
 * JSON writer's refusal of a text that is not UTF-8, and names added to a
 * plan in linear time. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-model.h"
#include "jp-reliability-util.h"

/* ---- Helpers ---------------------------------------------------------- */

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (text == NULL || strstr (text, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", text != NULL ? text : "(null)", fragment);
}

/* The peak resident memory of this process so far, in kB (VmHWM). */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static GPtrArray *
import_json (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return jp_json_import_bytes (bytes, "t.json", error);
}

#define IND "t.json: plans[0].sections[0].items[0].indicators[0]."

/* ---- Values and texts ------------------------------------------------- */

static void
test_value (void)
{
  g_autofree char *big = jp_limits_check_value (1e19);
  g_autofree char *inf = jp_limits_check_value (INFINITY);
  g_autofree char *nan = jp_limits_check_value (NAN);

  g_assert_null (jp_limits_check_value (0));
  g_assert_null (jp_limits_check_value (JP_VALUE_MAX));
  g_assert_null (jp_limits_check_value (-JP_VALUE_MAX));
  assert_contains (big, "1e+19 is too large");
  assert_contains (inf, "not finite");
  assert_contains (nan, "not finite");
}

static void
test_text (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autofree char *nul = jp_limits_check_text ("ab\0cd", 5);
  g_autofree char *bad = jp_limits_check_text ("ab\xff", -1);
  g_autofree char *longer = NULL;

  /* Characters, not bytes: 32,767 Chinese characters are 98,301 bytes. */
  for (guint i = 0; i < JP_TEXT_MAX; i++)
    g_string_append (ok, "计");
  g_assert_null (jp_limits_check_text (ok->str, -1));
  g_string_append (ok, "划");
  longer = jp_limits_check_text (ok->str, -1);
  assert_contains (longer, "the text is 32768 characters long: a text may have at most 32767");

  assert_contains (nul, "NUL character (U+0000)");
  assert_contains (bad, "not valid UTF-8");
  g_assert_null (jp_limits_check_text ("", -1));
}

/* Each number error names its own cause. */
static void
test_number_causes (void)
{
  static const struct
  {
    const char    *text;
    JpNumberFlags  flags;
    double         value;     /* when accepted */
    const char    *reason;    /* NULL: accepted */
  } cases[] = {
    { "90", 0, 90, NULL },
    { " -4.7 ", 0, -4.7, NULL },
    { "999999999999999", 0, 999999999999999.0, NULL },
    { "1000000000000000", 0, 1e15, NULL },
    { "2,900", JP_NUMBER_GROUPING, 2900, NULL },
    { "1,234,567.5", JP_NUMBER_GROUPING, 1234567.5, NULL },
    { "1E2", JP_NUMBER_EXPONENT, 100, NULL },
    { "2.5e-3", JP_NUMBER_EXPONENT, 0.0025, NULL },
    { "1E2", 0, 0, "“1E2” is written with an exponent, which is not accepted" },
    { "1e309", JP_NUMBER_EXPONENT, 0, "“1e309” is too large" },
    { "-1e309", JP_NUMBER_EXPONENT, 0, "“-1e309” is too large" },
    { "2e15", JP_NUMBER_EXPONENT, 0, "“2e15” is too large" },
    { "1234567890123456", 0, 0, "“1234567890123456” has 16 digits: more than the 15 digits" },
    { "00001234567890123456", 0, 0, "has 16 digits" },
    { "0x5A", 0, 0, "“0x5A” is not a number: hexadecimal numbers are not accepted" },
    { "-0X5a", JP_NUMBER_EXPONENT, 0, "hexadecimal" },
    { "2,900", 0, 0, "“2,900” is not a number" },
    { "2,90", JP_NUMBER_GROUPING, 0, "“2,90” is not a number" },
    { "abc", 0, 0, "“abc” is not a number" },
    { "", 0, 0, "“” is not a number" },
    { "1e", JP_NUMBER_EXPONENT, 0, "“1e” is not a number" },
    { "nan", JP_NUMBER_EXPONENT, 0, "“nan” is not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;
      g_autofree char *reason = jp_limits_parse_number (cases[i].text, cases[i].flags, &value);

      g_test_message ("%s → %s", cases[i].text, reason != NULL ? reason : "ok");
      if (cases[i].reason == NULL)
        {
          g_assert_null (reason);
          g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-12);
        }
      else
        assert_contains (reason, cases[i].reason);
    }
}

/* ---- Messages --------------------------------------------------------- */

static void
test_quote_and_list (void)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quoted = NULL;
  g_autofree char *controls = jp_limits_quote ("a\033[31mb\n", -1);
  g_autofree char *broken = jp_limits_quote ("ab\xff", -1);
  g_autofree char *short_text = jp_limits_quote ("计划", -1);
  g_autofree char *list = NULL;
  g_autofree char *few = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (cell, "计");
  quoted = jp_limits_quote (cell->str, -1);
  /* “ + 60 characters + … + ” */
  g_assert_cmpint (g_utf8_strlen (quoted, -1), ==, JP_QUOTE_MAX + 3);
  g_assert_true (g_str_has_suffix (quoted, "…”"));
  g_assert_cmpstr (short_text, ==, "“计划”");
  g_assert_cmpstr (controls, ==, "“a?[31mb?”");
  g_assert_true (g_utf8_validate (broken, -1, NULL));

  for (guint i = 0; i < 25000; i++)
    g_ptr_array_add (names, g_strdup_printf ("单位%05u", i));
  list = jp_limits_join_capped ((const char * const *) names->pdata, names->len, NULL, TRUE);
  assert_contains (list, "“单位00000”, “单位00001”");
  assert_contains (list, "“单位00009” and 24990 more");
  g_assert_null (strstr (list, "单位00010"));
  g_assert_cmpuint (strlen (list), <, 400);
  few = jp_limits_join_capped ((const char * const *) names->pdata, 2, "；", FALSE);
  g_assert_cmpstr (few, ==, "单位00000；单位00001");
}

/* ---- Encodings -------------------------------------------------------- */

static GBytes *
encode (const char *text,
        const char *charset,
        const char *bom,
        gsize       bom_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize len = 0;
  g_autofree char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_byte_array_append (out, (const guint8 *) bom, (guint) bom_len);
  g_byte_array_append (out, (const guint8 *) converted, (guint) len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_encodings (void)
{
  const char *doc = "2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作，覆盖率达到90%。\n";
  static const struct
  {
    const char *charset;
    const char *bom;
    gsize       bom_len;
    const char *message;           /* utf16_ok FALSE */
    const char *message_utf16_ok;  /* utf16_ok TRUE */
  } cases[] = {
    { "UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32 text", "UTF-32 text" },
    { "UTF-32BE", "\0\0\xFE\xFF", 4, "UTF-32 text", "UTF-32 text" },
    { "UTF-32LE", "", 0, "UTF-32 text", "UTF-32 text" },
    { "UTF-32BE", "", 0, "UTF-32 text", "UTF-32 text" },
    { "UTF-16LE", "\xFF\xFE", 2, "UTF-16 text, which is not supported here", NULL },
    { "UTF-16BE", "\xFE\xFF", 2, "UTF-16 text, which is not supported here", NULL },
    { "UTF-16LE", "", 0, "UTF-16 text without a byte-order mark", "without a byte-order mark" },
    { "UTF-16BE", "", 0, "UTF-16 text without a byte-order mark", "without a byte-order mark" },
    { "UTF-8", "", 0, NULL, NULL },
    { "UTF-8", "\xEF\xBB\xBF", 3, NULL, NULL },
    { "GB18030", "", 0, NULL, NULL },
  };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = encode (doc, cases[i].charset, cases[i].bom, cases[i].bom_len);
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (bytes, &len);
      const char *message = jp_limits_check_encoding (data, len, FALSE);
      const char *message_ok = jp_limits_check_encoding (data, len, TRUE);

      g_test_message ("%s (BOM %zu bytes): %s", cases[i].charset, cases[i].bom_len,
                      message != NULL ? message : "accepted");
      if (cases[i].message == NULL)
        g_assert_null (message);
      else
        assert_contains (message, cases[i].message);
      if (cases[i].message_utf16_ok == NULL)
        g_assert_null (message_ok);
      else
        assert_contains (message_ok, cases[i].message_utf16_ok);
    }

  g_assert_null (jp_limits_check_encoding (png, sizeof png, FALSE));
  g_assert_null (jp_limits_check_encoding ((const guint8 *) "{}", 2, FALSE));
}

/* The importers say so too, instead of "binary data" or "not UTF-8". */
static void
test_importers_name_encodings (void)
{
  g_autoptr(GBytes) doc32 = encode ("2023年工作要点\n\n1. 做好工作。\n", "UTF-32LE", "\xFF\xFE\0\0", 4);
  g_autoptr(GBytes) doc16 = encode ("2023年工作要点\n\n1. 做好工作。\n", "UTF-16LE", "", 0);
  g_autoptr(GBytes) json32 = encode ("{\"format\": \"jinfeng-plan\"}", "UTF-32BE", "", 0);
  g_autoptr(GBytes) json16 = encode ("{\"format\": \"jinfeng-plan\"}", "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  plan = jp_document_import_bytes (doc32, "d.txt", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "d.txt: the file is UTF-32 text, which is not supported: save it as UTF-8");
  g_clear_error (&error);

  plan = jp_document_import_bytes (doc16, "d.txt", NULL, &error);
  g_assert_null (plan);
  assert_contains (error->message, "d.txt: the file looks like UTF-16 text without a byte-order mark");
  g_clear_error (&error);

  plans = jp_json_import_bytes (json32, "j.json", &error);
  g_assert_null (plans);
  g_assert_cmpstr (error->message, ==, "j.json: the file is UTF-32 text, which is not supported: save it as UTF-8");
  g_clear_error (&error);

  plans = jp_json_import_bytes (json16, "j.json", &error);
  g_assert_null (plans);
  assert_contains (error->message, "j.json: the file is UTF-16 text");
}

/* ---- Bounded reads ---------------------------------------------------- */

static void
test_read_bounded (void)
{
  g_autofree char *dir = rel_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "f.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint64 size = 0;
  gint64 start;

  rel_write_file (path, "0123456789", 10);
  bytes = jp_file_read_bounded (path, 10, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 10, "0123456789", 10);
  g_assert_cmpuint (size, ==, 10);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = jp_file_read_bounded (path, 9, &size, &error);
  g_assert_null (bytes);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_TOO_LARGE);
  g_assert_cmpuint (size, ==, 10);
  g_clear_error (&error);

  rel_write_file (path, "", 0);
  bytes = jp_file_read_bounded (path, 9, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A folder, a device, a FIFO without a writer: refused at once. */
  bytes = jp_file_read_bounded (dir, 100, NULL, &error);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  bytes = jp_file_read_bounded ("/dev/zero", 100, NULL, &error);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_NOT_REGULAR);
  assert_contains (error->message, "not a regular file");
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  bytes = jp_file_read_bounded (fifo, 100, NULL, &error);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_NOT_REGULAR);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  bytes = jp_file_read_bounded ("/nonexistent/x.txt", 100, NULL, &error);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_READ);
  g_clear_error (&error);

  g_unlink (fifo);
  g_unlink (path);
  g_rmdir (dir);
}

/* A 5 GB sparse file given to every importer that takes a file: refused
 * by its size, with less than 50 MB of memory growth. The device
 * /dev/zero (size 0, endless) is refused too: the old importers read it
 * until memory ran out. */
static void
test_huge_inputs (void)
{
  g_autofree char *dir = rel_make_tmpdir ();
  g_autofree char *txt = g_build_filename (dir, "huge.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  guint64 before;
  guint64 after;

  for (guint i = 0; i < 2; i++)
    {
      int fd = g_open (i == 0 ? txt : json, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (write (fd, i == 0 ? "2023年工作要点\n" : "{\"plans\": [", i == 0 ? 19 : 11), >, 0);
      if (ftruncate (fd, (off_t) 5 << 30) != 0)
        {
          close (fd);
          g_test_skip ("no room for a sparse 5 GB file here");
          return;
        }
      close (fd);
    }

  before = peak_rss_kb ();

  bytes = jp_file_read_bounded (txt, JP_DOCUMENT_MAX_SIZE, NULL, &error);
  g_assert_error (error, JP_FILE_ERROR, JP_FILE_ERROR_TOO_LARGE);
  assert_contains (error->message, "the file is too large (5.4");
  g_clear_error (&error);

  plan = jp_document_import_file (txt_file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  assert_contains (error->message, "huge.txt: the document is too large");
  g_clear_error (&error);

  plans = jp_json_import_file (json_file, NULL, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  assert_contains (error->message, "huge.json: the file is too large");
  g_clear_error (&error);

  plan = jp_document_import_file (zero, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  assert_contains (error->message, "zero: not a regular file");
  g_clear_error (&error);

  plans = jp_json_import_file (zero, NULL, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  g_clear_error (&error);

  after = peak_rss_kb ();
  g_test_message ("peak RSS %" G_GUINT64_FORMAT " kB → %" G_GUINT64_FORMAT " kB", before, after);
  g_assert_cmpuint (after - before, <, 50 * 1024);

  g_unlink (txt);
  g_unlink (json);
  g_rmdir (dir);
}

/* ---- The JSON reader and writer -------------------------------------- */

static void
test_json_refusals (void)
{
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autoptr(GString) many_keys = g_string_new ("{\"format\": \"jinfeng-plan\", \"version\": 1, ");
  static const struct
  {
    const char *title;
    const char *target;
    const char *message;
  } cases[] = {
    /* json-glib reads these as numbers; JSON does not. */
    { "T", "0x5A", IND "target: “0x5A” is not a number: hexadecimal numbers are not accepted" },
    { "T", "05", IND "target: “05” is not a JSON number" },
    { "T", ".5", IND "target: “.5” is not a JSON number" },
    { "T", "1.", IND "target: “1.” is not a JSON number" },
    { "T", "+1", IND "target: “+1” is not a JSON number" },
    /* The cause of each number's refusal. */
    { "T", "1e309", IND "target: “1e309” is too large" },
    { "T", "1234567890123456", IND "target: “1234567890123456” has 16 digits" },
    /* json-glib would cut the title at the NUL. */
    { "A\\u0000B", "90", "t.json: plans[0].title: the text holds a NUL character (U+0000)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rel_dup_json_target (cases[i].title, cases[i].target);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = import_json (text, &error);

      g_test_message ("%s / %s: %s", cases[i].title, cases[i].target,
                      error != NULL ? error->message : "accepted");
      g_assert_null (plans);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("“%s” does not start with “%s”", error->message, cases[i].message);
    }

  /* An exponent is JSON: read as the number it is. */
  {
    g_autofree char *text = rel_dup_json_target ("T", "1E2");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = import_json (text, &error);
    g_autoptr(JpIndicator) indicator = NULL;

    g_assert_no_error (error);
    indicator = g_list_model_get_item (jp_item_get_indicators (
                  jp_plan_find_item_by_number (g_ptr_array_index (plans, 0), 1)), 0);
    g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 100);
  }

  /* A member given twice (json-glib kept the last), also when escaped,
   * and in an object of many members (a set rather than a list). */
  {
    const char *dups[] = {
      "{\"format\": \"jinfeng-plan\", \"format\": \"x\", \"version\": 1, \"plans\": []}",
      "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"A\", \"year\": 2023, \"\\u0074itle\": \"B\"}]}",
    };
    const char *paths[] = { "t.json: format: ", "t.json: plans[0].title: " };

    for (guint i = 0; i < G_N_ELEMENTS (dups); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) plans = import_json (dups[i], &error);

        g_assert_null (plans);
        g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE);
        assert_contains (error->message, paths[i]);
        assert_contains (error->message, "the member is given twice in the same object");
      }
  }
  /* Not JSON, though json-glib reads them. */
  {
    const char *texts[] = {
      "{\"format\": \"jinfeng-plan\", \"version\": 1, /* no */ \"plans\": []}",
      "{\"format\": \"jinfeng-plan\", \"version\": 1,\n\"plans\": [{'title': 'T', 'year': 2023}]}",
    };
    const char *messages[] = {
      "t.json:1: a comment, which JSON does not allow",
      "t.json:2: a string in single quotes: JSON strings are in double quotes",
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) plans = import_json (texts[i], &error);

        g_assert_null (plans);
        g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE);
        g_assert_cmpstr (error->message, ==, messages[i]);
      }
  }

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (many_keys, "\"x%u\": %u, ", i, i);
  g_string_append (many_keys, "\"x42\": 0, \"plans\": []}");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = import_json (many_keys->str, &error);

    g_assert_null (plans);
    assert_contains (error->message, "t.json: x42: the member is given twice");
  }

  /* A text an xlsx cell cannot hold: refused with its path, not cut. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (long_title, "划");
  {
    g_autofree char *text = rel_dup_json_target (long_title->str, "90");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = import_json (text, &error);

    g_assert_null (plans);
    g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "t.json: plans[0].title: the text is 40000 characters long: a text may have "
                     "at most 32767 characters (the most a spreadsheet cell holds)");
  }

  /* A message quotes at most 60 characters of what it refuses. */
  {
    g_autoptr(GString) kind = g_string_new (NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = NULL;

    for (guint i = 0; i < 30000; i++)
      g_string_append (kind, "k");
    text = rel_dup_json_target ("T", "90");
    g_assert_true (strstr (text, "\"at_least\"") != NULL);
    {
      g_autoptr(GString) s = g_string_new (text);

      g_string_replace (s, "at_least", kind->str, 1);
      plans = import_json (s->str, &error);
    }
    g_assert_null (plans);
    assert_contains (error->message, "kind: unknown kind “kkkk");
    assert_contains (error->message, "…” (expected");
    g_assert_cmpuint (strlen (error->message), <, 300);
  }
}

/* A title that is not UTF-8 (a tampered database) is not written into a
 * file the reader refuses: the export fails, naming it. */
static void
test_json_export_invalid_utf8 (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("2023年工作要点", 2023);
  g_autoptr(JpSection) section = jp_section_new ("一", "部分");
  g_autoptr(JpItem) item = jp_item_new (1, "bad \xff\xfe title");
  g_autofree char *dir = rel_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JpPlan *plans[] = { plan };

  jp_plan_append_section (plan, section);
  jp_section_append_item (section, item);

  text = jp_json_export_plans (plans, 1, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING);
  assert_contains (error->message, "plans[0].sections[0].items[0].title: the text is not valid UTF-8");
  g_clear_error (&error);

  g_assert_false (jp_json_write_file (plans, 1, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* ---- Names in linear time --------------------------------------------- */

static GBytes *
names_document (guint n)
{
  GString *s = g_string_new ("2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作。\n\n责任领导：");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s领导%05u", i > 0 ? " " : "", i);
  g_string_append (s, "\n\n责任单位：");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s单位%05u", i > 0 ? " " : "", i);
  g_string_append_c (s, '\n');

  return g_string_free_to_bytes (s);
}

static double
import_names_ms (guint n)
{
  g_autoptr(GBytes) bytes = names_document (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  double start = cpu_ms ();
  double ms;

  plan = jp_document_import_bytes (bytes, "names.txt", NULL, &error);
  ms = cpu_ms () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==, n);

  return ms;
}

/* 2,000 then 16,000 names on one item's lines: eight times the names
 * take about eight times as long (they took 64 times as long, 11 s). */
static void
test_names_linear (void)
{
  double small = 0;
  double large;

  import_names_ms (2000); /* warm-up */
  for (guint r = 0; r < 3; r++)
    small += import_names_ms (2000) / 3;
  large = import_names_ms (16000);
  g_test_message ("2,000 names: %.1f ms, 16,000: %.1f ms (%.1f×)", small, large, large / small);
  g_assert_cmpfloat (large, <, 24 * MAX (small, 1.0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/input-limits/value", test_value);
  g_test_add_func ("/jp/input-limits/text", test_text);
  g_test_add_func ("/jp/input-limits/number-causes", test_number_causes);
  g_test_add_func ("/jp/input-limits/quote-and-list", test_quote_and_list);
  g_test_add_func ("/jp/input-limits/encodings", test_encodings);
  g_test_add_func ("/jp/input-limits/importers-name-encodings", test_importers_name_encodings);
  g_test_add_func ("/jp/input-limits/read-bounded", test_read_bounded);
  g_test_add_func ("/jp/input-limits/huge-inputs", test_huge_inputs);
  g_test_add_func ("/jp/input-limits/json-refusals", test_json_refusals);
  g_test_add_func ("/jp/input-limits/json-export-invalid-utf8", test_json_export_invalid_utf8);
  g_test_add_func ("/jp/input-limits/names-linear", test_names_linear);

  return g_test_run ();
}
