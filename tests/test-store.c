/* test-store.c: the SQLite store — round trips, edits and their history,
 * lazy histories, undo paths (merge, remove + insert), and the error cases
 * (constraint, full, busy, read-only, newer schema, not a database), each
 * checked to leave the file and the model unchanged. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "jp-enum-types.h"
#include "jp-model.h"
#include "jp-store.h"
#include "jp-store-private.h"

/* ------------------------------------------------------------------ */
/* Fixture: a temporary folder per test                                */

typedef struct
{
  char *dir;
  char *path; /* dir/plans.db, not created */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jp-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plans.db", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static JpStore *
open_store (const char   *path,
            JpStoreFlags  flags)
{
  g_autoptr(GError) error = NULL;
  JpStore *store = jp_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  jp_store_set_author (store, "测试员");
  return store;
}

static JpPlan *
load_plan (JpStore *store,
           gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_store_load_plan (store, plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Raw SQL on a connection of the test's own (faults, inspection). */
static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------ */
/* A plan with every field, optional ones both set and unset           */

static JpProgressEntry *
entry_new (const char *date,
           double      value,
           const char *note,
           const char *author)
{
  JpProgressEntry *entry = jp_progress_entry_new (date, value);

  jp_progress_entry_set_note (entry, note);
  jp_progress_entry_set_author (entry, author);
  return entry;
}

static JpPlan *
build_plan (void)
{
  static const char * const organizations[] = { "金凤区教育党工委", "金凤区教育局", NULL };
  static const char * const leader_names[] = { "张学兵", "高学芳", "崔茜", "未分工领导" };
  static const char * const unit_names[] = { "教育党工委", "各支部", "各中小学校、幼儿园", "督导室", "未用单位" };
  JpPlan *plan = jp_plan_new ("2023年工作要点", 2023);
  JpLeader *leaders[G_N_ELEMENTS (leader_names)];
  JpUnit *units[G_N_ELEMENTS (unit_names)];

  jp_plan_set_organizations (plan, organizations);
  jp_plan_set_preamble (plan, "2023年金凤区教育工作的总体要求是：……");
  jp_plan_set_end (plan, "2023-12-20");

  for (guint i = 0; i < G_N_ELEMENTS (leader_names); i++)
    leaders[i] = jp_plan_ensure_leader (plan, leader_names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    units[i] = jp_plan_ensure_unit (plan, unit_names[i]);

  {
    g_autoptr(JpSection) section = jp_section_new ("一", "坚持党建引领、凝心聚魂");
    g_autoptr(JpItem) item = jp_item_new (1, "全面加强教育系统党的建设");
    g_autoptr(JpItem) item2 = jp_item_new (2, "落实意识形态工作责任制");
    g_autoptr(JpIndicator) ind = jp_indicator_new ("党支部规范化率", JP_INDICATOR_KIND_AT_LEAST, 90);
    g_autoptr(JpIndicator) ind2 = jp_indicator_new ("资金", JP_INDICATOR_KIND_AT_LEAST, 4.7);
    g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-06-30");
    g_autoptr(JpItemUpdate) update2 = jp_item_update_new ("2023-03-31");
    JpLeader *item_leaders[] = { leaders[1], leaders[0] }; /* not the plan's order */
    JpUnit *item_units[] = { units[2], units[0] };
    JpUnit *partners[] = { units[3] };

    jp_item_set_body (item, "持续推进“不忘初心”……");
    jp_item_set_leaders (item, item_leaders, G_N_ELEMENTS (item_leaders));
    jp_item_set_units (item, item_units, G_N_ELEMENTS (item_units));
    jp_item_set_partner_units (item, partners, G_N_ELEMENTS (partners));
    jp_item_set_due (item, "2023-11-30");

    jp_indicator_set_text (ind, "党支部规范化率（一星级及以上）达90%");
    jp_indicator_set_unit (ind, "%");
    jp_indicator_set_has_baseline (ind, TRUE);
    jp_indicator_set_baseline (ind, 0.5);
    jp_indicator_set_weight (ind, 0.5);
    jp_indicator_set_due (ind, "2023-10-31");
    {
      g_autoptr(JpProgressEntry) e1 = entry_new ("2023-03-31", 60, "一季度", "甲");
      g_autoptr(JpProgressEntry) e2 = entry_new ("2023-06-30", 72, "上半年评定", "乙");
      g_autoptr(JpProgressEntry) e3 = entry_new ("2023-06-30", 0.1 + 0.2, "同日第二条", "");
      g_autoptr(JpProgressEntry) e4 = entry_new ("2023-09-30", 80.25, "", "丙");

      jp_indicator_add_progress (ind, e1);
      jp_indicator_add_progress (ind, e2);
      jp_indicator_add_progress (ind, e3);
      jp_indicator_add_progress (ind, e4);
    }

    jp_indicator_set_text (ind2, "投入资金4.7亿元");
    jp_indicator_set_unit (ind2, "亿元");
    {
      g_autoptr(JpProgressEntry) e = entry_new ("2023-05-01", 4.7, "到位", "");

      jp_indicator_add_progress (ind2, e);
    }

    jp_item_update_set_has_completion (update, TRUE);
    jp_item_update_set_completion (update, 50);
    jp_item_update_set_note (update, "上半年进展");
    jp_item_update_set_problems (update, "存在问题");
    jp_item_update_set_next_steps (update, "下步打算");
    jp_item_update_set_author (update, "办公室");
    jp_item_update_set_note (update2, "一季度");

    jp_item_add_update (item, update);
    jp_item_add_update (item, update2);
    jp_item_append_indicator (item, ind);
    jp_item_append_indicator (item, ind2);
    jp_section_append_item (section, item);

    {
      JpLeader *l2[] = { leaders[2] };

      jp_item_set_leaders (item2, l2, 1);
    }
    jp_section_append_item (section, item2);
    jp_plan_append_section (plan, section);
  }

  {
    g_autoptr(JpSection) section = jp_section_new ("二", "");
    g_autoptr(JpItem) item = jp_item_new (3, "扩充优质教育资源");
    g_autoptr(JpIndicator) ind = jp_indicator_new ("新建学校", JP_INDICATOR_KIND_RANGE, 3);
    g_autoptr(JpIndicator) ind2 = jp_indicator_new ("近视率", JP_INDICATOR_KIND_DECREASE_BY, 0.5);
    g_autoptr(JpIndicator) ind3 = jp_indicator_new ("年底前完成", JP_INDICATOR_KIND_MILESTONE, 1);
    JpLeader *item_leaders[] = { leaders[0], leaders[2] };
    JpUnit *item_units[] = { units[1] };

    jp_indicator_set_has_target_max (ind, TRUE);
    jp_indicator_set_target_max (ind, 5);
    jp_indicator_set_unit (ind, "所");
    jp_indicator_set_text (ind2, "近视率下降0.5%以上");
    jp_indicator_set_unit (ind2, "%");
    jp_indicator_set_weight (ind3, 0);
    jp_item_set_leaders (item, item_leaders, G_N_ELEMENTS (item_leaders));
    jp_item_set_units (item, item_units, G_N_ELEMENTS (item_units));
    jp_item_append_indicator (item, ind);
    jp_item_append_indicator (item, ind2);
    jp_item_append_indicator (item, ind3);
    jp_section_append_item (section, item);
    jp_plan_append_section (plan, section);
  }

  return plan;
}

static gint64
insert_plan (JpStore *store,
             JpPlan  *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_insert_plans (store, &plan, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_plan_get_id (plan), >, 0);
  return jp_plan_get_id (plan);
}

/* ------------------------------------------------------------------ */
/* Deep comparison                                                     */

static void
assert_people_equal (GListModel *a,
                     GListModel *b,
                     gboolean    ids)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (g_list_model_get_n_items (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);
      g_autofree char *nx = NULL;
      g_autofree char *ny = NULL;
      gint64 ix = 0, iy = 0;

      g_object_get (x, "name", &nx, "id", &ix, NULL);
      g_object_get (y, "name", &ny, "id", &iy, NULL);
      g_assert_cmpstr (nx, ==, ny);
      if (ids)
        g_assert_cmpint (ix, ==, iy);
    }
}

static void
assert_entries_equal (JpIndicator *a,
                      JpIndicator *b,
                      gboolean     ids)
{
  GListModel *pa = jp_indicator_get_progress (a);
  GListModel *pb = jp_indicator_get_progress (b);
  guint n = g_list_model_get_n_items (pa);

  g_assert_cmpuint (g_list_model_get_n_items (pb), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) x = g_list_model_get_item (pa, i);
      g_autoptr(JpProgressEntry) y = g_list_model_get_item (pb, i);

      g_assert_cmpstr (jp_progress_entry_get_date (x), ==, jp_progress_entry_get_date (y));
      g_assert_true (jp_progress_entry_get_value (x) == jp_progress_entry_get_value (y));
      g_assert_cmpstr (jp_progress_entry_get_note (x), ==, jp_progress_entry_get_note (y));
      g_assert_cmpstr (jp_progress_entry_get_author (x), ==, jp_progress_entry_get_author (y));
      if (ids)
        g_assert_cmpint (jp_progress_entry_get_id (x), ==, jp_progress_entry_get_id (y));
    }
}

static void
assert_indicators_equal (JpIndicator *a,
                         JpIndicator *b,
                         gboolean     ids)
{
  GError *error = NULL;

  if (ids)
    g_assert_cmpint (jp_indicator_get_id (a), ==, jp_indicator_get_id (b));
  g_assert_cmpstr (jp_indicator_get_name (a), ==, jp_indicator_get_name (b));
  g_assert_cmpstr (jp_indicator_get_text (a), ==, jp_indicator_get_text (b));
  g_assert_cmpint (jp_indicator_get_kind (a), ==, jp_indicator_get_kind (b));
  g_assert_true (jp_indicator_get_target (a) == jp_indicator_get_target (b));
  g_assert_cmpint (jp_indicator_get_has_target_max (a), ==, jp_indicator_get_has_target_max (b));
  if (jp_indicator_get_has_target_max (a))
    g_assert_true (jp_indicator_get_target_max (a) == jp_indicator_get_target_max (b));
  g_assert_cmpstr (jp_indicator_get_unit (a), ==, jp_indicator_get_unit (b));
  g_assert_cmpint (jp_indicator_get_has_baseline (a), ==, jp_indicator_get_has_baseline (b));
  if (jp_indicator_get_has_baseline (a))
    g_assert_true (jp_indicator_get_baseline (a) == jp_indicator_get_baseline (b));
  g_assert_cmpstr (jp_indicator_get_due (a), ==, jp_indicator_get_due (b));
  g_assert_true (jp_indicator_get_weight (a) == jp_indicator_get_weight (b));

  g_assert_true (jp_indicator_ensure_history (a, &error));
  g_assert_no_error (error);
  g_assert_true (jp_indicator_ensure_history (b, &error));
  g_assert_no_error (error);
  assert_entries_equal (a, b, ids);
}

static void
assert_items_equal (JpItem   *a,
                    JpItem   *b,
                    gboolean  ids)
{
  GListModel *ua = jp_item_get_updates (a);
  GListModel *ub = jp_item_get_updates (b);
  GListModel *ia = jp_item_get_indicators (a);
  GListModel *ib = jp_item_get_indicators (b);

  if (ids)
    g_assert_cmpint (jp_item_get_id (a), ==, jp_item_get_id (b));
  g_assert_cmpint (jp_item_get_number (a), ==, jp_item_get_number (b));
  g_assert_cmpstr (jp_item_get_title (a), ==, jp_item_get_title (b));
  g_assert_cmpstr (jp_item_get_body (a), ==, jp_item_get_body (b));
  g_assert_cmpstr (jp_item_get_due (a), ==, jp_item_get_due (b));
  assert_people_equal (jp_item_get_leaders (a), jp_item_get_leaders (b), ids);
  assert_people_equal (jp_item_get_units (a), jp_item_get_units (b), ids);
  assert_people_equal (jp_item_get_partner_units (a), jp_item_get_partner_units (b), ids);

  g_assert_cmpuint (g_list_model_get_n_items (ua), ==, g_list_model_get_n_items (ub));
  for (guint i = 0; i < g_list_model_get_n_items (ua); i++)
    {
      g_autoptr(JpItemUpdate) x = g_list_model_get_item (ua, i);
      g_autoptr(JpItemUpdate) y = g_list_model_get_item (ub, i);

      if (ids)
        g_assert_cmpint (jp_item_update_get_id (x), ==, jp_item_update_get_id (y));
      g_assert_cmpstr (jp_item_update_get_date (x), ==, jp_item_update_get_date (y));
      g_assert_cmpint (jp_item_update_get_has_completion (x), ==, jp_item_update_get_has_completion (y));
      if (jp_item_update_get_has_completion (x))
        g_assert_true (jp_item_update_get_completion (x) == jp_item_update_get_completion (y));
      g_assert_cmpstr (jp_item_update_get_note (x), ==, jp_item_update_get_note (y));
      g_assert_cmpstr (jp_item_update_get_problems (x), ==, jp_item_update_get_problems (y));
      g_assert_cmpstr (jp_item_update_get_next_steps (x), ==, jp_item_update_get_next_steps (y));
      g_assert_cmpstr (jp_item_update_get_author (x), ==, jp_item_update_get_author (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(JpIndicator) x = g_list_model_get_item (ia, i);
      g_autoptr(JpIndicator) y = g_list_model_get_item (ib, i);

      assert_indicators_equal (x, y, ids);
    }
}

static void
assert_plans_equal (JpPlan   *a,
                    JpPlan   *b,
                    gboolean  ids)
{
  GListModel *sa = jp_plan_get_sections (a);
  GListModel *sb = jp_plan_get_sections (b);

  if (ids)
    g_assert_cmpint (jp_plan_get_id (a), ==, jp_plan_get_id (b));
  g_assert_cmpstr (jp_plan_get_title (a), ==, jp_plan_get_title (b));
  g_assert_cmpint (jp_plan_get_year (a), ==, jp_plan_get_year (b));
  g_assert_true (g_strv_equal (jp_plan_get_organizations (a), jp_plan_get_organizations (b)));
  g_assert_cmpstr (jp_plan_get_preamble (a), ==, jp_plan_get_preamble (b));
  g_assert_cmpstr (jp_plan_get_start (a), ==, jp_plan_get_start (b));
  g_assert_cmpstr (jp_plan_get_end (a), ==, jp_plan_get_end (b));
  assert_people_equal (jp_plan_get_leaders (a), jp_plan_get_leaders (b), ids);
  assert_people_equal (jp_plan_get_units (a), jp_plan_get_units (b), ids);

  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(JpSection) x = g_list_model_get_item (sa, i);
      g_autoptr(JpSection) y = g_list_model_get_item (sb, i);
      GListModel *ia = jp_section_get_items (x);
      GListModel *ib = jp_section_get_items (y);

      if (ids)
        g_assert_cmpint (jp_section_get_id (x), ==, jp_section_get_id (y));
      g_assert_cmpstr (jp_section_get_ordinal (x), ==, jp_section_get_ordinal (y));
      g_assert_cmpstr (jp_section_get_title (x), ==, jp_section_get_title (y));
      g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
      for (guint j = 0; j < g_list_model_get_n_items (ia); j++)
        {
          g_autoptr(JpItem) p = g_list_model_get_item (ia, j);
          g_autoptr(JpItem) q = g_list_model_get_item (ib, j);

          assert_items_equal (p, q, ids);
        }
    }
}

/* Reopens the file in a fresh store and compares its plan with @expected
 * (whose histories are loaded first, while its store may still be open). */
static void
assert_file_holds (const char *path,
                   JpPlan     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) loaded = NULL;

  g_assert_true (_jp_store_ensure_histories (expected, &error));
  g_assert_no_error (error);
  store = open_store (path, JP_STORE_FLAGS_READ_ONLY);
  loaded = load_plan (store, jp_plan_get_id (expected));
  assert_plans_equal (expected, loaded, TRUE);
}

static gpointer
nth (GListModel *list,
     guint       i)
{
  g_autoptr(GObject) object = g_list_model_get_item (list, i);

  g_assert_nonnull (object);
  return object; /* borrowed: the list keeps its reference */
}

static JpSection *
section_at (JpPlan *plan,
            guint   i)
{
  return nth (jp_plan_get_sections (plan), i);
}

static JpItem *
item_at (JpPlan *plan,
         guint   s,
         guint   i)
{
  return nth (jp_section_get_items (section_at (plan, s)), i);
}

static JpIndicator *
indicator_at (JpPlan *plan,
              guint   s,
              guint   i,
              guint   k)
{
  return nth (jp_item_get_indicators (item_at (plan, s, i)), k);
}

static guint
n_history (JpStore *store,
           gint64   plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = jp_store_list_history (store, plan_id, 0, &error);

  g_assert_no_error (error);
  return history->len;
}

/* ------------------------------------------------------------------ */
/* Round trip                                                          */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(JpPlan) copy = build_plan ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    plan_id = insert_plan (store, plan);
    g_assert_cmpint (jp_store_get_latest_plan_id (store, &error), ==, plan_id);
    g_assert_no_error (error);
  }

  /* Every object got an id. */
  g_assert_cmpint (jp_section_get_id (section_at (plan, 1)), >, 0);
  g_assert_cmpint (jp_item_get_id (item_at (plan, 1, 0)), >, 0);
  g_assert_cmpint (jp_indicator_get_id (indicator_at (plan, 1, 0, 2)), >, 0);
  g_assert_cmpint (jp_leader_get_id (nth (jp_plan_get_leaders (plan), 3)), >, 0);
  g_assert_cmpint (jp_unit_get_id (nth (jp_plan_get_units (plan), 4)), >, 0);
  g_assert_cmpint (jp_item_update_get_id (nth (jp_item_get_updates (item_at (plan, 0, 0)), 1)), >, 0);
  g_assert_cmpint (jp_progress_entry_get_id (nth (jp_indicator_get_progress (indicator_at (plan, 0, 0, 0)), 3)), >, 0);

  /* The file alone holds everything (a fresh store, fresh objects). */
  assert_file_holds (f->path, plan);
  /* … and exactly what the unsaved twin holds, without the ids. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) loaded = load_plan (store, plan_id);
    JpIndicator *ind2 = indicator_at (loaded, 0, 0, 1);

    assert_plans_equal (copy, loaded, FALSE);
    /* Exact doubles: 4.7, 0.5, 0.1 + 0.2. */
    g_assert_true (jp_indicator_get_target (ind2) == 4.7);
    g_assert_true (jp_indicator_get_baseline (indicator_at (loaded, 0, 0, 0)) == 0.5);
    g_assert_true (jp_indicator_get_weight (indicator_at (loaded, 0, 0, 0)) == 0.5);
    g_assert_false (jp_indicator_get_has_baseline (ind2));
    g_assert_true (jp_indicator_get_has_target_max (indicator_at (loaded, 1, 0, 0)));
    g_assert_null (jp_item_get_due (item_at (loaded, 1, 0)));
    g_assert_cmpstr (jp_section_get_title (section_at (loaded, 1)), ==, "");
    g_assert_cmpstr (jp_plan_get_start (loaded), ==, "2023-01-01");
    g_assert_cmpstr (jp_plan_get_end (loaded), ==, "2023-12-20");
  }

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    plans = jp_store_list_plans (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 1);
    g_assert_cmpint (((JpPlanInfo *) plans->pdata[0])->id, ==, plan_id);
    g_assert_cmpint (((JpPlanInfo *) plans->pdata[0])->year, ==, 2023);
    g_assert_cmpstr (((JpPlanInfo *) plans->pdata[0])->title, ==, "2023年工作要点");
    g_assert_cmpuint (((JpPlanInfo *) plans->pdata[0])->n_sections, ==, 2);
    g_assert_cmpuint (((JpPlanInfo *) plans->pdata[0])->n_items, ==, 3);
    g_assert_cmpuint (((JpPlanInfo *) plans->pdata[0])->n_indicators, ==, 5);
    /* The import is one history row. */
    g_assert_cmpuint (n_history (store, plan_id), ==, 1);
  }

  /* Schema facts. */
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA application_id"), ==, JP_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_query_int (f->path,
                                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND sql NOT LIKE '%STRICT%'"), ==, 0);
}

