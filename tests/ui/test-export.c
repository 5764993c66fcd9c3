/* test-export.c: Export PDF…, Export Spreadsheet…, Print…, Import
 * Progress…, Preferences and Restore Backup… in the window
 *
 * Each test opens the window on a copy of the bundled 2023 plan, drives the
 * dialog through the window's actions and the dialog's own API (the
 * destination set programmatically instead of the native file chooser),
 * and checks what was written: the PDF with poppler's tools, the
 * spreadsheets by reading them back, the database by opening it again.
 * Printing is tested through the begin-print and draw-page functions on
 * cairo surfaces (a real print needs a printer) and the print preview
 * through GtkPrintOperation's preview action, which needs none.
 *
 * The dialogs are also saved as PNGs in $JP_SCREENSHOT_DIR (default: a
 * temporary folder), in the language of the environment: run with
 * LANGUAGE=zh_CN (and JP_LOCALEDIR=<build>/po) for the Chinese ones.
 *
 * No G_TEST_OPTION_ISOLATE_DIRS (it empties XDG_DATA_DIRS, and then the
 * icon theme is not found): the XDG folders of this process are pointed
 * at a temporary folder instead, before anything reads them, so that the
 * backups and settings never touch the user's. */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "jp-backup-dialog.h"
#include "jp-csv.h"
#include "jp-export-dialog.h"
#include "jp-preferences-window.h"
#include "jp-print-preview.h"
#include "jp-print.h"
#include "jp-progress-import-dialog.h"
#include "jp-report.h"
#include "jp-store-backup.h"
#include "jp-date-picker.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"

static JpApplication *app;
static char *root_dir;
static char *out_dir;

typedef struct
{
  char     *dir;
  char     *db_path;
  JpWindow *window;
} Fixture;

/* Runs the main loop until @expr holds (30 s at most). */
#define WAIT_UNTIL(expr)                                                        \
  G_STMT_START {                                                                \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;       \
    while (!(expr) && g_get_monotonic_time () < _deadline)                      \
      {                                                                         \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
    g_assert_true (expr);                                                       \
  } G_STMT_END

/* ---- helpers ------------------------------------------------------------ */

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  int width, height;

  WAIT_UNTIL (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
  jp_test_pump ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        jp_test_pump ();
    }
  g_test_message ("%s %d %d alloc %d", name, width, height, gtk_widget_should_layout (widget));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Progress on a few targets, so that the reports show values. */
static void
record_some_progress (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) plan = NULL;
  static const struct { int number; guint index; const char *date; double value; } entries[] = {
    { 2, 0, "2023-03-31", 60 },
    { 2, 1, "2023-03-31", 30 },
    { 8, 3, "2023-09-30", 630 },
    { 9, 2, "2023-09-30", 3100 },
    { 16, 0, "2023-06-30", 60 },
  };

  g_assert_no_error (error);
  plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (entries[i].date, entries[i].value);

      jp_progress_entry_set_note (entry, "测试");
      jp_store_add_progress (store, jp_test_indicator (plan, entries[i].number, entries[i].index),
                             entry, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_build_filename (root_dir, "XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (f->dir));
  f->db_path = jp_test_make_sample_db (f->dir);
  record_some_progress (f->db_path);
  f->window = jp_test_open_window (app, f->db_path, FALSE, FALSE);
  g_assert_nonnull (jp_window_get_plan (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_close_window (f->window);
  g_free (f->db_path);
  g_free (f->dir);
}

static GtkWidget *
open_dialog (Fixture    *f,
             const char *action,
             GVariant   *parameter)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  jp_test_pump ();
  dialog = jp_window_get_dialog (f->window);
  g_assert_nonnull (dialog);

  return GTK_WIDGET (dialog);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

/* The text of a PDF without white space (pdftotext breaks long titles). */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  GString *packed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (packed, c);
    }

  return g_string_free (packed, FALSE);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static gboolean
contains_packed (const char *text,
                 const char *needle)
{
  GString *packed = g_string_new (NULL);
  gboolean found;

  for (const char *p = needle; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (packed, g_utf8_get_char (p));

  found = strstr (text, packed->str) != NULL;
  g_string_free (packed, TRUE);
  return found;
}

static void
on_exported_cb (JpExportDialog *dialog,
                GFile          *file,
                guint          *count)
{
  (*count)++;
}

/* Runs the export dialog to @path and waits until it has closed. */
static void
export_to (Fixture        *f,
           JpExportDialog *dialog,
           const char     *path,
           guint          *exported)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  jp_export_dialog_set_destination (dialog, file);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), exported);
  g_assert_true (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (jp_export_dialog_get_running (dialog));
  WAIT_UNTIL (jp_window_get_dialog (f->window) == NULL);
}

static JpItem *
item (Fixture *f,
      int      number)
{
  JpItem *found = jp_plan_find_item_by_number (jp_window_get_plan (f->window), number);

  g_assert_nonnull (found);
  return found;
}

static guint
count_entries (JpPlan *plan)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint count = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autoptr(GError) error = NULL;

          jp_indicator_ensure_history (indicator, &error);
          g_assert_no_error (error);
          count += g_list_model_get_n_items (jp_indicator_get_progress (indicator));
        }
    }

  return count;
}

/* The entry of @indicator dated @date (NULL: none). */
static JpProgressEntry *
entry_on (JpIndicator *indicator,
          const char  *date)
{
  GListModel *progress;
  g_autoptr(GError) error = NULL;
  guint n;

  jp_indicator_ensure_history (indicator, &error);
  g_assert_no_error (error);
  progress = jp_indicator_get_progress (indicator);
  n = g_list_model_get_n_items (progress);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, i);

      if (g_strcmp0 (jp_progress_entry_get_date (entry), date) == 0)
        return entry;
    }

  return NULL;
}

/* ---- actions ------------------------------------------------------------ */

