import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { diffCib } from '../../src/cib/diff.js';
import type { Cib, CibConfiguration, CibPrimitive } from '../../src/cib/model.js';
import { readCib } from '../../src/cib/read.js';
import { writeCib } from '../../src/cib/write.js';
import { parseXml } from '../../src/cib/xml-reader.js';
import { lower } from '../../src/lower/lower.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { generateHa } from '../../test-support/generate.js';

// The one CIB model: what build writes, import reads back as the same model, and diff compares.

const catalogue = defaultCatalogue();

function lowered(text: string): Cib {
  const r = checkText(text, 'x.ha', { catalogue });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return lower(r.checked!, catalogue).cib;
}

/** The model with secrets as the reader sees them (a comment: name and reference, no id). */
function withoutSecretIds(conf: CibConfiguration): CibConfiguration {
  return JSON.parse(JSON.stringify(conf, (k, v: unknown) => (v && typeof v === 'object' && (v as { value?: { kind?: string } }).value?.kind === 'secret' ? { ...(v as object), id: '' } : v))) as CibConfiguration;
}

describe('the CIB model', () => {
  const texts = [
    ...listFiles('fixtures', '.ha').map((p) => ({ name: p, text: readText(p) })),
    ...Array.from({ length: 20 }, (_, seed) => ({ name: `generated ${seed}`, text: generateHa(seed, { resources: 1 + (seed % 10) }) })),
  ].filter(({ text }) => checkText(text, 'x.ha', { catalogue }).checked !== undefined);

  it('read(write(cib)) is the model that was written, for every clean fixture and generated cluster', () => {
    expect(texts.length).toBeGreaterThan(25);
    for (const { name, text } of texts) {
      const cib = lowered(text);
      for (const full of [true, false]) {
        const read = readCib(parseXml(writeCib(cib, { full })));
        expect(read.unsupported, name).toEqual([]);
        expect(read.cib.configuration, name).toEqual(withoutSecretIds(cib.configuration));
        if (full) expect(read.cib.validateWith).toBe(cib.validateWith);
      }
    }
  });

  it('diff: nothing between a configuration and itself', () => {
    for (const { text } of texts) {
      const cib = lowered(text);
      expect(diffCib(cib.configuration, cib.configuration)).toEqual([]);
    }
  });

  it('diff: objects by id, field by field; secrets by their reference only', () => {
    const base = `cluster c {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
  primitive gone ocf:pacemaker:Dummy
  location vip-on-a vip prefers a=100
`;
    const before = lowered(`${base}}\n`).configuration;
    const after = lowered(
      `${base.replace('ip=10.0.0.30', 'ip=10.0.0.31').replace('timeout=20s', 'timeout=30s').replace('a=100', 'a=50').replace('  primitive gone ocf:pacemaker:Dummy\n', '')}  primitive fence stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list=a
  }
}
`,
    ).configuration;
    const changes = diffCib(before, after);
    expect(changes.map((c) => `${c.op} ${c.kind} ${c.id}`)).toEqual(['update primitive vip', 'create primitive fence', 'update location vip-on-a', 'delete primitive gone']);
    expect(changes[0]!.fields).toEqual([
      { path: 'op.vip-monitor-interval-10s.timeout', from: '20s', to: '30s' },
      { path: 'params.ip', from: '10.0.0.30', to: '10.0.0.31' },
    ]);
    expect(changes[1]!.fields).toContainEqual({ path: 'params.password', to: '(secret)' });
    expect(changes[2]!.fields).toEqual([{ path: 'score', from: '100', to: '50' }]);
  });

  it('diff: a secret is never shown, and is compared only when both sides are literal', () => {
    const fence = (password: string) =>
      lowered(`cluster c {
  node a addr=10.0.0.1/24
  primitive fence stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=${password} pcmk_host_list=a
  }
}
`).configuration;
    // What a live cluster holds: the password as a literal (a .ha file cannot write one).
    const holding = (password: string) => {
      const conf = fence('env:IPMI_PASSWORD');
      const [p] = conf.resources as CibPrimitive[];
      const params = p!.instanceAttributes!;
      const pairs = params.pairs.map((pair) => (pair.name === 'password' ? { ...pair, value: { kind: 'literal' as const, text: password } } : pair));
      return { ...conf, resources: [{ ...p!, instanceAttributes: { ...params, pairs } }] };
    };
    const [env, other, literal, same] = [fence('env:IPMI_PASSWORD'), fence('env:OTHER'), holding('hunter2'), holding('hunter2')];
    // A reference has no value until the script runs: it is not compared with what the cluster holds.
    expect(diffCib(literal, env)).toEqual([]);
    expect(diffCib(env, other)).toEqual([]);
    expect(diffCib(literal, same)).toEqual([]);
    const changed = diffCib(literal, holding('correct-horse'));
    expect(changed.map((c) => c.fields)).toEqual([[{ path: 'params.password', from: '(secret)', to: '(secret)' }]]);
    expect(JSON.stringify(changed)).not.toMatch(/hunter2|correct-horse/);
  });
});
