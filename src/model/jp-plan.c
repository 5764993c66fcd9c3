#define G_LOG_DOMAIN "jp-model"

#include "config.h"

#include "jp-plan.h"

#include "jp-date.h"
#include "jp-indicator.h"
#include "jp-item.h"
#include "jp-leader.h"
#include "jp-model-private.h"
#include "jp-section.h"
#include "jp-unit.h"

#include <string.h>

struct _JpPlan
{
  GObject          parent_instance;

  gint64           id;
  char            *title;          /* never NULL */
  int              year;           /* 0: not set */
  char           **organizations;  /* never NULL */
  char            *preamble;       /* never NULL */
  char            *start;          /* ISO; NULL only while no year and none set */
  char            *end;

  GListStore      *sections;       /* Owned: JpSection */
  GListStore      *leaders;        /* Owned: JpLeader */
  GListStore      *units;          /* Owned: JpUnit */

  /* Normalized name → JpLeader / JpUnit (borrowed from the lists); rebuilt
   * when a name changed or an object was removed. */
  GHashTable      *leader_index;
  GHashTable      *unit_index;

  JpHistoryLoader  loader;
  gpointer         loader_data;
  GDestroyNotify   loader_destroy;

  guint            start_explicit : 1;
  guint            end_explicit : 1;
  guint            leader_index_dirty : 1;
  guint            unit_index_dirty : 1;
  char *curve; /* The default expected-progress curve spec (jp-curve.h); NULL: linear */
  char *report_cycle; /* The reporting cycle spec (jp-curve.h); NULL: none */
};

G_DEFINE_FINAL_TYPE (JpPlan, jp_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_YEAR,
  PROP_ORGANIZATIONS,
  PROP_PREAMBLE,
  PROP_START,
  PROP_END,
  PROP_CURVE,
  PROP_REPORT_CYCLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A leader's name without any white space: "崔 茜" is "崔茜". */
static char *
normalize_leader_name (const char *name)
{
  GString *str;

  if (name == NULL)
    return g_strdup ("");

  str = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

/* A unit's name without white space at both ends (ASCII or ideographic). */
static char *
normalize_unit_name (const char *name)
{
  const char *begin;
  const char *end;

  if (name == NULL)
    return g_strdup ("");

  begin = name;
  while (*begin != '\0' && g_unichar_isspace (g_utf8_get_char (begin)))
    begin = g_utf8_next_char (begin);

  end = begin + strlen (begin);
  while (end > begin)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (begin, (gsize) (end - begin));
}

static char *
default_start (int year)
{
  if (year < 1 || year > 9999)
    return NULL;

  return g_strdup_printf ("%04d-01-01", year);
}

static char *
default_end (int year)
{
  if (year < 1 || year > 9999)
    return NULL;

  return g_strdup_printf ("%04d-12-31", year);
}

static void
on_leader_name_changed_cb (JpPlan *self)
{
  self->leader_index_dirty = TRUE;
}

static void
on_unit_name_changed_cb (JpPlan *self)
{
  self->unit_index_dirty = TRUE;
}

static void
rebuild_index (GHashTable  *index,
               GListStore  *store,
               char      *(*normalize) (const char *),
               const char *(*get_name) (gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_hash_table_remove_all (index);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (G_LIST_MODEL (store), i);
      char *key = normalize (get_name (obj));

      if (g_hash_table_contains (index, key))
        g_free (key);
      else
        g_hash_table_insert (index, key, obj);
    }
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

/* @object (named @key) is in @store, whose name index is @index: the
 * index answers at once unless another object holds that name (then a
 * scan): adding n names costs O(n), not O(n²). */
static gboolean
store_holds (GListStore *store,
             GHashTable *index,
             const char *key,
             gpointer    object)
{
  gpointer found = g_hash_table_lookup (index, key);

  if (found == NULL || found == object)
    return found != NULL;

  return g_list_store_find (store, object, NULL);
}

static GHashTable *
get_leader_index (JpPlan *self)
{
  if (self->leader_index_dirty)
    {
      rebuild_index (self->leader_index, self->leaders, normalize_leader_name, leader_name);
      self->leader_index_dirty = FALSE;
    }

  return self->leader_index;
}

static GHashTable *
get_unit_index (JpPlan *self)
{
  if (self->unit_index_dirty)
    {
      rebuild_index (self->unit_index, self->units, normalize_unit_name, unit_name);
      self->unit_index_dirty = FALSE;
    }

  return self->unit_index;
}

static void
disconnect_all (JpPlan     *self,
                GListStore *store,
                gpointer    callback)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_signal_handlers_disconnect_by_func (obj, callback, self);
    }
}

static void
jp_plan_dispose (GObject *object)
{
  JpPlan *self = (JpPlan *) object;

  if (self->sections != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JpSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

          if (jp_section_get_plan (section) == self)
            _jp_section_set_plan (section, NULL);
        }
    }

  if (self->leaders != NULL)
    disconnect_all (self, self->leaders, on_leader_name_changed_cb);
  if (self->units != NULL)
    disconnect_all (self, self->units, on_unit_name_changed_cb);

  g_clear_pointer (&self->leader_index, g_hash_table_unref);
  g_clear_pointer (&self->unit_index, g_hash_table_unref);
  g_clear_object (&self->sections);
  g_clear_object (&self->leaders);
  g_clear_object (&self->units);

  if (self->loader_destroy != NULL)
    self->loader_destroy (self->loader_data);
  self->loader = NULL;
  self->loader_data = NULL;
  self->loader_destroy = NULL;

  G_OBJECT_CLASS (jp_plan_parent_class)->dispose (object);
}

