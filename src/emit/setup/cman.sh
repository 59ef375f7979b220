# shellcheck shell=bash
# cman (el6) waits for quorum when it starts unless CMAN_QUORUM_TIMEOUT=0, as the post sets it.

set_cman_quorum_timeout() {
	local f=/etc/sysconfig/cman
	if ! ((DRY_RUN)) && grep -qx 'CMAN_QUORUM_TIMEOUT=0' "$f" 2>/dev/null; then
		note "already set"
		return 0
	fi
	if ! ((DRY_RUN)); then [ -f "$f" ] || die "$f is missing: is the cman package installed?"; fi
	# A copy of the file as the package left it, once, for the rollback.
	if ((DRY_RUN)) || [ ! -e "$f.hacc-orig" ]; then run cp -p "$f" "$f.hacc-orig"; fi
	run sed -i -e 's/^#*[[:space:]]*CMAN_QUORUM_TIMEOUT=.*/CMAN_QUORUM_TIMEOUT=0/' "$f"
	if ! ((DRY_RUN)) && ! grep -qx 'CMAN_QUORUM_TIMEOUT=0' "$f"; then
		printf '+ %s >> %s\n' "echo CMAN_QUORUM_TIMEOUT=0" "$f"
		echo 'CMAN_QUORUM_TIMEOUT=0' >>"$f"
	fi
}
