#define G_LOG_DOMAIN "jp-curve-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "jp-curve-editor.h"
#include "jp-ui-util.h"

typedef struct
{
  GtkWidget *row;
  GtkWidget *date;
  GtkWidget *percent;
} Checkpoint;

struct _JpCurveEditor
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *kind_row;
  AdwEntryRow         *term_row;
  GtkWidget           *add_row;
  GtkWidget           *add_button;
  GtkWidget           *error_label;
  GArray              *checkpoints; /* Checkpoint */

  JpPlan              *plan;        /* Owned, nullable */
  gboolean             has_inherit;
  gboolean             inherit_from_item;
  char                *inherited;   /* the inherited spec */
  gboolean             said_linear; /* set_spec ("linear"): kept as it was */
  char                *spec;
  char                *error;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (JpCurveEditor, jp_curve_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (JpCurveEditor *self);

/* The kind the row shows; -1 for inherit. */
static int
selected_kind (JpCurveEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  int kind;

  if (selected == GTK_INVALID_LIST_POSITION)
    return self->has_inherit ? -1 : JP_CURVE_LINEAR;

  kind = (int) selected - (self->has_inherit ? 1 : 0);
  return CLAMP (kind, -1, JP_N_CURVE_KINDS - 1);
}

static void
fill_kinds (JpCurveEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->has_inherit)
    {
      g_autofree char *curve = jp_curve_describe (self->inherited);
      g_autofree char *label = NULL;

      if (self->inherit_from_item)
        /* Translators: the first choice of an indicator's curve: the one its
         * work point has; %s is that curve, e.g. "By quarter" */
        label = g_strdup_printf (_("As the work point: %s"), curve);
      else
        /* Translators: the first choice of a curve: the plan's default;
         * %s is that curve, e.g. "Linear" */
        label = g_strdup_printf (_("As the plan: %s"), curve);
      gtk_string_list_append (labels, label);
    }

  for (guint i = 0; i < JP_N_CURVE_KINDS; i++)
    gtk_string_list_append (labels, jp_curve_kind_get_label (i));

  self->loading = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  self->loading = FALSE;
}

/* ---- checkpoints ---------------------------------------------------------- */

static void
on_entry_changed_cb (JpCurveEditor *self)
{
  if (!self->loading)
    update (self);
}

static void
renumber (JpCurveEditor *self)
{
  for (guint i = 0; i < self->checkpoints->len; i++)
    {
      Checkpoint *c = &g_array_index (self->checkpoints, Checkpoint, i);
      /* Translators: a row of the custom curve: checkpoint 1, 2 … (节点) */
      g_autofree char *title = g_strdup_printf (_("Checkpoint %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->row), title);
    }
}

static void
on_remove_clicked_cb (GtkButton     *button,
                      JpCurveEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->checkpoints->len; i++)
    if (g_array_index (self->checkpoints, Checkpoint, i).row == row)
      {
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
        g_array_remove_index (self->checkpoints, i);
        break;
      }

  renumber (self);
  update (self);
}

static void
add_checkpoint (JpCurveEditor *self,
                const char    *date,
                const char    *percent)
{
  Checkpoint c;
  GtkWidget *sign;
  GtkWidget *remove;

  c.row = adw_action_row_new ();
  c.date = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (c.date), "2023-06-30");
  gtk_editable_set_width_chars (GTK_EDITABLE (c.date), 11);
  gtk_widget_set_valign (c.date, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (c.date), date != NULL ? date : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (c.date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checkpoint date"), -1);

  c.percent = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (c.percent), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (c.percent), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (c.percent), 5);
  gtk_entry_set_alignment (GTK_ENTRY (c.percent), 1);
  gtk_widget_set_valign (c.percent, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (c.percent), percent != NULL ? percent : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (c.percent), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Expected percentage"), -1);

  sign = gtk_label_new ("%");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove the checkpoint"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");

  adw_action_row_add_suffix (ADW_ACTION_ROW (c.row), c.date);
  adw_action_row_add_suffix (ADW_ACTION_ROW (c.row), c.percent);
  adw_action_row_add_suffix (ADW_ACTION_ROW (c.row), sign);
  adw_action_row_add_suffix (ADW_ACTION_ROW (c.row), remove);

  g_signal_connect_object (c.date, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (c.percent, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);

  /* New rows go before the "Add Checkpoint" row. */
  g_object_ref (self->add_row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->add_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), c.row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);
  g_object_unref (self->add_row);

  g_array_append_val (self->checkpoints, c);
  renumber (self);
}

static void
clear_checkpoints (JpCurveEditor *self)
{
  for (guint i = 0; i < self->checkpoints->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_array_index (self->checkpoints, Checkpoint, i).row);
  g_array_set_size (self->checkpoints, 0);
}

/* The next checkpoint's date: the end of the quarter after the last one,
 * within the plan. */
static char *
next_quarter_end (JpCurveEditor *self)
{
  static const char *ends[] = { "03-31", "06-30", "09-30", "12-31" };
  const char *start = self->plan != NULL ? jp_plan_get_start (self->plan) : NULL;
  const char *end = self->plan != NULL ? jp_plan_get_end (self->plan) : NULL;
  g_autofree char *after = NULL;
  int year;

  if (start == NULL || end == NULL || !jp_date_is_valid (start) || !jp_date_is_valid (end))
    return NULL;

  if (self->checkpoints->len > 0)
    {
      Checkpoint *last = &g_array_index (self->checkpoints, Checkpoint, self->checkpoints->len - 1);

      jp_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (last->date)), &after);
    }

  for (year = (int) g_ascii_strtoll (start, NULL, 10); year <= (int) g_ascii_strtoll (end, NULL, 10); year++)
    for (guint q = 0; q < G_N_ELEMENTS (ends); q++)
      {
        g_autofree char *date = g_strdup_printf ("%04d-%s", year, ends[q]);

        if (jp_date_compare (date, start) < 0 || jp_date_compare (date, end) > 0)
          continue;
        if (after != NULL && jp_date_compare (date, after) <= 0)
          continue;
        return g_steal_pointer (&date);
      }

  return NULL;
}

