# shellcheck shell=bash
# The cluster stack beyond corosync.conf, on a running cluster: SBD (every node's sbd file through
# pcsd, then a restart of the cluster, with which sbd starts) and a quorum device (added to the
# running cluster; its qnetd server was set up by '$PROG qnetd'). SBD_DEVICES, SBD_DEVICE_ARG,
# SBD_INIT, SBD_CONFIG and QNETD_HOST are data; sbd_enable and add_quorum_device are generated.
# shellcheck disable=SC2154

# Whether pcs stonith sbd enable has set sbd up on this node: pcs writes SBD_OPTS="-n NODE" into
# the sbd file. (Not whether sbd.service is enabled: Debian's package enables it on install, with
# a watchdog-only file of its own.)
sbd_configured() {
	[ -f "$SBD_CONFIG" ] && grep -Eq '^SBD_OPTS=.*-n ' "$SBD_CONFIG"
}

# The SBD_DEVICE of the sbd file, as written there (devices separated by ';').
sbd_config_devices() {
	sed -n 's/^SBD_DEVICE=//p' "$SBD_CONFIG" | tail -n 1 | tr -d '"'
}

# sbd_setup_devices DEV...: writes an SBD header (sbd create, with the init timeouts) on each DEV.
# --force: pcs asks before it overwrites a disk; only disks without a header come here.
sbd_setup_devices() {
	local dev args=()
	for dev in "$@"; do args+=("$SBD_DEVICE_ARG$dev"); done
	# (${a[@]+"${a[@]}"}: bash before 4.4, el6 and el7's, calls an empty array unbound under set -u.)
	run pcs stonith sbd device setup --force "${args[@]}" ${SBD_INIT[@]+"${SBD_INIT[@]}"}
}

ensure_sbd() {
	local dev fresh=()
	local want have
	step "SBD on every node: ${#SBD_DEVICES[@]} shared device(s) and the watchdog (skipped when pcs has set sbd up)"
	if ! ((DRY_RUN)) && sbd_configured; then
		want=$(
			IFS=';'
			echo "${SBD_DEVICES[*]}"
		)
		have=$(sbd_config_devices)
		if [ "$have" = "$want" ]; then
			note "sbd is set up on this node already ($SBD_CONFIG): left as it is"
		else
			note "sbd is set up on this node with other devices (SBD_DEVICE='$have', this file: '$want'): left as it is; 'pcs stonith sbd enable' changes it, then the cluster must restart"
		fi
		return 0
	fi
	for dev in ${SBD_DEVICES[@]+"${SBD_DEVICES[@]}"}; do
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
