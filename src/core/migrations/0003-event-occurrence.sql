-- 0003-event-occurrence.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: the dates of repeating events, expanded once. libical
-- expands a series in about 45 µs plus 2 µs a date, and a busy calendar
-- has thousands of series running in any month: expanding them for every
-- window made the month view take 300 ms. The store keeps here the dates
-- of every series (EXDATEs out; overridden dates in, the override's own
-- row replaces them when read) between the meta values
-- occurrences-from and occurrences-to, widens that range when a window
-- falls outside it, and writes a series' dates again when it is saved.
-- Single events and overrides need no row: their span is in the event
-- table. Times are those of the time zone data of the day they were
-- written.

CREATE TABLE event_occurrence (
  series_id     INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  start_utc     INTEGER NOT NULL,
  end_utc       INTEGER NOT NULL CHECK (end_utc >= start_utc),
  recurrence_id TEXT NOT NULL,
  -- The series' all_day, so that a month can be counted from the index
  -- alone (an all-day date is a UTC day, not a local one).
  all_day       INTEGER NOT NULL CHECK (all_day IN (0, 1))
) STRICT;

CREATE INDEX event_occurrence_start_idx ON event_occurrence (start_utc, series_id, all_day);
CREATE INDEX event_occurrence_series_idx ON event_occurrence (series_id, start_utc);

-- What a month reads besides the kept dates, each from its index alone:
-- the single events and moved dates by start, and the few events in the
-- trash (the store writes no empty rrule, only NULL).
CREATE INDEX event_single_start_idx ON event (start_utc, all_day, last_end_utc, recurrence_of)
  WHERE deleted_at IS NULL AND (rrule IS NULL OR recurrence_of IS NOT NULL);
CREATE INDEX event_trashed_idx ON event (id) WHERE deleted_at IS NOT NULL;

-- The Today page's upcoming events that lack details: the series still
-- running, by the end of their last date.
CREATE INDEX event_series_end_idx ON event (last_end_utc)
  WHERE deleted_at IS NULL AND rrule IS NOT NULL AND recurrence_of IS NULL;
