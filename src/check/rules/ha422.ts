import { SAMPLE_ALERT_AGENTS } from '../../language/alert.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** Where Pacemaker ships its sample alert agents. */
const SAMPLES_DIR = '/usr/share/pacemaker/alerts/';

export const ha422: Rule = {
  code: 'HA422',
  name: 'alert-path',
  severity: 'warning',
  docs: {
    summary: "An alert's path is relative or one of Pacemaker's shipped *.sample files, or a file alert's recipient is not an absolute path.",
    rationale:
      "The controller runs the alert's path as it is, on every node, as the hacluster user: a relative path resolves against the controller's working directory and runs nothing. The samples in /usr/share/pacemaker/alerts are templates a package update may replace; Pacemaker's documentation has them copied (e.g. to /var/lib/pacemaker/) and made executable. alert_file.sh writes to its recipient as a file name: a relative one lands where the controller runs.",
    bad: labCluster(`  alert file-log /usr/share/pacemaker/alerts/alert_file.sh.sample {
    recipient /var/log/pcmk-alerts.log
  }
`),
    good: labCluster(`  alert file-log /var/lib/pacemaker/alert_file.sh {
    recipient /var/log/pcmk-alerts.log
  }
`),
  },
  check(ctx) {
    for (const a of ctx.model.alerts) {
      const path = a.path.text;
      if (!path.startsWith('/')) {
        ctx.report({ node: a.path, message: `alert path '${path}' is relative: the controller runs it from its own working directory`, help: ['write the absolute path of the agent, installed on every node'] });
      } else if (path.endsWith('.sample')) {
        const copy = `/var/lib/pacemaker/${path.slice(path.lastIndexOf('/') + 1, -'.sample'.length)}`;
        ctx.report({
          node: a.path,
          message: `alert path '${path}' is a shipped sample: a package update may replace it`,
          help: [`copy it to every node (install --mode=0755 ${path} ${copy}) and point the alert there`],
          ...(path.startsWith(SAMPLES_DIR) ? { fix: { title: `use ${copy}`, replacement: copy } } : {}),
        });
      }
      const fileAgent = SAMPLE_ALERT_AGENTS[0];
      if (!path.endsWith(`/${fileAgent}`) && !path.endsWith(`/${fileAgent}.sample`)) continue;
      for (const r of a.recipients) {
        if (r.value.startsWith('/')) continue;
        ctx.report({ node: r.decl.value, message: `'${r.value}' is not an absolute path: ${fileAgent} writes its recipient as a file name`, help: ['write the log file as an absolute path: /var/log/pcmk-alerts.log'] });
      }
    }
  },
};
