/* test-locale.c: formats in both languages, and the executable's locale
 *
 * Dates as each language writes them (2023年6月30日, Jun 30, 2023), the
 * numbers and percentages, the status and kind words in Chinese: each
 * language in a process of its own (gettext caches what it found, and
 * GLib decides once per process whether to translate). Then the real
 * executable: a locale that is not installed neither stops it nor warns
 * (GTK's "Locale not supported by C library" is fatal under
 * G_DEBUG=fatal-warnings), and keeps its language for the messages; the
 * PDF report and the CSV table under LANGUAGE=zh_CN have no English
 * left; the desktop file and the metainfo carry their zh_CN text. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "jp-model.h"

/* ---- dates, numbers and words, per language ------------------------------- */

typedef struct
{
  const char *iso;
  const char *en;
  const char *zh;
} DateCase;

static const DateCase date_cases[] = {
  { "2023-06-30", "Jun 30, 2023", "2023年6月30日" },
  { "2023-01-05", "Jan 5, 2023", "2023年1月5日" },
  { "2024-02-29", "Feb 29, 2024", "2024年2月29日" },
  { "2023-12-31", "Dec 31, 2023", "2023年12月31日" },
  { "0999-10-01", "Oct 1, 999", "999年10月1日" },
  /* Not dates: shown as they are. */
  { "2023-02-30", "2023-02-30", "2023-02-30" },
  { "2023-6-30", "2023-6-30", "2023-6-30" },
  { "", "", "" },
};

static void
check_dates (gboolean chinese)
{
  g_autofree char *none = jp_date_format_display (NULL);

  g_assert_null (none);
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *text = jp_date_format_display (date_cases[i].iso);

      g_assert_cmpstr (text, ==, chinese ? date_cases[i].zh : date_cases[i].en);
    }
}

/* The same in both languages: "," between thousands, "." before the
 * decimals, "%" attached, a space before a word unit (as everywhere:
 * targets, charts, reports, the item page). */
