// Shell words for the generated bash: every value from a .ha file reaches bash only through
// shQuote, so no byte it holds (quotes, `$(…)`, backticks, `;`, newlines, `*`, a leading `-`) can do
// anything but be itself. A word is a list of parts: literal text, a bash variable the script set
// itself (`$NEW`), or a value from the plan (never a secret: see renderWord).

import type { CibValue } from '../cib/model.js';

export type Part =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'value'; readonly value: CibValue };

/** One argument. */
export type Word = readonly Part[];
/** One command: its argv. */
export type Cmd = readonly Word[];

export const lit = (text: string): Word => [{ kind: 'lit', text }];
export const shVar = (name: string): Word => [{ kind: 'var', name }];
/** `key=value`: pcs's name=value argument. */
export const kv = (key: string, value: CibValue | string): Word => [
  { kind: 'lit', text: `${key}=` },
  typeof value === 'string' ? { kind: 'lit', text: value } : { kind: 'value', value },
];
/** A command of literal words only. */
export const cmd = (...words: readonly (string | Word)[]): Word[] => words.map((w) => (typeof w === 'string' ? lit(w) : w));

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * The word as bash source that evaluates to exactly `s`: bare when it holds only characters no shell
 * treats specially, `$'…'` when it holds control characters (so a newline stays visible as \n),
 * single quotes otherwise (a quote inside becomes '\''). Unicode passes through as UTF-8.
 */
export function shQuote(s: string): string {
  if (SAFE.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) {
    let out = "$'";
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (ch === '\\') out += '\\\\';
      else if (ch === "'") out += "\\'";
      else if (ch === '\n') out += '\\n';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\r') out += '\\r';
      else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
      else out += ch;
    }
    return `${out}'`;
  }
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * The value a secret nvpair is created with (by pcs, or in crm.conf), never its own: setup.sh sets
 * the real one at once, on cibadmin's standard input (set_secret_nvpair).
 */
export const SECRET_PLACEHOLDER = 'hacc-secret-pending';

/** A secret as it is shown instead of its value: `<env:IPMI_PASSWORD>`, `<file:/etc/hacc/pw>`. */
export function secretLabel(value: Extract<CibValue, { kind: 'secret' }>): string {
  return `<${value.scheme}:${value.ref}>`;
}

/**
 * A word as bash source. Variables are expanded inside double quotes, never split. A secret is no
 * word: an argument is in /proc/PID/cmdline for every local user while the program runs, so setup.sh
 * hands secrets over on standard input only (set_secret_nvpair, run_input).
 */
export function renderWord(word: Word): string {
  let out = '';
  let run = '';
  let literalOnly = true;
  for (const p of word) {
    if (p.kind === 'lit') run += p.text;
    else if (p.kind === 'value') {
      if (p.value.kind === 'secret') throw new Error(`internal error: ${secretLabel(p.value)} would be an argument of a command`);
      run += p.value.text;
    } else {
      literalOnly = false;
      if (run !== '') out += shQuote(run);
      run = '';
      out += `"$${p.name}"`;
    }
  }
  if (literalOnly) return shQuote(run);
  if (run !== '') out += shQuote(run);
  return out;
}

/** A command as a reader sees it: values quoted, secrets as `<env:NAME>`, variables as `$NAME`. */
export function displayCmd(c: Cmd): string {
  return c
    .map((w) =>
      w
        .map((p) => {
          if (p.kind === 'lit') return p.text;
          if (p.kind === 'var') return `$${p.name}`;
          return p.value.kind === 'literal' ? p.value.text : secretLabel(p.value);
        })
        .join(''),
    )
    .map((s, i) => (c[i]!.some((p) => p.kind === 'var') ? `"${s}"` : shQuote(s)))
    .join(' ');
}
