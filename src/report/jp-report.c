#define G_LOG_DOMAIN "jp-report"

#include "config.h"

#include "jp-report.h"

#include "jp-chart-data.h"
#include "jp-report-charts.h"
#include "jp-report-layout.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (jp-report-error-quark, jp_report_error)

typedef enum
{
  ROLE_NONE,
  ROLE_LEAD,
  ROLE_PARTNER,
} Role;

typedef struct
{
  JpPlan         *plan;     /* borrowed */
  JpReportKind    kind;
  JpLeader       *leader;   /* borrowed; JP_REPORT_LEADER */
  JpUnit         *unit;     /* borrowed; JP_REPORT_UNIT */
  const char     *as_of;
  JpReportLayout *layout;   /* borrowed */
  GPtrArray      *flagged;  /* JpItem: what needs attention, in order */
} Builder;

/* Helpers */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* The date as people read it: jp_date_format_display(). */
static char *
format_date (const char *iso)
{
  return iso != NULL ? jp_date_format_display (iso) : g_strdup ("");
}

static const char *
list_separator (void)
{
  /* Translators: between the names of leaders ("A, B"); "、" in Chinese. */
  return C_("report", ", ");
}

static const char *
unit_separator (void)
{
  /* Translators: between the names of units, which may contain "、"
   * themselves ("各中小学校、幼儿园"); "；" in Chinese. */
  return C_("report", "; ");
}

/* The status's symbol in its colour. */
static char *
status_symbol_markup (JpStatus status)
{
  g_autofree char *symbol = escape (jp_status_get_symbol (status));
  double r, g, b;

  jp_status_get_rgb (status, &r, &g, &b);
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">%s</span>",
                          (guint) (CLAMP (r, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (g, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (b, 0, 1) * 255 + 0.5),
                          symbol);
}

/* "● On track": the coloured symbol and the word, so that the status
 * never rests on colour alone. */
static char *
status_markup (JpStatus status)
{
  g_autofree char *label = escape (jp_status_get_label (status));
  g_autofree char *symbol = status_symbol_markup (status);

  return g_strdup_printf ("%s %s", symbol, label);
}

static char *
progress_text (const JpProgress *progress)
{
  if (!progress->started)
    return g_strdup ("—");
  return jp_format_percent (progress->ratio);
}

static char *
value_text (JpIndicator      *indicator,
            const JpProgress *progress)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  const char *unit;

  if (!progress->has_value)
    return g_strdup ("—");

  if (jp_indicator_get_kind (indicator) == JP_INDICATOR_KIND_MILESTONE)
    return g_strdup (progress->value >= 1 ? C_("report", "Done") : C_("report", "Not done"));

  /* As the target reads: "90%", "630 个". */
  number = jp_format_number (progress->value, TRUE);
  unit = jp_indicator_get_unit (indicator);
  if (unit == NULL || *unit == '\0')
    text = g_steal_pointer (&number);
  else if (strcmp (unit, "%") == 0 || strcmp (unit, "‰") == 0)
    text = g_strconcat (number, unit, NULL);
  else
    text = g_strconcat (number, " ", unit, NULL);
  if (progress->exceeded)
    /* Translators: a value above the upper bound of a range target. */
    return g_strdup_printf (C_("report", "%s (above the range)"), text);
  return g_steal_pointer (&text);
}

static Role
item_role (Builder *b,
           JpItem  *item)
{
  switch (b->kind)
    {
    case JP_REPORT_LEADER:
      return jp_item_has_leader (item, b->leader) ? ROLE_LEAD : ROLE_NONE;
    case JP_REPORT_UNIT:
      if (jp_item_has_unit (item, b->unit))
        return ROLE_LEAD;
      return jp_item_has_partner_unit (item, b->unit) ? ROLE_PARTNER : ROLE_NONE;
    case JP_REPORT_SUMMARY:
    default:
      return ROLE_LEAD;
    }
}

static char *
report_label (JpReportKind  kind,
              const char   *name)
{
  switch (kind)
    {
    case JP_REPORT_LEADER:
      return g_strdup_printf (C_("report", "Progress of the items of leader %s"), name);
    case JP_REPORT_UNIT:
      return g_strdup_printf (C_("report", "Progress of the items of unit %s"), name);
    case JP_REPORT_SUMMARY:
    default:
      return g_strdup (C_("report", "Progress summary"));
    }
}

