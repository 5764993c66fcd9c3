/* tests/test-report.c: the PDF reports (src/report).
 *
 * Builds the 2023 plan in memory (the 17 items, their leaders, units and 36
 * targets, with progress of our own), exports each report and reads the PDF
 * back with poppler's tools: the text (every item, leader and unit of the
 * report), the fonts (the Simplified Chinese CJK face embedded with a
 * Unicode map), the page count (what the layout computed), and where every
 * table row went (never split between pages). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "jp-document-import.h"
#include "jp-model.h"
#include "jp-report.h"
#include "jp-report-layout.h"

typedef struct
{
  int         number;
  const char *kind;
  const char *text;
  double      target;
  double      target_max; /* < 0: none */
  const char *unit;
} TestIndicator;

typedef struct
{
  const char *ordinal;
  const char *section;
  int         number;
  const char *title;
  const char *leaders; /* space separated */
  const char *units;
} TestItem;

/* From the reference plan (seed/jinfeng-2023-expected.json). */
static const TestIndicator indicators_2023[] = {
  { 2, "at_least", "力争到年底党支部规范化率（一星级及以上）达90%", 90, -1, "%" },
  { 2, "at_least", "优良率（三星级及以上）达56%", 56, -1, "%" },
  { 2, "at_least", "“四星级”“五星级”提高至22%", 22, -1, "%" },
  { 2, "at_least", "中小学校专任教师党员比例达到35%", 35, -1, "%" },
  { 5, "range", "建设1-2个思政教育一体化实践基地", 1, 2, "个" },
  { 5, "at_least", "评选优质思政课、学科思政课、主题班会课30节", 30, -1, "节" },
  { 5, "at_least", "典型案例20篇", 20, -1, "篇" },
  { 6, "range", "年内打造3-5所金凤区德育品牌示范校", 3, 5, "所" },
  { 7, "decrease_by", "学生近视率下降0.5%以上", 0.5, -1, "%" },
  { 7, "at_least", "创建近视防控示范校4所", 4, -1, "所" },
  { 7, "at_least", "中小學生体质健康优良率达到45%以上", 45, -1, "%" },
  { 7, "at_least", "打造县区级劳动教育精品课15节", 15, -1, "节" },
  { 7, "range", "市级劳动教育精品课3-5节", 3, 5, "节" },
  { 7, "range", "争创市级劳动教育示范校3-5所", 3, 5, "所" },
  { 7, "range", "自治区级劳动教育基地2-4所", 2, 4, "所" },
  { 7, "range", "帮助学生掌握1-2项艺术特长", 1, 2, "项" },
  { 7, "at_least", "培养50名心理咨询师", 50, -1, "名" },
  { 7, "range", "年内争创1-2所银川市级心理健康教育示范校", 1, 2, "所" },
  { 8, "at_least", "完成教师培训 2900 人次", 2900, -1, "人次" },
  { 8, "at_least", "累计培训学时 36 学时", 36, -1, "学时" },
  { 8, "at_least", "概算投资 8498 万元", 8498, -1, "万元" },
  { 8, "at_least", "新增学位 630 个", 630, -1, "个" },
  { 9, "at_least", "2023年计划实施5个中小学教育项目", 5, -1, "个" },
  { 9, "at_least", "概算投资4.7亿元", 4.7, -1, "亿元" },
  { 9, "at_least", "新增学位6300个", 6300, -1, "个" },
  { 9, "at_least", "完成金凤十九小、四十一中等10所中小学教育教学设备采购", 10, -1, "所" },
  { 11, "at_least", "培养金凤区级骨干教师培养对象280名", 280, -1, "名" },
  { 11, "at_least", "市级骨干教师培养对象80名", 80, -1, "名" },
  { 11, "at_least", "自治区级骨干教师培养对象28名", 28, -1, "名" },
  { 12, "at_least", "开展专题讲座2次", 2, -1, "次" },
  { 12, "at_least", "开展区域联动教研6次", 6, -1, "次" },
  { 15, "at_least", "85%的学校实现星级创建", 85, -1, "%" },
  { 15, "at_least", "完成教师研修11个学科", 11, -1, "个" },
  { 15, "at_least", "45个名师工作室研修活动", 45, -1, "个" },
  { 15, "at_least", "培养教师300人次", 300, -1, "人次" },
  { 16, "at_least", "学生课后服务参与率达85%以上", 85, -1, "%" },
};

static const TestItem items_2023[] = {
  { "一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础", 1, "深入学习宣传贯彻党的二十大精神", "张学兵 高学芳", "教育党工委 各支部" },
  { "一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础", 2, "全面加强教育系统党的建设", "张学兵 高学芳", "教育党工委 各支部" },
  { "一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础", 3, "巩固提升意识形态工作实效", "张学兵 高学芳", "教育党工委 各支部" },
  { "一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础", 4, "纵深推进全面从严治党", "张学兵 高学芳", "教育党工委 各支部" },
  { "二", "坚持立德树人、五育并举，构建素质教育发展全新格局", 5, "强化思想政治教育", "高学芳", "教研室 各中小学、幼儿园" },
  { "二", "坚持立德树人、五育并举，构建素质教育发展全新格局", 6, "提高德育质量", "高学芳 马学明", "基教室 教研室 各中小学校、幼儿园" },
  { "二", "坚持立德树人、五育并举，构建素质教育发展全新格局", 7, "促进学生身心健康全面发展", "高学芳 马学明", "教研室 基教室 各中小学校、幼儿园" },
  { "三", "坚持对标需求、资源优化，推动基础教育服务水平提升", 8, "全力推进学前教育普及普惠县（区）创建", "崔茜", "学前室 基建室 条装室 财务室 督导室 教研室 办公室 各幼儿园" },
  { "三", "坚持对标需求、资源优化，推动基础教育服务水平提升", 9, "加快义务教育优质均衡发展", "崔茜", "督导室 基建室 条装室 各中小学校、幼儿园" },
  { "四", "坚持师德为本、强化管理，打造教育高素质人才聚集高地", 10, "加强师德师风建设", "马学明", "人事室 教研室 各中小学校、幼儿园" },
  { "四", "坚持师德为本、强化管理，打造教育高素质人才聚集高地", 11, "建强教师队伍", "崔茜 马学明", "人事室 教研室 各中小学校、幼儿园" },
  { "四", "坚持师德为本、强化管理，打造教育高素质人才聚集高地", 12, "注重教师专业成长", "马学明", "教研室 各中小学、幼儿园" },
  { "五", "坚持创新赋能、提质增效，激发教育发展动力活力", 13, "推进教育综合改革", "崔茜", "督导室 教研室 各中小学校、幼儿园" },
  { "五", "坚持创新赋能、提质增效，激发教育发展动力活力", 14, "深化招生改革", "张学兵", "基教室 各中小学校、幼儿园" },
  { "五", "坚持创新赋能、提质增效，激发教育发展动力活力", 15, "推进区域教育数字化转型升级", "马学明", "信息中心 教研室 各中小学校、幼儿园" },
  { "五", "坚持创新赋能、提质增效，激发教育发展动力活力", 16, "深化义务教育“双减”改革", "马学明", "基教室 教研室 民办室 各中小学校、幼儿园" },
  { "六", "坚持规范管理、健全机制，筑牢校园安全坚强保障", 17, "加强校园安全管理", "马学明", "基教室 学前室 各中小学校、幼儿园" },
};

#define AS_OF "2023-07-01"

/* Tools */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

