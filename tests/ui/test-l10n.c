/* test-l10n.c: the window speaks the language of the environment
 *
 * Registered twice in tests/meson.build: LANGUAGE=zh_CN with the
 * zh_CN.UTF-8 locale, and LANGUAGE=en with C.UTF-8 (each language in a
 * process of its own: gettext caches what it found, and GLib decides once
 * per process whether to translate). Reads the header bar (view switcher,
 * plan switcher, tooltips), the main menu, the tree's column titles, the
 * indicator dialog, the dates of the item page and the dashboard, and
 * finds each in the language asked for. In Chinese, no word of English
 * is left anywhere in the window, its menus, the dialog or the dashboard
 * (the 2023 plan has none of its own). The date picker shows the months
 * and the first day of the week of the C library's locale (LC_TIME). */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jp-help-window.h"
#include "jp-plan-cell.h"
#include "jp-date-picker.h"
#include "jp-ui-test-util.h"
#include "jp-window-private.h"

static JpApplication *app;
static char *work_dir;
static char *db_path;
static gboolean chinese;

/* What a string reads in each language. */
typedef struct
{
  const char *zh;
  const char *en;
} Words;

static const char *
expected (const Words *words)
{
  return chinese ? words->zh : words->en;
}

/* ---- collecting what people read ----------------------------------------- */

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void collect_menu (GMenuModel *model,
                          GPtrArray  *texts);

/* The labels, tooltips, titles and descriptions of @widget and all it
 * holds, popovers and menus included. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  add_text (texts, tooltip);

  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  else if (JP_IS_PLAN_CELL (widget))
    {
      /* The plan tree's cells draw their text. */
      add_text (texts, jp_plan_cell_get_text (JP_PLAN_CELL (widget)));
      add_text (texts, jp_plan_cell_get_tooltip_text (JP_PLAN_CELL (widget)));
    }
  else if (GTK_IS_BUTTON (widget))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      add_text (texts, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      if (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
        collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);
    }
  else if (GTK_IS_WINDOW (widget))
    add_text (texts, gtk_window_get_title (GTK_WINDOW (widget)));
  else if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          add_text (texts, gtk_column_view_column_get_title (column));
        }
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        add_text (texts, gtk_string_list_get_string (GTK_STRING_LIST (model), i));
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add_text (texts, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add_text (texts, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add_text (texts, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (ADW_IS_VIEW_STACK (widget))
    {
      GListModel *pages = G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

          add_text (texts, adw_view_stack_page_get_title (page));
        }
      g_object_unref (pages);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
collect_menu (GMenuModel *model,
              GPtrArray  *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          collect_menu (link, texts);
        }
    }
}

static GPtrArray *
texts_of (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_has (GPtrArray   *texts,
            const Words *words,
            const char  *where)
{
  const char *text = expected (words);

  if (!has_text (texts, text))
    {
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < texts->len; i++)
        g_string_append_printf (all, "\n  “%s”", (const char *) g_ptr_array_index (texts, i));
      g_error ("%s: “%s” not found among:%s", where, text, all->str);
    }
}

/* Words of English that may stay in the Chinese window: names of file
 * formats, keys in accelerators ("Ctrl+N"), and the letters the status
 * help writes its rules with (p ≥ e − 0.10). The mnemonics of menu
 * items ("导入(_I)…", shown "导入(I)…") are not words. */
static gboolean
is_english (const char *text)
{
  static const char * const allowed[] = {
    "PDF", "JSON", "CSV", "Excel", "ID",
    "Ctrl", "Shift", "Alt", "Super", "Delete", "Esc", "Enter", "Tab", "Space", "Home", "End",
    "Insert", "Backspace", "Page_Up", "Page_Down", "Up", "Down", "Left", "Right", "p", "e", NULL
  };
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      g_autofree char *word = NULL;

      if (!g_ascii_isalpha (*p))
        {
          p++;
          continue;
        }
      while (g_ascii_isalpha (*p))
        p++;
      word = g_strndup (start, (gsize) (p - start));

      if (g_strv_contains (allowed, word))
        continue;
      /* A function key ("F2"), a key after "Ctrl+", a mnemonic in "(_I)"
       * or "(I)". */
      if (p - start == 1 && *start == 'F' && g_ascii_isdigit (*p))
        continue;
      if (p - start == 1 &&
          start > text &&
          (start[-1] == '+' ||
           (*p == ')' && (start[-1] == '(' || (start[-1] == '_' && start - 1 > text && start[-2] == '(')))))
        continue;

      return TRUE;
    }

  return FALSE;
}

