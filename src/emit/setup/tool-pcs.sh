# shellcheck shell=bash
# What configure and verify ask of the configuration tool, pcs's way: the CIB copy, the push,
# the status.
# shellcheck disable=SC2154

# cib_get FILE: the live CIB into FILE.
cib_get() {
	run pcs cluster cib "$1"
}

# cib_push FILE: the <configuration> of the copy FILE replaces the live one, in one call.
cib_push() {
	run pcs cluster cib-push "$1" --config
}

# The command that puts a kept CIB back, for the rollback note.
cib_push_hint() {
	printf 'pcs cluster cib-push %s --config' "$1"
}

show_status() {
	run pcs status
}
