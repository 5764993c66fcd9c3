/* Synthetic plans for the benchmarks (see jp-gen-plan.h). */

#include "config.h"

#include "jp-gen-plan.h"

#include "jp-target-parser.h"

#include <stdio.h>
#include <string.h>

/* Generated from data/plans/jinfeng-2023.txt: clauses without numbers. */
static const char * const gen_clauses[] = {
  "丰富课后服务内容",
  "义务教育阶段学校坚持阳光招生",
  "以党建引领教育教学为着力点",
  "以顺利通过国家学前教育普及普惠县创建验收为目标",
  "优化作业设计",
  "优化学前教育资源布局",
  "依托金凤区集团化办学优势",
  "促进集团校教师形成成长共同体",
  "做好德育品牌创建推广",
  "做好智慧校园的改进、升级与应用创新",
  "健全继续教育培训体系",
  "健全长效机制",
  "充分发挥幼教集团的辐射、示范和引领作用",
  "充实学前教师队伍",
  "全力推进教育部基础教育综合改革实验区建设",
  "全力攻坚教育数字化转型升级",
  "全面启动义务教育优质均衡发展县创建工作",
  "全面排查化解风险隐患",
  "全面提高育人成效",
  "切实强化主体责任",
  "加大优秀教师和业务骨干的引进力度",
  "加大师德失范典型案例通报",
  "加大日常检查力度",
  "加强党团队一体化建设",
  "加强学习先进教师事迹",
  "加强学校应急演练",
  "加强家庭教育指导",
  "加强校际间教师结队",
  "加强联合执法",
  "加强阵地建设",
  "加快壮大思政课教师队伍",
  "升格集团校为党总支",
  "及时妥善处置各类突发事件",
  "发挥劳动教育综合育人的作用",
  "围绕教师素质提升年",
  "在学习培训、宣传宣讲、贯彻落实上下功夫、见实效",
  "场景多元实践探索",
  "坚持不懈用习近平新时代中国特色社会主义思想凝心铸魂",
  "坚持和完善公民办学校同步招生制度",
  "坚持师德师风第一标准",
  "培育一批做得实、拿得出、叫得响的党建品牌",
  "增强育人合力",
  "增强育人实效",
  "多措并举维护教育系统安全稳定",
  "定期召开意识形态分析研判会",
  "定期排查分析研判",
  "实施师德负面清单制度",
  "实施新时代思政课改革创新提升工程",
  "实现全员、全过程、全方位育人",
  "实现公、民办幼儿园集团化全覆盖",
  "密切关注教育领域意识形态领域的新情况、新动向",
  "层层传导工作压力",
  "常态化开展师德警示教育",
  "建成金凤区智能研修中心",
  "建立金凤教育专家工作站",
  "建设平安校园",
  "开展中小学作业设计评选",
  "开展教育专网优化升级改造",
  "开展样板校建设申报",
  "开齐开足上好体育课",
  "强化园长、教师、保育员定期培训和全员轮训工作",
  "强化安全法治宣传教育",
  "强化校外培训机构监管",
  "强化铸牢中华民族共同体意识",
  "扎实开展主题教育",
  "打好防范化解重大风险攻坚战",
  "打造能力作风过硬的干部教师队伍",
  "把党的二十大精神融入思政教育",
  "把学习宣传贯彻党的二十大精神作为首要政治任务",
  "把思政课堂搬到社会实践一线",
  "把意识形态工作纳入重要议事日程",
  "抓好抓实党员干部日常警示教育和监督管理",
  "抓好规范化团队室打造",
  "拓宽课后服务资源渠道",
  "持续加大经费投入",
  "持续推进中小学校党组织领导的校长负责制",
  "探索引入非学科类校外培训机构入校参与课后服务",
  "探索推行党组织领导的校长负责制引领集团化办学新模式",
  "探索推进教育数字化转型的新机制、新模式、新路径",
  "探索改进大数据分析指挥中心实践应用场景",
  "探索集团化办园的新模式",
  "推动中小幼思政一体化建设",
  "推动学前教育高质量发展",
  "推动完善社会家庭教育服务体系",
  "推动思政课程和课程思政协同育人",
  "推动管党治党主体责任落到实处",
  "推动自治区区域联动教研管理改革试点县创建",
  "提升学校安全管理整体水平",
  "提升幼儿园内涵建设",
  "提高作业管理水平",
  "搭建教师成长交流平台",
  "构建以社会主义核心价值观为引领的中小幼一体化德育体系",
  "构建完善的阶梯式成长激励体系",
  "深化中小学德育改革",
  "深化义务教育质量评价改革",
  "深化教育领域侵害群众利益不正之风专项治理",
  "深挖社会育人元素",
  "牢牢掌握意识形态工作的领导权、管理权和话语权",
  "用好社会育人资源",
  "着力提升学校体育水平",
  "砥砺广大教师的教育初心",
  "科学制定招生入学政策",
  "科学推进课堂教学变革",
  "积极参与文明城市、文明校园创建",
  "积极开展综合实践",
  "组建金凤教育专家库",
  "组织学校党组织书记每学期上一堂思政课",
  "结合未成年人保护示范区创建工作",
  "统筹抓好德育、智育、体育、美育、劳动教育",
  "继续在稳定学前教师队伍、提升教师能力、提高教师待遇等方面发力",
  "营造学习宣传的浓厚氛围",
  "营造清朗健康的网络环境",
  "营造风清气正的育人环境",
  "落实体育家庭作业制度",
  "落实多子女同校就读政策",
  "落实民办义务教育学校优先满足属地招生需求",
  "落实美育课程教学",
  "评选金凤区第一届优秀思政教师",
  "高位推动智慧平台应用三位一体",
};