/* Text without white space: pdftotext breaks lines inside long titles. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
pdf_info_field (const char *path,
                const char *field)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_error ("pdfinfo gave no %s for %s", field, path);
  return NULL;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *pages = pdf_info_field (path, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The text of @page (1-based; 0: all), in content-stream order, squeezed. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv_all[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  const char *argv_page[] = { "pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first,
                              path, "-", NULL };
  g_autofree char *out = run_tool (page == 0 ? argv_all : argv_page);

  return squeeze (out);
}

/* The CJK font is the Simplified Chinese face, embedded (subset) with a
 * Unicode map; every font is embedded. At most three fonts: the family's
 * Regular and Bold, and one fallback for the symbols the family lacks
 * (each CJK face embedded costs its whole 17 MB CFF table to cairo). */
static void
assert_fonts (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  gboolean found = FALSE;
  guint n_fonts = 0;

  g_assert_true (g_str_has_prefix (lines[0], "name"));
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) raw = g_strsplit_set (lines[i], " \t", -1);
      g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
      const char *name, *emb, *uni;

      for (guint j = 0; raw[j] != NULL; j++)
        if (*raw[j] != '\0')
          g_ptr_array_add (tokens, raw[j]);
      if (tokens->len == 0)
        continue;
      /* name type… encoding emb sub uni object ID */
      g_assert_cmpuint (tokens->len, >=, 7);
      name = g_ptr_array_index (tokens, 0);
      emb = g_ptr_array_index (tokens, tokens->len - 5);
      uni = g_ptr_array_index (tokens, tokens->len - 3);
      g_assert_cmpstr (emb, ==, "yes");
      g_assert_null (strstr (name, "CJKjp"));
      n_fonts++;
      if (strstr (name, "NotoSansCJKsc") != NULL)
        {
          g_assert_cmpstr (uni, ==, "yes");
          found = TRUE;
        }
    }
  if (!found)
    g_error ("no embedded Noto Sans CJK SC in %s:\n%s", path, out);
  if (n_fonts > 3)
    g_error ("%u fonts embedded in %s, expected at most 3:\n%s", n_fonts, path, out);
}

/* Every row of every table of @layout is whole on the page the layout put
 * it on (its cells' text, in order, in that page's text), inside the body
 * area; each page with rows of a table repeats the table's header; and a
 * row starts a new page only when it did not fit on the previous one. */
static void
assert_rows_whole (JpReportLayout *layout,
                   const char     *path)
{
  guint n_pages = jp_report_layout_get_n_pages (layout);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double top, bottom;
  guint n_rows = 0;

  jp_report_layout_get_body_area (layout, &top, &bottom);
  for (guint p = 0; p < n_pages; p++)
    g_ptr_array_add (texts, pdf_text (path, p + 1));

  for (guint t = 0; t < jp_report_layout_get_n_tables (layout); t++)
    {
      JpReportTable *table = jp_report_layout_get_table (layout, t);
      guint n_columns = jp_report_table_get_n_columns (table);
      g_autoptr(GString) header = g_string_new (NULL);
      double prev_bottom = 0;
      guint prev_page = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *title = squeeze (jp_report_table_get_column_title (table, c));

          g_string_append (header, title);
        }

      for (guint r = 0; r < jp_report_table_get_n_rows (table); r++)
        {
          g_autoptr(GString) cells = g_string_new (NULL);
          guint page = jp_report_table_get_row_page (table, r);
          double y, height;

          for (guint c = 0; c < n_columns; c++)
            {
              g_autofree char *cell = squeeze (jp_report_table_get_cell_text (table, r, c));

              g_string_append (cells, cell);
            }
          jp_report_table_get_row_extent (table, r, &y, &height);

          g_assert_cmpuint (page, <, n_pages);
          g_assert_cmpfloat (y, >=, top);
          g_assert_cmpfloat (y + height, <=, bottom + 0.001);
          if (strstr (g_ptr_array_index (texts, page), cells->str) == NULL)
            g_error ("table %u row %u is not whole on page %u: %s", t, r, page + 1, cells->str);

          if (r > 0)
            {
              g_assert_cmpuint (page, >=, prev_page);
              if (page == prev_page)
                g_assert_cmpfloat (y, >=, prev_bottom - 0.001);
              else
                /* Moved because it did not fit below the previous row. */
                g_assert_cmpfloat (prev_bottom + height, >, bottom);
            }
          if (r == 0 || page != prev_page)
            g_assert_nonnull (strstr (g_ptr_array_index (texts, page), header->str));
          prev_page = page;
          prev_bottom = y + height;
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, >, 0);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Plans */

static void
set_names (JpPlan     *plan,
           JpItem     *item,
           const char *leaders,
           const char *units)
{
  g_auto(GStrv) l = g_strsplit (leaders, " ", -1);
  g_auto(GStrv) u = g_strsplit (units, " ", -1);
  g_autoptr(GPtrArray) la = g_ptr_array_new ();
  g_autoptr(GPtrArray) ua = g_ptr_array_new ();

  for (guint i = 0; l[i] != NULL; i++)
    g_ptr_array_add (la, jp_plan_ensure_leader (plan, l[i]));
  for (guint i = 0; u[i] != NULL; i++)
    g_ptr_array_add (ua, jp_plan_ensure_unit (plan, u[i]));
  jp_item_set_leaders (item, (JpLeader **) la->pdata, la->len);
  jp_item_set_units (item, (JpUnit **) ua->pdata, ua->len);
}

static void
add_entry (JpIndicator *indicator,
           const char  *date,
           double       value)
{
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (date, value);

  jp_indicator_add_progress (indicator, entry);
}

static void
add_update (JpItem     *item,
            const char *date,
            double      completion)
{
  g_autoptr(JpItemUpdate) update = jp_item_update_new (date);

  jp_item_update_set_has_completion (update, TRUE);
  jp_item_update_set_completion (update, completion);
  jp_item_update_set_note (update, "按计划推进");
  jp_item_add_update (item, update);
}

/* The 2023 plan with progress of our own as of AS_OF: a mix of statuses,
 * item 14 overdue (due 2023-05-31), a partner unit on item 17. */
static JpPlan *
build_plan_2023 (void)
{
  static const char * const orgs[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  static const double shares[] = { 1.0, 0.75, 0.5, 0.3, 0.15, -1, 1.2, 0.6, 0.45 };
  static const double completions[] = { 60, 30, 10, 100, 45, -1, 80 };
  JpPlan *plan = jp_plan_new ("2023年工作要点", 2023);
  JpSection *section = NULL;
  guint n_indicators = 0, n_plain = 0;

  jp_plan_set_organizations (plan, orgs);
  for (guint i = 0; i < G_N_ELEMENTS (items_2023); i++)
    {
      const TestItem *t = &items_2023[i];
      g_autoptr(JpItem) item = jp_item_new (t->number, t->title);
      gboolean has_indicators = FALSE;

      if (section == NULL || strcmp (jp_section_get_ordinal (section), t->ordinal) != 0)
        {
          g_autoptr(JpSection) s = jp_section_new (t->ordinal, t->section);

          jp_plan_append_section (plan, s);
          section = s;
        }
      jp_item_set_body (item, "持续推进各项工作。");
      jp_section_append_item (section, item);
      set_names (plan, item, t->leaders, t->units);
      if (t->number == 14)
        jp_item_set_due (item, "2023-05-31");
      if (t->number == 17)
        {
          JpUnit *partner = jp_plan_ensure_unit (plan, "督导室");

          jp_item_set_partner_units (item, &partner, 1);
        }

      for (guint k = 0; k < G_N_ELEMENTS (indicators_2023); k++)
        {
          const TestIndicator *ti = &indicators_2023[k];
          g_autoptr(JpIndicator) indicator = NULL;
          JpIndicatorKind kind;
          double share;

          if (ti->number != t->number)
            continue;
          g_assert_true (jp_indicator_kind_from_nick (ti->kind, &kind));
          indicator = jp_indicator_new (ti->text, kind, ti->target);
          jp_indicator_set_text (indicator, ti->text);
          jp_indicator_set_unit (indicator, ti->unit);
          if (ti->target_max >= 0)
            {
              jp_indicator_set_has_target_max (indicator, TRUE);
              jp_indicator_set_target_max (indicator, ti->target_max);
            }
          jp_item_append_indicator (item, indicator);
          share = shares[n_indicators++ % G_N_ELEMENTS (shares)];
          if (share >= 0)
            {
              add_entry (indicator, "2023-03-31", ti->target * share / 2);
              add_entry (indicator, "2023-06-30", ti->target * share);
            }
          has_indicators = TRUE;
        }

      if (!has_indicators)
        {
          double completion = completions[n_plain++ % G_N_ELEMENTS (completions)];

          if (completion >= 0)
            add_update (item, "2023-06-30", completion);
        }
    }
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 17);
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 36);
  return plan;
}

