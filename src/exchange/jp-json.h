#pragma once

#include <gio/gio.h>

#include "jp-model.h"
#include "jp-output.h"

G_BEGIN_DECLS

/* The JSON exchange format of docs/json-format.md, version 2 (reads 1):
 * {"format": "jinfeng-plan", "version": 1, "plans": [...]}.
 *
 * Export writes every field, in the documented order, pretty printed
 * (2 spaces); integral numbers as integers, unset optional fields as null.
 * Import accepts exactly what export writes (export → import → export is
 * byte-identical), ignores unknown members and refuses a newer version.
 * Import errors are JP_IMPORT_ERROR (jp-document-import.h), with messages
 * "NAME: plans[0].sections[2].items[1].indicators[0].target: expected a
 * number" or "NAME:LINE:COLUMN: …" for malformed JSON. */

#define JP_JSON_FORMAT_NAME    "jinfeng-plan"
#define JP_JSON_FORMAT_VERSION 2
/* The deepest nesting the format needs is 11 (root → plans → plan →
 * sections → section → items → item → indicators → indicator → progress →
 * entry); a few more levels are left for unknown members. Anything deeper
 * is refused before parsing. */
#define JP_JSON_MAX_DEPTH      16
/* The largest file imported: the 10,000-item plan with half a million
 * progress entries is 168 MB and takes about 1 GiB to parse; a bigger
 * file is refused before it is read (JP_IMPORT_ERROR_TOO_LARGE). */
#define JP_JSON_MAX_SIZE       (512 * 1024 * 1024)

/* Loads each indicator's whole progress history (which can fail for a plan
 * of a store) and returns the UTF-8 text, ending with a newline. */
char      *jp_json_export_plans (JpPlan      **plans,
                                 guint         n_plans,
                                 gsize        *length,
                                 GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes the export to @path atomically (a failure leaves no half-written
 * file, and an existing file as it was). */
gboolean   jp_json_write_file   (JpPlan      **plans,
                                 guint         n_plans,
                                 const char   *path,
                                 GError      **error);

/* The same into @output (jp-output.h), flushed and closed but not
 * committed: the caller renames it into place with jp_output_commit(). */
gboolean   jp_json_write_output (JpPlan      **plans,
                                 guint         n_plans,
                                 JpOutput     *output,
                                 GError      **error);

/* Validates everything, then builds new plans that are in no store yet
 * (a GPtrArray of JpPlan, owning them; maybe empty). @display_name names
 * the file in messages. */
GPtrArray *jp_json_import_bytes (GBytes       *bytes,
                                 const char   *display_name,
                                 GError      **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *jp_json_import_file  (GFile        *file,
                                 GCancellable *cancellable,
                                 GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
