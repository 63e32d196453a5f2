# Sourced by ./alphacore and ./test.sh: exports JAVA_HOME pointing at a JDK >= 21.
# The machine default may be older (17); we look at ALPHACORE_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/*, then PATH.
_ac_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]; exit}'
}
_ac_find_jdk() {
  local c m candidates=("${ALPHACORE_JAVA_HOME:-}" "${JAVA_HOME:-}")
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in "${candidates[@]}"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    m=$(_ac_java_major "$c/bin/java")
    if [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if ! _ac_jdk=$(_ac_find_jdk); then
  echo "alphacore: no JDK >= 21 found. Install one (for example Temurin 21 or later) or set ALPHACORE_JAVA_HOME." >&2
  exit 2
fi
export JAVA_HOME="$_ac_jdk"
export PATH="$JAVA_HOME/bin:$PATH"
