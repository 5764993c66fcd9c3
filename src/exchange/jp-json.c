/* jp-json.c: the JSON exchange format (docs/json-format.md, version 2; reads 1)
 *
 * Export writes the document as it goes (no JsonNode tree), in the
 * documented member order and exactly as json-glib's generator would.
 * Import first refuses what json-glib must not see (invalid UTF-8,
 * nesting deeper than the format needs: json-glib 1.6 parses recursively),
 * then parses, then checks the presence and type of every member before
 * reading it, as Sysprof does, building plans that belong to no store. Every
 * error names the JSON path of the offending value. */

#define G_LOG_DOMAIN "jp-json"

#include "config.h"

#include "jp-json.h"

#include "jp-document-import.h"
#include "jp-enum-types.h"
#include "jp-limits.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

typedef struct
{
  const char *name;     /* the file, in messages */
  GString    *path;     /* JSON path of the value being read */
  char       *bad_path; /* export: first number that cannot be written */
  char       *bad_text; /* export: first text that is not valid UTF-8 */
} Ctx;

/* ---- JSON paths ------------------------------------------------------ */

static gsize
push_member (Ctx        *ctx,
             const char *member)
{
  gsize old_len = ctx->path->len;

  if (old_len > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, member);

  return old_len;
}

static gsize
push_index (Ctx   *ctx,
            guint  index)
{
  gsize old_len = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);

  return old_len;
}

static void
pop (Ctx   *ctx,
     gsize  old_len)
{
  g_string_truncate (ctx->path, old_len);
}

static gboolean fail (Ctx         *ctx,
                      GError     **error,
                      int          code,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Sets "NAME: PATH: message" and returns FALSE. */
static gboolean
fail (Ctx         *ctx,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->path->len > 0)
    g_set_error (error, JP_IMPORT_ERROR, code, "%s: %s: %s", ctx->name, ctx->path->str, message);
  else
    g_set_error (error, JP_IMPORT_ERROR, code, "%s: %s", ctx->name, message);

  return FALSE;
}

/* ---- Export ---------------------------------------------------------- */

/* The export is written as it is made, without a JsonNode tree, into a
 * buffer that is flushed to the file whenever it holds FLUSH_SIZE bytes
 * (or kept whole for jp_json_export_plans()). The text is byte for byte
 * what json-glib's JsonGenerator writes with pretty printing and an
 * indent of 2 spaces, as earlier versions did; test-json checks it. */

#define FLUSH_SIZE (64 * 1024)
#define MAX_LEVEL  32

typedef struct
{
  GString  *buf;
  JpOutput *output;       /* NULL: everything stays in buf */
  gboolean  write_failed; /* the output keeps the first error */
  guint     level;        /* of the innermost open container */
  gboolean  empty[MAX_LEVEL];
  Ctx      *ctx;          /* the path, for out_string() */
} Out;

static void
out_flush (Out *out)
{
  if (out->output == NULL)
    return;

  if (!out->write_failed && !jp_output_write (out->output, out->buf->str, out->buf->len, NULL))
    out->write_failed = TRUE;

  g_string_truncate (out->buf, 0);
}

static inline void
out_maybe_flush (Out *out)
{
  if (out->output != NULL && out->buf->len >= FLUSH_SIZE)
    out_flush (out);
}

static void
out_indent (Out   *out,
            guint  level)
{
  for (guint i = 0; i < level; i++)
    g_string_append_len (out->buf, "  ", 2);
}

/* json-glib's json_strescape(): \" \\ \b \f \n \r \t, other bytes from
 * 0x01 to 0x1E and 0x7F as \u00XX, everything else (0x1F included) as
 * it is. */
static void
out_escaped (Out        *out,
             const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c != '\\' && c != '"' && !((c > 0 && c < 0x1f) || c == 0x7f))
        continue;

      g_string_append_len (out->buf, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\\':
          g_string_append_len (out->buf, "\\\\", 2);
          break;
        case '"':
          g_string_append_len (out->buf, "\\\"", 2);
          break;
        case '\b':
          g_string_append_len (out->buf, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out->buf, "\\f", 2);
          break;
        case '\n':
          g_string_append_len (out->buf, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out->buf, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out->buf, "\\t", 2);
          break;
        default:
          g_string_append_printf (out->buf, "\\u00%02x", (guint) c);
          break;
        }
    }
  g_string_append_len (out->buf, run, p - run);
}

/* Before a member of the open object (@member) or an element of the open
 * array (NULL). */
static void
out_next (Out        *out,
          const char *member)
{
  if (out->empty[out->level])
    g_string_append_c (out->buf, '\n');
  else
    g_string_append_len (out->buf, ",\n", 2);
  out->empty[out->level] = FALSE;

  out_indent (out, out->level + 1);
  if (member != NULL)
    {
      g_string_append_c (out->buf, '"');
      out_escaped (out, member);
      g_string_append_len (out->buf, "\" : ", 4);
    }
}

static void
out_open (Out        *out,
          const char *member,
          char        bracket)
{
  if (out->level + 1 >= MAX_LEVEL)
    g_error ("jp-json: the export nests deeper than %d levels", MAX_LEVEL);

  out_next (out, member);
  g_string_append_c (out->buf, bracket);
  out->level++;
  out->empty[out->level] = TRUE;
}

/* As JsonGenerator: "[]" for an empty array, but the indent between the
 * braces of an empty object. */
static void
out_close (Out  *out,
           char  bracket)
{
  if (!out->empty[out->level])
    g_string_append_c (out->buf, '\n');
  if (!out->empty[out->level] || bracket == '}')
    out_indent (out, out->level);
  g_string_append_c (out->buf, bracket);
  out->level--;
  out_maybe_flush (out);
}

#define out_begin_object(out, member) out_open ((out), (member), '{')
#define out_end_object(out)           out_close ((out), '}')
#define out_begin_array(out, member)  out_open ((out), (member), '[')
#define out_end_array(out)            out_close ((out), ']')

static void
out_null (Out        *out,
          const char *member)
{
  out_next (out, member);
  g_string_append_len (out->buf, "null", 4);
}

static void
out_int (Out        *out,
         const char *member,
         gint64      value)
{
  out_next (out, member);
  g_string_append_printf (out->buf, "%" G_GINT64_FORMAT, value);
}

static void
out_double (Out        *out,
            const char *member,
            double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  out_next (out, member);
  g_ascii_dtostr (buf, sizeof buf, value);
  g_string_append (out->buf, buf);
  /* As JsonGenerator: a double never reads as an integer. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append_len (out->buf, ".0", 2);
}

static void
out_string (Out        *out,
            const char *member,
            const char *value)
{
  /* A text that is not UTF-8 (a damaged database) would make a file
   * that no reader accepts: the export is refused, naming it. */
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      if (out->ctx != NULL && out->ctx->bad_text == NULL)
        {
          gsize old_len = member != NULL ? push_member (out->ctx, member) : out->ctx->path->len;

          out->ctx->bad_text = g_strdup (out->ctx->path->str);
          pop (out->ctx, old_len);
        }
      value = "";
    }

  out_next (out, member);
  g_string_append_c (out->buf, '"');
  out_escaped (out, value != NULL ? value : "");
  g_string_append_c (out->buf, '"');
}

