#pragma once

#include <adwaita.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_TYPE_HELP_WINDOW (jp_help_window_get_type ())

G_DECLARE_FINAL_TYPE (JpHelpWindow, jp_help_window, JP, HELP_WINDOW, AdwPreferencesWindow)

/* "How progress is judged" (F1, the "?" beside the status filter and the
 * status of a work point): each status with its symbol and colour, the
 * thresholds, the late-report and self-report flags, the expected
 * progress curves and the kinds of target, each with an example from the
 * 2023 plan. */
JpHelpWindow *jp_help_window_new (void) G_GNUC_WARN_UNUSED_RESULT;

/* Translated, one or two sentences: what a status means. */
const char   *jp_help_status_get_description         (JpStatus         status);
/* Translated: what a kind of target means, with an example from the
 * 2023 plan ("… e.g. 达90%"). */
const char   *jp_help_indicator_kind_get_description (JpIndicatorKind  kind);

G_END_DECLS
