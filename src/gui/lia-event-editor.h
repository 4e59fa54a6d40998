/* lia-event-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-event.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT_EDITOR (lia_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaEventEditor, lia_event_editor, LIA, EVENT_EDITOR, AdwWindow)

LiaEventEditor *lia_event_editor_new       (GtkWindow       *parent,
                                            LiaStore        *store,
                                            gint64           partner_id,
                                            LiaEvent        *event);
gboolean        lia_event_editor_get_valid (LiaEventEditor  *self);
gboolean        lia_event_editor_save      (LiaEventEditor  *self,
                                            GError         **error);
gboolean        lia_event_editor_load_image_file (LiaEventEditor  *self,
                                                  GFile           *file,
                                                  GError         **error);

G_END_DECLS
