/* test-model.c: the model objects: properties and notify, list models and
 * items-changed, back-pointers, leaders and units, lazy progress history,
 * plan dates, dates, and memory (no leaks, no cycles). */

#include "config.h"

#include <math.h>

#include "jp-enum-types.h"
#include "jp-model.h"

static void
changed_cb (JpPlan *plan,
            guint  *count)
{
  (*count)++;
}

static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *ic)
{
  ic->n_calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

static void
watch_items_changed (GListModel   *model,
                     ItemsChanged *ic)
{
  memset (ic, 0, sizeof *ic);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), ic);
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

static void
test_date_parse (void)
{
  static const struct { const char *iso; gboolean valid; } cases[] = {
    { "2023-01-01", TRUE },
    { "2023-12-31", TRUE },
    { "2024-02-29", TRUE },  /* leap year */
    { "2000-02-29", TRUE },  /* divisible by 400 */
    { "1900-02-29", FALSE }, /* divisible by 100 */
    { "2023-02-29", FALSE },
    { "2023-02-28", TRUE },
    { "2023-04-31", FALSE },
    { "2023-04-30", TRUE },
    { "2023-13-01", FALSE },
    { "2023-00-10", FALSE },
    { "2023-01-00", FALSE },
    { "2023-01-32", FALSE },
    { "0000-01-01", FALSE },
    { "2023-4-1",   FALSE },
    { "2023-04-01x", FALSE },
    { "2023/04/01", FALSE },
    { "２０２３-04-01", FALSE },
    { " 2023-04-01", FALSE },
    { "abcd-ef-gh", FALSE },
    { "",           FALSE },
    { NULL,         FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_test_message ("%s", cases[i].iso);
      g_assert_cmpint (jp_date_is_valid (cases[i].iso), ==, cases[i].valid);
      g_assert_cmpint (jp_date_parse (cases[i].iso, &date), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *back = jp_date_format_iso (&date);

          g_assert_cmpstr (back, ==, cases[i].iso);
          g_assert_cmpuint (jp_date_julian (cases[i].iso), ==, g_date_get_julian (&date));
        }
      else
        g_assert_cmpuint (jp_date_julian (cases[i].iso), ==, 0);
    }
}

/* jp_date_julian() computes the day number itself: the same as GDate's,
 * day after day, across leap years and centuries, to the ends of the range. */
static void
test_date_julian_every_day (void)
{
  static const guint ranges[][2] = { { 1, 3 }, { 1599, 1601 }, { 1899, 2101 }, { 9998, 9999 } };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) ranges[r][0]);
      while (g_date_get_year (&date) <= ranges[r][1])
        {
          g_autofree char *iso = jp_date_format_iso (&date);

          g_assert_cmpuint (jp_date_julian (iso), ==, g_date_get_julian (&date));
          if (g_date_get_year (&date) == 9999 && g_date_get_month (&date) == 12 &&
              g_date_get_day (&date) == 31)
            break;
          g_date_add_days (&date, 1);
        }
    }
}

