/* jp-window-actions.c: the window's commands (win.*)
 *
 * Each action gathers its input from the UI (the selection, a dialog),
 * makes the edit through JpUndo (which goes through the store's edit API)
 * and routes a GError to the user. jp_window_update_actions() computes every
 * enabled state in one place. */

#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-backup-dialog.h"
#include "jp-document-import.h"
#include "jp-export-dialog.h"
#include "jp-help-window.h"
#include "jp-import-dialog.h"
#include "jp-indicator-dialog.h"
#include "jp-item-dialog.h"
#include "jp-json.h"
#include "jp-people-dialog.h"
#include "jp-plan-dialog.h"
#include "jp-progress-dialog.h"
#include "jp-progress-import-dialog.h"
#include "jp-section-dialog.h"
#include "jp-store-backup.h"
#include "jp-ui-util.h"
#include "jp-update-dialog.h"
#include "jp-window-private.h"

/* Plan management, at the end of the file. */
static void update_plan_actions (JpWindow *self);
static void new_plan_cb         (GtkWidget *widget, const char *action_name, GVariant *parameter);
static void import_kind_cb      (GtkWidget *widget, const char *action_name, GVariant *parameter);
static void rename_plan_cb      (GtkWidget *widget, const char *action_name, GVariant *parameter);
static void delete_plan_cb      (GtkWidget *widget, const char *action_name, GVariant *parameter);
static void undo_delete_plan_cb (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* ---- lookups ------------------------------------------------------------ */

static guint
index_in (GListModel *model,
          gpointer    object)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (model, i);

      if ((gpointer) o == object)
        return i;
    }

  return G_MAXUINT;
}

static JpItem *
selected_item (JpWindow *self)
{
  GObject *selected = jp_plan_tree_get_selected_object (self->plan_tree);

  return JP_IS_ITEM (selected) ? JP_ITEM (selected) : NULL;
}

static JpSection *
selected_section (JpWindow *self)
{
  GObject *selected = jp_plan_tree_get_selected_object (self->plan_tree);

  if (JP_IS_SECTION (selected))
    return JP_SECTION (selected);
  if (JP_IS_ITEM (selected))
    return jp_item_get_section (JP_ITEM (selected));
  return NULL;
}

/* Borrowed (the plan keeps it). */
static JpIndicator *
find_indicator (JpWindow *self,
                gint64    id)
{
  JpItem *item = selected_item (self);
  g_autoptr(GPtrArray) items = NULL;
  JpIndicator *indicator;

  if (item != NULL && (indicator = jp_item_find_indicator (item, id)) != NULL)
    return indicator;

  if (self->plan == NULL)
    return NULL;

  items = jp_plan_dup_items (self->plan);
  for (guint i = 0; i < items->len; i++)
    if ((indicator = jp_item_find_indicator (g_ptr_array_index (items, i), id)) != NULL)
      return indicator;

  return NULL;
}

static JpItemUpdate *
find_update (JpWindow *self,
             gint64    id)
{
  JpItem *item = selected_item (self);
  GListModel *updates;
  guint n;

  if (item == NULL)
    return NULL;

  updates = jp_item_get_updates (item);
  n = g_list_model_get_n_items (updates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i);

      if (jp_item_update_get_id (update) == id)
        return update;
    }

  return NULL;
}

static JpProgressEntry *
find_entry (JpWindow     *self,
            gint64        id,
            JpIndicator **indicator_out)
{
  JpItem *item = selected_item (self);
  GListModel *indicators;
  guint n;

  if (item == NULL)
    return NULL;

  indicators = jp_item_get_indicators (item);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *progress = jp_indicator_get_progress (indicator);
      guint m = g_list_model_get_n_items (progress);

      for (guint j = 0; j < m; j++)
        {
          g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, j);

          if (jp_progress_entry_get_id (entry) == id)
            {
              *indicator_out = indicator;
              return entry;
            }
        }
    }

  return NULL;
}

static const char *
author (JpWindow *self)
{
  return self->store != NULL ? jp_store_get_author (self->store) : NULL;
}

/* Chinese ordinal for section n (1-based): 一 … 十, 十一 … 九十九. */
static char *
chinese_ordinal (guint n)
{
  static const char *digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n == 0 || n >= 100)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n / 10 == 1 ? "" : digits[n / 10], digits[n % 10]);
}

/* ---- edits -------------------------------------------------------------- */

/* Before an edit: loads the plan again when another program changed the
 * database, so that what is looked up afterwards (the selection, an
 * object by id) is what the database holds. FALSE: nothing to edit. */
static gboolean
refresh_for_edit (JpWindow *self)
{
  _jp_window_check_external_changes (self, TRUE);

  return _jp_window_get_editable (self);
}

/* Ends the step begun by begin(): records it, or takes it all back and
 * tells the user. */
static gboolean
finish (JpWindow     *self,
        gboolean      ok,
        const char   *heading,
        const GError *error)
{
  g_autoptr(GError) commit_error = NULL;

  if (ok && jp_undo_end_group (self->undo, &commit_error))
    return TRUE;

  if (ok)
    {
      /* The commit failed: nothing was kept (::changes-lost reloads). */
      _jp_window_report_error (self, heading, commit_error);
      return FALSE;
    }

  jp_undo_abort_group (self->undo);
  _jp_window_report_error (self, heading, error);
  return FALSE;
}

static gboolean
renumber_if (JpWindow  *self,
             gboolean   was_sequential,
             GError   **error)
{
  if (!was_sequential)
    return TRUE;

  return jp_undo_renumber_items (self->undo, self->plan, error);
}

void
_jp_window_move_object (JpWindow *self,
                        GObject  *object,
                        GObject  *parent,
                        guint     position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gboolean was_sequential;
  gboolean ok;

  if (!_jp_window_get_editable (self))
    return;

  was_sequential = jp_undo_items_are_sequential (self->plan);

  if (JP_IS_ITEM (object) && JP_IS_SECTION (parent))
    {
      if (jp_item_get_section (JP_ITEM (object)) != JP_SECTION (parent))
        {
          /* Translators: a toast after a work point moved into another
           * section: its title, the section's ordinal (二) */
          toast = g_strdup_printf (_("“%s” moved to section %s"), jp_item_get_title (JP_ITEM (object)),
                                   jp_section_get_ordinal (JP_SECTION (parent)) != NULL
                                     ? jp_section_get_ordinal (JP_SECTION (parent)) : "");
        }
      jp_undo_begin_group (self->undo, _("Move work point"));
      ok = jp_undo_move_item (self->undo, JP_ITEM (object), JP_SECTION (parent), position, &error) &&
           renumber_if (self, was_sequential, &error);
    }
  else if (JP_IS_SECTION (object))
    {
      jp_undo_begin_group (self->undo, _("Move section"));
      ok = jp_undo_move_section (self->undo, JP_SECTION (object), position, &error) &&
           renumber_if (self, was_sequential, &error);
    }
  else
    return;

  if (finish (self, ok, _("Could Not Move"), error))
    {
      jp_plan_tree_select_object (self->plan_tree, object);
      if (toast != NULL)
        _jp_window_show_toast (self, toast, TRUE);
    }
}

void
_jp_window_set_body (JpWindow   *self,
                     JpItem     *item,
                     const char *body)
{
  g_autoptr(GError) error = NULL;

  if (!_jp_window_get_editable (self))
    return;

  if (jp_undo_set_string (self->undo, item, "body", body, &error))
    return;

  /* Typed while another program changed the plan: not lost. */
  if (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED))
    _jp_window_save_body_after_reload (self, item, body);
  else
    _jp_window_report_error (self, _("Could Not Save the Text"), error);
}

void
_jp_window_set_people (JpWindow           *self,
                       JpItem             *item,
                       JpPeopleKind        kind,
                       const char * const *names)
{
  g_autoptr(GError) error = NULL;

  if (!_jp_window_get_editable (self))
    return;

  if (!jp_undo_set_item_people (self->undo, item, kind, names, &error))
    _jp_window_report_error (self, kind == JP_PEOPLE_LEADERS ? _("Could Not Change the Leaders")
                                                             : _("Could Not Change the Units"),
                             error);
}

/* ---- undo --------------------------------------------------------------- */

