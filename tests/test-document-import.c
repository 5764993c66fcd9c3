/* The plan-document importer: the reference plan field by field against
 * tests/data/jinfeng-2023-expected.json, one small document per variant of
 * the format, the errors and the warnings. */

#include "config.h"

#include "jp-document-import.h"
#include "jp-enum-types.h"
#include "jp-model.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

/* ---- Helpers ------------------------------------------------------------- */

static char *
data_path (const char *name)
{
  return g_build_filename (JP_TEST_DATADIR, name, NULL);
}

static JpPlan *
import_data_file (const char  *name,
                  GPtrArray  **warnings,
                  GError     **error)
{
  g_autofree char *path = data_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = g_path_get_basename (name);
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    g_error ("cannot read %s", path);
  bytes = g_bytes_new (contents, len);

  return jp_document_import_bytes (bytes, display, warnings, error);
}

static const char *
kind_nick (JpIndicatorKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (JP_TYPE_INDICATOR_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  return value != NULL ? value->value_nick : "?";
}

static GPtrArray *
plan_items (JpPlan *plan)
{
  return jp_plan_dup_items (plan);
}

static char *
join_names (GListModel *list)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (list, i);
      const char *name = JP_IS_LEADER (obj) ? jp_leader_get_name (JP_LEADER (obj))
                                            : jp_unit_get_name (JP_UNIT (obj));

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, name);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "一:坚持党建引领|二:强化管理" */
static char *
describe_sections (JpPlan *plan)
{
  GListModel *sections = jp_plan_get_sections (plan);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);

      g_string_append_printf (s, "%s%s:%s", i > 0 ? "|" : "", jp_section_get_ordinal (section),
                              jp_section_get_title (section));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef enum
{
  DESCRIBE_TITLES,
  DESCRIBE_LEADERS,
  DESCRIBE_UNITS,
  DESCRIBE_PARTNERS,
  DESCRIBE_DUES,
  DESCRIBE_TARGETS,
} Describe;

/* One field of every item, "|" between items. */
static char *
describe_items (JpPlan   *plan,
                Describe  what)
{
  g_autoptr(GPtrArray) items = plan_items (plan);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      JpItem *item = g_ptr_array_index (items, i);
      GListModel *indicators = jp_item_get_indicators (item);
      g_autofree char *names = NULL;

      if (i > 0)
        g_string_append_c (s, '|');

      switch (what)
        {
        case DESCRIBE_TITLES:
          g_string_append_printf (s, "%d:%s", jp_item_get_number (item), jp_item_get_title (item));
          break;
        case DESCRIBE_LEADERS:
          names = join_names (jp_item_get_leaders (item));
          g_string_append (s, names);
          break;
        case DESCRIBE_UNITS:
          names = join_names (jp_item_get_units (item));
          g_string_append (s, names);
          break;
        case DESCRIBE_PARTNERS:
          names = join_names (jp_item_get_partner_units (item));
          g_string_append (s, names);
          break;
        case DESCRIBE_DUES:
          g_string_append (s, jp_item_get_due (item) != NULL ? jp_item_get_due (item) : "-");
          break;
        case DESCRIBE_TARGETS:
          for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
            {
              g_autoptr(JpIndicator) ind = g_list_model_get_item (indicators, k);

              g_string_append_printf (s, "%s%s %g", k > 0 ? ";" : "",
                                      kind_nick (jp_indicator_get_kind (ind)),
                                      jp_indicator_get_target (ind));
              if (jp_indicator_get_has_target_max (ind))
                g_string_append_printf (s, "-%g", jp_indicator_get_target_max (ind));
              g_string_append_printf (s, " %s", jp_indicator_get_unit (ind));
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
describe_warnings (GPtrArray *warnings)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      JpImportWarning *w = g_ptr_array_index (warnings, i);

      g_string_append_printf (s, "%s%u: %s", i > 0 ? "\n" : "", w->line, w->message);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static JpItem *
item_at (JpPlan *plan,
         guint   index)
{
  g_autoptr(GPtrArray) items = plan_items (plan);

  g_assert_cmpuint (index, <, items->len);
  return g_ptr_array_index (items, index);
}

/* ---- The reference plan -------------------------------------------------- */

static JsonArray *
get_array (JsonObject *obj,
           const char *member)
{
  g_assert_true (json_object_has_member (obj, member));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, member)));
  return json_object_get_array_member (obj, member);
}

static void
assert_names (GListModel *list,
              JsonArray  *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (list, i);
      const char *name = JP_IS_LEADER (obj) ? jp_leader_get_name (JP_LEADER (obj))
                                            : jp_unit_get_name (JP_UNIT (obj));

      g_assert_cmpstr (name, ==, json_array_get_string_element (expected, i));
    }
}

/* The matching rule of the expected file: the exported text is a piece of
 * the item's text that contains the number. */
