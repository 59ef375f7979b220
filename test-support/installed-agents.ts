// Agent facts read from the agents installed on this machine (`crm_resource --show-metadata`), for
// suites that run the real Pacemaker tools: the plan's default ops then come from the same
// meta-data pcs reads.

import { execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import type { ActionFact, AgentFact, ParamFact } from '../src/catalogue/types.js';

interface RawAttrs {
  [key: string]: string | undefined;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'action' || name === 'parameter' });

/** The meta-data of one installed agent as an AgentFact (types are left as `string`). */
export function installedAgentFact(id: string): AgentFact {
  const xml = execFileSync('crm_resource', ['--show-metadata', id], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const doc = parser.parse(xml) as { 'resource-agent': { parameters?: { parameter?: RawAttrs[] }; actions?: { action?: RawAttrs[] } } };
  const ra = doc['resource-agent'];
  const params: ParamFact[] = (ra.parameters?.parameter ?? []).map((p) => ({
    name: p['name']!,
    type: 'string',
    required: p['required'] === '1',
    unique: p['unique'] === '1',
  }));
  const actions: ActionFact[] = (ra.actions?.action ?? []).map((a) => {
    const fact: ActionFact = { name: a['name']! };
    if (a['timeout'] !== undefined) fact.timeout = a['timeout'];
    if (a['interval'] !== undefined) fact.interval = a['interval'];
    if (a['role'] !== undefined) fact.role = a['role'];
    if (a['depth'] !== undefined) fact.depth = a['depth'];
    return fact;
  });
  return { id, params, actions };
}

export function installedAgentFacts(ids: readonly string[]): AgentFact[] {
  return ids.map(installedAgentFact);
}
