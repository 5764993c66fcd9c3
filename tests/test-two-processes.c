/* test-two-processes.c: one database, several programs at once.
 *
 * - The command line writes (progress rows, an import) while a store of
 *   this process (a window) has the plan loaded: the window's
 *   jp_store_get_data_version() changes, it reloads and sees exactly what
 *   was committed; polling and reloading while the command line writes
 *   always finds a consistent plan.
 * - Writers at once: two command lines importing progress rows into the
 *   same plan and a third importing a plan, while two stores of this
 *   process (two windows, each in its own thread) add entries and edit:
 *   every write lands exactly once, nothing is lost or doubled, and the
 *   file is sound.
 * - Two windows editing different fields of a plan each loaded before the
 *   other's edit: neither edit undoes the other (the store writes only
 *   what changed); a window that sees the data version change reloads and
 *   edits what is there now.
 * - A window that marks its load refuses to edit a plan another program
 *   changed since (JP_STORE_ERROR_CHANGED): nothing is lost. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "jp-model.h"
#include "jp-store.h"
#include "jp-store-backup.h"

#include "jp-reliability-util.h"

#define BASE_TITLE "基础计划"
#define N_ITEMS 10
#define N_INDICATORS 2
/* Rows imported while a window polls. */
#define POLLED_ROWS 300u

typedef struct
{
  char *dir;
  char *db;
  char *arg_db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *base = rel_dup_json_plan (BASE_TITLE, 2, N_ITEMS / 2, N_INDICATORS, 0);
  g_autofree char *base_path = NULL;
  g_autofree char *arg_import = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = rel_make_tmpdir ();
  f->db = g_build_filename (f->dir, "plans.db", NULL);
  f->arg_db = g_strconcat ("--db=", f->db, NULL);
  base_path = g_build_filename (f->dir, "base.json", NULL);
  rel_write_file (base_path, base, -1);
  arg_import = g_strconcat ("--import=", base_path, NULL);
  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_import, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->arg_db);
}

/* A progress table of @n rows with values @first, @first + 1, …, dated
 * from @first_day (days after 2023-01-01; tables written at once take
 * days of their own: one value per indicator and date); returns its
 * path. */
static char *
write_table (Fixture    *f,
             const char *name,
             guint       n,
             guint       first,
             guint       first_day)
{
  g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值\n");
  char *path = g_build_filename (f->dir, name, NULL);

  /* Dates go up with the rows: the latest entry is the last recorded. */
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2023);
      char text[16];

      g_date_add_days (date, (first_day + j) % 365);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_string_append_printf (csv, "%u,指标%u-%u,%s,%u\n",
                              1 + j % N_ITEMS, 1 + j % N_ITEMS, 1 + (j / N_ITEMS) % N_INDICATORS,
                              text, first + j);
    }
  rel_write_file (path, csv->str, (gssize) csv->len);

  return path;
}

static JpStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  JpStore *store = jp_store_open (path, JP_STORE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return store;
}

static JpPlan *
load_plan (JpStore *store,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  JpPlan *plan = jp_store_load_plan (store, id, &error);

  g_assert_no_error (error);
  return plan;
}

static JpItem *
item_at (JpPlan *plan,
         guint   index)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);

  return g_ptr_array_index (items, index);  /* the plan holds it */
}

static JpIndicator *
indicator_at (JpPlan *plan,
              guint   item,
              guint   index)
{
  JpIndicator *indicator = g_list_model_get_item (jp_item_get_indicators (item_at (plan, item)), index);

  g_object_unref (indicator);  /* the item holds it */
  return indicator;
}

/* Every progress value of the plan, each once (asserted), as a set of
 * values; returns the number of entries. */
static guint
collect_values (JpPlan     *plan,
                GHashTable *values)
{
  guint n = 0;

  for (guint i = 0; i < N_ITEMS; i++)
    for (guint k = 0; k < N_INDICATORS; k++)
      {
        JpIndicator *indicator = indicator_at (plan, i, k);
        g_autoptr(GError) error = NULL;
        GListModel *progress;

        g_assert_true (jp_indicator_ensure_history (indicator, &error));
        g_assert_no_error (error);
        progress = jp_indicator_get_progress (indicator);
        for (guint e = 0; e < g_list_model_get_n_items (progress); e++)
          {
            g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, e);
            gint64 value = (gint64) jp_progress_entry_get_value (entry);

            if (values != NULL && !g_hash_table_add (values, g_memdup2 (&value, sizeof value)))
              g_error ("the value %" G_GINT64_FORMAT " is there twice", value);
            n++;
          }
      }

  return n;
}

