/* test-everyday.c: traps of everyday use, driven through the real widgets
 * and actions: menus whose entries share a mnemonic, a tooltip over an
 * open menu, dialogs that do not behave like GNOME dialogs (focus, Enter,
 * Save before any change, errors out of sight), and risky edits that say
 * nothing (Delete key, Alt+Down into another section, an added work point
 * renumbering the following ones).
 *
 * Registered twice in tests/meson.build: LANGUAGE=zh_CN and LANGUAGE=en,
 * since mnemonics are chosen in each language. With $JP_SCREENSHOT_DIR
 * set, the dialogs with an error shown are saved there as PNGs. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "jp-date-picker.h"
#include "jp-editor-dialog.h"
#include "jp-name-list.h"
#include "jp-ui-test-util.h"
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
  g_free (jp_test_take_message_dialog ());
  jp_test_fixture_close (f);
}

static JpItem *
select_item (Fixture *f,
             int      number)
{
  JpItem *item = jp_plan_find_item_by_number (f->plan, number);

  g_assert_nonnull (item);
  g_assert_true (jp_window_select (f->window, G_OBJECT (item)));
  jp_test_pump ();
  return item;
}

/* Saves @widget as $JP_SCREENSHOT_DIR/@name (nothing without it). */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char *dir = g_getenv ("JP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || dir[0] == '\0')
    return;

  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; tries < 50 && node == NULL; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      jp_test_pump ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* ---- menus -------------------------------------------------------------- */

/* The mnemonic of @label ("Export P_DF…", "导出 PDF(_D)…"), lowercased;
 * NULL when it has none. */
static char *
dup_mnemonic (const char *label)
{
  for (const char *p = label; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (p[0] == '_')
      {
        if (p[1] == '_')
          {
            p++;
            continue;
          }
        if (p[1] != '\0')
          {
            char buf[8] = { 0 };

            g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (p + 1)), buf);
            return g_strdup (buf);
          }
      }

  return NULL;
}

/* Every entry of one menu level (its sections included) has a mnemonic of
 * its own; a submenu is a level of its own. Returns the entries seen. */
static guint
check_menu_level (GMenuModel *model,
                  GHashTable *seen)
{
  guint n = g_menu_model_get_n_items (model);
  guint entries = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          g_autofree char *mnemonic = dup_mnemonic (label);
          const char *other;

          entries++;
          if (mnemonic != NULL && (other = g_hash_table_lookup (seen, mnemonic)) != NULL)
            g_error ("“%s” and “%s” share the mnemonic “%s”", other, label, mnemonic);
          if (mnemonic != NULL)
            g_hash_table_insert (seen, g_steal_pointer (&mnemonic), g_strdup (label));
        }
      if (section != NULL)
        entries += check_menu_level (section, seen);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          entries += check_menu_level (submenu, own);
        }
    }

  return entries;
}

static void
collect_menus (GtkWidget *widget,
               GPtrArray *models)
{
  GMenuModel *model = NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_POPOVER_MENU (widget))
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget));
  else if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          if (gtk_column_view_column_get_header_menu (column) != NULL &&
              !g_ptr_array_find (models, gtk_column_view_column_get_header_menu (column), NULL))
            g_ptr_array_add (models, gtk_column_view_column_get_header_menu (column));
        }
    }
  if (model != NULL && !g_ptr_array_find (models, model, NULL))
    g_ptr_array_add (models, model);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menus (child, models);
}

/* The main menu, the add menu, the tree's context and header menus, a
 * target's ⋮ menu: no two entries of one menu share a mnemonic. */
static void
test_mnemonics (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new ();
  guint entries = 0;

  select_item (f, 2); /* a work point with targets: their ⋮ menus */
  collect_menus (GTK_WIDGET (f->window), models);
  g_assert_true (g_ptr_array_find (models, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (f->window->primary_menu_button)), NULL));
  g_assert_true (g_ptr_array_find (models, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (f->window->add_button)), NULL));
  g_assert_cmpuint (models->len, >=, 5);

  for (guint i = 0; i < models->len; i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      entries += check_menu_level (g_ptr_array_index (models, i), seen);
    }
  /* Main menu 16, add 4, context 6, a target's 4 … */
  g_assert_cmpuint (entries, >=, 30);
}

