/** The platforms hacc can target: they decide packages, pcs command forms and Pacemaker features. */
export const PLATFORMS = ['el6', 'el7', 'el8', 'el9', 'debian12'] as const;
export type PlatformName = (typeof PLATFORMS)[number];

/** Used when a file names no platform and no `--target` is given: the current RHEL generation. */
export const DEFAULT_PLATFORM: PlatformName = 'el9';

export function isPlatformName(s: string): s is PlatformName {
  return (PLATFORMS as readonly string[]).includes(s);
}