static void
test_date_misc (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *today = jp_date_today_iso ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *expected_before = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *expected_after = g_date_time_format (after, "%Y-%m-%d");

  /* Either, should the test run across midnight. */
  g_assert_true (jp_date_is_valid (today));
  g_assert_true (g_str_equal (today, expected_before) || g_str_equal (today, expected_after));

  g_assert_cmpuint (jp_date_julian ("2023-03-01") - jp_date_julian ("2023-02-28"), ==, 1);
  g_assert_cmpuint (jp_date_julian ("2024-03-01") - jp_date_julian ("2024-02-28"), ==, 2);
  g_assert_cmpuint (jp_date_julian ("2024-01-01") - jp_date_julian ("2023-01-01"), ==, 365);

  g_assert_cmpint (jp_date_compare ("2023-01-02", "2023-01-10"), ==, -1);
  g_assert_cmpint (jp_date_compare ("2023-11-02", "2023-01-10"), ==, 1);
  g_assert_cmpint (jp_date_compare ("2023-01-02", "2023-01-02"), ==, 0);
  g_assert_cmpint (jp_date_compare (NULL, "2023-01-02"), ==, -1);
  g_assert_cmpint (jp_date_compare (NULL, NULL), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Properties: one notify per real change                              */

typedef enum { V_STRING, V_DATE, V_INT, V_INT64, V_DOUBLE, V_BOOLEAN, V_ENUM } ValueKind;

typedef struct
{
  GType     (*get_type) (void);
  const char *name;
  ValueKind   kind;
  const char *s1, *s2;   /* V_STRING, V_DATE */
  double      n1, n2;    /* numbers, booleans, enums */
} PropCase;

static const PropCase prop_cases[] = {
  { jp_plan_get_type,           "id",             V_INT64,   NULL, NULL, 7, 8 },
  { jp_plan_get_type,           "title",          V_STRING,  "2023年工作要点", "工作要点", 0, 0 },
  { jp_plan_get_type,           "year",           V_INT,     NULL, NULL, 2023, 2024 },
  { jp_plan_get_type,           "preamble",       V_STRING,  "总体要求", "", 0, 0 },
  { jp_plan_get_type,           "start",          V_DATE,    "2023-02-01", "2023-03-01", 0, 0 },
  { jp_plan_get_type,           "end",            V_DATE,    "2023-11-30", "2023-10-31", 0, 0 },
  { jp_section_get_type,        "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_section_get_type,        "ordinal",        V_STRING,  "一", "二", 0, 0 },
  { jp_section_get_type,        "title",          V_STRING,  "党建", "教育", 0, 0 },
  { jp_item_get_type,           "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_item_get_type,           "number",         V_INT,     NULL, NULL, 3, 4 },
  { jp_item_get_type,           "title",          V_STRING,  "全面加强", "持续推进", 0, 0 },
  { jp_item_get_type,           "body",           V_STRING,  "正文", "", 0, 0 },
  { jp_item_get_type,           "due",            V_DATE,    "2023-06-30", "2023-09-30", 0, 0 },
  { jp_indicator_get_type,      "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_indicator_get_type,      "name",           V_STRING,  "规范化率", "近视率", 0, 0 },
  { jp_indicator_get_type,      "text",           V_STRING,  "达90%", "下降0.5%", 0, 0 },
  { jp_indicator_get_type,      "kind",           V_ENUM,    NULL, NULL, JP_INDICATOR_KIND_RANGE, JP_INDICATOR_KIND_MILESTONE },
  { jp_indicator_get_type,      "target",         V_DOUBLE,  NULL, NULL, 90, 4.7 },
  { jp_indicator_get_type,      "has-target-max", V_BOOLEAN, NULL, NULL, TRUE, FALSE },
  { jp_indicator_get_type,      "target-max",     V_DOUBLE,  NULL, NULL, 5, 6 },
  { jp_indicator_get_type,      "unit",           V_STRING,  "%", "个百分点", 0, 0 },
  { jp_indicator_get_type,      "has-baseline",   V_BOOLEAN, NULL, NULL, TRUE, FALSE },
  { jp_indicator_get_type,      "baseline",       V_DOUBLE,  NULL, NULL, 20, 0.5 },
  { jp_indicator_get_type,      "due",            V_DATE,    "2023-06-30", "2023-12-01", 0, 0 },
  { jp_indicator_get_type,      "weight",         V_DOUBLE,  NULL, NULL, 2, 0 },
  { jp_indicator_get_type,      "history-loaded", V_BOOLEAN, NULL, NULL, FALSE, TRUE },
  { jp_progress_entry_get_type, "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_progress_entry_get_type, "date",           V_DATE,    "2023-06-30", "2023-07-01", 0, 0 },
  { jp_progress_entry_get_type, "value",          V_DOUBLE,  NULL, NULL, 72, 4.7 },
  { jp_progress_entry_get_type, "note",           V_STRING,  "上半年评定", "", 0, 0 },
  { jp_progress_entry_get_type, "author",         V_STRING,  "张三", "李四", 0, 0 },
  { jp_item_update_get_type,    "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_item_update_get_type,    "date",           V_DATE,    "2023-06-30", "2023-07-01", 0, 0 },
  { jp_item_update_get_type,    "has-completion", V_BOOLEAN, NULL, NULL, TRUE, FALSE },
  { jp_item_update_get_type,    "completion",     V_DOUBLE,  NULL, NULL, 50, 100 },
  { jp_item_update_get_type,    "note",           V_STRING,  "进展", "", 0, 0 },
  { jp_item_update_get_type,    "problems",       V_STRING,  "问题", "", 0, 0 },
  { jp_item_update_get_type,    "next-steps",     V_STRING,  "打算", "", 0, 0 },
  { jp_item_update_get_type,    "author",         V_STRING,  "张三", "", 0, 0 },
  { jp_leader_get_type,         "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_leader_get_type,         "name",           V_STRING,  "张学兵", "高学芳", 0, 0 },
  { jp_unit_get_type,           "id",             V_INT64,   NULL, NULL, 1, 2 },
  { jp_unit_get_type,           "name",           V_STRING,  "教育党工委", "各支部", 0, 0 },
};

static void
set_case_value (GObject        *object,
                const PropCase *c,
                gboolean        second)
{
  const char *s = second ? c->s2 : c->s1;
  double n = second ? c->n2 : c->n1;

  switch (c->kind)
    {
    case V_STRING:
    case V_DATE:
      g_object_set (object, c->name, s, NULL);
      break;
    case V_INT:
      g_object_set (object, c->name, (int) n, NULL);
      break;
    case V_INT64:
      g_object_set (object, c->name, (gint64) n, NULL);
      break;
    case V_DOUBLE:
      g_object_set (object, c->name, n, NULL);
      break;
    case V_BOOLEAN:
      g_object_set (object, c->name, (gboolean) n, NULL);
      break;
    case V_ENUM:
      g_object_set (object, c->name, (int) n, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_case_value (GObject        *object,
                  const PropCase *c,
                  gboolean        second)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *s = second ? c->s2 : c->s1;
  double n = second ? c->n2 : c->n1;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), c->name);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, c->name, &value);

  switch (c->kind)
    {
    case V_STRING:
    case V_DATE:
      g_assert_cmpstr (g_value_get_string (&value), ==, s);
      break;
    case V_INT:
      g_assert_cmpint (g_value_get_int (&value), ==, (int) n);
      break;
    case V_INT64:
      g_assert_cmpint (g_value_get_int64 (&value), ==, (gint64) n);
      break;
    case V_DOUBLE:
      g_assert_cmpfloat (g_value_get_double (&value), ==, n);
      break;
    case V_BOOLEAN:
      g_assert_cmpint (g_value_get_boolean (&value), ==, (gboolean) n);
      break;
    case V_ENUM:
      g_assert_cmpint (g_value_get_enum (&value), ==, (int) n);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_properties_notify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (prop_cases); i++)
    {
      const PropCase *c = &prop_cases[i];
      g_autoptr(GObject) object = g_object_new (c->get_type (), NULL);
      g_autofree char *signal = g_strconcat ("notify::", c->name, NULL);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), c->name);
      guint count = 0;

      g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), c->name);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_STATIC_NAME);
      g_assert_null (g_param_spec_get_blurb (pspec));

      g_signal_connect (object, signal, G_CALLBACK (count_cb), &count);

      set_case_value (object, c, FALSE);
      g_assert_cmpuint (count, ==, 1);
      check_case_value (object, c, FALSE);

      set_case_value (object, c, FALSE);
      g_assert_cmpuint (count, ==, 1);

      set_case_value (object, c, TRUE);
      g_assert_cmpuint (count, ==, 2);
      check_case_value (object, c, TRUE);

      set_case_value (object, c, TRUE);
      g_assert_cmpuint (count, ==, 2);
    }
}

/* Text fields are never NULL; dates are NULL when not set, "" is none. */
static void
test_string_conventions (void)
{
  g_autoptr(JpItem) item = jp_item_new (1, NULL);
  g_autoptr(JpIndicator) indicator = jp_indicator_new (NULL, JP_INDICATOR_KIND_AT_LEAST, 1);
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("", 1);
  g_autoptr(JpItemUpdate) update = jp_item_update_new (NULL);
  g_autoptr(JpPlan) plan = jp_plan_new (NULL, 0);
  guint count = 0;

  g_assert_cmpstr (jp_item_get_title (item), ==, "");
  g_assert_cmpstr (jp_item_get_body (item), ==, "");
  g_assert_null (jp_item_get_due (item));
  g_assert_cmpstr (jp_indicator_get_name (indicator), ==, "");
  g_assert_cmpstr (jp_indicator_get_text (indicator), ==, "");
  g_assert_cmpstr (jp_indicator_get_unit (indicator), ==, "");
  g_assert_cmpfloat (jp_indicator_get_weight (indicator), ==, 1.0);
  g_assert_true (jp_indicator_get_history_loaded (indicator));
  g_assert_null (jp_progress_entry_get_date (entry));
  g_assert_cmpstr (jp_progress_entry_get_note (entry), ==, "");
  g_assert_cmpstr (jp_progress_entry_get_author (entry), ==, "");
  g_assert_null (jp_item_update_get_date (update));
  g_assert_false (jp_item_update_get_has_completion (update));
  g_assert_cmpstr (jp_item_update_get_next_steps (update), ==, "");
  g_assert_cmpstr (jp_plan_get_title (plan), ==, "");
  g_assert_cmpstr (jp_plan_get_preamble (plan), ==, "");
  g_assert_nonnull (jp_plan_get_organizations (plan));
  g_assert_null (jp_plan_get_organizations (plan)[0]);
  g_assert_null (jp_plan_get_start (plan));
  g_assert_null (jp_plan_get_end (plan));

  g_signal_connect (item, "notify", G_CALLBACK (count_cb), &count);
  jp_item_set_title (item, NULL);  /* still "" */
  jp_item_set_due (item, "");      /* still none */
  g_assert_cmpuint (count, ==, 0);
  jp_item_set_due (item, "2023-06-30");
  jp_item_set_due (item, "");
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (jp_item_get_due (item));
  jp_item_set_title (item, " 带空格 ");
  g_assert_cmpstr (jp_item_get_title (item), ==, " 带空格 ");
}

static void
test_plan_organizations (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  const char * const orgs[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  const char * const same[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  const char * const one[] = { "金凤区教育局", NULL };
  g_auto(GStrv) got = NULL;
  guint count = 0;

  g_signal_connect (plan, "notify::organizations", G_CALLBACK (count_cb), &count);

  jp_plan_set_organizations (plan, orgs);
  g_assert_cmpuint (count, ==, 1);
  jp_plan_set_organizations (plan, same);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (g_strv_equal (jp_plan_get_organizations (plan), orgs));

  g_object_set (plan, "organizations", one, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_get (plan, "organizations", &got, NULL);
  g_assert_true (g_strv_equal ((const char * const *) got, one));

  jp_plan_set_organizations (plan, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) jp_plan_get_organizations (plan)), ==, 0);
  jp_plan_set_organizations (plan, NULL);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_weight_and_completion_ranges (void)
{
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("x", JP_INDICATOR_KIND_AT_LEAST, 1);
  g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-01-01");

  jp_indicator_set_weight (indicator, -2);
  g_assert_cmpfloat (jp_indicator_get_weight (indicator), ==, 0.0);
  jp_item_update_set_completion (update, 120);
  g_assert_cmpfloat (jp_item_update_get_completion (update), ==, 100.0);
  /* Independent flags. */
  g_assert_false (jp_item_update_get_has_completion (update));
  jp_indicator_set_baseline (indicator, 3);
  g_assert_false (jp_indicator_get_has_baseline (indicator));
}

/* ------------------------------------------------------------------ */
/* Plan year, start and end                                            */

static void
test_plan_year_dates (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  g_autoptr(JpPlan) empty = jp_plan_new ("t", 0);
  guint n_start = 0;
  guint n_end = 0;
  guint n_year = 0;

  g_assert_cmpint (jp_plan_get_year (plan), ==, 2023);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2023-01-01");
  g_assert_cmpstr (jp_plan_get_end (plan), ==, "2023-12-31");

  g_signal_connect (plan, "notify::start", G_CALLBACK (count_cb), &n_start);
  g_signal_connect (plan, "notify::end", G_CALLBACK (count_cb), &n_end);
  g_signal_connect (plan, "notify::year", G_CALLBACK (count_cb), &n_year);

  /* Not set explicitly: they follow the year. */
  jp_plan_set_year (plan, 2024);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2024-01-01");
  g_assert_cmpstr (jp_plan_get_end (plan), ==, "2024-12-31");
  g_assert_cmpuint (n_year, ==, 1);
  g_assert_cmpuint (n_start, ==, 1);
  g_assert_cmpuint (n_end, ==, 1);

  jp_plan_set_year (plan, 2024);
  g_assert_cmpuint (n_year, ==, 1);
  g_assert_cmpuint (n_start, ==, 1);

  /* Setting the default date keeps it following the year. */
  jp_plan_set_start (plan, "2024-01-01");
  g_assert_cmpuint (n_start, ==, 1);
  jp_plan_set_year (plan, 2025);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2025-01-01");
  g_assert_cmpuint (n_start, ==, 2);

  /* Set explicitly: the start stays; the end still follows. */
  jp_plan_set_start (plan, "2025-03-01");
  g_assert_cmpuint (n_start, ==, 3);
  jp_plan_set_year (plan, 2026);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2025-03-01");
  g_assert_cmpstr (jp_plan_get_end (plan), ==, "2026-12-31");
  g_assert_cmpuint (n_start, ==, 3);
  g_assert_cmpuint (n_end, ==, 3);

  jp_plan_set_end (plan, "2026-06-30");
  jp_plan_set_year (plan, 2027);
  g_assert_cmpstr (jp_plan_get_end (plan), ==, "2026-06-30");

  /* NULL goes back to the year's default. */
  jp_plan_set_start (plan, NULL);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2027-01-01");
  jp_plan_set_year (plan, 2028);
  g_assert_cmpstr (jp_plan_get_start (plan), ==, "2028-01-01");

  /* No year: no dates until one is set. */
  g_assert_null (jp_plan_get_start (empty));
  g_assert_null (jp_plan_get_end (empty));
  jp_plan_set_year (empty, 2023);
  g_assert_cmpstr (jp_plan_get_start (empty), ==, "2023-01-01");
  g_assert_cmpstr (jp_plan_get_end (empty), ==, "2023-12-31");
}

static void
test_plan_default_as_of (void)
{
  g_autoptr(JpPlan) past = jp_plan_new ("t", 2000);
  g_autoptr(JpPlan) future = jp_plan_new ("t", 9999);
  g_autofree char *a = jp_plan_dup_default_as_of (past);
  g_autofree char *b = jp_plan_dup_default_as_of (future);
  g_autofree char *today = jp_date_today_iso ();

  g_assert_cmpstr (a, ==, "2000-12-31");
  g_assert_cmpstr (b, ==, today);
}

/* ------------------------------------------------------------------ */
/* Lists, items-changed, back-pointers                                 */

static void
test_set_leaders_items_changed (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  g_autoptr(JpItem) item = jp_item_new (1, "t");
  JpLeader *leaders[3];
  JpUnit *units[2];
  ItemsChanged ic, ic_units, ic_partners;
  g_autofree char *names = NULL;
  g_autofree char *unit_names = NULL;

  leaders[0] = jp_plan_ensure_leader (plan, "张学兵");
  leaders[1] = jp_plan_ensure_leader (plan, "高学芳");
  leaders[2] = jp_plan_ensure_leader (plan, "崔茜");
  units[0] = jp_plan_ensure_unit (plan, "教育党工委");
  units[1] = jp_plan_ensure_unit (plan, "各支部");

  watch_items_changed (jp_item_get_leaders (item), &ic);
  watch_items_changed (jp_item_get_units (item), &ic_units);
  watch_items_changed (jp_item_get_partner_units (item), &ic_partners);

  jp_item_set_leaders (item, leaders, 3);
  g_assert_cmpuint (ic.n_calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.removed, ==, 0);
  g_assert_cmpuint (ic.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_leaders (item)), ==, 3);

  /* The same list: nothing changes. */
  jp_item_set_leaders (item, leaders, 3);
  g_assert_cmpuint (ic.n_calls, ==, 1);

  jp_item_set_leaders (item, leaders + 1, 2);
  g_assert_cmpuint (ic.n_calls, ==, 2);
  g_assert_cmpuint (ic.removed, ==, 3);
  g_assert_cmpuint (ic.added, ==, 2);
  g_assert_false (jp_item_has_leader (item, leaders[0]));
  g_assert_true (jp_item_has_leader (item, leaders[1]));
  g_assert_false (jp_item_has_leader (item, NULL));

  names = jp_item_dup_leader_names (item, " ");
  g_assert_cmpstr (names, ==, "高学芳 崔茜");

  jp_item_set_units (item, units, 2);
  jp_item_set_partner_units (item, units + 1, 1);
  g_assert_cmpuint (ic_units.n_calls, ==, 1);
  g_assert_cmpuint (ic_units.added, ==, 2);
  g_assert_cmpuint (ic_partners.n_calls, ==, 1);
  g_assert_true (jp_item_has_unit (item, units[0]));
  g_assert_false (jp_item_has_partner_unit (item, units[0]));
  g_assert_true (jp_item_has_partner_unit (item, units[1]));
  unit_names = jp_item_dup_unit_names (item, "、");
  g_assert_cmpstr (unit_names, ==, "教育党工委、各支部");

  jp_item_set_leaders (item, NULL, 0);
  g_assert_cmpuint (ic.n_calls, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_leaders (item)), ==, 0);

  /* The plan still has everyone. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 3);

  g_signal_handlers_disconnect_by_data (jp_item_get_leaders (item), &ic);
  g_signal_handlers_disconnect_by_data (jp_item_get_units (item), &ic_units);
  g_signal_handlers_disconnect_by_data (jp_item_get_partner_units (item), &ic_partners);
}

static void
test_back_pointers (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  g_autoptr(JpSection) section = jp_section_new ("一", "s");
  g_autoptr(JpSection) second = jp_section_new ("二", "s");
  g_autoptr(JpSection) first = jp_section_new ("〇", "s");
  g_autoptr(JpItem) item = jp_item_new (1, "i");
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("n", JP_INDICATOR_KIND_AT_LEAST, 1);
  ItemsChanged ic;
  guint n_position = 0;

  g_assert_null (jp_section_get_plan (section));
  g_assert_cmpint (jp_section_get_position (section), ==, -1);

  watch_items_changed (jp_plan_get_sections (plan), &ic);
  g_signal_connect (section, "notify::position", G_CALLBACK (count_cb), &n_position);

  jp_plan_append_section (plan, section);
  g_assert_true (jp_section_get_plan (section) == plan);
  g_assert_cmpint (jp_section_get_position (section), ==, 0);
  g_assert_cmpuint (n_position, ==, 1);
  jp_plan_append_section (plan, second);
  g_assert_cmpint (jp_section_get_position (second), ==, 1);
  g_assert_cmpuint (n_position, ==, 1);

  jp_plan_insert_section (plan, 0, first);
  g_assert_cmpuint (ic.n_calls, ==, 3);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpint (jp_section_get_position (first), ==, 0);
  g_assert_cmpint (jp_section_get_position (section), ==, 1);
  g_assert_cmpint (jp_section_get_position (second), ==, 2);
  g_assert_cmpuint (n_position, ==, 2);

  {
    int position = -5;

    g_object_get (section, "position", &position, NULL);
    g_assert_cmpint (position, ==, 1);
  }

  jp_section_append_item (section, item);
  g_assert_true (jp_item_get_section (item) == section);
  jp_item_append_indicator (item, indicator);
  g_assert_true (jp_indicator_get_item (indicator) == item);

  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 1);
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 1);
  g_assert_true (jp_plan_find_item_by_number (plan, 1) == item);
  g_assert_null (jp_plan_find_item_by_number (plan, 2));

  g_assert_true (jp_plan_remove_section (plan, first));
  g_assert_null (jp_section_get_plan (first));
  g_assert_cmpint (jp_section_get_position (first), ==, -1);
  g_assert_cmpint (jp_section_get_position (section), ==, 0);
  g_assert_cmpint (jp_section_get_position (second), ==, 1);
  g_assert_cmpuint (n_position, ==, 3);
  g_assert_false (jp_plan_remove_section (plan, first));
  g_assert_cmpuint (ic.n_calls, ==, 4);

  g_assert_true (jp_item_remove_indicator (item, indicator));
  g_assert_null (jp_indicator_get_item (indicator));
  g_assert_false (jp_item_remove_indicator (item, indicator));
  g_assert_true (jp_section_remove_item (section, item));
  g_assert_null (jp_item_get_section (item));

  /* Insert positions past the end append. */
  jp_item_insert_indicator (item, 99, indicator);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_indicators (item)), ==, 1);

  g_signal_handlers_disconnect_by_data (jp_plan_get_sections (plan), &ic);
  g_signal_handlers_disconnect_by_data (section, &n_position);
}

