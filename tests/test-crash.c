/* test-crash.c: crash consistency of the real executable.
 *
 * Runs jinfeng-plan on one database, again and again, and kills it with
 * SIGKILL at a random moment of its run: an import of a large plan
 * document (one transaction), an import of a large JSON plan with
 * progress histories (one transaction), or an --import-progress of a
 * table of progress rows (one transaction for all its rows, each reported
 * on standard output once committed). After each kill:
 * - the database opens and PRAGMA integrity_check / foreign_key_check
 *   find nothing (jp_store_check_integrity);
 * - every plan is wholly there (its sections, items, indicators, leaders,
 *   units and progress entries all counted) or absent;
 * - every plan and every progress row reported as imported is there, and
 *   no row is there twice.
 * At the end every table is imported again to completion: each of its
 * rows is then there exactly once (the rows committed before a kill are
 * skipped, not repeated).
 *
 * JP_CRASH_KILLS (default 50) kills: about 25 s here, more under the
 * sanitizers or a loaded machine; the test fails if they take more than
 * JP_CRASH_SECONDS (default 240). tests/reliability/crash-1000 runs 1,000.
 * The random moments come from the test's seed (--seed=… repeats a run). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jp-model.h"
#include "jp-store.h"
#include "jp-store-backup.h"

#include "jp-reliability-util.h"

#define BASE_TITLE "基础计划"
#define DOC_TITLE  "2023年工作要点"
#define JSON_TITLE "大计划"

/* The plan that receives the progress rows: 100 items, 3 indicators each
 * (the many rows of 1,000 kills spread over them). */
#define BASE_ITEMS 100
#define BASE_INDICATORS 3
/* Rows in each progress table. */
#define TABLE_ROWS 150

typedef enum
{
  OP_DOCUMENT,
  OP_JSON,
  OP_PROGRESS,
  N_OPS
} Op;

static const char * const op_names[] = { "document", "json", "progress" };

typedef struct
{
  int item;
  int indicator;  /* 1-based */
  char date[11];
  int value;
} Row;

typedef struct
{
  char *dir;
  char *db;
  char *arg_db;
  char *document;   /* the large plan document */
  char *json;       /* the large JSON plan */
  gint64 base_id;

  /* Expected counts of a whole plan of each kind (from a complete run). */
  JpPlanInfo expected[N_OPS];
  guint expected_entries[N_OPS];
  guint expected_leaders[N_OPS];
  guint expected_units[N_OPS];

  /* How long each operation takes when not killed (µs). */
  gint64 duration[N_OPS];

  /* Progress tables: file names, and the rows of each. */
  GPtrArray *tables;      /* char * */
  GArray *table_rows;     /* Row, TABLE_ROWS per table, in table order */
  /* Rows written so far for each indicator of the base plan: the next
   * one's day of the year (one value per indicator and date). */
  guint pair_rows[BASE_ITEMS * BASE_INDICATORS];

  GHashTable *reported_plans;  /* gint64 ids */
  GHashTable *reported_rows;   /* "indicator|date|value" keys */
  GHashTable *loaded_plans;    /* gint64 ids of the plans checked whole */

  guint kills;
  guint kills_after_commit;  /* killed after reporting a commit */
  guint completed;
  guint reported_plan_count;
  guint reported_row_count;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = rel_make_tmpdir ();
  f->db = g_build_filename (f->dir, "plans.db", NULL);
  f->arg_db = g_strconcat ("--db=", f->db, NULL);
  f->tables = g_ptr_array_new_with_free_func (g_free);
  f->table_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  f->reported_plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  f->reported_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->loaded_plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rel_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->arg_db);
  g_free (f->document);
  g_free (f->json);
  for (guint i = 0; i < N_OPS; i++)
    g_free (f->expected[i].title);
  g_ptr_array_unref (f->tables);
  g_array_unref (f->table_rows);
  g_hash_table_unref (f->reported_plans);
  g_hash_table_unref (f->reported_rows);
  g_hash_table_unref (f->loaded_plans);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n, NULL))
    return fallback;

  return (guint) n;
}

static char *
row_key (const char *indicator,
         const char *date,
         double      value)
{
  return g_strdup_printf ("%s|%s|%g", indicator, date, value);
}

static char *
row_key_of (const Row *row)
{
  g_autofree char *indicator = g_strdup_printf ("指标%d-%d", row->item, row->indicator);

  return row_key (indicator, row->date, row->value);
}

