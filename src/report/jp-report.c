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
  JpReportOptions options;
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

/* The flags that go with any status, a line each after @markup: 逾期未报送
 * and a self-reported completion far from the indicators'. */
static char *
append_flags_markup (const char       *markup_in,
                     const JpProgress *progress)
{
  g_autoptr(GString) markup = g_string_new (markup_in);

  if (progress->late_report)
    {
      g_autofree char *flag = escape (C_("report", "Late report"));

      g_string_append_printf (markup, "\n<span foreground=\"#C0186A\">%s</span>", flag);
    }
  if (progress->has_self_report && progress->self_report_differs)
    {
      g_autofree char *self = jp_format_percent (progress->self_report);
      g_autofree char *computed = jp_format_percent (progress->p);
      /* Translators: an item's latest update gives a completion far from
       * what its indicators say: "自报 60%，指标 26%". */
      g_autofree char *flag_raw = g_strdup_printf (C_("report", "Self-reported %s, indicators %s"),
                                                   self, computed);
      g_autofree char *flag = escape (flag_raw);

      g_string_append_printf (markup, "\n<span foreground=\"#555555\">%s</span>", flag);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
status_with_flags_markup (const JpProgress *progress)
{
  g_autofree char *status = status_markup (progress->status);

  return append_flags_markup (status, progress);
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
    case JP_REPORT_BULLETIN:
      return g_strdup (C_("report", "Supervision bulletin"));
    case JP_REPORT_SUMMARY:
    default:
      return g_strdup (C_("report", "Progress summary"));
    }
}

/* Tables */

enum { ITEM_NUMBER, ITEM_TITLE, ITEM_ROLE, ITEM_LEADERS, ITEM_UNITS, ITEM_EXPECTED, ITEM_PROGRESS,
       ITEM_STATUS };

static void
set_continuation (JpReportTable *table,
                  const char    *caption_markup)
{
  /* Translators: above a table continued on a later page: its caption.
   * In Chinese "%s（续）". */
  g_autofree char *line = g_strdup_printf (C_("report", "%s (continued)"), caption_markup);

  jp_report_table_set_continuation (table, line);
}

/* A table of @columns without column @skip (G_MAXUINT: none), continued
 * under @caption_markup. @columns is modified. */
static JpReportTable *
add_table_without (Builder        *b,
                   JpReportColumn *columns,
                   guint           n_columns,
                   guint           skip,
                   const char     *caption_markup)
{
  JpReportTable *table;

  if (skip < n_columns)
    {
      memmove (&columns[skip], &columns[skip + 1], sizeof columns[0] * (n_columns - skip - 1));
      n_columns--;
    }
  table = jp_report_layout_add_table (b->layout, columns, n_columns);
  set_continuation (table, caption_markup);
  return table;
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
    { C_("report", "Leaders"), 68, 0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Units"), 0, 0.75, PANGO_ALIGN_LEFT, FALSE },
    /* Translators: a column: the progress expected by the as-of date (应达).
     * The numeric columns fit "Expected" and "Progress" in bold. */
    { C_("report", "Expected"), 48, 0, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Progress"), 48, 0, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Status"), 80, 0, PANGO_ALIGN_LEFT, FALSE },
  };

  return add_table_without (b, columns, G_N_ELEMENTS (columns),
                            with_role ? G_MAXUINT : ITEM_ROLE, caption_markup);
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
  g_autofree char *expected = NULL;
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
  expected = jp_format_percent (p.expected);
  status = status_with_flags_markup (&p);

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
                                 number, title, role, leaders, units, expected, progress,
                                 status });
    }
  else
    {
      jp_report_table_add_row (table, (const char *[]) {
                                 number, title, leaders, units, expected, progress, status });
    }
}

/* Returns whether the item had indicators (and so its caption). */
static gboolean
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
    return FALSE;

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
  return TRUE;
}

/* Updates (进展情况, 存在问题, 下步打算) */

/* The updates to show under @item: the latest on or before the as-of
 * date, or every one of the period (plan start to as-of), newest first. */
static GPtrArray *
dup_updates (Builder *b,
             JpItem  *item)
{
  GListModel *updates = jp_item_get_updates (item);
  const char *start = jp_plan_get_start (b->plan);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  /* The item keeps its updates sorted by date. */
  for (guint i = g_list_model_get_n_items (updates); i > 0; i--)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i - 1);
      const char *date = jp_item_update_get_date (update);

      if (date == NULL || jp_date_compare (date, b->as_of) > 0)
        continue;
      if (b->options.updates == JP_REPORT_UPDATES_ALL && start != NULL &&
          jp_date_compare (date, start) < 0)
        break;
      g_ptr_array_add (out, g_steal_pointer (&update));
      if (b->options.updates == JP_REPORT_UPDATES_LATEST)
        break;
    }
  return out;
}

