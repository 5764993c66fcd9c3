/* jp-store-migrations.c: the schema, in forward steps
 *
 * Each step brings the schema from version N − 1 to N and ends by setting
 * PRAGMA user_version to N. The steps run inside the opener's write
 * transaction, so a failed step leaves the file as it was.
 *
 * To change the schema: append a step (never edit a released one), raise
 * JP_STORE_SCHEMA_VERSION in jp-store-private.h, and add a test that builds
 * a file at the previous version and opens it.
 */

#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "jp-store-private.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  int         version;
  const char *sql;
} Migration;

/* Version 1. Conventions:
 * - text fields are NOT NULL ('' when empty), dates are ISO "YYYY-MM-DD"
 *   or NULL when not set;
 * - optional numbers (target_max, baseline, completion) are NULL when not
 *   set; numbers are REAL and stored exactly as the model holds them;
 * - position is the 0-based index among the siblings, kept contiguous;
 * - every child has an index on its parent column (loads, cascades). */
static const char migration_1[] =
  "PRAGMA application_id = 1246776398;\n" /* JP_STORE_APPLICATION_ID */
  "CREATE TABLE plans (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  title         TEXT NOT NULL DEFAULT '',\n"
  "  year          INTEGER NOT NULL,\n"
  "  organizations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (organizations)),\n"
  "  preamble      TEXT NOT NULL DEFAULT '',\n"
  "  start_date    TEXT,\n"
  "  end_date      TEXT,\n"
  "  created       TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE leaders (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  plan     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name     TEXT NOT NULL,\n"
  "  UNIQUE (plan, name)\n"
  ") STRICT;\n"
  "CREATE INDEX leaders_plan ON leaders (plan, position);\n"
  "CREATE TABLE units (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  plan     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name     TEXT NOT NULL,\n"
  "  UNIQUE (plan, name)\n"
  ") STRICT;\n"
  "CREATE INDEX units_plan ON units (plan, position);\n"
  "CREATE TABLE sections (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  plan     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  ordinal  TEXT NOT NULL DEFAULT '',\n"
  "  title    TEXT NOT NULL DEFAULT ''\n"
  ") STRICT;\n"
  "CREATE INDEX sections_plan ON sections (plan, position);\n"
  "CREATE TABLE items (\n"
  "  id       INTEGER PRIMARY KEY,\n"
  "  section  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  number   INTEGER NOT NULL,\n"
  "  title    TEXT NOT NULL DEFAULT '',\n"
  "  body     TEXT NOT NULL DEFAULT '',\n"
  "  due      TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX items_section ON items (section, position);\n"
  /* A leader or unit named by an item cannot be deleted (NO ACTION: checked
   * at the end of the statement, so deleting a whole plan works). */
  "CREATE TABLE item_leaders (\n"
  "  item     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,\n"
  "  leader   INTEGER NOT NULL REFERENCES leaders (id),\n"
  "  role     TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('lead', 'partner')),\n"
  "  position INTEGER NOT NULL,\n"
  "  PRIMARY KEY (item, role, leader)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX item_leaders_order ON item_leaders (item, position);\n"
  "CREATE INDEX item_leaders_leader ON item_leaders (leader);\n"
  "CREATE TABLE item_units (\n"
  "  item     INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,\n"
  "  unit     INTEGER NOT NULL REFERENCES units (id),\n"
  "  role     TEXT NOT NULL CHECK (role IN ('lead', 'partner')),\n"
  "  position INTEGER NOT NULL,\n"
  "  PRIMARY KEY (item, role, unit)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX item_units_order ON item_units (item, role, position);\n"
  "CREATE INDEX item_units_unit ON item_units (unit);\n"
  "CREATE TABLE item_updates (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  item       INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,\n"
  "  date       TEXT,\n"
  "  completion REAL,\n"
  "  note       TEXT NOT NULL DEFAULT '',\n"
  "  problems   TEXT NOT NULL DEFAULT '',\n"
  "  next_steps TEXT NOT NULL DEFAULT '',\n"
  "  author     TEXT NOT NULL DEFAULT ''\n"
  ") STRICT;\n"
  "CREATE INDEX item_updates_item ON item_updates (item, date);\n"
  "CREATE TABLE indicators (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  item       INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,\n"
  "  position   INTEGER NOT NULL,\n"
  "  name       TEXT NOT NULL DEFAULT '',\n"
  "  text       TEXT NOT NULL DEFAULT '',\n"
  "  kind       TEXT NOT NULL CHECK (kind IN ('at_least', 'at_most', 'range',\n"
  "                                           'decrease_by', 'increase_by',\n"
  "                                           'milestone')),\n"
  "  target     REAL NOT NULL,\n"
  "  target_max REAL,\n"
  "  unit       TEXT NOT NULL DEFAULT '',\n"
  "  baseline   REAL,\n"
  "  due        TEXT,\n"
  "  weight     REAL NOT NULL DEFAULT 1\n"
  ") STRICT;\n"
  "CREATE INDEX indicators_item ON indicators (item, position);\n"
  "CREATE TABLE progress (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  indicator INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,\n"
  "  date      TEXT,\n"
  "  value     REAL NOT NULL,\n"
  "  note      TEXT NOT NULL DEFAULT '',\n"
  "  author    TEXT NOT NULL DEFAULT ''\n"
  ") STRICT;\n"
  "CREATE INDEX progress_indicator ON progress (indicator, date);\n"
  "CREATE TABLE history (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  plan      INTEGER REFERENCES plans (id) ON DELETE CASCADE,\n"
  "  at        TEXT NOT NULL,\n"
  "  author    TEXT NOT NULL DEFAULT '',\n"
  "  what      TEXT NOT NULL,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX history_plan ON history (plan, id);\n"
  "PRAGMA user_version = 1;\n";

