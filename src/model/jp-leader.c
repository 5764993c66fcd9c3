#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-leader.h"

#include "jp-model-private.h"

struct _JpLeader
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (JpLeader, jp_leader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jp_leader_finalize (GObject *object)
{
  JpLeader *self = ((JpLeader *) object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (jp_leader_parent_class)->finalize (object);
}

static void
jp_leader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JpLeader *self = JP_LEADER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_leader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JpLeader *self = JP_LEADER (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_leader_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      jp_leader_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_leader_class_init (JpLeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_leader_finalize;
  object_class->get_property = jp_leader_get_property;
  object_class->set_property = jp_leader_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_leader_init (JpLeader *self)
{
  self->name = g_strdup ("");
}

JpLeader *
jp_leader_new (const char *name)
{
  return g_object_new (JP_TYPE_LEADER,
                       "name", name,
                       NULL);
}

gint64
jp_leader_get_id (JpLeader *self)
{
  g_return_val_if_fail (JP_IS_LEADER (self), 0);

  return self->id;
}

void
jp_leader_set_id (JpLeader *self,
                  gint64    id)
{
  g_return_if_fail (JP_IS_LEADER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* Never NULL. */
const char *
jp_leader_get_name (JpLeader *self)
{
  g_return_val_if_fail (JP_IS_LEADER (self), NULL);

  return self->name;
}

void
jp_leader_set_name (JpLeader   *self,
                    const char *name)
{
  g_return_if_fail (JP_IS_LEADER (self));

  if (_jp_set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
