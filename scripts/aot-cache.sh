# Sourced by ./sluice (and, as lib/aot-cache.sh, by the release archive's bin/sluice) after java-env.sh:
# the JDK 25+ AOT cache (JEP 483/514/515: classes loaded and linked, plus method profiles, from a training
# run under load) that lets `sluice serve` get ready and warm up sooner (docs/operations.md, "Start-up and
# warm-up"). `sluice train` makes it; `sluice serve` uses it only while it fits: the same JDK build, the same
# jars (none newer than the cache) and the same JVM options as the training. A cache that does not fit is
# left out with a one-line note, so a stale cache can never fail a start or fill the log with the JVM's own
# warnings (which a mismatched -XX:AOTCache prints, 4-5 lines, before it carries on without).
#   SLUICE_AOT_CACHE  the cache file (default: the launcher's, see sluice_aot_path); "off": use none
# Using a cache needs only bash and sed (the release archive's test runs bin/sluice with nothing else).

# True when the user's JVM options ($1) choose a class-data archive themselves; the launcher then adds none
# (-Xshare:* and -XX:AOTCache together even stop the JVM).
sluice_aot_user_choice() {
  case " $1 " in
    *" -Xshare"* | *" -XX:SharedArchiveFile"* | *" -XX:AOT"* | *" -XX:ArchiveClassesAtExit"* | \
      *" -XX:DumpLoadedClassList"* | *" -XX:SharedClassListFile"* | *" -XX:-UseSharedSpaces"*) return 0 ;;
  esac
  return 1
}

# The cache file: SLUICE_AOT_CACHE, else $1 (the launcher's default).
sluice_aot_path() { printf '%s' "${SLUICE_AOT_CACHE:-$1}"; }

# What a cache must have been trained with to fit ($@: the class path's jars): the JDK and its exact build,
# the JVM options, the jars' names. Written next to the cache as CACHE.id.
sluice_aot_identity() {
  local build
  build=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
  printf 'java=%s\nbuild=%s\noptions=%s\n' "$JAVA_HOME" "${build:-unknown}" "$SLUICE_JVM_FLAGS ${SLUICE_JAVA_OPTS:-}"
  printf 'jar=%s\n' "${@##*/}"
}

# Prints -XX:AOTCache=... when the cache fits this launch, else nothing; a cache that exists but does not fit
# gets a one-line note on stderr. $1 = the default cache file, then the class path's jars.
sluice_aot_option() {
  local cache file
  cache=$(sluice_aot_path "$1"); shift
  [ "${SLUICE_JAVA_MAJOR:-0}" -ge 25 ] && [ "$cache" != off ] && [ -f "$cache" ] || return 0
  ! sluice_aot_user_choice "${SLUICE_JAVA_OPTS:-}" || return 0
  if [ ! -f "$cache.id" ] || [ "$(sluice_aot_identity "$@")" != "$(<"$cache.id")" ]; then
    echo "sluice: not using the AOT cache $cache: it was made for another JDK, other jars or other SLUICE_JAVA_OPTS; 'sluice train' makes a new one." >&2
    return 0
  fi
  for file in "$@" "$JAVA_HOME/lib/server/libjvm.so"; do
    if [ "$file" -nt "$cache" ]; then
      echo "sluice: not using the AOT cache $cache: $file changed after it was made; 'sluice train' makes a new one." >&2
      return 0
    fi
  done
  printf '%s' "-XX:AOTCache=$cache"
}

# sluice train: runs `serve` (embedded broker on free ports, a scratch data directory, none of the SLUICE_*
# settings of the environment but SLUICE_JAVA_OPTS) under load for --seconds (default 30), then stops it
# with SIGTERM; the JVM writes the cache as it exits. $1 = the default cache file, $2 = sluice.home, $3 = the
# class path, then train's arguments; those that are not train's own go to serve (e.g. --delivery async).
sluice_aot_train() {
  local default=$1 home=$2 classpath=$3 seconds=30 cache work port broker_port gw="" load="" rc jar
  local jars=() entries=() serve_args=()
  shift 3
  cache=$(sluice_aot_path "$default")
  while [ $# -gt 0 ]; do
    case "$1" in
      --seconds) seconds=$2; shift 2 ;;
      --seconds=*) seconds=${1#*=}; shift ;;
      -h | --help)
        cat <<EOF
Usage: sluice train [--seconds N] [serve options...]
Makes the AOT cache (JDK 25 or newer) with which 'sluice serve' gets ready and warms up sooner: runs the
gateway and an embedded broker on free ports under load (wrk when installed, else Sluice's own load
generator) for N seconds (default 30), stops it, and the JVM writes the cache (about a minute in all).
Cache: $cache
  (SLUICE_AOT_CACHE=FILE: another file; SLUICE_AOT_CACHE=off: serve uses none.)