/* The toast's Undo: the step it announced, if it is still the latest. */
static void
undo_step_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (self->undo == NULL || jp_undo_get_undo_serial (self->undo) != g_variant_get_uint64 (parameter))
    return;

  gtk_widget_activate_action (widget, "win.undo", NULL);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GObject *selected;
  g_autoptr(GObject) keep = NULL;

  /* After another program's change, nothing of before can be undone. */
  if (_jp_window_check_external_changes (self, TRUE))
    return;

  selected = jp_plan_tree_get_selected_object (self->plan_tree);
  keep = selected != NULL ? g_object_ref (selected) : NULL;
  jp_item_page_commit (self->item_page);
  if (!jp_undo_undo (self->undo, &error))
    {
      _jp_window_report_error (self, _("Could Not Undo"), error);
      return;
    }

  if (keep != NULL)
    jp_plan_tree_select_object (self->plan_tree, keep);
}

static void
redo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (_jp_window_check_external_changes (self, TRUE))
    return;

  if (!jp_undo_redo (self->undo, &error))
    _jp_window_report_error (self, _("Could Not Redo"), error);
}

/* ---- sections and work points ------------------------------------------ */

static void
on_section_dialog_confirmed_cb (JpSectionDialog *dialog,
                                JpWindow        *self)
{
  JpSection *section = jp_section_dialog_get_section (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (section != NULL)
    {
      jp_undo_begin_group (self->undo, _("Edit section"));
      ok = jp_undo_set_string (self->undo, section, "ordinal", jp_section_dialog_get_ordinal (dialog), &error) &&
           jp_undo_set_string (self->undo, section, "title", jp_section_dialog_get_title (dialog), &error);
    }
  else
    {
      JpSection *current = selected_section (self);
      guint position = current != NULL ? (guint) jp_section_get_position (current) + 1
                                       : g_list_model_get_n_items (jp_plan_get_sections (self->plan));

      section = jp_section_new (jp_section_dialog_get_ordinal (dialog), jp_section_dialog_get_title (dialog));
      g_object_set_data_full (G_OBJECT (dialog), "jp-new", section, g_object_unref);
      jp_undo_begin_group (self->undo, _("Add section"));
      ok = jp_undo_insert_section (self->undo, self->plan, position, section, &error);
    }

  if (finish (self, ok, _("Could Not Save the Section"), error))
    {
      jp_plan_tree_select_object (self->plan_tree, G_OBJECT (section));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
open_section_dialog (JpWindow  *self,
                     JpSection *section)
{
  g_autofree char *ordinal = chinese_ordinal (g_list_model_get_n_items (jp_plan_get_sections (self->plan)) + 1);
  JpSectionDialog *dialog = jp_section_dialog_new (section, ordinal);

  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_section_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static int
max_number (JpWindow *self)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (self->plan);
  int max = 0;

  for (guint i = 0; i < items->len; i++)
    max = MAX (max, jp_item_get_number (g_ptr_array_index (items, i)));

  return max;
}

/* Adds the item of @dialog at @position of @section with @number, and
 * renumbers the plan when @renumber. *@ok: done (else the error was
 * reported). Returns the item (owned by the dialog). */
static JpItem *
insert_new_item (JpWindow     *self,
                 JpItemDialog *dialog,
                 JpSection    *section,
                 guint         position,
                 int           number,
                 gboolean      renumber,
                 gboolean     *ok)
{
  g_autoptr(GError) error = NULL;
  JpItem *item = jp_item_new (number, jp_item_dialog_get_title (dialog));

  jp_item_set_due (item, jp_item_dialog_get_due (dialog));
  jp_item_set_curve (item, jp_item_dialog_get_curve (dialog));
  g_object_set_data_full (G_OBJECT (dialog), "jp-new", item, g_object_unref);

  jp_undo_begin_group (self->undo, _("Add work point"));
  *ok = jp_undo_insert_item (self->undo, section, position, item, &error) &&
        renumber_if (self, renumber, &error);
  if (!finish (self, *ok, _("Could Not Save the Work Point"), error))
    {
      *ok = FALSE;
      return NULL;
    }
  *ok = TRUE;
  return item;
}

static gboolean
close_renumber_cb (gpointer data)
{
  GtkWindow *message = data;
  GWeakRef *weak = g_object_get_data (G_OBJECT (message), "jp-item-dialog");
  g_autoptr(GtkWindow) dialog = weak != NULL ? g_weak_ref_get (weak) : NULL;

  /* Not left pointing at a parent that goes first. */
  gtk_window_set_transient_for (message, NULL);
  gtk_window_destroy (message);
  if (dialog != NULL)
    gtk_window_destroy (dialog);

  return G_SOURCE_REMOVE;
}

static void
on_renumber_response_cb (AdwMessageDialog *message,
                         const char       *response,
                         JpWindow         *self)
{
  GWeakRef *weak = g_object_get_data (G_OBJECT (message), "jp-item-dialog");
  g_autoptr(JpItemDialog) dialog = weak != NULL ? g_weak_ref_get (weak) : NULL;
  JpSection *section = g_object_get_data (G_OBJECT (message), "jp-section");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (message), "jp-position"));
  int number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (message), "jp-number"));
  gboolean renumber = g_strcmp0 (response, "renumber") == 0;
  gboolean ok = FALSE;
  JpItem *item;

  if (dialog == NULL || section == NULL || jp_section_get_plan (section) != self->plan)
    return;

  item = insert_new_item (self, dialog, section, position, renumber ? number : max_number (self) + 1,
                          renumber, &ok);
  if (item != NULL && ok)
    {
      jp_plan_tree_select_object (self->plan_tree, G_OBJECT (item));
      /* Both dialogs close once the question's response is over. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_renumber_cb, g_object_ref (message), g_object_unref);
    }
}

static void
ask_renumber (JpWindow     *self,
              JpItemDialog *dialog,
              JpSection    *section,
              guint         position,
              int           number)
{
  int free_number = max_number (self) + 1;
  guint following = (guint) (free_number - number);
  g_autofree char *body = NULL;
  g_autofree char *keep = NULL;
  GtkWidget *message;

  /* Translators: asked when a work point is added before others; the
   * new number, how many follow, the next free number */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "As No. %d, the new work point changes the number of the %u work point after it, which may be cited already. It can take the next free number, No. %d, instead.",
                                       "As No. %d, the new work point changes the numbers of the %u work points after it, which may be cited already. It can take the next free number, No. %d, instead.",
                                       following),
                          number, following, free_number);
  /* Translators: a button: add the work point with the next free number */
  keep = g_strdup_printf (_("Use No. %d"), free_number);
  message = adw_message_dialog_new (GTK_WINDOW (dialog), _("Renumber the Following Work Points?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "renumber", _("_Renumber Following"),
                                    "next", keep,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "next", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "next");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "next");
  g_object_set_data_full (G_OBJECT (message), "jp-item-dialog", jp_ui_weak_ref_new (dialog),
                          (GDestroyNotify) jp_ui_weak_ref_free);
  g_object_set_data_full (G_OBJECT (message), "jp-section", g_object_ref (section), g_object_unref);
  g_object_set_data (G_OBJECT (message), "jp-position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (message), "jp-number", GINT_TO_POINTER (number));
  g_signal_connect_object (message, "response", G_CALLBACK (on_renumber_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_item_dialog_confirmed_cb (JpItemDialog *dialog,
                             JpWindow     *self)
{
  JpItem *item = jp_item_dialog_get_item (dialog);
  JpSection *section = jp_item_dialog_get_section (dialog);
  gboolean was_sequential = jp_undo_items_are_sequential (self->plan);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (section == NULL)
    return;

  if (item != NULL)
    {
      jp_undo_begin_group (self->undo, _("Edit work point"));
      ok = jp_undo_set_int (self->undo, item, "number", jp_item_dialog_get_number (dialog), &error) &&
           jp_undo_set_string (self->undo, item, "title", jp_item_dialog_get_title (dialog), &error) &&
           jp_undo_set_string (self->undo, item, "due", jp_item_dialog_get_due (dialog), &error) &&
           jp_undo_set_string (self->undo, item, "curve", jp_item_dialog_get_curve (dialog), &error);
      if (ok && jp_item_get_section (item) != section)
        ok = jp_undo_move_item (self->undo, item, section,
                                g_list_model_get_n_items (jp_section_get_items (section)), &error) &&
             renumber_if (self, was_sequential, &error);
    }
  else
    {
      JpItem *current = selected_item (self);
      guint position;
      int number = jp_item_dialog_get_number (dialog);

      if (current != NULL && jp_item_get_section (current) == section)
        position = index_in (jp_section_get_items (section), current) + 1;
      else
        position = g_list_model_get_n_items (jp_section_get_items (section));

      /* Numbered 1…n and taking the number of an item that follows: ask
       * whether those are renumbered, or the new one takes the next free
       * number (the official numbers may be cited already). */
      if (was_sequential && number <= max_number (self))
        {
          ask_renumber (self, dialog, section, position, number);
          return;
        }

      item = insert_new_item (self, dialog, section, position, number, was_sequential, &ok);
      if (item != NULL && ok)
        {
          jp_plan_tree_select_object (self->plan_tree, G_OBJECT (item));
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
      return;
    }

  if (finish (self, ok, _("Could Not Save the Work Point"), error))
    {
      jp_plan_tree_select_object (self->plan_tree, G_OBJECT (item));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static int
next_number (JpWindow *self)
{
  JpItem *item = selected_item (self);
  g_autoptr(GPtrArray) items = NULL;
  int max = 0;

  if (item != NULL)
    return jp_item_get_number (item) + 1;

  items = jp_plan_dup_items (self->plan);
  for (guint i = 0; i < items->len; i++)
    max = MAX (max, jp_item_get_number (g_ptr_array_index (items, i)));

  return max + 1;
}

static void
open_item_dialog (JpWindow *self,
                  JpItem   *item)
{
  JpSection *section = selected_section (self);
  JpItemDialog *dialog;

  if (section == NULL)
    {
      GListModel *sections = jp_plan_get_sections (self->plan);
      guint n = g_list_model_get_n_items (sections);
      g_autoptr(JpSection) last = n > 0 ? g_list_model_get_item (sections, n - 1) : NULL;

      section = last;
    }

  dialog = jp_item_dialog_new (self->plan, item, section, next_number (self));
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_item_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
add_section_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (!refresh_for_edit (self))
    return;
  open_section_dialog (self, NULL);
}

static void
add_item_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (!refresh_for_edit (self))
    return;
  open_item_dialog (self, NULL);
}

static void
edit_selected_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GObject *selected;

  if (!refresh_for_edit (self))
    return;
  selected = jp_plan_tree_get_selected_object (self->plan_tree);
  if (JP_IS_ITEM (selected))
    open_item_dialog (self, JP_ITEM (selected));
  else if (JP_IS_SECTION (selected))
    open_section_dialog (self, JP_SECTION (selected));
}

static GObject *
neighbour_of (GObject *object)
{
  GListModel *siblings;
  guint index, n;

  if (JP_IS_ITEM (object))
    siblings = jp_section_get_items (jp_item_get_section (JP_ITEM (object)));
  else
    siblings = jp_plan_get_sections (jp_section_get_plan (JP_SECTION (object)));

  index = index_in (siblings, object);
  n = g_list_model_get_n_items (siblings);

  if (index + 1 < n)
    return g_list_model_get_item (siblings, index + 1);
  if (index > 0 && index != G_MAXUINT)
    return g_list_model_get_item (siblings, index - 1);
  if (JP_IS_ITEM (object))
    return g_object_ref (G_OBJECT (jp_item_get_section (JP_ITEM (object))));
  return NULL;
}

static void
delete_selected_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GObject *selected;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GObject) neighbour = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gboolean was_sequential;
  gboolean ok;

  if (!refresh_for_edit (self))
    return;
  selected = jp_plan_tree_get_selected_object (self->plan_tree);
  if (selected == NULL)
    return;

  object = g_object_ref (selected);
  jp_item_page_commit (self->item_page);
  neighbour = neighbour_of (object);
  was_sequential = jp_undo_items_are_sequential (self->plan);

  if (JP_IS_ITEM (object))
    {
      /* Translators: a toast; the work point's title */
      toast = g_strdup_printf (_("Work point “%s” deleted"), jp_item_get_title (JP_ITEM (object)));
      jp_undo_begin_group (self->undo, _("Delete work point"));
      ok = jp_undo_remove_item (self->undo, JP_ITEM (object), &error) &&
           renumber_if (self, was_sequential, &error);
    }
  else
    {
      /* Translators: a toast; the section's ordinal and title */
      toast = g_strdup_printf (_("Section “%s、%s” deleted"), jp_section_get_ordinal (JP_SECTION (object)),
                               jp_section_get_title (JP_SECTION (object)));
      jp_undo_begin_group (self->undo, _("Delete section"));
      ok = jp_undo_remove_section (self->undo, JP_SECTION (object), &error) &&
           renumber_if (self, was_sequential, &error);
    }

  if (!finish (self, ok, _("Could Not Delete"), error))
    return;

  if (neighbour != NULL)
    jp_plan_tree_select_object (self->plan_tree, neighbour);
  _jp_window_show_toast (self, toast, TRUE);
}

static void
move_selected (JpWindow *self,
               int       delta)
{
  GObject *selected;

  if (!refresh_for_edit (self))
    return;
  selected = jp_plan_tree_get_selected_object (self->plan_tree);
  if (JP_IS_ITEM (selected))
    {
      JpItem *item = JP_ITEM (selected);
      JpSection *section = jp_item_get_section (item);
      GListModel *sections = jp_plan_get_sections (self->plan);
      guint index = index_in (jp_section_get_items (section), item);
      guint n = g_list_model_get_n_items (jp_section_get_items (section));
      int section_index = jp_section_get_position (section);

      if (delta < 0 && index > 0)
        _jp_window_move_object (self, selected, G_OBJECT (section), index - 1);
      else if (delta > 0 && index + 1 < n)
        _jp_window_move_object (self, selected, G_OBJECT (section), index + 1);
      else if (delta < 0 && section_index > 0)
        {
          g_autoptr(JpSection) previous = g_list_model_get_item (sections, section_index - 1);

          _jp_window_move_object (self, selected, G_OBJECT (previous),
                                  g_list_model_get_n_items (jp_section_get_items (previous)));
        }
      else if (delta > 0 && (guint) section_index + 1 < g_list_model_get_n_items (sections))
        {
          g_autoptr(JpSection) next = g_list_model_get_item (sections, section_index + 1);

          _jp_window_move_object (self, selected, G_OBJECT (next), 0);
        }
    }
  else if (JP_IS_SECTION (selected))
    {
      int position = jp_section_get_position (JP_SECTION (selected)) + delta;

      if (position >= 0 && (guint) position < g_list_model_get_n_items (jp_plan_get_sections (self->plan)))
        _jp_window_move_object (self, selected, G_OBJECT (self->plan), (guint) position);
    }
}

static void
move_up_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  move_selected (JP_WINDOW (widget), -1);
}

static void
move_down_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_selected (JP_WINDOW (widget), 1);
}

