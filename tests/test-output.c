/* test-output.c: JpOutput (jp-output.h), the writer of every export, and
 * the escaping of text for the terminal. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jp-output.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-output-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, space-separated. */
static char *
dup_names (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Written, committed; replaced with its mode kept; a long name. */
static void
test_write (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *long_name = g_strnfill (255, 'n');
  g_autofree char *long_path = g_build_filename (dir, long_name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  JpOutput *output;
  GStatBuf st;

  output = jp_output_new (path, &error);
  g_assert_no_error (error);
  /* The temporary file is beside the target, with a short name. */
  g_assert_true (g_str_has_prefix (jp_output_get_temp_path (output), dir));
  g_assert_cmpuint (strlen (strrchr (jp_output_get_temp_path (output), '/')), ==, 11);
  g_assert_cmpstr (jp_output_get_path (output), ==, path);
  g_assert_true (jp_output_write (output, "one ", 4, &error));
  g_assert_true (jp_output_write (output, "two", 3, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (jp_output_commit (output, &error));
  g_assert_no_error (error);
  jp_output_free (output);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "one two");

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (jp_output_write_file (path, "three", 5, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "three");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0640);

  g_assert_true (jp_output_write_file (long_path, "x", 1, &error));
  g_assert_no_error (error);
  g_assert_true (jp_output_write_file (long_path, "y", 1, &error));
  g_assert_no_error (error);

  names = dup_names (dir);
  expected = g_strconcat (long_name, " out.txt", NULL);
  g_assert_cmpstr (names, ==, expected);
  remove_dir (dir);
}

/* Freed without a commit, or after a failed write: no file, no temporary
 * file, an existing file as it was, and every later call fails. */
static void
test_abandon (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "kept.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit = { 16, 16 };
  JpOutput *output;

  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));

  output = jp_output_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (jp_output_write (output, "half", 4, &error));
  jp_output_free (output);

  /* A write that fails (beyond the file size limit, as on a full disk):
   * kept as the error of every later call, the commit refused. */
  output = jp_output_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (jp_output_write (output, "0123456789", 10, &error));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit.rlim_max = saved.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (jp_output_write (output, "0123456789", 10, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_clear_error (&error);
  g_assert_false (jp_output_write (output, "more", 4, &error));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_clear_error (&error);
  g_assert_false (jp_output_commit (output, &error));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_clear_error (&error);
  jp_output_free (output);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
  names = dup_names (dir);
  g_assert_cmpstr (names, ==, "kept.txt");
  remove_dir (dir);
}

/* Targets refused, each with its reason, before anything is made. */
static void
test_targets (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *db = g_build_filename (dir, "plans.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "plans.db-wal", NULL);
  g_autofree char *input = g_build_filename (dir, "input.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "x.pdf", NULL);
  g_autofree char *file_as_dir = g_build_filename (input, "x.pdf", NULL);
  g_autofree char *long_name = g_strnfill (256, 'n');
  g_autofree char *too_long = g_build_filename (dir, long_name, NULL);
  g_autofree char *fine = g_build_filename (dir, "fine.pdf", NULL);
  g_autofree char *names = NULL;
  const char *inputs[] = { input, NULL };
  static const struct { guint path; int code; const char *reason; } cases[] = {
    { 0, G_FILE_ERROR_INVAL, "this is the database itself" },
    { 1, G_FILE_ERROR_INVAL, "this is the database’s -wal file" },
    { 2, G_FILE_ERROR_INVAL, "this command also reads this file" },
    { 3, G_FILE_ERROR_INVAL, "this is a named pipe (FIFO), not a regular file" },
    { 4, G_FILE_ERROR_INVAL, "this is a named pipe (FIFO), not a regular file" },
    { 5, G_FILE_ERROR_ISDIR, "this is a folder, not a regular file" },
    { 6, G_FILE_ERROR_NOENT, "the folder does not exist" },
    { 7, G_FILE_ERROR_NOTDIR, "is not a folder" },
  };
  const char *paths[] = { db, wal, input, fifo, link, dir, missing, file_as_dir };

  g_assert_true (g_file_set_contents (db, "db", -1, NULL));
  g_assert_true (g_file_set_contents (input, "{}", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("fifo", link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (jp_output_check_target (paths[cases[i].path], db, inputs, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, G_FILE_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, paths[cases[i].path]));
      g_assert_nonnull (strstr (error->message, cases[i].reason));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (jp_output_check_target (too_long, NULL, NULL, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NAMETOOLONG);
    g_clear_error (&error);
    g_assert_true (jp_output_check_target (fine, db, inputs, &error));
    g_assert_no_error (error);
    /* jp_output_new() checks the same (without a database). */
    g_assert_null (jp_output_new (fifo, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  }

  g_assert_true (jp_output_same_file (db, input) == FALSE);
  g_assert_true (jp_output_same_file (link, fifo));
  g_assert_true (jp_output_same_file (fine, fine));

  names = dup_names (dir);
  g_assert_cmpstr (names, ==, "fifo input.json link plans.db");
  remove_dir (dir);
}

static void
test_escape (void)
{
  static const struct { const char *in; gssize max; const char *out; } cases[] = {
    { NULL, -1, "" },
    { "工作要点", -1, "工作要点" },
    { "a\tb\nc\rd", -1, "a\\tb\\nc\\rd" },
    { "\033[2J\007\177", -1, "\\x1b[2J\\x07\\x7f" },
    { "C1 \xc2\x9b and bidi \xe2\x80\xae!", -1, "C1 \\u009b and bidi \\u202e!" },
    { "bad \xff\xfe utf-8 \xe5\xb7", -1, "bad \\xff\\xfe utf-8 \\xe5\\xb7" },
    { "一二三四五六", 4, "一二三四… (2 more characters)" },
    { "一二三四", 4, "一二三四" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = jp_text_escape_for_terminal (cases[i].in, cases[i].max);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jp/output/write", test_write);
  g_test_add_func ("/jp/output/abandon", test_abandon);
  g_test_add_func ("/jp/output/targets", test_targets);
  g_test_add_func ("/jp/output/escape", test_escape);

  return g_test_run ();
}
