/* jp-store-edit.c: the edit API
 *
 * Every public function here is one edit: BEGIN IMMEDIATE, the change, one
 * history row, COMMIT; any error rolls back and leaves the model as it
 * was. Only after the commit does the model change, and then the plan
 * emits "changed". Undo and redo call the same functions, so that every
 * user-level edit and its undo are each one transaction.
 */

#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include "jp-enum-types.h"
#include "jp-store-private.h"
#include "jp-store.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* ---- Helpers ------------------------------------------------------------ */

/* The plan an object belongs to, or NULL. Full reference. */
static JpPlan *
dup_plan_of (gpointer object)
{
  if (object == NULL)
    return NULL;

  if (JP_IS_PLAN (object))
    return g_object_ref (object);

  if (JP_IS_SECTION (object))
    {
      JpPlan *plan = jp_section_get_plan (object);

      return plan != NULL ? g_object_ref (plan) : NULL;
    }

  if (JP_IS_ITEM (object))
    return dup_plan_of (jp_item_get_section (object));

  if (JP_IS_INDICATOR (object))
    return dup_plan_of (jp_indicator_get_item (object));

  if (JP_IS_PROGRESS_ENTRY (object) || JP_IS_ITEM_UPDATE (object) ||
      JP_IS_LEADER (object) || JP_IS_UNIT (object))
    {
      g_autoptr(GObject) owner = _jp_store_dup_owner (object);

      if (owner == NULL)
        return NULL;
      return dup_plan_of (owner);
    }

  return NULL;
}

static gint64
object_id (gpointer object)
{
  if (JP_IS_PLAN (object))
    return jp_plan_get_id (object);
  if (JP_IS_SECTION (object))
    return jp_section_get_id (object);
  if (JP_IS_ITEM (object))
    return jp_item_get_id (object);
  if (JP_IS_INDICATOR (object))
    return jp_indicator_get_id (object);
  if (JP_IS_PROGRESS_ENTRY (object))
    return jp_progress_entry_get_id (object);
  if (JP_IS_ITEM_UPDATE (object))
    return jp_item_update_get_id (object);
  if (JP_IS_LEADER (object))
    return jp_leader_get_id (object);
  if (JP_IS_UNIT (object))
    return jp_unit_get_id (object);
  return 0;
}

/* The plan of @object, which must be saved in this store. */
static JpPlan *
require_plan (JpStore   *self,
              gpointer   object,
              GError   **error)
{
  g_autoptr(JpPlan) plan = dup_plan_of (object);
  g_autoptr(JpStore) store = NULL;

  if (plan == NULL || jp_plan_get_id (plan) <= 0 || object_id (object) <= 0)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                           _("This object is not part of a plan saved in the database"));
      return NULL;
    }

  store = _jp_store_dup_owner (plan);
  if (store != self)
    {
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                           _("This plan belongs to another database"));
      return NULL;
    }

  return g_steal_pointer (&plan);
}

static gboolean
check_plan (JpStore  *self,
            JpPlan   *plan,
            GError  **error)
{
  g_autoptr(JpPlan) checked = require_plan (self, plan, error);

  return checked != NULL;
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                       _("The object is no longer in the database (another program may have deleted it)"));
  return FALSE;
}

static gboolean
check_changed_one (JpStore  *self,
                   GError  **error)
{
  if (sqlite3_changes (self->db) != 1)
    return not_found (error);
  return TRUE;
}

static guint
index_of (GListModel *list,
          gpointer    object,
          gboolean   *found)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if ((gpointer) other == object)
        {
          *found = TRUE;
          return i;
        }
    }

  *found = FALSE;
  return n;
}

static GPtrArray *
dup_list (GListModel *list)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));

  return array;
}

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
what_for (const char *noun,
          gint64      id,
          const char *action)
{
  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", noun, id, action);
}

/* ---- Sibling positions ---------------------------------------------------- */

/* The statements that keep a table's positions 0…n−1 among siblings. */
typedef struct
{
  const char *noun;
  const char *shift;  /* ?1 parent, ?2 first position, ?3 delta */
  const char *move;   /* ?1 id, ?2 new position, ?3 delta, ?4 parent, ?5–?6 range */
  const char *remove; /* ?1 id; returns the position */
} SiblingTable;

static const SiblingTable sections_table = {
  "section",
  "UPDATE sections SET position = position + ?3 WHERE plan = ?1 AND position >= ?2",
  "UPDATE sections SET position = CASE WHEN id = ?1 THEN ?2 ELSE position + ?3 END"
  " WHERE plan = ?4 AND position BETWEEN ?5 AND ?6",
  "DELETE FROM sections WHERE id = ?1 RETURNING position",
};

static const SiblingTable items_table = {
  "item",
  "UPDATE items SET position = position + ?3 WHERE section = ?1 AND position >= ?2",
  "UPDATE items SET position = CASE WHEN id = ?1 THEN ?2 ELSE position + ?3 END"
  " WHERE section = ?4 AND position BETWEEN ?5 AND ?6",
  "DELETE FROM items WHERE id = ?1 RETURNING position",
};

static const SiblingTable indicators_table = {
  "indicator",
  "UPDATE indicators SET position = position + ?3 WHERE item = ?1 AND position >= ?2",
  "UPDATE indicators SET position = CASE WHEN id = ?1 THEN ?2 ELSE position + ?3 END"
  " WHERE item = ?4 AND position BETWEEN ?5 AND ?6",
  "DELETE FROM indicators WHERE id = ?1 RETURNING position",
};

static const SiblingTable leaders_table = {
  "leader",
  "UPDATE leaders SET position = position + ?3 WHERE plan = ?1 AND position >= ?2",
  "UPDATE leaders SET position = CASE WHEN id = ?1 THEN ?2 ELSE position + ?3 END"
  " WHERE plan = ?4 AND position BETWEEN ?5 AND ?6",
  "DELETE FROM leaders WHERE id = ?1 RETURNING position",
};

static const SiblingTable units_table = {
  "unit",
  "UPDATE units SET position = position + ?3 WHERE plan = ?1 AND position >= ?2",
  "UPDATE units SET position = CASE WHEN id = ?1 THEN ?2 ELSE position + ?3 END"
  " WHERE plan = ?4 AND position BETWEEN ?5 AND ?6",
  "DELETE FROM units WHERE id = ?1 RETURNING position",
};

static gboolean
shift_siblings (JpStore             *self,
                const SiblingTable  *table,
                gint64               parent_id,
                gint64               first,
                int                  delta,
                GError             **error)
{
  g_autoptr(JpStmt) stmt = _jp_store_prepare (self, table->shift, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, delta);
  return _jp_store_exec (self, stmt, error);
}

/* One statement, whatever the distance. */
static gboolean
move_sibling (JpStore             *self,
              const SiblingTable  *table,
              gint64               parent_id,
              gint64               id,
              guint                from,
              guint                to,
              GError             **error)
{
  g_autoptr(JpStmt) stmt = _jp_store_prepare (self, table->move, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, from < to ? -1 : 1);
  sqlite3_bind_int64 (stmt, 4, parent_id);
  sqlite3_bind_int64 (stmt, 5, MIN (from, to));
  sqlite3_bind_int64 (stmt, 6, MAX (from, to));
  if (!_jp_store_exec (self, stmt, error))
    return FALSE;

  return TRUE;
}

/* Deletes a row (its children go with it) and closes the gap. */
static gboolean
delete_sibling (JpStore             *self,
                const SiblingTable  *table,
                gint64               parent_id,
                gint64               id,
                GError             **error)
{
  g_autoptr(JpStmt) stmt = _jp_store_prepare (self, table->remove, error);
  gint64 position = -1;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      position = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (position < 0)
    return not_found (error);

  return shift_siblings (self, table, parent_id, position + 1, -1, error);
}