/* ---- indicators --------------------------------------------------------- */

static gboolean
apply_indicator_fields (JpWindow           *self,
                        JpIndicator        *indicator,
                        JpIndicatorDialog  *dialog,
                        GError            **error)
{
  JpUndo *undo = self->undo;

  return jp_undo_set_string (undo, indicator, "name", jp_indicator_dialog_get_name (dialog), error) &&
         jp_undo_set_enum (undo, indicator, "kind", jp_indicator_dialog_get_kind (dialog), error) &&
         jp_undo_set_double (undo, indicator, "target", jp_indicator_dialog_get_target (dialog), error) &&
         (!jp_indicator_dialog_get_has_target_max (dialog) ||
          jp_undo_set_double (undo, indicator, "target-max", jp_indicator_dialog_get_target_max (dialog), error)) &&
         jp_undo_set_boolean (undo, indicator, "has-target-max",
                              jp_indicator_dialog_get_has_target_max (dialog), error) &&
         jp_undo_set_string (undo, indicator, "unit", jp_indicator_dialog_get_unit (dialog), error) &&
         (!jp_indicator_dialog_get_has_baseline (dialog) ||
          jp_undo_set_double (undo, indicator, "baseline", jp_indicator_dialog_get_baseline (dialog), error)) &&
         jp_undo_set_boolean (undo, indicator, "has-baseline",
                              jp_indicator_dialog_get_has_baseline (dialog), error) &&
         jp_undo_set_string (undo, indicator, "due", jp_indicator_dialog_get_due (dialog), error) &&
         jp_undo_set_double (undo, indicator, "weight", jp_indicator_dialog_get_weight (dialog), error) &&
         jp_undo_set_string (undo, indicator, "curve", jp_indicator_dialog_get_curve (dialog), error);
}

