// Facts of the agents hacc itself generates. The emitter builds each agent's meta-data from these,
// so what the checker knows and what the agent declares cannot drift.

import type { ActionFact, AgentFact, ParamFact } from './types.js';

export const ANYTHING_AGENT_ID = 'ocf:hacc:anything';

export const STOPPED_RC_DEFAULT = '1 2 3 7';

const PARAMS: ParamFact[] = [
  { name: 'start_cmd', type: 'string', required: true, unique: false },
  { name: 'stop_cmd', type: 'string', required: true, unique: false },
  { name: 'monitor_cmd', type: 'string', required: true, unique: false },
  { name: 'user', type: 'string', required: false, unique: false },
  { name: 'stopped_rc', type: 'string', required: false, unique: false, default: STOPPED_RC_DEFAULT },
];

const ACTIONS: ActionFact[] = [
  { name: 'start', timeout: '60s' },
  { name: 'stop', timeout: '60s' },
  { name: 'monitor', timeout: '20s', interval: '10s' },
  { name: 'meta-data', timeout: '5s' },
  { name: 'validate-all', timeout: '20s' },
];

export const ANYTHING_AGENT_FACT: AgentFact = {
  id: ANYTHING_AGENT_ID,
  params: PARAMS,
  actions: ACTIONS,
};
