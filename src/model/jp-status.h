#pragma once

#include <glib-object.h>

#include "jp-enums.h"
#include "jp-types.h"

G_BEGIN_DECLS

/* The progress and status rules of DESIGN.md, in one place. Everything that
 * shows progress or a status (window, charts, reports, CSV) calls these. */

typedef struct
{
  double   ratio;    /* raw ratio, may exceed 1 (what people read) */
  double   p;        /* ratio clamped to [0, 1] */
  double   expected; /* e: share of the time to due elapsed at as-of */
  gboolean started;  /* an entry (or update) on or before as-of */
  gboolean exceeded; /* range: value above target_max */
  gboolean has_value;
  double   value;    /* the value used (latest entry on or before as-of) */
  const char *due;   /* the due date used (borrowed) */
  JpStatus status;
} JpProgress;

/* Raw ratio for a value, without clamping (DESIGN.md "Progress p"). */
double       jp_progress_ratio            (JpIndicatorKind  kind,
                                           double           target,
                                           gboolean         has_baseline,
                                           double           baseline,
                                           double           value);
/* e for whole days: (as_of − start) / (due − start), clamped to [0, 1]. */
double       jp_progress_expected         (const char      *start,
                                           const char      *due,
                                           const char      *as_of);
/* The ordered rules: done, overdue, not started, on track, at risk, behind. */
JpStatus     jp_status_classify           (double           p,
                                           gboolean         started,
                                           double           expected,
                                           gboolean         past_due);

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
/* A ratio as a percentage: 0.72 → "72%", 0.005 → "0.5%". */
char        *jp_format_percent            (double           ratio) G_GNUC_WARN_UNUSED_RESULT;
/* A value with its unit, as targets read: "90%", "2,500 人次", "4.7 亿元". */
char        *jp_format_quantity           (double           value,
                                           const char      *unit) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