static void
on_indicator_dialog_confirmed_cb (JpIndicatorDialog *dialog,
                                  JpWindow          *self)
{
  JpIndicator *indicator = jp_indicator_dialog_get_indicator (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (indicator != NULL)
    {
      jp_undo_begin_group (self->undo, _("Edit target"));
      ok = apply_indicator_fields (self, indicator, dialog, &error);
    }
  else
    {
      JpItem *item = selected_item (self);

      if (item == NULL)
        return;

      indicator = jp_indicator_new (jp_indicator_dialog_get_name (dialog),
                                    jp_indicator_dialog_get_kind (dialog),
                                    jp_indicator_dialog_get_target (dialog));
      g_object_set_data_full (G_OBJECT (dialog), "jp-new", indicator, g_object_unref);
      jp_indicator_set_has_target_max (indicator, jp_indicator_dialog_get_has_target_max (dialog));
      jp_indicator_set_target_max (indicator, jp_indicator_dialog_get_target_max (dialog));
      jp_indicator_set_unit (indicator, jp_indicator_dialog_get_unit (dialog));
      jp_indicator_set_has_baseline (indicator, jp_indicator_dialog_get_has_baseline (dialog));
      jp_indicator_set_baseline (indicator, jp_indicator_dialog_get_baseline (dialog));
      jp_indicator_set_due (indicator, jp_indicator_dialog_get_due (dialog));
      jp_indicator_set_weight (indicator, jp_indicator_dialog_get_weight (dialog));
      jp_indicator_set_curve (indicator, jp_indicator_dialog_get_curve (dialog));

      jp_undo_begin_group (self->undo, _("Add target"));
      ok = jp_undo_insert_indicator (self->undo, item,
                                     g_list_model_get_n_items (jp_item_get_indicators (item)),
                                     indicator, &error);
    }

  if (finish (self, ok, _("Could Not Save the Target"), error))
    {
      jp_item_page_select_indicator (self->item_page, indicator);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
open_indicator_dialog (JpWindow    *self,
                       JpIndicator *indicator)
{
  JpIndicatorDialog *dialog = jp_indicator_dialog_new (self->plan, selected_item (self), indicator);

  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_indicator_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
add_indicator_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (!refresh_for_edit (self))
    return;
  open_indicator_dialog (self, NULL);
}

static void
edit_indicator_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpIndicator *indicator;

  if (!refresh_for_edit (self))
    return;
  indicator = find_indicator (self, g_variant_get_int64 (parameter));
  if (indicator != NULL)
    open_indicator_dialog (self, indicator);
}

static void
delete_indicator_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpIndicator *indicator;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!refresh_for_edit (self))
    return;
  indicator = find_indicator (self, g_variant_get_int64 (parameter));
  if (indicator == NULL)
    return;

  /* Translators: a toast; the target's name */
  toast = g_strdup_printf (_("Target “%s” deleted"), jp_indicator_get_name (indicator));
  if (!jp_undo_remove_indicator (self->undo, indicator, &error))
    _jp_window_report_error (self, _("Could Not Delete the Target"), error);
  else
    _jp_window_show_toast (self, toast, TRUE);
}

static void
move_indicator (JpWindow *self,
                gint64    id,
                int       delta)
{
  JpIndicator *indicator;
  g_autoptr(GError) error = NULL;
  GListModel *siblings;
  guint index;
  int position;

  if (!refresh_for_edit (self))
    return;
  indicator = find_indicator (self, id);
  if (indicator == NULL)
    return;

  siblings = jp_item_get_indicators (jp_indicator_get_item (indicator));
  index = index_in (siblings, indicator);
  position = (int) index + delta;
  if (position < 0 || (guint) position >= g_list_model_get_n_items (siblings))
    return;

  if (!jp_undo_move_indicator (self->undo, indicator, (guint) position, &error))
    _jp_window_report_error (self, _("Could Not Move the Target"), error);
}