static void
add_number (Ctx        *ctx,
            Out        *out,
            const char *member,
            double      value)
{
  gsize old_len = push_member (ctx, member);

  if (!isfinite (value) || fabs (value) > JP_VALUE_MAX)
    {
      if (ctx->bad_path == NULL)
        ctx->bad_path = g_strdup (ctx->path->str);
      out_null (out, member);
    }
  else if (value == floor (value))
    /* + 0.0 turns -0.0 into 0 */
    out_int (out, member, (gint64) (value + 0.0));
  else
    out_double (out, member, value);

  pop (ctx, old_len);
}

static void
add_optional_number (Ctx        *ctx,
                     Out        *out,
                     const char *member,
                     gboolean    is_set,
                     double      value)
{
  if (is_set)
    add_number (ctx, out, member, value);
  else
    out_null (out, member);
}

/* A date, or null when not set. */
static void
add_date (Out        *out,
          const char *member,
          const char *value)
{
  if (value != NULL && value[0] != '\0')
    out_string (out, member, value);
  else
    out_null (out, member);
}

static void
add_strv (Out                *out,
          const char         *member,
          const char * const *strv)
{
  out_begin_array (out, member);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    out_string (out, NULL, strv[i]);
  out_end_array (out);
}

/* The names of a GListModel of JpLeader or JpUnit. */
static void
add_names (Out        *out,
           const char *member,
           GListModel *model,
           gboolean    leaders)
{
  guint n = g_list_model_get_n_items (model);

  out_begin_array (out, member);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (leaders)
        out_string (out, NULL, jp_leader_get_name (JP_LEADER (object)));
      else
        out_string (out, NULL, jp_unit_get_name (JP_UNIT (object)));
    }
  out_end_array (out);
}

static void
write_update (Ctx          *ctx,
              Out          *out,
              JpItemUpdate *update)
{
  out_begin_object (out, NULL);
  add_date (out, "date", jp_item_update_get_date (update));
  add_optional_number (ctx, out, "completion",
                       jp_item_update_get_has_completion (update),
                       jp_item_update_get_completion (update));
  out_string (out, "note", jp_item_update_get_note (update));
  out_string (out, "problems", jp_item_update_get_problems (update));
  out_string (out, "next_steps", jp_item_update_get_next_steps (update));
  out_string (out, "author", jp_item_update_get_author (update));
  out_end_object (out);
}

static void
write_entry (Ctx             *ctx,
             Out             *out,
             JpProgressEntry *entry)
{
  out_begin_object (out, NULL);
  add_date (out, "date", jp_progress_entry_get_date (entry));
  add_number (ctx, out, "value", jp_progress_entry_get_value (entry));
  out_string (out, "note", jp_progress_entry_get_note (entry));
  out_string (out, "author", jp_progress_entry_get_author (entry));
  out_end_object (out);
}

static gboolean
write_indicator (Ctx          *ctx,
                 Out          *out,
                 GEnumClass   *kinds,
                 JpIndicator  *indicator,
                 GError      **error)
{
  GEnumValue *kind = g_enum_get_value (kinds, jp_indicator_get_kind (indicator));
  GListModel *progress;
  gsize old_len;
  guint n;

  if (!jp_indicator_ensure_history (indicator, error))
    return FALSE;

  out_begin_object (out, NULL);
  out_string (out, "name", jp_indicator_get_name (indicator));
  out_string (out, "text", jp_indicator_get_text (indicator));
  out_string (out, "kind", kind != NULL ? kind->value_nick : "");
  add_number (ctx, out, "target", jp_indicator_get_target (indicator));
  add_optional_number (ctx, out, "target_max",
                       jp_indicator_get_has_target_max (indicator),
                       jp_indicator_get_target_max (indicator));
  out_string (out, "unit", jp_indicator_get_unit (indicator));
  add_optional_number (ctx, out, "baseline",
                       jp_indicator_get_has_baseline (indicator),
                       jp_indicator_get_baseline (indicator));
  add_date (out, "due", jp_indicator_get_due (indicator));
  add_number (ctx, out, "weight", jp_indicator_get_weight (indicator));
  add_date (out, "curve", jp_indicator_get_curve (indicator));

  out_begin_array (out, "progress");
  old_len = push_member (ctx, "progress");
  progress = jp_indicator_get_progress (indicator);
  n = g_list_model_get_n_items (progress);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpProgressEntry) entry = g_list_model_get_item (progress, i);
      gsize entry_len = push_index (ctx, i);

      write_entry (ctx, out, entry);
      pop (ctx, entry_len);
    }
  pop (ctx, old_len);
  out_end_array (out);

  out_end_object (out);

  return TRUE;
}

static gboolean
write_item (Ctx          *ctx,
            Out          *out,
            GEnumClass   *kinds,
            JpItem       *item,
            GError      **error)
{
  GListModel *updates = jp_item_get_updates (item);
  GListModel *indicators = jp_item_get_indicators (item);
  guint n_updates = g_list_model_get_n_items (updates);
  guint n_indicators = g_list_model_get_n_items (indicators);
  gsize old_len;

  out_begin_object (out, NULL);
  out_int (out, "number", jp_item_get_number (item));
  out_string (out, "title", jp_item_get_title (item));
  out_string (out, "body", jp_item_get_body (item));
  add_names (out, "leaders", jp_item_get_leaders (item), TRUE);
  add_names (out, "units", jp_item_get_units (item), FALSE);
  add_names (out, "partner_units", jp_item_get_partner_units (item), FALSE);
  add_date (out, "due", jp_item_get_due (item));
  add_date (out, "curve", jp_item_get_curve (item));

  out_begin_array (out, "updates");
  old_len = push_member (ctx, "updates");
  for (guint i = 0; i < n_updates; i++)
    {
      g_autoptr(JpItemUpdate) update = g_list_model_get_item (updates, i);
      gsize update_len = push_index (ctx, i);

      write_update (ctx, out, update);
      pop (ctx, update_len);
    }
  pop (ctx, old_len);
  out_end_array (out);

  out_begin_array (out, "indicators");
  old_len = push_member (ctx, "indicators");
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(JpIndicator) indicator = g_list_model_get_item (indicators, i);
      gsize indicator_len = push_index (ctx, i);

      if (!write_indicator (ctx, out, kinds, indicator, error))
        return FALSE;
      pop (ctx, indicator_len);
    }
  pop (ctx, old_len);
  out_end_array (out);

  out_end_object (out);

  return TRUE;
}

static gboolean
write_plan (Ctx          *ctx,
            Out          *out,
            GEnumClass   *kinds,
            JpPlan       *plan,
            GError      **error)
{
  GListModel *sections = jp_plan_get_sections (plan);
  guint n_sections = g_list_model_get_n_items (sections);
  gsize old_len;

  out_begin_object (out, NULL);
  out_string (out, "title", jp_plan_get_title (plan));
  out_int (out, "year", jp_plan_get_year (plan));
  add_strv (out, "organizations", jp_plan_get_organizations (plan));
  add_names (out, "leaders", jp_plan_get_leaders (plan), TRUE);
  add_names (out, "units", jp_plan_get_units (plan), FALSE);
  out_string (out, "preamble", jp_plan_get_preamble (plan));
  add_date (out, "start", jp_plan_get_start (plan));
  add_date (out, "end", jp_plan_get_end (plan));
  add_date (out, "curve", jp_plan_get_curve (plan));
  add_date (out, "report_cycle", jp_plan_get_report_cycle (plan));

  out_begin_array (out, "sections");
  old_len = push_member (ctx, "sections");
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(JpSection) section = g_list_model_get_item (sections, i);
      GListModel *items = jp_section_get_items (section);
      guint n_items = g_list_model_get_n_items (items);
      gsize section_len = push_index (ctx, i);
      gsize items_len;

      out_begin_object (out, NULL);
      out_string (out, "ordinal", jp_section_get_ordinal (section));
      out_string (out, "title", jp_section_get_title (section));
      out_begin_array (out, "items");
      items_len = push_member (ctx, "items");
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(JpItem) item = g_list_model_get_item (items, j);
          gsize item_len = push_index (ctx, j);

          if (!write_item (ctx, out, kinds, item, error))
            return FALSE;
          pop (ctx, item_len);
        }
      pop (ctx, items_len);
      out_end_array (out);
      out_end_object (out);
      pop (ctx, section_len);
    }
  pop (ctx, old_len);
  out_end_array (out);

  out_end_object (out);

  return TRUE;
}