/* A parent that goes away clears its children's back-pointers. */
static void
test_back_pointers_dispose (void)
{
  JpPlan *plan = jp_plan_new ("t", 2023);
  JpSection *section = jp_section_new ("一", "s");
  JpItem *item = jp_item_new (1, "i");
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("n", JP_INDICATOR_KIND_AT_LEAST, 1);
  g_autoptr(JpSection) kept_section = g_object_ref (section);
  g_autoptr(JpItem) kept_item = g_object_ref (item);

  jp_plan_append_section (plan, section);
  jp_section_append_item (section, item);
  jp_item_append_indicator (item, indicator);
  g_object_unref (section);
  g_object_unref (item);

  g_assert_finalize_object (plan);
  g_assert_null (jp_section_get_plan (kept_section));
  g_assert_cmpint (jp_section_get_position (kept_section), ==, -1);

  g_clear_object (&kept_section);
  g_assert_null (jp_item_get_section (kept_item));

  g_clear_object (&kept_item);
  g_assert_null (jp_indicator_get_item (indicator));
}

/* ------------------------------------------------------------------ */
/* Leaders and units                                                   */

static void
test_ensure_leader (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  JpLeader *a, *b, *c;
  ItemsChanged ic;

  watch_items_changed (jp_plan_get_leaders (plan), &ic);

  a = jp_plan_ensure_leader (plan, "崔 茜");
  g_assert_nonnull (a);
  g_assert_cmpstr (jp_leader_get_name (a), ==, "崔茜");
  b = jp_plan_ensure_leader (plan, "崔茜");
  g_assert_true (a == b);
  g_assert_true (jp_plan_ensure_leader (plan, " 崔\u3000茜\t") == a);
  g_assert_true (jp_plan_find_leader (plan, "崔  茜") == a);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 1);
  g_assert_cmpuint (ic.n_calls, ==, 1);

  c = jp_plan_ensure_leader (plan, "张学兵");
  g_assert_true (c != a);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 2);
  g_assert_cmpuint (ic.n_calls, ==, 2);
  g_assert_cmpuint (ic.position, ==, 1);

  g_assert_null (jp_plan_find_leader (plan, "高学芳"));
  g_assert_null (jp_plan_ensure_leader (plan, "  "));
  g_assert_null (jp_plan_ensure_leader (plan, NULL));
  g_assert_null (jp_plan_find_leader (plan, ""));
  g_assert_cmpuint (ic.n_calls, ==, 2);

  /* A renamed leader is found under its new name only. */
  jp_leader_set_name (c, "张 学兵 ");
  g_assert_true (jp_plan_find_leader (plan, "张学兵") == c);
  jp_leader_set_name (c, "高学芳");
  g_assert_null (jp_plan_find_leader (plan, "张学兵"));
  g_assert_true (jp_plan_find_leader (plan, "高学芳") == c);

  /* Inserted by the caller (the store). */
  {
    g_autoptr(JpLeader) d = jp_leader_new ("马丽");

    jp_plan_insert_leader (plan, 0, d);
    g_assert_true (jp_plan_find_leader (plan, "马 丽") == d);
    g_assert_true (jp_plan_ensure_leader (plan, "马丽") == d);
    g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 3);
  }

  g_signal_handlers_disconnect_by_data (jp_plan_get_leaders (plan), &ic);
}

