import type { ParamType } from '../catalogue/types.js';
import type * as A from '../syntax/ast.js';

// Value syntax as Pacemaker parses it. One validator serves properties (HA405), params and meta
// (HA205) and op attributes (HA208).

const TRUE = ['true', 'on', 'yes', 'y', '1'];
const FALSE = ['false', 'off', 'no', 'n', '0'];

/** Pacemaker's boolean reading (crm_is_true and its mirror); undefined when it is neither. */
export function booleanValue(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (TRUE.includes(t)) return true;
  if (FALSE.includes(t)) return false;
  return undefined;
}

const DURATION = /^\s*\d+(?:\.\d+)?\s*(?:ms|msec|us|usec|s|sec|m|min|h|hr)?\s*$/i;
// ISO 8601 as Pacemaker's crm_time_parse_duration reads it: H and S need no T (P30S, P1H), M is
// months before T and minutes after it.
const ISO_DURATION = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:\d+H)?(?:\d+(?:\.\d+)?S)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

const durations = new Map<string, number | undefined>();

/** Milliseconds of a Pacemaker duration (`20s`, `1min`, `500ms`, `90`, `PT30S`), or undefined. */
export function durationMs(text: string): number | undefined {
  // A file repeats a handful of durations thousands of times.
  if (durations.has(text)) return durations.get(text);
  const ms = parseDuration(text);
  if (durations.size < 10_000) durations.set(text, ms);
  return ms;
}

function parseDuration(text: string): number | undefined {
  if (DURATION.test(text)) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)!;
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const factor: Record<string, number> = { '': 1000, s: 1000, sec: 1000, ms: 1, msec: 1, us: 0.001, usec: 0.001, m: 60000, min: 60000, h: 3600000, hr: 3600000 };
    return n * factor[unit]!;
  }
  const iso = ISO_DURATION.exec(text);
  if (!iso) return undefined;
  const [date, time = ''] = text.slice(1).split('T') as [string, string | undefined];
  const d = (re: RegExp, s: string) => Number(re.exec(s)?.[1] ?? 0);
  const days = d(/(\d+)Y/, date) * 365 + d(/(\d+)M/, date) * 30 + d(/(\d+)W/, date) * 7 + d(/(\d+)D/, date);
  const seconds = (part: string) => d(/(\d+)H/, part) * 3600 + Number(/(\d+(?:\.\d+)?)S/.exec(part)?.[1] ?? 0);
  const secs = seconds(date) + seconds(time) + d(/(\d+)M/, time) * 60;
  return (days * 86400 + secs) * 1000;
}

const SCORE = /^(?:[-+]?INFINITY|[-+]?\d+)$/i;

/** Why `text` is not a valid value of `type`, or undefined when it is (`anyCase`: `values` match in any case). */
export function valueProblem(type: ParamType, text: string, values?: readonly string[], anyCase = false): string | undefined {
  if (anyCase && values?.some((v) => v.toLowerCase() === text.toLowerCase())) return undefined;
  switch (type) {
    case 'boolean':
      return booleanValue(text) === undefined ? `'${text}' is not a boolean (true or false)` : undefined;
    case 'integer':
      return /^[-+]?\d+$/.test(text) || /^[-+]?INFINITY$/i.test(text) ? undefined : `'${text}' is not an integer`;
    case 'nonnegative_integer':
      return /^\+?\d+$/.test(text) ? undefined : `'${text}' is not a non-negative integer`;
    case 'port':
      return /^\d+$/.test(text) && Number(text) <= 65535 ? undefined : `'${text}' is not a port number (0-65535)`;
    case 'score':
      return SCORE.test(text) ? undefined : `'${text}' is not a score (an integer, INFINITY or -INFINITY)`;
    case 'time':
      return durationMs(text) === undefined ? `'${text}' is not a duration (e.g. 20s, 5min, 1h, 500ms)` : undefined;
    case 'percentage':
      return /^\d+(?:\.\d+)?%?$/.test(text) ? undefined : `'${text}' is not a percentage`;
    case 'select':
      return values && values.length > 0 && !values.includes(text)
        ? `'${text}' is not one of ${values.map((v) => `'${v}'`).join(', ')}`
        : undefined;
    default:
      return values && values.length > 0 && !values.includes(text)
        ? `'${text}' is not one of ${values.map((v) => `'${v}'`).join(', ')}`
        : undefined;
  }
}

/** name -> the attribute that counts, the last one written (as with repeated `pcs … set`). */
export function lastWins(attrs: readonly A.Attr[]): Map<string, A.Attr> {
  const out = new Map<string, A.Attr>();
  for (const a of attrs) out.set(a.key.text, a);
  return out;
}