/* Tables */

enum { ITEM_NUMBER, ITEM_TITLE, ITEM_ROLE, ITEM_LEADERS, ITEM_UNITS, ITEM_PROGRESS, ITEM_STATUS };

static void
set_continuation (JpReportTable *table,
                  const char    *caption_markup)
{
  /* Translators: above a table continued on a later page: its caption.
   * In Chinese "%s（续）". */
  g_autofree char *line = g_strdup_printf (C_("report", "%s (continued)"), caption_markup);

  jp_report_table_set_continuation (table, line);
}

static JpReportTable *
add_items_table (Builder    *b,
                 gboolean    with_role,
                 const char *caption_markup)
{
  JpReportColumn columns[] = {
    { C_("report", "No."), 28, 0, PANGO_ALIGN_CENTER, TRUE },
    { C_("report", "Work item"), 0, 1.0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Role"), 38, 0, PANGO_ALIGN_CENTER, FALSE },
    { C_("report", "Leaders"), 76, 0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Units"), 0, 0.75, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Progress"), 50, 0, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Status"), 72, 0, PANGO_ALIGN_LEFT, FALSE },
  };

  JpReportTable *table;

  if (!with_role)
    {
      memmove (&columns[ITEM_ROLE], &columns[ITEM_ROLE + 1],
               sizeof columns[0] * (G_N_ELEMENTS (columns) - ITEM_ROLE - 1));
      table = jp_report_layout_add_table (b->layout, columns, G_N_ELEMENTS (columns) - 1);
    }
  else
    {
      table = jp_report_layout_add_table (b->layout, columns, G_N_ELEMENTS (columns));
    }
  set_continuation (table, caption_markup);
  return table;
}

static void
add_item_row (Builder       *b,
              JpReportTable *table,
              JpItem        *item,
              gboolean       with_role)
{
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  g_autofree char *title = escape (jp_item_get_title (item));
  g_autofree char *leaders_raw = jp_item_dup_leader_names (item, list_separator ());
  g_autofree char *units_raw = jp_item_dup_unit_names (item, unit_separator ());
  g_autofree char *leaders = escape (leaders_raw);
  g_autofree char *units = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *status = NULL;
  const char *role = "";
  JpProgress p;
  GListModel *partners = jp_item_get_partner_units (item);
  guint n_partners = g_list_model_get_n_items (partners);

  /* Partner units (配合单位) after the lead units, marked. */
  if (n_partners > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *partners_escaped = NULL;
      g_autofree char *units_escaped = escape (units_raw);
      g_autofree char *partners_line = NULL;

      for (guint i = 0; i < n_partners; i++)
        {
          g_autoptr(JpUnit) unit = g_list_model_get_item (partners, i);

          if (i > 0)
            g_string_append (names, unit_separator ());
          g_string_append (names, jp_unit_get_name (unit));
        }
      partners_escaped = escape (names->str);
      partners_line = g_strdup_printf (C_("report", "Partners: %s"), partners_escaped);
      if (*units_escaped != '\0')
        units = g_strdup_printf ("%s\n<span foreground=\"#555555\">%s</span>",
                                 units_escaped, partners_line);
      else
        units = g_strdup_printf ("<span foreground=\"#555555\">%s</span>", partners_line);
    }
  else
    {
      units = escape (units_raw);
    }

  jp_item_evaluate (item, b->as_of, &p);
  progress = progress_text (&p);
  status = status_markup (p.status);

  if (with_role)
    {
      switch (item_role (b, item))
        {
        case ROLE_LEAD:
          role = C_("report", "Lead");
          break;
        case ROLE_PARTNER:
          role = C_("report", "Partner");
          break;
        case ROLE_NONE:
        default:
          break;
        }
      jp_report_table_add_row (table, (const char *[]) {
                                 number, title, role, leaders, units, progress, status });
    }
  else
    {
      jp_report_table_add_row (table, (const char *[]) {
                                 number, title, leaders, units, progress, status });
    }
}

static void
add_indicators_table (Builder *b,
                      JpItem  *item)
{
  static const JpReportColumn columns_template[] = {
    { NULL, 0, 1.0, PANGO_ALIGN_LEFT, FALSE },
    { NULL, 88, 0, PANGO_ALIGN_RIGHT, TRUE },
    { NULL, 76, 0, PANGO_ALIGN_RIGHT, TRUE },
    { NULL, 62, 0, PANGO_ALIGN_RIGHT, TRUE },
    { NULL, 72, 0, PANGO_ALIGN_LEFT, FALSE },
  };
  JpReportColumn columns[G_N_ELEMENTS (columns_template)];
  GListModel *indicators = jp_item_get_indicators (item);
  guint n = g_list_model_get_n_items (indicators);
  g_autofree char *caption = NULL;
  g_autofree char *title = NULL;
  JpReportTable *table;

  if (n == 0)
    return;

  memcpy (columns, columns_template, sizeof columns);
  columns[0].title = C_("report", "Indicator");
  columns[1].title = C_("report", "Target");
  columns[2].title = C_("report", "Current");
  columns[3].title = C_("report", "Completion");
  columns[4].title = C_("report", "Status");

  title = escape (jp_item_get_title (item));
  /* Translators: caption of an item's indicator table: number, title. */
  caption = g_strdup_printf (C_("report", "Indicators of item %d: %s"),
                             jp_item_get_number (item), title);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBHEADING, PANGO_ALIGN_LEFT, caption);

  table = jp_report_layout_add_table (b->layout, columns, G_N_ELEMENTS (columns));
  set_continuation (table, caption);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *name = escape (jp_indicator_get_name (indicator));
      g_autofree char *target_raw = jp_indicator_format_target (indicator);
      g_autofree char *target = escape (target_raw);
      g_autofree char *current_raw = NULL;
      g_autofree char *current = NULL;
      g_autofree char *ratio = NULL;
      g_autofree char *status = NULL;
      JpProgress p;

      jp_indicator_evaluate (indicator, b->as_of, &p);
      current_raw = value_text (indicator, &p);
      current = escape (current_raw);
      ratio = p.has_value ? jp_format_percent (p.ratio) : g_strdup ("—");
      status = status_markup (p.status);
      jp_report_table_add_row (table, (const char *[]) { name, target, current, ratio, status });
    }
}

