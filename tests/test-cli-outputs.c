/* test-cli-outputs.c: the files the command line writes, through the real
 * executable. An export never replaces the database (nor its -wal, -shm,
 * -journal), a file the same command reads, nor anything but a regular
 * file or a new name (a named pipe, a device, a folder, a socket, a link
 * to one); a refused or failed command exits 1 and changes nothing (the
 * database byte for byte, no plan imported, no file nor temporary file
 * left); a full disk (a small tmpfs, or RLIMIT_FSIZE) fails every writer;
 * a 250-byte file name works; --db naming anything but a regular file is
 * refused at once; terminal output escapes control characters. */

#define _GNU_SOURCE /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "jp-reliability-util.h"

/* The four writers, as options. */
static const char * const writers[] = { "json", "pdf", "csv", "xlsx" };

typedef struct
{
  char *dir;
  char *db;        /* dir/plans.db, holding one plan */
  char *seed;      /* dir/seed.json: a second plan to import */
  char *before;    /* rel_db_checksum (db) */
  char *mnt;       /* a tmpfs mounted by the test, or NULL */
} Fixture;

/* In the child: a limit on the size of the files it writes (RLIMIT_FSIZE,
 * with SIGXFSZ ignored so that write() fails with EFBIG, as on a full
 * disk), and an alarm: a command that hangs is killed, and fails. */
static void
child_setup (gpointer data)
{
  rlim_t limit = GPOINTER_TO_SIZE (data);

  if (limit > 0)
    {
      struct rlimit rl = { limit, limit };

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &rl);
    }
  alarm (60);
}

/* Runs the executable with @args (NULL-terminated) and a file size limit
 * (0: none); returns the exit status, -1 when killed. */
static int
run_limited (gsize               limit,
             char              **out,
             char              **err,
             const char * const *args)
{
  return rel_run_argv_full (args, NULL, child_setup, GSIZE_TO_POINTER (limit), out, err);
}

static char *
arg (const char *option,
     const char *value)
{
  return g_strconcat ("--", option, "=", value, NULL);
}