static void
on_add_clicked_cb (JpCurveEditor *self)
{
  g_autofree char *date = next_quarter_end (self);

  add_checkpoint (self, date, NULL);
  update (self);

  {
    Checkpoint *c = &g_array_index (self->checkpoints, Checkpoint, self->checkpoints->len - 1);

    gtk_widget_grab_focus (date != NULL ? c->percent : c->date);
  }
}

/* A custom curve chosen with no checkpoints yet starts from the quarters:
 * 25, 50, 75, 100 % at the quarter ends of the plan year. */
static void
prefill_checkpoints (JpCurveEditor *self)
{
  static const char *percents[] = { "25", "50", "75", "100" };

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autofree char *date = next_quarter_end (self);

      if (date == NULL)
        break;
      add_checkpoint (self, date, percents[i]);
    }
  if (self->checkpoints->len == 0)
    add_checkpoint (self, NULL, NULL);
  self->loading = FALSE;
}

/* ---- checking ------------------------------------------------------------- */

/* The reason of a jp_curve_validate() error, without the spec it quotes. */
static char *
error_reason (const char   *spec,
              const GError *error)
{
  g_autofree char *prefix = g_strdup_printf (_("“%s”: %s"), spec, "");

  if (g_str_has_prefix (error->message, prefix))
    return g_strdup (error->message + strlen (prefix));

  return g_strdup (error->message);
}

static char *
normalize_digits (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (s, (char) ('0' + c - 0xFF10));
      else
        g_string_append_unichar (s, c);
    }

  return g_strstrip (g_string_free (s, FALSE));
}

/* "terms:MM-DD" from "7-15", "07-15", "7/15", "7月15日"; NULL if not a
 * month and day. */
static char *
term_spec (const char *text)
{
  g_autofree char *normal = normalize_digits (text);
  int month, day;
  char sep[8] = "";

  if (normal[0] == '\0')
    return g_strdup ("terms");

  if (sscanf (normal, "%d%7[-/.月]%d", &month, sep, &day) != 3 || sep[0] == '\0')
    return NULL;

  return g_strdup_printf ("terms:%02d-%02d", month, day);
}

static char *
check_checkpoints (JpCurveEditor  *self,
                   char          **spec_out)
{
  g_autoptr(GString) spec = g_string_new ("custom:");
  g_autofree char *previous_iso = NULL;
  double previous_percent = 0;
  char *message = NULL;

  if (self->checkpoints->len == 0)
    return g_strdup (_("Add at least one checkpoint."));

  for (guint i = 0; i < self->checkpoints->len; i++)
    {
      Checkpoint *c = &g_array_index (self->checkpoints, Checkpoint, i);
      g_autofree char *iso = NULL;
      const char *date_message;
      const char *percent_message = NULL;
      double percent = 0;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      date_message = jp_ui_check_plan_date (self->plan, gtk_editable_get_text (GTK_EDITABLE (c->date)),
                                            FALSE, &iso);
      jp_ui_show_invalid (c->date, NULL, date_message);

      if (!jp_ui_parse_number (gtk_editable_get_text (GTK_EDITABLE (c->percent)), &percent) ||
          percent < 0 || percent > 100)
        percent_message = _("Each checkpoint expects a percentage from 0 to 100, such as 50.");
      jp_ui_show_invalid (c->percent, NULL, percent_message);

      /* Out of order: the entry that breaks it is marked; the message is
       * jp_curve_validate()'s, below. */
      if (iso != NULL && previous_iso != NULL && jp_date_compare (iso, previous_iso) <= 0)
        jp_ui_show_invalid (c->date, NULL, "");
      if (percent_message == NULL && i > 0 && percent < previous_percent)
        jp_ui_show_invalid (c->percent, NULL, "");
      if (iso != NULL)
        jp_ui_set_str (&previous_iso, iso);
      if (percent_message == NULL)
        previous_percent = percent;

      if (message == NULL && date_message != NULL)
        /* Translators: an error in a custom curve's checkpoint: "Checkpoint 2: Enter a date" */
        message = g_strdup_printf (_("Checkpoint %u: %s"), i + 1, date_message);
      if (message == NULL && percent_message != NULL)
        message = g_strdup (percent_message);
      if (message != NULL)
        continue;

      if (i > 0)
        g_string_append_c (spec, ',');
      g_string_append_printf (spec, "%s=%s", iso, g_ascii_formatd (buffer, sizeof buffer, "%.6g", percent));
    }

  if (message == NULL)
    *spec_out = g_strdup (spec->str);

  return message;
}

