# shellcheck shell=bash
# What the cluster configuration file says, for ensure_cluster. conf_cluster_name and
# conf_node_names (conf-*.sh, one per cluster stack) read the name and the members from it.
# PLACEHOLDER_CLUSTER and PLACEHOLDER_ADDR name the single-node cluster a distribution's packages
# start by themselves (Debian, README.Debian), which setup replaces; empty elsewhere.
# shellcheck disable=SC2154

# none (no cluster yet), this (this cluster, these nodes), placeholder, or other (a different
# cluster, or other nodes).
cluster_state() {
	local name want have
	if [ ! -f "$CLUSTER_CONF" ]; then
		echo none
		return 0
	fi
	name=$(conf_cluster_name)
	if [ -n "$PLACEHOLDER_CLUSTER" ] && [ "$name" = "$PLACEHOLDER_CLUSTER" ] &&
		grep -Eq "^[[:space:]]*ring0_addr:[[:space:]]*${PLACEHOLDER_ADDR//./\\.}[[:space:]]*$" "$CLUSTER_CONF"; then
		echo placeholder
		return 0
	fi
	if [ "$name" != "$CLUSTER_NAME" ]; then
		echo other
		return 0
	fi
	want=$(printf '%s\n' "${NODES[@]}" | sort)
	have=$(conf_node_names | sort)
	if [ "$want" = "$have" ]; then echo this; else echo other; fi
}