static void
test_ensure_unit (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  JpUnit *a, *b;

  a = jp_plan_ensure_unit (plan, " 教育局\u3000");
  g_assert_cmpstr (jp_unit_get_name (a), ==, "教育局");
  g_assert_true (jp_plan_ensure_unit (plan, "教育局") == a);
  g_assert_true (jp_plan_find_unit (plan, "教育局 ") == a);

  /* Inside a unit name, spaces matter. */
  b = jp_plan_ensure_unit (plan, "教育 局");
  g_assert_true (b != a);
  g_assert_cmpstr (jp_unit_get_name (b), ==, "教育 局");
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_units (plan)), ==, 2);
  g_assert_null (jp_plan_ensure_unit (plan, " "));

  jp_unit_set_name (b, "各支部");
  g_assert_true (jp_plan_find_unit (plan, "各支部") == b);
  g_assert_null (jp_plan_find_unit (plan, "教育 局"));
}

static void
test_remove_leader_unit (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  g_autoptr(JpSection) section = jp_section_new ("一", "s");
  g_autoptr(JpItem) item = jp_item_new (1, "i");
  g_autoptr(JpItem) other = jp_item_new (2, "j");
  JpLeader *leaders[2];
  JpUnit *units[2];
  g_autoptr(JpLeader) removed_leader = NULL;
  g_autoptr(JpUnit) removed_unit = NULL;
  ItemsChanged ic_item, ic_other;

  jp_plan_append_section (plan, section);
  jp_section_append_item (section, item);
  jp_section_append_item (section, other);
  leaders[0] = jp_plan_ensure_leader (plan, "张学兵");
  leaders[1] = jp_plan_ensure_leader (plan, "高学芳");
  units[0] = jp_plan_ensure_unit (plan, "教育党工委");
  units[1] = jp_plan_ensure_unit (plan, "各支部");
  jp_item_set_leaders (item, leaders, 2);
  jp_item_set_leaders (other, leaders + 1, 1);
  jp_item_set_units (item, units, 2);
  jp_item_set_partner_units (other, units, 1);

  watch_items_changed (jp_item_get_leaders (item), &ic_item);
  watch_items_changed (jp_item_get_leaders (other), &ic_other);

  /* The plan and the items held the only references. */
  removed_leader = g_object_ref (leaders[0]);
  removed_unit = g_object_ref (units[0]);

  g_assert_true (jp_plan_remove_leader (plan, leaders[0]));
  g_assert_cmpuint (ic_item.n_calls, ==, 1);
  g_assert_cmpuint (ic_other.n_calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_leaders (item)), ==, 1);
  g_assert_null (jp_plan_find_leader (plan, "张学兵"));
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 1);

  g_assert_true (jp_plan_remove_unit (plan, units[0]));
  g_assert_false (jp_item_has_unit (item, units[0]));
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_units (item)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_partner_units (other)), ==, 0);
  g_assert_null (jp_plan_find_unit (plan, "教育党工委"));
  g_assert_false (jp_item_has_leader (item, removed_leader));

  /* Nobody else holds them any more. */
  g_assert_finalize_object (g_steal_pointer (&removed_leader));
  g_assert_finalize_object (g_steal_pointer (&removed_unit));

  g_signal_handlers_disconnect_by_data (jp_item_get_leaders (item), &ic_item);
  g_signal_handlers_disconnect_by_data (jp_item_get_leaders (other), &ic_other);
}