static char *
export_arg (const char *writer,
            const char *path)
{
  g_autofree char *option = g_strconcat ("export-", writer, NULL);

  return arg (option, path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *arg_db = NULL;
  g_autofree char *arg_import = NULL;
  g_autofree char *first = g_build_filename (f->dir = rel_make_tmpdir (), "first.json", NULL);
  /* @data: items per section (a bigger plan for the size limits). */
  guint n_items = data != NULL ? GPOINTER_TO_UINT (data) : 2;
  g_autofree char *json = rel_dup_json_plan ("第一计划", 3, n_items, 2, 2);
  g_autofree char *seed = rel_dup_json_plan ("第二计划", 1, 2, 2, 1);

  f->db = g_build_filename (f->dir, "plans.db", NULL);
  f->seed = g_build_filename (f->dir, "seed.json", NULL);
  rel_write_file (first, json, -1);
  rel_write_file (f->seed, seed, -1);

  arg_db = arg ("db", f->db);
  arg_import = arg ("import", first);
  g_assert_cmpint (rel_run (&out, &err, arg_db, arg_import, NULL), ==, 0);
  g_assert_cmpint (g_unlink (first), ==, 0);
  f->before = rel_db_checksum (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->mnt != NULL)
    umount2 (f->mnt, MNT_DETACH);
  rel_remove_tree (f->dir);
  g_free (f->mnt);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->seed);
  g_free (f->before);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one a line (temporary files included). */
static char *
dup_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    /* The -shm of a read-only connection comes and goes: no content. */
    if (!g_str_has_suffix (name, ".db-shm") && !g_str_has_suffix (name, ".db-wal"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (names, i));

  return g_string_free (s, FALSE);
}

/* The number of plans (--list, read-only). */
static guint
count_plans (Fixture *f)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *out = NULL;
  guint n = 0;

  g_assert_cmpint (rel_run (&out, NULL, arg_db, "--list", NULL), ==, 0);
  for (const char *p = out; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Runs @args, which must be refused: exit status 1, "jinfeng-plan: " and
 * @fragment on standard error, the database byte for byte as it was, one
 * plan in it, and the folder as it was (no file, no temporary file). */
static void
assert_refused (Fixture            *f,
                const char         *fragment,
                const char * const *args)
{
  g_autofree char *listing = dup_listing (f->dir);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) args);

  g_test_message ("$ jinfeng-plan %s", command);
  g_assert_cmpint (run_limited (0, NULL, &err, args), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: "));
  g_assert_nonnull (strstr (err, fragment));

  after = rel_db_checksum (f->db);
  g_assert_cmpstr (after, ==, f->before);
  again = dup_listing (f->dir);
  g_assert_cmpstr (again, ==, listing);
  g_assert_cmpuint (count_plans (f), ==, 1);
}

/* An export (each writer, alone and with an import) to @target is refused
 * with @fragment; @target keeps its checksum (or its kind). */
static void
assert_target_refused (Fixture    *f,
                       const char *target,
                       const char *fragment)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *arg_import = arg ("import", f->seed);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *arg_export = export_arg (writers[i], target);
      GStatBuf st_before, st_after;
      gboolean existed = g_lstat (target, &st_before) == 0;
      g_autofree char *sum = existed && S_ISREG (st_before.st_mode) ?
                             rel_file_checksum (target) : NULL;

      assert_refused (f, fragment, (const char *[]) { arg_db, arg_export, NULL });
      assert_refused (f, fragment, (const char *[]) { arg_db, arg_import, arg_export, NULL });

      g_assert_cmpint (g_lstat (target, &st_after) == 0, ==, existed);
      if (existed)
        {
          g_autofree char *sum_after = S_ISREG (st_after.st_mode) ?
                                       rel_file_checksum (target) : NULL;

          g_assert_cmpuint (st_after.st_mode & S_IFMT, ==, st_before.st_mode & S_IFMT);
          g_assert_cmpuint (st_after.st_ino, ==, st_before.st_ino);
          g_assert_cmpstr (sum_after, ==, sum);
        }
    }
}

/* Class 1: the database, its side files, by any name. */
static void
test_target_database (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *symlinked = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *hard = g_build_filename (f->dir, "hard.db", NULL);
  g_autofree char *dotted = g_build_filename (f->dir, ".", "plans.db", NULL);
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *around = g_build_filename (sub, "..", "plans.db", NULL);

  assert_target_refused (f, f->db, "this is the database itself");
  assert_target_refused (f, dotted, "this is the database itself");

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  assert_target_refused (f, around, "this is the database itself");
  g_assert_cmpint (g_rmdir (sub), ==, 0);

  g_assert_cmpint (symlink (f->db, symlinked), ==, 0);
  assert_target_refused (f, symlinked, "this is the database itself");
  g_assert_cmpint (g_unlink (symlinked), ==, 0);

  g_assert_cmpint (link (f->db, hard) == 0 || errno == EPERM, ==, TRUE);
  if (g_file_test (hard, G_FILE_TEST_EXISTS))
    {
      assert_target_refused (f, hard, "this is the database itself");
      g_assert_cmpint (g_unlink (hard), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (f->db, suffixes[i], NULL);
      g_autofree char *fragment = g_strdup_printf ("this is the database’s %s file",
                                                   suffixes[i]);

      /* Whether it exists or not. */
      if (g_str_equal (suffixes[i], "-journal"))
        {
          assert_target_refused (f, side, fragment);
          rel_write_file (side, "", 0);
          g_free (f->before);
          f->before = rel_db_checksum (f->db);
        }
      assert_target_refused (f, side, fragment);
      if (g_str_equal (suffixes[i], "-journal"))
        {
          g_assert_cmpint (g_unlink (side), ==, 0);
          g_free (f->before);
          f->before = rel_db_checksum (f->db);
        }
    }
}

/* Class 1: a file the same command reads. */
static void
test_target_input (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *arg_import = arg ("import", f->seed);
  g_autofree char *table = g_build_filename (f->dir, "table.csv", NULL);
  g_autofree char *arg_table = arg ("export-csv", table);
  g_autofree char *arg_progress = arg ("import-progress", table);
  g_autofree char *seed_sum = rel_file_checksum (f->seed);
  g_autofree char *table_sum = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *arg_export = export_arg (writers[i], f->seed);

      assert_refused (f, "this command also reads this file",
                      (const char *[]) { arg_db, arg_import, arg_export, NULL });
      after = rel_file_checksum (f->seed);
      g_assert_cmpstr (after, ==, seed_sum);
      g_clear_pointer (&after, g_free);
    }

  /* The indicator table, read back as progress and written again. */
  g_assert_cmpint (rel_run (NULL, NULL, arg_db, arg_table, NULL), ==, 0);
  g_free (f->before);
  f->before = rel_db_checksum (f->db);
  table_sum = rel_file_checksum (table);
  assert_refused (f, "this command also reads this file",
                  (const char *[]) { arg_db, arg_progress, arg_table, NULL });
  after = rel_file_checksum (table);
  g_assert_cmpstr (after, ==, table_sum);
}

