#define G_LOG_DOMAIN "jp-status"

#include "config.h"

#include "jp-status.h"

#include "jp-curve.h"
#include "jp-date.h"
#include "jp-indicator.h"
#include "jp-item.h"
#include "jp-item-update.h"
#include "jp-plan.h"
#include "jp-progress-entry.h"
#include "jp-section.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Tolerance of every comparison of a share with a threshold: 0.45 must
 * count as e − 0.10 when e = 0.55 (0.45000000000000007 in doubles). */
#define EPSILON 1e-9

/* Thresholds of docs/status-rules.md, "Status, in this order". */
#define ON_TRACK_MARGIN 0.10
#define AT_RISK_MARGIN  0.25
/* Nothing is expected yet while e ≤ this: silence is "not started". */
#define NOTHING_EXPECTED 0.10
/* An item's own report differs from its targets by more than this. */
#define SELF_REPORT_MARGIN 0.20

typedef struct
{
  const char *nick;
  const char *label;
  const char *symbol;
  guint32     rgb;
} StatusInfo;

/* Colours from the Okabe–Ito palette, which stays distinguishable for the
 * common forms of colour blindness, plus a dark red for overdue (darker
 * than "behind", and always shown with its own symbol) and a neutral grey
 * for "not started":
 *   done         #0072B2 blue            ✓
 *   on track     #009E73 bluish green    ●
 *   at risk      #E69F00 orange          ▲
 *   behind       #D55E00 vermillion      ▼
 *   overdue      #A3001B dark red        × (U+00D7: in the CJK fonts, where ✕ is not)
 *   no report    #C0186A crimson         ! (red like the others that need
 *                                          attention, told apart by its symbol)
 *   not started  #8C8C8C grey            ○ */
static const StatusInfo status_info[JP_N_STATUSES] = {
  /* Translators: the statuses of a target or a work point, the 红黄绿灯 of
   * supervision, the same words in the window, the charts and the
   * reports: not started (未开始), on track (正常推进), at risk (存在风险),
   * behind what is expected by now (进度滞后), past its due date (已逾期),
   * done (已完成), nothing reported although something is expected by now
   * (未填报). */
  [JP_STATUS_NOT_STARTED] = { "not_started", N_("Not started"), "○", 0x8C8C8C },
  [JP_STATUS_ON_TRACK]    = { "on_track",    N_("On track"),    "●", 0x009E73 },
  [JP_STATUS_AT_RISK]     = { "at_risk",     N_("At risk"),     "▲", 0xE69F00 },
  [JP_STATUS_BEHIND]      = { "behind",      N_("Behind"),      "▼", 0xD55E00 },
  [JP_STATUS_OVERDUE]     = { "overdue",     N_("Overdue"),     "×", 0xA3001B },
  [JP_STATUS_DONE]        = { "done",        N_("Done"),        "✓", 0x0072B2 },
  [JP_STATUS_NO_REPORT]   = { "no_report",   N_("No report"),   "!", 0xC0186A },
};

typedef struct
{
  const char *nick;
  const char *label;
} KindInfo;

#define N_KINDS (JP_INDICATOR_KIND_MILESTONE + 1)

static const KindInfo kind_info[N_KINDS] = {
  /* Translators: the kinds of targets: at least (达90%: 不低于), at most
   * (控制在5%以内: 不超过), a range (3-5所: 区间), decrease by (下降0.5%:
   * 下降), increase by (提高3个百分点: 提高), a milestone, done or not
   * (里程碑). */
  [JP_INDICATOR_KIND_AT_LEAST]    = { "at_least",    N_("At least") },
  [JP_INDICATOR_KIND_AT_MOST]     = { "at_most",     N_("At most") },
  [JP_INDICATOR_KIND_RANGE]       = { "range",       N_("Range") },
  [JP_INDICATOR_KIND_DECREASE_BY] = { "decrease_by", N_("Decrease by") },
  [JP_INDICATOR_KIND_INCREASE_BY] = { "increase_by", N_("Increase by") },
  [JP_INDICATOR_KIND_MILESTONE]   = { "milestone",   N_("Milestone") },
};