static GtkWidget *
find_more_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), "view-more-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_more_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_tooltip_quiet_while_open (GtkWidget *button)
{
  GtkPopover *popover;

  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* No tooltip over the first entry while the menu is open … */
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  jp_test_pump ();
  /* … and the tooltip is back once it closed. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_get_has_tooltip (button));
}

/* The tooltip of a header bar menu button goes while its popover is
 * open. Xvfb has no monitor for a GtkPopoverMenu to measure, so the menus
 * (main, add, a target's ⋮) are checked to carry the same hooks, and the
 * date button's plain popover is opened for real. */
static void
test_menu_tooltips (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *more;

  assert_tooltip_quiet_while_open (GTK_WIDGET (f->window->as_of_button));
  g_assert_nonnull (g_object_get_data (G_OBJECT (f->window->primary_menu_button), "jp-quiet-tooltip"));
  g_assert_nonnull (g_object_get_data (G_OBJECT (f->window->add_button), "jp-quiet-tooltip"));

  select_item (f, 2);
  more = find_more_button (GTK_WIDGET (f->window->item_page));
  g_assert_nonnull (more);
  g_assert_nonnull (g_object_get_data (G_OBJECT (more), "jp-quiet-tooltip"));
  g_assert_nonnull (g_object_get_data (G_OBJECT (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))),
                                       "jp-quiet-tooltip"));
}

/* Activates the key binding of @widget (its class's) for @accel
 * ("Delete", "Return"), as pressing the key does. */
static void
press_key (GtkWidget  *widget,
           const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !done; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !done; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              done = TRUE;
            }
        }
    }
  g_assert_true (done);
  jp_test_pump ();
}

/* ---- dialogs ------------------------------------------------------------ */