/* Whether activating @action opens a dialog (then closes it). */
static gboolean
opens_dialog (Fixture    *f,
              const char *action,
              GVariant   *parameter)
{
  GtkWindow *dialog;

  if (parameter != NULL)
    g_variant_ref_sink (parameter);
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter);
  if (parameter != NULL)
    g_variant_unref (parameter);
  jp_test_pump ();

  dialog = jp_window_get_dialog (f->window);
  if (dialog == NULL)
    return FALSE;

  gtk_window_destroy (dialog);
  jp_test_pump ();
  return TRUE;
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (JP_TEST_DATADIR, "csv", "progress-window.csv", NULL);
  static const char *readers[] = { "win.export-pdf", "win.export-spreadsheet", "win.print" };

  for (guint mode = 0; mode < 2; mode++)
    {
      gboolean review = mode == 1;

      g_object_set (f->window, "review-mode", review, NULL);
      jp_test_pump ();
      g_assert_true (jp_window_get_review_mode (f->window) == review);

      /* Exports and printing only read: always there. */
      for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
        g_assert_true (opens_dialog (f, readers[i], NULL));

      /* The progress import and the restore write: not in review mode. */
      g_assert_true (opens_dialog (f, "win.import-progress-file", g_variant_new_string (csv)) == !review);
      g_assert_true (opens_dialog (f, "win.restore-backup", NULL) == !review);
    }
}

/* ---- the suggested file name ---------------------------------------------- */

static void
test_file_name (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("2023年工作要点", 2023);
  g_autoptr(JpPlan) odd = jp_plan_new ("计划/草稿:\"一\"?\n", 2024);
  g_autofree char *summary = g_strdup_printf ("2023年工作要点-%s-2023-06-30.pdf",
                                              g_dpgettext2 (GETTEXT_PACKAGE, "file name", "Summary"));
  g_autofree char *bulletin = g_strdup_printf ("2023年工作要点-%s-2023-12-31.pdf",
                                               _("Supervision bulletin"));
  g_autofree char *name = NULL;

  /* The plan, the report and the date. */
  name = jp_export_dup_file_name (plan, JP_REPORT_SUMMARY, NULL, "2023-06-30", "pdf");
  g_assert_cmpstr (name, ==, summary);
  g_free (name);
  name = jp_export_dup_file_name (plan, JP_REPORT_LEADER, "崔茜", "2023-06-30", "xlsx");
  g_assert_cmpstr (name, ==, "2023年工作要点-崔茜-2023-06-30.xlsx");
  g_free (name);
  name = jp_export_dup_file_name (plan, JP_REPORT_UNIT, "督导室", "2023-09-30", "csv");
  g_assert_cmpstr (name, ==, "2023年工作要点-督导室-2023-09-30.csv");
  g_free (name);
  name = jp_export_dup_file_name (plan, JP_REPORT_BULLETIN, NULL, "2023-12-31", "pdf");
  g_assert_cmpstr (name, ==, bulletin);
  g_free (name);

  /* Characters file systems refuse become "-"; a title without its year
   * gets it (as in the plan switcher); no date, no date part. */
  name = jp_export_dup_file_name (odd, JP_REPORT_LEADER, "张三/李四", NULL, "pdf");
  g_assert_null (strpbrk (name, "/\\:*?\"<>|\n"));
  g_assert_true (g_str_has_suffix (name, "计划-草稿--一----张三-李四.pdf"));
  g_assert_nonnull (strstr (name, "2024"));
}

/* ---- PDF ---------------------------------------------------------------- */

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *default_as_of = jp_plan_dup_default_as_of (plan);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  JpExportDialog *dialog;
  guint exported = 0;
  gsize length;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  g_assert_cmpint (jp_export_dialog_get_mode (dialog), ==, JP_EXPORT_PDF);
  g_assert_cmpint (jp_export_dialog_get_kind (dialog), ==, JP_REPORT_SUMMARY);
  g_assert_cmpstr (jp_export_dialog_get_as_of (dialog), ==, default_as_of);

  /* A bad date cannot be confirmed. */
  jp_export_dialog_set_as_of (dialog, "2023-02-30");
  g_assert_null (jp_export_dialog_get_as_of (dialog));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  jp_export_dialog_set_as_of (dialog, "2023-12-31");
  g_assert_cmpstr (jp_export_dialog_get_as_of (dialog), ==, "2023-12-31");

  export_to (f, dialog, path, &exported);
  g_assert_cmpuint (exported, ==, 1);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  layout = jp_report_build (plan, JP_REPORT_SUMMARY, NULL, "2023-12-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), >=, 1);
  g_assert_cmpuint (pdf_pages (path), ==, jp_report_layout_get_n_pages (layout));

  text = pdf_text (path);
  items = jp_plan_dup_items (plan);
  for (guint i = 0; i < items->len; i++)
    {
      const char *title = jp_item_get_title (g_ptr_array_index (items, i));

      if (!contains_packed (text, title))
        g_error ("The PDF lacks the title “%s”", title);
    }
}

static void
test_pdf_leader (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "leader.pdf", NULL);
  g_autofree char *text = NULL;
  JpExportDialog *dialog;
  guint exported = 0;
  g_autoptr(GPtrArray) items = jp_plan_dup_items (jp_window_get_plan (f->window));
  guint n_hers = 0, n_others = 0;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  jp_export_dialog_set_kind (dialog, JP_REPORT_LEADER);
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "name_row")));
  jp_export_dialog_set_name (dialog, "不存在的人");
  g_assert_null (jp_export_dialog_get_name (dialog));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  jp_export_dialog_set_name (dialog, "张学兵");
  g_assert_cmpstr (jp_export_dialog_get_name (dialog), ==, "张学兵");
  export_to (f, dialog, path, &exported);
  g_assert_cmpuint (exported, ==, 1);

  text = pdf_text (path);
  g_assert_true (contains_packed (text, "张学兵"));
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *it = g_ptr_array_index (items, i);
      g_autofree char *leaders = jp_item_dup_leader_names (it, " ");
      gboolean hers = strstr (leaders, "张学兵") != NULL;

      if (hers)
        {
          g_assert_true (contains_packed (text, jp_item_get_title (it)));
          n_hers++;
        }
      else if (!contains_packed (text, jp_item_get_title (it)))
        n_others++;
    }
  g_assert_cmpuint (n_hers, >, 0);
  g_assert_cmpuint (n_others, >, 0);
}

