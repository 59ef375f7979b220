# shellcheck shell=bash
# The command line: one phase at a time, and the options that go with it. TOOL (pcs or crmsh)
# says whether the cluster is created by configure (pcs, through pcsd on every node) or by init
# and join beforehand (crmsh).
# shellcheck disable=SC2154

usage() {
	if [ "$TOOL" = crmsh ]; then
		cat <<EOF
usage: $PROG [--dry-run] install [--no-install]   on every node: ${NODES[*]}
EOF
		if ((${#REMOTE_NODES[@]})); then
			echo "       $PROG [--dry-run] remote [--no-install]    on each remote node's host: ${REMOTE_NODES[*]}"
		fi
		cat <<EOF
       $PROG [--dry-run] init                     on ${NODES[0]}, after install on every node
       $PROG [--dry-run] join                     on each other node, after init
       $PROG [--dry-run] configure [--update]     on one node, once every node has joined
       $PROG [--dry-run] configure --cib-file F   apply the configuration to the CIB file F only
       $PROG [--dry-run] verify                   on the node where configure ran
EOF
	else
		cat <<EOF
usage: $PROG [--dry-run] install [--no-install]   on every node: ${NODES[*]}
EOF
		if ((USES_QDEVICE)); then
			echo "       $PROG [--dry-run] qnetd [--no-install]     on the quorum device's server $QNETD_HOST, before configure"
		fi
		if ((${#REMOTE_NODES[@]})); then
			echo "       $PROG [--dry-run] remote [--no-install]    on each remote node's host: ${REMOTE_NODES[*]}"
		fi
		cat <<EOF
       $PROG [--dry-run] configure [--update]     on one node, after install on every node
       $PROG [--dry-run] configure --cib-file F   apply the configuration to the CIB file F only
       $PROG [--dry-run] verify                   on the node where configure ran
EOF
	fi
}

main() {
	local phase='' cib_file='' update=0
	while [ $# -gt 0 ]; do
		case $1 in
		--dry-run) DRY_RUN=1 ;;
		--update) update=1 ;;
		--no-install) NO_INSTALL=1 ;;
		--cib-file)
			[ $# -ge 2 ] || die "--cib-file needs a file name"
			cib_file=$2
			shift
			;;
		--cib-file=*) cib_file=${1#--cib-file=} ;;
		-h | --help)
			usage
			exit 0
			;;
		install | configure | verify | init | join | qnetd | remote)
			[ -z "$phase" ] || die "one phase at a time ($phase, $1)"
			if [ "$TOOL" != crmsh ] && { [ "$1" = init ] || [ "$1" = join ]; }; then
				die "$1 is a phase of the SUSE platforms: on $PLATFORM, configure creates the cluster"
			fi
			if [ "$1" = qnetd ] && { [ "$TOOL" = crmsh ] || ! ((USES_QDEVICE)); }; then
				die "qnetd sets up the server of a quorum device on pcs platforms: this file has none there (on SUSE, crm cluster init sets qnetd up itself)"
			fi
			if [ "$1" = remote ] && ! ((${#REMOTE_NODES[@]})); then
				die "remote sets up the host of a remote node (ocf:pacemaker:remote): this file has none"
			fi
			phase=$1
			;;
		*)
			usage >&2
			die "unknown argument: $1"
			;;
		esac
		shift
	done
	if [ -z "$phase" ]; then
		usage >&2
		exit 2
	fi
	if [ "$phase" != configure ] && { [ -n "$cib_file" ] || ((update)); }; then
		die "--cib-file and --update go with configure"
	fi
	if [ "$phase" != install ] && [ "$phase" != qnetd ] && [ "$phase" != remote ] && ((NO_INSTALL)); then
		die "--no-install goes with install, qnetd and remote"
	fi
	if ((DRY_RUN)); then
		printf '# %s %s --dry-run: the commands a real run performs on a host where nothing is set up yet.\n' "$PROG" "$phase"
		printf '# Steps a real run finds already done are skipped; secrets are shown as <env:NAME> or <file:PATH>.\n'
	fi
	case $phase in
	install) phase_install ;;
	configure)
		if [ -n "$cib_file" ]; then
			[ "$update" -eq 0 ] || die "--update goes with a live configure, not --cib-file"
			configure_file "$cib_file"
		else
			configure_live "$update"
		fi
		;;
	verify) phase_verify ;;
	init) phase_init ;;
	qnetd) phase_qnetd ;;
	remote) phase_remote ;;
	join) phase_join ;;
	esac
}

main "$@"
