#pragma once

#include <gio/gio.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_STORE_ERROR (jp_store_error_quark ())

typedef enum
{
  JP_STORE_ERROR_OPEN,           /* cannot open or create the file */
  JP_STORE_ERROR_NOT_A_DATABASE, /* the file is not an SQLite database */
  JP_STORE_ERROR_NEWER_SCHEMA,   /* written by a newer version: refused */
  JP_STORE_ERROR_READ_ONLY,      /* a write to a read-only store */
  JP_STORE_ERROR_BUSY,           /* locked by another program */
  JP_STORE_ERROR_FULL,           /* disk or database full */
  JP_STORE_ERROR_CONSTRAINT,     /* the edit breaks a rule (duplicate name …) */
  JP_STORE_ERROR_NOT_FOUND,      /* no such plan or object */
  JP_STORE_ERROR_CORRUPT,        /* integrity problem */
  JP_STORE_ERROR_FAILED,         /* any other SQLite error */
  JP_STORE_ERROR_MOVED,          /* the file was deleted or replaced while open:
                                  * nothing more can be saved to it */
  JP_STORE_ERROR_CHANGED,        /* another program committed since the plans
                                  * were loaded (jp_store_mark_loaded): reload */
} JpStoreError;

typedef enum
{
  JP_STORE_FLAGS_NONE      = 0,
  JP_STORE_FLAGS_READ_ONLY = 1 << 0,
} JpStoreFlags;

/* One line of --list. */
typedef struct
{
  gint64  id;
  int     year;
  char   *title;
  guint   n_sections;
  guint   n_items;
  guint   n_indicators;
} JpPlanInfo;

/* One row of the change history. */
typedef struct
{
  gint64  id;
  gint64  plan_id;
  char   *at;       /* ISO 8601 UTC timestamp */
  char   *author;
  char   *what;     /* "indicator 12 target", "item 3 leaders" … */
  char   *old_value;
  char   *new_value;
} JpHistoryEntry;

void            jp_plan_info_free     (JpPlanInfo     *info);
void            jp_history_entry_free (JpHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpPlanInfo, jp_plan_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpHistoryEntry, jp_history_entry_free)

#define JP_TYPE_STORE (jp_store_get_type ())

G_DECLARE_FINAL_TYPE (JpStore, jp_store, JP, STORE, GObject)

GQuark      jp_store_error_quark          (void);

/* Opens (creating it and its folder when missing, unless read-only) and
 * migrates the database at @path; ":memory:" for tests. A file of a newer
 * schema is refused when writable, and opened read-only with
 * JP_STORE_FLAGS_READ_ONLY (review mode); a file that is not a database is
 * an error; nothing is ever altered on failure. Errors:
 * - NOT_A_DATABASE: not SQLite (the header is checked before SQLite opens
 *   it), unreadable by SQLite, or another program's SQLite database;
 * - NEWER_SCHEMA: written by a newer version (only when writable);
 * - READ_ONLY: the file or its folder cannot be written (only when
 *   writable): open it again with JP_STORE_FLAGS_READ_ONLY to review it;
 * - BUSY: another program held a lock longer than the busy timeout (3 s);
 * - OPEN: missing (read-only mode), a folder, or a folder that cannot be
 *   created.
 * Read-only opening never writes: a WAL database in a folder that cannot be
 * written is read as immutable (or, with commits in its -wal and no -shm,
 * through a private copy: jp_store_get_private_copy), and an older schema
 * is migrated in a copy in memory. The store is "read-only" (property) when opened so.
 *
 * Threads: a store, and the model objects it loads, may be handed from one
 * thread to another (a plan read in a worker thread, then shown), but must
 * never be used by two threads at once: its connection is opened without
 * SQLite's per-call mutex (SQLITE_OPEN_NOMUTEX). */