static const char * const gen_section_titles[] = {
  "坚持党建引领、凝心聚魂，夯实教育系统党建基础",
  "坚持立德树人、五育并举，构建素质教育发展全新格局",
  "坚持对标需求、资源优化，推动基础教育服务水平提升",
  "坚持师德为本、强化管理，打造教育高素质人才聚集高地",
  "坚持创新赋能、提质增效，激发教育发展动力活力",
  "坚持规范管理、健全机制，筑牢校园安全坚强保障",
};

static const char * const gen_item_titles[] = {
  "深入学习宣传贯彻党的二十大精神",
  "全面加强教育系统党的建设",
  "巩固提升意识形态工作实效",
  "纵深推进全面从严治党",
  "强化思想政治教育",
  "提高德育质量",
  "促进学生身心健康全面发展",
  "全力推进学前教育普及普惠县（区）创建",
  "加快义务教育优质均衡发展",
  "加强师德师风建设",
  "建强教师队伍",
  "注重教师专业成长",
  "推进教育综合改革",
  "深化招生改革",
  "推进区域教育数字化转型升级",
  "深化义务教育“双减”改革",
  "加强校园安全管理",
  "提升家庭教育指导水平",
  "推进语言文字规范化建设",
  "加强教育经费管理",
};

static const char * const gen_leaders[] = {
  "张学兵", "高学芳", "马学明", "崔茜", "王建国", "李文华", "赵丽娟", "刘志强",
};

static const char * const gen_units[] = {
  "教育党工委", "各支部", "教研室", "基教室", "学前室", "基建室", "条装室", "财务室",
  "督导室", "办公室", "人事室", "信息中心", "民办室", "各幼儿园", "各中小学校、幼儿园",
  "安全办",
};

static const char * const gen_rates[] = {
  "党支部规范化率", "学生体质健康优良率", "课后服务参与率", "教师培训覆盖率",
  "智慧校园达标率", "家长满意度", "优质均衡达标率", "专任教师党员比例",
  "学前教育普惠率", "集团化办学覆盖率",
};

static const char * const gen_falling[] = {
  "学生近视率", "大班额比例", "学生肥胖率", "义务教育辍学率",
};

static const char * const gen_people[] = {
  "心理咨询师", "骨干教师培养对象", "学科带头人", "优秀班主任", "名校长",
};

static const char * const gen_things[] = {
  "学位", "思政教育实践基地", "名师工作室", "智慧教室", "劳动教育基地",
};