static void
jp_plan_finalize (GObject *object)
{
  JpPlan *self = (JpPlan *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organizations, g_strfreev);
  g_clear_pointer (&self->preamble, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);

  g_clear_pointer (&self->curve, g_free);

  g_clear_pointer (&self->report_cycle, g_free);

  G_OBJECT_CLASS (jp_plan_parent_class)->finalize (object);
}

static void
jp_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JpPlan *self = JP_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_ORGANIZATIONS:
      g_value_set_boxed (value, self->organizations);
      break;

    case PROP_PREAMBLE:
      g_value_set_string (value, self->preamble);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_END:
      g_value_set_string (value, self->end);
      break;

    case PROP_CURVE:
      g_value_set_string (value, self->curve);
      break;

    case PROP_REPORT_CYCLE:
      g_value_set_string (value, self->report_cycle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JpPlan *self = JP_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      jp_plan_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      jp_plan_set_title (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      jp_plan_set_year (self, g_value_get_int (value));
      break;

    case PROP_ORGANIZATIONS:
      jp_plan_set_organizations (self, g_value_get_boxed (value));
      break;

    case PROP_PREAMBLE:
      jp_plan_set_preamble (self, g_value_get_string (value));
      break;

    case PROP_START:
      jp_plan_set_start (self, g_value_get_string (value));
      break;

    case PROP_END:
      jp_plan_set_end (self, g_value_get_string (value));
      break;

    case PROP_CURVE:
      jp_plan_set_curve (self, g_value_get_string (value));
      break;

    case PROP_REPORT_CYCLE:
      jp_plan_set_report_cycle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_class_init (JpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_plan_dispose;
  object_class->finalize = jp_plan_finalize;
  object_class->get_property = jp_plan_get_property;
  object_class->set_property = jp_plan_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ORGANIZATIONS] =
    g_param_spec_boxed ("organizations", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PREAMBLE] =
    g_param_spec_string ("preamble", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_END] =
    g_param_spec_string ("end", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURVE] =
    g_param_spec_string ("curve", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REPORT_CYCLE] =
    g_param_spec_string ("report-cycle", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JpPlan::changed:
   *
   * Emitted once after every committed edit anywhere in the plan.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
jp_plan_init (JpPlan *self)
{
  self->title = g_strdup ("");
  self->organizations = g_new0 (char *, 1);
  self->preamble = g_strdup ("");
  self->sections = g_list_store_new (JP_TYPE_SECTION);
  self->leaders = g_list_store_new (JP_TYPE_LEADER);
  self->units = g_list_store_new (JP_TYPE_UNIT);
  self->leader_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unit_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

JpPlan *
jp_plan_new (const char *title,
             int         year)
{
  return g_object_new (JP_TYPE_PLAN,
                       "title", title,
                       "year", year,
                       NULL);
}

gint64
jp_plan_get_id (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), 0);

  return self->id;
}

void
jp_plan_set_id (JpPlan *self,
                gint64  id)
{
  g_return_if_fail (JP_IS_PLAN (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
jp_plan_get_title (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->title;
}

void
jp_plan_set_title (JpPlan     *self,
                   const char *title)
{
  g_return_if_fail (JP_IS_PLAN (self));

  if (_jp_set_text (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
jp_plan_get_year (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), 0);

  return self->year;
}

/* Start and end follow the year unless they were set to other dates. */
void
jp_plan_set_year (JpPlan *self,
                  int     year)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_if_fail (JP_IS_PLAN (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year == year)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);

  start = default_start (year);
  end = default_end (year);

  if (!self->start_explicit)
    {
      if (_jp_set_date (&self->start, start))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  else if (g_strcmp0 (self->start, start) == 0)
    self->start_explicit = FALSE;

  if (!self->end_explicit)
    {
      if (_jp_set_date (&self->end, end))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  else if (g_strcmp0 (self->end, end) == 0)
    self->end_explicit = FALSE;

  g_object_thaw_notify (G_OBJECT (self));
}

/* Never NULL (an empty array when none). */
const char * const *
jp_plan_get_organizations (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return (const char * const *) self->organizations;
}

void
jp_plan_set_organizations (JpPlan             *self,
                           const char * const *organizations)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (JP_IS_PLAN (self));

  if (organizations == NULL)
    organizations = empty;

  if (g_strv_equal ((const char * const *) self->organizations, organizations))
    return;

  g_strfreev (self->organizations);
  self->organizations = g_strdupv ((char **) organizations);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATIONS]);
}

const char *
jp_plan_get_preamble (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->preamble;
}

void
jp_plan_set_preamble (JpPlan     *self,
                      const char *preamble)
{
  g_return_if_fail (JP_IS_PLAN (self));

  if (_jp_set_text (&self->preamble, preamble))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREAMBLE]);
}

const char *
jp_plan_get_start (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->start;
}

/* NULL (or "") goes back to the default, YEAR-01-01. A date equal to the
 * default keeps following the year. */
void
jp_plan_set_start (JpPlan     *self,
                   const char *start)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (JP_IS_PLAN (self));

  fallback = default_start (self->year);
  if (start == NULL || start[0] == '\0')
    start = fallback;

  self->start_explicit = start != NULL && g_strcmp0 (start, fallback) != 0;

  if (_jp_set_date (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

const char *
jp_plan_get_end (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->end;
}

/* NULL (or "") goes back to the default, YEAR-12-31. */
void
jp_plan_set_end (JpPlan     *self,
                 const char *end)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (JP_IS_PLAN (self));

  fallback = default_end (self->year);
  if (end == NULL || end[0] == '\0')
    end = fallback;

  self->end_explicit = end != NULL && g_strcmp0 (end, fallback) != 0;

  if (_jp_set_date (&self->end, end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

GListModel *
jp_plan_get_sections (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/* Sets the cached position of the sections from @first on, as they will
 * be after inserting (@delta 1) or removing (@delta -1) at @first. */
static void
shift_positions (JpPlan *self,
                 guint   first,
                 int     delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = first; i < n; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      _jp_section_set_position (section, (int) i + delta);
    }
}

/* @position past the end appends. The section must not be in a plan. */
void
jp_plan_insert_section (JpPlan    *self,
                        guint      position,
                        JpSection *section)
{
  guint n;

  g_return_if_fail (JP_IS_PLAN (self));
  g_return_if_fail (JP_IS_SECTION (section));
  g_return_if_fail (jp_section_get_plan (section) == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  position = MIN (position, n);

  shift_positions (self, position, 1);
  _jp_section_set_plan (section, self);
  _jp_section_set_position (section, (int) position);
  g_list_store_insert (self->sections, position, section);
}

void
jp_plan_append_section (JpPlan    *self,
                        JpSection *section)
{
  jp_plan_insert_section (self, G_MAXUINT, section);
}

gboolean
jp_plan_remove_section (JpPlan    *self,
                        JpSection *section)
{
  guint position;

  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_SECTION (section), FALSE);

  if (!g_list_store_find (self->sections, section, &position))
    return FALSE;

  shift_positions (self, position + 1, -1);
  _jp_section_set_plan (section, NULL);
  g_list_store_remove (self->sections, position);
  return TRUE;
}

guint
jp_plan_get_n_items (JpPlan *self)
{
  GListModel *sections;
  guint n_sections;
  guint n_items = 0;

  g_return_val_if_fail (JP_IS_PLAN (self), 0);

  sections = G_LIST_MODEL (self->sections);
  n_sections = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);

      n_items += g_list_model_get_n_items (jp_section_get_items (section));
    }

  return n_items;
}

guint
jp_plan_get_n_indicators (JpPlan *self)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n_indicators = 0;

  g_return_val_if_fail (JP_IS_PLAN (self), 0);

  items = jp_plan_dup_items (self);
  for (guint i = 0; i < items->len; i++)
    n_indicators += g_list_model_get_n_items (jp_item_get_indicators (g_ptr_array_index (items, i)));

  return n_indicators;
}

/* Free with g_ptr_array_unref(); the items are borrowed. */
GPtrArray *
jp_plan_dup_items (JpPlan *self)
{
  GListModel *sections;
  guint n_sections;
  GPtrArray *items;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  items = g_ptr_array_new ();
  sections = G_LIST_MODEL (self->sections);
  n_sections = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      GListModel *section_items = jp_section_get_items (section);
      guint n = g_list_model_get_n_items (section_items);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (section_items, j);

          g_ptr_array_add (items, item);
        }
    }

  return items;
}

/* The first item with that number (borrowed), or NULL. */
JpItem *
jp_plan_find_item_by_number (JpPlan *self,
                             int     number)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  items = jp_plan_dup_items (self);
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      if (jp_item_get_number (item) == number)
        return item;
    }

  return NULL;
}

