import { USER_NAME } from '../../language/auth.js';
import { SELECT_KINDS } from '../../language/alert.js';
import { AUTOSTART_VALUES } from '../../language/autostart.js';
import { COROSYNC_LINE_WORDS } from '../../language/corosync.js';
import { PLATFORM_NAMES } from '../../language/platform.js';
import { SBD_LINE_WORDS } from '../../language/sbd.js';
import { BUNDLE_LINE_WORDS, CONTAINER_TYPES } from '../../language/bundle.js';
import { PERMISSION_SCOPES } from '../../language/acl.js';
import { isOwnSet, SET_ID_KEY, SET_ID_REF_KEY, SET_SCORE_KEY } from '../../language/attribute-set.js';
import { RESOURCE_SET_KEY_FACTS } from '../../language/resource-set.js';
import { DATE_SPEC_KEYS, DURATION_KEYS, OP_EXPRESSION_KEYS, RULE_KEYS } from '../../language/rule.js';
import { statementKeys } from '../../language/index.js';
import { DEFAULT_OPS_VALUES } from '../../language/primitive.js';
import { ENV_NAME } from '../../language/secret.js';
import type { ClusterModel } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';


/** A bare `env:`/`file:` value must name a variable or an absolute path. */
function checkSecret(ctx: RuleContext, v: A.Value): void {
  const s = v.secret;
  if (!s || (s.scheme === 'env' ? ENV_NAME.test(s.ref) : s.ref.startsWith('/'))) return;
  ctx.report({
    node: v,
    message: `invalid secret reference '${v.text}'`,
    help: [
      s.scheme === 'env'
        ? 'write env:NAME, where NAME is an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'
        : 'write file:/absolute/path to a file that holds the secret',
    ],
  });
}

/** The keys of statements whose keys are part of the language (node, host, auth, location, colocation, order). */
function checkKeys(ctx: RuleContext, statement: string, attrs: readonly A.Attr[]): void {
  const allowed = statementKeys(statement);
  if (allowed) checkClosedKeys(ctx, statement, attrs, allowed);
}

/** Keys from a closed list (a rule's, a date-spec's…): each other one is reported, with did-you-mean. */
function checkClosedKeys(ctx: RuleContext, what: string, attrs: readonly A.Attr[], allowed: readonly string[]): void {
  for (const a of attrs) {
    if (allowed.includes(a.key.text)) continue;
    ctx.report({ node: a, property: 'key', message: `unknown attribute '${a.key.text}' for ${what}: expected ${allowed.join(', ')}`, ...misspelt(a.key.text, allowed) });
  }
}

/** What a location places: a resource, or the resources `rsc-pattern=` matches; not both, not neither. */
function checkLocationSubject(ctx: RuleContext, l: A.LocationStmt): void {
  const pattern = l.attrs.find((a) => a.key.text === 'rsc-pattern');
  const sets = l.sets[0];
  if (l.resource && pattern) {
    ctx.report({ node: pattern, property: 'key', message: `a location names a resource or rsc-pattern=, not both ('${l.resource.text}' is named already)`, help: ['drop the resource name to place every resource the pattern matches'] });
  } else if (sets && (l.resource || pattern)) {
    ctx.report({ node: sets, message: 'a location names a resource, rsc-pattern= or resource sets: one of them', help: ['put the resource in the set'] });
  } else if (!l.resource && !pattern && !sets) {
    ctx.report({ node: l.name, message: `location '${l.name.text}' names no resource`, help: [`location ${l.name.text} RESOURCE …, rsc-pattern=REGEX for every resource whose name matches, or { A B } for several`] });
  }
}

/**
 * A level has one target: a node name, or target-pattern=, or target-attribute= with target-value=
 * (the CIB schema's choice). The parser took the node name only when no target-* key was written.
 */
