/* jp-curve.c: expected progress curves and reporting cycles
 *
 * The specs are parsed on every call: they are a few bytes, and a parsed
 * form cached on the objects would be one more thing to keep in step with
 * the stored text. */

#define G_LOG_DOMAIN "jp-curve"

#include "config.h"

#include "jp-curve.h"

#include "jp-date.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_CHECKPOINTS 64
#define MAX_AFTER_DAYS  60

typedef struct
{
  guint32 julian;
  double  share;
} Checkpoint;

typedef struct
{
  JpCurveKind kind;
  int         term_month;
  int         term_day;
  guint       n_points;
  Checkpoint  points[MAX_CHECKPOINTS];
  char        dates[MAX_CHECKPOINTS][11];
} Curve;

typedef struct
{
  const char *nick;
  const char *label;
  const char *description;
} CurveInfo;

static const CurveInfo curve_info[JP_N_CURVE_KINDS] = {
  /* Translators: the expected-progress curves of a target: linear (线性),
   * by quarter (按季度), by school term (按学期), only at the due date
   * (到期一次), custom checkpoints (自定义节点). */
  [JP_CURVE_LINEAR]    = { "linear", N_("Linear"),
                           N_("Expected progress grows evenly from the start of the plan to the due date.") },
  [JP_CURVE_QUARTERLY] = { "quarterly", N_("By quarter"),
                           N_("25%, 50%, 75% and 100% are expected at the ends of the quarters.") },
  [JP_CURVE_TERMS]     = { "terms", N_("By term"),
                           N_("Half is expected when the spring term ends, all of it at the due date.") },
  [JP_CURVE_DUE_ONLY]  = { "due", N_("At the due date"),
                           N_("Nothing is expected before the due date, all of it from then on (a milestone).") },
  [JP_CURVE_CUSTOM]    = { "custom", N_("Custom checkpoints"),
                           N_("The share expected at each checkpoint date, evenly in between.") },
};

static gboolean
fail (GError     **error,
      const char  *spec,
      const char  *why)
{
  /* Translators: “SPEC” is not a valid curve: REASON */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s”: %s"), spec, why);
  return FALSE;
}

/* "MM-DD" of a valid day in a leap year. */
static gboolean
parse_month_day (const char *text,
                 int        *month,
                 int        *day)
{
  guint64 m, d;
  char *end;

  if (strlen (text) != 5 || text[2] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  m = g_ascii_strtoull (text, &end, 10);
  d = g_ascii_strtoull (text + 3, &end, 10);
  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month ((GDateMonth) m, 2024))
    return FALSE;

  *month = (int) m;
  *day = (int) d;
  return TRUE;
}

static gboolean
parse_checkpoints (const char  *list,
                   const char  *spec,
                   Curve       *curve,
                   GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  if (parts[0] == NULL || parts[0][0] == '\0')
    return fail (error, spec, _("custom checkpoints need at least one DATE=PERCENT"));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *date = NULL;
      double percent;
      char *end = NULL;

      if (curve->n_points == MAX_CHECKPOINTS)
        return fail (error, spec, _("at most 64 checkpoints"));

      if (eq == NULL)
        return fail (error, spec, _("each checkpoint is DATE=PERCENT"));

      date = g_strndup (parts[i], eq - parts[i]);
      if (!jp_date_is_valid (date))
        return fail (error, spec, _("a checkpoint’s date is not a date (YYYY-MM-DD)"));

      percent = g_ascii_strtod (eq + 1, &end);
      if (end == eq + 1 || *end != '\0' || !(percent >= 0.0 && percent <= 100.0))
        return fail (error, spec, _("a checkpoint’s percentage is not a number from 0 to 100"));

      if (curve->n_points > 0)
        {
          const Checkpoint *last = &curve->points[curve->n_points - 1];

          if (jp_date_julian (date) <= last->julian)
            return fail (error, spec, _("checkpoints must be in date order, one per date"));
          if (percent / 100.0 < last->share)
            return fail (error, spec, _("a checkpoint cannot expect less than the one before"));
        }

      g_strlcpy (curve->dates[curve->n_points], date, sizeof curve->dates[0]);
      curve->points[curve->n_points].julian = jp_date_julian (date);
      curve->points[curve->n_points].share = percent / 100.0;
      curve->n_points++;
    }

  return TRUE;
}

