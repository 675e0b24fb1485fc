#!/usr/bin/env bash
# Builds the Linux installers with jpackage, each over its own jlink'd runtime:
#   packaging/target/commandroom/                      the console's app image (bin/commandroom)
#   packaging/target/commandroom-hub/                  the hub's app image (bin/commandroom-hub)
#   packaging/target/commandroom_VERSION_amd64.deb     the console (a workstation: /opt/commandroom)
#   packaging/target/commandroom-hub_VERSION_amd64.deb the hub (a server, headless: /opt/commandroom-hub,
#                                                      the service, its user, settings and data folder)
# The console's runtime holds the JDK's modules and JavaFX's (from the Maven jars, which are
# modular); the hub's holds no JavaFX and no X11 or sound libraries, so its package pulls in no
# desktop. gRPC, Netty, H2 and the rest are automatic modules or plain jars on the class path.
# Needs: a JDK 17+ with jmods (Debian: openjdk-17-jdk), fakeroot and dpkg-deb for the debs.
# Maven options (e.g. -Dmaven.repo.local=...) come from MAVEN_OPTS or MAVEN_ARGS, as ./mvnw takes them.
# Usage: packaging/build-linux.sh [--skip-build] [--app-image-only]
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.1.0
out=packaging/target
skip_build=false
deb=true
for a in "$@"; do
  case "$a" in
    --skip-build) skip_build=true ;;
    --app-image-only) deb=false ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

# The console and what it needs (the hub's module among them).
$skip_build || ./mvnw -q -B install -DskipTests -pl console-app -am
rm -rf "$out"
mkdir -p "$out/input" "$out/fx" "$out/hub-input"
./mvnw -q -B -pl console-app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$out/deps"
./mvnw -q -B -pl console-server dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$out/hub-input"
cp console-app/target/console-app-*.jar "$out/input/"
cp "$(ls console-server/target/console-server-*.jar | grep -v -- '-tests\.jar$')" "$out/hub-input/"
# JavaFX: the platform jars go into the runtime as modules; the empty ones without a classifier go.
mv "$out"/deps/javafx-*-linux.jar "$out/fx/"
rm -f "$out"/deps/javafx-*.jar
mv "$out"/deps/*.jar "$out/input/"

jdk_bin=$(dirname "$(readlink -f "$(command -v jlink)")")
jdk_modules=java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.net,jdk.zipfs
"$jdk_bin/jlink" --module-path "$out/fx" \
  --add-modules $jdk_modules,jdk.jsobject,javafx.controls,javafx.fxml,javafx.swing,javafx.web \
  --include-locales en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
# The hub's: headless. java.desktop stays (ImageIO, java.beans) but without the libraries that
# link X11, ALSA and FreeType/HarfBuzz (the hub draws no text): jpackage derives the package's
# dependencies from the libraries it finds, so these would pull a desktop's libraries in.
"$jdk_bin/jlink" --add-modules $jdk_modules,jdk.management \
  --include-locales en,zh \
  --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so,**/libfontmanager.so' \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/hub-runtime"
# jlink leaves out the JDK's class-data sharing archive: made again, it saves a cold start the
# parsing of the JDK's own classes.
"$out/runtime/bin/java" -Xshare:dump >/dev/null
"$out/hub-runtime/bin/java" -Xshare:dump >/dev/null

"$jdk_bin/jpackage" --type app-image --name commandroom --app-version "$version" \
  --vendor "Command Room Console" --description "Command room console (综合指挥室)" \
  --input "$out/input" --main-jar "$(basename "$(ls "$out"/input/console-app-*.jar)")" \
  --main-class commandroom.app.Launcher --runtime-image "$out/runtime" \
  --java-options "-Dfile.encoding=UTF-8 -XX:SharedArchiveFile=\$APPDIR/commandroom.jsa" \
  --icon assets/icon/commandroom.png --dest "$out"
"$jdk_bin/jpackage" --type app-image --name commandroom-hub --app-version "$version" \
  --vendor "Command Room Console" --description "Command Room dispatch hub (综合指挥室 调度中心)" \
  --input "$out/hub-input" --main-jar "$(basename "$(ls "$out"/hub-input/console-server-*.jar)")" \
  --main-class commandroom.server.HubMain --runtime-image "$out/hub-runtime" \
  --java-options "-Dfile.encoding=UTF-8 -Djava.awt.headless=true" --dest "$out"
# The hub's unit and settings, and the demo county (only for a demonstration hub: serve --demo).
cp packaging/linux/commandroom-hub.service packaging/linux/hub.conf.example "$out/commandroom-hub/lib/"
cp assets/demo-county/county.json "$out/commandroom-hub/lib/demo-county.json"
# Class-data sharing: the classes a console loads up to its first window, recorded here (needs
# Xvnc; the hub image serves the demo county to it) and archived where the app lies
# (make-cds-archive.sh: postinst for the deb; run it by hand for a moved app image). Without Xvnc
# the package is made without the list: it works, starts slower.
cp packaging/linux/make-cds-archive.sh "$out/commandroom/lib/"
if command -v Xvnc >/dev/null; then
  packaging/linux/record-class-list.sh "$out/commandroom" "$out/commandroom-hub"
else
  echo "no Xvnc: no class list recorded, the console will start without a CDS archive" >&2
fi

if $deb; then
  "$jdk_bin/jpackage" --type deb --app-image "$out/commandroom" --name commandroom --app-version "$version" \
    --vendor "Command Room Console" --description "Command room console (综合指挥室)" \
    --linux-package-name commandroom --linux-deb-maintainer "it@county-bureau.invalid" \
    --linux-menu-group "Office" --linux-shortcut --linux-app-category misc \
    --linux-package-deps "libgtk-3-0, libvlc5, vlc-plugin-base, fonts-noto-cjk" \
    --icon assets/icon/commandroom.png --resource-dir packaging/linux/resources --dest "$out"
  # The server's package: no desktop entry, no GUI dependencies (only what its libraries link).
  "$jdk_bin/jpackage" --type deb --app-image "$out/commandroom-hub" --name commandroom-hub --app-version "$version" \
    --vendor "Command Room Console" --description "Command Room dispatch hub (综合指挥室 调度中心), headless, as a systemd service" \
    --linux-package-name commandroom-hub --linux-deb-maintainer "it@county-bureau.invalid" \
    --linux-app-category misc --resource-dir packaging/linux/hub-resources --dest "$out"
fi
ls -la "$out"
