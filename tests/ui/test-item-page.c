/* test-item-page.c: the item page as a reader meets it, under Xvfb: what
 * comes first, the target cards' selection and activation, the search's
 * marks and what closing the search keeps. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jp-indicator-dialog.h"
#include "jp-plan-cell.h"
#include "jp-ui-test-util.h"
#include "jp-ui-util.h"
#include "jp-window-private.h"

static JpApplication *app;

typedef JpTestFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  jp_test_fixture_open (f, app);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jp_test_fixture_close (f);
}

/* The first work point with at least @n targets. */
static JpItem *
item_with_targets (Fixture *f,
                   guint    n)
{
  for (int number = 1; number <= (int) jp_plan_get_n_items (f->plan); number++)
    {
      JpItem *item = jp_plan_find_item_by_number (f->plan, number);

      if (item != NULL && g_list_model_get_n_items (jp_item_get_indicators (item)) >= n)
        return item;
    }

  g_assert_not_reached ();
}

static void
select_item (Fixture *f,
             JpItem  *item)
{
  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  jp_test_pump ();
  g_assert_true (jp_item_page_get_item (f->window->item_page) == item);
}

/* A widget of the work point's page (the "none" page's AdwStatusPage has
 * a title_label of its own). */
static GtkWidget *
page_child (GtkWidget  *page,
            const char *id)
{
  GObject *stack = gtk_widget_get_template_child (page, JP_TYPE_ITEM_PAGE, "stack");

  g_assert_true (GTK_IS_STACK (stack));
  return jp_test_get (gtk_stack_get_child_by_name (GTK_STACK (stack), "item"), id);
}

static double
top_of (GtkWidget *widget,
        GtkWidget *page)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, page, &bounds));
  return bounds.origin.y;
}

/* Title, status, targets and the latest report come before the text, and
 * the lists of leaders and units are folded away at the end, their names
 * still readable in the folded row. */
static void
test_reading_order (Fixture       *f,
                    gconstpointer  data)
{
  JpItem *item = item_with_targets (f, 1);
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-06-30");
  GtkWidget *people_row, *updates_list, *latest;
  const char *leader;

  jp_item_update_set_note (update, "已完成第一批");
  jp_item_update_set_problems (update, "经费不足");
  jp_item_update_set_next_steps (update, "争取专项经费");
  jp_item_add_update (item, update);
  select_item (f, item);

  people_row = page_child (page, "people_row");
  g_assert_true (ADW_IS_EXPANDER_ROW (people_row));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (people_row)));
  g_assert_false (gtk_widget_get_mapped (page_child (page, "leaders_list")));
  g_assert_false (gtk_widget_get_mapped (page_child (page, "units_list")));

  g_assert_cmpfloat (top_of (page_child (page, "title_label"), page), <,
                     top_of (page_child (page, "status_pill"), page));
  g_assert_cmpfloat (top_of (page_child (page, "status_pill"), page), <,
                     top_of (page_child (page, "indicators_group"), page));
  g_assert_cmpfloat (top_of (page_child (page, "indicators_group"), page), <,
                     top_of (page_child (page, "updates_group"), page));
  g_assert_cmpfloat (top_of (page_child (page, "updates_group"), page), <,
                     top_of (page_child (page, "body_stack"), page));
  g_assert_cmpfloat (top_of (page_child (page, "body_stack"), page), <,
                     top_of (people_row, page));

  /* The first target is on screen without scrolling (1280 × 800). */
  g_assert_cmpfloat (top_of (page_child (page, "indicators_list"), page), <,
                     gtk_widget_get_height (page) / 2.0);

  /* The latest report reads open. */
  updates_list = page_child (page, "updates_list");
  latest = gtk_widget_get_first_child (updates_list);
  g_assert_true (ADW_IS_EXPANDER_ROW (latest));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (latest)));

  /* The folded row names the leaders. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_leaders (item)), >, 0);
  {
    g_autoptr(JpLeader) first = g_list_model_get_item (jp_item_get_leaders (item), 0);

    leader = jp_leader_get_name (first);
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (people_row)), leader));
  }

  /* Unfolded, the lists are there to edit. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (people_row), TRUE);
  jp_test_pump ();
  g_assert_true (gtk_widget_get_mapped (page_child (page, "leaders_list")));
}

/* A click selects a card visibly and the history follows; Enter (or a
 * double click) on a card opens the target's dialog. */
