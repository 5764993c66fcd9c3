/* jp-cli.c: the command line of the README ("Usage")
 *
 * Runs from the application's handle-local-options, before any window or
 * display exists. Every input is read and validated before the database
 * is opened, and the database is opened for writing only when something
 * is to be written, so a failed command leaves the file as it was. */

#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include "jp-cli.h"

#include "jp-csv.h"
#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-model.h"
#include "jp-output.h"
#include "jp-progress-import.h"
#include "jp-report.h"
#include "jp-status-export.h"
#include "jp-store.h"
#include "jp-store-backup.h"
#include "jp-xlsx.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define JP_CLI_ERROR (jp_cli_error_quark ())

typedef enum
{
  JP_CLI_ERROR_USAGE,    /* options that do not go together, bad values */
  JP_CLI_ERROR_NO_PLAN,  /* the database has no (such) plan */
  JP_CLI_ERROR_WRITE,    /* cannot write the output */
} JpCliError;

typedef struct
{
  char         *db_path;
  gboolean      read_only;
  char         *import_path;
  gboolean      list;
  gint64        plan_id;      /* 0: the latest */
  char         *export_json;
  char         *export_pdf;
  JpReportKind  report_kind;
  char         *report_name;
  char         *report_spec;  /* as given, for the spreadsheets */
  JpReportOptions report_options;
  char         *as_of;
  char         *export_csv;
  char         *export_xlsx;
  char         *import_progress;
  char         *export_status;
  char         *progress_date; /* for the progress rows without a date */
} JpCliOptions;

static GQuark jp_cli_error_quark (void);
G_DEFINE_QUARK (jp-cli-error-quark, jp_cli_error)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database file (default: $XDG_DATA_HOME/jinfeng-plan/plans.db)"), N_("PATH") },
  { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the database for reading only"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a plan document (.txt, .md) or the plans of a JSON file (.json)"), N_("FILE") },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the plans: ID, year, title, sections, items, indicators"), NULL },
  { "plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The plan to export (default: the most recently imported)"), N_("ID") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the plan as JSON (“-” for standard output)"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a PDF report of the plan"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The report to export: summary (default), leader:NAME, unit:NAME or bulletin"), N_("REPORT") },
  { "report-updates", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The item updates of a PDF report: latest (default) or all of the period"), N_("WHICH") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The date of the status (default: today, or the end of the plan)"), N_("YYYY-MM-DD") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the indicators as a CSV table (UTF-8 with BOM)"), N_("FILE") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the plan as an Excel workbook"), N_("FILE") },
  { "export-status", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the computed progress and status of every item and indicator (.json or .csv; “-” for standard output)"),
    N_("FILE") },
  { "import-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import progress values from a CSV table (all rows or none)"), N_("FILE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-progress: the date of the rows that have none"), N_("YYYY-MM-DD") },
  { NULL }
};

static void
jp_cli_options_clear (JpCliOptions *opts)
{
  g_clear_pointer (&opts->db_path, g_free);
  g_clear_pointer (&opts->import_path, g_free);
  g_clear_pointer (&opts->export_json, g_free);
  g_clear_pointer (&opts->export_pdf, g_free);
  g_clear_pointer (&opts->report_name, g_free);
  g_clear_pointer (&opts->as_of, g_free);
  g_clear_pointer (&opts->report_spec, g_free);
  g_clear_pointer (&opts->export_csv, g_free);
  g_clear_pointer (&opts->export_xlsx, g_free);
  g_clear_pointer (&opts->import_progress, g_free);
  g_clear_pointer (&opts->export_status, g_free);
  g_clear_pointer (&opts->progress_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JpCliOptions, jp_cli_options_clear)

static char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    return NULL;

  return value;
}

static char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "s", &value))
    return NULL;

  return value;
}

