# shellcheck shell=bash
# cman (el6): /etc/cluster/cluster.conf names the cluster and its clusternodes.
# shellcheck disable=SC2154

conf_cluster_name() {
	sed -n 's/.*<cluster [^>]*name="\([^"]*\)".*/\1/p' "$CLUSTER_CONF" | head -n 1
}

conf_node_names() {
	sed -n 's/.*<clusternode [^>]*name="\([^"]*\)".*/\1/p' "$CLUSTER_CONF"
}