static void
test_target_cards (Fixture       *f,
                   gconstpointer  data)
{
  JpItem *item = item_with_targets (f, 2);
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  GtkListBox *list;
  GtkListBoxRow *first, *second;
  g_autoptr(JpIndicator) target = g_list_model_get_item (jp_item_get_indicators (item), 1);
  GtkWindow *dialog;

  select_item (f, item);
  list = GTK_LIST_BOX (page_child (page, "indicators_list"));
  first = gtk_list_box_get_row_at_index (list, 0);
  second = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first), "selected-target"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (second), "selected-target"));

  /* What a click does. */
  gtk_list_box_select_row (list, second);
  jp_test_pump ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (first), "selected-target"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "selected-target"));
  g_assert_true (jp_item_page_get_selected_indicator (f->window->item_page) == target);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (page_child (page, "history_group"))),
                   ==, jp_indicator_get_name (target));
  /* A single click edits nothing. */
  g_assert_null (jp_window_get_dialog (f->window));

  /* Enter on the focused card. */
  gtk_widget_grab_focus (GTK_WIDGET (second));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (second)));
  jp_test_pump ();
  dialog = jp_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (JP_IS_INDICATOR_DIALOG (dialog));
  g_assert_true (jp_indicator_dialog_get_indicator (JP_INDICATOR_DIALOG (dialog)) == target);
  gtk_window_destroy (dialog);
  jp_test_pump ();

  /* After a refresh (the plan changed) the selection and its mark stay. */
  jp_item_page_set_as_of (f->window->item_page, "2023-06-30");
  jp_test_pump ();
  second = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (second);
  g_assert_cmpint (gtk_list_box_row_get_index (second), ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "selected-target"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                            "selected-target"));
}

static void
wait_a_moment (void)
{
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  jp_test_pump ();
}

static gboolean
label_marks (GtkWidget  *label,
             const char *text)
{
  g_autofree char *mark = g_strdup_printf (">%s</span>", text);

  return gtk_label_get_use_markup (GTK_LABEL (label)) &&
         strstr (gtk_label_get_label (GTK_LABEL (label)), "<span background=") != NULL &&
         strstr (gtk_label_get_label (GTK_LABEL (label)), mark) != NULL;
}

