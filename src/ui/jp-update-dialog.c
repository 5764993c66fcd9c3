#define G_LOG_DOMAIN "jp-update-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-update-dialog.h"
#include "jp-ui-util.h"

struct _JpUpdateDialog
{
  JpEditorDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow    *date_row;
  AdwEntryRow    *completion_row;
  AdwEntryRow    *author_row;
  GtkLabel       *error_label;
  GtkTextView    *note_view;
  GtkTextView    *problems_view;
  GtkTextView    *next_steps_view;
  GtkWidget      *save_button;

  JpPlan         *plan;   /* Owned */
  JpItemUpdate   *update; /* Owned, nullable */
  char           *date;
  gboolean        has_completion;
  double          completion;
};

G_DEFINE_FINAL_TYPE (JpUpdateDialog, jp_update_dialog, JP_TYPE_EDITOR_DIALOG)

static void
validate (JpUpdateDialog *self)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autofree char *iso = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *text_problem = NULL;
  const char *message;

  message = jp_ui_check_plan_date (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                   FALSE, &iso);
  jp_ui_show_invalid (GTK_WIDGET (self->date_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);
  g_free (self->date);
  self->date = g_steal_pointer (&iso);

  message = NULL;
  completion = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->completion_row))));
  self->has_completion = FALSE;
  if (completion[0] != '\0')
    {
      /* "60%" is fine too */
      if (g_str_has_suffix (completion, "%"))
        completion[strlen (completion) - 1] = '\0';
      else if (g_str_has_suffix (completion, "％"))
        completion[strlen (completion) - strlen ("％")] = '\0';

      if (!jp_ui_parse_number (completion, &self->completion))
        message = _("The completion must be a number from 0 to 100.");
      else if (self->completion < 0 || self->completion > 100)
        message = _("The completion must be between 0 and 100.");
      else
        self->has_completion = TRUE;
    }
  jp_ui_show_invalid (GTK_WIDGET (self->completion_row), NULL, message);
  if (message != NULL)
    g_ptr_array_add (messages, (gpointer) message);

  /* Texts no export could write back out (jp-limits.h). */
  {
    GtkTextView *views[] = { self->note_view, self->problems_view, self->next_steps_view };

    for (guint i = 0; i < G_N_ELEMENTS (views) && text_problem == NULL; i++)
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (views[i]);
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        if (gtk_text_buffer_get_char_count (buffer) <= JP_TEXT_MAX)
          continue;
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        text_problem = jp_limits_check_text (text, -1);
      }
    if (text_problem != NULL)
      g_ptr_array_add (messages, text_problem);
  }

  g_ptr_array_add (messages, NULL);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) messages->pdata);

    gtk_label_set_text (self->error_label, joined);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), joined[0] != '\0');
  }

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), messages->len == 1);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
load (JpUpdateDialog *self,
      const char     *author)
{
  if (self->update == NULL)
    {
      g_autofree char *today = jp_date_today_iso ();
      const char *date = today;

      if (jp_date_compare (today, jp_plan_get_end (self->plan)) > 0)
        date = jp_plan_get_end (self->plan);
      else if (jp_date_compare (today, jp_plan_get_start (self->plan)) < 0)
        date = jp_plan_get_start (self->plan);

      gtk_window_set_title (GTK_WINDOW (self), _("New Update"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->author_row),
                             author != NULL && author[0] != '\0' ? author : jp_ui_default_author ());
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Update"));
  jp_editor_dialog_set_needs_change (JP_EDITOR_DIALOG (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), jp_item_update_get_date (self->update));
  if (jp_item_update_get_has_completion (self->update))
    {
      g_autofree char *completion = jp_format_number (jp_item_update_get_completion (self->update), FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->completion_row), completion);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->author_row),
                         jp_item_update_get_author (self->update) != NULL ? jp_item_update_get_author (self->update) : "");
  set_view_text (self->note_view, jp_item_update_get_note (self->update));
  set_view_text (self->problems_view, jp_item_update_get_problems (self->update));
  set_view_text (self->next_steps_view, jp_item_update_get_next_steps (self->update));
}

static void
jp_update_dialog_dispose (GObject *object)
{
  JpUpdateDialog *self = (JpUpdateDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_UPDATE_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->update);

  G_OBJECT_CLASS (jp_update_dialog_parent_class)->dispose (object);
}

static void
jp_update_dialog_finalize (GObject *object)
{
  JpUpdateDialog *self = (JpUpdateDialog *) object;

  g_free (self->date);

  G_OBJECT_CLASS (jp_update_dialog_parent_class)->finalize (object);
}

static void
jp_update_dialog_class_init (JpUpdateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_update_dialog_dispose;
  object_class->finalize = jp_update_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/jinfeng/plan/ui/jp-update-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, completion_row);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, JpUpdateDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
jp_update_dialog_init (JpUpdateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JpUpdateDialog *
jp_update_dialog_new (JpPlan       *plan,
                      JpItemUpdate *update,
                      const char   *author)
{
  JpUpdateDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (update == NULL || JP_IS_ITEM_UPDATE (update), NULL);

  self = g_object_new (JP_TYPE_UPDATE_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->update = update != NULL ? g_object_ref (update) : NULL;
  load (self, author);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->problems_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->next_steps_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  validate (self);

  return self;
}

JpItemUpdate *
jp_update_dialog_get_update (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return self->update;
}

const char *
jp_update_dialog_get_date (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return self->date;
}

gboolean
jp_update_dialog_get_has_completion (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), FALSE);
  return self->has_completion;
}

double
jp_update_dialog_get_completion (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), 0);
  return self->has_completion ? self->completion : 0;
}

char *
jp_update_dialog_dup_note (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return dup_view_text (self->note_view);
}

char *
jp_update_dialog_dup_problems (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return dup_view_text (self->problems_view);
}

char *
jp_update_dialog_dup_next_steps (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return dup_view_text (self->next_steps_view);
}

char *
jp_update_dialog_dup_author (JpUpdateDialog *self)
{
  g_return_val_if_fail (JP_IS_UPDATE_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));
}
