#define G_LOG_DOMAIN "jp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "jp-opening.h"
#include "jp-store-backup.h"

/* A database being opened for a window, and the plan it shows first being
 * read in a worker thread.
 *
 * The application makes one as soon as it knows the file, before GTK and
 * libadwaita start: the plan is read while they start and the window is
 * built, and the window takes the store, its list of plans and the plan
 * from here. Nothing else uses the store until the plan is read (the
 * window disables whatever would); the objects are handed to the main
 * thread only when the load is complete. Uses no GTK. */

struct _JpOpening
{
  GObject    parent_instance;

  char      *path;
  gboolean   read_only;
  JpStore   *store;         /* Owned; NULL when it could not be opened */
  GError    *error;         /* why not */
  char      *review_reason; /* read-only although writing was asked */
  GPtrArray *plans;         /* JpPlanInfo */
  gint64     plan_id;       /* the plan being read; 0: none */
  gint64     data_version;  /* the store's when the read began */

  gboolean   loaded;        /* the thread has returned: */
  JpPlan    *plan;          /* its plan, */
  GError    *load_error;    /* or why not */
  GTask     *waiter;        /* jp_opening_load_plan_async() before that */
};

G_DEFINE_FINAL_TYPE (JpOpening, jp_opening, G_TYPE_OBJECT)

JpStore *
jp_opening_open_store (const char  *path,
                       gboolean     read_only,
                       char       **review_reason,
                       GError     **error)
{
  gboolean is_memory = g_strcmp0 (path, ":memory:") == 0;
  gboolean existed = is_memory || g_file_test (path, G_FILE_TEST_EXISTS);
  gboolean writable = !existed || is_memory || g_access (path, W_OK) == 0;
  g_autoptr(GError) local_error = NULL;
  JpStore *store;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (review_reason != NULL && *review_reason == NULL, NULL);

  if (read_only)
    return jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, error);

  if (!writable)
    {
      store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, error);
      if (store != NULL)
        *review_reason = g_strdup (_("Review mode: you may not change this database file "
                                     "(it is read-only). Everything can be seen; nothing "
                                     "can be changed."));
      return store;
    }

  store = jp_store_open (path, JP_STORE_FLAGS_NONE, &local_error);
  if (store == NULL &&
      (g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_NEWER_SCHEMA) ||
       g_error_matches (local_error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY)))
    {
      g_autofree char *reason = g_strdup_printf (_("Review mode: %s"), local_error->message);

      store = jp_store_open (path, JP_STORE_FLAGS_READ_ONLY, error);
      if (store != NULL)
        *review_reason = g_steal_pointer (&reason);
      return store;
    }
  if (store == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (jp_store_get_read_only (store))
    *review_reason = g_strdup (_("Review mode: this database cannot be written. "
                                 "Everything can be seen; nothing can be changed."));
  return store;
}

/* ---- the load ------------------------------------------------------------ */

static void
load_plan_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  JpOpening *self = task_data;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();
  JpPlan *plan;

  /* Only the store and the plan id are used here, set before the thread
   * began and not changed while it runs. */
  plan = jp_store_load_plan (self->store, self->plan_id, &error);
  g_debug ("Plan %" G_GINT64_FORMAT " loaded in a thread in %.1f ms", self->plan_id,
           (g_get_monotonic_time () - start) / 1000.0);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
return_to_waiter (JpOpening *self)
{
  g_autoptr(GTask) waiter = g_steal_pointer (&self->waiter);

  if (self->plan != NULL)
    g_task_return_pointer (waiter, g_object_ref (self->plan), g_object_unref);
  else
    g_task_return_error (waiter, g_error_copy (self->load_error));
}

