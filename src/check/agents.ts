import type { Primitive } from '../model/model.js';

/** resource-agents' own, unrelated agent the post installed its script over. */
export const UPSTREAM_ANYTHING = 'ocf:heartbeat:anything';
export const COMMAND_PARAMS = ['start_cmd', 'stop_cmd', 'monitor_cmd'] as const;

/** The seed's mistake: start_cmd & co. written onto resource-agents' `ocf:heartbeat:anything` (HA212). */
export function usesCommandParamsOnUpstreamAnything(p: Primitive): boolean {
  return p.agent.id === UPSTREAM_ANYTHING && p.params.attrs.some((a) => (COMMAND_PARAMS as readonly string[]).includes(a.key.text));
}
