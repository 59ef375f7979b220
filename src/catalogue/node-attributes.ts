// Node attributes that something in the cluster sets, besides the file's own `node … { attributes }`:
// Pacemaker itself (the built-in `#…` ones), and agents that publish one (ping's connectivity
// score, a promotable resource's promotion score). Read by HA109, which warns of a rule or a
// node-attribute that tests an attribute nothing sets.

/** An agent's attributes, from its id and parameters (undefined: the agent sets none hacc knows of). */
type Publisher = (resource: string, param: (name: string) => string | undefined) => readonly string[];

/**
 * ocf:pacemaker:ping (and the older pingd) sets the attribute its `name` parameter gives (default
 * pingd) on every node it runs on; pgsql sets RESOURCE-status (its `pgsql-status` for a resource named
 * pgsql) and RESOURCE-data-status (the agent's own attribute names).
 */
export const AGENT_NODE_ATTRIBUTES: Readonly<Record<string, Publisher>> = {
  'ocf:pacemaker:ping': (_r, param) => [param('name') ?? 'pingd'],
  'ocf:pacemaker:pingd': (_r, param) => [param('name') ?? 'pingd'],
  'ocf:heartbeat:pgsql': (r) => [`${r}-status`, `${r}-data-status`],
};

/** The attribute in which Pacemaker keeps a promotable resource's promotion score (crm_master). */
export function promotionScoreAttribute(resource: string): string {
  return `master-${resource}`;
}
