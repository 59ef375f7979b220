// TEMPORARY stub until branch `catalogue` lands.
export const PLATFORM_PACEMAKER_VERSION = { el6: '1.1.18', el7: '1.1.23', el8: '2.1.7', el9: '2.1.9', debian12: '2.1.5' } as const;
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
