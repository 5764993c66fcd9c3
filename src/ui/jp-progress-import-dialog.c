/* jp-progress-import-dialog.c: Import Progress… with a preview
 *
 * The file is read asynchronously, then checked against the plan on the
 * main thread (jp_progress_import_new_for_bytes: the plan is only read
 * there). The preview is a GtkColumnView over the JpProgressImport (a
 * GListModel of JpProgressRow); a row's state cell follows "state", so
 * that the commit marks the rows recorded. Rows without a date are errors
 * until a date is chosen for them (the date row above the table, shown
 * when the file has such rows). The commit records all rows or none: the
 * Import button stays insensitive while a row has an error. */

#define G_LOG_DOMAIN "jp-progress-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jp-csv.h"
#include "jp-date-picker.h"
#include "jp-progress-import-dialog.h"
#include "jp-store-backup.h"
#include "jp-ui-util.h"

typedef enum
{
  COLUMN_LINE,
  COLUMN_ITEM,
  COLUMN_INDICATOR,
  COLUMN_DATE,
  COLUMN_VALUE,
  COLUMN_STATE,
  N_COLUMNS
} Column;

struct _JpProgressImportDialog
{
  JpEditorDialog     parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkWidget         *cancel_button;
  GtkWidget         *choose_button;
  GtkStack          *stack;
  AdwStatusPage     *loading_page;
  AdwStatusPage     *error_page;
  GtkLabel          *summary_label;
  GtkLabel          *error_label;
  GtkColumnView     *column_view;
  GtkWidget         *date_list;
  AdwEntryRow       *date_row;
  GtkPopover        *calendar_popover;
  JpDatePicker      *date_picker;

  JpPlan            *plan;        /* Owned */
  JpStore           *store;       /* Owned */
  JpProgressImport  *import;      /* Owned, nullable */
  GCancellable      *cancellable; /* Owned: the file being read */
  char              *error;
  gboolean           loading;
  gboolean           committed;
  guint              n_committed;
  guint              n_skipped;
  guint              n_failed;
  guint              n_changed;
};

G_DEFINE_FINAL_TYPE (JpProgressImportDialog, jp_progress_import_dialog, JP_TYPE_EDITOR_DIALOG)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the rows ----------------------------------------------------------- */

static void
update_state_cell (GtkWidget     *box,
                   JpProgressRow *row)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  const char *message = jp_progress_row_get_message (row);
  g_autofree char *text = NULL;
  const char *icon_name;
  const char *css;

  switch (jp_progress_row_get_state (row))
    {
    case JP_PROGRESS_ROW_NEW:
      text = g_strdup (_("To import"));
      icon_name = "list-add-symbolic";
      css = "accent";
      break;
    case JP_PROGRESS_ROW_DUPLICATE:
      /* Translators: a row of the progress import preview; the reason */
      text = message != NULL ? g_strdup_printf (_("Skipped: %s"), message)
                             : g_strdup (_("Skipped: already recorded"));
      icon_name = "edit-redo-symbolic";
      css = "dim-label";
      break;
    case JP_PROGRESS_ROW_CHANGE:
      /* Translators: a row of the progress import preview that replaces
       * a value recorded for that date ("80 → 90 on …") */
      text = g_strdup_printf (_("Change: %s"), message != NULL ? message : "");
      icon_name = "document-edit-symbolic";
      css = "warning";
      break;
    case JP_PROGRESS_ROW_COMMITTED:
      text = g_strdup (_("Imported"));
      icon_name = "object-select-symbolic";
      css = "success";
      break;
    case JP_PROGRESS_ROW_FAILED:
      /* Translators: a row of the progress import preview; the reason */
      text = g_strdup_printf (_("Failed: %s"), message != NULL ? message : "");
      icon_name = "dialog-error-symbolic";
      css = "error";
      break;
    case JP_PROGRESS_ROW_INVALID:
    default:
      /* Translators: a row of the progress import preview; the reason */
      text = g_strdup_printf (_("Error: %s"), message != NULL ? message : "");
      icon_name = "dialog-error-symbolic";
      css = "error";
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (box, text);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *w = i == 0 ? icon : label;

      gtk_widget_remove_css_class (w, "accent");
      gtk_widget_remove_css_class (w, "dim-label");
      gtk_widget_remove_css_class (w, "success");
      gtk_widget_remove_css_class (w, "error");
      gtk_widget_remove_css_class (w, "warning");
      gtk_widget_add_css_class (w, css);
    }
}

