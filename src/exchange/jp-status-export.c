/* jp-status-export.c: --export-status, the figures the window shows
 *
 * Nothing here computes a figure: every number comes from jp-status.c and
 * is rounded by jp_round_percent(), so that the window, the dashboard, the
 * reports and this export agree for the same date and selection. */

#define G_LOG_DOMAIN "jp-exchange"

#include "config.h"

#include "jp-status-export.h"

#include "jp-csv.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  JpStatusExportFormat  format;
  GString              *out;
  guint                 depth;
  gboolean              first;  /* nothing written yet at this depth */
  const char           *as_of;
} Writer;

/* ---- Figures shared by both formats */

/* "26.67": the rounded percentage, as a number. */
static char *
dup_percent_number (double ratio)
{
  return jp_format_number (jp_round_percent (ratio), FALSE);
}

static char *
dup_flags (const JpProgress *progress)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();

  if (progress->late_report)
    g_ptr_array_add (flags, (gpointer) "late_report");
  if (progress->self_report_differs)
    g_ptr_array_add (flags, (gpointer) "self_report_differs");
  if (progress->exceeded)
    g_ptr_array_add (flags, (gpointer) "exceeded");
  g_ptr_array_add (flags, NULL);

  return g_strjoinv (" ", (char **) flags->pdata);
}

/* ---- JSON: written as it goes, numbers as the model rounds them */

static void
json_string (GString    *out,
             const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text != NULL ? text : "");
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

