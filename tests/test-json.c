/* test-json.c: the JSON exchange format (export, import, validation) */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "jp-document-import.h"
#include "jp-json.h"
#include "jp-model.h"

/* ---- Fixtures -------------------------------------------------------- */

/* A plan with every field set somewhere and unset somewhere else, Chinese
 * text, doubles that are not integers, entries of the same date. */
static JpPlan *
build_full_plan (void)
{
  const char *organizations[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  JpPlan *plan = jp_plan_new ("2023年工作要点", 2023);
  g_autoptr(JpSection) s1 = jp_section_new ("一", "坚持党建引领、凝心聚魂，夯实教育系统党建基础");
  g_autoptr(JpSection) s2 = jp_section_new ("二", "空的部分");
  g_autoptr(JpItem) full = jp_item_new (2, "全面加强教育系统党的建设");
  g_autoptr(JpItem) bare = jp_item_new (3, "");
  g_autoptr(JpItemUpdate) u1 = jp_item_update_new ("2023-06-30");
  g_autoptr(JpItemUpdate) u2 = jp_item_update_new ("2023-09-30");
  g_autoptr(JpIndicator) at_least = jp_indicator_new ("党支部规范化率（一星级及以上）",
                                                      JP_INDICATOR_KIND_AT_LEAST, 90);
  g_autoptr(JpIndicator) range = jp_indicator_new ("新建学校", JP_INDICATOR_KIND_RANGE, 3);
  g_autoptr(JpIndicator) decrease = jp_indicator_new ("近视率", JP_INDICATOR_KIND_DECREASE_BY, 0.5);
  g_autoptr(JpIndicator) milestone = jp_indicator_new ("", JP_INDICATOR_KIND_MILESTONE, 1);
  g_autoptr(JpProgressEntry) e1 = jp_progress_entry_new ("2023-03-31", 4.7);
  g_autoptr(JpProgressEntry) e2 = jp_progress_entry_new ("2023-06-30", 72);
  g_autoptr(JpProgressEntry) e3 = jp_progress_entry_new ("2023-06-30", 72.25);
  g_autoptr(JpProgressEntry) e4 = jp_progress_entry_new ("2023-05-01", 0.1);
  JpLeader *leaders[2];
  JpUnit *units[2];
  JpUnit *partners[1];

  jp_plan_set_organizations (plan, organizations);
  leaders[0] = jp_plan_ensure_leader (plan, "张学兵");
  leaders[1] = jp_plan_ensure_leader (plan, "高学芳");
  jp_plan_ensure_leader (plan, "崔茜"); /* in no item */
  units[0] = jp_plan_ensure_unit (plan, "教育党工委");
  units[1] = jp_plan_ensure_unit (plan, "各支部");
  partners[0] = jp_plan_ensure_unit (plan, "各中小学校、幼儿园");
  jp_plan_set_preamble (plan, "2023年金凤区教育工作的总体要求是：\n“引号”、（括号）与中小學生。");
  jp_plan_set_start (plan, "2023-02-01");
  jp_plan_set_end (plan, "2023-11-30");

  jp_plan_append_section (plan, s1);
  jp_plan_append_section (plan, s2);

  jp_item_set_body (full, "持续推进…\t\"quoted\" \\ back\nslash");
  jp_item_set_leaders (full, leaders, 2);
  jp_item_set_units (full, units, 2);
  jp_item_set_partner_units (full, partners, 1);
  jp_item_set_due (full, "2023-10-31");
  jp_section_append_item (s1, full);
  jp_section_append_item (s1, bare);

  jp_item_update_set_has_completion (u1, TRUE);
  jp_item_update_set_completion (u1, 50);
  jp_item_update_set_note (u1, "上半年…");
  jp_item_update_set_problems (u1, "经费不足");
  jp_item_update_set_next_steps (u1, "下半年完成");
  jp_item_update_set_author (u1, "张学兵");
  jp_item_add_update (full, u1);
  jp_item_update_set_note (u2, "无完成度");
  jp_item_add_update (full, u2);

  jp_indicator_set_text (at_least, "党支部规范化率（一星级及以上）达90%");
  jp_indicator_set_unit (at_least, "%");
  jp_indicator_set_has_baseline (at_least, TRUE);
  jp_indicator_set_baseline (at_least, 60.5);
  jp_indicator_set_due (at_least, "2023-09-30");
  jp_indicator_set_weight (at_least, 2);
  jp_progress_entry_set_note (e2, "上半年评定");
  jp_progress_entry_set_author (e2, "高学芳");
  jp_progress_entry_set_note (e3, "同一天的第二次");
  jp_indicator_add_progress (at_least, e1);
  jp_indicator_add_progress (at_least, e2);
  jp_indicator_add_progress (at_least, e3);
  jp_item_append_indicator (full, at_least);

  jp_indicator_set_text (range, "3-5所");
  jp_indicator_set_unit (range, "所");
  jp_indicator_set_has_target_max (range, TRUE);
  jp_indicator_set_target_max (range, 5);
  jp_item_append_indicator (full, range);

  jp_indicator_set_text (decrease, "近视率下降0.5%以上");
  jp_indicator_set_unit (decrease, "%");
  jp_indicator_set_weight (decrease, 0.5);
  jp_indicator_add_progress (decrease, e4);
  jp_item_append_indicator (full, decrease);

  jp_indicator_set_weight (milestone, 0);
  jp_item_append_indicator (full, milestone);

  return plan;
}

static char *
export_one (JpPlan *plan)
{
  g_autoptr(GError) error = NULL;
  char *text;
  gsize length = 0;

  text = jp_json_export_plans (&plan, 1, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_cmpuint (length, ==, strlen (text));

  return text;
}

static GPtrArray *
import_text (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return jp_json_import_bytes (bytes, "t.json", error);
}

static char *
export_all (GPtrArray *plans)
{
  g_autoptr(GError) error = NULL;
  char *text = jp_json_export_plans ((JpPlan **) plans->pdata, plans->len, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

/* ---- Round trips ----------------------------------------------------- */

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "json", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* A version 1 file (before curves and reporting cycles) reads as the same
 * plan with everything inherited, and is written back as version 2. */
static void
test_version_1 (void)
{
  g_autofree char *v1 = read_data ("plan-v1.json");
  g_autofree char *v2 = read_data ("plan.json");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (strstr (v1, "\"version\" : 1,"));
  g_assert_null (strstr (v1, "curve"));
  plans = import_text (v1, &error);
  g_assert_no_error (error);
  g_assert_null (jp_plan_get_curve (g_ptr_array_index (plans, 0)));
  g_assert_null (jp_plan_get_report_cycle (g_ptr_array_index (plans, 0)));
  text = export_all (plans);
  g_assert_cmpstr (text, ==, v2);
}

/* Curves and the reporting cycle go out and come back; bad specs are
 * refused with their place. */
static void
test_curves (void)
{
  static const struct { const char *from, *to, *message; } bad[] = {
    { "\"curve\" : \"quarterly\"", "\"curve\" : \"weekly\"",
      "t.json: plans[0].curve: “weekly”: not a curve (linear, quarterly, terms, due or custom:DATE=PERCENT,…)" },
    { "\"report_cycle\" : \"monthly:25\"", "\"report_cycle\" : \"monthly:32\"",
      "t.json: plans[0].report_cycle: “monthly:32”: the report day is a day of the month, 1 to 31" },
    { "custom:2023-03-31=20,2023-06-30=50", "custom:2023-06-30=50,2023-03-31=20",
      NULL },
  };
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JpIndicator) indicator = NULL;
  JpItem *item;

  jp_plan_set_curve (plan, "quarterly");
  jp_plan_set_report_cycle (plan, "monthly:25");
  items = jp_plan_dup_items (plan);
  item = g_ptr_array_index (items, 0);
  jp_item_set_curve (item, "terms:07-10");
  indicator = g_list_model_get_item (jp_item_get_indicators (item), 0);
  jp_indicator_set_curve (indicator, "custom:2023-03-31=20,2023-06-30=50");

  text = export_one (plan);
  g_assert_nonnull (strstr (text, "\"curve\" : \"quarterly\",\n"));
  g_assert_nonnull (strstr (text, "\"report_cycle\" : \"monthly:25\",\n"));
  plans = import_text (text, &error);
  g_assert_no_error (error);
  again = export_all (plans);
  g_assert_cmpstr (again, ==, text);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) json = g_string_new (text);
      g_autoptr(GPtrArray) refused = NULL;
      g_autoptr(GError) local_error = NULL;

      g_test_message ("%s", bad[i].to);
      g_assert_cmpuint (g_string_replace (json, bad[i].from, bad[i].to, 1), ==, 1);
      refused = import_text (json->str, &local_error);
      g_assert_null (refused);
      g_assert_error (local_error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
      if (bad[i].message != NULL)
        g_assert_cmpstr (local_error->message, ==, bad[i].message);
      else
        g_assert_nonnull (strstr (local_error->message, ".indicators[0].curve: "));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autofree char *first = export_one (plan);
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpItem) item = NULL;
  g_autoptr(JpIndicator) indicator = NULL;
  g_autoptr(JpProgressEntry) entry = NULL;
  g_autoptr(JpSection) section = NULL;
  JpPlan *copy;

  plans = import_text (first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);

  second = export_all (plans);
  g_assert_cmpstr (second, ==, first);

  /* The values themselves, not only their text. */
  copy = g_ptr_array_index (plans, 0);
  g_assert_cmpint (jp_plan_get_id (copy), ==, 0);
  g_assert_cmpstr (jp_plan_get_title (copy), ==, "2023年工作要点");
  g_assert_cmpstr (jp_plan_get_start (copy), ==, "2023-02-01");
  g_assert_cmpstr (jp_plan_get_end (copy), ==, "2023-11-30");
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (copy)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (copy)), ==, 3);
  g_assert_cmpuint (jp_plan_get_n_items (copy), ==, 2);
  g_assert_cmpuint (jp_plan_get_n_indicators (copy), ==, 4);

  section = g_list_model_get_item (jp_plan_get_sections (copy), 0);
  item = g_list_model_get_item (jp_section_get_items (section), 0);
  g_assert_cmpstr (jp_item_get_body (item), ==, "持续推进…\t\"quoted\" \\ back\nslash");
  g_assert_cmpstr (jp_item_get_due (item), ==, "2023-10-31");
  /* The item's leaders are the plan's own objects. */
  {
    g_autoptr(JpLeader) leader = g_list_model_get_item (jp_item_get_leaders (item), 1);

    g_assert_true (leader == jp_plan_find_leader (copy, "高学芳"));
  }

  indicator = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_assert_cmpfloat (jp_indicator_get_baseline (indicator), ==, 60.5);
  g_assert_true (jp_indicator_get_has_baseline (indicator));
  g_assert_false (jp_indicator_get_has_target_max (indicator));
  entry = g_list_model_get_item (jp_indicator_get_progress (indicator), 0);
  g_assert_cmpfloat (jp_progress_entry_get_value (entry), ==, 4.7);
  g_clear_object (&entry);
  entry = g_list_model_get_item (jp_indicator_get_progress (indicator), 2);
  g_assert_cmpstr (jp_progress_entry_get_note (entry), ==, "同一天的第二次");
  g_clear_object (&indicator);
  indicator = g_list_model_get_item (jp_item_get_indicators (item), 2);
  g_assert_cmpint (jp_indicator_get_kind (indicator), ==, JP_INDICATOR_KIND_DECREASE_BY);
  g_assert_cmpfloat (jp_indicator_get_target (indicator), ==, 0.5);
  g_assert_cmpfloat (jp_indicator_get_weight (indicator), ==, 0.5);
}