static gboolean
finish (JpStore  *self,
        gboolean  ok,
        GError  **error)
{
  if (!ok)
    {
      _jp_store_rollback (self);
      return FALSE;
    }

  return _jp_store_commit (self, error);
}

/* ---- Properties ------------------------------------------------------------ */

typedef enum
{
  COL_TEXT,       /* string; NULL is '' */
  COL_DATE,       /* string or NULL */
  COL_SPEC,       /* a curve or reporting cycle (jp-curve.h), or NULL */
  COL_INT,
  COL_DOUBLE,
  COL_KIND,       /* JpIndicatorKind as its nick */
  COL_STRV,       /* a JSON array */
  COL_OPTIONAL,   /* double, NULL unless its "has-" property is TRUE */
  COL_HAS,        /* the "has-" boolean of a COL_OPTIONAL column */
  COL_PLAN_DATES, /* year, start or end: the three columns together */
} ColumnKind;

typedef struct
{
  GType      (*get_type) (void);
  const char  *property;
  const char  *noun;
  ColumnKind   kind;
  const char  *partner;  /* COL_OPTIONAL: the "has-" property; COL_HAS: the value */
  const char  *sql;      /* ?1 value, ?2 id (COL_PLAN_DATES: ?3 year, ?4 start, ?5 end) */
} EditableProperty;

#define PLAN_DATES_SQL "UPDATE plans SET year = ?3, start_date = ?4, end_date = ?5 WHERE id = ?2"

static const EditableProperty editable_properties[] = {
  { jp_plan_get_type, "title", "plan", COL_TEXT, NULL,
    "UPDATE plans SET title = ?1 WHERE id = ?2" },
  { jp_plan_get_type, "year", "plan", COL_PLAN_DATES, NULL, PLAN_DATES_SQL },
  { jp_plan_get_type, "organizations", "plan", COL_STRV, NULL,
    "UPDATE plans SET organizations = ?1 WHERE id = ?2" },
  { jp_plan_get_type, "preamble", "plan", COL_TEXT, NULL,
    "UPDATE plans SET preamble = ?1 WHERE id = ?2" },
  { jp_plan_get_type, "curve", "plan", COL_SPEC, NULL,
    "UPDATE plans SET curve = ?1 WHERE id = ?2" },
  { jp_plan_get_type, "report-cycle", "plan", COL_SPEC, NULL,
    "UPDATE plans SET report_cycle = ?1 WHERE id = ?2" },
  { jp_plan_get_type, "start", "plan", COL_PLAN_DATES, NULL, PLAN_DATES_SQL },
  { jp_plan_get_type, "end", "plan", COL_PLAN_DATES, NULL, PLAN_DATES_SQL },

  { jp_section_get_type, "ordinal", "section", COL_TEXT, NULL,
    "UPDATE sections SET ordinal = ?1 WHERE id = ?2" },
  { jp_section_get_type, "title", "section", COL_TEXT, NULL,
    "UPDATE sections SET title = ?1 WHERE id = ?2" },

  { jp_item_get_type, "number", "item", COL_INT, NULL,
    "UPDATE items SET number = ?1 WHERE id = ?2" },
  { jp_item_get_type, "title", "item", COL_TEXT, NULL,
    "UPDATE items SET title = ?1 WHERE id = ?2" },
  { jp_item_get_type, "body", "item", COL_TEXT, NULL,
    "UPDATE items SET body = ?1 WHERE id = ?2" },
  { jp_item_get_type, "due", "item", COL_DATE, NULL,
    "UPDATE items SET due = ?1 WHERE id = ?2" },
  { jp_item_get_type, "curve", "item", COL_SPEC, NULL,
    "UPDATE items SET curve = ?1 WHERE id = ?2" },

  { jp_indicator_get_type, "name", "indicator", COL_TEXT, NULL,
    "UPDATE indicators SET name = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "text", "indicator", COL_TEXT, NULL,
    "UPDATE indicators SET text = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "kind", "indicator", COL_KIND, NULL,
    "UPDATE indicators SET kind = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "target", "indicator", COL_DOUBLE, NULL,
    "UPDATE indicators SET target = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "has-target-max", "indicator", COL_HAS, "target-max",
    "UPDATE indicators SET target_max = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "target-max", "indicator", COL_OPTIONAL, "has-target-max",
    "UPDATE indicators SET target_max = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "unit", "indicator", COL_TEXT, NULL,
    "UPDATE indicators SET unit = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "has-baseline", "indicator", COL_HAS, "baseline",
    "UPDATE indicators SET baseline = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "baseline", "indicator", COL_OPTIONAL, "has-baseline",
    "UPDATE indicators SET baseline = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "due", "indicator", COL_DATE, NULL,
    "UPDATE indicators SET due = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "weight", "indicator", COL_DOUBLE, NULL,
    "UPDATE indicators SET weight = ?1 WHERE id = ?2" },
  { jp_indicator_get_type, "curve", "indicator", COL_SPEC, NULL,
    "UPDATE indicators SET curve = ?1 WHERE id = ?2" },

  { jp_progress_entry_get_type, "date", "progress", COL_DATE, NULL,
    "UPDATE progress SET date = ?1 WHERE id = ?2" },
  { jp_progress_entry_get_type, "value", "progress", COL_DOUBLE, NULL,
    "UPDATE progress SET value = ?1 WHERE id = ?2" },
  { jp_progress_entry_get_type, "note", "progress", COL_TEXT, NULL,
    "UPDATE progress SET note = ?1 WHERE id = ?2" },
  { jp_progress_entry_get_type, "author", "progress", COL_TEXT, NULL,
    "UPDATE progress SET author = ?1 WHERE id = ?2" },

  { jp_item_update_get_type, "date", "update", COL_DATE, NULL,
    "UPDATE item_updates SET date = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "has-completion", "update", COL_HAS, "completion",
    "UPDATE item_updates SET completion = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "completion", "update", COL_OPTIONAL, "has-completion",
    "UPDATE item_updates SET completion = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "note", "update", COL_TEXT, NULL,
    "UPDATE item_updates SET note = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "problems", "update", COL_TEXT, NULL,
    "UPDATE item_updates SET problems = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "next-steps", "update", COL_TEXT, NULL,
    "UPDATE item_updates SET next_steps = ?1 WHERE id = ?2" },
  { jp_item_update_get_type, "author", "update", COL_TEXT, NULL,
    "UPDATE item_updates SET author = ?1 WHERE id = ?2" },

  { jp_leader_get_type, "name", "leader", COL_TEXT, NULL,
    "UPDATE leaders SET name = ?1 WHERE id = ?2" },
  { jp_unit_get_type, "name", "unit", COL_TEXT, NULL,
    "UPDATE units SET name = ?1 WHERE id = ?2" },
};

static const EditableProperty *
find_editable (gpointer    object,
               const char *property)
{
  GType type = G_OBJECT_TYPE (object);

  for (guint i = 0; i < G_N_ELEMENTS (editable_properties); i++)
    if (editable_properties[i].get_type () == type &&
        strcmp (editable_properties[i].property, property) == 0)
      return &editable_properties[i];

  return NULL;
}

static gboolean
get_boolean_property (gpointer    object,
                      const char *property)
{
  gboolean value = FALSE;

  g_object_get (object, property, &value, NULL);
  return value;
}

