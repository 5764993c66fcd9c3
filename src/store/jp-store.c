/* jp-store.c: the SQLite database of plans
 *
 * The only code of the project that contains SQL (with jp-store-load.c,
 * jp-store-edit.c and jp-store-migrations.c). Statements are prepared once
 * per kind and cached; values are always bound, never formatted into SQL.
 *
 * This file: the object, opening (checks, pragmas, migration), statements,
 * errors, transactions, the history table and the plan list.
 */

#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "jp-store.h"

#include "jp-store-backup.h"
#include "jp-store-private.h"
#include "jp-output.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

G_DEFINE_FINAL_TYPE (JpStore, jp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (jp-store-error-quark, jp_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int default_busy_timeout = JP_STORE_DEFAULT_BUSY_TIMEOUT;

static const char sqlite_header[16] = "SQLite format 3";

static gboolean query_int (JpStore     *self,
                           const char  *sql,
                           gint64      *out,
                           GError     **error);

/* ---- Plan info, history entries ----------------------------------------- */

void
jp_plan_info_free (JpPlanInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->title);
  g_free (info);
}

void
jp_history_entry_free (JpHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->author);
  g_free (entry->what);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

/* ---- Statements and errors ---------------------------------------------- */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
_jp_stmt_release (JpStmt *stmt)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

JpStmt *
_jp_store_prepare (JpStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  {
    int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

    if (rc != SQLITE_OK)
      {
        _jp_store_set_error (self, error, rc);
        sqlite3_finalize (stmt);
        return NULL;
      }
  }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
set_error_literal_detail (GError     **error,
                          int          rc,
                          const char  *detail)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_BUSY,
                   /* Translators: %s is SQLite's message */
                   _("The database is in use by another program; try again when it is done (%s)"),
                   detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL,
                   _("The disk or the database is full; nothing was saved (%s)"),
                   detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   _("The database cannot be written (%s)"),
                   detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the database (%s)"),
                   detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("The file is not a database (%s)"),
                   detail);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s)"),
                   detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   _("The database cannot be opened (%s)"),
                   detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The database could not be read or written; nothing was saved (%s)"),
                   detail);
      break;

    default:
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Database error (%s)"),
                   detail);
      break;
    }
}

void
_jp_store_set_error (JpStore  *self,
                     GError  **error,
                     int       rc)
{
  const char *detail = NULL;

  if (self != NULL && self->db != NULL && sqlite3_errcode (self->db) != SQLITE_OK)
    detail = sqlite3_errmsg (self->db);
  if (detail == NULL)
    detail = sqlite3_errstr (rc);

  /* An I/O error is often a full disk (the -wal or -shm file cannot
   * grow) or a read-only one: say that. */
  if ((rc & 0xff) == SQLITE_IOERR && self != NULL && self->db != NULL)
    {
      int system_errno = sqlite3_system_errno (self->db);

      if (system_errno == ENOSPC || system_errno == EDQUOT)
        rc = SQLITE_FULL;
      else if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM)
        rc = SQLITE_READONLY;
    }

  /* Which file is damaged: the window may have several open. */
  if ((rc & 0xff) == SQLITE_CORRUPT && self != NULL && self->path != NULL)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
                   /* Translators: %s are a file name and SQLite's message */
                   _("The database “%s” is damaged (%s)"), display, detail);
      return;
    }

  set_error_literal_detail (error, rc, detail);
}

gboolean
_jp_store_exec (JpStore  *self,
                JpStmt   *stmt,
                GError  **error)
{
  int rc;

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_jp_store_exec_script (JpStore     *self,
                       const char  *sql,
                       GError     **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_literal_detail (error, rc, errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

/* ---- Files changed by hand ------------------------------------------------ */

/* (transfer full) @first, followed by "(and N more such rows)" when
 * @n_more is not 0. */
static char *
add_n_more (char  *first,
            guint  n_more)
{
  char *text;

  if (n_more == 0)
    return first;

  /* Translators: a problem, then how many more of the same kind there are */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more such row)",
                                       "%s (and %u more such rows)", n_more),
                          first, n_more);
  g_free (first);
  return text;
}

void
_jp_store_set_damaged (JpStore     *self,
                       GError     **error,
                       const char  *detail)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
               /* Translators: %s are a file name and where it is damaged */
               _("The database “%s” is damaged: %s"), display, detail);
}

/* _jp_store_check_row_text(): a flag beside the type. */
#define DATE_COLUMN 0x80

static const char * const date_columns[] = { "start_date", "end_date", "due", "date", NULL };

