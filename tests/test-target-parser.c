/* Target extraction: every kind, every unit form, and the numbers that are
 * names, ordinals or dates. */

#include "config.h"

#include "jp-model.h"
#include "jp-target-parser.h"

#include <math.h>

typedef struct
{
  const char      *input;
  JpIndicatorKind  kind;
  double           target;
  double           target_max; /* NAN: not a range */
  const char      *unit;
  const char      *text;       /* the exact source phrase */
  const char      *name;       /* NULL: not checked */
} TargetCase;

static const TargetCase target_cases[] = {
  /* at_least */
  { "力争到年底党支部规范化率（一星级及以上）达90%，", JP_INDICATOR_KIND_AT_LEAST, 90, NAN, "%",
    "力争到年底党支部规范化率（一星级及以上）达90%", "党支部规范化率（一星级及以上）" },
  { "中小學生体质健康优良率达到45%以上。", JP_INDICATOR_KIND_AT_LEAST, 45, NAN, "%",
    "中小學生体质健康优良率达到45%以上", "中小學生体质健康优良率" },
  { "巩固率不低于95%", JP_INDICATOR_KIND_AT_LEAST, 95, NAN, "%", "巩固率不低于95%", "巩固率" },
  { "“四星级”“五星级”提高至22%。", JP_INDICATOR_KIND_AT_LEAST, 22, NAN, "%",
    "“四星级”“五星级”提高至22%", "“四星级”“五星级”" },
  { "启动三年行动，培养50名心理咨询师。", JP_INDICATOR_KIND_AT_LEAST, 50, NAN, "名",
    "培养50名心理咨询师", "培养心理咨询师" },
  { "新增学位630个", JP_INDICATOR_KIND_AT_LEAST, 630, NAN, "个", "新增学位630个", "新增学位" },
  { "提升内涵，完成教师培训 2900 人次，", JP_INDICATOR_KIND_AT_LEAST, 2900, NAN, "人次",
    "完成教师培训 2900 人次", "完成教师培训" },
  { "累计培训学时 36 学时。", JP_INDICATOR_KIND_AT_LEAST, 36, NAN, "学时",
    "累计培训学时 36 学时", "累计培训学时" },
  { "概算投资 8498 万元", JP_INDICATOR_KIND_AT_LEAST, 8498, NAN, "万元", "概算投资 8498 万元", "概算投资" },
  { "概算投资4.7亿元，", JP_INDICATOR_KIND_AT_LEAST, 4.7, NAN, "亿元", "概算投资4.7亿元", "概算投资" },
  { "评选主题班会课30节", JP_INDICATOR_KIND_AT_LEAST, 30, NAN, "节", "评选主题班会课30节", NULL },
  { "典型案例20篇", JP_INDICATOR_KIND_AT_LEAST, 20, NAN, "篇", "典型案例20篇", "典型案例" },
  { "开展专题讲座2次。", JP_INDICATOR_KIND_AT_LEAST, 2, NAN, "次", "开展专题讲座2次", NULL },
  { "举办校长论坛3期", JP_INDICATOR_KIND_AT_LEAST, 3, NAN, "期", "举办校长论坛3期", NULL },
  { "举办科技节3届", JP_INDICATOR_KIND_AT_LEAST, 3, NAN, "届", "举办科技节3届", NULL },
  { "创建近视防控示范校4所", JP_INDICATOR_KIND_AT_LEAST, 4, NAN, "所", "创建近视防控示范校4所", NULL },
  { "完成教师研修11个学科", JP_INDICATOR_KIND_AT_LEAST, 11, NAN, "个", "完成教师研修11个学科", NULL },
  { "85%的学校实现星级创建。", JP_INDICATOR_KIND_AT_LEAST, 85, NAN, "%",
    "85%的学校实现星级创建", "学校实现星级创建" },
  { "完成金凤十九小、四十一中等10所中小学教育教学设备采购，", JP_INDICATOR_KIND_AT_LEAST, 10, NAN, "所",
    "完成金凤十九小、四十一中等10所中小学教育教学设备采购", NULL },
  { "2023年计划实施5个中小学教育项目", JP_INDICATOR_KIND_AT_LEAST, 5, NAN, "个",
    "2023年计划实施5个中小学教育项目", "计划实施中小学教育项目" },
  { "覆盖1.5万名学生", JP_INDICATOR_KIND_AT_LEAST, 1.5, NAN, "万名", "覆盖1.5万名学生", NULL },
  { "培训覆盖2,900人次", JP_INDICATOR_KIND_AT_LEAST, 2900, NAN, "人次", "培训覆盖2,900人次", NULL },
  /* full-width digits and signs: the text stays as written, the unit is normalised */
  { "规范化率达９０％。", JP_INDICATOR_KIND_AT_LEAST, 90, NAN, "%", "规范化率达９０％", "规范化率" },
  { "打造３～５所示范校", JP_INDICATOR_KIND_RANGE, 3, 5, "所", "打造３～５所示范校", "打造示范校" },
  /* range */
  { "年内打造3-5所金凤区德育品牌示范校，", JP_INDICATOR_KIND_RANGE, 3, 5, "所",
    "年内打造3-5所金凤区德育品牌示范校", "打造金凤区德育品牌示范校" },
  { "打造3～5所示范校", JP_INDICATOR_KIND_RANGE, 3, 5, "所", "打造3～5所示范校", NULL },
  { "打造3至5所示范校", JP_INDICATOR_KIND_RANGE, 3, 5, "所", "打造3至5所示范校", NULL },
  { "帮助学生掌握1-2项艺术特长。", JP_INDICATOR_KIND_RANGE, 1, 2, "项",
    "帮助学生掌握1-2项艺术特长", "帮助学生掌握艺术特长" },
  { "建设1-2个思政教育一体化实践基地", JP_INDICATOR_KIND_RANGE, 1, 2, "个",
    "建设1-2个思政教育一体化实践基地", NULL },
  { "优秀率保持在85%-90%", JP_INDICATOR_KIND_RANGE, 85, 90, "%", "优秀率保持在85%-90%", NULL },
  /* decrease_by, increase_by */
  { "落实方案，学生近视率下降0.5%以上，", JP_INDICATOR_KIND_DECREASE_BY, 0.5, NAN, "%",
    "学生近视率下降0.5%以上", "学生近视率" },
  { "大班额比例降低2个百分点", JP_INDICATOR_KIND_DECREASE_BY, 2, NAN, "个百分点",
    "大班额比例降低2个百分点", "大班额比例" },
  { "优良率提高3个百分点。", JP_INDICATOR_KIND_INCREASE_BY, 3, NAN, "个百分点",
    "优良率提高3个百分点", "优良率" },
  { "入园率增长5%", JP_INDICATOR_KIND_INCREASE_BY, 5, NAN, "%", "入园率增长5%", "入园率" },
  /* at_most */
  { "辍学率控制在5%以内。", JP_INDICATOR_KIND_AT_MOST, 5, NAN, "%", "辍学率控制在5%以内", "辍学率" },
  { "作业时间不超过90分钟", JP_INDICATOR_KIND_AT_MOST, 90, NAN, "分钟", "作业时间不超过90分钟", "作业时间" },
  { "近视率降至50%以下", JP_INDICATOR_KIND_AT_MOST, 50, NAN, "%", "近视率降至50%以下", "近视率" },
  { "班额不超过 45 人", JP_INDICATOR_KIND_AT_MOST, 45, NAN, "人", "班额不超过 45 人", "班额" },
  /* a score, a comparison word after the subject, a sub-point's number */
  { "中考平均分提高5分。", JP_INDICATOR_KIND_INCREASE_BY, 5, NAN, "分", "中考平均分提高5分", "中考平均分" },
  { "学生近视率较上年下降1个百分点", JP_INDICATOR_KIND_DECREASE_BY, 1, NAN, "个百分点",
    "学生近视率较上年下降1个百分点", "学生近视率" },
  { "2. 党支部规范化率达95%。", JP_INDICATOR_KIND_AT_LEAST, 95, NAN, "%", "党支部规范化率达95%",
    "党支部规范化率" },
  { "（3）新增学位630个", JP_INDICATOR_KIND_AT_LEAST, 630, NAN, "个", "新增学位630个", "新增学位" },
  { "③新增学位630个", JP_INDICATOR_KIND_AT_LEAST, 630, NAN, "个", "新增学位630个", "新增学位" },
};

