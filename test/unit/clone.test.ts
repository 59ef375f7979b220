// Clones and promotable clones past the construct fixtures: the forms per platform (<master> and
// master-max on Pacemaker 1.1, <clone> with promotable=true on 2.1), import of both, setup.sh's
// pcs commands or XML and the packages the agents need, and what SUMMARY.md says about them.

import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { cibXml } from '../../src/emit/cib.js';
import { importCib } from '../../src/import/import.js';
import { lower } from '../../src/lower/lower.js';
import type { PlatformName } from '../../src/model/platforms.js';
import { readText } from '../../test-support/expectations.js';
import { build } from '../../test-support/setup-script-harness.js';

const catalogue = defaultCatalogue();

const DB = `cluster lab {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s timeout=20s role=Promoted
      op monitor interval=11s timeout=20s role=Unpromoted
    }
    meta promoted-max=1 notify=true
  }
  primitive vip ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20s
  }
  colocation vip-with-db vip with db-clone with-rsc-role=Promoted
  order db-then-vip db-clone then vip first-action=promote
}
`;

function cibOf(text: string, target: PlatformName): string {
  const r = checkText(text, 'test.ha', { catalogue, target });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return cibXml(lower(r.checked!, catalogue), { full: true });
}

describe('a promotable clone per platform', () => {
  it('el9: <clone> with promotable=true among the sorted meta, roles Promoted/Unpromoted', () => {
    const xml = cibOf(DB, 'el9');
    expect(xml).toContain('<clone id="db-clone">');
    expect(xml).not.toContain('<master');
    const meta = xml.slice(xml.indexOf('<meta_attributes id="db-clone-meta_attributes">'), xml.indexOf('</clone>'));
    expect([...meta.matchAll(/name="([^"]+)"/g)].map((m) => m[1])).toEqual(['notify', 'promotable', 'promoted-max']);
    expect(xml).toContain('role="Promoted"');
    expect(xml).toContain('rsc-role="Started" with-rsc-role="Promoted"');
  });

  it('el7: <master> with master-max, no promotable meta, roles Master/Slave, whichever names the file used', () => {
    for (const text of [DB, DB.replace('promoted-max=1', 'master-max=1').replace('role=Promoted', 'role=Master')]) {
      const xml = cibOf(text, 'el7');
      expect(xml).toContain('<master id="db-clone">');
      expect(xml).toContain('name="master-max" value="1"');
      expect(xml).not.toContain('promoted-max');
      expect(xml).not.toContain('name="promotable"');
      expect(xml).toContain('role="Master"');
      expect(xml).toContain('role="Slave"');
      expect(xml).toContain('with-rsc-role="Master"');
    }
  });

  it('imports back to the same file from either CIB', () => {
    for (const target of ['el7', 'el9'] as const) {
      const xml = cibOf(DB, target);
      const imported = importCib(xml, { catalogue, target });
      expect(imported.unsupported).toEqual([]);
      expect(imported.text).toContain('promotable db-clone {\n    primitive db ocf:pacemaker:Stateful\n');
      expect(imported.text).toContain('colocation vip-with-db vip with db-clone with-rsc-role=');
      expect(imported.text).not.toContain('promotable=true');
      expect(cibOf(imported.text, target)).toBe(xml);
    }
  });
});

describe('setup.sh for clones', () => {
  it('pcs 0.11 (el9, debian12): the child, then resource promotable|clone CHILD ID with the meta', () => {
    for (const platform of ['el9', 'debian12'] as const) {
      const { script } = build(DB, platform);
      expect(script).toContain('resource promotable -- db db-clone notify=true promoted-max=1');
      expect(script).not.toContain('write_resources');
    }
    const { script } = build(readText('fixtures/constructs/clone.ha'), 'el9');
    expect(script).toContain('resource clone -- ping ping-clone interleave=true');
    expect(script).toContain('resource clone -- storage storage-clone clone-max=2 interleave=true');
    expect(script.indexOf('--group storage')).toBeLessThan(script.indexOf('resource clone -- storage'));
  });

  it('pcs 0.10 (el8) writes Master/Slave: a configuration with a role loads as XML; one without keeps pcs', () => {
    const withRoles = build(DB, 'el8').script;
    expect(withRoles).toContain('write_resources');
    expect(withRoles).toContain('pcs 0.10 writes the roles Promoted and Unpromoted as Master and Slave.');
    const plain = build(readText('fixtures/constructs/clone.ha'), 'el8').script;
    expect(plain).not.toContain('write_resources');
    expect(plain).toContain('resource clone -- ping ping-clone interleave=true');
  });

  it('pcs 0.9 (el6, el7) names a clone itself: clones load as XML', () => {
    for (const platform of ['el6', 'el7'] as const) {
      const { script } = build(readText('fixtures/constructs/clone.ha').replace('cluster lab {', `cluster lab {\n  platform ${platform}`), platform);
      expect(script).toContain('write_resources');
      expect(script).toContain("pcs 0.9 cannot give a clone the file's name");
    }
  });

  it('installs what DRBD, dlm and gfs2 need, per platform', () => {
    const text = `cluster lab {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  primitive fence stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b" pcmk_delay_base=5s
    op monitor interval=60s
  }
  clone dlm-clone {
    primitive dlm ocf:pacemaker:controld {
      op monitor interval=30s timeout=20s
    }
    meta interleave=true
  }
  clone gfs-clone {
    primitive gfs ocf:heartbeat:Filesystem {
      params device=/dev/vg/lv directory=/srv fstype=gfs2
      op monitor interval=20s timeout=40s
    }
    meta interleave=true
  }
  promotable drbd-clone {
    primitive drbd ocf:linbit:drbd {
      params drbd_resource=r0
      op monitor interval=29s role=Promoted
      op monitor interval=31s role=Unpromoted
    }
    meta notify=true
  }
}
`;
    const install = (platform: PlatformName) =>
      build(text, platform)
        .script.replace(/ \\\n\s+/g, ' ')
        .split('\n')
        .find((l) => /(?:yum|dnf|apt-get) install/.test(l)) ?? '';
    expect(install('debian12')).toMatch(/ dlm-controld gfs2-utils drbd-utils$/);
    expect(install('el9')).toMatch(/ dlm gfs2-utils drbd9x-utils kmod-drbd9x$/);
    expect(install('el7')).toMatch(/ dlm gfs2-utils drbd84-utils kmod-drbd84/);
  });
});

describe('SUMMARY.md for clones', () => {
  it('says what each clone runs, where, how many promoted, and keeps the roles', () => {
    const { summary } = build(DB, 'el9');
    expect(summary).toContain('- Promotable clone `db-clone`: one instance on every node that may run it of `db`; 1 promoted at a time.');
    expect(summary).toContain('| `db` | `ocf:pacemaker:Stateful` | `db-clone` (clone) |');
    expect(summary).toContain('monitor every 10s (timeout 20s, role Promoted)');
    expect(summary).toContain('runs with `db-clone` (`vip-with-db`, score INFINITY, in role Started, with `db-clone` in role Promoted)');
  });
});