/* The supervision bulletin: offered for the PDF (not for the
 * spreadsheets), for the whole plan, every item in its group. */
static void
test_pdf_bulletin (Fixture       *f,
                   gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autofree char *path = g_build_filename (f->dir, "bulletin.pdf", NULL);
  g_autofree char *title = g_strdup_printf (C_("report", "%s: supervision bulletin"),
                                            jp_plan_get_title (plan));
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autofree char *text = NULL;
  GtkWidget *kind_row;
  JpExportDialog *dialog;
  guint exported = 0;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-spreadsheet", NULL));
  kind_row = jp_test_get (GTK_WIDGET (dialog), "kind_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  kind_row = jp_test_get (GTK_WIDGET (dialog), "kind_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))), ==, 4);
  jp_export_dialog_set_kind (dialog, JP_REPORT_BULLETIN);
  g_assert_cmpint (jp_export_dialog_get_kind (dialog), ==, JP_REPORT_BULLETIN);
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "name_row")));
  g_assert_null (jp_export_dialog_get_name (dialog));
  jp_export_dialog_set_as_of (dialog, "2023-12-31");
  g_assert_true (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  export_to (f, dialog, path, &exported);
  g_assert_cmpuint (exported, ==, 1);

  text = pdf_text (path);
  g_assert_true (contains_packed (text, title));
  for (guint i = 0; i < items->len; i++)
    g_assert_true (contains_packed (text, jp_item_get_title (g_ptr_array_index (items, i))));
}

/* The latest update of an item under it, or with the switch every update
 * of the period. */
static void
test_pdf_all_updates (Fixture       *f,
                      gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  JpItem *item3 = jp_plan_find_item_by_number (plan, 3);
  g_autofree char *latest_path = g_build_filename (f->dir, "latest.pdf", NULL);
  g_autofree char *all_path = g_build_filename (f->dir, "all.pdf", NULL);
  g_autofree char *latest_text = NULL;
  g_autofree char *all_text = NULL;
  g_autoptr(GError) error = NULL;
  JpExportDialog *dialog;
  guint exported = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JpItemUpdate) update = jp_item_update_new (i == 0 ? "2023-03-20" : "2023-06-20");

      jp_item_update_set_problems (update, i == 0 ? "旧的问题：场地不足" : "新的问题：经费拨付滞后");
      jp_store_add_update (jp_window_get_store (f->window), item3, update, &error);
      g_assert_no_error (error);
    }

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-spreadsheet", NULL));
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "updates_row")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "updates_row")));
  jp_export_dialog_set_as_of (dialog, "2023-12-31");
  export_to (f, dialog, latest_path, &exported);
  latest_text = pdf_text (latest_path);
  g_assert_true (contains_packed (latest_text, "新的问题：经费拨付滞后"));
  g_assert_false (contains_packed (latest_text, "旧的问题：场地不足"));

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  gtk_switch_set_active (GTK_SWITCH (jp_test_get (GTK_WIDGET (dialog), "updates_switch")), TRUE);
  jp_export_dialog_set_as_of (dialog, "2023-12-31");
  export_to (f, dialog, all_path, &exported);
  g_assert_cmpuint (exported, ==, 2);
  all_text = pdf_text (all_path);
  g_assert_true (contains_packed (all_text, "新的问题：经费拨付滞后"));
  g_assert_true (contains_packed (all_text, "旧的问题：场地不足"));
}

/* Edits made while the export runs change the window's plan, not the file:
 * the PDF is the plan as it was when Export was pressed. */
static void
test_pdf_edit_during_export (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "during.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *original = g_strdup (jp_item_get_title (item (f, 2)));
  g_autofree char *text = NULL;
  JpStore *store = jp_window_get_store (f->window);
  JpExportDialog *dialog;
  guint exported = 0;
  guint edits = 0;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  jp_export_dialog_set_destination (dialog, file);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));

  /* Edit the plan, through the store as the window does, while the thread
   * lays out and writes the report. */
  while (jp_window_get_dialog (f->window) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("导出期间改过的标题%u", edits);

      g_assert_true (jp_store_set_string (store, item (f, 2), "title", title, &error));
      g_assert_no_error (error);
      jp_store_set_string (store, item (f, 3), "body", title, &error);
      g_assert_no_error (error);
      edits++;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpuint (exported, ==, 1);
  g_assert_cmpuint (edits, >=, 1);
  g_test_message ("%u edits while the export ran", edits);

  text = pdf_text (path);
  g_assert_true (contains_packed (text, original));
  g_assert_null (strstr (text, "导出期间改过的标题"));
  g_assert_true (g_str_has_prefix (jp_item_get_title (item (f, 2)), "导出期间改过的标题"));
}

static void
test_pdf_cancel (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) dir = NULL;
  JpExportDialog *dialog;
  guint exported = 0;
  const char *name;
  gint64 until;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-pdf", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  jp_export_dialog_set_destination (dialog, file);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (jp_export_dialog_get_running (dialog));

  /* Cancel closes the dialog, which stops the thread. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  g_assert_null (dialog);
  g_assert_null (jp_window_get_dialog (f->window));

  /* The whole export takes a fraction of this. */
  until = g_get_monotonic_time () + 3 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);

  g_assert_cmpuint (exported, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No temporary file left either. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "cancelled"));
}

/* The SHA-256 of @path's contents; "" when it is missing. */
static char *
dup_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* No export replaces the database the window has open (nor its side
 * files), nor what is not a regular file: the dialog says why, stays open
 * and writes nothing. */
