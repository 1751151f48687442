-- 0007_security_review.sql (SQLite): what the security review asked of accounts and the audit log.
-- A one-time code in two halves (三员分立): an account is activated, or its password reset, with a code whose
-- first half only the system administrator was shown and whose second half only the security administrator
-- was shown; each half is stored as an argon2id hash, and the code is void after reset_until.
ALTER TABLE app_user ADD COLUMN reset_sys TEXT;
ALTER TABLE app_user ADD COLUMN reset_sec TEXT;
ALTER TABLE app_user ADD COLUMN reset_until INTEGER NOT NULL DEFAULT 0;   -- epoch seconds
-- The keyed chain: HMAC-SHA-256 over the previous row's mac and this row's hash, under a key kept outside the
-- database (docs/SECURITY.md). Rows written before this migration have none; the first keyed row seals them.
ALTER TABLE audit ADD COLUMN mac TEXT;
ALTER TABLE audit_head ADD COLUMN last_mac TEXT;
