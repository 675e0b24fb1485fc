#!/usr/bin/env bash
# Records the classes a console loads from its start to its first window (lib/classes.lst of an
# app image), the list make-cds-archive.sh archives. Starts the image's own hub over the demo
# county and its console against it on a private X server (Xvnc), then stops both.
# Usage: packaging/linux/record-class-list.sh APP_IMAGE_DIR
set -euo pipefail
app=$(readlink -f "$1")
work=$(mktemp -d /tmp/commandroom-classes.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/../lib.sh"
"$app/bin/commandroom-hub" --data "$work/hub" --port 0 --seed "$app/lib/demo-county.json" >"$work/hub.out" 2>"$work/hub.log" &
pids+=($!)
wait_for "$work/hub.out" 60 "HUB READY"
port=$(sed -n 's/.*HUB READY port=\([0-9]*\).*/\1/p' "$work/hub.out")
cert=$(sed -n 's/.* cert=\([^ ]*\).*/\1/p' "$work/hub.out")
# The console takes its password from a file of ours only (on its command line it would show in ps).
console_password=$(mktemp "$work/console-password.XXXXXX")
chmod 600 "$console_password"
printf '%s\n' qingxi-demo >"$console_password"
display=:$((70 + RANDOM % 20))
Xvnc "$display" -geometry 1920x1080 -depth 24 -SecurityTypes None -localhost >"$work/xvnc.log" 2>&1 &
pids+=($!)
sleep 1
DISPLAY=$display XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/lib/classes.lst" \
  "$app/bin/commandroom" --server "127.0.0.1:$port" --cert "$cert" --user leader1 --password-file "$console_password" \
  >"$work/console.log" 2>&1 &
console=$!
pids+=($console)
wait_for "$work/console.log" 60 "console ready"
# The first frames and the first events after the window, then a normal end (the list is written as classes load).
sleep 3
kill "$console"
wait "$console" 2>/dev/null || true
echo "recorded $(wc -l <"$app/lib/classes.lst") classes in $app/lib/classes.lst"
