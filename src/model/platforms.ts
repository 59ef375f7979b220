import { compareVersions, PLATFORM_PACEMAKER_VERSION, PLATFORMS, type Platform } from '../catalogue/platforms.js';
import type { RoleSpelling } from '../language/roles.js';

/** The platforms hacc can target: they decide packages, pcs command forms and Pacemaker features. */
export { PLATFORMS };
export type PlatformName = Platform;

/** Used when a file names no platform and no `--target` is given: the current RHEL generation. */
export const DEFAULT_PLATFORM: PlatformName = 'el9';

export function isPlatformName(s: string): s is PlatformName {
  return (PLATFORMS as readonly string[]).includes(s);
}

/** The role names a platform's Pacemaker writes: Master/Slave before 2.0 (el6, el7), Promoted/Unpromoted after. */
export function roleSpelling(platform: PlatformName): RoleSpelling {
  return compareVersions(PLATFORM_PACEMAKER_VERSION[platform], '2.0.0') < 0 ? 'legacy' : 'current';
}