/* In Chinese: nothing in English. In both: "…", never "...". */
static void
assert_no_english (GPtrArray  *texts,
                   const char *where)
{
  g_assert_cmpuint (texts->len, >, 0);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (strstr (text, "...") != NULL)
        g_error ("%s: “%s” has \"...\" instead of “…”", where, text);
      if (chinese && is_english (text))
        g_error ("%s: “%s” is not translated", where, text);
    }
}

/* ---- the window ---------------------------------------------------------- */

static JpWindow *
open_window (void)
{
  JpWindow *window = jp_test_open_window (app, db_path, FALSE, FALSE);
  JpPlan *plan = jp_window_get_plan (window);

  g_assert_nonnull (plan);
  /* Work point 2: no due date of its own, targets with progress. */
  g_assert_true (jp_window_select (window, G_OBJECT (jp_plan_find_item_by_number (plan, 2))));
  jp_test_pump ();

  return window;
}

/* The view switcher, the plan switcher, the buttons' tooltips, the main
 * menu. */
static void
test_header_bar (void)
{
  static const Words words[] = {
    { "计划", "Plan" },
    { "看板", "Dashboard" },
    { "主菜单", "Main Menu" },
    { "搜索和筛选", "Search and Filter" },
    { "导入(_I)…", "_Import…" },
    { "导入进展(_G)…", "Import Pro_gress…" },
    { "导出 PDF(_D)…", "Export P_DF…" },
    { "导出电子表格(_S)…", "Export _Spreadsheet…" },
    { "领导和单位(_L)…", "_Leaders and Units…" },
    { "键盘快捷键(_K)", "_Keyboard Shortcuts" },
    { "关于工作要点(_A)", "_About Work Plan" },
    { "添加工作要点(_W)…", "Add _Work Point…" },
  };
  JpWindow *window = open_window ();
  g_autoptr(GPtrArray) texts = texts_of (jp_test_get (GTK_WIDGET (window), "header_bar"));
  g_autoptr(GPtrArray) switcher = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_has (texts, &words[i], "header bar");
  assert_no_english (texts, "header bar");

  /* What the view switcher itself shows (its buttons' labels). */
  collect_texts (GTK_WIDGET (window->switcher_title), switcher);
  assert_has (switcher, &words[0], "view switcher");
  assert_has (switcher, &words[1], "view switcher");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, chinese ? "工作要点" : "Work Plan");

  jp_test_close_window (window);
}

/* The tree's column titles, the item page, the search bar, the empty
 * states: everything under the plan view. */
static void
test_plan_view (void)
{
  static const Words columns[] = {
    { "序号", "No." },
    { "工作要点", "Work point" },
    { "责任领导", "Leaders" },
    { "责任单位", "Units" },
    { "进度", "Progress" },
    { "状态", "Status" },
  };
  static const Words page[] = {
    { "责任领导", "Leaders" },
    { "责任单位", "Responsible Units" },
    { "配合单位", "Partner Units" },
    { "指标", "Targets" },
    { "进展报告", "Updates" },
  };
  /* The date as the language writes it (the first line of its label). */
  static const Words due = {
    "完成时限：计划年底（2023年12月31日）", "Due by the end of the plan, Dec 31, 2023"
  };
  JpWindow *window = open_window ();
  GtkWidget *column_view = jp_test_get (GTK_WIDGET (window->plan_tree), "column_view");
  GListModel *list = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_autoptr(GPtrArray) texts = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, expected (&columns[i]));
    }

  texts = texts_of (GTK_WIDGET (window->item_page));
  for (guint i = 0; i < G_N_ELEMENTS (page); i++)
    assert_has (texts, &page[i], "item page");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (jp_test_get (GTK_WIDGET (window->item_page),
                                                                               "due_label"))),
                                   expected (&due)));
  g_clear_pointer (&texts, g_ptr_array_unref);

  texts = texts_of (GTK_WIDGET (window));
  assert_no_english (texts, "window");

  jp_test_close_window (window);
}