static double
clamp_share (double ratio)
{
  if (isnan (ratio))
    return 0.0;

  return CLAMP (ratio, 0.0, 1.0);
}

static JpPlan *
item_get_plan (JpItem *item)
{
  JpSection *section = item != NULL ? jp_item_get_section (item) : NULL;

  return section != NULL ? jp_section_get_plan (section) : NULL;
}

static char *
resolve_as_of (JpPlan     *plan,
               const char *as_of)
{
  if (as_of != NULL)
    return g_strdup (as_of);

  if (plan != NULL)
    return jp_plan_dup_default_as_of (plan);

  return jp_date_today_iso ();
}

/* Fills due, expected (from @curve unless @expected is given, ≥ 0) and
 * status of @out from its p and started. */
static void
finish (JpProgress *out,
        const char *curve,
        const char *start,
        const char *due,
        const char *as_of,
        double      expected)
{
  gboolean past_due;

  out->due = due;
  out->expected = expected >= 0.0 ? expected : jp_curve_expected (curve, start, due, as_of);
  past_due = due != NULL && as_of != NULL && jp_date_compare (as_of, due) >= 0;
  out->status = jp_status_classify (out->p, out->started, out->expected, past_due);
}

/* 逾期未报送: the plan has a reporting cycle, a deadline has passed, and
 * nothing is dated in the period it closes (up to @as_of). Not for what
 * is done. */
static gboolean
is_late (JpPlan     *plan,
         const char *latest,
         const char *as_of,
         JpStatus    status)
{
  char deadline[11], period_start[11];

  if (plan == NULL || status == JP_STATUS_DONE || jp_plan_get_report_cycle (plan) == NULL)
    return FALSE;

  if (!jp_cycle_last_deadline (jp_plan_get_report_cycle (plan), jp_plan_get_start (plan),
                               as_of, deadline, period_start))
    return FALSE;

  return latest == NULL || strcmp (latest, period_start) < 0;
}

/**
 * jp_progress_ratio:
 *
 * The raw ratio of docs/status-rules.md "Progress p" (not clamped):
 * at_least value / target, or (value − baseline) / (target − baseline) with
 * a baseline; range value / target (the lower bound); decrease_by and
 * increase_by value / target (the value is the change achieved); at_most 1
 * while value ≤ target, else 0; milestone 1 when value ≥ 1 (done), else 0.
 * A zero denominator gives 1 when the target is met (value ≥ target) and 0
 * otherwise. The baseline is used by at_least only.
 */
double
jp_progress_ratio (JpIndicatorKind kind,
                   double          target,
                   gboolean        has_baseline,
                   double          baseline,
                   double          value)
{
  double numerator = value;
  double denominator = target;

  switch (kind)
    {
    case JP_INDICATOR_KIND_AT_MOST:
      return value <= target ? 1.0 : 0.0;

    case JP_INDICATOR_KIND_MILESTONE:
      return value >= 1.0 - EPSILON ? 1.0 : 0.0;

    case JP_INDICATOR_KIND_AT_LEAST:
      if (has_baseline)
        {
          numerator = value - baseline;
          denominator = target - baseline;
        }
      break;

    case JP_INDICATOR_KIND_RANGE:
    case JP_INDICATOR_KIND_DECREASE_BY:
    case JP_INDICATOR_KIND_INCREASE_BY:
    default:
      break;
    }

  if (fabs (denominator) < 1e-12)
    return value >= target ? 1.0 : 0.0;

  return numerator / denominator;
}

/**
 * jp_progress_expected:
 *
 * e of the linear curve in whole days: (as_of − start) / (due − start),
 * clamped to [0, 1]. When due is not after start, e is 1 from due on and
 * 0 before. Missing or invalid dates give 0.
 */
double
jp_progress_expected (const char *start,
                      const char *due,
                      const char *as_of)
{
  return jp_curve_expected ("linear", start, due, as_of);
}