GListModel *
jp_plan_get_leaders (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->leaders);
}

/* Names compare without any white space ("崔 茜" finds "崔茜"). Borrowed. */
JpLeader *
jp_plan_find_leader (JpPlan     *self,
                     const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  key = normalize_leader_name (name);
  if (key[0] == '\0')
    return NULL;

  return g_hash_table_lookup (get_leader_index (self), key);
}

/* A new leader is named without white space. An empty name gives NULL. */
JpLeader *
jp_plan_ensure_leader (JpPlan     *self,
                       const char *name)
{
  g_autofree char *key = NULL;
  g_autoptr(JpLeader) leader = NULL;
  JpLeader *found;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  key = normalize_leader_name (name);
  if (key[0] == '\0')
    return NULL;

  found = g_hash_table_lookup (get_leader_index (self), key);
  if (found != NULL)
    return found;

  leader = jp_leader_new (key);
  jp_plan_insert_leader (self, G_MAXUINT, leader);
  return leader; /* Borrowed: the plan keeps its reference */
}

/* @position past the end appends. */
void
jp_plan_insert_leader (JpPlan   *self,
                       guint     position,
                       JpLeader *leader)
{
  g_autofree char *key = NULL;
  guint n;

  g_return_if_fail (JP_IS_PLAN (self));
  g_return_if_fail (JP_IS_LEADER (leader));

  key = normalize_leader_name (jp_leader_get_name (leader));
  g_return_if_fail (!store_holds (self->leaders, get_leader_index (self), key, leader));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->leaders));

  g_signal_connect_swapped (leader, "notify::name",
                            G_CALLBACK (on_leader_name_changed_cb), self);

  if (!self->leader_index_dirty && position >= n &&
      !g_hash_table_contains (self->leader_index, key))
    g_hash_table_insert (self->leader_index, g_steal_pointer (&key), leader);
  else if (position < n)
    self->leader_index_dirty = TRUE; /* the first of equal names wins */

  g_list_store_insert (self->leaders, MIN (position, n), leader);
}

