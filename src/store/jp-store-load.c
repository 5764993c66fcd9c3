/* jp-store-load.c: loading plans into the model and writing whole subtrees
 *
 * A plan loads in a fixed number of queries, one per table, each ordered
 * the way the plan is (section, item, then the child's own order), so that
 * the rows attach to their parents in one pass. Progress histories load on
 * demand, through the loader installed on the plan; only each indicator's
 * latest entry loads with the plan.
 */

#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "jp-store-private.h"
#include "jp-store.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* ---- Column helpers ----------------------------------------------------- */

static const char *
column_text (JpStmt *stmt,
             int     column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
column_is_null (JpStmt *stmt,
                int     column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

/* Text fields are never NULL in the model. */
static void
bind_text (JpStmt     *stmt,
           int         index,
           const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* Dates: NULL when not set. */
static void
bind_date (JpStmt     *stmt,
           int         index,
           const char *date)
{
  if (date != NULL && date[0] != '\0')
    sqlite3_bind_text (stmt, index, date, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_optional_double (JpStmt   *stmt,
                      int       index,
                      gboolean  has_value,
                      double    value)
{
  if (has_value)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
organizations_to_json (const char * const *organizations)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; organizations != NULL && organizations[i] != NULL; i++)
    json_builder_add_string_value (builder, organizations[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char **
organizations_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *node = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (node) &&
                  json_node_get_value_type (node) == G_TYPE_STRING)
                g_ptr_array_add (names, g_strdup (json_node_get_string (node)));
            }
        }
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
_jp_store_organizations_to_json (const char * const *organizations)
{
  return organizations_to_json (organizations);
}

/* ---- Progress histories -------------------------------------------------- */

static JpProgressEntry *
entry_from_row (JpStmt *stmt,
                int     first)
{
  JpProgressEntry *entry;

  entry = jp_progress_entry_new (column_text (stmt, first + 1),
                                 sqlite3_column_double (stmt, first + 2));
  jp_progress_entry_set_id (entry, sqlite3_column_int64 (stmt, first));
  jp_progress_entry_set_note (entry, column_text (stmt, first + 3));
  jp_progress_entry_set_author (entry, column_text (stmt, first + 4));
  return entry;
}

/* Replaces what @indicator holds (its latest entry, entries added since)
 * by @entries (its whole history in order), keeping the objects it already
 * has for the same rows; linear in the entries. */
static void
fill_history (JpIndicator *indicator,
              GPtrArray   *entries)
{
  GListModel *progress = jp_indicator_get_progress (indicator);
  guint n_old = g_list_model_get_n_items (progress);
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n_old, 1));

  /* Keys point into @ids. */
  for (guint i = 0; i < n_old; i++)
    {
      JpProgressEntry *kept = g_list_model_get_item (progress, i);

      g_ptr_array_add (old, kept);
      ids[i] = jp_progress_entry_get_id (kept);
      if (ids[i] != 0)
        g_hash_table_insert (by_id, &ids[i], kept);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      JpProgressEntry *entry = g_ptr_array_index (entries, i);
      gint64 id = jp_progress_entry_get_id (entry);
      JpProgressEntry *kept = g_hash_table_lookup (by_id, &id);

      if (kept != NULL)
        {
          g_hash_table_remove (by_id, &id);
          g_ptr_array_index (entries, i) = g_object_ref (kept);
          g_object_unref (entry);
        }
    }

  /* Entries in memory that the file lacks stay (none, normally). */
  for (guint j = 0; j < old->len; j++)
    {
      JpProgressEntry *kept = g_ptr_array_index (old, j);
      gint64 id = jp_progress_entry_get_id (kept);

      if (id == 0 || g_hash_table_lookup (by_id, &id) == kept)
        g_ptr_array_add (entries, g_object_ref (kept));
    }

  jp_indicator_replace_progress (indicator, (JpProgressEntry **) entries->pdata, entries->len);
  jp_indicator_set_history_loaded (indicator, TRUE);
}

gboolean
_jp_store_load_history (JpStore      *self,
                        JpIndicator  *indicator,
                        GError      **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  if (jp_indicator_get_history_loaded (indicator))
    return TRUE;

  stmt = _jp_store_prepare (self,
                            "SELECT id, date, value, note, author FROM progress"
                            " WHERE indicator = ?1 ORDER BY date, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_indicator_get_id (indicator));

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!_jp_store_check_row_text (self, stmt, "progress", sqlite3_column_int64 (stmt, 0), error))
        return FALSE;
      g_ptr_array_add (entries, entry_from_row (stmt, 0));
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }
  sqlite3_reset (stmt);

  fill_history (indicator, entries);
  return TRUE;
}

static void
collect_unloaded (JpItem     *item,
                  GHashTable *indicators)
{
  GListModel *list = jp_item_get_indicators (item);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (list, i);

      if (!jp_indicator_get_history_loaded (indicator) && jp_indicator_get_id (indicator) > 0)
        g_hash_table_insert (indicators,
                             g_memdup2 (&(gint64) { jp_indicator_get_id (indicator) }, sizeof (gint64)),
                             g_object_ref (indicator));
    }
}

