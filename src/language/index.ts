// The language's statements and body lines, by the place they may stand. The parser offers these
// as did-you-mean for a misspelt keyword; a keyword valid elsewhere is named with where it belongs.

import * as alert from './alert.js';
import * as acl from './acl.js';
import * as attributeSet from './attribute-set.js';
import { auth } from './auth.js';
import { autostart } from './autostart.js';
import * as bundle from './bundle.js';
import * as clone from './clone.js';
import { colocation } from './colocation.js';
import * as description from './description.js';
import * as corosync from './corosync.js';
import { fencingLevel } from './fencing-level.js';
import { group } from './group.js';
import { location } from './location.js';
import { host, node } from './machine.js';
import { order } from './order.js';
import { ticket } from './ticket.js';
import { tag } from './tag.js';
import { template } from './template.js';
import { platform } from './platform.js';
import * as primitive from './primitive.js';
import * as sbd from './sbd.js';
import type { Context, KeyFact, StatementVocabulary } from './vocabulary.js';

/** Every statement and body line, in the order the grammar reference lists them. */
export const STATEMENTS: readonly StatementVocabulary[] = [
  platform,
  autostart,
  auth,
  node,
  host,
  attributeSet.property,
  attributeSet.defaults,
  attributeSet.opDefaults,
  primitive.primitive,
  template,
  group,
  clone.clone,
  clone.promotable,
  bundle.bundle,
  location,
  colocation,
  order,
  ticket,
  tag,
  fencingLevel,
  alert.alert,
  acl.aclRole,
  acl.aclUser,
  acl.aclGroup,
  sbd.sbd,
  corosync.corosync,
  attributeSet.nodeAttributes,
  attributeSet.nodeUtilization,
  description.nodeDescription,
  attributeSet.params,
  attributeSet.primitiveMeta,
  attributeSet.primitiveUtilization,
  primitive.op,
  primitive.operations,
  ...primitive.commands,
  primitive.defaultOps,
  description.primitiveDescription,
  primitive.groupPrimitive,
  attributeSet.groupMeta,
  attributeSet.groupParams,
  description.groupDescription,
  primitive.clonePrimitive,
  clone.cloneGroup,
  attributeSet.cloneMeta,
  attributeSet.cloneParams,
  description.cloneDescription,
  ...bundle.BUNDLE_LINES,
  primitive.bundlePrimitive,
  attributeSet.bundleMeta,
  description.bundleDescription,
  ...acl.PERMISSION_LINES,
  description.aclRoleDescription,
  attributeSet.opParams,
  attributeSet.opMeta,
  alert.alertMeta,
  alert.alertParams,
  alert.select,
  alert.recipient,
  alert.recipientMeta,
  alert.recipientParams,
  sbd.device,
  sbd.watchdog,
  sbd.init,
  sbd.options,
  ...corosync.COROSYNC_LINES,
];

/** The keywords that start a statement or body line in one context. */
export function keywordsIn(context: Context): string[] {
  return STATEMENTS.filter((s) => s.context === context).map((s) => s.keyword);
}

/** Where a keyword stands, when not in `context`: `an op line goes inside a primitive's { }`. */
export function whereElse(keyword: string, context: Context): string | undefined {
  const other = STATEMENTS.find((s) => s.keyword === keyword && s.context !== context);
  if (!other) return undefined;
  switch (other.context) {
    case 'cluster':
      return `${other.described} stands directly in the cluster block`;
    case 'primitive':
      return `${other.described} goes inside a primitive's { }`;
    case 'group':
      return `${other.described} goes inside a group's { }`;
    case 'clone':
      return `${other.described} goes inside a clone's { }`;
    case 'bundle':
      return `${other.described} goes inside a bundle's { }`;
    case 'acl-role':
      return `${other.described} goes inside an acl-role's { }`;
    case 'op':
      return `${other.described} goes inside an op's { }`;
    case 'alert':
      return `${other.described} goes inside an alert's { }`;
    case 'recipient':
      return `${other.described} goes inside a recipient's { }`;
    case 'node':
      return `${other.described} goes inside a node's { }`;
    case 'sbd':
      return `${other.described} goes inside an sbd { } block`;
    case 'corosync':
      return `${other.described} goes inside a corosync { } block`;
  }
}

/** A key of a statement whose keys hacc defines. */
export function keyFact(keyword: string, name: string): KeyFact | undefined {
  return STATEMENTS.find((s) => s.keyword === keyword && s.keys !== undefined)?.keys?.find((k) => k.name === name);
}

/** The keys hacc defines for a statement (undefined where the catalogue's or none apply). */
export function statementKeys(keyword: string): readonly string[] | undefined {
  return STATEMENTS.find((s) => s.keyword === keyword && s.keys !== undefined)?.keys?.map((k) => k.name);
}