/* @n_items items in 6 sections, titles of 1 to 4 lines and several units,
 * so that table rows of many heights fall on page boundaries. */
static JpPlan *
build_generated_plan (guint n_items)
{
  static const char * const ordinals[] = { "一", "二", "三", "四", "五", "六" };
  static const char * const leaders[] = { "张学兵", "高学芳", "马学明", "崔茜", "王立新", "李红梅" };
  static const char * const units[] = {
    "教育党工委", "基教室", "教研室", "学前室", "督导室", "人事室", "信息中心",
    "各中小学校、幼儿园", "财务室", "办公室",
  };
  static const char * const phrases[] = {
    "推进基础教育优质均衡发展", "加强教师队伍建设和师德师风建设",
    "深化教育综合改革，激发办学活力", "提升学校安全管理和后勤保障水平",
  };
  JpPlan *plan = jp_plan_new ("2024年工作要点（生成）", 2024);
  guint per_section = (n_items + G_N_ELEMENTS (ordinals) - 1) / G_N_ELEMENTS (ordinals);

  for (guint s = 0; s < G_N_ELEMENTS (ordinals); s++)
    {
      g_autofree char *title = g_strdup_printf ("第%s部分：%s", ordinals[s], phrases[s % 4]);
      g_autoptr(JpSection) section = jp_section_new (ordinals[s], title);

      jp_plan_append_section (plan, section);
      for (guint k = 0; k < per_section && s * per_section + k < n_items; k++)
        {
          guint n = s * per_section + k + 1;
          g_autoptr(GString) item_title = g_string_new (NULL);
          g_autoptr(GString) item_leaders = g_string_new (leaders[n % G_N_ELEMENTS (leaders)]);
          g_autoptr(GString) item_units = g_string_new (NULL);
          g_autoptr(JpItem) item = NULL;

          g_string_append_printf (item_title, "事项%04u", n);
          for (guint r = 0; r <= (n * 7) % 5; r++)
            g_string_append (item_title, phrases[(n + r) % 4]);
          if (n % 3 == 0)
            g_string_append_printf (item_leaders, " %s", leaders[(n + 1) % G_N_ELEMENTS (leaders)]);
          for (guint u = 0; u <= n % 4; u++)
            g_string_append_printf (item_units, "%s%s", u > 0 ? " " : "",
                                    units[(n + u * 3) % G_N_ELEMENTS (units)]);

          item = jp_item_new ((int) n, item_title->str);
          jp_section_append_item (section, item);
          set_names (plan, item, item_leaders->str, item_units->str);

          for (guint i = 0; i < n % 4; i++)
            {
              g_autofree char *name = g_strdup_printf ("指标%04u-%u：%s达到目标", n, i + 1,
                                                       phrases[(n + i) % 4]);
              g_autoptr(JpIndicator) indicator =
                jp_indicator_new (name, JP_INDICATOR_KIND_AT_LEAST, 10 + (n + i) % 90);

              jp_indicator_set_unit (indicator, i == 0 ? "%" : "所");
              jp_item_append_indicator (item, indicator);
              if ((n + i) % 5 != 0)
                add_entry (indicator, "2024-06-30", (double) ((n * 13 + i * 7) % 100));
            }
          if (n % 4 == 0)
            add_update (item, "2024-06-30", (double) ((n * 17) % 101));
        }
    }
  return plan;
}

/* Which items a report shows. */
static gboolean
item_in_report (JpItem       *item,
                JpReportKind  kind,
                const char   *name)
{
  JpPlan *plan = jp_section_get_plan (jp_item_get_section (item));

  switch (kind)
    {
    case JP_REPORT_LEADER:
      return jp_item_has_leader (item, jp_plan_find_leader (plan, name));
    case JP_REPORT_UNIT:
      return jp_item_has_unit (item, jp_plan_find_unit (plan, name)) ||
             jp_item_has_partner_unit (item, jp_plan_find_unit (plan, name));
    case JP_REPORT_SUMMARY:
    default:
      return TRUE;
    }
}

static void
assert_names_in (GListModel *list,
                 const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      const char *name = JP_IS_LEADER (object) ? jp_leader_get_name (JP_LEADER (object)) :
                                                 jp_unit_get_name (JP_UNIT (object));
      g_autofree char *squeezed = squeeze (name);

      if (strstr (text, squeezed) == NULL)
        g_error ("“%s” missing from the report", name);
    }
}

/* Exports the report, checks it against the plan; returns the layout. */
static JpReportLayout *
export_and_check (JpPlan       *plan,
                  JpReportKind  kind,
                  const char   *name,
                  const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autofree char *text = NULL;
  guint n_in = 0;

  layout = jp_report_build (plan, kind, name, AS_OF, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  jp_report_write_pdf (plan, kind, name, AS_OF, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The page count is the one the layout computed. */
  g_assert_cmpuint (pdf_n_pages (path), ==, jp_report_layout_get_n_pages (layout));
  assert_fonts (path);

  text = pdf_text (path, 0);
  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = squeeze (jp_item_get_title (item));

      if (item_in_report (item, kind, name))
        {
          if (strstr (text, title) == NULL)
            g_error ("item %d “%s” missing from %s", jp_item_get_number (item),
                     jp_item_get_title (item), path);
          assert_names_in (jp_item_get_leaders (item), text);
          assert_names_in (jp_item_get_units (item), text);
          assert_names_in (jp_item_get_partner_units (item), text);
          n_in++;
        }
      else if (strstr (text, title) != NULL)
        {
          g_error ("item %d “%s” should not be in %s", jp_item_get_number (item),
                   jp_item_get_title (item), path);
        }
    }
  g_assert_cmpuint (n_in, >, 0);

  assert_rows_whole (layout, path);
  return g_steal_pointer (&layout);
}

/* Progress of our own on every indicator and on items without any. */
static void
add_progress (JpPlan *plan)
{
  static const double shares[] = { 1.0, 0.75, 0.5, 0.3, 0.15, -1, 1.2, 0.6, 0.45 };
  static const double completions[] = { 60, 30, 10, 100, 45, -1, 80 };
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint n = 0, m = 0;

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      guint n_indicators = g_list_model_get_n_items (indicators);

      for (guint k = 0; k < n_indicators; k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);
          double share = shares[n++ % G_N_ELEMENTS (shares)];

          if (share >= 0)
            add_entry (indicator, "2023-06-30", jp_indicator_get_target (indicator) * share);
        }
      if (n_indicators == 0)
        {
          double completion = completions[m++ % G_N_ELEMENTS (completions)];

          if (completion >= 0)
            add_update (item, "2023-06-30", completion);
        }
    }
}

