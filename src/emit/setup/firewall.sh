# shellcheck shell=bash
# The high-availability service in firewalld (el7+), when firewalld runs.

open_firewall() {
	if ! ((DRY_RUN)) && ! firewall-cmd --state >/dev/null 2>&1; then
		note "firewalld is not running: nothing to open"
		return 0
	fi
	run firewall-cmd --permanent --add-service=high-availability
	run firewall-cmd --add-service=high-availability
}