static const char * const gen_schools[] = {
  "德育品牌示范校", "劳动教育示范校", "心理健康教育示范校", "近视防控示范校",
};

static const char * const gen_activities[] = {
  "专题讲座", "区域联动教研", "教学开放活动", "家长学校培训",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

char *
jp_gen_chinese_numeral (guint n)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char * const powers[] = { "", "十", "百", "千" };
  GString *s = g_string_new (NULL);
  guint d[4];
  gboolean zero = FALSE;
  int top = 0;

  g_return_val_if_fail (n >= 1 && n <= 9999, NULL);

  for (int i = 0; i < 4; i++)
    {
      d[i] = n % 10;
      n /= 10;
      if (d[i] != 0)
        top = i;
    }

  for (int i = top; i >= 0; i--)
    {
      if (d[i] == 0)
        {
          zero = TRUE;
          continue;
        }
      if (zero)
        g_string_append (s, digits[0]);
      zero = FALSE;
      /* 十一, not 一十一 */
      if (!(i == 1 && top == 1 && d[i] == 1))
        g_string_append (s, digits[d[i]]);
      g_string_append (s, powers[i]);
    }

  return g_string_free (s, FALSE);
}

/* One target phrase, as a bureau would write it. */
static char *
make_phrase (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
      return g_strdup_printf ("%s达%d%%", PICK (rand, gen_rates), g_rand_int_range (rand, 60, 100));
    case 1:
      return g_strdup_printf ("%s达到%d%%以上", PICK (rand, gen_rates), g_rand_int_range (rand, 40, 100));
    case 2:
      return g_strdup_printf ("%s不低于%d%%", PICK (rand, gen_rates), g_rand_int_range (rand, 80, 100));
    case 3:
      return g_strdup_printf ("%s提高至%d%%", PICK (rand, gen_rates), g_rand_int_range (rand, 20, 100));
    case 4:
      return g_strdup_printf ("培养%d名%s", g_rand_int_range (rand, 10, 500), PICK (rand, gen_people));
    case 5:
      return g_strdup_printf ("新增%s%d个", PICK (rand, gen_things), g_rand_int_range (rand, 2, 8000));
    case 6:
      return g_strdup_printf ("完成教师培训 %d 人次", g_rand_int_range (rand, 100, 5000));
    case 7:
      {
        int low = g_rand_int_range (rand, 1, 6);

        return g_strdup_printf ("打造%d-%d所%s", low, low + g_rand_int_range (rand, 1, 4),
                                PICK (rand, gen_schools));
      }
    case 8:
      return g_strdup_printf ("%s下降%d.%d%%以上", PICK (rand, gen_falling),
                              g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 1, 10));
    case 9:
      return g_strdup_printf ("%s提高%d个百分点", PICK (rand, gen_rates), g_rand_int_range (rand, 1, 10));
    case 10:
      return g_strdup_printf ("%s控制在%d%%以内", PICK (rand, gen_falling), g_rand_int_range (rand, 1, 30));
    default:
      return g_strdup_printf ("开展%s%d次", PICK (rand, gen_activities), g_rand_int_range (rand, 2, 20));
    }
}

/* The indicators of a body, in its order, as the importer finds them. */
static void
add_indicators (JpItem     *item,
                const char *body,
                guint       expected)
{
  g_autoptr(GPtrArray) targets = jp_target_parse (body, -1, NULL);

  g_assert (targets->len == expected);
  for (guint i = 0; i < targets->len; i++)
    {
      g_autoptr(JpIndicator) indicator = jp_target_to_indicator (g_ptr_array_index (targets, i));

      jp_item_append_indicator (item, indicator);
    }
}