static void
move_indicator_up_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_indicator (JP_WINDOW (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_indicator_down_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_indicator (JP_WINDOW (widget), g_variant_get_int64 (parameter), 1);
}

/* ---- progress ----------------------------------------------------------- */

static void
on_progress_dialog_confirmed_cb (JpProgressDialog *dialog,
                                 JpWindow         *self)
{
  JpIndicator *indicator = jp_progress_dialog_get_indicator (dialog);
  JpProgressEntry *replaced = jp_progress_dialog_get_replaced (dialog);
  g_autoptr(JpProgressEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  entry = jp_progress_entry_new (jp_progress_dialog_get_date (dialog), jp_progress_dialog_get_value (dialog));
  jp_progress_entry_set_note (entry, jp_progress_dialog_get_note (dialog));
  jp_progress_entry_set_author (entry, jp_progress_dialog_get_author (dialog));

  if (replaced != NULL)
    {
      /* One entry per date: the new value takes the old one's place. */
      jp_undo_begin_group (self->undo, _("Record progress"));
      ok = jp_undo_set_double (self->undo, replaced, "value", jp_progress_entry_get_value (entry), &error) &&
           jp_undo_set_string (self->undo, replaced, "note", jp_progress_entry_get_note (entry), &error) &&
           jp_undo_set_string (self->undo, replaced, "author", jp_progress_entry_get_author (entry), &error);
      if (ok)
        ok = jp_undo_end_group (self->undo, &error);
      else
        jp_undo_abort_group (self->undo);
    }
  else
    ok = jp_undo_add_progress (self->undo, indicator, entry, &error);

  if (!ok)
    {
      _jp_window_report_error (self, _("Could Not Record the Progress"), error);
      return;
    }

  jp_item_page_select_indicator (self->item_page, indicator);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
record_progress_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpIndicator *indicator;
  JpProgressDialog *dialog;

  if (!refresh_for_edit (self))
    return;
  indicator = find_indicator (self, g_variant_get_int64 (parameter));
  if (indicator == NULL)
    return;

  dialog = jp_progress_dialog_new (self->plan, indicator, author (self));
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_progress_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
delete_progress_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpIndicator *indicator = NULL;
  JpProgressEntry *entry;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *toast = NULL;

  if (!refresh_for_edit (self))
    return;
  entry = find_entry (self, g_variant_get_int64 (parameter), &indicator);
  if (entry == NULL)
    return;

  date = jp_date_format_display (jp_progress_entry_get_date (entry));
  /* Translators: a toast; the entry's date */
  toast = g_strdup_printf (_("Entry of %s deleted"), date);
  if (!jp_undo_remove_progress (self->undo, indicator, entry, &error))
    _jp_window_report_error (self, _("Could Not Delete the Entry"), error);
  else
    _jp_window_show_toast (self, toast, TRUE);
}

/* ---- updates ------------------------------------------------------------ */

static void
on_update_dialog_confirmed_cb (JpUpdateDialog *dialog,
                               JpWindow       *self)
{
  JpItemUpdate *update = jp_update_dialog_get_update (dialog);
  g_autofree char *note = jp_update_dialog_dup_note (dialog);
  g_autofree char *problems = jp_update_dialog_dup_problems (dialog);
  g_autofree char *next_steps = jp_update_dialog_dup_next_steps (dialog);
  g_autofree char *who = jp_update_dialog_dup_author (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (update != NULL)
    {
      JpUndo *undo = self->undo;

      jp_undo_begin_group (undo, _("Edit update"));
      ok = jp_undo_set_string (undo, update, "date", jp_update_dialog_get_date (dialog), &error) &&
           (jp_update_dialog_get_has_completion (dialog)
            ? (jp_undo_set_double (undo, update, "completion", jp_update_dialog_get_completion (dialog), &error) &&
               jp_undo_set_boolean (undo, update, "has-completion", TRUE, &error))
            : jp_undo_set_boolean (undo, update, "has-completion", FALSE, &error)) &&
           jp_undo_set_string (undo, update, "note", note, &error) &&
           jp_undo_set_string (undo, update, "problems", problems, &error) &&
           jp_undo_set_string (undo, update, "next-steps", next_steps, &error) &&
           jp_undo_set_string (undo, update, "author", who, &error);
    }
  else
    {
      JpItem *item = selected_item (self);

      if (item == NULL)
        return;

      update = jp_item_update_new (jp_update_dialog_get_date (dialog));
      g_object_set_data_full (G_OBJECT (dialog), "jp-new", update, g_object_unref);
      jp_item_update_set_has_completion (update, jp_update_dialog_get_has_completion (dialog));
      jp_item_update_set_completion (update, jp_update_dialog_get_completion (dialog));
      jp_item_update_set_note (update, note);
      jp_item_update_set_problems (update, problems);
      jp_item_update_set_next_steps (update, next_steps);
      jp_item_update_set_author (update, who);

      jp_undo_begin_group (self->undo, _("Add update"));
      ok = jp_undo_add_update (self->undo, item, update, &error);
    }

  if (finish (self, ok, _("Could Not Save the Update"), error))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
open_update_dialog (JpWindow     *self,
                    JpItemUpdate *update)
{
  JpUpdateDialog *dialog = jp_update_dialog_new (self->plan, update, author (self));

  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_update_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
add_update_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  if (!refresh_for_edit (self))
    return;
  open_update_dialog (self, NULL);
}

static void
edit_update_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpItemUpdate *update;

  if (!refresh_for_edit (self))
    return;
  update = find_update (self, g_variant_get_int64 (parameter));
  if (update != NULL)
    open_update_dialog (self, update);
}

static void
delete_update_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpItemUpdate *update;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *toast = NULL;

  if (!refresh_for_edit (self))
    return;
  update = find_update (self, g_variant_get_int64 (parameter));
  if (update == NULL)
    return;

  date = jp_date_format_display (jp_item_update_get_date (update));
  /* Translators: a toast; the update's date */
  toast = g_strdup_printf (_("Update of %s deleted"), date);
  if (!jp_undo_remove_update (self->undo, selected_item (self), update, &error))
    _jp_window_report_error (self, _("Could Not Delete the Update"), error);
  else
    _jp_window_show_toast (self, toast, TRUE);
}

/* ---- leaders and units -------------------------------------------------- */

static const char *
person_name (gpointer person)
{
  return JP_IS_LEADER (person) ? jp_leader_get_name (person) : jp_unit_get_name (person);
}

static void
on_people_rename_cb (JpPeopleDialog *dialog,
                     GObject        *person,
                     const char     *name,
                     JpWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (!_jp_window_get_editable (self))
    return;

  if (!jp_undo_set_string (self->undo, person, "name", name, &error))
    _jp_window_report_error (self, _("Could Not Rename"), error);
}

static void
on_people_merge_cb (JpPeopleDialog *dialog,
                    GObject        *from,
                    GObject        *into,
                    JpWindow       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!_jp_window_get_editable (self))
    return;

  /* Translators: a toast after merging two leaders or units */
  toast = g_strdup_printf (_("“%s” merged into “%s”"), person_name (from), person_name (into));
  if (!jp_undo_merge_people (self->undo, self->plan, from, into, &error))
    _jp_window_report_error (self, _("Could Not Merge"), error);
  else
    _jp_window_show_toast (self, toast, TRUE);
}

static void
on_people_remove_cb (JpPeopleDialog *dialog,
                     GObject        *person,
                     JpWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (!_jp_window_get_editable (self))
    return;

  if (!jp_undo_remove_person (self->undo, self->plan, person, &error))
    _jp_window_report_error (self, _("Could Not Delete"), error);
}

static void
on_people_add_cb (JpPeopleDialog *dialog,
                  gboolean        leader,
                  const char     *name,
                  JpWindow       *self)
{
  g_autoptr(GObject) person = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  if (!_jp_window_get_editable (self))
    return;

  person = leader ? G_OBJECT (jp_leader_new (name)) : G_OBJECT (jp_unit_new (name));
  list = leader ? jp_plan_get_leaders (self->plan) : jp_plan_get_units (self->plan);
  if (!jp_undo_add_person (self->undo, self->plan, g_list_model_get_n_items (list), person, &error))
    _jp_window_report_error (self, _("Could Not Add"), error);
}

static void
manage_people_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpPeopleDialog *dialog;

  _jp_window_check_external_changes (self, TRUE);
  if (self->plan == NULL)
    return;

  dialog = jp_people_dialog_new (self->plan);

  jp_people_dialog_set_editable (dialog, _jp_window_get_editable (self));
  g_signal_connect_object (dialog, "rename", G_CALLBACK (on_people_rename_cb), self, 0);
  g_signal_connect_object (dialog, "merge", G_CALLBACK (on_people_merge_cb), self, 0);
  g_signal_connect_object (dialog, "remove", G_CALLBACK (on_people_remove_cb), self, 0);
  g_signal_connect_object (dialog, "add", G_CALLBACK (on_people_add_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- plan properties and help ---------------------------------------------- */

static void
on_plan_dialog_confirmed_cb (JpPlanDialog *dialog,
                             JpWindow     *self)
{
  JpPlan *plan = jp_plan_dialog_get_plan (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (plan != self->plan)
    return;

  jp_undo_begin_group (self->undo, _("Edit plan properties"));
  ok = jp_undo_set_string (self->undo, plan, "curve", jp_plan_dialog_get_curve (dialog), &error) &&
       jp_undo_set_string (self->undo, plan, "report-cycle", jp_plan_dialog_get_report_cycle (dialog), &error);

  if (finish (self, ok, _("Could Not Save the Plan Properties"), error))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
plan_properties_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpPlanDialog *dialog;

  if (!refresh_for_edit (self) || self->plan == NULL)
    return;

  dialog = jp_plan_dialog_new (self->plan);
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_plan_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_help_window_destroy_cb (GtkWidget *help,
                           JpWindow  *self)
{
  if (g_object_get_data (G_OBJECT (self), "jp-help-window") == help)
    g_object_set_data (G_OBJECT (self), "jp-help-window", NULL);
}

/* One help window per main window, beside it (not modal: it explains what
 * the window shows). */
static void
show_status_help_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWindow *help = g_object_get_data (G_OBJECT (widget), "jp-help-window");

  if (help == NULL)
    {
      help = GTK_WINDOW (jp_help_window_new ());
      gtk_window_set_transient_for (help, GTK_WINDOW (widget));
      gtk_window_set_destroy_with_parent (help, TRUE);
      g_object_set_data (G_OBJECT (widget), "jp-help-window", help);
      g_signal_connect_object (help, "destroy", G_CALLBACK (on_help_window_destroy_cb), widget, 0);
    }

  gtk_window_present (help);
}

/* ---- plans, import, export ---------------------------------------------- */

static void
open_plan_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!jp_window_open_plan (self, g_variant_get_int64 (parameter), &error))
    _jp_window_report_error (self, _("Could Not Open the Plan"), error);
}

static void
open_sample_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!_jp_window_import_sample (self, &error))
    _jp_window_report_error (self, _("Could Not Open the Sample"), error);
}

void
_jp_window_import_plans (JpWindow  *self,
                         GPtrArray *plans)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  JpPlan *first;

  if (plans->len == 0)
    return;

  /* Before an import changes a database that holds plans: a check and a
   * copy of it, as the command line makes. Without them nothing is
   * imported. */
  if (!jp_store_backup_before_import (self->store, FALSE, NULL, NULL, &error))
    {
      _jp_window_report_error (self, _("Could Not Import"), error);
      return;
    }

  if (!jp_store_insert_plans (self->store, (JpPlan **) plans->pdata, plans->len, &error))
    {
      _jp_window_report_error (self, _("Could Not Import"), error);
      return;
    }

  first = g_ptr_array_index (plans, 0);
  _jp_window_reload_plans (self);
  if (!jp_window_open_plan (self, jp_plan_get_id (first), &error))
    {
      _jp_window_report_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  /* Translators: a toast after an import; the plan's title */
  toast = g_strdup_printf (_("Imported “%s”"), jp_plan_get_title (first));
  _jp_window_show_toast (self, toast, FALSE);
}

typedef struct
{
  GPtrArray *plans;    /* JpPlan */
  GPtrArray *warnings; /* JpImportWarning, nullable */
  char      *name;
} ImportResult;