gboolean
_jp_store_check_row_text (JpStore     *self,
                          JpStmt      *stmt,
                          const char  *table,
                          gint64       row_id,
                          GError     **error)
{
  int n_columns = sqlite3_column_count (stmt);
  guint8 *types = g_hash_table_lookup (self->column_types, stmt);

  /* Once per statement (a load checks some 170,000 rows of a large plan). */
  if (types == NULL)
    {
      types = g_new0 (guint8, MAX (n_columns, 1));
      for (int i = 0; i < n_columns; i++)
        {
          const char *declared = sqlite3_column_decltype (stmt, i);

          if (declared == NULL)
            continue;
          if (g_ascii_strcasecmp (declared, "INTEGER") == 0)
            types[i] = SQLITE_INTEGER;
          else if (g_ascii_strcasecmp (declared, "REAL") == 0)
            types[i] = SQLITE_FLOAT;
          else if (g_ascii_strcasecmp (declared, "TEXT") == 0)
            types[i] = SQLITE_TEXT;
          /* The date columns of the schema (the history's "at" is a time). */
          if (g_strv_contains (date_columns, sqlite3_column_name (stmt, i)))
            types[i] |= DATE_COLUMN;
        }
      g_hash_table_insert (self->column_types, stmt, types);
    }

  for (int i = 0; i < n_columns; i++)
    {
      int type = sqlite3_column_type (stmt, i);
      g_autofree char *detail = NULL;
      g_autofree char *row = NULL;
      const char *text;
      int length;

      /* STRICT tables hold only their columns' types, unless the schema
       * was changed by hand meanwhile. */
      if ((types[i] & ~DATE_COLUMN) != 0 && type != SQLITE_NULL &&
          type != (types[i] & ~DATE_COLUMN))
        {
          row = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
          /* Translators: %s are the name of a table, a number, the name of a
           * column and its type (INTEGER, REAL, TEXT) */
          detail = g_strdup_printf (_("in the table “%s”, row %s, the column “%s” holds a value "
                                      "that is not %s"),
                                    table, row, sqlite3_column_name (stmt, i),
                                    sqlite3_column_decltype (stmt, i));
          _jp_store_set_damaged (self, error, detail);
          return FALSE;
        }

      if (type == SQLITE_FLOAT && !isfinite (sqlite3_column_double (stmt, i)))
        {
          row = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
          /* Translators: %s are the name of a table, a number and the name of a column */
          detail = g_strdup_printf (_("in the table “%s”, row %s, the column “%s” holds a number "
                                      "that is not finite"),
                                    table, row, sqlite3_column_name (stmt, i));
          _jp_store_set_damaged (self, error, detail);
          return FALSE;
        }

      if (type != SQLITE_TEXT && type != SQLITE_BLOB)
        continue;

      text = (const char *) sqlite3_column_text (stmt, i);
      length = sqlite3_column_bytes (stmt, i);
      if (text == NULL || length == 0)
        continue;

      row = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
      if (memchr (text, '\0', (size_t) length) != NULL)
        /* Translators: %s are the name of a table, a number and the name of a column */
        detail = g_strdup_printf (_("in the table “%s”, row %s, the column “%s” holds a NUL "
                                    "character"),
                                  table, row, sqlite3_column_name (stmt, i));
      else if (!g_utf8_validate_len (text, (gsize) length, NULL))
        detail = g_strdup_printf (_("in the table “%s”, row %s, the column “%s” is not valid "
                                    "UTF-8 text"),
                                  table, row, sqlite3_column_name (stmt, i));
      else if ((types[i] & DATE_COLUMN) != 0 && !jp_date_is_valid (text))
        {
          g_autofree char *value = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));

          /* Translators: %s are the name of a table, a number, the name of
           * a column and its text */
          detail = g_strdup_printf (_("in the table “%s”, row %s, the column “%s” holds “%s”, "
                                      "which is not a date (YYYY-MM-DD)"),
                                    table, row, sqlite3_column_name (stmt, i), value);
        }
      else
        continue;

      _jp_store_set_damaged (self, error, detail);
      return FALSE;
    }

  return TRUE;
}

gboolean
_jp_store_check_references (JpStore  *self,
                            GError  **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *first = NULL;
  guint n_more = 0;
  int rc;

  if (self->references_checked)
    return TRUE;

  stmt = _jp_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);

      if (first != NULL)
        n_more++;
      else if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        /* Translators: %s are the names of two tables */
        first = g_strdup_printf (_("a row of the table “%s” refers to a row of the table “%s” "
                                   "that does not exist"),
                                 table, parent);
      else
        {
          g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  (gint64) sqlite3_column_int64 (stmt, 1));

          /* Translators: %s are the name of a table, a number and the name of a table */
          first = g_strdup_printf (_("in the table “%s”, row %s refers to a row of the table "
                                     "“%s” that does not exist"),
                                   table, row, parent);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  if (first != NULL)
    {
      first = add_n_more (g_steal_pointer (&first), n_more);
      _jp_store_set_damaged (self, error, first);
      return FALSE;
    }

  self->references_checked = TRUE;
  return TRUE;
}

/* ---- Transactions and history -------------------------------------------- */

/* Before an import writes (jp_store_backup_before_import()): PRAGMA
 * quick_check, so that nothing is imported into a damaged file (a broken
 * index, a garbled page or free list) as though it were sound. It reads
 * the whole file: 0.45 to 0.57 s for a 10,000-item plan (70 MB), 1.8 to
 * 3.2 s for one of 230 MB; once per store. Not before the window's edits,
 * which would pause for it. */
gboolean
_jp_store_check_before_write (JpStore  *self,
                              GError  **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *display = NULL;
  guint n_more = 0;
  int rc;

  if (self->write_checked)
    return TRUE;

  stmt = _jp_store_prepare (self, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (row == NULL)
        continue;
      /* "*** in database main ***\nOn tree page 28 …": the findings. */
      if (g_str_has_prefix (row, "*** in database main ***"))
        row += strlen ("*** in database main ***");
      if (first == NULL)
        {
          /* One row may hold many findings: the start says enough. */
          g_autofree char *text = g_strstrip (g_strdelimit (g_strdup (row), "\n", ' '));

          if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) > 160)
            {
              g_autofree char *start = g_utf8_substring (text, 0, 160);

              first = g_strconcat (start, "…", NULL);
            }
          else
            first = g_steal_pointer (&text);
        }
      else
        n_more++;
    }

  if (rc != SQLITE_DONE)
    {
      /* A damaged file often stops the check itself. */
      if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
        {
          _jp_store_set_error (self, error, rc);
          return FALSE;
        }
      g_free (first);
      first = g_strdup (sqlite3_errmsg (self->db));
    }
  else if (g_strcmp0 (first, "ok") == 0 && n_more == 0)
    {
      self->write_checked = TRUE;
      return TRUE;
    }

  display = g_filename_display_name (self->path);
  if (n_more > 0)
    {
      /* Translators: SQLite's first finding, then how many more it made */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s (and %u more finding)",
                                                            "%s (and %u more findings)", n_more),
                                               first, n_more);

      g_free (first);
      first = g_steal_pointer (&more);
    }
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT,
               /* Translators: %s are a file name and SQLite's findings */
               _("The database “%s” is damaged (%s): nothing was written. Restore a backup "
                 "of it, or export what can still be read."),
               display, first != NULL ? first : "");
  return FALSE;
}

