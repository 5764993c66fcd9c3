#pragma once

/* The model: plan → sections → items → indicators → progress entries, with
 * the plan's leaders and units, all final GObjects whose fields are
 * properties (notify only on a real change) and whose children are
 * GListModels (GListStore; one items-changed per call).
 *
 * Conventions of every model object:
 * - text fields (title, name, note, unit…) are never NULL: setting NULL
 *   stores "" (the default), so that exports are stable; any other string,
 *   "" included, is kept as given;
 * - dates are ISO "YYYY-MM-DD" strings, NULL when not set: setting ""
 *   stores NULL;
 * - a value and its has-* flag (has-baseline, has-target-max,
 *   has-completion) are independent properties: set both;
 * - back-pointers (indicator → item, item → section, section → plan) are
 *   borrowed, set on insert/append and cleared on remove or when the parent
 *   is disposed;
 * - "id" is the store's row id, 0 when not stored. */

#include "jp-curve.h"
#include "jp-date.h"
#include "jp-enums.h"
#include "jp-indicator.h"
#include "jp-item.h"
#include "jp-item-update.h"
#include "jp-leader.h"
#include "jp-names.h"
#include "jp-limits.h"
#include "jp-plan.h"
#include "jp-progress-entry.h"
#include "jp-reporting.h"
#include "jp-section.h"
#include "jp-status.h"
#include "jp-types.h"
#include "jp-unit.h"
