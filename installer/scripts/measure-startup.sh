#!/usr/bin/env bash
# Time from launching Firesight to its first window being mapped, under a virtual X display.
#   usage: measure-startup.sh LAUNCHER [RUNS] [ARGS...]
#   e.g.   installer/scripts/measure-startup.sh installer/target/app-image/Firesight/bin/Firesight 5
# Starts Xvfb itself when there is no DISPLAY (needs xvfb and xdotool: apt-get install xvfb xdotool).
# Prints each run and the medians: milliseconds to the window, and the CPU seconds (user + system, JIT and GC
# threads included) the process had used by then, the steadier figure on a busy machine. SHOT=file.png also
# saves a screenshot of the last run's screen (needs imagemagick's import).
set -euo pipefail

if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run --auto-servernum --server-args="-screen 0 1280x900x24" "$0" "$@"
fi
launcher=$1
runs=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))

times=()
cpus=()
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    "$launcher" "$@" >/dev/null 2>&1 &
    pid=$!
    if ! timeout 60 xdotool search --sync --onlyvisible --name '^Firesight' >/dev/null; then
        kill "$pid" 2>/dev/null || true
        echo "measure-startup: no Firesight window within 60 s" >&2
        exit 1
    fi
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    # utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (after the ")" that ends the name).
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
    cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}')
    times+=("$ms")
    cpus+=("$cpu")
    echo "run $run: first window after $ms ms, $cpu s of CPU"
    if [ "$run" = "$runs" ] && [ -n "${SHOT:-}" ]; then
        sleep 1
        import -window root "$SHOT"
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs runs: $(median "${times[@]}") ms, $(median "${cpus[@]}") s of CPU"