/* Overview: counts, overall progress, status breakdown */

static void
evaluate_selection (Builder    *b,
                    GPtrArray  *items,
                    JpProgress *out,
                    guint      *counts)
{
  double sum = 0;
  gboolean started = FALSE;
  const char *start = jp_plan_get_start (b->plan);
  const char *end = jp_plan_get_end (b->plan);

  memset (counts, 0, sizeof (guint) * JP_N_STATUSES);
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < items->len; i++)
    {
      JpProgress p;

      jp_item_evaluate (g_ptr_array_index (items, i), b->as_of, &p);
      counts[p.status]++;
      sum += p.p;
      started |= p.started;
    }
  out->p = out->ratio = items->len > 0 ? sum / items->len : 0;
  out->started = started;
  out->expected = jp_progress_expected (start, end, b->as_of);
  out->status = jp_status_classify (out->p, started, out->expected,
                                    jp_date_compare (b->as_of, end) > 0);
}

static void
add_overview (Builder   *b,
              GPtrArray *items)
{
  JpReportColumn totals_columns[] = {
    { C_("report", "Sections"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Work items"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Indicators"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Overall progress"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Status"), 0, 1.2, PANGO_ALIGN_LEFT, FALSE },
  };
  JpReportColumn status_columns[JP_N_STATUSES + 1];
  const char *status_cells[JP_N_STATUSES + 1];
  g_autoptr(GPtrArray) cell_strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) sections = g_hash_table_new (NULL, NULL);
  JpReportTable *table;
  guint counts[JP_N_STATUSES];
  guint n_indicators = 0;
  JpProgress overall;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);

      g_hash_table_add (sections, jp_item_get_section (item));
      n_indicators += g_list_model_get_n_items (jp_item_get_indicators (item));
    }

  if (b->kind == JP_REPORT_SUMMARY)
    {
      jp_plan_evaluate (b->plan, b->as_of, &overall);
      jp_plan_count_item_statuses (b->plan, b->as_of, counts);
    }
  else
    {
      evaluate_selection (b, items, &overall, counts);
    }

  jp_report_layout_add_outline (b->layout, 0, C_("report", "Overview"));
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Overview"));

  table = jp_report_layout_add_table (b->layout, totals_columns, G_N_ELEMENTS (totals_columns));
  {
    g_autofree char *n_sections = g_strdup_printf ("%u", g_hash_table_size (sections));
    g_autofree char *n_items = g_strdup_printf ("%u", items->len);
    g_autofree char *n_ind = g_strdup_printf ("%u", n_indicators);
    g_autofree char *progress = progress_text (&overall);
    g_autofree char *status = status_markup (overall.status);

    jp_report_table_add_row (table, (const char *[]) {
                               n_sections, n_items, n_ind, progress, status });
  }

  /* The breakdown as numbers (exact, and readable without colour)... */
  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      JpStatus status = jp_chart_status_at (i);

      status_columns[i] = (JpReportColumn) {
        jp_status_get_label (status), 0, 1, PANGO_ALIGN_RIGHT, TRUE };
      {
        g_autofree char *symbol = status_symbol_markup (status);
        char *cell;

        /* The symbol alone (the heading has the word) and the count. */
        cell = g_strdup_printf ("%s %u", symbol, counts[status]);
        g_ptr_array_add (cell_strings, cell);
        status_cells[i] = cell;
      }
    }
  status_columns[JP_N_STATUSES] = (JpReportColumn) {
    C_("report", "Total"), 0, 1, PANGO_ALIGN_RIGHT, TRUE };
  {
    guint total = 0;
    char *cell;

    for (guint i = 0; i < JP_N_STATUSES; i++)
      total += counts[i];
    cell = g_strdup_printf ("%u", total);
    g_ptr_array_add (cell_strings, cell);
    status_cells[JP_N_STATUSES] = cell;
  }
  jp_report_layout_add_space (b->layout, 4);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBHEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Work items by status"));
  table = jp_report_layout_add_table (b->layout, status_columns, G_N_ELEMENTS (status_columns));
  jp_report_table_add_row (table, status_cells);

  /* ...and as a chart. */
  _jp_report_add_breakdown_chart (b->layout, counts);
}

