#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-item-update.h"

#include "jp-model-private.h"

struct _JpItemUpdate
{
  GObject   parent_instance;

  gint64    id;
  char     *date;       /* ISO, NULL when not set */
  gboolean  has_completion;
  double    completion; /* percent, 0–100; meaningful when has_completion */
  char     *note;       /* never NULL, as the other texts */
  char     *problems;
  char     *next_steps;
  char     *author;
  JpItem   *item;       /* Borrowed: set by the item listing it */
};

G_DEFINE_FINAL_TYPE (JpItemUpdate, jp_item_update, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_HAS_COMPLETION,
  PROP_COMPLETION,
  PROP_NOTE,
  PROP_PROBLEMS,
  PROP_NEXT_STEPS,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jp_item_update_finalize (GObject *object)
{
  JpItemUpdate *self = (JpItemUpdate *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->problems, g_free);
  g_clear_pointer (&self->next_steps, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (jp_item_update_parent_class)->finalize (object);
}

static void
jp_item_update_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JpItemUpdate *self = JP_ITEM_UPDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_HAS_COMPLETION:
      g_value_set_boolean (value, self->has_completion);
      break;

    case PROP_COMPLETION:
      g_value_set_double (value, self->completion);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PROBLEMS:
      g_value_set_string (value, self->problems);
      break;

    case PROP_NEXT_STEPS:
      g_value_set_string (value, self->next_steps);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_update_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JpItemUpdate *self = JP_ITEM_UPDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_item_update_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      jp_item_update_set_date (self, g_value_get_string (value));
      break;

    case PROP_HAS_COMPLETION:
      jp_item_update_set_has_completion (self, g_value_get_boolean (value));
      break;

    case PROP_COMPLETION:
      jp_item_update_set_completion (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      jp_item_update_set_note (self, g_value_get_string (value));
      break;

    case PROP_PROBLEMS:
      jp_item_update_set_problems (self, g_value_get_string (value));
      break;

    case PROP_NEXT_STEPS:
      jp_item_update_set_next_steps (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      jp_item_update_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_item_update_class_init (JpItemUpdateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_item_update_finalize;
  object_class->get_property = jp_item_update_get_property;
  object_class->set_property = jp_item_update_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_COMPLETION] =
    g_param_spec_boolean ("has-completion", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COMPLETION] =
    g_param_spec_double ("completion", NULL, NULL,
                         0.0, 100.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROBLEMS] =
    g_param_spec_string ("problems", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NEXT_STEPS] =
    g_param_spec_string ("next-steps", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_item_update_init (JpItemUpdate *self)
{
  self->note = g_strdup ("");
  self->problems = g_strdup ("");
  self->next_steps = g_strdup ("");
  self->author = g_strdup ("");
}

JpItemUpdate *
jp_item_update_new (const char *date)
{
  JpItemUpdate *self = g_object_new (JP_TYPE_ITEM_UPDATE, NULL);

  /* The setter rather than a construct-time property: the same result at
   * a lower cost (loading a big plan makes tens of thousands). */
  jp_item_update_set_date (self, date);
  return self;
}

gint64
jp_item_update_get_id (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), 0);

  return self->id;
}

void
jp_item_update_set_id (JpItemUpdate *self,
                       gint64        id)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
jp_item_update_get_date (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->date;
}

/* After changing the date of an update that is in an item, call
 * jp_item_resort_updates(). */
void
jp_item_update_set_date (JpItemUpdate *self,
                         const char   *date)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (_jp_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
jp_item_update_get_has_completion (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), FALSE);

  return self->has_completion;
}

void
jp_item_update_set_has_completion (JpItemUpdate *self,
                                   gboolean      has_completion)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  has_completion = !!has_completion;
  if (self->has_completion == has_completion)
    return;

  self->has_completion = has_completion;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COMPLETION]);
}

double
jp_item_update_get_completion (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), 0.0);

  return self->completion;
}

/* Independent of has-completion (set both). Clamped to 0–100. */
void
jp_item_update_set_completion (JpItemUpdate *self,
                               double        completion)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  completion = CLAMP (completion, 0.0, 100.0);
  if (self->completion == completion)
    return;

  self->completion = completion;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETION]);
}

const char *
jp_item_update_get_note (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->note;
}

void
jp_item_update_set_note (JpItemUpdate *self,
                         const char   *note)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (_jp_set_text (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
jp_item_update_get_problems (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->problems;
}

void
jp_item_update_set_problems (JpItemUpdate *self,
                             const char   *problems)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (_jp_set_text (&self->problems, problems))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

const char *
jp_item_update_get_next_steps (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->next_steps;
}

void
jp_item_update_set_next_steps (JpItemUpdate *self,
                               const char   *next_steps)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (_jp_set_text (&self->next_steps, next_steps))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_STEPS]);
}

const char *
jp_item_update_get_author (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->author;
}

void
jp_item_update_set_author (JpItemUpdate *self,
                           const char   *author)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  if (_jp_set_text (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

JpItem *
jp_item_update_get_item (JpItemUpdate *self)
{
  g_return_val_if_fail (JP_IS_ITEM_UPDATE (self), NULL);

  return self->item;
}

void
_jp_item_update_set_item (JpItemUpdate *self,
                          JpItem       *item)
{
  g_return_if_fail (JP_IS_ITEM_UPDATE (self));

  self->item = item;
}