static void
on_row_state_changed_cb (JpProgressRow *row,
                         GParamSpec    *pspec,
                         GtkWidget     *box)
{
  update_state_cell (box, row);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_LINE || column == COLUMN_VALUE ? 1 : 0);

  if (column == COLUMN_STATE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* Wrap at the column's width, not at a few words. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (list_item, box);
      return;
    }

  if (column == COLUMN_ITEM || column == COLUMN_INDICATOR)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  if (column == COLUMN_LINE || column == COLUMN_VALUE || column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (list_item, label);
}

static char *
cell_text (JpProgressRow *row,
           Column         column)
{
  JpItem *item = jp_progress_row_get_item (row);
  JpIndicator *indicator = jp_progress_row_get_indicator (row);

  switch (column)
    {
    case COLUMN_LINE:
      return g_strdup_printf ("%u", jp_progress_row_get_line (row));
    case COLUMN_ITEM:
      if (item != NULL)
        return g_strdup_printf ("%d. %s", jp_item_get_number (item), jp_item_get_title (item));
      return g_strdup (jp_progress_row_get_item_text (row));
    case COLUMN_INDICATOR:
      if (indicator != NULL)
        return g_strdup (jp_csv_indicator_get_label (indicator));
      return g_strdup (jp_progress_row_get_indicator_text (row));
    case COLUMN_DATE:
      if (jp_progress_row_get_date (row) == NULL && jp_progress_row_get_undated (row))
        /* Translators: the date cell of a row that has none */
        return g_strdup (_("No date"));
      return jp_date_format_display (jp_progress_row_get_date (row));
    case COLUMN_VALUE:
      if (indicator != NULL && jp_progress_row_get_state (row) == JP_PROGRESS_ROW_CHANGE)
        {
          g_autofree char *old = jp_format_number (jp_progress_row_get_old_value (row), TRUE);
          g_autofree char *new = jp_format_quantity (jp_progress_row_get_value (row),
                                                     jp_indicator_get_unit (indicator));

          /* Translators: a changed value in the import preview: old → new */
          return g_strdup_printf (_("%s → %s"), old, new);
        }
      if (indicator != NULL && jp_progress_row_get_state (row) != JP_PROGRESS_ROW_INVALID)
        return jp_format_quantity (jp_progress_row_get_value (row),
                                   jp_indicator_get_unit (indicator));
      return g_strdup (jp_progress_row_get_value_text (row));
    case COLUMN_STATE:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  JpProgressRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (column == COLUMN_STATE)
    {
      update_state_cell (child, row);
      g_signal_connect_object (row, "notify::state", G_CALLBACK (on_row_state_changed_cb),
                               child, 0);
      g_signal_connect_object (row, "notify::message", G_CALLBACK (on_row_state_changed_cb),
                               child, 0);
      return;
    }

  text = cell_text (row, column);
  gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (child,
                               column == COLUMN_ITEM || column == COLUMN_INDICATOR ? text : NULL);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  JpProgressRow *row = gtk_list_item_get_item (list_item);

  if (column == COLUMN_STATE && row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_state_changed_cb,
                                          gtk_list_item_get_child (list_item));
}

static void
add_columns (JpProgressImportDialog *self)
{
  static const struct {
    const char *title;
    int         width;
    gboolean    expand;
  } columns[N_COLUMNS] = {
    [COLUMN_LINE] = { N_("Line"), 52, FALSE },
    [COLUMN_ITEM] = { N_("Work Point"), 180, FALSE },
    [COLUMN_INDICATOR] = { N_("Target"), 180, FALSE },
    [COLUMN_DATE] = { N_("Date"), 100, FALSE },
    [COLUMN_VALUE] = { N_("Value"), 80, FALSE },
    [COLUMN_STATE] = { N_("Result"), 320, TRUE },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* ---- state -------------------------------------------------------------- */

static void
set_error (JpProgressImportDialog *self,
           const char             *message)
{
  jp_ui_set_str (&self->error, message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_summary (JpProgressImportDialog *self)
{
  JpProgressImport *import = self->import;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_new, n_change, n_duplicate, n_errors, n_undated;
  gboolean undated_invalid = FALSE;

  if (import == NULL || self->committed)
    return;

  n_new = jp_progress_import_count (import, JP_PROGRESS_ROW_NEW);
  n_change = jp_progress_import_count (import, JP_PROGRESS_ROW_CHANGE);
  n_duplicate = jp_progress_import_count (import, JP_PROGRESS_ROW_DUPLICATE);
  n_errors = jp_progress_import_get_n_errors (import);
  n_undated = jp_progress_import_get_n_undated (import);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import)); i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);

      if (jp_progress_row_get_undated (row) && jp_progress_row_get_date (row) == NULL &&
          jp_progress_row_get_state (row) == JP_PROGRESS_ROW_INVALID)
        undated_invalid = TRUE;
    }

  /* Translators: the preview of a progress import: rows to record (new
   * values and changed ones), rows already recorded, rows with errors */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u value to import (%u changed), %u already recorded, "
                                       "%u with errors.",
                                       "%u values to import (%u changed), %u already recorded, "
                                       "%u with errors.",
                                       n_new + n_change),
                          n_new + n_change, n_change, n_duplicate, n_errors);
  if (undated_invalid)
    {
      g_string_append_c (text, ' ');
      /* Translators: after the counts of the preview ("填报日期") */
      g_string_append_printf (text, _("Some rows have no date: fill in “%s” in the file, or "
                                      "choose a date for them below."),
                              jp_csv_column_get_heading (JP_CSV_COLUMN_DATE));
    }
  if (n_errors > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Nothing is imported while a row has an error."));
    }
  gtk_label_set_text (self->summary_label, text->str);

  /* The date row stays once shown, so that a date can be changed. */
  if (n_undated > 0)
    gtk_widget_set_visible (self->date_list, TRUE);

  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), n_errors == 0 && n_new + n_change > 0);
}