static void
test_refuses_database (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *action; int format; } modes[] = {
    { "win.export-pdf", -1 },
    { "win.export-spreadsheet", JP_EXPORT_FORMAT_CSV },
    { "win.export-spreadsheet", JP_EXPORT_FORMAT_XLSX },
  };
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo", NULL);
  const char *targets[] = { f->db_path, wal, fifo };
  const char *reasons[] = { "database itself", "database’s -wal file", "named pipe" };
  g_autofree char *before = dup_checksum (f->db_path);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      {
        g_autoptr(GFile) file = g_file_new_for_path (targets[t]);
        g_autofree char *after = NULL;
        JpExportDialog *dialog;
        guint exported = 0;

        dialog = JP_EXPORT_DIALOG (open_dialog (f, modes[m].action, NULL));
        if (modes[m].format >= 0)
          jp_export_dialog_set_format (dialog, modes[m].format);
        jp_export_dialog_set_destination (dialog, file);
        g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &exported);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
        jp_test_pump ();

        g_assert_false (jp_export_dialog_get_running (dialog));
        g_assert_cmpuint (exported, ==, 0);
        g_test_message ("%s", jp_export_dialog_get_error (dialog));
        g_assert_nonnull (strstr (jp_export_dialog_get_error (dialog), reasons[t]));
        g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
        gtk_window_destroy (GTK_WINDOW (dialog));
        jp_test_pump ();

        after = dup_checksum (f->db_path);
        g_assert_cmpstr (after, ==, before);
        g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) &&
                       !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
      }
}

/* A plan of the 2023 plan's sections and work points 40 times over: long
 * enough to export that the progress bar is seen moving (polled each 100 ms). */
static char *
make_big_db (const char *dir)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (JP_TEST_SAMPLE_RESOURCE, 0, NULL);
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *body = strstr (text, "\n一、");
  g_autoptr(GString) document = g_string_new_len (text, body - text);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "big.db", NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append_len (document, body, g_bytes_get_size (bytes) - (body - text));
  big = g_bytes_new (document->str, document->len);
  plan = jp_document_import_bytes (big, "big.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 40 * 17);

  store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  jp_store_insert_plans (store, &plan, 1, &error);
  g_assert_no_error (error);

  return path;
}

/* A long report shows how far it got, page by page. */
static void
test_pdf_progress (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = make_big_db (f->dir);
  g_autofree char *path = g_build_filename (f->dir, "big.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JpWindow *window = jp_test_open_window (app, db, FALSE, FALSE);
  GtkProgressBar *bar;
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  jp_test_pump ();
  dialog = GTK_WIDGET (jp_window_get_dialog (window));
  g_assert_true (JP_IS_EXPORT_DIALOG (dialog));
  bar = GTK_PROGRESS_BAR (jp_test_get (dialog, "progress_bar"));
  g_assert_false (gtk_widget_get_visible (jp_test_get (dialog, "progress_group")));

  jp_export_dialog_set_destination (JP_EXPORT_DIALOG (dialog), file);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  g_assert_true (gtk_widget_get_visible (jp_test_get (dialog, "progress_group")));
  g_assert_false (gtk_widget_get_sensitive (jp_test_get (dialog, "group")));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));

  /* Pages are being written: the bar moves. */
  WAIT_UNTIL (gtk_progress_bar_get_fraction (bar) > 0 || jp_window_get_dialog (window) == NULL);
  g_assert_true (jp_window_get_dialog (window) == GTK_WINDOW (dialog));
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (jp_test_get (dialog, "progress_label"))));
  save_png (dialog, "export-pdf-running.png");

  g_assert_true (gtk_widget_activate_action (dialog, "dialog.cancel", NULL));
  jp_test_pump ();
  jp_test_close_window (window);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- spreadsheets ------------------------------------------------------- */

static void
test_spreadsheet_csv (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "targets.csv", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  JpExportDialog *dialog;
  guint exported = 0;
  gsize length;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-spreadsheet", NULL));
  g_assert_cmpint (jp_export_dialog_get_mode (dialog), ==, JP_EXPORT_SPREADSHEET);
  g_assert_true (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "format_row")));
  jp_export_dialog_set_format (dialog, JP_EXPORT_FORMAT_CSV);
  jp_export_dialog_set_as_of (dialog, "2023-09-30");
  export_to (f, dialog, path, &exported);
  g_assert_cmpuint (exported, ==, 1);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  records = jp_csv_parse (contents + 3, length - 3, ',', "targets.csv", &error);
  g_assert_no_error (error);
  /* The heading and one row per target. */
  g_assert_cmpuint (records->len, ==, 1 + jp_plan_get_n_indicators (jp_window_get_plan (f->window)));
  g_assert_cmpuint (((JpCsvRecord *) g_ptr_array_index (records, 1))->fields->len, ==, JP_CSV_N_COLUMNS);
}

static void
test_spreadsheet_xlsx (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "targets.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *strings = NULL;
  g_autoptr(GError) error = NULL;
  JpExportDialog *dialog;
  guint exported = 0;
  gsize length;

  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.export-spreadsheet", NULL));
  g_assert_cmpint (jp_export_dialog_get_format (dialog), ==, JP_EXPORT_FORMAT_XLSX);
  jp_export_dialog_set_kind (dialog, JP_REPORT_UNIT);
  jp_export_dialog_set_name (dialog, "教研室");
  g_assert_cmpstr (jp_export_dialog_get_name (dialog), ==, "教研室");
  export_to (f, dialog, path, &exported);
  g_assert_cmpuint (exported, ==, 1);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);

  /* The workbook's text: the unit's work points, not the others'. */
  {
    const char *argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };

    strings = run_tool (argv);
  }
  g_assert_nonnull (strstr (strings, jp_item_get_title (item (f, 5)))); /* 教研室 leads it */
  g_assert_null (strstr (strings, jp_item_get_title (item (f, 2))));    /* 教育党工委's */
}

/* ---- progress import ---------------------------------------------------- */