/**
 * jp_status_classify:
 *
 * In this order: done if p ≥ 1 · overdue if the due date has come ·
 * nothing recorded yet: not started while e ≤ 0.10, else no report ·
 * on track if p ≥ e − 0.10 · at risk if p ≥ e − 0.25 · behind. Compared
 * with a tolerance of 1e-9.
 */
JpStatus
jp_status_classify (double   p,
                    gboolean started,
                    double   expected,
                    gboolean past_due)
{
  if (p >= 1.0 - EPSILON)
    return JP_STATUS_DONE;

  if (past_due)
    return JP_STATUS_OVERDUE;

  if (!started)
    return expected > NOTHING_EXPECTED + EPSILON ? JP_STATUS_NO_REPORT : JP_STATUS_NOT_STARTED;

  if (p >= expected - ON_TRACK_MARGIN - EPSILON)
    return JP_STATUS_ON_TRACK;

  if (p >= expected - AT_RISK_MARGIN - EPSILON)
    return JP_STATUS_AT_RISK;

  return JP_STATUS_BEHIND;
}

/* Borrowed; NULL when the indicator has no due and is in no plan. */
const char *
jp_indicator_get_effective_due (JpIndicator *indicator)
{
  const char *due;
  JpItem *item;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  due = jp_indicator_get_due (indicator);
  if (due != NULL)
    return due;

  item = jp_indicator_get_item (indicator);
  if (item == NULL)
    return NULL;

  return jp_item_get_effective_due (item);
}

/* The item's due, else the plan end. Borrowed. */
const char *
jp_item_get_effective_due (JpItem *item)
{
  const char *due;
  JpPlan *plan;

  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  due = jp_item_get_due (item);
  if (due != NULL)
    return due;

  plan = item_get_plan (item);
  if (plan == NULL)
    return NULL;

  return jp_plan_get_end (plan);
}

/* Borrowed; NULL: linear. */
const char *
jp_indicator_get_effective_curve (JpIndicator *indicator)
{
  JpItem *item;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  if (jp_indicator_get_curve (indicator) != NULL)
    return jp_indicator_get_curve (indicator);

  item = jp_indicator_get_item (indicator);

  return item != NULL ? jp_item_get_effective_curve (item) : NULL;
}

/* Borrowed; NULL: linear. */
const char *
jp_item_get_effective_curve (JpItem *item)
{
  JpPlan *plan;

  g_return_val_if_fail (JP_IS_ITEM (item), NULL);

  if (jp_item_get_curve (item) != NULL)
    return jp_item_get_curve (item);

  plan = item_get_plan (item);

  return plan != NULL ? jp_plan_get_curve (plan) : NULL;
}

/* @as_of NULL: the plan's default (min(today, plan end)). */
void
jp_indicator_evaluate (JpIndicator *indicator,
                       const char  *as_of,
                       JpProgress  *out)
{
  g_autofree char *date = NULL;
  JpProgressEntry *entry;
  JpPlan *plan;

  g_return_if_fail (JP_IS_INDICATOR (indicator));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  plan = item_get_plan (jp_indicator_get_item (indicator));
  date = resolve_as_of (plan, as_of);

  entry = jp_indicator_find_entry (indicator, date);
  if (entry != NULL)
    {
      JpIndicatorKind kind = jp_indicator_get_kind (indicator);

      out->started = TRUE;
      out->has_value = TRUE;
      out->value = jp_progress_entry_get_value (entry);
      out->ratio = jp_progress_ratio (kind,
                                      jp_indicator_get_target (indicator),
                                      jp_indicator_get_has_baseline (indicator),
                                      jp_indicator_get_baseline (indicator),
                                      out->value);
      out->exceeded = kind == JP_INDICATOR_KIND_RANGE &&
                      jp_indicator_get_has_target_max (indicator) &&
                      out->value > jp_indicator_get_target_max (indicator);
    }

  out->p = clamp_share (out->ratio);
  finish (out,
          jp_indicator_get_effective_curve (indicator),
          plan != NULL ? jp_plan_get_start (plan) : NULL,
          jp_indicator_get_effective_due (indicator),
          date, -1.0);
  out->late_report = is_late (plan, entry != NULL ? jp_progress_entry_get_date (entry) : NULL,
                              date, out->status);
}