/* The indicator dialog: its title, rows, buttons and kinds. */
static void
test_indicator_dialog (void)
{
  static const Words words[] = {
    { "编辑指标", "Edit Target" },
    { "名称", "Name" },
    { "类型", "Kind" },
    { "目标值", "Target Value" },
    { "单位（%、所、个、名……）", "Unit (%, 所, 个, 名 …)" },
    { "基准值（可选）", "Baseline (optional)" },
    { "权重", "Weight" },
    { "取消(_C)", "_Cancel" },
    { "保存(_S)", "_Save" },
  };
  static const Words kinds[] = {
    { "不低于", "At least" },
    { "不超过", "At most" },
    { "区间", "Range" },
    { "下降", "Decrease by" },
    { "提高", "Increase by" },
    { "里程碑", "Milestone" },
  };
  JpWindow *window = open_window ();
  JpIndicator *indicator = jp_test_indicator (jp_window_get_plan (window), 2, 0);
  GtkWidget *dialog = jp_test_open_dialog (window, "win.edit-indicator",
                                   g_variant_new_int64 (jp_indicator_get_id (indicator)));
  g_autoptr(GPtrArray) texts = texts_of (dialog);
  GListModel *kind_model = adw_combo_row_get_model (ADW_COMBO_ROW (jp_test_get (dialog, "kind_row")));
  g_autoptr(GPtrArray) kind_texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_has (texts, &words[i], "indicator dialog");
  assert_no_english (texts, "indicator dialog");

  /* The kinds offered: the model's items as the row shows them. */
  g_assert_nonnull (kind_model);
  for (guint i = 0; i < g_list_model_get_n_items (kind_model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (kind_model, i);

      g_assert_true (GTK_IS_STRING_OBJECT (object));
      add_text (kind_texts, gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    assert_has (kind_texts, &kinds[i], "indicator kinds");

  gtk_window_destroy (GTK_WINDOW (dialog));
  jp_test_pump ();
  jp_test_close_window (window);
}

/* The help on statuses (F1): every status, the flags, the curves and the
 * kinds, in the language asked for. */
static void
test_status_help (void)
{
  static const Words words[] = {
    { "进度与状态说明", "How Progress Is Judged" },
    { "未填报", "No report" },
    { "已逾期", "Overdue" },
    { "逾期未报送", "Late report" },
    { "应达进度曲线", "Expected Progress Curves" },
    { "按学期", "By term" },
    { "指标类型", "Kinds of Target" },
    { "里程碑", "Milestone" },
  };
  JpWindow *window = open_window ();
  g_autoptr(GPtrArray) texts = NULL;
  GtkWidget *help;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-status-help", NULL));
  jp_test_pump ();
  help = jp_test_find_toplevel (JP_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);

  texts = texts_of (help);
  add_text (texts, gtk_window_get_title (GTK_WINDOW (help)));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_has (texts, &words[i], "status help");
  assert_no_english (texts, "status help");

  gtk_window_destroy (GTK_WINDOW (help));
  jp_test_pump ();
  jp_test_close_window (window);
}

/* The labels of @calendar in the order of its children: the month, the
 * year, the names of the days (in the order of the columns), the days. */
static GPtrArray *
calendar_labels (GtkWidget *calendar)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  collect_texts (calendar, labels);
  return labels;
}

/* The abbreviated name of a weekday (1 = Monday … 7 = Sunday) in the
 * C library's locale, as GtkCalendar writes it. */
static char *
weekday_name (int weekday)
{
  /* 2023-01-02 is a Monday. */
  g_autoptr(GDateTime) day = g_date_time_new_utc (2023, 1, 1 + weekday, 0, 0, 0);

  return g_date_time_format (day, "%a");
}

/* The dashboard: headings, the plan's size (plurals), the as-of date and
 * its picker. */
static void
test_dashboard (void)
{
  static const Words words[] = {
    { "总体进度", "Overall Progress" },
    { "工作要点状态分布", "Work Points by Status" },
    { "需要关注的工作要点", "Needs Attention" },
    { "各部分完成情况", "Completion by Section" },
    { "按责任领导", "By Leader" },
    { "按责任单位", "By Unit" },
    { "17 项工作要点 · 6 个部分", "17 work points · 6 sections" },
    { "截至2023年6月30日", "As of Jun 30, 2023" },
  };
  JpWindow *window = open_window ();
  GtkWidget *dashboard = GTK_WIDGET (window->dashboard);
  GtkWidget *calendar;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *monday = weekday_name (1);
  g_autofree char *sunday = weekday_name (7);
  int first_day = -1;

  adw_view_stack_set_visible_child_name (window->view_stack, "dashboard");
  jp_test_pump ();
  jp_dashboard_set_as_of (window->dashboard, "2023-06-30");
  jp_test_pump ();

  texts = texts_of (dashboard);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    assert_has (texts, &words[i], "dashboard");
  assert_no_english (texts, "dashboard");

  /* The picker opens on the as-of date: June 2023, in the locale's words,
   * the week starting on the locale's first day (Monday in China). */
  gtk_menu_button_popup (GTK_MENU_BUTTON (jp_test_get (dashboard, "as_of_button")));
  jp_test_pump ();
  calendar = GTK_WIDGET (jp_date_picker_get_calendar (JP_DATE_PICKER (jp_test_get (dashboard,
                                                                                 "as_of_picker"))));
  labels = calendar_labels (calendar);
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "zh_CN"))
    g_assert_true (has_text (labels, "六月"));
  else
    g_assert_true (has_text (labels, "June"));

  for (guint i = 0; i < labels->len && first_day < 0; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      for (int d = 1; d <= 7; d++)
        {
          g_autofree char *name = weekday_name (d);

          if (g_strcmp0 (label, name) == 0)
            {
              first_day = d;
              break;
            }
        }
    }
  g_test_message ("first day of the week: %d (%s / %s)", first_day, monday, sunday);
  if (g_str_has_prefix (setlocale (LC_TIME, NULL), "zh_CN"))
    g_assert_cmpint (first_day, ==, 1);
  else
    g_assert_cmpint (first_day, ==, 7);

  jp_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *locale = NULL;
  const char *env_dir;
  int status;

  /* LANGUAGE and the locale come from tests/meson.build. gtk_test_init()
   * would force en_US.UTF-8: GTK is initialised with the environment's
   * locale. No G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, where
   * the icon theme and the MIME database are. */
  g_test_init (&argc, &argv, NULL);

  if (language == NULL || (strcmp (language, "zh_CN") != 0 && strcmp (language, "en") != 0))
    g_error ("run with LANGUAGE=zh_CN or LANGUAGE=en (tests/meson.build)");
  chinese = strcmp (language, "zh_CN") == 0;

  locale = g_strdup (setlocale (LC_ALL, ""));
  if (locale == NULL)
    g_error ("the locale %s is not installed (build-aux/deps generates zh_CN.UTF-8)",
             g_getenv ("LC_ALL"));

  env_dir = g_getenv ("JP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, env_dir != NULL && env_dir[0] != '\0' ? env_dir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  g_test_message ("LANGUAGE=%s, locale %s", language, locale);

  work_dir = jp_test_make_dir ();
  db_path = jp_test_make_sample_db (work_dir);
  app = jp_test_application ();

  g_test_add_func ("/jp/l10n/header-bar", test_header_bar);
  g_test_add_func ("/jp/l10n/plan-view", test_plan_view);
  g_test_add_func ("/jp/l10n/indicator-dialog", test_indicator_dialog);
  g_test_add_func ("/jp/l10n/status-help", test_status_help);
  g_test_add_func ("/jp/l10n/dashboard", test_dashboard);

  status = g_test_run ();

  g_object_unref (app);
  jp_test_remove_dir (work_dir);
  g_free (db_path);
  g_free (work_dir);

  return status;
}