/* ------------------------------------------------------------------ */
/* Progress entries and updates                                        */

static JpProgressEntry *
add_entry (JpIndicator *indicator,
           const char  *date,
           double       value,
           gint64       id)
{
  g_autoptr(JpProgressEntry) entry = jp_progress_entry_new (date, value);

  jp_progress_entry_set_id (entry, id);
  jp_indicator_add_progress (indicator, entry);
  return entry; /* borrowed */
}

static JpProgressEntry *
entry_at (JpIndicator *indicator,
          guint        position)
{
  g_autoptr(JpProgressEntry) entry = g_list_model_get_item (jp_indicator_get_progress (indicator), position);

  return entry; /* borrowed: the list keeps it */
}

/* A loader's two shortcuts: the latest entry held without a list, and a
 * whole history put in with one items-changed, sorted stably by date. */
static void
test_preload_and_replace_progress (void)
{
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("x", JP_INDICATOR_KIND_AT_LEAST, 100);
  g_autoptr(JpProgressEntry) latest = jp_progress_entry_new ("2023-06-01", 60);
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  JpProgressEntry *entries[4];
  guint n_latest = 0;
  ItemsChanged ic;

  g_signal_connect (indicator, "notify::latest", G_CALLBACK (count_cb), &n_latest);
  jp_progress_entry_set_id (latest, 7);
  jp_indicator_preload_latest (indicator, latest);
  g_assert_true (jp_indicator_get_latest (indicator) == latest);
  g_assert_cmpuint (n_latest, ==, 1);
  g_assert_false (jp_indicator_get_history_loaded (indicator));
  /* Without a date, or at a later one, the latest entry answers. */
  g_assert_true (jp_indicator_find_entry (indicator, NULL) == latest);
  g_assert_true (jp_indicator_find_entry (indicator, "2023-07-01") == latest);

  /* The list, made when asked for, holds it. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, 1);
  g_assert_true (entry_at (indicator, 0) == latest);

  watch_items_changed (jp_indicator_get_progress (indicator), &ic);
  entries[0] = jp_progress_entry_new ("2023-05-01", 50);
  entries[1] = jp_progress_entry_new ("2023-01-01", 10);
  entries[2] = jp_progress_entry_new ("2023-05-01", 55);   /* same date: after [0] */
  entries[3] = g_object_ref (latest);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_ptr_array_add (history, entries[i]);

  jp_indicator_replace_progress (indicator, (JpProgressEntry **) history->pdata, history->len);
  g_assert_cmpuint (ic.n_calls, ==, 1);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 4);
  g_assert_true (entry_at (indicator, 0) == entries[1]);
  g_assert_true (entry_at (indicator, 1) == entries[0]);
  g_assert_true (entry_at (indicator, 2) == entries[2]);
  g_assert_true (entry_at (indicator, 3) == latest);
  g_assert_true (jp_indicator_get_latest (indicator) == latest);
  g_assert_cmpuint (n_latest, ==, 1);
  g_assert_true (jp_indicator_find_entry (indicator, "2023-05-31") == entries[2]);

  /* @ic and @n_latest go before @indicator does (its dispose empties the list). */
  g_signal_handlers_disconnect_by_data (jp_indicator_get_progress (indicator), &ic);
  g_signal_handlers_disconnect_by_data (indicator, &n_latest);
}

/* The loader's batches: an item's indicators appended at once, its
 * updates put in at once sorted by date; one items-changed each. */
static void
test_item_batches (void)
{
  g_autoptr(JpItem) item = jp_item_new (1, "x");
  g_autoptr(JpIndicator) first = jp_indicator_new ("first", JP_INDICATOR_KIND_AT_LEAST, 1);
  JpIndicator *more[2];
  JpItemUpdate *updates[3];
  ItemsChanged ic, uc;

  jp_item_append_indicator (item, first);
  watch_items_changed (jp_item_get_indicators (item), &ic);
  more[0] = jp_indicator_new ("a", JP_INDICATOR_KIND_AT_LEAST, 1);
  more[1] = jp_indicator_new ("b", JP_INDICATOR_KIND_AT_LEAST, 1);
  jp_item_append_indicators (item, more, G_N_ELEMENTS (more));
  g_assert_cmpuint (ic.n_calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 1);
  g_assert_cmpuint (ic.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (jp_item_get_indicators (item)), ==, 3);
  jp_indicator_set_id (first, 7);
  jp_indicator_set_id (more[1], 9);
  g_assert_true (jp_item_find_indicator (item, 7) == first);
  g_assert_true (jp_item_find_indicator (item, 9) == more[1]);
  g_assert_null (jp_item_find_indicator (item, 8));
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(JpIndicator) at = g_list_model_get_item (jp_item_get_indicators (item), i + 1);

      g_assert_true (at == more[i]);
      g_assert_true (jp_indicator_get_item (more[i]) == item);
      g_object_unref (more[i]);
    }

  watch_items_changed (jp_item_get_updates (item), &uc);
  updates[0] = jp_item_update_new ("2023-06-30");
  updates[1] = jp_item_update_new ("2023-03-31");
  updates[2] = jp_item_update_new ("2023-06-30");   /* same date: after [0] */
  jp_item_replace_updates (item, updates, G_N_ELEMENTS (updates));
  g_assert_cmpuint (uc.n_calls, ==, 1);
  g_assert_cmpuint (uc.added, ==, 3);
  {
    GListModel *model = jp_item_get_updates (item);
    g_autoptr(JpItemUpdate) u0 = g_list_model_get_item (model, 0);
    g_autoptr(JpItemUpdate) u1 = g_list_model_get_item (model, 1);
    g_autoptr(JpItemUpdate) u2 = g_list_model_get_item (model, 2);

    g_assert_true (u0 == updates[1]);
    g_assert_true (u1 == updates[0]);
    g_assert_true (u2 == updates[2]);
  }
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    g_object_unref (updates[i]);

  /* @ic and @uc go before @item does (its dispose empties the lists). */
  g_signal_handlers_disconnect_by_data (jp_item_get_indicators (item), &ic);
  g_signal_handlers_disconnect_by_data (jp_item_get_updates (item), &uc);
}

