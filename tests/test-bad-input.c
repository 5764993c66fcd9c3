/* test-bad-input.c: every file of the bad-input corpus (tests/data/bad/,
 * written by tests/reliability/make-bad-inputs) and the big inputs made
 * at run time (a 50 MB single line, JSON nested 300,000 deep, 50 MB of
 * empty objects), given to the real executable: each exits 1 (never a
 * crash) with "jinfeng-plan: FILE[:LINE|: JSON.PATH]: message" on
 * standard error, and the database is left byte for byte as it was. The
 * "databases" of the corpus (a text file, junk after an SQLite header)
 * and those made here (a newer schema, another program's, a truncated
 * one, a folder) are refused the same way, and never altered. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-reliability-util.h"

typedef struct
{
  char *dir;
  char *db;        /* dir/plans.db, holding one plan */
  char *good;      /* a good JSON file to import */
  char *before;    /* rel_db_checksum (db) */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rel_make_tmpdir ();
  f->db = rel_dup_db_with_plan (f->dir, &f->good);
  f->before = rel_db_checksum (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->good);
  g_free (f->before);
}

/* The last line of @text (without its newline). */
static char *
dup_last_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  while (n > 0 && lines[n - 1][0] == '\0')
    n--;

  return n > 0 ? g_strdup (lines[n - 1]) : g_strdup ("");
}

/* Runs the executable; asserts exit 1, nothing on standard output and
 * "jinfeng-plan: " + @fragment on the last line of standard error. */
