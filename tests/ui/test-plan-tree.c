/* test-plan-tree.c: how the plan tree reads
 *
 * Section rows are set apart from their work points (a style class on the
 * row, the title on up to two lines); percentages are whole in the column
 * with the exact figure in the tooltip; in a narrow window the units, then
 * the leaders, leave the tree so that the work points keep room, and come
 * back when there is room again. */

#include "config.h"

#include <adwaita.h>

#include "jp-plan-cell.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  JpWindow *window;
  JpPlan   *plan; /* borrowed from the window */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-06-30", 37);

  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);

  /* 37 of 90 for work point 2's first target: a ratio with decimals. */
  store = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
  g_assert_no_error (error);
  jp_store_add_progress (store, jp_test_indicator (plan, 2, 0), entry, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_clear_object (&store);

  f->window = jp_test_open_window (app, f->path, FALSE, FALSE);
  f->plan = jp_window_get_plan (f->window);
  g_assert_nonnull (f->plan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_close_window (f->window);
  jp_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GtkWidget *
row_of (GtkWidget *cell)
{
  for (GtkWidget *w = gtk_widget_get_parent (cell); w != NULL; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_css_name (w), "row") == 0)
      return w;

  return NULL;
}

static gboolean
has_column (JpWindow   *window,
            const char *id)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (jp_test_get (GTK_WIDGET (window->plan_tree), "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  const char *title = NULL;

  if (g_strcmp0 (id, "leaders") == 0)
    title = "Leaders";
  else if (g_strcmp0 (id, "units") == 0)
    title = "Units";
  g_assert_nonnull (title);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
resize (Fixture *f,
        int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 700);
  for (guint i = 0; i < 4; i++)
    jp_test_pump ();
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_section_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (f->plan), 0);
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  GtkWidget *tree = GTK_WIDGET (f->window->plan_tree);
  GtkWidget *section_title = jp_test_find_cell (tree, G_OBJECT (section), JP_PLAN_COLUMN_TITLE);
  GtkWidget *item_title = jp_test_find_cell (tree, G_OBJECT (item), JP_PLAN_COLUMN_TITLE);

  g_assert_nonnull (section_title);
  g_assert_nonnull (item_title);

  /* The row of a section is marked; the row of a work point is not. */
  g_assert_true (gtk_widget_has_css_class (row_of (section_title), "section-row"));
  g_assert_false (gtk_widget_has_css_class (row_of (item_title), "section-row"));

  /* A section's long title takes two lines; a work point's, one. */
  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (section_title)), ==, jp_section_get_title (section));
  g_assert_true (jp_plan_cell_get_wraps (JP_PLAN_CELL (section_title)));
  g_assert_cmpstr (jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (section_title)), ==, jp_section_get_title (section));
  g_assert_cmpint (gtk_widget_get_height (row_of (section_title)), >,
                   gtk_widget_get_height (row_of (item_title)));
  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (item_title)), ==, jp_item_get_title (item));
  g_assert_false (jp_plan_cell_get_wraps (JP_PLAN_CELL (item_title)));
  g_assert_cmpstr (jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (item_title)), ==, jp_item_get_title (item));
}

static void
test_percent (Fixture       *f,
              gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  GtkWidget *cell = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_PROGRESS);
  g_autofree char *rounded = NULL;
  g_autofree char *exact = NULL;
  JpProgress progress;

  jp_item_evaluate (item, NULL, &progress);
  rounded = jp_ui_dup_rounded_percent (progress.ratio);
  exact = jp_format_percent (progress.ratio);
  /* The case is worth testing only when the two differ. */
  g_assert_cmpstr (rounded, !=, exact);

  g_assert_nonnull (cell);
  g_assert_cmpstr (jp_plan_cell_get_text (JP_PLAN_CELL (cell)), ==, rounded);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_assert_cmpstr (jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (cell)), ==, exact);
}

static void
test_rounded_percent (void)
{
  static const struct { double ratio; const char *text; } cases[] = {
    { 0.0, "0%" },
    { 0.6781, "68%" },
    { 0.8125, "81%" },
    { 1.0, "100%" },
    { 1.054, "105%" },
    { 0.0456, "4.6%" },
    { 0.005, "0.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = jp_ui_dup_rounded_percent (cases[i].ratio);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, 2);
  GtkWidget *title;

  resize (f, 1280);
  g_assert_true (has_column (f->window, "leaders"));
  g_assert_true (has_column (f->window, "units"));

  /* The narrowest window with the list and the work point side by side
   * (narrower, they take turns: test-item-page): the work points keep
   * room. */
  resize (f, 900);
  g_assert_false (adw_leaflet_get_folded (f->window->plan_leaflet));
  g_assert_false (has_column (f->window, "units"));
  g_assert_false (has_column (f->window, "leaders"));
  title = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_TITLE);
  g_assert_nonnull (title);
  g_assert_cmpint (gtk_widget_get_width (title), >=, 100);

  /* Wide again: both back, in their places. */
  resize (f, 1280);
  g_assert_true (has_column (f->window, "leaders"));
  g_assert_true (has_column (f->window, "units"));
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (jp_test_get (GTK_WIDGET (f->window->plan_tree), "column_view"));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) third = g_list_model_get_item (columns, 2);
    g_autoptr(GtkColumnViewColumn) fourth = g_list_model_get_item (columns, 3);

    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
    g_assert_cmpstr (gtk_column_view_column_get_title (third), ==, "Leaders");
    g_assert_cmpstr (gtk_column_view_column_get_title (fourth), ==, "Units");
  }
}

/* The window opens with the keyboard in the plan. */
static void
test_initial_focus (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *view = jp_test_get (GTK_WIDGET (f->window->plan_tree), "column_view");

  g_assert_nonnull (focus);
  g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add_func ("/jp/plan-tree/rounded-percent", test_rounded_percent);
  g_test_add ("/jp/plan-tree/section-rows", Fixture, NULL, fixture_set_up, test_section_rows, fixture_tear_down);
  g_test_add ("/jp/plan-tree/percent", Fixture, NULL, fixture_set_up, test_percent, fixture_tear_down);
  g_test_add ("/jp/plan-tree/initial-focus", Fixture, NULL, fixture_set_up, test_initial_focus, fixture_tear_down);
  g_test_add ("/jp/plan-tree/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
