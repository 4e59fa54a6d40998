-- 0001-initial.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: the whole data model of DESIGN.md.
--
-- Conventions:
--  * instants (created, updated, occurred, verified, deleted) are INTEGER
--    seconds since the Unix epoch, UTC;
--  * calendar days (due dates, agreement dates) are TEXT 'YYYY-MM-DD', which
--    sorts and compares correctly and is checked with date(x, '+0 days'),
--    which, unlike date(x), refuses days such as 2026-02-30;
--  * channel sets are INTEGER bit masks: 1 website, 2 print bulletin,
--    4 flyer, 8 newsletter, 16 display board;
--  * deleted_at set means "in the trash": rows are never removed by one click;
--  * enumerations are checked with OR chains, not IN lists: sqlite 3.40
--    builds a temporary table for every IN list of three or more values each
--    time a row is written, which made bulk writes (imports) four times slower.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) STRICT;

CREATE TABLE partner (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- What lists sort by: the name casefolded with its accents removed,
  -- written by the store (lia_sort_key_for_name), because COLLATE NOCASE
  -- folds ASCII only and put "École" after "Westbrook".
  sort_name        TEXT,
  kind             TEXT NOT NULL DEFAULT 'other'
                   CHECK ((kind = 'nonprofit' OR kind = 'government' OR kind = 'school' OR kind = 'health' OR kind = 'business' OR kind = 'faith' OR kind = 'club' OR kind = 'other')),
  status           TEXT NOT NULL DEFAULT 'active'
                   CHECK ((status = 'prospect' OR status = 'active' OR status = 'paused' OR status = 'ended')),
  description      TEXT NOT NULL DEFAULT '',
  services         TEXT NOT NULL DEFAULT '',
  website          TEXT,
  email            TEXT,
  phone            TEXT,
  address          TEXT,
  logo             BLOB,
  owner            TEXT,
  upkeep_mode      TEXT NOT NULL DEFAULT 'library-asks'
                   CHECK ((upkeep_mode = 'partner-sends' OR upkeep_mode = 'library-asks')),
  cadence_days     INTEGER NOT NULL DEFAULT 90 CHECK (cadence_days >= 1),
  info_verified_at INTEGER,
  promotion_tier   TEXT NOT NULL DEFAULT 'listed-only'
                   CHECK ((promotion_tier = 'featured' OR promotion_tier = 'standard' OR promotion_tier = 'listed-only' OR promotion_tier = 'not-promoted')),
  channels         INTEGER NOT NULL DEFAULT 0 CHECK (channels BETWEEN 0 AND 31),
  notes            TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at       INTEGER
) STRICT;

-- The partner list by name walks this index; name breaks ties between
-- names that differ only in case or accents.
CREATE INDEX partner_sort_idx ON partner (sort_name, name) WHERE deleted_at IS NULL;
CREATE INDEX partner_owner_idx ON partner (owner) WHERE deleted_at IS NULL;
CREATE INDEX partner_status_idx ON partner (status, kind) WHERE deleted_at IS NULL;
-- The upkeep radar asks "whose information is older than their cadence".
CREATE INDEX partner_verified_idx ON partner (info_verified_at) WHERE deleted_at IS NULL;
CREATE INDEX partner_deleted_idx ON partner (deleted_at) WHERE deleted_at IS NOT NULL;

-- Rows written by plain SQL (tests, the benchmarks, the sqlite3 shell) have
-- no sort_name; lower() folds ASCII only, but they still sort sensibly
-- instead of all coming first. The store sets name and sort_name in one
-- UPDATE, so the update trigger leaves a changed sort_name alone; a rename
-- that keeps the store's key ("Ecole" to "École") looks like plain SQL
-- here, and the store writes its key again after it.
CREATE TRIGGER partner_sort_name_insert AFTER INSERT ON partner
WHEN NEW.sort_name IS NULL
BEGIN
  UPDATE partner SET sort_name = lower (NEW.name) WHERE id = NEW.id;
END;

CREATE TRIGGER partner_sort_name_update AFTER UPDATE OF name ON partner
WHEN NEW.sort_name IS OLD.sort_name AND NEW.name IS NOT OLD.name
BEGIN
  UPDATE partner SET sort_name = lower (NEW.name) WHERE id = NEW.id;
