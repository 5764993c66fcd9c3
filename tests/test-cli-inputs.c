/* test-cli-inputs.c: what `jinfeng-plan --import` reads, through the real
 * executable: a 5 GB sparse file, /dev/zero and a FIFO are refused at
 * once with less than 50 MB of memory growth (measured with wait4()'s
 * rusage against a small refused file); numbers and texts the program
 * cannot store, a member given twice, 0x5A and \u0000 in JSON (1E2 is
 * read as 100), UTF-16 and UTF-32 files are refused with the file and the
 * JSON path or line and their real cause; the refusing messages are
 * short, lists of names included; and each refusal leaves the database
 * byte for byte as it was. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jp-reliability-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *arg_db;
  char *before;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rel_make_tmpdir ();
  f->db = rel_dup_db_with_plan (f->dir, NULL);
  f->arg_db = g_strconcat ("--db=", f->db, NULL);
  f->before = rel_db_checksum (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->arg_db);
  g_free (f->before);
}

static void
assert_db_unchanged (Fixture *f)
{
  g_autofree char *after = rel_db_checksum (f->db);

  g_assert_cmpstr (after, ==, f->before);
}

/* Runs jinfeng-plan --db=… --import=@import with its output in files, at
 * most @seconds long (SIGALRM then), with at most 2 GiB of address space
 * (unless under AddressSanitizer, which needs more): a reader that
 * allocates the whole of a 5 GB file fails instead of taking the
 * machine's memory. Returns the exit status (-1 for a signal), standard
 * error, and the child's peak RSS in kB. */
static int
run_measured (Fixture     *f,
              const char  *import,
              guint        seconds,
              char       **err,
              long        *max_rss_kb)
{
  g_autofree char *arg_import = g_strconcat ("--import=", import, NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "stdout", NULL);
  g_autofree char *err_path = g_build_filename (f->dir, "stderr", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { rel_executable (), f->arg_db, arg_import, NULL };
  gboolean limit = g_getenv ("ASAN_OPTIONS") == NULL;
  struct rusage usage;
  int status = 0;
  pid_t pid;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int out_fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      struct rlimit rl = { (rlim_t) 2 << 30, (rlim_t) 2 << 30 };

      if (out_fd < 0 || err_fd < 0 || dup2 (out_fd, 1) < 0 || dup2 (err_fd, 2) < 0)
        _exit (127);
      if (limit)
        setrlimit (RLIMIT_AS, &rl);
      alarm (seconds);
      execve (argv[0], (char **) argv, envp);
      _exit (127);
    }

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  *max_rss_kb = usage.ru_maxrss;
  g_assert_true (g_file_get_contents (err_path, err, NULL, NULL));
  g_test_message ("--import=%s → %d, %ld kB: %s", import,
                  WIFEXITED (status) ? WEXITSTATUS (status) : -WTERMSIG (status), *max_rss_kb, *err);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Refused (exit 1) with @fragment on standard error, and nothing changed. */
static void
assert_refused (Fixture    *f,
                const char *import,
                const char *fragment)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *arg_import = g_strconcat ("--import=", import, NULL);
  int status = rel_run (&out, &err, f->arg_db, arg_import, NULL);

  g_test_message ("%s → %d: %s", import, status, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", err, fragment);
  /* One short line: the message never echoes a whole cell. */
  g_assert_cmpuint (strlen (err), <, 600);
  assert_db_unchanged (f);
}

/* ---- Huge and endless inputs ----------------------------------------- */

static void
make_sparse (const char *path,
             const char *head)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, (off_t) 5 << 30), ==, 0);
  close (fd);
}

