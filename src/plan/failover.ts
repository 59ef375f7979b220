// The failover preview of SUMMARY.md (`hacc build --preview`): where everything starts with every
// node up, and what Pacemaker's scheduler does when each node fails or is put in standby. Pure:
// the CIBs to simulate are made here; the CLI runs crm_simulate on them.

import type { Cib } from '../cib/model.js';
import { writeCibText, XML_DECLARATION } from '../cib/write.js';
import { copyXml, createXml } from '../cib/xml-writer.js';
import type { XmlElement, XmlNode } from '../cib/xml-reader.js';
import type { TransitionAction } from './plan.js';

export type FailoverEvent = 'fails' | 'standby';

export interface FailoverScenario {
  readonly node: string;
  readonly event: FailoverEvent;
  readonly actions: readonly TransitionAction[];
}

export interface FailoverPreview {
  /** The transition that starts the cluster with every node up: where everything runs. */
  readonly start: readonly TransitionAction[];
  /** For each member in order: it fails, then it is put in standby. */
  readonly scenarios: readonly FailoverScenario[];
}

/** The built CIB as a whole `<cib>`, and the members to bring up in it. */
export function startInput(cib: Cib): { xml: string; nodesUp: string[] } {
  const nodesUp = cib.configuration.nodes.filter((n) => n.type !== 'remote').map((n) => n.uname);
  return { xml: writeCibText(cib, { full: true }).text, nodesUp };
}

/** A settled CIB (crm_simulate -O) with the standby attribute set on `uname`, as `pcs node standby` sets it. */
export function standbyCib(settled: readonly XmlNode[], uname: string): string {
  const add = (node: XmlNode): XmlNode => {
    if (node.type !== 'element') return node;
    if (node.tag === 'node' && node.attrs.get('uname') === uname) {
      const id = node.attrs.get('id') ?? uname;
      const set: XmlElement = {
        type: 'element',
        tag: 'instance_attributes',
        attrs: new Map([['id', `nodes-${id}-hacc-standby`]]),
        children: [{ type: 'element', tag: 'nvpair', attrs: new Map([['id', `nodes-${id}-hacc-standby-standby`], ['name', 'standby'], ['value', 'on']]), children: [] }],
      };
      return { ...node, children: [...node.children, set] };
    }
    // Only the configuration's nodes: the status has none of its own kind.
    if (node.tag === 'status') return node;
    return { ...node, children: node.children.map(add) };
  };
  const doc = createXml(XML_DECLARATION);
  for (const n of settled) if (n.type === 'element') copyXml(doc, add(n));
  return doc.text ? doc.text() : `${doc.end()}\n`;
}
