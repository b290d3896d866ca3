# Sourced by ./sluice, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Looks at $JAVA_HOME first, then every JDK under /usr/lib/jvm (newest first).
# Fails with a clear message when there is none.
# The release archive's bin/sluice sources it too (as lib/java-env.sh); in the archive that bundles a
# Java runtime it sets SLUICE_RUNTIME to it, which then wins (a jlink'd runtime has no javac).

sluice_java_major() { # $1 = JDK home; prints its major version or nothing
  local release="$1/release" v
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  fi
  if [ -z "${v:-}" ] && [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  printf '%s' "${v:-}"
}

sluice_find_jdk() {
  local min=21 best="" best_v=0 cand v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(sluice_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then printf '%s' "$JAVA_HOME"; return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -x "$cand/bin/javac" ] || continue
    [ -L "$cand" ] && continue
    v=$(sluice_java_major "$cand")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$cand"; best_v="$v"; fi
  done
  [ -n "$best" ] || return 1
  printf '%s' "$best"
}

if [ -n "${SLUICE_RUNTIME:-}" ] && [ -x "$SLUICE_RUNTIME/bin/java" ]; then
  SLUICE_JDK="$SLUICE_RUNTIME"
elif ! SLUICE_JDK=$(sluice_find_jdk); then
  echo "sluice: no JDK 21 or newer found (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)." >&2
  echo "sluice: install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21/25) or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$SLUICE_JDK"
SLUICE_JAVA_MAJOR=$(sluice_java_major "$JAVA_HOME")
export SLUICE_JAVA_MAJOR
# Flags every Sluice JVM needs on this JDK (Netty and lz4 load native code; Netty wants Unsafe on 24+).
SLUICE_JVM_FLAGS=""
if [ "${SLUICE_JAVA_MAJOR:-0}" -ge 22 ]; then SLUICE_JVM_FLAGS="--enable-native-access=ALL-UNNAMED"; fi
if [ "${SLUICE_JAVA_MAJOR:-0}" -ge 24 ]; then
  # Netty turns its Unsafe fast paths off on JDK 24+ unless told otherwise (~15% throughput measured here).
  SLUICE_JVM_FLAGS="$SLUICE_JVM_FLAGS --sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false"
  case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
export SLUICE_JVM_FLAGS