static void
import_result_free (gpointer data)
{
  ImportResult *result = data;

  g_clear_pointer (&result->plans, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result->name);
  g_free (result);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  g_autofree char *basename = g_file_get_basename (file);
  GError *error = NULL;

  result->name = g_strdup (basename);

  if (g_str_has_suffix (basename, ".json") || g_str_has_suffix (basename, ".JSON"))
    {
      result->plans = jp_json_import_file (file, cancellable, &error);
    }
  else
    {
      JpPlan *plan = jp_document_import_file (file, cancellable, &result->warnings, &error);

      if (plan != NULL)
        {
          result->plans = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (result->plans, plan);
        }
    }

  if (result->plans == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, import_result_free);
}

static void
on_import_dialog_confirmed_cb (JpImportDialog *dialog,
                               JpWindow       *self)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_ref (jp_import_dialog_get_plans (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  _jp_window_import_plans (self, plans);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(JpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  JpImportDialog *dialog;

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _jp_window_report_error (self, _("Could Not Import"), error);
      return;
    }

  dialog = jp_import_dialog_new (result->name, result->plans, result->warnings);
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_import_dialog_confirmed_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
  import_result_free (result);
}

static void
import_file (JpWindow *self,
             GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, import_done_cb, g_object_ref (self));

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               JpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      import_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (plans, _("Plan documents and exports (.txt, .md, .json)"));
  gtk_file_filter_add_suffix (plans, "txt");
  gtk_file_filter_add_suffix (plans, "md");
  gtk_file_filter_add_suffix (plans, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), plans);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_file_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  import_file (JP_WINDOW (widget), file);
}

void
_jp_window_import_plan_file (JpWindow *self,
                             GFile    *file)
{
  import_file (self, file);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               JpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL ||
          !jp_output_check_target (path, self->db_path, NULL, &error) ||
          !jp_json_write_file (&self->plan, 1, path, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Choose a local file to export to."));
          _jp_window_report_error (self, _("Could Not Export"), error);
        }
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: a toast; the file name */
          g_autofree char *toast = g_strdup_printf (_("Exported to “%s”"), basename);

          _jp_window_show_toast (self, toast, FALSE);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_json_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->plan == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Plan as JSON"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.json", jp_plan_get_title (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- reports, spreadsheets, progress, backups --------------------------- */

static void
on_export_dialog_exported_cb (JpExportDialog *dialog,
                              GFile          *file,
                              JpWindow       *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, jp_export_toast_new (GTK_WINDOW (self), file));
}

static void
open_export_dialog (JpWindow     *self,
                    JpExportMode  mode)
{
  JpExportDialog *dialog;

  if (self->plan == NULL)
    return;

  jp_item_page_commit (self->item_page);
  dialog = jp_export_dialog_new (self->plan, mode);
  jp_export_dialog_set_database (dialog, self->db_path);
  /* The date the window shows its figures at (the plan's default unless
   * the user picked another). */
  if (jp_window_get_as_of (self) != NULL)
    jp_export_dialog_set_as_of (dialog, jp_window_get_as_of (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_export_dialog_exported_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

static void
export_pdf_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_export_dialog (JP_WINDOW (widget), JP_EXPORT_PDF);
}

static void
export_spreadsheet_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_export_dialog (JP_WINDOW (widget), JP_EXPORT_SPREADSHEET);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  open_export_dialog (JP_WINDOW (widget), JP_EXPORT_PRINT);
}

static void
on_progress_imported_cb (JpProgressImportDialog *dialog,
                         guint                   n_committed,
                         guint                   n_skipped,
                         guint                   n_failed,
                         JpWindow               *self)
{
  g_autofree char *summary = jp_progress_import_dialog_dup_summary (dialog);

  _jp_window_show_toast (self, summary, FALSE);
}

static JpProgressImportDialog *
open_progress_import_dialog (JpWindow *self)
{
  JpProgressImportDialog *dialog;

  jp_item_page_commit (self->item_page);
  dialog = jp_progress_import_dialog_new (self->plan, self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_progress_imported_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));

  return dialog;
}

static void
import_progress_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  /* The rows are matched against the plan as the database holds it. */
  if (refresh_for_edit (self))
    jp_progress_import_dialog_choose_file (open_progress_import_dialog (self));
}

static void
import_progress_file_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  _jp_window_import_progress_file (JP_WINDOW (widget), file);
}

void
_jp_window_import_progress_file (JpWindow *self,
                                 GFile    *file)
{
  if (refresh_for_edit (self))
    jp_progress_import_dialog_load_file (open_progress_import_dialog (self), file);
}

/* The database holds the backup's content: load the plan again (the same
 * one when the backup has it). */
static void
on_backup_restored_cb (JpBackupDialog *dialog,
                       JpWindow       *self)
{
  gint64 id = self->plan != NULL ? jp_plan_get_id (self->plan) : 0;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  _jp_window_reload_plans (self);
  plans = jp_store_list_plans (self->store, &error);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    found |= ((JpPlanInfo *) g_ptr_array_index (plans, i))->id == id;
  if (!found)
    id = jp_store_get_latest_plan_id (self->store, NULL);

  if (id == 0)
    _jp_window_set_plan (self, NULL);
  else if (!jp_window_open_plan (self, id, &error))
    {
      _jp_window_report_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  _jp_window_show_toast (self, _("Backup restored"), FALSE);
}

static void
restore_backup_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  JpBackupDialog *dialog;

  if (self->store == NULL)
    return;

  jp_item_page_commit (self->item_page);
  dialog = jp_backup_dialog_new (self->store);
  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_backup_restored_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- views and search --------------------------------------------------- */

static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->leader_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
show_plan_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (JP_WINDOW (widget)->view_stack, "plan");
}

static void
show_dashboard_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (JP_WINDOW (widget)->view_stack, "dashboard");
}

/* ---- enabled states ----------------------------------------------------- */

