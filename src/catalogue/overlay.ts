// Hand-kept facts that no installed meta-data carries. scripts/gen-catalogue.ts merges these into
// properties.json. Facts only (names, types, defaults, allowed values, version bounds), taken from
// Pacemaker's ChangeLog, Pacemaker Explained (cluster-options, resources, operations chapters),
// lib/common/options.c and the "Pacemaker 2.0 configuration changes" notes.
//
// Version bounds: `since` = first release that knows it, `until` = last release that knows it
// (both inclusive). Conventions for series ends:
//   - "1.1.24" is the last 1.1 release: used as `until` for names dropped by 2.0.0.
//   - "2.1.9" is the release 3.0.0 was cut from ("changes since Pacemaker-2.1.9"): used as `until`
//     for names/values dropped by 3.0.0.
//   - "3.0.1" is the last release before the stonith-* -> fencing-* renames of 3.0.2. Note: 3.0.2
//     still accepts the stonith-* names as deprecated aliases; `until` marks where the new name
//     becomes the one to write, so a checker can suggest `renamedTo`.
// join-integration-timeout, join-finalization-timeout and transition-delay: since 2.0.0, which
// renamed the crmd-* names (daemons/controld/controld_control.c at Pacemaker-2.0.0 lists each new
// name with its old one; Pacemaker-1.1.18's tree has none of the new names). Not confirmed,
// therefore left without bounds: the version of properties that 1.1.x lacks but that carry no "since" note in
// Pacemaker Explained (e.g. cluster-ipc-limit, stop-all-resources, node-health-base); and the
// 3.0.x stop-removed-resources / cancel-removed-actions / fence-remote-without-quorum names (omitted).

import type { ParamFact, PropertyFact } from './types.js';

/** Overlay for one cluster property: fields here override or extend what meta-data says. */
export type PropertyOverlay = Partial<PropertyFact> & { name: string };

const LAST_1_1 = '1.1.24';
const LAST_2_1 = '2.1.9';
const BEFORE_FENCING_RENAME = '3.0.1';
const FENCING_RENAME = '3.0.2';

export const PROPERTY_OVERLAY: readonly PropertyOverlay[] = [
  // --- values and bounds of properties Pacemaker 2.1.5 ships -------------------------------------
  // demote: Pacemaker Explained "(since 2.0.5)". suicide is the 1.1/2.x spelling (3.x: fence).
  { name: 'no-quorum-policy', valuesSince: { demote: '2.0.5' } },
  // The names 2.0.0 gave the crmd-* options (see the header).
  { name: 'join-integration-timeout', since: '2.0.0' },
  { name: 'join-finalization-timeout', since: '2.0.0' },
  { name: 'transition-delay', since: '2.0.0' },
  // poweroff: dropped by 3.0.0 (ChangeLog "drop support for deprecated poweroff value").
  { name: 'stonith-action', until: BEFORE_FENCING_RENAME, renamedTo: 'fencing-action', valuesUntil: { poweroff: LAST_2_1 } },
  { name: 'stonith-enabled', until: BEFORE_FENCING_RENAME, renamedTo: 'fencing-enabled' },
  { name: 'stonith-timeout', until: BEFORE_FENCING_RENAME, renamedTo: 'fencing-timeout' },
  { name: 'stonith-watchdog-timeout', until: BEFORE_FENCING_RENAME, renamedTo: 'fencing-watchdog-timeout' },
  { name: 'stonith-max-attempts', until: BEFORE_FENCING_RENAME, renamedTo: 'fencing-max-attempts' },
  // fence-reaction: "(since 2.0.3)"; allowed values stop|panic (2.1.5 meta-data says string).
  {
    name: 'fence-reaction',
    type: 'select',
    values: ['stop', 'panic'],
    since: '2.0.3',
    until: BEFORE_FENCING_RENAME,
    renamedTo: 'fencing-reaction',
  },
  { name: 'priority-fencing-delay', since: '2.0.4' },
  { name: 'shutdown-lock', since: '2.0.4' },
  { name: 'shutdown-lock-limit', since: '2.0.4' },
  // remove-after-stop: dropped by 3.0.0.
  { name: 'remove-after-stop', until: LAST_2_1 },

  // --- properties newer than 2.1.5 ---------------------------------------------------------------
  { name: 'node-pending-timeout', type: 'time', default: '0', since: '2.1.7' },
  // 3.0.2 ChangeLog: new fencing-action and fencing-enabled properties; lib/common/options.c lists
  // the other fencing-* names with the stonith-* / fence-reaction names as their legacy aliases.
  { name: 'fencing-enabled', type: 'boolean', default: 'true', since: FENCING_RENAME },
  { name: 'fencing-action', type: 'select', default: 'reboot', values: ['reboot', 'off'], since: FENCING_RENAME },
  { name: 'fencing-timeout', type: 'time', default: '60s', since: FENCING_RENAME },
  { name: 'fencing-watchdog-timeout', type: 'time', default: '0', since: FENCING_RENAME },
  { name: 'fencing-max-attempts', type: 'score', default: '10', since: FENCING_RENAME },
  { name: 'fencing-reaction', type: 'select', default: 'stop', values: ['stop', 'panic'], since: FENCING_RENAME },

  // --- 1.1-era names that 2.x renamed or dropped -------------------------------------------------
  // Renamed by 2.x controller (old names accepted as deprecated aliases, dropped by 3.0.0).
  { name: 'crmd-integration-timeout', type: 'time', default: '3min', until: LAST_2_1, renamedTo: 'join-integration-timeout' },
  { name: 'crmd-finalization-timeout', type: 'time', default: '30min', until: LAST_2_1, renamedTo: 'join-finalization-timeout' },
  { name: 'crmd-transition-delay', type: 'time', default: '0s', until: LAST_2_1, renamedTo: 'transition-delay' },
  // Dropped by 2.0.0; their replacements live in rsc_defaults / op_defaults.
  {
    name: 'default-resource-stickiness',
    type: 'score',
    default: '0',
    until: LAST_1_1,
    movedTo: { section: 'rsc_defaults', name: 'resource-stickiness' },
  },
  {
    name: 'is-managed-default',
    type: 'boolean',
    default: 'true',
    until: LAST_1_1,
    movedTo: { section: 'rsc_defaults', name: 'is-managed' },
  },
  {
    name: 'default-action-timeout',
    type: 'time',
    default: '20s',
    until: LAST_1_1,
    movedTo: { section: 'op_defaults', name: 'timeout' },
  },
  // Dropped by 2.0.0 (corosync 2+ tracks quorum itself); 1.1 on cman/corosync 1 used it.
  { name: 'expected-quorum-votes', type: 'integer', default: '2', until: LAST_1_1 },
];

