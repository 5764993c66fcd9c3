/* jp-output.c: writing a file the user named, all or nothing
 *
 * GLib's own safe writes do not fit here: g_file_set_contents_full() makes
 * its temporary file by adding ".XXXXXX" to the name, so a name near the
 * file system's limit (255 bytes) cannot be written at all, and
 * g_file_replace() writes a new file in place (a failed write leaves half
 * a file) and truncates the target when it cannot make a temporary file.
 * Writers that stream (cairo's PDF surface, libxlsxwriter) need a file to
 * write into anyway. */

#define G_LOG_DOMAIN "jp-output"

#include "config.h"

#include "jp-output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct _JpOutput
{
  char     *path;        /* as given, for messages */
  char     *final_path;  /* @path with a link to a regular file resolved */
  char     *temp_path;   /* NULL once removed or renamed */
  int       fd;
  int       saved_errno; /* the first failure */
  gboolean  has_mode;
  mode_t    mode;        /* of the file replaced */
};

/* ---- Targets ----------------------------------------------------------- */

/* @path absolute, with links resolved (of its folder when it does not
 * exist). */
static char *
dup_canonical (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;
  char *result;

  real = realpath (path, NULL);
  if (real != NULL)
    {
      result = g_strdup (real);
      free (real);
      return result;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real == NULL)
    return g_canonicalize_filename (path, NULL);

  result = g_build_filename (real, base, NULL);
  free (real);
  return result;
}

gboolean
jp_output_same_file (const char *a,
                     const char *b)
{
  GStatBuf sa, sb;
  gboolean has_a, has_b;
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  has_a = g_stat (a, &sa) == 0;
  has_b = g_stat (b, &sb) == 0;
  if (has_a && has_b)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (has_a != has_b)
    return FALSE;

  ca = dup_canonical (a);
  cb = dup_canonical (b);
  return g_strcmp0 (ca, cb) == 0;
}

static gboolean
fail_errno (const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s", display, g_strerror (saved_errno));
  return FALSE;
}

const char *
jp_file_kind_describe (guint mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("a special file");
}

/* What an existing target is, when it is no regular file. */
static gboolean
check_kind (const char     *path,
            const GStatBuf *st,
            GError        **error)
{
  g_autofree char *display = NULL;
  const char *kind = jp_file_kind_describe (st->st_mode);

  if (kind == NULL)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, S_ISDIR (st->st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
               /* Translators: a file name, then "a folder", "a named pipe (FIFO)" … */
               _("%s: this is %s, not a regular file: it is not replaced"), display, kind);
  return FALSE;
}

/* A new name: its folder exists, and the name fits there. */
static gboolean
check_new_name (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = NULL;
  GStatBuf st;
  long name_max;

  if (g_stat (dir, &st) != 0)
    {
      int saved_errno = errno;

      display = g_filename_display_name (path);
      if (saved_errno == ENOENT)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                     /* Translators: %s is a file name */
                     _("%s: the folder does not exist"), display);
      else
        fail_errno (path, saved_errno, error);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                   /* Translators: a file name, then the name of its folder */
                   _("%s: “%s” is not a folder"), display, dir_display);
      return FALSE;
    }

  name_max = pathconf (dir, _PC_NAME_MAX);
  if (name_max > 0 && strlen (base) > (gsize) name_max)
    {
      display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NAMETOOLONG,
                   /* Translators: a file name, then two numbers of bytes */
                   _("%s: the name is too long (%u bytes; at most %u here)"), display,
                   (guint) strlen (base), (guint) name_max);
      return FALSE;
    }

  return TRUE;
}

/* The name is free, or a regular file (through links). */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      /* (ENOTDIR: its folder is a file, which check_new_name() says.) */
      if (errno != ENOENT && errno != ENOTDIR)
        return fail_errno (path, errno, error);
      return check_new_name (path, error);
    }

  if (S_ISLNK (st.st_mode) && g_stat (path, &st) != 0)
    {
      /* A dangling link: the new file replaces the link. */
      if (errno != ENOENT)
        return fail_errno (path, errno, error);
      return check_new_name (path, error);
    }

  return check_kind (path, &st, error);
}

gboolean
jp_output_check_target (const char         *path,
                        const char         *db_path,
                        const char * const *inputs,
                        GError            **error)
{
  static const char * const db_suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (path, error))
    return FALSE;

  display = g_filename_display_name (path);

  if (db_path != NULL && strcmp (db_path, ":memory:") != 0)
    for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
      {
        g_autofree char *db_file = g_strconcat (db_path, db_suffixes[i], NULL);

        if (!jp_output_same_file (path, db_file))
          continue;

        if (i == 0)
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       /* Translators: %s is a file name */
                       _("%s: this is the database itself: an export cannot replace it"),
                       display);
        else
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       /* Translators: a file name, then "-wal", "-shm" or "-journal" */
                       _("%s: this is the database’s %s file: an export cannot replace it"),
                       display, db_suffixes[i]);
        return FALSE;
      }

  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    if (jp_output_same_file (path, inputs[i]))
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     /* Translators: %s is a file name */
                     _("%s: this command also reads this file: an export cannot replace it"),
                     display);
        return FALSE;
      }

  return TRUE;
}