/* Sections */

static void
add_section (Builder   *b,
             JpSection *section,
             GPtrArray *items)
{
  g_autofree char *heading = NULL;
  g_autofree char *title = escape (jp_section_get_title (section));
  g_autofree char *plain_heading = NULL;
  const char *ordinal = jp_section_get_ordinal (section);
  gboolean with_role = b->kind == JP_REPORT_UNIT;
  JpReportTable *table;

  if (items->len == 0)
    return;

  if (ordinal != NULL && *ordinal != '\0')
    {
      g_autofree char *ordinal_escaped = escape (ordinal);

      /* Translators: a section heading: ordinal (一, 二…) and title. */
      heading = g_strdup_printf (C_("report", "%s. %s"), ordinal_escaped, title);
      plain_heading = g_strdup_printf (C_("report", "%s. %s"), ordinal,
                                       jp_section_get_title (section));
    }
  else
    {
      heading = g_strdup (title);
      plain_heading = g_strdup (jp_section_get_title (section));
    }

  jp_report_layout_add_outline (b->layout, 0, plain_heading);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT, heading);

  if (b->kind == JP_REPORT_SUMMARY)
    {
      JpProgress p;
      g_autofree char *progress = NULL;
      g_autofree char *status = NULL;
      g_autofree char *line = NULL;

      jp_section_evaluate (section, b->as_of, &p);
      progress = progress_text (&p);
      status = status_markup (p.status);
      /* Translators: under a section heading: its progress and status. */
      line = g_strdup_printf (C_("report", "Section progress: %s    Status: %s"),
                              progress, status);
      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT, line);
      jp_report_layout_keep_with_next (b->layout);
      _jp_report_add_section_chart (b->layout, items, b->as_of);
      /* The chart starts a page only with the table. */
      jp_report_layout_keep_with_next (b->layout);
    }

  table = add_items_table (b, with_role, heading);
  for (guint i = 0; i < items->len; i++)
    add_item_row (b, table, g_ptr_array_index (items, i), with_role);

  for (guint i = 0; i < items->len; i++)
    add_indicators_table (b, g_ptr_array_index (items, i));
}

static void
add_flagged (Builder *b)
{
  gboolean with_role = b->kind == JP_REPORT_UNIT;
  JpReportTable *table;

  jp_report_layout_add_outline (b->layout, 0, C_("report", "Behind and overdue items"));
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Behind and overdue items"));
  if (b->flagged->len == 0)
    {
      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT,
                                 C_("report", "No item is behind or overdue."));
      return;
    }
  table = add_items_table (b, with_role, C_("report", "Behind and overdue items"));
  for (guint i = 0; i < b->flagged->len; i++)
    add_item_row (b, table, g_ptr_array_index (b->flagged, i), with_role);
}

