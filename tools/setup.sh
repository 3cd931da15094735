# Sourced by ./prov, ./tools/test and .ci/run: finds a JDK 21+ and installs the Debian
# packages the build and the peer tests need. Fails early, with a clear message, when it cannot.

find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    local version
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "prov: no JDK 21 or newer found (JAVA_HOME or /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, and set JAVA_HOME." >&2
  return 1
}

java_feature_version() {
  "$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# Debian packages: xvfb/xauth/x11-utils/libgtk-3-0 for the IDE, its UI tests and the product check; libwbxml2-utils, tshark,
# kannel and gammu are the independent decoders the peer tests compare our bytes with; openssl checks signatures and MACs;
# chromium renders the review report; nginx serves the generated server configuration;
# mono-mcs compiles the classmark 4 (CLI) bootstrap stub; neovim is the real editor whose LSP client drives
# `prov lsp` in org.mexe.studio.lsp.tests.
PROV_DEBIAN_PACKAGES="xvfb xauth x11-utils libgtk-3-0 libwbxml2-utils tshark kannel kannel-extras gammu openssl chromium nginx mono-mcs neovim jq"

install_debian_packages() {
  local missing=() pkg
  for pkg in $PROV_DEBIAN_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "prov: these Debian packages are missing: ${missing[*]}. Run as root, or: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "prov: installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq >/dev/null || { echo "prov: apt-get update failed" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "prov: apt-get install ${missing[*]} failed" >&2; return 1; }
}