function checkLevelTarget(ctx: RuleContext, level: A.FencingLevelStmt): void {
  const given = (key: string) => level.attrs.find((a) => a.key.text === key);
  const [pattern, attribute, value] = [given('target-pattern'), given('target-attribute'), given('target-value')];
  if (pattern && (attribute || value)) {
    ctx.report({ node: attribute ?? value!, property: 'key', message: 'a fencing level has one target: target-pattern= or target-attribute=, not both', help: ['write two levels, one for each target'] });
  } else if (attribute && !value) {
    ctx.report({ node: attribute, property: 'key', message: 'target-attribute= needs target-value=: the level is for the nodes whose attribute has that value', help: [`target-attribute=${attribute.value.text} target-value=VALUE`] });
  } else if (value && !attribute) {
    ctx.report({ node: value, property: 'key', message: 'target-value= needs target-attribute=, the node attribute it is the value of', help: [`target-attribute=NAME target-value=${value.value.text}`] });
  }
}

export const ha001: Rule = {
  code: 'HA001',
  name: 'syntax-error',
  severity: 'error',
  docs: {
    summary: 'The file does not follow the .ha grammar; the message says what was expected.',
    rationale:
      'hacc recovers after a syntax error and keeps checking, so one run shows every mistake. Nothing is built from a file with syntax errors.',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location p-prefers-a p prefers
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    for (const d of ctx.syntax) {
      if (d.code !== 'HA001') continue;
      const fix = d.fixes?.[0];
      ctx.report({ node: d.span, message: d.message, help: d.help ?? [], ...(fix ? { fix: { title: fix.title, replacement: fix.replacement, at: fix.span } } : {}) });
    }
    // The words the grammar leaves open but the language closes: keys, ids, `default-ops none`,
    // secrets. A file without a cluster block has no model (HA001 runs with the syntax rules).
    const model = ctx.model as ClusterModel | undefined;
    if (!model) return;
    for (const { node, parent } of model.treeNodes) {
      switch (node.kind) {
        case 'auth':
        case 'node':
        case 'host':
        case 'location':
        case 'colocation':
        case 'order':
        case 'ticket':
        case 'fencing-level':
          checkKeys(ctx, node.kind, node.attrs);
          if (node.kind === 'fencing-level') checkLevelTarget(ctx, node);
          if (node.kind === 'location') checkLocationSubject(ctx, node);
          if (node.kind === 'host' && node.body) {
            ctx.report({ node: node.name, message: `host '${node.name.text}' is no cluster node: it has no attributes or utilization`, help: ['write node for a cluster member; a host line takes addr= only'] });
          }
          if (node.kind === 'auth') {
            for (const a of node.attrs) {
              if (a.key.text !== 'authkey' || a.value.secret?.scheme === 'file') continue;
              ctx.report({ node: a, property: 'value', message: "authkey= takes file:PATH: Pacemaker's remote key is a binary file, copied as it is", help: ['auth hacluster password=env:PCSD_PASSWORD authkey=file:/root/pacemaker-authkey (made once with dd if=/dev/urandom of=… bs=4096 count=1)'] });
            }
          }
          if (node.kind === 'auth' && !USER_NAME.test(node.user.text)) {
            ctx.report({
              node: node.user,
              message: `'${node.user.text}' is not a user name`,
              help: ['a user name is lower-case letters, digits, _ and - (at most 32 characters, not starting with a digit or -): the pcsd user is normally hacluster'],
            });
          }
          break;
        case 'recipient':
          checkKeys(ctx, 'recipient', node.attrs);
          break;
        case 'rule': {
          checkClosedKeys(ctx, 'a rule', node.attrs, RULE_KEYS.map((k) => k.name));
          const score = node.attrs.find((a) => a.key.text === 'score');
          const from = node.attrs.find((a) => a.key.text === 'score-attribute');
          if (score && from) ctx.report({ node: from, property: 'key', message: 'a rule has score= or score-attribute=, not both', help: ['score-attribute=NAME takes the score from that node attribute on each node'] });
          break;
        }
        case 'resource-set':
          checkClosedKeys(ctx, 'a resource set', node.attrs, RESOURCE_SET_KEY_FACTS.map((k) => k.name));
          if (node.members.length === 0) ctx.report({ node, message: 'an empty resource set', help: ['a set lists the resources it holds: { a b }'] });
          break;
        case 'rule-group':
          checkClosedKeys(ctx, 'a parenthesis', node.attrs, ['id']);
          break;
        case 'rule-date-spec':
          checkClosedKeys(ctx, 'date-spec', node.attrs, DATE_SPEC_KEYS);
          break;
        case 'rule-date':
          if (node.duration) checkClosedKeys(ctx, 'duration', node.duration, DURATION_KEYS);
          break;
        case 'rule-op':
          checkClosedKeys(ctx, 'an op expression', node.attrs, OP_EXPRESSION_KEYS);
          break;
        case 'sbd':
        case 'corosync':
          checkStackBlock(ctx, node);
          break;
        case 'bundle':
          checkBundle(ctx, node);
          break;
        case 'bundle-line':
          checkKeys(ctx, node.keyword.text, node.attrs);
          break;
        case 'acl-permission':
          checkKeys(ctx, node.keyword.text, node.attrs);
          checkPermission(ctx, node);
          break;
        case 'acl-target':
          checkKeys(ctx, node.keyword.text, node.attrs);
          break;
        case 'select':
          for (const k of node.kinds) {
            if ((SELECT_KINDS as readonly string[]).includes(k.text)) continue;
            ctx.report({ node: k, message: `'${k.text}' is no kind of alert event: select takes ${SELECT_KINDS.join(', ')}`, ...misspelt(k.text, SELECT_KINDS) });
          }
          for (const a of node.attrs) {
            if (a.key.text === 'attributes') continue;
            ctx.report({ node: a, property: 'key', message: `unknown attribute '${a.key.text}' for select: expected attributes=NAME,…`, ...misspelt(a.key.text, ['attributes']) });
          }
          break;
        case 'attr-set':
          for (const a of node.setIds.slice(1)) {
            ctx.report({ node: a, property: 'key', message: `a second ${SET_ID_KEY} on one line (the first is at column ${node.setIds[0]!.start - lineStart(ctx, node.setIds[0]!) + 1})`, help: ['an attribute set has one id'] });
          }
          checkSetForm(ctx, node, parent);
          break;
        case 'platform':
          if (!PLATFORM_NAMES.includes(node.name.text)) {
            ctx.report({ node: node.name, message: `unknown platform '${node.name.text}'`, ...misspelt(node.name.text, PLATFORM_NAMES, `a platform is one of: ${PLATFORM_NAMES.join(', ')}`) });
          }
          break;
        case 'autostart':
          if (!AUTOSTART_VALUES.includes(node.value.text)) {
            ctx.report({ node: node.value, message: `expected true or false after autostart, found '${node.value.text}'`, help: ['autostart false creates the cluster without enabling it at boot; true (the default) enables it'] });
          }
          break;
        case 'operations':
          checkKeys(ctx, 'operations', node.attrs);
          checkOperations(ctx, node, parent);
          break;
        case 'default-ops':
          if (!DEFAULT_OPS_VALUES.includes(node.value.text)) {
            ctx.report({ node: node.value, message: `expected 'none' after default-ops, found '${node.value.text}'`, help: ['write default-ops none: build then adds no operations to this primitive'] });
          }
          break;
      }
    }
    for (const b of [...(model.sbd?.extra ?? []), ...model.corosync.extra]) {
      ctx.report({ node: b.keyword, message: `a second ${b.kind} block: a cluster has one`, help: [`move its lines into the first ${b.kind} { }`] });
    }
    return {
      value(v) {
        if (v.secret) checkSecret(ctx, v);
      },
    };
  },
};

