# shellcheck shell=bash
# A large configuration's resources and constraints load as XML (write_resources and
# write_constraints, generated, print cib.xml's sections with the secrets filled in), one
# cibadmin call each, instead of one pcs command per object.
# shellcheck disable=SC2154

# require_agents AGENT...: each agent must be installed here, as pcs requires of each resource it
# creates (hacc's own ocf:hacc:anything excepted, as pcs --force does).
require_agents() {
	local a
	if ((DRY_RUN)); then
		note "each of these agents must be installed: $*"
		return 0
	fi
	for a in "$@"; do
		crm_resource --show-metadata "$a" >/dev/null 2>&1 || die "Agent '$a' is not installed or does not provide valid metadata"
	done
}
