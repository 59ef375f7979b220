import { usesCommandParamsOnUpstreamAnything } from '../agents.js';
import { paramFindings } from '../params.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

export const ha204: Rule = {
  code: 'HA204',
  name: 'missing-parameter',
  severity: 'error',
  docs: {
    summary: 'A parameter the agent requires is not given.',
    rationale: 'pcs refuses to create the resource, so the setup script stops half way through a change window.',
    bad: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data
    op monitor interval=20s timeout=40s
  }
`),
    good: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data fstype=xfs
    op monitor interval=20s timeout=40s
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        // Command resources report missing commands as HA211; the seed's anything mistake as HA212.
        if (p.agent.command || usesCommandParamsOnUpstreamAnything(p)) return;
        const missing = paramFindings(p, ctx.catalogue).flatMap((f) => (f.kind === 'missing' ? [f.name] : []));
        if (missing.length === 0) return;
        ctx.report({
          node: p.decl.name,
          message: `${p.agent.id} requires ${missing.map((m) => `'${m}'`).join(', ')}`,
          help: [`add params ${missing.map((m) => `${m}=…`).join(' ')}`],
        });
      },
    };
  },
};
