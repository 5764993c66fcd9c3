#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-item.h"

#include "jp-indicator.h"
#include "jp-item-update.h"
#include "jp-leader.h"
#include "jp-model-private.h"
#include "jp-unit.h"

struct _JpItem
{
  GObject     parent_instance;

  gint64      id;
  JpSection  *section;       /* Borrowed: set by the section */
  int         number;
  char       *title;         /* never NULL */
  char       *body;          /* never NULL */
  char       *due;           /* ISO, NULL when not set */
  /* The lists are created when first asked for or filled (NULL until
   * then: most items of a big plan never have partner units), and the
   * store created then is the one kept and handed out afterwards. */
  GListStore *leaders;       /* Owned, nullable: JpLeader (the plan's) */
  GListStore *units;         /* Owned, nullable: JpUnit (the plan's) */
  GListStore *partner_units; /* Owned, nullable: JpUnit (the plan's) */
  GListStore *updates;       /* Owned, nullable: JpItemUpdate, by date */
  GListStore *indicators;    /* Owned, nullable: JpIndicator */
  char *curve; /* The expected-progress curve spec (jp-curve.h); NULL: the plan's */
};

G_DEFINE_FINAL_TYPE (JpItem, jp_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_BODY,
  PROP_DUE,
  PROP_CURVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListStore *
ensure_store (GListStore **store,
              GType        item_type)
{
  if (*store == NULL)
    *store = g_list_store_new (item_type);

  return *store;
}

static const char *
update_date (gpointer update)
{
  return jp_item_update_get_date (update);
}

static gboolean
store_equals (GListStore *store,
              gpointer   *objects,
              guint       n_objects)
{
  GListModel *model;

  if (store == NULL)
    return n_objects == 0;

  model = G_LIST_MODEL (store);
  if (g_list_model_get_n_items (model) != n_objects)
    return FALSE;

  for (guint i = 0; i < n_objects; i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (model, i);

      if (obj != objects[i])
        return FALSE;
    }

  return TRUE;
}

/* Replaces the whole list with one items-changed (none when equal). */
static void
replace_store (GListStore **store,
               GType        item_type,
               gpointer    *objects,
               guint        n_objects)
{
  if (store_equals (*store, objects, n_objects))
    return;

  ensure_store (store, item_type);
  g_list_store_splice (*store, 0, g_list_model_get_n_items (G_LIST_MODEL (*store)),
                       objects, n_objects);
}

static gboolean
store_contains (GListStore *store,
                gpointer    object)
{
  guint position;

  if (store == NULL || object == NULL)
    return FALSE;

  return g_list_store_find (store, object, &position);
}

static char *
join_names (GListStore *store,
            const char *(*get_name) (gpointer),
            const char *separator)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = store != NULL ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GString) str = g_string_new (NULL);

  if (separator == NULL)
    separator = " ";

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append (str, separator);
      g_string_append (str, get_name (obj));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const char *
leader_name (gpointer leader)
{
  return jp_leader_get_name (leader);
}

static const char *
unit_name (gpointer unit)
{
  return jp_unit_get_name (unit);
}

/* The updates listed know their item while they are listed. */
static void
release_updates (JpItem *self)
{
  guint n = self->updates != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->updates)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (G_LIST_MODEL (self->updates), i);

      if (jp_item_update_get_item (update) == self)
        _jp_item_update_set_item (update, NULL);
    }
}

static void
jp_item_dispose (GObject *object)
{
  JpItem *self = (JpItem *) object;

  if (self->indicators != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

          if (jp_indicator_get_item (indicator) == self)
            _jp_indicator_set_item (indicator, NULL);
        }
    }

  g_clear_object (&self->leaders);
  g_clear_object (&self->units);
  g_clear_object (&self->partner_units);
  release_updates (self);
  g_clear_object (&self->updates);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (jp_item_parent_class)->dispose (object);
}

static void
jp_item_finalize (GObject *object)
{
  JpItem *self = (JpItem *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->due, g_free);

  g_clear_pointer (&self->curve, g_free);

  G_OBJECT_CLASS (jp_item_parent_class)->finalize (object);
}

