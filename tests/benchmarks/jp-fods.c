/* jp-fods: writes a plan as the spreadsheet a bureau would keep instead of
 * the application (not a test), for tests/benchmarks/run to convert it to
 * PDF with LibreOffice and gnumeric beside our --export-pdf.
 *
 *   jp-fods --db=FILE [--as-of=YYYY-MM-DD] --output=FILE.fods
 *
 * A flat OpenDocument spreadsheet (one XML file: no zip writer needed)
 * with two sheets holding what our summary report prints in its tables:
 *   items       No., work item, leaders, units, progress, status
 *   indicators  item No., indicator, target, current, completion, status
 * Values are written as values (numbers, percentages), the way they would
 * be typed; no formulas. Prints "items indicators bytes" on standard
 * error. */

#include "config.h"

#include <gio/gio.h>
#include <locale.h>
#include <stdio.h>

#include "jp-store.h"

static void
append_text_cell (GString    *out,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append_printf (out,
                          "<table:table-cell office:value-type=\"string\">"
                          "<text:p>%s</text:p></table:table-cell>",
                          escaped);
}

static void
append_number_cell (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  g_string_append_printf (out,
                          "<table:table-cell office:value-type=\"float\" office:value=\"%s\">"
                          "<text:p>%s</text:p></table:table-cell>",
                          buf, buf);
}

static void
append_percent_cell (GString *out,
                     double   ratio)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, ratio);
  g_string_append_printf (out,
                          "<table:table-cell table:style-name=\"percent\""
                          " office:value-type=\"percentage\" office:value=\"%s\">"
                          "<text:p>%.1f%%</text:p></table:table-cell>",
                          buf, ratio * 100);
}

static void
begin_sheet (GString            *out,
             const char         *name,
             const char * const *headers)
{
  g_string_append_printf (out, "<table:table table:name=\"%s\">", name);
  for (guint i = 0; headers[i] != NULL; i++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"%s\"/>",
                            i == 1 ? "wide" : "narrow");
  g_string_append (out, "<table:table-row>");
  for (guint i = 0; headers[i] != NULL; i++)
    append_text_cell (out, headers[i]);
  g_string_append (out, "</table:table-row>\n");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const item_headers[] = { "序号", "工作要点", "责任领导", "责任单位", "进度", "状态", NULL };
  static const char * const indicator_headers[] = { "序号", "指标", "目标", "当前", "完成率", "状态", NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *db = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *output = NULL;
  gint64 plan_id;
  guint n_indicators = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database", "FILE" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "Date for status (default: the plan's)", "DATE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output .fods file", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- write a plan as a flat OpenDocument spreadsheet");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL || output == NULL)
    {
      g_printerr ("jp-fods: %s\n", error != NULL ? error->message : "--db and --output are needed");
      return 2;
    }

  store = jp_store_open (db, JP_STORE_FLAGS_READ_ONLY, &error);
  if (store == NULL || (plan_id = jp_store_get_latest_plan_id (store, &error)) == 0 ||
      (plan = jp_store_load_plan (store, plan_id, &error)) == NULL)
    {
      g_printerr ("jp-fods: %s\n", error != NULL ? error->message : "no plan");
      return 1;
    }
  if (as_of == NULL)
    as_of = jp_plan_dup_default_as_of (plan);
  items = jp_plan_dup_items (plan);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document"
                   " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                   " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                   " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                   " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                   " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""
                   " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
                   " office:version=\"1.2\""
                   " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n"
                   "<office:automatic-styles>"
                   "<number:percentage-style style:name=\"N1\">"
                   "<number:number number:decimal-places=\"1\" number:min-integer-digits=\"1\"/>"
                   "<number:text>%</number:text></number:percentage-style>"
                   "<style:style style:name=\"percent\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
                   "<style:style style:name=\"wide\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"8cm\"/></style:style>"
                   "<style:style style:name=\"narrow\" style:family=\"table-column\">"
                   "<style:table-column-properties style:column-width=\"3cm\"/></style:style>"
                   "</office:automatic-styles>\n"
                   "<office:body><office:spreadsheet>\n");

  begin_sheet (out, "items", item_headers);
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      g_autofree char *leaders = jp_item_dup_leader_names (item, "、");
      g_autofree char *units = jp_item_dup_unit_names (item, "、");
      JpProgress progress;

      jp_item_evaluate (item, as_of, &progress);
      g_string_append (out, "<table:table-row>");
      append_number_cell (out, jp_item_get_number (item));
      append_text_cell (out, jp_item_get_title (item));
      append_text_cell (out, leaders);
      append_text_cell (out, units);
      append_percent_cell (out, progress.ratio);
      append_text_cell (out, jp_status_get_label (progress.status));
      g_string_append (out, "</table:table-row>\n");
    }
  g_string_append (out, "</table:table>\n");

  begin_sheet (out, "indicators", indicator_headers);
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);
          g_autofree char *target = jp_indicator_format_target (indicator);
          JpProgress progress;

          jp_indicator_evaluate (indicator, as_of, &progress);
          g_string_append (out, "<table:table-row>");
          append_number_cell (out, jp_item_get_number (item));
          append_text_cell (out, jp_indicator_get_name (indicator));
          append_text_cell (out, target);
          if (progress.has_value)
            append_number_cell (out, progress.value);
          else
            append_text_cell (out, "");
          append_percent_cell (out, progress.ratio);
          append_text_cell (out, jp_status_get_label (progress.status));
          g_string_append (out, "</table:table-row>\n");
          n_indicators++;
        }
    }
  g_string_append (out, "</table:table>\n</office:spreadsheet></office:body></office:document>\n");

  if (!g_file_set_contents (output, out->str, out->len, &error))
    {
      g_printerr ("jp-fods: %s\n", error->message);
      return 1;
    }

  g_printerr ("%u %u %" G_GSIZE_FORMAT "\n", items->len, n_indicators, out->len);
  return 0;
}