/* Item updates, the attention table, the bulletin */

/* The plan as the document importer reads tests/data/jinfeng-2023.txt. */
static JpPlan *
import_2023 (void)
{
  g_autofree char *source = g_build_filename (JP_TEST_DATADIR, "jinfeng-2023.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_document_import_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 17);
  return plan;
}

/* An update of @item with its three texts (NULL: empty). */
static void
add_full_update (JpItem     *item,
                 const char *date,
                 const char *note,
                 const char *problems,
                 const char *next_steps,
                 const char *author)
{
  g_autoptr(JpItemUpdate) update = jp_item_update_new (date);

  jp_item_update_set_note (update, note);
  jp_item_update_set_problems (update, problems);
  jp_item_update_set_next_steps (update, next_steps);
  jp_item_update_set_author (update, author);
  jp_item_add_update (item, update);
}

/* The 2023 plan with, on items 5 (behind), 7 and 9 (which have
 * indicators, and so no update of build_plan_2023()), an old update, the latest one
 * on or before AS_OF and one after it. */
static JpPlan *
build_plan_with_updates (void)
{
  static const int numbers[] = { 5, 7, 9 };
  JpPlan *plan = build_plan_2023 ();

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      JpItem *item = jp_plan_find_item_by_number (plan, numbers[i]);
      g_autofree char *old = g_strdup_printf ("旧问题%d：场地不足", numbers[i]);
      g_autofree char *latest = g_strdup_printf ("最新问题%d：经费拨付滞后", numbers[i]);
      g_autofree char *note = g_strdup_printf ("最新进展%d：已完成阶段任务", numbers[i]);
      g_autofree char *next = g_strdup_printf ("下步%d：组织专项督导", numbers[i]);
      g_autofree char *later = g_strdup_printf ("以后的问题%d", numbers[i]);

      add_full_update (item, "2023-03-20", "一季度进展", old, NULL, "王晓明");
      add_full_update (item, "2023-06-25", note, latest, i == 1 ? NULL : next, "李红");
      add_full_update (item, "2023-09-20", "三季度进展", later, NULL, "李红");
    }
  return plan;
}

static char *
build_and_read (JpPlan                *plan,
                JpReportKind           kind,
                const char            *as_of,
                const JpReportOptions *options,
                const char            *path,
                JpReportLayout       **layout_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpReportLayout) layout = NULL;

  layout = jp_report_build_full (plan, kind, NULL, as_of, options, NULL, &error);
  g_assert_no_error (error);
  jp_report_layout_write_pdf (layout, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_n_pages (path), ==, jp_report_layout_get_n_pages (layout));
  if (layout_out != NULL)
    *layout_out = g_steal_pointer (&layout);
  return pdf_text (path, 0);
}

static gboolean
text_has (const char *text,
          const char *wanted)
{
  g_autofree char *squeezed = squeeze (wanted);

  return strstr (text, squeezed) != NULL;
}

static void
test_updates (void)
{
  static const int numbers[] = { 5, 7, 9 };
  g_autoptr(JpPlan) plan = build_plan_with_updates ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *latest_path = g_build_filename (dir, "latest.pdf", NULL);
  g_autofree char *all_path = g_build_filename (dir, "all.pdf", NULL);
  JpReportOptions all = { JP_REPORT_UPDATES_ALL };
  g_autofree char *latest_text = build_and_read (plan, JP_REPORT_SUMMARY, AS_OF, NULL, latest_path, NULL);
  g_autofree char *all_text = build_and_read (plan, JP_REPORT_SUMMARY, AS_OF, &all, all_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *old = g_strdup_printf ("旧问题%d：场地不足", numbers[i]);
      g_autofree char *latest = g_strdup_printf ("最新问题%d：经费拨付滞后", numbers[i]);
      g_autofree char *note = g_strdup_printf ("最新进展%d：已完成阶段任务", numbers[i]);
      g_autofree char *next = g_strdup_printf ("下步%d：组织专项督导", numbers[i]);
      g_autofree char *later = g_strdup_printf ("以后的问题%d", numbers[i]);
      g_autofree char *problems_line = g_strdup_printf (C_("report", "Problems: %s"), latest);
      g_autofree char *note_line = g_strdup_printf (C_("report", "Progress made: %s"), note);
      g_autofree char *next_line = g_strdup_printf (C_("report", "Next steps: %s"), next);
      g_autofree char *date = jp_date_format_display ("2023-06-25");
      g_autofree char *who = g_strdup_printf (C_("report", "Reported on %s by %s"), date, "李红");

      /* The latest update as of the date, each field with its label, who
       * and when; not the older one, not the one after the date. */
      g_assert_true (text_has (latest_text, problems_line));
      g_assert_true (text_has (latest_text, note_line));
      g_assert_true (text_has (latest_text, who));
      g_assert_cmpint (text_has (latest_text, next_line), ==, i != 1);
      g_assert_false (text_has (latest_text, old));
      g_assert_false (text_has (latest_text, later));

      /* All the updates of the period: the older one too. */
      g_assert_true (text_has (all_text, latest));
      g_assert_true (text_has (all_text, old));
      g_assert_false (text_has (all_text, later));
      /* Newest first. */
      g_assert_cmpint (strstr (all_text, latest) - all_text, <, strstr (all_text, old) - all_text);
    }
  /* An empty field leaves no label behind: item 7 has no next steps. */
  g_assert_false (text_has (latest_text, "下步7"));
  remove_dir (dir);
}

static int
find_column (JpReportTable *table,
             const char    *title)
{
  for (guint c = 0; c < jp_report_table_get_n_columns (table); c++)
    if (g_strcmp0 (jp_report_table_get_column_title (table, c), title) == 0)
      return (int) c;
  return -1;
}

static void
test_attention_table (void)
{
  g_autoptr(JpPlan) plan = build_plan_with_updates ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autofree char *text = build_and_read (plan, JP_REPORT_SUMMARY, AS_OF, NULL, path, &layout);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) attention = jp_items_dup_attention (items, AS_OF);
  JpReportTable *last = jp_report_layout_get_table (layout, jp_report_layout_get_n_tables (layout) - 1);
  int expected_column = find_column (last, C_("report", "Expected"));
  int progress_column = find_column (last, C_("report", "Progress"));
  int gap_column = find_column (last, C_("report", "Gap"));
  int status_column = find_column (last, C_("report", "Status"));
  int problems_column = find_column (last, C_("report", "Problems"));
  gboolean problems_seen = FALSE;

  g_assert_cmpint (expected_column, >, 0);
  g_assert_cmpint (gap_column, >, 0);
  g_assert_cmpint (status_column, >, 0);
  g_assert_cmpint (problems_column, >, 0);
  g_assert_cmpuint (attention->len, >, 3);
  g_assert_cmpuint (jp_report_table_get_n_rows (last), ==, attention->len);
  for (guint i = 0; i < attention->len; i++)
    {
      JpItem *item = g_ptr_array_index (attention, i);
      g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (item));
      g_autofree char *expected = NULL;
      const char *status_cell = jp_report_table_get_cell_text (last, i, status_column);
      const char *problems = jp_report_table_get_cell_text (last, i, problems_column);
      JpProgress p;

      jp_item_evaluate (item, AS_OF, &p);
      expected = jp_format_percent (p.expected);
      g_assert_cmpstr (jp_report_table_get_cell_text (last, i, 0), ==, number);
      g_assert_cmpstr (jp_report_table_get_cell_text (last, i, expected_column), ==, expected);
      g_assert_nonnull (strstr (status_cell, jp_status_get_label (p.status)));
      /* The gap is the difference of the two figures shown. */
      if (p.started && p.expected > p.p)
        {
          double e = g_ascii_strtod (jp_report_table_get_cell_text (last, i, expected_column), NULL);
          double a = g_ascii_strtod (jp_report_table_get_cell_text (last, i, progress_column), NULL);
          double gap = g_ascii_strtod (jp_report_table_get_cell_text (last, i, gap_column), NULL);

          g_assert_cmpfloat_with_epsilon (gap, e - a, 0.001);
        }
      /* 存在问题 of the latest update as of the date. */
      if (jp_item_get_number (item) == 5 || jp_item_get_number (item) == 7 ||
          jp_item_get_number (item) == 9)
        {
          g_autofree char *latest = g_strdup_printf ("最新问题%d：经费拨付滞后", jp_item_get_number (item));

          g_assert_cmpstr (problems, ==, latest);
          problems_seen = TRUE;
        }
      else
        {
          g_assert_cmpstr (problems, ==, "—");
        }
    }
  g_assert_true (problems_seen);
  g_assert_true (text_has (text, C_("report", "Items that need attention")));
  g_assert_false (text_has (text, C_("report", "No item needs attention.")));
  remove_dir (dir);
}