/* In every item's list, @object is replaced by @replacement (in its
 * place, unless the list has it already), or removed when that is NULL. */
static void
replace_in_items (JpPlan     *self,
                  GListModel *(*get_list) (JpItem *),
                  void        (*set_list) (JpItem *, gpointer *, guint),
                  gpointer     object,
                  gpointer     replacement)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (self);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *list = get_list (item);
      guint n = g_list_model_get_n_items (list);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean changed = FALSE;

      for (guint j = 0; j < n; j++)
        {
          GObject *obj = g_list_model_get_item (list, j);

          if (obj == object)
            {
              g_object_unref (obj);
              changed = TRUE;
              if (replacement != NULL && !g_ptr_array_find (kept, replacement, NULL))
                g_ptr_array_add (kept, g_object_ref (replacement));
            }
          else if (obj == replacement && g_ptr_array_find (kept, replacement, NULL))
            {
              g_object_unref (obj);
              changed = TRUE;
            }
          else
            g_ptr_array_add (kept, obj);
        }

      if (changed)
        set_list (item, kept->pdata, kept->len);
    }
}

static void
remove_from_items (JpPlan     *self,
                   GListModel *(*get_list) (JpItem *),
                   void        (*set_list) (JpItem *, gpointer *, guint),
                   gpointer     object)
{
  replace_in_items (self, get_list, set_list, object, NULL);
}