static void
test_add_progress_order (void)
{
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("x", JP_INDICATOR_KIND_AT_LEAST, 100);
  JpProgressEntry *a, *b, *c, *d;
  ItemsChanged ic;
  guint n_latest = 0;

  watch_items_changed (jp_indicator_get_progress (indicator), &ic);
  g_signal_connect (indicator, "notify::latest", G_CALLBACK (count_cb), &n_latest);
  g_assert_null (jp_indicator_get_latest (indicator));

  a = add_entry (indicator, "2023-05-01", 1, 0);
  g_assert_true (jp_indicator_get_latest (indicator) == a);
  g_assert_cmpuint (n_latest, ==, 1);
  b = add_entry (indicator, "2023-03-01", 2, 0);
  g_assert_cmpuint (n_latest, ==, 1);
  c = add_entry (indicator, "2023-05-01", 3, 0);   /* tie: after a */
  g_assert_cmpuint (n_latest, ==, 2);
  d = add_entry (indicator, "2023-01-01", 4, 0);
  g_assert_cmpuint (ic.n_calls, ==, 4);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.added, ==, 1);

  g_assert_true (entry_at (indicator, 0) == d);
  g_assert_true (entry_at (indicator, 1) == b);
  g_assert_true (entry_at (indicator, 2) == a);
  g_assert_true (entry_at (indicator, 3) == c);
  g_assert_true (jp_indicator_get_latest (indicator) == c);

  g_assert_true (jp_indicator_find_entry (indicator, "2023-04-30") == b);
  g_assert_true (jp_indicator_find_entry (indicator, "2023-05-01") == c);
  g_assert_true (jp_indicator_find_entry (indicator, NULL) == c);
  g_assert_null (jp_indicator_find_entry (indicator, "2022-12-31"));

  /* Adding the same object twice does nothing. */
  jp_indicator_add_progress (indicator, a);
  g_assert_cmpuint (ic.n_calls, ==, 4);

  /* A date moved: one re-sort, one items-changed. */
  jp_progress_entry_set_date (d, "2023-12-01");
  jp_indicator_resort_progress (indicator);
  g_assert_cmpuint (ic.n_calls, ==, 5);
  g_assert_true (entry_at (indicator, 0) == b);
  g_assert_true (entry_at (indicator, 1) == a);
  g_assert_true (entry_at (indicator, 2) == c);
  g_assert_true (entry_at (indicator, 3) == d);
  g_assert_true (jp_indicator_get_latest (indicator) == d);
  g_assert_cmpuint (n_latest, ==, 3);

  /* Already sorted: nothing. */
  jp_indicator_resort_progress (indicator);
  g_assert_cmpuint (ic.n_calls, ==, 5);

  g_assert_true (jp_indicator_remove_progress (indicator, d));
  g_assert_true (jp_indicator_get_latest (indicator) == c);
  g_assert_cmpuint (n_latest, ==, 4);
  g_assert_cmpuint (ic.n_calls, ==, 6);
  {
    g_autoptr(JpProgressEntry) stranger = jp_progress_entry_new ("2023-01-01", 1);

    g_assert_false (jp_indicator_remove_progress (indicator, stranger));
  }

  g_signal_handlers_disconnect_by_data (jp_indicator_get_progress (indicator), &ic);
}

static void
test_updates_order (void)
{
  g_autoptr(JpItem) item = jp_item_new (1, "x");
  g_autoptr(JpItemUpdate) a = jp_item_update_new ("2023-06-30");
  g_autoptr(JpItemUpdate) b = jp_item_update_new ("2023-03-31");
  g_autoptr(JpItemUpdate) c = jp_item_update_new ("2023-06-30");
  GListModel *updates = jp_item_get_updates (item);
  ItemsChanged ic;

  watch_items_changed (updates, &ic);
  jp_item_add_update (item, a);
  jp_item_add_update (item, b);
  jp_item_add_update (item, c);
  g_assert_cmpuint (ic.n_calls, ==, 3);

  {
    g_autoptr(JpItemUpdate) u0 = g_list_model_get_item (updates, 0);
    g_autoptr(JpItemUpdate) u1 = g_list_model_get_item (updates, 1);
    g_autoptr(JpItemUpdate) u2 = g_list_model_get_item (updates, 2);

    g_assert_true (u0 == b);
    g_assert_true (u1 == a);
    g_assert_true (u2 == c);
  }

  jp_item_update_set_date (b, "2023-09-30");
  jp_item_resort_updates (item);
  g_assert_cmpuint (ic.n_calls, ==, 4);
  {
    g_autoptr(JpItemUpdate) u2 = g_list_model_get_item (updates, 2);

    g_assert_true (u2 == b);
  }

  g_assert_true (jp_item_remove_update (item, a));
  g_assert_false (jp_item_remove_update (item, a));
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 2);

  g_signal_handlers_disconnect_by_data (updates, &ic);
}

/* ------------------------------------------------------------------ */
/* Lazy history                                                        */

typedef struct
{
  guint    n_calls;
  gboolean fail;
  guint    n_destroyed;
} FakeLoader;

/* The store's part: adds the whole history, the latest one included
 * (a new object with the same id). */
static gboolean
fake_loader (JpIndicator  *indicator,
             gpointer      user_data,
             GError      **error)
{
  FakeLoader *loader = user_data;

  loader->n_calls++;
  if (loader->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
      return FALSE;
    }

  add_entry (indicator, "2023-03-31", 30, 1);
  add_entry (indicator, "2023-06-30", 72, 3);
  add_entry (indicator, "2023-04-30", 50, 2);
  return TRUE;
}

static void
fake_loader_destroy (gpointer user_data)
{
  FakeLoader *loader = user_data;

  loader->n_destroyed++;
}

static JpIndicator *
lazy_indicator (JpPlan           *plan,
                JpProgressEntry **latest)
{
  g_autoptr(JpSection) section = jp_section_new ("一", "s");
  g_autoptr(JpItem) item = jp_item_new (1, "i");
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("n", JP_INDICATOR_KIND_AT_LEAST, 90);

  jp_plan_append_section (plan, section);
  jp_section_append_item (section, item);
  jp_item_append_indicator (item, indicator);

  /* As the store loads it: the latest entry only. */
  jp_indicator_set_history_loaded (indicator, FALSE);
  *latest = add_entry (indicator, "2023-06-30", 72, 3);
  return indicator;
}

static void
test_lazy_history (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  FakeLoader loader = { 0 };
  JpProgressEntry *latest;
  JpIndicator *indicator;
  JpProgressEntry *found;
  guint n_loaded = 0;

  jp_plan_set_history_loader (plan, fake_loader, &loader, fake_loader_destroy);
  indicator = lazy_indicator (plan, &latest);
  g_signal_connect (indicator, "notify::history-loaded", G_CALLBACK (count_cb), &n_loaded);

  g_assert_false (jp_indicator_get_history_loaded (indicator));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, 1);

  /* The latest entry answers: no loading. */
  g_assert_true (jp_indicator_find_entry (indicator, "2023-07-01") == latest);
  g_assert_true (jp_indicator_find_entry (indicator, "2023-06-30") == latest);
  g_assert_true (jp_indicator_find_entry (indicator, NULL) == latest);
  g_assert_true (jp_indicator_get_latest (indicator) == latest);
  g_assert_cmpuint (loader.n_calls, ==, 0);

  /* An earlier date needs the history. */
  found = jp_indicator_find_entry (indicator, "2023-05-15");
  g_assert_cmpuint (loader.n_calls, ==, 1);
  g_assert_nonnull (found);
  g_assert_cmpint (jp_progress_entry_get_id (found), ==, 2);
  g_assert_true (jp_indicator_get_history_loaded (indicator));
  g_assert_cmpuint (n_loaded, ==, 1);

  /* The eagerly loaded entry was kept, not doubled. */
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, 3);
  g_assert_true (jp_indicator_get_latest (indicator) == latest);
  g_assert_cmpint (jp_progress_entry_get_id (entry_at (indicator, 0)), ==, 1);
  g_assert_cmpint (jp_progress_entry_get_id (entry_at (indicator, 1)), ==, 2);

  /* Once only. */
  g_assert_null (jp_indicator_find_entry (indicator, "2023-01-01"));
  g_assert_true (jp_indicator_ensure_history (indicator, NULL));
  g_assert_cmpuint (loader.n_calls, ==, 1);

  /* Status rules go through find_entry. */
  {
    JpProgress progress;

    jp_indicator_evaluate (indicator, "2023-04-01", &progress);
    g_assert_cmpfloat (progress.value, ==, 30);
  }

  /* Replacing the loader destroys the old user data. */
  jp_plan_set_history_loader (plan, NULL, NULL, NULL);
  g_assert_cmpuint (loader.n_destroyed, ==, 1);
}