/* The search's text is marked in the title, the text and the target
 * names; closing the search keeps the work point selected, in view. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  JpItem *item = NULL;
  GtkWidget *page = GTK_WIDGET (f->window->item_page);
  GtkWidget *entry = jp_test_get (GTK_WIDGET (f->window), "search_entry");
  g_autoptr(JpIndicator) target = NULL;
  g_autofree char *needle = NULL;
  const char *title;
  GtkWidget *title_label, *body_label, *cell;
  graphene_rect_t bounds;

  /* The last work point with a target: low in the list. */
  for (int number = (int) jp_plan_get_n_items (f->plan); number > 0 && item == NULL; number--)
    {
      item = jp_plan_find_item_by_number (f->plan, number);
      if (g_list_model_get_n_items (jp_item_get_indicators (item)) == 0)
        item = NULL;
    }
  g_assert_nonnull (item);
  title = jp_item_get_title (item);
  target = g_list_model_get_item (jp_item_get_indicators (item), 0);
  select_item (f, item);

  /* Two characters of the title, that the text also has. */
  needle = g_utf8_substring (title, 0, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  jp_test_pump ();
  gtk_editable_set_text (GTK_EDITABLE (entry), needle);
  wait_a_moment ();

  title_label = page_child (page, "title_label");
  body_label = page_child (page, "body_label");
  g_assert_true (jp_item_page_get_item (f->window->item_page) == item);
  g_assert_true (label_marks (title_label, needle));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title_label)), ==, title);
  if (strstr (jp_item_get_body (item), needle) != NULL)
    g_assert_true (label_marks (body_label, needle));

  /* A target's name. */
  {
    g_autofree char *name_part = g_utf8_substring (jp_indicator_get_name (target), 0, 3);
    GtkListBoxRow *row;
    gboolean marked = FALSE;

    gtk_editable_set_text (GTK_EDITABLE (entry), name_part);
    wait_a_moment ();
    g_assert_true (jp_item_page_get_item (f->window->item_page) == item);
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (page_child (page, "indicators_list")), 0);
    for (GtkWidget *w = GTK_WIDGET (row); w != NULL && !marked; )
      {
        if (GTK_IS_LABEL (w) && label_marks (w, name_part))
          marked = TRUE;
        /* depth first */
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != GTK_WIDGET (row) && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == GTK_WIDGET (row)) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_true (marked);
  }

  /* Markup in the text is shown as text. */
  jp_item_page_set_highlight (f->window->item_page, "<b>");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title_label)));
  jp_item_page_set_highlight (f->window->item_page, needle);
  g_assert_true (label_marks (title_label, needle));

  /* Closing: nothing marked, the same work point selected and in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  jp_test_pump ();
  wait_a_moment ();
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (jp_test_get (GTK_WIDGET (f->window), "search_bar"))));
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (item));
  g_assert_true (jp_item_page_get_item (f->window->item_page) == item);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title_label)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title_label)), ==, title);

  cell = jp_test_find_cell (GTK_WIDGET (f->window->plan_tree), G_OBJECT (item), JP_PLAN_COLUMN_TITLE);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_mapped (cell));
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (f->window->plan_tree), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->window->plan_tree)));
}

/* When JP_SHOTS_DIR is set: the window as a PNG there, for a person to
 * look at (the screenshots of the item page). */
static void
maybe_save_png (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("JP_SHOTS_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; tries < 100 && node == NULL; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        jp_test_pump ();
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("itempage-%s-%s.png", language != NULL ? language : "en", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
resize (Fixture *f,
        int      width,
        int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  for (guint i = 0; i < 4; i++)
    jp_test_pump ();
}

/* Wide, the list and the work point side by side; at 720 px, one at a
 * time: choosing a work point in the list opens it, its page has a way
 * back, and the titles keep their width. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  JpItem *item = item_with_targets (f, 2);
  AdwLeaflet *leaflet = f->window->plan_leaflet;
  GtkWidget *tree = GTK_WIDGET (f->window->plan_tree);
  GtkWidget *back = f->window->plan_back_button;
  GtkWidget *title;

  resize (f, 1600, 1000);
  select_item (f, item);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (tree));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->item_page)));
  g_assert_false (gtk_widget_get_visible (back));
  maybe_save_png (GTK_WIDGET (f->window), "1600");

  resize (f, 720, 1000);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  adw_leaflet_set_visible_child (leaflet, jp_test_get (GTK_WIDGET (f->window), "tree_stack"));
  jp_test_pump ();
  g_assert_true (gtk_widget_get_mapped (tree));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->window->item_page)));
  title = jp_test_find_cell (tree, G_OBJECT (item), JP_PLAN_COLUMN_TITLE);
  g_assert_nonnull (title);
  /* Far more than seven characters of a title. */
  g_assert_cmpint (gtk_widget_get_width (title), >=, 200);
  maybe_save_png (GTK_WIDGET (f->window), "720-list");

  /* Choosing another work point in the list (the keyboard in the list). */
  gtk_widget_grab_focus (tree);
  select_item (f, jp_plan_find_item_by_number (f->plan, jp_item_get_number (item) == 1 ? 2 : 1));
  select_item (f, item);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == f->window->item_pane);
  wait_a_moment (); /* the slide */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->item_page)));
  g_assert_false (gtk_widget_get_mapped (tree));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_get_mapped (back));
  maybe_save_png (GTK_WIDGET (f->window), "720");

  /* Searching shows the list, where the matches are. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  wait_a_moment ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != f->window->item_pane);
  g_assert_true (gtk_widget_get_mapped (tree));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  wait_a_moment ();
  adw_leaflet_set_visible_child (leaflet, f->window->item_pane);
  wait_a_moment ();

  /* Back to the list, the work point still selected. */
  g_signal_emit_by_name (back, "clicked");
  wait_a_moment ();
  g_assert_true (gtk_widget_get_mapped (tree));
  g_assert_true (jp_window_get_selected (f->window) == G_OBJECT (item));

  /* Wide again: side by side, no back button. */
  resize (f, 1600, 1000);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->item_page)));
  g_assert_false (gtk_widget_get_visible (back));
}

