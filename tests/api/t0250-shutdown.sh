#!/usr/bin/env bash
# SIGTERM while an import is in flight: the import finishes and is committed, new connections are refused,
# and the server exits 0. (Each write being one transaction, nothing is ever half-written.)
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
add_user county county_admin 371399000000
start_server
login county
awk -v n=60000 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/big.csv"
curl -s -o "$WORK/import.json" -w '%{http_code}' -b "$WORK/county.jar" -H "X-CSRF-Token: $(cat "$WORK/county.csrf")" \
	--data-binary "@$WORK/big.csv" "http://127.0.0.1:$PORT/api/imports/registry?as_of=2014-04-30" > "$WORK/import.code" &
curl_pid=$!
# wait until this server holds the upload (its own open upload file: other servers on the machine may have
# theirs in /tmp too) and the import runs, then ask the server to stop
for _ in $(seq 1 3000); do
	ls -l "/proc/$SERVER_PID/fd" 2>/dev/null | grep -q 'tuopin-upload-' && sleep 0.3 && break
	kill -0 "$curl_pid" 2>/dev/null || break
	sleep 0.02
done
kill -TERM "$SERVER_PID"
wait "$curl_pid" || { fail "the upload did not complete (curl exited $?)"; cat "$WORK/server.err" >&2; rc=0; wait "$SERVER_PID" || rc=$?; echo "server exit $rc" >&2; }
wait "$SERVER_PID"
rc=$?
SERVER_PID=""
eq "exit code" "$rc" 0
eq "import answered" "$(cat "$WORK/import.code")" 200
eq "import result" "$(jq -c '[.data.households, .data.members, .data.written]' "$WORK/import.json")" "[20000,60000,true]"
ok stats --format json
nhmr registered "20000 60000"
contains "$(cat "$WORK/server.err")" "已停止"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health" || true)
eq "refused after" "$code" "000"

# A second server on an address a server holds fails at once with a clear error (it used to start and share the
# port, each answering part of the requests from its own database); the same address is free again at once
# after a stop.
start_server
first=$SERVER_PID
rc=0
timeout 20 "$TUOPIN" serve --listen "127.0.0.1:$PORT" > "$WORK/second.out" 2> "$WORK/second.err" || rc=$?
eq "a second server's exit code" "$rc" 1
contains "$(cat "$WORK/second.err")" "无法在 127.0.0.1:$PORT 上监听"
contains "$(cat "$WORK/second.err")" "这个地址已有服务在监听"
kill -TERM "$first"
wait "$first"
SERVER_PID=""
"$TUOPIN" serve --listen "127.0.0.1:$PORT" > "$WORK/again.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
	sleep 0.05
done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health" || true)
eq "the address again after a stop" "$code" 200

# A server that cannot make its session database (SQLite: FILE-sessions beside the file; a read-only directory,
# here a directory in its way) does not start: it used to answer /api/health "ok" while every login failed 500.
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then
	"$TUOPIN" --db "sqlite:$WORK/nosess.db" init >/dev/null
	mkdir "$WORK/nosess.db-sessions"
	rc=0
	timeout 20 "$TUOPIN" --db "sqlite:$WORK/nosess.db" serve --listen "127.0.0.1:$PORT" > "$WORK/nosess.out" 2> "$WORK/nosess.err" || rc=$?
	eq "no session database: exit code" "$rc" 5
	eq "said" "$(cat "$WORK/nosess.err")" "tuopin: 无法创建会话数据库 $WORK/nosess.db-sessions（无法打开数据库 $WORK/nosess.db-sessions：unable to open database file）：服务器须能在数据库所在的目录中写入此文件，否则无人能登录"
fi
finish
