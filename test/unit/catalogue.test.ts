import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Catalogue,
  CatalogueError,
  defaultCatalogue,
  loadAgentCatalogueFile,
  loadPropertyCatalogueFile,
} from '../../src/catalogue/catalogue.js';
import { compareVersions, PLATFORM_PACEMAKER_VERSION, versionInRange } from '../../src/catalogue/platforms.js';
import { serializeAgents, serializeProperties } from '../../src/catalogue/serialize.js';
import type { AgentFact, ParamFact } from '../../src/catalogue/types.js';

const agentsPath = fileURLToPath(new URL('../../src/catalogue/agents.json', import.meta.url));
const propertiesPath = fileURLToPath(new URL('../../src/catalogue/properties.json', import.meta.url));
const cat = defaultCatalogue();

function agent(id: string): AgentFact {
  const a = cat.agent(id);
  if (a === undefined) throw new Error(`${id} not in catalogue`);
  return a;
}

function param(a: AgentFact | readonly ParamFact[], name: string): ParamFact {
  const list = Array.isArray(a) ? (a as readonly ParamFact[]) : (a as AgentFact).params;
  const p = list.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no parameter ${name}`);
  return p;
}

describe('committed agent catalogue', () => {
  // Facts of the Debian 12 packages the catalogue was generated from (resource-agents 4.12.0,
  // pacemaker 2.1.5, fence-agents 4.12.1, and drbd-utils, resource-agents-paf, fence-virt): 141
  // heartbeat agents and PAF's pgsqlms, 13 pacemaker and 2 linbit OCF agents; 88 /usr/sbin/fence_*
  // programs, of which fence_ack_manual has no meta-data (it is not a fence agent).
  it('has every installed heartbeat, pacemaker, linbit and fence agent', () => {
    const ids = cat.agentIds();
    expect(ids.filter((i) => i.startsWith('ocf:heartbeat:'))).toHaveLength(142);
    expect(ids).toContain('ocf:heartbeat:pgsqlms');
    expect(ids.filter((i) => i.startsWith('ocf:pacemaker:'))).toHaveLength(13);
    expect(ids.filter((i) => i.startsWith('ocf:linbit:'))).toEqual(['ocf:linbit:drbd', 'ocf:linbit:drbd-attr']);
    expect(ids.filter((i) => i.startsWith('stonith:fence_'))).toHaveLength(87);
    expect(ids).toEqual(expect.arrayContaining(['stonith:fence_xvm', 'stonith:fence_virt']));
    // …plus hacc's own generated agent, which ships with hacc.
    expect(ids.filter((i) => i.startsWith('ocf:hacc:'))).toEqual(['ocf:hacc:anything']);
    expect(ids).toHaveLength(245);
    expect(ids).not.toContain('stonith:fence_ack_manual');
  });

  it('records the package versions it was read from', () => {
    const file = loadAgentCatalogueFile();
    expect(file.generatedFrom).toEqual({
      'drbd-utils': '9.22.0-1',
      'fence-agents': '4.12.1-1',
      'fence-virt': '4.12.1-1',
      pacemaker: '2.1.5-1+deb12u1',
      'pacemaker-cli-utils': '2.1.5-1+deb12u1',
      'pacemaker-resource-agents': '2.1.5-1+deb12u1',
      'resource-agents': '1:4.12.0-2',
      'resource-agents-paf': '2.3.0-1',
    });
  });

  it('is sorted by id and in canonical form (serialising it again gives the same bytes)', () => {
    const file = loadAgentCatalogueFile();
    const ids = file.agents.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(serializeAgents(file.generatedFrom, file.agents)).toBe(readFileSync(agentsPath, 'utf8'));
    expect(serializeProperties(loadPropertyCatalogueFile())).toBe(readFileSync(propertiesPath, 'utf8'));
  });

  it('IPaddr2: ip required, monitor every 10s with a 20s timeout', () => {
    const a = agent('ocf:heartbeat:IPaddr2');
    expect(param(a, 'ip')).toMatchObject({ type: 'string', required: true });
    expect(param(a, 'cidr_netmask').required).toBe(false);
    expect(a.actions.find((x) => x.name === 'monitor')).toMatchObject({ interval: '10s', timeout: '20s' });
    expect(a.params.map((p) => p.name).slice(0, 3)).toEqual(['ip', 'nic', 'cidr_netmask']); // meta-data order
  });

  it('Filesystem, iscsi and anything', () => {
    const fs = agent('ocf:heartbeat:Filesystem');
    for (const name of ['device', 'directory', 'fstype']) expect(param(fs, name).required).toBe(true);
    const iscsi = agent('ocf:heartbeat:iscsi');
    expect(param(iscsi, 'portal').required).toBe(true);
    expect(param(iscsi, 'target').required).toBe(true);
    expect(param(agent('ocf:heartbeat:anything'), 'binfile').required).toBe(true);
  });

  it('fence_ipmilan: ip, username, password, lanplus; select options and obsoleted names', () => {
    const a = agent('stonith:fence_ipmilan');
    expect(param(a, 'ip').type).toBe('string');
    expect(param(a, 'username').type).toBe('string');
    expect(param(a, 'password').type).toBe('string');
    expect(param(a, 'lanplus')).toMatchObject({ type: 'boolean', default: '0' });
    expect(param(a, 'method')).toMatchObject({ type: 'select', default: 'onoff', values: ['onoff', 'cycle'] });
    expect(param(a, 'ipaddr')).toMatchObject({ deprecated: true, obsoletedBy: 'ip' });
    expect(param(a, 'passwd')).toMatchObject({ deprecated: true, obsoletedBy: 'password' });
    // As Pacemaker presents fence agents: the fencer supplies action/port/plug, and start/stop exist.
    expect(param(a, 'action').required).toBe(false);
    expect(a.actions.filter((x) => x.name === 'start' || x.name === 'stop')).toEqual([
      { name: 'stop', timeout: '20s' },
      { name: 'start', timeout: '20s' },
    ]);
    expect(param(agent('stonith:fence_apc'), 'plug').required).toBe(false);
    // fencing.py "second" parameters are whole seconds (validated with int()).
    expect(param(a, 'power_timeout')).toMatchObject({ type: 'integer', default: '20' });
  });

  it('contains facts only: no description text anywhere', () => {
    const forbidden = new Set(['longdesc', 'shortdesc', 'description', 'desc']);
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (forbidden.has(k.toLowerCase())) bad.push(`${path}.${k}`);
          walk(x, `${path}.${k}`);
        }
      }
    };
    for (const p of [agentsPath, propertiesPath]) walk(JSON.parse(readFileSync(p, 'utf8')), p);
    expect(bad).toEqual([]);
  });
});

describe('Catalogue lookups', () => {
  it('synthesises systemd: and lsb: agents with the standard actions and no params', () => {
    for (const id of ['systemd:httpd', 'lsb:exim', 'systemd:foo@bar.service']) {
      const a = cat.agent(id);
      expect(a?.id).toBe(id);
      expect(a?.params).toEqual([]);
      expect(a?.actions.map((x) => x.name)).toEqual(['start', 'stop', 'monitor', 'status']);
    }
    expect(cat.agent('systemd:')).toBeUndefined();
    expect(cat.agent('ocf:heartbeat:NoSuchAgent')).toBeUndefined();
    expect(cat.agent('IPaddr2')).toBeUndefined();
    expect(cat.agentIds()).not.toContain('systemd:httpd');
  });

  it('withAgents adds and overrides agents without touching the original', () => {
    const mine: AgentFact = { id: 'ocf:acme:app', params: [], actions: [{ name: 'start' }] };
    const override: AgentFact = { id: 'ocf:heartbeat:IPaddr2', params: [], actions: [] };
    const c2 = cat.withAgents([mine, override]);
    expect(c2.agent('ocf:acme:app')).toBe(mine);
    expect(c2.agent('ocf:heartbeat:IPaddr2')).toBe(override);
    expect(c2.agentIds()).toHaveLength(246);
    expect(c2.overridesShipped('ocf:heartbeat:IPaddr2')).toBe(true);
    expect(c2.overridesShipped('ocf:acme:app')).toBe(false);
    expect(cat.agent('ocf:acme:app')).toBeUndefined();
    expect(cat.agent('ocf:heartbeat:IPaddr2')?.params.length).toBeGreaterThan(0);
    expect(c2.property('stonith-enabled')).toEqual(cat.property('stonith-enabled'));
  });

  it('defaultCatalogue is cached', () => {
    expect(defaultCatalogue()).toBe(cat);
    expect(cat).toBeInstanceOf(Catalogue);
  });

  it('loading a broken catalogue file throws CatalogueError naming it', () => {
    expect(() => loadAgentCatalogueFile(propertiesPath)).toThrow(CatalogueError);
    expect(() => loadAgentCatalogueFile(propertiesPath)).toThrow(propertiesPath);
    expect(() => loadPropertyCatalogueFile('/nonexistent/properties.json')).toThrow(/nonexistent.*cannot be read/);
  });
});

describe('property catalogue', () => {
  it('stonith-enabled, no-quorum-policy and renamed fencing options', () => {
    expect(cat.property('stonith-enabled')).toMatchObject({ type: 'boolean', default: 'true', renamedTo: 'fencing-enabled', until: '3.0.1' });
    expect(cat.property('no-quorum-policy')).toMatchObject({
      type: 'select',
      default: 'stop',
      values: ['stop', 'freeze', 'ignore', 'demote', 'suicide'],
      valuesSince: { demote: '2.0.5' },
    });
    expect(cat.property('fencing-enabled')).toMatchObject({ type: 'boolean', since: '3.0.2' });
    expect(cat.property('stonith-action')?.valuesUntil).toEqual({ poweroff: '2.1.9' });
    expect(cat.property('node-pending-timeout')).toMatchObject({ type: 'time', since: '2.1.7' });
    for (const n of ['shutdown-lock', 'shutdown-lock-limit', 'priority-fencing-delay']) {
      expect(cat.property(n)?.since).toBe('2.0.4');
    }
    expect(cat.property('default-resource-stickiness')).toMatchObject({
      until: '1.1.24',
      movedTo: { section: 'rsc_defaults', name: 'resource-stickiness' },
    });
    expect(cat.property('crmd-transition-delay')?.renamedTo).toBe('transition-delay');
    expect(cat.property('no-such-property')).toBeUndefined();
    expect(cat.propertyNames()).toContain('cluster-recheck-interval');
  });

  it('fencing params, resource meta and op meta', () => {
    expect(cat.fencingParams.map((p) => p.name)).toEqual(
      expect.arrayContaining(['pcmk_host_list', 'pcmk_host_map', 'pcmk_host_check', 'pcmk_delay_max', 'pcmk_delay_base', 'pcmk_reboot_action']),
    );
    expect(param(cat.fencingParams, 'pcmk_host_check').values).toEqual(['dynamic-list', 'static-list', 'status', 'none']);
    expect(param(cat.fencingParams, 'pcmk_delay_max').type).toBe('time');
    expect(param(cat.resourceMeta, 'target-role').values).toEqual(['Stopped', 'Started', 'Unpromoted', 'Promoted', 'Slave', 'Master']);
    expect(param(cat.resourceMeta, 'resource-stickiness').type).toBe('score');
    expect(param(cat.resourceMeta, 'failure-timeout').type).toBe('time');
    expect(param(cat.resourceMeta, 'is-managed')).toMatchObject({ type: 'boolean', default: 'true' });
    expect(param(cat.opMeta, 'on-fail').values).toEqual(['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'demote']);
    expect(param(cat.opMeta, 'interval').type).toBe('time');
  });
});

describe('platforms', () => {
  it('maps platforms to Pacemaker versions', () => {
    expect(PLATFORM_PACEMAKER_VERSION).toEqual({ el6: '1.1.18', el7: '1.1.23', el8: '2.1.7', el9: '2.1.9', el10: '3.0.1', debian12: '2.1.5', debian13: '3.0.0', sles15: '2.1.7', sles16: '3.0.1' });
  });

  it('compares versions numerically', () => {
    expect(compareVersions('2.1.10', '2.1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.1.18', '2.0.4')).toBeLessThan(0);
    expect(compareVersions('2.1', '2.1.0')).toBe(0);
    expect(compareVersions('2.1.5-1+deb12u1', '2.1.5')).toBe(0);
    expect(compareVersions('3.0.0-rc1', '3.0.0')).toBe(0);
    expect(versionInRange(PLATFORM_PACEMAKER_VERSION.el7, '2.0.4')).toBe(false);
    expect(versionInRange(PLATFORM_PACEMAKER_VERSION.el9, '2.0.4', '3.0.1')).toBe(true);
    expect(versionInRange(PLATFORM_PACEMAKER_VERSION.debian12, undefined, '1.1.24')).toBe(false);
  });
});
