# shellcheck shell=bash
# The library every setup.sh starts with: output, quoting, secrets, the host check, the scratch
# directory. The data block before it sets CLUSTER_NAME, NODES and the SECRET_* arrays.
# shellcheck disable=SC2154,SC2153,SC2034

PROG=${0##*/}
DRY_RUN=0
# install --no-install: the packages are the site's business (an image, a local mirror).
NO_INSTALL=0
NODE=''
WORK=''
LIVE=''
NEW=''

die() {
	printf '%s: error: %s\n' "$PROG" "$*" >&2
	exit 1
}

# A heading for each step. A dry run prints a shell transcript: headings are comments.
step() {
	if ((DRY_RUN)); then printf '\n# %s\n' "$*"; else printf '\n==> %s\n' "$*"; fi
}

note() {
	if ((DRY_RUN)); then printf '# %s\n' "$*"; else printf '    %s\n' "$*"; fi
}

# One argument as bash reads it back unchanged: bare, in single quotes, or $'...' when it holds
# control characters.
quote() {
	local s=$1 safe='^[A-Za-z0-9_@%+=:,./-]+$' q="'\\''"
	if [[ $s =~ $safe ]]; then
		printf '%s' "$s"
	elif [[ $s == *[[:cntrl:]]* ]]; then
		LC_ALL=C printf '%q' "$s"
	else
		printf "'%s'" "${s//\'/$q}"
	fi
}

# A command line as it may be shown, quoted. No argument holds a secret (they go on standard input).
show() {
	local out='' a
	for a in "$@"; do out+=" $(quote "$a")"; done
	printf '%s\n' "${out# }"
}

# Run a command, or only print it on a dry run. Either way the command is shown first.
run() {
	if ((DRY_RUN)); then
		show "$@"
		return 0
	fi
	printf '+ %s\n' "$(show "$@")"
	"$@"
}

# run_input TEXT SHOWN CMD...: run CMD with the line TEXT on its standard input (a password never
# goes on a command line, where ps would show it). SHOWN is how TEXT is printed.
run_input() {
	local text=$1 shown=$2
	shift 2
	if ((DRY_RUN)); then
		printf '%s <<< %s\n' "$(show "$@")" "$(quote "$shown")"
		return 0
	fi
	printf '+ %s <<< %s\n' "$(show "$@")" "$(quote "$shown")"
	# The writer ignores SIGPIPE: with pipefail, a command that exits before reading all of its input
	# would otherwise fail the pipeline (exit 141) though the command itself succeeded.
	{
		trap '' PIPE
		printf '%s\n' "$text" || true
	} 2>/dev/null | "$@"
}

# load_secret N: read secret N into SECRET_VALUE[N] (a dry run uses its label instead).
load_secret() {
	local n=$1 ref=${SECRET_REF[$1]} value=''
	if [ -n "${SECRET_VALUE[n]+set}" ]; then return 0; fi
	if ((DRY_RUN)); then
		SECRET_VALUE[n]=${SECRET_LABEL[n]}
		return 0
	fi
	case ${SECRET_SOURCE[n]} in
	env)
		# Taken from the environment when the script started (SECRET_ENV), before it set anything.
		[[ ${SECRET_ENV[n]-} == =* ]] || die "secret ${SECRET_LABEL[n]}: environment variable $ref is not set; export it and run $PROG again"
		value=${SECRET_ENV[n]#=}
		;;
	file)
		[ -f "$ref" ] || die "secret ${SECRET_LABEL[n]}: $ref is not a file"
		[ -r "$ref" ] || die "secret ${SECRET_LABEL[n]}: $ref is not readable"
		# The file's contents without trailing newlines.
		value=$(cat -- "$ref") || die "secret ${SECRET_LABEL[n]}: cannot read $ref"
		;;
	esac
	[ -n "$value" ] || die "secret ${SECRET_LABEL[n]} is empty"
	SECRET_VALUE[n]=$value
}

# one_line N: secret N must be a single line (it is sent as one line on standard input).
one_line() {
	case ${SECRET_VALUE[$1]} in
	*$'\n'*) die "secret ${SECRET_LABEL[$1]} holds a line break; a password must be one line" ;;
	esac
}