gboolean
_jp_store_load_histories (JpStore    *self,
                          JpSection  *section,
                          JpItem     *item,
                          GError    **error)
{
  g_autoptr(GHashTable) indicators = NULL;
  g_autoptr(GHashTable) histories = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail ((section == NULL) != (item == NULL), FALSE);

  indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (item != NULL)
    collect_unloaded (item, indicators);
  else
    {
      GListModel *items = jp_section_get_items (section);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(JpItem) child = g_list_model_get_item (items, i);

          collect_unloaded (child, indicators);
        }
    }

  if (g_hash_table_size (indicators) == 0)
    return TRUE;

  if (item != NULL)
    {
      stmt = _jp_store_prepare (self,
                                "SELECT p.indicator, p.id, p.date, p.value, p.note, p.author"
                                " FROM indicators ind JOIN progress p ON p.indicator = ind.id"
                                " WHERE ind.item = ?1 ORDER BY p.indicator, p.date, p.id",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, jp_item_get_id (item));
    }
  else
    {
      stmt = _jp_store_prepare (self,
                                "SELECT p.indicator, p.id, p.date, p.value, p.note, p.author"
                                " FROM items i JOIN indicators ind ON ind.item = i.id"
                                " JOIN progress p ON p.indicator = ind.id"
                                " WHERE i.section = ?1 ORDER BY p.indicator, p.date, p.id",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, jp_section_get_id (section));
    }

  histories = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 indicator_id = sqlite3_column_int64 (stmt, 0);
      gpointer orig_key;
      GPtrArray *entries;

      if (!g_hash_table_lookup_extended (indicators, &indicator_id, &orig_key, NULL))
        continue;
      if (!_jp_store_check_row_text (self, stmt, "progress", sqlite3_column_int64 (stmt, 1), error))
        return FALSE;

      entries = g_hash_table_lookup (histories, orig_key);
      if (entries == NULL)
        {
          entries = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (histories, orig_key, entries);
        }
      g_ptr_array_add (entries, entry_from_row (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, indicators);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *entries = g_hash_table_lookup (histories, key);
      g_autoptr(GPtrArray) none = NULL;

      if (entries == NULL)
        entries = none = g_ptr_array_new_with_free_func (g_object_unref);
      fill_history (value, entries);
    }

  return TRUE;
}

static gboolean
history_loader_cb (JpIndicator  *indicator,
                   gpointer      user_data,
                   GError      **error)
{
  g_autoptr(JpStore) self = g_weak_ref_get (user_data);

  if (self == NULL)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                           _("The database of this plan has been closed"));
      return FALSE;
    }

  return _jp_store_load_history (self, indicator, error);
}

static void
free_store_ref (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

void
_jp_store_install_loader (JpStore *self,
                          JpPlan  *plan)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  jp_plan_set_history_loader (plan, history_loader_cb, ref, free_store_ref);
  /* Edits check that the plan is this store's. */
  _jp_store_set_owner (plan, self);
}

/* ---- Loading a plan ----------------------------------------------------- */

/* Walks the objects of the parent level (in the same order as the rows)
 * to the one with @id. */
static gpointer
advance_to (GPtrArray *parents,
            guint     *cursor,
            gint64     id,
            gint64   (*get_id) (gpointer))
{
  while (*cursor < parents->len)
    {
      gpointer parent = g_ptr_array_index (parents, *cursor);

      if (get_id (parent) == id)
        return parent;
      (*cursor)++;
    }

  return NULL;
}

static gint64 get_section_id (gpointer p) { return jp_section_get_id (p); }
static gint64 get_item_id (gpointer p) { return jp_item_get_id (p); }
static gint64 get_indicator_id (gpointer p) { return jp_indicator_get_id (p); }

/* A row whose parent is not where the load expects it (rows out of order,
 * a parent of another plan): names the row. */
static gboolean
inconsistent (JpStore     *self,
              JpStmt      *stmt,
              const char  *table,
              gint64       row_id,
              GError     **error)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
  g_autofree char *detail = NULL;

  sqlite3_reset (stmt);
  /* Translators: %s are the name of a table and a number */
  detail = g_strdup_printf (_("in the table “%s”, row %s is out of order or belongs to "
                              "another plan than its parent"),
                            table, row);
  _jp_store_set_damaged (self, error, detail);
  return FALSE;
}

/* A link of an item to a leader or unit that is not of the item's plan. */
static gboolean
foreign_link (JpStore     *self,
              JpStmt      *stmt,
              const char  *table,
              gint64       item_id,
              const char  *target_table,
              gint64       target_id,
              GError     **error)
{
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT, target_id);
  g_autofree char *detail = NULL;

  sqlite3_reset (stmt);
  /* Translators: %s are the name of a table, a number (an item's id), the
   * name of a table and a number (a row's id) */
  detail = g_strdup_printf (_("in the table “%s”, item %s refers to the row %s of the table "
                              "“%s”, which is not of the item’s plan"),
                            table, item, target, target_table);
  _jp_store_set_damaged (self, error, detail);
  return FALSE;
}

