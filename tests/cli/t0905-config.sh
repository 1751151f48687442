#!/usr/bin/env bash
# The configuration file (issue 22): every command reads $TUOPIN_CONFIG (the package's /etc/tuopin/tuopin.conf
# by default); db, tz and lang stand for their TUOPIN_* variables and the environment wins over the file;
# serve's options come from it and the command line wins; a bad line is named with its number and stops the
# command before it does anything. `tuopin doctor` checks an installation.
source "$TESTLIB"
new_db >/dev/null
DB=$TUOPIN_DB
ok import divisions "$TESTDATA/county/divisions.csv"
ok import registry "$TESTDATA/county/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
conf=$WORK/tuopin.conf
printf '# the office\ndb = %s\ntz = Asia/Urumqi\nlang = en\npage_cache = 8\ntrust_proxy = no\n' "$DB" >"$conf"
unset TUOPIN_DB
export TUOPIN_CONFIG=$conf
ok stats --as-of 2018-10-08 --format json
eq "the file's database" "$(jq -c '.totals.registered | [.households, .persons]' <<<"$OUT")" "[8,22]"
ok version
# the schema's version counts the migrations; the newest migration's file is named beside it (0026 for 25)
newest=$(ls "$(dirname "${BASH_SOURCE[0]}")/../../src/store/sql/sqlite" | sort | tail -1)
count=$(ls "$(dirname "${BASH_SOURCE[0]}")/../../src/store/sql/sqlite" | wc -l)
eq "the file's language, and the schema" "$OUT" "tuopin 0.1.0 (database schema $count: ${newest%.sql})"
TUOPIN_LANG=zh t version
eq "the environment wins" "$OUT" "tuopin 0.1.0（数据库结构第 $count 版：${newest%.sql}）"
ok doctor --format json
eq "doctor: the office's zone from the file" "$(jq -r '.checks[] | select(.check == "timezone") | .detail' <<<"$OUT" | cut -d: -f1)" "office time zone Asia/Urumqi"
eq "doctor: the configuration named" "$(jq -r '.checks[0].detail' <<<"$OUT")" "configuration: $conf"
eq "doctor: the database current" "$(jq -r '[.checks[] | select(.check == "database" or .check == "schema" or .check == "audit") | .result] | join(",")' <<<"$OUT")" "ok,ok"
eq "doctor: no TLS proxy is a warning" "$(jq -r '.checks[] | select(.check == "tls") | .result' <<<"$OUT")" warn
# the audit key readable by others is a failure on either backend (a PostgreSQL key of 0644 passed unseen), and
# on PostgreSQL doctor says it does not check the server's disk or backups (it skipped them silently)
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then key=$TUOPIN_AUDIT_KEY; else key=${DB#sqlite:}.audit-key; fi
chmod 644 "$key"
expect_rc 1 doctor --format json
eq "doctor: the key's mode" "$(jq -r '.checks[] | select(.check == "files" and (.detail | contains("audit key"))) | .result' <<<"$OUT")" fail
chmod 600 "$key"
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	eq "doctor: disk and backups on PostgreSQL" "$(jq -r '[.checks[] | select(.check == "disk" or .check == "backup") | .detail[0:16]] | join(",")' <<<"$OUT")" \
		"not checked here,not checked here"
fi
# a database one migration behind: doctor fails it and says what to do
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then
	cp "${DB#sqlite:}" "$WORK/old.db"
	cp "${DB#sqlite:}.audit-key" "$WORK/old.db.audit-key"
	sqlite3 "$WORK/old.db" <"$TESTDATA/schema/undo-last-migration.sql"
	expect_rc 1 doctor --db "sqlite:$WORK/old.db" --format json
	eq "doctor: the old schema" "$(jq -r '.checks[] | select(.check == "schema") | .result' <<<"$OUT")" fail
	# a backup of it is taken as it is (what an upgrade does before it migrates)
	ok backup "$WORK/old-backup.db" --db "sqlite:$WORK/old.db" --format json
	eq "backed up at its own schema" "$(jq -r .schema <<<"$OUT")" "$(sqlite3 "$WORK/old.db" 'SELECT MAX(version) FROM schema_migrations')"
	# a database that cannot be opened: the reason as it is (only a missing file is told to run init), and the
	# disk beside it checked still (a full disk is a reason; a review found the disk check left out)
	mkdir -p "$WORK/none"
	expect_rc 1 doctor --db "sqlite:$WORK/none/x.db" --format json
	eq "doctor: no database" "$(jq -r '.checks[] | select(.check == "database") | .detail' <<<"$OUT")" \
		"sqlite:$WORK/none/x.db: the database file $WORK/none/x.db does not exist (create it with tuopin init)"
	eq "doctor: its disk checked" "$(jq -r '[.checks[] | select(.check == "disk")] | length' <<<"$OUT")" 1
	printf 'not a database, a note\n%.0s' $(seq 1 300) > "$WORK/none/junk.db"
	expect_rc 1 doctor --db "sqlite:$WORK/none/junk.db" --format json
	jq -r '.checks[] | select(.check == "database") | .detail' <<<"$OUT" | grep -q "init" && fail "doctor advises init for a file that is not a database: $OUT"
fi
# serve takes its options from the file, and a bad one stops it with the option named
printf 'db = %s\nthreads = 0\n' "$DB" >"$conf"
expect_rc 2 serve
grep -q -- '--threads' <<<"$ERR" || fail "the bad option is named: $ERR"
# a bad line: named, and nothing runs
printf 'db = %s\n\ncolour = blue\n' "$DB" >"$conf"
expect_rc 2 stats
eq "an unknown setting" "$ERR" "tuopin：$conf 第 3 行：未知的设置项“colour”"
printf 'trust_proxy = perhaps\n' >"$conf"
expect_rc 2 stats
eq "a yes/no setting" "$ERR" "tuopin：$conf 第 1 行：trust_proxy 只能是 yes 或 no，不能是“perhaps”"
printf 'just words\n' >"$conf"
expect_rc 2 version
eq "not KEY = VALUE" "$ERR" "tuopin：$conf 第 1 行：应写成 键 = 值"
TUOPIN_CONFIG=$WORK/missing.conf t version
eq "a named file that is missing" "$RC $ERR" "2 tuopin：无法读取配置文件 $WORK/missing.conf：No such file or directory"
TUOPIN_CONFIG=none TUOPIN_DB=$DB ok stats --as-of 2018-10-08 --format json
eq "none: no file" "$(jq -c ".totals.registered.households" <<<"$OUT")" 8
finish
