#!/usr/bin/env bash
# Installs the two Debian packages as a site does (apt-get install of the .deb files, as root:
# dependencies, maintainer scripts and all) on this machine, which has no desktop menu directory
# (a server's case, where postinst used to fail), and checks what was installed:
#  - both packages "install ok installed"; the hub's depends on no desktop; no menu entry made;
#  - postinst's service user, data folder (0700 commandroom), settings (0640 root:commandroom), unit;
#  - the hub started from the installed settings as the service user, as the unit starts it (until
#    HUB READY; its health endpoint says SERVING, its log is JSON; its files are 0600, folders 0700);
#  - the IT officer's commands as the service user: user add/list/disable, verify, backup (0600),
#    restore into an empty database and a refused one;
#  - a demonstration hub over the demo county (serve --demo) and the installed console against it
#    on an X display (until "console ready"); the console's embedded default headless (--no-ui);
#  - the menu entry where there is a desktop menu (postinst run again with one);
#  - apt-get purge of both, without a desktop menu directory again: packages, files, unit, settings
#    and menu entry gone (the data folder is kept).
# Prints the console's cold start to its first window in ms (COLD_STARTS=N: N starts and their
# median) and how long the whole check took.
# Run it as root on a machine that may be changed (CI, a throw-away container): it installs and
# purges packages and makes the user commandroom (removed again, with its data, at the end).
# Usage: packaging/check-installed.sh packaging/target/commandroom-hub_*.deb packaging/target/commandroom_*.deb
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: $0 commandroom-hub_VERSION_amd64.deb commandroom_VERSION_amd64.deb" >&2
  exit 2
fi
hub_deb=$(readlink -f "$1")
console_deb=$(readlink -f "$2")
if [ "$(id -u)" -ne 0 ]; then
  echo "check-installed installs and purges packages: run it as root on a throw-away machine (as CI does)" >&2
  exit 2
fi
if [ "${CI:-}" != true ] && { [ -e /var/lib/commandroom ] || [ -e /etc/commandroom ] \
    || dpkg-query -W commandroom-hub commandroom >/dev/null 2>&1; }; then
  echo "this machine has Command Room installed (or its data): check-installed purges the packages" \
    "and removes /var/lib/commandroom and /etc/commandroom; run it on a throw-away machine (CI=true to go ahead)" >&2
  exit 2
