#!/bin/sh
# start.sh [DELAY]: launch the test daemon in the background and return at once. Every PID it
# launches is appended to "spawned", so the tests can kill what they started.
dir=$(dirname "$0")
sh "$dir/daemon.sh" "$dir/app.pid" "${1:-0}" </dev/null >/dev/null 2>&1 &
echo $! >>"$dir/spawned"
