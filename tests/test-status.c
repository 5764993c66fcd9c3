/* test-status.c: the progress and status rules (docs/status-rules.md "Progress p of
 * an indicator" and "Status as of a date") and the formatting helpers. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "jp-enum-types.h"
#include "jp-model.h"

#define CMP_EPSILON 1e-9

/* ------------------------------------------------------------------ */
/* Raw ratio of every kind                                             */

typedef struct
{
  const char      *name;
  JpIndicatorKind  kind;
  double           target;
  gboolean         has_baseline;
  double           baseline;
  double           value;
  double           ratio;
} RatioCase;

static const RatioCase ratio_cases[] = {
  { "at-least",                 JP_INDICATOR_KIND_AT_LEAST,    90,  FALSE, 0,  72,   0.8 },
  { "at-least-exceeded",        JP_INDICATOR_KIND_AT_LEAST,    90,  FALSE, 0,  99,   1.1 },
  { "at-least-zero-value",      JP_INDICATOR_KIND_AT_LEAST,    630, FALSE, 0,  0,    0.0 },
  { "at-least-baseline",        JP_INDICATOR_KIND_AT_LEAST,    22,  TRUE,  20, 21,   0.5 },
  { "at-least-baseline-met",    JP_INDICATOR_KIND_AT_LEAST,    22,  TRUE,  20, 22,   1.0 },
  { "at-least-below-baseline",  JP_INDICATOR_KIND_AT_LEAST,    22,  TRUE,  20, 19,  -0.5 },
  { "at-least-baseline-zero",   JP_INDICATOR_KIND_AT_LEAST,    20,  TRUE,  20, 20,   1.0 },
  { "at-least-baseline-zero-2", JP_INDICATOR_KIND_AT_LEAST,    20,  TRUE,  20, 19,   0.0 },
  { "at-least-target-zero-met", JP_INDICATOR_KIND_AT_LEAST,    0,   FALSE, 0,  0,    1.0 },
  { "at-least-target-zero-not", JP_INDICATOR_KIND_AT_LEAST,    0,   FALSE, 0,  -1,   0.0 },
  { "range-lower-bound",        JP_INDICATOR_KIND_RANGE,       3,   FALSE, 0,  4,    4.0 / 3.0 },
  { "range-below",              JP_INDICATOR_KIND_RANGE,       4,   FALSE, 0,  1,    0.25 },
  { "range-target-zero",        JP_INDICATOR_KIND_RANGE,       0,   FALSE, 0,  0,    1.0 },
  { "range-ignores-baseline",   JP_INDICATOR_KIND_RANGE,       4,   TRUE,  2,  2,    0.5 },
  { "decrease-by",              JP_INDICATOR_KIND_DECREASE_BY, 0.5, FALSE, 0,  0.25, 0.5 },
  { "decrease-by-more",         JP_INDICATOR_KIND_DECREASE_BY, 0.5, FALSE, 0,  0.6,  1.2 },
  { "decrease-by-zero-met",     JP_INDICATOR_KIND_DECREASE_BY, 0,   FALSE, 0,  0,    1.0 },
  { "decrease-by-zero-not",     JP_INDICATOR_KIND_DECREASE_BY, 0,   FALSE, 0,  -0.1, 0.0 },
  { "increase-by",              JP_INDICATOR_KIND_INCREASE_BY, 3,   FALSE, 0,  3.6,  1.2 },
  { "increase-by-part",         JP_INDICATOR_KIND_INCREASE_BY, 3,   FALSE, 0,  1.5,  0.5 },
  { "increase-by-zero-met",     JP_INDICATOR_KIND_INCREASE_BY, 0,   FALSE, 0,  1,    1.0 },
  { "at-most-met-equal",        JP_INDICATOR_KIND_AT_MOST,     5,   FALSE, 0,  5,    1.0 },
  { "at-most-met-below",        JP_INDICATOR_KIND_AT_MOST,     5,   FALSE, 0,  3.2,  1.0 },
  { "at-most-not-met",          JP_INDICATOR_KIND_AT_MOST,     5,   FALSE, 0,  5.1,  0.0 },
  { "at-most-zero-met",         JP_INDICATOR_KIND_AT_MOST,     0,   FALSE, 0,  0,    1.0 },
  { "at-most-zero-not-met",     JP_INDICATOR_KIND_AT_MOST,     0,   FALSE, 0,  1,    0.0 },
  { "at-most-ignores-baseline", JP_INDICATOR_KIND_AT_MOST,     5,   TRUE,  9,  6,    0.0 },
  { "milestone-not-done",       JP_INDICATOR_KIND_MILESTONE,   1,   FALSE, 0,  0,    0.0 },
  { "milestone-done",           JP_INDICATOR_KIND_MILESTONE,   1,   FALSE, 0,  1,    1.0 },
  { "milestone-half-is-not",    JP_INDICATOR_KIND_MILESTONE,   1,   FALSE, 0,  0.5,  0.0 },
};

static void
test_ratio (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratio_cases); i++)
    {
      const RatioCase *c = &ratio_cases[i];
      double ratio = jp_progress_ratio (c->kind, c->target, c->has_baseline, c->baseline, c->value);

      g_test_message ("%s", c->name);
      g_assert_cmpfloat_with_epsilon (ratio, c->ratio, CMP_EPSILON);
    }
}

/* ------------------------------------------------------------------ */
/* Expected share e                                                    */

typedef struct
{
  const char *start;
  const char *due;
  const char *as_of;
  double      expected;
} ExpectedCase;

static const ExpectedCase expected_cases[] = {
  { "2023-01-01", "2023-12-31", "2023-01-01", 0.0 },
  { "2023-01-01", "2023-12-31", "2022-12-01", 0.0 },   /* before start */
  { "2023-01-01", "2023-12-31", "2023-12-31", 1.0 },
  { "2023-01-01", "2023-12-31", "2024-03-01", 1.0 },   /* after due */
  { "2023-01-01", "2023-04-11", "2023-02-25", 0.55 },  /* 55 of 100 days */
  { "2023-01-01", "2023-01-11", "2023-01-06", 0.5 },
  { "2024-02-28", "2024-03-01", "2024-02-29", 0.5 },   /* leap day counts */
  { "2023-02-28", "2023-03-02", "2023-03-01", 0.5 },
  { "2023-06-01", "2023-06-01", "2023-05-31", 0.0 },   /* due = start */
  { "2023-06-01", "2023-06-01", "2023-06-01", 1.0 },
  { "2023-06-01", "2023-05-01", "2023-05-15", 1.0 },   /* due before start: past due */
  { "2023-06-01", "2023-05-01", "2023-04-15", 0.0 },
  { NULL,         "2023-12-31", "2023-06-01", 0.0 },   /* no start */
  { "2023-01-01", NULL,         "2023-06-01", 0.0 },   /* no due */
  { "2023-01-01", "2023-12-31", "2023-02-30", 0.0 },   /* invalid as-of */
};

static void
test_expected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_cases); i++)
    {
      const ExpectedCase *c = &expected_cases[i];

      g_test_message ("%s %s %s", c->start, c->due, c->as_of);
      g_assert_cmpfloat_with_epsilon (jp_progress_expected (c->start, c->due, c->as_of),
                                      c->expected, CMP_EPSILON);
    }

  /* Whole days: 55 / 100 is exactly the double nearest 0.55. */
  g_assert_cmpfloat (jp_progress_expected ("2023-01-01", "2023-04-11", "2023-02-25"), ==, 55.0 / 100.0);
}

/* ------------------------------------------------------------------ */
/* The ordered rules                                                   */

typedef struct
{
  double   p;
  gboolean started;
  double   expected;
  gboolean past_due;
  JpStatus status;
} ClassifyCase;

