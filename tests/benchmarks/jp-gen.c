/* jp-gen: writes a synthetic plan of a given size (not a test).
 *
 *   jp-gen [--size=seed|1k|10k] [--items=N] [--sections=S]
 *          [--indicators-per-item=K] [--entries-per-indicator=M]
 *          [--updates-per-item=U] [--seed=N] [--year=Y]
 *          --format=doc|json|db --output=FILE
 *
 * --size presets: seed is the bundled 2023 plan (17 items, 36 targets)
 * with generated progress; 1k is 1,000 items, 5 indicators per item, 10
 * entries per indicator, 2 updates per item; 10k the same with 10,000
 * items. Explicit options override the preset. The same options always
 * give the same plan. --output=- writes doc and json to standard output.
 * Prints "sections items indicators entries leaders units bytes" on
 * standard error. */

#include "config.h"

#include "jp-document-import.h"
#include "jp-gen-plan.h"
#include "jp-json.h"
#include "jp-store.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

static guint
count_entries (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

          n += g_list_model_get_n_items (jp_indicator_get_progress (indicator));
        }
    }

  return n;
}

static JpPlan *
load_seed_plan (GError **error)
{
  g_autofree char *path = g_build_filename (JP_SOURCE_DIR, "data", "plans", "jinfeng-2023.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return jp_document_import_file (file, NULL, NULL, error);
}

static gboolean
write_output (JpPlan      *plan,
              const char  *format,
              const char  *output,
              gsize       *size,
              GError     **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (g_strcmp0 (format, "db") == 0)
    {
      g_autoptr(JpStore) store = NULL;
      GStatBuf st;

      if (g_strcmp0 (output, "-") == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "--format=db needs a file name");
          return FALSE;
        }
      store = jp_store_open (output, JP_STORE_FLAGS_NONE, error);
      if (store == NULL || !jp_store_insert_plans (store, &plan, 1, error))
        return FALSE;
      g_clear_object (&store);
      *size = g_stat (output, &st) == 0 ? (gsize) st.st_size : 0;
      return TRUE;
    }

  if (g_strcmp0 (format, "json") == 0)
    text = jp_json_export_plans (&plan, 1, &len, error);
  else if (g_strcmp0 (format, "doc") == 0)
    text = jp_gen_write_document (plan, &len);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "unknown format “%s” (doc, json or db)", format);
      return FALSE;
    }
  if (text == NULL)
    return FALSE;

  *size = len;
  if (g_strcmp0 (output, "-") == 0)
    return fwrite (text, 1, len, stdout) == len;

  return g_file_set_contents (output, text, len, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *size = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  int items = -1, sections = -1, indicators = -1, entries = -1, updates = -1, seed = 1, year = 0;
  JpGenOptions options = { 0 };
  gsize bytes = 0;
  GOptionEntry entries_opt[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Preset: seed, 1k or 10k", "SIZE" },
    { "items", 0, 0, G_OPTION_ARG_INT, &items, "Number of items", "N" },
    { "sections", 0, 0, G_OPTION_ARG_INT, &sections, "Number of sections (default N/50)", "S" },
    { "indicators-per-item", 0, 0, G_OPTION_ARG_INT, &indicators, "Indicators per item", "K" },
    { "entries-per-indicator", 0, 0, G_OPTION_ARG_INT, &entries, "Progress entries per indicator", "M" },
    { "updates-per-item", 0, 0, G_OPTION_ARG_INT, &updates, "Updates per item", "U" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (default 1)", "N" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "Plan year (default 2023)", "Y" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "doc, json or db", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (- for standard output)", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- write a synthetic plan");
  g_option_context_add_main_entries (context, entries_opt, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jp-gen: %s\n", error->message);
      return 2;
    }
  if (format == NULL || output == NULL)
    {
      g_printerr ("jp-gen: --format and --output are needed\n");
      return 2;
    }

  /* Presets. */
  options.n_items = 100;
  options.indicators_per_item = 2;
  options.entries_per_indicator = 3;
  options.updates_per_item = 1;
  if (g_strcmp0 (size, "1k") == 0 || g_strcmp0 (size, "10k") == 0)
    {
      options.n_items = g_strcmp0 (size, "1k") == 0 ? 1000 : 10000;
      options.indicators_per_item = 5;
      options.entries_per_indicator = 10;
      options.updates_per_item = 2;
    }
  else if (g_strcmp0 (size, "seed") == 0)
    {
      options.entries_per_indicator = 4;
      options.updates_per_item = 2;
    }
  else if (size != NULL)
    {
      g_printerr ("jp-gen: unknown size “%s” (seed, 1k or 10k)\n", size);
      return 2;
    }
  if (items >= 1)
    options.n_items = items;
  if (sections >= 1)
    options.n_sections = sections;
  if (indicators >= 0)
    options.indicators_per_item = indicators;
  if (entries >= 0)
    options.entries_per_indicator = entries;
  if (updates >= 0)
    options.updates_per_item = updates;
  options.seed = (guint32) seed;
  options.year = year;

  if (g_strcmp0 (size, "seed") == 0)
    {
      plan = load_seed_plan (&error);
      if (plan != NULL)
        jp_gen_add_progress (plan, &options);
    }
  else
    plan = jp_gen_plan (&options);

  if (plan == NULL || !write_output (plan, format, output, &bytes, &error))
    {
      g_printerr ("jp-gen: %s\n", error != NULL ? error->message : "failed");
      return 1;
    }

  g_printerr ("%u sections, %u items, %u indicators, %u entries, %u leaders, %u units, %" G_GSIZE_FORMAT " bytes\n",
              g_list_model_get_n_items (jp_plan_get_sections (plan)), jp_plan_get_n_items (plan),
              jp_plan_get_n_indicators (plan), count_entries (plan),
              g_list_model_get_n_items (jp_plan_get_leaders (plan)),
              g_list_model_get_n_items (jp_plan_get_units (plan)), bytes);
  return 0;
}