/* One target from a baseline: the first number is where it starts from. */
static void
test_baseline (void)
{
  g_autoptr(GPtrArray) targets = jp_target_parse ("体质达标率由80%提高到90%。", -1, NULL);
  JpTarget *t;

  g_assert_cmpuint (targets->len, ==, 1);
  t = g_ptr_array_index (targets, 0);
  g_assert_cmpint (t->kind, ==, JP_INDICATOR_KIND_AT_LEAST);
  g_assert_cmpfloat (t->target, ==, 90);
  g_assert_true (t->has_baseline);
  g_assert_cmpfloat (t->baseline, ==, 80);
  g_assert_cmpstr (t->text, ==, "体质达标率由80%提高到90%");
  g_assert_cmpstr (t->name, ==, "体质达标率");
}

static void
test_kinds (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (target_cases); i++)
    {
      const TargetCase *c = &target_cases[i];
      g_autoptr(GPtrArray) unclassified = NULL;
      g_autoptr(GPtrArray) targets = jp_target_parse (c->input, -1, &unclassified);
      JpTarget *t;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->input);
      g_assert_cmpuint (targets->len, ==, 1);
      g_assert_cmpuint (unclassified->len, ==, 0);
      t = g_ptr_array_index (targets, 0);
      g_assert_cmpint (t->kind, ==, c->kind);
      g_assert_cmpfloat_with_epsilon (t->target, c->target, 1e-9);
      if (isnan (c->target_max))
        g_assert_false (t->has_target_max);
      else
        {
          g_assert_true (t->has_target_max);
          g_assert_cmpfloat_with_epsilon (t->target_max, c->target_max, 1e-9);
        }
      g_assert_cmpstr (t->unit, ==, c->unit);
      g_assert_cmpstr (t->text, ==, c->text);
      if (c->name != NULL)
        g_assert_cmpstr (t->name, ==, c->name);
      /* The text is a piece of the input, where the offset says. */
      g_assert_true (strncmp (c->input + t->offset, t->text, strlen (t->text)) == 0);
    }
}