/* The latest update on or before @date (borrowed), and the latest of
 * those that give a completion. */
static JpItemUpdate *
find_updates (JpItem        *item,
              const char    *date,
              JpItemUpdate **with_completion)
{
  GListModel *updates = jp_item_get_updates (item);
  JpItemUpdate *latest = NULL;

  *with_completion = NULL;
  for (guint i = g_list_model_get_n_items (updates); i > 0; i--)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i - 1);
      const char *update_date = jp_item_update_get_date (update);

      if (update_date == NULL || strcmp (update_date, date) > 0)
        continue;

      if (latest == NULL)
        latest = update;
      if (jp_item_update_get_has_completion (update))
        {
          *with_completion = update;
          break;
        }
    }

  return latest;
}

/* For an item (and a section, a plan) ratio equals p, the mean of shares
 * already clamped, and e the same mean of the indicators' e. Without
 * indicators, p is the completion (0–100) of the latest update on or
 * before as-of that gives one, and e comes from the item's curve. Started
 * when any indicator has an entry or any update is dated on or before
 * as-of. Overdue when any indicator is. */
void
jp_item_evaluate (JpItem     *item,
                  const char *as_of,
                  JpProgress *out)
{
  g_autofree char *date = NULL;
  JpItemUpdate *self_report = NULL;
  JpItemUpdate *latest_update;
  gboolean any_overdue = FALSE;
  gboolean any_late = FALSE;
  double expected = -1.0;
  GListModel *indicators;
  guint n;
  JpPlan *plan;

  g_return_if_fail (JP_IS_ITEM (item));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  plan = item_get_plan (item);
  date = resolve_as_of (plan, as_of);

  latest_update = find_updates (item, date, &self_report);
  out->started = latest_update != NULL;

  indicators = jp_item_get_indicators (item);
  n = g_list_model_get_n_items (indicators);

  if (n > 0)
    {
      double sum_wp = 0.0, sum_we = 0.0, sum_w = 0.0;
      double sum_p = 0.0, sum_e = 0.0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
          double weight = jp_indicator_get_weight (indicator);
          JpProgress progress;

          jp_indicator_evaluate (indicator, date, &progress);
          out->started |= progress.started;
          any_overdue |= progress.status == JP_STATUS_OVERDUE;
          any_late |= progress.late_report;
          sum_p += progress.p;
          sum_e += progress.expected;
          if (weight > 0.0)
            {
              sum_wp += weight * progress.p;
              sum_we += weight * progress.expected;
              sum_w += weight;
            }
        }

      out->p = sum_w > 0.0 ? sum_wp / sum_w : sum_p / n;
      expected = sum_w > 0.0 ? sum_we / sum_w : sum_e / n;

      if (self_report != NULL)
        {
          out->has_self_report = TRUE;
          out->self_report = clamp_share (jp_item_update_get_completion (self_report) / 100.0);
        }
    }
  else if (self_report != NULL)
    {
      out->has_value = TRUE;
      out->value = jp_item_update_get_completion (self_report);
      out->p = out->value / 100.0;
    }

  out->p = clamp_share (out->p);
  out->ratio = out->p;
  out->self_report_differs = out->has_self_report &&
                             fabs (out->self_report - out->p) > SELF_REPORT_MARGIN + EPSILON;
  finish (out,
          jp_item_get_effective_curve (item),
          plan != NULL ? jp_plan_get_start (plan) : NULL,
          jp_item_get_effective_due (item),
          date, expected);
  if (any_overdue && out->status != JP_STATUS_DONE)
    out->status = JP_STATUS_OVERDUE;

  if (n > 0)
    out->late_report = any_late && out->status != JP_STATUS_DONE;
  else
    out->late_report = is_late (plan, latest_update != NULL ? jp_item_update_get_date (latest_update)
                                                            : NULL,
                                date, out->status);
}