END;

CREATE TABLE partner_tag (
  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL CHECK (length(trim(tag)) > 0),
  PRIMARY KEY (partner_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX partner_tag_tag_idx ON partner_tag (tag);

CREATE TABLE contact (
  id               INTEGER PRIMARY KEY,
  partner_id       INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role             TEXT NOT NULL DEFAULT '',
  email            TEXT,
  phone            TEXT,
  preferred_method TEXT
                   CHECK (preferred_method IS NULL OR
                          (preferred_method = 'email' OR preferred_method = 'phone' OR preferred_method = 'text' OR preferred_method = 'in-person' OR preferred_method = 'mail')),
  is_primary       INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  notes            TEXT NOT NULL DEFAULT '',
  ended_at         INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at       INTEGER
) STRICT;

CREATE INDEX contact_partner_idx ON contact (partner_id);
-- At most one current primary contact per partner.
CREATE UNIQUE INDEX contact_primary_idx ON contact (partner_id)
  WHERE is_primary = 1 AND ended_at IS NULL AND deleted_at IS NULL;

CREATE TABLE agreement (
  id          INTEGER PRIMARY KEY,
  partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind        TEXT NOT NULL DEFAULT 'mou' CHECK ((kind = 'mou' OR kind = 'letter' OR kind = 'verbal')),
  signed_on   TEXT CHECK (signed_on IS NULL OR date(signed_on, '+0 days') IS signed_on),
  starts_on   TEXT CHECK (starts_on IS NULL OR date(starts_on, '+0 days') IS starts_on),
  ends_on     TEXT CHECK (ends_on IS NULL OR date(ends_on, '+0 days') IS ends_on),
  auto_renews INTEGER NOT NULL DEFAULT 0 CHECK (auto_renews IN (0, 1)),
  document    TEXT,
  status      TEXT NOT NULL DEFAULT 'active' CHECK ((status = 'draft' OR status = 'active' OR status = 'ended')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at  INTEGER,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
) STRICT;

CREATE INDEX agreement_partner_idx ON agreement (partner_id);
CREATE INDEX agreement_ends_idx ON agreement (ends_on)
  WHERE status = 'active' AND deleted_at IS NULL;

CREATE TABLE expectation (
  id           INTEGER PRIMARY KEY,
  partner_id   INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  agreement_id INTEGER REFERENCES agreement (id) ON DELETE SET NULL,
  direction    TEXT NOT NULL CHECK ((direction = 'partner-provides' OR direction = 'library-provides')),
  what         TEXT NOT NULL CHECK (length(trim(what)) > 0),
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 1),
  due_on       TEXT CHECK (due_on IS NULL OR date(due_on, '+0 days') IS due_on),
  status       TEXT NOT NULL DEFAULT 'active' CHECK ((status = 'active' OR status = 'met' OR status = 'missed' OR status = 'retired')),
  last_met_on  TEXT CHECK (last_met_on IS NULL OR date(last_met_on, '+0 days') IS last_met_on),
  next_due_on  TEXT CHECK (next_due_on IS NULL OR date(next_due_on, '+0 days') IS next_due_on),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at   INTEGER,
  CHECK (cadence_days IS NOT NULL OR due_on IS NOT NULL)
) STRICT;

CREATE INDEX expectation_partner_idx ON expectation (partner_id);
CREATE INDEX expectation_agreement_idx ON expectation (agreement_id);
CREATE INDEX expectation_due_idx ON expectation (next_due_on)
  WHERE status = 'active' AND deleted_at IS NULL;

-- An expectation tied to an agreement belongs to the agreement's partner.
CREATE TRIGGER expectation_agreement_partner_insert
BEFORE INSERT ON expectation
WHEN NEW.agreement_id IS NOT NULL
 AND NEW.partner_id IS NOT (SELECT partner_id FROM agreement WHERE id = NEW.agreement_id)
BEGIN
  SELECT RAISE (ABORT, 'expectation and agreement belong to different partners');
END;

CREATE TRIGGER expectation_agreement_partner_update
BEFORE UPDATE OF partner_id, agreement_id ON expectation
WHEN NEW.agreement_id IS NOT NULL
 AND NEW.partner_id IS NOT (SELECT partner_id FROM agreement WHERE id = NEW.agreement_id)
BEGIN
  SELECT RAISE (ABORT, 'expectation and agreement belong to different partners');
END;

CREATE TABLE interaction (
  id                INTEGER PRIMARY KEY,
  partner_id        INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  contact_id        INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  -- Kept so the history still names the person after the contact is gone.
  contact_name      TEXT,
  staff             TEXT,
  kind              TEXT NOT NULL
                    CHECK ((kind = 'call' OR kind = 'email' OR kind = 'meeting' OR kind = 'visit' OR kind = 'event' OR kind = 'note' OR kind = 'update-request')),
  occurred_at       INTEGER NOT NULL,
  summary           TEXT NOT NULL CHECK (length(trim(summary)) > 0),
  outcome           TEXT NOT NULL DEFAULT '',
  follow_up_on      TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on, '+0 days') IS follow_up_on),
  follow_up_done_at INTEGER,
  confirms_info     INTEGER NOT NULL DEFAULT 0 CHECK (confirms_info IN (0, 1)),
  expectation_id    INTEGER REFERENCES expectation (id) ON DELETE SET NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at        INTEGER
) STRICT;