static void
assert_target_text (JpItem      *item,
                    JpIndicator *ind,
                    JsonObject  *expected)
{
  const char *text = jp_indicator_get_text (ind);
  g_autofree char *number = g_strdup_printf ("%g", jp_indicator_get_target (ind));

  g_assert_nonnull (text);
  g_assert_true (strstr (jp_item_get_body (item), text) != NULL ||
                 strstr (jp_item_get_title (item), text) != NULL);
  g_assert_nonnull (strstr (text, number));
  /* Our cut is the one the expected file shows. */
  g_assert_cmpstr (text, ==, json_object_get_string_member (expected, "text"));
  g_assert_nonnull (jp_indicator_get_name (ind));
  g_assert_cmpstr (jp_indicator_get_name (ind), !=, "");
  g_assert_cmpfloat (jp_indicator_get_weight (ind), ==, 1);
}

static void
test_reference (void)
{
  g_autofree char *expected_path = data_path ("jinfeng-2023-expected.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *warning_text = NULL;
  JsonObject *root;
  JsonArray *sections;
  JsonArray *orgs;
  const char * const *plan_orgs;
  GListModel *plan_sections;
  guint n_targets = 0;
  guint n_items = 0;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  plan = import_data_file ("jinfeng-2023.txt", &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  warning_text = describe_warnings (warnings);
  g_assert_cmpstr (warning_text, ==, "");

  g_assert_cmpstr (jp_plan_get_title (plan), ==, json_object_get_string_member (root, "title"));
  g_assert_cmpint (jp_plan_get_year (plan), ==, json_object_get_int_member (root, "year"));
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2023-01-01");
  g_assert_cmpstr (jp_plan_get_end (plan), ==, "2023-12-31");

  orgs = get_array (root, "organizations");
  plan_orgs = jp_plan_get_organizations (plan);
  g_assert_nonnull (plan_orgs);
  g_assert_cmpuint (g_strv_length ((char **) plan_orgs), ==, json_array_get_length (orgs));
  for (guint i = 0; i < json_array_get_length (orgs); i++)
    g_assert_cmpstr (plan_orgs[i], ==, json_array_get_string_element (orgs, i));

  g_assert_true (g_str_has_prefix (jp_plan_get_preamble (plan),
                                   json_object_get_string_member (root, "preamble_starts")));
  g_assert_true (g_str_has_suffix (jp_plan_get_preamble (plan), "办好人民满意的教育。"));

  sections = get_array (root, "sections");
  plan_sections = jp_plan_get_sections (plan);
  g_assert_cmpuint (g_list_model_get_n_items (plan_sections), ==, json_array_get_length (sections));

  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *exp_section = json_array_get_object_element (sections, s);
      g_autoptr(JpSection) section = g_list_model_get_item (plan_sections, s);
      JsonArray *exp_items = get_array (exp_section, "items");
      GListModel *section_items = jp_section_get_items (section);

      g_assert_cmpstr (jp_section_get_ordinal (section), ==,
                       json_object_get_string_member (exp_section, "ordinal"));
      g_assert_cmpstr (jp_section_get_title (section), ==,
                       json_object_get_string_member (exp_section, "title"));
      g_assert_cmpuint (g_list_model_get_n_items (section_items), ==, json_array_get_length (exp_items));

      for (guint i = 0; i < json_array_get_length (exp_items); i++)
        {
          JsonObject *exp_item = json_array_get_object_element (exp_items, i);
          g_autoptr(JpItem) item = g_list_model_get_item (section_items, i);
          JsonArray *exp_targets = get_array (exp_item, "targets");
          GListModel *indicators = jp_item_get_indicators (item);

          g_test_message ("item %d", jp_item_get_number (item));
          g_assert_cmpint (jp_item_get_number (item), ==, json_object_get_int_member (exp_item, "number"));
          g_assert_cmpstr (jp_item_get_title (item), ==, json_object_get_string_member (exp_item, "title"));
          g_assert_nonnull (jp_item_get_body (item));
          g_assert_cmpstr (jp_item_get_body (item), !=, "");
          /* The body is the rest: it does not repeat the lead sentence. */
          g_assert_false (g_str_has_prefix (jp_item_get_body (item), jp_item_get_title (item)));
          g_assert_null (strstr (jp_item_get_body (item), "**"));
          g_assert_null (strstr (jp_item_get_body (item), "\n"));
          g_assert_null (jp_item_get_due (item));
          assert_names (jp_item_get_leaders (item), get_array (exp_item, "leaders"));
          assert_names (jp_item_get_units (item), get_array (exp_item, "units"));
          g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_partner_units (item)), ==, 0);

          if (json_object_has_member (exp_item, "body_contains"))
            {
              JsonArray *pieces = get_array (exp_item, "body_contains");

              for (guint p = 0; p < json_array_get_length (pieces); p++)
                g_assert_nonnull (strstr (jp_item_get_body (item),
                                          json_array_get_string_element (pieces, p)));
            }

          g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, json_array_get_length (exp_targets));
          for (guint t = 0; t < json_array_get_length (exp_targets); t++)
            {
              JsonObject *exp_target = json_array_get_object_element (exp_targets, t);
              g_autoptr(JpIndicator) ind = g_list_model_get_item (indicators, t);
              JsonNode *max = json_object_get_member (exp_target, "target_max");

              g_assert_cmpstr (kind_nick (jp_indicator_get_kind (ind)), ==,
                               json_object_get_string_member (exp_target, "kind"));
              g_assert_cmpfloat (jp_indicator_get_target (ind), ==,
                                 json_object_get_double_member (exp_target, "target"));
              if (JSON_NODE_HOLDS_NULL (max))
                g_assert_false (jp_indicator_get_has_target_max (ind));
              else
                {
                  g_assert_true (jp_indicator_get_has_target_max (ind));
                  g_assert_cmpfloat (jp_indicator_get_target_max (ind), ==, json_node_get_double (max));
                }
              g_assert_cmpstr (jp_indicator_get_unit (ind), ==,
                               json_object_get_string_member (exp_target, "unit"));
              assert_target_text (item, ind, exp_target);
              n_targets++;
            }
          n_items++;
        }
    }

  g_assert_cmpuint (n_items, ==, 17);
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 17);
  g_assert_cmpuint (n_targets, ==, json_object_get_int_member (root, "target_count"));
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, json_object_get_int_member (root, "target_count"));
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==,
                    json_object_get_int_member (root, "leader_count"));
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==,
                    json_object_get_int_member (root, "unit_count"));

  /* One leader object per person, whether written "崔 茜" or "崔茜". */
  items = plan_items (plan);
  {
    g_autoptr(JpLeader) cui8 = g_list_model_get_item (jp_item_get_leaders (g_ptr_array_index (items, 7)), 0);
    g_autoptr(JpLeader) cui9 = g_list_model_get_item (jp_item_get_leaders (g_ptr_array_index (items, 8)), 0);

    g_assert_true (cui8 == cui9);
    g_assert_cmpstr (jp_leader_get_name (cui8), ==, "崔茜");
  }

  /* Text as written: the traditional 學 stays. */
  g_assert_nonnull (strstr (jp_item_get_body (g_ptr_array_index (items, 6)), "中小學生体质健康"));
}

