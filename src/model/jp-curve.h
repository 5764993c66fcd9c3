#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Expected progress curves and reporting cycles (docs/status-rules.md).
 *
 * Both are kept as short text specs, stored and exchanged as they are:
 *
 *   curve          "linear"                    from the plan start to due
 *                  "quarterly"                 25/50/75/100% at quarter ends
 *                  "terms" | "terms:MM-DD"     50% at the end of the spring
 *                                              term (default 07-15), 100% at due
 *                  "due"                       0 until due, then 100%
 *                  "custom:DATE=P,DATE=P…"     checkpoints (date → P %),
 *                                              linear between them
 *   report cycle   "" (none)
 *                  "monthly:D" | "quarterly:D" by day D (1–31) of the month
 *                                              (of the quarter's last month)
 *                  "monthly:+N" | "quarterly:+N"  N days (0–60) after the
 *                                              month (the quarter) ends
 *
 * A NULL or empty curve means "inherit": an indicator takes its item's
 * curve, an item the plan's, and a plan's empty curve is linear. */

typedef enum
{
  JP_CURVE_LINEAR,
  JP_CURVE_QUARTERLY,
  JP_CURVE_TERMS,
  JP_CURVE_DUE_ONLY,
  JP_CURVE_CUSTOM,
} JpCurveKind;

#define JP_N_CURVE_KINDS (JP_CURVE_CUSTOM + 1)

typedef enum
{
  JP_CYCLE_NONE,
  JP_CYCLE_MONTHLY,
  JP_CYCLE_QUARTERLY,
} JpCycleKind;

#define JP_CURVE_DEFAULT_TERM_END "07-15"

gboolean     jp_curve_validate            (const char  *spec,
                                           GError     **error);
/* The kind of a valid spec (NULL and "" are linear). */
JpCurveKind  jp_curve_get_kind            (const char  *spec);
const char  *jp_curve_kind_to_nick        (JpCurveKind  kind);
/* Translated: "Linear" / 线性 … */
const char  *jp_curve_kind_get_label      (JpCurveKind  kind);
/* Translated, one sentence: what the curve expects when. */
const char  *jp_curve_kind_get_description (JpCurveKind kind);
/* Translated, for people: "By quarter", "Custom: 03-31 20%, 06-30 50%". */
char        *jp_curve_describe            (const char  *spec) G_GNUC_WARN_UNUSED_RESULT;

/* e at @as_of (0–1), for a target running from @start to @due. Missing or
 * invalid dates give 0; an invalid spec is taken as linear. */
double       jp_curve_expected            (const char  *spec,
                                           const char  *start,
                                           const char  *due,
                                           const char  *as_of);

gboolean     jp_cycle_validate            (const char  *spec,
                                           GError     **error);
JpCycleKind  jp_cycle_get_kind            (const char  *spec);
/* Translated: "Monthly, by the 25th", "Quarterly, 5 days after the quarter". */
char        *jp_cycle_describe            (const char  *spec) G_GNUC_WARN_UNUSED_RESULT;

/* The last report deadline on or before @as_of that is not before @start,
 * and the first day of the period it closes. FALSE when there is none
 * (no cycle, or the first deadline is still to come). Dates as
 * "YYYY-MM-DD" in buffers of 11 bytes. */
gboolean     jp_cycle_last_deadline       (const char  *spec,
                                           const char  *start,
                                           const char  *as_of,
                                           char        *deadline,
                                           char        *period_start);
/* Deadlines on or before @as_of and not before @start: each as its period's
 * first day and its deadline, appended to @periods (char * pairs: start,
 * deadline, start, deadline …, owned by the array). */
guint        jp_cycle_list_deadlines      (const char  *spec,
                                           const char  *start,
                                           const char  *as_of,
                                           GPtrArray   *periods);

G_END_DECLS
