/* jp-store-backup.c: copies of the database, and restoring one
 *
 * Copies are made with SQLite's online backup API from the store's own
 * connection, so they are consistent even while another program writes.
 * A copy is written as NAME.part, switched to a plain rollback journal
 * (a backup is one self-contained file, readable from a read-only
 * folder), synced, and only then renamed to its final name.
 */

#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "jp-store-backup.h"
#include "jp-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* How long a restore waits for other connections to let go (ms). */
#define RESTORE_BUSY_TIMEOUT 3000

G_LOCK_DEFINE_STATIC (policy);
static char *policy_folder;
static guint policy_keep = JP_STORE_BACKUPS_DEFAULT_KEEP;

void
jp_backup_info_free (JpBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->reason);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
jp_backup_info_format_time (const JpBackupInfo *info,
                            const char         *format)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (info != NULL && info->time != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  local = g_date_time_to_local (info->time);
  text = g_date_time_format (local, format);
  if (text == NULL)
    text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  if (info->counter == 0)
    return g_steal_pointer (&text);

  return g_strdup_printf ("%s (%u)", text, info->counter);
}

/* ---- Names -------------------------------------------------------------- */

/* "/home/a/plans.db" → "plans-1a2b3c4d": the file name without its
 * extension, and 8 hex digits of a hash of the whole path, so that two
 * databases of the same name in different folders never share backups. */
static char *
dup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *canonical = g_canonicalize_filename (db_path, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strdup_printf ("%s-%.8s", base, hash);
}

static gboolean
is_reason (const char *reason)
{
  if (reason == NULL || reason[0] == '\0' || strlen (reason) > 32)
    return FALSE;

  for (const char *p = reason; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* "YYYYMMDD-HHMMSS-mmm-REASON.db" (the part after "STEM-"). */
static gboolean
parse_backup_name (const char  *rest,
                   GDateTime  **out_time,
                   char       **out_reason)
{
  g_autofree char *reason = NULL;
  int year, month, day, hour, minute, second, msec;
  gsize len = strlen (rest);
  GDateTime *time;

  if (len < 24 || !g_str_has_suffix (rest, ".db"))
    return FALSE;

  if (!parse_digits (rest, 4, &year) || !parse_digits (rest + 4, 2, &month) ||
      !parse_digits (rest + 6, 2, &day) || rest[8] != '-' ||
      !parse_digits (rest + 9, 2, &hour) || !parse_digits (rest + 11, 2, &minute) ||
      !parse_digits (rest + 13, 2, &second) || rest[15] != '-' ||
      !parse_digits (rest + 16, 3, &msec) || rest[19] != '-')
    return FALSE;

  reason = g_strndup (rest + 20, len - 20 - 3);
  if (!is_reason (reason))
    return FALSE;

  time = g_date_time_new_utc (year, month, day, hour, minute, second + msec / 1000.0);
  if (time == NULL)
    return FALSE;

  *out_time = time;
  *out_reason = g_steal_pointer (&reason);
  return TRUE;
}

/* Numbers the backups of each second that has more than one, oldest 1:
 * names carry milliseconds, but what people read shows seconds. */
static void
number_same_second (GPtrArray *backups)
{
  guint start = 0;

  while (start < backups->len)
    {
      const JpBackupInfo *first = g_ptr_array_index (backups, start);
      gint64 second = g_date_time_to_unix (first->time);
      guint end = start + 1;

      while (end < backups->len &&
             g_date_time_to_unix (((JpBackupInfo *) g_ptr_array_index (backups, end))->time) == second)
        end++;

      /* Newest first: the oldest of the run is its last. */
      for (guint i = start; end - start > 1 && i < end; i++)
        ((JpBackupInfo *) g_ptr_array_index (backups, i))->counter = end - i;

      start = end;
    }
}

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const JpBackupInfo *x = *(const JpBackupInfo * const *) a;
  const JpBackupInfo *y = *(const JpBackupInfo * const *) b;
  int cmp = g_date_time_compare (y->time, x->time);

  if (cmp != 0)
    return cmp;

  return g_strcmp0 (y->path, x->path);
}

/* ---- Policy ------------------------------------------------------------- */

char *
jp_store_dup_default_backup_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "backups", NULL);
}

