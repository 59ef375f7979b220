// The platforms hacc targets, as data in one place: what each ships (Pacemaker, corosync, the
// configuration tool), the CIB schema hacc writes for it and how many corosync links it has. The
// checks read the versions; lowering reads the schema; the setup script's command forms and
// package names (emit/platform-commands.ts) are chosen by the tool and versions given here.
//
// Where each version was taken from:
//   el6 = RHEL 6.10 (the seed's RHEL 6.4 shipped 1.1.8/1.1.10; 6.10 ships 1.1.18), el7 = RHEL 7.9,
//   el8 = RHEL 8.10, el9 = RHEL 9.4+, debian12 = bookworm (2.1.5-1+deb12u1, pcs 0.11.5, corosync
//   3.1.7: the packages on this project's test machines).
//   el10 = RHEL 10.1: Pacemaker 3.0.1, pcs 0.12 (pcs CHANGELOG 0.12.0: "Minimal supported version of
//   pacemaker is 3.0"), corosync 3.1.
//   debian13 = trixie: pacemaker 3.0.0-2, corosync 3.1.9-2 (packages.debian.org), pcs 0.12.
//   sles15 = SUSE Linux Enterprise High Availability 15 SP6 and later: Pacemaker 2.1.7 (the SP6
//   release; later service packs are newer, never older), corosync 2.4 (udpu), crmsh 4.6 (its
//   `crm cluster init` options were read at crmsh tag 4.6.0, crmsh/ui_cluster.py).
//   sles16 = SUSE Linux Enterprise High Availability 16.0: Pacemaker 3.0.1, corosync 3.1 (knet),
//   crmsh 5.0.
// CIB schemas: Pacemaker 1.1 writes pacemaker-2.10 (the newest of the 1.1 series); 2.1.5 to 2.1.x
// pacemaker-3.9 (2.1.5 brought 3.9; 3.10 came with 2.1.8 and hacc needs nothing of it); Pacemaker
// 3.0 pacemaker-4.0 (xml/README.md at Pacemaker-3.0.1: "3.0.0 | 4.0").

export type Platform = 'el6' | 'el7' | 'el8' | 'el9' | 'el10' | 'debian12' | 'debian13' | 'sles15' | 'sles16';

export const PLATFORMS: readonly Platform[] = ['el6', 'el7', 'el8', 'el9', 'el10', 'debian12', 'debian13', 'sles15', 'sles16'];

/** The tool that configures the cluster: pcs (Red Hat, Debian) or crmsh (SUSE). */
export type ConfigTool = 'pcs' | 'crmsh';

/** The pcs generations hacc writes commands for. */
export type PcsVersion = '0.9' | '0.10' | '0.11' | '0.12';

interface CommonFacts {
  /** For people: `RHEL 10 and rebuilds (Corosync 3, Pacemaker 3.0, pcs 0.12)`. */
  readonly title: string;
  /** The Pacemaker version hacc assumes (the platform's newest point release, or its oldest supported one). */
  readonly pacemaker: string;
  readonly corosync: string;
  /** `validate-with` of the CIB hacc writes. */
  readonly schema: 'pacemaker-2.10' | 'pacemaker-3.9' | 'pacemaker-4.0';
  /**
   * How many addresses (corosync rings or links) a node may have: two rings with cman (RRP through
   * an alternative name) and with corosync 2 (udpu, RRP), eight knet links with corosync 3.
   */
  readonly links: number;
}

/** A platform: its tool, with the tool's version (pcs 0.9 … 0.12, crmsh 4.6, 5.0). */
export type PlatformFacts = CommonFacts & ({ readonly tool: 'pcs'; readonly toolVersion: PcsVersion } | { readonly tool: 'crmsh'; readonly toolVersion: string });

/** Whether the platform is configured with pcs `version` or later. */
export function pcsFrom(platform: Platform, version: PcsVersion): boolean {
  const facts = PLATFORM_FACTS[platform];
  return facts.tool === 'pcs' && compareVersions(facts.toolVersion, version) >= 0;
}

export const PLATFORM_FACTS: Readonly<Record<Platform, PlatformFacts>> = {
  el6: { title: 'RHEL 6 / CentOS 6 (cman + Corosync 1, Pacemaker 1.1, pcs 0.9)', pacemaker: '1.1.18', corosync: '1.4.7', tool: 'pcs', toolVersion: '0.9', schema: 'pacemaker-2.10', links: 2 },
  el7: { title: 'RHEL 7 / CentOS 7 (Corosync 2, Pacemaker 1.1, pcs 0.9)', pacemaker: '1.1.23', corosync: '2.4.5', tool: 'pcs', toolVersion: '0.9', schema: 'pacemaker-2.10', links: 2 },
  el8: { title: 'RHEL 8 and rebuilds, 8.4 or later (Corosync 3, Pacemaker 2.1, pcs 0.10)', pacemaker: '2.1.7', corosync: '3.1.8', tool: 'pcs', toolVersion: '0.10', schema: 'pacemaker-3.9', links: 8 },
  el9: { title: 'RHEL 9 and rebuilds (Corosync 3, Pacemaker 2.1, pcs 0.11)', pacemaker: '2.1.9', corosync: '3.1.8', tool: 'pcs', toolVersion: '0.11', schema: 'pacemaker-3.9', links: 8 },
  el10: { title: 'RHEL 10 and rebuilds (Corosync 3, Pacemaker 3.0, pcs 0.12)', pacemaker: '3.0.1', corosync: '3.1.9', tool: 'pcs', toolVersion: '0.12', schema: 'pacemaker-4.0', links: 8 },
  debian12: { title: 'Debian 12 (Corosync 3.1, Pacemaker 2.1.5, pcs 0.11.5)', pacemaker: '2.1.5', corosync: '3.1.7', tool: 'pcs', toolVersion: '0.11', schema: 'pacemaker-3.9', links: 8 },
  debian13: { title: 'Debian 13 (Corosync 3.1, Pacemaker 3.0.0, pcs 0.12)', pacemaker: '3.0.0', corosync: '3.1.9', tool: 'pcs', toolVersion: '0.12', schema: 'pacemaker-4.0', links: 8 },
  sles15: { title: 'SUSE Linux Enterprise High Availability 15 SP6+ (Corosync 2.4, Pacemaker 2.1, crmsh 4.6)', pacemaker: '2.1.7', corosync: '2.4.6', tool: 'crmsh', toolVersion: '4.6', schema: 'pacemaker-3.9', links: 2 },
  sles16: { title: 'SUSE Linux Enterprise High Availability 16 (Corosync 3.1, Pacemaker 3.0, crmsh 5.0)', pacemaker: '3.0.1', corosync: '3.1.9', tool: 'crmsh', toolVersion: '5.0', schema: 'pacemaker-4.0', links: 8 },
};

