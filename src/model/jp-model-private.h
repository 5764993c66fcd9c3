#pragma once

#include <gio/gio.h>

#include "jp-types.h"

G_BEGIN_DECLS

/* Shared by the model's .c files: string fields.
 *
 * Text fields (names, titles, notes…) are never NULL: NULL is stored as ""
 * so that exports are stable. Other strings are kept as the caller gave
 * them. Date fields are NULL when not set: "" is stored as NULL.
 *
 * Both return TRUE when the value changed (the caller then notifies). */

static inline gboolean
_jp_set_text (char       **field,
              const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static inline gboolean
_jp_set_date (char       **field,
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

/* Set by the plan on every section whose index changed (-1: not in a
 * plan); notifies "position" when it changed. */
void _jp_section_set_position (JpSection *self,
                               int        position);

/* Date of an object of a date-sorted list (entry or update). */
typedef const char *(*JpDateFunc) (gpointer object);

/* Position after the last object dated on or before @date (NULL dates sort
 * first), so that objects of the same date keep their insertion order. */
static inline guint
_jp_sorted_insert_position (GListModel  *model,
                            const char  *date,
                            JpDateFunc   get_date)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GObject) obj = g_list_model_get_item (model, mid);

      if (g_strcmp0 (get_date (obj), date) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

typedef struct
{
  JpDateFunc get_date;
} JpDateSort;

static inline int
_jp_compare_by_date (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const JpDateSort *sort = user_data;
  gpointer oa = *(gpointer const *) a;
  gpointer ob = *(gpointer const *) b;

  return g_strcmp0 (sort->get_date (oa), sort->get_date (ob));
}

/* Sorts @store by date, stably, with one items-changed when the order
 * changed. Returns TRUE when it did. */
static inline gboolean
_jp_resort_by_date (GListStore *store,
                    JpDateFunc  get_date)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) sorted = NULL;
  gboolean changed = FALSE;
  JpDateSort sort = { get_date };

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  /* Borrowed pointers: @items holds the references. */
  sorted = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (items, i));
  g_ptr_array_sort_with_data (sorted, _jp_compare_by_date, &sort);

  for (guint i = 0; i < n && !changed; i++)
    changed = g_ptr_array_index (items, i) != g_ptr_array_index (sorted, i);

  if (changed)
    g_list_store_splice (store, 0, n, sorted->pdata, n);

  return changed;
}

G_END_DECLS
