import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** What Pacemaker makes of the first line break or tab of a value, or undefined when it has none. */
function mangled(text: string): string | undefined {
  const at = text.search(/[\n\t]/);
  if (at < 0) return undefined;
  return text[at] === '\n' ? 'a line break' : 'a tab';
}

export const ha224: Rule = {
  code: 'HA224',
  name: 'value-line-break-or-tab',
  severity: 'error',
  docs: {
    summary: 'A value holding a line break or a tab (the \\n and \\t escapes): no Pacemaker hacc builds for keeps one in the CIB.',
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
    for (const node of ctx.model.values) {
      // Only a quoted string can hold a line break or tab (a bare word cannot).
      const what = node.quoted ? mangled(node.text) : undefined;
      if (what === undefined) continue;
      ctx.report({
        node,
        message: `${what} in a value does not reach the cluster: Pacemaker stores it as ${what === 'a line break' ? 'the two characters \\n (2.1.5) or a space' : 'four spaces (2.1.5) or a space'}`,
        help: [what === 'a line break' ? 'write it on one line: join commands with && or ;, or put them in a script' : 'use spaces'],
      });
    }
  },
};
