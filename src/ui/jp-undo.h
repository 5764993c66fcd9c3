#pragma once

#include <glib-object.h>

#include "jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_UNDO (jp_undo_get_type ())

G_DECLARE_FINAL_TYPE (JpUndo, jp_undo, JP, UNDO, GObject)

/* Every edit the window makes goes through here: each one is applied
 * through the store's edit API (commit first, then the model) and, when it
 * succeeded, recorded so that it can be undone and redone through the same
 * API. Several edits between begin_group() and end_group() are one step,
 * and one transaction of the store (a batch): no other program commits
 * between them, and the file keeps all of them or none; undoing and
 * redoing a step is one transaction too. On error nothing is recorded and
 * the model is what the file holds, except when ::changes-lost says
 * otherwise (a step's transaction failed after the model took some of its
 * edits): then read the plan again. */

JpUndo     *jp_undo_new                 (JpStore      *store) G_GNUC_WARN_UNUSED_RESULT;
JpStore    *jp_undo_get_store           (JpUndo       *self);
gboolean    jp_undo_get_can_undo        (JpUndo       *self);
gboolean    jp_undo_get_can_redo        (JpUndo       *self);
/* The label of the step undo/redo would act on (NULL when none). */
const char *jp_undo_get_undo_label      (JpUndo       *self);
const char *jp_undo_get_redo_label      (JpUndo       *self);
guint64     jp_undo_get_undo_serial     (JpUndo       *self);
gboolean    jp_undo_undo                (JpUndo       *self,
                                         GError      **error);
gboolean    jp_undo_redo                (JpUndo       *self,
                                         GError      **error);
void        jp_undo_clear               (JpUndo       *self);

/* Groups nest; the outermost label names the step. end_group() commits
 * and records the step (FALSE: the commit failed, nothing was kept, and
 * ::changes-lost was emitted); abort_group() reverts what the group
 * applied and records nothing. */
void        jp_undo_begin_group         (JpUndo       *self,
                                         const char   *label);
gboolean    jp_undo_end_group           (JpUndo       *self,
                                         GError      **error);
void        jp_undo_abort_group         (JpUndo       *self);

/* Properties (the model's property names, as jp_store_set). Setting the
 * value the object already has records nothing and succeeds. */
gboolean    jp_undo_set                 (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         const GValue *value,
                                         GError      **error);
gboolean    jp_undo_set_string          (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         const char   *value,
                                         GError      **error);
gboolean    jp_undo_set_double          (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         double        value,
                                         GError      **error);
gboolean    jp_undo_set_int             (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         int           value,
                                         GError      **error);
gboolean    jp_undo_set_boolean         (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         gboolean      value,
                                         GError      **error);
gboolean    jp_undo_set_enum            (JpUndo       *self,
                                         gpointer      object,
                                         const char   *property,
                                         int           value,
                                         GError      **error);

gboolean    jp_undo_add_progress        (JpUndo          *self,
                                         JpIndicator     *indicator,
                                         JpProgressEntry *entry,
                                         GError         **error);
gboolean    jp_undo_remove_progress     (JpUndo          *self,
                                         JpIndicator     *indicator,
                                         JpProgressEntry *entry,
                                         GError         **error);
gboolean    jp_undo_add_update          (JpUndo          *self,
                                         JpItem          *item,
                                         JpItemUpdate    *update,
                                         GError         **error);
gboolean    jp_undo_remove_update       (JpUndo          *self,
                                         JpItem          *item,
                                         JpItemUpdate    *update,
                                         GError         **error);

gboolean    jp_undo_insert_section      (JpUndo       *self,
                                         JpPlan       *plan,
                                         guint         position,
                                         JpSection    *section,
                                         GError      **error);
gboolean    jp_undo_remove_section      (JpUndo       *self,
                                         JpSection    *section,
                                         GError      **error);
gboolean    jp_undo_move_section        (JpUndo       *self,
                                         JpSection    *section,
                                         guint         position,
                                         GError      **error);
gboolean    jp_undo_insert_item         (JpUndo       *self,
                                         JpSection    *section,
                                         guint         position,
                                         JpItem       *item,
                                         GError      **error);
gboolean    jp_undo_remove_item         (JpUndo       *self,
                                         JpItem       *item,
                                         GError      **error);
gboolean    jp_undo_move_item           (JpUndo       *self,
                                         JpItem       *item,
                                         JpSection    *section,
                                         guint         position,
                                         GError      **error);
/* Numbers the items 1…n in plan order (jp_store_renumber_items); undo
 * puts the old numbers back. */
gboolean    jp_undo_renumber_items      (JpUndo       *self,
                                         JpPlan       *plan,
                                         GError      **error);
/* TRUE when the items are numbered 1…n in plan order: the window keeps
 * such a numbering in step with the order after a structural edit, and
 * leaves other numberings ("（一）" restarting per section) as printed. */
gboolean    jp_undo_items_are_sequential (JpPlan      *plan);
gboolean    jp_undo_insert_indicator    (JpUndo       *self,
                                         JpItem       *item,
                                         guint         position,
                                         JpIndicator  *indicator,
                                         GError      **error);
gboolean    jp_undo_remove_indicator    (JpUndo       *self,
                                         JpIndicator  *indicator,
                                         GError      **error);
gboolean    jp_undo_move_indicator      (JpUndo       *self,
                                         JpIndicator  *indicator,
                                         guint         position,
                                         GError      **error);

/* People: @kind selects the list. */
typedef enum
{
  JP_PEOPLE_LEADERS,
  JP_PEOPLE_UNITS,
  JP_PEOPLE_PARTNER_UNITS,
} JpPeopleKind;

/* Replaces an item's list with the plan's objects named @names, adding
 * the names the plan does not have yet (all one step). */
gboolean    jp_undo_set_item_people     (JpUndo       *self,
                                         JpItem       *item,
                                         JpPeopleKind  kind,
                                         const char * const *names,
                                         GError      **error);
/* A JpLeader or JpUnit at @position of the plan's list. */
gboolean    jp_undo_add_person          (JpUndo       *self,
                                         JpPlan       *plan,
                                         guint         position,
                                         gpointer      person,
                                         GError      **error);
gboolean    jp_undo_remove_person       (JpUndo       *self,
                                         JpPlan       *plan,
                                         gpointer      person,
                                         GError      **error);
/* Two JpLeaders or two JpUnits of @plan. */
gboolean    jp_undo_merge_people        (JpUndo       *self,
                                         JpPlan       *plan,
                                         gpointer      from,
                                         gpointer      into,
                                         GError      **error);

G_END_DECLS