/* Writes the whole export to @out (its buffer, flushed to its file if it
 * has one); a history that cannot be loaded or a number that cannot be
 * written is an error. Write errors are left in @out. */
static gboolean
write_plans (Out      *out,
             JpPlan  **plans,
             guint     n_plans,
             GError  **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (JP_TYPE_INDICATOR_KIND);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *bad_path = NULL;
  g_autofree char *bad_text = NULL;
  Ctx ctx = { "", path, NULL, NULL };
  gboolean ok = TRUE;

  for (guint i = 0; i < n_plans; i++)
    g_return_val_if_fail (JP_IS_PLAN (plans[i]), FALSE);

  /* The root object: level 0, as JsonGenerator indents it. */
  g_string_append_c (out->buf, '{');
  out->level = 0;
  out->empty[0] = TRUE;
  out->ctx = &ctx;
  out_string (out, "format", JP_JSON_FORMAT_NAME);
  out_int (out, "version", JP_JSON_FORMAT_VERSION);
  out_begin_array (out, "plans");
  push_member (&ctx, "plans");
  for (guint i = 0; ok && i < n_plans; i++)
    {
      gsize plan_len = push_index (&ctx, i);

      ok = write_plan (&ctx, out, kinds, plans[i], error);
      pop (&ctx, plan_len);
    }
  out->ctx = NULL;
  bad_path = g_steal_pointer (&ctx.bad_path);
  bad_text = g_steal_pointer (&ctx.bad_text);
  if (!ok)
    return FALSE;

  out_end_array (out);
  g_string_append_len (out->buf, "\n}\n", 3);

  if (bad_text != NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING,
                   /* Translators: %s is a JSON path, "plans[0].sections[1]…" */
                   _("%s: the text is not valid UTF-8 (a damaged database?): "
                     "correct it before exporting"),
                   bad_text);
      return FALSE;
    }

  if (bad_path != NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_BAD_VALUE,
                   /* Translators: %s is a JSON path, "plans[0].sections[1]…" */
                   _("%s: the number is not finite or too large to export"),
                   bad_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * jp_json_export_plans:
 * @plans: (array length=n_plans): the plans
 * @n_plans: how many
 * @length: (out) (optional): the length of the text
 * @error: an error (a progress history that cannot be loaded, a number
 *   that cannot be written)
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 */
char *
jp_json_export_plans (JpPlan  **plans,
                      guint     n_plans,
                      gsize    *length,
                      GError  **error)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  Out out = { buf, NULL, FALSE, 0, { FALSE } };

  g_return_val_if_fail (plans != NULL || n_plans == 0, NULL);

  if (!write_plans (&out, plans, n_plans, error))
    return NULL;

  if (length != NULL)
    *length = buf->len;

  return g_string_free (g_steal_pointer (&buf), FALSE);
}

/**
 * jp_json_write_output:
 *
 * Writes the export of @plans into @output as it is made; the caller
 * commits it (jp_output_commit()).
 */
gboolean
jp_json_write_output (JpPlan    **plans,
                      guint       n_plans,
                      JpOutput   *output,
                      GError    **error)
{
  g_autoptr(GString) buf = NULL;
  Out out = { NULL, output, FALSE, 0, { FALSE } };

  g_return_val_if_fail (plans != NULL || n_plans == 0, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  buf = g_string_sized_new (FLUSH_SIZE + 4096);
  out.buf = buf;
  if (!write_plans (&out, plans, n_plans, error))
    return FALSE;
  out_flush (&out);

  /* Reports the first write error, if any. */
  return jp_output_close (output, error);
}

/**
 * jp_json_write_file:
 *
 * Writes the export of @plans to @path through a JpOutput: a failure
 * leaves no half-written file, and an existing file as it was.
 */
gboolean
jp_json_write_file (JpPlan      **plans,
                    guint         n_plans,
                    const char   *path,
                    GError      **error)
{
  /* The checks of @path are jp_output_new()'s. */
  g_autoptr(JpOutput) output = jp_output_new (path, error);

  return output != NULL &&
         jp_json_write_output (plans, n_plans, output, error) &&
         jp_output_commit (output, error);
}

/* ---- Import: reading members ----------------------------------------- */

/* The member, or NULL (with @error set when @required) when absent. */
static JsonNode *
get_member (Ctx         *ctx,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    {
      gsize old_len = push_member (ctx, member);

      fail (ctx, error, JP_IMPORT_ERROR_MISSING_FIELD, _("required but missing"));
      pop (ctx, old_len);
    }

  return node;
}

static gboolean
node_is_value_of (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A string member. Absent or null: *value = @fallback when the member is
 * optional and nullable. */
static gboolean
read_string (Ctx          *ctx,
             JsonObject   *object,
             const char   *member,
             gboolean      required,
             const char   *fallback,
             const char  **value,
             GError      **error)
{
  JsonNode *node = get_member (ctx, object, member, required, error);
  gboolean ret = TRUE;
  gsize old_len;

  *value = fallback;

  if (node == NULL)
    return !required;

  old_len = push_member (ctx, member);
  if (node_is_value_of (node, G_TYPE_STRING))
    {
      g_autofree char *reason = jp_limits_check_text (json_node_get_string (node), -1);

      if (reason != NULL)
        ret = fail (ctx, error, JP_IMPORT_ERROR_TOO_LARGE, "%s", reason);
      else
        *value = json_node_get_string (node);
    }
  else if (!(JSON_NODE_HOLDS_NULL (node) && !required))
    ret = fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected a string"));
  pop (ctx, old_len);

  return ret;
}

static gboolean
read_int (Ctx         *ctx,
          JsonObject  *object,
          const char  *member,
          int          min,
          int          max,
          int         *value,
          GError     **error)
{
  JsonNode *node = get_member (ctx, object, member, TRUE, error);
  gboolean ret = TRUE;
  gsize old_len;

  if (node == NULL)
    return FALSE;

  old_len = push_member (ctx, member);
  if (!node_is_value_of (node, G_TYPE_INT64))
    {
      ret = fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected an integer"));
    }
  else if (json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE,
                  _("must be between %d and %d"), min, max);
    }
  else
    {
      *value = (int) json_node_get_int (node);
    }
  pop (ctx, old_len);

  return ret;
}

typedef enum
{
  NUMBER_REQUIRED     = 1 << 0, /* else absent or null: *is_set = FALSE */
  NUMBER_NON_NEGATIVE = 1 << 1,
  NUMBER_PERCENT      = 1 << 2, /* 0 to 100 */
} NumberFlags;

static gboolean
read_number (Ctx          *ctx,
             JsonObject   *object,
             const char   *member,
             NumberFlags   flags,
             double        fallback,
             gboolean     *is_set,
             double       *value,
             GError      **error)
{
  gboolean required = (flags & NUMBER_REQUIRED) != 0;
  JsonNode *node = get_member (ctx, object, member, required, error);
  g_autofree char *reason = NULL;
  gboolean ret = TRUE;
  gsize old_len;
  double v;

  *value = fallback;
  if (is_set != NULL)
    *is_set = FALSE;

  if (node == NULL)
    return !required;

  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;

  old_len = push_member (ctx, member);

  if (node_is_value_of (node, G_TYPE_INT64))
    v = (double) json_node_get_int (node);
  else if (node_is_value_of (node, G_TYPE_DOUBLE))
    v = json_node_get_double (node);
  else
    {
      ret = fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected a number"));
      goto out;
    }

  /* check_syntax() refused the written number first, with its cause. */
  if ((reason = jp_limits_check_value (v)) != NULL)
    ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, "%s", reason);
  else if ((flags & NUMBER_NON_NEGATIVE) != 0 && v < 0)
    ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("must not be negative"));
  else if ((flags & NUMBER_PERCENT) != 0 && (v < 0 || v > 100))
    ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("must be between 0 and 100"));
  else
    {
      *value = v + 0.0;
      if (is_set != NULL)
        *is_set = TRUE;
    }