static void
set_item_leaders (JpItem   *item,
                  gpointer *objects,
                  guint     n_objects)
{
  jp_item_set_leaders (item, (JpLeader **) objects, n_objects);
}

static void
set_item_units (JpItem   *item,
                gpointer *objects,
                guint     n_objects)
{
  jp_item_set_units (item, (JpUnit **) objects, n_objects);
}

static void
set_item_partner_units (JpItem   *item,
                        gpointer *objects,
                        guint     n_objects)
{
  jp_item_set_partner_units (item, (JpUnit **) objects, n_objects);
}

/* Also removes the leader from every item of the plan that refers to it
 * (one items-changed per such item). */
gboolean
jp_plan_remove_leader (JpPlan   *self,
                       JpLeader *leader)
{
  guint position;

  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_LEADER (leader), FALSE);

  if (!g_list_store_find (self->leaders, leader, &position))
    return FALSE;

  remove_from_items (self, jp_item_get_leaders, set_item_leaders, leader);
  g_signal_handlers_disconnect_by_func (leader, on_leader_name_changed_cb, self);
  self->leader_index_dirty = TRUE;
  g_list_store_remove (self->leaders, position);
  return TRUE;
}

GListModel *
jp_plan_get_units (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->units);
}

/* Names compare without white space at both ends. Borrowed. */
JpUnit *
jp_plan_find_unit (JpPlan     *self,
                   const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  key = normalize_unit_name (name);
  if (key[0] == '\0')
    return NULL;

  return g_hash_table_lookup (get_unit_index (self), key);
}

/* A new unit is named without white space at both ends. An empty name
 * gives NULL. Borrowed. */
JpUnit *
jp_plan_ensure_unit (JpPlan     *self,
                     const char *name)
{
  g_autofree char *key = NULL;
  g_autoptr(JpUnit) unit = NULL;
  JpUnit *found;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  key = normalize_unit_name (name);
  if (key[0] == '\0')
    return NULL;

  found = g_hash_table_lookup (get_unit_index (self), key);
  if (found != NULL)
    return found;

  unit = jp_unit_new (key);
  jp_plan_insert_unit (self, G_MAXUINT, unit);
  return unit; /* Borrowed: the plan keeps its reference */
}

void
jp_plan_insert_unit (JpPlan *self,
                     guint   position,
                     JpUnit *unit)
{
  g_autofree char *key = NULL;
  guint n;

  g_return_if_fail (JP_IS_PLAN (self));
  g_return_if_fail (JP_IS_UNIT (unit));

  key = normalize_unit_name (jp_unit_get_name (unit));
  g_return_if_fail (!store_holds (self->units, get_unit_index (self), key, unit));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  g_signal_connect_swapped (unit, "notify::name",
                            G_CALLBACK (on_unit_name_changed_cb), self);

  if (!self->unit_index_dirty && position >= n &&
      !g_hash_table_contains (self->unit_index, key))
    g_hash_table_insert (self->unit_index, g_steal_pointer (&key), unit);
  else if (position < n)
    self->unit_index_dirty = TRUE; /* the first of equal names wins */

  g_list_store_insert (self->units, MIN (position, n), unit);
}

