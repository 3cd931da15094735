#!/usr/bin/env bash
# Starts Provisioning Studio, the product this module materializes. Maven Central has no native
# Eclipse launcher, so the Equinox launcher jar starts it on a JDK 21 or newer.
#   updatesite/provisioning-studio.sh               workspace: $PROVISIONING_STUDIO_WORKSPACE or ~/provisioning-studio-workspace
#   updatesite/provisioning-studio.sh -data DIR     another workspace
# Other arguments go to Eclipse (-clean, -consoleLog, ...). Headless machines: xvfb-run -a updatesite/provisioning-studio.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$ROOT/tools/setup.sh"
find_jdk
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "provisioning-studio: no display. On a machine without one, run: xvfb-run -a $0 $*" >&2
  exit 1
fi
PRODUCT="$HERE/target/products/org.mexe.studio.product/linux/gtk/x86_64"
if [ ! -d "$PRODUCT/plugins" ]; then
  echo "provisioning-studio: building the product (first run)..." >&2
  # The whole reactor: Tycho resolves the bundles the product needs from their manifests, which -am cannot follow.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package >&2) \
    || { echo "provisioning-studio: the build failed; see the output above." >&2; exit 1; }
fi
launchers=("$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar)
if [ ! -f "${launchers[0]}" ]; then
  echo "provisioning-studio: no Equinox launcher in $PRODUCT/plugins; rebuild with: ./mvnw -DskipTests package" >&2
  exit 1
fi
args=("$@")
case " $* " in
  *" -data "*) ;;
  *) args=(-data "${PROVISIONING_STUDIO_WORKSPACE:-$HOME/provisioning-studio-workspace}" "${args[@]}") ;;
esac
# File > Restart (and restarts after installing software) ends the workbench with exit code 23
# (24: restart with new arguments, which only the native launcher can pass on): the native launcher
# starts it again, and without one this loop does.
while true; do
  rc=0
  "$JAVA_HOME/bin/java" -Xmx1g -jar "${launchers[0]}" "${args[@]}" || rc=$?
  case "$rc" in
    23|24) echo "provisioning-studio: restarting" >&2 ;;
    *) exit "$rc" ;;
  esac
done
