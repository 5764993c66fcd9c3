/* libFuzzer target: the JSON import (jp-json.c) on arbitrary bytes.
 *
 * An error is a fine answer, if it is one complete JP_IMPORT_ERROR naming
 * the file. Plans that import must survive the rest of their life: export
 * → import → export gives the same text, and inserting them into a store
 * (in memory), loading them back and exporting again gives it too. Any
 * crash, sanitizer report, leak, hang or GLib critical is a bug. */

#include "config.h"

#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-store.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static JpStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* A critical or a warning from GLib (a failed precondition) is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  store = jp_store_open (":memory:", JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  jp_store_set_author (store, "fuzz");
  return 0;
}

static char *
export (JpPlan **plans,
        guint    n_plans)
{
  g_autoptr(GError) error = NULL;
  char *text = jp_json_export_plans (plans, n_plans, NULL, &error);

  g_assert_no_error (error);
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
  return text;
}

static GPtrArray *
import (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = jp_json_import_bytes (bytes, "again.json", &error);

  if (plans == NULL)
    g_error ("an export does not import again: %s\n%s", error->message, text);
  return plans;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  plans = jp_json_import_bytes (bytes, "fuzz.json", &error);
  if (plans == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == JP_IMPORT_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.json"));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);

  /* export → import → export: the same text. */
  first = export ((JpPlan **) plans->pdata, plans->len);
  again = import (first);
  g_assert (again->len == plans->len);
  second = export ((JpPlan **) again->pdata, again->len);
  if (strcmp (first, second) != 0)
    g_error ("export → import → export differs:\n%s\n----\n%s", first, second);

  if (plans->len == 0)
    return 0;

  /* Through the store: inserted whole, loaded back the same. */
  if (!jp_store_insert_plans (store, (JpPlan **) again->pdata, again->len, &error))
    g_error ("an imported plan cannot be stored: %s\n%s", error->message, first);

  loaded = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < again->len; i++)
    {
      JpPlan *plan = jp_store_load_plan (store, jp_plan_get_id (g_ptr_array_index (again, i)), &error);

      g_assert_no_error (error);
      g_ptr_array_add (loaded, plan);
    }
  third = export ((JpPlan **) loaded->pdata, loaded->len);
  if (strcmp (first, third) != 0)
    g_error ("store → export differs:\n%s\n----\n%s", first, third);

  for (guint i = 0; i < loaded->len; i++)
    {
      g_assert (jp_store_delete_plan (store, jp_plan_get_id (g_ptr_array_index (loaded, i)), &error));
      g_assert_no_error (error);
    }

  return 0;
}