static const struct {
  guint              line;
  JpProgressRowState preview;
} expected_rows[] = {
  { 2, JP_PROGRESS_ROW_NEW },
  { 3, JP_PROGRESS_ROW_NEW },
  { 4, JP_PROGRESS_ROW_NEW },
  { 5, JP_PROGRESS_ROW_DUPLICATE },
  { 6, JP_PROGRESS_ROW_INVALID },
  { 7, JP_PROGRESS_ROW_INVALID },
  { 8, JP_PROGRESS_ROW_INVALID },
};

static JpProgressImportDialog *
open_progress_file (Fixture    *f,
                    const char *name)
{
  g_autofree char *csv = g_build_filename (JP_TEST_DATADIR, "csv", name, NULL);
  JpProgressImportDialog *dialog;

  dialog = JP_PROGRESS_IMPORT_DIALOG (open_dialog (f, "win.import-progress-file",
                                                   g_variant_new_string (csv)));
  WAIT_UNTIL (!jp_progress_import_dialog_get_loading (dialog));
  g_assert_null (jp_progress_import_dialog_get_error (dialog));
  g_assert_nonnull (jp_progress_import_dialog_get_import (dialog));
  jp_test_pump ();

  return dialog;
}

/* The entry of item 7's first target that the file repeats. */
static void
record_duplicate (Fixture *f)
{
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-06-30", 0.2);
  g_autoptr(GError) error = NULL;

  jp_store_add_progress (jp_window_get_store (f->window), jp_test_indicator (jp_window_get_plan (f->window), 7, 0),
                         entry, &error);
  g_assert_no_error (error);
}

static void
on_imported_cb (JpProgressImportDialog *dialog,
                guint                   n_committed,
                guint                   n_skipped,
                guint                   n_failed,
                guint                  *counts)
{
  counts[0] = n_committed;
  counts[1] = n_skipped;
  counts[2] = n_failed;
  counts[3]++;
}

/* A file with bad rows: the preview marks them, and nothing can be
 * imported, not even the good rows (all or nothing). */
static void
test_progress_import (Fixture       *f,
                      gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  JpProgressImportDialog *dialog;
  JpProgressImport *import;
  g_autoptr(JpPlan) reloaded = NULL;
  guint counts[4] = { 0 };
  guint before;

  record_duplicate (f);
  before = count_entries (plan);

  dialog = open_progress_file (f, "progress-window.csv");
  import = jp_progress_import_dialog_get_import (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, G_N_ELEMENTS (expected_rows));
  for (guint i = 0; i < G_N_ELEMENTS (expected_rows); i++)
    {
      g_autoptr(JpProgressRow) row = g_list_model_get_item (G_LIST_MODEL (import), i);

      g_assert_cmpuint (jp_progress_row_get_line (row), ==, expected_rows[i].line);
      g_assert_cmpint (jp_progress_row_get_state (row), ==, expected_rows[i].preview);
      if (expected_rows[i].preview == JP_PROGRESS_ROW_INVALID)
        g_assert_nonnull (jp_progress_row_get_message (row));
    }
  /* The preview wrote nothing, and Import is not offered. */
  g_assert_cmpuint (count_entries (plan), ==, before);
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dialog),
                                                                        "summary_label"))),
                            "Nothing is imported while a row has an error."));
  save_png (GTK_WIDGET (dialog), "progress-import-preview.png");

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), counts);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  jp_test_pump ();
  g_assert_cmpuint (counts[3], ==, 0);
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
  g_assert_cmpuint (count_entries (plan), ==, before);
  reloaded = jp_test_reload (f->db_path);
  g_assert_cmpuint (count_entries (reloaded), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
}

/* Rows without a date are marked and the date row appears; a day picked
 * in its calendar dates them, and then all rows are recorded at once: a
 * value for a date that has another is shown as a change (old → new) and
 * replaces it. */