/**
 * The word of the lines of an sbd or corosync block that take one (`device PATH`, `link NUMBER`;
 * the parser reads no more), the keys of the sbd lines (corosync's are HA414's: they depend on transport and
 * platform), one transport line and one line per link number.
 */
function checkStackBlock(ctx: RuleContext, block: A.StackBlock): void {
  const words = block.kind === 'sbd' ? SBD_LINE_WORDS : COROSYNC_LINE_WORDS;
  const seen = new Map<string, A.StackLine>();
  for (const line of block.body) {
    const kw = line.keyword.text;
    const wanted = words[kw];
    if (wanted !== undefined && line.words.length === 0) {
      ctx.report({ node: line.keyword, message: `${kw} needs ${wanted}`, help: [`write ${kw} ${kw === 'link' ? '0' : kw === 'transport' ? 'knet' : '/dev/…'} …`] });
    }
    if (block.kind === 'sbd') checkKeys(ctx, kw, line.attrs);
    const once = kw === 'transport' ? kw : kw === 'link' && line.words[0] ? `link ${line.words[0].text}` : undefined;
    if (once === undefined) continue;
    const first = seen.get(once);
    if (first) ctx.report({ node: line.keyword, message: `a second '${once}' line (the first is on line ${ctx.line(first)})`, help: [`write the options of ${once} on one line`], related: [{ node: first, message: 'the first' }] });
    else seen.set(once, line);
  }
}