CREATE INDEX interaction_partner_idx ON interaction (partner_id, occurred_at DESC);
CREATE INDEX interaction_contact_idx ON interaction (contact_id);
CREATE INDEX interaction_expectation_idx ON interaction (expectation_id);
CREATE INDEX interaction_follow_up_idx ON interaction (follow_up_on)
  WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL;

-- The Today page's snoozes: an item (its key, e.g. 'stale:42',
-- 'follow-up:17', 'expectation:5:2026-12-02', 'agreement:9') stays off the
-- page while until_day is after today.
CREATE TABLE attention_snooze (
  item_key   TEXT PRIMARY KEY NOT NULL,
  until_day  TEXT NOT NULL CHECK (date(until_day, '+0 days') IS until_day),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE intake_feed (
  id              INTEGER PRIMARY KEY,
  partner_id      INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
  url             TEXT NOT NULL CHECK (length(url) > 0),
  etag            TEXT,
  last_modified   TEXT,
  last_fetched_at INTEGER,
  last_status     TEXT,
  auto_accept     INTEGER NOT NULL DEFAULT 0 CHECK (auto_accept IN (0, 1)),
  created_at      INTEGER NOT NULL,
  UNIQUE (partner_id, url)
) STRICT;

-- Times: dtstart/dtend are wall-clock times in tzid ('YYYY-MM-DDTHH:MM:SS'),
-- or days ('YYYY-MM-DD') for all-day events. start_utc / last_end_utc are
-- derived by the store (first occurrence start, end of the last occurrence,
-- NULL when the recurrence never ends) so range queries use an index.
CREATE TABLE event (
  id               INTEGER PRIMARY KEY,
  uid              TEXT NOT NULL CHECK (length(uid) > 0),
  -- Set on an overridden occurrence of a recurring event (RECURRENCE-ID).
  recurrence_of    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  recurrence_id    TEXT,
  partner_id       INTEGER REFERENCES partner (id) ON DELETE SET NULL,
  title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
  summary          TEXT NOT NULL DEFAULT '',
  description      TEXT NOT NULL DEFAULT '',
  dtstart          TEXT NOT NULL,
  dtend            TEXT,
  tzid             TEXT,
  all_day          INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  start_utc        INTEGER NOT NULL,
  last_end_utc     INTEGER,
  rrule            TEXT,
  exdates          TEXT,
  venue_name       TEXT,
  venue_address    TEXT,
  venue_room       TEXT,
  online_url       TEXT,
  audience         TEXT NOT NULL DEFAULT 'all'
                   CHECK ((audience = 'children' OR audience = 'teens' OR audience = 'adults' OR audience = 'seniors' OR audience = 'families' OR audience = 'all')),
  cost             TEXT,
  registration_url TEXT,
  accessibility    TEXT NOT NULL DEFAULT '',
  contact          TEXT,
  image            BLOB,
  image_url        TEXT,
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK ((status = 'draft' OR status = 'confirmed' OR status = 'cancelled' OR status = 'postponed')),
  promote          INTEGER NOT NULL DEFAULT 0 CHECK (promote IN (0, 1)),
  channels         INTEGER NOT NULL DEFAULT 0 CHECK (channels BETWEEN 0 AND 31),
  featured         INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  source           TEXT NOT NULL DEFAULT 'manual' CHECK ((source = 'manual' OR source = 'intake')),
  intake_feed_id   INTEGER REFERENCES intake_feed (id) ON DELETE SET NULL,
  remote_uid       TEXT,
  sequence         INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL CHECK (updated_at >= created_at),
  deleted_at       INTEGER,
  CHECK ((recurrence_of IS NULL) = (recurrence_id IS NULL)),
  CHECK (recurrence_of IS NULL OR rrule IS NULL),
  CHECK (all_day = 0 OR date(dtstart, '+0 days') IS dtstart),
  CHECK (dtend IS NULL OR dtend >= dtstart),
  CHECK (last_end_utc IS NULL OR last_end_utc >= start_utc),
  CHECK (source = 'manual' OR remote_uid IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX event_uid_idx ON event (uid, coalesce(recurrence_id, ''));
CREATE INDEX event_start_idx ON event (start_utc) WHERE deleted_at IS NULL;
CREATE INDEX event_last_end_idx ON event (last_end_utc) WHERE deleted_at IS NULL;
CREATE INDEX event_partner_idx ON event (partner_id, start_utc);
CREATE INDEX event_recurrence_idx ON event (recurrence_of);
CREATE INDEX event_intake_idx ON event (intake_feed_id, remote_uid);

CREATE TABLE event_category (
  event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  category TEXT NOT NULL CHECK (length(trim(category)) > 0),
  PRIMARY KEY (event_id, category)
) STRICT, WITHOUT ROWID;

CREATE INDEX event_category_category_idx ON event_category (category);

CREATE TABLE intake_item (
  id               INTEGER PRIMARY KEY,
  feed_id          INTEGER NOT NULL REFERENCES intake_feed (id) ON DELETE CASCADE,
  remote_uid       TEXT NOT NULL,
  content_hash     TEXT NOT NULL,
  payload          TEXT,
  matched_event_id INTEGER REFERENCES event (id) ON DELETE SET NULL,
  review_state     TEXT NOT NULL DEFAULT 'new'
                   CHECK ((review_state = 'new' OR review_state = 'accepted' OR review_state = 'rejected' OR review_state = 'changed' OR review_state = 'gone')),
  first_seen_at    INTEGER NOT NULL,
  last_seen_at     INTEGER NOT NULL,
  UNIQUE (feed_id, remote_uid)
) STRICT;

CREATE INDEX intake_item_review_idx ON intake_item (review_state);
CREATE INDEX intake_item_event_idx ON intake_item (matched_event_id);

-- Passwords are never stored here: they live in the Secret Service.
CREATE TABLE publish_target (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind       TEXT NOT NULL CHECK ((kind = 'folder' OR kind = 'webdav' OR kind = 'caldav' OR kind = 'tec')),
  url        TEXT NOT NULL CHECK (length(url) > 0),
  username   TEXT,
  options    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL CHECK (updated_at >= created_at)
) STRICT;

CREATE TABLE publish_record (
  id           INTEGER PRIMARY KEY,
  target_id    INTEGER NOT NULL REFERENCES publish_target (id) ON DELETE CASCADE,
  item_kind    TEXT NOT NULL CHECK ((item_kind = 'event' OR item_kind = 'file')),
  -- An event uid, or a feed file name such as 'events.ics'.
  item         TEXT NOT NULL CHECK (length(item) > 0),
  remote_href  TEXT,
  remote_etag  TEXT,
  remote_id    TEXT,
  content_hash TEXT,
  published_at INTEGER,
  state        TEXT NOT NULL DEFAULT 'pending'
               CHECK ((state = 'ok' OR state = 'pending' OR state = 'conflict' OR state = 'failed' OR state = 'deleted')),
  last_error   TEXT,
  UNIQUE (target_id, item_kind, item)
) STRICT;

CREATE INDEX publish_record_state_idx ON publish_record (state) WHERE state <> 'ok';

-- Search: one FTS5 index over partners, contacts, interactions and events,
-- kept current by triggers so it changes in the same transaction as the data.
-- rowid = id * 4 + kind (0 partner, 1 contact, 2 interaction, 3 event).
-- Trashed rows leave the index and come back when restored.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER partner_search_insert AFTER INSERT ON partner
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 4, 'partner', NEW.name,
          ifnull (NEW.description, '') || ' ' || ifnull (NEW.services, '') || ' ' || ifnull (NEW.address, '') || ' ' || ifnull (NEW.email, '') || ' ' || ifnull (NEW.website, '') || ' ' || ifnull (NEW.notes, ''));
END;

-- Only the columns it reads: partner_sort_name_insert's UPDATE of sort_name
-- (every row written with plain SQL) and the store's info_verified_at
-- updates must not rewrite the row in the index.
CREATE TRIGGER partner_search_update
AFTER UPDATE OF name, description, services, address, email, website, notes, deleted_at ON partner
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4;
  INSERT INTO search_index (rowid, kind, title, body)
  SELECT NEW.id * 4, 'partner', NEW.name,
         ifnull (NEW.description, '') || ' ' || ifnull (NEW.services, '') || ' ' || ifnull (NEW.address, '') || ' ' || ifnull (NEW.email, '') || ' ' || ifnull (NEW.website, '') || ' ' || ifnull (NEW.notes, '')
  WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER partner_search_delete AFTER DELETE ON partner
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4;
END;

CREATE TRIGGER contact_search_insert AFTER INSERT ON contact
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 4 + 1, 'contact', NEW.name,
          ifnull (NEW.role, '') || ' ' || ifnull (NEW.email, '') || ' ' || ifnull (NEW.phone, '') || ' ' || ifnull (NEW.notes, ''));
END;

CREATE TRIGGER contact_search_update AFTER UPDATE ON contact
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
  INSERT INTO search_index (rowid, kind, title, body)
  SELECT NEW.id * 4 + 1, 'contact', NEW.name,
         ifnull (NEW.role, '') || ' ' || ifnull (NEW.email, '') || ' ' || ifnull (NEW.phone, '') || ' ' || ifnull (NEW.notes, '')
  WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER contact_search_delete AFTER DELETE ON contact
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 1;
END;

CREATE TRIGGER interaction_search_insert AFTER INSERT ON interaction
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 4 + 2, 'interaction', NEW.summary,
          ifnull (NEW.outcome, '') || ' ' || ifnull (NEW.contact_name, '') || ' ' || ifnull (NEW.staff, ''));