static void
update (JpCurveEditor *self)
{
  int kind = selected_kind (self);
  g_autofree char *spec = NULL;
  g_autofree char *message = NULL;
  const char *subtitle;

  if (self->loading)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->term_row), kind == JP_CURVE_TERMS);
  gtk_widget_set_visible (self->add_row, kind == JP_CURVE_CUSTOM);
  for (guint i = 0; i < self->checkpoints->len; i++)
    gtk_widget_set_visible (g_array_index (self->checkpoints, Checkpoint, i).row, kind == JP_CURVE_CUSTOM);

  if (kind < 0)
    subtitle = jp_curve_kind_get_description (jp_curve_get_kind (self->inherited));
  else
    subtitle = jp_curve_kind_get_description (kind);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), subtitle);

  jp_ui_show_invalid (GTK_WIDGET (self->term_row), NULL, NULL);
  switch (kind)
    {
    case -1:
      break;

    case JP_CURVE_LINEAR:
      /* Without "inherit", linear is the default (NULL), unless the
       * object already says "linear": saving unchanged changes nothing. */
      spec = self->has_inherit || self->said_linear ? g_strdup ("linear") : NULL;
      break;

    case JP_CURVE_QUARTERLY:
    case JP_CURVE_DUE_ONLY:
      spec = g_strdup (jp_curve_kind_to_nick (kind));
      break;

    case JP_CURVE_TERMS:
      spec = term_spec (gtk_editable_get_text (GTK_EDITABLE (self->term_row)));
      if (spec == NULL)
        message = g_strdup (_("Write the end of the spring term as month-day, such as 07-15."));
      jp_ui_show_invalid (GTK_WIDGET (self->term_row), NULL, message);
      break;

    case JP_CURVE_CUSTOM:
      message = check_checkpoints (self, &spec);
      break;

    default:
      g_assert_not_reached ();
    }

  if (message == NULL && spec != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!jp_curve_validate (spec, &error))
        {
          message = error_reason (spec, error);
          if (kind == JP_CURVE_TERMS)
            jp_ui_show_invalid (GTK_WIDGET (self->term_row), NULL, message);
        }
    }

  g_free (self->spec);
  self->spec = message == NULL ? g_steal_pointer (&spec) : NULL;
  g_free (self->error);
  self->error = g_steal_pointer (&message);

  gtk_label_set_text (GTK_LABEL (self->error_label), self->error != NULL ? self->error : "");
  gtk_widget_set_visible (self->error_label, self->error != NULL);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_kind_selected_cb (JpCurveEditor *self)
{
  if (self->loading)
    return;

  if (selected_kind (self) == JP_CURVE_CUSTOM && self->checkpoints->len == 0)
    prefill_checkpoints (self);

  update (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
jp_curve_editor_dispose (GObject *object)
{
  JpCurveEditor *self = (JpCurveEditor *) object;

  g_clear_object (&self->plan);

  G_OBJECT_CLASS (jp_curve_editor_parent_class)->dispose (object);
}

static void
jp_curve_editor_finalize (GObject *object)
{
  JpCurveEditor *self = (JpCurveEditor *) object;

  g_array_unref (self->checkpoints);
  g_free (self->inherited);
  g_free (self->spec);
  g_free (self->error);

  G_OBJECT_CLASS (jp_curve_editor_parent_class)->finalize (object);
}

static void
jp_curve_editor_class_init (JpCurveEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jp_curve_editor_dispose;
  object_class->finalize = jp_curve_editor_finalize;

  /**
   * JpCurveEditor::changed:
   *
   * Emitted after every change of the choice or of a field.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
jp_curve_editor_init (JpCurveEditor *self)
{
  GtkWidget *content;

  self->checkpoints = g_array_new (FALSE, TRUE, sizeof (Checkpoint));

  /* Translators: the group of a target's expected-progress curve (应达进度曲线) */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Expected Progress"));

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  /* Translators: how expected progress grows over the year (曲线) */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Curve"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->kind_row), 3);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->kind_row));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb),
                           self, G_CONNECT_SWAPPED);

  self->term_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->term_row),
                                 _("End of the Spring Term (month-day, e.g. 07-15)"));
  gtk_editable_set_text (GTK_EDITABLE (self->term_row), JP_CURVE_DEFAULT_TERM_END);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->term_row));
  g_signal_connect_object (self->term_row, "changed", G_CALLBACK (on_entry_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Checkpoint"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  /* A preferences row, so that the group puts it in its list. */
  self->add_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->add_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->add_row), self->add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "inline-error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->error_label);

  fill_kinds (self);
  update (self);
}