static void
test_huge_and_endless (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *small = g_build_filename (f->dir, "empty.txt", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "huge.txt", NULL);
  g_autofree char *json = g_build_filename (f->dir, "huge.json", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "huge", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.json", NULL);
  g_autofree char *err = NULL;
  const struct
  {
    const char *path;
    const char *message;
  } cases[] = {
    { txt, "huge.txt: the file is too large (5.4\u00a0GB): at most 64.0\u00a0MB can be read" },
    { json, "huge.json: the file is too large (5.4\u00a0GB): at most 536.9\u00a0MB can be read" },
    { plain, "huge: the file is too large (5.4\u00a0GB)" },
    { "/dev/zero", "/dev/zero: not a regular file (a device, FIFO or socket)" },
    { fifo, "fifo.json: not a regular file (a device, FIFO or socket)" },
  };
  long base_rss = 0;

  rel_write_file (small, "", 0);
  g_assert_cmpint (run_measured (f, small, 60, &err, &base_rss), ==, 1);
  g_clear_pointer (&err, g_free);

  make_sparse (txt, "2023年工作要点\n");
  make_sparse (json, "{\"format\": \"jinfeng-plan\", \"plans\": [");
  make_sparse (plain, "{");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      long rss = 0;
      gint64 start = g_get_monotonic_time ();
      int status = run_measured (f, cases[i].path, 30, &err, &rss);

      g_assert_cmpint (status, ==, 1);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("“%s” does not contain “%s”", err, cases[i].message);
      /* Refused before reading: no more memory than an empty file. */
      g_assert_cmpint (rss - base_rss, <, 50 * 1024);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      assert_db_unchanged (f);
      g_clear_pointer (&err, g_free);
    }
}

/* ---- JSON ---------------------------------------------------------------- */


#define IND "plans[0].sections[0].items[0].indicators[0]."

/* An exponent is JSON: 1E2 is imported as 100, as 100 would be. */
static void
assert_exponent_read (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "e.json", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *text = rel_dup_json_target ("指数", "1E2");
  g_autofree char *arg_import = g_strconcat ("--import=", path, NULL);
  g_autofree char *arg_export = g_strconcat ("--export-json=", out_path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;

  rel_write_file (path, text, -1);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_import, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, "--plan=2", arg_export, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out_path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\"target\" : 100,"));
}

static void
test_json_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autoptr(GString) long_kind = g_string_new (NULL);
  const struct
  {
    const char *title;
    const char *target;
    const char *message;
  } cases[] = {
    { "T", "0x5A", "t.json: " IND "target: “0x5A” is not a number: hexadecimal numbers are not accepted" },
    { "T", "-0x5A", "t.json: " IND "target: “-0x5A” is not a number: hexadecimal" },
    { "T", "090", "t.json: " IND "target: “090” is not a JSON number" },
    { "T", "1e309", "t.json: " IND "target: “1e309” is too large: the largest number the program stores is 1,000,000,000,000,000" },
    { "T", "9999999999999999", "t.json: " IND "target: “9999999999999999” has 16 digits: more than the 15 digits a number may have to be stored exactly" },
    { "T", "1e16", "t.json: " IND "target: “1e16” is too large" },
    { "A\\u0000B", "90", "t.json: plans[0].title: the text holds a NUL character (U+0000), which cannot be stored" },
    { NULL, "90", "t.json: plans[0].title: the text is 40000 characters long: a text may have at most 32767 characters" },
  };
  g_autofree char *path = g_build_filename (f->dir, "t.json", NULL);

  for (guint i = 0; i < 40000; i++)
    g_string_append (long_title, "划");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rel_dup_json_target (cases[i].title != NULL ? cases[i].title : long_title->str,
                                        cases[i].target);

      rel_write_file (path, text, -1);
      assert_refused (f, path, cases[i].message);
    }

  /* A member given twice: json-glib kept the last. */
  rel_write_file (path, "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"A\", "
                        "\"year\": 2023, \"year\": 2024}]}", -1);
  assert_refused (f, path, "t.json: plans[0].year: the member is given twice in the same object");

  /* A 30,000-character kind is quoted in 60. */
  for (guint i = 0; i < 30000; i++)
    g_string_append_c (long_kind, 'k');
  {
    g_autofree char *text = rel_dup_json_target ("T", "90");
    g_autoptr(GString) s = g_string_new (text);

    g_string_replace (s, "at_least", long_kind->str, 1);
    rel_write_file (path, s->str, (gssize) s->len);
    assert_refused (f, path, "kind: unknown kind “kkkkkkkkkk");
  }

  assert_exponent_read (f);
}

/* ---- Encodings and plan documents ---------------------------------------- */

static void
write_encoded (const char *path,
               const char *text,
               const char *charset,
               const char *bom,
               gsize       bom_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new_len (bom, (gssize) bom_len);
  gsize len = 0;
  g_autofree char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  g_string_append_len (s, converted, (gssize) len);
  rel_write_file (path, s->str, (gssize) s->len);
}

