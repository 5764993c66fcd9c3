/* jp-export-dialog.c: Export PDF…, Export Spreadsheet… and Print…
 *
 * The user picks the report (whole plan, one leader, one unit) and the
 * as-of date. On confirmation the plan is copied on the main thread (its
 * JSON export, which holds everything a report shows) and the work runs in
 * a GTask thread on that copy: the report is laid out and written page by
 * page (PDF), the spreadsheet written, or the layout handed to the print
 * operation (jp-print.h). Edits made in the window meanwhile change the
 * live plan only. */

#define G_LOG_DOMAIN "jp-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jp-csv.h"
#include "jp-date-picker.h"
#include "jp-export-dialog.h"
#include "jp-json.h"
#include "jp-print.h"
#include "jp-report.h"
#include "jp-ui-util.h"
#include "jp-xlsx.h"

struct _JpExportDialog
{
  JpEditorDialog       parent_instance;

  /* Template widgets */
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  AdwPreferencesGroup *group;
  AdwComboRow         *format_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *name_row;
  AdwActionRow        *updates_row;
  GtkSwitch           *updates_switch;
  AdwEntryRow         *as_of_row;
  GtkMenuButton       *calendar_button;
  GtkPopover          *calendar_popover;
  JpDatePicker        *date_picker;
  GtkLabel            *error_label;
  AdwPreferencesGroup *progress_group;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;

  JpPlan              *plan;         /* Owned */
  JpExportMode         mode;
  GtkStringList       *leaders;      /* Owned: the plan's leader names */
  GtkStringList       *units;        /* Owned */
  GFile               *destination;  /* Owned, nullable */
  char                *as_of;
  char                *db_path;      /* the window's database: never a target */
  char                *error;
  GTask               *task;         /* Owned while running */
  GCancellable        *cancellable;  /* Owned: the run's */
  guint                progress_id;
  gboolean             running;
  gboolean             closed;       /* disposed: no widget to update */
};

G_DEFINE_FINAL_TYPE (JpExportDialog, jp_export_dialog, JP_TYPE_EDITOR_DIALOG)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the work, in a thread ---------------------------------------------- */

typedef struct
{
  GBytes         *snapshot;  /* the plan as JSON */
  JpExportMode    mode;
  JpExportFormat  format;
  JpReportKind    kind;
  JpReportOptions options;
  char           *name;
  char           *as_of;
  GFile          *file;
  char           *path;
  int             page;      /* atomic: pages written */
  int             n_pages;   /* atomic: 0 while laying out */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_bytes_unref (job->snapshot);
  g_free (job->name);
  g_free (job->as_of);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

static void
on_page_written_cb (guint    page,
                    guint    n_pages,
                    gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->n_pages, (int) n_pages);
  g_atomic_int_set (&job->page, (int) page);
}

static JpPlan *
thaw_snapshot (Job     *job,
               GError **error)
{
  g_autoptr(GPtrArray) plans = jp_json_import_bytes (job->snapshot, "snapshot.json", error);

  if (plans == NULL)
    return NULL;
  g_assert (plans->len == 1);

  return g_object_ref (g_ptr_array_index (plans, 0));
}

static gboolean
write_spreadsheet (Job           *job,
                   JpPlan        *plan,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *spec = jp_export_dup_spec (job->kind, job->name);
  g_autoptr(JpOutput) output = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  output = jp_output_new (job->path, error);
  if (output == NULL)
    return FALSE;

  if (job->format == JP_EXPORT_FORMAT_CSV)
    ok = jp_csv_write_output (plan, job->as_of, spec, output, error);
  else
    ok = jp_xlsx_write_output (plan, job->as_of, spec, output, error);

  /* Cancelled while writing: the file the user gave up is not put in
   * place, and a file of that name stays as it was. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return ok && jp_output_commit (output, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpReportLayout) layout = NULL;
  GError *error = NULL;

  plan = thaw_snapshot (job, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->mode == JP_EXPORT_SPREADSHEET)
    {
      if (!write_spreadsheet (job, plan, cancellable, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  layout = jp_report_build_full (plan, job->kind, job->name, job->as_of, &job->options,
                                 cancellable, &error);
  if (layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_atomic_int_set (&job->n_pages, (int) jp_report_layout_get_n_pages (layout));

  if (job->mode == JP_EXPORT_PRINT)
    {
      g_task_return_pointer (task, g_steal_pointer (&layout), g_object_unref);
      return;
    }

  if (!jp_report_layout_write_pdf (layout, job->path, on_page_written_cb, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- helpers ------------------------------------------------------------ */

static GtkStringList *
names_of (GListModel *people)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      gtk_string_list_append (list, JP_IS_LEADER (person) ? jp_leader_get_name (JP_LEADER (person))
                                                          : jp_unit_get_name (JP_UNIT (person)));
    }

  return list;
}