static void
test_bulletin (void)
{
  static const JpStatus order[] = {
    JP_STATUS_OVERDUE, JP_STATUS_NO_REPORT, JP_STATUS_BEHIND, JP_STATUS_AT_RISK,
    JP_STATUS_ON_TRACK, JP_STATUS_NOT_STARTED, JP_STATUS_DONE,
  };
  g_autoptr(JpPlan) plan = build_plan_with_updates ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bulletin.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autofree char *text = build_and_read (plan, JP_REPORT_BULLETIN, AS_OF, NULL, path, &layout);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = g_strdup_printf (C_("report", "%s: supervision bulletin"), "2023年工作要点");
  guint counts[JP_N_STATUSES];
  guint table = 1; /* after the count of each status */
  guint n_groups = 0;
  const char *previous = text;

  g_assert_true (text_has (text, title));
  jp_items_count_statuses (items, AS_OF, counts);
  for (guint g = 0; g < G_N_ELEMENTS (order); g++)
    {
      g_autofree char *heading = NULL;
      g_autofree char *squeezed = NULL;
      JpReportTable *group;
      const char *at;

      if (counts[order[g]] == 0)
        continue;
      n_groups++;
      /* Its heading with its count, after the previous group's. */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u item)", "%s (%u items)",
                                              counts[order[g]]),
                                 jp_status_get_label (order[g]), counts[order[g]]);
      squeezed = squeeze (heading);
      at = strstr (previous, squeezed);
      if (at == NULL)
        g_error ("group “%s” missing or out of order", heading);
      previous = at + strlen (squeezed);

      /* Its table: its items, each of that status, with its gap. */
      group = jp_report_layout_get_table (layout, table++);
      g_assert_cmpuint (jp_report_table_get_n_rows (group), ==, counts[order[g]]);
      g_assert_cmpint (find_column (group, C_("report", "Units")), >, 0);
      g_assert_cmpint (find_column (group, C_("report", "Leaders")), >, 0);
      g_assert_cmpint (find_column (group, C_("report", "Gap")), >, 0);
      for (guint r = 0; r < jp_report_table_get_n_rows (group); r++)
        {
          const char *number = jp_report_table_get_cell_text (group, r, 0);
          JpItem *item = jp_plan_find_item_by_number (plan, atoi (number));
          int problems_column = find_column (group, C_("report", "Problems"));
          JpProgress p;

          jp_item_evaluate (item, AS_OF, &p);
          g_assert_cmpint (p.status, ==, order[g]);
          g_assert_true (g_hash_table_add (seen, (gpointer) number));
          if (atoi (number) == 7)
            g_assert_cmpstr (jp_report_table_get_cell_text (group, r, problems_column), ==,
                             "最新问题7：经费拨付滞后");
        }
    }
  g_assert_cmpuint (n_groups, >=, 4);
  g_assert_cmpuint (table, ==, jp_report_layout_get_n_tables (layout));
  /* Every item once. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 17);
  remove_dir (dir);
}

/* Nothing recorded in the 2023 plan: at its end every item is overdue;
 * page 1 and the final list say so, and no sentence says otherwise. */
static void
test_no_contradiction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = import_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "end.pdf", NULL);
  g_autofree char *leader_path = g_build_filename (dir, "leader.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *sentence = NULL;
  JpReportTable *overview;
  JpReportTable *last;

  text = build_and_read (plan, JP_REPORT_SUMMARY, "2023-12-31", NULL, path, &layout);
  first = pdf_text (path, 1);

  /* Page 1: overdue overall, and all 17 need attention. */
  overview = jp_report_layout_get_table (layout, 0);
  g_assert_nonnull (strstr (jp_report_table_get_cell_text (overview, 0,
                                                           find_column (overview, C_("report", "Status"))),
                            jp_status_get_label (JP_STATUS_OVERDUE)));
  sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u work items needs attention.",
                                           "%u of %u work items need attention.", 17), 17, 17);
  g_assert_true (text_has (first, sentence));
  /* The final list: all 17, overdue; never the empty-list sentence. */
  last = jp_report_layout_get_table (layout, jp_report_layout_get_n_tables (layout) - 1);
  g_assert_cmpuint (jp_report_table_get_n_rows (last), ==, 17);
  for (guint r = 0; r < 17; r++)
    g_assert_nonnull (strstr (jp_report_table_get_cell_text (last, r, find_column (last, C_("report", "Status"))),
                              jp_status_get_label (JP_STATUS_OVERDUE)));
  g_assert_false (text_has (text, C_("report", "No item needs attention.")));
  g_clear_object (&layout);

  /* A leader's report: the headline of the leader's items, not the plan's. */
  {
    g_autoptr(JpPlan) progress_plan = build_plan_2023 ();
    g_autoptr(GPtrArray) all = jp_plan_dup_items (progress_plan);
    g_autoptr(GPtrArray) mine = g_ptr_array_new ();
    JpLeader *leader = jp_plan_find_leader (progress_plan, "崔茜");
    g_autofree char *mine_progress = NULL;
    g_autofree char *mine_expected = NULL;
    g_autofree char *plan_progress = NULL;
    JpProgress p_mine, p_plan;

    for (guint i = 0; i < all->len; i++)
      if (jp_item_has_leader (g_ptr_array_index (all, i), leader))
        g_ptr_array_add (mine, g_ptr_array_index (all, i));
    jp_items_evaluate (progress_plan, mine, AS_OF, &p_mine);
    jp_plan_evaluate (progress_plan, AS_OF, &p_plan);
    mine_progress = jp_format_percent (p_mine.p);
    mine_expected = jp_format_percent (p_mine.expected);
    plan_progress = jp_format_percent (p_plan.p);
    g_assert_cmpstr (mine_progress, !=, plan_progress);

    layout = jp_report_build (progress_plan, JP_REPORT_LEADER, "崔茜", AS_OF, NULL, &error);
    g_assert_no_error (error);
    overview = jp_report_layout_get_table (layout, 0);
    g_assert_cmpstr (jp_report_table_get_cell_text (overview, 0,
                                                    find_column (overview, C_("report", "Overall progress"))),
                     ==, mine_progress);
    g_assert_cmpstr (jp_report_table_get_cell_text (overview, 0,
                                                    find_column (overview, C_("report", "Expected"))),
                     ==, mine_expected);
    g_assert_nonnull (strstr (jp_report_table_get_cell_text (overview, 0,
                                                             find_column (overview, C_("report", "Status"))),
                              jp_status_get_label (p_mine.status)));
  }

  /* Everything done: the empty-list sentence, and no attention table. */
  {
    g_autoptr(JpPlan) done = import_2023 ();
    g_autoptr(GPtrArray) all = jp_plan_dup_items (done);
    g_autoptr(JpReportLayout) done_layout = NULL;
    g_autofree char *done_text = NULL;
    g_autofree char *none = squeeze (C_("report", "No item needs attention."));
    const char *at;

    for (guint i = 0; i < all->len; i++)
      {
        JpItem *item = g_ptr_array_index (all, i);
        GListModel *indicators = jp_item_get_indicators (item);

        for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
          {
            g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);

            add_entry (indicator, "2023-06-30",
                       jp_indicator_get_kind (indicator) == JP_INDICATOR_KIND_MILESTONE ?
                       1 : jp_indicator_get_target (indicator));
          }
        if (g_list_model_get_n_items (indicators) == 0)
          add_update (item, "2023-06-30", 100);
      }
    done_text = build_and_read (done, JP_REPORT_SUMMARY, "2023-12-31", NULL, leader_path, &done_layout);
    /* Twice: on page 1 and as the final list. */
    at = strstr (done_text, none);
    g_assert_nonnull (at);
    g_assert_nonnull (strstr (at + strlen (none), none));
    last = jp_report_layout_get_table (done_layout, jp_report_layout_get_n_tables (done_layout) - 1);
    g_assert_cmpint (find_column (last, C_("report", "Gap")), <, 0);
  }
  remove_dir (dir);
}

