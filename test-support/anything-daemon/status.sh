#!/bin/sh
# status.sh [STOPPED_RC]: exit 0 when the test daemon runs, else STOPPED_RC (default 7).
# A zombie does not count as running.
pidfile=$(dirname "$0")/app.pid
if [ -f "$pidfile" ]; then
	pid=$(cat "$pidfile")
	if [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"; then
		exit 0
	fi
fi
exit "${1:-7}"
