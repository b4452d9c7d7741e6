#!/usr/bin/env bash
# Makes the app image's AOT cache, lib/app/firesight.aot (JDK 25, JEP 483 and 515): one training run of the
# app image's own runtime opens the window and the given recordings, and when it exits the JVM writes the
# classes it loaded and linked, and the profiles of the methods it ran, into the cache. Started with that
# cache, the launcher finds those classes loaded and the JIT starts from those profiles. Run by the
# installer build (installer/build.xml, target "aot"); the run needs a window, so without a display it runs
# itself under Xvfb (apt-get install xvfb).
#   usage: installer/scripts/train-aot.sh APP_IMAGE RECORDING...
set -euo pipefail
fail() { echo "train-aot: $*" >&2; exit 1; }
[ $# -ge 2 ] || fail "usage: train-aot.sh APP_IMAGE RECORDING..."
if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || fail "no display and no xvfb-run: the training run opens the window (apt-get install xvfb)"
    exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" "$0" "$@"
fi
image=$(cd "$1" && pwd)
shift
cache=$image/lib/app/firesight.aot
[ -x "$image/bin/firesight" ] || fail "$image is not Firesight's app image (no bin/firesight)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$cache"
# The app image's own start script, so the cache is made for the JVM and options it starts.
FIRESIGHT_AOT_OUTPUT="$cache" JAVA_TOOL_OPTIONS="-Dfiresight.events=$work/events" "$image/bin/firesight" "$@" \
    >"$work/log" 2>&1 &
app=$!
# Done when every recording is read and a flame graph was painted after the last of them.
shown() {
    local complete
    complete=$(grep -c 'open complete' "$work/events" 2>/dev/null || true)
    [ "${complete:-0}" -ge $# ] \
        && awk '/open complete/{p=0} /flame painted/{p=1} END{exit !p}' "$work/events"
}
for _ in $(seq 1800); do
    shown "$@" && break
    kill -0 $app 2>/dev/null || fail "Firesight exited before it showed the recordings: $(tail -5 "$work/log")"
    sleep 0.1
done
shown "$@" || { kill $app; fail "the recordings were not shown within 180 s"; }
sleep 3 # the findings, timeline and side lists computed after the flame graph
kill $app
# The JVM writes the cache as it exits, in a child JVM it starts for that.
wait $app 2>/dev/null || true
[ -s "$cache" ] || fail "the training run wrote no AOT cache: $(tail -5 "$work/log")"
echo "train-aot: $(du -h "$cache" | cut -f1) AOT cache in $cache"
