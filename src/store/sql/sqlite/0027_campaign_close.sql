-- 0027_campaign_close.sql: a campaign closed (结束, once the office has accepted its work): who closed it, when,
-- with what note, and its board as it stood then (the counts of its findings by village, state and waiting
-- waiver, as JSON: [[village, "open"|"fixed"|"waived", pending 0|1, n], ...]). From then on its board shows those
-- counts: a finding found or fixed after the close is not the campaign's. It can run again over itself.
CREATE TABLE IF NOT EXISTS campaign_close (
	campaign_id INTEGER PRIMARY KEY REFERENCES campaign (id),
	closed_at INTEGER NOT NULL,             -- stamp
	closed_by TEXT NOT NULL,
	note TEXT,
	counts TEXT NOT NULL
);