void
jp_window_update_actions (JpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = _jp_window_get_editable (self);
  gboolean has_plan = self->plan != NULL;
  /* While the first plan loads in a thread, nothing may use the store. */
  gboolean idle_store = self->store != NULL && !self->loading;
  gboolean writable = idle_store && !jp_window_get_review_mode (self) &&
                      !jp_store_get_read_only (self->store);
  GObject *selected = jp_plan_tree_get_selected_object (self->plan_tree);
  gboolean item = JP_IS_ITEM (selected);
  gboolean has_sections = has_plan && g_list_model_get_n_items (jp_plan_get_sections (self->plan)) > 0;

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 editable && self->undo != NULL && jp_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 editable && self->undo != NULL && jp_undo_get_can_redo (self->undo));

  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.import-file", writable);
  gtk_widget_action_set_enabled (widget, "win.open-sample", writable);
  gtk_widget_action_set_enabled (widget, "win.export-json", has_plan);
  gtk_widget_action_set_enabled (widget, "win.open-plan", idle_store);

  /* Exports and printing read; the progress import and a restore write. */
  gtk_widget_action_set_enabled (widget, "win.import-progress", editable);
  gtk_widget_action_set_enabled (widget, "win.import-progress-file", editable);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", has_plan);
  gtk_widget_action_set_enabled (widget, "win.export-spreadsheet", has_plan);
  gtk_widget_action_set_enabled (widget, "win.print", has_plan);
  gtk_widget_action_set_enabled (widget, "win.restore-backup", writable);

  gtk_widget_action_set_enabled (widget, "win.add-section", editable);
  gtk_widget_action_set_enabled (widget, "win.add-item", editable && has_sections);
  gtk_widget_action_set_enabled (widget, "win.add-indicator", editable && item);
  gtk_widget_action_set_enabled (widget, "win.add-update", editable && item);
  gtk_widget_action_set_enabled (widget, "win.edit-selected", editable && selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-selected", editable && selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-up", editable && selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-down", editable && selected != NULL);

  gtk_widget_action_set_enabled (widget, "win.edit-indicator", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-indicator", editable);
  gtk_widget_action_set_enabled (widget, "win.move-indicator-up", editable);
  gtk_widget_action_set_enabled (widget, "win.move-indicator-down", editable);
  gtk_widget_action_set_enabled (widget, "win.record-progress", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-progress", editable);
  gtk_widget_action_set_enabled (widget, "win.edit-update", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-update", editable);

  gtk_widget_action_set_enabled (widget, "win.manage-people", has_plan);
  gtk_widget_action_set_enabled (widget, "win.plan-properties", editable);
  gtk_widget_action_set_enabled (widget, "win.search", has_plan);
  gtk_widget_action_set_enabled (widget, "win.clear-filters", has_plan);
  gtk_widget_action_set_enabled (widget, "win.show-plan", has_plan);
  gtk_widget_action_set_enabled (widget, "win.show-dashboard", has_plan);
  gtk_widget_action_set_enabled (widget, "win.review-mode",
                                 idle_store && !self->read_only && self->review_reason == NULL &&
                                 !jp_store_get_read_only (self->store));
  update_plan_actions (self);
}

void
_jp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", undo_step_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_cb);

  gtk_widget_class_install_action (widget_class, "win.open-plan", "x", open_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.import-file", "s", import_file_cb);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_cb);
  gtk_widget_class_install_action (widget_class, "win.import-progress", NULL, import_progress_cb);
  gtk_widget_class_install_action (widget_class, "win.import-progress-file", "s", import_progress_file_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_cb);
  gtk_widget_class_install_action (widget_class, "win.export-spreadsheet", NULL, export_spreadsheet_cb);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_cb);

  gtk_widget_class_install_action (widget_class, "win.add-section", NULL, add_section_cb);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, add_item_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-selected", NULL, edit_selected_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_selected_cb);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_up_cb);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_down_cb);

  gtk_widget_class_install_action (widget_class, "win.add-indicator", NULL, add_indicator_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-indicator", "x", edit_indicator_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-indicator", "x", delete_indicator_cb);
  gtk_widget_class_install_action (widget_class, "win.move-indicator-up", "x", move_indicator_up_cb);
  gtk_widget_class_install_action (widget_class, "win.move-indicator-down", "x", move_indicator_down_cb);
  gtk_widget_class_install_action (widget_class, "win.record-progress", "x", record_progress_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-progress", "x", delete_progress_cb);

  gtk_widget_class_install_action (widget_class, "win.add-update", NULL, add_update_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-update", "x", edit_update_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-update", "x", delete_update_cb);

  gtk_widget_class_install_action (widget_class, "win.manage-people", NULL, manage_people_cb);
  gtk_widget_class_install_action (widget_class, "win.plan-properties", NULL, plan_properties_cb);
  gtk_widget_class_install_action (widget_class, "win.show-status-help", NULL, show_status_help_cb);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_cb);
  gtk_widget_class_install_action (widget_class, "win.show-plan", NULL, show_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_cb);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.import-document", NULL, import_kind_cb);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_kind_cb);
  gtk_widget_class_install_action (widget_class, "win.rename-plan", "x", rename_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-plan", "x", delete_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-plan", "x", undo_delete_plan_cb);
}

/* ---- plan management: new, rename, delete (with undo) ------------------ */

/* The plan of @id: the one shown, or loaded from the store. */
static JpPlan *
dup_plan (JpWindow  *self,
          gint64     id,
          GError   **error)
{
  if (self->plan != NULL && jp_plan_get_id (self->plan) == id)
    return g_object_ref (self->plan);

  return jp_store_load_plan (self->store, id, error);
}

static void
on_plan_toast_dismissed_cb (AdwToast *toast,
                            JpWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), "jp-plan-toast") == toast)
    g_object_set_data (G_OBJECT (self), "jp-plan-toast", NULL);
}

/* Shows @toast (taking it) of plan management in place of the previous
 * one, which goes at once: a deletion's Undo never waits behind an older
 * note. Normal priority: libadwaita 1.2 aborts when a high-priority toast
 * pushes a shown one back into its queue and that one is shown again. */
static void
show_plan_toast (JpWindow *self,
                 AdwToast *toast)
{
  AdwToast *previous = g_object_get_data (G_OBJECT (self), "jp-plan-toast");

  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_plan_toast_dismissed_cb), self, 0);
  /* Kept while shown (tests read it). */
  g_object_set_data_full (G_OBJECT (self), "jp-plan-toast", g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
plan_toast (JpWindow   *self,
            const char *text)
{
  show_plan_toast (self, adw_toast_new (text));
}

/* Plans are added, renamed and deleted while the database can be written:
 * with a plan or without one (the empty state), not in review mode. */
static gboolean
plans_writable (JpWindow *self)
{
  return self->store != NULL && !self->loading && !self->read_only &&
         self->review_reason == NULL && !jp_window_get_review_mode (self) &&
         !jp_store_get_read_only (self->store);
}

static void
on_new_plan_title_changed_cb (GtkEditable      *title,
                              AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (title)));

  adw_message_dialog_set_response_enabled (dialog, "create", text[0] != '\0');
}

static void
on_new_plan_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JpWindow         *self)
{
  GtkEditable *title_row = g_object_get_data (G_OBJECT (dialog), "jp-title");
  GtkSpinButton *year_button = g_object_get_data (G_OBJECT (dialog), "jp-year");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (title_row)));
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (g_strcmp0 (response, "create") != 0 || title[0] == '\0' || !plans_writable (self))
    return;

  plan = jp_plan_new (title, gtk_spin_button_get_value_as_int (year_button));
  if (!jp_store_insert_plans (self->store, &plan, 1, &error))
    {
      _jp_window_report_error (self, _("Could Not Create the Plan"), error);
      return;
    }

  _jp_window_reload_plans (self);
  if (!jp_window_open_plan (self, jp_plan_get_id (plan), &error))
    {
      _jp_window_report_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  /* Translators: a toast; the plan's title */
  toast = g_strdup_printf (_("Created “%s”"), title);
  plan_toast (self, toast);
}

/* A small dialog of plan management: Cancel and @response (@label). A
 * suggested response is the default, enabled once the fields make sense;
 * a destructive one never is the default. */
static GtkWidget *
plan_dialog_new (JpWindow              *self,
                 const char            *heading,
                 const char            *body,
                 const char            *response,
                 const char            *label,
                 AdwResponseAppearance  appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);
  gboolean destructive = appearance == ADW_RESPONSE_DESTRUCTIVE;

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (message, response, appearance);
  adw_message_dialog_set_default_response (message, destructive ? "cancel" : response);
  adw_message_dialog_set_close_response (message, "cancel");
  adw_message_dialog_set_response_enabled (message, response, destructive);

  return dialog;
}

/* A boxed list of the rows of a small dialog's extra child. */
static GtkWidget *
boxed_list (GtkWidget *first,
            GtkWidget *second)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  if (second != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list), second);

  return list;
}

/* "New Plan…": an empty plan of a title and a year. */
static void
new_plan_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *dialog, *title, *year_row, *year;

  if (!plans_writable (self))
    return;

  dialog = plan_dialog_new (self, _("New Plan"),
                            _("An empty plan: add its sections and work points "
                              "afterwards, or import a plan document instead."),
                            "create", _("C_reate"), ADW_RESPONSE_SUGGESTED);

  title = adw_entry_row_new ();
  gtk_widget_set_name (title, "plan_title_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  year = gtk_spin_button_new_with_range (2000, 2100, 1);
  gtk_widget_set_name (year, "plan_year_button");
  gtk_widget_set_valign (year, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), g_date_time_get_year (now));
  year_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Year"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), year);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), boxed_list (title, year_row));

  g_object_set_data (G_OBJECT (dialog), "jp-title", title);
  g_object_set_data (G_OBJECT (dialog), "jp-year", year);
  g_signal_connect_object (title, "changed", G_CALLBACK (on_new_plan_title_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_plan_response_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

/* "Import Document…" and "Import JSON…": the import of Import…, with the
 * file chooser showing only that kind of file. */
static void
import_kind_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  gboolean json = g_str_equal (action_name, "win.import-json");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (!plans_writable (self))
    return;

  chooser = gtk_file_chooser_native_new (json ? _("Import a JSON Export") : _("Import a Plan Document"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  if (json)
    {
      gtk_file_filter_set_name (filter, _("JSON exports (.json)"));
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Plan documents (.txt, .md)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "md");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_rename_plan_text_changed_cb (GtkEditable      *entry,
                                AdwMessageDialog *dialog)
{
  const char *old_title = g_object_get_data (G_OBJECT (dialog), "jp-old-title");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           text[0] != '\0' && g_strcmp0 (text, old_title) != 0);
}

static void
on_rename_plan_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            JpWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "jp-title");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "jp-plan-id");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "rename") != 0 || title[0] == '\0' || !plans_writable (self))
    return;

  _jp_window_check_external_changes (self, TRUE);
  plan = dup_plan (self, id, &error);
  if (plan == NULL)
    {
      _jp_window_report_error (self, _("Could Not Rename the Plan"), error);
      return;
    }

  if (plan == self->plan && self->undo != NULL)
    {
      /* The plan shown: a step of its undo history. */
      jp_undo_begin_group (self->undo, _("Rename plan"));
      ok = jp_undo_set_string (self->undo, plan, "title", title, &error);
      ok = finish (self, ok, _("Could Not Rename the Plan"), error);
    }
  else
    {
      ok = jp_store_set_string (self->store, plan, "title", title, &error);
      if (!ok)
        _jp_window_report_error (self, _("Could Not Rename the Plan"), error);
    }

  _jp_window_reload_plans (self);
  if (ok)
    {
      /* Translators: a toast; the plan's new title */
      g_autofree char *toast = g_strdup_printf (_("Renamed the plan “%s”"), title);

      plan_toast (self, toast);
    }
}

