import { PLATFORMS, type Platform } from '../catalogue/platforms.js';

/** The platforms hacc can target: they decide packages, pcs command forms and Pacemaker features. */
export { PLATFORMS };
export type PlatformName = Platform;

/** Used when a file names no platform and no `--target` is given: the current RHEL generation. */
export const DEFAULT_PLATFORM: PlatformName = 'el9';

export function isPlatformName(s: string): s is PlatformName {
  return (PLATFORMS as readonly string[]).includes(s);
}
