#!/usr/bin/env bash
# Installs the Debian package into a throw-away root (dpkg -x: no root, no dependencies pulled),
# then starts what it installed: the hub (bin/commandroom-hub, until it says HUB READY) and the
# console against it on an X display (until it says "console ready"), and the console's embedded
# default headless (--no-ui). Prints the console's cold start to its first window in ms
# (COLD_STARTS=N: N starts and their median).
# Usage: packaging/check-installed.sh packaging/target/commandroom_*.deb
set -euo pipefail
deb=$(readlink -f "$1")
work=$(mktemp -d /tmp/commandroom-installed.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
dpkg -x "$deb" "$work/root"
app="$work/root/opt/commandroom"
test -x "$app/bin/commandroom" && test -x "$app/bin/commandroom-hub"
test -f "$app/lib/commandroom-hub.service"
echo "installed: $(du -sh "$app" | cut -f1) in $app"

# Waits up to $2 seconds for a line matching $3 in file $1.
wait_for() {
  for _ in $(seq 1 $(($2 * 10))); do
    grep -q "$3" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no '$3' within $2 s in $1:" >&2
  cat "$1" >&2
  return 1
}

"$app/bin/commandroom-hub" --data "$work/hub" --port 0 --seed "$app/lib/demo-county.json" >"$work/hub.log" 2>&1 &
pids+=($!)
wait_for "$work/hub.log" 60 "HUB READY"
port=$(sed -n 's/.*HUB READY port=\([0-9]*\).*/\1/p' "$work/hub.log")
cert=$(sed -n 's/.*cert=\(.*\)$/\1/p' "$work/hub.log")
echo "installed hub up on port $port"

if [ -z "${DISPLAY:-}" ]; then
  Xvnc :77 -geometry 1920x1080 -depth 24 -SecurityTypes None -localhost >"$work/xvnc.log" 2>&1 &
  pids+=($!)
  export DISPLAY=:77
  sleep 1
fi
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
# COLD_STARTS=N starts the console N times (a new JVM each time) and prints each and the median.
times=()
for run in $(seq 1 "${COLD_STARTS:-1}"); do
  start=$(date +%s%N)
  "$app/bin/commandroom" --server "127.0.0.1:$port" --cert "$cert" --user leader1 --password qingxi-demo \
    >"$work/console-$run.log" 2>&1 &
  console=$!
  pids+=($console)
  wait_for "$work/console-$run.log" 60 "console ready"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "installed console up: first window $ms ms after start"
  kill "$console"
  wait "$console" 2>/dev/null || true
done
if [ "${#times[@]}" -gt 1 ]; then
  echo "cold start to first window, ms: ${times[*]}; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")"
fi

"$app/bin/commandroom" --no-ui --minutes 0.1 --port 0 --data "$work/embedded" >"$work/embedded.log" 2>&1
grep -q "^hub 127.0.0.1:" "$work/embedded.log" || { cat "$work/embedded.log" >&2; exit 1; }
echo "installed console's embedded default ran headless"