static void
json_key (Writer     *w,
          const char *key)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  w->first = FALSE;
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
  if (key != NULL)
    {
      json_string (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
json_open (Writer     *w,
           const char *key,
           char        bracket)
{
  json_key (w, key);
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
json_close (Writer *w,
            char    bracket)
{
  gboolean empty = w->first;

  w->depth--;
  if (!empty)
    {
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
json_text (Writer     *w,
           const char *key,
           const char *value)
{
  json_key (w, key);
  if (value == NULL)
    g_string_append (w->out, "null");
  else
    json_string (w->out, value);
}

static void
json_raw (Writer     *w,
          const char *key,
          const char *value)
{
  json_key (w, key);
  g_string_append (w->out, value != NULL ? value : "null");
}

static void
json_number (Writer     *w,
             const char *key,
             double      value)
{
  g_autofree char *text = jp_format_number (value, FALSE);

  json_raw (w, key, text);
}

static void
json_percent (Writer     *w,
              const char *key,
              double      ratio)
{
  g_autofree char *text = dup_percent_number (ratio);

  json_raw (w, key, text);
}

static void
json_names (Writer     *w,
            const char *key,
            GListModel *people,
            gboolean    leaders)
{
  guint n = g_list_model_get_n_items (people);

  json_open (w, key, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      json_text (w, NULL, leaders ? jp_leader_get_name (JP_LEADER (person))
                                  : jp_unit_get_name (JP_UNIT (person)));
    }
  json_close (w, ']');
}

/* The members every level has: progress, expected, status, flags. */
static void
json_figures (Writer           *w,
              const JpProgress *progress,
              gboolean          raw_ratio)
{
  g_auto(GStrv) flags = NULL;
  g_autofree char *joined = dup_flags (progress);

  json_percent (w, "progress", raw_ratio ? progress->ratio : progress->p);
  json_percent (w, "expected", progress->expected);
  json_percent (w, "gap", MAX (0.0, progress->expected - progress->p));
  json_text (w, "status", jp_status_to_nick (progress->status));
  json_text (w, "status_label", jp_status_get_label (progress->status));
  json_text (w, "due", progress->due);

  flags = g_strsplit (joined, " ", -1);
  json_open (w, "flags", '[');
  for (guint i = 0; flags[i] != NULL; i++)
    if (flags[i][0] != '\0')
      json_text (w, NULL, flags[i]);
  json_close (w, ']');
}

static void
json_counts (Writer    *w,
             GPtrArray *items)
{
  guint counts[JP_N_STATUSES];
  guint attention = 0;

  jp_items_count_statuses (items, w->as_of, counts);
  json_open (w, "counts", '{');
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      json_number (w, jp_status_to_nick (i), counts[i]);
      if (jp_status_needs_attention (i))
        attention += counts[i];
    }
  json_close (w, '}');
  json_number (w, "needs_attention", attention);
}

/* ---- CSV: one table, a row per figure, the level in the first column */

typedef enum
{
  COL_LEVEL, COL_ID, COL_SECTION, COL_ITEM, COL_NAME, COL_KIND, COL_TARGET, COL_TARGET_MAX,
  COL_UNIT, COL_VALUE, COL_DATE, COL_DUE, COL_EXPECTED, COL_PROGRESS, COL_GAP, COL_STATUS,
  COL_FLAGS, N_COLS
} Column;

static const char * const csv_headings[N_COLS] = {
  "level", "id", "section", "item", "name", "kind", "target", "target_max",
  "unit", "value", "date", "due", "expected", "progress", "gap", "status", "flags",
};

static void
csv_row (Writer            *w,
         const char *const *cells)
{
  for (guint i = 0; i < N_COLS; i++)
    {
      if (i > 0)
        g_string_append_c (w->out, ',');
      if (i == COL_SECTION || i == COL_NAME || i == COL_UNIT)
        jp_csv_append_text_field (w->out, cells[i] != NULL ? cells[i] : "");
      else
        jp_csv_append_field (w->out, cells[i] != NULL ? cells[i] : "");
    }
  g_string_append (w->out, "\r\n");
}

static void
csv_figures (Writer           *w,
             const char       *level,
             const char       *section,
             const char       *item,
             const char       *name,
             const JpProgress *progress,
             gboolean          raw_ratio)
{
  g_autofree char *expected = dup_percent_number (progress->expected);
  g_autofree char *percent = dup_percent_number (raw_ratio ? progress->ratio : progress->p);
  g_autofree char *gap = dup_percent_number (MAX (0.0, progress->expected - progress->p));
  g_autofree char *flags = dup_flags (progress);
  const char *cells[N_COLS] = { NULL, };

  cells[COL_LEVEL] = level;
  cells[COL_SECTION] = section;
  cells[COL_ITEM] = item;
  cells[COL_NAME] = name;
  cells[COL_EXPECTED] = expected;
  cells[COL_PROGRESS] = percent;
  cells[COL_GAP] = gap;
  cells[COL_STATUS] = jp_status_to_nick (progress->status);
  cells[COL_FLAGS] = flags;
  cells[COL_DUE] = progress->due;
  csv_row (w, cells);
}

/* ---- The levels */

static void
write_headline (Writer     *w,
                JpPlan     *plan,
                GPtrArray  *items,
                const char *label)
{
  JpProgress progress;

  jp_items_evaluate (plan, items, w->as_of, &progress);

  if (w->format == JP_STATUS_EXPORT_CSV)
    {
      csv_figures (w, "headline", NULL, NULL, label, &progress, FALSE);
      return;
    }

  json_open (w, "headline", '{');
  json_text (w, "selection", label);
  json_number (w, "items", items->len);
  json_figures (w, &progress, FALSE);
  json_counts (w, items);
  json_close (w, '}');
}

static void
write_sections (Writer    *w,
                JpPlan    *plan,
                GPtrArray *items)
{
  GListModel *sections = jp_plan_get_sections (plan);
  guint next = 0;

  if (w->format == JP_STATUS_EXPORT_JSON)
    json_open (w, "sections", '[');

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, s);
      g_autoptr(GPtrArray) picked = g_ptr_array_new ();
      g_autofree char *name = jp_csv_dup_section_label (section);
      JpProgress progress;

      /* The selection is in plan order: its items of this section. */
      while (next < items->len && jp_item_get_section (g_ptr_array_index (items, next)) == section)
        g_ptr_array_add (picked, g_ptr_array_index (items, next++));
      if (picked->len == 0)
        continue;

      jp_items_evaluate (plan, picked, w->as_of, &progress);
      if (w->format == JP_STATUS_EXPORT_CSV)
        {
          csv_figures (w, "section", jp_section_get_ordinal (section), NULL, name, &progress, FALSE);
          continue;
        }

      json_open (w, NULL, '{');
      json_text (w, "ordinal", jp_section_get_ordinal (section));
      json_text (w, "title", jp_section_get_title (section));
      json_number (w, "items", picked->len);
      json_figures (w, &progress, FALSE);
      json_close (w, '}');
    }

  if (w->format == JP_STATUS_EXPORT_JSON)
    json_close (w, ']');
}

static void
write_item (Writer *w,
            JpItem *item)
{
  JpSection *section = jp_item_get_section (item);
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  JpProgress progress;

  jp_item_evaluate (item, w->as_of, &progress);

  if (w->format == JP_STATUS_EXPORT_CSV)
    {
      csv_figures (w, "item", jp_section_get_ordinal (section), number,
                   jp_item_get_title (item), &progress, FALSE);
      return;
    }

  json_open (w, NULL, '{');
  json_text (w, "section", jp_section_get_ordinal (section));
  json_number (w, "number", jp_item_get_number (item));
  json_text (w, "title", jp_item_get_title (item));
  json_names (w, "leaders", jp_item_get_leaders (item), TRUE);
  json_names (w, "units", jp_item_get_units (item), FALSE);
  json_figures (w, &progress, FALSE);
  if (progress.has_self_report)
    json_percent (w, "self_report", progress.self_report);
  else
    json_raw (w, "self_report", NULL);
  json_close (w, '}');
}

static void
write_indicator (Writer      *w,
                 JpIndicator *indicator)
{
  JpItem *item = jp_indicator_get_item (indicator);
  JpSection *section = jp_item_get_section (item);
  JpProgressEntry *entry = jp_indicator_find_entry (indicator, w->as_of);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, jp_indicator_get_id (indicator));
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  JpProgress progress;

  jp_indicator_evaluate (indicator, w->as_of, &progress);

  if (w->format == JP_STATUS_EXPORT_CSV)
    {
      g_autofree char *target = jp_format_number (jp_indicator_get_target (indicator), FALSE);
      g_autofree char *target_max = NULL;
      g_autofree char *value = NULL;
      g_autofree char *expected = dup_percent_number (progress.expected);
      g_autofree char *percent = dup_percent_number (progress.ratio);
      g_autofree char *gap = dup_percent_number (MAX (0.0, progress.expected - progress.p));
      g_autofree char *flags = dup_flags (&progress);
      const char *cells[N_COLS] = { NULL, };

      if (jp_indicator_get_has_target_max (indicator))
        target_max = jp_format_number (jp_indicator_get_target_max (indicator), FALSE);
      if (entry != NULL)
        value = jp_format_number (jp_progress_entry_get_value (entry), FALSE);

      cells[COL_LEVEL] = "indicator";
      cells[COL_ID] = id;
      cells[COL_SECTION] = jp_section_get_ordinal (section);
      cells[COL_ITEM] = number;
      cells[COL_NAME] = jp_indicator_get_name (indicator);
      cells[COL_KIND] = jp_indicator_kind_to_nick (jp_indicator_get_kind (indicator));
      cells[COL_TARGET] = target;
      cells[COL_TARGET_MAX] = target_max;
      cells[COL_UNIT] = jp_indicator_get_unit (indicator);
      cells[COL_VALUE] = value;
      cells[COL_DATE] = entry != NULL ? jp_progress_entry_get_date (entry) : NULL;
      cells[COL_DUE] = progress.due;
      cells[COL_EXPECTED] = expected;
      cells[COL_PROGRESS] = percent;
      cells[COL_GAP] = gap;
      cells[COL_STATUS] = jp_status_to_nick (progress.status);
      cells[COL_FLAGS] = flags;
      csv_row (w, cells);
      return;
    }

  json_open (w, NULL, '{');
  json_raw (w, "id", id);
  json_number (w, "item", jp_item_get_number (item));
  json_text (w, "name", jp_indicator_get_name (indicator));
  json_text (w, "kind", jp_indicator_kind_to_nick (jp_indicator_get_kind (indicator)));
  json_number (w, "target", jp_indicator_get_target (indicator));
  if (jp_indicator_get_has_target_max (indicator))
    json_number (w, "target_max", jp_indicator_get_target_max (indicator));
  else
    json_raw (w, "target_max", NULL);
  json_text (w, "unit", jp_indicator_get_unit (indicator));
  if (entry != NULL)
    json_number (w, "value", jp_progress_entry_get_value (entry));
  else
    json_raw (w, "value", NULL);
  json_text (w, "date", entry != NULL ? jp_progress_entry_get_date (entry) : NULL);
  json_text (w, "curve", jp_curve_kind_to_nick (jp_curve_get_kind (
                           jp_indicator_get_effective_curve (indicator))));
  json_figures (w, &progress, TRUE);
  json_close (w, '}');
}

static void
write_items_and_indicators (Writer    *w,
                            GPtrArray *items)
{
  g_autoptr(GPtrArray) attention = NULL;

  if (w->format == JP_STATUS_EXPORT_JSON)
    json_open (w, "items", '[');
  for (guint i = 0; i < items->len; i++)
    write_item (w, g_ptr_array_index (items, i));
  if (w->format == JP_STATUS_EXPORT_JSON)
    json_close (w, ']');

  if (w->format == JP_STATUS_EXPORT_JSON)
    json_open (w, "indicators", '[');
  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);

          write_indicator (w, indicator);
        }
    }
  if (w->format == JP_STATUS_EXPORT_JSON)
    json_close (w, ']');

  if (w->format == JP_STATUS_EXPORT_CSV)
    return;

  /* The items that need attention, in the order every list shows them. */
  attention = jp_items_dup_attention (items, w->as_of);
  json_open (w, "attention", '[');
  for (guint i = 0; i < attention->len; i++)
    json_number (w, NULL, jp_item_get_number (g_ptr_array_index (attention, i)));
  json_close (w, ']');
}

