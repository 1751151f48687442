#!/usr/bin/env bash
# The Debian package as a county's IT administrator meets it (issue 22): `make deb` builds it from the tree,
# lintian finds no error in it, and in a throwaway root (an overlay of this machine's / in a private mount
# namespace: dpkg, the libraries and systemd-analyze are this machine's, and nothing written reaches it) it
# installs with dpkg: the service user, its 0700 state and the database, the conffile readable by the service
# only, the first-administrator message (no default password), `tuopin doctor` passing, the demo loaded and
# served; then an upgrade over a database one migration behind (an older build's): a verified backup taken
# first, the schema migrated, the figures unchanged; remove keeps the data, purge deletes it; and the unit
# passes `systemd-analyze verify`.
source "$TESTLIB"
[ "$(id -u)" = 0 ] || { echo "skipped: installing a package in a throwaway root needs root"; exit 77; }
command -v lintian >/dev/null || fail "lintian is not installed (scripts/deps.sh test installs it)"

SRC=${TUOPIN_SRC:?}
BIN=$TUOPIN_REAL
mkdir -p "$WORK/pkg"
DEB_VERSION=0.0.9 TUOPIN_BIN="$BIN" "$SRC/scripts/make-deb.sh" "$WORK/pkg" >/dev/null
DEB_VERSION=0.1.0 TUOPIN_BIN="$BIN" "$SRC/scripts/make-deb.sh" "$WORK/pkg" >/dev/null
eq "two packages" "$(cd "$WORK/pkg" && ls)" "$(printf 'tuopin_0.0.9_%s.deb\ntuopin_0.1.0_%s.deb' "$(dpkg --print-architecture)" "$(dpkg --print-architecture)")"
NEW=$(ls "$WORK"/pkg/tuopin_0.1.0_*.deb)
eq "its man page is the command table's" "$(dpkg-deb --fsys-tarfile "$NEW" | tar -xO ./usr/share/man/man1/tuopin.1.gz | gzip -d | grep -c '^\.B tuopin ')" \
	"$(TUOPIN_CONFIG=none "$BIN" help | grep -c '^  tuopin ')"
eq "the config is a conffile" "$(dpkg-deb -I "$NEW" conffiles | tr '\n' ' ')" "/etc/tuopin/tuopin.conf /etc/logrotate.d/tuopin "
if command -v lintian >/dev/null; then
	lintian --allow-root --no-tag-display-limit "$NEW" >"$WORK/lintian.out" 2>&1 || true
	eq "lintian: no errors" "$(grep -c '^E:' "$WORK/lintian.out" || true)" 0
	grep '^E:' "$WORK/lintian.out" >&2 || true
fi