static double
get_double_property (gpointer    object,
                     const char *property)
{
  double value = 0;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* The column's text (history) for @value of @info on @object; NULL is
 * SQL NULL. */
static char *
column_text_for (const EditableProperty *info,
                 gpointer                object,
                 const GValue           *value)
{
  switch (info->kind)
    {
    case COL_TEXT:
      return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

    case COL_DATE:
    case COL_SPEC:
      {
        const char *date = g_value_get_string (value);

        return date != NULL && date[0] != '\0' ? g_strdup (date) : NULL;
      }

    case COL_PLAN_DATES:
      if (G_VALUE_HOLDS_INT (value))
        return format_int (g_value_get_int (value));
      return g_value_dup_string (value);

    case COL_INT:
      return format_int (g_value_get_int (value));

    case COL_DOUBLE:
      return _jp_store_format_double (g_value_get_double (value));

    case COL_KIND:
      return g_strdup (jp_indicator_kind_to_nick (g_value_get_enum (value)));

    case COL_STRV:
      return _jp_store_organizations_to_json (g_value_get_boxed (value));

    case COL_OPTIONAL:
      if (!get_boolean_property (object, info->partner))
        return NULL;
      return _jp_store_format_double (g_value_get_double (value));

    case COL_HAS:
      if (!g_value_get_boolean (value))
        return NULL;
      return _jp_store_format_double (get_double_property (object, info->partner));

    default:
      g_assert_not_reached ();
    }
}

static void
bind_column (JpStmt                 *stmt,
             const EditableProperty *info,
             gpointer                object,
             const GValue           *value,
             const char             *text)
{
  switch (info->kind)
    {
    case COL_TEXT:
    case COL_DATE:
    case COL_SPEC:
    case COL_KIND:
    case COL_STRV:
      if (text != NULL)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 1);
      break;

    case COL_INT:
      sqlite3_bind_int (stmt, 1, g_value_get_int (value));
      break;

    case COL_DOUBLE:
    case COL_OPTIONAL:
      sqlite3_bind_double (stmt, 1, g_value_get_double (value));
      break;

    case COL_HAS:
      if (g_value_get_boolean (value))
        sqlite3_bind_double (stmt, 1, get_double_property (object, info->partner));
      else
        sqlite3_bind_null (stmt, 1);
      break;

    case COL_PLAN_DATES:
    default:
      g_assert_not_reached ();
    }
}

/* What the model will hold after setting @value: the setters normalize
 * (NULL text is "", "" dates are NULL, clamps, a plan's dates follow its
 * year), so set it on a scratch object first. */
static void
normalize_value (gpointer      object,
                 const char   *property,
                 const GValue *value,
                 GValue       *out)
{
  g_autoptr(GObject) scratch = g_object_new (G_OBJECT_TYPE (object), NULL);

  g_object_set_property (scratch, property, value);
  g_object_get_property (scratch, property, out);
}

static gboolean
set_plan_dates (JpStore                 *self,
                JpPlan                  *plan,
                const EditableProperty  *info,
                const GValue            *value,
                GError                 **error)
{
  g_autoptr(JpPlan) copy = jp_plan_new ("", jp_plan_get_year (plan));
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;
  GParamSpec *pspec;
  gboolean ok;

  jp_plan_set_start (copy, jp_plan_get_start (plan));
  jp_plan_set_end (copy, jp_plan_get_end (plan));
  g_object_set_property (G_OBJECT (copy), info->property, value);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (plan), info->property);
  g_value_init (&old_value, pspec->value_type);
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (G_OBJECT (plan), info->property, &old_value);
  g_object_get_property (G_OBJECT (copy), info->property, &new_value);
  old_text = column_text_for (info, plan, &old_value);
  new_text = column_text_for (info, plan, &new_value);
  g_value_unset (&old_value);
  g_value_unset (&new_value);

  if (jp_plan_get_year (copy) == jp_plan_get_year (plan) &&
      g_strcmp0 (jp_plan_get_start (copy), jp_plan_get_start (plan)) == 0 &&
      g_strcmp0 (jp_plan_get_end (copy), jp_plan_get_end (plan)) == 0)
    return TRUE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, info->sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 2, jp_plan_get_id (plan));
      sqlite3_bind_int (stmt, 3, jp_plan_get_year (copy));
      sqlite3_bind_text (stmt, 4, jp_plan_get_start (copy), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, jp_plan_get_end (copy), -1, SQLITE_TRANSIENT);
      ok = _jp_store_exec (self, stmt, error) && check_changed_one (self, error);
    }

  what = what_for ("plan", jp_plan_get_id (plan), info->property);
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (plan));
  g_object_set_property (G_OBJECT (plan), info->property, value);
  /* The model derives the other two the same way; make sure. */
  jp_plan_set_start (plan, jp_plan_get_start (copy));
  jp_plan_set_end (plan, jp_plan_get_end (copy));
  g_object_thaw_notify (G_OBJECT (plan));
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_set (JpStore       *self,
              gpointer       object,
              const char    *property,
              const GValue  *value,
              GError       **error)
{
  const EditableProperty *info;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GObject) owner = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_auto(GValue) given = G_VALUE_INIT;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  GParamSpec *pspec;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = find_editable (object, property);
  if (info == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   "“%s” of %s is not a property the store can edit",
                   property, G_OBJECT_TYPE_NAME (object));
      return FALSE;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_assert (pspec != NULL);

  g_value_init (&given, pspec->value_type);
  if (!g_value_transform (value, &given))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   "A %s cannot be the “%s” of %s",
                   G_VALUE_TYPE_NAME (value), property, G_OBJECT_TYPE_NAME (object));
      return FALSE;
    }
  /* Out of the property's range: what the model's range allows (clamped). */
  g_param_value_validate (pspec, &given);

  plan = require_plan (self, object, error);
  if (plan == NULL)
    return FALSE;

  if (info->kind == COL_PLAN_DATES)
    return set_plan_dates (self, plan, info, &given, error);

  g_value_init (&old_value, pspec->value_type);
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (object, property, &old_value);
  normalize_value (object, property, &given, &new_value);

  /* A value that is not in effect (its "has-" property is FALSE) is not in
   * the file: only the model keeps it, for when it is switched on. */
  if (info->kind == COL_OPTIONAL && !get_boolean_property (object, info->partner))
    {
      g_object_set_property (object, property, &new_value);
      return TRUE;
    }

  old_text = column_text_for (info, object, &old_value);
  new_text = column_text_for (info, object, &new_value);
  if (g_strcmp0 (old_text, new_text) == 0 && info->kind != COL_HAS)
    return TRUE;
  if (info->kind == COL_HAS &&
      g_value_get_boolean (&old_value) == g_value_get_boolean (&new_value))
    return TRUE;

  if (JP_IS_PROGRESS_ENTRY (object) || JP_IS_ITEM_UPDATE (object))
    {
      owner = _jp_store_dup_owner (object);
      /* The latest entry may change: have the whole history first. */
      if (JP_IS_INDICATOR (owner) && !jp_indicator_ensure_history (JP_INDICATOR (owner), error))
        return FALSE;
    }

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, info->sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      int rc;

      bind_column (stmt, info, object, &new_value, new_text);
      sqlite3_bind_int64 (stmt, 2, object_id (object));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_UNIQUE && (JP_IS_LEADER (object) || JP_IS_UNIT (object)))
        {
          if (JP_IS_LEADER (object))
            g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                         _("There is already a leader named “%s” in this plan"), new_text);
          else
            g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT,
                         _("There is already a unit named “%s” in this plan"), new_text);
          ok = FALSE;
        }
      else if (rc != SQLITE_DONE)
        {
          _jp_store_set_error (self, error, rc);
          ok = FALSE;
        }
      else
        ok = check_changed_one (self, error);
    }

  what = what_for (info->noun, object_id (object), property);
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  g_object_set_property (object, property, &new_value);

  if (strcmp (property, "date") == 0 && JP_IS_INDICATOR (owner))
    jp_indicator_resort_progress (JP_INDICATOR (owner));
  else if (strcmp (property, "date") == 0 && JP_IS_ITEM (owner))
    jp_item_resort_updates (JP_ITEM (owner));

  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_set_string (JpStore     *self,
                     gpointer     object,
                     const char  *property,
                     const char  *value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return jp_store_set (self, object, property, &gvalue, error);
}

