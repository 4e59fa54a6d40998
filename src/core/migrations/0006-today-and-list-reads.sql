-- 0006-today-and-list-reads.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: the Today page, the partner list's sorts, the
-- calendar's windows and the counts read indexes alone, not the table
-- rows behind them, and a partner keeps its last contact and next due day.
-- Each row read through an index of 0001 cost a page of
-- the table, scattered over the file: the 2,378 open follow-ups of the
-- large benchmark dataset took 40-55 ms from a cold cache and take 3 ms
-- now. On the huge one (1 GB) these pages no longer fit the page cache,
-- so every page a query touches is a read from the file.
--
-- sqlite 3.40 counts a partial index as covering only when it holds every
-- column its query names, those of its WHERE too; so most indexes below
-- end with the columns of their WHERE, which cost a byte or two an entry.
-- Each WHERE must stay the same terms as its queries' (lia-attention.c,
-- lia-store-query.c, the LIA_STORE_SQL_* of lia-store-private.h) for
-- sqlite to use the index.

-- Today's follow-ups (the day, the partner, the summary it phrases) and
-- the list's next-due day.
DROP INDEX interaction_follow_up_idx;
CREATE INDEX interaction_follow_up_idx
  ON interaction (follow_up_on, partner_id, summary, follow_up_done_at, deleted_at)
  WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;

-- Today's due expectations and the list's next-due day.
DROP INDEX expectation_due_idx;
CREATE INDEX expectation_due_idx
  ON expectation (next_due_on, partner_id, due_on, direction, what, status, deleted_at)
  WHERE status = 'active' AND deleted_at IS NULL;

-- A partner's last contact: its latest interaction outside the trash,
-- NULL when none, kept by the triggers below for whatever writes the
-- interactions (the store, imports, the trash, the sample data). Sorting
-- the list by it took a max() over each partner's interactions: at the
-- huge dataset 20,000 seeks into 1,000,000 interactions, 16 MB of index.
-- Now the list walks partner_last_contact_idx.
ALTER TABLE partner ADD COLUMN last_contact_at INTEGER;

UPDATE partner SET last_contact_at =
  (SELECT max (i.occurred_at) FROM interaction AS i WHERE i.partner_id = partner.id AND i.deleted_at IS NULL);

CREATE TRIGGER interaction_last_contact_insert AFTER INSERT ON interaction
WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE partner SET last_contact_at = NEW.occurred_at
  WHERE id = NEW.partner_id AND (last_contact_at IS NULL OR last_contact_at < NEW.occurred_at);
END;

CREATE TRIGGER interaction_last_contact_update AFTER UPDATE OF partner_id, occurred_at, deleted_at ON interaction
BEGIN
  UPDATE partner SET last_contact_at =
    (SELECT max (i.occurred_at) FROM interaction AS i WHERE i.partner_id = partner.id AND i.deleted_at IS NULL)
  WHERE id IN (OLD.partner_id, NEW.partner_id);
END;

CREATE TRIGGER interaction_last_contact_delete AFTER DELETE ON interaction
WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE partner SET last_contact_at =
    (SELECT max (i.occurred_at) FROM interaction AS i WHERE i.partner_id = partner.id AND i.deleted_at IS NULL)
  WHERE id = OLD.partner_id;
END;

-- The list by last contact: newest first, never contacted last (a
-- descending index keeps NULL last), then by name and id, as the query
-- orders, so the list is a walk of the index without a sort. It holds no
-- deleted_at, which would come before the id and make sqlite sort the
-- ties; sqlite reads no row for it, as the WHERE is the index's own.
CREATE INDEX partner_last_contact_idx ON partner (last_contact_at DESC, sort_name, name)
  WHERE deleted_at IS NULL;

-- A partner's next due day: the earliest open follow-up or active
-- expectation outside the trash, NULL when none, kept by the triggers
-- below like the last contact. Sorting the list by it grouped every open
-- follow-up and expectation by partner (94 ms at the huge dataset, which
-- has ten times the interactions of the large one for four times the
-- partners); now the list walks partner_next_due_idx, nothing due last.
--
-- The triggers that recompute it repeat one subquery: as a view, sqlite
-- 3.40 does not push the partner's id into its UNION ALL, and each write
-- would read every open follow-up and active expectation; written out,
-- each arm is a search of the partner's own rows.
ALTER TABLE partner ADD COLUMN next_due_on TEXT;