static gboolean
parse_curve (const char  *spec,
             Curve       *curve,
             GError     **error)
{
  memset (curve, 0, sizeof *curve);
  curve->kind = JP_CURVE_LINEAR;

  if (spec == NULL || spec[0] == '\0' || strcmp (spec, "linear") == 0)
    return TRUE;

  if (strcmp (spec, "quarterly") == 0)
    {
      curve->kind = JP_CURVE_QUARTERLY;
      return TRUE;
    }

  if (strcmp (spec, "due") == 0)
    {
      curve->kind = JP_CURVE_DUE_ONLY;
      return TRUE;
    }

  if (strcmp (spec, "terms") == 0 || g_str_has_prefix (spec, "terms:"))
    {
      curve->kind = JP_CURVE_TERMS;
      if (!parse_month_day (spec[5] == ':' ? spec + 6 : JP_CURVE_DEFAULT_TERM_END,
                            &curve->term_month, &curve->term_day))
        return fail (error, spec, _("the end of the spring term is MM-DD, e.g. 07-15"));
      return TRUE;
    }

  if (g_str_has_prefix (spec, "custom:"))
    {
      curve->kind = JP_CURVE_CUSTOM;
      return parse_checkpoints (spec + strlen ("custom:"), spec, curve, error);
    }

  return fail (error, spec,
               _("not a curve (linear, quarterly, terms, due or custom:DATE=PERCENT,…)"));
}

gboolean
jp_curve_validate (const char  *spec,
                   GError     **error)
{
  Curve curve;

  return parse_curve (spec, &curve, error);
}

JpCurveKind
jp_curve_get_kind (const char *spec)
{
  Curve curve;

  if (!parse_curve (spec, &curve, NULL))
    return JP_CURVE_LINEAR;

  return curve.kind;
}

const char *
jp_curve_kind_to_nick (JpCurveKind kind)
{
  g_return_val_if_fail (kind < JP_N_CURVE_KINDS, NULL);

  return curve_info[kind].nick;
}

const char *
jp_curve_kind_get_label (JpCurveKind kind)
{
  g_return_val_if_fail (kind < JP_N_CURVE_KINDS, NULL);

  return _(curve_info[kind].label);
}

const char *
jp_curve_kind_get_description (JpCurveKind kind)
{
  g_return_val_if_fail (kind < JP_N_CURVE_KINDS, NULL);

  return _(curve_info[kind].description);
}

char *
jp_curve_describe (const char *spec)
{
  g_autoptr(GString) text = NULL;
  Curve curve;

  if (!parse_curve (spec, &curve, NULL))
    return g_strdup (spec);

  switch (curve.kind)
    {
    case JP_CURVE_TERMS:
      /* Translators: the curve by school term; %02d-%02d is the end of the
       * spring term, e.g. "By term (spring term ends 07-15)" */
      return g_strdup_printf (_("By term (spring term ends %02d-%02d)"),
                              curve.term_month, curve.term_day);

    case JP_CURVE_CUSTOM:
      text = g_string_new (NULL);
      for (guint i = 0; i < curve.n_points; i++)
        {
          g_autofree char *percent = g_strdup_printf ("%g%%", curve.points[i].share * 100.0);

          if (i > 0)
            g_string_append (text, C_("checkpoints", ", "));
          /* Translators: one checkpoint of a custom curve: "2023-06-30 50%" */
          g_string_append_printf (text, C_("checkpoint", "%s %s"), curve.dates[i], percent);
        }
      /* Translators: a custom curve and its checkpoints */
      return g_strdup_printf (_("Custom: %s"), text->str);

    case JP_CURVE_LINEAR:
    case JP_CURVE_QUARTERLY:
    case JP_CURVE_DUE_ONLY:
    default:
      return g_strdup (jp_curve_kind_get_label (curve.kind));
    }
}

/* Steps: the share of @checkpoints (day numbers, ascending, the last is
 * due) that are on or before @a. */
static double
steps (const guint32 *checkpoints,
       guint          n,
       guint32        a)
{
  guint reached = 0;

  for (guint i = 0; i < n; i++)
    if (a >= checkpoints[i])
      reached++;

  return n > 0 ? (double) reached / n : 0.0;
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    day = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

static int
year_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date);
}

/* The quarter ends after @s and before @d, then @d. */
static guint
quarter_checkpoints (guint32  s,
                     guint32  d,
                     guint32 *out)
{
  guint n = 0;

  for (int year = year_of (s); year <= year_of (d) && n < MAX_CHECKPOINTS - 1; year++)
    for (int quarter = 1; quarter <= 4 && n < MAX_CHECKPOINTS - 1; quarter++)
      {
        guint32 end = julian_of (year, quarter * 3, 31);

        if (end > s && end < d)
          out[n++] = end;
      }

  out[n++] = d;
  return n;
}