static GtkWidget *
first_text (GtkWidget *widget)
{
  if (GTK_IS_HEADER_BAR (widget) || ADW_IS_HEADER_BAR (widget) || GTK_IS_POPOVER (widget))
    return NULL;
  if ((GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) || ADW_IS_COMBO_ROW (widget) ||
       GTK_IS_DROP_DOWN (widget)) && gtk_widget_is_visible (widget) &&
      gtk_widget_is_sensitive (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_text (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
can_save (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (jp_test_get (dialog, "save_button"));
}

/* The focus is in the first field, the confirm button is the default, and
 * Enter in a one-line field activates it. */
static void
assert_gnome_dialog (GtkWidget *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  g_assert_nonnull (focus);
  if (focus != first_text (dialog))
    g_error ("%s: the focus is on a %s (%s), not on the first field",
             G_OBJECT_TYPE_NAME (dialog), G_OBJECT_TYPE_NAME (focus),
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == jp_test_get (dialog, "save_button"));
  if (GTK_IS_TEXT (focus))
    g_assert_true (gtk_text_get_activates_default (GTK_TEXT (focus)));
}

/* Presses Enter in the focused field. */
static void
press_enter (GtkWidget *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  g_assert_true (GTK_IS_TEXT (focus));
  press_key (focus, "Return");
  /* An activated button is clicked after a short press (250 ms). */
  for (guint i = 0; i < 4; i++)
    jp_test_pump ();
}

/* Every editor dialog opens with the focus in its first field and Save
 * (or Add) as the default. */
static void
test_dialog_focus (Fixture       *f,
                   gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  gint64 id = jp_indicator_get_id (indicator);
  struct { const char *action; GVariant *parameter; } dialogs[] = {
    { "win.edit-selected", NULL },
    { "win.add-item", NULL },
    { "win.add-section", NULL },
    { "win.edit-indicator", g_variant_new_int64 (id) },
    { "win.record-progress", g_variant_new_int64 (id) },
    { "win.add-update", NULL },
    { "win.plan-properties", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWidget *dialog;

      select_item (f, 2);
      g_test_message ("%s", dialogs[i].action);
      dialog = jp_test_open_dialog (f->window, dialogs[i].action, dialogs[i].parameter);
      assert_gnome_dialog (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
      jp_test_pump ();
    }
}

/* Save is off until something changed (and off again when it is changed
 * back); Enter saves; the edit is in the file. */
static void
test_dialog_save_after_change (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (f->plan), 1);
  g_autofree char *title = g_strdup (jp_section_get_title (section));
  g_autofree char *changed = g_strdup_printf ("%s（修订）", title);
  JpItem *item;
  g_autoptr(JpPlan) reloaded = NULL;
  GtkWidget *dialog;

  g_assert_true (jp_window_select (f->window, G_OBJECT (section)));
  jp_test_pump ();
  dialog = jp_test_open_dialog (f->window, "win.edit-selected", NULL);
  assert_gnome_dialog (dialog);
  g_assert_false (can_save (dialog));
  jp_test_set_text (dialog, "title_row", changed);
  g_assert_true (can_save (dialog));
  jp_test_set_text (dialog, "title_row", title);
  g_assert_false (can_save (dialog));
  /* Enter with nothing changed saves nothing and keeps the dialog. */
  press_enter (dialog);
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
  jp_test_set_text (dialog, "title_row", changed);
  press_enter (dialog);
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_cmpstr (jp_section_get_title (section), ==, changed);

  /* A work point: its leaders are a change too. */
  item = select_item (f, 3);
  dialog = jp_test_open_dialog (f->window, "win.edit-selected", NULL);
  g_assert_false (can_save (dialog));
  jp_test_set_text (dialog, "title_row", "新的标题");
  g_assert_true (can_save (dialog));
  press_enter (dialog);
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_cmpstr (jp_item_get_title (item), ==, "新的标题");

  /* The target and plan dialogs: off until changed. */
  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.edit-indicator",
                                g_variant_new_int64 (jp_indicator_get_id (jp_test_indicator (f->plan, 2, 0))));
  g_assert_false (can_save (dialog));
  jp_test_set_text (dialog, "target_row", "95");
  g_assert_true (can_save (dialog));
  press_enter (dialog);
  g_assert_null (jp_window_get_dialog (f->window));
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (f->plan, 2, 0)), ==, 95);

  dialog = jp_test_open_dialog (f->window, "win.plan-properties", NULL);
  g_assert_false (can_save (dialog));
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  jp_test_pump ();
  g_assert_true (jp_window_get_dialog (f->window) == GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  reloaded = jp_test_reload (f->path);
  {
    g_autoptr(JpSection) saved = g_list_model_get_item (jp_plan_get_sections (reloaded), 1);

    g_assert_cmpstr (jp_section_get_title (saved), ==, changed);
  }
  g_assert_cmpstr (jp_item_get_title (jp_plan_find_item_by_number (reloaded, 3)), ==, "新的标题");
  g_assert_cmpfloat (jp_indicator_get_target (jp_test_indicator (reloaded, 2, 0)), ==, 95);
}

/* @error lies inside the visible part of its scrolled window. */
static void
assert_in_sight (GtkWidget *error)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (error, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (error, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
}

/* An error far down a long dialog is shown without scrolling: the dialog
 * grows (or scrolls) to it. */
static void
test_dialog_errors_in_sight (Fixture       *f,
                             gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  GtkWidget *dialog;

  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.edit-indicator", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  /* Made short (a small screen, or resized by hand): the tracking group's
   * error falls below the fold. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 360);
  jp_test_pump ();
  g_assert_cmpint (gtk_widget_get_height (dialog), <, 400);
  jp_test_set_text (dialog, "due_row", "2024-03-01");
  jp_test_pump ();
  jp_test_pump ();
  assert_in_sight (jp_test_get (dialog, "tracking_error"));
  shoot (dialog, "dialogs2-indicator-error.png");
  jp_test_set_text (dialog, "due_row", "");
  jp_test_set_text (dialog, "target_row", "abc");
  jp_test_pump ();
  assert_in_sight (jp_test_get (dialog, "target_error"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  dialog = jp_test_open_dialog (f->window, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  jp_test_set_text (dialog, "date_row", "2024-01-05");
  jp_test_set_text (dialog, "value_row", "-3");
  jp_test_pump ();
  g_assert_false (can_save (dialog));
  shoot (dialog, "dialogs2-progress-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  select_item (f, 3);
  dialog = jp_test_open_dialog (f->window, "win.edit-selected", NULL);
  jp_test_set_text (dialog, "title_row", "  ");
  jp_test_pump ();
  g_assert_false (can_save (dialog));
  shoot (dialog, "dialogs2-item-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();

  dialog = jp_test_open_dialog (f->window, "win.add-update", NULL);
  shoot (dialog, "dialogs2-update.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* The progress dialog's calendar is the date picker: browsing months
 * changes nothing, a typed date (2023年6月30日) chosen is the date. */
static void
test_progress_date_picker (Fixture       *f,
                           gconstpointer  data)
{
  JpIndicator *indicator = jp_test_indicator (f->plan, 2, 0);
  GtkWidget *dialog;
  GtkWidget *picker;
  GtkCalendar *calendar;
  g_autofree char *before = NULL;
  g_autoptr(GDateTime) march = g_date_time_new_local (2023, 3, 1, 0, 0, 0);

  select_item (f, 2);
  dialog = jp_test_open_dialog (f->window, "win.record-progress", g_variant_new_int64 (jp_indicator_get_id (indicator)));
  jp_test_set_text (dialog, "date_row", "2023-05-31");
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "date_row"))));
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (dialog, "calendar_button")));
  jp_test_pump ();
  picker = jp_test_get (dialog, "date_picker");
  g_assert_true (JP_IS_DATE_PICKER (picker));
  g_assert_cmpstr (jp_date_picker_get_date (JP_DATE_PICKER (picker)), ==, "2023-05-31");

  /* Another month shown: the date stays, the popover stays open. */
  calendar = jp_date_picker_get_calendar (JP_DATE_PICKER (picker));
  gtk_calendar_select_day (calendar, march);
  g_signal_emit_by_name (calendar, "prev-month");
  jp_test_pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "date_row"))), ==, before);
  g_assert_true (gtk_widget_get_visible (jp_test_get (dialog, "calendar_popover")));

  /* Typed in the picker and chosen with Enter. */
  gtk_editable_set_text (GTK_EDITABLE (jp_date_picker_get_entry (JP_DATE_PICKER (picker))), "2023年6月30日");
  g_signal_emit_by_name (jp_date_picker_get_entry (JP_DATE_PICKER (picker)), "activate");
  jp_test_pump ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jp_test_get (dialog, "date_row"))), ==, "2023-06-30");
  g_assert_false (gtk_widget_get_visible (jp_test_get (dialog, "calendar_popover")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
}

/* ---- risky edits -------------------------------------------------------- */

/* The Delete key on a work point with progress asks nothing: a toast names
 * it by title and offers Undo. */
static void
test_delete_key_toast (Fixture       *f,
                       gconstpointer  data)
{
  JpItem *item = select_item (f, 2);
  g_autofree char *title = g_strdup (jp_item_get_title (item));
  guint n = jp_plan_get_n_items (f->plan);
  g_autoptr(JpPlan) reloaded = NULL;

  press_key (GTK_WIDGET (f->window->plan_tree), "Delete");
  g_assert_null (jp_test_take_message_dialog ());
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, n - 1);
  g_assert_nonnull (f->window->undo_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (f->window->undo_toast), title));
  g_assert_nonnull (adw_toast_get_button_label (f->window->undo_toast));

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window),
                                                     adw_toast_get_action_name (f->window->undo_toast),
                                                     adw_toast_get_action_target_value (f->window->undo_toast)));
  jp_test_pump ();
  g_assert_cmpuint (jp_plan_get_n_items (f->plan), ==, n);
  reloaded = jp_test_reload (f->path);
  g_assert_cmpuint (jp_plan_get_n_items (reloaded), ==, n);
}

