#define G_LOG_DOMAIN "jp-plan-filter"

#include "config.h"

#include "jp-plan-filter.h"

struct _JpPlanFilter
{
  GtkFilter  parent_instance;

  char      *text;
  char      *text_folded; /* casefolded text, NULL when empty */
  char      *leader;
  char      *unit;
  int        status;
  char      *as_of;
};

G_DEFINE_FINAL_TYPE (JpPlanFilter, jp_plan_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LEADER,
  PROP_UNIT,
  PROP_STATUS,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
list_has_name (GListModel *list,
               const char *name)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (list, i);
      const char *person_name = JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                                      : jp_unit_get_name (JP_UNIT (person));

      if (g_strcmp0 (person_name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
match_text (JpPlanFilter *self,
            JpItem       *item)
{
  GListModel *indicators;
  guint n;

  if (contains_folded (jp_item_get_title (item), self->text_folded) ||
      contains_folded (jp_item_get_body (item), self->text_folded))
    return TRUE;

  indicators = jp_item_get_indicators (item);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);

      if (contains_folded (jp_indicator_get_name (indicator), self->text_folded))
        return TRUE;
    }

  return FALSE;
}

static gboolean
jp_plan_filter_match (GtkFilter *filter,
                      gpointer   object)
{
  JpPlanFilter *self = JP_PLAN_FILTER (filter);

  if (!jp_plan_filter_is_active (self))
    return TRUE;

  if (JP_IS_ITEM (object))
    return jp_plan_filter_match_item (self, object);

  if (JP_IS_SECTION (object))
    {
      GListModel *items = jp_section_get_items (object);
      guint n = g_list_model_get_n_items (items);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, i);

          if (jp_plan_filter_match_item (self, item))
            return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
jp_plan_filter_get_strictness (GtkFilter *filter)
{
  JpPlanFilter *self = JP_PLAN_FILTER (filter);

  return jp_plan_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
changed (JpPlanFilter *self,
         GParamSpec   *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
jp_plan_filter_finalize (GObject *object)
{
  JpPlanFilter *self = (JpPlanFilter *) object;

  g_free (self->text);
  g_free (self->text_folded);
  g_free (self->leader);
  g_free (self->unit);
  g_free (self->as_of);

  G_OBJECT_CLASS (jp_plan_filter_parent_class)->finalize (object);
}

static void
jp_plan_filter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JpPlanFilter *self = JP_PLAN_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LEADER:
      g_value_set_string (value, self->leader);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_filter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JpPlanFilter *self = JP_PLAN_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      jp_plan_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_LEADER:
      jp_plan_filter_set_leader (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      jp_plan_filter_set_unit (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      jp_plan_filter_set_status (self, g_value_get_int (value));
      break;
    case PROP_AS_OF:
      jp_plan_filter_set_as_of (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_plan_filter_class_init (JpPlanFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = jp_plan_filter_finalize;
  object_class->get_property = jp_plan_filter_get_property;
  object_class->set_property = jp_plan_filter_set_property;

  filter_class->match = jp_plan_filter_match;
  filter_class->get_strictness = jp_plan_filter_get_strictness;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADER] =
    g_param_spec_string ("leader", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, JP_N_STATUSES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jp_plan_filter_init (JpPlanFilter *self)
{
  self->status = -1;
}

JpPlanFilter *
jp_plan_filter_new (void)
{
  return g_object_new (JP_TYPE_PLAN_FILTER, NULL);
}

const char *
jp_plan_filter_get_text (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), NULL);

  return self->text;
}

void
jp_plan_filter_set_text (JpPlanFilter *self,
                         const char   *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (JP_IS_PLAN_FILTER (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (!set_str (&self->text, stripped))
    return;

  g_clear_pointer (&self->text_folded, g_free);
  if (self->text != NULL)
    self->text_folded = g_utf8_casefold (self->text, -1);

  changed (self, properties[PROP_TEXT]);
}

const char *
jp_plan_filter_get_leader (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), NULL);

  return self->leader;
}

void
jp_plan_filter_set_leader (JpPlanFilter *self,
                           const char   *leader)
{
  g_return_if_fail (JP_IS_PLAN_FILTER (self));

  if (set_str (&self->leader, leader))
    changed (self, properties[PROP_LEADER]);
}

const char *
jp_plan_filter_get_unit (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), NULL);

  return self->unit;
}

void
jp_plan_filter_set_unit (JpPlanFilter *self,
                         const char   *unit)
{
  g_return_if_fail (JP_IS_PLAN_FILTER (self));

  if (set_str (&self->unit, unit))
    changed (self, properties[PROP_UNIT]);
}

int
jp_plan_filter_get_status (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), -1);

  return self->status;
}

void
jp_plan_filter_set_status (JpPlanFilter *self,
                           int           status)
{
  g_return_if_fail (JP_IS_PLAN_FILTER (self));
  g_return_if_fail (status >= -1 && status < JP_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  changed (self, properties[PROP_STATUS]);
}

const char *
jp_plan_filter_get_as_of (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), NULL);

  return self->as_of;
}

void
jp_plan_filter_set_as_of (JpPlanFilter *self,
                          const char   *as_of)
{
  g_return_if_fail (JP_IS_PLAN_FILTER (self));

  if (!set_str (&self->as_of, as_of))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  if (self->status >= 0)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
jp_plan_filter_is_active (JpPlanFilter *self)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), FALSE);

  return self->text != NULL || self->leader != NULL || self->unit != NULL || self->status >= 0;
}

gboolean
jp_plan_filter_match_item (JpPlanFilter *self,
                           JpItem       *item)
{
  g_return_val_if_fail (JP_IS_PLAN_FILTER (self), FALSE);
  g_return_val_if_fail (JP_IS_ITEM (item), FALSE);

  if (self->leader != NULL && !list_has_name (jp_item_get_leaders (item), self->leader))
    return FALSE;

  if (self->unit != NULL &&
      !list_has_name (jp_item_get_units (item), self->unit) &&
      !list_has_name (jp_item_get_partner_units (item), self->unit))
    return FALSE;

  if (self->text_folded != NULL && !match_text (self, item))
    return FALSE;

  if (self->status >= 0)
    {
      JpProgress progress;
      g_autofree char *as_of = NULL;

      if (self->as_of == NULL)
        {
          JpSection *section = jp_item_get_section (item);
          JpPlan *plan = section != NULL ? jp_section_get_plan (section) : NULL;

          as_of = plan != NULL ? jp_plan_dup_default_as_of (plan) : jp_date_today_iso ();
        }

      jp_item_evaluate (item, self->as_of != NULL ? self->as_of : as_of, &progress);
      if ((int) progress.status != self->status)
        return FALSE;
    }

  return TRUE;
}

void
jp_plan_filter_refilter (JpPlanFilter *self)
{
  g_return_if_fail (JP_IS_PLAN_FILTER (self));

  if (jp_plan_filter_is_active (self))
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