typedef struct
{
  double   sum_p;
  double   sum_e;
  guint    n_items;
  gboolean started;
  gboolean late;
} Sums;

static void
add_item (Sums       *sums,
          JpItem     *item,
          const char *as_of)
{
  JpProgress progress;

  jp_item_evaluate (item, as_of, &progress);
  sums->sum_p += progress.p;
  sums->sum_e += progress.expected;
  sums->started |= progress.started;
  sums->late |= progress.late_report;
  sums->n_items++;
}

/* Adds the items of @section to the sums. */
static void
sum_items (JpSection  *section,
           const char *as_of,
           Sums       *sums)
{
  GListModel *items = jp_section_get_items (section);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItem) item = g_list_model_get_item (items, i);

      add_item (sums, item, as_of);
    }
}

/* p and e: the means of the items'; due: the plan end. */
static void
finish_mean (JpProgress *out,
             JpPlan     *plan,
             const char *as_of,
             const Sums *sums)
{
  out->p = sums->n_items > 0 ? clamp_share (sums->sum_p / sums->n_items) : 0.0;
  out->ratio = out->p;
  out->started = sums->started;
  finish (out,
          plan != NULL ? jp_plan_get_curve (plan) : NULL,
          plan != NULL ? jp_plan_get_start (plan) : NULL,
          plan != NULL ? jp_plan_get_end (plan) : NULL,
          as_of,
          sums->n_items > 0 ? clamp_share (sums->sum_e / sums->n_items) : -1.0);
  out->late_report = sums->late && out->status != JP_STATUS_DONE;
}

void
jp_section_evaluate (JpSection  *section,
                     const char *as_of,
                     JpProgress *out)
{
  g_autofree char *date = NULL;
  Sums sums = { 0, };
  JpPlan *plan;

  g_return_if_fail (JP_IS_SECTION (section));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  plan = jp_section_get_plan (section);
  date = resolve_as_of (plan, as_of);

  sum_items (section, date, &sums);
  finish_mean (out, plan, date, &sums);
}

/* Mean of all the plan's items (not of the sections' means). */
void
jp_plan_evaluate (JpPlan     *plan,
                  const char *as_of,
                  JpProgress *out)
{
  g_autofree char *date = NULL;
  GListModel *sections;
  Sums sums = { 0, };
  guint n;

  g_return_if_fail (JP_IS_PLAN (plan));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  date = resolve_as_of (plan, as_of);
  sections = jp_plan_get_sections (plan);
  n = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);

      sum_items (section, date, &sums);
    }

  finish_mean (out, plan, date, &sums);
}

void
jp_items_evaluate (JpPlan     *plan,
                   GPtrArray  *items,
                   const char *as_of,
                   JpProgress *out)
{
  g_autofree char *date = NULL;
  Sums sums = { 0, };

  g_return_if_fail (JP_IS_PLAN (plan));
  g_return_if_fail (items != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  date = resolve_as_of (plan, as_of);
  for (guint i = 0; i < items->len; i++)
    add_item (&sums, g_ptr_array_index (items, i), date);

  finish_mean (out, plan, date, &sums);
}

void
jp_items_count_statuses (GPtrArray  *items,
                         const char *as_of,
                         guint      *counts)
{
  g_return_if_fail (items != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * JP_N_STATUSES);

  for (guint i = 0; i < items->len; i++)
    {
      JpProgress progress;

      jp_item_evaluate (g_ptr_array_index (items, i), as_of, &progress);
      counts[progress.status]++;
    }
}

void
jp_plan_count_item_statuses (JpPlan     *plan,
                             const char *as_of,
                             guint      *counts)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *date = NULL;

  g_return_if_fail (JP_IS_PLAN (plan));
  g_return_if_fail (counts != NULL);

  date = resolve_as_of (plan, as_of);
  items = jp_plan_dup_items (plan);
  jp_items_count_statuses (items, date, counts);
}

