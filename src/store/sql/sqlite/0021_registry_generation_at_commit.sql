-- 0021_registry_generation_at_commit.sql (SQLite): on PostgreSQL the registry's generation now moves at commit,
-- noted per transaction in registry_generation_due, so that writers of different counties do not wait for
-- each other on its row. SQLite's writers run one at a time and its triggers (0017) stay as they are: the table
-- is here only so that both engines have the same tables; it stays empty.
CREATE TABLE IF NOT EXISTS registry_generation_due (
	tx INTEGER PRIMARY KEY
);