/* Class 1: what is not a regular file, nor a new name. */
static void
test_target_special (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *sock = g_build_filename (f->dir, "sock", NULL);
  g_autofree char *device = g_build_filename (f->dir, "null", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link-to-fifo", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_target_refused (f, fifo, "this is a named pipe (FIFO), not a regular file");

  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_target_refused (f, link, "this is a named pipe (FIFO), not a regular file");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_target_refused (f, folder, "this is a folder, not a regular file");

  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  assert_target_refused (f, sock, "this is a socket, not a regular file");
  close (fd);

  /* A device: a copy of /dev/null of the test's own (root only). */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    assert_target_refused (f, device, "this is a device, not a regular file");
  else
    g_test_message ("mknod: %s: the device case is left out", g_strerror (errno));
}

/* Class 5: an import with an export that cannot be written imports
 * nothing, and writes no other export either. */
static void
test_import_with_bad_export (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *arg_import = arg ("import", f->seed);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *arg_missing = arg ("export-pdf", missing);
  g_autofree char *good = g_build_filename (f->dir, "good.json", NULL);
  g_autofree char *arg_good = arg ("export-json", good);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  g_autofree char *arg_fifo = arg ("export-xlsx", fifo);
  g_autofree char *long_name = g_strnfill (256, 'x');
  g_autofree char *too_long = g_build_filename (f->dir, long_name, NULL);
  g_autofree char *arg_too_long = arg ("export-csv", too_long);
  g_autofree char *out = NULL;

  assert_refused (f, "the folder does not exist",
                  (const char *[]) { arg_db, arg_import, arg_missing, NULL });
  assert_refused (f, "the folder does not exist",
                  (const char *[]) { arg_db, arg_import, arg_good, arg_missing, NULL });

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (f, "named pipe",
                  (const char *[]) { arg_db, arg_import, arg_good, arg_fifo, NULL });

  assert_refused (f, "",
                  (const char *[]) { arg_db, arg_import, arg_good, arg_too_long, NULL });

  /* Two exports to one file. */
  {
    g_autofree char *same_csv = arg ("export-csv", good);

    assert_refused (f, "--export-json and --export-csv name the same file",
                    (const char *[]) { arg_db, arg_import, arg_good, same_csv, NULL });
  }

  /* The retry that works imports once. */
  g_assert_cmpint (rel_run (&out, NULL, arg_db, arg_import, arg_good, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "imported plan 2: 1 section, 2 items, 4 indicators, 4 leaders, 4 units\n");
  g_assert_cmpuint (count_plans (f), ==, 2);
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
}

/* The target of each writer in @dir: dir/out.WRITER */
static char *
dup_out_path (const char *dir,
              const char *writer)
{
  g_autofree char *name = g_strconcat ("out.", writer, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Mounts a 1 MiB tmpfs at dir/full (once) and fills it but for about
 * @free_bytes, after writing "previous" to @previous (when not NULL);
 * FALSE (the test skipped) when it cannot be mounted. */
static gboolean
mount_full_disk (Fixture    *f,
                 gsize       free_bytes,
                 const char *previous)
{
  g_autofree char *filler = NULL;
  g_autofree char *chunk = g_malloc0 (4096);
  gsize size = 0;
  gssize n;
  int fd;

  if (f->mnt == NULL)
    {
      f->mnt = g_build_filename (f->dir, "full", NULL);
      g_assert_cmpint (g_mkdir (f->mnt, 0700), ==, 0);
      /* In a mount namespace of the test's own (the executable it runs
       * inherits it): the tmpfs goes with the test, even one that fails
       * half-way. */
      if (unshare (CLONE_NEWNS) != 0 ||
          mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
          mount ("tmpfs", f->mnt, "tmpfs", 0, "size=1m") != 0)
        {
          g_autofree char *reason = g_strdup_printf ("cannot mount a tmpfs: %s",
                                                     g_strerror (errno));

          g_rmdir (f->mnt);
          g_clear_pointer (&f->mnt, g_free);
          g_test_skip (reason);
          return FALSE;
        }
    }

  filler = g_build_filename (f->mnt, "filler", NULL);
  g_unlink (filler);
  if (previous != NULL)
    rel_write_file (previous, "previous", -1);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while ((n = write (fd, chunk, 4096)) > 0)
    size += (gsize) n;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (ftruncate (fd, size > free_bytes ? size - free_bytes : 0), ==, 0);
  close (fd);

  return TRUE;
}

/* The size of each writer's export of the fixture's plan. */
static gsize
export_size (Fixture    *f,
             const char *writer)
{
  g_autofree char *path = dup_out_path (f->dir, writer);
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *arg_export = export_arg (writer, path);
  GStatBuf st;

  g_assert_cmpint (rel_run (NULL, NULL, arg_db, arg_export, NULL), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);

  return (gsize) st.st_size;
}

/* A writer that cannot write it all, under a file size @limit (0: none):
 * exit 1, no temporary file in @dir, dir/out.WRITER as it was ("previous",
 * or missing), the database as it was. With an import (only without a
 * limit, which the import would hit): nothing imported either. */
static void
assert_write_fails (Fixture    *f,
                    const char *dir,
                    const char *writer,
                    gsize       limit)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *path = dup_out_path (dir, writer);
  g_autofree char *arg_export = export_arg (writer, path);
  g_autofree char *arg_import = arg ("import", f->seed);
  g_autofree char *listing = dup_listing (dir);
  g_autofree char *previous = NULL;
  g_autofree char *again = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &previous, NULL, NULL))
    previous = NULL;
  g_test_message ("%s into %s (limit %" G_GSIZE_FORMAT ", %s)", writer, dir, limit,
                  previous != NULL ? "replacing a file" : "new");

  g_assert_cmpint (run_limited (limit, NULL, &err,
                                (const char *[]) { arg_db, arg_export, NULL }), ==, 1);
  g_test_message ("%s", err);
  /* (libxlsxwriter prints a line of its own before.) */
  g_assert_true (g_str_has_prefix (err, "jinfeng-plan: --export-") ||
                 strstr (err, "\njinfeng-plan: --export-") != NULL);
  if (limit == 0)
    {
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_limited (0, NULL, &err,
                                    (const char *[]) { arg_db, arg_import, arg_export, NULL }),
                       ==, 1);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, "(nothing was imported: the database is as it was)"));
      g_assert_cmpuint (count_plans (f), ==, 1);
    }
  after = rel_db_checksum (f->db);
  g_assert_cmpstr (after, ==, f->before);

  again = dup_listing (dir);
  g_assert_cmpstr (again, ==, listing);
  if (previous == NULL)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  else
    {
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, previous);
    }
}

