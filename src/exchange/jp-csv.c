/* jp-csv.c: the indicator table as CSV (export), and the CSV reader
 *
 * The export writes one row per indicator of the selected items, with the
 * words, numbers and percentages of the model (jp-status.h), so that the
 * table reads the same as the window and the PDF reports. The reader is
 * the one the progress import (jp-progress-import.c) uses. Text cells that
 * a spreadsheet would take for a formula are written with a leading
 * apostrophe (jp_csv_append_text_field()), which the progress import
 * removes again (jp_csv_strip_guard()). */

#define G_LOG_DOMAIN "jp-csv"

#include "config.h"

#include "jp-csv.h"

#include "jp-document-import.h"
#include "jp-report.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define UTF8_BOM "\xEF\xBB\xBF"

/* ---- Cells ----------------------------------------------------------- */

void
jp_csv_record_free (JpCsvRecord *record)
{
  if (record == NULL)
    return;

  g_clear_pointer (&record->fields, g_ptr_array_unref);
  g_free (record);
}

const char *
jp_csv_column_get_heading (JpCsvColumn column)
{
  switch (column)
    {
    case JP_CSV_COLUMN_SECTION:
      /* Translators: a column heading of the indicator table (CSV, Excel);
       * the spreadsheet import also reads the Chinese headings. */
      return C_("sheet", "Section");
    case JP_CSV_COLUMN_NUMBER:
      /* Translators: column heading: the number of the work item. */
      return C_("sheet", "No.");
    case JP_CSV_COLUMN_ITEM:
      return C_("sheet", "Work item");
    case JP_CSV_COLUMN_LEADERS:
      return C_("sheet", "Leaders");
    case JP_CSV_COLUMN_UNITS:
      return C_("sheet", "Units");
    case JP_CSV_COLUMN_INDICATOR:
      return C_("sheet", "Indicator");
    case JP_CSV_COLUMN_KIND:
      return C_("sheet", "Kind");
    case JP_CSV_COLUMN_TARGET:
      return C_("sheet", "Target");
    case JP_CSV_COLUMN_TARGET_MAX:
      /* Translators: column heading: the upper bound of a range target. */
      return C_("sheet", "Upper limit");
    case JP_CSV_COLUMN_UNIT:
      /* Translators: column heading: the measure word (%, 所, 个 …). */
      return C_("sheet", "Unit");
    case JP_CSV_COLUMN_VALUE:
      return C_("sheet", "Current value");
    case JP_CSV_COLUMN_COMPLETION:
      return C_("sheet", "Completion");
    case JP_CSV_COLUMN_STATUS:
      return C_("sheet", "Status");
    case JP_CSV_COLUMN_LAST_DATE:
      /* Translators: column heading: the date of the latest progress value. */
      return C_("sheet", "Last reported");
    case JP_CSV_COLUMN_EXPECTED:
      /* Translators: column heading: the progress expected by the as-of
       * date (应达). */
      return C_("sheet", "Expected");
    case JP_CSV_COLUMN_FLAGS:
      /* Translators: column heading: 逾期未报送, 自报与指标不符. */
      return C_("sheet", "Flags");
    case JP_CSV_COLUMN_DATE:
      /* Translators: column heading: the date of the value filled in
       * (empty in the export; "填报日期"). */
      return C_("sheet", "Date reported");
    case JP_CSV_COLUMN_ID:
      /* Translators: column heading: the indicator's number in the
       * database ("指标编号"). */
      return C_("sheet", "Indicator ID");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
jp_csv_dup_section_label (JpSection *section)
{
  const char *ordinal;
  const char *title;

  g_return_val_if_fail (JP_IS_SECTION (section), NULL);

  ordinal = jp_section_get_ordinal (section);
  title = jp_section_get_title (section);
  if (*ordinal == '\0')
    return g_strdup (title);
  if (*title == '\0')
    return g_strdup (ordinal);

  return g_strconcat (ordinal, "、", title, NULL);
}

const char *
jp_csv_indicator_get_label (JpIndicator *indicator)
{
  const char *name;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  name = jp_indicator_get_name (indicator);
  if (*name != '\0')
    return name;

  return jp_indicator_get_text (indicator);
}

static const char *
leader_separator (void)
{
  /* Translators: between the names of leaders in a cell; "、" in Chinese. */
  return C_("sheet", ", ");
}

static const char *
unit_separator (void)
{
  /* Translators: between the names of units in a cell, which may contain
   * "、" themselves; "；" in Chinese. */
  return C_("sheet", "; ");
}

char *
jp_csv_dup_flags (const JpProgress *progress,
                  const JpProgress *item_progress)
{
  g_autoptr(GString) flags = g_string_new (NULL);

  g_return_val_if_fail (progress != NULL, NULL);

  if (progress->late_report)
    /* Translators: a flag: nothing reported since the last deadline. */
    g_string_append (flags, C_("sheet", "Late report"));
  if (item_progress != NULL && item_progress->has_self_report &&
      item_progress->self_report_differs)
    {
      if (flags->len > 0)
        g_string_append (flags, leader_separator ());
      /* Translators: a flag: the item's self-reported completion differs
       * from its indicators' by more than 20 points. */
      g_string_append (flags, C_("sheet", "Self-report differs from the indicators"));
    }
  return g_string_free (g_steal_pointer (&flags), FALSE);
}

char *
jp_csv_dup_cell (JpIndicator      *indicator,
                 const JpProgress *progress,
                 const char       *as_of,
                 JpCsvColumn       column)
{
  JpItem *item;
  JpSection *section;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (progress != NULL, NULL);

  item = jp_indicator_get_item (indicator);
  section = item != NULL ? jp_item_get_section (item) : NULL;

  switch (column)
    {
    case JP_CSV_COLUMN_SECTION:
      return section != NULL ? jp_csv_dup_section_label (section) : g_strdup ("");
    case JP_CSV_COLUMN_NUMBER:
      return item != NULL ? g_strdup_printf ("%d", jp_item_get_number (item)) : g_strdup ("");
    case JP_CSV_COLUMN_ITEM:
      return g_strdup (item != NULL ? jp_item_get_title (item) : "");
    case JP_CSV_COLUMN_LEADERS:
      return item != NULL ? jp_item_dup_leader_names (item, leader_separator ()) : g_strdup ("");
    case JP_CSV_COLUMN_UNITS:
      return item != NULL ? jp_item_dup_unit_names (item, unit_separator ()) : g_strdup ("");
    case JP_CSV_COLUMN_INDICATOR:
      return g_strdup (jp_csv_indicator_get_label (indicator));
    case JP_CSV_COLUMN_KIND:
      return g_strdup (jp_indicator_kind_get_label (jp_indicator_get_kind (indicator)));
    case JP_CSV_COLUMN_TARGET:
      if (jp_indicator_get_kind (indicator) == JP_INDICATOR_KIND_MILESTONE)
        return g_strdup ("");
      return jp_format_number (jp_indicator_get_target (indicator), FALSE);
    case JP_CSV_COLUMN_TARGET_MAX:
      if (!jp_indicator_get_has_target_max (indicator))
        return g_strdup ("");
      return jp_format_number (jp_indicator_get_target_max (indicator), FALSE);
    case JP_CSV_COLUMN_UNIT:
      return g_strdup (jp_indicator_get_unit (indicator));
    case JP_CSV_COLUMN_VALUE:
      if (!progress->has_value)
        return g_strdup ("");
      return jp_format_number (progress->value, FALSE);
    case JP_CSV_COLUMN_COMPLETION:
      if (!progress->has_value)
        return g_strdup ("");
      return jp_format_percent (progress->ratio);
    case JP_CSV_COLUMN_STATUS:
      return g_strdup (jp_status_get_label (progress->status));
    case JP_CSV_COLUMN_LAST_DATE:
      {
        JpProgressEntry *entry;

        if (!progress->has_value)
          return g_strdup ("");
        /* The entry the evaluation used: the latest on or before as-of. */
        entry = jp_indicator_find_entry (indicator, as_of);
        return g_strdup (entry != NULL ? jp_progress_entry_get_date (entry) : "");
      }
    case JP_CSV_COLUMN_EXPECTED:
      return jp_format_percent (progress->expected);
    case JP_CSV_COLUMN_FLAGS:
      {
        JpProgress item_progress;

        if (item == NULL)
          return jp_csv_dup_flags (progress, NULL);
        jp_item_evaluate (item, as_of, &item_progress);
        return jp_csv_dup_flags (progress, &item_progress);
      }
    case JP_CSV_COLUMN_DATE:
      /* For the date of the value filled in. */
      return g_strdup ("");
    case JP_CSV_COLUMN_ID:
      if (jp_indicator_get_id (indicator) <= 0)
        return g_strdup ("");
      return g_strdup_printf ("%" G_GINT64_FORMAT, jp_indicator_get_id (indicator));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Selection ------------------------------------------------------- */

static char *
join_names (GListModel *list,
            gboolean    leaders)
{
  g_autoptr(GString) known = g_string_new (NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      if (i > 0)
        g_string_append (known, leaders ? leader_separator () : unit_separator ());
      g_string_append (known, leaders ? jp_leader_get_name (JP_LEADER (object)) :
                                        jp_unit_get_name (JP_UNIT (object)));
    }

  return g_string_free (g_steal_pointer (&known), FALSE);
}

GPtrArray *
jp_csv_select_items (JpPlan      *plan,
                     const char  *spec,
                     char       **label,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *name = NULL;
  JpReportKind kind = JP_REPORT_SUMMARY;
  JpLeader *leader = NULL;
  JpUnit *unit = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (label != NULL)
    *label = NULL;

  items = jp_plan_dup_items (plan);
  if (spec == NULL || *spec == '\0')
    return g_steal_pointer (&items);

  if (!jp_report_parse_spec (spec, &kind, &name, error))
    return NULL;

  switch (kind)
    {
    case JP_REPORT_SUMMARY:
    case JP_REPORT_BULLETIN:
      return g_steal_pointer (&items);

    case JP_REPORT_LEADER:
      leader = jp_plan_find_leader (plan, name);
      if (leader == NULL)
        {
          g_autofree char *known = join_names (jp_plan_get_leaders (plan), TRUE);

          g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                       C_("sheet", "No leader named “%s” in this plan; the leaders are: %s"),
                       name, *known != '\0' ? known : C_("sheet", "(none)"));
          return NULL;
        }
      if (label != NULL)
        *label = g_strdup_printf (C_("sheet", "Leader: %s"), jp_leader_get_name (leader));
      break;

    case JP_REPORT_UNIT:
    default:
      unit = jp_plan_find_unit (plan, name);
      if (unit == NULL)
        {
          g_autofree char *known = join_names (jp_plan_get_units (plan), FALSE);

          g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                       C_("sheet", "No unit named “%s” in this plan; the units are: %s"),
                       name, *known != '\0' ? known : C_("sheet", "(none)"));
          return NULL;
        }
      if (label != NULL)
        *label = g_strdup_printf (C_("sheet", "Unit: %s"), jp_unit_get_name (unit));
      break;
    }

  selected = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      if ((leader != NULL && jp_item_has_leader (item, leader)) ||
          (unit != NULL && (jp_item_has_unit (item, unit) ||
                            jp_item_has_partner_unit (item, unit))))
        g_ptr_array_add (selected, item);
    }

  return g_steal_pointer (&selected);
}

/* ---- Writing --------------------------------------------------------- */

void
jp_csv_append_field (GString    *out,
                     const char *text)
{
  gboolean quote;
  gsize len;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";

  len = strlen (text);
  quote = strpbrk (text, ",\"\r\n\t;") != NULL ||
          (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));
  if (!quote)
    {
      g_string_append_len (out, text, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
jp_csv_text_needs_guard (const char *text)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*p == ' ' || *p == '\'')
    p++;

  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

void
jp_csv_append_text_field (GString    *out,
                          const char *text)
{
  g_return_if_fail (out != NULL);

  if (text != NULL && jp_csv_text_needs_guard (text))
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);

      jp_csv_append_field (out, guarded);
      return;
    }

  jp_csv_append_field (out, text);
}

