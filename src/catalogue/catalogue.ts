// TEMPORARY stub until the generated catalogue lands (branch `catalogue`); same API.
import type { AgentFact, ParamFact, PropertyFact } from './types.js';

const props: PropertyFact[] = [
  { name: 'stonith-enabled', type: 'boolean', default: 'true' },
  { name: 'no-quorum-policy', type: 'select', default: 'stop', values: ['stop', 'freeze', 'ignore', 'demote', 'suicide'] },
  { name: 'symmetric-cluster', type: 'boolean', default: 'true' },
  { name: 'maintenance-mode', type: 'boolean', default: 'false' },
  { name: 'cluster-recheck-interval', type: 'time', default: '15min' },
  { name: 'fencing-enabled', type: 'boolean', default: 'true', since: '3.0.2' },
  { name: 'priority-fencing-delay', type: 'time', default: '0', since: '2.0.4' },
];

export class Catalogue {
  constructor(private readonly agents: AgentFact[], private readonly properties: PropertyFact[]) {}
  agent(id: string): AgentFact | undefined {
    return this.agents.find((a) => a.id === id);
  }
  agentIds(): string[] {
    return this.agents.map((a) => a.id);
  }
  property(name: string): PropertyFact | undefined {
    return this.properties.find((p) => p.name === name);
  }
  propertyNames(): string[] {
    return this.properties.map((p) => p.name);
  }
  get fencingParams(): ParamFact[] {
    return [];
  }
  get resourceMeta(): ParamFact[] {
    return [];
  }
  get opMeta(): ParamFact[] {
    return [];
  }
  overridesShipped(_id: string): boolean {
    return false;
  }
  withAgents(extra: AgentFact[]): Catalogue {
    return new Catalogue([...extra, ...this.agents], this.properties);
  }
}

let cached: Catalogue | undefined;
export function defaultCatalogue(): Catalogue {
  cached ??= new Catalogue([], props);
  return cached;
}