static void
assert_refused (const char *fragment,
                const char *arg1,
                const char *arg2)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *last = NULL;
  int status;

  status = rel_run (&out, &err, arg1, arg2, NULL);
  last = dup_last_line (err);
  g_test_message ("%s %s → %d: %s", arg1, arg2, status, last);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (last, "jinfeng-plan: "));
  if (strstr (last, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", last, fragment);
}

static void
assert_db_unchanged (Fixture *f)
{
  g_autofree char *after = rel_db_checksum (f->db);
  g_autofree char *backups = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);

  g_assert_cmpstr (after, ==, f->before);
  /* Nothing was backed up either: nothing was going to be written. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* The corpus, given to --import                                       */

typedef struct
{
  const char *file;
  /* Expected in the message, after "jinfeng-plan: ": the file name with
   * the line (and column) or the JSON path where there is one. */
  const char *message;
} BadImport;

static const BadImport bad_imports[] = {
  /* plan documents */
  { "empty.txt", "empty.txt: the file is empty" },
  { "blank.md", "blank.md: the file is empty" },
  { "binary.txt", "binary.txt: this is not a text file" },
  { "png-renamed.txt", "png-renamed.txt: this is not a text file" },
  { "pdf-renamed.txt", "pdf-renamed.txt: this is a PDF file" },
  { "docx-renamed.md", "docx-renamed.md: this is a word-processor or archive file" },
  { "truncated-utf8.txt", "truncated-utf8.txt:15: the text is neither UTF-8, GB18030 (GBK) nor "
    "Big5: invalid bytes at byte 4 of the line" },
  /* The bad bytes are on line 5 (UTF-8 gives up on line 1). */
  { "gb18030-invalid.txt", "gb18030-invalid.txt:5: the text is neither UTF-8, GB18030 (GBK) nor "
    "Big5: invalid bytes at byte 16 of the line" },
  { "nul-byte.txt", "nul-byte.txt: this is not a text file" },
  { "utf16-no-bom.txt", "utf16-no-bom.txt: the file looks like UTF-16 text without a byte-order mark" },
  { "no-items.txt", "no-items.txt: no work items found" },
  { "no-sections.md", "no-sections.md: no work items found" },
  { "title-only.txt", "title-only.txt: no work items found" },
  { "html-renamed.txt", "html-renamed.txt: no work items found" },
  /* JSON */
  { "empty.json", "empty.json: empty file" },
  { "not-json.json", "not-json.json: expected a JSON object" },
  { "truncated.json", "truncated.json:40:35: Parse error" },
  { "trailing-garbage.json", "trailing-garbage.json:75: more data after the end of the JSON document" },
  { "deep-nesting.json", "deep-nesting.json:1: nested deeper than the format allows" },
  { "wrong-format.json", "wrong-format.json: format: not a plan file" },
  { "higher-version.json", "higher-version.json: version: version 3 was written by a newer version" },
  { "version-string.json", "version-string.json: version: expected an integer" },
  { "plans-missing.json", "plans-missing.json: plans: required but missing" },
  { "plans-object.json", "plans-object.json: plans: expected an array" },
  { "plan-null.json", "plan-null.json: plans[0]: expected an object" },
  { "title-number.json", "title-number.json: plans[0].title: expected a string" },
  { "items-string.json", "items-string.json: plans[0].sections[0].items: expected an array" },
  { "nan-target.json", "nan-target.json:52:31: Parse error" },
  { "infinity-target.json",
    "infinity-target.json: plans[0].sections[0].items[0].indicators[0].target: “1e999” is too large" },
  { "negative-target.json",
    "negative-target.json: plans[0].sections[0].items[0].indicators[0].target: must not be negative" },
  { "unknown-kind.json",
    "unknown-kind.json: plans[0].sections[0].items[0].indicators[0].kind: unknown kind “about”" },
  { "impossible-date.json",
    "impossible-date.json: plans[0].sections[0].items[0].indicators[0].progress[0].date: “2023-02-30” is not a valid date" },
  { "date-format.json", "date-format.json: plans[0].sections[0].items[0].due: “2023/06/30” is not a valid date" },
  { "range-max-below.json",
    "range-max-below.json: plans[0].sections[0].items[0].indicators[0].target_max: less than the target" },
  { "completion-150.json",
    "completion-150.json: plans[0].sections[0].items[0].updates[0].completion: must be between 0 and 100" },
  { "item-number-huge.json", "item-number-huge.json: plans[0].sections[0].items[0].number: “1e+30” is too large" },
  { "empty-leader-name.json", "empty-leader-name.json: plans[0].leaders[1]: empty name" },
  { "progress-value-string.json",
    "progress-value-string.json: plans[0].sections[0].items[0].indicators[0].progress[0].value: expected a number" },
  { "utf16-bom.json", "utf16-bom.json: the file is UTF-16 text, which is not supported here" },
  { "latin1.json", "latin1.json:1: not valid UTF-8 text" },
};

/* Used as --db, below. */
static const char * const bad_databases[] = {
  "text-file.db",
  "sqlite-header-junk.db",
};

static char *
dup_corpus_path (const char *name)
{
  return g_build_filename (JP_TEST_DATADIR, "bad", name, NULL);
}

static void
test_corpus_listed (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_build_filename (JP_TEST_DATADIR, "bad", NULL);
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  /* Every file of the corpus has its expectation here. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_imports) && !listed; i++)
        listed = g_str_equal (bad_imports[i].file, name);
      for (guint i = 0; i < G_N_ELEMENTS (bad_databases) && !listed; i++)
        listed = g_str_equal (bad_databases[i], name);
      if (!listed)
        g_error ("tests/data/bad/%s has no expectation in test-bad-input.c", name);
      n++;
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_imports) + G_N_ELEMENTS (bad_databases));
  g_assert_cmpuint (n, >=, 30);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *arg_db = g_strconcat ("--db=", f->db, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    {
      g_autofree char *path = dup_corpus_path (bad_imports[i].file);
      g_autofree char *copy = g_build_filename (f->dir, bad_imports[i].file, NULL);
      g_autofree char *arg_import = g_strconcat ("--import=", bad_imports[i].file, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* Run in the folder of a copy, so that the message names the file
       * as it was typed. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      rel_write_file (copy, contents, (gssize) length);
      g_assert_cmpint (g_chdir (f->dir), ==, 0);
      assert_refused (bad_imports[i].message, arg_db, arg_import);
      assert_db_unchanged (f);
    }
}

/* ------------------------------------------------------------------ */
/* Big inputs, made here                                               */

static void
write_big (const char *path,
           const char *head,
           const char *unit,
           gsize       size,
           const char *tail)
{
  g_autoptr(GString) s = g_string_sized_new (size + 64);
  gsize unit_len = strlen (unit);

  g_string_append (s, head);
  while (s->len + unit_len + strlen (tail) <= size)
    g_string_append_len (s, unit, (gssize) unit_len);
  g_string_append (s, tail);
  rel_write_file (path, s->str, (gssize) s->len);
}

static void
test_big (Fixture       *f,
          gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *head;
    const char *unit;
    gsize       size;
    const char *tail;
    const char *message;
  } cases[] = {
    /* 50 MB without a line break. */
    { "line.txt", "2023年工作要点 ", "坚持党建引领，党支部规范化率达90%。", 50 << 20, "",
      "line.txt: no work items found" },
    { "line.json", "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"",
      "计划", 50 << 20, "\"}]}", "line.json: plans[0].title: the text is 17476244 characters long" },
    /* json-glib 1.6 would recurse 300,000 deep and crash. */
    { "deep.json", "{\"plans\": ", "[", 300000, "",
      "deep.json:1: nested deeper than the format allows" },
    { "deep-objects.json", "", "{\"a\":", 300000 * 5, "",
      "deep-objects.json:1: nested deeper than the format allows" },
    /* 17 million objects would take 5 GB once parsed. */
    { "objects.json", "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [", "{},",
      50 << 20, "{}]}", "objects.json:1: too many objects and arrays" },
  };
  g_autofree char *arg_db = g_strconcat ("--db=", f->db, NULL);

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, cases[i].name, NULL);
      g_autofree char *arg_import = g_strconcat ("--import=", cases[i].name, NULL);
      gint64 start = g_get_monotonic_time ();

      write_big (path, cases[i].head, cases[i].unit, cases[i].size, cases[i].tail);
      assert_refused (cases[i].message, arg_db, arg_import);
      g_test_message ("%s: %.1f s", cases[i].name,
                      (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      assert_db_unchanged (f);
      g_unlink (path);
    }
}

static void
test_missing_and_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *arg_db = g_strconcat ("--db=", f->db, NULL);
  g_autofree char *arg_missing = g_strconcat ("--import=", f->dir, "/missing.json", NULL);
  g_autofree char *arg_folder = g_strconcat ("--import=", f->dir, NULL);

  assert_refused ("missing.json", arg_db, arg_missing);
  assert_db_unchanged (f);
  assert_refused ("jinfeng-plan: ", arg_db, arg_folder);
  assert_db_unchanged (f);
}

