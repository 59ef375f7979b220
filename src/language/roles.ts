// Role names and their spellings per Pacemaker generation. The file may use either spelling; the
// build writes the platform's: Promoted/Unpromoted on Pacemaker 2.1+, Master/Slave before.

/** The role names a constraint may give (`role=`, `rsc-role=`, `with-rsc-role=`). */
export const ROLES: readonly string[] = ['Started', 'Promoted', 'Unpromoted', 'Stopped', 'Master', 'Slave'];

/** Which spelling a platform writes: `current` (Promoted/Unpromoted) or `legacy` (Master/Slave). */
export type RoleSpelling = 'current' | 'legacy';

const LEGACY: Readonly<Record<string, string>> = { Promoted: 'Master', Unpromoted: 'Slave' };
const CURRENT: Readonly<Record<string, string>> = { Master: 'Promoted', Slave: 'Unpromoted' };

/** A role as the platform writes it (capitalised, as pcs normalises it). */
export function platformRole(role: string, spelling: RoleSpelling): string {
  const r = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
  return (spelling === 'legacy' ? LEGACY[r] : CURRENT[r]) ?? r;
}

/** The roles that only a promotable clone's instances have, in both spellings. */
const PROMOTION_ROLES = new Set(['promoted', 'unpromoted', 'master', 'slave']);

/** Whether a role name is one of a promotable clone (Promoted, Unpromoted, Master, Slave; any case). */
export function isPromotionRole(role: string): boolean {
  return PROMOTION_ROLES.has(role.toLowerCase());
}

/** The legacy spelling's replacement (Master -> Promoted), or undefined for a current name. */
export function currentRole(role: string): string | undefined {
  const r = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
  return CURRENT[r];
}

/** The order actions of a promotable clone. */
export const PROMOTION_ACTIONS: readonly string[] = ['promote', 'demote'];
