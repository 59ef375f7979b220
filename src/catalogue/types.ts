// Facts about resource agents and cluster properties. Generated data (agents.json, properties.json)
// conforms to these types; hand-kept facts that no meta-data carries live in overlay.ts.

/** OCF content types plus the ones fence agents and Pacemaker use. */
export type ParamType =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'time'
  | 'select'
  | 'percentage'
  | 'score'
  | 'nonnegative_integer'
  | 'port'
  | 'version'
  | 'epoch_time';

export interface ParamFact {
  name: string;
  type: ParamType;
  required: boolean;
  unique: boolean;
  default?: string;
  /** Allowed values, for type `select` (fence agents) or enumerated options. */
  values?: string[];
  deprecated?: boolean;
  /** Name of the parameter that replaces this one. */
  obsoletedBy?: string;
  /** Hand-kept (meta/op attributes only): first Pacemaker version that knows it, inclusive. */
  since?: string;
  /** Hand-kept (meta/op attributes only): last Pacemaker version that knows it, inclusive. */
  until?: string;
  /** Hand-kept: value -> first Pacemaker version that accepts that value of `values`. */
  valuesSince?: Record<string, string>;
  /** Hand-kept: value -> last Pacemaker version that accepts that value of `values`. */
  valuesUntil?: Record<string, string>;
  /** Hand-kept: Pacemaker reads `values` in any case (a role: `started` is Started). */
  anyCase?: boolean;
}

export interface ActionFact {
  name: string;
  /** As written in the meta-data, e.g. "20s" or "20". */
  timeout?: string;
  interval?: string;
  role?: string;
  depth?: string;
}

export interface AgentFact {
  /** Full standard name: `ocf:heartbeat:IPaddr2`, `stonith:fence_ipmilan`, `ocf:hacc:anything`. */
  id: string;
  params: ParamFact[];
  actions: ActionFact[];
}

export interface AgentCatalogueFile {
  /** Debian package name -> version the facts were read from. */
  generatedFrom: Record<string, string>;
  agents: AgentFact[];
}

export interface PropertyFact {
  name: string;
  type: ParamType;
  default?: string;
  values?: string[];
  /** First Pacemaker version that knows the property (inclusive), e.g. "2.0.4". */
  since?: string;
  /** Last Pacemaker version that knows it (inclusive); absent when still current. */
  until?: string;
  /** The name that replaces this one in later versions. */
  renamedTo?: string;
  /** Value -> first Pacemaker version that accepts that value of `values` (e.g. no-quorum-policy=demote: 2.0.5). */
  valuesSince?: Record<string, string>;
  /** Value -> last Pacemaker version that accepts that value (e.g. stonith-action=poweroff: 2.1.9). */
  valuesUntil?: Record<string, string>;
  /** A 1.1-era property whose replacement is not a cluster property but an rsc_defaults/op_defaults entry. */
  movedTo?: { section: 'rsc_defaults' | 'op_defaults'; name: string };
}

export interface PropertyCatalogueFile {
  /** Debian package name -> version the facts were read from. */
  generatedFrom: Record<string, string>;
  /** Cluster options (crm_config), sorted by name. */
  properties: PropertyFact[];
  /** Pacemaker's own parameters of every fencing resource (pcmk_host_list, ...), in meta-data order. */
  fencingParams: ParamFact[];
  /** Resource meta-attributes (target-role, resource-stickiness, ...). */
  resourceMeta: ParamFact[];
  /** Operation attributes (interval, timeout, on-fail, ...). */
  opMeta: ParamFact[];
}