/* Clauses and phrases joined into sentences of 2 to 4 clauses. */
static char *
make_body (GRand     *rand,
           GPtrArray *phrases)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_clauses = g_rand_int_range (rand, 4, 10);
  guint in_sentence = 0;
  guint sentence_len = g_rand_int_range (rand, 2, 5);

  for (guint i = 0; i < n_clauses; i++)
    g_ptr_array_add (parts, (gpointer) PICK (rand, gen_clauses));
  for (guint i = 0; i < phrases->len; i++)
    g_ptr_array_insert (parts, g_rand_int_range (rand, 0, parts->len + 1),
                        g_ptr_array_index (phrases, i));

  for (guint i = 0; i < parts->len; i++)
    {
      g_string_append (body, g_ptr_array_index (parts, i));
      if (++in_sentence >= sentence_len || i + 1 == parts->len)
        {
          g_string_append (body, "。");
          in_sentence = 0;
          sentence_len = g_rand_int_range (rand, 2, 5);
        }
      else
        g_string_append (body, "，");
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static char *
date_in_year (int    year,
              double fraction)
{
  GDate date;
  guint days = g_date_is_leap_year (year) ? 366 : 365;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  g_date_add_days (&date, MIN ((guint) (fraction * days), days - 1));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

void
jp_gen_add_progress (JpPlan             *plan,
                     const JpGenOptions *options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed ^ 0x5eed);
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  int year = jp_plan_get_year (plan);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);
          double target = jp_indicator_get_target (indicator);

          for (guint e = 0; e < options->entries_per_indicator; e++)
            {
              double fraction = (e + 1.0) / (options->entries_per_indicator + 1.0);
              g_autofree char *date = date_in_year (year, fraction);
              double value = target * fraction * g_rand_double_range (rand, 0.7, 1.2);
              g_autoptr(JpProgressEntry) entry = NULL;

              /* Values as people record them: one decimal. */
              value = (double) (gint64) (value * 10 + 0.5) / 10;
              entry = jp_progress_entry_new (date, value);
              jp_progress_entry_set_note (entry, PICK (rand, gen_clauses));
              jp_progress_entry_set_author (entry, PICK (rand, gen_leaders));
              jp_indicator_add_progress (indicator, entry);
            }
        }

      for (guint u = 0; u < options->updates_per_item; u++)
        {
          double fraction = (u + 1.0) / (options->updates_per_item + 1.0);
          g_autofree char *date = date_in_year (year, fraction);
          g_autoptr(JpItemUpdate) update = jp_item_update_new (date);

          jp_item_update_set_has_completion (update, TRUE);
          jp_item_update_set_completion (update, MIN (100, (int) (fraction * 100 + g_rand_int_range (rand, -10, 10))));
          jp_item_update_set_note (update, PICK (rand, gen_clauses));
          jp_item_update_set_problems (update, PICK (rand, gen_clauses));
          jp_item_update_set_next_steps (update, PICK (rand, gen_clauses));
          jp_item_update_set_author (update, PICK (rand, gen_leaders));
          jp_item_add_update (item, update);
        }
    }
}

