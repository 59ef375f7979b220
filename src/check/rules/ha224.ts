import { compareVersions, CONTROL_ESCAPE_FIXED, PLATFORM_PACEMAKER_VERSION } from '../../catalogue/platforms.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** The first line break, tab or DEL of a value, or undefined when it has none. */
function mangled(text: string): 'a line break' | 'a tab' | 'a DEL character' | undefined {
  const at = text.search(/[\n\t\u007f]/);
  if (at < 0) return undefined;
  return text[at] === '\n' ? 'a line break' : text[at] === '\t' ? 'a tab' : 'a DEL character';
}

const STORED_AS = {
  'a line break': 'the two characters \\n (2.1.5) or a space',
  'a tab': 'four spaces (2.1.5) or a space',
  'a DEL character': 'the four characters \\177',
} as const;

export const ha224: Rule = {
  code: 'HA224',
  name: 'value-line-break-or-tab',
  severity: 'error',
  docs: {
    summary: 'A value holding a line break or a tab (the \\n and \\t escapes): no Pacemaker hacc builds for keeps one in the CIB; or a DEL character (U+007F), which Pacemaker up to 2.1.7 stores as the characters \\177.',
    rationale:
      "Pacemaker writes every CIB it changes with its own XML writer, and the writers of the Pacemaker versions hacc builds for do not keep a line break or tab in an attribute value: Debian 12's 2.1.5 stores a line break as the two characters \\n and a tab as four spaces (the Pacemaker suite shows it with the installed cibadmin), and the 2024 writer (pcmk__xml_escape before its escape types) leaves them raw, which every XML parser reads back as a space; only the later one writes &#10; and &#9;. The value the cluster runs with is not the one in the file: a two-line start command of an `anything` resource becomes one line with \\n in it. hacc's cib.xml would carry it, so the CIB pcs builds and cib.xml would differ.",
    bad: labCluster(`  primitive job anything {
    start "/usr/bin/prepare\\n/usr/bin/run"
    stop "/usr/bin/pkill -f run"
    monitor "/usr/bin/pgrep -f run"
  }
`),
    good: labCluster(`  primitive job anything {
    start "/usr/bin/prepare && /usr/bin/run"
    stop "/usr/bin/pkill -f run"
    monitor "/usr/bin/pgrep -f run"
  }
`),
  },
  check(ctx) {
    // DEL (U+007F): Pacemaker up to 2.1.7 writes every attribute through crm_xml_escape, which turns
    // it into the octal escape \177 (lib/common/xml_attr.c; 2.1.8's pcmk__xml_escape writes &#x7F;).
    const delKept = compareVersions(PLATFORM_PACEMAKER_VERSION[ctx.model.platform], CONTROL_ESCAPE_FIXED) >= 0;
    return {
      value(node) {
        // Only a quoted string can hold a line break, tab or DEL (a bare word cannot).
        const what = node.quoted ? mangled(node.text) : undefined;
        if (what === undefined || (what === 'a DEL character' && delKept)) return;
        ctx.report({
          node,
          message: `${what} in a value does not reach the cluster: ${what === 'a DEL character' ? `Pacemaker ${PLATFORM_PACEMAKER_VERSION[ctx.model.platform]} (${ctx.model.platform})` : 'Pacemaker'} stores it as ${STORED_AS[what]}`,
          help: [what === 'a line break' ? 'write it on one line: join commands with && or ;, or put them in a script' : what === 'a tab' ? 'use spaces' : 'leave it out'],
        });
      },
    };
  },
};