fi
started=$(date +%s)
source "$(dirname "$0")/lib.sh"
export DEBIAN_FRONTEND=noninteractive
hub_app=/opt/commandroom-hub
app=/opt/commandroom
menu=/usr/share/desktop-directories
entry=/usr/share/applications/commandroom-commandroom.desktop
work=$(mktemp -d /tmp/commandroom-installed.XXXXXX)
# The service user must reach its own folder in here.
chmod 711 "$work"
pids=()
made_menu=false
moved_menu=false
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # Nothing of this run stays: the packages (if a check failed before the purge), their data and user.
  apt-get purge -y -q commandroom commandroom-hub >/dev/null 2>&1 || true
  rm -rf /var/lib/commandroom
  userdel commandroom 2>/dev/null || true
  groupdel commandroom 2>/dev/null || true
  if $made_menu; then rmdir "$menu" 2>/dev/null || true; fi
  if $moved_menu; then mv "$menu.check-installed" "$menu"; fi
}
trap cleanup EXIT
fail() { echo "check-installed: $*" >&2; exit 1; }
mode() { stat -c '%a %U:%G' "$1"; }
expect_mode() { [ "$(mode "$2")" = "$1" ] || fail "$2 is $(mode "$2"), not $1"; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# A previous run stopped half-way: start clean.
apt-get purge -y -q commandroom commandroom-hub >/dev/null 2>&1 || true
rm -rf /var/lib/commandroom /etc/commandroom
userdel commandroom 2>/dev/null || true
groupdel commandroom 2>/dev/null || true
# A server has no desktop menu directory: the case that failed postinst (xdg-desktop-menu exit 3).
if [ -d "$menu" ]; then
  mv "$menu" "$menu.check-installed"
  moved_menu=true
fi

if dpkg-deb -f "$hub_deb" Depends | grep -Eiq 'gtk|vlc|fonts|libx11|xdg|javafx'; then
  fail "the hub's package depends on a desktop: $(dpkg-deb -f "$hub_deb" Depends)"
fi
# apt-get as a site runs it; the package lists are read again if a dependency is not found.
apt_install() {
  apt-get install -y -q --no-install-recommends "$@" >>"$work/apt.log" 2>&1 && return 0
  apt-get update -q >>"$work/apt.log" 2>&1
  apt-get install -y -q --no-install-recommends "$@" >>"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; return 1; }
}
start=$(date +%s%N)
apt_install "$hub_deb"
echo "commandroom-hub installed in $(( ($(date +%s%N) - start) / 1000000 )) ms: $(du -sh "$hub_app" | cut -f1) in $hub_app;" \
  "depends: $(dpkg-query -W -f='${Depends}' commandroom-hub)"
start=$(date +%s%N)
apt_install "$console_deb"
echo "commandroom installed in $(( ($(date +%s%N) - start) / 1000000 )) ms (its postinst makes the CDS archive):" \
  "$(du -sh "$app" | cut -f1) in $app"
for p in commandroom-hub commandroom; do
  installed "$p" || fail "$p is not installed: $(dpkg-query -W -f='${Status}' "$p" 2>&1)"
done
[ ! -e "$entry" ] || fail "a menu entry on a machine without a desktop menu"
echo "both packages: install ok installed, on a machine without a desktop menu directory"
test -x "$app/bin/commandroom" && test -x "$hub_app/bin/commandroom-hub"
[ "$(readlink /usr/bin/commandroom-hub)" = "$hub_app/bin/commandroom-hub" ] || fail "no /usr/bin/commandroom-hub"
[ "$(readlink /usr/bin/commandroom)" = "$app/bin/commandroom" ] || fail "no /usr/bin/commandroom"
[ -f "$app/lib/app/commandroom.jsa" ] && echo "console's CDS archive: $(du -h "$app/lib/app/commandroom.jsa" | cut -f1)"

# What postinst made for the service.
getent passwd commandroom | grep -q ':/var/lib/commandroom:/usr/sbin/nologin$' || fail "no service user: $(getent passwd commandroom)"
expect_mode "700 commandroom:commandroom" /var/lib/commandroom
expect_mode "640 root:commandroom" /etc/commandroom/hub.conf
unit=/lib/systemd/system/commandroom-hub.service
for setting in UMask=0077 NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes \
    ReadWritePaths=/var/lib/commandroom "ExecStart=$hub_app/bin/commandroom-hub serve --config /etc/commandroom/hub.conf"; do
  grep -qx "$setting" "$unit" || fail "$unit lacks $setting"
done
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify --man=no "$unit" 2>&1 | tee "$work/unit.txt" >&2
  [ ! -s "$work/unit.txt" ] || fail "systemd-analyze verify: $(cat "$work/unit.txt")"
fi
echo "postinst: user commandroom, /var/lib/commandroom 0700, /etc/commandroom/hub.conf 0640 root:commandroom, unit hardened"

# The installed hub as the unit runs it: the service user, the installed settings (free ports
# here, on loopback), and a umask that would let others read: the hub makes its files private itself.
as_hub() { (cd / && umask 022 && exec runuser -u commandroom -- "$@"); }
# In a subshell that becomes runuser (which passes a TERM on to the hub and waits for it), so that
# $! is the process to stop.
(cd / && umask 022 && exec runuser -u commandroom -- /usr/bin/commandroom-hub serve \
  --config /etc/commandroom/hub.conf --bind 127.0.0.1 --port 0 --health-port 0) >"$work/hub.out" 2>"$work/hub.log" &
hub=$!
pids+=($hub)
wait_for "$work/hub.out" 60 "HUB READY" "$hub" || { cat "$work/hub.log" >&2; exit 1; }
health=$(sed -n 's/.* health=\([0-9]*\).*/\1/p' "$work/hub.out")
curl -fsS "http://127.0.0.1:$health/health" | tee "$work/health.json"
echo
grep -q '"status":"SERVING"' "$work/health.json"
wait_for "$work/hub.log" 10 '"message":"hub serving on'
if grep -qv '^{"time":' "$work/hub.log"; then echo "a log line that is not JSON:" >&2; grep -v '^{"time":' "$work/hub.log" >&2; exit 1; fi
expect_mode "600 commandroom:commandroom" /var/lib/commandroom/hub.mv.db
expect_mode "700 commandroom:commandroom" /var/lib/commandroom/tls
expect_mode "600 commandroom:commandroom" /var/lib/commandroom/tls/hub.key
echo "installed hub as user commandroom from /etc/commandroom/hub.conf: health SERVING, log JSON, data 0700/0600"

# The IT officer's commands on the installed hub's database, as the service user (H2: the hub stopped first).
kill "$hub"
wait "$hub" 2>/dev/null || true
admin() { as_hub /usr/bin/commandroom-hub "$@" --config /etc/commandroom/hub.conf; }
install -d -m 0700 -o commandroom -g commandroom "$work/backups"
echo "wang-jun-2026" | admin user add wang.jun --role shift-leader --display-name 王军
admin user list | grep -q '^wang.jun .*shift-leader .*active'
admin user disable wang.jun && admin user list | grep -q '^wang.jun .*disabled'
admin verify | tee "$work/verify.txt"
grep -q "audit chain intact" "$work/verify.txt"
# Backups are encrypted: the passphrase from a file of the service user's.
printf 'a backup passphrase of 2026\n' >"$work/backups/passphrase"
chown commandroom:commandroom "$work/backups/passphrase"
chmod 0600 "$work/backups/passphrase"
admin backup "$work/backups/hub.crbak" --passphrase-file "$work/backups/passphrase"
expect_mode "600 commandroom:commandroom" "$work/backups/hub.crbak"
as_hub /usr/bin/commandroom-hub restore "$work/backups/hub.crbak" --passphrase-file "$work/backups/passphrase" \
  --data "$work/backups/restored"
expect_mode "700 commandroom:commandroom" "$work/backups/restored"
as_hub /usr/bin/commandroom-hub verify --data "$work/backups/restored" \
  | grep -q "$(sed -n 's/.*\(head [0-9a-f]*\).*/\1/p' "$work/verify.txt")"
if as_hub /usr/bin/commandroom-hub restore "$work/backups/hub.crbak" --passphrase-file "$work/backups/passphrase" \
  --data "$work/backups/restored" 2>"$work/refused.txt"; then
  fail "a restore over a database in use was not refused"
fi
grep -q "restore needs an empty database" "$work/refused.txt"
echo "installed hub's commands as commandroom: user add/list/disable, verify, backup (0600), restore (and a refused one) work"

# A demonstration hub over the demo county (its published passwords: only with --demo), from a
# copy of the installed settings, and the installed console against it.
sed -e "s|^data = .*|data = $work/demo-hub|" -e "s|^port = .*|port = 0|" -e "s|^health-port = .*|health-port = 0|" \
  -e "s|^bind = .*|bind = 127.0.0.1|" -e "s|^# seed = .*|seed = $hub_app/lib/demo-county.json|" \
  /etc/commandroom/hub.conf >"$work/demo-hub.conf"
/usr/bin/commandroom-hub serve --demo --config "$work/demo-hub.conf" >"$work/demo-hub.out" 2>"$work/demo-hub.log" &
demo_hub=$!
pids+=($demo_hub)
wait_for "$work/demo-hub.out" 60 "HUB READY" "$demo_hub" || { cat "$work/demo-hub.log" >&2; exit 1; }
port=$(sed -n 's/.*HUB READY port=\([0-9]*\).*/\1/p' "$work/demo-hub.out")
cert=$(sed -n 's/.* cert=\([^ ]*\).*/\1/p' "$work/demo-hub.out")
echo "installed hub as a demonstration (--demo) up on port $port"

if [ -z "${DISPLAY:-}" ]; then
  Xvnc :77 -geometry 1920x1080 -depth 24 -SecurityTypes None -localhost >"$work/xvnc.log" 2>&1 &
  pids+=($!)
  export DISPLAY=:77
  sleep 1
fi
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
# The demo county's published password, from a file (never on the command line: it shows in ps).
(umask 077 && echo qingxi-demo >"$work/password")
# COLD_STARTS=N starts the console N times (a new JVM each time) and prints each and the median;
# with N > 1 also N starts without the CDS archive, the baseline of the same run.
cold_starts() {
  local label=$1 times=() run start ms console
  for run in $(seq 1 "${COLD_STARTS:-1}"); do
    start=$(date +%s%N)
    "$app/bin/commandroom" --server "127.0.0.1:$port" --cert "$cert" --user leader1 --password-file "$work/password" \
      >"$work/console-$label-$run.log" 2>&1 &
    console=$!
    pids+=($console)
    wait_for "$work/console-$label-$run.log" 60 "console ready" "$console"
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

# Where there is a desktop menu, postinst makes the menu entry (and purge removes it).
mkdir "$menu"
made_menu=true
/var/lib/dpkg/info/commandroom.postinst configure >"$work/postinst-menu.log" 2>&1 || { cat "$work/postinst-menu.log" >&2; exit 1; }
[ -f "$entry" ] || fail "no menu entry on a machine with a desktop menu: $(cat "$work/postinst-menu.log")"
echo "with a desktop menu: the menu entry is made"
# The purge on a machine without one again (where prerm used to fail as postinst did).
rmdir "$menu"
made_menu=false

start=$(date +%s%N)
apt-get purge -y -q commandroom commandroom-hub >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; exit 1; }
for p in commandroom-hub commandroom; do
  ! installed "$p" || fail "$p is still installed after the purge"
done
for f in "$app" "$hub_app" "$unit" /etc/commandroom /usr/bin/commandroom /usr/bin/commandroom-hub "$entry"; do
  [ ! -e "$f" ] || fail "$f is still there after the purge"
done
[ -d /var/lib/commandroom ] || fail "the purge removed the hub's data (the bureau's record)"
echo "both purged (no desktop menu directory) in $(( ($(date +%s%N) - start) / 1000000 )) ms: files, unit, settings and menu entry gone; the data folder kept"
echo "install check done in $(( $(date +%s) - started )) s"
