#!/usr/bin/env bash
# SIGHUP (systemctl reload, logrotate's postrotate) reopens the access log: after the file is moved away, the
# next request is written to a new file of that name, and the server goes on serving (issue 22).
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
start_server
# lines(FILE N): wait until FILE has N lines (a request's line is written just after its answer is sent)
lines() { for _ in $(seq 1 100); do [ "$(wc -l <"$1" 2>/dev/null || echo 0)" -ge "$2" ] && return 0; sleep 0.05; done; return 1; }
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/ping?before"
for _ in $(seq 1 100); do grep -q 'ping?before\|/api/ping ' "$WORK/access.log" 2>/dev/null && break; sleep 0.05; done
before=$(wc -l <"$WORK/access.log")
[ "$before" -ge 1 ] || fail "nothing written to the log"
mv "$WORK/access.log" "$WORK/access.log.1"
kill -HUP "$SERVER_PID"
for _ in $(seq 1 100); do grep -q '已重新打开访问日志' "$WORK/server.err" && break; sleep 0.05; done
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/ping"
lines "$WORK/access.log" 1 || true
eq "still serving" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health")" 200
lines "$WORK/access.log" 2 || true
eq "the new file has the requests since" "$(awk '{ print $4 }' "$WORK/access.log" | tr '\n' ' ')" "/api/ping /api/health "
eq "the old one kept what it had" "$(wc -l <"$WORK/access.log.1")" "$before"
eq "the server said so" "$(grep -c '已重新打开访问日志' "$WORK/server.err")" 1
eq "its mode" "$(stat -c %a "$WORK/access.log")" 600
finish
