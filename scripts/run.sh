#!/usr/bin/env bash
# run.sh BUILD_DIR: Tuopin on its embedded SQLite database with the Lingang demo district loaded, served on
# loopback. The first run creates run/tuopin.db (`tuopin demo`: the district of SCENARIO.md, about 20,000
# households), five logins whose passwords it writes to run/logins.txt (readable by you only) — the district
# office, a town operator, and the three administrators of 三员分立 (system, security, audit; docs/SECURITY.md)
# — and starts the server; later runs reuse both (a database whose logins file is gone is kept, and said so:
# never rebuilt over). Stop it with Ctrl-C.
#   TUOPIN_LISTEN=HOST:PORT   where to listen (default 127.0.0.1:8080, or the next free port up to 8099)
#   TUOPIN_RUN_DIR=DIR        where the database and logins live (default run/)
set -euo pipefail
build=${1:-build}
tuopin="$build/tuopin"
dir=${TUOPIN_RUN_DIR:-run}
db="sqlite:$dir/tuopin.db"
logins="$dir/logins.txt"
umask 077   # the database, its logins and the access log hold personal data: yours only
mkdir -p "$dir"

if [ -f "$dir/tuopin.db" ] && [ ! -f "$logins" ]; then
	# a database without its logins file (deleted for the passwords it holds, say): never rebuilt over the data
	cat >&2 <<EOF
run.sh：$dir/tuopin.db 中已有数据，但登录文件 $logins 不见了。为免丢失数据，不重建演示库。
  保留数据：为演示账号重设密码，如 $tuopin --db $db user passwd linyi（账号见 user list），然后再运行；
  从头开始（删除 $dir 中的全部数据）：rm -r $dir，然后再运行。
run.sh: $dir/tuopin.db holds data but its logins file $logins is gone; not rebuilding the demo over it.
  Keep the data: reset a login's password (user passwd NAME) and run again; start over: rm -r $dir, run again.
EOF
	exit 1
fi
if [ ! -f "$dir/tuopin.db" ]; then
	rm -f "$dir"/tuopin.db-wal "$dir"/tuopin.db-shm "$dir"/tuopin.db.audit-key "$dir"/tuopin.db.audit-anchors \
		"$dir"/tuopin.db-sessions "$dir"/tuopin.db-sessions-wal "$dir"/tuopin.db-sessions-shm "$logins"
	echo "首次运行：生成临港区演示数据（约需几秒钟）…"
	"$tuopin" --db "$db" demo >"$dir/demo.txt"
	cat "$dir/demo.txt"
	pw() { head -c 12 /dev/urandom | base64 | tr -d '/+=' | cut -c1-12; }
	{
		echo "# Tuopin 演示登录（run.sh 生成）：用户名 密码 角色"
		# the administrators are set up here, on the server, as 三员分立 wants: none of them can make another
		for spec in "linyi county_admin 371373000000 临港区扶贫办" "tuanlin town_operator 371373101000 团林镇经办" \
			"sysadmin sys_admin - 系统管理员" "secadmin sec_admin - 安全管理员" "auditadmin audit_admin - 审计管理员"; do
			read -r name role div label <<<"$spec"
			p="Tp-$(pw)"
			args=(user add "$name" --role "$role" --display-name "$label" --keep)
			[ "$div" != - ] && args+=(--division "$div")
			# the password on standard input, not in the arguments (which any user sees in ps)
			printf '%s\n' "$p" | "$tuopin" --db "$db" "${args[@]}" >/dev/null
			echo "$name $p $label"
		done
	} >"$logins.tmp"
	mv "$logins.tmp" "$logins"
fi

listen=${TUOPIN_LISTEN:-}
if [ -z "$listen" ]; then
	for port in $(seq 8080 8099); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			listen="127.0.0.1:$port"
			break
		fi
	done
	[ -n "$listen" ] || { echo "run.sh: ports 8080-8099 are all taken; set TUOPIN_LISTEN" >&2; exit 1; }
fi

url="http://$listen/"
cat <<EOF

  Tuopin 已启动 / is running:   $url
  源文章的日期 / the article's day:   ${url}?as_of=2018-10-08

  登录 / logins (also in $logins):
$(grep -v '^#' "$logins" | awk '{ printf "    %-11s %-18s %s\n", $1, $2, $3 }')

  数据库 / database: $db      按 Ctrl-C 停止 / Ctrl-C stops it.

EOF
exec "$tuopin" --db "$db" serve --listen "$listen" --access-log "$dir/access.log"