out:
  pop (ctx, old_len);

  return ret;
}

/* A date "YYYY-MM-DD" that exists; NULL when absent or null and not
 * @required. */
static gboolean
read_date (Ctx          *ctx,
           JsonObject   *object,
           const char   *member,
           gboolean      required,
           const char  **value,
           GError      **error)
{
  JsonNode *node = get_member (ctx, object, member, required, error);
  gboolean ret = TRUE;
  gsize old_len;

  *value = NULL;

  if (node == NULL)
    return !required;

  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;

  old_len = push_member (ctx, member);
  if (!node_is_value_of (node, G_TYPE_STRING))
    ret = fail (ctx, error, JP_IMPORT_ERROR_PARSE,
                required ? _("expected a date (YYYY-MM-DD)") :
                           _("expected a date (YYYY-MM-DD) or null"));
  else if (!jp_date_is_valid (json_node_get_string (node)))
    {
      g_autofree char *quoted = jp_limits_quote (json_node_get_string (node), -1);

      ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE,
                  _("%s is not a valid date (YYYY-MM-DD)"), quoted);
    }
  else
    *value = json_node_get_string (node);
  pop (ctx, old_len);

  return ret;
}

typedef gboolean (*SpecValidator) (const char *spec, GError **error);

/* A curve or reporting cycle (jp-curve.h): a string, null or absent (the
 * version 1 format has none). */
static gboolean
read_spec (Ctx           *ctx,
           JsonObject    *object,
           const char    *member,
           SpecValidator  validate,
           const char   **value,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ret = TRUE;
  gsize old_len;

  if (!read_string (ctx, object, member, FALSE, NULL, value, error))
    return FALSE;

  old_len = push_member (ctx, member);
  if (*value != NULL && !validate (*value, &local_error))
    ret = fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, "%s", local_error->message);
  pop (ctx, old_len);

  return ret;
}

/* An optional array member: *array NULL when absent (or null). */
static gboolean
read_array (Ctx          *ctx,
            JsonObject   *object,
            const char   *member,
            gboolean      required,
            JsonArray   **array,
            GError      **error)
{
  JsonNode *node = get_member (ctx, object, member, required, error);
  gboolean ret = TRUE;
  gsize old_len;

  *array = NULL;

  if (node == NULL)
    return !required;

  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;

  old_len = push_member (ctx, member);
  if (JSON_NODE_HOLDS_ARRAY (node))
    *array = json_node_get_array (node);
  else
    ret = fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected an array"));
  pop (ctx, old_len);

  return ret;
}

/* Element @index of @array as an object (the path already ends with the
 * index). */
static JsonObject *
element_object (Ctx        *ctx,
                JsonArray  *array,
                guint       index,
                GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* An optional array of non-empty, distinct strings, as a new strv. */
static gboolean
read_names (Ctx          *ctx,
            JsonObject   *object,
            const char   *member,
            GStrv        *names,
            GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  gsize old_len;
  guint n;

  *names = NULL;

  if (!read_array (ctx, object, member, FALSE, &array, error))
    return FALSE;

  n = array != NULL ? json_array_get_length (array) : 0;
  old_len = push_member (ctx, member);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize element_len = push_index (ctx, i);
      g_autofree char *reason = NULL;
      const char *name;

      if (!node_is_value_of (node, G_TYPE_STRING))
        return fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected a string"));

      name = json_node_get_string (node);
      if (name[0] == '\0')
        return fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("empty name"));
      reason = jp_limits_check_text (name, -1);
      if (reason != NULL)
        return fail (ctx, error, JP_IMPORT_ERROR_TOO_LARGE, "%s", reason);
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          g_autofree char *quoted = jp_limits_quote (name, -1);

          return fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("%s is listed twice"), quoted);
        }

      g_strv_builder_add (builder, name);
      pop (ctx, element_len);
    }
  pop (ctx, old_len);

  *names = g_strv_builder_end (builder);

  return TRUE;
}

/* ---- Import: building the model --------------------------------------- */

static gboolean
read_update (Ctx         *ctx,
             JsonObject  *object,
             JpItem      *item,
             GError     **error)
{
  g_autoptr(JpItemUpdate) update = NULL;
  const char *date, *note, *problems, *next_steps, *author;
  gboolean has_completion;
  double completion;

  if (!read_date (ctx, object, "date", TRUE, &date, error) ||
      !read_number (ctx, object, "completion", NUMBER_PERCENT, 0,
                    &has_completion, &completion, error) ||
      !read_string (ctx, object, "note", FALSE, "", &note, error) ||
      !read_string (ctx, object, "problems", FALSE, "", &problems, error) ||
      !read_string (ctx, object, "next_steps", FALSE, "", &next_steps, error) ||
      !read_string (ctx, object, "author", FALSE, "", &author, error))
    return FALSE;

  update = jp_item_update_new (date);
  jp_item_update_set_has_completion (update, has_completion);
  if (has_completion)
    jp_item_update_set_completion (update, completion);
  jp_item_update_set_note (update, note);
  jp_item_update_set_problems (update, problems);
  jp_item_update_set_next_steps (update, next_steps);
  jp_item_update_set_author (update, author);
  jp_item_add_update (item, update);

  return TRUE;
}

static gboolean
read_entry (Ctx          *ctx,
            JsonObject   *object,
            JpIndicator  *indicator,
            GError      **error)
{
  g_autoptr(JpProgressEntry) entry = NULL;
  const char *date, *note, *author;
  double value;

  if (!read_date (ctx, object, "date", TRUE, &date, error) ||
      !read_number (ctx, object, "value", NUMBER_REQUIRED, 0, NULL, &value, error) ||
      !read_string (ctx, object, "note", FALSE, "", &note, error) ||
      !read_string (ctx, object, "author", FALSE, "", &author, error))
    return FALSE;

  entry = jp_progress_entry_new (date, value);
  jp_progress_entry_set_note (entry, note);
  jp_progress_entry_set_author (entry, author);
  jp_indicator_add_progress (indicator, entry);

  return TRUE;
}

