# shellcheck shell=bash
# The cluster itself: auth and setup (authenticate_nodes and setup_cluster are generated from the
# nodes) only when the cluster configuration file does not name this cluster with these nodes yet.
# shellcheck disable=SC2154

create_cluster() {
	local state=none
	if ! ((DRY_RUN)); then state=$(cluster_state); fi
	case $state in
	this)
		note "$CLUSTER_CONF already names cluster $CLUSTER_NAME with nodes ${NODES[*]}: no auth, no setup"
		if ! cib_up; then
			run pcs cluster start --all
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
		;;
	*)
		die "$CLUSTER_CONF describes another cluster (or other nodes) than $CLUSTER_NAME (${NODES[*]}). hacc does not destroy clusters or change their membership: check the file, and run 'pcs cluster destroy' yourself if this node is to leave that cluster"
		;;
	esac
	# On every run, not only the one that set the cluster up: a re-run after a failed enable retries
	# it (enabling services that are enabled changes nothing).
	if ((AUTOSTART)); then
		run pcs cluster enable --all
	else
		note "autostart false: the cluster services are not enabled at boot; start them by hand (pcs cluster start) after a reboot"
	fi
	wait_for_cib
}