static void
assert_sound (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_open (db, JP_STORE_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* The command line writes while a window has the plan                 */

static void
test_reader_reloads (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JpStore) window = open_store (f->db);
  g_autoptr(JpPlan) plan = load_plan (window, 1);
  g_autofree char *table = write_table (f, "rows.csv", 20, 1000, 0);
  g_autofree char *arg_table = g_strconcat ("--import-progress=", table, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 version;

  version = jp_store_get_data_version (window);
  g_assert_null (jp_indicator_get_latest (indicator_at (plan, 0, 0)));

  /* Nothing changed: the same version. */
  g_assert_cmpint (jp_store_get_data_version (window), ==, version);

  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_table, "--plan=1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "imported 20 progress values"));

  /* The window sees that another program wrote, and reloads. */
  g_assert_cmpint (jp_store_get_data_version (window), !=, version);
  version = jp_store_get_data_version (window);
  {
    g_autoptr(JpPlan) reloaded = load_plan (window, 1);
    g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    JpProgressEntry *latest;

    g_assert_cmpuint (collect_values (reloaded, values), ==, 20);
    latest = jp_indicator_get_latest (indicator_at (reloaded, 0, 0));
    g_assert_nonnull (latest);
    g_assert_cmpfloat (jp_progress_entry_get_value (latest), ==, 1000);
    g_set_object (&plan, reloaded);
  }

  /* Its own edits do not count as another's. */
  g_assert_true (jp_store_set_string (window, plan, "title", "窗口改的标题", NULL));
  g_assert_cmpint (jp_store_get_data_version (window), ==, version);

  /* An import by the command line: a new plan to list. */
  {
    g_autofree char *json = rel_dup_json_plan ("命令行导入", 1, 3, 1, 2);
    g_autofree char *path = g_build_filename (f->dir, "more.json", NULL);
    g_autofree char *arg_import = g_strconcat ("--import=", path, NULL);
    g_autoptr(GPtrArray) plans = NULL;

    rel_write_file (path, json, -1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_import, NULL), ==, 0);
    g_assert_cmpint (jp_store_get_data_version (window), !=, version);
    plans = jp_store_list_plans (window, NULL);
    g_assert_cmpuint (plans->len, ==, 2);
    g_assert_cmpstr (((JpPlanInfo *) g_ptr_array_index (plans, 0))->title, ==, "窗口改的标题");
  }
}

/* Row @j of a table: its indicator (0 … N_ITEMS × N_INDICATORS − 1). */
static guint
row_indicator (guint j)
{
  return (j % N_ITEMS) * N_INDICATORS + (j / N_ITEMS) % N_INDICATORS;
}

/* One reload of the plan while (or after) the command line imports a
 * table: a snapshot. The import is one transaction: the reload sees none
 * of its rows or all of them (the latest entries of all the indicators
 * are those of the first K rows, K = -1 or the last row), never fewer
 * than the time before. */
static void
check_reload (JpStore *window,
              guint   *last,
              guint   *partial)
{
  g_autoptr(JpPlan) plan = load_plan (window, 1);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, NULL);
  int latest[N_ITEMS * N_INDICATORS];
  int k = -1;
  guint n;

  /* The snapshot: K is the last row recorded. */
  for (guint x = 0; x < N_ITEMS * N_INDICATORS; x++)
    {
      JpProgressEntry *entry = jp_indicator_get_latest (indicator_at (plan, x / N_INDICATORS,
                                                                      x % N_INDICATORS));

      latest[x] = entry != NULL ? (int) jp_progress_entry_get_value (entry) - 2000 : -1;
      k = MAX (k, latest[x]);
    }
  for (guint x = 0; x < N_ITEMS * N_INDICATORS; x++)
    {
      int expected = -1;

      for (int j = 0; j <= k; j++)
        if (row_indicator ((guint) j) == x)
          expected = j;
      g_assert_cmpint (latest[x], ==, expected);
    }

  /* The histories: the first rows of each indicator. */
  n = collect_values (plan, values);
  g_assert_cmpuint (n, >=, (guint) (k + 1));
  g_assert_cmpuint (n, >=, *last);
  g_assert_cmpuint (n, <=, POLLED_ROWS);
  if (n < POLLED_ROWS)
    (*partial)++;
  for (guint x = 0; x < N_ITEMS * N_INDICATORS; x++)
    {
      gboolean gap = FALSE;

      for (guint j = 0; j < POLLED_ROWS; j++)
        {
          gint64 value = 2000 + j;
          gboolean there = g_hash_table_contains (values, &value);

          if (row_indicator (j) != x)
            continue;
          g_assert_true (!there || !gap);
          g_assert_true (there || (int) j > k);
          gap = gap || !there;
        }
    }
  /* All or nothing, as seen from another program. */
  g_assert_true (n == 0 || n == POLLED_ROWS);
  *last = n;
}

