#!/usr/bin/env bash
# Every route of the route table is described in docs/openapi.yaml, with its method, and the server serves it.
source "$(dirname "$0")/lib.sh"
Y=$SOURCE_DIR/docs/openapi.yaml
# "METHOD /path/{param}" for every operation in the document
awk '/^  \/api/ { path = $1; sub(/:$/, "", path) } /^    (get|post|put|patch|delete):/ { m = $1; sub(/:$/, "", m); print toupper(m) " " path }' "$Y" | sort > "$WORK/doc"
ok routes
printf '%s\n' "$OUT" | awk '{ p = $2; gsub(/:[a-z_]+/, "{&}", p); gsub(/\{:/, "{", p); print $1 " " p }' | sort > "$WORK/table"
eq "routes in the table" "$(wc -l < "$WORK/table" | tr -d ' ')" "102"
missing=$(comm -23 "$WORK/table" "$WORK/doc")
eq "routes missing from docs/openapi.yaml" "$missing" ""
extra=$(comm -13 "$WORK/table" "$WORK/doc")
eq "documented routes that do not exist" "$extra" ""
new_db >/dev/null
start_server
code=$(curl -s -o "$WORK/served.yaml" -w '%{http_code}' "http://127.0.0.1:$PORT/api/openapi.yaml")
eq "served" "$code" 200
cmp -s "$WORK/served.yaml" "$Y" || fail "the served document differs from docs/openapi.yaml"
finish