END;

CREATE TRIGGER interaction_search_update AFTER UPDATE ON interaction
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
  INSERT INTO search_index (rowid, kind, title, body)
  SELECT NEW.id * 4 + 2, 'interaction', NEW.summary,
         ifnull (NEW.outcome, '') || ' ' || ifnull (NEW.contact_name, '') || ' ' || ifnull (NEW.staff, '')
  WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER interaction_search_delete AFTER DELETE ON interaction
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 2;
END;

CREATE TRIGGER event_search_insert AFTER INSERT ON event
WHEN NEW.deleted_at IS NULL AND NEW.recurrence_of IS NULL
BEGIN
  INSERT INTO search_index (rowid, kind, title, body)
  VALUES (NEW.id * 4 + 3, 'event', NEW.title,
          ifnull (NEW.summary, '') || ' ' || ifnull (NEW.description, '') || ' ' || ifnull (NEW.venue_name, '') || ' ' || ifnull (NEW.venue_address, '') || ' ' || ifnull (NEW.contact, ''));
END;

CREATE TRIGGER event_search_update AFTER UPDATE ON event
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
  INSERT INTO search_index (rowid, kind, title, body)
  SELECT NEW.id * 4 + 3, 'event', NEW.title,
         ifnull (NEW.summary, '') || ' ' || ifnull (NEW.description, '') || ' ' || ifnull (NEW.venue_name, '') || ' ' || ifnull (NEW.venue_address, '') || ' ' || ifnull (NEW.contact, '')
  WHERE NEW.deleted_at IS NULL AND NEW.recurrence_of IS NULL;
END;

CREATE TRIGGER event_search_delete AFTER DELETE ON event
BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 4 + 3;
END;