static const ClassifyCase classify_cases[] = {
  { 1.0,    TRUE,  0.5,  FALSE, JP_STATUS_DONE },
  { 1.0,    TRUE,  1.0,  TRUE,  JP_STATUS_DONE },        /* done even past due */
  { 0.9999, TRUE,  1.0,  TRUE,  JP_STATUS_OVERDUE },
  { 0.0,    FALSE, 1.0,  TRUE,  JP_STATUS_OVERDUE },     /* overdue before not started */
  { 0.0,    FALSE, 0.0,  FALSE, JP_STATUS_NOT_STARTED },
  { 0.0,    FALSE, 0.10, FALSE, JP_STATUS_NOT_STARTED },   /* e = 0.10 exactly: nothing expected yet */
  { 0.0,    FALSE, 0.1001, FALSE, JP_STATUS_NO_REPORT },   /* silence once something is expected */
  { 0.0,    FALSE, 0.5,  FALSE, JP_STATUS_NO_REPORT },
  { 0.0,    FALSE, 1.0,  FALSE, JP_STATUS_NO_REPORT },
  { 0.0,    TRUE,  0.0,  FALSE, JP_STATUS_ON_TRACK },    /* e = 0 */
  { 0.0,    TRUE,  0.10, FALSE, JP_STATUS_ON_TRACK },
  { 0.0,    TRUE,  0.25, FALSE, JP_STATUS_AT_RISK },
  { 0.0,    TRUE,  0.26, FALSE, JP_STATUS_BEHIND },
  { 0.45,   TRUE,  0.55, FALSE, JP_STATUS_ON_TRACK },    /* p = e − 0.10 exactly */
  { 0.4499, TRUE,  0.55, FALSE, JP_STATUS_AT_RISK },
  { 0.30,   TRUE,  0.55, FALSE, JP_STATUS_AT_RISK },     /* p = e − 0.25 exactly */
  { 0.2999, TRUE,  0.55, FALSE, JP_STATUS_BEHIND },
  { 0.90,   TRUE,  1.0,  FALSE, JP_STATUS_ON_TRACK },    /* e = 1 */
  { 0.8999, TRUE,  1.0,  FALSE, JP_STATUS_AT_RISK },
  { 0.75,   TRUE,  1.0,  FALSE, JP_STATUS_AT_RISK },
  { 0.7499, TRUE,  1.0,  FALSE, JP_STATUS_BEHIND },
  { 0.0,    TRUE,  1.0,  FALSE, JP_STATUS_BEHIND },
};

static void
test_classify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (classify_cases); i++)
    {
      const ClassifyCase *c = &classify_cases[i];

      g_test_message ("p=%g started=%d e=%g past_due=%d", c->p, c->started, c->expected, c->past_due);
      g_assert_cmpint (jp_status_classify (c->p, c->started, c->expected, c->past_due), ==, c->status);
    }
}

/* ------------------------------------------------------------------ */
/* Helpers building plans                                              */

static JpPlan *
new_plan (void)
{
  return jp_plan_new ("2023年工作要点", 2023);
}

/* A section in @plan with one item (borrowed). */
static JpItem *
add_item (JpPlan     *plan,
          int         number,
          const char *due)
{
  g_autoptr(JpSection) section = NULL;
  g_autoptr(JpItem) item = jp_item_new (number, "事项");
  GListModel *sections = jp_plan_get_sections (plan);

  if (g_list_model_get_n_items (sections) == 0)
    {
      section = jp_section_new ("一", "节");
      jp_plan_append_section (plan, section);
    }
  else
    section = g_list_model_get_item (sections, 0);

  jp_item_set_due (item, due);
  jp_section_append_item (section, item);
  return item;
}

static JpIndicator *
add_indicator (JpItem          *item,
               JpIndicatorKind  kind,
               double           target)
{
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("指标", kind, target);

  jp_item_append_indicator (item, indicator);
  return indicator;
}

static void
add_entry (JpIndicator *indicator,
           const char  *date,
           double       value)
{
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (date, value);

  jp_indicator_add_progress (indicator, entry);
}

static void
add_update (JpItem     *item,
            const char *date,
            gboolean    has_completion,
            double      completion)
{
  g_autoptr(JpItemUpdate) update = jp_item_update_new (date);

  jp_item_update_set_has_completion (update, has_completion);
  jp_item_update_set_completion (update, completion);
  jp_item_add_update (item, update);
}

/* ------------------------------------------------------------------ */
/* Indicators evaluated as of a date                                   */

/* The boundaries through real objects: start 2023-01-01, due 2023-04-11,
 * as-of 2023-02-25 gives e = 0.55. */
static void
test_indicator_boundaries (void)
{
  static const struct { double value; JpStatus status; } cases[] = {
    { 100,   JP_STATUS_DONE },
    { 45,    JP_STATUS_ON_TRACK },
    { 44.99, JP_STATUS_AT_RISK },
    { 30,    JP_STATUS_AT_RISK },
    { 29.99, JP_STATUS_BEHIND },
    { 0,     JP_STATUS_BEHIND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JpPlan) plan = new_plan ();
      JpItem *item = add_item (plan, 1, NULL);
      JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
      JpProgress progress;

      jp_indicator_set_due (indicator, "2023-04-11");
      add_entry (indicator, "2023-02-25", cases[i].value);
      jp_indicator_evaluate (indicator, "2023-02-25", &progress);

      g_test_message ("value %g", cases[i].value);
      g_assert_cmpfloat (progress.expected, ==, 0.55);
      g_assert_true (progress.started);
      g_assert_true (progress.has_value);
      g_assert_cmpfloat (progress.value, ==, cases[i].value);
      g_assert_cmpfloat_with_epsilon (progress.p, cases[i].value / 100, CMP_EPSILON);
      g_assert_cmpstr (progress.due, ==, "2023-04-11");
      g_assert_cmpint (progress.status, ==, cases[i].status);
    }
}

static void
test_indicator_as_of (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 90);
  JpProgress progress;

  add_entry (indicator, "2023-03-01", 45);
  add_entry (indicator, "2023-06-01", 90);

  /* Nothing recorded before the first entry: not started while nothing
   * is expected (e = 30 / 364 on 01-31), no report once something is
   * (e = 58 / 364 on 02-28). */
  jp_indicator_evaluate (indicator, "2023-01-31", &progress);
  g_assert_false (progress.started);
  g_assert_cmpint (progress.status, ==, JP_STATUS_NOT_STARTED);
  jp_indicator_evaluate (indicator, "2023-02-28", &progress);
  g_assert_false (progress.started);
  g_assert_false (progress.has_value);
  g_assert_cmpfloat (progress.p, ==, 0.0);
  g_assert_cmpfloat (progress.ratio, ==, 0.0);
  g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);

  /* The entry dated after as-of is ignored. */
  jp_indicator_evaluate (indicator, "2023-04-01", &progress);
  g_assert_true (progress.started);
  g_assert_cmpfloat (progress.value, ==, 45);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.5, CMP_EPSILON);
  g_assert_cmpstr (progress.due, ==, "2023-12-31");

  /* On the day of the entry, it counts. */
  jp_indicator_evaluate (indicator, "2023-06-01", &progress);
  g_assert_cmpfloat (progress.value, ==, 90);
  g_assert_cmpint (progress.status, ==, JP_STATUS_DONE);

  /* Past the plan end without reaching the target: overdue. */
  jp_indicator_set_target (indicator, 100);
  jp_indicator_evaluate (indicator, "2024-01-01", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);
  g_assert_cmpfloat (progress.expected, ==, 1.0);
}