/* Also removes the unit from every item (units and partner units). */
gboolean
jp_plan_remove_unit (JpPlan *self,
                     JpUnit *unit)
{
  guint position;

  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_UNIT (unit), FALSE);

  if (!g_list_store_find (self->units, unit, &position))
    return FALSE;

  remove_from_items (self, jp_item_get_units, set_item_units, unit);
  remove_from_items (self, jp_item_get_partner_units, set_item_partner_units, unit);
  g_signal_handlers_disconnect_by_func (unit, on_unit_name_changed_cb, self);
  self->unit_index_dirty = TRUE;
  g_list_store_remove (self->units, position);
  return TRUE;
}

static void set_item_leaders       (JpItem *item, gpointer *objects, guint n_objects);
static void set_item_units         (JpItem *item, gpointer *objects, guint n_objects);
static void set_item_partner_units (JpItem *item, gpointer *objects, guint n_objects);

/**
 * jp_plan_merge_leader:
 *
 * Makes @from and @into one leader: every item that names @from names
 * @into instead (once), and @from leaves the plan. For plans in memory
 * only (an import preview); a stored plan merges through the store.
 */
gboolean
jp_plan_merge_leader (JpPlan   *self,
                      JpLeader *from,
                      JpLeader *into)
{
  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_LEADER (from) && JP_IS_LEADER (into), FALSE);

  if (from == into || !g_list_store_find (self->leaders, into, NULL))
    return FALSE;

  replace_in_items (self, jp_item_get_leaders, set_item_leaders, from, into);
  return jp_plan_remove_leader (self, from);
}

/* The same for units, in the items' units and partner units. */
gboolean
jp_plan_merge_unit (JpPlan *self,
                    JpUnit *from,
                    JpUnit *into)
{
  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_UNIT (from) && JP_IS_UNIT (into), FALSE);

  if (from == into || !g_list_store_find (self->units, into, NULL))
    return FALSE;

  replace_in_items (self, jp_item_get_units, set_item_units, from, into);
  replace_in_items (self, jp_item_get_partner_units, set_item_partner_units, from, into);
  return jp_plan_remove_unit (self, from);
}

char *
jp_plan_dup_default_as_of (JpPlan *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  today = jp_date_today_iso ();
  if (self->end != NULL && strcmp (today, self->end) > 0)
    return g_strdup (self->end);

  return g_steal_pointer (&today);
}

/* Replaces the loader (the previous one's @destroy is called). */
void
jp_plan_set_history_loader (JpPlan          *self,
                            JpHistoryLoader  loader,
                            gpointer         user_data,
                            GDestroyNotify   destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (JP_IS_PLAN (self));

  old_destroy = self->loader_destroy;
  old_data = self->loader_data;

  self->loader = loader;
  self->loader_data = user_data;
  self->loader_destroy = destroy;

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/* TRUE without a loader (nothing to load). */
gboolean
_jp_plan_load_history (JpPlan       *self,
                       JpIndicator  *indicator,
                       GError      **error)
{
  g_return_val_if_fail (JP_IS_PLAN (self), FALSE);
  g_return_val_if_fail (JP_IS_INDICATOR (indicator), FALSE);

  if (self->loader == NULL)
    return TRUE;

  return self->loader (indicator, self->loader_data, error);
}

void
jp_plan_emit_changed (JpPlan *self)
{
  g_return_if_fail (JP_IS_PLAN (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* The default expected-progress curve spec (jp-curve.h); NULL: linear */
const char *
jp_plan_get_curve (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->curve;
}

void
jp_plan_set_curve (JpPlan *self,
                   const char *curve)
{
  g_return_if_fail (JP_IS_PLAN (self));

  if (_jp_set_date (&self->curve, curve))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
}

/* The reporting cycle spec (jp-curve.h); NULL: none */
const char *
jp_plan_get_report_cycle (JpPlan *self)
{
  g_return_val_if_fail (JP_IS_PLAN (self), NULL);

  return self->report_cycle;
}

void
jp_plan_set_report_cycle (JpPlan *self,
                          const char *report_cycle)
{
  g_return_if_fail (JP_IS_PLAN (self));

  if (_jp_set_date (&self->report_cycle, report_cycle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_CYCLE]);
}
