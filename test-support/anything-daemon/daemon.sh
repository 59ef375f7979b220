#!/bin/sh
# A stand-in service for the anything agent's tests. Usage: daemon.sh PIDFILE DELAY
# Counts as running DELAY seconds after it starts: that is when it writes PIDFILE. It stays a
# shell (no exec) so that its command line names its fixture directory.
sleep "$2"
echo $$ >"$1.new" && mv "$1.new" "$1"
while :; do
	sleep 1
done
