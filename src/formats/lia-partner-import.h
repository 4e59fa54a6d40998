/* lia-partner-import.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-contact.h"
#include "lia-csv.h"
#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_PARTNER_IMPORT_ERROR (lia_partner_import_error_quark ())

typedef enum
{
  LIA_PARTNER_IMPORT_ERROR_NO_NAME_COLUMN,  /* no header names the partners */
  LIA_PARTNER_IMPORT_ERROR_NO_ROWS,         /* a header and nothing under it */
  LIA_PARTNER_IMPORT_ERROR_FAILED,          /* a row could not be saved: nothing was */
} LiaPartnerImportError;

typedef enum
{
  LIA_IMPORT_ACTION_CREATE,
  LIA_IMPORT_ACTION_UPDATE,
  LIA_IMPORT_ACTION_SKIP,
} LiaImportAction;

#define LIA_TYPE_IMPORT_PLAN (lia_import_plan_get_type ())

G_DECLARE_FINAL_TYPE (LiaImportPlan, lia_import_plan, LIA, IMPORT_PLAN, GObject)

GQuark              lia_partner_import_error_quark      (void);
gboolean            lia_partner_import_check_columns    (LiaCsvTable    *table,
                                                         GError        **error);
LiaImportPlan      *lia_partner_import_plan             (LiaStore       *store,
                                                         LiaCsvTable    *table,
                                                         GError        **error);

gboolean            lia_import_plan_apply               (LiaImportPlan  *plan,
                                                         LiaStore       *store,
                                                         GError        **error);
char               *lia_import_plan_format              (LiaImportPlan  *plan);
void                lia_import_plan_get_counts          (LiaImportPlan  *plan,
                                                         guint          *created,
                                                         guint          *updated,
                                                         guint          *skipped);
const char * const *lia_import_plan_get_ignored_columns (LiaImportPlan  *plan);
guint               lia_import_plan_get_n_rows          (LiaImportPlan  *plan);
guint               lia_import_plan_get_line            (LiaImportPlan  *plan,
                                                         guint           row);
LiaImportAction     lia_import_plan_get_action          (LiaImportPlan  *plan,
                                                         guint           row);
const char         *lia_import_plan_get_name            (LiaImportPlan  *plan,
                                                         guint           row);
const char         *lia_import_plan_get_reason          (LiaImportPlan  *plan,
                                                         guint           row);
LiaPartner         *lia_import_plan_get_partner         (LiaImportPlan  *plan,
                                                         guint           row);
LiaContact         *lia_import_plan_get_contact         (LiaImportPlan  *plan,
                                                         guint           row);

G_END_DECLS
