# shellcheck shell=bash
# corosync 2 (el7): pcs 0.9 writes each node's name as its ring0_addr.
# shellcheck disable=SC2154

conf_cluster_name() {
	sed -n 's/^[[:space:]]*cluster_name:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF" | head -n 1
}

conf_node_names() {
	sed -n 's/^[[:space:]]*ring0_addr:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF"
}
