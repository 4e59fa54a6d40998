/* lia-editor-util.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_EDITOR_ERROR (lia_editor_error_quark ())

typedef enum
{
  LIA_EDITOR_ERROR_IMAGE_TOO_BIG,
  LIA_EDITOR_ERROR_NOT_AN_IMAGE,
} LiaEditorError;

GQuark    lia_editor_error_quark     (void);
/* The image in @file, refused over @max_file_size bytes or when it is not
 * an image, as a PNG at most @max_side pixels on its longest side. */
GBytes   *lia_editor_load_image      (GFile           *file,
                                      gsize            max_file_size,
                                      int              max_side,
                                      GError         **error);

/* What the record editors (partner, contact, agreement, expectation) and the
 * contact logger share: reading and filling their rows, marking a field as
 * wrong, and the ends of their Save and Move to Trash actions. */

char     *lia_editor_dup_text        (AdwEntryRow     *row);
void      lia_editor_set_text        (AdwEntryRow     *row,
                                      const char      *text);
gboolean  lia_editor_is_blank        (const char      *text);
void      lia_editor_set_enum_model  (AdwComboRow     *row,
                                      GType            enum_type);
void      lia_editor_show_problem    (AdwEntryRow     *row,
                                      const char      *problem);
gboolean  lia_editor_check_row       (AdwEntryRow     *row,
                                      gboolean       (*validate) (const char *text),
                                      const char      *problem);
void      lia_editor_show_error      (AdwToastOverlay *overlay,
                                      const GError    *error);
void      lia_editor_close_if_saved  (GtkWindow       *editor,
                                      AdwToastOverlay *overlay,
                                      gboolean         saved,
                                      const GError    *error);
gboolean  lia_editor_trash_and_close (GtkWindow       *editor,
                                      AdwToastOverlay *overlay,
                                      LiaStore        *store,
                                      LiaRecordKind    kind,
                                      gint64           id,
                                      const char      *title);
void      lia_editor_class_add_shortcuts (GtkWidgetClass *widget_class,
                                          const char     *save_action);

G_END_DECLS
