#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names of leaders and units that are probably the same one written
 * twice: "督导" and "督导室", "各中小学、幼儿园" and "各中小学校、幼儿园",
 * a stray space, full- and half-width forms. */

/* The form names are compared in: NFKC (full-width to half-width), no
 * spaces of any kind, case folded. */
char       *jp_name_fold         (const char         *name) G_GNUC_WARN_UNUSED_RESULT;
/* Different names whose folded forms are equal, or one edit (a character
 * added, removed or replaced) apart when both have two characters or more. */
gboolean    jp_names_are_near    (const char         *a,
                                  const char         *b);
/* The names of @names near @name (not @name itself), in their order
 * (borrowed from @names; free the array only). */
GPtrArray  *jp_names_find_near   (const char         *name,
                                  const char * const *names) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
