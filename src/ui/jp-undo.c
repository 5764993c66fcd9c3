#define G_LOG_DOMAIN "jp-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-undo.h"

typedef enum
{
  OP_SET,
  OP_ADD_PROGRESS,
  OP_REMOVE_PROGRESS,
  OP_ADD_UPDATE,
  OP_REMOVE_UPDATE,
  OP_INSERT_SECTION,
  OP_REMOVE_SECTION,
  OP_MOVE_SECTION,
  OP_INSERT_ITEM,
  OP_REMOVE_ITEM,
  OP_MOVE_ITEM,
  OP_INSERT_INDICATOR,
  OP_REMOVE_INDICATOR,
  OP_MOVE_INDICATOR,
  OP_RENUMBER,
  OP_SET_PEOPLE,
  OP_ADD_PERSON,
  OP_REMOVE_PERSON,
  OP_MERGE,
} OpKind;

typedef struct
{
  JpItem    *item;          /* Owned */
  GPtrArray *lists[3];      /* Owned: old lists (NULL: not named there) */
} MergeAffected;

typedef struct
{
  OpKind        kind;
  GObject      *object;       /* Owned: what the edit acts on */
  GObject      *parent;       /* Owned: where it goes (plan, section, item, indicator) */
  GObject      *old_parent;   /* Owned: where a moved item came from */
  guint         position;
  guint         old_position;
  char         *property;
  GValue        old_value;
  GValue        new_value;
  JpPeopleKind  people_kind;
  GPtrArray    *old_people;   /* Owned */
  GPtrArray    *new_people;   /* Owned */
  GObject      *into;         /* Owned: merge target */
  GPtrArray    *items;        /* Owned: renumbered items */
  GArray       *numbers;      /* their old numbers */
  GPtrArray    *affected;     /* MergeAffected */
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;
  guint64    serial;  /* unique to the step, for what announced it */
} Command;

struct _JpUndo
{
  GObject    parent_instance;

  JpStore   *store;      /* Owned */
  GPtrArray *undo_stack; /* Command, oldest first */
  GPtrArray *redo_stack; /* Command, the next redo last */
  Command   *open;       /* the group being recorded */
  guint      depth;
  gboolean   batched;    /* the open group is a batch of the store */
};

G_DEFINE_FINAL_TYPE (JpUndo, jp_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGES_LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
merge_affected_free (gpointer data)
{
  MergeAffected *a = data;

  g_clear_object (&a->item);
  for (guint i = 0; i < G_N_ELEMENTS (a->lists); i++)
    g_clear_pointer (&a->lists[i], g_ptr_array_unref);
  g_free (a);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->object);
  g_clear_object (&op->parent);
  g_clear_object (&op->old_parent);
  g_clear_object (&op->into);
  g_free (op->property);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_clear_pointer (&op->old_people, g_ptr_array_unref);
  g_clear_pointer (&op->new_people, g_ptr_array_unref);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->numbers, g_array_unref);
  g_clear_pointer (&op->affected, g_ptr_array_unref);
  g_free (op);
}

static Op *
op_new (OpKind   kind,
        gpointer object,
        gpointer parent)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->object = object != NULL ? g_object_ref (G_OBJECT (object)) : NULL;
  op->parent = parent != NULL ? g_object_ref (G_OBJECT (parent)) : NULL;

  return op;
}

static void
command_free (gpointer data)
{
  Command *command = data;

  g_free (command->label);
  g_ptr_array_unref (command->ops);
  g_free (command);
}

static Command *
command_new (const char *label)
{
  static guint64 last_serial;
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  command->serial = ++last_serial;
  command->ops = g_ptr_array_new_with_free_func (op_free);

  return command;
}

static void
notify_state (JpUndo *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* ---- positions and lists ------------------------------------------------ */

static guint
index_in (GListModel *model,
          gpointer    object)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if ((gpointer) o == object)
        return i;
    }

  return G_MAXUINT;
}

static GPtrArray *
dup_list (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));

  return array;
}

static gboolean
list_equals (GListModel *model,
             GPtrArray  *array)
{
  guint n = g_list_model_get_n_items (model);

  if (n != array->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if ((gpointer) o != g_ptr_array_index (array, i))
        return FALSE;
    }

  return TRUE;
}

