#pragma once

#include "jp-model.h"

G_BEGIN_DECLS

/* Synthetic plans for benchmarks and manual tests (not a test itself). */

typedef struct
{
  guint   n_sections;            /* 0: one per 50 items (at least 1) */
  guint   n_items;
  guint   indicators_per_item;
  guint   entries_per_indicator; /* progress entries of each indicator */
  guint   updates_per_item;      /* periodic reports of each item */
  guint32 seed;
  int     year;                  /* 0: 2023 */
} JpGenOptions;

/* A plan of the given size, the same for the same options: realistic
 * Chinese text (clauses of the 2023 plan), a few leaders and units reused,
 * every indicator written into its item's body as a target phrase that the
 * document importer reads back (same kind, target, unit and text). */
JpPlan *jp_gen_plan            (const JpGenOptions *options) G_GNUC_WARN_UNUSED_RESULT;

/* Adds progress entries and item updates to an existing plan (the 2023
 * reference, say), as jp_gen_plan() does. */
void    jp_gen_add_progress    (JpPlan             *plan,
                                const JpGenOptions *options);

/* The plan as a plan document (docs/plan-document.md):
 * what jp_document_import_bytes() reads back. */
char   *jp_gen_write_document  (JpPlan             *plan,
                                gsize              *length) G_GNUC_WARN_UNUSED_RESULT;

/* 一, 二 … 十一 … 一百零五 … (1 to 9999). */
char   *jp_gen_chinese_numeral (guint               n) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