/* Every status pill fits its column, flags and all, whatever the
 * language's words (English ones are the widest). */
static void
test_status_column (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *tree = GTK_WIDGET (f->window->plan_tree);
  GtkColumnView *view = GTK_COLUMN_VIEW (jp_test_get (tree, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
  int needed = jp_plan_cell_get_status_width (GTK_WIDGET (view));
  guint n_cells = 0;

  g_test_message ("widest status pill with its flag: %d px; column: %d px", needed,
                  gtk_column_view_column_get_fixed_width (status));
  g_assert_cmpstr (gtk_column_view_column_get_title (status), ==, _("Status"));
  /* The widest pill with its flag mark, and the cell's padding. */
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (status), >=, needed + 12);

  resize (f, 1280, 800);
  for (int number = 1; number <= (int) jp_plan_get_n_items (f->plan); number++)
    {
      GtkWidget *cell = jp_test_find_cell (tree, G_OBJECT (jp_plan_find_item_by_number (f->plan, number)),
                                           JP_PLAN_COLUMN_STATUS);
      int natural;

      if (cell == NULL || !gtk_widget_get_mapped (cell))
        continue;
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (natural, <=, gtk_widget_get_width (cell));
      g_assert_cmpint (natural, <=, needed);
      n_cells++;
    }
  g_assert_cmpuint (n_cells, >, 3);
}

/* The units column: inside the tree at 1200 px, its cells' whole text in
 * their tooltip; wider when the window has room to spare. */
static void
test_units_column (Fixture       *f,
                   gconstpointer  data)
{
  static const int widths[] = { 1200, 1600 };
  GtkWidget *tree = GTK_WIDGET (f->window->plan_tree);
  GtkColumnViewColumn *units = NULL;
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (jp_test_get (tree, "column_view")));

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      guint n_cells = 0;

      resize (f, widths[w], 1000);
      select_item (f, item_with_targets (f, 2));
      maybe_save_png (GTK_WIDGET (f->window), widths[w] == 1200 ? "1200" : "1600-units");
      for (int number = 1; number <= (int) jp_plan_get_n_items (f->plan); number++)
        {
          JpItem *item = jp_plan_find_item_by_number (f->plan, number);
          GtkWidget *cell = jp_test_find_cell (tree, G_OBJECT (item), JP_PLAN_COLUMN_UNITS);
          g_autofree char *names = jp_item_dup_unit_names (item, " ");
          graphene_rect_t bounds;

          if (cell == NULL || !gtk_widget_get_mapped (cell))
            continue;
          g_assert_true (gtk_widget_compute_bounds (cell, tree, &bounds));
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (tree));
          g_assert_cmpstr (jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (cell)), ==, names);
          n_cells++;
        }
      /* Shown at both widths. */
      g_assert_cmpuint (n_cells, >, 3);
    }

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Units")) == 0)
        units = column;
    }
  g_assert_nonnull (units);
  /* Wider than its own 128 px when the tree has room (from a 1280 px
   * window). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 1200);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (units), >, 160);
}

/* Not a check: the page with a history and a report, as PNGs when
 * JP_SHOTS_DIR is set (the history's labels, the folded names). */
