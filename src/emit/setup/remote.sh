# shellcheck shell=bash
# Remote nodes: Pacemaker's key, the same on every cluster node and remote host
# (/etc/pacemaker/authkey, owned by root and readable by haclient), copied from a file the .ha file
# names (auth authkey=file:PATH). The key is binary: it is copied as a file, never read into the
# shell, and never printed.
# shellcheck disable=SC2154

# install_authkey FILE: FILE as /etc/pacemaker/authkey, unless that file holds it already.
install_authkey() {
	if ! ((DRY_RUN)); then
		[ -r "$1" ] || die "authkey $1: not a readable file here (copy it from where the key is kept, as on every node)"
		if cmp -s -- "$1" /etc/pacemaker/authkey; then
			note "/etc/pacemaker/authkey holds this key already: unchanged"
			return 0
		fi
	fi
	run install -d -m 0750 -o root -g haclient /etc/pacemaker
	run install -m 0640 -o root -g haclient -- "$1" /etc/pacemaker/authkey
}
