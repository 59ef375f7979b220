import { corosyncKeys, HEURISTICS_EXEC, QDEVICE_REQUIRED, transportsOf, TRANSPORTS } from '../../language/corosync.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';

const CLUSTER = (totem: string) => `cluster demo {
  platform el9
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  corosync {
    transport knet
    totem ${totem}=5000
  }
  property stonith-enabled=false
}
`;

export const ha414: Rule = {
  code: 'HA414',
  name: 'unknown-corosync-option',
  severity: 'error',
  docs: {
    summary:
      "A corosync line, transport or option the target platform cannot set: a key the line does not take for its transport (knet's link_priority on udpu), knet, crypto or compression before corosync 3 (el6, el7, sles15), a quorum device on el6, options crm cluster init does not take (SUSE).",
    rationale:
      "pcs refuses an option it does not know for that line and transport (\"invalid totem option 'tokne'\"), so setup.sh would stop before the cluster exists; corosync 2 has no knet at all. The keys are corosync's, as pcs names them: transport knet's ip_version, knet_pmtud_interval, link_mode; link's link_priority, mcastport, ping_interval, ping_precision, ping_timeout, pong_count, transport (knet) or bindnetaddr, broadcast, mcastaddr, mcastport, ttl (udp, udpu); totem's token, consensus, join…; quorum's auto_tie_breaker, last_man_standing[_window], wait_for_all, two_node; crypto's cipher, hash, model; compression's level, model, threshold; qdevice's model, host, algorithm, tie_breaker…; heuristics' mode, interval, timeout, sync_timeout and exec_NAME.",
    bad: CLUSTER('tokne'),
    good: CLUSTER('token'),
  },
  check(ctx) {
    const m = ctx.model;
    const c = m.corosync;
    const transport = c.transportLine?.words[0];
    if (transport) {
      const allowed = transportsOf(m.platform);
      if (!(TRANSPORTS as readonly string[]).includes(transport.text)) {
        ctx.report({ node: transport, message: `unknown transport '${transport.text}'`, ...misspelt(transport.text, allowed, `${m.platform} takes ${allowed.join(', ')}`) });
      } else if (!allowed.includes(c.transport)) {
        ctx.report({ node: transport, message: `transport ${transport.text} is not on ${m.platform}: its corosync takes ${allowed.join(', ')}`, help: [`transport ${allowed[0]}`] });
        return;
      }
    }
    const qdevice = c.qdevice.lines[0];
    const missing = QDEVICE_REQUIRED.filter((k) => !c.qdevice.values.has(k));
    let unknownQdeviceKey = false;
    for (const line of c.lines) {
      const keys = corosyncKeys(line.keyword.text, c.transport, m.platform);
      if (typeof keys === 'string') {
        ctx.report({ node: line.keyword, message: `${keys} (${m.platform}, transport ${c.transport})`, help: ['remove the line, or set it in corosync.conf by hand after the cluster is set up'] });
        continue;
      }
      const names = keys.map((k) => k.name);
      for (const a of line.attrs) {
        if (names.includes(a.key.text) || (line.keyword.text === 'heuristics' && HEURISTICS_EXEC.test(a.key.text))) continue;
        if (line.keyword.text === 'qdevice') unknownQdeviceKey = true;
        ctx.report({
          node: a,
          property: 'key',
          message: `unknown ${line.keyword.text} option '${a.key.text}' for transport ${c.transport} on ${m.platform}`,
          ...misspelt(a.key.text, names, names.length > 0 ? `${line.keyword.text} takes ${names.join(', ')}${line.keyword.text === 'heuristics' ? ' and exec_NAME=' : ''}` : `${line.keyword.text} takes no options there`),
        });
      }
    }
    // (A misspelt key is reported as such, not again as a missing one.)
    if (qdevice && missing.length > 0 && !unknownQdeviceKey) {
      ctx.report({ node: qdevice.keyword, message: `a quorum device needs ${missing.map((k) => `${k}=`).join(' and ')}`, help: ['qdevice model=net host=QNETD-HOST algorithm=ffsplit (even node counts) or lms'] });
    }
  },
};
