#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-progress-entry.h"

#include "jp-model-private.h"

struct _JpProgressEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *date;   /* ISO, NULL when not set */
  double   value;
  char    *note;   /* never NULL */
  char    *author; /* never NULL */
  JpIndicator *indicator; /* Borrowed: set by the indicator listing it */
};

G_DEFINE_FINAL_TYPE (JpProgressEntry, jp_progress_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_VALUE,
  PROP_NOTE,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jp_progress_entry_finalize (GObject *object)
{
  JpProgressEntry *self = (JpProgressEntry *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (jp_progress_entry_parent_class)->finalize (object);
}

static void
jp_progress_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JpProgressEntry *self = JP_PROGRESS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_progress_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JpProgressEntry *self = JP_PROGRESS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_progress_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      jp_progress_entry_set_date (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      jp_progress_entry_set_value (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      jp_progress_entry_set_note (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      jp_progress_entry_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_progress_entry_class_init (JpProgressEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jp_progress_entry_finalize;
  object_class->get_property = jp_progress_entry_get_property;
  object_class->set_property = jp_progress_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_progress_entry_init (JpProgressEntry *self)
{
  self->note = g_strdup ("");
  self->author = g_strdup ("");
}

JpProgressEntry *
jp_progress_entry_new (const char *date,
                       double      value)
{
  JpProgressEntry *self = g_object_new (JP_TYPE_PROGRESS_ENTRY, NULL);

  /* The setters rather than construct-time properties: the same result at
   * a lower cost (loading a big plan makes tens of thousands). */
  jp_progress_entry_set_date (self, date);
  jp_progress_entry_set_value (self, value);
  return self;
}

gint64
jp_progress_entry_get_id (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), 0);

  return self->id;
}

void
jp_progress_entry_set_id (JpProgressEntry *self,
                          gint64           id)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
jp_progress_entry_get_date (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), NULL);

  return self->date;
}

/* The owning indicator keeps its list sorted by date: after changing the
 * date of an entry that is in a list, call jp_indicator_resort_progress(). */
void
jp_progress_entry_set_date (JpProgressEntry *self,
                            const char      *date)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  if (_jp_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

double
jp_progress_entry_get_value (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), 0.0);

  return self->value;
}

void
jp_progress_entry_set_value (JpProgressEntry *self,
                             double           value)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
jp_progress_entry_get_note (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), NULL);

  return self->note;
}

void
jp_progress_entry_set_note (JpProgressEntry *self,
                            const char      *note)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  if (_jp_set_text (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
jp_progress_entry_get_author (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), NULL);

  return self->author;
}

void
jp_progress_entry_set_author (JpProgressEntry *self,
                              const char      *author)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  if (_jp_set_text (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

JpIndicator *
jp_progress_entry_get_indicator (JpProgressEntry *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (self), NULL);

  return self->indicator;
}

void
_jp_progress_entry_set_indicator (JpProgressEntry *self,
                                  JpIndicator     *indicator)
{
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (self));

  self->indicator = indicator;
}