static void
test_progress_import_undated (Fixture       *f,
                              gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  JpProgressImportDialog *dialog;
  JpProgressImport *import;
  GtkWidget *date_list;
  GtkWidget *calendar;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[4] = { 0 };
  guint before;

  record_duplicate (f); /* 0.2 on 2023-06-30; the file says 0.3 */
  before = count_entries (plan);

  dialog = open_progress_file (f, "progress-window-undated.csv");
  import = jp_progress_import_dialog_get_import (dialog);
  date_list = jp_test_get (GTK_WIDGET (dialog), "date_list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (import)), ==, 4);
  {
    g_autoptr(JpProgressRow) undated = g_list_model_get_item (G_LIST_MODEL (import), 1);
    g_autoptr(JpProgressRow) change = g_list_model_get_item (G_LIST_MODEL (import), 3);

    g_assert_true (jp_progress_row_get_undated (undated));
    g_assert_cmpint (jp_progress_row_get_state (undated), ==, JP_PROGRESS_ROW_INVALID);
    g_assert_cmpint (jp_progress_row_get_state (change), ==, JP_PROGRESS_ROW_CHANGE);
    g_assert_cmpfloat (jp_progress_row_get_old_value (change), ==, 0.2);
    g_assert_cmpstr (jp_progress_row_get_message (change), ==, "0.2 → 0.3 on 2023-06-30");
  }
  g_assert_true (gtk_widget_get_visible (date_list));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (dialog),
                                                                        "summary_label"))),
                            "Some rows have no date"));
  save_png (GTK_WIDGET (dialog), "progress-import-undated.png");

  /* The date row's calendar is the date picker: browsing a month changes
   * nothing; a date chosen there (typed, Enter) is the date. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (GTK_WIDGET (dialog), "calendar_button")));
  jp_test_pump ();
  calendar = jp_test_get (GTK_WIDGET (dialog), "date_picker");
  g_signal_emit_by_name (jp_date_picker_get_calendar (JP_DATE_PICKER (calendar)), "prev-month");
  jp_test_pump ();
  g_assert_null (jp_progress_import_get_undated_date (import));
  gtk_editable_set_text (GTK_EDITABLE (jp_date_picker_get_entry (JP_DATE_PICKER (calendar))), "2023年9月30日");
  g_signal_emit_by_name (jp_date_picker_get_entry (JP_DATE_PICKER (calendar)), "activate");
  jp_test_pump ();
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "calendar_popover")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (GTK_WIDGET (dialog), "date_row"))),
                   ==, "2023-09-30");
  g_assert_cmpstr (jp_progress_import_get_undated_date (import), ==, "2023-09-30");
  g_assert_cmpuint (jp_progress_import_get_n_errors (import), ==, 0);
  g_assert_cmpuint (jp_progress_import_get_n_to_record (import), ==, 4);
  {
    g_autoptr(JpProgressRow) undated = g_list_model_get_item (G_LIST_MODEL (import), 1);

    g_assert_cmpstr (jp_progress_row_get_date (undated), ==, "2023-09-30");
  }
  g_assert_true (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  save_png (GTK_WIDGET (dialog), "progress-import-dated.png");

  /* A typed date outside the plan: marked, and the rows have no date. */
  jp_test_set_text (GTK_WIDGET (dialog), "date_row", "2024-02-01");
  g_assert_true (gtk_widget_has_css_class (jp_test_get (GTK_WIDGET (dialog), "date_row"), "error"));
  g_assert_null (jp_progress_import_get_undated_date (import));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  /* Typed as people write it. */
  jp_test_set_text (GTK_WIDGET (dialog), "date_row", "2023年9月30日");
  g_assert_cmpstr (jp_progress_import_get_undated_date (import), ==, "2023-09-30");
  g_assert_true (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), counts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  jp_test_pump ();
  g_assert_cmpuint (counts[3], ==, 1);
  g_assert_cmpuint (counts[0], ==, 4);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_null (jp_window_get_dialog (f->window));

  /* Three new entries and one changed, in the model … */
  g_assert_cmpuint (count_entries (plan), ==, before + 3);
  g_assert_cmpfloat (jp_progress_entry_get_value (entry_on (jp_test_indicator (plan, 7, 0), "2023-06-30")), ==, 0.3);
  g_assert_nonnull (entry_on (jp_test_indicator (plan, 2, 1), "2023-09-30"));
  /* … and in the file. */
  reloaded = jp_test_reload (f->db_path);
  g_assert_cmpuint (count_entries (reloaded), ==, before + 3);
  g_assert_cmpfloat (jp_progress_entry_get_value (entry_on (jp_test_indicator (reloaded, 7, 0), "2023-06-30")), ==, 0.3);
  g_assert_cmpfloat (jp_progress_entry_get_value (entry_on (jp_test_indicator (reloaded, 5, 2), "2023-09-30")), ==, 12);

  /* A backup was made before the import. */
  backups = jp_store_list_backups (jp_window_get_store (f->window), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, >=, 1);
  g_assert_cmpstr (((JpBackupInfo *) g_ptr_array_index (backups, 0))->reason, ==, JP_STORE_BACKUP_IMPORT);
}

static void
test_progress_import_cancel (Fixture       *f,
                             gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autoptr(JpPlan) reloaded = NULL;
  JpProgressImportDialog *dialog;
  guint before = count_entries (plan);

  dialog = open_progress_file (f, "progress-window.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));

  g_assert_cmpuint (count_entries (plan), ==, before);
  reloaded = jp_test_reload (f->db_path);
  g_assert_cmpuint (count_entries (reloaded), ==, before);
}

static void
test_progress_import_bad_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "not-a-table.csv", NULL);
  JpProgressImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, "这不是表格\n只是两行字\n", -1, NULL));
  dialog = JP_PROGRESS_IMPORT_DIALOG (open_dialog (f, "win.import-progress-file",
                                                   g_variant_new_string (path)));
  WAIT_UNTIL (!jp_progress_import_dialog_get_loading (dialog));
  g_assert_nonnull (jp_progress_import_dialog_get_error (dialog));
  g_assert_null (jp_progress_import_dialog_get_import (dialog));
  g_assert_false (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  save_png (GTK_WIDGET (dialog), "progress-import-bad-file.png");
}

/* ---- preferences -------------------------------------------------------- */

static GtkWidget *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  JpStore *store = jp_window_get_store (f->window);
  GtkWidget *window;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  jp_test_pump ();
  window = find_toplevel (JP_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  save_png (window, "preferences.png");

  jp_test_set_text (window, "author_row", "测试员");
  g_assert_cmpstr (g_settings_get_string (settings, "author"), ==, "测试员");
  WAIT_UNTIL (g_strcmp0 (jp_store_get_author (store), "测试员") == 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (jp_test_get (window, "backups_spin")), 7);
  jp_test_pump ();
  g_assert_cmpint (g_settings_get_int (settings, "backups-to-keep"), ==, 7);
  g_assert_cmpuint (jp_store_get_backups_to_keep (), ==, 7);

  /* Back to the account's name. */
  jp_test_set_text (window, "author_row", "");
  WAIT_UNTIL (g_strcmp0 (jp_store_get_author (store), g_get_real_name ()) == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "backups-to-keep");
  g_settings_reset (settings, "author");
  jp_test_pump ();
}