static void
test_encodings_and_documents (Fixture       *f,
                              gconstpointer  data)
{
  const char *doc = "2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作，覆盖率达到90%。\n\n责任单位：教育局\n";
  const struct
  {
    const char *name;
    gboolean    json;
    const char *charset;
    const char *bom;
    gsize       bom_len;
    const char *message;
  } encodings[] = {
    { "u32.txt", FALSE, "UTF-32LE", "\xFF\xFE\0\0", 4,
      "u32.txt: the file is UTF-32 text, which is not supported: save it as UTF-8" },
    { "u32be.txt", FALSE, "UTF-32BE", "", 0,
      "u32be.txt: the file is UTF-32 text, which is not supported: save it as UTF-8" },
    { "u16.txt", FALSE, "UTF-16BE", "", 0,
      "u16.txt: the file looks like UTF-16 text without a byte-order mark: save it as UTF-8" },
    { "u32.json", TRUE, "UTF-32LE", "", 0,
      "u32.json: the file is UTF-32 text, which is not supported: save it as UTF-8" },
  };
  g_autofree char *path = NULL;
  g_autoptr(GString) body = g_string_new ("2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作。");
  g_autoptr(GString) due = g_string_new ("2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作。\n\n责任单位：教育局\n\n完成时限：3天");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *arg_import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      path = g_build_filename (f->dir, encodings[i].name, NULL);
      write_encoded (path, encodings[i].json ? "{\"format\": \"jinfeng-plan\"}" : doc,
                     encodings[i].charset, encodings[i].bom, encodings[i].bom_len);
      assert_refused (f, path, encodings[i].message);
      g_clear_pointer (&path, g_free);
    }

  /* A body longer than an xlsx cell: refused at its line. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (body, "划");
  g_string_append (body, "\n\n责任单位：教育局\n");
  path = g_build_filename (f->dir, "long.txt", NULL);
  rel_write_file (path, body->str, (gssize) body->len);
  assert_refused (f, path, "long.txt:5: item 1: the text is 40000 characters long: a text may have at most 32767 characters");
  g_free (path);

  /* A 200,000-character due date: imported, with a short warning. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (due, 'x');
  g_string_append_c (due, '\n');
  path = g_build_filename (f->dir, "due.txt", NULL);
  rel_write_file (path, due->str, (gssize) due->len);
  arg_import = g_strconcat ("--import=", path, NULL);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_import, NULL), ==, 0);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "could not read the due date “3天xxxxxxxx"));
  g_assert_nonnull (strstr (err, "xxx…”"));
  g_assert_cmpuint (strlen (err), <, 600);
}

/* A report for a leader the plan lacks lists ten of its 4,000 leaders,
 * not all of them. */
static void
test_capped_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GString) doc = g_string_new ("2023年工作要点\n\n一、总体要求\n\n1. 做好各项工作。\n\n责任领导：");
  g_autofree char *path = g_build_filename (f->dir, "names.txt", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", path, NULL);
  g_autofree char *arg_export = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (doc, "%s领导%05u", i > 0 ? " " : "", i);
  g_string_append (doc, "\n\n责任单位：教育局\n");
  rel_write_file (path, doc->str, (gssize) doc->len);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_import, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (rel_run (&out, &err, f->arg_db, "--plan=2", arg_export, "--report=leader:无此人",
                            NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "No leader named “无此人” in this plan; the leaders are: 领导00000, "));
  g_assert_nonnull (strstr (err, "领导00009 and 3990 more"));
  g_assert_cmpuint (strlen (err), <, 600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/jp/cli-inputs/huge-and-endless", Fixture, NULL,
              fixture_set_up, test_huge_and_endless, fixture_tear_down);
  g_test_add ("/jp/cli-inputs/json-refusals", Fixture, NULL,
              fixture_set_up, test_json_refusals, fixture_tear_down);
  g_test_add ("/jp/cli-inputs/encodings-and-documents", Fixture, NULL,
              fixture_set_up, test_encodings_and_documents, fixture_tear_down);
  g_test_add ("/jp/cli-inputs/capped-list", Fixture, NULL,
              fixture_set_up, test_capped_list, fixture_tear_down);

  return g_test_run ();
}