static GListModel *
item_people (JpItem       *item,
             JpPeopleKind  kind)
{
  switch (kind)
    {
    case JP_PEOPLE_LEADERS:
      return jp_item_get_leaders (item);
    case JP_PEOPLE_UNITS:
      return jp_item_get_units (item);
    case JP_PEOPLE_PARTNER_UNITS:
      return jp_item_get_partner_units (item);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
store_set_people (JpStore      *store,
                  JpItem       *item,
                  JpPeopleKind  kind,
                  GPtrArray    *people,
                  GError      **error)
{
  switch (kind)
    {
    case JP_PEOPLE_LEADERS:
      return jp_store_set_item_leaders (store, item, (JpLeader **) people->pdata,
                                        people->len, error);
    case JP_PEOPLE_UNITS:
      return jp_store_set_item_units (store, item, (JpUnit **) people->pdata,
                                      people->len, error);
    case JP_PEOPLE_PARTNER_UNITS:
      return jp_store_set_item_partner_units (store, item, (JpUnit **) people->pdata,
                                              people->len, error);
    default:
      g_assert_not_reached ();
    }
}

static GListModel *
plan_people_of (JpPlan   *plan,
                gpointer  person)
{
  return JP_IS_LEADER (person) ? jp_plan_get_leaders (plan) : jp_plan_get_units (plan);
}

static gboolean
store_add_person (JpStore  *store,
                  JpPlan   *plan,
                  guint     position,
                  gpointer  person,
                  GError  **error)
{
  if (JP_IS_LEADER (person))
    return jp_store_add_leader (store, plan, position, person, error);
  return jp_store_add_unit (store, plan, position, person, error);
}

static gboolean
store_remove_person (JpStore  *store,
                     gpointer  person,
                     GError  **error)
{
  if (JP_IS_LEADER (person))
    return jp_store_remove_leader (store, person, error);
  return jp_store_remove_unit (store, person, error);
}

static JpPlan *
item_plan (JpItem *item)
{
  JpSection *section = jp_item_get_section (item);

  return section != NULL ? jp_section_get_plan (section) : NULL;
}

/* A removed object is put back whole by undo: load the progress histories
 * that the store loads lazily, so that nothing is lost on the way. */
static gboolean
ensure_indicator_history (JpIndicator *indicator,
                          GError     **error)
{
  if (jp_indicator_get_history_loaded (indicator))
    return TRUE;
  return jp_indicator_ensure_history (indicator, error);
}

static gboolean
ensure_item_history (JpItem  *item,
                     GError **error)
{
  GListModel *indicators = jp_item_get_indicators (item);
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);

      if (!ensure_indicator_history (indicator, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_section_history (JpSection *section,
                        GError   **error)
{
  GListModel *items = jp_section_get_items (section);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);

      if (!ensure_item_history (item, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- applying and reverting -------------------------------------------- */

static gboolean
op_apply (JpUndo  *self,
          Op      *op,
          GError **error)
{
  JpStore *store = self->store;

  switch (op->kind)
    {
    case OP_SET:
      return jp_store_set (store, op->object, op->property, &op->new_value, error);

    case OP_ADD_PROGRESS:
      return jp_store_add_progress (store, JP_INDICATOR (op->parent),
                                    JP_PROGRESS_ENTRY (op->object), error);
    case OP_REMOVE_PROGRESS:
      return jp_store_remove_progress (store, JP_INDICATOR (op->parent),
                                       JP_PROGRESS_ENTRY (op->object), error);
    case OP_ADD_UPDATE:
      return jp_store_add_update (store, JP_ITEM (op->parent),
                                  JP_ITEM_UPDATE (op->object), error);
    case OP_REMOVE_UPDATE:
      return jp_store_remove_update (store, JP_ITEM (op->parent),
                                     JP_ITEM_UPDATE (op->object), error);

    case OP_INSERT_SECTION:
      return jp_store_insert_section (store, JP_PLAN (op->parent), op->position,
                                      JP_SECTION (op->object), error);
    case OP_REMOVE_SECTION:
      op->position = index_in (jp_plan_get_sections (JP_PLAN (op->parent)), op->object);
      return ensure_section_history (JP_SECTION (op->object), error) &&
             jp_store_remove_section (store, JP_SECTION (op->object), error);
    case OP_MOVE_SECTION:
      return jp_store_move_section (store, JP_SECTION (op->object), op->position, error);

    case OP_INSERT_ITEM:
      return jp_store_insert_item (store, JP_SECTION (op->parent), op->position,
                                   JP_ITEM (op->object), error);
    case OP_REMOVE_ITEM:
      op->position = index_in (jp_section_get_items (JP_SECTION (op->parent)), op->object);
      return ensure_item_history (JP_ITEM (op->object), error) &&
             jp_store_remove_item (store, JP_ITEM (op->object), error);
    case OP_MOVE_ITEM:
      return jp_store_move_item (store, JP_ITEM (op->object), JP_SECTION (op->parent),
                                 op->position, error);

    case OP_INSERT_INDICATOR:
      return jp_store_insert_indicator (store, JP_ITEM (op->parent), op->position,
                                        JP_INDICATOR (op->object), error);
    case OP_REMOVE_INDICATOR:
      op->position = index_in (jp_item_get_indicators (JP_ITEM (op->parent)), op->object);
      return ensure_indicator_history (JP_INDICATOR (op->object), error) &&
             jp_store_remove_indicator (store, JP_INDICATOR (op->object), error);
    case OP_MOVE_INDICATOR:
      return jp_store_move_indicator (store, JP_INDICATOR (op->object), op->position, error);

    case OP_RENUMBER:
      {
        g_autoptr(GPtrArray) items = jp_plan_dup_items (JP_PLAN (op->parent));

        g_clear_pointer (&op->items, g_ptr_array_unref);
        g_clear_pointer (&op->numbers, g_array_unref);
        op->items = g_ptr_array_new_with_free_func (g_object_unref);
        op->numbers = g_array_new (FALSE, FALSE, sizeof (int));
        for (guint i = 0; i < items->len; i++)
          {
            JpItem *item = g_ptr_array_index (items, i);
            int number = jp_item_get_number (item);

            g_ptr_array_add (op->items, g_object_ref (item));
            g_array_append_val (op->numbers, number);
          }

        return jp_store_renumber_items (store, JP_PLAN (op->parent), error);
      }

    case OP_SET_PEOPLE:
      return store_set_people (store, JP_ITEM (op->object), op->people_kind,
                               op->new_people, error);
    case OP_ADD_PERSON:
      return store_add_person (store, JP_PLAN (op->parent), op->position, op->object, error);
    case OP_REMOVE_PERSON:
      op->position = index_in (plan_people_of (JP_PLAN (op->parent), op->object), op->object);
      return store_remove_person (store, op->object, error);

    case OP_MERGE:
      {
        JpPlan *plan = JP_PLAN (op->parent);
        g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
        gboolean is_leader = JP_IS_LEADER (op->object);

        g_clear_pointer (&op->affected, g_ptr_array_unref);
        op->affected = g_ptr_array_new_with_free_func (merge_affected_free);
        op->position = index_in (plan_people_of (plan, op->object), op->object);

        for (guint i = 0; i < items->len; i++)
          {
            JpItem *item = g_ptr_array_index (items, i);
            MergeAffected *a = NULL;

            for (JpPeopleKind k = JP_PEOPLE_LEADERS; k <= JP_PEOPLE_PARTNER_UNITS; k++)
              {
                GListModel *list;

                if (is_leader != (k == JP_PEOPLE_LEADERS))
                  continue;

                list = item_people (item, k);
                if (index_in (list, op->object) == G_MAXUINT)
                  continue;

                if (a == NULL)
                  {
                    a = g_new0 (MergeAffected, 1);
                    a->item = g_object_ref (item);
                    g_ptr_array_add (op->affected, a);
                  }
                a->lists[k] = dup_list (list);
              }
          }

        if (is_leader)
          return jp_store_merge_leaders (store, JP_LEADER (op->object), JP_LEADER (op->into), error);
        return jp_store_merge_units (store, JP_UNIT (op->object), JP_UNIT (op->into), error);
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
op_revert (JpUndo  *self,
           Op      *op,
           GError **error)
{
  JpStore *store = self->store;

  switch (op->kind)
    {
    case OP_SET:
      return jp_store_set (store, op->object, op->property, &op->old_value, error);

    case OP_ADD_PROGRESS:
      return jp_store_remove_progress (store, JP_INDICATOR (op->parent),
                                       JP_PROGRESS_ENTRY (op->object), error);
    case OP_REMOVE_PROGRESS:
      return jp_store_add_progress (store, JP_INDICATOR (op->parent),
                                    JP_PROGRESS_ENTRY (op->object), error);
    case OP_ADD_UPDATE:
      return jp_store_remove_update (store, JP_ITEM (op->parent),
                                     JP_ITEM_UPDATE (op->object), error);
    case OP_REMOVE_UPDATE:
      return jp_store_add_update (store, JP_ITEM (op->parent),
                                  JP_ITEM_UPDATE (op->object), error);

    case OP_INSERT_SECTION:
      return ensure_section_history (JP_SECTION (op->object), error) &&
             jp_store_remove_section (store, JP_SECTION (op->object), error);
    case OP_REMOVE_SECTION:
      return jp_store_insert_section (store, JP_PLAN (op->parent), op->position,
                                      JP_SECTION (op->object), error);
    case OP_MOVE_SECTION:
      return jp_store_move_section (store, JP_SECTION (op->object), op->old_position, error);

    case OP_INSERT_ITEM:
      return ensure_item_history (JP_ITEM (op->object), error) &&
             jp_store_remove_item (store, JP_ITEM (op->object), error);
    case OP_REMOVE_ITEM:
      return jp_store_insert_item (store, JP_SECTION (op->parent), op->position,
                                   JP_ITEM (op->object), error);
    case OP_MOVE_ITEM:
      return jp_store_move_item (store, JP_ITEM (op->object), JP_SECTION (op->old_parent),
                                 op->old_position, error);

    case OP_INSERT_INDICATOR:
      return ensure_indicator_history (JP_INDICATOR (op->object), error) &&
             jp_store_remove_indicator (store, JP_INDICATOR (op->object), error);
    case OP_REMOVE_INDICATOR:
      return jp_store_insert_indicator (store, JP_ITEM (op->parent), op->position,
                                        JP_INDICATOR (op->object), error);
    case OP_MOVE_INDICATOR:
      return jp_store_move_indicator (store, JP_INDICATOR (op->object), op->old_position, error);

    case OP_RENUMBER:
      for (guint i = 0; i < op->items->len; i++)
        {
          JpItem *item = g_ptr_array_index (op->items, i);
          int number = g_array_index (op->numbers, int, i);

          if (jp_item_get_section (item) == NULL || jp_item_get_number (item) == number)
            continue;

          if (!jp_store_set_int (store, item, "number", number, error))
            return FALSE;
        }
      return TRUE;

    case OP_SET_PEOPLE:
      return store_set_people (store, JP_ITEM (op->object), op->people_kind,
                               op->old_people, error);
    case OP_ADD_PERSON:
      return store_remove_person (store, op->object, error);
    case OP_REMOVE_PERSON:
      return store_add_person (store, JP_PLAN (op->parent), op->position, op->object, error);

    case OP_MERGE:
      if (!store_add_person (store, JP_PLAN (op->parent), op->position, op->object, error))
        return FALSE;

      for (guint i = 0; i < op->affected->len; i++)
        {
          MergeAffected *a = g_ptr_array_index (op->affected, i);

          for (JpPeopleKind k = JP_PEOPLE_LEADERS; k <= JP_PEOPLE_PARTNER_UNITS; k++)
            {
              if (a->lists[k] == NULL || list_equals (item_people (a->item, k), a->lists[k]))
                continue;

              if (!store_set_people (store, a->item, k, a->lists[k], error))
                return FALSE;
            }
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Applies a new op and records it; takes @op. */
static gboolean
run (JpUndo     *self,
     Op         *op,
     const char *label,
     GError    **error)
{
  if (!op_apply (self, op, error))
    {
      op_free (op);
      return FALSE;
    }

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->ops, op);
    }
  else
    {
      Command *command = command_new (label);

      g_ptr_array_add (command->ops, op);
      g_ptr_array_add (self->undo_stack, command);
    }

  g_ptr_array_set_size (self->redo_stack, 0);

  if (self->open == NULL)
    notify_state (self);

  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_undo_dispose (GObject *object)
{
  JpUndo *self = (JpUndo *) object;

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_pointer (&self->open, command_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jp_undo_parent_class)->dispose (object);
}

static void
jp_undo_finalize (GObject *object)
{
  JpUndo *self = (JpUndo *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);

  G_OBJECT_CLASS (jp_undo_parent_class)->finalize (object);
}

static void
jp_undo_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JpUndo *self = JP_UNDO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jp_undo_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, jp_undo_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, jp_undo_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, jp_undo_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_undo_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JpUndo *self = JP_UNDO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_undo_class_init (JpUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_undo_dispose;
  object_class->finalize = jp_undo_finalize;
  object_class->get_property = jp_undo_get_property;
  object_class->set_property = jp_undo_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, JP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpUndo::changes-lost:
   *
   * A step's transaction failed after the model had taken some of its
   * edits: the model no longer matches the file, which holds what it held
   * before the step. Read the plan again.
   */
  signals[CHANGES_LOST] =
    g_signal_new ("changes-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jp_undo_init (JpUndo *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
}

/* ---- public API ------------------------------------------------------- */

JpUndo *
jp_undo_new (JpStore *store)
{
  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  return g_object_new (JP_TYPE_UNDO, "store", store, NULL);
}

JpStore *
jp_undo_get_store (JpUndo *self)
{
  g_return_val_if_fail (JP_IS_UNDO (self), NULL);

  return self->store;
}

gboolean
jp_undo_get_can_undo (JpUndo *self)
{
  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
jp_undo_get_can_redo (JpUndo *self)
{
  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);

  return self->redo_stack->len > 0;
}

const char *
jp_undo_get_undo_label (JpUndo *self)
{
  Command *command;

  g_return_val_if_fail (JP_IS_UNDO (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  command = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return command->label;
}

/**
 * jp_undo_get_undo_serial:
 *
 * Returns: a number unique to the step undo would act on (0 when none):
 *   what announced a step (a toast with "Undo") undoes that step only
 */
guint64
jp_undo_get_undo_serial (JpUndo *self)
{
  Command *command;

  g_return_val_if_fail (JP_IS_UNDO (self), 0);

  if (self->undo_stack->len == 0)
    return 0;
  command = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return command->serial;
}

const char *
jp_undo_get_redo_label (JpUndo *self)
{
  Command *command;

  g_return_val_if_fail (JP_IS_UNDO (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  command = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return command->label;
}

/* Reverts @command's ops (last first); on failure re-applies what was
 * reverted, so that the step stays whole, and returns FALSE. */
/* On failure, *@clean tells whether the ops done were put back in the
 * model (the caller then rolls the file back too). */
static gboolean
revert_command (JpUndo   *self,
                Command  *command,
                gboolean *clean,
                GError  **error)
{
  *clean = TRUE;
  for (guint i = command->ops->len; i > 0; i--)
    {
      if (!op_revert (self, g_ptr_array_index (command->ops, i - 1), error))
        {
          for (guint j = i; j < command->ops->len; j++)
            if (!op_apply (self, g_ptr_array_index (command->ops, j), NULL))
              *clean = FALSE;
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_command (JpUndo   *self,
               Command  *command,
               gboolean *clean,
               GError  **error)
{
  *clean = TRUE;
  for (guint i = 0; i < command->ops->len; i++)
    {
      if (!op_apply (self, g_ptr_array_index (command->ops, i), error))
        {
          for (guint j = i; j > 0; j--)
            if (!op_revert (self, g_ptr_array_index (command->ops, j - 1), NULL))
              *clean = FALSE;
          return FALSE;
        }
    }

  return TRUE;
}

/* Ends the store's batch of a step: commits it (@ok), or rolls it back,
 * the model having been put back (@clean) or not. Emits ::changes-lost
 * when the model no longer matches the file. */
static gboolean
end_batch (JpUndo    *self,
           gboolean   ok,
           gboolean   clean,
           GError   **error)
{
  if (ok && jp_store_end_batch (self->store, TRUE, error))
    return TRUE;

  if (!ok)
    jp_store_end_batch (self->store, FALSE, NULL);
  if (ok || !clean)
    g_signal_emit (self, signals[CHANGES_LOST], 0);
  return FALSE;
}

gboolean
jp_undo_undo (JpUndo  *self,
              GError **error)
{
  Command *command;
  gboolean ok, clean;

  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->undo_stack->len == 0)
    return TRUE;

  if (!jp_store_begin_batch (self->store, error))
    return FALSE;

  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  ok = revert_command (self, command, &clean, error);
  if (!end_batch (self, ok, clean, ok ? error : NULL))
    {
      g_ptr_array_add (self->undo_stack, command);
      notify_state (self);
      return FALSE;
    }

  g_ptr_array_add (self->redo_stack, command);
  notify_state (self);

  return TRUE;
}

gboolean
jp_undo_redo (JpUndo  *self,
              GError **error)
{
  Command *command;
  gboolean ok, clean;

  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->redo_stack->len == 0)
    return TRUE;

  if (!jp_store_begin_batch (self->store, error))
    return FALSE;

  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  ok = apply_command (self, command, &clean, error);
  if (!end_batch (self, ok, clean, ok ? error : NULL))
    {
      g_ptr_array_add (self->redo_stack, command);
      notify_state (self);
      return FALSE;
    }

  g_ptr_array_add (self->undo_stack, command);
  notify_state (self);

  return TRUE;
}

void
jp_undo_clear (JpUndo *self)
{
  g_return_if_fail (JP_IS_UNDO (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_state (self);
}

void
jp_undo_begin_group (JpUndo     *self,
                     const char *label)
{
  g_return_if_fail (JP_IS_UNDO (self));

  if (self->depth++ > 0)
    return;

  self->open = command_new (label);
  /* When the batch cannot begin (another program changed the plan, the
   * file is read-only…), the group's first edit fails for the same
   * reason and the group is aborted. */
  self->batched = jp_store_begin_batch (self->store, NULL);
}

gboolean
jp_undo_end_group (JpUndo  *self,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->batched)
    {
      self->batched = FALSE;
      ok = end_batch (self, TRUE, TRUE, &local_error);
    }

  if (ok && self->open->ops->len > 0)
    g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->open));
  else
    g_clear_pointer (&self->open, command_free);

  notify_state (self);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

void
jp_undo_abort_group (JpUndo *self)
{
  g_autoptr(GError) error = NULL;
  Command *command;
  gboolean clean, reverted;

  g_return_if_fail (JP_IS_UNDO (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  command = g_steal_pointer (&self->open);
  reverted = revert_command (self, command, &clean, &error);
  if (!reverted)
    g_debug ("Could not take back an aborted step: %s", error->message);
  /* Nothing of the group stays in the file (nor in its history); the
   * model matches it when every edit was taken back. */
  if (self->batched)
    {
      self->batched = FALSE;
      end_batch (self, FALSE, reverted, NULL);
    }
  else if (!reverted)
    g_signal_emit (self, signals[CHANGES_LOST], 0);
  command_free (command);

  notify_state (self);
}

gboolean
jp_undo_set (JpUndo       *self,
             gpointer      object,
             const char   *property,
             const GValue *value,
             GError      **error)
{
  GParamSpec *pspec;
  Op *op;

  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  op = op_new (OP_SET, object, NULL);
  op->property = g_strdup (property);
  g_value_init (&op->old_value, pspec->value_type);
  g_value_init (&op->new_value, pspec->value_type);
  g_object_get_property (G_OBJECT (object), property, &op->old_value);
  if (!g_value_transform (value, &op->new_value))
    g_return_val_if_reached ((op_free (op), FALSE));

  if (g_param_values_cmp (pspec, &op->old_value, &op->new_value) == 0)
    {
      op_free (op);
      return TRUE;
    }

  return run (self, op, _("Edit"), error);
}

gboolean
jp_undo_set_string (JpUndo      *self,
                    gpointer     object,
                    const char  *property,
                    const char  *value,
                    GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return jp_undo_set (self, object, property, &v, error);
}

gboolean
jp_undo_set_double (JpUndo      *self,
                    gpointer     object,
                    const char  *property,
                    double       value,
                    GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return jp_undo_set (self, object, property, &v, error);
}

gboolean
jp_undo_set_int (JpUndo      *self,
                 gpointer     object,
                 const char  *property,
                 int          value,
                 GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  return jp_undo_set (self, object, property, &v, error);
}

gboolean
jp_undo_set_boolean (JpUndo      *self,
                     gpointer     object,
                     const char  *property,
                     gboolean     value,
                     GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return jp_undo_set (self, object, property, &v, error);
}

gboolean
jp_undo_set_enum (JpUndo      *self,
                  gpointer     object,
                  const char  *property,
                  int          value,
                  GError     **error)
{
  GParamSpec *pspec;
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec), FALSE);

  g_value_init (&v, pspec->value_type);
  g_value_set_enum (&v, value);
  return jp_undo_set (self, object, property, &v, error);
}

gboolean
jp_undo_add_progress (JpUndo          *self,
                      JpIndicator     *indicator,
                      JpProgressEntry *entry,
                      GError         **error)
{
  return run (self, op_new (OP_ADD_PROGRESS, entry, indicator), _("Record progress"), error);
}

gboolean
jp_undo_remove_progress (JpUndo          *self,
                         JpIndicator     *indicator,
                         JpProgressEntry *entry,
                         GError         **error)
{
  return run (self, op_new (OP_REMOVE_PROGRESS, entry, indicator),
              _("Delete progress entry"), error);
}

gboolean
jp_undo_add_update (JpUndo        *self,
                    JpItem        *item,
                    JpItemUpdate  *update,
                    GError       **error)
{
  return run (self, op_new (OP_ADD_UPDATE, update, item), _("Add update"), error);
}

gboolean
jp_undo_remove_update (JpUndo        *self,
                       JpItem        *item,
                       JpItemUpdate  *update,
                       GError       **error)
{
  return run (self, op_new (OP_REMOVE_UPDATE, update, item), _("Delete update"), error);
}

gboolean
jp_undo_insert_section (JpUndo     *self,
                        JpPlan     *plan,
                        guint       position,
                        JpSection  *section,
                        GError    **error)
{
  Op *op = op_new (OP_INSERT_SECTION, section, plan);

  op->position = position;
  return run (self, op, _("Add section"), error);
}

gboolean
jp_undo_remove_section (JpUndo     *self,
                        JpSection  *section,
                        GError    **error)
{
  return run (self, op_new (OP_REMOVE_SECTION, section, jp_section_get_plan (section)),
              _("Delete section"), error);
}

gboolean
jp_undo_move_section (JpUndo     *self,
                      JpSection  *section,
                      guint       position,
                      GError    **error)
{
  Op *op = op_new (OP_MOVE_SECTION, section, jp_section_get_plan (section));

  op->old_position = (guint) jp_section_get_position (section);
  op->position = position;
  if (op->old_position == position)
    {
      op_free (op);
      return TRUE;
    }
  return run (self, op, _("Move section"), error);
}

gboolean
jp_undo_insert_item (JpUndo     *self,
                     JpSection  *section,
                     guint       position,
                     JpItem     *item,
                     GError    **error)
{
  Op *op = op_new (OP_INSERT_ITEM, item, section);

  op->position = position;
  return run (self, op, _("Add work point"), error);
}

gboolean
jp_undo_remove_item (JpUndo   *self,
                     JpItem   *item,
                     GError  **error)
{
  return run (self, op_new (OP_REMOVE_ITEM, item, jp_item_get_section (item)),
              _("Delete work point"), error);
}

gboolean
jp_undo_move_item (JpUndo     *self,
                   JpItem     *item,
                   JpSection  *section,
                   guint       position,
                   GError    **error)
{
  JpSection *old_section = jp_item_get_section (item);
  Op *op = op_new (OP_MOVE_ITEM, item, section);

  op->old_parent = g_object_ref (G_OBJECT (old_section));
  op->old_position = index_in (jp_section_get_items (old_section), item);
  op->position = position;
  if (old_section == section && op->old_position == position)
    {
      op_free (op);
      return TRUE;
    }
  return run (self, op, _("Move work point"), error);
}

gboolean
jp_undo_items_are_sequential (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    if (jp_item_get_number (g_ptr_array_index (items, i)) != (int) i + 1)
      return FALSE;

  return TRUE;
}

gboolean
jp_undo_renumber_items (JpUndo  *self,
                        JpPlan  *plan,
                        GError **error)
{
  if (jp_undo_items_are_sequential (plan))
    return TRUE;

  return run (self, op_new (OP_RENUMBER, NULL, plan), _("Renumber work points"), error);
}

gboolean
jp_undo_insert_indicator (JpUndo       *self,
                          JpItem       *item,
                          guint         position,
                          JpIndicator  *indicator,
                          GError      **error)
{
  Op *op = op_new (OP_INSERT_INDICATOR, indicator, item);

  op->position = position;
  return run (self, op, _("Add target"), error);
}

gboolean
jp_undo_remove_indicator (JpUndo       *self,
                          JpIndicator  *indicator,
                          GError      **error)
{
  return run (self, op_new (OP_REMOVE_INDICATOR, indicator, jp_indicator_get_item (indicator)),
              _("Delete target"), error);
}

gboolean
jp_undo_move_indicator (JpUndo       *self,
                        JpIndicator  *indicator,
                        guint         position,
                        GError      **error)
{
  JpItem *item = jp_indicator_get_item (indicator);
  Op *op = op_new (OP_MOVE_INDICATOR, indicator, item);

  op->old_position = index_in (jp_item_get_indicators (item), indicator);
  op->position = position;
  if (op->old_position == position)
    {
      op_free (op);
      return TRUE;
    }
  return run (self, op, _("Move target"), error);
}

gboolean
jp_undo_set_item_people (JpUndo              *self,
                         JpItem              *item,
                         JpPeopleKind         kind,
                         const char * const  *names,
                         GError             **error)
{
  JpPlan *plan = item_plan (item);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Op *op;

  g_return_val_if_fail (JP_IS_UNDO (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  jp_undo_begin_group (self, kind == JP_PEOPLE_LEADERS ? _("Change leaders") : _("Change units"));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      gpointer person;

      if (name[0] == '\0' || !g_hash_table_add (seen, g_strdup (name)))
        continue;

      if (kind == JP_PEOPLE_LEADERS)
        person = jp_plan_find_leader (plan, name);
      else
        person = jp_plan_find_unit (plan, name);

      if (person == NULL)
        {
          g_autoptr(GObject) added = NULL;
          GListModel *list;

          if (kind == JP_PEOPLE_LEADERS)
            added = G_OBJECT (jp_leader_new (name));
          else
            added = G_OBJECT (jp_unit_new (name));

          list = plan_people_of (plan, added);
          if (!jp_undo_add_person (self, plan, g_list_model_get_n_items (list), added, error))
            {
              jp_undo_abort_group (self);
              return FALSE;
            }
          person = added;
        }

      g_ptr_array_add (people, g_object_ref (person));
    }

  if (list_equals (item_people (item, kind), people))
    return jp_undo_end_group (self, error);

  op = op_new (OP_SET_PEOPLE, item, NULL);
  op->people_kind = kind;
  op->old_people = dup_list (item_people (item, kind));
  op->new_people = g_ptr_array_ref (people);

  if (!run (self, op, NULL, error))
    {
      jp_undo_abort_group (self);
      return FALSE;
    }

  return jp_undo_end_group (self, error);
}

gboolean
jp_undo_add_person (JpUndo   *self,
                    JpPlan   *plan,
                    guint     position,
                    gpointer  person,
                    GError  **error)
{
  Op *op;

  g_return_val_if_fail (JP_IS_LEADER (person) || JP_IS_UNIT (person), FALSE);

  op = op_new (OP_ADD_PERSON, person, plan);
  op->position = position;
  return run (self, op, JP_IS_LEADER (person) ? _("Add leader") : _("Add unit"), error);
}

gboolean
jp_undo_remove_person (JpUndo   *self,
                       JpPlan   *plan,
                       gpointer  person,
                       GError  **error)
{
  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (JP_IS_LEADER (person) || JP_IS_UNIT (person), FALSE);

  return run (self, op_new (OP_REMOVE_PERSON, person, plan),
              JP_IS_LEADER (person) ? _("Delete leader") : _("Delete unit"), error);
}

gboolean
jp_undo_merge_people (JpUndo   *self,
                      JpPlan   *plan,
                      gpointer  from,
                      gpointer  into,
                      GError  **error)
{
  Op *op;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail ((JP_IS_LEADER (from) && JP_IS_LEADER (into)) ||
                        (JP_IS_UNIT (from) && JP_IS_UNIT (into)), FALSE);
  g_return_val_if_fail (from != into, FALSE);

  op = op_new (OP_MERGE, from, plan);
  op->into = g_object_ref (G_OBJECT (into));
  return run (self, op, JP_IS_LEADER (from) ? _("Merge leaders") : _("Merge units"), error);
}
