/* lia-print-operation.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-document.h"

G_BEGIN_DECLS

#define LIA_TYPE_PRINT_OPERATION (lia_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LiaPrintOperation, lia_print_operation, LIA, PRINT_OPERATION, GtkPrintOperation)

LiaPrintOperation *lia_print_operation_new          (LiaDocument        *document);
LiaDocument       *lia_print_operation_get_document (LiaPrintOperation  *self);

/* The page setup and print settings of this session: the last ones
 * printed with, else the paper of LiaSettings page-size. */
GtkPageSetup      *lia_print_dup_page_setup         (void);
void               lia_print_set_page_setup         (GtkPageSetup       *page_setup);
GtkPrintSettings  *lia_print_dup_print_settings     (void);

void               lia_page_setup_init_from_gtk     (LiaPageSetup       *setup,
                                                     GtkPageSetup       *page_setup);

void               lia_print_document               (GtkWidget          *widget,
                                                     AdwToastOverlay    *overlay,
                                                     LiaDocument        *document,
                                                     const char         *file_name);
void               lia_print_export_document        (GtkWidget          *widget,
                                                     AdwToastOverlay    *overlay,
                                                     LiaDocument        *document,
                                                     const char         *file_name);

void               lia_print_export_pdf_async       (LiaDocument        *document,
                                                     const LiaPageSetup *setup,
                                                     GFile              *file,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
gboolean           lia_print_export_pdf_finish      (LiaDocument        *document,
                                                     GAsyncResult       *result,
                                                     GError            **error);

/* Tests: the next export writes to @file without asking. */
void               lia_print_set_export_file_for_testing (GFile         *file);

G_END_DECLS
