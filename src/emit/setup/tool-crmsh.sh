# shellcheck shell=bash
# What configure and verify ask of the configuration tool, crmsh's way (SUSE): the CIB copy and
# the push through Pacemaker's cibadmin, as pcs does it underneath, and crm for the status.
# shellcheck disable=SC2154

# cib_get FILE: the live CIB into FILE.
cib_get() {
	if ((DRY_RUN)); then
		printf '%s > %s\n' "$(show cibadmin --query)" "$(quote "$1")"
		return 0
	fi
	printf '+ %s > %s\n' "$(show cibadmin --query)" "$(quote "$1")"
	cibadmin --query >"$1"
}

# cib_push FILE: the <configuration> of the copy FILE replaces the live one, in one call (what
# 'pcs cluster cib-push --config' does: cibadmin --replace of the configuration scope).
cib_push() {
	local conf=$WORK/configuration.xml
	if ! ((DRY_RUN)); then CIB_file=$1 cibadmin --query --scope configuration >"$conf"; fi
	run cibadmin --replace --scope configuration --xml-file "$conf"
}

# The command that puts a kept CIB back, for the rollback note (crmsh reads a CIB file as XML).
cib_push_hint() {
	printf 'crm configure load xml replace %s' "$1"
}

show_status() {
	run crm status
}
