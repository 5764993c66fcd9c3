#pragma once

#include <glib-object.h>

#include "jp-enums.h"
#include "jp-types.h"

G_BEGIN_DECLS

/* The progress and status rules of docs/status-rules.md, in one place. Everything that
 * shows progress or a status (window, charts, reports, CSV) calls these. */

typedef struct
{
  double   ratio;    /* raw ratio, may exceed 1 (what people read) */
  double   p;        /* ratio clamped to [0, 1] */
  double   expected; /* e: from the curve, at as-of */
  gboolean started;  /* an entry (or update) on or before as-of */
  gboolean exceeded; /* range: value above target_max */
  gboolean has_value;
  double   value;    /* the value used (latest entry on or before as-of) */
  const char *due;   /* the due date used (borrowed) */
  JpStatus status;
  /* Flags shown beside any status. */
  gboolean late_report;         /* 逾期未报送: nothing since the last deadline */
  gboolean has_self_report;     /* items: the latest update gives a completion */
  double   self_report;         /* that completion, 0–1 */
  gboolean self_report_differs; /* it differs from p by more than 20 points */
} JpProgress;

/* Raw ratio for a value, without clamping (docs/status-rules.md "Progress p"). */
double       jp_progress_ratio            (JpIndicatorKind  kind,
                                           double           target,
                                           gboolean         has_baseline,
                                           double           baseline,
                                           double           value);
/* e of the linear curve, in whole days: (as_of − start) / (due − start),
 * clamped to [0, 1] (jp_curve_expected() for the other curves). */
double       jp_progress_expected         (const char      *start,
                                           const char      *due,
                                           const char      *as_of);
/* The ordered rules: done, overdue, not started (nothing yet and e ≤ 0.10),
 * no report (nothing yet and e > 0.10), on track, at risk, behind. */
JpStatus     jp_status_classify           (double           p,
                                           gboolean         started,
                                           double           expected,
                                           gboolean         past_due);

/* The curve in force: the indicator's, else its item's, else the plan's
 * (NULL: linear). Borrowed. */
const char  *jp_indicator_get_effective_curve (JpIndicator *indicator);
const char  *jp_item_get_effective_curve      (JpItem      *item);

/* Effective due: the indicator's, else its item's, else the plan end. */
const char  *jp_indicator_get_effective_due (JpIndicator   *indicator);
const char  *jp_item_get_effective_due      (JpItem        *item);

void         jp_indicator_evaluate        (JpIndicator     *indicator,
                                           const char      *as_of,
                                           JpProgress      *out);
/* Weighted mean of indicators (weight 0 excluded; all 0 → plain mean);
 * without indicators, the completion of the latest update ≤ as_of that
 * gives one (started: any update ≤ as_of). For items, sections and plans
 * ratio equals p. An @as_of of NULL means the plan's default as-of. */
void         jp_item_evaluate             (JpItem          *item,
                                           const char      *as_of,
                                           JpProgress      *out);
/* Mean of the items. Status from that mean and the plan end. */
void         jp_section_evaluate          (JpSection       *section,
                                           const char      *as_of,
                                           JpProgress      *out);
void         jp_plan_evaluate             (JpPlan          *plan,
                                           const char      *as_of,
                                           JpProgress      *out);
/* counts[JP_N_STATUSES] of the plan's items as of @as_of. */
void         jp_plan_count_item_statuses  (JpPlan          *plan,
                                           const char      *as_of,
                                           guint           *counts);
/* The same figures over a selection of the plan's items (a leader's, a
 * unit's): p and e are the means of the items', started when any is, the
 * late-report flag when any item has it; due is the plan end. */
void         jp_items_evaluate            (JpPlan          *plan,
                                           GPtrArray       *items,
                                           const char      *as_of,
                                           JpProgress      *out);
void         jp_items_count_statuses      (GPtrArray       *items,
                                           const char      *as_of,
                                           guint           *counts);

/* "Needs attention": overdue, no report, behind, at risk. */
gboolean     jp_status_needs_attention    (JpStatus         status);
/* 4 overdue, 3 no report, 2 behind, 1 at risk, 0 otherwise. */
guint        jp_status_get_severity       (JpStatus         status);
/* The items of @items (JpItem) that need attention as of @as_of, most
 * severe first, then by gap (e − p) largest first, then in plan order. */
GPtrArray   *jp_items_dup_attention       (GPtrArray       *items,
                                           const char      *as_of) G_GNUC_WARN_UNUSED_RESULT;

const char  *jp_status_to_nick            (JpStatus         status);
gboolean     jp_status_from_nick          (const char      *nick,
                                           JpStatus        *out);
/* Translated: "On track" / 正常推进 … */
const char  *jp_status_get_label          (JpStatus         status);
/* A symbol that goes with the colour, so status never rests on colour alone. */
const char  *jp_status_get_symbol         (JpStatus         status);
/* sRGB 0..1, readable for colour-blind readers (Okabe–Ito based). */
void         jp_status_get_rgb            (JpStatus         status,
                                           double          *r,
                                           double          *g,
                                           double          *b);

const char  *jp_indicator_kind_to_nick    (JpIndicatorKind  kind);
gboolean     jp_indicator_kind_from_nick  (const char      *nick,
                                           JpIndicatorKind *out);
/* Translated: "At least" / 不低于 … */
const char  *jp_indicator_kind_get_label  (JpIndicatorKind  kind);

/* A number as people write it: 90, 0.5, 4.7, 2,900 (locale digits grouping
 * off when @group is FALSE). */
char        *jp_format_number             (double           value,
                                           gboolean         group) G_GNUC_WARN_UNUSED_RESULT;
/* The target as people read it: "≥ 90%", "3–5 所", "下降 0.5%", "≤ 5%". */
char        *jp_indicator_format_target   (JpIndicator     *indicator) G_GNUC_WARN_UNUSED_RESULT;
/* A ratio as a percentage, the one rounding of every percentage the app
 * shows or writes (window, charts, PDF, CSV, xlsx, --export-status): to
 * two decimals, trailing zeros dropped: 0.72 → "72%", 0.0147 → "1.47%". */
char        *jp_format_percent            (double           ratio) G_GNUC_WARN_UNUSED_RESULT;
/* The short form where two decimals do not fit (chart bars, the tree's
 * cells, flags): whole percents from 10% up, one decimal below, and never
 * "0%" for something above nothing: 0.4167 → "42%", 0.047 → "4.7%". */
char        *jp_format_percent_short      (double           ratio) G_GNUC_WARN_UNUSED_RESULT;
/* The number jp_format_percent() prints, as a number: 0.0147 → 1.47. */
double       jp_round_percent             (double           ratio);
/* A value with its unit, as targets read: "90%", "2,500 人次", "4.7 亿元". */
char        *jp_format_quantity           (double           value,
                                           const char      *unit) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
