#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writing a file the user named (an export), and text for the terminal.
 *
 * A JpOutput writes into a temporary file with a short name (".jp-XXXXXX")
 * in the folder of its target, so that any name legal there works; every
 * write, the flush to the disk and the close are checked, and only then is
 * the temporary file renamed over the target. On any failure, or when the
 * output is freed without being committed, the temporary file is removed:
 * the target is either the complete new file or what it was before.
 *
 * A target must be a new name or a regular file (a link to one is followed:
 * the file it points to is replaced); a folder, a named pipe, a device or a
 * socket is refused before anything is written. Messages name the target as
 * given, never the temporary file. Errors are G_FILE_ERROR. */

typedef struct _JpOutput JpOutput;

/* Refuses @path, with a message that says why, when it is not a new name
 * nor a regular file, when its folder is missing or its name too long,
 * when it is the database @db_path (or its -wal, -shm or -journal file),
 * or one of @inputs (NULL-terminated; the files a command reads). Files
 * are compared by device and inode when they exist, and by their full
 * path with links resolved. @db_path and @inputs may be NULL. */
gboolean    jp_output_check_target (const char         *path,
                                    const char         *db_path,
                                    const char * const *inputs,
                                    GError            **error);
/* TRUE when @a and @b name the same file (existing or not). */
gboolean    jp_output_same_file    (const char         *a,
                                    const char         *b);

/* Checks @path (as jp_output_check_target() without a database) and
 * creates the temporary file beside it. */
JpOutput   *jp_output_new          (const char         *path,
                                    GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The target, as given. */
const char *jp_output_get_path     (JpOutput           *self);
/* For a library that writes a file by name (it may truncate and rewrite
 * it): the temporary file. */
const char *jp_output_get_temp_path (JpOutput          *self);
/* Appends @length bytes. After a failure every later call fails too and
 * jp_output_commit() refuses: the first error is kept. */
gboolean    jp_output_write        (JpOutput           *self,
                                    const void         *data,
                                    gsize               length,
                                    GError            **error);
/* Flushes the temporary file to the disk and closes it (checked); the
 * target is not touched yet. Called by jp_output_commit() when needed. */
gboolean    jp_output_close        (JpOutput           *self,
                                    GError            **error);
/* Closes, checks the target again, and renames the temporary file over it.
 * On failure the temporary file is removed and the target left as it was. */
gboolean    jp_output_commit       (JpOutput           *self,
                                    GError            **error);
/* Removes the temporary file unless committed, and frees. */
void        jp_output_free         (JpOutput           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpOutput, jp_output_free)

/* @data written to @path through a JpOutput, all or nothing. */
gboolean    jp_output_write_file   (const char         *path,
                                    const void         *data,
                                    gsize               length,
                                    GError            **error);

/* What a file of @mode (st_mode) is, for messages: "a folder", "a named
 * pipe (FIFO)", "a device", "a socket", "a special file"; NULL for a
 * regular file. */
const char *jp_file_kind_describe (guint         mode);

/* @text (UTF-8, valid or not) made safe to print on a terminal, on one
 * line: control characters (C0 with tab and line breaks, DEL, C1) and the
 * bidirectional overrides are shown as escapes ("\n", "\t", "\x1b",
 * "\u202e"), bytes that are not UTF-8 as "\xNN". With @max_chars > 0, text
 * longer than that many characters is cut there, followed by "…" and the
 * number of characters left out. NULL gives "". */
char       *jp_text_escape_for_terminal (const char    *text,
                                         gssize         max_chars) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