# xml_secret BEFORE N AFTER: one line of XML, secret N as the attribute value between BEFORE and
# AFTER (escaped for XML; line breaks and tabs as character references, as pcs would store them).
xml_secret() {
	local s=${SECRET_VALUE[$2]}
	s=${s//'&'/'&amp;'}
	s=${s//'<'/'&lt;'}
	s=${s//'>'/'&gt;'}
	s=${s//'"'/'&quot;'}
	s=${s//$'\n'/'&#10;'}
	s=${s//$'\r'/'&#13;'}
	s=${s//$'\t'/'&#9;'}
	printf '%s%s%s\n' "$1" "$s" "$3"
}

require_root() {
	if ((DRY_RUN)); then return 0; fi
	[ "$(id -u)" -eq 0 ] || die "run $PROG as root"
}

# Sets NODE to this host's node name, from HACC_NODE or the host name; refuses any other host.
require_node() {
	local names=() h n
	if [ -n "${HACC_NODE:-}" ]; then
		names=("$HACC_NODE")
	else
		h=$(hostname -s 2>/dev/null || true)
		if [ -n "$h" ]; then names+=("$h"); fi
		names+=("$(uname -n)")
	fi
	for h in "${names[@]}"; do
		for n in "${NODES[@]}"; do
			if [ "$h" = "$n" ]; then
				NODE=$n
				return 0
			fi
		done
	done
	if ((DRY_RUN)); then
		NODE=${NODES[0]}
		note "this host (${names[0]}) is not a node of cluster $CLUSTER_NAME: a real run would refuse; showing the commands for $NODE"
		return 0
	fi
	die "this host (${names[*]}) is not a node of cluster $CLUSTER_NAME (nodes: ${NODES[*]}). Run '$PROG install' on every node, then '$PROG configure' on one of them; set HACC_NODE=NAME when a node's host name differs from its node name"
}

# A private scratch directory (the CIB copies hold secret values), removed on exit.
make_work() {
	if ((DRY_RUN)); then
		WORK=/tmp/hacc-setup.XXXXXX
	else
		WORK=$(mktemp -d "${TMPDIR:-/tmp}/hacc-setup.XXXXXX")
		trap 'rm -rf -- "$WORK"' EXIT
	fi
	LIVE=$WORK/live.xml
	NEW=$WORK/new.xml
}

# Whether the CIB manager answers on this node.
cib_up() {
	cibadmin --query --scope nodes >/dev/null 2>&1
}

wait_for_cib() {
	local i
	if ((DRY_RUN)); then
		note "wait until 'cibadmin --query' answers (up to 120 s)"
		return 0
	fi
	for ((i = 0; i < 120; i++)); do
		if cib_up; then return 0; fi
		sleep 1
	done
	die "the cluster did not start on $NODE within 120 s; see 'pcs status' and the corosync and pacemaker logs"
}

# Whether a CIB file already holds resources or constraints (a configuration someone runs).
has_configuration() {
	grep -Eq '<(primitive|group|clone|master|bundle|rsc_location|rsc_colocation|rsc_order|rsc_ticket)[ >]' "$1"
}

# cib_version [FILE]: ADMIN_EPOCH.EPOCH of the live CIB, or of the CIB file FILE. Pacemaker raises
# epoch on every change to the configuration, and never for status alone.
cib_version() {
	local tag admin
	if [ $# -gt 0 ]; then
		tag=$(CIB_file=$1 cibadmin --query --xpath /cib --no-children 2>/dev/null) || return 1
	else
		tag=$(cibadmin --query --xpath /cib --no-children 2>/dev/null) || return 1
	fi
	[[ $tag =~ [[:space:]]admin_epoch=\"([0-9]+)\" ]] || return 1
	admin=${BASH_REMATCH[1]}
	[[ $tag =~ [[:space:]]epoch=\"([0-9]+)\" ]] || return 1
	printf '%s.%s\n' "$admin" "${BASH_REMATCH[1]}"
}

# require_cib_unchanged FILE: die unless the live CIB is still the version FILE was copied from.
# A push replaces the whole configuration: whatever someone changed since the copy was taken
# (a pcs command on another node, a resource move) would be lost without a word.
require_cib_unchanged() {
	local copied now
	if ((DRY_RUN)); then
		note "refuse to push if the live CIB changed since it was copied (cibadmin --query: admin_epoch, epoch)"
		return 0
	fi
	copied=$(cib_version "$1") || die "cannot read the version (admin_epoch, epoch) of the copy $1"
	now=$(cib_version) || die "cannot read the version (admin_epoch, epoch) of the live CIB: is the cluster running here?"
	if [ "$copied" != "$now" ]; then
		die "the live CIB changed while this ran (version $copied when copied, $now now): nothing pushed; run configure again to build on the new one"
	fi
}

# add_node ID XML [sets]: add a <node> to the copy unless it has one with that id; with sets, merge
# its attributes and utilization into the one it has.
add_node() {
	if ! ((DRY_RUN)) && CIB_file=$NEW cibadmin --query --xpath "/cib/configuration/nodes/node[@id='$1']" >/dev/null 2>&1; then
		# A node the cluster knows already: the file's attributes and utilization merged into it.
		if [ "${3:-}" = sets ]; then
			run env CIB_file="$NEW" cibadmin --modify --scope nodes --xml-text "$2"
		fi
		return 0
	fi
	run env CIB_file="$NEW" cibadmin --create --scope nodes --xml-text "$2"
}

# The changes crm_diff found, one per line, without values (they may be secrets).
diff_summary() {
	sed -n 's/.*<change operation="\([a-z]*\)" path="\([^"]*\)".*/  \1 \2/p' "$1" | sed "s/&apos;/'/g"
}