/* A new progress table of TABLE_ROWS rows for the base plan; its values
 * are unique to it, and each indicator's rows have dates of their own
 * (a value for a date that has one replaces it), so that each row is a
 * new entry. */
static const char *
write_table (Fixture *f)
{
  guint table = f->tables->len;
  g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值,说明\n");
  char *path = g_strdup_printf ("%s/progress-%03u.csv", f->dir, table);

  for (guint j = 0; j < TABLE_ROWS; j++)
    {
      Row row;
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2023);
      guint *pair;

      row.item = 1 + (int) ((table * 7 + j) % BASE_ITEMS);
      row.indicator = 1 + (int) (j % BASE_INDICATORS);
      pair = &f->pair_rows[(row.item - 1) * BASE_INDICATORS + row.indicator - 1];
      g_assert_cmpuint (*pair, <, 365);  /* 730 tables at least */
      g_date_add_days (date, (*pair)++);
      g_date_strftime (row.date, sizeof row.date, "%Y-%m-%d", date);
      row.value = (int) (100000 + table * TABLE_ROWS + j);
      g_array_append_val (f->table_rows, row);

      g_string_append_printf (csv, "%d,指标%d-%d,%s,%d,表%u第%u行\n", row.item, row.item,
                              row.indicator, row.date, row.value, table, j);
    }

  rel_write_file (path, csv->str, (gssize) csv->len);
  g_ptr_array_add (f->tables, path);

  return path;
}

/* ---- Running and killing ------------------------------------------------ */

typedef struct
{
  gboolean killed;
  int      status;     /* exit status when not killed */
  char    *out;
  char    *err;
  gint64   elapsed;    /* µs */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char *
read_all (int fd)
{
  g_autoptr(GString) s = g_string_new (NULL);
  char buf[4096];
  gssize n;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      g_string_append_len (s, buf, n);
    }
  close (fd);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Starts jinfeng-plan with @arg; kills it after @kill_after µs (-1:
 * never). Standard output and error go to files, so that a full pipe
 * never holds the child. */
static void
run_op (Fixture    *f,
        const char *arg,
        gint64      kill_after,
        Run        *run)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autofree char *out_path = g_build_filename (f->dir, "stdout.txt", NULL);
  g_autofree char *err_path = g_build_filename (f->dir, "stderr.txt", NULL);
  /* Progress rows go to the base plan (not the latest one). */
  const char *argv[] = { rel_executable (), f->arg_db, arg, "--plan=1", NULL };
  int out_fd, err_fd;
  int wait_status = 0;
  gint64 start;
  GPid pid;

  if (!g_str_has_prefix (arg, "--import-progress="))
    argv[3] = NULL;
  memset (run, 0, sizeof *run);
  /* The test's own data folder (GLib gives children /dev/null): the
   * backups made before an import go there. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  out_fd = open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  err_fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (out_fd, >=, 0);
  g_assert_cmpint (err_fd, >=, 0);

  start = g_get_monotonic_time ();
  g_spawn_async_with_fds (f->dir, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                          NULL, NULL, &pid, -1, out_fd, err_fd, &error);
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);

  if (kill_after >= 0)
    {
      /* Sleep in small steps, so that a quick run is not waited for. */
      while (g_get_monotonic_time () - start < kill_after)
        {
          if (waitpid (pid, &wait_status, WNOHANG) == pid)
            goto reaped;
          g_usleep (MIN (1000, kill_after - (g_get_monotonic_time () - start) + 1));
        }
      kill (pid, SIGKILL);
    }

  while (waitpid (pid, &wait_status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);

reaped:
  run->elapsed = g_get_monotonic_time () - start;
  g_spawn_close_pid (pid);
  run->killed = WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGKILL;
  if (WIFSIGNALED (wait_status) && !run->killed)
    g_error ("jinfeng-plan %s died of signal %d", arg, WTERMSIG (wait_status));
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  run->out = read_all (open (out_path, O_RDONLY | O_CLOEXEC));
  run->err = read_all (open (err_path, O_RDONLY | O_CLOEXEC));
}