/* Version 2: expected-progress curves (plan default, item, indicator) and
 * the plan's reporting cycle, as the specs of jp-curve.h; NULL inherits
 * (a plan's NULL curve is linear, its NULL cycle none). */
static const char migration_2[] =
  "ALTER TABLE plans ADD COLUMN curve TEXT;\n"
  "ALTER TABLE plans ADD COLUMN report_cycle TEXT;\n"
  "ALTER TABLE items ADD COLUMN curve TEXT;\n"
  "ALTER TABLE indicators ADD COLUMN curve TEXT;\n"
  "PRAGMA user_version = 2;\n";

static const Migration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == JP_STORE_SCHEMA_VERSION);

gboolean
_jp_store_migrate (sqlite3  *db,
                   int       from_version,
                   GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  /* jp-store.c refuses such a file before it gets here. */
  if (from_version < 0)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %d is a number (negative) */
                   _("The database’s schema version, %d, is not one this application writes"),
                   from_version);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      char *errmsg = NULL;
      int rc;

      if (migrations[i].version <= from_version)
        continue;

      g_debug ("Migrating the schema to version %d", migrations[i].version);

      rc = sqlite3_exec (db, migrations[i].sql, NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        {
          JpStoreError code;

          switch (rc & 0xff)
            {
            case SQLITE_FULL:
              code = JP_STORE_ERROR_FULL;
              break;
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
              code = JP_STORE_ERROR_BUSY;
              break;
            case SQLITE_READONLY:
              code = JP_STORE_ERROR_READ_ONLY;
              break;
            default:
              code = JP_STORE_ERROR_FAILED;
              break;
            }

          g_set_error (error, JP_STORE_ERROR, code,
                       /* Translators: %d is a schema version, %s SQLite's message */
                       _("Could not upgrade the database to version %d: %s"),
                       migrations[i].version,
                       errmsg != NULL ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          return FALSE;
        }
    }

  return TRUE;
}