/* Reads and checks every option; nothing is opened yet. */
static gboolean
parse_options (GVariantDict  *options,
               JpCliOptions  *opts,
               GError       **error)
{
  g_autofree char *plan = NULL;
  g_autofree char *report = NULL;

  opts->db_path = jp_cli_dup_db_path (options);
  opts->read_only = g_variant_dict_contains (options, "read-only");
  opts->import_path = lookup_filename (options, "import");
  opts->list = g_variant_dict_contains (options, "list");
  opts->export_json = lookup_filename (options, "export-json");
  opts->export_pdf = lookup_filename (options, "export-pdf");
  opts->as_of = lookup_string (options, "as-of");
  opts->export_csv = lookup_filename (options, "export-csv");
  opts->export_xlsx = lookup_filename (options, "export-xlsx");
  opts->import_progress = lookup_filename (options, "import-progress");
  opts->export_status = lookup_filename (options, "export-status");
  opts->progress_date = lookup_string (options, "date");
  plan = lookup_string (options, "plan");
  report = lookup_string (options, "report");
  opts->report_spec = g_strdup (report);

  if (plan != NULL &&
      !g_ascii_string_to_signed (plan, 10, 1, G_MAXINT64, &opts->plan_id, NULL))
    {
      g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                   _("--plan: “%s” is not a plan ID (see --list)"), plan);
      return FALSE;
    }

  if (opts->as_of != NULL && !jp_date_is_valid (opts->as_of))
    {
      g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                   _("--as-of: “%s” is not a date (YYYY-MM-DD)"), opts->as_of);
      return FALSE;
    }

  if (opts->progress_date != NULL && opts->import_progress == NULL)
    {
      g_set_error_literal (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                           _("--date goes with --import-progress"));
      return FALSE;
    }
  if (opts->progress_date != NULL && !jp_date_is_valid (opts->progress_date))
    {
      g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                   _("--date: “%s” is not a date (YYYY-MM-DD)"), opts->progress_date);
      return FALSE;
    }

  if (report != NULL && opts->export_pdf == NULL && opts->export_csv == NULL &&
      opts->export_xlsx == NULL && opts->import_progress == NULL && opts->export_status == NULL)
    {
      g_set_error_literal (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                           _("--report goes with --export-pdf, --export-status, --export-csv, "
                             "--export-xlsx or --import-progress"));
      return FALSE;
    }

  opts->report_kind = JP_REPORT_SUMMARY;
  if (report != NULL &&
      !jp_report_parse_spec (report, &opts->report_kind, &opts->report_name, error))
    return FALSE;

  if (g_variant_dict_contains (options, "report-updates"))
    {
      g_autofree char *updates = lookup_string (options, "report-updates");

      if (opts->export_pdf == NULL)
        {
          g_set_error_literal (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                               _("--report-updates goes with --export-pdf"));
          return FALSE;
        }
      if (!jp_report_updates_from_string (updates, &opts->report_options.updates, error))
        return FALSE;
    }

  if (opts->import_path != NULL && opts->read_only)
    {
      g_set_error_literal (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                           _("--import writes to the database: it cannot be used with --read-only"));
      return FALSE;
    }

  if (opts->import_progress != NULL && opts->read_only)
    {
      g_set_error_literal (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                           _("--import-progress writes to the database: it cannot be used "
                             "with --read-only"));
      return FALSE;
    }

  return TRUE;
}

/* The files the exports write, in the order they are written. */
typedef struct
{
  const char *option;
  const char *path;    /* NULL: not asked; "-": standard output */
  JpOutput   *output;  /* its temporary file, until committed */
} JpCliExport;

enum { EXPORT_JSON, EXPORT_PDF, EXPORT_CSV, EXPORT_XLSX, EXPORT_STATUS, N_EXPORTS };

static void
exports_init (JpCliExport         exports[N_EXPORTS],
              const JpCliOptions *opts)
{
  exports[EXPORT_JSON] = (JpCliExport) { "--export-json", opts->export_json, NULL };
  exports[EXPORT_PDF] = (JpCliExport) { "--export-pdf", opts->export_pdf, NULL };
  exports[EXPORT_CSV] = (JpCliExport) { "--export-csv", opts->export_csv, NULL };
  exports[EXPORT_XLSX] = (JpCliExport) { "--export-xlsx", opts->export_xlsx, NULL };
  exports[EXPORT_STATUS] = (JpCliExport) { "--export-status", opts->export_status, NULL };
}