JpPlan *
jp_gen_plan (const JpGenOptions *options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  int year = options->year > 0 ? options->year : 2023;
  guint n_sections = options->n_sections;
  g_autofree char *title = g_strdup_printf ("%d年工作要点", year);
  g_autofree char *preamble = NULL;
  static const char * const orgs[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  JpPlan *plan;
  guint number = 1;

  g_return_val_if_fail (options->n_items >= 1, NULL);

  if (n_sections == 0)
    n_sections = MAX (1, options->n_items / 50);
  n_sections = CLAMP (n_sections, 1, MIN (options->n_items, 9999));

  plan = jp_plan_new (title, year);
  jp_plan_set_organizations (plan, orgs);
  preamble = g_strdup_printf ("%d年金凤区教育工作的总体要求是：%s，%s，%s。", year,
                              PICK (rand, gen_clauses), PICK (rand, gen_clauses),
                              PICK (rand, gen_clauses));
  jp_plan_set_preamble (plan, preamble);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autofree char *ordinal = jp_gen_chinese_numeral (s + 1);
      g_autoptr(JpSection) section = jp_section_new (ordinal, gen_section_titles[s % G_N_ELEMENTS (gen_section_titles)]);
      guint n_items = options->n_items / n_sections + (s < options->n_items % n_sections ? 1 : 0);

      jp_plan_append_section (plan, section);

      for (guint i = 0; i < n_items; i++, number++)
        {
          g_autoptr(JpItem) item = jp_item_new ((int) number, PICK (rand, gen_item_titles));
          g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) leaders = g_ptr_array_new ();
          g_autoptr(GPtrArray) units = g_ptr_array_new ();
          g_autoptr(GPtrArray) partners = g_ptr_array_new ();
          g_autofree char *body = NULL;
          guint n_leaders = g_rand_int_range (rand, 1, 3);
          guint n_units = g_rand_int_range (rand, 1, 5);

          for (guint k = 0; k < options->indicators_per_item; k++)
            g_ptr_array_add (phrases, make_phrase (rand));
          body = make_body (rand, phrases);
          jp_item_set_body (item, body);
          add_indicators (item, body, phrases->len);

          for (guint l = 0; l < n_leaders; l++)
            {
              JpLeader *leader = jp_plan_ensure_leader (plan, PICK (rand, gen_leaders));

              if (!g_ptr_array_find (leaders, leader, NULL))
                g_ptr_array_add (leaders, leader);
            }
          for (guint u = 0; u < n_units; u++)
            {
              JpUnit *unit = jp_plan_ensure_unit (plan, PICK (rand, gen_units));

              if (!g_ptr_array_find (units, unit, NULL))
                g_ptr_array_add (units, unit);
            }
          if (number % 7 == 0)
            {
              JpUnit *unit = jp_plan_ensure_unit (plan, PICK (rand, gen_units));

              if (!g_ptr_array_find (units, unit, NULL))
                g_ptr_array_add (partners, unit);
            }
          jp_item_set_leaders (item, (JpLeader **) leaders->pdata, leaders->len);
          jp_item_set_units (item, (JpUnit **) units->pdata, units->len);
          jp_item_set_partner_units (item, (JpUnit **) partners->pdata, partners->len);
          if (number % 5 == 0)
            {
              g_autofree char *due = g_strdup_printf ("%04d-%02d-%02d", year,
                                                      6 + (number / 5) % 2 * 3, 30);

              jp_item_set_due (item, due);
            }

          jp_section_append_item (section, item);
        }
    }

  jp_gen_add_progress (plan, options);

  return plan;
}

static void
append_names (GString    *out,
              const char *label,
              GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    return;

  g_string_append (out, label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (list, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, JP_IS_LEADER (obj) ? jp_leader_get_name (JP_LEADER (obj))
                                               : jp_unit_get_name (JP_UNIT (obj)));
    }
  g_string_append (out, "\n\n");
}

char *
jp_gen_write_document (JpPlan *plan,
                       gsize  *length)
{
  GString *out = g_string_new (NULL);
  const char * const *orgs = jp_plan_get_organizations (plan);
  GListModel *sections = jp_plan_get_sections (plan);

  if (orgs != NULL && orgs[0] != NULL)
    {
      g_autofree char *line = g_strjoinv (" ", (char **) orgs);

      g_string_append_printf (out, "%s\n\n", line);
    }
  g_string_append_printf (out, "%s\n\n", jp_plan_get_title (plan));
  if (jp_plan_get_preamble (plan) != NULL && jp_plan_get_preamble (plan)[0] != '\0')
    g_string_append_printf (out, "%s\n\n", jp_plan_get_preamble (plan));

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, s);
      GListModel *items = jp_section_get_items (section);

      g_string_append_printf (out, "%s、%s\n\n", jp_section_get_ordinal (section),
                              jp_section_get_title (section));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, i);
          const char *body = jp_item_get_body (item);
          const char *due = jp_item_get_due (item);

          g_string_append_printf (out, "%d. %s。%s\n\n", jp_item_get_number (item),
                                  jp_item_get_title (item), body != NULL ? body : "");
          append_names (out, "责任领导：", jp_item_get_leaders (item));
          append_names (out, "责任单位：", jp_item_get_units (item));
          append_names (out, "配合单位：", jp_item_get_partner_units (item));
          if (due != NULL)
            {
              int y = 0, m = 0, d = 0;

              if (sscanf (due, "%d-%d-%d", &y, &m, &d) == 3)
                g_string_append_printf (out, "完成时限：%d年%d月%d日前\n\n", y, m, d);
            }
        }
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