static void
test_lazy_history_explicit (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  FakeLoader loader = { 0 };
  JpProgressEntry *latest;
  JpIndicator *indicator;
  g_autoptr(GError) error = NULL;

  jp_plan_set_history_loader (plan, fake_loader, &loader, fake_loader_destroy);
  indicator = lazy_indicator (plan, &latest);

  g_assert_true (jp_indicator_ensure_history (indicator, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (loader.n_calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator)), ==, 3);

  /* The loader's user data is destroyed with the plan. */
  g_clear_object (&plan);
  g_assert_cmpuint (loader.n_destroyed, ==, 1);
}

static void
test_lazy_history_error (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  FakeLoader loader = { 0, TRUE, 0 };
  JpProgressEntry *latest;
  JpIndicator *indicator;
  g_autoptr(GError) error = NULL;

  jp_plan_set_history_loader (plan, fake_loader, &loader, NULL);
  indicator = lazy_indicator (plan, &latest);

  g_assert_false (jp_indicator_ensure_history (indicator, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (jp_indicator_get_history_loaded (indicator));

  g_test_expect_message ("jp-model", G_LOG_LEVEL_WARNING, "*disk on fire*");
  g_assert_null (jp_indicator_find_entry (indicator, "2023-01-01"));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (loader.n_calls, ==, 2);

  /* Recovered: loads on the next need. */
  loader.fail = FALSE;
  g_assert_nonnull (jp_indicator_find_entry (indicator, "2023-04-01"));
  g_assert_cmpuint (loader.n_calls, ==, 3);
  g_assert_true (jp_indicator_get_history_loaded (indicator));
}

/* Without a loader the history counts as complete. */
static void
test_lazy_history_no_loader (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  JpProgressEntry *latest;
  JpIndicator *indicator = lazy_indicator (plan, &latest);

  g_assert_null (jp_indicator_find_entry (indicator, "2023-01-01"));
  g_assert_true (jp_indicator_get_history_loaded (indicator));
}

/* ------------------------------------------------------------------ */
/* Signals and memory                                                  */

static void
test_plan_changed (void)
{
  g_autoptr(JpPlan) plan = jp_plan_new ("t", 2023);
  guint count = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &count);
  jp_plan_set_title (plan, "u");
  g_assert_cmpuint (count, ==, 0);  /* the store emits it, not the setters */
  jp_plan_emit_changed (plan);
  g_assert_cmpuint (count, ==, 1);
}

/* A whole tree goes away with the plan: no leaks, no reference cycles. */
static void
test_finalize_tree (void)
{
  JpPlan *plan = jp_plan_new ("2023年工作要点", 2023);
  gpointer weak[8] = { NULL };
  guint n_weak = 0;
  const char * const orgs[] = { "金凤区教育党工委", NULL };

  jp_plan_set_organizations (plan, orgs);
  jp_plan_set_history_loader (plan, fake_loader, g_new0 (FakeLoader, 1), g_free);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(JpSection) section = jp_section_new ("一", "节");

      jp_plan_append_section (plan, section);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(JpItem) item = jp_item_new ((int) (s * 2 + i + 1), "事项");
          g_autoptr(JpIndicator) indicator = jp_indicator_new ("指标", JP_INDICATOR_KIND_AT_LEAST, 90);
          g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-06-30");
          JpLeader *leaders[2];
          JpUnit *units[1];
          JpProgress progress;

          leaders[0] = jp_plan_ensure_leader (plan, "张学兵");
          leaders[1] = jp_plan_ensure_leader (plan, i == 0 ? "高学芳" : "崔 茜");
          units[0] = jp_plan_ensure_unit (plan, "教育局");
          jp_item_set_leaders (item, leaders, 2);
          jp_item_set_units (item, units, 1);
          jp_item_set_partner_units (item, units, 1);
          jp_item_add_update (item, update);
          jp_item_append_indicator (item, indicator);
          add_entry (indicator, "2023-06-30", 72, 0);
          jp_section_append_item (section, item);

          /* Evaluating must not keep anything alive either. */
          jp_item_evaluate (item, "2023-07-01", &progress);

          if (s == 1 && i == 1)
            {
              g_set_weak_pointer (&weak[n_weak++], section);
              g_set_weak_pointer (&weak[n_weak++], item);
              g_set_weak_pointer (&weak[n_weak++], indicator);
              g_set_weak_pointer (&weak[n_weak++], update);
              g_set_weak_pointer (&weak[n_weak++], leaders[0]);
              g_set_weak_pointer (&weak[n_weak++], units[0]);
              g_set_weak_pointer (&weak[n_weak++], jp_indicator_get_latest (indicator));
            }
        }
    }

  {
    JpProgress progress;
    guint counts[JP_N_STATUSES];

    jp_plan_evaluate (plan, "2023-07-01", &progress);
    jp_plan_count_item_statuses (plan, "2023-07-01", counts);
  }

  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, 4);
  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 3);

  g_assert_finalize_object (plan);
  for (guint i = 0; i < n_weak; i++)
    {
      g_test_message ("weak %u", i);
      g_assert_null (weak[i]);
    }
}

/* A progress entry knows the indicator listing it, an update the item
 * listing it (the store finds what an edit belongs to through them): set
 * by add, preload and replace, unset by remove, by a replace that leaves
 * it out and when the container goes while the child lives on. */
static void
test_entry_update_owners (void)
{
  g_autoptr(JpIndicator) indicator = jp_indicator_new ("覆盖率", JP_INDICATOR_KIND_AT_LEAST, 90);
  g_autoptr(JpIndicator) other = jp_indicator_new ("合格率", JP_INDICATOR_KIND_AT_LEAST, 95);
  g_autoptr(JpProgressEntry) a = jp_progress_entry_new ("2023-03-01", 10);
  g_autoptr(JpProgressEntry) b = jp_progress_entry_new ("2023-06-01", 50);
  g_autoptr(JpProgressEntry) c = jp_progress_entry_new ("2023-09-01", 80);
  g_autoptr(JpItem) item = jp_item_new (1, "工作一");
  g_autoptr(JpItemUpdate) u = jp_item_update_new ("2023-04-01");
  g_autoptr(JpItemUpdate) v = jp_item_update_new ("2023-07-01");

  g_assert_null (jp_progress_entry_get_indicator (a));
  jp_indicator_preload_latest (indicator, a);
  g_assert_true (jp_progress_entry_get_indicator (a) == indicator);
  jp_indicator_add_progress (indicator, b);
  g_assert_true (jp_progress_entry_get_indicator (b) == indicator);

  /* b left out, c in. */
  {
    JpProgressEntry *entries[] = { a, c };

    jp_indicator_replace_progress (indicator, entries, G_N_ELEMENTS (entries));
  }
  g_assert_true (jp_progress_entry_get_indicator (a) == indicator);
  g_assert_null (jp_progress_entry_get_indicator (b));
  g_assert_true (jp_progress_entry_get_indicator (c) == indicator);

  g_assert_true (jp_indicator_remove_progress (indicator, a));
  g_assert_null (jp_progress_entry_get_indicator (a));
  jp_indicator_add_progress (other, a);
  g_assert_true (jp_progress_entry_get_indicator (a) == other);

  /* The indicator goes; c (held here) no longer points at it. */
  g_clear_object (&indicator);
  g_assert_null (jp_progress_entry_get_indicator (c));
  g_assert_true (jp_progress_entry_get_indicator (a) == other);

  jp_item_add_update (item, u);
  g_assert_true (jp_item_update_get_item (u) == item);
  {
    JpItemUpdate *updates[] = { v };

    jp_item_replace_updates (item, updates, G_N_ELEMENTS (updates));
  }
  g_assert_null (jp_item_update_get_item (u));
  g_assert_true (jp_item_update_get_item (v) == item);
  jp_item_add_update (item, u);
  g_assert_true (jp_item_remove_update (item, u));
  g_assert_null (jp_item_update_get_item (u));
  g_clear_object (&item);
  g_assert_null (jp_item_update_get_item (v));
}