static gboolean
load_people (JpStore     *self,
             JpPlan      *plan,
             gboolean     units,
             GHashTable  *by_id,
             GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  if (units)
    stmt = _jp_store_prepare (self, "SELECT id, name FROM units WHERE plan = ?1 ORDER BY position, id", error);
  else
    stmt = _jp_store_prepare (self, "SELECT id, name FROM leaders WHERE plan = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gpointer object;

      if (!_jp_store_check_row_text (self, stmt, units ? "units" : "leaders", id, error))
        return FALSE;

      if (units)
        {
          JpUnit *unit = jp_unit_new (column_text (stmt, 1));

          jp_unit_set_id (unit, id);
          jp_plan_insert_unit (plan, G_MAXUINT, unit);
          object = unit;
        }
      else
        {
          JpLeader *leader = jp_leader_new (column_text (stmt, 1));

          jp_leader_set_id (leader, id);
          jp_plan_insert_leader (plan, G_MAXUINT, leader);
          object = leader;
        }

      _jp_store_set_owner (object, plan);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), object);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_sections (JpStore    *self,
               JpPlan     *plan,
               GPtrArray  *sections,
               GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  stmt = _jp_store_prepare (self,
                            "SELECT id, ordinal, title FROM sections"
                            " WHERE plan = ?1 ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpSection *section;

      if (!_jp_store_check_row_text (self, stmt, "sections", sqlite3_column_int64 (stmt, 0), error))
        return FALSE;

      section = jp_section_new (column_text (stmt, 1), column_text (stmt, 2));

      jp_section_set_id (section, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (sections, section);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_items (JpStore    *self,
            JpPlan     *plan,
            GPtrArray  *sections,
            GPtrArray  *items,
            GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  guint cursor = 0;
  int rc;

  stmt = _jp_store_prepare (self,
                            "SELECT i.id, i.section, i.number, i.title, i.body, i.due, i.curve"
                            " FROM sections s JOIN items i ON i.section = s.id"
                            " WHERE s.plan = ?1"
                            " ORDER BY s.position, s.id, i.position, i.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpSection *section;
      JpItem *item;

      section = advance_to (sections, &cursor, sqlite3_column_int64 (stmt, 1), get_section_id);
      if (section == NULL)
        return inconsistent (self, stmt, "items", sqlite3_column_int64 (stmt, 0), error);
      if (!_jp_store_check_row_text (self, stmt, "items", sqlite3_column_int64 (stmt, 0), error))
        return FALSE;

      item = jp_item_new (sqlite3_column_int (stmt, 2), column_text (stmt, 3));
      jp_item_set_id (item, sqlite3_column_int64 (stmt, 0));
      jp_item_set_body (item, column_text (stmt, 4));
      jp_item_set_due (item, column_text (stmt, 5));
      jp_item_set_curve (item, column_text (stmt, 6));
      jp_section_append_item (section, item);
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static void
set_links (JpItem    *item,
           JpLinkKind   kind,
           GPtrArray *objects)
{
  switch (kind)
    {
    case JP_LINK_LEADERS:
      jp_item_set_leaders (item, (JpLeader **) objects->pdata, objects->len);
      break;
    case JP_LINK_UNITS:
      jp_item_set_units (item, (JpUnit **) objects->pdata, objects->len);
      break;
    case JP_LINK_PARTNER_UNITS:
      jp_item_set_partner_units (item, (JpUnit **) objects->pdata, objects->len);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
load_links (JpStore     *self,
            JpPlan      *plan,
            GPtrArray   *items,
            GHashTable  *leaders,
            GHashTable  *units,
            GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(GPtrArray) leader_list = g_ptr_array_new ();
  g_autoptr(GPtrArray) unit_list = g_ptr_array_new ();
  g_autoptr(GPtrArray) partner_list = g_ptr_array_new ();
  GPtrArray *lists[3] = { leader_list, unit_list, partner_list };
  JpItem *current = NULL;
  guint cursor = 0;
  int rc;

  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 0)
        stmt = _jp_store_prepare (self,
                                  "SELECT il.item, il.leader, 'lead'"
                                  " FROM sections s JOIN items i ON i.section = s.id"
                                  " JOIN item_leaders il ON il.item = i.id"
                                  " WHERE s.plan = ?1"
                                  " ORDER BY s.position, s.id, i.position, i.id, il.position",
                                  error);
      else
        stmt = _jp_store_prepare (self,
                                  "SELECT iu.item, iu.unit, iu.role"
                                  " FROM sections s JOIN items i ON i.section = s.id"
                                  " JOIN item_units iu ON iu.item = i.id"
                                  " WHERE s.plan = ?1"
                                  " ORDER BY s.position, s.id, i.position, i.id,"
                                  " iu.role, iu.position",
                                  error);
      if (stmt == NULL)
        return FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
        g_ptr_array_set_size (lists[k], 0);
      current = NULL;
      cursor = 0;

      sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 item_id = sqlite3_column_int64 (stmt, 0);
          gint64 target_id = sqlite3_column_int64 (stmt, 1);
          const char *role = column_text (stmt, 2);
          JpLinkKind kind;
          gpointer target;

          if (current == NULL || jp_item_get_id (current) != item_id)
            {
              if (current != NULL)
                for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
                  if (lists[k]->len > 0)
                    {
                      set_links (current, k, lists[k]);
                      g_ptr_array_set_size (lists[k], 0);
                    }

              current = advance_to (items, &cursor, item_id, get_item_id);
              if (current == NULL)
                return inconsistent (self, stmt, pass == 0 ? "item_leaders" : "item_units",
                                     item_id, error);
            }

          if (pass == 0)
            {
              kind = JP_LINK_LEADERS;
              target = g_hash_table_lookup (leaders, &target_id);
            }
          else
            {
              kind = g_strcmp0 (role, "partner") == 0 ? JP_LINK_PARTNER_UNITS : JP_LINK_UNITS;
              target = g_hash_table_lookup (units, &target_id);
            }

          if (target == NULL)
            return foreign_link (self, stmt, pass == 0 ? "item_leaders" : "item_units", item_id,
                                 pass == 0 ? "leaders" : "units", target_id, error);
          g_ptr_array_add (lists[kind], target);
        }

      if (rc != SQLITE_DONE)
        {
          _jp_store_set_error (self, error, rc);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);

      if (current != NULL)
        for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
          if (lists[k]->len > 0)
            set_links (current, k, lists[k]);
    }

  return TRUE;
}

static gboolean
load_updates (JpStore    *self,
              JpPlan     *plan,
              GPtrArray  *items,
              GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  JpItem *current = NULL;
  guint cursor = 0;
  int rc;

  stmt = _jp_store_prepare (self,
                            "SELECT u.item, u.id, u.date, u.completion, u.note, u.problems,"
                            " u.next_steps, u.author"
                            " FROM sections s JOIN items i ON i.section = s.id"
                            " JOIN item_updates u ON u.item = i.id"
                            " WHERE s.plan = ?1"
                            " ORDER BY s.position, s.id, i.position, i.id, u.date, u.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  /* The rows come item by item: each item gets its updates at once. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpItemUpdate *update;
      JpItem *item;

      item = advance_to (items, &cursor, sqlite3_column_int64 (stmt, 0), get_item_id);
      if (item == NULL)
        return inconsistent (self, stmt, "item_updates", sqlite3_column_int64 (stmt, 1), error);
      if (!_jp_store_check_row_text (self, stmt, "item_updates", sqlite3_column_int64 (stmt, 1),
                                     error))
        return FALSE;
      if (item != current && batch->len > 0)
        {
          jp_item_replace_updates (current, (JpItemUpdate **) batch->pdata, batch->len);
          g_ptr_array_set_size (batch, 0);
        }
      current = item;

      update = jp_item_update_new (column_text (stmt, 2));
      jp_item_update_set_id (update, sqlite3_column_int64 (stmt, 1));
      jp_item_update_set_has_completion (update, !column_is_null (stmt, 3));
      if (!column_is_null (stmt, 3))
        jp_item_update_set_completion (update, sqlite3_column_double (stmt, 3));
      jp_item_update_set_note (update, column_text (stmt, 4));
      jp_item_update_set_problems (update, column_text (stmt, 5));
      jp_item_update_set_next_steps (update, column_text (stmt, 6));
      jp_item_update_set_author (update, column_text (stmt, 7));
      g_ptr_array_add (batch, update);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  if (batch->len > 0)
    jp_item_replace_updates (current, (JpItemUpdate **) batch->pdata, batch->len);

  return TRUE;
}

static gboolean
load_indicators (JpStore    *self,
                 JpPlan     *plan,
                 GPtrArray  *items,
                 GPtrArray  *indicators,
                 GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  JpItem *current = NULL;
  guint first = indicators->len;
  guint cursor = 0;
  int rc;

  stmt = _jp_store_prepare (self,
                            "SELECT ind.item, ind.id, ind.name, ind.text, ind.kind, ind.target,"
                            " ind.target_max, ind.unit, ind.baseline, ind.due, ind.weight, ind.curve"
                            " FROM sections s JOIN items i ON i.section = s.id"
                            " JOIN indicators ind ON ind.item = i.id"
                            " WHERE s.plan = ?1"
                            " ORDER BY s.position, s.id, i.position, i.id, ind.position, ind.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JpIndicatorKind kind = JP_INDICATOR_KIND_AT_LEAST;
      JpIndicator *indicator;
      JpItem *item;

      item = advance_to (items, &cursor, sqlite3_column_int64 (stmt, 0), get_item_id);
      if (item == NULL)
        return inconsistent (self, stmt, "indicators", sqlite3_column_int64 (stmt, 1), error);
      if (!_jp_store_check_row_text (self, stmt, "indicators", sqlite3_column_int64 (stmt, 1),
                                     error))
        return FALSE;
      /* The rows come item by item: each item gets its indicators at once. */
      if (item != current && indicators->len > first)
        {
          jp_item_append_indicators (current, (JpIndicator **) indicators->pdata + first,
                                     indicators->len - first);
          first = indicators->len;
        }
      current = item;

      if (!jp_indicator_kind_from_nick (column_text (stmt, 4), &kind))
        {
          g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
          g_autofree char *detail = NULL;

          /* Translators: %s are a number and a word of the database */
          detail = g_strdup_printf (_("in the table “indicators”, row %s, the kind “%s” is "
                                      "not one this application knows"),
                                    row, column_text (stmt, 4));
          _jp_store_set_damaged (self, error, detail);
          sqlite3_reset (stmt);
          return FALSE;
        }

      indicator = jp_indicator_new (column_text (stmt, 2), kind, sqlite3_column_double (stmt, 5));
      jp_indicator_set_id (indicator, sqlite3_column_int64 (stmt, 1));
      jp_indicator_set_text (indicator, column_text (stmt, 3));
      jp_indicator_set_has_target_max (indicator, !column_is_null (stmt, 6));
      if (!column_is_null (stmt, 6))
        jp_indicator_set_target_max (indicator, sqlite3_column_double (stmt, 6));
      jp_indicator_set_unit (indicator, column_text (stmt, 7));
      jp_indicator_set_has_baseline (indicator, !column_is_null (stmt, 8));
      if (!column_is_null (stmt, 8))
        jp_indicator_set_baseline (indicator, sqlite3_column_double (stmt, 8));
      jp_indicator_set_due (indicator, column_text (stmt, 9));
      jp_indicator_set_weight (indicator, sqlite3_column_double (stmt, 10));
      jp_indicator_set_curve (indicator, column_text (stmt, 11));
      g_ptr_array_add (indicators, indicator);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  if (indicators->len > first)
    jp_item_append_indicators (current, (JpIndicator **) indicators->pdata + first,
                               indicators->len - first);

  return TRUE;
}

static gboolean
load_latest (JpStore    *self,
             JpPlan     *plan,
             GPtrArray  *indicators,
             GError    **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  guint cursor = 0;
  int rc;

  /* One index probe per indicator (progress (indicator, date) read
   * backwards), not a scan of every entry. */
  stmt = _jp_store_prepare (self,
                            "SELECT ind.id, p.id, p.date, p.value, p.note, p.author"
                            " FROM sections s JOIN items i ON i.section = s.id"
                            " JOIN indicators ind ON ind.item = i.id"
                            " JOIN progress p ON p.id = (SELECT p2.id FROM progress p2"
                            "   WHERE p2.indicator = ind.id"
                            "   ORDER BY p2.date DESC, p2.id DESC LIMIT 1)"
                            " WHERE s.plan = ?1"
                            " ORDER BY s.position, s.id, i.position, i.id, ind.position, ind.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, jp_plan_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JpProgressEntry) entry = NULL;
      JpIndicator *indicator;

      indicator = advance_to (indicators, &cursor, sqlite3_column_int64 (stmt, 0), get_indicator_id);
      if (indicator == NULL)
        return inconsistent (self, stmt, "progress", sqlite3_column_int64 (stmt, 1), error);
      if (!_jp_store_check_row_text (self, stmt, "progress", sqlite3_column_int64 (stmt, 1), error))
        return FALSE;

      entry = entry_from_row (stmt, 1);
      jp_indicator_preload_latest (indicator, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_plan_row (JpStore     *self,
               gint64       plan_id,
               JpPlan     **out_plan,
               GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_auto(GStrv) organizations = NULL;
  int rc;

  stmt = _jp_store_prepare (self,
                            "SELECT title, year, organizations, preamble, start_date, end_date,"
                            " curve, report_cycle FROM plans WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a number */
                   _("There is no plan with the ID %s"), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  if (!_jp_store_check_row_text (self, stmt, "plans", plan_id, error))
    return FALSE;

  if (sqlite3_column_int64 (stmt, 1) < 0 || sqlite3_column_int64 (stmt, 1) > 9999)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, plan_id);
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 1));
      g_autofree char *detail = NULL;

      /* Translators: %s are numbers */
      detail = g_strdup_printf (_("in the table “plans”, row %s, the year %s is not a year "
                                  "(0 to 9999)"),
                                row, year);
      _jp_store_set_damaged (self, error, detail);
      return FALSE;
    }

  plan = jp_plan_new (column_text (stmt, 0), (int) sqlite3_column_int64 (stmt, 1));
  jp_plan_set_id (plan, plan_id);
  organizations = organizations_from_json (column_text (stmt, 2));
  jp_plan_set_organizations (plan, (const char * const *) organizations);
  jp_plan_set_preamble (plan, column_text (stmt, 3));
  if (!column_is_null (stmt, 4))
    jp_plan_set_start (plan, column_text (stmt, 4));
  if (!column_is_null (stmt, 5))
    jp_plan_set_end (plan, column_text (stmt, 5));
  jp_plan_set_curve (plan, column_text (stmt, 6));
  jp_plan_set_report_cycle (plan, column_text (stmt, 7));

  *out_plan = g_steal_pointer (&plan);
  return TRUE;
}

JpPlan *
jp_store_load_plan (JpStore  *self,
                    gint64    plan_id,
                    GError  **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) leaders = NULL;
  g_autoptr(GHashTable) units = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One read transaction: a consistent snapshot even when another
   * program writes meanwhile. Within a batch (jp_store_begin_batch) its
   * transaction is that snapshot, and sees its own steps. */
  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && !_jp_store_exec_script (self, "BEGIN DEFERRED", error))
    return NULL;

  sections = g_ptr_array_new_with_free_func (g_object_unref);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  indicators = g_ptr_array_new_with_free_func (g_object_unref);
  leaders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  ok = _jp_store_check_references (self, error) &&
       load_plan_row (self, plan_id, &plan, error) &&
       load_people (self, plan, FALSE, leaders, error) &&
       load_people (self, plan, TRUE, units, error) &&
       load_sections (self, plan, sections, error) &&
       load_items (self, plan, sections, items, error) &&
       load_links (self, plan, items, leaders, units, error) &&
       load_updates (self, plan, items, error) &&
       load_indicators (self, plan, items, indicators, error) &&
       load_latest (self, plan, indicators, error);

  /* Statements were reset by their autoptr; end the read transaction. */
  if (own_transaction && !sqlite3_get_autocommit (self->db))
    _jp_store_exec_script (self, "COMMIT", NULL);

  if (!ok)
    return NULL;

  for (guint i = 0; i < sections->len; i++)
    jp_plan_append_section (plan, g_ptr_array_index (sections, i));

  _jp_store_install_loader (self, plan);
  return g_steal_pointer (&plan);
}

/* ---- Writing subtrees ---------------------------------------------------- */

typedef struct
{
  GObject *object;  /* Owned */
  GObject *owner;   /* Owned, nullable: recorded with _jp_store_set_owner */
  gint64   id;
} PendingId;

struct _JpInsertContext
{
  JpStore    *store;      /* Borrowed */
  JpPlan     *plan;       /* Borrowed */
  gint64      plan_id;
  GHashTable *people_ids; /* JpLeader/JpUnit (borrowed) → gint64*: ids of this transaction */
  GArray     *pending;    /* PendingId */
};

static void
clear_pending (gpointer data)
{
  PendingId *pending = data;

  g_clear_object (&pending->object);
  g_clear_object (&pending->owner);
}

JpInsertContext *
_jp_insert_context_new (JpStore *self,
                        JpPlan  *plan,
                        gint64   plan_id)
{
  JpInsertContext *ctx = g_new0 (JpInsertContext, 1);

  ctx->store = self;
  ctx->plan = plan;
  ctx->plan_id = plan_id;
  ctx->people_ids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ctx->pending = g_array_new (FALSE, TRUE, sizeof (PendingId));
  g_array_set_clear_func (ctx->pending, clear_pending);
  return ctx;
}

void
_jp_insert_context_free (JpInsertContext *ctx)
{
  if (ctx == NULL)
    return;

  g_hash_table_unref (ctx->people_ids);
  g_array_unref (ctx->pending);
  g_free (ctx);
}

static void
add_pending (JpInsertContext *ctx,
             gpointer         object,
             gpointer         owner,
             gint64           id)
{
  PendingId pending = { g_object_ref (object), owner != NULL ? g_object_ref (owner) : NULL, id };

  g_array_append_val (ctx->pending, pending);
}

void
_jp_insert_context_remember_person (JpInsertContext *ctx,
                                    gpointer         person,
                                    gint64           id)
{
  g_hash_table_insert (ctx->people_ids, person, g_memdup2 (&id, sizeof id));
  add_pending (ctx, person, ctx->plan, id);
}

void
_jp_insert_context_apply (JpInsertContext *ctx)
{
  for (guint i = 0; i < ctx->pending->len; i++)
    {
      PendingId *pending = &g_array_index (ctx->pending, PendingId, i);
      GObject *object = pending->object;

      if (JP_IS_PLAN (object))
        jp_plan_set_id (JP_PLAN (object), pending->id);
      else if (JP_IS_SECTION (object))
        jp_section_set_id (JP_SECTION (object), pending->id);
      else if (JP_IS_ITEM (object))
        jp_item_set_id (JP_ITEM (object), pending->id);
      else if (JP_IS_INDICATOR (object))
        jp_indicator_set_id (JP_INDICATOR (object), pending->id);
      else if (JP_IS_PROGRESS_ENTRY (object))
        jp_progress_entry_set_id (JP_PROGRESS_ENTRY (object), pending->id);
      else if (JP_IS_ITEM_UPDATE (object))
        jp_item_update_set_id (JP_ITEM_UPDATE (object), pending->id);
      else if (JP_IS_LEADER (object))
        jp_leader_set_id (JP_LEADER (object), pending->id);
      else if (JP_IS_UNIT (object))
        jp_unit_set_id (JP_UNIT (object), pending->id);
      else
        g_assert_not_reached ();

      if (pending->owner != NULL)
        _jp_store_set_owner (object, pending->owner);
    }
}

static gboolean
step_insert (JpStore  *self,
             JpStmt   *stmt,
             gint64   *out_id,
             GError  **error)
{
  if (!_jp_store_exec (self, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static const char *
person_name (gpointer person)
{
  return JP_IS_LEADER (person) ? jp_leader_get_name (person) : jp_unit_get_name (person);
}

/* The id a leader or unit has in this transaction or in the file; the
 * plan's object of the same name when @person is not the plan's. */
static gint64
person_id (JpInsertContext *ctx,
           gpointer         person)
{
  gint64 *pending = g_hash_table_lookup (ctx->people_ids, person);
  gint64 id;

  if (pending != NULL)
    return *pending;

  id = JP_IS_LEADER (person) ? jp_leader_get_id (person) : jp_unit_get_id (person);
  if (id > 0)
    return id;

  if (ctx->plan != NULL)
    {
      gpointer same = JP_IS_LEADER (person)
                        ? (gpointer) jp_plan_find_leader (ctx->plan, jp_leader_get_name (person))
                        : (gpointer) jp_plan_find_unit (ctx->plan, jp_unit_get_name (person));

      if (same != NULL && same != person)
        return person_id (ctx, same);
    }

  return 0;
}

gboolean
_jp_store_write_links (JpInsertContext  *ctx,
                       JpItem           *item,
                       gint64            item_id,
                       JpLinkKind        kind,
                       gpointer         *people,
                       guint             n_people,
                       GError          **error)
{
  JpStore *self = ctx->store;
  g_autoptr(JpStmt) stmt = NULL;

  if (kind == JP_LINK_LEADERS)
    stmt = _jp_store_prepare (self,
                              "INSERT INTO item_leaders (item, leader, role, position)"
                              " SELECT ?1, id, 'lead', ?3 FROM leaders WHERE id = ?2 AND plan = ?4",
                              error);
  else
    stmt = _jp_store_prepare (self,
                              "INSERT INTO item_units (item, unit, role, position)"
                              " SELECT ?1, id, ?5, ?3 FROM units WHERE id = ?2 AND plan = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_people; i++)
    {
      gpointer person = people[i];
      gint64 id = person_id (ctx, person);
      int rc;

      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, i);
      sqlite3_bind_int64 (stmt, 4, ctx->plan_id);
      if (kind != JP_LINK_LEADERS)
        sqlite3_bind_text (stmt, 5, kind == JP_LINK_UNITS ? "lead" : "partner", -1, SQLITE_STATIC);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                       /* Translators: %d is an item number, %s a name */
                       _("Item %d names “%s” twice"),
                       jp_item_get_number (item), person_name (person));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          _jp_store_set_error (self, error, rc);
          return FALSE;
        }
      if (id <= 0 || sqlite3_changes (self->db) != 1)
        {
          if (kind == JP_LINK_LEADERS)
            g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                         _("Item %d names “%s”, who is not among the leaders of the plan"),
                         jp_item_get_number (item), person_name (person));
          else
            g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                         _("Item %d names “%s”, which is not among the units of the plan"),
                         jp_item_get_number (item), person_name (person));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_list (JpInsertContext  *ctx,
            JpItem           *item,
            gint64            item_id,
            JpLinkKind          kind,
            GListModel       *list,
            GError          **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (people, g_list_model_get_item (list, i));

  return _jp_store_write_links (ctx, item, item_id, kind, people->pdata, people->len, error);
}

gboolean
_jp_store_insert_progress_row (JpInsertContext  *ctx,
                               gint64            indicator_id,
                               JpProgressEntry  *entry,
                               GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  gint64 id;

  stmt = _jp_store_prepare (ctx->store,
                            "INSERT INTO progress (indicator, date, value, note, author)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, indicator_id);
  bind_date (stmt, 2, jp_progress_entry_get_date (entry));
  sqlite3_bind_double (stmt, 3, jp_progress_entry_get_value (entry));
  bind_text (stmt, 4, jp_progress_entry_get_note (entry));
  bind_text (stmt, 5, jp_progress_entry_get_author (entry));
  if (!step_insert (ctx->store, stmt, &id, error))
    return FALSE;

  add_pending (ctx, entry, NULL, id);
  return TRUE;
}

gboolean
_jp_store_insert_update_row (JpInsertContext  *ctx,
                             gint64            item_id,
                             JpItemUpdate     *update,
                             GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  gint64 id;

  stmt = _jp_store_prepare (ctx->store,
                            "INSERT INTO item_updates (item, date, completion, note, problems,"
                            " next_steps, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  bind_date (stmt, 2, jp_item_update_get_date (update));
  bind_optional_double (stmt, 3, jp_item_update_get_has_completion (update),
                        jp_item_update_get_completion (update));
  bind_text (stmt, 4, jp_item_update_get_note (update));
  bind_text (stmt, 5, jp_item_update_get_problems (update));
  bind_text (stmt, 6, jp_item_update_get_next_steps (update));
  bind_text (stmt, 7, jp_item_update_get_author (update));
  if (!step_insert (ctx->store, stmt, &id, error))
    return FALSE;

  add_pending (ctx, update, NULL, id);
  return TRUE;
}

gboolean
_jp_store_insert_indicator_tree (JpInsertContext  *ctx,
                                 gint64            item_id,
                                 guint             position,
                                 JpIndicator      *indicator,
                                 GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  GListModel *progress;
  gint64 id;

  stmt = _jp_store_prepare (ctx->store,
                            "INSERT INTO indicators (item, position, name, text, kind, target,"
                            " target_max, unit, baseline, due, weight, curve)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, jp_indicator_get_name (indicator));
  bind_text (stmt, 4, jp_indicator_get_text (indicator));
  sqlite3_bind_text (stmt, 5, jp_indicator_kind_to_nick (jp_indicator_get_kind (indicator)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, jp_indicator_get_target (indicator));
  bind_optional_double (stmt, 7, jp_indicator_get_has_target_max (indicator),
                        jp_indicator_get_target_max (indicator));
  bind_text (stmt, 8, jp_indicator_get_unit (indicator));
  bind_optional_double (stmt, 9, jp_indicator_get_has_baseline (indicator),
                        jp_indicator_get_baseline (indicator));
  bind_date (stmt, 10, jp_indicator_get_due (indicator));
  sqlite3_bind_double (stmt, 11, jp_indicator_get_weight (indicator));
  bind_date (stmt, 12, jp_indicator_get_curve (indicator));
  if (!step_insert (ctx->store, stmt, &id, error))
    return FALSE;
  g_clear_pointer (&stmt, _jp_stmt_release);

  add_pending (ctx, indicator, NULL, id);

  progress = jp_indicator_get_progress (indicator);
  for (guint i = 0; i < g_list_model_get_n_items (progress); i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, i);

      if (!_jp_store_insert_progress_row (ctx, id, entry, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_jp_store_insert_item_tree (JpInsertContext  *ctx,
                            gint64            section_id,
                            guint             position,
                            JpItem           *item,
                            GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  GListModel *list;
  gint64 id;

  stmt = _jp_store_prepare (ctx->store,
                            "INSERT INTO items (section, position, number, title, body, due, curve)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, section_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int (stmt, 3, jp_item_get_number (item));
  bind_text (stmt, 4, jp_item_get_title (item));
  bind_text (stmt, 5, jp_item_get_body (item));
  bind_date (stmt, 6, jp_item_get_due (item));
  bind_date (stmt, 7, jp_item_get_curve (item));
  if (!step_insert (ctx->store, stmt, &id, error))
    return FALSE;
  g_clear_pointer (&stmt, _jp_stmt_release);

  add_pending (ctx, item, NULL, id);

  if (!write_list (ctx, item, id, JP_LINK_LEADERS, jp_item_get_leaders (item), error) ||
      !write_list (ctx, item, id, JP_LINK_UNITS, jp_item_get_units (item), error) ||
      !write_list (ctx, item, id, JP_LINK_PARTNER_UNITS, jp_item_get_partner_units (item), error))
    return FALSE;

  list = jp_item_get_updates (item);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (list, i);

      if (!_jp_store_insert_update_row (ctx, id, update, error))
        return FALSE;
    }

  list = jp_item_get_indicators (item);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (list, i);

      if (!_jp_store_insert_indicator_tree (ctx, id, i, indicator, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_jp_store_insert_section_tree (JpInsertContext  *ctx,
                               guint             position,
                               JpSection        *section,
                               GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  GListModel *items;
  gint64 id;

  stmt = _jp_store_prepare (ctx->store,
                            "INSERT INTO sections (plan, position, ordinal, title)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->plan_id);
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, jp_section_get_ordinal (section));
  bind_text (stmt, 4, jp_section_get_title (section));
  if (!step_insert (ctx->store, stmt, &id, error))
    return FALSE;
  g_clear_pointer (&stmt, _jp_stmt_release);

  add_pending (ctx, section, NULL, id);

  items = jp_section_get_items (section);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);

      if (!_jp_store_insert_item_tree (ctx, id, i, item, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_jp_store_insert_person_row (JpInsertContext  *ctx,
                             guint             position,
                             gpointer          person,
                             GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  gint64 id;
  int rc;

  if (JP_IS_LEADER (person))
    stmt = _jp_store_prepare (ctx->store,
                              "INSERT INTO leaders (plan, position, name) VALUES (?1, ?2, ?3)",
                              error);
  else
    stmt = _jp_store_prepare (ctx->store,
                              "INSERT INTO units (plan, position, name) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ctx->plan_id);
  sqlite3_bind_int64 (stmt, 2, position);
  bind_text (stmt, 3, person_name (person));

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      if (JP_IS_LEADER (person))
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                     _("There is already a leader named “%s” in this plan"),
                     person_name (person));
      else
        g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                     _("There is already a unit named “%s” in this plan"),
                     person_name (person));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (ctx->store, error, rc);
      return FALSE;
    }

  id = sqlite3_last_insert_rowid (ctx->store->db);
  _jp_insert_context_remember_person (ctx, person, id);
  return TRUE;
}

/* Makes sure every indicator below @object holds its whole history. */
gboolean
_jp_store_ensure_histories (gpointer   object,
                            GError   **error)
{
  GListModel *children;

  if (JP_IS_INDICATOR (object))
    return jp_indicator_ensure_history (object, error);

  if (JP_IS_PLAN (object))
    children = jp_plan_get_sections (object);
  else if (JP_IS_SECTION (object))
    children = jp_section_get_items (object);
  else if (JP_IS_ITEM (object))
    children = jp_item_get_indicators (object);
  else
    g_return_val_if_reached (FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      if (!_jp_store_ensure_histories (child, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_plan (JpStore     *self,
             JpPlan      *plan,
             JpInsertContext **out_ctx,
             GError     **error)
{
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *organizations = NULL;
  g_autofree char *now = _jp_store_dup_now ();
  g_autofree char *what = NULL;
  GListModel *list;
  gint64 plan_id;

  stmt = _jp_store_prepare (self,
                            "INSERT INTO plans (title, year, organizations, preamble,"
                            " start_date, end_date, created, curve, report_cycle)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;

  organizations = organizations_to_json (jp_plan_get_organizations (plan));
  bind_text (stmt, 1, jp_plan_get_title (plan));
  sqlite3_bind_int (stmt, 2, jp_plan_get_year (plan));
  bind_text (stmt, 3, organizations);
  bind_text (stmt, 4, jp_plan_get_preamble (plan));
  bind_date (stmt, 5, jp_plan_get_start (plan));
  bind_date (stmt, 6, jp_plan_get_end (plan));
  bind_text (stmt, 7, now);
  bind_date (stmt, 8, jp_plan_get_curve (plan));
  bind_date (stmt, 9, jp_plan_get_report_cycle (plan));
  if (!step_insert (self, stmt, &plan_id, error))
    return FALSE;
  g_clear_pointer (&stmt, _jp_stmt_release);

  ctx = _jp_insert_context_new (self, plan, plan_id);
  add_pending (ctx, plan, NULL, plan_id);

  list = jp_plan_get_leaders (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpLeader) leader = g_list_model_get_item (list, i);

      if (!_jp_store_insert_person_row (ctx, i, leader, error))
        return FALSE;
    }

  list = jp_plan_get_units (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpUnit) unit = g_list_model_get_item (list, i);

      if (!_jp_store_insert_person_row (ctx, i, unit, error))
        return FALSE;
    }

  list = jp_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (list, i);

      if (!_jp_store_insert_section_tree (ctx, i, section, error))
        return FALSE;
    }

  what = g_strdup_printf ("plan %" G_GINT64_FORMAT " insert", plan_id);
  if (!_jp_store_add_history (self, plan_id, what, NULL, jp_plan_get_title (plan), error))
    return FALSE;

  *out_ctx = g_steal_pointer (&ctx);
  return TRUE;
}

gboolean
jp_store_insert_plans (JpStore  *self,
                       JpPlan  **plans,
                       guint     n_plans,
                       GError  **error)
{
  g_autoptr(GPtrArray) contexts = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (plans != NULL || n_plans == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_plans; i++)
    {
      g_return_val_if_fail (JP_IS_PLAN (plans[i]), FALSE);

      /* A plan read from another store: write its whole history. */
      if (!_jp_store_ensure_histories (plans[i], error))
        return FALSE;
    }

  if (!_jp_store_begin (self, error))
    return FALSE;

  contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) _jp_insert_context_free);
  for (guint i = 0; i < n_plans; i++)
    {
      JpInsertContext *ctx = NULL;

      if (!insert_plan (self, plans[i], &ctx, error))
        {
          _jp_store_rollback (self);
          return FALSE;
        }
      g_ptr_array_add (contexts, ctx);
    }

  if (!_jp_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < n_plans; i++)
    {
      _jp_insert_context_apply (g_ptr_array_index (contexts, i));
      _jp_store_install_loader (self, plans[i]);
    }

  return TRUE;
}