gboolean
_jp_store_begin (JpStore  *self,
                 GError  **error)
{
  JpStmt *stmt;

  if (self->read_only)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                           _("The database is open for review only: nothing can be changed"));
      return FALSE;
    }

  /* A file deleted (or replaced) while open still takes writes, through
   * the open descriptor, and loses them all when closed: refuse. */
  {
    int moved = 0;

    if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
        moved)
      {
        g_autofree char *display = g_filename_display_name (self->path);

        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_MOVED,
                     /* Translators: %s is a file name */
                     _("The database “%s” was deleted or replaced while it was open: "
                       "nothing more can be saved to it. Export what is shown, or open "
                       "the database again."),
                     display);
        return FALSE;
      }
  }

  if (self->batch_depth > 0)
    {
      /* SQLite rolls the whole transaction back on some errors (a full
       * disk, an I/O error): the batch's earlier steps are gone, and the
       * ones after must not commit on their own. */
      if (self->batch_broken || sqlite3_get_autocommit (self->db))
        {
          self->batch_broken = TRUE;
          g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                               _("An earlier step of this change failed: nothing was saved"));
          return FALSE;
        }

      stmt = _jp_store_prepare (self, "SAVEPOINT jp_step", error);
      return stmt != NULL && _jp_store_exec (self, stmt, error);
    }

  if (!sqlite3_get_autocommit (self->db))
    {
      g_critical ("A store transaction is already open");
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           "A store transaction is already open");
      return FALSE;
    }

  stmt = _jp_store_prepare (self, "BEGIN IMMEDIATE", error);
  if (stmt == NULL)
    return FALSE;

  return _jp_store_exec (self, stmt, error);
}

gboolean
_jp_store_begin_edit (JpStore  *self,
                      GError  **error)
{
  gint64 version = 0;

  if (!_jp_store_begin (self, error))
    return FALSE;

  /* In a batch the check was made when it began, and no other connection
   * can commit while it holds the write lock. */
  if (!self->check_version || self->batch_depth > 0)
    return TRUE;

  /* BEGIN IMMEDIATE holds the write lock and reads the newest commit: what
   * another connection committed since the load shows here, and nobody
   * can commit until this transaction ends. */
  if (!query_int (self, "PRAGMA data_version", &version, error))
    {
      _jp_store_rollback (self);
      return FALSE;
    }

  if (version != self->loaded_version)
    {
      _jp_store_rollback (self);
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED,
                           _("The plan was changed by another program since it was loaded: "
                             "nothing was saved"));
      return FALSE;
    }

  return TRUE;
}

void
_jp_store_rollback (JpStore *self)
{
  JpStmt *stmt;

  if (sqlite3_get_autocommit (self->db))
    {
      if (self->batch_depth > 0)
        self->batch_broken = TRUE;
      return;
    }

  if (self->batch_depth > 0)
    {
      /* The step only: the batch goes on. */
      stmt = _jp_store_prepare (self, "ROLLBACK TO jp_step", NULL);
      if (stmt == NULL || !_jp_store_exec (self, stmt, NULL))
        {
          g_debug ("ROLLBACK TO failed: %s", sqlite3_errmsg (self->db));
          self->batch_broken = TRUE;
          return;
        }
      stmt = _jp_store_prepare (self, "RELEASE jp_step", NULL);
      if (stmt == NULL || !_jp_store_exec (self, stmt, NULL))
        self->batch_broken = TRUE;
      return;
    }

  stmt = _jp_store_prepare (self, "ROLLBACK", NULL);
  if (stmt == NULL || !_jp_store_exec (self, stmt, NULL))
    g_debug ("ROLLBACK failed: %s", sqlite3_errmsg (self->db));
}

gboolean
_jp_store_commit (JpStore  *self,
                  GError  **error)
{
  JpStmt *stmt;

  if (self->batch_depth > 0)
    stmt = _jp_store_prepare (self, "RELEASE jp_step", error);
  else
    stmt = _jp_store_prepare (self, "COMMIT", error);
  if (stmt == NULL || !_jp_store_exec (self, stmt, error))
    {
      _jp_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * jp_store_begin_batch:
 *
 * Makes the edits until jp_store_end_batch() one transaction: it begins
 * now (with the write lock, and the check of jp_store_mark_loaded()), each
 * edit is a step of it that succeeds or fails alone, and the end commits
 * them all or none. Batches nest (only the outermost commits).
 */
gboolean
jp_store_begin_batch (JpStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->batch_depth > 0)
    {
      self->batch_depth++;
      return TRUE;
    }

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  self->batch_depth = 1;
  self->batch_broken = FALSE;
  return TRUE;
}

/**
 * jp_store_end_batch:
 * @commit: keep the steps (FALSE: undo them all in the file)
 *
 * Ends the outermost batch: commits, or rolls back. FALSE when nothing of
 * the batch was kept although @commit asked it (the commit failed, or
 * SQLite had ended the transaction after a failed step): the objects the
 * steps changed no longer match the file, which still holds what it held
 * before the batch. Rolling back as asked is not a failure.
 */
gboolean
jp_store_end_batch (JpStore   *self,
                    gboolean   commit,
                    GError   **error)
{
  JpStmt *stmt;
  gboolean broken;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!commit)
    self->batch_broken = self->batch_broken || self->batch_depth > 1;
  if (--self->batch_depth > 0)
    return TRUE;

  broken = self->batch_broken || sqlite3_get_autocommit (self->db);
  self->batch_broken = FALSE;
  if (broken || !commit)
    {
      _jp_store_rollback (self);
      if (commit)
        g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                             _("A step of this change failed: nothing was saved"));
      return !commit;
    }

  stmt = _jp_store_prepare (self, "COMMIT", error);
  if (stmt == NULL || !_jp_store_exec (self, stmt, error))
    {
      _jp_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

char *
_jp_store_dup_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The shortest decimal text that reads back as the same double. */
char *
_jp_store_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return g_strdup (buf);
}