/* The 存在问题 of the item's latest update on or before the as-of date
 * (borrowed; NULL: none). */
static const char *
latest_problems (Builder *b,
                 JpItem  *item)
{
  GListModel *updates = jp_item_get_updates (item);

  for (guint i = g_list_model_get_n_items (updates); i > 0; i--)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i - 1);
      const char *date = jp_item_update_get_date (update);
      const char *problems;

      if (date == NULL || jp_date_compare (date, b->as_of) > 0)
        continue;
      problems = jp_item_update_get_problems (update);
      return problems != NULL && *problems != '\0' ? problems : NULL;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_update_field (Builder    *b,
                  const char *format,
                  const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;
  g_autofree char *label = NULL;
  const char *s;

  if (is_blank (text))
    return;

  /* The label ("存在问题：") in bold, the text after it. */
  stripped = g_strstrip (g_strdup (text));
  escaped = escape (stripped);
  s = strstr (format, "%s");
  if (s != NULL)
    {
      g_autofree char *label_escaped = NULL;
      g_autofree char *rest = escape (s + 2);

      label = g_strndup (format, s - format);
      label_escaped = escape (label);
      line = g_strdup_printf ("<b>%s</b>%s%s", label_escaped, escaped, rest);
    }
  else
    {
      line = g_steal_pointer (&escaped);
    }
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT, line);
}

static void
add_update (Builder      *b,
            JpItemUpdate *update)
{
  g_autofree char *date = format_date (jp_item_update_get_date (update));
  const char *author = jp_item_update_get_author (update);
  g_autofree char *line = NULL;
  g_autofree char *markup = NULL;

  if (!is_blank (author))
    /* Translators: above an item update in the report: date, author. */
    line = g_strdup_printf (C_("report", "Reported on %s by %s"), date, author);
  else
    /* Translators: above an item update in the report: its date. */
    line = g_strdup_printf (C_("report", "Reported on %s"), date);
  if (jp_item_update_get_has_completion (update))
    {
      g_autofree char *completion = jp_format_percent (jp_item_update_get_completion (update) / 100.0);
      g_autofree char *with = NULL;

      /* Translators: an update's date and author, then the completion it
       * gives: "2023年6月30日 张三填报，自报完成 60%". */
      with = g_strdup_printf (C_("report", "%s, self-reported completion %s"), line, completion);
      g_free (line);
      line = g_steal_pointer (&with);
    }
  markup = escape (line);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_NOTE, PANGO_ALIGN_LEFT, markup);
  jp_report_layout_keep_with_next (b->layout);

  /* Translators: the labels keep their colon: the text follows. */
  add_update_field (b, C_("report", "Progress made: %s"), jp_item_update_get_note (update));
  add_update_field (b, C_("report", "Problems: %s"), jp_item_update_get_problems (update));
  add_update_field (b, C_("report", "Next steps: %s"), jp_item_update_get_next_steps (update));
}

/* Under an item: its indicators, then its latest update (or all of the
 * period). */
static void
add_item_details (Builder *b,
                  JpItem  *item)
{
  g_autoptr(GPtrArray) updates = dup_updates (b, item);
  gboolean captioned = add_indicators_table (b, item);

  if (updates->len == 0)
    return;
  if (!captioned)
    {
      g_autofree char *title = escape (jp_item_get_title (item));
      /* Translators: caption of an item's updates when it has no
       * indicators: number, title. */
      g_autofree char *caption = g_strdup_printf (C_("report", "Item %d: %s"),
                                                  jp_item_get_number (item), title);

      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_SUBHEADING, PANGO_ALIGN_LEFT, caption);
    }
  for (guint i = 0; i < updates->len; i++)
    add_update (b, g_ptr_array_index (updates, i));
}

/* Attention and bulletin tables: where an item stands against what is
 * expected, and why (存在问题 of its latest update). */

typedef enum
{
  GAP_TABLE_ATTENTION, /* with the status */
  GAP_TABLE_BULLETIN,  /* with the units (the group says the status) */
} GapTable;