static void
test_indicator_overdue_and_done (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgress progress;

  jp_indicator_set_due (indicator, "2023-03-31");
  add_entry (indicator, "2023-03-15", 50);

  jp_indicator_evaluate (indicator, "2023-03-30", &progress);
  g_assert_cmpint (progress.status, !=, JP_STATUS_OVERDUE); /* the day before due */
  jp_indicator_evaluate (indicator, "2023-03-31", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE); /* as-of equal to due: the deadline has come */
  jp_indicator_evaluate (indicator, "2023-04-01", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);

  /* Done even past due. */
  add_entry (indicator, "2023-04-10", 120);
  jp_indicator_evaluate (indicator, "2023-04-15", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_DONE);
  g_assert_cmpfloat_with_epsilon (progress.ratio, 1.2, CMP_EPSILON);
  g_assert_cmpfloat (progress.p, ==, 1.0);

  /* Not started and past due: overdue. */
  {
    JpIndicator *other = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 10);

    jp_indicator_set_due (other, "2023-03-31");
    jp_indicator_evaluate (other, "2023-04-15", &progress);
    g_assert_false (progress.started);
    g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);
  }
}

static void
test_indicator_range_exceeded (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_RANGE, 3);
  JpProgress progress;

  jp_indicator_set_has_target_max (indicator, TRUE);
  jp_indicator_set_target_max (indicator, 5);

  add_entry (indicator, "2023-03-01", 5);
  jp_indicator_evaluate (indicator, "2023-03-01", &progress);
  g_assert_false (progress.exceeded);
  g_assert_cmpint (progress.status, ==, JP_STATUS_DONE);

  add_entry (indicator, "2023-04-01", 6);
  jp_indicator_evaluate (indicator, "2023-04-01", &progress);
  g_assert_true (progress.exceeded);
  g_assert_cmpfloat_with_epsilon (progress.ratio, 2.0, CMP_EPSILON);
  g_assert_cmpfloat (progress.p, ==, 1.0);

  /* Without a maximum, never exceeded. */
  jp_indicator_set_has_target_max (indicator, FALSE);
  jp_indicator_evaluate (indicator, "2023-04-01", &progress);
  g_assert_false (progress.exceeded);

  /* Exceeded is for ranges only. */
  jp_indicator_set_has_target_max (indicator, TRUE);
  jp_indicator_set_kind (indicator, JP_INDICATOR_KIND_AT_LEAST);
  jp_indicator_evaluate (indicator, "2023-04-01", &progress);
  g_assert_false (progress.exceeded);
}

static void
test_indicator_baseline (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 22);
  JpProgress progress;

  add_entry (indicator, "2023-06-01", 21);

  jp_indicator_evaluate (indicator, "2023-06-01", &progress);
  g_assert_cmpfloat_with_epsilon (progress.ratio, 21.0 / 22.0, CMP_EPSILON);

  jp_indicator_set_has_baseline (indicator, TRUE);
  jp_indicator_set_baseline (indicator, 20);
  jp_indicator_evaluate (indicator, "2023-06-01", &progress);
  g_assert_cmpfloat_with_epsilon (progress.ratio, 0.5, CMP_EPSILON);

  /* Below the baseline: the raw ratio is negative, p is 0. */
  add_entry (indicator, "2023-07-01", 18);
  jp_indicator_evaluate (indicator, "2023-07-01", &progress);
  g_assert_cmpfloat_with_epsilon (progress.ratio, -1.0, CMP_EPSILON);
  g_assert_cmpfloat (progress.p, ==, 0.0);
  g_assert_true (progress.started);
}

static void
test_due_fallback (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 10);
  g_autoptr(JpIndicator) loose = jp_indicator_new ("x", JP_INDICATOR_KIND_AT_LEAST, 1);
  g_autoptr(JpItem) loose_item = jp_item_new (9, "x");
  JpProgress progress;

  /* Plan end. */
  g_assert_cmpstr (jp_indicator_get_effective_due (indicator), ==, "2023-12-31");
  g_assert_cmpstr (jp_item_get_effective_due (item), ==, "2023-12-31");
  jp_indicator_evaluate (indicator, "2023-06-01", &progress);
  g_assert_cmpstr (progress.due, ==, "2023-12-31");

  /* The plan end as it is now. */
  jp_plan_set_end (plan, "2023-11-30");
  g_assert_cmpstr (jp_indicator_get_effective_due (indicator), ==, "2023-11-30");

  /* The item's due. */
  jp_item_set_due (item, "2023-09-30");
  g_assert_cmpstr (jp_indicator_get_effective_due (indicator), ==, "2023-09-30");
  g_assert_cmpstr (jp_item_get_effective_due (item), ==, "2023-09-30");
  jp_indicator_evaluate (indicator, "2023-10-01", &progress);
  g_assert_cmpstr (progress.due, ==, "2023-09-30");
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);

  /* The indicator's own due. */
  jp_indicator_set_due (indicator, "2023-10-31");
  g_assert_cmpstr (jp_indicator_get_effective_due (indicator), ==, "2023-10-31");
  jp_indicator_evaluate (indicator, "2023-10-01", &progress);
  g_assert_cmpstr (progress.due, ==, "2023-10-31");
  g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);

  /* Outside a plan: nothing to fall back on. */
  g_assert_null (jp_indicator_get_effective_due (loose));
  g_assert_null (jp_item_get_effective_due (loose_item));
  jp_item_append_indicator (loose_item, loose);
  jp_item_set_due (loose_item, "2023-05-01");
  g_assert_cmpstr (jp_indicator_get_effective_due (loose), ==, "2023-05-01");
}

/* ------------------------------------------------------------------ */
/* Items                                                               */

#define NO_ENTRY (-1e9)

typedef struct
{
  const char *name;
  double      weights[3];
  double      values[3];  /* of at_least 100 indicators; NO_ENTRY: none */
  guint       n;
  double      p;
  gboolean    started;
} ItemCase;

static const ItemCase item_cases[] = {
  { "plain-mean",         { 1, 1, 0 },     { 50, 100, 0 },  2, 0.75, TRUE },
  { "weighted",           { 1, 3, 0 },     { 100, 20, 0 },  2, 0.4,  TRUE },
  { "weight-zero-out",    { 1, 0, 0 },     { 50, 100, 0 },  2, 0.5,  TRUE },
  { "all-weights-zero",   { 0, 0, 0 },     { 50, 100, 0 },  2, 0.75, TRUE },
  { "clamped-before-mean",{ 1, 1, 0 },     { 150, 50, 0 },  2, 0.75, TRUE },
  { "negative-clamped",   { 1, 1, 0 },     { -50, 50, 0 },  2, 0.25, TRUE },
  { "one-not-started",    { 1, 1, 1 },     { 90, NO_ENTRY, 30 },  3, 0.4,  TRUE },
  { "none-started",       { 1, 2, 0 },     { NO_ENTRY, NO_ENTRY, 0 },   2, 0.0,  FALSE },
  { "fractional-weights", { 0.5, 1.5, 0 }, { 100, 0, 0 },   2, 0.25, TRUE },
};

static void
test_item_aggregation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_cases); i++)
    {
      const ItemCase *c = &item_cases[i];
      g_autoptr(JpPlan) plan = new_plan ();
      JpItem *item = add_item (plan, 1, NULL);
      JpProgress progress;

      g_test_message ("%s", c->name);

      for (guint j = 0; j < c->n; j++)
        {
          JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);

          jp_indicator_set_weight (indicator, c->weights[j]);
          if (c->values[j] != NO_ENTRY)
            add_entry (indicator, "2023-05-01", c->values[j]);
        }

      jp_item_evaluate (item, "2023-06-01", &progress);
      g_assert_cmpfloat_with_epsilon (progress.p, c->p, CMP_EPSILON);
      g_assert_cmpfloat_with_epsilon (progress.ratio, c->p, CMP_EPSILON);
      g_assert_cmpint (progress.started, ==, c->started);
      g_assert_cmpstr (progress.due, ==, "2023-12-31");
    }
}

