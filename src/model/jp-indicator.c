#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-indicator.h"

#include "jp-enum-types.h"
#include "jp-item.h"
#include "jp-model-private.h"
#include "jp-plan.h"
#include "jp-progress-entry.h"
#include "jp-section.h"
#include "jp-status.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

struct _JpIndicator
{
  GObject          parent_instance;

  gint64           id;
  JpItem          *item;           /* Borrowed: set by the item */
  char            *name;           /* never NULL */
  char            *text;           /* never NULL */
  JpIndicatorKind  kind;
  double           target;
  double           target_max;
  char            *unit;           /* never NULL */
  double           baseline;
  char            *due;            /* ISO, NULL when not set */
  double           weight;
  GListStore      *progress;       /* Owned, NULL until asked for or added to:
                                    * JpProgressEntry, by date */
  JpProgressEntry *preloaded;      /* Owned: the only entry known while
                                    * progress is NULL (a plan loaded with
                                    * its histories left in the file) */
  JpProgressEntry *latest;         /* Borrowed: last notified */
  guint            has_target_max : 1;
  guint            has_baseline : 1;
  guint            history_loaded : 1;
  char *curve; /* The expected-progress curve spec (jp-curve.h); NULL: the item's */
};

G_DEFINE_FINAL_TYPE (JpIndicator, jp_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TEXT,
  PROP_KIND,
  PROP_TARGET,
  PROP_HAS_TARGET_MAX,
  PROP_TARGET_MAX,
  PROP_UNIT,
  PROP_HAS_BASELINE,
  PROP_BASELINE,
  PROP_DUE,
  PROP_WEIGHT,
  PROP_HISTORY_LOADED,
  PROP_LATEST,
  PROP_CURVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
entry_date (gpointer entry)
{
  return jp_progress_entry_get_date (entry);
}

/* The list is made when it is first needed: a plan of 50,000 indicators
 * loads each one's latest entry only, and most lists are never looked at. */
static GListStore *
ensure_progress (JpIndicator *self)
{
  if (self->progress == NULL)
    {
      self->progress = g_list_store_new (JP_TYPE_PROGRESS_ENTRY);
      if (self->preloaded != NULL)
        {
          g_list_store_append (self->progress, self->preloaded);
          g_clear_object (&self->preloaded);
        }
    }

  return self->progress;
}

/* The entries listed know their indicator while they are listed. */
static void
release_entry (JpIndicator     *self,
               JpProgressEntry *entry)
{
  if (jp_progress_entry_get_indicator (entry) == self)
    _jp_progress_entry_set_indicator (entry, NULL);
}

static void
release_all (JpIndicator *self)
{
  guint n = self->progress != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->progress)) : 0;

  if (self->preloaded != NULL)
    release_entry (self, self->preloaded);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->progress), i);

      release_entry (self, entry);
    }
}

static JpProgressEntry *
last_entry (JpIndicator *self)
{
  g_autoptr(JpProgressEntry) entry = NULL;
  guint n;

  if (self->progress == NULL)
    return self->preloaded;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->progress));
  if (n == 0)
    return NULL;

  /* Borrowed: the list keeps its reference. */
  entry = g_list_model_get_item (G_LIST_MODEL (self->progress), n - 1);
  return entry;
}

static void
update_latest (JpIndicator *self)
{
  JpProgressEntry *latest = last_entry (self);

  if (self->latest == latest)
    return;

  self->latest = latest;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST]);
}

static JpPlan *
get_plan (JpIndicator *self)
{
  JpSection *section;

  if (self->item == NULL)
    return NULL;

  section = jp_item_get_section (self->item);
  if (section == NULL)
    return NULL;

  return jp_section_get_plan (section);
}

static void
jp_indicator_dispose (GObject *object)
{
  JpIndicator *self = (JpIndicator *) object;

  self->latest = NULL;
  release_all (self);
  g_clear_object (&self->preloaded);
  if (self->progress != NULL)
    g_list_store_remove_all (self->progress);

  G_OBJECT_CLASS (jp_indicator_parent_class)->dispose (object);
}

