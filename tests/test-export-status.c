/* test-export-status.c: --export-status through the real executable
 *
 * The 2023 plan with nothing recorded must tell the truth at every date
 * (overdue at the end, no report mid-year, not started in the first
 * days), and the figures the command writes must be the model's for the
 * same date and selection. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "jp-model.h"
#include "jp-reliability-util.h"
#include "jp-store.h"

typedef struct
{
  char *dir;
  char *db;
  char *db_arg;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc = g_build_filename (JP_TEST_DATADIR, "jinfeng-2023.txt", NULL);
  g_autofree char *import = g_strconcat ("--import=", doc, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = rel_make_tmpdir ();
  f->db = g_build_filename (f->dir, "plans.db", NULL);
  f->db_arg = g_strconcat ("--db=", f->db, NULL);
  g_assert_cmpint (rel_run (&out, &err, f->db_arg, import, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->db_arg);
}

/* Runs --export-status=- and parses its JSON. */
static JsonObject *
export_status (Fixture    *f,
               const char *as_of,
               const char *report)
{
  g_autofree char *as_of_arg = g_strconcat ("--as-of=", as_of, NULL);
  g_autofree char *report_arg = report != NULL ? g_strconcat ("--report=", report, NULL) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *root;

  int status = rel_run (&out, &err, f->db_arg, "--export-status=-", as_of_arg, report_arg, NULL);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static guint
count_status (JsonArray  *array,
              const char *status)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "status"), status))
      n++;

  return n;
}

/* Nothing recorded: overdue at the end, no report mid-year, not started in
 * the first days — never a calm grey all year. */
static void
test_silence (Fixture       *f,
              gconstpointer  data)
{
  static const struct { const char *as_of; const char *status; guint attention; } cases[] = {
    { "2023-12-31", "overdue", 17 },
    { "2023-06-30", "no_report", 17 },
    { "2023-01-05", "not_started", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) root = export_status (f, cases[i].as_of, NULL);
      JsonArray *items = json_object_get_array_member (root, "items");
      JsonArray *indicators = json_object_get_array_member (root, "indicators");
      JsonObject *headline = json_object_get_object_member (root, "headline");
      JsonObject *counts = json_object_get_object_member (headline, "counts");

      g_test_message ("%s", cases[i].as_of);
      g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, cases[i].as_of);
      g_assert_cmpuint (json_array_get_length (items), ==, 17);
      g_assert_cmpuint (json_array_get_length (indicators), ==, 36);
      g_assert_cmpuint (count_status (items, cases[i].status), ==, 17);
      g_assert_cmpuint (count_status (indicators, cases[i].status), ==, 36);
      g_assert_cmpint (json_object_get_int_member (counts, cases[i].status), ==, 17);
      g_assert_cmpint (json_object_get_int_member (headline, "needs_attention"), ==,
                       cases[i].attention);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "attention")),
                        ==, cases[i].attention);
      g_assert_cmpstr (json_object_get_string_member (headline, "status"), ==, cases[i].status);
    }
}

/* The command's numbers are the model's: the headline, every item and
 * indicator, for the whole plan and for a leader, with progress recorded. */