static void
check_numbers (void)
{
  static const struct { double value; gboolean group; const char *text; } numbers[] = {
    { 2900, TRUE, "2,900" },
    { 1234567.5, TRUE, "1,234,567.5" },
    { 630, TRUE, "630" },
    { 2900, FALSE, "2900" },
    { 4.7, TRUE, "4.7" },
    { -0.5, TRUE, "-0.5" },
  };
  static const struct { double ratio; const char *text; } percents[] = {
    { 0.72, "72%" },
    { 0.005, "0.5%" },
    { 1.234, "123.4%" },
    { 25, "2,500%" },
  };

  static const struct { double value; const char *unit; const char *text; } quantities[] = {
    { 90, "%", "90%" },
    { 2500, "人次", "2,500 人次" },
    { 4.7, "亿元", "4.7 亿元" },
    { 3, NULL, "3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (quantities); i++)
    {
      g_autofree char *text = jp_format_quantity (quantities[i].value, quantities[i].unit);

      g_assert_cmpstr (text, ==, quantities[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = jp_format_number (numbers[i].value, numbers[i].group);

      g_assert_cmpstr (text, ==, numbers[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autofree char *text = jp_format_percent (percents[i].ratio);

      g_assert_cmpstr (text, ==, percents[i].text);
    }
}

/* The words of the statuses and kinds: the window, the charts, the PDF and
 * the CSV all take them from the model. */
static void
check_words (gboolean chinese)
{
  static const struct { JpStatus status; const char *en; const char *zh; } statuses[] = {
    { JP_STATUS_DONE, "Done", "已完成" },
    { JP_STATUS_ON_TRACK, "On track", "正常推进" },
    { JP_STATUS_AT_RISK, "At risk", "存在风险" },
    { JP_STATUS_BEHIND, "Behind", "进度滞后" },
    { JP_STATUS_OVERDUE, "Overdue", "已逾期" },
    { JP_STATUS_NOT_STARTED, "Not started", "未开始" },
  };
  static const struct { JpIndicatorKind kind; const char *en; const char *zh; } kinds[] = {
    { JP_INDICATOR_KIND_AT_LEAST, "At least", "不低于" },
    { JP_INDICATOR_KIND_AT_MOST, "At most", "不超过" },
    { JP_INDICATOR_KIND_RANGE, "Range", "区间" },
    { JP_INDICATOR_KIND_DECREASE_BY, "Decrease by", "下降" },
    { JP_INDICATOR_KIND_INCREASE_BY, "Increase by", "提高" },
    { JP_INDICATOR_KIND_MILESTONE, "Milestone", "里程碑" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpstr (jp_status_get_label (statuses[i].status), ==,
                     chinese ? statuses[i].zh : statuses[i].en);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpstr (jp_indicator_kind_get_label (kinds[i].kind), ==,
                     chinese ? kinds[i].zh : kinds[i].en);
}

/* Runs in a child with LANGUAGE set by the parent. */
static void
check_language (const char *language)
{
  gboolean chinese = strcmp (language, "zh_CN") == 0;

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language);

  /* C.UTF-8, as the tests run: the month names of the C library are
   * English; ours are not needed in Chinese. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  check_dates (chinese);
  check_numbers ();
  check_words (chinese);

  /* Under the zh_CN.UTF-8 locale the C library writes 2023年06月30日 for
   * %x: the translation gives 2023年6月30日 all the same. (English under
   * a Chinese LC_TIME takes the C library's month names, "6月 30, 2023",
   * as GNOME applications do.) */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("the zh_CN.UTF-8 locale is not installed (build-aux/deps generates it)");
  if (chinese)
    check_dates (chinese);
  check_numbers ();
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_formats (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      check_language (language);
      return;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

/* ---- the executable ---------------------------------------------------------- */

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-locale-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the executable in the fixture's folder with the locale variables
 * of @env only ("NAME=VALUE"; LANG, LANGUAGE, LC_* of the test's own
 * environment removed) and the arguments; returns its exit status. */
static int
run (Fixture            *fixture,
     const char * const *env,
     char              **out,
     char              **err,
     ...)
{
  const char *exe = g_getenv ("JP_TEST_EXECUTABLE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, err);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  names = g_strdupv (envp);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *equal = strchr (names[i], '=');

      if (equal != NULL)
        *equal = '\0';
      if (strcmp (names[i], "LANG") == 0 || strcmp (names[i], "LANGUAGE") == 0 ||
          g_str_has_prefix (names[i], "LC_"))
        envp = g_environ_unsetenv (envp, names[i]);
    }
  /* No display: the command line needs none. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-warnings", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "JP_LOCALEDIR", BUILD_LOCALEDIR, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);

  command = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_test_message ("$ %s jinfeng-plan %s\n%s%s", env != NULL && env[0] != NULL ? env[0] : "",
                  command, *out, *err);

  /* Not killed by a fatal warning. */
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* An empty database, made the ordinary way. */
static void
make_empty_db (Fixture *fixture)
{
  static const char * const env[] = { "LC_ALL=C.UTF-8", NULL };
  g_autofree char *json = g_build_filename (fixture->dir, "empty.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (json, "{\"format\": \"jinfeng-plan\", \"version\": 1, \"plans\": []}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (fixture, env, &out, &err, "--db=plans.db", "--import=empty.json", NULL), ==, 0);
}

/* LANG names a locale the C library does not have: --list works and
 * nothing is printed but the (empty) list. */
static void
test_missing_locale (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const envs[][3] = {
    { "LANG=xx_YY.UTF-8", NULL },
    { "LC_ALL=xx_YY.UTF-8", NULL },
    { "LANG=C.UTF-8", "LC_TIME=xx_YY.UTF-8", NULL },
    { "LANG=zh_CN.NO-SUCH-CODESET", NULL },
  };

  make_empty_db (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (envs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (fixture, envs[i], &out, &err, "--db=plans.db", "--list", NULL), ==, 0);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, "");
    }
}

/* The messages keep the language asked for when its locale is missing:
 * from LANGUAGE, else from the locale's name. */
static void
test_missing_locale_language (Fixture       *fixture,
                              gconstpointer  data)
{
  static const struct { const char *env[3]; const char *err; } cases[] = {
    { { "LANG=zh_CN.NO-SUCH-CODESET", NULL },
      "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n" },
    { { "LC_ALL=zh_CN.NO-SUCH-CODESET", "LANG=C.UTF-8", NULL },
      "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n" },
    { { "LANGUAGE=en", "LANG=zh_CN.NO-SUCH-CODESET", NULL },
      "jinfeng-plan: --plan: “abc” is not a plan ID (see --list)\n" },
    { { "LANGUAGE=zh_CN", "LANG=xx_YY.UTF-8", NULL },
      "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n" },
    { { "LANG=xx_YY.UTF-8", NULL },
      "jinfeng-plan: --plan: “abc” is not a plan ID (see --list)\n" },
    /* The installed locales, for comparison. */
    { { "LANG=zh_CN.UTF-8", NULL },
      "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n" },
    { { "LANGUAGE=zh_CN", "LANG=C.UTF-8", NULL },
      "jinfeng-plan: --plan：“abc”不是计划编号（参见 --list）\n" },
    { { "LANG=C.UTF-8", NULL },
      "jinfeng-plan: --plan: “abc” is not a plan ID (see --list)\n" },
  };

  make_empty_db (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (fixture, cases[i].env, &out, &err, "--db=plans.db", "--plan=abc", "--list", NULL),
                       ==, 1);
      g_assert_cmpstr (err, ==, cases[i].err);
    }
}

static char *
pdf_text (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  if (error != NULL)
    g_error ("pdftotext: %s (install poppler-utils: build-aux/deps)", error->message);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

/* The first run of ASCII letters in @text, or NULL. */
static char *
find_english (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      {
        const char *end = p;

        while (g_ascii_isalpha (*end) || *end == ' ')
          end++;
        return g_strndup (p, (gsize) (end - p));
      }

  return NULL;
}

/* The reference plan, then its PDF report and CSV table in Chinese and in
 * English: the words, the dates and the counts of each language, and in
 * Chinese no English at all (the plan has none of its own). */
static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const c_env[] = { "LC_ALL=C.UTF-8", NULL };
  static const char * const zh_env[] = { "LANGUAGE=zh_CN", "LC_ALL=C.UTF-8", NULL };
  static const char * const zh_locale_env[] = { "LANG=zh_CN.UTF-8", NULL };
  static const char * const en_env[] = { "LANGUAGE=en", "LC_ALL=C.UTF-8", NULL };
  static const char * const zh_words[] = {
    "截至2023年6月30日", "工作推进情况汇总", "总体情况", "工作要点数", "工作要点状态分布",
    "17 项工作要点", "已完成", "正常推进", "存在风险", "进度滞后", "已逾期", "未开始",
    "序号", "工作要点", "责任领导", "责任单位", "进度", "状态", "指标", "目标", "当前值", "完成率",
    "需要关注的工作要点", "应达",
  };
  static const char * const en_words[] = {
    "As of Jun 30, 2023", "Progress summary", "17 items", "Not started", "Work item",
  };
  const char *plan = g_test_get_filename (G_TEST_DIST, "data", "jinfeng-2023.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "zh.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (fixture, c_env, &out, &err, "--db=plans.db", "--import", plan, NULL), ==, 0);

  /* Chinese, by LANGUAGE and by the locale. */
  for (guint k = 0; k < 2; k++)
    {
      const char * const *env = k == 0 ? zh_env : zh_locale_env;
      g_autofree char *text = NULL;
      g_autofree char *english = NULL;

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (fixture, env, &out, &err, "--db=plans.db", "--as-of=2023-06-30",
                            "--export-pdf=zh.pdf", NULL), ==, 0);
      text = pdf_text (fixture, "zh.pdf");
      for (guint i = 0; i < G_N_ELEMENTS (zh_words); i++)
        if (strstr (text, zh_words[i]) == NULL)
          g_error ("“%s” missing from the Chinese report", zh_words[i]);
      english = find_english (text);
      if (english != NULL)
        g_error ("English left in the Chinese report: “%s”", english);
    }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, zh_env, &out, &err, "--db=plans.db", "--as-of=2023-06-30",
                        "--export-csv=zh.csv", NULL), ==, 0);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "部分,序号,工作要点,责任领导,责任单位,指标,类型,目标,"
                                   "上限,单位,当前值,填报日期,完成率,状态,最近填报日期,应达,标记,指标编号\r\n"));
  {
    g_autofree char *english = find_english (csv);

    if (english != NULL)
      g_error ("English left in the Chinese CSV table: “%s”", english);
  }

  /* English. */
  {
    g_autofree char *text = NULL;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (fixture, en_env, &out, &err, "--db=plans.db", "--as-of=2023-06-30",
                          "--export-pdf=en.pdf", NULL), ==, 0);
    text = pdf_text (fixture, "en.pdf");
    for (guint i = 0; i < G_N_ELEMENTS (en_words); i++)
      if (strstr (text, en_words[i]) == NULL)
        g_error ("“%s” missing from the English report", en_words[i]);
  }
}

/* The desktop file and the metainfo as meson merged them (data/ of the
 * build folder): each translatable line has its zh_CN translation. */
static void
test_data_files (void)
{
  static const char * const desktop_lines[] = {
    "Name[zh_CN]=工作要点\n",
    "GenericName[zh_CN]=工作要点跟踪\n",
    "Comment[zh_CN]=管理年度工作要点，全年跟踪各项目标任务\n",
    "Keywords[zh_CN]=plan;work;targets;progress;report;education;计划;工作要点;",
  };
  static const char * const metainfo_tags[] = {
    "name", "summary", "p", "li", "developer_name",
  };
  g_autofree char *desktop_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                         "com.jinfeng.plan.desktop", NULL);
  g_autofree char *metainfo_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                          "com.jinfeng.plan.metainfo.xml", NULL);
  g_autofree char *desktop = NULL;
  g_autofree char *metainfo = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (desktop_path, &desktop, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (desktop_lines); i++)
    if (strstr (desktop, desktop_lines[i]) == NULL)
      g_error ("%s lacks “%s”", desktop_path, desktop_lines[i]);

  g_file_get_contents (metainfo_path, &metainfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (metainfo, "<name xml:lang=\"zh_CN\">工作要点</name>"));
  g_assert_nonnull (strstr (metainfo, "<summary xml:lang=\"zh_CN\">管理年度工作要点，跟踪目标任务</summary>"));
  for (guint i = 0; i < G_N_ELEMENTS (metainfo_tags); i++)
    {
      g_autofree char *plain = g_strdup_printf ("<%s>", metainfo_tags[i]);
      g_autofree char *chinese = g_strdup_printf ("<%s xml:lang=\"zh_CN\">", metainfo_tags[i]);
      guint n_plain = 0;
      guint n_chinese = 0;

      for (const char *p = metainfo; (p = strstr (p, plain)) != NULL; p++)
        n_plain++;
      for (const char *p = metainfo; (p = strstr (p, chinese)) != NULL; p++)
        n_chinese++;
      g_assert_cmpuint (n_plain, >, 0);
      if (n_chinese != n_plain)
        g_error ("%s: %u <%s> elements, %u in zh_CN", metainfo_path, n_plain, metainfo_tags[i], n_chinese);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/jp/locale/formats/zh_CN", "zh_CN", test_formats);
  g_test_add_data_func ("/jp/locale/formats/en", "en", test_formats);
  g_test_add ("/jp/locale/missing-locale", Fixture, NULL,
              fixture_set_up, test_missing_locale, fixture_tear_down);
  g_test_add ("/jp/locale/missing-locale-language", Fixture, NULL,
              fixture_set_up, test_missing_locale_language, fixture_tear_down);
  g_test_add ("/jp/locale/exports", Fixture, NULL,
              fixture_set_up, test_exports, fixture_tear_down);
  g_test_add_func ("/jp/locale/data-files", test_data_files);

  return g_test_run ();
}
