/* The reference plan through the real executable: `--import` of
 * tests/data/jinfeng-2023.txt, then `--export-json=-`, compared field by
 * field with tests/data/jinfeng-2023-expected.json (what a correct import
 * of the reference plan yields: each target is one of the item's indicators,
 * kind, target, target_max and unit exactly, the text a piece of the
 * item's text holding the number). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *
data_path (const char *name)
{
  return g_build_filename (JP_TEST_DATADIR, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs the executable; returns its exit status. */
static int
run_cli (const char  *dir,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  const char *arg;
  int status = -1;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display: the command line needs none. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static JsonArray *
get_array (JsonObject *obj,
           const char *member)
{
  g_assert_true (json_object_has_member (obj, member));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, member)));
  return json_object_get_array_member (obj, member);
}

static void
assert_strings (JsonArray *actual,
                JsonArray *expected)
{
  g_assert_cmpuint (json_array_get_length (actual), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    g_assert_cmpstr (json_array_get_string_element (actual, i), ==,
                     json_array_get_string_element (expected, i));
}

static void
test_reference_through_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-import-reference-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *db_arg = NULL;
  g_autofree char *doc = data_path ("jinfeng-2023.txt");
  g_autofree char *import_arg = g_strconcat ("--import=", doc, NULL);
  g_autofree char *expected_path = data_path ("jinfeng-2023-expected.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) expected_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *expected;
  JsonObject *plan;
  JsonArray *plans;
  JsonArray *exp_sections;
  JsonArray *sections;
  guint n_targets = 0;

  g_assert_no_error (error);
  db = g_build_filename (dir, "plans.db", NULL);
  db_arg = g_strconcat ("--db=", db, NULL);

  g_assert_cmpint (run_cli (dir, &out, &err, db_arg, import_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "imported plan 1: 6 sections, 17 items, 36 indicators, 4 leaders, 16 units\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (dir, &out, &err, db_arg, "--export-json=-", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (expected_parser, expected_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (expected_parser));

  plans = get_array (json_node_get_object (json_parser_get_root (parser)), "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 1);
  plan = json_array_get_object_element (plans, 0);

  g_assert_cmpstr (json_object_get_string_member (plan, "title"), ==,
                   json_object_get_string_member (expected, "title"));
  g_assert_cmpint (json_object_get_int_member (plan, "year"), ==,
                   json_object_get_int_member (expected, "year"));
  assert_strings (get_array (plan, "organizations"), get_array (expected, "organizations"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (plan, "preamble"),
                                   json_object_get_string_member (expected, "preamble_starts")));
  g_assert_cmpuint (json_array_get_length (get_array (plan, "leaders")), ==,
                    json_object_get_int_member (expected, "leader_count"));
  g_assert_cmpuint (json_array_get_length (get_array (plan, "units")), ==,
                    json_object_get_int_member (expected, "unit_count"));

  exp_sections = get_array (expected, "sections");
  sections = get_array (plan, "sections");
  g_assert_cmpuint (json_array_get_length (sections), ==, json_array_get_length (exp_sections));

  for (guint s = 0; s < json_array_get_length (exp_sections); s++)
    {
      JsonObject *exp_section = json_array_get_object_element (exp_sections, s);
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *exp_items = get_array (exp_section, "items");
      JsonArray *items = get_array (section, "items");

      g_assert_cmpstr (json_object_get_string_member (section, "ordinal"), ==,
                       json_object_get_string_member (exp_section, "ordinal"));
      g_assert_cmpstr (json_object_get_string_member (section, "title"), ==,
                       json_object_get_string_member (exp_section, "title"));
      g_assert_cmpuint (json_array_get_length (items), ==, json_array_get_length (exp_items));

      for (guint i = 0; i < json_array_get_length (exp_items); i++)
        {
          JsonObject *exp_item = json_array_get_object_element (exp_items, i);
          JsonObject *item = json_array_get_object_element (items, i);
          JsonArray *exp_targets = get_array (exp_item, "targets");
          JsonArray *indicators = get_array (item, "indicators");
          const char *title = json_object_get_string_member (item, "title");
          const char *body = json_object_get_string_member (item, "body");

          g_assert_cmpint (json_object_get_int_member (item, "number"), ==,
                           json_object_get_int_member (exp_item, "number"));
          g_assert_cmpstr (title, ==, json_object_get_string_member (exp_item, "title"));
          assert_strings (get_array (item, "leaders"), get_array (exp_item, "leaders"));
          assert_strings (get_array (item, "units"), get_array (exp_item, "units"));

          if (json_object_has_member (exp_item, "body_contains"))
            {
              JsonArray *pieces = get_array (exp_item, "body_contains");

              for (guint p = 0; p < json_array_get_length (pieces); p++)
                g_assert_nonnull (strstr (body, json_array_get_string_element (pieces, p)));
            }

          g_assert_cmpuint (json_array_get_length (indicators), ==, json_array_get_length (exp_targets));
          for (guint t = 0; t < json_array_get_length (exp_targets); t++)
            {
              JsonObject *exp_target = json_array_get_object_element (exp_targets, t);
              JsonObject *ind = json_array_get_object_element (indicators, t);
              JsonNode *exp_max = json_object_get_member (exp_target, "target_max");
              JsonNode *max = json_object_get_member (ind, "target_max");
              const char *text = json_object_get_string_member (ind, "text");
              g_autofree char *number = g_strdup_printf ("%g", json_object_get_double_member (ind, "target"));

              g_assert_cmpstr (json_object_get_string_member (ind, "kind"), ==,
                               json_object_get_string_member (exp_target, "kind"));
              g_assert_cmpfloat (json_object_get_double_member (ind, "target"), ==,
                                 json_object_get_double_member (exp_target, "target"));
              g_assert_cmpint (JSON_NODE_HOLDS_NULL (max), ==, JSON_NODE_HOLDS_NULL (exp_max));
              if (!JSON_NODE_HOLDS_NULL (exp_max))
                g_assert_cmpfloat (json_node_get_double (max), ==, json_node_get_double (exp_max));
              g_assert_cmpstr (json_object_get_string_member (ind, "unit"), ==,
                               json_object_get_string_member (exp_target, "unit"));
              /* A piece of the item's text that holds the number. */
              g_assert_true (strstr (body, text) != NULL || strstr (title, text) != NULL);
              g_assert_nonnull (strstr (text, number));
              g_assert_cmpint (json_object_get_int_member (ind, "weight"), ==, 1);
              n_targets++;
            }
        }
    }

  g_assert_cmpuint (n_targets, ==, json_object_get_int_member (expected, "target_count"));

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jp/import-reference/through-cli", test_reference_through_cli);

  return g_test_run ();
}
