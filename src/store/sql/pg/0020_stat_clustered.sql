-- 0020_stat_clustered.sql (PostgreSQL): nothing to change. On SQLite this migration stores stat_delta and
-- stat_rollup in their primary key's order (WITHOUT ROWID); PostgreSQL's tables are heaps read through the
-- same primary keys (index-only where the visibility map allows, which VACUUM keeps: DEPLOY.md), so both
-- engines keep the same list of migrations.
SELECT 1;
