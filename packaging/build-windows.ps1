# Builds the console's Windows installer (MSI) with jpackage over a jlink'd runtime, as
# build-linux.sh does on Linux. Needs a JDK 17+ with jmods on PATH and the WiX Toolset 3 (candle,
# light) on PATH. Not run in CI (no Windows there); kept in step with build-linux.sh.
# Usage: powershell -File packaging\build-windows.ps1 [-SkipBuild]
param([switch]$SkipBuild)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$version = "0.1.0"
$out = "packaging\target"
if (-not $SkipBuild) { .\mvnw.cmd -q -B install -DskipTests -Djavacpp.platform=windows-x86_64 }
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input", "$out\fx" | Out-Null
.\mvnw.cmd -q -B -pl console-app dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$PWD\$out\deps" -Djavacpp.platform=windows-x86_64
Copy-Item console-app\target\console-app-*.jar "$out\input\"
# JavaFX: the Windows jars go into the runtime as modules; the empty ones without a classifier go.
Move-Item "$out\deps\javafx-*-win.jar" "$out\fx\"
Remove-Item "$out\deps\javafx-*.jar"
Move-Item "$out\deps\*.jar" "$out\input\"
jlink --module-path "$out\fx" `
  --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.jsobject,jdk.localedata,jdk.charsets,jdk.net,jdk.zipfs,javafx.controls,javafx.fxml,javafx.swing,javafx.web `
  --include-locales en,zh --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out\runtime"
# jlink leaves out the JDK's class-data sharing archive: made again (as on Linux). The console's own
# archive (make-cds-archive.sh on Linux, made by the deb's postinst) is not made by the MSI: a
# Windows console starts without it, ~0.8 s slower on a 2-core machine.
& "$out\runtime\bin\java.exe" -Xshare:dump | Out-Null
$mainJar = (Get-ChildItem "$out\input\console-app-*.jar").Name
jpackage --type msi --name commandroom --app-version $version --vendor "Command Room Console" `
  --description "Command room console and dispatch hub" --input "$out\input" --main-jar $mainJar `
  --main-class commandroom.app.Launcher --runtime-image "$out\runtime" --java-options "-Dfile.encoding=UTF-8" `
  --add-launcher commandroom-hub=packaging\linux\hub.properties `
  --win-menu --win-shortcut --win-dir-chooser --dest $out
# The hub's documented settings beside the installer (copy to C:\ProgramData\CommandRoom\hub.conf).
Copy-Item packaging\linux\hub.conf.example "$out\hub.conf.example"
Get-ChildItem $out