UPDATE partner SET next_due_on =
  (SELECT min (d) FROM (
     SELECT i.follow_up_on AS d FROM interaction AS i
     WHERE i.partner_id = partner.id AND i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL
       AND i.deleted_at IS NULL
     UNION ALL
     SELECT coalesce (e.next_due_on, e.due_on) FROM expectation AS e
     WHERE e.partner_id = partner.id AND e.status = 'active' AND e.deleted_at IS NULL));

CREATE TRIGGER interaction_next_due_insert AFTER INSERT ON interaction
WHEN NEW.follow_up_on IS NOT NULL AND NEW.follow_up_done_at IS NULL AND NEW.deleted_at IS NULL
BEGIN
  UPDATE partner SET next_due_on = NEW.follow_up_on
  WHERE id = NEW.partner_id AND (next_due_on IS NULL OR next_due_on > NEW.follow_up_on);
END;

CREATE TRIGGER interaction_next_due_update
AFTER UPDATE OF partner_id, follow_up_on, follow_up_done_at, deleted_at ON interaction
BEGIN
  UPDATE partner SET next_due_on =
    (SELECT min (d) FROM (
       SELECT i.follow_up_on AS d FROM interaction AS i
       WHERE i.partner_id = partner.id AND i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL
         AND i.deleted_at IS NULL
       UNION ALL
       SELECT coalesce (e.next_due_on, e.due_on) FROM expectation AS e
       WHERE e.partner_id = partner.id AND e.status = 'active' AND e.deleted_at IS NULL))
  WHERE id IN (OLD.partner_id, NEW.partner_id);
END;

CREATE TRIGGER interaction_next_due_delete AFTER DELETE ON interaction
WHEN OLD.follow_up_on IS NOT NULL AND OLD.follow_up_done_at IS NULL AND OLD.deleted_at IS NULL
BEGIN
  UPDATE partner SET next_due_on =
    (SELECT min (d) FROM (
       SELECT i.follow_up_on AS d FROM interaction AS i
       WHERE i.partner_id = partner.id AND i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL
         AND i.deleted_at IS NULL
       UNION ALL
       SELECT coalesce (e.next_due_on, e.due_on) FROM expectation AS e
       WHERE e.partner_id = partner.id AND e.status = 'active' AND e.deleted_at IS NULL))
  WHERE id = OLD.partner_id;
END;

CREATE TRIGGER expectation_next_due_insert AFTER INSERT ON expectation
WHEN NEW.status = 'active' AND NEW.deleted_at IS NULL AND coalesce (NEW.next_due_on, NEW.due_on) IS NOT NULL
BEGIN
  UPDATE partner SET next_due_on = coalesce (NEW.next_due_on, NEW.due_on)
  WHERE id = NEW.partner_id AND (next_due_on IS NULL OR next_due_on > coalesce (NEW.next_due_on, NEW.due_on));
END;

CREATE TRIGGER expectation_next_due_update
AFTER UPDATE OF partner_id, next_due_on, due_on, status, deleted_at ON expectation
BEGIN
  UPDATE partner SET next_due_on =
    (SELECT min (d) FROM (
       SELECT i.follow_up_on AS d FROM interaction AS i
       WHERE i.partner_id = partner.id AND i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL
         AND i.deleted_at IS NULL
       UNION ALL
       SELECT coalesce (e.next_due_on, e.due_on) FROM expectation AS e
       WHERE e.partner_id = partner.id AND e.status = 'active' AND e.deleted_at IS NULL))
  WHERE id IN (OLD.partner_id, NEW.partner_id);
END;

CREATE TRIGGER expectation_next_due_delete AFTER DELETE ON expectation
WHEN OLD.status = 'active' AND OLD.deleted_at IS NULL
BEGIN
  UPDATE partner SET next_due_on =
    (SELECT min (d) FROM (
       SELECT i.follow_up_on AS d FROM interaction AS i
       WHERE i.partner_id = partner.id AND i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL
         AND i.deleted_at IS NULL
       UNION ALL
       SELECT coalesce (e.next_due_on, e.due_on) FROM expectation AS e
       WHERE e.partner_id = partner.id AND e.status = 'active' AND e.deleted_at IS NULL))
  WHERE id = OLD.partner_id;
END;

-- The list by next due: soonest first, nothing due last (ASC puts NULL
-- first, hence the leading "IS NULL"), then by name and id.
CREATE INDEX partner_next_due_idx ON partner ((next_due_on IS NULL), next_due_on, sort_name, name)
  WHERE deleted_at IS NULL;

-- The last update request of a partner (LIA_STORE_SQL_UPDATE_REQUESTED_AT).
DROP INDEX interaction_update_request_idx;
CREATE INDEX interaction_update_request_idx ON interaction (partner_id, occurred_at, kind, deleted_at)
  WHERE kind = 'update-request' AND deleted_at IS NULL;