/* Tests */

static void
test_parse_spec (void)
{
  static const struct {
    const char   *spec;
    gboolean      ok;
    JpReportKind  kind;
    const char   *name;
    int           code;
  } cases[] = {
    { "summary", TRUE, JP_REPORT_SUMMARY, NULL, 0 },
    { "leader:张学兵", TRUE, JP_REPORT_LEADER, "张学兵", 0 },
    { "unit:各中小学校、幼儿园", TRUE, JP_REPORT_UNIT, "各中小学校、幼儿园", 0 },
    { "leader: 崔茜 ", TRUE, JP_REPORT_LEADER, "崔茜", 0 },
    { "unit:a:b", TRUE, JP_REPORT_UNIT, "a:b", 0 },
    { "leader:", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "unit:  ", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "Summary", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "section:一", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "leader", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
    { "bulletin", TRUE, JP_REPORT_BULLETIN, NULL, 0 },
    { "bulletin:x", FALSE, 0, NULL, JP_REPORT_ERROR_UNKNOWN_KIND },
  };
  JpReportUpdates updates = 99;
  g_autoptr(GError) updates_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      JpReportKind kind = 99;
      gboolean ok = jp_report_parse_spec (cases[i].spec, &kind, &name, &error);

      g_test_message ("spec “%s”", cases[i].spec);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (kind, ==, cases[i].kind);
          g_assert_cmpstr (name, ==, cases[i].name);
        }
      else
        {
          g_assert_error (error, JP_REPORT_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_null (name);
        }
    }

  /* --report-updates */
  g_assert_true (jp_report_updates_from_string ("all", &updates, NULL));
  g_assert_cmpint (updates, ==, JP_REPORT_UPDATES_ALL);
  g_assert_true (jp_report_updates_from_string ("latest", &updates, NULL));
  g_assert_cmpint (updates, ==, JP_REPORT_UPDATES_LATEST);
  g_assert_false (jp_report_updates_from_string ("newest", &updates, &updates_error));
  g_assert_error (updates_error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_KIND);
}

static void
test_layout_pagination (void)
{
  static const JpReportColumn columns[] = {
    { "No.", 30, 0, PANGO_ALIGN_RIGHT, TRUE },
    { "Text", 0, 2, PANGO_ALIGN_LEFT, FALSE },
    { "More", 0, 1, PANGO_ALIGN_LEFT, FALSE },
  };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "layout.pdf", NULL);
  g_autoptr(JpReportLayout) layout = jp_report_layout_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *all = NULL;
  g_autofree char *squeezed_paragraph = NULL;
  JpReportTable *table;
  guint n_pages, pages_with_rows = 0, last_page = G_MAXUINT;

  jp_report_layout_set_title (layout, "版式测试");
  jp_report_layout_set_header (layout, "页眉左", "页眉右");
  jp_report_layout_set_footer (layout, "页脚", "Page %d of %d");
  jp_report_layout_add_text (layout, JP_REPORT_TEXT_TITLE, PANGO_ALIGN_CENTER, "版式测试");
  jp_report_layout_add_text (layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT, "一、表格");

  table = jp_report_layout_add_table (layout, columns, G_N_ELEMENTS (columns));
  for (guint r = 0; r < 260; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r + 1);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *more = g_strdup_printf ("备注%03u", r + 1);

      g_string_append_printf (text, "第%03u行", r + 1);
      for (guint k = 0; k < (r * 7) % 11; k++)
        g_string_append (text, "行文字换行测试");
      jp_report_table_add_row (table, (const char *[]) { number, text->str, more });
    }

  /* A paragraph longer than a page splits between lines. */
  for (guint k = 0; k < 160; k++)
    g_string_append_printf (paragraph, "第%u句段落文字跨页测试。", k + 1);
  jp_report_layout_add_text (layout, JP_REPORT_TEXT_HEADING, PANGO_ALIGN_LEFT, "二、段落");
  jp_report_layout_add_text (layout, JP_REPORT_TEXT_BODY, PANGO_ALIGN_LEFT, paragraph->str);

  n_pages = jp_report_layout_paginate (layout);
  g_assert_cmpuint (n_pages, >=, 6);
  jp_report_layout_write_pdf (layout, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_n_pages (path), ==, n_pages);
  {
    g_autofree char *title = pdf_info_field (path, "Title");

    g_assert_cmpstr (title, ==, "版式测试");
  }
  assert_fonts (path);
  assert_rows_whole (layout, path);

  for (guint r = 0; r < jp_report_table_get_n_rows (table); r++)
    if (jp_report_table_get_row_page (table, r) != last_page)
      {
        last_page = jp_report_table_get_row_page (table, r);
        pages_with_rows++;
      }
  g_assert_cmpuint (pages_with_rows, >=, 4);

  /* The paragraph is whole across its pages, and in order. */
  all = pdf_text (path, 0);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page%uof%u", p, n_pages);
      const char *heads[] = { "页眉左", "页眉右", "页脚", number };

      for (guint k = 0; k < G_N_ELEMENTS (heads); k++)
        {
          g_auto(GStrv) parts = g_strsplit (all, heads[k], -1);

          g_free (all);
          all = g_strjoinv ("", parts);
        }
    }
  squeezed_paragraph = squeeze (paragraph->str);
  g_assert_nonnull (strstr (all, squeezed_paragraph));

  /* Running heads and the page number on every page. */
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (path, p);
      g_autofree char *number = g_strdup_printf ("Page%uof%u", p, n_pages);

      g_assert_nonnull (strstr (text, "页眉左"));
      g_assert_nonnull (strstr (text, "页眉右"));
      g_assert_nonnull (strstr (text, "页脚"));
      g_assert_nonnull (strstr (text, number));
    }

  remove_dir (dir);
}