static JpReportTable *
add_gap_table (Builder    *b,
               GapTable    kind,
               const char *caption_markup)
{
  JpReportColumn columns[] = {
    { C_("report", "No."), 26, 0, PANGO_ALIGN_CENTER, TRUE },
    { C_("report", "Work item"), 0, 1.0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Units"), 0, 0.6, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Leaders"), 50, 0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Expected"), 48, 0, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Progress"), 48, 0, PANGO_ALIGN_RIGHT, TRUE },
    /* Translators: a column: expected minus actual progress (差距). */
    { C_("report", "Gap"), 44, 0, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Status"), 60, 0, PANGO_ALIGN_LEFT, FALSE },
    { C_("report", "Problems"), 0, 1.1, PANGO_ALIGN_LEFT, FALSE },
  };

  /* One of units or status: the attention table's items have their units
   * in the section tables above it. */
  return add_table_without (b, columns, G_N_ELEMENTS (columns),
                            kind == GAP_TABLE_ATTENTION ? 2 : 7, caption_markup);
}

static void
add_gap_row (Builder       *b,
             JpReportTable *table,
             GapTable       kind,
             JpItem        *item)
{
  g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
  g_autofree char *title = escape (jp_item_get_title (item));
  g_autofree char *leaders_raw = jp_item_dup_leader_names (item, list_separator ());
  g_autofree char *leaders = escape (leaders_raw);
  g_autofree char *units_raw = jp_item_dup_unit_names (item, unit_separator ());
  g_autofree char *units = escape (units_raw);
  g_autofree char *expected = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *status = NULL;
  g_autofree char *problems = NULL;
  const char *problems_raw = latest_problems (b, item);
  double difference;
  JpProgress p;

  jp_item_evaluate (item, b->as_of, &p);
  expected = jp_format_percent (p.expected);
  progress = progress_text (&p);
  /* The difference of the two figures shown, so that they add up. */
  difference = jp_round_percent (p.expected) - jp_round_percent (p.p);
  gap = difference > 0 ? jp_format_percent (difference / 100.0) : g_strdup ("—");
  status = status_with_flags_markup (&p);
  problems = problems_raw != NULL ? escape (problems_raw) : g_strdup ("—");

  if (kind == GAP_TABLE_ATTENTION)
    jp_report_table_add_row (table, (const char *[]) {
                               number, title, leaders, expected, progress, gap, status,
                               problems });
  else
    {
      /* No status column: the group says it; the flags go with the title. */
      g_autofree char *title_flags = append_flags_markup (title, &p);

      jp_report_table_add_row (table, (const char *[]) {
                                 number, title_flags, units, leaders, expected, progress, gap,
                                 problems });
    }
}

/* Overview: counts, overall progress, status breakdown */

/* "5 of 17 work items need attention", from the list the report ends
 * with (or opens, in the bulletin). */
static void
add_attention_sentence (Builder *b,
                        guint    n_items)
{
  g_autofree char *line = NULL;

  if (b->flagged->len == 0)
    line = g_strdup (C_("report", "No item needs attention."));
  else
    /* Translators: in the overview; the items are overdue, not reported,
     * behind or at risk. */
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u work items needs attention.",
                                         "%u of %u work items need attention.",
                                         b->flagged->len),
                            b->flagged->len, n_items);
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT, line);
}

/* The count of each status, as numbers (exact, and readable without
 * colour). */
static void
add_status_breakdown (Builder     *b,
                      const guint *counts)
{
  JpReportColumn status_columns[JP_N_STATUSES + 1];
  const char *status_cells[JP_N_STATUSES + 1];
  g_autoptr(GPtrArray) cell_strings = g_ptr_array_new_with_free_func (g_free);
  JpReportTable *table;

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
}

static void
add_overview (Builder   *b,
              GPtrArray *items)
{
  JpReportColumn totals_columns[] = {
    { C_("report", "Sections"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Work items"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Indicators"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Expected"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Overall progress"), 0, 1, PANGO_ALIGN_RIGHT, TRUE },
    { C_("report", "Status"), 0, 1.2, PANGO_ALIGN_LEFT, FALSE },
  };
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

  /* The figures of the items of the report (a leader's, a unit's), by the
   * computations of the window and the final list. */
  jp_items_evaluate (b->plan, items, b->as_of, &overall);
  jp_items_count_statuses (items, b->as_of, counts);

  jp_report_layout_add_outline (b->layout, 0, C_("report", "Overview"));
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Overview"));

  table = jp_report_layout_add_table (b->layout, totals_columns, G_N_ELEMENTS (totals_columns));
  {
    g_autofree char *n_sections = g_strdup_printf ("%u", g_hash_table_size (sections));
    g_autofree char *n_items = g_strdup_printf ("%u", items->len);
    g_autofree char *n_ind = g_strdup_printf ("%u", n_indicators);
    g_autofree char *expected = jp_format_percent (overall.expected);
    g_autofree char *progress = progress_text (&overall);
    g_autofree char *status = status_with_flags_markup (&overall);

    jp_report_table_add_row (table, (const char *[]) {
                               n_sections, n_items, n_ind, expected, progress, status });
  }
  add_attention_sentence (b, items->len);

  add_status_breakdown (b, counts);

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
    add_item_details (b, g_ptr_array_index (items, i));
}