/* Numbers that are names, ordinals, dates, ages, identifiers. */
static const char * const non_targets[] = {
  "深入学习宣传贯彻党的二十大精神。",
  "严格落实中央八项规定精神和自治区“八条禁令”精神。",
  "高质量完成2023年数字化转型试点校建设。",
  "党支部规范化率（一星级及以上）稳步提高。",
  "开展第二轮“县管校聘”竞聘工作。",
  "新建金凤二十一幼、五里湖畔幼儿园。",
  "完成四十一中、三十七小、三十九小维修改造，金凤十九小扩建。",
  "落实“三审三校”和审批报备制度。",
  "落实七大项内容，开展六大提升行动，夯实“三名工作室”建设。",
  "第3批试点校名单公布。",
  "实施2023-2025年三年行动计划。",
  "用3个月时间完成整改。",
  "6月30日前完成，12月底前验收。",
  "根据〔2023〕5号文件精神。",
  "落实《3-6岁儿童学习与发展指南》。",
  "推进5G网络进校园，推广“互联网+教育”。",
  "监督电话0951-1234567。",
  "升级到版本1.2.3。",
  "3岁以下婴幼儿照护服务。",
  "实现“两个100%”目标。",
  "上午8:30开会。",
  "下午3时30分开会。",
  "做好2023届毕业生就业工作。",
  "学位数12345678901234567个。",
};

static void
test_non_targets (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (non_targets); i++)
    {
      g_autoptr(GPtrArray) unclassified = NULL;
      g_autoptr(GPtrArray) targets = jp_target_parse (non_targets[i], -1, &unclassified);

      g_test_message ("non-target %" G_GSIZE_FORMAT ": %s", i, non_targets[i]);
      if (targets->len > 0)
        g_test_message ("found: %s", ((JpTarget *) g_ptr_array_index (targets, 0))->text);
      g_assert_cmpuint (targets->len, ==, 0);
      g_assert_cmpuint (unclassified->len, ==, 0);
    }
}