/* Linear between (start, 0), the checkpoints and, when the last one
 * expects less than all and comes before due, (due, 100%). */
static double
custom_expected (const Curve *curve,
                 guint32      s,
                 guint32      d,
                 guint32      a)
{
  Checkpoint points[MAX_CHECKPOINTS + 2];
  guint n = 0;

  points[n++] = (Checkpoint) { s, 0.0 };
  for (guint i = 0; i < curve->n_points; i++)
    if (curve->points[i].julian > points[n - 1].julian)
      points[n++] = curve->points[i];
    else
      points[n - 1].share = MAX (points[n - 1].share, curve->points[i].share);
  if (points[n - 1].share < 1.0 && d > points[n - 1].julian)
    points[n++] = (Checkpoint) { d, 1.0 };

  if (a < points[0].julian)
    return 0.0;

  for (guint i = 1; i < n; i++)
    if (a < points[i].julian)
      return points[i - 1].share + (points[i].share - points[i - 1].share) *
             ((double) a - points[i - 1].julian) / ((double) points[i].julian - points[i - 1].julian);

  return points[n - 1].share;
}

double
jp_curve_expected (const char *spec,
                   const char *start,
                   const char *due,
                   const char *as_of)
{
  guint32 s = jp_date_julian (start);
  guint32 d = jp_date_julian (due);
  guint32 a = jp_date_julian (as_of);
  guint32 checkpoints[MAX_CHECKPOINTS];
  double e;
  Curve curve;

  if (s == 0 || d == 0 || a == 0)
    return 0.0;

  if (!parse_curve (spec, &curve, NULL))
    curve.kind = JP_CURVE_LINEAR;

  if (curve.kind == JP_CURVE_CUSTOM)
    return CLAMP (custom_expected (&curve, s, d, a), 0.0, 1.0);

  if (d <= s || curve.kind == JP_CURVE_DUE_ONLY)
    return a >= d ? 1.0 : 0.0;

  switch (curve.kind)
    {
    case JP_CURVE_QUARTERLY:
      return steps (checkpoints, quarter_checkpoints (s, d, checkpoints), a);

    case JP_CURVE_TERMS:
      {
        guint32 term_end = julian_of (year_of (d), curve.term_month, curve.term_day);
        guint n = 0;

        if (term_end > s && term_end < d)
          checkpoints[n++] = term_end;
        checkpoints[n++] = d;
        return steps (checkpoints, n, a);
      }

    case JP_CURVE_LINEAR:
    case JP_CURVE_DUE_ONLY:
    case JP_CURVE_CUSTOM:
    default:
      e = ((double) a - (double) s) / ((double) d - (double) s);
      return CLAMP (e, 0.0, 1.0);
    }
}

/* ---- Reporting cycles */

typedef struct
{
  JpCycleKind kind;
  gboolean    after_end; /* "+N": N days after the period ends */
  int         days;      /* the day of the month, or N */
} Cycle;

static gboolean
parse_cycle (const char  *spec,
             Cycle       *cycle,
             GError     **error)
{
  const char *value;
  guint64 number;

  memset (cycle, 0, sizeof *cycle);

  if (spec == NULL || spec[0] == '\0' || strcmp (spec, "none") == 0)
    return TRUE;

  if (g_str_has_prefix (spec, "monthly:"))
    {
      cycle->kind = JP_CYCLE_MONTHLY;
      value = spec + strlen ("monthly:");
    }
  else if (g_str_has_prefix (spec, "quarterly:"))
    {
      cycle->kind = JP_CYCLE_QUARTERLY;
      value = spec + strlen ("quarterly:");
    }
  else
    return fail (error, spec, _("not a reporting cycle (monthly:DAY, quarterly:DAY, "
                                "monthly:+DAYS or quarterly:+DAYS)"));

  cycle->after_end = value[0] == '+';
  if (cycle->after_end)
    value++;

  if (!g_ascii_string_to_unsigned (value, 10, cycle->after_end ? 0 : 1,
                                   cycle->after_end ? MAX_AFTER_DAYS : 31, &number, NULL))
    {
      cycle->kind = JP_CYCLE_NONE;
      return fail (error, spec, cycle->after_end ? _("the days after the period are 0 to 60")
                                                 : _("the report day is a day of the month, 1 to 31"));
    }

  cycle->days = (int) number;
  return TRUE;
}