/* The exact text of the format: member order, integers, null, pretty
 * printing. tests/data/json/plan.json is the export of build_full_plan(). */
static void
test_format (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autofree char *text = export_one (plan);
  g_autofree char *expected = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "json", "plan.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);

  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"jinfeng-plan\",\n"
                                         "  \"version\" : 2,\n  \"plans\" : [\n    {\n"
                                         "      \"title\" : \"2023年工作要点\",\n"
                                         "      \"year\" : 2023,\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_nonnull (strstr (text, "\"target\" : 90,\n"));
  g_assert_nonnull (strstr (text, "\"target_max\" : null,\n"));
  g_assert_nonnull (strstr (text, "\"target\" : 0.5,\n"));
  g_assert_nonnull (strstr (text, "\"value\" : 4.7000000000000002,\n"));
  g_assert_nonnull (strstr (text, "\"completion\" : 50,\n"));
  g_assert_nonnull (strstr (text, "\"completion\" : null,\n"));
  g_assert_nonnull (strstr (text, "\"partner_units\" : [],\n"));
}

/* The fixture (the exact output of an export) imports and exports back
 * to the same bytes. */
static void
test_fixture_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "json", "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = jp_json_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  text = export_all (plans);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_several_plans (void)
{
  g_autoptr(JpPlan) a = build_full_plan ();
  g_autoptr(JpPlan) b = jp_plan_new ("2024年工作要点", 2024);
  JpPlan *both[] = { a, b };
  g_autofree char *text = jp_json_export_plans (both, 2, NULL, NULL);
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  plans = import_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpstr (jp_plan_get_title (g_ptr_array_index (plans, 1)), ==, "2024年工作要点");
  /* Dates default from the year. */
  g_assert_cmpstr (jp_plan_get_start (g_ptr_array_index (plans, 1)), ==, "2024-01-01");
  g_assert_cmpstr (jp_plan_get_end (g_ptr_array_index (plans, 1)), ==, "2024-12-31");
  again = export_all (plans);
  g_assert_cmpstr (again, ==, text);

  none = import_text ("{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": []}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- Validation ------------------------------------------------------ */

/* Imports; each case below changes one piece of it. */
static const char base_json[] =
  "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": [{\"title\": \"2023年工作要点\", "
  "\"year\": 2023, \"leaders\": [\"张学兵\"], \"sections\": [{\"ordinal\": \"一\", "
  "\"title\": \"党建\", \"items\": [{\"number\": 1, \"title\": \"学习\", "
  "\"leaders\": [\"张学兵\", \"高学芳\"], \"updates\": [{\"date\": \"2023-06-30\", \"completion\": 50}], "
  "\"indicators\": [{\"name\": \"规范化率\", \"kind\": \"at_least\", \"target\": 90, "
  "\"target_max\": null, \"progress\": [{\"date\": \"2023-06-30\", \"value\": 72}]}]}]}]}]}";

#define IND "t.json: plans[0].sections[0].items[0].indicators[0]."

static const struct
{
  const char *from;     /* replaced (first occurrence) in base_json */
  const char *to;
  int         code;
  const char *message;  /* the whole message; NULL: see prefix */
  const char *prefix;
} error_cases[] = {
  { "\"format\": \"jinfeng-plan\", ", "", JP_IMPORT_ERROR_MISSING_FIELD,
    "t.json: format: required but missing" },
  { "\"jinfeng-plan\"", "\"other-format\"", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: format: not a plan file (expected “jinfeng-plan”)" },
  { "\"version\": 1", "\"version\": 3", JP_IMPORT_ERROR_VERSION,
    "t.json: version: version 3 was written by a newer version of this program "
    "(this one reads version 2)" },
  { "\"version\": 1", "\"version\": \"1\"", JP_IMPORT_ERROR_PARSE,
    "t.json: version: expected an integer" },
  { "\"version\": 1", "\"version\": 0", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: version: must be between 1 and 2147483647" },
  { "\"plans\": [{", "\"plans\": 3, \"x\": [{", JP_IMPORT_ERROR_PARSE,
    "t.json: plans: expected an array" },
  { "\"title\": \"2023年工作要点\", ", "", JP_IMPORT_ERROR_MISSING_FIELD,
    "t.json: plans[0].title: required but missing" },
  { "\"year\": 2023", "\"year\": 2023.5", JP_IMPORT_ERROR_PARSE,
    "t.json: plans[0].year: expected an integer" },
  { "\"year\": 2023", "\"year\": 2023, \"end\": \"2022-12-31\"", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: plans[0].end: before the start of the plan" },
  { "\"leaders\": [\"张学兵\"]", "\"leaders\": [\"张学兵\", \"张学兵\"]", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: plans[0].leaders[1]: “张学兵” is listed twice" },
  { "\"leaders\": [\"张学兵\"]", "\"leaders\": [\"\"]", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: plans[0].leaders[0]: empty name" },
  { "\"leaders\": [\"张学兵\", \"高学芳\"]", "\"leaders\": [\"张学兵\", 7]", JP_IMPORT_ERROR_PARSE,
    "t.json: plans[0].sections[0].items[0].leaders[1]: expected a string" },
  { "\"title\": \"党建\"", "\"title\": null", JP_IMPORT_ERROR_PARSE,
    "t.json: plans[0].sections[0].title: expected a string" },
  { "\"items\": [", "\"items\": [7, ", JP_IMPORT_ERROR_PARSE,
    "t.json: plans[0].sections[0].items[0]: expected an object" },
  { "\"number\": 1", "\"number\": -1", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: plans[0].sections[0].items[0].number: must be between 0 and 2147483647" },
  { "\"updates\": [", "\"updates\": 5, \"x\": [", JP_IMPORT_ERROR_PARSE,
    "t.json: plans[0].sections[0].items[0].updates: expected an array" },
  { "\"completion\": 50", "\"completion\": 101", JP_IMPORT_ERROR_BAD_VALUE,
    "t.json: plans[0].sections[0].items[0].updates[0].completion: must be between 0 and 100" },
  { "\"target\": 90", "\"target\": \"90\"", JP_IMPORT_ERROR_PARSE,
    IND "target: expected a number" },
  { "\"target\": 90, ", "", JP_IMPORT_ERROR_MISSING_FIELD,
    IND "target: required but missing" },
  { "\"target\": 90", "\"target\": -1", JP_IMPORT_ERROR_BAD_VALUE,
    IND "target: must not be negative" },
  /* Each says what is wrong with that number. */
  { "\"target\": 90", "\"target\": 1e999", JP_IMPORT_ERROR_BAD_VALUE,
    IND "target: “1e999” is too large: the largest number the program stores is 1,000,000,000,000,000 (10^15)" },
  { "\"target\": 90", "\"target\": -1e999", JP_IMPORT_ERROR_BAD_VALUE,
    IND "target: “-1e999” is too large: the largest number the program stores is 1,000,000,000,000,000 (10^15)" },
  { "\"target\": 90", "\"target\": 1e300", JP_IMPORT_ERROR_BAD_VALUE,
    IND "target: “1e300” is too large: the largest number the program stores is 1,000,000,000,000,000 (10^15)" },
  /* Not JSON at all: json-glib refuses it with the line and column. */
  { "\"target\": 90", "\"target\": NaN", JP_IMPORT_ERROR_PARSE, NULL, "t.json:1:" },
  { "\"target\": 90", "\"target\": Infinity", JP_IMPORT_ERROR_PARSE, NULL, "t.json:1:" },
  { "\"target_max\": null", "\"target_max\": 80", JP_IMPORT_ERROR_BAD_VALUE,
    IND "target_max: less than the target" },
  { "\"kind\": \"at_least\"", "\"kind\": \"more_than\"", JP_IMPORT_ERROR_BAD_VALUE,
    IND "kind: unknown kind “more_than” (expected at_least, at_most, range, decrease_by, "
    "increase_by or milestone)" },
  { "\"kind\": \"at_least\"", "\"kind\": 1", JP_IMPORT_ERROR_PARSE,
    IND "kind: expected a string" },
  { "\"target_max\": null", "\"target_max\": null, \"due\": \"2023-02-30\"", JP_IMPORT_ERROR_BAD_VALUE,
    IND "due: “2023-02-30” is not a valid date (YYYY-MM-DD)" },
  { "\"date\": \"2023-06-30\", \"value\"", "\"date\": \"2023-02-30\", \"value\"",
    JP_IMPORT_ERROR_BAD_VALUE,
    IND "progress[0].date: “2023-02-30” is not a valid date (YYYY-MM-DD)" },
  { "\"date\": \"2023-06-30\", \"value\"", "\"date\": \"2023/06/30\", \"value\"",
    JP_IMPORT_ERROR_BAD_VALUE,
    IND "progress[0].date: “2023/06/30” is not a valid date (YYYY-MM-DD)" },
  { "\"date\": \"2023-06-30\", \"value\"", "\"date\": null, \"value\"", JP_IMPORT_ERROR_PARSE,
    IND "progress[0].date: expected a date (YYYY-MM-DD)" },
  { ", \"value\": 72", "", JP_IMPORT_ERROR_MISSING_FIELD,
    IND "progress[0].value: required but missing" },
  { "\"value\": 72", "\"value\": true", JP_IMPORT_ERROR_PARSE,
    IND "progress[0].value: expected a number" },
  { "]}]}]}]}", "]}]}]}]} x", JP_IMPORT_ERROR_PARSE, NULL, "t.json:1:" },
  { "{\"format\"", "[{\"format\"", JP_IMPORT_ERROR_PARSE, NULL, "t.json:1:" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(GString) json = g_string_new (base_json);
      g_autoptr(GPtrArray) plans = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s → %s", i, error_cases[i].from, error_cases[i].to);
      g_assert_cmpuint (g_string_replace (json, error_cases[i].from, error_cases[i].to, 1), ==, 1);

      plans = import_text (json->str, &error);
      g_assert_null (plans);
      g_assert_error (error, JP_IMPORT_ERROR, error_cases[i].code);
      if (error_cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, error_cases[i].message);
      else
        g_assert_true (g_str_has_prefix (error->message, error_cases[i].prefix));
    }
}

static void
test_base_imports (void)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  JpPlan *plan;

  plans = import_text (base_json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  /* 高学芳 is named by an item only: the plan gains it. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 2);
  g_assert_nonnull (jp_plan_find_leader (plan, "高学芳"));
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 1);
}

/* Members the format does not know are ignored, at every level, as is a
 * UTF-8 byte order mark. */
static void
test_unknown_members (void)
{
  g_autoptr(GString) json = g_string_new (base_json);
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) extended = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *extended_text = NULL;

  plain = import_text (base_json, &error);
  g_assert_no_error (error);
  plain_text = export_all (plain);

  g_string_replace (json, "\"version\": 1", "\"version\": 1, \"generator\": {\"name\": \"x\"}", 1);
  g_string_replace (json, "\"year\": 2023", "\"year\": 2023, \"color\": \"red\"", 1);
  g_string_replace (json, "\"number\": 1", "\"number\": 1, \"tags\": [1, [2], {\"a\": null}]", 1);
  g_string_replace (json, "\"value\": 72", "\"value\": 72, \"source\": {\"page\": 3}", 1);
  g_string_prepend (json, "\xEF\xBB\xBF");

  extended = import_text (json->str, &error);
  g_assert_no_error (error);
  extended_text = export_all (extended);
  g_assert_cmpstr (extended_text, ==, plain_text);
}

static void
test_encoding_errors (void)
{
  static const struct
  {
    const char *text;
    gsize       length;
    int         code;
    const char *message;
  } cases[] = {
    { "", 0, JP_IMPORT_ERROR_NOT_TEXT, "t.json: empty file" },
    { " \n\t ", 4, JP_IMPORT_ERROR_NOT_TEXT, "t.json: empty file" },
    { "{\"format\":\n\"\xff\"}", 15, JP_IMPORT_ERROR_ENCODING, "t.json:2: not valid UTF-8 text" },
    { "{\"format\":\0\"x\"}", 15, JP_IMPORT_ERROR_ENCODING, "t.json:1: not valid UTF-8 text" },
    { "[1, 2]", 6, JP_IMPORT_ERROR_PARSE, "t.json: expected a JSON object" },
    { "7", 1, JP_IMPORT_ERROR_PARSE, "t.json: expected a JSON object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, cases[i].length);
      g_autoptr(GPtrArray) plans = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      plans = jp_json_import_bytes (bytes, "t.json", &error);
      g_assert_null (plans);
      g_assert_error (error, JP_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* json-glib 1.6 recurses while parsing and crashes near 100,000 levels:
 * deep input is refused before it is parsed. */
static void
test_deep_nesting (void)
{
  const guint n = 200000;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"jinfeng-plan\",\n\"x\": ");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_c (json, i % 2 == 0 ? '[' : '{');
  plans = import_text (json->str, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==,
                   "t.json:2: nested deeper than the format allows (16 levels)");
  g_clear_error (&error);

  /* Closed again: still refused. */
  g_string_truncate (json, 0);
  for (guint i = 0; i < n; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (json, ']');
  plans = import_text (json->str, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_DEEP);
}

/* The deepest value of the format is at level 11 (a progress entry);
 * unknown members may nest 5 more levels, then the file is refused.
 * Brackets in strings do not count. */
static void
test_depth_limit (void)
{
  g_autoptr(GString) ok = g_string_new (base_json);
  g_autoptr(GString) deep = g_string_new (base_json);
  g_autoptr(GString) brackets = g_string_new (base_json);
  g_autoptr(GString) title = g_string_new ("\\\"");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  g_string_replace (ok, "\"value\": 72", "\"value\": 72, \"x\": [[[[[]]]]]", 1);
  plans = import_text (ok->str, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plans, g_ptr_array_unref);

  g_string_replace (deep, "\"value\": 72", "\"value\": 72, \"x\": [[[[[[]]]]]]", 1);
  plans = import_text (deep->str, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_DEEP);
  g_clear_error (&error);

  for (guint i = 0; i < 10000; i++)
    g_string_append (title, "[{");
  g_string_append (title, "\\\\");
  g_string_prepend (title, "\"title\": \"");
  g_string_append (title, "\"");
  g_string_replace (brackets, "\"title\": \"2023年工作要点\"", title->str, 1);
  plans = import_text (brackets->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (jp_plan_get_title (g_ptr_array_index (plans, 0))), ==, 20002);
}

/* ---- Files ----------------------------------------------------------- */

static void
test_write_file (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autofree char *expected = export_one (plan);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  const char *name;
  guint n_entries = 0;
  GDir *listing;

  dir = g_dir_make_tmp ("test-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "计划.json", NULL);

  g_assert_true (jp_json_write_file (&plan, 1, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);

  bad_path = g_build_filename (dir, "no-such-folder", "x.json", NULL);
  g_assert_false (jp_json_write_file (&plan, 1, bad_path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, bad_path));
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  /* The rename fails (a folder is in the way): no temporary file is left
   * behind, and the folder is untouched. */
  sub = g_build_filename (dir, "sub", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (jp_json_write_file (&plan, 1, sub, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_entries++;
  g_dir_close (listing);
  g_assert_cmpuint (n_entries, ==, 2);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));

  missing = g_file_new_for_path (bad_path);
  plans = jp_json_import_file (missing, NULL, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, bad_path));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A value import would refuse is not exported either. */
static void
test_export_refuses_non_finite (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (plan), 0);
  g_autoptr(JpItem) item = g_list_model_get_item (jp_section_get_items (section), 0);
  g_autoptr(JpIndicator) indicator = g_list_model_get_item (jp_item_get_indicators (item), 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  jp_indicator_set_target_max (indicator, INFINITY);
  text = jp_json_export_plans (&plan, 1, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "plans[0].sections[0].items[0].indicators[1].target_max: "
                   "the number is not finite or too large to export");
}

/* The export is written without json-glib (as it goes, to keep the memory
 * of a large plan's export low) but must read exactly as JsonGenerator
 * writes it: every ASCII byte, Chinese text, empty arrays, doubles. */
static void
test_same_as_json_glib (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (plan), 0);
  g_autoptr(JpItem) item = g_list_model_get_item (jp_section_get_items (section), 0);
  g_autoptr(JpIndicator) indicator = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_autoptr(JpProgressEntry) tiny = jp_progress_entry_new ("2023-04-01", 1.0 / 3.0);
  g_autoptr(JpProgressEntry) negative = jp_progress_entry_new ("2023-04-02", -0.0);
  g_autoptr(JpProgressEntry) big = jp_progress_entry_new ("2023-04-03", -999999999999.75);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) all_bytes = g_string_new ("全角“引号” ");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_nl = NULL;

  /* Every ASCII byte but 0x1F, which json-glib writes unescaped (and its
   * parser then refuses): the export does the same, but a parser cannot
   * check it. */
  for (int c = 1; c < 0x80; c++)
    if (c != 0x1f)
      g_string_append_c (all_bytes, (char) c);
  jp_item_set_title (item, all_bytes->str);
  jp_progress_entry_set_note (tiny, "\x01\x1e\x7f\b\f\r\n\t\"\\/");
  jp_indicator_add_progress (indicator, tiny);
  jp_indicator_add_progress (indicator, negative);
  jp_indicator_add_progress (indicator, big);

  text = export_one (plan);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, json_parser_get_root (parser));
  expected = json_generator_to_data (generator, NULL);
  expected_nl = g_strconcat (expected, "\n", NULL);
  g_assert_cmpstr (text, ==, expected_nl);
  g_assert_nonnull (strstr (text, "\\u0001\\u001e\\u007f\\b\\f\\r\\n\\t\\\"\\\\/"));
  g_assert_nonnull (strstr (text, "\"value\" : 0.33333333333333331,"));
  g_assert_nonnull (strstr (text, "\"value\" : -999999999999.75,"));
  g_assert_nonnull (strstr (text, "\"updates\" : [],"));

  /* 0x1F as json-glib 1.6 writes it: as it is. */
  jp_item_set_title (item, "a\x1f" "b");
  g_clear_pointer (&text, g_free);
  text = export_one (plan);
  g_assert_nonnull (strstr (text, "\"title\" : \"a\x1f" "b\","));
}

/* A plan whose export is much larger than the buffer that is flushed to
 * the file as the export goes: the file is the same as the text. */
static void
test_write_large_file (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("大计划", 2024);
  g_autoptr(JpSection) section = jp_section_new ("一", "部分");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  jp_plan_append_section (plan, section);
  for (int i = 1; i <= 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%d项工作：“推进”\t%s", i, "\\");
      g_autoptr(JpItem) item = jp_item_new (i, title);
      g_autoptr(JpIndicator) indicator = jp_indicator_new ("覆盖率", JP_INDICATOR_KIND_AT_LEAST,
                                                           90.5);
      g_autoptr(GString) body = g_string_new (NULL);

      for (int j = 0; j < 20; j++)
        g_string_append (body, "持续推进学校党组织建设，");
      jp_item_set_body (item, body->str);
      jp_item_append_indicator (item, indicator);
      jp_section_append_item (section, item);
    }

  expected = export_one (plan);
  g_assert_cmpuint (strlen (expected), >, 4 * 64 * 1024);

  dir = g_dir_make_tmp ("test-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.json", NULL);
  g_assert_true (jp_json_write_file (&plan, 1, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A number that cannot be written is found only as the export goes: no
 * file is left, not even a temporary one. */
static void
test_write_file_refuses_non_finite (void)
{
  g_autoptr(JpPlan) plan = build_full_plan ();
  g_autoptr(JpSection) section = g_list_model_get_item (jp_plan_get_sections (plan), 0);
  g_autoptr(JpItem) item = g_list_model_get_item (jp_section_get_items (section), 0);
  g_autoptr(JpIndicator) indicator = g_list_model_get_item (jp_item_get_indicators (item), 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GDir *listing;

  jp_indicator_set_target_max (indicator, NAN);
  dir = g_dir_make_tmp ("test-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "x.json", NULL);
  g_assert_false (jp_json_write_file (&plan, 1, path, &error));
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A file beyond JP_JSON_MAX_SIZE is refused by its size, before it is
 * read (the file here is sparse: reading it would take seconds and half a
 * gigabyte). */
static void
test_import_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 start;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.json", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) JP_JSON_MAX_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  plans = jp_json_import_file (file, NULL, &error);
  g_assert_null (plans);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_assert_nonnull (strstr (error->message, "536.9"));
  /* Refused without reading 512 MiB. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/json/round-trip", test_round_trip);
  g_test_add_func ("/jp/json/format", test_format);
  g_test_add_func ("/jp/json/version-1", test_version_1);
  g_test_add_func ("/jp/json/curves", test_curves);
  g_test_add_func ("/jp/json/fixture-round-trip", test_fixture_round_trip);
  g_test_add_func ("/jp/json/several-plans", test_several_plans);
  g_test_add_func ("/jp/json/base-imports", test_base_imports);
  g_test_add_func ("/jp/json/errors", test_errors);
  g_test_add_func ("/jp/json/unknown-members", test_unknown_members);
  g_test_add_func ("/jp/json/encoding-errors", test_encoding_errors);
  g_test_add_func ("/jp/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/jp/json/depth-limit", test_depth_limit);
  g_test_add_func ("/jp/json/write-file", test_write_file);
  g_test_add_func ("/jp/json/export-refuses-non-finite", test_export_refuses_non_finite);
  g_test_add_func ("/jp/json/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/jp/json/write-large-file", test_write_large_file);
  g_test_add_func ("/jp/json/write-file-refuses-non-finite", test_write_file_refuses_non_finite);
  g_test_add_func ("/jp/json/import-too-large", test_import_too_large);

  return g_test_run ();
}