/* ---- backups ------------------------------------------------------------ */

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  JpStore *store = jp_window_get_store (f->window);
  g_autofree char *original = g_strdup (jp_item_get_title (item (f, 2)));
  g_autofree char *backup = NULL;
  g_autoptr(JpPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  JpBackupDialog *dialog;
  AdwMessageDialog *confirmation;
  GPtrArray *backups;
  guint n_backups;
  gboolean found = FALSE;

  g_assert_true (jp_store_backup (store, NULL, JP_STORE_BACKUP_MANUAL, 5, &backup, &error));
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (jp_store_set_string (store, item (f, 2), "title", "恢复前改过的标题", &error));

  dialog = JP_BACKUP_DIALOG (open_dialog (f, "win.restore-backup", NULL));
  backups = jp_backup_dialog_get_backups (dialog);
  for (guint i = 0; i < backups->len; i++)
    found |= g_strcmp0 (((JpBackupInfo *) g_ptr_array_index (backups, i))->path, backup) == 0;
  g_assert_true (found);
  save_png (GTK_WIDGET (dialog), "backup-dialog.png");

  /* Back Up Now adds one. */
  n_backups = backups->len;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.create", NULL));
  g_assert_cmpuint (jp_backup_dialog_get_backups (dialog)->len, ==, n_backups + 1);
  g_assert_cmpstr (((JpBackupInfo *) g_ptr_array_index (jp_backup_dialog_get_backups (dialog), 0))->reason,
                   ==, JP_STORE_BACKUP_MANUAL);

  /* Cancel restores nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.restore", "s", backup));
  confirmation = jp_backup_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirmation);
  save_png (GTK_WIDGET (confirmation), "backup-confirmation.png");
  adw_message_dialog_response (confirmation, "cancel");
  jp_test_pump ();
  g_assert_cmpstr (jp_item_get_title (item (f, 2)), ==, "恢复前改过的标题");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "backup.restore", "s", backup));
  confirmation = jp_backup_dialog_get_confirmation (dialog);
  adw_message_dialog_response (confirmation, "restore");
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));

  /* The window shows the old content, and the file holds it. */
  g_assert_cmpstr (jp_item_get_title (item (f, 2)), ==, original);
  reloaded = jp_test_reload (f->db_path);
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 2)), ==, original);
}

/* ---- printing ----------------------------------------------------------- */

static gboolean
area_is_blank (cairo_surface_t *surface,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (((guint32 *) (data + y * stride))[x] != 0)
        return FALSE;

  return TRUE;
}

static void
test_print_pages (Fixture       *f,
                  gconstpointer  data)
{
  JpPlan *plan = jp_window_get_plan (f->window);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(JpPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  /* US Letter: the A4 pages are scaled to fit and centred. */
  const double width = 612, height = 792;
  guint n_pages;

  layout = jp_report_build (plan, JP_REPORT_SUMMARY, NULL, "2023-12-31", NULL, &error);
  g_assert_no_error (error);
  print = jp_print_new (layout);
  g_assert_true (jp_print_get_layout (print) == layout);
  g_assert_true (GTK_IS_PRINT_OPERATION (jp_print_get_operation (print)));

  /* begin-print: the layout's pages. */
  n_pages = jp_print_begin (print, width, height);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (n_pages, ==, jp_report_layout_get_n_pages (layout));

  /* draw-page on a PDF surface: the same pages, the same text. */
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      jp_print_draw_page (print, cr, width, height, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  text = pdf_text (path);
  g_assert_true (contains_packed (text, jp_item_get_title (item (f, 2))));
  g_assert_true (contains_packed (text, jp_item_get_title (item (f, 17))));

  /* draw-page on an image: ink inside the scaled page only (A4 on Letter:
   * 560 points wide, centred, so 26 points free on each side). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  jp_print_draw_page (print, cr, width, height, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (area_is_blank (surface, 0, 0, 24, (int) height));
  g_assert_true (area_is_blank (surface, (int) width - 24, 0, (int) width, (int) height));
  g_assert_false (area_is_blank (surface, 24, 0, (int) width - 24, (int) height));
  cairo_surface_destroy (surface);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  int                     *done)
{
  *done = (int) result + 1;
}

/* The whole GtkPrintOperation, begin-print and draw-page included, with
 * its export action: a PDF file instead of a printer. */
static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "operation.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(JpPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  GtkPrintOperation *operation;
  int done = 0;

  layout = jp_report_build (jp_window_get_plan (f->window), JP_REPORT_UNIT, "教研室", "2023-12-31",
                            NULL, &error);
  g_assert_no_error (error);
  print = jp_print_new (layout);
  operation = jp_print_get_operation (print);
  gtk_print_operation_set_export_filename (operation, path);

  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), &done);
  jp_print_run_action (print, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (f->window));
  WAIT_UNTIL (done != 0);

  g_assert_cmpint (done - 1, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (operation), ==,
                   (int) jp_report_layout_get_n_pages (layout));
  g_assert_cmpuint (pdf_pages (path), ==, jp_report_layout_get_n_pages (layout));
  info = run_tool (argv);
  g_assert_nonnull (strstr (info, "595.276 x 841.89"));   /* A4 */
  text = pdf_text (path);
  g_assert_true (contains_packed (text, "教研室"));
  g_assert_true (contains_packed (text, jp_item_get_title (item (f, 5))));
}