/* Alt+Down on the last work point of a section moves it into the next
 * one, and a toast says so. */
static void
test_move_into_section_toast (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JpSection) first = g_list_model_get_item (jp_plan_get_sections (f->plan), 0);
  g_autoptr(JpSection) second = g_list_model_get_item (jp_plan_get_sections (f->plan), 1);
  GListModel *items = jp_section_get_items (first);
  g_autoptr(JpItem) last = g_list_model_get_item (items, g_list_model_get_n_items (items) - 1);
  g_autofree char *expected = NULL;

  g_assert_true (jp_window_select (f->window, G_OBJECT (last)));
  jp_test_pump ();
  /* Within the section: no toast. */
  press_key (GTK_WIDGET (f->window->plan_tree), "<Alt>Up");
  g_assert_true (jp_item_get_section (last) == first);
  g_assert_null (f->window->undo_toast);
  press_key (GTK_WIDGET (f->window->plan_tree), "<Alt>Down");
  press_key (GTK_WIDGET (f->window->plan_tree), "<Alt>Down");
  g_assert_true (jp_item_get_section (last) == second);
  g_assert_nonnull (f->window->undo_toast);
  expected = g_strdup_printf (_("“%s” moved to section %s"), jp_item_get_title (last), jp_section_get_ordinal (second));
  g_assert_cmpstr (adw_toast_get_title (f->window->undo_toast), ==, expected);
  if (g_str_has_prefix (g_getenv ("LANGUAGE"), "zh"))
    g_assert_nonnull (strstr (expected, "移到第二部分"));
}