static GtkStringList *
names_for_kind (JpExportDialog *self,
                JpReportKind    kind)
{
  return kind == JP_REPORT_LEADER ? self->leaders : kind == JP_REPORT_UNIT ? self->units : NULL;
}

char *
jp_export_dup_file_name (JpPlan       *plan,
                         JpReportKind  kind,
                         const char   *name,
                         const char   *as_of,
                         const char   *extension)
{
  g_autofree char *plan_label = NULL;
  g_autofree char *base = NULL;
  const char *report;
  GString *clean;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  plan_label = jp_ui_dup_plan_label (jp_plan_get_year (plan), jp_plan_get_title (plan));
  if (kind == JP_REPORT_BULLETIN)
    report = _("Supervision bulletin");
  else if (kind != JP_REPORT_SUMMARY && name != NULL && name[0] != '\0')
    report = name;
  else
    /* Translators: in an export's file name, "2023年工作要点-汇总-2023-06-30.pdf" */
    report = C_("file name", "Summary");

  if (as_of != NULL && as_of[0] != '\0')
    base = g_strdup_printf ("%s-%s-%s", plan_label, report, as_of);
  else
    base = g_strdup_printf ("%s-%s", plan_label, report);

  /* Characters that Windows, macOS or Linux file systems refuse (or that
   * a path would take for a separator), control characters, and spaces or
   * dots at the end (Windows drops them) become "-" or go. */
  clean = g_string_new (NULL);
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (clean, '-');
      else
        g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && (clean->str[clean->len - 1] == ' ' || clean->str[clean->len - 1] == '.'))
    g_string_truncate (clean, clean->len - 1);
  while (clean->len > 0 && clean->str[0] == '.')
    g_string_erase (clean, 0, 1);
  if (clean->len == 0)
    g_string_append (clean, report);

  g_string_append_printf (clean, ".%s", extension);
  return g_string_free (clean, FALSE);
}

static char *
file_name_for (JpExportDialog *self)
{
  const char *extension;

  if (self->mode == JP_EXPORT_SPREADSHEET)
    extension = jp_export_dialog_get_format (self) == JP_EXPORT_FORMAT_CSV ? "csv" : "xlsx";
  else
    extension = "pdf";

  return jp_export_dup_file_name (self->plan, jp_export_dialog_get_kind (self),
                                  jp_export_dialog_get_name (self),
                                  jp_export_dialog_get_as_of (self), extension);
}

static void
set_error (JpExportDialog *self,
           const char     *message)
{
  if (!jp_ui_set_str (&self->error, message) || self->closed)
    return;

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
validate (JpExportDialog *self)
{
  JpReportKind kind = jp_export_dialog_get_kind (self);
  g_autofree char *iso = NULL;
  const char *message = NULL;

  if (self->plan == NULL || self->closed)
    return;

  if (!jp_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->as_of_row)), &iso))
    message = _("Enter the date as 2023-06-30.");
  jp_ui_show_invalid (GTK_WIDGET (self->as_of_row), NULL, message);
  g_free (self->as_of);
  self->as_of = g_steal_pointer (&iso);

  if (message == NULL && names_for_kind (self, kind) != NULL &&
      jp_export_dialog_get_name (self) == NULL)
    message = kind == JP_REPORT_LEADER ? _("The plan has no leaders.")
                                       : _("The plan has no units.");

  set_error (self, message);
  jp_editor_dialog_set_valid (JP_EDITOR_DIALOG (self), message == NULL && !self->running);
}

static void
update_name_row (JpExportDialog *self)
{
  JpReportKind kind = jp_export_dialog_get_kind (self);
  GtkStringList *names = names_for_kind (self, kind);

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), names != NULL);
  if (names != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                     kind == JP_REPORT_LEADER ? _("Leader") : _("Unit"));
      if (adw_combo_row_get_model (self->name_row) != G_LIST_MODEL (names))
        adw_combo_row_set_model (self->name_row, G_LIST_MODEL (names));
    }

  validate (self);
}

