-- 0023_household_list_index.sql (PostgreSQL): a village's household list reads its page from one index (issue 20
-- point 4). The index on (village, status) now also holds the columns the list filters and sorts by (attribute,
-- cause_main) and the 户编号 that breaks every tie, so the list's counts by status and the ids of its page, in
-- any order, are read from the index alone; only the page's 50 households are read from the table. Before, a
-- page sorted by status, attribute or cause read every household of the village in full to sort them.
-- It can run again over itself (cli/t0102 runs the last migrations again).
DROP INDEX IF EXISTS household_village;
CREATE INDEX household_village ON household (village, status, attribute, cause_main, hh_no);