static void
jp_indicator_finalize (GObject *object)
{
  JpIndicator *self = (JpIndicator *) object;

  g_clear_object (&self->progress);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->due, g_free);

  g_clear_pointer (&self->curve, g_free);

  G_OBJECT_CLASS (jp_indicator_parent_class)->finalize (object);
}

static void
jp_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JpIndicator *self = JP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;

    case PROP_HAS_TARGET_MAX:
      g_value_set_boolean (value, self->has_target_max);
      break;

    case PROP_TARGET_MAX:
      g_value_set_double (value, self->target_max);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_HAS_BASELINE:
      g_value_set_boolean (value, self->has_baseline);
      break;

    case PROP_BASELINE:
      g_value_set_double (value, self->baseline);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;

    case PROP_HISTORY_LOADED:
      g_value_set_boolean (value, self->history_loaded);
      break;

    case PROP_LATEST:
      g_value_set_object (value, jp_indicator_get_latest (self));
      break;

    case PROP_CURVE:
      g_value_set_string (value, self->curve);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JpIndicator *self = JP_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_indicator_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      jp_indicator_set_name (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      jp_indicator_set_text (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      jp_indicator_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      jp_indicator_set_target (self, g_value_get_double (value));
      break;

    case PROP_HAS_TARGET_MAX:
      jp_indicator_set_has_target_max (self, g_value_get_boolean (value));
      break;

    case PROP_TARGET_MAX:
      jp_indicator_set_target_max (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      jp_indicator_set_unit (self, g_value_get_string (value));
      break;

    case PROP_HAS_BASELINE:
      jp_indicator_set_has_baseline (self, g_value_get_boolean (value));
      break;

    case PROP_BASELINE:
      jp_indicator_set_baseline (self, g_value_get_double (value));
      break;

    case PROP_DUE:
      jp_indicator_set_due (self, g_value_get_string (value));
      break;

    case PROP_WEIGHT:
      jp_indicator_set_weight (self, g_value_get_double (value));
      break;

    case PROP_HISTORY_LOADED:
      jp_indicator_set_history_loaded (self, g_value_get_boolean (value));
      break;

    case PROP_CURVE:
      jp_indicator_set_curve (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_indicator_class_init (JpIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_indicator_dispose;
  object_class->finalize = jp_indicator_finalize;
  object_class->get_property = jp_indicator_get_property;
  object_class->set_property = jp_indicator_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JP_TYPE_INDICATOR_KIND,
                       JP_INDICATOR_KIND_AT_LEAST,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_TARGET_MAX] =
    g_param_spec_boolean ("has-target-max", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET_MAX] =
    g_param_spec_double ("target-max", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_BASELINE] =
    g_param_spec_boolean ("has-baseline", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BASELINE] =
    g_param_spec_double ("baseline", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL,
                         0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HISTORY_LOADED] =
    g_param_spec_boolean ("history-loaded", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The last entry of the list (the latest of all), or NULL. */
  properties[PROP_LATEST] =
    g_param_spec_object ("latest", NULL, NULL,
                         JP_TYPE_PROGRESS_ENTRY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURVE] =
    g_param_spec_string ("curve", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_indicator_init (JpIndicator *self)
{
  self->name = g_strdup ("");
  self->text = g_strdup ("");
  self->unit = g_strdup ("");
  self->kind = JP_INDICATOR_KIND_AT_LEAST;
  self->weight = 1.0;
  self->history_loaded = TRUE;
}

JpIndicator *
jp_indicator_new (const char      *name,
                  JpIndicatorKind  kind,
                  double           target)
{
  JpIndicator *self = g_object_new (JP_TYPE_INDICATOR, NULL);

  /* The setters rather than construct-time properties: the same result at
   * half the cost (loading a big plan makes tens of thousands). */
  jp_indicator_set_name (self, name);
  jp_indicator_set_kind (self, kind);
  jp_indicator_set_target (self, target);
  return self;
}

gint64
jp_indicator_get_id (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), 0);

  return self->id;
}

void
jp_indicator_set_id (JpIndicator *self,
                     gint64       id)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The item this indicator belongs to (borrowed), or NULL. */
JpItem *
jp_indicator_get_item (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->item;
}

void
_jp_indicator_set_item (JpIndicator *self,
                        JpItem      *item)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  self->item = item;
}

const char *
jp_indicator_get_name (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->name;
}

void
jp_indicator_set_name (JpIndicator *self,
                       const char  *name)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (_jp_set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
jp_indicator_get_text (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->text;
}

void
jp_indicator_set_text (JpIndicator *self,
                       const char  *text)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (_jp_set_text (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

JpIndicatorKind
jp_indicator_get_kind (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), JP_INDICATOR_KIND_AT_LEAST);

  return self->kind;
}

void
jp_indicator_set_kind (JpIndicator     *self,
                       JpIndicatorKind  kind)
{
  g_return_if_fail (JP_IS_INDICATOR (self));
  g_return_if_fail (kind >= JP_INDICATOR_KIND_AT_LEAST && kind <= JP_INDICATOR_KIND_MILESTONE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

double
jp_indicator_get_target (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), 0.0);

  return self->target;
}

void
jp_indicator_set_target (JpIndicator *self,
                         double       target)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gboolean
jp_indicator_get_has_target_max (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);

  return self->has_target_max;
}

void
jp_indicator_set_has_target_max (JpIndicator *self,
                                 gboolean     has_target_max)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  has_target_max = !!has_target_max;
  if (self->has_target_max == (guint) has_target_max)
    return;

  self->has_target_max = has_target_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TARGET_MAX]);
}