static void
test_summary (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(JpReportLayout) layout = export_and_check (plan, JP_REPORT_SUMMARY, NULL, path);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  g_autoptr(GPtrArray) flagged = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = pdf_info_field (path, "Title");
  g_autofree char *creator = pdf_info_field (path, "Creator");
  g_autofree char *text = pdf_text (path, 0);
  JpReportTable *last;
  guint n_tables;

  g_assert_true (g_str_has_prefix (title, "2023年工作要点"));
  g_assert_true (g_str_has_prefix (creator, "jinfeng-plan"));
  g_assert_nonnull (strstr (text, "金凤区教育党工委"));
  g_assert_nonnull (strstr (text, "坚持党建引领、凝心聚魂，夯实教育系统党建基础"));

  /* Every indicator has its row. */
  for (guint i = 0; i < G_N_ELEMENTS (indicators_2023); i++)
    {
      g_autofree char *name = squeeze (indicators_2023[i].text);

      g_assert_nonnull (strstr (text, name));
    }

  /* The final list holds exactly the items that need attention, in the
   * model's order (most severe, then furthest behind, first). */
  g_ptr_array_extend_and_steal (flagged, jp_items_dup_attention (items, AS_OF));
  for (guint i = 0; i < items->len; i++)
    {
      JpProgress p;

      jp_item_evaluate (g_ptr_array_index (items, i), AS_OF, &p);
      g_assert_cmpint (jp_status_needs_attention (p.status), ==,
                       g_ptr_array_find (flagged, g_ptr_array_index (items, i), NULL));
    }
  g_assert_cmpuint (flagged->len, >, 0);
  n_tables = jp_report_layout_get_n_tables (layout);
  last = jp_report_layout_get_table (layout, n_tables - 1);
  g_assert_cmpuint (jp_report_table_get_n_rows (last), ==, flagged->len);
  for (guint i = 0; i < flagged->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", jp_item_get_number (g_ptr_array_index (flagged, i)));

      g_assert_cmpstr (jp_report_table_get_cell_text (last, i, 0), ==, number);
    }
  /* Item 14 was due 2023-05-31. */
  {
    JpProgress p;

    jp_item_evaluate (jp_plan_find_item_by_number (plan, 14), AS_OF, &p);
    g_assert_cmpint (p.status, ==, JP_STATUS_OVERDUE);
  }

  remove_dir (dir);
}