gboolean
jp_store_set_double (JpStore     *self,
                     gpointer     object,
                     const char  *property,
                     double       value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  return jp_store_set (self, object, property, &gvalue, error);
}

gboolean
jp_store_set_int (JpStore     *self,
                  gpointer     object,
                  const char  *property,
                  int          value,
                  GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  return jp_store_set (self, object, property, &gvalue, error);
}

gboolean
jp_store_set_boolean (JpStore     *self,
                      gpointer     object,
                      const char  *property,
                      gboolean     value,
                      GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);
  return jp_store_set (self, object, property, &gvalue, error);
}

gboolean
jp_store_set_enum (JpStore     *self,
                   gpointer     object,
                   const char  *property,
                   int          value,
                   GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || !G_TYPE_IS_ENUM (pspec->value_type))
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   "“%s” of %s is not an enumeration",
                   property, G_OBJECT_TYPE_NAME (object));
      return FALSE;
    }

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  return jp_store_set (self, object, property, &gvalue, error);
}

/* ---- Progress entries and item updates ----------------------------------- */

static char *
describe_entry (JpProgressEntry *entry)
{
  g_autofree char *value = _jp_store_format_double (jp_progress_entry_get_value (entry));
  const char *date = jp_progress_entry_get_date (entry);

  return g_strdup_printf ("%s %s", date != NULL ? date : "-", value);
}

gboolean
jp_store_add_progress (JpStore          *self,
                       JpIndicator      *indicator,
                       JpProgressEntry  *entry,
                       GError          **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, indicator, error);
  if (plan == NULL)
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, jp_plan_get_id (plan));
  text = describe_entry (entry);
  what = what_for ("indicator", jp_indicator_get_id (indicator), "progress");
  ok = _jp_store_insert_progress_row (ctx, jp_indicator_get_id (indicator), entry, error) &&
       _jp_store_add_history (self, jp_plan_get_id (plan), what, NULL, text, error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  jp_indicator_add_progress (indicator, entry);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_remove_progress (JpStore          *self,
                          JpIndicator      *indicator,
                          JpProgressEntry  *entry,
                          GError          **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, indicator, error);
  if (plan == NULL)
    return FALSE;

  /* The entry before it becomes the latest: have the whole history. */
  if (!jp_indicator_ensure_history (indicator, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, "DELETE FROM progress WHERE id = ?1 AND indicator = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, jp_progress_entry_get_id (entry));
      sqlite3_bind_int64 (stmt, 2, jp_indicator_get_id (indicator));
      ok = _jp_store_exec (self, stmt, error) && check_changed_one (self, error);
    }

  text = describe_entry (entry);
  what = what_for ("indicator", jp_indicator_get_id (indicator), "progress");
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what, text, NULL, error);
  if (!finish (self, ok, error))
    return FALSE;

  jp_indicator_remove_progress (indicator, entry);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_add_update (JpStore       *self,
                     JpItem        *item,
                     JpItemUpdate  *update,
                     GError       **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (update), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, jp_plan_get_id (plan));
  what = what_for ("item", jp_item_get_id (item), "update");
  ok = _jp_store_insert_update_row (ctx, jp_item_get_id (item), update, error) &&
       _jp_store_add_history (self, jp_plan_get_id (plan), what, NULL,
                              jp_item_update_get_date (update), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  jp_item_add_update (item, update);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_remove_update (JpStore       *self,
                        JpItem        *item,
                        JpItemUpdate  *update,
                        GError       **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (update), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, "DELETE FROM item_updates WHERE id = ?1 AND item = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, jp_item_update_get_id (update));
      sqlite3_bind_int64 (stmt, 2, jp_item_get_id (item));
      ok = _jp_store_exec (self, stmt, error) && check_changed_one (self, error);
    }

  what = what_for ("item", jp_item_get_id (item), "update");
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what,
                                    jp_item_update_get_date (update), NULL, error);
  if (!finish (self, ok, error))
    return FALSE;

  jp_item_remove_update (item, update);
  jp_plan_emit_changed (plan);
  return TRUE;
}

/* ---- Sections ---------------------------------------------------------------- */