char *
jp_status_export (JpPlan                *plan,
                  const char            *as_of,
                  const char            *spec,
                  JpStatusExportFormat   format,
                  gsize                 *length,
                  GError               **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;
  Writer w = { format, NULL, 0, TRUE, NULL };

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = jp_csv_select_items (plan, spec, &label, error);
  if (items == NULL)
    return NULL;

  date = as_of != NULL ? g_strdup (as_of) : jp_plan_dup_default_as_of (plan);
  w.as_of = date;
  w.out = g_string_new (NULL);

  if (format == JP_STATUS_EXPORT_CSV)
    {
      g_string_append (w.out, "\xEF\xBB\xBF");
      csv_row (&w, csv_headings);
      write_headline (&w, plan, items, label != NULL ? label : jp_plan_get_title (plan));
      write_sections (&w, plan, items);
      write_items_and_indicators (&w, items);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, jp_plan_get_id (plan));

      g_string_append_c (w.out, '{');
      w.depth = 1;
      json_text (&w, "format", "jinfeng-plan-status");
      json_number (&w, "version", 1);
      json_raw (&w, "plan", id);
      json_text (&w, "title", jp_plan_get_title (plan));
      json_text (&w, "as_of", date);
      json_text (&w, "report", spec != NULL && spec[0] != '\0' ? spec : "summary");
      write_headline (&w, plan, items, label != NULL ? label : jp_plan_get_title (plan));
      write_sections (&w, plan, items);
      write_items_and_indicators (&w, items);
      w.depth = 0;
      g_string_append (w.out, "\n}\n");
    }

  if (length != NULL)
    *length = w.out->len;

  return g_string_free (w.out, FALSE);
}

JpStatusExportFormat
jp_status_export_format_for_path (const char *path)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".csv"))
    return JP_STATUS_EXPORT_CSV;

  return JP_STATUS_EXPORT_JSON;
}
