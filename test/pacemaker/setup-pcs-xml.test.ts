// setup.sh with the real Debian pcs, the resources and constraints loaded as XML (what it does for a
// large configuration): for every fixture it applies to, `setup.sh configure --cib-file F` on the
// debian12 target gives the configuration of hacc's own cib.xml, as one pcs command per object does
// (setup-pcs.test.ts). A second run must leave the file as it is: what it tests is how setup.sh
// clears what the file manages from its copy of the CIB before it builds the configuration again
// (clear_configuration), the same whichever way the resources go in. It is run for each fixture whose
// cib.xml has an element under a parent (or a secret) no fixture before it had, so every such kind
// goes through one.

import { describe, expect, it } from 'vitest';
import { readText } from '../../test-support/expectations.js';
import { build } from '../../test-support/setup-script-harness.js';
import { cleanFixtures, configureFileEqualsCib } from '../../test-support/setup-replay.js';

/** Each element of a CIB as PARENT>TAG, and PARENT>secret for the place of each secret (a comment in cib.xml). */
function kinds(xml: string): Set<string> {
  const out = new Set<string>();
  const open: string[] = [];
  for (const [whole, close, tag, empty] of xml.matchAll(/<(\/?)([\w-]+)[^>]*?(\/?)>|<!--[^]*?-->/g)) {
    if (tag === undefined) {
      if (whole.includes('set by the setup script')) out.add(`${open.at(-1)}>secret`);
    } else if (close) {
      open.pop();
    } else {
      out.add(`${open.at(-1) ?? ''}>${tag}`);
      if (!empty) open.push(tag);
    }
  }
  return out;
}

describe('configure --cib-file with the real pcs (debian12), resources and constraints as XML, equals cib.xml', () => {
  const fixtures = cleanFixtures();

  it('has the clean fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(90);
  });

  const rerun = new Set<string>();
  for (const file of fixtures) {
    it(`${file}, resources and constraints as XML`, () => {
      const { script, cib } = build(readText(file), 'debian12', file, { bulkFrom: 0 });
      if (!script.includes('write_resources')) {
        // Only values with control characters keep pcs: Pacemaker and pcs have their own ways with them.
        expect(file).toBe('fixtures/ok/setup-adversarial.ha');
        return;
      }
      const fresh = [...kinds(cib)].filter((kind) => !rerun.has(kind));
      fresh.forEach((kind) => rerun.add(kind));
      configureFileEqualsCib(readText(file), file, { bulkFrom: 0 }, 'debian12', { again: fresh.length > 0 });
    });
  }

  it('a second run was made for every kind of element', () => {
    const sections = ['resources>primitive', 'resources>group', 'resources>clone', 'resources>bundle', 'resources>template', 'constraints>rsc_location', 'constraints>rsc_order', 'constraints>rsc_colocation', 'constraints>rsc_ticket', 'fencing-topology>fencing-level', 'acls>acl_role', 'acls>acl_target', 'acls>acl_group', 'tags>tag', 'alerts>alert', 'configuration>rsc_defaults', 'configuration>op_defaults', 'crm_config>cluster_property_set', 'node>instance_attributes', 'node>utilization', 'instance_attributes>secret'];
    expect([...rerun]).toEqual(expect.arrayContaining(sections));
  });
});