static gboolean
read_indicator (Ctx         *ctx,
                JsonObject  *object,
                JpItem      *item,
                GError     **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (JP_TYPE_INDICATOR_KIND);
  g_autoptr(JpIndicator) indicator = NULL;
  const char *name, *text, *kind_nick, *unit, *due, *curve;
  gboolean has_target_max, has_baseline;
  double target, target_max, baseline, weight;
  GEnumValue *kind;
  JsonArray *progress;
  gsize old_len;
  guint n;

  if (!read_string (ctx, object, "name", TRUE, NULL, &name, error) ||
      !read_string (ctx, object, "text", FALSE, "", &text, error) ||
      !read_string (ctx, object, "kind", TRUE, NULL, &kind_nick, error))
    return FALSE;

  kind = g_enum_get_value_by_nick (kinds, kind_nick);
  if (kind == NULL)
    {
      g_autofree char *quoted = jp_limits_quote (kind_nick, -1);

      old_len = push_member (ctx, "kind");
      fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE,
            /* Translators: do not translate the kind names */
            _("unknown kind %s (expected at_least, at_most, range, decrease_by, "
              "increase_by or milestone)"), quoted);
      pop (ctx, old_len);
      return FALSE;
    }

  if (!read_number (ctx, object, "target", NUMBER_REQUIRED | NUMBER_NON_NEGATIVE, 0,
                    NULL, &target, error) ||
      !read_number (ctx, object, "target_max", NUMBER_NON_NEGATIVE, 0,
                    &has_target_max, &target_max, error))
    return FALSE;

  if (has_target_max && target_max < target)
    {
      old_len = push_member (ctx, "target_max");
      fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("less than the target"));
      pop (ctx, old_len);
      return FALSE;
    }

  if (!read_string (ctx, object, "unit", FALSE, "", &unit, error) ||
      !read_number (ctx, object, "baseline", 0, 0, &has_baseline, &baseline, error) ||
      !read_date (ctx, object, "due", FALSE, &due, error) ||
      !read_number (ctx, object, "weight", NUMBER_NON_NEGATIVE, 1, NULL, &weight, error) ||
      !read_spec (ctx, object, "curve", jp_curve_validate, &curve, error) ||
      !read_array (ctx, object, "progress", FALSE, &progress, error))
    return FALSE;

  indicator = jp_indicator_new (name, kind->value, target);
  jp_indicator_set_text (indicator, text);
  jp_indicator_set_has_target_max (indicator, has_target_max);
  if (has_target_max)
    jp_indicator_set_target_max (indicator, target_max);
  jp_indicator_set_unit (indicator, unit);
  jp_indicator_set_has_baseline (indicator, has_baseline);
  if (has_baseline)
    jp_indicator_set_baseline (indicator, baseline);
  jp_indicator_set_due (indicator, due);
  jp_indicator_set_weight (indicator, weight);
  jp_indicator_set_curve (indicator, curve);

  n = progress != NULL ? json_array_get_length (progress) : 0;
  old_len = push_member (ctx, "progress");
  for (guint i = 0; i < n; i++)
    {
      gsize entry_len = push_index (ctx, i);
      JsonObject *entry = element_object (ctx, progress, i, error);

      if (entry == NULL || !read_entry (ctx, entry, indicator, error))
        return FALSE;
      pop (ctx, entry_len);
    }
  pop (ctx, old_len);

  jp_item_append_indicator (item, indicator);

  return TRUE;
}

/* Leaders or units of an item: names of the plan (added to the plan when
 * its list lacks them). */
static gboolean
read_item_people (Ctx         *ctx,
                  JsonObject  *object,
                  const char  *member,
                  JpPlan      *plan,
                  JpItem      *item,
                  GError     **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  gboolean leaders = g_str_equal (member, "leaders");

  if (!read_names (ctx, object, member, &names, error))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (leaders)
        g_ptr_array_add (objects, jp_plan_ensure_leader (plan, names[i]));
      else
        g_ptr_array_add (objects, jp_plan_ensure_unit (plan, names[i]));
    }

  if (leaders)
    jp_item_set_leaders (item, (JpLeader **) objects->pdata, objects->len);
  else if (g_str_equal (member, "units"))
    jp_item_set_units (item, (JpUnit **) objects->pdata, objects->len);
  else
    jp_item_set_partner_units (item, (JpUnit **) objects->pdata, objects->len);

  return TRUE;
}

static gboolean
read_item (Ctx         *ctx,
           JsonObject  *object,
           JpPlan      *plan,
           JpSection   *section,
           GError     **error)
{
  g_autoptr(JpItem) item = NULL;
  const char *title, *body, *due, *curve;
  JsonArray *updates, *indicators;
  gsize old_len;
  int number;
  guint n;

  if (!read_int (ctx, object, "number", 0, G_MAXINT, &number, error) ||
      !read_string (ctx, object, "title", TRUE, NULL, &title, error) ||
      !read_string (ctx, object, "body", FALSE, "", &body, error))
    return FALSE;

  item = jp_item_new (number, title);
  jp_item_set_body (item, body);

  if (!read_item_people (ctx, object, "leaders", plan, item, error) ||
      !read_item_people (ctx, object, "units", plan, item, error) ||
      !read_item_people (ctx, object, "partner_units", plan, item, error) ||
      !read_date (ctx, object, "due", FALSE, &due, error) ||
      !read_spec (ctx, object, "curve", jp_curve_validate, &curve, error) ||
      !read_array (ctx, object, "updates", FALSE, &updates, error) ||
      !read_array (ctx, object, "indicators", FALSE, &indicators, error))
    return FALSE;

  jp_item_set_due (item, due);
  jp_item_set_curve (item, curve);

  n = updates != NULL ? json_array_get_length (updates) : 0;
  old_len = push_member (ctx, "updates");
  for (guint i = 0; i < n; i++)
    {
      gsize update_len = push_index (ctx, i);
      JsonObject *update = element_object (ctx, updates, i, error);

      if (update == NULL || !read_update (ctx, update, item, error))
        return FALSE;
      pop (ctx, update_len);
    }
  pop (ctx, old_len);

  n = indicators != NULL ? json_array_get_length (indicators) : 0;
  old_len = push_member (ctx, "indicators");
  for (guint i = 0; i < n; i++)
    {
      gsize indicator_len = push_index (ctx, i);
      JsonObject *indicator = element_object (ctx, indicators, i, error);

      if (indicator == NULL || !read_indicator (ctx, indicator, item, error))
        return FALSE;
      pop (ctx, indicator_len);
    }
  pop (ctx, old_len);

  jp_section_append_item (section, item);

  return TRUE;
}

static gboolean
read_section (Ctx         *ctx,
              JsonObject  *object,
              JpPlan      *plan,
              GError     **error)
{
  g_autoptr(JpSection) section = NULL;
  const char *ordinal, *title;
  JsonArray *items;
  gsize old_len;
  guint n;

  if (!read_string (ctx, object, "ordinal", FALSE, "", &ordinal, error) ||
      !read_string (ctx, object, "title", TRUE, NULL, &title, error) ||
      !read_array (ctx, object, "items", FALSE, &items, error))
    return FALSE;

  section = jp_section_new (ordinal, title);
  /* In the plan first, so that items can find its leaders and units. */
  jp_plan_append_section (plan, section);

  n = items != NULL ? json_array_get_length (items) : 0;
  old_len = push_member (ctx, "items");
  for (guint i = 0; i < n; i++)
    {
      gsize item_len = push_index (ctx, i);
      JsonObject *item = element_object (ctx, items, i, error);

      if (item == NULL || !read_item (ctx, item, plan, section, error))
        return FALSE;
      pop (ctx, item_len);
    }
  pop (ctx, old_len);

  return TRUE;
}

