/* libFuzzer target: the plan-document importer on arbitrary bytes. Any
 * crash, sanitizer report, leak or GLib critical is a bug; an error is a
 * fine answer. */

#include "config.h"

#include "jp-document-import.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning from GLib (a failed precondition) is a bug. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;

  plan = jp_document_import_bytes (bytes, "fuzz.txt", &warnings, &error);

  if (plan == NULL)
    {
      /* Every failure is one complete, prefixed error. */
      g_assert (error != NULL);
      g_assert (error->domain == JP_IMPORT_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.txt:"));
      g_assert (warnings == NULL);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (warnings != NULL);
  g_assert (jp_plan_get_n_items (plan) > 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      JpImportWarning *w = g_ptr_array_index (warnings, i);

      g_assert (w->message != NULL && g_utf8_validate (w->message, -1, NULL));
    }

  /* Every string of the plan is valid UTF-8, every indicator sane. */
  {
    g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

    g_assert (g_utf8_validate (jp_plan_get_title (plan), -1, NULL));
    for (guint i = 0; i < items->len; i++)
      {
        JpItem *item = g_ptr_array_index (items, i);
        GListModel *indicators = jp_item_get_indicators (item);

        g_assert (g_utf8_validate (jp_item_get_title (item), -1, NULL));
        g_assert (g_utf8_validate (jp_item_get_body (item), -1, NULL));
        for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
          {
            g_autoptr(JpIndicator) ind = g_list_model_get_item (indicators, k);

            g_assert (jp_indicator_get_target (ind) >= 0);
            g_assert (!jp_indicator_get_has_target_max (ind) ||
                      jp_indicator_get_target (ind) < jp_indicator_get_target_max (ind));
            g_assert (jp_indicator_get_text (ind)[0] != '\0');
            /* The source phrase is a piece of the item's text. */
            g_assert (strstr (jp_item_get_body (item), jp_indicator_get_text (ind)) != NULL ||
                      strstr (jp_item_get_title (item), jp_indicator_get_text (ind)) != NULL);
            g_assert (jp_indicator_get_unit (ind)[0] != '\0');
          }
      }
  }

  return 0;
}