/* Removes the temporary files of the exports not committed. */
static void
exports_clear (JpCliExport exports[N_EXPORTS])
{
  for (guint i = 0; i < N_EXPORTS; i++)
    g_clear_pointer (&exports[i].output, jp_output_free);
}

/* Before anything is read or written: each target is checked (not the
 * database nor a file the command reads, a new name or a regular file, in
 * a folder that exists), and its temporary file made beside it, so that
 * a target that cannot be written fails the command before it changes
 * anything. */
static gboolean
exports_open (JpCliExport          exports[N_EXPORTS],
              const JpCliOptions  *opts,
              GError             **error)
{
  const char *inputs[] = { opts->import_path, opts->import_progress, NULL };

  /* An input that is not given ends the list early. */
  if (inputs[0] == NULL)
    {
      inputs[0] = inputs[1];
      inputs[1] = NULL;
    }

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      if (exports[i].path == NULL || g_str_equal (exports[i].path, "-"))
        continue;

      if (!jp_output_check_target (exports[i].path, opts->db_path, inputs, error))
        {
          g_prefix_error (error, "%s: ", exports[i].option);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (exports[j].path != NULL && !g_str_equal (exports[j].path, "-") &&
            jp_output_same_file (exports[i].path, exports[j].path))
          {
            g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
                         /* Translators: two options, e.g. --export-json and --export-pdf */
                         _("%s and %s name the same file"), exports[j].option, exports[i].option);
            return FALSE;
          }
    }

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      if (exports[i].path == NULL || g_str_equal (exports[i].path, "-"))
        continue;

      exports[i].output = jp_output_new (exports[i].path, error);
      if (exports[i].output == NULL)
        {
          g_prefix_error (error, "%s: ", exports[i].option);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_suffix_nocase (const char *path,
                   const char *suffix)
{
  gsize path_len = strlen (path);
  gsize suffix_len = strlen (suffix);

  return path_len >= suffix_len &&
         g_ascii_strcasecmp (path + path_len - suffix_len, suffix) == 0;
}

/* A .json file, or (any other name) one that starts with "{". */
static gboolean
looks_like_json (const char *path,
                 GBytes     *bytes)
{
  const char *data;
  gsize length;
  gsize i = 0;

  if (has_suffix_nocase (path, ".json"))
    return TRUE;

  if (has_suffix_nocase (path, ".txt") ||
      has_suffix_nocase (path, ".md") ||
      has_suffix_nocase (path, ".markdown"))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

/* Reads and validates the file to import (before the database is opened):
 * the new plans, and the document's warnings. */
static GPtrArray *
read_import (const char  *path,
             GPtrArray  **warnings,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(JpPlan) plan = NULL;
  gboolean document = has_suffix_nocase (path, ".txt") || has_suffix_nocase (path, ".md") ||
                      has_suffix_nocase (path, ".markdown");

  /* Checked by its size before it is read, and read no further than
   * the limit of what it can be. Messages name the file as it was typed. */
  bytes = jp_file_read_bounded (path, document ? JP_DOCUMENT_MAX_SIZE : JP_JSON_MAX_SIZE,
                                NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (looks_like_json (path, bytes))
    return jp_json_import_bytes (bytes, path, error);

  plan = jp_document_import_bytes (bytes, path, warnings, error);
  if (plan == NULL)
    return NULL;

  plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (plans, g_steal_pointer (&plan));

  return g_steal_pointer (&plans);
}

/* "6 sections, 17 items, 36 indicators, 4 leaders, 16 units" */
static char *
dup_plan_summary (JpPlan *plan)
{
  guint n_sections = g_list_model_get_n_items (jp_plan_get_sections (plan));
  guint n_items = jp_plan_get_n_items (plan);
  guint n_indicators = jp_plan_get_n_indicators (plan);
  guint n_leaders = g_list_model_get_n_items (jp_plan_get_leaders (plan));
  guint n_units = g_list_model_get_n_items (jp_plan_get_units (plan));
  g_autofree char *sections = NULL;
  g_autofree char *items = NULL;
  g_autofree char *indicators = NULL;
  g_autofree char *leaders = NULL;
  g_autofree char *units = NULL;

  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections",
                                           n_sections), n_sections);
  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                        n_items), n_items);
  indicators = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                             n_indicators), n_indicators);
  leaders = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u leader", "%u leaders",
                                          n_leaders), n_leaders);
  units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units",
                                        n_units), n_units);

  /* Translators: a list of the counts above: "6 sections, 17 items, …" */
  return g_strdup_printf (_("%s, %s, %s, %s, %s"), sections, items, indicators, leaders, units);
}