static AdwMessageDialog *
add_item_after (Fixture    *f,
                int         number,
                const char *title)
{
  GtkWidget *dialog;
  GtkWidget *message;

  select_item (f, number);
  dialog = jp_test_open_dialog (f->window, "win.add-item", NULL);
  jp_test_set_text (dialog, "title_row", title);
  g_assert_true (can_save (dialog));
  press_enter (dialog);
  message = jp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  /* The safe answer is the default (Enter, Escape). */
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (message)), ==, "next");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (message)), ==, "next");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (message), "renumber"));
  return ADW_MESSAGE_DIALOG (message);
}

static JpItem *
find_titled (JpPlan     *plan,
             const char *title)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (jp_item_get_title (g_ptr_array_index (items, i)), title) == 0)
      return g_ptr_array_index (items, i);

  return NULL;
}

/* Adding a work point after No. 3 asks: renumbering shifts No. 4 … by
 * one; the next free number (the default) keeps them as they are. */
static void
test_add_in_middle (Fixture       *f,
                    gconstpointer  data)
{
  JpItem *third = jp_plan_find_item_by_number (f->plan, 3);
  JpItem *fourth = jp_plan_find_item_by_number (f->plan, 4);
  guint n = jp_plan_get_n_items (f->plan);
  AdwMessageDialog *message;
  JpItem *added;
  g_autoptr(JpPlan) reloaded = NULL;

  message = add_item_after (f, 3, "插入的要点一");
  adw_message_dialog_response (message, "renumber");
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  added = find_titled (f->plan, "插入的要点一");
  g_assert_nonnull (added);
  g_assert_cmpint (jp_item_get_number (added), ==, 4);
  g_assert_cmpint (jp_item_get_number (third), ==, 3);
  g_assert_cmpint (jp_item_get_number (fourth), ==, 5);

  message = add_item_after (f, 2, "插入的要点二");
  shoot (GTK_WIDGET (message), "dialogs2-renumber-prompt.png");
  adw_message_dialog_response (message, "next");
  jp_test_pump ();
  g_assert_null (jp_window_get_dialog (f->window));
  added = find_titled (f->plan, "插入的要点二");
  g_assert_nonnull (added);
  g_assert_cmpint (jp_item_get_number (added), ==, (int) n + 2);
  g_assert_cmpint (jp_item_get_number (third), ==, 3);
  /* Placed after No. 2 all the same. */
  g_assert_true (jp_item_get_section (added) == jp_item_get_section (jp_plan_find_item_by_number (f->plan, 2)));

  reloaded = jp_test_reload (f->path);
  g_assert_cmpint (jp_item_get_number (find_titled (reloaded, "插入的要点一")), ==, 4);
  g_assert_cmpint (jp_item_get_number (find_titled (reloaded, "插入的要点二")), ==, (int) n + 2);
  g_assert_nonnull (jp_plan_find_item_by_number (reloaded, 5));
}