static void
add_title_block (Builder    *b,
                 const char *label)
{
  const char * const *orgs = jp_plan_get_organizations (b->plan);
  g_autofree char *title = escape (jp_plan_get_title (b->plan));
  g_autofree char *label_escaped = escape (label);
  g_autofree char *date = format_date (b->as_of);
  g_autofree char *as_of_raw = g_strdup_printf (C_("report", "As of %s"), date);
  g_autofree char *as_of = escape (as_of_raw);

  if (orgs != NULL && orgs[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("　", (char **) orgs);
      g_autofree char *escaped = escape (joined);

      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBTITLE, PANGO_ALIGN_CENTER, escaped);
    }
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_TITLE, PANGO_ALIGN_CENTER, title);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBTITLE, PANGO_ALIGN_CENTER,
                             label_escaped);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBTITLE, PANGO_ALIGN_CENTER, as_of);
  jp_report_layout_add_space (b->layout, 6);
}

static gboolean
find_person (Builder     *b,
             const char  *name,
             GError     **error)
{
  GListModel *list = b->kind == JP_REPORT_LEADER ? jp_plan_get_leaders (b->plan) :
                                                   jp_plan_get_units (b->plan);
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *wanted = NULL;
  guint n = g_list_model_get_n_items (list);

  if (b->kind == JP_REPORT_LEADER)
    b->leader = jp_plan_find_leader (b->plan, name);
  else
    b->unit = jp_plan_find_unit (b->plan, name);
  if (b->leader != NULL || b->unit != NULL)
    return TRUE;

  /* "崔 茜" is "崔茜": compare without white space. */
  {
    GString *s = g_string_new (NULL);

    for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        g_string_append_unichar (s, g_utf8_get_char (p));
    wanted = g_string_free (s, FALSE);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      const char *candidate = b->kind == JP_REPORT_LEADER ?
                              jp_leader_get_name (JP_LEADER (object)) :
                              jp_unit_get_name (JP_UNIT (object));
      g_autoptr(GString) squeezed = g_string_new (NULL);

      for (const char *p = candidate; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (squeezed, g_utf8_get_char (p));
      if (*wanted != '\0' && strcmp (squeezed->str, wanted) == 0)
        {
          if (b->kind == JP_REPORT_LEADER)
            b->leader = JP_LEADER (object);
          else
            b->unit = JP_UNIT (object);
          return TRUE;
        }
      if (i > 0)
        g_string_append (known, b->kind == JP_REPORT_LEADER ? list_separator () :
                                                              unit_separator ());
      g_string_append (known, candidate);
    }

  if (b->kind == JP_REPORT_LEADER)
    g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                 C_("report", "No leader named “%s” in this plan; the leaders are: %s"),
                 name, known->len > 0 ? known->str : C_("report", "(none)"));
  else
    g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                 C_("report", "No unit named “%s” in this plan; the units are: %s"),
                 name, known->len > 0 ? known->str : C_("report", "(none)"));
  return FALSE;
}

/* Public API */

gboolean
jp_report_parse_spec (const char    *spec,
                      JpReportKind  *kind,
                      char         **name,
                      GError       **error)
{
  const char *colon;
  g_autofree char *prefix = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name != NULL)
    *name = NULL;

  if (strcmp (spec, "summary") == 0)
    {
      if (kind != NULL)
        *kind = JP_REPORT_SUMMARY;
      return TRUE;
    }

  colon = strchr (spec, ':');
  if (colon != NULL)
    {
      prefix = g_strndup (spec, colon - spec);
      rest = g_strstrip (g_strdup (colon + 1));
    }

  if (prefix != NULL && (strcmp (prefix, "leader") == 0 || strcmp (prefix, "unit") == 0))
    {
      if (*rest == '\0' || !g_utf8_validate (rest, -1, NULL))
        {
          g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_KIND,
                       C_("report", "The report “%s” names nobody: write %s:NAME"), spec, prefix);
          return FALSE;
        }
      if (kind != NULL)
        *kind = strcmp (prefix, "leader") == 0 ? JP_REPORT_LEADER : JP_REPORT_UNIT;
      if (name != NULL)
        *name = g_steal_pointer (&rest);
      return TRUE;
    }

  g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_KIND,
               C_("report", "Unknown report “%s”: expected summary, leader:NAME or unit:NAME"), spec);
  return FALSE;
}

