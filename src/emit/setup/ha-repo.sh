# shellcheck shell=bash
# The repository that carries the HA packages on RHEL 8/9 and rebuilds. HA_REPO_ID is the dnf
# repository id of the rebuilds; HA_RHSM_REPO the RHEL repository, %s standing for the machine
# architecture (both set in the data block).
# shellcheck disable=SC2154

enable_ha_repo() {
	local rhsm
	rhsm=${HA_RHSM_REPO/\%s/$(uname -m)}
	if ((DRY_RUN)); then
		note "on RHEL (registered with subscription-manager) instead: subscription-manager repos --enable=${HA_RHSM_REPO/\%s/\$(uname -m)}"
		run dnf config-manager --set-enabled "$HA_REPO_ID"
		return 0
	fi
	# grep reads all of its input (no -q): with pipefail, an early exit would fail awk with SIGPIPE.
	if dnf repolist --enabled 2>/dev/null | awk '{print $1}' | grep -xF -e "$HA_REPO_ID" -e "$rhsm" >/dev/null; then
		note "already enabled"
	elif command -v subscription-manager >/dev/null 2>&1 && subscription-manager identity >/dev/null 2>&1; then
		run subscription-manager repos --enable="$rhsm"
	else
		run dnf config-manager --set-enabled "$HA_REPO_ID"
	fi
}
