#define G_LOG_DOMAIN "jp-date"

#include "config.h"

#include "jp-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
parse_digits (const char *s,
              guint       n,
              guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }

  *out = v;
  return TRUE;
}

/**
 * jp_date_parse:
 * @iso: a date "YYYY-MM-DD" (exactly ten characters)
 * @out: (out) (optional): the date
 *
 * Returns: TRUE when @iso is a real calendar date (month 1–12, day within
 *   the month, leap years counted, year 1–9999).
 */
/* The fields of a valid date, without building a GDate. */
static gboolean
parse_ymd (const char *iso,
           guint      *y,
           guint      *m,
           guint      *d)
{
  if (iso == NULL || strlen (iso) != 10)
    return FALSE;

  if (iso[4] != '-' || iso[7] != '-')
    return FALSE;

  if (!parse_digits (iso, 4, y) ||
      !parse_digits (iso + 5, 2, m) ||
      !parse_digits (iso + 8, 2, d))
    return FALSE;

  if (*y < 1 || *m < 1 || *m > 12 || *d < 1)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y);
}

gboolean
jp_date_parse (const char *iso,
               GDate      *out)
{
  guint y, m, d;

  if (!parse_ymd (iso, &y, &m, &d))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }

  return TRUE;
}

gboolean
jp_date_is_valid (const char *iso)
{
  return jp_date_parse (iso, NULL);
}

/**
 * jp_date_julian:
 *
 * Returns: the Julian day number of @iso (day 1 = 0001-01-01), or 0 when
 *   @iso is not a valid date.
 */
guint32
jp_date_julian (const char *iso)
{
  guint y, m, d, era, year_of_era, day_of_year, day_of_era;

  if (!parse_ymd (iso, &y, &m, &d))
    return 0;

  /* The status rules ask for it for every indicator (10,000s when a big
   * plan is shown): computed directly (H. Hinnant's days_from_civil, with
   * years starting in March) rather than through a GDate. */
  if (m <= 2)
    y--;
  era = y / 400;
  year_of_era = y - era * 400;
  day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* 0000-03-01 is day 0 of era 0, so 0001-01-01 is day 306: GDate's day 1. */
  return era * 146097 + day_of_era - 305;
}

char *
jp_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * jp_date_format_display:
 * @iso: (nullable): a date "YYYY-MM-DD"
 *
 * The date as people read it in the language of the messages: "Jun 30,
 * 2023" in English, "2023年6月30日" in Chinese. For what people read (the
 * window, the charts, the reports, the titles of the spreadsheets), not
 * for fields that programs read back (JSON, the date columns of CSV).
 *
 * Returns: (transfer full) (nullable): the date; a copy of @iso when it is
 *   not a valid date; NULL when @iso is NULL.
 */
char *
jp_date_format_display (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;
  char *text;

  if (iso == NULL)
    return NULL;

  if (!jp_date_parse (iso, &date))
    return g_strdup (iso);

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);

  /* Translators: a date as the window, the charts and the reports show
   * it, a g_date_time_format() format ("%-d" is the day without a leading
   * zero): "Jun 30, 2023". In Chinese "%Y年%-m月%-d日" (2023年6月30日,
   * not the 2023年06月30日 of the C library's %x). */
  text = g_date_time_format (dt, _("%b %-d, %Y"));

  return text != NULL ? text : g_strdup (iso);
}

/* Today in local time. */
char *
jp_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * jp_date_compare:
 *
 * Compares two ISO dates as strings (they sort that way); NULL sorts
 * before any date. Returns -1, 0 or 1.
 */
int
jp_date_compare (const char *a,
                 const char *b)
{
  int r = g_strcmp0 (a, b);

  return (r > 0) - (r < 0);
}

/**
 * jp_date_parse_loose:
 * @text: (nullable): what someone typed
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or NULL
 */
char *
jp_date_parse_loose (const char *text)
{
  g_autoptr(GString) ascii = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 fields[3];
  guint n = 0;

  if (text == NULL)
    return NULL;

  /* Full-width digits and the separators people use, as ASCII. */
  ascii = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return NULL;
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      if (c < 0x80 && g_ascii_isdigit ((char) c))
        g_string_append_c (ascii, (char) c);
      else if (c == '-' || c == '/' || c == '.' || c == 0x5E74 /* 年 */ || c == 0x6708 /* 月 */ ||
               c == 0xFF0D || c == 0xFF0F || c == 0xFF0E)
        g_string_append_c (ascii, ' ');
      else if (c == 0x65E5 /* 日 */ || c == 0x53F7 /* 号 */ || g_unichar_isspace (c))
        g_string_append_c (ascii, ' ');
      else
        return NULL;
    }

  parts = g_strsplit_set (g_strstrip (ascii->str), " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (n == 3 || strlen (parts[i]) > 8)
        return NULL;
      fields[n++] = g_ascii_strtoull (parts[i], NULL, 10);
      if (n == 1 && strlen (parts[i]) == 8 && parts[i + 1] == NULL)
        {
          /* 20230630 */
          fields[2] = fields[0] % 100;
          fields[1] = fields[0] / 100 % 100;
          fields[0] = fields[0] / 10000;
          n = 3;
        }
      else if (n == 1 && strlen (parts[i]) != 4)
        return NULL;
    }

  if (n != 3 || fields[0] < 1 || fields[0] > 9999 || fields[1] < 1 || fields[1] > 12 ||
      fields[2] < 1 || fields[2] > 31 ||
      !g_date_valid_dmy ((GDateDay) fields[2], (GDateMonth) fields[1], (GDateYear) fields[0]))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint) fields[0], (guint) fields[1], (guint) fields[2]);
}
