# shellcheck shell=bash
# pcs 0.9 and cman use node names as ring addresses: each name must resolve to the node's first
# address (NODE_ADDR, in NODES order), never to loopback.
# shellcheck disable=SC2154

check_names() {
	local i addrs
	for i in "${!NODES[@]}"; do
		if ((DRY_RUN)); then
			note "getent ahosts ${NODES[i]} must give ${NODE_ADDR[i]} and no loopback address"
			continue
		fi
		addrs=$(getent ahosts "${NODES[i]}" | awk '{print $1}' | sort -u) || true
		if ! grep -qxF -e "${NODE_ADDR[i]}" <<<"$addrs"; then
			die "node ${NODES[i]} does not resolve to ${NODE_ADDR[i]} here; add the line '${NODE_ADDR[i]} ${NODES[i]}' to /etc/hosts on every node"
		fi
		if grep -Eq '^(127\.|::1$)' <<<"$addrs"; then
			die "node ${NODES[i]} also resolves to a loopback address here ($(tr '\n' ' ' <<<"$addrs")); corosync would bind to it: remove it from /etc/hosts"
		fi
	done
}
