# shellcheck shell=bash
# The cluster itself, pcs's way: auth and setup (authenticate_nodes and setup_cluster are
# generated from the nodes) only when the cluster configuration file does not name this cluster
# with these nodes yet.
# shellcheck disable=SC2154

ensure_cluster() {
	local state=none
	step "Create cluster $CLUSTER_NAME on ${NODES[*]} (skipped when it exists)"
	if ! ((DRY_RUN)); then state=$(cluster_state); fi
	case $state in
	this)
		note "$CLUSTER_CONF already names cluster $CLUSTER_NAME with nodes ${NODES[*]}: no auth, no setup"
		if ! cib_up; then
			run pcs cluster start --all
		fi
		if [ -e "$ENABLE_PENDING" ]; then
			note "the run that set this cluster up did not finish enabling it at boot: enabling it now"
			enable_at_boot
		fi
		;;
	none | placeholder)
		if ((DRY_RUN)); then note "only when $CLUSTER_CONF does not name cluster $CLUSTER_NAME yet:"; fi
		authenticate_nodes
		if [ "$state" = placeholder ]; then
			note "replacing the placeholder cluster the $PLATFORM packages started (pcs cluster setup --force)"
			setup_cluster --force
		else
			setup_cluster
		fi
		enable_at_boot
		;;
	*)
		die "$CLUSTER_CONF describes another cluster (or other nodes) than $CLUSTER_NAME (${NODES[*]}). hacc does not destroy clusters or change their membership: check the file, and run 'pcs cluster destroy' yourself if this node is to leave that cluster"
		;;
	esac
	wait_for_cib
}

# A file that says `pcs cluster enable --all` has not succeeded yet. It is made before the attempt
# and removed after it, so when enable fails the next run of configure (which finds the cluster set
# up and skips setup) still enables it. A cluster hacc did not set up has none: it is left as it is.
ENABLE_PENDING=$BACKUP_DIR/$BACKUP_NAME-enable-pending

enable_at_boot() {
	if ! ((AUTOSTART)); then
		note "autostart false: the cluster services are not enabled at boot; start them by hand (pcs cluster start) after a reboot"
		return 0
	fi
	if ! ((DRY_RUN)); then
		install -d -m 0700 "$BACKUP_DIR"
		: >"$ENABLE_PENDING"
	fi
	run pcs cluster enable --all
	if ! ((DRY_RUN)); then rm -f -- "$ENABLE_PENDING"; fi
}