gboolean
jp_cycle_validate (const char  *spec,
                   GError     **error)
{
  Cycle cycle;

  return parse_cycle (spec, &cycle, error);
}

JpCycleKind
jp_cycle_get_kind (const char *spec)
{
  Cycle cycle;

  if (!parse_cycle (spec, &cycle, NULL))
    return JP_CYCLE_NONE;

  return cycle.kind;
}

char *
jp_cycle_describe (const char *spec)
{
  Cycle cycle;

  if (!parse_cycle (spec, &cycle, NULL) || cycle.kind == JP_CYCLE_NONE)
    /* Translators: the plan has no reporting cycle */
    return g_strdup (_("No reporting cycle"));

  if (cycle.kind == JP_CYCLE_MONTHLY)
    return cycle.after_end
      /* Translators: a monthly report due N days after the month ends */
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Monthly, %d day after the month",
                                      "Monthly, %d days after the month", cycle.days), cycle.days)
      /* Translators: a monthly report due by day N of the month */
      : g_strdup_printf (_("Monthly, by day %d"), cycle.days);

  return cycle.after_end
    /* Translators: a quarterly report due N days after the quarter ends */
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Quarterly, %d day after the quarter",
                                    "Quarterly, %d days after the quarter", cycle.days), cycle.days)
    /* Translators: a quarterly report due by day N of the quarter's last month */
    : g_strdup_printf (_("Quarterly, by day %d of its last month"), cycle.days);
}

static void
format_julian (guint32  julian,
               char    *out)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/* Calls @func for each period whose deadline is in [start, as_of]. */
static guint
walk_deadlines (const char *spec,
                const char *start,
                const char *as_of,
                void      (*func) (guint32 first, guint32 deadline, gpointer data),
                gpointer    data)
{
  guint32 s = jp_date_julian (start);
  guint32 a = jp_date_julian (as_of);
  int months;
  GDate date;
  guint n = 0;
  Cycle cycle;

  if (s == 0 || a == 0 || !parse_cycle (spec, &cycle, NULL) || cycle.kind == JP_CYCLE_NONE)
    return 0;

  months = cycle.kind == JP_CYCLE_MONTHLY ? 1 : 3;

  /* The first period: the one that holds @start. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, s);
  g_date_set_day (&date, 1);
  if (months == 3)
    g_date_set_month (&date, (GDateMonth) (((g_date_get_month (&date) - 1) / 3) * 3 + 1));

  for (guint guard = 0; guard < 1200; guard++)
    {
      guint32 first = g_date_get_julian (&date);
      guint32 deadline;
      GDate last_month = date;

      g_date_add_months (&last_month, months - 1);
      if (cycle.after_end)
        {
          GDate next = date;

          g_date_add_months (&next, months);
          deadline = g_date_get_julian (&next) - 1 + cycle.days;
        }
      else
        deadline = julian_of (g_date_get_year (&last_month), g_date_get_month (&last_month),
                              cycle.days);

      if (first > a || deadline > a)
        break;

      if (deadline >= s)
        {
          func (first, deadline, data);
          n++;
        }

      g_date_add_months (&date, months);
    }

  return n;
}

typedef struct
{
  char *deadline;
  char *period_start;
} LastDeadline;

static void
keep_last (guint32  first,
           guint32  deadline,
           gpointer data)
{
  LastDeadline *last = data;

  format_julian (deadline, last->deadline);
  format_julian (first, last->period_start);
}

gboolean
jp_cycle_last_deadline (const char *spec,
                        const char *start,
                        const char *as_of,
                        char       *deadline,
                        char       *period_start)
{
  LastDeadline last = { deadline, period_start };

  g_return_val_if_fail (deadline != NULL && period_start != NULL, FALSE);

  return walk_deadlines (spec, start, as_of, keep_last, &last) > 0;
}

static void
add_period (guint32  first,
            guint32  deadline,
            gpointer data)
{
  GPtrArray *periods = data;
  char text[11];

  format_julian (first, text);
  g_ptr_array_add (periods, g_strdup (text));
  format_julian (deadline, text);
  g_ptr_array_add (periods, g_strdup (text));
}

guint
jp_cycle_list_deadlines (const char *spec,
                         const char *start,
                         const char *as_of,
                         GPtrArray  *periods)
{
  g_return_val_if_fail (periods != NULL, 0);

  return walk_deadlines (spec, start, as_of, add_period, periods);
}