gboolean
jp_status_needs_attention (JpStatus status)
{
  return jp_status_get_severity (status) > 0;
}

guint
jp_status_get_severity (JpStatus status)
{
  switch (status)
    {
    case JP_STATUS_OVERDUE:
      return 4;
    case JP_STATUS_NO_REPORT:
      return 3;
    case JP_STATUS_BEHIND:
      return 2;
    case JP_STATUS_AT_RISK:
      return 1;
    case JP_STATUS_NOT_STARTED:
    case JP_STATUS_ON_TRACK:
    case JP_STATUS_DONE:
    default:
      return 0;
    }
}

typedef struct
{
  JpItem  *item;
  guint    index;
  guint    severity;
  double   gap;
} Attention;

static int
compare_attention (gconstpointer a,
                   gconstpointer b)
{
  const Attention *x = a;
  const Attention *y = b;

  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (fabs (x->gap - y->gap) > EPSILON)
    return x->gap > y->gap ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index;
}

GPtrArray *
jp_items_dup_attention (GPtrArray  *items,
                        const char *as_of)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Attention));
  GPtrArray *result;

  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      JpProgress progress;
      Attention attention;

      jp_item_evaluate (item, as_of, &progress);
      if (!jp_status_needs_attention (progress.status))
        continue;

      attention.item = item;
      attention.index = i;
      attention.severity = jp_status_get_severity (progress.status);
      attention.gap = progress.expected - progress.p;
      g_array_append_val (found, attention);
    }

  g_array_sort (found, compare_attention);

  result = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (result, g_object_ref (g_array_index (found, Attention, i).item));

  return result;
}

const char *
jp_status_to_nick (JpStatus status)
{
  g_return_val_if_fail (status < JP_N_STATUSES, NULL);

  return status_info[status].nick;
}

