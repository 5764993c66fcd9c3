#pragma once

#include "jp-dashboard.h"
#include "jp-date-picker.h"
#include "jp-item-page.h"
#include "jp-opening.h"
#include "jp-plan-tree.h"
#include "jp-undo.h"
#include "jp-window.h"

G_BEGIN_DECLS

struct _JpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwToast             *undo_toast;     /* weak: the toast offering Undo */
  GMenu                *undo_section;   /* of the main menu: Undo, Redo */
  GtkMenuButton        *plan_button;
  GtkLabel             *plan_button_label;
  GtkListBox           *plans_list;
  GtkPopover           *plans_popover;
  GtkWidget            *add_button;
  GtkWidget            *primary_menu_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *search_button;
  GtkMenuButton        *as_of_button;
  GtkLabel             *as_of_label;
  GtkPopover           *as_of_popover;
  JpDatePicker         *as_of_picker;
  GtkButton            *as_of_default_button;
  GtkRevealer          *review_revealer;
  GtkLabel             *review_label;
  GtkWidget            *review_leave_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *leader_dropdown;
  GtkDropDown          *unit_dropdown;
  GtkDropDown          *status_dropdown;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  AdwLeaflet           *plan_leaflet;
  GtkWidget            *item_pane;
  GtkWidget            *plan_back_button;
  GtkStack             *tree_stack;
  JpPlanTree           *plan_tree;
  JpItemPage           *item_page;
  GtkBox               *dashboard_slot;
  JpDashboard          *dashboard;

  GSettings            *settings;        /* Owned, NULL without the schema */
  char                 *db_path;
  gboolean              sample_on_create;
  gboolean              read_only;       /* --read-only */
  char                 *review_reason;   /* why the file cannot be written */
  gboolean              review_mode;     /* the menu toggle */
  gboolean              search_mode;

  JpStore              *store;           /* Owned */
  JpPlan               *plan;            /* Owned */
  JpUndo               *undo;            /* Owned */
  GtkStringList        *leader_names;    /* Owned: the leader filter's choices */
  GtkStringList        *unit_names;      /* Owned */
  GtkWindow            *dialog;          /* Weak: the open editor dialog */
  GCancellable         *cancellable;     /* Owned: cancelled on dispose */
  char                 *as_of;           /* the date of every figure; NULL without a plan */
  gulong                plan_changed_id;
  guint                 poll_id;         /* polls for other programs' changes */
  guint                 reload_id;       /* idle: reload after a refused edit */
  gboolean              reloading;
  gboolean              reload_after_failure; /* not another program's change */
  gint64                quiet_until;     /* no poll-driven reload before (monotonic µs) */
  gint64                data_version;    /* the store's when the plan was loaded */
  gint64                pending_body_item; /* a text refused as the plan had changed, */
  char                 *pending_body_old;  /* to save again after the reload when the */
  char                 *pending_body;      /* other program left that text as it was */
  gboolean              updating_filters;
  gboolean              syncing_as_of;   /* passing the date to the dashboard */
  gboolean              open_in_background; /* load the first plan in a thread */
  JpOpening            *opening;         /* Owned until constructed: that load */
  gboolean              loading;         /* that load runs: the store is busy */
  guint                 spinner_id;      /* timeout: spin when the load is slow */
};

/* jp-window.c */
gboolean    _jp_window_get_editable      (JpWindow     *self);
void        _jp_window_show_toast        (JpWindow     *self,
                                          const char   *title,
                                          gboolean      with_undo);
/* Tells the user why an edit failed; the model already shows what the
 * file holds. A read-only error turns review mode on. */
void        _jp_window_report_error      (JpWindow     *self,
                                          const char   *heading,
                                          const GError *error);
void        _jp_window_present_dialog    (JpWindow     *self,
                                          GtkWindow    *dialog);
/* After a change of the plan list (import, open) */
void        _jp_window_reload_plans      (JpWindow     *self);
void        _jp_window_set_plan          (JpWindow     *self,
                                          JpPlan       *plan);
/* Imports the bundled 2023 plan into the store and opens it. */
gboolean    _jp_window_import_sample     (JpWindow     *self,
                                          GError      **error);
void        _jp_window_enter_forced_review (JpWindow   *self,
                                            const char *reason);
/* When another program (or window) committed to the database since the
 * plan was loaded, loads it again, keeping the plan, the selection, the
 * date and the filters, and says so in a toast; TRUE when it did. Put off
 * while an editor dialog is open or, unless @user_acts, while the user
 * types in the item page: the store refuses an edit of a stale plan
 * anyway (JP_STORE_ERROR_CHANGED), and _jp_window_report_error() then
 * reloads. */
gboolean    _jp_window_check_external_changes (JpWindow *self,
                                               gboolean  user_acts);
/* A work point's text the store refused because another program changed
 * the plan (JP_STORE_ERROR_CHANGED): after the reload it is saved on the
 * new copy when the other program did not touch that text; otherwise the
 * user is told and given the text back. */
void        _jp_window_save_body_after_reload (JpWindow   *self,
                                               JpItem     *item,
                                               const char *body);
/* A file dropped on the window: a progress table (.csv, .xlsx) opens the
 * progress import, any other file the plan import. FALSE when the window
 * cannot take it now (review mode; the user is told). */
gboolean    _jp_window_open_dropped_file (JpWindow   *self,
                                          GFile      *file);

/* jp-window-actions.c */
void        _jp_window_class_add_actions (GtkWidgetClass *widget_class);
void        jp_window_update_actions     (JpWindow       *self);
void        _jp_window_move_object       (JpWindow       *self,
                                          GObject        *object,
                                          GObject        *parent,
                                          guint           position);
void        _jp_window_set_body          (JpWindow       *self,
                                          JpItem         *item,
                                          const char     *body);
void        _jp_window_set_people        (JpWindow       *self,
                                          JpItem         *item,
                                          JpPeopleKind    kind,
                                          const char * const *names);
/* Backs the database up (when it holds plans), inserts @plans, opens the
 * first. */
void        _jp_window_import_plans      (JpWindow       *self,
                                          GPtrArray      *plans);
/* Reads a plan document or JSON export in a thread, then previews it
 * (or reports why it cannot be imported): what Import… does with the
 * chosen file. */
void        _jp_window_import_plan_file  (JpWindow       *self,
                                          GFile          *file);
/* Opens the progress import on a CSV or xlsx file. */
void        _jp_window_import_progress_file (JpWindow    *self,
                                             GFile       *file);

G_END_DECLS