gboolean
jp_store_insert_section (JpStore    *self,
                         JpPlan     *plan,
                         guint       position,
                         JpSection  *section,
                         GError    **error)
{
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);
  g_return_val_if_fail (jp_section_get_plan (section) == NULL, FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (jp_plan_get_sections (plan)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan_id = jp_plan_get_id (plan);
  if (!check_plan (self, plan, error))
    return FALSE;

  if (!_jp_store_ensure_histories (section, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  ok = shift_siblings (self, &sections_table, plan_id, position, 1, error) &&
       _jp_store_insert_section_tree (ctx, position, section, error);
  what = what_for ("plan", plan_id, "section insert");
  ok = ok && _jp_store_add_history (self, plan_id, what, NULL, jp_section_get_title (section), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  jp_plan_insert_section (plan, position, section);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_remove_section (JpStore    *self,
                         JpSection  *section,
                         GError    **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *what = NULL;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, section, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  /* Whatever is removed can come back (undo) with all its history. */
  if (!_jp_store_load_histories (self, section, NULL, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  what = what_for ("section", jp_section_get_id (section), "remove");
  ok = delete_sibling (self, &sections_table, plan_id, jp_section_get_id (section), error) &&
       _jp_store_add_history (self, plan_id, what, jp_section_get_title (section), NULL, error);
  if (!finish (self, ok, error))
    return FALSE;

  jp_plan_remove_section (plan, section);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_move_section (JpStore    *self,
                       JpSection  *section,
                       guint       position,
                       GError    **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpSection) keep = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GListModel *sections;
  gboolean found;
  guint from;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, section, error);
  if (plan == NULL)
    return FALSE;

  sections = jp_plan_get_sections (plan);
  g_return_val_if_fail (position < g_list_model_get_n_items (sections), FALSE);
  from = index_of (sections, section, &found);
  g_return_val_if_fail (found, FALSE);

  if (from == position)
    return TRUE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  what = what_for ("section", jp_section_get_id (section), "position");
  old_text = format_int (from);
  new_text = format_int (position);
  ok = move_sibling (self, &sections_table, jp_plan_get_id (plan), jp_section_get_id (section),
                     from, position, error) &&
       _jp_store_add_history (self, jp_plan_get_id (plan), what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  keep = g_object_ref (section);
  jp_plan_remove_section (plan, section);
  jp_plan_insert_section (plan, position, section);
  jp_plan_emit_changed (plan);
  return TRUE;
}

/* ---- Items ------------------------------------------------------------------ */

gboolean
jp_store_insert_item (JpStore    *self,
                      JpSection  *section,
                      guint       position,
                      JpItem     *item,
                      GError    **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (jp_item_get_section (item) == NULL, FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (jp_section_get_items (section)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, section, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  if (!_jp_store_ensure_histories (item, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  what = what_for ("section", jp_section_get_id (section), "item insert");
  ok = shift_siblings (self, &items_table, jp_section_get_id (section), position, 1, error) &&
       _jp_store_insert_item_tree (ctx, jp_section_get_id (section), position, item, error) &&
       _jp_store_add_history (self, plan_id, what, NULL, jp_item_get_title (item), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  jp_section_insert_item (section, position, item);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_remove_item (JpStore  *self,
                      JpItem   *item,
                      GError  **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *what = NULL;
  JpSection *section;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);
  section = jp_item_get_section (item);

  if (!_jp_store_load_histories (self, NULL, item, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  what = what_for ("item", jp_item_get_id (item), "remove");
  ok = delete_sibling (self, &items_table, jp_section_get_id (section), jp_item_get_id (item), error) &&
       _jp_store_add_history (self, plan_id, what, jp_item_get_title (item), NULL, error);
  if (!finish (self, ok, error))
    return FALSE;

  jp_section_remove_item (section, item);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_move_item (JpStore    *self,
                    JpItem     *item,
                    JpSection  *section,
                    guint       position,
                    GError    **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpPlan) target_plan = NULL;
  g_autoptr(JpItem) keep = NULL;
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  JpSection *old_section;
  gboolean found;
  guint from;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;
  target_plan = require_plan (self, section, error);
  if (target_plan == NULL)
    return FALSE;
  g_return_val_if_fail (plan == target_plan, FALSE);

  old_section = jp_item_get_section (item);
  from = index_of (jp_section_get_items (old_section), item, &found);
  g_return_val_if_fail (found, FALSE);

  if (old_section == section)
    {
      g_return_val_if_fail (position < g_list_model_get_n_items (jp_section_get_items (section)), FALSE);
      if (from == position)
        return TRUE;
    }
  else
    g_return_val_if_fail (position <= g_list_model_get_n_items (jp_section_get_items (section)), FALSE);

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  if (old_section == section)
    ok = move_sibling (self, &items_table, jp_section_get_id (section), jp_item_get_id (item),
                       from, position, error);
  else
    {
      ok = shift_siblings (self, &items_table, jp_section_get_id (old_section), from + 1, -1, error) &&
           shift_siblings (self, &items_table, jp_section_get_id (section), position, 1, error);
      if (ok)
        {
          stmt = _jp_store_prepare (self, "UPDATE items SET section = ?1, position = ?2 WHERE id = ?3",
                                    error);
          ok = stmt != NULL;
        }
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, jp_section_get_id (section));
          sqlite3_bind_int64 (stmt, 2, position);
          sqlite3_bind_int64 (stmt, 3, jp_item_get_id (item));
          ok = _jp_store_exec (self, stmt, error) && check_changed_one (self, error);
        }
    }

  what = what_for ("item", jp_item_get_id (item), "position");
  old_text = g_strdup_printf ("section %" G_GINT64_FORMAT " position %u",
                              jp_section_get_id (old_section), from);
  new_text = g_strdup_printf ("section %" G_GINT64_FORMAT " position %u",
                              jp_section_get_id (section), position);
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  keep = g_object_ref (item);
  jp_section_remove_item (old_section, item);
  jp_section_insert_item (section, position, item);
  jp_plan_emit_changed (plan);
  return TRUE;
}

static gboolean
write_numbers (JpStore      *self,
               JpPlan       *plan,
               GPtrArray    *items,
               const int    *numbers,
               const char   *action,
               GError      **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autofree char *what = NULL;
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (old_text, "%s%d", i > 0 ? " " : "", jp_item_get_number (item));
      g_string_append_printf (new_text, "%s%d", i > 0 ? " " : "", numbers[i]);
      changed = changed || jp_item_get_number (item) != numbers[i];
    }

  if (!changed)
    return TRUE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  stmt = _jp_store_prepare (self, "UPDATE items SET number = ?1 WHERE id = ?2", error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      if (jp_item_get_number (item) == numbers[i])
        continue;

      sqlite3_bind_int (stmt, 1, numbers[i]);
      sqlite3_bind_int64 (stmt, 2, jp_item_get_id (item));
      ok = _jp_store_exec (self, stmt, error) && check_changed_one (self, error);
    }

  what = what_for ("plan", jp_plan_get_id (plan), action);
  ok = ok && _jp_store_add_history (self, jp_plan_get_id (plan), what,
                                    old_text->str, new_text->str, error);
  if (!finish (self, ok, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    jp_item_set_number (g_ptr_array_index (items, i), numbers[i]);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_renumber_items (JpStore  *self,
                         JpPlan   *plan,
                         GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree int *numbers = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_plan (self, plan, error))
    return FALSE;

  items = jp_plan_dup_items (plan);
  numbers = g_new (int, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    numbers[i] = (int) i + 1;

  return write_numbers (self, plan, items, numbers, "renumber", error);
}

gboolean
jp_store_set_item_numbers (JpStore    *self,
                           JpItem    **items,
                           const int  *numbers,
                           guint       n_items,
                           GError    **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) array = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (numbers != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_items == 0)
    return TRUE;

  array = g_ptr_array_new ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(JpPlan) item_plan = require_plan (self, items[i], error);

      if (item_plan == NULL)
        return FALSE;
      if (plan == NULL)
        plan = g_object_ref (item_plan);
      g_return_val_if_fail (item_plan == plan, FALSE);
      g_ptr_array_add (array, items[i]);
    }

  return write_numbers (self, plan, array, numbers, "numbers", error);
}

/* ---- Indicators --------------------------------------------------------- */

gboolean
jp_store_insert_indicator (JpStore      *self,
                           JpItem       *item,
                           guint         position,
                           JpIndicator  *indicator,
                           GError      **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (jp_indicator_get_item (indicator) == NULL, FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (jp_item_get_indicators (item)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  if (!_jp_store_ensure_histories (indicator, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  what = what_for ("item", jp_item_get_id (item), "indicator insert");
  ok = shift_siblings (self, &indicators_table, jp_item_get_id (item), position, 1, error) &&
       _jp_store_insert_indicator_tree (ctx, jp_item_get_id (item), position, indicator, error) &&
       _jp_store_add_history (self, plan_id, what, NULL, jp_indicator_get_name (indicator), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  jp_item_insert_indicator (item, position, indicator);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_remove_indicator (JpStore      *self,
                           JpIndicator  *indicator,
                           GError      **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *what = NULL;
  JpItem *item;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, indicator, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);
  item = jp_indicator_get_item (indicator);

  if (!jp_indicator_ensure_history (indicator, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  what = what_for ("indicator", jp_indicator_get_id (indicator), "remove");
  ok = delete_sibling (self, &indicators_table, jp_item_get_id (item),
                       jp_indicator_get_id (indicator), error) &&
       _jp_store_add_history (self, plan_id, what, jp_indicator_get_name (indicator), NULL, error);
  if (!finish (self, ok, error))
    return FALSE;

  jp_item_remove_indicator (item, indicator);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_move_indicator (JpStore      *self,
                         JpIndicator  *indicator,
                         guint         position,
                         GError      **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpIndicator) keep = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GListModel *indicators;
  JpItem *item;
  gboolean found;
  guint from;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, indicator, error);
  if (plan == NULL)
    return FALSE;

  item = jp_indicator_get_item (indicator);
  indicators = jp_item_get_indicators (item);
  g_return_val_if_fail (position < g_list_model_get_n_items (indicators), FALSE);
  from = index_of (indicators, indicator, &found);
  g_return_val_if_fail (found, FALSE);

  if (from == position)
    return TRUE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  what = what_for ("indicator", jp_indicator_get_id (indicator), "position");
  old_text = format_int (from);
  new_text = format_int (position);
  ok = move_sibling (self, &indicators_table, jp_item_get_id (item),
                     jp_indicator_get_id (indicator), from, position, error) &&
       _jp_store_add_history (self, jp_plan_get_id (plan), what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  keep = g_object_ref (indicator);
  jp_item_remove_indicator (item, indicator);
  jp_item_insert_indicator (item, position, indicator);
  jp_plan_emit_changed (plan);
  return TRUE;
}

/* ---- Leaders and units -------------------------------------------------- */

static GListModel *
get_item_list (JpItem     *item,
               JpLinkKind  kind)
{
  switch (kind)
    {
    case JP_LINK_LEADERS:
      return jp_item_get_leaders (item);
    case JP_LINK_UNITS:
      return jp_item_get_units (item);
    case JP_LINK_PARTNER_UNITS:
      return jp_item_get_partner_units (item);
    default:
      g_assert_not_reached ();
    }
}

static void
set_item_list (JpItem     *item,
               JpLinkKind  kind,
               GPtrArray  *people)
{
  switch (kind)
    {
    case JP_LINK_LEADERS:
      jp_item_set_leaders (item, (JpLeader **) people->pdata, people->len);
      break;
    case JP_LINK_UNITS:
      jp_item_set_units (item, (JpUnit **) people->pdata, people->len);
      break;
    case JP_LINK_PARTNER_UNITS:
      jp_item_set_partner_units (item, (JpUnit **) people->pdata, people->len);
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
names_text (gpointer *people,
            guint     n_people)
{
  const char **names = g_new0 (const char *, n_people + 1);
  char *text;

  for (guint i = 0; i < n_people; i++)
    names[i] = JP_IS_LEADER (people[i]) ? jp_leader_get_name (people[i])
                                        : jp_unit_get_name (people[i]);
  text = _jp_store_organizations_to_json (names);
  g_free (names);
  return text;
}

static gboolean
delete_links (JpStore     *self,
              gint64       item_id,
              JpLinkKind   kind,
              GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;

  if (kind == JP_LINK_LEADERS)
    stmt = _jp_store_prepare (self, "DELETE FROM item_leaders WHERE item = ?1", error);
  else
    stmt = _jp_store_prepare (self, "DELETE FROM item_units WHERE item = ?1 AND role = ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  if (kind != JP_LINK_LEADERS)
    sqlite3_bind_text (stmt, 2, kind == JP_LINK_UNITS ? "lead" : "partner", -1, SQLITE_STATIC);
  return _jp_store_exec (self, stmt, error);
}

static gboolean
replace_links (JpInsertContext  *ctx,
               JpItem           *item,
               JpLinkKind        kind,
               GPtrArray        *people,
               GError          **error)
{
  return _jp_store_write_links (ctx, item, jp_item_get_id (item), kind,
                                people->pdata, people->len, error);
}

static gboolean
set_item_people (JpStore     *self,
                 JpItem      *item,
                 JpLinkKind   kind,
                 gpointer    *people,
                 guint        n_people,
                 GError     **error)
{
  static const char * const actions[] = { "leaders", "units", "partner-units" };
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) new = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);
  g_return_val_if_fail (people != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, item, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  old = dup_list (get_item_list (item, kind));
  new = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_people; i++)
    g_ptr_array_add (new, g_object_ref (people[i]));

  if (old->len == new->len &&
      (old->len == 0 || memcmp (old->pdata, new->pdata, old->len * sizeof (gpointer)) == 0))
    return TRUE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  what = what_for ("item", jp_item_get_id (item), actions[kind]);
  old_text = names_text (old->pdata, old->len);
  new_text = names_text (new->pdata, new->len);
  ok = delete_links (self, jp_item_get_id (item), kind, error) &&
       replace_links (ctx, item, kind, new, error) &&
       _jp_store_add_history (self, plan_id, what, old_text, new_text, error);
  if (!finish (self, ok, error))
    return FALSE;

  set_item_list (item, kind, new);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_set_item_leaders (JpStore    *self,
                           JpItem     *item,
                           JpLeader  **leaders,
                           guint       n_leaders,
                           GError    **error)
{
  return set_item_people (self, item, JP_LINK_LEADERS, (gpointer *) leaders, n_leaders, error);
}

gboolean
jp_store_set_item_units (JpStore   *self,
                         JpItem    *item,
                         JpUnit   **units,
                         guint      n_units,
                         GError   **error)
{
  return set_item_people (self, item, JP_LINK_UNITS, (gpointer *) units, n_units, error);
}

gboolean
jp_store_set_item_partner_units (JpStore   *self,
                                 JpItem    *item,
                                 JpUnit   **units,
                                 guint      n_units,
                                 GError   **error)
{
  return set_item_people (self, item, JP_LINK_PARTNER_UNITS, (gpointer *) units, n_units, error);
}

static GListModel *
plan_people (JpPlan   *plan,
             gpointer  person)
{
  return JP_IS_LEADER (person) ? jp_plan_get_leaders (plan) : jp_plan_get_units (plan);
}

static const SiblingTable *
people_table (gpointer person)
{
  return JP_IS_LEADER (person) ? &leaders_table : &units_table;
}

static const char *
name_of (gpointer person)
{
  return JP_IS_LEADER (person) ? jp_leader_get_name (person) : jp_unit_get_name (person);
}

static void
plan_insert_person (JpPlan   *plan,
                    guint     position,
                    gpointer  person)
{
  if (JP_IS_LEADER (person))
    jp_plan_insert_leader (plan, position, person);
  else
    jp_plan_insert_unit (plan, position, person);
}

static void
plan_remove_person (JpPlan   *plan,
                    gpointer  person)
{
  if (JP_IS_LEADER (person))
    jp_plan_remove_leader (plan, person);
  else
    jp_plan_remove_unit (plan, person);
}

static gboolean
add_person (JpStore   *self,
            JpPlan    *plan,
            guint      position,
            gpointer   person,
            GError   **error)
{
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  GListModel *list;
  gboolean found;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  list = plan_people (plan, person);
  g_return_val_if_fail (position <= g_list_model_get_n_items (list), FALSE);
  index_of (list, person, &found);
  g_return_val_if_fail (!found, FALSE);

  plan_id = jp_plan_get_id (plan);
  if (!check_plan (self, plan, error))
    return FALSE;

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  what = g_strdup_printf ("plan %" G_GINT64_FORMAT " %s add", plan_id,
                          people_table (person)->noun);
  ok = shift_siblings (self, people_table (person), plan_id, position, 1, error) &&
       _jp_store_insert_person_row (ctx, position, person, error) &&
       _jp_store_add_history (self, plan_id, what, NULL, name_of (person), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  plan_insert_person (plan, position, person);
  jp_plan_emit_changed (plan);
  return TRUE;
}

gboolean
jp_store_add_leader (JpStore   *self,
                     JpPlan    *plan,
                     guint      position,
                     JpLeader  *leader,
                     GError   **error)
{
  g_return_val_if_fail (JP_IS_LEADER (leader), FALSE);

  return add_person (self, plan, position, leader, error);
}

gboolean
jp_store_add_unit (JpStore  *self,
                   JpPlan   *plan,
                   guint     position,
                   JpUnit   *unit,
                   GError  **error)
{
  g_return_val_if_fail (JP_IS_UNIT (unit), FALSE);

  return add_person (self, plan, position, unit, error);
}

/* ---- Merging and removing leaders and units ------------------------------ */

typedef struct
{
  JpItem     *item;     /* Owned */
  JpLinkKind  kind;
  GPtrArray  *before;   /* Owned; of JpLeader/JpUnit (owned) */
  GPtrArray  *after;
} ListChange;

struct _JpMergeRecord
{
  JpPlan  *plan;     /* Owned */
  GObject *from;     /* Owned: the leader or unit that left the plan */
  GObject *into;     /* Owned, nullable: NULL for a removal */
  guint    position; /* @from's index among the plan's leaders or units */
  GArray  *changes;  /* ListChange */
};

static void
clear_list_change (gpointer data)
{
  ListChange *change = data;

  g_clear_object (&change->item);
  g_clear_pointer (&change->before, g_ptr_array_unref);
  g_clear_pointer (&change->after, g_ptr_array_unref);
}

void
jp_merge_record_free (JpMergeRecord *record)
{
  if (record == NULL)
    return;

  g_clear_object (&record->plan);
  g_clear_object (&record->from);
  g_clear_object (&record->into);
  g_clear_pointer (&record->changes, g_array_unref);
  g_free (record);
}

gpointer
jp_merge_record_get_from (JpMergeRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->from;
}

gpointer
jp_merge_record_get_into (JpMergeRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->into;
}

/* What merging @from into @into (NULL: removing @from) does to the items. */
static JpMergeRecord *
plan_merge (JpPlan   *plan,
            gpointer  from,
            gpointer  into)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  JpMergeRecord *record = g_new0 (JpMergeRecord, 1);
  JpLinkKind kinds[2];
  guint n_kinds;
  gboolean found;

  record->plan = g_object_ref (plan);
  record->from = g_object_ref (from);
  record->into = into != NULL ? g_object_ref (into) : NULL;
  record->position = index_of (plan_people (plan, from), from, &found);
  record->changes = g_array_new (FALSE, TRUE, sizeof (ListChange));
  g_array_set_clear_func (record->changes, clear_list_change);

  if (JP_IS_LEADER (from))
    {
      kinds[0] = JP_LINK_LEADERS;
      n_kinds = 1;
    }
  else
    {
      kinds[0] = JP_LINK_UNITS;
      kinds[1] = JP_LINK_PARTNER_UNITS;
      n_kinds = 2;
    }

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      for (guint k = 0; k < n_kinds; k++)
        {
          g_autoptr(GPtrArray) before = dup_list (get_item_list (item, kinds[k]));
          ListChange change = { 0, };

          if (!g_ptr_array_find (before, from, NULL))
            continue;

          change.item = g_object_ref (item);
          change.kind = kinds[k];
          change.after = g_ptr_array_new_with_free_func (g_object_unref);
          /* @into once, in @from's place. */
          for (guint j = 0; j < before->len; j++)
            {
              gpointer person = g_ptr_array_index (before, j);

              if (person == into)
                continue;
              if (person == from)
                {
                  if (into != NULL)
                    g_ptr_array_add (change.after, g_object_ref (into));
                  continue;
                }
              g_ptr_array_add (change.after, g_object_ref (person));
            }
          change.before = g_steal_pointer (&before);
          g_array_append_val (record->changes, change);
        }
    }

  return record;
}

static gboolean
merge_people (JpStore         *self,
              gpointer         from,
              gpointer         into,
              JpMergeRecord  **out_record,
              GError         **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpMergeRecord) record = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  gint64 plan_id;
  gboolean ok = TRUE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != into, FALSE);
  g_return_val_if_fail (out_record == NULL || *out_record == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = require_plan (self, from, error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  if (into != NULL)
    {
      g_autoptr(JpPlan) into_plan = require_plan (self, into, error);

      if (into_plan == NULL)
        return FALSE;
      g_return_val_if_fail (into_plan == plan, FALSE);
    }

  record = plan_merge (plan, from, into);

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  for (guint i = 0; ok && i < record->changes->len; i++)
    {
      ListChange *change = &g_array_index (record->changes, ListChange, i);

      ok = delete_links (self, jp_item_get_id (change->item), change->kind, error) &&
           replace_links (ctx, change->item, change->kind, change->after, error);
    }

  ok = ok && delete_sibling (self, people_table (from), plan_id, object_id (from), error);

  what = what_for (people_table (from)->noun, object_id (from), into != NULL ? "merge" : "remove");
  ok = ok && _jp_store_add_history (self, plan_id, what, name_of (from),
                                    into != NULL ? name_of (into) : NULL, error);

  if (!finish (self, ok, error))
    return FALSE;

  for (guint i = 0; i < record->changes->len; i++)
    {
      ListChange *change = &g_array_index (record->changes, ListChange, i);

      set_item_list (change->item, change->kind, change->after);
    }
  _jp_store_set_owner (from, NULL);
  plan_remove_person (plan, from);
  jp_plan_emit_changed (plan);

  if (out_record != NULL)
    *out_record = g_steal_pointer (&record);
  return TRUE;
}

gboolean
jp_store_merge_leaders (JpStore   *self,
                        JpLeader  *from,
                        JpLeader  *into,
                        GError   **error)
{
  return jp_store_merge_leaders_full (self, from, into, NULL, error);
}

gboolean
jp_store_merge_units (JpStore  *self,
                      JpUnit   *from,
                      JpUnit   *into,
                      GError  **error)
{
  return jp_store_merge_units_full (self, from, into, NULL, error);
}

gboolean
jp_store_merge_leaders_full (JpStore         *self,
                             JpLeader        *from,
                             JpLeader        *into,
                             JpMergeRecord  **out_record,
                             GError         **error)
{
  g_return_val_if_fail (JP_IS_LEADER (from), FALSE);
  g_return_val_if_fail (JP_IS_LEADER (into), FALSE);

  return merge_people (self, from, into, out_record, error);
}

gboolean
jp_store_merge_units_full (JpStore         *self,
                           JpUnit          *from,
                           JpUnit          *into,
                           JpMergeRecord  **out_record,
                           GError         **error)
{
  g_return_val_if_fail (JP_IS_UNIT (from), FALSE);
  g_return_val_if_fail (JP_IS_UNIT (into), FALSE);

  return merge_people (self, from, into, out_record, error);
}

gboolean
jp_store_remove_leader (JpStore   *self,
                        JpLeader  *leader,
                        GError   **error)
{
  return jp_store_remove_leader_full (self, leader, NULL, error);
}

gboolean
jp_store_remove_unit (JpStore  *self,
                      JpUnit   *unit,
                      GError  **error)
{
  return jp_store_remove_unit_full (self, unit, NULL, error);
}

gboolean
jp_store_remove_leader_full (JpStore         *self,
                             JpLeader        *leader,
                             JpMergeRecord  **out_record,
                             GError         **error)
{
  g_return_val_if_fail (JP_IS_LEADER (leader), FALSE);

  return merge_people (self, leader, NULL, out_record, error);
}

gboolean
jp_store_remove_unit_full (JpStore         *self,
                           JpUnit          *unit,
                           JpMergeRecord  **out_record,
                           GError         **error)
{
  g_return_val_if_fail (JP_IS_UNIT (unit), FALSE);

  return merge_people (self, unit, NULL, out_record, error);
}

gboolean
jp_store_unmerge (JpStore        *self,
                  JpMergeRecord  *record,
                  GError        **error)
{
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autofree char *what = NULL;
  JpPlan *plan;
  gpointer from;
  GListModel *list;
  gboolean found;
  guint position;
  gint64 plan_id;
  gboolean ok;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = record->plan;
  from = record->from;
  plan_id = jp_plan_get_id (plan);
  if (!check_plan (self, plan, error))
    return FALSE;

  list = plan_people (plan, from);
  index_of (list, from, &found);
  g_return_val_if_fail (!found, FALSE);
  position = MIN (record->position, g_list_model_get_n_items (list));

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  ok = shift_siblings (self, people_table (from), plan_id, position, 1, error) &&
       _jp_store_insert_person_row (ctx, position, from, error);

  for (guint i = 0; ok && i < record->changes->len; i++)
    {
      ListChange *change = &g_array_index (record->changes, ListChange, i);

      ok = delete_links (self, jp_item_get_id (change->item), change->kind, error) &&
           replace_links (ctx, change->item, change->kind, change->before, error);
    }

  what = g_strdup_printf ("plan %" G_GINT64_FORMAT " %s %s", plan_id,
                          people_table (from)->noun, record->into != NULL ? "unmerge" : "restore");
  ok = ok && _jp_store_add_history (self, plan_id, what,
                                    record->into != NULL ? name_of (record->into) : NULL,
                                    name_of (from), error);
  if (!finish (self, ok, error))
    return FALSE;

  _jp_insert_context_apply (ctx);
  plan_insert_person (plan, position, from);
  for (guint i = 0; i < record->changes->len; i++)
    {
      ListChange *change = &g_array_index (record->changes, ListChange, i);

      set_item_list (change->item, change->kind, change->before);
    }
  jp_plan_emit_changed (plan);
  return TRUE;
}

/* ---- Many progress values at once ----------------------------------------- */

static gboolean
changed_meanwhile (GError **error)
{
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED,
                       _("The plan was changed by another program since it was loaded: "
                         "nothing was saved"));
  return FALSE;
}

/* Whether the file holds an entry of @indicator_id dated @date (another
 * program may have recorded one since the plan was read). */
static gboolean
has_entry_of_date (JpStore     *self,
                   gint64       indicator_id,
                   const char  *date,
                   gboolean    *found,
                   GError     **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  int rc;

  stmt = _jp_store_prepare (self, "SELECT 1 FROM progress WHERE indicator = ?1 AND date = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _jp_store_set_error (self, error, rc);
      return FALSE;
    }

  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
replace_progress_row (JpStore          *self,
                      gint64            plan_id,
                      JpIndicator      *indicator,
                      JpProgressEntry  *old,
                      JpProgressEntry  *entry,
                      GError          **error)
{
  g_autoptr(JpStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gint64 id = jp_progress_entry_get_id (old);
  const char *old_note = jp_progress_entry_get_note (old);
  const char *new_note = jp_progress_entry_get_note (entry);

  /* Only the value that was read: another program may have changed it. */
  stmt = _jp_store_prepare (self,
                            "UPDATE progress SET value = ?1, note = ?2"
                            " WHERE id = ?3 AND indicator = ?4 AND value = ?5",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_double (stmt, 1, jp_progress_entry_get_value (entry));
  sqlite3_bind_text (stmt, 2, new_note != NULL ? new_note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, jp_indicator_get_id (indicator));
  sqlite3_bind_double (stmt, 5, jp_progress_entry_get_value (old));
  if (!_jp_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return changed_meanwhile (error);

  old_text = _jp_store_format_double (jp_progress_entry_get_value (old));
  new_text = _jp_store_format_double (jp_progress_entry_get_value (entry));
  what = what_for ("progress", id, "value");
  if (!_jp_store_add_history (self, plan_id, what, old_text, new_text, error))
    return FALSE;

  if (g_strcmp0 (old_note != NULL ? old_note : "", new_note != NULL ? new_note : "") != 0)
    {
      g_free (what);
      what = what_for ("progress", id, "note");
      if (!_jp_store_add_history (self, plan_id, what, old_note, new_note, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
jp_store_record_progress (JpStore          *self,
                          JpIndicator     **indicators,
                          JpProgressEntry **entries,
                          JpProgressEntry **replaced,
                          guint             n_entries,
                          GError          **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpInsertContext) ctx = NULL;
  g_autoptr(GHashTable) added = NULL; /* JpIndicator → GPtrArray of new entries */
  GHashTableIter iter;
  gpointer key, value;
  gint64 plan_id;
  gboolean ok = TRUE;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_entries == 0 || (indicators != NULL && entries != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_entries == 0)
    return TRUE;

  plan = require_plan (self, indicators[0], error);
  if (plan == NULL)
    return FALSE;
  plan_id = jp_plan_get_id (plan);

  added = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(JpPlan) other = NULL;

      g_return_val_if_fail (JP_IS_INDICATOR (indicators[i]), FALSE);
      g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (entries[i]), FALSE);

      if (g_hash_table_contains (added, indicators[i]))
        continue;
      other = require_plan (self, indicators[i], error);
      if (other == NULL)
        return FALSE;
      if (other != plan)
        {
          g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                               "The progress values belong to several plans");
          return FALSE;
        }
      /* The latest entry changes: have the whole history first. */
      if (!jp_indicator_ensure_history (indicators[i], error))
        return FALSE;
      g_hash_table_insert (added, indicators[i], g_ptr_array_new ());
    }

  if (!_jp_store_begin_edit (self, error))
    return FALSE;

  ctx = _jp_insert_context_new (self, plan, plan_id);
  for (guint i = 0; ok && i < n_entries; i++)
    {
      JpProgressEntry *old = replaced != NULL ? replaced[i] : NULL;

      if (old != NULL)
        ok = replace_progress_row (self, plan_id, indicators[i], old, entries[i], error);
      else
        {
          g_autofree char *what = what_for ("indicator", jp_indicator_get_id (indicators[i]),
                                            "progress");
          g_autofree char *text = describe_entry (entries[i]);
          const char *date = jp_progress_entry_get_date (entries[i]);
          gboolean found = FALSE;

          /* One entry per indicator and date: none recorded meanwhile. */
          ok = date == NULL ||
               has_entry_of_date (self, jp_indicator_get_id (indicators[i]), date, &found, error);
          if (ok && found)
            ok = changed_meanwhile (error);
          ok = ok &&
               _jp_store_insert_progress_row (ctx, jp_indicator_get_id (indicators[i]),
                                              entries[i], error) &&
               _jp_store_add_history (self, plan_id, what, NULL, text, error);
        }
    }
  if (!finish (self, ok, error))
    return FALSE;

  /* The file holds them all: now the model. */
  _jp_insert_context_apply (ctx);
  for (guint i = 0; i < n_entries; i++)
    {
      JpProgressEntry *old = replaced != NULL ? replaced[i] : NULL;

      if (old != NULL)
        {
          jp_progress_entry_set_value (old, jp_progress_entry_get_value (entries[i]));
          jp_progress_entry_set_note (old, jp_progress_entry_get_note (entries[i]));
        }
      else
        g_ptr_array_add (g_hash_table_lookup (added, indicators[i]), entries[i]);
    }

  g_hash_table_iter_init (&iter, added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JpIndicator *indicator = key;
      GPtrArray *new_entries = value;
      g_autoptr(GPtrArray) all = NULL;
      GListModel *progress;
      guint n;

      if (new_entries->len == 0)
        continue;
      if (new_entries->len == 1)
        {
          jp_indicator_add_progress (indicator, g_ptr_array_index (new_entries, 0));
          continue;
        }

      /* One refill, not one sorted insertion per entry. */
      progress = jp_indicator_get_progress (indicator);
      n = g_list_model_get_n_items (progress);
      all = g_ptr_array_new_full (n + new_entries->len, g_object_unref);
      for (guint j = 0; j < n; j++)
        g_ptr_array_add (all, g_list_model_get_item (progress, j));
      for (guint j = 0; j < new_entries->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (new_entries, j)));
      jp_indicator_replace_progress (indicator, (JpProgressEntry **) all->pdata, all->len);
    }

  jp_plan_emit_changed (plan);
  return TRUE;
}