static void
set_running (JpExportDialog *self,
             gboolean        running)
{
  if (self->running == running)
    return;

  self->running = running;
  if (!self->closed)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->group), !running);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_group), running);
      if (!running)
        g_clear_handle_id (&self->progress_id, g_source_remove);
      validate (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  JpExportDialog *self = user_data;
  Job *job;
  int page, n_pages;

  if (self->task == NULL)
    return G_SOURCE_CONTINUE;

  job = g_task_get_task_data (self->task);
  n_pages = g_atomic_int_get (&job->n_pages);
  page = g_atomic_int_get (&job->page);

  if (job->mode == JP_EXPORT_SPREADSHEET)
    {
      gtk_label_set_text (self->progress_label,
                          job->format == JP_EXPORT_FORMAT_CSV ? _("Writing the table…")
                                                               : _("Writing the workbook…"));
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else if (n_pages == 0 || job->mode == JP_EXPORT_PRINT)
    {
      gtk_label_set_text (self->progress_label, _("Laying out the pages…"));
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      /* Translators: while a PDF is written: the page and the page count */
      g_autofree char *text = g_strdup_printf (_("Writing page %d of %d…"),
                                               MIN (page + 1, n_pages), n_pages);

      gtk_label_set_text (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) page / n_pages);
    }

  return G_SOURCE_CONTINUE;
}

/* ---- running ------------------------------------------------------------ */

/* The task holds the dialog weakly: closing the dialog disposes it, which
 * cancels the work. */