static void
jp_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JpItem *self = JP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_CURVE:
      g_value_set_string (value, self->curve);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JpItem *self = JP_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_item_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      jp_item_set_number (self, g_value_get_int (value));
      break;

    case PROP_TITLE:
      jp_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      jp_item_set_body (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      jp_item_set_due (self, g_value_get_string (value));
      break;

    case PROP_CURVE:
      jp_item_set_curve (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_class_init (JpItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_item_dispose;
  object_class->finalize = jp_item_finalize;
  object_class->get_property = jp_item_get_property;
  object_class->set_property = jp_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURVE] =
    g_param_spec_string ("curve", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_item_init (JpItem *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
}

JpItem *
jp_item_new (int         number,
             const char *title)
{
  JpItem *self = g_object_new (JP_TYPE_ITEM, NULL);

  /* The setters rather than construct-time properties: the same result at
   * a lower cost (loading a big plan makes tens of thousands). */
  jp_item_set_number (self, number);
  jp_item_set_title (self, title);
  return self;
}

gint64
jp_item_get_id (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);

  return self->id;
}

void
jp_item_set_id (JpItem *self,
                gint64  id)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The section this item belongs to (borrowed), or NULL. */
JpSection *
jp_item_get_section (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return self->section;
}

void
_jp_item_set_section (JpItem    *self,
                      JpSection *section)
{
  g_return_if_fail (JP_IS_ITEM (self));

  self->section = section;
}

int
jp_item_get_number (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), 0);

  return self->number;
}

void
jp_item_set_number (JpItem *self,
                    int     number)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
jp_item_get_title (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return self->title;
}

