#!/usr/bin/env bash
# Records the classes a console loads from its start to its first window (lib/classes.lst of an
# app image), the list make-cds-archive.sh archives. Starts the hub's app image as a demonstration
# hub over the demo county and the console against it on a private X server (Xvnc), then stops both.
# Usage: packaging/linux/record-class-list.sh CONSOLE_APP_IMAGE_DIR HUB_APP_IMAGE_DIR
set -euo pipefail
app=$(readlink -f "$1")
hub_app=$(readlink -f "$2")
work=$(mktemp -d /tmp/commandroom-classes.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/../lib.sh"
"$hub_app/bin/commandroom-hub" serve --demo --data "$work/hub" --port 0 --health-port -1 \
  --seed "$hub_app/lib/demo-county.json" >"$work/hub.out" 2>"$work/hub.log" &
hub=$!
pids+=($hub)
wait_for "$work/hub.out" 60 "HUB READY" "$hub" || { cat "$work/hub.log" >&2; exit 1; }
port=$(sed -n 's/.*HUB READY port=\([0-9]*\).*/\1/p' "$work/hub.out")
cert=$(sed -n 's/.* cert=\([^ ]*\).*/\1/p' "$work/hub.out")
display=:$((70 + RANDOM % 20))
Xvnc "$display" -geometry 1920x1080 -depth 24 -SecurityTypes None -localhost >"$work/xvnc.log" 2>&1 &
pids+=($!)
sleep 1
# The demo county's published password, from a file (never on the command line: it shows in ps).
(umask 077 && echo qingxi-demo >"$work/password")
DISPLAY=$display XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/lib/classes.lst" \
  "$app/bin/commandroom" --server "127.0.0.1:$port" --cert "$cert" --user leader1 --password-file "$work/password" \
  >"$work/console.log" 2>&1 &
console=$!
pids+=($console)
wait_for "$work/console.log" 60 "console ready" "$console"
# The first frames and the first events after the window, then a normal end (the list is written as classes load).
sleep 3
kill "$console"
wait "$console" 2>/dev/null || true
echo "recorded $(wc -l <"$app/lib/classes.lst") classes in $app/lib/classes.lst"