static void
test_item_status (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, "2023-04-11");
  JpIndicator *a = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpIndicator *b = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgress progress;

  /* Item due 2023-04-11: e = 0.55 on 2023-02-25; mean (60 + 30) / 2 = 0.45. */
  add_entry (a, "2023-02-01", 60);
  add_entry (b, "2023-02-01", 30);
  jp_item_evaluate (item, "2023-02-25", &progress);
  g_assert_cmpfloat (progress.expected, ==, 0.55);
  g_assert_cmpstr (progress.due, ==, "2023-04-11");
  g_assert_cmpint (progress.status, ==, JP_STATUS_ON_TRACK);

  add_entry (b, "2023-02-20", 0);
  jp_item_evaluate (item, "2023-02-25", &progress);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.30, CMP_EPSILON);
  g_assert_cmpint (progress.status, ==, JP_STATUS_AT_RISK);

  jp_item_evaluate (item, "2023-04-12", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);

  /* Started when one indicator has an entry on or before as-of; before
   * that, not started while e ≤ 0.10 (9 / 100 on 01-10), no report after
   * (30 / 100 on 01-31). */
  jp_item_evaluate (item, "2023-01-10", &progress);
  g_assert_false (progress.started);
  g_assert_cmpint (progress.status, ==, JP_STATUS_NOT_STARTED);
  jp_item_evaluate (item, "2023-01-31", &progress);
  g_assert_false (progress.started);
  g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);

  add_entry (a, "2023-05-01", 100);
  add_entry (b, "2023-05-01", 100);
  jp_item_evaluate (item, "2023-05-01", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_DONE);
}

static void
test_item_updates (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  static const struct { const char *as_of; double p; gboolean started; gboolean has_value; } cases[] = {
    { "2023-02-01", 0.0, FALSE, FALSE },
    { "2023-02-15", 0.0, TRUE,  FALSE }, /* an update without completion */
    { "2023-03-01", 0.3, TRUE,  TRUE },
    { "2023-05-15", 0.3, TRUE,  TRUE },  /* the note-only update keeps 30 */
    { "2023-06-01", 0.6, TRUE,  TRUE },
    { "2023-12-31", 1.0, TRUE,  TRUE },
  };

  add_update (item, "2023-06-01", TRUE, 60);
  add_update (item, "2023-03-01", TRUE, 30);
  add_update (item, "2023-05-01", FALSE, 0);
  add_update (item, "2023-02-10", FALSE, 0);
  add_update (item, "2023-12-01", TRUE, 100);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JpProgress progress;

      g_test_message ("%s", cases[i].as_of);
      jp_item_evaluate (item, cases[i].as_of, &progress);
      g_assert_cmpfloat_with_epsilon (progress.p, cases[i].p, CMP_EPSILON);
      g_assert_cmpint (progress.started, ==, cases[i].started);
      g_assert_cmpint (progress.has_value, ==, cases[i].has_value);
      if (cases[i].has_value)
        g_assert_cmpfloat_with_epsilon (progress.value, cases[i].p * 100, CMP_EPSILON);
    }

  /* Once an item has indicators, its updates no longer count. */
  {
    JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 10);
    JpProgress progress;

    add_entry (indicator, "2023-06-01", 2);
    jp_item_evaluate (item, "2023-06-01", &progress);
    g_assert_cmpfloat_with_epsilon (progress.p, 0.2, CMP_EPSILON);
  }
}

/* ------------------------------------------------------------------ */
/* Sections and plans                                                  */

static void
test_section_plan_mean (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  g_autoptr(JpSection) one = jp_section_new ("一", "一");
  g_autoptr(JpSection) two = jp_section_new ("二", "二");
  g_autoptr(JpSection) empty = jp_section_new ("三", "三");
  g_autoptr(JpItem) a = jp_item_new (1, "a");
  g_autoptr(JpItem) b = jp_item_new (2, "b");
  g_autoptr(JpItem) c = jp_item_new (3, "c");
  guint counts[JP_N_STATUSES];
  JpProgress progress;

  jp_plan_append_section (plan, one);
  jp_plan_append_section (plan, two);
  jp_plan_append_section (plan, empty);
  jp_section_append_item (one, a);
  jp_section_append_item (one, b);
  jp_section_append_item (two, c);

  add_entry (add_indicator (a, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-03-01", 50);
  add_entry (add_indicator (b, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-03-01", 150); /* p 1 */
  add_indicator (c, JP_INDICATOR_KIND_AT_LEAST, 100); /* not started */

  /* 2023-07-02: e = 182 / 364 = 0.5. */
  jp_section_evaluate (one, "2023-07-02", &progress);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.75, CMP_EPSILON);
  g_assert_cmpfloat_with_epsilon (progress.ratio, 0.75, CMP_EPSILON);
  g_assert_true (progress.started);
  g_assert_cmpstr (progress.due, ==, "2023-12-31");
  g_assert_cmpfloat (progress.expected, ==, 0.5);
  g_assert_cmpint (progress.status, ==, JP_STATUS_ON_TRACK);

  jp_section_evaluate (two, "2023-07-02", &progress);
  g_assert_cmpfloat (progress.p, ==, 0.0);
  g_assert_false (progress.started);
  g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);

  jp_section_evaluate (empty, "2023-07-02", &progress);
  g_assert_cmpfloat (progress.p, ==, 0.0);
  g_assert_false (progress.started);

  /* The plan: mean of its items (0.5 + 1 + 0) / 3, not of the sections. */
  jp_plan_evaluate (plan, "2023-07-02", &progress);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.5, CMP_EPSILON);
  g_assert_true (progress.started);
  g_assert_cmpint (progress.status, ==, JP_STATUS_ON_TRACK);

  /* The day before the end: 0.5 is behind; at the end: overdue. */
  jp_plan_evaluate (plan, "2023-12-30", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_BEHIND);
  jp_plan_evaluate (plan, "2023-12-31", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);
  jp_plan_evaluate (plan, "2024-01-01", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_OVERDUE);

  /* The section's due is the plan end, whatever its items' dues. */
  jp_item_set_due (a, "2023-03-31");
  jp_section_evaluate (one, "2023-07-02", &progress);
  g_assert_cmpstr (progress.due, ==, "2023-12-31");

  jp_plan_count_item_statuses (plan, "2023-07-02", counts);
  g_assert_cmpuint (counts[JP_STATUS_OVERDUE], ==, 1);     /* a, past its due */
  g_assert_cmpuint (counts[JP_STATUS_DONE], ==, 1);        /* b */
  g_assert_cmpuint (counts[JP_STATUS_NO_REPORT], ==, 1);   /* c, silent while half is expected */
  g_assert_cmpuint (counts[JP_STATUS_NOT_STARTED], ==, 0);
  g_assert_cmpuint (counts[JP_STATUS_ON_TRACK], ==, 0);
  g_assert_cmpuint (counts[JP_STATUS_AT_RISK], ==, 0);
  g_assert_cmpuint (counts[JP_STATUS_BEHIND], ==, 0);
}

static void
test_default_as_of (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("old", 2000);
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 10);
  g_autofree char *as_of = jp_plan_dup_default_as_of (plan);
  JpProgress progress;

  g_assert_cmpstr (as_of, ==, "2000-12-31");

  /* NULL as-of: the plan end here, so the entry of 2001 does not count. */
  add_entry (indicator, "2000-06-01", 4);
  add_entry (indicator, "2001-01-10", 10);
  jp_indicator_evaluate (indicator, NULL, &progress);
  g_assert_cmpfloat (progress.value, ==, 4);
  jp_item_evaluate (item, NULL, &progress);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.4, CMP_EPSILON);
}

/* ------------------------------------------------------------------ */
/* Expected-progress curves                                            */

typedef struct
{
  const char *curve;
  const char *due;
  const char *as_of;
  double      expected;
} CurveCase;