static JpPlan *
read_plan (Ctx         *ctx,
           JsonObject  *object,
           GError     **error)
{
  g_autoptr(JpPlan) plan = NULL;
  g_auto(GStrv) organizations = NULL;
  g_auto(GStrv) leaders = NULL;
  g_auto(GStrv) units = NULL;
  const char *title, *preamble, *start, *end, *curve, *report_cycle;
  JsonArray *sections;
  gsize old_len;
  int year;
  guint n;

  if (!read_string (ctx, object, "title", TRUE, NULL, &title, error) ||
      !read_int (ctx, object, "year", 1, 9999, &year, error) ||
      !read_names (ctx, object, "organizations", &organizations, error) ||
      !read_names (ctx, object, "leaders", &leaders, error) ||
      !read_names (ctx, object, "units", &units, error) ||
      !read_string (ctx, object, "preamble", FALSE, "", &preamble, error) ||
      !read_date (ctx, object, "start", FALSE, &start, error) ||
      !read_date (ctx, object, "end", FALSE, &end, error) ||
      !read_spec (ctx, object, "curve", jp_curve_validate, &curve, error) ||
      !read_spec (ctx, object, "report_cycle", jp_cycle_validate, &report_cycle, error) ||
      !read_array (ctx, object, "sections", FALSE, &sections, error))
    return NULL;

  plan = jp_plan_new (title, year);
  jp_plan_set_organizations (plan, (const char * const *) organizations);
  for (guint i = 0; leaders[i] != NULL; i++)
    jp_plan_ensure_leader (plan, leaders[i]);
  for (guint i = 0; units[i] != NULL; i++)
    jp_plan_ensure_unit (plan, units[i]);
  jp_plan_set_preamble (plan, preamble);
  jp_plan_set_curve (plan, curve);
  jp_plan_set_report_cycle (plan, report_cycle);
  if (start != NULL)
    jp_plan_set_start (plan, start);
  if (end != NULL)
    jp_plan_set_end (plan, end);

  if (jp_date_compare (jp_plan_get_start (plan), jp_plan_get_end (plan)) > 0)
    {
      old_len = push_member (ctx, "end");
      fail (ctx, error, JP_IMPORT_ERROR_BAD_VALUE, _("before the start of the plan"));
      pop (ctx, old_len);
      return NULL;
    }

  n = sections != NULL ? json_array_get_length (sections) : 0;
  old_len = push_member (ctx, "sections");
  for (guint i = 0; i < n; i++)
    {
      gsize section_len = push_index (ctx, i);
      JsonObject *section = element_object (ctx, sections, i, error);

      if (section == NULL || !read_section (ctx, section, plan, error))
        return NULL;
      pop (ctx, section_len);
    }
  pop (ctx, old_len);

  return g_steal_pointer (&plan);
}

/* ---- Import: before parsing ------------------------------------------ */