static void
test_memory (void)
{
  g_autoptr(JpStore) store = open_store (":memory:", JP_STORE_FLAGS_NONE);
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(JpPlan) loaded = NULL;

  insert_plan (store, plan);
  loaded = load_plan (store, jp_plan_get_id (plan));
  assert_plans_equal (plan, loaded, TRUE);
}

static void
test_folder_created (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a", "b", "plans.db", NULL);
  g_autoptr(JpStore) store = open_store (path, JP_STORE_FLAGS_NONE);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (jp_store_get_path (store), ==, path);
  g_assert_false (jp_store_get_read_only (store));
}

static void
test_insert_rollback (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpPlan) good = build_plan ();
  g_autoptr(JpPlan) bad = build_plan ();
  g_autoptr(JpLeader) stranger = jp_leader_new ("不在名单");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  JpPlan *both[2] = { good, bad };
  JpLeader *leaders[] = { stranger };

  /* The second plan's item names someone who is not among its leaders. */
  jp_item_set_leaders (item_at (bad, 1, 0), leaders, 1);

  g_assert_false (jp_store_insert_plans (store, both, 2, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "不在名单"));

  /* Nothing of the first plan either, and no id was given out. */
  plans = jp_store_list_plans (store, NULL);
  g_assert_cmpuint (plans->len, ==, 0);
  g_assert_cmpint (jp_plan_get_id (good), ==, 0);
  g_assert_cmpint (jp_item_get_id (item_at (good, 0, 0)), ==, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM items"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM history"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Lazy histories                                                      */

static void
test_lazy_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  JpIndicator *ind;
  JpProgressEntry *latest;
  JpProgressEntry *found;
  GListModel *progress;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  insert_plan (store, plan);
  g_clear_object (&store);

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  loaded = load_plan (store, jp_plan_get_id (plan));

  /* Only the latest entry; of the same date, the later one. */
  ind = indicator_at (loaded, 0, 0, 0);
  progress = jp_indicator_get_progress (ind);
  g_assert_false (jp_indicator_get_history_loaded (ind));
  g_assert_cmpuint (g_list_model_get_n_items (progress), ==, 1);
  latest = jp_indicator_get_latest (ind);
  g_assert_cmpstr (jp_progress_entry_get_date (latest), ==, "2023-09-30");
  g_assert_true (jp_progress_entry_get_value (latest) == 80.25);

  /* Indicators without entries have nothing to load. */
  g_assert_true (jp_indicator_get_history_loaded (indicator_at (loaded, 1, 0, 0)));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator_at (loaded, 1, 0, 0))), ==, 0);

  /* The latest entry dated on or before the as-of date comes from the
   * history, loaded on demand. */
  found = jp_indicator_find_entry (ind, "2023-07-01");
  g_assert_nonnull (found);
  g_assert_true (jp_indicator_get_history_loaded (ind));
  g_assert_cmpuint (g_list_model_get_n_items (progress), ==, 4);
  g_assert_cmpstr (jp_progress_entry_get_note (found), ==, "同日第二条");
  g_assert_true (jp_progress_entry_get_value (found) == 0.1 + 0.2);
  /* The object loaded first is kept. */
  g_assert_true (jp_indicator_get_latest (ind) == latest);
  assert_entries_equal (indicator_at (plan, 0, 0, 0), ind, TRUE);

  /* ensure_history on another one. */
  ind = indicator_at (loaded, 0, 0, 1);
  g_assert_true (jp_indicator_ensure_history (ind, &error));
  g_assert_no_error (error);
  g_assert_true (jp_indicator_get_history_loaded (ind));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (ind)), ==, 1);

  /* After the store is gone, the loader reports it. */
  ind = indicator_at (loaded, 0, 0, 0);
  g_clear_object (&store);
  {
    g_autoptr(JpStore) other = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) again = load_plan (other, jp_plan_get_id (plan));
    JpIndicator *orphan = indicator_at (again, 0, 0, 0);

    g_clear_object (&other);
    g_assert_false (jp_indicator_ensure_history (orphan, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  }
}

