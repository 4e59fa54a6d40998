-- 0007-search-by-kind.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: one FTS5 table a kind of record in place of
-- search_index, whose rowid was id * 4 + kind and whose kind column was
-- not indexed. A keystroke ranks the first matches of each kind
-- (lia-search.c); in one table it had to read every match of every kind
-- until each kind had enough, so a word that no interaction holds
-- ("Riverbend", in 250,000 events and no interaction of the huge
-- benchmark dataset) read every other match to learn it. Each table
-- stops on its own now, and the partner filter, the events' filter and
-- the calendar export match their own kind alone.
--
-- What a record puts in its table is said once, in a view; the triggers
-- and the fill below read the view by id. rowid is the record's id.

DROP TRIGGER partner_search_insert;
DROP TRIGGER partner_search_update;
DROP TRIGGER partner_search_delete;
DROP TRIGGER contact_search_insert;
DROP TRIGGER contact_search_update;
DROP TRIGGER contact_search_delete;
DROP TRIGGER interaction_search_insert;
DROP TRIGGER interaction_search_update;
DROP TRIGGER interaction_search_delete;
DROP TRIGGER event_search_insert;
DROP TRIGGER event_search_update;
DROP TRIGGER event_search_delete;
DROP TABLE search_index;

-- Trashed records are not searched; they come back when restored. Dates
-- of a series that differ (recurrence_of) are found through the series.
CREATE VIEW search_partner_source (id, title, body) AS
  SELECT id, name,
         ifnull (description, '') || ' ' || ifnull (services, '') || ' ' || ifnull (address, '') || ' ' ||
         ifnull (email, '') || ' ' || ifnull (website, '') || ' ' || ifnull (notes, '')
  FROM partner WHERE deleted_at IS NULL;

CREATE VIEW search_contact_source (id, title, body) AS
  SELECT id, name,
         ifnull (role, '') || ' ' || ifnull (email, '') || ' ' || ifnull (phone, '') || ' ' || ifnull (notes, '')
  FROM contact WHERE deleted_at IS NULL;

CREATE VIEW search_interaction_source (id, title, body) AS
  SELECT id, summary,
         ifnull (outcome, '') || ' ' || ifnull (contact_name, '') || ' ' || ifnull (staff, '')
  FROM interaction WHERE deleted_at IS NULL;

CREATE VIEW search_event_source (id, title, body) AS
  SELECT id, title,
         ifnull (summary, '') || ' ' || ifnull (description, '') || ' ' || ifnull (venue_name, '') || ' ' ||
         ifnull (venue_address, '') || ' ' || ifnull (contact, '')
  FROM event WHERE deleted_at IS NULL AND recurrence_of IS NULL;

-- Case and accents folded; prefixes of two and three letters indexed, as
-- search_index was.
CREATE VIRTUAL TABLE search_partner USING fts5 (
  title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE search_contact USING fts5 (
  title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE search_interaction USING fts5 (
  title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE search_event USING fts5 (
  title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

INSERT INTO search_partner (rowid, title, body) SELECT id, title, body FROM search_partner_source;
INSERT INTO search_contact (rowid, title, body) SELECT id, title, body FROM search_contact_source;
INSERT INTO search_interaction (rowid, title, body) SELECT id, title, body FROM search_interaction_source;
INSERT INTO search_event (rowid, title, body) SELECT id, title, body FROM search_event_source;

-- Each update trigger names the columns its view reads: partner_sort_name
-- and info_verified_at updates, a contact's partner, an interaction's
-- follow-up must not rewrite the record in its table.
CREATE TRIGGER partner_search_insert AFTER INSERT ON partner
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_partner (rowid, title, body)
  SELECT id, title, body FROM search_partner_source WHERE id = NEW.id;
END;

CREATE TRIGGER partner_search_update
AFTER UPDATE OF name, description, services, address, email, website, notes, deleted_at ON partner
BEGIN
  DELETE FROM search_partner WHERE rowid = OLD.id;
  INSERT INTO search_partner (rowid, title, body)
  SELECT id, title, body FROM search_partner_source WHERE id = NEW.id;
END;

CREATE TRIGGER partner_search_delete AFTER DELETE ON partner
BEGIN
  DELETE FROM search_partner WHERE rowid = OLD.id;
END;

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_contact (rowid, title, body)
  SELECT id, title, body FROM search_contact_source WHERE id = NEW.id;
END;

CREATE TRIGGER contact_search_update
AFTER UPDATE OF name, role, email, phone, notes, deleted_at ON contact
BEGIN
  DELETE FROM search_contact WHERE rowid = OLD.id;
  INSERT INTO search_contact (rowid, title, body)
  SELECT id, title, body FROM search_contact_source WHERE id = NEW.id;
END;

CREATE TRIGGER contact_search_delete AFTER DELETE ON contact
BEGIN
  DELETE FROM search_contact WHERE rowid = OLD.id;
END;

CREATE TRIGGER interaction_search_insert AFTER INSERT ON interaction
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_interaction (rowid, title, body)
  SELECT id, title, body FROM search_interaction_source WHERE id = NEW.id;
END;

CREATE TRIGGER interaction_search_update
AFTER UPDATE OF summary, outcome, contact_name, staff, deleted_at ON interaction
BEGIN
  DELETE FROM search_interaction WHERE rowid = OLD.id;
  INSERT INTO search_interaction (rowid, title, body)
  SELECT id, title, body FROM search_interaction_source WHERE id = NEW.id;
END;

CREATE TRIGGER interaction_search_delete AFTER DELETE ON interaction
BEGIN
  DELETE FROM search_interaction WHERE rowid = OLD.id;
END;

CREATE TRIGGER event_search_insert AFTER INSERT ON event
WHEN NEW.deleted_at IS NULL AND NEW.recurrence_of IS NULL
BEGIN
  INSERT INTO search_event (rowid, title, body)
  SELECT id, title, body FROM search_event_source WHERE id = NEW.id;
END;

CREATE TRIGGER event_search_update
AFTER UPDATE OF title, summary, description, venue_name, venue_address, contact, deleted_at, recurrence_of ON event
BEGIN
  DELETE FROM search_event WHERE rowid = OLD.id;
  INSERT INTO search_event (rowid, title, body)
  SELECT id, title, body FROM search_event_source WHERE id = NEW.id;
END;

CREATE TRIGGER event_search_delete AFTER DELETE ON event
BEGIN
  DELETE FROM search_event WHERE rowid = OLD.id;
END;
