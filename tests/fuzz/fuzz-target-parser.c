/* libFuzzer target: target extraction on arbitrary UTF-8 text. */

#include "config.h"

#include "jp-model.h"
#include "jp-target-parser.h"

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
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) unclassified = NULL;

  /* The parser takes valid UTF-8 (the importer guarantees it). */
  if (!g_utf8_validate ((const char *) data, size, NULL))
    return 0;
  text = g_strndup ((const char *) data, size);

  targets = jp_target_parse (text, size, &unclassified);
  g_assert (targets != NULL && unclassified != NULL);

  for (guint i = 0; i < targets->len; i++)
    {
      JpTarget *t = g_ptr_array_index (targets, i);
      g_autoptr(JpIndicator) indicator = NULL;

      /* The phrase is a piece of the text, where the offset says. */
      g_assert (t->offset <= size);
      g_assert (strncmp (text + t->offset, t->text, strlen (t->text)) == 0);
      g_assert (g_utf8_validate (t->text, -1, NULL));
      g_assert (g_utf8_validate (t->name, -1, NULL));
      g_assert (t->name[0] != '\0');
      g_assert (t->unit[0] != '\0');
      g_assert (t->target >= 0);
      g_assert (!t->has_target_max || t->target < t->target_max);
      g_assert (t->kind >= JP_INDICATOR_KIND_AT_LEAST && t->kind <= JP_INDICATOR_KIND_INCREASE_BY);

      indicator = jp_target_to_indicator (t);
      g_assert (jp_indicator_get_kind (indicator) == t->kind);
    }
  for (guint i = 0; i < unclassified->len; i++)
    g_assert (strstr (text, g_ptr_array_index (unclassified, i)) != NULL);

  return 0;
}