/* ------------------------------------------------------------------ */
/* Bad databases                                                       */

/* @path is refused both for an import and for a listing, and is never
 * changed (nor any -wal or -journal file created). */
static void
assert_database_refused (Fixture    *f,
                         const char *path,
                         const char *message,
                         gboolean    listing_works)
{
  g_autofree char *before = rel_db_checksum (path);
  g_autofree char *arg_db = g_strconcat ("--db=", path, NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", f->good, NULL);

  assert_refused (message, arg_db, arg_import);
  {
    g_autofree char *after = rel_db_checksum (path);

    g_assert_cmpstr (after, ==, before);
  }

  if (listing_works)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (rel_run (&out, &err, arg_db, "--list", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "2023"));
    }
  else
    assert_refused (message, arg_db, "--list");

  {
    g_autofree char *after = rel_db_checksum (path);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_databases (Fixture       *f,
                gconstpointer  data)
{
  static const char * const messages[] = {
    "is not a database (it does not start with the SQLite header)",
    "is not a database",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (messages) == G_N_ELEMENTS (bad_databases));

  for (guint i = 0; i < G_N_ELEMENTS (bad_databases); i++)
    {
      g_autofree char *path = dup_corpus_path (bad_databases[i]);
      g_autofree char *copy = g_build_filename (f->dir, bad_databases[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      rel_write_file (copy, contents, (gssize) length);
      assert_database_refused (f, copy, messages[i], FALSE);
    }

  /* A database of a newer version: refused for writing, reviewed. */
  {
    g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
    rel_write_file (newer, contents, (gssize) length);
    rel_raw_exec (newer, "PRAGMA user_version = 99");
    assert_database_refused (f, newer, "was written by a newer version of this application", TRUE);
  }

  /* An SQLite database of another program. */
  {
    g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

    rel_raw_exec (other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                         "INSERT INTO notes (text) VALUES ('2023');");
    assert_database_refused (f, other, "is a database of another program", FALSE);
  }

  /* The first half of a real database. */
  {
    g_autofree char *half = g_build_filename (f->dir, "half.db", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 8192);
    rel_write_file (half, contents, (gssize) (length / 2 / 4096 * 4096));
    assert_database_refused (f, half, "damaged", FALSE);
  }

  /* A folder. */
  assert_database_refused (f, f->dir, "is a folder", FALSE);

  {
    g_autofree char *after = rel_db_checksum (f->db);

    g_assert_cmpstr (after, ==, f->before);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/jp/bad-input/corpus-listed", test_corpus_listed);
  ADD ("/jp/bad-input/import", test_import);
  ADD ("/jp/bad-input/big", test_big);
  ADD ("/jp/bad-input/missing-and-folder", test_missing_and_folder);
  ADD ("/jp/bad-input/databases", test_databases);

#undef ADD

  return g_test_run ();
}