static guint
count_lines (const char *data,
             gsize       end)
{
  guint line = 1;

  for (gsize i = 0; i < end; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* The value of the 4 hex digits at @at, or -1. */
static int
parse_hex4 (const char *data,
            gsize       length,
            gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;

  for (gsize k = at; k < at + 4; k++)
    {
      int digit = g_ascii_xdigit_value (data[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The most objects and arrays a file may hold: three times a plan of
 * 10,000 items with 5 indicators of 10 progress entries each. */
#define MAX_CONTAINERS 2000000u

/* ---- Import: the syntax json-glib does not check ----------------------- */

/* An object's member names, to refuse one given twice (json-glib keeps
 * the last silently): compared in a list while an object has few, in a
 * set beyond. */
#define FEW_KEYS 16

typedef struct
{
  const char *p;   /* in the data, or in Scan.owned when it had escapes */
  gsize       len;
} Key;

typedef struct
{
  gboolean    object;
  gboolean    expect_key;  /* objects: the next string names a member */
  guint       index;       /* arrays: the element being read */
  Key         key;         /* objects: the member being read */
  GArray     *keys;        /* of Key */
  GHashTable *key_set;     /* of owned strings, once there are many keys */
} Frame;

typedef struct
{
  Ctx        *ctx;
  const char *data;
  gsize       length;
  Frame       frames[JP_JSON_MAX_DEPTH + 1];
  guint       depth;
  GPtrArray  *owned;       /* decoded member names */
} Scan;

static void
scan_clear (Scan *scan)
{
  for (guint i = 0; i < G_N_ELEMENTS (scan->frames); i++)
    {
      g_clear_pointer (&scan->frames[i].keys, g_array_unref);
      g_clear_pointer (&scan->frames[i].key_set, g_hash_table_unref);
    }
  g_clear_pointer (&scan->owned, g_ptr_array_unref);
}

/* The JSON path of the value being read, into ctx->path. */
static void
scan_set_path (Scan *scan)
{
  Ctx *ctx = scan->ctx;

  g_string_truncate (ctx->path, 0);
  for (guint i = 0; i < scan->depth; i++)
    {
      Frame *frame = &scan->frames[i];

      if (!frame->object)
        g_string_append_printf (ctx->path, "[%u]", frame->index);
      else if (frame->key.p != NULL)
        {
          g_autofree char *valid = g_utf8_make_valid (frame->key.p, (gssize) frame->key.len);

          if (ctx->path->len > 0)
            g_string_append_c (ctx->path, '.');
          g_string_append (ctx->path, valid);
        }
    }
}

/* "NAME: PATH: message", FALSE. */
static gboolean
scan_fail (Scan        *scan,
           GError     **error,
           int          code,
           const char  *message)
{
  scan_set_path (scan);
  fail (scan->ctx, error, code, "%s", message);
  g_string_truncate (scan->ctx->path, 0);

  return FALSE;
}

/* The string between the quotes at @start and @end, escapes decoded
 * (they were checked: valid, no lone surrogate). */
static char *
decode_string (const char *data,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_sized_new (end - start);

  for (gsize i = start; i < end; i++)
    {
      char c = data[i];

      if (c != '\\' || i + 1 >= end)
        {
          g_string_append_c (out, c);
          continue;
        }

      c = data[++i];
      switch (c)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int unit = parse_hex4 (data, end, i + 1);
            gunichar cp = unit < 0 ? 0xFFFD : (gunichar) unit;

            i += 4;
            if (unit >= 0xD800 && unit <= 0xDBFF && i + 6 < end)
              {
                int low = parse_hex4 (data, end, i + 3);

                if (low >= 0xDC00 && low <= 0xDFFF)
                  {
                    cp = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
                    i += 6;
                  }
              }
            g_string_append_unichar (out, cp);
          }
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* A member name of the innermost object (between the quotes at @start
 * and @end): FALSE when the object already has it. */
static gboolean
scan_key (Scan     *scan,
          gsize     start,
          gsize     end,
          gboolean  escaped,
          GError  **error)
{
  Frame *frame = &scan->frames[scan->depth - 1];
  Key key = { scan->data + start, end - start };
  gboolean seen = FALSE;

  if (escaped)
    {
      char *decoded = decode_string (scan->data, start, end);

      g_ptr_array_add (scan->owned, decoded);
      key.p = decoded;
      key.len = strlen (decoded);
    }

  if (frame->key_set != NULL)
    seen = !g_hash_table_add (frame->key_set, g_strndup (key.p, key.len));
  else
    {
      for (guint k = 0; k < frame->keys->len && !seen; k++)
        {
          Key *other = &g_array_index (frame->keys, Key, k);

          seen = other->len == key.len && memcmp (other->p, key.p, key.len) == 0;
        }
      g_array_append_val (frame->keys, key);
      if (frame->keys->len > FEW_KEYS)
        {
          frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint k = 0; k < frame->keys->len; k++)
            {
              Key *other = &g_array_index (frame->keys, Key, k);

              g_hash_table_add (frame->key_set, g_strndup (other->p, other->len));
            }
        }
    }

  frame->key = key;
  frame->expect_key = FALSE;

  if (seen)
    return scan_fail (scan, error, JP_IMPORT_ERROR_PARSE,
                      _("the member is given twice in the same object"));

  return TRUE;
}

/* A number token as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const char *token,
                gsize       len)
{
  gsize i = 0;

  if (i < len && token[i] == '-')
    i++;
  if (i < len && token[i] == '0')
    i++;
  else if (i < len && token[i] >= '1' && token[i] <= '9')
    while (i < len && g_ascii_isdigit (token[i]))
      i++;
  else
    return FALSE;

  if (i < len && token[i] == '.')
    {
      gsize digits = ++i;

      while (i < len && g_ascii_isdigit (token[i]))
        i++;
      if (i == digits)
        return FALSE;
    }

  if (i < len && (token[i] == 'e' || token[i] == 'E'))
    {
      gsize digits;

      i++;
      if (i < len && (token[i] == '+' || token[i] == '-'))
        i++;
      digits = i;
      while (i < len && g_ascii_isdigit (token[i]))
        i++;
      if (i == digits)
        return FALSE;
    }

  return i == len;
}

/* The number token at @start: a JSON number the program can store
 * (json-glib 1.6 also reads 0x5A, 05, .5 and 1.). Its end in @end. */
static gboolean
scan_number (Scan     *scan,
             gsize     start,
             gsize    *end,
             GError  **error)
{
  g_autofree char *token = NULL;
  g_autofree char *reason = NULL;
  gsize i = start;

  while (i < scan->length && (g_ascii_isalnum (scan->data[i]) || scan->data[i] == '.' ||
                              scan->data[i] == '+' || scan->data[i] == '-'))
    i++;
  *end = i;

  token = g_strndup (scan->data + start, i - start);
  if (!is_json_number (token, i - start))
    {
      g_autofree char *quoted = jp_limits_quote (token, -1);

      /* "0x5A": the general parser names hexadecimal */
      reason = jp_limits_parse_number (token, JP_NUMBER_EXPONENT, NULL);
      if (reason != NULL && strstr (token, "x") != NULL)
        return scan_fail (scan, error, JP_IMPORT_ERROR_PARSE, reason);
      g_free (reason);
      reason = g_strdup_printf (/* Translators: %s is the quoted token, “05” or “.5” */
                                _("%s is not a JSON number (digits without leading zeros, "
                                  "an optional fraction and exponent)"), quoted);
      return scan_fail (scan, error, JP_IMPORT_ERROR_PARSE, reason);
    }

  reason = jp_limits_parse_number (token, JP_NUMBER_EXPONENT, NULL);
  if (reason != NULL)
    return scan_fail (scan, error, JP_IMPORT_ERROR_BAD_VALUE, reason);

  return TRUE;
}

/* Before json-glib sees the data: json-glib 1.6 parses recursively
 * (refuse deep nesting), reads the first of several values, decodes a
 * lone surrogate into invalid UTF-8, cuts a string at "\u0000", keeps
 * the last of two members of the same name, reads 0x5A as 90, 'strings'
 * and comments: each is refused here, with the line or the JSON path.
 * Brackets inside strings do not count. */
static gboolean
check_syntax (Ctx         *ctx,
              const char  *data,
              gsize        length,
              GError     **error)
{
  Scan scan = { ctx, data, length, { { 0 } }, 0, g_ptr_array_new_with_free_func (g_free) };
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;    /* the string being read has an escape */
  gboolean closed = FALSE;     /* the top-level value has ended */
  gboolean ok = FALSE;
  guint containers = 0;
  gsize string_start = 0;
  gsize start = 0;

  /* The format is one object. json-glib 1.6 reads "\"a\" {…}" as "a" and
   * leaks the rest: refuse a scalar before it sees the data (an array is
   * left to it, for its line and column; a second value after an array
   * or object is refused below). */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < length && (data[start] == ' ' || data[start] == '\t' ||
                            data[start] == '\n' || data[start] == '\r'))
    start++;
  if (start < length && data[start] != '{' && data[start] != '[')
    {
      fail (ctx, error, JP_IMPORT_ERROR_PARSE, _("expected a JSON object"));
      goto out;
    }

  for (gsize i = start; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length && data[i + 1] == 'u')
            {
              /* json-glib turns a lone UTF-16 surrogate ("\ud800") into
               * invalid UTF-8: refuse it. */
              int unit = parse_hex4 (data, length, i + 2);

              escaped = TRUE;
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  int low = i + 7 < length && data[i + 6] == '\\' && data[i + 7] == 'u' ?
                            parse_hex4 (data, length, i + 8) : -1;

                  if (low < 0xDC00 || low > 0xDFFF)
                    unit = -2;
                  else
                    i += 6;
                }
              else if (unit >= 0xDC00 && unit <= 0xDFFF)
                unit = -2;
              else if (unit < 0)
                unit = -3;

              /* json-glib 1.6 leaks on a bad "\u" escape. */
              if (unit == -3)
                {
                  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                               _("%s:%u: a string holds an invalid escape (\\u without 4 hex digits)"),
                               ctx->name, count_lines (data, i));
                  goto out;
                }

              if (unit == -2)
                {
                  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING,
                               _("%s:%u: not valid UTF-8 text (a lone UTF-16 surrogate)"),
                               ctx->name, count_lines (data, i));
                  goto out;
                }

              /* json-glib would cut the text there. */
              if (unit == 0)
                {
                  scan_fail (&scan, error, JP_IMPORT_ERROR_BAD_VALUE,
                             _("the text holds a NUL character (U+0000), which cannot be stored"));
                  goto out;
                }
              i++;
            }
          else if (c == '\\')
            {
              if (i + 1 < length && strchr ("\"\\/bfnrt", data[i + 1]) == NULL)
                {
                  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                               _("%s:%u: a string holds an invalid escape (\\ before “%c”)"),
                               ctx->name, count_lines (data, i),
                               g_ascii_isprint (data[i + 1]) ? data[i + 1] : '?');
                  goto out;
                }
              escaped = TRUE;
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (scan.depth > 0 && scan.frames[scan.depth - 1].object &&
                  scan.frames[scan.depth - 1].expect_key &&
                  !scan_key (&scan, string_start, i, escaped, error))
                goto out;
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          escaped = FALSE;
          string_start = i + 1;
          break;

        case '[':
        case '{':
          /* json-glib 1.6 reads the first of "{…}{…}" and drops the rest. */
          if (scan.depth == 0 && closed)
            {
              g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                           _("%s:%u: more data after the end of the JSON document"),
                           ctx->name, count_lines (data, i));
              goto out;
            }
          /* json-glib holds the whole tree, ~300 bytes per object: 50 MB
           * of "{}," would take 5 GB. */
          if (++containers > MAX_CONTAINERS)
            {
              g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                           _("%s:%u: too many objects and arrays for a plan file (more than %u)"),
                           ctx->name, count_lines (data, i), MAX_CONTAINERS);
              goto out;
            }
          if (scan.depth + 1 > JP_JSON_MAX_DEPTH)
            {
              g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_DEEP,
                           _("%s:%u: nested deeper than the format allows (%d levels)"),
                           ctx->name, count_lines (data, i), JP_JSON_MAX_DEPTH);
              goto out;
            }
          {
            Frame *frame = &scan.frames[scan.depth++];

            frame->object = c == '{';
            frame->expect_key = frame->object;
            frame->index = 0;
            frame->key.p = NULL;
            frame->key.len = 0;
            if (frame->keys == NULL)
              frame->keys = g_array_new (FALSE, FALSE, sizeof (Key));
            g_array_set_size (frame->keys, 0);
            g_clear_pointer (&frame->key_set, g_hash_table_unref);
          }
          break;

        case ']':
        case '}':
          if (scan.depth > 0 && --scan.depth == 0)
            closed = TRUE;
          break;

        case ',':
          if (scan.depth > 0)
            {
              Frame *frame = &scan.frames[scan.depth - 1];

              if (frame->object)
                frame->expect_key = TRUE;
              else
                frame->index++;
            }
          break;

        case '\'':
        case '/':
          /* json-glib 1.6 also reads 'strings' and skips comments. */
          g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                       c == '/' ? _("%s:%u: a comment, which JSON does not allow")
                                : _("%s:%u: a string in single quotes: JSON strings are in double quotes"),
                       ctx->name, count_lines (data, i));
          goto out;

        default:
          if (g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.')
            {
              gsize end;

              if (!scan_number (&scan, i, &end, error))
                goto out;
              i = end - 1;
            }
          break;
        }
    }

  ok = TRUE;