/**
 * A bundle: one container line, with a type Pacemaker knows; one network line; at most one
 * primitive (a bundle runs one resource in each replica).
 */
function checkBundle(ctx: RuleContext, b: A.BundleStmt): void {
  const lines = b.items.filter((i): i is A.BundleLine => i.kind === 'bundle-line');
  const containers = lines.filter((l) => l.keyword.text === 'container');
  if (containers.length === 0) ctx.report({ node: b.name, message: `bundle '${b.name.text}' has no container line`, help: ['write container podman image=IMAGE (or docker): the image each replica runs'] });
  for (const c of containers) {
    const type = c.words[0];
    if (!type) ctx.report({ node: c.keyword, message: `container needs ${BUNDLE_LINE_WORDS['container']}`, help: ['write container podman image=…'] });
    else if (!(CONTAINER_TYPES as readonly string[]).includes(type.text)) ctx.report({ node: type, message: `unknown container type '${type.text}'`, ...misspelt(type.text, CONTAINER_TYPES, `a container is one of: ${CONTAINER_TYPES.join(', ')}`) });
  }
  for (const kw of ['container', 'network'] as const) {
    const [first, ...more] = lines.filter((l) => l.keyword.text === kw);
    for (const l of more) ctx.report({ node: l.keyword, message: `a second ${kw} line in bundle '${b.name.text}' (the first is on line ${ctx.line(first!)})`, help: [`write the options of ${kw} on one line`], related: [{ node: first!, message: 'the first' }] });
  }
  const [, ...extra] = b.items.filter((i) => i.kind === 'primitive');
  for (const p of extra) ctx.report({ node: p, message: `bundle '${b.name.text}' holds one primitive (each replica runs it)`, help: ['put the other primitive in a bundle of its own, or run it outside and colocate it'] });
}

/** A permission covers one thing: an XPath, an element by id, or a type of element (and maybe one attribute of it). */
function checkPermission(ctx: RuleContext, line: A.AclPermissionLine): void {
  const scopes = line.attrs.filter((a) => (PERMISSION_SCOPES as readonly string[]).includes(a.key.text));
  const help = [`${line.keyword.text} xpath=/cib/configuration/resources, ${line.keyword.text} reference=ID or ${line.keyword.text} object-type=nvpair attribute=value`];
  if (scopes.length === 0) ctx.report({ node: line.keyword, message: `a ${line.keyword.text} permission needs one of ${PERMISSION_SCOPES.join('=, ')}=`, help });
  for (const a of scopes.slice(1)) ctx.report({ node: a, property: 'key', message: `a permission covers one thing: ${scopes[0]!.key.text}= or ${a.key.text}=, not both`, help });
  const attribute = line.attrs.find((a) => a.key.text === 'attribute');
  if (attribute && !scopes.some((a) => a.key.text === 'object-type')) ctx.report({ node: attribute, property: 'key', message: 'attribute= narrows object-type= (an xpath or a reference is specific already)', help: [`${line.keyword.text} object-type=nvpair attribute=value`] });
}

/**
 * `operations`: an id or a reference (not both, not neither); with a reference the ops are the other
 * element's, so the primitive writes none.
 */