const char *
jp_csv_strip_guard (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  /* Only an apostrophe that the export added: the rest needs it. */
  if (text[0] == '\'' && jp_csv_text_needs_guard (text + 1))
    return text + 1;

  return text;
}

static gboolean
column_is_text (JpCsvColumn column)
{
  switch (column)
    {
    case JP_CSV_COLUMN_NUMBER:
    case JP_CSV_COLUMN_TARGET:
    case JP_CSV_COLUMN_TARGET_MAX:
    case JP_CSV_COLUMN_VALUE:
    case JP_CSV_COLUMN_COMPLETION:
    case JP_CSV_COLUMN_LAST_DATE:
    case JP_CSV_COLUMN_EXPECTED:
    case JP_CSV_COLUMN_DATE:
    case JP_CSV_COLUMN_ID:
      return FALSE;
    case JP_CSV_COLUMN_FLAGS:
    case JP_CSV_COLUMN_SECTION:
    case JP_CSV_COLUMN_ITEM:
    case JP_CSV_COLUMN_LEADERS:
    case JP_CSV_COLUMN_UNITS:
    case JP_CSV_COLUMN_INDICATOR:
    case JP_CSV_COLUMN_KIND:
    case JP_CSV_COLUMN_UNIT:
    case JP_CSV_COLUMN_STATUS:
    default:
      return TRUE;
    }
}