gboolean
_jp_store_add_history (JpStore     *self,
                       gint64       plan_id,
                       const char  *what,
                       const char  *old_value,
                       const char  *new_value,
                       GError     **error)
{
  g_autofree char *now = _jp_store_dup_now ();
  g_autoptr(JpStmt) stmt = NULL;

  stmt = _jp_store_prepare (self,
                            "INSERT INTO history (plan, at, author, what, old_value, new_value) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;

  if (plan_id > 0)
    sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->author != NULL ? self->author : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, what, -1, SQLITE_TRANSIENT);
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_TRANSIENT);
  if (new_value != NULL)
    sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_TRANSIENT);

  return _jp_store_exec (self, stmt, error);
}

/* ---- Owners of children ------------------------------------------------- */

static void
free_weak_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

void
_jp_store_set_owner (gpointer child,
                     gpointer owner)
{
  static GQuark quark;
  GWeakRef *ref;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("jp-store-owner");

  ref = g_object_get_qdata (child, quark);
  if (ref == NULL)
    {
      if (owner == NULL)
        return;
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, owner);
      g_object_set_qdata_full (child, quark, ref, free_weak_ref);
    }
  else
    g_weak_ref_set (ref, owner);
}

gpointer
_jp_store_dup_owner (gpointer child)
{
  GWeakRef *ref;
  gpointer owner = NULL;

  /* The model knows these (a back pointer, not 70,000 weak references
   * made while a 10k plan loads). */
  if (JP_IS_PROGRESS_ENTRY (child))
    owner = jp_progress_entry_get_indicator (child);
  else if (JP_IS_ITEM_UPDATE (child))
    owner = jp_item_update_get_item (child);
  if (JP_IS_PROGRESS_ENTRY (child) || JP_IS_ITEM_UPDATE (child))
    return owner != NULL ? g_object_ref (owner) : NULL;

  ref = g_object_get_qdata (child, g_quark_try_string ("jp-store-owner"));

  if (ref == NULL)
    return NULL;

  return g_weak_ref_get (ref);
}

/* ---- GObject ------------------------------------------------------------ */

/* ---- A private copy for review --------------------------------------- */

static void
remove_private_copy (const char *copy)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *folder = g_path_get_dirname (copy);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (copy, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (folder);
}

/* Copies @length bytes of @file (a handle SQLite opened) to @path. */
static gboolean
copy_sqlite_file (sqlite3_file  *file,
                  sqlite3_int64  length,
                  const char    *path,
                  GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  g_autoptr(GError) local_error = NULL;
  sqlite3_int64 offset = 0;
  FILE *out;

  out = g_fopen (path, "wbx");
  if (out == NULL)
    {
      int saved_errno = errno;

      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN, g_strerror (saved_errno));
      return FALSE;
    }

  while (offset < length)
    {
      int n = (int) MIN (length - offset, (sqlite3_int64) 64 * 1024);
      int rc = file->pMethods->xRead (file, buffer, n, offset);

      if (rc != SQLITE_OK)
        {
          g_set_error_literal (&local_error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN, sqlite3_errstr (rc));
          break;
        }
      if (fwrite (buffer, 1, (size_t) n, out) != (size_t) n)
        {
          int saved_errno = errno;

          g_set_error_literal (&local_error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                               g_strerror (saved_errno));
          break;
        }
      offset += n;
    }

  if (fclose (out) != 0 && local_error == NULL)
    {
      int saved_errno = errno;

      g_set_error_literal (&local_error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN, g_strerror (saved_errno));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* A WAL database whose folder cannot be written and which has no -shm
 * file (nor can SQLite make one): read as immutable, SQLite would not see
 * what was committed to the -wal file and not yet copied into the
 * database (after a crash, or when the folder was made read-only before
 * the last program closed it). Copies the database (read through the
 * connection's own handle: a descriptor of our own would drop the
 * process's locks when closed) and its -wal into a private temporary
 * folder, whose copy SQLite can index. Returns the copy's path, or NULL
 * when there is nothing in the -wal (immutable sees it all) or the copy
 * cannot be made. */
static char *
make_private_copy (JpStore    *self,
                   const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (wal, &st) != 0 || st.st_size == 0)
    return NULL;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL || file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    return NULL;

  folder = g_dir_make_tmp ("jinfeng-plan-review-XXXXXX", &error);
  if (folder == NULL)
    {
      g_debug ("No private copy of %s: %s", path, error->message);
      return NULL;
    }

  basename = g_path_get_basename (path);
  copy = g_build_filename (folder, basename, NULL);
  copy_wal = g_strconcat (copy, "-wal", NULL);

  /* SQLite never locks the -wal file itself: reading it directly is safe. */
  if (!copy_sqlite_file (file, size, copy, &error) ||
      !g_file_get_contents (wal, &contents, &length, &error) ||
      !g_file_set_contents (copy_wal, contents, (gssize) length, &error))
    {
      g_debug ("No private copy of %s: %s", path, error->message);
      remove_private_copy (copy);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static void
jp_store_finalize (GObject *object)
{
  JpStore *self = (JpStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->column_types, g_hash_table_unref);
  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_warning ("Could not close the database: %s", sqlite3_errstr (rc));
      self->db = NULL;
    }

  if (self->private_copy != NULL)
    remove_private_copy (self->private_copy);
  g_clear_pointer (&self->private_copy, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (jp_store_parent_class)->finalize (object);
}

static void
jp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  JpStore *self = JP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  JpStore *self = JP_STORE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      jp_store_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_store_class_init (JpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_store_finalize;
  object_class->get_property = jp_store_get_property;
  object_class->set_property = jp_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Who edits: recorded in every history row. */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_store_init (JpStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->column_types = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->author = g_strdup (g_get_real_name ());
}

/* ---- Opening ------------------------------------------------------------ */

/* Reads the start of an existing file: a database starts with the SQLite
 * header (an empty file is an empty database, as SQLite has it). Nothing
 * is written. The bytes are read through the connection's own file
 * handle, which SQLite opened but has not read yet: a descriptor of our
 * own would, once closed, drop every lock that the connections of this
 * process (another window) hold on the file, POSIX locks being per
 * process; another program closing the database would then take it for
 * unused, checkpoint it and delete the -wal under them. */
static gboolean
check_header (JpStore     *self,
              const char  *path,
              gboolean    *out_wal,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  guint8 header[100];
  gssize n;
  int rc;

  *out_wal = FALSE;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   /* Translators: %s are a file name and the system's message */
                   _("Cannot open the database “%s”: %s"),
                   display, sqlite3_errstr (SQLITE_CANTOPEN));
      return FALSE;
    }

  rc = file->pMethods->xFileSize (file, &size);
  if (rc == SQLITE_OK)
    rc = file->pMethods->xRead (file, header, (int) MIN (size, (sqlite3_int64) sizeof header), 0);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   display, sqlite3_errstr (rc));
      return FALSE;
    }
  n = (gssize) MIN (size, (sqlite3_int64) sizeof header);

  if (n == 0)
    return TRUE;

  if (n < (gssize) sizeof header || memcmp (header, sqlite_header, sizeof sqlite_header) != 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a database (it does not start with the SQLite header)"),
                   display);
      return FALSE;
    }

  /* File format write/read versions: 2 = WAL. */
  *out_wal = header[18] == 2 || header[19] == 2;
  return TRUE;
}

