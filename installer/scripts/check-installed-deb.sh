#!/usr/bin/env bash
# Installs the .deb on this (Debian) machine, checks the desktop integration a user relies on, opens a
# .jfr the way a file manager's double-click does, screenshots the window, and uninstalls again.
#   usage (as root): installer/scripts/check-installed-deb.sh installer/target/installers/firesight_*.deb [SHOT.png]
# Needs: xvfb xdotool imagemagick libglib2.0-bin (gio) desktop-file-utils icewm (a window manager, so the shot shows the
# title bar with the window icon). Not part of CI: it changes the machine's installed packages.
set -euo pipefail
deb=$(readlink -f "$1")
shot=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "check-installed-deb: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i)"
work=$(mktemp -d)
trap 'dpkg --purge firesight >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dpkg -i "$deb"
echo "check-installed-deb: installed $(dpkg-query -W -f '${Package} ${Version}, ${Installed-Size} KiB' firesight)"

# The launcher on the PATH, no display: the CLI.
env -u DISPLAY firesight --version
# Menu entry and MIME type, registered by the postinst through xdg-utils.
desktop=/usr/share/applications/firesight-Firesight.desktop
[ -f "$desktop" ] || fail "no $desktop"
grep -q '^MimeType=application/x-jfr' "$desktop" || fail "$desktop has no MimeType line"
grep -q '^Exec=/opt/firesight/bin/firesight %F' "$desktop" || fail "$desktop's Exec does not pass the file"
[ -f /usr/share/mime/packages/firesight-Firesight-MimeInfo.xml ] || fail "MIME package XML not installed"
grep -q '\*\.jfr' /usr/share/mime/globs2 || fail "*.jfr is not in the MIME database"
ls /usr/share/icons/hicolor/*/mimetypes/application-x-jfr.png >/dev/null || fail "no .jfr file icon"
echo "check-installed-deb: ok: $desktop, MIME package, *.jfr glob, file icon"

# A real recording to open.
java -XX:StartFlightRecording:filename="$work/tiny.jfr",settings=profile "$here/TinyWorkload.java" >/dev/null 2>&1
echo "check-installed-deb: file type of tiny.jfr: $(gio info -a standard::content-type "$work/tiny.jfr" | awk '/content-type/ {print $2}')"
echo "check-installed-deb: xdg-mime filetype: $(xdg-mime query filetype "$work/tiny.jfr"), default app: $(xdg-mime query default application/x-jfr)"

# Double-click: gio open picks the app from the MIME type, as GNOME's and other file managers do.
cat >"$work/in-x.sh" <<INX
set -e
icewm >/dev/null 2>&1 &
sleep 1
start=\$(date +%s%N)
gio open "$work/tiny.jfr"
timeout 60 xdotool search --sync --onlyvisible --name '^Firesight' >/dev/null
echo "check-installed-deb: window after \$(( (\$(date +%s%N) - start) / 1000000 )) ms (gio open, icewm running)"
pid=\$(pgrep -f '^/opt/firesight/lib/runtime/bin/java .*dev.firesight.app.Launcher' | head -1)
echo "check-installed-deb: process \$pid: \$(tr '\\0' ' ' </proc/\$pid/cmdline)"
sleep 2
[ -z "$shot" ] || import -window root "$shot"
kill "\$pid"
INX
xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" bash "$work/in-x.sh"
[ -z "$shot" ] || echo "check-installed-deb: screenshot in $shot"

dpkg --purge firesight
[ ! -e /opt/firesight ] && [ ! -e "$desktop" ] && [ ! -e /usr/bin/firesight ] || fail "dpkg -r left files behind"
echo "check-installed-deb: ok: removed, nothing left in /opt/firesight, applications or /usr/bin"
