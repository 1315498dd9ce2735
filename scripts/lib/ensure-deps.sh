# shellcheck shell=bash
# Ferry: make sure the programs the tests and the demo need are installed, and clean up
# servers left behind by a test run that died. Source this file; it defines functions only.
#
#   ferry_ensure_deps           install what is missing (as root) or say how (otherwise)
#   ferry_kill_leftovers DIR    stop processes whose pid files lie under DIR
#
# Safe under `set -euo pipefail`. The packages' own system services (mariadb, influxdb) are
# never used: Ferry starts its own servers on free loopback ports in its own directories.

# Prints the Debian package that provides command $1.
ferry__package_of() {
  case "$1" in
    java) echo openjdk-17-jdk-headless ;;
    mvn) echo maven ;;
    influxd) echo influxdb ;;
    influx) echo influxdb-client ;;
    mariadbd | mariadb-install-db) echo mariadb-server ;;
    mariadb) echo mariadb-client ;;
    pt-table-checksum) echo percona-toolkit ;;
    fc-list) echo fontconfig ;;
    curl) echo curl ;;
    openssl) echo openssl ;;
    prometheus-alertmanager) echo prometheus-alertmanager ;;
    aiosmtpd) echo python3-aiosmtpd ;;
    ansible-playbook) echo ansible ;;
    prometheus-node-exporter) echo prometheus-node-exporter ;;
    prometheus-mysqld-exporter) echo prometheus-mysqld-exporter ;;
    systemd-analyze) echo systemd ;;
    chromium) echo chromium ;;
    chromedriver) echo chromium-driver ;;
    *) return 1 ;;
  esac
}

# Succeeds if command $1 can be run, also from /usr/sbin (Debian's place for mariadbd,
# which is not on an ordinary user's PATH).
ferry__has_command() {
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]
}

# Prints the major version of the java on PATH (8 for "1.8.0_x", 17 for "17.0.9").
ferry__java_major() {
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  version=${version#1.}
  echo "${version%%.*}"
}

# Runs apt-get install for the packages given, with service start-up disabled while it runs
# (a policy-rc.d that denies every start), unless the system already has a policy of its own.
ferry__apt_install() {
  local policy=/usr/sbin/policy-rc.d created_policy=0 status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
  fi
  apt-get update || status=$?
  if [ "$status" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" || status=$?
  fi
  if [ "$created_policy" -eq 1 ]; then
    rm -f "$policy"
  fi
  return "$status"
}

# Checks for java 17+, mvn, influxd, influx, curl, openssl (test certificates), mariadbd, mariadb-install-db, mariadb,
# pt-table-checksum, fontconfig, a font (for charts), prometheus-alertmanager and aiosmtpd (the
# alert receivers' tests), ansible-playbook and systemd-analyze (the deploy module's tests),
# prometheus-node-exporter and prometheus-mysqld-exporter (the agent's cross-check with them),
# chromium and chromedriver (the page tests drive a headless browser). Missing ones are installed with
# apt-get when running as root; otherwise the exact command to run is printed and the calling
# script exits with status 1.
ferry_ensure_deps() {
  local missing=() command package
  # aiosmtpd is checked as the Debian command, not as `python3 -c 'import aiosmtpd'`: a python3
  # from pyenv or a venv earlier on PATH does not see Debian's module, and the test kit runs the
  # command, which uses the system Python.
  for command in java mvn influxd influx curl openssl mariadbd mariadb-install-db mariadb pt-table-checksum fc-list \
    prometheus-alertmanager aiosmtpd ansible-playbook systemd-analyze \
    prometheus-node-exporter prometheus-mysqld-exporter chromium chromedriver; do
    if ! ferry__has_command "$command"; then
      package=$(ferry__package_of "$command")
      case " ${missing[*]-} " in
        *" $package "*) ;;
        *) missing+=("$package") ;;
      esac
    fi
  done
  # Charts in reports are drawn with JFreeChart, which needs at least one font.
  if ! find /usr/share/fonts -name '*.ttf' -print -quit 2>/dev/null | grep -q .; then
    missing+=(fonts-dejavu-core)
  fi

  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "ferry: installing missing packages: ${missing[*]}" >&2
      if ! ferry__apt_install "${missing[@]}"; then
        echo "ferry: apt-get could not install: ${missing[*]}" >&2
        exit 1
      fi
    else
      echo "ferry: missing packages; install them with:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi

  local major
  major=$(ferry__java_major)
  if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    echo "ferry: java 17 or later is needed, found: $(java -version 2>&1 | head -n 1)" >&2
    exit 1
  fi
}

# Stops every process named by a *.pid file under DIR: SIGTERM, then SIGKILL after 10 s.
# A process counts only if its command line names a path under DIR (the kit's servers do,
# through --defaults-file or -config), so a stale pid file whose pid now belongs to an
# unrelated process kills nothing.
ferry_kill_leftovers() {
  local dir=${1:?usage: ferry_kill_leftovers DIR}
  [ -d "$dir" ] || return 0
  local logical physical pidfile pid cmdline pids=() tries
  logical=$(cd "$dir" && pwd -L)
  physical=$(cd "$dir" && pwd -P)

  while IFS= read -r -d '' pidfile; do
    pid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null || true)
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || continue
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    case "$cmdline" in
      *"$logical/"* | *"$physical/"*) ;;
      *) continue ;;
    esac
    case " ${pids[*]-} " in
      *" $pid "*) ;;
      *) pids+=("$pid") ;;
    esac
  done < <(find "$dir" -type f -name '*.pid' -print0 2>/dev/null)

  [ "${#pids[@]}" -gt 0 ] || return 0
  echo "ferry: stopping leftover processes under $dir: ${pids[*]}" >&2
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for tries in $(seq 1 50); do
    for pid in "${pids[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then
        sleep 0.2
        continue 2
      fi
    done
    return 0
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