static void
on_names_changed_cb (JpNameList  *list,
                     GStrv        names,
                     GStrv       *out)
{
  g_strfreev (*out);
  *out = g_strdupv (names);
}

/* Adding a leader or unit to a work point: a new name close to one of the
 * plan's is asked about first ("did you mean"), added when confirmed. */
static void
test_name_list_near (void)
{
  static const char * const choices[] = { "督导室", "基建室", NULL };
  static const char * const none[] = { NULL };
  GtkWidget *list = g_object_ref_sink (jp_name_list_new ());
  GtkWidget *row;
  GStrv changed = NULL;

  jp_name_list_set_choices (JP_NAME_LIST (list), choices);
  jp_name_list_set_names (JP_NAME_LIST (list), none);
  jp_name_list_set_editable (JP_NAME_LIST (list), TRUE);
  g_signal_connect (list, "names-changed", G_CALLBACK (on_names_changed_cb), &changed);
  row = jp_test_get (list, "add_row");

  jp_name_list_add (JP_NAME_LIST (list), "督导");
  g_assert_null (changed);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "督导室"));
  g_assert_true (gtk_widget_has_css_class (row, "warning"));

  jp_name_list_add (JP_NAME_LIST (list), "督导");
  g_assert_nonnull (changed);
  g_assert_cmpstr (changed[0], ==, "督导");
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "督导室"));
  g_assert_false (gtk_widget_has_css_class (row, "warning"));
  g_clear_pointer (&changed, g_strfreev);

  /* An existing name or a clearly different one is added at once. */
  jp_name_list_add (JP_NAME_LIST (list), "基建室");
  g_assert_nonnull (changed);
  g_clear_pointer (&changed, g_strfreev);
  jp_name_list_add (JP_NAME_LIST (list), "人事室");
  g_assert_nonnull (changed);
  g_clear_pointer (&changed, g_strfreev);

  g_object_unref (list);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_dir = g_getenv ("JP_LOCALEDIR");
  int status;

  g_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("the locale %s is not installed", g_getenv ("LC_ALL"));
  bindtextdomain (GETTEXT_PACKAGE, env_dir != NULL && env_dir[0] != '\0' ? env_dir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  app = jp_test_application ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jp/everyday/mnemonics", test_mnemonics);
  ADD ("/jp/everyday/menu-tooltips", test_menu_tooltips);
  ADD ("/jp/everyday/dialog-focus", test_dialog_focus);
  ADD ("/jp/everyday/dialog-save-after-change", test_dialog_save_after_change);
  ADD ("/jp/everyday/dialog-errors-in-sight", test_dialog_errors_in_sight);
  ADD ("/jp/everyday/progress-date-picker", test_progress_date_picker);
  ADD ("/jp/everyday/delete-key-toast", test_delete_key_toast);
  ADD ("/jp/everyday/move-into-section-toast", test_move_into_section_toast);
  ADD ("/jp/everyday/add-in-middle", test_add_in_middle);
#undef ADD
  g_test_add_func ("/jp/everyday/name-list-near", test_name_list_near);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