/* Polls and reloads while the command line imports a table; once more
 * after it ended. */
static void
test_reader_polls (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JpStore) window = open_store (f->db);
  g_autofree char *table = write_table (f, "rows.csv", POLLED_ROWS, 2000, 0);
  g_autofree char *arg_table = g_strconcat ("--import-progress=", table, NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { rel_executable (), f->arg_db, arg_table, "--plan=1", NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                          g_get_user_data_dir (), TRUE);
  gint64 version = jp_store_get_data_version (window);
  guint reloads = 0;
  guint partial = 0;
  guint last = 0;
  int wait_status = 0;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  while (waitpid (pid, &wait_status, WNOHANG) == 0)
    {
      gint64 now = jp_store_get_data_version (window);

      if (now != version)
        {
          check_reload (window, &last, &partial);
          version = now;
          reloads++;
        }
      g_usleep (20 * 1000);
    }
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);

  /* After it: the reader sees the change and all the rows. */
  if (jp_store_get_data_version (window) != version)
    {
      check_reload (window, &last, &partial);
      reloads++;
    }
  g_test_message ("%u reloads, %u of them before the rows came in", reloads, partial);
  g_assert_cmpuint (reloads, >=, 1);
  g_assert_cmpuint (last, ==, POLLED_ROWS);
  {
    g_autoptr(JpPlan) plan = load_plan (window, 1);

    g_assert_cmpuint (collect_values (plan, NULL), ==, POLLED_ROWS);
  }
}

/* ------------------------------------------------------------------ */
/* Writers at once                                                     */

typedef struct
{
  const char *db;
  guint       indicator;   /* this writer's indicator of item 1 */
  guint       first;
  guint       n;
  guint       done;
  char       *error;
} Writer;

/* A window in its own thread: adds entries one by one. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(JpStore) store = open_store (w->db);
  g_autoptr(JpPlan) plan = load_plan (store, 1);
  JpIndicator *indicator = indicator_at (plan, N_ITEMS - 1, w->indicator);

  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-10-01", w->first + i);
      g_autoptr(GError) error = NULL;

      if (!jp_store_add_progress (store, indicator, entry, &error))
        {
          w->error = g_strdup (error->message);
          break;
        }
      w->done++;
    }

  return NULL;
}

static void
test_writers (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *table_a = write_table (f, "a.csv", 45, 3000, 0);
  g_autofree char *table_b = write_table (f, "b.csv", 45, 4000, 100);
  g_autofree char *arg_a = g_strconcat ("--import-progress=", table_a, NULL);
  g_autofree char *arg_b = g_strconcat ("--import-progress=", table_b, NULL);
  g_autofree char *json = rel_dup_json_plan ("同时导入", 4, 20, 3, 4);
  g_autofree char *json_path = g_build_filename (f->dir, "big.json", NULL);
  g_autofree char *arg_import = g_strconcat ("--import=", json_path, NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                          g_get_user_data_dir (), TRUE);
  const char *argvs[3][5] = {
    { rel_executable (), f->arg_db, arg_a, "--plan=1", NULL },
    { rel_executable (), f->arg_db, arg_b, "--plan=1", NULL },
    { rel_executable (), f->arg_db, arg_import, NULL, NULL },
  };
  Writer writers[2] = {
    { f->db, 0, 5000, 40, 0, NULL },
    { f->db, 1, 6000, 40, 0, NULL },
  };
  GThread *threads[2];
  GPid pids[3];

  rel_write_file (json_path, json, -1);

  /* Three programs and two windows, all at once. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;

      g_spawn_async (NULL, (char **) argvs[i], envp,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pids[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("window", writer_thread, &writers[i]);

  for (guint i = 0; i < 3; i++)
    {
      int wait_status = 0;

      while (waitpid (pids[i], &wait_status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      g_spawn_close_pid (pids[i]);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_thread_join (threads[i]);
      if (writers[i].error != NULL)
        g_error ("window %u: %s", i, writers[i].error);
      g_assert_cmpuint (writers[i].done, ==, writers[i].n);
    }

  /* Every write is there once. */
  assert_sound (f->db);
  {
    g_autoptr(JpStore) store = open_store (f->db);
    g_autoptr(JpPlan) plan = load_plan (store, 1);
    g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GPtrArray) plans = jp_store_list_plans (store, NULL);
    static const guint firsts[] = { 3000, 4000, 5000, 6000 };
    static const guint counts[] = { 45, 45, 40, 40 };

    g_assert_cmpuint (collect_values (plan, values), ==, 45 + 45 + 40 + 40);
    for (guint k = 0; k < G_N_ELEMENTS (firsts); k++)
      for (guint j = 0; j < counts[k]; j++)
        {
          gint64 value = firsts[k] + j;

          g_assert_true (g_hash_table_contains (values, &value));
        }
    g_assert_cmpuint (plans->len, ==, 2);
    g_assert_cmpuint (((JpPlanInfo *) g_ptr_array_index (plans, 1))->n_items, ==, 80);
  }
}

