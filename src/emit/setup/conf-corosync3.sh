# shellcheck shell=bash
# corosync 3 (el8+, Debian): pcs 0.10+ writes each node's name as `name:`.
# shellcheck disable=SC2154

conf_cluster_name() {
	sed -n 's/^[[:space:]]*cluster_name:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF" | head -n 1
}

conf_node_names() {
	sed -n 's/^[[:space:]]*name:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF"
}