static gboolean
check_as_of (const char  *as_of,
             GError     **error)
{
  if (as_of != NULL && !jp_date_is_valid (as_of))
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE,
                   C_("sheet", "“%s” is not a date (YYYY-MM-DD)"), as_of);
      return FALSE;
    }

  return TRUE;
}

char *
jp_csv_export_indicators (JpPlan      *plan,
                          const char  *as_of,
                          const char  *spec,
                          gsize       *length,
                          GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *default_as_of = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_as_of (as_of, error))
    return NULL;
  if (as_of == NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);

  items = jp_csv_select_items (plan, spec, NULL, error);
  if (items == NULL)
    return NULL;

  out = g_string_new (UTF8_BOM);
  for (guint c = 0; c < JP_CSV_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      jp_csv_append_field (out, jp_csv_column_get_heading (c));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          JpProgress progress;

          jp_indicator_evaluate (indicator, as_of, &progress);
          for (guint c = 0; c < JP_CSV_N_COLUMNS; c++)
            {
              g_autofree char *cell = jp_csv_dup_cell (indicator, &progress, as_of, c);

              if (c > 0)
                g_string_append_c (out, ',');
              /* Numbers ("-0.5") as they are, text never as a formula. */
              if (column_is_text (c))
                jp_csv_append_text_field (out, cell);
              else
                jp_csv_append_field (out, cell);
            }
          g_string_append (out, "\r\n");
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
jp_csv_write_output (JpPlan      *plan,
                     const char  *as_of,
                     const char  *spec,
                     JpOutput    *output,
                     GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = jp_csv_export_indicators (plan, as_of, spec, &length, error);

  return text != NULL &&
         jp_output_write (output, text, length, error) &&
         jp_output_close (output, error);
}

gboolean
jp_csv_write_indicators (JpPlan      *plan,
                         const char  *as_of,
                         const char  *spec,
                         const char  *path,
                         GError     **error)
{
  /* The checks of @path are jp_output_new()'s. */
  g_autoptr(JpOutput) output = jp_output_new (path, error);

  return output != NULL &&
         jp_csv_write_output (plan, as_of, spec, output, error) &&
         jp_output_commit (output, error);
}

/* ---- Reading --------------------------------------------------------- */

static gboolean
record_is_blank (JpCsvRecord *record,
                 gboolean     quoted)
{
  return !quoted && record->fields->len == 1 &&
         *(const char *) g_ptr_array_index (record->fields, 0) == '\0';
}

gboolean
jp_csv_parse_each (const char       *text,
                   gsize             length,
                   char              separator,
                   const char       *display_name,
                   JpCsvRecordFunc   func,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(JpCsvRecord) record = NULL;
  const char *p = text;
  const char *end = text + length;
  gboolean in_quotes = FALSE;
  gboolean record_quoted = FALSE;
  guint line = 1;
  guint quote_line = 0;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (display_name == NULL)
    display_name = "";

  if (length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    p += 3;

  while (p < end)
    {
      char c = *p;

      if (record == NULL)
        {
          record = g_new0 (JpCsvRecord, 1);
          record->line = line;
          record->fields = g_ptr_array_new_with_free_func (g_free);
          record_quoted = FALSE;
        }

      if (in_quotes)
        {
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                  continue;
                }
              in_quotes = FALSE;
              p++;
              continue;
            }
          if (c == '\r' || c == '\n')
            {
              /* A line break inside a field is kept as "\n". */
              if (c == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              g_string_append_c (field, '\n');
              line++;
              p++;
              continue;
            }
          g_string_append_c (field, c);
          p++;
          continue;
        }

      if (c == '"' && field->len == 0)
        {
          in_quotes = TRUE;
          record_quoted = TRUE;
          quote_line = line;
          p++;
          continue;
        }

      if (c == separator)
        {
          g_ptr_array_add (record->fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          g_ptr_array_add (record->fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (record_is_blank (record, record_quoted))
            g_clear_pointer (&record, jp_csv_record_free);
          else if (!func (g_steal_pointer (&record), user_data))
            return TRUE;
          continue;
        }

      g_string_append_c (field, c);
      p++;
    }

  if (in_quotes)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                   C_("sheet", "%s:%u: a quoted field is not closed (missing \")"),
                   display_name, quote_line);
      return FALSE;
    }

  if (record != NULL)
    {
      g_ptr_array_add (record->fields, g_strdup (field->str));
      if (!record_is_blank (record, record_quoted))
        func (g_steal_pointer (&record), user_data);
    }

  return TRUE;
}

static gboolean
add_record (JpCsvRecord *record,
            gpointer     user_data)
{
  g_ptr_array_add (user_data, record);
  return TRUE;
}

GPtrArray *
jp_csv_parse (const char  *text,
              gsize        length,
              char         separator,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_csv_record_free);
  if (!jp_csv_parse_each (text, length, separator, display_name, add_record, records, error))
    return NULL;

  return g_steal_pointer (&records);
}
