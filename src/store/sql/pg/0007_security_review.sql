-- 0007_security_review.sql (PostgreSQL): the same columns as the SQLite migration.
ALTER TABLE app_user ADD COLUMN reset_sys TEXT COLLATE "C";
ALTER TABLE app_user ADD COLUMN reset_sec TEXT COLLATE "C";
ALTER TABLE app_user ADD COLUMN reset_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN mac TEXT COLLATE "C";
ALTER TABLE audit_head ADD COLUMN last_mac TEXT COLLATE "C";
