# shellcheck shell=bash
# The cluster itself, SUSE's way: 'crm cluster init' on the first node, 'crm cluster join' on each
# of the others (crmsh sets up corosync, the authkey, ssh between the nodes, the firewall and, when
# asked, SBD). configure works on the cluster once every node has joined. NODE_ADDRS holds each
# node's addresses (one per link, space-separated, in NODES order); CRMSH_INTERFACES says whether
# this crmsh takes addresses for -i (crmsh 5) or only interface names (crmsh 4, one link or two
# with -M).
# shellcheck disable=SC2154

# node_addrs NAME: the addresses of node NAME, one per line.
node_addrs() {
	local i addrs=()
	for i in "${!NODES[@]}"; do
		if [ "${NODES[i]}" = "$1" ]; then
			read -ra addrs <<<"${NODE_ADDRS[i]}"
			if ((${#addrs[@]} > 0)); then printf '%s\n' "${addrs[@]}"; fi
			return 0
		fi
	done
}

# interface_of ADDR: the network interface that holds ADDR on this host.
interface_of() {
	local nic
	if ((DRY_RUN)); then
		printf '<interface of %s>' "$1"
		return 0
	fi
	nic=$(ip -o addr show | awk -v a="$1" '{ split($4, p, "/"); if (p[1] == a) { print $2; exit } }')
	[ -n "$nic" ] || die "no interface of $NODE holds $1 (its addr= in the .ha file)"
	printf '%s' "$nic"
}

# The -i options of crm cluster init/join for this node: its addresses, or their interfaces.
link_options() {
	local a n=0
	LINK_OPTIONS=()
	while IFS= read -r a; do
		[ -n "$a" ] || continue
		n=$((n + 1))
		if [ "$CRMSH_INTERFACES" = address ]; then
			LINK_OPTIONS+=(-i "$a")
		else
			LINK_OPTIONS+=(-i "$(interface_of "$a")")
		fi
	done < <(node_addrs "$NODE")
	if [ "$CRMSH_INTERFACES" = nic ] && ((n > 1)); then LINK_OPTIONS+=(-M); fi
}

# The members corosync.conf lists (crmsh writes each node's address as ring0_addr), as node
# names where the address is a node's first one.
conf_node_names() {
	local a i found
	while IFS= read -r a; do
		found=$a
		for i in "${!NODES[@]}"; do
			if [ "$(node_addrs "${NODES[i]}" | head -n 1)" = "$a" ]; then found=${NODES[i]}; fi
		done
		printf '%s\n' "$found"
	done < <(sed -n 's/^[[:space:]]*ring0_addr:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF")
}

conf_cluster_name() {
	sed -n 's/^[[:space:]]*cluster_name:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$CLUSTER_CONF" | head -n 1
}

# Members of this cluster that corosync.conf does not list yet.
missing_members() {
	local have n
	have=$(conf_node_names)
	for n in "${NODES[@]}"; do
		if ! grep -Fqx -- "$n" <<<"$have"; then printf '%s\n' "$n"; fi
	done
}

# none, this (every node has joined), partial (this cluster, some nodes still to join), other.
crmsh_cluster_state() {
	local name n
	if [ ! -f "$CLUSTER_CONF" ]; then
		echo none
		return 0
	fi
	name=$(conf_cluster_name)
	if [ "$name" != "$CLUSTER_NAME" ]; then
		echo other
		return 0
	fi
	while IFS= read -r n; do
		if ! printf '%s\n' "${NODES[@]}" | grep -Fqx -- "$n"; then
			echo other
			return 0
		fi
	done < <(conf_node_names)
	if [ -n "$(missing_members)" ]; then echo partial; else echo this; fi
}

at_boot() {
	if ! ((AUTOSTART)); then
		note "autostart false: the cluster services are not started at boot on $NODE; start them by hand (crm cluster start) after a reboot"
		run crm cluster disable
	fi
}

# init, on the first node: a cluster of this node alone, which the others join.
phase_init() {
	local state=none
	require_root
	require_node
	[ "$NODE" = "${NODES[0]}" ] || die "the cluster is created on ${NODES[0]}, the first node of the file: run '$PROG init' there, then '$PROG join' here"
	if ! ((DRY_RUN)); then state=$(crmsh_cluster_state); fi
	case $state in
	none)
		step "Create cluster $CLUSTER_NAME on $NODE (crm cluster init${INIT_OPTIONS[*]:+, with ${INIT_OPTIONS[*]}})"
		link_options
		run crm cluster init -y -n "$CLUSTER_NAME" "${LINK_OPTIONS[@]}" "${INIT_OPTIONS[@]}"
		at_boot
		;;
	this | partial) note "$CLUSTER_CONF already names cluster $CLUSTER_NAME: nothing to do" ;;
	*) die "$CLUSTER_CONF describes another cluster (or other nodes) than $CLUSTER_NAME (${NODES[*]}). hacc does not destroy clusters: check the file, and run 'crm cluster remove' yourself if this node is to leave that cluster" ;;
	esac
	note "Next: '$PROG join' on ${NODES[*]:1}, then '$PROG configure' on one node."
}

# join, on every other node: crmsh asks for the first node's root password once (ssh keys).
phase_join() {
	local state=none
	require_root
	require_node
	[ "$NODE" != "${NODES[0]}" ] || die "$NODE created the cluster ('$PROG init'); run '$PROG join' on the other nodes"
	if ! ((DRY_RUN)); then state=$(crmsh_cluster_state); fi
	case $state in
	none)
		step "Join cluster $CLUSTER_NAME through ${NODES[0]} (crm cluster join)"
		link_options
		run crm cluster join -y -c "${NODES[0]}" "${LINK_OPTIONS[@]}"
		at_boot
		;;
	this | partial)
		if ! ((DRY_RUN)) && missing_members | grep -Fqx -- "$NODE"; then
			die "$CLUSTER_CONF names cluster $CLUSTER_NAME but not $NODE: run 'crm cluster join -c ${NODES[0]}' by hand and look at its messages"
		fi
		note "$NODE is a member of cluster $CLUSTER_NAME already: nothing to do"
		;;
	*) die "$CLUSTER_CONF describes another cluster (or other nodes) than $CLUSTER_NAME (${NODES[*]}): this node cannot join $CLUSTER_NAME before it leaves that one ('crm cluster remove')" ;;
	esac
}

# configure's cluster: created by init and join, with every node.
ensure_cluster() {
	local state=this
	step "Cluster $CLUSTER_NAME with ${NODES[*]} (made by '$PROG init' and '$PROG join')"
	if ! ((DRY_RUN)); then state=$(crmsh_cluster_state); fi
	case $state in
	this) ;;
	none) die "no cluster here yet: run '$PROG init' on ${NODES[0]}, then '$PROG join' on ${NODES[*]:1}" ;;
	partial) die "nodes still to join cluster $CLUSTER_NAME: run '$PROG join' on $(missing_members | tr '\n' ' ')" ;;
	*) die "$CLUSTER_CONF describes another cluster (or other nodes) than $CLUSTER_NAME (${NODES[*]})" ;;
	esac
	if ! ((DRY_RUN)) && ! cib_up; then run crm cluster start; fi
	wait_for_cib
}