/* Records what the run reported as done. */
static void
collect_reports (Fixture    *f,
                 Op          op,
                 const char *table,
                 guint       table_index,
                 const Run  *run)
{
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* A line cut by the kill is not a report. */
      if (lines[i + 1] == NULL)
        break;

      if (op != OP_PROGRESS && g_str_has_prefix (line, "imported plan "))
        {
          gint64 id = g_ascii_strtoll (line + strlen ("imported plan "), NULL, 10);

          g_assert_cmpint (id, >, 0);
          g_hash_table_add (f->reported_plans, g_memdup2 (&id, sizeof id));
          f->reported_plan_count++;
        }
      else if (op == OP_PROGRESS && g_str_has_prefix (line, table) &&
               line[strlen (table)] == ':')
        {
          /* "FILE:LINE: item N “…”: VALUE on DATE": row LINE − 1. */
          guint64 number = g_ascii_strtoull (line + strlen (table) + 1, NULL, 10);
          const Row *row;

          g_assert_cmpuint (number, >=, 2);
          g_assert_cmpuint (number, <=, TABLE_ROWS + 1);
          row = &g_array_index (f->table_rows, Row, table_index * TABLE_ROWS + number - 2);
          g_hash_table_add (f->reported_rows, row_key_of (row));
          f->reported_row_count++;
        }
    }
}

/* ---- Checking the database ---------------------------------------------- */

static guint
count_entries (JpPlan      *plan,
               GHashTable  *keys)
{
  g_autoptr(GPtrArray) items = jp_plan_dup_items (plan);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GListModel *indicators = jp_item_get_indicators (g_ptr_array_index (items, i));

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, k);
          g_autoptr(GError) error = NULL;
          GListModel *progress;

          g_assert_true (jp_indicator_ensure_history (indicator, &error));
          g_assert_no_error (error);
          progress = jp_indicator_get_progress (indicator);
          for (guint e = 0; e < g_list_model_get_n_items (progress); e++)
            {
              g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, e);

              if (keys != NULL)
                {
                  char *key = row_key (jp_indicator_get_name (indicator),
                                       jp_progress_entry_get_date (entry),
                                       jp_progress_entry_get_value (entry));

                  /* No row twice. */
                  if (!g_hash_table_add (keys, key))
                    g_error ("progress entry %s is there twice", key);
                }
              n++;
            }
        }
    }

  return n;
}

static Op
op_of_title (const char *title)
{
  if (g_str_equal (title, DOC_TITLE))
    return OP_DOCUMENT;
  if (g_str_equal (title, JSON_TITLE))
    return OP_JSON;
  if (g_str_equal (title, BASE_TITLE))
    return OP_PROGRESS;

  g_error ("a plan of unknown title “%s”", title);
  return N_OPS;
}

/* What a whole plan of this kind holds; @check: compare, else record.
 * The counts of the list are checked every time; a plan is loaded (its
 * leaders, units and progress entries counted) the first time it is
 * seen, and the base plan every time. */
static void
check_plan (Fixture          *f,
            JpStore          *store,
            const JpPlanInfo *info,
            gboolean          check,
            GHashTable       *base_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpPlan) plan = NULL;
  Op op = op_of_title (info->title);
  guint n_leaders, n_units, n_entries;

  if (check)
    {
      g_assert_cmpuint (info->n_sections, ==, f->expected[op].n_sections);
      g_assert_cmpuint (info->n_items, ==, f->expected[op].n_items);
      g_assert_cmpuint (info->n_indicators, ==, f->expected[op].n_indicators);
      if (op != OP_PROGRESS && g_hash_table_contains (f->loaded_plans, &info->id))
        return;
    }

  plan = jp_store_load_plan (store, info->id, &error);
  g_assert_no_error (error);
  n_leaders = g_list_model_get_n_items (jp_plan_get_leaders (plan));
  n_units = g_list_model_get_n_items (jp_plan_get_units (plan));
  /* The base plan's entries are the progress rows: checked apart. */
  n_entries = count_entries (plan, op == OP_PROGRESS ? base_entries : NULL);

  if (!check)
    {
      g_free (f->expected[op].title);
      f->expected[op] = *info;
      f->expected[op].title = g_strdup (info->title);
      f->expected_entries[op] = n_entries;
      f->expected_leaders[op] = n_leaders;
      f->expected_units[op] = n_units;
      return;
    }

  g_assert_cmpuint (jp_plan_get_n_indicators (plan), ==, f->expected[op].n_indicators);
  g_assert_cmpuint (n_leaders, ==, f->expected_leaders[op]);
  g_assert_cmpuint (n_units, ==, f->expected_units[op]);
  if (op != OP_PROGRESS)
    g_assert_cmpuint (n_entries, ==, f->expected_entries[op]);
  g_hash_table_add (f->loaded_plans, g_memdup2 (&info->id, sizeof info->id));
}

