import type { ClusterModel } from '../../model/model.js';
import { attributesSet } from '../node-attributes.js';
import type * as A from '../../syntax/ast.js';
import { misspelt, NameIndex } from '../../syntax/didyoumean.js';
import { walk } from '../../syntax/walk.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** The node attributes a file tests, where it names them: rules, score-attribute, node-attribute, a level's target-attribute. */
function attributesTested(m: ClusterModel): A.Value[] {
  const out: A.Value[] = [];
  for (const { rule } of m.rules) {
    const from = rule.values.get('score-attribute');
    if (from) out.push(from.value);
    if (rule.decl.expr) {
      walk(rule.decl.expr, (n) => {
        if (n.kind === 'rule-defined' || n.kind === 'rule-compare') out.push(n.attribute);
      });
    }
  }
  for (const c of m.constraints) {
    const byAttribute = c.kind === 'colocation' ? c.values.get('node-attribute') : undefined;
    if (byAttribute) out.push(byAttribute.value);
  }
  for (const l of m.fencingLevels) if (l.target.kind === 'attribute') out.push(l.target.name.value);
  return out;
}

export const ha109: Rule = {
  code: 'HA109',
  name: 'node-attribute-never-set',
  severity: 'warning',
  docs: {
    summary: "A rule, score-attribute, colocation node-attribute or fencing level tests a node attribute nothing sets.",
    rationale:
      "Pacemaker treats an attribute no node has as undefined: `pingd lt 1` is then false everywhere and `not_defined pingd` true everywhere, so a typo (`pingd` for ping's `name=connected`) bans a resource from every node or never applies. The attributes hacc knows are set: the nodes' `attributes`, Pacemaker's own (#uname, #id, #kind…), ping's `name` (pingd by default), a promotable resource's promotion score (master-RESOURCE). One set by hand (crm_attribute) outside the file is not known: declare it on the nodes.",
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  clone ping-clone {
    primitive ping ocf:pacemaker:ping {
      params host_list=10.0.0.254 name=connected
      op monitor interval=10s timeout=60s
    }
  }
  location web-needs-gateway web rule score=-INFINITY pingd lt integer 1
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  clone ping-clone {
    primitive ping ocf:pacemaker:ping {
      params host_list=10.0.0.254 name=connected
      op monitor interval=10s timeout=60s
    }
  }
  location web-needs-gateway web rule score=-INFINITY connected lt integer 1
`),
  },
  check(ctx) {
    const tested = attributesTested(ctx.model);
    if (tested.length === 0) return;
    const known = attributesSet(ctx.model);
    const index = new NameIndex(known);
    for (const v of tested) {
      if (known.has(v.text)) continue;
      const { help, fix } = misspelt(v.text, index, `declare it on the nodes: node NAME … { attributes ${v.text}=VALUE }`);
      ctx.report({ node: v, message: `no node attribute '${v.text}' is set by the nodes, Pacemaker or an agent of this cluster`, help, ...(fix ? { fix } : {}) });
    }
  },
};
