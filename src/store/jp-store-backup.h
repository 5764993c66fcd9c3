#pragma once

#include <gio/gio.h>

#include "jp-store.h"

G_BEGIN_DECLS

/* Backups of the database (SQLite's online backup API: a consistent copy
 * even while another program writes), made before a migration and before
 * an import, kept in a folder (default $XDG_DATA_HOME/jinfeng-plan/backups)
 * under timestamped names:
 *
 *   NAME-HASH-YYYYMMDD-HHMMSS-mmm-REASON.db
 *   (UTC; "plans-1a2b3c4d-20230630-120000-123-import.db")
 *
 * where NAME is the database's file name without its extension and HASH
 * 8 hex digits of a hash of its full path (two databases of the same
 * name in different folders keep apart). Only the
 * newest N backups of a database are kept (N: GSettings "backups-to-keep"
 * in the window; the caller passes it). A copy is written under a
 * temporary name and renamed when complete, so a crash never leaves a
 * half-written backup under a backup's name. */

/* The default number of backups kept (the GSettings default). */
#define JP_STORE_BACKUPS_DEFAULT_KEEP 5

/* Why a backup was made (the REASON of its name). */
#define JP_STORE_BACKUP_MIGRATION "migration"
#define JP_STORE_BACKUP_IMPORT    "import"
#define JP_STORE_BACKUP_RESTORE   "restore"
#define JP_STORE_BACKUP_MANUAL    "manual"

typedef struct
{
  char      *path;    /* the backup file */
  char      *reason;  /* "import", "migration", "restore", "manual" … */
  GDateTime *time;    /* when it was made (UTC, from its name) */
  goffset    size;    /* bytes */
} JpBackupInfo;

void        jp_backup_info_free               (JpBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpBackupInfo, jp_backup_info_free)

/* $XDG_DATA_HOME/jinfeng-plan/backups */
char       *jp_store_dup_default_backup_folder (void) G_GNUC_WARN_UNUSED_RESULT;

/* Where and how many backups the store makes by itself (before migrating
 * a database): @folder NULL is the default folder; @keep 0 makes none.
 * Process-wide; the window sets it from its settings, the default is the
 * default folder and JP_STORE_BACKUPS_DEFAULT_KEEP. */
void        jp_store_set_backup_policy        (const char  *folder,
                                               guint        keep);
guint       jp_store_get_backups_to_keep      (void);
/* (transfer full): the folder of the policy */
char       *jp_store_dup_backup_folder        (void) G_GNUC_WARN_UNUSED_RESULT;

/* Copies the store's database into @folder (NULL: the policy's folder,
 * created when missing) and then deletes the oldest backups of the same
 * database beyond the newest @keep. @reason is a short lowercase word
 * ([a-z0-9]+). With @keep 0, or for a store in memory, nothing is done
 * and *@out_path is NULL. Errors: JP_STORE_ERROR_OPEN (the folder or the
 * copy cannot be written), JP_STORE_ERROR_FULL, JP_STORE_ERROR_BUSY. The
 * database itself is never changed. */
gboolean    jp_store_backup                   (JpStore     *self,
                                               const char  *folder,
                                               const char  *reason,
                                               guint        keep,
                                               char       **out_path,
                                               GError     **error);

/* How old the newest backup may be for a progress import not to make
 * another one (jp_store_backup_before_import()). */
#define JP_STORE_PROGRESS_BACKUP_MAX_AGE (24 * G_TIME_SPAN_HOUR)

/* Before an import writes to the store's database: checks it (PRAGMA
 * quick_check: a damaged file is refused, JP_STORE_ERROR_CORRUPT, before
 * any copy of it pushes an older, sound backup out; so is one with rows
 * that refer to missing rows), then backs it up
 * (reason "import", the policy's folder and number) unless it holds no
 * plan yet. For a progress import (@progress_only) no new copy is made
 * when the newest backup of this database is less than
 * JP_STORE_PROGRESS_BACKUP_MAX_AGE old, was not made before a restore,
 * and the history shows nothing but progress entries recorded since: that
 * copy holds everything else, and a copy of a large database for each
 * progress file costs seconds and its size on disk. @out_copied: (out)
 * (optional): whether a copy was made. @out_message: (out) (optional): a
 * sentence saying what was done (NULL when there was nothing to back
 * up). On error nothing was written. */
gboolean    jp_store_backup_before_import     (JpStore     *self,
                                               gboolean     progress_only,
                                               gboolean    *out_copied,
                                               char       **out_message,
                                               GError     **error);

/* The backups of the database at @db_path in @folder (NULL: the policy's
 * folder), newest first (array of JpBackupInfo); empty when the folder
 * does not exist. */
GPtrArray  *jp_store_list_backups_for_path    (const char  *db_path,
                                               const char  *folder,
                                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *jp_store_list_backups             (JpStore     *self,
                                               const char  *folder,
                                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Checks that @backup_path is a sound database of this application that
 * this version can open (NOT_A_DATABASE, CORRUPT, NEWER_SCHEMA otherwise),
 * backs up the current database first (reason "restore", same @folder and
 * @keep, so that the restore can itself be undone), then replaces the
 * whole content of the store's database with the backup's, in one
 * transaction (other connections see it through their data version), and
 * migrates it when the backup is of an older schema. Plans loaded before
 * are stale afterwards: load them again. Refused on a read-only store. */
gboolean    jp_store_restore_backup           (JpStore     *self,
                                               const char  *backup_path,
                                               const char  *folder,
                                               guint        keep,
                                               GError     **error);

/* For a database that cannot be opened any more (damaged, overwritten):
 * checks the backup as above, then puts a copy of it at @db_path. What
 * was at @db_path is never deleted: it is renamed, with its -wal and -shm
 * files, to "DB_PATH.damaged-YYYYMMDD-HHMMSS". No store may have
 * @db_path open meanwhile. The copy is migrated when it is next opened
 * for writing. */
gboolean    jp_store_restore_backup_to_path   (const char  *db_path,
                                               const char  *backup_path,
                                               GError     **error);

/* PRAGMA integrity_check and foreign_key_check: TRUE when both find
 * nothing; else JP_STORE_ERROR_CORRUPT with the first problems. */
gboolean    jp_store_check_integrity          (JpStore     *self,
                                               GError     **error);

/* Internal, for jp-store.c: the backup before migrating a database that
 * has content, following the policy (the error says that the database
 * was not changed). */
gboolean    _jp_store_backup_before_migration (JpStore     *self,
                                               GError     **error);

G_END_DECLS
