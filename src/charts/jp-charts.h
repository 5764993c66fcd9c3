#pragma once

/* The chart library: data (jp-chart-data.h), builders from the model
 * (jp-chart-builders.h), style, layout and drawing (jp-chart-draw.h), and
 * nice axis ticks (jp-chart-axis.h). Pure cairo and pango, no GTK. */

#include "jp-chart-axis.h"
#include "jp-chart-builders.h"
#include "jp-chart-data.h"
#include "jp-chart-draw.h"
#include "jp-chart-layout.h"
#include "jp-chart-style.h"
