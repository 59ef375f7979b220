import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { at } from '../../test-support/expectations.js';

// The parser's recovery: a line that starts with a word that cannot start a line there is one
// HA001, with did-you-mean from the keywords valid at that place, skipped with its { } block; the
// rest of the file is parsed and checked as if the line were not there.

const lab = (body: string) => `cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n${body}}\n`;

function findings(text: string): string[] {
  const where = at(text);
  return checkText(text, 'r.ha').diagnostics.map((d) => `${where(d).line} ${d.code} ${d.message}${d.help ? ` | ${d.help.join(' | ')}` : ''}`);
}

describe('recovery from a line that cannot stand where it is', () => {
  it.each([
    ['proprety maintenance-mode=false\n', 'property', 'statement'],
    ['primitve p ocf:pacemaker:Dummy {\n  op monitor interval=10s\n}\n', 'primitive', 'statement'],
    ['grup g { x }\n', 'group', 'statement'],
    ['colocaton c x with y\n', 'colocation', 'statement'],
    ['ordr o x then y\n', 'order', 'statement'],
    ['locaton l x prefers a\n', 'location', 'statement'],
  ])('at the cluster level: %j is one HA001, did you mean %s', (line, keyword, what) => {
    const text = lab(`  ${line.replace(/\n(?!$)/g, '\n  ')}`);
    const found = findings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`HA001 expected a ${what}, found '${line.split(' ')[0]}'`);
    expect(found[0]).toContain(`did you mean '${keyword}'?`);
  });

  it('inside a primitive and inside a group, the keywords offered are that body’s', () => {
    const text = lab(`  primitive p ocf:pacemaker:Dummy {
    parms fake=1
    op monitor interval=10s
  }
  group g {
    primtive q ocf:pacemaker:Dummy {
      op monitor interval=10s
    }
    p
  }
`);
    expect(findings(text)).toEqual([
      "6 HA001 expected a line of a primitive, found 'parms' | did you mean 'params'? | a line of a primitive starts with one of: params, meta, utilization, op, operations, start, stop, monitor, default-ops, description",
      "10 HA001 expected a line of a group, found 'primtive' | did you mean 'primitive'? | a line of a group starts with one of: primitive, meta, params, description",
    ]);
  });

  it('a keyword that belongs elsewhere says where it belongs', () => {
    expect(findings(lab('  op monitor interval=10s\n  params fake=1\n'))).toEqual([
      "5 HA001 'op' cannot stand here: an op line goes inside a primitive's { } | a statement starts with one of: platform, autostart, auth, node, host, property, defaults, op-defaults, primitive, template, group, clone, promotable, bundle, location, colocation, order, ticket, tag, fencing-level, alert, acl-role, acl-user, acl-group, sbd, corosync",
      "6 HA001 'params' cannot stand here: a params line goes inside a primitive's { } | a statement starts with one of: platform, autostart, auth, node, host, property, defaults, op-defaults, primitive, template, group, clone, promotable, bundle, location, colocation, order, ticket, tag, fencing-level, alert, acl-role, acl-user, acl-group, sbd, corosync",
    ]);
  });

  it('an unknown block is skipped whole, nested blocks included, and what follows is checked', () => {
    const text = lab(`  quorum-device {
    totem { token=5000 }
    quorum { primitive x y { } }
  }
  primitive p ocf:pacemaker:Dummy {
    params fak=1
    op monitor interval=10s
  }
`);
    const found = findings(text);
    expect(found.map((f) => f.split(' | ')[0])).toEqual(["5 HA001 expected a statement, found 'quorum-device'", "10 HA203 unknown parameter 'fak' for ocf:pacemaker:Dummy"]);
  });

  it('several mistakes in one file: one diagnostic each, no cascade', () => {
    const text = lab('  proprety a=1\n  primitve p x\n  grup g { p }\n  colocaton c p with p\n');
    expect(findings(text).map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['5 HA001', '6 HA001', '7 HA001', '8 HA001']);
  });

  it('a missing } before the next statement is put back by recovery (one HA001), and the statement after it is read', () => {
    const text = lab(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  primitive q ocf:pacemaker:Dummy {
    params fak=1
    op monitor interval=10s
  }
`);
    const found = findings(text).map((f) => f.split(' | ')[0]);
    expect(found).toEqual(["7 HA001 expected '}', found 'primitive'", "8 HA203 unknown parameter 'fak' for ocf:pacemaker:Dummy"]);
  });
});
