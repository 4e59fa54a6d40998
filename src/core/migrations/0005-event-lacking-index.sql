-- 0005-event-lacking-index.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: the Today page's upcoming events that lack details
-- (lia-attention.c) read through indexes that hold those events alone.
-- Through event_series_end_idx the page read every series still running
-- and tested each (50,000 rows of a 1 GB file on the huge benchmark
-- dataset, 390 ms; 23 ms of the 43 ms of the large one) to keep one in
-- nine. The WHERE of each index must stay the same terms as its query's
-- (EVENT_LACKS) for sqlite to use it; the queries name them with INDEXED
-- BY, so a change to one without the other fails at once.

CREATE INDEX event_single_lacking_idx ON event (start_utc)
  WHERE deleted_at IS NULL AND rrule IS NULL AND recurrence_of IS NULL AND status <> 'cancelled'
  AND ((all_day = 1 AND dtend IS NULL)
       OR (coalesce (trim (venue_name), '') = '' AND coalesce (trim (online_url), '') = '')
       OR (trim (description) = '' AND trim (summary) = '')
       OR status = 'draft');

CREATE INDEX event_series_lacking_idx ON event (last_end_utc)
  WHERE deleted_at IS NULL AND rrule IS NOT NULL AND recurrence_of IS NULL AND status <> 'cancelled'
  AND ((all_day = 1 AND dtend IS NULL)
       OR (coalesce (trim (venue_name), '') = '' AND coalesce (trim (online_url), '') = '')
       OR (trim (description) = '' AND trim (summary) = '')
       OR status = 'draft');

DROP INDEX event_series_end_idx;