static void
test_print_preview (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(JpPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  JpPrintPreview *preview;
  int done = 0;

  layout = jp_report_build (jp_window_get_plan (f->window), JP_REPORT_LEADER, "高学芳", NULL, NULL, &error);
  g_assert_no_error (error);
  print = jp_print_new (layout);
  operation = jp_print_get_operation (print);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), &done);

  /* GTK's preview action: ::preview opens our window, no previewer runs. */
  jp_print_run_action (print, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (f->window));
  jp_test_pump ();
  preview = JP_PRINT_PREVIEW (jp_print_get_preview (print));
  g_assert_nonnull (preview);
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (operation), ==,
                   (int) jp_report_layout_get_n_pages (layout));
  g_assert_cmpuint (jp_print_preview_get_n_pages (preview), ==, jp_report_layout_get_n_pages (layout));
  save_png (GTK_WIDGET (preview), "print-preview.png");

  /* Turning the pages. */
  g_assert_cmpuint (jp_print_preview_get_page (preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_cmpuint (jp_print_preview_get_page (preview), ==, MIN (1, jp_print_preview_get_n_pages (preview) - 1));
  jp_print_preview_set_page (preview, 1000);
  g_assert_cmpuint (jp_print_preview_get_page (preview), ==, jp_print_preview_get_n_pages (preview) - 1);
  save_png (GTK_WIDGET (preview), "print-preview-last.png");

  /* Closing it ends the operation. */
  gtk_window_destroy (GTK_WINDOW (preview));
  WAIT_UNTIL (done != 0);
  g_assert_null (jp_print_get_preview (print));
}

static void
test_print_dialog (Fixture       *f,
                   gconstpointer  data)
{
  JpExportDialog *dialog;

  /* The report is as of the date the window shows. */
  jp_window_set_as_of (f->window, "2023-06-30");
  dialog = JP_EXPORT_DIALOG (open_dialog (f, "win.print", NULL));
  g_assert_cmpstr (jp_export_dialog_get_as_of (dialog), ==, "2023-06-30");
  g_assert_cmpint (jp_export_dialog_get_mode (dialog), ==, JP_EXPORT_PRINT);
  g_assert_false (gtk_widget_get_visible (jp_test_get (GTK_WIDGET (dialog), "format_row")));
  jp_export_dialog_set_kind (dialog, JP_REPORT_UNIT);
  jp_export_dialog_set_name (dialog, "各中小学校、幼儿园");
  g_assert_true (jp_editor_dialog_get_valid (JP_EDITOR_DIALOG (dialog)));
  save_png (GTK_WIDGET (dialog), "print-dialog.png");
}

/* The export's date is chosen with the one date picker: browsing a month
 * changes nothing, a typed date is taken, a date outside the plan is
 * refused. */
static void
test_export_date_picker (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (f, "win.export-pdf", NULL);
  GtkWidget *row = jp_test_get (dialog, "as_of_row");
  GtkWidget *popover = jp_test_get (dialog, "calendar_popover");
  JpDatePicker *picker = JP_DATE_PICKER (jp_test_get (dialog, "date_picker"));
  GtkEntry *entry = jp_date_picker_get_entry (picker);
  g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  GtkCalendar *calendar = jp_date_picker_get_calendar (picker);
  g_autofree char *shown = NULL;
  g_autofree char *browsed = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (dialog, "calendar_button")));
  jp_test_pump ();
  g_assert_true (gtk_widget_get_visible (popover));
  shown = jp_ui_calendar_dup_iso (calendar);

  /* The calendar's previous-month arrow: another month shown, nothing
   * chosen. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (calendar));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = GTK_IS_BUTTON (child) ? child : gtk_widget_get_first_child (child);

      if (button != NULL && GTK_IS_BUTTON (button))
        {
          g_signal_emit_by_name (button, "clicked");
          break;
        }
    }
  jp_test_pump ();
  browsed = jp_ui_calendar_dup_iso (calendar);
  g_assert_cmpstr (browsed, !=, shown);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, before);
  g_assert_true (gtk_widget_get_visible (popover));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2024-01-05");
  g_signal_emit_by_name (entry, "activate");
  jp_test_pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, before);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2023年6月30日");
  g_signal_emit_by_name (entry, "activate");
  jp_test_pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2023-06-30");
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* ---- screenshots of the export dialogs ---------------------------------- */

static void
test_export_screenshots (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *dialog;

  dialog = open_dialog (f, "win.export-pdf", NULL);
  save_png (dialog, "export-pdf.png");
  jp_export_dialog_set_kind (JP_EXPORT_DIALOG (dialog), JP_REPORT_LEADER);
  jp_export_dialog_set_name (JP_EXPORT_DIALOG (dialog), "高学芳");
  save_png (dialog, "export-pdf-leader.png");
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (dialog, "calendar_button")));
  jp_test_pump ();
  save_png (jp_test_get (dialog, "calendar_popover"), "export-pdf-calendar.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  dialog = open_dialog (f, "win.export-spreadsheet", NULL);
  jp_export_dialog_set_kind (JP_EXPORT_DIALOG (dialog), JP_REPORT_UNIT);
  save_png (dialog, "export-spreadsheet.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* ---- main --------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static const char *
localedir (void)
{
  const char *env = g_getenv ("JP_LOCALEDIR");

  return env != NULL && env[0] != '\0' ? env : BUILD_LOCALEDIR;
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *env_dir;
  int status;

  /* Private XDG folders before anything reads them (see the top). */
  root_dir = g_dir_make_tmp ("jp-export-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (root_dir, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  env_dir = g_getenv ("JP_SCREENSHOT_DIR");
  if (env_dir != NULL && env_dir[0] != '\0')
    {
      out_dir = g_strdup (env_dir);
      g_mkdir_with_parents (out_dir, 0755);
    }
  else
    out_dir = g_build_filename (root_dir, "screenshots", NULL);
  g_mkdir_with_parents (out_dir, 0755);

  app = jp_test_application ();

  add ("/jp/export/actions", test_actions);
  add ("/jp/export/file-name", test_file_name);
  add ("/jp/export/pdf", test_pdf);
  add ("/jp/export/pdf-leader", test_pdf_leader);
  add ("/jp/export/pdf-bulletin", test_pdf_bulletin);
  add ("/jp/export/pdf-all-updates", test_pdf_all_updates);
  add ("/jp/export/pdf-edit-during-export", test_pdf_edit_during_export);
  add ("/jp/export/pdf-cancel", test_pdf_cancel);
  add ("/jp/export/pdf-progress", test_pdf_progress);
  add ("/jp/export/spreadsheet-csv", test_spreadsheet_csv);
  add ("/jp/export/spreadsheet-xlsx", test_spreadsheet_xlsx);
  add ("/jp/export/refuses-database", test_refuses_database);
  add ("/jp/export/progress-import", test_progress_import);
  add ("/jp/export/progress-import-undated", test_progress_import_undated);
  add ("/jp/export/progress-import-cancel", test_progress_import_cancel);
  add ("/jp/export/progress-import-bad-file", test_progress_import_bad_file);
  add ("/jp/export/preferences", test_preferences);
  add ("/jp/export/backup-restore", test_backup_restore);
  add ("/jp/export/print-pages", test_print_pages);
  add ("/jp/export/print-operation", test_print_operation);
  add ("/jp/export/print-preview", test_print_preview);
  add ("/jp/export/print-dialog", test_print_dialog);
  add ("/jp/export/date-picker", test_export_date_picker);
  add ("/jp/export/screenshots", test_export_screenshots);

  status = g_test_run ();

  g_object_unref (app);
  remove_tree (root_dir);
  g_free (out_dir);
  g_free (root_dir);

  return status;
}
