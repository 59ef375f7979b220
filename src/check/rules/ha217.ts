import { compareVersions, PLATFORM_PACEMAKER_VERSION, XML_ESCAPE_FIXED } from '../../catalogue/platforms.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const NON_ASCII = /[^\u0000-\u007f]/;

/** The first character Pacemaker before 2.1.10 would leave unescaped: `<`, `&`, `"` or a control character after a non-ASCII one. */
function unescapedAt(text: string): number {
  if (!NON_ASCII.test(text)) return -1;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) nonAscii = true;
    else if (nonAscii && (c === 0x3c || c === 0x26 || c === 0x22 || c < 0x20)) return i;
  }
  return -1;
}

export const ha217: Rule = {
  code: 'HA217',
  name: 'value-pacemaker-corrupts',
  severity: 'error',
  docs: {
    summary:
      "A value in which <, &, \" or a control character follows a non-ASCII character, on a platform whose Pacemaker is older than 2.1.10: it writes that value into the CIB unescaped.",
    rationale:
      'Pacemaker before 2.1.10 stops escaping a string at its first multi-byte UTF-8 character when it writes XML (lib/common/xml.c, fixed in 2.1.10): the CIB on disk is no longer well-formed, and the cluster can lose its configuration. The Pacemaker suite shows it with the installed cibadmin.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    params fake="café <b>"
    op monitor interval=10s
  }
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    params fake="café, bold"
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    const version = PLATFORM_PACEMAKER_VERSION[m.platform];
    // Most files are ASCII: one look at the whole text, then nothing to do.
    if (compareVersions(version, XML_ESCAPE_FIXED) >= 0 || !NON_ASCII.test(m.file.text)) return;
    return {
      value(node) {
        if (node.secret) return;
        const at = unescapedAt(node.text);
        if (at < 0) return;
        const ch = node.text[at]!;
        const shown = ch < ' ' ? `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : ch;
        ctx.report({
          node,
          message: `'${shown}' after a non-ASCII character: ${m.platform}'s Pacemaker ${version} writes it into the CIB unescaped, and the CIB is no longer well-formed`,
          help: ['leave out the non-ASCII characters, or the <, & and " (and line breaks, tabs) after them; Pacemaker 2.1.10 and later escape them'],
        });
      },
    };
  },
};