out:
  scan_clear (&scan);
  return ok;
}

/* "<data>:3:2: Parse error: …" → "NAME:3:2: Parse error: …" */
static void
set_parse_error (Ctx          *ctx,
                 const GError *parse_error,
                 GError      **error)
{
  /* json-glib quotes the bad token, which may be invalid UTF-8 (a lone
   * surrogate escape "\ud800" decodes to one). */
  g_autofree char *valid = g_utf8_make_valid (parse_error->message, -1);
  const char *message = valid;

  if (g_str_has_prefix (message, "<data>:"))
    g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                 "%s:%s", ctx->name, message + strlen ("<data>:"));
  else
    g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_PARSE,
                 "%s: %s", ctx->name, message);
}

/**
 * jp_json_import_bytes:
 * @bytes: the JSON text
 * @display_name: names the file in messages
 * @error: a JP_IMPORT_ERROR
 *
 * Returns: (transfer full) (element-type JpPlan): the new plans, in no
 *   store, or NULL on error
 */
static gboolean
check_size (Ctx      *ctx,
            guint64   size,
            GError  **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (size <= JP_JSON_MAX_SIZE)
    return TRUE;

  size_text = g_format_size (size);
  limit_text = g_format_size (JP_JSON_MAX_SIZE);
  g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_TOO_LARGE,
               /* Translators: "%s: the file is too large (600.0 MB): …" */
               _("%s: the file is too large (%s): a plan file may have at most %s"),
               ctx->name, size_text, limit_text);
  return FALSE;
}

GPtrArray *
jp_json_import_bytes (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GError) parse_error = NULL;
  Ctx ctx = { display_name != NULL ? display_name : "", path, NULL };
  const char *data, *end, *format, *encoding;
  JsonObject *root_object;
  JsonArray *plan_array;
  JsonNode *root;
  gsize length;
  int version;
  guint n;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (!check_size (&ctx, length, error))
    return NULL;

  encoding = jp_limits_check_encoding ((const guint8 *) data, length, FALSE);
  if (encoding != NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING, "%s: %s", ctx.name, encoding);
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_ENCODING,
                   _("%s:%u: not valid UTF-8 text"),
                   ctx.name, count_lines (data, (gsize) (end - data)));
      return NULL;
    }

  if (!check_syntax (&ctx, data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      set_parse_error (&ctx, parse_error, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_NOT_TEXT,
                   _("%s: empty file"), ctx.name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&ctx, error, JP_IMPORT_ERROR_PARSE, _("expected a JSON object"));
      return NULL;
    }
  root_object = json_node_get_object (root);

  if (!read_string (&ctx, root_object, "format", TRUE, NULL, &format, error))
    return NULL;
  if (!g_str_equal (format, JP_JSON_FORMAT_NAME))
    {
      push_member (&ctx, "format");
      fail (&ctx, error, JP_IMPORT_ERROR_BAD_VALUE,
            _("not a plan file (expected “%s”)"), JP_JSON_FORMAT_NAME);
      return NULL;
    }

  if (!read_int (&ctx, root_object, "version", 1, G_MAXINT, &version, error))
    return NULL;
  if (version > JP_JSON_FORMAT_VERSION)
    {
      push_member (&ctx, "version");
      fail (&ctx, error, JP_IMPORT_ERROR_VERSION,
            _("version %d was written by a newer version of this program "
              "(this one reads version %d)"), version, JP_JSON_FORMAT_VERSION);
      return NULL;
    }

  if (!read_array (&ctx, root_object, "plans", TRUE, &plan_array, error))
    return NULL;

  plans = g_ptr_array_new_with_free_func (g_object_unref);
  n = json_array_get_length (plan_array);
  push_member (&ctx, "plans");
  for (guint i = 0; i < n; i++)
    {
      gsize plan_len = push_index (&ctx, i);
      JsonObject *object = element_object (&ctx, plan_array, i, error);
      JpPlan *plan;

      if (object == NULL)
        return NULL;

      plan = read_plan (&ctx, object, error);
      if (plan == NULL)
        return NULL;

      g_ptr_array_add (plans, plan);
      pop (&ctx, plan_len);
    }

  return g_steal_pointer (&plans);
}

/**
 * jp_json_import_file:
 *
 * Reads @file and imports it (messages name the file by its parse name).
 *
 * Returns: (transfer full) (element-type JpPlan): the new plans, or NULL
 */
GPtrArray *
jp_json_import_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  /* Refused before it is read, and read no further than the limit. */
  bytes = jp_file_load_bounded (file, JP_JSON_MAX_SIZE, cancellable, &size, &read_error);
  if (bytes == NULL)
    {
      Ctx ctx = { name, NULL, NULL, NULL };

      if (g_error_matches (read_error, JP_FILE_ERROR, JP_FILE_ERROR_TOO_LARGE) &&
          !check_size (&ctx, MAX (size, (guint64) JP_JSON_MAX_SIZE + 1), error))
        return NULL;
      g_set_error (error, JP_IMPORT_ERROR, JP_IMPORT_ERROR_READ,
                   "%s: %s", name, read_error->message);
      return NULL;
    }

  return jp_json_import_bytes (bytes, name, error);
}