/* ------------------------------------------------------------------ */
/* Edits: every editable property, then the file                       */

typedef enum
{
  OBJ_PLAN,
  OBJ_SECTION,
  OBJ_ITEM,
  OBJ_INDICATOR,
  OBJ_ENTRY,
  OBJ_UPDATE,
  OBJ_LEADER,
  OBJ_UNIT,
} ObjectKind;

typedef enum
{
  V_STRING,
  V_INT,
  V_DOUBLE,
  V_BOOLEAN,
  V_KIND,
  V_STRV,
} ValueKind;

typedef struct
{
  ObjectKind  object;
  const char *property;
  ValueKind   kind;
  const char *s;
  double      d;
  const char *noun;      /* history "what" */
  const char *old_text;  /* history old → new */
  const char *new_text;
} EditCase;

static const EditCase edit_cases[] = {
  { OBJ_PLAN, "title", V_STRING, "2023年工作要点（修订）", 0, "plan", "2023年工作要点", "2023年工作要点（修订）" },
  { OBJ_PLAN, "organizations", V_STRV, "金凤区教育局", 0, "plan",
    "[\"金凤区教育党工委\",\"金凤区教育局\"]", "[\"金凤区教育局\"]" },
  { OBJ_PLAN, "preamble", V_STRING, NULL, 0, "plan", "2023年金凤区教育工作的总体要求是：……", "" },
  { OBJ_PLAN, "start", V_STRING, "2023-02-01", 0, "plan", "2023-01-01", "2023-02-01" },
  { OBJ_PLAN, "year", V_INT, NULL, 2024, "plan", "2023", "2024" },
  { OBJ_PLAN, "end", V_STRING, "2024-12-01", 0, "plan", "2023-12-20", "2024-12-01" },
  { OBJ_SECTION, "ordinal", V_STRING, "壹", 0, "section", "一", "壹" },
  { OBJ_SECTION, "title", V_STRING, "新标题", 0, "section", "坚持党建引领、凝心聚魂", "新标题" },
  { OBJ_ITEM, "number", V_INT, NULL, 7, "item", "1", "7" },
  { OBJ_ITEM, "title", V_STRING, "新的一句话", 0, "item", "全面加强教育系统党的建设", "新的一句话" },
  { OBJ_ITEM, "body", V_STRING, "正文", 0, "item", "持续推进“不忘初心”……", "正文" },
  { OBJ_ITEM, "due", V_STRING, "", 0, "item", "2023-11-30", NULL },
  { OBJ_INDICATOR, "name", V_STRING, "规范化率", 0, "indicator", "党支部规范化率", "规范化率" },
  { OBJ_INDICATOR, "text", V_STRING, "原文", 0, "indicator", "党支部规范化率（一星级及以上）达90%", "原文" },
  { OBJ_INDICATOR, "kind", V_KIND, NULL, JP_INDICATOR_KIND_RANGE, "indicator", "at_least", "range" },
  { OBJ_INDICATOR, "target", V_DOUBLE, NULL, 4.7, "indicator", "90", "4.7" },
  { OBJ_INDICATOR, "target-max", V_DOUBLE, NULL, 6.5, NULL, NULL, NULL }, /* not in effect yet */
  { OBJ_INDICATOR, "has-target-max", V_BOOLEAN, NULL, TRUE, "indicator", NULL, "6.5" },
  { OBJ_INDICATOR, "target-max", V_DOUBLE, NULL, 0.1 + 0.2, "indicator", "6.5", "0.30000000000000004" },
  { OBJ_INDICATOR, "unit", V_STRING, "所", 0, "indicator", "%", "所" },
  { OBJ_INDICATOR, "has-baseline", V_BOOLEAN, NULL, FALSE, "indicator", "0.5", NULL },
  { OBJ_INDICATOR, "due", V_STRING, "2023-12-01", 0, "indicator", "2023-10-31", "2023-12-01" },
  { OBJ_INDICATOR, "weight", V_DOUBLE, NULL, 2, "indicator", "0.5", "2" },
  { OBJ_ENTRY, "value", V_DOUBLE, NULL, 81.5, "progress", "80.25", "81.5" },
  { OBJ_ENTRY, "note", V_STRING, "改", 0, "progress", "", "改" },
  { OBJ_ENTRY, "author", V_STRING, "丁", 0, "progress", "丙", "丁" },
  { OBJ_ENTRY, "date", V_STRING, "2023-01-15", 0, "progress", "2023-09-30", "2023-01-15" },
  { OBJ_UPDATE, "has-completion", V_BOOLEAN, NULL, FALSE, "update", "50", NULL },
  { OBJ_UPDATE, "completion", V_DOUBLE, NULL, 75, NULL, NULL, NULL }, /* not in effect */
  { OBJ_UPDATE, "has-completion", V_BOOLEAN, NULL, TRUE, "update", NULL, "75" },
  { OBJ_UPDATE, "completion", V_DOUBLE, NULL, 150, "update", "75", "100" }, /* clamped */
  { OBJ_UPDATE, "note", V_STRING, "进展", 0, "update", "上半年进展", "进展" },
  { OBJ_UPDATE, "problems", V_STRING, "问题", 0, "update", "存在问题", "问题" },
  { OBJ_UPDATE, "next-steps", V_STRING, "打算", 0, "update", "下步打算", "打算" },
  { OBJ_UPDATE, "author", V_STRING, "", 0, "update", "办公室", "" },
  { OBJ_UPDATE, "date", V_STRING, "2023-01-01", 0, "update", "2023-06-30", "2023-01-01" },
  { OBJ_LEADER, "name", V_STRING, "张学兵（改）", 0, "leader", "张学兵", "张学兵（改）" },
  { OBJ_UNIT, "name", V_STRING, "党工委", 0, "unit", "教育党工委", "党工委" },
};