/** Overlay for Pacemaker's fencing-resource parameters (pacemaker-fenced meta-data). */
export const FENCING_PARAM_OVERLAY: readonly (Partial<ParamFact> & { name: string })[] = [
  // Allowed values per lib/common/options.c (2.1.5 meta-data says string).
  { name: 'pcmk_host_check', type: 'select', values: ['dynamic-list', 'static-list', 'status', 'none'] },
];

function meta(
  name: string,
  type: ParamFact['type'],
  extra: Partial<Omit<ParamFact, 'name' | 'type' | 'required' | 'unique'>> = {},
): ParamFact {
  return { name, type, required: false, unique: false, ...extra };
}

/**
 * Resource meta-attributes (Pacemaker Explained, "Resource Meta-Attributes"; 2.1 series). Pacemaker
 * 2.1.5 ships no meta-data for these. Defaults that depend on context are left out
 * (resource-stickiness: 1 for clone instances, else 0; requires: depends on fencing/unfencing;
 * allow-migrate: true only for ocf:pacemaker:remote). Clone/promotable/bundle options are not here.
 */
export const RESOURCE_META: readonly ParamFact[] = [
  meta('priority', 'score', { default: '0' }),
  meta('critical', 'boolean', { default: 'true', since: '2.1.0' }),
  meta('target-role', 'select', {
    default: 'Started',
    values: ['Stopped', 'Started', 'Unpromoted', 'Promoted', 'Slave', 'Master'],
    // Promoted/Unpromoted role names: 2.1.0; Master/Slave remain accepted (deprecated) in 2.1.
    valuesSince: { Unpromoted: '2.1.0', Promoted: '2.1.0' },
    // Pacemaker reads a role in any case (text2role, pcmk__str_casei); build writes the platform's spelling.
    anyCase: true,
  }),
  meta('is-managed', 'boolean', { default: 'true' }),
  meta('maintenance', 'boolean', { default: 'false' }),
  meta('resource-stickiness', 'score', { default: '0' }),
  meta('requires', 'select', { values: ['nothing', 'quorum', 'fencing', 'unfencing'] }),
  meta('migration-threshold', 'score', { default: 'INFINITY' }),
  meta('failure-timeout', 'time', { default: '0' }),
  meta('multiple-active', 'select', {
    default: 'stop_start',
    values: ['block', 'stop_only', 'stop_start', 'stop_unexpected'],
    valuesSince: { stop_unexpected: '2.1.3' },
  }),
  meta('allow-migrate', 'boolean'),
  // Of fence devices: `provides=unfencing` makes Pacemaker unfence a node before resources start
  // there (fabric fencing: fence_scsi, fence_mpath). The scheduler reads it from the meta attributes.
  meta('provides', 'select', { values: ['unfencing'] }),
  meta('allow-unhealthy-nodes', 'boolean', { default: 'false', since: '2.1.3' }),
  meta('container-attribute-target', 'string'),
  meta('remote-node', 'string'),
  meta('remote-addr', 'string'),
  meta('remote-port', 'port', { default: '3121' }),
  meta('remote-connect-timeout', 'time', { default: '60s' }),
  meta('remote-allow-migrate', 'boolean', { default: 'true' }),
  // Dropped by 3.0.0 ("drop support for deprecated restart-type resource option").
  meta('restart-type', 'select', { default: 'ignore', values: ['ignore', 'restart'], deprecated: true, until: LAST_2_1 }),
];

/**
 * Operation attributes (Pacemaker Explained, "Resource Operations"). `timeout` has no default in the
 * table (Pacemaker falls back to op_defaults, then 20s). OCF_CHECK_LEVEL is an instance attribute of
 * the op that selects monitor depth.
 */
export const OP_META: readonly ParamFact[] = [
  meta('interval', 'time', { default: '0' }),
  meta('timeout', 'time'),
  meta('on-fail', 'select', {
    values: ['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'demote'],
    valuesSince: { demote: '2.0.5' },
  }),
  meta('enabled', 'boolean', { default: 'true' }),
  meta('record-pending', 'boolean', { default: 'true' }),
  meta('role', 'select', {
    values: ['Stopped', 'Started', 'Unpromoted', 'Promoted', 'Slave', 'Master'],
    valuesSince: { Unpromoted: '2.1.0', Promoted: '2.1.0' },
  }),
  meta('start-delay', 'time', { default: '0' }),
  meta('interval-origin', 'string'),
  meta('OCF_CHECK_LEVEL', 'integer'),
  // The XML attribute: free text for people.
  meta('description', 'string'),
  // An op's requires is Pacemaker 1.1's; 2.0 reads it as a resource meta attribute only.
  meta('requires', 'select', { values: ['nothing', 'quorum', 'fencing', 'unfencing'], until: LAST_1_1 }),
];
