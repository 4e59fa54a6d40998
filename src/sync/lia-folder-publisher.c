/* lia-folder-publisher.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder target: the feed files written into a folder (a mounted web
 * root, a shared drive). Each file is replaced atomically — written beside
 * itself and renamed over the old one — so a web server never serves half
 * a feed.
 *
 * A folder has no ETags, so the SHA-256 of a file's content stands for
 * one: it is the result's remote_etag, and a file whose content is neither
 * what we last wrote nor the copy the user chose to overwrite (the ETag
 * fetch_remote gave) was edited by someone else — a conflict, never
 * overwritten silently.
 */

#define G_LOG_DOMAIN "lia-folder-publisher"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-publisher.h"

#define LIA_TYPE_FOLDER_PUBLISHER (lia_folder_publisher_get_type ())
G_DECLARE_FINAL_TYPE (LiaFolderPublisher, lia_folder_publisher, LIA, FOLDER_PUBLISHER, GObject)

struct _LiaFolderPublisher
{
  GObject            parent_instance;

  /* Owned */
  LiaTarget         *target;
  LiaPublishContext  context;
  char              *library_name;
  char              *time_zone;
  GFile             *folder;
};

static void lia_folder_publisher_iface_init (LiaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaFolderPublisher, lia_folder_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_PUBLISHER,
                                                      lia_folder_publisher_iface_init))

static GFile *
new_folder_file (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  if (scheme != NULL && g_ascii_strcasecmp (scheme, "file") == 0)
    return g_file_new_for_uri (url);
  return g_file_new_for_path (url);
}

static char *
compute_hash (GBytes *content)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
}

/* The file's current content hash; NULL without error when it is absent. */
static char *
dup_current_hash (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) local_error = NULL;

  content = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (content == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return compute_hash (content);
}

/* TRUE when the file may be written: absent, already ours (a retried step
 * finds what it wrote), what we last wrote, or the copy the user chose to
 * overwrite. */
static gboolean
check_unchanged (LiaFolderPublisher    *self,
                 GFile                 *file,
                 const LiaPublishStep  *step,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *current = dup_current_hash (file, cancellable, &local_error);
  g_autofree char *path = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (current == NULL)
    return TRUE;
  if (step->item != NULL && g_strcmp0 (current, step->item->content_hash) == 0)
    return TRUE;
  if (step->record != NULL
      && (g_strcmp0 (current, step->record->content_hash) == 0
          || g_strcmp0 (current, step->record->remote_etag) == 0))
    return TRUE;

  path = g_file_get_path (file);
  g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
               _("Someone changed %s since Liaison last wrote it."),
               path);
  return FALSE;
}

typedef enum { FILE_WRITE, FILE_REMOVE, FILE_READ } FileOperation;

/* Takes @io_error; a cancellation stays one. */
static gboolean
set_io_error (GError        **error,
              GError         *io_error,
              FileOperation   operation,
              GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *what = NULL;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return FALSE;
    }
  switch (operation)
    {
    case FILE_WRITE:
      what = g_strdup_printf (_("Could not write %s"), path);
      break;
    case FILE_REMOVE:
      what = g_strdup_printf (_("Could not remove %s"), path);
      break;
    case FILE_READ:
    default:
      what = g_strdup_printf (_("Could not read %s"), path);
      break;
    }
  g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED, "%s: %s.", what, io_error->message);
  g_error_free (io_error);
  return FALSE;
}

static GPtrArray *
lia_folder_publisher_build_items (LiaPublisher  *publisher,
                                  LiaStore      *store,
                                  GArray        *event_ids,
                                  GError       **error)
{
  LiaFolderPublisher *self = LIA_FOLDER_PUBLISHER (publisher);

  return lia_publisher_build_feed_files (self->target, &self->context, store, event_ids, error);
}

static gboolean
lia_folder_publisher_prepare (LiaPublisher  *publisher,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LiaFolderPublisher *self = LIA_FOLDER_PUBLISHER (publisher);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (self->folder);

  info = g_file_query_info (self->folder,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("the folder %s does not exist. Check the target’s folder, or create it."), path);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("%s is not a folder."), path);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE)
      && !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("Liaison may not write into the folder %s."), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
