-- 0005_household_order.sql: households in the order of the lists (village, then 户编号), so a page of a
-- county's or a province's list is read from the index instead of sorting every household in scope.
CREATE INDEX household_village_no ON household (village, hh_no);
