#!/usr/bin/env bash
# make-deb.sh [OUTDIR]: build tuopin_VERSION_ARCH.deb from the tree (`make deb`), with dpkg-deb: /usr/bin/tuopin
# (the web UI inside it), tuopin(1) made by `tuopin man` from the command table, /etc/tuopin/tuopin.conf (a
# conffile), the systemd unit, the logrotate file, the maintainer scripts of packaging/, and the docs. The
# dependencies are Debian's packages of the libraries the binary links (dpkg-shlibdeps), never bundled.
#   DEB_VERSION=V     the package's version (default: TUOPIN_VERSION of CMakeLists.txt)
#   TUOPIN_BIN=PATH   package this binary instead of building a release one in build-deb/
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
out=$(realpath -m "${1:-.}")
version=${DEB_VERSION:-$(sed -n 's/^set(TUOPIN_VERSION "\([^"]*\)".*/\1/p' CMakeLists.txt)}
arch=$(dpkg --print-architecture)
bin=${TUOPIN_BIN:-}
if [ -z "$bin" ]; then
	[ -f web/dist/index.html ] || scripts/build-web.sh
	cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	nice cmake --build build-deb -j2 --target tuopin
	bin=build-deb/tuopin
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/tuopin" \
	"$root/etc/tuopin" "$root/lib/systemd/system" "$root/etc/logrotate.d"
install -m 0755 "$bin" "$root/usr/bin/tuopin"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/tuopin"
TUOPIN_CONFIG=none "$root/usr/bin/tuopin" man | gzip -9n >"$root/usr/share/man/man1/tuopin.1.gz"
install -m 0644 packaging/tuopin.conf "$root/etc/tuopin/tuopin.conf"
install -m 0644 packaging/tuopin.service "$root/lib/systemd/system/tuopin.service"
install -m 0644 packaging/tuopin.logrotate "$root/etc/logrotate.d/tuopin"
install -m 0644 packaging/copyright "$root/usr/share/doc/tuopin/copyright"
for d in README.md docs/DEPLOY.md docs/USER-GUIDE.md docs/SECURITY.md docs/api.md; do
	install -m 0644 "$d" "$root/usr/share/doc/tuopin/$(basename "$d")"
done
gzip -9n "$root/usr/share/doc/tuopin/USER-GUIDE.md" "$root/usr/share/doc/tuopin/api.md"
{
	echo "tuopin ($version) unstable; urgency=medium"
	echo
	echo "  * Built from the Tuopin tree ($(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown))."
	echo
	echo " -- Tuopin developers <tuopin@tuopin.invalid>  $(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$src" log -1 --format=%ct 2>/dev/null || date +%s)}")"
} | gzip -9n >"$root/usr/share/doc/tuopin/changelog.gz"
install -m 0755 packaging/postinst packaging/prerm packaging/postrm "$root/DEBIAN/"
echo /etc/tuopin/tuopin.conf >"$root/DEBIAN/conffiles"
echo /etc/logrotate.d/tuopin >>"$root/DEBIAN/conffiles"

# the libraries' packages, as dpkg-shlibdeps finds them (it wants a debian/control beside it)
mkdir -p "$work/shl/debian"
printf 'Source: tuopin\n\nPackage: tuopin\nArchitecture: any\n' >"$work/shl/debian/control"
depends=$(cd "$work/shl" && dpkg-shlibdeps -O -e"$root/usr/bin/tuopin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: tuopin
Version: $version
Architecture: $arch
Maintainer: Tuopin developers <tuopin@tuopin.invalid>
Installed-Size: $size
Depends: $depends, passwd, init-system-helpers (>= 1.54)
Recommends: nginx | apache2
Suggests: postgresql
Section: misc
Priority: optional
Homepage: https://tuopin.invalid/
Description: registry for targeted poverty alleviation (脱贫)
 Tuopin keeps a county's registry of poor households and their members
 (建档立卡), their identification and exit with review and public notice,
 the monitoring against return to poverty (防返贫监测), who helps each
 household, the checks of its data against rules and other departments'
 lists, supervision cases, and the standard tables, down to the village.
 .
 One program: a command line, and a web UI with a JSON API, on SQLite or
 PostgreSQL. This package runs it as a hardened systemd service.
CONTROL
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
mkdir -p "$out"
deb="$out/tuopin_${version}_${arch}.deb"
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
