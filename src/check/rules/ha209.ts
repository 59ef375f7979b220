import { settingValue } from '../../model/model.js';
import { durationMs } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

/** Pacemaker's timeout for an op that names none and has no op-defaults. */
export const PACEMAKER_DEFAULT_TIMEOUT = '20s';

export const ha209: Rule = {
  code: 'HA209',
  name: 'timeout-below-advised',
  severity: 'warning',
  docs: {
    summary: "An op's effective timeout (its own, else op-defaults, else Pacemaker's 20s) is below what the agent's meta-data advises.",
    rationale:
      "Agents advise timeouts from how long the action really takes: iscsi advises 120s to log in to a target. With 20s the start fails on a slow day, the resource is recovered elsewhere, and with on-fail=block it stays blocked.",
    bad: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data fstype=xfs
    op start timeout=20s
    op monitor interval=20s timeout=40s
  }
`),
    good: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data fstype=xfs
    op start timeout=60s
    op monitor interval=20s timeout=40s
  }
`),
  },
  check(ctx) {
    const endOf = (n: { readonly end: number }) => ({ start: n.end, end: n.end });
    const opDefault = settingValue(ctx.model, 'op-defaults', 'timeout');
    return {
      primitive(p) {
        const agent = p.agent.fact;
        if (!agent) return;
        for (const op of p.ops) {
          const advised = agent.actions.find((a) => a.name === op.name && a.timeout !== undefined);
          const advisedMs = advised?.timeout !== undefined ? durationMs(advised.timeout) : undefined;
          if (advisedMs === undefined) continue;
          const own = op.values.get('timeout');
          const effective = own?.value.text ?? opDefault?.value.text ?? PACEMAKER_DEFAULT_TIMEOUT;
          const ms = durationMs(effective);
          if (ms === undefined || ms >= advisedMs) continue;
          const source = own ? 'its timeout' : opDefault ? 'the op-defaults timeout' : "Pacemaker's default timeout";
          ctx.report({
            node: own?.value ?? op.decl.name,
            message: `${op.name} of '${p.name}' runs with ${source} of ${effective}; ${agent.id} advises at least ${advised!.timeout}`,
            help: [`write op ${op.name} timeout=${advised!.timeout} …`],
            fix: own
              ? { title: `raise the timeout to ${advised!.timeout}`, replacement: advised!.timeout! }
              : { title: `add timeout=${advised!.timeout}`, replacement: ` timeout=${advised!.timeout}`, at: endOf(op.decl.attrs.at(-1) ?? op.decl.name) },
          });
        }
      },
    };
  },
};