static void
test_leader (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  GListModel *leaders = jp_plan_get_leaders (plan);

  g_assert_cmpuint (g_list_model_get_n_items (leaders), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
    {
      g_autoptr(JpLeader) leader = g_list_model_get_item (leaders, i);
      g_autofree char *path = g_strdup_printf ("%s/leader-%u.pdf", dir, i);
      g_autoptr(JpReportLayout) layout =
        export_and_check (plan, JP_REPORT_LEADER, jp_leader_get_name (leader), path);
      g_autofree char *text = pdf_text (path, 1);

      g_assert_nonnull (layout);
      g_assert_nonnull (strstr (text, jp_leader_get_name (leader)));
    }
  remove_dir (dir);
}

static void
test_unit (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "unit.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  gboolean partner_seen = FALSE, lead_seen = FALSE;

  /* 督导室 leads items 8, 9, 13 and is a partner of item 17. */
  layout = export_and_check (plan, JP_REPORT_UNIT, "督导室", path);
  for (guint t = 0; t < jp_report_layout_get_n_tables (layout); t++)
    {
      JpReportTable *table = jp_report_layout_get_table (layout, t);

      if (jp_report_table_get_n_columns (table) != 8 ||
          g_strcmp0 (jp_report_table_get_column_title (table, 2), C_("report", "Role")) != 0)
        continue;
      for (guint r = 0; r < jp_report_table_get_n_rows (table); r++)
        {
          const char *number = jp_report_table_get_cell_text (table, r, 0);
          const char *role = jp_report_table_get_cell_text (table, r, 2);

          if (strcmp (number, "17") == 0)
            {
              g_assert_cmpstr (role, ==, C_("report", "Partner"));
              partner_seen = TRUE;
            }
          else
            {
              g_assert_cmpstr (role, ==, C_("report", "Lead"));
              lead_seen = TRUE;
            }
        }
    }
  g_assert_true (partner_seen);
  g_assert_true (lead_seen);
  g_clear_object (&layout);

  /* Every unit of the plan has its report. */
  for (guint i = 0; i < g_list_model_get_n_items (jp_plan_get_units (plan)); i++)
    {
      g_autoptr(JpUnit) unit = g_list_model_get_item (jp_plan_get_units (plan), i);
      g_autoptr(GError) error = NULL;
      g_autofree char *unit_path = g_strdup_printf ("%s/unit-%u.pdf", dir, i);

      g_assert_true (jp_report_write_pdf (plan, JP_REPORT_UNIT, jp_unit_get_name (unit), AS_OF,
                                          unit_path, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pdf_n_pages (unit_path), >=, 1);
    }
  remove_dir (dir);
}

static void
test_unknown_name (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "leader.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *leaders = jp_plan_get_leaders (plan);

  g_assert_false (jp_report_write_pdf (plan, JP_REPORT_LEADER, "王五", AS_OF, path, NULL, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_assert_nonnull (strstr (error->message, "王五"));
  for (guint i = 0; i < g_list_model_get_n_items (leaders); i++)
    {
      g_autoptr(JpLeader) leader = g_list_model_get_item (leaders, i);

      g_assert_nonnull (strstr (error->message, jp_leader_get_name (leader)));
    }
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  g_clear_error (&error);

  g_assert_false (jp_report_write_pdf (plan, JP_REPORT_UNIT, "不存在的单位", AS_OF, path, NULL,
                                       &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_UNKNOWN_NAME);
  g_assert_nonnull (strstr (error->message, "各中小学校、幼儿园"));
  /* Ten units, then how many more (a plan may have thousands). */
  {
    guint n_units = g_list_model_get_n_items (jp_plan_get_units (plan));
    g_autofree char *more = g_strdup_printf (" and %u more", n_units - JP_LIST_MAX);

    g_assert_cmpuint (n_units, >, JP_LIST_MAX);
    g_assert_true (g_str_has_suffix (error->message, more));
    g_assert_null (strstr (error->message, "信息中心"));
  }
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  g_clear_error (&error);

  /* A stray space inside a name is the same person. */
  g_assert_true (jp_report_write_pdf (plan, JP_REPORT_LEADER, "崔 茜", AS_OF, path, NULL, &error));
  g_assert_no_error (error);

  remove_dir (dir);
}

static void
cancel_after_first_page (guint    page,
                         guint    n_pages,
                         gpointer user_data)
{
  if (page == 1)
    g_cancellable_cancel (user_data);
}

static void
test_failures_leave_nothing (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  /* A folder that does not exist. */
  g_assert_false (jp_report_write_pdf (plan, JP_REPORT_SUMMARY, NULL, AS_OF, missing, NULL, &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_WRITE);
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  g_clear_error (&error);

  /* Cancelled before, and between pages: an existing file is untouched and
   * no temporary file is left. */
  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (jp_report_write_pdf (plan, JP_REPORT_SUMMARY, NULL, AS_OF, path, cancellable,
                                       &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (jp_report_write_pdf_full (plan, JP_REPORT_SUMMARY, NULL, AS_OF, NULL, path,
                                            cancel_after_first_page, cancellable, cancellable,
                                            &error));
  g_assert_error (error, JP_REPORT_ERROR, JP_REPORT_ERROR_CANCELLED);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
  g_clear_error (&error);

  /* And a good export replaces it. */
  g_assert_true (jp_report_write_pdf (plan, JP_REPORT_SUMMARY, NULL, AS_OF, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  remove_dir (dir);
}

static void
test_generated_pagination (void)
{
  g_autoptr(JpPlan) plan = build_generated_plan (150);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "generated.pdf", NULL);
  g_autoptr(JpReportLayout) layout = export_and_check (plan, JP_REPORT_SUMMARY, NULL, path);
  guint n_moved = 0;

  g_assert_cmpuint (jp_report_layout_get_n_pages (layout), >=, 10);
  /* Rows did fall on page boundaries (and moved whole to the next page). */
  for (guint t = 0; t < jp_report_layout_get_n_tables (layout); t++)
    {
      JpReportTable *table = jp_report_layout_get_table (layout, t);

      for (guint r = 1; r < jp_report_table_get_n_rows (table); r++)
        if (jp_report_table_get_row_page (table, r) != jp_report_table_get_row_page (table, r - 1))
          n_moved++;
    }
  g_assert_cmpuint (n_moved, >=, 3);
  remove_dir (dir);
}

/* An empty plan still makes a (one-page) report; text that looks like
 * markup is printed as written. */
static void
test_empty_and_markup (void)
{
  g_autoptr(JpPlan) empty = jp_plan_new ("空计划", 2023);
  g_autoptr(JpPlan) plan = jp_plan_new ("<b>计划</b> & 要点", 2023);
  g_autoptr(JpSection) section = jp_section_new ("一", "A < B & C");
  g_autoptr(JpItem) item = jp_item_new (1, "<i>不是斜体</i> &amp; 事项");
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("比例 <50%> & more", JP_INDICATOR_KIND_AT_MOST, 5);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *markup_path = g_build_filename (dir, "markup.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpReportLayout) layout = NULL;
  g_autofree char *text = NULL;

  g_assert_true (jp_report_write_pdf (empty, JP_REPORT_SUMMARY, NULL, AS_OF, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_n_pages (path), ==, 1);

  jp_plan_append_section (plan, section);
  jp_section_append_item (section, item);
  set_names (plan, item, "张&三", "<单位>");
  jp_indicator_set_unit (indicator, "%");
  jp_item_append_indicator (item, indicator);
  add_entry (indicator, "2023-06-30", 7);
  layout = export_and_check (plan, JP_REPORT_LEADER, "张&三", markup_path);
  text = pdf_text (markup_path, 0);
  g_assert_nonnull (strstr (text, "<b>计划</b>&要点"));
  g_assert_nonnull (strstr (text, "A<B&C"));
  g_assert_nonnull (strstr (text, "比例<50%>&more"));
  remove_dir (dir);
}

/* The plan as the document importer reads tests/data/jinfeng-2023.txt:
 * the three kinds of report of it. */
static void
test_imported_2023 (void)
{
  g_autoptr(JpPlan) plan = import_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *summary = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *leader = g_build_filename (dir, "leader.pdf", NULL);
  g_autofree char *unit = g_build_filename (dir, "unit.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;

  add_progress (plan);

  layout = export_and_check (plan, JP_REPORT_SUMMARY, NULL, summary);
  g_clear_object (&layout);
  layout = export_and_check (plan, JP_REPORT_LEADER, "崔茜", leader);
  g_clear_object (&layout);
  layout = export_and_check (plan, JP_REPORT_UNIT, "各中小学校、幼儿园", unit);
  remove_dir (dir);
}

typedef struct
{
  JpPlan  *plan;
  char    *path;
  GError  *error;
} ThreadData;

static gpointer
export_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  jp_report_write_pdf (data->plan, JP_REPORT_UNIT, "教研室", AS_OF, data->path, NULL,
                       &data->error);
  return NULL;
}

static void
test_thread (void)
{
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "thread.pdf", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  ThreadData data = { plan, path, NULL };
  GThread *thread = g_thread_new ("export", export_thread, &data);

  g_thread_join (thread);
  g_assert_no_error (data.error);
  layout = jp_report_build (plan, JP_REPORT_UNIT, "教研室", AS_OF, NULL, NULL);
  g_assert_cmpuint (pdf_n_pages (path), ==, jp_report_layout_get_n_pages (layout));
  assert_fonts (path);
  remove_dir (dir);
}

/* The zh_CN catalogue from the build tree: the column headings and the
 * footer as the bureau reads them. */
static void
test_chinese (void)
{
  static const char * const words[] = {
    "序号", "工作要点", "责任领导", "责任单位", "进度", "状态",
    "指标", "目标", "当前", "完成率",
  };
  g_autoptr(JpPlan) plan = build_plan_2023 ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(JpReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *footer_first = NULL;
  g_autofree char *footer_last = NULL;
  guint n_pages;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built", mo);

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (C_("report", "No."), ==, "序号");

  layout = jp_report_build (plan, JP_REPORT_SUMMARY, NULL, AS_OF, NULL, &error);
  g_assert_no_error (error);
  jp_report_layout_write_pdf (layout, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unsetenv ("LANGUAGE");

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, ==, jp_report_layout_get_n_pages (layout));
  first = pdf_text (path, 1);
  last = pdf_text (path, n_pages);
  footer_first = g_strdup_printf ("第1页/共%u页", n_pages);
  footer_last = g_strdup_printf ("第%u页/共%u页", n_pages, n_pages);
  g_assert_nonnull (strstr (first, footer_first));
  g_assert_nonnull (strstr (last, footer_last));
  g_assert_nonnull (strstr (first, "截至2023年7月1日"));
  {
    g_autofree char *all = pdf_text (path, 0);

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      if (strstr (all, words[i]) == NULL)
        g_error ("“%s” missing from the Chinese report", words[i]);
  }
  assert_fonts (path);
  assert_rows_whole (layout, path);
  remove_dir (dir);
}

/* The fonts the layout measured with are the ones drawn on a PDF page:
 * cairo merges the page's font options into those of each font drawn, and
 * a font measured with other options would be another font when drawn,
 * every glyph loaded and measured again. */
static void
test_pdf_fonts_as_measured (void)
{
  static const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD };
  g_autoptr(JpReportLayout) layout = jp_report_layout_new (FALSE);
  PangoContext *context = jp_report_layout_get_pango_context (layout);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, JP_REPORT_A4_WIDTH,
                                                                  JP_REPORT_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
      g_autoptr(PangoFont) font = NULL;
      cairo_scaled_font_t *measured;

      pango_font_description_set_family (desc, JP_REPORT_FONT_SANS);
      pango_font_description_set_weight (desc, weights[i]);
      pango_font_description_set_absolute_size (desc, 9 * PANGO_SCALE);
      font = pango_context_load_font (context, desc);
      g_assert_nonnull (font);
      measured = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
      g_assert_nonnull (measured);

      cairo_set_scaled_font (cr, measured);
      g_assert_true (cairo_get_scaled_font (cr) == measured);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/report/parse-spec", test_parse_spec);
  g_test_add_func ("/jp/report/layout-pagination", test_layout_pagination);
  g_test_add_func ("/jp/report/summary", test_summary);
  g_test_add_func ("/jp/report/leader", test_leader);
  g_test_add_func ("/jp/report/unit", test_unit);
  g_test_add_func ("/jp/report/unknown-name", test_unknown_name);
  g_test_add_func ("/jp/report/failures-leave-nothing", test_failures_leave_nothing);
  g_test_add_func ("/jp/report/generated-pagination", test_generated_pagination);
  g_test_add_func ("/jp/report/imported-2023", test_imported_2023);
  g_test_add_func ("/jp/report/empty-and-markup", test_empty_and_markup);
  g_test_add_func ("/jp/report/thread", test_thread);
  g_test_add_func ("/jp/report/chinese", test_chinese);
  g_test_add_func ("/jp/report/pdf-fonts-as-measured", test_pdf_fonts_as_measured);
  g_test_add_func ("/jp/report/updates", test_updates);
  g_test_add_func ("/jp/report/attention-table", test_attention_table);
  g_test_add_func ("/jp/report/bulletin", test_bulletin);
  g_test_add_func ("/jp/report/no-contradiction", test_no_contradiction);

  return g_test_run ();
}