/* Plan 2023-01-01 … due; whole days. */
static const CurveCase curve_cases[] = {
  /* linear, the default (NULL and "" too) */
  { NULL,         "2023-12-31", "2023-07-02", 182.0 / 364 },
  { "",           "2023-12-31", "2023-07-02", 182.0 / 364 },
  { "linear",     "2023-12-31", "2023-01-01", 0.0 },
  { "linear",     "2023-12-31", "2023-12-31", 1.0 },
  /* quarterly: steps at the quarter ends, the last at due */
  { "quarterly",  "2023-12-31", "2023-03-30", 0.0 },
  { "quarterly",  "2023-12-31", "2023-03-31", 0.25 },   /* at a checkpoint */
  { "quarterly",  "2023-12-31", "2023-05-15", 0.25 },   /* between */
  { "quarterly",  "2023-12-31", "2023-06-30", 0.50 },
  { "quarterly",  "2023-12-31", "2023-09-30", 0.75 },
  { "quarterly",  "2023-12-31", "2023-12-30", 0.75 },
  { "quarterly",  "2023-12-31", "2023-12-31", 1.0 },
  { "quarterly",  "2023-06-30", "2023-03-31", 0.5 },    /* due mid-year: two steps */
  /* terms: half when the spring term ends, all at due */
  { "terms",      "2023-12-31", "2023-07-14", 0.0 },
  { "terms",      "2023-12-31", "2023-07-15", 0.5 },
  { "terms:06-30","2023-12-31", "2023-06-30", 0.5 },
  { "terms",      "2023-12-31", "2023-12-31", 1.0 },
  /* due-date only: a milestone */
  { "due",        "2023-09-30", "2023-09-29", 0.0 },
  { "due",        "2023-09-30", "2023-09-30", 1.0 },
  /* custom checkpoints, linear between them and on to 100% at due */
  { "custom:2023-03-31=20,2023-06-30=50", "2023-12-31", "2023-03-31", 0.20 },
  { "custom:2023-03-31=20,2023-06-30=50", "2023-12-31", "2023-06-30", 0.50 },
  { "custom:2023-03-31=20,2023-06-30=50", "2023-12-31", "2023-05-15", 0.20 + 0.30 * 45 / 91 },
  { "custom:2023-03-31=20,2023-06-30=50", "2023-12-31", "2023-02-15", 0.20 * 45 / 89 },
  { "custom:2023-03-31=20,2023-06-30=50", "2023-12-31", "2023-12-31", 1.0 },
  { "custom:2023-03-31=20,2023-06-30=100", "2023-12-31", "2023-09-30", 1.0 },
};