/* The bundled copy in data/ is the same document. */
static void
test_bundled_copy (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bundled = g_build_filename (JP_TEST_DATADIR, "..", "..", "data", "plans",
                                               "jinfeng-2023.txt", NULL);
  g_autofree char *test_copy = data_path ("jinfeng-2023.txt");

  g_assert_true (g_file_get_contents (bundled, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (test_copy, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
}

/* ---- Variants of the format --------------------------------------------- */

typedef struct
{
  const char *file;
  const char *title;
  int         year;
  const char *sections;
  const char *items;
  const char *leaders;
  const char *units;
  const char *partners;  /* NULL: none anywhere */
  const char *dues;      /* NULL: none anywhere */
  const char *targets;
  guint       n_leaders;
  guint       n_units;
  const char *warnings;  /* all warnings, "LINE: message" joined by \n */
} DocCase;

#define BASE_SECTIONS "一:坚持党建引领|二:强化管理"
#define BASE_ITEMS    "1:加强党的建设|2:提高德育质量|3:加强校园安全管理"
#define BASE_LEADERS  "张学兵,崔茜|崔茜|马学明"
#define BASE_UNITS    "教育党工委,各中小学校、幼儿园|基教室|基教室,学前室"
#define BASE_TARGETS  "at_least 90 %|range 3-5 所|"

static const DocCase doc_cases[] = {
  /* The same small plan with a BOM, in GB18030, with CRLF and CR. */
  { "docs/utf8-bom.txt", "2024年工作要点", 2024, BASE_SECTIONS, BASE_ITEMS, BASE_LEADERS,
    BASE_UNITS, NULL, NULL, BASE_TARGETS, 3, 4, "" },
  { "docs/gb18030.txt", "2024年工作要点", 2024, BASE_SECTIONS, BASE_ITEMS, BASE_LEADERS,
    BASE_UNITS, NULL, NULL, BASE_TARGETS, 3, 4,
    "0: The file is GB18030 (GBK) text; it was converted to UTF-8." },
  { "docs/crlf.txt", "2024年工作要点", 2024, BASE_SECTIONS, BASE_ITEMS, BASE_LEADERS,
    BASE_UNITS, NULL, NULL, BASE_TARGETS, 3, 4, "" },
  { "docs/cr.txt", "2024年工作要点", 2024, BASE_SECTIONS, BASE_ITEMS, BASE_LEADERS,
    BASE_UNITS, NULL, NULL, BASE_TARGETS, 3, 4, "" },
  /* Full-width digits and punctuation: １．, ：, （）, ９０％. */
  { "docs/fullwidth.txt", "２０２４年工作要点", 2024, "一:坚持党建引领",
    "1:加强党的建设|2:提高德育质量", "张学兵|崔茜", "教育党工委|基教室", NULL, NULL,
    "at_least 90 %;at_least 630 个;range 3-5 所|at_least 50 名", 2, 2, "" },
  /* Page breaks in mid-word, joined back; a real paragraph end kept. */
  { "docs/page-breaks.txt", "2024年工作要点", 2024, "一:坚持党建引领", "1:促进学生全面发展",
    "张学兵", "教研室", NULL, NULL, "range 1-2 项", 1, 1, "" },
  /* （一） items restarting in each section, 牵头领导/牵头单位/配合单位/完成时限. */
  { "docs/chinese-items.txt", "2024年工作要点", 2024, "一:坚持党建引领|二:强化管理",
    "1:加强党的建设|2:巩固意识形态工作|1:加强校园安全管理", "张学兵|张学兵|马学明",
    "教育党工委|教育党工委|基教室", "各支部,办公室||", "2024-12-31|2024-12-31|2024-06-30",
    "at_least 90 %||", 2, 4, "" },
  /* 1． and 1、 */
  { "docs/numbering-variants.txt", "2024年工作要点", 2024, "一:第一部分",
    "1:加强党的建设|2:提高德育质量", "张学兵|张学兵", "教育党工委|基教室", NULL, NULL, "|",
    1, 2, "" },
  /* Markdown headings and bold. */
  { "docs/markdown.md", "2024年工作要点", 2024, "一:坚持党建引领|二:强化管理",
    "1:加强党的建设|2:加强校园安全管理", "张学兵|马学明", "教育党工委|基教室", NULL, NULL,
    "at_least 90 %|", 2, 2, "" },
  /* A notice in GBK with CRLF: the plan's title from 《…》, sub-points in the
   * items, responsibility inline (also on its own line), a page break
   * inside "百分 / 点", a closing section without items. */
  { "docs/notice-gbk-crlf.txt", "金凤区教育局2024年工作要点", 2024,
    "一:强化党建引领|二:提升教育质量|三:附则", "1:加强政治建设|2:推进作风建设|3:提高教学质量",
    "|王明|李华,张强", "办公室,党建办|纪检室|教研室、基教科", "|各学校|", "-|2024-06-30|-",
    "at_least 12 次;at_least 95 %|at_most 3 起|increase_by 5 分;at_least 40 %;decrease_by 1 个百分点",
    3, 5,
    "0: The file is GB18030 (GBK) text; it was converted to UTF-8.\n"
    "28: section 三 has no items\n"
    "30: text between section 三 and its first item was ignored" },
  /* Traditional characters in Big5 (the start of the reference plan, as
   * opencc s2tw and iconv -t BIG5 make it): read as GB18030 it would be
   * garbage; the traditional labels 責任領導 and 責任單位. */
  { "docs/big5.txt", "2023年工作要點", 2023,
    "一:堅持黨建引領、凝心聚魂，夯實教育系統黨建基礎|二:堅持立德樹人、五育並舉，構建素質教育發展全新格局",
    "1:深入學習宣傳貫徹黨的二十大精神|2:全面加強教育系統黨的建設|3:鞏固提升意識形態工作實效|"
    "4:縱深推進全面從嚴治黨|5:強化思想政治教育",
    "張學兵,高學芳|張學兵,高學芳|張學兵,高學芳|張學兵,高學芳|高學芳",
    "教育黨工委,各支部|教育黨工委,各支部|教育黨工委,各支部|教育黨工委,各支部|教研室,各中小學、幼兒園",
    NULL, NULL, "|at_least 90 %;at_least 56 %;at_least 22 %;at_least 35 %|||at_least 20 篇", 2, 4,
    "0: The file is Big5 text; it was converted to UTF-8." },
  /* The responsibility inline at the end of the item. */
  { "docs/inline.txt", "2024年工作要点", 2024, "一:坚持党建引领",
    "1:加强党的建设|2:巩固意识形态工作|3:加强校园安全管理", "||马学明",
    "教育党工委|办公室,人事室,基教室|基教室", "||学前室,各幼儿园", NULL, "at_least 90 %||", 1, 6,
    "" },
};

static void
test_variant (gconstpointer data)
{
  const DocCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = import_data_file (c->file, &warnings, &error);
  g_autofree char *sections = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *leaders = NULL;
  g_autofree char *units = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *dues = NULL;
  g_autofree char *targets = NULL;
  g_autofree char *warning_text = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) no_partners = g_string_new (NULL);
  g_autoptr(GString) no_dues = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  items = plan_items (plan);
  for (guint i = 0; i < items->len; i++)
    {
      g_string_append (no_partners, i > 0 ? "|" : "");
      g_string_append (no_dues, i > 0 ? "|-" : "-");
    }

  g_assert_cmpstr (jp_plan_get_title (plan), ==, c->title);
  g_assert_cmpint (jp_plan_get_year (plan), ==, c->year);
  sections = describe_sections (plan);
  g_assert_cmpstr (sections, ==, c->sections);
  titles = describe_items (plan, DESCRIBE_TITLES);
  g_assert_cmpstr (titles, ==, c->items);
  leaders = describe_items (plan, DESCRIBE_LEADERS);
  g_assert_cmpstr (leaders, ==, c->leaders);
  units = describe_items (plan, DESCRIBE_UNITS);
  g_assert_cmpstr (units, ==, c->units);
  partners = describe_items (plan, DESCRIBE_PARTNERS);
  g_assert_cmpstr (partners, ==, c->partners != NULL ? c->partners : no_partners->str);
  dues = describe_items (plan, DESCRIBE_DUES);
  g_assert_cmpstr (dues, ==, c->dues != NULL ? c->dues : no_dues->str);
  targets = describe_items (plan, DESCRIBE_TARGETS);
  g_assert_cmpstr (targets, ==, c->targets);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, c->n_leaders);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==, c->n_units);
  warning_text = describe_warnings (warnings);
  g_assert_cmpstr (warning_text, ==, c->warnings);
}