static gboolean
open_connection (JpStore     *self,
                 const char  *path,
                 gboolean     read_only,
                 gboolean     immutable,
                 GError     **error)
{
  g_autofree char *uri = NULL;
  int flags;
  int rc;

  if (read_only)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", TRUE);

      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
  else
    {
      uri = g_strdup (path);
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    }

  /* One thread at a time (jp_store_open()): no mutex around every call,
   * 8 % of the instructions of loading a plan. */
  rc = sqlite3_open_v2 (uri, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);
      const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a database (%s)"), display, detail);
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                     _("Cannot open the database “%s”: %s"), display, detail);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, default_busy_timeout);
  return TRUE;
}

static void
close_connection (JpStore *self)
{
  g_hash_table_remove_all (self->column_types);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
}

static gboolean
query_int (JpStore     *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  stmt = _jp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    {
      *out = 0;
      return TRUE;
    }

  _jp_store_set_error (self, error, rc);
  return FALSE;
}

typedef struct
{
  gint64 application_id;
  gint64 version;
  gint64 n_objects;
} SchemaInfo;

static gboolean
read_schema_info (JpStore     *self,
                  SchemaInfo  *info,
                  GError     **error)
{
  return query_int (self, "PRAGMA application_id", &info->application_id, error) &&
         query_int (self, "PRAGMA user_version", &info->version, error) &&
         query_int (self, "SELECT count(*) FROM sqlite_schema", &info->n_objects, error);
}

static gboolean
check_schema_info (JpStore           *self,
                   const SchemaInfo  *info,
                   gboolean           read_only,
                   GError           **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  if ((info->application_id != 0 && info->application_id != JP_STORE_APPLICATION_ID) ||
      (info->application_id == 0 && info->version == 0 && info->n_objects > 0) ||
      /* Ours always carry the id (any version, newer ones too). */
      (info->application_id == 0 && info->version > 0))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of work plans"),
                   display);
      return FALSE;
    }

  /* Our application id, but a version we never write (SQLite keeps any
   * 32-bit number there), or tables without a version: changed by hand. */
  if (info->version < 0 ||
      (info->application_id == JP_STORE_APPLICATION_ID && info->version == 0 &&
       info->n_objects > 0))
    {
      g_autofree char *detail = NULL;

      if (info->version < 0)
        /* Translators: %d is a number (negative) */
        detail = g_strdup_printf (_("its schema version, %d, is not one this application writes"),
                                  (int) info->version);
      else
        detail = g_strdup (_("it holds tables but no schema version"));

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s are a file name and what is wrong with it */
                   _("“%s” is not a Work Plan database: %s"),
                   display, detail);
      return FALSE;
    }

  if (info->version > JP_STORE_SCHEMA_VERSION && !read_only)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NEWER_SCHEMA,
                   /* Translators: %s is a file name, the numbers schema versions */
                   _("“%s” was written by a newer version of this application "
                     "(database version %d; this version knows up to %d). "
                     "It can only be opened for review; it was not changed."),
                   display, (int) info->version, JP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* ---- The shape of the schema --------------------------------------------- */

typedef struct
{
  char *name;
  char *signature; /* "TYPE notnull pk" */
} ColumnShape;

typedef struct
{
  char      *name;
  gboolean   strict;
  gboolean   without_rowid;
  GPtrArray *columns; /* ColumnShape, in order */
} TableShape;

static void
column_shape_free (gpointer data)
{
  ColumnShape *column = data;

  g_free (column->name);
  g_free (column->signature);
  g_free (column);
}

static void
table_shape_free (gpointer data)
{
  TableShape *table = data;

  g_free (table->name);
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_free (table);
}

/* The tables of the main schema of @db (TableShape), in the order of
 * their names; NULL (and the result code) when SQLite cannot say. */
