/* jp-names.c: telling near-duplicate names apart from different ones */

#define G_LOG_DOMAIN "jp-names"

#include "config.h"

#include "jp-names.h"

#include <string.h>

char *
jp_name_fold (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal != NULL ? normal : name, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether the code points of @a and @b are at most one edit apart. */
static gboolean
one_edit_apart (const gunichar *a,
                glong           la,
                const gunichar *b,
                glong           lb)
{
  glong i = 0;

  if (la < lb)
    return one_edit_apart (b, lb, a, la);
  if (la - lb > 1)
    return FALSE;

  while (i < lb && a[i] == b[i])
    i++;
  if (i == lb)
    return TRUE;

  if (la == lb)
    return memcmp (a + i + 1, b + i + 1, sizeof (gunichar) * (lb - i - 1)) == 0;

  return memcmp (a + i + 1, b + i, sizeof (gunichar) * (lb - i)) == 0;
}

gboolean
jp_names_are_near (const char *a,
                   const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  glong la = 0, lb = 0;

  if (a == NULL || b == NULL || strcmp (a, b) == 0)
    return FALSE;

  fa = jp_name_fold (a);
  fb = jp_name_fold (b);
  if (fa[0] == '\0' || fb[0] == '\0')
    return FALSE;
  if (strcmp (fa, fb) == 0)
    return TRUE;

  ua = g_utf8_to_ucs4_fast (fa, -1, &la);
  ub = g_utf8_to_ucs4_fast (fb, -1, &lb);
  if (MIN (la, lb) < 2)
    return FALSE;

  return one_edit_apart (ua, la, ub, lb);
}

GPtrArray *
jp_names_find_near (const char         *name,
                    const char * const *names)
{
  GPtrArray *near = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (jp_names_are_near (name, names[i]))
      g_ptr_array_add (near, (gpointer) names[i]);

  return near;
}
