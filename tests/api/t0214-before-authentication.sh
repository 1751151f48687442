#!/usr/bin/env bash
# Resources before authentication (issue 13 point 5): the session, the CSRF header and the role are checked on
# the headers, before any body is read. A refused upload is answered at once and its connection closed: the
# temporary file is never created and the rest of the body never read; so is a refused JSON body, and a body
# announced over its limit. Connections are limited per client address, and a connection that dawdles over
# its headers (slow headers) is closed after --header-timeout, so the server stays reachable.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user cadre cadre 371399100201
mkdir -p "$WORK/tmp"
TMPDIR="$WORK/tmp" start_server --max-upload 4
login county
login cadre
head -c 3000000 /dev/zero | tr '\0' 'a' >"$WORK/big.csv"
uploads() { find "$WORK/tmp" -name 'tuopin-upload-*' | wc -l; }

# slow POST PATH [CURL ARGS]: send big.csv at 500 KB/s in the background (6 s if the server read it all);
# sets SLOW (its pid); the answer goes to $WORK/slow.out with the status last
slow() {
	local path=$1
	shift
	curl -s -o "$WORK/slow.body" -w '%{http_code}' --limit-rate 500K -H 'Expect:' "$@" \
		--data-binary "@$WORK/big.csv" "http://127.0.0.1:$PORT$path" >"$WORK/slow.out" 2>/dev/null &
	SLOW=$!
}
# answered WANT WHAT: the slow request ended within 2 s with status WANT, and no upload file appeared
answered() {
	local i
	for i in $(seq 1 20); do
		kill -0 "$SLOW" 2>/dev/null || break
		[ "$(uploads)" = 0 ] || fail "$2: an upload file was created"
		sleep 0.1
	done
	kill -0 "$SLOW" 2>/dev/null && { fail "$2: still reading the body after 2 s"; kill "$SLOW"; }
	wait "$SLOW" 2>/dev/null || true
	eq "$2" "$(cat "$WORK/slow.out") $(jq -r .error.code "$WORK/slow.body")" "$1"
	eq "$2: no upload file" "$(uploads)" 0
}
slow /api/imports/registry -H 'Content-Type: text/csv'
answered "401 unauthorized" "an anonymous upload"
slow /api/imports/registry -b "$WORK/cadre.jar" -H "X-CSRF-Token: $(cat "$WORK/cadre.csrf")"
answered "403 forbidden" "an upload by a role without imports"
slow /api/imports/registry -b "$WORK/county.jar"
answered "403 csrf" "an upload without the CSRF header"
slow /api/households -H 'Content-Type: application/json'
answered "401 unauthorized" "an anonymous JSON body"
head -c 5000000 /dev/zero >"$WORK/huge.csv"
# (with Expect: 100-continue, as curl sends it for a large body: without it curl may still be sending when
# the answer and the close arrive, and then reports a send error instead of the answer)
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H 'Expect: 100-continue' -b "$WORK/county.jar" -H "X-CSRF-Token: $(cat "$WORK/county.csrf")" \
	--data-binary "@$WORK/huge.csv" "http://127.0.0.1:$PORT/api/imports/registry")
eq "announced over the limit" "$STATUS $(jq -r .error.code "$WORK/body")" "413 too_big"
eq "no upload file" "$(uploads)" 0
# an upload the county may make does reach its temporary file (so the checks above see something)
curl -s -o /dev/null -w '%{http_code}' --limit-rate 1500K -H 'Expect:' -b "$WORK/county.jar" \
	-H "X-CSRF-Token: $(cat "$WORK/county.csrf")" --data-binary "@$WORK/big.csv" \
	"http://127.0.0.1:$PORT/api/imports/registry" >"$WORK/slow.out" 2>/dev/null &
SLOW=$!
seen=0
for i in $(seq 1 40); do [ "$(uploads)" = 1 ] && { seen=1; break; }; sleep 0.05; done
eq "an allowed upload streams to its file" "$seen" 1
wait "$SLOW" || true
eq "and is read to the end" "$(cat "$WORK/slow.out")" 400
# the server removes the file when the request is done, which may be just after the answer reached curl
for i in $(seq 1 40); do [ "$(uploads)" = 0 ] && break; sleep 0.05; done
eq "its file removed" "$(uploads)" 0

# slow headers: four connections per address, six seconds for the headers (generous: on a loaded machine the
# next command may take seconds to start, and a place freed by a timeout would let the check below in)
stop_server
# Four workers: the share of an address is counted across the whole pool, not per worker (libmicrohttpd's own
# limit counted per worker, and a connection accepted by another worker got in).
start_server --threads 4 --max-per-address 4 --header-timeout 6 --timeout 5
trap '' PIPE   # the server closes the connections over the limit: writes to them fail, quietly
fds=()
for i in $(seq 1 12); do
	exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"
	printf 'GET /api/ping HTTP/1.1\r\nHost: t\r\n' >&"$fd" 2>/dev/null || true
	fds+=("$fd")
done
# at once, before any timeout can free a place: this address holds its four
# of the twelve, the four first stay open and the others are closed at once (readable: at end of stream)
sleep 0.3
open=0
for fd in "${fds[@]}"; do read -r -t 0 -u "$fd" || open=$((open + 1)); done
eq "four connections held, the rest closed" "$open" 4
# (several tries: each new connection may land on any worker)
full=""
for i in 1 2 3 4 5 6; do full+="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/api/ping" || true) "; done
eq "this address is full, on every worker" "$full" "000 000 000 000 000 000 "
eq "another address is served" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --interface 127.0.0.2 "http://127.0.0.1:$PORT/api/ping")" 200
# trickle a header line to each every half second: never idle, never done; the header timeout ends them
( for k in $(seq 1 20); do for fd in "${fds[@]}"; do printf 'X-Slow: %d\r\n' "$k" >&"$fd" 2>/dev/null; done; sleep 0.5; done ) &
trickle=$!
sleep 6.5
eq "the slow ones were closed" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/api/ping")" 200
closed=0
for fd in "${fds[@]}"; do
	# end of stream, or reset (those over the limit): anything but still open after a second
	rc=0
	timeout 1 cat <&"$fd" >/dev/null 2>&1 || rc=$?
	[ "$rc" != 124 ] && closed=$((closed + 1))
	exec {fd}<&-
done
eq "every slow connection ended" "$closed" 12
kill "$trickle" 2>/dev/null || true
wait "$trickle" 2>/dev/null || true
# a prompt client on a kept-alive connection is not cut
exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /api/ping HTTP/1.1\r\nHost: t\r\n\r\n' >&"$fd"
IFS= read -r -t 2 first <&"$fd" || true
eq "a prompt answer" "${first%$'\r'}" "HTTP/1.1 200 OK"
exec {fd}<&-
finish
