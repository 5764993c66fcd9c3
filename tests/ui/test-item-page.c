/* test-item-page.c: the item page as a reader meets it, under Xvfb: what
 * comes first, the target cards' selection and activation, the search's
 * marks and what closing the search keeps. */

#include "config.h"

#include <adwaita.h>

#include "jp-indicator-dialog.h"
#include "jp-plan-cell.h"
#include "jp-ui-test-util.h"
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
  f->dir = jp_test_make_dir ();
  f->path = jp_test_make_sample_db (f->dir);
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
wait_for_search (void)
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
  wait_for_search ();

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
    wait_for_search ();
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
  wait_for_search ();
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

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jp_test_application ();

  g_test_add ("/jp/item-page/reading-order", Fixture, NULL,
              fixture_set_up, test_reading_order, fixture_tear_down);
  g_test_add ("/jp/item-page/target-cards", Fixture, NULL,
              fixture_set_up, test_target_cards, fixture_tear_down);
  g_test_add ("/jp/item-page/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