/* Class 4: a full disk, on a small tmpfs (root), for every writer: new
 * files with no room at all, then with room for half; a file replaced. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      gsize size = export_size (f, writers[i]);
      g_autofree char *path = NULL;

      if (!mount_full_disk (f, 0, NULL))
        return;
      assert_write_fails (f, f->mnt, writers[i], 0);
      mount_full_disk (f, size / 2, NULL);
      assert_write_fails (f, f->mnt, writers[i], 0);
      path = dup_out_path (f->mnt, writers[i]);
      mount_full_disk (f, size / 2, path);
      assert_write_fails (f, f->mnt, writers[i], 0);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Class 4 without root: the size limit of the process (RLIMIT_FSIZE) cuts
 * every write beyond it (EFBIG), as a full disk would. The plan is big
 * enough for each export to pass 80 KiB (the limit stays above the
 * database's -shm, which a read-only opening may write). */
static void
test_file_size_limit (Fixture       *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      gsize size = export_size (f, writers[i]);
      g_autofree char *path = dup_out_path (f->dir, writers[i]);

      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", writers[i], size);
      g_assert_cmpuint (size, >, 80 * 1024);
      assert_write_fails (f, f->dir, writers[i], 64 * 1024);
      rel_write_file (path, "previous", -1);
      assert_write_fails (f, f->dir, writers[i], 64 * 1024);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* Class 14: names up to the file system's limit (255 bytes). */
static void
test_long_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *arg_db = arg ("db", f->db);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    for (guint length = 250; length <= 255; length += 5)
      {
        g_autofree char *stem = g_strnfill (length - strlen (writers[i]) - 1, 'n');
        g_autofree char *name = g_strconcat (stem, ".", writers[i], NULL);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *arg_export = export_arg (writers[i], path);
        g_autofree char *err = NULL;
        g_autofree char *listing = NULL;
        GStatBuf st;

        g_assert_cmpuint (strlen (name), ==, length);
        /* New, then replaced. */
        for (guint round = 0; round < 2; round++)
          {
            g_clear_pointer (&err, g_free);
            g_assert_cmpint (rel_run (NULL, &err, arg_db, arg_export, NULL), ==, 0);
            g_assert_cmpstr (err, ==, "");
            g_assert_cmpint (g_stat (path, &st), ==, 0);
            g_assert_cmpint (st.st_size, >, 100);
          }
        g_assert_cmpint (g_unlink (path), ==, 0);
        listing = dup_listing (f->dir);
        g_assert_cmpstr (listing, ==, "plans.db\nseed.json\n");
      }
}

