/* test-tampered.c: databases changed by hand, given to the real executable.
 *
 * Each file is a sound database of one plan (two for some cases), then
 * changed the way someone with the sqlite3 shell or a hex editor would:
 * its schema version (negative, zero with tables, huge), its application
 * id, bytes of its SQLite header, a table dropped, renamed columns, an
 * extra column, a table no longer STRICT; rows that refer to rows that do
 * not exist, a value of another type in a STRICT table, links to another
 * plan's leader, text that is not UTF-8 or holds a NUL, a date that is
 * not one, an infinite target, an unknown indicator kind, a year out of
 * range; a damaged
 * index page. Listing, exporting and importing must exit 1 with the file
 * named and what is wrong on standard error (never a crash, a GLib
 * critical or a warning), create no export, and leave the database byte
 * for byte as it was. A file of a newer version stays readable (review)
 * and is never written. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-reliability-util.h"

typedef struct
{
  char *dir;
  char *base;    /* dir/base.db: one plan, checkpointed */
  char *good;    /* dir/good.json: a plan to import */
  char *csv;     /* dir/progress.csv: one progress row for the plan */
  char *export;  /* dir/out.json: never created */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = rel_dup_json_plan ("原计划", 2, 3, 2, 2);
  g_autofree char *other = rel_dup_json_plan ("另一个计划", 1, 2, 1, 1);
  g_autofree char *source = NULL;
  g_autofree char *arg_db = NULL;
  g_autofree char *arg_import = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = rel_make_tmpdir ();
  f->base = g_build_filename (f->dir, "base.db", NULL);
  f->good = g_build_filename (f->dir, "good.json", NULL);
  f->csv = g_build_filename (f->dir, "progress.csv", NULL);
  f->export = g_build_filename (f->dir, "out.json", NULL);
  source = g_build_filename (f->dir, "source.json", NULL);
  rel_write_file (source, json, -1);
  rel_write_file (f->good, other, -1);
  rel_write_file (f->csv, "序号,指标,日期,数值\n1,指标1-1,2023-06-30,45\n", -1);

  arg_db = g_strconcat ("--db=", f->base, NULL);
  arg_import = g_strconcat ("--import=", source, NULL);
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
  /* One self-contained file to copy (still in WAL mode, as ours are). */
  rel_raw_exec (f->base, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->good);
  g_free (f->csv);
  g_free (f->export);
}

/* A copy of the base database named @name.db, changed by @sql (run with
 * the foreign keys off, as the sqlite3 shell has them). */
static char *
make_tampered (Fixture    *f,
               const char *name,
               const char *sql)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  char *path = g_build_filename (f->dir, file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (f->base, &contents, &length, NULL));
  rel_write_file (path, contents, (gssize) length);
  if (sql != NULL)
    rel_raw_exec (path, sql);
  return path;
}

/* Overwrites @n bytes of @path at @offset. */
static void
patch_bytes (const char   *path,
             gsize         offset,
             const guint8 *bytes,
             gsize         n)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (offset + n, <=, length);
  memcpy (contents + offset, bytes, n);
  rel_write_file (path, contents, (gssize) length);
}

/* Runs the executable on @db with @args; asserts the exit status, that
 * standard error names the file (its base name) and holds @fragment
 * when refused, and never a critical, a warning or a crash. */
static char *
run_on (const char  *db,
        int          expected,
        const char  *fragment,
        const char  *arg1,
        const char  *arg2)
{
  g_autofree char *arg_db = g_strconcat ("--db=", db, NULL);
  g_autofree char *name = g_path_get_basename (db);
  const char *args[] = { arg_db, arg1, arg2, NULL };
  g_autofree char *out = NULL;
  char *err = NULL;
  int status;

  status = rel_run_argv (args, &out, &err);
  g_test_message ("%s %s: %d, %s", name, arg1, status, err);
  g_assert_cmpint (status, ==, expected);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  g_assert_null (strstr (err, "Segmentation"));
  if (expected != 0)
    {
      g_assert_nonnull (strstr (err, name));
      if (fragment != NULL)
        g_assert_nonnull (strstr (err, fragment));
    }

  return err;
}

