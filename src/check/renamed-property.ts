import type { Catalogue } from '../catalogue/catalogue.js';
import { versionInRange } from '../catalogue/platforms.js';
import type { PropertyFact } from '../catalogue/types.js';

/**
 * The property that replaced `name`, when Pacemaker `version` reads both names (the crmd-* names
 * 2.0.0 renamed, still read until 2.1.9); else undefined. HA406 reports the old name where the
 * platform's pcs refuses it, HA430 elsewhere.
 */
export function newNameOf(catalogue: Catalogue, name: string, version: string): PropertyFact | undefined {
  const fact = catalogue.property(name);
  const renamed = fact?.renamedTo !== undefined ? catalogue.property(fact.renamedTo) : undefined;
  if (!fact || !renamed) return undefined;
  return versionInRange(version, fact.since, fact.until) && versionInRange(version, renamed.since, renamed.until) ? renamed : undefined;
}