/* Dates as people type them into a date picker. */
static void
test_date_parse_loose (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "2023-06-30", "2023-06-30" },
    { "2023-6-30", "2023-06-30" },
    { " 2023/6/30 ", "2023-06-30" },
    { "2023.06.30", "2023-06-30" },
    { "2023年6月30日", "2023-06-30" },
    { "2023 年 6 月 30 日", "2023-06-30" },
    { "２０２３年６月３０日", "2023-06-30" },
    { "20230630", "2023-06-30" },
    { "2024-2-29", "2024-02-29" },
    { "2023-2-29", NULL },
    { "2023-6-31", NULL },
    { "23-6-30", NULL },
    { "2023-13-01", NULL },
    { "2023-06", NULL },
    { "June 30", NULL },
    { "2023-06-30-01", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = jp_date_parse_loose (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

/* Names that are probably one written twice, and names that are not. */
static void
test_names_near (void)
{
  static const struct { const char *a, *b; gboolean near; } cases[] = {
    { "督导", "督导室", TRUE },
    { "各中小学、幼儿园", "各中小学校、幼儿园", TRUE },
    { "崔 茜", "崔茜", TRUE },
    { "崔茜 ", "崔茜", TRUE },
    { "ＩＴ中心", "IT中心", TRUE },
    { "教研室", "教科室", TRUE },        /* one character replaced: worth a question */
    { "崔茜", "崔茜", FALSE },           /* the same name */
    { "张学兵", "高学芳", FALSE },
    { "基建室", "督导室", FALSE },
    { "各支部", "各中小学校、幼儿园", FALSE },
    { "王", "汪", FALSE },              /* one character: too short to tell */
    { "", "督导", FALSE },
  };
  static const char * const names[] = { "督导室", "基建室", "督 导", "督导", NULL };
  g_autoptr(GPtrArray) near = NULL;
  g_autofree char *folded = jp_name_fold ("　崔 茜Ａ");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].a, cases[i].b);
      g_assert_cmpint (jp_names_are_near (cases[i].a, cases[i].b), ==, cases[i].near);
      g_assert_cmpint (jp_names_are_near (cases[i].b, cases[i].a), ==, cases[i].near);
    }

  g_assert_cmpstr (folded, ==, "崔茜a");
  near = jp_names_find_near ("督导", names);
  g_assert_cmpuint (near->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (near, 0), ==, "督导室");
  g_assert_cmpstr (g_ptr_array_index (near, 1), ==, "督 导");
}

/* The values an indicator's kind and unit can take (the progress dialog
 * and the progress import ask it). */
static void
test_check_value (void)
{
  static const struct
  {
    JpIndicatorKind kind;
    const char     *unit;
    double          value;
    gboolean        ok;
  } cases[] = {
    { JP_INDICATOR_KIND_AT_LEAST,    "%",      90,     TRUE },
    { JP_INDICATOR_KIND_AT_LEAST,    "%",      1000,   TRUE },
    { JP_INDICATOR_KIND_AT_LEAST,    "%",      1000.5, FALSE },
    { JP_INDICATOR_KIND_AT_LEAST,    "％",     1200,   FALSE },
    { JP_INDICATOR_KIND_AT_LEAST,    "%",      -1,     FALSE },
    { JP_INDICATOR_KIND_AT_MOST,     "%",      0,      TRUE },
    { JP_INDICATOR_KIND_DECREASE_BY, "%",      -0.5,   TRUE },
    { JP_INDICATOR_KIND_DECREASE_BY, "%",      -1500,  FALSE },
    { JP_INDICATOR_KIND_INCREASE_BY, "个百分点", 3,    TRUE },
    { JP_INDICATOR_KIND_INCREASE_BY, "个百分点", 3.5,  TRUE },  /* not a count */
    { JP_INDICATOR_KIND_INCREASE_BY, "个百分点", 2000, FALSE },
    { JP_INDICATOR_KIND_AT_LEAST,    "个",     630,    TRUE },
    { JP_INDICATOR_KIND_AT_LEAST,    "个",     630.5,  FALSE },
    { JP_INDICATOR_KIND_RANGE,       " 所 ",   3.2,    FALSE },
    { JP_INDICATOR_KIND_AT_LEAST,    "人次",   2500,   TRUE },
    { JP_INDICATOR_KIND_AT_LEAST,    "万人",   1.5,    TRUE },  /* a magnitude: decimals */
    { JP_INDICATOR_KIND_AT_LEAST,    "亿元",   4.7,    TRUE },
    { JP_INDICATOR_KIND_AT_LEAST,    "",       -3,     FALSE },
    { JP_INDICATOR_KIND_MILESTONE,   "",       1,      TRUE },
    { JP_INDICATOR_KIND_MILESTONE,   "",       0,      TRUE },
    { JP_INDICATOR_KIND_MILESTONE,   "",       2,      FALSE },
    { JP_INDICATOR_KIND_MILESTONE,   "",       0.5,    FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JpIndicator) indicator = jp_indicator_new ("指标", cases[i].kind, 1);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      jp_indicator_set_unit (indicator, cases[i].unit);
      ok = jp_indicator_check_value (indicator, cases[i].value, &error);
      g_test_message ("%g %s: %s", cases[i].value, cases[i].unit,
                      error != NULL ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  {
    g_autoptr(JpIndicator) indicator = jp_indicator_new ("指标", JP_INDICATOR_KIND_AT_LEAST, 1);

    g_assert_false (jp_indicator_check_value (indicator, NAN, NULL));
    g_assert_false (jp_indicator_check_value (indicator, INFINITY, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/model/date-parse", test_date_parse);
  g_test_add_func ("/jp/model/date-misc", test_date_misc);
  g_test_add_func ("/jp/model/date-parse-loose", test_date_parse_loose);
  g_test_add_func ("/jp/model/names-near", test_names_near);
  g_test_add_func ("/jp/model/check-value", test_check_value);
  g_test_add_func ("/jp/model/date-julian-every-day", test_date_julian_every_day);
  g_test_add_func ("/jp/model/properties-notify", test_properties_notify);
  g_test_add_func ("/jp/model/string-conventions", test_string_conventions);
  g_test_add_func ("/jp/model/plan-organizations", test_plan_organizations);
  g_test_add_func ("/jp/model/weight-completion-ranges", test_weight_and_completion_ranges);
  g_test_add_func ("/jp/model/plan-year-dates", test_plan_year_dates);
  g_test_add_func ("/jp/model/plan-default-as-of", test_plan_default_as_of);
  g_test_add_func ("/jp/model/set-leaders-items-changed", test_set_leaders_items_changed);
  g_test_add_func ("/jp/model/back-pointers", test_back_pointers);
  g_test_add_func ("/jp/model/back-pointers-dispose", test_back_pointers_dispose);
  g_test_add_func ("/jp/model/ensure-leader", test_ensure_leader);
  g_test_add_func ("/jp/model/ensure-unit", test_ensure_unit);
  g_test_add_func ("/jp/model/remove-leader-unit", test_remove_leader_unit);
  g_test_add_func ("/jp/model/add-progress-order", test_add_progress_order);
  g_test_add_func ("/jp/model/preload-replace-progress", test_preload_and_replace_progress);
  g_test_add_func ("/jp/model/entry-update-owners", test_entry_update_owners);
  g_test_add_func ("/jp/model/item-batches", test_item_batches);
  g_test_add_func ("/jp/model/updates-order", test_updates_order);
  g_test_add_func ("/jp/model/lazy-history", test_lazy_history);
  g_test_add_func ("/jp/model/lazy-history-explicit", test_lazy_history_explicit);
  g_test_add_func ("/jp/model/lazy-history-error", test_lazy_history_error);
  g_test_add_func ("/jp/model/lazy-history-no-loader", test_lazy_history_no_loader);
  g_test_add_func ("/jp/model/plan-changed", test_plan_changed);
  g_test_add_func ("/jp/model/finalize-tree", test_finalize_tree);

  return g_test_run ();
}
