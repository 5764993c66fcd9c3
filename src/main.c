/* main.c: locale, translations, then the application
 *
 * The command-line options are handled by the application in
 * handle-local-options (jp-cli.c), before any display is opened. */

#define G_LOG_DOMAIN "jinfeng-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "jp-application.h"

/* The translations of the build tree when asked (JP_LOCALEDIR, set by
 * build-aux/run and the tests) or when this executable runs from the build
 * tree; else the installed ones. */
static const char *
find_localedir (void)
{
  const char *env = g_getenv ("JP_LOCALEDIR");
  g_autofree char *exe = NULL;
  g_autofree char *build_root = NULL;

  if (env != NULL && env[0] != '\0')
    return env;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  build_root = g_path_get_dirname (BUILD_LOCALEDIR);
  if (exe != NULL && g_str_has_prefix (exe, build_root) &&
      exe[strlen (build_root)] == G_DIR_SEPARATOR)
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

/* The language the environment asks for, as gettext would read it:
 * "zh_CN" of LC_ALL, LC_MESSAGES or LANG=zh_CN.UTF-8 (the first set of
 * the three), without the codeset; NULL for C and POSIX. */
static char *
dup_requested_language (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);
      const char *modifier;
      GString *language;

      if (value == NULL || value[0] == '\0')
        continue;

      if (strcmp (value, "C") == 0 || strcmp (value, "POSIX") == 0 || g_str_has_prefix (value, "C."))
        return NULL;

      /* ll_CC.codeset@modifier → ll_CC@modifier */
      language = g_string_new_len (value, (gssize) strcspn (value, ".@"));
      modifier = strchr (value, '@');
      if (modifier != NULL)
        g_string_append (language, modifier);

      return g_string_free (language, FALSE);
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;

  /* GTK warns "Locale not supported by C library" (fatal under
   * G_DEBUG=fatal-warnings) when the requested locale is not installed:
   * fall back to C.UTF-8 before it initialises. The messages keep the
   * language asked for: LANGUAGE when set, else the one of the locale
   * (LANG=zh_CN.UTF-8 without the zh_CN.UTF-8 locale still gives the
   * Chinese window, with the C library's dates and week). */
  if (setlocale (LC_ALL, "") == NULL)
    {
      const char *language = g_getenv ("LANGUAGE");

      if (language == NULL || language[0] == '\0')
        {
          g_autofree char *requested = dup_requested_language ();

          if (requested != NULL && requested[0] != '\0')
            g_setenv ("LANGUAGE", requested, TRUE);
        }

      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }

  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Work Plan"));

  app = jp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
