import { describe, expect, it } from 'vitest';
import { cibPrimitives } from '../../src/cib/model.js';
import { NotACibError, readCib, readCibText, type ReadResult } from '../../src/cib/read.js';
import { parseXml, XmlSyntaxError } from '../../src/cib/xml-reader.js';

// readCibText reads each resource as its element closes; readCib reads the whole parse. They must
// read the same: the model, the parts listed (in document order), and where each object was read.

const configuration = `<configuration>
    <crm_config><cluster_property_set id="opts"><nvpair id="opts-x" name="x" value="1"/></cluster_property_set><oddity id="o1"/></crm_config>
    <nodes><node id="1" uname="a"/></nodes>
    <resources>
      <primitive id="first" class="ocf" provider="heartbeat" type="Dummy">
        <operations><op id="first-ref" id-ref="elsewhere"/><op id="first-monitor" name="monitor" interval="10s"/></operations>
      </primitive>
      <primitive id="made" template="tpl"/>
      <group id="g"><primitive id="in-g" class="ocf" provider="heartbeat" type="Dummy"/><gadget id="gx"/></group>
      <template id="tpl" class="ocf" provider="heartbeat" type="Dummy"/>
      <widget id="w"/>
    </resources>
    <constraints><rsc_widget id="c1"/><rsc_order id="o" first="first" then="g"/></constraints>
  </configuration>`;

function summary(r: ReadResult) {
  const conf = r.cib.configuration;
  return { cib: r.cib, unsupported: r.unsupported, ignored: r.ignored, xpaths: [...conf.resources, ...cibPrimitives(conf)].map((o) => r.xpathOf(o)) };
}

describe('readCibText: resources read as their elements close', () => {
  it('reads what readCib reads, with the parts listed in document order', () => {
    const xml = `<cib validate-with="pacemaker-3.9">${configuration}<status/></cib>`;
    const early = readCibText(xml);
    expect(summary(early)).toEqual(summary(readCib(parseXml(xml))));
    expect(early.unsupported.map((u) => u.id)).toEqual(['o1', 'first-ref', 'gx', 'w', 'c1']);
    expect(early.xpathOf(early.cib.configuration.resources[0]!)).toBe("/cib/configuration/resources/primitive[@id='first']");
    // A primitive made from a template that comes after it waits for readCib, which reads templates first.
    const made = cibPrimitives(early.cib.configuration).find((p) => p.id === 'made');
    expect(made && { class: made.class, type: made.type, template: made.template }).toEqual({ class: 'ocf', type: 'Dummy', template: 'tpl' });
  });

  it('reads a bare <configuration> the same way', () => {
    const early = readCibText(configuration);
    expect(summary(early)).toEqual(summary(readCib(parseXml(configuration))));
    expect(early.xpathOf(early.cib.configuration.resources[0]!)).toBe("/configuration/resources/primitive[@id='first']");
  });

  it('finds where any object was read, deep or shallow, once a message asks', () => {
    // Reading records no XPath; the first lookup reads the input again and pairs the two readings.
    for (const read of [readCibText(configuration), readCib(parseXml(configuration))]) {
      const conf = read.cib.configuration;
      const first = cibPrimitives(conf).find((p) => p.id === 'first')!;
      expect(read.xpathOf(first.operations[0]!)).toBe("/configuration/resources/primitive[@id='first']/operations/op[@id='first-monitor']");
      expect(read.xpathOf(conf.crmConfig[0]!.pairs[0]!)).toBe("/configuration/crm_config/cluster_property_set[@id='opts']/nvpair[@id='opts-x']");
      expect(read.xpathOf(conf.constraints[0]!)).toBe("/configuration/constraints/rsc_order[@id='o']");
      // An object the reading did not make has no place in it.
      expect(read.xpathOf({ ...first })).toBe('');
    }
  });

  it('refuses what readCib refuses', () => {
    expect(() => readCibText(`<other>${configuration}</other>`)).toThrow(NotACibError);
    expect(() => readCibText(`<cib>${configuration}`)).toThrow(XmlSyntaxError);
  });
});
