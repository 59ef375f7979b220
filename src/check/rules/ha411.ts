import { settingValue } from '../../model/model.js';
import { sbdWatchdogTimeout, watchdogTimeoutOf } from '../../model/stack.js';
import type { Rule } from '../rule.js';

const CLUSTER = (property: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node c addr=10.0.0.3/24
  sbd {
    watchdog /dev/watchdog
    options SBD_WATCHDOG_TIMEOUT=5
  }
  property stonith-watchdog-timeout=${property}
}
`;

export const ha411: Rule = {
  code: 'HA411',
  name: 'watchdog-timeout-mismatch',
  severity: 'error',
  docs: {
    summary:
      'Watchdog self-fencing set up wrong: watchdog-only SBD without a non-zero stonith-watchdog-timeout, a stonith-watchdog-timeout not above SBD_WATCHDOG_TIMEOUT, or a stonith-watchdog-timeout without any sbd block.',
    rationale:
      "The cluster counts a lost node as fenced once stonith-watchdog-timeout has passed, trusting that its watchdog has reset it by then. Pacemaker's controller checks this at start (lib/common/watchdog.c): a value not above the SBD watchdog timeout (\"stonith-watchdog-timeout too short\") or a value with sbd not running (\"configured but SBD not active\") makes it shut down on every node. Left at 0 (the default), watchdog fencing is off and diskless SBD fences nothing. A negative value means twice SBD_WATCHDOG_TIMEOUT.",
    bad: CLUSTER('5s'),
    good: CLUSTER('10s'),
  },
  check(ctx) {
    const m = ctx.model;
    const property = settingValue(m, 'property', 'stonith-watchdog-timeout');
    const written = watchdogTimeoutOf(property);
    const ms = written?.ms;
    const negative = written?.negative ?? false;
    if (!m.sbd) {
      if (property && ms !== undefined && ms > 0) {
        ctx.report({
          node: property,
          message: 'stonith-watchdog-timeout without sbd: the controller of every node shuts down ("stonith-watchdog-timeout configured but SBD not active")',
          help: ['add an sbd block, or remove the property'],
        });
      }
      return;
    }
    if (m.sbd.devices.length === 0 && (ms === undefined || ms === 0)) {
      ctx.report({
        node: property ?? m.sbd.decl.keyword,
        message: 'watchdog-only SBD needs stonith-watchdog-timeout: left at 0 the cluster never counts a lost node as fenced, and fences nothing',
        help: [`property stonith-watchdog-timeout=${2 * sbdWatchdogTimeout(m.sbd)}s (twice SBD_WATCHDOG_TIMEOUT)`],
      });
      return;
    }
    const sbdMs = sbdWatchdogTimeout(m.sbd) * 1000;
    if (!property || ms === undefined || ms === 0 || negative || ms > sbdMs) return;
    ctx.report({
      node: property,
      property: 'value',
      message: `stonith-watchdog-timeout=${property.value.text} is not above SBD_WATCHDOG_TIMEOUT (${sbdMs / 1000}s): the controller of every node shuts down ("too short")`,
      help: [`write at least ${(2 * sbdMs) / 1000}s (twice SBD_WATCHDOG_TIMEOUT), or -1 for that`],
    });
  },
};