static void
add_flagged (Builder *b)
{
  JpReportTable *table;

  jp_report_layout_add_outline (b->layout, 0, C_("report", "Items that need attention"));
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Items that need attention"));
  if (b->flagged->len == 0)
    {
      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT,
                                 C_("report", "No item needs attention."));
      return;
    }
  table = add_gap_table (b, GAP_TABLE_ATTENTION, C_("report", "Items that need attention"));
  for (guint i = 0; i < b->flagged->len; i++)
    add_gap_row (b, table, GAP_TABLE_ATTENTION, g_ptr_array_index (b->flagged, i));
}

/* Organisations, @title, @label (NULL: none) and the date. */
static void
add_title_block (Builder    *b,
                 const char *title_raw,
                 const char *label)
{
  const char * const *orgs = jp_plan_get_organizations (b->plan);
  g_autofree char *title = escape (title_raw);
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
  if (label != NULL)
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
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autofree char *known = NULL;
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
      g_ptr_array_add (candidates, (gpointer) candidate); /* the plan holds it */
    }

  /* At most ten names, then "and N more": a plan may have thousands. */
  known = jp_limits_join_capped ((const char * const *) candidates->pdata, candidates->len,
                                 b->kind == JP_REPORT_LEADER ? list_separator () : unit_separator (),
                                 FALSE);

  if (b->kind == JP_REPORT_LEADER)
    g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                 C_("report", "No leader named “%s” in this plan; the leaders are: %s"),
                 name, *known != '\0' ? known : C_("report", "(none)"));
  else
    g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME,
                 C_("report", "No unit named “%s” in this plan; the units are: %s"),
                 name, *known != '\0' ? known : C_("report", "(none)"));
  return FALSE;
}

/* The supervision bulletin (督查通报) */

/* The groups, most severe first; items not started yet have their group
 * too, so that every item of the plan is in one. */
static const JpStatus bulletin_order[] = {
  JP_STATUS_OVERDUE, JP_STATUS_NO_REPORT, JP_STATUS_BEHIND, JP_STATUS_AT_RISK,
  JP_STATUS_ON_TRACK, JP_STATUS_NOT_STARTED, JP_STATUS_DONE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (bulletin_order) == JP_N_STATUSES);

static void
add_bulletin (Builder   *b,
              GPtrArray *items)
{
  guint counts[JP_N_STATUSES];

  jp_items_count_statuses (items, b->as_of, counts);
  jp_report_layout_add_outline (b->layout, 0, C_("report", "Overview"));
  jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT,
                             C_("report", "Overview"));
  add_attention_sentence (b, items->len);
  add_status_breakdown (b, counts);

  for (guint g = 0; g < G_N_ELEMENTS (bulletin_order); g++)
    {
      JpStatus status = bulletin_order[g];
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      g_autofree char *heading_raw = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *symbol = NULL;
      g_autofree char *markup = NULL;
      JpReportTable *table;

      /* Those that need attention in the order of the final list of the
       * other reports (furthest behind first), the others in plan order. */
      if (jp_status_needs_attention (status))
        {
          for (guint i = 0; i < b->flagged->len; i++)
            {
              JpProgress p;

              jp_item_evaluate (g_ptr_array_index (b->flagged, i), b->as_of, &p);
              if (p.status == status)
                g_ptr_array_add (group, g_ptr_array_index (b->flagged, i));
            }
        }
      else
        {
          for (guint i = 0; i < items->len; i++)
            {
              JpProgress p;

              jp_item_evaluate (g_ptr_array_index (items, i), b->as_of, &p);
              if (p.status == status)
                g_ptr_array_add (group, g_ptr_array_index (items, i));
            }
        }
      g_assert (group->len == counts[status]);
      if (group->len == 0)
        continue;

      /* Translators: a group heading of the bulletin: status and count,
       * "已逾期（17 项）". */
      heading_raw = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u item)", "%s (%u items)",
                                                  group->len),
                                     jp_status_get_label (status), group->len);
      heading = escape (heading_raw);
      symbol = status_symbol_markup (status);
      markup = g_strdup_printf ("%s %s", symbol, heading);
      jp_report_layout_add_outline (b->layout, 0, heading_raw);
      jp_report_layout_add_text (b->layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT, markup);
      table = add_gap_table (b, GAP_TABLE_BULLETIN, heading);
      for (guint i = 0; i < group->len; i++)
        add_gap_row (b, table, GAP_TABLE_BULLETIN, g_ptr_array_index (group, i));
    }
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

  if (strcmp (spec, "summary") == 0 || strcmp (spec, "bulletin") == 0)
    {
      if (kind != NULL)
        *kind = strcmp (spec, "summary") == 0 ? JP_REPORT_SUMMARY : JP_REPORT_BULLETIN;
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
               C_("report", "Unknown report “%s”: expected summary, leader:NAME, unit:NAME or bulletin"),
               spec);
  return FALSE;
}

