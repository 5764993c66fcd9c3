#pragma once

#include <glib.h>

#include "jp-enums.h"
#include "jp-types.h"

G_BEGIN_DECLS

/* One quantitative target found in a piece of plan text ("达90%",
 * "3-5所", "下降0.5%以上"). Only Arabic numbers followed by a measure word
 * or a percent sign are targets; numbers that are names, ordinals or dates
 * ("党的二十大", "第2批", "2023年") are not. */
typedef struct
{
  JpIndicatorKind  kind;
  double           target;
  gboolean         has_target_max; /* ranges */
  double           target_max;
  gboolean         has_baseline;   /* "由15%提高到20%" */
  double           baseline;
  char            *unit;           /* "%", "所", "个百分点" … (full-width forms normalised) */
  char            *text;           /* the source phrase, a piece of the input as written */
  char            *name;           /* the phrase without the number, the unit and the verb */
  gsize            offset;         /* byte offset of @text in the input */
} JpTarget;

void         jp_target_free          (JpTarget    *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpTarget, jp_target_free)

/* Finds every target of @text (valid UTF-8; @length -1 when
 * NUL-terminated), in the order of the text, as a GPtrArray of JpTarget.
 * @unclassified (out, nullable) receives a GPtrArray of strings: phrases
 * that hold a number and a unit but whose kind could not be decided
 * ("提高3个百分点" says which way; "3个百分点" alone does not), or whose
 * range is reversed; they are not in the result. */
GPtrArray   *jp_target_parse         (const char  *text,
                                      gssize       length,
                                      GPtrArray  **unclassified) G_GNUC_WARN_UNUSED_RESULT;

/* A new indicator (weight 1) holding @target. */
JpIndicator *jp_target_to_indicator  (const JpTarget *target) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