static GPtrArray *
read_shape (sqlite3 *db,
            int     *out_rc)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (table_shape_free);
  sqlite3_stmt *list = NULL;
  sqlite3_stmt *info = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name, strict, wr FROM pragma_table_list"
                           " WHERE schema = 'main' AND type = 'table'"
                           " AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
                           -1, &list, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT name, upper (type), \"notnull\", pk"
                             " FROM pragma_table_info (?1, 'main') ORDER BY cid",
                             -1, &info, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      TableShape *table = g_new0 (TableShape, 1);

      table->name = g_strdup ((const char *) sqlite3_column_text (list, 0));
      table->strict = sqlite3_column_int (list, 1) != 0;
      table->without_rowid = sqlite3_column_int (list, 2) != 0;
      table->columns = g_ptr_array_new_with_free_func (column_shape_free);
      g_ptr_array_add (tables, table);

      sqlite3_reset (info);
      sqlite3_bind_text (info, 1, table->name, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (info)) == SQLITE_ROW)
        {
          ColumnShape *column = g_new0 (ColumnShape, 1);

          column->name = g_strdup ((const char *) sqlite3_column_text (info, 0));
          column->signature = g_strdup_printf ("%s %d %d",
                                               (const char *) sqlite3_column_text (info, 1),
                                               sqlite3_column_int (info, 2),
                                               sqlite3_column_int (info, 3));
          g_ptr_array_add (table->columns, column);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

  sqlite3_finalize (list);
  sqlite3_finalize (info);

  *out_rc = rc;
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&tables);
}

/* What the migrations make: the tables of a new database, read once. */
static GPtrArray *
get_expected_shape (void)
{
  static GPtrArray *expected;

  if (g_once_init_enter (&expected))
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;
      GPtrArray *tables = NULL;
      int rc;

      rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      if (rc != SQLITE_OK || !_jp_store_migrate (db, 0, &error))
        g_error ("Cannot make the schema in memory: %s",
                 error != NULL ? error->message : sqlite3_errstr (rc));
      tables = read_shape (db, &rc);
      if (tables == NULL)
        g_error ("Cannot read the schema in memory: %s", sqlite3_errstr (rc));
      sqlite3_close (db);

      g_once_init_leave (&expected, tables);
    }

  return expected;
}

static TableShape *
find_table (GPtrArray  *tables,
            const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      TableShape *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->name, name))
        return table;
    }

  return NULL;
}

static ColumnShape *
find_column (TableShape *table,
             const char *name)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      ColumnShape *column = g_ptr_array_index (table->columns, i);

      if (g_ascii_strcasecmp (column->name, name) == 0)
        return column;
    }

  return NULL;
}

/* What is wrong with @actual, compared with @expected; NULL when nothing.
 * @exact: no column more than ours (a file of this version); else (a file
 * of a newer version) ours must all be there, as we made them. */
static char *
describe_table_difference (TableShape *expected,
                           TableShape *actual,
                           gboolean    exact)
{
  if (actual == NULL)
    /* Translators: %s is the name of a table of the database */
    return g_strdup_printf (_("the table “%s” is missing"), expected->name);

  if (expected->strict && !actual->strict)
    return g_strdup_printf (_("the table “%s” is not STRICT"), expected->name);

  if (expected->without_rowid != actual->without_rowid)
    return g_strdup_printf (_("the table “%s” has another kind of key"), expected->name);

  for (guint i = 0; i < expected->columns->len; i++)
    {
      ColumnShape *column = g_ptr_array_index (expected->columns, i);
      ColumnShape *found = find_column (actual, column->name);

      if (found == NULL)
        /* Translators: %s are the names of a table and of a column */
        return g_strdup_printf (_("the table “%s” has no column “%s”"),
                                expected->name, column->name);

      if (!g_str_equal (found->signature, column->signature))
        /* Translators: %s are the names of a column and of a table */
        return g_strdup_printf (_("the column “%s” of the table “%s” has another type or "
                                  "other constraints"), column->name, expected->name);
    }

  if (exact && actual->columns->len != expected->columns->len)
    return g_strdup_printf (_("the table “%s” has columns this application does not know"),
                            expected->name);

  return NULL;
}

/* Refuses a file whose tables are not the ones this application makes:
 * missing, without a column, of another type, not STRICT. Cheap (a read
 * of the schema); run before anything else reads or writes the tables. */
static gboolean
check_shape (JpStore   *self,
             gboolean   exact,
             GError   **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  g_autoptr(GPtrArray) actual = NULL;
  GPtrArray *expected = get_expected_shape ();
  int rc;

  actual = read_shape (self->db, &rc);
  if (actual == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Work Plan database: %s"),
                   display, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  for (guint i = 0; i < expected->len; i++)
    {
      TableShape *table = g_ptr_array_index (expected, i);
      g_autofree char *detail = describe_table_difference (table, find_table (actual, table->name),
                                                           exact);

      if (detail != NULL)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a Work Plan database: %s"), display, detail);
          return FALSE;
        }
    }

  return TRUE;
}

/* Migrates a writable database inside one write transaction. */
static gboolean
migrate (JpStore  *self,
         GError  **error)
{
  gint64 version;

  if (!_jp_store_begin (self, error))
    return FALSE;

  /* Another program may have migrated it meanwhile. */
  if (!query_int (self, "PRAGMA user_version", &version, error))
    goto fail;

  if (version > JP_STORE_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of this application "
                     "(database version %d; this version knows up to %d). "
                     "It can only be opened for review; it was not changed."),
                   display, (int) version, JP_STORE_SCHEMA_VERSION);
      goto fail;
    }

  if (version < JP_STORE_SCHEMA_VERSION &&
      !_jp_store_migrate (self->db, (int) version, error))
    goto fail;

  return _jp_store_commit (self, error);

fail:
  _jp_store_rollback (self);
  return FALSE;
}

/* A read-only database of an older schema: reviewed through a migrated
 * copy in memory, the file stays as it is. */