const byPlatform = <T>(f: (facts: PlatformFacts) => T) => Object.fromEntries(PLATFORMS.map((p) => [p, f(PLATFORM_FACTS[p])])) as Record<Platform, T>;

/** The Pacemaker version of each platform (PLATFORM_FACTS). */
export const PLATFORM_PACEMAKER_VERSION: Readonly<Record<Platform, string>> = byPlatform((f) => f.pacemaker);

/** How many corosync links (rings) a node may have on each platform (PLATFORM_FACTS). */
export const PLATFORM_CLUSTER_LINKS: Readonly<Record<Platform, number>> = byPlatform((f) => f.links);

/**
 * The first Pacemaker that writes a control character of an attribute value as a character
 * reference (pcmk__xml_escape, lib/common/xml_attr.c); up to 2.1.7 crm_xml_escape wrote DEL as the
 * four characters \177 (HA224; seen with Debian 12's cibadmin 2.1.5).
 */
export const CONTROL_ESCAPE_FIXED = '2.1.8';

/** The first Pacemaker that escapes XML after a multi-byte character (HA217): lib/common/xml.c, fixed in 2.1.10. */
export const XML_ESCAPE_FIXED = '2.1.10';

/**
 * Agent actions Pacemaker runs only from some version on: reload-agent came with 2.1.0 (before it,
 * reload meant what reload-agent means now). An older Pacemaker must not get the op.
 */
export const ACTION_SINCE: Readonly<Record<string, string>> = { 'reload-agent': '2.1.0' };

/**
 * Values a Pacemaker release deprecated, with their replacement: `KEY=VALUE`. HA430 names them
 * while they still work; HA406 once they are gone (catalogue valuesUntil). stonith-action=poweroff:
 * Pacemaker 2.1.0's option table ("poweroff" is a deprecated alias for "off"), dropped by 3.0.0
 * (upgrade-3.10-1.xsl turns it into off).
 */
export const DEPRECATED_VALUES: Readonly<Record<string, { readonly since: string; readonly instead: string }>> = {
  'stonith-action=poweroff': { since: '2.1.0', instead: 'off' },
};

/**
 * Agents a Pacemaker release stopped shipping, with the last release that has them: ocf:pacemaker:o2cb,
 * dropped by 3.0.0 (ChangeLog and commit 399df10d8a, "drop ocf:pacemaker:o2cb resource agent", which
 * names no replacement).
 */
export const AGENT_UNTIL: Readonly<Record<string, string>> = { 'ocf:pacemaker:o2cb': '2.1.9' };

/**
 * The first pcs that refuses a fencing device in a group: 0.12 ("Ability to create stonith resource in
 * a group from `pcs stonith create`" removed, CHANGELOG 0.12.0a1; deprecated since 0.11).
 */
export const PCS_NO_FENCING_IN_GROUP: PcsVersion = '0.12';

/**
 * The first pcs that refuses a cluster property name Pacemaker still reads under an old name (the
 * crmd-* options 2.0.0 renamed): pcs 0.11.5 on Debian 12 answers `pcs property set
 * crmd-transition-delay=0s` with "invalid cluster property option …, use --force to override".
 */
export const PCS_REFUSES_OLD_PROPERTY_NAMES: PcsVersion = '0.11';

/**
 * Resource classes a Pacemaker release dropped, with the last release that has them: nagios and
 * upstart, by 3.0.0 (ChangeLog: "drop support for deprecated nagios and upstart resource classes";
 * resources-4.0.rng has neither).
 */
export const CLASS_UNTIL: Readonly<Record<string, string>> = { nagios: '2.1.9', upstart: '2.1.9' };

function parts(v: string): number[] {
  // "2.1.5-1+deb12u1" -> [2, 1, 5]; "3.0.0-rc1" -> [3, 0, 0]. Non-numeric parts count as 0.
  const core = v.trim().split(/[-+~]/, 1)[0] ?? '';
  return core.split('.').map((p) => {
    const n = Number.parseInt(p, 10);
    return Number.isFinite(n) ? n : 0;
  });
}

/** Compare dotted versions numerically: negative if a < b, 0 if equal, positive if a > b. Missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  const len = Math.max(pa.length, pb.length);
  for (let i = 0; i < len; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** True when `version` lies within [since, until] (either bound may be absent). */
export function versionInRange(version: string, since?: string, until?: string): boolean {
  if (since !== undefined && compareVersions(version, since) < 0) return false;
  if (until !== undefined && compareVersions(version, until) > 0) return false;
  return true;
}