static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GWeakRef) weak = user_data;
  g_autoptr(JpExportDialog) self = g_weak_ref_get (weak);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->mode == JP_EXPORT_PRINT)
    ok = (layout = g_task_propagate_pointer (G_TASK (result), &error)) != NULL;
  else
    ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;

  g_clear_object (&self->task);
  set_running (self, FALSE);

  if (!ok)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED))
        return;

      /* Translators: shown in the export dialog; the reason */
      message = g_strdup_printf (_("Could not export: %s"), error->message);
      set_error (self, message);
      return;
    }

  if (job->mode == JP_EXPORT_PRINT)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      g_autoptr(JpPrint) print = jp_print_new (layout);

      if (!self->closed)
        gtk_window_destroy (GTK_WINDOW (self));
      jp_print_run (print, parent);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  if (!self->closed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
start (JpExportDialog *self,
       GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  Job *job;

  g_return_if_fail (!self->running);

  if (file != NULL && !g_file_is_native (file))
    {
      set_error (self, _("Choose a file on this computer."));
      return;
    }

  /* Not the database, nor anything but a regular file or a new name. */
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (!jp_output_check_target (path, self->db_path, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);

          set_error (self, message);
          return;
        }
    }

  /* The snapshot: everything the report shows, as the plan is now. */
  text = jp_json_export_plans (&self->plan, 1, &length, &error);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);

      set_error (self, message);
      return;
    }

  job = g_new0 (Job, 1);
  job->snapshot = g_bytes_new_take (g_steal_pointer (&text), length);
  job->mode = self->mode;
  job->format = jp_export_dialog_get_format (self);
  job->kind = jp_export_dialog_get_kind (self);
  job->name = job->kind != JP_REPORT_SUMMARY ? g_strdup (jp_export_dialog_get_name (self)) : NULL;
  job->options.updates = gtk_switch_get_active (self->updates_switch) ? JP_REPORT_UPDATES_ALL
                                                                      : JP_REPORT_UPDATES_LATEST;
  job->as_of = g_strdup (self->as_of);
  if (file != NULL)
    {
      job->file = g_object_ref (file);
      job->path = g_file_get_path (file);
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (NULL, self->cancellable, export_done_cb, jp_ui_weak_ref_new (self));
  g_task_set_source_tag (self->task, start);
  g_task_set_task_data (self->task, job, job_free);

  set_error (self, NULL);
  set_running (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Preparing the report…"));
  self->progress_id = g_timeout_add (100, update_progress_cb, self);

  g_task_run_in_thread (self->task, export_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        JpExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      start (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (JpExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = file_name_for (self);
  GtkFileChooserNative *chooser;
  const char *title;

  if (self->mode == JP_EXPORT_SPREADSHEET)
    {
      title = _("Export the Targets as a Spreadsheet");
      if (jp_export_dialog_get_format (self) == JP_EXPORT_FORMAT_CSV)
        {
          gtk_file_filter_set_name (filter, _("CSV tables (.csv)"));
          gtk_file_filter_add_suffix (filter, "csv");
        }
      else
        {
          gtk_file_filter_set_name (filter, _("Excel workbooks (.xlsx)"));
          gtk_file_filter_add_suffix (filter, "xlsx");
        }
    }
  else
    {
      title = _("Export the Report as PDF");
      gtk_file_filter_set_name (filter, _("PDF documents (.pdf)"));
      gtk_file_filter_add_suffix (filter, "pdf");
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- callbacks ---------------------------------------------------------- */

static void
on_confirmed_cb (JpExportDialog *self)
{
  if (self->running)
    return;

  if (self->mode == JP_EXPORT_PRINT)
    start (self, NULL);
  else if (self->destination != NULL)
    start (self, self->destination);
  else
    choose_file (self);
}

/* The one date picker: browsing months changes nothing, a day chosen (or
 * typed) within the plan's period is the date. */
static void
on_date_chosen_cb (JpExportDialog *self,
                   const char     *iso)
{
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_calendar_popover_show_cb (JpExportDialog *self)
{
  if (self->plan != NULL)
    jp_date_picker_set_range (self->date_picker, jp_plan_get_start (self->plan),
                              jp_plan_get_end (self->plan));
  jp_date_picker_set_date (self->date_picker, self->as_of);
}

static void
on_open_clicked_cb (AdwToast  *toast,
                    GtkWindow *parent)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "jp-uri");

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_export_dialog_dispose (GObject *object)
{
  JpExportDialog *self = (JpExportDialog *) object;

  /* Closing the dialog stops the work. */
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->task);
  if (self->running)
    {
      self->running = FALSE;
      g_object_notify_by_pspec (object, properties[PROP_RUNNING]);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->leaders);
  g_clear_object (&self->units);
  g_clear_object (&self->destination);

  G_OBJECT_CLASS (jp_export_dialog_parent_class)->dispose (object);
}

static void
jp_export_dialog_finalize (GObject *object)
{
  JpExportDialog *self = (JpExportDialog *) object;

  g_clear_object (&self->cancellable);
  g_free (self->as_of);
  g_free (self->db_path);
  g_free (self->error);

  G_OBJECT_CLASS (jp_export_dialog_parent_class)->finalize (object);
}

static void
jp_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JpExportDialog *self = JP_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_export_dialog_class_init (JpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_export_dialog_dispose;
  object_class->finalize = jp_export_dialog_finalize;
  object_class->get_property = jp_export_dialog_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file is written (PDF and spreadsheet modes). */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  g_type_ensure (JP_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/jinfeng/plan/ui/jp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, updates_row);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, updates_switch);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, date_picker);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JpExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_date_chosen_cb);
}

static void
jp_export_dialog_init (JpExportDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->name_row, expression);

  g_signal_connect_object (self, "confirmed", G_CALLBACK (on_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (update_name_row), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "notify::selected", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_popover, "show", G_CALLBACK (on_calendar_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
}

/* ---- public API --------------------------------------------------------- */

JpExportDialog *
jp_export_dialog_new (JpPlan       *plan,
                      JpExportMode  mode)
{
  JpExportDialog *self;
  g_autoptr(GtkStringList) kinds = NULL;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (JP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (mode <= JP_EXPORT_PRINT, NULL);

  self = g_object_new (JP_TYPE_EXPORT_DIALOG, NULL);
  self->plan = g_object_ref (plan);
  self->mode = mode;
  self->leaders = names_of (jp_plan_get_leaders (plan));
  self->units = names_of (jp_plan_get_units (plan));

  switch (mode)
    {
    case JP_EXPORT_PDF:
      gtk_window_set_title (GTK_WINDOW (self), _("Export PDF"));
      adw_preferences_group_set_description (
        self->group,
        _("A paged summary for meetings and for reports to the bureau: progress, status and "
          "targets of each work point."));
      break;
    case JP_EXPORT_SPREADSHEET:
      gtk_window_set_title (GTK_WINDOW (self), _("Export Spreadsheet"));
      adw_preferences_group_set_description (
        self->group,
        _("The targets as a table for Excel or WPS, one row per target. Fill in 当前值 and bring "
          "it back with Import Progress…"));
      gtk_widget_set_visible (GTK_WIDGET (self->format_row), TRUE);
      /* The spreadsheets have no item updates. */
      gtk_widget_set_visible (GTK_WIDGET (self->updates_row), FALSE);
      break;
    case JP_EXPORT_PRINT:
      gtk_window_set_title (GTK_WINDOW (self), _("Print"));
      adw_preferences_group_set_description (self->group, _("The same report as the PDF export, "
                                                            "on the printer."));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Print…"));
      break;
    default:
      g_assert_not_reached ();
    }

  kinds = mode == JP_EXPORT_SPREADSHEET
          ? gtk_string_list_new ((const char *[]) { _("All work points"),
                                                    _("One leader’s work points"),
                                                    _("One unit’s work points"), NULL })
          : gtk_string_list_new ((const char *[]) { _("Whole plan"), _("One leader"),
                                                    _("One unit"), _("Supervision bulletin"),
                                                    NULL });
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row),
                                 mode == JP_EXPORT_SPREADSHEET ? _("Rows") : _("Report"));

  as_of = jp_plan_dup_default_as_of (plan);
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of);
  update_name_row (self);

  return self;
}

JpExportMode
jp_export_dialog_get_mode (JpExportDialog *self)
{
  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), JP_EXPORT_PDF);

  return self->mode;
}