void
jp_store_set_backup_policy (const char *folder,
                            guint       keep)
{
  G_LOCK (policy);
  g_free (policy_folder);
  policy_folder = g_strdup (folder);
  policy_keep = keep;
  G_UNLOCK (policy);
}

guint
jp_store_get_backups_to_keep (void)
{
  guint keep;

  G_LOCK (policy);
  keep = policy_keep;
  G_UNLOCK (policy);

  return keep;
}

char *
jp_store_dup_backup_folder (void)
{
  char *folder;

  G_LOCK (policy);
  folder = g_strdup (policy_folder);
  G_UNLOCK (policy);

  if (folder == NULL)
    folder = jp_store_dup_default_backup_folder ();

  return folder;
}

/* ---- Listing ------------------------------------------------------------ */

GPtrArray *
jp_store_list_backups_for_path (const char  *db_path,
                                const char  *folder,
                                GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (folder == NULL)
    folder = default_folder = jp_store_dup_backup_folder ();

  backups = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_backup_info_free);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   /* Translators: %s is the system's message */
                   _("Cannot read the backups folder: %s"), local_error->message);
      return NULL;
    }

  stem = dup_stem (db_path);
  prefix = g_strconcat (stem, "-", NULL);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *reason = NULL;
      g_autofree char *path = NULL;
      GDateTime *time = NULL;
      JpBackupInfo *info;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) ||
          !parse_backup_name (name + strlen (prefix), &time, &reason))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_date_time_unref (time);
          continue;
        }

      info = g_new0 (JpBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->reason = g_steal_pointer (&reason);
      info->time = time;
      info->size = st.st_size;
      g_ptr_array_add (backups, info);
    }

  g_ptr_array_sort (backups, compare_backups_newest_first);
  number_same_second (backups);

  return g_steal_pointer (&backups);
}

GPtrArray *
jp_store_list_backups (JpStore     *self,
                       const char  *folder,
                       GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return jp_store_list_backups_for_path (jp_store_get_path (self), folder, error);
}

/* ---- Making a backup ---------------------------------------------------- */

static gboolean
is_memory (JpStore *self)
{
  return g_strcmp0 (jp_store_get_path (self), ":memory:") == 0;
}

static void
set_sqlite_error (GError     **error,
                  int          rc,
                  const char  *what,
                  const char  *detail)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = JP_STORE_ERROR_FULL;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = JP_STORE_ERROR_BUSY;
      break;

    case SQLITE_NOTADB:
      code = JP_STORE_ERROR_NOT_A_DATABASE;
      break;

    case SQLITE_CORRUPT:
      code = JP_STORE_ERROR_CORRUPT;
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = JP_STORE_ERROR_OPEN;
      break;

    default:
      code = JP_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, JP_STORE_ERROR, code, "%s: %s", what,
               detail != NULL ? detail : sqlite3_errstr (rc));
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Copies the main database of @src into a new file at @path (which must
 * not exist), as a self-contained rollback-journal database. */
static gboolean
copy_database (sqlite3     *src,
               const char  *path,
               const char  *what,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, what, dest != NULL ? sqlite3_errmsg (dest) : NULL);
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_extended_result_codes (dest, 1);

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, sqlite3_errcode (dest), what, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  /* The source connection's busy handler makes this wait for a writer
   * holding the file exclusively; in WAL mode it never has to. */
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, rc, what, sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  /* One file: the copy's header says WAL when the source is. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, what, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, rc, what, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
}

/* Copies left half-written by a process that died (a copy being made
 * now is younger than this). */
#define STALE_PART_AGE (10 * 60)

static void
remove_stale_parts (const char *db_path,
                    const char *folder)
{
  g_autofree char *stem = dup_stem (db_path);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) ||
          (!g_str_has_suffix (name, ".db.part") && !g_str_has_suffix (name, ".db.part-journal")))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_PART_AGE)
        g_unlink (path);
    }
}

static void
prune_backups (const char *db_path,
               const char *folder,
               guint       keep)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  remove_stale_parts (db_path, folder);

  backups = jp_store_list_backups_for_path (db_path, folder, &error);
  if (backups == NULL)
    {
      g_debug ("Cannot list the backups to delete old ones: %s", error->message);
      return;
    }

  for (guint i = keep; i < backups->len; i++)
    {
      const JpBackupInfo *info = g_ptr_array_index (backups, i);

      if (g_unlink (info->path) != 0)
        g_debug ("Cannot delete the old backup %s: %s", info->path, g_strerror (errno));
    }
}

