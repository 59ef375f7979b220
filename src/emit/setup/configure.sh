# shellcheck shell=bash
# configure: the whole configuration built in one offline copy of the CIB ($NEW) and pushed once.
# build_configuration (generated) runs the configuration commands against $NEW;
# load_configuration_secrets, add_nodes and add_remote_nodes are generated too.
# shellcheck disable=SC2154

# Everything the file manages is cleared from the copy first, so the result is the same whatever
# the copy held; the properties Pacemaker's controller writes itself (CONTROLLER_PROPERTIES, those
# the file leaves to it) stay.
clear_configuration() {
	local keep='' p
	for p in ${CONTROLLER_PROPERTIES[@]+"${CONTROLLER_PROPERTIES[@]}"}; do keep+="${keep:+ or }@name='$p'"; done
	local cleared="nvpair${keep:+[not($keep)]}"
	step "Clear resources, constraints, tags, fencing levels, alerts, ACLs, defaults and properties in the copy (the file describes them all)"
	# ACLs first: a permission's reference= must name an element that exists (an IDREF).
	# The levels, tags, alerts and ACLs, not their sections (as pcs: an ACL may allow writing the one, not the other).
	run env CIB_file="$NEW" cibadmin --force --delete-all --xpath '/cib/configuration/acls/*'
	run env CIB_file="$NEW" cibadmin --replace --scope constraints --xml-text '<constraints/>'
	run env CIB_file="$NEW" cibadmin --replace --scope resources --xml-text '<resources/>'
	run env CIB_file="$NEW" cibadmin --force --delete-all --xpath '/cib/configuration/fencing-topology/fencing-level|/cib/configuration/tags/tag|/cib/configuration/alerts/alert'
	run env CIB_file="$NEW" cibadmin --force --delete-all --xpath '/cib/configuration/rsc_defaults|/cib/configuration/op_defaults'
	run env CIB_file="$NEW" cibadmin --force --delete-all \
		--xpath "/cib/configuration/crm_config/cluster_property_set[@id='cib-bootstrap-options']/$cleared|/cib/configuration/crm_config/cluster_property_set[@id!='cib-bootstrap-options']"
}

# add_to_section SECTION XML: an element into the copy's optional SECTION (fencing-topology,
# alerts), which is made first when the copy has none (cibadmin creates only inside an existing one).
add_to_section() {
	if ! ((DRY_RUN)) && ! CIB_file="$NEW" cibadmin --query --scope "$1" >/dev/null 2>&1; then
		run env CIB_file="$NEW" cibadmin --create --scope configuration --xml-text "<$1/>"
	fi
	run env CIB_file="$NEW" cibadmin --create --scope "$1" --xml-text "$2"
}

# add_property_pair SET NVPAIR: the nvpair (XML) into the copy's cluster property set SET, after
# its other pairs; the set is made first when the copy has none.
add_property_pair() {
	if ! ((DRY_RUN)) && ! CIB_file="$NEW" cibadmin --query --xpath "//cluster_property_set[@id='$1']" >/dev/null 2>&1; then
		run env CIB_file="$NEW" cibadmin --create --scope crm_config --xml-text "<cluster_property_set id=\"$1\"/>"
	fi
	run env CIB_file="$NEW" cibadmin --modify --xml-text "<cluster_property_set id=\"$1\">$2</cluster_property_set>"
}

# set_secret_nvpair ID N: secret N as the value of nvpair ID in $NEW. pcs (or crm.conf) created the
# nvpair with a placeholder: a value on pcs's command line is in /proc/PID/cmdline for every local
# user to read, while cibadmin reads this one on its standard input.
set_secret_nvpair() {
	local xml
	xml=$(xml_secret "<nvpair id=\"$1\" value=\"" "$2" '"/>')
	run_input "$xml" "<nvpair id=\"$1\" value=\"${SECRET_LABEL[$2]}\"/>" env CIB_file="$NEW" cibadmin --modify --xml-pipe
}

configure_live() {
	local update=$1 rc=0 backup
	require_root
	require_node
	load_configuration_secrets
	make_work
	if ((USES_AGENT)); then require_agent; fi

	ensure_cluster
	ensure_stack

	step "Take a copy of the live CIB: every change below goes into the copy"
	cib_get "$LIVE"
	run cp "$LIVE" "$NEW"

	build_configuration

	step "Compare the copy with the live CIB and push it once"
	if ((DRY_RUN)); then
		run crm_diff --no-version --original "$LIVE" --new "$NEW"
		note "only when crm_diff reports a difference (a configuration that differs is replaced only with --update):"
		run install -d -m 0700 "$BACKUP_DIR"
		run cp -- "$LIVE" "$BACKUP_DIR/$BACKUP_NAME-cib-before-YYYYmmddTHHMMSS.xml"
		require_cib_unchanged "$LIVE"
		cib_push "$NEW"
		return 0
	fi
	crm_diff --no-version --original "$LIVE" --new "$NEW" >"$WORK/diff.xml" 2>&1 || rc=$?
	case $rc in
	0)
		note "cluster $CLUSTER_NAME already has this configuration: nothing pushed"
		return 0
		;;
	1) ;;
	*) die "crm_diff failed (exit $rc): $(head -c 2000 "$WORK/diff.xml")" ;;
	esac
	if has_configuration "$LIVE" && ((!update)); then
		printf 'The live configuration differs from this one:\n' >&2
		diff_summary "$WORK/diff.xml" >&2
		die "nothing pushed: re-run with --update to replace the live configuration with this one"
	fi
	step "Keep the configuration being replaced, for a rollback"
	run install -d -m 0700 "$BACKUP_DIR"
	backup=$BACKUP_DIR/$BACKUP_NAME-cib-before-$(date +%Y%m%dT%H%M%S).xml
	run cp -- "$LIVE" "$backup"
	note "roll back with: $(cib_push_hint "$backup")"

	step "Push the configuration: one replace of the live configuration"
	require_cib_unchanged "$LIVE"
	cib_push "$NEW"
	note "pushed. Next: '$PROG verify'"
}

configure_file() {
	local file=$1 rc=0
	require_node
	if ! ((DRY_RUN)); then
		if [ ! -f "$file" ] || [ ! -r "$file" ] || [ ! -w "$file" ]; then die "--cib-file $file: not a readable and writable file"; fi
	fi
	load_configuration_secrets
	make_work

	step "Take a copy of $file: every change below goes into the copy"
	run cp -- "$file" "$NEW"

	step "Nodes missing from the copy (a live cluster adds them itself as they join)"
	add_nodes

	build_configuration
	add_remote_nodes

	step "Write the result to $file"
	if ((DRY_RUN)); then
		run cp -- "$NEW" "$file"
		return 0
	fi
	crm_diff --no-version --original "$file" --new "$NEW" >/dev/null 2>&1 || rc=$?
	if ((rc == 0)); then
		note "$file already has this configuration: unchanged"
		return 0
	fi
	run cp -- "$NEW" "$file"
}
