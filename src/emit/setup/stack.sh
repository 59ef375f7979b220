# shellcheck shell=bash
# The cluster stack beyond corosync.conf, on a running cluster: SBD (every node's sbd file through
# pcsd, then a restart of the cluster, with which sbd starts) and a quorum device (added to the
# running cluster; its qnetd server was set up by '$PROG qnetd'). SBD_DEVICES, SBD_DEVICE_ARG,
# SBD_INIT, SBD_CONFIG and QNETD_HOST are data; sbd_enable and add_quorum_device are generated.
# shellcheck disable=SC2154

# Whether sbd starts at boot on this node (pcs stonith sbd enable has run).
sbd_enabled() {
	if command -v systemctl >/dev/null 2>&1; then
		systemctl is-enabled --quiet sbd.service 2>/dev/null
	else
		chkconfig sbd 2>/dev/null
	fi
}

# sbd_setup_devices DEV...: writes an SBD header (sbd create, with the init timeouts) on each DEV.
# --force: pcs asks before it overwrites a disk; only disks without a header come here.
sbd_setup_devices() {
	local dev args=()
	for dev in "$@"; do args+=("$SBD_DEVICE_ARG$dev"); done
	run pcs stonith sbd device setup --force "${args[@]}" "${SBD_INIT[@]}"
}

ensure_sbd() {
	local dev fresh=()
	step "SBD on every node: ${#SBD_DEVICES[@]} shared device(s) and the watchdog (skipped when sbd is enabled)"
	if ! ((DRY_RUN)) && sbd_enabled; then
		note "sbd is enabled on this node already: its configuration ($SBD_CONFIG) and the disks are left as they are"
		return 0
	fi
	for dev in "${SBD_DEVICES[@]}"; do
		if ((DRY_RUN)); then
			note "only when 'sbd -d $dev dump' finds no SBD header there:"
			fresh+=("$dev")
		elif sbd -d "$dev" dump >/dev/null 2>&1; then
			note "$dev has an SBD header already: kept, with its timeouts (sbd -d $dev dump shows them)"
		else
			fresh+=("$dev")
		fi
	done
	if ((${#fresh[@]} > 0)); then sbd_setup_devices "${fresh[@]}"; fi
	sbd_enable
	note "sbd starts with the cluster: restarting the cluster on every node"
	run pcs cluster stop --all
	run pcs cluster start --all
	wait_for_cib
}

ensure_quorum_device() {
	step "Quorum device on $QNETD_HOST (skipped when the cluster has one)"
	if ! ((DRY_RUN)) && grep -Eq '^[[:space:]]*device[[:space:]]*\{' "$CLUSTER_CONF"; then
		note "$CLUSTER_CONF names a quorum device already: left as it is"
		return 0
	fi
	add_quorum_device
}
