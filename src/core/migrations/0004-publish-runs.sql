-- 0004-publish-runs.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: publishing keeps a log. Each run of a target (from the
-- window or a nightly job) and each step it completed, so the Publish page
-- can show what happened last night and the Today page what failed; and
-- the target's last run, so "changed since the last publish" is one
-- comparison with event.updated_at.

ALTER TABLE publish_target ADD COLUMN last_run_at INTEGER;
ALTER TABLE publish_target ADD COLUMN last_run_state TEXT
  CHECK (last_run_state IS NULL OR last_run_state IN ('ok', 'partial', 'failed', 'cancelled'));

CREATE TABLE publish_run (
  id          INTEGER PRIMARY KEY,
  target_id   INTEGER NOT NULL REFERENCES publish_target (id) ON DELETE CASCADE,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  state       TEXT NOT NULL CHECK (state IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
  n_done      INTEGER NOT NULL DEFAULT 0,
  n_conflicts INTEGER NOT NULL DEFAULT 0,
  n_failed    INTEGER NOT NULL DEFAULT 0,
  n_pending   INTEGER NOT NULL DEFAULT 0,
  n_requests  INTEGER NOT NULL DEFAULT 0,
  message     TEXT
) STRICT;

CREATE INDEX publish_run_target_idx ON publish_run (target_id, started_at);

CREATE TABLE publish_run_step (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES publish_run (id) ON DELETE CASCADE,
  at       INTEGER NOT NULL,
  action   TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'conflict')),
  item     TEXT NOT NULL,
  title    TEXT NOT NULL,
  outcome  TEXT NOT NULL CHECK (outcome IN ('done', 'conflict', 'failed', 'pending')),
  message  TEXT
) STRICT;

CREATE INDEX publish_run_step_run_idx ON publish_run_step (run_id);