/* ---- Writing ----------------------------------------------------------- */

/* Keeps the first failure; removes the temporary file. */
static gboolean
output_fail (JpOutput  *self,
             int        saved_errno,
             GError   **error)
{
  if (self->saved_errno == 0)
    self->saved_errno = saved_errno;
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->temp_path != NULL)
    {
      g_unlink (self->temp_path);
      g_clear_pointer (&self->temp_path, g_free);
    }

  return fail_errno (self->path, self->saved_errno, error);
}

JpOutput *
jp_output_new (const char  *path,
               GError     **error)
{
  g_autoptr(JpOutput) self = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_path (path, error))
    return NULL;

  self = g_new0 (JpOutput, 1);
  self->fd = -1;
  self->path = g_strdup (path);

  /* A link to a regular file: the file is replaced, the link kept. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && g_stat (path, &st) == 0)
    self->final_path = dup_canonical (path);
  else
    self->final_path = g_strdup (path);

  if (g_stat (self->final_path, &st) == 0)
    {
      self->has_mode = TRUE;
      self->mode = st.st_mode & 07777;
    }

  dir = g_path_get_dirname (self->final_path);
  self->temp_path = g_build_filename (dir, ".jp-XXXXXX", NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp_path, g_free);
      fail_errno (path, saved_errno, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
jp_output_get_path (JpOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

const char *
jp_output_get_temp_path (JpOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

gboolean
jp_output_write (JpOutput    *self,
                 const void  *data,
                 gsize        length,
                 GError     **error)
{
  const char *bytes = data;
  gsize written = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->saved_errno != 0)
    return fail_errno (self->path, self->saved_errno, error);
  if (self->fd < 0)
    return output_fail (self, EBADF, error);

  while (written < length)
    {
      gssize n = write (self->fd, bytes + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return output_fail (self, errno, error);
      if (n == 0)
        return output_fail (self, EIO, error);
      written += (gsize) n;
    }

  return TRUE;
}

gboolean
jp_output_close (JpOutput  *self,
                 GError   **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->saved_errno != 0)
    return fail_errno (self->path, self->saved_errno, error);
  if (self->fd < 0)
    return self->temp_path != NULL || output_fail (self, EBADF, error);

  /* The file it replaces keeps its permissions. */
  if (self->has_mode && fchmod (self->fd, self->mode) != 0)
    return output_fail (self, errno, error);

  if (fsync (self->fd) != 0)
    return output_fail (self, errno, error);

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    return output_fail (self, errno, error);

  return TRUE;
}

gboolean
jp_output_commit (JpOutput  *self,
                  GError   **error)
{
  GStatBuf st;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!jp_output_close (self, error))
    return FALSE;

  /* Still a new name or a regular file? (Something may have taken its
   * place since the check.) */
  if (g_lstat (self->final_path, &st) == 0 && !check_kind (self->path, &st, error))
    {
      output_fail (self, EINVAL, NULL);
      return FALSE;
    }

  if (g_rename (self->temp_path, self->final_path) != 0)
    return output_fail (self, errno, error);

  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

void
jp_output_free (JpOutput *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);

  g_free (self->path);
  g_free (self->final_path);
  g_free (self->temp_path);
  g_free (self);
}

gboolean
jp_output_write_file (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JpOutput) output = jp_output_new (path, error);

  return output != NULL &&
         jp_output_write (output, data, length, error) &&
         jp_output_commit (output, error);
}

/* ---- Terminal text ----------------------------------------------------- */

static gboolean
is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
jp_text_escape_for_terminal (const char *text,
                             gssize      max_chars)
{
  GString *out;
  const char *p;
  const char *end;
  gsize n_chars = 0;
  gsize n_left = 0;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize len;

      if (max_chars > 0 && n_chars >= (gsize) max_chars)
        {
          n_left++;
          if (c == (gunichar) -1 || c == (gunichar) -2)
            p++;
          else
            p = g_utf8_next_char (p);
          continue;
        }
      n_chars++;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
          p++;
          continue;
        }

      len = g_utf8_next_char (p) - p;
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x80 && is_unsafe (c))
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_unsafe (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, len);
      p += len;
    }

  if (n_left > 0)
    {
      g_string_append (out, "…");
      g_string_append_printf (out,
                              /* Translators: after a text cut short on the terminal */
                              g_dngettext (GETTEXT_PACKAGE, " (%u more character)",
                                           " (%u more characters)", n_left),
                              (guint) n_left);
    }

  return g_string_free (out, FALSE);
}