JpStore    *jp_store_open                 (const char      *path,
                                           JpStoreFlags     flags,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
const char *jp_store_get_path             (JpStore         *self);
gboolean    jp_store_get_read_only        (JpStore         *self);
/* Review mode of a WAL database in a folder that cannot be written, with
 * commits waiting in its -wal file and no -shm index (which SQLite cannot
 * make there): the store reads a copy of the database and its -wal in a
 * private temporary folder (removed with the store), as the file will be
 * once the -wal is checkpointed. The copy's path; NULL when the store
 * reads the file itself. */
const char *jp_store_get_private_copy     (JpStore         *self);
/* Who edits (the history's author; also the "author" property, for
 * g_settings_bind); NULL or "" means g_get_real_name(). */
const char *jp_store_get_author           (JpStore         *self);
void        jp_store_set_author           (JpStore         *self,
                                           const char      *author);
/* Changes when another connection (another program, another window)
 * commits, not on this store's own commits (PRAGMA data_version): poll it
 * (e.g. on focus or a timer) and reload the plan when it changed. */
gint64      jp_store_get_data_version     (JpStore         *self);
/* For a model kept open while others may write (the window): call it
 * before loading the plans. From then on every edit of the edit API below
 * and jp_store_delete_plan() first checks, inside its write transaction,
 * that no other connection committed since; if one did, nothing is written
 * and the edit fails with JP_STORE_ERROR_CHANGED: reload the plans (calling
 * this again first). Without it (the command line) edits are not checked.
 * Returns the data version now. */
gint64      jp_store_mark_loaded          (JpStore         *self);
/* Several edits as one transaction, all or nothing (see jp-store.c). */
gboolean    jp_store_begin_batch          (JpStore         *self,
                                           GError         **error);
gboolean    jp_store_end_batch            (JpStore         *self,
                                           gboolean         commit,
                                           GError         **error);
/* TRUE when another connection committed since jp_store_mark_loaded()
 * (FALSE when it was never called): a cheap poll. */
gboolean    jp_store_has_external_changes (JpStore         *self);

/* Plans, oldest first (array of JpPlanInfo). */
GPtrArray  *jp_store_list_plans           (JpStore         *self,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The most recently imported plan's id; 0 when the database has none. */
gint64      jp_store_get_latest_plan_id   (JpStore         *self,
                                           GError         **error);
/* Structure and each indicator's latest entry, eagerly; progress histories
 * when asked (jp_indicator_ensure_history). */
JpPlan     *jp_store_load_plan            (JpStore         *self,
                                           gint64           plan_id,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Inserts whole plans (with everything below them) in one transaction and
 * gives every object its id; all or nothing. */
gboolean    jp_store_insert_plans         (JpStore         *self,
                                           JpPlan         **plans,
                                           guint            n_plans,
                                           GError         **error);
/* Deletes a plan with everything in it, and its history (one history row
 * with no plan records the deletion). Not undoable through the store:
 * jp_store_insert_plans() of the loaded plan makes a copy with new ids. */
gboolean    jp_store_delete_plan          (JpStore         *self,
                                           gint64           plan_id,
                                           GError         **error);
/* History of a plan, newest first; @limit 0 = all. */
GPtrArray  *jp_store_list_history         (JpStore         *self,
                                           gint64           plan_id,
                                           guint            limit,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* ---- The edit API ------------------------------------------------------
 * Every function below is one edit: it commits one transaction (the change
 * and its history row) and only then updates the model and emits the plan's
 * "changed". On error nothing changed, in the file or in memory. Undo and
 * redo call the same functions. Objects must belong to a plan loaded from
 * (or inserted into) this store. */

/* Sets one property of a plan, section, item, indicator, progress entry,
 * item update, leader or unit: the property names of the model
 * ("title", "target", "has-target-max", "due", "name" …). The value is
 * normalized as the model's setter does it (NULL text is "", "" dates are
 * NULL, completion is clamped). Setting a value to what it is already is a
 * no-op (no history row). A plan's "year" moves "start" and "end" along as
 * the model does (one edit). "target-max", "baseline" and "completion" are
 * only stored while their "has-" property is TRUE: set while it is FALSE,
 * only the model keeps them (nothing to save); switching "has-…" on saves
 * the model's value. A property the store cannot edit (e.g. "id") is a
 * JP_STORE_ERROR_FAILED error. */
gboolean    jp_store_set                  (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           const GValue    *value,
                                           GError         **error);
gboolean    jp_store_set_string           (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           const char      *value,
                                           GError         **error);
gboolean    jp_store_set_double           (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           double           value,
                                           GError         **error);
gboolean    jp_store_set_int              (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           int              value,
                                           GError         **error);
gboolean    jp_store_set_boolean          (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           gboolean         value,
                                           GError         **error);
gboolean    jp_store_set_enum             (JpStore         *self,
                                           gpointer         object,
                                           const char      *property,
                                           int              value,
                                           GError         **error);

gboolean    jp_store_add_progress         (JpStore         *self,
                                           JpIndicator     *indicator,
                                           JpProgressEntry *entry,
                                           GError         **error);
gboolean    jp_store_remove_progress      (JpStore         *self,
                                           JpIndicator     *indicator,
                                           JpProgressEntry *entry,
                                           GError         **error);
/* Records several progress values in one transaction, all or nothing:
 * for each i, @entries[i] is added to @indicators[i], or, when
 * @replaced[i] is not NULL (an entry of that indicator), that entry takes
 * the value and note of @entries[i] (which is then not kept). Each is one
 * history row. One entry per indicator and date: when the file holds an
 * entry of a new entry's date, or a replaced entry no longer holds the
 * value read (another program wrote meanwhile), nothing is written
 * (JP_STORE_ERROR_CHANGED). The model is updated after the commit only (in time
 * linear in the entries: an indicator given many entries is refilled at
 * once); on error nothing changed, in the file or in memory. @replaced
 * may be NULL when nothing is replaced. */
gboolean    jp_store_record_progress      (JpStore          *self,
                                           JpIndicator     **indicators,
                                           JpProgressEntry **entries,
                                           JpProgressEntry **replaced,
                                           guint             n_entries,
                                           GError          **error);
gboolean    jp_store_add_update           (JpStore         *self,
                                           JpItem          *item,
                                           JpItemUpdate    *update,
                                           GError         **error);
gboolean    jp_store_remove_update        (JpStore         *self,
                                           JpItem          *item,
                                           JpItemUpdate    *update,
                                           GError         **error);

/* Progress entries and updates are owned by the indicator or item they
 * were added to (through the store, or loaded). Removing an entry loads
 * the indicator's whole history first. */

/* Structure. An inserted object may carry its children (an undone delete
 * puts the whole subtree back, keeping nothing of the old ids): a section
 * with its items, an item with its leaders/units lists (the plan's own
 * objects, matched by name otherwise), updates and indicators, an
 * indicator with its progress entries. The removal functions load every
 * progress history below the object first, so the removed object holds
 * all that is needed to insert it again (undo = insert at the old index).
 * Positions are 0-based indexes; for a move, the index after the move
 * (moving an item to another section: its index there, 0…n). */
gboolean    jp_store_insert_section       (JpStore         *self,
                                           JpPlan          *plan,
                                           guint            position,
                                           JpSection       *section,
                                           GError         **error);
gboolean    jp_store_remove_section       (JpStore         *self,
                                           JpSection       *section,
                                           GError         **error);
gboolean    jp_store_move_section         (JpStore         *self,
                                           JpSection       *section,
                                           guint            position,
                                           GError         **error);
gboolean    jp_store_insert_item          (JpStore         *self,
                                           JpSection       *section,
                                           guint            position,
                                           JpItem          *item,
                                           GError         **error);
gboolean    jp_store_remove_item          (JpStore         *self,
                                           JpItem          *item,
                                           GError         **error);
/* Moves an item within or across sections. */
gboolean    jp_store_move_item            (JpStore         *self,
                                           JpItem          *item,
                                           JpSection       *section,
                                           guint            position,
                                           GError         **error);
/* Numbers the items 1…n in plan order (one transaction). */
gboolean    jp_store_renumber_items       (JpStore         *self,
                                           JpPlan          *plan,
                                           GError         **error);
/* Gives each of @items (of one plan) the number @numbers[i], in one
 * transaction: the undo of a renumbering (save the numbers before). */
gboolean    jp_store_set_item_numbers     (JpStore         *self,
                                           JpItem         **items,
                                           const int       *numbers,
                                           guint            n_items,
                                           GError         **error);
gboolean    jp_store_insert_indicator     (JpStore         *self,
                                           JpItem          *item,
                                           guint            position,
                                           JpIndicator     *indicator,
                                           GError         **error);
gboolean    jp_store_remove_indicator     (JpStore         *self,
                                           JpIndicator     *indicator,
                                           GError         **error);
gboolean    jp_store_move_indicator       (JpStore         *self,
                                           JpIndicator     *indicator,
                                           guint            position,
                                           GError         **error);

/* People and units. Leaders/units passed to the item setters must be the
 * plan's (jp_store_add_leader first for a new name). */
gboolean    jp_store_set_item_leaders     (JpStore         *self,
                                           JpItem          *item,
                                           JpLeader       **leaders,
                                           guint            n_leaders,
                                           GError         **error);
gboolean    jp_store_set_item_units       (JpStore         *self,
                                           JpItem          *item,
                                           JpUnit         **units,
                                           guint            n_units,
                                           GError         **error);
gboolean    jp_store_set_item_partner_units (JpStore       *self,
                                           JpItem          *item,
                                           JpUnit         **units,
                                           guint            n_units,
                                           GError         **error);
gboolean    jp_store_add_leader           (JpStore         *self,
                                           JpPlan          *plan,
                                           guint            position,
                                           JpLeader        *leader,
                                           GError         **error);
/* Removes the leader from the plan and from every item that names it
 * (as jp_plan_remove_leader does). Undo: the _full variant. */
gboolean    jp_store_remove_leader        (JpStore         *self,
                                           JpLeader        *leader,
                                           GError         **error);
gboolean    jp_store_add_unit             (JpStore         *self,
                                           JpPlan          *plan,
                                           guint            position,
                                           JpUnit          *unit,
                                           GError         **error);
/* Removes the unit from the plan and from every item list that names it
 * (as jp_plan_remove_unit does). Undo: the _full variant. */
gboolean    jp_store_remove_unit          (JpStore         *self,
                                           JpUnit          *unit,
                                           GError         **error);
/* Every item that names @from names @into instead (once, in @from's
 * place), and @from leaves the plan. */
gboolean    jp_store_merge_leaders        (JpStore         *self,
                                           JpLeader        *from,
                                           JpLeader        *into,
                                           GError         **error);
gboolean    jp_store_merge_units          (JpStore         *self,
                                           JpUnit          *from,
                                           JpUnit          *into,
                                           GError         **error);

/* ---- Undoing merges and removals of leaders and units ------------------
 * The _full variants hand out a record of what changed (where @from was
 * among the plan's leaders or units, and each affected item's list
 * before); jp_store_unmerge() undoes it in one transaction: @from comes
 * back at its index (with a new id) and every affected item gets its
 * previous list back. A removal is recorded the same way (a merge into
 * nothing). Redo: call the _full function again (a new record). */
typedef struct _JpMergeRecord JpMergeRecord;

void        jp_merge_record_free          (JpMergeRecord   *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpMergeRecord, jp_merge_record_free)
/* The JpLeader or JpUnit that left the plan; the one it merged into
 * (NULL for a removal). Borrowed. */
gpointer    jp_merge_record_get_from      (JpMergeRecord   *record);
gpointer    jp_merge_record_get_into      (JpMergeRecord   *record);

gboolean    jp_store_merge_leaders_full   (JpStore         *self,
                                           JpLeader        *from,
                                           JpLeader        *into,
                                           JpMergeRecord  **out_record,
                                           GError         **error);
gboolean    jp_store_merge_units_full     (JpStore         *self,
                                           JpUnit          *from,
                                           JpUnit          *into,
                                           JpMergeRecord  **out_record,
                                           GError         **error);
gboolean    jp_store_remove_leader_full   (JpStore         *self,
                                           JpLeader        *leader,
                                           JpMergeRecord  **out_record,
                                           GError         **error);
gboolean    jp_store_remove_unit_full     (JpStore         *self,
                                           JpUnit          *unit,
                                           JpMergeRecord  **out_record,
                                           GError         **error);
gboolean    jp_store_unmerge              (JpStore         *self,
                                           JpMergeRecord   *record,
                                           GError         **error);

G_END_DECLS
