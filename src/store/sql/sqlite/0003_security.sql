-- 0003_security.sql (SQLite): accounts bound to a division, sessions and API tokens stored as digests, and
-- the hash-chained audit log with its head (the head row serialises appends).

CREATE TABLE app_user (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	role TEXT NOT NULL,
	division INTEGER NOT NULL,              -- the scope's root; 0 for the system administrators
	pw_hash TEXT NOT NULL,                  -- argon2id (libsodium crypto_pwhash_str)
	locked INTEGER NOT NULL DEFAULT 0,      -- locked by an administrator
	failed INTEGER NOT NULL DEFAULT 0,      -- consecutive failed logins
	locked_until INTEGER NOT NULL DEFAULT 0,-- epoch seconds: locked out after failures until then
	must_change INTEGER NOT NULL DEFAULT 0, -- must change the password at the next login
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE session (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,        -- BLAKE2b-256 of the cookie value, hex
	user_id INTEGER NOT NULL REFERENCES app_user (id),
	csrf TEXT NOT NULL,
	created_at INTEGER NOT NULL,            -- epoch seconds
	seen_at INTEGER NOT NULL,
	ip TEXT
);
CREATE INDEX session_user ON session (user_id);

CREATE TABLE api_token (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES app_user (id),
	name TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,            -- epoch seconds
	last_used INTEGER,
	revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_token_user ON api_token (user_id);

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,                    -- YYYYMMDDHHMMSS
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	object TEXT,
	detail TEXT,                            -- JSON: before and after, or what was read
	ip TEXT,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL                      -- BLAKE2b-256 over prev_hash and this row's fields
);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	last_id INTEGER NOT NULL,
	last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
	VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
