#!/usr/bin/env bash
# `make run` (scripts/run.sh): the demo district with five logins in run/logins.txt — the district office, a
# town operator, and the three administrators of 三员分立 (system, security, audit) — each of which logs in
# and lands where its job is; the files it makes are the user's only. (SQLite only: run.sh's own database.)
source "$(dirname "$0")/lib.sh"
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then finish; exit 0; fi
PORT=$(free_port)
dir=$WORK/run
root=$(cd "$(dirname "$0")/../.." && pwd)
umask 022
TUOPIN_RUN_DIR=$dir TUOPIN_LISTEN=127.0.0.1:$PORT bash "$root/scripts/run.sh" "$(dirname "$TUOPIN_REAL")" \
	>"$WORK/run.out" 2>&1 &
RUN=$!
trap 'kill "$RUN" 2>/dev/null; wait "$RUN" 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 600); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
	kill -0 "$RUN" 2>/dev/null || { cat "$WORK/run.out"; fail "run.sh stopped"; finish; exit 1; }
	sleep 0.2
done
eq "five logins" "$(grep -v '^#' "$dir/logins.txt" | awk '{ print $1, $3 }' | tr '\n' ';')" \
	"linyi 临港区扶贫办;tuanlin 团林镇经办;sysadmin 系统管理员;secadmin 安全管理员;auditadmin 审计管理员;"
eq "logins.txt is yours only" "$(stat -c %a "$dir/logins.txt")" 600
eq "so is the database" "$(stat -c %a "$dir/tuopin.db")" 600
eq "and its audit key" "$(stat -c %a "$dir/tuopin.db.audit-key")" 600
while read -r name pw _; do
	login "$name" "$pw"
	expect 200 "$name" GET /api/me
	case $name in
	linyi | tuanlin) want="read" ;;
	sysadmin) want="users" ;;
	secadmin) want="roles" ;;
	auditadmin) want="audit" ;;
	esac
	jqeq '.data.user.capabilities[0]' "$want"
done < <(grep -v '^#' "$dir/logins.txt")
contains "$(cat "$WORK/run.out")" "auditadmin"
finish