/* ---- public API ----------------------------------------------------------- */

JpCurveEditor *
jp_curve_editor_new (void)
{
  return g_object_new (JP_TYPE_CURVE_EDITOR, NULL);
}

void
jp_curve_editor_set_plan (JpCurveEditor *self,
                          JpPlan        *plan)
{
  g_return_if_fail (JP_IS_CURVE_EDITOR (self));

  g_set_object (&self->plan, plan);
  update (self);
}

void
jp_curve_editor_set_inherited (JpCurveEditor *self,
                               gboolean       from_item,
                               const char    *spec)
{
  g_return_if_fail (JP_IS_CURVE_EDITOR (self));

  self->has_inherit = TRUE;
  self->inherit_from_item = from_item;
  jp_ui_set_str (&self->inherited, spec);
  fill_kinds (self);
  update (self);
}

void
jp_curve_editor_set_spec (JpCurveEditor *self,
                          const char    *spec)
{
  JpCurveKind kind;
  guint offset;

  g_return_if_fail (JP_IS_CURVE_EDITOR (self));

  offset = self->has_inherit ? 1 : 0;
  self->said_linear = g_strcmp0 (spec, "linear") == 0;
  self->loading = TRUE;
  clear_checkpoints (self);
  gtk_editable_set_text (GTK_EDITABLE (self->term_row), JP_CURVE_DEFAULT_TERM_END);

  if (spec == NULL || spec[0] == '\0' || !jp_curve_validate (spec, NULL))
    {
      adw_combo_row_set_selected (self->kind_row, 0);
      self->loading = FALSE;
      update (self);
      return;
    }

  kind = jp_curve_get_kind (spec);
  if (kind == JP_CURVE_TERMS && g_str_has_prefix (spec, "terms:"))
    gtk_editable_set_text (GTK_EDITABLE (self->term_row), spec + strlen ("terms:"));

  if (kind == JP_CURVE_CUSTOM)
    {
      g_auto(GStrv) parts = g_strsplit (spec + strlen ("custom:"), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *eq = strchr (parts[i], '=');
          g_autofree char *percent = NULL;

          if (eq == NULL)
            continue;
          *eq = '\0';
          percent = jp_format_number (g_ascii_strtod (eq + 1, NULL), FALSE);
          add_checkpoint (self, parts[i], percent);
        }
    }

  adw_combo_row_set_selected (self->kind_row, kind + offset);
  self->loading = FALSE;
  update (self);
}

const char *
jp_curve_editor_get_spec (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), NULL);
  return self->spec;
}

gboolean
jp_curve_editor_get_valid (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), FALSE);
  return self->error == NULL;
}

const char *
jp_curve_editor_get_error (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), NULL);
  return self->error;
}

AdwComboRow *
jp_curve_editor_get_kind_row (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), NULL);
  return self->kind_row;
}

AdwEntryRow *
jp_curve_editor_get_term_row (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), NULL);
  return self->term_row;
}

GtkButton *
jp_curve_editor_get_add_button (JpCurveEditor *self)
{
  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), NULL);
  return GTK_BUTTON (self->add_button);
}

gboolean
jp_curve_editor_get_checkpoint (JpCurveEditor  *self,
                                guint           index,
                                GtkEditable   **date,
                                GtkEditable   **percent)
{
  Checkpoint *c;

  g_return_val_if_fail (JP_IS_CURVE_EDITOR (self), FALSE);

  if (index >= self->checkpoints->len)
    return FALSE;

  c = &g_array_index (self->checkpoints, Checkpoint, index);
  if (date != NULL)
    *date = GTK_EDITABLE (c->date);
  if (percent != NULL)
    *percent = GTK_EDITABLE (c->percent);

  return TRUE;
}

void
jp_curve_editor_select_kind (JpCurveEditor *self,
                             JpCurveKind    kind)
{
  g_return_if_fail (JP_IS_CURVE_EDITOR (self));
  g_return_if_fail (kind < JP_N_CURVE_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind + (self->has_inherit ? 1 : 0));
}