/* Class 8: --db naming what is not a regular file is refused at once,
 * with nothing made beside it. */
static void
test_db_not_regular (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.db", NULL);
  g_autofree char *device = g_build_filename (f->dir, "null.db", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *arg_import = arg ("import", f->seed);
  const char *paths[] = { fifo, folder, link, NULL, NULL };
  const char *kinds[] = { "named pipe", "folder", "named pipe", "device", NULL };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    paths[3] = device;
  else
    g_test_message ("mknod: %s: the device case is left out", g_strerror (errno));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *arg_db = arg ("db", paths[i]);
      g_autofree char *listing = dup_listing (f->dir);
      g_autofree char *again = NULL;
      g_autofree char *err = NULL;
      gint64 start = g_get_monotonic_time ();

      /* Reading, then writing (an import). */
      g_assert_cmpint (run_limited (0, NULL, &err, (const char *[]) { arg_db, "--list", NULL }),
                       ==, 1);
      g_assert_nonnull (strstr (err, kinds[i]));
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_limited (0, NULL, &err, (const char *[]) { arg_db, arg_import, NULL }),
                       ==, 1);
      g_assert_nonnull (strstr (err, kinds[i]));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

      again = dup_listing (f->dir);
      g_assert_cmpstr (again, ==, listing);
    }
}

