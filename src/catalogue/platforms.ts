// Which Pacemaker version each hacc target platform ships. Used to decide whether a property (or a
// property value) is available on the target: compare against PropertyFact.since / until.

export type Platform = 'el6' | 'el7' | 'el8' | 'el9' | 'debian12';

export const PLATFORMS: readonly Platform[] = ['el6', 'el7', 'el8', 'el9', 'debian12'];

/**
 * Pacemaker version of each platform's newest point release:
 * el6 = RHEL 6.10 (the seed's RHEL 6.4 shipped 1.1.8/1.1.10; 6.10 ships 1.1.18),
 * el7 = RHEL 7.9, el8 = RHEL 8.10, el9 = RHEL 9.4+, debian12 = bookworm.
 */
export const PLATFORM_PACEMAKER_VERSION: Readonly<Record<Platform, string>> = {
  el6: '1.1.18',
  el7: '1.1.23',
  el8: '2.1.7',
  el9: '2.1.9',
  debian12: '2.1.5',
};

/**
 * How many addresses (corosync rings or links) a node may have: two rings with cman (RRP through
 * an alternative name) and with corosync 2 (udpu, RRP), eight knet links with corosync 3.
 */
export const PLATFORM_CLUSTER_LINKS: Readonly<Record<Platform, number>> = {
  el6: 2,
  el7: 2,
  el8: 8,
  el9: 8,
  debian12: 8,
};

/** The first Pacemaker that escapes XML after a multi-byte character (HA217): lib/common/xml.c, fixed in 2.1.10. */
export const XML_ESCAPE_FIXED = '2.1.10';

/**
 * Agent actions Pacemaker runs only from some version on: reload-agent came with 2.1.0 (before it,
 * reload meant what reload-agent means now). An older Pacemaker must not get the op.
 */
export const ACTION_SINCE: Readonly<Record<string, string>> = { 'reload-agent': '2.1.0' };

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