/* A new name in @folder for a backup made now, claimed: its NAME.part
 * is created (O_EXCL), so that two programs backing up in the same
 * millisecond never write the same file. */
static char *
dup_new_backup_path (const char *db_path,
                     const char *folder,
                     const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stem = dup_stem (db_path);

  /* Two backups within the same millisecond get successive ones. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add (now, i * 1000);
      g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *part = NULL;
      int fd;

      name = g_strdup_printf ("%s-%s-%03d-%s.db", stem, stamp,
                              g_date_time_get_microsecond (time) / 1000, reason);
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      part = g_strconcat (path, ".part", NULL);
      fd = g_open (part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        continue;
      close (fd);

      return g_steal_pointer (&path);
    }

  return NULL;
}

gboolean
jp_store_backup (JpStore     *self,
                 const char  *folder,
                 const char  *reason,
                 guint        keep,
                 char       **out_path,
                 GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *part = NULL;
  g_autofree char *what = NULL;
  const char *db_path;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_reason (reason), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  if (keep == 0 || is_memory (self))
    return TRUE;

  if (folder == NULL)
    folder = default_folder = jp_store_dup_backup_folder ();

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   /* Translators: %s are a folder and the system's message */
                   _("Cannot create the backups folder “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  db_path = jp_store_get_path (self);
  path = dup_new_backup_path (db_path, folder, reason);
  if (path == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                           _("Cannot make a backup: too many backups made at once"));
      return FALSE;
    }

  {
    g_autofree char *display = g_filename_display_name (path);

    /* Translators: %s is a file name; an error message follows */
    what = g_strdup_printf (_("Cannot make the backup “%s”"), display);
  }

  /* Claimed (empty) by dup_new_backup_path(): ours to fill. */
  part = g_strconcat (path, ".part", NULL);

  if (!copy_database (_jp_store_get_db (self), part, what, error))
    {
      remove_with_journal (part);
      return FALSE;
    }

  if (g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      remove_with_journal (part);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   "%s: %s", what, g_strerror (saved_errno));
      return FALSE;
    }
  sync_folder (folder);

  g_debug ("Backed up %s to %s", db_path, path);
  prune_backups (db_path, folder, keep);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return TRUE;
}

