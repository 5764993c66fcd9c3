/* test-screenshots.c: PNGs of the main views in zh_CN (or the language of
 * JP_SCREENSHOT_LANGUAGE), for people to look at
 *
 * The window with a work point selected, every editor dialog (rendered from
 * the dialog itself), the import preview, search results, the empty states
 * and review mode, on the bundled 2023 plan with progress recorded. The
 * PNGs go to $JP_SCREENSHOT_DIR (default: a new temporary folder); their
 * paths are printed. Each PNG is checked to exist and to have the size of
 * what it shows; what it looks like is for a person to judge. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jp-curve-editor.h"
#include "jp-help-window.h"
#include "jp-import-dialog.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;
static char *out_dir;
static char *work_dir;
static char *db_path;

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GdkTexture) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  /* A widget has no render node between a relayout and its next frame:
   * wait for the frame (bounded) rather than snapshot nothing. */
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL)
        break;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  reloaded = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (reloaded), ==, width);
  g_assert_cmpint (gdk_texture_get_height (reloaded), ==, height);

  g_test_message ("screenshot: %s", path);
}

/* Progress on every target and updates on the work points without
 * targets, so that the statuses vary as they do in a real year. */
static void
record_progress (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  static const double factors[] = { 1.05, 0.95, 0.8, 0.5, -1, 0.92, 1.0, 0.3 };
  static const double completions[] = { 100, 92, 60, 30, 85 };
  guint k = 0;

  g_assert_no_error (error);
  plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
  g_assert_no_error (error);
  items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      guint n = g_list_model_get_n_items (indicators);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          double factor = factors[k++ % G_N_ELEMENTS (factors)];
          double target = jp_indicator_get_target (indicator);
          g_autoptr(JpProgressEntry) first = NULL;
          g_autoptr(JpProgressEntry) second = NULL;

          if (factor < 0)
            continue;

          first = jp_progress_entry_new ("2023-06-30", target * factor * 0.6);
          jp_progress_entry_set_note (first, "上半年统计");
          jp_progress_entry_set_author (first, "高学芳");
          jp_store_add_progress (store, indicator, first, &error);
          g_assert_no_error (error);

          second = jp_progress_entry_new ("2023-11-30", target * factor);
          jp_progress_entry_set_note (second, "年终考核前核实");
          jp_progress_entry_set_author (second, "高学芳");
          jp_store_add_progress (store, indicator, second, &error);
          g_assert_no_error (error);
        }

      if (n == 0)
        {
          g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-11-30");

          jp_item_update_set_has_completion (update, TRUE);
          jp_item_update_set_completion (update, completions[i % G_N_ELEMENTS (completions)]);
          jp_item_update_set_note (update, "各支部按计划开展专题学习，累计组织集中学习 12 次。");
          jp_item_update_set_problems (update, "个别支部学习记录不完整。");
          jp_item_update_set_next_steps (update, "12 月开展学习情况专项检查。");
          jp_item_update_set_author (update, "张学兵");
          jp_store_add_update (store, item, update, &error);
          g_assert_no_error (error);
        }
    }
}

static JpWindow *
open_window (gboolean read_only)
{
  JpWindow *window = jp_test_open_window (app, db_path, read_only, FALSE);
  JpPlan *plan = jp_window_get_plan (window);

  g_assert_nonnull (plan);
  g_assert_true (jp_window_select (window, G_OBJECT (jp_plan_find_item_by_number (plan, 2))));
  jp_test_pump ();

  return window;
}