/* The checks after a kill; returns the number of plans. */
static guint
check_database (Fixture  *f,
                gboolean  record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) base_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;
  guint n_base = 0;

  store = jp_store_open (f->db, JP_STORE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_check_integrity (store, &error));
  g_assert_no_error (error);

  plans = jp_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      JpPlanInfo *info = g_ptr_array_index (plans, i);

      g_hash_table_add (ids, &info->id);
      if (g_str_equal (info->title, BASE_TITLE))
        {
          g_assert_cmpint (info->id, ==, f->base_id);
          n_base++;
        }
      check_plan (f, store, info, !record, base_entries);
    }
  g_assert_cmpuint (n_base, ==, 1);

  /* Everything reported is there. */
  g_hash_table_iter_init (&iter, f->reported_plans);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (ids, key))
      g_error ("plan %" G_GINT64_FORMAT " was reported imported and is not there", *(gint64 *) key);

  g_hash_table_iter_init (&iter, f->reported_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (base_entries, key))
      g_error ("progress row %s was reported saved and is not there", (const char *) key);

  /* Only rows of the tables. */
  g_assert_cmpuint (g_hash_table_size (base_entries), <=, f->table_rows->len);

  return plans->len;
}

/* ---- The test ------------------------------------------------------------ */

static void
test_kill (Fixture       *f,
           gconstpointer  data)
{
  guint target = env_uint ("JP_CRASH_KILLS", 50);
  guint seconds = env_uint ("JP_CRASH_SECONDS", 240);
  guint kills_per_op[N_OPS] = { 0, };
  g_autofree char *arg_document = NULL;
  g_autofree char *arg_json = NULL;
  gint64 start, deadline;
  guint rounds = 0;

  /* The inputs: a plan document of 6 × 60 items, a JSON plan of 3 × 25
   * items with 3 indicators of 5 entries, and the base plan. */
  {
    g_autofree char *document = rel_dup_document (6, 60);
    g_autofree char *json = rel_dup_json_plan (JSON_TITLE, 3, 25, 3, 5);
    g_autofree char *base = rel_dup_json_plan (BASE_TITLE, 2, BASE_ITEMS / 2, BASE_INDICATORS, 0);
    g_autofree char *base_path = g_build_filename (f->dir, "base.json", NULL);
    g_autofree char *arg_base = g_strconcat ("--import=", base_path, NULL);
    Run run;

    f->document = g_build_filename (f->dir, "plan.txt", NULL);
    f->json = g_build_filename (f->dir, "plan.json", NULL);
    rel_write_file (f->document, document, -1);
    rel_write_file (f->json, json, -1);
    rel_write_file (base_path, base, -1);

    run_op (f, arg_base, -1, &run);
    g_assert_cmpint (run.status, ==, 0);
    collect_reports (f, OP_JSON, NULL, 0, &run);
    f->base_id = 1;
    g_assert_true (g_hash_table_contains (f->reported_plans, &f->base_id));
    run_clear (&run);
  }
  arg_document = g_strconcat ("--import=", f->document, NULL);
  arg_json = g_strconcat ("--import=", f->json, NULL);

  /* One complete run of each: the durations, and what a whole plan of
   * each kind holds. */
  for (Op op = 0; op < N_OPS; op++)
    {
      g_autofree char *arg_table = NULL;
      const char *table = NULL;
      Run run;

      if (op == OP_PROGRESS)
        {
          table = write_table (f);
          arg_table = g_strconcat ("--import-progress=", table, NULL);
        }
      run_op (f, op == OP_DOCUMENT ? arg_document : op == OP_JSON ? arg_json : arg_table,
              -1, &run);
      if (run.status != 0)
        g_error ("%s: exit %d: %s", op_names[op], run.status, run.err);
      f->duration[op] = run.elapsed;
      collect_reports (f, op, table, f->tables->len - 1, &run);
      g_test_message ("%s: %.2f s when not killed", op_names[op], run.elapsed / 1e6);
      run_clear (&run);
    }
  g_assert_cmpuint (f->reported_row_count, ==, TABLE_ROWS);
  g_assert_cmpuint (check_database (f, TRUE), ==, 3);

  /* Kill at random moments. */
  start = g_get_monotonic_time ();
  deadline = start + (gint64) seconds * G_USEC_PER_SEC;
  while (f->kills < target && g_get_monotonic_time () < deadline)
    {
      /* The progress rows twice as often as each import. */
      int r = g_test_rand_int_range (0, 4);
      Op op = r < OP_PROGRESS ? (Op) r : OP_PROGRESS;
      g_autofree char *arg_table = NULL;
      const char *table = NULL;
      gint64 kill_after;
      Run run;

      if (op == OP_PROGRESS)
        {
          table = write_table (f);
          arg_table = g_strconcat ("--import-progress=", table, NULL);
        }

      /* Anywhere in the run, start-up and exit included. */
      kill_after = (gint64) (g_test_rand_double () * f->duration[op] * 1.1);
      run_op (f, op == OP_DOCUMENT ? arg_document : op == OP_JSON ? arg_json : arg_table,
              kill_after, &run);
      rounds++;

      if (run.killed)
        {
          f->kills++;
          kills_per_op[op]++;
          if (strstr (run.out, "\n") != NULL)
            f->kills_after_commit++;
        }
      else
        {
          f->completed++;
          if (run.status != 0)
            g_error ("%s: exit %d: %s", op_names[op], run.status, run.err);
          /* Follow how long a run takes now. */
          f->duration[op] = (f->duration[op] * 3 + run.elapsed) / 4;
        }
      collect_reports (f, op, table, f->tables->len - 1, &run);
      run_clear (&run);

      check_database (f, FALSE);
    }

  g_test_message ("%u kills (document %u, json %u, progress %u; %u after a reported commit) "
                  "and %u complete runs in %.1f s; %u plans and %u progress rows reported "
                  "saved, all there",
                  f->kills, kills_per_op[OP_DOCUMENT], kills_per_op[OP_JSON],
                  kills_per_op[OP_PROGRESS], f->kills_after_commit, f->completed,
                  (g_get_monotonic_time () - start) / 1e6,
                  f->reported_plan_count, f->reported_row_count);
  g_assert_cmpuint (f->kills, >=, target);
  g_assert_cmpuint (rounds, ==, f->kills + f->completed);

  /* Every table again (all in one), to completion: then every row is
   * there once. */
  {
    g_autofree char *all = g_build_filename (f->dir, "all.csv", NULL);
    g_autofree char *arg_all = g_strconcat ("--import-progress=", all, NULL);
    g_autoptr(GString) csv = g_string_new ("序号,指标,日期,数值\n");
    Run run;

    for (guint i = 0; i < f->table_rows->len; i++)
      {
        const Row *row = &g_array_index (f->table_rows, Row, i);

        g_string_append_printf (csv, "%d,指标%d-%d,%s,%d\n", row->item, row->item,
                                row->indicator, row->date, row->value);
      }
    rel_write_file (all, csv->str, (gssize) csv->len);
    run_op (f, arg_all, -1, &run);
    if (run.status != 0)
      g_error ("all the tables again: exit %d: %s", run.status, run.err);
    run_clear (&run);
  }
  check_database (f, FALSE);
  {
    g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_READ_ONLY, NULL);
    g_autoptr(JpPlan) base = jp_store_load_plan (store, f->base_id, NULL);
    g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    g_assert_cmpuint (count_entries (base, keys), ==, f->table_rows->len);
    for (guint i = 0; i < f->table_rows->len; i++)
      {
        g_autofree char *key = row_key_of (&g_array_index (f->table_rows, Row, i));

        g_assert_true (g_hash_table_contains (keys, key));
      }
  }

  /* The backups made before the imports (some killed while being
   * written) are each whole, and only the newest are kept. */
  {
    g_autoptr(JpStore) store = jp_store_open (f->db, JP_STORE_FLAGS_READ_ONLY, NULL);
    g_autoptr(GPtrArray) backups = jp_store_list_backups (store, NULL, NULL);

    g_assert_nonnull (backups);
    g_test_message ("%u backups kept", backups->len);
    g_assert_cmpuint (backups->len, >, 0);
    g_assert_cmpuint (backups->len, <=, JP_STORE_BACKUPS_DEFAULT_KEEP);
    for (guint i = 0; i < backups->len; i++)
      {
        const JpBackupInfo *info = g_ptr_array_index (backups, i);
        g_autoptr(JpStore) copy = NULL;
        g_autoptr(GError) error = NULL;

        copy = jp_store_open (info->path, JP_STORE_FLAGS_READ_ONLY, &error);
        g_assert_no_error (error);
        g_assert_true (jp_store_check_integrity (copy, &error));
        g_assert_no_error (error);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/jp/crash/kill", Fixture, NULL, fixture_set_up, test_kill, fixture_tear_down);

  return g_test_run ();
}