# the throwaway root
R=$WORK/root
mkdir -p "$R" "$WORK/upper" "$WORK/ovl"
cp "$WORK"/pkg/*.deb "$WORK/upper/" 2>/dev/null || true
cp "$SRC/tests/data/schema/undo-last-migration.sql" "$WORK/upper/"
cat >"$WORK/inside.sh" <<'INSIDE'
set -u
R=$1
mount -t overlay overlay -o "lowerdir=/,upperdir=$2,workdir=$3" "$R" || exit 90
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mount -t tmpfs tmpfs "$R/run"
mount -t tmpfs tmpfs "$R/tmp"
exec chroot "$R" /bin/bash -s
INSIDE
cat >"$WORK/steps.sh" <<'STEPS'
set -u
cd /
out=/steps
mkdir -p $out
say() { echo "$1" >"$out/$2"; }
db=/var/lib/tuopin/tuopin.db
T() { runuser -u tuopin -- tuopin "$@"; }
dpkg -i /tuopin_0.0.9_*.deb >$out/install.log 2>&1; say $? install.rc
stat -c '%a %U' /var/lib/tuopin >$out/state.mode
stat -c '%a %U:%G' /etc/tuopin/tuopin.conf >$out/conf.mode
stat -c '%a %U' $db >$out/db.mode
getent passwd tuopin | cut -d: -f6,7 >$out/user
# the first administrators, made by the commands the install printed, as printed (sudo -u as runuser -u; the
# password on standard input, where a terminal would have one generated)
grep '^    sudo -u tuopin tuopin user add' $out/install.log | sort -u |
	sed 's/^    sudo -u tuopin /echo Kq7-first-admin-pw | runuser -u tuopin -- /' >$out/admins.sh
bash -e $out/admins.sh >$out/admins.out 2>&1; say $? admins.rc
T user list 2>/dev/null | awk 'NR > 1 { print $1, $2, $3 }' | sort | paste -sd, >$out/admins
T doctor >$out/doctor1.out 2>&1; say $? doctor1.rc
T demo >/dev/null 2>&1; say $? demo.rc
T stats --as-of 2018-10-08 --format json >$out/stats1.json 2>&1
T stats --as-of 2016-12-31 --recorded-at "2018-03-31 12:00:00" --by village --format json >>$out/stats1.json 2>&1
T changes --from 2014-01-01 --to 2019-12-31 --format json >$out/changes1.json 2>&1
port=$((20000 + RANDOM % 10000))
# setpriv execs the server as the service user (as systemd would): the pid is the server's own
TUOPIN_CONFIG=/etc/tuopin/tuopin.conf setpriv --reuid=tuopin --regid=tuopin --init-groups tuopin serve --listen 127.0.0.1:$port >$out/serve.out 2>&1 &
pid=$!
for i in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:$port/api/health && break; sleep 0.1; done
curl -s http://127.0.0.1:$port/api/health >$out/health.json
kill -TERM $pid; wait $pid; say $? serve.rc
# an older build's database: the last migration not yet applied
sqlite3 $db </undo-last-migration.sql
T doctor >$out/doctor2.out 2>&1; say $? doctor2.rc
dpkg -i /tuopin_0.1.0_*.deb >$out/upgrade.log 2>&1; say $? upgrade.rc
ls /var/lib/tuopin/backups >$out/backups
T doctor >$out/doctor3.out 2>&1; say $? doctor3.rc
T stats --as-of 2018-10-08 --format json >$out/stats2.json 2>&1
T stats --as-of 2016-12-31 --recorded-at "2018-03-31 12:00:00" --by village --format json >>$out/stats2.json 2>&1
T changes --from 2014-01-01 --to 2019-12-31 --format json >$out/changes2.json 2>&1
sqlite3 $db "SELECT COUNT(*) FROM schema_migrations" >$out/migrations
T backup /tmp/check.db >/dev/null 2>&1; say $? backup.rc
systemd-analyze verify /lib/systemd/system/tuopin.service >$out/verify.out 2>&1; say $? verify.rc
systemd-analyze security --offline=true /lib/systemd/system/tuopin.service 2>/dev/null | sed -n 's/.*Overall exposure level for tuopin.service: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p' >$out/security
dpkg -r tuopin >/dev/null 2>&1; say $? remove.rc
{ [ -e /usr/bin/tuopin ] && echo bin || echo nobin; [ -e $db ] && echo data || echo nodata; [ -e /etc/tuopin/tuopin.conf ] && echo conf || echo noconf; } | tr '\n' ' ' >$out/removed
dpkg -P tuopin >/dev/null 2>&1; say $? purge.rc
{ [ -e /var/lib/tuopin ] && echo data || echo nodata; [ -e /etc/tuopin ] && echo conf || echo noconf; } | tr '\n' ' ' >$out/purged
STEPS
unshare -m --propagation private bash "$WORK/inside.sh" "$R" "$WORK/upper" "$WORK/ovl" <"$WORK/steps.sh" >"$WORK/inside.log" 2>&1
rc=$?
if [ "$rc" = 90 ]; then
	echo "skipped: this machine cannot mount an overlay in a private namespace"
	exit 77
fi
S=$WORK/upper/steps
r() { cat "$S/$1" 2>/dev/null | tr -d '\n'; }
eq "installed" "$(r install.rc)" 0
grep -q 'tuopin user add secadmin --role sec_admin --display-name 安全管理员' "$S/install.log" || fail "the first install says how to make the first security administrator: $(cat "$S/install.log")"
eq "the three administrators made as the install says" "$(r admins.rc) $(r admins)" \
	"0 auditadmin 审计管理员 审计管理员,secadmin 安全管理员 安全管理员,sysadmin 系统管理员 系统管理员"
eq "the state: the service user's only" "$(r state.mode)" "700 tuopin"
eq "the configuration: readable by the service" "$(r conf.mode)" "640 root:tuopin"
eq "the database, made at install" "$(r db.mode)" "600 tuopin"
eq "the service user" "$(r user)" "/var/lib/tuopin:/usr/sbin/nologin"
eq "doctor passes" "$(r doctor1.rc)" 0
grep -q '失败 0 项' "$S/doctor1.out" || fail "doctor: $(cat "$S/doctor1.out")"
eq "the demo" "$(r demo.rc)" 0
eq "served" "$(jq -r .data.status "$S/health.json" 2>/dev/null)" ok
eq "stopped cleanly" "$(r serve.rc)" 0
eq "doctor finds the old schema" "$(r doctor2.rc)" 1
eq "upgraded" "$(r upgrade.rc)" 0
eq "a backup first" "$(grep -c '^tuopin-before-0.0.9-.*\.db$' "$S/backups")" 1
eq "doctor passes after" "$(r doctor3.rc)" 0
TUOPIN_CONFIG=none "$BIN" --db "sqlite:$WORK/fresh.db" init >/dev/null 2>&1
eq "every migration applied" "$(r migrations)" "$(sqlite3 "$WORK/fresh.db" 'SELECT COUNT(*) FROM schema_migrations')"
eq "the figures unchanged" "$(jq -c . "$S/stats2.json")" "$(jq -c . "$S/stats1.json")"
# the change report after the upgrade adds up the persons each event keeps (0028, made by the upgrade from the
# memberships): the same as it counted them one by one before
eq "the change report unchanged" "$(jq -c .rows "$S/changes2.json")" "$(jq -c .rows "$S/changes1.json")"
eq "the change report not empty" "$(jq '.rows | length > 5' "$S/changes1.json")" true
# the second figures are as recorded: after the upgrade they come from the aggregates the migration made
eq "as recorded too" "$(jq -s -r '.[1].recorded_at' "$S/stats1.json")" "2018-03-31 12:00:00"
eq "a backup of the upgraded database checks" "$(r backup.rc)" 0
eq "systemd-analyze verify" "$(r verify.rc)" 0
eq "systemd-analyze security: in its OK band" "$(r security)" "1.2 OK"
[ "$(r verify.rc)" = 0 ] || cat "$S/verify.out" >&2
eq "remove keeps the data and the configuration" "$(r remove.rc) $(r removed)" "0 nobin data conf "
eq "purge deletes them" "$(r purge.rc) $(r purged)" "0 nodata noconf "
[ "$FAILS" = 0 ] || { echo "--- inside ---"; cat "$WORK/inside.log"; cat "$S/install.log" "$S/upgrade.log" "$S/serve.out" 2>/dev/null; } >&2
finish