/* The most of one message shown on the terminal: what it quotes (a cell,
 * a title) is cut there. */
#define MAX_MESSAGE_CHARS 2000

/* "jinfeng-plan: MESSAGE" on standard error, on one line, without the
 * control characters of what it quotes. */
static void
print_error_line (const char *message)
{
  g_autofree char *escaped = jp_text_escape_for_terminal (message, MAX_MESSAGE_CHARS);

  g_printerr ("jinfeng-plan: %s\n", escaped);
}

static void
print_warnings (const char *path,
                GPtrArray  *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const JpImportWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *message = NULL;

      if (warning->line > 0)
        /* Translators: FILE:LINE: warning: MESSAGE */
        message = g_strdup_printf (_("%s:%u: warning: %s"), path, warning->line, warning->message);
      else
        /* Translators: FILE: warning: MESSAGE */
        message = g_strdup_printf (_("%s: warning: %s"), path, warning->message);

      print_error_line (message);
    }
}

/* The lines of what was imported, once it is saved. */
static void
print_summary (JpCliOptions *opts,
               GString      *summary)
{
  /* The summary goes with the data when JSON goes to standard output. */
  if (g_strcmp0 (opts->export_json, "-") == 0)
    g_printerr ("%s", summary->str);
  else
    g_print ("%s", summary->str);
  g_string_truncate (summary, 0);
}

/* Adds the lines "imported plan N: …" to @summary. */
static gboolean
run_import (JpStore       *store,
            JpCliOptions  *opts,
            GPtrArray     *plans,
            GString       *summary,
            GError       **error)
{
  g_autoptr(GPtrArray) before = NULL;

  before = jp_store_list_plans (store, error);
  if (before == NULL)
    return FALSE;

  if (!jp_store_insert_plans (store, (JpPlan **) plans->pdata, plans->len, error))
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      JpPlan *plan = g_ptr_array_index (plans, i);
      g_autofree char *counts = dup_plan_summary (plan);
      g_autofree char *line = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, jp_plan_get_id (plan));

      /* Translators: "imported plan 3: 6 sections, 17 items, …" */
      line = g_strdup_printf (_("imported plan %s: %s"), id, counts);
      g_string_append_printf (summary, "%s\n", line);

      for (guint j = 0; j < before->len; j++)
        {
          const JpPlanInfo *info = g_ptr_array_index (before, j);
          g_autofree char *other = NULL;
          g_autofree char *warning = NULL;

          if (info->year != jp_plan_get_year (plan) ||
              g_strcmp0 (info->title, jp_plan_get_title (plan)) != 0)
            continue;

          other = g_strdup_printf ("%" G_GINT64_FORMAT, info->id);
          /* Translators: FILE: warning: plan 1 has the same … plan 2 is a second copy */
          warning = g_strdup_printf (_("%s: warning: plan %s has the same year and title "
                                       "(imported before): plan %s is a second copy"),
                                     opts->import_path, other, id);
          print_error_line (warning);
          break;
        }
    }

  return TRUE;
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_WRITE,
                   _("cannot write to standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_list (JpStore  *store,
          GError  **error)
{
  g_autoptr(GPtrArray) infos = jp_store_list_plans (store, error);
  g_autoptr(GString) out = g_string_new (NULL);

  if (infos == NULL)
    return FALSE;

  for (guint i = 0; i < infos->len; i++)
    {
      const JpPlanInfo *info = g_ptr_array_index (infos, i);
      /* Escaped: control characters would drive the terminal, and tabs and
       * line breaks break the one-line, tab-separated format. */
      g_autofree char *title = jp_text_escape_for_terminal (info->title, -1);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%d\t%s\t%u\t%u\t%u\n",
                              info->id, info->year, title,
                              info->n_sections, info->n_items, info->n_indicators);
    }

  return write_stdout (out->str, out->len, error);
}