lia_folder_publisher_apply (LiaPublisher          *publisher,
                            const LiaPublishStep  *step,
                            LiaPublishResult      *result,
                            GCancellable          *cancellable,
                            GError               **error)
{
  LiaFolderPublisher *self = LIA_FOLDER_PUBLISHER (publisher);
  const char *name = step->item != NULL ? step->item->item : step->record->item;
  g_autoptr(GFile) file = g_file_get_child (self->folder, name);
  GError *io_error = NULL;

  if (step->action == LIA_PUBLISH_DELETE)
    {
      if (!check_unchanged (self, file, step, cancellable, error))
        return FALSE;
      if (!g_file_delete (file, cancellable, &io_error)
          && !g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return set_io_error (error, io_error, FILE_REMOVE, file);
      g_clear_error (&io_error);
      result->remote_href = g_file_get_path (file);
      return TRUE;
    }

  g_return_val_if_fail (step->item != NULL, FALSE);

  if (!check_unchanged (self, file, step, cancellable, error))
    return FALSE;

  /* g_file_replace_contents() writes a temporary file in the same folder
   * and renames it over the old one. */
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (step->item->content, NULL),
                                g_bytes_get_size (step->item->content),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &io_error))
    return set_io_error (error, io_error, FILE_WRITE, file);

  result->remote_href = g_file_get_path (file);
  result->remote_etag = g_strdup (step->item->content_hash);
  return TRUE;
}

static GBytes *
lia_folder_publisher_fetch_remote (LiaPublisher            *publisher,
                                   const LiaPublishRecord  *record,
                                   char                   **etag,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  LiaFolderPublisher *self = LIA_FOLDER_PUBLISHER (publisher);
  g_autoptr(GFile) file = g_file_get_child (self->folder, record->item);
  g_autoptr(GBytes) content = NULL;
  GError *io_error = NULL;

  content = g_file_load_bytes (file, cancellable, NULL, &io_error);
  if (content == NULL)
    {
      set_io_error (error, io_error, FILE_READ, file);
      return NULL;
    }
  if (etag != NULL)
    *etag = compute_hash (content);

  return g_steal_pointer (&content);
}

static void
lia_folder_publisher_iface_init (LiaPublisherInterface *iface)
{
  iface->build_items = lia_folder_publisher_build_items;
  iface->prepare = lia_folder_publisher_prepare;
  iface->apply = lia_folder_publisher_apply;
  iface->fetch_remote = lia_folder_publisher_fetch_remote;
}

static void
lia_folder_publisher_finalize (GObject *object)
{
  LiaFolderPublisher *self = (LiaFolderPublisher *)object;

  g_clear_pointer (&self->target, lia_target_free);
  g_clear_pointer (&self->library_name, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (lia_folder_publisher_parent_class)->finalize (object);
}

static void
lia_folder_publisher_class_init (LiaFolderPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_folder_publisher_finalize;
}

static void
lia_folder_publisher_init (LiaFolderPublisher *self)
{
}

/**
 * lia_folder_publisher_new:
 * @target: a folder target (its url a path or a file:// URI)
 * @context: the library's name, zone and refresh interval (copied)
 *
 * Returns: (transfer full): the publisher of @target
 */
LiaPublisher *
lia_folder_publisher_new (const LiaTarget         *target,
                          const LiaPublishContext *context)
{
  LiaFolderPublisher *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (target->url != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  self = g_object_new (LIA_TYPE_FOLDER_PUBLISHER, NULL);
  self->target = lia_target_copy (target);
  self->library_name = g_strdup (context->library_name);
  self->time_zone = g_strdup (context->time_zone);
  self->context = *context;
  self->context.library_name = self->library_name;
  self->context.time_zone = self->time_zone;
  self->folder = new_folder_file (target->url);

  return LIA_PUBLISHER (self);
}