/* Organisations, preamble, and one leader object shared by the items that
 * name the same person, with or without a stray space. */
static void
test_title_block_and_people (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = import_data_file ("docs/crlf.txt", NULL, &error);
  const char * const *orgs;
  g_autoptr(JpLeader) a = NULL;
  g_autoptr(JpLeader) b = NULL;
  g_autoptr(JpUnit) u = NULL;
  g_autoptr(JpUnit) v = NULL;

  g_assert_no_error (error);
  orgs = jp_plan_get_organizations (plan);
  g_assert_cmpstr (orgs[0], ==, "金凤区教育党工委");
  g_assert_cmpstr (orgs[1], ==, "金凤区教育局");
  g_assert_null (orgs[2]);
  g_assert_cmpstr (jp_plan_get_preamble (plan), ==, "2024年的总体要求是：办好人民满意的教育。");
  /* CRLF leaves no \r anywhere. */
  g_assert_null (strchr (jp_item_get_body (item_at (plan, 0)), '\r'));
  g_assert_null (strchr (jp_plan_get_title (plan), '\r'));

  /* "崔 茜" (item 1) and "崔茜" (item 2) are one leader. */
  a = g_list_model_get_item (jp_item_get_leaders (item_at (plan, 0)), 1);
  b = g_list_model_get_item (jp_item_get_leaders (item_at (plan, 1)), 0);
  g_assert_true (a == b);
  g_assert_cmpstr (jp_leader_get_name (a), ==, "崔茜");
  /* 基教室 of items 2 and 3 is one unit. */
  u = g_list_model_get_item (jp_item_get_units (item_at (plan, 1)), 0);
  v = g_list_model_get_item (jp_item_get_units (item_at (plan, 2)), 0);
  g_assert_true (u == v);
}