/* The rename button of a plan switcher row: a small dialog with the title. */
static void
rename_plan_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *entry;

  gtk_popover_popdown (self->plans_popover);
  if (!plans_writable (self))
    return;

  plan = dup_plan (self, id, &error);
  if (plan == NULL)
    {
      _jp_window_report_error (self, _("Could Not Rename the Plan"), error);
      return;
    }

  dialog = plan_dialog_new (self, _("Rename Plan"), NULL, "rename", _("_Rename"),
                            ADW_RESPONSE_SUGGESTED);

  entry = adw_entry_row_new ();
  gtk_widget_set_name (entry, "plan_title_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (entry), jp_plan_get_title (plan));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), boxed_list (entry, NULL));

  g_object_set_data_full (G_OBJECT (dialog), "jp-old-title", g_strdup (jp_plan_get_title (plan)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "jp-plan-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (dialog), "jp-title", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_rename_plan_text_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_plan_response_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Deleted plans that their toast can still bring back: serial → GBytes
 * (the plan's JSON export, histories included). */
static GHashTable *
deleted_plans (JpWindow *self)
{
  GHashTable *table = g_object_get_data (G_OBJECT (self), "jp-deleted-plans");

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_bytes_unref);
      g_object_set_data_full (G_OBJECT (self), "jp-deleted-plans", table,
                              (GDestroyNotify) g_hash_table_unref);
    }

  return table;
}

static void
on_delete_plan_toast_dismissed_cb (AdwToast *toast,
                                   JpWindow *self)
{
  gint64 serial = g_variant_get_int64 (adw_toast_get_action_target_value (toast));

  /* Gone with its toast: the backup made before the deletion remains. */
  g_hash_table_remove (deleted_plans (self), &serial);
}

/* Deletes plan @id: a backup of the database first, and the plan kept in
 * memory as its JSON export for the toast's Undo. */
static void
delete_plan (JpWindow *self,
             gint64    id)
{
  static gint64 last_serial;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  gboolean shown;
  gint64 serial, next;
  gsize length;
  AdwToast *toast;

  _jp_window_check_external_changes (self, TRUE);
  plan = dup_plan (self, id, &error);
  json = plan != NULL ? jp_json_export_plans (&plan, 1, &length, &error) : NULL;
  if (json == NULL)
    {
      _jp_window_report_error (self, _("Could Not Delete the Plan"), error);
      return;
    }

  /* The backup first; without it nothing is deleted. */
  if (!jp_store_backup (self->store, NULL, JP_STORE_BACKUP_DELETE, jp_store_get_backups_to_keep (),
                        NULL, &error) ||
      !jp_store_delete_plan (self->store, id, &error))
    {
      _jp_window_report_error (self, _("Could Not Delete the Plan"), error);
      return;
    }

  title = jp_ui_dup_plan_label (jp_plan_get_year (plan), jp_plan_get_title (plan));
  shown = plan == self->plan;
  g_clear_object (&plan);

  /* The plan shown goes: the newest plan left, or the empty state. */
  _jp_window_reload_plans (self);
  if (shown)
    {
      _jp_window_set_plan (self, NULL);
      next = jp_store_get_latest_plan_id (self->store, &error);
      if (next > 0 && !jp_window_open_plan (self, next, &error))
        _jp_window_report_error (self, _("Could Not Open the Plan"), error);
    }

  serial = ++last_serial;
  g_hash_table_insert (deleted_plans (self), g_memdup2 (&serial, sizeof serial),
                       g_bytes_new_take (g_steal_pointer (&json), length));

  /* Translators: a toast; the deleted plan's title */
  text = g_strdup_printf (_("Deleted “%s”"), title);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-plan");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (serial));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_plan_toast_dismissed_cb), self, 0);
  show_plan_toast (self, toast);
}

static void
on_delete_plan_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            JpWindow         *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "jp-plan-id");

  if (g_strcmp0 (response, "delete") == 0 && plans_writable (self))
    delete_plan (self, id);
}

/* The delete button of a plan switcher row: asks first. */
static void
delete_plan_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  const JpPlanInfo *info = NULL;
  GtkWidget *dialog;

  gtk_popover_popdown (self->plans_popover);
  if (!plans_writable (self))
    return;

  plans = jp_store_list_plans (self->store, &error);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (((JpPlanInfo *) g_ptr_array_index (plans, i))->id == id)
      info = g_ptr_array_index (plans, i);
  if (info == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND,
                             _("The plan is no longer in the database."));
      _jp_window_report_error (self, _("Could Not Delete the Plan"), error);
      return;
    }

  label = jp_ui_dup_plan_label (info->year, info->title);
  /* Translators: the plan's title */
  heading = g_strdup_printf (_("Delete “%s”?"), label);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u work point, with its targets, progress and "
                                       "history, is deleted. A backup of the database is made "
                                       "first, and Undo brings the plan back while its "
                                       "notification shows.",
                                       "Its %u work points, with their targets, progress and "
                                       "history, are deleted. A backup of the database is made "
                                       "first, and Undo brings the plan back while its "
                                       "notification shows.",
                                       info->n_items),
                          info->n_items);

  dialog = plan_dialog_new (self, heading, body, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "jp-plan-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_plan_response_cb), self, 0);
  _jp_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* The Undo of a plan deletion's toast: the plan comes back from its JSON
 * export, whole (sections, work points, targets, progress histories,
 * updates). jp_store_insert_plans() gives the restored plan and
 * everything in it new IDs; its change history (deleted with it) is not
 * restored, and the backup made before the deletion remains. */
static void
undo_delete_plan_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JpWindow *self = JP_WINDOW (widget);
  gint64 serial = g_variant_get_int64 (parameter);
  GHashTable *table = deleted_plans (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gpointer key = NULL, value = NULL;
  JpPlan *plan;

  /* Its toast is gone (or it was brought back already): nothing to do. */
  if (!plans_writable (self) || !g_hash_table_lookup_extended (table, &serial, &key, &value))
    return;

  bytes = g_bytes_ref (value);
  plans = jp_json_import_bytes (bytes, _("the deleted plan"), &error);
  if (plans == NULL || plans->len != 1 ||
      !jp_store_insert_plans (self->store, (JpPlan **) plans->pdata, plans->len, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                             _("The deleted plan could not be read back."));
      _jp_window_report_error (self, _("Could Not Restore the Plan"), error);
      return;
    }
  g_hash_table_remove (table, &serial);

  plan = g_ptr_array_index (plans, 0);
  _jp_window_reload_plans (self);
  if (!jp_window_open_plan (self, jp_plan_get_id (plan), &error))
    {
      _jp_window_report_error (self, _("Could Not Open the Plan"), error);
      return;
    }

  /* Translators: a toast; the plan's title */
  toast = g_strdup_printf (_("Restored “%s”"), jp_plan_get_title (plan));
  plan_toast (self, toast);
}

static void
update_plan_actions (JpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = plans_writable (self);

  gtk_widget_action_set_enabled (widget, "win.new-plan", writable);
  gtk_widget_action_set_enabled (widget, "win.import-document", writable);
  gtk_widget_action_set_enabled (widget, "win.import-json", writable);
  gtk_widget_action_set_enabled (widget, "win.rename-plan", writable);
  gtk_widget_action_set_enabled (widget, "win.delete-plan", writable);
  gtk_widget_action_set_enabled (widget, "win.undo-delete-plan", writable);
}