static JpPlan *
load_plan (JpStore       *store,
           JpCliOptions  *opts,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id_text = NULL;
  gint64 id = opts->plan_id;
  JpPlan *plan;

  if (id == 0)
    {
      id = jp_store_get_latest_plan_id (store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (id == 0)
        {
          g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_NO_PLAN,
                       _("%s: the database has no plan"), opts->db_path);
          return NULL;
        }
    }

  plan = jp_store_load_plan (store, id, &local_error);
  if (plan != NULL)
    return plan;

  if (g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
    {
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_NO_PLAN,
                   _("%s: no plan with ID %s (see --list)"), opts->db_path, id_text);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

static gboolean
run_export_json (JpPlan        *plan,
                 JpCliOptions  *opts,
                 GError       **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_str_equal (opts->export_json, "-"))
    return jp_json_write_file (&plan, 1, opts->export_json, error);

  text = jp_json_export_plans (&plan, 1, &length, error);
  if (text == NULL)
    return FALSE;

  return write_stdout (text, length, error);
}

/* Status is computed inside the plan's period only. */
static gboolean
check_as_of (JpPlan      *plan,
             const char  *as_of,
             GError     **error)
{
  if (as_of == NULL ||
      (jp_date_compare (as_of, jp_plan_get_start (plan)) >= 0 &&
       jp_date_compare (as_of, jp_plan_get_end (plan)) <= 0))
    return TRUE;

  g_set_error (error, JP_CLI_ERROR, JP_CLI_ERROR_USAGE,
               /* Translators: --as-of=2024-03-01 is outside the plan's 2023-01-01 … 2023-12-31 */
               _("--as-of: %s is outside the plan’s period (%s to %s)"),
               as_of, jp_plan_get_start (plan), jp_plan_get_end (plan));
  return FALSE;
}

/* To standard output when @output is NULL. */
static gboolean
run_export_status (JpPlan        *plan,
                   JpCliOptions  *opts,
                   JpOutput      *output,
                   GError       **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  text = jp_status_export (plan, opts->as_of, opts->report_spec,
                           jp_status_export_format_for_path (opts->export_status),
                           &length, error);
  if (text == NULL)
    return FALSE;

  if (output == NULL)
    return write_stdout (text, length, error);

  return jp_output_write (output, text, length, error);
}

/* The window's "backups-to-keep" setting, when its schema is installed. */
static guint
get_backups_to_keep (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backups-to-keep"))
    return JP_STORE_BACKUPS_DEFAULT_KEEP;

  settings = g_settings_new_full (schema, NULL, NULL);
  return (guint) MAX (0, g_settings_get_int (settings, "backups-to-keep"));
}

/* Before an import changes a database that holds plans: a check and a
 * copy of it (jp-store-backup.h; a progress import makes a copy at most
 * once a day, and says when it did not). Without the copy nothing is imported. */
static gboolean
backup_before_import (JpStore   *store,
                      gboolean   progress_only,
                      GError   **error)
{
  g_autofree char *message = NULL;
  gboolean copied = FALSE;

  if (!jp_store_backup_before_import (store, progress_only, &copied, &message, error))
    return FALSE;

  /* A copy is made silently, as it always was; a progress import that
   * made none says so (on standard error: standard output may carry an
   * export). */
  if (!copied && message != NULL)
    g_printerr ("%s: %s\n", g_get_prgname (), message);

  return TRUE;
}

/* Imports, then exports. The exports are written into their temporary
 * files, and renamed into place by the caller once the import is
 * committed. *@saved: what was written to the database (outside a batch)
 * before a failure. */
static gboolean
run_store (JpStore        *store,
           JpCliOptions   *opts,
           GPtrArray      *plans,
           JpCliExport     exports[N_EXPORTS],
           gboolean        batch,
           GString        *summary,
           const char    **saved,
           GError        **error)
{
  g_autoptr(JpPlan) plan = NULL;

  if (plans != NULL && !run_import (store, opts, plans, summary, error))
    return FALSE;
  if (plans != NULL && !batch)
    {
      print_summary (opts, summary);
      *saved = _("the plans imported were saved");
    }

  if (opts->export_json == NULL && opts->export_pdf == NULL &&
      opts->export_csv == NULL && opts->export_xlsx == NULL && opts->import_progress == NULL &&
      opts->export_status == NULL)
    return TRUE;

  plan = load_plan (store, opts, error);
  if (plan == NULL)
    return FALSE;

  if (!check_as_of (plan, opts->as_of, error))
    return FALSE;

  /* Progress first, so that the exports that go with it include it. */
  if (opts->import_progress != NULL)
    {
      if (!jp_progress_import_run (store, plan, opts->import_progress, opts->progress_date,
                                   opts->report_spec, error))
        return FALSE;
      *saved = _("the progress values imported were saved");
    }

  if (opts->export_json != NULL && g_str_equal (opts->export_json, "-") &&
      !run_export_json (plan, opts, error))
    return FALSE;

  if (opts->export_status != NULL && g_str_equal (opts->export_status, "-") &&
      !run_export_status (plan, opts, NULL, error))
    return FALSE;

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      JpOutput *output = exports[i].output;
      gboolean ok = FALSE;

      if (output == NULL)
        continue;

      switch (i)
        {
        case EXPORT_JSON:
          ok = jp_json_write_output (&plan, 1, output, error);
          break;
        case EXPORT_PDF:
          ok = jp_report_write_pdf_output (plan, opts->report_kind, opts->report_name,
                                           opts->as_of, &opts->report_options, output, error);
          break;
        case EXPORT_CSV:
          ok = jp_csv_write_output (plan, opts->as_of, opts->report_spec, output, error);
          break;
        case EXPORT_XLSX:
          ok = jp_xlsx_write_output (plan, opts->as_of, opts->report_spec, output, error);
          break;
        case EXPORT_STATUS:
          ok = run_export_status (plan, opts, output, error);
          break;
        default:
          g_assert_not_reached ();
        }

      /* A file that could not be written is named with its option; other
       * errors (no such leader …) say what they are about. */
      if (!ok)
        {
          if (error != NULL && *error != NULL &&
              ((*error)->domain == G_FILE_ERROR ||
               g_error_matches (*error, JP_REPORT_ERROR, JP_REPORT_ERROR_WRITE)))
            g_prefix_error (error, "%s: ", exports[i].option);
          return FALSE;
        }
    }

  return TRUE;
}