/* Several targets in one sentence: each gets its own clause, and two in one
 * clause are cut apart at the 、 between them. */
static void
test_several (void)
{
  static const char *input =
    "完成教师研修11个学科、45个名师工作室研修活动，培养教师300人次。"
    "评选优质思政课、学科思政课、主题班会课30节，典型案例20篇。";
  static const char * const texts[] = {
    "完成教师研修11个学科",
    "45个名师工作室研修活动",
    "培养教师300人次",
    "评选优质思政课、学科思政课、主题班会课30节",
    "典型案例20篇",
  };
  g_autoptr(GPtrArray) targets = jp_target_parse (input, -1, NULL);

  g_assert_cmpuint (targets->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < targets->len; i++)
    {
      JpTarget *t = g_ptr_array_index (targets, i);

      g_assert_cmpstr (t->text, ==, texts[i]);
      g_assert_true (strstr (input, t->text) == input + t->offset);
    }
}

/* A number and a unit whose kind cannot be decided is reported, not
 * invented. */
static void
test_unclassified (void)
{
  static const char * const inputs[] = {
    "与先进地区相差2个百分点。",
    "打造5-3所示范校。",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) unclassified = NULL;
      g_autoptr(GPtrArray) targets = jp_target_parse (inputs[i], -1, &unclassified);

      g_assert_cmpuint (targets->len, ==, 0);
      g_assert_cmpuint (unclassified->len, ==, 1);
      g_assert_nonnull (strstr (inputs[i], g_ptr_array_index (unclassified, 0)));
    }
}

static void
test_to_indicator (void)
{
  g_autoptr(GPtrArray) targets = jp_target_parse ("年内打造3-5所示范校", -1, NULL);
  g_autoptr(JpIndicator) indicator = NULL;

  g_assert_cmpuint (targets->len, ==, 1);
  indicator = jp_target_to_indicator (g_ptr_array_index (targets, 0));
  g_assert_cmpint (jp_indicator_get_kind (indicator), ==, JP_INDICATOR_KIND_RANGE);
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 3);
  g_assert_true (jp_indicator_get_has_target_max (indicator));
  g_assert_cmpfloat (jp_indicator_get_target_max (indicator), ==, 5);
  g_assert_cmpstr (jp_indicator_get_unit (indicator), ==, "所");
  g_assert_cmpstr (jp_indicator_get_text (indicator), ==, "年内打造3-5所示范校");
  g_assert_cmpstr (jp_indicator_get_name (indicator), ==, "打造示范校");
  g_assert_cmpfloat (jp_indicator_get_weight (indicator), ==, 1);
  g_assert_false (jp_indicator_get_has_baseline (indicator));
}

/* Odd input: empty, only digits, a lone percent sign, a huge run. */
static void
test_odd_input (void)
{
  static const char * const inputs[] = { "", "1", "%", "1-", "-1%", "1.", "达", "3-", "9999999999999999999%" };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) many = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) targets = jp_target_parse (inputs[i], -1, NULL);

      g_assert_nonnull (targets);
      g_assert_cmpuint (targets->len, ==, 0);
    }

  /* A long text without punctuation: each phrase is bounded, all found. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (long_text, "新增学位6个");
  many = jp_target_parse (long_text->str, long_text->len, NULL);
  g_assert_cmpuint (many->len, ==, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/target-parser/kinds", test_kinds);
  g_test_add_func ("/jp/target-parser/baseline", test_baseline);
  g_test_add_func ("/jp/target-parser/non-targets", test_non_targets);
  g_test_add_func ("/jp/target-parser/several", test_several);
  g_test_add_func ("/jp/target-parser/unclassified", test_unclassified);
  g_test_add_func ("/jp/target-parser/to-indicator", test_to_indicator);
  g_test_add_func ("/jp/target-parser/odd-input", test_odd_input);

  return g_test_run ();
}