-- Today's agreements ending soon.
DROP INDEX agreement_ends_idx;
CREATE INDEX agreement_ends_idx ON agreement (ends_on, partner_id, auto_renews, status, deleted_at)
  WHERE status = 'active' AND deleted_at IS NULL;

-- The partner's name on each of Today's items, looked up by id: the table
-- holds whole partners (8 MB at the huge dataset against 1.4 MB here),
-- and reading their pages among the events' pushed the rest out of the
-- page cache. The queries name it (INDEXED BY), since sqlite always
-- prefers the table for a lookup by rowid.
CREATE INDEX partner_name_idx ON partner (id, name, sort_name, deleted_at);

-- Today's out-of-date partners: what the rule reads and the item shows.
DROP INDEX partner_verified_idx;
CREATE INDEX partner_upkeep_idx
  ON partner (info_verified_at, cadence_days, created_at, status, upkeep_mode, sort_name, name, deleted_at)
  WHERE deleted_at IS NULL;

-- Today's events that lack details (0005): the index holds every column
-- the item is made of, so the event rows (a quarter of the huge file)
-- are never read; the events it holds are one in ten. The series' start
-- is tested in the index, so only those starting in the next 30 days are
-- kept (at the huge dataset 2,300 of 6,800 running series).
DROP INDEX event_single_lacking_idx;
CREATE INDEX event_single_lacking_idx
  ON event (start_utc, partner_id, title, all_day, dtend, venue_name, online_url, description, summary,
            status, deleted_at, rrule, recurrence_of)
  WHERE deleted_at IS NULL AND rrule IS NULL AND recurrence_of IS NULL AND status <> 'cancelled'
  AND ((all_day = 1 AND dtend IS NULL)
       OR (coalesce (trim (venue_name), '') = '' AND coalesce (trim (online_url), '') = '')
       OR (trim (description) = '' AND trim (summary) = '')
       OR status = 'draft');

DROP INDEX event_series_lacking_idx;
CREATE INDEX event_series_lacking_idx
  ON event (last_end_utc, start_utc, partner_id, title, all_day, dtend, venue_name, online_url, description,
            summary, status, deleted_at, rrule, recurrence_of)
  WHERE deleted_at IS NULL AND rrule IS NOT NULL AND recurrence_of IS NULL AND status <> 'cancelled'
  AND ((all_day = 1 AND dtend IS NULL)
       OR (coalesce (trim (venue_name), '') = '' AND coalesce (trim (online_url), '') = '')
       OR (trim (description) = '' AND trim (summary) = '')
       OR status = 'draft');

-- The calendar's single events and changed dates by start, for the
-- month view (0003): with the columns of its WHERE, so sqlite 3.40 counts
-- it covering; two bytes an entry, both NULL.
DROP INDEX event_single_start_idx;
CREATE INDEX event_single_start_idx ON event (start_utc, all_day, last_end_utc, recurrence_of, rrule, deleted_at)
  WHERE deleted_at IS NULL AND (rrule IS NULL OR recurrence_of IS NOT NULL);

-- The same events with every column the agenda lists, so a window of
-- days is read in start order from the index: the rows of one day are
-- scattered over the table (2,771 pages for the first day of the huge
-- dataset). A second index, not a wider first one: the month view scans
-- six weeks of the first, and entries five times the size made it slower.
CREATE INDEX event_listing_idx
  ON event (start_utc, all_day, last_end_utc, recurrence_of, title, status, partner_id, venue_name, promote,
            featured, dtstart, dtend, tzid, recurrence_id, rrule, exdates, deleted_at)
  WHERE deleted_at IS NULL AND (rrule IS NULL OR recurrence_of IS NOT NULL);

-- The kept dates of the series by start (0003 has the month's), with what
-- the agenda lists of each date besides its series, for the same reason.
CREATE INDEX event_occurrence_listing_idx ON event_occurrence (start_utc, series_id, all_day, end_utc, recurrence_id);

-- What is in the trash, by kind of record, so that counting what is not
-- (lia_store_get_counts) is the size of the smallest index less these,
-- and the trash page finds its rows, without reading the tables: the
-- counts took a scan of each table, 50 ms on the large dataset.
CREATE INDEX contact_trashed_idx ON contact (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX agreement_trashed_idx ON agreement (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX expectation_trashed_idx ON expectation (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX interaction_trashed_idx ON interaction (deleted_at) WHERE deleted_at IS NOT NULL;