/* An import and a progress import into @db: refused (@fragment), and
 * the file as it was. */
static void
assert_not_written (Fixture    *f,
                    const char *db,
                    const char *fragment)
{
  g_autofree char *before = rel_db_checksum (db);
  g_autofree char *arg_import = g_strconcat ("--import=", f->good, NULL);
  g_autofree char *arg_progress = g_strconcat ("--import-progress=", f->csv, NULL);
  g_autofree char *after = NULL;

  g_free (run_on (db, 1, fragment, arg_import, NULL));
  g_free (run_on (db, 1, fragment, arg_progress, "--plan=1"));
  after = rel_db_checksum (db);
  g_assert_cmpstr (after, ==, before);
}

/* --list, --export-json and --import on a file that must be refused:
 * each exits 1, names the file, says @fragment, writes nothing. */
static void
assert_refused_everywhere (Fixture    *f,
                           const char *db,
                           gboolean    list_refused,
                           const char *fragment)
{
  g_autofree char *before = rel_db_checksum (db);
  g_autofree char *arg_export = g_strconcat ("--export-json=", f->export, NULL);
  g_autofree char *after = NULL;

  g_free (run_on (db, list_refused ? 1 : 0, fragment, "--list", NULL));
  g_free (run_on (db, 1, fragment, arg_export, NULL));
  g_assert_false (g_file_test (f->export, G_FILE_TEST_EXISTS));
  g_free (run_on (db, 1, fragment, arg_export, "--plan=1"));
  g_assert_false (g_file_test (f->export, G_FILE_TEST_EXISTS));
  after = rel_db_checksum (db);
  g_assert_cmpstr (after, ==, before);

  /* Writing is refused too, before anything is written. */
  if (list_refused)
    assert_not_written (f, db, fragment);
}

/* ---- Versions, ids, the header ------------------------------------------- */

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *negative = make_tampered (f, "negative", "PRAGMA user_version = -1");
  g_autofree char *minimum = make_tampered (f, "minimum", "PRAGMA user_version = -2147483648");
  g_autofree char *zero = make_tampered (f, "zero", "PRAGMA user_version = 0");

  /* -1 gave a GLib critical here, and the window crashed. */
  assert_refused_everywhere (f, negative, TRUE, "is not a Work Plan database");
  assert_refused_everywhere (f, minimum, TRUE, "is not a Work Plan database");
  assert_refused_everywhere (f, zero, TRUE, "holds tables but no schema version");
}

/* A huge version is a newer version's file: readable for review, never
 * written. */
static void
test_version_huge (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *huge = make_tampered (f, "huge", "PRAGMA user_version = 2147483647");
  g_autofree char *before = rel_db_checksum (huge);
  g_autofree char *arg_import = g_strconcat ("--import=", f->good, NULL);
  g_autofree char *arg_export = g_strconcat ("--export-json=", f->export, NULL);
  g_autofree char *after = NULL;

  g_free (run_on (huge, 0, NULL, "--list", NULL));
  g_free (run_on (huge, 0, NULL, arg_export, NULL));
  g_free (run_on (huge, 1, "newer version", arg_import, NULL));
  after = rel_db_checksum (huge);
  g_assert_cmpstr (after, ==, before);

  /* Without our tables it is nothing this version can read. */
  {
    g_autofree char *bare = make_tampered (f, "huge-bare",
                                           "PRAGMA user_version = 2147483647; DROP TABLE items");

    g_unlink (f->export);
    g_free (run_on (bare, 1, "the table “items” is missing", "--list", NULL));
    g_free (run_on (bare, 1, "the table “items” is missing", arg_export, NULL));
    g_assert_false (g_file_test (f->export, G_FILE_TEST_EXISTS));
  }
}

