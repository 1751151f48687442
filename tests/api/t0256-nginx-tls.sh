#!/usr/bin/env bash
# The nginx configuration of docs/DEPLOY.md, as it is printed there, in front of a real server (issue 22): TLS
# with HTTP/2 and HSTS, plain HTTP redirected, the client's address and scheme forwarded as --trust-proxy
# expects (the audit log records the client, the session cookie is Secure), an upload up to the limit passes
# and one over it is refused by nginx; and `tuopin doctor` sees the requests arrive through TLS.
source "$(dirname "$0")/lib.sh"
command -v nginx >/dev/null || fail "nginx is not installed (scripts/deps.sh test installs it)"
county_db
add_user county county_admin 371399000000
mkdir -p "$WORK/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 \
	-keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2>/dev/null
start_server --trust-proxy --secure-cookies --max-upload 4
HTTPS=$(free_port)
HTTP=$(free_port)
# the example, taken from the document: only the ports, the certificate's place and the upload limit change
awk '/^```nginx$/ { on = 1; next } /^```$/ { on = 0 } on' "$SOURCE_DIR/docs/DEPLOY.md" |
	sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS ssl http2;|" -e "s|listen 80;|listen 127.0.0.1:$HTTP;|" \
		-e "s|/etc/ssl/tuopin/|$WORK/nginx/|g" -e "s|http://127.0.0.1:8080|http://127.0.0.1:$PORT|" \
		-e "s|client_max_body_size 200m;|client_max_body_size 4m;|" >"$WORK/nginx/site.conf"
eq "the example has its two servers" "$(grep -c '^server' "$WORK/nginx/site.conf")" 2
cat >"$WORK/nginx/nginx.conf" <<CONF
user root;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/site.conf;
}
CONF
nginx -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >/dev/null 2>&1 || fail "nginx -t: $(nginx -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>&1)"
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX=$!
trap 'kill $NGINX 2>/dev/null; wait $NGINX 2>/dev/null; stop_server; cleanup' EXIT
for _ in $(seq 1 100); do curl -sk -o /dev/null "https://127.0.0.1:$HTTPS/api/health" && break; sleep 0.05; done
B="https://127.0.0.1:$HTTPS"

curl -sk -o "$WORK/h.json" -D "$WORK/h.head" -w '%{http_version}' --http2 "$B/api/health" >"$WORK/ver"
eq "HTTP/2 over TLS" "$(cat "$WORK/ver") $(jq -r .data.forwarded_proto "$WORK/h.json")" "2 https"
grep -qi '^strict-transport-security: max-age=31536000' "$WORK/h.head" || fail "HSTS: $(cat "$WORK/h.head")"
eq "plain HTTP is redirected" "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$HTTP/households")" \
	"301 https://127.0.0.1/households"
# a login through the proxy: a Secure cookie, and the audit log names the client the proxy saw
curl -sk -D "$WORK/login.head" -c "$WORK/p.jar" -H 'Content-Type: application/json' \
	-d "{\"name\":\"county\",\"password\":\"$PASSWORD\"}" "$B/api/login" >"$WORK/login.json"
eq "logged in" "$(jq -r .ok "$WORK/login.json")" true
grep -i '^set-cookie:' "$WORK/login.head" | grep -qi '; *secure' || fail "the session cookie is Secure: $(grep -i set-cookie "$WORK/login.head")"
eq "the audit row's address" "$(audit_sql "SELECT ip FROM audit WHERE action = 'login' ORDER BY id DESC LIMIT 1")" 127.0.0.1
CSRF=$(jq -r .data.csrf "$WORK/login.json")
# uploads: within nginx's limit they reach Tuopin (an empty registry sheet is refused by Tuopin), over it nginx refuses
printf '户编号\n' >"$WORK/small.csv"
eq "an upload reaches Tuopin" "$(curl -sk -o "$WORK/up.json" -w '%{http_code}' -b "$WORK/p.jar" -H "X-CSRF-Token: $CSRF" \
	--data-binary "@$WORK/small.csv" "$B/api/imports/registry?dry_run=1") $(jq -r .error.code "$WORK/up.json")" "400 invalid_file"
head -c 5000000 /dev/zero >"$WORK/big.csv"
eq "over the limit, refused by nginx" "$(curl -sk -o /dev/null -w '%{http_code}' -b "$WORK/p.jar" -H "X-CSRF-Token: $CSRF" \
	--data-binary "@$WORK/big.csv" "$B/api/imports/registry?dry_run=1")" 413
# doctor, configured as the package is behind this proxy, sees TLS in front
printf 'listen = 127.0.0.1:%s\ntrust_proxy = yes\nsecure_cookies = yes\n' "$PORT" >"$WORK/tuopin.conf"
TUOPIN_CONFIG="$WORK/tuopin.conf" t doctor --format json
eq "doctor: the service and TLS" "$(jq -r '[.checks[] | select(.check == "service" or .check == "tls") | .result] | join(",")' <<<"$OUT")" "ok,ok"
jq -r '.checks[] | select(.check == "tls") | .detail' <<<"$OUT" | grep -q 'X-Forwarded-Proto 为 https' || fail "doctor's TLS line: $OUT"
# a request forwarded as plain http is a failure doctor names
curl -s -o /dev/null -H 'X-Forwarded-Proto: http' "http://127.0.0.1:$PORT/api/health"
TUOPIN_CONFIG="$WORK/tuopin.conf" t doctor --format json
eq "doctor: plain HTTP through the proxy" "$RC $(jq -r '.checks[] | select(.check == "tls") | .result' <<<"$OUT")" "1 fail"
finish
