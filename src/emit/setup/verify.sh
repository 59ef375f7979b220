# shellcheck shell=bash
# verify: the live configuration as Pacemaker sees it.

phase_verify() {
	require_node
	step "Check the live configuration (crm_verify)"
	run crm_verify -L -V || die "crm_verify found problems (above)"
	step "Cluster status"
	show_status
}
