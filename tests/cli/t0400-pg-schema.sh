#!/usr/bin/env bash
# The migrated schemas of SQLite and PostgreSQL are the same: tables, columns in order with their broad type
# (integer or text), NOT NULL and primary keys, foreign keys, named indexes with their columns, and the number
# of migrations. PostgreSQL also has one id sequence per table whose ids the store draws from it.
# (PostgreSQL only: run as pg/t0400-pg-schema.)
source "$TESTLIB"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] || { echo "skipped: PostgreSQL only"; exit 77; }
lite="$WORK/schema.db"
ok --db "sqlite:$lite" init
new_db >/dev/null   # not in $(...): lib.sh must see the database to drop it
pg=$TUOPIN_DB
q() { sqlite3 -separator ' ' "$lite" "$1"; }
p() { psql "$pg" -v ON_ERROR_STOP=1 -qtA -F ' ' -c "$1"; }

# table column type(int|text) not-null(0|1) primary-key(0|1); SQLite reports INTEGER PRIMARY KEY as nullable,
# but it never holds NULL.
lite_cols=$(q "SELECT m.name, c.name, CASE WHEN upper(c.type) LIKE '%INT%' THEN 'int' ELSE lower(c.type) END,
	CASE WHEN c.\"notnull\" OR c.pk > 0 THEN 1 ELSE 0 END, CASE WHEN c.pk > 0 THEN 1 ELSE 0 END
	FROM sqlite_master m JOIN pragma_table_info(m.name) c
	WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid")
pg_cols=$(p "SELECT c.table_name, c.column_name,
	CASE WHEN c.data_type IN ('integer', 'bigint', 'smallint') THEN 'int' ELSE c.data_type END,
	CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END,
	CASE WHEN EXISTS (SELECT 1 FROM information_schema.table_constraints t
		JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name
		AND k.table_schema = t.table_schema AND k.table_name = t.table_name
		WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema
		AND t.table_name = c.table_name AND k.column_name = c.column_name) THEN 1 ELSE 0 END
	FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema
	AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
	WHERE c.table_schema = current_schema() ORDER BY c.table_name COLLATE \"C\", c.ordinal_position")
eq "columns" "$pg_cols" "$lite_cols"
# a few known lines, so that an empty comparison cannot pass
contains "$pg_cols" "household id int 1 1"
contains "$pg_cols" "household hh_no text 1 0"
contains "$pg_cols" "membership_span recorded_to int 1 0"
contains "$pg_cols" "stat_delta status text 1 1"

# table.column -> table.column
lite_fks=$(q "SELECT m.name || '.' || f.\"from\" || ' ' || f.\"table\" || '.' || f.\"to\"
	FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1")
pg_fks=$(p "SELECT s FROM (SELECT k.table_name || '.' || k.column_name || ' ' || u.table_name || '.' || u.column_name AS s
	FROM information_schema.referential_constraints r
	JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name
	AND k.constraint_schema = r.constraint_schema
	JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name
	AND u.constraint_schema = r.unique_constraint_schema
	WHERE r.constraint_schema = current_schema()) f ORDER BY s COLLATE \"C\"")
eq "foreign keys" "$pg_fks" "$lite_fks"
contains "$pg_fks" "membership_span.member_id member.id"

# named indexes (not the ones keys and UNIQUE make) with their columns
lite_idx=$(q "SELECT i.name, group_concat(c.name, ',') FROM sqlite_master i JOIN pragma_index_info(i.name) c
	WHERE i.type = 'index' AND i.sql IS NOT NULL GROUP BY i.name ORDER BY i.name")
pg_idx=$(p "SELECT i.relname, string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index x
	JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
	JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
	CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
	JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
	WHERE NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
	GROUP BY i.relname ORDER BY i.relname COLLATE \"C\"")
eq "indexes" "$pg_idx" "$lite_idx"
contains "$pg_idx" "change_event_chain chain_kind,chain_id,effective"

# the same migrations, applied in full on both
eq "migrations" "$(p 'SELECT version FROM schema_migrations ORDER BY version')" \
	"$(q 'SELECT version FROM schema_migrations ORDER BY version')"
eq "migration files" "$(ls "$TUOPIN_SRC/src/store/sql/pg" | wc -l)" "$(ls "$TUOPIN_SRC/src/store/sql/sqlite" | wc -l)"

# the seeded rows are the same
eq "poverty lines" "$(p 'SELECT year, region, kind, amount, note FROM poverty_line ORDER BY 1, 2, 3')" \
	"$(q 'SELECT year, region, kind, amount, note FROM poverty_line ORDER BY 1, 2, 3')"

eq "sequences" "$(p "SELECT sequence_name FROM information_schema.sequences
	WHERE sequence_schema = current_schema() AND sequence_name LIKE '%_id_seq' ORDER BY 1")" \
	"$(printf '%s\n' aid_id_seq asset_id_seq beneficiary_id_seq cadre_id_seq case_household_id_seq \
		case_person_id_seq change_event_id_seq complaint_id_seq household_id_seq household_status_span_id_seq \
		job_fair_id_seq loan_id_seq measure_id_seq member_id_seq membership_span_id_seq pairing_id_seq \
		payment_id_seq project_id_seq public_post_id_seq supervision_case_id_seq visit_id_seq work_team_id_seq)"

# every text column sorts by code point, as on SQLite, whatever the database's locale
eq "collations" "$(p "SELECT table_name || '.' || column_name FROM information_schema.columns
	WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' AND data_type = 'text'
	AND collation_name IS DISTINCT FROM 'C'
	ORDER BY 1")" ""

# a password in the address is never printed (the test cluster trusts local users and ignores it)
secret=${pg/postgresql:\/\/\//postgresql://tuopin:Secret-Pw-1@/}
ok --db "$secret" init
contains "$OUT" "postgresql://tuopin:***@/"
not_contains "$OUT$ERR" "Secret-Pw-1"
# nor by the server's first line
"$TUOPIN" --db "$secret" serve --listen "127.0.0.1:$((10000 + RANDOM % 22000))" >"$WORK/serve.out" 2>&1 &
spid=$!
for _ in $(seq 1 200); do grep -q "http://" "$WORK/serve.out" && break; sleep 0.05; done
kill -TERM "$spid" 2>/dev/null || true
wait "$spid" || true
contains "$(cat "$WORK/serve.out")" "postgresql://tuopin:***@/"
not_contains "$(cat "$WORK/serve.out")" "Secret-Pw-1"

# A read-only session (a hot standby, a reporting role) reads without writing anything at open.
ok --db "$pg" stats --format json
want=$OUT
PGOPTIONS="-c default_transaction_read_only=on" ok --db "$pg" stats --format json
eq "read-only stats" "$OUT" "$want"
# ... and exports masked, saying the export is not in the log (it failed on a hot standby, leaving the list of
# names on disk: found by a review); an export with full numbers is refused there, and leaves no file
ok --db "$pg" export registry "$WORK/rw.csv" --as-of 2018-10-08
PGOPTIONS="-c default_transaction_read_only=on" ok --db "$pg" export registry "$WORK/ro.csv" --as-of 2018-10-08
eq "the masked export written" "$(cmp "$WORK/ro.csv" "$WORK/rw.csv" && echo same)" same
PGOPTIONS="-c default_transaction_read_only=on" expect_rc 5 --db "$pg" export registry "$WORK/ro-full.csv" --as-of 2018-10-08 --full-id
eq "no full list left" "$(ls "$WORK/ro-full.csv" 2>/dev/null)" ""

# libpq's key=value form: the anchors go to the database's own file, as with a URI (they went to the file of
# a database named "postgres", so verifying another database found rows "cut off": found by a review)
dbname=${pg#postgresql:///}
dbname=${dbname%%\?*}
ok --db "postgresql:host=$PGHOST port=${PGPORT:-5432} dbname=$dbname" audit anchor
contains "$OUT" "$TUOPIN_AUDIT_KEY.$dbname.audit-anchors"

# A database whose schema is older or newer than the binary is refused with a clear message (exit 5).
last=$(p 'SELECT MAX(version) FROM schema_migrations')
p "DELETE FROM schema_migrations WHERE version = $last" >/dev/null
expect_rc 5 --db "$pg" stats
eq "older schema" "$ERR" "tuopin: 数据库结构版本为 $((last - 1))，本程序需要 $last，请先运行 tuopin init"
p "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($last, 'again', 'now'),
	($((last + 1)), 'future', 'now')" >/dev/null
expect_rc 5 --db "$pg" stats --lang en
eq "newer schema" "$ERR" \
	"tuopin: the database schema version $((last + 1)) is newer than this program's ($last): upgrade tuopin"
finish