static void
test_same_numbers (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const specs[] = { NULL, "leader:崔茜", "unit:基建室" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint n_recorded = 0;

  /* Progress on every third indicator, at two dates. */
  store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  plan = jp_store_load_plan (store, jp_store_get_latest_plan_id (store, NULL), &error);
  g_assert_no_error (error);
  all = jp_plan_dup_items (plan);
  for (guint i = 0; i < all->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (all, i));

      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++, n_recorded++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, j);
          g_autoptr(JpProgressEntry) entry = NULL;

          if (n_recorded % 3 != 0)
            continue;
          entry = jp_progress_entry_new (n_recorded % 2 ? "2023-03-31" : "2023-06-15",
                                         jp_indicator_get_target (indicator) * (n_recorded % 5) / 4);
          g_assert_true (jp_store_add_progress (store, indicator, entry, &error));
          g_assert_no_error (error);
        }
    }
  g_clear_object (&store);

  for (guint s = 0; s < G_N_ELEMENTS (specs); s++)
    {
      g_autoptr(JsonObject) root = export_status (f, "2023-06-30", specs[s]);
      JsonObject *headline = json_object_get_object_member (root, "headline");
      JsonArray *items = json_object_get_array_member (root, "items");
      JsonArray *indicators = json_object_get_array_member (root, "indicators");
      g_autoptr(GPtrArray) selected = g_ptr_array_new ();
      g_autofree char *progress = NULL;
      g_autofree char *expected = NULL;
      guint k = 0;
      JpProgress p;

      g_test_message ("%s", specs[s] != NULL ? specs[s] : "summary");
      for (guint i = 0; i < all->len; i++)
        {
          JpItem *item = g_ptr_array_index (all, i);
          g_autofree char *names = NULL;

          if (specs[s] == NULL)
            g_ptr_array_add (selected, item);
          else if (g_str_has_prefix (specs[s], "leader:"))
            {
              names = jp_item_dup_leader_names (item, " ");
              if (strstr (names, specs[s] + strlen ("leader:")) != NULL)
                g_ptr_array_add (selected, item);
            }
          else
            {
              GListModel *units = jp_item_get_units (item);
              GListModel *partners = jp_item_get_partner_units (item);
              gboolean found = FALSE;

              for (guint u = 0; u < g_list_model_get_n_items (units); u++)
                {
                  g_autoptr(JpUnit) unit = g_list_model_get_item (units, u);
                  found |= g_str_equal (jp_unit_get_name (unit), specs[s] + strlen ("unit:"));
                }
              for (guint u = 0; u < g_list_model_get_n_items (partners); u++)
                {
                  g_autoptr(JpUnit) unit = g_list_model_get_item (partners, u);
                  found |= g_str_equal (jp_unit_get_name (unit), specs[s] + strlen ("unit:"));
                }
              if (found)
                g_ptr_array_add (selected, item);
            }
        }
      g_assert_cmpuint (selected->len, >, 0);
      g_assert_cmpint (json_object_get_int_member (headline, "items"), ==, selected->len);
      g_assert_cmpuint (json_array_get_length (items), ==, selected->len);

      jp_items_evaluate (plan, selected, "2023-06-30", &p);
      progress = jp_format_number (jp_round_percent (p.p), FALSE);
      expected = jp_format_number (jp_round_percent (p.expected), FALSE);
      g_assert_cmpfloat (json_object_get_double_member (headline, "progress"), ==, g_ascii_strtod (progress, NULL));
      g_assert_cmpfloat (json_object_get_double_member (headline, "expected"), ==, g_ascii_strtod (expected, NULL));
      g_assert_cmpstr (json_object_get_string_member (headline, "status"), ==, jp_status_to_nick (p.status));

      for (guint i = 0; i < selected->len; i++)
        {
          JpItem *item = g_ptr_array_index (selected, i);
          JsonObject *row = json_array_get_object_element (items, i);
          GListModel *list = jp_item_get_indicators (item);
          g_autofree char *item_progress = NULL;

          jp_item_evaluate (item, "2023-06-30", &p);
          item_progress = jp_format_number (jp_round_percent (p.p), FALSE);
          g_assert_cmpint (json_object_get_int_member (row, "number"), ==, jp_item_get_number (item));
          g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, jp_status_to_nick (p.status));
          g_assert_cmpfloat (json_object_get_double_member (row, "progress"), ==,
                             g_ascii_strtod (item_progress, NULL));

          for (guint j = 0; j < g_list_model_get_n_items (list); j++, k++)
            {
              g_autoptr(JpIndicator) indicator = g_list_model_get_item (list, j);
              JsonObject *ind = json_array_get_object_element (indicators, k);
              g_autofree char *ind_progress = NULL;

              jp_indicator_evaluate (indicator, "2023-06-30", &p);
              ind_progress = jp_format_number (jp_round_percent (p.ratio), FALSE);
              g_assert_cmpint (json_object_get_int_member (ind, "id"), ==, jp_indicator_get_id (indicator));
              g_assert_cmpstr (json_object_get_string_member (ind, "status"), ==,
                               jp_status_to_nick (p.status));
              g_assert_cmpfloat (json_object_get_double_member (ind, "progress"), ==,
                                 g_ascii_strtod (ind_progress, NULL));
              if (p.has_value)
                g_assert_cmpfloat (json_object_get_double_member (ind, "value"), ==, p.value);
              else
                g_assert_true (json_object_get_null_member (ind, "value"));
            }
        }
      g_assert_cmpuint (k, ==, json_array_get_length (indicators));
    }
}

/* CSV: the same figures as a table; an as-of outside the plan is refused
 * and writes nothing. */
static void
test_csv_and_refusals (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "status.csv", NULL);
  g_autofree char *csv_arg = g_strconcat ("--export-status=", csv, NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (rel_run (&out, &err, f->db_arg, csv_arg, "--as-of=2023-12-31", NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFlevel,id,section,item,name,"));
  lines = g_strsplit (text, "\r\n", -1);
  /* Heading, headline, 6 sections, 17 items, 36 indicators, final "". */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 1 + 6 + 17 + 36 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "headline,"));
  g_assert_true (g_str_has_suffix (lines[1], ",100,0,100,overdue,"));
  g_assert_true (g_str_has_prefix (lines[8], "item,,一,"));
  g_assert_true (g_str_has_prefix (lines[25], "indicator,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_remove (csv);

  g_assert_cmpint (rel_run (&out, &err, f->db_arg, csv_arg, "--as-of=2024-01-01", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "jinfeng-plan: --as-of: 2024-01-01 is outside the plan’s period "
                            "(2023-01-01 to 2023-12-31)\n");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (rel_run (&out, &err, f->db_arg, csv_arg, "--as-of=2022-12-31", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "outside the plan’s period"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (rel_run (&out, &err, f->db_arg, csv_arg, "--report=leader:无名", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "无名"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jp/export-status/silence", test_silence);
  ADD ("/jp/export-status/same-numbers", test_same_numbers);
  ADD ("/jp/export-status/csv-and-refusals", test_csv_and_refusals);
#undef ADD

  return g_test_run ();
}
