#!/bin/sh
# A small real daemon for the live-cluster suite (test/live): the service behind the `anything`
# resource. Usage: daemon.sh start|stop|status [NAME]
#   start   backgrounds a loop and writes its PID to /run/hacc-live-daemon/NAME.pid
#   stop    kills it by that pidfile; exit 0 once it is gone, 1 if it survives
#   status  exit 0 if running, 7 (OCF_NOT_RUNNING) if not
# /run is a private tmpfs inside each test node, so every node has its own pidfile.
set -u

name=${2:-daemon}
dir=/run/hacc-live-daemon
pidfile=$dir/$name.pid

running() {
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  case $pid in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled PID: the process must still be this script's loop.
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\000' ' ' <"/proc/$pid/cmdline" | grep -q 'daemon.sh' || return 1
  fi
  return 0
}

case ${1:-} in
start)
  if running; then exit 0; fi
  mkdir -p "$dir"
  # The loop must not hold the caller's stdout/stderr open (pacemaker-execd waits for them).
  (
    child=
    trap 'if [ -n "$child" ]; then kill "$child" 2>/dev/null; fi; exit 0' TERM INT
    while :; do
      sleep 1 &
      child=$!
      wait "$child"
    done
  ) </dev/null >/dev/null 2>&1 &
  echo "$!" >"$pidfile"
  exit 0
  ;;
stop)
  if ! running; then
    rm -f "$pidfile"
    exit 0
  fi
  kill "$pid" 2>/dev/null
  i=0
  while [ "$i" -lt 50 ]; do
    kill -0 "$pid" 2>/dev/null || {
      rm -f "$pidfile"
      exit 0
    }
    sleep 0.1
    i=$((i + 1))
  done
  exit 1
  ;;
status)
  if running; then exit 0; fi
  exit 7
  ;;
*)
  echo "usage: $0 start|stop|status [NAME]" >&2
  exit 2
  ;;
esac