static gboolean
migrate_copy_in_memory (JpStore  *self,
                        GError  **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_literal_detail (error, rc, sqlite3_errstr (rc));
      sqlite3_close (memory);
      return FALSE;
    }

  backup = sqlite3_backup_init (memory, "main", self->db, "main");
  if (backup == NULL)
    {
      set_error_literal_detail (error, sqlite3_errcode (memory), sqlite3_errmsg (memory));
      sqlite3_close (memory);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_error_literal_detail (error, rc, sqlite3_errstr (rc));
      sqlite3_close (memory);
      return FALSE;
    }

  close_connection (self);
  self->db = memory;
  sqlite3_extended_result_codes (self->db, 1);

  if (!_jp_store_exec_script (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* The read-only flag refuses edits; write the migration directly. */
  self->read_only = FALSE;
  if (!migrate (self, error))
    {
      self->read_only = TRUE;
      return FALSE;
    }
  self->read_only = TRUE;

  return TRUE;
}

static void
remove_created_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
open_database (JpStore     *self,
               const char  *path,
               gboolean     read_only,
               gboolean     memory,
               gboolean    *out_created,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  SchemaInfo info = { 0, };
  gboolean wal = FALSE;
  gboolean existed = FALSE;

  *out_created = FALSE;

  if (!memory)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                       _("“%s” is a folder, not a database"), display);
          return FALSE;
        }

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          existed = TRUE;
        }
      else if (read_only)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                       _("The database “%s” does not exist"), display);
          return FALSE;
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (path);

          if (g_mkdir_with_parents (folder, 0755) != 0)
            {
              int saved_errno = errno;
              g_autofree char *folder_display = g_filename_display_name (folder);

              g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
                           _("Cannot create the folder “%s”: %s"),
                           folder_display, g_strerror (saved_errno));
              return FALSE;
            }
          *out_created = TRUE;
        }
    }

  if (!open_connection (self, path, read_only && !memory, FALSE, error))
    return FALSE;

  if (existed && !check_header (self, path, &wal, error))
    return FALSE;

  if (!read_schema_info (self, &info, &local_error))
    {
      gboolean reopened = FALSE;

      /* A WAL database in a folder that cannot be written, or on a full
       * disk: SQLite cannot create its shared-memory file; read it as
       * immutable instead. */
      if (read_only && wal &&
          (g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN) ||
           g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY) ||
           g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_FULL)))
        {
          g_autofree char *copy = make_private_copy (self, path);

          close_connection (self);
          if (copy != NULL)
            {
              reopened = open_connection (self, copy, TRUE, FALSE, NULL) &&
                         read_schema_info (self, &info, NULL);
              if (reopened)
                {
                  g_debug ("Reading %s through a private copy, %s", path, copy);
                  self->private_copy = g_steal_pointer (&copy);
                }
              else
                {
                  close_connection (self);
                  remove_private_copy (copy);
                }
            }
          if (!reopened)
            {
              reopened = open_connection (self, path, TRUE, TRUE, NULL) &&
                         read_schema_info (self, &info, NULL);
              if (reopened)
                g_debug ("Opened %s as immutable", path);
            }
        }

      if (!reopened)
        {
          g_autofree char *folder = g_path_get_dirname (path);

          /* A WAL database in a folder (or on a disk) that cannot be
           * written, opened for writing: SQLite cannot make its -shm file.
           * Say so, as below, rather than "cannot open". */
          if (!read_only && !memory &&
              (g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN) ||
               g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY)) &&
              (g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0))
            {
              g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                           _("“%s” cannot be written (the file or its folder is read-only). "
                             "It can only be opened for review."),
                           display);
              return FALSE;
            }

          /* SQLite cannot read it ("unsupported file format" …): whatever
           * it is, it is not a database this application can use (but an
           * I/O error says nothing about the file). */
          if ((g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED) ||
               g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE)) &&
              (self->db == NULL || (sqlite3_extended_errcode (self->db) & 0xff) != SQLITE_IOERR))
            g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                         _("“%s” is not a database (%s)"), display,
                         self->db != NULL ? sqlite3_errmsg (self->db) : local_error->message);
          else if (g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT))
            /* It names the file already. */
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                        _("Cannot open the database “%s”: "), display);
          return FALSE;
        }
    }

  if (!check_schema_info (self, &info, read_only, error))
    return FALSE;

  /* A file of this version (or a newer one) must have our tables before
   * anything reads or writes them; an older one is checked once migrated. */
  if (info.version >= JP_STORE_SCHEMA_VERSION &&
      !check_shape (self, info.version == JP_STORE_SCHEMA_VERSION, error))
    return FALSE;

  if (!_jp_store_exec_script (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!read_only)
    {
      if (sqlite3_db_readonly (self->db, "main") == 1)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be written (the file or its folder is read-only). "
                         "It can only be opened for review."),
                       display);
          return FALSE;
        }

      /* A file with content is backed up before it is migrated (and
       * before anything is written to it: jp-store-backup.c); without
       * the backup it is left as it is. */
      if (info.version < JP_STORE_SCHEMA_VERSION && !memory &&
          !_jp_store_backup_before_migration (self, error))
        return FALSE;

      if (!memory &&
          !_jp_store_exec_script (self, "PRAGMA journal_mode = WAL", error))
        return FALSE;

      if (!_jp_store_exec_script (self, "PRAGMA synchronous = FULL", error))
        return FALSE;

      if (info.version < JP_STORE_SCHEMA_VERSION && !migrate (self, error))
        return FALSE;
    }
  else if (info.version < JP_STORE_SCHEMA_VERSION)
    {
      if (!migrate_copy_in_memory (self, error))
        return FALSE;
    }

  if (info.version > 0 && info.version < JP_STORE_SCHEMA_VERSION &&
      !check_shape (self, TRUE, error))
    return FALSE;

  return TRUE;
}

