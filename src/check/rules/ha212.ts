import { COMMAND_AGENT } from '../../language/primitive.js';
import { UPSTREAM_ANYTHING, usesCommandParamsOnUpstreamAnything } from '../agents.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha212: Rule = {
  code: 'HA212',
  name: 'command-agent-collision',
  severity: 'error',
  docs: {
    summary: "The seed's command-agent params (start_cmd, stop_cmd, monitor_cmd) on resource-agents' own ocf:heartbeat:anything, or an --agents agent that would replace a shipped one.",
    rationale:
      "The post saved its own script as /usr/lib/ocf/resource.d/heartbeat/anything, over the agent resource-agents ships under that name (which takes binfile, not start_cmd). The next package update silently puts the original back and every resource using it breaks. hacc generates its command agent under its own provider, ocf:hacc:anything.",
    bad: labCluster(`  primitive app ocf:heartbeat:anything {
    params start_cmd=/opt/app/bin/start stop_cmd=/opt/app/bin/stop monitor_cmd=/opt/app/bin/status
  }
`),
    good: labCluster(`  primitive app anything {
    start   "/opt/app/bin/start"
    stop    "/opt/app/bin/stop"
    monitor "/opt/app/bin/status"
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        if (usesCommandParamsOnUpstreamAnything(p)) {
          ctx.report({
            node: p.decl.agent,
            message: `start_cmd/stop_cmd/monitor_cmd are not parameters of ${UPSTREAM_ANYTHING}: they belong to the post's hand-written agent, installed over the shipped one`,
            help: [`write: primitive ${p.name} ${COMMAND_AGENT} { start "…" stop "…" monitor "…" } — hacc generates the agent as ocf:hacc:anything`],
          });
        } else if (ctx.catalogue.overridesShipped(p.agent.text)) {
          ctx.report({
            node: p.decl.agent,
            message: `'${p.agent.text}' from --agents would replace the agent resource-agents ships under that name`,
            help: ['install a site agent under its own provider, e.g. ocf:mysite:NAME'],
          });
        }
      },
    };
  },
};