JpReportLayout *
jp_report_build (JpPlan        *plan,
                 JpReportKind   kind,
                 const char    *name,
                 const char    *as_of,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  g_autofree char *default_as_of = NULL;
  g_autofree char *label = NULL;
  g_autofree char *header_left = NULL;
  g_autofree char *date = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *doc_title = NULL;
  GListModel *sections;
  Builder b = { 0 };

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= JP_REPORT_UNIT, NULL);
  g_return_val_if_fail (kind == JP_REPORT_SUMMARY || name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (as_of == NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);

  b.plan = plan;
  b.kind = kind;
  b.as_of = as_of;
  if (kind != JP_REPORT_SUMMARY && !find_person (&b, name, error))
    return NULL;

  layout = jp_report_layout_new (FALSE);
  b.layout = layout;
  flagged = g_ptr_array_new_with_free_func (g_object_unref);
  b.flagged = flagged;

  label = report_label (kind, kind == JP_REPORT_LEADER ? jp_leader_get_name (b.leader) :
                              kind == JP_REPORT_UNIT ? jp_unit_get_name (b.unit) : NULL);
  date = format_date (as_of);
  header_left = g_strdup (jp_plan_get_title (plan));
  footer = g_strdup_printf (C_("report", "As of %s"), date);
  /* Translators: PDF document title: plan title, report. */
  doc_title = g_strdup_printf (C_("report", "%s — %s"), jp_plan_get_title (plan), label);
  jp_report_layout_set_title (layout, doc_title);
  jp_report_layout_set_creator (layout, "jinfeng-plan " PACKAGE_VERSION);
  jp_report_layout_set_header (layout, header_left, label);
  /* Translators: page footer; in Chinese "第 %d 页 / 共 %d 页". */
  jp_report_layout_set_footer (layout, footer, C_("report", "Page %d of %d"));

  add_title_block (&b, label);

  /* The items of the report, section by section. */
  selected = g_ptr_array_new ();
  sections = jp_plan_get_sections (plan);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, s);
      GListModel *items = jp_section_get_items (section);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, i);

          if (item_role (&b, item) != ROLE_NONE)
            g_ptr_array_add (selected, item);
        }
    }

  add_overview (&b, selected);

  for (guint s = 0, next = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, s);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
        {
          g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED,
                       C_("report", "The export was cancelled"));
          return NULL;
        }

      while (next < selected->len &&
             jp_item_get_section (g_ptr_array_index (selected, next)) == section)
        {
          JpItem *item = g_ptr_array_index (selected, next++);

          g_ptr_array_add (items, item);
        }
      add_section (&b, section, items);
    }

  /* What needs attention, most severe and furthest behind first: the
   * model's order, the same as the dashboard's. */
  g_ptr_array_extend_and_steal (flagged, jp_items_dup_attention (selected, as_of));
  add_flagged (&b);
  jp_report_layout_paginate (layout);

  return g_steal_pointer (&layout);
}

gboolean
jp_report_write_pdf_full (JpPlan               *plan,
                          JpReportKind          kind,
                          const char           *name,
                          const char           *as_of,
                          const char           *path,
                          JpReportProgressFunc  progress,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(JpReportLayout) layout = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = jp_report_build (plan, kind, name, as_of, cancellable, error);
  if (layout == NULL)
    return FALSE;
  return jp_report_layout_write_pdf (layout, path, progress, user_data, cancellable, error);
}

gboolean
jp_report_write_pdf_output (JpPlan        *plan,
                            JpReportKind   kind,
                            const char    *name,
                            const char    *as_of,
                            JpOutput      *output,
                            GError       **error)
{
  g_autoptr(JpReportLayout) layout = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = jp_report_build (plan, kind, name, as_of, NULL, error);
  if (layout == NULL)
    return FALSE;
  return jp_report_layout_write_pdf_output (layout, output, NULL, NULL, NULL, error);
}

gboolean
jp_report_write_pdf (JpPlan        *plan,
                     JpReportKind   kind,
                     const char    *name,
                     const char    *as_of,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return jp_report_write_pdf_full (plan, kind, name, as_of, path, NULL, NULL,
                                   cancellable, error);
}
