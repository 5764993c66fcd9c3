#pragma once

#include <adwaita.h>

#include "jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_BACKUP_DIALOG (jp_backup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JpBackupDialog, jp_backup_dialog, JP, BACKUP_DIALOG, AdwWindow)

/* Restore Backup…: the backups of @store's database (jp-store-backup.h),
 * newest first, with when and why each was made and its size. Restore…
 * on a row asks for confirmation (an AdwMessageDialog), then replaces the
 * content of the database with the backup's (after backing up the current
 * content, so that the restore can be undone the same way) and emits
 * "restored": the plans loaded before are stale, load them again.
 * "Back Up Now" makes a copy at once. */
JpBackupDialog *jp_backup_dialog_new              (JpStore        *store) G_GNUC_WARN_UNUSED_RESULT;
/* The backups listed (array of JpBackupInfo, borrowed). */
GPtrArray      *jp_backup_dialog_get_backups      (JpBackupDialog *self);
/* Lists the backups again. */
void            jp_backup_dialog_reload           (JpBackupDialog *self);
/* What Restore… on the row of @path does: asks for confirmation. */
void            jp_backup_dialog_restore          (JpBackupDialog *self,
                                                   const char     *path);
/* The confirmation while it is open (borrowed; NULL otherwise): its
 * responses are "cancel" and "restore". */
AdwMessageDialog *jp_backup_dialog_get_confirmation (JpBackupDialog *self);
/* The error of the last restore or backup (NULL: none). */
const char     *jp_backup_dialog_get_error        (JpBackupDialog *self);

G_END_DECLS
