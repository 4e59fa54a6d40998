/* lia-publish-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-publish-plan.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PUBLISH_PAGE (lia_publish_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaPublishPage, lia_publish_page, LIA, PUBLISH_PAGE, GtkWidget)

GtkWidget            *lia_publish_page_new          (void);
LiaStore             *lia_publish_page_get_store    (LiaPublishPage *self);
void                  lia_publish_page_set_store    (LiaPublishPage *self,
                                                     LiaStore       *store);
/* Targets that need a human: a failed run, conflicts or refused items. */
guint                 lia_publish_page_get_count    (LiaPublishPage *self);
/* Reads the targets and their state again. */
void                  lia_publish_page_refresh      (LiaPublishPage *self);
/* The preview shown, NULL when none; whether a plan, a run or a
 * resolution is under way. */
const LiaPublishPlan *lia_publish_page_get_plan     (LiaPublishPage *self);
gboolean              lia_publish_page_get_busy     (LiaPublishPage *self);

G_END_DECLS