serve uses it while the JDK, the jars and SLUICE_JAVA_OPTS are those of the training, else it starts
without it and says so: train again after an upgrade or a change of SLUICE_JAVA_OPTS. Serve options given
here shape the training (e.g. --delivery async, --io epoll); the SLUICE_* settings of the environment do
not apply to it, but SLUICE_JAVA_OPTS does.
EOF
        return 0 ;;
      *) serve_args+=("$1"); shift ;;
    esac
  done
  if [ "${SLUICE_JAVA_MAJOR:-0}" -lt 25 ]; then
    echo "sluice train: the AOT cache needs a JDK 25 or newer; $JAVA_HOME is Java $SLUICE_JAVA_MAJOR. Set JAVA_HOME to a JDK 25." >&2
    return 1
  fi
  if [ "$cache" = off ]; then
    echo "sluice train: SLUICE_AOT_CACHE=off; unset it, or set it to the file the cache should go to." >&2
    return 1
  fi
  if sluice_aot_user_choice "${SLUICE_JAVA_OPTS:-}"; then
    echo "sluice train: SLUICE_JAVA_OPTS chooses a class-data archive itself ($SLUICE_JAVA_OPTS); take that option out first." >&2
    return 1
  fi
  mkdir -p "$(dirname "$cache")" 2>/dev/null || true
  if ! touch "$cache.new" 2>/dev/null; then
    echo "sluice train: cannot write $cache; set SLUICE_AOT_CACHE to a writable file (e.g. /var/lib/sluice/sluice.aot)." >&2
    return 1
  fi
  rm -f "$cache.new"
  IFS=: read -r -a entries <<<"$classpath"
  for jar in "${entries[@]}"; do
    if [[ $jar == *'/*' ]]; then jars+=("${jar%/\*}"/*.jar); else jars+=("$jar"); fi
  done
  work=$(mktemp -d)
  port=$(sluice_free_port); broker_port=$(sluice_free_port)
  trap 'kill -TERM $gw $load 2>/dev/null; exit 130' INT TERM
  echo "sluice train: serve under load for ${seconds}s, then the JVM writes $cache (log: $work/train.log)" >&2
  # shellcheck disable=SC2086
  (
    for v in $(compgen -e); do
      case "$v" in SLUICE_JAVA_OPTS | SLUICE_RUNTIME | SLUICE_JVM_FLAGS | SLUICE_JAVA_MAJOR) ;; SLUICE_*) unset "$v" ;; esac
    done
    exec "$JAVA_HOME/bin/java" $SLUICE_JVM_FLAGS -Dsluice.home="$home" ${SLUICE_JAVA_OPTS:-} \
      -XX:AOTCacheOutput="$cache.new" -Xlog:aot=error -cp "$classpath" io.sluice.cli.Main serve \
      --bind 127.0.0.1 --port "$port" --broker-port "$broker_port" --data-dir "$work/data" "${serve_args[@]}"
  ) >"$work/train.log" 2>&1 &
  gw=$!
  local deadline=$((SECONDS + 180))
  until [ "$(sluice_http_status "$port" /readyz)" = 200 ]; do
    if ! kill -0 "$gw" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      kill -TERM "$gw" 2>/dev/null || true
      tail -n 30 "$work/train.log" >&2
      echo "sluice train: the gateway did not get ready (log above: $work/train.log)" >&2
      return 1
    fi
    sleep 0.2
  done
  for path in /healthz /metrics; do sluice_http_status "$port" "$path" >/dev/null; done
  if command -v wrk >/dev/null 2>&1; then
    printf '%s\n' 'wrk.method = "POST"' "wrk.body = '{\"data\":\"0123456789abcdef0123456\"}'" \
      'wrk.headers["Content-Type"] = "application/json"' >"$work/post.lua"
    wrk -t1 -c64 -d"${seconds}s" --timeout 10s -s "$work/post.lua" "http://127.0.0.1:$port/topics/events" \
      >"$work/load.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    "$JAVA_HOME/bin/java" $SLUICE_JVM_FLAGS -Dsluice.home="$home" -cp "$classpath" io.sluice.cli.Main bench \
      --target-url "http://127.0.0.1:$port/topics/events" --scenario keepalive --delivery async \
      --duration "${seconds}s" --warmup 0s --output "$work/bench" >"$work/load.log" 2>&1 &
  fi
  load=$!
  if wait "$load"; then
    echo "sluice train: load done: $(sed -n -e 's/^ *\([0-9]* requests in [^,]*\),.*/\1/p' \
      -e 's/.* OK  *\([0-9,]* req\/s\).*/\1/p' "$work/load.log" | head -n 1)" >&2
  else
    tail -n 20 "$work/load.log" >&2; echo "sluice train: the load generator failed (log above)" >&2
  fi
  load=""
  for path in /healthz /readyz /metrics; do sluice_http_status "$port" "$path" >/dev/null; done
  kill -TERM "$gw"
  rc=0; wait "$gw" || rc=$?
  trap - INT TERM
  if [ "$rc" != 0 ] || [ ! -s "$cache.new" ]; then
    tail -n 30 "$work/train.log" >&2
    echo "sluice train: no cache was written (exit code $rc; log above: $work/train.log)" >&2
    rm -f "$cache.new"
    return 1
  fi
  sluice_aot_identity "${jars[@]}" >"$cache.id.new"
  mv -f "$cache.new" "$cache"
  mv -f "$cache.id.new" "$cache.id"
  echo "sluice train: wrote $cache ($(($(wc -c <"$cache") / 1048576)) MiB); 'sluice serve' uses it from its next start." >&2
  rm -rf "$work"
}

# The status code of GET $2 on 127.0.0.1:$1 through bash's /dev/tcp (no curl needed); 000 when nothing answers.
sluice_http_status() (
  status=000
  if exec 9<>"/dev/tcp/127.0.0.1/$1"; then
    printf 'GET %s HTTP/1.1\r\nHost: sluice\r\nConnection: close\r\n\r\n' "$2" >&9
    if read -r -t 5 line <&9 && [[ $line =~ ^HTTP/1\.[01]\ ([0-9]{3}) ]]; then status=${BASH_REMATCH[1]}; fi
    while read -r -t 5 _ <&9; do :; done
  fi 2>/dev/null
  printf '%s' "$status"
)

# A TCP port on 127.0.0.1 that nothing listens on, from 20000-29999.
sluice_free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 10000))
    if ! (exec 9<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then printf '%s' "$p"; return; fi
  done
}
