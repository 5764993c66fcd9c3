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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JpApplication) app = NULL;

  /* GTK warns "Locale not supported by C library" (fatal under
   * G_DEBUG=fatal-warnings) when the requested locale is not installed:
   * fall back to C.UTF-8 before it initialises. LANGUAGE still picks the
   * translation. */
  if (setlocale (LC_ALL, "") == NULL)
    {
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