double
jp_indicator_get_target_max (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), 0.0);

  return self->target_max;
}

/* Independent of has-target-max: set both. */
void
jp_indicator_set_target_max (JpIndicator *self,
                             double       target_max)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (self->target_max == target_max)
    return;

  self->target_max = target_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_MAX]);
}

const char *
jp_indicator_get_unit (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->unit;
}

void
jp_indicator_set_unit (JpIndicator *self,
                       const char  *unit)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (_jp_set_text (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gboolean
jp_indicator_get_has_baseline (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);

  return self->has_baseline;
}

void
jp_indicator_set_has_baseline (JpIndicator *self,
                               gboolean     has_baseline)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  has_baseline = !!has_baseline;
  if (self->has_baseline == (guint) has_baseline)
    return;

  self->has_baseline = has_baseline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_BASELINE]);
}

double
jp_indicator_get_baseline (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), 0.0);

  return self->baseline;
}

/* Independent of has-baseline: set both. */
void
jp_indicator_set_baseline (JpIndicator *self,
                           double       baseline)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (self->baseline == baseline)
    return;

  self->baseline = baseline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

const char *
jp_indicator_get_due (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->due;
}

void
jp_indicator_set_due (JpIndicator *self,
                      const char  *due)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (_jp_set_date (&self->due, due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

double
jp_indicator_get_weight (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), 1.0);

  return self->weight;
}

/* Weight in the item's mean (default 1; 0 excludes the indicator).
 * Negative weights are taken as 0. */
void
jp_indicator_set_weight (JpIndicator *self,
                         double       weight)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (!(weight > 0.0))
    weight = 0.0;

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

GListModel *
jp_indicator_get_progress (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return G_LIST_MODEL (ensure_progress (self));
}

gboolean
jp_indicator_get_history_loaded (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);

  return self->history_loaded;
}

void
jp_indicator_set_history_loaded (JpIndicator *self,
                                 gboolean     history_loaded)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  history_loaded = !!history_loaded;
  if (self->history_loaded == (guint) history_loaded)
    return;

  self->history_loaded = history_loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_LOADED]);
}

/**
 * jp_indicator_ensure_history:
 *
 * When the history is not loaded, calls the plan's history loader
 * (jp_plan_set_history_loader()), which adds the entries with
 * jp_indicator_add_progress() (the entry already there, same id, is kept
 * and not added twice), then sets history-loaded. Without a loader the
 * history is taken as complete. An indicator outside a plan is left as it
 * is. Returns FALSE with @error set when the loader fails (history-loaded
 * stays FALSE).
 */
