import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { emitAll } from '../../src/emit/index.js';
import { importCib } from '../../src/import/import.js';
import { STATEMENTS } from '../../src/language/index.js';
import type { Context } from '../../src/language/vocabulary.js';
import type * as A from '../../src/syntax/ast.js';
import { parseHa } from '../../src/syntax/parse.js';
import { walk } from '../../src/syntax/walk.js';
import { listFiles, readText } from '../../test-support/expectations.js';

// fixtures/constructs/ holds one file per construct of the language. Each checks clean, and its CIB
// survives the round trip build → import → build unchanged: the CIB writer, the reader, the raise to
// a tree and the printer agree on it. The Pacemaker suite validates the same CIBs with the schema and
// crm_verify (test/pacemaker/cib.test.ts reads every fixture). A construct the grammar has and no
// file here uses fails below.

const catalogue = defaultCatalogue();
const files = listFiles('fixtures/constructs', '.ha');

/** `expected`: codes the file may give (an imported file has no node addresses: HA306 for each node). */
function cibOf(text: string, path: string, expected: readonly string[] = []): string {
  const r = checkText(text, path, { catalogue });
  expect(r.diagnostics.filter((d) => !expected.includes(d.code)).map((d) => `${d.code} ${d.message}`), path).toEqual([]);
  return emitAll(r.checked!, catalogue, { cib: 'full' }).find((a) => a.path === 'cib.xml')!.contents;
}

/**
 * Every kind of statement and body line the syntax tree has. A Record over the union: a new kind is
 * a compile error here until it is listed, and then a failure below until a construct file uses it.
 */
const KINDS: Record<A.Statement['kind'] | A.PrimitiveItem['kind'] | A.GroupItem['kind'] | A.CloneItem['kind'] | A.BundleItem['kind'] | A.AclRoleItem['kind'] | A.AlertItem['kind'] | A.StackLine['kind'], true> = {
  platform: true,
  autostart: true,
  auth: true,
  node: true,
  host: true,
  'attr-set': true,
  primitive: true,
  template: true,
  operations: true,
  description: true,
  group: true,
  clone: true,
  bundle: true,
  'bundle-line': true,
  'acl-role': true,
  'acl-target': true,
  'acl-permission': true,
  location: true,
  colocation: true,
  order: true,
  ticket: true,
  tag: true,
  'fencing-level': true,
  alert: true,
  sbd: true,
  corosync: true,
  'stack-line': true,
  select: true,
  recipient: true,
  op: true,
  command: true,
  'default-ops': true,
  member: true,
};

/**
 * Every kind of rule expression, and where a fixture uses it: a construct file, or (the `resource`
 * and `op` expressions, which only the defaults' rules take, HA223 elsewhere) an error fixture.
 */
const RULE_KINDS: Record<A.RuleExpr['kind'], 'constructs' | 'err'> = {
  'rule-bool': 'constructs',
  'rule-group': 'constructs',
  'rule-defined': 'constructs',
  'rule-compare': 'constructs',
  'rule-date': 'constructs',
  'rule-date-spec': 'constructs',
  'rule-resource': 'err',
  'rule-op': 'err',
};

/** `context:keyword` of every statement and body line of a file, and the kinds of their nodes. */
function linesOf(text: string): { keywords: Set<string>; kinds: Set<string> } {
  const cluster = parseHa(text).file.cluster!;
  const keywords = new Set<string>();
  const kinds = new Set<string>();
  const line = (context: Context, node: A.Statement | A.PrimitiveItem | A.GroupItem | A.CloneItem | A.BundleItem | A.AclRoleItem | A.AlertItem | A.StackLine) => {
    kinds.add(node.kind);
    const keyword =
      node.kind === 'attr-set' || node.kind === 'clone' || node.kind === 'stack-line' || node.kind === 'bundle-line' || node.kind === 'acl-permission' || node.kind === 'acl-target' ? node.keyword.text : node.kind === 'command' ? node.action.text : node.kind === 'member' ? undefined : node.kind;
    if (keyword !== undefined) keywords.add(`${context}:${keyword}`);
  };
  walk(cluster, (node, parent) => {
    if (parent?.kind === 'cluster' && node.kind !== 'ident') line('cluster', node as A.Statement);
    else if ((parent?.kind === 'primitive' || parent?.kind === 'template') && node.kind !== 'ident') line('primitive', node as A.PrimitiveItem);
    else if (parent?.kind === 'group' && node.kind !== 'ident') line('group', node as A.GroupItem);
    else if (parent?.kind === 'clone' && node.kind !== 'ident') line('clone', node as A.CloneItem);
    else if (parent?.kind === 'bundle' && node.kind !== 'ident') line('bundle', node as A.BundleItem);
    else if (parent?.kind === 'acl-role' && node.kind !== 'ident') line('acl-role', node as A.AclRoleItem);
    else if (parent?.kind === 'op' && node.kind === 'attr-set') line('op', node);
    else if (parent?.kind === 'alert' && node.kind !== 'ident' && node.kind !== 'value') line('alert', node as A.AlertItem);
    else if (parent?.kind === 'recipient' && node.kind === 'attr-set') line('recipient', node);
    else if (parent?.kind === 'node' && (node.kind === 'attr-set' || node.kind === 'description')) line('node', node);
    else if ((parent?.kind === 'sbd' || parent?.kind === 'corosync') && node.kind === 'stack-line') line(parent.kind, node);
  });
  return { keywords, kinds };
}

describe('construct fixtures', () => {
  it('cover every statement and body line of the language', () => {
    const keywords = new Set<string>();
    const kinds = new Set<string>();
    for (const f of files) {
      const found = linesOf(readText(f));
      for (const k of found.keywords) keywords.add(k);
      for (const k of found.kinds) kinds.add(k);
    }
    const vocabulary = STATEMENTS.map((s) => `${s.context}:${s.keyword}`);
    expect(vocabulary.filter((k) => !keywords.has(k)), 'keywords no file of fixtures/constructs uses').toEqual([]);
    expect(Object.keys(KINDS).filter((k) => !kinds.has(k)), 'syntax kinds no file of fixtures/constructs uses').toEqual([]);
  });

  it('use every kind of rule expression', () => {
    const used = (dir: string) => {
      const kinds = new Set<string>();
      for (const f of listFiles(dir, '.ha')) walk(parseHa(readText(f)).file, (n) => void kinds.add(n.kind));
      return kinds;
    };
    const where = { constructs: used('fixtures/constructs'), err: used('fixtures/err') };
    expect(Object.entries(RULE_KINDS).filter(([kind, dir]) => !where[dir].has(kind))).toEqual([]);
  });

  for (const f of files) {
    it(`${f}: checks clean, and build(import(build(file))) is build(file)`, () => {
      const built = cibOf(readText(f), f);
      const imported = importCib(built, { catalogue });
      expect(imported.unsupported).toEqual([]);
      expect(cibOf(imported.text, `${f} (imported)`, ['HA306'])).toBe(built);
    });
  }
});