static void
test_application_id (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = make_tampered (f, "other", "PRAGMA application_id = 1234");
  g_autofree char *none = make_tampered (f, "none", "PRAGMA application_id = 0");
  g_autofree char *none_newer = make_tampered (f, "none-newer",
                                               "PRAGMA application_id = 0; PRAGMA user_version = 7");

  assert_refused_everywhere (f, other, TRUE, "another program");
  assert_refused_everywhere (f, none, TRUE, "another program");
  /* Not "written by a newer version of this application". */
  assert_refused_everywhere (f, none_newer, TRUE, "another program");
}

/* Bytes of the 100-byte SQLite header. */
static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *name;
    gsize       offset;
    guint8      bytes[4];
    gsize       n;
  } patches[] = {
    { "page-size-odd", 16, { 0x03, 0x00 }, 2 },
    { "page-size-zero", 16, { 0x00, 0x00 }, 2 },
    { "read-version", 19, { 0x7f }, 1 },
    { "fractions", 21, { 0xff, 0xff, 0xff }, 3 },
    { "schema-format", 44, { 0x00, 0x00, 0x00, 0x09 }, 4 },
    { "encoding-utf16", 56, { 0x00, 0x00, 0x00, 0x02 }, 4 },
    { "encoding-garbage", 56, { 0x7f, 0xff, 0xff, 0xff }, 4 },
    { "magic", 0, { 'X', 'Q', 'L', 'i' }, 4 },
  };
  static const gsize unread_fields[] = { 32, 36, 52, 64 };

  for (guint i = 0; i < G_N_ELEMENTS (patches); i++)
    {
      g_autofree char *db = make_tampered (f, patches[i].name, NULL);

      patch_bytes (db, patches[i].offset, patches[i].bytes, patches[i].n);
      assert_refused_everywhere (f, db, TRUE, NULL);
    }

  /* The size in pages beyond the file: damaged. */
  {
    static const guint8 garbage[] = { 0xde, 0xad, 0xbe, 0xef };
    g_autofree char *db = make_tampered (f, "size", NULL);

    patch_bytes (db, 28, garbage, sizeof garbage);
    assert_refused_everywhere (f, db, TRUE, "is damaged");
  }

  /* Fields that reading does not use (the free list, the vacuum fields):
   * the file can be read, but nothing is written into it (PRAGMA
   * quick_check before the first write): the free list's first page and
   * length, the vacuum's largest root page and incremental flag. */
  for (guint i = 0; i < G_N_ELEMENTS (unread_fields); i++)
    {
      static const guint8 garbage[] = { 0xde, 0xad, 0xbe, 0xef };
      gsize offset = unread_fields[i];
      g_autofree char *name = g_strdup_printf ("field-%" G_GSIZE_FORMAT, offset);
      g_autofree char *db = make_tampered (f, name, NULL);
      g_autofree char *arg_export = g_strconcat ("--export-json=", f->export, NULL);

      patch_bytes (db, offset, garbage, sizeof garbage);
      g_free (run_on (db, 0, NULL, "--list", NULL));
      g_free (run_on (db, 0, NULL, arg_export, NULL));
      g_unlink (f->export);
      assert_not_written (f, db, "is damaged (");
    }
}

