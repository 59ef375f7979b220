#!/bin/sh
# TEMPORARY stand-in for hacc's generated `anything` OCF agent (ocf:hacc:anything), used by the
# live-cluster suite only until the agent generator lands. The lead replaces it with the generated
# agent (see configure() in test-support/live/cluster.ts). Same interface as the SPEC: params
# start_cmd / stop_cmd / monitor_cmd, run with sh -c; monitor_cmd exit 0 = running, else not running.
set -u

OCF_SUCCESS=0
OCF_ERR_GENERIC=1
OCF_ERR_UNIMPLEMENTED=3
OCF_ERR_CONFIGURED=6
OCF_NOT_RUNNING=7

meta_data() {
  cat <<'XML'
<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="anything" version="0.0.0-standin">
  <version>1.0</version>
  <longdesc lang="en">Temporary stand-in for hacc's command agent (live tests only).</longdesc>
  <shortdesc lang="en">hacc command agent (stand-in)</shortdesc>
  <parameters>
    <parameter name="start_cmd" required="1" unique="0">
      <longdesc lang="en">Command that starts the service.</longdesc>
      <shortdesc lang="en">start command</shortdesc>
      <content type="string"/>
    </parameter>
    <parameter name="stop_cmd" required="1" unique="0">
      <longdesc lang="en">Command that stops the service.</longdesc>
      <shortdesc lang="en">stop command</shortdesc>
      <content type="string"/>
    </parameter>
    <parameter name="monitor_cmd" required="1" unique="0">
      <longdesc lang="en">Command that exits 0 while the service runs.</longdesc>
      <shortdesc lang="en">monitor command</shortdesc>
      <content type="string"/>
    </parameter>
  </parameters>
  <actions>
    <action name="start" timeout="20s"/>
    <action name="stop" timeout="20s"/>
    <action name="monitor" timeout="20s" interval="10s" depth="0"/>
    <action name="meta-data" timeout="5s"/>
    <action name="validate-all" timeout="5s"/>
  </actions>
</resource-agent>
XML
}

validate() {
  [ -n "${OCF_RESKEY_start_cmd:-}" ] && [ -n "${OCF_RESKEY_stop_cmd:-}" ] &&
    [ -n "${OCF_RESKEY_monitor_cmd:-}" ] || return $OCF_ERR_CONFIGURED
  return $OCF_SUCCESS
}

monitor() {
  if sh -c "$OCF_RESKEY_monitor_cmd" >/dev/null 2>&1; then return $OCF_SUCCESS; fi
  return $OCF_NOT_RUNNING
}

start() {
  monitor && return $OCF_SUCCESS
  sh -c "$OCF_RESKEY_start_cmd" >/dev/null 2>&1 || return $OCF_ERR_GENERIC
  while ! monitor; do sleep 1; done # bounded by the operation timeout
  return $OCF_SUCCESS
}

stop() {
  monitor || return $OCF_SUCCESS
  sh -c "$OCF_RESKEY_stop_cmd" >/dev/null 2>&1 || return $OCF_ERR_GENERIC
  monitor && return $OCF_ERR_GENERIC # a stop that leaves the service running is a failure
  return $OCF_SUCCESS
}

case ${1:-} in
meta-data) meta_data; exit $OCF_SUCCESS ;;
validate-all) validate; exit $? ;;
esac
validate || exit $?
case $1 in
start) start ;;
stop) stop ;;
monitor | status) monitor ;;
*) exit $OCF_ERR_UNIMPLEMENTED ;;
esac