static void
close_dialog (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* The first scrolled window under @root. */
static GtkWidget *
find_scroller (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls a dialog's page to its end. */
static void
scroll_to_end (GtkWidget *dialog)
{
  GtkWidget *scroller = find_scroller (dialog);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scroller);
  jp_test_pump ();
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  jp_test_pump ();
}

/* Scrolls the item page so that the group with id @id is at the top. */
static void
scroll_item_page_to (JpWindow   *window,
                     const char *id)
{
  GtkWidget *scroller = jp_test_get (GTK_WIDGET (window), "item_scroller");
  GtkWidget *target = jp_test_get (GTK_WIDGET (window), id);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (target, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  jp_test_pump ();
}

static void
test_plan_view (void)
{
  JpWindow *window = open_window (FALSE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  jp_test_pump ();
  jp_test_pump ();
  save_png (GTK_WIDGET (window), "plan-tree-item.png");

  scroll_item_page_to (window, "indicators_group");
  save_png (GTK_WIDGET (window), "plan-tree-item-targets.png");

  g_assert_true (jp_window_select (window, G_OBJECT (jp_plan_find_item_by_number (jp_window_get_plan (window), 1))));
  jp_test_pump ();
  scroll_item_page_to (window, "indicators_group");
  save_png (GTK_WIDGET (window), "plan-tree-item-updates.png");

  /* The whole window as of September 30, picked in the header bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-as-of", "s", "2023-09-30"));
  g_assert_true (jp_window_select (window, G_OBJECT (jp_plan_find_item_by_number (jp_window_get_plan (window), 2))));
  jp_test_pump ();
  g_assert_cmpstr (jp_window_get_as_of (window), ==, "2023-09-30");
  save_png (GTK_WIDGET (window), "plan-tree-as-of.png");
  scroll_item_page_to (window, "indicators_group");
  save_png (GTK_WIDGET (window), "plan-tree-as-of-targets.png");
  {
    /* The end of the page: the history and the updates. */
    GtkWidget *scroller = jp_test_get (GTK_WIDGET (window), "item_scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    jp_test_pump ();
  }
  save_png (GTK_WIDGET (window), "plan-tree-as-of-history.png");
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (GTK_WIDGET (window), "as_of_button")));
  jp_test_pump ();
  /* The popover is a surface of its own. */
  save_png (jp_test_get (GTK_WIDGET (window), "as_of_popover"), "as-of-popover.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (jp_test_get (GTK_WIDGET (window), "as_of_button")));

  /* The narrowest window the plan view allows. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 640);
  for (guint i = 0; i < 4; i++)
    jp_test_pump ();
  save_png (GTK_WIDGET (window), "plan-tree-narrow.png");

  jp_test_close_window (window);
}

static void
test_dialogs (void)
{
  JpWindow *window = open_window (FALSE);
  JpPlan *plan = jp_window_get_plan (window);
  JpIndicator *indicator = jp_test_indicator (plan, 2, 0);
  GVariant *id = g_variant_new_int64 (jp_indicator_get_id (indicator));
  GtkWidget *dialog;

  g_variant_ref_sink (id);

  dialog = jp_test_open_dialog (window, "win.edit-indicator", id);
  save_png (dialog, "dialog-indicator.png");
  jp_test_set_text (dialog, "target_row", "九十");
  adw_combo_row_set_selected (ADW_COMBO_ROW (jp_test_get (dialog, "kind_row")), JP_INDICATOR_KIND_RANGE);
  jp_test_set_text (dialog, "target_max_row", "50");
  jp_test_set_text (dialog, "due_row", "2024-02-30");
  g_assert_false (gtk_widget_get_sensitive (jp_test_get (dialog, "save_button")));
  save_png (dialog, "dialog-indicator-invalid.png");
  close_dialog (dialog);

  /* A custom curve: the quarters it starts from, one changed; then one
   * that expects less than the checkpoint before. */
  dialog = jp_test_open_dialog (window, "win.edit-indicator", id);
  {
    JpCurveEditor *editor = JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group"));
    GtkEditable *percent;

    jp_curve_editor_select_kind (editor, JP_CURVE_CUSTOM);
    g_assert_true (jp_curve_editor_get_checkpoint (editor, 1, NULL, &percent));
    gtk_editable_set_text (percent, "60");
    scroll_to_end (dialog);
    g_assert_true (gtk_widget_get_sensitive (jp_test_get (dialog, "save_button")));
    save_png (dialog, "dialog-indicator-curve.png");

    g_assert_true (jp_curve_editor_get_checkpoint (editor, 2, NULL, &percent));
    gtk_editable_set_text (percent, "40");
    scroll_to_end (dialog);
    g_assert_false (gtk_widget_get_sensitive (jp_test_get (dialog, "save_button")));
    save_png (dialog, "dialog-indicator-curve-invalid.png");
  }
  close_dialog (dialog);

  /* Plan Properties: by quarter, reports by the 25th of every month. */
  dialog = jp_test_open_dialog (window, "win.plan-properties", NULL);
  jp_curve_editor_select_kind (JP_CURVE_EDITOR (jp_test_get (dialog, "curve_group")), JP_CURVE_QUARTERLY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (jp_test_get (dialog, "cycle_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (jp_test_get (dialog, "day_spin")), 25);
  jp_test_pump ();
  save_png (dialog, "dialog-plan-properties.png");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (window));

  /* The flags beside the statuses, as of September 30: no entry since the
   * last deadline, and work point 2 reporting 90% in its update. */
  {
    g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-09-20");
    g_autoptr(GError) error = NULL;

    jp_item_update_set_has_completion (update, TRUE);
    jp_item_update_set_completion (update, 90);
    jp_item_update_set_note (update, "各支部规范化建设已基本完成。");
    jp_item_update_set_author (update, "张学兵");
    g_assert_true (jp_undo_add_update (window->undo, jp_plan_find_item_by_number (plan, 2), update, &error));
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-as-of", "s", "2023-09-30"));
  jp_test_pump ();
  save_png (GTK_WIDGET (window), "plan-tree-late-report.png");

  /* The help on statuses (F1). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-status-help", NULL));
  jp_test_pump ();
  {
    GtkWidget *help = jp_test_find_toplevel (JP_TYPE_HELP_WINDOW);

    g_assert_nonnull (help);
    save_png (help, "help-statuses.png");
    {
      /* The middle: thresholds, flags, the first curves. */
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_scroller (help)));

      jp_test_pump ();
      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                             gtk_adjustment_get_page_size (adjustment)) * 0.7);
      jp_test_pump ();
      save_png (help, "help-statuses-flags.png");
    }
    scroll_to_end (help);
    save_png (help, "help-statuses-end.png");
    gtk_window_destroy (GTK_WINDOW (help));
    jp_test_pump ();
  }
  /* Back as it was for the shots below. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-as-of", "s", ""));
  jp_test_pump ();

  dialog = jp_test_open_dialog (window, "win.record-progress", id);
  save_png (dialog, "dialog-progress.png");
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (dialog, "calendar_button")));
  jp_test_pump ();
  /* The popover is a surface of its own. */
  save_png (jp_test_get (dialog, "calendar_popover"), "dialog-progress-calendar.png");
  close_dialog (dialog);

  dialog = jp_test_open_dialog (window, "win.add-update", NULL);
  save_png (dialog, "dialog-update.png");
  close_dialog (dialog);

  dialog = jp_test_open_dialog (window, "win.edit-selected", NULL);
  save_png (dialog, "dialog-item.png");
  close_dialog (dialog);

  g_assert_true (jp_window_select (window, G_OBJECT (jp_item_get_section (jp_plan_find_item_by_number (plan, 2)))));
  jp_test_pump ();
  save_png (GTK_WIDGET (window), "plan-tree-section.png");
  dialog = jp_test_open_dialog (window, "win.edit-selected", NULL);
  save_png (dialog, "dialog-section.png");
  close_dialog (dialog);

  dialog = jp_test_open_dialog (window, "win.manage-people", NULL);
  save_png (dialog, "dialog-people-leaders.png");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jp_test_get (dialog, "people_stack")), "units");
  jp_test_pump ();
  save_png (dialog, "dialog-people-units.png");
  close_dialog (dialog);

  g_variant_unref (id);
  jp_test_close_window (window);
}