static void
test_text_as_written (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = import_data_file ("docs/fullwidth.txt", NULL, &error);
  g_autoptr(JpPlan) gb = NULL;
  g_autoptr(JpIndicator) ind = NULL;
  JpItem *item;

  g_assert_no_error (error);
  item = item_at (plan, 0);
  g_assert_nonnull (strstr (jp_item_get_body (item), "（含中小學生实践基地）"));
  g_assert_nonnull (strstr (jp_item_get_body (item), "达９０％"));
  ind = g_list_model_get_item (jp_item_get_indicators (item), 0);
  g_assert_cmpstr (jp_indicator_get_text (ind), ==, "党支部规范化率达９０％");
  g_assert_cmpstr (jp_indicator_get_unit (ind), ==, "%");

  gb = import_data_file ("docs/gb18030.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (jp_item_get_body (item_at (gb, 1)), "惠及中小學生"));
}

/* Markdown: the bold lead sentence is the title, with or without its
 * 。; the body does not start with the punctuation after the bold. */
static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = import_data_file ("docs/markdown.md", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (jp_item_get_body (item_at (plan, 0)), ==, "持续推进党组织建设，党支部规范化率达90%。");
  g_assert_cmpstr (jp_item_get_body (item_at (plan, 1)), ==, "开展应急演练。");
  g_assert_cmpstr (jp_plan_get_preamble (plan), ==, "2024年的总体要求是：办好人民满意的教育。");
}

/* A year written in Chinese numerals; a due date in the plan's year. */
static void
test_chinese_year (void)
{
  static const char *text = "金凤区教育局\n二〇二四年工作要点\n一、部分\n1. 加强党建。\n责任单位：办公室\n"
                            "完成时限：十二月底前\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = jp_document_import_bytes (bytes, "cn.txt", &warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (jp_plan_get_title (plan), ==, "二〇二四年工作要点");
  g_assert_cmpint (jp_plan_get_year (plan), ==, 2024);
  g_assert_cmpstr (jp_item_get_due (item_at (plan, 0)), ==, "2024-12-31");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_page_breaks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = import_data_file ("docs/page-breaks.txt", NULL, &error);
  const char *body;

  g_assert_no_error (error);
  body = jp_item_get_body (item_at (plan, 0));
  g_assert_cmpstr (body, ==,
                   "落实美育课程教学，帮助学生掌握1-2项艺术特长。建立政府主导、教育牵头、"
                   "教育督导评估落实的推进机制。以创建自治区新时代教师队伍建设示范县为目标，"
                   "建立以发展素质教育为导向的评价体系。\n第二段另起一行。");
}

/* ---- Errors --------------------------------------------------------------- */

typedef struct
{
  const char *file;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "docs/empty.txt", JP_IMPORT_ERROR_NOT_TEXT, "empty.txt: the file is empty" },
  { "docs/blank.txt", JP_IMPORT_ERROR_NOT_TEXT, "blank.txt: the file is empty" },
  { "docs/binary.png", JP_IMPORT_ERROR_NOT_TEXT,
    "binary.png: this is not a text file (it holds binary data)" },
  { "docs/invalid-encoding.txt", JP_IMPORT_ERROR_ENCODING,
    "invalid-encoding.txt:5: the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes "
    "at byte 4 of the line" },
  /* GB18030 text with bad bytes on line 5: the line and the byte in it
   * (not line 1, where UTF-8 gives up). */
  { "bad/gb18030-invalid.txt", JP_IMPORT_ERROR_ENCODING,
    "gb18030-invalid.txt:5: the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes "
    "at byte 16 of the line" },
  { "docs/no-items.txt", JP_IMPORT_ERROR_NO_ITEMS,
    "no-items.txt: no work items found (numbered lines such as “1. …” or “（一）…”): "
    "this is not a plan document" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = import_data_file (c->file, &warnings, &error);

  g_assert_null (plan);
  g_assert_null (warnings);
  g_assert_error (error, JP_IMPORT_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
}

typedef struct
{
  const char *bytes;
  gsize       len;
  int         code;
  const char *message;
} BytesCase;

static void
test_error_bytes (void)
{
  static const BytesCase cases[] = {
    { "1. 加强\0党建", 15, JP_IMPORT_ERROR_NOT_TEXT, "mem: this is not a text file (it holds binary data)" },
    { "%PDF-1.4\n", 9, JP_IMPORT_ERROR_NOT_TEXT,
      "mem: this is a PDF file, not a plan document: save its text as a .txt file and import that" },
    { "PK\x03\x04word", 8, JP_IMPORT_ERROR_NOT_TEXT,
      "mem: this is a word-processor or archive file, not a plan document: save it as plain "
      "text (.txt) and import that" },
    { "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10, JP_IMPORT_ERROR_NOT_TEXT,
      "mem: this is not a text file (it holds binary data)" },
    { "line one\nline two\n\xff\xff\xff\n", 21, JP_IMPORT_ERROR_ENCODING,
      "mem:3: the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes at byte 1 of "
      "the line" },
    /* Big5 ("臺北市教育局工作要點" / "一、堅持黨建引領") with bad bytes
     * after the 8 characters of line 2. */
    { "\xbb\x4f\xa5\x5f\xa5\xab\xb1\xd0\xa8\x7c\xa7\xbd\xa4\x75\xa7\x40\xad\x6e\xc2\x49\n"
      "\xa4\x40\xa1\x42\xb0\xed\xab\xf9\xc4\xd2\xab\xd8\xa4\xde\xbb\xe2\xff\x41\n", 40,
      JP_IMPORT_ERROR_ENCODING,
      "mem:2: the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes at byte 17 of "
      "the line" },
    /* A UTF-8 file cut in the middle of a character: where UTF-8 stops. */
    { "第一行\n第二行\n加强\xe5\x85", 28, JP_IMPORT_ERROR_ENCODING,
      "mem:3: the text is neither UTF-8, GB18030 (GBK) nor Big5: invalid bytes at byte 7 of "
      "the line" },
    { "\xEF\xBB\xBF", 3, JP_IMPORT_ERROR_NOT_TEXT, "mem: the file is empty" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].bytes, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(JpPlan) plan = jp_document_import_bytes (bytes, "mem", NULL, &error);

      g_assert_null (plan);
      g_assert_error (error, JP_IMPORT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_file (void)
{
  g_autofree char *path = data_path ("jinfeng-2023.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = jp_document_import_file (file, NULL, NULL, &error);
  g_autoptr(JpPlan) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 17);

  none = jp_document_import_file (missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "plan.txt: "));
}

/* UTF-16 with a BOM is converted, and says so. */
static void
test_utf16 (void)
{
  static const char *text = "2024年工作要点\n一、第一部分\n1. 加强党建。达90%。\n责任单位：办公室\n";
  g_autofree char *utf16 = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *warning_text = NULL;
  gsize len = 0;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  data = g_malloc (len + 2);
  data[0] = '\xFF';
  data[1] = '\xFE';
  memcpy (data + 2, utf16, len);
  bytes = g_bytes_new (data, len + 2);

  plan = jp_document_import_bytes (bytes, "u16.txt", &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 1);
  warning_text = describe_warnings (warnings);
  g_assert_cmpstr (warning_text, ==, "0: The file is UTF-16LE text; it was converted to UTF-8.");
}

/* ---- Warnings --------------------------------------------------------- */

static void
test_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(JpPlan) plan = import_data_file ("docs/warnings.txt", &warnings, &error);
  g_autofree char *text = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *targets = NULL;

  g_assert_no_error (error);
  /* Suspicious but usable: everything is imported. */
  titles = describe_items (plan, DESCRIBE_TITLES);
  g_assert_cmpstr (titles, ==, "1:加强党的建设|3:巩固意识形态工作|3:纵深推进全面从严治党|2:强化思想政治教育");
  targets = describe_items (plan, DESCRIBE_TARGETS);
  g_assert_cmpstr (targets, ==, "||increase_by 3 个百分点|at_least 30 节");

  text = describe_warnings (warnings);
  g_assert_cmpstr (text, ==,
                   "11: item 3: out of order (after item 1)\n"
                   "17: item 3: the number is repeated\n"
                   "17: item 3: no 责任领导 or 责任单位 line\n"
                   "17: item 3: could not tell what kind of target “另有2个百分点的差距” is; it was not imported\n"
                   "19: item 2: out of order (after item 3)\n"
                   "19: item 2: no 责任单位 line");
}

/* Small documents written in the test: odd structures that must still give
 * a sensible plan (and the warnings that say what happened). */
typedef struct
{
  const char *text;
  const char *items;
  const char *targets;
  const char *warnings;
} InlineCase;

static const InlineCase inline_cases[] = {
  /* No title block, no sections. */
  { "1. 加强党建。达90%。\n责任单位：办公室\n2. 提高质量。\n责任单位：办公室\n",
    "1:加强党建|2:提高质量", "at_least 90 %|",
    "0: No year found in the title; 2000 was assumed.\n"
    "0: No title line found; the plan is called “2000 work plan”." },
  /* Items before the first section, a section without items, trailing text. */
  { "2024年工作要点\n1. 加强党建。\n责任单位：办公室\n一、第一部分\n二、第二部分\n2. 提高质量。\n"
    "责任单位：办公室\n金凤区教育局办公室 2024年2月1日印发",
    "1:加强党建|2:提高质量", "|",
    "2: items before the first section were put in a section without a title\n"
    "4: section 一 has no items\n"
    "8: text after the responsibility lines of item 2 was added to its body" },
  /* Due dates of every form; an unreadable one. */
  { "2024年工作要点\n一、部分\n1. 甲。\n责任单位：甲\n完成时限：2024年9月\n2. 乙。\n责任单位：乙\n"
    "完成时限：上半年\n3. 丙。\n责任单位：丙\n完成时限：2025-03-15\n4. 丁。\n责任单位：丁\n"
    "完成时限：3天内\n5. 戊。\n责任单位：戊\n完成时限：长期坚持\n6. 己。\n责任单位：己\n"
    "完成时限：十一月中旬\n",
    "1:甲|2:乙|3:丙|4:丁|5:戊|6:己", "|||||",
    "14: item 4: could not read the due date “3天内”" },
  /* A title line on its own, the body on the next lines; a heading cut in two. */
  { "2024年工作要点\n一、坚持党建\n\n引领\n（一）加强党的建设\n坚持党的领导，规范化率达90%。\n"
    "牵头单位：办公室\n",
    "1:加强党的建设", "at_least 90 %", "" },
  /* A page break before "一、二年级…": the rest of a sentence, not a section. */
  { "2024年工作要点\n一、部分\n1. 减轻负担。严格控制\n\n一、二年级书面作业，培养50名教师。\n"
    "责任单位：基教室\n二、部分\n2. 提高质量。\n责任单位：教研室\n",
    "1:减轻负担|2:提高质量", "at_least 50 名|", "" },
  /* Two labels on one line; a bold label; names cut by stray spaces. */
  { "2024年工作要点\n一、部分\n1. 加强党建。\n责任领导：张 学兵 崔 茜  责任单位：办公室 基教室\n"
    "2. 提高质量。\n**牵头领导**：马学明\n**牵头单位：**教研室\n",
    "1:加强党建|2:提高质量", "|", "" },
};

static void
test_inline_documents (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (inline_cases); i++)
    {
      const InlineCase *c = &inline_cases[i];
      g_autoptr(GBytes) bytes = g_bytes_new_static (c->text, strlen (c->text));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(JpPlan) plan = NULL;
      g_autofree char *titles = NULL;
      g_autofree char *targets = NULL;
      g_autofree char *warning_text = NULL;
      g_autofree char *expected_warnings = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));

      g_test_message ("inline document %" G_GSIZE_FORMAT, i);
      plan = jp_document_import_bytes (bytes, "doc.txt", &warnings, &error);
      g_assert_no_error (error);
      titles = describe_items (plan, DESCRIBE_TITLES);
      g_assert_cmpstr (titles, ==, c->items);
      targets = describe_items (plan, DESCRIBE_TARGETS);
      g_assert_cmpstr (targets, ==, c->targets);
      warning_text = describe_warnings (warnings);
      /* The assumed year is this year. */
      {
        g_auto(GStrv) parts = g_strsplit (c->warnings, "2000", -1);

        expected_warnings = g_strjoinv (year, parts);
      }
      g_assert_cmpstr (warning_text, ==, expected_warnings);

      if (i == 1)
        {
          g_assert_cmpstr (jp_item_get_body (item_at (plan, 1)), ==,
                           "金凤区教育局办公室 2024年2月1日印发");
          g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (plan)), ==, 3);
        }
      else if (i == 2)
        {
          g_autofree char *dues = describe_items (plan, DESCRIBE_DUES);

          g_assert_cmpstr (dues, ==, "2024-09-30|2024-06-30|2025-03-15|-|-|2024-11-20");
        }
      else if (i == 3)
        {
          g_autofree char *sections = describe_sections (plan);

          g_assert_cmpstr (sections, ==, "一:坚持党建引领");
          g_assert_cmpstr (jp_item_get_body (item_at (plan, 0)), ==, "坚持党的领导，规范化率达90%。");
        }
      else if (i == 4)
        {
          g_autofree char *sections = describe_sections (plan);

          g_assert_cmpstr (sections, ==, "一:部分|二:部分");
          g_assert_cmpstr (jp_item_get_body (item_at (plan, 0)), ==,
                           "严格控制一、二年级书面作业，培养50名教师。");
        }
      else if (i == 5)
        {
          g_autofree char *leaders = describe_items (plan, DESCRIBE_LEADERS);
          g_autofree char *units = describe_items (plan, DESCRIBE_UNITS);

          g_assert_cmpstr (leaders, ==, "张学兵,崔茜|马学明");
          g_assert_cmpstr (units, ==, "办公室,基教室|教研室");
        }
    }
}