gboolean
jp_indicator_ensure_history (JpIndicator  *self,
                             GError      **error)
{
  JpPlan *plan;

  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->history_loaded)
    return TRUE;

  plan = get_plan (self);
  if (plan == NULL)
    return TRUE;

  if (!_jp_plan_load_history (plan, self, error))
    return FALSE;

  jp_indicator_set_history_loaded (self, TRUE);
  return TRUE;
}

JpProgressEntry *
jp_indicator_get_latest (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return last_entry (self);
}

JpProgressEntry *
jp_indicator_find_entry (JpIndicator *self,
                         const char  *as_of)
{
  JpProgressEntry *latest;
  const char *date;
  guint n;

  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  latest = last_entry (self);
  if (latest == NULL || as_of == NULL)
    return latest;

  date = jp_progress_entry_get_date (latest);
  if (date != NULL && strcmp (date, as_of) <= 0)
    return latest;

  if (!self->history_loaded)
    {
      g_autoptr(GError) error = NULL;

      if (!jp_indicator_ensure_history (self, &error))
        g_warning ("Cannot load the progress history of indicator %" G_GINT64_FORMAT ": %s",
                   self->id, error->message);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (ensure_progress (self)));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->progress), i - 1);

      date = jp_progress_entry_get_date (entry);
      if (date != NULL && strcmp (date, as_of) <= 0)
        return entry; /* Borrowed: the list keeps its reference */
    }

  return NULL;
}

static gboolean
has_entry (JpIndicator     *self,
           JpProgressEntry *entry)
{
  gint64 id = jp_progress_entry_get_id (entry);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ensure_progress (self)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) other = g_list_model_get_item (G_LIST_MODEL (self->progress), i);

      if (other == entry || (id != 0 && jp_progress_entry_get_id (other) == id))
        return TRUE;
    }

  return FALSE;
}

/**
 * jp_indicator_add_progress:
 *
 * Inserts @entry after the entries of the same or an earlier date (one
 * items-changed). An entry that is already in the list, or one with the
 * same non-zero id, is not added again.
 */
void
jp_indicator_add_progress (JpIndicator     *self,
                           JpProgressEntry *entry)
{
  guint position;

  g_return_if_fail (JP_IS_INDICATOR (self));
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (entry));

  if (has_entry (self, entry))
    return;

  position = _jp_sorted_insert_position (G_LIST_MODEL (ensure_progress (self)),
                                         jp_progress_entry_get_date (entry),
                                         entry_date);
  g_list_store_insert (self->progress, position, entry);
  _jp_progress_entry_set_indicator (entry, self);
  update_latest (self);
}

/**
 * jp_indicator_replace_progress:
 *
 * Replaces every entry by @entries (sorted by date here, stably: entries
 * of one date keep their order) with one items-changed; for a loader that
 * reads a whole history. Linear in the entries, whatever their number.
 */
void
jp_indicator_replace_progress (JpIndicator      *self,
                               JpProgressEntry **entries,
                               guint             n_entries)
{
  g_autoptr(GPtrArray) sorted = NULL;
  JpDateSort sort = { entry_date };
  GListStore *store;

  g_return_if_fail (JP_IS_INDICATOR (self));
  g_return_if_fail (entries != NULL || n_entries == 0);

  sorted = g_ptr_array_sized_new (n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      g_return_if_fail (JP_IS_PROGRESS_ENTRY (entries[i]));
      g_ptr_array_add (sorted, entries[i]);
    }
  g_ptr_array_sort_with_data (sorted, _jp_compare_by_date, &sort);

  store = ensure_progress (self);
  release_all (self);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       sorted->pdata, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    _jp_progress_entry_set_indicator (g_ptr_array_index (sorted, i), self);
  update_latest (self);
}

/**
 * jp_indicator_preload_latest:
 *
 * For a loader: @entry is the latest of a history left in the file. The
 * indicator must hold no entry yet; it keeps @entry without making its
 * list (until the list is asked for) and its history is not loaded.
 */
