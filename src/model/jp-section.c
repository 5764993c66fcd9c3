#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-section.h"

#include "jp-item.h"
#include "jp-model-private.h"

struct _JpSection
{
  GObject     parent_instance;

  gint64      id;
  JpPlan     *plan;     /* Borrowed: set by the plan */
  int         position; /* kept by the plan; -1 when not in a plan */
  char       *ordinal;  /* never NULL */
  char       *title;    /* never NULL */
  GListStore *items;    /* Owned: JpItem */
};

G_DEFINE_FINAL_TYPE (JpSection, jp_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_ORDINAL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jp_section_dispose (GObject *object)
{
  JpSection *self = (JpSection *) object;

  if (self->items != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (jp_item_get_section (item) == self)
            _jp_item_set_section (item, NULL);
        }
    }

  g_clear_object (&self->items);

  G_OBJECT_CLASS (jp_section_parent_class)->dispose (object);
}

static void
jp_section_finalize (GObject *object)
{
  JpSection *self = (JpSection *) object;

  g_clear_pointer (&self->ordinal, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (jp_section_parent_class)->finalize (object);
}

static void
jp_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JpSection *self = JP_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_ORDINAL:
      g_value_set_string (value, self->ordinal);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_section_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JpSection *self = JP_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_section_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORDINAL:
      jp_section_set_ordinal (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      jp_section_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_section_class_init (JpSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_section_dispose;
  object_class->finalize = jp_section_finalize;
  object_class->get_property = jp_section_get_property;
  object_class->set_property = jp_section_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORDINAL] =
    g_param_spec_string ("ordinal", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_section_init (JpSection *self)
{
  self->position = -1;
  self->ordinal = g_strdup ("");
  self->title = g_strdup ("");
  self->items = g_list_store_new (JP_TYPE_ITEM);
}

JpSection *
jp_section_new (const char *ordinal,
                const char *title)
{
  return g_object_new (JP_TYPE_SECTION,
                       "ordinal", ordinal,
                       "title", title,
                       NULL);
}

gint64
jp_section_get_id (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), 0);

  return self->id;
}

void
jp_section_set_id (JpSection *self,
                   gint64     id)
{
  g_return_if_fail (JP_IS_SECTION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The plan this section belongs to (borrowed), or NULL. */
JpPlan *
jp_section_get_plan (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), NULL);

  return self->plan;
}

void
_jp_section_set_plan (JpSection *self,
                      JpPlan    *plan)
{
  g_return_if_fail (JP_IS_SECTION (self));

  self->plan = plan;
  if (plan == NULL)
    _jp_section_set_position (self, -1);
}

int
jp_section_get_position (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), -1);

  return self->position;
}

void
_jp_section_set_position (JpSection *self,
                          int        position)
{
  g_return_if_fail (JP_IS_SECTION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
jp_section_get_ordinal (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), NULL);

  return self->ordinal;
}

void
jp_section_set_ordinal (JpSection  *self,
                        const char *ordinal)
{
  g_return_if_fail (JP_IS_SECTION (self));

  if (_jp_set_text (&self->ordinal, ordinal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDINAL]);
}

const char *
jp_section_get_title (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), NULL);

  return self->title;
}

void
jp_section_set_title (JpSection  *self,
                      const char *title)
{
  g_return_if_fail (JP_IS_SECTION (self));

  if (_jp_set_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GListModel *
jp_section_get_items (JpSection *self)
{
  g_return_val_if_fail (JP_IS_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* @position past the end appends. The item must not be in a section. */
void
jp_section_insert_item (JpSection *self,
                        guint      position,
                        JpItem    *item)
{
  guint n;

  g_return_if_fail (JP_IS_SECTION (self));
  g_return_if_fail (JP_IS_ITEM (item));
  g_return_if_fail (jp_item_get_section (item) == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  _jp_item_set_section (item, self);
  g_list_store_insert (self->items, MIN (position, n), item);
}

void
jp_section_append_item (JpSection *self,
                        JpItem    *item)
{
  jp_section_insert_item (self, G_MAXUINT, item);
}

gboolean
jp_section_remove_item (JpSection *self,
                        JpItem    *item)
{
  guint position;

  g_return_val_if_fail (JP_IS_SECTION (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (!g_list_store_find (self->items, item, &position))
    return FALSE;

  _jp_item_set_section (item, NULL);
  g_list_store_remove (self->items, position);
  return TRUE;
}