/* Two windows, each with the plan loaded before the other's edit. */
static void
test_two_windows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpStore) a = open_store (f->db);
  g_autoptr(JpStore) b = open_store (f->db);
  g_autoptr(JpPlan) plan_a = load_plan (a, 1);
  g_autoptr(JpPlan) plan_b = load_plan (b, 1);
  g_autoptr(GError) error = NULL;
  gint64 version_b = jp_store_get_data_version (b);

  /* Different fields, different objects: both stay. */
  g_assert_true (jp_store_set_string (a, item_at (plan_a, 0), "title", "甲改的标题", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (b, item_at (plan_b, 1), "title", "乙改的标题", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (b, indicator_at (plan_b, 0, 0), "target", 95, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (a, plan_a, "preamble", "甲改的前言", &error));
  g_assert_no_error (error);
  {
    g_autoptr(JpProgressEntry) one = jp_progress_entry_new ("2023-05-01", 11);
    g_autoptr(JpProgressEntry) two = jp_progress_entry_new ("2023-05-02", 22);

    g_assert_true (jp_store_add_progress (a, indicator_at (plan_a, 0, 0), one, &error));
    g_assert_no_error (error);
    g_assert_true (jp_store_add_progress (b, indicator_at (plan_b, 0, 0), two, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) plan = load_plan (check, 1);
    g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    g_assert_cmpstr (jp_item_get_title (item_at (plan, 0)), ==, "甲改的标题");
    g_assert_cmpstr (jp_item_get_title (item_at (plan, 1)), ==, "乙改的标题");
    g_assert_cmpfloat (jp_indicator_get_target (indicator_at (plan, 0, 0)), ==, 95);
    g_assert_cmpstr (jp_plan_get_preamble (plan), ==, "甲改的前言");
    g_assert_cmpuint (collect_values (plan, values), ==, 2);
  }

  /* Window b learns of a's edits from the data version, reloads, and
   * edits what is there now. */
  g_assert_cmpint (jp_store_get_data_version (b), !=, version_b);
  g_clear_object (&plan_b);
  plan_b = load_plan (b, 1);
  g_assert_cmpstr (jp_item_get_title (item_at (plan_b, 0)), ==, "甲改的标题");
  g_assert_cmpuint (g_list_model_get_n_items (jp_indicator_get_progress (indicator_at (plan_b, 0, 0))),
                    >=, 1);
  assert_sound (f->db);
}

/* A batch (an undo step of several edits) is one transaction: while it
 * runs no other program can commit, a step that fails is taken back alone
 * and the batch goes on, the end commits every other step or, asked so,
 * none; a batch over a plan changed since its load does not begin. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JpStore) window = NULL;
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title1 = NULL;
  sqlite3 *other = NULL;
  double target;

  /* A rule of the file's own that refuses one title: a step that fails
   * inside the transaction. */
  g_assert_cmpint (sqlite3_open (f->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "CREATE TRIGGER refuse BEFORE UPDATE OF title ON items"
                                 " WHEN NEW.title = '拒绝' BEGIN SELECT RAISE(ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  window = open_store (f->db);
  jp_store_mark_loaded (window);
  plan = load_plan (window, 1);
  target = jp_indicator_get_target (indicator_at (plan, 0, 0));
  title1 = g_strdup (jp_item_get_title (item_at (plan, 1)));

  g_assert_true (jp_store_begin_batch (window, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_string (window, item_at (plan, 0), "title", "批量一", &error));
  g_assert_no_error (error);
  /* Nobody else can commit meanwhile. */
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_BUSY);
  g_assert_false (jp_store_set_string (window, item_at (plan, 1), "title", "拒绝", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (jp_item_get_title (item_at (plan, 1)), ==, title1);
  g_assert_true (jp_store_set_double (window, indicator_at (plan, 0, 0), "target", target + 2, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_end_batch (window, TRUE, &error));
  g_assert_no_error (error);

  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) now = load_plan (check, 1);

    g_assert_cmpstr (jp_item_get_title (item_at (now, 0)), ==, "批量一");
    g_assert_cmpstr (jp_item_get_title (item_at (now, 1)), ==, title1);
    g_assert_cmpfloat (jp_indicator_get_target (indicator_at (now, 0, 0)), ==, target + 2);
  }
  g_assert_false (jp_store_has_external_changes (window));

  /* Ended without committing: none of its steps is in the file. */
  g_assert_true (jp_store_begin_batch (window, &error));
  g_assert_true (jp_store_set_string (window, item_at (plan, 2), "title", "不留", &error));
  g_assert_true (jp_store_set_double (window, indicator_at (plan, 1, 0), "target", 999, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_end_batch (window, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) now = load_plan (check, 1);

    g_assert_cmpstr (jp_item_get_title (item_at (now, 2)), !=, "不留");
    g_assert_cmpfloat (jp_indicator_get_target (indicator_at (now, 1, 0)), !=, 999);
  }

  /* Another program commits: the next batch does not begin. */
  g_assert_cmpint (sqlite3_exec (other, "UPDATE items SET body = '别处' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (jp_store_begin_batch (window, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  sqlite3_close (other);
  assert_sound (f->db);
}

/* A window that marks its load (jp_store_mark_loaded) edits nothing of a
 * plan that another program changed since: JP_STORE_ERROR_CHANGED,
 * nothing written, nothing changed in memory; its own edits never trip
 * it; after a reload (and a new mark) the same edit lands on top of the
 * other program's. The command line (no mark) is not checked. */
static void
test_changed_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpStore) window = open_store (f->db);
  g_autoptr(JpStore) other = open_store (f->db);
  g_autoptr(JpPlan) plan = NULL;
  g_autoptr(JpPlan) other_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *table = NULL;
  g_autofree char *arg_table = NULL;
  gint64 version;
  double target;

  g_assert_false (jp_store_has_external_changes (window));
  version = jp_store_mark_loaded (window);
  g_assert_cmpint (version, ==, jp_store_get_data_version (window));
  plan = load_plan (window, 1);
  target = jp_indicator_get_target (indicator_at (plan, 0, 0));

  /* The window's own edits: the mark holds. */
  g_assert_true (jp_store_set_string (window, item_at (plan, 0), "title", "窗口自己改的", &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_set_double (window, indicator_at (plan, 0, 0), "target", target + 1, &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_has_external_changes (window));

  /* Another program changes the same target. */
  other_plan = load_plan (other, 1);
  g_assert_true (jp_store_set_double (other, indicator_at (other_plan, 0, 0), "target", 77, &error));
  g_assert_no_error (error);
  g_assert_true (jp_store_has_external_changes (window));

  /* Any edit of the window's stale copy is refused, whatever it touches. */
  g_assert_false (jp_store_set_double (window, indicator_at (plan, 0, 0), "target", 88, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpfloat (jp_indicator_get_target (indicator_at (plan, 0, 0)), ==, target + 1);
  g_assert_false (jp_store_set_string (window, item_at (plan, 1), "title", "别处", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  {
    g_autoptr(JpProgressEntry) entry = jp_progress_entry_new ("2023-06-01", 5);

    g_assert_false (jp_store_add_progress (window, indicator_at (plan, 1, 0), entry, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
    g_clear_error (&error);
    g_assert_cmpint (jp_progress_entry_get_id (entry), ==, 0);
  }
  g_assert_false (jp_store_remove_item (window, item_at (plan, 2), &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (jp_store_delete_plan (window, 1, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (jp_plan_get_n_items (plan), ==, N_ITEMS);

  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) now = load_plan (check, 1);

    g_assert_cmpfloat (jp_indicator_get_target (indicator_at (now, 0, 0)), ==, 77);
    g_assert_cmpstr (jp_item_get_title (item_at (now, 0)), ==, "窗口自己改的");
    g_assert_cmpuint (jp_plan_get_n_items (now), ==, N_ITEMS);
    g_assert_cmpuint (collect_values (now, NULL), ==, 0);
  }

  /* The command line (real process) writes: refused again until reloaded. */
  table = write_table (f, "rows.csv", 4, 1000, 0);
  arg_table = g_strconcat ("--import-progress=", table, NULL);

  /* Reloaded: the window sees 77 and edits on top of it. */
  jp_store_mark_loaded (window);
  g_clear_object (&plan);
  plan = load_plan (window, 1);
  g_assert_false (jp_store_has_external_changes (window));
  g_assert_cmpfloat (jp_indicator_get_target (indicator_at (plan, 0, 0)), ==, 77);

  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_table, "--plan=1", NULL), ==, 0);
  g_assert_true (jp_store_has_external_changes (window));
  g_assert_false (jp_store_set_double (window, indicator_at (plan, 0, 0), "weight", 2, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  jp_store_mark_loaded (window);
  g_clear_object (&plan);
  plan = load_plan (window, 1);
  g_assert_cmpuint (collect_values (plan, NULL), ==, 4);
  g_assert_true (jp_store_set_double (window, indicator_at (plan, 0, 0), "target", 99, &error));
  g_assert_no_error (error);

  /* The other store never marked: it is not checked (last writer wins). */
  g_assert_true (jp_store_set_string (other, item_at (other_plan, 3), "title", "命令行式的写入", &error));
  g_assert_no_error (error);

  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) now = load_plan (check, 1);

    g_assert_cmpfloat (jp_indicator_get_target (indicator_at (now, 0, 0)), ==, 99);
    g_assert_cmpstr (jp_item_get_title (item_at (now, 3)), ==, "命令行式的写入");
  }
  assert_sound (f->db);
}

/* A second store opened in this process (a second window) must not drop
 * the locks the first one holds on the file (POSIX locks belong to the
 * process: closing any descriptor of the file drops them all). Without
 * its locks the command line, closing, took itself for the last user,
 * checkpointed and deleted the -wal under the first store: "disk I/O
 * error" for any new connection afterwards. */
static void
test_wal_kept (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JpStore) first = open_store (f->db);
  g_autoptr(JpPlan) plan = load_plan (first, 1);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *table = write_table (f, "rows.csv", 6, 500, 0);
  g_autofree char *arg_table = g_strconcat ("--import-progress=", table, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Open and close more stores on the file; the first stays. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JpStore) second = open_store (f->db);
      g_autoptr(JpPlan) second_plan = load_plan (second, 1);

      g_assert_cmpuint (jp_plan_get_n_items (second_plan), ==, N_ITEMS);
    }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (rel_run (&out, &err, f->arg_db, arg_table, "--plan=1", NULL), ==, 0);
  /* The command line knew it was not alone: the -wal stays. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  {
    g_autoptr(JpStore) check = open_store (f->db);
    g_autoptr(JpPlan) now = load_plan (check, 1);

    g_assert_cmpuint (collect_values (now, NULL), ==, 6);
  }
  g_clear_object (&plan);
  plan = load_plan (first, 1);
  g_assert_cmpuint (collect_values (plan, NULL), ==, 6);
  assert_sound (f->db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jp/two-processes/reader-reloads", test_reader_reloads);
  ADD ("/jp/two-processes/reader-polls", test_reader_polls);
  ADD ("/jp/two-processes/writers", test_writers);
  ADD ("/jp/two-processes/two-windows", test_two_windows);
  ADD ("/jp/two-processes/changed-refused", test_changed_refused);
  ADD ("/jp/two-processes/batch", test_batch);
  ADD ("/jp/two-processes/wal-kept", test_wal_kept);

#undef ADD

  return g_test_run ();
}
