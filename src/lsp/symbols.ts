// Every name of a file where it is declared and where it is used, from the syntax tree: what go to
// definition, find references, rename and the outline read. Two namespaces, as in the cluster:
// machines (nodes and hosts) and CIB ids (resources and constraints share one, as in the CIB).

import { assertNever } from '../assert-never.js';
import { TEMPLATE_PREFIX, templateName } from '../language/template.js';
import type * as A from '../syntax/ast.js';
import type { Span } from '../syntax/span.js';

export type Namespace = 'machine' | 'id';

/** What declares a name: the statement's kind. */
export type DeclKind = 'node' | 'host' | 'primitive' | 'template' | 'group' | 'clone' | 'promotable' | 'bundle' | 'acl-role' | 'location' | 'colocation' | 'order' | 'ticket' | 'tag' | 'alert';

export interface Occurrence {
  readonly name: string;
  readonly namespace: Namespace;
  readonly span: Span;
  /** Set on a declaration: what declares it. */
  readonly declares?: DeclKind;
}

/** Parameters whose value lists nodes by name (fencing devices' targets). */
const NODE_LIST_PARAMS = new Set(['pcmk_host_list']);

function at(ident: A.Ident | A.Value): Span {
  return { start: ident.start, end: ident.end };
}

/** The node names a `pcmk_host_list=a,b c` lists, where each stands in the file (an unquoted value only: offsets are exact there). */
function nodeList(value: A.Value, out: Occurrence[]): void {
  if (value.quoted || value.secret) return;
  for (const m of value.text.matchAll(/[^\s,]+/g)) {
    const start = value.start + m.index;
    out.push({ name: m[0], namespace: 'machine', span: { start, end: start + m[0].length } });
  }
}

function primitive(p: A.PrimitiveStmt | A.TemplateStmt, out: Occurrence[]): void {
  out.push({ name: p.name.text, namespace: 'id', span: at(p.name), declares: p.kind });
  // `@T`: the template's name.
  if (p.kind === 'primitive' && templateName(p.agent.text) !== undefined) out.push({ name: templateName(p.agent.text)!, namespace: 'id', span: { start: p.agent.start + TEMPLATE_PREFIX.length, end: p.agent.end } });
  for (const item of p.body ?? []) {
    if (item.kind !== 'attr-set' || item.keyword.text !== 'params') continue;
    for (const a of item.attrs) if (NODE_LIST_PARAMS.has(a.key.text)) nodeList(a.value, out);
  }
}

function member(item: A.GroupItem | A.CloneItem | Exclude<A.BundleItem, A.BundleLine>, out: Occurrence[]): void {
  switch (item.kind) {
    case 'primitive':
      primitive(item, out);
      break;
    case 'member':
      out.push({ name: item.name.text, namespace: 'id', span: at(item.name) });
      break;
    case 'group':
      group(item, out);
      break;
    case 'attr-set':
    case 'description':
      break;
    default:
      assertNever(item);
  }
}

function group(g: A.GroupStmt, out: Occurrence[]): void {
  out.push({ name: g.name.text, namespace: 'id', span: at(g.name), declares: 'group' });
  for (const item of g.items) member(item, out);
}

/** Every occurrence of a name in the file, in source order. */
export function occurrences(file: A.HaFile): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of file.cluster?.statements ?? []) {
    switch (s.kind) {
      case 'node':
      case 'host':
        out.push({ name: s.name.text, namespace: 'machine', span: at(s.name), declares: s.kind });
        break;
      case 'primitive':
      case 'template':
        primitive(s, out);
        break;
      case 'group':
        group(s, out);
        break;
      case 'clone':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: s.keyword.text });
        for (const item of s.items) member(item, out);
        break;
      case 'bundle':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: 'bundle' });
        for (const item of s.items) if (item.kind !== 'bundle-line') member(item, out);
        break;
      case 'acl-role':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: 'acl-role' });
        break;
      case 'acl-target': {
        const roles = s.attrs.filter((a) => a.key.text === 'roles').pop();
        const base = roles ? roles.value.start + (roles.value.quoted ? 1 : 0) : 0;
        for (const m of roles?.value.text.matchAll(/[^,\s]+/g) ?? []) out.push({ name: m[0], namespace: 'id', span: { start: base + m.index, end: base + m.index + m[0].length } });
        break;
      }
      case 'location':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: 'location' });
        if (s.resource) out.push({ name: s.resource.text, namespace: 'id', span: at(s.resource) });
        for (const t of s.targets) out.push({ name: t.node.text, namespace: 'machine', span: at(t.node) });
        break;
      case 'tag':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: 'tag' });
        for (const m of s.members) out.push({ name: m.name.text, namespace: 'id', span: at(m.name) });
        break;
      case 'colocation':
      case 'order':
      case 'ticket':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: s.kind });
        for (const r of [s.resource, ...s.sets.flatMap((set) => set.members), s.kind === 'ticket' ? undefined : s.target]) if (r) out.push({ name: r.text, namespace: 'id', span: at(r) });
        break;
      case 'alert':
        out.push({ name: s.name.text, namespace: 'id', span: at(s.name), declares: 'alert' });
        break;
      case 'fencing-level':
        if (s.target) out.push({ name: s.target.text, namespace: 'machine', span: at(s.target) });
        for (const d of s.devices) out.push({ name: d.text, namespace: 'id', span: at(d) });
        break;
      case 'sbd':
        // A per-node watchdog names its node.
        for (const l of s.body) for (const a of l.attrs) if (l.keyword.text === 'watchdog' && a.key.text === 'node' && !a.value.quoted) out.push({ name: a.value.text, namespace: 'machine', span: at(a.value) });
        break;
      case 'corosync':
        // A quorum device's host= may name a host line.
        for (const l of s.body) for (const a of l.attrs) if (l.keyword.text === 'qdevice' && a.key.text === 'host' && !a.value.quoted) out.push({ name: a.value.text, namespace: 'machine', span: at(a.value) });
        break;
      case 'platform':
      case 'autostart':
      case 'auth':
      case 'attr-set':
        break;
      default:
        assertNever(s);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The occurrence under an offset (its end counts: the cursor just after a name is on it). */
export function occurrenceAt(list: readonly Occurrence[], offset: number): Occurrence | undefined {
  return list.find((o) => o.span.start <= offset && offset <= o.span.end);
}

/** Every occurrence of the same name in the same namespace: its declarations and its uses. */
export function sameName(list: readonly Occurrence[], o: Occurrence): Occurrence[] {
  return list.filter((x) => x.name === o.name && x.namespace === o.namespace);
}
