import type * as A from '../syntax/ast.js';

/** The command form `primitive X anything { start … }` compiles to hacc's own agent. */
export const COMMAND_AGENT = 'anything';
export const COMMAND_AGENT_ID = 'ocf:hacc:anything';
/** resource-agents' own, unrelated agent the post installed its script over. */
export const UPSTREAM_ANYTHING = 'ocf:heartbeat:anything';
export const COMMAND_PARAMS = ['start_cmd', 'stop_cmd', 'monitor_cmd'] as const;

/** The full agent id a primitive uses (`anything` → ocf:hacc:anything). */
export function agentIdOf(p: A.PrimitiveDecl): string {
  return p.agent.text === COMMAND_AGENT ? COMMAND_AGENT_ID : p.agent.text;
}

export function isCommandResource(p: A.PrimitiveDecl): boolean {
  return p.agent.text === COMMAND_AGENT;
}

/** The seed's mistake: start_cmd & co. written onto resource-agents' `ocf:heartbeat:anything` (HA212). */
export function usesCommandParamsOnUpstreamAnything(p: A.PrimitiveDecl): boolean {
  return p.agent.text === UPSTREAM_ANYTHING && p.params.some((b) => b.attrs.some((a) => (COMMAND_PARAMS as readonly string[]).includes(a.key.text)));
}
