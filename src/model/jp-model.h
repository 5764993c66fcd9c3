#pragma once

#include "jp-date.h"
#include "jp-enums.h"
#include "jp-indicator.h"
#include "jp-item.h"
#include "jp-item-update.h"
#include "jp-leader.h"
#include "jp-plan.h"
#include "jp-progress-entry.h"
#include "jp-section.h"
#include "jp-status.h"
#include "jp-types.h"
#include "jp-unit.h"