/* ---- The schema ------------------------------------------------------------ */

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *missing = make_tampered (f, "missing", "DROP TABLE progress");
  g_autofree char *renamed = make_tampered (f, "renamed",
                                            "ALTER TABLE sections RENAME COLUMN title TO caption");
  g_autofree char *dropped = make_tampered (f, "dropped", "ALTER TABLE items DROP COLUMN due");
  g_autofree char *extra = make_tampered (f, "extra", "ALTER TABLE leaders ADD COLUMN note TEXT");
  g_autofree char *retyped = make_tampered (f, "retyped",
                                            "CREATE TABLE u2 (id INTEGER PRIMARY KEY, plan INTEGER NOT NULL,"
                                            " position TEXT NOT NULL, name TEXT NOT NULL) STRICT;"
                                            "INSERT INTO u2 SELECT * FROM units; DROP TABLE units;"
                                            "ALTER TABLE u2 RENAME TO units");
  g_autofree char *loose = make_tampered (f, "loose",
                                          "CREATE TABLE p2 (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '',"
                                          " year INTEGER NOT NULL, organizations TEXT NOT NULL DEFAULT '[]',"
                                          " preamble TEXT NOT NULL DEFAULT '', start_date TEXT, end_date TEXT,"
                                          " created TEXT NOT NULL, curve TEXT, report_cycle TEXT);"
                                          "INSERT INTO p2 SELECT * FROM plans; DROP TABLE plans;"
                                          "ALTER TABLE p2 RENAME TO plans; UPDATE plans SET year = 'abc'");

  assert_refused_everywhere (f, missing, TRUE, "the table “progress” is missing");
  assert_refused_everywhere (f, renamed, TRUE, "the table “sections” has no column “title”");
  assert_refused_everywhere (f, dropped, TRUE, "the table “items” has no column “due”");
  assert_refused_everywhere (f, extra, TRUE, "the table “leaders” has columns");
  assert_refused_everywhere (f, retyped, TRUE, "“position” of the table “units”");
  assert_refused_everywhere (f, loose, TRUE, "the table “plans” is not STRICT");
}

/* ---- Rows ------------------------------------------------------------------ */

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *bad_utf8 = make_tampered (f, "bad-utf8",
                                             "UPDATE plans SET title = CAST (x'e5b7a5ff80' AS TEXT)");
  g_autofree char *orphan = make_tampered (f, "orphan",
                                           "DELETE FROM sections WHERE id = (SELECT min (id) FROM sections)");
  g_autofree char *typed = make_tampered (f, "typed",
                                          "PRAGMA writable_schema = ON; UPDATE sqlite_schema"
                                          " SET sql = replace (sql, ') STRICT', ')') WHERE name = 'plans'");
  g_autofree char *dangling = make_tampered (f, "dangling",
                                             "UPDATE item_leaders SET leader = 9999"
                                             " WHERE item = (SELECT min (item) FROM item_leaders)");

  /* Invalid UTF-8 was listed and exported as it was (a JSON file the
   * application could not read back): refused, with the place. */
  assert_refused_everywhere (f, bad_utf8, TRUE,
                             "in the table “plans”, row 1, the column “title” is not valid UTF-8");
  /* The items of a missing section were left out of every export. */
  assert_refused_everywhere (f, orphan, TRUE,
                             "in the table “items”, row 1 refers to a row of the table “sections” "
                             "that does not exist (and 2 more such rows)");
  assert_refused_everywhere (f, dangling, TRUE,
                             "a row of the table “item_leaders” refers to a row of the table “leaders”");

  /* A STRICT table holding a value of another type: its schema made
   * loose by hand, the value written, the schema made STRICT again. The
   * year read as 0. Writing is refused by PRAGMA quick_check. */
  rel_raw_exec (typed, "UPDATE plans SET year = 'abc'");
  rel_raw_exec (typed, "PRAGMA writable_schema = ON;"
                       "UPDATE sqlite_schema SET sql = sql || ' STRICT' WHERE name = 'plans'");
  assert_refused_everywhere (f, typed, TRUE, "is damaged");
  g_free (run_on (typed, 1, "in the table “plans”, row 1, the column “year” holds a value that is "
                            "not INTEGER", "--list", NULL));
}

/* Damage that only loading the plan finds: --list works, every export of
 * the plan is refused with the place. */