/* An absurd document is refused before it is parsed, naming the limit. */
static void
test_limits (void)
{
  g_autoptr(GString) doc = g_string_new ("2024年工作要点\n一、部分\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint8 *big;
  int fd;

  /* More work items than a plan may have: the line of the first one too
   * many (one item per line after the two heading lines). */
  for (guint i = 1; i <= JP_DOCUMENT_MAX_ITEMS + 1; i++)
    g_string_append_printf (doc, "%u. 事项。\n", i);
  bytes = g_bytes_new (doc->str, doc->len);
  plan = jp_document_import_bytes (bytes, "mem", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("mem:%u: the document has more than 100000 work items, the most "
                              "a plan may have", JP_DOCUMENT_MAX_ITEMS + 3);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Larger than a plan document may be. */
  big = g_malloc (JP_DOCUMENT_MAX_SIZE + 1);
  memset (big, 'a', JP_DOCUMENT_MAX_SIZE + 1);
  bytes = g_bytes_new_take (big, JP_DOCUMENT_MAX_SIZE + 1);
  plan = jp_document_import_bytes (bytes, "mem", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "mem: the document is too large (64.0\u00a0MB): a plan document may have at "
                   "most 64.0\u00a0MB");
  g_clear_error (&error);

  /* A file: refused by its size (a sparse file of 100 MB). */
  dir = g_dir_make_tmp ("test-document-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.txt", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1000 * 1000), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  file = g_file_new_for_path (path);
  plan = jp_document_import_file (file, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.txt: the document is too large (100.0\u00a0MB): a plan document may "
                   "have at most 64.0\u00a0MB");
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The reference plan saved as GB18030 is read as GB18030, not as Big5
 * (GB2312 text is mostly valid Big5 too). */
static void
test_gb18030_not_big5 (void)
{
  g_autofree char *path = data_path ("jinfeng-2023.txt");
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpPlan) reference = NULL;
  gsize utf8_len = 0;
  gsize gb_len = 0;
  JpImportWarning *first;

  g_assert_true (g_file_get_contents (path, &utf8, &utf8_len, NULL));
  gb = g_convert (utf8, utf8_len, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  /* docs/notice-gbk-crlf.txt (read as GB18030 in /jp/document-import/
   * variant/) is valid Big5 as well: the choice is made on the characters,
   * not on whether the bytes convert. */
  {
    g_autofree char *notice_path = data_path ("docs/notice-gbk-crlf.txt");
    g_autofree char *notice = NULL;
    g_autofree char *as_big5 = NULL;
    gsize notice_len = 0;

    g_assert_true (g_file_get_contents (notice_path, &notice, &notice_len, NULL));
    as_big5 = g_convert (notice, notice_len, "UTF-8", "BIG5", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (as_big5);
  }

  bytes = g_bytes_new_take (g_steal_pointer (&gb), gb_len);
  plan = jp_document_import_bytes (bytes, "gb.txt", &warnings, &error);
  g_assert_no_error (error);
  reference = import_data_file ("jinfeng-2023.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jp_plan_get_title (plan), ==, "2023年工作要点");
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, jp_plan_get_n_items (reference));
  for (guint i = 0; i < jp_plan_get_n_items (plan); i++)
    g_assert_cmpstr (jp_item_get_title (item_at (plan, i)), ==,
                     jp_item_get_title (item_at (reference, i)));
  first = g_ptr_array_index (warnings, 0);
  g_assert_cmpstr (first->message, ==, "The file is GB18030 (GBK) text; it was converted to UTF-8.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/document-import/reference", test_reference);
  g_test_add_func ("/jp/document-import/bundled-copy", test_bundled_copy);
  for (gsize i = 0; i < G_N_ELEMENTS (doc_cases); i++)
    {
      g_autofree char *base = g_path_get_basename (doc_cases[i].file);
      g_autofree char *path = g_strdup_printf ("/jp/document-import/variant/%s", base);

      g_test_add_data_func (path, &doc_cases[i], test_variant);
    }
  g_test_add_func ("/jp/document-import/title-block-and-people", test_title_block_and_people);
  g_test_add_func ("/jp/document-import/text-as-written", test_text_as_written);
  g_test_add_func ("/jp/document-import/page-breaks", test_page_breaks);
  g_test_add_func ("/jp/document-import/markdown", test_markdown);
  g_test_add_func ("/jp/document-import/chinese-year", test_chinese_year);
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *base = g_path_get_basename (error_cases[i].file);
      g_autofree char *path = g_strdup_printf ("/jp/document-import/error/%s", base);

      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/jp/document-import/error/bytes", test_error_bytes);
  g_test_add_func ("/jp/document-import/file", test_file);
  g_test_add_func ("/jp/document-import/utf16", test_utf16);
  g_test_add_func ("/jp/document-import/gb18030-not-big5", test_gb18030_not_big5);
  g_test_add_func ("/jp/document-import/limits", test_limits);
  g_test_add_func ("/jp/document-import/warnings", test_warnings);
  g_test_add_func ("/jp/document-import/inline-documents", test_inline_documents);

  return g_test_run ();
}
