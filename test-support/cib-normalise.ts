import { parseXml, type XmlElement } from '../src/cib/xml-reader.js';

// A canonical text of a CIB's <configuration>, for comparing two CIBs: attributes sorted by name,
// comments and white space dropped, one element per line. With `unordered`, it also forgets what
// Pacemaker does not care about and tools write differently (pcs appends meta_attributes after
// operations, crmsh sorts nothing): the order of an element's children where it has no meaning
// (nvpairs, ops, a primitive's sets, constraints), empty attribute sets, `type="member"` on nodes,
// and an order's first-action/then-action when they are the default, start.

export interface NormaliseOptions {
  readonly unordered?: boolean;
}

const UNORDERED_PARENTS = new Set([
  'instance_attributes',
  'meta_attributes',
  'cluster_property_set',
  'operations',
  'primitive',
  'constraints',
  'nodes',
  'crm_config',
  'rsc_defaults',
  'op_defaults',
]);

function children(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element');
}

function render(el: XmlElement, depth: number, options: NormaliseOptions): string[] {
  const attrs = new Map(el.attrs);
  if (options.unordered) {
    if (el.tag === 'node' && attrs.get('type') === 'member') attrs.delete('type');
    if (el.tag === 'rsc_order') {
      if (!attrs.has('first-action')) attrs.set('first-action', 'start');
      if (!attrs.has('then-action')) attrs.set('then-action', 'start');
    }
  }
  const head = `${'  '.repeat(depth)}<${el.tag}${[...attrs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => ` ${k}=${JSON.stringify(v)}`)
    .join('')}>`;
  let kids = children(el);
  if (options.unordered) {
    kids = kids.filter((k) => !(/_attributes$|^cluster_property_set$/.test(k.tag) && children(k).length === 0));
  }
  let lines = kids.map((k) => render(k, depth + 1, options));
  if (options.unordered && UNORDERED_PARENTS.has(el.tag)) lines = lines.sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
  return [head, ...lines.flat()];
}

/** The canonical text of the `<configuration>` of a CIB (full or fragment). */
export function normaliseCib(xml: string, options: NormaliseOptions = {}): string {
  const root = parseXml(xml).find((n): n is XmlElement => n.type === 'element');
  if (!root) throw new Error('no root element');
  const conf = root.tag === 'configuration' ? root : children(root).find((c) => c.tag === 'configuration');
  if (!conf) throw new Error(`no <configuration> in <${root.tag}>`);
  return `${render(conf, 0, options).join('\n')}\n`;
}
