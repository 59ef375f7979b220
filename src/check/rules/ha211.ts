import { COMMAND_PARAMS } from '../agents.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha211: Rule = {
  code: 'HA211',
  name: 'invalid-command-resource',
  severity: 'error',
  docs: {
    summary: 'A command resource without its start, stop or monitor command, with a relative command path, or command lines on another agent.',
    rationale: 'The agent runs the commands from the cluster\'s working directory with a minimal PATH, on whichever node the resource lands: a relative path works in a test shell and fails under Pacemaker. Without a monitor command the cluster cannot tell the service died.',
    bad: labCluster(`  primitive app anything {
    start   "/opt/app/bin/start"
    stop    "/opt/app/bin/stop"
    monitor "bin/status"
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
        if (!p.agent.command) {
          for (const c of p.commands) {
            ctx.report({ node: c.action, message: `'${c.action.text}' command lines are only for command resources (primitive NAME anything { … })`, help: [`${p.agent.text} takes params and op lines`] });
          }
          return;
        }
        const missing = COMMAND_PARAMS.map((k) => k.replace('_cmd', '')).filter((a) => !p.commands.some((c) => c.action.text === a));
        if (missing.length > 0) {
          ctx.report({ node: p.decl.name, message: `command resource '${p.name}' has no ${missing.join(', ')} command`, help: missing.map((a) => `add: ${a} "/absolute/path/to/${a}-command"`) });
        }
        for (const c of p.commands) {
          const program = c.value.text.trim().split(/\s+/)[0] ?? '';
          if (program.startsWith('/')) continue;
          ctx.report({ node: c, property: 'value', message: `the ${c.action.text} command '${program}' is not an absolute path`, help: ['write the full path, e.g. "/usr/local/bin/app start"'] });
        }
      },
    };
  },
};