/* The undated rows' date changed: check the rows again. */
static void
on_date_changed_cb (JpProgressImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *message = NULL;
  guint n;

  if (self->import == NULL || self->committed)
    return;

  message = jp_ui_check_plan_date (self->plan, text, TRUE, &iso);
  jp_ui_show_invalid (GTK_WIDGET (self->date_row), NULL, message);
  /* Not a date (yet): the rows have none, Import waits. */
  if (message != NULL)
    g_clear_pointer (&iso, g_free);
  if (g_strcmp0 (iso, jp_progress_import_get_undated_date (self->import)) == 0)
    return;
  if (!jp_progress_import_set_undated_date (self->import, iso, &error))
    {
      jp_ui_show_invalid (GTK_WIDGET (self->date_row), NULL, error->message);
      return;
    }

  /* The dates and values shown follow. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->import));
  g_list_model_items_changed (G_LIST_MODEL (self->import), 0, n, n);
  update_summary (self);
}

/* The date picker opens on the date typed, within the plan's period;
 * a day chosen there is the date for the undated rows. */
static void
on_calendar_popover_show_cb (JpProgressImportDialog *self)
{
  g_autofree char *iso = NULL;

  if (self->plan != NULL)
    jp_date_picker_set_range (self->date_picker, jp_plan_get_start (self->plan), jp_plan_get_end (self->plan));
  if (jp_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso))
    jp_date_picker_set_date (self->date_picker, iso);
}

static void
on_date_chosen_cb (JpProgressImportDialog *self,
                   const char             *iso)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

static void
set_loading (JpProgressImportDialog *self,
             gboolean                loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_import (JpProgressImportDialog *self,
             JpProgressImport       *import)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *subtitle = NULL;

  g_set_object (&self->import, import);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (import)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  /* Translators: the file name and its encoding ("UTF-8", "GB18030") */
  subtitle = g_strdup_printf (_("%s (%s)"), jp_progress_import_get_display_name (import),
                              jp_progress_import_get_encoding (import));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  set_error (self, NULL);
  /* A new file: no date chosen for its undated rows yet. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_widget_set_visible (self->date_list, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_summary (self);
}

static void
show_file_error (JpProgressImportDialog *self,
                 const char             *message)
{
  g_clear_object (&self->import);
  gtk_column_view_set_model (self->column_view, NULL);
  jp_ui_set_str (&self->error, message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), FALSE);
}

/* Holds the dialog weakly: closing it disposes it, which cancels the read. */
static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GWeakRef) weak = user_data;
  g_autoptr(JpProgressImportDialog) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JpProgressImport) import = NULL;
  g_autofree char *basename = g_file_get_basename (G_FILE (source));
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      show_file_error (self, error->message);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  if (self == NULL)
    return;
  import = jp_progress_import_new_for_bytes (self->plan, bytes, basename, NULL, NULL, &error);
  set_loading (self, FALSE);
  if (import == NULL)
    show_file_error (self, error->message);
  else
    show_import (self, import);
}

static void
on_chooser_response_cb (GtkNativeDialog        *chooser,
                        int                     response,
                        JpProgressImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      jp_progress_import_dialog_load_file (self, file);
    }
  else if (self->import == NULL && !self->loading)
    gtk_window_destroy (GTK_WINDOW (self));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* ---- the commit --------------------------------------------------------- */

