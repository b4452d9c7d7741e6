#!/usr/bin/env bash
# Checks what -Pinstaller built, the way a user would run it, with no display:
#   1. the app image's launcher prints --version and --help, and maps its AOT cache;
#   2. it summarises a real recording made here (java -XX:StartFlightRecording on TinyWorkload.java),
#      or says clearly that this build has no summary command yet;
#   3. where xvfb-run and xdotool exist, the launcher opens its window under Xvfb;
#   4. the .deb (when there is one) carries the launcher, the desktop entry, the .jfr MIME type and icons, and
#      its launcher maps the AOT cache from where the package puts it.
# usage: installer/scripts/smoke-test.sh [installer/target]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-$here/../target}
launcher=$target/app-image/Firesight/bin/Firesight
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }

[ -x "$launcher" ] || fail "no launcher at $launcher; run mvn -Pinstaller -DskipTests package"
# No display at all: the CLI must not touch JavaFX.
headless() { env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 "$launcher" "$@"; }

version=$(headless --version) || fail "--version exited $?"
[[ $version == "Firesight "* ]] || fail "--version printed '$version'"
echo "smoke-test: ok: app image --version without a display: $version"

help=$(headless --help) || fail "--help exited $?"
echo "smoke-test: ok: app image --help"

# The AOT cache (installer/build.xml, target "aot"): the launcher's JVM maps it, so the app's classes come from it,
# loaded and linked, not from the jar.
maps_cache() { # LAUNCHER: prints how many classes --version took from the cache; fails if Launcher was not one
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" env -u DISPLAY timeout 120 "$1" --version \
        >/dev/null 2>&1 || fail "$1 --version with class loading logged exited $?"
    grep -q "dev.firesight.app.Launcher source: shared objects file" "$work/classes.log" \
        || fail "$1 does not map its AOT cache: $(grep -m1 'dev.firesight.app.Launcher' "$work/classes.log")"
    grep -c 'source: shared objects file' "$work/classes.log"
}
echo "smoke-test: ok: app image maps its AOT cache ($(maps_cache "$launcher") classes from it)"
# bin/firesight, what the .deb's menu entry, double-click and /usr/bin/firesight start: the same JVM and cache.
echo "smoke-test: ok: bin/firesight maps it too ($(maps_cache "$(dirname "$launcher")/firesight") classes from it)"

if grep -q "firesight summary" <<<"$help"; then
    java=${JAVA_HOME:+$JAVA_HOME/bin/}java
    (cd "$work" && "$java" -XX:StartFlightRecording:filename="$work/tiny.jfr",settings=profile \
        "$here/TinyWorkload.java" >/dev/null 2>&1) || fail "could not record TinyWorkload"
    [ -s "$work/tiny.jfr" ] || fail "TinyWorkload left no recording"
    summary=$(headless summary "$work/tiny.jfr" 2>&1) || fail "summary exited $?: $summary"
    [ -n "$summary" ] || fail "summary printed nothing"
    # TinyWorkload spends its CPU in fib, so the summary's hot methods must name it.
    grep -q "TinyWorkload.fib" <<<"$summary" || fail "summary does not show TinyWorkload.fib: $summary"
    echo "smoke-test: ok: app image summary of a $(stat -c %s "$work/tiny.jfr")-byte recording:"
    sed 's/^/    /' <<<"$summary"
else
    echo "smoke-test: SKIPPED summary: this build's CLI has no 'summary' command yet (see --help)"
fi

# The window, when this machine has a virtual display and a way to see windows (not installed by CI).
if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null; then
    "$here/measure-startup.sh" "$launcher" 1 | sed -n "s/^run 1: /smoke-test: ok: app image window under Xvfb: /p" \
        || fail "the app image opened no window under Xvfb"
else
    echo "smoke-test: SKIPPED window check: no xvfb-run or xdotool here"
fi

deb=$(ls "$target"/installers/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
    contents=$(dpkg-deb --contents "$deb")
    for path in ./opt/firesight/bin/Firesight ./opt/firesight/bin/firesight ./opt/firesight/lib/firesight-Firesight.desktop \
                ./opt/firesight/lib/firesight-Firesight-MimeInfo.xml ./opt/firesight/lib/Firesight.png \
                ./opt/firesight/lib/application-x-jfr.png ./opt/firesight/lib/app/firesight.jar \
                ./opt/firesight/lib/app/firesight.aot ./opt/firesight/lib/app/libglassgtk3.so; do
        grep -q " $path\$" <<<"$contents" || fail "$deb lacks $path"
    done
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q "xdg-mime install" \
        || fail "$deb's postinst does not register the MIME type"
    # The cache was made in the app image; unpacked where the package installs it, under another path, the
    # launcher must still map it.
    dpkg-deb -x "$deb" "$work/deb"
    echo "smoke-test: ok: the .deb's launcher, unpacked elsewhere, maps the AOT cache" \
        "($(maps_cache "$work/deb/opt/firesight/bin/firesight") classes from it)"
    echo "smoke-test: ok: $(basename "$deb") ($(du -h "$deb" | cut -f1)) has the launcher, desktop entry, MIME type and icons"
fi
echo "smoke-test: passed"
