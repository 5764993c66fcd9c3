#pragma once

#include <sqlite3.h>

#include "jp-store.h"

G_BEGIN_DECLS

/* Shared by the .c files of src/store. Nothing outside src/store includes this, except
 * tests/test-store.c for the fault hooks at the end. */

/* The schema version this code writes (PRAGMA user_version). */
#define JP_STORE_SCHEMA_VERSION 2

/* PRAGMA application_id of our files: "JPLN". */
#define JP_STORE_APPLICATION_ID 0x4A504C4E

/* Milliseconds an access waits for another connection's lock. */
#define JP_STORE_DEFAULT_BUSY_TIMEOUT 3000

struct _JpStore
{
  GObject     parent_instance;

  sqlite3    *db;           /* Owned */
  char       *path;
  char       *author;
  /* Prepared statements, keyed by the address of their (static) SQL text:
   * each kind is prepared once. Owned (sqlite3_finalize). */
  GHashTable *statements;
  /* The declared type of each column of a cached statement (an array of
   * SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or 0), keyed by the
   * statement: _jp_store_check_row_text(). Owned. */
  GHashTable *column_types;
  gint64      loaded_version; /* jp_store_mark_loaded() */
  char       *private_copy; /* review: the copy read instead (removed at the end) */
  guint       read_only : 1;
  guint       check_version : 1; /* edits check loaded_version */
  guint       batch_depth;       /* jp_store_begin_batch(): edits are savepoints */
  guint       batch_broken : 1;  /* SQLite ended the batch's transaction itself */
  guint       references_checked : 1; /* _jp_store_check_references() found nothing */
  guint       write_checked : 1;      /* PRAGMA quick_check before the first write */
};

/* A cached statement; the autoptr cleanup resets it (it stays cached). */
typedef sqlite3_stmt JpStmt;

void            _jp_stmt_release          (JpStmt       *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpStmt, _jp_stmt_release)

/* @sql must be a string literal (static storage). */
JpStmt         *_jp_store_prepare         (JpStore      *self,
                                           const char   *sql,
                                           GError      **error);
/* Sets @error from an SQLite result code, with the connection's message. */
void            _jp_store_set_error       (JpStore      *self,
                                           GError      **error,
                                           int           rc);
/* Steps a statement that returns no row; resets it. */
gboolean        _jp_store_exec            (JpStore      *self,
                                           JpStmt       *stmt,
                                           GError      **error);
/* Runs a literal SQL script (schema, pragmas). */
gboolean        _jp_store_exec_script     (JpStore      *self,
                                           const char   *sql,
                                           GError      **error);

/* BEGIN IMMEDIATE (refused on a read-only store), COMMIT (rolls back when
 * the commit fails), ROLLBACK (keeps @error's first message). In a batch:
 * SAVEPOINT, RELEASE, ROLLBACK TO of one step. */
gboolean        _jp_store_begin           (JpStore      *self,
                                           GError      **error);
gboolean        _jp_store_commit          (JpStore      *self,
                                           GError      **error);
void            _jp_store_rollback        (JpStore      *self);
/* _jp_store_begin() for an edit of loaded objects: also refuses with
 * JP_STORE_ERROR_CHANGED (and rolls back) when another connection
 * committed since jp_store_mark_loaded(). */
gboolean        _jp_store_begin_edit      (JpStore      *self,
                                           GError      **error);

/* A file changed by hand (JP_STORE_ERROR_CORRUPT): "The database “FILE”
 * is damaged: @detail". */
void            _jp_store_set_damaged     (JpStore      *self,
                                           GError      **error,
                                           const char   *detail);
/* Checks the current row of @stmt: each column of a table holds its
 * declared type (or NULL), text is valid UTF-8 without NUL characters, as
 * the model needs; else a damage error naming @table, @row_id and the
 * column. */
gboolean        _jp_store_check_row_text  (JpStore      *self,
                                           JpStmt       *stmt,
                                           const char   *table,
                                           gint64        row_id,
                                           GError      **error);
/* PRAGMA foreign_key_check, once per store (until it finds nothing): a row
 * that refers to a row that does not exist (an item whose section is
 * gone …) would be left out of every load; a damage error names it. */
gboolean        _jp_store_check_references (JpStore     *self,
                                            GError     **error);

/* PRAGMA quick_check, before an import writes (the backup before an
 * import calls it first, so that a copy of a damaged file does not push
 * good backups out either): JP_STORE_ERROR_CORRUPT with SQLite's
 * findings, and the file named. Once it passed, free. */
gboolean        _jp_store_check_before_write (JpStore   *self,
                                              GError   **error);

/* One row of the change history, inside the current transaction. */
gboolean        _jp_store_add_history     (JpStore      *self,
                                           gint64        plan_id,
                                           const char   *what,
                                           const char   *old_value,
                                           const char   *new_value,
                                           GError      **error);

