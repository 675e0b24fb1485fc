#!/usr/bin/env bash
# Installs the Debian package into a throw-away root (dpkg -x: no root, no dependencies pulled),
# then starts what it installed: the hub (bin/commandroom-hub with a settings file as the service
# has, until it says HUB READY; its health endpoint answers and its log is JSON) and the console
# against it on an X display (until it says "console ready"), and the console's embedded default
# headless (--no-ui); then the IT officer's commands on the installed hub's database: add a user,
# list, verify the audit chain, back up, restore into an empty one, verify that. Prints the
# console's cold start to its first window in ms (COLD_STARTS=N: N starts and their median).
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
# What postinst does (dpkg -x runs no maintainer scripts): the CDS archive for the installed jars.
start=$(date +%s%N)
"$app/lib/make-cds-archive.sh" "$app"
echo "CDS archive made in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(du -h "$app/lib/app/commandroom.jsa" | cut -f1)"

source "$(dirname "$0")/lib.sh"

# The shipped example with this run's folders and free ports, as an IT officer edits it.
sed -e "s|^data = .*|data = $work/hub|" -e "s|^port = .*|port = 0|" -e "s|^health-port = .*|health-port = 0|" \
  -e "s|^# seed = .*|seed = $app/lib/demo-county.json|" "$app/lib/hub.conf.example" >"$work/hub.conf"
"$app/bin/commandroom-hub" serve --config "$work/hub.conf" >"$work/hub.out" 2>"$work/hub.log" &
hub=$!
pids+=($hub)
wait_for "$work/hub.out" 60 "HUB READY"
port=$(sed -n 's/.*HUB READY port=\([0-9]*\).*/\1/p' "$work/hub.out")
cert=$(sed -n 's/.* cert=\([^ ]*\).*/\1/p' "$work/hub.out")
health=$(sed -n 's/.* health=\([0-9]*\).*/\1/p' "$work/hub.out")
echo "installed hub up on port $port"
curl -fsS "http://127.0.0.1:$health/health" | tee "$work/health.json"
grep -q '"status":"SERVING"' "$work/health.json"
wait_for "$work/hub.log" 10 '"message":"hub serving on'
if grep -qv '^{"time":' "$work/hub.log"; then echo "a log line that is not JSON:" >&2; grep -v '^{"time":' "$work/hub.log" >&2; exit 1; fi
echo "installed hub: health endpoint answers, log is JSON"

if [ -z "${DISPLAY:-}" ]; then
  Xvnc :77 -geometry 1920x1080 -depth 24 -SecurityTypes None -localhost >"$work/xvnc.log" 2>&1 &
  pids+=($!)
  export DISPLAY=:77
  sleep 1
fi
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
# The console takes its password from a file of ours only (on its command line it would show in ps).
console_password=$(mktemp "$work/console-password.XXXXXX")
chmod 600 "$console_password"
printf '%s\n' qingxi-demo >"$console_password"
# COLD_STARTS=N starts the console N times (a new JVM each time) and prints each and the median;
# with N > 1 also N starts without the CDS archive, the baseline of the same run.
cold_starts() {
  local label=$1 times=() run start ms console
  for run in $(seq 1 "${COLD_STARTS:-1}"); do
    start=$(date +%s%N)
    "$app/bin/commandroom" --server "127.0.0.1:$port" --cert "$cert" --user leader1 --password-file "$console_password" \
      >"$work/console-$label-$run.log" 2>&1 &
    console=$!
    pids+=($console)
    wait_for "$work/console-$label-$run.log" 60 "console ready"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    times+=("$ms")
    echo "installed console up ($label): first window $ms ms after start"
    kill "$console"
    wait "$console" 2>/dev/null || true
  done
  if [ "${#times[@]}" -gt 1 ]; then
    echo "cold start to first window ($label), ms: ${times[*]}; median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (${#times[@]} + 1) / 2 ))p")"
  fi
}
cold_starts "with CDS archive"
if [ "${COLD_STARTS:-1}" -gt 1 ]; then
  mv "$app/lib/app/commandroom.jsa" "$work/commandroom.jsa"
  cold_starts "without"
  mv "$work/commandroom.jsa" "$app/lib/app/commandroom.jsa"
fi

"$app/bin/commandroom" --no-ui --minutes 0.1 --port 0 --data "$work/embedded" >"$work/embedded.log" 2>&1
grep -q "^hub 127.0.0.1:" "$work/embedded.log" || { cat "$work/embedded.log" >&2; exit 1; }
echo "installed console's embedded default ran headless"

# The IT officer's commands, on the installed hub's database (H2: the hub stopped first).
kill "$hub"
wait "$hub" 2>/dev/null || true
admin() { "$app/bin/commandroom-hub" "$@" --config "$work/hub.conf"; }
echo "wang-jun-2026" | admin user add wang.jun --role shift-leader --display-name 王军
admin user list | grep -q '^wang.jun .*shift-leader .*active'
admin user disable wang.jun && admin user list | grep -q '^wang.jun .*disabled'
admin verify | tee "$work/verify.txt"
grep -q "audit chain intact" "$work/verify.txt"
admin backup "$work/hub.crbak"
"$app/bin/commandroom-hub" restore "$work/hub.crbak" --data "$work/restored"
"$app/bin/commandroom-hub" verify --data "$work/restored" | grep -q "$(sed -n 's/.*\(head [0-9a-f]*\).*/\1/p' "$work/verify.txt")"
if "$app/bin/commandroom-hub" restore "$work/hub.crbak" --data "$work/restored" 2>"$work/refused.txt"; then
  echo "a restore over a database in use was not refused" >&2; exit 1
fi
grep -q "restore needs an empty database" "$work/refused.txt"
echo "installed hub's commands: user add/list/disable, verify, backup, restore (and a refused one) work"