static void
on_plan_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* The task does not hold the opening (its last reference could go in
   * the worker thread): the callback's data does, released here. */
  g_autoptr(JpOpening) self = user_data;

  self->plan = g_task_propagate_pointer (G_TASK (result), &self->load_error);
  self->loaded = TRUE;
  if (self->waiter != NULL)
    return_to_waiter (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
jp_opening_finalize (GObject *object)
{
  JpOpening *self = (JpOpening *) object;

  g_assert (self->waiter == NULL);

  g_free (self->path);
  g_clear_object (&self->store);
  g_clear_error (&self->error);
  g_free (self->review_reason);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (jp_opening_parent_class)->finalize (object);
}

static void
jp_opening_class_init (JpOpeningClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_opening_finalize;
}

static void
jp_opening_init (JpOpening *self)
{
}

/**
 * jp_opening_choose_plan:
 * @store: the database
 * @plans: (element-type JpPlanInfo) (nullable): its plans, as listed
 * @settings: (nullable): the application's settings
 *
 * The plan to show: the one shown last (@settings' "last-plan") if @plans
 * still has it, else the latest; 0 when there is none.
 */
gint64
jp_opening_choose_plan (JpStore   *store,
                        GPtrArray *plans,
                        GSettings *settings)
{
  gint64 last = settings != NULL ? g_settings_get_int64 (settings, "last-plan") : 0;

  for (guint i = 0; last != 0 && plans != NULL && i < plans->len; i++)
    {
      JpPlanInfo *info = g_ptr_array_index (plans, i);

      if (info->id == last)
        return last;
    }

  return jp_store_get_latest_plan_id (store, NULL);
}

/**
 * jp_opening_new:
 * @path: the database file (it should exist: a new one gets the bundled
 *   plan from the window, not from here)
 * @read_only: open it read-only (review mode)
 * @settings: (nullable): the application's settings: how many backups to
 *   keep, the plan shown last
 *
 * Opens the database now and starts reading its plan in a worker thread.
 * Whether it could be opened, and why it is read-only, is known at once.
 */
JpOpening *
jp_opening_new (const char *path,
                gboolean    read_only,
                GSettings  *settings)
{
  JpOpening *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JP_TYPE_OPENING, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  /* Backups (before a migration, an import) keep as many as Preferences say. */
  if (settings != NULL)
    jp_store_set_backup_policy (NULL, (guint) MAX (0, g_settings_get_int (settings, "backups-to-keep")));

  self->store = jp_opening_open_store (path, read_only, &self->review_reason, &self->error);
  if (self->store == NULL)
    return self;

  self->plans = jp_store_list_plans (self->store, NULL);
  self->plan_id = jp_opening_choose_plan (self->store, self->plans, settings);
  self->data_version = jp_store_mark_loaded (self->store);
  if (self->plan_id == 0)
    return self;

  task = g_task_new (NULL, NULL, on_plan_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, jp_opening_new);
  /* Not a reference: the callback's keeps @self until the thread is done
   * with it, and the task may be freed in the thread. */
  g_task_set_task_data (task, self, NULL);
  g_task_run_in_thread (task, load_plan_thread);

  return self;
}

const char *
jp_opening_get_path (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), NULL);

  return self->path;
}

gboolean
jp_opening_get_read_only (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), FALSE);

  return self->read_only;
}

/* NULL when the database could not be opened (jp_opening_get_error()). */
JpStore *
jp_opening_get_store (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), NULL);

  return self->store;
}

const GError *
jp_opening_get_error (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), NULL);

  return self->error;
}

/* Why the store is read-only although writing was asked; NULL if it is not. */
const char *
jp_opening_get_review_reason (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), NULL);

  return self->review_reason;
}

/* (element-type JpPlanInfo) (nullable): the database's plans, oldest first. */
GPtrArray *
jp_opening_get_plans (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), NULL);

  return self->plans;
}

/* The plan being read; 0 when the database has none. */
gint64
jp_opening_get_plan_id (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), 0);

  return self->plan_id;
}

/* What jp_store_mark_loaded() returned as the read began. */
gint64
jp_opening_get_data_version (JpOpening *self)
{
  g_return_val_if_fail (JP_IS_OPENING (self), 0);

  return self->data_version;
}

/**
 * jp_opening_load_plan_async:
 *
 * Calls @callback (in the main context) once the plan is read, at once if
 * it already is. One call at a time; there must be a plan to read.
 */
void
jp_opening_load_plan_async (JpOpening           *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (JP_IS_OPENING (self));
  g_return_if_fail (self->plan_id != 0);
  g_return_if_fail (self->waiter == NULL);

  self->waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->waiter, jp_opening_load_plan_async);
  if (self->loaded)
    return_to_waiter (self);
}

JpPlan *
jp_opening_load_plan_finish (JpOpening     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
