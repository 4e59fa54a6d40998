-- 0002-update-request-index.sql
-- Copyright 2026 The Liaison Authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the Today page asks, for every partner with
-- out-of-date information, when an update was last requested
-- (LIA_STORE_SQL_UPDATE_REQUESTED_AT). With only interaction_partner_idx
-- that read every interaction of the partner; this partial index holds
-- the requests alone, so the answer is one index seek. Its WHERE must stay
-- the same terms as the query's for sqlite to use it.

CREATE INDEX interaction_update_request_idx ON interaction (partner_id, occurred_at)
  WHERE kind = 'update-request' AND deleted_at IS NULL;