/**
 * jp_store_open:
 * @path: a file name, or ":memory:"
 * @flags: #JpStoreFlags
 * @error: return location for a #JP_STORE_ERROR
 *
 * Opens (creating it and its folder when missing, unless read-only) and
 * migrates the database at @path. See jp-store.h.
 */
/* A database is a regular file, or a new name: anything else is refused
 * before SQLite opens it (a named pipe would block the open forever, and
 * SQLite would make a -journal beside a device). Links are followed. */
static gboolean
check_file_kind (const char  *path,
                 GError     **error)
{
  g_autofree char *display = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN,
               /* Translators: a file name, then "a folder", "a named pipe (FIFO)" … */
               _("Cannot open the database “%s”: it is %s, not a database file"),
               display, jp_file_kind_describe (st.st_mode));
  return FALSE;
}

JpStore *
jp_store_open (const char    *path,
               JpStoreFlags   flags,
               GError       **error)
{
  g_autoptr(JpStore) self = NULL;
  gboolean read_only = (flags & JP_STORE_FLAGS_READ_ONLY) != 0;
  gboolean memory;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memory = strcmp (path, ":memory:") == 0;
  if (!memory && !check_file_kind (path, error))
    return NULL;

  self = g_object_new (JP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (!open_database (self, path, read_only, memory, &created, error))
    {
      close_connection (self);
      if (created)
        remove_created_files (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
jp_store_get_path (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return self->path;
}

gboolean
jp_store_get_read_only (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), TRUE);

  return self->read_only;
}

const char *
jp_store_get_author (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return self->author;
}

void
jp_store_set_author (JpStore    *self,
                     const char *author)
{
  g_return_if_fail (JP_IS_STORE (self));

  if (author == NULL || author[0] == '\0')
    author = g_get_real_name ();

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gint64
jp_store_get_data_version (JpStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (JP_IS_STORE (self), 0);

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return 0;

  return version;
}

const char *
jp_store_get_private_copy (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return self->private_copy;
}

gint64
jp_store_mark_loaded (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), 0);

  self->loaded_version = jp_store_get_data_version (self);
  self->check_version = TRUE;
  return self->loaded_version;
}

gboolean
jp_store_has_external_changes (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);

  return self->check_version && jp_store_get_data_version (self) != self->loaded_version;
}

/* ---- Plans and history -------------------------------------------------- */

GPtrArray *
jp_store_list_plans (JpStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Counts that leave out what the plans would not load. */
  if (!_jp_store_check_references (self, error))
    return NULL;

  stmt = _jp_store_prepare (self,
                            "SELECT p.id, p.year, p.title,"
                            " (SELECT count(*) FROM sections s WHERE s.plan = p.id),"
                            " (SELECT count(*) FROM sections s"
                            "   JOIN items i ON i.section = s.id WHERE s.plan = p.id),"
                            " (SELECT count(*) FROM sections s"
                            "   JOIN items i ON i.section = s.id"
                            "   JOIN indicators ind ON ind.item = i.id WHERE s.plan = p.id)"
                            " FROM plans p ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_plan_info_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpPlanInfo *info;

      if (!_jp_store_check_row_text (self, stmt, "plans", sqlite3_column_int64 (stmt, 0), error))
        return NULL;

      info = g_new0 (JpPlanInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->year = sqlite3_column_int (stmt, 1);
      info->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->n_sections = (guint) sqlite3_column_int64 (stmt, 3);
      info->n_items = (guint) sqlite3_column_int64 (stmt, 4);
      info->n_indicators = (guint) sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (plans, info);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&plans);
}

gint64
jp_store_get_latest_plan_id (JpStore  *self,
                             GError  **error)
{
  gint64 id = 0;

  g_return_val_if_fail (JP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* Row ids only grow while the newest row stays (no AUTOINCREMENT
   * needed): the largest id is the latest insert among the plans left. */
  if (!query_int (self, "SELECT max(id) FROM plans", &id, error))
    return 0;

  return id;
}

gboolean
jp_store_delete_plan (JpStore  *self,
                      gint64    plan_id,
                      GError  **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, "DELETE FROM plans WHERE id = ?1 RETURNING title", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (title == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number */
                   _("There is no plan with the ID %s"), id);
      goto fail;
    }

  /* Its history goes with it; this row stays. */
  what = g_strdup_printf ("plan %" G_GINT64_FORMAT " delete", plan_id);
  if (!_jp_store_add_history (self, 0, what, title, NULL, error))
    goto fail;

  return _jp_store_commit (self, error);

fail:
  if (stmt != NULL)
    sqlite3_reset (stmt);
  _jp_store_rollback (self);
  return FALSE;
}

GPtrArray *
jp_store_list_history (JpStore  *self,
                       gint64    plan_id,
                       guint     limit,
                       GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _jp_store_prepare (self,
                            "SELECT id, plan, at, author, what, old_value, new_value"
                            " FROM history WHERE plan = ?1 ORDER BY id DESC LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_history_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpHistoryEntry *entry;

      if (!_jp_store_check_row_text (self, stmt, "history", sqlite3_column_int64 (stmt, 0), error))
        return NULL;

      entry = g_new0 (JpHistoryEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->plan_id = sqlite3_column_int64 (stmt, 1);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->author = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->what = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* ---- Test hooks ---------------------------------------------------------- */

void
_jp_store_set_default_busy_timeout (int timeout_ms)
{
  default_busy_timeout = timeout_ms;
}

void
_jp_store_set_busy_timeout (JpStore *self,
                            int      timeout_ms)
{
  g_return_if_fail (JP_IS_STORE (self));

  sqlite3_busy_timeout (self->db, timeout_ms);
}

gboolean
_jp_store_exec_for_test (JpStore     *self,
                         const char  *sql,
                         GError     **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), FALSE);

  return _jp_store_exec_script (self, sql, error);
}

sqlite3 *
_jp_store_get_db (JpStore *self)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);

  return self->db;
}