void
jp_item_set_title (JpItem     *self,
                   const char *title)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (_jp_set_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
jp_item_get_body (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return self->body;
}

void
jp_item_set_body (JpItem     *self,
                  const char *body)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (_jp_set_text (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
jp_item_get_due (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return self->due;
}

void
jp_item_set_due (JpItem     *self,
                 const char *due)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (_jp_set_date (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

GListModel *
jp_item_get_leaders (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return G_LIST_MODEL (ensure_store (&self->leaders, JP_TYPE_LEADER));
}

/* Replaces the list with one items-changed (none when it is the same). */
void
jp_item_set_leaders (JpItem    *self,
                     JpLeader **leaders,
                     guint      n_leaders)
{
  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (leaders != NULL || n_leaders == 0);

  replace_store (&self->leaders, JP_TYPE_LEADER, (gpointer *) leaders, n_leaders);
}

GListModel *
jp_item_get_units (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return G_LIST_MODEL (ensure_store (&self->units, JP_TYPE_UNIT));
}

void
jp_item_set_units (JpItem  *self,
                   JpUnit **units,
                   guint    n_units)
{
  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (units != NULL || n_units == 0);

  replace_store (&self->units, JP_TYPE_UNIT, (gpointer *) units, n_units);
}

GListModel *
jp_item_get_partner_units (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return G_LIST_MODEL (ensure_store (&self->partner_units, JP_TYPE_UNIT));
}

void
jp_item_set_partner_units (JpItem  *self,
                           JpUnit **units,
                           guint    n_units)
{
  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (units != NULL || n_units == 0);

  replace_store (&self->partner_units, JP_TYPE_UNIT, (gpointer *) units, n_units);
}

gboolean
jp_item_has_leader (JpItem   *self,
                    JpLeader *leader)
{
  g_return_val_if_fail (JP_IS_ITEM (self), FALSE);

  return store_contains (self->leaders, leader);
}

gboolean
jp_item_has_unit (JpItem *self,
                  JpUnit *unit)
{
  g_return_val_if_fail (JP_IS_ITEM (self), FALSE);

  return store_contains (self->units, unit);
}

gboolean
jp_item_has_partner_unit (JpItem *self,
                          JpUnit *unit)
{
  g_return_val_if_fail (JP_IS_ITEM (self), FALSE);

  return store_contains (self->partner_units, unit);
}

/* @separator NULL means " ". */
char *
jp_item_dup_leader_names (JpItem     *self,
                          const char *separator)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return join_names (self->leaders, leader_name, separator);
}

char *
jp_item_dup_unit_names (JpItem     *self,
                        const char *separator)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return join_names (self->units, unit_name, separator);
}

GListModel *
jp_item_get_updates (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return G_LIST_MODEL (ensure_store (&self->updates, JP_TYPE_ITEM_UPDATE));
}

/* Inserted after the updates of the same or an earlier date. */
void
jp_item_add_update (JpItem       *self,
                    JpItemUpdate *update)
{
  guint position;

  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (JP_IS_ITEM_UPDATE (update));

  ensure_store (&self->updates, JP_TYPE_ITEM_UPDATE);
  if (g_list_store_find (self->updates, update, &position))
    return;

  position = _jp_sorted_insert_position (G_LIST_MODEL (self->updates),
                                         jp_item_update_get_date (update),
                                         update_date);
  g_list_store_insert (self->updates, position, update);
  _jp_item_update_set_item (update, self);
}

/* For a loader: every update at once, sorted by date here (stably), with
 * one items-changed. */
void
jp_item_replace_updates (JpItem        *self,
                         JpItemUpdate **updates,
                         guint          n_updates)
{
  g_autoptr(GPtrArray) sorted = NULL;
  JpDateSort sort = { update_date };

  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (updates != NULL || n_updates == 0);

  sorted = g_ptr_array_sized_new (n_updates);
  for (guint i = 0; i < n_updates; i++)
    {
      g_return_if_fail (JP_IS_ITEM_UPDATE (updates[i]));
      g_ptr_array_add (sorted, updates[i]);
    }
  g_ptr_array_sort_with_data (sorted, _jp_compare_by_date, &sort);

  release_updates (self);
  replace_store (&self->updates, JP_TYPE_ITEM_UPDATE, sorted->pdata, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    _jp_item_update_set_item (g_ptr_array_index (sorted, i), self);
}

gboolean
jp_item_remove_update (JpItem       *self,
                       JpItemUpdate *update)
{
  guint position;

  g_return_val_if_fail (JP_IS_ITEM (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (update), FALSE);

  if (self->updates == NULL || !g_list_store_find (self->updates, update, &position))
    return FALSE;

  /* Before the list lets it go (it may hold the last reference). */
  if (jp_item_update_get_item (update) == self)
    _jp_item_update_set_item (update, NULL);
  g_list_store_remove (self->updates, position);
  return TRUE;
}

void
jp_item_resort_updates (JpItem *self)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (self->updates != NULL)
    _jp_resort_by_date (self->updates, update_date);
}

GListModel *
jp_item_get_indicators (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return G_LIST_MODEL (ensure_store (&self->indicators, JP_TYPE_INDICATOR));
}

/* @position past the end appends. The indicator must not be in an item. */
void
jp_item_insert_indicator (JpItem      *self,
                          guint        position,
                          JpIndicator *indicator)
{
  guint n;

  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (JP_IS_INDICATOR (indicator));
  g_return_if_fail (jp_indicator_get_item (indicator) == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (ensure_store (&self->indicators, JP_TYPE_INDICATOR)));
  _jp_indicator_set_item (indicator, self);
  g_list_store_insert (self->indicators, MIN (position, n), indicator);
}

void
jp_item_append_indicator (JpItem      *self,
                          JpIndicator *indicator)
{
  jp_item_insert_indicator (self, G_MAXUINT, indicator);
}

/* The indicator of this item with the database id @id (borrowed), or NULL. */
JpIndicator *
jp_item_find_indicator (JpItem *self,
                        gint64  id)
{
  guint n;

  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  if (self->indicators == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

      if (jp_indicator_get_id (indicator) == id)
        return indicator;
    }

  return NULL;
}

/* Appends @indicators (in no item yet) with one items-changed. */
void
jp_item_append_indicators (JpItem       *self,
                           JpIndicator **indicators,
                           guint         n_indicators)
{
  GListStore *store;

  g_return_if_fail (JP_IS_ITEM (self));
  g_return_if_fail (indicators != NULL || n_indicators == 0);

  for (guint i = 0; i < n_indicators; i++)
    {
      g_return_if_fail (JP_IS_INDICATOR (indicators[i]));
      g_return_if_fail (jp_indicator_get_item (indicators[i]) == NULL);
    }

  store = ensure_store (&self->indicators, JP_TYPE_INDICATOR);
  for (guint i = 0; i < n_indicators; i++)
    _jp_indicator_set_item (indicators[i], self);
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       (gpointer *) indicators, n_indicators);
}

gboolean
jp_item_remove_indicator (JpItem      *self,
                          JpIndicator *indicator)
{
  guint position;

  g_return_val_if_fail (JP_IS_ITEM (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);

  if (self->indicators == NULL || !g_list_store_find (self->indicators, indicator, &position))
    return FALSE;

  _jp_indicator_set_item (indicator, NULL);
  g_list_store_remove (self->indicators, position);
  return TRUE;
}

/* The expected-progress curve spec (jp-curve.h); NULL: the plan's */
const char *
jp_item_get_curve (JpItem *self)
{
  g_return_val_if_fail (JP_IS_ITEM (self), NULL);

  return self->curve;
}

void
jp_item_set_curve (JpItem *self,
                   const char *curve)
{
  g_return_if_fail (JP_IS_ITEM (self));

  if (_jp_set_date (&self->curve, curve))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
}