gboolean
_jp_store_backup_before_migration (JpStore  *self,
                                   GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 pages = 0;
  guint keep = jp_store_get_backups_to_keep ();

  if (keep == 0 || is_memory (self))
    return TRUE;

  /* A new or empty file has nothing to keep. */
  if (sqlite3_prepare_v2 (_jp_store_get_db (self), "PRAGMA page_count", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (pages == 0)
    return TRUE;

  if (!jp_store_backup (self, NULL, JP_STORE_BACKUP_MIGRATION, keep, NULL, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The database was not upgraded to this version, and "
                                    "not changed, because it could not be backed up first: "));
      return FALSE;
    }

  return TRUE;
}

/* ---- Before an import ------------------------------------------------------ */

/* A history row of a progress entry: "indicator 12 progress" (added or
 * removed), "progress 7 value" (changed). */
static gboolean
is_progress_change (const char *what)
{
  return what != NULL &&
         ((g_str_has_prefix (what, "indicator ") && g_str_has_suffix (what, " progress")) ||
          g_str_has_prefix (what, "progress "));
}

/* TRUE when the history holds nothing but progress changes from @since
 * on (history times are whole seconds: a row of that second counts as
 * after it). */
static gboolean
only_progress_since (JpStore    *self,
                     GDateTime  *since,
                     gboolean   *out_only,
                     GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (since);
  g_autofree char *from = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  int rc;

  *out_only = TRUE;

  /* Newest first: stops at the first row older than the backup. */
  stmt = _jp_store_prepare (self, "SELECT at, what FROM history ORDER BY id DESC", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *at = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (at, from) < 0)
        break;
      if (!is_progress_change ((const char *) sqlite3_column_text (stmt, 1)))
        {
          *out_only = FALSE;
          break;
        }
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* The newest backup of @self if a progress import may rely on it. */
static JpBackupInfo *
find_recent_backup (JpStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JpBackupInfo *newest;
  GTimeSpan age;
  gboolean only_progress = FALSE;

  backups = jp_store_list_backups (self, NULL, error);
  if (backups == NULL)
    return NULL;
  if (backups->len == 0)
    return NULL;

  newest = g_ptr_array_index (backups, 0);
  age = g_date_time_difference (now, newest->time);
  /* A "restore" backup holds what was replaced, not what is there. */
  if (g_str_equal (newest->reason, JP_STORE_BACKUP_RESTORE) ||
      age < 0 || age >= JP_STORE_PROGRESS_BACKUP_MAX_AGE || newest->size <= 0)
    return NULL;

  if (!only_progress_since (self, newest->time, &only_progress, error) || !only_progress)
    return NULL;

  return g_ptr_array_steal_index (backups, 0);
}

gboolean
jp_store_backup_before_import (JpStore   *self,
                               gboolean   progress_only,
                               gboolean  *out_copied,
                               char     **out_message,
                               GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  guint keep = jp_store_get_backups_to_keep ();

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_copied != NULL)
    *out_copied = FALSE;
  if (out_message != NULL)
    *out_message = NULL;

  if (!_jp_store_check_before_write (self, error) ||
      !_jp_store_check_references (self, error))
    return FALSE;

  if (keep == 0 || is_memory (self) || jp_store_get_latest_plan_id (self, &local_error) == 0)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (progress_only)
    {
      g_autoptr(JpBackupInfo) recent = find_recent_backup (self, &local_error);

      if (local_error != NULL)
        {
          /* Not knowing is no reason to refuse: make the copy. */
          g_debug ("Cannot tell whether a backup is recent: %s", local_error->message);
          g_clear_error (&local_error);
        }
      else if (recent != NULL)
        {
          g_autofree char *when = jp_backup_info_format_time (recent, "%Y-%m-%d %H:%M:%S");

          display = g_filename_display_name (recent->path);
          g_debug ("Not backed up again before a progress import: %s", recent->path);
          if (out_message != NULL)
            /* Translators: %s are a file name and a date and time */
            *out_message = g_strdup_printf (_("Not backed up again: the backup “%s” (%s) holds the "
                                              "database as it was, apart from the progress "
                                              "recorded since. A progress import makes a new "
                                              "backup at most once a day."),
                                            display, when);
          return TRUE;
        }
    }

  if (!jp_store_backup (self, NULL, JP_STORE_BACKUP_IMPORT, keep, &path, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Nothing was imported, because the database could not be "
                                    "backed up first: "));
      return FALSE;
    }

  if (out_copied != NULL)
    *out_copied = path != NULL;
  if (out_message != NULL && path != NULL)
    {
      display = g_filename_display_name (path);
      /* Translators: %s is a file name */
      *out_message = g_strdup_printf (_("Backed up the database first, to “%s”."), display);
    }
  return TRUE;
}

/* ---- Checking and restoring --------------------------------------------- */

static gboolean
check_connection (sqlite3     *db,
                  const char  *display,
                  GError     **error)
{
  static const char * const checks[] = {
    "PRAGMA integrity_check(20)",
    "PRAGMA foreign_key_check",
  };
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, checks[i], -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, rc, display, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (i == 0)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, 0);

              if (g_strcmp0 (text, "ok") == 0)
                continue;
              g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", text);
            }
          else
            g_string_append_printf (problems, "%sforeign key: %s row %lld",
                                    problems->len > 0 ? "; " : "",
                                    (const char *) sqlite3_column_text (stmt, 0),
                                    (long long) sqlite3_column_int64 (stmt, 1));
          if (problems->len > 400)
            break;
        }

      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
                       _("The database “%s” is damaged: %s"), display, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          set_sqlite_error (error, rc, display, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }

  if (problems->len > 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
                   /* Translators: %s are a file name and SQLite's findings */
                   _("The database “%s” is damaged: %s"), display, problems->str);
      return FALSE;
    }

  return TRUE;
}

gboolean
jp_store_check_integrity (JpStore  *self,
                          GError  **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (jp_store_get_path (self));

  return check_connection (_jp_store_get_db (self), display, error);
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql,
             int        *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  *out_rc = rc;
  return value;
}

/* Opens @path read-only and checks that it is a sound database of ours
 * that this version can read. */