/* Migrations (jp-store-migrations.c): brings @db from @from_version to
 * JP_STORE_SCHEMA_VERSION; the caller holds a write transaction. */
gboolean        _jp_store_migrate         (sqlite3      *db,
                                           int           from_version,
                                           GError      **error);

/* The owner of a child the store placed in the model: the indicator of a
 * progress entry, the item of an update (both known to the model: the
 * store records nothing), the plan of a leader or unit, the store of a
 * plan (recorded weakly by _jp_store_set_owner). */
void            _jp_store_set_owner       (gpointer      child,
                                           gpointer      owner);
gpointer        _jp_store_dup_owner       (gpointer      child);

/* Loads the progress histories of every indicator of @item or @section
 * that has not got it yet, in one query. */
gboolean        _jp_store_load_histories  (JpStore      *self,
                                           JpSection    *section,
                                           JpItem       *item,
                                           GError      **error);
gboolean        _jp_store_load_history    (JpStore      *self,
                                           JpIndicator  *indicator,
                                           GError      **error);

/* Inserting subtrees (jp_store_insert_plans and the edit API). The ids are
 * collected and given to the objects only after the commit. */
typedef struct _JpInsertContext JpInsertContext;

JpInsertContext *_jp_insert_context_new   (JpStore      *self,
                                           JpPlan       *plan,
                                           gint64        plan_id);
void            _jp_insert_context_free   (JpInsertContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpInsertContext, _jp_insert_context_free)
/* After a successful commit: sets every id and owner. */
void            _jp_insert_context_apply  (JpInsertContext *ctx);
gboolean        _jp_store_insert_section_tree   (JpInsertContext *ctx,
                                                 guint            position,
                                                 JpSection       *section,
                                                 GError         **error);
gboolean        _jp_store_insert_item_tree      (JpInsertContext *ctx,
                                                 gint64           section_id,
                                                 guint            position,
                                                 JpItem          *item,
                                                 GError         **error);
gboolean        _jp_store_insert_indicator_tree (JpInsertContext *ctx,
                                                 gint64           item_id,
                                                 guint            position,
                                                 JpIndicator     *indicator,
                                                 GError         **error);
/* The plan's lists of an item. */
typedef enum
{
  JP_LINK_LEADERS,
  JP_LINK_UNITS,
  JP_LINK_PARTNER_UNITS,
} JpLinkKind;

/* A leader or unit inserted in this transaction (its id is pending). */
void            _jp_insert_context_remember_person (JpInsertContext *ctx,
                                                    gpointer         person,
                                                    gint64           id);
/* Rows of one list of an item (the old rows must be deleted first). The
 * people must be the plan's. */
gboolean        _jp_store_write_links           (JpInsertContext *ctx,
                                                 JpItem          *item,
                                                 gint64           item_id,
                                                 JpLinkKind       kind,
                                                 gpointer        *people,
                                                 guint            n_people,
                                                 GError         **error);
gboolean        _jp_store_insert_person_row     (JpInsertContext *ctx,
                                                 guint            position,
                                                 gpointer         person,
                                                 GError         **error);
gboolean        _jp_store_insert_progress_row   (JpInsertContext *ctx,
                                                 gint64           indicator_id,
                                                 JpProgressEntry *entry,
                                                 GError         **error);
gboolean        _jp_store_insert_update_row     (JpInsertContext *ctx,
                                                 gint64           item_id,
                                                 JpItemUpdate    *update,
                                                 GError         **error);
char           *_jp_store_organizations_to_json (const char * const *organizations) G_GNUC_WARN_UNUSED_RESULT;

/* Makes sure every indicator below @object (plan, section, item,
 * indicator) holds its whole history, so that it can be written again. */
gboolean        _jp_store_ensure_histories      (gpointer         object,
                                                 GError         **error);

void            _jp_store_install_loader  (JpStore      *self,
                                           JpPlan       *plan);

/* Formats for history rows. */
char           *_jp_store_format_double   (double        value) G_GNUC_WARN_UNUSED_RESULT;
char           *_jp_store_dup_now         (void) G_GNUC_WARN_UNUSED_RESULT;

/* ---- Test hooks ---------------------------------------------------------- */

/* The busy timeout of stores opened from now on (and of @self when not
 * NULL), in milliseconds. */
void            _jp_store_set_default_busy_timeout (int      timeout_ms);
void            _jp_store_set_busy_timeout         (JpStore *self,
                                                    int      timeout_ms);
/* Runs literal SQL on the store's connection (e.g. "PRAGMA max_page_count"),
 * bypassing the read-only check. For tests that provoke faults. */
gboolean        _jp_store_exec_for_test            (JpStore    *self,
                                                    const char *sql,
                                                    GError    **error);
/* The connection, for tests. */
sqlite3        *_jp_store_get_db                   (JpStore    *self);

G_END_DECLS