static void
test_shots (Fixture       *f,
            gconstpointer  data)
{
  JpItem *item = item_with_targets (f, 2);
  g_autoptr(JpIndicator) target = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-09-30");
  static const struct { const char *date; double value; } values[] = {
    { "2023-03-31", 40 }, { "2023-06-30", 72 }, { "2023-09-30", 88 },
  };
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  if (g_getenv ("JP_SHOTS_DIR") == NULL)
    {
      g_test_skip ("JP_SHOTS_DIR not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (values[i].date, values[i].value);

      jp_indicator_add_progress (target, entry);
    }
  jp_item_update_set_note (update, "全区已有 88% 的党支部达到一星级及以上。");
  jp_item_update_set_problems (update, "少数学校党支部台账不规范。");
  jp_item_update_set_next_steps (update, "第四季度开展专项督导。");
  jp_item_add_update (item, update);
  jp_window_set_as_of (f->window, "2023-09-30");
  resize (f, 1600, 1000);
  select_item (f, item);
  maybe_save_png (GTK_WIDGET (f->window), "1600-progress");

  scroller = page_child (GTK_WIDGET (f->window->item_page), "item_scroller");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  jp_test_pump ();
  maybe_save_png (GTK_WIDGET (f->window), "1600-bottom");

  resize (f, 720, 1000);
  adw_leaflet_set_visible_child (f->window->plan_leaflet, f->window->item_pane);
  wait_a_moment ();
  gtk_adjustment_set_value (adjustment, top_of (page_child (GTK_WIDGET (f->window->item_page), "history_group"),
                                                 gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) - 20);
  jp_test_pump ();
  maybe_save_png (GTK_WIDGET (f->window), "720-history");
}

/* A long Chinese title in a tooltip reads in lines of about eighteen
 * characters, not four to six. */
static void
test_tooltip_width (void)
{
  const char *text = "坚持党建引领，深入推进全面从严治党，落实意识形态工作责任制，"
                     "加强基层党组织建设和党员教育管理，营造风清气正的教育生态。";
  g_autoptr(GtkWidget) label = g_object_ref_sink (jp_ui_tooltip_label_new (text));
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new ("坚持党建引领深入推进全面从严"));
  int minimum, natural, fourteen, lines_height, line_height;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &fourteen, NULL, NULL);
  /* Never narrower than about fourteen characters... */
  g_assert_cmpint (minimum, >=, fourteen);
  /* ...nor one long line. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, natural, NULL, &lines_height, NULL, NULL);
  gtk_widget_measure (probe, GTK_ORIENTATION_VERTICAL, -1, NULL, &line_height, NULL, NULL);
  g_assert_cmpint (lines_height, >=, 2 * line_height);
  g_assert_cmpint (lines_height, <=, 6 * line_height);
  /* At its narrowest, still not a column of four to six characters. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, NULL, &lines_height, NULL, NULL);
  g_assert_cmpint (lines_height, <=, 6 * line_height);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The screenshots in the language asked (LANGUAGE, LC_ALL). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jp_test_application ();

  g_test_add ("/jp/item-page/reading-order", Fixture, NULL,
              fixture_set_up, test_reading_order, fixture_tear_down);
  g_test_add ("/jp/item-page/target-cards", Fixture, NULL,
              fixture_set_up, test_target_cards, fixture_tear_down);
  g_test_add ("/jp/item-page/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/jp/item-page/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/jp/item-page/status-column", Fixture, NULL,
              fixture_set_up, test_status_column, fixture_tear_down);
  g_test_add ("/jp/item-page/units-column", Fixture, NULL,
              fixture_set_up, test_units_column, fixture_tear_down);
  g_test_add_func ("/jp/item-page/tooltip-width", test_tooltip_width);
  g_test_add ("/jp/item-page/shots", Fixture, NULL,
              fixture_set_up, test_shots, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