gboolean
jp_report_updates_from_string (const char       *text,
                               JpReportUpdates  *updates,
                               GError          **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strcmp (text, "latest") == 0 || strcmp (text, "all") == 0)
    {
      if (updates != NULL)
        *updates = strcmp (text, "latest") == 0 ? JP_REPORT_UPDATES_LATEST : JP_REPORT_UPDATES_ALL;
      return TRUE;
    }
  g_set_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_KIND,
               C_("report", "Unknown choice of updates “%s”: expected latest or all"), text);
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
  return jp_report_build_full (plan, kind, name, as_of, NULL, cancellable, error);
}

JpReportLayout *
jp_report_build_full (JpPlan                *plan,
                      JpReportKind           kind,
                      const char            *name,
                      const char            *as_of,
                      const JpReportOptions *options,
                      GCancellable          *cancellable,
                      GError               **error)
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
  g_autofree char *bulletin_title = NULL;
  GListModel *sections;
  Builder b = { 0 };

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= JP_REPORT_BULLETIN, NULL);
  g_return_val_if_fail (kind == JP_REPORT_SUMMARY || kind == JP_REPORT_BULLETIN || name != NULL,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (as_of == NULL)
    as_of = default_as_of = jp_plan_dup_default_as_of (plan);

  b.plan = plan;
  b.kind = kind;
  b.as_of = as_of;
  if (options != NULL)
    b.options = *options;
  if ((kind == JP_REPORT_LEADER || kind == JP_REPORT_UNIT) && !find_person (&b, name, error))
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

  if (kind == JP_REPORT_BULLETIN)
    {
      /* Translators: the title of the bulletin: the plan title, then
       * "督查通报": "2023年工作要点督查通报". */
      bulletin_title = g_strdup_printf (C_("report", "%s: supervision bulletin"),
                                        jp_plan_get_title (plan));
      add_title_block (&b, bulletin_title, NULL);
    }
  else
    {
      add_title_block (&b, jp_plan_get_title (plan), label);
    }

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

  /* What needs attention, most severe and furthest behind first: the
   * model's order, the same as the dashboard's; the overview counts it. */
  g_ptr_array_extend_and_steal (flagged, jp_items_dup_attention (selected, as_of));

  if (kind == JP_REPORT_BULLETIN)
    {
      add_bulletin (&b, selected);
      jp_report_layout_paginate (layout);
      return g_steal_pointer (&layout);
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

  add_flagged (&b);
  jp_report_layout_paginate (layout);

  return g_steal_pointer (&layout);
}

gboolean
jp_report_write_pdf_full (JpPlan               *plan,
                          JpReportKind          kind,
                          const char           *name,
                          const char           *as_of,
                          const JpReportOptions *options,
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

  layout = jp_report_build_full (plan, kind, name, as_of, options, cancellable, error);
  if (layout == NULL)
    return FALSE;
  return jp_report_layout_write_pdf (layout, path, progress, user_data, cancellable, error);
}

gboolean
jp_report_write_pdf_output (JpPlan                *plan,
                            JpReportKind           kind,
                            const char            *name,
                            const char            *as_of,
                            const JpReportOptions *options,
                            JpOutput              *output,
                            GError               **error)
{
  g_autoptr(JpReportLayout) layout = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = jp_report_build_full (plan, kind, name, as_of, options, NULL, error);
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
  return jp_report_write_pdf_full (plan, kind, name, as_of, NULL, path, NULL, NULL,
                                   cancellable, error);
}