static sqlite3 *
open_backup (const char  *path,
             gint64      *out_version,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", escaped);
  sqlite3 *db = NULL;
  gint64 app_id, version;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   _("The backup “%s” does not exist"), display);
      return NULL;
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, RESTORE_BUSY_TIMEOUT);
      app_id = query_int64 (db, "PRAGMA application_id", &rc);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("The backup “%s” is not a database of work plans (%s)"),
                   display, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  version = query_int64 (db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK || app_id != JP_STORE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("The backup “%s” is not a database of work plans"), display);
      sqlite3_close (db);
      return NULL;
    }

  if (version > JP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NEWER_SCHEMA,
                   /* Translators: %s is a file name, the numbers schema versions */
                   _("The backup “%s” was made by a newer version of this application "
                     "(database version %d; this version knows up to %d)"),
                   display, (int) version, JP_STORE_SCHEMA_VERSION);
      sqlite3_close (db);
      return NULL;
    }

  if (!check_connection (db, display, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  *out_version = version;
  return db;
}

gboolean
jp_store_restore_backup (JpStore     *self,
                         const char  *backup_path,
                         const char  *folder,
                         guint        keep,
                         GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *what = NULL;
  sqlite3 *src;
  sqlite3 *dest;
  sqlite3_backup *backup;
  gint64 version = 0;
  gint64 deadline;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (jp_store_get_read_only (self))
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                           _("The database is open for review only: a backup cannot be restored into it"));
      return FALSE;
    }

  src = open_backup (backup_path, &version, error);
  if (src == NULL)
    return FALSE;

  /* The state before, so that the restore can be undone. */
  if (!jp_store_backup (self, folder, JP_STORE_BACKUP_RESTORE, keep, NULL, error))
    {
      sqlite3_close (src);
      return FALSE;
    }

  display = g_filename_display_name (backup_path);
  /* Translators: %s is a file name; an error message follows */
  what = g_strdup_printf (_("Cannot restore the backup “%s”; the database was not changed"), display);

  dest = _jp_store_get_db (self);
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, sqlite3_errcode (dest), what, sqlite3_errmsg (dest));
      sqlite3_close (src);
      return FALSE;
    }

  /* All pages in one step: one write transaction on the database. A
   * reader of another program may briefly hold it. */
  deadline = g_get_monotonic_time () + RESTORE_BUSY_TIMEOUT * 1000;
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && g_get_monotonic_time () < deadline)
        sqlite3_sleep (20);
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  sqlite3_close (src);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, rc, what, sqlite3_errstr (rc));
      return FALSE;
    }

  /* A backup of an older schema: bring it to this version. */
  if (version < JP_STORE_SCHEMA_VERSION)
    {
      if (!_jp_store_begin (self, error))
        return FALSE;
      if (!_jp_store_migrate (dest, (int) version, error))
        {
          _jp_store_rollback (self);
          return FALSE;
        }
      if (!_jp_store_commit (self, error))
        return FALSE;
    }

  g_debug ("Restored %s from %s", jp_store_get_path (self), backup_path);
  return TRUE;
}

gboolean
jp_store_restore_backup_to_path (const char  *db_path,
                                 const char  *backup_path,
                                 GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *part = g_strconcat (db_path, ".restore-part", NULL);
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *display = g_filename_display_name (backup_path);
  g_autofree char *what = NULL;
  sqlite3 *src;
  gint64 version = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src = open_backup (backup_path, &version, error);
  if (src == NULL)
    return FALSE;

  what = g_strdup_printf (_("Cannot restore the backup “%s”; the database was not changed"), display);
  remove_with_journal (part);
  if (!copy_database (src, part, what, error))
    {
      sqlite3_close (src);
      remove_with_journal (part);
      return FALSE;
    }
  sqlite3_close (src);

  /* What was there goes aside, never away. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (db_path, ".damaged-", stamp, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          remove_with_journal (part);
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                       "%s: %s", what, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (g_rename (part, db_path) != 0)
    {
      int saved_errno = errno;

      remove_with_journal (part);
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   "%s: %s", what, g_strerror (saved_errno));
      return FALSE;
    }
  sync_folder (folder);

  g_debug ("Restored %s from %s (path)", db_path, backup_path);
  return TRUE;
}
