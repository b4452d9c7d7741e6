#!/usr/bin/env bash
# Writes installer/src/main/cds/firesight.classlist: the classes Firesight loads from its start to its first
# window (and, given a recording, to its first flame graph), as the JVM lists them with
# -XX:DumpLoadedClassList. The installer build turns the list into the app image's class data sharing
# archive (installer/build.xml, target "cds"); the list is committed because making it needs a window, which
# the build cannot assume. Run it again after a change that loads many new classes before the window (a new
# library, a new pane at start); a stale list only makes the archive miss classes, which then load as usual.
#   usage: installer/scripts/make-class-list.sh [RECORDING.jfr]   (after mvn -DskipTests package)
# Starts Xvfb itself when there is no DISPLAY (needs xvfb: apt-get install xvfb).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" "$0" "$@"
fi
jar=$here/../../app/target/firesight.jar
out=$here/../src/main/cds/firesight.classlist
[ -f "$jar" ] || { echo "make-class-list: no $jar; run mvn -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The app says when its window is laid out and when it drew a flame graph (-Dfiresight.events).
wait_for="window shown"
[ $# -gt 0 ] && wait_for="flame painted"
"$java" -XX:DumpLoadedClassList="$work/list" -Dfiresight.events="$work/events" -jar "$jar" "$@" >/dev/null 2>&1 &
app=$!
for _ in $(seq 1200); do
    grep -q "$wait_for" "$work/events" 2>/dev/null && break
    kill -0 $app 2>/dev/null || { echo "make-class-list: Firesight exited before '$wait_for'" >&2; exit 1; }
    sleep 0.1
done
grep -q "$wait_for" "$work/events" || { kill $app; echo "make-class-list: no '$wait_for' within 120 s" >&2; exit 1; }
sleep 1 # the pulse that drew it loads its last classes
kill $app
wait $app 2>/dev/null || true
# The JVM writes each class as it loads it, so the list is complete although the app was stopped.
{
    echo "# Firesight's classes from launch to '$wait_for', made by installer/scripts/make-class-list.sh with"
    echo "# $("$java" -version 2>&1 | head -1). Turned into a class data sharing archive by installer/build.xml."
    grep -v '^#' "$work/list"
} > "$out"
echo "make-class-list: $(grep -vc '^[#@]' "$out") classes in $out"