JpReportKind
jp_export_dialog_get_kind (JpExportDialog *self)
{
  guint selected, last;

  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), JP_REPORT_SUMMARY);

  /* The spreadsheets have no bulletin. */
  last = self->mode == JP_EXPORT_SPREADSHEET ? JP_REPORT_UNIT : JP_REPORT_BULLETIN;
  selected = adw_combo_row_get_selected (self->kind_row);
  return selected <= last ? (JpReportKind) selected : JP_REPORT_SUMMARY;
}

void
jp_export_dialog_set_kind (JpExportDialog *self,
                           JpReportKind    kind)
{
  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kind <= JP_REPORT_UNIT ||
                    (kind == JP_REPORT_BULLETIN && self->mode != JP_EXPORT_SPREADSHEET));

  adw_combo_row_set_selected (self->kind_row, kind);
}

const char *
jp_export_dialog_get_name (JpExportDialog *self)
{
  GtkStringList *names;
  guint selected;

  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), NULL);

  names = names_for_kind (self, jp_export_dialog_get_kind (self));
  if (names == NULL)
    return NULL;

  selected = adw_combo_row_get_selected (self->name_row);
  if (selected >= g_list_model_get_n_items (G_LIST_MODEL (names)))
    return NULL;

  return gtk_string_list_get_string (names, selected);
}

void
jp_export_dialog_set_name (JpExportDialog *self,
                           const char     *name)
{
  GtkStringList *names;
  guint n;

  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));

  names = names_for_kind (self, jp_export_dialog_get_kind (self));
  if (names == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (names));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), name) == 0)
      {
        adw_combo_row_set_selected (self->name_row, i);
        return;
      }

  adw_combo_row_set_selected (self->name_row, GTK_INVALID_LIST_POSITION);
}

const char *
jp_export_dialog_get_as_of (JpExportDialog *self)
{
  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), NULL);

  return self->as_of;
}

void
jp_export_dialog_set_as_of (JpExportDialog *self,
                            const char     *as_of)
{
  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of != NULL ? as_of : "");
}

JpExportFormat
jp_export_dialog_get_format (JpExportDialog *self)
{
  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), JP_EXPORT_FORMAT_XLSX);

  return adw_combo_row_get_selected (self->format_row) == JP_EXPORT_FORMAT_CSV
         ? JP_EXPORT_FORMAT_CSV : JP_EXPORT_FORMAT_XLSX;
}

void
jp_export_dialog_set_format (JpExportDialog *self,
                             JpExportFormat  format)
{
  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= JP_EXPORT_FORMAT_CSV);

  adw_combo_row_set_selected (self->format_row, format);
}

void
jp_export_dialog_set_destination (JpExportDialog *self,
                                  GFile          *file)
{
  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->destination, file);
}

void
jp_export_dialog_set_database (JpExportDialog *self,
                               const char     *db_path)
{
  g_return_if_fail (JP_IS_EXPORT_DIALOG (self));

  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
}

gboolean
jp_export_dialog_get_running (JpExportDialog *self)
{
  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), FALSE);

  return self->running;
}

const char *
jp_export_dialog_get_error (JpExportDialog *self)
{
  g_return_val_if_fail (JP_IS_EXPORT_DIALOG (self), NULL);

  return self->error;
}

char *
jp_export_dup_spec (JpReportKind  kind,
                    const char   *name)
{
  switch (kind)
    {
    case JP_REPORT_LEADER:
      return g_strconcat ("leader:", name, NULL);
    case JP_REPORT_UNIT:
      return g_strconcat ("unit:", name, NULL);
    case JP_REPORT_BULLETIN:
      return g_strdup ("bulletin");
    case JP_REPORT_SUMMARY:
    default:
      return g_strdup ("summary");
    }
}

AdwToast *
jp_export_toast_new (GtkWindow *parent,
                     GFile     *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  /* Translators: a toast; the file name */
  title = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  g_object_set_data_full (G_OBJECT (toast), "jp-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), parent, 0);

  return toast;
}