static void
commit (JpProgressImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n_changed;
  gboolean ok;

  /* Before an import changes the database: a check and a copy of it, at
   * most once a day for progress (the command line does the same).
   * Without them nothing is recorded. */
  {
    g_autofree char *backup = NULL;
    gboolean copied = FALSE;

    if (!jp_store_backup_before_import (self->store, TRUE, &copied, &backup, &error))
      {
        set_error (self, error->message);
        return;
      }
    /* In the log, as the command line says it: no copy this time. */
    if (!copied && backup != NULL)
      g_message ("%s", backup);
  }

  /* The changes are committed rows afterwards: count them now. */
  n_changed = jp_progress_import_count (self->import, JP_PROGRESS_ROW_CHANGE);
  ok = jp_progress_import_commit (self->import, self->store, NULL, NULL, NULL, &error);
  if (!ok)
    {
      /* All or nothing: nothing was recorded, the preview stays. */
      set_error (self, error->message);
      update_summary (self);
      return;
    }

  self->committed = TRUE;
  self->n_committed = jp_progress_import_count (self->import, JP_PROGRESS_ROW_COMMITTED);
  self->n_skipped = jp_progress_import_count (self->import, JP_PROGRESS_ROW_DUPLICATE);
  self->n_failed = 0;
  self->n_changed = n_changed;
  g_signal_emit (self, signals[IMPORTED], 0, self->n_committed, self->n_skipped, self->n_failed);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_confirmed_cb (JpProgressImportDialog *self)
{
  if (self->committed)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (self->import != NULL && !self->loading)
    commit (self);
}

static void
choose_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  jp_progress_import_dialog_choose_file (JP_PROGRESS_IMPORT_DIALOG (widget));
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_progress_import_dialog_dispose (GObject *object)
{
  JpProgressImportDialog *self = (JpProgressImportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PROGRESS_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jp_progress_import_dialog_parent_class)->dispose (object);
}

static void
jp_progress_import_dialog_finalize (GObject *object)
{
  JpProgressImportDialog *self = (JpProgressImportDialog *) object;

  g_free (self->error);

  G_OBJECT_CLASS (jp_progress_import_dialog_parent_class)->finalize (object);
}

static void
jp_progress_import_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  JpProgressImportDialog *self = JP_PROGRESS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_progress_import_dialog_class_init (JpProgressImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_progress_import_dialog_dispose;
  object_class->finalize = jp_progress_import_dialog_finalize;
  object_class->get_property = jp_progress_import_dialog_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The commit is done: values recorded, skipped, failed (invalid or
   * refused). */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (JP_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/jinfeng/plan/ui/jp-progress-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, loading_page);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, date_list);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, JpProgressImportDialog, date_picker);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_chosen_cb);

  gtk_widget_class_install_action (widget_class, "progress-import.choose", NULL, choose_cb);
}

static void
jp_progress_import_dialog_init (JpProgressImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  g_signal_connect_object (self, "confirmed", G_CALLBACK (on_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- public API --------------------------------------------------------- */

JpProgressImportDialog *
jp_progress_import_dialog_new (JpPlan  *plan,
                               JpStore *store)
{
  JpProgressImportDialog *self;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (JP_IS_STORE (store), NULL);

  self = g_object_new (JP_TYPE_PROGRESS_IMPORT_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->store = g_object_ref (store);

  return self;
}

void
jp_progress_import_dialog_choose_file (JpProgressImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_return_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Import Progress Values"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV tables (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
jp_progress_import_dialog_load_file (JpProgressImportDialog *self,
                                     GFile                  *file)
{
  g_return_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->committed);

  /* A file too large, or not a file (a FIFO), is refused before reading. */
  {
    g_autoptr(GError) error = NULL;

    if (!jp_progress_import_check_file (file, NULL, &error))
      {
        show_file_error (self, error->message);
        return;
      }
  }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  adw_status_page_set_title (self->loading_page, _("Reading the File…"));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), FALSE);
  set_loading (self, TRUE);

  g_file_load_contents_async (file, self->cancellable, on_file_loaded_cb, jp_ui_weak_ref_new (self));
}

gboolean
jp_progress_import_dialog_get_loading (JpProgressImportDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self), FALSE);

  return self->loading;
}

JpProgressImport *
jp_progress_import_dialog_get_import (JpProgressImportDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

const char *
jp_progress_import_dialog_get_error (JpProgressImportDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self), NULL);

  return self->error;
}

char *
jp_progress_import_dialog_dup_summary (JpProgressImportDialog *self)
{
  g_return_val_if_fail (JP_IS_PROGRESS_IMPORT_DIALOG (self), NULL);

  /* Translators: a toast after a progress import: values recorded (new
   * or changed), of which changed, rows already recorded */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Imported %u value (%u changed), %u already recorded",
                                       "Imported %u values (%u changed), %u already recorded",
                                       self->n_committed),
                          self->n_committed, self->n_changed, self->n_skipped);
}
