import { settingValue } from '../../model/model.js';
import { sbdDevicePaths, sbdHeaderTimeouts, sbdWatchdogTimeout, watchdogTimeoutOf } from '../../model/stack.js';
import { durationMs } from '../../model/values.js';
import { FENCE_SBD_AGENT, listedDevices, SOFTDOG } from '../../language/sbd.js';
import type { Rule } from '../rule.js';
import { sbdCluster } from '../examples.js';

/** The default stonith-timeout (Pacemaker: 60s). */
const DEFAULT_STONITH_TIMEOUT_MS = 60_000;

export const ha412: Rule = {
  code: 'HA412',
  name: 'sbd-timing',
  severity: 'warning',
  docs: {
    summary:
      "SBD timeouts that let the cluster count a node as fenced before it is: msgwait below twice the header's watchdog timeout, stonith-timeout below 1.2 × msgwait plus pcmk_delay_max, stonith-watchdog-timeout below twice SBD_WATCHDOG_TIMEOUT, a stonith-timeout not above stonith-watchdog-timeout, or the software watchdog.",
    rationale:
      "A fence through an SBD disk is a message the victim reads and then dies by; the sender waits msgwait and counts it as done. msgwait must cover the victim's watchdog firing, hence at least twice the watchdog timeout (SUSE and Red Hat both document it), and the fencing operation (stonith-timeout, default 60s) must outlast msgwait with a margin (20%) and any random delay (pcmk_delay_max) or it fails and is retried. The softdog watchdog is a kernel timer: a kernel that hangs hard does not fire it.",
    bad: sbdCluster(['init watchdog-timeout=10 msgwait-timeout=15']),
    good: sbdCluster(['init watchdog-timeout=10 msgwait-timeout=20']),
  },
  check(ctx) {
    const m = ctx.model;
    const sbd = m.sbd;
    if (!sbd) return;
    for (const w of sbd.watchdogs) {
      if (w.path?.text.includes(SOFTDOG)) {
        ctx.report({ node: w.path, message: 'softdog is a software watchdog: a kernel that hangs hard never fires it, and the node is counted as fenced while it still runs', help: ['use the hardware watchdog of the machine (ipmi_watchdog, iTCO_wdt…: sbd query-watchdog lists them)'] });
      }
    }
    const { watchdog, msgwait } = sbdHeaderTimeouts(sbd);
    const msgwaitAttr = sbd.init.values.get('msgwait-timeout');
    if (msgwaitAttr && msgwait < 2 * watchdog) {
      ctx.report({
        node: msgwaitAttr,
        property: 'value',
        message: `msgwait-timeout=${msgwait} is below twice watchdog-timeout (${watchdog}): a fenced node's watchdog may not have fired when the sender counts it as dead`,
        help: [`msgwait-timeout=${2 * watchdog}`],
      });
    }
    const stonithTimeout = settingValue(m, 'property', 'stonith-timeout');
    const stonithMs = stonithTimeout ? durationMs(stonithTimeout.value.text) : DEFAULT_STONITH_TIMEOUT_MS;
    if (sbd.devices.length > 0) {
      const devices = new Set(sbdDevicePaths(sbd).map((v) => v.text));
      // The largest random delay of the fence_sbd devices on these disks.
      const onTheDisks = (p: (typeof m.primitives)[number]) => listedDevices(p.params.values.get('devices')?.value.text ?? '').some((d) => devices.has(d));
      const delays = m.primitives.filter((p) => p.agent.id === FENCE_SBD_AGENT && onTheDisks(p)).flatMap((p) => {
        const a = p.params.values.get('pcmk_delay_max');
        const ms = a ? durationMs(a.value.text) : undefined;
        return a && ms !== undefined ? [{ attr: a, ms }] : [];
      });
      const delay = delays.reduce<(typeof delays)[number] | undefined>((a, b) => (a && a.ms >= b.ms ? a : b), undefined);
      const needed = 1.2 * msgwait * 1000 + (delay?.ms ?? 0);
      if (stonithMs !== undefined && stonithMs < needed) {
        const where = stonithTimeout ?? msgwaitAttr ?? delay?.attr ?? sbd.decl.keyword;
        ctx.report({
          node: where,
          message: `stonith-timeout${stonithTimeout ? `=${stonithTimeout.value.text}` : ' (60s, the default)'} is below 1.2 × msgwait (${msgwait}s)${delay ? ` + pcmk_delay_max (${delay.ms / 1000}s)` : ''}: every SBD fencing would time out`,
          help: [`property stonith-timeout=${Math.ceil(needed / 1000)}s`],
        });
      }
    }
    const swt = settingValue(m, 'property', 'stonith-watchdog-timeout');
    const written = watchdogTimeoutOf(swt);
    const swtMs = written && !written.negative ? written.ms : undefined;
    const sbdMs = sbdWatchdogTimeout(sbd) * 1000;
    // Watchdog fencing: the fencer waits stonith-watchdog-timeout (negative: twice
    // SBD_WATCHDOG_TIMEOUT) inside a fencing operation that stonith-timeout bounds.
    const waitMs = written?.negative ? 2 * sbdMs : swtMs;
    if (swt && waitMs !== undefined && waitMs > 0 && stonithMs !== undefined && stonithMs <= waitMs) {
      ctx.report({
        node: stonithTimeout ?? swt,
        message: `stonith-timeout${stonithTimeout ? `=${stonithTimeout.value.text}` : ' (60s, the default)'} is not above the ${waitMs / 1000}s the fencer waits for a node to reset itself (stonith-watchdog-timeout): watchdog fencing would time out`,
        help: [`property stonith-timeout=${Math.ceil((waitMs * 1.5) / 1000)}s`],
      });
    }
    // Not above SBD_WATCHDOG_TIMEOUT at all is HA411's error.
    if (swt && swtMs !== undefined && swtMs > sbdMs && swtMs < 2 * sbdMs) {
      ctx.report({
        node: swt,
        property: 'value',
        message: `stonith-watchdog-timeout=${swt.value.text} is below twice SBD_WATCHDOG_TIMEOUT (${sbdMs / 1000}s): a node whose watchdog is late is counted as fenced while it still runs`,
        help: [`write ${(2 * sbdMs) / 1000}s, or -1 (Pacemaker then takes twice SBD_WATCHDOG_TIMEOUT)`],
      });
    }
  },
};
