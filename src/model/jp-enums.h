#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * JpIndicatorKind:
 * How an indicator's target reads and how its progress is computed
 * (docs/status-rules.md, "Progress p"). The nicks are the JSON names.
 */
typedef enum
{
  JP_INDICATOR_KIND_AT_LEAST,    /*< nick=at_least >*/
  JP_INDICATOR_KIND_AT_MOST,     /*< nick=at_most >*/
  JP_INDICATOR_KIND_RANGE,       /*< nick=range >*/
  JP_INDICATOR_KIND_DECREASE_BY, /*< nick=decrease_by >*/
  JP_INDICATOR_KIND_INCREASE_BY, /*< nick=increase_by >*/
  JP_INDICATOR_KIND_MILESTONE,   /*< nick=milestone >*/
} JpIndicatorKind;

/**
 * JpStatus:
 * The 红黄绿灯 of supervision practice (docs/status-rules.md). The values
 * are not stored (the nicks are), and NO_REPORT came last.
 */
typedef enum
{
  JP_STATUS_NOT_STARTED, /*< nick=not_started >*/
  JP_STATUS_ON_TRACK,    /*< nick=on_track >*/
  JP_STATUS_AT_RISK,     /*< nick=at_risk >*/
  JP_STATUS_BEHIND,      /*< nick=behind >*/
  JP_STATUS_OVERDUE,     /*< nick=overdue >*/
  JP_STATUS_DONE,        /*< nick=done >*/
  JP_STATUS_NO_REPORT,   /*< nick=no_report >*/
} JpStatus;

#define JP_N_STATUSES (JP_STATUS_NO_REPORT + 1)

G_END_DECLS
