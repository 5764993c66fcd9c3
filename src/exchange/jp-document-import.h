#pragma once

#include <gio/gio.h>

#include "jp-model.h"

G_BEGIN_DECLS

#define JP_IMPORT_ERROR (jp_import_error_quark ())

typedef enum
{
  JP_IMPORT_ERROR_READ,          /* cannot read the file */
  JP_IMPORT_ERROR_ENCODING,      /* not UTF-8, GB18030 nor Big5 text */
  JP_IMPORT_ERROR_NOT_TEXT,      /* binary, empty */
  JP_IMPORT_ERROR_PARSE,         /* malformed (line or JSON path in message) */
  JP_IMPORT_ERROR_MISSING_FIELD,
  JP_IMPORT_ERROR_BAD_VALUE,
  JP_IMPORT_ERROR_NO_ITEMS,
  JP_IMPORT_ERROR_VERSION,       /* a newer exchange format */
  JP_IMPORT_ERROR_TOO_DEEP,
  JP_IMPORT_ERROR_TOO_LARGE,     /* beyond the limits below */
} JpImportError;

/* A plan document larger than this (bytes), or with more work items, is
 * refused before it is parsed: the 2023 plan has 14 KB and 17 items, the
 * largest benchmark document 10 MB and 18,000. */
#define JP_DOCUMENT_MAX_SIZE  (64 * 1000 * 1000)
#define JP_DOCUMENT_MAX_ITEMS 100000

/* Something suspicious but usable ("item 9: no 责任单位 line"). */
typedef struct
{
  guint  line;    /* 1-based; 0 when none */
  char  *message; /* translated, without file or line */
} JpImportWarning;

void       jp_import_warning_free      (JpImportWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpImportWarning, jp_import_warning_free)

GQuark     jp_import_error_quark       (void);

/* Parses a plan document (.txt/.md; UTF-8 with or without BOM, UTF-16
 * with BOM, GB18030/GBK, or Big5 for traditional characters) into a new
 * plan that is not in any store yet. An invalid byte is an error that names
 * its line and the byte of that line. @display_name
 * names the file in messages: errors read "NAME:LINE: message" (or
 * "NAME: message"), complete for the user. @warnings (out, nullable) receives
 * a GPtrArray of JpImportWarning (the encoding conversion is one of them). */
JpPlan    *jp_document_import_bytes    (GBytes      *bytes,
                                        const char  *display_name,
                                        GPtrArray  **warnings,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
JpPlan    *jp_document_import_file     (GFile        *file,
                                        GCancellable *cancellable,
                                        GPtrArray   **warnings,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