static void
test_import_preview (void)
{
  JpWindow *window = open_window (FALSE);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (JP_TEST_SAMPLE_RESOURCE, 0, NULL);
  g_autofree char *file = g_build_filename (work_dir, "jinfeng-2023.txt", NULL);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  GtkWindow *dialog;

  g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", file));
  while (!JP_IS_IMPORT_DIALOG (jp_window_get_dialog (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  dialog = jp_window_get_dialog (window);
  g_assert_true (JP_IS_IMPORT_DIALOG (dialog));
  jp_test_pump ();
  save_png (GTK_WIDGET (dialog), "dialog-import-preview.png");
  close_dialog (GTK_WIDGET (dialog));

  jp_test_close_window (window);
}

static void
search (JpWindow   *window,
        const char *text)
{
  JpPlanFilter *filter = jp_plan_tree_get_filter (window->plan_tree);
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  while (g_strcmp0 (jp_plan_filter_get_text (filter), text) != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  jp_test_pump ();
}

static void
test_search (void)
{
  JpWindow *window = open_window (FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  jp_test_pump ();
  search (window, "学生");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->tree_stack), ==, "tree");
  save_png (GTK_WIDGET (window), "search-results.png");

  gtk_drop_down_set_selected (window->status_dropdown, 1 + JP_STATUS_BEHIND);
  jp_test_pump ();
  save_png (GTK_WIDGET (window), "search-results-behind.png");

  search (window, "没有这样的词");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->tree_stack), ==, "no-results");
  save_png (GTK_WIDGET (window), "search-no-results.png");

  jp_test_close_window (window);
}

static void
test_review_mode (void)
{
  JpWindow *window = open_window (TRUE);

  g_assert_true (jp_window_get_review_mode (window));
  save_png (GTK_WIDGET (window), "review-mode.png");
  jp_test_close_window (window);
}

static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (work_dir, "empty.db", NULL);
  JpWindow *window = jp_test_open_window (app, path, FALSE, FALSE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  /* The header bar's title replaces the view switcher in a cross-fade. */
  for (guint i = 0; i < 4; i++)
    jp_test_pump ();
  save_png (GTK_WIDGET (window), "empty-database.png");
  jp_test_close_window (window);
}

static void
test_shortcuts_and_about (void)
{
  JpWindow *window = open_window (FALSE);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  GtkWidget *about = NULL;
  GList *toplevels;

  g_assert_nonnull (overlay);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  jp_test_pump ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  save_png (GTK_WIDGET (overlay), "shortcuts.png");
  gtk_window_close (GTK_WINDOW (overlay));
  jp_test_pump ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  jp_test_pump ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  save_png (about, "about.png");
  gtk_window_destroy (GTK_WINDOW (about));

  jp_test_close_window (window);
}

static const char *
localedir (void)
{
  const char *env = g_getenv ("JP_LOCALEDIR");

  return env != NULL && env[0] != '\0' ? env : BUILD_LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  const char *env_dir;
  int status;

  /* zh_CN, from the build's translations. gtk_test_init() would force
   * en_US.UTF-8, so GTK is initialised here with the environment's locale
   * (LC_ALL=C.UTF-8 in the test environment, which LANGUAGE then
   * overrides for messages). No G_TEST_OPTION_ISOLATE_DIRS: it empties
   * XDG_DATA_DIRS, and then neither the icon theme nor the MIME database
   * (which gdk-pixbuf needs to load SVG icons) is found. Files go to a
   * temporary folder; settings to the memory backend. */
  /* JP_SCREENSHOT_LANGUAGE=en takes the same pictures in English. */
  g_setenv ("LANGUAGE", g_getenv ("JP_SCREENSHOT_LANGUAGE") != NULL ? g_getenv ("JP_SCREENSHOT_LANGUAGE")
                                                                     : "zh_CN", TRUE);
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  /* The translations are really there: a window string in Chinese. */
  if (g_str_has_prefix (g_getenv ("LANGUAGE"), "zh"))
    g_assert_cmpstr (_("No Work Point Selected"), ==, "未选择工作要点");

  env_dir = g_getenv ("JP_SCREENSHOT_DIR");
  work_dir = jp_test_make_dir ();
  if (env_dir != NULL && env_dir[0] != '\0')
    {
      out_dir = g_strdup (env_dir);
      g_mkdir_with_parents (out_dir, 0755);
    }
  else
    out_dir = g_strdup (work_dir);

  db_path = jp_test_make_sample_db (work_dir);
  record_progress (db_path);

  app = jp_test_application ();

  g_test_add_func ("/jp/screenshots/plan-view", test_plan_view);
  g_test_add_func ("/jp/screenshots/dialogs", test_dialogs);
  g_test_add_func ("/jp/screenshots/import-preview", test_import_preview);
  g_test_add_func ("/jp/screenshots/search", test_search);
  g_test_add_func ("/jp/screenshots/review-mode", test_review_mode);
  g_test_add_func ("/jp/screenshots/empty", test_empty);
  g_test_add_func ("/jp/screenshots/shortcuts-and-about", test_shortcuts_and_about);

  status = g_test_run ();

  g_object_unref (app);
  /* Keep the PNGs when they went to the temporary folder: print where. */
  if (g_strcmp0 (out_dir, work_dir) != 0)
    jp_test_remove_dir (work_dir);
  g_free (db_path);
  g_free (out_dir);
  g_free (work_dir);

  return status;
}