static gpointer
edit_target (JpPlan     *plan,
             ObjectKind  kind,
             gpointer   *entry,
             gpointer   *update)
{
  switch (kind)
    {
    case OBJ_PLAN:
      return plan;
    case OBJ_SECTION:
      return section_at (plan, 0);
    case OBJ_ITEM:
      return item_at (plan, 0, 0);
    case OBJ_INDICATOR:
      return indicator_at (plan, 0, 0, 0);
    case OBJ_ENTRY:
      return *entry;
    case OBJ_UPDATE:
      return *update;
    case OBJ_LEADER:
      return nth (jp_plan_get_leaders (plan), 0);
    case OBJ_UNIT:
      return nth (jp_plan_get_units (plan), 0);
    default:
      g_assert_not_reached ();
    }
}

static gint64
id_of (gpointer object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

static void
on_changed_cb (JpPlan *plan,
               guint  *count)
{
  (*count)++;
}

static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) expected_rows = g_ptr_array_new ();
  g_autoptr(GArray) expected_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gpointer entry;
  gpointer update;
  guint changed = 0;
  guint expected_changed = 0;
  gint64 plan_id;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), &changed);
  entry = jp_indicator_get_latest (indicator_at (plan, 0, 0, 0));
  update = nth (jp_item_get_updates (item_at (plan, 0, 0)), 1);
  g_assert_cmpstr (jp_item_update_get_date (update), ==, "2023-06-30");

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      const EditCase *c = &edit_cases[i];
      gpointer object = edit_target (plan, c->object, &entry, &update);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) now = G_VALUE_INIT;
      GParamSpec *pspec;

      g_test_message ("edit %u: %s", i, c->property);
      g_assert_true (G_IS_OBJECT (object));
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (G_OBJECT (object)), c->property);
      g_assert_nonnull (pspec);
      switch (c->kind)
        {
        case V_STRING:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, c->s);
          break;
        case V_INT:
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, (int) c->d);
          break;
        case V_DOUBLE:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, c->d);
          break;
        case V_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, c->d != 0);
          break;
        case V_KIND:
          g_value_init (&value, JP_TYPE_INDICATOR_KIND);
          g_value_set_enum (&value, (int) c->d);
          break;
        case V_STRV:
          {
            const char *strv[] = { c->s, NULL };

            g_value_init (&value, G_TYPE_STRV);
            g_value_set_boxed (&value, strv);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_true (jp_store_set (store, object, c->property, &value, &error));
      g_assert_no_error (error);

      /* The model holds the (normalized) value. */
      g_value_init (&now, pspec->value_type);
      g_object_get_property (object, c->property, &now);
      if (c->kind == V_DOUBLE && strcmp (c->property, "completion") == 0 && c->d > 100)
        g_assert_true (g_value_get_double (&now) == 100);
      else if (c->kind == V_STRING && c->s != NULL && c->s[0] != '\0')
        g_assert_cmpstr (g_value_get_string (&now), ==, c->s);
      else if (c->kind == V_DOUBLE)
        g_assert_true (g_value_get_double (&now) == c->d);

      if (c->noun != NULL)
        {
          g_ptr_array_add (expected_rows, (gpointer) c);
          g_array_append_vals (expected_ids, &(gint64) { id_of (object) }, 1);
          expected_changed++;
        }
      g_assert_cmpuint (changed, ==, expected_changed);
    }

  /* The year moved the default start along? No: start was set to another
   * date; end was explicit too. The model and the file agree anyway. */
  g_assert_cmpint (jp_plan_get_year (plan), ==, 2024);

  /* Setting a value to what it is is no edit. */
  g_assert_true (jp_store_set_string (store, plan, "title", "2023年工作要点（修订）", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, expected_changed);

  /* Convenience setters. */
  g_assert_true (jp_store_set_int (store, item_at (plan, 1, 0), "number", 9, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (store, indicator_at (plan, 1, 0, 1), "target", 0.75, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_boolean (store, indicator_at (plan, 1, 0, 0), "has-target-max", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_enum (store, indicator_at (plan, 1, 0, 2), "kind", JP_INDICATOR_KIND_AT_MOST, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (store, section_at (plan, 1), "title", "第二部分", &error));
  g_assert_no_error (error);

  /* A property the store does not edit. */
  g_assert_false (jp_store_set_int (store, item_at (plan, 0, 0), "id", 3, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Every edit, and its history row, is in the file. */
  history = jp_store_list_history (store, plan_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1 + expected_rows->len + 5);
  for (guint i = 0; i < expected_rows->len; i++)
    {
      const EditCase *c = g_ptr_array_index (expected_rows, i);
      JpHistoryEntry *row = g_ptr_array_index (history, history->len - 2 - i);
      g_autofree char *what = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", c->noun,
                                               g_array_index (expected_ids, gint64, i), c->property);

      g_assert_cmpstr (row->what, ==, what);
      g_assert_cmpstr (row->old_value, ==, c->old_text);
      g_assert_cmpstr (row->new_value, ==, c->new_text);
      g_assert_cmpstr (row->author, ==, "测试员");
      g_assert_cmpint (row->plan_id, ==, plan_id);
      g_assert_true (g_str_has_suffix (row->at, "Z"));
    }
  {
    g_autofree char *what = g_strdup_printf ("section %" G_GINT64_FORMAT " title",
                                             jp_section_get_id (section_at (plan, 1)));

    g_assert_cmpstr (((JpHistoryEntry *) history->pdata[0])->what, ==, what);
  }
  {
    g_autoptr(GPtrArray) two = jp_store_list_history (store, plan_id, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (two->len, ==, 2);
  }

  /* The entry's new date sorted it first. */
  g_assert_true (nth (jp_indicator_get_progress (indicator_at (plan, 0, 0, 0)), 0) == entry);
  g_assert_true (nth (jp_item_get_updates (item_at (plan, 0, 0)), 0) == update);

  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);
}

/* ------------------------------------------------------------------ */
/* Structure edits                                                     */

static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);

  /* New section with a new item, indicator, entry, update. */
  {
    g_autoptr(JpSection) section = jp_section_new ("三", "新的部分");
    g_autoptr(JpItem) item = jp_item_new (4, "新工作");
    g_autoptr(JpIndicator) ind = jp_indicator_new ("培养", JP_INDICATOR_KIND_AT_LEAST, 50);
    g_autoptr(JpProgressEntry) entry = entry_new ("2023-04-01", 10, "", "");
    g_autoptr(JpItemUpdate) update = jp_item_update_new ("2023-04-02");
    JpLeader *leaders[] = { nth (jp_plan_get_leaders (plan), 3) };

    g_assert_true (jp_store_insert_section (store, plan, 1, section, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_insert_item (store, section, 0, item, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_set_item_leaders (store, item, leaders, 1, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_insert_indicator (store, item, 0, ind, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_add_progress (store, ind, entry, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_add_update (store, item, update, &error));
    g_assert_no_error (error);
    g_assert_cmpint (jp_section_get_id (section), >, 0);
    g_assert_cmpint (jp_item_get_id (item), >, 0);
    g_assert_cmpint (jp_indicator_get_id (ind), >, 0);
    g_assert_cmpint (jp_progress_entry_get_id (entry), >, 0);
    g_assert_cmpint (jp_item_update_get_id (update), >, 0);
  }
  g_assert_cmpstr (jp_section_get_ordinal (section_at (plan, 1)), ==, "三");

  /* Moves: sections, items within and across sections, indicators. */
  g_assert_true (jp_store_move_section (store, section_at (plan, 0), 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_section_get_ordinal (section_at (plan, 2)), ==, "一");
  g_assert_true (jp_store_move_section (store, section_at (plan, 2), 0, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_move_item (store, item_at (plan, 0, 1), section_at (plan, 0), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_number (item_at (plan, 0, 0)), ==, 2);
  g_assert_true (jp_store_move_item (store, item_at (plan, 0, 0), section_at (plan, 2), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_number (item_at (plan, 2, 1)), ==, 2);
  g_assert_true (jp_store_move_indicator (store, indicator_at (plan, 2, 0, 0), 2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_indicator_get_name (indicator_at (plan, 2, 0, 2)), ==, "新建学校");

  /* Lists of people. */
  {
    JpUnit *units[] = { nth (jp_plan_get_units (plan), 4), nth (jp_plan_get_units (plan), 0) };
    g_autoptr(JpLeader) extra = jp_leader_new ("新领导");
    g_autoptr(JpUnit) extra_unit = jp_unit_new ("新单位");

    g_assert_true (jp_store_set_item_units (store, item_at (plan, 2, 0), units, 2, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_set_item_partner_units (store, item_at (plan, 2, 0), units, 1, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_add_leader (store, plan, 1, extra, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_add_unit (store, plan, 5, extra_unit, &error));
    g_assert_no_error (error);
    g_assert_cmpint (jp_leader_get_id (extra), >, 0);
    g_assert_true (nth (jp_plan_get_leaders (plan), 1) == (gpointer) extra);
  }

  /* Removals: an entry, an update, an indicator; renumbering. */
  {
    JpIndicator *ind = indicator_at (plan, 0, 0, 0);
    g_autoptr(JpProgressEntry) latest = g_object_ref (jp_indicator_get_latest (ind));

    g_assert_true (jp_store_remove_progress (store, ind, latest, &error));
    g_assert_no_error (error);
    /* The history was loaded first: the one before is the latest now. */
    g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (ind)), ==, 3);
    g_assert_cmpstr (jp_progress_entry_get_note (jp_indicator_get_latest (ind)), ==, "同日第二条");
  }
  g_assert_true (jp_store_remove_update (store, item_at (plan, 0, 0),
                                         nth (jp_item_get_updates (item_at (plan, 0, 0)), 0), &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_remove_indicator (store, indicator_at (plan, 0, 0, 1), &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_renumber_items (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_number (item_at (plan, 2, 1)), ==, 4);

  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);

  /* Positions stay contiguous. */
  g_assert_cmpint (raw_query_int (f->path,
                                  "SELECT count(*) FROM sections s WHERE position <> "
                                  "(SELECT count(*) FROM sections t WHERE t.plan = s.plan"
                                  " AND t.position < s.position)"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path,
                                  "SELECT count(*) FROM items s WHERE position <> "
                                  "(SELECT count(*) FROM items t WHERE t.section = s.section"
                                  " AND t.position < s.position)"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path,
                                  "SELECT count(*) FROM leaders s WHERE position <> "
                                  "(SELECT count(*) FROM leaders t WHERE t.plan = s.plan"
                                  " AND t.position < s.position)"), ==, 0);
}

static void
test_renumber_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int before[3];
  guint rows;

  jp_item_set_number (item_at (plan, 0, 1), 5);
  insert_plan (store, plan);
  items = jp_plan_dup_items (plan);
  for (guint i = 0; i < items->len; i++)
    before[i] = jp_item_get_number (items->pdata[i]);
  g_assert_cmpint (before[1], ==, 5);

  g_assert_true (jp_store_renumber_items (store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_number (items->pdata[1]), ==, 2);
  rows = n_history (store, jp_plan_get_id (plan));

  g_assert_true (jp_store_set_item_numbers (store, (JpItem **) items->pdata, before, items->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_number (items->pdata[1]), ==, 5);
  g_assert_cmpuint (n_history (store, jp_plan_get_id (plan)), ==, rows + 1);

  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);
}

/* ------------------------------------------------------------------ */
/* Remove and insert again (undo of a delete)                          */

static void
test_remove_reinsert (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpPlan) twin = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpItem) item = NULL;
  g_autoptr(JpSection) section = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id;
  gint64 plan_id;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);

  /* The item's histories are not loaded yet: removing loads them. */
  item = g_object_ref (item_at (plan, 0, 0));
  old_id = jp_item_get_id (item);
  g_assert_false (jp_indicator_get_history_loaded (nth (jp_item_get_indicators (item), 0)));
  g_assert_true (jp_store_remove_item (store, item, &error));
  g_assert_no_error (error);
  g_assert_null (jp_item_get_section (item));
  g_assert_true (jp_indicator_get_history_loaded (nth (jp_item_get_indicators (item), 0)));
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (nth (jp_item_get_indicators (item), 0))), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (jp_section_get_items (section_at (plan, 0))), ==, 1);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM item_updates"), ==, 0);

  /* Undo: the whole subtree comes back, with new ids. */
  g_assert_true (jp_store_insert_item (store, section_at (plan, 0), 0, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_item_get_id (item), !=, 0);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM progress"), ==, 5);
  assert_plans_equal (twin, plan, FALSE);
  (void) old_id;

  /* The same for a section. */
  section = g_object_ref (section_at (plan, 1));
  g_assert_true (jp_store_remove_section (store, section, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_sections (plan)), ==, 1);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM indicators"), ==, 2);
  g_assert_true (jp_store_insert_section (store, plan, 1, section, &error));
  g_assert_no_error (error);
  assert_plans_equal (twin, plan, FALSE);

  /* And an indicator. */
  {
    g_autoptr(JpIndicator) ind = g_object_ref (indicator_at (plan, 0, 0, 0));

    g_assert_true (jp_store_remove_indicator (store, ind, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_insert_indicator (store, item_at (plan, 0, 0), 0, ind, &error));
    g_assert_no_error (error);
  }
  assert_plans_equal (twin, plan, FALSE);

  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);
  {
    g_autoptr(JpStore) again = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);
    g_autoptr(JpPlan) loaded = load_plan (again, plan_id);

    assert_plans_equal (twin, loaded, FALSE);
  }
}

/* ------------------------------------------------------------------ */
/* Merge and unmerge                                                   */

static char *
names_of (GListModel *list)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autofree char *name = NULL;

      g_object_get (nth (list, i), "name", &name, NULL);
      g_string_append_printf (str, "%s%s", i > 0 ? " " : "", name);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
assert_names (GListModel *list,
              const char *expected)
{
  g_autofree char *names = names_of (list);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_merge_unmerge (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpMergeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  JpLeader *zhang, *gao, *cui;
  gint64 plan_id;
  guint rows;

  /* Item 1: 高学芳 张学兵; item 2: 崔茜; item 3: 张学兵 崔茜. */
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);
  zhang = nth (jp_plan_get_leaders (plan), 0);
  gao = nth (jp_plan_get_leaders (plan), 1);
  cui = nth (jp_plan_get_leaders (plan), 2);
  rows = n_history (store, plan_id);

  /* 张学兵 into 崔茜: 崔茜 takes 张学兵's place, once. */
  g_assert_true (jp_store_merge_leaders_full (store, zhang, cui, &record, &error));
  g_assert_no_error (error);
  assert_names (jp_plan_get_leaders (plan), "高学芳 崔茜 未分工领导");
  assert_names (jp_item_get_leaders (item_at (plan, 0, 0)), "高学芳 崔茜");
  assert_names (jp_item_get_leaders (item_at (plan, 0, 1)), "崔茜");
  assert_names (jp_item_get_leaders (item_at (plan, 1, 0)), "崔茜");
  g_assert_true (jp_merge_record_get_from (record) == (gpointer) zhang);
  g_assert_true (jp_merge_record_get_into (record) == (gpointer) cui);
  g_assert_cmpuint (n_history (store, plan_id), ==, rows + 1);
  assert_file_holds (f->path, plan);

  /* Undo in one transaction: 张学兵 back in first place and in the items. */
  g_assert_true (jp_store_unmerge (store, record, &error));
  g_assert_no_error (error);
  assert_names (jp_plan_get_leaders (plan), "张学兵 高学芳 崔茜 未分工领导");
  assert_names (jp_item_get_leaders (item_at (plan, 0, 0)), "高学芳 张学兵");
  assert_names (jp_item_get_leaders (item_at (plan, 1, 0)), "张学兵 崔茜");
  g_assert_true (nth (jp_plan_get_leaders (plan), 0) == (gpointer) zhang);
  g_assert_cmpint (jp_leader_get_id (zhang), >, 0);
  g_assert_cmpuint (n_history (store, plan_id), ==, rows + 2);
  assert_file_holds (f->path, plan);
  g_clear_pointer (&record, jp_merge_record_free);

  /* Units, with the partner lists: 督导室 (partner of item 1) into 各支部. */
  {
    JpUnit *supervision = nth (jp_plan_get_units (plan), 3);
    JpUnit *branches = nth (jp_plan_get_units (plan), 1);

    g_assert_true (jp_store_merge_units_full (store, supervision, branches, &record, &error));
    g_assert_no_error (error);
    assert_names (jp_item_get_partner_units (item_at (plan, 0, 0)), "各支部");
    assert_names (jp_plan_get_units (plan), "教育党工委 各支部 各中小学校、幼儿园 未用单位");
    assert_file_holds (f->path, plan);
    g_assert_true (jp_store_unmerge (store, record, &error));
    g_assert_no_error (error);
    assert_names (jp_item_get_partner_units (item_at (plan, 0, 0)), "督导室");
    assert_file_holds (f->path, plan);
    g_clear_pointer (&record, jp_merge_record_free);
  }

  /* Removing a leader takes it out of the items; undone the same way. */
  g_assert_true (jp_store_remove_leader_full (store, gao, &record, &error));
  g_assert_no_error (error);
  assert_names (jp_item_get_leaders (item_at (plan, 0, 0)), "张学兵");
  assert_names (jp_plan_get_leaders (plan), "张学兵 崔茜 未分工领导");
  assert_file_holds (f->path, plan);
  g_assert_true (jp_store_unmerge (store, record, &error));
  g_assert_no_error (error);
  assert_names (jp_item_get_leaders (item_at (plan, 0, 0)), "高学芳 张学兵");
  assert_names (jp_plan_get_leaders (plan), "张学兵 高学芳 崔茜 未分工领导");
  assert_file_holds (f->path, plan);
  g_clear_pointer (&record, jp_merge_record_free);

  /* The plain functions. */
  g_assert_true (jp_store_merge_leaders (store, gao, zhang, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_remove_unit (store, nth (jp_plan_get_units (plan), 4), &error));
  g_assert_no_error (error);
  assert_file_holds (f->path, plan);
}

/* ------------------------------------------------------------------ */
/* Failed edits change nothing                                          */

static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpLeader) duplicate = jp_leader_new ("高学芳");
  g_autoptr(GError) error = NULL;
  JpLeader *zhang;
  guint changed = 0;
  gint64 version;
  gint64 plan_id;
  guint rows;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), &changed);
  zhang = nth (jp_plan_get_leaders (plan), 0);
  rows = n_history (store, plan_id);
  version = raw_query_int (f->path, "SELECT count(*) FROM history");

  /* Renaming to a name the plan has. */
  g_assert_false (jp_store_set_string (store, zhang, "name", "高学芳", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "高学芳"));
  g_clear_error (&error);
  g_assert_cmpstr (jp_leader_get_name (zhang), ==, "张学兵");

  /* Adding a leader of a name the plan has. */
  g_assert_false (jp_store_add_leader (store, plan, 0, duplicate, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (jp_leader_get_id (duplicate), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 4);

  /* An item naming someone twice. */
  {
    JpLeader *twice[] = { zhang, zhang };

    g_assert_false (jp_store_set_item_leaders (store, item_at (plan, 0, 1), twice, 2, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    assert_names (jp_item_get_leaders (item_at (plan, 0, 1)), "崔茜");
  }

  /* Objects that are not in the store. */
  {
    g_autoptr(JpIndicator) loose = jp_indicator_new ("游离", JP_INDICATOR_KIND_AT_LEAST, 1);
    g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-01-01", 1);

    g_assert_false (jp_store_add_progress (store, loose, entry, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (jp_store_set_double (store, loose, "target", 2, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A plan of another store. */
  {
    g_autoptr(JpStore) other = open_store (":memory:", JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) other_plan = build_plan ();

    insert_plan (other, other_plan);
    g_assert_false (jp_store_set_string (other, plan, "title", "别处", &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (jp_store_set_string (store, other_plan, "title", "别处", &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpstr (jp_plan_get_title (plan), ==, "2023年工作要点");
  }

  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (n_history (store, plan_id), ==, rows);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM history"), ==, version);

  /* The store keeps working. */
  g_assert_true (jp_store_set_string (store, zhang, "name", "张学兵2", &error));
  g_assert_no_error (error);
  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);
}

static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpPlan) twin = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpProgressEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  g_autofree char *limit = NULL;
  JpIndicator *ind;
  gint64 plan_id;
  gint64 pages;
  guint n;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan = load_plan (store, plan_id);
  ind = indicator_at (plan, 0, 0, 1);
  n = g_list_model_get_n_items (jp_indicator_get_progress (ind));

  /* The database cannot grow any more. */
  pages = raw_query_int (f->path, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 1);
  g_assert_true (_jp_store_exec_for_test (store, limit, &error));
  g_assert_no_error (error);

  big = g_strnfill (256 * 1024, 'x');
  entry = entry_new ("2023-12-01", 99, big, "");
  g_assert_false (jp_store_add_progress (store, ind, entry, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (jp_progress_entry_get_id (entry), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (ind)), ==, n);

  g_assert_false (jp_store_set_string (store, item_at (plan, 0, 0), "body", big, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpstr (jp_item_get_body (item_at (plan, 0, 0)), ==, "持续推进“不忘初心”……");

  g_assert_true (_jp_store_ensure_histories (plan, NULL));
  g_clear_object (&store);
  assert_file_holds (f->path, plan);
  {
    g_autoptr(JpStore) again = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) loaded = load_plan (again, plan_id);

    assert_plans_equal (twin, loaded, FALSE);
    g_assert_cmpuint (n_history (again, plan_id), ==, 1);
    /* Room again: the same edit works. */
    g_assert_true (jp_store_add_progress (again, indicator_at (loaded, 0, 0, 1), entry, &error));
    g_assert_no_error (error);
  }
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start, elapsed;
  guint rows;

  insert_plan (store, plan);
  rows = n_history (store, jp_plan_get_id (plan));
  _jp_store_set_busy_timeout (store, 300);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_false (jp_store_set_string (store, plan, "title", "被锁住", &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);
  g_assert_cmpint (elapsed, >=, 250 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpstr (jp_plan_get_title (plan), ==, "2023年工作要点");

  /* Reading still works (WAL), and writing again once it is free. */
  g_assert_cmpuint (n_history (store, jp_plan_get_id (plan)), ==, rows);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (jp_store_set_string (store, plan, "title", "不再锁住", &error));
  g_assert_no_error (error);
}

static void
test_busy_default (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  /* A store opened while the default timeout is short (the hook). */
  _jp_store_set_default_busy_timeout (100);
  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  _jp_store_set_default_busy_timeout (JP_STORE_DEFAULT_BUSY_TIMEOUT);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(JpPlan) plan = build_plan ();

    g_assert_false (jp_store_insert_plans (store, &plan, 1, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_BUSY);
    g_assert_cmpint (jp_plan_get_id (plan), ==, 0);
  }
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* ------------------------------------------------------------------ */
/* Files that must not be touched                                      */

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpPlan) plan = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) loaded = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gint64 plan_id;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, plan);
  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA user_version = 99");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = file_checksum (f->path);

  store = jp_store_open (f->path, JP_STORE_FLAGS_NONE, &error);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_null (store);
  g_clear_error (&error);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Review mode: readable, never written. */
  store = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);
  g_assert_true (jp_store_get_read_only (store));
  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  loaded = load_plan (store, plan_id);
  g_assert_false (jp_store_set_string (store, loaded, "title", "改", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (jp_plan_get_title (loaded), ==, "2023年工作要点");
  g_clear_object (&store);

  g_free (after);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, 99);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
} BadFile;

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  static const char sqlite_junk[] = "SQLite format 3\0\x10\x00\x01\x01\x00\x40\x20\x20"
                                    "garbage garbage garbage garbage garbage garbage garbage "
                                    "garbage garbage garbage garbage garbage garbage garbage!!";
  static const BadFile files[] = {
    { "text", "2023年工作要点\n一、坚持党建引领\n", -1 },
    { "short", "SQLite", -1 },
    { "json", "{ \"format\": \"jinfeng-plan\", \"version\": 1 }", -1 },
    { "header-then-junk", sqlite_junk, sizeof sqlite_junk },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JpStore) store = NULL;

      g_test_message ("%s", files[i].name);
      g_assert_true (g_file_set_contents (path, files[i].contents, files[i].length, NULL));
      before = file_checksum (path);

      store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
      g_assert_null (store);
      g_assert_true (g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE) ||
                     g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_CORRUPT));
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_clear_error (&error);

      after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }

  /* An SQLite database of another program. */
  {
    g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JpStore) store = NULL;

    raw_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
    before = file_checksum (path);
    store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_A_DATABASE);
    g_assert_null (store);
    after = file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  /* A folder. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JpStore) store = jp_store_open (f->dir, JP_STORE_FLAGS_NONE, &error);

    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN);
    g_assert_null (store);
  }
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JpPlan) original = build_plan ();
  g_autoptr(JpPlan) extra = build_plan ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpMergeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  gint64 plan_id;
  guint changed = 0;

  store = open_store (f->path, JP_STORE_FLAGS_NONE);
  plan_id = insert_plan (store, original);
  g_clear_object (&store);
  before = file_checksum (f->path);

  store = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);
  plan = load_plan (store, plan_id);
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed_cb), &changed);

  g_assert_false (jp_store_set_double (store, indicator_at (plan, 0, 0, 0), "target", 1, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-12-31", 1);

    g_assert_false (jp_store_add_progress (store, indicator_at (plan, 0, 0, 0), entry, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_false (jp_store_remove_item (store, item_at (plan, 0, 0), &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (jp_store_move_section (store, section_at (plan, 0), 1, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (jp_store_merge_leaders_full (store, nth (jp_plan_get_leaders (plan), 0),
                                               nth (jp_plan_get_leaders (plan), 1), &record, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (record);
  g_assert_false (jp_store_insert_plans (store, &extra, 1, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (jp_store_delete_plan (store, plan_id, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    JpItem *items[] = { item_at (plan, 0, 0) };
    int numbers[] = { 42 };

    g_assert_false (jp_store_set_item_numbers (store, items, numbers, 1, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jp_section_get_items (section_at (plan, 0))), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (jp_plan_get_leaders (plan)), ==, 4);
  assert_plans_equal (original, plan, TRUE);
  g_clear_object (&store);
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A missing file is not created in read-only mode. */
  store = jp_store_open (missing, JP_STORE_FLAGS_READ_ONLY, &error);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* Migrations                                                          */

static void
test_migrate_empty_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  /* An empty file is an empty database of version 0. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    plans = jp_store_list_plans (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 0);
    g_assert_cmpint (jp_store_get_latest_plan_id (store, &error), ==, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);
  {
    g_autofree char *mode = raw_query_text (f->path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
}

static void
test_migrate_version_0 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A version-0 database: SQLite's, with no table yet. */
  raw_exec (f->path, "CREATE TABLE t (x); DROP TABLE t");
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, 0);
  before = file_checksum (f->path);

  /* Review mode migrates a copy in memory, never the file. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_READ_ONLY);
    g_autoptr(GPtrArray) plans = jp_store_list_plans (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plans->len, ==, 0);
  }
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Opened for writing, it is migrated step by step up to the current
   * version, and then takes plans. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) plan = build_plan ();

    insert_plan (store, plan);
  }
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM plans"), ==, 1);

  /* Migrating again is nothing. */
  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    g_assert_cmpint (jp_store_get_latest_plan_id (store, NULL), >, 0);
  }
}

/* A file of version 1 (before curves and reporting cycles) keeps its
 * plan when migrated to version 2, which inherits everything (NULL); the
 * new fields are then stored, edited and undone like the others. */
static void
test_migrate_version_1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) built = build_plan ();
  gint64 id;

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);

    id = insert_plan (store, built);
  }
  /* What version 1 had: the same tables without the new columns. */
  raw_exec (f->path,
            "ALTER TABLE plans DROP COLUMN curve;"
            "ALTER TABLE plans DROP COLUMN report_cycle;"
            "ALTER TABLE items DROP COLUMN curve;"
            "ALTER TABLE indicators DROP COLUMN curve;"
            "PRAGMA user_version = 1;");

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) plan = load_plan (store, id);
    JpIndicator *indicator = indicator_at (plan, 0, 0, 0);

    assert_plans_equal (built, plan, TRUE);
    g_assert_null (jp_plan_get_curve (plan));
    g_assert_null (jp_plan_get_report_cycle (plan));
    g_assert_null (jp_item_get_curve (item_at (plan, 0, 0)));
    g_assert_null (jp_indicator_get_curve (indicator));

    g_assert_true (jp_store_set_string (store, plan, "curve", "quarterly", &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_set_string (store, plan, "report-cycle", "monthly:25", &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_set_string (store, item_at (plan, 0, 0), "curve", "terms:07-10", &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_set_string (store, indicator, "curve",
                                        "custom:2023-03-31=10,2023-06-30=40", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA user_version"), ==, JP_STORE_SCHEMA_VERSION);

  {
    g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
    g_autoptr(JpPlan) plan = load_plan (store, id);
    g_autoptr(JpPlan) copy = NULL;

    g_assert_cmpstr (jp_plan_get_curve (plan), ==, "quarterly");
    g_assert_cmpstr (jp_plan_get_report_cycle (plan), ==, "monthly:25");
    g_assert_cmpstr (jp_item_get_curve (item_at (plan, 0, 0)), ==, "terms:07-10");
    g_assert_cmpstr (jp_indicator_get_curve (indicator_at (plan, 0, 0, 0)), ==,
                     "custom:2023-03-31=10,2023-06-30=40");

    /* Inserted elsewhere (an import), they come along. */
    g_assert_true (jp_store_insert_plans (store, &plan, 1, &error));
    g_assert_no_error (error);
    copy = load_plan (store, jp_plan_get_id (plan));
    g_assert_cmpstr (jp_plan_get_report_cycle (copy), ==, "monthly:25");
    g_assert_cmpstr (jp_indicator_get_curve (indicator_at (copy, 0, 0, 0)), ==,
                     "custom:2023-03-31=10,2023-06-30=40");

    /* Back to inheriting. */
    g_assert_true (jp_store_set_string (store, plan, "curve", NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM plans WHERE curve IS NULL"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Two connections                                                     */

static void
test_data_version (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpStore) a = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpStore) b = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpPlan) plan = build_plan ();
  gint64 version_a, version_b;

  version_a = jp_store_get_data_version (a);
  version_b = jp_store_get_data_version (b);
  insert_plan (a, plan);
  /* Own commits do not count; the other's do. */
  g_assert_cmpint (jp_store_get_data_version (a), ==, version_a);
  g_assert_cmpint (jp_store_get_data_version (b), !=, version_b);
  g_assert_cmpint (jp_store_get_latest_plan_id (b, NULL), ==, jp_plan_get_id (plan));
}

static void
test_delete_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpStore) store = open_store (f->path, JP_STORE_FLAGS_NONE);
  g_autoptr(JpPlan) first = build_plan ();
  g_autoptr(JpPlan) second = build_plan ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) none = NULL;
  JpPlan *both[] = { first, second };

  g_assert_true (jp_store_insert_plans (store, both, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_latest_plan_id (store, NULL), ==, jp_plan_get_id (second));

  g_assert_true (jp_store_delete_plan (store, jp_plan_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (jp_store_get_latest_plan_id (store, NULL), ==, jp_plan_get_id (first));
  g_assert_false (jp_store_delete_plan (store, jp_plan_get_id (second), &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  none = jp_store_load_plan (store, jp_plan_get_id (second), &error);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);

  /* Every row of the deleted plan went with it. */
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM progress"), ==, 5);
  g_assert_cmpint (raw_query_int (f->path, "SELECT count(*) FROM leaders"), ==, 4);
  g_assert_cmpint (raw_query_int (f->path, "PRAGMA foreign_key_check"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/store/round-trip", test_round_trip);
  g_test_add_func ("/jp/store/memory", test_memory);
  ADD ("/jp/store/folder-created", test_folder_created);
  ADD ("/jp/store/insert-rollback", test_insert_rollback);
  ADD ("/jp/store/lazy-history", test_lazy_history);
  ADD ("/jp/store/edits", test_edits);
  ADD ("/jp/store/structure", test_structure);
  ADD ("/jp/store/renumber-undo", test_renumber_undo);
  ADD ("/jp/store/remove-reinsert", test_remove_reinsert);
  ADD ("/jp/store/merge-unmerge", test_merge_unmerge);
  ADD ("/jp/store/constraint", test_constraint);
  ADD ("/jp/store/full", test_full);
  ADD ("/jp/store/busy", test_busy);
  ADD ("/jp/store/busy-default", test_busy_default);
  ADD ("/jp/store/newer-schema", test_newer_schema);
  ADD ("/jp/store/not-a-database", test_not_a_database);
  ADD ("/jp/store/read-only", test_read_only);
  ADD ("/jp/store/migrate-empty-file", test_migrate_empty_file);
  ADD ("/jp/store/migrate-version-0", test_migrate_version_0);
  ADD ("/jp/store/migrate-version-1", test_migrate_version_1);
  ADD ("/jp/store/data-version", test_data_version);
  ADD ("/jp/store/delete-plan", test_delete_plan);

#undef ADD

  return g_test_run ();
}
