#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JP_TYPE_NAME_LIST (jp_name_list_get_type ())

G_DECLARE_FINAL_TYPE (JpNameList, jp_name_list, JP, NAME_LIST, GtkWidget)

/* An ordered list of names (an item's leaders or units): add (typed, or
 * picked from "choices", the plan's names), remove, move up and down. It
 * edits nothing itself: it emits "names-changed" with the whole new list. */
GtkWidget          *jp_name_list_new          (void) G_GNUC_WARN_UNUSED_RESULT;
const char * const *jp_name_list_get_names    (JpNameList         *self);
void                jp_name_list_set_names    (JpNameList         *self,
                                               const char * const *names);
void                jp_name_list_set_choices  (JpNameList         *self,
                                               const char * const *choices);
gboolean            jp_name_list_get_editable (JpNameList         *self);
void                jp_name_list_set_editable (JpNameList         *self,
                                               gboolean            editable);
/* Offers a name: the same as typing it and pressing Apply. */
void                jp_name_list_add          (JpNameList         *self,
                                               const char         *name);

G_END_DECLS