gboolean
jp_status_from_nick (const char *nick,
                     JpStatus   *out)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      if (strcmp (nick, status_info[i].nick) == 0)
        {
          if (out != NULL)
            *out = (JpStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
jp_status_get_label (JpStatus status)
{
  g_return_val_if_fail (status < JP_N_STATUSES, NULL);

  return _(status_info[status].label);
}

const char *
jp_status_get_symbol (JpStatus status)
{
  g_return_val_if_fail (status < JP_N_STATUSES, NULL);

  return status_info[status].symbol;
}

void
jp_status_get_rgb (JpStatus  status,
                   double   *r,
                   double   *g,
                   double   *b)
{
  guint32 rgb;

  g_return_if_fail (status < JP_N_STATUSES);

  rgb = status_info[status].rgb;
  if (r != NULL)
    *r = ((rgb >> 16) & 0xff) / 255.0;
  if (g != NULL)
    *g = ((rgb >> 8) & 0xff) / 255.0;
  if (b != NULL)
    *b = (rgb & 0xff) / 255.0;
}

const char *
jp_indicator_kind_to_nick (JpIndicatorKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return kind_info[kind].nick;
}

gboolean
jp_indicator_kind_from_nick (const char      *nick,
                             JpIndicatorKind *out)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < N_KINDS; i++)
    {
      if (strcmp (nick, kind_info[i].nick) == 0)
        {
          if (out != NULL)
            *out = (JpIndicatorKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
jp_indicator_kind_get_label (JpIndicatorKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return _(kind_info[kind].label);
}

/**
 * jp_format_number:
 *
 * Integers without decimals, other numbers rounded to two decimals with the
 * trailing zeros dropped (0.5, 4.7, 0.25); "," between thousands when
 * @group is TRUE (2,900). Always "." as decimal point.
 */
char *
jp_format_number (double   value,
                  gboolean group)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *digits;
  const char *point;
  GString *str;
  gsize int_len;
  char *end;

  if (!isfinite (value))
    return g_strdup (isnan (value) ? "NaN" : (value > 0 ? "∞" : "-∞"));

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);

  /* Drop trailing zeros and a bare point. */
  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");

  str = g_string_new (NULL);
  digits = buf;
  if (*digits == '-')
    {
      g_string_append_c (str, '-');
      digits++;
    }

  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  for (gsize i = 0; i < int_len; i++)
    {
      if (group && i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  if (point != NULL)
    g_string_append (str, point);

  return g_string_free (str, FALSE);
}

/* "90%", "630 个", "3 个百分点": a word unit after a space, % attached. */
static char *
format_quantity (double      value,
                 const char *unit)
{
  g_autofree char *number = jp_format_number (value, TRUE);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  if (strcmp (unit, "%") == 0 || strcmp (unit, "‰") == 0)
    return g_strconcat (number, unit, NULL);

  return g_strconcat (number, " ", unit, NULL);
}

char *
jp_indicator_format_target (JpIndicator *indicator)
{
  g_autofree char *quantity = NULL;
  const char *unit;
  double target;

  g_return_val_if_fail (JP_IS_INDICATOR (indicator), NULL);

  unit = jp_indicator_get_unit (indicator);
  target = jp_indicator_get_target (indicator);

  switch (jp_indicator_get_kind (indicator))
    {
    case JP_INDICATOR_KIND_MILESTONE:
      return g_strdup (_("Milestone"));

    case JP_INDICATOR_KIND_AT_MOST:
      quantity = format_quantity (target, unit);
      /* Translators: an upper limit, e.g. "≤ 5%" */
      return g_strdup_printf (_("≤ %s"), quantity);

    case JP_INDICATOR_KIND_RANGE:
      if (jp_indicator_get_has_target_max (indicator))
        {
          g_autofree char *lower = jp_format_number (target, TRUE);

          quantity = format_quantity (jp_indicator_get_target_max (indicator), unit);
          /* Translators: a range of a target, e.g. "3–5 所" */
          return g_strdup_printf (_("%s–%s"), lower, quantity);
        }
      quantity = format_quantity (target, unit);
      return g_strdup_printf (_("≥ %s"), quantity);

    case JP_INDICATOR_KIND_DECREASE_BY:
      quantity = format_quantity (target, unit);
      /* Translators: a target decrease, e.g. "Decrease by 0.5%" */
      return g_strdup_printf (_("Decrease by %s"), quantity);

    case JP_INDICATOR_KIND_INCREASE_BY:
      quantity = format_quantity (target, unit);
      /* Translators: a target increase, e.g. "Increase by 3 个百分点" */
      return g_strdup_printf (_("Increase by %s"), quantity);

    case JP_INDICATOR_KIND_AT_LEAST:
    default:
      quantity = format_quantity (target, unit);
      /* Translators: a lower limit, e.g. "≥ 90%" */
      return g_strdup_printf (_("≥ %s"), quantity);
    }
}

/**
 * jp_format_quantity:
 * @unit: (nullable): the measure word, "%" or "‰"
 *
 * A value as the targets, the charts and the reports write it: grouped
 * digits, "%" attached, a word unit after a space ("2,500 人次").
 */
char *
jp_format_quantity (double      value,
                    const char *unit)
{
  return format_quantity (value, unit);
}

double
jp_round_percent (double ratio)
{
  return round (ratio * 100.0 * 100.0) / 100.0;
}

char *
jp_format_percent_short (double ratio)
{
  double percent = ratio * 100;
  double rounded;

  if (!isfinite (percent))
    return jp_format_percent (ratio);

  rounded = fabs (percent) >= 10 ? round (percent) : round (percent * 10) / 10;
  /* Something, however small, is not 0%. */
  if (rounded == 0 && percent != 0)
    rounded = round (percent * 100) / 100;

  return jp_format_percent (rounded / 100);
}

/* 0.72 → "72%", 0.005 → "0.5%", 1.234 → "123.4%". */
char *
jp_format_percent (double ratio)
{
  g_autofree char *number = jp_format_number (ratio * 100.0, TRUE);

  return g_strconcat (number, "%", NULL);
}
