/* lia-csv.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_CSV_ERROR (lia_csv_error_quark ())

typedef enum
{
  LIA_CSV_ERROR_EMPTY,      /* no bytes, or only a BOM, blanks and empty lines */
  LIA_CSV_ERROR_BINARY,     /* NUL bytes, or mostly control characters */
  LIA_CSV_ERROR_ENCODING,   /* not UTF-8 (a Latin-1 or Windows-1252 export) */
  LIA_CSV_ERROR_MALFORMED,  /* a quoted field that is never closed */
} LiaCsvError;

#define LIA_TYPE_CSV_TABLE (lia_csv_table_get_type ())

/* The records of a CSV file: row 0 is the header when there is one. Rows
 * whose fields are all empty (trailing blank lines, ";;;;" lines) are left
 * out. Each row remembers the line of the file it starts on. */
typedef struct _LiaCsvTable LiaCsvTable;

GType               lia_csv_table_get_type       (void) G_GNUC_CONST;
GQuark              lia_csv_error_quark          (void);

LiaCsvTable        *lia_csv_parse                (GBytes       *bytes,
                                                  GError      **error);
LiaCsvTable        *lia_csv_table_ref            (LiaCsvTable  *self);
void                lia_csv_table_unref          (LiaCsvTable  *self);
guint               lia_csv_table_get_n_rows     (LiaCsvTable  *self);
const char * const *lia_csv_table_get_row        (LiaCsvTable  *self,
                                                  guint         row,
                                                  guint        *n_fields);
const char         *lia_csv_table_get_field      (LiaCsvTable  *self,
                                                  guint         row,
                                                  guint         column);
guint               lia_csv_table_get_line       (LiaCsvTable  *self,
                                                  guint         row);
char                lia_csv_table_get_separator  (LiaCsvTable  *self);

void                lia_csv_append_row           (GString            *out,
                                                  const char * const *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaCsvTable, lia_csv_table_unref)

G_END_DECLS