/* "MESSAGE (WHAT)" */
static void
append_to_error (GError     **error,
                 const char  *what)
{
  char *message;

  if (error == NULL || *error == NULL)
    return;

  /* Translators: an error message, then what it means for the command */
  message = g_strdup_printf (_("%s (%s)"), (*error)->message, what);
  g_free ((*error)->message);
  (*error)->message = message;
}

/* Returns -1 when no command-line action was asked for. */
static int
run (GVariantDict  *options,
     GError       **error)
{
  g_auto(JpCliOptions) opts = { 0 };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpStore) store = NULL;
  JpCliExport exports[N_EXPORTS];
  JpStoreFlags flags = JP_STORE_FLAGS_NONE;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *saved = NULL;
  gboolean writes;
  gboolean batch;
  int status = 1;

  if (!parse_options (options, &opts, error))
    return 1;

  if (opts.import_path == NULL && !opts.list &&
      opts.export_json == NULL && opts.export_pdf == NULL &&
      opts.export_csv == NULL && opts.export_xlsx == NULL && opts.import_progress == NULL &&
      opts.export_status == NULL)
    return -1;

  /* The exports' targets first: one that cannot be written fails the
   * command before anything is read, imported or backed up. */
  exports_init (exports, &opts);
  if (!exports_open (exports, &opts, error))
    goto out;

  /* Everything to import is read and checked before the database is
   * opened: a bad file leaves the database untouched. */
  if (opts.import_path != NULL)
    {
      plans = read_import (opts.import_path, &warnings, error);
      if (plans == NULL)
        goto out;

      print_warnings (opts.import_path, warnings);
    }

  /* Only an import writes; anything else opens the file read-only, so
   * that listing or exporting never creates nor alters a database. */
  if (opts.read_only || (opts.import_path == NULL && opts.import_progress == NULL))
    flags |= JP_STORE_FLAGS_READ_ONLY;
  writes = (flags & JP_STORE_FLAGS_READ_ONLY) == 0;

  /* Backups (before a migration, an import) follow the window's setting. */
  if (writes)
    jp_store_set_backup_policy (NULL, get_backups_to_keep ());

  store = jp_store_open (opts.db_path, flags, error);
  if (store == NULL)
    goto out;

  /* An import of plans and the exports are one unit: the exports are
   * written while the import's transaction is open and put in place once
   * it is committed; a failure anywhere rolls the import back. A progress
   * import commits row by row (jp-progress-import.h) and goes without. */
  batch = writes && opts.import_progress == NULL;
  if (writes && !backup_before_import (store, plans == NULL, error))
    goto out;
  if (batch && !jp_store_begin_batch (store, error))
    goto out;

  if (!run_store (store, &opts, plans, exports, batch, summary, &saved, error))
    {
      if (batch)
        {
          jp_store_end_batch (store, FALSE, NULL);
          append_to_error (error, _("nothing was imported: the database is as it was"));
        }
      else if (saved != NULL)
        append_to_error (error, saved);
      goto out;
    }

  if (batch && !jp_store_end_batch (store, TRUE, error))
    {
      append_to_error (error, _("nothing was imported: the database is as it was"));
      goto out;
    }
  print_summary (&opts, summary);

  if (opts.list && !run_list (store, error))
    goto out;

  /* The import is saved: the exports take their place. */
  for (guint i = 0; i < N_EXPORTS; i++)
    if (exports[i].output != NULL && !jp_output_commit (exports[i].output, error))
      {
        g_prefix_error (error, "%s: ", exports[i].option);
        if (writes)
          append_to_error (error, _("the import was saved; only this export failed"));
        goto out;
      }

  status = 0;

out:
  exports_clear (exports);
  return status;
}

/**
 * jp_cli_get_option_entries:
 *
 * Returns: the options of the command line (NULL-terminated; descriptions
 *   untranslated, for the application's default translation domain)
 */
const GOptionEntry *
jp_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * jp_cli_handle_local_options:
 * @options: the options parsed by GApplication
 *
 * Runs what the command line asks for.
 *
 * Returns: -1 when nothing was asked for (the caller opens the window),
 *   else the exit status: 0, or 1 after "jinfeng-plan: message" on
 *   standard error
 */
int
jp_cli_handle_local_options (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_return_val_if_fail (options != NULL, 1);

  status = run (options, &error);

  if (status == 1)
    print_error_line (error != NULL ? error->message : _("the command failed"));

  return status;
}

/**
 * jp_cli_dup_db_path:
 *
 * Returns: (transfer full): the database of --db, else the default one
 */
char *
jp_cli_dup_db_path (GVariantDict *options)
{
  char *path = NULL;

  if (options != NULL)
    path = lookup_filename (options, "db");

  if (path == NULL)
    path = g_build_filename (g_get_user_data_dir (), "jinfeng-plan", "plans.db", NULL);

  return path;
}
