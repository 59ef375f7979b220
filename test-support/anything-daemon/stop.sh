#!/bin/sh
# stop.sh: stop the test daemon (TERM) and remove its pidfile.
pidfile=$(dirname "$0")/app.pid
if [ -f "$pidfile" ]; then
	kill "$(cat "$pidfile")" 2>/dev/null
	rm -f "$pidfile"
fi
exit 0