void
jp_indicator_preload_latest (JpIndicator     *self,
                             JpProgressEntry *entry)
{
  g_return_if_fail (JP_IS_INDICATOR (self));
  g_return_if_fail (JP_IS_PROGRESS_ENTRY (entry));
  g_return_if_fail (last_entry (self) == NULL);

  if (self->progress != NULL)
    g_list_store_append (self->progress, entry);
  else
    self->preloaded = g_object_ref (entry);
  _jp_progress_entry_set_indicator (entry, self);

  jp_indicator_set_history_loaded (self, FALSE);
  update_latest (self);
}

gboolean
jp_indicator_remove_progress (JpIndicator     *self,
                              JpProgressEntry *entry)
{
  guint position;

  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (JP_IS_PROGRESS_ENTRY (entry), FALSE);

  if (!g_list_store_find (ensure_progress (self), entry, &position))
    return FALSE;

  /* Before the list lets it go (it may hold the last reference). */
  release_entry (self, entry);
  g_list_store_remove (self->progress, position);
  update_latest (self);
  return TRUE;
}

void
jp_indicator_resort_progress (JpIndicator *self)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (self->progress != NULL && _jp_resort_by_date (self->progress, entry_date))
    update_latest (self);
}

/* The expected-progress curve spec (jp-curve.h); NULL: the item's */
const char *
jp_indicator_get_curve (JpIndicator *self)
{
  g_return_val_if_fail (JP_IS_INDICATOR (self), NULL);

  return self->curve;
}

void
jp_indicator_set_curve (JpIndicator *self,
                        const char  *curve)
{
  g_return_if_fail (JP_IS_INDICATOR (self));

  if (_jp_set_date (&self->curve, curve))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
}

/* ---- Values the kind can take ------------------------------------------ */

/* The largest percentage a value may be (in size). */
#define MAX_PERCENT 1000.0

/* Measure words of things counted one by one. */
static const char *const count_units[] = {
  "个", "所", "名", "人", "次", "项", "人次", "家", "场", "篇", "本", "门", "间",
  "条", "件", "台", "套", "户", "位", "支", "座", "节", "批", "部", "处", "册",
  "期", "届", "张", "份", "种", "类", "首", "幅", "对", "组", "队", "班", "校",
  "园", "所次", "场次", "课",
};

/* The unit without spaces, full-width % made ASCII. */
static char *
unit_key (const char *unit)
{
  GString *key = g_string_new (NULL);

  for (const char *p = unit; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c == 0xFF05) /* ％ */
        c = '%';
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
unit_is_count (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_units); i++)
    if (strcmp (key, count_units[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * jp_indicator_check_value:
 *
 * Checks @value against the indicator's kind and unit (what a progress
 * entry of it can hold). The progress dialog and the progress import ask
 * it before recording a value.
 */
gboolean
jp_indicator_check_value (JpIndicator  *self,
                          double        value,
                          GError      **error)
{
  g_autofree char *key = NULL;
  g_autofree char *number = NULL;
  gboolean signed_kind;

  g_return_val_if_fail (JP_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = jp_format_number (value, FALSE);
  if (!isfinite (value))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The value is not a number."));
      return FALSE;
    }

  if (self->kind == JP_INDICATOR_KIND_MILESTONE)
    {
      if (value == 0.0 || value == 1.0)
        return TRUE;
      /* Translators: %s is the value given */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A milestone is 1 (done) or 0 (not done), not %s."), number);
      return FALSE;
    }

  signed_kind = self->kind == JP_INDICATOR_KIND_INCREASE_BY ||
                self->kind == JP_INDICATOR_KIND_DECREASE_BY;
  if (value < 0.0 && !signed_kind)
    {
      /* Translators: %s is the value given */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The value cannot be negative (%s)."), number);
      return FALSE;
    }

  key = unit_key (self->unit);
  g_free (number);
  number = jp_format_quantity (value, self->unit);
  if ((strcmp (key, "%") == 0 || g_str_has_suffix (key, "百分点")) && fabs (value) > MAX_PERCENT)
    {
      /* Translators: %s is the value given, with its unit */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A percentage cannot be over 1000 (%s)."), number);
      return FALSE;
    }

  if (unit_is_count (key) && value != floor (value))
    {
      /* Translators: %s is the value given, with its unit (个, 所 …) */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A count cannot have decimals (%s)."), number);
      return FALSE;
    }

  return TRUE;
}