/* Class 13: control characters of a title, a name, a file name are
 * escaped on the terminal. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);
  g_autofree char *arg_pdf = arg ("export-pdf", pdf);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "a\033]0;title\007.json", NULL);
  g_autofree char *arg_missing = arg ("import", missing);
  g_autofree char *table = g_build_filename (f->dir, "progress.csv", NULL);
  g_autofree char *arg_progress = arg ("import-progress", table);

  /* A tampered title (the importers may refuse such text). */
  rel_raw_exec (f->db, "UPDATE plans SET title = 'A' || char (27) || '[2J' || char (7) || 'B' || "
                       "char (9) || 'C' || char (10) || 'D' || char (155) || 'E' || "
                       "char (8238) || 'F' || char (127)");

  g_assert_cmpint (rel_run (&out, NULL, arg_db, "--list", NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\tA\\x1b[2J\\x07B\\tC\\nD\\u009bE\\u202eF\\x7f\t"));
  for (const char *p = out; *p != '\0'; p++)
    g_assert_true (*p == '\t' || *p == '\n' || (guchar) *p >= 0x20);
  g_assert_null (strstr (out, "\xc2\x9b"));
  g_assert_null (strstr (out, "\xe2\x80\xae"));

  /* In messages: a name that is not found, a file name. */
  g_assert_cmpint (rel_run (NULL, &err, arg_db, "--report=leader:\033[31m王五\007", arg_pdf, NULL),
                   ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "\\x1b[31m王五\\x07"));
  g_assert_null (strchr (err, '\033'));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (rel_run (NULL, &err, arg_db, arg_missing, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "a\\x1b]0;title\\x07.json"));
  g_assert_null (strchr (err, '\033'));
  g_assert_null (strchr (err, '\007'));
  /* One line. */
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_clear_pointer (&err, g_free);

  /* A progress table's cell, quoted in a row's error. */
  rel_write_file (table, "序号,指标,日期,数值\n1,\033[2J坏\007,2023-06-30,45\n", -1);
  g_assert_cmpint (rel_run (NULL, &err, arg_db, arg_progress, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "\\x1b[2J坏\\x07"));
  g_assert_null (strchr (err, '\033'));
  g_assert_null (strchr (err, '\007'));
}

/* A link to a regular file: the file is replaced, the link kept. */
static void
test_link_to_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *arg_db = arg ("db", f->db);
  g_autofree char *target = g_build_filename (f->dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.csv", NULL);
  g_autofree char *arg_export = arg ("export-csv", link);
  g_autofree char *contents = NULL;

  rel_write_file (target, "previous", -1);
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);
  g_assert_cmpint (rel_run (NULL, NULL, arg_db, arg_export, NULL), ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/cli-outputs/target-database", NULL, test_target_database);
  ADD ("/jp/cli-outputs/target-input", NULL, test_target_input);
  ADD ("/jp/cli-outputs/target-special", NULL, test_target_special);
  ADD ("/jp/cli-outputs/import-with-bad-export", NULL, test_import_with_bad_export);
  ADD ("/jp/cli-outputs/full-disk", NULL, test_full_disk);
  ADD ("/jp/cli-outputs/file-size-limit", GUINT_TO_POINTER (200), test_file_size_limit);
  ADD ("/jp/cli-outputs/long-names", NULL, test_long_names);
  ADD ("/jp/cli-outputs/db-not-regular", NULL, test_db_not_regular);
  ADD ("/jp/cli-outputs/escape", NULL, test_escape);
  ADD ("/jp/cli-outputs/link-to-file", NULL, test_link_to_file);

  return g_test_run ();
}