static void
test_curves (void)
{
  static const char * const bad[] = {
    "weekly", "terms:13-01", "terms:7-15", "custom:", "custom:2023-06-30",
    "custom:2023-06-31=10", "custom:2023-06-30=101", "custom:2023-06-30=-1",
    "custom:2023-06-30=50,2023-03-31=60", "custom:2023-03-31=60,2023-06-30=50",
  };

  for (guint i = 0; i < G_N_ELEMENTS (curve_cases); i++)
    {
      const CurveCase *c = &curve_cases[i];

      g_test_message ("%s due %s as of %s", c->curve, c->due, c->as_of);
      g_assert_true (jp_curve_validate (c->curve, NULL));
      g_assert_cmpfloat_with_epsilon (jp_curve_expected (c->curve, "2023-01-01", c->due, c->as_of),
                                      c->expected, CMP_EPSILON);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (jp_curve_validate (bad[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }

  g_assert_cmpint (jp_curve_get_kind ("terms:07-01"), ==, JP_CURVE_TERMS);
  g_assert_cmpint (jp_curve_get_kind (NULL), ==, JP_CURVE_LINEAR);
}

/* The curve in force: the indicator's, else its item's, else the plan's;
 * the status follows it. */
static void
test_curve_inheritance (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgress progress;

  add_entry (indicator, "2023-06-01", 10);

  /* Linear at 06-30: e = 180 / 364, 10% is behind. */
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (progress.expected, 180.0 / 364, CMP_EPSILON);
  g_assert_cmpint (progress.status, ==, JP_STATUS_BEHIND);

  /* A milestone plan: nothing expected before due, 10% is on track. */
  jp_plan_set_curve (plan, "due");
  g_assert_cmpstr (jp_indicator_get_effective_curve (indicator), ==, "due");
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_cmpfloat (progress.expected, ==, 0.0);
  g_assert_cmpint (progress.status, ==, JP_STATUS_ON_TRACK);

  /* The item's curve wins over the plan's. */
  jp_item_set_curve (item, "quarterly");
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_cmpfloat (progress.expected, ==, 0.5);
  g_assert_cmpint (progress.status, ==, JP_STATUS_BEHIND);

  /* And the indicator's over both. */
  jp_indicator_set_curve (indicator, "custom:2023-06-30=15");
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (progress.expected, 0.15, CMP_EPSILON);
  g_assert_cmpint (progress.status, ==, JP_STATUS_ON_TRACK);

  /* The item takes its indicators' e. */
  jp_item_evaluate (item, "2023-06-30", &progress);
  g_assert_cmpfloat_with_epsilon (progress.expected, 0.15, CMP_EPSILON);

  /* Silence under a curve that expects nothing yet is not started. */
  {
    JpIndicator *other = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 5);

    jp_indicator_set_curve (other, "due");
    jp_indicator_evaluate (other, "2023-06-30", &progress);
    g_assert_cmpint (progress.status, ==, JP_STATUS_NOT_STARTED);
    jp_indicator_set_curve (other, "quarterly");
    jp_indicator_evaluate (other, "2023-06-30", &progress);
    g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);
  }
}

/* ------------------------------------------------------------------ */
/* Reporting cycles and flags                                          */

typedef struct
{
  const char *cycle;
  const char *as_of;
  const char *deadline;      /* NULL: none yet */
  const char *period_start;
} CycleCase;

static const CycleCase cycle_cases[] = {
  { "monthly:25",   "2023-01-24", NULL,         NULL },
  { "monthly:25",   "2023-01-25", "2023-01-25", "2023-01-01" },  /* the deadline day itself */
  { "monthly:25",   "2023-06-30", "2023-06-25", "2023-06-01" },
  { "monthly:31",   "2023-02-28", "2023-02-28", "2023-02-01" },  /* clamped to the month */
  { "monthly:+5",   "2023-02-05", "2023-02-05", "2023-01-01" },  /* 5 days after January */
  { "monthly:+5",   "2023-02-04", NULL,         NULL },
  { "quarterly:+5", "2023-04-04", NULL,         NULL },
  { "quarterly:+5", "2023-04-05", "2023-04-05", "2023-01-01" },
  { "quarterly:+5", "2023-12-31", "2023-10-05", "2023-07-01" },
  { "quarterly:20", "2023-06-20", "2023-06-20", "2023-04-01" },
  { "",             "2023-06-30", NULL,         NULL },
};

static void
test_cycles (void)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);
  static const char * const bad[] = { "weekly:1", "monthly:0", "monthly:32", "monthly:+61",
                                      "quarterly:x", "monthly:" };

  for (guint i = 0; i < G_N_ELEMENTS (cycle_cases); i++)
    {
      const CycleCase *c = &cycle_cases[i];
      char deadline[11], start[11];
      gboolean found;

      g_test_message ("%s as of %s", c->cycle, c->as_of);
      g_assert_true (jp_cycle_validate (c->cycle, NULL));
      found = jp_cycle_last_deadline (c->cycle, "2023-01-01", c->as_of, deadline, start);
      g_assert_cmpint (found, ==, c->deadline != NULL);
      if (found)
        {
          g_assert_cmpstr (deadline, ==, c->deadline);
          g_assert_cmpstr (start, ==, c->period_start);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (jp_cycle_validate (bad[i], NULL));

  /* Six monthly deadlines passed by 2023-06-30. */
  g_assert_cmpuint (jp_cycle_list_deadlines ("monthly:25", "2023-01-01", "2023-06-30", periods), ==, 6);
  g_assert_cmpuint (periods->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index (periods, 10), ==, "2023-06-01");
  g_assert_cmpstr (g_ptr_array_index (periods, 11), ==, "2023-06-25");
}

/* 逾期未报送: nothing dated in the period of the last deadline. */
static void
test_late_report (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpItem *plain = add_item (plan, 2, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgress progress;

  add_entry (indicator, "2023-05-20", 40);

  /* No cycle: never late. */
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_false (progress.late_report);

  jp_plan_set_report_cycle (plan, "monthly:25");
  /* May's report was in May; June's deadline (06-25) has passed without one. */
  jp_indicator_evaluate (indicator, "2023-06-24", &progress);
  g_assert_false (progress.late_report);
  jp_indicator_evaluate (indicator, "2023-06-25", &progress);
  g_assert_true (progress.late_report);
  jp_item_evaluate (item, "2023-06-25", &progress);
  g_assert_true (progress.late_report);

  /* A June entry clears it. */
  add_entry (indicator, "2023-06-10", 50);
  jp_indicator_evaluate (indicator, "2023-06-30", &progress);
  g_assert_false (progress.late_report);

  /* Nothing ever recorded, before the first deadline: not late yet. */
  jp_item_evaluate (plain, "2023-01-20", &progress);
  g_assert_false (progress.late_report);
  jp_item_evaluate (plain, "2023-01-25", &progress);
  g_assert_true (progress.late_report);
  /* An item without indicators reports with its updates. */
  add_update (plain, "2023-06-05", TRUE, 50);
  jp_item_evaluate (plain, "2023-06-30", &progress);
  g_assert_false (progress.late_report);

  /* What is done needs no more reports. */
  add_entry (indicator, "2023-07-01", 100);
  jp_indicator_evaluate (indicator, "2023-08-30", &progress);
  g_assert_cmpint (progress.status, ==, JP_STATUS_DONE);
  g_assert_false (progress.late_report);
}

/* An item's own report beside its targets: shown, flagged over 20 points. */
static void
test_self_report (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item = add_item (plan, 1, NULL);
  JpIndicator *indicator = add_indicator (item, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgress progress;

  add_entry (indicator, "2023-06-01", 26);
  jp_item_evaluate (item, "2023-06-30", &progress);
  g_assert_false (progress.has_self_report);
  g_assert_false (progress.self_report_differs);

  add_update (item, "2023-06-20", TRUE, 46); /* 20 points: not flagged */
  jp_item_evaluate (item, "2023-06-30", &progress);
  g_assert_true (progress.has_self_report);
  g_assert_cmpfloat_with_epsilon (progress.self_report, 0.46, CMP_EPSILON);
  g_assert_false (progress.self_report_differs);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.26, CMP_EPSILON); /* never replaces p */

  add_update (item, "2023-06-25", TRUE, 60); /* "自报 60%，指标 26%" */
  jp_item_evaluate (item, "2023-06-30", &progress);
  g_assert_true (progress.self_report_differs);
  g_assert_cmpfloat_with_epsilon (progress.p, 0.26, CMP_EPSILON);

  /* An update after as-of does not count. */
  jp_item_evaluate (item, "2023-06-21", &progress);
  g_assert_false (progress.self_report_differs);

  /* An update alone starts an item: no longer "no report". */
  {
    JpItem *other = add_item (plan, 2, NULL);

    add_indicator (other, JP_INDICATOR_KIND_AT_LEAST, 10);
    jp_item_evaluate (other, "2023-06-30", &progress);
    g_assert_cmpint (progress.status, ==, JP_STATUS_NO_REPORT);
    add_update (other, "2023-06-01", FALSE, 0);
    jp_item_evaluate (other, "2023-06-30", &progress);
    g_assert_true (progress.started);
    g_assert_cmpint (progress.status, ==, JP_STATUS_BEHIND);
  }
}

/* The attention list: overdue, no report, behind, at risk; by severity,
 * then by gap; nothing else. A selection's figures are its items' means. */
static void
test_attention (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *on_track = add_item (plan, 1, NULL);
  JpItem *behind_far = add_item (plan, 2, NULL);
  JpItem *overdue = add_item (plan, 3, "2023-05-31");
  JpItem *silent = add_item (plan, 4, NULL);
  JpItem *at_risk = add_item (plan, 5, NULL);
  JpItem *behind_near = add_item (plan, 6, NULL);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) attention = NULL;
  g_autoptr(GPtrArray) two = g_ptr_array_new ();
  guint counts[JP_N_STATUSES];
  JpProgress progress, a, b;

  /* 2023-07-02: e = 0.5. */
  add_entry (add_indicator (on_track, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-06-01", 50);
  add_entry (add_indicator (behind_far, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-06-01", 5);
  add_entry (add_indicator (overdue, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-05-01", 90);
  add_indicator (silent, JP_INDICATOR_KIND_AT_LEAST, 100);
  add_entry (add_indicator (at_risk, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-06-01", 30);
  add_entry (add_indicator (behind_near, JP_INDICATOR_KIND_AT_LEAST, 100), "2023-06-01", 20);

  attention = jp_items_dup_attention (items, "2023-07-02");
  g_assert_cmpuint (attention->len, ==, 5);
  g_assert_true (g_ptr_array_index (attention, 0) == overdue);
  g_assert_true (g_ptr_array_index (attention, 1) == silent);
  g_assert_true (g_ptr_array_index (attention, 2) == behind_far);
  g_assert_true (g_ptr_array_index (attention, 3) == behind_near);
  g_assert_true (g_ptr_array_index (attention, 4) == at_risk);

  g_assert_cmpuint (jp_status_get_severity (JP_STATUS_OVERDUE), >, jp_status_get_severity (JP_STATUS_NO_REPORT));
  g_assert_false (jp_status_needs_attention (JP_STATUS_NOT_STARTED));
  g_assert_false (jp_status_needs_attention (JP_STATUS_DONE));

  jp_items_count_statuses (items, "2023-07-02", counts);
  g_assert_cmpuint (counts[JP_STATUS_BEHIND], ==, 2);
  g_assert_cmpuint (counts[JP_STATUS_NO_REPORT], ==, 1);

  /* A selection of two: the means of those two. */
  g_ptr_array_add (two, on_track);
  g_ptr_array_add (two, behind_far);
  jp_items_evaluate (plan, two, "2023-07-02", &progress);
  jp_item_evaluate (on_track, "2023-07-02", &a);
  jp_item_evaluate (behind_far, "2023-07-02", &b);
  g_assert_cmpfloat_with_epsilon (progress.p, (a.p + b.p) / 2, CMP_EPSILON);
  g_assert_cmpfloat_with_epsilon (progress.expected, (a.expected + b.expected) / 2, CMP_EPSILON);
  g_assert_cmpint (progress.status, ==, JP_STATUS_AT_RISK); /* 0.275 against 0.5 */
}

/* ------------------------------------------------------------------ */
/* Names, labels, colours                                              */

static void
test_nicks (void)
{
  g_autoptr(GEnumClass) status_class = g_type_class_ref (JP_TYPE_STATUS);
  g_autoptr(GEnumClass) kind_class = g_type_class_ref (JP_TYPE_INDICATOR_KIND);
  JpStatus status;
  JpIndicatorKind kind;

  for (guint i = 0; i < JP_N_STATUSES; i++)
    {
      GEnumValue *value = g_enum_get_value (status_class, (int) i);

      g_assert_nonnull (value);
      g_assert_cmpstr (jp_status_to_nick (i), ==, value->value_nick);
      g_assert_true (jp_status_from_nick (value->value_nick, &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (jp_status_get_label (i));
      g_assert_cmpstr (jp_status_get_label (i), !=, "");
      g_assert_nonnull (jp_status_get_symbol (i));

      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpstr (jp_status_get_label (i), !=, jp_status_get_label (j));
          g_assert_cmpstr (jp_status_get_symbol (i), !=, jp_status_get_symbol (j));
        }
    }

  for (guint i = 0; i <= JP_INDICATOR_KIND_MILESTONE; i++)
    {
      GEnumValue *value = g_enum_get_value (kind_class, (int) i);

      g_assert_nonnull (value);
      g_assert_cmpstr (jp_indicator_kind_to_nick (i), ==, value->value_nick);
      g_assert_true (jp_indicator_kind_from_nick (value->value_nick, &kind));
      g_assert_cmpint (kind, ==, i);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (jp_indicator_kind_get_label (i), !=, jp_indicator_kind_get_label (j));
    }

  g_assert_false (jp_status_from_nick ("green", &status));
  g_assert_false (jp_status_from_nick (NULL, &status));
  g_assert_false (jp_indicator_kind_from_nick ("at-least", &kind));
  g_assert_cmpstr (jp_status_get_label (JP_STATUS_ON_TRACK), ==, "On track");
  g_assert_cmpstr (jp_status_get_label (JP_STATUS_BEHIND), ==, "Behind");
  g_assert_cmpstr (jp_indicator_kind_get_label (JP_INDICATOR_KIND_DECREASE_BY), ==, "Decrease by");
  g_assert_cmpstr (jp_status_get_symbol (JP_STATUS_DONE), ==, "✓");
  g_assert_cmpstr (jp_status_get_symbol (JP_STATUS_NOT_STARTED), ==, "○");
}

static void
test_colours (void)
{
  static const struct { JpStatus status; guint32 rgb; } cases[] = {
    { JP_STATUS_DONE,        0x0072B2 },
    { JP_STATUS_ON_TRACK,    0x009E73 },
    { JP_STATUS_AT_RISK,     0xE69F00 },
    { JP_STATUS_BEHIND,      0xD55E00 },
    { JP_STATUS_OVERDUE,     0xA3001B },
    { JP_STATUS_NOT_STARTED, 0x8C8C8C },
    { JP_STATUS_NO_REPORT,   0xC0186A },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double r, g, b;

      jp_status_get_rgb (cases[i].status, &r, &g, &b);
      g_assert_cmpint ((int) round (r * 255), ==, (cases[i].rgb >> 16) & 0xff);
      g_assert_cmpint ((int) round (g * 255), ==, (cases[i].rgb >> 8) & 0xff);
      g_assert_cmpint ((int) round (b * 255), ==, cases[i].rgb & 0xff);
    }
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */

static void
test_format_number (void)
{
  static const struct { double value; gboolean group; const char *text; } cases[] = {
    { 90,         FALSE, "90" },
    { 0,          FALSE, "0" },
    { -0.001,     FALSE, "0" },
    { 0.5,        FALSE, "0.5" },
    { 4.7,        FALSE, "4.7" },
    { 4.7000000000000002, TRUE, "4.7" },
    { 0.25,       FALSE, "0.25" },
    { 2.999,      FALSE, "3" },
    { 1.10,       FALSE, "1.1" },
    { 2900,       TRUE,  "2,900" },
    { 2900,       FALSE, "2900" },
    { 999,        TRUE,  "999" },
    { 1000,       TRUE,  "1,000" },
    { 100000,     TRUE,  "100,000" },
    { 1234567.5,  TRUE,  "1,234,567.5" },
    { -1234,      TRUE,  "-1,234" },
    { -0.5,       TRUE,  "-0.5" },
    { 72.00000000000001, FALSE, "72" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jp_format_number (cases[i].value, cases[i].group);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_percent (void)
{
  static const struct { double ratio; const char *text; } cases[] = {
    { 0.72,  "72%" },
    { 0.005, "0.5%" },
    { 1.25,  "125%" },
    { 0,     "0%" },
    { 1,     "100%" },
    { 0.333333, "33.33%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jp_format_percent (cases[i].ratio);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* The short form of cells and chart bars, and the one number both
   * forms give for the figures they share. */
  {
    static const struct { double ratio; const char *text; } shorts[] = {
      { 0.4167, "42%" },
      { 0.047,  "4.7%" },
      { 0.0004, "0.04%" },   /* something is not 0% */
      { 0,      "0%" },
      { 1.2,    "120%" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (shorts); i++)
      {
        g_autofree char *text = jp_format_percent_short (shorts[i].ratio);

        g_assert_cmpstr (text, ==, shorts[i].text);
      }
    g_assert_cmpfloat (jp_round_percent (0.0147), ==, 1.47);
  }
}

static void
test_format_target (void)
{
  static const struct
  {
    JpIndicatorKind kind;
    double          target;
    gboolean        has_max;
    double          max;
    const char     *unit;
    const char     *text;
  } cases[] = {
    { JP_INDICATOR_KIND_AT_LEAST,    90,   FALSE, 0, "%",        "≥ 90%" },
    { JP_INDICATOR_KIND_AT_LEAST,    630,  FALSE, 0, "个",       "≥ 630 个" },
    { JP_INDICATOR_KIND_AT_LEAST,    2900, FALSE, 0, "人次",     "≥ 2,900 人次" },
    { JP_INDICATOR_KIND_AT_LEAST,    4.7,  FALSE, 0, "亿元",     "≥ 4.7 亿元" },
    { JP_INDICATOR_KIND_AT_LEAST,    50,   FALSE, 0, "",         "≥ 50" },
    { JP_INDICATOR_KIND_AT_MOST,     5,    FALSE, 0, "%",        "≤ 5%" },
    { JP_INDICATOR_KIND_RANGE,       3,    TRUE,  5, "所",       "3–5 所" },
    { JP_INDICATOR_KIND_RANGE,       3,    TRUE,  5, "%",        "3–5%" },
    { JP_INDICATOR_KIND_RANGE,       3,    FALSE, 0, "所",       "≥ 3 所" },
    { JP_INDICATOR_KIND_DECREASE_BY, 0.5,  FALSE, 0, "%",        "Decrease by 0.5%" },
    { JP_INDICATOR_KIND_INCREASE_BY, 3,    FALSE, 0, "个百分点", "Increase by 3 个百分点" },
    { JP_INDICATOR_KIND_MILESTONE,   1,    FALSE, 0, "",         "Milestone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JpIndicator) indicator = jp_indicator_new ("x", cases[i].kind, cases[i].target);
      g_autofree char *text = NULL;

      jp_indicator_set_has_target_max (indicator, cases[i].has_max);
      jp_indicator_set_target_max (indicator, cases[i].max);
      jp_indicator_set_unit (indicator, cases[i].unit);
      text = jp_indicator_format_target (indicator);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The zh_CN words of the supervision practice, from the build's catalogue. */
static void
test_labels_zh_cn (void)
{
  static const struct { JpIndicatorKind kind; double target; double max; const char *unit; const char *text; } targets[] = {
    { JP_INDICATOR_KIND_DECREASE_BY, 0.5, 0, "%",        "下降 0.5%" },
    { JP_INDICATOR_KIND_INCREASE_BY, 3,   0, "个百分点", "提高 3 个百分点" },
    { JP_INDICATOR_KIND_MILESTONE,   1,   0, "",         "里程碑" },
    { JP_INDICATOR_KIND_RANGE,       3,   5, "所",       "3–5 所" },
    { JP_INDICATOR_KIND_AT_LEAST,    630, 0, "个",       "≥ 630 个" },
  };
  static const char * const statuses[JP_N_STATUSES] = {
    [JP_STATUS_NOT_STARTED] = "未开始",
    [JP_STATUS_ON_TRACK]    = "正常推进",
    [JP_STATUS_AT_RISK]     = "存在风险",
    [JP_STATUS_BEHIND]      = "进度滞后",
    [JP_STATUS_OVERDUE]     = "已逾期",
    [JP_STATUS_DONE]        = "已完成",
    [JP_STATUS_NO_REPORT]   = "未填报",
  };
  static const char * const kinds[] = { "不低于", "不超过", "区间", "下降", "提高", "里程碑" };
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  /* Built with the project (po/); its absence is a build failure. */
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (guint i = 0; i < JP_N_STATUSES; i++)
    g_assert_cmpstr (jp_status_get_label (i), ==, statuses[i]);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (jp_indicator_kind_get_label (i), ==, kinds[i]);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(JpIndicator) indicator = jp_indicator_new ("x", targets[i].kind, targets[i].target);
      g_autofree char *text = NULL;

      jp_indicator_set_has_target_max (indicator, targets[i].max > 0);
      jp_indicator_set_target_max (indicator, targets[i].max);
      jp_indicator_set_unit (indicator, targets[i].unit);
      text = jp_indicator_format_target (indicator);
      g_assert_cmpstr (text, ==, targets[i].text);
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_assert_cmpstr (jp_status_get_label (JP_STATUS_DONE), ==, "Done");
}

/* ------------------------------------------------------------------ */
/* Reporting per unit (应报 / 已报 / 未报 / 逾期)                         */

/* Finds the row of unit @name, or NULL. */
static const JpReportingRow *
find_reporting_row (GPtrArray  *rows,
                    const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const JpReportingRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (jp_unit_get_name (row->unit), name) == 0)
        return row;
    }

  return NULL;
}

static void
assert_reporting_row (GPtrArray  *rows,
                      const char *name,
                      guint       n_due,
                      guint       n_done,
                      guint       n_missing,
                      guint       n_late)
{
  const JpReportingRow *row = find_reporting_row (rows, name);

  g_test_message ("unit %s", name);
  if (row == NULL)
    g_error ("No reporting row for %s", name);
  g_assert_cmpuint (row->n_due, ==, n_due);
  g_assert_cmpuint (row->n_done, ==, n_done);
  g_assert_cmpuint (row->n_missing, ==, n_missing);
  g_assert_cmpuint (row->n_late, ==, n_late);
}

/* Monthly, 5 days after the month ends: January's report is due
 * 02-05 and counts from 01-01, February's is due 03-05 from 02-01 …
 *   item 1 (unit 教育科): a: 01-20, 02-20; b: 04-01
 *   item 2 (教育科, 督导室): c: nothing
 *   item 3 (体卫艺科): no indicators, only an update
 * Unit 财务科 has no items. */
static void
test_reporting_per_unit (void)
{
  g_autoptr(JpPlan) plan = new_plan ();
  JpItem *item1 = add_item (plan, 1, NULL);
  JpItem *item2 = add_item (plan, 2, NULL);
  JpItem *item3 = add_item (plan, 3, NULL);
  JpIndicator *a = add_indicator (item1, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpIndicator *b = add_indicator (item1, JP_INDICATOR_KIND_AT_LEAST, 100);
  JpUnit *office = jp_plan_ensure_unit (plan, "教育科");
  JpUnit *inspection = jp_plan_ensure_unit (plan, "督导室");
  JpUnit *sports = jp_plan_ensure_unit (plan, "体卫艺科");
  JpUnit *both[] = { office, inspection };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) only_item1 = g_ptr_array_new ();

  jp_plan_ensure_unit (plan, "财务科");
  add_indicator (item2, JP_INDICATOR_KIND_AT_LEAST, 100);
  add_entry (a, "2023-01-20", 10);
  add_entry (a, "2023-02-20", 20);
  add_entry (b, "2023-04-01", 30);
  add_update (item3, "2023-03-10", TRUE, 30);
  jp_item_set_units (item1, &office, 1);
  jp_item_set_units (item2, both, 2);
  jp_item_set_units (item3, &sports, 1);

  /* No cycle: no table. */
  rows = jp_items_dup_reporting (plan, NULL, "2023-04-10");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  jp_plan_set_report_cycle (plan, "monthly:+5");

  /* 04-10: three deadlines passed (02-05, 03-05, 04-05). a reported in
   * January and February, b in March, c never; a and c have nothing
   * since March began: late. Only units with indicators, in order. */
  rows = jp_items_dup_reporting (plan, NULL, "2023-04-10");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (((JpReportingRow *) g_ptr_array_index (rows, 0))->unit == office);
  g_assert_true (((JpReportingRow *) g_ptr_array_index (rows, 1))->unit == inspection);
  g_assert_cmpuint (((JpReportingRow *) g_ptr_array_index (rows, 0))->n_indicators, ==, 3);
  assert_reporting_row (rows, "教育科", 9, 3, 6, 2);
  assert_reporting_row (rows, "督导室", 3, 0, 3, 1);
  g_assert_null (find_reporting_row (rows, "体卫艺科"));
  g_assert_null (find_reporting_row (rows, "财务科"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The deadline day itself counts as passed. */
  rows = jp_items_dup_reporting (plan, NULL, "2023-04-05");
  assert_reporting_row (rows, "教育科", 9, 3, 6, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The day before: March is not due yet, b's entry counts for nothing
   * due; a's February entry is in the period that closed 03-05. */
  rows = jp_items_dup_reporting (plan, NULL, "2023-04-04");
  /* Late as of the last deadline passed (03-05, for February): only c. */
  assert_reporting_row (rows, "教育科", 6, 2, 4, 1);
  assert_reporting_row (rows, "督导室", 2, 0, 2, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Before the first deadline: nothing due, nobody late. */
  rows = jp_items_dup_reporting (plan, NULL, "2023-02-04");
  assert_reporting_row (rows, "教育科", 0, 0, 0, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A selection (a leader's items): only what it holds. */
  g_ptr_array_add (only_item1, item1);
  rows = jp_items_dup_reporting (plan, only_item1, "2023-04-10");
  g_assert_cmpuint (rows->len, ==, 1);
  assert_reporting_row (rows, "教育科", 6, 3, 3, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* By a day of the month: March's report due 03-25 counts from 03-01;
   * an entry after the deadline does not count for that period. */
  jp_plan_set_report_cycle (plan, "monthly:25");
  add_entry (b, "2023-03-26", 25);
  rows = jp_items_dup_reporting (plan, only_item1, "2023-03-31");
  /* Deadlines 01-25, 02-25, 03-25; a: January (01-20), February (02-20);
   * b: none (03-26 is after 03-25). */
  assert_reporting_row (rows, "教育科", 6, 2, 4, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/status/ratio", test_ratio);
  g_test_add_func ("/jp/status/expected", test_expected);
  g_test_add_func ("/jp/status/classify", test_classify);
  g_test_add_func ("/jp/status/indicator-boundaries", test_indicator_boundaries);
  g_test_add_func ("/jp/status/indicator-as-of", test_indicator_as_of);
  g_test_add_func ("/jp/status/indicator-overdue-done", test_indicator_overdue_and_done);
  g_test_add_func ("/jp/status/indicator-range-exceeded", test_indicator_range_exceeded);
  g_test_add_func ("/jp/status/indicator-baseline", test_indicator_baseline);
  g_test_add_func ("/jp/status/due-fallback", test_due_fallback);
  g_test_add_func ("/jp/status/item-aggregation", test_item_aggregation);
  g_test_add_func ("/jp/status/item-status", test_item_status);
  g_test_add_func ("/jp/status/item-updates", test_item_updates);
  g_test_add_func ("/jp/status/section-plan-mean", test_section_plan_mean);
  g_test_add_func ("/jp/status/default-as-of", test_default_as_of);
  g_test_add_func ("/jp/status/curves", test_curves);
  g_test_add_func ("/jp/status/curve-inheritance", test_curve_inheritance);
  g_test_add_func ("/jp/status/cycles", test_cycles);
  g_test_add_func ("/jp/status/late-report", test_late_report);
  g_test_add_func ("/jp/status/self-report", test_self_report);
  g_test_add_func ("/jp/status/attention", test_attention);
  g_test_add_func ("/jp/status/nicks-labels", test_nicks);
  g_test_add_func ("/jp/status/colours", test_colours);
  g_test_add_func ("/jp/status/format-number", test_format_number);
  g_test_add_func ("/jp/status/format-percent", test_format_percent);
  g_test_add_func ("/jp/status/format-target", test_format_target);
  g_test_add_func ("/jp/status/labels-zh-cn", test_labels_zh_cn);

  g_test_add_func ("/jp/status/reporting-per-unit", test_reporting_per_unit);

  return g_test_run ();
}