static void
test_plan_rows (Fixture       *f,
                gconstpointer  data)
{
  /* Plan -1: plan 1 stays the latest, the one exported by default. */
  g_autofree char *foreign = make_tampered (f, "foreign",
                                            "INSERT INTO plans (id, title, year, created)"
                                            " VALUES (-1, '别的', 2024, '2024-01-01T00:00:00Z');"
                                            "INSERT INTO leaders VALUES (100, -1, 0, '别人');"
                                            "UPDATE item_leaders SET leader = 100"
                                            " WHERE item = (SELECT min (item) FROM item_leaders)");
  g_autofree char *kind = make_tampered (f, "kind",
                                         "PRAGMA ignore_check_constraints = 1;"
                                         "UPDATE indicators SET kind = 'zzz' WHERE id = 2");
  g_autofree char *year = make_tampered (f, "year", "UPDATE plans SET year = 123456");
  g_autofree char *nul = make_tampered (f, "nul",
                                        "UPDATE items SET title = CAST (x'41004142' AS TEXT) WHERE id = 3");
  g_autofree char *infinite = make_tampered (f, "infinite",
                                             "UPDATE indicators SET target = 1e308 * 10 WHERE id = 3");
  g_autofree char *start = make_tampered (f, "start", "UPDATE plans SET start_date = 'xx'");
  g_autofree char *due = make_tampered (f, "due", "UPDATE items SET due = '2023-02-30' WHERE id = 2");
  g_autofree char *entry_date = make_tampered (f, "entry-date",
                                               "UPDATE progress SET date = '2023-6-1' WHERE id = 4");
  g_autofree char *bad_note = make_tampered (f, "bad-note",
                                             "UPDATE progress SET note = CAST (x'c0af' AS TEXT) WHERE id = 5");

  assert_refused_everywhere (f, foreign, FALSE,
                             "in the table “item_leaders”, item 1 refers to the row 100 of the "
                             "table “leaders”, which is not of the item’s plan");
  assert_refused_everywhere (f, kind, FALSE,
                             "in the table “indicators”, row 2, the kind “zzz” is not one");
  assert_refused_everywhere (f, year, FALSE, "the year 123456 is not a year");
  assert_refused_everywhere (f, nul, FALSE,
                             "in the table “items”, row 3, the column “title” holds a NUL character");
  assert_refused_everywhere (f, infinite, FALSE, "in the table “indicators”, row 3, the column "
                                                 "“target” holds a number that is not finite");
  /* Dates that are not dates were exported as they were (JSON that the
   * application could not read back). */
  assert_refused_everywhere (f, start, FALSE,
                             "in the table “plans”, row 1, the column “start_date” holds “xx”, "
                             "which is not a date (YYYY-MM-DD)");
  assert_refused_everywhere (f, due, FALSE, "in the table “items”, row 2, the column “due” holds "
                                            "“2023-02-30”");
  assert_refused_everywhere (f, entry_date, FALSE, "in the table “progress”, row 4, the column "
                                                   "“date” holds “2023-6-1”");
  assert_refused_everywhere (f, bad_note, FALSE,
                             "in the table “progress”, row 5, the column “note” is not valid UTF-8");
}

/* ---- A damaged index --------------------------------------------------------- */

/* The first cell pointer of an index's root page points beyond the page:
 * reads that do not use the index go on, and an import went on too,
 * writing into a damaged file (and pushing a good backup out for a copy
 * of the damaged one). PRAGMA quick_check first refuses it. */
static void
test_damaged_index (Fixture       *f,
                    gconstpointer  data)
{
  static const guint8 beyond[] = { 0xff, 0xff };
  g_autofree char *db = make_tampered (f, "index", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);
  gint64 root = rel_raw_query_int (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'history_plan'");
  gint64 page_size = rel_raw_query_int (db, "PRAGMA page_size");

  g_assert_cmpint (root, >, 1);
  patch_bytes (db, (gsize) ((root - 1) * page_size + 8), beyond, sizeof beyond);

  assert_not_written (f, db, "is damaged (On tree page");
  assert_not_written (f, db, "nothing was written. Restore a backup");
  /* No copy of the damaged file among the backups. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/tampered/version", test_version);
  ADD ("/jp/tampered/version-huge", test_version_huge);
  ADD ("/jp/tampered/application-id", test_application_id);
  ADD ("/jp/tampered/header", test_header);
  ADD ("/jp/tampered/schema", test_schema);
  ADD ("/jp/tampered/rows", test_rows);
  ADD ("/jp/tampered/plan-rows", test_plan_rows);
  ADD ("/jp/tampered/damaged-index", test_damaged_index);

#undef ADD

  return g_test_run ();
}
