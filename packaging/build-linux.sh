#!/usr/bin/env bash
# Builds the console's Linux installers with jpackage over a jlink'd runtime:
#   packaging/target/commandroom/                  the app image (bin/commandroom, bin/commandroom-hub)
#   packaging/target/commandroom_VERSION_amd64.deb the Debian package (installs to /opt/commandroom)
# The runtime holds the JDK's modules and JavaFX's (from the Maven jars, which are modular);
# gRPC, Netty, H2 and the rest are automatic modules or plain jars and stay on the class path.
# Needs: a JDK 17+ with jmods (Debian: openjdk-17-jdk), fakeroot and dpkg-deb for the deb.
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

$skip_build || ./mvnw -q -B install -DskipTests
rm -rf "$out"
mkdir -p "$out/input" "$out/fx"
./mvnw -q -B -pl console-app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$out/deps"
cp console-app/target/console-app-*.jar "$out/input/"
# JavaFX: the platform jars go into the runtime as modules; the empty ones without a classifier go.
mv "$out"/deps/javafx-*-linux.jar "$out/fx/"
rm -f "$out"/deps/javafx-*.jar
mv "$out"/deps/*.jar "$out/input/"

jdk_bin=$(dirname "$(readlink -f "$(command -v jlink)")")
"$jdk_bin/jlink" --module-path "$out/fx" \
  --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,jdk.localedata,jdk.charsets,jdk.net,jdk.zipfs,javafx.controls,javafx.fxml,javafx.swing,javafx.web \
  --include-locales en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
# jlink leaves out the JDK's class-data sharing archive: made again, it saves a cold start the
# parsing of the JDK's own classes.
"$out/runtime/bin/java" -Xshare:dump >/dev/null

"$jdk_bin/jpackage" --type app-image --name commandroom --app-version "$version" \
  --vendor "Command Room Console" --description "Command room console and dispatch hub (综合指挥室)" \
  --input "$out/input" --main-jar "$(basename "$(ls "$out"/input/console-app-*.jar)")" \
  --main-class commandroom.app.Launcher --runtime-image "$out/runtime" \
  --java-options "-Dfile.encoding=UTF-8 -XX:SharedArchiveFile=\$APPDIR/commandroom.jsa" \
  --add-launcher commandroom-hub=packaging/linux/hub.properties \
  --icon assets/icon/commandroom.png --dest "$out"
# The hub's unit and settings, and the demo county (a hub seeded with it: --seed .../demo-county.json).
cp packaging/linux/commandroom-hub.service packaging/linux/hub.conf.example "$out/commandroom/lib/"
cp assets/demo-county/county.json "$out/commandroom/lib/demo-county.json"
# Class-data sharing: the classes a console loads up to its first window, recorded here (needs
# Xvnc) and archived where the app lies (make-cds-archive.sh: postinst for the deb; run it by hand
# for a moved app image). Without Xvnc the package is made without the list: it works, starts slower.
cp packaging/linux/make-cds-archive.sh "$out/commandroom/lib/"
if command -v Xvnc >/dev/null; then
  packaging/linux/record-class-list.sh "$out/commandroom"
else
  echo "no Xvnc: no class list recorded, the console will start without a CDS archive" >&2
fi

if $deb; then
  "$jdk_bin/jpackage" --type deb --app-image "$out/commandroom" --name commandroom --app-version "$version" \
    --vendor "Command Room Console" --description "Command room console and dispatch hub (综合指挥室)" \
    --linux-package-name commandroom --linux-deb-maintainer "it@county-bureau.invalid" \
    --linux-menu-group "Office" --linux-shortcut --linux-app-category misc \
    --linux-package-deps "libgtk-3-0, libvlc5, vlc-plugin-base, fonts-noto-cjk" \
    --icon assets/icon/commandroom.png --resource-dir packaging/linux/resources --dest "$out"
fi
ls -la "$out"