function checkOperations(ctx: RuleContext, line: A.OperationsLine, parent: A.Node | undefined): void {
  const id = line.attrs.find((a) => a.key.text === SET_ID_KEY);
  const ref = line.attrs.find((a) => a.key.text === SET_ID_REF_KEY);
  if (!id && !ref) ctx.report({ node: line.keyword, message: `an operations line takes ${SET_ID_KEY}=ID or ${SET_ID_REF_KEY}=ID`, help: [`operations ${SET_ID_KEY}=std-ops names this primitive's operations; operations ${SET_ID_REF_KEY}=std-ops uses another's`] });
  if (id && ref) ctx.report({ node: ref, property: 'key', message: `an operations line has ${SET_ID_KEY}= or ${SET_ID_REF_KEY}=, not both`, help: [`${SET_ID_REF_KEY}= makes the ops another's: they have that one's id`] });
  if (!ref || (parent?.kind !== 'primitive' && parent?.kind !== 'template')) return;
  const op = parent.body?.find((i): i is A.OpLine => i.kind === 'op');
  if (op) {
    ctx.report({
      node: op.name,
      message: `'${parent.name.text}' takes its ops from ${SET_ID_REF_KEY}=${ref.value.text}: an op of its own has no place`,
      help: ['write the op on the primitive whose operations have that id, or drop the reference'],
    });
  }
}

/**
 * A set's own form: only owners with several sets of a kind (resources, nodes, the cluster's
 * settings) take braces, `$score=`, a rule or `$id-ref=`; a reference is the other set, so it has
 * no pairs, score or rule of its own; a set's rule takes `id=` and `score=` alone (the schema's
 * score, which Pacemaker ignores there: a set's precedence is `$score=`).
 */
function checkSetForm(ctx: RuleContext, set: A.AttrSet, parent: A.Node | undefined): void {
  const single = parent?.kind === 'op' || parent?.kind === 'alert' || parent?.kind === 'recipient';
  if (single && isOwnSet(set)) {
    const what = set.scores[0] ?? set.idRefs[0] ?? set.rule?.keyword;
    ctx.report({
      node: what ?? set.keyword,
      message: `${parent.kind === 'op' ? "an op's" : parent.kind === 'alert' ? "an alert's" : "a recipient's"} ${set.keyword.text} is one set: it takes no { }, ${SET_SCORE_KEY}, ${SET_ID_REF_KEY} or rule`,
      help: [`write the pairs on the ${set.keyword.text} line`],
    });
  }
  const ref = set.idRefs[set.idRefs.length - 1];
  // The cluster's settings sections hold their sets whole: a reference has no form there.
  if (ref && parent?.kind === 'cluster') {
    ctx.report({ node: ref, property: 'key', message: `${set.keyword.text} takes no ${SET_ID_REF_KEY}: write the set's pairs here`, help: [`${set.keyword.text} $id=NAME { … } is a set of its own`] });
    return;
  }
  if (ref) {
    const extra = set.attrs[0] ?? set.scores[0] ?? set.setIds[0] ?? set.rule?.keyword;
    if (extra) {
      ctx.report({
        node: extra,
        message: `a ${set.keyword.text} line with ${SET_ID_REF_KEY}=${ref.value.text} is that set: it has no pairs, id, score or rule of its own`,
        help: [`write them on the set with $id=${ref.value.text}, or a set of this owner's own beside the reference`],
      });
    }
  }
  if (set.rule) {
    for (const a of set.rule.attrs) {
      // score= is the schema's (before pacemaker-3.9 a rule wants one), which Pacemaker ignores in a set.
      if (a.key.text === 'id' || a.key.text === 'score' || !RULE_KEYS.some((k) => k.name === a.key.text)) continue;
      ctx.report({
        node: a,
        property: 'key',
        message: `a set's rule takes id= and score= alone: '${a.key.text}' belongs to a location's rule`,
        help: [`a set's precedence among its owner's sets is ${SET_SCORE_KEY}=N on the set`],
      });
    }
  }
}

function lineStart(ctx: RuleContext, node: A.Spanned): number {
  const text = ctx.model.file.text;
  return text.lastIndexOf('\n', node.start - 1) + 1;
}
